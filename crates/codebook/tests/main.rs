//! Tests of the compiled code book on the official data. One binary; each module is one subject.

/// Counts and contents against the official release files.
mod official;
/// Properties over every code: every billable code validates, every header is refused.
mod properties;
/// The bundle format: golden file, damaged bundles.
mod bundle;
/// Search quality on the held-out query set.
mod search_quality;

use std::io::Read;
use std::sync::OnceLock;

/// The embedded library, loaded once for the whole test binary.
pub fn lib() -> &'static codebook::Library {
    static LIB: OnceLock<codebook::Library> = OnceLock::new();
    LIB.get_or_init(|| codebook::Library::embedded().expect("the embedded bundle loads"))
}

/// A gzip file of data/raw, as text.
pub fn raw(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/raw").join(path);
    let mut s = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&p).expect("raw file present")).read_to_string(&mut s).expect("gzip text");
    s
}
