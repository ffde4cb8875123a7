//! Codes of up to 10 letters/digits packed into a `u64` (6 bits a character), so that lookups hash one integer.

/// Packs an upper-case alphanumeric string of at most 10 characters; `None` for anything else.
#[inline]
pub fn pack(code: &[u8]) -> Option<u64> {
    if code.is_empty() || code.len() > 10 {
        return None;
    }
    let mut k: u64 = 0;
    for &c in code {
        let v = match c {
            b'0'..=b'9' => c - b'0' + 1,
            b'A'..=b'Z' => c - b'A' + 11,
            _ => return None,
        };
        k = (k << 6) | v as u64;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn different_codes_pack_differently() {
        assert_ne!(pack(b"E11"), pack(b"E110"));
        assert_ne!(pack(b"A0"), pack(b"0A"));
        assert_eq!(pack(b"e11"), None);
        assert_eq!(pack(b""), None);
    }
}
