//! A small seeded random number generator (SplitMix64) and the phrasing helpers built on it.
//!
//! Our own, not a crate: the library must come out byte for byte the same from the same seed on every platform and
//! every version of every dependency, forever, so the generator's stream is part of the format.

/// Deterministic random stream. `Rng::new(seed).derive("ed")` gives a family its own stream, so adding cases to
/// one family never reshuffles another.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed ^ 0x9E37_79B9_7F4A_7C15 }
    }

    /// An independent stream named by `label`, from this stream's current state.
    pub fn derive(&self, label: &str) -> Rng {
        // FNV-1a of the label, mixed into the state.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in label.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        let mut r = Rng { state: self.state ^ h };
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::below(0)");
        ((self.next_u64() >> 11) as u128 * n as u128 >> 53) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        assert!(lo <= hi, "Rng::range({lo}, {hi})");
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// A number in `lo..=hi` with one decimal ("7.4").
    pub fn decimal(&mut self, lo: f64, hi: f64) -> f64 {
        // Whole tenths, divided once: prints as "7.4", never "7.3999999999999995".
        let (lo10, hi10) = ((lo * 10.0).round() as i64, (hi * 10.0).round() as i64);
        self.range(lo10, hi10) as f64 / 10.0
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// Index of a choice drawn by weight.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total.max(1) as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// `k` distinct items, in a random order.
    pub fn sample<'a, T>(&mut self, xs: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        self.shuffle(&mut idx);
        idx.into_iter().take(k).map(|i| &xs[i]).collect()
    }

    /// The template with each `{a|b|c}` replaced by one of its alternatives: "{Pt|Patient} {reports|states}" →
    /// "Patient states". Alternatives may be empty ("{very |}"). Braces do not nest; a lone brace stays as it is.
    pub fn vary(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
            out.push_str(&rest[..open]);
            let inner = &rest[open + 1..close];
            let alts: Vec<&str> = inner.split('|').collect();
            out.push_str(alts[self.below(alts.len())]);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// One of the phrasings, with its `{a|b}` alternatives chosen.
    pub fn say(&mut self, phrasings: &[&str]) -> String {
        let t = *self.pick(phrasings);
        self.vary(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_stream_and_labels_give_different_ones() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        let (mut c, mut d) = (Rng::new(7).derive("ed"), Rng::new(7).derive("ip"));
        assert_ne!(c.next_u64(), d.next_u64());
    }

    #[test]
    fn the_stream_is_fixed_forever() {
        // The library's bytes depend on it: changing the generator changes every case.
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
    }

    #[test]
    fn vary_chooses_one_alternative_of_each_group() {
        let mut r = Rng::new(1);
        for _ in 0..50 {
            let s = r.vary("{a|b} and {c|} {x}");
            assert!(["a and c x", "b and c x", "a and  x", "b and  x"].contains(&s.as_str()), "{s}");
        }
        assert_eq!(r.vary("no braces {here"), "no braces {here");
    }

    #[test]
    fn decimals_print_with_one_decimal_at_most() {
        let mut r = Rng::new(5);
        for _ in 0..500 {
            let s = r.decimal(0.8, 39.9).to_string();
            assert!(s.split('.').nth(1).is_none_or(|d| d.len() == 1), "{s}");
        }
    }

    #[test]
    fn below_and_range_stay_in_bounds() {
        let mut r = Rng::new(3);
        for n in 1..50 {
            assert!(r.below(n) < n);
            let x = r.range(-3, n as i64);
            assert!((-3..=n as i64).contains(&x));
        }
    }
}
