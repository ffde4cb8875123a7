use crate::synonyms::Synonyms;
use crate::text::{is_stop, stem, terms, words};
use codeset::icd10cm::{CmLevel, NoteKind, Resolved};
use codeset::{CodeBook, CodeSystem};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Field weights kept in each posting: where in the code's text the term was found.
pub(crate) const TITLE: u8 = 3;
pub(crate) const ALSO: u8 = 2;
pub(crate) const CONTEXT: u8 = 1;
/// The code is the home of the bare term: its own inclusion term is "vertigo NOS" (R42) or "hypertension
/// (arterial) (benign) …" (I10). Counts as a title match that covers the whole title.
pub(crate) const HOME: u8 = 4;
/// Flag: the term is the default ("… NOS") of an ancestor, e.g. "diabetes NOS" under E11 for E11.9.
pub(crate) const NOS: u8 = 0x10;

/// One searchable code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Doc {
    pub system: CodeSystem,
    /// Normalised code (no dot).
    pub key: String,
    /// Distinct terms in the title, to measure how much of it a query covers.
    pub title_terms: u8,
    pub billable: bool,
    pub needs_seventh: bool,
    /// +1 for an "unspecified" title (the default when a query adds nothing), −1 for an "Other …" title
    /// (a residual class for what is specified but has no code of its own).
    pub generic: i8,
}

/// The search index over a code book.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub(crate) docs: Vec<Doc>,
    /// Sorted vocabulary of stemmed terms.
    pub(crate) terms: Vec<String>,
    /// Postings of term `t` are `post_docs[offsets[t]..offsets[t+1]]` (sorted doc ids) with weights alongside.
    pub(crate) offsets: Vec<u32>,
    pub(crate) post_docs: Vec<u32>,
    pub(crate) post_w: Vec<u8>,
    pub(crate) synonyms: Synonyms,
    /// Default inclusion terms of two to four words ("Congestive heart failure NOS" under I50.9), keyed by their
    /// stemmed words sorted and joined: a query that names all of them means that code.
    pub(crate) homes: FxHashMap<String, Vec<u32>>,
    /// Numeric ranges in titles ("40.0-44.9", "24-96 Consecutive Hours", "Greater than 96"): (low, high, doc),
    /// so that a number in a query finds the code whose range holds it.
    pub(crate) ranges: Vec<(f32, f32, u32)>,
    #[serde(skip)]
    pub(crate) term_ids: FxHashMap<String, u32>,
    /// Single-deletion neighbourhoods of the vocabulary, for typo correction; built on the first typo.
    #[serde(skip)]
    pub(crate) deletes: OnceLock<FxHashMap<String, Vec<u32>>>,
}

struct Builder {
    docs: Vec<Doc>,
    postings: FxHashMap<String, Vec<(u32, u8)>>,
    ranges: Vec<(f32, f32, u32)>,
}

impl Builder {
    fn add(&mut self, doc: Doc, fields: &[(&str, u8)]) {
        let id = self.docs.len() as u32;
        if let Some((title, _)) = fields.first() {
            for (lo, hi) in numeric_ranges(title) {
                self.ranges.push((lo, hi, id));
            }
        }
        let mut seen: FxHashMap<String, u8> = FxHashMap::default();
        for (text, w) in fields {
            for t in terms(text) {
                let e = seen.entry(t).or_insert(0);
                let flags = (*e | w) & NOS;
                *e = (*e & 0x0f).max(w & 0x0f) | flags;
            }
        }
        for (t, w) in seen {
            self.postings.entry(t).or_default().push((id, w));
        }
        self.docs.push(doc);
    }
}

impl SearchIndex {
    /// Indexes every code of the book.
    pub fn build(book: &CodeBook, synonyms_tsv: &str) -> SearchIndex {
        let mut b = Builder { docs: Vec::new(), postings: FxHashMap::default(), ranges: Vec::new() };
        let mut homes: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let cm = &book.icd10cm;
        let mut index_terms: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for t in &book.index_terms {
            index_terms.entry(t.code.as_str()).or_default().push(t.term.as_str());
        }
        for (i, n) in cm.nodes().iter().enumerate() {
            let i = i as u32;
            if matches!(n.level, CmLevel::Chapter | CmLevel::Block) {
                continue;
            }
            let mut fields: Vec<(&str, u8)> = vec![(n.title.as_str(), TITLE)];
            for note in &n.notes {
                if matches!(note.kind, NoteKind::InclusionTerm | NoteKind::Includes) {
                    fields.push((note.text.as_str(), ALSO));
                }
            }
            let key = n.key();
            for t in index_terms.get(key.as_str()).into_iter().flatten() {
                fields.push((t, ALSO));
            }
            if let Some(p) = n.parent() {
                let parent = cm.node(p);
                if !matches!(parent.level, CmLevel::Chapter | CmLevel::Block) {
                    fields.push((parent.title.as_str(), CONTEXT));
                }
            }
            // A multi-word default inclusion term of the code itself is a phrase home (see `homes`).
            for note in &n.notes {
                if matches!(note.kind, NoteKind::InclusionTerm | NoteKind::Includes) {
                    if let Some(key) = home_key(&note.text) {
                        let docs = homes.entry(key).or_default();
                        if !docs.contains(&(b.docs.len() as u32)) {
                            docs.push(b.docs.len() as u32);
                        }
                    }
                }
            }
            // One walk up the path, for two things:
            // - inclusion terms apply to the codes below them, as every Tabular note does: Z00.0's "Adult periodic
            //   examination (annual) (physical)" is also Z00.00's;
            // - "diabetes NOS" in E11's Includes makes E11 and its codes the default home of plain "diabetes"; so
            //   does an inclusion term that is the bare condition with only nonessential modifiers, like I10's
            //   "hypertension (arterial) (benign) (essential) …".
            let mut defaults: Vec<(String, u8)> = Vec::new();
            for a in cm.path(i) {
                let an = cm.node(a);
                for note in &an.notes {
                    if !matches!(note.kind, NoteKind::Includes | NoteKind::InclusionTerm) {
                        continue;
                    }
                    if note.kind == NoteKind::InclusionTerm && a != i && !matches!(an.level, CmLevel::Chapter | CmLevel::Block) {
                        fields.push((note.text.as_str(), CONTEXT));
                    }
                    if let Some(core) = default_term(&note.text) {
                        defaults.push((core, if a == i { HOME } else { CONTEXT | NOS }));
                    }
                }
            }
            for (d, w) in &defaults {
                fields.push((d.as_str(), *w));
            }
            let title_terms = distinct(&n.title);
            let doc = Doc {
                system: CodeSystem::Icd10Cm,
                key,
                title_terms,
                billable: cm.is_billable(Resolved::Node(i)),
                needs_seventh: cm.needs_seventh(i),
                generic: generic(&n.title),
            };
            b.add(doc, &fields);
        }
        for e in book.pcs.codes() {
            let doc = Doc { system: CodeSystem::Icd10Pcs, key: e.code.clone(), title_terms: distinct(&e.title), billable: true, needs_seventh: false, generic: 0 };
            b.add(doc, &[(e.title.as_str(), TITLE)]);
        }
        for e in book.hcpcs.codes() {
            let doc = Doc { system: CodeSystem::Hcpcs, key: e.code.clone(), title_terms: distinct(&e.long), billable: true, needs_seventh: false, generic: 0 };
            b.add(doc, &[(e.long.as_str(), TITLE), (e.short.as_str(), ALSO)]);
        }
        let mut vocab: Vec<(String, Vec<(u32, u8)>)> = b.postings.into_iter().collect();
        vocab.sort_by(|a, b| a.0.cmp(&b.0));
        let mut idx = SearchIndex { docs: b.docs, synonyms: Synonyms::parse(synonyms_tsv), homes, ranges: b.ranges, ..Default::default() };
        idx.offsets.push(0);
        for (t, mut p) in vocab {
            p.sort_unstable();
            idx.terms.push(t);
            for (d, w) in p {
                idx.post_docs.push(d);
                idx.post_w.push(w);
            }
            idx.offsets.push(idx.post_docs.len() as u32);
        }
        idx.reindex();
        idx
    }

    /// Rebuilds the term map; called after deserialising.
    pub fn reindex(&mut self) {
        self.term_ids = self.terms.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
    }

    /// How many codes are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub(crate) fn postings(&self, t: u32) -> (&[u32], &[u8]) {
        let (a, b) = (self.offsets[t as usize] as usize, self.offsets[t as usize + 1] as usize);
        (&self.post_docs[a..b], &self.post_w[a..b])
    }

    pub(crate) fn term(&self, t: &str) -> Option<u32> {
        self.term_ids.get(t).copied()
    }

    /// Terms starting with `prefix`, most frequent first, at most `cap`.
    pub(crate) fn completions(&self, prefix: &str, cap: usize) -> Vec<u32> {
        let lo = self.terms.partition_point(|t| t.as_str() < prefix);
        let mut v: Vec<u32> = (lo..self.terms.len()).take_while(|&i| self.terms[i].starts_with(prefix)).map(|i| i as u32).collect();
        v.sort_by_key(|&t| std::cmp::Reverse(self.offsets[t as usize + 1] - self.offsets[t as usize]));
        v.truncate(cap);
        v
    }

    pub(crate) fn deletes(&self) -> &FxHashMap<String, Vec<u32>> {
        self.deletes.get_or_init(|| {
            let mut m: FxHashMap<String, Vec<u32>> = FxHashMap::default();
            for (i, t) in self.terms.iter().enumerate() {
                if t.len() < 4 || !t.is_ascii() {
                    continue;
                }
                for k in 0..t.len() {
                    let mut d = t.clone();
                    d.remove(k);
                    let v = m.entry(d).or_default();
                    if v.last() != Some(&(i as u32)) {
                        v.push(i as u32);
                    }
                }
            }
            m
        })
    }
}

/// The essential word of an inclusion term that names a condition plainly: "diabetes NOS" → "diabetes";
/// "hypertension (arterial) (benign)" → "hypertension". Longer terms are descriptions, not defaults.
fn default_term(note: &str) -> Option<String> {
    let nos = note.ends_with(" NOS");
    let core = essential(note.trim_end_matches(" NOS"));
    // One essential word only: the flag is per word, and "posthemorrhagic anemia (chronic)" is no home for "anemia".
    (terms(&core).len() == 1 && (nos || note.contains('('))).then_some(core)
}

/// Numeric ranges a title states: "40.0-44.9" → (40, 44.9); "24-96 Consecutive Hours" → (24, 96);
/// "Greater than 96" → (96, ∞); "Less than 24" → (−∞, 24). Exclusive bounds are nudged inward.
pub(crate) fn numeric_ranges(title: &str) -> Vec<(f32, f32)> {
    let lower = title.to_ascii_lowercase();
    let b = lower.as_bytes();
    let num_at = |i: usize| -> Option<(f32, usize)> {
        let mut j = i;
        while j < b.len() && (b[j].is_ascii_digit() || (b[j] == b'.' && j > i && b.get(j + 1).is_some_and(u8::is_ascii_digit))) {
            j += 1;
        }
        (j > i && (i == 0 || !b[i - 1].is_ascii_alphanumeric())).then(|| lower[i..j].parse().ok().map(|v| (v, j))).flatten()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some((lo, j)) = num_at(i) {
            if b.get(j) == Some(&b'-') {
                if let Some((hi, k)) = num_at(j + 1) {
                    if hi > lo {
                        out.push((lo, hi));
                    }
                    i = k;
                    continue;
                }
            }
            let before = &lower[..i];
            if before.ends_with("greater than ") || before.ends_with("more than ") {
                out.push((lo + 0.001, f32::INFINITY));
            } else if before.ends_with("less than ") || before.ends_with("fewer than ") {
                out.push((f32::NEG_INFINITY, lo - 0.001));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn generic(title: &str) -> i8 {
    let t = title.to_ascii_lowercase();
    if t.starts_with("other ") {
        -1
    } else if t.contains("unspecified") || t.contains("not specified") || t.ends_with(" nos") {
        1
    } else {
        0
    }
}

/// The key of a multi-word default inclusion term: "Congestive heart failure NOS" → "congestive failure heart".
fn home_key(note: &str) -> Option<String> {
    if !(note.ends_with(" NOS") || note.contains('(')) {
        return None;
    }
    let core = essential(note.trim_end_matches(" NOS"));
    let mut t = terms(&core);
    t.sort();
    t.dedup();
    (2..=4).contains(&t.len()).then(|| t.join(" "))
}

/// Words outside parentheses and brackets (the nonessential modifiers).
fn essential(text: &str) -> String {
    let mut core = String::new();
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ if depth <= 0 => core.push(c),
            _ => {}
        }
    }
    core
}

/// Title words that do not narrow a code: a query that does not mention them should still cover the title
/// ("anemia" covers "Anemia, unspecified" fully).
/// "Accidental (unintentional)" is the default intent of a poisoning or toxic effect (OCG I.C.19.e.5.b).
const NEUTRAL: &[&str] = &["unspecified", "other", "specified", "not", "nos", "elsewhere", "classified", "organism", "site", "accidental", "unintentional"];

fn distinct(title: &str) -> u8 {
    // A "without …" clause names what the code does not have; a query that leaves it out still means this code
    // ("pud" is K27.9 Peptic ulcer, site unspecified, without hemorrhage or perforation).
    let lower = title.to_ascii_lowercase();
    // So does an "unspecified as acute or chronic" clause.
    // (Only trailing clauses: the first part is the condition itself, "Unspecified nonsuppurative otitis media".)
    let title: String = lower
        .split(',')
        .enumerate()
        .filter(|(k, part)| *k == 0 || !part.trim_start().starts_with("unspecified"))
        .map(|(_, part)| if part.trim_start().starts_with("without ") { "" } else { part.split(" without ").next().unwrap_or("") })
        .collect::<Vec<_>>()
        .join(",");
    // Neutral words are compared before stemming ("unspecified" would stem to "unspecifi").
    let mut t: Vec<String> = words(&title).into_iter().filter(|w| !is_stop(w) && !NEUTRAL.contains(&w.as_str())).map(|w| stem(&w)).collect();
    t.sort();
    t.dedup();
    t.len().min(255) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_ranges_are_read_from_titles() {
        assert_eq!(numeric_ranges("Body mass index [BMI] 40.0-44.9, adult"), [(40.0, 44.9)]);
        assert_eq!(numeric_ranges("Respiratory Ventilation, 24-96 Consecutive Hours"), [(24.0, 96.0)]);
        let g = numeric_ranges("Respiratory Ventilation, Greater than 96 Consecutive Hours");
        assert!(g[0].0 > 96.0 && g[0].1.is_infinite());
        assert!(numeric_ranges("Type 2 diabetes mellitus").is_empty());
        assert!(numeric_ranges("N18.1-N18.6").is_empty(), "code ranges are not numbers");
    }

    #[test]
    fn a_default_inclusion_term_is_read() {
        assert_eq!(default_term("diabetes NOS").as_deref(), Some("diabetes"));
        assert_eq!(default_term("hypertension (arterial) (benign) (essential)").map(|s| s.trim().to_string()).as_deref(), Some("hypertension"));
        assert_eq!(default_term("Posthemorrhagic anemia (chronic)"), None, "two essential words: no single home");
        assert_eq!(home_key("Congestive heart failure NOS").as_deref(), Some("congestive failure heart"));
    }
}
