//! Cases written by instructors, read from three formats into a [`Pack`]: the pack format itself, plain text plus a
//! gold file, and FHIR R4 Bundles. Every import passes the PHI guard first: a record that carries an identifier is
//! refused with a report of each hit and its place, or, in scrub mode, the identifiers are replaced by placeholders
//! and reported for review. No I/O here: the binary reads the files and saves the pack only when this says yes.

use crate::library::{parse_pack, PackError};
use crate::model::*;
use crate::phi::{self, PhiHit};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;
use thiserror::Error;

/// What to do with protected health information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhiMode {
    /// Refuse the whole import when any identifier is found.
    Refuse,
    /// Replace each identifier with a placeholder ("[NAME]") and report what was replaced.
    Scrub,
}

/// One identifier found in an imported record: where it stands and what it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PhiFinding {
    /// The case id (or the file's case, before it has one).
    pub case: String,
    /// Where: "document d2, line 3, column 14" or a FHIR path such as "Patient.name".
    pub place: String,
    /// The identifier kind's stable name ("name", "date", "phone").
    pub kind: String,
    pub text: String,
}

impl fmt::Display for PhiFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}: {} '{}'", self.case, self.place, self.kind, self.text)
    }
}

/// Why an import was refused.
#[derive(Debug, Error)]
pub enum ImportError {
    /// The file is not a pack, a gold file or a FHIR Bundle as documented.
    #[error("{0}")]
    Format(String),
    /// The pack format could not be read.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// Identifiers were found and the mode is [`PhiMode::Refuse`]: nothing is imported.
    #[error("refused: {} identifier(s) of protected health information found (nothing was imported; remove them or import with --scrub to replace them with placeholders for review)", .0.len())]
    Phi(Vec<PhiFinding>),
}

/// A pack read from an import, and the identifiers scrubbed from it (empty unless scrubbing found some).
#[derive(Debug)]
pub struct Imported {
    pub pack: Pack,
    pub scrubbed: Vec<PhiFinding>,
}

fn finding(case: &str, place: String, h: &PhiHit) -> PhiFinding {
    PhiFinding { case: case.to_string(), place, kind: h.kind.name().to_string(), text: h.text.clone() }
}

/// Runs the guard over every document (and title) of a pack: refuses, or scrubs in place.
pub fn guard(pack: &mut Pack, mode: PhiMode) -> Result<Vec<PhiFinding>, ImportError> {
    let mut found = Vec::new();
    for c in &mut pack.cases {
        for h in phi::scan(&c.title) {
            found.push(finding(&c.id, format!("title, column {}", h.column), &h));
        }
        for d in &c.documents {
            for h in phi::scan(&d.title) {
                found.push(finding(&c.id, format!("document {} title, column {}", d.id, h.column), &h));
            }
            for h in phi::scan(&d.text) {
                found.push(finding(&c.id, format!("document {}, line {}, column {}", d.id, h.line, h.column), &h));
            }
        }
    }
    if found.is_empty() {
        return Ok(found);
    }
    match mode {
        PhiMode::Refuse => Err(ImportError::Phi(found)),
        PhiMode::Scrub => {
            for c in &mut pack.cases {
                c.title = phi::scrub(&c.title).0;
                for d in &mut c.documents {
                    d.title = phi::scrub(&d.title).0;
                    let (text, _) = phi::scrub(&d.text);
                    d.text = text;
                }
                // Evidence quotes that held an identifier now point at words that were replaced.
                scrub_evidence(&mut c.gold);
            }
            Ok(found)
        }
    }
}

fn scrub_evidence(g: &mut Gold) {
    for ev in g.evidence_lists_mut() {
        for e in ev.iter_mut() {
            let (q, hits) = phi::scrub(&e.quote);
            if !hits.is_empty() {
                e.quote = q;
                e.at = None;
            }
        }
    }
}

/// A pack in the pack format.
pub fn from_pack(json: &str, mode: PhiMode) -> Result<Imported, ImportError> {
    let mut pack = parse_pack(json)?;
    let scrubbed = guard(&mut pack, mode)?;
    Ok(Imported { pack, scrubbed })
}

/// The gold file that goes with plain-text documents: a case without its documents (docs/CASE-PACK.md, "Plain
/// text and a gold file"). Every field but `gold` may be left out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    id: Option<String>,
    title: Option<String>,
    #[serde(default)]
    tracks: Vec<Track>,
    difficulty: Option<Difficulty>,
    encounter: Option<Encounter>,
    /// Titles and kinds of the text documents, in the order the files are given.
    #[serde(default)]
    documents: Vec<DocumentHeader>,
    gold: Gold,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentHeader {
    kind: DocumentKind,
    title: String,
    day: Option<u16>,
}

/// One case from plain-text documents (named by their file names, in order: d1, d2…) and a gold file.
pub fn from_text(texts: &[(String, String)], gold_json: &str, mode: PhiMode) -> Result<Imported, ImportError> {
    if texts.is_empty() {
        return Err(ImportError::Format("a text import needs at least one text document".into()));
    }
    let g: GoldFile = serde_json::from_str(gold_json).map_err(|e| ImportError::Format(format!("the gold file is not a case without documents ({e}); see docs/CASE-PACK.md, \"Plain text and a gold file\"")))?;
    if !g.documents.is_empty() && g.documents.len() != texts.len() {
        return Err(ImportError::Format(format!("the gold file describes {} documents but {} text files were given", g.documents.len(), texts.len())));
    }
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, (name, text))| {
            let h = g.documents.get(i);
            Document {
                id: format!("d{}", i + 1),
                kind: h.map_or(DocumentKind::ProgressNote, |h| h.kind),
                title: h.map_or_else(|| name.clone(), |h| h.title.clone()),
                day: h.and_then(|h| h.day),
                text: text.clone(),
            }
        })
        .collect();
    let case = Case {
        id: g.id.unwrap_or_else(|| "IMPORT-0001".into()),
        title: g.title.unwrap_or_else(|| "Imported record".into()),
        tracks: g.tracks,
        difficulty: g.difficulty.unwrap_or(Difficulty::Intermediate),
        encounter: g.encounter.unwrap_or(Encounter { setting: Setting::PhysicianOffice, age: 50, sex: Sex::Unknown, length_of_stay: None, discharge_status: None }),
        documents,
        gold: g.gold,
    };
    let mut pack = Pack { format: PACK_FORMAT, name: "imported".into(), fiscal_year: 2026, cases: vec![case] };
    let scrubbed = guard(&mut pack, mode)?;
    Ok(Imported { pack, scrubbed })
}

/// The code systems of FHIR codings, by their canonical URIs.
fn system_of(uri: &str) -> Option<&'static str> {
    let u = uri.trim().trim_end_matches('/').to_ascii_lowercase();
    if u.ends_with("icd-10-cm") || u.contains("icd10cm") {
        Some("icd10cm")
    } else if u.ends_with("icd-10-pcs") || u.contains("icd10pcs") || u == "http://www.cms.gov/medicare/coding/icd10" {
        Some("icd10pcs")
    } else if u.contains("ama-assn.org") || u.ends_with("/cpt") {
        Some("cpt")
    } else if u.contains("hcpcs") {
        Some("hcpcs")
    } else {
        None
    }
}

fn codings(v: &Value) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(cs) = v.get("coding").and_then(Value::as_array) {
        for c in cs {
            if let (Some(sys), Some(code)) = (c.get("system").and_then(Value::as_str).and_then(system_of), c.get("code").and_then(Value::as_str)) {
                out.push((sys, code.trim().to_string()));
            }
        }
    }
    out
}

/// Text of an XHTML narrative without its tags and with the common entities decoded.
fn narrative_text(div: &str) -> String {
    let mut out = String::with_capacity(div.len());
    let mut in_tag = false;
    let mut tag = String::new();
    for ch in div.chars() {
        match (in_tag, ch) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                let t = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("").to_ascii_lowercase();
                if matches!(t.as_str(), "br" | "br/" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4") && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&").trim().to_string() + "\n"
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in s.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' | b'\n' | b'\r' | b' ' => continue,
            _ => return None,
        } as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// FHIR Patient fields that are identifiers in themselves (names, birth date, address, telecom, identifier).
const PATIENT_PHI: [&str; 6] = ["name", "birthDate", "address", "telecom", "identifier", "photo"];

/// One case from a FHIR R4 Bundle (a collection, document or transaction): documents from DocumentReference
/// attachments and Composition section narratives; gold from Condition and Procedure codings, ordered by the
/// Claim's diagnosis sequence (principal first) when there is a Claim, and services from the Claim's items.
pub fn from_fhir(json: &str, mode: PhiMode) -> Result<Imported, ImportError> {
    let bundle: Value = serde_json::from_str(json).map_err(|e| ImportError::Format(format!("not JSON: {e}")))?;
    if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        return Err(ImportError::Format("not a FHIR Bundle: resourceType must be \"Bundle\"".into()));
    }
    let resources: Vec<&Value> = bundle.get("entry").and_then(Value::as_array).map(|es| es.iter().filter_map(|e| e.get("resource")).collect()).unwrap_or_default();
    let of = |t: &str| -> Vec<&Value> { resources.iter().copied().filter(|r| r.get("resourceType").and_then(Value::as_str) == Some(t)).collect() };
    let case_id = bundle.get("id").and_then(Value::as_str).map(|s| format!("FHIR-{}", s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(24).collect::<String>())).unwrap_or_else(|| "FHIR-0001".into());

    // Identifiers held in structure rather than text.
    let mut structured: Vec<PhiFinding> = Vec::new();
    let mut age: Option<u8> = None;
    let mut sex = Sex::Unknown;
    let encounter_year = of("Encounter").first().and_then(|e| e.pointer("/period/start")).and_then(Value::as_str).and_then(|s| s.get(..4)).and_then(|y| y.parse::<i32>().ok());
    for p in of("Patient") {
        for field in PATIENT_PHI {
            if let Some(v) = p.get(field) {
                if !v.is_null() {
                    structured.push(PhiFinding { case: case_id.clone(), place: format!("Patient.{field}"), kind: if field == "birthDate" { "date".into() } else { field.to_ascii_lowercase() }, text: compact(v) });
                }
            }
        }
        sex = match p.get("gender").and_then(Value::as_str) {
            Some("male") => Sex::Male,
            Some("female") => Sex::Female,
            _ => Sex::Unknown,
        };
        if let (Some(b), Some(y)) = (p.get("birthDate").and_then(Value::as_str).and_then(|s| s.get(..4)).and_then(|y| y.parse::<i32>().ok()), encounter_year) {
            age = Some((y - b).clamp(0, 90) as u8);
        }
    }
    for e in of("Encounter") {
        if let Some(v) = e.get("period") {
            structured.push(PhiFinding { case: case_id.clone(), place: "Encounter.period".into(), kind: "date".into(), text: compact(v) });
        }
    }

    let mut documents = Vec::new();
    for d in of("DocumentReference") {
        let title = d.pointer("/type/text").or_else(|| d.get("description")).and_then(Value::as_str).unwrap_or("Document").to_string();
        for c in d.get("content").and_then(Value::as_array).into_iter().flatten() {
            let Some(att) = c.get("attachment") else { continue };
            let ct = att.get("contentType").and_then(Value::as_str).unwrap_or("text/plain");
            if !ct.starts_with("text/") {
                return Err(ImportError::Format(format!("DocumentReference '{title}' has a {ct} attachment: only text attachments (text/plain, text/html) can be imported")));
            }
            let Some(data) = att.get("data").and_then(Value::as_str) else { continue };
            let bytes = base64_decode(data).ok_or_else(|| ImportError::Format(format!("DocumentReference '{title}': attachment data is not base64")))?;
            let text = String::from_utf8(bytes).map_err(|_| ImportError::Format(format!("DocumentReference '{title}': attachment is not UTF-8 text")))?;
            let text = if ct.contains("html") { narrative_text(&text) } else { text };
            documents.push((title.clone(), text));
        }
    }
    for comp in of("Composition") {
        let title = comp.get("title").and_then(Value::as_str).unwrap_or("Composition").to_string();
        let mut text = String::new();
        for s in comp.get("section").and_then(Value::as_array).into_iter().flatten() {
            if let Some(t) = s.get("title").and_then(Value::as_str) {
                text.push_str(&t.to_ascii_uppercase());
                text.push_str(":\n");
            }
            if let Some(div) = s.pointer("/text/div").and_then(Value::as_str) {
                text.push_str(&narrative_text(div));
                text.push('\n');
            }
        }
        if !text.trim().is_empty() {
            documents.push((title, text));
        }
    }
    if documents.is_empty() {
        return Err(ImportError::Format("the Bundle holds no document text: add a DocumentReference with a text attachment or a Composition with section narratives".into()));
    }

    // Gold: conditions, ordered by the claim when there is one.
    let mut diagnoses: Vec<(String, Option<Poa>)> = Vec::new();
    let claim = of("Claim").into_iter().next();
    if let Some(cl) = claim {
        let mut seq: Vec<(u64, bool, String, Option<Poa>)> = Vec::new();
        for d in cl.get("diagnosis").and_then(Value::as_array).into_iter().flatten() {
            let n = d.get("sequence").and_then(Value::as_u64).unwrap_or(99);
            let principal = d.get("type").and_then(Value::as_array).into_iter().flatten().any(|t| codings_any(t).iter().any(|c| c == "principal"));
            let poa = d.pointer("/onAdmission/coding/0/code").and_then(Value::as_str).and_then(|c| match c.to_ascii_uppercase().as_str() {
                "Y" => Some(Poa::Yes),
                "N" => Some(Poa::No),
                "U" => Some(Poa::Unknown),
                "W" => Some(Poa::ClinicallyUndetermined),
                "1" | "E" => Some(Poa::Exempt),
                _ => None,
            });
            if let Some(cc) = d.get("diagnosisCodeableConcept") {
                for (sys, code) in codings(cc) {
                    if sys == "icd10cm" {
                        seq.push((n, principal, code, poa));
                    }
                }
            }
        }
        seq.sort_by_key(|(n, principal, _, _)| (!principal, *n));
        diagnoses.extend(seq.into_iter().map(|(_, _, c, p)| (c, p)));
    }
    for c in of("Condition") {
        for (sys, code) in c.get("code").map(codings).unwrap_or_default() {
            if sys == "icd10cm" && !diagnoses.iter().any(|(d, _)| same_code(d, &code)) {
                diagnoses.push((code, None));
            }
        }
    }
    let mut procedures = Vec::new();
    let mut services: Vec<GoldService> = Vec::new();
    for p in of("Procedure") {
        for (sys, code) in p.get("code").map(codings).unwrap_or_default() {
            match sys {
                "icd10pcs" => procedures.push(code),
                "cpt" | "hcpcs" if !services.iter().any(|s| s.code == code) => services.push(service(code, Vec::new(), 1)),
                _ => {}
            }
        }
    }
    if let Some(cl) = claim {
        for it in cl.get("item").and_then(Value::as_array).into_iter().flatten() {
            let mods: Vec<String> = it.get("modifier").and_then(Value::as_array).into_iter().flatten().flat_map(codings_any).collect();
            let units = it.pointer("/quantity/value").and_then(Value::as_f64).map_or(1, |q| q.round().max(1.0) as u16);
            for (sys, code) in it.get("productOrService").map(codings).unwrap_or_default() {
                if matches!(sys, "cpt" | "hcpcs") {
                    services.retain(|s| s.code != code);
                    services.push(service(code, mods.clone(), units));
                }
            }
        }
    }
    if diagnoses.is_empty() {
        return Err(ImportError::Format("the Bundle holds no ICD-10-CM diagnosis: gold comes from Condition.code or Claim.diagnosis codings with system http://hl7.org/fhir/sid/icd-10-cm".into()));
    }
    let setting = of("Encounter")
        .first()
        .and_then(|e| e.pointer("/class/code"))
        .and_then(Value::as_str)
        .map(|c| match c.to_ascii_uppercase().as_str() {
            "IMP" | "ACUTE" | "NONAC" => Setting::Inpatient,
            "EMER" => Setting::EmergencyDepartment,
            "HH" => Setting::HomeHealth,
            _ => Setting::PhysicianOffice,
        })
        .unwrap_or(Setting::PhysicianOffice);
    let discharge_status = of("Encounter").first().and_then(|e| e.pointer("/hospitalization/dischargeDisposition/coding/0/code")).and_then(Value::as_str).and_then(|c| c.parse().ok());
    let inpatient = setting == Setting::Inpatient;
    let case = Case {
        id: case_id.clone(),
        title: "Imported FHIR record".into(),
        tracks: vec![if inpatient { Track::Ip } else if setting == Setting::EmergencyDepartment { Track::Ed } else { Track::Emr }],
        difficulty: Difficulty::Intermediate,
        encounter: Encounter { setting, age: age.unwrap_or(50), sex, length_of_stay: None, discharge_status },
        documents: documents.into_iter().enumerate().map(|(i, (title, text))| Document { id: format!("d{}", i + 1), kind: DocumentKind::ProgressNote, title, day: None, text }).collect(),
        gold: Gold {
            diagnoses: diagnoses.into_iter().map(|(code, poa)| GoldDiagnosis { code: dotted(&code), poa: poa.or(if inpatient { Some(Poa::Unknown) } else { None }), evidence: Vec::new(), rationale: imported_rationale() }).collect(),
            procedures: procedures.into_iter().map(|code| GoldProcedure { code, evidence: Vec::new(), rationale: imported_rationale() }).collect(),
            services,
            ..Gold::default()
        },
    };
    let mut pack = Pack { format: PACK_FORMAT, name: "imported FHIR".into(), fiscal_year: 2026, cases: vec![case] };
    let mut found = structured;
    match guard(&mut pack, mode) {
        Ok(scrubbed) => found.extend(scrubbed),
        Err(ImportError::Phi(f)) => {
            found.extend(f);
            return Err(ImportError::Phi(found));
        }
        Err(e) => return Err(e),
    }
    if !found.is_empty() && mode == PhiMode::Refuse {
        return Err(ImportError::Phi(found));
    }
    // Scrub mode: the structured identifiers were never copied into the case (only the age and sex were kept).
    Ok(Imported { pack, scrubbed: found })
}

fn codings_any(v: &Value) -> Vec<String> {
    v.get("coding").and_then(Value::as_array).into_iter().flatten().filter_map(|c| c.get("code").and_then(Value::as_str).map(str::to_string)).collect()
}

fn compact(v: &Value) -> String {
    let s = v.to_string();
    s.chars().take(80).collect()
}

fn same_code(a: &str, b: &str) -> bool {
    a.replace('.', "").eq_ignore_ascii_case(&b.replace('.', ""))
}

/// ICD-10-CM codes are kept with their dot, as the pack format writes them (FHIR often leaves it out).
fn dotted(code: &str) -> String {
    let c = code.trim().to_ascii_uppercase().replace('.', "");
    if c.len() > 3 {
        format!("{}.{}", &c[..3], &c[3..])
    } else {
        c
    }
}

fn service(code: String, modifiers: Vec<String>, units: u16) -> GoldService {
    GoldService { code, modifiers, units, evidence: Vec::new(), rationale: imported_rationale() }
}

/// A FHIR Bundle carries codes, not the words that support them nor the reasons: the instructor adds both before
/// the case is published (the pack check lists what is missing).
fn imported_rationale() -> Rationale {
    Rationale { text: String::new(), rules: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_narratives_decode() {
        assert_eq!(base64_decode("SGVsbG8sIHdvcmxk").unwrap(), b"Hello, world");
        assert_eq!(narrative_text("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>BP 120/80 &amp; HR 72</p><p>Plan</p></div>"), "BP 120/80 & HR 72\nPlan\n");
        assert_eq!(dotted("E1122"), "E11.22");
        assert_eq!(dotted("I10"), "I10");
    }
}
