//! What a coder submits for one encounter: codes in order, with POA, modifiers and units, and for every code a
//! rationale (the evidence in the record and the rule relied on). A query may stand where documentation is
//! insufficient.
//!
//! Read from JSON (`Submission::from_json`); a malformed submission gives one `SubmissionError` naming the field by
//! its path (`diagnoses[2].poa`) and what would be right.

use cases::model::{Evidence, Poa, Rule};
use serde::{Deserialize, Serialize};

/// A coder's work on one case.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// The case coded ("IP-0001").
    pub case: String,
    /// Who coded it (a learner's id, or a coder's in batch QA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coder: Option<String>,
    /// ICD-10-CM diagnoses, principal (inpatient) or first-listed first.
    #[serde(default)]
    pub diagnoses: Vec<SubmittedDiagnosis>,
    /// ICD-10-PCS procedures (inpatient).
    #[serde(default)]
    pub procedures: Vec<SubmittedCode>,
    /// CPT numbers and HCPCS Level II codes, with modifiers and units.
    #[serde(default)]
    pub services: Vec<SubmittedService>,
    /// The E/M level's CPT number, when the case has a visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub em: Option<SubmittedCode>,
    /// Risk adjustment reviews: the HCCs the coder supports, with the MEAT evidence.
    #[serde(default)]
    pub hccs: Vec<SubmittedHcc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anesthesia: Option<SubmittedAnesthesia>,
    /// Queries to the provider instead of codes.
    #[serde(default)]
    pub queries: Vec<SubmittedQuery>,
    /// Minutes spent on the record (productivity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// Why the coder chose a code: the words of the record and the rules.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedRationale {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedDiagnosis {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poa: Option<Poa>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<SubmittedRationale>,
}

/// A procedure or an E/M level: a code and its rationale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedCode {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<SubmittedRationale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedService {
    pub code: String,
    #[serde(default)]
    pub modifiers: Vec<String>,
    #[serde(default = "one")]
    pub units: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<SubmittedRationale>,
}

fn one() -> u16 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedHcc {
    /// "V28" or "V24".
    pub model: String,
    pub hcc: u16,
    /// The diagnosis code that supports it.
    pub diagnosis: String,
    #[serde(default)]
    pub monitored: Vec<Evidence>,
    #[serde(default)]
    pub evaluated: Vec<Evidence>,
    #[serde(default)]
    pub assessed: Vec<Evidence>,
    #[serde(default)]
    pub treated: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedAnesthesia {
    pub base_units: u16,
    pub time_minutes: u16,
    #[serde(default)]
    pub modifying_units: u16,
    pub modifier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<SubmittedRationale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedQuery {
    /// What cannot be coded as written.
    pub about: String,
    pub text: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// What is wrong with a submission, by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{field}: {message}")]
pub struct SubmissionError {
    /// The JSON path of the field (`diagnoses[1].poa`), or `submission` for the whole.
    pub field: String,
    pub message: String,
}

impl Submission {
    /// Reads a submission from JSON; the error names the field and says what would be right.
    pub fn from_json(text: &str) -> Result<Submission, SubmissionError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let sub: Submission = serde_path_to_error::deserialize(de).map_err(|e| {
            let msg = e.inner().to_string();
            let at = match e.path().to_string() {
                p if p == "." || p.is_empty() => None,
                p => Some(p),
            };
            // A missing field is named by itself, under the object that lacks it.
            let missing = msg.strip_prefix("missing field `").and_then(|m| m.split('`').next()).map(str::to_string);
            let field = match (at, missing) {
                (Some(p), Some(m)) => format!("{p}.{m}"),
                (None, Some(m)) => m,
                (Some(p), None) => p,
                (None, None) => "submission".to_string(),
            };
            SubmissionError { field, message: explain(&msg) }
        })?;
        sub.check()?;
        Ok(sub)
    }

    /// The shape rules serde cannot say: a case id, no empty code, units of at least 1.
    fn check(&self) -> Result<(), SubmissionError> {
        let err = |field: String, message: &str| Err(SubmissionError { field, message: message.to_string() });
        if self.case.trim().is_empty() {
            return err("case".into(), "missing: give the id of the case coded, e.g. \"IP-0001\"");
        }
        for (i, d) in self.diagnoses.iter().enumerate() {
            if d.code.trim().is_empty() {
                return err(format!("diagnoses[{i}].code"), "empty: give an ICD-10-CM code, e.g. \"E11.22\"");
            }
        }
        for (i, p) in self.procedures.iter().enumerate() {
            if p.code.trim().is_empty() {
                return err(format!("procedures[{i}].code"), "empty: give an ICD-10-PCS code, e.g. \"0DTJ4ZZ\"");
            }
        }
        for (i, s) in self.services.iter().enumerate() {
            if s.code.trim().is_empty() {
                return err(format!("services[{i}].code"), "empty: give a CPT number or HCPCS code, e.g. \"99214\"");
            }
            if s.units == 0 {
                return err(format!("services[{i}].units"), "0: units are at least 1");
            }
        }
        Ok(())
    }
}

impl Submission {
    /// The gold's codes only (no rationale, no evidence): what the compliance edits of the gold need.
    pub fn codes_of_gold(case: &cases::model::Case) -> Submission {
        let g = &case.gold;
        Submission {
            case: case.id.clone(),
            diagnoses: g.diagnoses.iter().map(|d| SubmittedDiagnosis { code: d.code.clone(), poa: d.poa, rationale: None }).collect(),
            procedures: g.procedures.iter().map(|p| SubmittedCode { code: p.code.clone(), rationale: None }).collect(),
            services: g
                .services
                .iter()
                .map(|s| SubmittedService { code: s.code.clone(), modifiers: s.modifiers.clone(), units: s.units, rationale: None })
                .collect(),
            ..Submission::default()
        }
    }

    /// The gold coding of a case as a submission: what a perfect coder would hand in, rationales included.
    pub fn from_gold(case: &cases::model::Case) -> Submission {
        let g = &case.gold;
        let why = |r: &cases::model::Rationale, ev: &[Evidence]| {
            Some(SubmittedRationale { text: r.text.clone(), evidence: ev.to_vec(), rules: r.rules.clone() })
        };
        let em_code = g.em.as_ref().map(|e| e.code.clone());
        Submission {
            case: case.id.clone(),
            coder: None,
            diagnoses: g.diagnoses.iter().map(|d| SubmittedDiagnosis { code: d.code.clone(), poa: d.poa, rationale: why(&d.rationale, &d.evidence) }).collect(),
            procedures: g.procedures.iter().map(|p| SubmittedCode { code: p.code.clone(), rationale: why(&p.rationale, &p.evidence) }).collect(),
            services: g
                .services
                .iter()
                .filter(|s| Some(&s.code) != em_code.as_ref())
                .map(|s| SubmittedService { code: s.code.clone(), modifiers: s.modifiers.clone(), units: s.units, rationale: why(&s.rationale, &s.evidence) })
                .collect(),
            em: g.em.as_ref().map(|e| SubmittedCode { code: e.code.clone(), rationale: why(&e.rationale, &e.evidence) }),
            hccs: g
                .hccs
                .iter()
                .map(|h| SubmittedHcc {
                    model: h.model.clone(),
                    hcc: h.hcc,
                    diagnosis: h.diagnosis.clone(),
                    monitored: h.monitored.clone(),
                    evaluated: h.evaluated.clone(),
                    assessed: h.assessed.clone(),
                    treated: h.treated.clone(),
                })
                .collect(),
            anesthesia: g.anesthesia.as_ref().map(|a| SubmittedAnesthesia {
                base_units: a.base_units,
                time_minutes: a.time_minutes,
                modifying_units: a.modifying_units,
                modifier: a.modifier.clone(),
                rationale: why(&a.rationale, &a.evidence),
            }),
            queries: g.queries.iter().map(|q| SubmittedQuery { about: q.about.clone(), text: q.text.clone(), evidence: q.evidence.clone() }).collect(),
            minutes: None,
        }
    }
}

/// serde's wording, with the vocabulary a coder knows for the POA indicator.
fn explain(msg: &str) -> String {
    if msg.contains("variant") && msg.contains("`Y`") {
        format!("{msg}: a POA indicator is Y, N, U, W or 1 (exempt)")
    } else {
        msg.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_submission_reads_with_rationales() {
        let s = Submission::from_json(
            r#"{"case":"IP-0001","coder":"l1","diagnoses":[{"code":"J18.9","poa":"Y","rationale":{"text":"pneumonia",
            "evidence":[{"doc":"d1","quote":"Community-acquired pneumonia"}],"rules":[{"kind":"guideline","ref":"OCG II"}]}}],
            "services":[{"code":"99223","modifiers":["AI"]}],"minutes":14}"#,
        )
        .unwrap();
        assert_eq!(s.diagnoses[0].poa, Some(Poa::Yes));
        assert_eq!(s.services[0].units, 1, "units default to 1");
        assert_eq!(s.diagnoses[0].rationale.as_ref().unwrap().rules, vec![Rule::Guideline("OCG II".into())]);
    }

    #[test]
    fn bad_fields_are_named_by_their_path() {
        let e = Submission::from_json(r#"{"case":"IP-0001","diagnoses":[{"code":"J18.9"},{"code":"I10","poa":"Q"}]}"#).unwrap_err();
        assert_eq!(e.field, "diagnoses[1].poa");
        assert!(e.message.contains("Y, N, U, W or 1"), "{}", e.message);
        let e = Submission::from_json(r#"{"case":"IP-0001","services":[{"code":"99213","units":0}]}"#).unwrap_err();
        assert_eq!(e.field, "services[0].units");
        let e = Submission::from_json(r#"{"diagnoses":[]}"#).unwrap_err();
        assert_eq!(e.field, "case");
        let e = Submission::from_json(r#"{"case":"X","diagnosis":[]}"#).unwrap_err();
        assert!(e.message.contains("unknown field `diagnosis`"), "{}", e.message);
        let e = Submission::from_json("not json").unwrap_err();
        assert_eq!(e.field, "submission");
    }
}
