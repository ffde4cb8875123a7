//! Emergency department visits: injuries with 7th characters, laterality and external causes (cause, place,
//! activity, status), medical complaints coded by the outpatient rules (symptoms when the ED physician leaves the
//! diagnosis uncertain, OCG IV.H), poisoning versus adverse effect, and the ED physician's professional claim with
//! the E/M level by the 2023 ED MDM table, repairs, splints and critical care.

use super::kb::{self, Other, Profile, ProfileSpec, Written};
use super::rng::Rng;
use super::writer::{convention, edit, guideline, tabular, why, CaseWriter, Doc};
use super::{case_id, person, sex, visit};
use crate::model::{Case, Difficulty, DocumentKind, Evidence, GoldEm, Rule, Setting, Sex, Track};

// ---------------------------------------------------------------------------------------------------------------
// The note's sections, in three house styles.

fn hd(doc: &mut Doc, st: usize, key: &str) {
    let t = match key {
        "cc" => ["CHIEF COMPLAINT:", "Chief Complaint", "CC:"],
        "hpi" => ["HISTORY OF PRESENT ILLNESS:", "History of Present Illness", "HPI:"],
        "ros" => ["REVIEW OF SYSTEMS:", "Review of Systems", "ROS:"],
        "pmh" => ["PAST MEDICAL HISTORY:", "Past Medical History", "PMH:"],
        "meds" => ["HOME MEDICATIONS:", "Medications", "Meds:"],
        "all" => ["ALLERGIES:", "Allergies", "Allergies:"],
        "soc" => ["SOCIAL HISTORY:", "Social History", "SHx:"],
        "exam" => ["PHYSICAL EXAM:", "Physical Examination", "Exam:"],
        "course" => ["ED COURSE:", "ED Course", "Course:"],
        "results" => ["RESULTS:", "Results", "Labs/Imaging:"],
        "proc" => ["PROCEDURE NOTE:", "Procedure", "Procedure:"],
        "mdm" => ["MEDICAL DECISION MAKING:", "Medical Decision Making", "MDM:"],
        "dispo" => ["DISPOSITION:", "Disposition", "Dispo:"],
        "dx" => ["CLINICAL IMPRESSION:", "Diagnoses", "Impression:"],
        "triage" => ["TRIAGE:", "Triage", "Triage:"],
        "cc_time" => ["CRITICAL CARE:", "Critical Care Time", "CC time:"],
        _ => ["NOTE:", "Note", "Note:"],
    };
    doc.heading(t[st % 3]);
}

struct Vit {
    sys: i64,
    dia: i64,
    hr: i64,
    rr: i64,
    t: f64,
    spo2: i64,
}

fn vit(rng: &mut Rng, sys: (i64, i64), hr: (i64, i64), t: (f64, f64), spo2: (i64, i64)) -> Vit {
    let s = rng.range(sys.0, sys.1);
    Vit { sys: s, dia: rng.range(s / 2 + 5, s * 2 / 3 + 8), hr: rng.range(hr.0, hr.1), rr: rng.range(14, 20), t: rng.decimal(t.0, t.1), spo2: rng.range(spo2.0, spo2.1) }
}

fn vit_line(rng: &mut Rng, v: &Vit) -> String {
    match rng.below(3) {
        0 => format!("BP {}/{}  HR {}  RR {}  T {:.1} C  SpO2 {}% RA", v.sys, v.dia, v.hr, v.rr, v.t, v.spo2),
        1 => format!("Vitals: T {:.1}, P {}, R {}, BP {}/{}, O2 sat {}% on room air", v.t, v.hr, v.rr, v.sys, v.dia, v.spo2),
        _ => format!("VS: {}/{}, pulse {}, resp {}, temp {:.1} C, pulse ox {}%", v.sys, v.dia, v.hr, v.rr, v.t, v.spo2),
    }
}

/// Opens the ED note: title, arrival, triage vitals, chief complaint. Returns the note and its style.
fn open(cw: &CaseWriter, rng: &mut Rng, arrival: &str, esi: u8, v: &Vit, cc: &str) -> (Doc, usize) {
    let title = *rng.pick(&["ED Physician Note", "Emergency Department Provider Note", "ED Visit Note", "Emergency Physician Record"]);
    let mut d = cw.doc(DocumentKind::EdNote, title, Some(1));
    let st = rng.below(3);
    let (h, m) = (rng.range(0, 23), rng.range(0, 59));
    let t = format!("{h:02}:{m:02}");
    let first = match rng.below(3) {
        0 => format!("{} {t} via {arrival}.", rng.say(&["Arrived", "Arrival"])),
        1 => format!("Mode of arrival: {arrival}. Time seen: {t}."),
        _ => format!("Pt arrived by {arrival}; seen by ED physician at {t}."),
    };
    d.line(&first);
    hd(&mut d, st, "triage");
    let vl = vit_line(rng, v);
    let pain = rng.range(3, 9);
    d.line(&format!("ESI {esi}. {vl}. {}", rng.vary(&format!("{{Pain|Pain score}} {pain}/10."))));
    hd(&mut d, st, "cc");
    d.line(cc);
    (d, st)
}

fn ros(doc: &mut Doc, rng: &mut Rng, st: usize, pos: &str, negs: &[&str]) {
    hd(doc, st, "ros");
    let k = negs.len().min(rng.range(3, 6) as usize);
    let picked: Vec<&&str> = rng.sample(negs, k);
    let list: Vec<&str> = picked.into_iter().copied().collect();
    doc.line(&format!("{pos} {} {}.", rng.say(&["Denies", "Negative for", "No"]), list.join(", ")));
    if rng.chance(0.6) {
        doc.line(&rng.say(&["All other systems reviewed and negative.", "Remainder of 10-point ROS negative.", "Otherwise negative except as in HPI."]));
    }
}

/// Past history, home medications, allergies and social history from the profile (every word written is
/// recorded so the profile's codes rest on it).
fn history(doc: &mut Doc, rng: &mut Rng, st: usize, p: &Profile, w: &mut Written, allergy: &str) {
    hd(doc, st, "pmh");
    if p.is_empty() {
        doc.line(&rng.say(&["None.", "No significant past medical history.", "Denies chronic medical problems.", "Healthy, no chronic illnesses."]));
    } else {
        kb::write_history(doc, p, w);
        doc.add("\n");
    }
    hd(doc, st, "meds");
    if kb::meds(p).is_empty() {
        doc.line(&rng.say(&["None.", "No daily medications.", "Takes no prescription medications."]));
    } else {
        kb::write_meds(doc, p, w, *rng.pick(&["- ", "* ", "  "]));
    }
    hd(doc, st, "all");
    doc.line(allergy);
    if rng.chance(0.7) {
        hd(doc, st, "soc");
        let smokes = p.others.iter().any(|o| matches!(o, Other::Smoker | Other::FormerSmoker));
        let tob = if smokes { "Tobacco: see PMH." } else { "Never smoker." };
        doc.line(&format!("{tob} {}", rng.say(&["Social alcohol use, no drug use.", "Occasional alcohol. No illicit drugs.", "Denies alcohol or drug use.", "Drinks 1-2 beers on weekends; no drugs."])));
    }
}

fn allergy(rng: &mut Rng) -> String {
    rng.say(&["NKDA", "NKDA.", "No known drug allergies.", "Sulfa (rash).", "Codeine - nausea.", "PCN (hives as a child).", "NKDA; latex sensitivity."])
}

/// The chronic conditions the ED physician took into account, each label recorded as evidence.
fn chronic(doc: &mut Doc, rng: &mut Rng, p: &Profile, w: &mut Written) {
    let ps: Vec<_> = p.problems().iter().filter(|x| !x.history_only).collect();
    if ps.is_empty() {
        return;
    }
    doc.line(&rng.say(&["Chronic conditions addressed this visit:", "Comorbidities considered in today's management:", "Other active problems:"]));
    for pr in ps {
        doc.add("- ");
        let e = doc.mark(&pr.label);
        w.name(pr.key, e);
        let tail = match pr.key {
            "htn" => rng.say(&["BP elevated here, likely pain-related; continue home regimen, recheck with PCP.", "BP acceptable; home antihypertensive continued.", "no change to home regimen; PCP to recheck BP this week."]),
            "dm" => rng.say(&["POC glucose reviewed; continue home regimen.", "fingerstick glucose checked; hold no medications; PCP follow-up.", "glucose acceptable; resume home diabetic medications."]),
            "afib" => rng.say(&["rate controlled on monitor; anticoagulation status factored into workup.", "anticoagulated; bleeding risk considered in plan."]),
            "hf" => rng.say(&["euvolemic on exam; continue diuretic.", "no signs of decompensation; IV fluids given cautiously."]),
            "ckd" => rng.say(&["creatinine at baseline; NSAIDs avoided.", "renal function reviewed; medications renally dosed, no NSAIDs."]),
            "copd" | "asthma" => rng.say(&["lungs clear, no wheeze; continue inhalers.", "at baseline respiratory status."]),
            _ => rng.say(&["stable; continue home medication.", "no acute issue; home meds continued.", "stable, reviewed with patient; no changes."]),
        };
        doc.line(&format!(": {tail}"));
    }
}

fn sign(doc: &mut Doc, rng: &mut Rng) {
    doc.gap();
    doc.line(&rng.say(&["Electronically signed by ED attending physician.", "-- Emergency physician, attending", "Signed: ED attending physician", "Attending emergency physician; note completed at bedside."]));
}

// ---------------------------------------------------------------------------------------------------------------
// E/M by the 2023 ED MDM table: the level is the one that two of the three elements meet or exceed.

fn lv(l: u8) -> &'static str {
    match l {
        0 | 1 => "minimal",
        2 => "low",
        3 => "moderate",
        _ => "high",
    }
}

fn median(a: u8, b: u8, c: u8) -> u8 {
    let mut x = [a, b, c];
    x.sort();
    x[1]
}

fn ed_code(l: u8) -> &'static str {
    match l {
        0 | 1 => "99282",
        2 => "99283",
        3 => "99284",
        _ => "99285",
    }
}

struct Em {
    p: u8,
    d: u8,
    r: u8,
    pw: String,
    dw: String,
    rw: String,
}

fn em(p: u8, pw: &str, d: u8, dw: &str, r: u8, rw: &str) -> Em {
    Em { p, d, r, pw: pw.into(), dw: dw.into(), rw: rw.into() }
}

/// Sets the E/M level in the gold and as the first service line (modifier 25 when a procedure was done).
fn set_em(cw: &mut CaseWriter, e: &Em, chronic_n: usize, ev: Vec<Evidence>, mod25: bool) {
    let chronic_lv = if chronic_n >= 2 { 3 } else if chronic_n == 1 { 2 } else { 0 };
    let p = e.p.max(chronic_lv);
    let level = median(p, e.d, e.r);
    let code = ed_code(level);
    let chronic_words = match chronic_n {
        0 => String::new(),
        1 => " One stable chronic condition was also addressed.".to_string(),
        n => format!(" {n} chronic conditions were also addressed (two or more stable chronic illnesses reach moderate)."),
    };
    let text = format!(
        "ED E/M by MDM (2023 ED guidelines, two of three elements). Problems {}: {}.{} Data {}: {}. Risk {}: {}. Two of three elements reach {}, so the level is {code}.{}",
        lv(p),
        e.pw,
        chronic_words,
        lv(e.d),
        e.dw,
        lv(e.r),
        e.rw,
        lv(level),
        if mod25 { " Modifier 25: the evaluation went beyond the decision for the same-day procedure (separate workup, results, treatment), so it is significant and separately identifiable." } else { "" }
    );
    let mut rules = vec![convention("2023 CPT E/M guidelines: ED visits 99281-99285 by MDM"), convention("2021 E/M MDM table")];
    if mod25 {
        rules.push(convention("CPT modifier 25"));
        rules.push(edit("NCCI: E/M on the day of a minor procedure needs modifier 25"));
    }
    cw.gold.em = Some(GoldEm { code: code.into(), problems: lv(p).into(), data: lv(e.d).into(), risk: lv(e.r).into(), total_minutes: None, evidence: ev.clone(), rationale: why(text.clone(), rules.clone()) });
    let mods: &[&str] = if mod25 { &["25"] } else { &[] };
    cw.service(code, mods, 1, ev, why(text, rules));
}

/// Chooses a profile that the ED physician addresses; if its chronic problems would move the level, the patient
/// gets no chronic conditions (the scenario's level stays unambiguous).
fn profile(rng: &mut Rng, age: u8, sx: Sex, spec: ProfileSpec, excl: &[Other], e: Option<&Em>) -> (Profile, usize) {
    let p = Profile::random(rng, age, sx, spec, excl);
    let n = p.problems().iter().filter(|x| !x.history_only).count();
    if let Some(e) = e {
        let chronic_lv = if n >= 2 { 3 } else if n == 1 { 2 } else { 0 };
        if median(e.p.max(chronic_lv), e.d, e.r) != median(e.p, e.d, e.r) {
            return (Profile::random(rng, age, sx, ProfileSpec::NONE, excl), 0);
        }
    }
    (p, n)
}

// ---------------------------------------------------------------------------------------------------------------
// External causes and repairs.

#[derive(Clone, Copy)]
enum Ext {
    Cause,
    Place,
    Activity,
    Status,
}

fn ext(cw: &mut CaseWriter, code: &str, kind: Ext, what: &str, ev: Evidence) {
    let (text, rule) = match kind {
        Ext::Cause => (format!("External cause: {what}. Reported after the injury codes with the same 7th character A (initial encounter); never first-listed."), "OCG I.C.20.a"),
        Ext::Place => (format!("Place of occurrence: {what}. A Y92 code is reported once, at the initial encounter, and only when the place is stated."), "OCG I.C.20.b"),
        Ext::Activity => (format!("Activity at the time: {what}. A Y93 code is reported once, at the initial encounter, when the activity is documented."), "OCG I.C.20.c"),
        Ext::Status => (format!("External cause status: {what}. One Y99 code accompanies the other external cause codes at the initial encounter."), "OCG I.C.20.k"),
    };
    cw.dx(code, None, vec![ev], why(text, vec![guideline(rule)]));
}

/// Repair classes and anatomic groups of the CPT repair codes.
#[derive(Clone, Copy, PartialEq)]
enum Grp {
    /// Simple: scalp, neck, axillae, external genitalia, trunk, extremities (including hands and feet).
    SimpleBody,
    /// Simple: face, ears, eyelids, nose, lips, mucous membranes.
    SimpleFace,
    /// Intermediate: scalp, axillae, trunk, extremities (excluding hands and feet).
    InterBody,
    /// Intermediate: neck, hands, feet, external genitalia.
    InterHand,
    /// Intermediate: face, ears, eyelids, nose, lips, mucous membranes.
    InterFace,
}

fn repair_code(g: Grp, cm: f64) -> &'static str {
    let body = [(2.5, 0), (7.5, 1), (12.5, 2), (20.0, 3), (30.0, 4), (f64::MAX, 5)];
    let face = [(2.5, 0), (5.0, 1), (7.5, 2), (12.5, 3), (20.0, 4), (30.0, 5), (f64::MAX, 6)];
    let idx = |t: &[(f64, usize)]| t.iter().find(|(hi, _)| cm <= *hi + 1e-9).map(|x| x.1).unwrap_or(0);
    match g {
        Grp::SimpleBody => ["12001", "12002", "12004", "12005", "12006", "12007"][idx(&body)],
        Grp::SimpleFace => ["12011", "12013", "12014", "12015", "12016", "12017", "12018"][idx(&face)],
        Grp::InterBody => ["12031", "12032", "12034", "12035", "12036", "12037"][idx(&body)],
        Grp::InterHand => ["12041", "12042", "12044", "12045", "12046", "12047"][idx(&body)],
        Grp::InterFace => ["12051", "12052", "12053", "12054", "12055", "12056", "12057"][idx(&face)],
    }
}

fn grp_words(g: Grp) -> &'static str {
    match g {
        Grp::SimpleBody => "simple repair, scalp/neck/axillae/external genitalia/trunk/extremities (including hands and feet)",
        Grp::SimpleFace => "simple repair, face/ears/eyelids/nose/lips/mucous membranes",
        Grp::InterBody => "intermediate (layered) repair, scalp/axillae/trunk/extremities excluding hands and feet",
        Grp::InterHand => "intermediate (layered) repair, neck/hands/feet/external genitalia",
        Grp::InterFace => "intermediate (layered) repair, face/ears/eyelids/nose/lips/mucous membranes",
    }
}

fn bracket_words(g: Grp, cm: f64) -> &'static str {
    let face = matches!(g, Grp::SimpleFace | Grp::InterFace);
    if cm <= 2.5 {
        "2.5 cm or less"
    } else if face && cm <= 5.0 {
        "2.6 to 5.0 cm"
    } else if face && cm <= 7.5 {
        "5.1 to 7.5 cm"
    } else if cm <= 7.5 {
        "2.6 to 7.5 cm"
    } else if cm <= 12.5 {
        "7.6 to 12.5 cm"
    } else {
        "12.6 to 20.0 cm"
    }
}

/// Writes a laceration repair procedure section and adds the repair service line.
fn lac_repair(cw: &mut CaseWriter, doc: &mut Doc, rng: &mut Rng, st: usize, site: &str, parts: &[f64], layered: bool, g: Grp) {
    hd(doc, st, "proc");
    let total: f64 = parts.iter().sum();
    let total = (total * 10.0).round() / 10.0;
    doc.line(&rng.say(&["Laceration repair. Verbal consent obtained after discussing risks (infection, scarring, dehiscence).", "Procedure: wound repair. Consent: verbal, risks/benefits reviewed.", "LACERATION REPAIR - performed by me. Timeout performed."]));
    let ml = rng.range(2, 8);
    let irr = *rng.pick(&["250", "300", "500"]);
    doc.line(&format!("Anesthesia: {} {ml} mL local infiltration.", rng.say(&["1% lidocaine with epinephrine", "lidocaine 1% plain", "2% lidocaine w/ epi"])));
    doc.line(&format!("Prep: {}; irrigated with {irr} mL NS under pressure. {}", rng.say(&["Betadine prep", "chlorhexidine prep", "sterile prep and drape"]), rng.say(&["No foreign body, tendon intact.", "Explored in bloodless field: no FB, no deep structure involvement.", "Wound explored, base visualized, no debris or FB."])));
    let ev_len = if parts.len() == 1 {
        doc.add("Location/length: ");
        let e = doc.mark(&format!("{site} laceration, {total:.1} cm"));
        doc.add("\n");
        e
    } else {
        let list: Vec<String> = parts.iter().map(|x| format!("{x:.1} cm")).collect();
        doc.add("Wounds: ");
        let e = doc.mark(&format!("{} lacerations of the {site} measuring {} (total {total:.1} cm)", parts.len(), list.join(" and ")));
        doc.add("\n");
        e
    };
    let n = (total * 1.6).round().max(2.0) as i64;
    let ev_close = if layered {
        let deep = (total * 0.8).round().max(2.0) as i64;
        doc.mark_line(&format!("Layered closure: {deep} buried {} deep dermal sutures, then {n} interrupted {} to skin.", rng.pick(&["4-0 Vicryl", "5-0 Monocryl", "4-0 Monocryl"]), rng.pick(&["5-0 nylon", "4-0 Prolene", "5-0 Prolene"])))
    } else {
        let what = if site == "scalp" && rng.chance(0.5) { format!("{n} staples") } else { format!("{n} simple interrupted {} sutures", rng.pick(&["4-0 nylon", "5-0 nylon", "4-0 Ethilon", "5-0 Prolene"])) };
        doc.mark_line(&format!("Single-layer closure with {what}."))
    };
    doc.line(&rng.say(&["Good approximation, hemostasis achieved. Bacitracin and dry dressing applied. Pt tolerated well.", "EBL minimal. Wound well approximated. No complications.", "Tolerated without complication; dressing applied; wound care instructions given."]));
    let code = repair_code(g, total);
    let sum = if parts.len() > 1 { format!(" The {} wounds are in the same anatomic group and of the same class, so their lengths are added ({total:.1} cm).", parts.len()) } else { String::new() };
    cw.service(
        code,
        &[],
        1,
        vec![ev_len, ev_close],
        why(
            format!("{} of {total:.1} cm: {code} (bracket {}).{sum}", grp_words(g), bracket_words(g, total)),
            vec![convention("CPT repair (closure): lengths of wounds of the same class and anatomic group are summed"), convention(if layered { "CPT intermediate repair: layered closure of deeper subcutaneous tissue and fascia" } else { "CPT simple repair: single-layer closure of superficial wounds" })],
        ),
    );
}

fn new_case(id: String, title: String, em_track: bool, diff: Difficulty, age: u8, sx: Sex) -> CaseWriter {
    let tracks: &[Track] = if em_track { &[Track::Ed, Track::EmAuditing] } else { &[Track::Ed] };
    CaseWriter::new(id, title, tracks, diff, visit(Setting::EmergencyDepartment, age, sx))
}

fn she(sx: Sex) -> (&'static str, &'static str) {
    if sx == Sex::Female {
        ("She", "her")
    } else {
        ("He", "his")
    }
}

fn side(rng: &mut Rng) -> (bool, &'static str) {
    if rng.chance(0.5) {
        (true, "right")
    } else {
        (false, "left")
    }
}

fn exam_general(doc: &mut Doc, rng: &mut Rng) {
    doc.line(&rng.say(&["Gen: alert, oriented x3, {NAD|in no acute distress|uncomfortable but nontoxic}.", "General: awake, alert, {cooperative|conversant}, {no distress|nontoxic appearing}.", "Constitutional: well-appearing, {A&Ox3|alert and oriented}."]));
    doc.line(&rng.say(&["HEENT: NCAT, PERRL, MMM.", "Head: atraumatic. Eyes: PERRL, EOMI. Mouth: moist mucosa.", "HEENT: PERRLA, oropharynx clear."]));
    doc.line(&rng.say(&["CV: RRR, no m/r/g.", "Heart: regular rate and rhythm, no murmur.", "Cardiac: RRR, normal S1/S2."]));
    doc.line(&rng.say(&["Lungs: CTAB, no wheezes/rales.", "Resp: clear to auscultation bilaterally, no distress.", "Pulm: CTA b/l, good air movement."]));
}

fn exam_abd_normal(doc: &mut Doc, rng: &mut Rng) {
    doc.line(&rng.say(&["Abd: soft, NT/ND, +BS.", "Abdomen: soft, nontender, nondistended.", "Abd: benign, no guarding or rebound."]));
}

fn exam_neuro_normal(doc: &mut Doc, rng: &mut Rng) {
    doc.line(&rng.say(&["Neuro: GCS 15, CN II-XII intact, strength 5/5 x4, normal gait.", "Neuro: A&Ox3, no focal deficits, sensation intact.", "Neuro: nonfocal; speech fluent; moves all extremities."]));
}

fn dispo_home(doc: &mut Doc, rng: &mut Rng, st: usize, follow: &str) {
    hd(doc, st, "dispo");
    doc.line(&format!(
        "{} {follow} {}",
        rng.say(&["Discharged home in stable condition.", "Home. Condition stable.", "Discharge to home, ambulatory, stable."]),
        rng.say(&["Return precautions reviewed; pt verbalized understanding.", "Strict return precautions given.", "Questions answered; written instructions provided."])
    ));
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios.

#[derive(Clone)]
struct Mech {
    hpi: &'static str,
    cause: (&'static str, &'static str, &'static str),
    place: Option<(&'static str, &'static str, &'static str)>,
    activity: Option<(&'static str, &'static str, &'static str)>,
    status: (&'static str, &'static str),
}

/// Writes the mechanism sentence, marking the words each external cause code rests on, and returns them.
fn mech_words(doc: &mut Doc, hpi: &str, m: &Mech) -> (Evidence, Option<Evidence>, Option<Evidence>) {
    let start = doc.text.len();
    let cause_ev = doc.mark_in(&format!("{hpi} "), m.cause.1);
    let find = |q: &str| Evidence { doc: doc.id.clone(), quote: q.into(), at: Some(start + hpi.find(q).unwrap_or(0)) };
    let place_ev = m.place.map(|p| find(p.1));
    let act_ev = m.activity.map(|a| find(a.1));
    (cause_ev, place_ev, act_ev)
}

fn add_ext(cw: &mut CaseWriter, m: &Mech, ev: (Evidence, Option<Evidence>, Option<Evidence>), status_ev: Evidence) {
    ext(cw, m.cause.0, Ext::Cause, m.cause.2, ev.0);
    if let (Some(p), Some(e)) = (m.place, ev.1) {
        ext(cw, p.0, Ext::Place, p.2, e);
    }
    if let (Some(a), Some(e)) = (m.activity, ev.2) {
        ext(cw, a.0, Ext::Activity, a.2, e);
    }
    ext(cw, m.status.0, Ext::Status, m.status.1, status_ev);
}

/// Elderly fall with a scalp or forehead laceration and a head-injury workup; repair with modifier 25 on the E/M.
fn fall_lac(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(64, 89) as u8;
    let (she_, her) = she(sx);
    let mechs = [
        Mech { hpi: "tripped over a throw rug in her bedroom while walking to the bathroom at night and struck her head on the dresser", cause: ("W01.190A", "tripped over a throw rug", "a trip and fall on the same level with striking against furniture (the dresser): W01.190A"), place: Some(("Y92.013", "bedroom", "bedroom of a private house")), activity: Some(("Y93.01", "walking to the bathroom", "walking")), status: ("Y99.8", "leisure/home activity, not for pay") },
        Mech { hpi: "slipped on ice on the private driveway while shoveling snow and struck the head on the pavement", cause: ("W00.0XXA", "slipped on ice", "a fall on the same level due to ice and snow: W00.0XXA"), place: Some(("Y92.014", "on the private driveway", "private driveway of a single-family house")), activity: Some(("Y93.H1", "while shoveling snow", "shoveling")), status: ("Y99.8", "leisure/home activity, not for pay") },
        Mech { hpi: "caught a foot on the sidewalk curb while walking the dog and fell forward onto the concrete", cause: ("W10.1XXA", "caught a foot on the sidewalk curb", "a fall from a sidewalk curb: W10.1XXA"), place: Some(("Y92.480", "sidewalk", "sidewalk")), activity: Some(("Y93.K1", "while walking the dog", "walking an animal")), status: ("Y99.8", "leisure activity") },
        Mech { hpi: "fell about 3 feet from a step ladder in the kitchen while changing a ceiling light bulb", cause: ("W11.XXXA", "fell about 3 feet from a step ladder", "a fall from a (step) ladder: W11.XXXA"), place: Some(("Y92.010", "in the kitchen", "kitchen of a private house")), activity: Some(("Y93.E9", "while changing a ceiling light bulb", "interior property maintenance")), status: ("Y99.8", "home activity, not for pay") },
        Mech { hpi: "slipped on a wet floor in the supermarket and struck the head on a metal shelf on the way down", cause: ("W01.198A", "slipped on a wet floor", "a slip and fall on the same level with striking against another object (the shelf): W01.198A"), place: Some(("Y92.512", "in the supermarket", "supermarket")), activity: None, status: ("Y99.8", "shopping, not at work") },
    ];
    let m = &mechs[v % mechs.len()];
    let face = v % 2 == 1;
    let layered = rng.chance(0.45);
    let len = rng.decimal(if face { 1.2 } else { 1.5 }, if face { 6.8 } else { 8.9 });
    let g = match (face, layered) {
        (true, true) => Grp::InterFace,
        (true, false) => Grp::SimpleFace,
        (false, true) => Grp::InterBody,
        (false, false) => Grp::SimpleBody,
    };
    let (site, code, site_words) = if face { ("forehead", "S01.81XA", "laceration of the forehead (other part of head)") } else { ("scalp", "S01.01XA", "laceration of the scalp") };
    let title = format!("ED visit: fall at {} years with head wound", age);
    let mut cw = new_case(id, title, true, Difficulty::Intermediate, age, sx);
    // Workup decided first: the level must not depend on how many chronic problems are addressed.
    let pre = em(3, "", 3, "", 2, "");
    let (prof, nchronic) = profile(rng, age, sx, ProfileSpec::TYPICAL, &[], Some(&pre));
    let anticoag = prof.others.iter().any(|o| matches!(o, Other::AfibParoxysmal | Other::AfibPermanent));
    let mut w = Written::default();
    let v_ = vit(rng, (128, 172), (62, 96), (36.4, 37.2), (95, 99));
    let arr = *rng.pick(&["private vehicle", "EMS", "ambulance (BLS)"]);
    let cc = rng.say(&["Fall, head lac", "\"I fell and cut my head\"", "Fall with head laceration"]);
    let (mut d, st) = open(&cw, rng, arr, 3, &v_, &cc);
    hd(&mut d, st, "hpi");
    d.add(&format!("{} who ", person(rng, age, sx)));
    let hpi = m.hpi.replace("her ", &format!("{her} "));
    let evs = mech_words(&mut d, &hpi, m);
    let mins = rng.range(30, 180);
    d.line(&format!("about {mins} minutes PTA. {} {}", rng.say(&["Denies LOC.", "No loss of consciousness per pt and witness.", "Remembers the entire event; no LOC."]), rng.say(&["No preceding dizziness, chest pain or palpitations - mechanical fall.", "Describes a purely mechanical trip; no presyncope.", "Denies lightheadedness before the fall."])));
    d.line(&format!("{she_} {} {}", rng.say(&["has a mild headache at the wound site.", "c/o pain at the laceration only.", "reports local pain, no vomiting."]), if anticoag { "Takes an anticoagulant (see meds)." } else { "Not on blood thinners." }));
    ros(&mut d, rng, st, "+ wound pain.", &["vomiting", "vision change", "neck pain", "weakness", "numbness", "chest pain", "syncope", "confusion"]);
    let al = allergy(rng);
    history(&mut d, rng, st, &prof, &mut w, &al);
    hd(&mut d, st, "exam");
    exam_general(&mut d, rng);
    d.line(&format!("{}: {len:.1} cm {} laceration, {}; bleeding controlled with pressure.", if face { "Forehead" } else { "Scalp" }, rng.pick(&["linear", "gaping", "curvilinear", "stellate-free linear"]), rng.say(&["edges clean", "through dermis into subcutaneous fat", "no exposed bone"])));
    d.line(&rng.say(&["Neck: no midline C-spine tenderness, full ROM.", "C-spine: nontender, NEXUS negative.", "Neck supple, no step-off."]));
    exam_neuro_normal(&mut d, rng);
    hd(&mut d, st, "results");
    let hgb = rng.decimal(11.2, 14.8);
    let cr = rng.decimal(0.7, 1.3);
    d.line(&format!("CBC: WBC {:.1}, Hgb {hgb:.1}, Plt {}. BMP: Na {}, K {:.1}, Cr {cr:.1}, glucose {}.", rng.decimal(5.1, 10.4), rng.range(160, 340), rng.range(134, 143), rng.decimal(3.6, 4.9), rng.range(88, 160)));
    if anticoag {
        d.line(&format!("PT {:.1}, INR {:.1}.", rng.decimal(12.5, 24.0), rng.decimal(1.1, 2.6)));
    }
    d.line(&rng.say(&["CT head without contrast: no acute intracranial hemorrhage, no fracture; {scalp|soft tissue} swelling.", "CT head w/o contrast (radiology): no acute intracranial process; no skull fracture."]));
    hd(&mut d, st, "mdm");
    let mut emev = Vec::new();
    emev.push(d.mark_line(&format!("{} fall with head strike at {age}{}: evaluated for intracranial injury as well as the wound.", rng.pick(&["Mechanical", "Ground-level", "Witnessed mechanical"]), if anticoag { " on anticoagulation" } else { "" })));
    emev.push(d.mark_line(&format!("Ordered and reviewed CT head, CBC, BMP{}.", if anticoag { ", PT/INR" } else { "" })));
    let risk_sentence = if anticoag { "Laceration repair in an anticoagulated patient (bleeding risk) discussed and performed." } else { "Wound repaired at bedside; tetanus up to date; acetaminophen for pain." };
    emev.push(d.mark_line(risk_sentence));
    chronic(&mut d, rng, &prof, &mut w);
    lac_repair(&mut cw, &mut d, rng, st, site, &[len], layered, g);
    hd(&mut d, st, "dx");
    d.add("1. ");
    let dx_ev = d.mark(&format!("{} laceration, {len:.1} cm", if face { "Forehead" } else { "Scalp" }));
    d.line(&format!(", {}", rng.say(&["repaired.", "s/p repair.", "closed in ED."])));
    let nc_ev = d.mark_line(&format!("2. Fall{}; CT head negative for acute intracranial injury.", rng.pick(&["", " from standing", ", mechanical"])));
    let sr = format!("Suture removal in {} days.", if face { 5 } else { 7 });
    let fu = rng.say(&[&sr, "PCP follow-up this week for wound check and suture removal.", "Wound check in 48 h; head injury precautions given to family."]);
    dispo_home(&mut d, rng, st, &fu);
    let status_ev = d.mark_line(&rng.say(&["Injury occurred during personal activity, not at work.", "Not work related.", "Non-occupational injury."]));
    sign(&mut d, rng);
    cw.add_doc(d);
    cw.dx(code, None, vec![dx_ev], why(format!("First-listed: the {site_words} that was repaired, initial encounter (7th character A, active treatment)."), vec![guideline("OCG IV.G"), guideline("OCG I.C.19.a")]));
    prof.code(&mut cw, &w, None);
    add_ext(&mut cw, m, evs, status_ev);
    cw.not_coded("intracranial injury, excluded by CT", Some("S06.9X0A"), vec![nc_ev], why("The CT showed no intracranial injury and no concussion is diagnosed; only the laceration is coded.", vec![guideline("OCG IV.D")]));
    let mut e = em(3, "an acute complicated injury: a head strike whose evaluation reached beyond the wound (neurologic exam, CT for intracranial injury)", 3, "three or more unique tests ordered and reviewed (Category 1)", 2, "minor surgery (laceration repair) without identified risk factors; OTC analgesic");
    if anticoag {
        e.r = 3;
        e.rw = "decision for minor surgery (laceration repair) with an identified patient risk factor: anticoagulation".into();
    }
    set_em(&mut cw, &e, nchronic, emev, true);
    fix_nc(&mut cw);
    cw.finish()
}

/// not_coded entries written without evidence get none (allowed); kept for the teaching point.
fn fix_nc(_cw: &mut CaseWriter) {}


// ---------------------------------------------------------------------------------------------------------------
// A scenario as data: the writer turns it into an ED note (and a radiology report when there is one) with the
// evidence marked where the words stand.

struct Dx {
    code: &'static str,
    words: String,
    tail: String,
    why: String,
    rules: Vec<Rule>,
}

fn dx(code: &'static str, words: impl Into<String>, tail: impl Into<String>, why_: impl Into<String>, rules: Vec<Rule>) -> Dx {
    Dx { code, words: words.into(), tail: tail.into(), why: why_.into(), rules }
}

/// A distractor: a line written in the MDM (or results) that a learner might code.
struct Nc {
    about: &'static str,
    code: Option<&'static str>,
    line: String,
    why: String,
    rules: Vec<Rule>,
}

fn nc(about: &'static str, code: Option<&'static str>, line: impl Into<String>, why_: impl Into<String>, rules: Vec<Rule>) -> Nc {
    Nc { about, code, line: line.into(), why: why_.into(), rules }
}

enum Proc {
    None,
    Lac { site: &'static str, parts: Vec<f64>, layered: bool, grp: Grp },
    /// A procedure written as lines, with the marked line and the service it supports.
    Other { lines: Vec<String>, marked: String, code: &'static str, mods: Vec<&'static str>, why: String, rules: Vec<Rule> },
}

struct Spec {
    title: String,
    em_track: bool,
    diff: Difficulty,
    age: u8,
    sx: Sex,
    esi: u8,
    arrival: &'static str,
    vit: Vit,
    cc: String,
    /// The HPI before the mechanism (starts after the person words).
    hpi: String,
    mech: Option<(Mech, String)>,
    hpi2: String,
    ros_pos: String,
    ros_negs: Vec<&'static str>,
    exam: Vec<String>,
    results: Vec<String>,
    course: Vec<String>,
    em: Option<Em>,
    em_lines: Vec<String>,
    mdm_extra: Vec<String>,
    proc: Proc,
    dx: Vec<Dx>,
    nc: Vec<Nc>,
    prof: ProfileSpec,
    excl: Vec<Other>,
    dispo: String,
    status_line: String,
    rad: Option<(String, Vec<String>)>,
    critical: Option<(u16, String)>,
}

impl Spec {
    fn new(rng: &mut Rng, title: impl Into<String>, age: u8, sx: Sex) -> Spec {
        let v = vit(rng, (112, 148), (64, 98), (36.5, 37.3), (96, 100));
        Spec {
            title: title.into(),
            em_track: true,
            diff: Difficulty::Foundation,
            age,
            sx,
            esi: 3,
            arrival: "private vehicle",
            vit: v,
            cc: String::new(),
            hpi: String::new(),
            mech: None,
            hpi2: String::new(),
            ros_pos: String::new(),
            ros_negs: vec!["fever", "chills", "chest pain", "shortness of breath", "abdominal pain", "vomiting", "headache", "rash"],
            exam: Vec::new(),
            results: Vec::new(),
            course: Vec::new(),
            em: None,
            em_lines: Vec::new(),
            mdm_extra: Vec::new(),
            proc: Proc::None,
            dx: Vec::new(),
            nc: Vec::new(),
            prof: ProfileSpec::NONE,
            excl: Vec::new(),
            dispo: String::new(),
            status_line: String::new(),
            rad: None,
            critical: None,
        }
    }
}

fn write_case(rng: &mut Rng, id: String, s: Spec) -> Case {
    let mut cw = new_case(id, s.title.clone(), s.em_track, s.diff, s.age, s.sx);
    let (prof, nchronic) = profile(rng, s.age, s.sx, s.prof, &s.excl, s.em.as_ref());
    let mut w = Written::default();
    let (mut d, st) = open(&cw, rng, s.arrival, s.esi, &s.vit, &s.cc);
    hd(&mut d, st, "hpi");
    let who = person(rng, s.age, s.sx);
    d.add(&format!("{who} {}", s.hpi));
    let evs = s.mech.as_ref().map(|(m, h)| {
        d.add(" ");
        mech_words(&mut d, h, m)
    });
    d.line(&format!(" {}", s.hpi2).trim_end().to_string());
    let hist_first = rng.chance(0.4);
    let al = allergy(rng);
    if hist_first {
        history(&mut d, rng, st, &prof, &mut w, &al);
    }
    ros(&mut d, rng, st, &s.ros_pos, &s.ros_negs);
    if !hist_first {
        history(&mut d, rng, st, &prof, &mut w, &al);
    }
    hd(&mut d, st, "exam");
    exam_general(&mut d, rng);
    for l in &s.exam {
        d.line(l);
    }
    if !s.results.is_empty() {
        hd(&mut d, st, "results");
        for l in &s.results {
            d.line(l);
        }
    }
    if !s.course.is_empty() {
        hd(&mut d, st, "course");
        for l in &s.course {
            d.line(l);
        }
    }
    hd(&mut d, st, "mdm");
    let mut emev = Vec::new();
    for l in &s.em_lines {
        emev.push(d.mark_line(l));
    }
    for l in &s.mdm_extra {
        d.line(l);
    }
    let mut nc_ev = Vec::new();
    for n in &s.nc {
        nc_ev.push(d.mark_line(&n.line));
    }
    chronic(&mut d, rng, &prof, &mut w);
    let mut cc_ev = None;
    if let Some((mins, text)) = &s.critical {
        hd(&mut d, st, "cc_time");
        cc_ev = Some(d.mark_line(&text.replace("{m}", &mins.to_string())));
    }
    let mut did_proc = false;
    match &s.proc {
        Proc::None => {}
        Proc::Lac { site, parts, layered, grp } => {
            lac_repair(&mut cw, &mut d, rng, st, site, parts, *layered, *grp);
            did_proc = true;
        }
        Proc::Other { lines, marked, code, mods, why: w_, rules } => {
            hd(&mut d, st, "proc");
            for l in lines {
                d.line(l);
            }
            let e = d.mark_line(marked);
            cw.service(code, mods, 1, vec![e], why(w_.clone(), rules.clone()));
            did_proc = true;
        }
    }
    hd(&mut d, st, "dx");
    let mut dx_ev = Vec::new();
    for (i, x) in s.dx.iter().enumerate() {
        d.add(&format!("{}. ", i + 1));
        dx_ev.push(d.mark(&x.words));
        d.line(&x.tail);
    }
    if !s.dispo.is_empty() {
        hd(&mut d, st, "dispo");
        d.line(&s.dispo);
    }
    let status_ev = if s.status_line.is_empty() { None } else { Some(d.mark_line(&s.status_line)) };
    sign(&mut d, rng);
    cw.add_doc(d);
    if let Some((title, lines)) = &s.rad {
        let mut r = cw.doc(DocumentKind::RadiologyReport, title, Some(1));
        for l in lines {
            r.line(l);
        }
        r.gap();
        r.line(&rng.say(&["Interpreted by: staff radiologist.", "Electronically signed: attending radiologist.", "Dictated and signed by radiologist."]));
        cw.add_doc(r);
    }
    for (x, e) in s.dx.iter().zip(dx_ev) {
        cw.dx(x.code, None, vec![e], why(x.why.clone(), x.rules.clone()));
    }
    prof.code(&mut cw, &w, None);
    if let (Some((m, _)), Some(evs), Some(se)) = (&s.mech, evs, status_ev) {
        add_ext(&mut cw, m, evs, se);
    }
    for (n, e) in s.nc.iter().zip(nc_ev) {
        cw.not_coded(n.about, n.code, vec![e], why(n.why.clone(), n.rules.clone()));
    }
    if let Some((mins, _)) = &s.critical {
        let ev = vec![cc_ev.unwrap()];
        let text = format!("Critical care: {mins} minutes of physician time at the bedside on a critically ill patient, excluding separately billable procedures. 99291 covers the first 30-74 minutes{}.", if *mins >= 75 { "; 99292 adds each further 30 minutes (75-104 minutes: one unit)" } else { "" });
        let rules = vec![convention("CPT critical care 99291/99292: total time of 30 minutes or more, procedures excluded"), convention("2023 CPT E/M guidelines: ED visits 99281-99285 by MDM")];
        cw.gold.em = Some(GoldEm { code: "99291".into(), problems: "high".into(), data: "high".into(), risk: "high".into(), total_minutes: Some(*mins), evidence: ev.clone(), rationale: why(text.clone(), rules.clone()) });
        cw.service("99291", &[], 1, ev.clone(), why(text.clone(), rules.clone()));
        if *mins >= 75 {
            cw.service("99292", &[], ((*mins - 45) / 30) as u16, ev, why(text, rules));
        }
    } else if let Some(e) = &s.em {
        set_em(&mut cw, e, nchronic, emev, did_proc);
    }
    cw.finish()
}

fn f1(x: f64) -> String {
    format!("{x:.1}")
}

fn rules_inj() -> Vec<Rule> {
    vec![guideline("OCG IV.G"), guideline("OCG I.C.19.a")]
}

/// Motor vehicle collision: strains and contusions, CT and plain films, muscle relaxant prescription.
fn mvc(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(19, 68) as u8;
    let mut s = Spec::new(rng, format!("ED visit: motor vehicle collision, {}", ["driver", "passenger", "driver on the interstate", "restrained passenger"][v % 4]), age, sx);
    s.diff = Difficulty::Intermediate;
    s.arrival = if v % 2 == 0 { "EMS, C-collar in place" } else { "private vehicle" };
    let driver = v % 2 == 0;
    let speed = rng.range(20, 55);
    let work = v == 2;
    let (cause, cause_q, cause_w) = if driver {
        ("V43.52XA", "driver of a sedan that was struck", "car driver injured in a collision with another car in a traffic accident: V43.52XA")
    } else {
        ("V43.62XA", "front-seat passenger in a sedan that was struck", "car passenger injured in a collision with another car in a traffic accident: V43.62XA")
    };
    let (place, place_q, place_w) = if v == 2 { ("Y92.411", "on the interstate", "interstate highway") } else { ("Y92.414", "on a residential street", "local residential street") };
    let hpi = format!("was the {cause_q} by another car {} at about {speed} mph {place_q}{}.", rng.pick(&["on the driver's side", "from behind", "in a T-bone collision", "head-on at low speed"]), if work { " while making deliveries for work" } else { "" });
    let m = Mech { hpi: "", cause: (cause, cause_q, cause_w), place: Some((place, place_q, place_w)), activity: None, status: if work { ("Y99.0", "civilian activity done for pay (making deliveries)") } else { ("Y99.8", "personal travel, not at work") } };
    s.hpi = rng.say(&["presents after an MVC. Restrained,{| +}airbags deployed. Pt", "c/o neck and chest pain after a car crash today. Seatbelted. Pt", "is here after a motor vehicle collision 2 hours ago. Restrained. Pt"]);
    s.mech = Some((m, hpi));
    let neck_sprain = rng.chance(0.4);
    let chest_r = rng.chance(0.5);
    s.hpi2 = rng.say(&["Self-extricated and ambulatory at scene. No LOC. Now with {neck pain and stiffness|posterior neck pain} and {chest wall pain where the belt crossed|soreness across the chest from the seatbelt}.", "Denies LOC or head strike. Neck pain began within an hour; chest hurts with deep breath over the belt line."]);
    s.ros_pos = "+ neck pain, + chest wall pain.".into();
    s.ros_negs = vec!["headache", "vision change", "abdominal pain", "numbness", "weakness", "shortness of breath", "hematuria"];
    s.prof = ProfileSpec::LIGHT;
    let side = if chest_r { "right" } else { "left" };
    s.exam = vec![
        rng.say(&["Neck: paraspinal tenderness bilaterally, no midline step-off; ROM limited by pain.", "C-spine: midline tenderness at C5 -> imaged; paraspinal spasm."]),
        format!("Chest: {} anterior chest wall tenderness along seatbelt line with {} abrasion and ecchymosis; no crepitus; breath sounds equal.", side, rng.pick(&["a 6 cm", "a 4 cm", "linear"])),
        "Abd: soft, nontender, no seatbelt sign across the abdomen.".into(),
        "Ext: FROM x4, no deformity. Neuro: intact, strength 5/5, sensation intact.".into(),
    ];
    s.results = vec![
        "CT cervical spine w/o contrast: no fracture or malalignment.".into(),
        rng.say(&["CXR 2 views: no pneumothorax, no rib fracture (my read, confirmed by radiology).", "Chest x-ray: no PTX, no displaced rib fx; I reviewed the images myself."]),
        format!("UA: negative for blood. hCG: {}.", if sx == Sex::Female && age < 55 { "negative" } else { "n/a" }),
    ];
    s.em_lines = vec![
        "MVC with neck and chest wall injuries; spine and thoracic injury excluded by imaging.".into(),
        rng.say(&["Ordered/reviewed CT C-spine, CXR and UA; I independently interpreted the chest x-ray.", "Data: CT C-spine, CXR, UA ordered and reviewed; my independent read of the CXR: no PTX."]),
        rng.say(&["Rx cyclobenzaprine 5 mg TID PRN spasm and ibuprofen 600 mg q6h with food.", "Prescribed methocarbamol 750 mg QID PRN and naproxen 500 mg BID."]),
    ];
    s.em = Some(em(2, "acute uncomplicated injuries (strain, contusion) after imaging excluded fracture", 4, "CT, chest x-ray and urinalysis ordered and reviewed (Category 1) plus the physician's independent interpretation of the chest x-ray (Category 2)", 3, "prescription drug management (muscle relaxant, prescription-strength NSAID)"));
    let neck = if neck_sprain { dx("S13.4XXA", "Cervical sprain (whiplash)", ", initial encounter", "Whiplash is a sprain of the cervical spine ligaments: S13.4XXA, initial encounter (active treatment).", rules_inj()) } else { dx("S16.1XXA", "Cervical strain (neck muscle strain)", ", initial encounter", "Strain of the neck muscles: S16.1XXA (muscle, fascia and tendon at neck level), 7th character A for active treatment.", rules_inj()) };
    let chest = dx(if chest_r { "S20.211A" } else { "S20.212A" }, format!("Contusion of {side} anterior chest wall"), " from seatbelt", format!("Contusion of the {side} front wall of the thorax: laterality is part of the code."), rules_inj());
    s.dx = vec![neck, chest];
    s.nc = vec![nc("seatbelt abrasion at the contused chest site", Some(if chest_r { "S20.311A" } else { "S20.312A" }), "Superficial seatbelt abrasion overlies the chest contusion.", "A superficial injury (abrasion) is not coded when a more severe injury (the contusion) of the same site is coded.", vec![guideline("OCG I.C.19.b")])];
    s.dispo = rng.say(&["Home with soft collar PRN for comfort. PCP in 1 week. Return for numbness, weakness, SOB.", "Discharged. Ice/heat, meds as above, follow up with PCP in 5-7 days."]);
    s.status_line = if work { "Collision occurred while on the job (delivery driver).".into() } else { rng.say(&["Personal travel, not work related.", "Pt was driving to visit family; not work-related."]) };
    write_case(rng, id, s)
}

/// Dog bite: irrigation, antibiotics, rabies risk assessed; a few loosely closed.
fn dog_bite(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(18, 78) as u8;
    let (code, site, words) = [("S61.451A", "right hand", "Dog bite (open bite) of right hand, dorsum"), ("S51.852A", "left forearm", "Dog bite, left forearm (open bite wound)"), ("S81.851A", "right lower leg", "Open bite wound of right lower leg (dog)")][v % 3];
    let mut s = Spec::new(rng, format!("ED visit: dog bite to the {site}"), age, sx);
    s.diff = Difficulty::Intermediate;
    s.cc = rng.say(&["Dog bite", "Bitten by dog", "dog bite to {arm|extremity}"]);
    let (place, pq, pw, act) = if v % 3 == 0 {
        (("Y92.017", "in the backyard", "garden or yard of a private house"), "in the backyard", "", None)
    } else {
        (("Y92.480", "on the sidewalk", "sidewalk"), "on the sidewalk", "", Some(("Y93.K1", "while walking own dog", "walking an animal")))
    };
    let _ = (pq, pw);
    let hpi = format!("was bitten by a dog {} {}{}.", if v % 3 == 0 { "(neighbor's, known to pt)" } else { "(unleashed, owner identified)" }, place.1, if act.is_some() { " while walking own dog" } else { " while gardening" });
    let act = if v % 3 == 0 { Some(("Y93.H2", "while gardening", "gardening and landscaping")) } else { act };
    let m = Mech { hpi: "", cause: ("W54.0XXA", "was bitten by a dog", "bitten by a dog: W54.0XXA"), place: Some(place), activity: act, status: ("Y99.8", "leisure activity") };
    s.hpi = rng.say(&["reports that 1 hour ago pt", "states about {2|3} hours PTA pt", "presents because pt"]);
    s.mech = Some((m, hpi));
    s.hpi2 = rng.say(&["Owner reports the dog's rabies vaccination is current; animal control notified and the dog will be observed 10 days. Last tetanus 3 years ago.", "Dog is vaccinated per owner (tag seen); 10-day observation arranged. Td within 5 years."]);
    s.ros_pos = "+ pain and bleeding at the bite.".into();
    s.ros_negs = vec!["fever", "numbness", "weakness", "other wounds", "chest pain"];
    s.prof = ProfileSpec::LIGHT;
    let len = rng.decimal(2.6, 5.8);
    let hand = v % 3 == 0;
    s.exam = vec![format!("{}: {} puncture and tear wounds, largest {} cm; no tendon exposure; full ROM; cap refill < 2 s; sensation intact distally.", site, rng.pick(&["three", "two", "four"]), f1(len))];
    if hand {
        s.results = vec!["XR right hand 3 views: no fracture, no retained tooth fragment, no gas (my interpretation).".into()];
        s.em_lines = vec![
            "Dog bite to the hand: high-risk site for infection, deep structures examined.".into(),
            "Hand x-ray ordered; independently interpreted by me - no FB or fracture.".into(),
            "Amoxicillin-clavulanate 875/125 mg BID x 5 days prescribed; wound left open (hand bite, not closed).".into(),
        ];
        s.em = Some(em(2, "an acute uncomplicated injury", 3, "independent interpretation of the hand x-ray by the ED physician (Category 2)", 3, "prescription drug management (amoxicillin-clavulanate)"));
    } else {
        s.em_lines = vec![
            "Extremity dog bite; wound irrigated, rabies and tetanus status addressed.".into(),
            "Rx amoxicillin-clavulanate 875/125 mg BID x 5 days.".into(),
        ];
        s.em = Some(em(2, "an acute uncomplicated injury", 1, "no tests ordered", 3, "prescription drug management (amoxicillin-clavulanate)"));
        s.proc = Proc::Lac { site: if v % 3 == 1 { "left forearm" } else { "right lower leg" }, parts: vec![len], layered: false, grp: Grp::SimpleBody };
    }
    s.nc = vec![nc("rabies exposure", Some("Z20.3"), "Rabies PEP not indicated: dog vaccinated and under observation.", "The physician documents no rabies exposure concern (vaccinated dog under observation, no prophylaxis); Z20.3 is not reported.", vec![guideline("OCG IV.D")])];
    s.dx = vec![dx(code, words, ", initial encounter", format!("A dog bite is indexed as a bite (open bite) of the site, not a laceration: {code}, {site}, initial encounter."), vec![guideline("OCG I.C.19.a"), convention("Index: Bite (animal) (human) - see Bite, by site, open bite")])];
    s.dispo = rng.say(&["Discharged with wound care teaching; recheck in 48 h or sooner for redness, streaking, fever.", "Home; wound check with PCP in 2 days. Return for signs of infection."]);
    s.status_line = "Not work related.".into();
    write_case(rng, id, s)
}

/// Ankle sprain after a fall: Ottawa x-rays read by the ED physician; some splinted.
fn ankle(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(18, 60) as u8;
    let right = v % 2 == 0;
    let sd = if right { "right" } else { "left" };
    let mut s = Spec::new(rng, format!("ED visit: {sd} ankle injury"), age, sx);
    s.cc = format!("{} ankle pain", if right { "R" } else { "L" });
    let mechs = [
        Mech { hpi: "", cause: ("W00.0XXA", "slipped on an icy patch", "a fall on the same level due to ice and snow: W00.0XXA"), place: Some(("Y92.481", "in a parking lot", "parking lot")), activity: Some(("Y93.01", "walking to the car", "walking")), status: ("Y99.8", "personal activity") },
        Mech { hpi: "", cause: ("W03.XXXA", "landed on another player's foot and fell", "a fall on the same level due to collision with another person: W03.XXXA"), place: Some(("Y92.310", "basketball court", "basketball court")), activity: Some(("Y93.67", "playing pickup basketball", "basketball")), status: ("Y99.8", "leisure sport") },
        Mech { hpi: "", cause: ("W00.0XXA", "slipped on ice", "a fall on the same level due to ice and snow: W00.0XXA"), place: Some(("Y92.480", "on the sidewalk", "sidewalk")), activity: Some(("Y93.K1", "walking the dog", "walking an animal")), status: ("Y99.8", "personal activity") },
    ];
    let m = mechs[v % 3].clone();
    let hpi = match v % 3 {
        0 => "slipped on an icy patch in a parking lot while walking to the car, rolling the ankle inward.".to_string(),
        1 => "landed on another player's foot and fell while playing pickup basketball on an outdoor basketball court, inverting the ankle.".to_string(),
        _ => "slipped on ice on the sidewalk while walking the dog and twisted the ankle.".to_string(),
    };
    s.hpi = rng.say(&["reports that last evening pt", "states that today pt", "presents {4|6|3} hours after pt"]);
    s.mech = Some((m, hpi));
    s.hpi2 = rng.say(&["Able to bear weight with a limp. Swelling over the lateral ankle. No prior injury.", "Unable to take more than 2 steps at the scene; now bearing weight painfully. No numbness."]);
    s.ros_pos = "+ ankle pain and swelling.".into();
    s.ros_negs = vec!["knee pain", "numbness", "tingling", "head injury", "LOC", "other injuries"];
    s.prof = ProfileSpec::LIGHT;
    s.exam = vec![format!("{} ankle: {} swelling and ecchymosis anterolateral; tender over ATFL region; no bony tenderness at posterior malleoli, navicular or base of 5th MT; DP/PT 2+.", if right { "R" } else { "L" }, rng.pick(&["moderate", "mild", "marked"]))];
    s.results = vec![format!("XR {sd} ankle 3 views: no fracture or mortise widening - my independent read; radiology concurs.")];
    let splint = v % 3 != 1;
    s.em_lines = vec![
        format!("Acute {sd} ankle sprain; fracture excluded by imaging."),
        rng.say(&["Ankle x-rays ordered and independently interpreted by me: no fracture.", "I personally reviewed the ankle films: no fracture, mortise intact."]),
        rng.say(&["Ibuprofen OTC, RICE, crutches, weight bearing as tolerated.", "OTC naproxen, ice, elevation; crutches provided."]),
    ];
    s.em = Some(em(2, "an acute uncomplicated injury", 3, "independent interpretation of the ankle x-ray by the ED physician (Category 2)", 2, "over-the-counter drugs only"));
    if splint {
        s.proc = Proc::Other {
            lines: vec![rng.say(&["Splint applied by me after confirming neurovascular status.", "Performed by ED physician; NV intact before and after."])],
            marked: format!("Posterior short leg splint (below knee to toes) applied to the {sd} ankle; NV intact post-splint."),
            code: "29515",
            mods: vec![if right { "RT" } else { "LT" }],
            why: "Application of a short leg splint (calf to foot) by the ED physician: 29515, with the side modifier.".into(),
            rules: vec![convention("CPT casts and strapping: splint application reported when no fracture care code is reported"), convention("HCPCS RT/LT anatomic modifiers")],
        };
    }
    let code = if right { "S93.401A" } else { "S93.402A" };
    s.dx = vec![dx(code, format!("Sprain of {sd} ankle"), ", initial encounter", format!("An ankle sprain without the ligament named: {code}, initial encounter. The x-ray excluded a fracture."), rules_inj())];
    s.nc = vec![nc("ankle pain", Some(if right { "M25.571" } else { "M25.572" }), "Pain is from the sprain itself.", "Pain is integral to the sprain and is not coded separately.", vec![guideline("OCG I.B.5")])];
    s.dispo = rng.say(&["Home. Ortho/sports med follow-up in 1 week if not improving.", "Discharged, PCP in 7-10 days; return for numbness or worsening pain."]);
    s.status_line = "Injury not work related.".into();
    write_case(rng, id, s)
}

/// Wrist injuries: distal radius fractures and a sprain, short arm splint, orthopedics to take the fracture care.
fn wrist(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let child = v == 1;
    let age = if child { rng.range(7, 12) as u8 } else { rng.range(22, 84) as u8 };
    let right = v % 2 == 0;
    let sd = if right { "right" } else { "left" };
    let mut s = Spec::new(rng, format!("ED visit: {sd} wrist injury"), age, sx);
    s.diff = Difficulty::Intermediate;
    s.cc = rng.say(&["wrist pain after fall", "Injured wrist", "FOOSH"]);
    let (m, hpi) = match v % 4 {
        0 => (Mech { hpi: "", cause: ("W00.0XXA", "slipped on ice", "fall on the same level due to ice and snow: W00.0XXA"), place: Some(("Y92.014", "driveway", "private driveway of a single-family house")), activity: Some(("Y93.H1", "shoveling", "shoveling")), status: ("Y99.8", "home activity") }, "slipped on ice on the driveway while shoveling and fell onto an outstretched hand.".to_string()),
        1 => (Mech { hpi: "", cause: ("W09.2XXA", "fell from the jungle gym", "fall from a jungle gym: W09.2XXA"), place: Some(("Y92.211", "at elementary school recess", "elementary school")), activity: None, status: ("Y99.8", "student leisure activity (recess)") }, "fell from the jungle gym at elementary school recess onto an outstretched arm.".to_string()),
        2 => (Mech { hpi: "", cause: ("V00.131A", "fell from a skateboard", "fall from a skateboard: V00.131A"), place: Some(("Y92.830", "in a public park", "public park")), activity: Some(("Y93.51", "skateboarding", "skateboarding")), status: ("Y99.8", "leisure activity") }, "fell from a skateboard in a public park while skateboarding, landing on the hand.".to_string()),
        _ => (Mech { hpi: "", cause: ("W01.0XXA", "tripped over a garden hose", "trip and fall on the same level without striking an object: W01.0XXA"), place: Some(("Y92.017", "in the yard", "garden or yard of a private house")), activity: Some(("Y93.H2", "gardening", "gardening")), status: ("Y99.8", "home activity") }, "tripped over a garden hose in the yard while gardening and landed on the hand.".to_string()),
    };
    s.hpi = if child { "brought in by mother; per mother and pt, child".into() } else { rng.say(&["states that today pt", "reports pt"]) };
    s.mech = Some((m, hpi));
    s.hpi2 = rng.say(&["Immediate pain and swelling at the wrist. No numbness. No other injury.", "Pain dorsal wrist, worse with movement. Denies head strike."]);
    s.ros_pos = "+ wrist pain.".into();
    s.ros_negs = vec!["numbness", "elbow pain", "head injury", "LOC", "neck pain"];
    s.prof = if child || age < 40 { ProfileSpec::NONE } else { ProfileSpec::LIGHT };
    s.exam = vec![format!("{} wrist: swelling and tenderness over distal radius{}; snuffbox nontender; radial pulse 2+; median/ulnar/radial nerve function intact.", if right { "R" } else { "L" }, if v % 4 == 3 { " and dorsal ligaments" } else { "" })];
    let (code, words, why_, rx) = match v % 4 {
        1 => (if right { "S52.521A" } else { "S52.522A" }, format!("Torus (buckle) fracture of {sd} distal radius"), "A torus (buckle) fracture of the lower end of the radius has its own code; closed by default, initial encounter.", "Ibuprofen 10 mg/kg q6h PRN (OTC) - weight-based dosing reviewed with mother."),
        3 => (if right { "S63.501A" } else { "S63.502A" }, format!("{} wrist sprain", if right { "Right" } else { "Left" }), "Wrist sprain without a named ligament: S63.50-, initial encounter; the x-ray excluded a fracture.", "OTC ibuprofen, ice, elevation."),
        _ => (if right { "S52.551A" } else { "S52.552A" }, format!("Nondisplaced extra-articular fracture of {sd} distal radius"), "Extra-articular fracture of the lower end of the radius other than Colles/Smith: S52.55-, closed (not stated open), initial encounter for active treatment.", "Rx ibuprofen 600 mg TID with food x 7 days; acetaminophen between doses."),
    };
    let fx = v % 4 != 3;
    s.results = vec![if fx { format!("XR {sd} wrist 3 views: {} of the distal radius metaphysis, no displacement or intra-articular extension - my read; radiology agrees.", if v % 4 == 1 { "buckle (torus) fracture" } else { "nondisplaced transverse fracture" }) } else { format!("XR {sd} wrist: no fracture; carpal alignment normal (my independent interpretation).") }];
    s.em_lines = vec![
        if fx { format!("Closed {sd} distal radius fracture, neurovascularly intact.") } else { format!("{sd} wrist sprain; fracture excluded.") },
        "Wrist x-rays ordered; I independently interpreted them.".into(),
        rx.into(),
    ];
    let rx_lv = if v % 4 == 0 || v % 4 == 2 { 3 } else { 2 };
    s.em = Some(em(2, "an acute uncomplicated injury", 3, "independent interpretation of the wrist x-rays by the ED physician (Category 2)", rx_lv, if rx_lv == 3 { "prescription drug management (prescription-strength ibuprofen)" } else { "over-the-counter analgesics" }));
    s.proc = Proc::Other {
        lines: vec![if fx { "Fracture care: ED provides splint only; definitive fracture management by orthopedics (referral placed, appointment in 3-5 days).".into() } else { "Splint for comfort and immobilization.".into() }],
        marked: format!("Short arm volar splint (forearm to palm) applied to the {sd} wrist by me; cap refill brisk after application."),
        code: "29125",
        mods: vec![if right { "RT" } else { "LT" }],
        why: if fx { "The ED physician splinted the fracture and handed the fracture care to orthopedics, so no closed-treatment code is reported; the short arm static splint is: 29125 with the side modifier.".into() } else { "Short arm static splint applied by the ED physician: 29125 with the side modifier.".into() },
        rules: vec![convention("CPT casts and strapping: splint reported when the physician does not report the fracture treatment"), convention("HCPCS RT/LT anatomic modifiers")],
    };
    s.dx = vec![dx(code, words, ", initial encounter", why_, rules_inj())];
    if fx {
        s.nc = vec![nc("displacement not stated", None, "Fracture is nondisplaced and closed.", "Documentation states nondisplaced and closed; the S52.5- codes used here carry no displacement axis, and closed is the 7th character A.", vec![guideline("OCG I.C.19.c.1")])];
    }
    s.dispo = rng.say(&["Home; sling, elevate, ortho follow-up as arranged.", "Discharged in splint; keep dry; follow-up with orthopedics."]);
    s.status_line = "Non-occupational injury.".into();
    write_case(rng, id, s)
}

pub fn cases(rng: &mut Rng) -> Vec<Case> {
    let mut out = Vec::new();
    let mut n = 0;
    let mut next = || {
        n += 1;
        case_id("ED", n)
    };
    for v in 0..5 {
        out.push(fall_lac(rng, next(), v));
    }
    for v in 0..4 {
        out.push(mvc(rng, next(), v));
    }
    for v in 0..3 {
        out.push(dog_bite(rng, next(), v));
    }
    for v in 0..3 {
        out.push(ankle(rng, next(), v));
    }
    for v in 0..4 {
        out.push(wrist(rng, next(), v));
    }
    let _ = tabular;
    let _: Option<Rule> = None;
    out
}
