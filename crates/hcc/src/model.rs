//! The CMS-HCC model: a beneficiary's diagnoses and segment inputs → HCCs, the factors applied, and the risk score.
//!
//! The steps are CMS's, in CMS's order (the SAS software V24/V28 and the Rate Announcement):
//! 1. each diagnosis maps to its condition categories (CCs) in the payment year's table; a code that exists but maps
//!    to nothing simply adds nothing, a code that does not exist is an error of the record;
//! 2. the age/sex edits of the software run on each mapped diagnosis: some codes are invalid at some ages (or, in
//!    V28, outside the Medicare Code Editor's age range), some move to another CC by age or sex;
//! 3. (V28 only) HCC 223, heart assist device or artificial heart, counts only beside another heart failure HCC
//!    (221, 222, 224, 225, 226);
//! 4. hierarchies: when a more severe HCC of a family is present, the less severe ones it ranks above are dropped;
//! 5. the segment is chosen from the inputs: new enrollee, long-term institutional, or community by dual status
//!    (non-dual, partial benefit, full benefit) and by age (aged 65 and over, otherwise disabled);
//! 6. the variables of that segment are summed: the age/sex cell, originally-disabled and Medicaid terms, each HCC,
//!    the disease interactions (pairs of HCC groups, and in V28's institutional segment disabled × group), and the
//!    count of payment HCCs (D1 … D10P);
//! 7. the raw score is normalised (divided by the year's normalisation factor) and reduced by the MA coding pattern
//!    adjustment, which gives the payment score.

use crate::beneficiary::{err, Beneficiary, BeneficiaryError, DualKind, Orec, Sex};
use crate::code::Code;
use crate::tables;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// HCC numbers are below 512 in both versions (V28's highest is 463).
const MAX_HCC: usize = 512;
type Set = [u64; MAX_HCC / 64];

fn has(s: &Set, h: u16) -> bool {
    s[h as usize >> 6] >> (h & 63) & 1 == 1
}
fn put(s: &mut Set, h: u16) {
    s[h as usize >> 6] |= 1 << (h & 63);
}
fn take(s: &mut Set, h: u16) {
    s[h as usize >> 6] &= !(1 << (h & 63));
}
fn meets(a: &Set, b: &Set) -> bool {
    a.iter().zip(b).any(|(x, y)| x & y != 0)
}
fn count(s: &Set) -> u32 {
    s.iter().map(|w| w.count_ones()).sum()
}
fn members(s: &Set) -> impl Iterator<Item = u16> + '_ {
    s.iter().enumerate().flat_map(|(i, &w)| {
        let mut w = w;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let b = w.trailing_zeros();
            w &= w - 1;
            Some((i * 64) as u16 + b as u16)
        })
    })
}
fn set_of(hccs: &[u16]) -> Set {
    let mut s = [0; MAX_HCC / 64];
    for &h in hccs {
        put(&mut s, h);
    }
    s
}

/// The model version: V24 (the 2020 CMS-HCC model, 86 HCCs) or V28 (the 2024 model, 115 HCCs).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, serde::Serialize)]
pub enum Version {
    V24,
    V28,
}

impl Version {
    pub fn parse(s: &str) -> Option<Version> {
        match s.trim().to_ascii_uppercase().as_str() {
            "V24" | "24" => Some(Version::V24),
            "V28" | "28" => Some(Version::V28),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V24 => "V24",
            Version::V28 => "V28",
        }
    }
}

/// The payment year: 2026 (final factors), or 2027 with the factors CMS proposed in the Advance Notice (V28 only:
/// CMS publishes no V24 map or factors for 2027).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, serde::Serialize)]
pub enum PaymentYear {
    #[serde(rename = "2026")]
    Py2026,
    #[serde(rename = "2027 proposed")]
    Py2027Proposed,
}

impl PaymentYear {
    pub fn parse(s: &str) -> Option<PaymentYear> {
        match s.trim() {
            "2026" => Some(PaymentYear::Py2026),
            "2027" => Some(PaymentYear::Py2027Proposed),
            _ => None,
        }
    }
    pub fn number(self) -> u16 {
        match self {
            PaymentYear::Py2026 => 2026,
            PaymentYear::Py2027Proposed => 2027,
        }
    }
}

/// A model that cannot be built from the tables we hold.
#[derive(Clone, PartialEq, Debug, thiserror::Error)]
pub enum ModelError {
    /// CMS published no table for this version in this payment year.
    #[error("CMS publishes no {version:?} model for payment year {year}: use V28 for 2027, or V24/V28 for 2026")]
    NoTable { version: Version, year: u16 },
}

/// Normalisation and MA coding pattern adjustment of one payment year: payment score = raw × (1 − coding_pattern) /
/// normalization.
#[derive(Clone, Copy, PartialEq, Debug, serde::Serialize)]
pub struct Adjustments {
    /// The FFS normalisation factor (raw scores are divided by it so that the average FFS beneficiary scores 1.0).
    pub normalization: f64,
    /// The MA coding pattern adjustment (a fraction: 0.059 takes 5.9% off every MA score).
    pub coding_pattern: f64,
}

impl Adjustments {
    /// None: the raw score is the payment score.
    pub const NONE: Adjustments = Adjustments { normalization: 1.0, coding_pattern: 0.0 };

    /// The values CMS announced, as far as we hold them (docs/HCC.md says where each comes from):
    /// - the MA coding pattern adjustment is 5.9% every year since 2019 (the statutory minimum, Social Security Act
    ///   §1853(a)(1)(C)(ii)); the CY2026 Rate Announcement and the CY2027 notices keep it;
    /// - V28, 2026: normalisation 1.067 (CY2026 Rate Announcement, 2024 CMS-HCC model);
    /// - V28, 2027: 1.079 (the CY2027 figure as risk-adjustment-model 0.7.1 records it; not checked against the CMS
    ///   document in this repository);
    /// - V24, 2026: CMS announces no MA normalisation factor (V24 is no longer part of the 2026 MA score): 1.0.
    ///
    /// Pass other values to `Model::score_with` (or `codefellow hcc --normalization`) when the plan's figures differ.
    pub fn published(version: Version, year: PaymentYear) -> Adjustments {
        let normalization = match (version, year) {
            (Version::V28, PaymentYear::Py2026) => 1.067,
            (Version::V28, PaymentYear::Py2027Proposed) => 1.079,
            (Version::V24, _) => 1.0,
        };
        Adjustments { normalization, coding_pattern: 0.059 }
    }
}

/// The demographic segment whose factors a beneficiary is scored with (CMS's variable prefix).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, serde::Serialize)]
pub enum Segment {
    /// Community, non-dual, aged.
    CNA,
    /// Community, non-dual, disabled (under 65).
    CND,
    /// Community, full benefit dual, aged.
    CFA,
    /// Community, full benefit dual, disabled.
    CFD,
    /// Community, partial benefit dual, aged.
    CPA,
    /// Community, partial benefit dual, disabled.
    CPD,
    /// Long-term institutional.
    INS,
    /// New enrollee (demographic factors only).
    NE,
}

impl Segment {
    pub const ALL: [Segment; 8] = [Segment::CNA, Segment::CND, Segment::CFA, Segment::CFD, Segment::CPA, Segment::CPD, Segment::INS, Segment::NE];

    pub fn prefix(self) -> &'static str {
        match self {
            Segment::CNA => "CNA_",
            Segment::CND => "CND_",
            Segment::CFA => "CFA_",
            Segment::CFD => "CFD_",
            Segment::CPA => "CPA_",
            Segment::CPD => "CPD_",
            Segment::INS => "INS_",
            Segment::NE => "NE_",
        }
    }

    /// The segment of a beneficiary, from the stated inputs only: a new enrollee is scored with the new-enrollee
    /// factors, a long-term institutional beneficiary with the institutional ones, anyone else in the community
    /// segment of their dual status (full, partial, none) and age (65 and over: aged; under 65: disabled).
    pub fn of(b: &Beneficiary) -> Segment {
        if b.new_enrollee {
            return Segment::NE;
        }
        if b.institutional {
            return Segment::INS;
        }
        let aged = b.age >= 65;
        match (b.dual.kind(), aged) {
            (DualKind::Full, true) => Segment::CFA,
            (DualKind::Full, false) => Segment::CFD,
            (DualKind::Partial, true) => Segment::CPA,
            (DualKind::Partial, false) => Segment::CPD,
            (DualKind::NonDual, true) => Segment::CNA,
            (DualKind::NonDual, false) => Segment::CND,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The age bands of the continuing-enrollee cells (`F65_69`).
const BANDS: [&str; 12] = ["0_34", "35_44", "45_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90_94", "95_GT"];
/// The age bands of the new-enrollee cells, with single years 65 to 69 (`NEF67`).
const NE_BANDS: [&str; 16] =
    ["0_34", "35_44", "45_54", "55_59", "60_64", "65", "66", "67", "68", "69", "70_74", "75_79", "80_84", "85_89", "90_94", "95_GT"];

fn band(age: u8) -> usize {
    match age {
        0..=34 => 0,
        35..=44 => 1,
        45..=54 => 2,
        55..=59 => 3,
        60..=64 => 4,
        65..=69 => 5,
        70..=74 => 6,
        75..=79 => 7,
        80..=84 => 8,
        85..=89 => 9,
        90..=94 => 10,
        _ => 11,
    }
}

/// New-enrollee band. CMS's rule for age 64: a new enrollee entitled by age (OREC 0) turns 65 within the year and
/// takes the 65 cell; one entitled by disability stays in 60–64.
fn ne_band(age: u8, orec: Orec) -> usize {
    match age {
        0..=34 => 0,
        35..=44 => 1,
        45..=54 => 2,
        55..=59 => 3,
        64 if orec == Orec::OldAge => 5,
        60..=64 => 4,
        65..=69 => 5 + (age - 65) as usize,
        70..=74 => 10,
        75..=79 => 11,
        80..=84 => 12,
        85..=89 => 13,
        90..=94 => 14,
        _ => 15,
    }
}

/// One condition of an interaction: any HCC of a group, or the beneficiary being disabled (under 65 and entitled
/// other than by age).
#[derive(Clone, Copy)]
enum Cond {
    Any(&'static [u16]),
    Disabled,
}
use Cond::{Any, Disabled};

// The HCC groups of CMS's interaction variables (V28 software, V28 model Table VI-1 of the Rate Announcement).
const V28_CANCER: &[u16] = &[17, 18, 19, 20, 21, 22, 23];
const V28_DIABETES: &[u16] = &[35, 36, 37, 38];
const V28_CARD_RESP_FAIL: &[u16] = &[211, 212, 213];
const V28_HF: &[u16] = &[221, 222, 223, 224, 225, 226];
const V28_CHR_LUNG: &[u16] = &[276, 277, 278, 279, 280];
const V28_KIDNEY: &[u16] = &[326, 327, 328, 329];
const V28_SUBSTANCE: &[u16] = &[135, 136, 137, 138, 139];
const V28_PSYCH: &[u16] = &[151, 152, 153, 154, 155];
const V28_NEURO: &[u16] = &[180, 181, 182, 190, 191, 192, 195, 196, 198, 199];
const V28_ULCER: &[u16] = &[379, 380, 381, 382];

/// V28: each variable is 1 when both conditions hold. The DISABLED_ ones exist only in the institutional segment.
const V28_INTERACTIONS: &[(&str, Cond, Cond)] = &[
    ("DIABETES_HF_V28", Any(V28_DIABETES), Any(V28_HF)),
    ("HF_CHR_LUNG_V28", Any(V28_HF), Any(V28_CHR_LUNG)),
    ("HF_KIDNEY_V28", Any(V28_HF), Any(V28_KIDNEY)),
    ("CHR_LUNG_CARD_RESP_FAIL_V28", Any(V28_CHR_LUNG), Any(V28_CARD_RESP_FAIL)),
    // Heart failure with specified heart arrhythmias (HCC 238).
    ("HF_HCC238_V28", Any(V28_HF), Any(&[238])),
    ("gSubUseDisorder_gPsych_V28", Any(V28_SUBSTANCE), Any(V28_PSYCH)),
    ("DISABLED_CANCER_V28", Disabled, Any(V28_CANCER)),
    ("DISABLED_NEURO_V28", Disabled, Any(V28_NEURO)),
    ("DISABLED_HF_V28", Disabled, Any(V28_HF)),
    ("DISABLED_CHR_LUNG_V28", Disabled, Any(V28_CHR_LUNG)),
    ("DISABLED_ULCER_V28", Disabled, Any(V28_ULCER)),
];

const V24_CANCER: &[u16] = &[8, 9, 10, 11, 12];
const V24_DIABETES: &[u16] = &[17, 18, 19];
const V24_CARD_RESP_FAIL: &[u16] = &[82, 83, 84];
const V24_CHF: &[u16] = &[85];
const V24_COPD: &[u16] = &[110, 111, 112];
const V24_RENAL: &[u16] = &[134, 135, 136, 137, 138];
const V24_SUBSTANCE: &[u16] = &[54, 55, 56];
const V24_PSYCH: &[u16] = &[57, 58, 59, 60];
const V24_ULCER: &[u16] = &[157, 158, 159];
const SEPSIS: &[u16] = &[2];

/// V24 (2020 CMS-HCC model): the community interactions, the institutional ones (sepsis, artificial openings,
/// pneumonia, pressure ulcer, schizophrenia pairs) and the disabled × HCC terms of the institutional segment.
const V24_INTERACTIONS: &[(&str, Cond, Cond)] = &[
    ("HCC47_gCancer", Any(&[47]), Any(V24_CANCER)),
    ("DIABETES_CHF", Any(V24_DIABETES), Any(V24_CHF)),
    ("CHF_gCopdCF", Any(V24_CHF), Any(V24_COPD)),
    ("HCC85_gRenal_V24", Any(V24_CHF), Any(V24_RENAL)),
    ("gCopdCF_CARD_RESP_FAIL", Any(V24_COPD), Any(V24_CARD_RESP_FAIL)),
    ("HCC85_HCC96", Any(V24_CHF), Any(&[96])),
    ("gSubstanceUseDisorder_gPsych", Any(V24_SUBSTANCE), Any(V24_PSYCH)),
    ("SEPSIS_PRESSURE_ULCER", Any(SEPSIS), Any(V24_ULCER)),
    ("SEPSIS_ARTIF_OPENINGS", Any(SEPSIS), Any(&[188])),
    ("ART_OPENINGS_PRESS_ULCER", Any(&[188]), Any(V24_ULCER)),
    ("gCopdCF_ASP_SPEC_B_PNEUM", Any(V24_COPD), Any(&[114])),
    ("ASP_SPEC_B_PNEUM_PRES_ULC", Any(&[114]), Any(V24_ULCER)),
    ("SEPSIS_ASP_SPEC_BACT_PNEUM", Any(SEPSIS), Any(&[114])),
    ("SCHIZOPHRENIA_gCopdCF", Any(&[57]), Any(V24_COPD)),
    ("SCHIZOPHRENIA_CHF", Any(&[57]), Any(V24_CHF)),
    ("SCHIZOPHRENIA_SEIZURES", Any(&[57]), Any(&[79])),
    ("DISABLED_HCC85", Disabled, Any(V24_CHF)),
    ("DISABLED_PRESSURE_ULCER", Disabled, Any(V24_ULCER)),
    ("DISABLED_HCC161", Disabled, Any(&[161])),
    ("DISABLED_HCC39", Disabled, Any(&[39])),
    ("DISABLED_HCC77", Disabled, Any(&[77])),
    ("DISABLED_HCC6", Disabled, Any(&[6])),
];

/// The count variables: D1 … D9 for exactly that many payment HCCs, D10P for ten or more.
const COUNTS: [&str; 10] = ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10P"];

/// A relative factor with the name CMS gives it (segment prefix included: `CNA_HCC85`).
#[derive(Clone, Copy, PartialEq, Debug, serde::Serialize)]
pub struct Factor {
    pub name: &'static str,
    pub value: f64,
}

struct SegmentFactors {
    hcc: Vec<Option<Factor>>,
    interaction: Vec<Option<Factor>>,
    count: [Option<Factor>; 10],
    /// Continuing enrollees: `[sex][band]`; new enrollees: `[medicaid][originally disabled][sex][band]`.
    cell: Vec<Option<Factor>>,
    originally_disabled: [Option<Factor>; 2],
    origds: Option<Factor>,
    ltimcaid: Option<Factor>,
}

/// What an age/sex edit does to a diagnosis.
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditAction {
    /// The diagnosis counts for no HCC.
    Invalid,
    /// The diagnosis counts for this HCC instead of its own.
    MovedTo(u16),
}

/// An age/sex edit of the CMS software on one diagnosis.
#[derive(Clone, Copy, Debug)]
pub struct Edit {
    sex: Option<Sex>,
    age_min: Option<u8>,
    age_max: Option<u8>,
    pub action: EditAction,
    pub description: &'static str,
}

impl Edit {
    /// A sex edit fires for that sex. An age edit fires at or below its upper bound (`age < 18` is stored as at most
    /// 17), or at or above its lower bound; with both bounds it fires outside the valid range between them.
    fn fires(&self, age: u8, sex: Sex) -> bool {
        if let Some(s) = self.sex {
            return s == sex;
        }
        self.age_max.is_some_and(|m| age <= m) || self.age_min.is_some_and(|m| age >= m)
    }
}

/// One code of the CMS map in 8 bytes, so that the map (about 10,000 codes) stays in cache.
#[derive(Clone, Copy)]
struct DxEntry {
    hccs: [u16; 2],
    /// How many of `hccs` hold.
    n: u8,
    /// 1 + the index of its age/sex edit in `Model::edits`, 0 for none.
    edit: u16,
}

impl DxEntry {
    fn hccs(&self) -> &[u16] {
        &self.hccs[..self.n as usize]
    }
}

/// The compiled model of one version and payment year. Build once (`Model::builtin`), score many.
pub struct Model {
    pub version: Version,
    pub year: PaymentYear,
    dx: FxHashMap<u64, DxEntry>,
    /// The ICD-10-CM code list: true for a header.
    known: &'static FxHashMap<u64, bool>,
    edits: Vec<Edit>,
    labels: Vec<&'static str>,
    /// Per HCC, the HCCs it drops (its children in the hierarchy).
    children: Vec<Set>,
    /// Per HCC, the HCCs that drop it.
    parents: Vec<Vec<u16>>,
    interactions: Vec<(&'static str, [Option<Set>; 2], bool)>,
    segments: Vec<SegmentFactors>,
    adjustments: Adjustments,
}

/// An HCC the beneficiary has, after edits and hierarchies.
#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct HccHit {
    pub hcc: u16,
    pub label: &'static str,
    /// The diagnoses that gave it.
    pub dx: Vec<Code>,
    /// Its factor in the beneficiary's segment (none in the new-enrollee segment, which scores demographics only).
    pub factor: Option<Factor>,
}

/// An HCC a diagnosis gave that does not count.
#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct Dropped {
    pub hcc: u16,
    pub label: &'static str,
    pub dx: Vec<Code>,
    /// The HCC present that ranks above it in the hierarchy (none for V28's rule on HCC 223).
    pub by: Option<u16>,
    pub reason: &'static str,
}

/// A diagnosis an age/sex edit changed.
#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct EditApplied {
    pub dx: Code,
    pub action: EditAction,
    pub description: &'static str,
}

/// Which part of the score a factor belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The age/sex cell, originally disabled, Medicaid in the institutional segment.
    Demographic,
    Hcc,
    Interaction,
    /// The number of payment HCCs.
    Count,
}

#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct Applied {
    pub name: &'static str,
    pub value: f64,
    pub part: Part,
}

/// A beneficiary's score, with everything that made it.
#[derive(Clone, PartialEq, Debug, serde::Serialize)]
pub struct Score {
    pub version: Version,
    pub year: PaymentYear,
    pub segment: Segment,
    pub hccs: Vec<HccHit>,
    pub dropped: Vec<Dropped>,
    pub edits: Vec<EditApplied>,
    /// Every factor added, in order: demographic, HCCs, interactions, count.
    pub details: Vec<Applied>,
    /// The sum of the demographic factors.
    pub demographic_score: f64,
    /// The sum of every factor.
    pub raw_score: f64,
    /// Raw divided by the normalisation factor.
    pub normalized_score: f64,
    /// Normalised, less the MA coding pattern adjustment.
    pub payment_score: f64,
    pub adjustments: Adjustments,
}

impl Score {
    pub fn hcc_numbers(&self) -> Vec<u16> {
        self.hccs.iter().map(|h| h.hcc).collect()
    }
}

fn header_message(code: Code) -> String {
    format!("{code} is a category header, not a reportable code: report the complete code (with all its characters)")
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl Model {
    /// The model of a version and payment year, built on first use and kept.
    pub fn builtin(version: Version, year: PaymentYear) -> Result<&'static Model, ModelError> {
        static MODELS: [OnceLock<Model>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        if (version, year) == (Version::V24, PaymentYear::Py2027Proposed) {
            return Err(ModelError::NoTable { version, year: 2027 });
        }
        let slot = &MODELS[(version as usize) * 2 + year as usize];
        Ok(slot.get_or_init(|| Model::build(version, year)))
    }

    fn build(version: Version, year: PaymentYear) -> Model {
        let v = version.as_str();
        let mut edit_of: FxHashMap<u64, u16> = FxHashMap::default();
        let mut edits: Vec<Edit> = vec![];
        for r in tables::edit_rows().into_iter().filter(|r| r.model == v) {
            let action = match (r.action.as_str(), r.cc) {
                ("override", Some(cc)) => EditAction::MovedTo(cc),
                _ => EditAction::Invalid,
            };
            let sex = if r.kind == "sex" { Some(if r.sex == Some(1) { Sex::Male } else { Sex::Female }) } else { None };
            edits.push(Edit { sex, age_min: r.age_min, age_max: r.age_max, action, description: leak(r.description) });
            // As the CMS software reads its edit list, a later row for the same code replaces an earlier one.
            edit_of.insert(r.code.key(), edits.len() as u16);
        }
        let mut dx: FxHashMap<u64, DxEntry> = FxHashMap::default();
        for (code, model, hcc) in tables::dx_rows(year.number()) {
            if model != v {
                continue;
            }
            let edit = edit_of.get(&code.key()).copied().unwrap_or(0);
            let e = dx.entry(code.key()).or_insert(DxEntry { hccs: [0; 2], n: 0, edit });
            assert!((e.n as usize) < 2, "{code} maps to more than two HCCs");
            e.hccs[e.n as usize] = hcc;
            e.n += 1;
            e.hccs[..e.n as usize].sort_unstable();
        }
        let mut labels = vec![""; MAX_HCC];
        for (h, l) in tables::label_rows(v) {
            labels[h as usize] = leak(l);
        }
        let mut children = vec![[0u64; MAX_HCC / 64]; MAX_HCC];
        let mut parents = vec![vec![]; MAX_HCC];
        for (p, c) in tables::hierarchy_rows(v) {
            put(&mut children[p as usize], c);
            parents[c as usize].push(p);
        }
        for p in &mut parents {
            p.sort_unstable();
        }
        let defs = match version {
            Version::V24 => V24_INTERACTIONS,
            Version::V28 => V28_INTERACTIONS,
        };
        let cond = |c: &Cond| match c {
            Any(hs) => Some(set_of(hs)),
            Disabled => None,
        };
        let interactions = defs
            .iter()
            .map(|(name, a, b)| (*name, [cond(a), cond(b)], matches!(a, Disabled) || matches!(b, Disabled)))
            .collect::<Vec<_>>();

        // CMS spells the same variable with different cases across tables: match names case-blind.
        let mut by_name: FxHashMap<String, Factor> = FxHashMap::default();
        for (model, name, value) in tables::coefficient_rows(year.number()) {
            if model == v {
                by_name.insert(name.to_ascii_lowercase(), Factor { name: leak(name), value });
            }
        }
        let find = |s: Segment, var: &str| by_name.get(&format!("{}{var}", s.prefix()).to_ascii_lowercase()).copied();
        let segments = Segment::ALL
            .iter()
            .map(|&s| {
                let sexes = ["M", "F"];
                let cell = if s == Segment::NE {
                    let mut cell = vec![];
                    for mcaid in ["NMCAID", "MCAID"] {
                        for od in ["NORIGDIS", "ORIGDIS"] {
                            for sex in sexes {
                                for b in NE_BANDS {
                                    cell.push(find(s, &format!("{mcaid}_{od}_NE{sex}{b}")));
                                }
                            }
                        }
                    }
                    cell
                } else {
                    sexes.iter().flat_map(|sex| BANDS.iter().map(move |b| format!("{sex}{b}"))).map(|var| find(s, &var)).collect()
                };
                SegmentFactors {
                    hcc: (0..MAX_HCC).map(|h| find(s, &format!("HCC{h}"))).collect(),
                    interaction: interactions.iter().map(|(name, _, _)| find(s, name)).collect(),
                    count: COUNTS.map(|c| find(s, c)),
                    cell,
                    originally_disabled: [find(s, "OriginallyDisabled_Male"), find(s, "OriginallyDisabled_Female")],
                    origds: find(s, "ORIGDS"),
                    ltimcaid: find(s, "LTIMCAID"),
                }
            })
            .collect();
        Model { version, year, dx, known: tables::code_list(), edits, labels, children, parents, interactions, segments, adjustments: Adjustments::published(version, year) }
    }

    /// The label CMS gives an HCC of this version ("" for a number the version does not have).
    pub fn label(&self, hcc: u16) -> &'static str {
        self.labels.get(hcc as usize).copied().unwrap_or("")
    }

    /// The HCCs a diagnosis maps to before edits (empty for a code that gives none or is unknown).
    pub fn hccs_of(&self, code: Code) -> &[u16] {
        self.dx.get(&code.key()).map(|e| e.hccs()).unwrap_or(&[])
    }

    /// Whether the HCC is a payment HCC of this version (it has a factor in the community segments).
    pub fn is_payment_hcc(&self, hcc: u16) -> bool {
        self.segments[Segment::CNA.index()].hcc.get(hcc as usize).is_some_and(|f| f.is_some())
    }

    /// Every HCC that some diagnosis maps to, ascending.
    pub fn hccs(&self) -> Vec<u16> {
        let mut s = [0u64; MAX_HCC / 64];
        for e in self.dx.values() {
            for &h in e.hccs() {
                put(&mut s, h);
            }
        }
        members(&s).collect()
    }

    /// Every diagnosis of the map with its HCCs and whether an age/sex edit can change it, sorted by code.
    pub fn codes(&self) -> Vec<(Code, &[u16], bool)> {
        let mut v: Vec<(Code, &[u16], bool)> = self.dx.iter().map(|(k, e)| (Code::from_key(*k), e.hccs(), e.edit > 0)).collect();
        v.sort_unstable_by_key(|x| x.0);
        v
    }

    /// The HCCs of each side of the interaction variables (an empty side is the disabled flag).
    pub fn interaction_sides(&self) -> Vec<(&'static str, [Vec<u16>; 2])> {
        self.interactions
            .iter()
            .map(|(n, sides, _)| (*n, (*sides).map(|s| s.map(|s| members(&s).collect()).unwrap_or_default())))
            .collect()
    }

    /// The HCCs that drop `hcc` when present (its parents in the hierarchy).
    pub fn parents_of(&self, hcc: u16) -> &[u16] {
        self.parents.get(hcc as usize).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The interaction variables of this version (each pairs two HCC groups, or the disabled flag with a group).
    pub fn interaction_names(&self) -> Vec<&'static str> {
        self.interactions.iter().map(|(n, _, _)| *n).collect()
    }

    /// Diagnoses known to the model: every code of the map, and every reportable code of ICD-10-CM (April 2026).
    /// `Err` says why a code is not one.
    pub fn check_code(&self, code: Code) -> Result<(), String> {
        if self.dx.contains_key(&code.key()) {
            return Ok(());
        }
        match self.known.get(&code.key()) {
            Some(false) => Ok(()),
            Some(true) => Err(header_message(code)),
            None => Err(self.unknown_message(code)),
        }
    }

    fn unknown_message(&self, code: Code) -> String {
        format!("{code} is not an ICD-10-CM code of the FY2026 release nor of the CMS-HCC {} table", self.year.number())
    }

    /// Scores a beneficiary with the payment year's published adjustments.
    pub fn score(&self, b: &Beneficiary) -> Result<Score, BeneficiaryError> {
        self.score_with(b, self.adjustments)
    }

    /// Scores a beneficiary with the given normalisation and coding pattern adjustment.
    pub fn score_with(&self, b: &Beneficiary, adjustments: Adjustments) -> Result<Score, BeneficiaryError> {
        b.check_segment()?;
        let segment = Segment::of(b);
        let f = &self.segments[segment.index()];

        // 1–2. Map each diagnosis (once, however often it is listed), then apply the age/sex edits.
        let mut found: Set = [0; MAX_HCC / 64];
        let mut pairs: Vec<(u16, Code)> = Vec::with_capacity(b.dx.len() + 2);
        let mut edits = vec![];
        for (i, &code) in b.dx.iter().enumerate() {
            if b.dx[..i].contains(&code) {
                continue;
            }
            // The map of HCC codes is small enough to stay in cache; the whole code list is asked only for the
            // codes it does not hold.
            let Some(e) = self.dx.get(&code.key()) else {
                match self.known.get(&code.key()) {
                    Some(false) => continue,
                    Some(true) => return Err(err(format!("dx[{i}]"), header_message(code))),
                    None => return Err(err(format!("dx[{i}]"), self.unknown_message(code))),
                }
            };
            let mut hccs = e.hccs();
            let moved;
            if let Some(edit) = (e.edit > 0).then(|| &self.edits[e.edit as usize - 1]).filter(|ed| ed.fires(b.age, b.sex)) {
                edits.push(EditApplied { dx: code, action: edit.action, description: edit.description });
                match edit.action {
                    EditAction::Invalid => continue,
                    EditAction::MovedTo(h) => {
                        moved = [h];
                        hccs = &moved;
                    }
                }
            }
            for &h in hccs {
                put(&mut found, h);
                pairs.push((h, code));
            }
        }
        pairs.sort_unstable();
        // (HCC, code) pairs sorted by HCC: the codes of one HCC are one run.
        let dx_of = |h: u16| -> Vec<Code> {
            let from = pairs.partition_point(|p| p.0 < h);
            pairs[from..].iter().take_while(|p| p.0 == h).map(|p| p.1).collect()
        };

        // 3. V28: a heart assist device or artificial heart (HCC 223) counts only beside another heart failure HCC.
        let mut dropped = vec![];
        let mut present = found;
        if self.version == Version::V28 && has(&present, 223) && ![221, 222, 224, 225, 226].iter().any(|&h| has(&present, h)) {
            take(&mut present, 223);
            dropped.push(Dropped {
                hcc: 223,
                label: self.label(223),
                dx: dx_of(223),
                by: None,
                reason: "HCC 223 counts only with another heart failure HCC (221, 222, 224, 225 or 226)",
            });
        }

        // 4. Hierarchies: every HCC present drops its children, whether or not it is itself dropped.
        let mut below: Set = [0; MAX_HCC / 64];
        for h in members(&present) {
            for (w, c) in below.iter_mut().zip(&self.children[h as usize]) {
                *w |= c;
            }
        }
        let mut kept = present;
        for (w, d) in kept.iter_mut().zip(&below) {
            *w &= !d;
        }
        for (w, (p, k)) in below.iter_mut().zip(present.iter().zip(&kept)) {
            *w = p & !k;
        }
        for h in members(&below) {
            let parents = self.parents_of(h);
            let by = parents.iter().copied().find(|&p| has(&kept, p)).or_else(|| parents.iter().copied().find(|&p| has(&present, p)));
            dropped.push(Dropped { hcc: h, label: self.label(h), dx: dx_of(h), by, reason: "hierarchy" });
        }

        // 5–6. The factors of the segment.
        let disabled = b.age < 65 && b.orec != Orec::OldAge;
        let originally_disabled = b.age >= 65 && b.orec == Orec::Disability;
        let sex = (b.sex == Sex::Female) as usize;
        let mut details = Vec::with_capacity(8 + count(&kept) as usize);
        fn push(details: &mut Vec<Applied>, x: Option<Factor>, part: Part) {
            if let Some(x) = x {
                details.push(Applied { name: x.name, value: x.value, part });
            }
        }
        if segment == Segment::NE {
            // New enrollees: one cell by sex, age, Medicaid (any dual code) and originally disabled (65 or over,
            // entitled first by disability).
            let cell = (((b.dual.medicaid() as usize * 2 + originally_disabled as usize) * 2 + sex) * 16) + ne_band(b.age, b.orec);
            push(&mut details, f.cell[cell], Part::Demographic);
        } else {
            push(&mut details, f.cell[sex * 12 + band(b.age)], Part::Demographic);
            if originally_disabled {
                // Aged community segments: by sex; the institutional segment: one ORIGDS term.
                push(&mut details, f.originally_disabled[sex], Part::Demographic);
                push(&mut details, f.origds, Part::Demographic);
            }
            if b.institutional && b.dual.medicaid() {
                push(&mut details, f.ltimcaid, Part::Demographic);
            }
        }
        let demographic_score: f64 = details.iter().map(|a| a.value).sum();
        let mut hccs = Vec::with_capacity(count(&kept) as usize);
        for h in members(&kept) {
            let factor = f.hcc[h as usize];
            push(&mut details, factor, Part::Hcc);
            hccs.push(HccHit { hcc: h, label: self.label(h), dx: dx_of(h), factor });
        }
        for ((_, [a, c], _), x) in self.interactions.iter().zip(&f.interaction) {
            if x.is_none() {
                continue;
            }
            let side = |s: &Option<Set>| match s {
                Some(s) => meets(s, &kept),
                None => disabled,
            };
            if side(a) && side(c) {
                push(&mut details, *x, Part::Interaction);
            }
        }
        let n = count(&kept) as usize;
        if n > 0 {
            push(&mut details, f.count[n.min(10) - 1], Part::Count);
        }
        let raw_score: f64 = details.iter().map(|a| a.value).sum();
        let normalized_score = raw_score / adjustments.normalization;
        let payment_score = normalized_score * (1.0 - adjustments.coding_pattern);
        Ok(Score {
            version: self.version,
            year: self.year,
            segment,
            hccs,
            dropped,
            edits,
            details,
            demographic_score,
            raw_score,
            normalized_score,
            payment_score,
            adjustments,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beneficiary::{Dual, Orec};

    fn person(age: u8, sex: Sex, dx: &[&str]) -> Beneficiary {
        Beneficiary {
            id: "t".into(),
            age,
            sex,
            dual: Dual::parse("00").unwrap(),
            orec: Orec::OldAge,
            institutional: false,
            new_enrollee: false,
            dx: dx.iter().map(|d| Code::parse(d).unwrap()).collect(),
        }
    }

    fn v28() -> &'static Model {
        Model::builtin(Version::V28, PaymentYear::Py2026).unwrap()
    }
    fn v24() -> &'static Model {
        Model::builtin(Version::V24, PaymentYear::Py2026).unwrap()
    }

    #[test]
    fn diabetes_with_complications_and_heart_failure_score_with_their_interaction_in_v28() {
        // CMS V28: E11.69 → HCC 37 (diabetes with chronic complications), I50.30 → HCC 226 (heart failure);
        // CNA factors 2026: F70_74 0.395, HCC37 0.166, HCC226 0.360, DIABETES_HF_V28 0.112, D2 0.
        let s = v28().score(&person(72, Sex::Female, &["E1169", "I5030"])).unwrap();
        assert_eq!(s.segment, Segment::CNA);
        assert_eq!(s.hcc_numbers(), [37, 226]);
        let names: Vec<&str> = s.details.iter().map(|a| a.name).collect();
        assert_eq!(names, ["CNA_F70_74", "CNA_HCC37", "CNA_HCC226", "CNA_DIABETES_HF_V28", "CNA_D2"]);
        let factor = |n: &str| s.details.iter().find(|a| a.name == n).unwrap().value;
        assert_eq!(factor("CNA_HCC37"), 0.166);
        assert_eq!(factor("CNA_DIABETES_HF_V28"), 0.112);
        assert!((s.raw_score - s.details.iter().map(|a| a.value).sum::<f64>()).abs() < 1e-12);
        assert_eq!(s.demographic_score, factor("CNA_F70_74"));
        assert!((s.payment_score - s.raw_score / 1.067 * 0.941).abs() < 1e-12);
    }

    #[test]
    fn the_more_severe_hcc_of_a_family_drops_the_others_and_names_itself() {
        // V28 diabetes: HCC 37 (chronic complications) drops HCC 38 (without complications).
        let s = v28().score(&person(70, Sex::Male, &["E119", "E1122"])).unwrap();
        assert_eq!(s.hcc_numbers(), [37]);
        assert_eq!(s.dropped.len(), 1);
        assert_eq!((s.dropped[0].hcc, s.dropped[0].by), (38, Some(37)));
        assert_eq!(s.dropped[0].dx, [Code::parse("E119").unwrap()]);
        // V24: HCC 18 drops HCC 19.
        let s = v24().score(&person(70, Sex::Male, &["E119", "E1122"])).unwrap();
        assert_eq!(s.hcc_numbers(), [18]);
    }

    #[test]
    fn the_age_and_sex_edits_move_or_invalidate_a_diagnosis() {
        // V28: emphysema (J43.9) is invalid under 18; V24 moves it to HCC 112 instead of 111.
        assert_eq!(v28().score(&person(16, Sex::Male, &["J439"])).unwrap().hcc_numbers(), Vec::<u16>::new());
        assert_eq!(v28().score(&person(40, Sex::Male, &["J439"])).unwrap().hcc_numbers(), [280]);
        assert_eq!(v24().score(&person(16, Sex::Male, &["J439"])).unwrap().hcc_numbers(), [112]);
        assert_eq!(v24().score(&person(40, Sex::Male, &["J439"])).unwrap().hcc_numbers(), [111]);
        // Hereditary factor VIII deficiency (D66) in a woman: V28 HCC 112.
        let s = v28().score(&person(70, Sex::Female, &["D66"])).unwrap();
        assert_eq!(s.hcc_numbers(), [112]);
        assert_eq!(s.edits[0].action, EditAction::MovedTo(112));
    }

    #[test]
    fn a_heart_assist_device_alone_gives_no_hcc_in_v28() {
        let s = v28().score(&person(70, Sex::Male, &["Z95811"])).unwrap();
        assert!(s.hccs.is_empty());
        assert_eq!(s.dropped[0].hcc, 223);
        // Beside heart failure (I50.22, HCC 226) it counts, and ranks above it.
        let s = v28().score(&person(70, Sex::Male, &["Z95811", "I5022"])).unwrap();
        assert_eq!(s.hcc_numbers(), [223]);
        assert_eq!((s.dropped[0].hcc, s.dropped[0].by), (226, Some(223)));
    }

    #[test]
    fn segments_come_from_the_stated_inputs() {
        let mut b = person(50, Sex::Female, &["F200"]);
        b.orec = Orec::Disability;
        b.dual = Dual::parse("02").unwrap();
        assert_eq!(v28().score(&b).unwrap().segment, Segment::CFD);
        b.age = 80;
        let s = v28().score(&b).unwrap();
        assert_eq!(s.segment, Segment::CFA);
        assert!(s.details.iter().any(|a| a.name == "CFA_OriginallyDisabled_Female"), "{:?}", s.details);
        b.institutional = true;
        let s = v28().score(&b).unwrap();
        assert_eq!(s.segment, Segment::INS);
        let names: Vec<&str> = s.details.iter().filter(|a| a.part == Part::Demographic).map(|a| a.name).collect();
        assert_eq!(names, ["INS_F80_84", "INS_ORIGDS", "INS_LTIMCAID"]);
        b.institutional = false;
        b.new_enrollee = true;
        let s = v28().score(&b).unwrap();
        assert_eq!(s.segment, Segment::NE);
        assert_eq!(s.details.iter().map(|a| a.name).collect::<Vec<_>>(), ["NE_MCAID_ORIGDIS_NEF80_84"]);
        assert_eq!(s.hcc_numbers(), [151], "the new-enrollee score has no HCC factor, but the HCC is reported");
    }

    #[test]
    fn disabled_interactions_apply_in_the_institutional_segment_only() {
        let mut b = person(50, Sex::Male, &["I5022"]);
        b.orec = Orec::Disability;
        let s = v28().score(&b).unwrap();
        assert!(!s.details.iter().any(|a| a.name.contains("DISABLED")));
        b.institutional = true;
        let s = v28().score(&b).unwrap();
        assert!(s.details.iter().any(|a| a.name == "INS_DISABLED_HF_V28"), "{:?}", s.details);
    }

    #[test]
    fn ten_or_more_hccs_count_as_d10p() {
        let dx = ["E1169", "I5030", "J449", "N184", "F200", "G35", "C3490", "I7025", "L89154", "K7031", "D61818"];
        let s = v28().score(&person(75, Sex::Male, &dx)).unwrap();
        assert!(s.hccs.len() >= 10, "{:?}", s.hcc_numbers());
        assert_eq!(s.details.last().unwrap().name, "CNA_D10P");
    }

    #[test]
    fn an_unknown_code_or_a_header_is_an_error_naming_the_diagnosis() {
        let e = v28().score(&person(70, Sex::Male, &["E1169", "E11"])).unwrap_err();
        assert_eq!(e.field, "dx[1]");
        assert!(e.message.contains("header"), "{e}");
        let e = v28().score(&person(70, Sex::Male, &["ZZZ99"])).unwrap_err();
        assert_eq!(e.field, "dx[0]");
        assert!(v28().score(&person(70, Sex::Male, &["R69"])).unwrap().hccs.is_empty(), "a valid code without an HCC adds nothing");
    }

    #[test]
    fn every_interaction_and_count_variable_has_a_factor_in_some_segment() {
        for m in [v24(), v28()] {
            for (i, (name, _, _)) in m.interactions.iter().enumerate() {
                assert!(m.segments.iter().any(|s| s.interaction[i].is_some()), "{:?} {name}", m.version);
            }
            assert!(m.segments[0].count.iter().all(Option::is_some));
            assert!(m.segments.iter().filter(|s| s.cell.iter().any(Option::is_some)).count() == 8);
        }
    }

    #[test]
    fn v24_has_no_2027_model_and_v28_2027_uses_the_proposed_factors() {
        assert!(Model::builtin(Version::V24, PaymentYear::Py2027Proposed).is_err());
        let m = Model::builtin(Version::V28, PaymentYear::Py2027Proposed).unwrap();
        let s = m.score(&person(72, Sex::Female, &["E1169", "I5030"])).unwrap();
        assert_eq!(s.hcc_numbers(), [37, 226]);
        assert_ne!(s.raw_score, v28().score(&person(72, Sex::Female, &["E1169", "I5030"])).unwrap().raw_score);
    }
}
