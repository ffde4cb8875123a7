//! (written next)

use super::rng::Rng;
use crate::model::Case;

/// The family's cases.
pub fn cases(_rng: &mut Rng) -> Vec<Case> {
    Vec::new()
}
