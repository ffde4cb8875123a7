//! The reference grouper (msdrg==1.2.0 through scripts/msdrg-oracle.py) for the agreement test and the `compare`
//! example. Test-only: the product never runs Python.
#![allow(dead_code)]

use grouper::claim::Claim;
use grouper::sample;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

#[derive(Deserialize, Clone, Debug)]
pub struct Reference {
    pub id: String,
    pub drg: u16,
    pub mdc: Option<u8>,
    pub initial_drg: u16,
    pub return_code: String,
    pub severity: String,
    pub mce: BTreeMap<String, u32>,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Makes the oracle's virtual environment if needed and returns its python.
pub fn python() -> PathBuf {
    let root = root();
    let status = Command::new("bash").arg(root.join("scripts/oracle-venv.sh")).status().expect("run scripts/oracle-venv.sh");
    assert!(status.success(), "scripts/oracle-venv.sh failed: the reference grouper (msdrg==1.2.0) could not be installed");
    root.join(".cache/oracle-venv/bin/python")
}

/// The reference's answer for each claim, cached under target/ by seed and count.
pub fn reference(seed: u64, claims: &[Claim]) -> Vec<Reference> {
    let root = root();
    let mut input = String::new();
    for c in claims {
        input.push_str(&sample::to_json(c));
        input.push('\n');
    }
    // The cache is keyed by the claims themselves (FNV-1a of the input), so a changed sample never meets stale answers.
    let hash = input.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    let cache = root.join(format!("target/oracle-cache/v2-{seed}-{}-{hash:016x}.jsonl", claims.len()));
    let text = match std::fs::read_to_string(&cache) {
        Ok(t) => t,
        Err(_) => {
            let mut child = Command::new(python())
                .arg(root.join("scripts/msdrg-oracle.py"))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .expect("start the reference grouper");
            let mut stdin = child.stdin.take().unwrap();
            let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
            let out = child.wait_with_output().expect("reference grouper output");
            writer.join().unwrap().expect("write claims to the reference");
            assert!(out.status.success(), "the reference grouper failed");
            let text = String::from_utf8(out.stdout).unwrap();
            std::fs::create_dir_all(cache.parent().unwrap()).ok();
            std::fs::write(&cache, &text).ok();
            text
        }
    };
    let refs: Vec<Reference> = text.lines().map(|l| serde_json::from_str(l).expect("reference line")).collect();
    assert_eq!(refs.len(), claims.len(), "the reference answered a different number of claims");
    refs
}
