//! Writing a case: documents whose words are marked as evidence while they are written, and the gold items that
//! point at them. A generator never types a quote twice, so evidence cannot drift from the text.

use crate::model::*;

/// A document being written. Text is appended; [`Doc::mark`] appends words and returns them as evidence.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub kind: DocumentKind,
    pub title: String,
    pub day: Option<u16>,
    pub text: String,
}

impl Doc {
    pub fn new(id: &str, kind: DocumentKind, title: &str, day: Option<u16>) -> Doc {
        Doc { id: id.into(), kind, title: title.into(), day, text: String::new() }
    }

    /// Appends words.
    pub fn add(&mut self, s: &str) -> &mut Doc {
        self.text.push_str(s);
        self
    }

    /// Appends words and a line break.
    pub fn line(&mut self, s: &str) -> &mut Doc {
        self.text.push_str(s);
        self.text.push('\n');
        self
    }

    /// Appends a blank line unless the text already ends with one (or is empty).
    pub fn gap(&mut self) -> &mut Doc {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            if !self.text.ends_with('\n') {
                self.text.push('\n');
            }
            self.text.push('\n');
        }
        self
    }

    /// A section heading in the style of the note ("ASSESSMENT AND PLAN:"), on its own line after a blank line.
    pub fn heading(&mut self, h: &str) -> &mut Doc {
        self.gap();
        self.text.push_str(h);
        self.text.push('\n');
        self
    }

    /// Appends words and returns them as evidence (leading and trailing spaces are not part of the quote).
    pub fn mark(&mut self, s: &str) -> Evidence {
        let lead = s.len() - s.trim_start().len();
        let at = self.text.len() + lead;
        self.text.push_str(s);
        Evidence { doc: self.id.clone(), quote: s.trim().to_string(), at: Some(at) }
    }

    /// Appends words that contain the evidence `quote` somewhere inside, and returns that evidence: a sentence
    /// written whole whose key words are the support ("She was started on [IV ceftriaxone] for the pneumonia").
    /// The quote must stand in the sentence (a generator bug otherwise, caught by the pack check).
    pub fn mark_in(&mut self, sentence: &str, quote: &str) -> Evidence {
        let start = self.text.len();
        self.text.push_str(sentence);
        let at = sentence.find(quote).map(|i| start + i).unwrap_or(start);
        Evidence { doc: self.id.clone(), quote: quote.to_string(), at: Some(at) }
    }

    /// [`Doc::mark`] followed by a line break.
    pub fn mark_line(&mut self, s: &str) -> Evidence {
        let e = self.mark(s);
        self.text.push('\n');
        e
    }

    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    fn finish(self) -> Document {
        Document { id: self.id, kind: self.kind, title: self.title, day: self.day, text: self.text.trim_end().to_string() + "\n" }
    }
}

/// Shorthands for the rules a rationale cites.
pub fn guideline(r: &str) -> Rule {
    Rule::Guideline(r.into())
}
pub fn tabular(r: &str) -> Rule {
    Rule::Tabular(r.into())
}
pub fn edit(r: &str) -> Rule {
    Rule::Edit(r.into())
}
pub fn convention(r: &str) -> Rule {
    Rule::Convention(r.into())
}

/// A rationale from its words and rules.
pub fn why(text: impl Into<String>, rules: Vec<Rule>) -> Rationale {
    Rationale { text: text.into(), rules }
}

/// A case being written: its documents and its gold.
#[derive(Debug, Clone)]
pub struct CaseWriter {
    pub id: String,
    pub title: String,
    pub tracks: Vec<Track>,
    pub difficulty: Difficulty,
    pub encounter: Encounter,
    pub docs: Vec<Doc>,
    pub gold: Gold,
}

impl CaseWriter {
    pub fn new(id: impl Into<String>, title: impl Into<String>, tracks: &[Track], difficulty: Difficulty, encounter: Encounter) -> CaseWriter {
        CaseWriter { id: id.into(), title: title.into(), tracks: tracks.to_vec(), difficulty, encounter, docs: Vec::new(), gold: Gold::default() }
    }

    /// A new document with the next id ("d1", "d2"…); add it back with [`CaseWriter::add_doc`] when written.
    pub fn doc(&self, kind: DocumentKind, title: &str, day: Option<u16>) -> Doc {
        Doc::new(&format!("d{}", self.docs.len() + 1), kind, title, day)
    }

    pub fn add_doc(&mut self, d: Doc) {
        self.docs.push(d);
    }

    /// A diagnosis in the gold, in the order given (the first one is principal / first-listed).
    pub fn dx(&mut self, code: &str, poa: Option<Poa>, evidence: Vec<Evidence>, rationale: Rationale) {
        self.gold.diagnoses.push(GoldDiagnosis { code: code.into(), poa, evidence, rationale });
    }

    pub fn pcs(&mut self, code: &str, evidence: Vec<Evidence>, rationale: Rationale) {
        self.gold.procedures.push(GoldProcedure { code: code.into(), evidence, rationale });
    }

    pub fn service(&mut self, code: &str, modifiers: &[&str], units: u16, evidence: Vec<Evidence>, rationale: Rationale) {
        self.gold.services.push(GoldService { code: code.into(), modifiers: modifiers.iter().map(|m| m.to_string()).collect(), units, evidence, rationale });
    }

    /// A distractor: words a learner might code but should not, and why.
    pub fn not_coded(&mut self, about: &str, tempting_code: Option<&str>, evidence: Vec<Evidence>, rationale: Rationale) {
        self.gold.not_coded.push(NotCoded { about: about.into(), tempting_code: tempting_code.map(str::to_string), evidence, rationale });
    }

    pub fn query(&mut self, about: &str, text: &str, evidence: Vec<Evidence>, rationale: Rationale) {
        self.gold.queries.push(GoldQuery { about: about.into(), text: text.into(), evidence, rationale });
    }

    /// Whether a diagnosis code is already in the gold.
    pub fn has_dx(&self, code: &str) -> bool {
        self.gold.diagnoses.iter().any(|d| d.code == code)
    }

    /// The finished case. Evidence keeps its byte offset only where the quoted words stand more than once in the
    /// document; elsewhere the quote alone finds them.
    pub fn finish(self) -> Case {
        let documents: Vec<Document> = self.docs.into_iter().map(Doc::finish).collect();
        let mut gold = self.gold;
        for ev in gold.evidence_lists_mut() {
            for e in ev.iter_mut() {
                if let Some(d) = documents.iter().find(|d| d.id == e.doc) {
                    if d.text.matches(e.quote.as_str()).count() <= 1 {
                        e.at = None;
                    }
                }
            }
        }
        Case { id: self.id, title: self.title, tracks: self.tracks, difficulty: self.difficulty, encounter: self.encounter, documents, gold }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_words_are_found_where_they_were_written() {
        let enc = Encounter { setting: Setting::PhysicianOffice, age: 60, sex: Sex::Female, length_of_stay: None, discharge_status: None };
        let mut w = CaseWriter::new("T-1", "t", &[Track::Opd], Difficulty::Foundation, enc);
        let mut d = w.doc(DocumentKind::OfficeNote, "Office Note", Some(1));
        d.line("Hypertension.");
        let once = d.mark_line("  Type 2 diabetes mellitus  ");
        let twice = d.mark_line("Hypertension.");
        let inside = d.mark_in("Started on lisinopril 10 mg daily.\n", "lisinopril 10 mg");
        w.add_doc(d);
        w.dx("E11.9", None, vec![once], why("x", vec![]));
        w.dx("I10", None, vec![twice, inside], why("x", vec![]));
        let c = w.finish();
        let text = &c.documents[0].text;
        let e = &c.gold.diagnoses[0].evidence[0];
        assert_eq!((e.quote.as_str(), e.at), ("Type 2 diabetes mellitus", None));
        let e = &c.gold.diagnoses[1].evidence[0];
        let at = e.at.expect("the repeated quote keeps its offset");
        assert_eq!(&text[at..at + e.quote.len()], "Hypertension.");
        assert!(at > 0, "the second occurrence, not the first");
        assert_eq!(c.gold.diagnoses[1].evidence[1].quote, "lisinopril 10 mg");
    }
}
