//! The workstation's coding form. Its fields are flat names a plain HTML form posts and a draft keeps:
//!
//! | field | meaning |
//! |---|---|
//! | `dx.N.code`, `dx.N.poa`, `dx.N.why`, `dx.N.rule`, `dx.N.evidence` | diagnosis N (in order: the first is the principal or first-listed) |
//! | `px.N.code`, `px.N.why`, `px.N.rule`, `px.N.evidence` | ICD-10-PCS procedure N |
//! | `svc.N.code`, `svc.N.mods`, `svc.N.units`, `svc.N.why`, `svc.N.rule`, `svc.N.evidence` | CPT/HCPCS service N |
//! | `em.code`, `em.why`, `em.rule`, `em.evidence` | the E/M level |
//! | `hcc.N.hcc`, `hcc.N.dx`, `hcc.N.m`, `hcc.N.e`, `hcc.N.a`, `hcc.N.t` | an HCC with its MEAT evidence |
//! | `an.base`, `an.time`, `an.mod_units`, `an.modifier`, `an.why` | anesthesia units |
//! | `q.N.about`, `q.N.text` | a query to the provider |
//! | `seconds`, `request_id` | the timer, and the id that makes a retried submit harmless |
//!
//! `*.evidence` (and the MEAT fields) hold a JSON array of `{"doc","quote","at"}`: the words the learner selected in
//! the record. Rows are read in the order of N; a row without a code is left out. `submission` turns the fields
//! into an audit `Submission`, and a malformed one gives the field and what would be right.

use audit::{Submission, SubmissionError};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The form's fields, in the order posted.
pub type Fields = Vec<(String, String)>;

pub fn parse(body: &str) -> Fields {
    form_urlencoded::parse(body.as_bytes()).into_owned().collect()
}

pub fn encode(fields: &Fields) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}

/// The value of a single field (the last one when posted twice).
pub fn get<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The fields of a single group (`em`, `an`) without the prefix (the last value when posted twice).
pub fn single(fields: &Fields, group: &str) -> BTreeMap<String, String> {
    fields.iter().filter_map(|(k, v)| k.strip_prefix(group).and_then(|r| r.strip_prefix('.')).map(|f| (f.to_string(), v.clone()))).collect()
}

/// The rows of a repeated group (`dx`, `px`, …) in the order of their numbers: each row's fields without the prefix.
pub fn rows(fields: &Fields, group: &str) -> Vec<BTreeMap<String, String>> {
    let mut by_n: BTreeMap<u32, BTreeMap<String, String>> = BTreeMap::new();
    for (k, v) in fields {
        let Some(rest) = k.strip_prefix(group).and_then(|r| r.strip_prefix('.')) else { continue };
        let Some((n, field)) = rest.split_once('.') else { continue };
        let Ok(n) = n.parse::<u32>() else { continue };
        by_n.entry(n).or_default().insert(field.to_string(), v.clone());
    }
    by_n.into_values().collect()
}

fn err(field: String, message: impl Into<String>) -> SubmissionError {
    SubmissionError { field, message: message.into() }
}

fn evidence(raw: Option<&String>, field: &str) -> Result<Value, SubmissionError> {
    match raw.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(json!([])),
        Some(s) => match serde_json::from_str::<Value>(s) {
            Ok(v @ Value::Array(_)) => Ok(v),
            _ => Err(err(field.to_string(), "evidence is a JSON list of {\"doc\",\"quote\"}: select words in the record to add it")),
        },
    }
}

/// A rule as the learner cites it, sorted into the kinds the audit knows by how it begins.
fn rule(text: &str) -> Value {
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    let kind = if upper.starts_with("OCG") || upper.starts_with("PCS") || upper.starts_with("SECTION") || upper.starts_with("GUIDELINE") {
        "guideline"
    } else if ["NCCI", "MCE", "MUE", "CMS", "HCC"].iter().any(|p| upper.starts_with(p)) {
        "edit"
    } else if upper.starts_with("E/M") || upper.starts_with("CPT") || upper.starts_with("ASA") || upper.starts_with("MDM") {
        "convention"
    } else {
        "tabular"
    };
    json!({"kind": kind, "ref": t})
}

fn rationale(row: &BTreeMap<String, String>, field: &str) -> Result<Option<Value>, SubmissionError> {
    let text = row.get("why").map(|s| s.trim()).unwrap_or("");
    let ev = evidence(row.get("evidence"), &format!("{field}.evidence"))?;
    let rules: Vec<Value> = row.get("rule").map(|r| r.split(';').filter(|s| !s.trim().is_empty()).map(rule).collect()).unwrap_or_default();
    if text.is_empty() && ev.as_array().is_some_and(|a| a.is_empty()) && rules.is_empty() {
        return Ok(None);
    }
    Ok(Some(json!({"text": text, "evidence": ev, "rules": rules})))
}

fn has_code(row: &BTreeMap<String, String>, key: &str) -> bool {
    row.get(key).is_some_and(|c| !c.trim().is_empty())
}

/// The submission the fields describe (blank rows left out), and the seconds on the timer.
pub fn submission(case_id: &str, fields: &Fields) -> Result<(Submission, u32), SubmissionError> {
    let mut out = Map::new();
    out.insert("case".into(), case_id.into());
    let mut diagnoses = vec![];
    for (i, row) in rows(fields, "dx").iter().enumerate().filter(|(_, r)| has_code(r, "code")) {
        let mut d = json!({"code": row["code"].trim()});
        if let Some(p) = row.get("poa").map(|p| p.trim()).filter(|p| !p.is_empty()) {
            d["poa"] = p.into();
        }
        if let Some(r) = rationale(row, &format!("dx.{i}"))? {
            d["rationale"] = r;
        }
        diagnoses.push(d);
    }
    out.insert("diagnoses".into(), diagnoses.into());
    let mut procedures = vec![];
    for (i, row) in rows(fields, "px").iter().enumerate().filter(|(_, r)| has_code(r, "code")) {
        let mut p = json!({"code": row["code"].trim()});
        if let Some(r) = rationale(row, &format!("px.{i}"))? {
            p["rationale"] = r;
        }
        procedures.push(p);
    }
    out.insert("procedures".into(), procedures.into());
    let mut services = vec![];
    for (i, row) in rows(fields, "svc").iter().enumerate().filter(|(_, r)| has_code(r, "code")) {
        let mods: Vec<&str> = row.get("mods").map(|m| m.split([' ', ',', '-']).filter(|s| !s.is_empty()).collect()).unwrap_or_default();
        let units = match row.get("units").map(|u| u.trim()).filter(|u| !u.is_empty()) {
            None => 1,
            Some(u) => u.parse::<u16>().ok().filter(|&u| u >= 1).ok_or_else(|| err(format!("svc.{i}.units"), format!("units are a whole number from 1 to 65535, not {u:?}")))?,
        };
        let mut s = json!({"code": row["code"].trim(), "modifiers": mods, "units": units});
        if let Some(r) = rationale(row, &format!("svc.{i}"))? {
            s["rationale"] = r;
        }
        services.push(s);
    }
    out.insert("services".into(), services.into());
    let em = single(fields, "em");
    if has_code(&em, "code") {
        let mut e = json!({"code": em["code"].trim()});
        if let Some(r) = rationale(&em, "em")? {
            e["rationale"] = r;
        }
        out.insert("em".into(), e);
    }
    let mut hccs = vec![];
    for (i, row) in rows(fields, "hcc").iter().enumerate().filter(|(_, r)| has_code(r, "hcc")) {
        let raw = row["hcc"].trim().trim_start_matches(|c: char| c.eq_ignore_ascii_case(&'h') || c.eq_ignore_ascii_case(&'c'));
        let hcc: u16 = raw.parse().map_err(|_| err(format!("hcc.{i}.hcc"), format!("an HCC is a number (e.g. 38 for HCC 38), not {:?}", row["hcc"])))?;
        let mut h = json!({"model": row.get("model").map(|m| m.trim()).filter(|m| !m.is_empty()).unwrap_or("V28"), "hcc": hcc, "diagnosis": row.get("dx").map(|d| d.trim()).unwrap_or("")});
        for (key, name) in [("m", "monitored"), ("e", "evaluated"), ("a", "assessed"), ("t", "treated")] {
            h[name] = evidence(row.get(key), &format!("hcc.{i}.{key}"))?;
        }
        hccs.push(h);
    }
    out.insert("hccs".into(), hccs.into());
    if let Some(base) = get(fields, "an.base").map(str::trim).filter(|b| !b.is_empty()) {
        let num = |k: &str, what: &str| -> Result<u16, SubmissionError> {
            let v = get(fields, k).map(str::trim).unwrap_or("");
            if v.is_empty() {
                return Ok(0);
            }
            v.parse().map_err(|_| err(k.to_string(), format!("{what} is a whole number, not {v:?}")))
        };
        let b: u16 = base.parse().map_err(|_| err("an.base".into(), format!("base units are a whole number, not {base:?}")))?;
        let mut a = json!({"base_units": b, "time_minutes": num("an.time", "anesthesia time in minutes")?, "modifying_units": num("an.mod_units", "modifying units")?, "modifier": get(fields, "an.modifier").unwrap_or("").trim()});
        let row = single(fields, "an");
        if let Some(r) = rationale(&row, "an")? {
            a["rationale"] = r;
        }
        out.insert("anesthesia".into(), a);
    }
    let queries: Vec<Value> = rows(fields, "q")
        .iter()
        .filter(|r| r.get("text").is_some_and(|t| !t.trim().is_empty()))
        .map(|r| json!({"about": r.get("about").map(|a| a.trim()).unwrap_or(""), "text": r["text"].trim()}))
        .collect();
    out.insert("queries".into(), queries.into());
    let seconds = get(fields, "seconds").and_then(|s| s.trim().parse::<u32>().ok()).unwrap_or(0);
    if seconds > 0 {
        out.insert("minutes".into(), seconds.div_ceil(60).into());
    }
    let sub = Submission::from_json(&Value::Object(out).to_string())?;
    Ok((sub, seconds))
}

/// The fields of a submission (to draw a stored submission back into the form, or an API draft).
pub fn fields_of(sub: &Submission) -> Fields {
    let mut f: Fields = vec![];
    let mut push = |k: String, v: String| f.push((k, v));
    let why = |r: &Option<audit::submission::SubmittedRationale>| r.as_ref().map(|r| (r.text.clone(), serde_json::to_string(&r.evidence).unwrap_or_default(), r.rules.iter().map(audit::report::rule_text).collect::<Vec<_>>().join("; ")));
    for (i, d) in sub.diagnoses.iter().enumerate() {
        push(format!("dx.{i}.code"), d.code.clone());
        if let Some(p) = d.poa {
            push(format!("dx.{i}.poa"), serde_json::to_value(p).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default());
        }
        if let Some((t, e, r)) = why(&d.rationale) {
            push(format!("dx.{i}.why"), t);
            push(format!("dx.{i}.evidence"), e);
            push(format!("dx.{i}.rule"), r);
        }
    }
    for (i, p) in sub.procedures.iter().enumerate() {
        push(format!("px.{i}.code"), p.code.clone());
        if let Some((t, e, r)) = why(&p.rationale) {
            push(format!("px.{i}.why"), t);
            push(format!("px.{i}.evidence"), e);
            push(format!("px.{i}.rule"), r);
        }
    }
    for (i, s) in sub.services.iter().enumerate() {
        push(format!("svc.{i}.code"), s.code.clone());
        push(format!("svc.{i}.mods"), s.modifiers.join(" "));
        push(format!("svc.{i}.units"), s.units.to_string());
        if let Some((t, e, r)) = why(&s.rationale) {
            push(format!("svc.{i}.why"), t);
            push(format!("svc.{i}.evidence"), e);
            push(format!("svc.{i}.rule"), r);
        }
    }
    if let Some(e) = &sub.em {
        push("em.code".into(), e.code.clone());
        if let Some((t, ev, r)) = why(&e.rationale) {
            push("em.why".into(), t);
            push("em.evidence".into(), ev);
            push("em.rule".into(), r);
        }
    }
    for (i, q) in sub.queries.iter().enumerate() {
        push(format!("q.{i}.about"), q.about.clone());
        push(format!("q.{i}.text"), q.text.clone());
    }
    f
}

/// A submission error's field in words a learner reads ("diagnoses[1].poa" → "diagnosis 2, POA").
pub fn field_words(field: &str) -> String {
    let mut out = field.to_string();
    for (from, to) in [("diagnoses[", "diagnosis "), ("procedures[", "procedure "), ("services[", "service "), ("hccs[", "HCC "), ("queries[", "query ")] {
        if let Some(rest) = out.strip_prefix(from) {
            if let Some((n, tail)) = rest.split_once(']') {
                if let Ok(n) = n.parse::<usize>() {
                    out = format!("{to}{}{}", n + 1, tail.replace('.', ", "));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn rows_are_read_in_number_order_and_blank_ones_dropped() {
        let fields = f(&[("dx.10.code", "I10"), ("dx.2.code", "A41.9"), ("dx.2.poa", "Y"), ("dx.3.code", " "), ("seconds", "125")]);
        let (sub, secs) = submission("IP-0001", &fields).unwrap();
        assert_eq!(sub.diagnoses.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), vec!["A41.9", "I10"], "2 before 10, as numbers");
        assert_eq!(secs, 125);
        assert_eq!(sub.minutes, Some(3));
    }

    #[test]
    fn a_bad_poa_names_its_field() {
        let e = submission("IP-0001", &f(&[("dx.0.code", "A41.9"), ("dx.0.poa", "maybe")])).unwrap_err();
        assert!(e.field.starts_with("diagnoses[0].poa"), "{e:?}");
        assert_eq!(field_words(&e.field), "diagnosis 1, poa");
    }

    #[test]
    fn evidence_and_rules_make_a_rationale() {
        let fields = f(&[("svc.0.code", "99213"), ("svc.0.mods", "25, 59"), ("svc.0.units", "2"), ("svc.0.why", "follow-up"), ("svc.0.rule", "OCG IV.H; NCCI PTP"), ("svc.0.evidence", r#"[{"doc":"d1","quote":"seen today"}]"#)]);
        let (sub, _) = submission("ED-0001", &fields).unwrap();
        let s = &sub.services[0];
        assert_eq!((s.modifiers.clone(), s.units), (vec!["25".to_string(), "59".to_string()], 2));
        let r = s.rationale.as_ref().unwrap();
        assert_eq!(r.evidence[0].quote, "seen today");
        assert_eq!(r.rules.len(), 2);
        assert!(matches!(&r.rules[0], cases::model::Rule::Guideline(g) if g == "OCG IV.H"));
        assert!(matches!(&r.rules[1], cases::model::Rule::Edit(_)));
    }

    #[test]
    fn malformed_evidence_and_units_are_refused_by_field() {
        assert_eq!(submission("X", &f(&[("px.0.code", "0DTJ4ZZ"), ("px.0.evidence", "{not json")])).unwrap_err().field, "px.0.evidence");
        assert_eq!(submission("X", &f(&[("svc.0.code", "J1885"), ("svc.0.units", "0")])).unwrap_err().field, "svc.0.units");
    }

    #[test]
    fn a_submission_drawn_back_into_fields_reads_the_same() {
        let fields = f(&[("dx.0.code", "E11.22"), ("dx.0.poa", "Y"), ("dx.0.why", "CKD due to diabetes"), ("dx.0.evidence", r#"[{"doc":"h","quote":"diabetic CKD"}]"#), ("dx.1.code", "N18.3"), ("px.0.code", "0DTJ4ZZ"), ("em.code", "99223"), ("q.0.about", "sepsis"), ("q.0.text", "Please clarify")]);
        let (sub, _) = submission("IP-0001", &fields).unwrap();
        let (again, _) = submission("IP-0001", &fields_of(&sub)).unwrap();
        assert_eq!(again, sub);
    }
}
