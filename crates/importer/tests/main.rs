//! The importer's integration tests: one binary, one module per reader tested on files.

/// NCCI PTP edits and MUEs, read from synthetic files in both layouts.
mod ncci;
