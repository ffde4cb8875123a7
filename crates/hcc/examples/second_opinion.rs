//! Compares the model with a second implementation (risk-adjustment-model==0.7.1) on seeded beneficiaries and tallies
//! the differences by pattern, for docs/HCC.md.
//!
//!     bash scripts/hcc-oracle-venv.sh --second-opinion
//!     cargo run --release -p hcc --example second_opinion -- [--seed 1] [--n 20000] [--show 2]
//!
//! V28 is compared on payment year 2026; V24 on our 2026 against its 2025 tables (the latest it ships). Records the
//! model refuses (a header or unknown code) are compared without those codes. A difference is listed by what differs:
//! HCCs only one side has (with the diagnoses behind them), or, with the same HCCs, the variables only one side
//! applies (segment prefixes taken off).
#[path = "../tests/oracle/mod.rs"]
mod oracle;

use hcc::{sample, Adjustments, Model, PaymentYear, Version};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

#[derive(Deserialize)]
struct Answer {
    hccs: Vec<u16>,
    score: f64,
    categories: Vec<String>,
}

#[derive(Deserialize)]
struct Line {
    id: String,
    #[serde(rename = "V24")]
    v24: Answer,
    #[serde(rename = "V28")]
    v28: Answer,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: u64| -> u64 {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let (seed, n, show) = (arg("--seed", 1), arg("--n", 20_000) as usize, arg("--show", 2) as usize);
    let root = oracle::root();
    let ok = Command::new("bash").arg(root.join("scripts/hcc-oracle-venv.sh")).arg("--second-opinion").status().expect("venv script");
    assert!(ok.success(), "scripts/hcc-oracle-venv.sh --second-opinion failed");
    let people = sample::beneficiaries(seed, n);
    let input: String = people.iter().map(|b| b.to_json() + "\n").collect();
    let mut child = Command::new(root.join(".cache/hcc-venv/bin/python"))
        .arg(root.join("scripts/hcc-second-opinion.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start risk-adjustment-model");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("second opinion output");
    writer.join().unwrap().expect("write beneficiaries");
    assert!(out.status.success(), "risk-adjustment-model failed");
    let lines: Vec<Line> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("a line")).collect();
    assert_eq!(lines.len(), people.len());
    for version in [Version::V24, Version::V28] {
        let model = Model::builtin(version, PaymentYear::Py2026).unwrap();
        let (mut same_hccs, mut same_both) = (0, 0);
        let mut patterns: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (b, l) in people.iter().zip(&lines) {
            assert_eq!(b.id, l.id);
            let theirs = if version == Version::V24 { &l.v24 } else { &l.v28 };
            let mut kept = b.clone();
            kept.dx.retain(|c| model.check_code(*c).is_ok());
            let ours = model.score_with(&kept, Adjustments::NONE).unwrap();
            let hccs = ours.hcc_numbers();
            let four = |x: f64| format!("{x:.4}");
            let pattern = if hccs == theirs.hccs {
                same_hccs += 1;
                if four(ours.raw_score) == four(theirs.score) {
                    same_both += 1;
                    continue;
                }
                let strip = |n: &str| n.split_once('_').map(|(p, rest)| if p.len() <= 3 { rest.to_string() } else { n.to_string() }).unwrap_or(n.to_string());
                let mine: Vec<String> = ours.details.iter().filter(|d| d.value != 0.0).map(|d| strip(d.name)).collect();
                let only_ours: Vec<&String> = mine.iter().filter(|m| !theirs.categories.iter().any(|c| c.eq_ignore_ascii_case(m))).collect();
                let only_theirs: Vec<&String> = theirs.categories.iter().filter(|c| !mine.iter().any(|m| m.eq_ignore_ascii_case(c))).collect();
                format!("{:?}: same HCCs, variables ours only {only_ours:?}, theirs only {only_theirs:?}", ours.segment)
            } else {
                let only_ours: Vec<u16> = hccs.iter().copied().filter(|h| !theirs.hccs.contains(h)).collect();
                let only_theirs: Vec<u16> = theirs.hccs.iter().copied().filter(|h| !hccs.contains(h)).collect();
                let why: Vec<String> = ours.edits.iter().map(|e| format!("{} {:?}", e.dx, e.action)).collect();
                format!("HCCs ours only {only_ours:?}, theirs only {only_theirs:?}{}", if why.is_empty() { String::new() } else { format!(" (our edits: {why:?})") })
            };
            patterns.entry(pattern).or_default().push(format!("ours {:.4} theirs {:.4} {}", ours.raw_score, theirs.score, b.to_json()));
        }
        println!("{version:?}: same HCC set {same_hccs}/{n}, same HCCs and raw score (4 decimals) {same_both}/{n}");
        let mut ranked: Vec<_> = patterns.into_iter().collect();
        ranked.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
        for (p, v) in ranked.iter().take(30) {
            println!("  {:>5}  {p}", v.len());
            for e in v.iter().take(show) {
                println!("         {e}");
            }
        }
    }
}
