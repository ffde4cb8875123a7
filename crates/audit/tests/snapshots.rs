//! Data-driven snapshot tests: each `tests/snapshots/<name>.json` holds `{"case": ID, "submission": {…}}` with one
//! error kind or one compliance edit planted; the text report is compared with `<name>.txt`. A changed report fails
//! the test with both versions; `CODEFELLOW_WRITE_SNAPSHOTS=1 cargo test -p audit --test snapshots` rewrites them
//! after a deliberate change (review the diff before committing).

use audit::{audit, Config, Submission};
use std::path::PathBuf;

#[test]
fn every_snapshot_report_is_unchanged() {
    let lib = codebook::Library::embedded().expect("embedded code book");
    let pack = cases::library::builtin();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let write = std::env::var_os("CODEFELLOW_WRITE_SNAPSHOTS").is_some();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    inputs.sort();
    assert!(inputs.len() >= 25, "one input per error kind and per edit: {} found", inputs.len());
    let mut changed = vec![];
    for input in &inputs {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(input).unwrap()).unwrap();
        let case = pack.cases.iter().find(|c| c.id == v["case"].as_str().unwrap()).unwrap_or_else(|| panic!("{}: no such case", input.display()));
        let sub = Submission::from_json(&v["submission"].to_string()).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let report = audit::report::text(&audit(case, &sub, lib.book(), &Config::default()));
        let expected = input.with_extension("txt");
        if write {
            std::fs::write(&expected, &report).unwrap();
            continue;
        }
        let old = std::fs::read_to_string(&expected).unwrap_or_default();
        if old != report {
            changed.push(format!("{}\n--- expected\n{old}\n--- got\n{report}", input.display()));
        }
    }
    assert!(changed.is_empty(), "{} reports changed:\n{}", changed.len(), changed.join("\n\n"));
}
