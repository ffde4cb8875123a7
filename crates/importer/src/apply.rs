//! Applying an official file a programme has downloaded to the code book: each function reads the file with its
//! reader, changes the book, and reports what it took and what it could not place.

use crate::{cpt, hcpcs_codeset, index, pcs_tables, tabular};
use codeset::pcs::{rows_from_codes, Pcs, PcsEntry, PcsTable};
use codeset::{CodeBook, Cpt, IndexTerm};
use std::collections::{BTreeMap, HashMap};
use thiserror::Error;

/// What an import did, for the person who ran it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// One line per fact: "8,623 HCPCS Level II codes and 412 modifiers".
    pub lines: Vec<String>,
    /// Entries that could not be placed, with why (first few only).
    pub skipped: Vec<String>,
}

/// Why an import failed. Nothing is changed when it does.
#[derive(Debug, Error)]
pub enum ApplyError {
    #[error(transparent)]
    Tabular(#[from] tabular::TabularError),
    #[error(transparent)]
    Index(#[from] index::IndexError),
    #[error(transparent)]
    PcsTables(#[from] pcs_tables::PcsTablesError),
    #[error(transparent)]
    Hcpcs(#[from] crate::hcpcs::HcpcsError),
    #[error(transparent)]
    Cpt(#[from] cpt::CptError),
    /// The file read, but holds nothing to import.
    #[error("{0}")]
    Empty(String),
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A newer (or other) ICD-10-CM Tabular List replaces the built-in one.
pub fn apply_tabular(book: &mut CodeBook, xml: &str, release: &str) -> Result<Report, ApplyError> {
    let cm = tabular::parse_tabular(xml, release)?;
    let n = cm.billable_codes().count();
    book.icd10cm = cm;
    Ok(Report { lines: vec![format!("ICD-10-CM Tabular List '{release}': {} reportable codes", thousands(n))], skipped: vec![] })
}

/// The official HCPCS Level II file: its codes and modifiers replace or join the built-in subset.
pub fn apply_hcpcs(book: &mut CodeBook, anweb: &str, release: &str) -> Result<Report, ApplyError> {
    let h = hcpcs_codeset(anweb, release)?;
    if h.codes().is_empty() && h.modifiers().is_empty() {
        return Err(ApplyError::Empty("the HCPCS file holds no current (unterminated) codes or modifiers".into()));
    }
    let line = format!("{} HCPCS Level II codes and {} modifiers", thousands(h.codes().len()), thousands(h.modifiers().len()));
    book.hcpcs.merge(h);
    Ok(Report { lines: vec![line], skipped: vec![] })
}

/// A licensed CPT file: descriptors for CPT numbers. Stays in the user's data directory; never shipped.
pub fn apply_cpt(book: &mut CodeBook, text: &str, release: &str) -> Result<Report, ApplyError> {
    let f = cpt::parse_cpt(text)?;
    let n = f.entries.len();
    book.cpt = Cpt::new(release, f.entries.into_iter().map(|e| (e.code, e.descriptor)).collect());
    Ok(Report { lines: vec![format!("{} CPT codes with descriptors", thousands(n))], skipped: vec![] })
}

fn path_text(path: &[index::Term]) -> String {
    path.iter().map(|t| t.display.trim().to_string()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(", ")
}

/// Index codes are printed with a dot and sometimes a trailing dash ("S72.00-": more characters needed).
fn index_code(book: &CodeBook, printed: &str) -> Option<String> {
    let key: String = printed.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase();
    if key.len() < 3 {
        return None;
    }
    book.icd10cm.resolve(&key).map(|_| key)
}

/// The Alphabetic Index or the External Cause Index: each entry that gives a code becomes a search term of it.
pub fn apply_index(book: &mut CodeBook, xml: &str, source: &str) -> Result<Report, ApplyError> {
    let idx = index::parse_index(xml)?;
    let mut terms = Vec::new();
    let mut skipped = Vec::new();
    let mut unknown = 0;
    for e in &idx.entries {
        for c in e.codes.iter().chain(&e.manifestation_codes) {
            match index_code(book, c) {
                Some(code) => terms.push(IndexTerm { term: path_text(&e.path), code, source: source.into() }),
                None => {
                    unknown += 1;
                    if skipped.len() < 10 {
                        skipped.push(format!("{} → {c}: not a code of the loaded ICD-10-CM release", path_text(&e.path)));
                    }
                }
            }
        }
    }
    if terms.is_empty() {
        return Err(ApplyError::Empty(format!("the {source} file holds no entry with a code of the loaded ICD-10-CM release")));
    }
    let n = terms.len();
    book.index_terms.retain(|t| t.source != source);
    book.index_terms.extend(terms);
    let mut lines = vec![format!("{} {source} entries with codes from {} entries in all", thousands(n), thousands(idx.entries.len()))];
    if unknown > 0 {
        lines.push(format!("{} codes not in the loaded release were left out", thousands(unknown)));
    }
    Ok(Report { lines, skipped })
}

/// The Neoplasm Table or the Table of Drugs and Chemicals: each cell with a code becomes a search term made of
/// the row's path and the column heading ("Neoplasm, lung, Malignant Primary" → C34.90).
pub fn apply_table(book: &mut CodeBook, xml: &str, source: &str) -> Result<Report, ApplyError> {
    let t = index::parse_table(xml)?;
    let heads: HashMap<u16, &str> = t.headings.iter().map(|h| (h.col, h.text.as_str())).collect();
    let mut terms = Vec::new();
    let mut skipped = Vec::new();
    for r in &t.rows {
        for cell in &r.cells {
            let Some(c) = &cell.code else { continue };
            let head = heads.get(&cell.col).copied().unwrap_or("");
            match index_code(book, c) {
                Some(code) => terms.push(IndexTerm { term: format!("{}, {head}", path_text(&r.path)), code, source: source.into() }),
                None if skipped.len() < 10 => skipped.push(format!("{} [{head}] → {c}: not a code of the loaded release", path_text(&r.path))),
                None => {}
            }
        }
    }
    if terms.is_empty() {
        return Err(ApplyError::Empty(format!("the {source} table holds no cell with a code of the loaded ICD-10-CM release")));
    }
    let n = terms.len();
    book.index_terms.retain(|x| x.source != source);
    book.index_terms.extend(terms);
    Ok(Report { lines: vec![format!("{} {source} table cells with codes, from {} rows", thousands(n), thousands(t.rows.len()))], skipped })
}

/// The official ICD-10-PCS tables: they define the valid codes. The code set becomes exactly the tables' codes,
/// with the official rows and labels; titles are kept for codes already known and composed for new ones.
pub fn apply_pcs_tables(book: &mut CodeBook, xml: &str, release: &str) -> Result<Report, ApplyError> {
    let tables = pcs_tables::parse_pcs_tables(xml)?;
    let old: HashMap<&str, &PcsEntry> = book.pcs.codes().iter().map(|e| (e.code.as_str(), e)).collect();
    let mut entries = Vec::new();
    let mut out_tables = Vec::new();
    let mut by_prefix: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut labels: BTreeMap<String, Vec<(u8, char, String)>> = BTreeMap::new();
    for t in &tables {
        let prefix = t.prefix();
        let l = labels.entry(prefix.clone()).or_default();
        for (k, ch) in t.prefix.iter().enumerate() {
            push_label(l, k as u8 + 1, ch.value.code, &ch.value.label);
        }
        for row in &t.rows {
            for (k, axis) in row.axes.iter().enumerate() {
                for v in &axis.values {
                    push_label(l, k as u8 + 4, v.code, &v.label);
                }
            }
        }
        by_prefix.entry(prefix).or_default().extend(t.codes());
    }
    let (mut kept, mut new) = (0, 0);
    for (prefix, mut codes) in by_prefix {
        codes.sort();
        codes.dedup();
        let refs: Vec<&[u8]> = codes.iter().map(|c| c.as_bytes()).collect();
        let table = PcsTable { prefix: prefix.clone(), rows: rows_from_codes(&refs), labels: labels.remove(&prefix).unwrap_or_default() };
        for c in &codes {
            match old.get(c.as_str()) {
                Some(e) => {
                    kept += 1;
                    entries.push((*e).clone());
                }
                None => {
                    new += 1;
                    entries.push(PcsEntry { code: c.clone(), title: crate::pcs_codes::compose_title(c, Some(&table)), composed: true });
                }
            }
        }
        out_tables.push(table);
    }
    if entries.is_empty() {
        return Err(ApplyError::Empty("the PCS tables file makes no codes".into()));
    }
    let dropped = book.pcs.len().saturating_sub(kept);
    let defs = std::mem::take(&mut book.pcs.definitions);
    book.pcs = Pcs::new(release, entries, out_tables, defs);
    Ok(Report {
        lines: vec![
            format!("{} ICD-10-PCS tables making {} codes", thousands(tables.len()), thousands(kept + new)),
            format!("{} codes new to Codefellow (titles composed from the table labels), {} codes no longer valid removed", thousands(new), thousands(dropped)),
        ],
        skipped: vec![],
    })
}

fn push_label(l: &mut Vec<(u8, char, String)>, pos: u8, c: char, label: &str) {
    if !l.iter().any(|(p, v, _)| *p == pos && *v == c) {
        l.push((pos, c, label.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> CodeBook {
        let xml = include_str!("../tests/fixtures/mini_tabular.xml");
        let mut b = CodeBook::default();
        apply_tabular(&mut b, xml, "fixture").unwrap();
        b
    }

    #[test]
    fn index_entries_with_known_codes_become_search_terms() {
        let mut b = book();
        let r = apply_index(&mut b, include_str!("../tests/fixtures/icd10cm_index_excerpt.xml"), "index").unwrap();
        assert!(!b.index_terms.is_empty(), "{r:?}");
        assert!(b.index_terms.iter().all(|t| b.icd10cm.resolve(&t.code).is_some()));
    }

    #[test]
    fn the_official_pcs_tables_define_the_code_set() {
        let mut b = book();
        let r = apply_pcs_tables(&mut b, include_str!("../tests/fixtures/icd10pcs_tables_excerpt.xml"), "fixture").unwrap();
        assert!(!b.pcs.is_empty(), "{r:?}");
        for e in b.pcs.codes() {
            assert!(b.pcs.diagnose(&e.code).is_none());
            assert!(!e.title.is_empty());
        }
    }

    #[test]
    fn a_cpt_file_gives_descriptors() {
        let mut b = book();
        apply_cpt(&mut b, include_str!("../tests/fixtures/cpt_tab.txt"), "licensed.txt").unwrap();
        assert!(b.cpt.is_loaded());
    }

    #[test]
    fn the_hcpcs_file_joins_the_codes() {
        let mut b = book();
        apply_hcpcs(&mut b, include_str!("../tests/fixtures/hcpcs_anweb_excerpt.txt"), "fixture").unwrap();
        assert!(!b.hcpcs.codes().is_empty());
    }
}
