//! Financial impact: the MS-DRG each coding groups to (inpatient), through the grouper's comparison of the two
//! codings, and the payment difference at a configurable base rate.

use crate::matching::key;
use crate::submission::Submission;
use cases::model::{Case, Poa};
use grouper::{Claim, Diagnosis, Key};
use serde::Serialize;

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
    let mut codes = dx.iter().filter_map(|(c, p)| Key::parse(&key(c)).map(|k| Diagnosis { code: k, poa: poa(*p) }));
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
        procedures: procedures.iter().filter_map(|p| Key::parse(&key(p)).filter(|k| k.len() == 7)).take(25).collect(),
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
#[derive(Debug, Clone, Serialize)]
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
pub fn drg_impact(case: &Case, sub: &Submission, base_rate: f64) -> Option<(DrgImpact, grouper::Comparison)> {
    if !case.encounter.setting.is_inpatient() {
        return None;
    }
    let (from, to) = (claim_of_submission(case, sub)?, claim_of_gold(case)?);
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
    Some((impact, c))
}
