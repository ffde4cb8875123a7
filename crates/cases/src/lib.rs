//! The case library: practice records (an encounter and its documents) with gold coding, evidence and rationale.
//!
//! A pack of cases is versioned JSON ([`model::Pack`]); [`check::check_pack`] says what is wrong with one before it
//! is published or imported; [`phi`] refuses records that carry protected health information. No I/O here: the
//! binary reads and writes the files.

/// The record model and the pack format.
pub mod model;
/// Checks of a pack against the code book and the coding conventions.
pub mod check;
/// The protected-health-information guard: finds HIPAA Safe Harbor identifiers in text.
pub mod phi;
/// The built-in library that ships with the binary.
pub mod library;
/// The seeded generator that writes the built-in library from a clinical knowledge base.
pub mod generate;
/// Reading cases written by instructors: pack, plain text plus gold, FHIR R4 Bundles, behind the PHI guard.
pub mod import;
/// How much text two cases share (the library's variety measure).
pub mod overlap;
/// Which CMS-HCC categories a diagnosis maps to (V24, V28), from the CMS table.
pub mod hcc_map;

pub use check::{check_case, check_pack, Problem};
pub use model::{Case, Pack, Track, PACK_FORMAT};
