//! Compares the model with the reference (hccinfhir==0.4.0) on seeded random beneficiaries, V24 and V28, payment year
//! 2026, and V28 with the 2027 map and proposed factors, segment inputs pinned, and shows the disagreements.
//!
//!     cargo run --release -p hcc --example hcc_compare -- [--seed 1] [--n 100000] [--show 5]
//!
//! Prints, per version, how many beneficiaries have the same HCC set and the same raw and demographic scores to 4
//! decimals, how many are set apart for a known defect of the reference (with the reason), the largest score gap
//! among the identical ones, the segments covered, the records the model refuses (a header or an unknown code; the
//! reference ignores such codes, so the comparison takes them out), and example JSON lines of any disagreement.
#[path = "../tests/oracle/mod.rs"]
mod oracle;

use hcc::{sample, Adjustments, Model, PaymentYear, Version};
use oracle::Outcome;
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: u64| -> u64 {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let seed = arg("--seed", 1);
    let n = arg("--n", 100_000) as usize;
    let show = arg("--show", 5) as usize;
    let people = sample::beneficiaries(seed, n);
    let refs = oracle::reference(&people);
    for (version, year) in [(Version::V24, PaymentYear::Py2026), (Version::V28, PaymentYear::Py2026), (Version::V28, PaymentYear::Py2027Proposed)] {
        let model = Model::builtin(version, year).unwrap();
        let (mut same, mut refused, mut gap) = (0, 0, 0f64);
        let mut apart: BTreeMap<&str, usize> = BTreeMap::new();
        let mut segments: BTreeMap<String, usize> = BTreeMap::new();
        let mut hccs = std::collections::BTreeSet::new();
        let mut differ = vec![];
        for (b, r) in people.iter().zip(&refs) {
            let answer = r.answer(version, year);
            if model.score(b).is_err() {
                refused += 1;
            }
            match oracle::judge(model, b, answer) {
                Outcome::Same => {
                    same += 1;
                    let mut kept = b.clone();
                    kept.dx.retain(|c| model.check_code(*c).is_ok());
                    let s = model.score_with(&kept, Adjustments::NONE).unwrap();
                    gap = gap.max((s.raw_score - answer.score).abs());
                    *segments.entry(format!("{:?}", s.segment)).or_default() += 1;
                    hccs.extend(s.hcc_numbers());
                }
                Outcome::SetApart(why) => *apart.entry(why).or_default() += 1,
                Outcome::Differs(why) => differ.push(format!("{why}\n  {}", b.to_json())),
            }
        }
        println!(
            "{version:?} PY{}: {same}/{n} identical ({:.3}%), {} set apart, {} differ; largest raw-score gap among identical {gap:.2e}",
            year.number(),
            100.0 * same as f64 / n as f64,
            apart.values().sum::<usize>(),
            differ.len()
        );
        println!("  {} distinct payment HCCs scored (of {} in the map); segments {segments:?}", hccs.len(), model.hccs().len());
        println!("  {refused} records refused by the model (a header or unknown code), compared without those codes");
        for (why, k) in &apart {
            println!("  set apart ({k}): {why}");
        }
        for d in differ.iter().take(show) {
            println!("  DIFFERS: {d}");
        }
    }
}
