//! The case library's speed targets: generating the whole library (< 10 s) and listing it (< 100 ms), plus the
//! variety measure and the PHI guard over the whole library.
//!
//! `cargo bench -p cases --bench library`

use cases::generate::{generate, SEED};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn generate_the_whole_library() -> usize {
    generate(divan::black_box(SEED)).cases.len()
}

/// What `cases list` does: read the embedded pack's case summaries (no documents' text, no gold).
#[divan::bench(sample_count = 20)]
fn list_the_builtin_library() -> usize {
    let list = cases::library::summaries(divan::black_box(cases::library::BUILTIN_JSON)).expect("the built-in pack reads");
    list.iter().map(|c| c.id.len() + c.title.len() + c.tracks.len()).sum()
}

/// What `cases show` and `cases check` do first: read the whole embedded pack.
#[divan::bench(sample_count = 20)]
fn read_the_whole_builtin_pack() -> usize {
    cases::library::builtin().cases.len()
}

#[divan::bench(sample_count = 5)]
fn overlap_of_every_pair(b: divan::Bencher) {
    let pack = cases::library::builtin();
    b.bench(|| cases::overlap::measure(&pack.cases).pair_max);
}

#[divan::bench(sample_count = 10)]
fn phi_scan_of_every_document(b: divan::Bencher) {
    let pack = cases::library::builtin();
    b.bench(|| pack.cases.iter().flat_map(|c| &c.documents).map(|d| cases::phi::scan(&d.text).len()).sum::<usize>());
}
