//! The MS-DRG grouper, version 43.1 (FY2026, effective April 1, 2026), and the Medicare Code Editor.
//!
//! The tables come from the CMS definitions (`data/raw/msdrg/v431/`, see `defs`); the formulas that turn them into a
//! DRG are written out in `logic`. `Grouper::group` takes a `Claim` and returns a `Grouping`: the DRG with its title,
//! relative weight and lengths of stay, and what every code did. `Mce::edit` runs the Medicare Code Editor on the
//! same claim; `Grouper::compare` groups two codings of one encounter and explains the difference.

pub mod claim;
pub mod code;
pub mod compare;
pub mod defs;
pub mod engine;
pub mod logic;
pub mod mce;
pub mod sample;

pub use claim::{Claim, ClaimError, Diagnosis, Poa, Sex};
pub use code::Key;
pub use compare::{Change, CodeChange, Comparison};
pub use engine::{CodeOutcome, Exclusion, Grouper, Grouping};
pub use mce::{CodeEdit, Edit, Mce, Position};
