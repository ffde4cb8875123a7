//! Words: how titles and queries are cut into terms, the same way on both sides.

/// Words too common to tell codes apart. "with" and "in" matter to coders (OCG I.A.15) but every title that
/// could match "diabetes ckd" carries them, so they only add noise to matching; "without" is kept.
const STOP: &[&str] = &["a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "w", "with", "pt", "patient", "s", "due"];

pub fn is_stop(t: &str) -> bool {
    STOP.contains(&t)
}

/// Lower-case ASCII runs of letters and digits; everything else separates words ("a-fib" → "a", "fib";
/// "N18.30" → "n18", "30"; "athlete's" → "athlete", "s").
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A light stemmer: plural and a few inflections, applied alike to titles and queries, so "fractures",
/// "injuries" and "stones" meet "fracture", "injury" and "stone".
pub fn stem(w: &str) -> String {
    let n = w.len();
    // "-ing" and "-ed" go when at least four letters stay, with a doubled final consonant undoubled:
    // "falling" → "fall", "tripped"/"tripping" → "trip", "bleeding" → "bleed".
    let undouble = |s: &str| -> String {
        let b = s.as_bytes();
        if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b"lsz".contains(&b[b.len() - 1]) && !b"aeiou".contains(&b[b.len() - 1]) {
            s[..s.len() - 1].to_string()
        } else {
            s.to_string()
        }
    };
    if n >= 7 && w.ends_with("ing") && w.is_ascii() {
        return undouble(&w[..n - 3]);
    }
    if n >= 6 && w.ends_with("ed") && !w.ends_with("eed") && w.is_ascii() {
        return undouble(&w[..n - 2]);
    }
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 4 && (w.ends_with("sses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes")) {
        return w[..n - 2].to_string();
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !w.bytes().any(|b| b.is_ascii_digit()) {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// Words of a text, stemmed, stop words dropped.
pub fn terms(text: &str) -> Vec<String> {
    words(text).into_iter().filter(|w| !is_stop(w)).map(|w| stem(&w)).collect()
}

/// Damerau–Levenshtein distance (adjacent transpositions count one), stopping early past `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a = a.as_bytes();
    let b = b.as_bytes();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let mut row_min = usize::MAX;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_meet_their_singulars() {
        for (a, b) in [("fractures", "fracture"), ("injuries", "injury"), ("stones", "stone"), ("abscesses", "abscess"), ("kidneys", "kidney")] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("diabetes"), stem("diabetes"));
        assert_eq!(stem("calculus"), "calculus");
        assert_eq!(stem("pneumonitis"), "pneumonitis");
        assert_eq!(stem("tripped"), stem("tripping"));
        assert_eq!(stem("falling"), "fall");
        assert_eq!(stem("bleeding"), "bleed");
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(words("A-fib, N/V; E11.22"), ["a", "fib", "n", "v", "e11", "22"]);
    }

    #[test]
    fn transpositions_cost_one() {
        assert_eq!(edit_distance("pnuemonia", "pneumonia", 2), 1);
        assert_eq!(edit_distance("hypertention", "hypertension", 2), 1);
        assert_eq!(edit_distance("abc", "xyz", 1), 2);
    }
}
