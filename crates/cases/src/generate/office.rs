//! The physician office: E/M visits levelled by the 2021 office MDM table or by total time, minor procedures with
//! and without modifier 25 (OFF); risk-adjustment reviews of complex patients with MEAT and the classic HCC traps
//! (HCC); records as an EMR prints them, with problem lists, copied-forward text and medication lists (EMR).

use super::kb::{self, CkdStage, Diabetes, DmTreatment, HfType, Other, Profile, ProfileSpec, Written};
use super::rng::Rng;
use super::writer::{convention, edit, guideline, tabular, why, CaseWriter, Doc};
use super::{case_id, person, sex, visit};
use crate::model::*;

/// The family's cases.
pub fn cases(rng: &mut Rng) -> Vec<Case> {
    let mut out = Vec::new();
    let mut r = rng.derive("off");
    out.extend(off_cases(&mut r));
    let mut r = rng.derive("hcc");
    out.extend(hcc_cases(&mut r));
    let mut r = rng.derive("emr");
    out.extend(emr_cases(&mut r));
    out
}

// ---------------------------------------------------------------------------------------------------------------
// Shared writing helpers
// ---------------------------------------------------------------------------------------------------------------

/// Section headings by note style: 0 caps, 1 title case, 2 abbreviated, 3 SOAP.
fn hd(doc: &mut Doc, style: usize, key: &str) {
    let t = match (style, key) {
        (0, "cc") => "CHIEF COMPLAINT:",
        (0, "hpi") => "HISTORY OF PRESENT ILLNESS:",
        (0, "ros") => "REVIEW OF SYSTEMS:",
        (0, "pmh") => "PAST MEDICAL HISTORY:",
        (0, "meds") => "CURRENT MEDICATIONS:",
        (0, "all") => "ALLERGIES:",
        (0, "soc") => "SOCIAL HISTORY:",
        (0, "vitals") => "VITAL SIGNS:",
        (0, "exam") => "PHYSICAL EXAMINATION:",
        (0, "data") => "DATA REVIEWED / ORDERS:",
        (0, "ap") => "ASSESSMENT AND PLAN:",
        (0, "proc") => "PROCEDURE NOTE:",
        (1, "cc") => "Chief Complaint",
        (1, "hpi") => "History of Present Illness",
        (1, "ros") => "Review of Systems",
        (1, "pmh") => "Past Medical History",
        (1, "meds") => "Medications",
        (1, "all") => "Allergies",
        (1, "soc") => "Social History",
        (1, "vitals") => "Vitals",
        (1, "exam") => "Physical Exam",
        (1, "data") => "Results / Orders",
        (1, "ap") => "Assessment & Plan",
        (1, "proc") => "Procedure",
        (2, "cc") => "CC:",
        (2, "hpi") => "HPI:",
        (2, "ros") => "ROS:",
        (2, "pmh") => "PMH:",
        (2, "meds") => "Meds:",
        (2, "all") => "Allergies:",
        (2, "soc") => "SH:",
        (2, "vitals") => "VS:",
        (2, "exam") => "PE:",
        (2, "data") => "Data:",
        (2, "ap") => "A/P:",
        (2, "proc") => "Procedure:",
        (_, "cc") => "S: Chief complaint -",
        (_, "hpi") => "S (history):",
        (_, "ros") => "S (ROS):",
        (_, "pmh") => "S (past history):",
        (_, "meds") => "S (medications):",
        (_, "all") => "S (allergies):",
        (_, "soc") => "S (social):",
        (_, "vitals") => "O: Vitals -",
        (_, "exam") => "O: Exam -",
        (_, "data") => "O: Data -",
        (_, "ap") => "A/P:",
        _ => "P: Procedure -",
    };
    doc.heading(t);
}

fn vitals(rng: &mut Rng, bp: (i64, i64), temp: f64, spo2: (i64, i64)) -> String {
    vitals_with(rng, bp, temp, spo2, None, None)
}

/// A number a profile's plans state after a label ("SpO2 95%", "HR 72"), so the vitals agree with the plan.
fn stated(profile: &Profile, label: &str) -> Option<i64> {
    for p in profile.problems() {
        if let Some(i) = p.plan.find(label) {
            let rest = &p.plan[i + label.len()..];
            let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            if let Ok(v) = rest[..end].parse() {
                return Some(v);
            }
        }
    }
    None
}

/// A decimal a profile's plans state after a label ending in a space ("A1c 7.4%").
fn stated_f(profile: &Profile, label: &str) -> Option<String> {
    for p in profile.problems() {
        if let Some(i) = p.plan.find(label) {
            let rest = &p.plan[i + label.len()..];
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
            let v = rest[..end].trim_end_matches('.');
            if !v.is_empty() {
                return Some(v.to_string());
            }
        }
    }
    None
}

/// Vitals that agree with what the profile's plans state (BP, HR, SpO2).
fn vitals_for(rng: &mut Rng, profile: &Profile, temp: f64, spo2: (i64, i64)) -> String {
    let bp = bp_for(rng, profile);
    let v = vitals_with(rng, bp, temp, spo2, stated(profile, "HR "), stated(profile, "SpO2 "));
    // Weight that fits a documented BMI.
    let heavy = if profile.others.contains(&Other::MorbidObesity) { Some((252, 318)) } else if profile.others.contains(&Other::Obesity) { Some((196, 246)) } else { None };
    match (heavy, v.rfind("Wt ")) {
        (Some((lo, hi)), Some(i)) => format!("{}Wt {} lb", &v[..i], rng.range(lo, hi)),
        _ => v,
    }
}

fn vitals_with(rng: &mut Rng, bp: (i64, i64), temp: f64, spo2: (i64, i64), hr_fixed: Option<i64>, spo2_fixed: Option<i64>) -> String {
    let spo2_r = rng.range(spo2.0, spo2.1);
    let spo2 = spo2_fixed.unwrap_or(spo2_r);
    let hr_r = rng.range(62, 94);
    let hr = hr_fixed.unwrap_or(hr_r);
    let rr = rng.range(12, 18);
    let wt = rng.range(128, 236);
    rng.vary(&format!("BP {}/{} | HR {hr} | RR {rr} | Temp {temp:.1} F | SpO2 {spo2}% {{RA|on room air}} | Wt {wt} lb", bp.0, bp.1))
}

fn normal_bp(rng: &mut Rng) -> (i64, i64) {
    (rng.range(112, 136), rng.range(66, 84))
}

/// The blood pressure a profile's hypertension plan states ("BP 134/69 today"), so the vitals agree with it.
fn profile_bp(profile: &Profile) -> Option<(i64, i64)> {
    let plan = &profile.problems().iter().find(|p| p.key == "htn")?.plan;
    let rest = &plan[plan.find("BP ")? + 3..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '/')).unwrap_or(rest.len());
    let (a, b) = rest[..end].split_once('/')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Vitals blood pressure: the profile's when it states one, else a normal reading.
fn bp_for(rng: &mut Rng, profile: &Profile) -> (i64, i64) {
    let r = normal_bp(rng);
    profile_bp(profile).unwrap_or(r)
}

/// A few negative review-of-systems lines, none of the systems in `skip`.
fn ros_negatives(rng: &mut Rng, skip: &[&str]) -> String {
    let all: [(&str, &[&str]); 9] = [
        ("const", &["Constitutional: no fever, chills or weight change.", "Const: denies fevers, night sweats."]),
        ("eyes", &["Eyes: no vision change.", "Eyes: negative."]),
        ("ent", &["ENT: no sore throat, no ear pain.", "HENT: negative."]),
        ("cv", &["CV: no chest pain, no palpitations.", "Cardiovascular: denies CP, palpitations, orthopnea."]),
        ("resp", &["Resp: no cough or shortness of breath.", "Respiratory: denies SOB, wheeze."]),
        ("gi", &["GI: no nausea, vomiting, or change in bowel habits.", "GI: denies abdominal pain, melena."]),
        ("gu", &["GU: no dysuria or hematuria.", "GU: negative."]),
        ("msk", &["MSK: no new joint swelling.", "Musculoskeletal: negative except as in HPI."]),
        ("neuro", &["Neuro: no headache, weakness or numbness.", "Neuro: denies focal weakness."]),
    ];
    let mut lines = Vec::new();
    for (k, opts) in all.iter() {
        if skip.contains(k) || rng.chance(0.3) {
            continue;
        }
        lines.push(rng.pick(opts).to_string());
    }
    if rng.chance(0.3) {
        lines.push(rng.say(&["All other systems reviewed and negative.", "Remainder of 10-point ROS negative."]));
    }
    lines.join(if rng.chance(0.5) { "\n" } else { " " })
}

/// A general exam that does not contradict the profile (no "no focal deficits" with hemiparesis, dementia or
/// Parkinson's).
fn exam_for(rng: &mut Rng, profile: &Profile) -> Vec<String> {
    let neuro = profile.others.iter().any(|o| matches!(o, Other::Hemiplegia | Other::Alzheimers | Other::Parkinsons));
    let mut lines = exam_general(rng, if neuro { &["neuro"] } else { &[] });
    // Permanent atrial fibrillation is never a regular rhythm.
    if profile.others.contains(&Other::AfibPermanent) {
        for l in lines.iter_mut().filter(|l| l.starts_with("CV:") || l.starts_with("Heart:")) {
            *l = rng.say(&["CV: irregularly irregular, rate controlled, no murmur.", "Heart: irregularly irregular rhythm, no murmur."]);
        }
    }
    lines
}

fn exam_general(rng: &mut Rng, skip: &[&str]) -> Vec<String> {
    let all: [(&str, &[&str]); 7] = [
        ("gen", &["Gen: NAD, well appearing.", "General: alert, in no acute distress.", "Gen: pleasant, comfortable."]),
        ("heent", &["HEENT: NC/AT, oropharynx clear.", "HEENT: normocephalic, mucous membranes moist."]),
        ("neck", &["Neck: supple, no LAD.", "Neck: no JVD, no thyromegaly."]),
        ("cv", &["CV: RRR, no m/r/g.", "Heart: regular rate and rhythm, no murmur."]),
        ("lungs", &["Lungs: CTAB, no wheezes or crackles.", "Resp: clear to auscultation bilaterally, normal effort."]),
        ("abd", &["Abd: soft, NT/ND, +BS.", "Abdomen: soft, nontender, no organomegaly."]),
        ("neuro", &["Neuro: A&O x3, no focal deficits.", "Neuro: alert, oriented, gait steady."]),
    ];
    let mut out = Vec::new();
    for (k, opts) in all.iter() {
        if skip.contains(k) || (rng.chance(0.2) && *k != "gen") {
            continue;
        }
        out.push(rng.pick(opts).to_string());
    }
    out
}

fn signature(doc: &mut Doc, rng: &mut Rng) {
    doc.gap();
    doc.line(&rng.say(&[
        "Electronically signed - attending physician, family medicine",
        "-- Internal medicine physician (e-signed)",
        "Note completed and e-signed by the treating nurse practitioner, primary care",
        "Attending physician, internal medicine. Electronically signed.",
        "PA-C, family practice (e-signed); collaborating physician on site",
        "Signed electronically: primary care physician",
    ]));
}

fn allergies(rng: &mut Rng) -> String {
    rng.say(&["NKDA", "No known drug allergies", "NKDA.", "None known"])
}

/// Prescription (as opposed to over-the-counter or device) medications, for the risk element of MDM.
fn is_rx(med: &str) -> bool {
    let m = med.to_ascii_lowercase();
    !["acetaminophen", "aspirin", "cpap", "ferrous", "calcium", "vitamin d"].iter().any(|x| m.starts_with(x))
}

fn active(profile: &Profile) -> Vec<&kb::Problem> {
    profile.problems().iter().filter(|p| !p.history_only).collect()
}

fn profile_has_rx(profile: &Profile) -> bool {
    active(profile).iter().any(|p| p.meds.iter().any(|m| is_rx(m)))
}

/// Local guard against knowledge-base combinations a clinician would flag (reported for kb.rs): permanent AF
/// described as "in sinus rhythm today", an ACE inhibitor or ARB listed with sacubitril-valsartan, two SSRIs.
pub(super) fn clinically_ok(p: &Profile) -> bool {
    let perm_sinus = p.others.contains(&Other::AfibPermanent) && p.problems().iter().any(|x| x.key == "afib" && x.plan.contains("sinus rhythm"));
    let meds: Vec<String> = kb::meds(p).iter().map(|(_, _, m)| m.to_ascii_lowercase()).collect();
    let arni = meds.iter().any(|m| m.contains("sacubitril"));
    let acei_arb = meds.iter().any(|m| m.starts_with("lisinopril") || m.starts_with("losartan") || m.starts_with("enalapril") || m.starts_with("valsartan"));
    let ssris = ["sertraline", "escitalopram", "citalopram", "fluoxetine", "paroxetine"].iter().filter(|d| meds.iter().any(|m| m.starts_with(*d))).count();
    // An A1c above goal needs a change of treatment in the plan (the kb's only such wording: titrate glargine).
    let a1c_no_change = p.problems().iter().any(|x| x.key == "dm" && (x.plan.contains("above goal") || x.plan.contains("not at goal") || x.plan.contains("(goal < 7)")) && !x.plan.contains("titrate"));
    // A bariatric referral does not fit late life or dementia.
    let bariatric = p.problems().iter().any(|x| x.plan.contains("bariatric")) && (p.age >= 70 || p.others.contains(&Other::Alzheimers));
    // A plan that continues aspirin needs aspirin on the medication list.
    let aspirin_missing = p.problems().iter().any(|x| x.plan.contains("aspirin")) && !meds.iter().any(|m| m.starts_with("aspirin"));
    // Timed cessation counseling is a billable service (99406) that no family here codes: write it untimed.
    let timed_counsel = p.problems().iter().any(|x| x.plan.contains("Counseled on cessation for"));
    !perm_sinus && !(arni && acei_arb) && ssris <= 1 && !a1c_no_change && !bariatric && !aspirin_missing && !timed_counsel
}

/// Draws profiles until one passes the test (deterministic: the same stream gives the same result).
fn profile_where(rng: &mut Rng, age: u8, sx: Sex, spec: ProfileSpec, exclude: &[Other], ok: impl Fn(&Profile) -> bool) -> Profile {
    let mut last = Profile::random(rng, age, sx, spec, exclude);
    for _ in 0..80 {
        if ok(&last) && clinically_ok(&last) {
            return last;
        }
        last = Profile::random(rng, age, sx, spec, exclude);
    }
    last
}

/// A profile with the same big four as `base` and its other conditions changed.
fn rebuild(rng: &mut Rng, base: &Profile, diabetes: Option<Diabetes>, htn: bool, hf: Option<HfType>, ckd: Option<CkdStage>, others: &[Other]) -> Profile {
    let mut p = Profile::with(rng, base.age, base.sex, diabetes, htn, hf, ckd, others);
    for _ in 0..40 {
        if clinically_ok(&p) {
            break;
        }
        p = Profile::with(rng, base.age, base.sex, diabetes, htn, hf, ckd, others);
    }
    p
}

fn age_between(rng: &mut Rng, lo: i64, hi: i64) -> u8 {
    rng.range(lo, hi) as u8
}

// ---------------------------------------------------------------------------------------------------------------
// E/M: the 2021 office MDM table and time thresholds
// ---------------------------------------------------------------------------------------------------------------

const LEVEL: [&str; 4] = ["minimal", "low", "moderate", "high"];
const DATA_WORDS: [&str; 4] = ["minimal or none", "limited", "moderate", "extensive"];
const MDM_WORDS: [&str; 4] = ["straightforward", "low", "moderate", "high"];

fn em_code(new: bool, level: usize) -> &'static str {
    if new {
        ["99202", "99203", "99204", "99205"][level]
    } else {
        ["99212", "99213", "99214", "99215"][level]
    }
}

fn time_level(new: bool, minutes: u16) -> usize {
    let th: [u16; 4] = if new { [15, 30, 45, 60] } else { [10, 20, 30, 40] };
    (0..4).rev().find(|&i| minutes >= th[i]).unwrap_or(0)
}

/// The MDM of a visit as the auditor scores it.
struct Mdm {
    new: bool,
    p: usize,
    p_why: String,
    d: usize,
    d_why: String,
    r: usize,
    r_why: String,
    ev: Vec<Evidence>,
    minutes: Option<u16>,
    modifiers: Vec<&'static str>,
    note: String,
}

impl Mdm {
    fn new(new: bool) -> Mdm {
        Mdm { new, p: 0, p_why: String::new(), d: 0, d_why: String::new(), r: 0, r_why: String::new(), ev: Vec::new(), minutes: None, modifiers: Vec::new(), note: String::new() }
    }

    fn level(&self) -> usize {
        let mut v = [self.p, self.d, self.r];
        v.sort();
        v[1]
    }

    /// Tests the plan sentences order in words ("BMP in 3 months"): they count as ordered at this visit, so the
    /// data element is recounted when a scenario's own count left them out.
    fn recount_plan_tests(&mut self, cw: &CaseWriter) {
        let text: String = cw.docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("\n");
        let found: Vec<(&str, &str)> = [("BMP in 3 months", "basic metabolic panel"), ("recheck A1c in 3 months", "hemoglobin A1c")]
            .into_iter()
            .filter(|(ph, name)| text.contains(ph) && !self.d_why.contains(name) && !(*name == "basic metabolic panel" && self.d_why.contains("metabolic panel")))
            .collect();
        if found.is_empty() {
            return;
        }
        let zero = ["no tests ordered", "nothing ordered", "outside records are mentioned", "the ECG is reported separately", "imaging is arranged"];
        let (existing, base) = if zero.iter().any(|z| self.d_why.starts_with(z)) {
            (0, String::new())
        } else if self.d_why.starts_with("one unique test") {
            (1, self.d_why.split(';').next().unwrap_or("").to_string())
        } else if let Some(n) = self.d_why.split(' ').next().and_then(|w| w.parse::<usize>().ok()).filter(|_| self.d_why.contains(" unique test")) {
            let ext = self.d_why.contains("review of an external note") as usize;
            let cut = self.d_why.rfind(": ").filter(|&i| self.d_why[i + 2..].starts_with(|c: char| c.is_ascii_digit() || c == 'f')).unwrap_or(self.d_why.len());
            (n + ext, self.d_why[..cut].to_string())
        } else {
            return;
        };
        let n = existing + found.len();
        let list: Vec<String> = found.iter().map(|(ph, name)| format!("{name} (\"{ph}\")")).collect();
        let verdict = match n {
            0 | 1 => "fewer than 2 Category 1 items is minimal",
            2 => "2 Category 1 items is limited",
            _ => "3 or more Category 1 items is moderate",
        };
        self.d = if n >= 3 { 2 } else if n == 2 { 1 } else { 0 };
        self.d_why = if base.is_empty() {
            format!("{} unique test{} ordered in the plan: {}; no external records reviewed: {verdict}", found.len(), if found.len() == 1 { "" } else { "s" }, list.join(", "))
        } else {
            format!("{base}, and the plan also orders {}: {n} Category 1 items in all, which is {}", list.join(", "), ["minimal", "limited", "moderate"][self.d])
        };
    }

    /// Adds the E/M to the gold (as `gold.em` and as a service line). Returns the code.
    fn finish(mut self, cw: &mut CaseWriter) -> &'static str {
        self.recount_plan_tests(cw);
        let mdm = self.level();
        let by_time = self.minutes.map(|m| time_level(self.new, m));
        let (level, method) = match (by_time, self.minutes) {
            (Some(t), Some(m)) if t > mdm => (
                t,
                format!(
                    "Total time on the date of the encounter is documented as {m} minutes, which meets the {} threshold ({} minutes or more); time supports a higher level than MDM ({}), and either method may be used, so the visit is levelled by time.",
                    em_code(self.new, t),
                    if self.new { [15, 30, 45, 60][t] } else { [10, 20, 30, 40][t] },
                    em_code(self.new, mdm)
                ),
            ),
            (Some(t), Some(m)) => (
                mdm,
                format!(
                    "Time is documented ({m} minutes, which would support only {}), but MDM supports {}: the provider may use whichever method is more favourable, so the visit is levelled by MDM.",
                    em_code(self.new, t),
                    em_code(self.new, mdm)
                ),
            ),
            _ => (mdm, "No total time is documented, so the level rests on MDM.".to_string()),
        };
        let code = em_code(self.new, level);
        let text = format!(
            "{} patient. MDM: problems {} ({}); data {} ({}); risk {} ({}). Two of the three elements meet {} MDM, which is {} for {} patient. {}{}{}",
            if self.new { "New" } else { "Established" },
            LEVEL[self.p],
            self.p_why,
            DATA_WORDS[self.d],
            self.d_why,
            LEVEL[self.r],
            self.r_why,
            MDM_WORDS[mdm],
            em_code(self.new, mdm),
            if self.new { "a new" } else { "an established" },
            method,
            if self.note.is_empty() { "" } else { " " },
            self.note
        );
        let mut rules = vec![convention("2021 E/M MDM table"), convention("CPT office E/M 2021: level by MDM or total time")];
        if self.modifiers.contains(&"25") {
            rules.push(convention("CPT modifier 25"));
            rules.push(edit("NCCI Policy Manual Ch. I: the decision to perform a minor procedure is included in the procedure"));
        }
        cw.gold.em = Some(GoldEm {
            code: code.into(),
            problems: LEVEL[self.p].into(),
            data: ["minimal", "limited", "moderate", "extensive"][self.d].into(),
            risk: LEVEL[self.r].into(),
            total_minutes: self.minutes,
            evidence: self.ev.clone(),
            rationale: why(text.clone(), rules.clone()),
        });
        let svc_why = if self.modifiers.contains(&"25") {
            format!("{code}-25: a significant, separately identifiable E/M on the day of a minor procedure. {}", self.note)
        } else {
            format!("Office E/M {code}, levelled as shown in the E/M gold.")
        };
        cw.service(code, &self.modifiers, 1, self.ev, why(svc_why, rules));
        code
    }
}

// ---------------------------------------------------------------------------------------------------------------
// OFF: physician office E/M
// ---------------------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum OffKind {
    Acute,
    Uri,
    ChronicFu,
    ChronicOne,
    NewEstablish,
    SendOut,
    Workup,
    TimeHigher,
    TimeLower,
    Inj25,
    InjOnly,
    Abscess25,
    AbscessOnly,
    Cryo25,
    CryoOnly,
}

fn off_cases(rng: &mut Rng) -> Vec<Case> {
    use OffKind::*;
    let plan: [(OffKind, usize); 15] = [
        (Acute, 8),
        (Uri, 3),
        (ChronicFu, 7),
        (ChronicOne, 3),
        (NewEstablish, 4),
        (SendOut, 6),
        (Workup, 5),
        (TimeHigher, 5),
        (TimeLower, 3),
        (Inj25, 5),
        (InjOnly, 3),
        (Abscess25, 3),
        (AbscessOnly, 3),
        (Cryo25, 3),
        (CryoOnly, 2),
    ];
    let mut kinds = Vec::new();
    for (k, n) in plan {
        for i in 0..n {
            kinds.push((k, i));
        }
    }
    rng.shuffle(&mut kinds);
    let mut out = Vec::new();
    for (n, (k, i)) in kinds.into_iter().enumerate() {
        let id = case_id("OFF", n + 1);
        let c = match k {
            Acute => off_acute(rng, id, i),
            Uri => off_uri(rng, id),
            ChronicFu => off_chronic(rng, id, i, None),
            ChronicOne => off_chronic_one(rng, id, i, None),
            NewEstablish => off_new_establish(rng, id),
            SendOut => off_sendout(rng, id, i),
            Workup => off_workup(rng, id, i),
            TimeHigher => {
                if i % 2 == 0 {
                    off_chronic(rng, id, i, Some(true))
                } else {
                    off_chronic_one(rng, id, i, Some(true))
                }
            }
            TimeLower => off_chronic(rng, id, i, Some(false)),
            Inj25 => off_injection(rng, id, i, true),
            InjOnly => off_injection(rng, id, i, false),
            Abscess25 => off_abscess(rng, id, i, true),
            AbscessOnly => off_abscess(rng, id, i, false),
            Cryo25 => off_cryo(rng, id, i, true),
            CryoOnly => off_cryo(rng, id, i, false),
        };
        out.push(c);
    }
    out
}

/// Writes a header line for an office note.
fn office_header(doc: &mut Doc, rng: &mut Rng, new: bool, what: &str) {
    let kind = if new { rng.say(&["New patient visit", "NEW PATIENT", "New patient office visit"]) } else { rng.say(&["Established patient visit", "Return visit", "Office visit - established patient", "Follow-up visit"]) };
    doc.line(&format!("{kind} - {what}"));
}

/// The profile's chronic problems counted for MDM.
fn chronic_problem_level(profile: &Profile) -> (usize, String) {
    let act = active(profile);
    let unstable = profile.diabetes.is_some_and(|d| d.hyperglycemia);
    let names: Vec<String> = act.iter().map(|p| p.label.to_lowercase()).collect();
    match act.len() {
        0 => (0, String::new()),
        1 if unstable => (2, format!("1 chronic illness with progression, not at treatment goal ({})", names[0])),
        1 => (1, format!("1 stable chronic illness ({})", names[0])),
        n => (2, format!("{n} chronic illnesses addressed ({}): 2 or more stable chronic illnesses, or a chronic illness not at goal, is moderate", names.join("; "))),
    }
}

/// Writes the PMH (short forms), meds and the rest of a history for a profile.
fn write_profile_history(doc: &mut Doc, rng: &mut Rng, style: usize, profile: &Profile, w: &mut Written, extra_meds: &[String]) {
    hd(doc, style, "pmh");
    if profile.is_empty() {
        doc.line(&rng.say(&["No chronic medical problems.", "Noncontributory; no chronic illnesses.", "None significant."]));
    } else {
        kb::write_history(doc, profile, w);
        doc.add("\n");
    }
    hd(doc, style, "meds");
    let prefix = *rng.pick(&["- ", "  ", "* "]);
    if kb::meds(profile).is_empty() && extra_meds.is_empty() {
        doc.line(&rng.say(&["None.", "No daily medications.", "Takes no prescription medications."]));
    } else {
        kb::write_meds(doc, profile, w, prefix);
    }
    for m in extra_meds {
        doc.line(&format!("{prefix}{m}"));
    }
    hd(doc, style, "all");
    doc.line(&allergies(rng));
}

struct Acute {
    title: &'static str,
    cc: &'static [&'static str],
    hpi: &'static [&'static str],
    exam: &'static [&'static str],
    label: &'static [&'static str],
    code: &'static str,
    code_why: &'static str,
    rx: &'static [&'static str],
    /// A symptom integral to the diagnosis: (words in the HPI, tempting code).
    integral: Option<(&'static str, &'static str)>,
    female_only: bool,
    orders: &'static [&'static str],
    ros_skip: &'static [&'static str],
}

const ACUTES: [Acute; 5] = [
    Acute {
        title: "sinus symptoms",
        cc: &["Sinus pressure and congestion x {n} days", "\"Sinus infection\" - congestion, facial pressure"],
        hpi: &["Nasal congestion began with a cold {n} days ago, improved briefly, then worsened over the last 3 days with thick yellow-green drainage and pressure over the cheeks. ", "{Pt|Patient} reports {n} days of nasal congestion, purulent rhinorrhea and pressure over both cheeks, worse bending forward; tried OTC decongestant without relief. "],
        exam: &["HEENT: tenderness over bilateral maxillary sinuses; purulent drainage in both nares; TMs clear; pharynx mildly erythematous.", "Face: maxillary sinus tenderness to percussion. Nares: boggy turbinates with purulent discharge. TMs normal."],
        label: &["Acute maxillary sinusitis, bacterial", "Acute maxillary sinusitis, bacterial - double-worsening course"],
        code: "J01.00",
        code_why: "The provider documents acute sinusitis of the maxillary sinus, not called recurrent, no organism named: J01.00. \"Sinusitis\" without \"acute\" would index to chronic J32.9, which J01's Excludes1 note separates.",
        rx: &["amoxicillin-clavulanate 875-125 mg PO BID x 7 days", "doxycycline 100 mg PO BID x 7 days"],
        integral: Some(("congestion", "R09.81")),
        female_only: false,
        orders: &[],
        ros_skip: &["ent", "const"],
    },
    Acute {
        title: "urinary symptoms",
        cc: &["Burning with urination x {n} days", "Dysuria and frequency"],
        hpi: &["{Reports|Describes} burning with urination, urgency and frequency for {n} days. No fever, flank pain, vaginal discharge or gross hematuria. Not pregnant (postmenopausal or on reliable contraception per pt). ", "{n} days of dysuria and urinary frequency; no back pain, no fever or chills, no visible blood in urine. Similar episode several years ago. "],
        exam: &["Abd: mild suprapubic tenderness, no CVA tenderness.", "Abdomen soft, suprapubic tenderness; no costovertebral angle tenderness."],
        label: &["Acute cystitis without hematuria", "Acute uncomplicated cystitis, no hematuria"],
        code: "N30.00",
        code_why: "Acute cystitis documented without hematuria: N30.00 (the 5th character separates with and without hematuria).",
        rx: &["nitrofurantoin monohydrate/macrocrystals 100 mg PO BID x 5 days", "nitrofurantoin 100 mg PO BID for 5 days"],
        integral: Some(("burning with urination", "R30.0")),
        female_only: true,
        orders: &["urinalysis with microscopy", "urine culture"],
        ros_skip: &["gu", "const"],
    },
    Acute {
        title: "cough",
        cc: &["Cough x {n} days", "Cough, chest congestion"],
        hpi: &["Productive cough for {n} days after a cold, clear to white sputum; no fever, no shortness of breath, no hemoptysis. Sleep disturbed by cough. ", "{Pt|Patient} has had a hacking cough for about {n} days; mild chest soreness with coughing only, no fevers or dyspnea. "],
        exam: &["Lungs: scattered rhonchi that clear with cough; no crackles, no wheeze; normal work of breathing.", "Chest: a few coarse breath sounds clearing after cough, no focal consolidation."],
        label: &["Acute bronchitis", "Acute bronchitis, likely viral"],
        code: "J20.9",
        code_why: "Acute bronchitis without an organism: J20.9 (\"likely viral\" qualifies the cause, not the diagnosis; no virus code is assigned from an uncertain cause).",
        rx: &["benzonatate 200 mg PO TID PRN cough", "benzonatate 100 mg PO TID PRN"],
        integral: Some(("cough", "R05.1")),
        female_only: false,
        orders: &[],
        ros_skip: &["resp", "const"],
    },
    Acute {
        title: "leg redness",
        cc: &["Red, warm area on lower leg x {n} days", "Leg redness and swelling"],
        hpi: &["Noticed redness on the {side} lower leg {n} days ago after a scrape while gardening; spreading slowly, warm and tender. No fever or chills. ", "{Side} shin became red and sore over {n} days, no known injury other than a small scratch; no fevers. "],
        exam: &["Skin: {side} anterior lower leg with a {6 x 8|7 x 10|5 x 9} cm area of blanching erythema and warmth, mildly tender, no fluctuance or purulence; margins marked with pen.", "{Side} lower leg: well-demarcated erythema and warmth over the shin, no induration or fluctuance, no crepitus; DP pulse 2+."],
        label: &["Cellulitis of {side} lower leg", "Cellulitis, {side} lower extremity"],
        code: "L03.11",
        code_why: "Cellulitis of the lower limb with laterality documented: L03.11- with the side as the 6th character.",
        rx: &["cephalexin 500 mg PO QID x 7 days", "cephalexin 500 mg PO four times daily for 7 days"],
        integral: None,
        female_only: false,
        orders: &[],
        ros_skip: &["const", "msk"],
    },
    Acute {
        title: "back pain",
        cc: &["Low back pain x {n} days", "Lower back pain"],
        hpi: &["Gradual onset of low back pain {n} days ago after a weekend of yard work; no specific injury. Pain is across the low back, worse with bending, no radiation into the legs, no numbness or weakness, no bowel or bladder changes. ", "Aching pain in the lower back for about {n} days; no trauma; does not radiate; no saddle anesthesia, no urinary retention, no fever. "],
        exam: &["Back: lumbar paraspinal tenderness and spasm, no midline tenderness. SLR negative bilaterally. Strength 5/5 LE, reflexes 2+ symmetric.", "Spine: tender lumbar paraspinals, decreased flexion due to pain; neg straight leg raise; neuro intact distally."],
        label: &["Acute low back pain without sciatica", "Low back pain, acute, no radicular features"],
        code: "M54.50",
        code_why: "Low back pain without sciatica or a more specific cause documented: M54.50 (M54.4- is used only with sciatica).",
        rx: &["cyclobenzaprine 5 mg PO at bedtime PRN muscle spasm, #15", "cyclobenzaprine 5 mg PO qHS PRN spasm"],
        integral: None,
        female_only: false,
        orders: &[],
        ros_skip: &["msk", "neuro"],
    },
];

fn off_acute(rng: &mut Rng, id: String, i: usize) -> Case {
    let which = i % 5;
    let a = &ACUTES[which];
    let sx = if a.female_only { Sex::Female } else { sex(rng) };
    let age = if a.female_only { age_between(rng, 30, 64) } else { age_between(rng, 30, 82) };
    let new = rng.chance(0.3);
    let with_chronic = i % 2 == 1;
    let profile = if with_chronic {
        profile_where(rng, age, sx, ProfileSpec::LIGHT, &[Other::Copd, Other::AsthmaModerate, Other::OaKnees], |p| active(p).len() >= 2 && profile_has_rx(p))
    } else {
        Profile::with(rng, age, sx, None, false, None, None, &[])
    };
    let right = rng.chance(0.5);
    let side = if right { "right" } else { "left" };
    let days = [rng.range(10, 14), rng.range(2, 3), rng.range(8, 10), rng.range(2, 3), rng.range(4, 6)][which].to_string();
    let side_cap = if right { "Right" } else { "Left" };
    let sub = |s: &str| s.replace("{side}", side).replace("{Side}", side_cap).replace("{n}", &days);
    let mut cw = CaseWriter::new(id, format!("Office visit: {}", a.title), &[Track::EmAuditing, Track::Opd], if with_chronic { Difficulty::Intermediate } else { Difficulty::Foundation }, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(4);
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut w = Written::default();
    let mut mdm = Mdm::new(new);
    office_header(&mut d, rng, new, a.title);
    hd(&mut d, style, "cc");
    let cc = sub(*rng.pick(a.cc));
    d.line(&rng.vary(&cc));
    hd(&mut d, style, "hpi");
    let who = person(rng, age, sx);
    d.add(&format!("{who} {}. ", if new { rng.say(&["new to the practice", "establishing care today"]) } else { rng.say(&["known to this clinic", "last seen several months ago"]) }));
    let hpi = sub(*rng.pick(a.hpi));
    let hpi = rng.vary(&hpi);
    let integral_ev = a.integral.and_then(|(words, _)| {
        hpi.find(words).map(|_| {
            let e = d.mark_in(&hpi, words);
            e
        })
    });
    if integral_ev.is_none() {
        d.add(&hpi);
    }
    if with_chronic {
        d.add(&rng.say(&["Also due for routine follow-up of chronic problems; no new concerns with them.", "Chronic conditions reviewed as well since due for follow-up.", "Would also like med refills today."]));
    }
    d.add("\n");
    hd(&mut d, style, "ros");
    d.line(&ros_negatives(rng, a.ros_skip));
    write_profile_history(&mut d, rng, style, &profile, &mut w, &[]);
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.6, 99.0);
    d.line(&vitals_for(rng, &profile, t, (96, 99)));
    hd(&mut d, style, "exam");
    for l in exam_general(rng, if profile.others.iter().any(|o| matches!(o, Other::Hemiplegia | Other::Alzheimers | Other::Parkinsons)) { &["abd", "neuro"] } else { &["abd"] }) {
        d.line(&l);
    }
    let ex = sub(*rng.pick(a.exam));
    d.line(&rng.vary(&ex));
    if !a.orders.is_empty() {
        hd(&mut d, style, "data");
        let e = d.mark_line(&format!("Ordered: {} and {}.", a.orders[0], a.orders[1]));
        mdm.ev.push(e);
    }
    hd(&mut d, style, "ap");
    d.add("1. ");
    let label = sub(*rng.pick(a.label));
    let label = rng.vary(&label);
    let e_label = d.mark(&label);
    let rx = rng.say(a.rx);
    let plan_words = format!(" - start {rx}{}", rng.vary(match which {
        0 => "; saline rinses, fluids{|, return if fever or vision change}.",
        1 => "; fluids{|; return if fever, flank pain}.",
        2 => "; honey, fluids; return if fever or SOB{|, expect cough up to 3 weeks}.",
        3 => "; elevate leg; recheck in 48 hours{| or sooner if spreading past the marked border}.",
        _ => "; ibuprofen 400 mg with food as needed; heat, gentle activity{|, PT if not improving in 4 weeks}.",
    }));
    let e_rx = d.mark_in(&plan_words, &rx);
    d.add("\n");
    let code = if a.code == "L03.11" { if right { "L03.115" } else { "L03.116" } } else { a.code };
    mdm.ev.push(e_label.clone());
    mdm.ev.push(e_rx.clone());
    if with_chronic {
        kb::write_assessment(&mut d, rng, &profile, 2, &mut w);
    }
    d.line(&rng.say(&["Return precautions reviewed.", "RTC PRN or as scheduled.", "Follow up if not improving."]));
    signature(&mut d, rng);
    cw.add_doc(d);
    let chapter = ["OCG I.C.10", "OCG I.C.14", "OCG I.C.10", "OCG I.C.12", "OCG I.C.13"][which];
    let rules = vec![guideline("OCG IV.G"), guideline(chapter)];
    cw.dx(code, None, vec![e_label], why(format!("{} It is the reason for the visit, so it is listed first.", a.code_why), rules));
    if with_chronic {
        profile.code(&mut cw, &w, None);
    }
    if let (Some((_, tempt)), Some(e)) = (a.integral, integral_ev) {
        cw.not_coded(&format!("{} (symptom)", e.quote), Some(tempt), vec![e], why("A sign or symptom routinely associated with the confirmed diagnosis is not coded separately.", vec![guideline("OCG I.B.5"), guideline("OCG IV.D")]));
    }
    // MDM
    let (cp, cwhy) = chronic_problem_level(&profile);
    if cp >= 2 {
        mdm.p = 2;
        mdm.p_why = format!("an acute uncomplicated illness ({}) plus {cwhy}", label.to_lowercase());
    } else {
        mdm.p = 1;
        mdm.p_why = format!("1 acute uncomplicated illness ({})", label.to_lowercase());
    }
    if a.orders.is_empty() {
        mdm.d = 0;
        mdm.d_why = "no tests ordered, no external records or independent historian".into();
    } else {
        mdm.d = 1;
        mdm.d_why = format!("2 unique tests ordered ({} and {})", a.orders[0], a.orders[1]);
    }
    mdm.r = 2;
    mdm.r_why = format!("prescription drug management: {rx}");
    mdm.finish(&mut cw);
    cw.finish()
}

fn off_uri(rng: &mut Rng, id: String) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 30, 70);
    let new = rng.chance(0.3);
    let mut cw = CaseWriter::new(id, "Office visit: cold symptoms", &[Track::EmAuditing, Track::Opd], Difficulty::Foundation, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(4);
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut mdm = Mdm::new(new);
    office_header(&mut d, rng, new, "sick visit");
    hd(&mut d, style, "cc");
    d.line(&rng.say(&["Runny nose, sore throat x {2|3|4} days", "Cold symptoms", "Congestion and scratchy throat"]));
    hd(&mut d, style, "hpi");
    let who = person(rng, age, sx);
    let days = rng.range(2, 4);
    let tenth = rng.range(0, 6);
    d.line(&rng.vary(&format!("{who} with {days} days of clear rhinorrhea, {{scratchy|mild}} sore throat and {{sneezing|a dry cough}}. {{Several coworkers sick with the same.|Child at home had a cold last week.}} Tmax 99.{tenth} at home. No ear pain, no SOB. Wants to make sure it is \"nothing more.\"")));
    hd(&mut d, style, "ros");
    d.line(&ros_negatives(rng, &["ent", "resp", "const"]));
    hd(&mut d, style, "pmh");
    d.line(&rng.say(&["None.", "No chronic conditions.", "Healthy, no chronic illness."]));
    hd(&mut d, style, "meds");
    d.line("None.");
    hd(&mut d, style, "all");
    d.line(&allergies(rng));
    hd(&mut d, style, "vitals");
    let bp = normal_bp(rng);
    let t = rng.decimal(98.0, 99.4);
    d.line(&vitals(rng, bp, t, (97, 99)));
    hd(&mut d, style, "exam");
    d.line(&rng.say(&["HEENT: clear rhinorrhea, mild pharyngeal erythema without exudate, TMs normal bilaterally. No sinus tenderness.", "Nasal mucosa erythematous with clear discharge; posterior pharynx mildly injected, no exudate; TMs pearly."]));
    d.line(&rng.say(&["Neck: shotty anterior nodes, nontender.", "Neck: no lymphadenopathy."]));
    d.line(&rng.say(&["Lungs: clear.", "Lungs: CTAB, no wheeze."]));
    hd(&mut d, style, "ap");
    let label = rng.say(&["Acute viral upper respiratory infection", "Acute viral URI", "Acute upper respiratory infection, viral"]);
    let e_label = d.mark(&label);
    let otc = rng.say(&["OTC acetaminophen or ibuprofen as needed, saline spray, honey for cough", "Supportive care: fluids, rest, OTC decongestant and acetaminophen as needed"]);
    let e_otc = d.mark_in(&format!(" - self-limited illness. {otc}. No antibiotics indicated; return if fever > 101, ear pain or symptoms beyond 10 days.\n"), &otc);
    signature(&mut d, rng);
    cw.add_doc(d);
    cw.dx("J06.9", None, vec![e_label.clone()], why("Acute upper respiratory infection without a specified site or organism: J06.9. The sore throat and rhinorrhea are part of the URI and are not coded.", vec![guideline("OCG IV.G"), guideline("OCG I.B.5")]));
    mdm.p = 0;
    mdm.p_why = "1 self-limited or minor problem (a common cold)".into();
    mdm.d = 0;
    mdm.d_why = "nothing ordered or reviewed".into();
    mdm.r = 1;
    mdm.r_why = "over-the-counter drugs only".into();
    mdm.ev = vec![e_label, e_otc];
    mdm.finish(&mut cw);
    cw.finish()
}

/// Orders a chronic-care plan would write for a profile.
fn chronic_orders(profile: &Profile, rng: &mut Rng) -> Vec<&'static str> {
    let mut o = Vec::new();
    if profile.diabetes.is_some() {
        o.push("hemoglobin A1c");
    }
    if profile.hypertension || profile.ckd.is_some() || profile.heart_failure.is_some() {
        o.push(*rng.pick(&["basic metabolic panel", "comprehensive metabolic panel"]));
    }
    if profile.others.contains(&Other::Hyperlipidemia) {
        o.push("lipid panel");
    }
    if profile.others.contains(&Other::Hypothyroidism) {
        o.push("TSH");
    }
    if profile.others.contains(&Other::IronDeficiency) || profile.ckd_anemia {
        o.push("CBC");
    }
    if profile.diabetes.is_some() && rng.chance(0.5) {
        o.push("urine albumin-to-creatinine ratio");
    }
    o.dedup();
    o
}

fn data_from_orders(mdm: &mut Mdm, orders: &[&str], external: Option<&str>) {
    let n = orders.len() + external.is_some() as usize;
    let mut items: Vec<String> = orders.iter().map(|o| o.to_string()).collect();
    let ext = external.map(|e| format!("review of an external note ({e})"));
    mdm.d = if n >= 3 { 2 } else if n == 2 { 1 } else { 0 };
    let mut s = if items.is_empty() { String::new() } else { format!("{} unique test{} ordered ({})", items.len(), if items.len() == 1 { "" } else { "s" }, items.join(", ")) };
    if let Some(e) = ext {
        if !s.is_empty() {
            s.push_str(" plus ");
        }
        s.push_str(&e);
        items.push(String::new());
    }
    if s.is_empty() {
        s = "nothing ordered or reviewed".into();
    }
    s.push_str(match mdm.d {
        2 => ": 3 Category 1 items is moderate",
        1 => ": 2 Category 1 items is limited",
        _ => ": fewer than 2 Category 1 items",
    });
    mdm.d_why = s;
}

/// Chronic follow-up. `time`: None (MDM only), Some(true) total time above the MDM level, Some(false) below it.
fn off_chronic(rng: &mut Rng, id: String, i: usize, time: Option<bool>) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 45, 86);
    let new = false;
    let profile = profile_where(rng, age, sx, ProfileSpec::TYPICAL, &[], |p| active(p).len() >= 2 && active(p).len() <= 6 && profile_has_rx(p));
    let title = match time {
        Some(_) => "Office visit: chronic conditions, counseling",
        None => "Office visit: chronic disease follow-up",
    };
    let mut cw = CaseWriter::new(id, title, &[Track::EmAuditing, Track::Opd], if time.is_some() { Difficulty::Intermediate } else { Difficulty::Foundation }, visit(Setting::PhysicianOffice, age, sx));
    let style = (rng.below(4) + i) % 4;
    let mut d = cw.doc(DocumentKind::OfficeNote, *rng.pick(&["Office Note", "Progress Note - Office", "Clinic Note"]), Some(1));
    let mut w = Written::default();
    let mut mdm = Mdm::new(new);
    office_header(&mut d, rng, new, "chronic care");
    hd(&mut d, style, "cc");
    d.line(&rng.say(&["{3|6}-month follow-up of chronic conditions", "Follow-up, med refills", "Routine f/u {HTN/DM|chronic problems}, labs"]).replace("HTN/DM", "chronic meds"));
    hd(&mut d, style, "hpi");
    let who = person(rng, age, sx);
    d.add(&format!("{who} here for scheduled follow-up. "));
    let hpi_opts = if profile.hypertension { ["Taking medications as prescribed, no side effects. {Checks BP at home, readings mostly at goal.|Walking 3-4 days a week.} "] } else { ["Taking medications as prescribed, no side effects. {Walking 3-4 days a week.|Sleeping well.} "] };
    d.add(&rng.say(&[
        hpi_opts[0],
        "Doing well overall. {Reports good adherence|Uses a pill box}; no hospital or ED visits since last seen. ",
        "No new complaints. {Takes all medications as prescribed|Adherent to medications}; no side effects. ",
    ]));
    if time == Some(true) {
        d.add(&rng.say(&[
            "Much of today's visit spent on questions about medication costs and side effects, and on a detailed review of diet and home monitoring.",
            "Spouse has many questions; long discussion of diet, exercise and what the numbers mean.",
        ]));
    }
    d.add("\n");
    hd(&mut d, style, "ros");
    d.line(&ros_negatives(rng, &[]));
    write_profile_history(&mut d, rng, style, &profile, &mut w, &[]);
    hd(&mut d, style, "soc");
    if age >= 62 {
        d.line(&rng.say(&["Lives with spouse. Alcohol: rare.", "Retired. Lives alone, independent in ADLs.", "Works part time. Occasional alcohol."]));
    } else {
        d.line(&rng.say(&["Lives with spouse. Alcohol: rare.", "Works full time in an office. Occasional alcohol.", "Works part time. Occasional alcohol."]));
    }
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.6, 98.8);
    d.line(&vitals_for(rng, &profile, t, (95, 99)));
    hd(&mut d, style, "exam");
    for l in exam_for(rng, &profile) {
        d.line(&l);
    }
    let orders = chronic_orders(&profile, rng);
    let external = if rng.chance(0.35) { Some(*rng.pick(&["cardiology consult note from last month", "nephrology clinic letter", "endocrinology note from their last visit", "hospital discharge summary from an outside facility"])) } else { None };
    hd(&mut d, style, "data");
    if let Some(e) = external {
        let ev = d.mark_line(&format!("Reviewed {e}."));
        mdm.ev.push(ev);
    }
    if orders.is_empty() {
        d.line("No labs due today.");
    } else {
        let ev = d.mark_line(&format!("Orders: {} before next visit.", orders.join(", ")));
        mdm.ev.push(ev);
    }
    hd(&mut d, style, "ap");
    kb::write_assessment(&mut d, rng, &profile, 1, &mut w);
    for p in active(&profile) {
        if let Some(e) = w.names.get(p.key).and_then(|v| v.last()) {
            mdm.ev.push(e.clone());
        }
    }
    if let Some(e) = w.plans.get(active(&profile)[0].key).and_then(|v| v.last()) {
        mdm.ev.push(e.clone());
    }
    let m = match time {
        Some(true) => Some(rng.range(41, 52) as u16),
        Some(false) => Some(rng.range(21, 28) as u16),
        None => None,
    };
    d.line(&rng.say(&["RTC 3 months.", "Follow up in 3-4 months, sooner PRN.", "Return in 6 months with labs."]));
    if let Some(m) = m {
        let s = rng.vary(&format!("Total time{{ spent|}} on the date of {{service|the encounter}}: {m} minutes, including {{chart and lab review|review of prior results}}, {{history and exam|face-to-face evaluation}}, {{counseling|education}} and documentation."));
        let ev = d.mark_line(&s);
        mdm.ev.push(ev);
    }
    signature(&mut d, rng);
    cw.add_doc(d);
    profile.code(&mut cw, &w, None);
    if let Some(first) = cw.gold.diagnoses.first_mut() {
        first.rationale.text.push_str(" Listed first: the chronic condition heading the provider's assessment at this follow-up visit (any chronic condition managed may be first-listed).");
        first.rationale.rules.push(guideline("OCG IV.I"));
    }
    let (p, pw) = chronic_problem_level(&profile);
    mdm.p = p;
    mdm.p_why = pw;
    data_from_orders(&mut mdm, &orders, external);
    mdm.r = 2;
    mdm.r_why = "prescription drug management (chronic prescriptions reviewed and continued)".into();
    mdm.minutes = m;
    mdm.finish(&mut cw);
    cw.finish()
}

/// A visit for one stable chronic illness on a prescription: low problems, moderate risk.
fn off_chronic_one(rng: &mut Rng, id: String, i: usize, time_higher: Option<bool>) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 32, 84);
    let new = time_higher.is_some() || rng.chance(0.3);
    let choices = [Other::Hypothyroidism, Other::Gerd, Other::Hyperlipidemia, Other::Gout, Other::AsthmaModerate, Other::Gad];
    let o = choices[(i + rng.below(6)) % 6];
    let profile = Profile::with(rng, age, sx, None, false, None, None, &[o]);
    let mut cw = CaseWriter::new(id, if new { "New patient: one chronic condition" } else { "Office visit: medication follow-up" }, &[Track::EmAuditing, Track::Opd], Difficulty::Foundation, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(4);
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut w = Written::default();
    let mut mdm = Mdm::new(new);
    office_header(&mut d, rng, new, if new { "transfer of care" } else { "medication check" });
    hd(&mut d, style, "cc");
    d.line(&if new { rng.say(&["Establish care, med refill", "New to the practice, needs refills"]) } else { rng.say(&["Needs refills", "Medication follow-up"]) });
    hd(&mut d, style, "hpi");
    let who = person(rng, age, sx);
    let pr = &active(&profile)[0];
    d.line(&rng.vary(&format!(
        "{who} {} for {}. {{Feels well|No complaints}}; {{no side effects from medication|tolerating medication well}}. {}",
        if new { "moved to the area and is establishing care" } else { "returns" },
        pr.short,
        if time_higher == Some(true) { "Brought a folder of prior records and a long list of questions about long-term risks, alternatives and lifestyle; extensive education provided." } else { "" }
    )));
    hd(&mut d, style, "ros");
    d.line(&ros_negatives(rng, &[]));
    hd(&mut d, style, "meds");
    let prefix = "- ";
    kb::write_meds(&mut d, &profile, &mut w, prefix);
    hd(&mut d, style, "all");
    d.line(&allergies(rng));
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.7, 98.9);
    d.line(&vitals_for(rng, &profile, t, (96, 99)));
    hd(&mut d, style, "exam");
    for l in exam_for(rng, &profile) {
        d.line(&l);
    }
    hd(&mut d, style, "ap");
    kb::write_assessment(&mut d, rng, &profile, 1, &mut w);
    let med = pr.meds.first().cloned().unwrap_or_default();
    let refill = format!("Refill sent: {med}, 90-day supply.");
    let e_refill = d.mark_line(&refill);
    let m = time_higher.map(|_| if new { rng.range(46, 68) as u16 } else { rng.range(31, 38) as u16 });
    if let Some(m) = m {
        let ev = d.mark_line(&rng.vary(&format!("I spent {m} minutes total on this patient on the date of the visit ({{reviewing outside records|records review}}, exam, counseling and {{documenting|note writing}}).")));
        mdm.ev.push(ev);
    }
    signature(&mut d, rng);
    cw.add_doc(d);
    profile.code(&mut cw, &w, None);
    if let Some(e) = w.names.get(pr.key).and_then(|v| v.first()) {
        mdm.ev.push(e.clone());
    }
    mdm.ev.push(e_refill);
    mdm.p = 1;
    mdm.p_why = format!("1 stable chronic illness ({})", pr.label.to_lowercase());
    mdm.d = 0;
    mdm.d_why = "no tests ordered, no external notes reviewed and counted".into();
    if time_higher == Some(true) {
        mdm.d_why = "outside records are mentioned but not identified by source, and nothing is ordered: minimal".into();
    }
    mdm.r = 2;
    mdm.r_why = format!("prescription drug management ({med} continued and refilled)");
    mdm.minutes = m;
    mdm.finish(&mut cw);
    cw.finish()
}

fn off_new_establish(rng: &mut Rng, id: String) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 48, 84);
    let profile = profile_where(rng, age, sx, ProfileSpec::TYPICAL, &[], |p| active(p).len() >= 2 && active(p).len() <= 5 && profile_has_rx(p));
    let mut cw = CaseWriter::new(id, "New patient: establishing care", &[Track::EmAuditing, Track::Opd], Difficulty::Intermediate, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(4);
    let mut d = cw.doc(DocumentKind::OfficeNote, "New Patient Note", Some(1));
    let mut w = Written::default();
    let mut mdm = Mdm::new(true);
    office_header(&mut d, rng, true, "establish care");
    hd(&mut d, style, "cc");
    d.line(&rng.say(&["Establish care; previous PCP retired", "New patient, transferring care", "Establishing primary care after a move"]));
    hd(&mut d, style, "hpi");
    let who = person(rng, age, sx);
    d.line(&rng.vary(&format!("{who} presents to establish care. {{Previous physician retired|Recently relocated from another state}}. Reports {{good|fair}} control of chronic problems; needs refills. {{No recent hospitalizations.|One ED visit last year for a fall, no injury.}}")));
    hd(&mut d, style, "ros");
    d.line(&ros_negatives(rng, &[]));
    write_profile_history(&mut d, rng, style, &profile, &mut w, &[]);
    hd(&mut d, style, "soc");
    if age >= 62 {
        d.line(&rng.say(&["Married, retired teacher. Drinks 1-2 glasses of wine weekly.", "Widowed, lives with daughter. No alcohol.", "Lives with partner; works from home."]));
    } else {
        d.line(&rng.say(&["Married, works as a bookkeeper. Drinks 1-2 glasses of wine weekly.", "Divorced, lives with daughter. No alcohol.", "Lives with partner; works from home."]));
    }
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.6, 98.8);
    d.line(&vitals_for(rng, &profile, t, (95, 99)));
    hd(&mut d, style, "exam");
    for l in exam_for(rng, &profile) {
        d.line(&l);
    }
    hd(&mut d, style, "data");
    let ext = rng.say(&["records from the prior primary care office", "prior PCP's last two office notes and labs", "outside records faxed by the previous clinic"]);
    let e_ext = d.mark_line(&format!("Reviewed {ext} (labs from last year, problem list, immunizations)."));
    let mut orders = chronic_orders(&profile, rng);
    for extra in ["comprehensive metabolic panel", "lipid panel", "CBC"] {
        if orders.len() < 2 && !orders.contains(&extra) && !(extra == "comprehensive metabolic panel" && orders.contains(&"basic metabolic panel")) {
            orders.push(extra);
        }
    }
    let e_ord = d.mark_line(&format!("Ordered: {}.", orders.join(", ")));
    hd(&mut d, style, "ap");
    kb::write_assessment(&mut d, rng, &profile, 1, &mut w);
    d.line(&rng.say(&["Return in 3 months, sooner if needed.", "Follow up after labs; annual wellness visit to be scheduled separately."]));
    signature(&mut d, rng);
    cw.add_doc(d);
    profile.code(&mut cw, &w, None);
    mdm.ev = vec![e_ext, e_ord];
    for p in active(&profile) {
        if let Some(e) = w.plans.get(p.key).and_then(|v| v.last()) {
            mdm.ev.push(e.clone());
            break;
        }
    }
    let (p, pw) = chronic_problem_level(&profile);
    mdm.p = p;
    mdm.p_why = pw;
    data_from_orders(&mut mdm, &orders, Some("the prior PCP's records, one unique source"));
    mdm.r = 2;
    mdm.r_why = "prescription drug management (home prescriptions reviewed, continued and refilled)".into();
    mdm.finish(&mut cw);
    cw.finish()
}

/// Visits that end in a decision about hospitalization: high MDM.
fn off_sendout(rng: &mut Rng, id: String, i: usize) -> Case {
    let which = i % 3;
    let sx = sex(rng);
    let age = age_between(rng, 48, 86);
    let new = which == 0 && rng.chance(0.4);
    let title = ["Office visit: chest pain", "Office visit: swelling and shortness of breath", "Office visit: abdominal pain"][which];
    let mut cw = CaseWriter::new(id, title, &[Track::EmAuditing, Track::Opd], Difficulty::Advanced, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(4);
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut mdm = Mdm::new(new);
    office_header(&mut d, rng, new, "acute visit");
    let who = person(rng, age, sx);
    match which {
        0 => {
            hd(&mut d, style, "cc");
            d.line("Chest pain this morning");
            hd(&mut d, style, "hpi");
            let h = rng.range(2, 5);
            d.line(&rng.vary(&format!("{who} {{walked in|came in without appointment}} with substernal chest pain that began {h} hours ago while {{climbing stairs|carrying groceries|shoveling}}, radiating to the left arm, with diaphoresis; now 4/10 at rest. Never had this before.")));
            let fam = d.mark_in(&rng.vary("Family history: {father|brother} had an MI at age {48|52}.\n"), "had an MI at age");
            hd(&mut d, style, "pmh");
            d.line(if new { "No known chronic illnesses; no regular physician until now." } else { "No chronic illnesses; seen here only for minor acute problems." });
            hd(&mut d, style, "meds");
            d.line("None.");
            hd(&mut d, style, "all");
            d.line(&allergies(rng));
            hd(&mut d, style, "vitals");
            let bp = (rng.range(124, 138), rng.range(74, 86));
            let t = rng.decimal(97.8, 98.6);
            d.line(&vitals(rng, bp, t, (95, 98)));
            hd(&mut d, style, "exam");
            d.line(&rng.say(&["Gen: anxious, diaphoretic.", "General: uncomfortable, clammy."]));
            d.line("CV: RRR, no murmur. Lungs: clear. Chest wall nontender.");
            hd(&mut d, style, "data");
            let ecg = rng.vary("12-lead ECG performed and interpreted by me in the office: sinus rhythm, rate {78|84|90}, normal axis, no acute ST elevation{|, no prior tracing for comparison}.");
            let e_ecg = d.mark_line(&ecg);
            hd(&mut d, style, "ap");
            let label = rng.say(&["Chest pain, concerning for acute coronary syndrome", "Chest pain - rule out unstable angina/ACS", "Chest pain, suspect ACS"]);
            let e_label = d.mark_line(&format!("1. {label}"));
            let e_dec = d.mark_line(&rng.say(&["Sent to the emergency department by ambulance for serial troponins and cardiology evaluation; ED physician called with report.", "Transferred to ED via EMS for ACS workup; report called to the ED."]));
            signature(&mut d, rng);
            cw.add_doc(d);
            cw.dx("R07.9", None, vec![e_label.clone()], why("In the office, \"concerning for\" / \"rule out\" acute coronary syndrome is an uncertain diagnosis and is not coded; the symptom, chest pain, is coded instead.", vec![guideline("OCG IV.H"), guideline("OCG IV.D")]));
            cw.dx("Z82.49", None, vec![fam], why("Family history of premature ischemic heart disease, documented and relevant to the decision to send the patient out.", vec![guideline("OCG I.C.21.c.4"), guideline("OCG IV.J")]));
            cw.not_coded("acute coronary syndrome / unstable angina (suspected)", Some("I24.9"), vec![e_label.clone()], why("Uncertain diagnoses (suspected, concerning for, rule out) are not coded in the outpatient setting; the ED or hospital will code what they confirm.", vec![guideline("OCG IV.H")]));
            cw.service("93000", &[], 1, vec![e_ecg.clone()], why("Routine 12-lead ECG with interpretation and report performed in the office: 93000 (tracing plus the physician's interpretation).", vec![convention("CPT 93000 ECG with interpretation and report")]));
            cw.not_coded("modifier 25 on the E/M because of the ECG", Some("25"), vec![e_ecg], why("93000 is a diagnostic test with no global surgical period, and NCCI pairs no office E/M with it, so the E/M needs no modifier 25 (follow a payer's policy if it asks otherwise). The physician's own ECG interpretation is billed with 93000 and is not counted again as data in the MDM.", vec![edit("NCCI PTP"), convention("CPT modifier 25")]));
            mdm.p = 3;
            mdm.p_why = "1 acute illness that poses a threat to life or bodily function (chest pain suspicious for ACS)".into();
            mdm.d = 0;
            mdm.d_why = "the ECG is reported separately (93000) so its interpretation is not counted; nothing else ordered or reviewed".into();
            mdm.r = 3;
            mdm.r_why = "decision regarding hospitalization (sent to the ED)".into();
            mdm.ev = vec![e_label, e_dec];
        }
        1 => {
            let diastolic = rng.chance(0.5);
            let ef = if diastolic { rng.range(55, 65) } else { rng.range(25, 35) };
            hd(&mut d, style, "cc");
            d.line(&rng.say(&["Leg swelling, short of breath", "Weight gain and SOB"]));
            hd(&mut d, style, "hpi");
            let lb = rng.range(6, 9);
            d.line(&rng.vary(&format!("{who} with known {} heart failure (last echo EF {ef}%) and hypertension reports {lb} lb weight gain over {{5|6}} days, orthopnea now 3 pillows, and dyspnea walking across the room. {{Ran out of furosemide|Ate out several times}} last week.", if diastolic { "diastolic" } else { "systolic" })));
            hd(&mut d, style, "pmh");
            d.line(&format!("Chronic {} heart failure; hypertension.", if diastolic { "diastolic" } else { "systolic" }));
            hd(&mut d, style, "meds");
            d.line(&format!("- furosemide 40 mg PO daily\n- {}\n- {}", if diastolic { "amlodipine 5 mg PO daily" } else { "carvedilol 12.5 mg PO BID" }, if diastolic { "spironolactone 25 mg PO daily" } else { "sacubitril-valsartan 49-51 mg PO BID" }));
            hd(&mut d, style, "all");
            d.line(&allergies(rng));
            hd(&mut d, style, "vitals");
            let bp = (rng.range(146, 172), rng.range(84, 98));
            let t = rng.decimal(97.6, 98.6);
            d.line(&vitals(rng, bp, t, (89, 92)));
            hd(&mut d, style, "exam");
            d.line(&rng.vary("Gen: dyspneic with conversation. Neck: JVD to the angle of the jaw. Lungs: bibasilar crackles {one-third|halfway} up. Ext: {2+|3+} pitting edema to the knees."));
            hd(&mut d, style, "ap");
            let label = format!("Acute on chronic {} heart failure", if diastolic { "diastolic" } else { "systolic" });
            let e_label = d.mark(&label);
            d.add(", with hypertension - volume overloaded despite home furosemide.\n");
            let e_dec = d.mark_line(&rng.say(&["Direct admission arranged; discussed with the admitting hospitalist, who accepts to telemetry. IV diuresis on arrival.", "Too volume overloaded for outpatient diuresis: sent to the ED for admission; hospitalist notified."]));
            signature(&mut d, rng);
            cw.add_doc(d);
            cw.dx("I11.0", None, vec![e_label.clone()], why("Hypertension with heart failure: the causal link is presumed, so I11.0 is listed first and the heart failure type follows.", vec![guideline("OCG I.C.9.a.1"), tabular("I11.0 Use additional code to identify type of heart failure")]));
            cw.dx(if diastolic { "I50.33" } else { "I50.23" }, None, vec![e_label.clone()], why("Acute on chronic heart failure, type as documented: the acuity and type decide the I50 code.", vec![guideline("OCG I.C.9.a.1")]));
            mdm.p = 3;
            mdm.p_why = "1 chronic illness with severe exacerbation (acute on chronic heart failure)".into();
            mdm.d = 0;
            mdm.d_why = "no tests ordered in the office; the call to the hospitalist arranges the admission".into();
            mdm.r = 3;
            mdm.r_why = "decision regarding hospitalization".into();
            mdm.ev = vec![e_label, e_dec];
        }
        _ => {
            hd(&mut d, style, "cc");
            d.line("Abdominal pain since last night");
            hd(&mut d, style, "hpi");
            let h = rng.range(14, 22);
            d.line(&rng.vary(&format!("{who} with {h} hours of pain that started around the navel and moved to the right lower abdomen, worse with walking and bumps in the car. Denies vomiting, diarrhea, urinary symptoms. {{No prior abdominal surgery.|Has never had surgery.}}")));
            hd(&mut d, style, "ros");
            d.line("Constitutional: no fever or chills at home. GU: negative.");
            hd(&mut d, style, "pmh");
            d.line("None.");
            hd(&mut d, style, "meds");
            d.line("None.");
            hd(&mut d, style, "all");
            d.line(&allergies(rng));
            hd(&mut d, style, "vitals");
            let bp = normal_bp(rng);
            let t = rng.decimal(98.4, 99.3);
            d.line(&vitals(rng, bp, t, (97, 99)));
            hd(&mut d, style, "exam");
            d.line(&rng.vary("Abd: tender at McBurney's point with voluntary guarding, {positive Rovsing sign|positive psoas sign}; no rebound; bowel sounds present."));
            hd(&mut d, style, "ap");
            let label = rng.say(&["Right lower quadrant abdominal pain, suspect acute appendicitis", "RLQ pain - probable appendicitis"]);
            let e_label = d.mark_line(&label);
            let e_dec = d.mark_line(&rng.say(&["Sent to the ED now for CT abdomen/pelvis and surgical evaluation; NPO. Called ED physician.", "Directed to the emergency department for imaging and surgical consult, likely admission; NPO until seen."]));
            signature(&mut d, rng);
            cw.add_doc(d);
            cw.dx("R10.31", None, vec![e_label.clone()], why("Appendicitis is only suspected/probable; in the office the symptom with its site, right lower quadrant pain, is coded.", vec![guideline("OCG IV.H"), guideline("OCG IV.D")]));
            cw.not_coded("acute appendicitis (suspected)", Some("K35.80"), vec![e_label.clone()], why("\"Suspect\" and \"probable\" are uncertain diagnoses: not coded for an office visit.", vec![guideline("OCG IV.H")]));
            mdm.p = 3;
            mdm.p_why = "1 acute illness that poses a threat to bodily function (possible appendicitis)".into();
            mdm.d = 0;
            mdm.d_why = "imaging is arranged through the ED, not ordered by this office; nothing reviewed".into();
            mdm.r = 3;
            mdm.r_why = "decision regarding hospitalization / emergency surgical evaluation".into();
            mdm.ev = vec![e_label, e_dec];
        }
    }
    mdm.finish(&mut cw);
    cw.finish()
}

/// Undiagnosed new problems: the symptom is coded, MDM moderate.
fn off_workup(rng: &mut Rng, id: String, i: usize) -> Case {
    let which = i % 4;
    let sx = sex(rng);
    let age = age_between(rng, 30, 78);
    let new = rng.chance(0.35);
    let title = ["Office visit: palpitations", "Office visit: headaches", "Office visit: dizziness", "Office visit: fatigue"][which];
    let mut cw = CaseWriter::new(id, title, &[Track::EmAuditing, Track::Opd], Difficulty::Intermediate, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(4);
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut mdm = Mdm::new(new);
    office_header(&mut d, rng, new, "new problem");
    let who = person(rng, age, sx);
    let weeks = rng.range(2, 6);
    hd(&mut d, style, "cc");
    d.line(["Heart racing episodes", "Headaches", "Dizzy spells", "Tired all the time"][which]);
    hd(&mut d, style, "hpi");
    let mut denial = None;
    match which {
        0 => {
            d.add(&rng.vary(&format!("{who} reports episodes of a fluttering or pounding heartbeat for {weeks} weeks, lasting seconds to a few minutes, {{several times a week|mostly at night}}. Drinks {{2|3}} cups of coffee daily. ")));
            denial = Some(d.mark_in("Denies chest pain, syncope or dyspnea.\n", "Denies chest pain"));
        }
        1 => {
            d.line(&rng.vary(&format!("{who} with new daily headaches for {weeks} weeks, bilateral band-like pressure, worse late in the day; no visual change, no weakness, no worst-headache-of-life. {{Using ibuprofen most days.|Screen time has increased at work.}}")));
        }
        2 => {
            d.line(&rng.vary(&format!("{who} with intermittent dizziness for {weeks} weeks, brief spinning when rolling over in bed or looking up, {{no hearing loss|no tinnitus}}, no falls, no focal weakness.")));
        }
        _ => {
            d.line(&rng.vary(&format!("{who} reports {weeks} weeks of fatigue and low energy despite 7-8 hours of sleep; {{no weight change|some cold intolerance}}; mood okay; no bleeding.")));
        }
    }
    hd(&mut d, style, "ros");
    d.line(&ros_negatives(rng, &["cv", "neuro", "const"]));
    hd(&mut d, style, "pmh");
    d.line(&rng.say(&["None.", "No chronic illnesses.", "Unremarkable."]));
    hd(&mut d, style, "meds");
    d.line(&rng.say(&["None.", "No prescription medications."]));
    hd(&mut d, style, "all");
    d.line(&allergies(rng));
    hd(&mut d, style, "vitals");
    let bp = normal_bp(rng);
    let t = rng.decimal(97.7, 98.8);
    d.line(&vitals(rng, bp, t, (97, 99)));
    hd(&mut d, style, "exam");
    for l in exam_general(rng, &[]) {
        d.line(&l);
    }
    match which {
        1 => d.line("Fundi: sharp discs. Neuro: CN II-XII intact, strength and sensation normal, normal gait."),
        2 => d.line(&rng.say(&["Dix-Hallpike: equivocal on the right. No nystagmus at rest. Romberg negative.", "Dix-Hallpike provokes brief dizziness without clear nystagmus. Gait normal."])),
        _ => &mut d,
    };
    hd(&mut d, style, "data");
    let mut e_ecg = None;
    if which == 0 {
        e_ecg = Some(d.mark_line(&rng.vary("ECG done in office, my read: normal sinus rhythm {68|74|80}, normal intervals, no ectopy, no pre-excitation.")));
    }
    let orders: Vec<&str> = match which {
        0 => vec!["TSH", "CBC", "basic metabolic panel", "14-day ambulatory ECG patch monitor"],
        1 => vec!["MRI brain without contrast", "CBC", "ESR"],
        2 => vec!["CBC", "basic metabolic panel"],
        _ => vec!["TSH", "CBC", "comprehensive metabolic panel", "ferritin"],
    };
    let e_ord = d.mark_line(&format!("Ordered: {}.", orders.join(", ")));
    hd(&mut d, style, "ap");
    let (label, code, code_why, uncertain, tempt): (String, &str, &str, &str, &str) = match which {
        0 => (rng.say(&["Palpitations - possible PACs vs anxiety", "Palpitations, etiology unclear; ? ectopy vs caffeine vs anxiety"]), "R00.2", "Palpitations with the cause still uncertain: the symptom R00.2 is coded.", "anxiety (possible)", "F41.9"),
        1 => (rng.say(&["Headache, likely tension-type; rule out secondary cause", "New daily headache - probable tension-type headache"]), "R51.9", "\"Likely\" / \"probable\" tension-type headache is uncertain in the office: the symptom, headache, is coded (R51.9).", "tension-type headache (probable)", "G44.209"),
        2 => (rng.say(&["Dizziness - suspect BPPV, vestibular neuritis less likely", "Dizziness, probable benign positional vertigo"]), "R42", "BPPV is only suspected/probable: the symptom dizziness (R42) is coded.", "benign paroxysmal positional vertigo (suspected)", "H81.10"),
        _ => (rng.say(&["Fatigue - possible hypothyroidism vs anemia, workup pending", "Fatigue, ? thyroid vs iron deficiency"]), "R53.83", "Fatigue with its cause unknown (\"possible\" hypothyroidism or anemia): R53.83, other fatigue.", "hypothyroidism / anemia (possible)", "E03.9"),
    };
    let e_label = d.mark_line(&format!("1. {label}"));
    let (risk, rwhy, plan) = match which {
        0 => (1, "low: caffeine reduction and monitoring, no prescription", rng.say(&["Cut caffeine; wear monitor; return after results.", "Reduce caffeine and alcohol, ED if syncope or chest pain; review monitor results in 3 weeks."])),
        1 => (1, "low: over-the-counter analgesic advice only", rng.say(&["Limit ibuprofen to 3 days/week to avoid rebound; OTC acetaminophen as needed; headache diary.", "OTC analgesics sparingly, sleep hygiene, headache diary; return in 4 weeks."])),
        2 => (2, "moderate: prescription drug management (meclizine)", rng.say(&["Start meclizine 12.5 mg PO TID PRN dizziness; Epley maneuver handout; fall precautions.", "Meclizine 25 mg PO q8h PRN prescribed; vestibular exercises taught."])),
        _ => (1, "low: no prescription; sleep and activity advice", rng.say(&["Sleep and activity advice; will call with labs.", "Await labs; follow up in 2 weeks to review."])),
    };
    let e_plan = d.mark_line(&plan);
    signature(&mut d, rng);
    cw.add_doc(d);
    cw.dx(code, None, vec![e_label.clone()], why(format!("{code_why} Symptoms are reported when no definitive diagnosis has been established at the visit."), vec![guideline("OCG IV.D"), guideline("OCG IV.H")]));
    cw.not_coded(uncertain, Some(tempt), vec![e_label.clone()], why("Qualified as possible, probable, suspected or likely: an uncertain diagnosis is not coded in the office setting.", vec![guideline("OCG IV.H")]));
    if let Some(e) = denial {
        cw.not_coded("chest pain (denied)", Some("R07.9"), vec![e], why("A pertinent negative: the patient denies chest pain, so there is nothing to code.", vec![guideline("OCG IV.D")]));
    }
    if let Some(e) = e_ecg {
        cw.service("93000", &[], 1, vec![e.clone()], why("12-lead ECG with interpretation and report by the billing physician: 93000.", vec![convention("CPT 93000 ECG with interpretation and report")]));
        cw.not_coded("modifier 25 on the E/M because of the ECG; the ECG read as MDM data", Some("25"), vec![e], why("An ECG (93000) is a diagnostic test without a global period: the same-day E/M needs no modifier 25 under NCCI (payer policies may differ). Because 93000 pays for the interpretation, the physician's read is not also counted as data in the MDM.", vec![edit("NCCI PTP"), convention("2021 E/M MDM table")]));
    }
    mdm.p = 2;
    mdm.p_why = format!("1 undiagnosed new problem with uncertain prognosis ({})", label.to_lowercase());
    data_from_orders(&mut mdm, &orders, None);
    if which == 0 {
        mdm.d_why.push_str("; the in-office ECG is reported as 93000 and not counted");
    }
    mdm.r = risk;
    mdm.r_why = rwhy.into();
    mdm.ev = vec![e_label, e_ord, e_plan];
    mdm.finish(&mut cw);
    cw.finish()
}

// ----- minor procedures -----

/// Joint or bursa injection (20610 + J3301), with a separate E/M (modifier 25) or without one.
fn off_injection(rng: &mut Rng, id: String, i: usize, with_em: bool) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 50, 85);
    let right = rng.chance(0.5);
    let (rl, side) = if right { ("RT", "right") } else { ("LT", "left") };
    let shoulder = i % 3 == 2;
    let (site, dx_label, code) = if shoulder {
        ("shoulder", format!("Subacromial bursitis, {side} shoulder"), if right { "M75.51" } else { "M75.52" })
    } else {
        ("knee", format!("Primary osteoarthritis, {side} knee"), if right { "M17.11" } else { "M17.12" })
    };
    let mg = *rng.pick(&[40, 40, 80]);
    let units = (mg / 10) as u16;
    let profile = if with_em {
        profile_where(rng, age, sx, ProfileSpec::TYPICAL, &[Other::OaKnees, Other::Ra], |p| active(p).len() >= 1 && active(p).len() <= 5 && profile_has_rx(p))
    } else {
        Profile::with(rng, age, sx, None, false, None, None, &[])
    };
    let title = if with_em { format!("Office visit: follow-up and {site} pain") } else { format!("Office visit: {site} injection") };
    let mut cw = CaseWriter::new(id, title, &[Track::EmAuditing, Track::Opd], Difficulty::Intermediate, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(3);
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut w = Written::default();
    let mut mdm = Mdm::new(false);
    office_header(&mut d, rng, false, if with_em { "chronic care" } else { "procedure visit" });
    let who = person(rng, age, sx);
    hd(&mut d, style, "cc");
    if with_em {
        d.line(&rng.vary(&format!("{{Routine follow-up|3-month follow-up}}; also {side} {site} pain")));
    } else {
        d.line(&format!("Scheduled repeat {side} {site} injection"));
    }
    hd(&mut d, style, "hpi");
    if with_em {
        d.line(&rng.vary(&format!("{who} for scheduled chronic disease follow-up; {{adherent to meds|no medication problems}}. Also reports {{worsening|persistent}} {side} {site} pain for {{2|3}} months, {{worse with stairs|worse reaching overhead}}, not helped by acetaminophen; requests an injection.").replace("worse with stairs", if shoulder { "worse reaching overhead" } else { "worse with stairs" })));
    } else {
        let mo = rng.range(3, 5);
        d.line(&rng.vary(&format!("{who} returns for a planned repeat corticosteroid injection of the {side} {site}; the last one {mo} months ago gave good relief until recently. No new injury, no fever, no other concerns today.")));
    }
    if with_em {
        write_profile_history(&mut d, rng, style, &profile, &mut w, &[]);
    } else {
        hd(&mut d, style, "meds");
        d.line(&rng.say(&["Acetaminophen PRN.", "None regularly; acetaminophen as needed."]));
        hd(&mut d, style, "all");
        d.line(&allergies(rng));
    }
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.6, 98.7);
    d.line(&vitals_for(rng, &profile, t, (95, 99)));
    hd(&mut d, style, "exam");
    if with_em {
        for l in exam_for(rng, &profile) {
            d.line(&l);
        }
    }
    if shoulder {
        d.line(&format!("{} shoulder: tender over the subacromial space, painful arc 70-120 degrees, positive Neer and Hawkins; strength 5/5.", if right { "Right" } else { "Left" }));
    } else {
        d.line(&rng.vary(&format!("{} knee: {{crepitus|medial joint line tenderness}}, {{small|no}} effusion, ROM 5-115, stable ligaments.", if right { "Right" } else { "Left" })));
    }
    hd(&mut d, style, "ap");
    let mut n = 1;
    if with_em {
        n = kb::write_assessment(&mut d, rng, &profile, 1, &mut w);
    }
    d.add(&format!("{n}. "));
    let e_dx = d.mark(&dx_label);
    d.add(&rng.vary(" - {injection offered, risks and benefits discussed, consent obtained|consented for corticosteroid injection}.\n"));
    hd(&mut d, style, "proc");
    let approach = if shoulder { "posterior approach into the subacromial bursa" } else { rng.pick(&["superolateral approach", "anteromedial approach"]) };
    let proc_line = format!("{} {site} injection without imaging guidance. Site prepped with chlorhexidine; {approach}; injected triamcinolone acetonide {mg} mg with 3 mL 1% lidocaine. No complications, tolerated well, band-aid applied.", if right { "Right" } else { "Left" });
    let e_proc = d.mark_in(&proc_line, &format!("injected triamcinolone acetonide {mg} mg"));
    let e_site = Evidence { doc: e_proc.doc.clone(), quote: format!("{} {site} injection without imaging guidance", if right { "Right" } else { "Left" }), at: None };
    d.add("\n");
    d.line(&rng.say(&["Post-injection care reviewed: ice, watch for infection.", "Aftercare reviewed; call for fever, redness or increasing pain."]));
    signature(&mut d, rng);
    cw.add_doc(d);
    let dx_why = if shoulder { "Bursitis of the shoulder with the side documented: M75.5- with laterality." } else { "Primary osteoarthritis of one knee, side documented: M17.1- with laterality." };
    if with_em {
        profile.code(&mut cw, &w, None);
        if let Some(first) = cw.gold.diagnoses.first_mut() {
            first.rationale.text.push_str(" First-listed: the scheduled chronic-care follow-up is the main reason for the visit; the joint complaint was added.");
            first.rationale.rules.push(guideline("OCG IV.G"));
        }
        cw.dx(code, None, vec![e_dx.clone()], why(format!("{dx_why} It supports the injection line (20610)."), vec![guideline("OCG I.B.13"), guideline("OCG IV.J")]));
    } else {
        cw.dx(code, None, vec![e_dx.clone()], why(format!("{dx_why} The condition treated by the injection is the reason for this procedure visit."), vec![guideline("OCG I.B.13"), guideline("OCG IV.G")]));
    }
    cw.service("20610", &[rl], 1, vec![e_site.clone(), e_proc.clone()], why(format!("Injection of a major joint or bursa ({site}) without ultrasound guidance: 20610, with {rl} for the {side} side."), vec![convention("CPT 20610 major joint/bursa injection"), convention("HCPCS modifiers RT/LT")]));
    cw.service("J3301", &[], units, vec![e_proc.clone()], why(format!("Triamcinolone acetonide is billed per 10 mg: {mg} mg = {units} units of J3301. Lidocaine is part of the procedure."), vec![convention("HCPCS J3301 per 10 mg")]));
    if with_em {
        let (p, pw) = chronic_problem_level(&profile);
        mdm.p = p;
        mdm.p_why = format!("{pw}; the {site} problem is not counted: its evaluation and the decision to inject are part of the injection (NCCI: the decision to perform a minor procedure is included in it)");
        let orders = chronic_orders(&profile, rng);
        let _ = orders;
        mdm.d = 0;
        mdm.d_why = "no tests ordered or outside records reviewed".into();
        mdm.r = 2;
        mdm.r_why = "prescription drug management of the chronic conditions".into();
        mdm.modifiers = vec!["25"];
        mdm.note = format!("The chronic conditions were managed apart from the {site} injection, so the E/M is significant and separately identifiable and takes modifier 25.");
        for p in active(&profile) {
            if let Some(e) = w.plans.get(p.key).and_then(|v| v.last()) {
                mdm.ev.push(e.clone());
            }
        }
        mdm.finish(&mut cw);
    } else {
        cw.not_coded("E/M visit with modifier 25", Some("99213"), vec![e_dx, e_site], why("The visit was scheduled for the injection and nothing else was addressed: the brief pre-procedure assessment and the decision to inject are part of the procedure's payment, so no separate E/M is reported.", vec![convention("CPT modifier 25"), edit("NCCI Policy Manual Ch. I global surgery: E/M on the day of a minor procedure")]));
    }
    cw.finish()
}

fn off_abscess(rng: &mut Rng, id: String, i: usize, with_em: bool) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 30, 75);
    let right = rng.chance(0.5);
    let side = if right { "right" } else { "left" };
    let sites: [(&str, &str, &str, &str); 4] = [("axilla", "L02.411", "L02.412", "axilla"), ("thigh", "L02.415", "L02.416", "lower limb"), ("forearm", "L02.413", "L02.414", "upper limb"), ("upper back", "L02.212", "L02.212", "back")];
    let (site, rc, lc, region) = sites[(i + rng.below(4)) % 4];
    let code = if right { rc } else { lc };
    let site_words = if site == "upper back" { format!("{site}, {side} of midline") } else { format!("{side} {site}") };
    let profile = if with_em {
        let mut p = profile_where(rng, age.max(45), sx, ProfileSpec::TYPICAL, &[], |p| p.diabetes.is_some() && active(p).len() <= 5);
        if p.diabetes.is_none() {
            p = rebuild(rng, &p, Some(Diabetes { polyneuropathy: false, retinopathy: false, hyperglycemia: true, angiopathy: false, treatment: DmTreatment::Metformin, ckd_stated_as_diabetic: false }), p.hypertension, None, None, &[]);
        }
        p
    } else {
        Profile::with(rng, age, sx, None, false, None, None, &[])
    };
    let age = profile.age;
    let mut cw = CaseWriter::new(id, format!("Office visit: painful lump, {site}"), &[Track::EmAuditing, Track::Opd], Difficulty::Intermediate, visit(Setting::PhysicianOffice, age, sx));
    let style = rng.below(3);
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut w = Written::default();
    let mut mdm = Mdm::new(false);
    office_header(&mut d, rng, false, "acute visit");
    let who = person(rng, age, sx);
    hd(&mut d, style, "cc");
    d.line(&format!("Painful swollen lump, {site_words}"));
    hd(&mut d, style, "hpi");
    let days = rng.range(3, 6);
    d.add(&rng.vary(&format!("{who} with a tender, enlarging bump on the {site_words} for {days} days, {{now draining a little|now throbbing}}. No fever. ")));
    if with_em {
        if profile.diabetes.is_some_and(|x| x.hyperglycemia) {
            d.add(&rng.say(&["Also overdue for diabetes follow-up; home sugars mostly 180s-260s.", "Has not been seen for diabetes in over 6 months; fasting sugars running high, over 200 at times."]));
        } else {
            d.add(&rng.say(&["Also overdue for diabetes follow-up; home sugars mostly 110s-150s.", "Has not been seen for diabetes in over 6 months; out of some refills."]));
        }
    }
    d.add("\n");
    if with_em {
        write_profile_history(&mut d, rng, style, &profile, &mut w, &[]);
    } else {
        hd(&mut d, style, "pmh");
        d.line(&rng.say(&["None.", "Healthy."]));
        hd(&mut d, style, "all");
        d.line(&allergies(rng));
    }
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.8, 99.0);
    d.line(&vitals_for(rng, &profile, t, (96, 99)));
    hd(&mut d, style, "exam");
    let cm = rng.range(2, 4);
    d.line(&format!("Skin, {site_words}: {cm} cm fluctuant, erythematous, tender nodule with surrounding induration; no lymphangitic streaking."));
    if with_em {
        d.line(&rng.say(&["Feet: monofilament sensation intact, pulses 2+.", "Lungs clear, heart RRR."]));
    }
    hd(&mut d, style, "ap");
    let mut n = 1;
    d.add("1. ");
    let label = format!("Cutaneous abscess of {site_words}");
    let e_dx = d.mark(&label);
    d.add(" - incision and drainage today (see procedure note); wound culture sent.\n");
    if with_em {
        n = kb::write_assessment(&mut d, rng, &profile, 2, &mut w);
    }
    let _ = n;
    hd(&mut d, style, "proc");
    let proc_line = rng.vary(&format!("Incision and drainage, simple, single abscess, {site_words}. Verbal consent. Local 1% lidocaine; single {{1|1.5}} cm linear incision; small amount of purulent material expressed, no loculations, cavity irrigated; left open to drain, no packing needed. Dressing applied. EBL minimal, no complications."));
    let e_proc = d.mark_in(&proc_line, "Incision and drainage, simple, single abscess");
    d.add("\n");
    let rx = rng.say(&["trimethoprim-sulfamethoxazole DS 1 tab PO BID x 7 days", "doxycycline 100 mg PO BID x 7 days"]);
    d.line(&format!("Wound care taught; {rx}; wound check in 48 hours."));
    signature(&mut d, rng);
    cw.add_doc(d);
    cw.dx(code, None, vec![e_dx.clone()], why(format!("Cutaneous abscess of the {region}{}: {code}. It is the condition treated by the I&D and the reason the patient came in.", if region == "back" { " (no laterality in this subcategory)" } else { ", side documented" }), vec![guideline("OCG IV.G"), guideline("OCG I.B.13")]));
    cw.service("10060", &[], 1, vec![e_proc.clone()], why("Incision and drainage of a single, simple cutaneous abscess: 10060 (10061 is for complicated or multiple).", vec![convention("CPT 10060 I&D abscess, simple or single")]));
    if with_em {
        profile.code(&mut cw, &w, None);
        let (p, pw) = chronic_problem_level(&profile);
        mdm.p = p;
        mdm.p_why = format!("{pw}; the abscess is not counted, as its evaluation belongs to the I&D");
        let orders = chronic_orders(&profile, rng);
        mdm.d = 0;
        mdm.d_why = "one unique test (the wound culture) is a single Category 1 item; nothing else ordered or reviewed".into();
        let _ = orders;
        mdm.r = 2;
        mdm.r_why = "prescription drug management of the diabetes and other chronic drugs".into();
        mdm.modifiers = vec!["25"];
        mdm.note = "The diabetes (and any other chronic problem) was evaluated and managed beyond the abscess care, so a separately identifiable E/M with modifier 25 is supported.".into();
        if let Some(e) = w.plans.get("dm").and_then(|v| v.last()) {
            mdm.ev.push(e.clone());
        }
        if let Some(e) = w.names.get("dm").and_then(|v| v.last()) {
            mdm.ev.push(e.clone());
        }
        mdm.finish(&mut cw);
    } else {
        cw.not_coded("E/M visit with modifier 25", Some("99213"), vec![e_dx, e_proc], why("Only the abscess was addressed: evaluating it, deciding to drain it and prescribing aftercare are included in the 10-day-global I&D. No separate E/M, so no modifier 25.", vec![convention("CPT modifier 25"), edit("NCCI Policy Manual Ch. I global surgery: E/M on the day of a minor procedure")]));
    }
    cw.finish()
}

fn off_cryo(rng: &mut Rng, id: String, i: usize, with_em: bool) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 52, 86);
    let n_lesions = rng.range(2, 9) as u16;
    let profile = if with_em {
        profile_where(rng, age, sx, ProfileSpec::TYPICAL, &[], |p| active(p).len() >= 2 && active(p).len() <= 5 && profile_has_rx(p))
    } else {
        Profile::with(rng, age, sx, None, false, None, None, &[])
    };
    let sites = rng.sample(&["forehead", "scalp", "dorsal left hand", "dorsal right hand", "left temple", "right cheek", "nose", "right forearm", "left forearm"], 3);
    let mut cw = CaseWriter::new(id, if with_em { "Office visit: follow-up and rough skin spots" } else { "Office visit: treatment of skin lesions" }, &[Track::EmAuditing, Track::Opd], Difficulty::Intermediate, visit(Setting::PhysicianOffice, age, sx));
    let style = (rng.below(3) + i) % 4;
    let mut d = cw.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
    let mut w = Written::default();
    let mut mdm = Mdm::new(false);
    office_header(&mut d, rng, false, if with_em { "chronic care" } else { "skin procedure" });
    let who = person(rng, age, sx);
    hd(&mut d, style, "cc");
    d.line(if with_em { "Follow-up; also rough spots on sun-exposed skin" } else { "Here for freezing of precancerous spots" });
    hd(&mut d, style, "hpi");
    d.line(&rng.vary(&format!(
        "{who} {}. Scaly, rough spots on the {}, {} and {} {{for months|that come and go}}; {{long history of outdoor work|grew up in a sunny climate}}.",
        if with_em { "here for routine follow-up of chronic problems" } else { "returns for treatment of actinic keratoses identified at the last visit; no other concerns" },
        sites[0], sites[1], sites[2]
    )));
    if with_em {
        write_profile_history(&mut d, rng, style, &profile, &mut w, &[]);
    } else {
        hd(&mut d, style, "all");
        d.line(&allergies(rng));
    }
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.6, 98.6);
    d.line(&vitals_for(rng, &profile, t, (95, 99)));
    hd(&mut d, style, "exam");
    if with_em {
        for l in exam_for(rng, &profile) {
            d.line(&l);
        }
    }
    d.line(&format!("Skin: {n_lesions} rough, erythematous, gritty scaly papules on the {}, {} and {}; no induration, ulceration or nodularity.", sites[0], sites[1], sites[2]));
    hd(&mut d, style, "ap");
    let mut k = 1;
    if with_em {
        k = kb::write_assessment(&mut d, rng, &profile, 1, &mut w);
    }
    d.add(&format!("{k}. "));
    let e_dx = d.mark(&rng.say(&["Actinic keratoses", "Actinic keratosis, multiple"]));
    d.add(" - cryotherapy today.\n");
    hd(&mut d, style, "proc");
    let proc_line = format!("Destruction of premalignant lesions by liquid nitrogen cryotherapy: {n_lesions} actinic keratoses treated, 2 freeze-thaw cycles each. Verbal consent; tolerated well. Expected blistering reviewed.");
    let e_proc = d.mark_in(&proc_line, &format!("{n_lesions} actinic keratoses treated"));
    d.add("\n");
    signature(&mut d, rng);
    cw.add_doc(d);
    if with_em {
        profile.code(&mut cw, &w, None);
        cw.dx("L57.0", None, vec![e_dx.clone()], why("Actinic keratosis: L57.0, once however many lesions are treated.", vec![guideline("OCG IV.J")]));
    } else {
        cw.dx("L57.0", None, vec![e_dx.clone()], why("Actinic keratosis, the reason for the procedure visit: L57.0 (one code for any number of lesions).", vec![guideline("OCG IV.G")]));
    }
    cw.service("17000", &[], 1, vec![e_proc.clone()], why("Destruction of premalignant lesions (actinic keratoses): 17000 for the first lesion.", vec![convention("CPT 17000/17003 destruction of premalignant lesions")]));
    cw.service("17003", &[], n_lesions - 1, vec![e_proc.clone()], why(format!("17003 for each additional lesion, 2 through 14: {n_lesions} lesions = 17000 x1 + 17003 x{}.", n_lesions - 1), vec![convention("CPT 17000/17003 destruction of premalignant lesions")]));
    if with_em {
        let (p, pw) = chronic_problem_level(&profile);
        mdm.p = p;
        mdm.p_why = format!("{pw}; the actinic keratoses are not counted, as their evaluation belongs to the destruction");
        mdm.d = 0;
        mdm.d_why = "no tests ordered or records reviewed".into();
        mdm.r = 2;
        mdm.r_why = "prescription drug management of the chronic conditions".into();
        mdm.modifiers = vec!["25"];
        mdm.note = "The chronic-disease management is separate from the lesion destruction, so the E/M takes modifier 25.".into();
        for p in active(&profile) {
            if let Some(e) = w.plans.get(p.key).and_then(|v| v.last()) {
                mdm.ev.push(e.clone());
            }
        }
        mdm.finish(&mut cw);
    } else {
        cw.not_coded("E/M visit with modifier 25", Some("99212"), vec![e_dx, e_proc], why("The visit was for the planned cryotherapy only; the lesion check before freezing is part of 17000/17003 (10-day global), so no separate E/M is billed.", vec![convention("CPT modifier 25"), edit("NCCI Policy Manual Ch. I global surgery: E/M on the day of a minor procedure")]));
    }
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// Shared by HCC and EMR: hand-written conditions with their own codes and MEAT
// ---------------------------------------------------------------------------------------------------------------

/// A condition written by hand (outside the kb profile): its evidence and the HCC MEAT it shows.
struct Manual {
    code: &'static str,
    ev: Vec<Evidence>,
    plan: Vec<Evidence>,
    why: String,
    rules: Vec<Rule>,
    /// The plan shows monitoring / evaluation / treatment.
    meat: (bool, bool, bool),
}

/// An HCC the kb anchored on a combination code (I11.0, I13.x, I12.x) gets the condition's own code and the MEAT
/// of the line that documents that condition (heart failure, CKD), not the hypertension line.
fn anchor_hccs(cw: &mut CaseWriter, w: &Written) {
    let combos = ["I11.0", "I13.0", "I13.2", "I12.0", "I12.9"];
    for i in 0..cw.gold.hccs.len() {
        let h = cw.gold.hccs[i].hcc;
        if !combos.contains(&cw.gold.hccs[i].diagnosis.as_str()) {
            continue;
        }
        let Some(code) = cw.gold.diagnoses.iter().map(|d| d.code.clone()).find(|c| !combos.contains(&c.as_str()) && crate::hcc_map::hccs(c, "V28").contains(&h)) else { continue };
        let key = if code.starts_with("I50") { "hf" } else if code.starts_with("N18") { "ckd" } else { continue };
        let plan = w.plans.get(key).cloned().unwrap_or_default();
        let name = w.names.get(key).cloned().unwrap_or_default();
        if plan.is_empty() || name.is_empty() {
            continue;
        }
        let g = &mut cw.gold.hccs[i];
        let old = g.diagnosis.clone();
        for v in [&mut g.monitored, &mut g.evaluated, &mut g.treated] {
            if !v.is_empty() {
                *v = plan.clone();
            }
        }
        g.assessed = name;
        g.rationale.text = g.rationale.text.replacen(&old, &code, 1) + &format!(" The combination code {old} maps to the same HCC; the MEAT is taken from the line that documents the {} itself.", if key == "hf" { "heart failure" } else { "kidney disease" });
        g.diagnosis = code;
    }
}

/// Adds the V28 HCCs of hand-written codes, then drops any HCC of the gold that a higher one in its hierarchy
/// trumps.
fn add_manual_hccs(cw: &mut CaseWriter, manual: &[Manual]) {
    for m in manual {
        for h in crate::hcc_map::hccs(m.code, "V28") {
            if cw.gold.hccs.iter().any(|g| g.hcc == h) {
                continue;
            }
            let (mo, ev, tr) = m.meat;
            let mut words = Vec::new();
            if mo {
                words.push("monitoring");
            }
            if ev {
                words.push("evaluation");
            }
            words.push("assessment");
            if tr {
                words.push("treatment");
            }
            cw.gold.hccs.push(GoldHcc {
                model: "V28".into(),
                hcc: h,
                diagnosis: m.code.into(),
                monitored: if mo { m.plan.clone() } else { Vec::new() },
                evaluated: if ev { m.plan.clone() } else { Vec::new() },
                assessed: m.ev.clone(),
                treated: if tr { m.plan.clone() } else { Vec::new() },
                rationale: why(
                    format!("{} maps to V28 HCC {h} ({}); the face-to-face note shows {} of the condition.", m.code, crate::hcc_map::label("V28", h).unwrap_or("see the CMS table"), words.join(", ")),
                    vec![edit(&format!("CMS-HCC V28 HCC {h}")), guideline("OCG IV.J")],
                ),
            });
        }
    }
    let all: Vec<u16> = cw.gold.hccs.iter().map(|h| h.hcc).collect();
    let kept = crate::hcc_map::after_hierarchies("V28", &all);
    cw.gold.hccs.retain(|h| kept.contains(&h.hcc));
}

fn code_manual(cw: &mut CaseWriter, manual: &[Manual]) {
    for m in manual {
        if !cw.has_dx(m.code) {
            cw.dx(m.code, None, m.ev.clone(), why(m.why.clone(), m.rules.clone()));
        }
    }
}

/// The hypertension / heart failure / CKD combination when the note writes heart failure without a type or CKD
/// without a stage: the codes in sequence, each with the keys of the names that support it.
fn cardio_renal(htn: bool, hf: bool, ckd: bool) -> Vec<(&'static str, Vec<&'static str>, &'static str, Vec<Rule>)> {
    let mut v = Vec::new();
    match (htn, hf, ckd) {
        (true, true, true) => v.push(("I13.0", vec!["htn", "hf", "ckd"], "Hypertension with heart failure and CKD: the links are presumed, so I13.0 (stage 1-4 or unspecified CKD) comes first, with the heart failure and CKD codes after it.", vec![guideline("OCG I.C.9.a.3"), tabular("I13.0 Use additional code to identify type of heart failure and stage of CKD")])),
        (true, true, false) => v.push(("I11.0", vec!["htn", "hf"], "Hypertension with heart failure: the link is presumed, so I11.0 comes first and the heart failure code follows.", vec![guideline("OCG I.C.9.a.1"), tabular("I11.0 Use additional code to identify type of heart failure")])),
        (true, false, true) => v.push(("I12.9", vec!["htn", "ckd"], "Hypertension with CKD: the link is presumed; I12.9 covers stage 1-4 or unspecified CKD, with the CKD code after it.", vec![guideline("OCG I.C.9.a.2"), tabular("I12 Use additional code to identify the stage of chronic kidney disease")])),
        (true, false, false) => v.push(("I10", vec!["htn"], "Essential hypertension with no heart or kidney involvement documented.", vec![guideline("OCG I.C.9.a")])),
        _ => {}
    }
    if hf {
        v.push(("I50.9", vec!["hf"], "Heart failure with no type or acuity documented in this note: I50.9, the unspecified code, until the provider answers the query.", vec![guideline("OCG I.A.9.b"), guideline("OCG I.C.9.a.1")]));
    }
    if ckd {
        v.push(("N18.9", vec!["ckd"], "Chronic kidney disease without a documented stage: N18.9. The stage is the provider's to state; an eGFR alone does not assign it.", vec![guideline("OCG I.A.9.b"), guideline("OCG I.C.14.a")]));
    }
    v
}

const QUERY_RULES: &str = "AHIMA/ACDIS Guidelines for Achieving a Compliant Query Practice";

fn hf_query(cw: &mut CaseWriter, ev: Vec<Evidence>, indicators: &str) {
    cw.query(
        "heart failure type and acuity not documented",
        &format!("Clinical indicators: {indicators}. The assessment documents \"heart failure\" without its type or acuity. Based on your clinical judgment, can the heart failure be further specified? [ ] Chronic systolic (HFrEF) [ ] Chronic diastolic (HFpEF) [ ] Chronic combined systolic and diastolic [ ] Other (please specify) [ ] Unable to determine"),
        ev,
        why("The type and acuity of heart failure change the code (I50.2-/I50.3-/I50.4- vs I50.9); the coder may not infer them from an ejection fraction or another provider's list, so a non-leading, multiple-choice query is sent.", vec![convention(QUERY_RULES), guideline("OCG I.A.9.b")]),
    );
}

fn ckd_query(cw: &mut CaseWriter, ev: Vec<Evidence>, indicators: &str) {
    cw.query(
        "CKD stage not documented",
        &format!("Clinical indicators: {indicators}. The assessment documents chronic kidney disease without a stage. Based on your clinical judgment, please document the stage, if known: [ ] Stage 1 [ ] Stage 2 [ ] Stage 3a [ ] Stage 3b [ ] Stage 4 [ ] Stage 5 [ ] Other (please specify) [ ] Unable to determine"),
        ev,
        why("N18.9 carries no V28 payment HCC while stages 3-5 do; the stage must come from the provider, not from the coder's reading of the eGFR, so a compliant query with the eGFR trend is sent.", vec![convention(QUERY_RULES), guideline("OCG I.C.14.a")]),
    );
}

fn dep_query(cw: &mut CaseWriter, ev: Vec<Evidence>, indicators: &str) {
    cw.query(
        "depression without episode or severity",
        &format!("Clinical indicators: {indicators}. The assessment documents \"depression.\" If clinically appropriate, please document the diagnosis with more specificity: [ ] Major depressive disorder, single episode (specify severity) [ ] Major depressive disorder, recurrent (specify severity / remission status) [ ] Other depressive disorder (please specify) [ ] Unable to determine"),
        ev,
        why("\"Depression\" indexes to F32.A, which has no V28 HCC; major depressive disorder with episode and severity (F32.0-F33.x) does. Severity cannot be taken from a PHQ-9 score or from the problem list, so the provider is asked.", vec![convention(QUERY_RULES), guideline("OCG I.C.5")]),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// HCC: risk-adjustment reviews
// ---------------------------------------------------------------------------------------------------------------

/// Problem-list-only conditions: (code, words on the list).
const PL_ONLY: [(&str, &str); 9] = [
    ("I50.22", "Chronic systolic heart failure"),
    ("F33.1", "Major depressive disorder, recurrent, moderate"),
    ("E66.01", "Morbid obesity"),
    ("M06.9", "Rheumatoid arthritis"),
    ("J44.9", "COPD"),
    ("I48.91", "Atrial fibrillation"),
    ("G20.A1", "Parkinson's disease"),
    ("F10.20", "Alcohol dependence"),
    ("N18.4", "CKD stage 4"),
];

fn pl_conflicts(code: &str, p: &Profile, hf: bool, ckd: bool, dep: bool) -> bool {
    let has = |o: Other| p.others.contains(&o);
    match code {
        "I50.22" => p.heart_failure.is_some() || hf,
        "F33.1" => has(Other::Mdd) || dep,
        "E66.01" => has(Other::MorbidObesity) || has(Other::Obesity),
        "M06.9" => has(Other::Ra),
        "J44.9" => has(Other::Copd) || has(Other::AsthmaModerate),
        "I48.91" => has(Other::AfibParoxysmal) || has(Other::AfibPermanent),
        "G20.A1" => has(Other::Parkinsons),
        "N18.4" => p.ckd.is_some() || ckd,
        _ => false,
    }
}

fn hcc_cases(rng: &mut Rng) -> Vec<Case> {
    (0..62).map(|n| hcc_case(rng, case_id("HCC", n + 1), n)).collect()
}

fn hcc_case(rng: &mut Rng, id: String, n: usize) -> Case {
    let sx = sex(rng);
    let age = if n % 6 == 0 { age_between(rng, 48, 64) } else { age_between(rng, 65, 89) };
    let t_pl = n % 4 != 3;
    let t_hxca = n % 3 == 0;
    let t_dep = n % 5 == 1 || n % 5 == 3;
    let t_ckd = n % 6 == 2 || n % 12 == 5;
    let t_hf = n % 6 == 4 || n % 12 == 2;
    let t_amp = n % 7 == 5 || n % 11 == 3;
    let t_esrd = n % 8 == 6 && !t_ckd;
    let t_morbid = n % 5 == 0;
    let t_mdd = n % 9 == 7 && !t_dep;
    let manual = t_ckd || t_hf;
    let mut excl = vec![Other::HxStroke];
    if t_dep || t_mdd {
        excl.push(Other::Mdd);
    }
    if t_hxca {
        excl.push(Other::HxProstateCancer);
        excl.push(Other::HxBreastCancer);
    }
    if t_morbid {
        excl.push(Other::Obesity);
    }
    let base = profile_where(rng, age, sx, ProfileSpec::COMPLEX, &excl, |p| active(p).len() >= 3 && active(p).len() <= 7);
    let mut others: Vec<Other> = base.others.iter().copied().filter(|o| !excl.contains(o) && !(t_morbid && *o == Other::MorbidObesity)).collect();
    if t_morbid {
        others.push(Other::MorbidObesity);
    }
    if t_mdd {
        others.retain(|o| *o != Other::Gad);
        others.push(Other::Mdd);
    }
    others.sort();
    let profile = if manual {
        rebuild(rng, &base, if t_ckd { None } else { base.diabetes }, false, None, None, &others)
    } else {
        // Stage 5 not on dialysis: a dialysis (ESRD) beneficiary is scored under the CMS ESRD model, not the V28
        // community model these reviews teach.
        rebuild(rng, &base, base.diabetes, base.hypertension, base.heart_failure, if t_esrd { Some(CkdStage::S5) } else { base.ckd.map(|c| if c == CkdStage::Esrd { CkdStage::S5 } else { c }) }, &others)
    };
    let htn_manual = manual && (base.hypertension || rng.chance(0.5));
    let tracks: &[Track] = if n % 2 == 0 { &[Track::HccRiskAdjustment, Track::Emr] } else { &[Track::HccRiskAdjustment] };
    let hard = manual || t_dep || t_amp;
    let mut cw = CaseWriter::new(id, rng.say(&["Risk adjustment review: chronic care visit", "HCC review: face-to-face follow-up", "Risk adjustment: multiple chronic conditions"]), tracks, if hard { Difficulty::Advanced } else { Difficulty::Intermediate }, visit(Setting::RiskAdjustmentReview, age, sx));
    let style = rng.below(4);
    let mut d = cw.doc(DocumentKind::OfficeNote, *rng.pick(&["Office Visit - Chronic Care", "Progress Note (face-to-face)", "Clinic Note"]), Some(1));
    let mut w = Written::default();
    let mut manual_items: Vec<Manual> = Vec::new();
    let mut manual_names: Vec<(&'static str, Evidence)> = Vec::new();
    d.line(&rng.say(&["Face-to-face office visit, established patient.", "In-person visit with the treating physician.", "Office visit (in person), chronic disease management."]));
    hd(&mut d, style, "cc");
    d.line(&rng.say(&["Follow-up of chronic conditions", "3-month chronic care follow-up", "Routine follow-up, medication review"]));
    hd(&mut d, style, "hpi");
    let who = person(rng, age, sx);
    let meds_help = if age >= 75 || profile.others.contains(&Other::Alzheimers) { "{Daughter helps with pill box.|Manages own medications with a weekly pill box.}" } else { "{Manages own medications.|Uses a weekly pill organizer.}" };
    d.line(&rng.vary(&format!("{who} with multiple chronic conditions returns for scheduled follow-up. {{Feels about the same as last visit.|Reports more fatigue this winter but no new symptoms.|No ED visits or hospital stays since last seen.}} {meds_help}")));
    // History
    hd(&mut d, style, "pmh");
    kb::write_history(&mut d, &profile, &mut w);
    if htn_manual {
        d.add(", HTN");
    }
    if t_hf {
        d.add(", CHF");
    }
    if t_ckd {
        d.add(", CKD");
    }
    if t_dep {
        d.add(", depression");
    }
    let hx_cancer = if t_hxca {
        Some(*rng.pick(&[("melanoma of the back", "Z85.820", "C43.59", "wide local excision 7 years ago, no recurrence; no current treatment"), ("bladder cancer", "Z85.51", "C67.9", "TURBT 9 years ago, surveillance cystoscopies negative since; no current treatment"), ("colon cancer", "Z85.038", "C18.9", "treated 8 years ago, surveillance colonoscopy last year negative; no current treatment")]))
    } else {
        None
    };
    let mut hx_ev = None;
    if let Some((what, _, _, detail)) = hx_cancer {
        d.add(", ");
        hx_ev = Some(d.mark(&format!("history of {what}, {detail}")));
    }
    let amp = if t_amp { Some(rng.chance(0.5)) } else { None };
    let mut amp_ev = None;
    if let Some(r) = amp {
        d.add(", ");
        amp_ev = Some(d.mark(&format!("{} below-knee amputation (traumatic, {} years ago)", if r { "right" } else { "left" }, rng.range(6, 25))));
    }
    d.add("\n");
    // Meds
    hd(&mut d, style, "meds");
    kb::write_meds(&mut d, &profile, &mut w, "- ");
    let mut extra_meds: Vec<String> = Vec::new();
    let on = |drug: &str| kb::meds(&profile).iter().any(|(_, _, m)| m.starts_with(drug));
    if t_hf {
        extra_meds.push(format!("furosemide {} mg PO daily", *rng.pick(&["20", "40"])));
        if !on("metoprolol") && !on("carvedilol") {
            extra_meds.push("metoprolol succinate 25 mg PO daily".into());
        }
    }
    if htn_manual {
        let opts: Vec<&str> = ["lisinopril 10 mg PO daily", "losartan 50 mg PO daily", "amlodipine 5 mg PO daily"].into_iter().filter(|m| !on(m.split(' ').next().unwrap_or(""))).collect();
        extra_meds.push(rng.pick(&opts).to_string());
    }
    if t_dep {
        // One SSRI at a time: a patient already on one (for anxiety) gets bupropion for the depression.
        let on_ssri = ["sertraline", "escitalopram", "citalopram", "fluoxetine", "paroxetine"].iter().any(|d| on(d));
        let opts: Vec<&str> = ["sertraline 50 mg PO daily", "escitalopram 10 mg PO daily", "bupropion XL 150 mg PO daily"].into_iter().filter(|m| !on(m.split(' ').next().unwrap_or("")) && !(on_ssri && !m.starts_with("bupropion"))).collect();
        extra_meds.push(rng.pick(&opts).to_string());
    }
    for m in &extra_meds {
        d.line(&format!("- {m}"));
    }
    hd(&mut d, style, "all");
    d.line(&allergies(rng));
    hd(&mut d, style, "vitals");
    let t = rng.decimal(97.5, 98.7);
    let htn_bp = (rng.range(124, 144), rng.range(70, 86));
    let mut vl = vitals_for(rng, &profile, t, (93, 99));
    if htn_manual {
        if let (Some(a), Some(b)) = (vl.find("BP "), vl.find(" |")) {
            vl = format!("{}BP {}/{}{}", &vl[..a], htn_bp.0, htn_bp.1, &vl[b..]);
        }
    }
    d.line(&vl);
    hd(&mut d, style, "exam");
    for l in exam_for(rng, &profile) {
        d.line(&l);
    }
    let mut stump = None;
    if let Some(r) = amp {
        stump = Some(d.mark_line(&rng.vary(&format!("{} BKA stump: skin intact, well healed, no breakdown or erythema; {{prosthesis fits well|prosthetic socket without pressure areas}}.", if r { "Right" } else { "Left" }))));
    }
    let egfr_prev = rng.range(38, 52);
    let egfr = egfr_prev - rng.range(1, 4);
    let ef = rng.range(30, 60);
    if manual {
        hd(&mut d, style, "data");
        if t_ckd {
            d.line(&format!("Labs (drawn last week): creatinine {:.1}, eGFR {egfr} (eGFR {egfr_prev} three months ago).", kb::creatinine_for(egfr as f64, age, sx)));
        }
        if t_hf {
            d.line(&format!("Echo last year: LVEF {ef}%."));
        }
    }
    // Assessment
    hd(&mut d, style, "ap");
    let mut k = kb::write_assessment(&mut d, rng, &profile, 1, &mut w);
    let item = |d: &mut Doc, k: &mut usize, label: &str, plan: &str| -> (Evidence, Evidence) {
        d.add(&format!("{k}. "));
        let a = d.mark(label);
        d.add(": ");
        let b = d.mark(plan);
        d.add("\n");
        *k += 1;
        (a, b)
    };
    if manual {
        let mut names: Vec<(&'static str, Evidence, Evidence)> = Vec::new();
        if htn_manual {
            let (s, dia) = htn_bp;
            let plan = format!("BP {s}/{} today; continue {}.", dia, extra_meds.iter().find(|m| m.starts_with("lisinopril") || m.starts_with("losartan") || m.starts_with("amlodipine")).map(|m| m.split(' ').next().unwrap_or("")).unwrap_or("current regimen"));
            let (a, b) = item(&mut d, &mut k, &rng.say(&["Hypertension", "Essential hypertension"]), &plan);
            names.push(("htn", a, b));
        }
        if t_hf {
            let bb = if kb::meds(&profile).iter().any(|(_, _, m)| m.starts_with("carvedilol")) { "carvedilol" } else { "metoprolol" };
            let plan = rng.vary(&format!("{{Euvolemic|No edema, lungs clear}}, weight stable at home; continue furosemide and {bb}{{|, 2 g sodium diet}}."));
            let (a, b) = item(&mut d, &mut k, &rng.say(&["Congestive heart failure", "CHF, compensated", "Heart failure, stable"]), &plan);
            names.push(("hf", a, b));
        }
        if t_ckd {
            let plan = rng.vary(&format!("eGFR {egfr}, {{stable|slightly lower}}; avoid NSAIDs, recheck renal panel in 3 months{{|, renally dose meds}}."));
            let (a, b) = item(&mut d, &mut k, &rng.say(&["Chronic kidney disease", "CKD", "Chronic kidney disease, followed"]), &plan);
            names.push(("ckd", a, b));
        }
        for (code, keys, wtxt, rules) in cardio_renal(htn_manual, t_hf, t_ckd) {
            let ev: Vec<Evidence> = names.iter().filter(|(kk, _, _)| keys.contains(kk)).map(|(_, a, _)| a.clone()).collect();
            let plan: Vec<Evidence> = names.iter().filter(|(kk, _, _)| keys.contains(kk)).map(|(_, _, b)| b.clone()).collect();
            manual_items.push(Manual { code, ev, plan, why: wtxt.into(), rules, meat: (true, false, true) });
        }
        for (kk, a, _) in &names {
            manual_names.push((kk, a.clone()));
        }
    }
    let mut dep_ev = None;
    if t_dep {
        let phq = rng.range(5, 12);
        let drug = extra_meds.iter().find(|m| m.starts_with("sertraline") || m.starts_with("escitalopram") || m.starts_with("bupropion")).map(|m| m.split(' ').next().unwrap_or("").to_string()).unwrap_or_default();
        let plan = rng.vary(&format!("{{mood improved|sleeping better}} per patient (PHQ-9 {phq} at the behavioral health visit last month); continue {drug}{{|, counseling offered}}."));
        let (a, b) = item(&mut d, &mut k, &rng.say(&["Depression", "Depression, stable", "Depression - on medication"]), &plan);
        dep_ev = Some((a.clone(), phq));
        manual_items.push(Manual { code: "F32.A", ev: vec![a], plan: vec![b], why: "\"Depression\" with no episode, severity or type: the Index (Depression) gives F32.A, which maps to no V28 payment HCC.".into(), rules: vec![guideline("OCG I.C.5"), convention("Index: Depression (acute)(mental) F32.A")], meat: (true, true, true) });
    }
    if let Some((what, zc, cc, _)) = hx_cancer {
        let plan = match zc {
            "Z85.820" => rng.say(&["Full skin exam today, no suspicious lesions; annual dermatology visits.", "Skin check done, nothing concerning; continue yearly dermatology."]),
            "Z85.51" => rng.say(&["No hematuria; urology surveillance per schedule.", "UA without blood last month; urology follows yearly."]),
            _ => rng.say(&["No GI symptoms; next surveillance colonoscopy per GI.", "Surveillance colonoscopy up to date."]),
        };
        let (a, b) = item(&mut d, &mut k, &format!("History of {what}, no evidence of disease"), &plan);
        let mut ev = vec![a.clone()];
        ev.extend(hx_ev.clone());
        manual_items.push(Manual { code: zc, ev, plan: vec![b], why: format!("The {what} was treated in the past and there is no current treatment and no evidence of disease: personal history {zc}, not an active cancer code."), rules: vec![guideline("OCG I.C.2.d")], meat: (true, false, false) });
        cw.not_coded(&format!("active {what}"), Some(cc), vec![a], why(format!("A cancer that was excised or eradicated, with no further treatment directed to the site and no evidence of disease, is coded as personal history (Z85), not as {cc}. Coding the C-code would add an unsupported cancer HCC (V28 HCC {}).", crate::hcc_map::hccs(cc, "V28").first().copied().unwrap_or(0)), vec![guideline("OCG I.C.2.d"), edit("CMS-HCC V28")]));
    }
    if let (Some(r), Some(st)) = (amp, stump.clone()) {
        let code = if r { "Z89.511" } else { "Z89.512" };
        let plan = rng.say(&["Ambulating with prosthesis; stump checked today, intact; prosthetist visit yearly.", "Independent with prosthesis; skin of residual limb intact; continue daily skin checks."]);
        let (a, b) = item(&mut d, &mut k, &format!("Status post {} below-knee amputation", if r { "right" } else { "left" }), &plan);
        let mut ev = vec![a];
        ev.extend(amp_ev.clone());
        manual_items.push(Manual { code, ev, plan: vec![b, st], why: format!("Acquired absence of the {} leg below the knee, a status that affects care (stump and prosthesis checked): {code}.", if r { "right" } else { "left" }), rules: vec![guideline("OCG I.C.21.c.3")], meat: (true, true, false) });
    }
    d.line(&rng.say(&["Return in 3 months.", "RTC 3 months with labs prior.", "Follow up in 4 months."]));
    signature(&mut d, rng);
    cw.add_doc(d);

    // Problem list (EMR)
    let mut pl = cw.doc(DocumentKind::ProblemList, "Problem List (EMR)", Some(1));
    pl.line("ACTIVE PROBLEMS");
    for p in profile.problems() {
        pl.line(&format!("  {}", p.short));
    }
    if htn_manual {
        pl.line("  Hypertension");
    }
    if t_hf {
        pl.line("  CHF");
    }
    if t_ckd {
        pl.line("  CKD");
    }
    if let Some((what, _, _, _)) = hx_cancer {
        pl.line(&format!("  History of {what}"));
    }
    if let Some(r) = amp {
        pl.line(&format!("  Acquired absence of {} leg below knee", if r { "right" } else { "left" }));
    }
    let dep_pl_mdd = t_dep && n % 5 == 3;
    let mut dep_pl_ev = None;
    if t_dep {
        if dep_pl_mdd {
            pl.add("  ");
            dep_pl_ev = Some(pl.mark_line("Major depressive disorder, recurrent, moderate"));
        } else {
            pl.line("  Depression");
        }
    }
    let mut pl_only = Vec::new();
    if t_pl {
        let cands: Vec<(&str, &str)> = PL_ONLY.iter().copied().filter(|(c, _)| !pl_conflicts(c, &profile, t_hf, t_ckd, t_dep)).collect();
        let k2 = if n % 8 == 0 { 2 } else { 1 };
        for (c, label) in rng.sample(&cands, k2) {
            pl.add("  ");
            let e = pl.mark_line(label);
            pl_only.push((*c, *label, e));
        }
    }
    pl.line("RESOLVED");
    let resolved = rng.say(&["Community-acquired pneumonia - resolved", "Acute bronchitis - resolved", "Cellulitis of left leg - resolved"]);
    pl.add("  ");
    let e_res = pl.mark_line(&resolved);
    cw.add_doc(pl);
    let res_code = if resolved.starts_with("Community") { "J18.9" } else if resolved.starts_with("Acute") { "J20.9" } else { "L03.116" };
    cw.not_coded(&resolved, Some(res_code), vec![e_res], why("A resolved problem on the list: conditions previously treated that no longer exist are not coded.", vec![guideline("OCG IV.J")]));

    // Medication list (EMR)
    let mut ml = cw.doc(DocumentKind::MedicationList, "Medication List (EMR)", Some(1));
    ml.line("ACTIVE MEDICATIONS");
    for (_, _, m) in kb::meds(&profile) {
        ml.line(&format!("  {m}"));
    }
    for m in &extra_meds {
        ml.line(&format!("  {m}"));
    }
    cw.add_doc(ml);

    // Gold
    let manual_first: Vec<Manual> = manual_items.iter().filter(|m| m.code.starts_with('I') || m.code.starts_with('N')).map(|m| Manual { code: m.code, ev: m.ev.clone(), plan: m.plan.clone(), why: m.why.clone(), rules: m.rules.clone(), meat: m.meat }).collect();
    code_manual(&mut cw, &manual_first);
    profile.code(&mut cw, &w, None);
    code_manual(&mut cw, &manual_items);
    profile.hccs(&mut cw, &w);
    anchor_hccs(&mut cw, &w);
    let hcc_manual: Vec<Manual> = manual_items.into_iter().filter(|m| m.code != "I11.0" && m.code != "I13.0").collect();
    add_manual_hccs(&mut cw, &hcc_manual);
    // Queries and traps
    if t_hf {
        let ev: Vec<Evidence> = manual_names.iter().filter(|(k, _)| *k == "hf").map(|(_, e)| e.clone()).collect();
        hf_query(&mut cw, ev, &format!("LVEF {ef}% on last year's echo; on furosemide and a beta blocker; euvolemic today"));
    }
    if t_ckd {
        let ev: Vec<Evidence> = manual_names.iter().filter(|(k, _)| *k == "ckd").map(|(_, e)| e.clone()).collect();
        ckd_query(&mut cw, ev, &format!("eGFR {egfr} (eGFR {egfr_prev} three months ago)"));
    }
    if let Some((e, phq)) = dep_ev {
        let mut ev = vec![e.clone()];
        if let Some(pe) = dep_pl_ev.clone() {
            ev.push(pe.clone());
            cw.not_coded("major depressive disorder, recurrent, moderate (problem list wording)", Some("F33.1"), vec![pe], why("The problem list's specificity is not the provider's assessment at this face-to-face visit, which says only \"depression\". Coding F33.1 from the list would add HCC 155 without support; query instead.", vec![guideline("OCG IV.J"), edit("CMS-HCC V28 HCC 155")]));
        }
        if dep_pl_mdd || n % 10 == 1 {
            dep_query(&mut cw, ev, &format!("PHQ-9 {phq} at last month's behavioral health visit; on antidepressant therapy{}", if dep_pl_mdd { "; problem list entry reads major depressive disorder, recurrent, moderate" } else { "" }));
        }
    }
    for (c, label, e) in pl_only {
        let hs = crate::hcc_map::hccs(c, "V28");
        cw.not_coded(&format!("{label} (problem list only; would map to V28 HCC {})", hs.first().copied().unwrap_or(0)), Some(c), vec![e], why("On the EMR problem list but not mentioned, monitored, evaluated, assessed or treated in the face-to-face note: without MEAT it is not coded or submitted for risk adjustment.", vec![guideline("OCG IV.J"), edit("CMS-HCC V28: diagnoses must be supported by a face-to-face encounter (MEAT)")]));
    }
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// EMR: records as the EMR prints them
// ---------------------------------------------------------------------------------------------------------------

/// Problems carried forward on the list and in the note's history that this visit does not address.
const CARRIED: [(&str, &str); 9] = [
    ("Allergic rhinitis", "J30.9"),
    ("Vitamin D deficiency", "E55.9"),
    ("Insomnia", "G47.00"),
    ("Onychomycosis of toenails", "B35.1"),
    ("Essential tremor", "G25.0"),
    ("Osteopenia", "M85.80"),
    ("Hyperlipidemia", "E78.5"),
    ("GERD", "K21.9"),
    ("Chronic low back pain", "M54.50"),
];

const RESOLVED: [(&str, &str, &str); 6] = [
    ("Community-acquired pneumonia", "J18.9", "treated with oral antibiotics 2 years ago"),
    ("Acute bronchitis", "J20.9", "last winter"),
    ("Left ankle sprain", "S93.402A", "healed, over a year ago"),
    ("COVID-19 infection", "U07.1", "recovered, no sequelae"),
    ("Cellulitis of right lower leg", "L03.115", "completed antibiotics last year"),
    ("Acute cystitis", "N30.00", "treated 8 months ago"),
];

/// Medications on the list with no diagnosis anywhere in the record: (entry, condition, code, the profile condition
/// that would make it documented).
const ORPHAN_MEDS: [(&str, &str, &str, Other); 4] = [
    ("levothyroxine 50 mcg PO daily", "hypothyroidism", "E03.9", Other::Hypothyroidism),
    ("allopurinol 100 mg PO daily", "gout", "M10.9", Other::Gout),
    ("omeprazole 20 mg PO daily", "GERD", "K21.9", Other::Gerd),
    ("alendronate 70 mg PO weekly", "osteoporosis", "M81.0", Other::Osteoporosis),
];

fn emr_cases(rng: &mut Rng) -> Vec<Case> {
    (0..57).map(|n| emr_case(rng, case_id("EMR", n + 1), n)).collect()
}

fn emr_case(rng: &mut Rng, id: String, n: usize) -> Case {
    let sx = sex(rng);
    let age = age_between(rng, 40, 89);
    let conflict = n % 6;
    let orphan = n % 3 == 1;
    let discontinued = n % 4 == 2;
    let hcc_track = n % 4 == 0;
    let hosp = n % 3 == 0;
    // Conditions the scenario needs, and what it must not draw.
    let mut excl = vec![Other::HxStroke];
    if conflict == 5 {
        excl.push(Other::Mdd);
        excl.push(Other::Gad);
    }
    let orphan_med = if orphan {
        let cands: Vec<&(&str, &str, &str, Other)> = ORPHAN_MEDS.iter().filter(|m| !(m.3 == Other::Osteoporosis && age < 55)).collect();
        let m = **rng.pick(&cands);
        excl.push(m.3);
        Some(m)
    } else {
        None
    };
    let base = profile_where(rng, age, sx, ProfileSpec::TYPICAL, &excl, |p| !active(p).is_empty() && active(p).len() <= 5);
    let mut others: Vec<Other> = base.others.iter().copied().filter(|o| !excl.contains(o)).collect();
    let profile = match conflict {
        1 => rebuild(rng, &base, None, base.hypertension, base.heart_failure, base.ckd, &others),
        2 => {
            others.retain(|o| *o != Other::AfibParoxysmal && *o != Other::AfibPermanent);
            others.push(Other::AfibPermanent);
            others.sort();
            rebuild(rng, &base, base.diabetes, base.hypertension, base.heart_failure, base.ckd, &others)
        }
        3 => rebuild(rng, &base, base.diabetes, base.hypertension, base.heart_failure, Some(CkdStage::S3b), &others),
        4 => rebuild(rng, &base, base.diabetes, false, None, None, &others),
        _ => rebuild(rng, &base, base.diabetes, base.hypertension, base.heart_failure, base.ckd, &others),
    };
    let setting = if hosp { Setting::OutpatientHospital } else { Setting::PhysicianOffice };
    let mut tracks = vec![Track::Emr];
    if !hosp && n % 2 == 0 {
        tracks.push(Track::Opd);
    }
    if hcc_track {
        tracks.push(Track::HccRiskAdjustment);
    }
    let difficulty = if conflict >= 4 { Difficulty::Advanced } else if conflict > 0 || orphan { Difficulty::Intermediate } else { Difficulty::Foundation };
    let mut cw = CaseWriter::new(id, rng.say(&["EMR record: follow-up visit", "EMR printout: clinic follow-up", "Clinic record with problem and medication lists"]), &tracks, difficulty, visit(setting, age, sx));
    let mut w = Written::default();

    // Carried-forward and resolved items.
    let carried_cands: Vec<&(&str, &str)> = CARRIED
        .iter()
        .filter(|(l, c)| {
            !(*c == "E78.5" && profile.others.contains(&Other::Hyperlipidemia))
                && !(*c == "K21.9" && (profile.others.contains(&Other::Gerd) || orphan_med.is_some_and(|m| m.2 == "K21.9")))
                && !(*c == "M85.80" && profile.others.contains(&Other::Osteoporosis))
                && !(*c == "M85.80" && orphan_med.is_some_and(|m| m.2 == "M81.0"))
                && !l.is_empty()
        })
        .collect();
    let n_carried = 1 + rng.below(3);
    let carried: Vec<(&str, &str)> = rng.sample(&carried_cands, n_carried).into_iter().map(|x| **x).collect();
    let n_res = 1 + rng.below(2);
    let resolved: Vec<(&str, &str, &str)> = rng.sample(&RESOLVED, n_res).into_iter().copied().collect();

    // d1: problem list
    let mut pl = cw.doc(DocumentKind::ProblemList, *rng.pick(&["Problem List", "Problem List - printed from EMR", "Active/Resolved Problems"]), Some(1));
    let mut pl_ev_carried = Vec::new();
    let mut pl_ev_resolved = Vec::new();
    let mut pl_conflict_ev = None;
    pl.line(&rng.say(&["ACTIVE", "Active problems:", "PROBLEMS - ACTIVE"]));
    let mut entries: Vec<String> = profile.problems().iter().filter(|p| !(conflict == 2 && p.key == "afib") && !(conflict == 3 && p.key == "ckd")).map(|p| p.short.clone()).collect();
    rng.shuffle(&mut entries);
    for e in &entries {
        pl.line(&format!("  - {e}"));
    }
    match conflict {
        1 => {
            pl.add("  - ");
            pl_conflict_ev = Some(pl.mark_line("Type 2 diabetes mellitus (entered from outside records)"));
        }
        2 => {
            pl.add("  - ");
            pl_conflict_ev = Some(pl.mark_line("Paroxysmal atrial fibrillation"));
        }
        3 => {
            pl.add("  - ");
            pl_conflict_ev = Some(pl.mark_line("Chronic kidney disease, stage 3a"));
        }
        4 => {
            pl.add("  - ");
            pl_conflict_ev = Some(pl.mark_line("Chronic systolic heart failure"));
        }
        5 => {
            pl.add("  - ");
            pl_conflict_ev = Some(pl.mark_line("Major depressive disorder, recurrent, severe without psychotic features"));
        }
        _ => {}
    }
    for (l, _) in &carried {
        pl.add("  - ");
        pl_ev_carried.push(pl.mark_line(l));
    }
    pl.line(&rng.say(&["RESOLVED", "Resolved problems:", "INACTIVE / RESOLVED"]));
    for (l, _, when) in &resolved {
        pl.add("  - ");
        let e = pl.mark(l);
        pl.line(&format!(" (resolved; {when})"));
        pl_ev_resolved.push(e);
    }
    cw.add_doc(pl);

    // d2: medication list
    let mut ml = cw.doc(DocumentKind::MedicationList, "Medication List", Some(1));
    ml.line(&rng.say(&["ACTIVE MEDICATIONS (as of last reconciliation)", "Current Outpatient Medications", "Active medications"]));
    let mut meds_all: Vec<String> = kb::meds(&profile).iter().map(|(_, _, m)| m.to_string()).collect();
    if conflict == 4 {
        meds_all.push("furosemide 40 mg PO daily".into());
    }
    if conflict == 5 {
        meds_all.push("sertraline 100 mg PO daily".into());
    }
    let mut orphan_ev = None;
    for m in &meds_all {
        ml.line(&format!("  {m}"));
    }
    if let Some(om) = orphan_med {
        ml.add("  ");
        orphan_ev = Some(ml.mark_line(om.0));
    }
    let mut disc_ev = None;
    if discontinued {
        ml.line(&rng.say(&["DISCONTINUED", "Discontinued medications:", "Inactive"]));
        ml.add("  ");
        disc_ev = Some(ml.mark(&rng.say(&["prednisone 10 mg PO daily (taper)", "prednisone 20 mg taper"])));
        ml.line(" - discontinued, course completed");
        ml.line(&format!("  {} - discontinued, course completed", *rng.pick(&["amoxicillin 500 mg PO TID", "azithromycin 250 mg PO daily"])));
    }
    cw.add_doc(ml);

    // d3: progress note
    let mut d = cw.doc(DocumentKind::ProgressNote, *rng.pick(&["Progress Note", "Clinic Progress Note", "Office Visit Note"]), Some(1));
    d.line(&format!("Visit type: {}", rng.say(&["Follow-up", "Return visit - chronic care", "Scheduled follow-up"])));
    d.heading("Chief Complaint:");
    d.line(&rng.say(&["Follow-up", "f/u chronic conditions, refills", "Routine follow-up"]));
    d.heading(*rng.pick(&["Interval History:", "HPI:", "Subjective:"]));
    let who = person(rng, age, sx);
    d.line(&rng.vary(&format!("{who} {{returns|presents}} for follow-up. {{Doing well.|No acute complaints.|Some fatigue, otherwise well.}} {{Med list reconciled today.|Reviewed meds with patient.}}")));
    match conflict {
        1 => d.line(&rng.vary("Of note, the problem list carries \"type 2 diabetes\" imported from outside records; patient reports being told of \"borderline sugar\" only, never on diabetes medication.")),
        2 => d.line(&rng.vary("AF became continuous last year; cardiology {chose|elected} a rate-control strategy and no further attempts at rhythm control.")),
        _ => &mut d,
    };
    d.heading(*rng.pick(&["HPI (copied forward from prior visit, reviewed):", "[Carried forward from previous note]"]));
    d.line(&rng.vary(&format!(
        "Pt with hx of {} {{follows here every 3-6 months|is followed in this clinic}}. {{Previously counseled on diet and exercise.|Home monitoring reviewed at prior visits.}}",
        profile.problems().iter().map(|p| p.short.clone()).chain(carried.iter().map(|(l, _)| l.to_string())).collect::<Vec<_>>().join(", ")
    )));
    if conflict == 4 {
        d.line("Echo (outside) read as preserved EF with diastolic dysfunction per old records.");
    }
    d.heading(*rng.pick(&["Review of Systems (template):", "ROS:"]));
    d.line(&format!(
        "Constitutional: Negative for fever, chills. {}\nCardiovascular: Negative for chest pain{}. Respiratory: Negative for shortness of breath{}.\nGI: Negative for nausea, vomiting. GU: Negative for dysuria. Skin: Negative for rash. {}",
        rng.say(&["Eyes: Negative.", "HENT: Negative for congestion."]),
        if rng.chance(0.5) { ", palpitations" } else { "" },
        if rng.chance(0.5) { ", wheezing" } else { "" },
        rng.say(&["All other systems negative.", "Psych: Negative for suicidal ideation.", "Neuro: Negative for headaches."])
    ));
    d.heading(*rng.pick(&["Past Medical History (auto-populated):", "PMH:"]));
    kb::write_history(&mut d, &profile, &mut w);
    for (l, _) in &carried {
        d.add(&format!(", {l}"));
    }
    d.add("\n");
    d.heading(*rng.pick(&["Medications (reconciled):", "Current Medications:"]));
    kb::write_meds(&mut d, &profile, &mut w, "  ");
    let mut hf_med_ev = None;
    let mut dep_med_ev = None;
    if conflict == 4 {
        d.add("  ");
        hf_med_ev = Some(d.mark_line("furosemide 40 mg PO daily"));
    }
    if conflict == 5 {
        d.add("  ");
        dep_med_ev = Some(d.mark_line("sertraline 100 mg PO daily"));
    }
    if let Some(om) = orphan_med {
        d.line(&format!("  {}", om.0));
    }
    d.heading("Allergies:");
    d.line(&allergies(rng));
    d.heading(*rng.pick(&["Vitals:", "Vital Signs:"]));
    let t = rng.decimal(97.5, 98.7);
    d.line(&vitals_for(rng, &profile, t, (94, 99)));
    d.heading(*rng.pick(&["Exam:", "Physical Exam (template):"]));
    for l in exam_for(rng, &profile) {
        d.line(&l);
    }
    d.heading(*rng.pick(&["Results flowsheet:", "Lab flowsheet (trend)"]));
    d.line(&format!("  {:<10}{:>11}{:>11}{:>13}", "", "12 mo ago", "6 mo ago", "most recent"));
    let mut rows = 0;
    if profile.diabetes.is_some() {
        let (a, b) = (rng.decimal(6.8, 8.4), rng.decimal(6.8, 8.4));
        let last = stated_f(&profile, "A1c ").unwrap_or_else(|| "pending".into());
        d.line(&format!("  {:<10}{:>11.1}{:>11.1}{:>13}", "HbA1c %", a, b, last));
        rows += 1;
    }
    if conflict == 1 {
        let (a, b, c) = (rng.decimal(5.7, 5.9), rng.decimal(5.8, 6.0), rng.decimal(5.9, 6.2));
        d.line(&format!("  {:<10}{:>11.1}{:>11.1}{:>13.1}", "HbA1c %", a, b, c));
        rows += 1;
    }
    if let (Some(_), Some(last)) = (profile.ckd.filter(|c| *c != CkdStage::Esrd), stated(&profile, "eGFR ")) {
        let (a, b) = if conflict == 3 { (rng.range(46, 52), last + rng.range(0, 3)) } else { (last + rng.range(0, 4), last + rng.range(-2, 2)) };
        d.line(&format!("  {:<10}{:>11}{:>11}{:>13}", "eGFR", a, b, last));
        rows += 1;
    }
    if let Some(ldl) = stated(&profile, "LDL ") {
        let (a, b) = (rng.range(70, 140), rng.range(70, 140));
        d.line(&format!("  {:<10}{:>11}{:>11}{:>13}", "LDL mg/dL", a, b, ldl));
    } else if rows == 0 {
        let (a, b, c) = (rng.range(70, 140), rng.range(70, 140), rng.range(70, 140));
        d.line(&format!("  {:<10}{:>11}{:>11}{:>13}", "Glucose", a, b, c));
    }
    let (na, k) = (rng.range(136, 143), rng.decimal(3.8, 4.8));
    d.line(&format!("  {:<10}{:>11}{:>11}{:>13}", "Na / K", format!("{}/{:.1}", na, k), format!("{}/{:.1}", na + 1, k), format!("{}/{:.1}", na, k + 0.1)));
    d.heading(*rng.pick(&["Assessment and Plan:", "A/P:", "Assessment/Plan (this visit):"]));
    let mut k = kb::write_assessment(&mut d, rng, &profile, 1, &mut w);
    let mut extra: Vec<Manual> = Vec::new();
    let mut note_conflict_ev = None;
    let mut last_phq = 0;
    match conflict {
        1 => {
            d.add(&format!("{k}. "));
            let a = d.mark("Prediabetes");
            let plan = rng.vary(" - A1c has never reached the diabetic range; the \"type 2 diabetes\" entry on the problem list is not supported and has been {corrected|removed}. Diet and exercise, recheck A1c in 6 months.");
            let b = d.mark_in(&plan, "Diet and exercise, recheck A1c in 6 months");
            d.add("\n");
            k += 1;
            note_conflict_ev = Some(a.clone());
            extra.push(Manual { code: "R73.03", ev: vec![a], plan: vec![b], why: "The provider's assessment at this visit is prediabetes, and it explicitly corrects the problem-list entry: R73.03.".into(), rules: vec![guideline("OCG IV.J"), guideline("OCG I.C.4")], meat: (true, false, false) });
        }
        4 => {
            d.add(&format!("{k}. "));
            let a = d.mark(&rng.say(&["CHF", "Heart failure, compensated", "Congestive heart failure"]));
            let b = d.mark_in(&rng.vary(" - {euvolemic|no edema, lungs clear}; continue furosemide 40 mg daily, daily weights.\n"), "continue furosemide 40 mg daily");
            k += 1;
            note_conflict_ev = Some(a.clone());
            extra.push(Manual { code: "I50.9", ev: vec![a], plan: vec![b], why: "The note's assessment says only heart failure; the problem list (systolic) and the copied-forward history (diastolic) conflict, so the type cannot be chosen: I50.9 pending the query.".into(), rules: vec![guideline("OCG I.A.9.b"), guideline("OCG I.C.9.a.1")], meat: (true, false, true) });
        }
        5 => {
            d.add(&format!("{k}. "));
            let a = d.mark(&rng.say(&["Depression", "Depression, improved"]));
            let phq = rng.range(4, 10);
            last_phq = phq;
            let b = d.mark_in(&format!(" - mood stable per patient, last PHQ-9 {phq} (behavioral health, last month); continue sertraline 100 mg.\n"), "continue sertraline 100 mg");
            k += 1;
            note_conflict_ev = Some(a.clone());
            extra.push(Manual { code: "F32.A", ev: vec![a], plan: vec![b], why: "The assessment of this visit says \"depression\" without episode or severity: F32.A. The problem list's \"recurrent, severe\" is not this encounter's documentation.".into(), rules: vec![guideline("OCG I.C.5"), convention("Index: Depression (acute)(mental) F32.A")], meat: (true, true, true) });
        }
        _ => {}
    }
    let _ = k;
    d.line(&rng.say(&["Other chronic problems per problem list, not addressed today.", "Follow-up 3 months.", "RTC 4 months; labs before visit."]));
    signature(&mut d, rng);
    cw.add_doc(d);

    // Gold
    profile.code(&mut cw, &w, None);
    code_manual(&mut cw, &extra);
    if let Some(first) = cw.gold.diagnoses.first_mut() {
        first.rationale.text.push_str(" It heads the provider's assessment of this visit, so it is listed first.");
        first.rationale.rules.push(guideline("OCG IV.G"));
    }
    if hcc_track {
        profile.hccs(&mut cw, &w);
        anchor_hccs(&mut cw, &w);
        add_manual_hccs(&mut cw, &extra);
    }
    for ((l, c), e) in carried.iter().zip(pl_ev_carried) {
        cw.not_coded(&format!("{} (carried forward, not addressed)", l.to_lowercase()), Some(c), vec![e], why("On the problem list and in the copied-forward history, but nothing in this visit's exam, assessment or plan addresses it: not coded for this encounter.", vec![guideline("OCG IV.J")]));
    }
    for ((l, c, _), e) in resolved.iter().zip(pl_ev_resolved) {
        cw.not_coded(&format!("{} (resolved)", l.to_lowercase()), Some(c), vec![e], why("Marked resolved on the problem list: conditions that were previously treated and no longer exist are not coded.", vec![guideline("OCG IV.J")]));
    }
    match conflict {
        1 => {
            let e = pl_conflict_ev.clone().unwrap();
            cw.not_coded("type 2 diabetes (problem list entry)", Some("E11.9"), vec![e], why("The problem list conflicts with the provider's assessment of this visit, which documents prediabetes and corrects the list; the encounter's assessment governs.", vec![guideline("OCG IV.J"), guideline("OCG I.C.4")]));
        }
        2 => {
            let e = pl_conflict_ev.clone().unwrap();
            cw.not_coded("paroxysmal atrial fibrillation (outdated problem list entry)", Some("I48.0"), vec![e], why("The list was not updated; the provider's note of this visit documents permanent AF (continuous since last year, rate control only), so I48.21 is coded from the assessment.", vec![guideline("OCG IV.J"), guideline("OCG I.C.9")]));
        }
        3 => {
            let e = pl_conflict_ev.clone().unwrap();
            cw.not_coded("CKD stage 3a (outdated problem list entry)", Some("N18.31"), vec![e], why("The problem list still shows stage 3a while the provider's assessment at this visit documents stage 3b; the current encounter's assessment governs.", vec![guideline("OCG IV.J"), guideline("OCG I.C.14.a")]));
        }
        4 => {
            let e = pl_conflict_ev.clone().unwrap();
            cw.not_coded("chronic systolic heart failure (problem list wording)", Some("I50.22"), vec![e.clone()], why("The list's type is contradicted by the copied-forward history (diastolic dysfunction) and the assessment gives no type; conflicting documentation is resolved by querying the provider, not by choosing one.", vec![guideline("OCG I.A.9.b"), convention(QUERY_RULES)]));
            let mut ev = vec![note_conflict_ev.clone().unwrap(), e];
            ev.extend(hf_med_ev.clone());
            hf_query(&mut cw, ev, "problem list entry \"chronic systolic heart failure\"; copied-forward history of preserved EF with diastolic dysfunction; on furosemide 40 mg daily; euvolemic today");
        }
        5 => {
            let e = pl_conflict_ev.clone().unwrap();
            cw.not_coded("major depressive disorder, recurrent, severe (problem list)", Some("F33.2"), vec![e.clone()], why("The problem list's severity is not documented by the provider at this visit: the assessment says only depression, and a PHQ-9 score does not establish episode or severity; the list does not override the encounter note. Query for episode and severity.", vec![guideline("OCG IV.J"), convention(QUERY_RULES)]));
            let mut ev = vec![note_conflict_ev.clone().unwrap(), e];
            ev.extend(dep_med_ev.clone());
            dep_query(&mut cw, ev, &format!("problem list entry \"major depressive disorder, recurrent, severe\"; on sertraline 100 mg; PHQ-9 {last_phq} at last month's behavioral health visit"));
        }
        _ => {}
    }
    if let (Some(om), Some(e)) = (orphan_med, orphan_ev) {
        cw.not_coded(&format!("{} (implied by {})", om.1, om.0.split(' ').next().unwrap_or("")), Some(om.2), vec![e.clone()], why(format!("A medication on the list does not establish a diagnosis: {} is nowhere documented by the provider, so {} is not coded from the drug.", om.1, om.2), vec![guideline("OCG I.A.19"), guideline("OCG IV.J")]));
        if n % 2 == 1 {
            let drug = om.0.split(' ').next().unwrap_or("");
            cw.query(
                &format!("indication for {drug} not documented"),
                &format!("The reconciled medication list includes {}. No corresponding diagnosis appears in the problem list or today's assessment. Please document the condition being treated, if clinically appropriate: [ ] {} [ ] Other (please specify) [ ] Medication no longer taken [ ] Unable to determine", om.0, om.1),
                vec![e],
                why("A drug without a documented indication cannot be turned into a diagnosis by the coder; a non-leading query with the medication as the clinical indicator lets the provider document it (or remove the drug).", vec![convention(QUERY_RULES), guideline("OCG I.A.19")]),
            );
        }
    }
    if let Some(e) = disc_ev {
        cw.not_coded("long-term systemic steroid use (discontinued prednisone)", Some("Z79.52"), vec![e], why("The prednisone is listed as discontinued after a completed course: there is no current long-term use to report.", vec![guideline("OCG I.C.21.c.3")]));
    }
    cw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_office_cases_share_most_of_their_text() {
        let mut r = Rng::new(super::super::SEED).derive("office");
        let cs = cases(&mut r);
        assert!(cs.iter().filter(|c| c.id.starts_with("OFF")).count() >= 60);
        assert!(cs.iter().filter(|c| c.id.starts_with("HCC")).count() >= 60);
        assert!(cs.iter().filter(|c| c.id.starts_with("EMR")).count() >= 55);
        let o = crate::overlap::measure(&cs);
        assert!(o.pair_max < 0.8, "the closest pair shares more than 80% of its text: {:?}", o.top.first());
    }

    #[test]
    fn problem_list_only_conditions_carry_an_hcc() {
        for (c, _) in PL_ONLY {
            assert!(!crate::hcc_map::hccs(c, "V28").is_empty(), "{c}");
        }
    }
}
