//! Accuracy over time: code-level and record-level accuracy, and the rationale score, per day or per week.

use crate::attempt::{chronological, unit, Attempt};
use serde::Serialize;

/// The usual industry expectation for coding accuracy (DOMAIN.md, "Industry bars"): the line a chart draws.
pub const INDUSTRY_BAR: f64 = 0.95;

const DAY_MS: i64 = 86_400_000;

/// Attempts spanning more days than this are shown per week, else per day.
pub const WEEKLY_AFTER_DAYS: i64 = 21;

/// How long one period of the series is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    Week,
}

/// The records of one period and how accurate they were.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// The period's first moment, unix milliseconds (00:00 UTC; a week starts on Monday, as ISO 8601 has it).
    pub start: i64,
    pub records: usize,
    /// Mean code-level accuracy of the period's records, 0 to 1.
    pub code_accuracy: f64,
    /// Share of the period's records with record-level accuracy, 0 to 1.
    pub record_accuracy: f64,
    /// Mean rationale score of the records that had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rationale: Option<f64>,
}

/// Accuracy over time.
///
/// Calendar periods rather than a rolling window over attempts: "this week" is what a learner and an instructor
/// talk about, and a week without practice stays a gap instead of being smoothed into its neighbours. Per day while
/// the attempts span at most three weeks (fewer than four weekly points make no line to read); per week beyond that
/// (a daily series over months is too many points, each of one or two records, so noise). Days are UTC days: the
/// crate has no time zone, and a learner's evening may fall on the next UTC day. Periods without records are left
/// out: no records is not 0%.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccuracySeries {
    pub granularity: Granularity,
    /// In time order.
    pub periods: Vec<Period>,
    /// [`INDUSTRY_BAR`], for the chart and the JSON.
    pub bar: f64,
}

/// Arithmetic mean, `None` for nothing.
pub(crate) fn mean(xs: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = xs.into_iter().fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The period an instant falls in.
fn period_start(at: i64, g: Granularity) -> i64 {
    let day = at.div_euclid(DAY_MS);
    match g {
        Granularity::Day => day.saturating_mul(DAY_MS),
        // Day 0 (1970-01-01) was a Thursday, so the Mondays are the days d with d + 3 a multiple of 7.
        Granularity::Week => ((day + 3).div_euclid(7) * 7 - 3).saturating_mul(DAY_MS),
    }
}

/// The accuracy series of a learner's attempts.
pub fn series(attempts: &[Attempt]) -> AccuracySeries {
    let all = chronological(attempts);
    let span_days = match (all.first(), all.last()) {
        (Some(a), Some(b)) => b.submitted_at.saturating_sub(a.submitted_at) / DAY_MS,
        _ => 0,
    };
    let granularity = if span_days > WEEKLY_AFTER_DAYS { Granularity::Week } else { Granularity::Day };
    let mut periods: Vec<Period> = vec![];
    let mut group: Vec<&Attempt> = vec![];
    let flush = |group: &mut Vec<&Attempt>, periods: &mut Vec<Period>| {
        if let Some(first) = group.first() {
            periods.push(Period {
                start: period_start(first.submitted_at, granularity),
                records: group.len(),
                code_accuracy: mean(group.iter().map(|a| unit(a.code_accuracy))).unwrap_or(0.0),
                record_accuracy: group.iter().filter(|a| a.record_accurate).count() as f64 / group.len() as f64,
                rationale: mean(group.iter().filter_map(|a| a.rationale.map(unit))),
            });
        }
        group.clear();
    };
    for a in all {
        if group.first().is_some_and(|f| period_start(f.submitted_at, granularity) != period_start(a.submitted_at, granularity)) {
            flush(&mut group, &mut periods);
        }
        group.push(a);
    }
    flush(&mut group, &mut periods);
    AccuracySeries { granularity, periods, bar: INDUSTRY_BAR }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::sample;
    use proptest::prelude::*;

    /// Monday 2 March 2026, 00:00 UTC.
    const MONDAY: i64 = 1_772_409_600_000;

    #[test]
    fn weeks_start_on_monday_and_days_at_midnight_utc() {
        let thursday_noon = MONDAY + 3 * DAY_MS + DAY_MS / 2;
        assert_eq!(period_start(thursday_noon, Granularity::Week), MONDAY);
        assert_eq!(period_start(MONDAY - 1, Granularity::Week), MONDAY - 7 * DAY_MS);
        assert_eq!(period_start(thursday_noon, Granularity::Day), MONDAY + 3 * DAY_MS);
        assert_eq!(period_start(-1, Granularity::Day), -DAY_MS);
    }

    #[test]
    fn a_short_span_is_shown_per_day_and_a_long_one_per_week() {
        let mut bad = sample("B", MONDAY + DAY_MS + 5);
        (bad.code_accuracy, bad.record_accurate, bad.rationale) = (0.5, false, None);
        let s = series(&[sample("A", MONDAY + 10), bad.clone(), sample("C", MONDAY + DAY_MS)]);
        assert_eq!(s.granularity, Granularity::Day);
        assert_eq!(s.periods.len(), 2);
        assert_eq!((s.periods[1].start, s.periods[1].records), (MONDAY + DAY_MS, 2));
        assert_eq!((s.periods[1].code_accuracy, s.periods[1].record_accuracy, s.periods[1].rationale), (0.75, 0.5, Some(0.8)));

        let s = series(&[sample("A", MONDAY + 2 * DAY_MS), sample("Z", MONDAY + 30 * DAY_MS), bad]);
        assert_eq!(s.granularity, Granularity::Week);
        assert_eq!(s.periods.iter().map(|p| (p.start, p.records)).collect::<Vec<_>>(), [(MONDAY, 2), (MONDAY + 28 * DAY_MS, 1)]);
        assert_eq!(s.bar, INDUSTRY_BAR);
    }

    #[test]
    fn no_attempts_make_an_empty_series() {
        assert!(series(&[]).periods.is_empty());
    }

    proptest! {
        #[test]
        fn the_accuracy_series_stays_within_zero_and_one(
            xs in proptest::collection::vec((any::<i64>(), prop_oneof![any::<f64>(), -2.0..2.0f64], any::<bool>(), proptest::option::of(any::<f64>())), 0..40)
        ) {
            let attempts: Vec<Attempt> = xs.iter().enumerate().map(|(i, &(at, acc, ok, r))| {
                let mut a = sample(&format!("C{i}"), at);
                (a.code_accuracy, a.record_accurate, a.rationale) = (acc, ok, r);
                a
            }).collect();
            let s = series(&attempts);
            prop_assert_eq!(s.periods.iter().map(|p| p.records).sum::<usize>(), attempts.len());
            for p in &s.periods {
                prop_assert!((0.0..=1.0).contains(&p.code_accuracy) && (0.0..=1.0).contains(&p.record_accuracy));
                prop_assert!(p.rationale.is_none_or(|r| (0.0..=1.0).contains(&r)));
            }
            prop_assert!(s.periods.windows(2).all(|w| w[0].start < w[1].start));
        }
    }
}
