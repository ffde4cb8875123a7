//! The instructor's cohort dashboard: one row per learner.

use crate::accuracy::mean;
use crate::attempt::{unit, Attempt};
use crate::productivity::charts_per_hour;
use audit::Category;
use serde::Serialize;
use std::collections::BTreeSet;

/// One learner on the cohort dashboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortRow {
    pub learner_id: i64,
    pub name: String,
    /// Records coded (every attempt).
    pub records: usize,
    /// Assigned cases the learner has attempted at least once, of `assigned_total`.
    pub assigned_done: usize,
    /// Distinct cases assigned to the cohort.
    pub assigned_total: usize,
    /// Mean code-level accuracy; `None` before the first record.
    pub code_accuracy: Option<f64>,
    /// Share of records with record-level accuracy.
    pub record_accuracy: Option<f64>,
    /// Mean rationale score of the records that had one.
    pub rationale: Option<f64>,
    /// Timed records ÷ hours on the timer, over all settings (the learner's page splits it by setting).
    pub charts_per_hour: Option<f64>,
    /// The error category in most records (ties: most findings, then the category's order).
    pub top_error: Option<Category>,
    /// Records with the top error.
    pub top_error_records: usize,
    /// The latest submission, unix milliseconds.
    pub last_activity: Option<i64>,
}

/// The dashboard rows of a cohort's learners (id, name, attempts), in the order given, against the cohort's assigned
/// case ids.
pub fn cohort_rows(learners: &[(i64, String, Vec<Attempt>)], assigned: &[String]) -> Vec<CohortRow> {
    let assigned: BTreeSet<&str> = assigned.iter().map(String::as_str).collect();
    learners
        .iter()
        .map(|(id, name, attempts)| {
            let done: BTreeSet<&str> = attempts.iter().map(|a| a.case.as_str()).filter(|c| assigned.contains(c)).collect();
            let timed: Vec<&Attempt> = attempts.iter().filter(|a| a.seconds_spent > 0).collect();
            let top = crate::errors(attempts).into_iter().next();
            CohortRow {
                learner_id: *id,
                name: name.clone(),
                records: attempts.len(),
                assigned_done: done.len(),
                assigned_total: assigned.len(),
                code_accuracy: mean(attempts.iter().map(|a| unit(a.code_accuracy))),
                record_accuracy: mean(attempts.iter().map(|a| if a.record_accurate { 1.0 } else { 0.0 })),
                rationale: mean(attempts.iter().filter_map(|a| a.rationale.map(unit))),
                charts_per_hour: charts_per_hour(timed.len(), timed.iter().map(|a| a.seconds_spent as u64).sum()),
                top_error: top.as_ref().map(|e| e.category),
                top_error_records: top.map_or(0, |e| e.records),
                last_activity: attempts.iter().map(|a| a.submitted_at).max(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::sample;

    #[test]
    fn a_row_sums_up_a_learner_and_counts_assigned_cases_once() {
        let mut v = vec![sample("A", 5), sample("A", 9), sample("X", 7)];
        (v[1].code_accuracy, v[1].record_accurate, v[1].seconds_spent) = (0.5, false, 0);
        v[1].errors_by_category.insert(Category::Sequencing, 1);
        let rows = cohort_rows(&[(7, "Ana <b>".into(), v), (8, "Ben".into(), vec![])], &["A".into(), "B".into(), "A".into()]);
        let r = &rows[0];
        assert_eq!((r.learner_id, r.name.as_str(), r.records, r.assigned_done, r.assigned_total), (7, "Ana <b>", 3, 1, 2));
        assert_eq!((r.record_accuracy, r.charts_per_hour, r.last_activity), (Some(2.0 / 3.0), Some(3.0), Some(9)));
        assert_eq!((r.top_error, r.top_error_records), (Some(Category::Sequencing), 1));
        assert!((r.code_accuracy.unwrap() - 2.5 / 3.0).abs() < 1e-9);
        let b = &rows[1];
        assert_eq!((b.records, b.assigned_done, b.code_accuracy, b.charts_per_hour, b.top_error, b.last_activity), (0, 0, None, None, None, None));
    }
}
