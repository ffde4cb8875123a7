//! Compliance edits on the submission itself, whatever the gold says: what a claim scrubber and the Medicare Code
//! Editor would flag before the claim goes out.

use crate::matching::key;
use crate::submission::Submission;
use cases::model::{Case, Rule};
use codeset::relations::Relation;
use codeset::{CodeBook, CodeSystem, NoteKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    InvalidCode,
    HeaderCode,
    /// A code that needs a 7th character, or has one it may not.
    SeventhCharacter,
    /// A 7th character without the placeholder X that fills the empty positions.
    Placeholder,
    /// Two codes an Excludes1 note says never go together.
    Excludes1,
    /// A "code first" note whose code is reported after the code that carries it.
    CodeFirst,
    /// A "use additional code" note (not "if applicable") with none of its codes reported.
    UseAdditional,
    /// A manifestation code as principal or first-listed diagnosis.
    ManifestationFirst,
    Duplicate,
    /// A Medicare Code Editor edit (inpatient); `name` is the MCE's.
    Mce,
    /// An NCCI procedure-to-procedure edit: a column 2 code reported with its column 1 code (`ncci`).
    NcciPtp,
    /// More units of a code than its Medically Unlikely Edit allows (`ncci`).
    Mue,
}

/// One compliance edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceEdit {
    pub kind: EditKind,
    /// The edit's name: the MCE's (AGE_CONFLICT…) or the kind's in capitals.
    pub name: String,
    /// The codes concerned, as submitted.
    pub codes: Vec<String>,
    pub message: String,
    /// The rule that makes it an edit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// The gold coding draws the same edit: it belongs to the case (an unspecified code the record allows no better
    /// than, a questionable admission), not to the coder's choices, and costs nothing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub also_in_gold: bool,
}

thread_local! {
    /// Parsed Tabular instructions by (code, kind): a batch audits the same codes again and again, and reading a
    /// note's code references is the costly part of an edit check.
    static RELATIONS: std::cell::RefCell<rustc_hash::FxHashMap<(crate::matching::CodeKey, NoteKind), std::rc::Rc<Vec<Relation>>>> = Default::default();
    /// Whether a code is a manifestation (its titles walked once per code).
    static MANIFESTATION: std::cell::RefCell<rustc_hash::FxHashMap<crate::matching::CodeKey, bool>> = Default::default();
}

/// `IcdCm::relations`, remembered per thread.
pub(crate) fn relations(cm: &codeset::IcdCm, k: crate::matching::CodeKey, kind: NoteKind) -> std::rc::Rc<Vec<Relation>> {
    RELATIONS.with(|cache| {
        if let Some(r) = cache.borrow().get(&(k, kind)) {
            return r.clone();
        }
        let r = std::rc::Rc::new(cm.relations(&k, kind));
        cache.borrow_mut().insert((k, kind), r.clone());
        r
    })
}

/// `IcdCm::is_manifestation` or the MCE's manifestation list, remembered per thread.
fn is_manifestation(cm: &codeset::IcdCm, k: crate::matching::CodeKey) -> bool {
    let code: &str = &k;
    MANIFESTATION.with(|cache| {
        if let Some(&m) = cache.borrow().get(&k) {
            return m;
        }
        let m = grouper::Key::of(code).is_some_and(|x| grouper::Mce::builtin().is_manifestation(x)) || cm.is_manifestation(code);
        cache.borrow_mut().insert(k, m);
        m
    })
}

fn edit(kind: EditKind, codes: Vec<String>, message: String, rule: Option<Rule>) -> ComplianceEdit {
    let name = serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(|s| s.to_ascii_uppercase())).unwrap_or_default();
    ComplianceEdit { kind, name, codes, message, rule, also_in_gold: false }
}

/// The valid code a coder meant when they left out the placeholder X: X put in at each place between the category
/// and the 7th character until the code is 7 characters long, the first reading that is valid (dotted).
fn with_placeholder(book: &CodeBook, k: &str) -> Option<String> {
    if k.len() < 4 || k.len() >= 7 || k.contains('X') || !k.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let missing = 7 - k.len();
    (3..k.len()).find_map(|at| {
        let candidate = std::format!("{}{}{}", &k[..at], "X".repeat(missing), &k[at..]);
        book.is_valid_in(CodeSystem::Icd10Cm, &candidate).then(|| std::format!("{}.{}", &candidate[..3], &candidate[3..]))
    })
}

/// The edits the submission draws, each marked when the gold coding draws it too.
pub fn check(case: &Case, sub: &Submission, book: &CodeBook) -> Vec<ComplianceEdit> {
    let mut edits = raw(case, sub, book, Parts::ALL);
    if edits.is_empty() {
        return edits;
    }
    // The gold is checked only for the kinds of edit the submission drew (the Tabular part is the costly one).
    let has = |kinds: &[EditKind]| edits.iter().any(|e| kinds.contains(&e.kind));
    let parts = Parts {
        codes: has(&[EditKind::InvalidCode, EditKind::HeaderCode, EditKind::SeventhCharacter, EditKind::Placeholder, EditKind::Duplicate]),
        tabular: has(&[EditKind::Excludes1, EditKind::CodeFirst, EditKind::UseAdditional, EditKind::ManifestationFirst]),
        mce: has(&[EditKind::Mce]),
    };
    let gold = raw(case, &Submission::codes_of_gold(case), book, parts);
    let same = |a: &ComplianceEdit, b: &ComplianceEdit| {
        a.name == b.name && a.codes.len() == b.codes.len() && a.codes.iter().zip(&b.codes).all(|(x, y)| key(x) == key(y))
    };
    for e in &mut edits {
        e.also_in_gold = gold.iter().any(|g| same(e, g));
    }
    edits
}

/// Which groups of edits to run.
#[derive(Clone, Copy)]
struct Parts {
    /// Validity, 7th characters, placeholders, duplicates.
    codes: bool,
    /// Tabular instructions between the diagnoses.
    tabular: bool,
    /// The Medicare Code Editor.
    mce: bool,
}

impl Parts {
    const ALL: Parts = Parts { codes: true, tabular: true, mce: true };
}

fn raw(case: &Case, sub: &Submission, book: &CodeBook, parts: Parts) -> Vec<ComplianceEdit> {
    let brief = crate::brief();
    let mut out = vec![];
    let cm = &book.icd10cm;
    let first = if case.encounter.setting.is_inpatient() { "principal" } else { "first-listed" };

    // Validity, 7th characters and placeholders.
    // Each code keyed once, for validity, duplicates and the Tabular and MCE checks.
    let keys: Vec<crate::matching::CodeKey> = sub.diagnoses.iter().map(|d| key(&d.code)).collect();
    let pkeys: Vec<crate::matching::CodeKey> = sub.procedures.iter().map(|p| key(&p.code)).collect();
    let mut validity = |code: &str, k: Option<crate::matching::CodeKey>, system: Option<CodeSystem>| {
        let fast = match (system, k) {
            (Some(s), Some(k)) => book.is_valid_in(s, &k),
            _ => book.is_valid(code),
        };
        if fast {
            return true;
        }
        let v = book.validate(code, system);
        if v.valid {
            return true;
        }
        let mut reason = v.reason.unwrap_or_else(|| "not a code".into());
        // A 7th character written without the placeholder X that fills the empty positions before it (T40.21A for
        // T40.2X1A): the code with X put in is valid.
        let placeholder = (system != Some(CodeSystem::Icd10Pcs)).then(|| with_placeholder(book, &key(code))).flatten();
        if let Some(right) = &placeholder {
            reason = say!(brief; "a 7th character needs the placeholder X in the empty positions before it: {right}");
        }
        let low = reason.to_ascii_lowercase();
        let kind = if placeholder.is_some() || low.contains("placeholder") {
            EditKind::Placeholder
        } else if low.contains("7th character") {
            EditKind::SeventhCharacter
        } else if low.contains("header") {
            EditKind::HeaderCode
        } else {
            EditKind::InvalidCode
        };
        let rule = match kind {
            EditKind::Placeholder | EditKind::SeventhCharacter => Some(Rule::Guideline("OCG I.A.5".into())),
            _ => Some(Rule::Guideline("OCG I.B.3".into())),
        };
        if parts.codes {
            out.push(edit(kind, vec![code.to_string()], say!(brief; "{code}: {reason}"), rule));
        }
        false
    };
    let valid_dx: Vec<bool> = sub.diagnoses.iter().zip(&keys).map(|(d, k)| validity(&d.code, Some(*k), Some(CodeSystem::Icd10Cm))).collect();
    for (p, k) in sub.procedures.iter().zip(&pkeys) {
        validity(&p.code, Some(*k), Some(CodeSystem::Icd10Pcs));
    }
    for s in &sub.services {
        validity(&s.code, None, None);
    }

    if parts.codes {
        // Duplicates.
        for (i, k) in keys.iter().enumerate() {
            if keys[..i].contains(k) {
                out.push(edit(EditKind::Duplicate, vec![sub.diagnoses[i].code.clone()], say!(brief; "{} is reported twice: report a code once", sub.diagnoses[i].code), None));
            }
        }
        for (i, k) in pkeys.iter().enumerate() {
            if pkeys[..i].contains(k) {
                out.push(edit(
                    EditKind::Duplicate,
                    vec![sub.procedures[i].code.clone()],
                    say!(brief; "{} is reported twice: a procedure done twice in the same site and approach is reported once unless the PCS guidelines allow more (PCS B3.2)", sub.procedures[i].code),
                    Some(Rule::Guideline("PCS B3.2".into())),
                ));
            }
        }

    }
    if parts.tabular {
        // Tabular instructions between the valid diagnoses.
        let valid: Vec<(usize, &str)> = keys.iter().enumerate().filter(|(i, _)| valid_dx[*i]).map(|(i, k)| (i, &**k)).collect();
        // Inpatient claims get it from the Medicare Code Editor below (MANIFESTATION_AS_PDX); other settings from the
        // same CMS list and the Tabular's "in (other) diseases classified elsewhere" titles.
        let inpatient = case.encounter.setting.is_inpatient();
        if let (Some(&(0, _)), false) = (valid.first(), inpatient) {
            if is_manifestation(cm, keys[0]) {
                out.push(edit(
                    EditKind::ManifestationFirst,
                    vec![sub.diagnoses[0].code.clone()],
                    say!(brief; "{} is a manifestation code (\"in diseases classified elsewhere\") and cannot be the {first} diagnosis: sequence the underlying condition first", sub.diagnoses[0].code),
                    Some(Rule::Guideline("OCG I.A.13".into())),
                ));
            }
        }
        // Each code's Excludes1 notes are read once; a pair is flagged by the first note of either code that covers the
        // other.
        let excludes: Vec<std::rc::Rc<Vec<Relation>>> = valid.iter().map(|(i, _)| relations(cm, keys[*i], NoteKind::Excludes1)).collect();
        let mut pairs = vec![];
        for a in 0..valid.len() {
            for b in a + 1..valid.len() {
                let hit = |x: usize, y: usize| excludes[x].iter().find(|r| r.refs.iter().any(|c| c.covers(valid[y].1))).cloned();
                if let Some(rel) = hit(a, b).or_else(|| hit(b, a)) {
                    pairs.push((a, b, rel));
                }
            }
        }
        for (a, b, rel) in pairs {
            let (ia, ib) = (valid[a].0, valid[b].0);
            let excepted = case.gold.excludes1_exceptions.iter().any(|e| {
                let ek = [key(&e.codes[0]), key(&e.codes[1])];
                ek.contains(&keys[ia]) && ek.contains(&keys[ib])
            });
            if excepted {
                continue;
            }
            out.push(edit(
                EditKind::Excludes1,
                vec![sub.diagnoses[ia].code.clone(), sub.diagnoses[ib].code.clone()],
                say!(brief; 
                    "{} and {} are reported together, but {}'s Excludes1 note says they never are (\"{}\")",
                    sub.diagnoses[ia].code, sub.diagnoses[ib].code, rel.from, rel.text
                ),
                Some(Rule::Tabular(say!(brief; "{} Excludes1", rel.from))),
            ));
        }
        for &(i, _) in &valid {
            for rel in relations(cm, keys[i], NoteKind::CodeFirst).iter() {
                let after = valid.iter().find(|&&(j, other)| j > i && rel.refs.iter().any(|r| r.covers(other)));
                if let Some(&(j, _)) = after {
                    out.push(edit(
                        EditKind::CodeFirst,
                        vec![sub.diagnoses[i].code.clone(), sub.diagnoses[j].code.clone()],
                        say!(brief; 
                            "{} carries \"Code first {}\": {} must be sequenced before it",
                            sub.diagnoses[i].code, rel.text, sub.diagnoses[j].code
                        ),
                        Some(Rule::Tabular(say!(brief; "{} Code first", rel.from))),
                    ));
                }
            }
            // A note that ends with ':' leads a list of alternatives ("to identify control using: insulin, oral…"):
            // neither it nor its items are one instruction to expect.
            let notes = relations(cm, keys[i], NoteKind::UseAdditionalCode);
            let mut in_list: Option<String> = None;
            for rel in notes.iter() {
                if rel.text.trim_end().ends_with(':') {
                    in_list = Some(rel.from.clone());
                    continue;
                }
                if in_list.as_deref() == Some(rel.from.as_str()) {
                    continue;
                }
                in_list = None;
                // Only an instruction of the code itself or its subcategory is specific enough to expect: category,
                // block and chapter notes list codes to add when they apply (tobacco exposure, drug use, organisms).
                let own_level = rel.from.replace('.', "").len() >= 4 && !rel.from.contains('-');
                let low = rel.text.to_ascii_lowercase();
                let optional = ["applicable", "if known", "if desired", "if present", "any "].iter().any(|w| low.contains(w));
                if !own_level || optional || rel.refs.is_empty() {
                    continue;
                }
                if !valid.iter().any(|&(j, other)| j != i && rel.refs.iter().any(|r| r.covers(other))) {
                    out.push(edit(
                        EditKind::UseAdditional,
                        vec![sub.diagnoses[i].code.clone()],
                        say!(brief; 
                            "{} carries \"Use additional {}{}\", and no such code is reported",
                            sub.diagnoses[i].code,
                            if rel.text.starts_with("code") { "" } else { "code " },
                            rel.text
                        ),
                        Some(Rule::Tabular(say!(brief; "{} Use additional code", rel.from))),
                    ));
                }
            }
        }

    }
    if parts.mce {
        // The Medicare Code Editor, for inpatient claims.
        if case.encounter.setting.is_inpatient() {
            if let Some(claim) = crate::financial::claim_of_submission(case, sub) {
                for e in grouper::Mce::builtin().edit(&claim) {
                    let code = e.code.as_string();
                    let shown = keys
                        .iter()
                        .zip(sub.diagnoses.iter().map(|d| &d.code))
                        .chain(pkeys.iter().zip(sub.procedures.iter().map(|p| &p.code)))
                        .find(|(k, _)| **k == code)
                        .map(|(_, c)| c.clone())
                        .unwrap_or(code);
                    // Validity is reported once, from the code book above.
                    if e.edit == grouper::Edit::InvalidCode {
                        continue;
                    }
                    out.push(ComplianceEdit {
                        kind: EditKind::Mce,
                        name: e.edit.name().to_string(),
                        codes: vec![shown],
                        message: e.message(),
                        rule: Some(Rule::Edit(say!(brief; "MCE {}", e.edit.name().to_ascii_lowercase().replace('_', " ")))),
                        also_in_gold: false,
                    });
                }
            }
        }
    }
    out
}
