//! Checks a pack the way a senior coder would before publishing it: every gold code valid and reportable for the
//! fiscal year, every evidence quote present in its document, the Tabular's sequencing respected (no
//! manifestation code first; no Excludes1 pair unless a documented exception), inpatient diagnoses with POA, every
//! rationale citing a rule, and no protected health information in any document.

use crate::model::{Case, Evidence, Gold, Pack, Rationale, PACK_FORMAT};
use codeset::{CodeBook, CodeSystem};
use serde::Serialize;
use std::collections::HashSet;

/// One thing wrong with a case. Field names are stable (JSON output of `codefellow cases check`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The case id ("" for the pack itself).
    pub case: String,
    /// What in the case: "diagnosis 2 (E11.22)", "document d3", "evidence of procedure 1".
    pub item: String,
    pub message: String,
    /// What kind of problem: `code`, `evidence`, `rationale`, `sequencing`, `phi` or `structure`.
    pub kind: ProblemKind,
}

/// The kinds of problem. Evidence and rationale are an author's unfinished work; the others make a case wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    Code,
    Evidence,
    Rationale,
    Sequencing,
    Phi,
    Structure,
}

impl Problem {
    /// Whether an import must be refused for it (a wrong code, a sequencing or structure error, PHI), rather than
    /// kept for the instructor to complete (missing evidence or rationale, which a FHIR Bundle cannot carry).
    pub fn blocks_import(&self) -> bool {
        !matches!(self.kind, ProblemKind::Evidence | ProblemKind::Rationale)
    }
}

struct Ctx<'a> {
    book: &'a CodeBook,
    case: &'a Case,
    out: Vec<Problem>,
}

impl Ctx<'_> {
    fn problem(&mut self, item: impl Into<String>, message: impl Into<String>) {
        self.problem_of(ProblemKind::Structure, item, message);
    }

    fn problem_of(&mut self, kind: ProblemKind, item: impl Into<String>, message: impl Into<String>) {
        self.out.push(Problem { case: self.case.id.clone(), item: item.into(), message: message.into(), kind });
    }

    fn evidence(&mut self, item: &str, ev: &[Evidence], required: bool) {
        if required && ev.is_empty() {
            self.problem_of(ProblemKind::Evidence, item, "no evidence: quote the words of the record that support it");
        }
        for e in ev {
            let Some(doc) = self.case.documents.iter().find(|d| d.id == e.doc) else {
                self.problem_of(ProblemKind::Evidence, item, format!("evidence points at document '{}', which the case does not have", e.doc));
                continue;
            };
            if e.quote.trim().is_empty() {
                self.problem_of(ProblemKind::Evidence, item, "an evidence quote is empty");
                continue;
            }
            let found = match e.at {
                Some(at) => doc.text.get(at..at + e.quote.len()) == Some(e.quote.as_str()),
                None => doc.text.contains(&e.quote),
            };
            if !found {
                let where_ = e.at.map(|a| format!(" at byte {a}")).unwrap_or_default();
                self.problem_of(ProblemKind::Evidence, item, format!("evidence \"{}\" is not in document {}{where_}", shorten(&e.quote), e.doc));
            }
        }
    }

    fn rationale(&mut self, item: &str, r: &Rationale) {
        if r.text.trim().len() < 20 {
            self.problem_of(ProblemKind::Rationale, item, "rationale missing or too short: say why, from the record, by which rule");
        }
        if r.rules.is_empty() {
            self.problem_of(ProblemKind::Rationale, item, "rationale cites no rule: name a guideline section, a Tabular note or an edit");
        }
    }

    fn code(&mut self, item: &str, code: &str, system: CodeSystem) {
        let v = self.book.validate(code, Some(system));
        if !v.valid {
            self.problem_of(ProblemKind::Code, item, format!("{} {code}: {}", system.label(), v.reason.unwrap_or_default()));
        }
    }
}

fn shorten(s: &str) -> String {
    let t: String = s.chars().take(60).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// Every problem of a pack; an empty list means it can be published.
pub fn check_pack(pack: &Pack, book: &CodeBook) -> Vec<Problem> {
    let mut out = Vec::new();
    if pack.format != PACK_FORMAT {
        out.push(Problem { case: String::new(), item: "pack".into(), message: format!("pack format {} is not {PACK_FORMAT}, the format this build reads", pack.format), kind: ProblemKind::Structure });
    }
    let mut ids = HashSet::new();
    for c in &pack.cases {
        if !ids.insert(c.id.as_str()) {
            out.push(Problem { case: c.id.clone(), item: "case".into(), message: "the id is used by another case of the pack".into(), kind: ProblemKind::Structure });
        }
        out.extend(check_case(c, book));
    }
    out
}

/// Every problem of one case.
pub fn check_case(case: &Case, book: &CodeBook) -> Vec<Problem> {
    let mut cx = Ctx { book, case, out: Vec::new() };
    if case.id.trim().is_empty() {
        cx.problem("case", "the case has no id");
    }
    if case.tracks.is_empty() {
        cx.problem("case", "the case belongs to no track");
    }
    if case.documents.is_empty() {
        cx.problem("case", "the case has no document");
    }
    let mut doc_ids = HashSet::new();
    for d in &case.documents {
        if !doc_ids.insert(d.id.as_str()) {
            cx.problem(format!("document {}", d.id), "two documents share this id");
        }
        if d.text.trim().is_empty() {
            cx.problem(format!("document {}", d.id), "the document is empty");
        }
        for hit in crate::phi::scan(&d.text) {
            cx.problem_of(ProblemKind::Phi, format!("document {}", d.id), format!("protected health information: {hit}"));
        }
        if let Some(left) = unexpanded_alternatives(&d.text) {
            cx.problem(format!("document {}", d.id), format!("phrasing alternatives left unexpanded: '{left}' (a template's {{a|b}} reached the text)"));
        }
    }
    check_gold(&mut cx, &case.gold);
    cx.out
}

/// The first `{…|…}` in a text: a generator's phrasing choice that was never made. Clinical text has no use for
/// braces around a bar.
fn unexpanded_alternatives(text: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| i + from) {
        let Some(close) = text[open..].find('}').map(|i| i + open) else { break };
        let inner = &text[open..=close];
        if inner.contains('|') && !inner[1..].contains('{') && !inner.contains('\n') {
            return Some(inner);
        }
        from = open + 1;
    }
    None
}

/// A modifier is two characters: two digits for a CPT modifier (numbers only, like CPT codes), or a HCPCS Level II
/// modifier that the code book holds (the built-in subset, or the imported ANWEB file).
fn modifier_known(book: &CodeBook, m: &str) -> Result<(), String> {
    if m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) {
        return Err(format!("modifier '{m}' is not two digits or two capital letters/digits"));
    }
    if m.bytes().all(|b| b.is_ascii_digit()) || book.hcpcs.modifier(m).is_some() {
        Ok(())
    } else {
        Err(format!("modifier '{m}' is not a HCPCS Level II modifier in the code book (import the CMS HCPCS file if it is newer than the built-in subset)"))
    }
}

fn check_gold(cx: &mut Ctx<'_>, gold: &Gold) {
    let inpatient = cx.case.encounter.setting.is_inpatient();
    if gold.diagnoses.is_empty() {
        cx.problem("gold", "no diagnosis: every encounter reports at least one");
    }
    let cm = &cx.book.icd10cm;
    for (k, d) in gold.diagnoses.iter().enumerate() {
        let item = format!("diagnosis {} ({})", k + 1, d.code);
        cx.code(&item, &d.code, CodeSystem::Icd10Cm);
        if inpatient && d.poa.is_none() {
            cx.problem(&item, "inpatient diagnoses need a POA indicator (Y, N, U, W or 1 for exempt)");
        }
        cx.evidence(&item, &d.evidence, true);
        cx.rationale(&item, &d.rationale);
    }
    let keys: Vec<String> = gold.diagnoses.iter().map(|d| d.code.replace('.', "").trim().to_ascii_uppercase()).collect();
    if let Some(first) = keys.first() {
        if cm.is_manifestation(first) {
            cx.problem_of(ProblemKind::Sequencing, format!("diagnosis 1 ({})", gold.diagnoses[0].code), "a manifestation code (\"in diseases classified elsewhere\") is never principal or first-listed: sequence its etiology first");
        }
    }
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    for (a, b, rel) in cm.excludes1_pairs(&key_refs) {
        let (ca, cb) = (&gold.diagnoses[a].code, &gold.diagnoses[b].code);
        let excepted = gold.excludes1_exceptions.iter().any(|e| (e.codes[0] == *ca && e.codes[1] == *cb) || (e.codes[0] == *cb && e.codes[1] == *ca));
        if !excepted {
            cx.problem_of(ProblemKind::Sequencing, format!("diagnoses {} and {}", a + 1, b + 1), format!("{ca} and {cb} are reported together, but {}'s Excludes1 note forbids it (\"{}\"); record the exception if one applies", rel.from, rel.text));
        }
    }
    for (k, p) in gold.procedures.iter().enumerate() {
        let item = format!("procedure {} ({})", k + 1, p.code);
        cx.code(&item, &p.code, CodeSystem::Icd10Pcs);
        if !inpatient {
            cx.problem(&item, "ICD-10-PCS is reported for inpatient encounters; outpatient procedures are CPT/HCPCS services");
        }
        cx.evidence(&item, &p.evidence, true);
        cx.rationale(&item, &p.rationale);
    }
    for (k, s) in gold.services.iter().enumerate() {
        let item = format!("service {} ({})", k + 1, s.code);
        let v = cx.book.validate(&s.code, None);
        if !v.valid || !matches!(v.system, Some(CodeSystem::Cpt) | Some(CodeSystem::Hcpcs)) {
            cx.problem_of(ProblemKind::Code, &item, format!("a service is a CPT number or a HCPCS Level II code: {}", v.reason.unwrap_or_else(|| "this is neither".into())));
        }
        for m in &s.modifiers {
            if let Err(why) = modifier_known(cx.book, m) {
                cx.problem_of(ProblemKind::Code, &item, why);
            }
        }
        if s.units == 0 {
            cx.problem(&item, "units must be at least 1");
        }
        cx.evidence(&item, &s.evidence, true);
        cx.rationale(&item, &s.rationale);
    }
    if let Some(em) = &gold.em {
        let item = format!("E/M level ({})", em.code);
        if !gold.services.iter().any(|s| s.code == em.code) {
            cx.problem(&item, format!("the E/M level {} is not among the services: report it as a service line too", em.code));
        }
        // The words of the 2021 MDM table, element by element.
        const ELEMENT: [&str; 4] = ["minimal", "low", "moderate", "high"];
        const DATA: [&str; 4] = ["minimal", "limited", "moderate", "extensive"];
        for (name, level, words) in [("problems", &em.problems, &ELEMENT), ("data", &em.data, &DATA), ("risk", &em.risk, &ELEMENT)] {
            if !words.contains(&level.as_str()) {
                cx.problem(&item, format!("MDM {name} '{level}' is not one of the table's levels: {}", words.join(", ")));
            }
        }
        cx.evidence(&item, &em.evidence, true);
        cx.rationale(&item, &em.rationale);
    }
    for (k, h) in gold.hccs.iter().enumerate() {
        let item = format!("HCC {} ({} {})", k + 1, h.model, h.hcc);
        if !gold.diagnoses.iter().any(|d| d.code == h.diagnosis) {
            cx.problem(&item, format!("the HCC rests on {}, which is not among the gold diagnoses", h.diagnosis));
        }
        let mapped = crate::hcc_map::hccs(&h.diagnosis, &h.model);
        if !["V24", "V28"].contains(&h.model.as_str()) {
            cx.problem_of(ProblemKind::Code, &item, format!("model '{}' is not V24 or V28", h.model));
        } else if !mapped.contains(&h.hcc) {
            let says = if mapped.is_empty() { "to no HCC".to_string() } else { format!("to HCC {}", mapped.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")) };
            cx.problem_of(ProblemKind::Code, &item, format!("{} maps {says} in CMS-HCC {} (payment year 2026), not to HCC {}", h.diagnosis, h.model, h.hcc));
        }
        let meat = [&h.monitored, &h.evaluated, &h.assessed, &h.treated];
        if meat.iter().all(|m| m.is_empty()) {
            cx.problem(&item, "no MEAT: quote where the condition is monitored, evaluated, assessed or treated");
        }
        for m in meat {
            cx.evidence(&item, m, false);
        }
        cx.rationale(&item, &h.rationale);
    }
    if let Some(a) = &gold.anesthesia {
        let item = "anesthesia units".to_string();
        if !["AA", "QK", "QX", "QY", "QZ", "AD"].contains(&a.modifier.as_str()) {
            cx.problem(&item, format!("'{}' is not an anesthesia medical-direction modifier (AA, AD, QK, QX, QY, QZ)", a.modifier));
        }
        cx.evidence(&item, &a.evidence, true);
        cx.rationale(&item, &a.rationale);
    }
    for (k, n) in gold.not_coded.iter().enumerate() {
        let item = format!("not coded {} ({})", k + 1, n.about);
        if let Some(t) = &n.tempting_code {
            if gold.diagnoses.iter().any(|d| d.code == *t) || gold.services.iter().any(|s| s.code == *t) || gold.procedures.iter().any(|p| p.code == *t) {
                cx.problem_of(ProblemKind::Structure, &item, format!("{t} is said not to be coded, but the gold codes it"));
            }
            let a_modifier = t.len() == 2 && modifier_known(cx.book, t).is_ok();
            if !a_modifier && !cx.book.validate(t, None).valid && cx.book.icd10cm.node_by_key(&t.replace('.', "").to_ascii_uppercase()).is_none() {
                cx.problem_of(ProblemKind::Code, &item, format!("the tempting code {t} is neither a code nor a known modifier"));
            }
        }
        cx.evidence(&item, &n.evidence, true);
        cx.rationale(&item, &n.rationale);
    }
    for (k, q) in gold.queries.iter().enumerate() {
        let item = format!("query {}", k + 1);
        if q.text.trim().len() < 40 {
            cx.problem(&item, "the query text is missing or too short to be a compliant query");
        }
        cx.evidence(&item, &q.evidence, true);
        cx.rationale(&item, &q.rationale);
    }
}

#[cfg(test)]
mod tests {
    use super::unexpanded_alternatives;

    #[test]
    fn a_template_choice_left_in_the_text_is_found() {
        assert_eq!(unexpanded_alternatives("pain on the {right|left} side"), Some("{right|left}"));
        assert_eq!(unexpanded_alternatives("{a {b|c}"), Some("{b|c}"));
        assert_eq!(unexpanded_alternatives("BP 120/80 | HR 72 {no bar here}"), None);
        assert_eq!(unexpanded_alternatives("no braces | at all"), None);
    }
}
