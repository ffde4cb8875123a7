//! Prints the slowest search queries (prefixes included): a profiling aid.
use std::time::Instant;
fn main() {
    let lib = codebook::Library::embedded().unwrap();
    lib.index().unwrap();
    let mut qs = Vec::new();
    for f in [
        include_str!("../../search/tests/data/dev.tsv"),
        include_str!("../../search/tests/data/dev2.tsv"),
        include_str!("../../search/tests/data/dev3.tsv"),
        include_str!("../../search/tests/data/heldout.tsv"),
    ] {
        for l in f.lines().filter(|l| !l.starts_with('#')) {
            let q = l.split('\t').next().unwrap().to_string();
            for e in (2..q.len()).filter(|&e| q.is_char_boundary(e)) { qs.push(q[..e].to_string()); }
            qs.push(q);
        }
    }
    let opts = search::SearchOptions::default();
    for q in &qs { let _ = lib.search(q, &opts); }
    let mut t: Vec<(f64, &String)> = qs.iter().map(|q| { let s = Instant::now(); let _ = lib.search(q, &opts); (s.elapsed().as_secs_f64()*1e3, q) }).collect();
    t.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, q) in t.iter().take(25) { println!("{ms:7.3} ms  {q:?}"); }
}
