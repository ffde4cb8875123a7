use crate::index::{SearchIndex, NOS, TITLE};
use crate::text::{edit_distance, is_stop, stem, terms, words};
use codeset::icd10cm::Resolved;
use codeset::input::normalize;
use codeset::{CodeBook, CodeSystem};
use serde::Serialize;
use thiserror::Error;

/// Longest query looked at, in characters.
pub const MAX_QUERY: usize = 500;

/// What to search and how many results.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub system: Option<CodeSystem>,
    /// Only codes reportable as they stand (7th-character codes are completed when the query names the encounter).
    pub billable_only: bool,
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { system: None, billable_only: false, limit: 20 }
    }
}

/// One result. Field names are stable (JSON output of `codefellow search`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub code: String,
    pub system: CodeSystem,
    pub title: String,
    pub billable: bool,
}

/// Why a query was not run.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SearchError {
    /// No words to look for.
    #[error("empty query: type words (\"diabetes ckd\", \"lap appendectomy\") or the start of a code (\"E11.2\")")]
    Empty,
    /// Longer than any sensible query.
    #[error("query is {0} characters long: at most {MAX_QUERY} are searched; shorten it to the key words")]
    TooLong(usize),
}

/// One thing the query asks for, with the term lists that satisfy it.
struct Concept {
    /// Each alternative: term ids that must all be present.
    alts: Vec<Vec<u32>>,
}

/// A doc's standing for one query.
#[derive(Clone, Copy)]
struct Cand {
    doc: u32,
    matched: u16,
    score: f32,
    title_hits: f32,
    nos: bool,
}

/// Words that choose a 7th character rather than a code.
fn seventh_word(w: &str) -> Option<&'static str> {
    match w {
        "initial" | "init" => Some("initial encounter"),
        "subsequent" | "subs" | "followup" => Some("subsequent encounter"),
        "sequela" | "sequelae" | "late" => Some("sequela"),
        _ => None,
    }
}

impl SearchIndex {
    /// Runs a query. Results are ranked; see the crate documentation for how.
    pub fn search(&self, book: &CodeBook, query: &str, opts: &SearchOptions) -> Result<Vec<Hit>, SearchError> {
        let n = query.chars().count();
        if n > MAX_QUERY {
            return Err(SearchError::TooLong(n));
        }
        let ws = words(query);
        if ws.is_empty() {
            return Err(SearchError::Empty);
        }
        if opts.limit == 0 {
            return Ok(vec![]);
        }
        if let Some(hits) = self.code_prefix(book, query, opts) {
            return Ok(hits);
        }
        // 7th-character words choose the extension, they are not matched against titles.
        let mut seventh: Option<&str> = None;
        let mut kept: Vec<String> = Vec::with_capacity(ws.len());
        for w in ws {
            if let Some(s) = seventh_word(&w) {
                seventh = Some(s);
            } else if !(seventh.is_some() && (w == "encounter" || w == "enc")) {
                kept.push(w);
            }
        }
        let ends_mid_word = query.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
        let concepts = self.concepts(&kept, ends_mid_word);
        if concepts.is_empty() {
            return Ok(vec![]);
        }
        let cands = self.rank(&concepts, opts);
        let mut hits = Vec::with_capacity(opts.limit);
        for c in cands {
            let d = &self.docs[c.doc as usize];
            if let Some(h) = self.hit(book, d, seventh, opts) {
                if !hits.iter().any(|x: &Hit| x.code == h.code) {
                    hits.push(h);
                }
                if hits.len() >= opts.limit {
                    break;
                }
            }
        }
        Ok(hits)
    }

    /// Turns the query's words into concepts: dictionary phrases (longest first), then single words with their
    /// completions (last word) and corrections (unknown words).
    fn concepts(&self, ws: &[String], ends_mid_word: bool) -> Vec<Concept> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let mut took = 0;
            for len in (1..=self.synonyms.longest.min(ws.len() - i).min(5)).rev() {
                let phrase = &ws[i..i + len];
                let mut alts_src = self.synonyms.get(phrase);
                if alts_src.is_none() {
                    let mut singular = phrase.to_vec();
                    let last = singular.len() - 1;
                    singular[last] = stem(&singular[last]);
                    alts_src = self.synonyms.get(&singular);
                }
                let Some(src) = alts_src else { continue };
                let mut alts: Vec<Vec<u32>> = src.iter().filter_map(|a| self.term_ids_all(a)).collect();
                // The phrase's own words count too ("stroke" is in some titles).
                let own: Vec<String> = phrase.iter().filter(|w| !is_stop(w)).map(|w| stem(w)).collect();
                if let Some(ids) = self.term_ids_all(&own) {
                    if !own.is_empty() {
                        alts.push(ids);
                    }
                }
                if !alts.is_empty() {
                    out.push(Concept { alts });
                    took = len;
                    break;
                }
            }
            if took > 0 {
                i += took;
                continue;
            }
            let w = &ws[i];
            i += 1;
            if is_stop(w) {
                continue;
            }
            let last = i == ws.len();
            let t = stem(w);
            let mut alts: Vec<Vec<u32>> = Vec::new();
            if let Some(id) = self.term(&t) {
                alts.push(vec![id]);
            }
            if last && ends_mid_word && w.len() >= 2 && !w.bytes().all(|b| b.is_ascii_digit()) {
                for id in self.completions(w, 24) {
                    if !alts.iter().any(|a| a == &[id]) {
                        alts.push(vec![id]);
                    }
                }
            }
            if alts.is_empty() {
                alts = self.corrections(&t).into_iter().map(|id| vec![id]).collect();
            }
            if !alts.is_empty() {
                out.push(Concept { alts });
            }
        }
        out
    }

    fn term_ids_all(&self, ts: &[String]) -> Option<Vec<u32>> {
        ts.iter().map(|t| self.term(t)).collect()
    }

    /// Vocabulary terms one edit away (two for long words) from an unknown term.
    fn corrections(&self, t: &str) -> Vec<u32> {
        if t.len() < 4 || !t.is_ascii() {
            return vec![];
        }
        let max = if t.len() >= 8 { 2 } else { 1 };
        let del = self.deletes();
        let mut cands: Vec<u32> = Vec::new();
        let probe = |k: &str, cands: &mut Vec<u32>| {
            if let Some(v) = del.get(k) {
                cands.extend_from_slice(v);
            }
            if let Some(id) = self.term(k) {
                cands.push(id);
            }
        };
        probe(t, &mut cands);
        for k in 0..t.len() {
            let mut d = t.to_string();
            d.remove(k);
            probe(&d, &mut cands);
        }
        cands.sort_unstable();
        cands.dedup();
        let mut scored: Vec<(usize, u32, u32)> = cands
            .into_iter()
            .map(|id| {
                let df = self.offsets[id as usize + 1] - self.offsets[id as usize];
                (edit_distance(t, &self.terms[id as usize], max), id, df)
            })
            .filter(|(d, _, _)| *d <= max)
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
        let best = scored.first().map(|s| s.0).unwrap_or(0);
        scored.into_iter().filter(|s| s.0 == best).take(3).map(|s| s.1).collect()
    }

    /// The docs matching a concept, with their weight for it (sorted by doc).
    fn concept_docs(&self, c: &Concept) -> Vec<(u32, u8)> {
        let mut acc: Vec<(u32, u8)> = Vec::new();
        for alt in &c.alts {
            let mut cur: Vec<(u32, u8)> = {
                let (d, w) = self.postings(alt[0]);
                d.iter().copied().zip(w.iter().copied()).collect()
            };
            for &t in &alt[1..] {
                let (d, w) = self.postings(t);
                cur = intersect(&cur, d, w);
                if cur.is_empty() {
                    break;
                }
            }
            // A multi-word alternative found in the title covers that many title words.
            let words = alt.len() as u8;
            for e in cur.iter_mut() {
                e.1 = (e.1 & 0xf0) | ((e.1 & 0x0f).min(TITLE)) | if words > 1 && (e.1 & 0x0f) == TITLE { (words.min(7)) << 5 } else { 0 };
            }
            acc = union(&acc, &cur);
        }
        acc
    }

    fn rank(&self, concepts: &[Concept], opts: &SearchOptions) -> Vec<Cand> {
        let n_docs = self.docs.len().max(1) as f32;
        let lists: Vec<Vec<(u32, u8)>> = concepts.iter().map(|c| self.concept_docs(c)).collect();
        let idf: Vec<f32> = lists.iter().map(|l| (n_docs / (1.0 + l.len() as f32)).ln().max(0.1)).collect();
        // Merge all lists, counting how many concepts each doc matches.
        let mut merged: Vec<(u32, u16, u8)> = Vec::new(); // doc, concept index, weight
        for (ci, l) in lists.iter().enumerate() {
            merged.extend(l.iter().map(|&(d, w)| (d, ci as u16, w)));
        }
        merged.sort_unstable_by_key(|e| e.0);
        let mut cands: Vec<Cand> = Vec::new();
        let mut k = 0;
        while k < merged.len() {
            let doc = merged[k].0;
            let mut c = Cand { doc, matched: 0, score: 0.0, title_hits: 0.0, nos: false };
            let mut last_ci = u16::MAX;
            while k < merged.len() && merged[k].0 == doc {
                let (_, ci, w) = merged[k];
                if ci != last_ci {
                    c.matched += 1;
                    let field = (w & 0x0f) as f32 / TITLE as f32;
                    c.score += idf[ci as usize] * field;
                    if w & 0x0f == TITLE {
                        c.title_hits += ((w >> 5) as f32).max(1.0);
                    }
                    c.nos |= w & NOS != 0;
                    last_ci = ci;
                }
                k += 1;
            }
            cands.push(c);
        }
        let want = concepts.len() as u16;
        let best_matched = cands.iter().map(|c| c.matched).max().unwrap_or(0);
        // Partial matches only matter when nothing matches everything.
        let floor = if best_matched == want { want } else { best_matched.saturating_sub(1).max(1) };
        cands.retain(|c| c.matched >= floor);
        let docs = &self.docs;
        let final_score = |c: &Cand| -> f32 {
            let d = &docs[c.doc as usize];
            let cover = (c.title_hits / d.title_terms.max(1) as f32).min(1.0);
            let mut s = c.score + 2.0 * cover;
            if d.billable {
                s += 0.3;
            }
            if c.nos {
                s += 0.6;
            }
            if opts.system.is_none() && d.system == CodeSystem::Hcpcs {
                s -= 0.2;
            }
            s
        };
        let mut scored: Vec<(Cand, f32)> = cands
            .into_iter()
            .filter(|c| opts.system.is_none_or(|s| docs[c.doc as usize].system == s))
            .filter(|c| !opts.billable_only || docs[c.doc as usize].billable || docs[c.doc as usize].needs_seventh)
            .map(|c| {
                let s = final_score(&c);
                (c, s)
            })
            .collect();
        scored.sort_by(|a, b| b.0.matched.cmp(&a.0.matched).then(b.1.total_cmp(&a.1)).then(docs[a.0.doc as usize].key.cmp(&docs[b.0.doc as usize].key)));
        scored.into_iter().map(|(c, _)| c).collect()
    }

    fn hit(&self, book: &CodeBook, d: &crate::index::Doc, seventh: Option<&str>, opts: &SearchOptions) -> Option<Hit> {
        match d.system {
            CodeSystem::Icd10Cm => {
                let cm = &book.icd10cm;
                let i = cm.node_by_key(&d.key)?;
                let mut r = Resolved::Node(i);
                if d.needs_seventh && (seventh.is_some() || opts.billable_only) {
                    let def = cm.seven_def(i)?;
                    let pick = match seventh {
                        Some(s) => def.values.iter().find(|(_, m)| m.starts_with(s)).or_else(|| def.values.iter().find(|(_, m)| m.contains(s))),
                        None => def.values.first(),
                    };
                    if let Some((c, _)) = pick {
                        r = Resolved::Extended { node: i, seventh: *c };
                    }
                }
                let billable = cm.is_billable(r);
                if opts.billable_only && !billable {
                    return None;
                }
                Some(Hit { code: cm.display(r), system: CodeSystem::Icd10Cm, title: cm.title(r), billable })
            }
            CodeSystem::Icd10Pcs => {
                let e = book.pcs.entry(&d.key)?;
                Some(Hit { code: e.code.clone(), system: CodeSystem::Icd10Pcs, title: e.title.clone(), billable: true })
            }
            CodeSystem::Hcpcs => {
                let e = book.hcpcs.entry(&d.key)?;
                Some(Hit { code: e.code.clone(), system: CodeSystem::Hcpcs, title: e.long.clone(), billable: true })
            }
            CodeSystem::Cpt => None,
        }
    }

    /// A query that is the start of a code ("E11.2", "0DT") lists that code and what lies below it.
    fn code_prefix(&self, book: &CodeBook, query: &str, opts: &SearchOptions) -> Option<Vec<Hit>> {
        let q = query.trim();
        if q.contains(char::is_whitespace) || q.len() > 8 {
            return None;
        }
        let key = normalize(q).ok()?;
        let b = key.as_bytes();
        let cm_like = b.len() >= 3 && b[0].is_ascii_uppercase() && b[1].is_ascii_digit();
        let pcs_like = b.len() >= 3 && b.len() <= 7 && (b[0].is_ascii_digit() || b"BCDFGHX".contains(&b[0])) && b[1..].iter().any(u8::is_ascii_alphanumeric);
        let hcpcs_like = b.len() >= 2 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit);
        if !(cm_like || pcs_like || hcpcs_like) || terms(q).iter().any(|t| t.len() > 3 && t.bytes().all(|c| c.is_ascii_alphabetic())) {
            return None;
        }
        let lo = 0usize;
        let mut hits = Vec::new();
        for d in &self.docs[lo..] {
            if !d.key.starts_with(&key) || opts.system.is_some_and(|s| s != d.system) {
                continue;
            }
            if let Some(h) = self.hit(book, d, None, opts) {
                hits.push(h);
            }
        }
        if hits.is_empty() {
            return None;
        }
        hits.sort_by(|a, b| a.code.len().cmp(&b.code.len()).then(a.code.cmp(&b.code)));
        hits.truncate(opts.limit);
        Some(hits)
    }
}

/// Docs of `a` also in the postings (`d`, `w`); the weight kept is the lower of the two (a phrase is only as
/// strong as its weakest word's field), flags are kept.
fn intersect(a: &[(u32, u8)], d: &[u32], w: &[u8]) -> Vec<(u32, u8)> {
    let mut out = Vec::with_capacity(a.len().min(d.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < d.len() {
        match a[i].0.cmp(&d[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => {
                // Gallop through long postings.
                let target = a[i].0;
                let step = d[j..].partition_point(|&x| x < target);
                j += step.max(1);
            }
            std::cmp::Ordering::Equal => {
                let wa = a[i].1;
                let wb = w[j];
                out.push((a[i].0, ((wa & 0x0f).min(wb & 0x0f)) | ((wa | wb) & NOS)));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Union of two sorted lists, keeping the better weight.
fn union(a: &[(u32, u8)], b: &[(u32, u8)]) -> Vec<(u32, u8)> {
    if a.is_empty() {
        return b.to_vec();
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i >= a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            let better = if (a[i].1 & 0x0f, a[i].1 >> 5) >= (b[j].1 & 0x0f, b[j].1 >> 5) { a[i].1 } else { b[j].1 };
            out.push((a[i].0, better | ((a[i].1 | b[j].1) & NOS)));
            i += 1;
            j += 1;
        }
    }
    out
}
