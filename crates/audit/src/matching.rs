//! A submission against the gold coding, code by code, as a senior auditor reads it: each gold item gets one
//! finding (correct, or the kind of error), each submitted item nothing in the gold matches gets one (unsupported,
//! invalid, header), and each finding carries the gold's rule and evidence and the correction.

use crate::submission::Submission;
use cases::model::{Case, Evidence, Poa, Rule};
use codeset::{CodeBook, CodeSystem};
use serde::{Deserialize, Serialize};

/// The error categories of a coding audit (../shared/DOMAIN.md, "Audit vocabulary").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Correct,
    /// In the gold coding, not submitted.
    Missed,
    /// Submitted, not supported by the record.
    Unsupported,
    /// The right category or root operation, the wrong code within it.
    WrongSpecificity,
    WrongSeventhCharacter,
    WrongLaterality,
    /// The principal or first-listed diagnosis is elsewhere in the submission.
    Sequencing,
    PoaError,
    ModifierError,
    UnitsError,
    /// Not a code of the code set (or deleted).
    InvalidCode,
    /// A category or subcategory header where a complete code is required.
    HeaderCode,
    EmOver,
    EmUnder,
    HccMissed,
    HccUnsupported,
    /// The documentation called for a query and a code was given.
    QueryExpected,
    /// A query where the documentation supports a code.
    QueryNotExpected,
    AnesthesiaUnits,
}

impl Category {
    /// Every category, in the order of the enum (correct first).
    pub const ALL: [Category; 19] = [
        Category::Correct,
        Category::Missed,
        Category::Unsupported,
        Category::WrongSpecificity,
        Category::WrongSeventhCharacter,
        Category::WrongLaterality,
        Category::Sequencing,
        Category::PoaError,
        Category::ModifierError,
        Category::UnitsError,
        Category::InvalidCode,
        Category::HeaderCode,
        Category::EmOver,
        Category::EmUnder,
        Category::HccMissed,
        Category::HccUnsupported,
        Category::QueryExpected,
        Category::QueryNotExpected,
        Category::AnesthesiaUnits,
    ];

    pub fn is_error(self) -> bool {
        self != Category::Correct
    }

    /// Words for the report.
    pub fn label(self) -> &'static str {
        match self {
            Category::Correct => "correct",
            Category::Missed => "missed",
            Category::Unsupported => "unsupported",
            Category::WrongSpecificity => "wrong specificity",
            Category::WrongSeventhCharacter => "wrong 7th character",
            Category::WrongLaterality => "wrong laterality",
            Category::Sequencing => "sequencing error",
            Category::PoaError => "POA error",
            Category::ModifierError => "modifier error",
            Category::UnitsError => "units error",
            Category::InvalidCode => "invalid code",
            Category::HeaderCode => "header code",
            Category::EmOver => "E/M level over",
            Category::EmUnder => "E/M level under",
            Category::HccMissed => "HCC missed",
            Category::HccUnsupported => "HCC unsupported",
            Category::QueryExpected => "query expected",
            Category::QueryNotExpected => "query not expected",
            Category::AnesthesiaUnits => "anesthesia units",
        }
    }
}

/// The part of the coding a finding concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Diagnosis,
    Procedure,
    Service,
    Em,
    Hcc,
    Anesthesia,
    Query,
}

/// One line of the audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub category: Category,
    pub area: Area,
    /// The submitted code as written (or the query's subject).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<String>,
    /// The gold code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Position in the submission's list of that area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_index: Option<usize>,
    /// Position in the gold's list of that area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold_index: Option<usize>,
    /// What is right or wrong, and why.
    pub message: String,
    /// The rules that decide it (the gold rationale's, or the code set's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// The words of the record that support the gold item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// What to do instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
}

impl Finding {
    fn new(category: Category, area: Area, message: String) -> Finding {
        Finding {
            category,
            area,
            submitted: None,
            expected: None,
            submitted_index: None,
            gold_index: None,
            message,
            rules: vec![],
            evidence: vec![],
            correction: None,
        }
    }
}

/// A code as the tables key it: upper case, no dot, no spaces; kept on the stack (codes are compared often and
/// allocating a string for each comparison was a tenth of an audit's time). Input longer than 23 bytes keeps its
/// first 23 (no code is that long, so such input matches nothing real).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeKey {
    bytes: [u8; 23],
    len: u8,
}

impl std::ops::Deref for CodeKey {
    type Target = str;
    fn deref(&self) -> &str {
        // Only whole characters are copied in, so the bytes are UTF-8.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }
}

impl std::fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &**self)
    }
}

impl PartialEq<str> for CodeKey {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<String> for CodeKey {
    fn eq(&self, other: &String) -> bool {
        &**self == other.as_str()
    }
}

pub fn key(code: &str) -> CodeKey {
    let mut k = CodeKey { bytes: [0; 23], len: 0 };
    let code = code.trim_ascii();
    if code.is_ascii() {
        for &b in code.as_bytes().iter().filter(|&&b| b != b'.') {
            if k.len as usize == k.bytes.len() {
                break;
            }
            k.bytes[k.len as usize] = b.to_ascii_uppercase();
            k.len += 1;
        }
        return k;
    }
    for ch in code.trim().chars().filter(|&c| c != '.') {
        let c = ch.to_ascii_uppercase();
        let n = c.len_utf8();
        if k.len as usize + n > k.bytes.len() {
            break;
        }
        c.encode_utf8(&mut k.bytes[k.len as usize..]);
        k.len += n as u8;
    }
    k
}


fn poa_word(p: Option<Poa>) -> &'static str {
    match p {
        Some(Poa::Yes) => "Y",
        Some(Poa::No) => "N",
        Some(Poa::Unknown) => "U",
        Some(Poa::ClinicallyUndetermined) => "W",
        Some(Poa::Exempt) => "1 (exempt)",
        None => "none",
    }
}

/// How a submitted code stands in the code set.
enum Validity {
    Valid,
    Header(String),
    Invalid(String),
}

fn validity(book: &CodeBook, code: &str, system: CodeSystem) -> Validity {
    let v = book.validate(code, Some(system));
    if v.valid {
        return Validity::Valid;
    }
    let reason = v.reason.unwrap_or_else(|| "not a code".into());
    let header = reason.contains("header") || reason.contains("category") && reason.contains("report one of");
    if header {
        Validity::Header(reason)
    } else {
        Validity::Invalid(reason)
    }
}

fn title(book: &CodeBook, code: &str) -> Option<String> {
    book.describe(code).map(|d| d.title.into_owned())
}

const SIDES: [&str; 6] = ["right", "left", "bilateral", "unspecified side", "unspecified", "unilateral"];

/// Whether two codes of the same length differ only in the side: their titles differ only in laterality words.
fn laterality_only(book: &CodeBook, a: &str, b: &str) -> bool {
    if a.len() != b.len() || a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() != 1 {
        return false;
    }
    let (Some(ta), Some(tb)) = (title(book, a), title(book, b)) else { return false };
    let strip = |t: &str| {
        let mut s = t.to_ascii_lowercase();
        for w in SIDES {
            s = s.replace(w, "");
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    ta != tb && strip(&ta) == strip(&tb)
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// PCS axis names by character position (4th to 7th), for "wrong body part" and the like.
const PCS_AXES: [&str; 7] = ["section", "body system", "root operation", "body part", "approach", "device", "qualifier"];

/// Matches the submission against the case's gold coding.
pub fn match_case(case: &Case, sub: &Submission, book: &CodeBook) -> Vec<Finding> {
    let mut out = vec![];
    diagnoses(case, sub, book, &mut out);
    procedures(case, sub, book, &mut out);
    services(case, sub, book, &mut out);
    em(case, sub, &mut out);
    hccs(case, sub, &mut out);
    anesthesia(case, sub, &mut out);
    queries(case, sub, &mut out);
    out
}

/// How the submitted codes of one list pair with the gold's: exact matches in submission order, then near misses
/// closest first (`closeness` says how close a gold and a submitted code are, `None` when not at all), then what is
/// left: gold codes missed (gold order) and submitted codes matching nothing (submission order).
struct Pairing {
    exact: Vec<(usize, usize)>,
    near: Vec<(usize, usize)>,
    missed: Vec<usize>,
    extra: Vec<usize>,
}

fn pair(gk: &[CodeKey], sk: &[CodeKey], closeness: impl Fn(&str, &str) -> Option<usize>) -> Pairing {
    let mut gold_done = vec![false; gk.len()];
    let mut sub_done = vec![false; sk.len()];
    let mut exact = vec![];
    for (si, s) in sk.iter().enumerate() {
        if let Some(gi) = (0..gk.len()).find(|&g| !gold_done[g] && gk[g] == *s) {
            gold_done[gi] = true;
            sub_done[si] = true;
            exact.push((gi, si));
        }
    }
    let mut candidates = vec![];
    for gi in (0..gk.len()).filter(|&i| !gold_done[i]) {
        for si in (0..sk.len()).filter(|&i| !sub_done[i]) {
            if let Some(c) = closeness(&gk[gi], &sk[si]) {
                candidates.push((c, gi, si));
            }
        }
    }
    candidates.sort_by_key(|&(c, gi, si)| (std::cmp::Reverse(c), gi, si));
    let mut near = vec![];
    for (_, gi, si) in candidates {
        if !gold_done[gi] && !sub_done[si] {
            gold_done[gi] = true;
            sub_done[si] = true;
            near.push((gi, si));
        }
    }
    let missed = (0..gk.len()).filter(|&i| !gold_done[i]).collect();
    let extra = (0..sk.len()).filter(|&i| !sub_done[i]).collect();
    Pairing { exact, near, missed, extra }
}

/// A finding about a gold item: its code, place, rules and evidence (the last two left out of a brief audit).
fn with_gold(mut f: Finding, code: &str, gi: usize, rationale: &cases::model::Rationale, evidence: &[Evidence], brief: bool) -> Finding {
    f.expected = Some(code.to_string());
    f.gold_index = Some(gi);
    if !brief {
        f.rules = rationale.rules.clone();
        f.evidence = evidence.to_vec();
    }
    f
}

fn diagnoses(case: &Case, sub: &Submission, book: &CodeBook, out: &mut Vec<Finding>) {
    let brief = crate::brief();
    let inpatient = case.encounter.setting.is_inpatient();
    let first = if inpatient { "principal" } else { "first-listed" };
    let gold = &case.gold.diagnoses;
    let gk: Vec<CodeKey> = gold.iter().map(|d| key(&d.code)).collect();
    let sk: Vec<CodeKey> = sub.diagnoses.iter().map(|d| key(&d.code)).collect();
    let with_gold = |f: Finding, gi: usize| with_gold(f, &gold[gi].code, gi, &gold[gi].rationale, &gold[gi].evidence, brief);
    // Near misses share at least the category (three characters); the longer the shared start, the closer.
    let p = pair(&gk, &sk, |g, s| Some(common_prefix(g, s)).filter(|&n| n >= 3));

    // Exact matches, then the checks a right code can still fail: its place and its POA.
    for &(gi, si) in &p.exact {
        let g = &gold[gi];
        let mut f = if gi == 0 && si != 0 {
            let mut f = Finding::new(
                Category::Sequencing,
                Area::Diagnosis,
                say!(brief; "{} is the {first} diagnosis but was sequenced at position {}. {}", g.code, si + 1, g.rationale.text),
            );
            f.correction = Some(say!(brief; "sequence {} first", g.code));
            f
        } else if inpatient && g.poa.is_some() && sub.diagnoses[si].poa != g.poa {
            let mut f = Finding::new(
                Category::PoaError,
                Area::Diagnosis,
                say!(brief; 
                    "{}: POA {} submitted, {} is right for what the record shows on admission",
                    g.code,
                    poa_word(sub.diagnoses[si].poa),
                    poa_word(g.poa)
                ),
            );
            f.correction = Some(say!(brief; "report {} with POA {}", g.code, poa_word(g.poa)));
            f
        } else {
            Finding::new(Category::Correct, Area::Diagnosis, say!(brief; "{}: correct. {}", g.code, g.rationale.text))
        };
        f.submitted = Some(sub.diagnoses[si].code.clone());
        f.submitted_index = Some(si);
        out.push(with_gold(f, gi));
    }

    for &(gi, si) in &p.near {
        let (g, s) = (&gk[gi], &sk[si]);
        let gc = &gold[gi].code;
        let sc = &sub.diagnoses[si].code;
        let (category, why) = match validity(book, sc, CodeSystem::Icd10Cm) {
            Validity::Header(r) => (Category::HeaderCode, r),
            Validity::Invalid(r) => (Category::InvalidCode, r),
            Validity::Valid if g.len() == 7 && s.len() == 7 && g[..6] == s[..6] => (
                Category::WrongSeventhCharacter,
                say!(brief; "the 7th character is {} ({}), not {}", &g[6..], title(book, g).unwrap_or_default(), &s[6..]),
            ),
            Validity::Valid if laterality_only(book, g, s) => (
                Category::WrongLaterality,
                say!(brief; "the record documents {} (\"{}\"), not {}", gc, title(book, g).unwrap_or_default(), sc),
            ),
            Validity::Valid => (
                Category::WrongSpecificity,
                say!(brief; "{} is in the right category, but the record supports {} (\"{}\")", sc, gc, title(book, g).unwrap_or_default()),
            ),
        };
        let mut f = Finding::new(category, Area::Diagnosis, say!(brief; "{sc} submitted for {gc}: {why}. {}", gold[gi].rationale.text));
        f.submitted = Some(sc.clone());
        f.submitted_index = Some(si);
        f.correction = Some(say!(brief; "report {gc}"));
        out.push(with_gold(f, gi));
    }

    for &gi in &p.missed {
        let g = &gold[gi];
        let mut f = Finding::new(Category::Missed, Area::Diagnosis, say!(brief; "{} missed. {}", g.code, g.rationale.text));
        f.correction = Some(if gi == 0 { say!(brief; "report {} as the {first} diagnosis", g.code) } else { say!(brief; "add {}", g.code) });
        out.push(with_gold(f, gi));
    }
    for &si in &p.extra {
        let sc = &sub.diagnoses[si].code;
        let mut f = match validity(book, sc, CodeSystem::Icd10Cm) {
            Validity::Header(r) => Finding::new(Category::HeaderCode, Area::Diagnosis, say!(brief; "{sc}: {r}")),
            Validity::Invalid(r) => Finding::new(Category::InvalidCode, Area::Diagnosis, say!(brief; "{sc}: {r}")),
            Validity::Valid => {
                // A distractor the case lists on purpose says why it is not coded.
                let tempting = case.gold.not_coded.iter().find(|n| n.tempting_code.as_deref().map(key) == Some(sk[si]));
                match tempting {
                    Some(n) => {
                        let mut f = Finding::new(Category::Unsupported, Area::Diagnosis, say!(brief; "{} ({}): not coded. {}", codeset::input::dotted_cm(&sk[si]), n.about, n.rationale.text));
                        if !brief {
                            f.rules = n.rationale.rules.clone();
                        }
                        if !brief {
                            f.evidence = n.evidence.clone();
                        }
                        f
                    }
                    None => Finding::new(
                        Category::Unsupported,
                        Area::Diagnosis,
                        say!(brief; "{sc} (\"{}\") is not supported by the record", title(book, sc).unwrap_or_default()),
                    ),
                }
            }
        };
        f.submitted = Some(sc.clone());
        f.submitted_index = Some(si);
        f.correction = Some(say!(brief; "remove {sc}"));
        out.push(f);
    }
}

fn procedures(case: &Case, sub: &Submission, book: &CodeBook, out: &mut Vec<Finding>) {
    let brief = crate::brief();
    let gold = &case.gold.procedures;
    let gk: Vec<CodeKey> = gold.iter().map(|p| key(&p.code)).collect();
    let sk: Vec<CodeKey> = sub.procedures.iter().map(|p| key(&p.code)).collect();
    let with_gold = |f: Finding, gi: usize| with_gold(f, &gold[gi].code, gi, &gold[gi].rationale, &gold[gi].evidence, brief);
    // Near misses share the root operation (the first three characters); the more characters agree, the closer.
    let p = pair(&gk, &sk, |g, s| {
        (g.len() == 7 && s.len() == 7 && g[..3] == s[..3]).then(|| g.bytes().zip(s.bytes()).filter(|(a, b)| a == b).count())
    });
    for &(gi, si) in &p.exact {
        let mut f = Finding::new(Category::Correct, Area::Procedure, say!(brief; "{}: correct. {}", gold[gi].code, gold[gi].rationale.text));
        f.submitted = Some(sub.procedures[si].code.clone());
        f.submitted_index = Some(si);
        out.push(with_gold(f, gi));
    }
    for &(gi, si) in &p.near {
        let (g, s) = (&gk[gi], &sk[si]);
        let sc = &sub.procedures[si].code;
        let axes: Vec<&str> = (3..7).filter(|&i| g.as_bytes()[i] != s.as_bytes()[i]).map(|i| PCS_AXES[i]).collect();
        let (category, why) = match validity(book, sc, CodeSystem::Icd10Pcs) {
            Validity::Invalid(r) | Validity::Header(r) => (Category::InvalidCode, r),
            Validity::Valid if axes == ["body part"] && laterality_only(book, g, s) => {
                (Category::WrongLaterality, say!(brief; "the side is wrong: the record documents {}", title(book, g).unwrap_or_default()))
            }
            Validity::Valid => (
                Category::WrongSpecificity,
                say!(brief; "the root operation is right, the {} is not: {}", axes.join(" and "), title(book, g).unwrap_or_default()),
            ),
        };
        let mut f = Finding::new(category, Area::Procedure, say!(brief; "{sc} submitted for {}: {why}. {}", gold[gi].code, gold[gi].rationale.text));
        f.submitted = Some(sc.clone());
        f.submitted_index = Some(si);
        f.correction = Some(say!(brief; "report {}", gold[gi].code));
        out.push(with_gold(f, gi));
    }
    for &gi in &p.missed {
        let mut f = Finding::new(Category::Missed, Area::Procedure, say!(brief; "{} missed. {}", gold[gi].code, gold[gi].rationale.text));
        f.correction = Some(say!(brief; "add {}", gold[gi].code));
        out.push(with_gold(f, gi));
    }
    for &si in &p.extra {
        let sc = &sub.procedures[si].code;
        let mut f = match validity(book, sc, CodeSystem::Icd10Pcs) {
            Validity::Invalid(r) | Validity::Header(r) => Finding::new(Category::InvalidCode, Area::Procedure, say!(brief; "{sc}: {r}")),
            Validity::Valid => Finding::new(
                Category::Unsupported,
                Area::Procedure,
                say!(brief; "{sc} (\"{}\") is not supported by the record", title(book, sc).unwrap_or_default()),
            ),
        };
        f.submitted = Some(sc.clone());
        f.submitted_index = Some(si);
        f.correction = Some(say!(brief; "remove {sc}"));
        out.push(f);
    }
}

/// E/M codes are audited as a level (`em`), not as services.
fn is_em(code: &str) -> bool {
    let k = key(code);
    k.len() == 5 && k.starts_with("992") && k.bytes().all(|b| b.is_ascii_digit())
}

fn services(case: &Case, sub: &Submission, book: &CodeBook, out: &mut Vec<Finding>) {
    let brief = crate::brief();
    // The E/M level is audited apart (`em`): leave its line out of the services on both sides, and only it (critical
    // care's add-on 99292 and other 992xx lines are services with units).
    let gk: Vec<CodeKey> = case.gold.services.iter().map(|s| key(&s.code)).collect();
    let sk: Vec<CodeKey> = sub.services.iter().map(|s| key(&s.code)).collect();
    let gold_em = case.gold.em.as_ref().and_then(|e| {
        let k = key(&e.code);
        gk.iter().position(|x| *x == k)
    });
    let sub_em = match &sub.em {
        Some(e) => {
            let k = key(&e.code);
            sk.iter().position(|x| *x == k)
        }
        None if case.gold.em.is_some() => sub.services.iter().position(|s| is_em(&s.code)),
        None => None,
    };
    let gold: Vec<(usize, &cases::model::GoldService)> = case.gold.services.iter().enumerate().filter(|(i, _)| Some(*i) != gold_em).collect();
    let subs: Vec<(usize, &crate::submission::SubmittedService)> = sub.services.iter().enumerate().filter(|(i, _)| Some(*i) != sub_em).collect();
    let mut sub_done = vec![false; subs.len()];
    let norm = |ms: &[String]| {
        let mut v: Vec<String> = ms.iter().map(|m| m.trim().to_ascii_uppercase()).collect();
        v.sort();
        v
    };
    for &(gi, g) in &gold {
        let found = (0..subs.len()).find(|&i| !sub_done[i] && sk[subs[i].0] == gk[gi]);
        let mut f = match found {
            None => {
                let mut f = Finding::new(Category::Missed, Area::Service, say!(brief; "{} missed. {}", g.code, g.rationale.text));
                f.correction = Some(say!(brief; "add {}", g.code));
                f
            }
            Some(i) => {
                sub_done[i] = true;
                let (si, s) = subs[i];
                let (gm, sm) = (norm(&g.modifiers), norm(&s.modifiers));
                let mut f = if gm != sm {
                    let mut f = Finding::new(
                        Category::ModifierError,
                        Area::Service,
                        say!(brief; "{}: modifiers {} submitted, {} is right. {}", g.code, list_or_none(&sm), list_or_none(&gm), g.rationale.text),
                    );
                    f.correction = Some(say!(brief; "report {} with {}", g.code, list_or_none(&gm)));
                    f
                } else if g.units != s.units {
                    let mut f = Finding::new(
                        Category::UnitsError,
                        Area::Service,
                        say!(brief; "{}: {} units submitted, the record supports {}. {}", g.code, s.units, g.units, g.rationale.text),
                    );
                    f.correction = Some(say!(brief; "report {} units", g.units));
                    f
                } else {
                    Finding::new(Category::Correct, Area::Service, say!(brief; "{}: correct. {}", g.code, g.rationale.text))
                };
                f.submitted = Some(s.code.clone());
                f.submitted_index = Some(si);
                f
            }
        };
        f.expected = Some(g.code.clone());
        f.gold_index = Some(gi);
        if !brief {
            f.rules = g.rationale.rules.clone();
        }
        if !brief {
            f.evidence = g.evidence.clone();
        }
        out.push(f);
    }
    for (i, &(si, s)) in subs.iter().enumerate() {
        if sub_done[i] {
            continue;
        }
        let v = book.validate(&s.code, None);
        let mut f = if !v.valid {
            Finding::new(Category::InvalidCode, Area::Service, say!(brief; "{}: {}", s.code, v.reason.unwrap_or_default()))
        } else {
            Finding::new(Category::Unsupported, Area::Service, say!(brief; "{} is not supported by the record", s.code))
        };
        f.submitted = Some(s.code.clone());
        f.submitted_index = Some(si);
        f.correction = Some(say!(brief; "remove {}", s.code));
        out.push(f);
    }
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "no modifier".into()
    } else {
        v.join(", ")
    }
}

fn em(case: &Case, sub: &Submission, out: &mut Vec<Finding>) {
    let brief = crate::brief();
    let Some(g) = &case.gold.em else { return };
    // The level may be given as `em` or among the services.
    let submitted = sub.em.as_ref().map(|e| e.code.clone()).or_else(|| sub.services.iter().find(|s| is_em(&s.code)).map(|s| s.code.clone()));
    let basis = say!(brief; "MDM: problems {}, data {}, risk {}", g.problems, g.data, g.risk);
    let mut f = match &submitted {
        None => {
            let mut f = Finding::new(Category::Missed, Area::Em, say!(brief; "no E/M level submitted; {} is supported ({basis}). {}", g.code, g.rationale.text));
            f.correction = Some(say!(brief; "report {}", g.code));
            f
        }
        Some(s) if key(s) == key(&g.code) => Finding::new(Category::Correct, Area::Em, say!(brief; "{}: correct ({basis})", g.code)),
        Some(s) => {
            let (sk, gk) = (key(s), key(&g.code));
            // Within a family (99202–99205, 99212–99215, 99221–99223…) the last digit is the level.
            // Critical care (99291 first hour, 99292 each added half hour) is time, not a level.
            let same_family = sk.len() == 5 && gk.len() == 5 && sk[..4] == gk[..4] && !gk.starts_with("9929");
            let category = if same_family && sk > gk { Category::EmOver } else if same_family { Category::EmUnder } else { Category::WrongSpecificity };
            let mut f = Finding::new(
                category,
                Area::Em,
                say!(brief; "{s} submitted; the documentation supports {} ({basis}). {}", g.code, g.rationale.text),
            );
            f.correction = Some(say!(brief; "report {}", g.code));
            f
        }
    };
    f.submitted = submitted;
    f.expected = Some(g.code.clone());
    if !brief {
        f.rules = g.rationale.rules.clone();
    }
    if !brief {
        f.evidence = g.evidence.clone();
    }
    out.push(f);
}

fn hccs(case: &Case, sub: &Submission, out: &mut Vec<Finding>) {
    let brief = crate::brief();
    let same = |m: &str, h: u16, m2: &str, h2: u16| m.eq_ignore_ascii_case(m2) && h == h2;
    for (gi, g) in case.gold.hccs.iter().enumerate() {
        let found = sub.hccs.iter().position(|s| same(&s.model, s.hcc, &g.model, g.hcc));
        let mut f = match found {
            Some(si) => {
                let mut f = Finding::new(Category::Correct, Area::Hcc, say!(brief; "{} HCC {} ({}): supported. {}", g.model, g.hcc, g.diagnosis, g.rationale.text));
                f.submitted = Some(say!(brief; "{} HCC {}", sub.hccs[si].model, sub.hccs[si].hcc));
                f.submitted_index = Some(si);
                f
            }
            None => {
                let mut f = Finding::new(
                    Category::HccMissed,
                    Area::Hcc,
                    say!(brief; "{} HCC {} missed: {} has MEAT in the record. {}", g.model, g.hcc, g.diagnosis, g.rationale.text),
                );
                f.correction = Some(say!(brief; "capture {} HCC {} with {}", g.model, g.hcc, g.diagnosis));
                f
            }
        };
        f.expected = Some(say!(brief; "{} HCC {}", g.model, g.hcc));
        f.gold_index = Some(gi);
        if !brief {
            f.rules = g.rationale.rules.clone();
        }
        if !brief {
            f.evidence = [&g.monitored, &g.evaluated, &g.assessed, &g.treated].into_iter().flatten().cloned().collect();
        }
        out.push(f);
    }
    for (si, s) in sub.hccs.iter().enumerate() {
        if case.gold.hccs.iter().any(|g| same(&s.model, s.hcc, &g.model, g.hcc)) {
            continue;
        }
        let mut f = Finding::new(
            Category::HccUnsupported,
            Area::Hcc,
            say!(brief; "{} HCC {} ({}) is not supported: the record shows no MEAT for it in this encounter", s.model, s.hcc, s.diagnosis),
        );
        f.submitted = Some(say!(brief; "{} HCC {}", s.model, s.hcc));
        f.submitted_index = Some(si);
        f.correction = Some(say!(brief; "remove {} HCC {}", s.model, s.hcc));
        out.push(f);
    }
}

fn anesthesia(case: &Case, sub: &Submission, out: &mut Vec<Finding>) {
    let brief = crate::brief();
    let Some(g) = &case.gold.anesthesia else { return };
    let mut f = match &sub.anesthesia {
        None => {
            let mut f = Finding::new(Category::Missed, Area::Anesthesia, say!(brief; "anesthesia units not submitted. {}", g.rationale.text));
            f.correction = Some(say!(brief; "report {} base + {} time units + {} modifying, modifier {}", g.base_units, g.time_units(), g.modifying_units, g.modifier));
            f
        }
        Some(s) => {
            let mut wrong = vec![];
            if s.base_units != g.base_units {
                wrong.push(say!(brief; "base units {} (right: {})", s.base_units, g.base_units));
            }
            if s.time_minutes != g.time_minutes {
                wrong.push(say!(brief; "{} minutes (the record shows {})", s.time_minutes, g.time_minutes));
            }
            if s.modifying_units != g.modifying_units {
                wrong.push(say!(brief; "modifying units {} (right: {})", s.modifying_units, g.modifying_units));
            }
            let modifier_wrong = !s.modifier.trim().eq_ignore_ascii_case(&g.modifier);
            if !wrong.is_empty() {
                let mut f = Finding::new(Category::AnesthesiaUnits, Area::Anesthesia, say!(brief; "{}. {}", wrong.join("; "), g.rationale.text));
                f.correction = Some(say!(brief; "{} base + {} time units + {} modifying", g.base_units, g.time_units(), g.modifying_units));
                f
            } else if modifier_wrong {
                let mut f = Finding::new(
                    Category::ModifierError,
                    Area::Anesthesia,
                    say!(brief; "modifier {} submitted, {} is right. {}", s.modifier, g.modifier, g.rationale.text),
                );
                f.correction = Some(say!(brief; "report modifier {}", g.modifier));
                f
            } else {
                Finding::new(Category::Correct, Area::Anesthesia, say!(brief; "anesthesia units and modifier correct. {}", g.rationale.text))
            }
        }
    };
    f.expected = Some(say!(brief; "{} base + {} time units + {} modifying, {}", g.base_units, g.time_units(), g.modifying_units, g.modifier));
    f.submitted = sub.anesthesia.as_ref().map(|s| say!(brief; "{} base + {} minutes + {} modifying, {}", s.base_units, s.time_minutes, s.modifying_units, s.modifier));
    if !brief {
        f.rules = g.rationale.rules.clone();
    }
    if !brief {
        f.evidence = g.evidence.clone();
    }
    out.push(f);
}

fn queries(case: &Case, sub: &Submission, out: &mut Vec<Finding>) {
    let brief = crate::brief();
    // Queries are free text: the n-th submitted query answers the n-th expected one.
    for (gi, g) in case.gold.queries.iter().enumerate() {
        let mut f = match sub.queries.get(gi) {
            Some(s) => {
                let mut f = Finding::new(Category::Correct, Area::Query, say!(brief; "query on {}: right to ask. {}", g.about, g.rationale.text));
                f.submitted = Some(s.about.clone());
                f.submitted_index = Some(gi);
                f
            }
            None => {
                let mut f = Finding::new(
                    Category::QueryExpected,
                    Area::Query,
                    say!(brief; "the documentation calls for a query ({}), not a code. {}", g.about, g.rationale.text),
                );
                f.correction = Some(say!(brief; "query the provider: {}", g.text));
                f
            }
        };
        f.expected = Some(g.about.clone());
        f.gold_index = Some(gi);
        if !brief {
            f.rules = g.rationale.rules.clone();
        }
        if !brief {
            f.evidence = g.evidence.clone();
        }
        out.push(f);
    }
    for (si, s) in sub.queries.iter().enumerate().skip(case.gold.queries.len()) {
        let mut f = Finding::new(
            Category::QueryNotExpected,
            Area::Query,
            say!(brief; "query on {}: the record already documents enough to code", s.about),
        );
        f.submitted = Some(s.about.clone());
        f.submitted_index = Some(si);
        f.correction = Some("code from the documentation instead of querying".into());
        out.push(f);
    }
}
