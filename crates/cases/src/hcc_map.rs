//! Which CMS-HCC categories a diagnosis maps to (payment year 2026, community models V24 and V28), read from the
//! CMS table shipped in `data/raw/hcc/` (see data/SOURCES.md). The case library names the HCC of each gold
//! diagnosis from it, and `cases check` refuses an HCC the table does not give.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

static DX_TO_HCC: &[u8] = include_bytes!("../../../data/raw/hcc/dx-to-hcc-2026.tsv.gz");
static LABELS: &[u8] = include_bytes!("../../../data/raw/hcc/hcc-labels-2026.tsv.gz");
static HIERARCHIES: &[u8] = include_bytes!("../../../data/raw/hcc/hcc-hierarchies-2026.tsv.gz");

struct Maps {
    /// (diagnosis without dot, model) → HCCs.
    dx: HashMap<(String, &'static str), Vec<u16>>,
    /// (model, hcc) → label.
    labels: HashMap<(&'static str, u16), String>,
    /// (model, child) → the parents whose presence drops it.
    dropped_by: HashMap<(&'static str, u16), Vec<u16>>,
}

fn gunzip(b: &[u8]) -> String {
    let mut s = String::new();
    flate2::read::GzDecoder::new(b).read_to_string(&mut s).expect("the embedded HCC table is gzip text (built by scripts/fetch-data.py)");
    s
}

fn model_key(m: &str) -> Option<&'static str> {
    match m.trim().to_ascii_uppercase().as_str() {
        "V24" => Some("V24"),
        "V28" => Some("V28"),
        _ => None,
    }
}

fn maps() -> &'static Maps {
    static M: OnceLock<Maps> = OnceLock::new();
    M.get_or_init(|| {
        let mut dx: HashMap<(String, &'static str), Vec<u16>> = HashMap::new();
        for line in gunzip(DX_TO_HCC).lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if let (Some(d), Some(m), Some(h)) = (f.first(), f.get(1).and_then(|m| model_key(m)), f.get(2).and_then(|h| h.parse().ok())) {
                dx.entry((d.to_string(), m)).or_default().push(h);
            }
        }
        let mut labels = HashMap::new();
        for line in gunzip(LABELS).lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() >= 4 && f[2] == "CMS-HCC" {
                if let (Some(m), Some(h)) = (model_key(f[3]), f[0].trim_start_matches("HCC").parse().ok()) {
                    labels.insert((m, h), f[1].to_string());
                }
            }
        }
        let mut dropped_by: HashMap<(&'static str, u16), Vec<u16>> = HashMap::new();
        for line in gunzip(HIERARCHIES).lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() >= 4 && f[2] == "CMS-HCC" {
                if let (Some(m), Ok(p), Ok(c)) = (model_key(f[3]), f[0].parse(), f[1].parse()) {
                    dropped_by.entry((m, c)).or_default().push(p);
                }
            }
        }
        Maps { dx, labels, dropped_by }
    })
}

/// The HCCs a diagnosis code (with or without its dot) maps to in a model ("V24" or "V28"); empty when none.
pub fn hccs(code: &str, model: &str) -> Vec<u16> {
    let Some(m) = model_key(model) else { return Vec::new() };
    let key = code.replace('.', "").trim().to_ascii_uppercase();
    maps().dx.get(&(key, m)).cloned().unwrap_or_default()
}

/// The CMS label of an HCC in a model ("Diabetes with Chronic Complications").
pub fn label(model: &str, hcc: u16) -> Option<&'static str> {
    let m = model_key(model)?;
    maps().labels.get(&(m, hcc)).map(String::as_str)
}

/// The HCCs that remain of a set after the model's hierarchies drop the lesser ones, sorted.
pub fn after_hierarchies(model: &str, hccs: &[u16]) -> Vec<u16> {
    let Some(m) = model_key(model) else { return Vec::new() };
    let mut out: Vec<u16> = hccs.iter().copied().filter(|h| !maps().dropped_by.get(&(m, *h)).is_some_and(|ps| ps.iter().any(|p| hccs.contains(p)))).collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_diagnoses_map_to_their_published_hccs() {
        assert_eq!(hccs("E11.22", "V28"), vec![37]);
        assert_eq!(hccs("E119", "V28"), vec![38]);
        assert_eq!(hccs("E11.9", "V24"), vec![19]);
        assert_eq!(hccs("I50.33", "V28"), vec![224]);
        assert!(hccs("I10", "V28").is_empty(), "hypertension carries no HCC");
        assert!(hccs("E11.22", "V99").is_empty());
        assert_eq!(label("V28", 37), Some("Diabetes with Chronic Complications"));
        assert_eq!(after_hierarchies("V28", &[38, 37, 226, 327, 329]), vec![37, 226, 327]);
    }
}
