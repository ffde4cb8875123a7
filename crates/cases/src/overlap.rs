//! How much text two cases share: the fraction of the smaller case's word 5-grams (shingles) that also stand in
//! the other. A library of generated records must not be the same note with the numbers changed: no two cases may
//! share more than 80% of their text.

use crate::model::Case;
use serde::Serialize;

/// Word 5-grams of a case's documents, hashed, sorted and deduplicated.
pub fn shingles(case: &Case) -> Vec<u64> {
    let mut words: Vec<String> = Vec::new();
    for d in &case.documents {
        words.extend(d.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()));
    }
    let mut out: Vec<u64> = words
        .windows(5)
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for word in w {
                for b in word.bytes().chain(std::iter::once(b' ')) {
                    h ^= b as u64;
                    h = h.wrapping_mul(0x100_0000_01b3);
                }
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The share of the smaller set found in the larger (0.0–1.0).
pub fn shared(a: &[u64], b: &[u64]) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while i < small.len() && j < large.len() {
        match small[i].cmp(&large[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n as f64 / small.len() as f64
}

/// The distribution of the highest overlap each case has with any other case of the set.
#[derive(Debug, Clone, Serialize)]
pub struct Overlap {
    pub cases: usize,
    /// Every pair's overlap, summarised.
    pub pairs: usize,
    pub pair_max: f64,
    pub pair_mean: f64,
    /// Per case, its highest overlap with another case: percentiles.
    pub nearest_p50: f64,
    pub nearest_p90: f64,
    pub nearest_p99: f64,
    /// Cases whose nearest neighbour shares 0–10%, 10–20% … 90–100% of the text.
    pub nearest_histogram: [usize; 10],
    /// The most similar pairs (ids and overlap), highest first.
    pub top: Vec<(String, String, f64)>,
}

/// Overlap of every pair of cases.
pub fn measure(cases: &[Case]) -> Overlap {
    let sh: Vec<Vec<u64>> = cases.iter().map(shingles).collect();
    let n = cases.len();
    let mut nearest = vec![0.0f64; n];
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    let (mut sum, mut count) = (0.0, 0usize);
    for i in 0..n {
        for j in i + 1..n {
            let s = shared(&sh[i], &sh[j]);
            sum += s;
            count += 1;
            nearest[i] = nearest[i].max(s);
            nearest[j] = nearest[j].max(s);
            if s > 0.5 {
                pairs.push((i, j, s));
            }
        }
    }
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2));
    let mut sorted = nearest.clone();
    sorted.sort_by(f64::total_cmp);
    let pct = |p: f64| if sorted.is_empty() { 0.0 } else { sorted[((sorted.len() - 1) as f64 * p).round() as usize] };
    let mut hist = [0usize; 10];
    for x in &nearest {
        hist[((x * 10.0) as usize).min(9)] += 1;
    }
    Overlap {
        cases: n,
        pairs: count,
        pair_max: sorted.last().copied().unwrap_or(0.0),
        pair_mean: if count == 0 { 0.0 } else { sum / count as f64 },
        nearest_p50: pct(0.5),
        nearest_p90: pct(0.9),
        nearest_p99: pct(0.99),
        nearest_histogram: hist,
        top: pairs.into_iter().take(10).map(|(i, j, s)| (cases[i].id.clone(), cases[j].id.clone(), s)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn case(id: &str, text: &str) -> Case {
        Case {
            id: id.into(),
            title: String::new(),
            tracks: vec![Track::Opd],
            difficulty: Difficulty::Foundation,
            encounter: Encounter { setting: Setting::PhysicianOffice, age: 40, sex: Sex::Male, length_of_stay: None, discharge_status: None },
            documents: vec![Document { id: "d1".into(), kind: DocumentKind::OfficeNote, title: String::new(), day: None, text: text.into() }],
            gold: Gold::default(),
        }
    }

    #[test]
    fn identical_text_shares_everything_and_different_text_nothing() {
        let a = case("A", "the patient was seen today for follow up of diabetes and hypertension");
        let b = case("B", "The patient was seen today for follow-up of diabetes and hypertension.");
        let c = case("C", "fracture of the left distal radius after a fall from a ladder at home");
        let o = measure(&[a.clone(), b, c]);
        assert_eq!(o.pair_max, 1.0);
        assert_eq!(o.top[0].0, "A");
        assert_eq!(shared(&shingles(&a), &shingles(&case("C", "fracture of the left distal radius after a fall"))), 0.0);
    }

    #[test]
    fn a_case_contained_in_a_longer_one_counts_as_shared() {
        let a = case("A", "one two three four five six seven eight");
        let b = case("B", "one two three four five six seven eight nine ten eleven twelve thirteen");
        assert_eq!(shared(&shingles(&a), &shingles(&b)), 1.0);
    }
}
