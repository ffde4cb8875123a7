//! The audit engine: scores a coder's submission for one case as a senior auditor would.
//!
//! `audit` matches the submission against the case's gold coding (`matching`: one finding per gold item and per
//! unmatched submitted item, with the error category, the rule, the evidence and the correction), runs the compliance
//! edits on the submission itself (`edits`: validity, Excludes1, code first, manifestation first, duplicates, the
//! Medicare Code Editor), groups both codings for the DRG and its payment (`financial`), scores the rationales
//! (`rationale`), and computes the scores whose formulas `Scores` documents. `report` renders the result as text or
//! HTML; JSON is the `Report` serialized.

thread_local! {
    /// Set while a brief audit runs (batch QA): findings and edits keep their categories and codes but no words,
    /// evidence or rules, and the rationales and the DRG drivers are not worked out.
    static BRIEF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub(crate) fn brief() -> bool {
    BRIEF.with(|b| b.get())
}

/// `format!` for the words of a report, skipped in a brief audit: `say!(brief; "…", …)`, with the flag read once
/// per function (`let brief = crate::brief();`).
macro_rules! say {
    ($brief:ident; $($t:tt)*) => {
        if $brief { String::new() } else { format!($($t)*) }
    };
}

pub mod batch;
pub mod dispute;
pub mod edits;
pub mod financial;
pub mod matching;
pub mod ncci;
pub mod rationale;
pub mod report;
pub mod submission;

pub use edits::{ComplianceEdit, EditKind};
pub use financial::DrgImpact;
pub use matching::{Area, Category, Finding};
pub use submission::{Submission, SubmissionError};

use cases::model::Case;
use codeset::CodeBook;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a programme sets: the payment figures and how much partial credit each error category earns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Dollars per unit of MS-DRG relative weight (a hospital's blended base rate). The default is an illustrative
    /// national figure; set the hospital's own.
    pub base_rate: f64,
    /// Credit (0 to 1) a gold item earns when the submission has it with this error; correct earns 1, missed 0.
    pub credit: BTreeMap<Category, f64>,
    /// Subtracted from the weighted score's numerator for each error that alone changes the DRG.
    pub payment_penalty: f64,
    /// Subtracted from the weighted score's numerator for each extra (unsupported or invalid) submitted item.
    pub extra_penalty: f64,
    /// Dollars a month per 1.0 of risk score (a plan's county benchmark). The default is an illustrative figure.
    pub monthly_benchmark: f64,
    /// The date of service (YYYYMMDD) NCCI edits are dated against: the cases carry relative days only, so a
    /// programme sets the date its exercises stand for. The default is in FY2026.
    pub service_date: u32,
}

impl Default for Config {
    fn default() -> Self {
        let credit = [
            (Category::Correct, 1.0),
            (Category::PoaError, 0.75),
            (Category::ModifierError, 0.75),
            (Category::UnitsError, 0.75),
            (Category::Sequencing, 0.5),
            (Category::WrongSeventhCharacter, 0.5),
            (Category::WrongLaterality, 0.5),
            (Category::WrongSpecificity, 0.5),
            (Category::EmOver, 0.5),
            (Category::EmUnder, 0.5),
            (Category::AnesthesiaUnits, 0.5),
            (Category::HeaderCode, 0.25),
        ]
        .into_iter()
        .collect();
        Config { base_rate: 6_500.0, credit, payment_penalty: 0.5, extra_penalty: 0.25, monthly_benchmark: 1_100.0, service_date: 20260615 }
    }
}

/// The scores of one audit. Every figure is a fraction from 0 to 1 (shown as a percentage).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// Gold items in the case (diagnoses, procedures, services, E/M level, HCCs, anesthesia, queries).
    pub gold_items: usize,
    /// Gold items the submission got exactly right (category `correct`).
    pub correct: usize,
    /// Submitted items with no gold counterpart (unsupported, invalid, HCC unsupported, query not expected).
    pub extra: usize,
    /// Code-over-code accuracy = correct ÷ gold items. Extras are reported apart, so it never goes negative.
    pub code_accuracy: f64,
    /// Record-level accuracy: true when there is no error finding and no compliance edit of the coder's own (edits
    /// the gold coding draws too are the case's), else false.
    pub record_accurate: bool,
    /// Weighted partial credit = max(0, Σ credit of each gold item − payment_penalty × payment-changing errors −
    /// extra_penalty × extras) ÷ gold items; credits per category in `Config::credit`.
    pub weighted: f64,
    /// HCC capture rate = gold HCCs submitted ÷ gold HCCs (none when the case has no HCC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hcc_capture: Option<f64>,
    /// HCC over-coding rate = unsupported HCCs ÷ submitted HCCs (none when none submitted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hcc_overcoding: Option<f64>,
    /// Mean rationale score of the submitted items (see `rationale::score`); `None` in a brief audit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rationale: Option<f64>,
}

/// The audit of one submission.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub case: String,
    pub case_title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coder: Option<String>,
    pub findings: Vec<Finding>,
    pub edits: Vec<ComplianceEdit>,
    pub scores: Scores,
    /// Errors by category (correct items left out).
    pub errors_by_category: BTreeMap<Category, usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drg: Option<DrgImpact>,
    /// Risk adjustment cases: the CMS-HCC score of each coding and the difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raf: Option<financial::RafImpact>,
    pub rationales: Vec<rationale::RationaleScore>,
    /// The codes whose difference alone moves the DRG (an error on one of them costs `payment_penalty`).
    pub payment_codes: Vec<String>,
    /// HCCs the submission claimed (the over-coding rate's denominator).
    pub submitted_hccs: usize,
}

/// Audits a submission for a case.
pub fn audit(case: &Case, sub: &Submission, book: &CodeBook, config: &Config) -> Report {
    audit_with_ncci(case, sub, book, config, None)
}

/// A brief audit for batch QA: the same categories, counts, accuracy, DRG and RAF as `audit_with_ncci`, without the
/// words, evidence, rules and rationale scores of the feedback report (`scores.rationale` is `None`, the DRG has no
/// drivers and no error counts as payment-changing in the weighted score).
pub fn audit_brief(case: &Case, sub: &Submission, book: &CodeBook, config: &Config, ncci_edits: Option<&importer::ncci::NcciEdits>) -> Report {
    // Cleared on the way out whatever happens, so a thread that goes on (a server's) never stays brief.
    struct Brief;
    impl Drop for Brief {
        fn drop(&mut self) {
            BRIEF.with(|b| b.set(false));
        }
    }
    BRIEF.with(|b| b.set(true));
    let _brief = Brief;
    audit_with_ncci(case, sub, book, config, ncci_edits)
}

/// Audits a submission, with the NCCI procedure-to-procedure and MUE edits of a licensed file when one was imported.
pub fn audit_with_ncci(case: &Case, sub: &Submission, book: &CodeBook, config: &Config, ncci_edits: Option<&importer::ncci::NcciEdits>) -> Report {
    let findings = matching::match_case(case, sub, book);
    let mut edits = edits::check(case, sub, book);
    if let Some(n) = ncci_edits {
        let gold = Submission::codes_of_gold(case);
        let gold_edits = ncci::check(&gold.services, n, config.service_date);
        for mut e in ncci::check(&sub.services, n, config.service_date) {
            e.also_in_gold = gold_edits.iter().any(|g| g.name == e.name && g.codes == e.codes);
            edits.push(e);
        }
    }
    let drg = financial::drg_impact(case, sub, config.base_rate);
    let rationales = if brief() { vec![] } else { rationale::score_all(case, sub, book) };
    // An error "changes payment" when the code it concerns is one of the changes that alone move the DRG.
    let payment_codes: Vec<String> = drg
        .as_ref()
        .and_then(|(_, c)| c.as_ref())
        .map(|c| c.drivers().filter_map(|d| d.code.map(|k| k.as_string())).collect())
        .unwrap_or_default();
    let mut report = Report {
        case: case.id.clone(),
        case_title: case.title.clone(),
        coder: sub.coder.clone(),
        findings,
        edits,
        scores: Scores::default(),
        errors_by_category: BTreeMap::new(),
        drg: drg.map(|(d, _)| d),
        raf: financial::raf_impact(case, sub, book, config.monthly_benchmark),
        rationales,
        payment_codes,
        submitted_hccs: sub.hccs.len(),
    };
    report.rescore(config);
    report
}

impl Report {
    /// Recomputes the scores and the error counts from the findings (after an instructor's decision changed one).
    pub fn rescore(&mut self, config: &Config) {
        let findings = &self.findings;
        let gold_side = |f: &Finding| f.expected.is_some() || f.gold_index.is_some();
        let gold_items = findings.iter().filter(|f| gold_side(f)).count();
        let correct = findings.iter().filter(|f| f.category == Category::Correct && gold_side(f)).count();
        let extra = findings.iter().filter(|f| !gold_side(f) && f.category.is_error()).count();
        let payment_changing = findings
            .iter()
            .filter(|f| f.category.is_error())
            .filter(|f| [&f.submitted, &f.expected].iter().any(|c| c.as_deref().is_some_and(|c| self.payment_codes.iter().any(|p| matching::key(c) == *p))))
            .count();
        let credit: f64 = findings.iter().filter(|f| gold_side(f)).map(|f| config.credit.get(&f.category).copied().unwrap_or(0.0)).sum();
        let weighted_raw = credit - config.payment_penalty * payment_changing as f64 - config.extra_penalty * extra as f64;
        let ratio = |a: f64, b: usize| if b == 0 { 1.0 } else { (a / b as f64 * 10_000.0).round() / 10_000.0 };
        let gold_hccs = findings.iter().filter(|f| f.area == Area::Hcc && gold_side(f)).count();
        let hcc_found = findings.iter().filter(|f| f.area == Area::Hcc && gold_side(f) && f.category == Category::Correct).count();
        let hcc_unsupported = findings.iter().filter(|f| f.category == Category::HccUnsupported).count();
        let mut errors = BTreeMap::new();
        for f in findings.iter().filter(|f| f.category.is_error()) {
            *errors.entry(f.category).or_insert(0) += 1;
        }
        self.scores = Scores {
            gold_items,
            correct,
            extra,
            code_accuracy: ratio(correct as f64, gold_items),
            record_accurate: errors.is_empty() && self.edits.iter().all(|e| e.also_in_gold),
            weighted: ratio(weighted_raw.max(0.0), gold_items),
            hcc_capture: (gold_hccs > 0).then(|| ratio(hcc_found as f64, gold_hccs)),
            hcc_overcoding: (self.submitted_hccs > 0).then(|| ratio(hcc_unsupported as f64, self.submitted_hccs)),
            rationale: (!brief()).then(|| rationale::mean(&self.rationales)),
        };
        self.errors_by_category = errors;
    }
}
