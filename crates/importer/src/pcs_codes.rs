//! ICD-10-PCS from a list of valid codes with titles, when the official tables file is not at hand.
//!
//! Input, all tab-separated text with `#` comment lines:
//! - codes: `code<TAB>title[<TAB>source]` (the content of the CMS order file); an empty title is allowed and
//!   is then composed from the axis labels;
//! - labels: `table<TAB>position<TAB>value<TAB>label` (official meanings of characters, where known);
//! - definitions: `kind<TAB>section<TAB>value<TAB>name<TAB>definition<TAB>explanation<TAB>examples`.
//!
//! Meanings of characters that no label line gives are derived from the titles: two codes of a table that
//! differ only at one position have titles that differ only in the words for that position
//! ("Resection of Appendix, Open Approach" / "…, Percutaneous Endoscopic Approach" → 0 = Open,
//! 4 = Percutaneous Endoscopic), and the most frequent reading wins.

use codeset::pcs::{rows_from_codes, section_name, Definition, Pcs, PcsEntry, PcsTable, ALPHABET};
use std::collections::{BTreeMap, HashMap};
use thiserror::Error;

/// Why a PCS code list could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PcsCodesError {
    /// A code that is not 7 PCS characters.
    #[error("line {line}: '{code}' is not an ICD-10-PCS code: a code is 7 characters, digits and letters other than I and O")]
    BadCode { line: usize, code: String },
    /// A label line with the wrong number of fields or a bad position.
    #[error("line {line} of the labels: expected table<TAB>position (1-7)<TAB>value<TAB>label")]
    BadLabel { line: usize },
    /// A definition line with the wrong number of fields.
    #[error("line {line} of the definitions: expected kind<TAB>section<TAB>value<TAB>name<TAB>definition<TAB>explanation<TAB>examples")]
    BadDefinition { line: usize },
    /// No code at all.
    #[error("the code list holds no ICD-10-PCS codes")]
    Empty,
}

fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r'))).filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Reads codes, official labels and definitions into the PCS code set.
pub fn parse_pcs(codes: &str, labels: &str, definitions: &str, release: &str) -> Result<Pcs, PcsCodesError> {
    let mut list: Vec<(String, String)> = Vec::new();
    for (n, l) in lines(codes) {
        let mut f = l.split('\t');
        let code = f.next().unwrap_or("").trim().to_ascii_uppercase();
        if code.len() != 7 || !code.bytes().all(|c| ALPHABET.contains(&c)) {
            return Err(PcsCodesError::BadCode { line: n, code });
        }
        list.push((code, f.next().unwrap_or("").trim().to_string()));
    }
    if list.is_empty() {
        return Err(PcsCodesError::Empty);
    }
    list.sort();
    list.dedup_by(|a, b| a.0 == b.0);

    let mut official: HashMap<(String, u8, char), String> = HashMap::new();
    for (n, l) in lines(labels) {
        let f: Vec<&str> = l.split('\t').collect();
        let pos: u8 = f.get(1).and_then(|p| p.parse().ok()).filter(|p| (1..=7).contains(p)).ok_or(PcsCodesError::BadLabel { line: n })?;
        if f.len() < 4 || f[0].len() != 3 || f[2].len() != 1 {
            return Err(PcsCodesError::BadLabel { line: n });
        }
        official.insert((f[0].to_string(), pos, f[2].chars().next().unwrap_or('?')), f[3].trim().to_string());
    }
    let mut defs = Vec::new();
    for (n, l) in lines(definitions) {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() < 5 || f[1].len() != 1 || f[2].len() != 1 {
            return Err(PcsCodesError::BadDefinition { line: n });
        }
        let get = |i: usize| f.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
        defs.push(Definition {
            kind: get(0),
            section: f[1].chars().next().unwrap_or('?'),
            value: f[2].chars().next().unwrap_or('?'),
            name: get(3),
            definition: get(4),
            explanation: get(5),
            examples: get(6),
        });
    }

    let derived = derive_labels(&list);
    // Tables: rows from the codes, labels official first, then derived.
    let mut by_table: BTreeMap<&str, Vec<&[u8]>> = BTreeMap::new();
    for (c, _) in &list {
        by_table.entry(&c[..3]).or_default().push(c.as_bytes());
    }
    let mut tables = Vec::with_capacity(by_table.len());
    for (prefix, codes) in &by_table {
        let mut labels = Vec::new();
        for pos in 1..=7u8 {
            let mut values: Vec<char> = codes.iter().map(|c| c[pos as usize - 1] as char).collect();
            values.sort_unstable();
            values.dedup();
            for v in values {
                let label = if pos == 1 {
                    section_name(v).map(str::to_string)
                } else {
                    official.get(&(prefix.to_string(), pos, v)).cloned().or_else(|| derived.get(&(label_scope(prefix, pos), pos, v)).cloned())
                };
                if let Some(l) = label {
                    labels.push((pos, v, l));
                }
            }
        }
        tables.push(PcsTable { prefix: prefix.to_string(), rows: rows_from_codes(codes), labels });
    }

    let table_of: HashMap<&str, &PcsTable> = tables.iter().map(|t| (t.prefix.as_str(), t)).collect();
    let entries = list
        .iter()
        .map(|(code, title)| {
            if title.is_empty() {
                let t = table_of.get(&code[..3]).copied();
                PcsEntry { code: code.clone(), title: compose_title(code, t), composed: true }
            } else {
                PcsEntry { code: code.clone(), title: title.clone(), composed: false }
            }
        })
        .collect();
    Ok(Pcs::new(release, entries, tables, defs))
}

/// Body parts and approaches mean the same across a body system's tables; devices and qualifiers are per table;
/// operations are per body system.
fn label_scope(prefix: &str, pos: u8) -> String {
    match pos {
        3 | 4 | 5 => prefix[..2].to_string() + if pos == 3 { "" } else { "*" },
        _ => prefix.to_string(),
    }
}

/// Words that differ between the titles of two codes that differ at one position.
fn middle(a: &str, b: &str) -> Option<String> {
    // Commas are words of their own, so that "Approach," and "Approach" compare equal.
    let (a, b) = (a.replace(',', " ,"), b.replace(',', " ,"));
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let mut pre = 0;
    while pre < wa.len() && pre < wb.len() && wa[pre] == wb[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < wa.len() - pre && suf < wb.len() - pre && wa[wa.len() - 1 - suf] == wb[wb.len() - 1 - suf] {
        suf += 1;
    }
    let mid = wa[pre..wa.len() - suf].join(" ").replace(" ,", ",");
    let mid = mid.trim_matches(|c: char| c == ',' || c == ' ' || c == ';');
    let mid = mid.strip_prefix("with ").unwrap_or(mid);
    let mid = mid.strip_prefix("of ").unwrap_or(mid).trim_end_matches(" Approach").trim_end_matches(" to");
    (!mid.is_empty() && mid.split(' ').count() <= 8).then(|| mid.to_string())
}

fn derive_labels(list: &[(String, String)]) -> HashMap<(String, u8, char), String> {
    let mut votes: HashMap<(String, u8, char), HashMap<String, u32>> = HashMap::new();
    for pos in 3..=7u8 {
        let p = pos as usize - 1;
        let mut groups: HashMap<Vec<u8>, Vec<(u8, &str)>> = HashMap::new();
        for (c, t) in list.iter().filter(|(_, t)| !t.is_empty()) {
            let mut masked = c.as_bytes().to_vec();
            masked[p] = b'_';
            groups.entry(masked).or_default().push((c.as_bytes()[p], t.as_str()));
        }
        for (masked, members) in groups {
            if members.len() < 2 {
                continue;
            }
            let prefix = String::from_utf8_lossy(&masked[..3]).replace('_', "");
            for (k, (v, t)) in members.iter().enumerate() {
                let (_, other) = members[(k + 1) % members.len()];
                let scope = if pos == 3 { String::from_utf8_lossy(&masked[..2]).into_owned() } else { label_scope(&prefix, pos) };
                let label = middle(t, other).unwrap_or_else(|| none_label(masked[0], pos));
                *votes.entry((scope, pos, *v as char)).or_default().entry(label).or_default() += 1;
            }
        }
    }
    votes
        .into_iter()
        .filter_map(|(k, v)| v.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.len().cmp(&a.0.len()))).map(|(l, _)| (k, l)))
        .collect()
}

/// What a title leaves unsaid: no device, no qualifier.
fn none_label(section: u8, pos: u8) -> String {
    match (section, pos) {
        (b'0', 6) => "No Device".into(),
        (b'0', 7) => "No Qualifier".into(),
        _ => "None".into(),
    }
}

/// A title in the official style, for a code whose source list had none.
fn compose_title(code: &str, table: Option<&PcsTable>) -> String {
    let l = |pos: u8| table.and_then(|t| t.label(pos, code.as_bytes()[pos as usize - 1] as char)).unwrap_or("?");
    let mut s = format!("{} of {}", l(3), l(4));
    let dev = l(6);
    if !dev.starts_with("No ") && dev != "None" && dev != "?" {
        s.push_str(&format!(" with {dev}"));
    }
    s.push_str(&format!(", {} Approach", l(5)));
    let q = l(7);
    if !q.starts_with("No ") && q != "None" && q != "?" {
        s.push_str(&format!(", {q}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: &str = "# code\ttitle\n\
0DTJ0ZZ\tResection of Appendix, Open Approach\n\
0DTJ4ZZ\tResection of Appendix, Percutaneous Endoscopic Approach\n\
0DTK0ZZ\tResection of Ileocecal Valve, Open Approach\n\
0DTK4ZZ\tResection of Ileocecal Valve, Percutaneous Endoscopic Approach\n\
0DBJ0ZZ\tExcision of Appendix, Open Approach\n\
0DBJ0ZX\tExcision of Appendix, Open Approach, Diagnostic\n\
0DBJ4ZZ\t\n";

    #[test]
    fn labels_are_read_from_the_differences_between_titles() {
        let pcs = parse_pcs(CODES, "", "", "t").unwrap();
        assert_eq!(pcs.label("0DTJ4ZZ", 4), Some("Appendix"));
        assert_eq!(pcs.label("0DTJ4ZZ", 5), Some("Percutaneous Endoscopic"));
        assert_eq!(pcs.label("0DTJ0ZZ", 3), Some("Resection"));
        assert_eq!(pcs.label("0DBJ0ZX", 7), Some("Diagnostic"));
        assert_eq!(pcs.label("0DBJ0ZZ", 7), Some("No Qualifier"));
    }

    #[test]
    fn official_labels_win_over_derived_ones() {
        let pcs = parse_pcs(CODES, "0DT\t4\tJ\tAppendix (official)\n", "", "t").unwrap();
        assert_eq!(pcs.label("0DTJ4ZZ", 4), Some("Appendix (official)"));
    }

    #[test]
    fn a_code_without_a_title_gets_one_composed_from_its_labels() {
        let pcs = parse_pcs(CODES, "", "", "t").unwrap();
        let e = pcs.entry("0DBJ4ZZ").unwrap();
        assert!(e.composed);
        assert_eq!(e.title, "Excision of Appendix, Percutaneous Endoscopic Approach");
    }

    #[test]
    fn tables_are_rebuilt_and_validate() {
        let pcs = parse_pcs(CODES, "", "", "t").unwrap();
        assert_eq!(pcs.table("0DT").unwrap().rows.len(), 1);
        assert!(pcs.entry("0DTK4ZZ").is_some());
        assert!(pcs.diagnose("0DTJ4ZX").is_some());
    }

    #[test]
    fn a_bad_code_line_is_named() {
        assert_eq!(parse_pcs("0DTJ4Z\tshort\n", "", "", "t").unwrap_err(), PcsCodesError::BadCode { line: 1, code: "0DTJ4Z".into() });
        assert_eq!(parse_pcs("0DTI4ZZ\tletter I\n", "", "", "t").unwrap_err(), PcsCodesError::BadCode { line: 1, code: "0DTI4ZZ".into() });
        assert_eq!(parse_pcs("# nothing\n", "", "", "t").unwrap_err(), PcsCodesError::Empty);
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_a_panic(s in "\\PC{0,200}") {
            let _ = parse_pcs(&s, &s, &s, "t");
        }
    }
}
