//! The code sets a coder works with, as typed values: ICD-10-CM (diagnoses), ICD-10-PCS (inpatient procedures),
//! HCPCS Level II and CPT numbers (outpatient and professional services).
//!
//! This crate knows the *rules of the code sets* (hierarchy, tabular notes and their inheritance, 7th characters
//! and the placeholder X, PCS tables) and nothing about files, databases or HTTP: the `importer` crate turns the
//! official release files into these values, and the `codebook` crate stores them.
//!
//! ```
//! use codeset::{CodeBook, CodeSystem};
//! let book = CodeBook::default();                       // empty; the real one comes from `codebook`
//! let v = book.validate("E11.22", None);
//! assert!(!v.valid);                                    // an empty book knows no codes...
//! assert_eq!(v.system, Some(CodeSystem::Icd10Cm));      // ...but still knows what the input looks like
//! ```

/// Which code set a code belongs to, and the shape of each set's codes.
pub mod system;
/// Raw user input made into a normalised code string, with errors a coder can act on.
pub mod input;
/// ICD-10-CM: chapters, blocks, categories, codes, tabular notes, 7th characters.
pub mod icd10cm;
/// ICD-10-PCS: codes, tables rebuilt from the codes, axis meanings.
pub mod pcs;
/// HCPCS Level II codes and modifiers.
pub mod hcpcs;
/// CPT numbers, with descriptors only when a licensed file has been imported.
pub mod cpt;
/// Validation of a code as reported on a claim: valid, header, 7th character, PCS table, unknown.
pub mod validate;
/// The code book: every code set together, with lookup across sets.
pub mod book;
/// Excludes1 pairs, code-first and use-additional relations, manifestation codes.
pub mod relations;
/// Packing short codes into integers for fast lookup.
mod key;

pub use book::{CodeBook, Entry, IndexTerm, NoteView, PathStep};
pub use icd10cm::{IcdCm, IcdCmBuilder, CmLevel, NoteKind, SevenChrDef};
pub use input::InputError;
pub use pcs::{Pcs, PcsTable, PcsRow};
pub use hcpcs::Hcpcs;
pub use cpt::Cpt;
pub use system::CodeSystem;
pub use validate::Validation;
