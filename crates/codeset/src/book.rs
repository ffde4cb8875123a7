//! The code book: ICD-10-CM, ICD-10-PCS, HCPCS Level II and CPT together, with lookup and browsing across them.

use crate::cpt::{self, Cpt};
use crate::hcpcs::Hcpcs;
use crate::icd10cm::{CmLevel, IcdCm, Resolved};
use crate::input::normalize;
use crate::pcs::{axis_names, section_name, Pcs};
use crate::system::CodeSystem;
use crate::validate::Validation;
use serde::{Deserialize, Serialize};

/// Every code set of one release.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct CodeBook {
    pub icd10cm: IcdCm,
    pub pcs: Pcs,
    pub hcpcs: Hcpcs,
    pub cpt: Cpt,
    /// Alphabetic Index terms (and Neoplasm / Drug table rows) pointing at ICD-10-CM codes, when an official
    /// Index file has been imported; search matches them.
    pub index_terms: Vec<IndexTerm>,
}

/// One line of the Alphabetic Index, Neoplasm Table or Table of Drugs, flattened: "Diabetes, with, chronic
/// kidney disease" → E11.22.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexTerm {
    /// The main term and subterms, essential words and nonessential modifiers, joined by ", ".
    pub term: String,
    /// The code as printed, without the dot ("E1122"; "S7200" for a code printed with a trailing dash).
    pub code: String,
    /// index, eindex, neoplasm or drug.
    pub source: String,
}

/// One step of the path from the top of a code set down to a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    pub code: String,
    pub title: String,
    /// chapter, block, category, subcategory, code; for PCS the axis name (section, body system, …).
    pub level: String,
}

/// A note that applies to a code, and the level it is printed at (inherited notes name their ancestor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    /// inclusion_term, includes, excludes1, excludes2, code_first, use_additional_code, code_also, note,
    /// seventh_character; for PCS: definition.
    pub kind: String,
    pub text: String,
    pub from: String,
}

/// Everything the code book says about one code. Field names are stable (JSON output of `codefellow code`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub code: String,
    pub system: CodeSystem,
    pub title: String,
    pub billable: bool,
    pub path: Vec<PathStep>,
    pub notes: Vec<NoteView>,
}

/// The short answer for a code: what it is called and whether it can be reported. No allocation but the title
/// of a 7th-character code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described<'a> {
    pub system: CodeSystem,
    pub title: std::borrow::Cow<'a, str>,
    pub billable: bool,
}

/// A node of a code set and what lies directly below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Browse {
    /// The node browsed; `None` for the top (the chapters).
    pub node: Option<PathStep>,
    pub children: Vec<Child>,
}

/// One child in a [`Browse`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Child {
    pub code: String,
    pub title: String,
    pub level: String,
    pub billable: bool,
}

impl CodeBook {
    /// Rebuilds every lookup map; called after deserialising.
    pub fn reindex(&mut self) {
        self.icd10cm.reindex();
        self.pcs.reindex();
        self.hcpcs.reindex();
        self.cpt.reindex();
    }

    /// Looks a code up: title, billable, path, notes. An input that is not a code comes back as its
    /// [`Validation`], which says why and what would be right.
    pub fn lookup(&self, raw: &str, system: Option<CodeSystem>) -> Result<Entry, Validation> {
        let key = normalize(raw).map_err(|_| self.validate(raw, system))?;
        for s in candidates(raw, &key, system) {
            let found = match s {
                CodeSystem::Icd10Cm => self.icd10cm.resolve(&key).map(|r| self.cm_entry(r)),
                CodeSystem::Icd10Pcs => self.pcs_entry(&key),
                CodeSystem::Hcpcs => self.hcpcs_entry(&key),
                CodeSystem::Cpt => self.cpt_entry(&key),
            };
            if let Some(e) = found {
                return Ok(e);
            }
        }
        Err(self.validate(raw, system))
    }

    /// Title and billable status of a code, for hot paths (the audit, the workstation's live validation).
    pub fn describe(&self, raw: &str) -> Option<Described<'_>> {
        let key = normalize(raw).ok()?;
        for s in candidates(raw, &key, None) {
            let found = match s {
                CodeSystem::Icd10Cm => self.icd10cm.resolve(&key).map(|r| {
                    let title = match r {
                        Resolved::Node(i) => std::borrow::Cow::Borrowed(self.icd10cm.node(i).title.as_str()),
                        _ => std::borrow::Cow::Owned(self.icd10cm.title(r)),
                    };
                    Described { system: s, title, billable: self.icd10cm.is_billable(r) }
                }),
                CodeSystem::Icd10Pcs => self.pcs.entry(&key).map(|e| Described { system: s, title: e.title.as_str().into(), billable: true }),
                CodeSystem::Hcpcs => self.hcpcs.entry(&key).map(|e| Described { system: s, title: e.long.as_str().into(), billable: true }),
                CodeSystem::Cpt => self.cpt.descriptor(&key).map(|d| Described { system: s, title: d.into(), billable: true }),
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }

    fn cm_entry(&self, r: Resolved) -> Entry {
        let cm = &self.icd10cm;
        let (Resolved::Node(i) | Resolved::Extended { node: i, .. }) = r;
        let mut path: Vec<PathStep> = cm
            .path(i)
            .into_iter()
            .map(|a| {
                let n = cm.node(a);
                PathStep { code: n.name.clone(), title: n.title.clone(), level: n.level.name().to_string() }
            })
            .collect();
        if let Resolved::Extended { .. } = r {
            path.push(PathStep { code: cm.display(r), title: cm.title(r), level: "code".into() });
        }
        let mut notes: Vec<NoteView> =
            cm.notes(i).into_iter().map(|(n, a)| NoteView { kind: n.kind.name().into(), text: n.text.clone(), from: cm.node(a).name.clone() }).collect();
        // The 7th characters in force, from wherever they are defined.
        let mut cur = Some(i);
        while let Some(a) = cur {
            let n = cm.node(a);
            if let Some(def) = &n.seven {
                if let Some(t) = &def.note {
                    notes.push(NoteView { kind: "seventh_character".into(), text: t.clone(), from: n.name.clone() });
                }
                for (c, m) in &def.values {
                    notes.push(NoteView { kind: "seventh_character".into(), text: format!("{c} {m}"), from: n.name.clone() });
                }
                break;
            }
            if n.level == CmLevel::Category {
                break;
            }
            cur = n.parent();
        }
        Entry { code: cm.display(r), system: CodeSystem::Icd10Cm, title: cm.title(r), billable: cm.is_billable(r), path, notes }
    }

    fn pcs_entry(&self, key: &str) -> Option<Entry> {
        let e = self.pcs.entry(key)?;
        let section = key.as_bytes()[0] as char;
        let names = axis_names(section);
        let path = (1..=7u8)
            .map(|p| {
                let c = key.as_bytes()[p as usize - 1] as char;
                let label = if p == 1 { section_name(c).map(str::to_string) } else { self.pcs.label(key, p).map(str::to_string) };
                PathStep { code: key[..p as usize].to_string(), title: format!("{c}: {}", label.unwrap_or_else(|| "(meaning not in the loaded data)".into())), level: names[p as usize - 1].to_ascii_lowercase() }
            })
            .collect();
        let mut notes = Vec::new();
        for d in &self.pcs.definitions {
            let pos = if d.kind == "operation" { 2 } else { 4 };
            if d.section == section && key.as_bytes()[pos] as char == d.value {
                let mut text = format!("{}: {}", d.name, d.definition);
                if !d.explanation.is_empty() {
                    text.push_str(&format!(" Explanation: {}", d.explanation));
                }
                if !d.examples.is_empty() {
                    text.push_str(&format!(" Examples: {}", d.examples));
                }
                notes.push(NoteView { kind: "definition".into(), text, from: if d.kind == "operation" { key[..3].to_string() } else { format!("approach {}", d.value) } });
            }
        }
        Some(Entry { code: e.code.clone(), system: CodeSystem::Icd10Pcs, title: e.title.clone(), billable: true, path, notes })
    }

    fn hcpcs_entry(&self, key: &str) -> Option<Entry> {
        let e = self.hcpcs.entry(key)?;
        let path = vec![PathStep { code: key[..1].to_string(), title: format!("HCPCS Level II {} codes", &key[..1]), level: "section".into() }];
        let notes = if e.short.is_empty() { vec![] } else { vec![NoteView { kind: "short_description".into(), text: e.short.clone(), from: e.code.clone() }] };
        Some(Entry { code: e.code.clone(), system: CodeSystem::Hcpcs, title: e.long.clone(), billable: true, path, notes })
    }

    fn cpt_entry(&self, key: &str) -> Option<Entry> {
        if !crate::validate::cpt_shape(key) {
            return None;
        }
        let title = match self.cpt.descriptor(key) {
            Some(d) => d.to_string(),
            None if self.cpt.is_loaded() => return None,
            None => "(CPT descriptor not loaded: CPT is licensed by the AMA; import a licensed file with `codefellow import cpt FILE`)".to_string(),
        };
        let path = vec![PathStep { code: key.to_string(), title: cpt::category(key).to_string(), level: "category".into() }];
        Some(Entry { code: key.to_string(), system: CodeSystem::Cpt, title, billable: true, path, notes: vec![] })
    }

    /// The children of a node: ICD-10-CM chapters (no argument), a chapter's blocks, a block's categories, a code's
    /// subcodes or 7th-character codes; ICD-10-PCS sections, body systems and tables by their first characters.
    pub fn browse(&self, what: Option<&str>) -> Result<Browse, Validation> {
        let cm = &self.icd10cm;
        let child = |i: u32| {
            let n = cm.node(i);
            Child { code: n.name.clone(), title: n.title.clone(), level: n.level.name().into(), billable: cm.is_billable_node(i) }
        };
        let step = |i: u32| {
            let n = cm.node(i);
            PathStep { code: n.name.clone(), title: n.title.clone(), level: n.level.name().into() }
        };
        let Some(what) = what.map(str::trim).filter(|w| !w.is_empty()) else {
            return Ok(Browse { node: None, children: cm.chapters().iter().map(|&i| child(i)).collect() });
        };
        if let Some(i) = cm.chapter_or_block(what) {
            return Ok(Browse { node: Some(step(i)), children: cm.node(i).children().iter().map(|&c| child(c)).collect() });
        }
        let key = normalize(what).map_err(|_| self.validate(what, None))?;
        if let Some(Resolved::Node(i)) = cm.resolve(&key) {
            let n = cm.node(i);
            let children = if cm.needs_seventh(i) {
                cm.sevenths(i)
                    .into_iter()
                    .map(|(c, _)| {
                        let r = Resolved::Extended { node: i, seventh: c };
                        Child { code: cm.display(r), title: cm.title(r), level: "code".into(), billable: true }
                    })
                    .collect()
            } else {
                n.children().iter().map(|&c| child(c)).collect()
            };
            return Ok(Browse { node: Some(step(i)), children });
        }
        // ICD-10-PCS by leading characters: one character lists body systems, two list tables.
        if (1..=3).contains(&key.len()) && section_name(key.as_bytes()[0] as char).is_some() {
            let depth = key.len() + 1;
            let mut children: Vec<Child> = Vec::new();
            for t in self.pcs.tables_under(&key) {
                let code = &t.prefix[..depth.min(3)];
                if children.last().is_some_and(|c| c.code == code) {
                    continue;
                }
                let pos = code.len() as u8;
                let title = t.label(pos, code.as_bytes()[pos as usize - 1] as char).unwrap_or("").to_string();
                let level = axis_names(key.as_bytes()[0] as char)[pos as usize - 1].to_ascii_lowercase();
                children.push(Child { code: code.to_string(), title, level, billable: false });
            }
            if !children.is_empty() {
                let pos = key.len() as u8;
                let title = if pos == 1 {
                    section_name(key.as_bytes()[0] as char).unwrap_or("").to_string()
                } else {
                    self.pcs.tables_under(&key).next().and_then(|t| t.label(pos, key.as_bytes()[pos as usize - 1] as char)).unwrap_or("").to_string()
                };
                let level = axis_names(key.as_bytes()[0] as char)[pos as usize - 1].to_ascii_lowercase();
                return Ok(Browse { node: Some(PathStep { code: key.clone(), title, level }), children });
            }
        }
        Err(self.validate(what, None))
    }
}

/// The code sets to try for an input, most likely first. Coders write ICD-10-CM with its dot, so a dotted input
/// is ICD-10-CM only; an undotted letter-and-four-digits input (G0439) is tried as HCPCS before ICD-10-CM.
pub(crate) fn candidates(raw: &str, key: &str, system: Option<CodeSystem>) -> Vec<CodeSystem> {
    if let Some(s) = system {
        return vec![s];
    }
    let mut c = CodeSystem::by_shape(key);
    if raw.contains('.') {
        c.retain(|s| *s == CodeSystem::Icd10Cm);
    } else if let Some(p) = c.iter().position(|s| *s == CodeSystem::Hcpcs) {
        let h = c.remove(p);
        c.insert(0, h);
    }
    c
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::icd10cm::tests::mini;

    pub fn mini_book() -> CodeBook {
        CodeBook { icd10cm: mini(), ..Default::default() }
    }

    #[test]
    fn a_known_code_shows_its_notes_with_their_levels() {
        let e = mini_book().lookup("e11.22", None).unwrap();
        assert_eq!(e.title, "Type 2 diabetes mellitus with diabetic chronic kidney disease");
        assert!(e.billable);
        let path: Vec<&str> = e.path.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(path, ["4", "E08-E13", "E11", "E11.2", "E11.22"]);
        assert!(e.notes.iter().any(|n| n.kind == "use_additional_code" && n.from == "E11.22" && n.text.contains("stage of chronic kidney disease")));
        assert!(e.notes.iter().any(|n| n.kind == "excludes1" && n.from == "E11"));
    }

    #[test]
    fn a_seventh_character_code_lists_its_seventh_characters() {
        let e = mini_book().lookup("T36.0X1A", None).unwrap();
        assert!(e.notes.iter().any(|n| n.kind == "seventh_character" && n.text == "A initial encounter" && n.from == "T36"));
        assert_eq!(e.path.last().unwrap().code, "T36.0X1A");
    }

    #[test]
    fn browsing_walks_down_the_tabular() {
        let b = mini_book();
        assert_eq!(b.browse(None).unwrap().children.len(), 2);
        let e11 = b.browse(Some("E11")).unwrap();
        assert_eq!(e11.children.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["E11.2"]);
        let t = b.browse(Some("T36.0X1")).unwrap();
        assert_eq!(t.children.len(), 3);
        assert!(b.browse(Some("Q99.9")).is_err());
    }
}

/// An ICD-10-PCS table as a coder browses it: the first three axes fixed, then each row's allowed values for the
/// last four, each value with its label. Field names are stable (JSON of `codefellow pcs-table` and the web API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableView {
    pub table: String,
    pub axes: Vec<AxisView>,
    pub rows: Vec<Vec<AxisView>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AxisView {
    pub position: u8,
    pub name: &'static str,
    pub values: Vec<ValueView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueView {
    pub value: char,
    pub label: String,
}

impl CodeBook {
    /// The PCS table named by the first three characters of its codes (0DT), or why there is none (with the tables
    /// that do exist under the same two characters).
    pub fn pcs_table_view(&self, table: &str) -> Result<TableView, Validation> {
        let key = normalize(table).unwrap_or_default();
        let Some(t) = self.pcs.table(&key) else {
            return Err(if key.len() == 3 {
                let near: Vec<String> = self.pcs.tables_under(&key[..2]).map(|t| t.prefix.clone()).collect();
                Validation {
                    input: table.to_string(),
                    code: Some(key.clone()),
                    system: Some(CodeSystem::Icd10Pcs),
                    valid: false,
                    reason: Some(if near.is_empty() { format!("there is no ICD-10-PCS table {key}") } else { format!("there is no ICD-10-PCS table {key}; tables in {} are {}", &key[..2], near.join(", ")) }),
                    suggestions: near,
                }
            } else {
                Validation { input: table.to_string(), code: None, system: Some(CodeSystem::Icd10Pcs), valid: false, reason: Some("a PCS table is named by the first three characters of its codes, e.g. 0DT".into()), suggestions: vec![] }
            });
        };
        let section = key.as_bytes()[0] as char;
        let names = axis_names(section);
        let label = |pos: u8, c: char| if pos == 1 { section_name(c).unwrap_or("").to_string() } else { t.label(pos, c).unwrap_or("").to_string() };
        let axes = (1..=3u8).map(|p| AxisView { position: p, name: names[p as usize - 1], values: vec![ValueView { value: key.as_bytes()[p as usize - 1] as char, label: label(p, key.as_bytes()[p as usize - 1] as char) }] }).collect();
        let rows = t
            .rows
            .iter()
            .map(|r| (4..=7u8).map(|p| AxisView { position: p, name: names[p as usize - 1], values: r.allowed(p as usize).chars().map(|c| ValueView { value: c, label: label(p, c) }).collect() }).collect())
            .collect();
        Ok(TableView { table: key, axes, rows })
    }
}
