//! Runs a search evaluation file (`query<TAB>system<TAB>acceptable codes`) and prints the misses.
//! `cargo run --release -p codebook --example eval -- crates/search/tests/data/dev.tsv`

fn main() {
    let path = std::env::args().nth(1).expect("usage: eval FILE.tsv");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let lib = codebook::Library::embedded().expect("embedded bundle");
    let opts = search::SearchOptions { limit: 5, ..Default::default() };
    let (mut n, mut ok) = (0, 0);
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (q, accept) = (f[0], f[2]);
        let accept: Vec<String> = accept.split(',').map(|c| c.trim().replace('.', "")).collect();
        let hits = lib.search(q, &opts).unwrap_or_default();
        n += 1;
        if hits.iter().any(|h| accept.contains(&h.code.replace('.', ""))) {
            ok += 1;
        } else {
            println!("MISS {q:?} want {}", f[2]);
            for h in &hits {
                println!("       {} {}", h.code, h.title);
            }
        }
    }
    println!("{ok}/{n} = {:.1}%", 100.0 * ok as f64 / n as f64);
}
