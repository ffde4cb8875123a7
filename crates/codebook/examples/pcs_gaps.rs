//! Counts ICD-10-PCS characters without a meaning, by section and position: a data-quality aid.
fn main() {
    let lib = codebook::Library::embedded().unwrap();
    let pcs = &lib.book().pcs;
    let mut gaps = std::collections::BTreeMap::new();
    let mut examples = std::collections::BTreeMap::new();
    for e in pcs.codes() {
        for pos in 2..=7u8 {
            if pcs.label(&e.code, pos).is_none() {
                *gaps.entry((e.code.as_bytes()[0] as char, pos)).or_insert(0) += 1;
                examples.entry((e.code.as_bytes()[0] as char, pos)).or_insert_with(|| format!("{} {}", e.code, e.title));
            }
        }
    }
    for (k, v) in gaps { println!("section {} position {}: {v}  e.g. {}", k.0, k.1, examples[&k]); }
}
