//! Throughput of the code book: `cargo bench -p codebook --bench codebook`.
//! Figures go to docs/PERFORMANCE.md.

use codebook::Library;
use codeset::icd10cm::Resolved;
use std::borrow::Cow;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn lib() -> &'static Library {
    static L: OnceLock<Library> = OnceLock::new();
    L.get_or_init(|| {
        let l = Library::embedded().unwrap();
        l.index().unwrap();
        l
    })
}

/// 100,000 inputs as coders type them: billable ICD-10-CM codes with dots, PCS codes, and a tenth invalid.
fn inputs() -> &'static Vec<String> {
    static I: OnceLock<Vec<String>> = OnceLock::new();
    I.get_or_init(|| {
        let book = lib().book();
        let cm = &book.icd10cm;
        let mut v: Vec<String> = cm.billable_codes().step_by(1).map(|r: Resolved| cm.display(r)).take(70_000).collect();
        v.extend(book.pcs.codes().iter().take(20_000).map(|e| e.code.clone()));
        for i in 0..10_000 {
            v.push(format!("Z{:02}.{}", i % 100, i % 7));
        }
        v
    })
}

#[divan::bench(sample_count = 10)]
fn startup_decode_code_book() -> Library {
    Library::from_bytes(Cow::Borrowed(codebook::EMBEDDED)).unwrap()
}

#[divan::bench(sample_count = 10)]
fn startup_decode_code_book_and_search_index(b: divan::Bencher) {
    b.bench(|| {
        let l = Library::from_bytes(Cow::Borrowed(codebook::EMBEDDED)).unwrap();
        l.index().unwrap();
        l
    });
}

#[divan::bench(sample_count = 20)]
fn is_valid_100k(b: divan::Bencher) {
    let book = lib().book();
    let inputs = inputs();
    b.counter(divan::counter::ItemsCount::new(inputs.len())).bench(|| inputs.iter().filter(|c| book.is_valid(c)).count());
}

#[divan::bench(sample_count = 20)]
fn validate_100k(b: divan::Bencher) {
    let book = lib().book();
    let inputs = inputs();
    b.counter(divan::counter::ItemsCount::new(inputs.len())).bench(|| inputs.iter().filter(|c| book.validate(c, None).valid).count());
}

#[divan::bench(sample_count = 20)]
fn describe_100k(b: divan::Bencher) {
    let book = lib().book();
    let inputs = inputs();
    b.counter(divan::counter::ItemsCount::new(inputs.len())).bench(|| inputs.iter().filter_map(|c| book.describe(c)).map(|d| d.title.len()).sum::<usize>());
}

#[divan::bench(sample_count = 10)]
fn lookup_full_entry_100k(b: divan::Bencher) {
    let book = lib().book();
    let inputs = inputs();
    b.counter(divan::counter::ItemsCount::new(inputs.len())).bench(|| inputs.iter().filter_map(|c| book.lookup(c, None).ok()).map(|e| e.notes.len()).sum::<usize>());
}

#[divan::bench(args = ["diabetes ckd", "heart attack", "lap appendectomy", "pnuemonia", "fracture of right femur initial", "E11.2"])]
fn search_20(b: divan::Bencher, q: &str) {
    let l = lib();
    let opts = search::SearchOptions::default();
    b.bench(|| l.search(q, &opts).unwrap().len());
}
