//! HCPCS Level II codes and modifiers, read from the CMS "ANWEB" fixed-width file.
//!
//! CMS publishes HCPCS Level II quarterly as a zip holding `HCPC<YYYY>_<MON>_ANWEB.txt` (older years:
//! `HCPC<YYYY>_CONTR_ANWEB.txt`), one 320-character record per line, described by the
//! `HCPC<YYYY>_recordlayout.txt` that ships beside it. The columns used here (1-based, inclusive):
//!
//! | columns | field | note |
//! |---|---|---|
//! | 1-5 | HCPCS code | a procedure code is a letter and four digits; a modifier is two characters in columns 4-5, columns 1-3 blank |
//! | 6-10 | sequence number | orders the lines of one code |
//! | 11 | record identification code | `3` first line of a procedure, `4` its continuation, `7` first line of a modifier, `8` its continuation |
//! | 12-91 | long description | 80 characters a line; a longer description continues on `4`/`8` lines |
//! | 92-119 | short description | 28 characters |
//! | 120-127 | pricing indicators | four 2-character codes |
//! | 128 | multiple pricing indicator | |
//! | 230 | coverage code | |
//! | 257-259 | BETOS code | Berenson-Eggers type of service |
//! | 261-265 | type of service codes | five 1-character codes |
//! | 266-268 | anesthesia base units | |
//! | 269-276 | code added date | `YYYYMMDD` |
//! | 277-284 | action effective date | `YYYYMMDD` |
//! | 285-292 | termination date | `YYYYMMDD` |
//! | 293 | action code | |
//!
//! The columns were checked against three independent public readers of the file, which agree with one
//! another: the R package `dewittpe/cms.hcpcs` (`data-raw/import.R`, reading `HCPC2019_CONTR_ANWEB.txt`
//! with `substr` positions), the Go source `bloomsource` reader of `HCPC2015_CONTR_ANWEB_v2.txt` (field
//! start/end indexes, including "HCPCS Modifier Code" at 4-5), and an EHR's PHP importer of
//! `HCPC<YYYY>_A-N.txt` (field positions and lengths); the record identification codes and the
//! three-blank modifier prefix are also described by a public HCPCS loader's notes on the 2026 file. The
//! number of repeats (four pricing indicators, five type of service codes) matches the OMOP vocabulary
//! loader's control file for the spreadsheet form of the same file (`PRICE_CD1`-`4`, `TOS1`-`5`). The
//! groups between column 129 and 256 (coverage-manual and carrier-manual references, statute, lab
//! certification, cross references, ASC and MOG payment groups, processing note) are not read.
//!
//! `data/raw/hcpcs/builtin-anweb.txt` is a small file in this layout that ships with Codefellow: a few
//! dozen commonly taught Level II codes and modifiers with their descriptors, other columns left blank.
//!
//! Lines may stop short of column 320 (trailing blanks trimmed), may end in CRLF, and the file may open
//! with a few lines of disclaimer text before the first record; those are kept in
//! [`HcpcsFile::preamble`](crate::hcpcs::HcpcsFile::preamble). After the first record every non-blank
//! line must be a record.
//!
//! ```
//! let line = format!("{:<5}{:<5}{}{:<80}{:<28}", "G0008", "00100", "3",
//!     "Administration of influenza virus vaccine", "Admin influenza virus vac");
//! let file = importer::hcpcs::parse_anweb(&line).unwrap();
//! assert_eq!(file.procedures[0].short_description, "Admin influenza virus vac");
//! ```

use std::fmt;

/// First and last column (1-based, inclusive) of each field that is read.
mod col {
    pub(super) const CODE: (usize, usize) = (1, 5);
    pub(super) const SEQUENCE: (usize, usize) = (6, 10);
    pub(super) const RECORD_ID: usize = 11;
    pub(super) const LONG_DESCRIPTION: (usize, usize) = (12, 91);
    pub(super) const SHORT_DESCRIPTION: (usize, usize) = (92, 119);
    /// Four occurrences of two characters each.
    pub(super) const PRICING_INDICATORS: (usize, usize) = (120, 127);
    pub(super) const MULTIPLE_PRICING_INDICATOR: usize = 128;
    pub(super) const COVERAGE: usize = 230;
    pub(super) const BETOS: (usize, usize) = (257, 259);
    /// Five occurrences of one character each.
    pub(super) const TYPES_OF_SERVICE: (usize, usize) = (261, 265);
    pub(super) const ANESTHESIA_BASE_UNITS: (usize, usize) = (266, 268);
    pub(super) const ADD_DATE: (usize, usize) = (269, 276);
    pub(super) const ACTION_EFFECTIVE_DATE: (usize, usize) = (277, 284);
    pub(super) const TERMINATION_DATE: (usize, usize) = (285, 292);
    pub(super) const ACTION_CODE: usize = 293;
}

/// One parsed ANWEB file: its procedure codes and its modifiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HcpcsFile {
    /// HCPCS Level II procedure codes (record identification 3 and 4), in file order.
    pub procedures: Vec<HcpcsRecord>,
    /// HCPCS modifiers (record identification 7 and 8), in file order.
    pub modifiers: Vec<HcpcsRecord>,
    /// Non-blank lines before the first record (a disclaimer some releases put on top), as written.
    pub preamble: Vec<String>,
}

impl HcpcsFile {
    /// The procedure record for `code`, e.g. `J1885`.
    #[must_use]
    pub fn procedure(&self, code: &str) -> Option<&HcpcsRecord> {
        self.procedures.iter().find(|r| r.code == code)
    }

    /// The modifier record for `modifier`, e.g. `LT`.
    #[must_use]
    pub fn modifier(&self, modifier: &str) -> Option<&HcpcsRecord> {
        self.modifiers.iter().find(|r| r.code == modifier)
    }
}

/// One HCPCS procedure code or modifier, its continuation lines already joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HcpcsRecord {
    /// The code (`J1885`) or, for a modifier, its two characters (`LT`).
    pub code: String,
    /// The full long description, continuation lines joined with a space.
    pub long_description: String,
    /// The short description (at most 28 characters).
    pub short_description: String,
    /// The pricing indicators that are filled, e.g. `["51"]`.
    pub pricing_indicators: Vec<String>,
    /// The multiple pricing indicator, when filled.
    pub multiple_pricing_indicator: Option<char>,
    /// The Medicare coverage code (e.g. `C` carrier judgment, `D` special coverage instructions), when
    /// filled.
    pub coverage_code: Option<char>,
    /// The Berenson-Eggers type of service, e.g. `O1E`, when filled.
    pub betos: Option<String>,
    /// The CMS type of service codes that are filled.
    pub types_of_service: Vec<char>,
    /// The anesthesia base units, when filled.
    pub anesthesia_base_units: Option<u16>,
    /// The date the code was added, when filled.
    pub add_date: Option<AnwebDate>,
    /// The date the latest action on the code took effect, when filled.
    pub action_effective_date: Option<AnwebDate>,
    /// The date the code was terminated, when it has been.
    pub termination_date: Option<AnwebDate>,
    /// The action code of the latest change (e.g. `A` added, `N` no maintenance), when filled.
    pub action_code: Option<char>,
    /// The 1-based line of the record's first line, for messages about it.
    pub line: usize,
}

/// A calendar date written `YYYYMMDD` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnwebDate {
    /// The year, e.g. 2026.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day, 1 to 31.
    pub day: u8,
}

impl fmt::Display for AnwebDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What can be wrong with an ANWEB file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HcpcsError {
    /// After the first record, a non-blank line does not start with a code and a record identification.
    #[error("line {line}: \"{found}\" is not an ANWEB record; a record starts with a 5-character code (or 3 blanks and a 2-character modifier), a 5-digit sequence number and a record identification in column 11")]
    NotARecord {
        /// 1-based line number.
        line: usize,
        /// The start of the line.
        found: String,
    },
    /// Column 11 holds something other than 3, 4, 7 or 8.
    #[error("line {line}: record identification (column 11) is \"{found}\", but it must be 3 (procedure), 4 (procedure continuation), 7 (modifier) or 8 (modifier continuation)")]
    BadRecordId {
        /// 1-based line number.
        line: usize,
        /// What column 11 holds (empty when the line is shorter).
        found: String,
    },
    /// The code field does not fit the record identification: a procedure code is a letter and four
    /// digits, a modifier two letters or digits in columns 4-5.
    #[error("line {line}: code \"{found}\" (columns 1-5) does not fit record identification {record_id}: {expected}")]
    BadCode {
        /// 1-based line number.
        line: usize,
        /// Columns 1-5 as written.
        found: String,
        /// The record identification of the line.
        record_id: char,
        /// What the code should look like.
        expected: &'static str,
    },
    /// The sequence number (columns 6-10) is not five digits.
    #[error("line {line}: sequence number \"{found}\" (columns 6-10) must be five digits")]
    BadSequence {
        /// 1-based line number.
        line: usize,
        /// Columns 6-10 as written.
        found: String,
    },
    /// A continuation line (4 or 8) does not follow a first line of the same code.
    #[error("line {line}: continuation of \"{code}\" does not follow a first line (record identification {expected}) of the same code")]
    OrphanContinuation {
        /// 1-based line number.
        line: usize,
        /// The continuation's code.
        code: String,
        /// The record identification the first line should have.
        expected: char,
    },
    /// A date field is neither blank nor a valid `YYYYMMDD`.
    #[error("line {line}: {field} \"{found}\" must be a date written YYYYMMDD, or blank")]
    BadDate {
        /// 1-based line number.
        line: usize,
        /// Which date, e.g. "code added date (columns 269-276)".
        field: &'static str,
        /// The field as written.
        found: String,
    },
    /// The anesthesia base units field is neither blank nor a number.
    #[error(
        "line {line}: anesthesia base units (columns 266-268) \"{found}\" must be digits, or blank"
    )]
    BadBaseUnits {
        /// 1-based line number.
        line: usize,
        /// The field as written.
        found: String,
    },
    /// The text has no record at all.
    #[error("the file has no ANWEB records; expected lines with a HCPCS code in columns 1-5 and a record identification (3, 4, 7 or 8) in column 11")]
    NoRecords,
}

/// Parses an ANWEB fixed-width file into procedure and modifier records, joining continuation lines.
///
/// # Errors
///
/// An [`HcpcsError`] naming the line when, after the first record, a line is not a record; a record's
/// identification, code, sequence number, date or base units is malformed; a continuation does not
/// follow a first line of its code; or the text holds no record at all.
pub fn parse_anweb(text: &str) -> Result<HcpcsFile, HcpcsError> {
    let mut file = HcpcsFile {
        procedures: Vec::new(),
        modifiers: Vec::new(),
        preamble: Vec::new(),
    };
    // Which list the last first-line record went to, so a continuation can find it.
    let mut open: Option<Kind> = None;
    for (index, raw) in text.split('\n').enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // Blank lines, and a DOS end-of-file mark, carry nothing.
        if raw.chars().all(|c| c.is_whitespace() || c == '\u{1a}') {
            continue;
        }
        let chars: Vec<char> = raw.chars().collect();
        if !looks_like_record(&chars) {
            // Before the first record, such lines are a disclaimer; after it, they are an error.
            if open.is_none() {
                file.preamble.push(raw.trim_end().to_owned());
                continue;
            }
            return Err(HcpcsError::NotARecord {
                line,
                found: chars.iter().take(20).collect(),
            });
        }
        let record_id = chars.get(col::RECORD_ID - 1).copied().unwrap_or(' ');
        let kind = match record_id {
            '3' | '4' => Kind::Procedure,
            '7' | '8' => Kind::Modifier,
            _ => {
                return Err(HcpcsError::BadRecordId {
                    line,
                    found: record_id.to_string().trim().to_owned(),
                })
            }
        };
        let code = read_code(&chars, kind, record_id, line)?;
        let sequence = field(&chars, col::SEQUENCE);
        if sequence.len() != 5 || !sequence.chars().all(|c| c.is_ascii_digit()) {
            return Err(HcpcsError::BadSequence {
                line,
                found: sequence,
            });
        }
        let long = field(&chars, col::LONG_DESCRIPTION);
        if matches!(record_id, '4' | '8') {
            let list = match kind {
                Kind::Procedure => &mut file.procedures,
                Kind::Modifier => &mut file.modifiers,
            };
            let expected = if kind == Kind::Procedure { '3' } else { '7' };
            match list.last_mut() {
                Some(record) if open == Some(kind) && record.code == code => {
                    if !long.is_empty() {
                        if !record.long_description.is_empty() {
                            record.long_description.push(' ');
                        }
                        record.long_description.push_str(&long);
                    }
                }
                _ => {
                    return Err(HcpcsError::OrphanContinuation {
                        line,
                        code,
                        expected,
                    })
                }
            }
            continue;
        }
        let record = HcpcsRecord {
            code,
            long_description: long,
            short_description: field(&chars, col::SHORT_DESCRIPTION),
            pricing_indicators: chunks(&chars, col::PRICING_INDICATORS, 2),
            multiple_pricing_indicator: one(&chars, col::MULTIPLE_PRICING_INDICATOR),
            coverage_code: one(&chars, col::COVERAGE),
            betos: Some(field(&chars, col::BETOS)).filter(|b| !b.is_empty()),
            types_of_service: chunks(&chars, col::TYPES_OF_SERVICE, 1)
                .iter()
                .filter_map(|s| s.chars().next())
                .collect(),
            anesthesia_base_units: base_units(&chars, line)?,
            add_date: date(
                &chars,
                col::ADD_DATE,
                "code added date (columns 269-276)",
                line,
            )?,
            action_effective_date: date(
                &chars,
                col::ACTION_EFFECTIVE_DATE,
                "action effective date (columns 277-284)",
                line,
            )?,
            termination_date: date(
                &chars,
                col::TERMINATION_DATE,
                "termination date (columns 285-292)",
                line,
            )?,
            action_code: one(&chars, col::ACTION_CODE),
            line,
        };
        match kind {
            Kind::Procedure => file.procedures.push(record),
            Kind::Modifier => file.modifiers.push(record),
        }
        open = Some(kind);
    }
    if file.procedures.is_empty() && file.modifiers.is_empty() {
        return Err(HcpcsError::NoRecords);
    }
    Ok(file)
}

/// Whether a record is a procedure (3, 4) or a modifier (7, 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Procedure,
    Modifier,
}

/// Whether a line starts like a record: a procedure code (letter and four digits) or a modifier
/// (three blanks and two letters or digits, or the two characters left-justified), and reaches column 11.
fn looks_like_record(chars: &[char]) -> bool {
    let code = code_field(chars);
    let procedure = is_procedure_code(&code);
    let modifier = modifier_from(&code).is_some();
    (procedure || modifier) && chars.len() >= col::RECORD_ID
}

fn is_procedure_code(code: &[char]) -> bool {
    matches!(code, [letter, d1, d2, d3, d4]
        if letter.is_ascii_uppercase() && [d1, d2, d3, d4].iter().all(|d| d.is_ascii_digit()))
}

/// The two characters of a modifier written in the 5-character code field: right-justified as the
/// record layout puts it (columns 4-5), or left-justified as some exports do.
fn modifier_from(code: &[char]) -> Option<String> {
    let trimmed: String = code.iter().collect::<String>().trim().to_owned();
    let ok = trimmed.chars().count() == 2
        && trimmed
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    ok.then_some(trimmed)
}

/// Columns 1-5, the code field.
fn code_field(chars: &[char]) -> Vec<char> {
    chars.iter().take(col::CODE.1).copied().collect()
}

fn read_code(
    chars: &[char],
    kind: Kind,
    record_id: char,
    line: usize,
) -> Result<String, HcpcsError> {
    let code = code_field(chars);
    let found: String = code.iter().collect();
    match kind {
        Kind::Procedure if is_procedure_code(&code) => Ok(found),
        Kind::Modifier => modifier_from(&code).ok_or(HcpcsError::BadCode {
            line,
            found,
            record_id,
            expected: "a modifier is two letters or digits in columns 4-5, with columns 1-3 blank",
        }),
        Kind::Procedure => Err(HcpcsError::BadCode {
            line,
            found,
            record_id,
            expected:
                "a HCPCS Level II procedure code is a capital letter and four digits, e.g. J1885",
        }),
    }
}

/// The characters of columns `first..=last`, trimmed; blank when the line stops short.
fn field(chars: &[char], (first, last): (usize, usize)) -> String {
    let start = (first - 1).min(chars.len());
    let end = last.min(chars.len());
    chars
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The character in column `column`, unless it is blank or beyond the line.
fn one(chars: &[char], column: usize) -> Option<char> {
    chars
        .get(column - 1)
        .copied()
        .filter(|c| !c.is_whitespace())
}

/// The filled `width`-character occurrences of a repeated field.
fn chunks(chars: &[char], (first, last): (usize, usize), width: usize) -> Vec<String> {
    (first..=last)
        .step_by(width)
        .map(|start| field(chars, (start, start + width - 1)))
        .filter(|value| !value.is_empty())
        .collect()
}

fn base_units(chars: &[char], line: usize) -> Result<Option<u16>, HcpcsError> {
    let found = field(chars, col::ANESTHESIA_BASE_UNITS);
    if found.is_empty() {
        return Ok(None);
    }
    match found.parse::<u16>() {
        Ok(units) if found.chars().all(|c| c.is_ascii_digit()) => Ok(Some(units)),
        _ => Err(HcpcsError::BadBaseUnits { line, found }),
    }
}

fn date(
    chars: &[char],
    columns: (usize, usize),
    name: &'static str,
    line: usize,
) -> Result<Option<AnwebDate>, HcpcsError> {
    let found = field(chars, columns);
    // Blank and all-zero both mean "no date".
    if found.is_empty() || found == "00000000" {
        return Ok(None);
    }
    let bad = || HcpcsError::BadDate {
        line,
        field: name,
        found: found.clone(),
    };
    if found.len() != 8 || !found.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let number =
        |range: std::ops::Range<usize>| found.get(range).and_then(|s| s.parse::<u16>().ok());
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(4..6), number(6..8)) else {
        return Err(bad());
    };
    let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
        return Err(bad());
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(bad());
    }
    Ok(Some(AnwebDate { year, month, day }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EXCERPT: &str = include_str!("../tests/fixtures/hcpcs_anweb_excerpt.txt");
    const BUILTIN: &str = include_str!("../../../data/raw/hcpcs/builtin-anweb.txt");

    /// One record line, padded to the record identification, for tests of single fields.
    fn line(code: &str, sequence: &str, record_id: char, long: &str) -> String {
        format!("{code:<5}{sequence:<5}{record_id}{long:<80}")
    }

    #[test]
    fn a_procedure_record_reads_its_fixed_columns() {
        let file = parse_anweb(EXCERPT).unwrap();
        let j3301 = file.procedure("J3301").unwrap();
        assert_eq!(
            j3301.long_description,
            "Injection, triamcinolone acetonide, not otherwise specified, 10 mg"
        );
        assert_eq!(j3301.short_description, "Triamcinolone acet inj nos");
        assert_eq!(j3301.pricing_indicators, ["51"]);
        assert_eq!(j3301.coverage_code, Some('C'));
        assert_eq!(j3301.betos.as_deref(), Some("O1E"));
        assert_eq!(j3301.types_of_service, ['1']);
        assert_eq!(
            j3301.add_date,
            Some(AnwebDate {
                year: 1991,
                month: 1,
                day: 1
            })
        );
        assert_eq!(
            j3301
                .action_effective_date
                .map(|d| d.to_string())
                .as_deref(),
            Some("2009-01-01")
        );
        assert_eq!(j3301.termination_date, None);
        assert_eq!(j3301.action_code, Some('N'));
    }

    #[test]
    fn a_continuation_line_extends_the_long_description() {
        let file = parse_anweb(EXCERPT).unwrap();
        let g0402 = file.procedure("G0402").unwrap();
        assert_eq!(
            g0402.long_description,
            "Initial preventive physical examination; face-to-face visit, services limited to new beneficiary during the first 12 months of medicare enrollment"
        );
        assert_eq!(g0402.short_description, "Initial preventive exam");
    }

    #[test]
    fn modifiers_are_read_from_columns_four_and_five() {
        let file = parse_anweb(EXCERPT).unwrap();
        let modifiers: Vec<&str> = file.modifiers.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(modifiers, ["LT", "XU"]);
        assert_eq!(
            file.modifier("LT").unwrap().long_description,
            "Left side (used to identify procedures performed on the left side of the body)"
        );
        assert_eq!(
            file.modifier("XU").unwrap().long_description,
            "Unusual non-overlapping service, the use of a service that is distinct because it does not overlap usual components of the main service"
        );
        assert!(file.procedure("LT").is_none());
    }

    #[test]
    fn an_anesthesia_code_keeps_its_base_units_and_a_terminated_code_its_date() {
        let file = parse_anweb(EXCERPT).unwrap();
        assert_eq!(
            file.procedure("G0008").unwrap().anesthesia_base_units,
            Some(0)
        );
        let ended = file.procedure("G0202").unwrap();
        assert_eq!(
            ended.termination_date,
            Some(AnwebDate {
                year: 2017,
                month: 12,
                day: 31
            })
        );
        assert_eq!(ended.action_code, Some('D'));
    }

    #[test]
    fn crlf_line_ends_and_short_lines_are_accepted() {
        assert!(
            EXCERPT.contains("\r\n"),
            "the fixture is written with CRLF on purpose"
        );
        let file = parse_anweb(EXCERPT).unwrap();
        assert_eq!(file.procedures.len(), 4);
        assert!(file
            .procedures
            .iter()
            .all(|p| !p.long_description.ends_with('\r')));
        // LT's line stops right after its short description.
        assert_eq!(file.modifier("LT").unwrap().add_date, None);
    }

    #[test]
    fn disclaimer_lines_before_the_first_record_are_kept_as_preamble() {
        let file = parse_anweb(EXCERPT).unwrap();
        assert_eq!(file.preamble.len(), 2);
        assert!(file.preamble[0].starts_with("HCPCS Level II excerpt"));
    }

    #[test]
    fn a_stray_line_after_the_first_record_is_refused() {
        let text = format!(
            "{}\nnot a record at all\n",
            line(
                "G0008",
                "00100",
                '3',
                "Administration of influenza virus vaccine"
            )
        );
        assert!(matches!(
            parse_anweb(&text),
            Err(HcpcsError::NotARecord { line: 2, .. })
        ));
    }

    #[test]
    fn an_unknown_record_identification_is_refused_with_its_line() {
        let text = line("G0008", "00100", '5', "x");
        let err = parse_anweb(&text).unwrap_err();
        assert_eq!(
            err,
            HcpcsError::BadRecordId {
                line: 1,
                found: "5".to_owned()
            }
        );
        assert!(err.to_string().contains("must be 3 (procedure)"));
    }

    #[test]
    fn a_continuation_without_its_first_line_is_refused() {
        let text = format!(
            "{}\n{}",
            line(
                "G0008",
                "00100",
                '3',
                "Administration of influenza virus vaccine"
            ),
            line("G0009", "00200", '4', "continued")
        );
        assert_eq!(
            parse_anweb(&text),
            Err(HcpcsError::OrphanContinuation {
                line: 2,
                code: "G0009".to_owned(),
                expected: '3'
            })
        );
    }

    #[test]
    fn a_modifier_record_with_a_procedure_code_is_refused() {
        let text = line("J1885", "00100", '7', "x");
        assert!(matches!(
            parse_anweb(&text),
            Err(HcpcsError::BadCode {
                line: 1,
                record_id: '7',
                ..
            })
        ));
    }

    #[test]
    fn an_impossible_date_is_refused_with_its_field() {
        let mut text = format!(
            "{:<268}",
            line(
                "G0008",
                "00100",
                '3',
                "Administration of influenza virus vaccine"
            )
        );
        text.push_str("20231340");
        let err = parse_anweb(&text).unwrap_err();
        assert!(
            matches!(err, HcpcsError::BadDate { line: 1, field, .. } if field.starts_with("code added date")),
            "{err:?}"
        );
    }

    #[test]
    fn text_without_records_is_refused() {
        assert_eq!(parse_anweb("hello\n\n"), Err(HcpcsError::NoRecords));
        assert_eq!(parse_anweb(""), Err(HcpcsError::NoRecords));
    }

    #[test]
    fn the_built_in_file_parses_with_its_descriptors() {
        let file = parse_anweb(BUILTIN).unwrap();
        assert!(file.preamble.is_empty());
        assert!(file.procedures.len() + file.modifiers.len() >= 40);
        let g0438 = file.procedure("G0438").unwrap();
        assert_eq!(g0438.long_description, "Annual wellness visit; includes a personalized prevention plan of service (pps), initial visit");
        assert_eq!(g0438.short_description, "Ppps, initial visit");
        assert_eq!(
            file.procedure("G0439").unwrap().long_description,
            "Annual wellness visit, includes a personalized prevention plan of service (pps), subsequent visit"
        );
        assert_eq!(
            file.procedure("J1885").unwrap().long_description,
            "Injection, ketorolac tromethamine, per 15 mg"
        );
        assert_eq!(
            file.procedure("J7030").unwrap().long_description,
            "Infusion, normal saline solution , 1000 cc"
        );
        assert_eq!(
            file.modifier("GA").unwrap().long_description,
            "Waiver of liability statement issued as required by payer policy, individual case"
        );
        assert_eq!(file.modifier("QK").unwrap().long_description, "Medical direction of two, three, or four concurrent anesthesia procedures involving qualified individuals");
        // TC's long description runs over several continuation lines.
        assert!(file
            .modifier("TC")
            .unwrap()
            .long_description
            .ends_with("customary and prevailing profiles"));
    }

    #[test]
    fn the_built_in_file_holds_only_level_two_codes_and_hcpcs_modifiers() {
        let file = parse_anweb(BUILTIN).unwrap();
        for record in &file.procedures {
            assert!(
                record.code.starts_with(|c: char| c.is_ascii_uppercase()),
                "{} is not HCPCS Level II",
                record.code
            );
            assert!(record.short_description.chars().count() <= 28);
        }
        for modifier in &file.modifiers {
            // 25, 59 and 26 are CPT modifiers and must not be shipped.
            assert!(!["25", "59", "26"].contains(&modifier.code.as_str()));
        }
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in ".*") {
            let _ = parse_anweb(&text);
        }

        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..700)) {
            let _ = parse_anweb(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn record_shaped_lines_are_read_or_refused_without_panicking(
            lines in proptest::collection::vec(r"([A-Z][0-9]{4}|   [A-Z0-9]{2})[0-9 ]{5}[0-9]{1}[ -~]{0,330}\r?", 0..6)
        ) {
            let text = lines.join("\n");
            if let Ok(file) = parse_anweb(&text) {
                prop_assert!(file.procedures.iter().chain(&file.modifiers).all(|r| r.line >= 1));
            }
        }
    }
}
