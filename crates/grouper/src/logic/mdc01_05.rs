//! Formulas of MDCs 1 to 5 that say more than "a code of the family's list".

#[allow(unused_imports)]
use super::{split, split_at, Special};
use crate::defs::Level;
use crate::engine::Features;
#[allow(unused_imports)]
use crate::lbl;

/// Whether the principal diagnosis is on one of the family's principal-diagnosis lists (a medical family is reached
/// through its principal diagnosis; its secondary-diagnosis lists only add to that).
fn pdx_in(f: &Features, first: u16) -> bool {
    f.pdx.labels.iter().any(|&l| {
        let name = f.d.label_name(l);
        f.d.label_drgs(l).first() == Some(&first) && (!name.ends_with("SDX") || name.ends_with("PDX OR SDX"))
    })
}

/// The DRG by severity where the middle DRG also takes a condition without CC ("with CC or …").
fn split_or(f: &Features, drgs: [u16; 3], middle_anyway: bool) -> u16 {
    match f.level_for(drgs[0]) {
        Some(Level::Mcc) => drgs[0],
        Some(Level::Cc) => drgs[1],
        None if middle_anyway => drgs[1],
        None => drgs[2],
    }
}

/// The DRG of a family whose formula is special, `Special::Generic` otherwise.
pub fn special(first: u16, f: &Features) -> Special {
    let yes = |c: bool| if c { Special::Generic } else { Special::No };
    match first {
        // 020–022 Intracranial vascular procedure with a principal diagnosis of hemorrhage.
        20 => yes(f.pr(lbl!("020&021&022|INTRACRANIAL VASCULAR PROCEDURE ORPCS")) && f.pdx(lbl!("020&021&022|HEMORRHAGE PDX"))),
        // 023–024 Craniotomy with a major device implant or an acute complex CNS principal diagnosis (023 with MCC),
        // or an antineoplastic implant (the non-O.R. ones with a craniotomy), or epilepsy with a neurostimulator (023).
        23 => {
            let cranio = f.pr(lbl!("023&024|CRANIOTOMY ORPCS"));
            let c1 = cranio && (f.pr(lbl!("023&024|MAJOR DEVICE IMPLANT")) || f.pdx(lbl!("023&024|ACUTE COMPLEX CNS PDX")));
            let chemo = f.pr(lbl!("023&024|ANTINEOPLASTIC IMPLANT ORPCS")) || (cranio && f.pr(lbl!("023&024|NON-ORPCS")));
            let epilepsy = f.pdx(lbl!("023&024|EPILEPSY PDX")) && f.pr(lbl!("023&024|NEUROSTIMULATOR"));
            if chemo || epilepsy || (c1 && f.level_for(23) == Some(Level::Mcc)) {
                Special::Drg(23)
            } else if c1 {
                Special::Drg(24)
            } else {
                Special::No
            }
        }
        // 028–030 Spinal procedures; 029 also takes a spinal neurostimulator without CC/MCC.
        28 => {
            if !f.pr(lbl!("028&029&030|SPINAL PROCEDURE ORPCS")) && !f.pr(lbl!("028&029&030|SPINAL NEUROSTIMULATORS")) {
                return Special::No;
            }
            Special::Drg(split_or(f, [28, 29, 30], f.pr(lbl!("028&029&030|SPINAL NEUROSTIMULATORS"))))
        }
        // 040–042 Peripheral, cranial nerve and other nervous system procedures; 041 also takes a peripheral
        // neurostimulator without CC/MCC.
        40 => {
            let neuro = f.pr(lbl!("040&041&042|PERIPHERAL NEUROSTIMULATORS"));
            let any = neuro
                || f.pr(lbl!("040&041&042|PERIPHERAL / CRANIAL NERVE & OTHER NERVOUS SYSTEM PROCEDURE ORPCS"))
                || f.pr(lbl!("040&041&042|NON-ORPCS"))
                || f.pr(lbl!("040&041&042|NON-ORPCS*"));
            if !any {
                return Special::No;
            }
            Special::Drg(split_or(f, [40, 41, 42], neuro))
        }
        // 061–063 Ischemic stroke, precerebral occlusion or transient ischemia with a thrombolytic agent.
        61 => yes(f.pdx(lbl!("061&062&063|PDX")) && f.pr(lbl!("061&062&063|NON-ORPCS"))),
        // 064–066 Intracranial hemorrhage or cerebral infarction; 065 also takes tPA within 24 hours without CC/MCC.
        64 => {
            if !f.pdx(lbl!("064&065&066|PDX")) {
                return Special::No;
            }
            Special::Drg(split_or(f, [64, 65, 66], f.sdx(lbl!("064&065&066|TPA WITHIN 24 HOURS SDX"))))
        }
        // 082–084 Traumatic stupor and coma >1 hour: the principal diagnosis, or a principal diagnosis of the second
        // list with a secondary diagnosis of coma >1 hour.
        82 => yes(f.pdx(lbl!("082&083&084|PDX")) || (f.pdx(lbl!("082&083&084|OR PDX")) && f.sdx(lbl!("082&083&084|AND SDX")))),
        _ => {
            let medical = f.d.drg(first).is_some_and(|i| i.medical);
            yes(!medical || pdx_in(f, first))
        }
    }
}

/// A surgical DRG of the claim's MDC that no procedure list names (any O.R. procedure, for example).
pub fn surgical_without_list(f: &Features) -> Option<u16> {
    let _ = f;
    None
}

/// A medical DRG decided before the principal diagnosis's own family (ventilation, discharge status…).
pub fn medical_first(f: &Features) -> Option<u16> {
    let _ = f;
    None
}

/// Whether the O.R. procedure at `index` of the claim counts toward the unrelated O.R. DRGs (981–989) in the
/// claim's MDC.
pub fn or_counts(f: &Features, index: usize) -> bool {
    let _ = (f, index);
    true
}
