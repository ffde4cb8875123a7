//! Formulas of MDCs 1 to 5 that say more than "a code of the family's list".

#[allow(unused_imports)]
use super::{split, split_at, Special};
use crate::engine::Features;
#[allow(unused_imports)]
use crate::lbl;

/// The DRG of a family whose formula is special, `Special::Generic` otherwise.
pub fn special(first: u16, f: &Features) -> Special {
    let _ = f;
    match first {
        _ => Special::Generic,
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
