//! CPT codes and descriptors from a licensed data file that the user supplies.
//!
//! CPT is owned and licensed by the AMA: Codefellow never ships CPT descriptors, it only reads a file a
//! licensed user imports. Such files come in a few shapes, all accepted here:
//!
//! - tab-delimited or pipe-delimited lines, `code<TAB>descriptor` or `code|descriptor`;
//! - CSV with a header row naming the code column and the descriptor column (other columns are ignored,
//!   fields may be quoted with `"`, and `""` inside quotes is a quote);
//! - the AMA fixed layout `CODE descriptor`: the 5-character code, one space, the descriptor.
//!
//! The shape is taken from the first non-blank line. Blank lines are skipped; so is one header line at the
//! top (a first field that is not a CPT code and names a code column). Every other line must hold a valid
//! CPT code and a non-empty descriptor, or the file is refused with that line's number.
//!
//! A CPT code is five characters: five digits (Category I, e.g. `99213`), or four digits and `F`
//! (Category II, performance measurement), `T` (Category III, emerging technology) or `U` (Proprietary
//! Laboratory Analyses).
//!
//! ```
//! let file = importer::cpt::parse_cpt("code|descriptor\n0001F|Heart failure assessed\n").unwrap();
//! assert_eq!(file.format, importer::cpt::CptFormat::Pipe);
//! assert_eq!(file.entries[0].category, importer::cpt::CptCategory::II);
//! ```

use std::collections::HashMap;

/// One parsed CPT file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CptFile {
    /// The shape the file was read as.
    pub format: CptFormat,
    /// The codes and their descriptors, in file order.
    pub entries: Vec<CptEntry>,
}

/// The shapes of CPT file this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CptFormat {
    /// `code<TAB>descriptor` lines.
    Tab,
    /// `code|descriptor` lines.
    Pipe,
    /// Comma-separated values with a header row.
    Csv,
    /// The AMA fixed layout: the 5-character code, a space, the descriptor.
    Fixed,
}

/// One CPT code and its descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CptEntry {
    /// The five-character code, letters in capitals, e.g. `99213`, `0001F`, `0042T`, `0001U`.
    pub code: String,
    /// The descriptor as the file gives it, trimmed.
    pub descriptor: String,
    /// Which kind of CPT code it is, read from its fifth character.
    pub category: CptCategory,
    /// The 1-based line it came from.
    pub line: usize,
}

/// The kinds of CPT code, told apart by the fifth character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CptCategory {
    /// Category I: five digits, e.g. `99213`.
    I,
    /// Category II (performance measurement): four digits and `F`, e.g. `0001F`.
    II,
    /// Category III (emerging technology): four digits and `T`, e.g. `0042T`.
    III,
    /// Proprietary Laboratory Analyses: four digits and `U`, e.g. `0001U`.
    Pla,
}

impl CptCategory {
    /// The category of `code`, or `None` when it is not a CPT code.
    #[must_use]
    pub fn of(code: &str) -> Option<CptCategory> {
        let bytes = code.as_bytes();
        let [d1, d2, d3, d4, last] = bytes else {
            return None;
        };
        if ![d1, d2, d3, d4].iter().all(|d| d.is_ascii_digit()) {
            return None;
        }
        match last {
            b'0'..=b'9' => Some(CptCategory::I),
            b'F' => Some(CptCategory::II),
            b'T' => Some(CptCategory::III),
            b'U' => Some(CptCategory::Pla),
            _ => None,
        }
    }
}

/// What can be wrong with a CPT file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CptError {
    /// A line's code is not a CPT code.
    #[error("line {line}: \"{found}\" is not a CPT code; a CPT code is 5 digits (Category I), or 4 digits and F (Category II), T (Category III) or U (PLA)")]
    BadCode {
        /// 1-based line number.
        line: usize,
        /// The code field as written.
        found: String,
    },
    /// A line has a code but no descriptor.
    #[error("line {line}: code {code} has no descriptor; expected {expected}")]
    MissingDescriptor {
        /// 1-based line number.
        line: usize,
        /// The line's code.
        code: String,
        /// The line shape the file was read as.
        expected: &'static str,
    },
    /// A delimited line has more fields than the two it should have, so its descriptor is ambiguous.
    #[error("line {line}: {found} fields separated by {separator}, but a line without a header row must be exactly code{separator}descriptor")]
    TooManyFields {
        /// 1-based line number.
        line: usize,
        /// How many fields the line has.
        found: usize,
        /// The separator, shown as `TAB` or `|`.
        separator: &'static str,
    },
    /// A CSV file's first line does not name a code column and a descriptor column.
    #[error("line {line}: a CSV file needs a header row naming a code column (e.g. \"Code\") and a descriptor column (e.g. \"Descriptor\" or \"Long Description\"); found {found}")]
    CsvHeader {
        /// 1-based line number of the header.
        line: usize,
        /// The header fields as read.
        found: String,
    },
    /// A quoted CSV field is not closed on its line.
    #[error("line {line}: a quoted field is not closed with \" before the end of the line")]
    UnclosedQuote {
        /// 1-based line number.
        line: usize,
    },
    /// A line of the fixed layout does not have a space after its five-character code.
    #[error("line {line}: \"{found}\" does not follow the fixed layout: the 5-character code, one space, the descriptor")]
    BadFixedLine {
        /// 1-based line number.
        line: usize,
        /// The start of the line.
        found: String,
    },
    /// A code appears twice, so it is unclear which descriptor to keep.
    #[error("line {line}: code {code} already appeared on line {first_line}; each code must appear once")]
    DuplicateCode {
        /// 1-based line number of the second appearance.
        line: usize,
        /// The repeated code.
        code: String,
        /// 1-based line number of the first appearance.
        first_line: usize,
    },
    /// The file has no codes at all.
    #[error("the file holds no CPT codes; expected lines such as code<TAB>descriptor, code|descriptor, a CSV with a header, or \"CODE descriptor\"")]
    Empty,
}

/// Parses a user-supplied CPT file (tab- or pipe-delimited, CSV with a header, or the AMA fixed layout)
/// into codes and descriptors.
///
/// # Errors
///
/// A [`CptError`] naming the line when a line's code is not a CPT code, its descriptor is missing, a
/// delimited line has extra fields and no header names the columns, a CSV header names no code or
/// descriptor column, a quote is left open, a fixed line lacks the space after its code, a code repeats,
/// or the file holds no code at all.
pub fn parse_cpt(text: &str) -> Result<CptFile, CptError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // 1-based line numbers, line ends removed, blank lines dropped.
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.strip_suffix('\r').unwrap_or(line)))
        .filter(|(_, line)| !line.trim().is_empty())
        .peekable();
    let Some(&(first_number, first_line)) = lines.peek() else {
        return Err(CptError::Empty);
    };
    let format = if first_line.contains('\t') {
        CptFormat::Tab
    } else if first_line.contains('|') {
        CptFormat::Pipe
    } else if !starts_with_code(first_line)
        && csv_header(first_line, first_number).is_ok_and(|h| h.is_some())
    {
        CptFormat::Csv
    } else if !starts_with_code(first_line)
        && first_line.contains(',')
        && looks_like_header(first_line.split(',').next().unwrap_or_default())
    {
        // A comma-separated header that names no usable columns: say what is missing.
        let found = split_csv(first_line, first_number)?.join(", ");
        return Err(CptError::CsvHeader {
            line: first_number,
            found,
        });
    } else {
        CptFormat::Fixed
    };

    let mut entries: Vec<CptEntry> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut columns: Option<(usize, usize)> = None;
    for (index, (line, content)) in lines.enumerate() {
        let fields = match format {
            CptFormat::Tab | CptFormat::Pipe => {
                let separator = if format == CptFormat::Tab { '\t' } else { '|' };
                content
                    .split(separator)
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            }
            CptFormat::Csv => split_csv(content, line)?,
            CptFormat::Fixed => {
                if index == 0
                    && looks_like_header(content.split_whitespace().next().unwrap_or_default())
                {
                    continue;
                }
                fixed_fields(content, line)?
            }
        };
        if index == 0 && format != CptFormat::Fixed && !starts_with_code(content) {
            if let Some(header) = header_columns(&fields) {
                columns = Some(header);
                continue;
            }
            if format == CptFormat::Csv {
                // Detection above found a header, so this cannot happen; refuse rather than guess.
                return Err(CptError::CsvHeader {
                    line,
                    found: fields.join(", "),
                });
            }
            if looks_like_header(fields.first().map_or("", String::as_str)) {
                continue;
            }
        }
        let (code_field, descriptor) = match columns {
            Some((code_col, descriptor_col)) => (
                fields.get(code_col).cloned().unwrap_or_default(),
                fields.get(descriptor_col).cloned().unwrap_or_default(),
            ),
            None => match fields.as_slice() {
                [code] => (code.clone(), String::new()),
                [code, descriptor] => (code.clone(), descriptor.clone()),
                _ => {
                    let separator = if format == CptFormat::Tab { "TAB" } else { "|" };
                    return Err(CptError::TooManyFields {
                        line,
                        found: fields.len(),
                        separator,
                    });
                }
            },
        };
        let code = code_field.trim().to_ascii_uppercase();
        let Some(category) = CptCategory::of(&code) else {
            return Err(CptError::BadCode {
                line,
                found: code_field.trim().to_owned(),
            });
        };
        let descriptor = descriptor.trim().to_owned();
        if descriptor.is_empty() {
            let expected = match format {
                CptFormat::Tab => "code<TAB>descriptor",
                CptFormat::Pipe => "code|descriptor",
                CptFormat::Csv => "a value in the descriptor column",
                CptFormat::Fixed => "the 5-character code, a space, the descriptor",
            };
            return Err(CptError::MissingDescriptor {
                line,
                code,
                expected,
            });
        }
        if let Some(&first_line) = seen.get(&code) {
            return Err(CptError::DuplicateCode {
                line,
                code,
                first_line,
            });
        }
        seen.insert(code.clone(), line);
        entries.push(CptEntry {
            code,
            descriptor,
            category,
            line,
        });
    }
    if entries.is_empty() {
        return Err(CptError::Empty);
    }
    Ok(CptFile { format, entries })
}

/// Whether the line opens with a CPT code, which a header row never does (a fixed-layout descriptor may
/// happen to contain the words "code" and "description" after its comma).
fn starts_with_code(line: &str) -> bool {
    let head: String = line.trim_start().chars().take(5).collect();
    CptCategory::of(&head.to_ascii_uppercase()).is_some()
}

/// Splits a fixed-layout line into its code (the first five characters) and its descriptor.
fn fixed_fields(content: &str, line: usize) -> Result<Vec<String>, CptError> {
    let mut chars = content.chars();
    let code: String = chars.by_ref().take(5).collect();
    match chars.next() {
        None => Ok(vec![code]),
        Some(' ' | '\t') => Ok(vec![code, chars.collect()]),
        Some(_) => Err(CptError::BadFixedLine {
            line,
            found: content.chars().take(20).collect(),
        }),
    }
}

/// Whether a first field reads like a column name rather than a code: it is not a CPT code and
/// mentions a code column.
fn looks_like_header(first_field: &str) -> bool {
    let field = normalize_name(first_field);
    CptCategory::of(first_field.trim()).is_none()
        && (field.contains("code") || field == "cpt" || field == "hcpcs")
}

/// The code and descriptor column indexes, when `fields` is a header row naming both.
fn header_columns(fields: &[String]) -> Option<(usize, usize)> {
    let names: Vec<String> = fields.iter().map(|f| normalize_name(f)).collect();
    let code = names
        .iter()
        .position(|n| n.contains("code") || n == "cpt" || n == "hcpcs")?;
    // Prefer the long descriptor when a file has several descriptor columns.
    let is_descriptor = |n: &String| n.contains("desc");
    let descriptor = names
        .iter()
        .position(|n| is_descriptor(n) && n.contains("long"))
        .or_else(|| {
            names
                .iter()
                .position(|n| is_descriptor(n) && !n.contains("short") && !n.contains("medium"))
        })
        .or_else(|| names.iter().position(is_descriptor))?;
    (code != descriptor).then_some((code, descriptor))
}

/// The header's columns when `first_line` is a CSV header naming a code and a descriptor column.
fn csv_header(first_line: &str, line: usize) -> Result<Option<(usize, usize)>, CptError> {
    Ok(header_columns(&split_csv(first_line, line)?))
}

/// Lower-cases a column name and treats `_` and `-` as spaces, so `Long_Descriptor` reads as
/// `long descriptor`.
fn normalize_name(name: &str) -> String {
    name.trim()
        .trim_matches('"')
        .to_ascii_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits one CSV line into fields, honouring `"` quotes and `""` escapes.
fn split_csv(content: &str, line: usize) -> Result<Vec<String>, CptError> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = content.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, _) => field.push(c),
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, _) => field.push(c),
        }
    }
    if quoted {
        return Err(CptError::UnclosedQuote { line });
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The fixtures hold made-up descriptors: real CPT descriptors are AMA-licensed and never committed.
    const TAB: &str = include_str!("../tests/fixtures/cpt_tab.txt");
    const PIPE: &str = include_str!("../tests/fixtures/cpt_pipe.txt");
    const CSV: &str = include_str!("../tests/fixtures/cpt_header.csv");
    const FIXED: &str = include_str!("../tests/fixtures/cpt_fixed.txt");

    fn codes(file: &CptFile) -> Vec<&str> {
        file.entries.iter().map(|e| e.code.as_str()).collect()
    }

    #[test]
    fn a_tab_delimited_file_with_a_header_is_read() {
        let file = parse_cpt(TAB).unwrap();
        assert_eq!(file.format, CptFormat::Tab);
        assert_eq!(codes(&file), ["99202", "99213", "0001F", "0042T", "0001U"]);
        assert_eq!(
            file.entries[1].descriptor,
            "Test descriptor for an established patient office visit"
        );
        assert_eq!(file.entries[1].line, 3);
    }

    #[test]
    fn each_code_gets_its_category_from_its_fifth_character() {
        let file = parse_cpt(TAB).unwrap();
        let categories: Vec<CptCategory> = file.entries.iter().map(|e| e.category).collect();
        assert_eq!(
            categories,
            [
                CptCategory::I,
                CptCategory::I,
                CptCategory::II,
                CptCategory::III,
                CptCategory::Pla
            ]
        );
    }

    #[test]
    fn a_pipe_delimited_file_without_a_header_is_read_and_blank_lines_skipped() {
        let file = parse_cpt(PIPE).unwrap();
        assert_eq!(file.format, CptFormat::Pipe);
        assert_eq!(codes(&file), ["10060", "20610", "0500T"]);
        assert_eq!(file.entries[2].line, 5);
    }

    #[test]
    fn a_csv_file_is_read_by_its_header_names() {
        let file = parse_cpt(CSV).unwrap();
        assert_eq!(file.format, CptFormat::Csv);
        assert_eq!(codes(&file), ["99203", "36415", "3044F"]);
        // The long descriptor column wins over the short one, quotes and commas included.
        assert_eq!(
            file.entries[0].descriptor,
            "Test long descriptor, with a comma and a \"quoted\" word"
        );
        assert_eq!(
            file.entries[2].descriptor,
            "Test long descriptor for a Category II code"
        );
    }

    #[test]
    fn the_ama_fixed_layout_is_read() {
        let file = parse_cpt(FIXED).unwrap();
        assert_eq!(file.format, CptFormat::Fixed);
        assert_eq!(codes(&file), ["99211", "99212", "0075T"]);
        assert_eq!(
            file.entries[0].descriptor,
            "Test descriptor, which may hold commas, for a brief visit"
        );
    }

    #[test]
    fn crlf_line_ends_and_a_byte_order_mark_are_accepted() {
        let text = "\u{feff}99213\tTest descriptor\r\n0001F\tAnother test descriptor\r\n";
        let file = parse_cpt(text).unwrap();
        assert_eq!(codes(&file), ["99213", "0001F"]);
        assert_eq!(file.entries[0].descriptor, "Test descriptor");
    }

    #[test]
    fn a_hcpcs_level_two_code_is_not_a_cpt_code() {
        let err = parse_cpt("99213\tTest\nJ1885\tTest\n").unwrap_err();
        assert_eq!(
            err,
            CptError::BadCode {
                line: 2,
                found: "J1885".to_owned()
            }
        );
        assert!(err.to_string().contains("4 digits and F"));
    }

    #[test]
    fn a_code_of_the_wrong_length_is_reported_with_its_line() {
        assert_eq!(
            parse_cpt("code|descriptor\n9921|Test\n"),
            Err(CptError::BadCode {
                line: 2,
                found: "9921".to_owned()
            })
        );
    }

    #[test]
    fn a_code_without_a_descriptor_is_reported() {
        let err = parse_cpt("99213|Test\n\n99214|  \n").unwrap_err();
        assert_eq!(
            err,
            CptError::MissingDescriptor {
                line: 3,
                code: "99214".to_owned(),
                expected: "code|descriptor"
            }
        );
    }

    #[test]
    fn a_repeated_code_is_reported_with_both_lines() {
        let err = parse_cpt("99213 Test\n99214 Test\n99213 Again\n").unwrap_err();
        assert_eq!(
            err,
            CptError::DuplicateCode {
                line: 3,
                code: "99213".to_owned(),
                first_line: 1
            }
        );
    }

    #[test]
    fn an_extra_field_without_a_header_is_refused() {
        assert_eq!(
            parse_cpt("99213\tA\tB\n"),
            Err(CptError::TooManyFields {
                line: 1,
                found: 3,
                separator: "TAB"
            })
        );
    }

    #[test]
    fn a_csv_header_without_a_descriptor_column_is_refused() {
        let err = parse_cpt("Code,Units\n99213,1\n").unwrap_err();
        assert!(
            matches!(err, CptError::CsvHeader { line: 1, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn an_unclosed_quote_is_reported_with_its_line() {
        assert_eq!(
            parse_cpt("code,descriptor\n99213,\"Test\n"),
            Err(CptError::UnclosedQuote { line: 2 })
        );
    }

    #[test]
    fn a_fixed_line_needs_a_space_after_the_code() {
        assert!(matches!(
            parse_cpt("99213Test\n"),
            Err(CptError::BadFixedLine { line: 1, .. })
        ));
    }

    #[test]
    fn a_file_of_blank_lines_or_only_a_header_is_empty() {
        assert_eq!(parse_cpt("\n \r\n"), Err(CptError::Empty));
        assert_eq!(parse_cpt("CPT Code|Descriptor\n"), Err(CptError::Empty));
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in ".*") {
            let _ = parse_cpt(&text);
        }

        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse_cpt(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn every_accepted_entry_is_a_cpt_code_with_a_descriptor(
            lines in proptest::collection::vec(r#"[0-9]{4}[0-9FTUX ]([ \t|,][ -~]{0,30})?"#, 0..8)
        ) {
            if let Ok(file) = parse_cpt(&lines.join("\n")) {
                for entry in &file.entries {
                    prop_assert_eq!(CptCategory::of(&entry.code), Some(entry.category));
                    prop_assert!(!entry.descriptor.is_empty());
                }
            }
        }
    }
}
