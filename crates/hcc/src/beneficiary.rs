//! A beneficiary as the model reads it (the segment inputs stated, never guessed), and the per-record error of bad
//! input.

use crate::code::Code;
use serde::Deserialize;

#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
pub enum Sex {
    #[serde(rename = "M")]
    Male,
    #[serde(rename = "F")]
    Female,
}

/// The Medicare–Medicaid dual eligibility code of the month (CMS MMR field), which picks the community segment: full
/// benefit duals (02 QMB Plus, 04 SLMB Plus, 08 other full benefit) are scored with the full-dual factors, partial
/// benefit duals (01 QMB only, 03 SLMB only, 05 QDWI, 06 QI) with the partial-dual ones, 00 with the non-dual ones.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Dual(u8);

/// Whether a dual code gives Medicaid full or partial benefits.
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DualKind {
    NonDual,
    Partial,
    Full,
}

impl Dual {
    /// The codes CMS uses in the MMR dual status field for risk adjustment.
    pub const CODES: [u8; 8] = [0, 1, 2, 3, 4, 5, 6, 8];

    pub fn parse(s: &str) -> Option<Dual> {
        let s = s.trim();
        if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u8 = s.parse().ok()?;
        Dual::CODES.contains(&n).then_some(Dual(n))
    }

    pub fn code(self) -> u8 {
        self.0
    }

    pub fn kind(self) -> DualKind {
        match self.0 {
            2 | 4 | 8 => DualKind::Full,
            1 | 3 | 5 | 6 => DualKind::Partial,
            _ => DualKind::NonDual,
        }
    }

    /// Any Medicaid benefit (full or partial): the institutional model's LTIMCAID and the new-enrollee model's MCAID.
    pub fn medicaid(self) -> bool {
        self.0 != 0
    }
}

impl serde::Serialize for Dual {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:02}", self.0))
    }
}

/// The original reason for Medicare entitlement (OREC).
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
pub enum Orec {
    /// 0: old age and survivors insurance.
    #[serde(rename = "0")]
    OldAge,
    /// 1: disability insurance benefits.
    #[serde(rename = "1")]
    Disability,
    /// 2: end-stage renal disease.
    #[serde(rename = "2")]
    Esrd,
    /// 3: disability and ESRD.
    #[serde(rename = "3")]
    DisabilityAndEsrd,
}

impl Orec {
    pub fn parse(s: &str) -> Option<Orec> {
        Some(match s.trim() {
            "0" => Orec::OldAge,
            "1" => Orec::Disability,
            "2" => Orec::Esrd,
            "3" => Orec::DisabilityAndEsrd,
            _ => return None,
        })
    }

    pub fn code(self) -> u8 {
        self as u8
    }
}

/// One person for one payment year, as the model needs them.
#[derive(Clone, PartialEq, Debug)]
pub struct Beneficiary {
    pub id: String,
    /// Age in whole years on February 1 of the payment year (CMS's rule), 0–124.
    pub age: u8,
    pub sex: Sex,
    pub dual: Dual,
    pub orec: Orec,
    /// Long-term institutional (90 days or more in a nursing home): the institutional segment.
    pub institutional: bool,
    /// Fewer than 12 months of Part B in the data year: the new-enrollee segment (demographics only).
    pub new_enrollee: bool,
    pub dx: Vec<Code>,
}

/// What is wrong with one beneficiary record; the batch goes on without it.
#[derive(Clone, PartialEq, Debug, thiserror::Error, serde::Serialize)]
#[error("{field}: {message}")]
pub struct BeneficiaryError {
    /// The field at fault, as a JSON path (`age`, `dual`, `dx[2]`).
    pub field: String,
    /// What is wrong and what would be right.
    pub message: String,
}

pub(crate) fn err(field: impl Into<String>, message: impl Into<String>) -> BeneficiaryError {
    BeneficiaryError { field: field.into(), message: message.into() }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: Option<serde_json::Value>,
    age: Option<serde_json::Value>,
    sex: Option<String>,
    dual: Option<serde_json::Value>,
    orec: Option<serde_json::Value>,
    institutional: Option<bool>,
    new_enrollee: Option<bool>,
    #[serde(default)]
    dx: Vec<String>,
}

/// The record's id as far as it can be read from a line that may not parse, for the error line.
pub fn id_of_line(line: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    match v.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Beneficiary {
    /// Reads one beneficiary from a JSON line:
    /// `{"id","age","sex":"M|F","dual":"00","orec":"0","institutional":false,"new_enrollee":false,"dx":["E1169"]}`.
    /// Segment inputs are required (`new_enrollee` defaults to false); diagnosis codes are checked for shape here and
    /// for existence by the model.
    pub fn from_json(line: &str) -> Result<Beneficiary, BeneficiaryError> {
        let raw: Raw = serde_json::from_str(line).map_err(|e| err("beneficiary", format!("not a beneficiary object: {e}")))?;
        let id = match raw.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(_) => return Err(err("id", "must be a string or a number")),
            None => String::new(),
        };
        let age = match raw.age {
            None => return Err(err("age", "missing: give the age in whole years on February 1 of the payment year, 0–124")),
            Some(v) => match v.as_u64() {
                Some(a) if a <= 124 => a as u8,
                _ => return Err(err("age", format!("{v} is not an age: give a whole number of years from 0 to 124"))),
            },
        };
        let sex = match raw.sex.as_deref().map(str::trim) {
            Some("M" | "m" | "1") => Sex::Male,
            Some("F" | "f" | "2") => Sex::Female,
            Some(other) => return Err(err("sex", format!("{other:?} is not a sex the model knows: use M or F"))),
            None => return Err(err("sex", "missing: use M or F")),
        };
        let dual = match &raw.dual {
            None => return Err(err("dual", "missing: give the dual eligibility code, \"00\" when not dual")),
            Some(v) => Dual::parse(&text(v)).ok_or_else(|| {
                err("dual", format!("{} is not a dual eligibility code: use 00 (not dual), 01, 03, 05, 06 (partial benefit) or 02, 04, 08 (full benefit)", v))
            })?,
        };
        let orec = match &raw.orec {
            None => return Err(err("orec", "missing: give the original reason for entitlement, 0 (age), 1 (disability), 2 (ESRD) or 3 (both)")),
            Some(v) => Orec::parse(&text(v)).ok_or_else(|| {
                err("orec", format!("{v} is not an original reason for entitlement: use 0 (age), 1 (disability), 2 (ESRD) or 3 (disability and ESRD)"))
            })?,
        };
        let institutional = raw.institutional.ok_or_else(|| err("institutional", "missing: true for a long-term institutional beneficiary, else false"))?;
        let new_enrollee = raw.new_enrollee.unwrap_or(false);
        let mut dx = Vec::with_capacity(raw.dx.len());
        for (i, d) in raw.dx.iter().enumerate() {
            dx.push(Code::parse(d).ok_or_else(|| {
                err(format!("dx[{i}]"), format!("{d:?} is not shaped like an ICD-10-CM code (a letter, then 2–6 letters or digits, dot optional)"))
            })?);
        }
        let b = Beneficiary { id, age, sex, dual, orec, institutional, new_enrollee, dx };
        b.check_segment()?;
        Ok(b)
    }

    /// The combinations of segment inputs the CMS-HCC model has no factors for.
    pub fn check_segment(&self) -> Result<(), BeneficiaryError> {
        if self.age > 124 {
            return Err(err("age", format!("{} is not an age: give a whole number of years from 0 to 124", self.age)));
        }
        if self.new_enrollee && self.institutional {
            return Err(err(
                "institutional",
                "a new enrollee is scored with the new-enrollee factors, which have no institutional segment: give institutional false, or new_enrollee false for a continuing enrollee",
            ));
        }
        if self.new_enrollee && matches!(self.orec, Orec::Esrd | Orec::DisabilityAndEsrd) {
            return Err(err(
                "orec",
                "a new enrollee entitled by ESRD (orec 2 or 3) is scored with the ESRD model, not the CMS-HCC model: give orec 0 or 1, or use the ESRD model",
            ));
        }
        Ok(())
    }

    /// The line format `from_json` reads.
    pub fn to_json(&self) -> String {
        let dx: Vec<String> = self.dx.iter().map(|c| c.to_string()).collect();
        serde_json::json!({
            "id": self.id, "age": self.age, "sex": self.sex, "dual": self.dual, "orec": self.orec,
            "institutional": self.institutional, "new_enrollee": self.new_enrollee, "dx": dx,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_line_reads_with_every_segment_input() {
        let b = Beneficiary::from_json(r#"{"id":"a","age":70,"sex":"F","dual":"02","orec":"1","institutional":false,"dx":["E11.69","i5030"]}"#).unwrap();
        assert_eq!((b.age, b.sex, b.dual.kind(), b.orec, b.new_enrollee), (70, Sex::Female, DualKind::Full, Orec::Disability, false));
        assert_eq!(b.dx.iter().map(|c| c.to_string()).collect::<Vec<_>>(), ["E1169", "I5030"]);
        assert_eq!(Beneficiary::from_json(&b.to_json()).unwrap(), b, "to_json round-trips");
    }

    #[test]
    fn each_bad_field_is_named_with_what_would_be_right() {
        let base = r#""id":"x","age":70,"sex":"F","dual":"00","orec":"0","institutional":false"#;
        let cases = [
            (base.replace("70", "130"), "age"),
            (base.replace(r#""F""#, r#""U""#), "sex"),
            (base.replace(r#""00""#, r#""07""#), "dual"),
            (base.replace(r#""orec":"0""#, r#""orec":"4""#), "orec"),
            (base.replace(r#","institutional":false"#, ""), "institutional"),
            (format!(r#"{base},"dx":["E11.9","11.9"]"#), "dx[1]"),
            (format!(r#"{base},"new_enrollee":true,"orec":"2""#).replace(r#""orec":"0","#, ""), "orec"),
        ];
        for (body, field) in cases {
            let e = Beneficiary::from_json(&format!("{{{body}}}")).unwrap_err();
            assert_eq!(e.field, field, "{body}: {e}");
        }
        let e = Beneficiary::from_json(&format!(r#"{{{base}}}"#).replace(r#""00""#, r#""09""#)).unwrap_err();
        assert!(e.message.contains("02, 04, 08"), "{e}");
    }
}
