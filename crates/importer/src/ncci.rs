//! NCCI procedure-to-procedure (PTP) edits and Medically Unlikely Edits (MUEs) from the CMS files a licensed
//! programme downloads.
//!
//! CMS publishes both behind the AMA's CPT licence (they are CPT code pairs and values), so Codefellow ships none:
//! a programme imports the files it has downloaded, and the audit engine applies them when present.
//!
//! Two layouts are read, as CMS ships them and as a spreadsheet program exports them:
//!
//! - **tab-delimited text**, the `.txt` inside the CMS zip;
//! - **CSV**, the `.xlsx` or `.csv` saved as comma-separated values (fields may be quoted with `"`, `""` inside
//!   quotes is a quote, and a quoted header cell may run over several lines).
//!
//! Both start with a few lines of copyright notice and column headings, which are skipped: every line before the
//! first data line whose first cell is empty or is not made of capital letters and digits. From the first data
//! line on, every non-blank line must be a valid row, or the file is refused with that line's number and the
//! reason.
//!
//! PTP rows (practitioner and hospital/outpatient files alike): column 1 code, column 2 code, `*` when the edit
//! was in existence prior to 1996 (else empty), effective date (YYYYMMDD), deletion date (YYYYMMDD, or `*` for
//! none), modifier indicator (0 not allowed, 1 allowed, 9 not applicable) and the PTP edit rationale (older
//! files have no rationale column).
//!
//! MUE rows (practitioner, outpatient hospital and DME supplier tables): the HCPCS/CPT code, the MUE value, the
//! MUE adjudication indicator (`1 Line Edit`, `2 Date of Service Edit: Policy`, `3 Date of Service Edit:
//! Clinical`; the digit alone is accepted) and the MUE rationale.
//!
//! Dates a spreadsheet program rewrote (`2024-01-01`, `1/1/2024`) are read as well; every date is kept as the
//! number YYYYMMDD.
//!
//! ```
//! use importer::ncci::{parse_ptp, parse_mue, NcciEdits, ProcedureCode};
//! // Invented codes and relationships: real CMS rows are licensed and never committed.
//! let ptp = parse_ptp("Column 1\tColumn 2\tPrior\tEffective\tDeletion\tModifier\tRationale\n\
//!                      10021\t10022\t\t20240101\t*\t1\tMutually exclusive procedures\n").unwrap();
//! let mue = parse_mue("HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n\
//!                      10021,2,2 Date of Service Edit: Policy,Anatomic Consideration\n").unwrap();
//! let mut edits = NcciEdits::default();
//! edits.add_ptp(ptp.edits);
//! edits.add_mue(mue.mues);
//! let (a, b) = (ProcedureCode::parse("10021").unwrap(), ProcedureCode::parse("10022").unwrap());
//! assert!(edits.active_pair(a, b, 20250615).is_some());
//! assert_eq!(edits.mue(a).unwrap().value, 2);
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// A CPT or HCPCS Level II code as the NCCI files write it: five characters, either four digits and a digit or a
/// capital letter (CPT Category I, II, III, PLA and the vaccine administration codes ending in A), or a capital
/// letter and four digits (HCPCS Level II).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProcedureCode([u8; 5]);

impl ProcedureCode {
    /// Reads a code; surrounding spaces and small letters are accepted. `None` when it is not CPT- or HCPCS-shaped.
    #[must_use]
    pub fn parse(text: &str) -> Option<ProcedureCode> {
        let bytes: [u8; 5] = text.trim().as_bytes().try_into().ok()?;
        let b = bytes.map(|c| c.to_ascii_uppercase());
        let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
        let cpt = digits(&b[..4]) && (b[4].is_ascii_digit() || b[4].is_ascii_uppercase());
        let hcpcs = b[0].is_ascii_uppercase() && digits(&b[1..]);
        (cpt || hcpcs).then_some(ProcedureCode(b))
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII capitals and digits get in through `parse`.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProcedureCode({})", self.as_str())
    }
}

impl Serialize for ProcedureCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ProcedureCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ProcedureCode::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a CPT or HCPCS code (5 characters)")))
    }
}

/// The layouts the readers accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Tab-delimited text, as CMS ships it inside the zip.
    Tab,
    /// Comma-separated values, as a spreadsheet program exports the CMS `.xlsx`.
    Csv,
}

/// Whether a PTP edit may be bypassed by an NCCI-associated modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModifierIndicator {
    /// `0`: the column 2 code is never paid with the column 1 code; no modifier bypasses the edit.
    NotAllowed,
    /// `1`: an NCCI-associated modifier bypasses the edit when the services were distinct.
    Allowed,
    /// `9`: the edit does not apply (CMS marks deleted edits so).
    NotApplicable,
}

impl ModifierIndicator {
    /// The digit the files use.
    #[must_use]
    pub fn digit(self) -> char {
        match self {
            ModifierIndicator::NotAllowed => '0',
            ModifierIndicator::Allowed => '1',
            ModifierIndicator::NotApplicable => '9',
        }
    }
}

/// One procedure-to-procedure edit: when both codes are reported for one patient on one date of service, the
/// column 2 code is not paid with the column 1 code (unless the modifier indicator allows a bypass).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PtpEdit {
    pub column1: ProcedureCode,
    pub column2: ProcedureCode,
    /// The edit was in existence prior to 1996 (`*` in the file).
    pub prior_1996: bool,
    /// The first date of service the edit applies to, YYYYMMDD.
    pub effective: u32,
    /// The first date of service it no longer applies to, YYYYMMDD; `None` when not deleted (`*`).
    pub deletion: Option<u32>,
    pub modifier: ModifierIndicator,
    /// CMS's reason for the edit ("Mutually exclusive procedures"…); empty in files that predate the column.
    #[serde(with = "shared_text")]
    pub rationale: Arc<str>,
}

impl PtpEdit {
    /// Whether the edit applies on a date of service (YYYYMMDD): effective ≤ date < deletion, and its modifier
    /// indicator is not 9.
    #[must_use]
    pub fn is_active(&self, date: u32) -> bool {
        self.modifier != ModifierIndicator::NotApplicable
            && self.effective <= date
            && self.deletion.is_none_or(|d| date < d)
    }
}

/// How an MUE is adjudicated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MueIndicator {
    /// `1 Line Edit`: the units of each claim line are compared with the value.
    Line,
    /// `2 Date of Service Edit: Policy`: the units of all lines on the date are summed; an absolute limit.
    DateOfServicePolicy,
    /// `3 Date of Service Edit: Clinical`: summed per date; more units are payable only in rare, documented cases.
    DateOfServiceClinical,
}

impl MueIndicator {
    /// Whether the units of all lines of the date of service are summed before the comparison (indicators 2, 3).
    #[must_use]
    pub fn per_date_of_service(self) -> bool {
        self != MueIndicator::Line
    }

    /// The digit the files use.
    #[must_use]
    pub fn digit(self) -> char {
        match self {
            MueIndicator::Line => '1',
            MueIndicator::DateOfServicePolicy => '2',
            MueIndicator::DateOfServiceClinical => '3',
        }
    }
}

/// One Medically Unlikely Edit: the most units of a code one provider reports for one patient on one date of
/// service under almost all circumstances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mue {
    pub code: ProcedureCode,
    pub value: u32,
    pub indicator: MueIndicator,
    /// CMS's basis for the value ("Anatomic Consideration", "Clinical: Data"…); may be empty.
    pub rationale: String,
}

/// Which MUE table a file is, read from its headings when they say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MueTable {
    Practitioner,
    OutpatientHospital,
    Dme,
}

/// A PTP file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PtpFile {
    pub layout: Layout,
    /// The edits in file order.
    pub edits: Vec<PtpEdit>,
}

/// An MUE file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MueFile {
    pub layout: Layout,
    /// The table the headings name, when they name one.
    pub table: Option<MueTable>,
    /// The MUEs in file order, one per code.
    pub mues: Vec<Mue>,
}

/// What can be wrong with a PTP or MUE file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NcciError {
    /// The file holds no data line.
    #[error("the file holds no {what}; expected its heading lines followed by rows such as {example}")]
    Empty {
        /// "PTP edits" or "MUEs".
        what: &'static str,
        /// A row of the expected shape.
        example: &'static str,
    },
    /// A row has too few cells, or more than the layout has.
    #[error("line {line}: {found} cells, expected {expected}")]
    Cells {
        /// 1-based line number.
        line: usize,
        /// How many cells the row has (trailing empty cells not counted).
        found: usize,
        /// What the row should hold.
        expected: &'static str,
    },
    /// A code cell is not a CPT or HCPCS code.
    #[error("line {line}: {column} \"{found}\" is not a CPT or HCPCS code (4 digits and a digit or letter, or a letter and 4 digits)")]
    BadCode {
        /// 1-based line number.
        line: usize,
        /// The column: "column 1", "column 2", "HCPCS/CPT code".
        column: &'static str,
        /// The cell as written.
        found: String,
    },
    /// A date cell is not a date.
    #[error("line {line}: {column} \"{found}\" is not a date; expected YYYYMMDD{none}")]
    BadDate {
        /// 1-based line number.
        line: usize,
        /// "effective date" or "deletion date".
        column: &'static str,
        /// The cell as written.
        found: String,
        /// What else the column allows (", or * for none" for the deletion date).
        none: &'static str,
    },
    /// The "in existence prior to 1996" cell is neither `*` nor empty.
    #[error("line {line}: the \"in existence prior to 1996\" cell is \"{found}\"; expected * or nothing")]
    BadPrior1996 {
        /// 1-based line number.
        line: usize,
        /// The cell as written.
        found: String,
    },
    /// The modifier indicator is not 0, 1 or 9.
    #[error("line {line}: modifier indicator \"{found}\"; expected 0 (not allowed), 1 (allowed) or 9 (not applicable)")]
    BadModifierIndicator {
        /// 1-based line number.
        line: usize,
        /// The cell as written.
        found: String,
    },
    /// The MUE value is not a whole number.
    #[error("line {line}: MUE value \"{found}\" is not a whole number of units")]
    BadMueValue {
        /// 1-based line number.
        line: usize,
        /// The cell as written.
        found: String,
    },
    /// The MUE adjudication indicator is not 1, 2 or 3.
    #[error("line {line}: MUE adjudication indicator \"{found}\"; expected 1 Line Edit, 2 Date of Service Edit: Policy or 3 Date of Service Edit: Clinical")]
    BadAdjudicationIndicator {
        /// 1-based line number.
        line: usize,
        /// The cell as written.
        found: String,
    },
    /// A code has two MUE rows in one file, so its value is unclear.
    #[error("line {line}: {code} already has an MUE on line {first_line}; a table gives each code one value")]
    DuplicateMue {
        /// 1-based line number of the second row.
        line: usize,
        code: ProcedureCode,
        /// 1-based line number of the first.
        first_line: usize,
    },
    /// A quoted cell is not closed before the end of the file.
    #[error("line {line}: a quoted cell opened here is never closed with \"")]
    UnclosedQuote {
        /// 1-based line number where the row starts.
        line: usize,
    },
}

impl NcciError {
    /// The 1-based line the error is about, when it is about one.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        match self {
            NcciError::Empty { .. } => None,
            NcciError::Cells { line, .. }
            | NcciError::BadCode { line, .. }
            | NcciError::BadDate { line, .. }
            | NcciError::BadPrior1996 { line, .. }
            | NcciError::BadModifierIndicator { line, .. }
            | NcciError::BadMueValue { line, .. }
            | NcciError::BadAdjudicationIndicator { line, .. }
            | NcciError::DuplicateMue { line, .. }
            | NcciError::UnclosedQuote { line } => Some(*line),
        }
    }
}

/// Reads a PTP edit file (practitioner or hospital/outpatient), tab-delimited or CSV.
///
/// # Errors
///
/// An [`NcciError`] naming the line of the first row with a bad code, date, flag or indicator or the wrong
/// number of cells, a quote left open, or no row at all.
pub fn parse_ptp(text: &str) -> Result<PtpFile, NcciError> {
    let (layout, rows) = rows(text)?;
    let mut edits = Vec::new();
    let mut texts: HashSet<Arc<str>> = HashSet::new();
    for row in rows.into_iter().filter(|r| r.data) {
        let line = row.line;
        let cells = row.cells;
        if cells.len() < 6 || cells.len() > 7 {
            let expected = "7: column 1, column 2, prior to 1996, effective date, deletion date, modifier indicator, \
                            rationale (6 in files without the rationale)";
            return Err(NcciError::Cells { line, found: cells.len(), expected });
        }
        let code = |i: usize, column: &'static str| {
            ProcedureCode::parse(&cells[i]).ok_or_else(|| NcciError::BadCode { line, column, found: cells[i].clone() })
        };
        let column1 = code(0, "column 1")?;
        let column2 = code(1, "column 2")?;
        let prior_1996 = match cells[2].as_str() {
            "*" => true,
            "" => false,
            found => return Err(NcciError::BadPrior1996 { line, found: found.into() }),
        };
        let effective = date(&cells[3])
            .ok_or_else(|| NcciError::BadDate { line, column: "effective date", found: cells[3].clone(), none: "" })?;
        let deletion = match cells[4].as_str() {
            "*" => None,
            cell => Some(date(cell).ok_or_else(|| NcciError::BadDate {
                line,
                column: "deletion date",
                found: cell.into(),
                none: ", or * for none",
            })?),
        };
        let modifier = match cells[5].as_str() {
            "0" => ModifierIndicator::NotAllowed,
            "1" => ModifierIndicator::Allowed,
            "9" => ModifierIndicator::NotApplicable,
            found => return Err(NcciError::BadModifierIndicator { line, found: found.into() }),
        };
        let rationale = intern(&mut texts, cells.get(6).map_or("", String::as_str));
        edits.push(PtpEdit { column1, column2, prior_1996, effective, deletion, modifier, rationale });
    }
    if edits.is_empty() {
        let example = "10021<TAB>10022<TAB><TAB>20240101<TAB>*<TAB>1<TAB>rationale";
        return Err(NcciError::Empty { what: "PTP edits", example });
    }
    Ok(PtpFile { layout, edits })
}

/// Reads an MUE table (practitioner, outpatient hospital or DME supplier), tab-delimited or CSV.
///
/// # Errors
///
/// An [`NcciError`] naming the line of the first row with a bad code, value or adjudication indicator, the
/// wrong number of cells, or a code given twice; a quote left open; or no row at all.
pub fn parse_mue(text: &str) -> Result<MueFile, NcciError> {
    let (layout, rows) = rows(text)?;
    let table = rows.iter().filter(|r| !r.data).find_map(|r| {
        let heading = r.cells.join(" ").to_ascii_lowercase();
        if heading.contains("practitioner") {
            Some(MueTable::Practitioner)
        } else if heading.contains("outpatient hospital") || heading.contains("facility") {
            Some(MueTable::OutpatientHospital)
        } else if heading.contains("dme") {
            Some(MueTable::Dme)
        } else {
            None
        }
    });
    let mut mues: Vec<Mue> = Vec::new();
    let mut first: HashMap<ProcedureCode, usize> = HashMap::new();
    for row in rows.into_iter().filter(|r| r.data) {
        let line = row.line;
        let cells = row.cells;
        if cells.len() < 3 || cells.len() > 4 {
            let expected = "4: HCPCS/CPT code, MUE value, MUE adjudication indicator, MUE rationale";
            return Err(NcciError::Cells { line, found: cells.len(), expected });
        }
        let code = ProcedureCode::parse(&cells[0])
            .ok_or_else(|| NcciError::BadCode { line, column: "HCPCS/CPT code", found: cells[0].clone() })?;
        let value = (!cells[1].is_empty() && cells[1].bytes().all(|b| b.is_ascii_digit()))
            .then(|| cells[1].parse::<u32>().ok())
            .flatten()
            .ok_or_else(|| NcciError::BadMueValue { line, found: cells[1].clone() })?;
        let indicator = adjudication(&cells[2])
            .ok_or_else(|| NcciError::BadAdjudicationIndicator { line, found: cells[2].clone() })?;
        if let Some(&first_line) = first.get(&code) {
            return Err(NcciError::DuplicateMue { line, code, first_line });
        }
        first.insert(code, line);
        mues.push(Mue { code, value, indicator, rationale: cells.get(3).cloned().unwrap_or_default() });
    }
    if mues.is_empty() {
        return Err(NcciError::Empty { what: "MUEs", example: "10021,2,2 Date of Service Edit: Policy,rationale" });
    }
    Ok(MueFile { layout, table, mues })
}

/// The PTP edits and MUEs a programme has imported, for one kind of claim (practitioner, outpatient hospital,
/// DME): the files of one kind are added to one set.
///
/// PTP edits are kept sorted by (column 1, column 2, effective date) with a second order by column 2, so a pair or
/// a code is found by binary search without a hash table per pair: the practitioner files hold millions of rows.
/// Serialized as the two lists; the orders are rebuilt when read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredEdits", into = "StoredEdits")]
pub struct NcciEdits {
    ptp: Vec<PtpEdit>,
    /// Indices into `ptp`, ordered by (column 2, column 1, effective).
    by_column2: Vec<u32>,
    /// Sorted by code, one per code.
    mue: Vec<Mue>,
}

#[derive(Serialize, Deserialize)]
struct StoredEdits {
    ptp: Vec<PtpEdit>,
    mue: Vec<Mue>,
}

impl From<StoredEdits> for NcciEdits {
    fn from(s: StoredEdits) -> Self {
        let mut edits = NcciEdits::default();
        edits.add_ptp(s.ptp);
        edits.add_mue(s.mue);
        edits
    }
}

impl From<NcciEdits> for StoredEdits {
    fn from(e: NcciEdits) -> Self {
        StoredEdits { ptp: e.ptp, mue: e.mue }
    }
}

impl NcciEdits {
    /// Adds PTP edits (a file, or one part of the practitioner files, which CMS splits by code range). An edit
    /// identical to one already held is kept once; the same pair with other dates is another period of the edit.
    pub fn add_ptp(&mut self, edits: impl IntoIterator<Item = PtpEdit>) {
        let mut texts: HashSet<Arc<str>> = self.ptp.iter().map(|e| e.rationale.clone()).collect();
        self.ptp.extend(edits.into_iter().map(|mut e| {
            e.rationale = intern(&mut texts, &e.rationale);
            e
        }));
        self.ptp.sort_unstable_by(|a, b| order(a).cmp(&order(b)).then_with(|| rest(a).cmp(&rest(b))));
        self.ptp.dedup();
        let mut by_column2: Vec<u32> = (0..self.ptp.len() as u32).collect();
        let ptp = &self.ptp;
        by_column2.sort_unstable_by_key(|&i| {
            let e = &ptp[i as usize];
            (e.column2, e.column1, e.effective)
        });
        self.by_column2 = by_column2;
    }

    /// Adds MUEs; a code that already has one takes the new value (a later quarter's file replaces the earlier).
    pub fn add_mue(&mut self, mues: impl IntoIterator<Item = Mue>) {
        // The new rows go first so that a stable sort and dedup keep them over the held ones.
        let mut all: Vec<Mue> = mues.into_iter().collect();
        all.reverse();
        all.append(&mut self.mue);
        all.sort_by_key(|m| m.code);
        all.dedup_by_key(|m| m.code);
        self.mue = all;
    }

    /// All PTP edits, ordered by column 1, column 2 and effective date.
    #[must_use]
    pub fn ptp(&self) -> &[PtpEdit] {
        &self.ptp
    }

    /// All MUEs, ordered by code.
    #[must_use]
    pub fn mues(&self) -> &[Mue] {
        &self.mue
    }

    /// Whether the set holds nothing (nothing imported).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ptp.is_empty() && self.mue.is_empty()
    }

    /// Every edit (all periods, active or not) with this column 1 and column 2 code.
    pub fn pair(&self, column1: ProcedureCode, column2: ProcedureCode) -> &[PtpEdit] {
        let start = self.ptp.partition_point(|e| (e.column1, e.column2) < (column1, column2));
        let end = self.ptp.partition_point(|e| (e.column1, e.column2) <= (column1, column2));
        &self.ptp[start..end]
    }

    /// The edit with this column 1 and column 2 code that applies on a date of service (YYYYMMDD), if any.
    #[must_use]
    pub fn active_pair(&self, column1: ProcedureCode, column2: ProcedureCode, date: u32) -> Option<&PtpEdit> {
        self.pair(column1, column2).iter().rev().find(|e| e.is_active(date))
    }

    /// Every edit (all periods) in which the code is column 1.
    pub fn as_column1(&self, code: ProcedureCode) -> &[PtpEdit] {
        let start = self.ptp.partition_point(|e| e.column1 < code);
        let end = self.ptp.partition_point(|e| e.column1 <= code);
        &self.ptp[start..end]
    }

    /// Every edit (all periods) in which the code is column 2.
    pub fn as_column2(&self, code: ProcedureCode) -> impl Iterator<Item = &PtpEdit> {
        let start = self.by_column2.partition_point(|&i| self.ptp[i as usize].column2 < code);
        let end = self.by_column2.partition_point(|&i| self.ptp[i as usize].column2 <= code);
        self.by_column2[start..end].iter().map(|&i| &self.ptp[i as usize])
    }

    /// The MUE of a code, if the set has one.
    #[must_use]
    pub fn mue(&self, code: ProcedureCode) -> Option<&Mue> {
        self.mue.binary_search_by_key(&code, |m| m.code).ok().map(|i| &self.mue[i])
    }
}

fn order(e: &PtpEdit) -> (ProcedureCode, ProcedureCode, u32) {
    (e.column1, e.column2, e.effective)
}

/// The remaining fields, so that identical edits sort next to each other and `dedup` drops the copies.
fn rest(e: &PtpEdit) -> (Option<u32>, char, bool, &str) {
    (e.deletion, e.modifier.digit(), e.prior_1996, &e.rationale)
}

/// One text shared by every edit that gives it: a few dozen rationales repeat over millions of rows.
fn intern(texts: &mut HashSet<Arc<str>>, text: &str) -> Arc<str> {
    if let Some(t) = texts.get(text) {
        return t.clone();
    }
    let t: Arc<str> = Arc::from(text);
    texts.insert(t.clone());
    t
}

/// Serde for an `Arc<str>` as a plain string (serde's own needs its `rc` feature).
mod shared_text {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::sync::Arc;

    pub fn serialize<S: Serializer>(text: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
        Ok(Arc::from(String::deserialize(d)?))
    }
}

/// A date as YYYYMMDD, from `20240101`, `2024-01-01` or `1/1/2024`.
fn date(cell: &str) -> Option<u32> {
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let (y, m, d) = if let Some(n) = number(cell, 8..=8) {
        (n / 10_000, n / 100 % 100, n % 100)
    } else if let [y, m, d] = cell.split('-').collect::<Vec<_>>()[..] {
        (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?)
    } else if let [m, d, y] = cell.split('/').collect::<Vec<_>>()[..] {
        (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?)
    } else {
        return None;
    };
    ((1900..=2199).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(y * 10_000 + m * 100 + d)
}

/// The adjudication indicator from `1 Line Edit`, `2 Date of Service Edit: Policy`, `3 …` or the digit alone.
fn adjudication(cell: &str) -> Option<MueIndicator> {
    let mut chars = cell.chars();
    let digit = chars.next()?;
    if chars.next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    match digit {
        '1' => Some(MueIndicator::Line),
        '2' => Some(MueIndicator::DateOfServicePolicy),
        '3' => Some(MueIndicator::DateOfServiceClinical),
        _ => None,
    }
}

/// A row of a delimited file: its trimmed cells (trailing empty ones dropped), the line it starts on, and whether
/// it is a data row (or a heading line before the first one).
struct Row {
    line: usize,
    cells: Vec<String>,
    data: bool,
}

/// Splits the text into rows, telling heading lines from data rows. Blank rows are left out.
fn rows(text: &str) -> Result<(Layout, Vec<Row>), NcciError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let layout = layout(text);
    let separator = if layout == Layout::Tab { '\t' } else { ',' };
    let mut rows = records(text, separator)?;
    rows.retain(|r| !r.cells.is_empty());
    let mut in_data = false;
    for row in &mut rows {
        // A heading cell is empty or has something other than capitals and digits ("Column 1", "HCPCS/CPT Code",
        // a copyright notice); a code, even a malformed one, has not.
        let first = &row.cells[0];
        in_data = in_data || (!first.is_empty() && first.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        row.data = in_data;
    }
    Ok((layout, rows))
}

/// The layout: the character after the first code that opens a line, else tab when the text has a tab.
fn layout(text: &str) -> Layout {
    for line in text.lines() {
        let line = line.trim_start().trim_start_matches('"');
        if line.len() > 5 && line.is_char_boundary(5) && ProcedureCode::parse(&line[..5]).is_some() {
            match line[5..].trim_start_matches('"').chars().next() {
                Some('\t') => return Layout::Tab,
                Some(',') => return Layout::Csv,
                _ => {}
            }
        }
    }
    if text.contains('\t') {
        Layout::Tab
    } else {
        Layout::Csv
    }
}

/// Splits delimited text into records of trimmed cells. A cell that opens with `"` is quoted: it runs to the
/// closing quote, across separators and line ends, with `""` for a quote. Other quotes are kept as written.
fn records(text: &str, separator: char) -> Result<Vec<Row>, NcciError> {
    let mut out = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let (mut line, mut start) = (1, 1);
    let (mut quoted, mut cell_start) = (false, true);
    let finish = |cells: &mut Vec<String>, cell: &mut String, out: &mut Vec<Row>, start: usize| {
        cells.push(std::mem::take(cell).trim().to_string());
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        out.push(Row { line: start, cells: std::mem::take(cells), data: false });
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\r' => {}
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell_start => quoted = true,
            '\r' => {}
            '\n' => {
                finish(&mut cells, &mut cell, &mut out, start);
                line += 1;
                start = line;
            }
            c if c == separator => cells.push(std::mem::take(&mut cell).trim().to_string()),
            c => cell.push(c),
        }
        cell_start = c == separator || c == '\n' || (cell_start && c == ' ');
    }
    if quoted {
        return Err(NcciError::UnclosedQuote { line: start });
    }
    if !cell.is_empty() || !cells.is_empty() {
        finish(&mut cells, &mut cell, &mut out, start);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_cpt_or_hcpcs_shaped() {
        for ok in ["99213", "0001F", "0042T", "0001U", "0001A", "J1885", "g0439", " 20610 "] {
            assert!(ProcedureCode::parse(ok).is_some(), "{ok}");
        }
        for bad in ["9921", "992133", "J188", "JJ885", "9921-", "", "99.21"] {
            assert!(ProcedureCode::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(ProcedureCode::parse("g0439").unwrap().as_str(), "G0439");
    }

    #[test]
    fn dates_are_read_in_the_cms_and_the_spreadsheet_forms() {
        assert_eq!(date("20240101"), Some(20240101));
        assert_eq!(date("2024-01-01"), Some(20240101));
        assert_eq!(date("1/1/2024"), Some(20240101));
        assert_eq!(date("12/31/1995"), Some(19951231));
        for bad in ["2024011", "20241301", "20240100", "*", "", "1/1/24", "yesterday"] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_quoted_heading_cell_may_run_over_lines_and_keeps_the_row_on_its_first_line() {
        let rows = records("\"a\nb\",c\nd,\"e \"\"f\"\"\",,\n", ',').unwrap();
        assert_eq!(rows[0].line, 1);
        assert_eq!(rows[0].cells, ["a\nb", "c"]);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].cells, ["d", "e \"f\""]);
        assert!(matches!(records("x\ny,\"open\n", ','), Err(NcciError::UnclosedQuote { line: 2 })));
    }

    #[test]
    fn the_adjudication_indicator_is_read_from_its_label_or_digit() {
        assert_eq!(adjudication("1 Line Edit"), Some(MueIndicator::Line));
        assert_eq!(adjudication("2 Date of Service Edit: Policy"), Some(MueIndicator::DateOfServicePolicy));
        assert_eq!(adjudication("3"), Some(MueIndicator::DateOfServiceClinical));
        assert_eq!(adjudication("12"), None);
        assert_eq!(adjudication("Line Edit"), None);
    }

    proptest::proptest! {
        #[test]
        fn no_text_makes_a_reader_panic(text in "(?s).{0,300}") {
            let _ = parse_ptp(&text);
            let _ = parse_mue(&text);
        }

        #[test]
        fn rows_of_cells_made_of_digits_tabs_stars_and_quotes_never_panic(text in "[0-9A-Z\t*\",\n ]{0,300}") {
            let _ = parse_ptp(&text);
            let _ = parse_mue(&text);
        }
    }
}
