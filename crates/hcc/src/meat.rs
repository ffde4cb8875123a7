//! MEAT: a diagnosis counts for risk adjustment only when the documentation shows it Monitored, Evaluated,
//! Assessed/addressed or Treated in the encounter; a problem-list entry alone is not enough (DOMAIN.md). This module
//! scores only the supported diagnoses and reports, apart, the HCCs that rest on unsupported ones: the over-coding
//! finding of an audit (an HCC the plan would be paid for without support).

use crate::beneficiary::{Beneficiary, BeneficiaryError};
use crate::code::Code;
use crate::model::{Factor, Model, Score};

/// What the documentation shows for one diagnosis.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Meat {
    pub monitored: bool,
    pub evaluated: bool,
    pub assessed: bool,
    pub treated: bool,
}

impl Meat {
    /// Any one of the four elements supports the diagnosis.
    pub fn supports(self) -> bool {
        self.monitored || self.evaluated || self.assessed || self.treated
    }
}

/// One diagnosis with the MEAT the documentation shows for it.
#[derive(Clone, Copy, PartialEq, Debug, serde::Serialize)]
pub struct Supported {
    pub code: Code,
    pub meat: Meat,
}

/// A diagnosis and the HCCs it gives in the supported score (after edits and hierarchies).
#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct CodeHccs {
    pub code: Code,
    pub meat: Meat,
    pub supported: bool,
    /// The HCCs it gives that count (for an unsupported code: those it would give if it were supported).
    pub hccs: Vec<u16>,
}

/// An HCC the full coding has but the supported coding does not.
#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct UnsupportedHcc {
    pub hcc: u16,
    pub label: &'static str,
    /// The unsupported diagnoses that give it.
    pub dx: Vec<Code>,
    pub factor: Option<Factor>,
}

#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct MeatScore {
    /// The score of the supported diagnoses only: what can be defended.
    pub supported: Score,
    /// The score of every diagnosis as coded.
    pub as_coded: Score,
    /// HCCs that only unsupported diagnoses give.
    pub unsupported_hccs: Vec<UnsupportedHcc>,
    pub codes: Vec<CodeHccs>,
    /// as_coded.raw_score − supported.raw_score: the part of the raw score without support.
    pub raw_at_risk: f64,
}

/// Scores `person` (whose own `dx` are ignored) on the diagnoses `dx`, counting only those with MEAT.
pub fn score(model: &Model, person: &Beneficiary, dx: &[Supported]) -> Result<MeatScore, BeneficiaryError> {
    let mut all = person.clone();
    all.dx = dx.iter().map(|d| d.code).collect();
    let as_coded = model.score(&all)?;
    let mut kept = person.clone();
    kept.dx = dx.iter().filter(|d| d.meat.supports()).map(|d| d.code).collect();
    let supported = model.score(&kept)?;
    let unsupported_hccs = as_coded
        .hccs
        .iter()
        .filter(|h| !supported.hccs.iter().any(|s| s.hcc == h.hcc))
        .map(|h| UnsupportedHcc {
            hcc: h.hcc,
            label: h.label,
            dx: h.dx.iter().copied().filter(|c| dx.iter().any(|d| d.code == *c && !d.meat.supports())).collect(),
            factor: h.factor,
        })
        .collect();
    let codes = dx
        .iter()
        .map(|d| {
            let from = if d.meat.supports() { &supported } else { &as_coded };
            CodeHccs { code: d.code, meat: d.meat, supported: d.meat.supports(), hccs: from.hccs.iter().filter(|h| h.dx.contains(&d.code)).map(|h| h.hcc).collect() }
        })
        .collect();
    let raw_at_risk = as_coded.raw_score - supported.raw_score;
    Ok(MeatScore { supported, as_coded, unsupported_hccs, codes, raw_at_risk })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PaymentYear, Version};

    #[test]
    fn a_problem_list_diagnosis_without_meat_is_reported_not_scored() {
        let m = Model::builtin(Version::V28, PaymentYear::Py2026).unwrap();
        let p = Beneficiary::from_json(r#"{"id":"m","age":70,"sex":"M","dual":"00","orec":"0","institutional":false}"#).unwrap();
        let treated = Meat { treated: true, ..Meat::default() };
        let dx = [
            Supported { code: Code::parse("E1169").unwrap(), meat: treated },
            // Heart failure only on the problem list.
            Supported { code: Code::parse("I5030").unwrap(), meat: Meat::default() },
        ];
        let s = score(m, &p, &dx).unwrap();
        assert_eq!(s.supported.hcc_numbers(), [37]);
        assert_eq!(s.as_coded.hcc_numbers(), [37, 226]);
        assert_eq!(s.unsupported_hccs.len(), 1);
        assert_eq!((s.unsupported_hccs[0].hcc, s.unsupported_hccs[0].dx[0].to_string().as_str()), (226, "I5030"));
        assert_eq!(s.codes[0].hccs, [37]);
        assert!(!s.codes[1].supported);
        // HCC 226 (0.360) and the diabetes × heart failure interaction (0.112) rest on the unsupported code.
        assert!((s.raw_at_risk - (0.360 + 0.112)).abs() < 1e-9, "{}", s.raw_at_risk);
    }
}
