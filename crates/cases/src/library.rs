//! Reading packs, and the built-in library that ships inside the binary.

use crate::model::{Difficulty, Pack, Setting, Track, PACK_FORMAT};
use serde::Deserialize;
use thiserror::Error;

/// The cases built into this binary (`data/cases/builtin.json`).
pub const BUILTIN_JSON: &str = include_str!("../../../data/cases/builtin.json");

/// Why a pack could not be read.
#[derive(Debug, Error)]
pub enum PackError {
    /// Not JSON of the pack format.
    #[error("not a case pack: {0} (see docs/CASE-PACK.md for the format)")]
    Json(#[from] serde_json::Error),
    /// A pack written in another format version.
    #[error("case pack format {found} is not readable by this build, which reads format {PACK_FORMAT}")]
    Format { found: u32 },
}

/// Reads a pack from its JSON text.
pub fn parse_pack(json: &str) -> Result<Pack, PackError> {
    format_of(json)?;
    Ok(serde_json::from_str(json)?)
}

/// Refuses a pack of another format version before its cases are read, so the error names the version rather
/// than the first field that changed.
fn format_of(json: &str) -> Result<(), PackError> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        format: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(json)?;
    if let Some(f) = probe.format.as_ref().and_then(|f| f.as_u64()) {
        if f != PACK_FORMAT as u64 {
            return Err(PackError::Format { found: f as u32 });
        }
    }
    Ok(())
}

/// What a list shows of a case: no documents' text, no gold. Reading only this is several times faster than
/// reading whole cases, which keeps `cases list` quick however large the library grows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub title: String,
    pub tracks: Vec<Track>,
    pub difficulty: Difficulty,
    pub encounter: EncounterSummary,
    /// How many documents the record has.
    #[serde(deserialize_with = "count")]
    pub documents: usize,
}

/// The part of the encounter a list shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EncounterSummary {
    pub setting: Setting,
}

/// Counts the elements of a sequence without keeping them.
fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    struct Counter;
    impl<'de> serde::de::Visitor<'de> for Counter {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
            let mut n = 0;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    d.deserialize_seq(Counter)
}

/// The cases of a pack as a list shows them.
pub fn summaries(json: &str) -> Result<Vec<CaseSummary>, PackError> {
    #[derive(Deserialize)]
    struct Summaries {
        cases: Vec<CaseSummary>,
    }
    format_of(json)?;
    Ok(serde_json::from_str::<Summaries>(json)?.cases)
}

/// A pack as JSON with one case per line: small, and a change to one case is a one-line diff.
pub fn to_json(pack: &Pack) -> String {
    let mut s = String::new();
    s.push_str(&format!("{{\"format\":{},\"name\":{},\"fiscal_year\":{},\"cases\":[\n", pack.format, serde_json::to_string(&pack.name).unwrap_or_default(), pack.fiscal_year));
    for (i, c) in pack.cases.iter().enumerate() {
        s.push_str(&serde_json::to_string(c).expect("a case serialises"));
        s.push_str(if i + 1 < pack.cases.len() { ",\n" } else { "\n" });
    }
    s.push_str("]}\n");
    s
}

/// The built-in library.
pub fn builtin() -> Pack {
    parse_pack(BUILTIN_JSON).expect("the built-in pack is valid JSON of the pack format (tested)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_says_what_the_whole_case_says() {
        let p = builtin();
        let s = summaries(BUILTIN_JSON).unwrap();
        assert_eq!(s.len(), p.cases.len());
        for (s, c) in s.iter().zip(&p.cases) {
            assert_eq!((&s.id, &s.title, &s.tracks, s.difficulty, s.encounter.setting, s.documents), (&c.id, &c.title, &c.tracks, c.difficulty, c.encounter.setting, c.documents.len()));
        }
        assert!(matches!(summaries(&BUILTIN_JSON.replacen("\"format\":1", "\"format\":7", 1)), Err(PackError::Format { found: 7 })));
    }

    #[test]
    fn the_builtin_pack_reads() {
        let p = builtin();
        assert_eq!(p.format, PACK_FORMAT);
        assert!(!p.cases.is_empty());
    }

    #[test]
    fn a_pack_written_as_json_reads_back_the_same() {
        let p = builtin();
        assert_eq!(parse_pack(&to_json(&p)).unwrap(), p);
    }

    #[test]
    fn a_pack_of_another_format_or_not_json_says_so() {
        assert!(matches!(parse_pack(r#"{"format": 7, "name": "x", "fiscal_year": 2026, "cases": []}"#), Err(PackError::Format { found: 7 })));
        let e = parse_pack("{ not json").unwrap_err().to_string();
        assert!(e.contains("not a case pack"), "{e}");
        assert!(parse_pack(r#"{"format": 1, "name": "x", "fiscal_year": 2026, "cases": [{"id": 3}]}"#).is_err());
    }
}
