//! Agreement with the reference grouper (msdrg==1.2.0, a port of the CMS grouper) on a seeded random sample.
//!
//! The sample covers every MDC with realistic mixes (see `grouper::sample`); the reference runs in a Python virtual
//! environment that scripts/oracle-venv.sh makes (test-only). The floor below is the agreement measured when it was
//! last raised: it only goes up. The goal is 99.9% (issue 4); docs/GROUPER.md lists what still differs.
mod oracle;

use grouper::{sample, Grouper};

const SEED: u64 = 20260401;
const CLAIMS: usize = 5000;
/// The measured agreement, in claims per 10,000, below which the test fails.
const FLOOR_PER_10K: usize = 10000;

#[test]
fn final_drg_agrees_with_the_reference_on_a_seeded_sample() {
    let claims = sample::claims(SEED, CLAIMS);
    let refs = oracle::reference(SEED, &claims);
    let g = Grouper::builtin();
    let mut disagree = vec![];
    for (c, r) in claims.iter().zip(&refs) {
        assert_eq!(c.id, r.id);
        let ours = g.group(c);
        if ours.drg != r.drg {
            disagree.push(format!("{}: reference {} ours {} ({})", c.id, r.drg, ours.drg, sample::to_json(c)));
        }
    }
    let agree = CLAIMS - disagree.len();
    eprintln!("final DRG agreement: {agree}/{CLAIMS}");
    assert!(
        agree * 10_000 >= FLOOR_PER_10K * CLAIMS,
        "agreement {agree}/{CLAIMS} fell below the floor of {FLOOR_PER_10K}/10000; first disagreements:\n{}",
        disagree.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
