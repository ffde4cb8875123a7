//! Throughput of the CMS-HCC model on seeded beneficiaries (`hcc::sample`), one core.
//!
//!     cargo bench -p hcc --bench score
//!
//! Each benchmark scores the same 10,000 beneficiaries (records with a header or unknown code included: they return
//! their error); divan reports the time per batch, so beneficiaries per second = 10,000 / time.
use hcc::{sample, Beneficiary, Model, PaymentYear, Version};

fn main() {
    divan::main();
}

const N: usize = 10_000;

fn people() -> Vec<Beneficiary> {
    sample::beneficiaries(20260201, N)
}

fn run(version: Version, year: PaymentYear, bencher: divan::Bencher) {
    let model = Model::builtin(version, year).unwrap();
    let people = people();
    bencher.counter(divan::counter::ItemsCount::new(N)).bench(|| {
        let mut total = 0.0;
        for b in &people {
            if let Ok(s) = model.score(divan::black_box(b)) {
                total += s.payment_score;
            }
        }
        total
    });
}

#[divan::bench(sample_count = 20)]
fn v28_2026(bencher: divan::Bencher) {
    run(Version::V28, PaymentYear::Py2026, bencher);
}

#[divan::bench(sample_count = 20)]
fn v24_2026(bencher: divan::Bencher) {
    run(Version::V24, PaymentYear::Py2026, bencher);
}

#[divan::bench(sample_count = 20)]
fn v28_2027_proposed(bencher: divan::Bencher) {
    run(Version::V28, PaymentYear::Py2027Proposed, bencher);
}

/// Reading the JSON line and scoring it, as `codefellow hcc` does.
#[divan::bench(sample_count = 20)]
fn v28_2026_from_json(bencher: divan::Bencher) {
    let model = Model::builtin(Version::V28, PaymentYear::Py2026).unwrap();
    let lines: Vec<String> = people().iter().map(Beneficiary::to_json).collect();
    bencher.counter(divan::counter::ItemsCount::new(N)).bench(|| {
        let mut total = 0.0;
        for l in &lines {
            if let Ok(s) = Beneficiary::from_json(divan::black_box(l)).and_then(|b| model.score(&b)) {
                total += s.payment_score;
            }
        }
        total
    });
}
