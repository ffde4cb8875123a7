//! The shared clinical knowledge base: the chronic conditions that fill a real patient's problem list, how each is
//! documented (the assessment wording, the short form of a history or problem list, the MEAT sentence of a plan,
//! the medications), and how the coding conventions combine them.
//!
//! A [`Profile`] is one patient's chronic conditions. Its [`Problem`]s are what a note writes; its [`Coded`] list is
//! the gold, in sequence, with each code pointing at the problems whose words support it. The combinations are the
//! classic teaching points: hypertension with heart failure and/or CKD (OCG I.C.9.a), diabetes "with" its
//! complications (OCG I.A.15, I.C.4.a), the Z79 long-term drug codes of diabetes and anticoagulation, BMI only with a
//! weight diagnosis (OCG I.B.14).
//!
//! Writers use it this way: write each problem's words with [`crate::generate::writer::Doc::mark`], record the
//! evidence in a [`Written`], then [`Profile::code`] adds the diagnoses to the gold and [`Profile::hccs`] the HCCs
//! with their MEAT.

use super::rng::Rng;
use super::writer::{convention, guideline, tabular, why, CaseWriter};
use crate::model::{Evidence, GoldHcc, Poa, Rule, Sex};
use std::collections::BTreeMap;

/// Which part of a problem's words supports a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The diagnostic statement: the assessment wording or the short form, whichever the note wrote.
    Name,
    /// The plan sentence (monitoring, evaluation, treatment).
    Plan,
    /// The n-th medication of the problem, as the medication list or plan wrote it.
    Med(usize),
}

/// One code of the gold, with the problems whose words support it.
#[derive(Debug, Clone)]
pub struct Coded {
    pub code: &'static str,
    /// Evidence: (problem key, part). The first that was written is required; the others are added when written.
    pub support: Vec<(&'static str, Part)>,
    pub why: String,
    pub rules: Vec<Rule>,
    /// The problem whose plan shows the MEAT of this code (for HCCs).
    pub meat_of: &'static str,
}

/// Which of Monitored, Evaluated, Assessed, Treated a plan sentence shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Meat {
    pub monitored: bool,
    pub evaluated: bool,
    pub assessed: bool,
    pub treated: bool,
}

const MEAT_ET: Meat = Meat { monitored: false, evaluated: true, assessed: true, treated: true };
const MEAT_MAT: Meat = Meat { monitored: true, evaluated: false, assessed: true, treated: true };
const MEAT_ALL: Meat = Meat { monitored: true, evaluated: true, assessed: true, treated: true };
const MEAT_A: Meat = Meat { monitored: false, evaluated: false, assessed: true, treated: false };

/// A documented chronic condition: the words a note uses for it.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Stable key within a profile ("dm", "htn", "ckd").
    pub key: &'static str,
    /// The assessment wording ("Type 2 diabetes mellitus with diabetic chronic kidney disease").
    pub label: String,
    /// The short form of a history, problem list or discharge list ("DM2 w/ CKD 3b").
    pub short: String,
    /// The plan sentence that shows MEAT ("A1c 7.8% today; continue metformin 1000 mg BID.").
    pub plan: String,
    /// Medication-list entries ("metformin 1000 mg PO BID").
    pub meds: Vec<String>,
    pub meat: Meat,
    /// A status or history item (former smoker, history of cancer): belongs in the history, not the assessment.
    pub history_only: bool,
}

/// The evidence a writer recorded for the problems it wrote, by problem key.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub names: BTreeMap<&'static str, Vec<Evidence>>,
    pub plans: BTreeMap<&'static str, Vec<Evidence>>,
    pub meds: BTreeMap<(&'static str, usize), Vec<Evidence>>,
}

impl Written {
    pub fn name(&mut self, key: &'static str, e: Evidence) {
        self.names.entry(key).or_default().push(e);
    }
    pub fn plan(&mut self, key: &'static str, e: Evidence) {
        self.plans.entry(key).or_default().push(e);
    }
    pub fn med(&mut self, key: &'static str, i: usize, e: Evidence) {
        self.meds.entry((key, i)).or_default().push(e);
    }

    fn get(&self, key: &'static str, part: Part) -> Vec<Evidence> {
        match part {
            Part::Name => self.names.get(key).cloned().unwrap_or_default(),
            Part::Plan => self.plans.get(key).cloned().unwrap_or_default(),
            Part::Med(i) => self.meds.get(&(key, i)).cloned().unwrap_or_default(),
        }
    }
}

/// Chronic kidney disease stages the profiles use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CkdStage {
    S3a,
    S3b,
    S4,
    S5,
    /// End-stage renal disease on hemodialysis.
    Esrd,
}

impl CkdStage {
    fn code(self) -> &'static str {
        match self {
            CkdStage::S3a => "N18.31",
            CkdStage::S3b => "N18.32",
            CkdStage::S4 => "N18.4",
            CkdStage::S5 => "N18.5",
            CkdStage::Esrd => "N18.6",
        }
    }
    /// Stage 5 and ESRD take the "stage 5 or end stage" hypertensive codes (I12.0, I13.2).
    fn end_stage(self) -> bool {
        matches!(self, CkdStage::S5 | CkdStage::Esrd)
    }
}

/// Heart failure types of the chronic profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HfType {
    Systolic,
    Diastolic,
    Combined,
}

impl HfType {
    fn code(self) -> &'static str {
        match self {
            HfType::Systolic => "I50.22",
            HfType::Diastolic => "I50.32",
            HfType::Combined => "I50.42",
        }
    }
}

/// How a diabetic patient is treated: decides the Z79 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DmTreatment {
    Metformin,
    MetforminGlipizide,
    Insulin,
    InsulinMetformin,
    MetforminSemaglutide,
    DietOnly,
}

/// Type 2 diabetes and its documented complications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diabetes {
    pub polyneuropathy: bool,
    pub retinopathy: bool,
    pub hyperglycemia: bool,
    pub angiopathy: bool,
    pub treatment: DmTreatment,
    /// Whether the note writes the CKD as diabetic ("diabetic CKD") or lists the two apart (the coder links them
    /// through the "with" convention either way).
    pub ckd_stated_as_diabetic: bool,
}

/// The standalone chronic conditions: one code each, no interplay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Other {
    Hyperlipidemia,
    Hypothyroidism,
    Gerd,
    Copd,
    AsthmaModerate,
    AfibParoxysmal,
    AfibPermanent,
    Cad,
    Osa,
    Mdd,
    Gad,
    OaKnees,
    Bph,
    Smoker,
    FormerSmoker,
    MorbidObesity,
    Obesity,
    HxStroke,
    Hemiplegia,
    Parkinsons,
    Alzheimers,
    Ra,
    Osteoporosis,
    Gout,
    IronDeficiency,
    HxProstateCancer,
    HxBreastCancer,
    Pad,
}

impl Other {
    const ALL: [Other; 28] = [
        Other::Hyperlipidemia,
        Other::Hypothyroidism,
        Other::Gerd,
        Other::Copd,
        Other::AsthmaModerate,
        Other::AfibParoxysmal,
        Other::AfibPermanent,
        Other::Cad,
        Other::Osa,
        Other::Mdd,
        Other::Gad,
        Other::OaKnees,
        Other::Bph,
        Other::Smoker,
        Other::FormerSmoker,
        Other::MorbidObesity,
        Other::Obesity,
        Other::HxStroke,
        Other::Hemiplegia,
        Other::Parkinsons,
        Other::Alzheimers,
        Other::Ra,
        Other::Osteoporosis,
        Other::Gout,
        Other::IronDeficiency,
        Other::HxProstateCancer,
        Other::HxBreastCancer,
        Other::Pad,
    ];

    /// How common the condition is in an adult primary-care panel (relative weight).
    fn weight(self) -> u32 {
        match self {
            Other::Hyperlipidemia => 40,
            Other::Gerd | Other::Hypothyroidism | Other::OaKnees => 18,
            Other::Copd | Other::FormerSmoker | Other::Obesity => 15,
            Other::AfibParoxysmal | Other::AfibPermanent | Other::Cad | Other::Osa | Other::Mdd | Other::Gad | Other::Smoker | Other::Bph => 10,
            Other::MorbidObesity | Other::Osteoporosis | Other::Gout | Other::AsthmaModerate | Other::IronDeficiency => 7,
            Other::HxStroke | Other::Pad | Other::HxProstateCancer | Other::HxBreastCancer | Other::Ra => 5,
            Other::Hemiplegia | Other::Parkinsons | Other::Alzheimers => 4,
        }
    }

    fn conflicts(self, o: Other) -> bool {
        use Other::*;
        let pair = |a: Other, b: Other| (self == a && o == b) || (self == b && o == a);
        self == o
            || pair(AfibParoxysmal, AfibPermanent)
            || pair(Smoker, FormerSmoker)
            || pair(MorbidObesity, Obesity)
            || pair(HxStroke, Hemiplegia)
            || pair(Copd, AsthmaModerate)
    }

    fn fits(self, age: u8, sex: Sex) -> bool {
        match self {
            Other::Bph | Other::HxProstateCancer => sex == Sex::Male && age >= 50,
            Other::HxBreastCancer => sex == Sex::Female && age >= 40,
            Other::Alzheimers | Other::Parkinsons => age >= 60,
            Other::Osteoporosis => age >= 55,
            Other::OaKnees => age >= 45,
            Other::Gout => age >= 30,
            Other::Hyperlipidemia | Other::Hypothyroidism => age >= 30,
            Other::Copd | Other::Cad | Other::AfibParoxysmal | Other::AfibPermanent | Other::HxStroke | Other::Hemiplegia | Other::Pad => age >= 45,
            _ => true,
        }
    }
}

/// One patient's chronic conditions.
#[derive(Debug, Clone)]
pub struct Profile {
    pub age: u8,
    pub sex: Sex,
    pub diabetes: Option<Diabetes>,
    pub hypertension: bool,
    pub heart_failure: Option<HfType>,
    pub ckd: Option<CkdStage>,
    /// Anemia in CKD (only with CKD).
    pub ckd_anemia: bool,
    pub others: Vec<Other>,
    problems: Vec<Problem>,
    coded: Vec<Coded>,
    /// The eGFR the kidney plan states (CKD stages 3a to 5).
    egfr: Option<i64>,
}

/// What a profile should hold. `chronic` is roughly how many conditions; the big four (diabetes, hypertension,
/// heart failure, CKD) are drawn by their own chances.
#[derive(Debug, Clone, Copy)]
pub struct ProfileSpec {
    pub diabetes: f64,
    pub hypertension: f64,
    pub heart_failure: f64,
    pub ckd: f64,
    pub others: usize,
}

impl ProfileSpec {
    /// An older adult of a primary-care or hospital panel.
    pub const TYPICAL: ProfileSpec = ProfileSpec { diabetes: 0.4, hypertension: 0.65, heart_failure: 0.15, ckd: 0.2, others: 3 };
    /// A risk-adjustment review: many chronic conditions.
    pub const COMPLEX: ProfileSpec = ProfileSpec { diabetes: 0.6, hypertension: 0.8, heart_failure: 0.35, ckd: 0.4, others: 5 };
    /// A healthy-ish adult: few conditions.
    pub const LIGHT: ProfileSpec = ProfileSpec { diabetes: 0.15, hypertension: 0.35, heart_failure: 0.0, ckd: 0.0, others: 2 };
    /// No conditions at all (a young patient, a focused visit).
    pub const NONE: ProfileSpec = ProfileSpec { diabetes: 0.0, hypertension: 0.0, heart_failure: 0.0, ckd: 0.0, others: 0 };
}

impl Profile {
    /// A random profile fitting the age and sex. `exclude` lists conditions the scenario already covers (so a
    /// COPD-exacerbation admission does not also draw chronic COPD).
    pub fn random(rng: &mut Rng, age: u8, sex: Sex, spec: ProfileSpec, exclude: &[Other]) -> Profile {
        let older = age >= 45;
        let scale = if older { 1.0 } else { 0.35 };
        let diabetes = rng.chance(spec.diabetes * scale).then(|| {
            let treatment = *rng.pick(&[
                DmTreatment::Metformin,
                DmTreatment::Metformin,
                DmTreatment::MetforminGlipizide,
                DmTreatment::Insulin,
                DmTreatment::InsulinMetformin,
                DmTreatment::MetforminSemaglutide,
                DmTreatment::DietOnly,
            ]);
            Diabetes {
                polyneuropathy: rng.chance(0.25),
                retinopathy: rng.chance(0.12),
                hyperglycemia: rng.chance(0.25) && treatment != DmTreatment::DietOnly,
                angiopathy: older && rng.chance(0.12),
                treatment,
                ckd_stated_as_diabetic: rng.chance(0.5),
            }
        });
        let hypertension = rng.chance(spec.hypertension * scale.max(0.5));
        let heart_failure = (older && rng.chance(spec.heart_failure)).then(|| *rng.pick(&[HfType::Systolic, HfType::Diastolic, HfType::Diastolic, HfType::Combined]));
        let ckd = (older && rng.chance(spec.ckd)).then(|| *rng.pick(&[CkdStage::S3a, CkdStage::S3a, CkdStage::S3b, CkdStage::S3b, CkdStage::S4, CkdStage::S5, CkdStage::Esrd]));
        let ckd_anemia = ckd.is_some_and(|s| matches!(s, CkdStage::S4 | CkdStage::S5 | CkdStage::Esrd)) && rng.chance(0.5);
        let mut others: Vec<Other> = Vec::new();
        let n = if spec.others == 0 { 0 } else { rng.range(spec.others.saturating_sub(1) as i64, spec.others as i64 + 2) as usize };
        // Young adults carry few chronic conditions.
        let n = if age < 40 { n.min(1) } else { n };
        let pool: Vec<Other> = Other::ALL.into_iter().filter(|o| o.fits(age, sex) && !exclude.iter().any(|e| e.conflicts(*o))).collect();
        let weights: Vec<u32> = pool.iter().map(|o| o.weight()).collect();
        let mut tries = 0;
        while others.len() < n && tries < 60 {
            tries += 1;
            let o = pool[rng.weighted(&weights)];
            // PAD with diabetes is diabetic angiopathy: keep it on the diabetes. Cilostazol (the PAD drug here) is
            // contraindicated in heart failure, and alendronate below a creatinine clearance of 35.
            let severe_ckd = ckd.is_some_and(|s| matches!(s, CkdStage::S4 | CkdStage::S5 | CkdStage::Esrd));
            if others.iter().any(|x| x.conflicts(o)) || (o == Other::Pad && (diabetes.is_some() || heart_failure.is_some())) || (o == Other::Osteoporosis && severe_ckd) {
                continue;
            }
            others.push(o);
        }
        others.sort();
        let mut p = Profile { age, sex, diabetes, hypertension, heart_failure, ckd, ckd_anemia, others, problems: Vec::new(), coded: Vec::new(), egfr: None };
        p.build(rng);
        p
    }

    /// A profile with exactly these conditions (for scenarios that need one).
    #[allow(clippy::too_many_arguments)]
    pub fn with(rng: &mut Rng, age: u8, sex: Sex, diabetes: Option<Diabetes>, hypertension: bool, heart_failure: Option<HfType>, ckd: Option<CkdStage>, others: &[Other]) -> Profile {
        let mut others = others.to_vec();
        others.sort();
        let mut p = Profile { age, sex, diabetes, hypertension, heart_failure, ckd, ckd_anemia: false, others, problems: Vec::new(), coded: Vec::new(), egfr: None };
        p.build(rng);
        p
    }

    /// The eGFR the profile's kidney plan states, if it has CKD stage 3a to 5.
    pub fn egfr(&self) -> Option<i64> {
        self.egfr
    }

    /// The serum creatinine that gives the stated eGFR for this age and sex, so the labs and the plan agree.
    pub fn creatinine(&self) -> Option<f64> {
        self.egfr.map(|e| creatinine_for(e as f64, self.age, self.sex))
    }

    /// The problems, in the order a note lists them (diabetes, hypertension, heart failure, CKD, then the others).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The codes, in the order the gold sequences them after the encounter's own diagnoses.
    pub fn coded(&self) -> &[Coded] {
        &self.coded
    }

    /// Whether the profile has any condition at all.
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// Adds the profile's codes to the gold as secondary diagnoses (after whatever is there), skipping codes the
    /// gold already has. `poa` is given for inpatient encounters (chronic conditions are present on admission).
    /// Returns the codes added. A code none of whose support was written is skipped: the note did not document it.
    pub fn code(&self, cw: &mut CaseWriter, written: &Written, poa: Option<Poa>) -> Vec<&'static str> {
        let mut added = Vec::new();
        for c in &self.coded {
            if cw.has_dx(c.code) {
                continue;
            }
            let mut ev = Vec::new();
            for (key, part) in &c.support {
                let recorded = written.get(key, *part);
                if recorded.is_empty() {
                    // The writer did not record these words: find them in what it wrote.
                    ev.extend(self.find_words(cw, key, *part));
                } else {
                    ev.extend(recorded);
                }
            }
            if ev.is_empty() {
                continue;
            }
            cw.dx(c.code, poa, ev, why(c.why.clone(), c.rules.clone()));
            added.push(c.code);
        }
        added
    }

    /// The problem's words for a part (its label or short form, its plan, a medication) where they stand in the
    /// case's documents, first occurrence.
    fn find_words(&self, cw: &CaseWriter, key: &str, part: Part) -> Vec<Evidence> {
        let Some(p) = self.problems.iter().find(|p| p.key == key) else { return Vec::new() };
        let candidates: Vec<&str> = match part {
            Part::Name => vec![p.label.as_str(), p.short.as_str()],
            Part::Plan => vec![p.plan.as_str()],
            Part::Med(i) => p.meds.get(i).map(|m| vec![m.as_str()]).unwrap_or_default(),
        };
        for w in candidates.into_iter().filter(|w| !w.trim().is_empty()) {
            for d in &cw.docs {
                if let Some(at) = d.text.find(w) {
                    return vec![Evidence { doc: d.id.clone(), quote: w.to_string(), at: Some(at) }];
                }
            }
        }
        Vec::new()
    }

    /// The V28 HCCs of the codes the gold holds, after the model's hierarchies, each with the MEAT the plans show.
    pub fn hccs(&self, cw: &mut CaseWriter, written: &Written) {
        let mut by_hcc: BTreeMap<u16, &Coded> = BTreeMap::new();
        for c in &self.coded {
            if !cw.has_dx(c.code) {
                continue;
            }
            for h in crate::hcc_map::hccs(c.code, "V28") {
                // A hypertensive combination code (I11.0, I13.x) maps to the heart failure HCC too; the heart failure's
                // own code and its own assessment line are the better support.
                let e = by_hcc.entry(h).or_insert(c);
                if e.meat_of == "htn" && c.meat_of != "htn" {
                    *e = c;
                }
            }
        }
        let all: Vec<u16> = by_hcc.keys().copied().collect();
        let kept = crate::hcc_map::after_hierarchies("V28", &all);
        for h in kept {
            let c = by_hcc[&h];
            let Some(problem) = self.problems.iter().find(|p| p.key == c.meat_of) else { continue };
            let plan = written.get(c.meat_of, Part::Plan);
            let name = written.get(c.meat_of, Part::Name);
            if plan.is_empty() && name.is_empty() {
                continue;
            }
            let m = problem.meat;
            let mut hcc = GoldHcc {
                model: "V28".into(),
                hcc: h,
                diagnosis: c.code.into(),
                monitored: if m.monitored { plan.clone() } else { Vec::new() },
                evaluated: if m.evaluated { plan.clone() } else { Vec::new() },
                assessed: name.clone(),
                treated: if m.treated { plan.clone() } else { Vec::new() },
                rationale: why(
                    format!(
                        "{} maps to V28 HCC {h} ({}). The condition is documented in the assessment with its {} — {}.",
                        c.code,
                        crate::hcc_map::label("V28", h).unwrap_or("see the CMS table"),
                        meat_words(m),
                        "support a risk-adjustment auditor accepts for a face-to-face encounter"
                    ),
                    vec![Rule::Edit(format!("CMS-HCC V28 HCC {h}")), guideline("OCG IV.J")],
                ),
            };
            if hcc.assessed.is_empty() {
                hcc.assessed = plan;
            }
            cw.gold.hccs.push(hcc);
        }
    }

    fn build(&mut self, rng: &mut Rng) {
        let mut problems = Vec::new();
        let mut coded = Vec::new();
        let ckd = self.ckd;
        let hf = self.heart_failure;

        // Metformin is stopped below an eGFR of 30: with CKD stage 4 or worse the diabetes is on insulin.
        if let (Some(dm), Some(CkdStage::S4 | CkdStage::S5 | CkdStage::Esrd)) = (self.diabetes.as_mut(), ckd) {
            if matches!(dm.treatment, DmTreatment::Metformin | DmTreatment::MetforminGlipizide | DmTreatment::InsulinMetformin | DmTreatment::MetforminSemaglutide) {
                dm.treatment = DmTreatment::Insulin;
            }
        }
        // Diabetes first: it is usually the reason for the chronic-care visit.
        if let Some(dm) = self.diabetes {
            let (p, c) = diabetes(rng, dm, ckd);
            problems.push(p);
            coded.extend(c);
        }
        // Hypertension and what it combines with.
        if self.hypertension {
            let (p, c) = hypertension(rng, hf, ckd);
            problems.push(p);
            coded.extend(c);
        }
        if let Some(t) = hf {
            let (p, c) = heart_failure(rng, t, self.hypertension, matches!(ckd, Some(CkdStage::S4 | CkdStage::S5 | CkdStage::Esrd)));
            problems.push(p);
            coded.extend(c);
        }
        if let Some(s) = ckd {
            let (p, c, egfr) = kidney(rng, s, self.hypertension, self.diabetes.is_some(), self.ckd_anemia);
            self.egfr = (s != CkdStage::Esrd).then_some(egfr);
            problems.push(p);
            coded.extend(c);
        }
        for o in self.others.clone() {
            let (p, c) = other(rng, o, hf, &self.others, self.age, ckd);
            problems.push(p);
            coded.extend(c);
        }
        // Sequence: the combination codes before the codes they ask for ("use additional code"), the Z codes last.
        coded.sort_by_key(|c| if c.code.starts_with('Z') { 1 } else { 0 });
        self.problems = problems;
        self.coded = coded;
    }
}

fn meat_words(m: Meat) -> String {
    let mut w = Vec::new();
    if m.monitored {
        w.push("monitoring");
    }
    if m.evaluated {
        w.push("evaluation (results reviewed)");
    }
    if m.assessed {
        w.push("assessment");
    }
    if m.treated {
        w.push("treatment");
    }
    match w.len() {
        0 => "mention".into(),
        1 => w[0].to_string(),
        _ => format!("{} and {}", w[..w.len() - 1].join(", "), w[w.len() - 1]),
    }
}

fn coded(code: &'static str, support: &[(&'static str, Part)], meat_of: &'static str, why: impl Into<String>, rules: Vec<Rule>) -> Coded {
    Coded { code, support: support.to_vec(), why: why.into(), rules, meat_of }
}

fn stage_words(s: CkdStage) -> (&'static str, &'static str) {
    match s {
        CkdStage::S3a => ("chronic kidney disease stage 3a", "CKD 3a"),
        CkdStage::S3b => ("chronic kidney disease stage 3b", "CKD 3b"),
        CkdStage::S4 => ("chronic kidney disease stage 4", "CKD stage IV"),
        CkdStage::S5 => ("chronic kidney disease stage 5, not on dialysis", "CKD 5"),
        CkdStage::Esrd => ("end-stage renal disease on hemodialysis", "ESRD on HD"),
    }
}

fn diabetes(rng: &mut Rng, dm: Diabetes, ckd: Option<CkdStage>) -> (Problem, Vec<Coded>) {
    let mut complications: Vec<&str> = Vec::new();
    let mut short: Vec<&str> = Vec::new();
    let mut coded_list = Vec::new();
    let a1c = if dm.hyperglycemia { rng.decimal(8.6, 11.8) } else { rng.decimal(6.3, 7.8) };
    let dm_rule = guideline("OCG I.C.4.a");
    if let Some(s) = ckd {
        if dm.ckd_stated_as_diabetic {
            complications.push("diabetic chronic kidney disease");
            short.push("diabetic CKD");
        }
        let linked = if dm.ckd_stated_as_diabetic {
            "The provider links the CKD to the diabetes.".to_string()
        } else {
            "The note lists diabetes and CKD separately; \"with\" in the Alphabetic Index (Diabetes, with, chronic kidney disease) presumes the link unless the provider says the CKD has another cause.".to_string()
        };
        coded_list.push(coded(
            "E11.22",
            &[("dm", Part::Name), ("ckd", Part::Name)],
            "dm",
            format!("Type 2 diabetes with diabetic chronic kidney disease. {linked} The stage is coded separately, as the note at E11.22 instructs."),
            vec![guideline("OCG I.A.15"), dm_rule.clone(), tabular("E11.22 Use additional code to identify stage of chronic kidney disease")],
        ));
        let _ = s;
    }
    if dm.polyneuropathy {
        complications.push("diabetic polyneuropathy");
        short.push("polyneuropathy");
        coded_list.push(coded("E11.42", &[("dm", Part::Name)], "dm", "Diabetic polyneuropathy is a combination code in E11.4-: one code carries the diabetes and the neuropathy.", vec![guideline("OCG I.A.15"), dm_rule.clone()]));
    }
    if dm.retinopathy {
        complications.push("mild nonproliferative diabetic retinopathy without macular edema, both eyes");
        short.push("mild NPDR OU");
        coded_list.push(coded(
            "E11.3293",
            &[("dm", Part::Name)],
            "dm",
            "Mild nonproliferative retinopathy without macular edema, bilateral: E11.329 with the 7th character 3 for both eyes.",
            vec![dm_rule.clone(), tabular("E11.329 7th character 3 bilateral")],
        ));
    }
    if dm.angiopathy {
        complications.push("diabetic peripheral angiopathy");
        short.push("PAD");
        coded_list.push(coded(
            "E11.51",
            &[("dm", Part::Name)],
            "dm",
            "Diabetes with peripheral angiopathy without gangrene: the combination code E11.51 covers the peripheral arterial disease, so I73.9 is not added.",
            vec![guideline("OCG I.A.15"), dm_rule.clone()],
        ));
    }
    if dm.hyperglycemia {
        complications.push("with hyperglycemia");
        short.push("poorly controlled");
        coded_list.push(coded(
            "E11.65",
            &[("dm", Part::Name)],
            "dm",
            "Diabetes documented as poorly controlled, with hyperglycemia: the Index sends \"poorly controlled\" and \"out of control\" to diabetes, by type, with hyperglycemia (a lab value alone would not: the provider's words decide).",
            vec![guideline("OCG I.C.4.a"), convention("Index: Diabetes, poorly controlled – code to Diabetes, by type, with hyperglycemia")],
        ));
    }
    if coded_list.is_empty() {
        coded_list.push(coded("E11.9", &[("dm", Part::Name)], "dm", "Type 2 diabetes with no complication documented or linked.", vec![dm_rule.clone()]));
    }
    let (meds, plan_tx, z): (Vec<String>, String, Vec<(&'static str, usize, &'static str)>) = match dm.treatment {
        DmTreatment::Metformin => {
            let dose = *rng.pick(&["500 mg PO BID", "1000 mg PO BID", "850 mg PO BID"]);
            (vec![format!("metformin {dose}")], rng.vary("{continue|cont} metformin"), vec![("Z79.84", 0, "oral hypoglycemic (metformin)")])
        }
        DmTreatment::MetforminGlipizide => (
            vec!["metformin 1000 mg PO BID".into(), format!("glipizide {} mg PO daily", rng.pick(&["5", "10"]))],
            rng.vary("continue metformin and glipizide{|, hypoglycemia precautions reviewed}"),
            vec![("Z79.84", 0, "oral hypoglycemics (metformin, glipizide)")],
        ),
        DmTreatment::Insulin => {
            let u = rng.range(14, 40);
            (vec![format!("insulin glargine {u} units subcut at bedtime")], rng.vary(&format!("{{continue|titrate}} glargine{{| {u} units qHS}}")), vec![("Z79.4", 0, "insulin (glargine)")])
        }
        DmTreatment::InsulinMetformin => {
            let u = rng.range(10, 30);
            (
                vec![format!("insulin glargine {u} units subcut nightly"), "metformin 1000 mg PO BID".into()],
                "continue basal insulin and metformin".into(),
                vec![("Z79.4", 0, "insulin (glargine)"), ("Z79.84", 1, "an oral hypoglycemic (metformin) as well: OCG I.C.4.a.3 assigns both Z79.4 and Z79.84")],
            )
        }
        DmTreatment::MetforminSemaglutide => (
            vec!["metformin 1000 mg PO BID".into(), format!("semaglutide {} mg subcut weekly", rng.pick(&["0.5", "1", "2"]))],
            "continue metformin and weekly semaglutide".into(),
            vec![("Z79.84", 0, "an oral hypoglycemic (metformin)"), ("Z79.85", 1, "an injectable non-insulin antidiabetic (semaglutide): OCG I.C.4.a.3 assigns both")],
        ),
        DmTreatment::DietOnly => (Vec::new(), rng.vary("diet controlled, {no meds|no medication at this time}; reinforced carbohydrate-consistent diet"), Vec::new()),
    };
    for (code, i, what) in &z {
        coded_list.push(coded(
            code,
            &[("dm", Part::Med(*i))],
            "dm",
            format!("Long-term (current) use of {what} for the diabetes."),
            vec![guideline("OCG I.C.4.a.3"), tabular("E11 Use additional code to identify control using insulin, oral hypoglycemic or injectable non-insulin drugs")],
        ));
    }
    let base = rng.say(&["Type 2 diabetes mellitus", "Diabetes mellitus type 2", "Type II diabetes mellitus"]);
    let label = if complications.is_empty() {
        // "Without complications" would contradict the CKD that "with" links to the diabetes (E11.22).
        if ckd.is_none() && rng.chance(0.5) {
            format!("{base} without complications")
        } else {
            base
        }
    } else if dm.hyperglycemia && complications.len() == 1 {
        format!("{base}, poorly controlled, with hyperglycemia")
    } else {
        let list: Vec<&str> = complications.iter().copied().filter(|c| *c != "with hyperglycemia").collect();
        let tail = if dm.hyperglycemia { ", poorly controlled with hyperglycemia" } else { "" };
        if list.is_empty() {
            format!("{base}{tail}")
        } else {
            format!("{base} with {}{tail}", join_and(&list))
        }
    };
    let short = if short.is_empty() { rng.say(&["DM2", "T2DM", "type 2 DM"]) } else { format!("{} ({})", rng.say(&["DM2", "T2DM"]), short.join(", ")) };
    let plan = format!(
        "{} {a1c}%{}; {plan_tx}{}.",
        rng.say(&["A1c", "Hgb A1c", "HbA1c"]),
        if dm.hyperglycemia { rng.vary("{, above goal|, not at goal| (goal < 7)}") } else { rng.vary("{|, at goal|, stable}") },
        rng.vary("{|; annual eye exam reminder given|; recheck A1c in 3 months}")
    );
    let meat = if dm.treatment == DmTreatment::DietOnly { MEAT_MAT } else { MEAT_ALL };
    (Problem { key: "dm", label, short, plan, meds, meat, history_only: false }, coded_list)
}

/// The serum creatinine (mg/dL) at which the CKD-EPI 2021 equation gives `egfr` for this age and sex: the equation's
/// upper branch (creatinine above kappa) solved for creatinine, which holds for every eGFR below about 90.
pub fn creatinine_for(egfr: f64, age: u8, sex: Sex) -> f64 {
    let (kappa, female) = if sex == Sex::Female { (0.7, 1.012) } else { (0.9, 1.0) };
    let scale = 142.0 * 0.9938f64.powi(age as i32) * female;
    let cr = kappa * (egfr / scale).powf(-1.0 / 1.200);
    (cr * 10.0).round() / 10.0
}

fn join_and(xs: &[&str]) -> String {
    match xs.len() {
        0 => String::new(),
        1 => xs[0].to_string(),
        _ => format!("{} and {}", xs[..xs.len() - 1].join(", "), xs[xs.len() - 1]),
    }
}

fn hypertension(rng: &mut Rng, hf: Option<HfType>, ckd: Option<CkdStage>) -> (Problem, Vec<Coded>) {
    let label = rng.say(&["Essential hypertension", "Hypertension", "HTN, {controlled|at goal}", "Hypertension, {well controlled|stable}"]);
    let short = rng.say(&["HTN", "hypertension", "essential HTN"]);
    // Systolic failure brings sacubitril-valsartan, which is never given with an ACE inhibitor or another ARB.
    let drug = if matches!(hf, Some(HfType::Systolic | HfType::Combined)) {
        *rng.pick(&["amlodipine 10 mg PO daily", "amlodipine 5 mg PO daily"])
    } else {
        *rng.pick(&["lisinopril 20 mg PO daily", "amlodipine 10 mg PO daily", "losartan 50 mg PO daily", "hydrochlorothiazide 25 mg PO daily", "lisinopril 10 mg PO daily"])
    };
    let name = drug.split(' ').next().unwrap_or("").to_string();
    // No numbers here: the family's vitals give the pressure, and a second figure in the plan would contradict them.
    let plan = rng.vary(&format!("{{BP at goal on|Controlled on|Stable on|Well controlled on}} {name}; {{continue|cont}} {name}{{|, BMP in 3 months|, low-sodium diet reinforced}}."));
    let rules9 = guideline("OCG I.C.9.a");
    let code = match (hf.is_some(), ckd) {
        (false, None) => coded("I10", &[("htn", Part::Name)], "htn", "Essential hypertension with no heart or kidney involvement documented.", vec![rules9]),
        (false, Some(s)) => {
            let code = if s.end_stage() { "I12.0" } else { "I12.9" };
            coded(
                code,
                &[("htn", Part::Name), ("ckd", Part::Name)],
                "htn",
                format!(
                    "Hypertension with chronic kidney disease: the classification presumes the causal link, so {code} is assigned even though the note does not say \"hypertensive\" ({}), with the CKD stage coded in addition.",
                    if s.end_stage() { "stage 5 or end-stage" } else { "stage 1 through 4" }
                ),
                vec![guideline("OCG I.C.9.a.2"), tabular(&format!("{} Use additional code to identify the stage of chronic kidney disease", &code[..3]))],
            )
        }
        (true, None) => coded(
            "I11.0",
            &[("htn", Part::Name), ("hf", Part::Name)],
            "htn",
            "Hypertension with heart failure: the link is presumed, so the combination code I11.0 comes first and the type of heart failure is coded in addition.",
            vec![guideline("OCG I.C.9.a.1"), tabular("I11.0 Use additional code to identify type of heart failure")],
        ),
        (true, Some(s)) => {
            let code = if s.end_stage() { "I13.2" } else { "I13.0" };
            coded(
                code,
                &[("htn", Part::Name), ("hf", Part::Name), ("ckd", Part::Name)],
                "htn",
                format!(
                    "Hypertension with both heart failure and chronic kidney disease: the links are presumed, so the hypertensive heart and chronic kidney disease code {code} ({}) is assigned, with the heart failure type and the CKD stage in addition.",
                    if s.end_stage() { "with heart failure and stage 5 or end-stage CKD" } else { "with heart failure and stage 1–4 CKD" }
                ),
                vec![guideline("OCG I.C.9.a.3"), tabular(&format!("{code} Use additional code to identify type of heart failure and stage of CKD"))],
            )
        }
    };
    (Problem { key: "htn", label, short, plan, meds: vec![drug.to_string()], meat: MEAT_MAT, history_only: false }, vec![code])
}

/// `severe_ckd` (stage 4 or worse): no spironolactone, for the potassium.
fn heart_failure(rng: &mut Rng, t: HfType, htn: bool, severe_ckd: bool) -> (Problem, Vec<Coded>) {
    let ef = match t {
        HfType::Systolic => rng.range(20, 38),
        HfType::Diastolic => rng.range(55, 65),
        HfType::Combined => rng.range(30, 40),
    };
    let label = match t {
        HfType::Systolic => rng.say(&["Chronic systolic heart failure", "Chronic HFrEF", "Chronic systolic (congestive) heart failure"]),
        HfType::Diastolic => rng.say(&["Chronic diastolic heart failure", "Chronic HFpEF", "Chronic diastolic CHF"]),
        HfType::Combined => rng.say(&["Chronic combined systolic and diastolic heart failure", "Chronic combined systolic and diastolic CHF"]),
    };
    let short = match t {
        HfType::Systolic => format!("chronic HFrEF (EF {ef}%)"),
        HfType::Diastolic => format!("chronic diastolic CHF (EF {ef}%)"),
        HfType::Combined => format!("chronic combined CHF (EF {ef}%)"),
    };
    let meds: Vec<String> = match t {
        HfType::Systolic | HfType::Combined => vec!["carvedilol 12.5 mg PO BID".into(), "sacubitril-valsartan 49-51 mg PO BID".into(), format!("furosemide {} mg PO daily", rng.pick(&["20", "40"]))],
        HfType::Diastolic if severe_ckd => vec![format!("furosemide {} mg PO daily", rng.pick(&["40", "80"]))],
        HfType::Diastolic => vec![format!("furosemide {} mg PO daily", rng.pick(&["20", "40"])), "spironolactone 25 mg PO daily".into()],
    };
    let plan = rng.vary(&format!(
        "{{Euvolemic|No edema, lungs clear|Weight stable}} today, NYHA class {{I|II}}; last echo EF {ef}%; {{continue|cont}} {}{{|, daily weights, 2 g sodium diet}}.",
        if t == HfType::Diastolic && severe_ckd { "furosemide" } else if t == HfType::Diastolic { "furosemide and spironolactone" } else { "carvedilol, sacubitril-valsartan and furosemide" }
    ));
    let code = t.code();
    let words = match t {
        HfType::Systolic => "chronic systolic (HFrEF is systolic heart failure)",
        HfType::Diastolic => "chronic diastolic (HFpEF is diastolic heart failure)",
        HfType::Combined => "chronic combined systolic and diastolic",
    };
    let mut rules = vec![guideline("OCG I.C.9.a.1")];
    if htn {
        rules.push(tabular("I11.0/I13.0 Use additional code to identify type of heart failure"));
    }
    let c = coded(
        code,
        &[("hf", Part::Name)],
        "hf",
        format!("Heart failure documented as {words}: the type and acuity decide the code{}.", if htn { "; it follows the hypertensive combination code" } else { "" }),
        rules,
    );
    (Problem { key: "hf", label, short, plan, meds, meat: MEAT_ALL, history_only: false }, vec![c])
}

fn kidney(rng: &mut Rng, s: CkdStage, htn: bool, dm: bool, anemia: bool) -> (Problem, Vec<Coded>, i64) {
    let (long, short) = stage_words(s);
    // The anemia travels with the stage wherever the short form is written (a PMH line), so D63.1 always has words.
    let short = if anemia { format!("{short} with anemia of CKD") } else { short.to_string() };
    let egfr = match s {
        CkdStage::S3a => rng.range(45, 59),
        CkdStage::S3b => rng.range(30, 44),
        CkdStage::S4 => rng.range(15, 29),
        CkdStage::S5 => rng.range(9, 14),
        CkdStage::Esrd => rng.range(5, 9),
    };
    let mut label = {
        let mut c = long.chars();
        let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('C');
        format!("{first}{}", c.as_str())
    };
    if anemia {
        label.push_str(" with anemia in CKD");
    }
    let plan = if s == CkdStage::Esrd {
        rng.vary("Hemodialysis {Mon/Wed/Fri|Tue/Thu/Sat} via left arm AV fistula{|, tolerating well}; renal diet; nephrology following.")
    } else if s == CkdStage::S5 {
        rng.vary(&format!("eGFR {egfr}{{| mL/min/1.73 m2}}, no uremic symptoms; nephrology following closely, {{AV fistula planned|vascular access referral placed|dialysis options and transplant referral discussed}}; avoid NSAIDs, renally dose medications."))
    } else {
        rng.vary(&format!("eGFR {egfr}{{| mL/min/1.73 m2}}, {{stable|unchanged from prior}}; avoid NSAIDs{{|, renally dose medications}}; {{nephrology following|continue to monitor BMP}}."))
    };
    let plan = if anemia {
        let hgb = rng.decimal(8.6, 10.4);
        format!("{plan} Anemia of CKD: Hgb {hgb}, {}.", rng.say(&["ESA per nephrology", "on darbepoetin per nephrology", "epoetin per nephrology, iron studies adequate"]))
    } else {
        plan
    };
    let mut meds = Vec::new();
    if anemia {
        meds.push(rng.say(&["epoetin alfa per nephrology", "darbepoetin every 2 weeks per nephrology"]));
    }
    let mut codes = Vec::new();
    let mut rules = vec![guideline("OCG I.C.14.a")];
    if htn {
        rules.push(tabular("I12/I13 Use additional code to identify the stage of chronic kidney disease"));
    }
    if dm {
        rules.push(tabular("E11.22 Use additional code to identify stage of chronic kidney disease"));
    }
    codes.push(coded(
        s.code(),
        &[("ckd", Part::Name)],
        "ckd",
        format!("The stage of chronic kidney disease as documented ({long}){}.", if htn || dm { ", reported in addition to the combination code as instructed" } else { "" }),
        rules,
    ));
    if s == CkdStage::Esrd {
        codes.push(coded(
            "Z99.2",
            &[("ckd", Part::Name), ("ckd", Part::Plan)],
            "ckd",
            "Dependence on renal dialysis, as N18.6 instructs (use additional code to identify dialysis status).",
            vec![tabular("N18.6 Use additional code to identify dialysis status (Z99.2)")],
        ));
    }
    if anemia {
        codes.push(coded(
            "D63.1",
            &[("ckd", Part::Name)],
            "ckd",
            "Anemia in chronic kidney disease: D63.1 is a manifestation code, sequenced after the CKD stage as its Code first note instructs.",
            vec![tabular("D63.1 Code first underlying chronic kidney disease (CKD) (N18.-)")],
        ));
    }
    (Problem { key: "ckd", label, short: short.to_string(), plan, meds, meat: if s == CkdStage::Esrd { MEAT_MAT } else { MEAT_ALL }, history_only: false }, codes, egfr)
}

/// The words and code of a standalone condition.
/// `hf` is the profile's heart failure: a patient on carvedilol for systolic failure takes no second beta blocker for
/// the atrial fibrillation.
/// `with` is the profile's other conditions: depression and anxiety share one SSRI.
fn other(rng: &mut Rng, o: Other, hf: Option<HfType>, with: &[Other], age: u8, ckd: Option<CkdStage>) -> (Problem, Vec<Coded>) {
    // Doses and drug choices that change below an eGFR of 30.
    let severe_ckd = matches!(ckd, Some(CkdStage::S4 | CkdStage::S5 | CkdStage::Esrd));
    let p = |key: &'static str, label: String, short: String, plan: String, meds: Vec<String>, meat: Meat| Problem { key, label, short, plan, meds, meat, history_only: false };
    let one = |code: &'static str, key: &'static str, why_: &str, rules: Vec<Rule>| vec![coded(code, &[(key, Part::Name)], key, why_, rules)];
    match o {
        Other::Hyperlipidemia => (
            p("hld", rng.say(&["Hyperlipidemia", "Hyperlipidemia, unspecified"]), rng.say(&["HLD", "hyperlipidemia"]), { let v = rng.range(62, 128); rng.vary(&format!("LDL {} on last panel; {{continue|cont}} atorvastatin{{| 40 mg}}.", v)) }, vec!["atorvastatin 40 mg PO nightly".into()], MEAT_ET),
            one("E78.5", "hld", "Hyperlipidemia without a documented type: E78.5.", vec![guideline("OCG I.B.1")]),
        ),
        Other::Hypothyroidism => (
            p("hypothyroid", rng.say(&["Hypothyroidism", "Acquired hypothyroidism"]), "hypothyroidism".into(), { let v = rng.decimal(0.8, 3.9); rng.vary(&format!("TSH {} {{last month|on recent labs}}, {{continue|cont}} levothyroxine.", v)) }, vec![format!("levothyroxine {} mcg PO daily", rng.pick(&["50", "75", "88", "100", "112"]))], MEAT_ET),
            one("E03.9", "hypothyroid", "Hypothyroidism, unspecified cause: E03.9.", vec![guideline("OCG I.B.1")]),
        ),
        Other::Gerd => (
            p("gerd", rng.say(&["GERD", "Gastroesophageal reflux disease", "Gastroesophageal reflux disease without esophagitis"]), "GERD".into(), rng.say(&["Symptoms controlled on omeprazole; continue.", "{Controlled|Well controlled} on PPI, continue omeprazole 20 mg daily."]), vec!["omeprazole 20 mg PO daily".into()], MEAT_MAT),
            one("K21.9", "gerd", "Gastro-esophageal reflux disease with no esophagitis documented: K21.9.", vec![guideline("OCG I.B.1")]),
        ),
        Other::Copd => (
            p("copd", rng.say(&["COPD", "Chronic obstructive pulmonary disease", "COPD, stable"]), "COPD".into(), rng.vary("{No exacerbation since last visit|Stable, no recent exacerbations}{|, SpO2 95% RA}; {continue|cont} tiotropium daily and albuterol PRN."), vec!["tiotropium 18 mcg inhaled daily".into(), "albuterol HFA 2 puffs q4-6h PRN".into()], MEAT_ALL),
            one("J44.9", "copd", "Chronic obstructive pulmonary disease without an exacerbation or a lower respiratory infection documented: J44.9.", vec![guideline("OCG I.C.10.a")]),
        ),
        Other::AsthmaModerate => (
            p("asthma", rng.say(&["Moderate persistent asthma", "Asthma, moderate persistent, uncomplicated"]), "moderate persistent asthma".into(), rng.vary("{Well controlled|No exacerbations}, rescue inhaler {twice a month|rarely}; continue fluticasone-salmeterol."), vec!["fluticasone-salmeterol 250-50 mcg 1 inhalation BID".into(), "albuterol HFA PRN".into()], MEAT_MAT),
            vec![
                coded("J45.40", &[("asthma", Part::Name)], "asthma", "Moderate persistent asthma without exacerbation or status asthmaticus: J45.40.", vec![guideline("OCG I.C.10")]),
                coded("Z79.51", &[("asthma", Part::Med(0))], "asthma", "Long-term (current) use of an inhaled steroid (fluticasone in the fluticasone-salmeterol inhaler).", vec![guideline("OCG I.C.21.c.3")]),
            ],
        ),
        Other::AfibParoxysmal | Other::AfibPermanent => {
            let perm = o == Other::AfibPermanent;
            // Apixaban is halved at 80 or older with kidney disease (two of age, weight and creatinine).
            let drug = if severe_ckd || (age >= 80 && ckd.is_some()) { rng.say(&["apixaban 2.5 mg PO BID", "warfarin per INR protocol"]) } else { rng.say(&["apixaban 5 mg PO BID", "warfarin per INR protocol", "rivaroxaban 20 mg PO daily"]) };
            let name = drug.split(' ').next().unwrap_or("").to_string();
            let label = if perm { rng.say(&["Permanent atrial fibrillation", "Permanent AF, rate controlled"]) } else { rng.say(&["Paroxysmal atrial fibrillation", "Paroxysmal AFib"]) };
            let on_carvedilol = matches!(hf, Some(HfType::Systolic | HfType::Combined));
            let rate_drug = if on_carvedilol { "carvedilol (rate control)" } else { "metoprolol" };
            let rhythm = if perm { "{Rate controlled|Rate controlled, irregularly irregular|HR {} today}" } else { "{Rate controlled|In sinus rhythm today|HR {} today}" };
            let plan = { let v = rng.range(64, 88); rng.vary(&format!("{}; {{continue|cont}} {rate_drug} and {name} for stroke prevention.", rhythm.replace("{}", &v.to_string()))) };
            let code = if perm { "I48.21" } else { "I48.0" };
            let meds = if on_carvedilol { vec![drug] } else { vec!["metoprolol succinate 50 mg PO daily".to_string(), drug] };
            let anticoagulant = meds.len() - 1;
            (
                p("afib", label, if perm { "permanent AF".into() } else { "PAF".into() }, plan, meds, MEAT_MAT),
                vec![
                    coded(code, &[("afib", Part::Name)], "afib", format!("Atrial fibrillation documented as {}: {code}.", if perm { "permanent" } else { "paroxysmal" }), vec![guideline("OCG I.C.9")]),
                    coded("Z79.01", &[("afib", Part::Med(anticoagulant))], "afib", "Long-term (current) use of an anticoagulant for stroke prevention.", vec![guideline("OCG I.C.21.c.3")]),
                ],
            )
        }
        Other::Cad => (
            p("cad", rng.say(&["Coronary artery disease", "CAD, native vessel, no angina", "Coronary artery disease without angina"]), "CAD".into(), rng.vary("No angina{| or exertional symptoms}; continue aspirin 81 mg{|, cardiology follow-up yearly}."), vec!["aspirin 81 mg PO daily".into()], MEAT_MAT),
            vec![
                coded("I25.10", &[("cad", Part::Name)], "cad", "Coronary artery disease of native vessels with no angina documented: I25.10.", vec![guideline("OCG I.C.9.b")]),
                coded("Z79.82", &[("cad", Part::Med(0))], "cad", "Long-term (current) use of aspirin for the coronary disease.", vec![guideline("OCG I.C.21.c.3")]),
            ],
        ),
        Other::Osa => (
            p("osa", rng.say(&["Obstructive sleep apnea", "OSA on CPAP"]), "OSA".into(), rng.vary("{Uses CPAP nightly|Compliant with CPAP}, {good|improved} daytime alertness."), vec!["CPAP nightly".into()], MEAT_MAT),
            one("G47.33", "osa", "Obstructive sleep apnea (adult): G47.33.", vec![guideline("OCG I.C.6")]),
        ),
        Other::Mdd => (
            p("mdd", rng.say(&["Major depressive disorder, recurrent, moderate", "Recurrent major depression, moderate"]), "MDD, recurrent".into(), { let v = rng.range(9, 14); rng.vary(&format!("PHQ-9 {} at the last screening; mood {{improving|stable}}; {{continue|cont}} sertraline{{|, therapy referral placed}}.", v)) }, vec!["sertraline 100 mg PO daily".into()], MEAT_ALL),
            one("F33.1", "mdd", "Major depressive disorder, recurrent, moderate severity: F33.1. The episode and severity decide the code.", vec![guideline("OCG I.C.5")]),
        ),
        Other::Gad => (
            if with.contains(&Other::Mdd) {
                p("gad", rng.say(&["Generalized anxiety disorder", "GAD"]), "GAD".into(), rng.say(&["Anxiety also improved on the sertraline; no second agent.", "Worry better on sertraline; continue, no separate anxiolytic."]), Vec::new(), MEAT_ALL)
            } else {
                p("gad", rng.say(&["Generalized anxiety disorder", "GAD"]), "GAD".into(), rng.say(&["Stable on escitalopram; continue.", "Worry and sleep better; continue escitalopram 10 mg."]), vec!["escitalopram 10 mg PO daily".into()], MEAT_ALL)
            },
            one("F41.1", "gad", "Generalized anxiety disorder: F41.1.", vec![guideline("OCG I.C.5")]),
        ),
        Other::OaKnees => (
            p("oa", rng.say(&["Primary osteoarthritis of both knees", "Bilateral primary osteoarthritis of knees"]), "OA knees".into(), rng.vary("Knee pain {manageable|stable} with acetaminophen{| and activity modification}; continue."), vec!["acetaminophen 650 mg PO q8h PRN".into()], MEAT_MAT),
            one("M17.0", "oa", "Bilateral primary osteoarthritis of the knee: M17.0 (laterality is part of the code).", vec![guideline("OCG I.B.13")]),
        ),
        Other::Bph => (
            p("bph", rng.say(&["Benign prostatic hyperplasia without lower urinary tract symptoms", "BPH without LUTS"]), "BPH".into(), "No urinary symptoms; continue finasteride.".into(), vec!["finasteride 5 mg PO daily".into()], MEAT_MAT),
            one("N40.0", "bph", "Benign prostatic hyperplasia documented without lower urinary tract symptoms: N40.0.", vec![guideline("OCG I.B.1")]),
        ),
        Other::Smoker => (
            p("tobacco", rng.say(&["Nicotine dependence, cigarettes", "Tobacco use disorder, cigarettes", "Cigarette smoker, nicotine dependent"]), format!("current smoker, {} ppd", rng.pick(&["1/2", "1", "1.5"])), rng.say(&["Advised to quit; offered nicotine patch.", "Cessation counseling given; patient not ready to quit."]), Vec::new(), MEAT_A),
            one("F17.210", "tobacco", "Nicotine dependence, cigarettes, uncomplicated: F17.210 (a current smoker's dependence is coded from F17).", vec![guideline("OCG I.C.5.b")]),
        ),
        Other::FormerSmoker => {
            // Quit at least five years ago, and not before the age of 18.
            let yrs = rng.range(5, 30.min(age as i64 - 18).max(5));
            let mut pr = p("exsmoker", "Former smoker".into(), format!("former smoker, quit {yrs} years ago"), String::new(), Vec::new(), MEAT_A);
            pr.history_only = true;
            (pr, one("Z87.891", "exsmoker", "Personal history of nicotine dependence (a former smoker).", vec![guideline("OCG I.C.21.c.4")]))
        }
        Other::MorbidObesity => {
            let bmi = rng.decimal(40.2, 44.8);
            (
                p("obesity", format!("Morbid obesity, BMI {bmi}"), format!("morbid obesity (BMI {bmi})"), if age < 70 { rng.say(&["Dietary counseling given; discussed bariatric referral.", "Weight-loss plan discussed; dietitian referral."]) } else { rng.say(&["Dietary counseling given; dietitian referral.", "Weight-loss plan discussed; portion control and chair exercises."]) }, Vec::new(), MEAT_ALL),
                vec![
                    coded("E66.01", &[("obesity", Part::Name)], "obesity", "Morbid (severe) obesity due to excess calories: E66.01, the Index default for morbid obesity.", vec![convention("Index: Obesity, morbid → E66.01")]),
                    coded("Z68.41", &[("obesity", Part::Name)], "obesity", "BMI 40.0–44.9, adult: reported because the provider documents the associated weight diagnosis (morbid obesity).", vec![guideline("OCG I.B.14"), guideline("OCG I.C.21.c.3")]),
                ],
            )
        }
        Other::Obesity => {
            let bmi = rng.decimal(30.3, 34.8);
            let z = match bmi as u32 {
                30 => "Z68.30",
                31 => "Z68.31",
                32 => "Z68.32",
                33 => "Z68.33",
                _ => "Z68.34",
            };
            (
                p("obesity", format!("Obesity, BMI {bmi}"), format!("obesity (BMI {bmi})"), rng.say(&["Diet and exercise counseling provided.", "Discussed calorie reduction and walking 30 minutes daily."]), Vec::new(), MEAT_ALL),
                vec![
                    coded("E66.9", &[("obesity", Part::Name)], "obesity", "Obesity without a documented type or class: E66.9.", vec![convention("Index: Obesity → E66.9")]),
                    coded(z, &[("obesity", Part::Name)], "obesity", format!("BMI {bmi}, adult: reported with the provider's obesity diagnosis."), vec![guideline("OCG I.B.14")]),
                ],
            )
        }
        Other::HxStroke => {
            let mut pr = p("hxcva", "History of stroke without residual deficits".into(), rng.say(&["remote CVA, no residual deficits", "h/o stroke, no residuals"]), String::new(), Vec::new(), MEAT_A);
            pr.history_only = true;
            (pr, one("Z86.73", "hxcva", "A past stroke with no residual deficit is a personal history (Z86.73), not an acute I63 code.", vec![guideline("OCG I.C.9.d")]))
        }
        Other::Hemiplegia => (
            p("hemi", rng.say(&["Right hemiplegia following cerebral infarction, right dominant side", "Right-sided hemiparesis as a late effect of prior ischemic stroke (right-handed)"]), "R hemiparesis after old stroke".into(), rng.vary("{Ambulates with quad cane|Stable deficits}; continue home PT exercises{|, fall precautions}."), Vec::new(), MEAT_MAT),
            one("I69.351", "hemi", "Hemiplegia or hemiparesis as a sequela of cerebral infarction, right side: I69.351. Where the note does not say which side is dominant, a right-sided deficit is coded as the dominant side (the classification's default for hemiplegia; a left-sided one would be non-dominant).", vec![guideline("OCG I.C.9.d"), guideline("OCG I.C.6.a")]),
        ),
        Other::Parkinsons => (
            p("pd", rng.say(&["Parkinson's disease", "Parkinson disease without dyskinesia"]), "Parkinson's".into(), rng.say(&["Tremor stable; continue carbidopa-levodopa; neurology follows.", "Gait slower, no falls; continue carbidopa-levodopa."]), vec!["carbidopa-levodopa 25-100 mg PO TID".into()], MEAT_MAT),
            one("G20.A1", "pd", "Parkinson's disease with no dyskinesia or fluctuations documented: G20.A1.", vec![guideline("OCG I.C.6")]),
        ),
        Other::Alzheimers => (
            p("alz", rng.say(&["Alzheimer's disease with dementia", "Alzheimer dementia"]), "Alzheimer's dementia".into(), rng.say(&["Oriented to self only, no behavioral disturbance; continue donepezil.", "No agitation or wandering reported; continue donepezil 10 mg."]), vec!["donepezil 10 mg PO nightly".into()], MEAT_MAT),
            vec![
                coded("G30.9", &[("alz", Part::Name)], "alz", "Alzheimer's disease, unspecified onset, is the etiology and is sequenced first.", vec![tabular("G30 Use additional code to identify dementia (F02.8-)")]),
                coded("F02.80", &[("alz", Part::Name)], "alz", "Dementia in Alzheimer's disease, severity unspecified, without behavioral or psychotic disturbance: the manifestation code F02.80 follows G30.9.", vec![tabular("F02 Code first the underlying physiological condition"), guideline("OCG I.A.13")]),
            ],
        ),
        Other::Ra => (
            p("ra", rng.say(&["Rheumatoid arthritis", "Rheumatoid arthritis, on DMARD"]), "RA".into(), rng.say(&["Joint symptoms controlled; continue hydroxychloroquine; rheumatology follows.", "Mild morning stiffness; continue hydroxychloroquine, annual eye exam."]), vec!["hydroxychloroquine 200 mg PO BID".into()], MEAT_MAT),
            one("M06.9", "ra", "Rheumatoid arthritis without site or rheumatoid factor documented: M06.9.", vec![guideline("OCG I.C.13")]),
        ),
        Other::Osteoporosis => (
            p("osteo", "Age-related osteoporosis without current pathological fracture".into(), "osteoporosis".into(), rng.say(&["Continue weekly alendronate, calcium and vitamin D; DEXA due next year.", "On alendronate, no fractures; continue."]), vec!["alendronate 70 mg PO weekly".into()], MEAT_MAT),
            vec![
                coded("M81.0", &[("osteo", Part::Name)], "osteo", "Age-related osteoporosis without a current pathological fracture: M81.0.", vec![guideline("OCG I.C.13.d")]),
                coded("Z79.83", &[("osteo", Part::Med(0))], "osteo", "Long-term (current) use of a bisphosphonate (alendronate).", vec![guideline("OCG I.C.21.c.3")]),
            ],
        ),
        Other::Gout => (
            p("gout", rng.say(&["Gout", "Gout, no recent flares"]), "gout".into(), if severe_ckd { rng.say(&["No flares this year; continue renally dosed allopurinol, uric acid at goal.", "Continue allopurinol 100 mg; last flare over a year ago."]) } else { rng.say(&["No flares this year; continue allopurinol, uric acid at goal.", "Continue allopurinol 300 mg; last flare over a year ago."]) }, vec![if severe_ckd { "allopurinol 100 mg PO daily".into() } else { "allopurinol 300 mg PO daily".into() }], MEAT_MAT),
            one("M10.9", "gout", "Gout without site or cause documented: M10.9.", vec![guideline("OCG I.C.13")]),
        ),
        Other::IronDeficiency => (
            p("ida", rng.say(&["Iron deficiency anemia", "Iron-deficiency anemia"]), "IDA".into(), { let v = rng.decimal(10.1, 11.8); rng.vary(&format!("Hgb {} {{recently|on last CBC}}; continue ferrous sulfate.", v)) }, vec!["ferrous sulfate 325 mg PO daily".into()], MEAT_ALL),
            one("D50.9", "ida", "Iron deficiency anemia without a documented cause: D50.9.", vec![guideline("OCG I.C.3")]),
        ),
        Other::HxProstateCancer => {
            let mut pr = p("hxca", "History of prostate cancer".into(), format!("prostate cancer treated {} years ago, no evidence of recurrence", rng.range(5, 12)), String::new(), Vec::new(), MEAT_A);
            pr.history_only = true;
            (pr, one("Z85.46", "hxca", "Cancer treated in the past, with no current treatment and no evidence of disease: personal history (Z85.46), not an active C61.", vec![guideline("OCG I.C.2.d")]))
        }
        Other::HxBreastCancer => {
            let mut pr = p("hxca", "History of breast cancer".into(), format!("breast cancer, treatment completed {} years ago, no evidence of recurrence", rng.range(6, 14)), String::new(), Vec::new(), MEAT_A);
            pr.history_only = true;
            (pr, one("Z85.3", "hxca", "Breast cancer excised and treated in the past, no current treatment and no evidence of disease: personal history (Z85.3).", vec![guideline("OCG I.C.2.d")]))
        }
        Other::Pad => (
            p("pad", rng.say(&["Peripheral arterial disease", "Peripheral vascular disease"]), "PAD".into(), rng.say(&["Claudication stable at two blocks; continue cilostazol and walking program.", "Pedal pulses diminished, unchanged; continue cilostazol."]), vec!["cilostazol 100 mg PO BID".into()], MEAT_ALL),
            vec![
                coded("I73.9", &[("pad", Part::Name)], "pad", "Peripheral vascular disease without a diabetic or atherosclerotic specification: I73.9.", vec![guideline("OCG I.C.9")]),
                coded("Z79.02", &[("pad", Part::Med(0))], "pad", "Long-term (current) use of an antiplatelet drug (cilostazol) for the arterial disease.", vec![guideline("OCG I.C.21.c.3")]),
            ],
        ),
    }
}

/// Writes the profile as a numbered assessment-and-plan list ("1. Label: plan"), recording the evidence. History
/// items are left out (write them in the history with [`write_history`]).
pub fn write_assessment(doc: &mut super::writer::Doc, rng: &mut Rng, profile: &Profile, start: usize, written: &mut Written) -> usize {
    let mut n = start;
    for p in profile.problems().iter().filter(|p| !p.history_only) {
        doc.add(&format!("{n}. "));
        let e = doc.mark(&p.label);
        written.name(p.key, e);
        let sep = *rng.pick(&[": ", " - ", ". "]);
        doc.add(sep);
        let e = doc.mark(&p.plan);
        written.plan(p.key, e);
        doc.add("\n");
        n += 1;
    }
    n
}

/// Writes the short forms as a comma list ("PMH: DM2, HTN, …"), recording them as names.
pub fn write_history(doc: &mut super::writer::Doc, profile: &Profile, written: &mut Written) {
    let ps = profile.problems();
    for (i, p) in ps.iter().enumerate() {
        let e = doc.mark(&p.short);
        written.name(p.key, e);
        doc.add(if i + 1 < ps.len() { ", " } else { "" });
    }
}

/// Writes the profile's medications one per line, recording each.
pub fn write_meds(doc: &mut super::writer::Doc, profile: &Profile, written: &mut Written, prefix: &str) {
    for p in profile.problems() {
        for (i, m) in p.meds.iter().enumerate() {
            doc.add(prefix);
            let e = doc.mark(m);
            written.med(p.key, i, e);
            doc.add("\n");
        }
    }
}

/// Medications of a profile with their problem keys, for writers that interleave them.
pub fn meds(profile: &Profile) -> Vec<(&'static str, usize, &str)> {
    profile.problems().iter().flat_map(|p| p.meds.iter().enumerate().map(move |(i, m)| (p.key, i, m.as_str()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(p: &Profile) -> Vec<&'static str> {
        p.coded().iter().map(|c| c.code).collect()
    }

    fn dm() -> Diabetes {
        Diabetes { polyneuropathy: false, retinopathy: false, hyperglycemia: false, angiopathy: false, treatment: DmTreatment::Metformin, ckd_stated_as_diabetic: false }
    }

    #[test]
    fn hypertension_combines_with_heart_failure_and_ckd() {
        let mut r = Rng::new(1);
        assert_eq!(codes(&Profile::with(&mut r, 70, Sex::Male, None, true, None, None, &[])), vec!["I10"]);
        assert_eq!(codes(&Profile::with(&mut r, 70, Sex::Male, None, true, None, Some(CkdStage::S4), &[])), vec!["I12.9", "N18.4"]);
        assert_eq!(codes(&Profile::with(&mut r, 70, Sex::Male, None, true, Some(HfType::Diastolic), None, &[])), vec!["I11.0", "I50.32"]);
        assert_eq!(codes(&Profile::with(&mut r, 70, Sex::Male, None, true, Some(HfType::Systolic), Some(CkdStage::S3b), &[])), vec!["I13.0", "I50.22", "N18.32"]);
        assert_eq!(codes(&Profile::with(&mut r, 70, Sex::Male, None, true, None, Some(CkdStage::Esrd), &[])), vec!["I12.0", "N18.6", "Z99.2"]);
        assert_eq!(codes(&Profile::with(&mut r, 70, Sex::Male, None, true, Some(HfType::Combined), Some(CkdStage::S5), &[])), vec!["I13.2", "I50.42", "N18.5"]);
    }

    #[test]
    fn diabetes_takes_its_complications_and_drug_codes() {
        let mut r = Rng::new(2);
        assert_eq!(codes(&Profile::with(&mut r, 60, Sex::Female, Some(dm()), false, None, None, &[])), vec!["E11.9", "Z79.84"]);
        let d = Diabetes { polyneuropathy: true, treatment: DmTreatment::InsulinMetformin, ..dm() };
        assert_eq!(codes(&Profile::with(&mut r, 60, Sex::Female, Some(d), true, None, Some(CkdStage::S3a), &[])), vec!["E11.22", "E11.42", "I12.9", "N18.31", "Z79.4", "Z79.84"]);
        let d = Diabetes { treatment: DmTreatment::DietOnly, hyperglycemia: false, ..dm() };
        assert_eq!(codes(&Profile::with(&mut r, 60, Sex::Female, Some(d), false, None, None, &[])), vec!["E11.9"]);
    }

    #[test]
    fn random_profiles_never_hold_conflicting_conditions() {
        let mut r = Rng::new(3);
        for _ in 0..500 {
            let p = Profile::random(&mut r, 72, Sex::Male, ProfileSpec::COMPLEX, &[]);
            let c = codes(&p);
            assert!(!(c.contains(&"I10") && (c.iter().any(|x| x.starts_with("I12") || x.starts_with("I13") || x.starts_with("I11")))), "{c:?}");
            assert!(!(c.contains(&"F17.210") && c.contains(&"Z87.891")), "{c:?}");
            assert!(!(c.contains(&"E11.9") && c.iter().any(|x| x.starts_with("E11.") && *x != "E11.9")), "{c:?}");
            assert!(!(c.contains(&"I73.9") && c.iter().any(|x| x.starts_with("E11"))), "{c:?}");
            let mut d = c.clone();
            d.sort();
            d.dedup();
            assert_eq!(d.len(), c.len(), "no code twice: {c:?}");
        }
    }

    #[test]
    fn creatinine_and_egfr_agree_by_ckd_epi_2021() {
        // Published CKD-EPI 2021 points: a 60-year-old man with creatinine 1.5 has an eGFR of about 53; an
        // 85-year-old woman with creatinine 1.7, about 29.
        assert!((creatinine_for(53.0, 60, Sex::Male) - 1.5).abs() <= 0.1);
        assert!((creatinine_for(29.0, 85, Sex::Female) - 1.7).abs() <= 0.1);
        let mut r = Rng::new(5);
        for _ in 0..300 {
            let p = Profile::random(&mut r, 80, Sex::Female, ProfileSpec::COMPLEX, &[]);
            if let (Some(e), Some(cr)) = (p.egfr(), p.creatinine()) {
                assert!(cr >= 1.0 && cr < 12.0, "eGFR {e} gives creatinine {cr}");
            }
        }
    }

    #[test]
    fn random_profiles_take_no_drug_their_conditions_forbid() {
        let mut r = Rng::new(4);
        for k in 0..2000 {
            let age = 45 + (k % 45) as u8;
            let p = Profile::random(&mut r, age, if k % 2 == 0 { Sex::Male } else { Sex::Female }, ProfileSpec::COMPLEX, &[]);
            let meds: Vec<&str> = meds(&p).into_iter().map(|(_, _, m)| m).collect();
            let has = |drug: &str| meds.iter().any(|m| m.starts_with(drug));
            let severe_ckd = matches!(p.ckd, Some(CkdStage::S4 | CkdStage::S5 | CkdStage::Esrd));
            assert!(!(severe_ckd && (has("metformin") || has("alendronate") || has("spironolactone"))), "CKD {:?} with {meds:?}", p.ckd);
            assert!(!(p.heart_failure.is_some() && has("cilostazol")), "heart failure with {meds:?}");
            if has("sacubitril-valsartan") {
                assert!(!["lisinopril", "losartan"].iter().any(|d| has(d)), "ACE inhibitor or ARB beside sacubitril-valsartan: {meds:?}");
            }
            let beta_blockers = ["carvedilol", "metoprolol"].iter().filter(|d| has(d)).count();
            assert!(beta_blockers <= 1, "two beta blockers: {meds:?}");
            let ssris = ["sertraline", "escitalopram", "citalopram", "fluoxetine"].iter().filter(|d| has(d)).count();
            assert!(ssris <= 1, "two SSRIs: {meds:?}");
            for problem in p.problems() {
                assert!(!(problem.label.contains("without complications") && p.ckd.is_some()), "{}", problem.label);
            }
        }
    }
}
