//! The record model: an encounter, its documents, and the gold coding with evidence and rationale.
//!
//! A **pack** is a versioned JSON document holding cases (see `docs/CASE-PACK.md`). Field names are stable;
//! optional parts may be left out. Dates never appear: documents carry a relative day ("hospital day 2" = day 2).

use serde::{Deserialize, Serialize};

/// The pack format this build reads and writes.
pub const PACK_FORMAT: u32 = 1;

/// A set of cases, as shipped or as an instructor writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// Always [`PACK_FORMAT`] for packs this build writes.
    pub format: u32,
    pub name: String,
    /// The fiscal year whose code sets the gold coding uses (2026).
    pub fiscal_year: u16,
    pub cases: Vec<Case>,
}

/// One practice record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// Stable identifier, e.g. "OPD-0001".
    pub id: String,
    /// What the learner sees in the list; never gives the answer away ("Office visit: diabetes follow-up").
    pub title: String,
    pub tracks: Vec<Track>,
    pub difficulty: Difficulty,
    pub encounter: Encounter,
    pub documents: Vec<Document>,
    pub gold: Gold,
}

/// The fellowship's specialty tracks and the general case groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    HccRiskAdjustment,
    Surgery,
    InpatientDrg,
    OutpatientOpps,
    Anesthesia,
    EmAuditing,
    SnfHomeHealth,
    Opd,
    Ip,
    Ed,
    Emr,
}

impl Track {
    pub const ALL: [Track; 11] = [
        Track::HccRiskAdjustment,
        Track::Surgery,
        Track::InpatientDrg,
        Track::OutpatientOpps,
        Track::Anesthesia,
        Track::EmAuditing,
        Track::SnfHomeHealth,
        Track::Opd,
        Track::Ip,
        Track::Ed,
        Track::Emr,
    ];

    /// The stable name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Track::HccRiskAdjustment => "hcc_risk_adjustment",
            Track::Surgery => "surgery",
            Track::InpatientDrg => "inpatient_drg",
            Track::OutpatientOpps => "outpatient_opps",
            Track::Anesthesia => "anesthesia",
            Track::EmAuditing => "em_auditing",
            Track::SnfHomeHealth => "snf_home_health",
            Track::Opd => "opd",
            Track::Ip => "ip",
            Track::Ed => "ed",
            Track::Emr => "emr",
        }
    }

    pub fn parse(s: &str) -> Option<Track> {
        Track::ALL.into_iter().find(|t| t.name() == s.trim().to_ascii_lowercase().replace('-', "_"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Foundation,
    Intermediate,
    Advanced,
}

/// Where care happened: it decides the rules (principal vs first-listed diagnosis, uncertain diagnoses, POA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Inpatient,
    OutpatientHospital,
    EmergencyDepartment,
    AmbulatorySurgery,
    PhysicianOffice,
    Snf,
    HomeHealth,
    Anesthesia,
    RiskAdjustmentReview,
}

impl Setting {
    /// Inpatient rules apply: principal diagnosis, POA indicators, ICD-10-PCS, uncertain diagnoses coded as if
    /// established (OCG II.H, III.C).
    pub fn is_inpatient(self) -> bool {
        matches!(self, Setting::Inpatient)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    #[serde(rename = "M")]
    Male,
    #[serde(rename = "F")]
    Female,
    #[serde(rename = "U")]
    Unknown,
}

/// The encounter: who, where, how long, how it ended. No names, no dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Encounter {
    pub setting: Setting,
    /// Age in years (ages over 89 are written as 90).
    pub age: u8,
    pub sex: Sex,
    /// Inpatient and SNF: length of stay in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length_of_stay: Option<u16>,
    /// Inpatient: the UB-04 patient discharge status code (01 home, 03 SNF, 06 home health, 07 against advice,
    /// 20 expired, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharge_status: Option<u8>,
}

/// The kinds of documents a record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    HistoryAndPhysical,
    ProgressNote,
    OperativeNote,
    DischargeSummary,
    EdNote,
    OfficeNote,
    AnesthesiaRecord,
    RadiologyReport,
    PathologyReport,
    ProblemList,
    MedicationList,
    Assessment,
    Consultation,
}

/// One document of the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Unique within the case ("d1"); evidence points at it.
    pub id: String,
    pub kind: DocumentKind,
    /// As the EMR shows it ("Discharge Summary").
    pub title: String,
    /// Relative day of the encounter (1 = day of admission or visit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u16>,
    pub text: String,
}

/// Words of the record that support a gold item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The document's id.
    pub doc: String,
    /// The exact words, as they stand in the document.
    pub quote: String,
    /// Byte offset of the quote, when the same words stand more than once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
}

/// A rule a rationale relies on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "ref", rename_all = "snake_case")]
pub enum Rule {
    /// An Official Guidelines section: "OCG I.C.4.a.2", "OCG II.H", "OCG IV.H"; PCS guidelines "PCS B3.2".
    Guideline(String),
    /// A Tabular instruction: "E11.22 Use additional code", "G63 Code first".
    Tabular(String),
    /// An edit or payment rule: "MCE manifestation as principal", "NCCI PTP", "CMS-HCC V28".
    Edit(String),
    /// The E/M or anesthesia rules of the CPT/CMS guidance, paraphrased ("2021 E/M MDM table").
    Convention(String),
}

/// Why the gold item is right, in Codefellow's words, and the rules it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rationale {
    pub text: String,
    pub rules: Vec<Rule>,
}

/// Present on admission indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Poa {
    #[serde(rename = "Y")]
    Yes,
    #[serde(rename = "N")]
    No,
    #[serde(rename = "U")]
    Unknown,
    #[serde(rename = "W")]
    ClinicallyUndetermined,
    /// Exempt from POA reporting ("1" on the claim, blank on some forms).
    #[serde(rename = "1")]
    Exempt,
}

/// The right answer for the record.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Gold {
    /// Diagnoses in order: principal (inpatient) or first-listed first.
    #[serde(default)]
    pub diagnoses: Vec<GoldDiagnosis>,
    /// ICD-10-PCS procedures (inpatient).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<GoldProcedure>,
    /// CPT numbers / HCPCS codes with modifiers and units (outpatient and professional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<GoldService>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub em: Option<GoldEm>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hccs: Vec<GoldHcc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anesthesia: Option<GoldAnesthesia>,
    /// Items whose right answer is a query to the provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queries: Vec<GoldQuery>,
    /// Excludes1 pairs the gold reports together on purpose, with the documented exception.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes1_exceptions: Vec<Excludes1Exception>,
    /// What the record mentions that is deliberately not coded (a negation, a ruled-out or resolved condition, a
    /// symptom integral to the diagnosis), and why: the distractors a learner should leave alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_coded: Vec<NotCoded>,
}

impl Gold {
    /// Every evidence list of the gold, whatever item it supports: for passes that treat all evidence alike
    /// (normalising offsets, scrubbing identifiers from quotes).
    pub fn evidence_lists_mut(&mut self) -> Vec<&mut Vec<Evidence>> {
        let mut out: Vec<&mut Vec<Evidence>> = Vec::new();
        out.extend(self.diagnoses.iter_mut().map(|d| &mut d.evidence));
        out.extend(self.procedures.iter_mut().map(|p| &mut p.evidence));
        out.extend(self.services.iter_mut().map(|s| &mut s.evidence));
        if let Some(em) = &mut self.em {
            out.push(&mut em.evidence);
        }
        for h in &mut self.hccs {
            out.extend([&mut h.monitored, &mut h.evaluated, &mut h.assessed, &mut h.treated]);
        }
        if let Some(a) = &mut self.anesthesia {
            out.push(&mut a.evidence);
        }
        out.extend(self.queries.iter_mut().map(|q| &mut q.evidence));
        out.extend(self.not_coded.iter_mut().map(|n| &mut n.evidence));
        out
    }
}

/// Words of the record that a learner might code but should not, and the rule that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotCoded {
    /// What is not coded ("chest pain, denied").
    pub about: String,
    /// The code a learner might be tempted by, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempting_code: Option<String>,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDiagnosis {
    /// ICD-10-CM code with its dot.
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poa: Option<Poa>,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldProcedure {
    pub code: String,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldService {
    /// A CPT number (no descriptor) or a HCPCS Level II code.
    pub code: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<String>,
    pub units: u16,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
}

/// An E/M level and the medical decision making behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEm {
    /// The CPT number of the level (99214).
    pub code: String,
    /// The level each MDM element reaches, in the 2021 table's words: problems and risk minimal, low, moderate or
    /// high; data minimal, limited, moderate or extensive. Two of three decide.
    pub problems: String,
    pub data: String,
    pub risk: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_minutes: Option<u16>,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
}

/// An HCC with the MEAT that supports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldHcc {
    /// Model and category, e.g. "V28" and 37.
    pub model: String,
    pub hcc: u16,
    /// The diagnosis code that maps to it.
    pub diagnosis: String,
    /// Monitored, Evaluated, Assessed/Addressed, Treated: the words that show each (at least one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitored: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluated: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessed: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub treated: Vec<Evidence>,
    pub rationale: Rationale,
}

/// Anesthesia units: base + time (15-minute units) + modifying.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldAnesthesia {
    pub base_units: u16,
    pub time_minutes: u16,
    pub modifying_units: u16,
    /// The medical-direction modifier (AA, QK, QX, QY, QZ).
    pub modifier: String,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
}

impl GoldAnesthesia {
    /// Time units: minutes / 15, to one decimal, as most payers count them.
    pub fn time_units(&self) -> f32 {
        (self.time_minutes as f32 / 15.0 * 10.0).round() / 10.0
    }
}

/// A compliant query as the right answer when the documentation is insufficient or conflicting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldQuery {
    /// What cannot be coded as written ("type of heart failure not documented").
    pub about: String,
    /// The query, non-leading, with clinical indicators and options including "other" and "unable to determine".
    pub text: String,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
}

/// Two codes an Excludes1 note separates, reported together because of the documented exception.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Excludes1Exception {
    pub codes: [String; 2],
    pub reason: String,
}
