use crate::index::{SearchIndex, HOME, NOS, TITLE};
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
    /// A number the query gives: codes whose title states a range holding it match too.
    number: Option<f32>,
}

/// Per-thread dense accumulators, one slot per doc, reset after each query (only the slots touched).
#[derive(Default)]
struct Scratch {
    cw: Vec<u8>,
    matched: Vec<u16>,
    score: Vec<f32>,
    title_hits: Vec<f32>,
    nos: Vec<bool>,
    touched: Vec<u32>,
    concept_touched: Vec<u32>,
}

impl Scratch {
    fn ensure(&mut self, n: usize) {
        if self.cw.len() < n {
            self.cw.resize(n, 0);
            self.matched.resize(n, 0);
            self.score.resize(n, 0.0);
            self.title_hits.resize(n, 0.0);
            self.nos.resize(n, false);
        }
    }

    /// Records a weight of the current concept for a doc, keeping the better one.
    #[inline]
    fn offer(&mut self, doc: u32, w: u8) {
        let cur = &mut self.cw[doc as usize];
        if *cur == 0 {
            self.concept_touched.push(doc);
            *cur = w.max(1);
        } else if (w & 0x0f, w >> 5) > (*cur & 0x0f, *cur >> 5) {
            *cur = w | (*cur & NOS);
        } else {
            *cur |= w & NOS;
        }
    }

    fn reset(&mut self) {
        for &d in &self.touched {
            let i = d as usize;
            self.matched[i] = 0;
            self.score[i] = 0.0;
            self.title_hits[i] = 0.0;
            self.nos[i] = false;
        }
        self.touched.clear();
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
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
        // A few spare places: two docs can give the same hit (a header and its 7th-character default).
        let ranked = self.rank(&concepts, opts, opts.limit.saturating_mul(2).max(opts.limit + 10));
        let mut hits = Vec::with_capacity(opts.limit);
        for doc in ranked {
            let d = &self.docs[doc as usize];
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
        let last_word = ws.last().cloned();
        let ws: Vec<&String> = ws.iter().filter(|w| !is_stop(w)).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let mut took = 0;
            for len in (1..=self.synonyms.longest.min(ws.len() - i).min(5)).rev() {
                let phrase: Vec<String> = ws[i..i + len].iter().map(|w| w.to_string()).collect();
                let Some(src) = self.synonyms.get(&phrase) else { continue };
                let mut alts: Vec<Vec<u32>> = src.iter().filter_map(|a| self.term_ids_all(a)).collect();
                // The phrase's own words count too ("stroke" is in some titles).
                let own: Vec<String> = phrase.iter().map(|w| stem(w)).collect();
                if let Some(ids) = self.term_ids_all(&own) {
                    alts.push(ids);
                }
                if !alts.is_empty() {
                    out.push(Concept { alts, number: None });
                    took = len;
                    break;
                }
            }
            if took > 0 {
                i += took;
                continue;
            }
            let w = ws[i];
            i += 1;
            let last = i == ws.len() && last_word.as_ref() == Some(w);
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
            let number = w.parse::<f32>().ok().filter(|_| w.bytes().all(|b| b.is_ascii_digit()));
            if alts.is_empty() && number.is_none() {
                // A misspelt title word or a misspelt dictionary word ("thoracentisis"), whichever is nearer;
                // on a tie, the title word.
                let (title_d, title_ids) = self.corrections(w);
                match self.dictionary_correction(w) {
                    Some((d, src)) if d < title_d => alts = src.iter().filter_map(|a| self.term_ids_all(a)).collect(),
                    _ => alts = title_ids.into_iter().map(|id| vec![id]).collect(),
                }
            }
            if !alts.is_empty() || number.is_some() {
                out.push(Concept { alts, number });
            }
        }
        out
    }

    fn term_ids_all(&self, ts: &[String]) -> Option<Vec<u32>> {
        ts.iter().map(|t| self.term(t)).collect()
    }

    /// Vocabulary terms one edit away (two for long words) from an unknown word, tried as typed and stemmed
    /// ("cholecystits" is one letter from "cholecystitis", though its stem "cholecystit" is two).
    /// Returns the edit distance of the corrections found (`usize::MAX` when none).
    fn corrections(&self, word: &str) -> (usize, Vec<u32>) {
        if word.len() < 4 || !word.is_ascii() {
            return (usize::MAX, vec![]);
        }
        let del = self.deletes();
        let mut cands: Vec<u32> = Vec::new();
        let forms: Vec<String> = {
            let st = stem(word);
            if st == word { vec![word.to_string()] } else { vec![word.to_string(), st] }
        };
        for f in &forms {
            let mut probe = |k: &str| {
                if let Some(v) = del.get(k) {
                    cands.extend_from_slice(v);
                }
                if let Some(id) = self.term(k) {
                    cands.push(id);
                }
            };
            probe(f);
            for k in 0..f.len() {
                let mut d = f.clone();
                d.remove(k);
                probe(&d);
                // Long words: two deletions on the query side reach two-edit typos.
                if f.len() >= 7 {
                    for j in k..d.len() {
                        let mut dd = d.clone();
                        dd.remove(j);
                        probe(&dd);
                    }
                }
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut scored: Vec<(usize, u32, u32)> = cands
            .into_iter()
            .map(|id| {
                let t = &self.terms[id as usize];
                let max = if t.len() >= 7 { 2 } else { 1 };
                // A stem is compared with its plural too: "diabetis" is one letter from "diabetes" (stem "diabete").
                let plural = format!("{t}s");
                let d = forms.iter().flat_map(|f| [edit_distance(f, t, max), edit_distance(f, &plural, max)]).min().unwrap_or(max + 1);
                let df = self.offsets[id as usize + 1] - self.offsets[id as usize];
                (if d <= max { d } else { usize::MAX }, id, df)
            })
            .filter(|(d, _, _)| *d != usize::MAX)
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
        let Some(best) = scored.first().map(|s| s.0) else { return (usize::MAX, vec![]) };
        (best, scored.into_iter().filter(|s| s.0 == best).take(3).map(|s| s.1).collect())
    }

    /// The dictionary entry of a one-word key one edit away (two for long words) from a word no title has.
    fn dictionary_correction(&self, word: &str) -> Option<(usize, &[Vec<String>])> {
        if word.len() < 5 || !word.is_ascii() {
            return None;
        }
        let st = stem(word);
        let max = if word.len() >= 8 { 2 } else { 1 };
        let best = self
            .synonyms
            .single_words()
            .filter(|k| k.len().abs_diff(st.len()) <= max)
            .map(|k| (edit_distance(&st, k, max), k))
            .filter(|(d, _)| *d <= max)
            .min_by_key(|(d, k)| (*d, *k))?;
        self.synonyms.get(&[best.1.to_string()]).map(|e| (best.0, e))
    }

    /// Codes whose default inclusion term the query names in full (see `homes`).
    fn home_docs(&self, concepts: &[Concept]) -> Vec<u32> {
        if self.homes.is_empty() {
            return vec![];
        }
        let n = concepts.len().min(8);
        let mut out = Vec::new();
        let mut key_terms: Vec<&str> = Vec::new();
        // Every non-empty subset of up to four concepts, one of its first two alternatives each.
        for mask in 1u32..(1 << n) {
            if mask.count_ones() > 4 {
                continue;
            }
            let chosen: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            let choices: Vec<usize> = chosen.iter().map(|&i| concepts[i].alts.len().min(2)).collect();
            if choices.contains(&0) {
                continue;
            }
            let combos: usize = choices.iter().product();
            for mut c in 0..combos {
                key_terms.clear();
                for (k, &i) in chosen.iter().enumerate() {
                    let a = c % choices[k];
                    c /= choices[k];
                    key_terms.extend(concepts[i].alts[a].iter().map(|&t| self.terms[t as usize].as_str()));
                }
                if !(2..=4).contains(&key_terms.len()) {
                    continue;
                }
                key_terms.sort_unstable();
                key_terms.dedup();
                if let Some(docs) = self.homes.get(&key_terms.join(" ")) {
                    out.extend_from_slice(docs);
                }
            }
        }
        out
    }

    /// Scores every doc that matches at least one concept, into `sc` (dense arrays reused between queries).
    /// Returns the sum of the concepts' weights, the score of a doc that matches them all in its title.
    fn accumulate(&self, concepts: &[Concept], sc: &mut Scratch) -> f32 {
        let mut full = 0.0;
        let n_docs = self.docs.len();
        sc.ensure(n_docs);
        let mut tmp: Vec<(u32, u8)> = Vec::new();
        for c in concepts {
            // Best weight of this concept per doc, over its alternatives.
            for alt in &c.alts {
                if alt.len() == 1 {
                    let (d, w) = self.postings(alt[0]);
                    for (&doc, &wt) in d.iter().zip(w) {
                        sc.offer(doc, wt);
                    }
                    continue;
                }
                let (d0, w0) = self.postings(alt[0]);
                tmp.clear();
                tmp.extend(d0.iter().copied().zip(w0.iter().copied()));
                for &t in &alt[1..] {
                    let (d, w) = self.postings(t);
                    tmp = intersect(&tmp, d, w);
                    if tmp.is_empty() {
                        break;
                    }
                }
                // A multi-word alternative found in the title covers that many title words.
                let words = alt.len() as u8;
                for &(doc, wt) in &tmp {
                    let wt = (wt & (0x0f | NOS)) | if words > 1 && (wt & 0x0f) == TITLE { words.min(7) << 5 } else { 0 };
                    sc.offer(doc, wt);
                }
            }
            if let Some(n) = c.number {
                for &(lo, hi, doc) in &self.ranges {
                    if lo <= n && n <= hi {
                        sc.offer(doc, TITLE);
                    }
                }
            }
            // Fold the concept into the doc totals.
            let idf = (n_docs.max(1) as f32 / (1.0 + sc.concept_touched.len() as f32)).ln().max(0.1);
            full += idf;
            for k in 0..sc.concept_touched.len() {
                let doc = sc.concept_touched[k] as usize;
                let w = sc.cw[doc];
                sc.cw[doc] = 0;
                if sc.matched[doc] == 0 {
                    sc.touched.push(doc as u32);
                }
                sc.matched[doc] += 1;
                let field = (w & 0x0f).min(TITLE) as f32 / TITLE as f32;
                sc.score[doc] += idf * field;
                if w & 0x0f == HOME {
                    sc.title_hits[doc] += 255.0;
                } else if w & 0x0f == TITLE {
                    sc.title_hits[doc] += ((w >> 5) as f32).max(1.0);
                }
                if w & NOS != 0 {
                    sc.nos[doc] = true;
                }
            }
            sc.concept_touched.clear();
        }
        full
    }

    /// Ranked docs: most concepts matched first, then score; at most `keep` of them.
    fn rank(&self, concepts: &[Concept], opts: &SearchOptions, keep: usize) -> Vec<u32> {
        SCRATCH.with(|cell| {
            let mut sc = cell.borrow_mut();
            let full = self.accumulate(concepts, &mut sc);
            // A code whose default inclusion term the query names in full scores as a full title match.
            for d in self.home_docs(concepts) {
                let i = d as usize;
                if sc.matched[i] as usize == concepts.len() {
                    sc.title_hits[i] = 255.0;
                    sc.nos[i] = true;
                    sc.score[i] = sc.score[i].max(full);
                }
            }
            let docs = &self.docs;
            // Codes matching every concept come first; codes missing one follow them, so that a query with one
            // word the titles lack still fills the screen.
            let best = sc.touched.iter().map(|&d| sc.matched[d as usize]).max().unwrap_or(0);
            let floor = best.saturating_sub(1).max(1);
            let mut ranked: Vec<(u16, f32, u32)> = Vec::new();
            for &doc in &sc.touched {
                let i = doc as usize;
                let d = &docs[i];
                if sc.matched[i] < floor || opts.system.is_some_and(|s| d.system != s) || (opts.billable_only && !d.billable && !d.needs_seventh) {
                    continue;
                }
                let cover = (sc.title_hits[i] / d.title_terms.max(1) as f32).min(1.0);
                // Past full cover, a longer matched wording still tells ("pci" → "… percutaneous" over "… open").
                let mut s = sc.score[i] + 2.0 * cover + 0.02 * sc.title_hits[i].min(20.0);
                if d.billable || d.needs_seventh {
                    s += 0.3;
                }
                s += 0.2 * d.generic as f32;
                if sc.nos[i] {
                    s += 1.5;
                }
                if opts.system.is_none() && d.system == CodeSystem::Hcpcs {
                    s -= 0.2;
                }
                ranked.push((sc.matched[i], s, doc));
            }
            sc.reset();
            let order = |a: &(u16, f32, u32), b: &(u16, f32, u32)| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(docs[a.2 as usize].key.cmp(&docs[b.2 as usize].key));
            if ranked.len() > keep {
                ranked.select_nth_unstable_by(keep, order);
                ranked.truncate(keep);
            }
            ranked.sort_by(order);
            ranked.into_iter().map(|r| r.2).collect()
        })
    }

    fn hit(&self, book: &CodeBook, d: &crate::index::Doc, seventh: Option<&str>, opts: &SearchOptions) -> Option<Hit> {
        match d.system {
            CodeSystem::Icd10Cm => {
                let cm = &book.icd10cm;
                let i = cm.node_by_key(&d.key)?;
                let mut r = Resolved::Node(i);
                if d.needs_seventh && (seventh.is_some() || opts.billable_only) {
                    let values = cm.sevenths(i);
                    let pick = match seventh {
                        Some(s) => values.iter().find(|(_, m)| m.starts_with(s)).or_else(|| values.iter().find(|(_, m)| m.contains(s))),
                        None => values.first(),
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
        if self.synonyms.get(&words(q)).is_some() {
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
