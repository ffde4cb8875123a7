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
fn open(cw: &CaseWriter, rng: &mut Rng, arrival: &str, esi: u8, v: &Vit, cc: &str, pain: (i64, i64)) -> (Doc, usize) {
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
    let pain = rng.range(pain.0, pain.1);
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
fn history(doc: &mut Doc, rng: &mut Rng, st: usize, p: &Profile, w: &mut Written, allergy: &str, age: u8, extra: Option<&(String, Vec<String>)>) -> Evidence {
    hd(doc, st, "pmh");
    if let Some((pmh, _)) = extra {
        doc.add(pmh);
        doc.add(if p.is_empty() { "\n" } else { ", " });
    }
    if p.is_empty() && extra.is_some() {
    } else if p.is_empty() {
        doc.line(&rng.say(&["None.", "No significant past medical history.", "Denies chronic medical problems.", "Healthy, no chronic illnesses."]));
    } else {
        kb::write_history(doc, p, w);
        doc.add("\n");
    }
    hd(doc, st, "meds");
    let prefix = *rng.pick(&["- ", "* ", "  "]);
    if let Some((_, meds)) = extra {
        for m in meds {
            doc.line(&format!("{prefix}{m}"));
        }
    }
    if kb::meds(p).is_empty() && extra.is_some() {
    } else if kb::meds(p).is_empty() {
        doc.line(&rng.say(&["None.", "No daily medications.", "Takes no prescription medications."]));
    } else {
        kb::write_meds(doc, p, w, prefix);
    }
    hd(doc, st, "all");
    let al_ev = doc.mark_line(allergy);
    if rng.chance(0.7) {
        hd(doc, st, "soc");
        let smokes = p.others.iter().any(|o| matches!(o, Other::Smoker | Other::FormerSmoker));
        if age < 13 {
            doc.line(&rng.say(&["Lives with parents; no smoke exposure at home.", "Lives at home with family; attends school.", "Up to date on childhood immunizations; lives with parents."]));
        } else if age < 18 {
            doc.line(&rng.say(&["High school student; denies tobacco, vaping, alcohol or drugs.", "Lives with parents; no tobacco, alcohol or drug use."]));
        } else {
            let copd = p.others.contains(&Other::Copd);
            let tob = if smokes { "Tobacco: see PMH." } else if copd { "No current tobacco use." } else { "Never smoker." };
            doc.line(&format!("{tob} {}", rng.say(&["Social alcohol use, no drug use.", "Occasional alcohol. No illicit drugs.", "Denies alcohol or drug use.", "Drinks 1-2 beers on weekends; no drugs."])));
        }
    }
    al_ev
}

/// An allergy line that never conflicts with a drug the note gives or prescribes (`drugs`: the note's words).
fn allergy(rng: &mut Rng, drugs: &str) -> String {
    let d = drugs.to_lowercase();
    let has = |xs: &[&str]| xs.iter().any(|x| d.contains(x));
    let opts: Vec<&str> = ["NKDA", "NKDA.", "No known drug allergies.", "Sulfa (rash).", "Codeine - nausea.", "PCN (hives as a child).", "No known drug allergies; seasonal allergies only."]
        .into_iter()
        .filter(|a| match *a {
            "Sulfa (rash)." => !has(&["tmp-smx", "sulfamethoxazole", "bactrim", "sulfadiazine", "sulfa"]),
            "PCN (hives as a child)." => !has(&["amoxicillin", "penicillin", "ampicillin", "augmentin", "clavulanate", "piperacillin", "nafcillin", "cephalexin", "cefazolin", "ceftriaxone", "cefdinir", "cefuroxime", "cefepime"]),
            "Codeine - nausea." => !has(&["codeine", "hydrocodone"]),
            _ => true,
        })
        .collect();
    rng.say(&opts)
}

/// A drug allergy written in the note: its status code is explained as not reported, since every drug the note
/// gives was chosen outside the allergy (the allergy did not change today's care).
fn allergy_nc(cw: &mut CaseWriter, al: &str, ev: Evidence) {
    let (about, code, text) = if al.starts_with("Sulfa") {
        ("sulfonamide allergy status", "Z88.2", "The sulfa allergy is recorded, but no sulfonamide was considered or withheld today, so it did not affect care; allergy status (Z88.2) is not reported for this visit.")
    } else if al.starts_with("PCN") {
        ("penicillin allergy status", "Z88.0", "The penicillin allergy is recorded, but no penicillin or other beta-lactam was considered or withheld today, so it did not affect care; allergy status (Z88.0) is not reported for this visit.")
    } else if al.starts_with("Codeine") {
        ("codeine intolerance (nausea)", "Z88.5", "Nausea with codeine is an intolerance (a side effect), not an allergy, and no opioid was considered today; allergy status to narcotic agent (Z88.5) is not reported.")
    } else {
        return;
    };
    cw.not_coded(about, Some(code), vec![ev], why(text, vec![guideline("OCG IV.J")]));
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
        // The triage BP of an injured patient in pain is no measure of control: the ED names the condition only.
        let label = if pr.key == "htn" { pr.label.split(", ").next().unwrap_or(&pr.label).to_string() } else { pr.label.clone() };
        let e = doc.mark(&label);
        w.name(pr.key, e);
        let tail = match pr.key {
            "htn" => rng.say(&["BP reviewed; continue home regimen, recheck with PCP.", "home antihypertensive continued; BP to be rechecked by PCP once pain is controlled.", "no change to home regimen; PCP to recheck BP this week."]),
            "dm" => rng.say(&["POC glucose reviewed; continue home regimen.", "fingerstick glucose checked; hold no medications; PCP follow-up.", "glucose acceptable; resume home diabetic medications."]),
            "afib" => rng.say(&["rate controlled on monitor; anticoagulation status factored into workup.", "anticoagulated; bleeding risk considered in plan."]),
            "hf" => rng.say(&["euvolemic on exam; continue diuretic.", "no signs of decompensation; home regimen continued."]),
            "ckd" => rng.say(&["creatinine at baseline; NSAIDs avoided.", "renal function reviewed; medications renally dosed, no NSAIDs."]),
            "copd" | "asthma" => rng.say(&["lungs clear, no wheeze; continue inhalers.", "at baseline respiratory status."]),
            "obesity" => rng.say(&["weight noted; no acute issue, outpatient weight management with PCP.", "BMI reviewed; positioning and dosing considered."]),
            _ if pr.meds.is_empty() => rng.say(&["stable, reviewed with patient; no changes.", "no acute issue; outpatient follow-up as before."]),
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

/// The data element's level in the table's own words.
fn dlv(l: u8) -> &'static str {
    match l {
        0 | 1 => "minimal",
        2 => "limited",
        3 => "moderate",
        _ => "extensive",
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
/// `mod25`: the case-specific reason the E/M is separately identifiable from the same-day procedure.
fn set_em(cw: &mut CaseWriter, e: &Em, chronic_n: usize, ev: Vec<Evidence>, mod25: Option<&str>) {
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
        dlv(e.d),
        e.dw,
        lv(e.r),
        e.rw,
        lv(level),
        mod25.map(|m| format!(" Modifier 25: {m} The E/M is therefore significant and separately identifiable from the procedure, whose own pre-procedure assessment and decision to proceed are not counted.")).unwrap_or_default()
    );
    let mut rules = vec![convention("2023 CPT E/M guidelines: ED visits 99281-99285 by MDM"), convention("2021 E/M MDM table")];
    if mod25.is_some() {
        rules.push(convention("CPT modifier 25"));
        rules.push(edit("NCCI Policy Manual Ch. I: E/M on the day of a minor procedure"));
    }
    cw.gold.em = Some(GoldEm { code: code.into(), problems: lv(p).into(), data: dlv(e.d).into(), risk: lv(e.r).into(), total_minutes: None, evidence: ev.clone(), rationale: why(text.clone(), rules.clone()) });
    let mods: &[&str] = if mod25.is_some() { &["25"] } else { &[] };
    cw.service(code, mods, 1, ev, why(text, rules));
}

/// Chooses a profile that the ED physician addresses; if its chronic problems would move the level, the patient
/// gets no chronic conditions (the scenario's level stays unambiguous).
fn profile(rng: &mut Rng, age: u8, sx: Sex, spec: ProfileSpec, excl: &[Other], e: Option<&Em>) -> (Profile, usize) {
    // Conditions of later life are not drawn for young adults.
    let mut excl = excl.to_vec();
    if age < 45 {
        excl.extend([Other::OaKnees, Other::Osteoporosis, Other::Bph, Other::Cad, Other::HxStroke, Other::Hemiplegia, Other::Parkinsons, Other::Alzheimers, Other::HxProstateCancer, Other::HxBreastCancer, Other::Pad, Other::AfibPermanent]);
    }
    let excl = &excl[..];
    let mut p = Profile::random(rng, age, sx, spec, excl);
    for _ in 0..40 {
        if super::office::clinically_ok(&p) {
            break;
        }
        p = Profile::random(rng, age, sx, spec, excl);
    }
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
        Grp::InterFace => ["12051", "12052", "12053", "12054", "12055", "12056", "12057"][idx(&face)],
    }
}

fn grp_words(g: Grp) -> &'static str {
    match g {
        Grp::SimpleBody => "simple repair, scalp/neck/axillae/external genitalia/trunk/extremities (including hands and feet)",
        Grp::SimpleFace => "simple repair, face/ears/eyelids/nose/lips/mucous membranes",
        Grp::InterBody => "intermediate (layered) repair, scalp/axillae/trunk/extremities excluding hands and feet",
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
    doc.line(&format!("Prep: {}; irrigated with {irr} mL NS under pressure. {}", rng.say(&["Betadine prep", "chlorhexidine prep", "sterile prep and drape"]), if site == "scalp" { rng.say(&["No foreign body; galea intact.", "Wound explored: no FB, galea intact, no palpable skull defect.", "Wound explored, base visualized, no debris or FB."]) } else if matches!(site, "forehead" | "face" | "cheek" | "chin" | "eyebrow" | "lip") { rng.say(&["No foreign body; no deep structure involvement.", "Wound explored: no FB, no bone exposed.", "Wound explored, base visualized, no debris or FB."]) } else { rng.say(&["No foreign body, tendon intact.", "Explored in bloodless field: no FB, no deep structure involvement.", "Wound explored, base visualized, no debris or FB."]) }));
    let ev_len = if parts.len() == 1 {
        doc.add("Location/length: ");
        let e = doc.mark(&format!("{site} wound, {total:.1} cm"));
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

/// The routine exam lines, leaving out the systems the scenario writes itself (`skip`: "gen", "heent", "cv",
/// "lungs"), so a scenario's findings are never contradicted by a template line.
/// "head" in `skip` marks a head or face injury: the HEENT line then leaves the head to the scenario's own lines.
fn exam_general(doc: &mut Doc, rng: &mut Rng, skip: &[&str]) {
    if !skip.contains(&"gen") {
        doc.line(&rng.say(&["Gen: alert, oriented x3, {NAD|in no acute distress|uncomfortable but nontoxic}.", "General: awake, alert, {cooperative|conversant}, {no distress|nontoxic appearing}.", "Constitutional: well-appearing, {A&Ox3|alert and oriented}."]));
    }
    if skip.contains(&"head") && !skip.contains(&"heent") {
        doc.line(&rng.say(&["Eyes: PERRL, EOMI. Mouth: moist mucosa.", "Eyes: PERRLA, EOMI; no hemotympanum. Oropharynx clear.", "Pupils equal and reactive, EOMI; MMM."]));
    } else if !skip.contains(&"heent") {
        doc.line(&rng.say(&["HEENT: NCAT, PERRL, MMM.", "Head: atraumatic. Eyes: PERRL, EOMI. Mouth: moist mucosa.", "HEENT: PERRLA, oropharynx clear."]));
    }
    if !skip.contains(&"cv") {
        doc.line(&rng.say(&["CV: RRR, no m/r/g.", "Heart: regular rate and rhythm, no murmur.", "Cardiac: RRR, normal S1/S2."]));
    }
    if !skip.contains(&"lungs") {
        doc.line(&rng.say(&["Lungs: CTAB, no wheezes/rales.", "Resp: clear to auscultation bilaterally, no distress.", "Pulm: CTA b/l, good air movement."]));
    }
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
        Mech { hpi: "tripped over a throw rug in her bedroom at home while walking to the bathroom at night and struck her head on the dresser", cause: ("W01.190A", "tripped over a throw rug", "a trip and fall on the same level with striking against furniture (the dresser): W01.190A"), place: Some(("Y92.003", "bedroom", "bedroom of a private residence (type of residence not stated)")), activity: Some(("Y93.01", "walking to the bathroom", "walking")), status: ("Y99.8", "leisure/home activity, not for pay") },
        Mech { hpi: "slipped on ice on the private driveway of the family house while shoveling snow and struck the head on the pavement", cause: ("W00.0XXA", "slipped on ice", "a fall on the same level due to ice and snow: W00.0XXA"), place: Some(("Y92.014", "on the private driveway", "private driveway of a single-family house")), activity: Some(("Y93.H1", "while shoveling snow", "shoveling")), status: ("Y99.8", "leisure/home activity, not for pay") },
        Mech { hpi: "caught a foot on the sidewalk curb while walking the dog and fell forward onto the concrete", cause: ("W10.1XXA", "caught a foot on the sidewalk curb", "a fall from a sidewalk curb: W10.1XXA"), place: Some(("Y92.480", "sidewalk", "sidewalk")), activity: Some(("Y93.K1", "while walking the dog", "walking an animal")), status: ("Y99.8", "leisure activity") },
        Mech { hpi: "fell about 3 feet from a step ladder in the kitchen at home while changing a ceiling light bulb", cause: ("W11.XXXA", "fell about 3 feet from a step ladder", "a fall from a (step) ladder: W11.XXXA"), place: Some(("Y92.000", "in the kitchen", "kitchen of a private residence (type not stated)")), activity: Some(("Y93.E9", "while changing a ceiling light bulb", "interior property maintenance")), status: ("Y99.8", "home activity, not for pay") },
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
    let (mut d, st) = open(&cw, rng, arr, 3, &v_, &cc, (3, 7));
    hd(&mut d, st, "hpi");
    d.add(&format!("{} who ", person(rng, age, sx)));
    let hpi = m.hpi.replace("her ", &format!("{her} "));
    let evs = mech_words(&mut d, &hpi, m);
    let mins = rng.range(30, 180);
    d.line(&format!("about {mins} minutes PTA. {} {}", rng.say(&["Denies LOC.", "No loss of consciousness per pt and witness.", "Remembers the entire event; no LOC."]), rng.say(&["No preceding dizziness, chest pain or palpitations - mechanical fall.", "Describes a purely mechanical trip; no presyncope.", "Denies lightheadedness before the fall."])));
    d.line(&format!("{she_} {} {}", rng.say(&["has a mild headache at the wound site.", "c/o pain at the laceration only.", "reports local pain, no vomiting."]), if anticoag { "Takes an anticoagulant (see meds)." } else { "Not on blood thinners." }));
    ros(&mut d, rng, st, "+ wound pain.", &["vomiting", "vision change", "neck pain", "weakness", "numbness", "chest pain", "syncope", "confusion"]);
    let al = allergy(rng, "acetaminophen lidocaine");
    let al_ev = history(&mut d, rng, st, &prof, &mut w, &al, age, None);
    hd(&mut d, st, "exam");
    if prof.others.contains(&Other::AfibPermanent) {
        d.line("CV: irregularly irregular, rate controlled.");
        exam_general(&mut d, rng, &["cv", "head"]);
    } else {
        exam_general(&mut d, rng, &["head"]);
    }
    d.line(&format!("{}: {len:.1} cm {} laceration, {}; bleeding controlled with pressure.", if face { "Forehead" } else { "Scalp" }, rng.pick(&["linear", "gaping", "curvilinear", "irregular"]), rng.say(&["edges clean", "through dermis into subcutaneous fat", "no exposed bone"])));
    d.line(&rng.say(&["Neck: no midline C-spine tenderness, full ROM.", "C-spine: nontender, NEXUS negative.", "Neck supple, no step-off."]));
    if prof.others.contains(&Other::Hemiplegia) {
        d.line("Neuro: GCS 15; chronic right hemiparesis from the old stroke, unchanged per pt; no new deficit.");
    } else {
        exam_neuro_normal(&mut d, rng);
    }
    hd(&mut d, st, "results");
    let hgb = rng.decimal(11.2, 14.8);
    let cr = rng.decimal(0.7, 1.3);
    let labs = format!("CBC: WBC {:.1}, Hgb {hgb:.1}, Plt {}. BMP: Na {}, K {:.1}, Cr {cr:.1}, glucose {}.", rng.decimal(5.1, 10.4), rng.range(160, 340), rng.range(134, 143), rng.decimal(3.6, 4.9), rng.range(88, 160));
    let labs = fit_cr(rng, &labs, &prof);
    d.line(&labs);
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
    fix_kb_text(&mut cw);
    add_ext(&mut cw, m, evs, status_ev);
    cw.not_coded("intracranial injury, excluded by CT", Some("S06.9X0A"), vec![nc_ev], why("The CT showed no intracranial injury and no concussion is diagnosed; only the laceration is coded.", vec![guideline("OCG IV.D")]));
    allergy_nc(&mut cw, &al, al_ev);
    let mut e = em(3, "an acute complicated injury: a head strike whose evaluation reached beyond the wound (neurologic exam, CT for intracranial injury)", 3, "three or more unique tests ordered and reviewed (Category 1)", 2, "minor surgery (laceration repair) without identified risk factors; OTC analgesic");
    if anticoag {
        e.r = 3;
        e.rw = "decision for minor surgery (laceration repair) with an identified patient risk factor: anticoagulation".into();
    }
    set_em(&mut cw, &e, nchronic, emev, Some("the head-injury evaluation (neurologic exam, CT head and labs ordered and reviewed) addresses possible intracranial injury, a problem apart from closing the wound."));
    fix_nc(&mut cw);
    cw.finish()
}

/// The shared knowledge base words its diabetes rationale for an office visit (with the A1c); the ED note
/// documents the control in words only.
fn fix_kb_text(cw: &mut CaseWriter) {
    for d in cw.gold.diagnoses.iter_mut() {
        if d.code == "E11.65" {
            d.rationale.text = "Diabetes documented as poorly controlled with hyperglycemia: the Index sends \"poorly controlled\" to diabetes, by type, with hyperglycemia (E11.65).".into();
        }
    }
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
    /// Triage pain score range.
    pain: (i64, i64),
    /// The allergy line, when the scenario needs a particular one.
    allergy: Option<String>,
    /// Past history and home medications written by the scenario (the profile is then empty).
    pmh: Option<(String, Vec<String>)>,
    /// Past history and medications of the scenario's own condition, written before the profile's.
    pmh_extra: Option<(String, Vec<String>)>,
    /// Template exam systems the scenario writes itself.
    exam_skip: Vec<&'static str>,
    /// Why the E/M is separately identifiable from the same-day procedure (modifier 25).
    mod25: Option<String>,
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
            pain: (2, 8),
            allergy: None,
            pmh: None,
            pmh_extra: None,
            exam_skip: Vec::new(),
            mod25: None,
        }
    }
}

fn write_case(rng: &mut Rng, id: String, s: Spec) -> Case {
    let mut cw = new_case(id, s.title.clone(), s.em_track, s.diff, s.age, s.sx);
    // Every drug the note names: the allergy line must not conflict with them, and an NSAID rules out a patient
    // on anticoagulation (or with CKD or heart failure) in the profile.
    let mut drugs = format!("{} {} {} {} {}", s.hpi, s.hpi2, s.em_lines.join(" "), s.course.join(" "), s.dispo);
    drugs.push_str(&s.mdm_extra.join(" "));
    for (_, meds) in s.pmh.iter().chain(s.pmh_extra.iter()) {
        drugs.push_str(&meds.join(" "));
    }
    if let Proc::Other { lines, marked, .. } = &s.proc {
        drugs.push_str(&lines.join(" "));
        drugs.push_str(marked);
    }
    let nsaid = ["ibuprofen", "naproxen", "ketorolac", "meloxicam", "diclofenac", "indomethacin"].iter().any(|x| drugs.to_lowercase().contains(x));
    let mut excl = s.excl.clone();
    let mut pspec = s.prof;
    if nsaid {
        excl.extend([Other::AfibParoxysmal, Other::AfibPermanent]);
        pspec.ckd = 0.0;
        pspec.heart_failure = 0.0;
    }
    let (prof, nchronic) = profile(rng, s.age, s.sx, pspec, &excl, s.em.as_ref());
    let mut w = Written::default();
    let (mut d, st) = open(&cw, rng, s.arrival, s.esi, &s.vit, &s.cc, s.pain);
    hd(&mut d, st, "hpi");
    let who = person(rng, s.age, s.sx);
    d.add(&format!("{who} {}", s.hpi));
    let evs = s.mech.as_ref().map(|(m, h)| {
        d.add(" ");
        mech_words(&mut d, h, m)
    });
    d.line(&format!(" {}", s.hpi2).trim_end().to_string());
    let hist_first = rng.chance(0.4);
    let al_r = allergy(rng, &drugs);
    let al = s.allergy.clone().unwrap_or(al_r);
    let write_hist = |d: &mut Doc, rng: &mut Rng, w: &mut Written| match &s.pmh {
        Some((pmh, meds)) => {
            hd(d, st, "pmh");
            d.line(pmh);
            hd(d, st, "meds");
            for m in meds {
                d.line(&format!("- {m}"));
            }
            hd(d, st, "all");
            d.mark_line(&al)
        }
        None => history(d, rng, st, &prof, w, &al, s.age, s.pmh_extra.as_ref()),
    };
    let mut al_ev = None;
    if hist_first {
        al_ev = Some(write_hist(&mut d, rng, &mut w));
    }
    ros(&mut d, rng, st, &s.ros_pos, &s.ros_negs);
    if !hist_first {
        al_ev = Some(write_hist(&mut d, rng, &mut w));
    }
    hd(&mut d, st, "exam");
    let mut skip = s.exam_skip.clone();
    // A scenario that writes its own head or HEENT line owns that system; a head or face injury never gets the
    // template's "atraumatic".
    let head_words = ["Head", "HEENT", "Scalp", "Forehead", "Face", "Nose", "Lip", "Eyebrow", "Chin", "Ear", "Eye"];
    if s.exam.iter().any(|l| l.starts_with("Head") || l.starts_with("HEENT")) {
        skip.push("heent");
    } else if s.exam.iter().any(|l| head_words.iter().any(|h| l.starts_with(h))) || matches!(&s.proc, Proc::Lac { site, .. } if matches!(*site, "scalp" | "forehead" | "face" | "cheek" | "chin" | "eyebrow" | "lip")) || s.dx.iter().any(|x| x.code.starts_with("S0")) {
        skip.push("head");
    }
    if prof.others.contains(&Other::AfibPermanent) && !skip.contains(&"cv") {
        skip.push("cv");
        d.line("CV: irregularly irregular, rate controlled; no murmur.");
    }
    // A scenario's own general-appearance line opens the exam.
    for l in s.exam.iter().filter(|l| l.starts_with("Gen:")) {
        d.line(l);
    }
    // An old stroke's hemiparesis is on the exam: never "strength 5/5" or "no focal deficits" beside it.
    let hemiparesis = prof.others.contains(&Other::Hemiplegia);
    if hemiparesis && !skip.contains(&"neuro") {
        skip.push("neuro");
    }
    exam_general(&mut d, rng, &skip);
    for l in s.exam.iter().filter(|l| !l.starts_with("Gen:")) {
        if hemiparesis && l.contains("Neuro: intact") {
            d.line(&l.replace("Neuro: intact, strength 5/5, sensation intact.", "Neuro: chronic right hemiparesis from the old stroke, unchanged per pt; sensation intact."));
        } else {
            d.line(l);
        }
    }
    if hemiparesis && !s.exam.iter().any(|l| l.contains("Neuro")) {
        d.line("Neuro: residual right-sided weakness from prior stroke, at baseline per pt; no new deficit.");
    }
    if !s.results.is_empty() {
        hd(&mut d, st, "results");
        for l in &s.results {
            let l = fit_cr(rng, l, &prof);
            d.line(&l);
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
    fix_kb_text(&mut cw);
    if let (Some((m, _)), Some(evs), Some(se)) = (&s.mech, evs, status_ev) {
        add_ext(&mut cw, m, evs, se);
    }
    for (n, e) in s.nc.iter().zip(nc_ev) {
        cw.not_coded(n.about, n.code, vec![e], why(n.why.clone(), n.rules.clone()));
    }
    if let Some(e) = al_ev {
        allergy_nc(&mut cw, &al, e);
    }
    if let Some((mins, _)) = &s.critical {
        let ev = vec![cc_ev.unwrap()];
        let text = format!("Critical care: {mins} minutes of physician time at the bedside on a critically ill patient, excluding separately billable procedures. 99291 covers the first 30-74 minutes{}.", if *mins >= 75 { "; 99292 adds each further 30 minutes (75-104 minutes: one unit)" } else { "" });
        let rules = vec![convention("CPT critical care 99291/99292: total time of 30 minutes or more, procedures excluded"), convention("2023 CPT E/M guidelines: ED visits 99281-99285 by MDM")];
        cw.gold.em = Some(GoldEm { code: "99291".into(), problems: "high".into(), data: "extensive".into(), risk: "high".into(), total_minutes: Some(*mins), evidence: ev.clone(), rationale: why(text.clone(), rules.clone()) });
        cw.service("99291", &[], 1, ev.clone(), why(text.clone(), rules.clone()));
        if *mins >= 75 {
            cw.service("99292", &[], ((*mins - 45) / 30) as u16, ev, why(text, rules));
        }
    } else if let Some(e) = &s.em {
        let why25 = s.mod25.clone().unwrap_or_else(|| "the evaluation went beyond the decision for the same-day procedure.".into());
        set_em(&mut cw, e, nchronic, emev, if did_proc { Some(why25.as_str()) } else { None });
    }
    cw.finish()
}

/// A creatinine that fits the profile's CKD stage (the random "Cr x.x" of a lab line is replaced).
fn fit_cr(rng: &mut Rng, line: &str, p: &Profile) -> String {
    let Some(stage) = p.ckd else { return line.to_string() };
    let Some(i) = line.find("Cr ") else { return line.to_string() };
    let rest = &line[i + 3..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let end = if rest[..end].ends_with('.') { end - 1 } else { end };
    let cr = match stage {
        kb::CkdStage::S3a => rng.decimal(1.3, 1.5),
        kb::CkdStage::S3b => rng.decimal(1.6, 2.0),
        kb::CkdStage::S4 => rng.decimal(2.4, 3.2),
        kb::CkdStage::S5 => rng.decimal(4.6, 5.8),
        kb::CkdStage::Esrd => rng.decimal(6.2, 8.4),
    };
    format!("{}Cr {cr:.1} (at baseline){}", &line[..i], &rest[end..])
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
    s.cc = rng.say(&["MVC, neck and chest pain", "Car accident - neck pain", "Motor vehicle collision"]);
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
        format!("UA: negative for blood.{} CBC: Hgb {}, WBC {}.", if sx == Sex::Female && age < 52 { " Urine hCG: negative." } else { "" }, f1(rng.decimal(12.4, 15.6)), f1(rng.decimal(5.8, 11.2))),
    ];
    s.em_lines = vec![
        "MVC with neck and chest wall injuries; spine and thoracic injury excluded by imaging.".into(),
        rng.say(&["Ordered/reviewed CT C-spine, CXR, UA and CBC; I independently interpreted the chest x-ray.", "Data: CT C-spine, CXR, UA and CBC ordered and reviewed; my independent read of the CXR: no PTX."]),
        rng.say(&["Rx cyclobenzaprine 5 mg TID PRN spasm and ibuprofen 600 mg q6h with food.", "Prescribed methocarbamol 750 mg QID PRN and naproxen 500 mg BID."]),
    ];
    s.em = Some(em(2, "acute uncomplicated injuries (strain, contusion) after imaging excluded fracture", 4, "CT C-spine, urinalysis and CBC ordered and reviewed (Category 1, three unique tests even without the chest x-ray order) plus the physician's independent interpretation of the chest x-ray, which radiology reports (Category 2): two of the three categories", 3, "prescription drug management (muscle relaxant, prescription-strength NSAID)"));
    let neck = if neck_sprain { dx("S13.4XXA", "Cervical sprain (whiplash)", ", initial encounter", "Whiplash is a sprain of the cervical spine ligaments: S13.4XXA, initial encounter (active treatment).", rules_inj()) } else { dx("S16.1XXA", "Cervical strain (neck muscle strain)", ", initial encounter", "Strain of the neck muscles: S16.1XXA (muscle, fascia and tendon at neck level), 7th character A for active treatment.", rules_inj()) };
    let chest = dx(if chest_r { "S20.211A" } else { "S20.212A" }, format!("Contusion of {side} anterior chest wall"), " from seatbelt", format!("Contusion of the {side} front wall of the thorax: laterality is part of the code."), rules_inj());
    let abr = dx(if chest_r { "S20.311A" } else { "S20.312A" }, format!("Abrasion of {side} front chest wall"), " from seatbelt", format!("The abrasion and the contusion are both superficial injuries of the same site; neither is a more severe injury that would absorb the other, so each is coded: abrasion of the {side} front wall of the thorax."), vec![guideline("OCG I.C.19.b"), guideline("OCG IV.G")]);
    s.dx = vec![neck, chest, abr];
    s.dispo = rng.say(&["Home with soft collar PRN for comfort. PCP in 1 week. Return for numbness, weakness, SOB.", "Discharged. Ice/heat, meds as above, follow up with PCP in 5-7 days."]);
    s.status_line = if work { "Collision occurred while on the job (delivery driver).".into() } else if driver { rng.say(&["Personal travel, not work related.", "Pt was driving to visit family; not work-related."]) } else { rng.say(&["Personal travel, not work related.", "Pt was riding to visit family; not work-related."]) };
    write_case(rng, id, s)
}

/// Dog bite: irrigation, antibiotics, rabies risk assessed; a few loosely closed.
fn dog_bite(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(18, 78) as u8;
    let (code, site, words) = [("S61.451A", "right hand", "Dog bite (open bite) of right hand, dorsum"), ("S51.852A", "left forearm", "Dog bite, left forearm (open bite wound)"), ("S81.851A", "right lower leg", "Open bite wound of right lower leg (dog)")][v % 3];
    let mut s = Spec::new(rng, format!("ED visit: dog bite to the {site}"), age, sx);
    s.diff = Difficulty::Intermediate;
    s.cc = rng.say(&["Dog bite", "Bitten by dog", &format!("dog bite to {site}")]);
    let (place, pq, pw, act) = if v % 3 == 0 {
        (("Y92.007", "in the backyard", "yard of a private residence (type not stated)"), "in the backyard", "", None)
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
    s.exam = vec![format!("{}: {} puncture and tear wounds, largest a {} cm tear{}; no tendon exposure; full ROM; cap refill < 2 s; sensation intact distally.", cap(site), rng.pick(&["three", "two", "four"]), f1(len), if v % 3 == 0 { "" } else { " (loosely approximated below); the small punctures left open" })];
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
        s.mod25 = Some("the rabies exposure assessment (vaccination status, 10-day observation), tetanus status and the decision to prescribe prophylactic antibiotics are management beyond closing the wound.".into());
        s.proc = Proc::Lac { site: if v % 3 == 1 { "left forearm" } else { "right lower leg" }, parts: vec![len], layered: false, grp: Grp::SimpleBody };
    }
    s.nc = vec![nc("rabies exposure", Some("Z20.3"), "Rabies PEP not indicated: dog vaccinated and under observation.", "The physician assessed the rabies risk and found no exposure needing prophylaxis (the dog is vaccinated and under 10-day observation); Z20.3 (contact with and suspected exposure to rabies) is not reported.", vec![guideline("OCG IV.D")])];
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
        s.mod25 = Some("the injury was worked up before any decision to splint: Ottawa-rule exam, ankle x-rays ordered and independently interpreted to exclude a fracture, analgesic and weight-bearing plan.".into());
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
        0 => (Mech { hpi: "", cause: ("W00.0XXA", "slipped on ice", "fall on the same level due to ice and snow: W00.0XXA"), place: Some(("Y92.014", "driveway", "private driveway of a single-family house")), activity: Some(("Y93.H1", "shoveling", "shoveling")), status: ("Y99.8", "home activity") }, "slipped on ice on the driveway of the house while shoveling and fell onto an outstretched hand.".to_string()),
        1 => (Mech { hpi: "", cause: ("W09.2XXA", "fell from the jungle gym", "fall from a jungle gym: W09.2XXA"), place: Some(("Y92.211", "at elementary school recess", "elementary school")), activity: None, status: ("Y99.8", "student leisure activity (recess)") }, "fell from the jungle gym at elementary school recess onto an outstretched arm.".to_string()),
        2 => (Mech { hpi: "", cause: ("V00.131A", "fell from a skateboard", "fall from a skateboard: V00.131A"), place: Some(("Y92.830", "in a public park", "public park")), activity: Some(("Y93.51", "skateboarding", "skateboarding")), status: ("Y99.8", "leisure activity") }, "fell from a skateboard in a public park while skateboarding, landing on the hand.".to_string()),
        _ => (Mech { hpi: "", cause: ("W01.0XXA", "tripped over a garden hose", "trip and fall on the same level without striking an object: W01.0XXA"), place: Some(("Y92.007", "in the yard", "yard of a private residence (type not stated)")), activity: Some(("Y93.H2", "gardening", "gardening")), status: ("Y99.8", "home activity") }, "tripped over a garden hose in the yard while gardening and landed on the hand.".to_string()),
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
    s.mod25 = Some(format!("the wrist was evaluated before any decision to splint: neurovascular exam, wrist x-rays ordered and independently interpreted to establish the diagnosis ({}), analgesic plan and disposition.", if fx { "fracture" } else { "no fracture" }));
    s.em = Some(em(2, "an acute uncomplicated injury", 3, "independent interpretation of the wrist x-rays by the ED physician (Category 2)", rx_lv, if rx_lv == 3 { "prescription drug management (prescription-strength ibuprofen)" } else { "over-the-counter analgesics" }));
    s.proc = Proc::Other {
        lines: vec![if fx { "Fracture care: ED provides splint only; definitive fracture management by orthopedics (referral placed, appointment in 3-5 days).".into() } else { "Splint for comfort and immobilization.".into() }],
        marked: format!("Short arm volar splint (forearm to palm) applied to the {sd} wrist by me; cap refill brisk after application."),
        code: "29125",
        mods: vec![if right { "RT" } else { "LT" }],
        why: if fx { "The ED physician applied the initial splint without any reduction and did not assume the fracture care (orthopedics provides the definitive treatment and follow-up). The CPT casting and strapping guidelines report a splint as an initial service when the physician gives no restorative treatment of the fracture; a closed fracture treatment code would include the first splint and belongs to the physician who takes on the fracture care. Short arm static splint: 29125 with the side modifier.".into() } else { "Short arm static splint applied by the ED physician for a sprain (no fracture care code applies): 29125 with the side modifier.".into() },
        rules: vec![convention("CPT casting and strapping guidelines: initial splint without restorative fracture treatment"), convention("HCPCS RT/LT anatomic modifiers")],
    };
    s.dx = vec![dx(code, words, ", initial encounter", why_, rules_inj())];
    if fx {
        s.nc = vec![nc("displacement not stated", None, "Fracture is nondisplaced and closed.", "Documentation states nondisplaced and closed; the S52.5- codes used here carry no displacement axis, and closed is the 7th character A.", vec![guideline("OCG I.C.19.c.1")])];
    }
    s.dispo = rng.say(&["Home; sling, elevate, ortho follow-up as arranged.", "Discharged in splint; keep dry; follow-up with orthopedics."]);
    s.status_line = "Non-occupational injury.".into();
    write_case(rng, id, s)
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Concussion: sports or assault, CT by decision rule, independent historian for teens.
fn concussion(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = if v == 0 { Sex::Male } else { sex(rng) };
    let teen = v < 2;
    let age = if teen { rng.range(14, 17) as u8 } else { rng.range(19, 45) as u8 };
    let loc = v != 1;
    let mut s = Spec::new(rng, "ED visit: head injury".to_string(), age, sx);
    s.diff = Difficulty::Intermediate;
    s.cc = rng.say(&["Head injury", "hit head", "Concussion?"]);
    let (m, hpi) = match v % 3 {
        0 => (Mech { hpi: "", cause: ("W03.XXXA", "collided helmet-to-helmet with another player and fell", "fall on the same level from collision with another person: W03.XXXA"), place: Some(("Y92.321", "football field", "football field")), activity: Some(("Y93.61", "tackle football", "American tackle football")), status: ("Y99.8", "student leisure sport, not for pay") }, "collided helmet-to-helmet with another player and fell during a high school tackle football game on the football field.".to_string()),
        1 => (Mech { hpi: "", cause: ("W03.XXXA", "collided head-to-head with an opposing player and fell", "fall on the same level from collision with another person: W03.XXXA"), place: Some(("Y92.322", "soccer field", "soccer field")), activity: Some(("Y93.66", "soccer", "soccer")), status: ("Y99.8", "student leisure sport") }, "collided head-to-head with an opposing player and fell while heading the ball at soccer practice on the soccer field.".to_string()),
        _ => (Mech { hpi: "", cause: ("Y04.0XXA", "was punched in the head during a fight", "assault by unarmed brawl or fight: Y04.0XXA"), place: Some(("Y92.481", "parking lot", "parking lot")), activity: None, status: ("Y99.8", "non-work activity") }, "was punched in the head during a fight with an acquaintance in a bar parking lot and fell to the ground.".to_string()),
    };
    s.hpi = if teen { "brought by parent; history from pt and parent (pt amnestic for part of event). Pt".into() } else { "states that last night pt".into() };
    s.mech = Some((m, hpi));
    s.hpi2 = if loc { rng.say(&["Witnesses report LOC for about 30 seconds. Since then headache, nausea without vomiting, feels foggy.", "Brief LOC (< 1 min) per teammates, then confused for several minutes. Now HA and photophobia."]) } else { rng.say(&["No LOC per coach. Dazed, headache, mild nausea, and 'foggy' afterward.", "Did not lose consciousness; saw stars; headache and dizziness since."]) };
    s.ros_pos = "+ headache, + nausea.".into();
    s.ros_negs = vec!["vomiting", "neck pain", "weakness", "numbness", "vision loss", "seizure"];
    s.exam = vec!["Head: no hematoma, no step-off; no hemotympanum.".into(), "Neuro: GCS 15, CN intact, no pronator drift, finger-to-nose normal; slow to answer at times.".into(), "C-spine: nontender midline.".into()];
    let ct = loc;
    if ct {
        s.results = vec!["CT head w/o contrast: no intracranial hemorrhage, no fracture.".into()];
        s.em_lines = vec![
            format!("Closed head injury with {}: concussion; intracranial hemorrhage excluded.", if loc { "brief LOC" } else { "no LOC" }),
            if teen { "CT head ordered and reviewed; history obtained from parent as independent historian.".into() } else { "CT head ordered and reviewed; CBC and BMP ordered and reviewed.".into() },
            "Acetaminophen for headache; cognitive and physical rest, graded return-to-play/work protocol.".into(),
        ];
        s.em = Some(em(3, "an acute complicated injury (brain injury requiring neurologic evaluation and imaging)", if teen { 2 } else { 3 }, if teen { "CT ordered plus an independent historian (parent): limited" } else { "three unique tests ordered and reviewed" }, 2, "over-the-counter analgesic"));
        if !teen {
            s.results.push(format!("CBC, BMP unremarkable (Hgb {}, Na {}).", f1(rng.decimal(12.6, 15.9)), rng.range(136, 142)));
        }
    } else {
        s.em_lines = vec![
            "Concussion without LOC; low risk by PECARN, CT not indicated after shared decision with parent.".into(),
            "History from parent (independent historian) due to pt's incomplete recall.".into(),
            "Acetaminophen PRN; no sports until cleared; concussion instructions.".into(),
        ];
        s.em = Some(em(3, "an acute complicated injury (brain injury requiring neurologic evaluation)", 2, "assessment requiring an independent historian (parent)", 2, "over-the-counter analgesic"));
    }
    let (code, words, w) = if loc { ("S06.0X1A", "Concussion with brief loss of consciousness (< 1 minute)", "Concussion with loss of consciousness of 30 minutes or less: S06.0X1A (the LOC duration is documented), initial encounter.") } else { ("S06.0X0A", "Concussion without loss of consciousness", "Concussion without loss of consciousness: S06.0X0A, initial encounter.") };
    s.dx = vec![dx(code, words, "", w, rules_inj())];
    s.nc = vec![nc("headache and nausea after concussion", Some("R51.9"), "Headache, nausea and fogginess are concussive symptoms.", "Symptoms routinely part of the concussion are not coded separately.", vec![guideline("OCG I.B.5"), guideline("OCG I.C.18.b")])];
    s.dispo = rng.say(&["Home with responsible adult; head injury instructions; PCP/sports medicine in 2-3 days.", "Discharged to parent; concussion clinic referral; return for vomiting, worsening headache, confusion."]);
    s.status_line = if teen { "School sport, not employment.".into() } else { "Not at work at the time.".into() };
    write_case(rng, id, s)
}

/// Burns: scalds, grease, hot pan; highest degree per site and the extent (T31).
fn burn(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(19, 70) as u8;
    let right = rng.chance(0.5);
    let sd = if right { "right" } else { "left" };
    let mut s = Spec::new(rng, "ED visit: burn".to_string(), age, sx);
    s.diff = Difficulty::Intermediate;
    s.cc = [rng.say(&["Scald burn, forearm", "Burn from hot coffee"]), rng.say(&["Grease burn to hand", "Burned hand at work"]), rng.say(&["Burned palm on a hot pan", "Hand burn"])][v % 3].clone();
    s.allergy = Some(rng.say(&["NKDA", "No known drug allergies.", "Codeine - nausea."]));
    let work = v == 1;
    let (m, hpi, code, words) = match v % 3 {
        0 => (Mech { hpi: "", cause: ("X10.0XXA", "spilled a cup of hot coffee", "contact with hot drinks: X10.0XXA"), place: Some(("Y92.000", "kitchen", "kitchen of a private residence (type not stated)")), activity: Some(("Y93.G3", "cooking breakfast", "cooking")), status: ("Y99.8", "home activity") }, format!("spilled a cup of hot coffee onto the {sd} forearm in the kitchen at home while cooking breakfast."), if right { "T22.211A" } else { "T22.212A" }, format!("Second-degree burn of {sd} forearm")),
        1 => (Mech { hpi: "", cause: ("X10.2XXA", "hot fryer oil splashed", "contact with fats and cooking oils: X10.2XXA"), place: Some(("Y92.511", "restaurant", "restaurant")), activity: Some(("Y93.G3", "working the fry station", "cooking")), status: ("Y99.0", "at work, for pay") }, format!("was working the fry station at the restaurant where pt is employed when hot fryer oil splashed onto the back of the {sd} hand."), if right { "T23.261A" } else { "T23.262A" }, format!("Second-degree burn of back of {sd} hand")),
        _ => (Mech { hpi: "", cause: ("X15.3XXA", "grabbed the handle of a hot skillet", "contact with a hot saucepan or skillet: X15.3XXA"), place: Some(("Y92.000", "kitchen", "kitchen of a private residence (type not stated)")), activity: Some(("Y93.G3", "cooking dinner", "cooking")), status: ("Y99.8", "home activity") }, format!("grabbed the handle of a hot skillet that had been in the oven while cooking dinner in the kitchen at home, burning the {sd} palm."), if right { "T23.251A" } else { "T23.252A" }, format!("Second-degree burn of {sd} palm")),
    };
    s.hpi = rng.say(&["reports that about an hour ago pt", "states pt"]);
    s.mech = Some((m, hpi));
    s.hpi2 = rng.say(&["Ran under cool water for 10 minutes. Blisters formed. Tetanus UTD.", "Cooled with water at the scene; blistering within 30 min. Td 4 years ago."]);
    s.ros_pos = "+ burning pain.".into();
    s.ros_negs = vec!["other burns", "inhalation", "cough", "hoarseness", "fever"];
    s.prof = ProfileSpec::LIGHT;
    let tbsa = *rng.pick(&["1%", "less than 1%", "about 1%", "2%"]);
    let burn_site = [format!("{sd} forearm"), format!("back of the {sd} hand"), format!("{sd} palm")][v % 3].clone();
    s.exam = vec![format!("Skin, {burn_site}: area of erythema with intact and ruptured blisters, blanching, painful to touch (partial thickness) with surrounding first-degree erythema; estimated {tbsa} TBSA. No circumferential involvement.", ), "Distal CMS intact.".into()];
    s.course = vec![rng.say(&["Wound gently cleansed; blisters left intact; silver sulfadiazine and nonadherent dressing applied by nursing.", "Cleaned with saline, bacitracin and Xeroform dressing by RN."])];
    s.em_lines = vec![
        format!("Partial-thickness burn, {tbsa} TBSA, non-circumferential; no inhalation injury."),
        rng.say(&["Rx silver sulfadiazine 1% cream BID with dressing changes; OTC ibuprofen for pain.", "Prescribed silver sulfadiazine 1% cream for daily dressing changes; OTC analgesics."]),
    ];
    s.em = Some(em(2, "an acute uncomplicated injury", 1, "no tests", 3, "prescription drug management (silver sulfadiazine)"));
    s.dx = vec![
        dx(code, words.clone(), ", initial encounter", format!("{words}: the site and degree decide the code; first- and second-degree burn of the same site is coded to the highest degree only."), vec![guideline("OCG I.C.19.d.2"), guideline("OCG I.C.19.a")]),
        dx("T31.0", format!("Burn extent {tbsa} TBSA"), "", "Extent of body surface burned, less than 10%: T31.0, as the T20-T25 note asks (use additional code from T31 to identify extent).", vec![tabular("T20-T25 Use additional code from category T31 or T32 to identify extent of body surface involved")]),
    ];
    s.nc = vec![nc("first-degree burn at the same site", None, "Surrounding first-degree erythema at the same site.", "Burns of different degree at the same site are classified to the highest degree recorded.", vec![guideline("OCG I.C.19.d.2")])];
    s.dispo = rng.say(&["Home; burn clinic follow-up in 2-3 days.", "Discharged; dressing change teaching done; wound check in 48 h."]);
    s.status_line = if work { "Work-related injury (employee at the restaurant); workers' comp paperwork given.".into() } else { "Not work related.".into() };
    write_case(rng, id, s)
}

/// Foreign body removal without a separately identifiable E/M.
fn foreign_body(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(3, 7) as u8;
    let right = rng.chance(0.5);
    let sd = if right { "right" } else { "left" };
    let ear = v == 0;
    let mut s = Spec::new(rng, format!("ED visit: child with foreign body in the {}", if ear { "ear" } else { "nose" }), age, sx);
    s.esi = 4;
    s.cc = if ear { "Something in ear".into() } else { "Toy piece in nose".into() };
    s.pain = (0, 3);
    let (m, hpi) = if ear {
        (Mech { hpi: "", cause: ("W44.B1XA", "pushed a plastic bead", "plastic bead entering a natural orifice: W44.B1XA"), place: Some(("Y92.003", "bedroom", "bedroom of a private residence (type of residence not stated)")), activity: None, status: ("Y99.8", "child's leisure") }, format!("pushed a plastic bead into the {sd} ear while playing in the bedroom about 2 hours ago (per mother)."))
    } else {
        (Mech { hpi: "", cause: ("W44.B3XA", "inserted a small plastic toy part", "plastic toy part entering a natural orifice: W44.B3XA"), place: Some(("Y92.008", "living room", "other place (living room) in a private residence (type not stated)")), activity: None, status: ("Y99.8", "child's leisure") }, format!("inserted a small plastic toy part into the {sd} nostril while playing in the living room at home (per father)."))
    };
    s.hpi = "per parent, pt".into();
    s.mech = Some((m, hpi));
    s.hpi2 = "No bleeding, no breathing difficulty, otherwise well.".into();
    s.ros_negs = vec!["fever", "cough", "ear drainage", "epistaxis", "vomiting"];
    s.vit = vit(rng, (92, 108), (88, 118), (36.6, 37.2), (98, 100));
    s.exam = vec![if ear { format!("{} EAC: round plastic bead visible, TM not visualized behind it; no bleeding.", cap(sd)) } else { format!("Nose: foreign body visible in {sd} naris; no septal injury.") }];
    s.em_lines = vec![];
    s.em = None;
    let (code, mods, marked, w) = if ear {
        ("69200", vec![if right { "RT" } else { "LT" }], format!("Bead removed from {sd} external auditory canal with alligator forceps, no anesthesia; TM intact afterward."), "Removal of a foreign body from the external auditory canal without general anesthesia: 69200, with the side modifier.".to_string())
    } else {
        ("30300", vec![], format!("Intranasal foreign body (toy part) removed from {sd} naris with hook, office-type procedure, no sedation."), "Removal of an intranasal foreign body, office type: 30300.".to_string())
    };
    s.proc = Proc::Other { lines: vec!["Parent consented. Child held by parent.".into()], marked, code, mods, why: w, rules: vec![convention("CPT foreign body removal codes")] };
    s.dx = vec![if ear { dx(if right { "T16.1XXA" } else { "T16.2XXA" }, format!("Foreign body in {sd} ear"), ", removed", "Foreign body in the ear by side: T16.1-/T16.2-, initial encounter.", rules_inj()) } else { dx("T17.1XXA", "Foreign body in nostril", ", removed", "Foreign body in the nostril: T17.1XXA, initial encounter.", rules_inj()) }];
    s.nc = vec![nc("ED E/M level", Some("99282"), "Visit limited to evaluation and removal of the foreign body.", "The evaluation only led to the decision to do the minor procedure; that decision is included in the procedure, so no separate E/M is reported.", vec![edit("NCCI Policy Manual ch. 1: E/M on the day of a minor procedure"), convention("CPT modifier 25")])];
    s.dispo = "Home with parent.".into();
    s.status_line = "Child at play at home.".into();
    write_case(rng, id, s)
}

fn ekg(rng: &mut Rng) -> String {
    let hr = rng.range(62, 94);
    rng.vary(&format!("ECG (my interpretation; formal read by cardiology): {{NSR|sinus rhythm}} at {hr}, normal axis, {{no acute ST/T changes|no ST elevation or depression}}, intervals normal."))
}

/// Chest pain with MI ruled out: discharged or placed in observation.
fn chest_pain(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let obs = v >= 3;
    // HEART score: a low-risk discharge is a younger patient; observation is an older one (age alone scores 2).
    let age = if obs { rng.range(65, 79) } else { rng.range(38, 54) } as u8;
    let mut s = Spec::new(rng, "ED visit: chest pain".to_string(), age, sx);
    s.diff = if obs { Difficulty::Advanced } else { Difficulty::Intermediate };
    s.esi = 2;
    s.arrival = if v % 2 == 0 { "EMS" } else { "private vehicle" };
    let (code, words, w, cc, hpi) = match v % 3 {
        0 => ("R07.89", "Chest pressure, acute coronary syndrome ruled out", "Chest pressure is indexed to other chest pain (R07.89); with ACS ruled out and no cause found, the symptom is first-listed.", "Chest pressure", "reports substernal chest pressure that began at rest {2|3|4} hours ago, 5/10, nonradiating, with mild diaphoresis; improved after chewing aspirin at home."),
        1 => ("R07.9", "Chest pain, unspecified; MI ruled out", "Chest pain without further description: R07.9. MI was ruled out and no definitive cause documented, so the symptom is coded.", "Chest pain", "c/o {left-sided|central} chest pain since this morning, intermittent, {dull|achy}, lasting minutes, not exertional, no radiation."),
        _ => ("R07.2", "Precordial chest pain, myocardial infarction excluded", "Precordial pain has its own code (R07.2); the workup excluded MI and no cause was established.", "Precordial pain", "describes a sharp pain over the precordium for {6|12} hours, worse when lying flat, no exertional component."),
    };
    s.cc = cc.into();
    s.hpi = rng.vary(hpi);
    s.hpi2 = rng.say(&["No prior cardiac history. No recent travel or leg swelling.", "Never had a stress test. Denies cocaine. No calf pain."]);
    s.ros_pos = "+ chest discomfort.".into();
    s.ros_negs = vec!["fever", "cough", "hemoptysis", "leg swelling", "syncope", "abdominal pain", "melena"];
    s.prof = ProfileSpec::TYPICAL;
    s.excl = vec![Other::Gerd, Other::Cad, Other::AfibParoxysmal, Other::AfibPermanent];
    s.exam = vec!["Chest wall: nontender.".into(), "Ext: no edema, calves soft and nontender.".into()];
    let t1 = rng.range(2, 6);
    let t2 = rng.range(2, 7);
    s.results = vec![
        ekg(rng),
        format!("hs-troponin T {t1} ng/L -> {t2} ng/L at 3 h (ref < 14)."),
        format!("CBC: WBC {}, Hgb {}. BMP: Cr {}, K {}. D-dimer < 0.5 (age-adjusted negative).", f1(rng.decimal(5.0, 10.0)), f1(rng.decimal(12.5, 15.5)), f1(rng.decimal(0.7, 1.2)), f1(rng.decimal(3.7, 4.8))),
        "CXR: no acute cardiopulmonary process.".into(),
    ];
    if obs {
        s.em_lines = vec![
            format!("Chest pain concerning for ACS in a {age} y/o: HEART score 4 or more (highly suspicious history, age over 65), moderate risk; serial troponins negative but ACS not excluded without further testing."),
            "Ordered and reviewed serial troponins, CBC, BMP, D-dimer, CXR; I independently interpreted the ECG.".into(),
            "Discussed with hospitalist; decision to place in observation for stress testing.".into(),
        ];
        s.em = Some(em(4, "an acute illness that poses a threat to life or bodily function (chest pain with a moderate-risk HEART score, ACS not excluded, requiring observation and stress testing)", 4, "Category 1 (troponin, CBC, BMP, D-dimer, chest x-ray) plus independent interpretation of the ECG and discussion of management with the hospitalist", 4, "decision regarding hospitalization (observation)"));
        s.dispo = "Placed in observation (outpatient status) under hospitalist; stress test in AM.".into();
    } else {
        s.em_lines = vec![
            format!("Acute chest pain, new, with uncertain prognosis; HEART score {} (low risk).", rng.range(1, 2)),
            "Ordered and reviewed troponin x2, CBC, BMP, D-dimer and CXR; ECG independently interpreted by me.".into(),
            "Aspirin 324 mg given; discharge with outpatient stress test, no new prescriptions.".into(),
        ];
        s.em = Some(em(3, "an undiagnosed new problem with uncertain prognosis", 4, "Category 1 (troponin, CBC, BMP, D-dimer, chest x-ray) plus independent interpretation of the ECG (Category 2)", 2, "over-the-counter aspirin; no prescription drug management"));
        s.dispo = rng.say(&["Home; cardiology clinic for stress test within 72 h. Return for recurrent pain.", "Discharged; outpatient stress testing ordered; PCP in 2-3 days."]);
    }
    let (words, w) = if obs { (words.split(',').next().unwrap_or(words).to_string() + ", myocardial infarction excluded by serial troponins; observation for ischemic evaluation", format!("{} MI was excluded and possible ACS is an uncertain diagnosis that is not coded, so the symptom is first-listed.", match code { "R07.89" => "Chest pressure is indexed to other chest pain (R07.89).", "R07.2" => "Precordial pain has its own code (R07.2).", _ => "Chest pain without further description: R07.9." })) } else { (words.to_string(), w.to_string()) };
    s.dx = vec![dx(code, words, "", w, vec![guideline("OCG IV.D"), guideline("OCG IV.H")])];
    s.nc = vec![
        nc("acute myocardial infarction / ACS", Some("I21.9"), if obs { "Serial troponins negative: no MI; unstable angina not yet excluded." } else { "Serial troponins and ECG negative: no MI, ACS not suspected further." }, "A diagnosis ruled out, or still only possible, is not coded in the outpatient setting; the symptom is coded.", vec![guideline("OCG IV.H")]),
        nc("ECG interpretation (professional component)", Some("93010"), "Formal ECG interpretation and report by cardiology.", "The formal ECG report is cardiology's and is billed by them; the ED physician's own review of the tracing is not a separately reported interpretation, so it counts in the MDM data element as an independent interpretation (Category 2).", vec![convention("2021 E/M MDM table: independent interpretation of a test performed by another physician")]),
    ];
    write_case(rng, id, s)
}

/// Abdominal pain by quadrant, with and without a confirmed cause.
fn abdomen(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = if v == 0 { Sex::Female } else { sex(rng) };
    let age = rng.range(19, 74) as u8;
    let mut s = Spec::new(rng, "ED visit: abdominal pain".to_string(), age, sx);
    s.diff = if v == 4 { Difficulty::Advanced } else { Difficulty::Intermediate };
    s.cc = "Abdominal pain".into();
    s.prof = ProfileSpec::LIGHT;
    s.excl = vec![Other::Gerd];
    let wbc = rng.decimal(6.2, 15.8);
    let labs = format!("CBC: WBC {}, Hgb {}. CMP unremarkable. Lipase {}. UA: no blood, no LE.{}", f1(wbc), f1(rng.decimal(12.0, 15.0)), rng.range(18, 52), if sx == Sex::Female && age < 52 { " Urine hCG negative." } else { "" });
    let rx_line = "Discharged with Rx ondansetron ODT 4 mg q8h PRN; IV ketorolac and NS given in ED.";
    match v {
        0 => {
            s.hpi = rng.vary("reports {1 day|18 hours} of right lower quadrant pain, constant, 6/10, no fever, mild anorexia, no vomiting.");
            s.exam = vec!["Abd: RLQ tenderness without rebound or guarding; negative Rovsing; no CVA tenderness.".into()];
            s.results = vec![labs, "CT abdomen/pelvis with IV contrast: normal appendix, no acute process.".into()];
            s.em_lines = vec!["RLQ pain, new, uncertain etiology; appendicitis and ovarian pathology considered.".into(), "Ordered and reviewed CBC, CMP, lipase, UA, hCG and CT A/P.".into(), rx_line.into()];
            s.em = Some(em(3, "an undiagnosed new problem with uncertain prognosis", 3, "three or more unique tests ordered and reviewed", 3, "prescription drug management"));
            s.dx = vec![dx("R10.31", "Right lower quadrant abdominal pain", ", etiology undetermined; CT negative", "No cause was found: the symptom, specified by quadrant, is first-listed (R10.31).", vec![guideline("OCG IV.D")])];
            s.nc = vec![nc("appendicitis, excluded", Some("K35.80"), "Appendicitis excluded by CT.", "A diagnosis that was ruled out is not coded.", vec![guideline("OCG IV.H")])];
        }
        1 => {
            s.hpi = rng.vary("has {3|2} days of LLQ pain with low-grade fever and loose stools; no blood. Had similar pain years ago.");
            s.vit.t = rng.decimal(37.9, 38.4);
            s.exam = vec!["Abd: LLQ tenderness with voluntary guarding, no peritoneal signs.".into()];
            s.results = vec![labs, "CT A/P: acute uncomplicated sigmoid diverticulitis; no abscess, no free air.".into()];
            s.em_lines = vec!["Acute diverticulitis with fever (systemic symptoms), uncomplicated on CT.".into(), "Ordered/reviewed CBC, CMP, lipase, UA and CT A/P.".into(), "Rx amoxicillin-clavulanate 875 mg BID x 7 days; clear liquids advanced as tolerated.".into()];
            s.em = Some(em(3, "an acute illness with systemic symptoms", 3, "three or more unique tests ordered and reviewed", 3, "prescription drug management"));
            s.dx = vec![dx("K57.32", "Acute sigmoid diverticulitis without perforation or abscess", "", "Diverticulitis of the large intestine (sigmoid) without perforation, abscess or bleeding: K57.32. The confirmed diagnosis replaces the symptom.", vec![guideline("OCG IV.G"), guideline("OCG I.B.5")])];
            s.nc = vec![nc("LLQ pain", Some("R10.32"), "LLQ pain explained by the diverticulitis.", "The pain is a sign of the confirmed diverticulitis and is not coded.", vec![guideline("OCG I.B.5"), guideline("OCG IV.D")])];
        }
        2 => {
            s.hpi = rng.vary("c/o RUQ pain after a fatty meal, {4|5} hours, colicky, radiating to the right scapula, with nausea; now easing.");
            s.exam = vec!["Abd: mild RUQ tenderness, Murphy sign negative.".into()];
            s.results = vec![labs, "RUQ ultrasound: multiple gallstones, no wall thickening, no pericholecystic fluid, CBD 4 mm.".into()];
            s.em_lines = vec!["Biliary colic from symptomatic cholelithiasis; no cholecystitis or obstruction.".into(), "Labs (CBC, CMP, lipase, UA) and RUQ US ordered and reviewed.".into(), "Rx ondansetron; outpatient general surgery referral for elective cholecystectomy.".into()];
            s.em = Some(em(3, "an acute illness with systemic symptoms", 3, "three or more unique tests ordered and reviewed", 3, "prescription drug management"));
            s.dx = vec![dx("K80.20", "Symptomatic cholelithiasis (biliary colic) without cholecystitis", "", "Gallstones without cholecystitis or obstruction: K80.20. Biliary colic is the symptom of the stones.", vec![guideline("OCG IV.G"), guideline("OCG I.B.5")])];
            s.nc = vec![nc("RUQ pain", Some("R10.11"), "RUQ pain due to the stones.", "Integral to the confirmed cholelithiasis.", vec![guideline("OCG I.B.5")])];
        }
        3 => {
            s.hpi = rng.vary("has epigastric burning pain for {2|3} days with nausea and {4|5} episodes of nonbloody emesis today; takes OTC ibuprofen several times a week.");
            s.exam = vec!["Abd: epigastric tenderness, no rebound; Murphy negative.".into()];
            s.results = vec![labs, "Troponin negative x1. ECG nonischemic.".into()];
            s.em_lines = vec!["Epigastric pain and vomiting, new; possible gastritis vs peptic ulcer, not confirmed.".into(), "Ordered/reviewed CBC, CMP, lipase, UA, troponin.".into(), "Rx pantoprazole 40 mg daily and ondansetron ODT; stop NSAIDs; GI referral.".into()];
            s.em = Some(em(3, "an undiagnosed new problem with uncertain prognosis", 3, "three or more unique tests ordered and reviewed", 3, "prescription drug management"));
            s.dx = vec![
                dx("R10.13", "Epigastric pain", "", "The physician leaves gastritis/ulcer as possibilities; in the ED the symptoms are coded (epigastric pain, R10.13).", vec![guideline("OCG IV.H"), guideline("OCG IV.D")]),
                dx("R11.2", "Nausea with vomiting", "", "Vomiting is not integral to a symptom code and was treated: R11.2 is added while no definitive diagnosis exists.", vec![guideline("OCG IV.D")]),
            ];
            s.nc = vec![nc("possible gastritis", Some("K29.70"), "Gastritis suspected, not established.", "Uncertain diagnoses are not coded in the outpatient setting.", vec![guideline("OCG IV.H")])];
        }
        _ => {
            s.hpi = rng.vary("has periumbilical pain for {14|20} hours, now more diffuse, with anorexia and one episode of vomiting.");
            s.esi = 2;
            s.exam = vec!["Abd: periumbilical tenderness, mild RLQ tenderness on deep palpation, no rebound.".into()];
            s.results = vec![labs, "CT A/P: appendix 7 mm with equivocal periappendiceal stranding; early appendicitis not excluded.".into()];
            s.em_lines = vec!["Periumbilical pain, probable early appendicitis - not confirmed.".into(), "Ordered/reviewed CBC, CMP, lipase, UA, CT; case discussed with general surgery.".into(), "Surgery to admit to observation for serial exams, possible appendectomy; NPO, IV fluids.".into()];
            s.em = Some(em(4, "an acute illness that poses a threat to bodily function (possible appendicitis)", 4, "Category 1 tests plus discussion of management with the surgeon (Category 3)", 4, "decision regarding hospitalization and possible emergency surgery"));
            s.dx = vec![dx("R10.33", "Periumbilical abdominal pain", ", probable early appendicitis", "\"Probable\" appendicitis is not coded for an ED visit: the symptom (periumbilical pain, R10.33) is reported.", vec![guideline("OCG IV.H"), guideline("OCG IV.D")])];
            s.nc = vec![nc("probable appendicitis", Some("K35.80"), "Appendicitis remains probable only.", "Probable diagnoses are not coded in the outpatient setting; the symptom is coded.", vec![guideline("OCG IV.H")])];
            s.dispo = "Admitted to surgical observation.".into();
        }
    }
    s.hpi2 = rng.say(&["No urinary symptoms. LMP/GU hx noncontributory.", "No hematochezia or melena. No prior abdominal surgery."]);
    s.ros_pos = "+ abdominal pain.".into();
    s.ros_negs = vec!["chest pain", "shortness of breath", "dysuria", "hematuria", "melena", "rash"];
    if s.dispo.is_empty() {
        s.dispo = rng.say(&["Home, tolerating PO. PCP in 2 days; return for fever, worsening pain.", "Discharged with return precautions."]);
    }
    write_case(rng, id, s)
}

/// Ureteral stone, with and without hydronephrosis.
fn stone(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(24, 66) as u8;
    let right = rng.chance(0.5);
    let sd = if right { "right" } else { "left" };
    let mut s = Spec::new(rng, "ED visit: flank pain".to_string(), age, sx);
    s.cc = format!("{} flank pain", cap(sd));
    s.pain = (7, 10);
    s.prof = ProfileSpec::LIGHT;
    s.excl = vec![Other::Gout];
    let mm = rng.range(3, 7);
    let hydro = v == 0;
    s.hpi = rng.vary(&format!("woke with severe colicky {sd} flank pain radiating to the groin, with nausea and {{one episode of|two episodes of}} emesis. No fever."));
    s.hpi2 = rng.say(&["Similar episode 5 years ago passed a stone.", "No prior stones."]);
    s.ros_pos = "+ flank pain, + nausea.".into();
    s.ros_negs = vec!["fever", "dysuria", "chest pain", "diarrhea"];
    s.exam = vec![format!("{} CVA tenderness; abdomen soft, nontender.", cap(sd))];
    s.results = vec![
        format!("UA: {} RBC/hpf, no nitrite, LE negative.", rng.range(20, 100)),
        format!("BMP: Cr {}. CBC: WBC {}.", f1(rng.decimal(0.8, 1.2)), f1(rng.decimal(6.0, 11.0))),
        format!("CT abdomen/pelvis without contrast: {mm} mm {sd} ureterovesical junction stone{}.", if hydro { " with mild hydronephrosis" } else { ", no hydronephrosis" }),
    ];
    s.course = vec!["Ketorolac 15 mg IV and ondansetron 4 mg IV with good relief; tolerated PO.".into()];
    s.em_lines = vec![
        format!("{mm} mm {sd} UVJ stone, likely to pass; no infection, pain controlled."),
        "UA, BMP, CBC and CT ordered and reviewed.".into(),
        "Rx tamsulosin 0.4 mg daily, oxycodone 5 mg q6h PRN #8 (PDMP checked), ondansetron.".into(),
    ];
    s.em = Some(em(3, "an acute illness with systemic symptoms (renal colic with vomiting)", 3, "three or more unique tests ordered and reviewed", 3, "prescription drug management"));
    if hydro {
        s.dx = vec![dx("N13.2", format!("{} ureteral calculus with mild hydronephrosis", cap(sd)), "", "A ureteral stone with hydronephrosis is one combination code, N13.2 (hydronephrosis with renal and ureteral calculous obstruction); N20.1 is not added.", vec![guideline("OCG I.A.15"), tabular("N13 Excludes2 calculus of kidney and ureter without hydronephrosis (N20.-)")])];
        s.nc = vec![nc("ureteral calculus coded alone", Some("N20.1"), "Stone is obstructing with hydronephrosis.", "N20.1 is for a stone without hydronephrosis; with hydronephrosis N13.2 covers both.", vec![tabular("N13 Excludes2 calculus of kidney and ureter without hydronephrosis (N20.-)")])];
    } else {
        s.dx = vec![dx("N20.1", format!("{} ureteral stone ({mm} mm UVJ)", cap(sd)), ", no hydronephrosis", "Calculus of the ureter without hydronephrosis: N20.1.", vec![guideline("OCG IV.G")])];
        s.nc = vec![nc("hematuria", Some("R31.9"), "Microscopic hematuria consistent with the stone.", "Hematuria is routinely associated with a ureteral stone and is not coded.", vec![guideline("OCG I.B.5")])];
    }
    s.dispo = "Home with strainer; urology follow-up in 1 week; return for fever or intractable pain.".into();
    write_case(rng, id, s)
}

/// Asthma exacerbation in adults and a child.
fn asthma(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let child = v == 2;
    let age = if child { rng.range(6, 12) as u8 } else { rng.range(19, 58) as u8 };
    let mut s = Spec::new(rng, "ED visit: shortness of breath and wheezing".to_string(), age, sx);
    s.cc = rng.say(&["SOB, wheezing", "Asthma attack", "Can't catch breath"]);
    s.vit = vit(rng, (108, 138), (96, 124), (36.6, 37.4), (91, 95));
    s.prof = if child { ProfileSpec::NONE } else { ProfileSpec::LIGHT };
    s.excl = vec![Other::Copd, Other::AsthmaModerate, Other::Smoker];
    let (code, words, tail, why_) = match v {
        0 => ("J45.41", "Moderate persistent asthma with acute exacerbation", "", "Moderate persistent asthma with (acute) exacerbation: J45.41; severity and exacerbation are both documented."),
        1 => ("J45.31", "Mild persistent asthma with exacerbation", "", "Mild persistent asthma with exacerbation: J45.31."),
        _ => ("J45.901", "Asthma exacerbation", ", severity not classified", "Asthma with exacerbation, severity not documented: J45.901."),
    };
    s.hpi = if child { "brought by mother for 2 days of cough and wheeze after a cold; using albuterol every 3 hours at home without relief. History from mother.".into() } else { rng.vary("with known asthma has {2|3} days of wheezing and chest tightness after a URI, using albuterol every {2|3} hours.") };
    s.hpi2 = rng.say(&["No fever. No prior intubations.", "Last steroid burst 8 months ago. Never intubated."]);
    s.ros_pos = "+ wheeze, + cough, + dyspnea.".into();
    s.ros_negs = vec!["fever", "chest pain", "leg swelling", "hemoptysis", "vomiting"];
    s.exam = vec![format!("Lungs: diffuse expiratory wheezes, {} air movement, mild accessory muscle use; speaks in full sentences.", rng.pick(&["decreased", "fair", "moderately reduced"]))];
    s.exam_skip = vec!["lungs"];
    s.pain = (0, 3);
    s.pmh_extra = Some(match v {
        0 => ("moderate persistent asthma".into(), vec!["fluticasone-salmeterol 250-50 mcg 1 inhalation BID".into(), "albuterol HFA 2 puffs q4-6h PRN".into()]),
        1 => ("mild persistent asthma".into(), vec!["budesonide 180 mcg 1 inhalation BID".into(), "albuterol HFA 2 puffs q4-6h PRN".into()]),
        _ => ("asthma".into(), vec!["albuterol HFA 2 puffs q4-6h PRN".into()]),
    });
    s.course = vec![
        "DuoNeb x3 back to back, then albuterol neb; dexamethasone PO given.".into(),
        format!("Reassessed: wheeze resolved, SpO2 {}% RA, ambulatory without desaturation.", rng.range(96, 99)),
    ];
    s.em_lines = vec![
        "Asthma exacerbation, responded to nebs and steroid.".into(),
        if child { "History obtained from mother (independent historian).".into() } else { "Peak flow monitored; no labs needed.".into() },
        if child { "Rx prednisolone 1 mg/kg PO daily x 4 days; albuterol HFA with spacer refilled.".into() } else { "Rx prednisone 40 mg PO daily x 5 days; albuterol HFA refilled.".into() },
    ];
    s.em = Some(em(3, "a chronic illness with exacerbation", if child { 2 } else { 1 }, if child { "assessment requiring an independent historian (mother)" } else { "no tests" }, 3, "prescription drug management (oral steroid, bronchodilator)"));
    s.dx = vec![dx(code, words, tail, why_, vec![guideline("OCG IV.G"), guideline("OCG I.C.10")])];
    if v < 2 {
        let controller = if v == 0 { "fluticasone-salmeterol" } else { "budesonide" };
        s.dx.push(dx("Z79.51", format!("Long-term inhaled corticosteroid controller ({controller}), continue"), "", format!("Long-term (current) use of an inhaled steroid ({controller}), documented and continued: Z79.51."), vec![guideline("OCG I.C.21.c.3")]));
    }
    s.nc = vec![nc("wheezing and shortness of breath", Some("R06.2"), "Wheezing and dyspnea are the exacerbation.", "Symptoms integral to the asthma exacerbation are not coded.", vec![guideline("OCG I.B.5")])];
    s.dispo = if child { "Home with mother, pediatrician in 2-3 days; asthma action plan reviewed.".into() } else { "Home, PCP in 2-3 days; asthma action plan reviewed.".into() };
    write_case(rng, id, s)
}

/// Urinary tract infections.
fn uti(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = Sex::Female;
    let age = rng.range(19, 78) as u8;
    let mut s = Spec::new(rng, "ED visit: urinary symptoms".to_string(), age, sx);
    s.cc = rng.say(&["Burning with urination", "UTI symptoms", "dysuria"]);
    s.prof = ProfileSpec::LIGHT;
    let pyelo = v == 2;
    let hematuria = v == 1;
    s.hpi = if pyelo { rng.vary("has 3 days of dysuria and frequency, now with right flank pain, fever to 38.9 and chills.") } else { rng.vary("c/o {2|3} days of dysuria, urgency and frequency{| and suprapubic pressure}. No fever or flank pain.") };
    if pyelo {
        s.vit = vit(rng, (104, 132), (98, 112), (38.3, 38.9), (96, 99));
    }
    s.hpi2 = rng.say(&["No vaginal discharge. Sexually active, monogamous.", "No vaginal symptoms. Last UTI over a year ago."]);
    s.ros_pos = "+ dysuria.".into();
    s.ros_negs = vec!["vomiting", "vaginal discharge", "abdominal pain", "rash"];
    s.exam = vec![if pyelo { "Abd: soft; right CVA tenderness.".into() } else { "Abd: mild suprapubic tenderness, no CVA tenderness.".into() }];
    let hcg = age < 52;
    s.results = vec![format!("UA: LE {}, nitrite +, WBC >50/hpf, RBC {}/hpf.", rng.pick(&["2+", "3+"]), if hematuria { rng.range(25, 80) } else { rng.range(0, 3) }), "Urine culture sent (pending).".into()];
    if hcg {
        s.results.push("Urine hCG: negative.".into());
    }
    if pyelo {
        s.results.push(format!("CBC: WBC {}. BMP: Cr {}.", f1(rng.decimal(12.0, 16.5)), f1(rng.decimal(0.7, 1.1))));
        s.course = vec!["Ceftriaxone 1 g IV, 1 L NS, acetaminophen; tolerating PO afterward.".into()];
        s.em_lines = vec!["Acute pyelonephritis with fever, nontoxic after treatment.".into(), if hcg { "UA, culture, hCG, CBC, BMP ordered and reviewed.".into() } else { "UA, culture, CBC, BMP ordered and reviewed.".into() }, "IV ceftriaxone given; Rx cephalexin 500 mg QID x 10 days.".into()];
        s.em = Some(em(3, "an acute illness with systemic symptoms", 3, "three or more unique tests ordered and reviewed", 3, "prescription drug management"));
        s.dx = vec![dx("N10", "Acute pyelonephritis", "", "Acute pyelonephritis: N10. The organism awaits the culture, so no B96 code is added.", vec![guideline("OCG IV.G")])];
    } else {
        s.em_lines = vec![if hematuria { "Acute cystitis with hematuria, uncomplicated.".into() } else { "Acute cystitis without hematuria, uncomplicated.".into() }, if hcg { "UA, urine culture and hCG ordered and reviewed.".into() } else { "UA and urine culture ordered; UA reviewed.".into() }, "Rx nitrofurantoin 100 mg BID x 5 days.".into()];
        s.em = Some(if hcg { em(2, "an acute uncomplicated illness", 3, "three unique tests ordered (UA, culture, hCG): Category 1 with three items", 3, "prescription drug management (nitrofurantoin)") } else { em(2, "an acute uncomplicated illness", 2, "two unique tests ordered (UA, culture): Category 1 with two items", 3, "prescription drug management (nitrofurantoin)") });
        s.dx = vec![if hematuria { dx("N30.01", "Acute cystitis with hematuria", "", "Acute cystitis with hematuria: N30.01 (the 5th character carries the hematuria).", vec![guideline("OCG IV.G")]) } else { dx("N30.00", "Acute cystitis without hematuria", "", "Acute cystitis, no hematuria: N30.00; the more specific site code is used rather than N39.0.", vec![guideline("OCG IV.G"), guideline("OCG I.B.1")]) }];
    }
    s.nc = vec![nc("organism not yet identified", Some("B96.20"), "Culture pending at discharge.", "No organism is documented; a B96 code needs the physician's statement of the organism.", vec![guideline("OCG IV.C")])];
    s.dispo = "Home; we will call with culture results.".into();
    write_case(rng, id, s)
}

/// Syncope: vasovagal, and syncope with dehydration.
fn syncope(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(22, 84) as u8;
    let mut s = Spec::new(rng, "ED visit: passed out".to_string(), age, sx);
    s.cc = rng.say(&["Syncope", "Passed out", "fainting episode"]);
    s.prof = ProfileSpec::TYPICAL;
    s.excl = vec![Other::AfibParoxysmal, Other::AfibPermanent];
    s.hpi = if v == 0 { rng.vary("fainted while standing in a long line at church; felt warm, nauseated and tunnel vision first; out < 30 s; no injury.") } else { rng.vary("passed out at home this morning; had 2 days of vomiting and diarrhea that stopped yesterday, but has eaten and drunk little since; lightheaded on standing.") };
    s.pain = (0, 2);
    if v == 1 {
        s.exam_skip = vec!["heent"];
    }
    s.hpi2 = rng.say(&["No chest pain, palpitations or exertional component. No seizure activity.", "Witness saw no jerking; back to baseline immediately."]);
    s.ros_pos = if v == 0 { "+ prodromal nausea.".into() } else { "+ dizziness, + dry mouth.".into() };
    s.ros_negs = vec!["chest pain", "palpitations", "headache", "focal weakness", "incontinence", "tongue biting"];
    s.exam = vec!["Neuro: nonfocal. No injuries.".into(), if v == 1 { "Orthostatics positive: HR rise 28 on standing; dry mucous membranes.".into() } else { "Orthostatic vitals negative.".into() }];
    s.results = vec![ekg(rng), format!("BMP: Na {}, K {}, BUN {}, Cr {}. CBC normal. POC glucose {}. Troponin negative.", rng.range(133, 141), f1(rng.decimal(3.4, 4.6)), if v == 1 { rng.range(28, 38) } else { rng.range(10, 18) }, f1(rng.decimal(0.8, 1.3)), rng.range(88, 130))];
    if v == 1 {
        s.course = vec!["NS 2 L IV bolus, reassessed after each liter; repeat orthostatics normal; tolerating PO.".into()];
    }
    s.em_lines = vec![
        if v == 0 { "Syncope, likely vasovagal by history; cardiac causes considered.".into() } else { "Syncope due to dehydration from poor oral intake after a GI illness that has resolved; cardiac causes considered.".into() },
        "Ordered and reviewed BMP, CBC, troponin, glucose; I independently interpreted the ECG.".into(),
        if v == 1 { "IV fluid therapy ordered and titrated to orthostatic response (parenteral prescription drug management); oral rehydration plan at discharge.".into() } else { "Counseled on prodrome, hydration; no medications.".into() },
    ];
    s.em = Some(if v == 0 { em(3, "an undiagnosed new problem with uncertain prognosis", 4, "Category 1 tests plus independent ECG interpretation", 2, "no prescription drug management; low risk") } else { em(3, "an acute illness with systemic symptoms", 4, "Category 1 tests plus independent ECG interpretation", 3, "prescription drug management") });
    s.dx = if v == 0 {
        vec![dx("R55", "Syncope, likely vasovagal", "", "Vasovagal syncope is indexed to R55 (syncope and collapse); \"likely\" does not matter here because both readings lead to R55.", vec![guideline("OCG IV.D")])]
    } else {
        vec![dx("E86.0", "Dehydration", " from poor oral intake; preceding GI illness resolved", "The cause of the faint was established and treated: dehydration (E86.0), corrected with IV fluids, is first-listed as the condition chiefly responsible for the services; symptom codes stand alone only when no diagnosis is established.", vec![guideline("OCG IV.G"), guideline("OCG IV.D")]), dx("R55", "Syncope due to dehydration", "", "Syncope is not routinely part of dehydration, so it is coded in addition (R55).", vec![guideline("OCG I.B.6"), guideline("OCG IV.D")])]
    };
    s.nc = vec![nc("cardiac arrhythmia, considered", Some("I49.9"), "No arrhythmia on monitor or ECG.", "A condition considered and not found is not coded.", vec![guideline("OCG IV.H")])];
    if v == 1 {
        s.nc.push(nc("gastroenteritis (resolved)", Some("A08.4"), "Vomiting and diarrhea resolved yesterday; no ongoing GI illness.", "The GI illness is over; only its consequence, the dehydration, was treated at this visit.", vec![guideline("OCG IV.J")]));
    }
    s.dispo = "Home; PCP in 1 week; return for recurrence with exertion or chest pain.".into();
    write_case(rng, id, s)
}

/// Migraine treated with a parenteral cocktail.
fn migraine(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = if rng.chance(0.75) { Sex::Female } else { Sex::Male };
    let age = rng.range(19, 52) as u8;
    let mut s = Spec::new(rng, "ED visit: headache".to_string(), age, sx);
    s.cc = "Headache".into();
    s.pain = (6, 9);
    let intractable = v == 1;
    s.hpi = if intractable { "with migraines since her teens reports 3 days of her typical unilateral throbbing headache with photophobia and nausea, unrelieved by sumatriptan x2 and naproxen; no aura.".into() } else { "with a hx of migraine describes a typical migraine for 8 hours: throbbing, photophobia, nausea; took ibuprofen without relief.".into() };
    if sx == Sex::Male {
        s.hpi = s.hpi.replace("her ", "his ");
    }
    s.hpi2 = rng.say(&["Not the worst headache of life; gradual onset; no fever, neck stiffness, focal symptoms.", "Same as prior migraines; no thunderclap onset, no trauma."]);
    s.ros_pos = "+ headache, + photophobia, + nausea.".into();
    s.ros_negs = vec!["fever", "neck stiffness", "weakness", "numbness", "vision loss", "trauma"];
    s.prof = ProfileSpec::NONE;
    s.pmh_extra = Some(("Migraine without aura".replace(" without aura", if intractable { " without aura" } else { "" }), if intractable { vec!["sumatriptan 50 mg PO PRN migraine".into(), "naproxen 500 mg PO PRN".into()] } else { vec!["ibuprofen 400 mg PO PRN headache (OTC)".into()] }));
    s.exam = vec!["Neuro: nonfocal, normal gait; fundi sharp. Neck supple, no meningismus.".into()];
    s.course = vec!["Metoclopramide 10 mg IV, diphenhydramine 25 mg IV, ketorolac 15 mg IV, NS 1 L. Headache 1/10 at reassessment.".into()];
    s.em_lines = vec![
        if intractable { "Migraine without aura, intractable (failed home triptan and NSAID for 3 days), no red flags.".into() } else { "Typical migraine exacerbation, no red flags; imaging not indicated.".into() },
        "IV metoclopramide, diphenhydramine and ketorolac given; Rx for rescue antiemetic.".into(),
    ];
    s.em = Some(em(3, "a chronic illness with exacerbation", 1, "no tests", 3, "prescription drug management (parenteral and discharge prescriptions)"));
    s.dx = vec![if intractable { dx("G43.019", "Migraine without aura, intractable, without status migrainosus", "", "Migraine without aura documented as intractable (pharmacoresistant), no status migrainosus: G43.019.", vec![guideline("OCG IV.G"), convention("Index: Migraine, intractable = pharmacoresistant, refractory, poorly controlled")]) } else { dx("G43.909", "Migraine", ", not intractable, without status migrainosus", "Migraine without type documented, not called intractable, no status: G43.909.", vec![guideline("OCG IV.G")]) }];
    s.nc = vec![nc("nausea and photophobia", Some("R11.0"), "Nausea and photophobia with the migraine.", "Symptoms integral to migraine are not coded.", vec![guideline("OCG I.B.5")])];
    s.dispo = "Home with driver; neurology follow-up for prophylaxis discussion.".into();
    write_case(rng, id, s)
}

/// Adverse effects of drugs properly taken: the manifestation first, then the T code with 5th/6th character 5.
fn adverse(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = if v == 0 { rng.range(24, 82) } else { rng.range(46, 82) } as u8;
    let mut s = Spec::new(rng, "ED visit: reaction to a medication".to_string(), age, sx);
    s.diff = Difficulty::Intermediate;
    s.prof = ProfileSpec::NONE;
    let ae_rule = guideline("OCG I.C.19.e.5.a");
    match v {
        0 => {
            s.cc = "Hives".into();
            s.hpi = rng.vary("started amoxicillin 500 mg TID {3|4} days ago for sinusitis as prescribed; sinus symptoms have cleared, and today developed itchy raised welts on the trunk and arms. No lip or tongue swelling, no wheeze.");
            s.exam = vec!["Skin: diffuse blanching urticarial wheals trunk/extremities; no angioedema. Lungs clear.".into()];
            s.course = vec!["Diphenhydramine 50 mg PO, famotidine 20 mg PO, prednisone 40 mg PO; hives fading after 2 h observation.".into()];
            s.em_lines = vec!["Allergic urticaria from amoxicillin taken as prescribed; no anaphylaxis.".into(), "Amoxicillin stopped (sinusitis already resolved, no further antibiotic needed); Rx prednisone x 4 days and cetirizine; allergy added to chart.".into()];
            s.em = Some(em(2, "an acute uncomplicated illness", 1, "no tests", 3, "prescription drug management (stop amoxicillin, prednisone)"));
            s.dx = vec![
                dx("L50.0", "Allergic urticaria", " due to amoxicillin", "The nature of the adverse effect comes first: allergic urticaria, L50.0.", vec![ae_rule.clone(), tabular("T36-T50 Code first, for adverse effects, the nature of the adverse effect")]),
                dx("T36.0X5A", "Adverse reaction to amoxicillin, taken as prescribed", "", "Amoxicillin is a penicillin taken correctly as prescribed: adverse effect of penicillins, T36.0X5A, after the manifestation.", vec![ae_rule.clone()]),
            ];
            s.nc = vec![
                nc("poisoning by penicillin", Some("T36.0X1A"), "Drug was taken exactly as prescribed.", "A correct drug properly taken is an adverse effect, not a poisoning.", vec![ae_rule.clone()]),
                nc("sinusitis (resolved)", Some("J01.90"), "Sinusitis symptoms resolved on the antibiotic.", "The sinusitis has resolved and is not treated at this visit; only the drug reaction is coded.", vec![guideline("OCG IV.J")]),
            ];
        }
        1 => {
            s.cc = "Lip swelling".into();
            s.pmh = Some(("Hypertension.".into(), vec!["lisinopril 20 mg PO daily".into()]));
            s.hpi = rng.vary("on lisinopril 20 mg daily for hypertension for {2|4} years, taken as prescribed, woke with swelling of the lower lip and tongue. No rash, no stridor, no new foods.");
            s.vit = vit(rng, (142, 168), (78, 98), (36.6, 37.1), (97, 100));
            s.exam = vec!["Oropharynx: lower lip and anterior tongue edema; uvula midline, no stridor; voice normal; no urticaria.".into()];
            s.course = vec!["Methylprednisolone 125 mg IV, diphenhydramine 50 mg IV, famotidine IV; observed 5 h with improvement; airway never compromised.".into()];
            s.em_lines = vec!["ACE-inhibitor angioedema, airway threat assessed and monitored; improved.".into(), "Lisinopril discontinued permanently; amlodipine 5 mg started for BP (Rx).".into(), "Hypertension addressed: BP elevated off ACE inhibitor; new agent prescribed.".into()];
            s.em = Some(em(4, "an acute illness posing a threat to bodily function (airway)", 1, "no tests", 3, "prescription drug management"));
            s.dx = vec![
                dx("T78.3XXA", "Angioedema of lip and tongue", " due to lisinopril", "Angioedema (angioneurotic edema) is the nature of the adverse effect and is sequenced first: T78.3XXA.", vec![ae_rule.clone(), tabular("T36-T50 Code first, for adverse effects, the nature of the adverse effect")]),
                dx("T46.4X5A", "Adverse effect of ACE inhibitor (lisinopril) taken correctly", "", "Lisinopril is an angiotensin-converting-enzyme inhibitor taken as prescribed: T46.4X5A.", vec![ae_rule.clone()]),
                dx("I10", "Essential hypertension", ", medication changed", "Hypertension managed this visit (drug changed): I10.", vec![guideline("OCG IV.J")]),
            ];
            s.nc = vec![nc("urticaria", Some("L50.0"), "No urticaria.", "Urticaria is absent, and T78.3 Excludes1 urticaria (L50.-).", vec![tabular("T78.3 Excludes1 urticaria (L50.-)")])];
        }
        _ => {
            s.cc = "Dizzy, low BP".into();
            s.pain = (0, 1);
            s.pmh = Some(("Hypertension.".into(), vec!["lisinopril 40 mg PO daily (increased from 10 mg this week)".into()]));
            s.hpi = rng.vary("had lisinopril increased from 10 to 40 mg daily by PCP {5|7} days ago, taking it as directed; now lightheaded on standing, BP at home 88/50.");
            s.vit = vit(rng, (84, 96), (84, 102), (36.5, 37.0), (96, 99));
            s.exam = vec!["Orthostatic drop in SBP of 22 mmHg with standing. Neuro nonfocal.".into()];
            s.results = vec![format!("BMP: Na {}, K {}, Cr {} (baseline 0.9). CBC normal.", rng.range(134, 140), f1(rng.decimal(4.2, 5.0)), f1(rng.decimal(0.9, 1.2)))];
            s.course = vec!["NS 1 L IV; repeat BP 118/72, asymptomatic.".into()];
            s.em_lines = vec!["Symptomatic hypotension due to recent lisinopril dose increase, taken as prescribed.".into(), "BMP and CBC ordered and reviewed.".into(), "Lisinopril reduced back to 10 mg daily (prescription change); PCP to recheck in 3 days.".into()];
            s.em = Some(em(3, "an acute illness with systemic symptoms", 2, "two unique tests ordered and reviewed (limited)", 3, "prescription drug management (dose reduction)"));
            s.dx = vec![
                dx("I95.2", "Hypotension due to drugs", " (lisinopril)", "Hypotension due to a drug properly taken has its own code, I95.2, sequenced first as the manifestation.", vec![ae_rule.clone(), tabular("I95.2 Use additional code for adverse effect, if applicable, to identify drug (T36-T50 with fifth or sixth character 5)")]),
                dx("T46.4X5A", "Adverse effect of lisinopril (ACE inhibitor)", "", "ACE-inhibitor taken as prescribed: adverse effect T46.4X5A.", vec![ae_rule.clone()]),
                dx("I10", "Hypertension", ", regimen adjusted", "Hypertension managed (dose changed): I10.", vec![guideline("OCG IV.J")]),
            ];
            s.nc = vec![nc("overdose of lisinopril", Some("T46.4X1A"), "Dose was increased by the prescriber and taken as directed.", "No error or overdose: an adverse effect, not a poisoning.", vec![ae_rule.clone()])];
        }
    }
    s.hpi2 = rng.say(&["No prior reactions.", "No similar episodes before."]);
    s.ros_pos = String::new();
    s.ros_negs = vec!["fever", "chest pain", "shortness of breath", "vomiting", "syncope"];
    s.dispo = "Home; PCP follow-up within 3 days.".into();
    write_case(rng, id, s)
}

/// Poisoning: wrong dose taken in error or an accidental ingestion; the T code first, then the manifestations.
fn poisoning(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let child = v == 2;
    let age = if child { rng.range(2, 4) as u8 } else { rng.range(58, 86) as u8 };
    let mut s = Spec::new(rng, "ED visit: medication problem".to_string(), age, sx);
    s.diff = Difficulty::Advanced;
    s.prof = ProfileSpec::NONE;
    let p_rule = guideline("OCG I.C.19.e.5.b");
    let no_ext = "The T code carries the intent (accidental); no separate external cause code is needed.";
    match v {
        0 => {
            s.cc = "Slow heart rate".into();
            s.esi = 2;
            s.pain = (0, 0);
            s.exam_skip = vec!["cv"];
            s.pmh = Some(("Hypertension.".into(), vec!["metoprolol tartrate 100 mg PO BID".into()]));
            s.hpi = "mistakenly took the morning dose of metoprolol tartrate 100 mg twice (a second dose from a new bottle, by error) and is now weak and lightheaded.".into();
            s.vit = Vit { sys: rng.range(84, 94), dia: rng.range(48, 56), hr: rng.range(42, 48), rr: 16, t: 36.6, spo2: 97 };
            s.exam = vec!["Bradycardic, regular; no edema; alert.".into()];
            s.results = vec!["ECG: sinus bradycardia 44, PR normal, no block (my interpretation; formal read by cardiology).".into(), "BMP normal; POC glucose normal.".into()];
            s.course = vec!["Atropine not required; NS bolus; cardiac monitoring; HR 56 and BP 104/62 at 6 h.".into()];
            s.em_lines = vec!["Accidental double dose of metoprolol with symptomatic bradycardia and hypotension.".into(), "ECG independently interpreted; BMP, glucose reviewed; poison control consulted.".into(), "Monitored 6 h; next dose held; pill organizer arranged.".into()];
            s.em = Some(em(4, "an acute illness posing a threat to life (beta-blocker toxicity)", 4, "tests plus independent ECG interpretation and discussion with poison control", 3, "prescription drug management (dose held)"));
            s.dx = vec![
                dx("T44.7X1A", "Accidental overdose of metoprolol (double dose taken in error)", "", format!("Wrong dose taken in error is a poisoning: T44.7X1A (beta-adrenoreceptor antagonist, accidental), sequenced first. {no_ext}"), vec![p_rule.clone(), guideline("OCG I.C.20.a.8")]),
                dx("R00.1", "Symptomatic bradycardia", "", "Manifestation of the poisoning, coded after the T code.", vec![p_rule.clone(), tabular("T36-T50 Use additional code(s) to specify manifestations of poisoning")]),
                dx("I95.9", "Hypotension", "", "Second manifestation of the poisoning: hypotension, unspecified.", vec![p_rule.clone()]),
                dx("I10", "Hypertension", ", evening metoprolol dose held", "The hypertension the metoprolol treats was managed at this visit (next dose held): I10.", vec![guideline("OCG IV.J")]),
            ];
            s.nc = vec![nc("adverse effect of metoprolol", Some("T44.7X5A"), "Not taken as prescribed - double dose.", "An error in dosage by the patient makes it a poisoning, not an adverse effect.", vec![p_rule.clone()])];
        }
        1 => {
            s.cc = "Low blood sugar".into();
            s.esi = 2;
            s.pain = (0, 0);
            s.pmh = Some(("Type 2 diabetes mellitus.".into(), vec!["insulin glargine 30 units subcut nightly".into()]));
            s.hpi = "with type 2 diabetes on insulin glargine 30 units nightly accidentally injected the dose twice last night (forgot the first injection) and was found diaphoretic and confused this morning; EMS glucose 41.".into();
            s.exam = vec!["Now alert and oriented after D50 by EMS; diaphoretic.".into()];
            s.results = vec![format!("POC glucose q1h: 41 (EMS) -> 142 -> 96 -> 118. BMP: K {}, Cr {}.", f1(rng.decimal(3.6, 4.4)), f1(rng.decimal(0.8, 1.2)))];
            s.course = vec!["D10 infusion, meals; glucose stable over 8 h of monitoring.".into()];
            s.em_lines = vec!["Insulin overdose taken in error with hypoglycemia requiring IV dextrose.".into(), "Serial glucoses and BMP reviewed; daughter provided history (independent historian).".into(), "Decision: observation vs discharge discussed; extended ED monitoring; glargine dose tonight reduced by 20%.".into()];
            s.em = Some(em(4, "an acute illness posing a threat to life (severe hypoglycemia)", 3, "serial glucose and BMP (two unique tests) plus an independent historian: three Category 1 items", 4, "decision regarding hospitalization (observation considered; extended ED monitoring chosen instead)"));
            s.dx = vec![
                dx("T38.3X1A", "Insulin overdose, accidental (dose repeated in error)", "", format!("Insulin taken twice in error is a poisoning: T38.3X1A first. {no_ext}"), vec![p_rule.clone(), guideline("OCG I.C.20.a.8")]),
                dx("E11.649", "Type 2 diabetes with hypoglycemia without coma", "", "The manifestation: type 2 diabetes with hypoglycemia, no coma documented (E11.649).", vec![p_rule.clone(), guideline("OCG I.C.4.a")]),
                dx("Z79.4", "Long-term insulin use", "", "Long-term (current) use of insulin for the type 2 diabetes.", vec![guideline("OCG I.C.4.a.3")]),
            ];
            s.nc = vec![nc("adverse effect of insulin", Some("T38.3X5A"), "Extra dose given by error.", "A dosing error is a poisoning; T38.3X5A is for insulin properly administered.", vec![p_rule.clone()])];
        }
        _ => {
            s.cc = "Swallowed grandparent's pills".into();
            s.esi = 2;
            s.pain = (0, 0);
            s.exam_skip = vec!["gen", "cv"];
            s.hpi = "brought by mother after being found with grandmother's clonidine 0.1 mg tablets; up to 2 tablets missing; child now sleepy.".into();
            s.vit = Vit { sys: rng.range(78, 86), dia: 44, hr: rng.range(66, 74), rr: 18, t: 36.7, spo2: 98 };
            s.exam = vec!["Somnolent but arousable to voice; pupils 2 mm; HR 70 (low for age).".into()];
            s.results = vec!["POC glucose 94. ECG: sinus bradycardia for age, no block.".into()];
            s.course = vec!["Poison control contacted; continuous monitoring; naloxone not given.".into()];
            s.em_lines = vec!["Accidental clonidine ingestion by a toddler with somnolence and bradycardia.".into(), "Discussed with poison control; history from mother.".into(), "Admitted to pediatric observation for monitoring.".into()];
            s.em = Some(em(4, "an acute illness posing a threat to life", 3, "discussion with poison control plus independent historian", 4, "decision regarding hospitalization"));
            s.dx = vec![
                dx("T46.5X1A", "Accidental clonidine ingestion (poisoning)", "", format!("Clonidine is an antihypertensive (T46.5, other antihypertensive drugs); an accidental ingestion is a poisoning, accidental, sequenced first. {no_ext}"), vec![p_rule.clone(), guideline("OCG I.C.20.a.8")]),
                dx("R40.0", "Somnolence", "", "Manifestation of the poisoning.", vec![p_rule.clone()]),
                dx("R00.1", "Bradycardia", "", "Second manifestation of the poisoning.", vec![p_rule.clone()]),
            ];
            s.nc = vec![nc("undetermined intent", Some("T46.5X4A"), "Exploratory ingestion, accidental per mother.", "The intent is documented as accidental; undetermined intent is only for records that say the intent cannot be determined.", vec![guideline("OCG I.C.19.e.5.b")])];
            s.dispo = "Admitted to pediatric observation.".into();
        }
    }
    s.hpi2 = "No other ingestions suspected.".into();
    s.ros_negs = vec!["vomiting", "seizure", "chest pain", "fever"];
    if s.dispo.is_empty() {
        s.dispo = "Home after monitoring with family; PCP in 2 days; medication reconciliation done.".into();
    }
    write_case(rng, id, s)
}

/// Cellulitis, one with an abscess drained.
fn cellulitis(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(22, 80) as u8;
    let right = rng.chance(0.5);
    let sd = if right { "right" } else { "left" };
    let leg = v != 1;
    let mut s = Spec::new(rng, format!("ED visit: red swollen {}", if leg { "leg" } else { "arm" }), age, sx);
    s.cc = format!("{} {} redness", cap(sd), if leg { "leg" } else { "arm" });
    s.prof = ProfileSpec::LIGHT;
    s.hpi = rng.vary(&format!("has {{2|3|4}} days of spreading redness, warmth and pain of the {sd} {}{}.", if leg { "lower leg" } else { "forearm" }, if v == 2 { " with a tender lump that began draining" } else { "" }));
    s.hpi2 = rng.say(&["No fever. No injury recalled.", "Subjective chills, no measured fever."]);
    s.ros_pos = "+ redness, + pain.".into();
    s.ros_negs = vec!["fever", "vomiting", "chest pain", "shortness of breath"];
    let red = if v == 2 { rng.range(10, 16) } else { rng.range(6, 14) };
    s.exam = vec![format!("{} {}: {red} cm area of erythema, warmth and tenderness, margins marked; {}", cap(sd), if leg { "lower leg" } else { "forearm" }, if v == 2 { "central 2 cm fluctuant abscess." } else { "no fluctuance or crepitus." })];
    let code_c = match (leg, right) {
        (true, true) => "L03.115",
        (true, false) => "L03.116",
        (false, true) => "L03.113",
        (false, false) => "L03.114",
    };
    s.em_lines = vec![format!("Cellulitis of the {sd} {} without systemic toxicity.", if leg { "leg" } else { "arm" }), "Rx cephalexin 500 mg QID x 7 days (plus TMP-SMX for MRSA coverage).".into()];
    s.em = Some(em(2, "an acute uncomplicated illness", 1, "no tests", 3, "prescription drug management"));
    s.dx = vec![dx(code_c, format!("Cellulitis of {sd} {}", if leg { "lower leg" } else { "forearm" }), "", format!("Cellulitis by limb and side: {code_c}."), vec![guideline("OCG IV.G")])];
    if v == 2 {
        let abs = if right { "L02.415" } else { "L02.416" };
        s.dx.insert(0, dx(abs, format!("Abscess of {sd} lower leg"), ", drained", format!("The abscess drained is first-listed ({abs}); the surrounding cellulitis is coded as well."), vec![guideline("OCG IV.G")]));
        s.proc = Proc::Other { lines: vec!["Consent. Local 1% lidocaine field block.".into()], marked: "Incision and drainage of abscess, simple: single 1.5 cm incision, purulence expressed, cavity irrigated; no loculations, no packing needed.".into(), code: "10060", mods: vec![], why: "Simple (single) abscess incision and drainage: 10060.".into(), rules: vec![convention("CPT 10060 simple or single incision and drainage of abscess")] };
        s.em_lines.push("Surrounding cellulitis requires systemic antibiotics beyond the drainage.".into());
        s.mod25 = Some("the spreading cellulitis around the abscess is a separate diagnosis that needed its own evaluation and a course of systemic antibiotics, beyond deciding on and performing the drainage.".into());
    }
    s.nc = vec![nc(if leg { "leg pain and swelling" } else { "arm pain and swelling" }, None, format!("{} pain and swelling are from the cellulitis.", if leg { "Leg" } else { "Forearm" }), "Signs integral to cellulitis are not coded.", vec![guideline("OCG I.B.5")])];
    s.dispo = "Home; wound/cellulitis recheck in 48 h.".into();
    write_case(rng, id, s)
}

/// Critical care: STEMI, septic shock, DKA, anaphylaxis.
fn critical(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(34, 80) as u8;
    let mut s = Spec::new(rng, "ED visit: critically ill patient".to_string(), age, sx);
    s.diff = Difficulty::Advanced;
    s.esi = 1;
    s.arrival = "EMS (ALS)";
    let mins = [rng.range(38, 60), rng.range(78, 96), rng.range(42, 70), rng.range(32, 48)][v % 4] as u16;
    s.critical = Some((mins, "Critical care time {m} minutes, exclusive of separately billable procedures and teaching, spent at bedside managing the life-threatening condition.".into()));
    s.em = None;
    s.allergy = Some(rng.say(&["NKDA", "No known drug allergies."]));
    s.exam_skip = vec!["gen"];
    s.pain = (0, 0);
    match v % 4 {
        0 => {
            s.cc = "Chest pain".into();
            s.pain = (7, 9);
            s.hpi = "with crushing substernal chest pain for 40 minutes with diaphoresis.".into();
            s.exam = vec!["Gen: diaphoretic, anxious, in moderate distress.".into()];
            s.vit = Vit { sys: rng.range(148, 168), dia: rng.range(88, 98), hr: rng.range(92, 108), rr: rng.range(18, 22), t: 36.8, spo2: rng.range(94, 97) };
            s.results = vec!["ECG: ST elevation V1-V4 with reciprocal inferior depression.".into(), "Troponin I 2.8 ng/mL.".into()];
            s.course = vec!["STEMI alert activated; aspirin 324 mg, heparin bolus and drip, nitroglycerin drip titrated; cath lab accepted; transported to cath lab.".into()];
            s.prof = ProfileSpec::LIGHT;
            s.excl = vec![Other::Cad, Other::AfibParoxysmal];
            s.dx = vec![dx("I21.09", "Acute anterior wall ST elevation myocardial infarction (STEMI)", "", "STEMI of the anterior wall without the artery named: I21.09.", vec![guideline("OCG I.C.9.e"), guideline("OCG IV.G")])];
            s.nc = vec![nc("chest pain", Some("R07.9"), "Chest pain from the STEMI.", "Symptom integral to the myocardial infarction.", vec![guideline("OCG I.B.5")])];
        }
        1 => {
            s.cc = "Fever, confusion".into();
            s.exam_skip = vec!["gen", "heent", "cv", "lungs"];
            s.exam = vec!["Gen: ill-appearing, lethargic, oriented to self only; skin mottled, cool extremities.".into(), "HEENT: dry mucous membranes.".into(), "CV: tachycardic, regular; weak peripheral pulses.".into(), "Lungs: tachypneic; crackles and bronchial breath sounds at the right base.".into()];
            s.hpi = "from home with 3 days of productive cough and fever, now confused and hypotensive.".into();
            s.vit = Vit { sys: 78, dia: 42, hr: 124, rr: 28, t: 39.2, spo2: 89 };
            s.results = vec!["Lactate 4.6. WBC 19.8. CXR: right lower lobe consolidation.".into(), "Blood cultures x2 drawn before antibiotics.".into()];
            s.course = vec!["30 mL/kg crystalloid, ceftriaxone + azithromycin, norepinephrine started via peripheral line after MAP < 65 despite fluids; ICU accepted.".into()];
            s.dx = vec![
                dx("A41.9", "Sepsis due to right lower lobe pneumonia", "", "Sepsis with an unknown organism is sequenced first: A41.9, followed by the localized infection.", vec![guideline("OCG I.C.1.d.4")]),
                dx("J18.9", "Right lower lobe pneumonia", ", organism unknown", "Localized infection, organism not identified: J18.9 (pneumonia located in a lobe is not \"lobar pneumonia\").", vec![guideline("OCG I.C.1.d.4")]),
                dx("R65.21", "Septic shock", " requiring vasopressors", "Severe sepsis with septic shock: R65.21, never first, after the infection codes.", vec![guideline("OCG I.C.1.d.1.b"), tabular("R65.2 Code first underlying infection")]),
            ];
            s.nc = vec![nc("hypotension", Some("I95.9"), "Hypotension is the septic shock.", "Integral to septic shock.", vec![guideline("OCG I.B.5")])];
        }
        2 => {
            s.cc = "Vomiting, high sugar".into();
            s.pmh = Some(("Type 1 diabetes mellitus since childhood.".into(), vec!["insulin glargine 18 units subcut nightly".into(), "insulin lispro per carbohydrate ratio with meals".into()]));
            s.exam_skip = vec!["gen", "heent", "cv", "lungs"];
            s.vit = Vit { sys: rng.range(98, 112), dia: rng.range(58, 68), hr: rng.range(114, 126), rr: rng.range(28, 32), t: 36.9, spo2: 99 };
            s.exam = vec!["Gen: ill-appearing, drowsy but arousable and oriented; fruity breath odor.".into(), "CV: tachycardic, regular. Lungs: clear; deep, rapid (Kussmaul) respirations.".into(), "Mouth: dry mucous membranes. Abd: diffusely tender, no guarding.".into()];
            s.hpi = "with type 1 diabetes, taking basal-bolus insulin as prescribed, has 2 days of vomiting, abdominal pain and now Kussmaul breathing; no precipitant identified.".into();
            s.results = vec!["Glucose 512, pH 7.08, bicarbonate 7, anion gap 28, beta-hydroxybutyrate 7.9, K 5.6.".into()];
            s.course = vec!["Insulin infusion per DKA protocol with hourly glucose and 2-hourly BMP; 3 L NS; potassium replacement once K < 5.2; ICU accepted.".into()];
            s.dx = vec![dx("E10.10", "Diabetic ketoacidosis, type 1 diabetes, without coma", "", "Type 1 diabetes with ketoacidosis without coma: E10.10. No Z79.4: E10 carries no instruction for long-term insulin use.", vec![guideline("OCG I.C.4.a")])];
            s.nc = vec![nc("vomiting and abdominal pain", Some("R11.2"), "Vomiting and abdominal pain from DKA.", "Symptoms integral to DKA are not coded.", vec![guideline("OCG I.B.5")])];
        }
        _ => {
            s.cc = "Allergic reaction, trouble breathing".into();
            s.pmh = Some(("Peanut allergy (prior hives).".into(), vec!["epinephrine auto-injector PRN (not used today)".into()]));
            s.exam_skip = vec!["gen", "cv", "lungs"];
            s.exam = vec!["Gen: anxious, flushed, diffuse urticaria; hoarse voice, no stridor.".into(), "CV: tachycardic, regular.".into(), "Lungs: diffuse expiratory wheezes, tachypneic.".into()];
            s.hpi = "ate a cookie containing peanuts 20 minutes ago; known peanut allergy; throat tightness, hives, wheeze, near-syncope.".into();
            s.vit = Vit { sys: 76, dia: 40, hr: 128, rr: 26, t: 36.8, spo2: 91 };
            s.course = vec!["Epinephrine 0.5 mg IM x2, epinephrine infusion briefly, 2 L NS, methylprednisolone, diphenhydramine, albuterol; BP 112/68 at 1 h; admitted to step-down.".into()];
            s.dx = vec![dx("T78.01XA", "Anaphylactic reaction due to peanuts", "", "Anaphylaxis from a food has its own codes by food: peanuts, T78.01XA.", vec![guideline("OCG IV.G"), guideline("OCG I.C.19.a")])];
            s.nc = vec![nc("urticaria, wheezing, hypotension", Some("L50.0"), "Hives, wheeze and hypotension are the anaphylaxis.", "Manifestations integral to anaphylaxis are not coded separately.", vec![guideline("OCG I.B.5")])];
        }
    }
    s.hpi2 = "History limited by acuity; obtained from EMS and family.".into();
    s.ros_pos = "ROS limited by acuity.".into();
    s.ros_negs = vec!["trauma"];
    s.dispo = [rng.say(&["To the cath lab, then CCU; critical.", "Taken emergently to the cath lab; critical condition."]), rng.say(&["Admitted to the ICU, critical.", "ICU admission, critical condition."]), rng.say(&["Admitted to the ICU on the DKA protocol, critical.", "ICU admission, critical condition."]), rng.say(&["Admitted to step-down for monitoring after anaphylaxis.", "Admitted, step-down unit."])][v % 4].clone();
    write_case(rng, id, s)
}

/// Left without being seen: the triage reason for visit and Z53.21 (facility claim only).
fn lwbs(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(19, 70) as u8;
    let (cc, code, words) = [("sore throat x 2 days", "R07.0", "Pain in throat"), ("headache since this morning", "R51.9", "Headache"), ("cough for a week", "R05.9", "Cough")][v % 3];
    let mut cw = new_case(id, "ED registration: patient left before being seen".to_string(), false, Difficulty::Foundation, age, sx);
    let mut d = cw.doc(DocumentKind::EdNote, "ED Triage Note", Some(1));
    let v_ = vit(rng, (114, 142), (68, 96), (36.6, 37.4), (97, 100));
    let vl = vit_line(rng, &v_);
    d.line(&format!("Triage RN note. {}", rng.say(&["Walk-in.", "Arrived ambulatory."])));
    d.line(&format!("{} {}", person(rng, age, sx), rng.say(&["reports", "c/o"])));
    let ev = d.mark_line(cc);
    d.line(&format!("ESI 4. {vl}."));
    d.line(&rng.say(&["Placed in waiting room.", "Pt to lobby to await provider."]));
    let t = rng.range(2, 5);
    let ev2 = d.mark_line(&format!("Called for room at +{t} h: not in waiting room; per registration pt left before being seen by a provider (LWBS)."));
    d.line("No provider evaluation performed. -- triage RN");
    cw.add_doc(d);
    cw.dx(code, None, vec![ev], why(format!("{words}: the reason for the visit, taken from the triage complaint since no provider diagnosis exists."), vec![guideline("OCG IV.D"), guideline("OCG IV.G")]));
    cw.dx("Z53.21", None, vec![ev2], why("Procedure and treatment not carried out because the patient left before being seen by a provider: Z53.21, after the reason for the visit.", vec![guideline("OCG I.C.21.c")]));
    cw.finish()
}

/// Back strain lifting at work.
fn back_strain(rng: &mut Rng, id: String) -> Case {
    let sx = sex(rng);
    let age = rng.range(24, 58) as u8;
    let mut s = Spec::new(rng, "ED visit: low back pain after lifting".to_string(), age, sx);
    s.cc = "Low back pain".into();
    let m = Mech { hpi: "", cause: ("X50.0XXA", "lifting a 60-lb box", "overexertion from strenuous movement or load: X50.0XXA"), place: Some(("Y92.69", "warehouse", "industrial area (warehouse)")), activity: None, status: ("Y99.0", "at work, for pay") };
    s.hpi = "felt a pull in the low back while".into();
    s.mech = Some((m, "lifting a 60-lb box off a pallet at the warehouse where pt works.".into()));
    s.hpi2 = "No radiation below the knee, no numbness, no bowel/bladder change, no saddle anesthesia.".into();
    s.ros_pos = "+ low back pain.".into();
    s.ros_negs = vec!["fever", "weight loss", "urinary retention", "leg weakness", "numbness"];
    s.prof = ProfileSpec::LIGHT;
    s.exam = vec!["Back: bilateral lumbar paraspinal tenderness and spasm, no midline tenderness; SLR negative; strength/sensation/reflexes normal.".into()];
    s.em_lines = vec!["Acute lumbar strain without red flags; imaging not indicated.".into(), "Rx cyclobenzaprine 5 mg TID PRN and naproxen 500 mg BID; work note: light duty 5 days.".into()];
    s.em = Some(em(2, "an acute uncomplicated injury", 1, "no tests", 3, "prescription drug management"));
    s.dx = vec![dx("S39.012A", "Lumbar strain (strain of low back muscles)", ", initial encounter", "Strain of muscle, fascia and tendon of the lower back: S39.012A, initial encounter.", rules_inj())];
    s.nc = vec![nc("low back pain", Some("M54.50"), "Pain from the strain.", "The pain is part of the strain (an injury code), not a separate M54.5- code.", vec![guideline("OCG I.B.5")])];
    s.dispo = "Home; occupational health follow-up in 1 week.".into();
    s.status_line = "Injury at work (employee); workers' compensation.".into();
    write_case(rng, id, s)
}

/// Epistaxis with anterior packing in an anticoagulated patient.
fn epistaxis(rng: &mut Rng, id: String) -> Case {
    let sx = sex(rng);
    let age = rng.range(62, 86) as u8;
    let mut s = Spec::new(rng, "ED visit: nosebleed".to_string(), age, sx);
    s.cc = "Nosebleed".into();
    s.vit = vit(rng, (150, 176), (72, 96), (36.5, 37.1), (96, 99));
    s.hpi = "has had a right-sided nosebleed for 90 minutes not stopping with pressure; takes apixaban for atrial fibrillation.".into();
    s.pmh = Some(("Atrial fibrillation.".into(), vec!["apixaban 5 mg PO BID".into(), "diltiazem ER 180 mg PO daily".into()]));
    s.pain = (0, 2);
    s.hpi2 = "No trauma. No prior episodes. No lightheadedness.".into();
    s.ros_negs = vec!["chest pain", "melena", "hematuria", "syncope"];
    s.exam = vec!["CV: irregularly irregular, rate 70s-80s.".into(), "Nose: active oozing from right anterior septum (Kiesselbach area); no posterior bleeding seen.".into()];
    s.exam_skip = vec!["cv"];
    s.results = vec![format!("CBC: Hgb {} (baseline 13). BMP normal. PT/INR {} and PTT {} s.", f1(rng.decimal(11.8, 12.9)), f1(rng.decimal(1.0, 1.3)), rng.range(28, 36))];
    s.em_lines = vec!["Anterior epistaxis in a patient on apixaban; bleeding and anticoagulation risks weighed.".into(), "CBC, BMP and coagulation studies (PT/INR, PTT) ordered and reviewed.".into(), "Apixaban held x 1 dose after discussion (prescription management); oxymetazoline and packing.".into(), "Atrial fibrillation: rate controlled on monitor, anticoagulation plan addressed with patient.".into()];
    s.em = Some(em(2, "an acute uncomplicated illness (anterior epistaxis) and a stable chronic illness (atrial fibrillation)", 3, "three unique tests ordered and reviewed (CBC, BMP, coagulation studies)", 3, "prescription drug management (anticoagulant held)"));
    s.mod25 = Some("the anticoagulation decision (apixaban held and a restart plan), the atrial fibrillation assessment and the blood count and coagulation workup are management beyond the packing.".into());
    s.proc = Proc::Other { lines: vec!["Oxymetazoline pledgets x 10 min then:".into()], marked: "Anterior nasal packing (Rhino Rocket 5.5 cm) placed in right naris for control of anterior epistaxis, simple; hemostasis achieved.".into(), code: "30901", mods: vec![], why: "Control of anterior nasal hemorrhage, simple (packing): 30901.".into(), rules: vec![convention("CPT 30901 control nasal hemorrhage, anterior, simple")] };
    s.dx = vec![
        dx("R04.0", "Anterior epistaxis", ", controlled with packing", "Epistaxis: R04.0, first-listed as the reason for the visit.", vec![guideline("OCG IV.G")]),
        dx("I48.91", "Atrial fibrillation", " on apixaban", "Atrial fibrillation, type not documented: I48.91; addressed (anticoagulant held).", vec![guideline("OCG IV.J")]),
        dx("Z79.01", "Long-term anticoagulant (apixaban)", "", "Long-term (current) use of anticoagulants.", vec![guideline("OCG I.C.21.c.3")]),
    ];
    s.nc = vec![nc("adverse effect of anticoagulant", Some("T45.515A"), "Source: bleeding from a dry, excoriated anterior septal vessel.", "No cause-and-effect statement links the epistaxis to the drug; an adverse-effect code needs it.", vec![guideline("OCG I.C.19.e.5.a")])];
    s.dispo = "Home; ENT in 48 h for packing removal; resume apixaban tomorrow if no bleeding.".into();
    write_case(rng, id, s)
}

/// ED diagnosis coding only: injuries with several external cause codes.
fn injury_dx(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(30, 80) as u8;
    let mut s = Spec::new(rng, "ED diagnoses: injury coding".to_string(), age, sx);
    s.em_track = false;
    s.diff = Difficulty::Intermediate;
    s.cc = [rng.say(&["Fall from ladder", "Fell off ladder, R side pain"]), rng.say(&["Pedestrian struck by car", "Hit by car, knee pain"]), rng.say(&["Assault, facial injury", "Punched in face"])][v % 3].clone();
    s.prof = ProfileSpec::LIGHT;
    match v {
        0 => {
            let m = Mech { hpi: "", cause: ("W11.XXXA", "fell about 6 feet from a ladder", "fall from a ladder: W11.XXXA"), place: Some(("Y92.007", "yard", "yard of a private residence (type not stated)")), activity: Some(("Y93.H9", "cleaning the gutters", "exterior property maintenance")), status: ("Y99.8", "home activity") };
            s.hpi = "states pt".into();
            s.mech = Some((m, "fell about 6 feet from a ladder in the yard while cleaning the gutters, landing on the right side.".into()));
            s.results = vec!["CXR/rib series: nondisplaced fracture of right 7th rib, no PTX.".into(), "XR right wrist: no fracture.".into()];
            s.exam = vec!["Chest: point tenderness right lateral 7th rib. R wrist: swelling and tenderness, no bony deformity.".into()];
            s.dx = vec![
                dx("S22.31XA", "Closed fracture of one rib, right (7th)", ", nondisplaced", "One rib fracture, right side, closed, initial encounter: S22.31XA; sequenced first as the most serious injury.", vec![guideline("OCG I.C.19.b"), guideline("OCG I.C.19.c.1")]),
                dx("S60.211A", "Contusion of right wrist", "", "Contusion of the right wrist: a separate site, coded as well.", vec![guideline("OCG I.C.19.b")]),
            ];
        }
        1 => {
            let m = Mech { hpi: "", cause: ("V03.10XA", "was struck by a car while crossing", "pedestrian on foot injured in a collision with a car in a traffic accident: V03.10XA"), place: Some(("Y92.414", "residential street", "local residential street")), activity: Some(("Y93.01", "walking", "walking")), status: ("Y99.8", "personal activity") };
            s.hpi = "reports pt".into();
            s.mech = Some((m, "was struck by a car while crossing a residential street on foot, walking home, at low speed; thrown onto the hood.".into()));
            s.results = vec!["XR right knee: no fracture. XR left hand: no fracture.".into()];
            s.exam = vec!["R knee: ecchymosis and tenderness, stable ligaments. L hand: superficial abrasions of the palm.".into()];
            s.dx = vec![
                dx("S80.01XA", "Contusion of right knee", "", "Contusion of the right knee: S80.01XA, the principal injury treated.", vec![guideline("OCG I.C.19.b")]),
                dx("S60.512A", "Abrasion of left hand", "", "Abrasion of the left hand: a superficial injury at a different site from the knee, so it is coded.", vec![guideline("OCG I.C.19.b")]),
            ];
        }
        _ => {
            let m = Mech { hpi: "", cause: ("Y04.0XXA", "was punched in the face", "assault by unarmed brawl or fight: Y04.0XXA"), place: Some(("Y92.512", "store", "store")), activity: None, status: ("Y99.0", "at work, for pay (store clerk)") };
            s.hpi = "works as a clerk and".into();
            s.mech = Some((m, "was punched in the face by a customer during an argument at the store while working.".into()));
            s.results = vec!["CT maxillofacial: nondisplaced nasal bone fracture; no other facial fracture.".into()];
            s.exam = vec!["Nasal swelling and tenderness, no septal hematoma; swollen, tender upper lip contusion without laceration.".into()];
            s.dx = vec![
                dx("S02.2XXA", "Closed nasal bone fracture", ", nondisplaced", "Fracture of nasal bones, closed, initial encounter: S02.2XXA.", vec![guideline("OCG I.C.19.c.1")]),
                dx("S00.531A", "Contusion of upper lip", "", "Contusion of the lip: S00.531A, a separate injury from the nasal fracture.", vec![guideline("OCG I.C.19.b")]),
            ];
        }
    }
    s.hpi2 = "No LOC. No neck pain.".into();
    s.ros_negs = vec!["headache", "neck pain", "abdominal pain", "numbness"];
    s.em = None;
    s.dispo = "Home with follow-up.".into();
    s.status_line = if v == 2 { "Assaulted while on the job.".into() } else { "Not work related.".into() };
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
    for v in 0..3 {
        out.push(concussion(rng, next(), v));
    }
    for v in 0..3 {
        out.push(burn(rng, next(), v));
    }
    for v in 0..2 {
        out.push(foreign_body(rng, next(), v));
    }
    for v in 0..5 {
        out.push(chest_pain(rng, next(), v));
    }
    for v in 0..5 {
        out.push(abdomen(rng, next(), v));
    }
    for v in 0..2 {
        out.push(stone(rng, next(), v));
    }
    for v in 0..3 {
        out.push(asthma(rng, next(), v));
    }
    for v in 0..3 {
        out.push(uti(rng, next(), v));
    }
    for v in 0..2 {
        out.push(syncope(rng, next(), v));
    }
    for v in 0..2 {
        out.push(migraine(rng, next(), v));
    }
    for v in 0..3 {
        out.push(adverse(rng, next(), v));
    }
    for v in 0..3 {
        out.push(poisoning(rng, next(), v));
    }
    for v in 0..3 {
        out.push(cellulitis(rng, next(), v));
    }
    for v in 0..4 {
        out.push(critical(rng, next(), v));
    }
    out.push(epistaxis(rng, next()));
    out.push(back_strain(rng, next()));
    for v in 0..3 {
        out.push(injury_dx(rng, next(), v));
    }
    for v in 0..3 {
        out.push(lwbs(rng, next(), v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_cases_share_more_than_80_percent_of_their_text() {
        let root = Rng::new(crate::generate::SEED);
        let mut a = root.derive("ed");
        let ed = cases(&mut a);
        let mut b = root.derive("outpatient");
        let op = crate::generate::outpatient::cases(&mut b);
        let mut all = ed;
        all.extend(op);
        let o = crate::overlap::measure(&all);
        assert!(o.pair_max < 0.8, "the closest pair shares more than 80% of its text: {:?}", o.top.first());
    }
}
