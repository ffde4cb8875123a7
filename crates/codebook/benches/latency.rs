//! Search latency percentiles, start-up time and resident memory:
//! `cargo bench -p codebook --bench latency`. Figures go to docs/PERFORMANCE.md.
//!
//! Every query of the evaluation sets, plus each of their prefixes (what search-as-you-type sends), is run
//! for 20 results; each is timed over several rounds and p50/p99 are taken over all timings.

use std::time::Instant;

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let rss0 = rss_kib();
    let t = Instant::now();
    let lib = codebook::Library::embedded().unwrap();
    let book_ms = t.elapsed().as_secs_f64() * 1e3;
    lib.index().unwrap();
    let all_ms = t.elapsed().as_secs_f64() * 1e3;
    let rss1 = rss_kib();
    println!("start-up: code book decoded in {book_ms:.1} ms; with search index {all_ms:.1} ms");
    println!("resident memory: {:.1} MiB before, {:.1} MiB after loading everything", rss0 as f64 / 1024.0, rss1 as f64 / 1024.0);

    let mut queries: Vec<String> = Vec::new();
    for f in [
        include_str!("../../search/tests/data/dev.tsv"),
        include_str!("../../search/tests/data/dev2.tsv"),
        include_str!("../../search/tests/data/dev3.tsv"),
        include_str!("../../search/tests/data/heldout.tsv"),
    ] {
        for l in f.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let q = l.split('\t').next().unwrap().to_string();
            for end in (2..q.len()).filter(|&e| q.is_char_boundary(e)) {
                queries.push(q[..end].to_string());
            }
            queries.push(q);
        }
    }
    let opts = search::SearchOptions { limit: 20, ..Default::default() };
    for q in &queries {
        let _ = lib.search(q, &opts);
    }
    let mut times: Vec<f64> = Vec::with_capacity(queries.len() * 5);
    for _ in 0..5 {
        for q in &queries {
            let t = Instant::now();
            let n = lib.search(q, &opts).map(|h| h.len()).unwrap_or(0);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(n);
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "search, 20 results, {} timings over {} queries (full and as-you-type prefixes): p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        queries.len(),
        pct(&times, 0.5),
        pct(&times, 0.9),
        pct(&times, 0.99),
        times[times.len() - 1]
    );
}
