//! A learner's progress through the fellowship, read from the audits of the records they coded: records per track,
//! code-level and record-level accuracy over time against the 95% industry bar, the rationale score, charts per hour
//! per setting against the setting's benchmark, the error categories that recur, and the next cases to do for those
//! weaknesses. `cohort` makes the rows of an instructor's cohort dashboard and `svg` draws the charts.
//!
//! A domain crate: no I/O, no clock (times are unix milliseconds the caller passes), no HTTP or SQL. The web layer
//! stores one [`Attempt`] per audited submission and hands them back.
//!
//! ```
//! use progress::{Attempt, Benchmarks, Progress};
//!
//! let library = cases::library::builtin().cases;
//! let code_book = codebook::Library::embedded().unwrap();
//! let case = &library[0];
//! let report = audit::audit(case, &audit::Submission::from_gold(case), code_book.book(), &audit::Config::default());
//! // Submitted on 2 March 2026 after 20 minutes on the workstation timer.
//! let attempt = Attempt::from_report(case, &report, 1_772_443_800_000, 1_200);
//!
//! let p = Progress::of(&[attempt], &library, &Benchmarks::default());
//! assert_eq!((p.records, p.accuracy.periods[0].code_accuracy), (1, 1.0));
//! assert_eq!(p.productivity[0].charts_per_hour, Some(3.0));
//! assert!(p.recommendations.iter().all(|r| r.case != case.id));
//! let chart: String = progress::svg::accuracy_chart(&p.accuracy);
//! assert!(chart.starts_with("<svg") && chart.contains(">Accuracy over time</title>"));
//! ```

/// One audited submission, as progress keeps it.
pub mod attempt;
/// Accuracy per day or per week, and the industry bar.
pub mod accuracy;
/// Charts per hour per setting and the benchmarks.
pub mod productivity;
/// Which cases exercise which error categories, and the next cases for a learner.
pub mod recommendation;
/// The rows of an instructor's cohort dashboard.
pub mod cohort;
/// The charts, as SVG text drawn on the server.
pub mod svg;

pub use accuracy::{AccuracySeries, Granularity, Period, INDUSTRY_BAR};
pub use attempt::Attempt;
pub use cohort::{cohort_rows, CohortRow};
pub use productivity::{Benchmarks, SettingProductivity};
pub use recommendation::{recommend, Recommendation, RECOMMENDATIONS};

use audit::Category;
use cases::model::{Case, Track};
use serde::Serialize;

/// Records coded in one track.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrackCount {
    pub track: Track,
    pub records: usize,
}

/// How often an error category appears in a learner's records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorStat {
    pub category: Category,
    /// Findings of the category over all records.
    pub findings: usize,
    /// Records with at least one finding of the category.
    pub records: usize,
    /// `records` ÷ all the learner's records.
    pub share: f64,
    /// The category recurs: it appears in at least 2 records, or in at least 20% of them once the learner has coded
    /// two records (an error of one's only record cannot recur yet).
    pub recurring: bool,
}

/// A learner's progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Records coded (each attempt counts, a case coded twice counts twice).
    pub records: usize,
    /// Records per track, every track listed (`Track::ALL` order); a case counts once for each of its tracks.
    pub tracks: Vec<TrackCount>,
    pub accuracy: AccuracySeries,
    /// Mean code-level accuracy over all records.
    pub code_accuracy: Option<f64>,
    /// Share of all records with record-level accuracy.
    pub record_accuracy: Option<f64>,
    /// Mean rationale score over the records that had one (its course over time is in `accuracy`).
    pub rationale: Option<f64>,
    /// Charts per hour for each setting the learner coded in.
    pub productivity: Vec<SettingProductivity>,
    /// Records coded without the workstation timer, left out of productivity.
    pub untimed: usize,
    /// Error categories, the most frequent first.
    pub errors: Vec<ErrorStat>,
    pub recommendations: Vec<Recommendation>,
}

impl Progress {
    /// The progress of a learner's attempts, with [`RECOMMENDATIONS`] cases recommended from the library.
    pub fn of(attempts: &[Attempt], library: &[Case], benchmarks: &Benchmarks) -> Progress {
        let productivity = productivity::productivity(attempts, benchmarks);
        Progress {
            records: attempts.len(),
            tracks: Track::ALL.iter().map(|&track| TrackCount { track, records: attempts.iter().filter(|a| a.tracks.contains(&track)).count() }).collect(),
            accuracy: accuracy::series(attempts),
            code_accuracy: accuracy::mean(attempts.iter().map(|a| attempt::unit(a.code_accuracy))),
            record_accuracy: accuracy::mean(attempts.iter().map(|a| if a.record_accurate { 1.0 } else { 0.0 })),
            rationale: accuracy::mean(attempts.iter().filter_map(|a| a.rationale.map(attempt::unit))),
            untimed: productivity.iter().map(|p| p.untimed()).sum(),
            productivity,
            errors: errors(attempts),
            recommendations: recommend(attempts, library, RECOMMENDATIONS),
        }
    }
}

/// The error categories of a learner's records, the one in most records first (then most findings, then the
/// category's order).
pub fn errors(attempts: &[Attempt]) -> Vec<ErrorStat> {
    let mut by: std::collections::BTreeMap<Category, (usize, usize)> = Default::default();
    for a in attempts {
        for (&c, &n) in a.errors_by_category.iter().filter(|(c, &n)| c.is_error() && n > 0) {
            let e = by.entry(c).or_default();
            *e = (e.0 + n, e.1 + 1);
        }
    }
    let total = attempts.len();
    let mut out: Vec<ErrorStat> = by
        .into_iter()
        .map(|(category, (findings, records))| {
            let share = records as f64 / total as f64;
            ErrorStat { category, findings, records, share, recurring: records >= 2 || (total >= 2 && share >= 0.2) }
        })
        .collect();
    out.sort_by(|a, b| b.records.cmp(&a.records).then(b.findings.cmp(&a.findings)).then(a.category.cmp(&b.category)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::sample;

    #[test]
    fn a_record_counts_once_for_each_of_its_tracks() {
        let mut a = sample("IP-1", 0);
        a.tracks = vec![Track::Ip, Track::InpatientDrg];
        let p = Progress::of(&[a, sample("IP-2", 1)], &[], &Benchmarks::default());
        let n = |t: Track| p.tracks.iter().find(|c| c.track == t).unwrap().records;
        assert_eq!((p.records, n(Track::Ip), n(Track::InpatientDrg), n(Track::Surgery)), (2, 2, 1, 0));
        assert_eq!(p.tracks.len(), Track::ALL.len());
    }

    #[test]
    fn errors_are_counted_per_record_and_flagged_when_they_recur() {
        let mut v: Vec<Attempt> = (0..10).map(|i| sample(&format!("C{i}"), i)).collect();
        v[0].errors_by_category.insert(Category::PoaError, 3);
        v[1].errors_by_category.insert(Category::PoaError, 1);
        v[2].errors_by_category.insert(Category::Missed, 1);
        v[3].errors_by_category.insert(Category::Correct, 5);
        let e = errors(&v);
        let got: Vec<_> = e.iter().map(|e| (e.category, e.findings, e.records, e.recurring)).collect();
        assert_eq!(got, [(Category::PoaError, 4, 2, true), (Category::Missed, 1, 1, false)]);
        assert_eq!(e[0].share, 0.2);

        // One record in three is a third of them: it recurs. One error of one's only record does not.
        assert!(errors(&v[1..4])[0].recurring);
        assert!(!errors(&v[..1])[0].recurring);
    }

    #[test]
    fn overall_figures_are_none_without_records() {
        let p = Progress::of(&[], &[], &Benchmarks::default());
        assert_eq!((p.records, p.code_accuracy, p.record_accuracy, p.rationale, p.untimed), (0, None, None, None, 0));
        assert!(p.errors.is_empty() && p.productivity.is_empty() && p.recommendations.is_empty());
    }
}
