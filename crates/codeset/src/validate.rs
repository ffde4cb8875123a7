//! Is this code reportable, and if not, why not and what would be right? The reasons are written for a coder:
//! "E11.2 is a subcategory header: report one of E11.21, E11.22, E11.29".

use crate::book::CodeBook;
use crate::icd10cm::{padded, CmLevel, Resolved};
use crate::input::{dotted_cm, normalize};
use crate::pcs::{axis_names, PcsProblem, ALPHABET};
use crate::system::CodeSystem;
use serde::Serialize;

/// The verdict on one input. Field names are stable (JSON output of `codefellow validate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validation {
    /// The input as given.
    pub input: String,
    /// The code as coders write it (E11.22), when the input could be read as one.
    pub code: Option<String>,
    /// The code set the input was judged in.
    pub system: Option<CodeSystem>,
    /// Reportable on a claim as it stands.
    pub valid: bool,
    /// Why not (or a caveat when valid, e.g. CPT checked by shape only).
    pub reason: Option<String>,
    /// Codes that would be right, nearest first.
    pub suggestions: Vec<String>,
}

/// Shapes of the code sets, for an input that fits none.
const SHAPES: &str = "ICD-10-CM is a letter, a digit and 1 to 5 more characters (E11.22); ICD-10-PCS is 7 characters (0DTJ4ZZ); HCPCS Level II is a letter and 4 digits (J1885); CPT is 5 characters (99213)";

/// Most suggestions listed in a reason.
const LIST_IN_REASON: usize = 8;

fn or_list(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n if n <= LIST_IN_REASON => format!("{} or {}", items[..n - 1].join(", "), items[n - 1]),
        n => format!("{}, … ({} in all)", items[..LIST_IN_REASON].join(", "), n),
    }
}

struct Verdict {
    code: String,
    valid: bool,
    reason: Option<String>,
    suggestions: Vec<String>,
    /// How far the input got: 0 nothing matched, 1 a related code exists, 2 valid.
    closeness: u8,
}

impl CodeBook {
    /// Validates one input, in `system` if given, else in whichever code set its shape and the book suggest.
    pub fn validate(&self, raw: &str, system: Option<CodeSystem>) -> Validation {
        let input = raw.to_string();
        let key = match normalize(raw) {
            Ok(k) => k,
            Err(e) => return Validation { input, code: None, system, valid: false, reason: Some(e.to_string()), suggestions: vec![] },
        };
        let candidates = crate::book::candidates(raw, &key, system);
        if candidates.is_empty() {
            if raw.contains('.') && !CodeSystem::by_shape(&key).is_empty() {
                let reason = format!("'{}' has a dot, which only ICD-10-CM codes have, but is not shaped like one: {SHAPES}", raw.trim());
                return Validation { input, code: None, system: None, valid: false, reason: Some(reason), suggestions: vec![] };
            }
            let reason = format!("'{}' is not shaped like a code: {SHAPES}", raw.trim());
            return Validation { input, code: None, system: None, valid: false, reason: Some(reason), suggestions: vec![] };
        }
        let mut verdicts: Vec<(CodeSystem, Verdict)> = Vec::with_capacity(candidates.len());
        for s in candidates {
            let v = self.verdict(s, &key);
            if v.valid {
                return Validation { input, code: Some(v.code), system: Some(s), valid: true, reason: v.reason, suggestions: v.suggestions };
            }
            verdicts.push((s, v));
        }
        // The closest reading leads; ties go to the earlier (more likely) code set. The other readings are
        // mentioned, since an undotted J9999 could be meant as HCPCS or as ICD-10-CM J99.99.
        let best = (0..verdicts.len()).fold(0, |b, i| if verdicts[i].1.closeness > verdicts[b].1.closeness { i } else { b });
        let (s, mut v) = verdicts.remove(best);
        for (other, ov) in verdicts {
            if let (Some(r), Some(or)) = (v.reason.as_mut(), ov.reason) {
                r.push_str(&format!(" (read as {}: {or})", other.label()));
            }
            v.suggestions.extend(ov.suggestions.into_iter().filter(|x| !v.suggestions.contains(x)).collect::<Vec<_>>());
        }
        Validation { input, code: Some(v.code), system: Some(s), valid: false, reason: v.reason, suggestions: v.suggestions }
    }

    /// The fast yes/no: reportable in any code set the shape allows.
    #[inline]
    pub fn is_valid(&self, raw: &str) -> bool {
        let Ok(key) = normalize(raw) else { return false };
        CodeSystem::by_shape(&key).into_iter().any(|s| self.is_valid_in(s, &key))
    }

    /// Reportable in one code set, for an already normalised key.
    #[inline]
    pub fn is_valid_in(&self, s: CodeSystem, key: &str) -> bool {
        match s {
            CodeSystem::Icd10Cm => self.icd10cm.resolve(key).is_some_and(|r| self.icd10cm.is_billable(r)),
            CodeSystem::Icd10Pcs => self.pcs.entry(key).is_some(),
            CodeSystem::Hcpcs => self.hcpcs.entry(key).is_some(),
            CodeSystem::Cpt => cpt_shape(key) && (!self.cpt.is_loaded() || self.cpt.descriptor(key).is_some()),
        }
    }

    fn verdict(&self, s: CodeSystem, key: &str) -> Verdict {
        match s {
            CodeSystem::Icd10Cm => self.cm_verdict(key),
            CodeSystem::Icd10Pcs => self.pcs_verdict(key),
            CodeSystem::Hcpcs => self.hcpcs_verdict(key),
            CodeSystem::Cpt => self.cpt_verdict(key),
        }
    }

    fn cm_verdict(&self, key: &str) -> Verdict {
        let cm = &self.icd10cm;
        let shown = dotted_cm(key);
        let bad = |reason: String, suggestions: Vec<String>, closeness: u8| Verdict { code: shown.clone(), valid: false, reason: Some(reason), suggestions, closeness };
        if !CodeSystem::by_shape(key).contains(&CodeSystem::Icd10Cm) {
            return bad(format!("{shown} is not an ICD-10-CM code: {SHAPES}"), vec![], 0);
        }
        if let Some(r) = cm.resolve(key) {
            if cm.is_billable(r) {
                return Verdict { code: cm.display(r), valid: true, reason: None, suggestions: vec![], closeness: 2 };
            }
            let Resolved::Node(i) = r else { unreachable!("extended codes are billable") };
            let n = cm.node(i);
            if cm.needs_seventh(i) {
                let exts = self.extensions(i);
                let placeholder = if n.key().len() < 6 { format!(", after the placeholder X ({})", dotted_cm(&padded(&n.key()))) } else { String::new() };
                let chars: Vec<String> = cm.sevenths(i).iter().map(|(c, _)| c.to_string()).collect();
                return bad(format!("{} needs a 7th character{placeholder}: {}", n.name, or_list(&chars)), exts, 1);
            }
            let kids: Vec<String> = n.children().iter().map(|&c| cm.node(c).name.clone()).collect();
            let what = if n.level == CmLevel::Category { "a category header" } else { "a subcategory header" };
            return bad(format!("{} is {what}: report one of {}", n.name, or_list(&kids)), kids, 1);
        }
        // Not a code. Find the longest prefix that is one, to say what went wrong after it.
        let mut near = self.cm_neighbours(key);
        for len in (3..key.len()).rev() {
            let Some(i) = cm.node_by_key(&key[..len]) else { continue };
            let n = cm.node(i);
            let rest = &key[len..];
            if cm.needs_seventh(i) {
                let def = cm.seven_def(i).expect("needs_seventh implies a definition");
                let base = padded(&n.key());
                let allowed = cm.sevenths(i);
                if key.len() == 7 && key[..6] == base {
                    let c = key.as_bytes()[6] as char;
                    let meanings: Vec<String> = allowed.iter().map(|(c, m)| format!("{c} {m}")).collect();
                    let chars: Vec<String> = allowed.iter().map(|(c, _)| c.to_string()).collect();
                    let why = if def.meaning(c).is_some() { " here (a Tabular note rules it out for this code)" } else { "" };
                    return bad(format!("'{c}' is not a 7th character of {}{why}: use {} ({})", n.name, or_list(&chars), meanings.join("; ")), self.extensions(i), 1);
                }
                if rest.len() == 1 && allowed.iter().any(|(c, _)| *c == rest.as_bytes()[0] as char) {
                    let right = dotted_cm(&format!("{base}{rest}"));
                    return bad(format!("the 7th character must be in the 7th position: fill the empty positions with the placeholder X and write {right}"), vec![right], 1);
                }
                let mut s = self.extensions(i);
                s.append(&mut near);
                let chars: Vec<String> = allowed.iter().map(|(c, _)| c.to_string()).collect();
                return bad(format!("{} has no code {shown}: it takes a 7th character ({}) after {}", n.name, or_list(&chars), dotted_cm(&base)), s, 1);
            }
            if n.is_leaf() {
                let mut s = vec![n.name.clone()];
                s.append(&mut near);
                return bad(format!("{} is complete as it is and takes no further characters: report {}", n.name, n.name), s, 1);
            }
            let kids: Vec<String> = n.children().iter().map(|&c| cm.node(c).name.clone()).collect();
            let mut s = near;
            for k in kids.iter() {
                if !s.contains(k) {
                    s.push(k.clone());
                }
            }
            return bad(format!("{shown} does not exist under {} ({}): report one of {}", n.name, n.title, or_list(&kids)), s, 1);
        }
        let reason = if near.is_empty() {
            format!("{shown} is not an ICD-10-CM code: category {} does not exist", &key[..3])
        } else {
            format!("{shown} is not an ICD-10-CM code: did you mean {}?", or_list(&near))
        };
        bad(reason, near, 0)
    }

    /// The 7th-character codes of a leaf that needs one.
    fn extensions(&self, i: u32) -> Vec<String> {
        let cm = &self.icd10cm;
        cm.sevenths(i).into_iter().map(|(c, _)| cm.display(Resolved::Extended { node: i, seventh: c })).collect()
    }

    /// Reportable codes one keystroke away: one character changed, or two neighbours swapped.
    fn cm_neighbours(&self, key: &str) -> Vec<String> {
        let cm = &self.icd10cm;
        let mut out = Vec::new();
        let b = key.as_bytes();
        let try_key = |k: &[u8], out: &mut Vec<String>| {
            if let Ok(s) = std::str::from_utf8(k) {
                if let Some(r) = cm.resolve(s) {
                    if cm.is_billable(r) {
                        let d = cm.display(r);
                        if !out.contains(&d) {
                            out.push(d);
                        }
                    }
                }
            }
        };
        for i in 0..b.len().saturating_sub(1) {
            let mut k = b.to_vec();
            k.swap(i, i + 1);
            try_key(&k, &mut out);
        }
        for i in 1..b.len() {
            for &c in ALPHABET {
                if c != b[i] {
                    let mut k = b.to_vec();
                    k[i] = c;
                    try_key(&k, &mut out);
                }
            }
        }
        out.truncate(LIST_IN_REASON);
        out
    }

    fn pcs_verdict(&self, key: &str) -> Verdict {
        let pcs = &self.pcs;
        let code = key.to_string();
        if key.len() != 7 || !key.bytes().all(|c| ALPHABET.contains(&c)) {
            let reason = if key.len() != 7 {
                format!("{key} has {} characters: an ICD-10-PCS code always has 7", key.len())
            } else {
                format!("{key} contains the letter I or O, which ICD-10-PCS never uses (they read as 1 and 0)")
            };
            return Verdict { code, valid: false, reason: Some(reason), suggestions: vec![], closeness: 0 };
        }
        let Some(problem) = pcs.diagnose(key) else {
            return Verdict { code, valid: true, reason: None, suggestions: vec![], closeness: 2 };
        };
        match problem {
            PcsProblem::NoTable { prefix, nearby } => {
                let section = crate::pcs::section_name(prefix.as_bytes()[0] as char).unwrap_or("no section");
                let reason = if nearby.is_empty() {
                    format!("{key}: there is no ICD-10-PCS table {prefix} (section {}: {section})", &prefix[..1])
                } else {
                    format!("{key}: there is no ICD-10-PCS table {prefix}; tables in {} are {}", &prefix[..2], or_list(&nearby))
                };
                Verdict { code, valid: false, reason: Some(reason), suggestions: nearby, closeness: 0 }
            }
            PcsProblem::BadCharacter { pos, found, allowed } => {
                let table = &key[..3];
                let axis = axis_names(key.as_bytes()[0] as char)[pos - 1].to_ascii_lowercase();
                let label = |p: usize, c: char| pcs.table(table).and_then(|t| t.label(p as u8, c)).map(|l| format!("{c} ({l})")).unwrap_or(c.to_string());
                let mut context = String::new();
                if pos > 4 {
                    context = format!(" for body part {}", label(4, key.as_bytes()[3] as char));
                    if pos > 5 {
                        let names = axis_names(key.as_bytes()[0] as char);
                        let before: Vec<String> = (5..pos).map(|p| format!("{} {}", names[p - 1].to_ascii_lowercase(), key.as_bytes()[p - 1] as char)).collect();
                        context.push_str(&format!(" with {}", before.join(" and ")));
                    }
                }
                let allowed_text: Vec<String> = allowed.iter().map(|&c| label(pos, c)).collect();
                let reason = if allowed.is_empty() {
                    format!("{key}: this combination of characters is not a code in table {table}")
                } else {
                    format!("{key}: character {pos} '{found}' is not allowed in table {table}{context}; the {axis} must be {}", or_list(&allowed_text))
                };
                let mut suggestions = Vec::new();
                for &c in &allowed {
                    let mut k = key.as_bytes().to_vec();
                    k[pos - 1] = c as u8;
                    if let Some(s) = self.complete_pcs(&k, pos) {
                        if !suggestions.contains(&s) {
                            suggestions.push(s);
                        }
                    }
                    if suggestions.len() >= LIST_IN_REASON {
                        break;
                    }
                }
                Verdict { code, valid: false, reason: Some(reason), suggestions, closeness: 1 }
            }
        }
    }

    /// A valid code that keeps characters 1..=pos and as many later characters as possible.
    fn complete_pcs(&self, k: &[u8], pos: usize) -> Option<String> {
        let s = std::str::from_utf8(k).ok()?;
        if self.pcs.entry(s).is_some() {
            return Some(s.to_string());
        }
        let t = self.pcs.table(&s[..3])?;
        t.codes().into_iter().find(|c| c.as_bytes()[..pos] == k[..pos])
    }

    fn hcpcs_verdict(&self, key: &str) -> Verdict {
        let code = key.to_string();
        if self.hcpcs.entry(key).is_some() {
            return Verdict { code, valid: true, reason: None, suggestions: vec![], closeness: 2 };
        }
        let near: Vec<String> = self.hcpcs.codes().iter().filter(|e| e.code[..3] == key[..3.min(key.len())]).map(|e| e.code.clone()).take(LIST_IN_REASON).collect();
        let reason = format!(
            "{key} is not in the loaded HCPCS Level II set ({}, {} codes); a programme with the full CMS file loads it with `codefellow import hcpcs FILE`",
            self.hcpcs.release,
            self.hcpcs.codes().len()
        );
        Verdict { code, valid: false, reason: Some(reason), suggestions: near, closeness: 1 }
    }

    fn cpt_verdict(&self, key: &str) -> Verdict {
        let code = key.to_string();
        if !cpt_shape(key) {
            return Verdict { code, valid: false, reason: Some(format!("{key} is not a CPT number: CPT is 5 digits, or 4 digits and F, T or U")), suggestions: vec![], closeness: 0 };
        }
        if !self.cpt.is_loaded() {
            let reason = "CPT number checked by its shape only: CPT descriptors are licensed by the AMA and none ship with Codefellow; `codefellow import cpt FILE` loads a licensed file".to_string();
            return Verdict { code, valid: true, reason: Some(reason), suggestions: vec![], closeness: 2 };
        }
        if self.cpt.descriptor(key).is_some() {
            return Verdict { code, valid: true, reason: None, suggestions: vec![], closeness: 2 };
        }
        Verdict { code, valid: false, reason: Some(format!("{key} is not in the imported CPT file ({})", self.cpt.release)), suggestions: vec![], closeness: 1 }
    }
}

/// Five digits, or four digits and F, T or U.
pub(crate) fn cpt_shape(key: &str) -> bool {
    CodeSystem::by_shape(key).contains(&CodeSystem::Cpt)
}

#[cfg(test)]
mod tests {
    use crate::book::tests::mini_book;
    use crate::CodeSystem;

    #[test]
    fn a_billable_code_is_valid_written_any_way() {
        let book = mini_book();
        for s in ["E11.22", "e1122", "  E11.22 ", "T36.0X1A"] {
            assert!(book.validate(s, None).valid, "{s}");
        }
    }

    #[test]
    fn a_header_is_rejected_with_its_children() {
        let v = mini_book().validate("E11.2", None);
        assert!(!v.valid);
        assert_eq!(v.reason.as_deref(), Some("E11.2 is a subcategory header: report one of E11.21 or E11.22"));
        assert_eq!(v.suggestions, ["E11.21", "E11.22"]);
    }

    #[test]
    fn a_missing_seventh_character_is_named() {
        let v = mini_book().validate("T36.0X1", None);
        assert_eq!(v.reason.as_deref(), Some("T36.0X1 needs a 7th character: A, D or S"));
        assert_eq!(v.suggestions, ["T36.0X1A", "T36.0X1D", "T36.0X1S"]);
    }

    #[test]
    fn a_wrong_seventh_character_lists_the_right_ones() {
        let v = mini_book().validate("T36.0X1Q", None);
        assert!(v.reason.unwrap().starts_with("'Q' is not a 7th character of T36.0X1: use A, D or S"));
    }

    #[test]
    fn an_extra_character_on_a_complete_code_is_explained() {
        let v = mini_book().validate("E11.22A", Some(CodeSystem::Icd10Cm));
        assert_eq!(v.reason.as_deref(), Some("E11.22 is complete as it is and takes no further characters: report E11.22"));
    }

    #[test]
    fn an_unknown_code_gets_its_neighbours() {
        let v = mini_book().validate("E11.12", Some(CodeSystem::Icd10Cm));
        assert!(!v.valid);
        assert!(v.suggestions.contains(&"E11.21".to_string()), "{v:?}");
    }

    #[test]
    fn cpt_is_checked_by_shape_without_a_licensed_file() {
        let v = mini_book().validate("99213", None);
        assert!(v.valid);
        assert!(v.reason.unwrap().contains("AMA"));
        assert!(!mini_book().validate("9921A", Some(CodeSystem::Cpt)).valid);
    }

    #[test]
    fn hostile_input_gets_a_reason_not_a_panic() {
        let book = mini_book();
        for s in ["", "   ", "E11\u{0}22", "'; DROP TABLE codes; --", "\u{202e}E11", &"9".repeat(100_000)] {
            let v = book.validate(s, None);
            assert!(!v.valid);
            assert!(v.reason.is_some(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn validate_never_panics(s in "\\PC{0,12}") {
            let _ = mini_book().validate(&s, None);
        }
    }
}
