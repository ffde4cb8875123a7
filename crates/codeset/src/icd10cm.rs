//! ICD-10-CM as the Tabular List lays it out: chapter → block → category → subcategory → code.
//!
//! Notes sit on the node where the Tabular prints them and apply to everything below it (a category's
//! Excludes1 applies to all its codes), so [`IcdCm::notes`] walks up the path and says where each note comes from.
//! Codes that need a 7th character are not stored one by one: the definitions of the allowed 7th characters sit
//! on the category or subcategory ([`SevenChrDef`]), and a 7-character code is resolved against them, with the
//! placeholder X filling positions 5–6 of shorter codes (T36.0X1A).

use crate::input::dotted_cm;
use crate::key::pack;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Where a node stands in the Tabular.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CmLevel {
    /// One of the 22 chapters ("4": Endocrine, nutritional and metabolic diseases).
    Chapter,
    /// A block of categories (E08-E13), called a section in the XML.
    Block,
    /// A three-character category (E11).
    Category,
    /// A code with children (E11.2): a header, not reportable.
    Subcategory,
    /// A code without children (E11.22), reportable unless it needs a 7th character.
    Code,
}

impl CmLevel {
    pub fn name(self) -> &'static str {
        match self {
            CmLevel::Chapter => "chapter",
            CmLevel::Block => "block",
            CmLevel::Category => "category",
            CmLevel::Subcategory => "subcategory",
            CmLevel::Code => "code",
        }
    }
}

/// The kinds of Tabular instruction. The names are stable: they appear in JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Inclusion terms: other conditions the code covers.
    InclusionTerm,
    /// "Includes": further defines the content of the category.
    Includes,
    /// "Excludes1": NOT CODED HERE; never reported together.
    Excludes1,
    /// "Excludes2": not included here; may be reported together.
    Excludes2,
    /// "Code first": the underlying condition is sequenced before this code.
    CodeFirst,
    /// "Use additional code": another code is also reported, after this one.
    UseAdditionalCode,
    /// "Code also": two codes may be needed; sequence by circumstance.
    CodeAlso,
    /// A general note.
    Note,
    /// The instruction that introduces the 7th characters, and the characters themselves.
    SeventhCharacter,
}

impl NoteKind {
    pub const ALL: [NoteKind; 9] = [
        NoteKind::InclusionTerm,
        NoteKind::Includes,
        NoteKind::Excludes1,
        NoteKind::Excludes2,
        NoteKind::CodeFirst,
        NoteKind::UseAdditionalCode,
        NoteKind::CodeAlso,
        NoteKind::Note,
        NoteKind::SeventhCharacter,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NoteKind::InclusionTerm => "inclusion_term",
            NoteKind::Includes => "includes",
            NoteKind::Excludes1 => "excludes1",
            NoteKind::Excludes2 => "excludes2",
            NoteKind::CodeFirst => "code_first",
            NoteKind::UseAdditionalCode => "use_additional_code",
            NoteKind::CodeAlso => "code_also",
            NoteKind::Note => "note",
            NoteKind::SeventhCharacter => "seventh_character",
        }
    }

    /// How the Tabular prints the heading of the note.
    pub fn heading(self) -> &'static str {
        match self {
            NoteKind::InclusionTerm => "Inclusion term",
            NoteKind::Includes => "Includes",
            NoteKind::Excludes1 => "Excludes1",
            NoteKind::Excludes2 => "Excludes2",
            NoteKind::CodeFirst => "Code first",
            NoteKind::UseAdditionalCode => "Use additional code",
            NoteKind::CodeAlso => "Code also",
            NoteKind::Note => "Note",
            NoteKind::SeventhCharacter => "7th character",
        }
    }
}

/// One instruction line of the Tabular.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
}

/// The 7th characters allowed below a category or subcategory, with what each one means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SevenChrDef {
    /// The instruction that introduces them ("The appropriate 7th character is to be added to each code…").
    pub note: Option<String>,
    /// (character, meaning), in Tabular order: ('A', "initial encounter"), …
    pub values: Vec<(char, String)>,
}

impl SevenChrDef {
    pub fn meaning(&self, c: char) -> Option<&str> {
        self.values.iter().find(|(v, _)| *v == c).map(|(_, m)| m.as_str())
    }

    /// "A, D or S".
    pub fn list(&self) -> String {
        let chars: Vec<String> = self.values.iter().map(|(c, _)| c.to_string()).collect();
        match chars.len() {
            0 => String::new(),
            1 => chars[0].clone(),
            n => format!("{} or {}", chars[..n - 1].join(", "), chars[n - 1]),
        }
    }
}

/// A hint the Tabular gives about who a code is for; kept for the Medicare Code Editor's age and sex edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeSexHint {
    /// Chapter 15: maternal records only, never newborn records.
    Maternal,
    /// Chapter 16 and similar: newborn (perinatal) records only.
    Newborn,
    /// Conditions of the female genital organs, pregnancy.
    Female,
    /// Conditions of the male genital organs.
    Male,
}

/// A chapter, block or code of the Tabular.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CmNode {
    pub level: CmLevel,
    /// As the Tabular writes it: "4", "E08-E13", "E11", "E11.22".
    pub name: String,
    pub title: String,
    parent: u32,
    children: Vec<u32>,
    pub notes: Vec<Note>,
    pub seven: Option<SevenChrDef>,
    /// 7th characters a note at this node rules out for some codes below it: (position, character there,
    /// excluded 7th character). S06: "7th characters D and S do not apply to codes … with 6th character 7 … or 8".
    pub seven_excluded: Vec<(u8, char, char)>,
    pub hints: Vec<AgeSexHint>,
}

const NONE: u32 = u32::MAX;

impl CmNode {
    pub fn parent(&self) -> Option<u32> {
        (self.parent != NONE).then_some(self.parent)
    }
    pub fn children(&self) -> &[u32] {
        &self.children
    }
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
    /// The name without the dot, as codes are keyed ("E1122").
    pub fn key(&self) -> String {
        self.name.replace('.', "")
    }
}

/// What a normalised ICD-10-CM code string resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// A node of the Tabular (chapter, block, category, subcategory or code).
    Node(u32),
    /// A code made of a Tabular code (padded with X) and one of its allowed 7th characters.
    Extended { node: u32, seventh: char },
}

/// The ICD-10-CM Tabular List of one release.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct IcdCm {
    /// The release, e.g. "FY2026 (April 1, 2026 update)".
    pub release: String,
    nodes: Vec<CmNode>,
    chapters: Vec<u32>,
    #[serde(skip)]
    by_key: FxHashMap<u64, u32>,
    #[serde(skip)]
    blocks: FxHashMap<String, u32>,
}

/// The Tabular given to the builder is not well formed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BuildError {
    /// A code or block without a name.
    #[error("a {0} has no name")]
    NoName(&'static str),
    /// The same code twice.
    #[error("{0} appears twice in the Tabular")]
    Duplicate(String),
    /// A code name that is not letters, digits and one dot.
    #[error("'{0}' is not an ICD-10-CM code name")]
    BadName(String),
    /// Notes outside any node, or a close without an open.
    #[error("the Tabular's nesting is broken near {0}")]
    Nesting(String),
}

impl IcdCm {
    /// Rebuilds the lookup maps; called after deserialising.
    pub fn reindex(&mut self) {
        self.by_key = FxHashMap::with_capacity_and_hasher(self.nodes.len(), Default::default());
        self.blocks = FxHashMap::default();
        for (i, n) in self.nodes.iter().enumerate() {
            match n.level {
                CmLevel::Chapter => {}
                CmLevel::Block => {
                    self.blocks.insert(n.name.clone(), i as u32);
                }
                _ => {
                    if let Some(k) = pack(n.key().as_bytes()) {
                        self.by_key.insert(k, i as u32);
                    }
                }
            }
        }
    }

    pub fn node(&self, i: u32) -> &CmNode {
        &self.nodes[i as usize]
    }
    pub fn nodes(&self) -> &[CmNode] {
        &self.nodes
    }
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
    pub fn chapters(&self) -> &[u32] {
        &self.chapters
    }

    /// A chapter by its number ("4") or a block by its range ("E08-E13").
    pub fn chapter_or_block(&self, name: &str) -> Option<u32> {
        let name = name.trim().to_ascii_uppercase();
        if let Some(&i) = self.blocks.get(&name) {
            return Some(i);
        }
        let num = name.trim_start_matches("CHAPTER").trim();
        self.chapters.iter().copied().find(|&c| self.nodes[c as usize].name == num)
    }

    /// The node of a Tabular code, by its normalised key ("E1122").
    #[inline]
    pub fn node_by_key(&self, key: &str) -> Option<u32> {
        self.by_key.get(&pack(key.as_bytes())?).copied()
    }

    /// The 7th-character definition in force at a node: its own, or the nearest ancestor's.
    pub fn seven_def(&self, mut i: u32) -> Option<&SevenChrDef> {
        loop {
            let n = &self.nodes[i as usize];
            if let Some(s) = &n.seven {
                return Some(s);
            }
            if n.level == CmLevel::Category || n.parent == NONE {
                return None;
            }
            i = n.parent;
        }
    }

    /// The 7th characters a leaf takes, with their meanings: the definition in force, less any a note rules out
    /// for this code.
    pub fn sevenths(&self, i: u32) -> Vec<(char, &str)> {
        let Some(def) = self.seven_def(i) else { return vec![] };
        let key = padded(&self.nodes[i as usize].key());
        let kb = key.as_bytes();
        let path = self.path(i);
        def.values
            .iter()
            .filter(|(c, _)| {
                !path.iter().any(|&a| self.nodes[a as usize].seven_excluded.iter().any(|&(pos, at, ex)| ex == *c && kb.get(pos as usize - 1).is_some_and(|&b| b as char == at)))
            })
            .map(|(c, m)| (*c, m.as_str()))
            .collect()
    }

    /// Whether a Tabular code is reportable as it stands: a leaf that needs no 7th character.
    pub fn is_billable_node(&self, i: u32) -> bool {
        let n = &self.nodes[i as usize];
        matches!(n.level, CmLevel::Code | CmLevel::Category) && n.is_leaf() && self.seven_def(i).is_none()
    }

    /// Whether a leaf takes a 7th character.
    pub fn needs_seventh(&self, i: u32) -> bool {
        let n = &self.nodes[i as usize];
        n.is_leaf() && !matches!(n.level, CmLevel::Chapter | CmLevel::Block) && self.seven_def(i).is_some()
    }

    /// Resolves a normalised code (upper case, no dot).
    #[inline]
    pub fn resolve(&self, key: &str) -> Option<Resolved> {
        if let Some(i) = self.node_by_key(key) {
            return Some(Resolved::Node(i));
        }
        if key.len() != 7 || !key.is_ascii() {
            return None;
        }
        let seventh = key.as_bytes()[6] as char;
        let six = &key[..6];
        let base = six.trim_end_matches('X');
        let i = self.node_by_key(base)?;
        if !self.needs_seventh(i) || padded(base) != six {
            return None;
        }
        self.sevenths(i).iter().any(|(c, _)| *c == seventh).then_some(Resolved::Extended { node: i, seventh })
    }

    /// The key of a resolved code ("T360X1A").
    pub fn key_of(&self, r: Resolved) -> String {
        match r {
            Resolved::Node(i) => self.nodes[i as usize].key(),
            Resolved::Extended { node, seventh } => format!("{}{}", padded(&self.nodes[node as usize].key()), seventh),
        }
    }

    /// The code as coders write it ("T36.0X1A").
    pub fn display(&self, r: Resolved) -> String {
        match r {
            Resolved::Node(i) => self.nodes[i as usize].name.clone(),
            Resolved::Extended { .. } => dotted_cm(&self.key_of(r)),
        }
    }

    /// The title; an extended code's title is its base title and the meaning of its 7th character,
    /// as in the CMS code descriptions file.
    pub fn title(&self, r: Resolved) -> String {
        match r {
            Resolved::Node(i) => self.nodes[i as usize].title.clone(),
            Resolved::Extended { node, seventh } => {
                let meaning = self.seven_def(node).and_then(|d| d.meaning(seventh)).unwrap_or("");
                format!("{}, {}", self.nodes[node as usize].title, meaning)
            }
        }
    }

    pub fn is_billable(&self, r: Resolved) -> bool {
        match r {
            Resolved::Node(i) => self.is_billable_node(i),
            Resolved::Extended { .. } => true,
        }
    }

    /// The node itself and its ancestors, chapter first.
    pub fn path(&self, i: u32) -> Vec<u32> {
        let mut p = vec![i];
        let mut cur = i;
        while let Some(parent) = self.nodes[cur as usize].parent() {
            p.push(parent);
            cur = parent;
        }
        p.reverse();
        p
    }

    /// Every note that applies to a node, with the node it is printed at, nearest first.
    pub fn notes(&self, i: u32) -> Vec<(&Note, u32)> {
        let mut out = Vec::new();
        for &a in self.path(i).iter().rev() {
            for n in &self.nodes[a as usize].notes {
                out.push((n, a));
            }
        }
        out
    }

    /// Notes of one kind that apply to a node (own and inherited).
    pub fn notes_of(&self, i: u32, kind: NoteKind) -> Vec<(&str, u32)> {
        self.notes(i).into_iter().filter(|(n, _)| n.kind == kind).map(|(n, a)| (n.text.as_str(), a)).collect()
    }

    /// The age/sex hints in force at a node (own and inherited).
    pub fn hints(&self, i: u32) -> Vec<AgeSexHint> {
        let mut out = Vec::new();
        for a in self.path(i) {
            for h in &self.nodes[a as usize].hints {
                if !out.contains(h) {
                    out.push(*h);
                }
            }
        }
        out
    }

    /// Every reportable code of the release, in Tabular order, 7th-character codes expanded.
    pub fn billable_codes(&self) -> impl Iterator<Item = Resolved> + '_ {
        (0..self.nodes.len() as u32).flat_map(move |i| {
            let mut v = Vec::new();
            if self.is_billable_node(i) {
                v.push(Resolved::Node(i));
            } else if self.needs_seventh(i) {
                for (c, _) in self.sevenths(i) {
                    v.push(Resolved::Extended { node: i, seventh: c });
                }
            }
            v
        })
    }
}

/// Pads a code key shorter than 6 characters with the placeholder X up to 6 ("T361" → "T361XX").
pub fn padded(key: &str) -> String {
    let mut s = key.to_string();
    while s.len() < 6 {
        s.push('X');
    }
    s
}

/// Builds an [`IcdCm`] from the Tabular read in document order: open a node, give it a name, a title, notes
/// and children, close it. The XML reader in `importer` drives it; tests drive it by hand.
#[derive(Debug, Default)]
pub struct IcdCmBuilder {
    release: String,
    nodes: Vec<CmNode>,
    chapters: Vec<u32>,
    stack: Vec<u32>,
}

impl IcdCmBuilder {
    pub fn new(release: impl Into<String>) -> Self {
        IcdCmBuilder { release: release.into(), ..Default::default() }
    }

    /// Opens a node below the current one. `level` is Chapter, Block or Code (Code is refined to Category or
    /// Subcategory when the node is closed).
    pub fn open(&mut self, level: CmLevel) {
        let parent = self.stack.last().copied().unwrap_or(NONE);
        let i = self.nodes.len() as u32;
        self.nodes.push(CmNode {
            level,
            name: String::new(),
            title: String::new(),
            parent,
            children: Vec::new(),
            notes: Vec::new(),
            seven: None,
            seven_excluded: Vec::new(),
            hints: Vec::new(),
        });
        if parent != NONE {
            self.nodes[parent as usize].children.push(i);
        } else {
            self.chapters.push(i);
        }
        self.stack.push(i);
    }

    fn current(&mut self) -> Result<&mut CmNode, BuildError> {
        let near = self.nodes.last().map(|n| n.name.clone()).unwrap_or_default();
        let i = *self.stack.last().ok_or(BuildError::Nesting(near))?;
        Ok(&mut self.nodes[i as usize])
    }

    pub fn name(&mut self, name: &str) -> Result<(), BuildError> {
        self.current()?.name = name.trim().to_string();
        Ok(())
    }

    pub fn title(&mut self, title: &str) -> Result<(), BuildError> {
        self.current()?.title = collapse_spaces(title);
        Ok(())
    }

    pub fn note(&mut self, kind: NoteKind, text: &str) -> Result<(), BuildError> {
        let text = collapse_spaces(text);
        if !text.is_empty() {
            self.current()?.notes.push(Note { kind, text });
        }
        Ok(())
    }

    pub fn seven_note(&mut self, text: &str) -> Result<(), BuildError> {
        let node = self.current()?;
        node.seven.get_or_insert_with(Default::default).note = Some(collapse_spaces(text));
        Ok(())
    }

    pub fn seven_value(&mut self, c: char, meaning: &str) -> Result<(), BuildError> {
        let node = self.current()?;
        node.seven.get_or_insert_with(Default::default).values.push((c.to_ascii_uppercase(), collapse_spaces(meaning)));
        Ok(())
    }

    /// Closes the current node, checking its name and settling its level.
    pub fn close(&mut self) -> Result<(), BuildError> {
        let near = self.nodes.last().map(|n| n.name.clone()).unwrap_or_default();
        let i = self.stack.pop().ok_or(BuildError::Nesting(near))?;
        let n = &mut self.nodes[i as usize];
        if n.name.is_empty() {
            return Err(BuildError::NoName(n.level.name()));
        }
        if n.level == CmLevel::Code {
            let key = n.key();
            let ok = key.len() >= 3
                && key.len() <= 7
                && n.name.matches('.').count() <= 1
                && pack(key.as_bytes()).is_some()
                && key.as_bytes()[0].is_ascii_uppercase();
            if !ok {
                return Err(BuildError::BadName(n.name.clone()));
            }
            n.level = if key.len() == 3 {
                CmLevel::Category
            } else if n.children.is_empty() {
                CmLevel::Code
            } else {
                CmLevel::Subcategory
            };
        }
        let hints = hints_from(n);
        n.hints = hints;
        let excluded: Vec<(u8, char, char)> = n.notes.iter().filter(|x| x.kind == NoteKind::Note).flat_map(|x| seventh_exclusions(&x.text)).collect();
        n.seven_excluded = excluded;
        Ok(())
    }

    pub fn finish(self) -> Result<IcdCm, BuildError> {
        if let Some(&open) = self.stack.last() {
            return Err(BuildError::Nesting(self.nodes[open as usize].name.clone()));
        }
        let mut cm = IcdCm { release: self.release, nodes: self.nodes, chapters: self.chapters, ..Default::default() };
        cm.reindex();
        let codes = cm.nodes.iter().filter(|n| !matches!(n.level, CmLevel::Chapter | CmLevel::Block)).count();
        if cm.by_key.len() != codes {
            let mut seen = std::collections::HashSet::new();
            for n in cm.nodes.iter().filter(|n| !matches!(n.level, CmLevel::Chapter | CmLevel::Block)) {
                if !seen.insert(n.key()) {
                    return Err(BuildError::Duplicate(n.name.clone()));
                }
            }
        }
        Ok(cm)
    }
}

/// Reads a note that rules 7th characters out ("7th characters D and S do not apply to codes in category S06
/// with 6th character 7 - death …, or 8 - death …") as (6, '7', 'D'), (6, '7', 'S'), (6, '8', 'D'), (6, '8', 'S').
fn seventh_exclusions(text: &str) -> Vec<(u8, char, char)> {
    let lower = text.to_ascii_lowercase();
    let (Some(a), Some(b)) = (lower.find("7th character"), lower.find("not apply")) else { return vec![] };
    if b < a {
        return vec![];
    }
    let excluded: Vec<char> = text[a + "7th character".len()..b]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect();
    let mut out = Vec::new();
    for (pos, word) in [(4u8, "4th character"), (5, "5th character"), (6, "6th character")] {
        let Some(at) = lower.find(word) else { continue };
        // The values are the single characters followed by " -" ("7 - death …, or 8 - death …").
        let rest = &text[at + word.len()..];
        let toks: Vec<&str> = rest.split_whitespace().collect();
        for w in toks.windows(2) {
            let v = w[0].trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
            if v.len() == 1 && w[1] == "-" {
                for &x in &excluded {
                    out.push((pos, v.chars().next().unwrap_or('?'), x));
                }
            }
        }
    }
    out
}

/// Age and sex hints read from the Tabular's own words: the chapter notes on maternal and newborn records,
/// and titles naming a sex-specific organ or condition.
fn hints_from(n: &CmNode) -> Vec<AgeSexHint> {
    let mut h = Vec::new();
    for note in &n.notes {
        let t = note.text.to_ascii_lowercase();
        if t.contains("for use only on maternal records") {
            h.push(AgeSexHint::Maternal);
            h.push(AgeSexHint::Female);
        }
        if t.contains("for use on newborn records only") {
            h.push(AgeSexHint::Newborn);
        }
    }
    let title = n.title.to_ascii_lowercase();
    const FEMALE: [&str; 12] = ["female", "ovary", "ovarian", "uterus", "uterine", "vagina", "vulva", "vulvar", "cervix uteri", "fallopian", "endometri", "pregnan"];
    const MALE: [&str; 11] = [" male ", "prostate", "prostatic", "testis", "testes", "testicular", "scrotum", "scrotal", "penis", "penile", "spermatic"];
    let padded_title = format!(" {title} ");
    if matches!(n.level, CmLevel::Category | CmLevel::Subcategory | CmLevel::Code) {
        if FEMALE.iter().any(|w| padded_title.contains(w)) && !padded_title.contains(" male ") {
            h.push(AgeSexHint::Female);
        }
        if MALE.iter().any(|w| padded_title.contains(w)) && !padded_title.contains("female") {
            h.push(AgeSexHint::Male);
        }
    }
    h.dedup();
    h
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A miniature Tabular with the shapes that matter: a category with a subcategory, a 7th-character
    /// category with placeholder codes, notes at several levels.
    pub fn mini() -> IcdCm {
        let mut b = IcdCmBuilder::new("test");
        b.open(CmLevel::Chapter);
        b.name("4").unwrap();
        b.title("Endocrine, nutritional and metabolic diseases (E00-E89)").unwrap();
        b.open(CmLevel::Block);
        b.name("E08-E13").unwrap();
        b.title("Diabetes mellitus").unwrap();
        b.open(CmLevel::Code);
        b.name("E11").unwrap();
        b.title("Type 2 diabetes mellitus").unwrap();
        b.note(NoteKind::Excludes1, "type 1 diabetes mellitus (E10.-)").unwrap();
        b.open(CmLevel::Code);
        b.name("E11.2").unwrap();
        b.title("Type 2 diabetes mellitus with kidney complications").unwrap();
        for (code, title) in [("E11.21", "Type 2 diabetes mellitus with diabetic nephropathy"), ("E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease")] {
            b.open(CmLevel::Code);
            b.name(code).unwrap();
            b.title(title).unwrap();
            if code == "E11.22" {
                b.note(NoteKind::UseAdditionalCode, "code to identify stage of chronic kidney disease (N18.1-N18.6)").unwrap();
            }
            b.close().unwrap();
        }
        b.close().unwrap();
        b.close().unwrap();
        b.close().unwrap();
        b.close().unwrap();
        b.open(CmLevel::Chapter);
        b.name("19").unwrap();
        b.title("Injury, poisoning (S00-T88)").unwrap();
        b.open(CmLevel::Block);
        b.name("T36-T50").unwrap();
        b.title("Poisoning by drugs").unwrap();
        b.open(CmLevel::Code);
        b.name("T36").unwrap();
        b.title("Poisoning by systemic antibiotics").unwrap();
        b.seven_note("The appropriate 7th character is to be added to each code from category T36").unwrap();
        b.seven_value('A', "initial encounter").unwrap();
        b.seven_value('D', "subsequent encounter").unwrap();
        b.seven_value('S', "sequela").unwrap();
        b.open(CmLevel::Code);
        b.name("T36.0").unwrap();
        b.title("Poisoning by penicillins").unwrap();
        b.open(CmLevel::Code);
        b.name("T36.0X1").unwrap();
        b.title("Poisoning by penicillins, accidental (unintentional)").unwrap();
        b.close().unwrap();
        b.close().unwrap();
        b.close().unwrap();
        b.close().unwrap();
        b.close().unwrap();
        b.finish().unwrap()
    }

    #[test]
    fn levels_are_settled_from_the_shape_of_the_tree() {
        let cm = mini();
        let lvl = |k: &str| cm.node(cm.node_by_key(k).unwrap()).level;
        assert_eq!(lvl("E11"), CmLevel::Category);
        assert_eq!(lvl("E112"), CmLevel::Subcategory);
        assert_eq!(lvl("E1122"), CmLevel::Code);
    }

    #[test]
    fn notes_are_inherited_with_the_level_they_come_from() {
        let cm = mini();
        let i = cm.node_by_key("E1122").unwrap();
        let ex = cm.notes_of(i, NoteKind::Excludes1);
        assert_eq!(ex.len(), 1);
        assert_eq!(cm.node(ex[0].1).name, "E11");
        let ua = cm.notes_of(i, NoteKind::UseAdditionalCode);
        assert_eq!(cm.node(ua[0].1).name, "E11.22");
    }

    #[test]
    fn a_seventh_character_code_resolves_through_the_placeholder() {
        let cm = mini();
        let r = cm.resolve("T360X1A").unwrap();
        assert!(matches!(r, Resolved::Extended { seventh: 'A', .. }));
        assert_eq!(cm.display(r), "T36.0X1A");
        assert_eq!(cm.title(r), "Poisoning by penicillins, accidental (unintentional), initial encounter");
        assert!(cm.is_billable(r));
        assert_eq!(cm.resolve("T360X1Z"), None, "Z is not an allowed 7th character");
        assert!(!cm.is_billable(cm.resolve("T360X1").unwrap()), "the 6-character code needs its 7th character");
    }

    #[test]
    fn billable_codes_expand_seventh_characters() {
        let cm = mini();
        let all: Vec<String> = cm.billable_codes().map(|r| cm.display(r)).collect();
        assert_eq!(all, ["E11.21", "E11.22", "T36.0X1A", "T36.0X1D", "T36.0X1S"]);
    }

    #[test]
    fn a_note_that_rules_out_seventh_characters_is_read() {
        let t = "7th characters D and S do not apply to codes in category S06 with 6th character 7 - death due to brain injury prior to regaining consciousness, or 8 - death due to other cause prior to regaining consciousness.";
        assert_eq!(seventh_exclusions(t), [(6, '7', 'D'), (6, '7', 'S'), (6, '8', 'D'), (6, '8', 'S')]);
        assert!(seventh_exclusions("Use additional code to identify the 7th character").is_empty());
    }

    #[test]
    fn a_duplicate_code_is_refused() {
        let mut b = IcdCmBuilder::new("t");
        for _ in 0..2 {
            b.open(CmLevel::Code);
            b.name("A00").unwrap();
            b.close().unwrap();
        }
        assert_eq!(b.finish().unwrap_err(), BuildError::Duplicate("A00".into()));
    }
}
