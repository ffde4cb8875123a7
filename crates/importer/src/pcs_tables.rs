//! The ICD-10-PCS tables, read from the CMS release file `icd10pcs_tables_YYYY.xml`.
//!
//! ICD-10-PCS codes are built from tables. The first three characters pick a table (in the Medical and
//! Surgical section: section, body system, root operation); each table has rows, and a code is valid only
//! if characters 4 to 7 (body part, approach, device, qualifier) are all allowed by one row. The CMS file
//! writes that directly:
//!
//! ```xml
//! <ICD10PCS.tabular>
//!   <version>2026</version>
//!   <pcsTable>
//!     <axis pos="1" values="1"><title>Section</title><label code="0">Medical and Surgical</label></axis>
//!     <axis pos="2" values="1"><title>Body System</title><label code="D">Gastrointestinal System</label></axis>
//!     <axis pos="3" values="1"><title>Operation</title><label code="T">Resection</label>
//!       <definition>Cutting out or off, without replacement, all of a body part</definition></axis>
//!     <pcsRow codes="2">
//!       <axis pos="4" values="1"><title>Body Part</title><label code="J">Appendix</label></axis>
//!       <axis pos="5" values="2"><title>Approach</title><label code="0">Open</label>
//!         <label code="4">Percutaneous Endoscopic</label></axis>
//!       <axis pos="6" values="1"><title>Device</title><label code="Z">No Device</label></axis>
//!       <axis pos="7" values="1"><title>Qualifier</title><label code="Z">No Qualifier</label></axis>
//!     </pcsRow>
//!   </pcsTable>
//! </ICD10PCS.tabular>
//! ```
//!
//! [`parse_pcs_tables`](crate::pcs_tables::parse_pcs_tables) returns one
//! [`PcsTable`](crate::pcs_tables::PcsTable) per `pcsTable`, and
//! [`PcsTable::codes`](crate::pcs_tables::PcsTable::codes) expands its rows
//! into the valid 7-character codes (here `0DTJ0ZZ` and `0DTJ4ZZ`).
//!
//! ```
//! let xml = r#"<ICD10PCS.tabular><pcsTable>
//!   <axis pos="1"><title>Section</title><label code="0">Medical and Surgical</label></axis>
//!   <axis pos="2"><title>Body System</title><label code="D">Gastrointestinal System</label></axis>
//!   <axis pos="3"><title>Operation</title><label code="T">Resection</label></axis>
//!   <pcsRow>
//!     <axis pos="4"><title>Body Part</title><label code="J">Appendix</label></axis>
//!     <axis pos="5"><title>Approach</title><label code="0">Open</label><label code="4">Percutaneous Endoscopic</label></axis>
//!     <axis pos="6"><title>Device</title><label code="Z">No Device</label></axis>
//!     <axis pos="7"><title>Qualifier</title><label code="Z">No Qualifier</label></axis>
//!   </pcsRow></pcsTable></ICD10PCS.tabular>"#;
//! let tables = importer::pcs_tables::parse_pcs_tables(xml).unwrap();
//! assert_eq!(tables[0].prefix(), "0DT");
//! assert_eq!(tables[0].codes(), ["0DTJ0ZZ", "0DTJ4ZZ"]);
//! ```

use crate::xml::{line_column, parse_tree, Element, TreeError, MAX_DEPTH};

/// The root element of the PCS tables file.
const ROOT: &str = "ICD10PCS.tabular";

/// One PCS table: the three characters that pick it, and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcsTable {
    /// Characters 1, 2 and 3 (in the Medical and Surgical section: section, body system, root operation).
    pub prefix: [PcsCharacter; 3],
    /// The rows; a code is valid when one row allows all of its characters 4 to 7.
    pub rows: Vec<PcsRow>,
}

/// One of the three characters that pick a table, with its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcsCharacter {
    /// The axis name, e.g. `Section`, `Body System`, `Operation`.
    pub title: String,
    /// The character and its label, e.g. `T` `Resection`.
    pub value: PcsValue,
    /// The definition the file gives for this character; the root operation's definition
    /// (character 3) is the one coders choose by.
    pub definition: Option<String>,
}

/// One allowed value of a character: the character itself and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcsValue {
    /// The character, a digit or a capital letter other than I and O.
    pub code: char,
    /// Its meaning, e.g. `Percutaneous Endoscopic`.
    pub label: String,
}

/// One row of a table: the values it allows for characters 4 to 7.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcsRow {
    /// Characters 4, 5, 6 and 7 (in the Medical and Surgical section: body part, approach, device, qualifier).
    pub axes: [PcsAxis; 4],
}

/// The values a row allows for one character position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcsAxis {
    /// The axis name, e.g. `Body Part`, `Approach`, `Device`, `Qualifier`.
    pub title: String,
    /// The allowed values, in file order; never empty.
    pub values: Vec<PcsValue>,
}

impl PcsTable {
    /// The three characters that pick this table, e.g. `0DT`.
    #[must_use]
    pub fn prefix(&self) -> String {
        self.prefix.iter().map(|c| c.value.code).collect()
    }

    /// The definition of the root operation (character 3), when the file gives one.
    #[must_use]
    pub fn operation_definition(&self) -> Option<&str> {
        self.prefix[2].definition.as_deref()
    }

    /// Every valid 7-character code of the table: for each row, every combination of its values.
    #[must_use]
    pub fn codes(&self) -> Vec<String> {
        let prefix = self.prefix();
        let mut codes = Vec::new();
        for row in &self.rows {
            let [body_part, approach, device, qualifier] = &row.axes;
            for c4 in &body_part.values {
                for c5 in &approach.values {
                    for c6 in &device.values {
                        for c7 in &qualifier.values {
                            let mut code = String::with_capacity(7);
                            code.push_str(&prefix);
                            code.extend([c4.code, c5.code, c6.code, c7.code]);
                            codes.push(code);
                        }
                    }
                }
            }
        }
        codes
    }

    /// Whether characters 4 to 7 of `code` are allowed by one row of this table. The first three
    /// characters are not checked: they are what picked the table.
    #[must_use]
    pub fn row_allows(&self, code: &str) -> bool {
        let chars: Vec<char> = code.chars().collect();
        let [_, _, _, c4, c5, c6, c7] = chars.as_slice() else {
            return false;
        };
        self.rows.iter().any(|row| {
            row.axes
                .iter()
                .zip([c4, c5, c6, c7])
                .all(|(axis, c)| axis.values.iter().any(|v| v.code == *c))
        })
    }
}

/// What can be wrong with a PCS tables file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PcsTablesError {
    /// The text is not well-formed XML.
    #[error("the file is not well-formed XML at line {line}, column {column}: {message}")]
    Xml {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What the XML reader found wrong.
        message: String,
    },
    /// Elements are nested deeper than any PCS file goes, which also guards the reader's stack.
    #[error("elements are nested more than {limit} deep at line {line}, column {column}; a PCS tables file nests four deep")]
    TooDeep {
        /// The nesting limit.
        limit: usize,
        /// 1-based line where the limit was passed.
        line: usize,
        /// 1-based column where the limit was passed.
        column: usize,
    },
    /// The root element is not `<ICD10PCS.tabular>`, so this is some other file.
    #[error("the root element is <{found}>, but the PCS tables file has <ICD10PCS.tabular> (is this the PCS index or definitions file?)")]
    WrongRoot {
        /// The root element's name.
        found: String,
    },
    /// An `axis` has a `pos` that is missing, not a number, or not allowed where it is.
    #[error("<axis pos=\"{found}\"> at line {line}, column {column}: in {place} the axes must be pos {expected}")]
    BadPosition {
        /// The `pos` value (empty when missing).
        found: String,
        /// `a pcsTable` or `a pcsRow`.
        place: &'static str,
        /// The positions allowed there, e.g. `1, 2 and 3`.
        expected: &'static str,
        /// 1-based line of the axis.
        line: usize,
        /// 1-based column of the axis.
        column: usize,
    },
    /// A table or row lacks an axis, or has one twice.
    #[error("the {place} at line {line}, column {column} has {count} axes at pos {pos}, but needs exactly one")]
    AxisCount {
        /// `pcsTable` or `pcsRow`.
        place: &'static str,
        /// The character position.
        pos: u8,
        /// How many axes it has there.
        count: usize,
        /// 1-based line of the table or row.
        line: usize,
        /// 1-based column of the table or row.
        column: usize,
    },
    /// One of the three table axes does not have exactly one label: a table is picked by one value each.
    #[error("the table axis at pos {pos} (line {line}, column {column}) has {count} labels, but characters 1 to 3 pick a table with exactly one value each")]
    TableAxisValues {
        /// The character position (1 to 3).
        pos: u8,
        /// How many labels it has.
        count: usize,
        /// 1-based line of the axis.
        line: usize,
        /// 1-based column of the axis.
        column: usize,
    },
    /// A row axis allows no value at all.
    #[error("the row axis at pos {pos} (line {line}, column {column}) has no <label>; a row must allow at least one value for each of characters 4 to 7")]
    EmptyAxis {
        /// The character position (4 to 7).
        pos: u8,
        /// 1-based line of the axis.
        line: usize,
        /// 1-based column of the axis.
        column: usize,
    },
    /// A label's `code` is not one PCS character.
    #[error("<label code=\"{found}\"> at line {line}, column {column}: a PCS character is one digit or capital letter other than I and O")]
    BadValue {
        /// The `code` value (empty when missing).
        found: String,
        /// 1-based line of the label.
        line: usize,
        /// 1-based column of the label.
        column: usize,
    },
    /// The file holds no `pcsTable` at all.
    #[error("the file has no <pcsTable>; the PCS tables file has one per section, body system and operation")]
    NoTables,
}

/// Parses the ICD-10-PCS tables XML (`<ICD10PCS.tabular>` of `pcsTable`s) into tables and their rows.
///
/// # Errors
///
/// A [`PcsTablesError`] naming the line and column when the text is not well-formed XML, its root is not
/// `<ICD10PCS.tabular>`, it has no table, a table or row lacks an axis or repeats one, a table axis does
/// not have exactly one value, a row axis has none, or a value is not a PCS character.
pub fn parse_pcs_tables(xml: &str) -> Result<Vec<PcsTable>, PcsTablesError> {
    let root = parse_tree(xml).map_err(|e| match e {
        TreeError::Xml { offset, message } => {
            let (line, column) = line_column(xml, offset);
            PcsTablesError::Xml {
                line,
                column,
                message,
            }
        }
        TreeError::TooDeep { offset } => {
            let (line, column) = line_column(xml, offset);
            PcsTablesError::TooDeep {
                limit: MAX_DEPTH,
                line,
                column,
            }
        }
    })?;
    if root.name != ROOT {
        return Err(PcsTablesError::WrongRoot { found: root.name });
    }
    let tables = root
        .elements()
        .filter(|e| e.name == "pcsTable")
        .map(|t| read_table(xml, t))
        .collect::<Result<Vec<_>, _>>()?;
    if tables.is_empty() {
        return Err(PcsTablesError::NoTables);
    }
    Ok(tables)
}

fn read_table(xml: &str, table: &Element) -> Result<PcsTable, PcsTablesError> {
    let axes = collect_axes(xml, table, 1, "a pcsTable", "1, 2 and 3")?;
    let [a1, a2, a3] = exactly_one_each::<3>(xml, table, "pcsTable", 1, &axes)?;
    let prefix = [
        character(xml, 1, a1)?,
        character(xml, 2, a2)?,
        character(xml, 3, a3)?,
    ];
    let rows = table
        .elements()
        .filter(|e| e.name == "pcsRow")
        .map(|r| read_row(xml, r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PcsTable { prefix, rows })
}

fn read_row(xml: &str, row: &Element) -> Result<PcsRow, PcsTablesError> {
    let axes = collect_axes(xml, row, 4, "a pcsRow", "4, 5, 6 and 7")?;
    let [a4, a5, a6, a7] = exactly_one_each::<4>(xml, row, "pcsRow", 4, &axes)?;
    Ok(PcsRow {
        axes: [
            row_axis(xml, 4, a4)?,
            row_axis(xml, 5, a5)?,
            row_axis(xml, 6, a6)?,
            row_axis(xml, 7, a7)?,
        ],
    })
}

/// The `axis` children of a table or row with their positions, which must lie in `first..first+count`.
fn collect_axes<'a>(
    xml: &str,
    parent: &'a Element,
    first: u8,
    place: &'static str,
    expected: &'static str,
) -> Result<Vec<(u8, &'a Element)>, PcsTablesError> {
    let last = if first == 1 { 3 } else { 7 };
    parent
        .elements()
        .filter(|e| e.name == "axis")
        .map(|axis| {
            let found = axis.attribute("pos").unwrap_or_default();
            match found.trim().parse::<u8>() {
                Ok(pos) if (first..=last).contains(&pos) => Ok((pos, axis)),
                _ => {
                    let (line, column) = line_column(xml, axis.offset);
                    Err(PcsTablesError::BadPosition {
                        found: found.to_owned(),
                        place,
                        expected,
                        line,
                        column,
                    })
                }
            }
        })
        .collect()
}

/// Picks the one axis at each of `N` positions from `first`, or reports the position that has none or two.
fn exactly_one_each<'a, const N: usize>(
    xml: &str,
    parent: &Element,
    place: &'static str,
    first: u8,
    axes: &[(u8, &'a Element)],
) -> Result<[&'a Element; N], PcsTablesError> {
    let count_error = |pos: u8, count: usize| {
        let (line, column) = line_column(xml, parent.offset);
        PcsTablesError::AxisCount {
            place,
            pos,
            count,
            line,
            column,
        }
    };
    let mut picked = Vec::with_capacity(N);
    for pos in (first..=u8::MAX).take(N) {
        let at_pos: Vec<&'a Element> = axes
            .iter()
            .filter(|(p, _)| *p == pos)
            .map(|(_, axis)| *axis)
            .collect();
        match at_pos.as_slice() {
            [axis] => picked.push(*axis),
            _ => return Err(count_error(pos, at_pos.len())),
        }
    }
    // The loop pushed exactly N axes or returned early.
    picked.try_into().map_err(|_| count_error(first, 0))
}

fn character(xml: &str, pos: u8, axis: &Element) -> Result<PcsCharacter, PcsTablesError> {
    let values = labels(xml, axis)?;
    let count = values.len();
    let Ok([value]) = <[PcsValue; 1]>::try_from(values) else {
        let (line, column) = line_column(xml, axis.offset);
        return Err(PcsTablesError::TableAxisValues {
            pos,
            count,
            line,
            column,
        });
    };
    let definition = axis
        .elements()
        .find(|e| e.name == "definition")
        .map(|d| normalize_space(&d.text()))
        .filter(|d| !d.is_empty());
    Ok(PcsCharacter {
        title: axis_title(axis),
        value,
        definition,
    })
}

fn row_axis(xml: &str, pos: u8, axis: &Element) -> Result<PcsAxis, PcsTablesError> {
    let values = labels(xml, axis)?;
    if values.is_empty() {
        let (line, column) = line_column(xml, axis.offset);
        return Err(PcsTablesError::EmptyAxis { pos, line, column });
    }
    Ok(PcsAxis {
        title: axis_title(axis),
        values,
    })
}

fn labels(xml: &str, axis: &Element) -> Result<Vec<PcsValue>, PcsTablesError> {
    axis.elements()
        .filter(|e| e.name == "label")
        .map(|label| {
            let found = label.attribute("code").unwrap_or_default();
            let mut chars = found.trim().chars();
            match (chars.next(), chars.next()) {
                (Some(code), None) if is_pcs_character(code) => Ok(PcsValue {
                    code,
                    label: normalize_space(&label.text()),
                }),
                _ => {
                    let (line, column) = line_column(xml, label.offset);
                    Err(PcsTablesError::BadValue {
                        found: found.to_owned(),
                        line,
                        column,
                    })
                }
            }
        })
        .collect()
}

/// A PCS character is a digit or a capital letter; I and O are never used, to avoid confusion with 1 and 0.
fn is_pcs_character(c: char) -> bool {
    c.is_ascii_digit() || (c.is_ascii_uppercase() && c != 'I' && c != 'O')
}

fn axis_title(axis: &Element) -> String {
    axis.elements()
        .find(|e| e.name == "title")
        .map(|t| normalize_space(&t.text()))
        .unwrap_or_default()
}

fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TABLES: &str = include_str!("../tests/fixtures/icd10pcs_tables_excerpt.xml");

    #[test]
    fn each_pcs_table_is_read_with_its_three_characters() {
        let tables = parse_pcs_tables(TABLES).unwrap();
        let prefixes: Vec<String> = tables.iter().map(PcsTable::prefix).collect();
        assert_eq!(prefixes, ["0DT", "0SR", "B02"]);
        let resection = &tables[0];
        assert_eq!(resection.prefix[0].title, "Section");
        assert_eq!(resection.prefix[0].value.label, "Medical and Surgical");
        assert_eq!(resection.prefix[1].value.label, "Gastrointestinal System");
        assert_eq!(resection.prefix[2].title, "Operation");
        assert_eq!(
            resection.prefix[2].value,
            PcsValue {
                code: 'T',
                label: "Resection".to_owned()
            }
        );
    }

    #[test]
    fn the_root_operation_keeps_its_definition() {
        let tables = parse_pcs_tables(TABLES).unwrap();
        assert_eq!(
            tables[0].operation_definition(),
            Some("Cutting out or off, without replacement, all of a body part")
        );
    }

    #[test]
    fn a_row_lists_body_part_approach_device_and_qualifier_values() {
        let tables = parse_pcs_tables(TABLES).unwrap();
        let row = &tables[0].rows[0];
        let titles: Vec<&str> = row.axes.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Body Part", "Approach", "Device", "Qualifier"]);
        assert_eq!(
            row.axes[0].values[0],
            PcsValue {
                code: 'J',
                label: "Appendix".to_owned()
            }
        );
        let approaches: Vec<char> = row.axes[1].values.iter().map(|v| v.code).collect();
        assert_eq!(approaches, ['0', '4', '7', '8']);
        assert_eq!(row.axes[1].values[1].label, "Percutaneous Endoscopic");
    }

    #[test]
    fn a_table_expands_into_every_valid_code_of_its_rows() {
        let tables = parse_pcs_tables(TABLES).unwrap();
        assert_eq!(
            tables[0].codes(),
            ["0DTJ0ZZ", "0DTJ4ZZ", "0DTJ7ZZ", "0DTJ8ZZ"]
        );
        let hip = tables[1].codes();
        assert_eq!(hip.len(), 2 * 3 + 2 * 2);
        assert!(hip.contains(&"0SR9019".to_owned()));
        assert!(hip.contains(&"0SRB07Z".to_owned()));
        // Device 7 with qualifier 9 is in neither row.
        assert!(!hip.contains(&"0SR9079".to_owned()));
    }

    #[test]
    fn a_code_is_allowed_only_when_one_row_allows_all_four_characters() {
        let tables = parse_pcs_tables(TABLES).unwrap();
        assert!(tables[1].row_allows("0SR9019"));
        assert!(tables[1].row_allows("0SRB07Z"));
        assert!(!tables[1].row_allows("0SR9079"));
        assert!(!tables[1].row_allows("0SR90"));
    }

    #[test]
    fn tables_outside_medical_and_surgical_keep_their_own_axis_names() {
        let tables = parse_pcs_tables(TABLES).unwrap();
        let imaging = &tables[2];
        assert_eq!(imaging.prefix[2].title, "Type");
        assert_eq!(imaging.prefix[2].definition, None);
        assert_eq!(imaging.rows[0].axes[1].title, "Contrast");
        assert_eq!(imaging.codes(), ["B020ZZZ"]);
    }

    #[test]
    fn a_table_axis_with_two_values_is_refused() {
        let xml = TABLES.replacen(r#"<label code="D">Gastrointestinal System</label>"#, r#"<label code="D">Gastrointestinal System</label><label code="F">Hepatobiliary System and Pancreas</label>"#, 1);
        assert!(matches!(
            parse_pcs_tables(&xml),
            Err(PcsTablesError::TableAxisValues {
                pos: 2,
                count: 2,
                ..
            })
        ));
    }

    #[test]
    fn a_row_missing_an_axis_is_refused_with_the_position() {
        let xml = "<ICD10PCS.tabular><pcsTable>\n<axis pos=\"1\"><label code=\"0\">M</label></axis><axis pos=\"2\"><label code=\"D\">G</label></axis><axis pos=\"3\"><label code=\"T\">R</label></axis>\n<pcsRow><axis pos=\"4\"><label code=\"J\">A</label></axis><axis pos=\"5\"><label code=\"0\">O</label></axis><axis pos=\"7\"><label code=\"Z\">N</label></axis></pcsRow></pcsTable></ICD10PCS.tabular>";
        let err = parse_pcs_tables(xml).unwrap_err();
        assert_eq!(
            err,
            PcsTablesError::AxisCount {
                place: "pcsRow",
                pos: 6,
                count: 0,
                line: 3,
                column: 1
            }
        );
    }

    #[test]
    fn the_letters_i_and_o_are_not_pcs_characters() {
        let xml = TABLES.replacen(
            r#"<label code="J">Appendix</label>"#,
            r#"<label code="O">Appendix</label>"#,
            1,
        );
        assert!(
            matches!(parse_pcs_tables(&xml), Err(PcsTablesError::BadValue { ref found, .. }) if found == "O")
        );
    }

    #[test]
    fn an_axis_position_out_of_place_is_refused() {
        let xml = TABLES.replacen(
            r#"<axis pos="4" values="1">"#,
            r#"<axis pos="3" values="1">"#,
            1,
        );
        assert!(
            matches!(parse_pcs_tables(&xml), Err(PcsTablesError::BadPosition { ref found, .. }) if found == "3")
        );
    }

    #[test]
    fn the_cm_tabular_is_refused_by_its_root() {
        let err = parse_pcs_tables("<ICD10CM.tabular/>").unwrap_err();
        assert_eq!(
            err,
            PcsTablesError::WrongRoot {
                found: "ICD10CM.tabular".to_owned()
            }
        );
    }

    #[test]
    fn a_file_without_tables_is_refused() {
        assert_eq!(
            parse_pcs_tables("<ICD10PCS.tabular><version>2026</version></ICD10PCS.tabular>"),
            Err(PcsTablesError::NoTables)
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in ".*") {
            let _ = parse_pcs_tables(&text);
        }

        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse_pcs_tables(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn xml_shaped_noise_is_read_or_refused_without_panicking(
            text in r#"<ICD10PCS\.tabular>(<pcsTable>|</pcsTable>|<pcsRow>|</pcsRow>|<axis pos="[0-9]">|</axis>|<label code="[0-9A-Z]{0,2}">|</label>|<title>|</title>|[a-z ]){0,60}(</ICD10PCS\.tabular>)?"#
        ) {
            if let Ok(tables) = parse_pcs_tables(&text) {
                for table in tables {
                    for code in table.codes() {
                        prop_assert_eq!(code.chars().count(), 7);
                        prop_assert!(table.row_allows(&code));
                    }
                }
            }
        }
    }
}
