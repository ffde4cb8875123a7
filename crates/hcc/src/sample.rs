//! Seeded random beneficiaries for checking the model against the reference and for the benchmarks.
//!
//! Each draws a segment (the eight equally: community non-dual, partial and full dual, each aged and disabled;
//! institutional; new enrollee), the inputs that make it (age, OREC, a dual code of the right kind), a sex, and 0–15
//! diagnoses mixed as a coder's list would be: codes of an HCC drawn evenly over the HCCs of V24 and V28 (so every
//! HCC of both models comes up), pairs of codes of one hierarchy family, pairs that make an interaction, codes an
//! age/sex edit may change, duplicates, valid codes of no HCC, and now and then a header or a code that does not
//! exist (the record's error). The same seed gives the same beneficiaries.

use crate::beneficiary::{Beneficiary, Dual, Orec, Sex};
use crate::code::Code;
use crate::model::{Model, PaymentYear, Version};
use crate::tables;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// SplitMix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x2545_F491_4F6C_DD1D)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    pub fn between(&mut self, lo: u8, hi: u8) -> u8 {
        lo + self.below((hi - lo) as usize + 1) as u8
    }
}

/// The code pools, sorted so that a draw does not depend on hash order.
struct Pools {
    /// Per model, per HCC (ascending), the codes that give it.
    by_hcc: [Vec<(u16, Vec<Code>)>; 2],
    /// Per model, (parent code, child code) pairs of one hierarchy family.
    families: [Vec<(Code, Code)>; 2],
    /// Per model, per interaction, the codes of each side (an empty side is the disabled flag).
    interactions: [Vec<[Vec<Code>; 2]>; 2],
    edited: Vec<Code>,
    plain: Vec<Code>,
    headers: Vec<Code>,
}

fn pools() -> &'static Pools {
    static P: OnceLock<Pools> = OnceLock::new();
    P.get_or_init(|| {
        let models = [Version::V24, Version::V28].map(|v| Model::builtin(v, PaymentYear::Py2026).expect("2026 models"));
        let mut by_hcc: [Vec<(u16, Vec<Code>)>; 2] = [vec![], vec![]];
        let mut families: [Vec<(Code, Code)>; 2] = [vec![], vec![]];
        let mut interactions: [Vec<[Vec<Code>; 2]>; 2] = [vec![], vec![]];
        let mut edited = vec![];
        let mut mapped = rustc_hash::FxHashSet::default();
        for (i, m) in models.iter().enumerate() {
            let mut map: FxHashMap<u16, Vec<Code>> = FxHashMap::default();
            for (code, hccs, edit) in m.codes() {
                mapped.insert(code);
                if edit {
                    edited.push(code);
                }
                for &h in hccs {
                    map.entry(h).or_default().push(code);
                }
            }
            let mut v: Vec<(u16, Vec<Code>)> = map.into_iter().collect();
            v.sort_unstable_by_key(|x| x.0);
            for &(child, ref codes) in &v {
                for &p in m.parents_of(child) {
                    if let Some((_, pc)) = v.iter().find(|x| x.0 == p) {
                        families[i].push((pc[pc.len() / 2], codes[codes.len() / 2]));
                        families[i].push((pc[0], codes[codes.len() - 1]));
                    }
                }
            }
            for (_, sides) in m.interaction_sides() {
                let side = |hs: &Vec<u16>| -> Vec<Code> { hs.iter().filter_map(|h| v.iter().find(|x| x.0 == *h)).flat_map(|x| x.1.iter().copied()).collect() };
                interactions[i].push([side(&sides[0]), side(&sides[1])]);
            }
            by_hcc[i] = v;
        }
        edited.sort_unstable();
        edited.dedup();
        let mut list: Vec<(u64, bool)> = tables::code_list().iter().map(|(k, h)| (*k, *h)).collect();
        list.sort_unstable();
        let plain: Vec<Code> = list.iter().filter(|(k, h)| !h && !mapped.contains(&Code::from_key(*k))).map(|(k, _)| Code::from_key(*k)).collect();
        let headers: Vec<Code> = list.iter().filter(|(k, h)| *h && !mapped.contains(&Code::from_key(*k))).map(|(k, _)| Code::from_key(*k)).collect();
        Pools { by_hcc, families, interactions, edited, plain, headers }
    })
}

/// One diagnosis of an HCC, drawn evenly over the HCCs of one of the two models.
fn hcc_code(r: &mut Rng, p: &Pools) -> Code {
    let m = r.below(2);
    let (_, codes) = r.pick(&p.by_hcc[m]);
    *r.pick(codes)
}

/// `n` beneficiaries from `seed`.
pub fn beneficiaries(seed: u64, n: usize) -> Vec<Beneficiary> {
    let p = pools();
    let mut r = Rng::new(seed);
    (0..n).map(|i| beneficiary(&mut r, p, format!("B{i}"))).collect()
}

fn dual_of(r: &mut Rng, kind: usize) -> Dual {
    let code = match kind {
        0 => "00",
        1 => *r.pick(&["01", "03", "05", "06"]),
        2 => *r.pick(&["02", "04", "08"]),
        _ => *r.pick(&["00", "00", "00", "01", "02", "03", "04", "05", "06", "08"]),
    };
    Dual::parse(code).expect("a dual code")
}

fn beneficiary(r: &mut Rng, p: &Pools, id: String) -> Beneficiary {
    let segment = r.below(8);
    let sex = if r.chance(50) { Sex::Female } else { Sex::Male };
    let aged_age = |r: &mut Rng| if r.chance(90) { r.between(65, 95) } else { r.between(96, 110) };
    // Under 65: mostly adults; children now and then (Medicare covers some through ESRD or disability), which
    // exercises the age edits.
    let young_age = |r: &mut Rng| if r.chance(95) { r.between(18, 64) } else { r.between(0, 17) };
    let (age, orec, dual, institutional, new_enrollee) = match segment {
        // Community: non-dual, partial, full × aged, disabled.
        0..=5 => {
            let aged = matches!(segment, 0 | 2 | 4);
            let age = if aged { aged_age(r) } else { young_age(r) };
            let orec = if aged {
                *r.pick(&[Orec::OldAge, Orec::OldAge, Orec::Disability, Orec::Esrd, Orec::DisabilityAndEsrd])
            } else {
                *r.pick(&[Orec::Disability, Orec::Disability, Orec::Disability, Orec::OldAge, Orec::Esrd, Orec::DisabilityAndEsrd])
            };
            (age, orec, dual_of(r, segment / 2), false, false)
        }
        6 => {
            let age = if r.chance(70) { aged_age(r) } else { young_age(r) };
            let orec = *r.pick(&[Orec::OldAge, Orec::Disability, Orec::Disability, Orec::Esrd, Orec::DisabilityAndEsrd]);
            (age, orec, dual_of(r, 3), true, false)
        }
        _ => {
            let age = if r.chance(60) { r.between(63, 75) } else if r.chance(50) { aged_age(r) } else { young_age(r) };
            let orec = *r.pick(&[Orec::OldAge, Orec::Disability]);
            (age, orec, dual_of(r, 3), false, true)
        }
    };
    let mut dx = vec![];
    let n = if r.chance(10) { 0 } else { 1 + r.below(15) };
    while dx.len() < n {
        let m = r.below(2);
        match r.below(100) {
            0..=44 => dx.push(hcc_code(r, p)),
            45..=54 => {
                let (a, b) = *r.pick(&p.families[m]);
                dx.extend([a, b]);
            }
            55..=64 => {
                let sides = r.pick(&p.interactions[m]);
                for s in sides {
                    if !s.is_empty() {
                        dx.push(*r.pick(s));
                    }
                }
            }
            65..=69 => dx.push(*r.pick(&p.edited)),
            70..=72 => {
                if let Some(&c) = dx.last() {
                    dx.push(c);
                }
            }
            73..=98 => dx.push(*r.pick(&p.plain)),
            // About one record in twenty carries a header or a made-up code: the model's per-record error.
            _ => {
                if r.chance(50) {
                    dx.push(*r.pick(&p.headers));
                } else {
                    dx.push(Code::parse(&format!("Q{}Z{}", r.between(10, 99), r.between(0, 9))).expect("a code shape"));
                }
            }
        }
    }
    dx.truncate(15);
    Beneficiary { id, age, sex, dual, orec, institutional, new_enrollee, dx }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Segment;
    use std::collections::BTreeSet;

    #[test]
    fn the_same_seed_gives_the_same_beneficiaries() {
        let a: Vec<String> = beneficiaries(7, 50).iter().map(Beneficiary::to_json).collect();
        let b: Vec<String> = beneficiaries(7, 50).iter().map(Beneficiary::to_json).collect();
        assert_eq!(a, b);
        assert_ne!(a, beneficiaries(8, 50).iter().map(Beneficiary::to_json).collect::<Vec<_>>());
    }

    #[test]
    fn a_sample_covers_every_segment_and_every_hcc_of_both_models() {
        let sample = beneficiaries(1, 20_000);
        for v in [Version::V24, Version::V28] {
            let m = Model::builtin(v, PaymentYear::Py2026).unwrap();
            let (mut segments, mut hccs) = (BTreeSet::new(), BTreeSet::new());
            for b in &sample {
                if let Ok(s) = m.score(b) {
                    segments.insert(format!("{:?}", s.segment));
                    hccs.extend(s.hcc_numbers());
                    hccs.extend(s.dropped.iter().map(|d| d.hcc));
                }
            }
            assert_eq!(segments.len(), Segment::ALL.len(), "{v:?}: {segments:?}");
            let all: BTreeSet<u16> = m.hccs().into_iter().collect();
            let missing: Vec<_> = all.difference(&hccs).collect();
            assert!(missing.is_empty(), "{v:?}: HCCs never drawn: {missing:?}");
        }
    }
}
