//! Relations between ICD-10-CM codes that the Tabular states in its notes: Excludes1 pairs, "code first" and
//! "use additional code" requirements, manifestation codes. The audit engine's compliance edits ask these
//! questions of a submitted claim.
//!
//! Notes refer to codes in a few shapes, all read by [`CodeRef::parse_all`]: a code ("P70.2"), a category or
//! subcategory with everything below it ("E10.-", "O24.4-"), and a range ("N18.1-N18.6", "F70-F79").

use crate::icd10cm::{CmLevel, IcdCm, NoteKind, Resolved};
use serde::Serialize;

/// A reference to codes inside a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CodeRef {
    /// A code and everything below it (keys without dots: "E10", "P702").
    Prefix { code: String },
    /// Every code from `first` to `last` inclusive, compared at the length of the ends.
    Range { first: String, last: String },
}

impl CodeRef {
    /// Whether a code (key without dot) falls under this reference.
    pub fn covers(&self, key: &str) -> bool {
        match self {
            CodeRef::Prefix { code } => key.starts_with(code.as_str()),
            CodeRef::Range { first, last } => {
                let lo = &key[..first.len().min(key.len())];
                let hi = &key[..last.len().min(key.len())];
                lo >= first.as_str() && hi <= last.as_str()
            }
        }
    }

    /// Every code reference in a note's text, in order.
    pub fn parse_all(text: &str) -> Vec<CodeRef> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let Some((first, end)) = code_at(b, i) else {
                i += 1;
                continue;
            };
            let mut j = end;
            // "E10.-" / "O24.4-": the code and everything below it.
            if b.get(j) == Some(&b'.') && b.get(j + 1) == Some(&b'-') {
                j += 2;
                out.push(CodeRef::Prefix { code: first });
                i = j;
                continue;
            }
            if b.get(j) == Some(&b'-') {
                if let Some((last, end2)) = code_at(b, j + 1) {
                    out.push(CodeRef::Range { first, last });
                    i = end2;
                    continue;
                }
                out.push(CodeRef::Prefix { code: first });
                i = j + 1;
                continue;
            }
            out.push(CodeRef::Prefix { code: first });
            i = j;
        }
        out
    }
}

/// A code at byte `i` ("E11.22", "N18", "O9A.1"): its key (no dot) and where it ends.
fn code_at(b: &[u8], i: usize) -> Option<(String, usize)> {
    if i > 0 && b[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    if i + 3 > b.len() || !b[i].is_ascii_uppercase() || !(b[i + 1].is_ascii_digit() || b[i + 2].is_ascii_digit()) || !b[i + 2].is_ascii_alphanumeric() {
        return None;
    }
    let mut key: String = String::from_utf8_lossy(&b[i..i + 3]).into_owned();
    let mut j = i + 3;
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        j += 1;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            key.push(b[j] as char);
            j += 1;
        }
    } else if b.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((key, j))
}

/// One instruction that ties a code to others, with where it is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub kind: NoteKind,
    pub text: String,
    /// The code, category or block the note is printed at.
    pub from: String,
    pub refs: Vec<CodeRef>,
}

fn node_of(cm: &IcdCm, key: &str) -> Option<u32> {
    match cm.resolve(key)? {
        Resolved::Node(i) | Resolved::Extended { node: i, .. } => Some(i),
    }
}

impl IcdCm {
    /// The notes of one kind that apply to a code (own and inherited), with the codes they refer to.
    pub fn relations(&self, key: &str, kind: NoteKind) -> Vec<Relation> {
        let Some(i) = node_of(self, key) else { return vec![] };
        self.notes_of(i, kind)
            .into_iter()
            .map(|(text, at)| Relation { kind, text: text.to_string(), from: self.node(at).name.clone(), refs: CodeRef::parse_all(text) })
            .collect()
    }

    /// The Excludes1 note that forbids reporting `a` and `b` together, if any (either may carry it).
    pub fn excludes1_between(&self, a: &str, b: &str) -> Option<Relation> {
        let hit = |x: &str, y: &str| self.relations(x, NoteKind::Excludes1).into_iter().find(|r| r.refs.iter().any(|c| c.covers(y)));
        hit(a, b).or_else(|| hit(b, a))
    }

    /// Every pair of codes in a list that an Excludes1 note forbids together: (index a, index b, note).
    pub fn excludes1_pairs(&self, keys: &[&str]) -> Vec<(usize, usize, Relation)> {
        let mut out = Vec::new();
        for x in 0..keys.len() {
            for y in x + 1..keys.len() {
                if let Some(r) = self.excludes1_between(keys[x], keys[y]) {
                    out.push((x, y, r));
                }
            }
        }
        out
    }

    /// A manifestation code: "in diseases classified elsewhere" in its title or its category's, which the
    /// conventions forbid as principal or first-listed and which needs its etiology coded first.
    pub fn is_manifestation(&self, key: &str) -> bool {
        let Some(i) = node_of(self, key) else { return false };
        self.path(i).into_iter().any(|a| {
            let n = self.node(a);
            let t = n.title.to_ascii_lowercase();
            let elsewhere = t.contains("in diseases classified elsewhere") || t.contains("in other diseases classified elsewhere");
            !matches!(n.level, CmLevel::Chapter | CmLevel::Block) && elsewhere
        })
    }

    /// "Code first" notes of a code: the conditions to sequence before it.
    pub fn code_first(&self, key: &str) -> Vec<Relation> {
        self.relations(key, NoteKind::CodeFirst)
    }

    /// "Use additional code" notes of a code: the codes to report after it.
    pub fn use_additional(&self, key: &str) -> Vec<Relation> {
        self.relations(key, NoteKind::UseAdditionalCode)
    }

    /// "Code also" notes of a code.
    pub fn code_also(&self, key: &str) -> Vec<Relation> {
        self.relations(key, NoteKind::CodeAlso)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::icd10cm::tests::mini;

    #[test]
    fn note_references_of_every_shape_are_read() {
        assert_eq!(CodeRef::parse_all("type 1 diabetes mellitus (E10.-)"), [CodeRef::Prefix { code: "E10".into() }]);
        assert_eq!(CodeRef::parse_all("stage of chronic kidney disease (N18.1-N18.6)"), [CodeRef::Range { first: "N181".into(), last: "N186".into() }]);
        assert_eq!(CodeRef::parse_all("gestational diabetes (O24.4-)"), [CodeRef::Prefix { code: "O244".into() }]);
        assert_eq!(CodeRef::parse_all("intellectual disabilities (F70-F79) and (P70.2)"), [CodeRef::Range { first: "F70".into(), last: "F79".into() }, CodeRef::Prefix { code: "P702".into() }]);
        assert_eq!(CodeRef::parse_all("code (B95-B97), to identify infectious agent."), [CodeRef::Range { first: "B95".into(), last: "B97".into() }]);
        assert!(CodeRef::parse_all("no codes here, HIV and NOS").is_empty());
    }

    #[test]
    fn ranges_and_prefixes_cover_the_codes_below_them() {
        let r = CodeRef::Range { first: "N181".into(), last: "N186".into() };
        assert!(r.covers("N1830") && r.covers("N186") && !r.covers("N189") && !r.covers("N17"));
        assert!(CodeRef::Prefix { code: "E10".into() }.covers("E1022"));
    }

    #[test]
    fn an_excludes1_at_the_category_forbids_the_pair() {
        let cm = mini();
        let r = cm.excludes1_between("E1122", "E1022").unwrap();
        assert_eq!(r.from, "E11");
        assert!(cm.excludes1_between("E1122", "T360X1A").is_none());
    }

    proptest::proptest! {
        #[test]
        fn any_note_text_is_read_without_a_panic(s in "\\PC{0,80}") {
            let _ = CodeRef::parse_all(&s);
        }
    }
}
