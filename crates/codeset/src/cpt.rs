//! CPT: the AMA owns the descriptors, so Codefellow ships none. A CPT number is checked by shape (five digits;
//! four digits and F, T or U), and described only when a user has imported a licensed CPT file.

use crate::key::pack;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// CPT descriptors from a licensed file the user imported; empty in the built-in code book.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Cpt {
    /// Which file they come from; empty when none is imported.
    pub release: String,
    codes: Vec<(String, String)>,
    #[serde(skip)]
    by_code: FxHashMap<u64, u32>,
}

impl Cpt {
    pub fn new(release: impl Into<String>, mut codes: Vec<(String, String)>) -> Cpt {
        codes.sort();
        codes.dedup_by(|a, b| a.0 == b.0);
        let mut c = Cpt { release: release.into(), codes, ..Default::default() };
        c.reindex();
        c
    }

    pub fn reindex(&mut self) {
        self.by_code = self.codes.iter().enumerate().filter_map(|(i, e)| Some((pack(e.0.as_bytes())?, i as u32))).collect();
    }

    /// Whether a licensed file has been imported.
    pub fn is_loaded(&self) -> bool {
        !self.codes.is_empty()
    }

    pub fn codes(&self) -> &[(String, String)] {
        &self.codes
    }

    pub fn descriptor(&self, key: &str) -> Option<&str> {
        self.by_code.get(&pack(key.as_bytes())?).map(|&i| self.codes[i as usize].1.as_str())
    }
}

/// The CPT category a number belongs to, by its last character.
pub fn category(key: &str) -> &'static str {
    match key.as_bytes().last() {
        Some(b'F') => "Category II (performance measurement)",
        Some(b'T') => "Category III (emerging technology)",
        Some(b'U') => "Proprietary Laboratory Analyses",
        _ => "Category I",
    }
}
