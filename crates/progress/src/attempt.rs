//! One submitted, audited case of a learner: the few figures of the audit report that progress is made of, small
//! enough for the web layer to store one per submission and read back by the hundred.

use audit::{Category, Report};
use cases::model::{Case, Setting, Track};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A learner's audited submission for one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// The case coded ("IP-0001").
    pub case: String,
    /// The case's tracks: the record counts once for each.
    pub tracks: Vec<Track>,
    /// Where care happened: productivity is compared with this setting's benchmark.
    pub setting: Setting,
    /// When it was submitted, in unix milliseconds (the caller's clock: this crate has none).
    pub submitted_at: i64,
    /// Seconds on the workstation timer; 0 when there was no timer (left out of productivity).
    pub seconds_spent: u32,
    /// Code-level accuracy of the audit, 0 to 1 (`audit::Scores::code_accuracy`).
    pub code_accuracy: f64,
    /// Record-level accuracy: no error finding and no compliance edit of the coder's own.
    pub record_accurate: bool,
    /// Weighted partial credit, 0 to 1 (`audit::Scores::weighted`).
    pub weighted: f64,
    /// Mean rationale score, 0 to 1, when the audit scored rationales.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<f64>,
    /// How many findings of each error category the audit made (correct items left out).
    #[serde(default)]
    pub errors_by_category: BTreeMap<Category, usize>,
    /// Inpatient: the payment difference of the submitted DRG, in dollars (positive is an overpayment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drg_dollars: Option<f64>,
    /// Risk adjustment: the yearly payment difference of the submitted HCCs, in dollars (positive is over-coding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raf_dollars_per_year: Option<f64>,
}

impl Attempt {
    /// The attempt an audit report stands for.
    pub fn from_report(case: &Case, report: &Report, submitted_at: i64, seconds_spent: u32) -> Attempt {
        let s = &report.scores;
        Attempt {
            case: case.id.clone(),
            tracks: case.tracks.clone(),
            setting: case.encounter.setting,
            submitted_at,
            seconds_spent,
            code_accuracy: unit(s.code_accuracy),
            record_accurate: s.record_accurate,
            weighted: unit(s.weighted),
            rationale: s.rationale.map(unit),
            errors_by_category: report.errors_by_category.iter().filter(|(c, &n)| c.is_error() && n > 0).map(|(&c, &n)| (c, n)).collect(),
            drg_dollars: report.drg.as_ref().map(|d| d.dollars),
            raf_dollars_per_year: report.raf.as_ref().map(|r| r.dollars_per_year),
        }
    }

    /// Whether the audit found at least one error of this category.
    pub fn has(&self, category: Category) -> bool {
        self.errors_by_category.get(&category).is_some_and(|&n| n > 0)
    }
}

/// A fraction held to 0..=1 (NaN is 0): a stored attempt may have been written by anything.
pub(crate) fn unit(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// The attempts in the order they were submitted (ties by case id, so the order never depends on the input's).
pub(crate) fn chronological(attempts: &[Attempt]) -> Vec<&Attempt> {
    let mut v: Vec<&Attempt> = attempts.iter().collect();
    v.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at).then_with(|| a.case.cmp(&b.case)));
    v
}

/// An inpatient attempt with a perfect audit and a 20-minute timer, for the tests of every module.
#[cfg(test)]
pub(crate) fn sample(case: &str, at: i64) -> Attempt {
    Attempt {
        case: case.into(),
        tracks: vec![Track::Ip],
        setting: Setting::Inpatient,
        submitted_at: at,
        seconds_spent: 1200,
        code_accuracy: 1.0,
        record_accurate: true,
        weighted: 1.0,
        rationale: Some(0.8),
        errors_by_category: BTreeMap::new(),
        drg_dollars: None,
        raf_dollars_per_year: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attempt_reads_back_from_json_as_it_was_written() {
        let mut a = sample("IP-0001", 1_767_225_600_000);
        a.errors_by_category.insert(Category::PoaError, 2);
        a.drg_dollars = Some(-1234.5);
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"poa_error\":2"), "{json}");
        assert_eq!(serde_json::from_str::<Attempt>(&json).unwrap(), a);
    }

    #[test]
    fn fractions_out_of_range_or_nan_are_held_to_zero_and_one() {
        assert_eq!((unit(f64::NAN), unit(-0.5), unit(1.5), unit(0.25)), (0.0, 0.0, 1.0, 0.25));
    }

    #[test]
    fn attempts_are_put_in_submission_order_with_ties_by_case() {
        let v = [sample("B", 2), sample("C", 1), sample("A", 2)];
        let order: Vec<&str> = chronological(&v).iter().map(|a| a.case.as_str()).collect();
        assert_eq!(order, ["C", "A", "B"]);
    }
}
