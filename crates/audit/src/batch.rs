//! Batch QA: many encounters audited at once, as a coding department's monthly audit, with totals by error
//! category, by coder and by track.

use crate::{Category, Report};
use cases::model::Track;
use serde::Serialize;
use std::collections::BTreeMap;

/// Totals over a set of audits. Accuracy figures use the same formulas as `Scores`, summed before dividing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub encounters: usize,
    pub gold_items: usize,
    pub correct: usize,
    pub extra: usize,
    pub records_accurate: usize,
    /// Σ correct ÷ Σ gold items.
    pub code_accuracy: f64,
    /// Records with no error ÷ records.
    pub record_accuracy: f64,
    pub errors: BTreeMap<Category, usize>,
    /// Inpatient encounters grouped, and those whose submitted DRG is the gold's.
    pub drg_encounters: usize,
    pub drg_correct: usize,
    /// Σ of the dollar differences above zero (overpayments) and below (underpayments, as a positive sum).
    pub overpaid: f64,
    pub underpaid: f64,
    /// Risk adjustment encounters scored, and the yearly dollars of over- and under-coded risk scores.
    pub raf_encounters: usize,
    pub raf_overcoded: f64,
    pub raf_undercoded: f64,
}

impl Tally {
    fn add(&mut self, r: &Report) {
        self.encounters += 1;
        self.gold_items += r.scores.gold_items;
        self.correct += r.scores.correct;
        self.extra += r.scores.extra;
        self.records_accurate += r.scores.record_accurate as usize;
        for (c, n) in &r.errors_by_category {
            *self.errors.entry(*c).or_insert(0) += n;
        }
        if let Some(d) = &r.drg {
            self.drg_encounters += 1;
            self.drg_correct += d.drg_correct as usize;
            if d.dollars > 0.0 {
                self.overpaid += d.dollars;
            } else {
                self.underpaid -= d.dollars;
            }
        }
        if let Some(x) = &r.raf {
            self.raf_encounters += 1;
            if x.dollars_per_year > 0.0 {
                self.raf_overcoded += x.dollars_per_year;
            } else {
                self.raf_undercoded -= x.dollars_per_year;
            }
            self.raf_overcoded = (self.raf_overcoded * 100.0).round() / 100.0;
            self.raf_undercoded = (self.raf_undercoded * 100.0).round() / 100.0;
        }
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { (a as f64 / b as f64 * 10_000.0).round() / 10_000.0 };
        self.code_accuracy = ratio(self.correct, self.gold_items);
        self.record_accuracy = ratio(self.records_accurate, self.encounters);
        self.overpaid = (self.overpaid * 100.0).round() / 100.0;
        self.underpaid = (self.underpaid * 100.0).round() / 100.0;
    }
}

/// A batch's totals.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Batch {
    pub total: Tally,
    /// By the submission's coder ("(none)" when not given).
    pub by_coder: BTreeMap<String, Tally>,
    /// By the case's tracks (a case of two tracks counts in both).
    pub by_track: BTreeMap<Track, Tally>,
}

impl Batch {
    pub fn add(&mut self, report: &Report, tracks: &[Track]) {
        self.total.add(report);
        self.by_coder.entry(report.coder.clone().unwrap_or_else(|| "(none)".into())).or_default().add(report);
        for t in tracks {
            self.by_track.entry(*t).or_default().add(report);
        }
    }
}
