//! Integration tests of the hcc crate.

mod oracle;

/// Agreement with the reference model (hccinfhir 0.4.0) on a seeded sample.
mod agreement;

/// Properties: sums, hierarchies, comparisons, arbitrary input.
mod properties;
