use serde::{Deserialize, Serialize};
use std::fmt;

/// A code set. The names (`icd10cm`, `icd10pcs`, `hcpcs`, `cpt`) are stable: they appear in JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum CodeSystem {
    /// ICD-10-CM diagnoses.
    Icd10Cm,
    /// ICD-10-PCS inpatient procedures.
    Icd10Pcs,
    /// HCPCS Level II (letter and four digits) and its modifiers.
    Hcpcs,
    /// CPT (five characters: digits, or four digits and F, T or U). Numbers only unless a licensed file is imported.
    Cpt,
}

impl CodeSystem {
    pub const ALL: [CodeSystem; 4] = [CodeSystem::Icd10Cm, CodeSystem::Icd10Pcs, CodeSystem::Hcpcs, CodeSystem::Cpt];

    /// The stable machine name.
    pub fn name(self) -> &'static str {
        match self {
            CodeSystem::Icd10Cm => "icd10cm",
            CodeSystem::Icd10Pcs => "icd10pcs",
            CodeSystem::Hcpcs => "hcpcs",
            CodeSystem::Cpt => "cpt",
        }
    }

    /// The name a coder reads.
    pub fn label(self) -> &'static str {
        match self {
            CodeSystem::Icd10Cm => "ICD-10-CM",
            CodeSystem::Icd10Pcs => "ICD-10-PCS",
            CodeSystem::Hcpcs => "HCPCS Level II",
            CodeSystem::Cpt => "CPT",
        }
    }

    /// Parses a machine name or a common spelling (`ICD-10-CM`, `pcs`, …).
    pub fn parse(s: &str) -> Option<CodeSystem> {
        let k: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        match k.as_str() {
            "icd10cm" | "cm" | "icd10" | "dx" => Some(CodeSystem::Icd10Cm),
            "icd10pcs" | "pcs" | "px" => Some(CodeSystem::Icd10Pcs),
            "hcpcs" | "hcpcs2" | "hcpcslevelii" | "hcpcsii" => Some(CodeSystem::Hcpcs),
            "cpt" => Some(CodeSystem::Cpt),
            _ => None,
        }
    }

    /// Which systems a normalised code (upper case, no dot) could belong to, by shape alone, most likely first.
    /// ICD-10-CM: a letter, a digit (or a letter then a digit, as in QA0), then letters/digits, 3–7 characters. ICD-10-PCS: 7 characters, no I or O.
    /// HCPCS: a letter and four digits. CPT: four digits and a digit, F, T or U.
    pub fn by_shape(code: &str) -> Vec<CodeSystem> {
        let b = code.as_bytes();
        let mut out = Vec::with_capacity(2);
        let alnum = b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if !alnum || b.is_empty() {
            return out;
        }
        // A letter then a digit, except the newer categories with a letter second (QA0).
        if (3..=7).contains(&b.len()) && b[0].is_ascii_uppercase() && (b[1].is_ascii_digit() || b[2].is_ascii_digit()) {
            out.push(CodeSystem::Icd10Cm);
        }
        if b.len() == 7 && b.iter().all(|&c| c != b'I' && c != b'O') && (b[0].is_ascii_digit() || b"BCDFGHX".contains(&b[0])) {
            out.push(CodeSystem::Icd10Pcs);
        }
        if b.len() == 5 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit) {
            out.push(CodeSystem::Hcpcs);
        }
        if b.len() == 5 && b[..4].iter().all(u8::is_ascii_digit) && (b[4].is_ascii_digit() || b"FTU".contains(&b[4])) {
            out.push(CodeSystem::Cpt);
        }
        out
    }
}

impl fmt::Display for CodeSystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_pick_the_right_systems() {
        assert_eq!(CodeSystem::by_shape("E1122"), vec![CodeSystem::Icd10Cm, CodeSystem::Hcpcs]);
        assert_eq!(CodeSystem::by_shape("0DTJ4ZZ"), vec![CodeSystem::Icd10Pcs]);
        assert_eq!(CodeSystem::by_shape("S72001A"), vec![CodeSystem::Icd10Cm]);
        assert_eq!(CodeSystem::by_shape("99213"), vec![CodeSystem::Cpt]);
        assert_eq!(CodeSystem::by_shape("0001F"), vec![CodeSystem::Cpt]);
        assert_eq!(CodeSystem::by_shape("J1885"), vec![CodeSystem::Icd10Cm, CodeSystem::Hcpcs]);
        assert!(CodeSystem::by_shape("E11-").is_empty());
    }

    #[test]
    fn names_round_trip() {
        for s in CodeSystem::ALL {
            assert_eq!(CodeSystem::parse(s.name()), Some(s));
        }
        assert_eq!(CodeSystem::parse("ICD-10-PCS"), Some(CodeSystem::Icd10Pcs));
    }
}
