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

/// Codes on the CMS POA-exempt list that this family uses (the place of occurrence, history and status codes).
fn poa_exempt(code: &str) -> bool {
    ["Y92", "Y93", "Y99", "Z79", "Z68", "Z85", "Z86", "Z87", "Z99", "Z95", "Z53"].iter().any(|p| code.starts_with(p))
}

type Marks = BTreeMap<String, Vec<Evidence>>;

/// Appends text with `[[key:words]]` marks, recording each marked span as evidence under its key.
fn put(d: &mut Doc, ev: &mut Marks, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find("[[") {
        d.add(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").expect("unclosed mark");
        let (k, w) = after[..j].split_once(':').expect("mark without key");
        let e = d.mark(w);
        ev.entry(k.to_string()).or_default().push(e);
        rest = &after[j + 2..];
    }
    d.add(rest);
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
    stop_meds: Vec<String>,
    follow: Vec<String>,
    condition: String,
}

fn vit(t: f64, hr: i64, sbp: i64, dbp: i64, rr: i64, spo2: i64, o2: &str) -> String {
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

fn disposition_words(rng: &mut Rng, status: u8) -> String {
    match status {
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
        _ => rng.say(&["Attending hospitalist", "Hospital medicine attending", "Admitting hospitalist"]),
    };
    rng.vary(&format!("{{Electronically signed|Signed|E-signed}}: {role}"))
}

fn chronic_plan(plan: &str) -> String {
    plan.replace(" in clinic", " on admission").replace("since last visit", "prior to admission").replace("Counseled on cessation for 5 minutes", "Counseled on cessation at bedside")
}

fn render(a: &mut Adm, rng: &mut Rng, s: &Sc) {
    let service = if s.service.is_empty() { "Hospital Medicine" } else { s.service };
    let alz = a.pf.others.contains(&Other::Alzheimers);
    // ---------- H&P ----------
    let title = rng.say(&["History and Physical", "Admission History and Physical", "Hospitalist Admission H&P", "H&P"]);
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
        kb::write_history(&mut d, &a.pf, &mut a.wr);
        if !s.pmh_extra.is_empty() {
            if !a.pf.is_empty() {
                d.add(", ");
            }
            put(&mut d, &mut a.ev, &s.pmh_extra);
        }
    }
    d.heading(&rng.say(&["PAST SURGICAL HISTORY:", "PSH:"]));
    d.line(&rng.say(&["Tonsillectomy as a child.", "None.", "Cataract extraction{| OU}.", "Hernia repair remotely.", "C-section remotely; no other surgeries.", "Denies prior surgery."]));
    let meds_first = rng.chance(0.5);
    let allergies = rng.say(&["NKDA", "No known drug allergies", "NKDA."]);
    if !meds_first {
        d.heading("ALLERGIES:");
        d.line(&allergies);
    }
    d.heading(&rng.say(&["HOME MEDICATIONS:", "MEDICATIONS PRIOR TO ADMISSION:", "Outpatient medications:"]));
    if kb::meds(&a.pf).is_empty() {
        d.line(&rng.say(&["None.", "No regular medications.", "Takes no prescription medications."]));
    } else {
        kb::write_meds(&mut d, &a.pf, &mut a.wr, "- ");
    }
    if meds_first {
        d.heading("ALLERGIES:");
        d.line(&allergies);
    }
    d.heading(&rng.say(&["SOCIAL HISTORY:", "SOCIAL HX:"]));
    if !s.social.is_empty() {
        put(&mut d, &mut a.ev, &s.social);
        d.add("\n");
    } else {
        let tob = if a.pf.others.contains(&Other::Smoker) || a.pf.others.contains(&Other::FormerSmoker) { "Tobacco as above." } else { "Never smoker." };
        let lives = rng.say(&["Lives with spouse.", "Lives alone{| in a single-story home}.", "Lives with daughter.", "Lives with partner, independent in ADLs."]);
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
        let e = d.mark(&p.label);
        a.wr.name(p.key, e);
        let sep = *rng.pick(&[": ", " - ", ". "]);
        d.add(sep);
        let e = d.mark(&chronic_plan(&p.plan));
        a.wr.plan(p.key, e);
        d.add("\n");
        n += 1;
    }
    let vte = if s.service == "GI" { "SCDs only (active bleeding)".to_string() } else { rng.say(&["enoxaparin 40 mg subcut daily", "heparin 5000 units subcut q8h", "SCDs{| and early ambulation}"]) };
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
                let t = rng.say(&["Progress Note", "Hospitalist Progress Note", "Daily Progress Note"]);
                let mut d = a.cw.doc(DocumentKind::ProgressNote, &t, Some(p.day));
                d.line(&rng.vary(&format!("{} — hospital day {}", t.to_uppercase(), p.day)));
                d.heading(&rng.say(&["S:", "Subjective:", "Interval history:"]));
                put(&mut d, &mut a.ev, &p.s);
                d.heading(&rng.say(&["O:", "Objective:"]));
                put(&mut d, &mut a.ev, &p.o);
                d.heading(&rng.say(&["A/P:", "Assessment and plan:", "Assessment/Plan:"]));
                put(&mut d, &mut a.ev, &p.ap);
                d.add("\n");
                d.line(&rng.say(&["Chronic conditions: home regimen continued as above.", "Other chronic issues stable; continue current management.", "Remaining problems unchanged; see H&P."]));
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
    d.line(&format!("Admitted: hospital day 1. {}: hospital day {day}. Length of stay: {} days. Service: {service}.", if expired { "Date of death" } else { "Discharged" }, a.los).replace("Date of death", "Expired"));
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
    d.line(&intro.replace("[[", "").replace("]]", ""));
    for (h, t) in &s.course {
        d.gap();
        d.add(&format!("{h}: "));
        put(&mut d, &mut a.ev, t);
        d.add("\n");
    }
    if !chronic.is_empty() {
        d.gap();
        d.add(&rng.say(&["Chronic conditions: ", "Chronic medical problems: "]));
        let names: Vec<String> = chronic.iter().map(|p| p.short.clone()).collect();
        d.add(&format!("{} {}", names.join(", "), rng.say(&["were stable during the stay; home regimen continued except as noted.", "remained at baseline; home medications resumed as listed below.", "were managed on the home regimen without change."])));
        d.add("\n");
    }
    if !s.results.is_empty() {
        d.heading(&rng.say(&["PERTINENT RESULTS:", "KEY RESULTS:", "Pertinent data:"]));
        put(&mut d, &mut a.ev, &s.results);
    }
    d.heading(&rng.say(&["CONDITION AT DISCHARGE:", "Condition:"]));
    put(&mut d, &mut a.ev, if expired { "Expired." } else { &s.condition });
    d.heading(&rng.say(&["DISPOSITION:", "Discharge disposition:"]));
    d.line(&disposition_words(rng, a.status));
    if !expired {
        d.heading(&rng.say(&["DISCHARGE MEDICATIONS:", "Discharge medication list:", "MEDICATIONS AT DISCHARGE:"]));
        if a.status == 7 {
            d.line("Prescriptions provided before the patient left:");
        }
        if !s.new_meds.is_empty() {
            d.line("NEW:");
            for m in &s.new_meds {
                d.add("- ");
                put(&mut d, &mut a.ev, m);
                d.add("\n");
            }
        }
        if !kb::meds(&a.pf).is_empty() {
            d.line(&rng.say(&["CONTINUE:", "Continue home medications:", "UNCHANGED:"]));
            kb::write_meds(&mut d, &a.pf, &mut a.wr, "- ");
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
        d.heading(&rng.say(&["INSTRUCTIONS:", "Patient instructions:"]));
        d.line(&rng.say(&[
            "Return to the ED for fever, worsening pain, shortness of breath, or any new concerns. Diet as tolerated.",
            "Call PCP or return for worsening symptoms. Resume usual diet and activity as tolerated.",
            "Warning signs reviewed; patient verbalized understanding.",
        ]));
    }
    d.gap();
    let mins = rng.range(31, 45);
    d.line(&format!("{} {}", sign(rng, service), if expired { String::new() } else { format!("Time spent on discharge: {mins} minutes.") }));
    a.cw.add_doc(d);
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
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

// ---------------------------------------------------------------- the family

type Scenario = fn(&mut Rng, usize, usize) -> Case;

/// The family's cases.
pub fn cases(rng: &mut Rng) -> Vec<Case> {
    let plan: Vec<(Scenario, usize)> = vec![
        (pneumonia, 7),
        (sepsis, 7),
        (heart_failure, 7),
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
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let side = *rng.pick(&["right lower lobe", "left lower lobe", "right middle lobe", "lingular"]);
    let (t, hr, rr) = (rng.decimal(38.1, 39.4), rng.range(96, 118), rng.range(20, 26));
    let (sbp, dbp) = (rng.range(104, 142), rng.range(58, 84));
    let spo2 = if v == 5 { rng.range(82, 86) } else { rng.range(89, 94) };
    let wbc = rng.decimal(12.4, 19.8);
    let days = rng.range(2, 6);
    let who = a.who.clone();
    let mut s = Sc { ..Default::default() };
    s.cc = rng.say(&["Cough and fever.", "Productive cough, fevers x {3|4|5} days.", "Shortness of breath and fever."]);
    let aspiration = v == 3;
    s.hpi = if aspiration {
        rng.vary(&format!("{who} brought in after {{an episode of vomiting|repeated vomiting}} overnight with {{a witnessed choking episode|coughing and choking during the emesis}}, followed by [[sx:fever and productive cough]] and increasing dyspnea. Family notes {{she|the patient}} had been {{eating|sleeping}} when it began. No recent travel or sick contacts."))
    } else {
        rng.vary(&format!("{who} with {days} days of [[sx:cough productive of {{yellow|green|rusty}} sputum, fevers to 39 C]] and {{pleuritic chest discomfort on the {{right|left}}|exertional dyspnea}}. Tried OTC {{guaifenesin|acetaminophen}} without relief. No recent hospitalization or antibiotics. {{Lives in the community|Community dwelling}}; {{up to date on influenza vaccine|declined flu vaccine this year}}."))
    };
    s.ros = ros(rng, "Positive for cough, fever, dyspnea, fatigue.", &["fever", "cough", "sob"]);
    let o2 = if v == 5 { "on room air, placed on 4 L NC then high-flow".to_string() } else { rng.say(&["on room air", "on 2 L NC"]) };
    s.vitals = vit(t, hr, sbp, dbp, if v == 5 { rng.range(28, 34) } else { rr }, spo2, &o2);
    s.exam.push(("Lungs", rng.vary(&format!("{{Crackles|Coarse rhonchi and crackles}} over the {side}{{|, egophony}}{}", if v == 5 { "; tachypneic with accessory muscle use, speaking in short phrases" } else { "" }))));
    let lact = rng.decimal(1.1, 1.8);
    s.labs = format!("WBC {wbc} with left shift, Hgb {}, Plt {}. Na {}, K {}, BUN {}, Cr {}. Lactate {lact}. Procalcitonin {}. Blood cultures x2 drawn. {}", rng.decimal(11.2, 14.1), rng.range(180, 390), rng.range(134, 141), rng.decimal(3.6, 4.8), rng.range(14, 28), rng.decimal(0.7, 1.2), rng.decimal(0.6, 4.2), if v == 5 { format!("ABG on 4 L: pH 7.{}, pCO2 {}, pO2 {}.", rng.range(44, 48), rng.range(30, 35), rng.range(52, 58)) } else { String::new() });
    s.imaging = rng.vary(&format!("CXR: {{new|dense}} {side} {{airspace opacity|consolidation}} {{consistent with pneumonia|compatible with pneumonia}}{{|, no effusion}}."));
    let (principal_words, code, abx, org_note): (String, &str, String, String) = match v {
        1 => ("[[pna:pneumococcal pneumonia]]".into(), "J13", "ceftriaxone and azithromycin".into(), "blood cultures 1 of 2 and urine antigen positive for Streptococcus pneumoniae".into()),
        2 => ("[[pna:probable Klebsiella pneumonia]]".into(), "J15.0", "ceftriaxone".into(), "sputum Gram stain with many Gram-negative rods, culture with mixed flora; blood cultures no growth".into()),
        3 => ("[[pna:aspiration pneumonia]]".into(), "J69.0", "ampicillin-sulbactam".into(), "speech pathology bedside swallow evaluation passed; aspiration attributed to the vomiting episode".into()),
        6 => ("[[pna:MSSA pneumonia]]".into(), "J15.211", "cefazolin".into(), "sputum culture Staphylococcus aureus, oxacillin susceptible".into()),
        _ => ("[[pna:community-acquired pneumonia]]".into(), "J18.9", "ceftriaxone and azithromycin".into(), if v == 4 { "sputum culture final: heavy growth Pseudomonas aeruginosa, susceptible to cefepime".into() } else { "blood and sputum cultures without growth".into() }),
    };
    s.ap.push(rng.vary(&format!("{} of the {side}: {{start|begin}} IV {abx}, {{blood cultures pending|follow cultures}}, {{incentive spirometry|IS and early mobilization}}{}.", principal_words.replace("[[pna:", "[[pna:").replace("probable ", "suspected "), if aspiration { ", aspiration precautions, SLP swallow evaluation" } else { "" })));
    if v == 5 {
        s.ap.push(rng.vary("[[resp:Increased work of breathing with SpO2 in the low 80s on room air]]; high-flow nasal cannula 40 L/60%, titrate to SpO2 > 92%; ICU aware."));
    }
    let d2 = 2u16;
    s.progress.push(prog(d2, rng.vary("{Feels slightly better|Still coughing but less short of breath}, {afebrile overnight|Tmax 38.2}. Tolerating PO."), format!("{}. Lungs with {} crackles.", vit(rng.decimal(36.9, 38.2), rng.range(84, 100), sbp, dbp, rr - 2, spo2 + 3, "on 2 L NC"), side), rng.vary(&format!("Pneumonia, {side}: continue {abx} day 2{{|, cultures pending}}. {}", match v {
        4 => "Sputum culture preliminary: Gram-negative rods; await final.",
        6 => "Sputum growing S. aureus, sensitivities pending; narrowing once final.",
        _ => "",
    }))));
    if v == 6 {
        s.progress.push(prog(4, "Decreased mobility, needs 2-person assist. Nursing reports new skin finding.".into(), "Sacrum: 2.5 x 2 cm area of partial-thickness skin loss with a shallow pink wound bed, no slough. Skin intact on admission per admission nursing skin assessment.".into(), "[[pu:Pressure injury of the sacrum, stage 2, hospital-acquired (not present on admission)]]: wound care consult, offloading mattress, turn q2h. MSSA pneumonia: switched to cefazolin.".into()));
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
        4 => format!("Empiric IV {abx}. Final [[cx:{org_note}]]; the team changed antibiotics to cefepime for the final days and then oral levofloxacin. Discharge diagnosis documented as [[pna2:pneumonia]] without further specification."),
        5 => format!("Treated with IV {abx}. [[resp2:Required high-flow nasal cannula up to 40 L/60% for the first 36 hours for SpO2 82–86% and RR in the 30s]], weaned to 2 L by day 3 and to room air before discharge. Cultures negative."),
        6 => format!("Treated initially with vancomycin and cefepime, narrowed to cefazolin when [[cx:{org_note}]]. Hospital course complicated by [[pu:a stage 2 sacral pressure injury first noted on hospital day 4]]; admission skin assessment documented intact sacral skin. Wound care followed; hydrocolloid dressing and offloading."),
        _ => format!("Empiric ceftriaxone and azithromycin; {org_note}. Fever resolved by day 2; oxygen weaned to room air. Transitioned to oral cefpodoxime."),
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
        s.follow.push("SNF wound care: hydrocolloid to sacrum, change every 3 days; turn q2h.".into());
    }
    render(&mut a, rng, &s);
    // gold
    let why_p = match v {
        1 => "Pneumonia documented as pneumococcal with confirming cultures: J13 is the combination code for the organism and the pneumonia. The positive blood culture supports the organism; the provider documents no separate sepsis or bacteremia diagnosis.".to_string(),
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
    let mut a = Adm::new(rng, n, &title, false, diff, age, sex, los, status, pf);
    let who = a.who.clone();
    let (t, hr, rr) = (rng.decimal(38.3, 39.6), rng.range(106, 128), rng.range(22, 30));
    let (sbp, dbp) = if v == 3 { (rng.range(72, 84), rng.range(38, 48)) } else { (rng.range(92, 118), rng.range(52, 68)) };
    let wbc = rng.decimal(15.2, 24.6);
    let lact = if v == 3 { rng.decimal(4.6, 7.2) } else if v == 2 || v == 6 { rng.decimal(2.4, 3.8) } else { rng.decimal(1.9, 2.8) };
    let cr = if v == 2 || v == 5 || v == 3 { rng.decimal(2.2, 3.4) } else { rng.decimal(0.8, 1.3) };
    let base = rng.decimal(0.8, 1.1);
    let side = *rng.pick(&["right lower lobe", "left lower lobe", "bilateral lower lobe"]);
    let mut s = Sc::default();
    s.cc = if pna { rng.say(&["Fever, cough and weakness.", "Fever and shortness of breath.", "Confusion and fever."]) } else { rng.say(&["Fever and burning with urination.", "Fever, chills and flank discomfort.", "Weakness, fever and urinary frequency."]) };
    s.hpi = if pna {
        rng.vary(&format!("{who} with {{2|3|4}} days of productive cough and fever, {{found by family to be lethargic|increasingly weak and not eating}}. In the ED: T {t}, HR {hr}, RR {rr}, BP {sbp}/{dbp}, WBC {wbc}, lactate {lact}. {{Received 30 mL/kg crystalloid bolus|30 mL/kg LR given per sepsis bundle}} and broad-spectrum antibiotics within the first hour."))
    } else {
        rng.vary(&format!("{who} with {{3 days|several days}} of [[sx:dysuria, frequency]] and {{suprapubic pressure|low back discomfort}}, then fevers and rigors {{today|this morning}}. In the ED: T {t}, HR {hr}, RR {rr}, BP {sbp}/{dbp}, WBC {wbc}, lactate {lact}. UA with large leukocyte esterase, nitrite positive, > 50 WBC/hpf. {{Given 30 mL/kg crystalloid|Sepsis bundle initiated with 30 mL/kg fluids}} and IV ceftriaxone."))
    };
    s.ros = ros(rng, if pna { "Positive for cough, fever, chills, fatigue." } else { "Positive for dysuria, fever, chills." }, &["fever", "cough", "sob", "gu"]);
    s.vitals = vit(t, hr, sbp, dbp, rr, rng.range(90, 95), "on 2 L NC");
    if pna {
        s.exam.push(("Lungs", rng.vary(&format!("Crackles {{over the|at the}} {side}{{|, decreased breath sounds at the base}}"))));
    } else {
        s.exam.push(("Abdomen", rng.say(&["Soft, suprapubic tenderness, no CVA tenderness", "Mild suprapubic tenderness, {left|right} CVA tenderness"])));
    }
    if v == 6 {
        s.exam.push(("Neuro", "[[enc:Somnolent, oriented to self only, inattentive]]; no focal deficits".into()));
    }
    s.labs = format!("WBC {wbc}, bands {}%. Hgb {}. Plt {}. Na {}, K {}, HCO3 {}, BUN {}, Cr {cr} (baseline {base}). Lactate {lact}. Blood cultures x2 pending.", rng.range(8, 18), rng.decimal(10.8, 13.6), rng.range(110, 320), rng.range(131, 140), rng.decimal(3.4, 4.9), rng.range(16, 22), rng.range(24, 48));
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
    }), format!("{}. {}", vit(rng.decimal(37.0, 38.1), rng.range(88, 104), sbp + 10, dbp + 6, rng.range(18, 22), 95, "on 2 L NC"), if v == 2 || v == 5 { format!("Cr {}.", rng.decimal(1.6, 2.1)) } else { String::new() }), match v {
        3 => "[[shock:Septic shock]], not improving; [[cx:blood and sputum cultures growing Pseudomonas aeruginosa]]; continue cefepime, add tobramycin. Goals of care discussion held with family.".to_string(),
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
        3 => format!("Admitted to the ICU on norepinephrine; vasopressin added within 6 hours and stress-dose hydrocortisone started. [[cx:Blood and sputum cultures grew Pseudomonas aeruginosa]]; antibiotics tailored. Lactate rose to {}. Despite maximal support the shock progressed with worsening renal function and mottling. After discussion with the family, care continued without escalation and the patient expired on hospital day {}.", rng.decimal(7.4, 9.8), los + 1),
        4 => format!("Treated for [[uro:urosepsis]] with IV ceftriaxone and fluids. Fever and tachycardia resolved by day 2. Urine culture grew > 3 organisms; blood cultures negative. Transitioned to oral cephalexin."),
        2 => format!("Met criteria for sepsis on arrival with lactate {lact} and Cr {cr} (baseline {base}); documented as [[sep:severe sepsis]] with [[aki:AKI due to sepsis]]. Renal function recovered with fluids to Cr {}. Urine culture with mixed flora; blood cultures negative. Completed ceftriaxone, then oral cefdinir.", rng.decimal(1.0, 1.3)),
        5 => format!("Sepsis treated with ceftriaxone and IV fluids, source urinary. [[aki2:Creatinine {cr} on admission, baseline {base}]], improved to {} with fluids. Cultures without a single organism.", rng.decimal(1.1, 1.4)),
        6 => "Severe sepsis from pneumonia; encephalopathy cleared by day 3 as the infection was treated. Blood cultures negative.".into(),
        _ => format!("Sepsis treated per bundle; lactate cleared within 12 hours. Cultures negative. Transitioned to oral antibiotics on day {}.", rng.range(3, 4)),
    };
    s.course.push((if v == 3 { "Septic shock".into() } else { "Sepsis".into() }, course));
    s.condition = rng.say(&["Stable.", "Improved, hemodynamically stable.", "Good."]);
    s.consults = if v == 3 { vec!["Critical care".into(), "Palliative medicine".into()] } else { Vec::new() };
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
    s.hpi = rng.vary(&format!("{who} with {}{} presents with {{1 week|5 days|several days}} of [[sx:progressive dyspnea on exertion, 2-pillow orthopnea and bilateral leg swelling]]. Weight up {kg} kg {{at home|per home scale}}. Admits to {{dietary indiscretion over the holidays|missing several doses of furosemide|eating out frequently}}. Denies chest pain.", if v == 3 { "known CHF".to_string() } else { hf_hist.clone() }, if v == 2 { " and CKD" } else { "" }));
    s.ros = ros(rng, "Positive for dyspnea, orthopnea, leg swelling.", &["sob", "edema", "cp"]);
    s.vitals = vit(36.8, rng.range(88, 108), rng.range(148, 178), rng.range(78, 96), rng.range(22, 26), rng.range(88, 93), "on room air");
    s.exam.push(("Neck", "JVP elevated to the angle of the jaw".into()));
    s.exam.push(("Lungs", rng.say(&["Bibasilar crackles {halfway up|to the mid-lung fields}", "Crackles at both bases"])));
    s.exam.push(("Extremities", format!("{}+ pitting edema to the {}", rng.range(2, 3), rng.pick(&["knees", "mid-shins", "thighs"]))));
    let na = if v == 5 { rng.range(124, 128) } else { rng.range(134, 140) };
    let cr = if v == 2 { rng.decimal(1.7, 2.6) } else { rng.decimal(0.9, 1.4) };
    s.labs = format!("BNP {bnp}. Troponin {} (flat on repeat). [[na:Na {na}]], K {}, BUN {}, Cr {cr}. Hgb {}.", rng.pick(&["< 0.01", "0.02", "0.03"]), rng.decimal(3.6, 4.7), rng.range(22, 40), rng.decimal(11.0, 13.8));
    s.imaging = rng.say(&["CXR: cardiomegaly, [[eff:small bilateral pleural effusions]], interstitial edema.", "CXR: pulmonary vascular congestion with [[eff:small bilateral pleural effusions]]."]);
    let dx_words = match v {
        0 | 5 => "[[hf:Acute on chronic diastolic heart failure]]".to_string(),
        1 | 6 => rng.say(&["[[hf:Acute on chronic systolic heart failure]]", "[[hf:Acute on chronic systolic (congestive) heart failure]]", "[[hf:Acute on chronic HFrEF]]"]),
        2 => "[[hf:Acute on chronic combined systolic and diastolic heart failure]]".into(),
        3 => "[[hf:Acute on chronic CHF exacerbation]]".into(),
        _ => "[[hf:Systolic heart failure]]".into(),
    };
    s.ap.push(rng.vary(&format!("{dx_words}{{| exacerbation}}: IV furosemide {{40|60|80}} mg BID, strict I/O, daily weights, 2 g Na diet, fluid restriction 1.5 L{}.", if v == 3 { "; echo ordered" } else { "" })));
    s.ap.push(if v == 2 { rng.vary(&format!("[[htn:Hypertension]] and [[ckd:CKD stage {}]]: BP elevated, continue home agents, monitor Cr with diuresis.", stage.0)) } else { rng.vary("[[htn:Hypertension]]: {BP elevated on arrival|uncontrolled on arrival}, expect improvement with diuresis; continue home regimen.") });
    let d2 = format!("{}. Net negative {} L. Weight down {} kg.", vit(36.7, rng.range(80, 96), rng.range(128, 146), rng.range(70, 84), 20, 94, "on 2 L NC"), rng.decimal(1.2, 2.6), rng.decimal(1.0, 2.4));
    s.progress.push(prog(2, rng.say(&["Breathing easier, slept with 1 pillow.", "Less dyspneic; still edematous."]), d2, rng.vary(&format!("{} improving on IV diuresis; continue furosemide; {}", dx_words.replace("[[hf:", "").replace("]]", ""), if v == 5 { format!("Na {} this morning; fluid restriction continued.", na - 1) } else { "BMP in AM.".into() }))));
    if v == 3 {
        s.docs.push((DocumentKind::RadiologyReport, "Transthoracic Echocardiogram".into(), 2, format!("Indication: heart failure.\nFindings: LV moderately dilated with global hypokinesis; [[echo:LVEF {ef}%]]. Grade I diastolic dysfunction. Mild MR. RVSP 42 mmHg.\nImpression: Reduced LV systolic function, EF {ef}%.\nInterpreting cardiologist")));
    }
    if v == 6 {
        let hip = *rng.pick(&["right", "left"]);
        s.progress.push(prog(3, format!("Overnight the patient [[fall:fell while getting out of bed in the hospital room]] to use the bathroom; nursing found the patient on the floor. C/o {hip} hip pain. No head strike, no LOC."), format!("{hip} lateral hip with ecchymosis and tenderness, full ROM, able to bear weight. X-ray {hip} hip: no fracture."), format!("[[inj:Contusion of {hip} hip]] from [[fall:an in-hospital fall from bed]]: ice, acetaminophen, bed alarm, PT evaluation. Heart failure: continue diuresis.")));
        s.ds_dx.push(String::new());
    }
    s.progress.push(prog(los, "Feels back to baseline; ambulating in the hall without dyspnea.".into(), format!("{}. Weight down {} kg from admission. Lungs clear.", vit(36.6, rng.range(68, 84), rng.range(118, 136), rng.range(66, 80), 16, 96, "on room air"), kg), "Euvolemic; transition to oral furosemide. Discharge planning.".into()));
    s.admit_dx = rng.say(&["Acute decompensated heart failure", "CHF exacerbation", "Heart failure exacerbation"]);
    s.ds_dx.retain(|x| !x.is_empty());
    s.ds_dx.insert(0, dx_words.clone());
    s.ds_dx.push(if v == 2 { format!("[[htn:Hypertension]]; [[ckd:chronic kidney disease stage {}]]", stage.0) } else { "[[htn:Hypertension]]".into() });
    if v == 6 {
        let hip = if a.ev.contains_key("inj") { "" } else { "" };
        s.ds_dx.push(format!("[[inj:Hip contusion]]{hip} after in-hospital fall, hospital day 3, no fracture"));
    }
    let net = rng.decimal(4.0, 8.0);
    s.course.push(("Heart failure".into(), rng.vary(&format!("Diuresed with IV furosemide with net negative {} L and weight down {kg} kg. {}{{|Guideline-directed therapy reviewed.}} Transitioned to oral furosemide {{40|60}} mg daily.", net, if v == 3 { "Echo showed EF reduced as above. Documented as [[hf:acute on chronic CHF]]. " } else { "" }))));
    if v == 5 {
        s.course.push(("Labs".into(), format!("[[na2:Sodium ranged {}–{} during the stay]]; fluid restriction continued.", na - 1, na + 3)));
    }
    s.results = format!("BNP {bnp} on admission. Discharge weight down {kg} kg.");
    s.condition = rng.say(&["Stable, euvolemic.", "Improved."]);
    s.follow.push(rng.say(&["Cardiology/heart failure clinic in 1 week.", "HF clinic within 7 days; BMP in 3–5 days."]));
    s.new_meds.push(format!("furosemide {} mg PO daily", rng.pick(&["40", "60"])));
    if ty != 0 {
        s.new_meds.push("metoprolol succinate 25 mg PO daily".into());
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
            a.dx("I50.9", Y, &["hf"], "Heart failure is documented as acute on chronic but never by type; I50.9 is all the documentation supports while the type is queried (the echo's EF cannot be used to assign the type).", vec![tabular("I11.0 Use additional code to identify type of heart failure"), guideline("OCG I.B.14")]);
            a.query(
                "Type of heart failure not documented",
                "Clinical indicators: admitted with \"acute on chronic CHF exacerbation\"; BNP elevated; echo this admission LVEF reduced with global hypokinesis; treated with IV furosemide; metoprolol succinate started. Please clarify the type of heart failure: [ ] Acute on chronic systolic (HFrEF) [ ] Acute on chronic diastolic (HFpEF) [ ] Acute on chronic combined systolic and diastolic [ ] Other (please specify) [ ] Unable to determine",
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
