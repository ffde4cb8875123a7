//! The rationale score: for each submitted code, is there a rationale, is its evidence really in the record, and is
//! the rule it cites real and about this code?
//!
//! Each of the three parts counts one third:
//! - **present**: a text or at least one piece of evidence;
//! - **evidence**: every quote stands in the document it names (1), some do (½), none or no quote (0);
//! - **rule**: at least one cited rule is real and relevant (1), cited but none checks out (0), none cited (0).
//!   A guideline must name a section of the Official Guidelines (`OCG I.C.4.a`, `OCG II`, `OCG III.B`, `OCG IV.H`,
//!   `OCG Appendix I`) or of the PCS guidelines (`PCS B3.2`); a tabular rule must name a code or category of the
//!   claim's family (the same first three characters as a code on the submission) and an instruction that code
//!   carries (Excludes1/2, code first, use additional, code also, includes, 7th character, inclusion term); an edit
//!   must name a known editor (MCE, NCCI, MUE, CMS-HCC, MPFS, OPPS, CMS manual); a convention must be non-empty.

use crate::matching::key;
use crate::submission::{Submission, SubmittedRationale};
use cases::model::{Case, Rule};
use codeset::{CodeBook, NoteKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RationaleScore {
    /// `diagnoses[0]`, `procedures[1]`, `services[0]`, `em`, `anesthesia`.
    pub item: String,
    pub code: String,
    pub present: bool,
    /// Quotes found in their document, of those given.
    pub quotes_found: usize,
    pub quotes: usize,
    pub rule_ok: bool,
    /// What is missing or wrong, for the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// 0 to 1.
    pub score: f64,
}

/// Scores every submitted code's rationale.
pub fn score_all(case: &Case, sub: &Submission, book: &CodeBook) -> Vec<RationaleScore> {
    let family: Vec<crate::matching::CodeKey> = sub.diagnoses.iter().map(|d| key(&d.code)).chain(sub.procedures.iter().map(|p| key(&p.code))).collect();
    let mut out = vec![];
    for (i, d) in sub.diagnoses.iter().enumerate() {
        out.push(score(case, book, &family, format!("diagnoses[{i}]"), &d.code, d.rationale.as_ref()));
    }
    for (i, p) in sub.procedures.iter().enumerate() {
        out.push(score(case, book, &family, format!("procedures[{i}]"), &p.code, p.rationale.as_ref()));
    }
    for (i, s) in sub.services.iter().enumerate() {
        out.push(score(case, book, &family, format!("services[{i}]"), &s.code, s.rationale.as_ref()));
    }
    if let Some(e) = &sub.em {
        out.push(score(case, book, &family, "em".into(), &e.code, e.rationale.as_ref()));
    }
    if let Some(a) = &sub.anesthesia {
        out.push(score(case, book, &family, "anesthesia".into(), &a.modifier, a.rationale.as_ref()));
    }
    for (i, h) in sub.hccs.iter().enumerate() {
        out.push(meat(case, i, h));
    }
    out
}

/// An HCC's rationale is its MEAT: present when at least one of monitored, evaluated, assessed, treated has
/// evidence; the evidence part as for codes; the "rule" part holds when the evidence found in the record covers at
/// least one MEAT element (the CMS-HCC documentation rule: a diagnosis counts only when the encounter shows it).
fn meat(case: &Case, i: usize, h: &crate::submission::SubmittedHcc) -> RationaleScore {
    let elements = [("monitored", &h.monitored), ("evaluated", &h.evaluated), ("assessed", &h.assessed), ("treated", &h.treated)];
    let mut problems = vec![];
    let (mut found, mut quotes, mut shown) = (0, 0, 0);
    for (name, ev) in elements {
        let mut any = false;
        for e in ev {
            quotes += 1;
            let hit = case.documents.iter().any(|d| d.id == e.doc && quote_in(&d.text, e));
            if hit {
                found += 1;
                any = true;
            } else {
                problems.push(format!("{name}: \"{}\" is not in {}", shorten(&e.quote), e.doc));
            }
        }
        shown += any as usize;
    }
    let present = quotes > 0;
    if !present {
        problems.push(format!("HCC {} claims no MEAT: quote where the record monitors, evaluates, assesses or treats {}", h.hcc, h.diagnosis));
    }
    let rule_ok = shown > 0;
    let score = combined(present, found, quotes, rule_ok);
    RationaleScore { item: format!("hccs[{i}]"), code: format!("{} HCC {}", h.model, h.hcc), present, quotes_found: found, quotes, rule_ok, problems, score }
}

/// The mean score (1 when nothing was submitted).
pub fn mean(scores: &[RationaleScore]) -> f64 {
    if scores.is_empty() {
        return 1.0;
    }
    let m = scores.iter().map(|s| s.score).sum::<f64>() / scores.len() as f64;
    (m * 10_000.0).round() / 10_000.0
}

fn score(case: &Case, book: &CodeBook, family: &[crate::matching::CodeKey], item: String, code: &str, r: Option<&SubmittedRationale>) -> RationaleScore {
    let mut problems = vec![];
    let present = r.is_some_and(|r| !r.text.trim().is_empty() || !r.evidence.is_empty());
    if !present {
        problems.push("no rationale: say what in the record supports the code and which rule applies".to_string());
    }
    let (mut found, mut quotes) = (0, 0);
    let mut rule_ok = false;
    if let Some(r) = r {
        for e in &r.evidence {
            quotes += 1;
            match case.documents.iter().find(|d| d.id == e.doc) {
                None => problems.push(format!("evidence names document {:?}, which the record does not have", e.doc)),
                Some(d) if quote_in(&d.text, e) => found += 1,
                Some(d) => problems.push(format!("\"{}\" is not in {} ({})", shorten(&e.quote), d.id, d.title)),
            }
        }
        if present && r.evidence.is_empty() {
            problems.push("no evidence: quote the words of the record".into());
        }
        let checks: Vec<Result<(), String>> = r.rules.iter().map(|rule| rule_check(book, family, code, rule)).collect();
        rule_ok = checks.iter().any(Result::is_ok);
        if r.rules.is_empty() {
            problems.push("no rule cited: name the guideline section, tabular instruction or edit".into());
        } else if !rule_ok {
            problems.extend(checks.into_iter().filter_map(Result::err));
        }
    }
    let score = combined(present, found, quotes, rule_ok);
    RationaleScore { item, code: code.to_string(), present, quotes_found: found, quotes, rule_ok, problems, score }
}

/// Whether the quote stands in the text: at its offset when the evidence gives one (text selected in the record, the
/// workstation's way: checked in place), else anywhere.
fn quote_in(text: &str, e: &cases::model::Evidence) -> bool {
    let q = e.quote.trim();
    if q.is_empty() {
        return false;
    }
    if let Some(at) = e.at {
        if text.get(at..).is_some_and(|rest| rest.trim_start().starts_with(q)) {
            return true;
        }
    }
    // Quotes are short and documents a few kilobytes: candidates by the first byte, then a compare, is faster than
    // building a substring searcher for each quote.
    let (t, qb) = (text.as_bytes(), q.as_bytes());
    memchr::memchr_iter(qb[0], t).any(|i| t[i..].starts_with(qb))
}

/// The three thirds: present; evidence (all quotes found 1, some ½, none or no quote 0); rule.
fn combined(present: bool, found: usize, quotes: usize, rule_ok: bool) -> f64 {
    let evidence = if quotes == 0 { 0.0 } else if found == quotes { 1.0 } else if found > 0 { 0.5 } else { 0.0 };
    ((present as u8 as f64 + evidence + rule_ok as u8 as f64) / 3.0 * 10_000.0).round() / 10_000.0
}

fn shorten(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Whether a guideline reference names a real section: `OCG` + part I–IV (or Appendix I) + optional subsections,
/// or `PCS` + a section letter and numbers (`PCS B3.2`).
fn guideline_real(r: &str) -> bool {
    let r = r.trim();
    if let Some(rest) = r.strip_prefix("OCG ") {
        let rest = rest.trim_start_matches("Section ");
        if rest.starts_with("Appendix I") {
            return true;
        }
        let mut parts = rest.split('.');
        let part = parts.next().unwrap_or("");
        return ["I", "II", "III", "IV"].contains(&part) && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
    }
    if let Some(rest) = r.strip_prefix("PCS ") {
        let mut c = rest.chars();
        return matches!(c.next(), Some('A' | 'B' | 'C')) && c.as_str().split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
    }
    false
}

/// The first code-like token of a tabular reference ("E11.22 Use additional…" → E1122).
fn cited_code(r: &str) -> Option<String> {
    let tok = r.split(|c: char| c.is_whitespace() || c == '/' || c == ',').find(|t| !t.is_empty())?;
    let k = key(tok.trim_end_matches(['-', ':']));
    (k.len() >= 3 && k.as_bytes()[0].is_ascii_alphabetic() && k.as_bytes()[1].is_ascii_digit()).then(|| k.to_string())
}

const INSTRUCTIONS: [(&str, Option<NoteKind>); 9] = [
    ("excludes1", Some(NoteKind::Excludes1)),
    ("excludes2", Some(NoteKind::Excludes2)),
    ("code first", Some(NoteKind::CodeFirst)),
    ("use additional", Some(NoteKind::UseAdditionalCode)),
    ("code also", Some(NoteKind::CodeAlso)),
    ("includes", Some(NoteKind::Includes)),
    ("inclusion term", Some(NoteKind::InclusionTerm)),
    ("7th character", None),
    ("supplementary", None),
];

fn rule_check(book: &CodeBook, family: &[crate::matching::CodeKey], code: &str, rule: &Rule) -> Result<(), String> {
    match rule {
        Rule::Guideline(r) if guideline_real(r) => Ok(()),
        Rule::Guideline(r) => Err(format!("\"{r}\" is not a section of the Official Guidelines (e.g. OCG I.C.4.a, OCG II, PCS B3.2)")),
        Rule::Tabular(r) => {
            let Some(cited) = cited_code(r) else { return Err(format!("\"{r}\" names no code: cite the code whose instruction applies")) };
            let mine = key(code);
            let related = family.iter().chain(std::iter::once(&mine)).any(|k| k.len() >= 3 && cited.len() >= 3 && k[..3] == cited[..3]);
            if !related {
                return Err(format!("\"{r}\" is about {cited}, which is not related to the codes submitted"));
            }
            let low = r.to_ascii_lowercase();
            let Some((_, kind)) = INSTRUCTIONS.iter().find(|(w, _)| low.contains(w)) else {
                // A title or inclusion term quoted as the rule: the code exists.
                return if book.describe(&cited).is_some() { Ok(()) } else { Err(format!("\"{r}\": {cited} is not a code")) };
            };
            match kind {
                None => Ok(()),
                Some(kind) => {
                    if crate::edits::relations(&book.icd10cm, key(&cited), *kind).is_empty() && *kind != NoteKind::InclusionTerm && *kind != NoteKind::Includes {
                        Err(format!("\"{r}\": {cited} carries no such instruction in the Tabular List"))
                    } else {
                        Ok(())
                    }
                }
            }
        }
        Rule::Edit(r) => {
            let known = ["MCE", "NCCI", "MUE", "CMS-HCC", "MPFS", "OPPS", "CMS ", "Medicare Claims Processing"];
            if known.iter().any(|k| r.trim_start().starts_with(k)) {
                Ok(())
            } else {
                Err(format!("\"{r}\" names no known edit (MCE, NCCI, MUE, CMS-HCC, MPFS, OPPS)"))
            }
        }
        Rule::Convention(r) if !r.trim().is_empty() => Ok(()),
        Rule::Convention(_) => Err("an empty convention".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guideline_references_must_name_a_section() {
        for ok in ["OCG II", "OCG I.C.4.a.2", "OCG Section I.B.14", "OCG Appendix I POA", "PCS B3.2", "OCG IV.H"] {
            assert!(guideline_real(ok), "{ok}");
        }
        for bad in ["OCG V.A", "guidelines", "OCG I..C", "PCS Z9", ""] {
            assert!(!guideline_real(bad), "{bad}");
        }
    }

    #[test]
    fn the_cited_code_is_read_from_a_tabular_reference() {
        assert_eq!(cited_code("E11.22 Use additional code to identify stage").as_deref(), Some("E1122"));
        assert_eq!(cited_code("I11.0/I13.0 Use additional code").as_deref(), Some("I110"));
        assert_eq!(cited_code("Chapter 15 (O00-O9A)"), None);
    }
}
