//! Diagnosis codes as packed keys: up to seven ASCII characters in a `u64`, so that a lookup hashes one integer.

use std::fmt;

/// An ICD-10-CM code without its dot, upper case, packed big-endian into a `u64` (zero padded). Only its shape is
/// known here (a letter, then 2–6 letters or digits); whether the code exists is the model's question.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Code(u64);

impl Code {
    /// Cleans what a coder typed (a dot, surrounding spaces, lower case) and packs it; `None` when it is not shaped
    /// like an ICD-10-CM code.
    pub fn parse(raw: &str) -> Option<Code> {
        let mut k = [0u8; 8];
        let mut n = 0;
        for c in raw.trim().bytes() {
            if c == b'.' {
                continue;
            }
            if !c.is_ascii_alphanumeric() || n == 7 {
                return None;
            }
            k[n] = c.to_ascii_uppercase();
            n += 1;
        }
        if n < 3 || !k[0].is_ascii_alphabetic() {
            return None;
        }
        Some(Code(u64::from_be_bytes(k)))
    }

    /// The code of a packed value made by `key`.
    pub fn from_key(key: u64) -> Code {
        Code(key)
    }

    /// The packed value (for hashing).
    pub fn key(self) -> u64 {
        self.0
    }

    pub fn len(self) -> usize {
        8 - (self.0.trailing_zeros() / 8) as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The code as text, without the dot (`E1169`).
    pub fn as_str(&self) -> CodeStr {
        let b = self.0.to_be_bytes();
        CodeStr(b, self.len() as u8)
    }
}

/// A code's characters on the stack.
pub struct CodeStr([u8; 8], u8);

impl std::ops::Deref for CodeStr {
    type Target = str;
    fn deref(&self) -> &str {
        std::str::from_utf8(&self.0[..self.1 as usize]).unwrap_or("")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dotted_lower_case_code_packs_like_the_clean_one() {
        assert_eq!(Code::parse(" e11.69 "), Code::parse("E1169"));
        assert_eq!(Code::parse("E1169").unwrap().to_string(), "E1169");
        assert_eq!(Code::parse("I5030").unwrap().len(), 5);
    }

    #[test]
    fn shapes_that_are_no_icd10cm_code_are_refused() {
        for bad in ["", "E1", "11690", "E11-69", "E116999X", "É11"] {
            assert_eq!(Code::parse(bad), None, "{bad:?}");
        }
    }
}
