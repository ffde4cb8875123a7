//! Prints the seeded sample claims (`grouper::sample`) as JSON lines, the input format of `codefellow group`:
//!
//!     cargo run --release -p grouper --example sample -- [--seed 1] [--n 1000] > claims.jsonl
use grouper::sample;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: u64| -> u64 {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for c in sample::claims(arg("--seed", 1), arg("--n", 1000) as usize) {
        writeln!(out, "{}", sample::to_json(&c)).expect("write to standard output");
    }
}
