//! Financial impact: the MS-DRG each coding groups to (inpatient), through the grouper's comparison of the two
//! codings, and the payment difference at a configurable base rate.

use crate::matching::key;
use crate::submission::Submission;
use cases::model::{Case, Poa};
use grouper::{Claim, Diagnosis, Key};
use serde::{Deserialize, Serialize};

fn poa(p: Option<Poa>) -> grouper::Poa {
    match p {
        Some(Poa::Yes) => grouper::Poa::Y,
        Some(Poa::No) => grouper::Poa::N,
        Some(Poa::Unknown) => grouper::Poa::U,
        Some(Poa::ClinicallyUndetermined) => grouper::Poa::W,
        Some(Poa::Exempt) | None => grouper::Poa::Exempt,
    }
}

fn claim(case: &Case, dx: &[(String, Option<Poa>)], procedures: &[String]) -> Option<Claim> {
    let mut codes = dx.iter().filter_map(|(c, p)| Key::parse(c).map(|k| Diagnosis { code: k, poa: poa(*p) }));
    let pdx = codes.next()?;
    let e = &case.encounter;
    Some(Claim {
        id: case.id.clone(),
        age: e.age.min(124),
        sex: match e.sex {
            cases::model::Sex::Male => grouper::Sex::M,
            cases::model::Sex::Female => grouper::Sex::F,
            cases::model::Sex::Unknown => grouper::Sex::U,
        },
        discharge_status: e.discharge_status.unwrap_or(1),
        pdx,
        sdx: codes.take(24).collect(),
        procedures: procedures.iter().filter_map(|p| Key::parse(p).filter(|k| k.len() == 7)).take(25).collect(),
        los: e.length_of_stay,
    })
}

/// The submission as a grouper claim (the encounter's age, sex, discharge status and stay), if it has a diagnosis.
pub fn claim_of_submission(case: &Case, sub: &Submission) -> Option<Claim> {
    let dx: Vec<(String, Option<Poa>)> = sub.diagnoses.iter().map(|d| (d.code.clone(), d.poa)).collect();
    let pr: Vec<String> = sub.procedures.iter().map(|p| p.code.clone()).collect();
    claim(case, &dx, &pr)
}

/// The gold coding as a grouper claim.
pub fn claim_of_gold(case: &Case) -> Option<Claim> {
    let dx: Vec<(String, Option<Poa>)> = case.gold.diagnoses.iter().map(|d| (d.code.clone(), d.poa)).collect();
    let pr: Vec<String> = case.gold.procedures.iter().map(|p| p.code.clone()).collect();
    claim(case, &dx, &pr)
}

/// The DRG side of an inpatient audit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DrgImpact {
    /// The DRG of the submission, and of the gold coding.
    pub submitted_drg: String,
    pub submitted_title: String,
    pub submitted_weight: f64,
    pub gold_drg: String,
    pub gold_title: String,
    pub gold_weight: f64,
    pub drg_correct: bool,
    /// Submitted weight minus gold weight: positive is an overpayment, negative an underpayment.
    pub weight_delta: f64,
    /// `weight_delta` × the base rate, in dollars.
    pub dollars: f64,
    pub base_rate: f64,
    /// Each difference between the codings that alone changes the DRG, in words.
    pub drivers: Vec<String>,
}

/// Groups both codings; `None` when the case is not inpatient or a coding has no diagnosis.
pub fn drg_impact(case: &Case, sub: &Submission, base_rate: f64) -> Option<(DrgImpact, Option<grouper::Comparison>)> {
    if !case.encounter.setting.is_inpatient() {
        return None;
    }
    let (from, to) = (claim_of_submission(case, sub)?, claim_of_gold(case)?);
    if crate::brief() {
        // Batch QA needs the two DRGs and the payment, not why: no counterfactual regrouping.
        let g = grouper::Grouper::builtin();
        let (a, b) = (g.group(&from), g.group(&to));
        let weight_delta = ((a.weight - b.weight) * 10_000.0).round() / 10_000.0;
        let impact = DrgImpact {
            submitted_drg: format!("{:03}", a.drg),
            submitted_title: String::new(),
            submitted_weight: a.weight,
            gold_drg: format!("{:03}", b.drg),
            gold_title: String::new(),
            gold_weight: b.weight,
            drg_correct: a.drg == b.drg,
            weight_delta,
            dollars: (weight_delta * base_rate * 100.0).round() / 100.0,
            base_rate,
            drivers: vec![],
        };
        return Some((impact, None));
    }
    let c = grouper::Grouper::builtin().compare(&from, &to);
    let weight_delta = ((c.from.weight - c.to.weight) * 10_000.0).round() / 10_000.0;
    let impact = DrgImpact {
        submitted_drg: format!("{:03}", c.from.drg),
        submitted_title: c.from.title.clone(),
        submitted_weight: c.from.weight,
        gold_drg: format!("{:03}", c.to.drg),
        gold_title: c.to.title.clone(),
        gold_weight: c.to.weight,
        drg_correct: c.from.drg == c.to.drg,
        weight_delta,
        dollars: (weight_delta * base_rate * 100.0).round() / 100.0,
        base_rate,
        drivers: c.drivers().map(|d| d.explanation.clone()).collect(),
    };
    Some((impact, Some(c)))
}

/// The risk-adjustment side of an audit: the CMS-HCC V28 score (payment year 2026) of each coding.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RafImpact {
    pub model: String,
    pub payment_year: u16,
    /// The segment scored: the case carries no enrollment data, so community, non-dual, entitled by age (65 and over)
    /// or by disability (under 65).
    pub segment: String,
    pub submitted_hccs: Vec<u16>,
    pub gold_hccs: Vec<u16>,
    /// Raw and payment (normalised, coding-adjusted) scores.
    pub submitted_raw: f64,
    pub gold_raw: f64,
    pub submitted_payment: f64,
    pub gold_payment: f64,
    /// Submitted payment score minus gold: positive is over-coding, negative under-coding.
    pub delta: f64,
    /// `delta` × the monthly benchmark × 12, in dollars a year.
    pub dollars_per_year: f64,
    pub monthly_benchmark: f64,
    /// Each reason the raw score moved, with its share, in words.
    pub changes: Vec<String>,
}

/// Scores both codings with CMS-HCC V28 (PY2026) when the case is a risk adjustment case (it has gold HCCs).
/// Diagnoses the code book does not accept as reportable are left out (they are reported as findings already).
pub fn raf_impact(case: &Case, sub: &Submission, book: &codeset::CodeBook, monthly_benchmark: f64) -> Option<RafImpact> {
    if case.gold.hccs.is_empty() {
        return None;
    }
    let model = hcc::Model::builtin(hcc::Version::V28, hcc::PaymentYear::Py2026).ok()?;
    let e = &case.encounter;
    let person = |codes: &mut dyn Iterator<Item = &String>| hcc::Beneficiary {
        id: case.id.clone(),
        age: e.age.min(124),
        sex: if e.sex == cases::model::Sex::Male { hcc::Sex::Male } else { hcc::Sex::Female },
        dual: hcc::Dual::parse("00").expect("00 is a dual code"),
        orec: if e.age >= 65 { hcc::Orec::OldAge } else { hcc::Orec::Disability },
        institutional: false,
        new_enrollee: false,
        dx: codes.filter(|c| book.is_valid_in(codeset::CodeSystem::Icd10Cm, &key(c))).filter_map(|c| hcc::Code::parse(c)).collect(),
    };
    let gold = person(&mut case.gold.diagnoses.iter().map(|d| &d.code));
    let mine = person(&mut sub.diagnoses.iter().map(|d| &d.code));
    let c = hcc::compare::compare(model, &gold, &mine).ok()?;
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    let delta = round(c.after.payment_score - c.before.payment_score);
    let changes = c
        .changes
        .iter()
        .map(|ch| match ch {
            hcc::Change::HccAdded { hcc, label, delta, .. } => format!("HCC {hcc} {label} not supported by the gold coding ({delta:+.3})"),
            hcc::Change::HccRemoved { hcc, label, delta, .. } => format!("HCC {hcc} {label} missed ({delta:+.3})"),
            hcc::Change::HierarchyMove { from, to, to_label, delta, .. } => format!("HCC {to} {to_label} instead of HCC {from} ({delta:+.3})"),
            hcc::Change::InteractionGained { name, delta } => format!("interaction {name} not supported ({delta:+.3})"),
            hcc::Change::InteractionLost { name, delta } => format!("interaction {name} missed ({delta:+.3})"),
            hcc::Change::Count { from, to, delta } => format!("HCC count {} instead of {} ({delta:+.3})", to.unwrap_or("none"), from.unwrap_or("none")),
            hcc::Change::Demographic { name, delta } => format!("demographic {name} ({delta:+.3})"),
        })
        .collect();
    Some(RafImpact {
        model: "V28".into(),
        payment_year: 2026,
        segment: format!("{:?}", c.before.segment),
        submitted_hccs: c.after.hcc_numbers(),
        gold_hccs: c.before.hcc_numbers(),
        submitted_raw: round(c.after.raw_score),
        gold_raw: round(c.before.raw_score),
        submitted_payment: round(c.after.payment_score),
        gold_payment: round(c.before.payment_score),
        delta,
        dollars_per_year: (delta * monthly_benchmark * 12.0 * 100.0).round() / 100.0,
        monthly_benchmark,
        changes,
    })
}
