use thiserror::Error;

/// Longest raw input we look at. A code is at most 7 characters; anything past this is not a code.
pub const MAX_INPUT: usize = 64;

/// Why a piece of input is not even shaped like a code.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    /// Nothing but spaces.
    #[error("empty input: type a code such as E11.22, 0DTJ4ZZ or J1885")]
    Empty,
    /// Far longer than any code.
    #[error("input is {0} characters long: a code has at most 7 characters (8 with the dot)")]
    TooLong(usize),
    /// A control character (tab, newline, escape …) inside the code.
    #[error("input contains a control character (U+{0:04X}) at position {1}: a code is letters and digits, with an optional dot")]
    Control(u32, usize),
    /// Anything else that is not a letter, digit or dot.
    #[error("'{0}' at position {1} cannot be part of a code: a code is letters and digits, with an optional dot after the third character")]
    BadChar(char, usize),
}

/// Trims, upper-cases and removes dots: `" e11.22 "` → `"E1122"`. Checks only the alphabet, not the code set.
pub fn normalize(raw: &str) -> Result<String, InputError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    let n = t.chars().count();
    if n > MAX_INPUT {
        return Err(InputError::TooLong(n));
    }
    let mut out = String::with_capacity(8);
    for (i, c) in t.chars().enumerate() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else if c == '.' {
        } else if c.is_control() {
            return Err(InputError::Control(c as u32, i + 1));
        } else {
            return Err(InputError::BadChar(c, i + 1));
        }
    }
    if out.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(out)
}

/// Writes an ICD-10-CM code the way coders write it, with the dot after the third character.
pub fn dotted_cm(code: &str) -> String {
    if code.len() > 3 && code.is_ascii() {
        format!("{}.{}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_case_and_spaces_are_forgiven() {
        assert_eq!(normalize(" e11.22 ").unwrap(), "E1122");
        assert_eq!(normalize("0dtj4zz").unwrap(), "0DTJ4ZZ");
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        assert_eq!(normalize("   "), Err(InputError::Empty));
        assert_eq!(normalize("..."), Err(InputError::Empty));
        assert!(matches!(normalize(&"A".repeat(10_000_000)), Err(InputError::TooLong(10_000_000))));
        assert_eq!(normalize("E11\u{7}22"), Err(InputError::Control(7, 4)));
        assert_eq!(normalize("E11'; DROP TABLE codes;--"), Err(InputError::BadChar('\'', 4)));
        assert_eq!(normalize("É11"), Err(InputError::BadChar('É', 1)));
    }

    #[test]
    fn dotted_form_puts_the_dot_after_the_category() {
        assert_eq!(dotted_cm("E1122"), "E11.22");
        assert_eq!(dotted_cm("E11"), "E11");
    }

    proptest::proptest! {
        #[test]
        fn normalize_never_panics(s in ".*") {
            let _ = normalize(&s);
        }
    }
}
