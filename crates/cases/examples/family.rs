//! Generates the library and reports on one family (or all): the pack check's problems, cases per track, words
//! per document kind; `--show ID` prints one case with its gold.
//!
//! `cargo run --release -p cases --example family -- [PREFIX] [--show ID] [--json FILE]`   (PREFIX: IP, SURG, ANES, ED, OPPS, OFF, HCC, EMR, SNF, HH…)

use cases::generate::{generate, SEED};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).cloned();
    let json = args.iter().position(|a| a == "--json").and_then(|i| args.get(i + 1)).cloned();
    let prefix = args.iter().find(|a| !a.starts_with("--") && Some(*a) != show.as_ref() && Some(*a) != json.as_ref()).cloned();
    let t = std::time::Instant::now();
    let mut pack = generate(SEED);
    let took = t.elapsed();
    if let Some(i) = args.iter().position(|a| a == "--json") {
        let path = args.get(i + 1).expect("--json FILE");
        std::fs::write(path, cases::library::to_json(&pack)).expect("write the pack");
    }
    if let Some(p) = &prefix {
        pack.cases.retain(|c| c.id.starts_with(&format!("{p}-")));
    }
    let lib = codebook::Library::embedded().expect("embedded code book");
    let book = lib.book();
    if let Some(id) = show {
        let c = pack.cases.iter().find(|c| c.id == id).expect("no such case");
        println!("{}", serde_json::to_string_pretty(c).unwrap());
        for d in &c.documents {
            println!("\n===== {} {} ({:?}, {} words) =====\n{}", d.id, d.title, d.kind, d.text.split_whitespace().count(), d.text);
        }
        println!("\n===== gold =====");
        for d in &c.gold.diagnoses {
            println!("{} {:?} {}  — {}", d.code, d.poa, book.describe(&d.code).map(|x| x.title.into_owned()).unwrap_or_default(), d.rationale.text);
        }
        for p in &c.gold.procedures {
            println!("PCS {} {}  — {}", p.code, book.describe(&p.code).map(|x| x.title.into_owned()).unwrap_or_default(), p.rationale.text);
        }
        for s in &c.gold.services {
            println!("SVC {} {:?} x{}  — {}", s.code, s.modifiers, s.units, s.rationale.text);
        }
        for n in &c.gold.not_coded {
            println!("NOT {} {:?} — {}", n.about, n.tempting_code, n.rationale.text);
        }
        return;
    }
    let problems = cases::check_pack(&pack, book);
    for p in &problems {
        println!("{} · {}: {}", p.case, p.item, p.message);
    }
    let mut tracks: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for c in &pack.cases {
        for t in &c.tracks {
            *tracks.entry(t.name()).or_default() += 1;
        }
        for d in &c.documents {
            let w = d.text.split_whitespace().count();
            let e = kinds.entry(format!("{:?}", d.kind)).or_insert((0, usize::MAX, 0));
            e.0 += 1;
            e.1 = e.1.min(w);
            e.2 = e.2.max(w);
        }
    }
    println!("\n{} cases, generated (whole library) in {:.0?}; {} problems", pack.cases.len(), took, problems.len());
    println!("per track: {tracks:?}");
    for (k, (n, lo, hi)) in kinds {
        println!("  {k:<20} {n:>4} documents, {lo}–{hi} words");
    }
}
