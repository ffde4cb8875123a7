//! Grouping throughput on one core: the seeded sample the agreement test uses, grouped claim by claim.
//!
//!     cargo bench -p grouper --bench group
//!
//! Claims per second = 10,000 / the reported time of `group_10k`.
use grouper::{sample, Grouper};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn group_10k(bencher: divan::Bencher) {
    let claims = sample::claims(20260401, 10_000);
    let g = Grouper::builtin();
    g.group(&claims[0]);
    bencher.bench_local(|| {
        let mut drgs = 0u64;
        for c in &claims {
            drgs += g.group(c).drg as u64;
        }
        drgs
    });
}

#[divan::bench(sample_count = 20)]
fn parse_and_group_10k(bencher: divan::Bencher) {
    let lines: Vec<String> = sample::claims(20260401, 10_000).iter().map(sample::to_json).collect();
    let g = Grouper::builtin();
    bencher.bench_local(|| {
        let mut drgs = 0u64;
        for l in &lines {
            drgs += g.group(&grouper::Claim::from_json(l).unwrap()).drg as u64;
        }
        drgs
    });
}
