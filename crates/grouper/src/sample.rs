//! Seeded random claims for checking the grouper against a reference: realistic mixes that cover every MDC.
//!
//! A claim draws an MDC (each of 1–25 equally, with pre-MDC procedures now and then), a principal diagnosis of that
//! MDC, 0–15 secondary diagnoses (CCs and MCCs, some excluded by the principal, trauma and HIV companions, plain
//! codes), 0–6 procedures (O.R. procedures of the MDC, unrelated ones, non-O.R. procedures that matter, procedure
//! clusters), an age from 0 to 100, a sex, a discharge status and POA indicators. The same seed gives the same claims.

use crate::claim::{Claim, Diagnosis, Poa, Sex};
use crate::code::Key;
use crate::defs::{builtin, Definitions};
use rustc_hash::FxHashMap;

/// SplitMix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// The code pools the sampler draws from, sorted so that the draw does not depend on hash order.
struct Pools {
    by_mdc: Vec<Vec<Key>>,
    trauma: Vec<Key>,
    hiv_related: Vec<Key>,
    cc: Vec<Key>,
    mcc: Vec<Key>,
    plain: Vec<Key>,
    /// Per exclusion list, the CC/MCC codes that carry it (to draw a secondary the principal excludes).
    cc_by_list: FxHashMap<u16, Vec<Key>>,
    or_by_mdc: Vec<Vec<Key>>,
    or_all: Vec<Key>,
    non_or: Vec<Key>,
    pre_mdc: Vec<Key>,
}

fn pools(d: &Definitions) -> Pools {
    let mut dx: Vec<(&Key, &crate::defs::DxInfo)> = d.dx.iter().collect();
    dx.sort_by_key(|(k, _)| **k);
    let mut p = Pools {
        by_mdc: vec![vec![]; 26],
        trauma: vec![],
        hiv_related: vec![],
        cc: vec![],
        mcc: vec![],
        plain: vec![],
        cc_by_list: FxHashMap::default(),
        or_by_mdc: vec![vec![]; 26],
        or_all: vec![],
        non_or: vec![],
        pre_mdc: vec![],
    };
    for (k, info) in dx {
        if info.mdc != 0 {
            p.by_mdc[info.mdc as usize].push(*k);
        }
        if info.female_mdc != 0 {
            p.by_mdc[info.female_mdc as usize].push(*k);
        }
        if info.trauma_pdx && info.trauma_sites != 0 {
            p.trauma.push(*k);
        }
        if info.hiv_related {
            p.hiv_related.push(*k);
        }
        match &info.cc {
            Some(c) => {
                if c.level == crate::defs::Level::Mcc {
                    p.mcc.push(*k)
                } else {
                    p.cc.push(*k)
                }
                p.cc_by_list.entry(c.exclusion_list).or_default().push(*k);
            }
            None => p.plain.push(*k),
        }
    }
    let mut pr: Vec<(&Key, &crate::defs::PrInfo)> = d.pr.iter().collect();
    pr.sort_by_key(|(k, _)| **k);
    for (k, info) in pr {
        match &info.or {
            Some(or) => {
                p.or_all.push(*k);
                let mut mdcs: Vec<u8> = or.drgs.iter().filter_map(|&x| d.drg(x).map(|i| i.mdc)).filter(|&m| m <= 25).collect();
                mdcs.sort_unstable();
                mdcs.dedup();
                for m in mdcs {
                    p.or_by_mdc[m as usize].push(*k);
                }
            }
            None => p.non_or.push(*k),
        }
        if info.labels.iter().chain(info.clusters.iter().map(|(l, _)| l)).any(|&l| d.label_drgs(l).first().is_some_and(|&x| x < 20)) {
            p.pre_mdc.push(*k);
        }
    }
    p
}

const STATUSES: [u8; 10] = [1, 1, 1, 1, 2, 3, 6, 7, 20, 62];

/// `n` claims from `seed`.
pub fn claims(seed: u64, n: usize) -> Vec<Claim> {
    let d = builtin();
    let p = pools(d);
    let mut r = Rng::new(seed);
    let hiv = Key::of("B20").expect("code");
    (0..n).map(|i| one(&mut r, &p, d, hiv, format!("{seed}-{i}"))).collect()
}

fn poa(r: &mut Rng) -> Poa {
    match r.below(20) {
        0..=14 => Poa::Y,
        15 | 16 => Poa::N,
        17 => Poa::U,
        18 => Poa::W,
        _ => Poa::Exempt,
    }
}

fn one(r: &mut Rng, p: &Pools, d: &Definitions, hiv: Key, id: String) -> Claim {
    let mdc = 1 + r.below(25);
    let pdx = match mdc {
        24 => *r.pick(&p.trauma),
        25 if r.chance(50) => hiv,
        25 => *r.pick(&p.hiv_related),
        m if p.by_mdc[m].is_empty() => *r.pick(&p.plain),
        m => *r.pick(&p.by_mdc[m]),
    };
    let mut sdx: Vec<Diagnosis> = vec![];
    let n_sdx = match r.below(10) {
        0 => 0,
        1..=6 => 1 + r.below(6),
        _ => 1 + r.below(15),
    };
    let pdx_lists: Vec<u16> = p.cc_by_list.keys().copied().filter(|&l| d.pdx_excludes(pdx, l)).collect();
    for _ in 0..n_sdx {
        let code = match r.below(20) {
            0..=3 => *r.pick(&p.cc),
            4..=6 => *r.pick(&p.mcc),
            7 | 8 if !pdx_lists.is_empty() => {
                let mut lists = pdx_lists.clone();
                lists.sort_unstable();
                let list = *r.pick(&lists);
                *r.pick(&p.cc_by_list[&list])
            }
            9 if mdc == 24 => *r.pick(&p.trauma),
            10 if mdc == 25 && pdx != hiv => hiv,
            11 | 12 if !p.by_mdc[mdc].is_empty() => *r.pick(&p.by_mdc[mdc]),
            _ => *r.pick(&p.plain),
        };
        if code != pdx && !sdx.iter().any(|s| s.code == code) {
            sdx.push(Diagnosis { code, poa: poa(r) });
        }
    }
    if mdc == 24 && !sdx.iter().any(|s| d.dx.get(&s.code).is_some_and(|i| i.trauma_sites != 0)) && r.chance(70) {
        sdx.push(Diagnosis { code: *r.pick(&p.trauma), poa: Poa::Y });
    }
    let mut procedures: Vec<Key> = vec![];
    let n_pr = match r.below(10) {
        0..=3 => 0,
        4..=7 => 1 + r.below(3),
        _ => 1 + r.below(6),
    };
    for _ in 0..n_pr {
        let code = match r.below(20) {
            0..=9 if !p.or_by_mdc[mdc].is_empty() => *r.pick(&p.or_by_mdc[mdc]),
            10..=12 => *r.pick(&p.or_all),
            13 => *r.pick(&p.pre_mdc),
            _ => *r.pick(&p.non_or),
        };
        if !procedures.contains(&code) {
            procedures.push(code);
        }
        // Complete a procedure cluster now and then.
        if r.chance(30) {
            if let Some(info) = d.pr.get(&code) {
                if !info.clusters.is_empty() {
                    let (_, others) = &info.clusters[r.below(info.clusters.len())];
                    for o in others.iter() {
                        if !procedures.contains(o) && procedures.len() < 25 {
                            procedures.push(*o);
                        }
                    }
                }
            }
        }
    }
    let age = match mdc {
        15 => 0,
        14 => 16 + r.below(30) as u8,
        _ => r.below(101) as u8,
    };
    let sex = match mdc {
        12 => Sex::M,
        13 | 14 => Sex::F,
        _ if r.chance(50) => Sex::M,
        _ => Sex::F,
    };
    Claim {
        id,
        age,
        sex,
        discharge_status: *r.pick(&STATUSES),
        pdx: Diagnosis { code: pdx, poa: if r.chance(95) { Poa::Y } else { poa(r) } },
        sdx,
        procedures,
        los: None,
    }
}

/// The claim as a JSON line in the `codefellow group` input format.
pub fn to_json(c: &Claim) -> String {
    let dx = |x: &Diagnosis| serde_json::json!({"code": x.code.as_string(), "poa": x.poa.as_str()});
    let mut v = serde_json::json!({
        "id": c.id,
        "age": c.age,
        "sex": match c.sex { Sex::M => "M", Sex::F => "F", Sex::U => "U" },
        "discharge_status": c.discharge_status,
        "pdx": dx(&c.pdx),
        "sdx": c.sdx.iter().map(dx).collect::<Vec<_>>(),
        "procedures": c.procedures.iter().map(|k| k.as_string()).collect::<Vec<_>>(),
    });
    if let Some(los) = c.los {
        v["los"] = los.into();
    }
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_seeded_covers_every_mdc_and_reads_back() {
        let a = claims(7, 2000);
        let b = claims(7, 2000);
        assert_eq!(a, b);
        let d = builtin();
        let mut mdcs = [false; 26];
        for c in &a {
            mdcs[d.dx[&c.pdx.code].mdc as usize] = true;
            assert!(c.sdx.len() <= 16 && c.procedures.len() <= 25);
            assert_eq!(&Claim::from_json(&to_json(c)).unwrap(), c);
        }
        for m in 1..=23 {
            assert!(mdcs[m], "no principal diagnosis of MDC {m}");
        }
    }
}
