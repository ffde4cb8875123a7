//! Inpatient admissions, medical and surgical, for the IP and inpatient-DRG tracks: principal diagnosis
//! selection (OCG II), sepsis sequencing, hypertensive heart disease, uncertain diagnoses at discharge, POA
//! indicators including hospital-acquired conditions, ICD-10-PCS for the procedures a hospital coder reports,
//! and compliant queries where the record cannot be coded as written.
//!
//! Notes are written with inline marks: `[[key:words]]` appends the words and records them as evidence under
//! `key`; a key `p:ckd` records the words as the name of the profile problem `ckd`.

use super::kb::{self, Diabetes, DmTreatment, Other, Profile, Written};
use super::rng::Rng;
use super::writer::{convention, guideline, tabular, why, CaseWriter, Doc};
use super::{case_id, person, stay};
use crate::model::*;
use std::collections::BTreeMap;

const Y: Poa = Poa::Yes;
const N: Poa = Poa::No;

/// Codes on the CMS POA-exempt list that this family uses (place of occurrence, activity and status external causes;
/// long-term drug use, BMI, personal history, dependence and implant status; noncompliance and underdosing).
/// Conservative: only categories exempt as a whole; everything else keeps its Y or N.
fn poa_exempt(code: &str) -> bool {
    ["Y92", "Y93", "Y99", "Z79", "Z68", "Z85", "Z86", "Z87", "Z99", "Z95", "Z53", "Z91.1"].iter().any(|p| code.starts_with(p))
}

type Marks = BTreeMap<String, Vec<Evidence>>;

/// Appends text with `[[key:words]]` marks, recording each marked span as evidence under its key.
fn put(d: &mut Doc, ev: &mut Marks, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find("[[") {
        d.add(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").expect("unclosed mark");
        let (k, w) = split_mark(&after[..j]);
        let e = d.mark(w);
        ev.entry(k).or_default().push(e);
        rest = &after[j + 2..];
    }
    d.add(rest);
}

/// A mark's key and words: `key:words`, or `p:key:words` for a profile problem's name.
fn split_mark(inner: &str) -> (String, &str) {
    let (k, w) = inner.split_once(':').expect("mark without key");
    if k == "p" {
        let (k2, w2) = w.split_once(':').expect("profile mark without key");
        (format!("p:{k2}"), w2)
    } else {
        (k.to_string(), w)
    }
}

/// One admission being written.
struct Adm {
    cw: CaseWriter,
    ev: Marks,
    wr: Written,
    pf: Profile,
    who: String,
    los: u16,
    status: u8,
    late: Vec<GoldDiagnosis>,
}

fn r(text: &str, rules: Vec<Rule>) -> Rationale {
    why(text, rules)
}

impl Adm {
    #[allow(clippy::too_many_arguments)]
    fn new(rng: &mut Rng, n: usize, title: &str, surgical: bool, diff: Difficulty, age: u8, sex: Sex, los: u16, status: u8, pf: Profile) -> Adm {
        let tracks: Vec<Track> = if surgical { vec![Track::Ip, Track::InpatientDrg, Track::Surgery] } else { vec![Track::Ip, Track::InpatientDrg] };
        let who = person(rng, age, sex);
        Adm { cw: CaseWriter::new(case_id("IP", n), title, &tracks, diff, stay(age, sex, los, status)), ev: Marks::new(), wr: Written::default(), pf, who, los, status, late: Vec::new() }
    }
    fn e(&self, keys: &[&str]) -> Vec<Evidence> {
        keys.iter().flat_map(|k| self.ev.get(*k).cloned().unwrap_or_default()).collect()
    }
    fn dx(&mut self, code: &str, poa: Poa, keys: &[&str], text: &str, rules: Vec<Rule>) {
        let ev = self.e(keys);
        self.cw.dx(code, Some(poa), ev, r(text, rules));
    }
    /// A diagnosis sequenced after the profile's chronic conditions (external causes, status codes).
    fn dx_late(&mut self, code: &str, poa: Poa, keys: &[&str], text: &str, rules: Vec<Rule>) {
        let ev = self.e(keys);
        self.late.push(GoldDiagnosis { code: code.into(), poa: Some(poa), evidence: ev, rationale: r(text, rules) });
    }
    fn pcs(&mut self, code: &str, keys: &[&str], text: &str, rules: Vec<Rule>) {
        let ev = self.e(keys);
        self.cw.pcs(code, ev, r(text, rules));
    }
    fn nc(&mut self, about: &str, code: Option<&str>, keys: &[&str], text: &str, rules: Vec<Rule>) {
        let ev = self.e(keys);
        self.cw.not_coded(about, code, ev, r(text, rules));
    }
    fn query(&mut self, about: &str, text: &str, keys: &[&str], rationale: &str) {
        let ev = self.e(keys);
        self.cw.query(about, text, ev, r(rationale, vec![convention("AHIMA/ACDIS Guidelines for Achieving a Compliant Query Practice"), guideline("OCG III.B")]));
    }
    fn finish(mut self) -> Case {
        for (k, v) in &self.ev {
            if let Some(key) = k.strip_prefix("p:") {
                if let Some(p) = self.pf.problems().iter().find(|p| p.key == key) {
                    for e in v {
                        self.wr.name(p.key, e.clone());
                    }
                }
            }
        }
        self.pf.code(&mut self.cw, &self.wr, Some(Y));
        for d in self.late {
            if !self.cw.has_dx(&d.code) {
                self.cw.gold.diagnoses.push(d);
            }
        }
        for d in &mut self.cw.gold.diagnoses {
            if poa_exempt(&d.code) {
                d.poa = Some(Poa::Exempt);
            }
        }
        self.cw.finish()
    }
}

/// A progress note's parts (marked text).
#[derive(Default, Clone)]
struct Prog {
    day: u16,
    s: String,
    o: String,
    ap: String,
}

/// The scenario's words; the renderer lays them out as an H&P, progress notes, other documents and a discharge
/// summary, with the patient's chronic conditions written from the profile.
#[derive(Default)]
struct Sc {
    service: &'static str,
    cc: String,
    hpi: String,
    pmh_extra: String,
    social: String,
    ros: String,
    vitals: String,
    exam: Vec<(&'static str, String)>,
    labs: String,
    imaging: String,
    ap: Vec<String>,
    skip_chronic: Vec<&'static str>,
    progress: Vec<Prog>,
    /// Other documents: kind, title, day, marked text.
    docs: Vec<(DocumentKind, String, u16, String)>,
    admit_dx: String,
    ds_dx: Vec<String>,
    course: Vec<(String, String)>,
    procs: Vec<String>,
    consults: Vec<String>,
    results: String,
    new_meds: Vec<String>,
    /// Home medications the scenario adds to the profile's (e.g. a diuretic for known heart failure).
    home_meds: Vec<String>,
    stop_meds: Vec<String>,
    follow: Vec<String>,
    condition: String,
    /// Discharge diet when the scenario decides it.
    diet: &'static str,
    /// Low blood pressure on arrival: home antihypertensives are held, not continued.
    hold_bp_meds: bool,
}

struct TempC(f64);
impl From<f64> for TempC {
    fn from(x: f64) -> TempC {
        TempC(x)
    }
}
impl From<D> for TempC {
    fn from(x: D) -> TempC {
        TempC(x.0)
    }
}

/// A one-decimal number that prints as one ("7.4", never "7.3999999").
#[derive(Clone, Copy)]
struct D(f64);

impl std::fmt::Display for D {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1}", self.0)
    }
}

fn dec(rng: &mut Rng, lo: f64, hi: f64) -> D {
    D(rng.decimal(lo, hi))
}

fn vit(t: impl Into<TempC>, hr: i64, sbp: i64, dbp: i64, rr: i64, spo2: i64, o2: &str) -> String {
    let t = t.into().0;
    let (tl, hl) = if hr % 2 == 0 { ("T", "HR") } else { ("Temp", "P") };
    format!("{tl} {t:.1} C, {hl} {hr}, BP {sbp}/{dbp}, RR {rr}, SpO2 {spo2}% {o2}")
}

const ROS_POOL: [(&str, &str); 14] = [
    ("fever", "fevers, chills"),
    ("cp", "chest pain"),
    ("palp", "palpitations"),
    ("sob", "shortness of breath"),
    ("cough", "cough"),
    ("gi", "nausea, vomiting"),
    ("abd", "abdominal pain"),
    ("bowel", "diarrhea, melena, hematochezia"),
    ("gu", "dysuria, hematuria"),
    ("neuro", "focal weakness, numbness"),
    ("ha", "headache"),
    ("skin", "rash"),
    ("syn", "syncope"),
    ("edema", "leg swelling"),
];

/// A review of systems: the scenario's positives, then negatives drawn from systems the scenario does not touch.
fn ros(rng: &mut Rng, pos: &str, avoid: &[&str]) -> String {
    let pool: Vec<&(&str, &str)> = ROS_POOL.iter().filter(|(k, _)| !avoid.contains(k)).collect();
    let k = rng.range(4, 6) as usize;
    let neg: Vec<&str> = rng.sample(&pool, k).into_iter().map(|(_, w)| *w).collect();
    let tail = rng.say(&["All other systems reviewed and negative.", "Remainder of 12-point ROS negative.", "Otherwise negative."]);
    let lead = rng.say(&["Denies", "Negative for", "No"]);
    format!("{pos} {lead} {}. {tail}", neg.join(", "))
}

fn default_exam(rng: &mut Rng, sys: &str, alz: bool) -> String {
    match sys {
        "General" => {
            if alz {
                rng.say(&["Elderly, pleasant, oriented to self, no acute distress", "Alert, pleasantly confused, NAD"])
            } else {
                rng.say(&["Alert, oriented x3, {no acute distress|NAD}", "{Awake|Alert} and conversant, NAD", "A&O x3, comfortable at rest"])
            }
        }
        "HEENT" => rng.say(&["NC/AT, {MMM|mucous membranes moist}, anicteric", "PERRL, EOMI, oropharynx clear"]),
        "Neck" => rng.say(&["Supple, no JVD", "Supple, no lymphadenopathy, JVP not elevated"]),
        "CV" => rng.say(&["RRR, no murmurs, rubs or gallops", "Regular rate and rhythm, no m/r/g", "RRR, S1 S2 normal"]),
        "Lungs" => rng.say(&["CTAB, no wheezes or crackles", "Clear to auscultation bilaterally", "Lungs clear, normal effort"]),
        "Abdomen" => rng.say(&["Soft, nontender, nondistended, +BS", "Soft, NT/ND, normoactive bowel sounds"]),
        "Extremities" => rng.say(&["No edema, no calf tenderness", "No clubbing, cyanosis or edema", "Warm, well perfused, no edema"]),
        "Neuro" => rng.say(&["No focal deficits", "CN II-XII grossly intact, moves all extremities", "Nonfocal exam"]),
        "Skin" => rng.say(&["Warm, dry, intact", "No rashes or lesions", "Warm and dry, no breakdown noted"]),
        _ => rng.say(&["Appropriate mood and affect", "Calm, cooperative"]),
    }
}

const SYSTEMS: [&str; 10] = ["General", "HEENT", "Neck", "CV", "Lungs", "Abdomen", "Extremities", "Neuro", "Skin", "Psych"];

/// The discharge disposition; "with family" only when the social history does not have the patient living alone.
fn disposition_words(rng: &mut Rng, status: u8, alone: bool) -> String {
    match status {
        1 if alone => rng.say(&["Home{| (lives alone)}, self-care", "Discharged home", "Home"]),
        1 => rng.say(&["Home{| with family}, self-care", "Discharged home", "Home"]),
        6 => rng.say(&["Home with home health services (skilled nursing{| and PT})", "Home with home health (RN, PT)"]),
        3 => rng.say(&["Skilled nursing facility for short-term rehabilitation", "SNF for rehab"]),
        7 => "Left against medical advice".into(),
        _ => "Expired".into(),
    }
}

fn sign(rng: &mut Rng, service: &str) -> String {
    let role = match service {
        "Orthopaedic Surgery" => rng.say(&["Attending orthopaedic surgeon", "Orthopaedic surgery attending"]),
        "General Surgery" => rng.say(&["Attending general surgeon", "General surgery attending"]),
        "Cardiology" => rng.say(&["Attending cardiologist", "Cardiology attending"]),
        "Neurology" => rng.say(&["Attending neurologist (stroke service)", "Stroke neurology attending"]),
        "GI" => rng.say(&["Attending gastroenterologist", "Gastroenterology attending"]),
        _ => rng.say(&["Attending hospitalist", "Hospital medicine attending", "Admitting hospitalist"]),
    };
    rng.vary(&format!("{{Electronically signed|Signed|E-signed}}: {role}"))
}

/// The first word of a medication line, lower case ("Furosemide 40 mg" -> "furosemide").
/// The drug a medication line names: its first word, or the first two for "insulin glargine", "insulin lispro" (a
/// basal dose change must not take the prandial insulin off the list).
fn drug(m: &str) -> String {
    let plain = strip_marks(m);
    let mut w = plain.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_ascii_lowercase());
    let first = w.next().unwrap_or_default();
    match (first.as_str(), w.next()) {
        ("insulin", Some(second)) => format!("insulin {second}"),
        _ => first,
    }
}

/// "BP 150/88" of a vitals line.
fn bp_of(vitals: &str) -> Option<String> {
    let i = vitals.find("BP ")?;
    let rest = &vitals[i + 3..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '/')).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

/// A chronic condition's plan as an admission note words it; a blood pressure in it is the admission one.
fn chronic_plan(plan: &str, bp: Option<&str>) -> String {
    let mut plan = plan.to_string();
    if let (Some(bp), Some(i)) = (bp, plan.find("BP ")) {
        let rest = &plan[i + 3..];
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '/')).unwrap_or(rest.len());
        if end > 0 {
            plan = format!("{}BP {bp}{}", &plan[..i], &rest[end..]);
        }
    }
    plan.replace(" today;", " on arrival;").replace("In sinus rhythm today", "Rate controlled today").replace(" in clinic", " on admission").replace("since last visit", "prior to admission").replace("Counseled on cessation for 5 minutes", "Counseled on cessation at bedside")
}

fn render(a: &mut Adm, rng: &mut Rng, s: &Sc) {
    let service = if s.service.is_empty() { "Hospital Medicine" } else { s.service };
    let alz = a.pf.others.contains(&Other::Alzheimers);
    // ---------- H&P ----------
    // A "hospitalist" title only on the hospital-medicine service; the notes are signed by the admitting service.
    let title = if service == "Hospital Medicine" { rng.say(&["History and Physical", "Admission History and Physical", "Hospitalist Admission H&P", "H&P"]) } else { rng.say(&["History and Physical", "Admission History and Physical", "H&P"]) };
    let mut d = a.cw.doc(DocumentKind::HistoryAndPhysical, &title, Some(1));
    d.line(&title.to_uppercase());
    d.line(&rng.vary(&format!("{{Service|Admitting service}}: {service}. Hospital day 1.")));
    d.heading(&rng.say(&["CHIEF COMPLAINT:", "CC:", "Chief complaint:"]));
    put(&mut d, &mut a.ev, &s.cc);
    d.heading(&rng.say(&["HISTORY OF PRESENT ILLNESS:", "HPI:"]));
    put(&mut d, &mut a.ev, &s.hpi);
    d.heading(&rng.say(&["PAST MEDICAL HISTORY:", "PMH:", "Past medical history:"]));
    if a.pf.is_empty() && s.pmh_extra.is_empty() {
        d.add(&rng.say(&["None significant.", "No chronic medical problems.", "Otherwise healthy."]));
    } else {
        let ps = a.pf.problems().to_vec();
        for (i, p) in ps.iter().enumerate() {
            let e = d.mark(&p.short);
            a.wr.name(p.key, e);
            d.add(if i + 1 < ps.len() { ", " } else { "" });
        }
        if !s.pmh_extra.is_empty() {
            if !a.pf.is_empty() {
                d.add(", ");
            }
            put(&mut d, &mut a.ev, &s.pmh_extra);
        }
    }
    d.heading(&rng.say(&["PAST SURGICAL HISTORY:", "PSH:"]));
    let psh = if a.cw.encounter.sex == Sex::Female {
        rng.say(&["Tonsillectomy as a child.", "None.", "Cataract extraction{| OU}.", "Hernia repair remotely.", "C-section remotely; no other surgeries.", "Denies prior surgery."])
    } else {
        rng.say(&["Tonsillectomy as a child.", "None.", "Cataract extraction{| OU}.", "Hernia repair remotely.", "Denies prior surgery."])
    };
    d.line(&psh);
    let meds_first = rng.chance(0.5);
    let allergies = rng.say(&["NKDA", "No known drug allergies", "NKDA."]);
    if !meds_first {
        d.heading("ALLERGIES:");
        d.line(&allergies);
    }
    d.heading(&rng.say(&["HOME MEDICATIONS:", "MEDICATIONS PRIOR TO ADMISSION:", "Outpatient medications:"]));
    if kb::meds(&a.pf).is_empty() && s.home_meds.is_empty() {
        d.line(&rng.say(&["None.", "No regular medications.", "Takes no prescription medications."]));
    } else {
        kb::write_meds(&mut d, &a.pf, &mut a.wr, "- ");
        for m in &s.home_meds {
            d.add("- ");
            put(&mut d, &mut a.ev, m);
            d.add("\n");
        }
    }
    if meds_first {
        d.heading("ALLERGIES:");
        d.line(&allergies);
    }
    d.heading(&rng.say(&["SOCIAL HISTORY:", "SOCIAL HX:"]));
    let mut alone = s.social.contains("Lives alone") || s.social.contains("lives alone");
    if !s.social.is_empty() {
        put(&mut d, &mut a.ev, &s.social);
        d.add("\n");
    } else {
        let tob = if a.pf.others.contains(&Other::Smoker) || a.pf.others.contains(&Other::FormerSmoker) { "Tobacco as above." } else { "Never smoker." };
        let lives = rng.say(&["Lives with spouse.", "Lives alone{| in a single-story home}.", "Lives with daughter.", "Lives with partner, independent in ADLs."]);
        alone = lives.starts_with("Lives alone");
        let alc = rng.say(&["Rare alcohol.", "Drinks a glass of wine occasionally.", "No alcohol."]);
        d.line(&format!("{lives} {tob} {alc} No illicit drug use."));
    }
    d.heading(&rng.say(&["FAMILY HISTORY:", "FHx:"]));
    d.line(&rng.say(&["Noncontributory.", "Reviewed, noncontributory to this admission."]));
    d.heading(&rng.say(&["REVIEW OF SYSTEMS:", "ROS:"]));
    put(&mut d, &mut a.ev, &s.ros);
    d.heading(&rng.say(&["PHYSICAL EXAM:", "PHYSICAL EXAMINATION:", "EXAM:"]));
    d.line(&format!("Vitals: {}", s.vitals));
    for sys in SYSTEMS {
        if let Some((_, t)) = s.exam.iter().find(|(k, _)| *k == sys) {
            d.add(&format!("{sys}: "));
            put(&mut d, &mut a.ev, t);
            d.add("\n");
        } else if rng.chance(0.85) {
            let t = default_exam(rng, sys, alz);
            d.line(&format!("{sys}: {t}"));
        }
    }
    d.heading(&rng.say(&["LABS:", "LABORATORY DATA:", "Pertinent labs:"]));
    put(&mut d, &mut a.ev, &s.labs);
    if !s.imaging.is_empty() {
        d.heading(&rng.say(&["IMAGING:", "Imaging/Studies:", "DIAGNOSTICS:"]));
        put(&mut d, &mut a.ev, &s.imaging);
    }
    d.heading(&rng.say(&["ASSESSMENT AND PLAN:", "ASSESSMENT/PLAN:", "A/P:"]));
    let mut n = 1;
    for item in &s.ap {
        d.add(&format!("{n}. "));
        put(&mut d, &mut a.ev, item);
        d.add("\n");
        n += 1;
    }
    for p in a.pf.problems().to_vec() {
        if p.history_only || s.skip_chronic.contains(&p.key) {
            continue;
        }
        d.add(&format!("{n}. "));
        let e = d.mark(&label_of(&p, &a.pf));
        a.wr.name(p.key, e);
        let sep = *rng.pick(&[": ", " - ", ". "]);
        d.add(sep);
        let plan = if s.hold_bp_meds && p.key == "htn" {
            rng.vary(&format!("BP {} on arrival; {{home antihypertensive held|hold home antihypertensive}} until hemodynamically stable.", bp_of(&s.vitals).unwrap_or_default()))
        } else {
            chronic_plan(&p.plan, bp_of(&s.vitals).as_deref())
        };
        let e = d.mark(&plan);
        a.wr.plan(p.key, e);
        d.add("\n");
        n += 1;
    }
    let vte = match s.service {
        "GI" => "SCDs only (active bleeding)".to_string(),
        "Cardiology" => "on therapeutic heparin infusion, no separate prophylaxis".to_string(),
        "Neurology" => "SCDs; no pharmacologic prophylaxis for the first 24 h".to_string(),
        "Orthopaedic Surgery" => "SCDs now; pharmacologic prophylaxis after surgery per orthopaedic protocol".to_string(),
        _ => rng.say(&["enoxaparin 40 mg subcut daily", "heparin 5000 units subcut q8h", "SCDs{| and early ambulation}"]),
    };
    d.line(&rng.vary(&format!("{{VTE prophylaxis|DVT ppx}}: {vte}. Code status: Full code. {{Dispo|Disposition}}: pending clinical course.")));
    d.gap();
    d.line(&sign(rng, service));
    a.cw.add_doc(d);

    // ---------- progress notes and other documents, by day ----------
    enum Item<'x> {
        P(&'x Prog),
        D(&'x (DocumentKind, String, u16, String)),
    }
    let mut items: Vec<(u16, usize, Item)> = Vec::new();
    for (i, p) in s.progress.iter().enumerate() {
        items.push((p.day, i * 2 + 1, Item::P(p)));
    }
    for (i, x) in s.docs.iter().enumerate() {
        items.push((x.2, i * 2, Item::D(x)));
    }
    items.sort_by_key(|(day, ord, _)| (*day, *ord));
    for (_, _, it) in items {
        match it {
            Item::P(p) => {
                let t = if service == "Hospital Medicine" { rng.say(&["Progress Note", "Hospitalist Progress Note", "Daily Progress Note"]) } else { rng.say(&["Progress Note", "Daily Progress Note"]) };
                let mut d = a.cw.doc(DocumentKind::ProgressNote, &t, Some(p.day));
                d.line(&rng.vary(&format!("{} — hospital day {}", t.to_uppercase(), p.day)));
                d.heading(&rng.say(&["S:", "Subjective:", "Interval history:"]));
                put(&mut d, &mut a.ev, &p.s);
                d.heading(&rng.say(&["O:", "Objective:"]));
                put(&mut d, &mut a.ev, &p.o);
                d.heading(&rng.say(&["A/P:", "Assessment and plan:", "Assessment/Plan:"]));
                put(&mut d, &mut a.ev, &p.ap);
                d.add("\n");
                if s.hold_bp_meds && a.pf.problems().iter().any(|p| p.key == "htn") {
                    d.line(&rng.say(&["Chronic conditions: home antihypertensive still held until hemodynamically stable; other home medications continued.", "Hypertension: home antihypertensive remains on hold; other chronic issues stable on home regimen."]));
                } else {
                    d.line(&rng.say(&["Chronic conditions: home regimen continued as above.", "Other chronic issues stable; continue current management.", "Remaining problems unchanged; see H&P."]));
                }
                d.gap();
                d.line(&sign(rng, service));
                a.cw.add_doc(d);
            }
            Item::D((kind, title, day, text)) => {
                let mut d = a.cw.doc(*kind, title, Some(*day));
                d.line(&title.to_uppercase());
                put(&mut d, &mut a.ev, text);
                a.cw.add_doc(d);
            }
        }
    }

    // ---------- discharge summary ----------
    let expired = a.status == 20;
    let day = a.los + 1;
    let t = if expired { rng.say(&["Death Summary", "Discharge Summary (Expired)"]) } else { rng.say(&["Discharge Summary", "Hospital Discharge Summary"]) };
    let mut d = a.cw.doc(DocumentKind::DischargeSummary, &t, Some(day));
    d.line(&t.to_uppercase());
    d.line(&format!("Admitted: hospital day 1. {}: hospital day {day}. Length of stay: {} day(s). Service: {service}.", if expired { "Date of death" } else { "Discharged" }, a.los).replace("Date of death", "Expired"));
    d.heading(&rng.say(&["ADMISSION DIAGNOSIS:", "Admitting diagnosis:", "REASON FOR ADMISSION:"]));
    put(&mut d, &mut a.ev, &s.admit_dx);
    d.heading(&rng.say(&["DISCHARGE DIAGNOSES:", "FINAL DIAGNOSES:", "Diagnoses at discharge:"]));
    for (i, x) in s.ds_dx.iter().enumerate() {
        if i == 0 {
            d.add(&rng.say(&["Principal: ", "1. (Principal) ", "Principal diagnosis: "]));
        } else {
            d.add(&format!("{}. ", i + 1));
        }
        put(&mut d, &mut a.ev, x);
        d.add("\n");
    }
    let chronic: Vec<kb::Problem> = a.pf.problems().iter().filter(|p| !p.history_only && !s.skip_chronic.contains(&p.key)).cloned().collect();
    if !chronic.is_empty() {
        d.add(&rng.say(&["Chronic conditions: ", "Comorbidities: ", "Other active problems: "]));
        for (i, p) in chronic.iter().enumerate() {
            let e = d.mark(&p.short);
            a.wr.name(p.key, e);
            d.add(if i + 1 < chronic.len() { "; " } else { ".\n" });
        }
    }
    d.heading(&rng.say(&["PROCEDURES:", "Procedures performed:", "PROCEDURES THIS ADMISSION:"]));
    if s.procs.is_empty() {
        d.line(&rng.say(&["None.", "No procedures.", "None performed."]));
    } else {
        for p in &s.procs {
            d.add("- ");
            put(&mut d, &mut a.ev, p);
            d.add("\n");
        }
    }
    d.heading(&rng.say(&["CONSULTATIONS:", "Consults:"]));
    d.line(&if s.consults.is_empty() { "None.".to_string() } else { s.consults.join("; ") + "." });
    d.heading(&rng.say(&["HOSPITAL COURSE:", "HOSPITAL COURSE BY PROBLEM:", "Brief hospital course:"]));
    let intro = rng.vary(&format!("{} {{was admitted|presented}} with {}.", capitalize(&a.who), s.cc.trim_end_matches('.').to_lowercase()));
    d.line(&intro);
    d.line(&format!("{} {}", rng.say(&["Briefly:", "Presentation:", "HPI in brief:"]), strip_marks(&s.hpi)));
    for (h, t) in &s.course {
        d.gap();
        d.add(&format!("{h}: "));
        put(&mut d, &mut a.ev, t);
        d.add("\n");
    }
    if expired {
        d.gap();
        d.line(&rng.say(&[
            "Final events: the family was present and updated at each change in condition. The patient was pronounced by the covering physician; no pulse or respirations, pupils fixed. The family was notified and declined autopsy. The medical examiner was not required. Organ procurement organization notified per hospital policy.",
            "Final events: progressive decline despite therapy. Death pronounced by the in-house physician after the absence of heart sounds and respirations was confirmed. The family was at the bedside, declined autopsy, and was offered chaplain support. The organ procurement organization was notified as required.",
        ]));
    }
    if !s.progress.is_empty() {
        d.gap();
        d.line(&rng.say(&["Day-by-day:", "Timeline:", "Course by day:"]));
        for p in &s.progress {
            d.line(&format!("- Hospital day {}: {} {}", p.day, strip_marks(&p.s), strip_marks(&p.ap)));
        }
    }
    if !chronic.is_empty() {
        d.gap();
        d.add(&rng.say(&["Chronic conditions: ", "Chronic medical problems: "]));
        let names: Vec<String> = chronic.iter().map(|p| p.short.clone()).collect();
        let held = s.hold_bp_meds && chronic.iter().any(|p| p.key == "htn");
        let how = if held && expired {
            "were otherwise at baseline; the home antihypertensive was held throughout given the low blood pressure.".to_string()
        } else if held {
            rng.say(&["were otherwise stable; the home antihypertensive, held on admission, was resumed before discharge once blood pressure recovered.", "remained at baseline; the antihypertensive held on arrival was restarted at the home dose when hemodynamically stable, and other home medications were continued."])
        } else {
            rng.say(&["were stable during the stay; home regimen continued except as noted.", "remained at baseline; home medications resumed as listed below.", "were managed on the home regimen without change."])
        };
        d.add(&format!("{} {how}", names.join(", ")));
        d.add("\n");
    }
    d.gap();
    let dispo_plan = match a.status {
        1 if s.service == "General Surgery" => rng.say(&["Ambulating independently and tolerating a diet; no home services needed.", "Independent at baseline and after surgery; home without services."]),
        1 => rng.say(&["PT evaluated and cleared the patient for home without services.", "Ambulating independently; no PT needs identified."]),
        6 => rng.say(&["PT/OT recommended home with home health PT and nursing; arranged by case management.", "Case management arranged home health nursing and PT."]),
        3 => rng.say(&["PT/OT recommended short-term skilled rehabilitation; accepted at a skilled nursing facility.", "Not safe for home per PT; SNF placement arranged by case management."]),
        7 => rng.say(&["The patient requested to leave before the treatment course was complete. Risks including worsening illness and death were explained; the patient had capacity, verbalized understanding, and signed the against-medical-advice form.", "Despite counseling on the risks of leaving early, the patient chose to leave against medical advice; capacity was intact and the AMA form was signed."]),
        _ => rng.say(&["The family was updated throughout and was at the bedside.", "Family meetings were held on each hospital day."]),
    };
    d.line(&format!("{} {}", rng.say(&["Disposition planning:", "Dispo:", "Care coordination:"]), dispo_plan));
    if a.status != 20 {
        let vte_ds = match s.service {
            "GI" => "SCDs used for VTE prophylaxis while bleeding was a concern.".to_string(),
            "Cardiology" => "Anticoagulated with heparin until catheterization; ambulating afterwards.".to_string(),
            "Orthopaedic Surgery" => "Pharmacologic VTE prophylaxis after surgery, continued as listed in the discharge medications.".to_string(),
            _ if vte.starts_with("enoxaparin") => "Enoxaparin for VTE prophylaxis during the stay.".to_string(),
            _ if vte.starts_with("heparin") => "VTE prophylaxis with subcutaneous heparin was given during the stay.".to_string(),
            _ => "SCDs and early ambulation for VTE prophylaxis.".to_string(),
        };
        let edu = rng.say(&["Medication changes were reviewed with the patient using teach-back.", "Discharge teaching completed with the patient and family; questions answered.", "Medication reconciliation was completed and reviewed with the patient."]);
        let pt = rng.say(&[
            "The patient was seen and examined on the day of discharge, was comfortable, and agreed with the plan.",
            "On the day of discharge the patient was examined, questions were answered, and the plan was reviewed with the patient and family.",
            "Seen on the morning of discharge; no new complaints overnight and in agreement with discharge.",
        ]);
        // A patient who lives alone is taught alone; no family at the discharge talk.
        let (edu, pt) = if alone { (edu.replace(" and family", ""), pt.replace(" and family", "")) } else { (edu, pt) };
        if a.status == 7 {
            d.line(&format!("{vte_ds} {edu}"));
        } else {
            d.line(&format!("{vte_ds} {edu} {pt}"));
        }
    }
    d.heading(&rng.say(&["PERTINENT RESULTS:", "KEY RESULTS:", "Pertinent data:"]));
    d.line(&format!("Admission labs: {}", strip_marks(&s.labs)));
    if !s.imaging.is_empty() {
        d.line(&strip_marks(&s.imaging));
    }
    if !s.results.is_empty() {
        put(&mut d, &mut a.ev, &s.results);
    }
    if !expired {
        d.heading(&rng.say(&["DISCHARGE EXAM:", "Exam on day of discharge:"]));
        let (hr, sb, db) = (rng.range(64, 88), rng.range(112, 138), rng.range(62, 82));
        d.line(&format!("Vitals: {}", vit(36.7, hr, sb, db, 16, rng.range(94, 99), "on room air")));
        for sys in ["General", "CV", "Lungs", "Abdomen", "Extremities"] {
            if rng.chance(0.75) {
                let t = default_exam(rng, sys, alz);
                d.line(&format!("{sys}: {t}"));
            }
        }
    }
    d.heading(&rng.say(&["CONDITION AT DISCHARGE:", "Condition:"]));
    put(&mut d, &mut a.ev, if expired { "Expired." } else { &s.condition });
    d.heading(&rng.say(&["DISPOSITION:", "Discharge disposition:"]));
    d.line(&disposition_words(rng, a.status, alone));
    if !expired {
        d.heading(&rng.say(&["DISCHARGE MEDICATIONS:", "Discharge medication list:", "MEDICATIONS AT DISCHARGE:"]));
        if a.status == 7 {
            d.line("Prescriptions provided before the patient left:");
        }
        // A discharge drug already on the home list is a dose change, not a new drug, and the home line is not
        // continued beside it.
        let home: Vec<String> = kb::meds(&a.pf).iter().map(|(_, _, m)| m.to_string()).chain(s.home_meds.iter().cloned()).collect();
        let home_drugs: Vec<String> = home.iter().map(|m| drug(m)).collect();
        // The same drug at the same dose is simply continued.
        let same = |m: &str| home.iter().any(|h| strip_marks(h) == strip_marks(m));
        let changed: Vec<&String> = s.new_meds.iter().filter(|m| home_drugs.contains(&drug(m)) && !same(m)).collect();
        let fresh: Vec<&String> = s.new_meds.iter().filter(|m| !home_drugs.contains(&drug(m))).collect();
        let stopped: Vec<String> = s.stop_meds.iter().map(|m| drug(m)).collect();
        let gone = |m: &str| changed.iter().any(|c| drug(c) == drug(m)) || stopped.contains(&drug(m));
        if !fresh.is_empty() {
            d.line("NEW:");
            for m in &fresh {
                d.add("- ");
                put(&mut d, &mut a.ev, m);
                d.add("\n");
            }
        }
        if !changed.is_empty() {
            d.line(&rng.say(&["CHANGED:", "DOSE CHANGED:"]));
            for m in &changed {
                let was = home.iter().find(|h| drug(h) == drug(m)).map(|h| strip_marks(h)).unwrap_or_default();
                d.add("- ");
                put(&mut d, &mut a.ev, m);
                d.add(&format!(" (was {was})\n"));
            }
        }
        if home.iter().any(|m| !gone(m)) {
            d.line(&rng.say(&["CONTINUE:", "Continue home medications:", "UNCHANGED:"]));
            for (key, i, m) in kb::meds(&a.pf) {
                if gone(m) {
                    continue;
                }
                d.add("- ");
                let e = d.mark(m);
                a.wr.med(key, i, e);
                d.add("\n");
            }
            for m in &s.home_meds {
                if gone(m) {
                    continue;
                }
                d.add("- ");
                put(&mut d, &mut a.ev, m);
                d.add("\n");
            }
        }
        if !s.stop_meds.is_empty() {
            d.line("STOP:");
            for m in &s.stop_meds {
                d.add("- ");
                put(&mut d, &mut a.ev, m);
                d.add("\n");
            }
        }
        d.heading(&rng.say(&["FOLLOW-UP:", "Follow-up appointments:"]));
        if s.follow.is_empty() {
            d.line(&rng.say(&["PCP in 1 week.", "Primary care within 7 days."]));
        }
        for f in &s.follow {
            d.line(&format!("- {f}"));
        }
        d.heading(&rng.say(&["DIET AND ACTIVITY:", "Diet/Activity:"]));
        if s.diet.is_empty() {
            d.line(&rng.say(&["Diet: regular{|, as tolerated}. Activity: as tolerated{|, no heavy lifting for 1 week}.", "Regular diet; activity as tolerated, gradually increase walking."]));
        } else {
            d.line(&rng.vary(&format!("Diet: {}. Activity: {{as tolerated|as tolerated, increase walking daily}}.", s.diet)));
        }
        d.line(&rng.say(&["Pending results at discharge: none.", "No results pending at discharge.", "Pending results: none; the discharging team will follow up any late reports."]));
        d.line("Code status during admission: Full code.");
        d.heading(&rng.say(&["INSTRUCTIONS:", "Patient instructions:"]));
        d.line(&rng.say(&[
            "Return to the ED for fever, worsening pain, shortness of breath, or any new concerns. Diet as tolerated.",
            "Call PCP or return for worsening symptoms. Resume usual diet and activity as tolerated.",
            "Warning signs reviewed; patient verbalized understanding.",
        ]));
    }
    d.gap();
    let mins = rng.range(31, 45);
    if !expired {
        d.line(&format!("Time spent on discharge: {mins} minutes."));
    }
    d.line(&sign(rng, service));
    a.cw.add_doc(d);
}

fn strip_marks(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("[[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").unwrap_or(after.len());
        let inner = &after[..j];
        out.push_str(if inner.contains(':') { split_mark(inner).1 } else { inner });
        rest = after.get(j + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// First letter upper case; for a text that opens with a mark, the mark's first word.
fn capitalize(s: &str) -> String {
    if let (Some(rest), Some(end)) = (s.strip_prefix("[["), s.find("]]")) {
        let inner = &rest[..end - 2];
        if inner.contains(':') {
            let w = split_mark(inner).1;
            let key_part = &inner[..inner.len() - w.len()];
            return format!("[[{key_part}{}{}", capitalize(w), &s[end..]);
        }
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A problem's label as written; a diabetes label never says "without complications" beside CKD, whose link the
/// classification presumes (the knowledge base can word it so).
fn label_of(p: &kb::Problem, profile: &Profile) -> String {
    if p.key == "dm" && profile.ckd.is_some() {
        p.label.replace(" without complications", "")
    } else {
        p.label.clone()
    }
}

// ---------------------------------------------------------------- profiles

fn rand_dm(rng: &mut Rng) -> Diabetes {
    let treatment = *rng.pick(&[DmTreatment::Metformin, DmTreatment::Metformin, DmTreatment::MetforminGlipizide, DmTreatment::InsulinMetformin, DmTreatment::Insulin, DmTreatment::DietOnly]);
    Diabetes { polyneuropathy: rng.chance(0.25), retinopathy: false, hyperglycemia: false, angiopathy: false, treatment, ckd_stated_as_diabetic: rng.chance(0.5) }
}

/// A profile the scenario controls: the big four as given, 1–4 standalone conditions drawn from a pool that
/// avoids the scenario's own diagnoses.
#[allow(clippy::too_many_arguments)]
fn profile(rng: &mut Rng, age: u8, sex: Sex, dm: f64, htn: f64, hf: Option<kb::HfType>, ckd: Option<kb::CkdStage>, others: usize, exclude: &[Other]) -> Profile {
    use Other::*;
    let pool: Vec<(Other, u32)> = vec![
        (Hyperlipidemia, 30),
        (Hypothyroidism, 10),
        (Gerd, 10),
        (Osa, 6),
        (Mdd, 5),
        (Gad, 5),
        (Gout, 4),
        (Bph, 6),
        (FormerSmoker, 10),
        (Smoker, 6),
        (Obesity, 8),
        (MorbidObesity, 3),
        (Cad, 8),
        (AfibParoxysmal, 6),
        (Copd, 7),
        (HxProstateCancer, 3),
        (HxBreastCancer, 3),
        (Osteoporosis, 4),
        (OaKnees, 6),
        (Alzheimers, 3),
        (HxStroke, 3),
        (Hypothyroidism, 4),
    ];
    let fits = |o: Other| match o {
        Bph | HxProstateCancer => sex == Sex::Male && age >= 50,
        HxBreastCancer | Osteoporosis => sex == Sex::Female && age >= 55,
        Alzheimers => age >= 72,
        Cad | AfibParoxysmal | Copd | HxStroke => age >= 50,
        _ => true,
    };
    let pool: Vec<(Other, u32)> = pool.into_iter().filter(|(o, _)| fits(*o) && !exclude.contains(o)).collect();
    let weights: Vec<u32> = pool.iter().map(|(_, w)| *w).collect();
    let mut chosen: Vec<Other> = Vec::new();
    let mut tries = 0;
    while chosen.len() < others && tries < 40 {
        tries += 1;
        let o = pool[rng.weighted(&weights)].0;
        let clash = |x: &Other| *x == o || matches!((x, o), (Smoker, FormerSmoker) | (FormerSmoker, Smoker) | (Obesity, MorbidObesity) | (MorbidObesity, Obesity));
        if chosen.iter().any(clash) {
            continue;
        }
        chosen.push(o);
    }
    let older = age >= 45;
    let d = (older && rng.chance(dm)).then(|| rand_dm(rng));
    let h = rng.chance(htn) || hf.is_some() && htn > 0.0;
    Profile::with(rng, age, sex, d, h, hf, ckd, &chosen)
}

fn age_in(rng: &mut Rng, lo: i64, hi: i64) -> u8 {
    rng.range(lo, hi) as u8
}

fn los_status(rng: &mut Rng, lo: i64, hi: i64, statuses: &[u8]) -> (u16, u8) {
    (rng.range(lo, hi) as u16, *rng.pick(statuses))
}

/// Home health after a routine medical stay only for an older patient; a patient under 65 with an uncomplicated
/// course goes home without services.
fn fit_status(status: u8, age: u8) -> u8 {
    if status == 6 && age < 65 { 1 } else { status }
}

// ---------------------------------------------------------------- the family

type Scenario = fn(&mut Rng, usize, usize) -> Case;

/// The family's cases.
pub fn cases(rng: &mut Rng) -> Vec<Case> {
    let plan: Vec<(Scenario, usize)> = vec![
        (pneumonia, 7),
        (sepsis, 7),
        (heart_failure, 7),
        (copd, 4),
        (nstemi, 3),
        (gi_bleed, 4),
        (stroke, 4),
        (dka, 4),
        (aki, 3),
        (cellulitis, 4),
        (pancreatitis, 3),
        (syncope, 2),
        (hip_fracture, 8),
        (appendicitis, 5),
        (cholecystitis, 6),
        (knee, 5),
    ];
    let mut out = Vec::new();
    let mut n = 0;
    // Every variant of every scenario once, then fresh draws of the variants in turn until the family is full.
    let total: usize = 118;
    let max = plan.iter().map(|(_, v)| *v).max().unwrap_or(1);
    for round in 0..max * 3 {
        for (f, variants) in &plan {
            let pass = round / max;
            let v = round % max;
            if v >= *variants || out.len() >= total || (pass > 0 && out.len() >= total) {
                continue;
            }
            n += 1;
            let mut r = rng.derive(&format!("case{n}"));
            out.push(f(&mut r, n, v));
        }
    }
    out
}

// ---------------------------------------------------------------- medical scenarios

fn prog(day: u16, s: String, o: String, ap: String) -> Prog {
    Prog { day, s, o, ap }
}

fn pneumonia(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 48, 88);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.35, 0.6, None, None, k, &[Other::Copd, Other::Alzheimers]);
    let (los, status) = match v {
        0 | 1 => los_status(rng, 3, 4, &[1, 1, 6]),
        3 | 6 => los_status(rng, 5, 7, &[3, 6]),
        _ => los_status(rng, 4, 6, &[1, 6]),
    };
    let diff = match v {
        0 | 1 => Difficulty::Foundation,
        2 | 3 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let title = rng.say(&["Inpatient admission: fever and productive cough", "Inpatient: cough, fever and hypoxemia", "Medical admission: respiratory infection"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let side = *rng.pick(&["right lower lobe", "left lower lobe", "right middle lobe", "lingular"]);
    // Only v5 teaches respiratory failure (and queries it). The others stay clearly below the indicators of sepsis
    // and of acute respiratory failure: HR under 100, RR 22 or less, WBC under 12, SpO2 93% or more on room air,
    // a low procalcitonin.
    let (t, hr, rr) = (dec(rng, 38.0, 39.1), if v == 5 { rng.range(104, 118) } else { rng.range(84, 98) }, rng.range(18, 22));
    let (sbp, dbp) = (rng.range(104, 142), rng.range(58, 84));
    let spo2 = if v == 5 { rng.range(82, 86) } else { rng.range(93, 95) };
    let wbc = if v == 5 { dec(rng, 12.4, 19.8) } else { dec(rng, 9.8, 11.8) };
    let days = rng.range(2, 6);
    let who = a.who.clone();
    let mut s = Sc { ..Default::default() };
    s.cc = rng.say(&["Cough and fever.", "Productive cough, fevers x {3|4|5} days.", "Shortness of breath and fever."]);
    let aspiration = v == 3;
    s.hpi = if aspiration {
        rng.vary(&format!("{who} brought in after [[vom:{{an episode of vomiting|repeated vomiting}} overnight]] with {{a witnessed choking episode|coughing and choking during the emesis}}, followed by [[sx:fever and productive cough]] and increasing dyspnea. Family notes {{she|the patient}} had been {{eating|sleeping}} when it began. No recent travel or sick contacts."))
    } else {
        rng.vary(&format!("{who} with {days} days of [[sx:cough productive of {{yellow|green|rusty}} sputum, fevers to 39 C]] and {{pleuritic chest discomfort|exertional dyspnea|pleuritic chest pain and dyspnea}}. Tried OTC {{guaifenesin|acetaminophen}} without relief. No recent hospitalization or antibiotics. {{Lives in the community|Community dwelling}}; {{up to date on influenza vaccine|declined flu vaccine this year}}."))
    };
    s.ros = ros(rng, "Positive for cough, fever, dyspnea, fatigue.", &["fever", "cough", "sob"]);
    let o2 = if v == 5 { "on room air, placed on 4 L NC then high-flow".to_string() } else { "on room air".to_string() };
    s.vitals = vit(t, hr, sbp, dbp, if v == 5 { rng.range(28, 34) } else { rr }, spo2, &o2);
    s.exam.push(("Lungs", rng.vary(&format!("{{Crackles|Coarse rhonchi and crackles}} over the {side}{{|, egophony}}{}", if v == 5 { "; tachypneic with accessory muscle use, speaking in short phrases" } else { "" }))));
    let lact = dec(rng, 1.1, 1.8);
    s.labs = format!("WBC {wbc} with left shift, Hgb {}, Plt {}. Na {}, K {}, BUN {}, Cr {}. Lactate {lact}. Procalcitonin {}. Blood cultures x2 drawn. {}", dec(rng, 11.2, 14.1), rng.range(180, 390), rng.range(134, 141), dec(rng, 3.6, 4.8), rng.range(14, 28), dec(rng, 0.7, 1.2), if v == 5 { dec(rng, 0.6, 4.2) } else { dec(rng, 0.1, 0.4) }, if v == 5 { format!("ABG on 4 L: pH 7.{}, pCO2 {}, pO2 {}.", rng.range(44, 48), rng.range(30, 35), rng.range(52, 58)) } else { String::new() });
    s.imaging = rng.vary(&format!("CXR: {{new|dense}} {side} {{airspace opacity|consolidation}} {{consistent with pneumonia|compatible with pneumonia}}{{|, no effusion}}."));
    let (principal_words, code, abx, org_note): (String, &str, String, String) = match v {
        1 => ("[[pna:pneumococcal pneumonia]]".into(), "J13", "ceftriaxone and azithromycin".into(), "sputum culture and urine antigen positive for Streptococcus pneumoniae; blood cultures no growth".into()),
        2 => ("[[pna:probable Klebsiella pneumonia]]".into(), "J15.0", "ceftriaxone".into(), "sputum Gram stain with many Gram-negative rods, culture with mixed flora; blood cultures no growth".into()),
        3 => ("[[pna:aspiration pneumonia]]".into(), "J69.0", "ampicillin-sulbactam".into(), "speech pathology bedside swallow evaluation passed; aspiration attributed to the vomiting episode".into()),
        6 => ("[[pna0:severe community-acquired pneumonia]] (MRSA coverage until cultures return)".into(), "J15.211", "vancomycin and cefepime".into(), "sputum culture Staphylococcus aureus, oxacillin susceptible".into()),
        _ => ("[[pna:community-acquired pneumonia]]".into(), "J18.9", "ceftriaxone and azithromycin".into(), if v == 4 { "sputum culture: heavy growth of Pseudomonas aeruginosa, susceptible to cefepime".into() } else { "blood and sputum cultures without growth".into() }),
    };
    s.ap.push(rng.vary(&format!("{} of the {side}: {{start|begin}} IV {abx}, {{blood cultures pending|follow cultures}}, {{incentive spirometry|IS and early mobilization}}{}.", capitalize(&principal_words.replace("probable ", "suspected ")), if aspiration { ", aspiration precautions, SLP swallow evaluation" } else { "" })));
    if v == 5 {
        s.ap.push(rng.vary("[[resp:Increased work of breathing with SpO2 in the low 80s on room air]]; high-flow nasal cannula 40 L/60%, titrate to SpO2 > 92%; ICU aware."));
    }
    let d2 = 2u16;
    s.progress.push(prog(d2, rng.vary("{Feels slightly better|Still coughing but less short of breath}, {afebrile overnight|Tmax 38.2}. Tolerating PO."), format!("{}. Lungs with {} crackles.", vit(dec(rng, 36.9, 38.2), rng.range(84, 100), sbp, dbp, rr - 2, spo2 + if v == 5 { 3 } else { 1 }, if v == 5 { "on 2 L NC" } else { "on room air" }), side), rng.vary(&format!("Pneumonia, {side}: continue {abx} day 2{{|, cultures pending}}. {}", match v {
        4 => "Sputum culture preliminary: Gram-negative rods; await final.",
        6 => "Sputum growing S. aureus, susceptibilities pending; continue vancomycin and cefepime until final.",
        _ => "",
    }))));
    if v == 6 {
        s.progress.push(prog(4, "Decreased mobility, needs 2-person assist. Nursing reports new skin finding.".into(), "Sacrum: 2.5 x 2 cm area of partial-thickness skin loss with a shallow pink wound bed, no slough. Skin intact on admission per admission nursing skin assessment.".into(), "[[pu:Pressure injury of the sacrum, stage 2, hospital-acquired (not present on admission)]]: wound care consult, offloading mattress, turn q2h. [[pna:MSSA pneumonia]]: sputum S. aureus oxacillin susceptible; narrowed to cefazolin.".into()));
    }
    let last = los;
    s.progress.push(prog(last, rng.vary("Afebrile > 24 h, ambulating, {wants to go home|ready for discharge}."), format!("{}. Lungs: improved aeration.", vit(36.8, rng.range(72, 88), sbp, dbp, 16, rng.range(93, 97), "on room air")), format!("Pneumonia improving; transition to oral therapy to complete {} days total.", rng.range(5, 7))));
    s.admit_dx = if aspiration { "Pneumonia, suspected aspiration".into() } else { rng.say(&["Community-acquired pneumonia", "Pneumonia", "Pneumonia with sepsis ruled out"]).replace("Pneumonia with sepsis ruled out", "Pneumonia (sepsis considered and not present)") };
    let principal_ds = match v {
        1 => "[[pna:Pneumococcal pneumonia]] of the ".to_string() + side,
        2 => format!("[[pna:Probable Klebsiella pneumonia]], {side}"),
        3 => format!("[[pna:Aspiration pneumonia]] ({side}) following emesis"),
        6 => format!("[[pna:Pneumonia due to methicillin-susceptible Staphylococcus aureus]], {side}"),
        _ => format!("[[pna:Community-acquired pneumonia]], {side}"),
    };
    s.ds_dx.push(principal_ds);
    if v == 6 {
        s.ds_dx.push("[[pu:Stage 2 pressure injury of sacrum]], developed hospital day 4".into());
    }
    let course = match v {
        1 => format!("Treated with ceftriaxone and azithromycin. {}; azithromycin stopped after 3 days and ceftriaxone continued, then oral amoxicillin.", capitalize(&org_note)),
        2 => format!("Started on IV {abx}. {}. Clinical picture and Gram stain are most consistent with Klebsiella; the final diagnosis is [[pna:probable Klebsiella pneumonia]]. Transitioned to oral cefpodoxime.", capitalize(&org_note)),
        3 => format!("Placed on aspiration precautions and IV {abx}; {org_note}. Diet advanced. Completed IV course and transitioned to amoxicillin-clavulanate."),
        4 => format!("Empiric IV {abx}. Final [[cx:{org_note}]]; antibiotics changed to cefepime for the final days, then oral levofloxacin. Clinically improved and afebrile by day 4."),
        5 => format!("Treated with IV {abx}. [[resp2:Required high-flow nasal cannula up to 40 L/60% for the first 36 hours for SpO2 82–86% and RR in the 30s]], weaned to 2 L by day 3 and to room air before discharge. Cultures negative."),
        6 => format!("Treated initially with vancomycin and cefepime, narrowed to cefazolin when [[cx:{org_note}]]. Hospital course complicated by [[pu:a stage 2 sacral pressure injury first noted on hospital day 4]]; admission skin assessment documented intact sacral skin. Wound care followed; hydrocolloid dressing and offloading."),
        _ => format!("Empiric ceftriaxone and azithromycin; {org_note}. Fever resolved by day 2; no oxygen needed. Transitioned to oral cefpodoxime."),
    };
    s.course.push(("Pneumonia".into(), course));
    s.condition = rng.say(&["Stable, improved.", "Good; ambulating independently.", "Fair, improved."]);
    s.new_meds.push(match v {
        3 => "amoxicillin-clavulanate 875-125 mg PO BID x 5 days".into(),
        4 => "levofloxacin 750 mg PO daily x 4 days".into(),
        6 => "cephalexin 500 mg PO QID x 6 days".into(),
        1 => "amoxicillin 1 g PO TID x 5 days".into(),
        _ => "cefpodoxime 200 mg PO BID x 4 days".into(),
    });
    s.follow.push(rng.say(&["PCP in 1 week; repeat chest x-ray in 6–8 weeks.", "Primary care in 5–7 days, CXR in 6 weeks to document resolution."]));
    if v == 6 {
        s.follow.push("Sacral wound care: hydrocolloid to sacrum, change every 3 days; turn q2h.".into());
    }
    render(&mut a, rng, &s);
    // gold
    let why_p = match v {
        1 => "Pneumonia documented by the provider as pneumococcal (sputum culture and urine antigen support it): J13 is the combination code for the organism and the pneumonia.".to_string(),
        2 => "The discharge summary calls the pneumonia \"probable Klebsiella pneumonia\". For inpatients an uncertain diagnosis documented at discharge is coded as if established, so J15.0 is assigned.".into(),
        3 => "Aspiration pneumonia (pneumonitis due to inhalation of vomitus) is J69.0; the aspiration, not an infectious organism, is the documented cause.".into(),
        6 => "Pneumonia due to methicillin-susceptible Staphylococcus aureus: J15.211 carries the organism and its susceptibility.".into(),
        _ => "Pneumonia without an organism documented by the provider: J18.9. It occasioned the admission and is the principal diagnosis.".into(),
    };
    let mut rules = vec![guideline("OCG II")];
    if v == 2 {
        rules.push(guideline("OCG II.H"));
    }
    a.dx(code, Y, &["pna"], &why_p, rules);
    if v == 6 {
        a.dx("L89.152", N, &["pu"], "Stage 2 pressure ulcer (pressure injury) of the sacral region; the provider documents it was first found on hospital day 4 with intact skin on admission, so POA is N — a hospital-acquired condition.", vec![guideline("OCG I.C.12.a"), guideline("OCG Appendix I POA")]);
    }
    a.nc("Cough, fever and dyspnea", Some("R05.9"), &["sx"], "Cough, fever and shortness of breath are routinely associated with pneumonia and are not coded separately.", vec![guideline("OCG I.B.5")]);
    if aspiration {
        a.nc("Vomiting before the aspiration", Some("R11.10"), &["vom"], "The vomiting had stopped before arrival and needed no evaluation or treatment of its own; it is the circumstance of the aspiration, which J69.0 (pneumonitis due to inhalation of food and vomit) already describes.", vec![guideline("OCG III")]);
    }
    if v == 4 {
        a.query(
            "Organism of the pneumonia not documented despite a positive culture",
            "Clinical indicators: sputum culture with heavy growth of Pseudomonas aeruginosa; antibiotics changed to cefepime on the basis of the culture; discharge diagnosis documented as \"pneumonia\". Based on your clinical judgment, can the pneumonia be further specified? [ ] Pneumonia due to Pseudomonas aeruginosa [ ] Pneumonia due to another organism (please specify) [ ] Pneumonia, organism undetermined [ ] Other (please specify) [ ] Unable to determine",
            &["cx", "pna"],
            "A culture result cannot be coded as the pneumonia's organism without the provider's diagnostic statement. J18.9 is reported as documented; J15.1 would be assigned only if the attending answers the query confirming Pseudomonas pneumonia.",
        );
        a.nc("Pseudomonas in the sputum culture", Some("J15.1"), &["cx"], "A laboratory finding is not coded to a more specific pneumonia unless the provider documents the organism as the cause; query instead.", vec![guideline("OCG III.B")]);
    }
    if v == 5 {
        a.query(
            "Respiratory indicators without a documented diagnosis",
            "Clinical indicators: SpO2 82–86% on room air, RR 28–34 with accessory muscle use, ABG pO2 in the 50s on 4 L, required high-flow nasal cannula 40 L/60% for 36 hours. Based on these indicators, please document the condition being treated, if any: [ ] Acute hypoxic respiratory failure [ ] Hypoxemia without respiratory failure [ ] Other (please specify) [ ] Unable to determine",
            &["resp", "resp2"],
            "Oxygen requirement and work of breathing suggest a diagnosis the provider has not documented; respiratory failure cannot be coded from vital signs and therapy alone. Nothing is coded for it until the attending answers.",
        );
    }
    a.finish()
}

fn sepsis(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 55, 89);
    let k = rng.range(1, 3) as usize;
    let pna = matches!(v, 0 | 3 | 6);
    let pf = profile(rng, age, sex, 0.4, 0.6, None, None, k, &[Other::Copd]);
    let (los, status) = match v {
        3 => los_status(rng, 2, 4, &[20]),
        2 | 6 => los_status(rng, 5, 8, &[3, 6]),
        _ => los_status(rng, 4, 6, &[1, 6]),
    };
    let diff = if v <= 1 { Difficulty::Intermediate } else { Difficulty::Advanced };
    let title = rng.say(&["Inpatient admission: fever, tachycardia and confusion", "Medical admission: fever and hypotension", "Inpatient: suspected infection with abnormal vital signs"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let (t, hr, rr) = (dec(rng, 38.3, 39.6), rng.range(106, 128), rng.range(22, 30));
    let (sbp, dbp) = if v == 3 { (rng.range(72, 84), rng.range(38, 48)) } else { (rng.range(92, 118), rng.range(52, 68)) };
    let wbc = dec(rng, 15.2, 24.6);
    let lact = if v == 3 { dec(rng, 4.6, 7.2) } else if v == 2 || v == 6 { dec(rng, 2.4, 3.8) } else { dec(rng, 1.9, 2.8) };
    let base = dec(rng, 0.8, 1.1);
    // Without a documented kidney injury the creatinine stays at baseline (no unexplained rise to query).
    let cr = if v == 2 || v == 5 { dec(rng, 2.2, 3.4) } else { D(base.0 + rng.decimal(0.0, 0.1)) };
    let side = *rng.pick(&["right lower lobe", "left lower lobe", "bilateral lower lobe"]);
    let mut s = Sc { hold_bp_meds: true, ..Default::default() };
    s.cc = if pna { rng.say(&["Fever, cough and weakness.", "Fever and shortness of breath.", "Confusion and fever."]) } else { rng.say(&["Fever and burning with urination.", "Fever, chills and flank discomfort.", "Weakness, fever and urinary frequency."]) };
    s.hpi = if pna {
        rng.vary(&format!("{who} with {{2|3|4}} days of productive cough and fever, {{found by family to be lethargic|increasingly weak and not eating}}. In the ED: T {t}, HR {hr}, RR {rr}, BP {sbp}/{dbp}, WBC {wbc}, lactate {lact}. {{Received 30 mL/kg crystalloid bolus|30 mL/kg LR given per sepsis bundle}} and broad-spectrum antibiotics within the first hour."))
    } else {
        rng.vary(&format!("{who} with {{3 days|several days}} of [[sx:dysuria, frequency]] and {{suprapubic pressure|low back discomfort}}, then fevers and rigors {{today|this morning}}. In the ED: T {t}, HR {hr}, RR {rr}, BP {sbp}/{dbp}, WBC {wbc}, lactate {lact}. UA with large leukocyte esterase, nitrite positive, > 50 WBC/hpf. {{Given 30 mL/kg crystalloid|Sepsis bundle initiated with 30 mL/kg fluids}} and IV ceftriaxone."))
    };
    s.ros = ros(rng, if pna { "Positive for cough, fever, chills, fatigue." } else { "Positive for dysuria, fever, chills." }, &["fever", "cough", "sob", "gu"]);
    s.vitals = if pna { vit(t, hr, sbp, dbp, rr, rng.range(90, 95), "on 2 L NC") } else { vit(t, hr, sbp, dbp, rr, rng.range(95, 98), "on room air") };
    if pna {
        s.exam.push(("Lungs", rng.vary(&format!("Crackles {{over the|at the}} {side}{{|, decreased breath sounds at the base}}"))));
    } else {
        s.exam.push(("Abdomen", rng.say(&["Soft, suprapubic tenderness, no CVA tenderness", "Mild suprapubic tenderness, {left|right} CVA tenderness"])));
    }
    if v == 6 {
        s.exam.push(("Neuro", "[[enc:Somnolent, oriented to self only, inattentive]]; no focal deficits".into()));
    }
    s.labs = format!("WBC {wbc}, bands {}%. Hgb {}. Plt {}. Na {}, K {}, HCO3 {}, BUN {}, Cr {cr} (baseline {base}). Lactate {lact}. Blood cultures x2 pending.", rng.range(8, 18), dec(rng, 10.8, 13.6), rng.range(160, 320), rng.range(134, 140), dec(rng, 3.4, 4.9), rng.range(16, 22), rng.range(24, 48));
    if pna {
        s.imaging = rng.vary(&format!("CXR: {side} consolidation{{| with small parapneumonic effusion}}."));
    }
    let src_word = if pna { if v == 3 { "[[loc:Pseudomonas pneumonia]]" } else { "[[loc:pneumonia]]" } } else { "[[loc:acute urinary tract infection]]" };
    match v {
        0 | 1 => s.ap.push(rng.vary(&format!("[[sep:Sepsis]] {{due to|secondary to}} {src_word}{}: {{continue|cont}} IV {}; trend lactate; follow cultures.", if pna { format!(" of the {side}") } else { String::new() }, if pna { "ceftriaxone and azithromycin" } else { "ceftriaxone" }))),
        2 => {
            s.ap.push(rng.vary(&format!("[[sep:Severe sepsis]] due to {src_word} with [[aki:acute kidney injury]] {{as acute organ dysfunction|from sepsis-related hypoperfusion}}: IV ceftriaxone, fluids, trend lactate and Cr.")));
        }
        3 => {
            s.ap.push(format!("[[shock:Septic shock]] from {src_word}: MAP < 65 despite 30 mL/kg; norepinephrine started, vasopressin added; cefepime and vancomycin; ICU admission."));
        }
        4 => s.ap.push(rng.vary("[[uro:Urosepsis]]: IV ceftriaxone, IV fluids, follow urine and blood cultures.")),
        5 => {
            s.ap.push(rng.vary(&format!("[[sep:Sepsis]] due to {src_word}: IV ceftriaxone, follow cultures.")));
            s.ap.push(rng.vary(&format!("[[aki:Acute kidney injury]], Cr {cr} from baseline {base}: IV fluids, hold nephrotoxins, renally dose meds, strict I/O.")));
        }
        _ => {
            s.ap.push(rng.vary(&format!("[[sep:Severe sepsis]] due to {src_word} of the {side}: ceftriaxone and azithromycin, fluids.")));
            s.ap.push(rng.vary("[[enc:Acute metabolic encephalopathy due to sepsis]]: delirium precautions, avoid sedatives, reorient frequently."));
        }
    }
    let abx = if pna { if v == 3 { "cefepime" } else { "ceftriaxone/azithromycin" } } else { "ceftriaxone" };
    s.progress.push(prog(2, rng.vary(match v {
        3 => "Remains on norepinephrine and vasopressin; mottled extremities; family at bedside.",
        6 => "More alert this morning, still intermittently confused.",
        _ => "Feels better, {afebrile since last evening|Tmax 38.0}, tolerating diet.",
    }), format!("{}. {}", vit(dec(rng, 37.0, 38.1), rng.range(88, 104), sbp + 10, dbp + 6, rng.range(18, 22), if pna { 95 } else { 97 }, if pna { "on 2 L NC" } else { "on room air" }), if v == 2 || v == 5 { format!("Cr {}.", dec(rng, 1.6, 2.1)) } else { String::new() }), match v {
        3 => "[[shock:Septic shock]], not improving; [[cx:blood and sputum cultures growing Pseudomonas aeruginosa]]; continue cefepime, add tobramycin. Family updated at the bedside; remains full code.".to_string(),
        4 => format!("[[uti:UTI]], on {abx} day 2; urine culture > 3 organisms. Blood cultures no growth to date."),
        5 => "Sepsis improving. AKI improving with fluids.".to_string(),
        _ => format!("Sepsis improving on {abx}; lactate normalized."),
    }));
    if v != 3 {
        s.progress.push(prog(los, "Afebrile, eating well, ambulating with PT.".into(), vit(36.8, rng.range(70, 86), rng.range(118, 134), rng.range(64, 78), 16, 96, "on room air"), rng.vary(&format!("{{Clinically improved|Much improved}}; blood cultures no growth; {{switch to|transition to}} oral antibiotics, anticipate discharge."))));
    }
    s.admit_dx = match v {
        4 => "Urosepsis".into(),
        3 => "Septic shock".into(),
        _ => "Sepsis".into(),
    };
    match v {
        0 | 1 => {
            s.ds_dx.push(format!("[[sep:Sepsis]] due to {}", if pna { format!("[[loc:community-acquired pneumonia]], {side}") } else { "[[loc:urinary tract infection]], organism not identified".into() }));
        }
        2 => {
            s.ds_dx.push("[[sep:Severe sepsis]] due to [[loc:urinary tract infection]], with acute organ dysfunction".into());
            s.ds_dx.push("[[aki:Acute kidney injury due to sepsis]], resolved".into());
        }
        3 => {
            s.ds_dx.push("[[shock:Septic shock]] due to [[loc:Pseudomonas aeruginosa pneumonia]]".into());
            s.ds_dx.push("[[sep2:Pseudomonas sepsis]]".into());
        }
        4 => {
            s.ds_dx.push("[[uro:Urosepsis]]".into());
        }
        5 => {
            s.ds_dx.push("[[sep:Sepsis]] due to [[loc:acute UTI]]".into());
            s.ds_dx.push(format!("[[aki:Acute kidney injury]] (Cr peak {cr}, baseline {base})"));
        }
        _ => {
            s.ds_dx.push(format!("[[sep:Severe sepsis]] due to [[loc:pneumonia]], {side}"));
            s.ds_dx.push("[[enc:Acute metabolic encephalopathy]] secondary to sepsis, resolved".into());
        }
    }
    let course = match v {
        3 => format!("Admitted to the ICU on norepinephrine; vasopressin added within 6 hours and stress-dose hydrocortisone started. [[cx:Blood and sputum cultures grew Pseudomonas aeruginosa]]; antibiotics tailored. Lactate rose to {}. Despite maximal support the shock progressed, with rising vasopressor requirements and mottling. The family was updated daily; the patient remained on full support and expired on hospital day {}.", dec(rng, 7.4, 9.8), los + 1),
        4 => format!("Treated for [[uro:urosepsis]] with IV ceftriaxone and fluids. Fever and tachycardia resolved by day 2. Urine culture grew > 3 organisms; blood cultures negative. Transitioned to oral cephalexin."),
        2 => format!("Met criteria for sepsis on arrival with lactate {lact} and Cr {cr} (baseline {base}); documented as [[sep:severe sepsis]] with [[aki:AKI due to sepsis]]. Renal function recovered with fluids to Cr {}. Urine culture with mixed flora; blood cultures negative. Completed ceftriaxone, then oral cefdinir.", dec(rng, 1.0, 1.3)),
        5 => format!("Sepsis treated with ceftriaxone and IV fluids, source urinary. [[aki2:Creatinine {cr} on admission, baseline {base}]], improved to {} with fluids. Cultures without a single organism.", dec(rng, 1.1, 1.4)),
        6 => "Severe sepsis from pneumonia; encephalopathy cleared by day 3 as the infection was treated. Blood cultures negative.".into(),
        _ => format!("Sepsis treated per bundle; lactate cleared within 12 hours. Cultures negative. Transitioned to oral antibiotics on day {}.", rng.range(3, 4)),
    };
    s.course.push((if v == 3 { "Septic shock".into() } else { "Sepsis".into() }, course));
    s.condition = rng.say(&["Stable.", "Improved, hemodynamically stable.", "Good."]);
    s.consults = if v == 3 { vec!["Critical care".into()] } else { Vec::new() };
    s.new_meds.push(if pna { "amoxicillin-clavulanate 875-125 mg PO BID x 5 days".into() } else { "cephalexin 500 mg PO QID x 7 days".into() });
    s.follow.push(rng.say(&["PCP in 1 week with BMP.", "Primary care in 1 week; repeat CBC and BMP."]));
    render(&mut a, rng, &s);
    let seq = vec![guideline("OCG I.C.1.d.4"), guideline("OCG I.C.1.d.1.a")];
    match v {
        3 => {
            a.dx("A41.52", Y, &["sep2", "cx"], "Sepsis due to Pseudomonas: the systemic infection is sequenced first when sepsis and a localized infection are both present on admission; the provider names the organism.", seq.clone());
            a.dx("J15.1", Y, &["loc"], "The localized infection, Pseudomonas pneumonia, follows the systemic infection code.", vec![guideline("OCG I.C.1.d.4")]);
            a.dx("R65.21", Y, &["shock"], "Septic shock is severe sepsis with circulatory failure: R65.21 is added after the infection codes; it is never principal.", vec![guideline("OCG I.C.1.d.2"), tabular("R65.2 Code first underlying infection")]);
            a.nc("Lactic acidosis and hypotension in shock", Some("E87.20"), &["shock"], "Elevated lactate and hypotension are integral to septic shock and are not coded separately.", vec![guideline("OCG I.B.5")]);
        }
        4 => {
            a.dx("N39.0", Y, &["uti"], "\"Urosepsis\" has no code; the progress note documents a UTI, which is coded as documented while the query about sepsis is open.", vec![guideline("OCG I.C.1.d.1.a.ii")]);
            a.nc("Urosepsis", Some("A41.9"), &["uro"], "Urosepsis is a nonspecific term that has no default code; sepsis is not coded unless the provider clarifies.", vec![guideline("OCG I.C.1.d.1.a.ii")]);
            a.query(
                "\"Urosepsis\" documented",
                "Clinical indicators: T 38.3–39.6 C, HR > 105, RR > 21, WBC > 15 with bandemia, lactate elevated; UA nitrite positive; treated with IV ceftriaxone and fluid bolus. \"Urosepsis\" is documented in the H&P and discharge summary. Please clarify the condition treated: [ ] Sepsis due to urinary tract infection [ ] Urinary tract infection without sepsis [ ] Other (please specify) [ ] Unable to determine",
                &["uro", "uti"],
                "The term urosepsis must be clarified by query (OCG I.C.1.d.1.a.ii). Until answered only the documented UTI is coded; if sepsis is confirmed, A41.9 becomes principal with N39.0 secondary.",
            );
        }
        _ => {
            a.dx("A41.9", Y, &["sep"], "Sepsis without a causal organism identified: A41.9. Sepsis and its localized infection were both present on admission, so the systemic infection is principal.", seq.clone());
            let (lc, lw) = if pna { ("J18.9", "The localized infection, pneumonia without an identified organism, is sequenced after the sepsis code.") } else { ("N39.0", "The localized infection, urinary tract infection without a specified site, follows the sepsis code.") };
            a.dx(lc, Y, &["loc"], lw, vec![guideline("OCG I.C.1.d.4")]);
            if v == 2 || v == 6 {
                a.dx("R65.20", Y, &["sep"], "Severe sepsis (sepsis with acute organ dysfunction the provider links to it) without shock: R65.20 after the infection codes, with the organ dysfunction coded as well.", vec![guideline("OCG I.C.1.d.1.b"), tabular("R65.2 Code first underlying infection; use additional code to identify specific acute organ dysfunction")]);
            }
            if v == 2 {
                a.dx("N17.9", Y, &["aki"], "Acute kidney injury is the acute organ dysfunction of the severe sepsis and is coded in addition.", vec![guideline("OCG I.C.1.d.1.b")]);
            }
            if v == 6 {
                a.dx("G93.41", Y, &["enc"], "Acute metabolic encephalopathy due to sepsis, the organ dysfunction of the severe sepsis.", vec![guideline("OCG I.C.1.d.1.b")]);
            }
            if v == 5 {
                a.dx("N17.9", Y, &["aki"], "Acute kidney injury is documented and treated, so it is coded; it is not linked to the sepsis, so R65.20 is not assigned while the query is open.", vec![guideline("OCG III"), guideline("OCG I.C.1.d.1.a.iv")]);
                a.query(
                    "Relationship of the acute kidney injury to the sepsis",
                    "Clinical indicators: sepsis due to UTI; creatinine rose to above 2 from a baseline near 1 and improved with IV fluids and antibiotics. Please clarify the cause of the acute kidney injury: [ ] AKI due to sepsis (sepsis-associated organ dysfunction) [ ] AKI due to another cause (please specify) [ ] Other [ ] Unable to determine",
                    &["aki", "aki2"],
                    "Sepsis with an acute organ dysfunction not clearly linked to it requires a query before severe sepsis (R65.20) is assigned (OCG I.C.1.d.1.a.iv). A41.9, N39.0 and N17.9 are coded as documented.",
                );
            }
            if !pna {
                a.nc("Dysuria and frequency", Some("R30.0"), &["sx"], "Urinary symptoms are integral to the urinary tract infection.", vec![guideline("OCG I.B.5")]);
            }
        }
    }
    a.finish()
}

fn heart_failure(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 58, 89);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, if v == 2 { 0.0 } else { 0.4 }, 0.0, None, None, k, &[]);
    let (los, status) = match v {
        6 => los_status(rng, 5, 7, &[3, 6]),
        _ => los_status(rng, 3, 5, &[1, 1, 6]),
    };
    let diff = match v {
        0 | 1 => Difficulty::Foundation,
        2 | 4 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let title = rng.say(&["Inpatient admission: dyspnea and leg swelling", "Medical admission: shortness of breath and weight gain", "Inpatient: orthopnea and edema"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    // type: 0 diastolic, 1 systolic, 2 combined
    let ty = match v {
        0 | 5 => 0,
        1 | 3 | 4 | 6 => 1,
        _ => 2,
    };
    let ef = match ty {
        0 => rng.range(55, 65),
        1 => rng.range(20, 35),
        _ => rng.range(35, 40),
    };
    let kg = rng.range(3, 7);
    let fdose = *rng.pick(&["40", "60"]);
    let bnp = rng.range(820, 2900);
    let stage = *rng.pick(&[("3a", "N18.31", "3a"), ("3b", "N18.32", "3b"), ("4", "N18.4", "4")]);
    let mut s = Sc::default();
    s.cc = rng.say(&["Shortness of breath.", "Worsening dyspnea and swelling.", "Can't lie flat, legs swollen."]);
    s.pmh_extra = if v == 2 { format!("[[htn:hypertension]], [[ckd:CKD stage {}]]", stage.0) } else { rng.say(&["[[htn:hypertension]]", "[[htn:HTN]]", "[[htn:long-standing hypertension]]"]) };
    let hf_hist = match ty {
        0 => format!("heart failure with preserved EF (last EF {ef}%)"),
        1 => format!("heart failure with reduced EF (EF {ef}%)"),
        _ => format!("combined systolic and diastolic heart failure (EF {ef}%, grade II diastolic dysfunction)"),
    };
    let known = if v == 3 { "known CHF".to_string() } else { hf_hist.clone() };
    let ckd_w = if v == 2 { " and CKD" } else { "" };
    let trigger = rng.say(&[
        "Reports taking all medications as prescribed and keeping to a low-sodium diet; no clear precipitant.",
        "Pharmacy fill history confirms adherence; no new medications, no recent illness. Trigger unclear.",
        "No recent infection, chest pain or medication change identified as a precipitant.",
    ]);
    s.hpi = match rng.below(3) {
        0 => rng.vary(&format!("{who} with {known}{ckd_w} presents with {{1 week|5 days|several days}} of [[sx:progressive dyspnea on exertion, 2-pillow orthopnea and bilateral leg swelling]]. Weight up {kg} kg {{at home|per home scale}}. {trigger} Denies chest pain.")),
        1 => rng.vary(&format!("{who}, known to have {known}{ckd_w}, sent in by the heart failure clinic nurse after a {kg} kg weight gain over {{10 days|2 weeks}} with [[sx:worsening exertional dyspnea, orthopnea and ankle swelling]]; now short of breath walking across the room. {trigger} No chest pain or palpitations.")),
        _ => rng.vary(&format!("{who} with {known}{ckd_w}. Over the past {{week|several days}} [[sx:increasing dyspnea, needing to sleep upright in a recliner, with swollen legs]]; {{woke last night gasping|could not finish a sentence on the phone this morning}}. Home scale shows a gain of {kg} kg. {trigger}")),
    };
    s.ros = ros(rng, "Positive for dyspnea, orthopnea, leg swelling.", &["sob", "edema", "cp"]);
    s.vitals = vit(36.8, rng.range(88, 108), rng.range(148, 178), rng.range(78, 96), rng.range(18, 22), rng.range(93, 95), "on room air");
    s.exam.push(("Neck", "JVP elevated to the angle of the jaw".into()));
    s.exam.push(("Lungs", rng.say(&["Bibasilar crackles {halfway up|to the mid-lung fields}", "Crackles at both bases"])));
    s.exam.push(("Extremities", format!("{}+ pitting edema to the {}", rng.range(2, 3), rng.pick(&["knees", "mid-shins", "thighs"]))));
    let na = if v == 5 { rng.range(124, 128) } else { rng.range(134, 140) };
    let cr = if v == 2 { dec(rng, 1.7, 2.6) } else { dec(rng, 0.9, 1.4) };
    s.labs = format!("BNP {bnp}. Troponin {} (flat on repeat). [[na:Na {na}]], K {}, BUN {}, Cr {cr}. Hgb {}.", rng.pick(&["< 0.01", "0.02", "0.03"]), dec(rng, 3.6, 4.7), rng.range(22, 40), dec(rng, 11.0, 13.8));
    s.imaging = rng.say(&["CXR: cardiomegaly, [[eff:small bilateral pleural effusions]], interstitial edema.", "CXR: pulmonary vascular congestion with [[eff:small bilateral pleural effusions]]."]);
    let dx_words = match v {
        0 | 5 => "[[hf:Acute on chronic diastolic heart failure]]".to_string(),
        1 | 6 => rng.say(&["[[hf:Acute on chronic systolic heart failure]]", "[[hf:Acute on chronic systolic (congestive) heart failure]]", "[[hf:Acute on chronic HFrEF]]"]),
        2 => "[[hf:Acute on chronic combined systolic and diastolic heart failure]]".into(),
        3 => "[[hf:Acute on chronic CHF exacerbation]]".into(),
        _ => "[[hf:Systolic heart failure]]".into(),
    };
    let exac = if v == 4 { "" } else { rng.pick(&["", " exacerbation"]) };
    s.ap.push(rng.vary(&format!("{dx_words}{exac}: IV furosemide {{40|60|80}} mg BID, strict I/O, daily weights, 2 g Na diet, fluid restriction 1.5 L{}.", if v == 3 { "; echo ordered" } else { "" })));
    s.ap.push(if v == 2 { rng.vary(&format!("[[htn:Hypertension]] and [[ckd:CKD stage {}]]: BP elevated, continue home agents, monitor Cr with diuresis.", stage.0)) } else { rng.vary("[[htn:Hypertension]]: {BP elevated on arrival|uncontrolled on arrival}, expect improvement with diuresis; continue home regimen.") });
    let d2 = format!("{}. Net negative {} L. Weight down {} kg.", vit(36.7, rng.range(80, 96), rng.range(128, 146), rng.range(70, 84), 18, 96, "on 2 L NC for comfort"), dec(rng, 1.2, 2.6), dec(rng, 1.0, 2.4));
    s.progress.push(prog(2, rng.say(&["Breathing easier, slept with 1 pillow.", "Less dyspneic; still edematous."]), d2, rng.vary(&format!("{} improving on IV diuresis; continue furosemide; {}", dx_words.replace("[[hf:", "").replace("]]", ""), if v == 5 { format!("Na {} this morning; fluid restriction continued.", na - 1) } else { "BMP in AM.".into() }))));
    if v != 6 && los >= 4 && rng.chance(0.6) {
        let cr3 = if v == 2 { cr } else { D(cr.0 + rng.decimal(0.0, 0.2)) };
        let o3 = format!("{}. Net negative {} L since admission. Cr {cr3}. Crackles now only at the bases.", vit(36.6, rng.range(76, 92), rng.range(122, 142), rng.range(68, 82), 18, 95, "on room air"), dec(rng, 2.4, 4.0));
        s.progress.push(prog(3, rng.say(&["Slept flat last night for the first time in a week.", "Walked to the nurses' station and back; mild dyspnea only.", "Edema improving; asking when the IV diuretic can stop."]), o3, rng.say(&["Continue IV furosemide one more day, then oral. Wean O2 to room air.", "Diuresing well; BMP in AM; switch to oral diuretic tomorrow if weight continues down.", "Close to euvolemic; trial off oxygen; PT to see."])));
    }
    if v == 3 {
        s.docs.push((DocumentKind::RadiologyReport, "Transthoracic Echocardiogram".into(), 2, format!("Indication: heart failure.\nFindings: LV moderately dilated with global hypokinesis; [[echo:LVEF {ef}%]]. Grade I diastolic dysfunction. Mild MR. RVSP 42 mmHg.\nImpression: Reduced LV systolic function, EF {ef}%.\nInterpreting cardiologist")));
    }
    if v == 6 {
        let hip = *rng.pick(&["right", "left"]);
        s.progress.push(prog(3, format!("Overnight the patient [[fall:rolled out of bed in the hospital room]] while asleep; nursing found the patient on the floor beside the bed. C/o {hip} hip pain. No head strike, no LOC."), format!("{hip} lateral hip with ecchymosis and tenderness, full ROM, able to bear weight. X-ray {hip} hip: no fracture."), format!("[[inj:Contusion of {hip} hip]] from [[fall:an in-hospital fall from bed]]: ice, acetaminophen, bed alarm, PT evaluation. Heart failure: continue diuresis.")));
        s.ds_dx.push(String::new());
    }
    s.progress.push(prog(los, "Feels back to baseline; ambulating in the hall without dyspnea.".into(), format!("{}. Weight down {} kg from admission. Lungs clear.", vit(36.6, rng.range(68, 84), rng.range(118, 136), rng.range(66, 80), 16, 96, "on room air"), kg), "Euvolemic; transition to oral furosemide. Discharge planning.".into()));
    s.admit_dx = if v == 4 { rng.say(&["Heart failure with volume overload", "Dyspnea and edema, heart failure"]) } else { rng.say(&["Acute decompensated heart failure", "CHF exacerbation", "Heart failure exacerbation"]) };
    s.ds_dx.retain(|x| !x.is_empty());
    s.ds_dx.insert(0, dx_words.clone());
    s.ds_dx.push(if v == 2 { format!("[[htn:Hypertension]]; [[ckd:chronic kidney disease stage {}]]", stage.0) } else { "[[htn:Hypertension]]".into() });
    if v == 6 {
        let hip = if a.ev.contains_key("inj") { "" } else { "" };
        s.ds_dx.push(format!("[[inj:Hip contusion]]{hip} after in-hospital fall, hospital day 3, no fracture"));
    }
    let net = dec(rng, 4.0, 8.0);
    let echo_w = if v == 3 { "Echo showed EF reduced as above. Documented as [[hf:acute on chronic CHF]]. " } else { "" };
    let hf_course = match rng.below(3) {
        0 => format!("Diuresed with IV furosemide with net negative {net} L and weight down {kg} kg. {echo_w}Transitioned to oral furosemide {fdose} mg daily, a higher dose than at home."),
        1 => format!("IV furosemide BID with brisk response: {net} L net negative over the stay, {kg} kg weight loss, orthopnea resolved by day 2. {echo_w}Renal function stable throughout. Home furosemide increased to {fdose} mg daily."),
        _ => format!("{echo_w}Decongested with IV loop diuretic (net negative {net} L). Oxygen, used for comfort only, was stopped early. Discharge weight {kg} kg below admission; BMP stable. Oral furosemide {fdose} mg daily from the day before discharge, with a good response."),
    };
    s.course.push(("Heart failure".into(), hf_course));
    if v == 5 {
        s.course.push(("Labs".into(), format!("[[na2:Sodium ranged {}–{} during the stay]]; fluid restriction continued.", na - 1, na + 3)));
    }
    s.results = format!("BNP {bnp} on admission. Discharge weight down {kg} kg.");
    s.condition = rng.say(&["Stable, euvolemic.", "Improved."]);
    s.follow.push(rng.say(&["Cardiology/heart failure clinic in 1 week.", "HF clinic within 7 days; BMP in 3–5 days."]));
    s.new_meds.push(format!("furosemide {fdose} mg PO daily"));
    s.diet = "2 g sodium, fluid restriction 1.5 L/day{|, daily weights}";
    let home_bb = kb::meds(&a.pf).iter().any(|(_, _, m)| m.starts_with("metoprolol") || m.starts_with("carvedilol"));
    s.home_meds.push(format!("furosemide {} mg PO daily", rng.pick(&["20", "20", "10"])));
    s.home_meds.push(if ty == 0 { rng.say(&["losartan 50 mg PO daily", "amlodipine 5 mg PO daily"]) } else { "lisinopril 10 mg PO daily".into() });
    if ty != 0 && !home_bb && v != 3 {
        s.home_meds.push("metoprolol succinate 25 mg PO daily".into());
    }
    if ty != 0 && !home_bb {
        s.new_meds.push(if v == 3 { "metoprolol succinate 25 mg PO daily".into() } else { "metoprolol succinate 50 mg PO daily".into() });
    }
    render(&mut a, rng, &s);
    let h_rules = if v == 2 { vec![guideline("OCG I.C.9.a.3"), tabular("I13.0 Use additional code to identify type of heart failure and stage of CKD")] } else { vec![guideline("OCG I.C.9.a.1"), tabular("I11.0 Use additional code to identify type of heart failure")] };
    if v == 2 {
        a.dx("I13.0", Y, &["htn", "hf", "ckd"], "Hypertension with heart failure and stage 1–4 CKD: the classification presumes both links, so I13.0 is principal (the heart failure is the reason for admission and the combination code is sequenced first), with the heart failure type and CKD stage added.", h_rules);
    } else {
        a.dx("I11.0", Y, &["htn", "hf"], "Hypertension with heart failure: the causal link is presumed unless the provider documents another cause, so the combination code I11.0 is sequenced first for an admission for heart failure.", h_rules);
    }
    match v {
        0 | 5 => a.dx("I50.33", Y, &["hf"], "Acute on chronic diastolic heart failure: I50.33 identifies the type and acuity.", vec![tabular("I11.0 Use additional code to identify type of heart failure")]),
        1 | 6 => a.dx("I50.23", Y, &["hf"], "Acute on chronic systolic heart failure (HFrEF is systolic heart failure): I50.23.", vec![tabular("I11.0 Use additional code to identify type of heart failure")]),
        2 => a.dx("I50.43", Y, &["hf"], "Acute on chronic combined systolic and diastolic heart failure: I50.43.", vec![tabular("I13.0 Use additional code to identify type of heart failure")]),
        3 => {
            a.dx("I50.9", Y, &["hf"], "Heart failure is documented as acute on chronic but never by type; I50.9 is all the documentation supports while the type is queried (the coder does not turn the echo's EF into a type: code assignment rests on the provider's diagnostic statement).", vec![tabular("I11.0 Use additional code to identify type of heart failure"), guideline("OCG I.A.19")]);
            a.query(
                "Type of heart failure not documented",
                "Clinical indicators: admitted with \"acute on chronic CHF exacerbation\"; BNP elevated; echo this admission LVEF reduced with global hypokinesis; treated with IV furosemide; beta blocker therapy on discharge. Please clarify the type of heart failure: [ ] Acute on chronic systolic (HFrEF) [ ] Acute on chronic diastolic (HFpEF) [ ] Acute on chronic combined systolic and diastolic [ ] Other (please specify) [ ] Unable to determine",
                &["hf", "echo"],
                "The type of heart failure decides between I50.23/I50.33/I50.43 and I50.9; an ejection fraction alone cannot be translated into a type by the coder. I50.9 is reported until the attending answers.",
            );
        }
        _ => {
            a.dx("I50.20", Y, &["hf"], "Systolic heart failure without a documented acuity: I50.20 while the acuity is queried.", vec![tabular("I11.0 Use additional code to identify type of heart failure")]);
            a.query(
                "Acuity of the systolic heart failure not documented",
                "Clinical indicators: BNP elevated, pulmonary congestion with effusions on CXR, JVD and pitting edema, weight gain; treated with IV furosemide BID. Heart failure documented as \"systolic heart failure\". Please clarify the acuity: [ ] Acute [ ] Chronic [ ] Acute on chronic [ ] Other (please specify) [ ] Unable to determine",
                &["hf"],
                "Acuity changes the code (I50.21/I50.22/I50.23) and the DRG severity; it is not documented, so I50.20 is reported until the provider answers.",
            );
        }
    }
    if v == 2 {
        let c = stage.1;
        a.dx(c, Y, &["ckd"], "The CKD stage as documented, coded in addition to I13.0 as its note instructs.", vec![tabular("I13.0 Use additional code to identify the stage of chronic kidney disease")]);
    }
    if v == 5 {
        a.query(
            "Low sodium without a documented diagnosis",
            "Clinical indicators: serum sodium 123–128 mmol/L during the stay in a patient with acute heart failure on IV diuretics; fluid restriction 1.5 L ordered and continued. Please document the clinical significance, if any: [ ] Hyponatremia (please specify cause if known) [ ] Not clinically significant [ ] Other (please specify) [ ] Unable to determine",
            &["na", "na2"],
            "Abnormal laboratory values are coded only when the provider documents their clinical significance; the sodium was monitored and treated but never named, so E87.1 is not assigned without an answer.",
        );
        a.nc("Low sodium value", Some("E87.1"), &["na"], "A lab value is not a diagnosis; query the provider.", vec![guideline("OCG III.B")]);
    }
    if v == 6 {
        let hipc = if a.ev.get("inj").map(|e| e.iter().any(|x| x.quote.contains("right"))).unwrap_or(false) { "S70.01XA" } else { "S70.02XA" };
        a.dx(hipc, N, &["inj"], "Contusion of the hip from a fall on hospital day 3: an injury that arose after admission, so POA is N; 7th character A because the injury is receiving active treatment.", vec![guideline("OCG I.C.19.a"), guideline("OCG Appendix I POA")]);
        a.dx_late("W06.XXXA", N, &["fall"], "Fall from bed, initial encounter: the external cause of the contusion, which happened during the stay (POA N).", vec![guideline("OCG I.C.20.a"), guideline("OCG Appendix I POA")]);
        a.dx_late("Y92.230", Poa::Exempt, &["fall"], "Place of occurrence: patient room in hospital. Y92 codes are exempt from POA reporting.", vec![guideline("OCG I.C.20.b")]);
    }
    a.nc("Dyspnea, orthopnea and leg edema", Some("R60.0"), &["sx"], "Signs and symptoms of the heart failure exacerbation are integral to it.", vec![guideline("OCG I.B.5")]);
    a.nc("Pleural effusions on CXR", Some("J91.8"), &["eff"], "Effusions due to heart failure are not coded when treated only by treating the heart failure (no thoracentesis or separate evaluation).", vec![guideline("OCG III")]);
    a.finish()
}

// ---------------------------------------------------------------- surgical scenarios

/// A surgical pathology report as a pathologist signs it: specimen, clinical history, gross and microscopic
/// descriptions, final diagnosis.
fn path_report(rng: &mut Rng, specimen: &str, history: &str, gross: &str, micro: &str, diagnosis: &str) -> String {
    let acc = rng.vary("{Received in formalin|Received fresh, then fixed in formalin}");
    let cass = rng.range(2, 4);
    let sign = rng.say(&["Pathologist (electronically signed)", "Attending pathologist", "Electronically signed: surgical pathologist"]);
    format!("SPECIMEN: {specimen}\nCLINICAL HISTORY: {history}\nGROSS DESCRIPTION: {acc}, labeled with the patient's identifiers and \"{specimen}\". {gross} Representative sections submitted in {cass} cassettes.\nMICROSCOPIC DESCRIPTION: {micro}\nFINAL DIAGNOSIS: {diagnosis}\n{sign}")
}

#[allow(clippy::too_many_arguments)]
fn op_note(rng: &mut Rng, pre: &str, post: &str, procedure: &str, anesthesia: &str, findings: &str, desc: &str, ebl: i64, specimen: &str, surgeon: &str) -> String {
    let asst = rng.say(&["Physician assistant", "Surgical resident (PGY-3)", "None"]);
    let compl = rng.say(&["None.", "None apparent.", "No intraoperative complications."]);
    format!(
        "Preoperative diagnosis: {pre}\nPostoperative diagnosis: {post}\nProcedure: {procedure}\nSurgeon: {surgeon}\nAssistant: {asst}\nAnesthesia: {anesthesia}\nEstimated blood loss: {ebl} mL\nSpecimens: {specimen}\nComplications: {compl}\nFindings: {findings}\n\nDescription of procedure:\n{desc}\n\n{}",
        if anesthesia.to_lowercase().contains("general") {
            rng.say(&["The patient tolerated the procedure well and was taken to PACU in stable condition.", "Counts correct x2. Patient extubated and transferred to recovery in stable condition.", "All counts correct at the end of the case; to PACU stable."])
        } else {
            // Neuraxial or regional anesthesia: no airway was placed, so no extubation line.
            rng.say(&["The patient tolerated the procedure well and was taken to PACU awake, block receding.", "Counts correct x2. Transferred to recovery awake and comfortable under the spinal.", "All counts correct at the end of the case; to PACU awake, sensory level regressing."])
        }
    )
}

fn hip_fracture(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = if rng.chance(0.7) { Sex::Female } else { Sex::Male };
    let age = age_in(rng, 66, 89);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.3, 0.6, None, None, k, &[Other::Osteoporosis, Other::Alzheimers, Other::HxStroke]);
    let (los, status) = los_status(rng, 3, 6, &[3, 3, 6]);
    let diff = match v {
        7 => Difficulty::Foundation,
        0 | 1 | 6 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let right = rng.chance(0.5);
    let side = if right { "right" } else { "left" };
    let title = rng.say(&["Inpatient surgical admission: fall with hip pain", "Orthopaedic admission: hip injury after a fall", "Inpatient: fall at home, unable to bear weight"]);
    let mut a = Adm::new(rng, n, &title, true, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let (place_words, place_code, place_why) = match v {
        6 => ("[[place:in the bedroom of the nursing home where the patient resides]]", "Y92.122", "Bedroom in a nursing home"),
        _ => *rng.pick(&[
            ("[[place:in the bathroom at home (single-family house)]]", "Y92.012", "Bathroom of a single-family house"),
            ("[[place:in the bedroom of the single-family home where the patient lives]]", "Y92.013", "Bedroom of a single-family house"),
            ("[[place:in the kitchen of the patient's house]]", "Y92.010", "Kitchen of a single-family house"),
        ]),
    };
    let how = rng.say(&["[[fall:tripped over a throw rug and fell]]", "[[fall:slipped on a wet floor and fell]]", "[[fall:tripped on a threshold and fell]]", "[[fall:caught a slipper on the edge of a mat, tripped and fell]]", "[[fall:slipped on spilled water and fell]]"]);
    // fracture and operation
    let (fx_words, fx_code, op_words, pcs, pcs_why) = match v {
        1 => (
            format!("[[fx:displaced basicervical fracture of the {side} femoral neck]]"),
            if right { "S72.041A" } else { "S72.042A" },
            format!("[[op:Open reduction and internal fixation of {side} basicervical femoral neck fracture with sliding hip screw and side plate]]"),
            if right { "0QS604Z" } else { "0QS704Z" },
            "A displaced fracture reduced and fixed: root operation Reposition, body part upper femur, open approach, device internal fixation device. The fixation is included in the Reposition code.",
        ),
        2 => (
            format!("[[fx:nondisplaced midcervical (transcervical) fracture of the {side} femoral neck]]"),
            if right { "S72.034A" } else { "S72.035A" },
            format!("[[op:Percutaneous in situ fixation of {side} femoral neck fracture with three cannulated screws]]"),
            if right { "0QH634Z" } else { "0QH734Z" },
            "A nondisplaced fracture fixed in place without reduction is coded to the procedure performed, Insertion of an internal fixation device (not Reposition); the screws were placed through stab incisions: percutaneous approach.",
        ),
        6 => (
            format!("[[fx:displaced transcervical fracture of the {side} femoral neck]]"),
            if right { "S72.031A" } else { "S72.032A" },
            format!("[[op:{} hip hemiarthroplasty, uncemented (press-fit), with a unipolar cobalt-chromium head]]", capitalize(side)),
            if right { "0SRR01A" } else { "0SRS01A" },
            "Hemiarthroplasty replaces only the femoral side of the hip joint (the acetabulum is left native): Replacement, body part hip joint femoral surface, open approach. The implant that bears against the acetabulum is a cobalt-chromium head, so the device is synthetic substitute, metal (1); qualifier uncemented (press-fit stem).",
        ),
        _ => (
            format!("[[fx:displaced midcervical fracture of the {side} femoral neck]]"),
            if right { "S72.031A" } else { "S72.032A" },
            format!("[[op:{} hip cemented hemiarthroplasty with a unipolar cobalt-chromium head]]", capitalize(side)),
            if right { "0SRR019" } else { "0SRS019" },
            "Hemiarthroplasty replaces only the femoral side of the hip joint (the acetabulum is left native): Replacement, body part hip joint femoral surface, open approach. The implant that bears against the acetabulum is a cobalt-chromium head, so the device is synthetic substitute, metal (1); qualifier cemented.",
        ),
    };
    let osteo = v == 4;
    let mut s = Sc { service: "Orthopaedic Surgery", ..Default::default() };
    s.cc = format!("{} hip pain after a fall.", capitalize(side));
    let osteo_w = if osteo { "Known [[osteo:age-related osteoporosis]] on [[bisph:alendronate 70 mg weekly]] for 4 years." } else { "No prior fractures." };
    s.hpi = match rng.below(3) {
        0 => rng.vary(&format!("{who} {how} {place_words} {{this morning|last evening|earlier today}}, landing on the {side} side. {{No head strike or LOC.|Denies hitting head; no loss of consciousness.}} Immediate [[sx:{side} hip pain and inability to bear weight]]. {{No preceding dizziness or chest pain.|Denies lightheadedness before the fall.}} {osteo_w}")),
        1 => rng.vary(&format!("Per EMS and the patient: {who} {how} {place_words} {{around 06:00|overnight|after dinner}} and could not get up; {{able to call for help within minutes|found on the floor about an hour later}}. [[sx:Severe {side} groin and hip pain, unable to bear weight]]. Recalls the whole event; no prodrome, no head injury. {osteo_w} Last ate {{6|8|10}} hours ago.")),
        _ => rng.vary(&format!("{who}, independent with a cane at baseline, {how} {place_words}. Landed on the {side} hip. [[sx:Unable to stand because of {side} hip pain]]; ambulance called. Denies chest pain, palpitations or dizziness before the fall; did not hit the head. {osteo_w}")),
    };
    if osteo {
        s.pmh_extra = "[[osteo:osteoporosis]]".into();
    }
    s.ros = ros(rng, "Positive for hip pain.", &["syn", "cp", "neuro", "ha"]);
    s.vitals = vit(dec(rng, 36.5, 37.2), rng.range(78, 98), rng.range(132, 166), rng.range(70, 90), 16, rng.range(94, 98), "on room air");
    s.exam.push(("Extremities", format!("{} lower extremity shortened and externally rotated; pain with log roll; distal pulses intact, sensation intact", capitalize(side))));
    let hgb0 = dec(rng, 12.2, 13.8);
    s.labs = format!("Hgb {hgb0}, WBC {}, Plt {}. Na {}, K {}, Cr {}. INR 1.0. Type and screen sent. ECG: sinus rhythm.", dec(rng, 7.2, 10.8), rng.range(170, 320), rng.range(135, 141), dec(rng, 3.6, 4.6), dec(rng, 0.7, 1.1));
    s.imaging = format!("X-ray pelvis and {side} hip: {}.", fx_words.replace("[[fx:", "[[fx2:"));
    let on_ac = a.pf.others.contains(&Other::AfibParoxysmal);
    let anticoag = if on_ac { "hold home anticoagulant (last dose yesterday)" } else { "no anticoagulant to hold" };
    s.ap.push(format!("{}: {} planned {}; NPO after midnight, {anticoag}, {}, medicine co-management.", format!("[[fx:{}]]", capitalize(&strip_marks(&fx_words))), op_words.replace("[[op:", "").replace("]]", "").to_lowercase(), rng.pick(&["tomorrow", "in the morning", "on the next OR day"]), rng.pick(&["fascia iliaca block and scheduled acetaminophen", "IV morphine PRN and acetaminophen", "femoral nerve block, acetaminophen"])));
    s.ap.push("Fall: [[fall2:mechanical fall]], no syncope; PT/OT post-op; fall precautions.".into());
    let or_day = 2u16;
    let (anes, ebl) = (rng.say(&["Spinal with sedation", "General endotracheal", "Spinal anesthesia with MAC"]), rng.range(150, 400));
    let head_mm = rng.range(42, 52);
    let desc = match v {
        1 => format!("Patient positioned supine on the fracture table with gentle traction. Lateral approach to the proximal femur through a 10 cm incision; vastus lateralis elevated. The fracture was exposed and [[op:reduced under direct vision with a bone hook and provisional K-wire]], reduction confirmed on AP and lateral fluoroscopy. Guide pin placed in center-center position; reamed; [[op:lag screw and 4-hole side plate placed]], compression applied. Wound irrigated and closed in layers."),
        2 => format!("Supine on the fracture table; fracture confirmed nondisplaced on fluoroscopy, no reduction required. Through three [[op:stab incisions]] on the lateral thigh, guide pins placed in an inverted triangle and [[op:three 7.3 mm cannulated screws]] advanced across the fracture under fluoroscopy. Incisions closed with staples."),
        _ => {
            let fix = if v == 6 { "[[op:press-fit uncemented]]" } else { "[[op:cemented]]" };
            if rng.chance(0.5) {
                format!("Lateral decubitus position. Posterolateral approach to the {side} hip; short external rotators tagged and released; capsulotomy. The femoral head was removed and sized; femoral neck osteotomy completed. Canal broached; {fix} femoral stem placed with [[op:a {head_mm} mm unipolar cobalt-chromium head]] on a standard neck, reduced, stable through range of motion. Capsule and rotators repaired; layered closure.")
            } else {
                format!("Supine on a standard table, {side} hip bumped. Direct lateral (Hardinge) approach; anterior third of the gluteus medius elevated with the vastus lateralis. T-capsulotomy; neck cut 1 cm above the lesser trochanter and the head extracted with a corkscrew, measured at {head_mm} mm. Sequential broaching; {fix} stem implanted in neutral version. [[op:Unipolar cobalt-chromium head, {head_mm} mm]], trialed and impacted; hip reduced, stable in flexion and internal rotation and in extension. Abductors repaired through drill holes; fascia, subcutaneous tissue and skin closed.")
            }
        }
    };
    let note = op_note(rng, &capitalize(&strip_marks(&fx_words)), "Same", &op_words, &anes, "Fracture as described", &desc, ebl, if matches!(v, 0 | 3 | 4 | 5 | 6 | 7) { "Femoral head to pathology" } else { "None" }, "Attending orthopaedic surgeon");
    s.docs.push((DocumentKind::OperativeNote, "Operative Report".into(), or_day, note));
    let hgb1 = dec(rng, 7.6, 8.6);
    s.progress.push(prog(3, rng.say(&["POD 1: pain controlled, worked with PT, stand-pivot transfers to chair.", "POD 1. Pain 4/10. Mobilized to chair with PT.", "POD 1: slept well with the block; stood at the bedside with a walker and two assists.", "POD 1. Sore but comfortable on scheduled acetaminophen; voiding after catheter removal; ate breakfast."]), if v == 3 { format!("[[hgb:Hgb {hgb1} this morning (pre-op {hgb0})]]; HR 102, BP 104/60. Dressing dry.") } else { format!("Hgb {}. Dressing clean, dry, intact. NV intact.", dec(rng, 9.8, 11.2)) }, if v == 3 { "S/p surgery POD 1: continue PT, WBAT. [[hgb2:Post-op Hgb down; repeat CBC in AM, 500 mL LR bolus]].".into() } else { format!("POD 1: WBAT, PT/OT, {}, multimodal analgesia.", if on_ac { "home anticoagulant resumed (covers VTE prophylaxis)" } else { "enoxaparin for VTE prophylaxis" }) }));
    if rng.chance(0.6) {
        let rcri = rng.range(0, 1);
        let mets = rng.pick(&["able to climb a flight of stairs before the fall", "walked a mile daily before the fall", "does housework and gardening without symptoms"]).to_string();
        let cons = rng.vary(&format!("Reason: preoperative medical evaluation, hip fracture.\nFunctional capacity: {mets}. No active cardiac conditions; no chest pain, syncope or heart failure symptoms.\nExam: lungs clear, RRR, no murmur.\nECG sinus rhythm, no acute changes. {{Labs reviewed; electrolytes normal.|BMP and CBC reviewed.}}\nRevised cardiac risk index {rcri}. Acceptable risk for surgery; no further cardiac testing needed.\nRecommendations: proceed with surgery; resume home medications post-op; multimodal analgesia, avoid sedatives at night; {{daily CBC x 2|CBC on POD 1}}; early mobilization.\nHospital medicine, co-management"));
        s.docs.push((DocumentKind::Consultation, "Hospital Medicine Co-management Consultation".into(), 1, cons));
    }
    if los >= 4 && v != 5 && rng.chance(0.5) {
        let o4 = format!("{}. Incision dry; calf soft.", vit(dec(rng, 36.6, 37.3), rng.range(72, 90), rng.range(118, 142), rng.range(64, 80), 16, rng.range(94, 98), "on room air"));
        s.progress.push(prog(4, rng.say(&["POD 2: walked {20|30|40} feet with a walker; pain 3/10; bowel movement today.", "POD 2. Slept well; pain controlled on oral agents; up to the bathroom with assist."]), o4, rng.say(&["Progressing with PT/OT; discharge planning with case management.", "WBAT, PT/OT BID, bowel regimen; disposition per PT."])));
    }
    if v == 5 {
        s.progress.push(prog(4, "Nursing reports new sacral skin breakdown.".into(), "Sacrum with 2 x 1.5 cm partial-thickness open area, pink wound bed, no slough. Admission skin assessment documented intact skin.".into(), "[[pu:Stage 2 pressure injury of the sacrum, developed after admission]]: wound care RN consulted, offloading, turn q2h.".into()));
    }
    s.admit_dx = format!("{} hip fracture", capitalize(side));
    let fx_cap = format!("[[fx:{}]]", capitalize(&strip_marks(&fx_words)));
    s.ds_dx.push(format!("{fx_cap}, closed, after a fall"));
    if osteo {
        s.ds_dx[0] = format!("Fragility fracture: {} in a patient with [[osteo:age-related osteoporosis]] after a fall from standing height", strip_marks(&fx_words));
        s.ds_dx.push("[[osteo:Osteoporosis]] on bisphosphonate therapy".into());
    }
    if v == 5 {
        s.ds_dx.push("[[pu:Stage 2 sacral pressure injury]], hospital-acquired".into());
    }
    s.procs.push(format!("{} (hospital day {or_day})", op_words));
    s.consults.push("Hospital medicine co-management".into());
    s.consults.push("Physical and occupational therapy".into());
    let hgb_course = if v == 3 { format!("[[hgb:Hemoglobin fell from {hgb0} pre-op to a nadir of {hgb1}]] with mild tachycardia; treated with a fluid bolus and monitored with serial CBCs, stable at discharge.") } else { "Post-op hemoglobin stable.".to_string() };
    let opw = strip_marks(&op_words).to_lowercase();
    let hip_course = match rng.below(3) {
        0 => format!("Admitted to orthopaedics with medicine co-management. Cleared for surgery and underwent {opw} on hospital day {or_day} without complication. Weight bearing as tolerated; PT/OT daily. {hgb_course}"),
        1 => format!("Pain controlled preoperatively with a regional block. Taken to the OR on hospital day {or_day} for {opw}; uneventful anesthesia and recovery. Mobilized with PT on POD 1, weight bearing as tolerated. {hgb_course} Bowel regimen effective; no delirium."),
        _ => format!("Hospital day {or_day}: {opw}, no intraoperative issues. Post-op x-rays satisfactory. Progressed from bed-to-chair to hallway ambulation with a walker over the following days. {hgb_course} Wound dry at discharge."),
    };
    s.course.push(("Hip fracture".into(), hip_course));
    s.course.push(("Fall".into(), rng.say(&["Mechanical fall without syncope; orthostatic vitals negative; home safety evaluation recommended.", "Trip-and-fall without prodrome; ECG and telemetry unremarkable; no further syncope work-up needed. Home safety review by OT.", "Mechanical fall; no dizziness, no arrhythmia on telemetry. Footwear and home hazards reviewed with the family."])));
    if osteo {
        s.course.push(("Osteoporosis".into(), "Fragility fracture on alendronate; endocrinology referral for consideration of anabolic therapy; continue calcium and vitamin D.".into()));
    }
    if !on_ac {
        s.new_meds.push("enoxaparin 40 mg subcut daily x 4 weeks".into());
    }
    s.new_meds.push("oxycodone 5 mg PO q6h PRN severe pain, #20".into());
    s.new_meds.push("acetaminophen 1000 mg PO q8h".into());
    if osteo {
        s.new_meds.push("continue [[bisph:alendronate 70 mg PO weekly]]".into());
    }
    s.follow.push("Orthopaedics in 2 weeks for staple removal and x-rays".into());
    s.condition = "Stable.".into();
    render(&mut a, rng, &s);
    if osteo {
        let c = if right { "M80.051A" } else { "M80.052A" };
        a.dx(c, Y, &["osteo", "fx"], "A patient with known osteoporosis who breaks a hip in a fall from standing height, trauma that would not break a normal bone, is coded to M80 (osteoporosis with current pathological fracture), not to the traumatic S72 fracture; 7th character A for active treatment.", vec![guideline("OCG I.C.13.d.2"), tabular("M80 7th character A initial encounter for fracture")]);
        a.nc("Traumatic femoral neck fracture code", Some(fx_code), &["fx"], "Known osteoporosis with a fracture from minor trauma takes M80, not S72.", vec![guideline("OCG I.C.13.d.2")]);
        a.dx_late("Z79.83", Poa::Exempt, &["bisph"], "Long-term (current) use of a bisphosphonate (alendronate).", vec![guideline("OCG I.C.21.c.3")]);
    } else {
        a.dx(fx_code, Y, &["fx"], "The femoral neck fracture treated surgically is principal; the site (midcervical/transcervical or basicervical), displacement, laterality and 7th character A (closed fracture, active treatment) come from the provider's documentation.", vec![guideline("OCG I.C.19.a"), guideline("OCG I.C.19.c.1"), tabular("S72 A fracture not indicated as displaced or nondisplaced should be coded to displaced")]);
    }
    if v == 5 {
        a.dx("L89.152", N, &["pu"], "Stage 2 sacral pressure ulcer that developed after admission (skin intact on the admission assessment): POA N.", vec![guideline("OCG I.C.12.a"), guideline("OCG Appendix I POA")]);
    }
    a.dx_late("W01.0XXA", Y, &["fall"], "Fall on the same level from slipping or tripping without striking an object: the external cause of the fracture, initial encounter; it happened before admission, so POA Y.", vec![guideline("OCG I.C.20.a"), guideline("OCG Appendix I POA")]);
    a.dx_late(place_code, Poa::Exempt, &["place"], &format!("Place of occurrence: {place_why}, reported once at the initial encounter; exempt from POA reporting. No activity or status is documented, so no Y93 or Y99 code."), vec![guideline("OCG I.C.20.b")]);
    let pcs_rules = match v {
        1 => vec![guideline("PCS B3.15"), guideline("PCS B3.1b")],
        2 => vec![guideline("PCS B3.15")],
        _ => vec![guideline("PCS B3.1b")],
    };
    a.pcs(pcs, &["op"], pcs_why, pcs_rules);
    a.nc("Hip pain and inability to bear weight", Some("M25.551"), &["sx"], "Pain is integral to the fracture.", vec![guideline("OCG I.B.5")]);
    if v == 3 {
        a.query(
            "Postoperative hemoglobin drop without a documented diagnosis",
            "Clinical indicators: Hgb fell from the pre-operative value to a nadir near 8 on POD 1 after hemiarthroplasty (EBL documented), with HR 102 and BP 104/60; treated with an IV fluid bolus and serial CBCs. Please document the clinical significance, if any: [ ] Acute blood loss anemia [ ] Expected postoperative dilutional drop, not clinically significant [ ] Other (please specify) [ ] Unable to determine",
            &["hgb", "hgb2"],
            "A falling hemoglobin that is monitored and treated suggests acute blood loss anemia, but the provider never names it; D62 is not coded from lab values. Query without suggesting the answer.",
        );
        a.nc("Low postoperative hemoglobin", Some("D62"), &["hgb"], "Not coded from lab values alone; awaiting the query response.", vec![guideline("OCG III.B")]);
    }
    a.finish()
}

fn appendicitis(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 19, 64);
    let k = rng.range(0, 2) as usize;
    let pf = profile(rng, age, sex, 0.1, 0.2, None, None, k, &[Other::Copd, Other::Cad, Other::AfibParoxysmal, Other::Alzheimers]);
    let (los, status) = los_status(rng, if v == 2 || v == 3 { 3 } else { 1 }, if v == 2 || v == 3 { 5 } else { 2 }, &[1]);
    let diff = match v {
        0 => Difficulty::Foundation,
        1 | 4 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let title = rng.say(&["Inpatient surgical admission: right lower quadrant pain", "General surgery admission: abdominal pain and fever", "Inpatient: periumbilical pain migrating to the RLQ"]);
    let mut a = Adm::new(rng, n, &title, true, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let hrs = rng.range(14, 60);
    let (post, code, why_dx) = match v {
        1 => ("[[dx:acute appendicitis with localized peritonitis]], no perforation or gangrene", "K35.30", "Acute appendicitis with localized peritonitis, documented without perforation or gangrene: K35.30."),
        2 => ("[[dx:perforated gangrenous appendicitis with localized peritonitis, no abscess]]", "K35.32", "Perforated gangrenous appendicitis with localized peritonitis and no abscess: K35.32 is the combination code for all four elements."),
        3 => ("[[dx:acute appendicitis with generalized (diffuse) peritonitis]], no perforation or abscess", "K35.200", "Acute appendicitis with generalized peritonitis without perforation or abscess: K35.200."),
        4 => ("[[dx:acute gangrenous appendicitis without perforation]]", "K35.891", "Acute appendicitis with gangrene and no perforation or peritonitis documented: K35.891 (other acute appendicitis without perforation, with gangrene)."),
        _ => ("[[dx:acute appendicitis]]", "K35.80", "Acute appendicitis without perforation, gangrene, abscess or peritonitis documented: K35.80 (unspecified acute appendicitis)."),
    };
    let mut s = Sc { service: "General Surgery", ..Default::default() };
    s.cc = rng.say(&["Abdominal pain.", "Right lower quadrant pain.", "Belly pain and nausea."]);
    s.hpi = rng.vary(&format!("{who} with {hrs} hours of [[sx:periumbilical pain migrating to the right lower quadrant, anorexia and nausea]]{{| with one episode of emesis}}. {{Subjective fevers at home.|Low-grade fever at home.}} No diarrhea, no urinary symptoms{}.", if sex == Sex::Female { ", LMP 2 weeks ago, hCG negative" } else { "" }));
    s.ros = ros(rng, "Positive for abdominal pain, nausea, anorexia.", &["abd", "gi", "bowel", "fever"]);
    s.vitals = vit(dec(rng, 37.6, 38.8), rng.range(92, 112), rng.range(118, 138), rng.range(70, 86), 18, 98, "on room air");
    s.exam.push(("Abdomen", if v == 3 { "Diffusely tender with guarding and rebound throughout".into() } else { rng.say(&["Tender at McBurney's point with rebound and voluntary guarding", "RLQ tenderness, positive Rovsing sign, localized guarding"]) }));
    s.labs = format!("WBC {} with {}% neutrophils. Hgb {}. BMP unremarkable. Lipase normal. UA negative.", dec(rng, 13.1, 19.4), rng.range(78, 90), dec(rng, 12.4, 15.2));
    s.imaging = rng.vary(&format!("CT abdomen/pelvis with contrast: dilated appendix {{11|12|14}} mm with periappendiceal fat stranding{}.", if v == 2 { ", appendicolith and small amount of extraluminal air, no drainable collection" } else { ", no abscess" }));
    s.ap.push(rng.vary("Acute appendicitis: NPO, IV fluids, IV piperacillin-tazobactam, to OR for laparoscopic appendectomy{| tonight| this evening}."));
    let desc = rng.vary(&format!("Supine, general anesthesia. Umbilical Hasson port placed under direct vision, pneumoperitoneum established; 5 mm ports suprapubic and left lower quadrant. Findings as noted. The mesoappendix was divided with the harmonic scalpel; the appendiceal base was ligated with an endoscopic stapler and [[op:the appendix removed entirely]] in an Endo Catch bag. {}Irrigation until clear; hemostasis confirmed. Ports removed under vision and fascia closed.", if v == 2 || v == 3 { "Purulent fluid suctioned from the pelvis and right paracolic gutter. " } else { "" }));
    let findings = match v {
        2 => "Gangrenous appendix with perforation at the tip, localized purulent fluid in the RLQ, no abscess cavity.",
        3 => "Inflamed appendix without perforation; turbid fluid throughout the abdomen, diffuse peritonitis.",
        4 => "Gangrenous appendix without perforation; no free fluid.",
        1 => "Inflamed appendix with fibrinous exudate and localized peritonitis in the RLQ; no perforation or gangrene.",
        _ => "Acutely inflamed, nonperforated appendix.",
    };
    let ebl = rng.range(5, 25);
    let note = op_note(rng, "Acute appendicitis", post, "[[op:Laparoscopic appendectomy]]", "General endotracheal", findings, &desc, ebl, "Appendix to pathology", "Attending general surgeon");
    s.docs.push((DocumentKind::OperativeNote, "Operative Report".into(), 1, note));
    let (alen, adia) = (rng.range(6, 9), dec(rng, 0.9, 1.5));
    let gross = format!("An appendix {alen} cm in length and {adia} cm in maximum diameter with attached mesoappendix. {}", match v {
        2 => "The serosa is dusky green-black with a 0.4 cm perforation at the tip; the lumen contains a fecalith and purulent material.",
        4 => "The serosa is dusky and focally black; no perforation is identified. The wall is friable.",
        0 => "The serosa is pink-tan and smooth; the lumen contains soft tan material. No perforation.",
        _ => "The serosa is hyperemic with a tan fibrinous exudate; no perforation. The lumen is dilated.",
    });
    let micro = match v {
        2 => "Transmural acute inflammation with extensive mural necrosis and a perforation; serositis with fibrinopurulent exudate. No neoplasm.",
        4 => "Transmural acute inflammation with ischemic necrosis of the wall (gangrene); serosa without perforation. No neoplasm.",
        0 => "Neutrophils infiltrate the mucosa and muscularis propria with mucosal ulceration; the serosa is unremarkable. No neoplasm.",
        _ => "Transmural neutrophilic infiltrate with mucosal ulceration and a fibrinopurulent serosal exudate. No neoplasm.",
    };
    let pdx = match v {
        2 => "Appendix, appendectomy: acute gangrenous appendicitis with perforation and periappendicitis. Negative for neoplasm.",
        4 => "Appendix, appendectomy: acute gangrenous appendicitis, no perforation identified. Negative for neoplasm.",
        0 => "Appendix, appendectomy: acute appendicitis. Negative for neoplasm.",
        _ => "Appendix, appendectomy: acute suppurative appendicitis with periappendicitis. Negative for neoplasm.",
    };
    let report = path_report(rng, "Appendix", "Right lower quadrant pain; acute appendicitis.", &gross, micro, pdx);
    s.docs.push((DocumentKind::PathologyReport, "Surgical Pathology Report".into(), 2, report));
    s.progress.push(prog(2, "POD 1: tolerating clears, pain controlled, ambulating.".into(), format!("{}. Incisions clean.", vit(dec(rng, 36.8, 37.6), rng.range(72, 90), 122, 74, 16, 98, "on room air")), if v == 2 || v == 3 { "Continue IV piperacillin-tazobactam for 4 days total given peritonitis; advance diet.".into() } else { "Advance diet; discharge when tolerating regular diet.".into() }));
    s.admit_dx = "Acute appendicitis".into();
    s.ds_dx.push(capitalize(post));
    s.procs.push("[[op:Laparoscopic appendectomy]], hospital day 1".into());
    s.course.push(("Appendicitis".into(), format!("Taken to the OR on the day of admission for laparoscopic appendectomy. Operative findings: {} {} Pathology confirmed the diagnosis.", findings.to_lowercase(), if v == 2 || v == 3 { "Completed a short course of IV antibiotics, then oral amoxicillin-clavulanate." } else { "No post-op antibiotics needed." })));
    s.new_meds.push("oxycodone 5 mg PO q6h PRN pain, #10".into());
    s.new_meds.push("ibuprofen 600 mg PO q6h PRN".into());
    if v == 2 || v == 3 {
        s.new_meds.push("amoxicillin-clavulanate 875-125 mg PO BID x 3 days".into());
    }
    s.follow.push("General surgery clinic in 2 weeks".into());
    s.condition = "Good.".into();
    render(&mut a, rng, &s);
    a.dx(code, Y, &["dx"], &format!("{why_dx} The final diagnosis comes from the surgeon's postoperative documentation."), vec![guideline("OCG II"), guideline("OCG I.B.9")]);
    a.pcs("0DTJ4ZZ", &["op"], "Laparoscopic appendectomy: Resection (the whole appendix cut out), body part appendix, percutaneous endoscopic approach, no device.", vec![guideline("PCS B3.8"), guideline("PCS B3.1b")]);
    a.nc("RLQ pain, nausea, anorexia", Some("R10.31"), &["sx"], "Symptoms integral to appendicitis are not coded.", vec![guideline("OCG I.B.5")]);
    a.finish()
}

fn cholecystitis(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = if rng.chance(0.65) { Sex::Female } else { Sex::Male };
    let age = age_in(rng, 32, 84);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.3, 0.5, None, None, k, &[Other::Alzheimers]);
    let (los, status) = los_status(rng, 2, 4, &[1, 1, 6]);
    // The operation is on hospital day 2 (day 3 after pancreatitis settles) and the patient leaves no earlier than
    // POD 1; an uncomplicated laparoscopic cholecystectomy needs home health only in an older patient.
    let or_day: u16 = if v == 4 { 3 } else { 2 };
    let los = los.max(or_day);
    let status = if status == 6 && age < 78 { 1 } else { status };
    let diff = match v {
        0 | 5 => Difficulty::Foundation,
        1 | 2 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let title = rng.say(&["Inpatient surgical admission: right upper quadrant pain", "General surgery admission: epigastric and RUQ pain with vomiting", "Inpatient: RUQ pain after a fatty meal"]);
    let mut a = Adm::new(rng, n, &title, true, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let panc = v == 4;
    let lip = if panc { rng.range(1200, 4800) } else { rng.range(20, 60) };
    let mut s = Sc { service: "General Surgery", ..Default::default() };
    s.cc = rng.say(&["Right upper quadrant pain.", "Abdominal pain and vomiting.", "Epigastric pain."]);
    s.hpi = rng.vary(&format!("{who} with {{1|2|3}} days of [[sx:constant RUQ{} pain radiating to the right scapula, nausea and vomiting]] {{after a fatty meal|that began after dinner}}. {{Prior episodes of postprandial pain|Similar but shorter episodes over several months}}. {{Subjective fever.|Chills at home.}}", if panc { " and epigastric" } else { "" }));
    s.ros = ros(rng, "Positive for abdominal pain, nausea, vomiting.", &["abd", "gi", "fever", "bowel"]);
    s.vitals = vit(dec(rng, 37.4, 38.6), rng.range(88, 108), rng.range(124, 150), rng.range(72, 90), 18, 97, "on room air");
    s.exam.push(("Abdomen", rng.say(&["RUQ tenderness with positive Murphy sign, no rebound", "Tender RUQ with inspiratory arrest (Murphy), mild guarding"])));
    s.labs = format!("WBC {}. T bili {}, ALP {}, AST {}, ALT {}. Lipase {lip}. Cr {}.", dec(rng, 11.4, 17.8), dec(rng, 0.6, if v == 1 || panc { 2.8 } else { 1.2 }), rng.range(80, 180), rng.range(28, 140), rng.range(30, 160), dec(rng, 0.7, 1.1));
    s.imaging = match v {
        2 => "RUQ ultrasound: distended gallbladder with wall thickening 6 mm, pericholecystic fluid, sonographic Murphy sign; [[nostone:no gallstones identified]]. CBD 4 mm.".into(),
        4 => "RUQ ultrasound: multiple small gallstones, no wall thickening or pericholecystic fluid, CBD 5 mm. CT: edematous pancreas with peripancreatic stranding, no necrosis.".into(),
        _ => rng.say(&["RUQ ultrasound: cholelithiasis with a stone in the gallbladder neck, wall thickening 5 mm, pericholecystic fluid, positive sonographic Murphy sign. CBD 4 mm.", "RUQ US: multiple gallstones, gallbladder wall thickening and pericholecystic fluid; CBD not dilated."]),
    };
    let (post, code, why_dx) = match v {
        1 => ("[[dx:acute calculous cholecystitis with obstruction (stone impacted in the cystic duct)]]", "K80.01", "Gallstone with acute cholecystitis and obstruction (impacted cystic duct stone): K80.01."),
        2 => ("[[dx:acute acalculous cholecystitis]]", "K81.0", "Acute cholecystitis without gallstones: K81.0."),
        3 => ("[[dx:acute and chronic calculous cholecystitis]]", "K80.12", "Calculus of the gallbladder with acute and chronic cholecystitis, without obstruction: K80.12 (the combination code captures both acuities)."),
        4 => ("[[dx:acute gallstone (biliary) pancreatitis]], mild, without necrosis or infection", "K85.10", "Acute biliary (gallstone) pancreatitis without necrosis or infection is the reason for admission: K85.10."),
        _ => ("[[dx:acute calculous cholecystitis]]", "K80.00", "Gallbladder stones with acute cholecystitis and no obstruction: K80.00, a combination code."),
    };
    s.ap.push(if panc { "Acute gallstone pancreatitis, mild: IV fluids, analgesia, trend LFTs; cholecystectomy this admission once pain and lipase improve.".into() } else { rng.say(&["Acute cholecystitis: NPO, IV fluids, IV ceftriaxone and metronidazole; laparoscopic cholecystectomy {tomorrow|when OR available}.", "Acute cholecystitis: bowel rest, IV antibiotics, surgery for laparoscopic cholecystectomy."]) });
    let findings = match v {
        1 => "Distended, edematous gallbladder with a stone impacted in the cystic duct.",
        2 => "Distended, inflamed gallbladder without palpable stones.",
        3 => "Thick-walled, contracted, inflamed gallbladder with dense adhesions and multiple stones.",
        4 => "Mildly inflamed gallbladder with small stones; no acute cholecystitis.",
        _ => "Acutely inflamed, edematous gallbladder with stones.",
    };
    let desc = "Supine, general anesthesia. Pneumoperitoneum via umbilical port; three additional 5 mm ports. Gallbladder retracted cephalad; critical view of safety obtained. Cystic duct and cystic artery clipped and divided. [[op:Gallbladder dissected off the liver bed with electrocautery and removed]] in a retrieval bag through the umbilical port. Hemostasis confirmed; ports removed under vision; fascia closed.".to_string();
    let ebl = rng.range(10, 40);
    let note = op_note(rng, if panc { "Gallstone pancreatitis, cholelithiasis" } else { "Acute cholecystitis" }, post, "[[op:Laparoscopic cholecystectomy]]", "General endotracheal", findings, &desc, ebl, "Gallbladder to pathology", "Attending general surgeon");
    s.docs.push((DocumentKind::OperativeNote, "Operative Report".into(), or_day, note));
    let path = match v {
        1 => "Acute cholecystitis with cholelithiasis, stone impacted in the cystic duct",
        0 | 5 => "Acute cholecystitis with cholelithiasis",
        2 => "Acute cholecystitis; no calculi identified",
        3 => "Acute and chronic cholecystitis with cholelithiasis",
        _ => "Cholelithiasis; gallbladder wall without significant inflammation",
    };
    let (glen, wall, nstones) = (rng.range(7, 11), rng.range(3, 7), rng.range(3, 14));
    let gross = format!("A gallbladder {glen} x {} cm, opened. The wall measures up to {wall} mm. {}", rng.range(3, 5), match v {
        2 => "The mucosa is hemorrhagic and edematous; no calculi are present in the specimen or container.".to_string(),
        1 => format!("The serosa is congested. {nstones} yellow faceted stones up to 1.{} cm; one stone is impacted in the cystic duct.", rng.range(0, 8)),
        4 => format!("The serosa is smooth and glistening; the mucosa is green-tan and velvety. {nstones} small yellow stones up to 0.{} cm.", rng.range(4, 9)),
        _ => format!("The serosa is dull with fibrinous adhesions; the mucosa is ulcerated. {nstones} mixed stones up to 1.{} cm.", rng.range(0, 9)),
    });
    let micro = match v {
        2 => "Transmural edema, hemorrhage and neutrophilic infiltrates with mucosal necrosis. No calculi. No dysplasia.",
        3 => "Acute inflammation with neutrophils and mucosal ulceration superimposed on mural fibrosis, Rokitansky-Aschoff sinuses and lymphoplasmacytic infiltrates. No dysplasia.",
        4 => "Intact mucosa without significant inflammation; Rokitansky-Aschoff sinuses are not prominent. No dysplasia or malignancy.",
        _ => "Mural edema and congestion with transmural neutrophilic infiltrates and focal mucosal ulceration. No dysplasia or malignancy.",
    };
    let pdx = format!("Gallbladder, cholecystectomy: {}.", path.to_lowercase());
    let report = path_report(rng, "Gallbladder", if panc { "Gallstone pancreatitis." } else { "Acute cholecystitis." }, &gross, micro, &pdx);
    s.docs.push((DocumentKind::PathologyReport, "Surgical Pathology Report".into(), or_day + 1, report));
    s.progress.push(prog(or_day + 1, "POD 1: tolerating diet, pain controlled on oral agents.".into(), format!("{}. Port sites clean.", vit(36.8, rng.range(70, 88), 126, 76, 16, 98, "on room air")), "Advance diet; anticipate discharge.".into()));
    s.admit_dx = if panc { "Acute pancreatitis".into() } else { "Acute cholecystitis".into() };
    s.ds_dx.push(capitalize(post));
    if panc {
        s.ds_dx.push("[[stones:Cholelithiasis without cholecystitis]]".into());
        s.course.push(("Pancreatitis".into(), format!("Lipase {lip} on admission with typical pain; CT showed interstitial edematous pancreatitis. Treated with IV fluids and analgesia; pain and lipase improved by day 3. LFTs normalized; no choledocholithiasis on MRCP.")));
    }
    s.procs.push(format!("[[op:Laparoscopic cholecystectomy]], hospital day {or_day}"));
    s.course.push(("Gallbladder".into(), format!("Underwent laparoscopic cholecystectomy on hospital day {or_day}. Findings: {} Pathology: {}. Diet advanced without difficulty.", findings.to_lowercase(), path.to_lowercase())));
    s.new_meds.push("oxycodone-acetaminophen 5-325 mg PO q6h PRN pain, #12".into());
    s.follow.push("General surgery clinic in 2 weeks".into());
    s.condition = "Good.".into();
    render(&mut a, rng, &s);
    let mut rules = vec![guideline("OCG II"), guideline("OCG I.B.9")];
    if panc {
        rules.push(tabular("K85.1 Biliary acute pancreatitis (gallstone pancreatitis)"));
    }
    a.dx(code, Y, &["dx"], why_dx, rules);
    if panc {
        a.dx("K80.20", Y, &["stones"], "The gallstones without cholecystitis, which were the cause of the pancreatitis and the reason for the cholecystectomy, are coded in addition.", vec![guideline("OCG III")]);
    }
    if v == 2 {
        a.nc("Gallstones", Some("K80.00"), &["nostone"], "No stones were found; acalculous cholecystitis is K81.0, not a K80 code.", vec![guideline("OCG I.A.12.a")]);
    }
    a.pcs("0FT44ZZ", &["op"], "Laparoscopic cholecystectomy: Resection of the gallbladder, percutaneous endoscopic approach.", vec![guideline("PCS B3.8")]);
    a.nc("RUQ pain, nausea and vomiting", Some("R10.11"), &["sx"], "Symptoms integral to the gallbladder disease are not coded.", vec![guideline("OCG I.B.5")]);
    a.finish()
}

fn knee(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 56, 82);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.3, 0.6, None, None, k, &[Other::OaKnees, Other::Alzheimers, Other::MorbidObesity]);
    let (los, status) = los_status(rng, 1, 3, &[1, 6, 6]);
    let diff = match v {
        0 | 1 => Difficulty::Foundation,
        2 | 4 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let right = match v {
        0 | 3 => true,
        1 | 2 => false,
        _ => rng.chance(0.5),
    };
    let side = if right { "right" } else { "left" };
    let title = "Elective inpatient surgery: knee arthroplasty".to_string();
    let mut a = Adm::new(rng, n, &title, true, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let (oa, code) = if v == 3 { (format!("[[oa:post-traumatic osteoarthritis of the right knee]] (tibial plateau fracture {} years ago, healed)", rng.range(10, 25)), "M17.31") } else if right { ("[[oa:primary osteoarthritis of the right knee]]".to_string(), "M17.11") } else { ("[[oa:primary osteoarthritis of the left knee]]".to_string(), "M17.12") };
    let cemented = v != 2;
    let pcs = match (right, cemented) {
        (true, true) => "0SRC0J9",
        (true, false) => "0SRC0JA",
        (false, true) => "0SRD0J9",
        (false, false) => "0SRD0JA",
    };
    let mut s = Sc { service: "Orthopaedic Surgery", ..Default::default() };
    s.cc = format!("Elective {side} total knee arthroplasty.");
    s.hpi = rng.vary(&format!("{who} with end-stage {oa} and years of [[sx:{side} knee pain and stiffness]] limiting walking to {{one block|less than a block}} despite {{injections, PT and NSAIDs|corticosteroid injections and bracing}}. Admitted for elective {side} TKA."));
    s.ros = ros(rng, "Positive for knee pain.", &["neuro"]);
    s.vitals = vit(36.6, rng.range(62, 84), rng.range(124, 146), rng.range(70, 86), 14, 98, "on room air");
    s.exam.push(("Extremities", format!("{} knee varus deformity, effusion, ROM 5–{} degrees, crepitus; NV intact", capitalize(side), rng.range(95, 110))));
    s.labs = format!("Pre-op: Hgb {}, Plt {}, BMP normal, INR 1.0.", dec(rng, 12.6, 14.8), rng.range(190, 330));
    s.imaging = format!("X-ray {side} knee: bone-on-bone medial joint space, osteophytes, subchondral sclerosis.");
    s.ap.push(format!("{}: {side} total knee arthroplasty today; periarticular injection, adductor canal block, VTE prophylaxis with aspirin, PT POD 0.", capitalize(&strip_marks(&oa))));
    let desc = format!("Supine, tourniquet applied. Medial parapatellar arthrotomy. Osteophytes removed; ACL and menisci excised. Distal femoral and proximal tibial cuts made with cutting guides; flexion and extension gaps balanced. Patella resurfaced. [[op:{} femoral, tibial and patellar components (posterior-stabilized) implanted with a polyethylene insert]]. Stable through range of motion. Layered closure.", if cemented { "Cemented" } else { "Uncemented (press-fit)" });
    let ebl = rng.range(100, 300);
    let note = op_note(rng, &strip_marks(&oa), "Same", &format!("[[op:{} total knee arthroplasty]]", capitalize(side)), "Spinal with adductor canal block", "Severe tricompartmental degenerative changes", &desc, ebl, "None", "Attending orthopaedic surgeon");
    s.docs.push((DocumentKind::OperativeNote, "Operative Report".into(), 1, note));
    let hgb1 = dec(rng, 8.4, 9.2);
    s.progress.push(prog(2, "POD 1: pain controlled, ambulated 40 feet with walker.".into(), if v == 4 { format!("Hgb {hgb1}, HR 104, lightheaded with PT.") } else { format!("Hgb {}. Dressing dry.", dec(rng, 10.6, 12.0)) }, if v == 4 { "[[abla:Acute blood loss anemia]] after TKA: orthostatic with PT, 1 L LR, repeat CBC, hold PT until tomorrow AM; no transfusion needed.".into() } else { "Continue PT, aspirin for VTE prophylaxis, multimodal analgesia.".into() }));
    s.admit_dx = format!("{} knee osteoarthritis, elective TKA", capitalize(side));
    s.ds_dx.push(capitalize(&oa));
    if v == 4 {
        s.ds_dx.push("[[abla:Acute blood loss anemia]], postoperative, resolved symptoms".into());
    }
    s.procs.push(format!("[[op:{} total knee arthroplasty]] ({}), hospital day 1", capitalize(side), if cemented { "cemented" } else { "uncemented" }));
    s.course.push(("Osteoarthritis / TKA".into(), "Uncomplicated TKA on the day of admission. PT twice daily; cleared stairs. Pain controlled with oral agents.".into()));
    if v == 4 {
        s.course.push(("Anemia".into(), format!("Hemoglobin dropped to {hgb1} with symptomatic orthostasis on POD 1, documented as [[abla:acute blood loss anemia]]; treated with fluids, improved without transfusion.")));
    }
    s.new_meds.push("aspirin 81 mg PO BID x 35 days (VTE prophylaxis)".into());
    s.new_meds.push("oxycodone 5 mg PO q4h PRN, #30".into());
    s.follow.push("Orthopaedics in 2 weeks for wound check".into());
    s.condition = "Good.".into();
    render(&mut a, rng, &s);
    a.dx(code, Y, &["oa"], "The osteoarthritis treated by the arthroplasty is principal; laterality and the primary/post-traumatic distinction decide the code.", vec![guideline("OCG II"), guideline("OCG I.B.13")]);
    if v == 4 {
        a.dx("D62", N, &["abla"], "Acute blood loss anemia documented by the surgeon after the operation: it developed after admission, so POA N. It is not a complication code because the provider does not call it a complication.", vec![guideline("OCG I.B.16"), guideline("OCG Appendix I POA")]);
    }
    a.pcs(pcs, &["op"], &format!("Total knee arthroplasty: Replacement, body part knee joint ({side}), open approach, synthetic substitute, qualifier {}.", if cemented { "cemented" } else { "uncemented" }), vec![guideline("PCS B3.1b")]);
    a.nc("Knee pain and stiffness", Some("M25.561"), &["sx"], "Pain is integral to the osteoarthritis.", vec![guideline("OCG I.B.5")]);
    a.finish()
}

// ---------------------------------------------------------------- more medical scenarios

fn copd(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 52, 86);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.3, 0.6, None, None, k, &[Other::Copd, Other::FormerSmoker, Other::Smoker]);
    let (los, status) = match v {
        1 => (rng.range(1, 2) as u16, 7),
        _ => los_status(rng, 3, 5, &[1, 6]),
    };
    let diff = match v {
        0 | 1 => Difficulty::Foundation,
        2 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let title = rng.say(&["Inpatient admission: wheezing and dyspnea", "Medical admission: worsening shortness of breath with cough", "Inpatient: increased sputum and dyspnea"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let ppd = *rng.pick(&["1", "1.5", "2"]);
    let pna = v == 2;
    let mut s = Sc::default();
    s.cc = rng.say(&["Shortness of breath.", "Wheezing and cough.", "Worsening dyspnea."]);
    s.pmh_extra = "[[copd:COPD (GOLD 3)]]".into();
    let inhaler = rng.say(&["tiotropium 18 mcg inhaled daily", "tiotropium-olodaterol 2 inhalations daily", "fluticasone-salmeterol 250/50 1 inhalation BID"]);
    // An inhaled corticosteroid on the home list is a long-term drug the tabular wants coded (Z79.51); the
    // bronchodilator-only inhalers are not.
    let ics = inhaler.contains("fluticasone") || inhaler.contains("budesonide");
    s.home_meds.push(if ics { format!("[[ics:{inhaler}]]") } else { inhaler });
    s.home_meds.push("albuterol HFA 2 puffs q4-6h PRN".into());
    s.social = format!("Current smoker, [[tob:{ppd} packs per day, nicotine dependent (cigarettes)]]. Lives with {}. No alcohol or drug use.", rng.pick(&["spouse", "son", "a roommate"]));
    s.hpi = rng.vary(&format!("{who} with COPD presents with {{3|4|5}} days of [[sx:increased dyspnea, wheezing and sputum production]]{}. Using albuterol every 2 hours without relief. {{No sick contacts.|Grandchild recently had a cold.}}", if pna { ", now with fever and green sputum" } else { "" }));
    s.ros = ros(rng, "Positive for dyspnea, cough, wheeze.", &["sob", "cough", "fever"]);
    // Only v3 teaches respiratory failure (and queries it); the others stay clearly below its indicators and below
    // sepsis criteria: SpO2 93% or more on room air, RR 22 or less, HR under 100, a modest WBC, a low procalcitonin.
    let spo2 = if v == 3 { rng.range(82, 86) } else { rng.range(93, 95) };
    s.vitals = vit(dec(rng, if pna { 38.2 } else { 36.7 }, if pna { 38.9 } else { 37.4 }), if v == 3 { rng.range(104, 116) } else { rng.range(86, 99) }, rng.range(128, 150), rng.range(70, 88), if v == 3 { rng.range(28, 34) } else { rng.range(20, 22) }, spo2, "on room air");
    s.exam.push(("Lungs", if v == 3 { "[[resp:Diffuse expiratory wheezes, prolonged expiration, accessory muscle use, speaking 2–3 words]]".into() } else { rng.say(&["Diffuse expiratory wheezes, prolonged expiratory phase", "Scattered wheezes and rhonchi, poor air movement"]) + if pna { ", crackles at the right base" } else { "" } }));
    s.labs = format!("WBC {}. VBG pH {}, pCO2 {}. BMP unremarkable. {}", if v == 3 { dec(rng, 8.2, 15.6) } else { dec(rng, 8.2, 11.6) }, if v == 3 { "7.29" } else { "7.37" }, if v == 3 { rng.range(58, 66) } else { rng.range(44, 50) }, if pna { "Procalcitonin 0.4." } else { "" });
    s.imaging = if pna { "CXR: right lower lobe consolidation, hyperinflation.".into() } else { "CXR: hyperinflation, no infiltrate.".into() };
    if pna {
        s.ap.push("[[pna:Community-acquired pneumonia of the right lower lobe]], the reason for this admission: IV ceftriaxone and azithromycin, blood and sputum cultures, incentive spirometry.".into());
    }
    s.ap.push(if pna { "[[dx:Acute exacerbation of COPD]] triggered by the pneumonia: prednisone 40 mg daily, DuoNebs q4h, titrate O2 to 88–92%.".into() } else { rng.say(&["[[dx:Acute exacerbation of COPD]]: prednisone 40 mg daily x 5 days, DuoNebs q4h, doxycycline, titrate O2 to 88–92%.", "[[dx:COPD with acute exacerbation]]: systemic steroids, scheduled nebs, azithromycin; O2 goal 88–92%."]) });
    if v == 3 {
        s.ap.push("[[resp2:Hypercapnia and tachypnea with SpO2 82–86%]]: BiPAP 12/5 overnight, repeat VBG, ICU aware.".into());
    }
    if v != 3 {
        // No oxygen need at these saturations: the order is a threshold, not a titration.
        for l in s.ap.iter_mut() {
            *l = l.replace("titrate O2 to 88–92%", "O2 only if SpO2 falls below 88%");
        }
    }
    s.ap.push("Tobacco: [[tob:nicotine dependence]], counseled 5 minutes; nicotine patch 21 mg offered.".into());
    s.progress.push(prog(2, rng.say(&["Breathing better, less wheeze.", "Still dyspneic with exertion, improved at rest."]), format!("{}. Fewer wheezes.", if v == 3 { vit(36.8, rng.range(84, 100), 134, 78, 20, 92, "on 2 L NC") } else { vit(36.8, rng.range(78, 92), 134, 78, 18, 95, "on room air") }), if v == 1 { "COPD exacerbation improving slowly; needs at least 1–2 more days of inpatient therapy. Patient wants to leave today for a family matter; risks discussed.".into() } else { if v == 3 { "COPD exacerbation improving; continue steroids and nebs, wean O2.".into() } else { "COPD exacerbation improving; continue steroids and nebs.".into() } }));
    s.admit_dx = if pna { "Right lower lobe pneumonia with COPD exacerbation".into() } else { "COPD exacerbation".into() };
    if pna {
        s.ds_dx.push("[[pna:Community-acquired pneumonia, right lower lobe]] (reason for admission)".into());
        s.ds_dx.push("[[dx:Acute exacerbation of COPD]] precipitated by the pneumonia".into());
    } else {
        s.ds_dx.push("[[dx:Acute exacerbation of chronic obstructive pulmonary disease]]".into());
    }
    s.ds_dx.push("[[tob:Nicotine dependence, cigarettes]]".into());
    if pna {
        s.course.push(("Pneumonia".into(), "Admitted for the right lower lobe pneumonia: IV ceftriaxone and azithromycin, then oral cefpodoxime; fever resolved by day 2; cultures without growth.".into()));
    }
    s.course.push(("COPD".into(), if pna { "The pneumonia set off a COPD exacerbation, treated alongside it with prednisone and scheduled bronchodilators; saturations stayed above 92% on room air.".into() } else if v == 3 { "[[resp2:Required BiPAP for the first night for hypercapnia (pCO2 in the 60s) and RR in the 30s]]; weaned to nasal cannula by day 2. Completed steroid burst.".into() } else { "Treated with prednisone, scheduled bronchodilators and antibiotics; stayed on room air.".into() }));
    s.new_meds.push("prednisone 40 mg PO daily to complete 5 days".into());
    if pna {
        s.new_meds.push("cefpodoxime 200 mg PO BID x 4 days".into());
    }
    s.new_meds.push("nicotine patch 21 mg/24 h daily".into());
    s.follow.push("Pulmonology in 2–4 weeks; PCP in 1 week".into());
    s.condition = if v == 1 { "Improved but treatment incomplete.".into() } else { "Stable.".into() };
    render(&mut a, rng, &s);
    if pna {
        a.dx("J18.9", Y, &["pna"], "The attending documents the pneumonia as the reason for admission and the COPD exacerbation as set off by it, so the pneumonia (organism not documented, J18.9) is principal. The \"code also\" note at J44.0 asks for both codes but gives no sequencing; the circumstances of admission decide it.", vec![guideline("OCG II"), guideline("OCG I.A.17"), tabular("J44.0 Code also to identify the infection")]);
        a.dx("J44.0", Y, &["copd", "pna"], "COPD with an acute lower respiratory infection (the pneumonia): J44.0 is reported with the infection code its note asks for.", vec![tabular("J44.0 Code also to identify the infection"), guideline("OCG I.C.10.a")]);
        a.dx("J44.1", Y, &["dx"], "The acute exacerbation is documented and treated (systemic steroids, scheduled bronchodilators), so J44.1 is reported in addition to J44.0; the two codes describe different aspects of the COPD.", vec![guideline("OCG I.C.10.a.1"), guideline("OCG III")]);
    } else {
        a.dx("J44.1", Y, &["dx", "copd"], "COPD with acute exacerbation, the reason for admission: J44.1.", vec![guideline("OCG II"), guideline("OCG I.C.10.a")]);
    }
    a.dx("F17.210", Y, &["tob"], "Nicotine dependence, cigarettes, uncomplicated; the respiratory chapter asks for the tobacco code with its diseases.", vec![tabular("J00-J99 Use additional code, where applicable, to identify tobacco dependence (F17.-)")]);
    if ics {
        a.dx_late("Z79.51", Poa::Exempt, &["ics"], "Long-term (current) use of an inhaled steroid: the home fluticasone-salmeterol inhaler is continued. Z79 codes are exempt from POA reporting.", vec![guideline("OCG I.C.21.c.3")]);
    }
    a.nc("Dyspnea, wheezing, sputum", Some("R06.2"), &["sx"], "Symptoms integral to the COPD exacerbation.", vec![guideline("OCG I.B.5")]);
    if v == 3 {
        a.query(
            "Respiratory indicators without a documented diagnosis",
            "Clinical indicators: SpO2 82–86% on room air, RR 28–34 with accessory muscle use, VBG pH 7.29 with pCO2 in the 60s, BiPAP required overnight. Please document the condition being treated, if any: [ ] Acute hypercapnic respiratory failure [ ] Acute hypoxic and hypercapnic respiratory failure [ ] Hypercapnia/hypoxemia without respiratory failure [ ] Other (please specify) [ ] Unable to determine",
            &["resp", "resp2"],
            "BiPAP and blood-gas values suggest respiratory failure, which would be a major secondary diagnosis, but the provider documents only the findings; nothing is coded for it until the query is answered.",
        );
    }
    a.finish()
}

fn nstemi(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 48, 84);
    let k = rng.range(1, 3) as usize;
    // The scenario writes its own lipid diagnosis and antithrombotic plan, so the profile holds no statin,
    // anticoagulant or antiplatelet drug that the new regimen would duplicate.
    let pf = profile(rng, age, sex, 0.4, 0.7, None, None, k, &[Other::Cad, Other::Alzheimers, Other::Hyperlipidemia, Other::AfibParoxysmal, Other::HxStroke]);
    let (los, status) = los_status(rng, 2, 4, &[1, 1, 6]);
    let diff = [Difficulty::Intermediate, Difficulty::Foundation, Difficulty::Advanced][v % 3];
    let title = rng.say(&["Inpatient admission: chest pressure", "Cardiology admission: chest pain with troponin rise", "Inpatient: substernal chest pain"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let tn = dec(rng, 0.8, 6.4);
    let artery = *rng.pick(&["proximal LAD", "mid RCA", "mid circumflex", "first obtuse marginal"]);
    let mut s = Sc { service: "Cardiology", ..Default::default() };
    s.cc = rng.say(&["Chest pressure.", "Chest pain.", "Substernal chest tightness."]);
    s.hpi = rng.vary(&format!("{who} with {{2 hours|several hours}} of [[sx:substernal chest pressure radiating to the left arm with diaphoresis]] at rest. {{Took aspirin at home.|Received aspirin 324 mg from EMS.}} ECG without ST elevation; initial troponin elevated."));
    s.ros = ros(rng, "Positive for chest pressure, diaphoresis.", &["cp", "sob", "palp"]);
    s.vitals = vit(36.7, rng.range(78, 98), rng.range(136, 164), rng.range(76, 92), 18, 96, "on room air");
    let ldl = rng.range(132, 178);
    s.labs = format!("High-sensitivity troponin {tn} ng/mL, rising on repeat. Hgb {}, Cr {}. Lipid panel: [[ldl:LDL {ldl}]], total cholesterol {}.", dec(rng, 12.4, 15.1), dec(rng, 0.8, 1.2), ldl + rng.range(55, 80));
    s.imaging = "ECG: sinus rhythm, 1 mm ST depression V4–V6, no ST elevation.".into();
    s.ap.push("[[mi:NSTEMI]]: aspirin, ticagrelor load, heparin drip, metoprolol; cardiac catheterization in the morning.".into());
    s.ap.push(rng.vary(&format!("[[hld:Hyperlipidemia]], new diagnosis, LDL {ldl}: start atorvastatin 80 mg nightly{{|, recheck lipids in 6 weeks}}.")));
    let (pci_words, findings) = match v {
        1 => (String::new(), format!("[[cad:Moderate nonobstructive coronary artery disease]] with 50% {artery} stenosis, [[ffr:fractional flow reserve (pressure wire) 0.86]], not hemodynamically significant; no culprit lesion suitable for PCI")),
        2 => ("[[pci:Drug-eluting stents to the proximal LAD and mid RCA (two arteries)]]".into(), "[[cad:Severe two-vessel coronary artery disease]]: 90% proximal LAD, 85% mid RCA".into()),
        _ => (format!("[[pci:One drug-eluting stent to the {artery}]]"), format!("[[cad:Coronary artery disease]] with 95% {artery} culprit stenosis; other vessels mild disease")),
    };
    let proc_note = format!("Procedure: [[cath:Left heart catheterization with selective coronary angiography]]{}.\nAccess: right radial artery, 6 Fr. Contrast: iohexol (low-osmolar), 140 mL.\nFindings: {findings}. LVEDP 18 mmHg.\n{}\nNo complications. Radial band applied.\nInterventional cardiologist", if v == 1 { "" } else { " and percutaneous coronary intervention" }, if v == 1 { "Medical management recommended.".to_string() } else { format!("Intervention: {pci_words}, post-dilated, TIMI 3 flow, 0% residual.") });
    s.docs.push((DocumentKind::OperativeNote, "Cardiac Catheterization Report".into(), 2, proc_note));
    s.progress.push(prog(3, "No recurrent chest pain. Radial site without hematoma.".into(), vit(36.6, 68, 124, 72, 16, 97, "on room air"), "NSTEMI s/p cath: DAPT, statin, beta blocker; cardiac rehab referral.".into()));
    s.admit_dx = "NSTEMI".into();
    s.ds_dx.push("[[mi:Non-ST elevation myocardial infarction (NSTEMI)]]".into());
    s.ds_dx.push(findings.clone());
    s.ds_dx.push("[[hld:Hyperlipidemia]], newly diagnosed, on high-intensity statin".into());
    s.procs.push("[[cath:Left heart catheterization with selective coronary angiography]], hospital day 2".into());
    if v != 1 {
        s.procs.push(format!("{pci_words}, hospital day 2"));
    }
    s.course.push(("NSTEMI".into(), format!("Troponin peaked at {}. Catheterization on hospital day 2 as above. Echo EF 50–55%. Started on guideline therapy.", D(tn.0 * 2.0))));
    s.new_meds.push("aspirin 81 mg PO daily".into());
    s.new_meds.push("ticagrelor 90 mg PO BID".into());
    s.new_meds.push("atorvastatin 80 mg PO nightly".into());
    s.new_meds.push("metoprolol succinate 25 mg PO daily".into());
    s.follow.push("Cardiology in 2 weeks; cardiac rehabilitation".into());
    s.condition = "Stable, chest pain free.".into();
    render(&mut a, rng, &s);
    a.dx("I21.4", Y, &["mi"], "NSTEMI within 4 weeks of onset is I21.4; an acute MI is sequenced before the coronary disease that caused it.", vec![guideline("OCG I.C.9.e.1"), guideline("OCG II")]);
    a.dx("I25.10", Y, &["cad"], "Coronary atherosclerosis of native vessels found at catheterization; no separate angina diagnosis (the chest pain is part of the MI).", vec![guideline("OCG I.C.9.b")]);
    a.dx("E78.5", Y, &["hld", "ldl"], "Hyperlipidemia diagnosed this admission and treated with a statin, type not specified: E78.5.", vec![guideline("OCG III")]);
    a.pcs("4A023N7", &["cath"], "Left heart catheterization: Measurement of cardiac sampling and pressure, left heart, percutaneous.", vec![guideline("PCS B3.2")]);
    a.pcs("B2111ZZ", &["cath"], "Coronary angiography of more than one coronary artery with low-osmolar contrast (iohexol): Fluoroscopy, multiple coronary arteries, contrast 1.", vec![guideline("PCS B3.2")]);
    match v {
        1 => a.pcs("4A033BC", &["ffr"], "Fractional flow reserve across the stenosis with a pressure wire: Measurement, arterial, pressure, coronary, percutaneous.", vec![guideline("PCS B3.2")]),
        2 => a.pcs("027134Z", &["pci"], "PCI with drug-eluting stents in two coronary arteries (LAD and RCA): Dilation, coronary artery two arteries, percutaneous, drug-eluting intraluminal device. Coronary arteries are coded by the number of arteries treated.", vec![guideline("PCS B4.4")]),
        _ => a.pcs("027034Z", &["pci"], "PCI with one drug-eluting stent in one coronary artery: Dilation, coronary artery one artery, percutaneous, drug-eluting intraluminal device.", vec![guideline("PCS B4.4")]),
    }
    a.nc("Chest pressure", Some("R07.9"), &["sx"], "Chest pain is integral to the myocardial infarction.", vec![guideline("OCG I.B.5")]);
    a.finish()
}

fn gi_bleed(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 45, 88);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.3, 0.6, None, None, k, &[Other::AfibParoxysmal, Other::Alzheimers, Other::Cad]);
    let (los, status) = los_status(rng, 3, 5, &[1, 1, 6]);
    let diff = [Difficulty::Foundation, Difficulty::Intermediate, Difficulty::Intermediate, Difficulty::Advanced][v % 4];
    let title = rng.say(&["Inpatient admission: black stools and lightheadedness", "Medical admission: coffee-ground emesis", "Inpatient: melena with anemia"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    // Hemoglobin by variant, each with its clinical response: v0 acute blood loss anemia managed without
    // transfusion (nadir above the restrictive threshold of 7), v1 transfused below 7, v2 a small clean-based ulcer
    // with a minor drop, v3 a low and falling value the provider never names (the query case, nadir just above 7).
    let (h0, h1) = match v {
        0 => (dec(rng, 8.0, 8.9), dec(rng, 7.3, 7.8)),
        1 => (dec(rng, 7.1, 8.2), dec(rng, 6.4, 6.9)),
        2 => (dec(rng, 12.2, 12.9), dec(rng, 11.9, 12.1)),
        _ => (dec(rng, 7.6, 8.6), dec(rng, 7.1, 7.5)),
    };
    let h_post = dec(rng, 8.3, 9.0);
    let mut s = Sc { service: "GI", hold_bp_meds: v != 2, ..Default::default() };
    let emesis = rng.chance(0.4);
    s.cc = if emesis { rng.say(&["Vomiting blood.", "Coffee-ground emesis and black stools."]) } else { rng.say(&["Black stools.", "Dark stools and dizziness."]) };
    let hpi_t = format!("{who} with {{2|3}} days of [[sx:melena and lightheadedness]]{}. {{No NSAID use.|No NSAIDs; no prior ulcer history.|Takes no over-the-counter pain relievers.}} No prior GI bleeding.", if emesis { ", one episode of coffee-ground emesis this morning" } else { "" });
    s.hpi = rng.vary(&hpi_t);
    s.ros = ros(rng, "Positive for melena, fatigue, lightheadedness.", &["bowel", "gi", "syn", "abd"]);
    s.vitals = if v == 2 { vit(36.7, rng.range(82, 96), rng.range(118, 136), rng.range(68, 80), 16, 98, "on room air") } else { vit(36.7, rng.range(98, 116), rng.range(96, 112), rng.range(56, 68), 18, 98, "on room air") };
    s.exam.push(("Abdomen", "Soft, mild epigastric tenderness; rectal: black tarry stool, guaiac positive".into()));
    s.labs = format!("[[hgb:Hgb {h0}]] (baseline {} six months ago), BUN {}, Cr {}, INR 1.1, Plt {}.", if v == 2 { dec(rng, 12.8, 13.6) } else { dec(rng, 12.8, 14.2) }, if v == 2 { rng.range(24, 34) } else { rng.range(38, 62) }, dec(rng, 0.8, 1.2), rng.range(180, 320));
    s.ap.push(if v == 2 { "Upper GI bleed, hemodynamically stable with Hgb near baseline: IV access, IV pantoprazole, type and screen, GI for EGD.".into() } else { "Upper GI bleed: two large-bore IVs, IV pantoprazole drip, type and cross 2 units, GI for EGD.".into() });
    let ulcer = match v {
        2 => "[[ulcer:acute gastric ulcer with hemorrhage]]",
        _ => "[[ulcer:gastric ulcer with hemorrhage]]",
    };
    let egd = match v {
        2 => "[[egd:EGD with cold-forceps biopsies of the pyloric antrum and the antral ulcer margin]]".to_string(),
        _ => "[[egd:EGD with hemostasis of a bleeding gastric ulcer (epinephrine injection and two hemoclips)]]".to_string(),
    };
    let egd_find = match v {
        2 => "1 cm clean-based ulcer in the pyloric antrum with a flat pigmented spot, no active bleeding; antral erythema. Biopsies of the ulcer margin and the antral mucosa obtained.".to_string(),
        _ => format!("1.{} cm ulcer on the lesser curvature with a visible vessel and active oozing. [[egd:Injected 1:10,000 epinephrine in four quadrants and placed two hemoclips]], with hemostasis achieved.", rng.range(2, 8)),
    };
    s.docs.push((DocumentKind::OperativeNote, "EGD Procedure Note".into(), 1, format!("Procedure: {egd}\nSedation: moderate, by CRNA.\nFindings: {egd_find}\nImpression: {}.\nPlan: PPI BID, {}\nGastroenterologist", capitalize(&strip_marks(ulcer)), if v == 2 { "await pathology." } else { "repeat Hgb q8h." })));
    if v == 2 {
        let gross = format!("A: {} tan soft tissue fragments up to 0.3 cm. B: {} tan fragments up to 0.4 cm. Entirely submitted.", rng.range(2, 4), rng.range(3, 5));
        let report = path_report(rng, "A. Stomach, pyloric antrum, biopsy; B. Antral ulcer margin, biopsy", "Upper GI bleeding; antral ulcer on EGD.", &gross, "A: Antral mucosa with a dense lymphoplasmacytic infiltrate and neutrophils in the foveolar epithelium; curved rod-shaped organisms on the surface, confirmed on immunostain. B: Ulcer bed with granulation tissue and fibrinopurulent debris; adjacent mucosa with reactive changes. No intestinal metaplasia, dysplasia or malignancy.", "A: Chronic active gastritis with [[hp:Helicobacter pylori organisms]] identified. B: Ulcer margin with granulation tissue; negative for dysplasia and malignancy.");
        s.docs.push((DocumentKind::PathologyReport, "Surgical Pathology Report".into(), 3, report));
    }
    if v == 1 {
        s.procs.push("[[tx:Transfusion of 2 units packed red blood cells]] via peripheral IV, overnight hospital day 1 to 2".into());
    }
    let o2 = match v {
        1 => format!("[[hgb2:Hgb {h1} overnight]], {h_post} after 2 units PRBC; HR {}.", rng.range(84, 98)),
        2 => format!("[[hgb2:Hgb {h1}]] (admission {h0}), HR {}, BP {}/{}.", rng.range(72, 88), rng.range(118, 134), rng.range(68, 80)),
        _ => format!("[[hgb2:Hgb {h1} overnight]], HR {}.", rng.range(84, 98)),
    };
    s.progress.push(prog(2, "No further melena; tolerating clear liquids.".into(), o2, match v {
        0 => format!("[[abla:Acute blood loss anemia]] from the ulcer bleed, Hgb nadir {h1}: no ongoing bleeding and hemodynamically stable, so no transfusion at this level (threshold 7); Hgb q12h, start oral iron, advance diet, PPI BID."),
        1 => format!("[[abla:Acute blood loss anemia]] from the ulcer bleed, Hgb {h1}: transfused 2 units PRBC overnight, post-transfusion Hgb {h_post}; repeat Hgb in AM."),
        3 => "Ulcer bleed s/p EGD therapy; Hgb drifting down, recheck q8h; transfuse for Hgb < 7.".to_string(),
        _ => "Post-EGD, Hgb stable near baseline with a minor drop; no transfusion indicated. Advance diet, PPI BID; await biopsies.".to_string(),
    }));
    s.admit_dx = "Upper GI bleed".into();
    s.ds_dx.push(capitalize(ulcer));
    if v == 0 || v == 1 {
        s.ds_dx.push(if v == 1 { "[[abla:Acute blood loss anemia]], transfused".into() } else { "[[abla:Acute blood loss anemia]], treated with oral iron".into() });
    }
    if v == 2 {
        s.ds_dx.push("[[hp:H. pylori infection]], treatment started".into());
    }
    s.procs.insert(0, format!("{egd}, hospital day 1"));
    s.course.push(("GI bleed".into(), format!("Hgb {h0} on arrival, nadir {h1}. {}{} No rebleeding; diet advanced.", if v == 0 { "Acute blood loss anemia with a nadir above 7; monitored without transfusion and started on oral iron. " } else if v == 1 { "Transfused 2 units PRBC for symptomatic acute blood loss anemia below 7. " } else if v == 2 { "Minor drop only; no transfusion needed. " } else if v == 3 { "[[hgb3:Hemoglobin was followed every 8 hours with a nadir of about 7 and tachycardia to the 110s; IV fluids given]]. " } else { "" }, if v == 2 { "Biopsies positive for H. pylori; quadruple therapy started." } else { "EGD hemostasis successful." })));
    s.new_meds.push("pantoprazole 40 mg PO BID x 8 weeks".into());
    if v == 0 {
        s.new_meds.push("ferrous sulfate 325 mg PO daily".into());
    }
    if v == 2 {
        s.new_meds.push("bismuth quadruple therapy x 14 days".into());
    }
    s.follow.push("GI in 4 weeks; repeat EGD in 8 weeks; CBC in 1 week; avoid NSAIDs".into());
    s.condition = "Stable.".into();
    render(&mut a, rng, &s);
    let (code, w) = if v == 2 { ("K25.0", "An acute gastric ulcer with hemorrhage: K25.0 combines the ulcer, its acuity and the bleeding.") } else { ("K25.4", "Gastric ulcer with hemorrhage, acuity not specified: K25.4 (chronic or unspecified) combines the ulcer and the bleeding.") };
    a.dx(code, Y, &["ulcer"], w, vec![guideline("OCG I.B.9"), guideline("OCG II")]);
    if v == 0 {
        a.dx("D62", Y, &["abla"], "Acute blood loss anemia documented by the provider, monitored with serial hemoglobin and treated with oral iron (a secondary diagnosis that was monitored and treated); present on arrival, as the hemoglobin was already low.", vec![guideline("OCG III")]);
    }
    if v == 1 {
        a.dx("D62", Y, &["abla"], "Acute blood loss anemia documented by the provider and treated with transfusion; present on arrival (Hgb already low).", vec![guideline("OCG III")]);
        a.pcs("30233N1", &["tx"], "Transfusion of nonautologous red blood cells into a peripheral vein, percutaneous.", vec![guideline("PCS B3.2")]);
    }
    if v == 2 {
        a.dx("B96.81", Y, &["hp"], "H. pylori as the cause of the ulcer disease, documented by the provider with pathology support.", vec![tabular("B95-B97 Supplementary or additional codes to identify the infectious agent in diseases classified elsewhere"), guideline("OCG III")]);
        a.pcs("0DB78ZX", &["egd"], "Endoscopic biopsies of the pyloric antrum and of the antral ulcer margin: Excision, body part Stomach, Pylorus (the Body Part Key sends the pyloric antrum to Stomach, Pylorus), via natural or artificial opening endoscopic, qualifier X diagnostic. Both specimens come from the same body part value, so one code.", vec![guideline("PCS B3.4a"), convention("ICD-10-PCS Body Part Key: pyloric antrum, use Stomach, Pylorus")]);
    } else {
        a.pcs("0W3P8ZZ", &["egd"], "Endoscopic control of an actively bleeding ulcer (epinephrine injection and clips): root operation Control, body part gastrointestinal tract, via natural opening endoscopic.", vec![guideline("PCS B3.7")]);
    }
    a.nc("Melena and lightheadedness", Some("K92.1"), &["sx"], "Melena is the manifestation of the bleeding ulcer, which the combination code covers.", vec![guideline("OCG I.B.5")]);
    if v == 3 {
        a.query(
            "Anemia indicators without a documented diagnosis",
            "Clinical indicators: Hgb fell from a baseline above 12 to an admission value near 8 and a nadir near 7 with tachycardia, in the setting of a bleeding gastric ulcer; serial Hgb every 8 hours and IV fluids. Please document the clinical significance, if any: [ ] Acute blood loss anemia [ ] Chronic blood loss anemia [ ] Other (please specify) [ ] Unable to determine",
            &["hgb", "hgb2", "hgb3"],
            "Low and falling hemoglobin that is monitored and treated is not coded from the numbers; D62 needs the provider's diagnosis.",
        );
    }
    a.finish()
}

fn stroke(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 56, 88);
    let pf = if v == 1 {
        Profile::with(rng, age, sex, None, true, None, None, &[Other::AfibParoxysmal, Other::Hyperlipidemia])
    } else {
        let k = rng.range(1, 3) as usize;
        profile(rng, age, sex, 0.35, 0.8, None, None, k, &[Other::HxStroke, Other::AfibParoxysmal, Other::Alzheimers])
    };
    let (los, status) = los_status(rng, 3, 6, &[3, 6, 3]);
    let diff = [Difficulty::Advanced, Difficulty::Intermediate, Difficulty::Intermediate, Difficulty::Advanced][v % 4];
    let title = rng.say(&["Inpatient admission: sudden weakness and speech difficulty", "Stroke alert admission", "Inpatient: acute focal neurologic deficit"]);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let nihss = match v {
        2 => rng.range(2, 4),
        _ => rng.range(6, 14),
    };
    let nih_code = format!("R29.7{:02}", nihss);
    // The anticoagulant the profile's atrial fibrillation takes (v1), held after the stroke.
    let ac = kb::meds(&a.pf).iter().map(|(_, _, m)| m.split_whitespace().next().unwrap_or("").to_string()).find(|d| ["apixaban", "rivaroxaban", "warfarin"].contains(&d.as_str())).unwrap_or_else(|| "apixaban".into());
    let mut s = Sc { service: "Neurology", skip_chronic: if v == 1 { vec!["afib"] } else { Vec::new() }, ..Default::default() };
    let (deficit, infarct) = match v {
        1 => ("[[def:left-sided hemiparesis]]; the patient is right-handed".to_string(), "[[cva:acute cardioembolic infarct of the right middle cerebral artery territory]] due to paroxysmal atrial fibrillation"),
        2 => ("[[def2:dysarthria]] without limb or facial weakness".to_string(), "[[cva:acute lacunar infarct of the left internal capsule (small-vessel disease)]]"),
        3 => ("[[def:right-sided hemiparesis]] and [[aph:expressive aphasia]]".to_string(), "[[cva:acute ischemic infarct of the left middle cerebral artery territory]], due to left MCA (M2) occlusion"),
        _ => ("[[def:right hemiparesis]] and [[aph:aphasia]]; the patient is right-handed".to_string(), "[[cva:acute ischemic stroke of the left middle cerebral artery territory]] from left M1 occlusion"),
    };
    s.cc = match v {
        1 => rng.say(&["Sudden left-sided weakness.", "Stroke alert: left arm and leg weakness."]),
        2 => rng.say(&["Slurred speech.", "Stroke alert: slurred speech."]),
        _ => rng.say(&["Sudden weakness and trouble speaking.", "Stroke alert: right-sided weakness, word-finding trouble."]),
    };
    s.hpi = rng.vary(&format!("{who} {{was last known well at 07:40|was last seen normal 90 minutes before arrival}} when family noted {}. Stroke alert activated; [[nih:NIHSS {nihss}]] on arrival. CT head without hemorrhage. {}", strip_marks(&deficit), match v {
        1 => format!("Takes {ac} for atrial fibrillation (last dose this morning); not a thrombolytic candidate."),
        2 => "Symptoms mild and improving; thrombolysis not given.".to_string(),
        _ => "No contraindications; [[tpa:IV alteplase (tPA) 0.9 mg/kg administered via peripheral IV]] in the ED at 55 minutes after arrival.".to_string(),
    }));
    s.ros = ros(rng, "Positive for weakness and speech difficulty per family.", &["neuro", "ha", "syn"]);
    s.vitals = vit(36.8, rng.range(68, 96), rng.range(156, 188), rng.range(82, 100), 16, 97, "on room air");
    s.exam.push(("Neuro", format!("{}; NIHSS {nihss}", deficit)));
    s.exam.push(("General", if v == 0 || v == 3 { rng.say(&["Awake, follows simple commands, speech limited", "Alert, attentive, struggles to find words"]) } else { rng.say(&["Awake, alert, follows commands", "Alert, attentive, cooperative with exam"]) }));
    s.labs = format!("Glucose {}, INR {}, Plt {}, LDL {}. Troponin negative.", rng.range(98, 164), if v == 1 { "1.3" } else { "1.0" }, rng.range(170, 310), rng.range(88, 160));
    s.imaging = format!("CT head: no hemorrhage. CTA: {}. MRI brain (day 2): restricted diffusion confirming the infarct.", match v {
        1 => "right M2 branch occlusion",
        2 => "no large-vessel occlusion",
        3 => "left M2 occlusion",
        _ => "left M1 occlusion, not a thrombectomy candidate per neurointerventional review (distal clot burden)",
    });
    s.ap.push(format!("{}: {}", capitalize(infarct), match v {
        1 => format!("hold {ac} 3 days then resume; rate control with home metoprolol; telemetry; statin; PT/OT/SLP."),
        2 => "aspirin and clopidogrel x 21 days, statin, BP goal per stroke protocol.".to_string(),
        _ => "post-tPA neuro checks q1h, BP < 180/105, no antithrombotics for 24 h, then aspirin; PT/OT/SLP.".to_string(),
    }));
    if v != 2 {
        s.ap.push(format!("{}: PT/OT, fall precautions.", capitalize(&deficit.split(';').next().unwrap_or("").to_string())));
    }
    s.progress.push(prog(2, "More alert; deficits unchanged.".into(), "MRI confirms infarct. Telemetry without events.".into(), if v == 2 { "Lacunar stroke; dysarthria improving. Dual antiplatelet therapy.".into() } else { "Acute ischemic stroke: continue therapy as planned; SLP bedside swallow evaluation passed, regular diet.".into() }));
    s.admit_dx = "Acute ischemic stroke".into();
    s.ds_dx.push(capitalize(infarct));
    match v {
        2 => s.ds_dx.push("[[def2:Dysarthria]], improving".into()),
        1 => s.ds_dx.push("[[def:Left hemiparesis]] (nondominant side)".into()),
        3 => s.ds_dx.push("[[def:Right hemiparesis]]; [[aph:expressive aphasia]]".into()),
        _ => s.ds_dx.push("[[def:Right hemiparesis]] (dominant side); [[aph:aphasia]]".into()),
    }
    if v == 0 || v == 3 {
        s.procs.push("[[tpa:IV alteplase (tPA) via peripheral vein]], ED, hospital day 1".into());
    }
    s.consults.push("Physical, occupational and speech therapy".into());
    s.course.push(("Stroke".into(), format!("Initial NIHSS {nihss}. {}Echo without thrombus. Risk factors addressed.", if v == 0 || v == 3 { "Received IV alteplase within the window without hemorrhagic conversion on 24-hour CT. " } else { "" })));
    s.new_meds.push("atorvastatin 80 mg PO nightly".into());
    if v != 1 {
        s.new_meds.push("aspirin 81 mg PO daily".into());
    }
    if v == 2 {
        s.new_meds.push("clopidogrel 75 mg PO daily x 21 days, then stop".into());
    }
    s.follow.push("Stroke clinic in 4 weeks; outpatient PT/OT/SLP".into());
    s.condition = "Stable; residual deficits as above.".into();
    render(&mut a, rng, &s);
    let (code, w) = match v {
        1 => ("I63.411", "Cerebral infarction due to embolism of the right middle cerebral artery (cardioembolic from atrial fibrillation): I63.411."),
        2 => ("I63.81", "Lacunar (small-vessel) infarct: the Index sends lacunar infarction to I63.81 (other cerebral infarction due to occlusion or stenosis of small artery)."),
        _ => ("I63.512", "Acute ischemic infarct of the left MCA due to occlusion, with no thrombus or embolus specified: I63.512."),
    };
    a.dx(code, Y, &["cva"], w, vec![guideline("OCG II"), tabular("I63 Use additional code, if applicable, to identify status post administration of tPA in a different facility")]);
    match v {
        1 => a.dx("G81.94", Y, &["def"], "Hemiparesis of the left side in a right-handed patient: left nondominant side, G81.94. Deficits of an acute stroke are coded with the stroke (not I69 codes).", vec![guideline("OCG I.C.6.a")]),
        2 => a.dx("R47.1", Y, &["def2"], "Dysarthria documented as a deficit of the acute stroke.", vec![guideline("OCG III")]),
        3 => a.dx("G81.91", Y, &["def"], "Right-sided hemiparesis with handedness not documented: the right side defaults to dominant, G81.91.", vec![guideline("OCG I.C.6.a")]),
        _ => a.dx("G81.91", Y, &["def"], "Right hemiparesis in a right-handed patient: right dominant side, G81.91.", vec![guideline("OCG I.C.6.a")]),
    }
    if v == 0 || v == 3 {
        a.dx("R47.01", Y, &["aph"], "Aphasia due to the acute stroke is coded as a deficit.", vec![guideline("OCG III")]);
    }
    a.dx(&nih_code, Y, &["nih"], "The initial NIHSS score is reported after the stroke code; it may be taken from clinicians other than the provider.", vec![tabular("R29.7 Code first the type of cerebral infarction (I63.-)"), guideline("OCG I.B.14")]);
    if v == 0 || v == 3 {
        a.pcs("3E03317", &["tpa"], "IV alteplase: Introduction of other thrombolytic into a peripheral vein, percutaneous approach. Given in this hospital's ED, so reported on the admission (no Z92.82).", vec![guideline("PCS B3.2")]);
    }
    a.finish()
}

fn dka(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let t1 = v == 0 || v == 3;
    let age = if t1 { age_in(rng, 19, 45) } else { age_in(rng, 45, 78) };
    let k = rng.range(0, 2) as usize;
    let pf = profile(rng, age, sex, 0.0, if t1 { 0.1 } else { 0.6 }, None, None, k, &[Other::Alzheimers]);
    let (los, status) = los_status(rng, 2, 4, &[1, 1, 7]);
    let diff = [Difficulty::Foundation, Difficulty::Intermediate, Difficulty::Advanced, Difficulty::Advanced][v % 4];
    let title = rng.say(&["Inpatient admission: hyperglycemia with vomiting", "Medical admission: abdominal pain, vomiting and high glucose", "Inpatient: polyuria, vomiting, metabolic acidosis"]);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let glu = if v == 2 { rng.range(188, 240) } else { rng.range(420, 690) };
    let ph = format!("7.{}", rng.range(8, 24));
    let mut s = Sc::default();
    s.cc = rng.say(&["Nausea, vomiting and high sugars.", "Vomiting and abdominal pain.", "Feeling very weak, thirsty."]);
    s.pmh_extra = match v {
        0 | 3 => "[[dm:type 1 diabetes mellitus]] since childhood".into(),
        1 => "[[dm:type 2 diabetes mellitus]] on insulin".into(),
        _ => "[[dm:type 2 diabetes mellitus]]".into(),
    };
    s.hpi = rng.vary(&format!("{who} with {} presents with {{2|3}} days of [[sx:polyuria, polydipsia, nausea, vomiting and diffuse abdominal pain]]. {}", strip_marks(&s.pmh_extra), match v {
        3 => "[[under:Stopped taking all insulin 4 days ago on purpose, afraid of low blood sugars]] while eating less; has insulin at home and no trouble obtaining it.",
        2 => "Started [[sglt:empagliflozin]] 6 weeks ago in addition to metformin.",
        1 => "Uses [[ins:insulin glargine]] nightly; reports a recent viral illness with poor intake.",
        _ => "Takes basal-bolus insulin as prescribed with no missed doses; no clear precipitant found (no infection on work-up).",
    }));
    s.ros = ros(rng, "Positive for polyuria, nausea, vomiting, abdominal pain.", &["gi", "abd"]);
    s.vitals = vit(36.9, rng.range(108, 126), rng.range(102, 124), rng.range(60, 76), rng.range(24, 30), 99, "on room air");
    s.exam.push(("HEENT", "Dry mucous membranes, fruity breath".into()));
    s.exam.push(("Abdomen", "Diffusely mildly tender, no rebound".into()));
    s.labs = format!("Glucose {glu}, pH {ph}, HCO3 {}, anion gap {}, beta-hydroxybutyrate {}. K {}, Na {}, Cr {}. A1c {}.", rng.range(6, 13), rng.range(22, 32), dec(rng, 5.2, 9.8), dec(rng, 4.8, 5.9), rng.range(128, 136), dec(rng, 1.0, 1.5), if v == 2 { dec(rng, 7.2, 8.4) } else { dec(rng, 9.1, 13.2) });
    let dx = match v {
        0 => "[[dka:Diabetic ketoacidosis, type 1 diabetes]], without coma",
        1 => "[[dka:Type 2 diabetes with diabetic ketoacidosis]] without coma",
        2 => "[[dka:Euglycemic diabetic ketoacidosis in type 2 diabetes]], [[ae:due to empagliflozin (adverse effect of SGLT2 inhibitor taken as prescribed)]]",
        _ => "[[dka:DKA in type 1 diabetes]], [[under:due to intentional insulin underdosing (stopped insulin for fear of hypoglycemia)]]",
    };
    s.ap.push(format!("{}: insulin drip per DKA protocol, IV fluids, potassium repletion, q1h glucose, BMP q2h; close anion gap then transition to subcut insulin.", capitalize(dx)));
    if v == 2 {
        s.ap.push("Stop [[sglt:empagliflozin]] permanently; continue metformin on discharge.".into());
    }
    let subcut = if t1 { "basal-bolus subcut insulin (glargine plus lispro with meals), 2 h overlap" } else { "subcut insulin, 2 h overlap" };
    s.progress.push(prog(2, "Nausea resolved, eating breakfast.".into(), format!("Anion gap closed overnight; transitioned to {subcut}."), "DKA resolved. Diabetes education; endocrine follow-up.".into()));
    s.admit_dx = "Diabetic ketoacidosis".into();
    s.ds_dx.push(capitalize(dx));
    s.course.push(("DKA".into(), format!("Treated with insulin infusion and fluids; gap closed within {} hours. {}", rng.range(10, 20), match v {
        3 => "Diabetes educator reviewed sick-day rules and hypoglycemia management; a continuous glucose monitor was prescribed to address the fear of lows.",
        2 => "Euglycemic presentation attributed to the SGLT2 inhibitor, which was discontinued.",
        _ => "Diabetes educator reviewed sick-day rules.",
    })));
    match v {
        0 | 3 => {
            s.home_meds.push(format!("insulin glargine {} units subcut nightly", rng.range(16, 24)));
            s.home_meds.push("insulin lispro per carbohydrate ratio with meals".into());
        }
        1 => s.home_meds.push(format!("[[ins:insulin glargine {} units subcut nightly]]", rng.range(12, 16))),
        _ => {
            s.home_meds.push("[[met:metformin 1000 mg PO BID]]".into());
            s.home_meds.push("empagliflozin 10 mg PO daily".into());
        }
    }
    s.diet = "carbohydrate-consistent";
    s.new_meds.push(match v {
        0 | 3 => format!("insulin glargine {} units subcut nightly", rng.range(24, 28)),
        1 => "insulin glargine 18 units subcut nightly".into(),
        _ => "glipizide 5 mg PO daily with breakfast".into(),
    });
    if v == 2 {
        s.stop_meds.push("empagliflozin (do not restart)".into());
    }
    s.follow.push("Endocrinology in 1–2 weeks".into());
    s.condition = "Stable.".into();
    render(&mut a, rng, &s);
    let (code, w) = if t1 { ("E10.10", "Type 1 diabetes with ketoacidosis without coma: E10.10.") } else { ("E11.10", "Type 2 diabetes with ketoacidosis without coma: E11.10.") };
    a.dx(code, Y, &["dka", "dm"], w, vec![guideline("OCG I.C.4.a"), guideline("OCG II")]);
    match v {
        1 => a.dx("Z79.4", Poa::Exempt, &["ins"], "Long-term (current) use of insulin in a type 2 diabetic.", vec![guideline("OCG I.C.4.a.3")]),
        2 => {
            a.dx("T38.3X5A", Y, &["ae"], "Adverse effect of an oral antidiabetic drug taken as prescribed (empagliflozin): the nature of the effect (the DKA) is sequenced first, then the T code.", vec![guideline("OCG I.C.19.e.5.a")]);
            a.dx("Z79.84", Poa::Exempt, &["met"], "Long-term (current) use of an oral hypoglycemic (metformin, continued).", vec![guideline("OCG I.C.4.a.3")]);
        }
        3 => {
            a.dx("T38.3X6A", Y, &["under"], "Underdosing of insulin: the relapse of the diabetes is coded first, then the underdosing code.", vec![guideline("OCG I.C.19.e.5.c")]);
            a.dx("Z91.128", Y, &["under"], "Intentional underdosing for a reason other than financial hardship (stopped insulin for fear of hypoglycemia): Z91.128 gives the intent the underdosing code needs. POA is not reported for it (Z91.1- is exempt).", vec![guideline("OCG I.C.19.e.5.c")]);
        }
        _ => {}
    }
    if t1 {
        a.nc("Insulin use in type 1 diabetes", Some("Z79.4"), &["dm"], "Z79.4 is not assigned for type 1 diabetes: insulin is inherent to its treatment.", vec![guideline("OCG I.C.4.a.3")]);
    }
    a.nc("Nausea, vomiting, abdominal pain", Some("R11.2"), &["sx"], "Symptoms integral to DKA.", vec![guideline("OCG I.B.5")]);
    a.finish()
}

fn aki(rng: &mut Rng, n: usize, v: usize) -> Case {
    use kb::CkdStage;
    let sex = super::sex(rng);
    let age = age_in(rng, 58, 88);
    let (stage, sw) = *rng.pick(&[(CkdStage::S3a, "3a"), (CkdStage::S3b, "3b"), (CkdStage::S4, "4")]);
    let others = if rng.chance(0.5) { vec![Other::Hyperlipidemia, Other::Gerd] } else { vec![Other::Hyperlipidemia] };
    let dm = rng.chance(0.4).then(|| Diabetes { polyneuropathy: false, retinopathy: false, hyperglycemia: false, angiopathy: false, treatment: DmTreatment::Insulin, ckd_stated_as_diabetic: false });
    let pf = Profile::with(rng, age, sex, dm, true, None, Some(stage), &others);
    let (los, status) = los_status(rng, 3, 5, &[1, 6]);
    let diff = [Difficulty::Intermediate, Difficulty::Foundation, Difficulty::Advanced][v % 3];
    let title = rng.say(&["Inpatient admission: weakness and rising creatinine", "Medical admission: abnormal kidney function", "Inpatient: fatigue, low urine output"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let base = match stage {
        CkdStage::S4 => dec(rng, 2.4, 2.9),
        CkdStage::S3b => dec(rng, 1.7, 2.0),
        _ => dec(rng, 1.3, 1.5),
    };
    let cr = D(base.0 * 2.1);
    let k = if v == 1 { dec(rng, 6.1, 6.8) } else { dec(rng, 4.2, 5.1) };
    let mut s = Sc { skip_chronic: vec!["ckd", "htn"], ..Default::default() };
    s.cc = rng.say(&["Weakness and poor appetite.", "Abnormal labs.", "Decreased urination."]);
    s.hpi = rng.vary(&format!("{who} with [[p:ckd:CKD stage {sw}]] (baseline Cr {base}) and [[p:htn:hypertension]], {}, presents with {{fatigue|weakness}} and decreased urine output. Outpatient labs today Cr {cr}.", match v {
        0 => "whose [[ae:furosemide was increased to 80 mg BID one week ago]] by the PCP",
        1 => "with a week of poor oral intake",
        _ => "who had a [[ct:contrast-enhanced CT of the abdomen 3 days ago]]",
    }));
    s.ros = ros(rng, "Positive for fatigue, decreased urine output.", &["gu", "edema"]);
    s.vitals = vit(36.7, rng.range(72, 92), rng.range(108, 138), rng.range(62, 80), 16, 97, "on room air");
    s.labs = format!("Cr {cr} (baseline {base}), BUN {}, [[k:K {k}]], HCO3 {}, Na {}. {} Urine Na {}.", rng.range(48, 88), rng.range(18, 23), rng.range(134, 141), if v == 2 { "UA: 1+ protein, granular casts, no blood." } else { "UA bland." }, if v == 2 { 48 } else { 12 });
    s.imaging = "Renal ultrasound: no hydronephrosis; echogenic kidneys consistent with chronic disease.".into();
    let dx = match v {
        0 => "[[aki:Acute kidney injury]] on [[p:ckd:CKD stage ".to_string() + sw + "]], [[ae:due to diuretic (furosemide) taken as prescribed]]",
        1 => format!("[[aki:Acute kidney injury]] on [[p:ckd:chronic kidney disease stage {sw}]], prerenal from poor intake"),
        _ => format!("[[aki:Acute kidney injury with acute tubular necrosis]] on [[p:ckd:CKD stage {sw}]], contrast-associated (nephrology)"),
    };
    s.ap.push(format!("{}: {}", capitalize(&dx), if v == 0 { "hold furosemide and antihypertensives, gentle IV fluids, renally dose medications, strict I/O, daily BMP." } else { "hold antihypertensives, IV fluids, renally dose medications, avoid nephrotoxins, strict I/O, daily BMP." }));
    if v == 0 {
        s.home_meds.push("furosemide 80 mg PO BID".into());
    }
    if v == 1 {
        s.ap.push("[[k:Hyperkalemia]], K in the 6s with peaked T waves: calcium gluconate, insulin/dextrose, sodium zirconium cyclosilicate; repeat K in 2 h.".into());
    }
    s.ap.push("[[p:htn:Hypertension]]: BP acceptable; antihypertensives held for AKI, resume as renal function recovers.".into());
    s.progress.push(prog(2, "Urine output improving.".into(), format!("Cr {}.", D(cr.0 * 0.8)), "AKI improving. Continue holding nephrotoxins.".into()));
    if v == 2 {
        s.docs.push((DocumentKind::Consultation, "Nephrology Consultation".into(), 2, format!("Reason: AKI on CKD {sw}.\nUrine sediment with muddy brown granular casts; FENa 3.1%.\nImpression: [[aki:Acute tubular necrosis]] after IV contrast exposure, on CKD stage {sw}. No indication for dialysis.\nRecommend supportive care, avoid nephrotoxins.\nNephrology attending")));
    }
    s.admit_dx = "Acute kidney injury".into();
    s.ds_dx.push(capitalize(&dx));
    if v == 1 {
        s.ds_dx.push("[[k:Hyperkalemia]], resolved".into());
    }
    s.ds_dx.push("[[p:htn:Hypertension]]".into());
    s.course.push(("AKI".into(), format!("Cr peaked at {} and improved to {} at discharge with supportive care.", D(cr.0 * 1.1), D(base.0 * 1.2))));
    s.follow.push("Nephrology in 2 weeks; BMP in 3 days".into());
    s.condition = "Stable.".into();
    if v == 0 {
        s.new_meds.push("furosemide 40 mg PO daily".into());
    }
    render(&mut a, rng, &s);
    if v == 2 {
        a.dx("N17.0", Y, &["aki"], "Acute kidney injury documented as acute tubular necrosis: N17.0. The principal diagnosis is the AKI, not the chronic kidney disease.", vec![guideline("OCG II")]);
        a.nc("Contrast-associated injury", Some("N14.11"), &["ct"], "The nephrologist names ATN; contrast-induced nephropathy (N14.11) is not the documented diagnosis.", vec![guideline("OCG I.A.19")]);
    } else {
        a.dx("N17.9", Y, &["aki"], "Acute kidney injury on CKD, the reason for admission: N17.9; the CKD and its hypertensive combination follow.", vec![guideline("OCG II"), guideline("OCG I.C.14.a")]);
    }
    if v == 0 {
        a.dx("T50.1X5A", Y, &["ae"], "Adverse effect of a loop diuretic taken as prescribed: the effect (AKI) first, then T50.1X5A.", vec![guideline("OCG I.C.19.e.5.a")]);
    }
    if v == 1 {
        a.dx("E87.5", Y, &["k"], "Hyperkalemia documented and treated.", vec![guideline("OCG III")]);
    }
    a.finish()
}

fn cellulitis(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 35, 86);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.45, 0.5, None, None, k, &[Other::Alzheimers]);
    let (los, status) = los_status(rng, 3, 5, &[1, 1, 6]);
    let diff = [Difficulty::Foundation, Difficulty::Intermediate, Difficulty::Advanced, Difficulty::Advanced][v % 4];
    let title = rng.say(&["Inpatient admission: red, swollen limb", "Medical admission: spreading skin redness with fever", "Inpatient: painful swollen extremity"]);
    let status = fit_status(status, age);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let right = rng.chance(0.5);
    let (side, other) = if right { ("right", "left") } else { ("left", "right") };
    let upper = v == 1;
    let limb = if upper { "forearm" } else { "lower leg" };
    let mut s = Sc::default();
    s.cc = format!("{} {limb} redness and swelling.", capitalize(side));
    s.hpi = rng.vary(&format!("{who} with {{3|4}} days of [[sx:spreading redness, warmth, swelling and pain]] of the {side} {limb}{}. {{Subjective fevers.|Fever to 38.5 at home.}} {}", if upper { " after a small scratch that drained pus" } else { "" }, if upper { "Failed 2 days of outpatient cephalexin." } else { "Failed 2 days of doxycycline prescribed by urgent care." }));
    s.ros = ros(rng, "Positive for fever and limb pain.", &["skin", "fever", "edema"]);
    s.vitals = vit(dec(rng, 37.9, 38.8), rng.range(92, 108), rng.range(122, 148), rng.range(70, 88), 18, 97, "on room air");
    s.exam.push(("Extremities", format!("{} {limb} with erythema, warmth and induration over {} cm, tender, no fluctuance or crepitus; margins marked", capitalize(side), rng.range(10, 22))));
    s.labs = format!("WBC {}, CRP {}, lactate {}. {}", dec(rng, 11.8, 16.9), rng.range(48, 160), dec(rng, 0.9, 1.7), if upper { "Wound culture: [[org:MRSA]]." } else { "Blood cultures pending." });
    s.imaging = format!("Venous duplex {side} leg: no DVT.").replace(" leg", if upper { " arm" } else { " leg" });
    let cell = if v == 2 { format!("[[cel:Cellulitis of the {side} lower leg]]") } else if upper { format!("[[cel:MRSA cellulitis of the {side} forearm]]") } else { format!("[[cel:Cellulitis of the {side} lower extremity]]") };
    s.ap.push(format!("{}: IV {}, elevate, mark borders.", cell, if upper { "vancomycin" } else { "cefazolin" }));
    if v == 3 {
        s.ap.push("[[ret:Urinary retention]] on arrival (bladder scan 850 mL), likely from pain and immobility: indwelling Foley catheter placed.".into());
    }
    s.progress.push(prog(2, "Redness receding from the marked border.".into(), "Afebrile. Erythema regressing.".into(), if v == 2 { format!("[[cel2:Cellulitis of the {other} leg]] improving on IV antibiotics.") } else { "Cellulitis improving; continue IV therapy.".into() }));
    if v == 3 {
        s.progress.push(prog(4, "New suprapubic discomfort and fever to 38.6 overnight.".into(), "UA: large LE, > 50 WBC; urine culture > 100,000 CFU/mL E. coli. Foley in place since admission.".into(), "[[cauti:Catheter-associated urinary tract infection]] (indwelling urethral catheter placed on admission), [[eco:E. coli]]: remove Foley, voiding trial, ceftriaxone.".into()));
    }
    s.admit_dx = "Cellulitis".into();
    s.ds_dx.push(if v == 2 { format!("[[cel3:Cellulitis of the {other} lower leg]]") } else { cell.clone() });
    if v == 3 {
        s.ds_dx.push("[[cauti:Catheter-associated UTI]] due to [[eco:E. coli]], hospital-acquired".into());
    }
    s.course.push(("Cellulitis".into(), format!("Improved on IV {}, transitioned to oral therapy.", if upper { "vancomycin" } else { "cefazolin" })));
    if v == 3 {
        s.course.push(("CAUTI".into(), "Fever on hospital day 4 with pyuria; catheter removed, voided spontaneously; ceftriaxone then oral cephalexin.".into()));
    }
    s.new_meds.push(if upper { "doxycycline 100 mg PO BID x 7 days".into() } else { "cephalexin 500 mg PO QID x 7 days".into() });
    s.follow.push("PCP in 1 week for wound check".into());
    s.condition = "Good.".into();
    render(&mut a, rng, &s);
    if v == 2 {
        a.dx("L03.119", Y, &["cel", "cel3"], "The record documents cellulitis of the right leg in some notes and the left in others; the laterality cannot be assigned until the conflict is resolved, so the unspecified-limb code is reported pending the query.", vec![guideline("OCG I.B.13"), convention("AHIMA/ACDIS Guidelines for Achieving a Compliant Query Practice")]);
        a.query(
            "Conflicting laterality of the cellulitis",
            "Clinical indicators: the H&P and exam describe cellulitis of one lower leg, while the day-2 progress note and the discharge summary name the opposite leg; venous duplex was done on one side. Please clarify the site of the cellulitis: [ ] Right lower limb [ ] Left lower limb [ ] Both lower limbs [ ] Other (please specify) [ ] Unable to determine",
            &["cel", "cel2", "cel3"],
            "Conflicting documentation between notes is resolved by querying the attending, not by the coder picking a side.",
        );
    } else {
        let code = match (upper, right) {
            (true, true) => "L03.113",
            (true, false) => "L03.114",
            (false, true) => "L03.115",
            (false, false) => "L03.116",
        };
        a.dx(code, Y, &["cel"], "Cellulitis of the limb with its laterality as documented (forearm belongs to the upper limb codes, lower leg to the lower limb codes).", vec![guideline("OCG I.B.13"), guideline("OCG II")]);
    }
    if upper {
        a.dx("B95.62", Y, &["org", "cel"], "MRSA as the cause of the cellulitis, documented by the provider.", vec![tabular("L03 Use additional code to identify organism (B95-B97)")]);
    }
    if v == 3 {
        a.dx("T83.511A", N, &["cauti"], "Infection due to an indwelling urethral catheter, documented by the provider as catheter-associated: the complication code comes first, and it developed after admission (POA N), a hospital-acquired condition.", vec![guideline("OCG I.B.16"), tabular("T83.51 Use additional code to identify infection"), guideline("OCG Appendix I POA")]);
        a.dx("N39.0", N, &["cauti"], "The urinary tract infection itself, as T83.51- instructs; POA N.", vec![tabular("T83.51 Use additional code to identify infection")]);
        a.dx("B96.20", N, &["eco"], "E. coli as the infectious agent of the UTI.", vec![tabular("N39.0 Use additional code (B95-B97) to identify infectious agent")]);
        a.dx("R33.9", Y, &["ret"], "Urinary retention found on arrival and treated with an indwelling catheter; no cause is diagnosed, so the symptom code is reported (POA Y).", vec![guideline("OCG III"), guideline("OCG I.C.18.b")]);
    }
    a.nc("Redness, swelling and pain", Some("R22.41"), &["sx"], "Signs integral to cellulitis.", vec![guideline("OCG I.B.5")]);
    a.finish()
}

fn pancreatitis(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = if rng.chance(0.7) { Sex::Male } else { Sex::Female };
    let age = age_in(rng, 28, 64);
    let k = rng.range(0, 2) as usize;
    let pf = profile(rng, age, sex, 0.1, 0.3, None, None, k, &[Other::Alzheimers, Other::Gerd]);
    let (los, status) = match v {
        1 => (rng.range(2, 3) as u16, 7),
        _ => los_status(rng, 3, 5, &[1]),
    };
    let diff = [Difficulty::Foundation, Difficulty::Advanced, Difficulty::Intermediate][v % 3];
    let title = rng.say(&["Inpatient admission: severe epigastric pain", "Medical admission: abdominal pain radiating to the back", "Inpatient: epigastric pain and vomiting"]);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let lip = rng.range(900, 5200);
    let drinks = rng.range(8, 14);
    let etoh = rng.range(40, 180);
    let mut s = Sc::default();
    s.cc = rng.say(&["Epigastric pain.", "Abdominal pain and vomiting.", "Pain in the upper belly going to the back."]);
    s.hpi = rng.vary(&format!("{who} with [[sx:severe epigastric pain radiating to the back, nausea and vomiting]] since {{yesterday|last night}} after a weekend of heavy drinking. {}", if v == 2 { format!("Drinks {drinks}-{} beers on weekends, little during the week.", drinks + 4) } else { format!("Drinks about {drinks} beers daily.") }));
    s.social = match v {
        1 => format!("[[alc:Alcohol dependence]]: {drinks} drinks daily for years, morning drinks, prior withdrawal; last drink last night. Never smoker."),
        2 => format!("[[alc:Alcohol abuse]] (heavy episodic drinking, no physiologic dependence or withdrawal history). Never smoker."),
        _ => format!("Daily heavy alcohol use; meets criteria for [[alc:alcohol dependence]] (tolerance, unsuccessful attempts to cut down). Never smoker."),
    };
    s.ros = ros(rng, "Positive for abdominal pain, nausea, vomiting.", &["abd", "gi"]);
    s.vitals = vit(dec(rng, 37.0, 37.9), rng.range(98, 116), rng.range(128, 152), rng.range(78, 94), 18, 97, "on room air");
    s.exam.push(("Abdomen", "Epigastric tenderness with voluntary guarding, hypoactive bowel sounds".into()));
    s.labs = format!("Lipase {lip}. WBC {}. AST {}, ALT {}, T bili {}. Triglycerides {}. Ca {}. [[bal:Ethanol level {etoh} mg/dL]].", dec(rng, 10.2, 15.1), rng.range(60, 140), rng.range(30, 70), dec(rng, 0.6, 1.2), rng.range(120, 260), dec(rng, 8.6, 9.4));
    s.imaging = "RUQ ultrasound: no gallstones, CBD normal. CT: peripancreatic fat stranding, no necrosis or fluid collection.".into();
    let dx = if v == 2 { "[[panc:Acute pancreatitis, likely alcohol-induced]]" } else { "[[panc:Acute alcohol-induced pancreatitis]] without necrosis or infection" };
    s.ap.push(format!("{dx}: aggressive IV LR, NPO then early oral diet as tolerated, IV analgesia, antiemetics."));
    s.ap.push(if v == 1 { "[[alc:Alcohol dependence]] [[wd:with withdrawal]] (CIWA 16, tremor, diaphoresis): symptom-triggered lorazepam, thiamine, folate.".into() } else { "Alcohol use: CIWA monitoring, thiamine, folate; counseling.".into() });
    s.ap.push(format!("[[bal:Blood alcohol {etoh} mg/dL on arrival]]; {}.", rng.say(&["repeat not needed", "expected to clear overnight", "monitor for withdrawal as the level falls"])));
    s.progress.push(prog(2, "Pain improved, tolerating clear liquids.".into(), "Afebrile, HR 90s.".into(), if v == 1 { "Withdrawal: CIWA 10–14, lorazepam per protocol. Patient requesting to leave.".into() } else { "Pancreatitis improving; advance diet.".into() }));
    s.admit_dx = "Acute pancreatitis".into();
    s.ds_dx.push(dx.to_string());
    s.ds_dx.push(match v {
        1 => "[[alc:Alcohol dependence]] with [[wd:uncomplicated alcohol withdrawal]]".into(),
        2 => "[[alc:Alcohol abuse]]".into(),
        _ => "[[alc:Alcohol dependence]]".into(),
    });
    s.course.push(("Pancreatitis".into(), format!("Lipase {lip}; no gallstones or hypertriglyceridemia. {}", if v == 2 { "Felt to be [[panc:likely alcohol-induced]]; no other cause found." } else { "Improved with fluids and analgesia." })));
    s.course.push(("Alcohol".into(), "Counseled on cessation; addiction medicine offered outpatient treatment.".into()));
    s.new_meds.push("thiamine 100 mg PO daily".into());
    s.diet = "low-fat{|, small frequent meals}; no alcohol";
    s.follow.push("PCP in 1 week; outpatient alcohol treatment program".into());
    s.condition = if v == 1 { "Improving; left before completing treatment.".into() } else { "Stable.".into() };
    render(&mut a, rng, &s);
    let mut rules = vec![guideline("OCG II")];
    if v == 2 {
        rules.push(guideline("OCG II.H"));
    }
    a.dx("K85.20", Y, &["panc"], if v == 2 { "Documented at discharge as \"likely alcohol-induced\": an uncertain diagnosis at discharge is coded as if established for an inpatient, so K85.20 rather than K85.90." } else { "Alcohol-induced acute pancreatitis without necrosis or infection: K85.20." }, rules);
    match v {
        1 => a.dx("F10.230", Y, &["alc", "wd"], "Alcohol dependence with uncomplicated withdrawal: one combination code; dependence outranks abuse and use when both are documented.", vec![guideline("OCG I.C.5.b.2"), guideline("OCG I.B.9")]),
        2 => a.dx("F10.10", Y, &["alc"], "Alcohol abuse, uncomplicated, as documented (no dependence).", vec![guideline("OCG I.C.5.b.2")]),
        _ => a.dx("F10.20", Y, &["alc"], "Alcohol dependence, uncomplicated.", vec![guideline("OCG I.C.5.b.2")]),
    }
    // The F10 "use additional code" note: the blood alcohol level documented on arrival, in its Y90 band.
    let (y90, band) = match etoh {
        ..=19 => ("Y90.0", "less than 20"),
        20..=39 => ("Y90.1", "20-39"),
        40..=59 => ("Y90.2", "40-59"),
        60..=79 => ("Y90.3", "60-79"),
        80..=99 => ("Y90.4", "80-99"),
        100..=119 => ("Y90.5", "100-119"),
        120..=199 => ("Y90.6", "120-199"),
        200..=239 => ("Y90.7", "200-239"),
        _ => ("Y90.8", "240 or more"),
    };
    a.dx(y90, Y, &["bal"], &format!("Blood alcohol level of {etoh} mg/dL (the same as mg/100 ml) measured on arrival: {y90} ({band} mg/100 ml), the additional code the F10 category asks for; it follows the alcohol code."), vec![tabular("F10 Use additional code for blood alcohol level, if applicable (Y90.-)")]);
    a.nc("Epigastric pain and vomiting", Some("R10.13"), &["sx"], "Symptoms integral to pancreatitis.", vec![guideline("OCG I.B.5")]);
    a.finish()
}

fn syncope(rng: &mut Rng, n: usize, v: usize) -> Case {
    let sex = super::sex(rng);
    let age = age_in(rng, 58, 88);
    let k = rng.range(1, 3) as usize;
    let pf = profile(rng, age, sex, 0.3, 0.0, None, None, k, &[Other::Alzheimers, Other::AfibParoxysmal]);
    let (los, status) = los_status(rng, 1, 3, &[1]);
    let diff = if v == 0 { Difficulty::Foundation } else { Difficulty::Intermediate };
    let title = rng.say(&["Inpatient admission: passing out", "Medical admission: transient loss of consciousness", "Inpatient: syncopal episode"]);
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let mut s = Sc::default();
    s.cc = rng.say(&["Passed out.", "Syncope.", "Fainting episode."]);
    s.pmh_extra = "[[htn:essential hypertension]]".into();
    s.home_meds.push(rng.say(&["lisinopril 20 mg PO daily", "amlodipine 10 mg PO daily", "losartan 100 mg PO daily"]));
    if v == 1 {
        s.home_meds.push("clonidine 0.1 mg PO BID".into());
    }
    s.hpi = rng.vary(&format!("{who} had a [[sx:brief loss of consciousness]] {{on standing from a chair|after getting up to the bathroom}}, {{about 20 seconds|under a minute}}, with quick recovery. {}No chest pain, palpitations or seizure activity.", if v == 1 { "[[drug:Clonidine 0.1 mg BID was added 5 days ago]] for blood pressure. " } else { "" }));
    s.ros = ros(rng, "Positive for lightheadedness on standing.", &["syn", "cp", "palp", "neuro"]);
    s.vitals = vit(36.6, rng.range(64, 82), rng.range(112, 138), rng.range(64, 80), 16, 97, "on room air");
    s.labs = format!("Hgb {}, BMP normal, troponin negative x2. ECG: sinus rhythm, normal intervals. Orthostatics: {}.", dec(rng, 12.2, 14.6), if v == 1 { "[[orth:supine 138/78 → standing 98/60 with symptoms]]" } else { "negative" });
    s.imaging = "Telemetry 48 h: no arrhythmia. Echo: normal LV function, no significant valve disease.".into();
    s.ap.push(if v == 1 { "Syncope, [[dx:orthostatic hypotension likely due to recently started clonidine]]: stop clonidine (taper), fluids, compression stockings.".into() } else { "Syncope, unclear etiology: telemetry, echo, orthostatics; fall precautions.".into() });
    s.ap.push("[[htn:Hypertension]]: monitor, adjust regimen.".into());
    s.progress.push(prog(2, "No recurrence on telemetry.".into(), "Work-up unrevealing so far.".into(), if v == 1 { "Orthostasis improving off clonidine.".into() } else { "No arrhythmia, normal echo; likely vasovagal; discharge.".into() }));
    s.admit_dx = "Syncope".into();
    s.ds_dx.push(if v == 1 { "[[dx:Orthostatic hypotension due to clonidine (adverse effect)]], causing syncope".into() } else { "[[syn:Syncope, most likely vasovagal]]; cardiac work-up negative".into() });
    s.ds_dx.push("[[htn:Hypertension]]".into());
    s.course.push(("Syncope".into(), if v == 1 { "Orthostatic on admission; clonidine tapered and stopped with resolution of symptoms. Telemetry and echo unremarkable.".into() } else { "No arrhythmia on telemetry, normal echo, negative troponins and orthostatics. Episode consistent with vasovagal syncope.".into() }));
    s.follow.push("PCP in 1 week".into());
    if v == 1 {
        s.stop_meds.push("clonidine".into());
    }
    s.condition = "Stable.".into();
    render(&mut a, rng, &s);
    if v == 1 {
        a.dx("I95.2", Y, &["dx", "orth"], "Orthostatic hypotension due to a drug (I95.2 includes orthostatic hypotension due to drugs) explains the syncope, so the syncope itself is not coded.", vec![guideline("OCG II"), guideline("OCG I.B.5")]);
        a.dx("T46.5X5A", Y, &["drug", "dx"], "Adverse effect of clonidine (other antihypertensive drugs) taken as prescribed, after the effect.", vec![guideline("OCG I.C.19.e.5.a"), tabular("I95.2 Use additional code for adverse effect, if applicable, to identify drug (T36-T50)")]);
        a.nc("Syncope", Some("R55"), &["sx"], "The syncope is a symptom of the established cause (drug-induced orthostatic hypotension).", vec![guideline("OCG I.B.5")]);
    } else {
        a.dx("R55", Y, &["syn", "sx"], "No underlying cause was found; vasovagal syncope indexes to R55, which is principal when no related definitive diagnosis is established.", vec![guideline("OCG II.A"), guideline("OCG I.C.18.b")]);
    }
    a.dx("I10", Y, &["htn"], "Essential hypertension without heart or kidney disease.", vec![guideline("OCG I.C.9.a")]);
    a.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_is_big_enough_and_no_two_cases_share_most_of_their_text() {
        let mut r = Rng::new(super::super::SEED).derive("inpatient");
        let cs = cases(&mut r);
        assert!(cs.len() >= 110);
        assert!(cs.iter().filter(|c| c.tracks.contains(&Track::Surgery)).count() >= 25);
        assert!(cs.iter().filter(|c| !c.gold.queries.is_empty()).count() >= 10);
        let o = crate::overlap::measure(&cs);
        assert!(o.pair_max < 0.8, "the closest pair shares more than 80% of its text: {:?}", o.top.first());
    }
}
