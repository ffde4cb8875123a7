//! Two codings of the same encounter, grouped side by side: the DRG each gives, the relative-weight difference, and
//! every code that differs with what it did and what it alone would have changed. The audit engine calls this with
//! the learner's coding (`from`) and the corrected coding (`to`).

use crate::claim::{Claim, Diagnosis, Poa};
use crate::code::Key;
use crate::engine::{CodeOutcome, Grouper, Grouping};
use crate::mce::{CodeEdit, Mce};
use serde::Serialize;

/// How one code differs between the two codings.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// A secondary diagnosis only the second coding has.
    AddedDiagnosis,
    /// A secondary diagnosis only the first coding has.
    RemovedDiagnosis,
    /// The same secondary diagnosis with another present-on-admission indicator.
    Poa { from: &'static str, to: &'static str },
    /// Another principal diagnosis. `resequenced`: each coding has the other's principal as a secondary diagnosis,
    /// so the codes are the same and only their order differs.
    Principal { from: Key, resequenced: bool },
    AddedProcedure,
    RemovedProcedure,
    /// Another discharge status (it decides the transfer and the died/left-against-advice DRGs).
    DischargeStatus { from: u8, to: u8 },
}

/// One difference between the codings.
#[derive(Clone, Debug, Serialize)]
pub struct CodeChange {
    /// The code concerned (for a principal diagnosis, the second coding's; for the discharge status, none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Key>,
    pub change: Change,
    /// What the code did in the coding that has it (the second coding's outcome, or the first's when only the first
    /// has the code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CodeOutcome>,
    /// The DRG the first coding would get with this change alone.
    pub drg_alone: u16,
    /// Whether this change alone changes the first coding's DRG.
    pub changes_drg: bool,
    /// In words, for the feedback report.
    pub explanation: String,
}

/// The two codings of one encounter, compared.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    pub from: Grouping,
    pub to: Grouping,
    pub drg_changed: bool,
    /// The second coding's relative weight minus the first's.
    pub weight_delta: f64,
    /// Every difference, in the order: discharge status, principal diagnosis, secondary diagnoses, procedures.
    pub changes: Vec<CodeChange>,
    /// Code-editor edits only the second coding draws.
    pub edits_added: Vec<CodeEdit>,
    /// Code-editor edits only the first coding draws (the second clears them).
    pub edits_cleared: Vec<CodeEdit>,
}

impl Comparison {
    /// The changes that alone move the first coding's DRG.
    pub fn drivers(&self) -> impl Iterator<Item = &CodeChange> {
        self.changes.iter().filter(|c| c.changes_drg)
    }
}


impl Grouper {
    /// Groups both codings and explains how they differ. The encounter's age and sex come from each claim as given;
    /// an audit passes the same patient in both.
    pub fn compare(&self, from: &Claim, to: &Claim) -> Comparison {
        let a = self.group(from);
        let b = self.group(to);
        let mut changes = vec![];
        // The first coding with one change applied, regrouped: what that change alone does.
        let alone = |edited: Claim, code: Option<Key>, change: Change, outcome: Option<CodeOutcome>, what: String| {
            let drg = self.group(&edited).drg;
            let explanation = format!("{what}{}", effect(a.drg, drg));
            CodeChange { code, change, outcome, drg_alone: drg, changes_drg: drg != a.drg, explanation }
        };
        let outcome_in = |g: &Grouping, role: &str, code: Key| g.codes.iter().find(|o| o.role == role && o.code == code).cloned();

        if from.discharge_status != to.discharge_status {
            let mut c = from.clone();
            c.discharge_status = to.discharge_status;
            let what = format!("discharge status {:02} instead of {:02}", to.discharge_status, from.discharge_status);
            changes.push(alone(c, None, Change::DischargeStatus { from: from.discharge_status, to: to.discharge_status }, None, what));
        }

        // The principal diagnosis, and whether the two codings only swapped it with a secondary diagnosis.
        let resequenced = from.pdx.code != to.pdx.code
            && from.sdx.iter().any(|d| d.code == to.pdx.code)
            && to.sdx.iter().any(|d| d.code == from.pdx.code);
        if from.pdx.code != to.pdx.code {
            let mut c = from.clone();
            if resequenced {
                for d in c.sdx.iter_mut().filter(|d| d.code == to.pdx.code) {
                    d.code = from.pdx.code;
                }
            }
            c.pdx = to.pdx;
            let outcome = b.codes.iter().find(|o| o.role == "pdx").cloned();
            let mdc_a = a.codes.iter().find(|o| o.role == "pdx").and_then(|o| o.mdc);
            let mdc_b = outcome.as_ref().and_then(|o| o.mdc);
            let mdc = match (mdc_a, mdc_b) {
                (Some(x), Some(y)) if x != y => format!(" (MDC {y:02} instead of {x:02})"),
                _ => String::new(),
            };
            let how = if resequenced { "sequenced first" } else { "as principal diagnosis" };
            let what = format!("{} {how} instead of {}{mdc}", Key::dotted(to.pdx.code), Key::dotted(from.pdx.code));
            changes.push(alone(c, Some(to.pdx.code), Change::Principal { from: from.pdx.code, resequenced }, outcome, what));
        }

        // Secondary diagnoses, matched by code (the two principals are left out when they were only resequenced).
        let swapped = |k: Key| resequenced && (k == from.pdx.code || k == to.pdx.code);
        let in_to = |k: Key| to.sdx.iter().find(|d| d.code == k);
        let in_from = |k: Key| from.sdx.iter().find(|d| d.code == k);
        for (i, d) in from.sdx.iter().enumerate() {
            if swapped(d.code) {
                continue;
            }
            match in_to(d.code) {
                None => {
                    let mut c = from.clone();
                    c.sdx.remove(i);
                    let outcome = outcome_in(&a, "sdx", d.code);
                    let what = format!("{} not reported{}", Key::dotted(d.code), what_it_was(outcome.as_ref()));
                    changes.push(alone(c, Some(d.code), Change::RemovedDiagnosis, outcome, what));
                }
                Some(t) if t.poa != d.poa => {
                    let mut c = from.clone();
                    c.sdx[i].poa = t.poa;
                    let outcome = outcome_in(&b, "sdx", d.code);
                    let what = format!(
                        "{} present on admission {} instead of {}{}",
                        Key::dotted(d.code),
                        poa_word(t.poa),
                        poa_word(d.poa),
                        what_it_was(outcome.as_ref())
                    );
                    changes.push(alone(c, Some(d.code), Change::Poa { from: d.poa.as_str(), to: t.poa.as_str() }, outcome, what));
                }
                Some(_) => {}
            }
        }
        for d in &to.sdx {
            if swapped(d.code) || in_from(d.code).is_some() {
                continue;
            }
            let mut c = from.clone();
            c.sdx.push(Diagnosis { code: d.code, poa: d.poa });
            let outcome = outcome_in(&b, "sdx", d.code);
            let what = format!("{} added{}", Key::dotted(d.code), what_it_was(outcome.as_ref()));
            changes.push(alone(c, Some(d.code), Change::AddedDiagnosis, outcome, what));
        }

        // Procedures, matched by code.
        for (i, &p) in from.procedures.iter().enumerate() {
            if to.procedures.contains(&p) {
                continue;
            }
            let mut c = from.clone();
            c.procedures.remove(i);
            let outcome = outcome_in(&a, "procedure", p);
            let what = format!("{} not reported{}", p.as_string(), what_it_was(outcome.as_ref()));
            changes.push(alone(c, Some(p), Change::RemovedProcedure, outcome, what));
        }
        for &p in &to.procedures {
            if from.procedures.contains(&p) {
                continue;
            }
            let mut c = from.clone();
            c.procedures.push(p);
            let outcome = outcome_in(&b, "procedure", p);
            let what = format!("{} added{}", p.as_string(), what_it_was(outcome.as_ref()));
            changes.push(alone(c, Some(p), Change::AddedProcedure, outcome, what));
        }

        let mce = Mce::builtin();
        let (ea, eb) = (mce.edit(from), mce.edit(to));
        let same = |x: &CodeEdit, y: &CodeEdit| x.edit == y.edit && x.code == y.code;
        let edits_added = eb.iter().filter(|e| !ea.iter().any(|x| same(x, e))).cloned().collect();
        let edits_cleared = ea.iter().filter(|e| !eb.iter().any(|x| same(x, e))).cloned().collect();
        Comparison {
            drg_changed: a.drg != b.drg,
            weight_delta: ((b.weight - a.weight) * 10_000.0).round() / 10_000.0,
            from: a,
            to: b,
            changes,
            edits_added,
            edits_cleared,
        }
    }
}

fn poa_word(p: Poa) -> &'static str {
    match p {
        Poa::Y => "Y (yes)",
        Poa::N => "N (no)",
        Poa::U => "U (documentation insufficient)",
        Poa::W => "W (clinically undetermined)",
        Poa::Exempt => "exempt",
    }
}

/// ": an MCC that counted" and the like, from what the code did where it was reported.
fn what_it_was(o: Option<&CodeOutcome>) -> String {
    let Some(o) = o else { return String::new() };
    if o.unknown {
        return ": not a code of the MS-DRG tables".into();
    }
    let mut parts = vec![];
    if let Some(level) = o.level {
        let level = serde_json::to_value(level).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let article = if level == "MCC" { "an" } else { "a" };
        match o.excluded {
            None => parts.push(format!("{article} {level} that counted")),
            Some(why) => {
                let why = serde_json::to_value(why).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                parts.push(format!("{article} {level} excluded ({})", why.replace('_', " ")))
            }
        }
    }
    if let Some(h) = o.hac {
        parts.push(format!("hospital-acquired condition category {h:02}"));
    }
    if o.operating_room == Some(true) {
        parts.push("an O.R. procedure".into());
    }
    if o.drove {
        parts.push("it decided the DRG".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(": {}", parts.join(", "))
    }
}

fn effect(was: u16, now: u16) -> String {
    if was == now {
        format!("; alone it leaves DRG {was:03}")
    } else {
        format!("; alone it moves DRG {was:03} to {now:03}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(json: &str) -> Claim {
        Claim::from_json(json).unwrap()
    }

    #[test]
    fn a_missed_cc_explains_the_drg_change() {
        let g = Grouper::builtin();
        let from = claim(r#"{"id":"x","age":67,"sex":"F","pdx":{"code":"I5021","poa":"Y"},"sdx":[{"code":"E785","poa":"Y"}]}"#);
        let to = claim(r#"{"id":"x","age":67,"sex":"F","pdx":{"code":"I5021","poa":"Y"},"sdx":[{"code":"E785","poa":"Y"},{"code":"N179","poa":"Y"}]}"#);
        let c = g.compare(&from, &to);
        assert_eq!((c.from.drg, c.to.drg), (293, 292));
        assert!(c.drg_changed && c.weight_delta > 0.0);
        assert_eq!(c.changes.len(), 1);
        let ch = &c.changes[0];
        assert_eq!(ch.change, Change::AddedDiagnosis);
        assert_eq!(ch.code.unwrap().as_string(), "N179");
        assert_eq!(ch.drg_alone, 292);
        assert!(ch.explanation.contains("N17.9 added: a CC that counted"), "{}", ch.explanation);
        assert!(ch.explanation.contains("moves DRG 293 to 292"), "{}", ch.explanation);
        assert_eq!(c.drivers().count(), 1);
    }

    #[test]
    fn a_resequenced_principal_is_one_change() {
        let g = Grouper::builtin();
        let from = claim(r#"{"id":"x","age":70,"sex":"M","pdx":{"code":"N179","poa":"Y"},"sdx":[{"code":"I5021","poa":"Y"}]}"#);
        let to = claim(r#"{"id":"x","age":70,"sex":"M","pdx":{"code":"I5021","poa":"Y"},"sdx":[{"code":"N179","poa":"Y"}]}"#);
        let c = g.compare(&from, &to);
        assert_eq!(c.changes.len(), 1, "{:#?}", c.changes);
        assert_eq!(c.changes[0].change, Change::Principal { from: Key::of("N179").unwrap(), resequenced: true });
        assert_eq!(c.changes[0].drg_alone, c.to.drg);
        assert!(c.changes[0].explanation.contains("MDC 05 instead of 11"), "{}", c.changes[0].explanation);
    }

    #[test]
    fn a_poa_change_on_a_hospital_acquired_condition_is_explained() {
        let g = Grouper::builtin();
        // A hip fracture not present on admission is a hospital-acquired condition (HAC 05, falls and trauma).
        let from = claim(r#"{"id":"x","age":80,"sex":"F","pdx":{"code":"J189","poa":"Y"},"sdx":[{"code":"S72001A","poa":"Y"},{"code":"W1830XA","poa":"Y"}]}"#);
        let to = claim(r#"{"id":"x","age":80,"sex":"F","pdx":{"code":"J189","poa":"Y"},"sdx":[{"code":"S72001A","poa":"N"},{"code":"W1830XA","poa":"Y"}]}"#);
        let c = g.compare(&from, &to);
        let ch = c.changes.iter().find(|ch| matches!(ch.change, Change::Poa { .. })).expect("a POA change");
        assert_eq!(ch.change, Change::Poa { from: "Y", to: "N" });
        assert!(ch.explanation.contains("an MCC excluded (hospital acquired), hospital-acquired condition category 05"), "{}", ch.explanation);
        assert_eq!(c.to.drg, ch.drg_alone);
    }

    #[test]
    fn identical_codings_have_no_changes() {
        let g = Grouper::builtin();
        let a = claim(r#"{"id":"x","age":60,"sex":"M","pdx":{"code":"K3580","poa":"Y"},"procedures":["0DTJ4ZZ"]}"#);
        let c = g.compare(&a, &a);
        assert!(!c.drg_changed && c.changes.is_empty() && c.edits_added.is_empty() && c.edits_cleared.is_empty());
        assert_eq!(c.weight_delta, 0.0);
    }

    #[test]
    fn a_removed_procedure_that_made_the_drg_surgical() {
        let g = Grouper::builtin();
        let from = claim(r#"{"id":"x","age":60,"sex":"M","pdx":{"code":"K3580","poa":"Y"},"procedures":["0DTJ4ZZ"]}"#);
        let to = claim(r#"{"id":"x","age":60,"sex":"M","pdx":{"code":"K3580","poa":"Y"}}"#);
        let c = g.compare(&from, &to);
        assert_eq!(c.changes.len(), 1);
        let ch = &c.changes[0];
        assert_eq!(ch.change, Change::RemovedProcedure);
        assert!(ch.explanation.contains("an O.R. procedure") && ch.explanation.contains("it decided the DRG"), "{}", ch.explanation);
        assert_eq!(ch.drg_alone, c.to.drg);
        assert!(c.weight_delta < 0.0);
    }
}
