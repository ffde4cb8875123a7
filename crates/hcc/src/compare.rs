//! Two codings of the same person (before and after an audit, coder and auditor) scored side by side, and the
//! difference of the raw score explained factor by factor: HCCs added or removed, an HCC replaced by another of its
//! hierarchy family, interactions gained or lost, the HCC count variable, and demographic terms when the segment
//! inputs differ. The deltas add up to the difference: the audit engine's financial impact for HCC cases.

use crate::beneficiary::{Beneficiary, BeneficiaryError};
use crate::code::Code;
use crate::model::{Applied, Model, Part, Score};

/// One reason the raw score moved, with its share of the difference.
#[derive(Clone, PartialEq, Debug, serde::Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// An HCC only the second coding has.
    HccAdded { hcc: u16, label: &'static str, dx: Vec<Code>, delta: f64 },
    /// An HCC only the first coding has.
    HccRemoved { hcc: u16, label: &'static str, dx: Vec<Code>, delta: f64 },
    /// One HCC of a hierarchy family replaced by another (a more or a less severe one): one change, not two.
    HierarchyMove { from: u16, to: u16, from_label: &'static str, to_label: &'static str, dx: Vec<Code>, delta: f64 },
    InteractionGained { name: &'static str, delta: f64 },
    InteractionLost { name: &'static str, delta: f64 },
    /// The payment HCC count variable changed (D1 … D10P).
    Count { from: Option<&'static str>, to: Option<&'static str>, delta: f64 },
    /// A demographic factor changed (the two records differ in segment inputs).
    Demographic { name: &'static str, delta: f64 },
}

impl Change {
    pub fn delta(&self) -> f64 {
        match self {
            Change::HccAdded { delta, .. }
            | Change::HccRemoved { delta, .. }
            | Change::HierarchyMove { delta, .. }
            | Change::InteractionGained { delta, .. }
            | Change::InteractionLost { delta, .. }
            | Change::Count { delta, .. }
            | Change::Demographic { delta, .. } => *delta,
        }
    }
}

#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct Comparison {
    pub before: Score,
    pub after: Score,
    pub changes: Vec<Change>,
    /// after.raw_score − before.raw_score (the sum of the changes' deltas).
    pub raw_difference: f64,
    /// after.payment_score − before.payment_score.
    pub payment_difference: f64,
}

fn factor(s: &Score, hcc: u16) -> f64 {
    s.hccs.iter().find(|h| h.hcc == hcc).and_then(|h| h.factor).map_or(0.0, |f| f.value)
}

/// Scores two codings of one person and explains the difference.
pub fn compare(model: &Model, before: &Beneficiary, after: &Beneficiary) -> Result<Comparison, BeneficiaryError> {
    let (b, a) = (model.score(before)?, model.score(after)?);
    let mut changes = vec![];
    let gone: Vec<u16> = b.hccs.iter().map(|h| h.hcc).filter(|h| !a.hccs.iter().any(|x| x.hcc == *h)).collect();
    let mut new: Vec<u16> = a.hccs.iter().map(|h| h.hcc).filter(|h| !b.hccs.iter().any(|x| x.hcc == *h)).collect();
    for from in gone {
        // The same family: one ranks above the other in the hierarchy.
        let family = new.iter().position(|&to| model.parents_of(from).contains(&to) || model.parents_of(to).contains(&from));
        let dx_b = b.hccs.iter().find(|h| h.hcc == from).map(|h| h.dx.clone()).unwrap_or_default();
        match family {
            Some(i) => {
                let to = new.remove(i);
                let mut dx = a.hccs.iter().find(|h| h.hcc == to).map(|h| h.dx.clone()).unwrap_or_default();
                dx.extend(dx_b.into_iter().filter(|c| !dx.contains(c)).collect::<Vec<_>>());
                changes.push(Change::HierarchyMove {
                    from,
                    to,
                    from_label: model.label(from),
                    to_label: model.label(to),
                    dx,
                    delta: factor(&a, to) - factor(&b, from),
                });
            }
            None => changes.push(Change::HccRemoved { hcc: from, label: model.label(from), dx: dx_b, delta: -factor(&b, from) }),
        }
    }
    for to in new {
        let dx = a.hccs.iter().find(|h| h.hcc == to).map(|h| h.dx.clone()).unwrap_or_default();
        changes.push(Change::HccAdded { hcc: to, label: model.label(to), dx, delta: factor(&a, to) });
    }
    let others = |s: &Score, part: Part| -> Vec<Applied> { s.details.iter().filter(|d| d.part == part).cloned().collect() };
    for part in [Part::Interaction, Part::Demographic] {
        let (xb, xa) = (others(&b, part), others(&a, part));
        for d in xb.iter().filter(|d| !xa.iter().any(|x| x.name == d.name)) {
            changes.push(match part {
                Part::Interaction => Change::InteractionLost { name: d.name, delta: -d.value },
                _ => Change::Demographic { name: d.name, delta: -d.value },
            });
        }
        for d in xa.iter().filter(|d| !xb.iter().any(|x| x.name == d.name)) {
            changes.push(match part {
                Part::Interaction => Change::InteractionGained { name: d.name, delta: d.value },
                _ => Change::Demographic { name: d.name, delta: d.value },
            });
        }
    }
    let (cb, ca) = (others(&b, Part::Count).pop(), others(&a, Part::Count).pop());
    if cb.as_ref().map(|c| c.name) != ca.as_ref().map(|c| c.name) {
        let value = |c: &Option<Applied>| c.as_ref().map_or(0.0, |c| c.value);
        changes.push(Change::Count { from: cb.as_ref().map(|c| c.name), to: ca.as_ref().map(|c| c.name), delta: value(&ca) - value(&cb) });
    }
    let raw_difference = a.raw_score - b.raw_score;
    let payment_difference = a.payment_score - b.payment_score;
    Ok(Comparison { before: b, after: a, changes, raw_difference, payment_difference })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PaymentYear, Version};

    fn person(dx: &[&str]) -> Beneficiary {
        let mut p = Beneficiary::from_json(r#"{"id":"c","age":70,"sex":"F","dual":"00","orec":"0","institutional":false}"#).unwrap();
        p.dx = dx.iter().map(|d| Code::parse(d).unwrap()).collect();
        p
    }

    #[test]
    fn an_auditor_who_specifies_the_diabetes_and_drops_heart_failure_is_explained_per_hcc() {
        let m = Model::builtin(Version::V28, PaymentYear::Py2026).unwrap();
        // Coder: E11.9 (HCC 38) and I50.30 (HCC 226). Auditor: E11.22 (HCC 37), heart failure unsupported.
        let c = compare(m, &person(&["E119", "I5030"]), &person(&["E1122"])).unwrap();
        let kinds: Vec<String> = c.changes.iter().map(|x| serde_json::to_value(x).unwrap()["change"].as_str().unwrap().to_string()).collect();
        assert_eq!(kinds, ["hierarchy_move", "hcc_removed", "interaction_lost", "count"]);
        assert!(matches!(c.changes[0], Change::HierarchyMove { from: 38, to: 37, .. }));
        assert!(matches!(c.changes[1], Change::HccRemoved { hcc: 226, .. }));
        let sum: f64 = c.changes.iter().map(Change::delta).sum();
        assert!((sum - c.raw_difference).abs() < 1e-9, "{sum} vs {}", c.raw_difference);
        assert!(c.raw_difference < 0.0);
    }

    #[test]
    fn identical_codings_have_no_change() {
        let m = Model::builtin(Version::V24, PaymentYear::Py2026).unwrap();
        let c = compare(m, &person(&["E1122", "I509"]), &person(&["I509", "E1122"])).unwrap();
        assert!(c.changes.is_empty());
        assert_eq!(c.raw_difference, 0.0);
    }
}
