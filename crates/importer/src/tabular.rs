//! The ICD-10-CM Tabular List XML as CDC and CMS publish it (`icd10cm-tabular-YYYY.xml`, root `ICD10CM.tabular`):
//! `chapter` → `section` (a block) → `diag` (nested), each with `name`, `desc`, note elements
//! (`inclusionTerm`, `includes`, `excludes1`, `excludes2`, `codeFirst`, `useAdditionalCode`, `codeAlso`, `notes`)
//! holding `note` lines, and `sevenChrNote` / `sevenChrDef` with `extension char="A"` lines.
//! The introduction and the chapters' `sectionIndex` are skipped: they repeat what the tree says.

use codeset::icd10cm::{BuildError, CmLevel, IcdCm, IcdCmBuilder, NoteKind};
use quick_xml::events::Event;
use quick_xml::Reader;
use thiserror::Error;

/// Why a Tabular XML file could not be read.
#[derive(Debug, Error)]
pub enum TabularError {
    /// The bytes are not well-formed XML.
    #[error("the Tabular XML is not well formed at byte {position}: {message}")]
    Xml { position: u64, message: String },
    /// The root element is not `ICD10CM.tabular`.
    #[error("this is not an ICD-10-CM Tabular List: the root element is <{0}>, expected <ICD10CM.tabular>")]
    NotTabular(String),
    /// Well-formed XML whose structure breaks the Tabular's rules.
    #[error("the Tabular XML is malformed at byte {position}: {source}")]
    Structure { position: u64, source: BuildError },
    /// No chapters at all.
    #[error("the Tabular XML holds no chapters")]
    Empty,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ctx {
    Skip,
    Node,
    Name,
    Desc,
    Notes(NoteKind),
    NoteLine(NoteKind),
    SevenNote,
    SevenNoteLine,
    SevenDef,
    Extension(char),
    Other,
}

fn note_kind(tag: &[u8]) -> Option<NoteKind> {
    Some(match tag {
        b"inclusionTerm" => NoteKind::InclusionTerm,
        b"includes" => NoteKind::Includes,
        b"excludes1" => NoteKind::Excludes1,
        b"excludes2" => NoteKind::Excludes2,
        b"codeFirst" => NoteKind::CodeFirst,
        b"useAdditionalCode" => NoteKind::UseAdditionalCode,
        b"codeAlso" => NoteKind::CodeAlso,
        b"notes" => NoteKind::Note,
        _ => return None,
    })
}

/// Reads the Tabular List. `release` names it (e.g. "FY2026 (April 1, 2026 update)").
pub fn parse_tabular(xml: &str, release: &str) -> Result<IcdCm, TabularError> {
    let mut reader = Reader::from_str(xml);
    let mut b = IcdCmBuilder::new(release);
    let mut stack: Vec<Ctx> = Vec::new();
    let mut text = String::new();
    let mut saw_root = false;
    let mut chapters = 0usize;
    loop {
        let pos = reader.buffer_position();
        let structure = |e: BuildError| TabularError::Structure { position: pos, source: e };
        let ev = reader.read_event().map_err(|e| TabularError::Xml { position: reader.error_position(), message: e.to_string() })?;
        match ev {
            Event::Start(e) => {
                let tag = e.local_name();
                let tag = tag.as_ref();
                if !saw_root {
                    if tag != b"ICD10CM.tabular" {
                        return Err(TabularError::NotTabular(String::from_utf8_lossy(tag).into_owned()));
                    }
                    saw_root = true;
                    stack.push(Ctx::Other);
                    continue;
                }
                let parent = stack.last().copied().unwrap_or(Ctx::Other);
                let ctx = match (parent, tag) {
                    (Ctx::Skip, _) => Ctx::Skip,
                    (_, b"introduction") | (_, b"sectionIndex") | (_, b"version") => Ctx::Skip,
                    (_, b"chapter") => {
                        chapters += 1;
                        b.open(CmLevel::Chapter);
                        Ctx::Node
                    }
                    (_, b"section") => {
                        b.open(CmLevel::Block);
                        if let Some(id) = e.try_get_attribute("id").ok().flatten() {
                            b.name(&String::from_utf8_lossy(&id.value)).map_err(structure)?;
                        }
                        Ctx::Node
                    }
                    (_, b"diag") => {
                        b.open(CmLevel::Code);
                        Ctx::Node
                    }
                    (Ctx::Node, b"name") => Ctx::Name,
                    (Ctx::Node, b"desc") => Ctx::Desc,
                    (Ctx::Node, b"sevenChrNote") => Ctx::SevenNote,
                    (Ctx::Node, b"sevenChrDef") => Ctx::SevenDef,
                    (Ctx::Node, t) => match note_kind(t) {
                        Some(k) => Ctx::Notes(k),
                        None => Ctx::Skip,
                    },
                    (Ctx::Notes(k), b"note") => Ctx::NoteLine(k),
                    (Ctx::SevenNote, b"note") => Ctx::SevenNoteLine,
                    (Ctx::SevenDef, b"extension") => {
                        let c = e
                            .try_get_attribute("char")
                            .ok()
                            .flatten()
                            .and_then(|a| a.value.first().copied())
                            .map(|c| c as char)
                            .unwrap_or('?');
                        Ctx::Extension(c)
                    }
                    _ => Ctx::Skip,
                };
                text.clear();
                stack.push(ctx);
            }
            Event::Text(t) => {
                if matches!(stack.last(), Some(Ctx::Name | Ctx::Desc | Ctx::NoteLine(_) | Ctx::SevenNoteLine | Ctx::Extension(_))) {
                    let s = t.unescape().map_err(|e| TabularError::Xml { position: pos, message: e.to_string() })?;
                    text.push_str(&s);
                }
            }
            Event::CData(t) => {
                text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::End(_) => {
                match stack.pop() {
                    Some(Ctx::Node) => b.close().map_err(structure)?,
                    Some(Ctx::Name) => b.name(&text).map_err(structure)?,
                    Some(Ctx::Desc) => b.title(&text).map_err(structure)?,
                    Some(Ctx::NoteLine(k)) => b.note(k, &text).map_err(structure)?,
                    Some(Ctx::SevenNoteLine) => b.seven_note(&text).map_err(structure)?,
                    Some(Ctx::Extension(c)) => b.seven_value(c, &text).map_err(structure)?,
                    _ => {}
                }
                text.clear();
            }
            Event::Empty(_) => {}
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(TabularError::NotTabular(String::new()));
    }
    if chapters == 0 {
        return Err(TabularError::Empty);
    }
    b.finish().map_err(|e| TabularError::Structure { position: xml.len() as u64, source: e })
}

#[cfg(test)]
mod tests {
    use super::*;
    use codeset::icd10cm::Resolved;

    const MINI: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2026</version>
  <introduction><introSection type="title"><title>ICD-10-CM TABULAR</title></introSection></introduction>
  <chapter>
    <name>19</name>
    <desc>Injury, poisoning and certain other consequences of external causes (S00-T88)</desc>
    <sectionIndex><sectionRef first="T36" last="T50" id="T36-T50">Poisoning</sectionRef></sectionIndex>
    <section id="T36-T50">
      <desc>Poisoning by, adverse effect of and underdosing of drugs (T36-T50)</desc>
      <diag>
        <name>T36</name>
        <desc>Poisoning by, adverse effect of and underdosing of systemic antibiotics</desc>
        <excludes1><note>antineoplastic antibiotics (T45.1-)</note></excludes1>
        <sevenChrNote><note>The appropriate 7th character is to be added to each code from category T36.</note></sevenChrNote>
        <sevenChrDef>
          <extension char="A">initial encounter</extension>
          <extension char="D">subsequent encounter</extension>
          <extension char="S">sequela</extension>
        </sevenChrDef>
        <diag>
          <name>T36.0</name>
          <desc>Poisoning by, adverse effect of and underdosing of penicillins</desc>
          <diag>
            <name>T36.0X1</name>
            <desc>Poisoning by penicillins, accidental (unintentional)</desc>
          </diag>
        </diag>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>"#;

    #[test]
    fn a_small_tabular_reads_into_a_tree_with_notes_and_seventh_characters() {
        let cm = parse_tabular(MINI, "test").unwrap();
        let i = cm.node_by_key("T360X1").unwrap();
        assert_eq!(cm.node(i).title, "Poisoning by penicillins, accidental (unintentional)");
        let ex = cm.notes_of(i, NoteKind::Excludes1);
        assert_eq!(ex[0].0, "antineoplastic antibiotics (T45.1-)");
        let r = cm.resolve("T360X1S").unwrap();
        assert!(matches!(r, Resolved::Extended { seventh: 'S', .. }));
        assert_eq!(cm.node(cm.chapter_or_block("T36-T50").unwrap()).title, "Poisoning by, adverse effect of and underdosing of drugs (T36-T50)");
    }

    #[test]
    fn a_file_that_is_not_the_tabular_says_so() {
        assert!(matches!(parse_tabular("<ICD10CM.index></ICD10CM.index>", "t"), Err(TabularError::NotTabular(r)) if r == "ICD10CM.index"));
        assert!(parse_tabular("<ICD10CM.tabular><chapter>", "t").is_err());
        assert!(matches!(parse_tabular("", "t"), Err(TabularError::NotTabular(_))));
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_a_panic(s in "\\PC{0,200}") {
            let _ = parse_tabular(&s, "t");
            let cut = &MINI[..s.len().min(MINI.len())];
            let _ = parse_tabular(cut, "t");
        }
    }
}
