//! Side by side in one run: our CMS-HCC model against the reference (hccinfhir==0.4.0 through its Python function
//! `calculate_raf`, scripts/hcc-oracle.py --bench), on the same 20,000 seeded beneficiaries, V24 and V28 payment year
//! 2026, one core each, best of several rounds.
//!
//!     cargo bench -p hcc --bench versus_reference
//!
//! The reference needs the virtual environment scripts/hcc-oracle-venv.sh makes (on first use); its time excludes
//! Python start-up and JSON parsing. Ours scores the same records (those with a header or an unknown code return their
//! error; the reference ignores such codes).
#[path = "../tests/oracle/mod.rs"]
mod oracle;

use hcc::{sample, Model, PaymentYear, Version};
use std::time::Instant;

const PEOPLE: usize = 20_000;
const ROUNDS: usize = 7;

fn best<F: FnMut() -> f64>(mut f: F) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this too, so keep that quick.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let people = sample::beneficiaries(20260201, PEOPLE);
    let mut ours = vec![];
    for v in [Version::V24, Version::V28] {
        let m = Model::builtin(v, PaymentYear::Py2026).unwrap();
        ours.push(best(|| people.iter().filter_map(|b| m.score(b).ok()).map(|s| s.raw_score).sum()));
    }
    let out = oracle::run(&people, &["--bench", "3"]);
    let r: serde_json::Value = serde_json::from_str(out.trim()).expect("reference benchmark JSON");
    let theirs = [r["V24_seconds"].as_f64().unwrap(), r["V28_seconds"].as_f64().unwrap()];
    let rate = |s: f64| PEOPLE as f64 / s;
    println!("{PEOPLE} seeded beneficiaries, one core, best of {ROUNDS} (ours) and 3 (reference) rounds");
    println!("{:<18} {:>20} {:>16} {:>8}", "", "ours beneficiaries/s", "reference /s", "ratio");
    for (i, name) in ["V24 PY2026", "V28 PY2026"].iter().enumerate() {
        println!("{name:<18} {:>20.0} {:>16.0} {:>7.0}x", rate(ours[i]), rate(theirs[i]), theirs[i] / ours[i]);
    }
}
