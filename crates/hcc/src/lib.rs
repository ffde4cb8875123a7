//! The CMS-HCC risk adjustment model, versions V24 and V28, payment year 2026 (and V28 with the factors proposed for
//! 2027), from the CMS tables in `data/raw/hcc/`.
//!
//! ```
//! use hcc::{Beneficiary, Model, PaymentYear, Version};
//! let model = Model::builtin(Version::V28, PaymentYear::Py2026).unwrap();
//! let b = Beneficiary::from_json(r#"{"id":"1","age":72,"sex":"F","dual":"00","orec":"0","institutional":false,"dx":["E1169","I5030"]}"#).unwrap();
//! let score = model.score(&b).unwrap();
//! assert_eq!(score.hcc_numbers(), [37, 226]);
//! assert!(score.raw_score > score.demographic_score);
//! ```
//!
//! `Model::score` gives the HCCs with the diagnoses behind each, the HCCs dropped (and by which HCC), the edits that
//! fired, every factor applied and the raw, normalised and payment scores. `meat` scores only the diagnoses the
//! documentation supports; `compare` explains the difference between two codings of one person; `sample` draws
//! seeded beneficiaries for the agreement tests against the reference (hccinfhir).

/// Diagnosis codes as packed integers.
pub mod code;
/// The embedded CMS tables, read once.
pub mod tables;
/// Beneficiary records and their per-record errors.
pub mod beneficiary;
/// The model: mapping, edits, hierarchies, segments, factors, scores.
pub mod model;
/// Scoring only what the documentation supports (MEAT).
pub mod meat;
/// Two codings of one person, the difference explained.
pub mod compare;
/// Seeded random beneficiaries for the agreement tests and benchmarks.
pub mod sample;

pub use beneficiary::{Beneficiary, BeneficiaryError, Dual, DualKind, Orec, Sex};
pub use code::Code;
pub use compare::{Change, Comparison};
pub use meat::{Meat, MeatScore, Supported};
pub use model::{Adjustments, Applied, Dropped, EditAction, HccHit, Model, ModelError, Part, PaymentYear, Score, Segment, Version};
