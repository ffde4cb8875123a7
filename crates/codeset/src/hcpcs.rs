//! HCPCS Level II: a letter and four digits (J1885), and two-character modifiers (LT, RT, XS, QK…).
//! Public domain, published by CMS as a fixed-width file that `importer::hcpcs` reads.

use crate::key::pack;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A HCPCS Level II code or modifier with its descriptions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct HcpcsEntry {
    pub code: String,
    pub long: String,
    pub short: String,
}

/// The HCPCS Level II codes and modifiers that are loaded.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Hcpcs {
    /// Which file the codes come from, e.g. "built-in subset" or the imported file's name.
    pub release: String,
    codes: Vec<HcpcsEntry>,
    modifiers: Vec<HcpcsEntry>,
    #[serde(skip)]
    by_code: FxHashMap<u64, u32>,
    #[serde(skip)]
    by_modifier: FxHashMap<u64, u32>,
}

impl Hcpcs {
    pub fn new(release: impl Into<String>, mut codes: Vec<HcpcsEntry>, mut modifiers: Vec<HcpcsEntry>) -> Hcpcs {
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes.dedup_by(|a, b| a.code == b.code);
        modifiers.sort_by(|a, b| a.code.cmp(&b.code));
        modifiers.dedup_by(|a, b| a.code == b.code);
        let mut h = Hcpcs { release: release.into(), codes, modifiers, ..Default::default() };
        h.reindex();
        h
    }

    pub fn reindex(&mut self) {
        self.by_code = self.codes.iter().enumerate().filter_map(|(i, e)| Some((pack(e.code.as_bytes())?, i as u32))).collect();
        self.by_modifier = self.modifiers.iter().enumerate().filter_map(|(i, e)| Some((pack(e.code.as_bytes())?, i as u32))).collect();
    }

    pub fn codes(&self) -> &[HcpcsEntry] {
        &self.codes
    }
    pub fn modifiers(&self) -> &[HcpcsEntry] {
        &self.modifiers
    }

    #[inline]
    pub fn entry(&self, key: &str) -> Option<&HcpcsEntry> {
        self.by_code.get(&pack(key.as_bytes())?).map(|&i| &self.codes[i as usize])
    }

    pub fn modifier(&self, key: &str) -> Option<&HcpcsEntry> {
        self.by_modifier.get(&pack(key.as_bytes())?).map(|&i| &self.modifiers[i as usize])
    }

    /// Replaces or adds codes and modifiers from another file (an import over the built-in subset).
    pub fn merge(&mut self, other: Hcpcs) {
        let mut codes = std::mem::take(&mut self.codes);
        let mut mods = std::mem::take(&mut self.modifiers);
        let keep = |list: &mut Vec<HcpcsEntry>, new: &[HcpcsEntry]| {
            list.retain(|e| !new.iter().any(|n| n.code == e.code));
        };
        keep(&mut codes, &other.codes);
        keep(&mut mods, &other.modifiers);
        codes.extend(other.codes);
        mods.extend(other.modifiers);
        *self = Hcpcs::new(format!("{}; {}", self.release, other.release), codes, mods);
    }
}
