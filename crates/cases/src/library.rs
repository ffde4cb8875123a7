//! Reading packs, and the built-in library that ships inside the binary.

use crate::model::{Pack, PACK_FORMAT};
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
    let probe: serde_json::Value = serde_json::from_str(json)?;
    if let Some(f) = probe.get("format").and_then(|f| f.as_u64()) {
        if f != PACK_FORMAT as u64 {
            return Err(PackError::Format { found: f as u32 });
        }
    }
    Ok(serde_json::from_value(probe)?)
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
