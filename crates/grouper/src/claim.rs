//! A claim as the grouper reads it, and the per-claim errors of bad input.

use crate::code::Key;
use serde::Deserialize;

#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
pub enum Sex {
    M,
    F,
    U,
}

/// The present-on-admission indicator of a diagnosis.
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
pub enum Poa {
    /// Present at the time of inpatient admission.
    Y,
    /// Not present at the time of admission.
    N,
    /// Documentation insufficient to determine.
    U,
    /// Clinically undetermined.
    W,
    /// Exempt from POA reporting (reported as 1 or blank).
    Exempt,
}

impl Poa {
    pub fn parse(s: &str) -> Option<Poa> {
        Some(match s.trim() {
            "Y" | "y" => Poa::Y,
            "N" | "n" => Poa::N,
            "U" | "u" => Poa::U,
            "W" | "w" => Poa::W,
            "1" | "" => Poa::Exempt,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Poa::Y => "Y",
            Poa::N => "N",
            Poa::U => "U",
            Poa::W => "W",
            Poa::Exempt => "1",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Diagnosis {
    pub code: Key,
    pub poa: Poa,
}

/// One inpatient encounter as the grouper needs it.
#[derive(Clone, PartialEq, Debug)]
pub struct Claim {
    pub id: String,
    /// Age in years at admission (0–124).
    pub age: u8,
    pub sex: Sex,
    /// The UB-04 patient discharge status (01 home, 02 short-term hospital, 07 left against medical advice, 20 died…).
    pub discharge_status: u8,
    pub pdx: Diagnosis,
    pub sdx: Vec<Diagnosis>,
    pub procedures: Vec<Key>,
    /// Length of stay in days, when known: the grouper does not need it; the code editor's length-of-stay edit does.
    pub los: Option<u16>,
}

/// The discharge statuses a UB-04 allows (NUBC form locator 17).
pub const DISCHARGE_STATUSES: [u8; 35] = [
    1, 2, 3, 4, 5, 6, 7, 9, 20, 21, 30, 40, 41, 42, 43, 50, 51, 61, 62, 63, 64, 65, 66, 69, 70, 81, 82, 83, 84, 85, 86,
    87, 88, 89, 90,
];

/// What is wrong with one claim; the batch goes on without it.
#[derive(Clone, PartialEq, Debug, thiserror::Error, serde::Serialize)]
#[error("{field}: {message}")]
pub struct ClaimError {
    /// The field at fault, as a JSON path (`pdx.code`, `sdx[2].poa`, `age`).
    pub field: String,
    pub message: String,
}

fn err(field: impl Into<String>, message: impl Into<String>) -> ClaimError {
    ClaimError { field: field.into(), message: message.into() }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDx {
    code: Option<String>,
    poa: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawProc {
    Code(String),
    Object { code: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Option<serde_json::Value>,
    age: Option<serde_json::Value>,
    sex: Option<String>,
    discharge_status: Option<serde_json::Value>,
    pdx: Option<RawDx>,
    #[serde(default)]
    sdx: Vec<RawDx>,
    #[serde(default)]
    procedures: Vec<RawProc>,
    los: Option<serde_json::Value>,
}

/// The claim's id as far as it can be read from a line that may not parse as a claim, for the error line.
pub fn id_of_line(line: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    match v.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn dx(raw: &RawDx, field: &str) -> Result<Diagnosis, ClaimError> {
    let code = raw.code.as_deref().ok_or_else(|| err(format!("{field}.code"), "missing: give the ICD-10-CM code, e.g. \"I5021\""))?;
    let key = Key::parse(code).filter(|k| k.len() >= 3 && k.len() <= 7 && k.byte(0).is_ascii_alphabetic()).ok_or_else(|| {
        err(format!("{field}.code"), format!("{code:?} is not shaped like an ICD-10-CM code (a letter, then 2–6 letters or digits, dot optional)"))
    })?;
    let poa = match raw.poa.as_deref() {
        None => Poa::Exempt,
        Some(p) => Poa::parse(p).ok_or_else(|| {
            err(format!("{field}.poa"), format!("{p:?} is not a POA indicator: use Y, N, U, W, or 1/blank for exempt"))
        })?,
    };
    Ok(Diagnosis { code: key, poa })
}

impl Claim {
    /// Reads one claim from a JSON line:
    /// `{"id","age","sex":"M|F|U","discharge_status":1,"pdx":{"code","poa"},"sdx":[{"code","poa"}],"procedures":["0DTJ4ZZ"]}`,
    /// and optionally `"los"`: the length of stay in days.
    pub fn from_json(line: &str) -> Result<Claim, ClaimError> {
        let raw: RawClaim = serde_json::from_str(line).map_err(|e| err("claim", format!("not a claim object: {e}")))?;
        let id = match raw.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(_) => return Err(err("id", "must be a string or a number")),
            None => String::new(),
        };
        let age = match raw.age {
            None => return Err(err("age", "missing: give the age in years at admission, 0–124")),
            Some(v) => match v.as_u64() {
                Some(a) if a <= 124 => a as u8,
                _ => return Err(err("age", format!("{v} is not an age in years: give a whole number from 0 to 124"))),
            },
        };
        let sex = match raw.sex.as_deref() {
            Some("M" | "m" | "0") => Sex::M,
            Some("F" | "f" | "1") => Sex::F,
            Some("U" | "u" | "2") | None => Sex::U,
            Some(other) => return Err(err("sex", format!("{other:?} is not a sex: use M, F or U"))),
        };
        let discharge_status = match raw.discharge_status {
            None => 1,
            Some(v) => {
                let n = v.as_u64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
                match n {
                    Some(n) if n <= 255 && DISCHARGE_STATUSES.contains(&(n as u8)) => n as u8,
                    _ => {
                        return Err(err(
                            "discharge_status",
                            format!("{v} is not a UB-04 discharge status: use e.g. 1 (home), 2 (another hospital), 7 (left against advice), 20 (died)"),
                        ))
                    }
                }
            }
        };
        let pdx = dx(raw.pdx.as_ref().ok_or_else(|| err("pdx", "missing: every inpatient claim needs a principal diagnosis"))?, "pdx")?;
        let sdx = raw.sdx.iter().enumerate().map(|(i, d)| dx(d, &format!("sdx[{i}]"))).collect::<Result<Vec<_>, _>>()?;
        if sdx.len() > 24 {
            return Err(err("sdx", format!("{} secondary diagnoses; a claim carries at most 24", sdx.len())));
        }
        let mut procedures = Vec::with_capacity(raw.procedures.len());
        for (i, p) in raw.procedures.iter().enumerate() {
            let code = match p {
                RawProc::Code(c) | RawProc::Object { code: c } => c,
            };
            let key = Key::parse(code).filter(|k| k.len() == 7).ok_or_else(|| {
                err(format!("procedures[{i}]"), format!("{code:?} is not shaped like an ICD-10-PCS code (seven letters or digits)"))
            })?;
            procedures.push(key);
        }
        if procedures.len() > 25 {
            return Err(err("procedures", format!("{} procedures; a claim carries at most 25", procedures.len())));
        }
        let los = match raw.los {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => match v.as_u64() {
                Some(d) if d <= 9999 => Some(d as u16),
                _ => return Err(err("los", format!("{v} is not a length of stay: give whole days from admission to discharge, e.g. 4"))),
            },
        };
        Ok(Claim { id, age, sex, discharge_status, pdx, sdx, procedures, los })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_reads_from_the_documented_json() {
        let c = Claim::from_json(
            r#"{"id":"a1","age":67,"sex":"F","discharge_status":1,"pdx":{"code":"I50.21","poa":"Y"},"sdx":[{"code":"E1122","poa":"Y"}],"procedures":["0DTJ4ZZ"]}"#,
        )
        .unwrap();
        assert_eq!(c.pdx.code.as_string(), "I5021");
        assert_eq!(c.sex, Sex::F);
        assert_eq!(c.sdx[0].poa, Poa::Y);
        assert_eq!(c.procedures[0].as_string(), "0DTJ4ZZ");
    }

    #[test]
    fn bad_fields_are_named_with_what_would_be_right() {
        let e = Claim::from_json(r#"{"id":"x","age":200,"sex":"M","pdx":{"code":"I10","poa":"Y"}}"#).unwrap_err();
        assert_eq!(e.field, "age");
        assert!(e.message.contains("0 to 124"));
        let e = Claim::from_json(r#"{"id":"x","age":50,"sex":"M","sdx":[]}"#).unwrap_err();
        assert_eq!(e.field, "pdx");
        let e = Claim::from_json(r#"{"id":"x","age":50,"sex":"M","pdx":{"code":"I10","poa":"Y"},"sdx":[{"code":"E119","poa":"Q"}]}"#).unwrap_err();
        assert_eq!(e.field, "sdx[0].poa");
        assert!(e.message.contains("Y, N, U, W"));
        let e = Claim::from_json(r#"{"id":"x","age":50,"sex":"X","pdx":{"code":"I10"}}"#).unwrap_err();
        assert_eq!(e.field, "sex");
        let e = Claim::from_json(r#"{"id":"x","age":50,"sex":"M","pdx":{"code":"I10"},"procedures":["0DTJ4Z"]}"#).unwrap_err();
        assert_eq!(e.field, "procedures[0]");
        let e = Claim::from_json(r#"{"id":"x","age":50,"sex":"M","pdx":{"code":"I10"},"discharge_status":99}"#).unwrap_err();
        assert_eq!(e.field, "discharge_status");
        let e = Claim::from_json(r#"{"id":"x","age":50,"sex":"M","pdx":{"code":"I10"},"los":-2}"#).unwrap_err();
        assert_eq!(e.field, "los");
        assert_eq!(id_of_line(r#"{"id":"x","age":"old"}"#).as_deref(), Some("x"));
    }
}
