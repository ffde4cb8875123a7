//! The Medicare Code Editor (MCE), FY2026: the edits a Medicare fiscal intermediary runs on an inpatient claim's
//! codes before paying it, each reported with the code it concerns.
//!
//! The code lists are `data/raw/mce/fy2026/` (`scripts/probe-mce.py` derived them from the reference editor, since
//! CMS publishes them only in the *Definitions of Medicare Code Edits* manual): every code valid on a discharge of
//! 2026-06-15, the ages a diagnosis is limited to, and the edits a code draws as principal or anywhere. The two rules
//! that depend on other codes of the claim are written out below (`pancreas_transplant_covered`,
//! `delivery_outcome_reported`).
//!
//! FY2026 has no sex-conflict edit (CMS removed the sex edits from the MCE and the grouper in FY2025), and no
//! bilateral-procedure list; those edit names do not occur.

use crate::claim::Claim;
use crate::code::Key;
use flate2::read::GzDecoder;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io::Read;
use std::sync::OnceLock;

/// One kind of edit. The serialized name is the one CMS's editor and the reference use.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Edit {
    /// Not a valid ICD-10-CM or ICD-10-PCS code on the discharge date (a header, a deleted or a made-up code).
    InvalidCode,
    /// An external cause code (V00–Y99) as principal diagnosis.
    #[serde(rename = "E_CODE_AS_PDX")]
    ExternalCauseAsPdx,
    /// A code outside the ages it is meant for (newborn 0, pediatric 0–17, maternity 9–64, adult 15–124).
    AgeConflict,
    /// A manifestation code ("code first the underlying disease") as principal diagnosis.
    ManifestationAsPdx,
    /// A code that is not acceptable as the reason for an inpatient admission (most Z codes, some symptoms).
    UnacceptablePdx,
    /// A principal diagnosis that rarely justifies an inpatient admission (uncomplicated diabetes, hypertension…).
    QuestionableAdmission,
    /// A principal diagnosis that needs a secondary diagnosis to say what the aftercare was for (Z51.89).
    #[serde(rename = "REQUIRES_SDX")]
    RequiresSecondary,
    /// A secondary diagnosis that repeats the principal diagnosis.
    DuplicateOfPdx,
    /// An unspecified code (mostly unspecified laterality or site) where the record should allow a specific one.
    Unspecified,
    /// Wrong procedure performed (Y65.51–Y65.53).
    WrongProcedurePerformed,
    /// A procedure Medicare never pays for (e.g. fragmentation by external approach, a percutaneous heart assist).
    NonCovered,
    /// A procedure Medicare pays for only under conditions the contractor reviews (transplants, lung volume
    /// reduction, heart assist devices).
    LimitedCoverage,
    /// A delivery procedure without an outcome of delivery code (Z37).
    QuestionableObstetricAdmission,
    /// A procedure whose definition cannot fit the length of stay (ventilation over 96 consecutive hours in a stay of
    /// 0–4 days). The reference editor has no length-of-stay input and fires this for patients aged 0–4 instead; the
    /// table keeps its range, which is read here as days of stay, and the edit is checked only when the claim gives
    /// `los`.
    InconsistentWithLengthOfStay,
}

impl Edit {
    pub fn name(self) -> &'static str {
        match self {
            Edit::InvalidCode => "INVALID_CODE",
            Edit::ExternalCauseAsPdx => "E_CODE_AS_PDX",
            Edit::AgeConflict => "AGE_CONFLICT",
            Edit::ManifestationAsPdx => "MANIFESTATION_AS_PDX",
            Edit::UnacceptablePdx => "UNACCEPTABLE_PDX",
            Edit::QuestionableAdmission => "QUESTIONABLE_ADMISSION",
            Edit::RequiresSecondary => "REQUIRES_SDX",
            Edit::DuplicateOfPdx => "DUPLICATE_OF_PDX",
            Edit::Unspecified => "UNSPECIFIED",
            Edit::WrongProcedurePerformed => "WRONG_PROCEDURE_PERFORMED",
            Edit::NonCovered => "NON_COVERED",
            Edit::LimitedCoverage => "LIMITED_COVERAGE",
            Edit::QuestionableObstetricAdmission => "QUESTIONABLE_OBSTETRIC_ADMISSION",
            Edit::InconsistentWithLengthOfStay => "INCONSISTENT_WITH_LENGTH_OF_STAY",
        }
    }

    fn from_name(s: &str) -> Option<Edit> {
        ALL.iter().copied().find(|e| e.name() == s)
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

const ALL: [Edit; 14] = [
    Edit::InvalidCode,
    Edit::ExternalCauseAsPdx,
    Edit::AgeConflict,
    Edit::ManifestationAsPdx,
    Edit::UnacceptablePdx,
    Edit::QuestionableAdmission,
    Edit::RequiresSecondary,
    Edit::DuplicateOfPdx,
    Edit::Unspecified,
    Edit::WrongProcedurePerformed,
    Edit::NonCovered,
    Edit::LimitedCoverage,
    Edit::QuestionableObstetricAdmission,
    Edit::InconsistentWithLengthOfStay,
];

/// Where a code sits on the claim.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Position {
    Pdx,
    Sdx(u8),
    Procedure(u8),
}

impl Serialize for Position {
    /// As the claim's JSON names the place: `pdx`, `sdx[2]`, `procedures[0]`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Position::Pdx => s.serialize_str("pdx"),
            Position::Sdx(i) => s.collect_str(&format_args!("sdx[{i}]")),
            Position::Procedure(i) => s.collect_str(&format_args!("procedures[{i}]")),
        }
    }
}

/// An edit that fired, the code it concerns and where that code sits on the claim. Serialized with its `message`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CodeEdit {
    pub edit: Edit,
    pub code: Key,
    pub position: Position,
    /// The patient's age and length of stay, for the message.
    age: u8,
    los: Option<u16>,
}

impl CodeEdit {
    /// What is wrong, in words, with what would be right.
    pub fn message(&self) -> String {
        message(self.edit, self.code, self.position, self.age, self.los)
    }
}

impl Serialize for CodeEdit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("CodeEdit", 4)?;
        st.serialize_field("edit", &self.edit)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("position", &self.position)?;
        st.serialize_field("message", &self.message())?;
        st.end()
    }
}

/// What the editor knows about one diagnosis code.
#[derive(Clone, Copy, Debug, Default)]
struct DxRules {
    /// The ages (years, inclusive) the code is meant for, when limited.
    ages: Option<(u8, u8)>,
    /// Edits the code draws as principal diagnosis.
    as_pdx: u16,
    /// Edits the code draws wherever it is.
    anywhere: u16,
}

#[derive(Clone, Debug, Default)]
struct PrRules {
    /// Edits the procedure draws on any claim.
    edits: u16,
    /// Edits it draws only at some ages (an artificial lumbar disc after 60), from, to (years, inclusive). For the
    /// length-of-stay edit the range is of days of stay (see `Edit::InconsistentWithLengthOfStay`).
    ranged: Vec<(Edit, u8, u8)>,
}

/// The FY2026 Medicare Code Editor.
pub struct Mce {
    dx: FxHashMap<Key, DxRules>,
    pr: FxHashMap<Key, PrRules>,
}

static BUILTIN: OnceLock<Mce> = OnceLock::new();

fn gunzip(bytes: &[u8]) -> String {
    let mut s = String::new();
    GzDecoder::new(bytes).read_to_string(&mut s).expect("embedded MCE table is valid gzip UTF-8");
    s
}

fn edit_bits(field: &str, code: &str) -> u16 {
    if field == "-" {
        return 0;
    }
    field.split(',').fold(0, |bits, name| {
        bits | Edit::from_name(name).unwrap_or_else(|| panic!("MCE table: unknown edit {name:?} for {code}")).bit()
    })
}

fn age_range(field: &str, code: &str) -> Option<(u8, u8)> {
    if field == "-" {
        return None;
    }
    let (lo, hi) = field.split_once('-').unwrap_or_else(|| panic!("MCE table: ages {field:?} of {code} are not one range"));
    Some((lo.parse().expect("MCE age"), hi.parse().expect("MCE age")))
}

impl Mce {
    /// The built-in FY2026 editor, read once.
    pub fn builtin() -> &'static Mce {
        BUILTIN.get_or_init(|| {
            let dx_text = gunzip(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/raw/mce/fy2026/dx.tsv.gz")));
            let pr_text = gunzip(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/raw/mce/fy2026/pr.tsv.gz")));
            Mce::from_tables(&dx_text, &pr_text)
        })
    }

    fn from_tables(dx_text: &str, pr_text: &str) -> Mce {
        let mut dx = FxHashMap::default();
        for line in dx_text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            let [code, _sex, ages, pdx, anywhere] = f[..] else { panic!("MCE diagnosis row {line:?} has not 5 columns") };
            let key = Key::of(code).unwrap_or_else(|| panic!("MCE table holds a malformed code {code:?}"));
            dx.insert(key, DxRules { ages: age_range(ages, code), as_pdx: edit_bits(pdx, code), anywhere: edit_bits(anywhere, code) });
        }
        let mut pr = FxHashMap::default();
        for line in pr_text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            let [code, _sex, ages, edits] = f[..] else { panic!("MCE procedure row {line:?} has not 4 columns") };
            let key = Key::of(code).unwrap_or_else(|| panic!("MCE table holds a malformed code {code:?}"));
            let mut ranged = vec![];
            for item in ages.split(';').filter(|a| *a != "-") {
                let (name, range) = item.split_once('@').unwrap_or_else(|| panic!("MCE table: {item:?} of {code} is not EDIT@from-to"));
                let edit = Edit::from_name(name).unwrap_or_else(|| panic!("MCE table: unknown edit {name:?} for {code}"));
                let (lo, hi) = age_range(range, code).expect("an age range");
                ranged.push((edit, lo, hi));
            }
            pr.insert(key, PrRules { edits: edit_bits(edits, code), ranged });
        }
        Mce { dx, pr }
    }

    /// Whether a diagnosis code is valid on the FY2026 discharge date.
    pub fn valid_dx(&self, code: Key) -> bool {
        self.dx.contains_key(&code)
    }

    /// Whether a diagnosis is on the editor's manifestation list (never principal or first-listed: the underlying
    /// condition is sequenced first). The list is CMS's, wider than the titles that say "in diseases classified
    /// elsewhere": it has the E08 diabetes due to an underlying condition and anemia in chronic disease (D63.-).
    pub fn is_manifestation(&self, code: Key) -> bool {
        self.dx.get(&code).is_some_and(|r| r.as_pdx & Edit::ManifestationAsPdx.bit() != 0)
    }

    /// Whether a procedure code is valid on the FY2026 discharge date.
    pub fn valid_pr(&self, code: Key) -> bool {
        self.pr.contains_key(&code)
    }

    /// Every edit the claim draws, in claim order: the principal diagnosis, the secondaries, the procedures.
    ///
    /// The length-of-stay edit needs the claim's `los`; it is not checked without it.
    pub fn edit(&self, claim: &Claim) -> Vec<CodeEdit> {
        let length_of_stay = claim.los.map(u32::from);
        let mut out = Vec::new();
        let pdx = claim.pdx.code;
        let (age, los) = (claim.age, claim.los);
        let push = |out: &mut Vec<CodeEdit>, edit: Edit, code: Key, position: Position| {
            out.push(CodeEdit { edit, code, position, age, los });
        };
        let dx_edits = |out: &mut Vec<CodeEdit>, code: Key, position: Position, principal: bool| {
            let Some(r) = self.dx.get(&code) else {
                push(out, Edit::InvalidCode, code, position);
                return;
            };
            let mut bits = r.anywhere;
            if principal {
                bits |= r.as_pdx;
                if !claim.sdx.is_empty() {
                    bits &= !Edit::RequiresSecondary.bit();
                }
            }
            if r.ages.is_some_and(|(lo, hi)| claim.age < lo || claim.age > hi) {
                bits |= Edit::AgeConflict.bit();
            }
            if bits != 0 {
                for e in ALL.into_iter().filter(|e| bits & e.bit() != 0) {
                    push(out, e, code, position);
                }
            }
        };
        dx_edits(&mut out, pdx, Position::Pdx, true);
        for (i, d) in claim.sdx.iter().enumerate() {
            if d.code == pdx {
                push(&mut out, Edit::DuplicateOfPdx, d.code, Position::Sdx(i as u8));
            }
            dx_edits(&mut out, d.code, Position::Sdx(i as u8), false);
        }
        for (i, &p) in claim.procedures.iter().enumerate() {
            let position = Position::Procedure(i as u8);
            let Some(r) = self.pr.get(&p) else {
                push(&mut out, Edit::InvalidCode, p, position);
                continue;
            };
            let mut bits = r.edits;
            if is_pancreas_transplant(p) && pancreas_transplant_covered(claim) {
                bits = (bits & !Edit::NonCovered.bit()) | Edit::LimitedCoverage.bit();
            }
            if is_autologous_stem_cell_transfusion(p) && leukemia_barring_autologous_transplant(claim) {
                bits |= Edit::NonCovered.bit();
            }
            if bits & Edit::QuestionableObstetricAdmission.bit() != 0 && delivery_outcome_reported(claim) {
                bits &= !Edit::QuestionableObstetricAdmission.bit();
            }
            for &(edit, lo, hi) in &r.ranged {
                let value = if edit == Edit::InconsistentWithLengthOfStay { length_of_stay } else { Some(claim.age as u32) };
                if value.is_some_and(|v| v >= lo as u32 && v <= hi as u32) {
                    bits |= edit.bit();
                }
            }
            for e in ALL.into_iter().filter(|e| bits & e.bit() != 0) {
                push(&mut out, e, p, position);
            }
        }
        out
    }
}

/// Pancreas transplant from a human donor (0FYG0Z0 allogeneic, 0FYG0Z1 syngeneic); an animal pancreas (0FYG0Z2,
/// zooplastic) stays non-covered whatever else the claim holds.
fn is_pancreas_transplant(p: Key) -> bool {
    p.starts_with("0FYG0Z0") || p.starts_with("0FYG0Z1")
}

/// A pancreas transplant is non-covered unless the patient has type 1 diabetes (E10, but not the presymptomatic
/// stages E10.A-, or postprocedural hypoinsulinemia E89.1) or a kidney transplant (0TY0, 0TY1) is on the same claim;
/// then it is covered with limits, like other transplants.
fn pancreas_transplant_covered(claim: &Claim) -> bool {
    let type1 = |k: Key| (k.starts_with("E10") && !k.starts_with("E10A")) || k == Key::of("E891").unwrap();
    type1(claim.pdx.code)
        || claim.sdx.iter().any(|d| type1(d.code))
        || claim.procedures.iter().any(|p| p.starts_with("0TY0") || p.starts_with("0TY1"))
}

/// Transfusion of the patient's own bone marrow or hematopoietic stem cells into a vein (30233G0, 30233Y0, 30243G0,
/// 30243Y0).
fn is_autologous_stem_cell_transfusion(p: Key) -> bool {
    ["30233G0", "30233Y0", "30243G0", "30243Y0"].iter().any(|c| p.starts_with(c))
}

/// An autologous transplant is non-covered for these leukemias, anywhere on the claim: acute lymphoblastic, myeloid,
/// monocytic, erythroid, megakaryoblastic and unspecified leukemia not in remission, myeloid sarcoma, acute
/// promyelocytic, myelomonocytic and 11q23 leukemia not in remission, and chronic myeloid leukemia, BCR/ABL-positive,
/// both not in remission and in remission (C92.10, C92.11).
const LEUKEMIAS_NOT_COVERED: [&str; 11] =
    ["C9100", "C9200", "C9210", "C9211", "C9240", "C9250", "C9260", "C92A0", "C9300", "C9400", "C9500"];

fn leukemia_barring_autologous_transplant(claim: &Claim) -> bool {
    let on_list = |k: Key| k.starts_with("C9") && LEUKEMIAS_NOT_COVERED.iter().any(|c| k.as_string() == *c);
    on_list(claim.pdx.code) || claim.sdx.iter().any(|d| on_list(d.code))
}

/// A delivery procedure (10D00Z-, 10D07Z-, 10E0XZZ) is questionable unless a secondary diagnosis records the outcome
/// of delivery (Z37).
fn delivery_outcome_reported(claim: &Claim) -> bool {
    claim.sdx.iter().any(|d| d.code.starts_with("Z37"))
}


fn message(edit: Edit, code: Key, position: Position, age: u8, los: Option<u16>) -> String {
    let c = if let Position::Procedure(_) = position { code.as_string() } else { code.dotted() };
    match edit {
        Edit::InvalidCode => format!("{c} is not a valid code for a FY2026 discharge: use a complete, current code (not a category header)"),
        Edit::ExternalCauseAsPdx => format!("{c} is an external cause code: it explains how an injury happened and is never the principal diagnosis; sequence the injury or condition first"),
        Edit::AgeConflict => {
            let range = Mce::builtin().dx.get(&code).and_then(|r| r.ages);
            let group = match range {
                Some((0, 0)) => "newborns (age 0)".to_string(),
                Some((0, 17)) => "pediatric patients (ages 0–17)".to_string(),
                Some((9, 64)) => "maternity patients (ages 9–64)".to_string(),
                Some((15, 124)) => "adults (ages 15–124)".to_string(),
                Some((lo, hi)) => format!("ages {lo}–{hi}"),
                None => "a different age".to_string(),
            };
            format!("{c} is for {group}; the patient is {age}")
        }
        Edit::ManifestationAsPdx => format!("{c} is a manifestation code: code first the underlying condition and report {c} after it"),
        Edit::UnacceptablePdx => format!("{c} is not acceptable as the principal diagnosis of an inpatient stay: sequence the condition that occasioned the admission first"),
        Edit::QuestionableAdmission => format!("{c} alone rarely justifies an inpatient admission: check the record for the condition that did"),
        Edit::RequiresSecondary => format!("{c} needs a secondary diagnosis saying what the care was for"),
        Edit::DuplicateOfPdx => format!("{c} repeats the principal diagnosis: report it once"),
        Edit::Unspecified => format!("{c} is unspecified (side or site): an inpatient record should support a specific code"),
        Edit::WrongProcedurePerformed => format!("{c}: a wrong procedure was performed; Medicare does not pay for it"),
        Edit::NonCovered => format!("{c} is a procedure Medicare does not cover"),
        Edit::LimitedCoverage => format!("{c} is covered only under Medicare's conditions for it: the claim goes to review"),
        Edit::QuestionableObstetricAdmission => format!("{c} is a delivery procedure, but no outcome of delivery (Z37) is reported"),
        Edit::InconsistentWithLengthOfStay => match los {
            Some(d) => format!("{c} means more than 96 consecutive hours of ventilation, which a {d}-day stay cannot hold"),
            None => format!("{c} is inconsistent with the length of stay"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(json: &str) -> Claim {
        Claim::from_json(json).unwrap()
    }

    fn names(edits: &[CodeEdit]) -> Vec<(&'static str, String)> {
        edits.iter().map(|e| (e.edit.name(), e.code.as_string())).collect()
    }

    #[test]
    fn every_valid_fy2026_diagnosis_is_known_and_headers_are_not() {
        let m = Mce::builtin();
        // FY2026 ICD-10-CM has 74,719 codes.
        assert_eq!(m.dx.len(), 74_719);
        for code in ["I5021", "E1122", "Z3800", "O80", "S72001A", "E11A"] {
            assert!(m.valid_dx(Key::of(code).unwrap()), "{code}");
        }
        for code in ["I50", "Z38", "N800", "E11"] {
            assert!(!m.valid_dx(Key::of(code).unwrap()), "{code} is a header or deleted");
        }
        assert!(m.valid_pr(Key::of("0DTJ4ZZ").unwrap()));
    }

    #[test]
    fn newborn_and_maternity_codes_conflict_with_other_ages() {
        let m = Mce::builtin();
        let c = claim(r#"{"id":"a","age":30,"sex":"F","pdx":{"code":"Z3800"},"sdx":[{"code":"O80","poa":"Y"}]}"#);
        let e = m.edit(&c);
        // Z38.00 (liveborn, born in hospital) is the newborn's principal diagnosis, and only the newborn's.
        assert_eq!(names(&e), vec![("AGE_CONFLICT", "Z3800".into())]);
        assert!(e[0].message().contains("newborns") && e[0].message().contains("Z38.00"), "{}", e[0].message());
        let c = claim(r#"{"id":"a","age":0,"sex":"M","pdx":{"code":"Z3800"}}"#);
        assert_eq!(names(&m.edit(&c)), vec![]);
        let c = claim(r#"{"id":"a","age":70,"sex":"F","pdx":{"code":"O80"}}"#);
        assert_eq!(names(&m.edit(&c)), vec![("AGE_CONFLICT", "O80".into())]);
    }

    #[test]
    fn principal_diagnosis_edits() {
        let m = Mce::builtin();
        let pdx = |code: &str, sdx: &str| {
            let c = claim(&format!(r#"{{"id":"a","age":50,"sex":"M","pdx":{{"code":"{code}"}},"sdx":[{sdx}]}}"#));
            m.edit(&c).into_iter().map(|e| e.edit).collect::<Vec<_>>()
        };
        assert_eq!(pdx("V0001XA", ""), vec![Edit::ExternalCauseAsPdx]);
        assert_eq!(pdx("I10", ""), vec![Edit::QuestionableAdmission]);
        assert_eq!(pdx("Z5189", ""), vec![Edit::RequiresSecondary]);
        assert_eq!(pdx("Z5189", r#"{"code":"I10","poa":"Y"}"#), vec![]);
        assert_eq!(pdx("J189", r#"{"code":"J189","poa":"Y"}"#), vec![Edit::DuplicateOfPdx]);
        assert_eq!(pdx("I50", ""), vec![Edit::InvalidCode]);
        // External cause codes are fine as secondary diagnoses.
        assert_eq!(pdx("S72001A", r#"{"code":"V0001XA","poa":"Y"}"#), vec![]);
    }

    #[test]
    fn pancreas_transplant_needs_type_1_diabetes_or_a_kidney_transplant() {
        let m = Mce::builtin();
        let edits = |sdx: &str, procs: &str| {
            let c = claim(&format!(r#"{{"id":"a","age":50,"sex":"M","pdx":{{"code":"J189"}},"sdx":[{sdx}],"procedures":[{procs}]}}"#));
            m.edit(&c).into_iter().map(|e| e.edit).collect::<Vec<_>>()
        };
        assert_eq!(edits("", r#""0FYG0Z0""#), vec![Edit::NonCovered]);
        assert_eq!(edits(r#"{"code":"E109","poa":"Y"}"#, r#""0FYG0Z0""#), vec![Edit::LimitedCoverage]);
        assert_eq!(edits("", r#""0FYG0Z0","0TY00Z0""#), vec![Edit::LimitedCoverage, Edit::LimitedCoverage]);
        assert_eq!(edits(r#"{"code":"E10A0","poa":"Y"}"#, r#""0FYG0Z0""#), vec![Edit::NonCovered]);
        assert_eq!(edits(r#"{"code":"E109","poa":"Y"}"#, r#""0FYG0Z2","0TY00Z0""#), vec![Edit::NonCovered, Edit::LimitedCoverage]);
    }

    #[test]
    fn autologous_stem_cells_are_not_covered_for_acute_leukemia() {
        let m = Mce::builtin();
        let edits = |pdx: &str| {
            let c = claim(&format!(r#"{{"id":"a","age":50,"sex":"M","pdx":{{"code":"{pdx}"}},"procedures":["30243Y0"]}}"#));
            m.edit(&c).into_iter().map(|e| e.edit).collect::<Vec<_>>()
        };
        assert_eq!(edits("C9100"), vec![Edit::NonCovered]);
        assert_eq!(edits("C9101"), vec![], "in remission");
        assert_eq!(edits("C9000"), vec![], "multiple myeloma");
    }

    #[test]
    fn an_artificial_lumbar_disc_is_not_covered_after_60() {
        let m = Mce::builtin();
        let edits = |age: u8| {
            let c = claim(&format!(r#"{{"id":"a","age":{age},"sex":"F","pdx":{{"code":"M51360","poa":"Y"}},"procedures":["0SR20JZ"]}}"#));
            m.edit(&c).into_iter().map(|e| e.edit).collect::<Vec<_>>()
        };
        assert_eq!(edits(60), vec![]);
        assert_eq!(edits(61), vec![Edit::NonCovered]);
    }

    #[test]
    fn a_delivery_needs_its_outcome() {
        let m = Mce::builtin();
        let c = claim(r#"{"id":"a","age":28,"sex":"F","pdx":{"code":"O80"},"procedures":["10E0XZZ"]}"#);
        assert_eq!(names(&m.edit(&c)), vec![("QUESTIONABLE_OBSTETRIC_ADMISSION", "10E0XZZ".into())]);
        let c = claim(r#"{"id":"a","age":28,"sex":"F","pdx":{"code":"O80"},"sdx":[{"code":"Z370","poa":"1"}],"procedures":["10E0XZZ"]}"#);
        assert_eq!(names(&m.edit(&c)), vec![]);
    }

    #[test]
    fn ventilation_over_96_hours_needs_a_long_enough_stay() {
        let m = Mce::builtin();
        let c = |los: &str| claim(&format!(r#"{{"id":"a","age":60,"sex":"F","pdx":{{"code":"J9601","poa":"Y"}},"procedures":["5A1955Z"]{los}}}"#));
        assert_eq!(names(&m.edit(&c(r#","los":2"#))), vec![("INCONSISTENT_WITH_LENGTH_OF_STAY", "5A1955Z".into())]);
        assert_eq!(names(&m.edit(&c(r#","los":9"#))), vec![]);
        assert_eq!(names(&m.edit(&c(""))), vec![], "without a length of stay the edit is not checked");
    }

    #[test]
    fn messages_write_diagnoses_with_their_dot_and_procedures_without() {
        let m = Mce::builtin();
        let c = claim(r#"{"id":"a","age":50,"sex":"M","pdx":{"code":"S68719A","poa":"Y"},"procedures":["B2111ZZ","0FYG0Z2"]}"#);
        let e = m.edit(&c);
        assert!(e[0].message().starts_with("S68.719A "), "{}", e[0].message());
        assert!(e[1].message().starts_with("0FYG0Z2 "), "{}", e[1].message());
    }
}
