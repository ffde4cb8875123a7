//! Codes as packed keys: up to eight ASCII characters in a `u64`, so that lookups hash one integer.

/// A diagnosis or procedure code without its dot, upper case, packed big-endian into a `u64` (zero padded).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
pub struct Key(pub u64);

impl Key {
    /// Packs a code that is already clean (upper-case letters and digits, 1–8 characters).
    pub fn of(code: &str) -> Option<Key> {
        let b = code.as_bytes();
        if b.is_empty() || b.len() > 8 {
            return None;
        }
        let mut k = [0u8; 8];
        for (i, &c) in b.iter().enumerate() {
            if !c.is_ascii_alphanumeric() {
                return None;
            }
            k[i] = c.to_ascii_uppercase();
        }
        Some(Key(u64::from_be_bytes(k)))
    }

    /// Cleans what a coder typed (dots, spaces, lower case) and packs it.
    pub fn parse(raw: &str) -> Option<Key> {
        let mut k = [0u8; 8];
        let mut n = 0;
        for c in raw.trim().bytes() {
            if c == b'.' {
                continue;
            }
            if !c.is_ascii_alphanumeric() || n == 8 {
                return None;
            }
            k[n] = c.to_ascii_uppercase();
            n += 1;
        }
        if n == 0 {
            return None;
        }
        Some(Key(u64::from_be_bytes(k)))
    }

    /// The code as written in the tables (no dot).
    pub fn as_string(self) -> String {
        let b = self.0.to_be_bytes();
        b.iter().take_while(|&&c| c != 0).map(|&c| c as char).collect()
    }

    /// The code as coders write a diagnosis: a dot after the category (S72.001A, I10). Not for procedure codes.
    pub fn dotted(self) -> String {
        let s = self.as_string();
        if s.len() > 3 {
            format!("{}.{}", &s[..3], &s[3..])
        } else {
            s
        }
    }

    pub fn len(self) -> usize {
        8 - (self.0.trailing_zeros() / 8) as usize
    }

    /// The first `n` characters.
    pub fn prefix(self, n: usize) -> Key {
        if n >= 8 {
            return self;
        }
        Key(self.0 & !(u64::MAX >> (n * 8)))
    }

    pub fn starts_with(self, p: &str) -> bool {
        Key::of(p).is_some_and(|k| self.prefix(p.len()) == k)
    }

    pub fn byte(self, i: usize) -> u8 {
        self.0.to_be_bytes()[i]
    }
}

impl serde::Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = self.0.to_be_bytes();
        let n = self.len();
        s.serialize_str(std::str::from_utf8(&b[..n]).unwrap_or(""))
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_compare_by_prefix() {
        let k = Key::parse("i50.20").unwrap();
        assert_eq!(k.as_string(), "I5020");
        assert_eq!(k.len(), 5);
        assert!(k.starts_with("I50"));
        assert!(!k.starts_with("I51"));
        assert_eq!(k.prefix(3), Key::of("I50").unwrap());
        assert_eq!(Key::parse("0DTJ4ZZ").unwrap().byte(2), b'T');
        assert!(Key::parse("I50-20").is_none());
        assert!(Key::parse("").is_none());
        assert!(Key::parse("123456789").is_none());
    }
}
