//! ICD-10-PCS from a list of valid codes with titles, when the official tables file is not at hand.
//!
//! Input, all tab-separated text with `#` comment lines:
//! - codes: `code<TAB>title[<TAB>source]` (the content of the CMS order file); an empty title is allowed and
//!   is then composed from the axis labels;
//! - labels: `table<TAB>position<TAB>value<TAB>label` (official meanings of characters, where known);
//! - definitions: `kind<TAB>section<TAB>value<TAB>name<TAB>definition<TAB>explanation<TAB>examples`.
//!
//! # Where the meaning of a character comes from
//!
//! First found wins, per table, position and value:
//!
//! 1. an official label line for the table;
//! 2. for body systems, root operations, body parts and approaches (positions 2–5), an official label of another
//!    table of the same body system: in the official tables these mean the same across a body system's tables
//!    (the labels file has no counter-example), so a table missing from the file borrows them;
//! 3. the root operation's name in the definitions (sections 0 and 1), and the confirmed names of
//!    the `pcs_names` module for what titles never spell out: body systems and root operations/types of the
//!    other sections, approaches (which titles of some sections leave out), the New Technology Groups of
//!    section X, and the wording of Z ("No Device", "No Qualifier", "None") where the tables use Z for "does not
//!    apply";
//! 4. a meaning derived from the titles, as below.
//!
//! # Deriving meanings from titles
//!
//! A title is the table's template with a phrase per character ("Resection of Appendix, Open Approach").
//! Two codes of a table that differ only at position `p` ("siblings") have titles that differ only in the
//! phrase for `p`; the words between their common beginning and common end lie inside that phrase, though
//! they may fall short of it ("Right Subclavian Artery" / "Left Axillary Artery" share "Artery"). The method,
//! for positions 3–7:
//!
//! 1. *Pair spans.* For every code and position, the differing words against each sibling, cut of connectors
//!    at the edges ("with", "of", commas, a trailing "Approach", …). A code whose spans are all empty has no
//!    words for the value (Z: no device, no qualifier).
//! 2. *Ownership.* The known labels (official, operations, approaches) and a first reading per value (its most
//!    frequent pair span) are located in each title, so that each title's words are attributed to their
//!    characters.
//! 3. *Evidence.* For each code, the union of its pair spans, leaving out spans that cover another
//!    character's words (titles that break the pattern, such as "Ultrasound Therapy of Heart" where the body
//!    system "Circulatory" is replaced by the qualifier, would otherwise give whole clauses).
//! 4. *Choice.* All codes that share the value within its scope vote: the candidate phrase is the one that,
//!    found in the most titles, covers their evidence without covering another character's words; ties go to
//!    the longer phrase. The scope is the body system for what means the same across its tables (body parts,
//!    approaches, operations), the table for the rest (devices, qualifiers, and the axes listed at
//!    `scope_key`). Codes without a sibling at the position still get the scope's meaning: only the value
//!    matters. The operation is the phrase's part before its first connector, and must open a title.
//! 5. *Extension.* The phrase grows word by word while every title that has it shows the same next word, that
//!    word is neither a connector nor another character's, and all other characters of the title are
//!    accounted for ("Right Subclavian" + "Artery"); otherwise it stays as short as the evidence.
//! 6. *Checks.* Evidence that the phrase neither covers, contains nor is contained in means the value reads two
//!    ways in the scope (qualifier 0 of table 3E0 is "Autologous" for some substances and "Influenza Vaccine"
//!    for another): no meaning. In section X, where a device or substance value names another product in each
//!    New Technology Group, the phrase must also stand, whole, in every title with the value, and no code
//!    without a title may share the value.
//! 7. *Borrowing.* A value whose codes have no sibling at the position (a table with one device, say) takes the
//!    meaning the same value has in another scope of the section, if that phrase stands free in every title
//!    of its codes ("Dressing of Head using Bandage" borrows "Bandage" from the Change table).
//!
//! A Z whose titles have no words gets the section's wording for Z; any other value without words, without
//! evidence, or with conflicting evidence stays without a meaning rather than get a guessed one. Everything is
//! computed in a fixed order from the input, so the result is deterministic.

use crate::pcs_names;
use codeset::pcs::{axis_names, rows_from_codes, section_name, Definition, Pcs, PcsEntry, PcsTable, ALPHABET};
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

    let known = Known::new(&official, &defs);
    // For telling whose words are whose, a Z worded as "none" has no words in a title.
    let derived = derive_labels(&list, &|code: &[u8], pos: u8| match none_value(code[0] as char, pos, code[pos as usize - 1] as char) {
        Some(_) => Some(""),
        None => known.label(code, pos),
    });
    // Tables: rows from the codes, then each character's meaning, first found wins (see the module doc).
    let mut by_table: BTreeMap<&str, Vec<&[u8]>> = BTreeMap::new();
    for (c, _) in &list {
        by_table.entry(&c[..3]).or_default().push(c.as_bytes());
    }
    let mut tables = Vec::with_capacity(by_table.len());
    for (prefix, codes) in &by_table {
        let mut labels = Vec::new();
        for pos in 1..=7u8 {
            let mut values: Vec<u8> = codes.iter().map(|c| c[pos as usize - 1]).collect();
            values.sort_unstable();
            values.dedup();
            for v in values {
                let mut code = codes[0].to_vec();
                code[pos as usize - 1] = v;
                let label = if pos == 1 {
                    section_name(v as char).map(str::to_string)
                } else {
                    known.label(&code, pos).map(str::to_string).or_else(|| match derived.get(&scope_key(&code, pos)) {
                        Some(Derived::Words(w)) => Some(w.clone()),
                        // The titles show no words for this Z, and the section's wording is not confirmed.
                        Some(Derived::Nothing) => Some("None".to_string()),
                        None => None,
                    })
                };
                if let Some(l) = label {
                    labels.push((pos, v as char, l));
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

/// The meanings that need no derivation: official labels, root operations and confirmed names (steps 1–3 of
/// the module doc).
struct Known<'a> {
    official: &'a HashMap<(String, u8, char), String>,
    /// (first two characters, position 2, 4 or 5, value) → official label of some table of that body system.
    by_system: HashMap<(String, u8, char), &'a str>,
    /// (section, value) → root operation from the definitions.
    operations: HashMap<(char, char), &'a str>,
}

impl<'a> Known<'a> {
    fn new(official: &'a HashMap<(String, u8, char), String>, defs: &'a [Definition]) -> Known<'a> {
        let mut by_system = HashMap::new();
        // Sorted, so that the choice does not depend on the hash order (the labels agree anyway).
        let mut keys: Vec<_> = official.iter().filter(|((_, p, _), _)| matches!(p, 2 | 4 | 5)).collect();
        keys.sort();
        for ((table, pos, v), label) in keys {
            by_system.entry((table[..2].to_string(), *pos, *v)).or_insert(label.as_str());
        }
        let operations = defs.iter().filter(|d| d.kind == "operation").map(|d| ((d.section, d.value), d.name.as_str())).collect();
        Known { official, by_system, operations }
    }

    /// The meaning of character `pos` (2–7) of `code` without looking at titles, if there is one.
    fn label(&self, code: &[u8], pos: u8) -> Option<&'a str> {
        let (section, v) = (code[0] as char, code[pos as usize - 1] as char);
        let table = std::str::from_utf8(&code[..3]).ok()?;
        if let Some(l) = self.official.get(&(table.to_string(), pos, v)) {
            return Some(l);
        }
        // Another table's label only where the axis means the same across the body system (see `scope_key`).
        let system = || (scope_key(code, pos).0[2] == b'*').then(|| self.by_system.get(&(table[..2].to_string(), pos, v)).copied()).flatten();
        match pos {
            2 => system().or_else(|| pcs_names::body_system(section, v)),
            3 => self.operations.get(&(section, v)).copied().or_else(|| pcs_names::operation(section, v)),
            4 => system().or_else(|| none_value(section, pos, v)),
            5 => system().or_else(|| pcs_names::approach(section, v)).or_else(|| none_value(section, pos, v)),
            7 if section == 'X' => pcs_names::new_technology_group(v),
            _ => none_value(section, pos, v),
        }
    }
}

fn none_value(section: char, pos: u8, v: char) -> Option<&'static str> {
    (v == 'Z').then(|| pcs_names::none_value(section, pos)).flatten()
}

/// A meaning derived from titles.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Derived {
    /// The phrase the value contributes to titles.
    Words(String),
    /// The value (always Z) contributes no words: the axis does not apply.
    Nothing,
}

/// Where a derived meaning holds, as (scope, position, value). Body parts, approaches and operations mean the
/// same across a body system's tables; devices and qualifiers are per table. So are the axes that are
/// qualifiers of the table's type: character 4 of Mental Health and Substance Abuse Treatment, character 5 of
/// Radiation Therapy (modality qualifier) and of Physical Rehabilitation (type qualifier), and the body parts of
/// New Technology, whose values differ from table to table.
type ScopeKey = ([u8; 3], u8, u8);

fn scope_key(code: &[u8], pos: u8) -> ScopeKey {
    let per_table = matches!((code[0], pos), (_, 6 | 7) | (b'G' | b'H' | b'X', 4) | (b'D' | b'F' | b'G' | b'H', 5));
    let third = if per_table { code[2] } else { b'*' };
    ([code[0], code[1], third], pos, code[pos as usize - 1])
}

/// New Technology reuses a device or substance value for another product in each New Technology Group
/// (character 7), so there a derived phrase must stand in every title with the value, not just in most.
fn strict(key: &ScopeKey) -> bool {
    key.0[0] == b'X'
}

/// A title cut into words; a comma that ends a word is a word of its own, so that "Approach," and "Approach"
/// compare equal.
fn words(title: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in title.split_whitespace() {
        match w.strip_suffix(',') {
            Some(head) if !head.is_empty() => out.extend([head, ","]),
            _ => out.push(w),
        }
    }
    out
}

fn join(words: &[&str]) -> String {
    let mut s = String::new();
    for w in words {
        if !s.is_empty() && *w != "," {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

/// Words of a title's template rather than of a character's phrase, when they stand at a phrase's edge.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | "-" | "Approach" | "of" | "with" | "using" | "to" | "into" | "from" | "in" | "on" | "at" | "for" | "through" | "created" | "and" | "or" | "and/or"
    )
}

/// Words that join two halves of one phrase ("Head and Neck"): a phrase may grow over them, never end on them.
fn is_joiner(w: &str) -> bool {
    matches!(w, "and" | "or" | "and/or")
}

/// The differing words of `a` against `b`, as a range of `a`'s words, without connectors at the edges; `s == e`
/// when `a` has no words of its own.
fn pair_span(a: &[&str], b: &[&str]) -> (usize, usize) {
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && a[a.len() - 1 - suf] == b[b.len() - 1 - suf] {
        suf += 1;
    }
    let (mut s, mut e) = (pre, a.len() - suf);
    while s < e && is_connector(a[s]) {
        s += 1;
    }
    while e > s && is_connector(a[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Offsets at which `phrase` occurs in `words`.
fn find<'w>(words: &'w [&str], phrase: &'w [&str]) -> impl Iterator<Item = usize> + 'w {
    let n = phrase.len();
    (0..(words.len() + 1).saturating_sub(n)).filter(move |&o| n > 0 && words[o..o + n] == *phrase)
}

/// Titles longer than this many words are left out of the derivation (none comes close).
const MAX_WORDS: usize = 128;

fn bits(s: usize, e: usize) -> u128 {
    if e <= s {
        0
    } else {
        (u128::MAX >> (128 - (e - s))) << s
    }
}

/// One code's evidence for the phrase of one position: the span `s..e` of its title, the words other
/// characters own, and whether all other characters are accounted for.
struct Evidence {
    title: usize,
    s: usize,
    e: usize,
    owned: u128,
    sure: bool,
}

/// Meanings of positions 3–7 from the titles (the module doc, "Deriving meanings from titles"). `known` gives
/// the meanings that need no titles, used to tell which words of a title are whose.
fn derive_labels<'k>(list: &[(String, String)], known: &dyn Fn(&[u8], u8) -> Option<&'k str>) -> HashMap<ScopeKey, Derived> {
    let titles: Vec<(&[u8], Vec<&str>)> =
        list.iter().filter(|(_, t)| !t.is_empty()).map(|(c, t)| (c.as_bytes(), words(t))).filter(|(_, w)| w.len() <= MAX_WORDS).collect();
    // New Technology devices and substances shared with a code without a usable title: the same value names
    // another product in another group, so the meaning cannot be checked for that code.
    let untitled: std::collections::HashSet<ScopeKey> = list
        .iter()
        .filter(|(c, t)| c.starts_with('X') && (t.is_empty() || words(t).len() > MAX_WORDS))
        .map(|(c, _)| scope_key(c.as_bytes(), 6))
        .collect();

    // 1. Pair spans: spans[p][i] = the spans of title i against its siblings at position p.
    let mut spans: Vec<Vec<Vec<(usize, usize)>>> = vec![Vec::new(); 8];
    for p in 3..=7usize {
        let mut groups: BTreeMap<[u8; 7], Vec<usize>> = BTreeMap::new();
        for (i, (c, _)) in titles.iter().enumerate() {
            let mut masked = [0u8; 7];
            masked.copy_from_slice(c);
            masked[p - 1] = b'_';
            groups.entry(masked).or_default().push(i);
        }
        let mut at = vec![Vec::new(); titles.len()];
        for members in groups.values().filter(|m| m.len() > 1) {
            for &a in members {
                at[a] = members.iter().filter(|&&b| b != a).map(|&b| pair_span(&titles[a].1, &titles[b].1)).collect();
            }
        }
        spans[p] = at;
    }

    // 2. First reading per value: its most frequent pair span (ties: the shorter, then the first in order).
    let mut first: HashMap<ScopeKey, Vec<&str>> = HashMap::new();
    for (p, at) in spans.iter().enumerate().skip(3) {
        let mut votes: HashMap<ScopeKey, HashMap<&[&str], usize>> = HashMap::new();
        for ((c, w), sp) in titles.iter().zip(at) {
            for &(s, e) in sp {
                *votes.entry(scope_key(c, p as u8)).or_default().entry(&w[s..e]).or_default() += 1;
            }
        }
        for (k, v) in votes {
            if let Some((phrase, _)) = v.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.len().cmp(&a.0.len())).then(b.0.cmp(a.0))) {
                first.insert(k, phrase.to_vec());
            }
        }
    }
    // Known labels, cut into words once per distinct label.
    let mut interned: HashMap<&'k str, usize> = HashMap::new();
    let mut known_phrases: Vec<Vec<&'k str>> = Vec::new();
    let known_at: Vec<[Option<usize>; 8]> = titles
        .iter()
        .map(|(c, _)| {
            let mut at = [None; 8];
            for q in 3..=7u8 {
                at[q as usize] = known(c, q).map(|l| {
                    *interned.entry(l).or_insert_with(|| {
                        known_phrases.push(words(l));
                        known_phrases.len() - 1
                    })
                });
            }
            at
        })
        .collect();
    let known_words = |i: usize, q: u8| known_at[i][q as usize].map(|k| &known_phrases[k]);
    // Words of title i owned by characters other than p, and whether every other character 4–7 is accounted for
    // (computed once per title and position).
    type Memo = std::cell::Cell<Option<(u128, bool)>>;
    let memo: Vec<Vec<Memo>> = (0..8).map(|_| (0..titles.len()).map(|_| Memo::default()).collect()).collect();
    let ownership = |i: usize, p: u8| -> (u128, bool) {
        if let Some(o) = memo[p as usize][i].get() {
            return o;
        }
        let (c, w) = &titles[i];
        let (mut owned, mut sure) = (0u128, true);
        for q in (3..=7u8).filter(|&q| q != p) {
            // A known operation is trusted alone: first readings of operations compare tables whose titles are
            // built differently ("Filtered Speech Assessment" / "Bed Mobility Treatment").
            let known_q = known_words(i, q);
            let readings = [known_q, if q == 3 && known_q.is_some() { None } else { first.get(&scope_key(c, q)) }];
            let mut located = false;
            // The known label if the title has it, else the first reading (titles word body parts their own way:
            // "Right Foot Tendon" for "Foot Tendon, Right").
            for phrase in readings.into_iter().flatten() {
                // A title names its operation first ("Traction of Head using Traction Apparatus"); other
                // characters' words are marked wherever they occur, which may lose a phrase but never lends one.
                for o in find(w, phrase).take(if q == 3 { 1 } else { usize::MAX }) {
                    owned |= bits(o, o + phrase.len());
                    located = true;
                }
                if located {
                    break;
                }
            }
            // Only a Z stands for no words at all ("Internal Fixation Device" inside "Intramedullary Internal
            // Fixation Device" also compares empty, yet has words).
            let empty = c[q as usize - 1] == b'Z' && (q >= 5 || readings.iter().flatten().any(|r| r.is_empty()));
            // A reading none of whose words is in the title: the title leaves the character out ("Computer
            // Assisted Procedure of Trunk Region" has no approach).
            let absent = readings.iter().flatten().any(|r| r.iter().all(|x| is_connector(x) || !w.contains(x)));
            if q >= 4 && !located && !empty && !absent {
                sure = false;
            }
        }
        memo[p as usize][i].set(Some((owned, sure)));
        (owned, sure)
    };

    // 3. Evidence per code, gathered per scope key with every titled code that has the value.
    let mut result = HashMap::new();
    let mut unseen: Vec<(ScopeKey, Vec<usize>)> = Vec::new();
    for p in 3..=7u8 {
        let mut by_key: BTreeMap<ScopeKey, Gathered> = BTreeMap::new();
        for (i, (c, _)) in titles.iter().enumerate() {
            let entry = by_key.entry(scope_key(c, p)).or_default();
            entry.members.push(i);
            let sp = &spans[p as usize][i];
            if sp.is_empty() {
                continue;
            }
            entry.compared += 1;
            if sp.iter().all(|(s, e)| s == e) {
                entry.nothing += 1;
                continue;
            }
            let (owned, sure) = ownership(i, p);
            let good: Vec<(usize, usize)> = sp.iter().copied().filter(|&(s, e)| e > s && bits(s, e) & owned == 0).collect();
            let Some(&one) = good.first() else { continue };
            let (mut s, mut e) = (good.iter().map(|x| x.0).min().unwrap_or(one.0), good.iter().map(|x| x.1).max().unwrap_or(one.1));
            if bits(s, e) & owned != 0 {
                (s, e) = one;
            }
            entry.evidence.push(Evidence { title: i, s, e, owned, sure });
        }
        // 4. Choice, 5. extension, 6. checks.
        for (key, g) in by_key {
            if g.compared == 0 {
                unseen.push((key, g.members));
                continue;
            }
            if key.2 == b'Z' && g.nothing > g.evidence.len() {
                result.insert(key, Derived::Nothing);
                continue;
            }
            // In New Technology a title that not all other characters account for may carry their words too
            // ("Measurement of Infection, Mechanical Initial Specimen …"): only sure evidence counts there.
            let evidence: Vec<Evidence> = g.evidence.into_iter().filter(|ev| ev.sure || !strict(&key)).collect();
            let Some(mut phrase) = choose(&titles, &evidence) else { continue };
            if p == 3 {
                // Titles open with the operation, and its name ends at the first connector: "Revision of Artificial
                // Sphincter" against "Removal of …" is the operation Revision.
                let end = phrase.iter().position(|w| is_connector(w)).unwrap_or(phrase.len());
                phrase.truncate(end);
                if phrase.is_empty() || !evidence.iter().any(|ev| locate(&titles[ev.title].1, &phrase, ev) == Some(0)) {
                    continue;
                }
            }
            // Evidence that the phrase neither covers, nor contains, nor is contained in means the value reads two
            // ways ("Autologous" and "Influenza Vaccine" are both qualifier 0 of table 3E0): no meaning.
            let conflict = evidence.iter().any(|ev| {
                let w = &titles[ev.title].1;
                let seen = &w[ev.s..ev.e];
                locate(w, &phrase, ev).is_none() && find(&phrase, seen).next().is_none() && find(seen, &phrase).next().is_none()
            });
            let everywhere = || g.members.iter().all(|&i| find(&titles[i].1, &phrase).any(|o| bits(o, o + phrase.len()) & ownership(i, p).0 == 0));
            // In New Technology, where a table has a handful of codes, a phrase must also stand whole in some title:
            // between connectors, the title's ends or other characters' words. "Atrium", cut from "into Right
            // Atrium," by a lone comparison with "Right Ventricle", does not.
            let whole = || evidence.iter().any(|ev| {
                let w = &titles[ev.title].1;
                let edge = |i: Option<usize>| i.is_none_or(|i| i >= w.len() || is_connector(w[i]) || ev.owned & (1u128 << i) != 0);
                locate(w, &phrase, ev).is_some_and(|o| edge(o.checked_sub(1)) && edge(Some(o + phrase.len())))
            });
            if !conflict && (!strict(&key) || (!untitled.contains(&key) && everywhere() && whole())) {
                result.insert(key, Derived::Words(join(&phrase)));
            }
        }
    }

    // 7. Borrowing: a value whose titles have no sibling to compare with takes the meaning the same value has in
    // another scope of the section, if that phrase stands, free, in every title of the scope that has the value.
    let phrases: Vec<((u8, u8, u8), String)> = result
        .iter()
        .filter_map(|(key, d)| match d {
            Derived::Words(w) if key.1 >= 4 => Some(((key.0[0], key.1, key.2), w.clone())),
            _ => None,
        })
        .collect();
    let mut elsewhere: BTreeMap<(u8, u8, u8), Vec<Vec<&str>>> = BTreeMap::new();
    for (k, w) in &phrases {
        elsewhere.entry(*k).or_default().push(words(w));
    }
    for list in elsewhere.values_mut() {
        list.sort();
        list.dedup();
    }
    let mut borrowed = Vec::new();
    for (key, members) in unseen {
        if untitled.contains(&key) {
            continue;
        }
        let Some(candidates) = elsewhere.get(&(key.0[0], key.1, key.2)) else { continue };
        let owned: Vec<u128> = members.iter().map(|&i| ownership(i, key.1).0).collect();
        let fits = |phrase: &Vec<&str>| {
            members.iter().zip(&owned).all(|(&i, &own)| find(&titles[i].1, phrase).any(|o| bits(o, o + phrase.len()) & own == 0))
        };
        let fitting: Vec<&Vec<&str>> = candidates.iter().filter(|c| fits(c)).collect();
        // Take the longest; two that do not contain one another leave the value without a meaning.
        let Some(best) = fitting.iter().max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a))) else { continue };
        if fitting.iter().all(|c| find(best, c).next().is_some()) {
            borrowed.push((key, Derived::Words(join(best))));
        }
    }
    result.extend(borrowed);
    result
}

/// What the titles of one scope key show.
#[derive(Default)]
struct Gathered {
    /// Every titled code with the value.
    members: Vec<usize>,
    /// How many of them have a sibling at the position.
    compared: usize,
    /// How many of those show no words at all.
    nothing: usize,
    evidence: Vec<Evidence>,
}

/// Where `phrase` sits in the evidence's title covering its span without covering another character's words.
fn locate(words: &[&str], phrase: &[&str], ev: &Evidence) -> Option<usize> {
    find(words, phrase).find(|&o| o <= ev.s && o + phrase.len() >= ev.e && bits(o, o + phrase.len()) & ev.owned == 0)
}

/// The phrase that best explains the evidence (steps 4 and 5 of the module doc).
fn choose<'t>(titles: &[(&[u8], Vec<&'t str>)], evidence: &[Evidence]) -> Option<Vec<&'t str>> {
    let mut candidates: Vec<Vec<&str>> = evidence.iter().map(|ev| titles[ev.title].1[ev.s..ev.e].to_vec()).collect();
    candidates.sort();
    candidates.dedup();
    let support = |phrase: &[&str]| evidence.iter().filter(|ev| locate(&titles[ev.title].1, phrase, ev).is_some()).count();
    let (_, mut phrase) = candidates.into_iter().map(|c| (support(&c), c)).max_by(|a, b| a.0.cmp(&b.0).then(a.1.len().cmp(&b.1.len())).then(b.1.cmp(&a.1)))?;
    // Grow while every sure title that has the phrase agrees on the next word(s) and they are nobody else's.
    loop {
        let mut grown = false;
        for left in [true, false] {
            let mut next: Option<Vec<&str>> = None;
            let mut agree = true;
            for ev in evidence.iter().filter(|ev| ev.sure) {
                let w = &titles[ev.title].1;
                let Some(o) = locate(w, &phrase, ev) else { continue };
                let free = |i: usize| !is_connector(w[i]) && ev.owned & (1u128 << i) == 0;
                let free_joiner = |i: usize| is_joiner(w[i]) && ev.owned & (1u128 << i) == 0;
                let add: Option<Vec<&str>> = if left {
                    match o {
                        0 => None,
                        _ if free(o - 1) => Some(vec![w[o - 1]]),
                        1 => None,
                        _ if free_joiner(o - 1) && free(o - 2) => Some(vec![w[o - 2], w[o - 1]]),
                        _ => None,
                    }
                } else {
                    let end = o + phrase.len();
                    match end {
                        _ if end >= w.len() => None,
                        _ if free(end) => Some(vec![w[end]]),
                        _ if end + 1 < w.len() && free_joiner(end) && free(end + 1) => Some(vec![w[end], w[end + 1]]),
                        _ => None,
                    }
                };
                match (add, &next) {
                    (None, _) => agree = false,
                    (Some(a), None) => next = Some(a),
                    (Some(a), Some(n)) if a == *n => {}
                    _ => agree = false,
                }
                if !agree {
                    break;
                }
            }
            if let (true, Some(add)) = (agree, next) {
                phrase = if left { [add, phrase].concat() } else { [phrase, add].concat() };
                grown = true;
            }
        }
        if !grown {
            return Some(phrase);
        }
    }
}

/// A title in the official style, for a code whose source list had none.
pub(crate) fn compose_title(code: &str, table: Option<&PcsTable>) -> String {
    let l = |pos: u8| table.and_then(|t| t.label(pos, code.as_bytes()[pos as usize - 1] as char)).unwrap_or("?");
    let says = |s: &str| !s.starts_with("No ") && s != "None" && s != "?";
    let mut s = format!("{} of {}", l(3), l(4));
    let dev = l(6);
    if says(dev) {
        s.push_str(&format!(" with {dev}"));
    }
    // Position 5 is the approach in most sections; elsewhere (duration, contrast, …) it is named only if it says something.
    if axis_names(code.chars().next().unwrap_or('0'))[4] == "Approach" {
        s.push_str(&format!(", {} Approach", l(5)));
    } else if says(l(5)) {
        s.push_str(&format!(", {}", l(5)));
    }
    let q = l(7);
    if says(q) {
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

    #[test]
    fn a_phrase_is_read_whole_even_when_every_sibling_shares_its_last_word() {
        let codes = "03B30ZZ\tExcision of Right Subclavian Artery, Open Approach\n\
03B33ZZ\tExcision of Right Subclavian Artery, Percutaneous Approach\n\
03B40ZZ\tExcision of Left Subclavian Artery, Open Approach\n\
03B43ZZ\tExcision of Left Subclavian Artery, Percutaneous Approach\n\
03B50ZZ\tExcision of Right Axillary Artery, Open Approach\n\
03B60ZZ\tExcision of Left Axillary Artery, Open Approach\n";
        let pcs = parse_pcs(codes, "", "", "t").unwrap();
        assert_eq!(pcs.label("03B30ZZ", 4), Some("Right Subclavian Artery"), "not just \"Right Subclavian\"");
        assert_eq!(pcs.label("03B60ZZ", 4), Some("Left Axillary Artery"));
        assert_eq!(pcs.label("03B33ZZ", 5), Some("Percutaneous"));
        assert_eq!(pcs.label("03B30ZZ", 6), Some("No Device"));
    }

    #[test]
    fn body_systems_types_and_z_outside_medical_and_surgical_come_from_the_confirmed_names() {
        let codes = "B3000ZZ\tPlain Radiography of Thoracic Aorta using High Osmolar Contrast\n\
B3001ZZ\tPlain Radiography of Thoracic Aorta using Low Osmolar Contrast\n\
B300ZZZ\tPlain Radiography of Thoracic Aorta\n\
B3010ZZ\tPlain Radiography of Right Brachiocephalic-Subclavian Artery using High Osmolar Contrast\n\
8E09XBF\tComputer Assisted Procedure of Head and Neck Region, With Fluoroscopy\n\
8E09XBZ\tComputer Assisted Procedure of Head and Neck Region\n\
8E0ZXY4\tYoga Therapy\n";
        let pcs = parse_pcs(codes, "", "", "t").unwrap();
        assert_eq!(pcs.label("B3000ZZ", 2), Some("Upper Arteries"));
        assert_eq!(pcs.label("B3000ZZ", 3), Some("Plain Radiography"));
        assert_eq!(pcs.label("B3010ZZ", 4), Some("Right Brachiocephalic-Subclavian Artery"));
        assert_eq!(pcs.label("B3001ZZ", 5), Some("Low Osmolar Contrast"));
        assert_eq!(pcs.label("B300ZZZ", 5), Some("None"), "Imaging words Z as None");
        assert_eq!(pcs.label("B300ZZZ", 7), Some("None"));
        assert_eq!(pcs.label("8E09XBF", 2), Some("Physiological Systems and Anatomical Regions"));
        assert_eq!(pcs.label("8E09XBF", 5), Some("External"), "titles of section 8 leave the approach out");
        assert_eq!(pcs.label("8E09XBF", 7), Some("With Fluoroscopy"));
        assert_eq!(pcs.label("8E09XBZ", 7), Some("No Qualifier"), "Other Procedures words Z as No Qualifier");
        assert_eq!(pcs.label("8E0ZXY4", 4), Some("None"));
    }

    #[test]
    fn a_title_that_leaves_a_character_out_lends_no_words_to_another() {
        // "Ultrasound Therapy, Circulatory, Single" has no qualifier: "Circulatory" is the body system.
        let codes = "6A750Z4\tUltrasound Therapy of Head and Neck Vessels, Single\n\
6A750Z5\tUltrasound Therapy of Heart, Single\n\
6A750ZZ\tUltrasound Therapy, Circulatory, Single\n\
6A751Z4\tUltrasound Therapy of Head and Neck Vessels, Multiple\n\
6A751ZZ\tUltrasound Therapy, Circulatory, Multiple\n\
6AB50BZ\tPerfusion of Circulatory Donor Organ, Single\n\
6ABB0BZ\tPerfusion of Respiratory System Donor Organ, Single\n";
        let pcs = parse_pcs(codes, "", "", "t").unwrap();
        assert_eq!(pcs.label("6A750ZZ", 7), Some("No Qualifier"));
        assert_eq!(pcs.label("6A750Z4", 7), Some("Head and Neck Vessels"));
        assert_eq!(pcs.label("6A750ZZ", 4), Some("Circulatory"), "learnt from the Perfusion table of the same body system");
        assert_eq!(pcs.label("6A751ZZ", 5), Some("Multiple"));
        assert_eq!(pcs.label("6A750ZZ", 3), Some("Ultrasound Therapy"));
    }

    #[test]
    fn a_value_that_reads_two_ways_in_a_table_gets_no_meaning() {
        // Qualifier 0 of table 3E0 is "Influenza Vaccine" for vaccines and "Autologous" for cells.
        let codes = "3E01340\tIntroduction of Influenza Vaccine into Subcutaneous Tissue, Percutaneous Approach\n\
3E0134Z\tIntroduction of Serum, Toxoid and Vaccine into Subcutaneous Tissue, Percutaneous Approach\n\
3E030U0\tIntroduction of Autologous Pancreatic Islet Cells into Peripheral Vein, Open Approach\n\
3E030U1\tIntroduction of Nonautologous Pancreatic Islet Cells into Peripheral Vein, Open Approach\n\
3E033U0\tIntroduction of Autologous Pancreatic Islet Cells into Peripheral Vein, Percutaneous Approach\n\
3E033U1\tIntroduction of Nonautologous Pancreatic Islet Cells into Peripheral Vein, Percutaneous Approach\n";
        let pcs = parse_pcs(codes, "", "", "t").unwrap();
        assert_eq!(pcs.label("3E030U0", 7), None);
        assert_eq!(pcs.label("3E01340", 7), None);
        assert_eq!(pcs.label("3E030U1", 7), Some("Nonautologous"));
        assert_eq!(pcs.label("3E0134Z", 7), Some("No Qualifier"));
    }

    #[test]
    fn a_new_technology_substance_is_not_named_when_its_value_names_two_products() {
        let codes = "XW013S6\tIntroduction of COVID-19 Vaccine Dose 1 into Subcutaneous Tissue, Percutaneous Approach, New Technology Group 6\n\
XW013T6\tIntroduction of COVID-19 Vaccine Dose 2 into Subcutaneous Tissue, Percutaneous Approach, New Technology Group 6\n\
XW013S9\tIntroduction of Epcoritamab Monoclonal Antibody into Subcutaneous Tissue, Percutaneous Approach, New Technology Group 9\n\
XW013L9\tIntroduction of Elranatamab Antineoplastic into Subcutaneous Tissue, Percutaneous Approach, New Technology Group 9\n";
        let pcs = parse_pcs(codes, "", "", "t").unwrap();
        assert_eq!(pcs.label("XW013S6", 6), None);
        assert_eq!(pcs.label("XW013S9", 6), None);
        assert_eq!(pcs.label("XW013S6", 7), Some("New Technology Group 6"));
        assert_eq!(pcs.label("XW013S9", 3), Some("Introduction"));
        assert_eq!(pcs.label("XW013S9", 2), Some("Anatomical Regions"));
    }

    #[test]
    fn a_device_without_siblings_borrows_its_meaning_from_another_table_whose_titles_name_it() {
        let codes = "2W00X1Z\tChange Splint on Head\n\
2W00X4Z\tChange Bandage on Head\n\
2W20X4Z\tDressing of Head using Bandage\n\
2W21X4Z\tDressing of Face using Bandage\n";
        let pcs = parse_pcs(codes, "", "", "t").unwrap();
        assert_eq!(pcs.label("2W20X4Z", 6), Some("Bandage"));
        assert_eq!(pcs.label("2W21X4Z", 4), Some("Face"));
        assert_eq!(pcs.label("2W21X4Z", 3), Some("Dressing"));
        assert_eq!(pcs.label("2W21X4Z", 7), Some("No Qualifier"));
    }

    #[test]
    fn a_table_missing_from_the_labels_file_takes_body_system_labels_and_the_defined_operation() {
        let codes = "09BK0ZZ\tExcision of Nasal Mucosa and Soft Tissue, Open Approach\n09XK0Z1\t\n";
        let labels = "09B\t2\t9\tEar, Nose, Sinus\n09B\t4\tK\tNasal Mucosa and Soft Tissue\n09B\t5\t0\tOpen\n";
        let definitions = "operation\t0\tX\tTransfer\tMoving, without taking out, all or a portion of a body part\n";
        let pcs = parse_pcs(codes, labels, definitions, "t").unwrap();
        assert_eq!(pcs.label("09XK0Z1", 2), Some("Ear, Nose, Sinus"));
        assert_eq!(pcs.label("09XK0Z1", 3), Some("Transfer"));
        assert_eq!(pcs.label("09XK0Z1", 4), Some("Nasal Mucosa and Soft Tissue"));
        assert_eq!(pcs.label("09XK0Z1", 6), Some("No Device"));
        assert_eq!(pcs.label("09XK0Z1", 7), None, "qualifier 1 of table 09X is in no title and no label");
        assert_eq!(pcs.entry("09XK0Z1").unwrap().title, "Transfer of Nasal Mucosa and Soft Tissue, Open Approach");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_a_panic(s in "\\PC{0,200}") {
            let _ = parse_pcs(&s, &s, &s, "t");
        }
    }
}
