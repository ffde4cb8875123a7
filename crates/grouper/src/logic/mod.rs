//! The formulas of MS-DRG v43.1: which lists of the definitions make which DRG.
//!
//! `group` follows the Definitions Manual's order: pre-MDC, then the MDC of the principal diagnosis (24 and 25 by
//! their own rules), then within the MDC the surgical DRGs by the surgical hierarchy, the unrelated O.R. DRGs, and the
//! medical DRGs. Most families need nothing beyond "a code of the family's list is on the claim" and a split by
//! severity read from the DRG titles (`split`); the families whose formula says more are written out in the MDC
//! modules (`special`), each returning `Special::Generic` for the families it leaves to the generic rule.

use crate::defs::{builtin, Level};
use crate::engine::{Choice, Features};
use std::sync::OnceLock;

mod mdc01_05;
mod mdc06_11;
mod mdc12_17;
mod mdc18_25;
mod pre;

/// The label of a definitions token, resolved once per call site (`u16::MAX`, never present, if no code has it;
/// a test checks that every label named in this module exists).
#[macro_export]
macro_rules! lbl {
    ($s:literal) => {{
        static ID: std::sync::OnceLock<u16> = std::sync::OnceLock::new();
        *ID.get_or_init(|| $crate::defs::builtin().label($s).unwrap_or(u16::MAX))
    }};
}

/// What an MDC module says of a family.
pub enum Special {
    /// Not special: the generic rule applies.
    Generic,
    /// The family's conditions do not hold for this claim.
    No,
    /// This DRG.
    Drg(u16),
}

/// The severity a DRG title asks for.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Needs {
    Mcc,
    CcOrMcc,
    Nothing,
}

fn needs(drg: u16) -> Needs {
    static TABLE: OnceLock<Vec<Needs>> = OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let d = builtin();
        (0..1000u16)
            .map(|n| {
                let Some(info) = d.drg(n) else { return Needs::Nothing };
                let t = info.title.to_ascii_lowercase();
                let tail = match (t.rfind(" with "), t.rfind(" without ")) {
                    (Some(a), Some(b)) if b > a => &t[b..],
                    (Some(a), _) => &t[a..],
                    (None, Some(b)) => &t[b..],
                    (None, None) => return Needs::Nothing,
                };
                if tail.starts_with(" without") {
                    Needs::Nothing
                } else if tail.starts_with(" with mcc") {
                    Needs::Mcc
                } else if tail.starts_with(" with cc") {
                    Needs::CcOrMcc
                } else {
                    Needs::Nothing
                }
            })
            .collect()
    });
    t[drg as usize]
}

/// The DRG of a family by the claim's severity, as the titles say ("with MCC", "with CC", "without CC/MCC"…).
pub fn split(f: &Features, drgs: &[u16]) -> u16 {
    let level = f.level_for(drgs[0]);
    split_at(level, drgs)
}

pub fn split_at(level: Option<Level>, drgs: &[u16]) -> u16 {
    for &d in drgs {
        let ok = match needs(d) {
            Needs::Mcc => level == Some(Level::Mcc),
            Needs::CcOrMcc => level.is_some(),
            Needs::Nothing => true,
        };
        if ok {
            return d;
        }
    }
    *drgs.last().expect("a family has a DRG")
}

/// Whether a family's DRG choice depends on severity.
pub fn splits(drgs: &[u16]) -> bool {
    drgs.iter().any(|&d| needs(d) != Needs::Nothing)
}

fn special(first: u16, f: &Features) -> Special {
    match f.d.drg(first).map_or(255, |i| i.mdc) {
        0 => Special::Generic,
        1..=5 => mdc01_05::special(first, f),
        6..=11 => mdc06_11::special(first, f),
        12..=17 => mdc12_17::special(first, f),
        _ => mdc18_25::special(first, f),
    }
}

/// The DRG of a family for this claim, or none when its conditions fail.
fn family_drg(first: u16, f: &Features) -> Option<u16> {
    match special(first, f) {
        Special::Drg(d) => Some(d),
        Special::No => None,
        Special::Generic => Some(split(f, f.d.label_drgs_of(first)?)),
    }
}

/// The MDC the principal diagnosis opens (before MDC 24 and 25).
pub fn principal_mdc(f: &Features) -> u8 {
    let p = f.pdx;
    if p.female_mdc != 0 && f.sex() == crate::claim::Sex::F {
        p.female_mdc
    } else if p.mdc == 0 {
        // A diagnosis the tables give no MDC (the QA00 codes, new in FY2026) takes the MDC of its principal-diagnosis
        // family (as the reference does: QA00.159 groups to 564-566 in MDC 8).
        let family_mdc = |&x: &u16| f.d.drg(x).map(|i| i.mdc).filter(|m| (1..=25).contains(m));
        p.labels.iter().filter_map(|&l| f.d.label_drgs(l).first()).find_map(family_mdc).unwrap_or(0)
    } else {
        p.mdc
    }
}

/// Whether the principal diagnosis carries a label of the family whose first DRG is `first`: the condition of a
/// medical family reached through its principal-diagnosis list (a secondary diagnosis of the list does not make it).
pub fn pdx_on_list(f: &Features, first: u16) -> bool {
    f.pdx.labels.iter().any(|&l| f.d.label_drgs(l).first() == Some(&first))
}

fn rank(f: &Features, drg: u16) -> u16 {
    f.d.drg(drg).and_then(|i| i.rank).unwrap_or(u16::MAX)
}

/// The procedures that carry a label of the family a DRG belongs to (a procedure of a complete cluster through the
/// cluster only).
fn procedures_of(f: &Features, drg: u16) -> Vec<usize> {
    let mut out = vec![];
    for (i, p) in f.claim.procedures.iter().enumerate() {
        let Some(info) = f.d.pr.get(p) else { continue };
        let own = info.labels.iter().filter(|&&l| f.counts_own(i, l));
        let hit = own.chain(info.clusters.iter().map(|(l, _)| l)).any(|&l| f.d.label_drgs(l).contains(&drg));
        if hit && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The best surgical DRG of an MDC by the surgical hierarchy, if an O.R. procedure makes one.
fn surgical(f: &Features, mdc: u8) -> Option<u16> {
    let mut best: Option<(u16, u16)> = None;
    let mut seen: [u16; 32] = [0; 32];
    let mut n = 0;
    for l in f.pr_labels.iter() {
        let drgs = f.d.label_drgs(l);
        let Some(&first) = drgs.first() else { continue };
        let Some(info) = f.d.drg(first) else { continue };
        if !info.surgical || info.mdc != mdc || seen[..n].contains(&first) {
            continue;
        }
        if n < seen.len() {
            seen[n] = first;
            n += 1;
        }
        if let Some(drg) = family_drg(first, f) {
            let r = rank(f, drg);
            if best.is_none_or(|(br, _)| r < br) {
                best = Some((r, drg));
            }
        }
    }
    // Surgical DRGs open to any O.R. procedure (876, 939–941, 969–970) and those the modules find without a label.
    if let Some(drg) = any_or_surgical(f, mdc) {
        let r = rank(f, drg);
        if best.is_none_or(|(br, _)| r < br) {
            best = Some((r, drg));
        }
    }
    best.map(|(_, d)| d)
}

/// Surgical DRGs whose formula is not a list of procedures of their own (any O.R. procedure with a principal
/// diagnosis of the MDC, for example), from the MDC modules.
fn any_or_surgical(f: &Features, mdc: u8) -> Option<u16> {
    match mdc {
        1..=11 => None,
        12..=17 => mdc12_17::surgical_without_list(f),
        _ => mdc18_25::surgical_without_list(f),
    }
}

/// The medical DRG of an MDC: procedure-driven medical families first (ventilation, rehabilitation…), then the
/// principal diagnosis's family.
fn medical(f: &Features, mdc: u8) -> Option<u16> {
    let first = match mdc {
        1..=11 => None,
        12..=17 => mdc12_17::medical_first(f),
        _ => mdc18_25::medical_first(f),
    };
    if first.is_some() {
        return first;
    }
    let mut firsts: Vec<u16> = vec![];
    for l in f.pr_labels.iter().chain(f.pdx_labels.iter()).chain(f.sdx_labels.iter()) {
        let Some(&first) = f.d.label_drgs(l).first() else { continue };
        let Some(info) = f.d.drg(first) else { continue };
        if info.medical && info.mdc == mdc && !firsts.contains(&first) {
            firsts.push(first);
        }
    }
    firsts.sort_unstable_by_key(|&d| (medical_order(d), d));
    firsts.into_iter().find_map(|first| family_drg(first, f))
}

/// Medical families evaluated before the principal diagnosis's own family (lower first).
fn medical_order(first: u16) -> u8 {
    match first {
        // Respiratory system diagnosis with ventilator support >96 hours / ≤96 hours.
        207 => 0,
        // Septicemia with mechanical ventilation >96 hours.
        870 => 0,
        // Alcohol/drug abuse with rehabilitation therapy; left against medical advice.
        894 | 895 => 0,
        // Rehabilitation.
        945 => 0,
        _ => 1,
    }
}

/// The unrelated O.R. DRGs: an O.R. procedure none of whose DRGs is in the MDC.
fn unrelated(f: &Features, mdc: u8) -> Option<(u16, Vec<usize>)> {
    let d = f.d;
    let mut procs = vec![];
    let mut extensive = false;
    for &(i, or) in &f.or {
        let counts = match mdc {
            1..=11 => true,
            12..=17 => mdc12_17::or_counts(f, i),
            _ => mdc18_25::or_counts(f, i),
        };
        if !counts {
            continue;
        }
        let related = or.drgs.iter().any(|&x| d.drg(x).is_some_and(|info| info.mdc == mdc));
        if !related {
            procs.push(i);
            extensive |= or.extensive;
        }
    }
    if procs.is_empty() {
        return None;
    }
    let drgs: &[u16] = if extensive { &[981, 982, 983] } else { &[987, 988, 989] };
    Some((split(f, drgs), procs))
}

/// Groups a claim: the choice and the MDC.
pub fn group(f: &mut Features) -> (Choice, u8) {
    if let Some(drg) = pre::pre_mdc(f) {
        f.mdc = 0;
        let family = family_first(f, drg);
        let mdc = principal_mdc(f);
        return (Choice { drg, family, procedures: procedures_of(f, drg), by_severity: splits(f.d.label_drgs_of(family).unwrap_or(&[])) }, mdc);
    }
    let mut mdc = principal_mdc(f);
    if mdc18_25::is_multiple_trauma(f) {
        mdc = 24;
    } else if mdc18_25::is_hiv(f) {
        mdc = 25;
    } else if mdc06_11::kidney_transplant(f) {
        // A kidney transplant takes the claim to MDC 11 whatever the principal diagnosis.
        mdc = 11;
    }
    f.enter_mdc(mdc);
    if let Some(drg) = surgical(f, mdc) {
        let family = family_first(f, drg);
        return (Choice { drg, family, procedures: procedures_of(f, drg), by_severity: splits(f.d.label_drgs_of(family).unwrap_or(&[])) }, mdc);
    }
    if let Some((drg, procedures)) = unrelated(f, mdc) {
        return (Choice { drg, family: drg - (drg - 981) % 3, procedures, by_severity: true }, mdc);
    }
    if let Some(drg) = medical(f, mdc) {
        let family = family_first(f, drg);
        return (Choice { drg, family, procedures: vec![], by_severity: splits(f.d.label_drgs_of(family).unwrap_or(&[])) }, mdc);
    }
    // No formula of the MDC takes the principal diagnosis.
    (Choice { drg: 999, family: 999, procedures: vec![], by_severity: false }, mdc)
}

/// The first DRG of the family a DRG belongs to (by its labels; the DRG itself if none names it).
fn family_first(f: &Features, drg: u16) -> u16 {
    f.d.family_of(drg).unwrap_or(drg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_give_the_severity_each_drg_needs() {
        assert_eq!(needs(291), Needs::Mcc);
        assert_eq!(needs(292), Needs::CcOrMcc);
        assert_eq!(needs(293), Needs::Nothing);
        assert_eq!(split_at(Some(Level::Cc), &[291, 292, 293]), 292);
        assert_eq!(split_at(None, &[291, 292, 293]), 293);
        assert_eq!(split_at(Some(Level::Mcc), &[291, 292, 293]), 291);
        // 469/470: "with MCC or Total Ankle Replacement" and "without MCC".
        assert_eq!(split_at(Some(Level::Cc), &[469, 470]), 470);
    }

    /// Every label a formula names is carried by some code of the definitions (no typo silently never matches).
    #[test]
    fn every_label_named_in_the_logic_exists() {
        let d = builtin();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/logic");
        let mut missing = vec![];
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for part in text.split("lbl!(\"").skip(1) {
                let name = &part[..part.find("\")").unwrap()];
                if name != "$s" && d.label(name).is_none() {
                    missing.push(name.to_string());
                }
            }
        }
        assert!(missing.is_empty(), "labels not in the definitions: {missing:?}");
    }
}
