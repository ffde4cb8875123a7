//! The reference CMS-HCC model (hccinfhir==0.4.0 through scripts/hcc-oracle.py) for the agreement test, the `compare`
//! example and the side-by-side benchmark. Test-only: the product never runs Python.
#![allow(dead_code)]

use hcc::Beneficiary;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

#[derive(Deserialize, Clone, Debug)]
pub struct Answer {
    pub hccs: Vec<u16>,
    pub score: f64,
    pub demographic: f64,
    pub coefficients: BTreeMap<String, f64>,
}

#[derive(Deserialize, Clone, Debug)]
pub struct Reference {
    pub id: String,
    #[serde(rename = "V24")]
    pub v24: Answer,
    #[serde(rename = "V28")]
    pub v28: Answer,
    /// V28 with the 2027 map and proposed factors.
    #[serde(rename = "V28_2027")]
    pub v28_2027: Answer,
}

impl Reference {
    pub fn answer(&self, version: hcc::Version, year: hcc::PaymentYear) -> &Answer {
        match (version, year) {
            (hcc::Version::V24, _) => &self.v24,
            (hcc::Version::V28, hcc::PaymentYear::Py2026) => &self.v28,
            (hcc::Version::V28, hcc::PaymentYear::Py2027Proposed) => &self.v28_2027,
        }
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Makes the oracle's virtual environment if needed and returns its python.
pub fn python() -> PathBuf {
    let root = root();
    let status = Command::new("bash").arg(root.join("scripts/hcc-oracle-venv.sh")).status().expect("run scripts/hcc-oracle-venv.sh");
    assert!(status.success(), "scripts/hcc-oracle-venv.sh failed: the reference model (hccinfhir==0.4.0) could not be installed");
    root.join(".cache/hcc-venv/bin/python")
}

/// Runs scripts/hcc-oracle.py on the beneficiaries with extra arguments and returns its standard output.
pub fn run(people: &[Beneficiary], extra: &[&str]) -> String {
    let mut input = String::new();
    for b in people {
        input.push_str(&b.to_json());
        input.push('\n');
    }
    let mut child = Command::new(python())
        .arg(root().join("scripts/hcc-oracle.py"))
        .args(extra)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the reference model");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("reference output");
    writer.join().unwrap().expect("write beneficiaries to the reference");
    assert!(out.status.success(), "the reference model failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The reference's answers, cached under target/ keyed by the input itself.
pub fn reference(people: &[Beneficiary]) -> Vec<Reference> {
    let input: String = people.iter().map(|b| b.to_json() + "\n").collect();
    let hash = input.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    let cache = root().join(format!("target/hcc-oracle-cache/v2-{}-{hash:016x}.jsonl", people.len()));
    let text = match std::fs::read_to_string(&cache) {
        Ok(t) => t,
        Err(_) => {
            let text = run(people, &[]);
            std::fs::create_dir_all(cache.parent().unwrap()).ok();
            std::fs::write(&cache, &text).ok();
            text
        }
    };
    let refs: Vec<Reference> = text.lines().map(|l| serde_json::from_str(l).expect("reference line")).collect();
    assert_eq!(refs.len(), people.len(), "the reference answered a different number of beneficiaries");
    refs
}

/// How one beneficiary's score compares with the reference's.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Same,
    /// A known defect of the reference, with the reason (docs/HCC.md).
    SetApart(&'static str),
    Differs(String),
}

/// Our score of `b` (codes the model refuses taken out: the reference ignores them silently) against the reference's
/// answer: the same HCC set, and raw and demographic scores equal to 4 decimal places.
pub fn judge(model: &hcc::Model, b: &Beneficiary, r: &Answer) -> Outcome {
    let mut kept = b.clone();
    kept.dx.retain(|c| model.check_code(*c).is_ok());
    let ours = match model.score_with(&kept, hcc::Adjustments::NONE) {
        Ok(s) => s,
        Err(e) => return Outcome::Differs(format!("we refuse the record: {e}")),
    };
    // hccinfhir removes an invalid diagnosis from only one of its two HCCs (whichever its set order visits last),
    // where the CMS software voids the diagnosis: V28's MCE age edits on I70.2x–I70.7x (HCCs 263 and 383).
    let two_hcc_edit = ours.edits.iter().any(|e| e.action == hcc::EditAction::Invalid && model.hccs_of(e.dx).len() == 2);
    let hccs = ours.hcc_numbers();
    let four = |x: f64| format!("{x:.4}");
    if hccs == r.hccs && four(ours.raw_score) == four(r.score) && four(ours.demographic_score) == four(r.demographic) {
        return Outcome::Same;
    }
    if two_hcc_edit {
        return Outcome::SetApart("an age edit voids a diagnosis of two HCCs; the reference voids one of them");
    }
    Outcome::Differs(format!(
        "HCCs ours {hccs:?} reference {:?}; raw ours {:.4} reference {:.4}; demographic ours {:.4} reference {:.4}; ours {:?} reference {:?}",
        r.hccs,
        ours.raw_score,
        r.score,
        ours.demographic_score,
        r.demographic,
        ours.details.iter().map(|a| (a.name, a.value)).collect::<Vec<_>>(),
        r.coefficients
    ))
}
