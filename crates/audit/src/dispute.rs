//! Disputes and overrides: a learner disputes a finding with a cited reason; an instructor accepts or rejects it, or
//! overrides a finding directly. Every change to a finding keeps who, when and why, with the scores before and after
//! (the audit trail), and nothing is ever removed from the trail.
//!
//! The crate knows no clock and no accounts: the caller passes who acts and when (an ISO 8601 time), and the store
//! that keeps an `AuditRecord` (the web platform's) checks that the person may act.

use crate::{Category, Config, Report, Scores};
use cases::model::Rule;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Accepted,
    Rejected,
}

/// A learner's dispute of one finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dispute {
    pub id: usize,
    /// The finding's index in the report.
    pub finding: usize,
    pub by: String,
    pub at: String,
    pub reason: String,
    /// The rule the learner relies on (a guideline section, a tabular note).
    pub rule: Option<Rule>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrailEntry {
    pub at: String,
    pub by: String,
    /// What happened: "disputed", "accepted", "rejected", "overridden", "annotated".
    pub action: String,
    pub finding: usize,
    /// The finding's category before and after (equal when the action changed no score).
    pub from: Category,
    pub to: Category,
    pub why: String,
    pub code_accuracy_before: f64,
    pub code_accuracy_after: f64,
    pub weighted_before: f64,
    pub weighted_after: f64,
}

/// A report with its disputes, instructor notes and trail: what a store keeps for one submission.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditRecord {
    pub report: Report,
    pub disputes: Vec<Dispute>,
    /// Instructor annotations by finding index.
    pub notes: Vec<(usize, String)>,
    pub trail: Vec<TrailEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DisputeError {
    #[error("there is no finding {0}: the report has {1}")]
    NoFinding(usize, usize),
    #[error("finding {0} is correct: only an error can be disputed")]
    NotAnError(usize),
    #[error("a dispute needs a reason: say why the finding is wrong and cite the rule")]
    NoReason,
    #[error("there is no dispute {0}")]
    NoDispute(usize),
    #[error("dispute {0} was already {1}")]
    AlreadyDecided(usize, &'static str),
    #[error("finding {0} already has an open dispute ({1})")]
    AlreadyDisputed(usize, usize),
}

impl AuditRecord {
    pub fn new(report: Report) -> AuditRecord {
        AuditRecord { report, disputes: vec![], notes: vec![], trail: vec![] }
    }

    fn finding(&self, i: usize) -> Result<Category, DisputeError> {
        self.report.findings.get(i).map(|f| f.category).ok_or(DisputeError::NoFinding(i, self.report.findings.len()))
    }

    /// Changes a finding's category, rescoring, and writes the trail entry.
    fn change(&mut self, finding: usize, to: Category, by: &str, at: &str, action: &str, why: &str, config: &Config) {
        let from = self.report.findings[finding].category;
        let before: Scores = self.report.scores.clone();
        if from != to {
            self.report.findings[finding].category = to;
            self.report.findings[finding].message = format!("{} [{action} by {by}: {why}]", self.report.findings[finding].message);
            self.report.rescore(config);
        }
        let after = &self.report.scores;
        self.trail.push(TrailEntry {
            at: at.into(),
            by: by.into(),
            action: action.into(),
            finding,
            from,
            to,
            why: why.into(),
            code_accuracy_before: before.code_accuracy,
            code_accuracy_after: after.code_accuracy,
            weighted_before: before.weighted,
            weighted_after: after.weighted,
        });
    }

    /// A learner disputes an error finding. Returns the dispute's id.
    pub fn dispute(&mut self, finding: usize, by: &str, at: &str, reason: &str, rule: Option<Rule>, config: &Config) -> Result<usize, DisputeError> {
        let category = self.finding(finding)?;
        if !category.is_error() {
            return Err(DisputeError::NotAnError(finding));
        }
        if reason.trim().is_empty() {
            return Err(DisputeError::NoReason);
        }
        if let Some(open) = self.disputes.iter().find(|d| d.finding == finding && d.status == Status::Open) {
            return Err(DisputeError::AlreadyDisputed(finding, open.id));
        }
        let id = self.disputes.len() + 1;
        self.disputes.push(Dispute {
            id,
            finding,
            by: by.into(),
            at: at.into(),
            reason: reason.into(),
            rule,
            status: Status::Open,
            decided_by: None,
            decided_at: None,
            decision: None,
        });
        self.change(finding, category, by, at, "disputed", reason, config);
        Ok(id)
    }

    /// An instructor decides a dispute. Accepting makes the finding correct (or `category` when given: an error of
    /// another kind) and rescores; rejecting keeps it. Either way the decision and its reason go to the trail.
    pub fn decide(&mut self, dispute: usize, accept: bool, category: Option<Category>, by: &str, at: &str, why: &str, config: &Config) -> Result<(), DisputeError> {
        let d = self.disputes.iter_mut().find(|d| d.id == dispute).ok_or(DisputeError::NoDispute(dispute))?;
        match d.status {
            Status::Accepted => return Err(DisputeError::AlreadyDecided(dispute, "accepted")),
            Status::Rejected => return Err(DisputeError::AlreadyDecided(dispute, "rejected")),
            Status::Open => {}
        }
        d.status = if accept { Status::Accepted } else { Status::Rejected };
        d.decided_by = Some(by.into());
        d.decided_at = Some(at.into());
        d.decision = Some(why.into());
        let finding = d.finding;
        let current = self.report.findings[finding].category;
        let to = if accept { category.unwrap_or(Category::Correct) } else { current };
        self.change(finding, to, by, at, if accept { "accepted" } else { "rejected" }, why, config);
        Ok(())
    }

    /// An instructor or auditor changes a finding without a dispute (a gold answer that allows two codings).
    pub fn override_finding(&mut self, finding: usize, to: Category, by: &str, at: &str, why: &str, config: &Config) -> Result<(), DisputeError> {
        self.finding(finding)?;
        if why.trim().is_empty() {
            return Err(DisputeError::NoReason);
        }
        self.change(finding, to, by, at, "overridden", why, config);
        Ok(())
    }

    /// An instructor's written correction or comment on a finding; no score changes.
    pub fn annotate(&mut self, finding: usize, by: &str, at: &str, note: &str, config: &Config) -> Result<(), DisputeError> {
        let c = self.finding(finding)?;
        self.notes.push((finding, note.into()));
        self.change(finding, c, by, at, "annotated", note, config);
        Ok(())
    }
}
