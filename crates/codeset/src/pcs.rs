//! ICD-10-PCS: seven characters, each an axis. A code is valid only if one row of its table (picked by the
//! first three characters) allows all of characters 4–7, so validation can say which character broke which table.
//!
//! When no official tables file is loaded, the tables are rebuilt from the list of valid codes
//! ([`rows_from_codes`]): for each body part, its (approach, device, qualifier) combinations are factored into
//! rows of the form approaches × devices × qualifiers, and body parts with the same rows are merged, which is how
//! the official tables are laid out.

use crate::key::pack;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The characters that may appear in a PCS code: digits and letters except I and O.
pub const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// One valid code and its title.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PcsEntry {
    pub code: String,
    pub title: String,
    /// The title was composed from the axis labels because the source list had none.
    pub composed: bool,
}

/// One row of a table: the characters allowed at positions 4–7 together.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub struct PcsRow {
    pub body_parts: String,
    pub approaches: String,
    pub devices: String,
    pub qualifiers: String,
}

impl PcsRow {
    /// The allowed characters at a position (4–7).
    pub fn allowed(&self, pos: usize) -> &str {
        match pos {
            4 => &self.body_parts,
            5 => &self.approaches,
            6 => &self.devices,
            _ => &self.qualifiers,
        }
    }

    pub fn allows(&self, code: &[u8]) -> bool {
        (4..=7).all(|p| self.allowed(p).as_bytes().contains(&code[p - 1]))
    }

    /// How many codes the row makes.
    pub fn size(&self) -> usize {
        self.body_parts.len() * self.approaches.len() * self.devices.len() * self.qualifiers.len()
    }
}

/// A table: the first three characters (section, body system, root operation or type) and its rows.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub struct PcsTable {
    pub prefix: String,
    pub rows: Vec<PcsRow>,
    /// (position 1–7, character, meaning) for every character used in the table.
    pub labels: Vec<(u8, char, String)>,
}

impl PcsTable {
    pub fn label(&self, pos: u8, c: char) -> Option<&str> {
        self.labels.iter().find(|(p, v, _)| *p == pos && *v == c).map(|(_, _, l)| l.as_str())
    }

    /// Every code the rows make, sorted.
    pub fn codes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.rows {
            for b in r.body_parts.chars() {
                for a in r.approaches.chars() {
                    for d in r.devices.chars() {
                        for q in r.qualifiers.chars() {
                            out.push(format!("{}{b}{a}{d}{q}", self.prefix));
                        }
                    }
                }
            }
        }
        out.sort();
        out
    }
}

/// A definition from the PCS reference: a root operation or an approach.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Definition {
    /// "operation" or "approach".
    pub kind: String,
    pub section: char,
    pub value: char,
    pub name: String,
    pub definition: String,
    pub explanation: String,
    pub examples: String,
}

/// What is wrong with a 7-character string as a PCS code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PcsProblem {
    /// No table has these first three characters.
    NoTable { prefix: String, nearby: Vec<String> },
    /// Character `pos` is not allowed in the table given the characters before it.
    BadCharacter { pos: usize, found: char, allowed: Vec<char> },
}

/// The ICD-10-PCS code set of one release.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Pcs {
    pub release: String,
    codes: Vec<PcsEntry>,
    tables: Vec<PcsTable>,
    pub definitions: Vec<Definition>,
    #[serde(skip)]
    by_code: FxHashMap<u64, u32>,
    #[serde(skip)]
    by_prefix: FxHashMap<u64, u32>,
}

/// The name of each axis (positions 1–7) in a section, as the PCS reference names them.
pub fn axis_names(section: char) -> [&'static str; 7] {
    let (b, c, d, e, f, g) = match section {
        '0' | '1' => ("Body System", "Operation", "Body Part", "Approach", "Device", "Qualifier"),
        '2' => ("Body System", "Operation", "Body Region", "Approach", "Device", "Qualifier"),
        '3' => ("Body System", "Operation", "Body System / Region", "Approach", "Substance", "Qualifier"),
        '4' => ("Body System", "Operation", "Body System", "Approach", "Function / Device", "Qualifier"),
        '5' => ("Body System", "Operation", "Body System", "Duration", "Function", "Qualifier"),
        '6' => ("Body System", "Operation", "Body System", "Duration", "Qualifier", "Qualifier"),
        '7' | '8' | '9' => ("Body System", "Operation", "Body Region", "Approach", "Method", "Qualifier"),
        'B' => ("Body System", "Type", "Body Part", "Contrast", "Qualifier", "Qualifier"),
        'C' => ("Body System", "Type", "Body Part", "Radionuclide", "Qualifier", "Qualifier"),
        'D' => ("Body System", "Modality", "Treatment Site", "Modality Qualifier", "Isotope", "Qualifier"),
        'F' => ("Section Qualifier", "Type", "Body System / Region", "Type Qualifier", "Equipment", "Qualifier"),
        'G' | 'H' => ("Body System", "Type", "Qualifier", "Qualifier", "Qualifier", "Qualifier"),
        'X' => ("Body System", "Operation", "Body Part", "Approach", "Device / Substance / Technology", "Qualifier"),
        _ => ("Body System", "Operation", "Body Part", "Approach", "Device", "Qualifier"),
    };
    ["Section", b, c, d, e, f, g]
}

/// The sections of ICD-10-PCS (character 1).
pub fn section_name(c: char) -> Option<&'static str> {
    Some(match c {
        '0' => "Medical and Surgical",
        '1' => "Obstetrics",
        '2' => "Placement",
        '3' => "Administration",
        '4' => "Measurement and Monitoring",
        '5' => "Extracorporeal or Systemic Assistance and Performance",
        '6' => "Extracorporeal or Systemic Therapies",
        '7' => "Osteopathic",
        '8' => "Other Procedures",
        '9' => "Chiropractic",
        'B' => "Imaging",
        'C' => "Nuclear Medicine",
        'D' => "Radiation Therapy",
        'F' => "Physical Rehabilitation and Diagnostic Audiology",
        'G' => "Mental Health",
        'H' => "Substance Abuse Treatment",
        'X' => "New Technology",
        _ => return None,
    })
}

impl Pcs {
    /// Builds the code set from its codes (any order, 7 characters each) and tables.
    pub fn new(release: impl Into<String>, mut codes: Vec<PcsEntry>, mut tables: Vec<PcsTable>, definitions: Vec<Definition>) -> Pcs {
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes.dedup_by(|a, b| a.code == b.code);
        tables.sort_by(|a, b| a.prefix.cmp(&b.prefix));
        let mut p = Pcs { release: release.into(), codes, tables, definitions, ..Default::default() };
        p.reindex();
        p
    }

    /// Rebuilds the lookup maps; called after deserialising.
    pub fn reindex(&mut self) {
        self.by_code = self.codes.iter().enumerate().filter_map(|(i, e)| Some((pack(e.code.as_bytes())?, i as u32))).collect();
        self.by_prefix = self.tables.iter().enumerate().filter_map(|(i, t)| Some((pack(t.prefix.as_bytes())?, i as u32))).collect();
    }

    pub fn codes(&self) -> &[PcsEntry] {
        &self.codes
    }
    pub fn tables(&self) -> &[PcsTable] {
        &self.tables
    }
    pub fn len(&self) -> usize {
        self.codes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// A valid code by its normalised key.
    #[inline]
    pub fn entry(&self, key: &str) -> Option<&PcsEntry> {
        if key.len() != 7 {
            return None;
        }
        self.by_code.get(&pack(key.as_bytes())?).map(|&i| &self.codes[i as usize])
    }

    pub fn table(&self, prefix: &str) -> Option<&PcsTable> {
        self.by_prefix.get(&pack(prefix.as_bytes())?).map(|&i| &self.tables[i as usize])
    }

    /// Tables whose prefix starts with `start` ("0D" → every table of the gastrointestinal system).
    pub fn tables_under<'a>(&'a self, start: &'a str) -> impl Iterator<Item = &'a PcsTable> + 'a {
        let lo = self.tables.partition_point(|t| t.prefix.as_str() < start);
        self.tables[lo..].iter().take_while(move |t| t.prefix.starts_with(start))
    }

    /// The meaning of character `pos` (1–7) of a code, from its table's labels.
    pub fn label(&self, key: &str, pos: u8) -> Option<&str> {
        let t = self.table(key.get(..3)?)?;
        t.label(pos, *key.as_bytes().get(pos as usize - 1)? as char)
    }

    /// Says why a 7-character string is not a valid code: the first character, left to right, that no row of the
    /// table allows given the characters before it.
    pub fn diagnose(&self, key: &str) -> Option<PcsProblem> {
        if self.entry(key).is_some() {
            return None;
        }
        let b = key.as_bytes();
        let prefix = &key[..3.min(key.len())];
        let Some(table) = self.table(prefix) else {
            let near = self.tables_under(&key[..2.min(key.len())]).map(|t| t.prefix.clone()).take(12).collect();
            return Some(PcsProblem::NoTable { prefix: prefix.to_string(), nearby: near });
        };
        let mut rows: Vec<&PcsRow> = table.rows.iter().collect();
        for pos in 4..=7 {
            let allowed: Vec<char> = {
                let mut set: Vec<char> = rows.iter().flat_map(|r| r.allowed(pos).chars()).collect();
                set.sort_unstable();
                set.dedup();
                set
            };
            let c = b[pos - 1];
            rows.retain(|r| r.allowed(pos).as_bytes().contains(&c));
            if rows.is_empty() {
                return Some(PcsProblem::BadCharacter { pos, found: c as char, allowed });
            }
        }
        // Every character is allowed by some row, yet the code is not in the list: the rows were rebuilt from an
        // incomplete list, or the tables file and the code list disagree. Report the last character.
        Some(PcsProblem::BadCharacter { pos: 7, found: b[6] as char, allowed: vec![] })
    }
}

/// Rebuilds a table's rows from its valid codes (all sharing the first three characters).
pub fn rows_from_codes(codes: &[&[u8]]) -> Vec<PcsRow> {
    // body part -> approach -> device -> set of qualifiers
    let mut tree: BTreeMap<u8, BTreeMap<u8, BTreeMap<u8, Vec<u8>>>> = BTreeMap::new();
    for c in codes {
        tree.entry(c[3]).or_default().entry(c[4]).or_default().entry(c[5]).or_default().push(c[6]);
    }
    // Per body part: group devices with the same qualifiers, then approaches with the same (devices × qualifiers).
    // A row here is (approaches, devices, qualifiers); body parts with the same rows share them.
    type Rows = Vec<(String, String, String)>;
    let mut by_shape: Vec<(Rows, String)> = Vec::new();
    for (bp, approaches) in tree {
        let mut shapes: Vec<(Vec<(String, String)>, String)> = Vec::new();
        for (ap, devices) in approaches {
            let mut dq: Vec<(String, String)> = Vec::new();
            for (dv, mut qs) in devices {
                qs.sort_unstable();
                qs.dedup();
                let q = String::from_utf8(qs).unwrap_or_default();
                match dq.iter_mut().find(|(_, qq)| *qq == q) {
                    Some((d, _)) => d.push(dv as char),
                    None => dq.push(((dv as char).to_string(), q)),
                }
            }
            match shapes.iter_mut().find(|(s, _)| *s == dq) {
                Some((_, a)) => a.push(ap as char),
                None => shapes.push((dq, (ap as char).to_string())),
            }
        }
        let mut rows: Vec<(String, String, String)> = Vec::new();
        for (dq, a) in shapes {
            for (d, q) in dq {
                rows.push((a.clone(), d, q));
            }
        }
        match by_shape.iter_mut().find(|(r, _)| *r == rows) {
            Some((_, b)) => b.push(bp as char),
            None => by_shape.push((rows, (bp as char).to_string())),
        }
    }
    let mut out = Vec::new();
    for (rows, bps) in by_shape {
        for (a, d, q) in rows {
            out.push(PcsRow { body_parts: bps.clone(), approaches: a, devices: d, qualifiers: q });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<Vec<u8>> {
        list.iter().map(|s| s.as_bytes().to_vec()).collect()
    }

    #[test]
    fn rows_rebuilt_from_codes_make_exactly_those_codes() {
        let list = codes(&["0DTJ0ZZ", "0DTJ4ZZ", "0DTJ7ZZ", "0DTJ8ZZ", "0DTK0ZZ", "0DTK4ZZ", "0DTK7ZZ", "0DTK8ZZ", "0DT90ZZ", "0DT94ZZ"]);
        let refs: Vec<&[u8]> = list.iter().map(|c| c.as_slice()).collect();
        let rows = rows_from_codes(&refs);
        assert_eq!(rows.len(), 2, "J and K share a row; 9 has its own: {rows:?}");
        let t = PcsTable { prefix: "0DT".into(), rows, labels: vec![] };
        let mut expect: Vec<String> = list.iter().map(|c| String::from_utf8(c.clone()).unwrap()).collect();
        expect.sort();
        assert_eq!(t.codes(), expect);
    }

    #[test]
    fn a_bad_character_is_named_with_what_the_table_allows() {
        let list = codes(&["0DTJ0ZZ", "0DTJ4ZZ", "0DTJ7ZZ", "0DTJ8ZZ"]);
        let refs: Vec<&[u8]> = list.iter().map(|c| c.as_slice()).collect();
        let t = PcsTable { prefix: "0DT".into(), rows: rows_from_codes(&refs), labels: vec![] };
        let entries = list.iter().map(|c| PcsEntry { code: String::from_utf8(c.clone()).unwrap(), title: String::new(), composed: false }).collect();
        let pcs = Pcs::new("t", entries, vec![t], vec![]);
        assert_eq!(pcs.diagnose("0DTJ4ZZ"), None);
        assert_eq!(pcs.diagnose("0DTJ4ZX"), Some(PcsProblem::BadCharacter { pos: 7, found: 'X', allowed: vec!['Z'] }));
        assert_eq!(pcs.diagnose("0DTJ3ZZ"), Some(PcsProblem::BadCharacter { pos: 5, found: '3', allowed: vec!['0', '4', '7', '8'] }));
        assert!(matches!(pcs.diagnose("0DZJ4ZZ"), Some(PcsProblem::NoTable { .. })));
    }

    #[test]
    fn every_section_has_a_name_and_axis_names() {
        for c in "0123456789BCDFGHX".chars() {
            assert!(section_name(c).is_some());
            assert_eq!(axis_names(c)[0], "Section");
        }
    }
}
