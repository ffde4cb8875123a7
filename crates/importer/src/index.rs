//! The ICD-10-CM Alphabetic Index and its tables, read from the CDC/CMS XML release files.
//!
//! The annual ICD-10-CM release ships four files with one shared root element, `<ICD10CM.index>`:
//!
//! - `icd10cm_index_YYYY.xml`: the Index to Diseases and Injuries;
//! - `icd10cm_eindex_YYYY.xml`: the External Cause of Injuries Index (same schema);
//! - `icd10cm_neoplasm_YYYY.xml`: the Neoplasm Table;
//! - `icd10cm_drug_YYYY.xml`: the Table of Drugs and Chemicals.
//!
//! Both index files nest `letter` → `mainTerm` → `term level="1"` → `term level="2"` …; each main
//! term or subterm has a `title` (whose `<nemod>` children are the nonessential modifiers, the
//! parenthesised words that do not change the code) and any of `code`, `manif` (a manifestation code,
//! printed in brackets), `see`, `seeAlso`, `seecat` and `subcat`.
//! [`parse_index`](crate::index::parse_index) flattens that tree into one
//! [`IndexEntry`](crate::index::IndexEntry) per main term or subterm, each carrying its whole path from
//! the main term down, so a caller can show "Diabetes, diabetic (mellitus) (sugar) — with — chronic
//! kidney disease" without walking a tree.
//!
//! The two tables use the same nesting but, instead of codes, each row holds `cell col="N"` elements
//! under the column heads declared once in `indexHeading/head col="N"`. A cell holds a code, or `--`
//! when no code applies (for example "Adverse effect" of a chemical that is never given as a drug).
//! [`parse_table`](crate::index::parse_table) returns the column headings and, per row path, the code
//! in each column.
//!
//! The element names are those of the XML schemas published with the release: the index schema
//! (elements `version`, `title`, `nemod`, `code`, `see`, `seeAlso`, `seecat`, …) and the "ICD-10 Drug and
//! Neoplasm Document Definition". Elements this module does not know (such as the `new`/`old` markers
//! of addenda files) are read for their text where they sit inside a title, and skipped elsewhere.
//!
//! ```
//! let xml = r#"<ICD10CM.index><version>2026</version><title>Index</title>
//!   <letter><title>D</title>
//!     <mainTerm><title>Diabetes, diabetic<nemod>(mellitus) (sugar)</nemod></title><code>E11.9</code>
//!       <term level="1"><title>with</title>
//!         <term level="2"><title>chronic kidney disease</title><code>E11.22</code></term>
//!       </term>
//!     </mainTerm>
//!   </letter></ICD10CM.index>"#;
//! let index = importer::index::parse_index(xml).unwrap();
//! let ckd = &index.entries[2];
//! assert_eq!(ckd.path[0].text, "Diabetes, diabetic");
//! assert_eq!(ckd.path[0].nonessential, ["mellitus", "sugar"]);
//! assert_eq!(ckd.level, 2);
//! assert_eq!(ckd.codes, ["E11.22"]);
//! ```



/// The root element every index and table file of the release uses.
use crate::xml::{line_column, parse_tree, Element, Node, TreeError, MAX_DEPTH};

const ROOT: &str = "ICD10CM.index";

/// One parsed Alphabetic Index (or External Cause Index) file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    /// The release year from `<version>`, e.g. `2026`, when the file states it.
    pub version: Option<String>,
    /// The file's own title from `<title>`, e.g. "ICD-10-CM INDEX TO DISEASES and INJURIES".
    pub title: Option<String>,
    /// Every main term and subterm, in file order (a main term comes before its subterms).
    pub entries: Vec<IndexEntry>,
}

/// One main term or subterm of the Index, with the path that leads to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The letter section it is filed under (the `letter/title`), e.g. `D`.
    pub letter: String,
    /// The main term first, then each subterm down to this one; never empty.
    pub path: Vec<Term>,
    /// 0 for a main term, 1 for its subterms, 2 for theirs, and so on (the nesting depth).
    pub level: u8,
    /// The codes the entry points to (`<code>`), e.g. `E11.22`; a trailing dash (`E11.3-`) means the
    /// Tabular must be read for the remaining characters.
    pub codes: Vec<String>,
    /// Manifestation codes (`<manif>`), printed in brackets in the book; they are sequenced second.
    pub manifestation_codes: Vec<String>,
    /// "see" cross-references: the coder must look under this other term instead.
    pub see: Vec<String>,
    /// "see also" cross-references: another term that may hold more specific entries.
    pub see_also: Vec<String>,
    /// "see category" cross-references (`<seecat>`), naming a Tabular category to read.
    pub see_category: Vec<String>,
    /// Subcategory references (`<subcat>`), naming a Tabular subcategory to read.
    pub subcategory: Vec<String>,
}

/// The words of one main term or subterm, with the nonessential modifiers kept apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The essential words, i.e. the title without its nonessential modifiers, e.g. `Diabetes, diabetic`.
    pub text: String,
    /// Each nonessential modifier without its parentheses, e.g. `["mellitus", "sugar"]`.
    pub nonessential: Vec<String>,
    /// The title as printed in the book, modifiers in place, e.g. `Diabetes, diabetic (mellitus) (sugar)`.
    pub display: String,
}

/// One parsed Neoplasm Table or Table of Drugs and Chemicals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The release year from `<version>`, when the file states it.
    pub version: Option<String>,
    /// The file's own title from `<title>`, e.g. "ICD-10-CM TABLE of DRUGS and CHEMICALS".
    pub title: Option<String>,
    /// The column heads in column order; column 1 heads the row titles, the others head code columns.
    pub headings: Vec<Heading>,
    /// Every main term and subterm of the table, in file order.
    pub rows: Vec<TableRow>,
}

/// One column head of a table (`indexHeading/head`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The column number from `col`, counting from 1.
    pub col: u16,
    /// The head's text, e.g. `Malignant Primary` or `Poisoning, Accidental (unintentional)`.
    pub text: String,
}

/// One row of a table: a main term or subterm and its codes by column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The letter section it is filed under, e.g. `N` for "Neoplasm, neoplastic".
    pub letter: String,
    /// The main term first, then each subterm down to this row; never empty.
    pub path: Vec<Term>,
    /// 0 for a main term, 1 for its subterms, and so on.
    pub level: u8,
    /// The cells the row fills, in file order; rows that only group subterms have none.
    pub cells: Vec<TableCell>,
    /// "see" cross-references of the row.
    pub see: Vec<String>,
    /// "see also" cross-references of the row, e.g. "see also Neoplasm, skin, benign".
    pub see_also: Vec<String>,
}

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    /// The column it fills, matching a [`Heading::col`].
    pub col: u16,
    /// The code in the cell, or `None` for `--` (no code applies).
    pub code: Option<String>,
}

impl TableRow {
    /// The code in column `col`, if the row has a cell there holding a code.
    #[must_use]
    pub fn code(&self, col: u16) -> Option<&str> {
        self.cells
            .iter()
            .find(|cell| cell.col == col)
            .and_then(|cell| cell.code.as_deref())
    }
}

/// What can be wrong with an Index or table file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
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
    /// The root element is not `<ICD10CM.index>`, so this is some other file.
    #[error("the root element is <{found}>, but an ICD-10-CM index or table file has <ICD10CM.index> (is this the Tabular or a PCS file?)")]
    WrongRoot {
        /// The root element's name.
        found: String,
    },
    /// An element sits where the schema does not allow it, e.g. a `mainTerm` outside any `letter`.
    #[error("<{element}> at line {line}, column {column} is inside <{parent}>, but it belongs inside {expected}")]
    Misplaced {
        /// The misplaced element.
        element: String,
        /// The element it was found in.
        parent: String,
        /// Where the schema puts it.
        expected: &'static str,
        /// 1-based line of the element.
        line: usize,
        /// 1-based column of the element.
        column: usize,
    },
    /// A main term or subterm has no `<title>`, so it has no words to look up.
    #[error("<{element}> at line {line}, column {column} has no <title>; every main term and subterm needs one")]
    MissingTitle {
        /// `mainTerm` or `term`.
        element: String,
        /// 1-based line of the element.
        line: usize,
        /// 1-based column of the element.
        column: usize,
    },
    /// A `head` or `cell` has a `col` that is missing or not a whole number from 1 up.
    #[error("<{element}> at line {line}, column {column} has col=\"{found}\", but col must be a whole number from 1 up")]
    BadColumn {
        /// `head` or `cell`.
        element: String,
        /// The attribute's value (empty when missing).
        found: String,
        /// 1-based line of the element.
        line: usize,
        /// 1-based column of the element.
        column: usize,
    },
    /// A table file has no `<indexHeading>` with column heads, so its cells cannot be named.
    #[error("the table has no <indexHeading> with <head col=\"N\"> column heads (is this an index file? use parse_index)")]
    NoHeadings,
    /// A cell names a column that no `head` declares.
    #[error("<cell col=\"{col}\"> at line {line}, column {column} names a column the <indexHeading> does not declare (declared: {declared})")]
    UnknownColumn {
        /// The undeclared column number.
        col: u16,
        /// The declared column numbers, e.g. `1, 2, 3`.
        declared: String,
        /// 1-based line of the cell.
        line: usize,
        /// 1-based column of the cell.
        column: usize,
    },
    /// Terms are nested deeper than any real Index goes, which also guards the reader's stack.
    #[error("elements are nested more than {limit} deep at line {line}, column {column}; a real index nests fewer than ten")]
    TooDeep {
        /// The nesting limit.
        limit: usize,
        /// 1-based line where the limit was passed.
        line: usize,
        /// 1-based column where the limit was passed.
        column: usize,
    },
}

/// Parses an Alphabetic Index or External Cause Index file (`<ICD10CM.index>` with `letter/mainTerm/term`)
/// into a flat list of entries, main terms before their subterms.
///
/// # Errors
///
/// An [`IndexError`] naming the line and column when the text is not well-formed XML, its root is not
/// `<ICD10CM.index>`, a main term or subterm has no title or sits outside its letter or main term, or
/// the nesting is deeper than any real index.
pub fn parse_index(xml: &str) -> Result<Index, IndexError> {
    let root = read_root(xml)?;
    let mut index = Index {
        version: child_text(&root, "version"),
        title: child_text(&root, "title"),
        entries: Vec::new(),
    };
    for_each_main_term(xml, &root, |letter, main_term| {
        walk_terms(
            xml,
            letter,
            main_term,
            &mut Vec::new(),
            &mut |letter, path, element| {
                let mut entry = IndexEntry {
                    letter: letter.to_owned(),
                    path: path.to_vec(),
                    level: depth_level(path),
                    codes: Vec::new(),
                    manifestation_codes: Vec::new(),
                    see: Vec::new(),
                    see_also: Vec::new(),
                    see_category: Vec::new(),
                    subcategory: Vec::new(),
                };
                for child in element.elements() {
                    let list = match child.name.as_str() {
                        "code" => &mut entry.codes,
                        "manif" => &mut entry.manifestation_codes,
                        "see" => &mut entry.see,
                        "seeAlso" => &mut entry.see_also,
                        "seecat" => &mut entry.see_category,
                        "subcat" => &mut entry.subcategory,
                        // title was read into the path; term is walked next; anything else (such as the
                        // <new>/<old> markers of addenda files) carries nothing an entry needs.
                        _ => continue,
                    };
                    push_nonempty(list, child.text());
                }
                index.entries.push(entry);
                Ok(())
            },
        )
    })?;
    Ok(index)
}

/// Parses the Neoplasm Table or the Table of Drugs and Chemicals (`<ICD10CM.index>` with an
/// `indexHeading` and rows of `cell col="N"`) into its column headings and rows.
///
/// # Errors
///
/// An [`IndexError`] for the same reasons as [`parse_index`], and also when the file declares no
/// column heads or a `head` or `cell` has a `col` that is not a declared column number.
pub fn parse_table(xml: &str) -> Result<Table, IndexError> {
    let root = read_root(xml)?;
    let mut headings = Vec::new();
    for heading_block in root.elements().filter(|e| e.name == "indexHeading") {
        for head in heading_block.elements().filter(|e| e.name == "head") {
            let col = column_number(xml, head)?;
            headings.push(Heading {
                col,
                text: normalize_space(&head.text()),
            });
        }
    }
    if headings.is_empty() {
        return Err(IndexError::NoHeadings);
    }
    headings.sort_by_key(|h| h.col);
    let declared: Vec<u16> = headings.iter().map(|h| h.col).collect();

    let mut table = Table {
        version: child_text(&root, "version"),
        title: child_text(&root, "title"),
        headings,
        rows: Vec::new(),
    };
    for_each_main_term(xml, &root, |letter, main_term| {
        walk_terms(
            xml,
            letter,
            main_term,
            &mut Vec::new(),
            &mut |letter, path, element| {
                let mut row = TableRow {
                    letter: letter.to_owned(),
                    path: path.to_vec(),
                    level: depth_level(path),
                    cells: Vec::new(),
                    see: Vec::new(),
                    see_also: Vec::new(),
                };
                for child in element.elements() {
                    match child.name.as_str() {
                        "cell" => {
                            let col = column_number(xml, child)?;
                            if !declared.contains(&col) {
                                let (line, column) = line_column(xml, child.offset);
                                let declared = declared
                                    .iter()
                                    .map(u16::to_string)
                                    .collect::<Vec<_>>()
                                    .join(", ");
                                return Err(IndexError::UnknownColumn {
                                    col,
                                    declared,
                                    line,
                                    column,
                                });
                            }
                            let text = normalize_space(&child.text());
                            // "--" is how the book prints "no code applies"; an empty cell means the same.
                            let no_code = text
                                .chars()
                                .all(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'));
                            let code = (!no_code).then_some(text);
                            row.cells.push(TableCell { col, code });
                        }
                        "see" => push_nonempty(&mut row.see, child.text()),
                        "seeAlso" => push_nonempty(&mut row.see_also, child.text()),
                        _ => {}
                    }
                }
                table.rows.push(row);
                Ok(())
            },
        )
    })?;
    Ok(table)
}

/// Reads the XML and checks that its root is `<ICD10CM.index>`.
fn read_root(xml: &str) -> Result<Element, IndexError> {
    let root = parse_tree(xml).map_err(|e| match e {
        TreeError::Xml { offset, message } => {
            let (line, column) = line_column(xml, offset);
            IndexError::Xml {
                line,
                column,
                message,
            }
        }
        TreeError::TooDeep { offset } => {
            let (line, column) = line_column(xml, offset);
            IndexError::TooDeep {
                limit: MAX_DEPTH,
                line,
                column,
            }
        }
    })?;
    if root.name != ROOT {
        return Err(IndexError::WrongRoot { found: root.name });
    }
    Ok(root)
}

/// Calls `visit` with the letter and element of each main term, checking that main terms sit in letters.
fn for_each_main_term<'a>(
    xml: &str,
    root: &'a Element,
    mut visit: impl FnMut(&str, &'a Element) -> Result<(), IndexError>,
) -> Result<(), IndexError> {
    for child in root.elements() {
        match child.name.as_str() {
            "letter" => {
                let letter = child_text(child, "title").unwrap_or_default();
                for grandchild in child.elements() {
                    match grandchild.name.as_str() {
                        "mainTerm" => visit(&letter, grandchild)?,
                        "term" => {
                            return Err(misplaced(xml, grandchild, child, "a <mainTerm> or <term>"))
                        }
                        _ => {}
                    }
                }
            }
            "mainTerm" => return Err(misplaced(xml, child, root, "a <letter>")),
            "term" => return Err(misplaced(xml, child, root, "a <mainTerm> or <term>")),
            _ => {}
        }
    }
    Ok(())
}

/// What [`walk_terms`] calls for each main term or subterm: its letter, its path and its element.
type VisitTerm<'v> = dyn FnMut(&str, &[Term], &Element) -> Result<(), IndexError> + 'v;

/// Visits `element` (a main term or subterm) and then its subterms, depth first, keeping the path.
fn walk_terms(
    xml: &str,
    letter: &str,
    element: &Element,
    path: &mut Vec<Term>,
    visit: &mut VisitTerm<'_>,
) -> Result<(), IndexError> {
    let Some(title) = element.elements().find(|e| e.name == "title") else {
        let (line, column) = line_column(xml, element.offset);
        return Err(IndexError::MissingTitle {
            element: element.name.clone(),
            line,
            column,
        });
    };
    path.push(term_from_title(title));
    visit(letter, path, element)?;
    for child in element.elements() {
        match child.name.as_str() {
            "term" => walk_terms(xml, letter, child, path, visit)?,
            "mainTerm" | "letter" => {
                return Err(misplaced(
                    xml,
                    child,
                    element,
                    "the file's root (a <letter>)",
                ))
            }
            _ => {}
        }
    }
    path.pop();
    Ok(())
}

/// Splits a `<title>` into its essential words and its nonessential modifiers.
fn term_from_title(title: &Element) -> Term {
    let mut essential = String::new();
    let mut display = String::new();
    let mut nonessential = Vec::new();
    for node in &title.children {
        match node {
            Node::Text(text) => {
                essential.push(' ');
                essential.push_str(text);
                display.push(' ');
                display.push_str(text);
            }
            Node::Element(child) if child.name == "nemod" => {
                let words = child.text();
                display.push(' ');
                display.push_str(&words);
                nonessential.extend(split_modifiers(&words));
            }
            // Any other inline element (addenda markers) is part of the words.
            Node::Element(child) => {
                let words = child.text();
                essential.push(' ');
                essential.push_str(&words);
                display.push(' ');
                display.push_str(&words);
            }
        }
    }
    Term {
        text: tidy_punctuation(&normalize_space(&essential)),
        nonessential,
        display: tidy_punctuation(&normalize_space(&display)),
    }
}

/// Splits `(mellitus) (sugar)` into `mellitus` and `sugar`; nested parentheses stay inside their group,
/// and words outside any parentheses form a group of their own.
fn split_modifiers(words: &str) -> Vec<String> {
    let mut groups = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in words.chars() {
        match c {
            '(' if depth == 0 => {
                push_nonempty(&mut groups, std::mem::take(&mut current));
                depth = 1;
            }
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' if depth == 1 => {
                push_nonempty(&mut groups, std::mem::take(&mut current));
                depth = 0;
            }
            ')' if depth > 1 => {
                depth -= 1;
                current.push(c);
            }
            _ => current.push(c),
        }
    }
    push_nonempty(&mut groups, current);
    groups.into_iter().map(|g| normalize_space(&g)).collect()
}

/// The level of the last term of a path: the number of terms above it, capped at `u8::MAX`.
fn depth_level(path: &[Term]) -> u8 {
    u8::try_from(path.len().saturating_sub(1)).unwrap_or(u8::MAX)
}

/// The `col` attribute of a `head` or `cell`, which must be a whole number from 1 up.
fn column_number(xml: &str, element: &Element) -> Result<u16, IndexError> {
    let found = element.attribute("col").unwrap_or_default();
    match found.trim().parse::<u16>() {
        Ok(col) if col >= 1 => Ok(col),
        _ => {
            let (line, column) = line_column(xml, element.offset);
            Err(IndexError::BadColumn {
                element: element.name.clone(),
                found: found.to_owned(),
                line,
                column,
            })
        }
    }
}

fn misplaced(xml: &str, element: &Element, parent: &Element, expected: &'static str) -> IndexError {
    let (line, column) = line_column(xml, element.offset);
    IndexError::Misplaced {
        element: element.name.clone(),
        parent: parent.name.clone(),
        expected,
        line,
        column,
    }
}

/// The normalized text of the first child element called `name`, if there is one and it is not blank.
fn child_text(element: &Element, name: &str) -> Option<String> {
    element
        .elements()
        .find(|e| e.name == name)
        .map(|e| normalize_space(&e.text()))
        .filter(|t| !t.is_empty())
}

/// Pushes `text`, whitespace-normalized, unless it is blank.
fn push_nonempty(list: &mut Vec<String>, text: String) {
    let text = normalize_space(&text);
    if !text.is_empty() {
        list.push(text);
    }
}

/// Collapses runs of whitespace (the XML is pretty-printed) into single spaces and trims the ends.
fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes the space that joining text nodes puts before punctuation, e.g. `autonomic , x` → `autonomic, x`.
fn tidy_punctuation(text: &str) -> String {
    text.replace(" ,", ",")
        .replace(" ;", ";")
        .replace(" :", ":")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const INDEX: &str = include_str!("../tests/fixtures/icd10cm_index_excerpt.xml");
    const EINDEX: &str = include_str!("../tests/fixtures/icd10cm_eindex_excerpt.xml");
    const NEOPLASM: &str = include_str!("../tests/fixtures/icd10cm_neoplasm_excerpt.xml");
    const DRUG: &str = include_str!("../tests/fixtures/icd10cm_drug_excerpt.xml");

    fn entry<'a>(index: &'a Index, path: &[&str]) -> &'a IndexEntry {
        index
            .entries
            .iter()
            .find(|e| {
                e.path
                    .iter()
                    .map(|t| t.text.as_str())
                    .eq(path.iter().copied())
            })
            .unwrap_or_else(|| panic!("no entry {path:?}"))
    }

    #[test]
    fn the_index_keeps_its_version_and_title() {
        let index = parse_index(INDEX).unwrap();
        assert_eq!(index.version.as_deref(), Some("2026"));
        assert_eq!(
            index.title.as_deref(),
            Some("ICD-10-CM INDEX TO DISEASES and INJURIES")
        );
    }

    #[test]
    fn a_main_term_keeps_its_nonessential_modifiers_apart_from_its_words() {
        let index = parse_index(INDEX).unwrap();
        let diabetes = entry(&index, &["Diabetes, diabetic"]);
        assert_eq!(diabetes.level, 0);
        assert_eq!(diabetes.letter, "D");
        assert_eq!(diabetes.path[0].nonessential, ["mellitus", "sugar"]);
        assert_eq!(
            diabetes.path[0].display,
            "Diabetes, diabetic (mellitus) (sugar)"
        );
        assert_eq!(diabetes.codes, ["E11.9"]);
    }

    #[test]
    fn a_subterm_carries_the_whole_path_from_its_main_term() {
        let index = parse_index(INDEX).unwrap();
        let ckd = entry(
            &index,
            &["Diabetes, diabetic", "with", "chronic kidney disease"],
        );
        assert_eq!(ckd.level, 2);
        assert_eq!(ckd.codes, ["E11.22"]);
    }

    #[test]
    fn a_subterm_that_only_groups_others_has_no_code() {
        let index = parse_index(INDEX).unwrap();
        let with = entry(&index, &["Diabetes, diabetic", "with"]);
        assert_eq!(with.level, 1);
        assert!(with.codes.is_empty() && with.see.is_empty());
    }

    #[test]
    fn a_nonessential_modifier_inside_the_words_is_kept_in_place_for_display() {
        let index = parse_index(INDEX).unwrap();
        let neuropathy = entry(
            &index,
            &["Diabetes, diabetic", "with", "autonomic neuropathy"],
        );
        assert_eq!(neuropathy.path[2].nonessential, ["poly"]);
        assert_eq!(neuropathy.path[2].display, "autonomic (poly) neuropathy");
        assert_eq!(neuropathy.codes, ["E11.43"]);
    }

    #[test]
    fn see_and_see_also_cross_references_are_read() {
        let index = parse_index(INDEX).unwrap();
        assert_eq!(entry(&index, &["Abandonment"]).see, ["Maltreatment"]);
        let abdomen = entry(&index, &["Abdomen, abdominal"]);
        assert_eq!(abdomen.see_also, ["condition"]);
        assert_eq!(
            entry(&index, &["Abdomen, abdominal", "acute"]).codes,
            ["R10.0"]
        );
    }

    #[test]
    fn a_manifestation_code_is_kept_apart_from_the_etiology_code() {
        let index = parse_index(INDEX).unwrap();
        let late = entry(&index, &["Disease, diseased", "Alzheimer's", "late onset"]);
        assert_eq!(late.codes, ["G30.1"]);
        assert_eq!(late.manifestation_codes, ["F02.80"]);
    }

    #[test]
    fn see_category_and_subcategory_references_are_read() {
        let index = parse_index(INDEX).unwrap();
        assert_eq!(
            entry(&index, &["Complication", "pregnancy"]).see_category,
            ["O26.8-"]
        );
        assert_eq!(
            entry(&index, &["Complication", "pregnancy", "specified NEC"]).subcategory,
            ["O26.89-"]
        );
    }

    #[test]
    fn escaped_characters_in_titles_are_unescaped() {
        let index = parse_index(INDEX).unwrap();
        assert_eq!(entry(&index, &["Aarskog's syndrome"]).codes, ["Q87.19"]);
    }

    #[test]
    fn entries_come_in_file_order_with_their_letter() {
        let index = parse_index(INDEX).unwrap();
        let firsts: Vec<(&str, &str)> = index
            .entries
            .iter()
            .take(3)
            .map(|e| (e.letter.as_str(), e.path[0].text.as_str()))
            .collect();
        assert_eq!(
            firsts,
            [
                ("A", "Aarskog's syndrome"),
                ("A", "Abandonment"),
                ("A", "Abdomen, abdominal")
            ]
        );
        assert_eq!(index.entries.len(), 15);
    }

    #[test]
    fn the_external_cause_index_reads_with_the_same_schema() {
        let index = parse_index(EINDEX).unwrap();
        assert_eq!(
            index.title.as_deref(),
            Some("ICD-10-CM EXTERNAL CAUSE of INJURIES INDEX")
        );
        let knife = entry(&index, &["Contact", "with", "knife"]);
        assert_eq!(knife.codes, ["W26.0"]);
        assert_eq!(knife.path[0].nonessential, ["accidental"]);
        assert_eq!(entry(&index, &["Fall, falling"]).codes, ["W19"]);
        assert_eq!(
            entry(&index, &["Fall, falling", "from, off, out of", "chair"]).codes,
            ["W07"]
        );
    }

    #[test]
    fn the_neoplasm_table_reads_its_column_headings() {
        let table = parse_table(NEOPLASM).unwrap();
        assert_eq!(table.title.as_deref(), Some("ICD-10-CM TABLE of NEOPLASMS"));
        let heads: Vec<(u16, &str)> = table
            .headings
            .iter()
            .map(|h| (h.col, h.text.as_str()))
            .collect();
        assert_eq!(
            heads,
            [
                (1, "Neoplasm, neoplastic"),
                (2, "Malignant Primary"),
                (3, "Malignant Secondary"),
                (4, "Ca in situ"),
                (5, "Benign"),
                (6, "Uncertain Behavior"),
                (7, "Unspecified Behavior"),
            ]
        );
    }

    #[test]
    fn a_neoplasm_row_gives_its_code_by_behavior_column() {
        let table = parse_table(NEOPLASM).unwrap();
        let lung = table
            .rows
            .iter()
            .find(|r| r.path.len() == 2 && r.path[1].text == "lung")
            .unwrap();
        assert_eq!(lung.path[0].text, "Neoplasm, neoplastic");
        assert_eq!(lung.level, 1);
        assert_eq!(lung.code(2), Some("C34.9-"));
        assert_eq!(lung.code(3), Some("C78.0-"));
        assert_eq!(lung.code(7), Some("D49.1"));
        assert_eq!(table.rows[0].code(2), Some("C80.1"));
    }

    #[test]
    fn a_double_dash_cell_means_no_code() {
        let table = parse_table(NEOPLASM).unwrap();
        let bone = table
            .rows
            .iter()
            .find(|r| r.path.last().is_some_and(|t| t.text == "bone"))
            .unwrap();
        assert_eq!(bone.path[1].nonessential, ["periosteum"]);
        assert_eq!(
            bone.cells
                .iter()
                .find(|c| c.col == 4)
                .map(|c| c.code.clone()),
            Some(None)
        );
        assert_eq!(bone.code(4), None);
        assert_eq!(bone.code(2), Some("C41.9"));
    }

    #[test]
    fn a_table_row_keeps_its_see_also_reference() {
        let table = parse_table(NEOPLASM).unwrap();
        let adipose = table
            .rows
            .iter()
            .find(|r| r.path.last().is_some_and(|t| t.text == "adipose tissue"))
            .unwrap();
        assert_eq!(adipose.see_also, ["Neoplasm, connective tissue"]);
        assert_eq!(adipose.code(5), Some("D21.9"));
    }

    #[test]
    fn the_drug_table_gives_codes_by_intent_column() {
        let table = parse_table(DRUG).unwrap();
        assert_eq!(
            table.headings[1].text,
            "Poisoning, Accidental (unintentional)"
        );
        let acetaminophen = table
            .rows
            .iter()
            .find(|r| r.path[0].text == "Acetaminophen")
            .unwrap();
        assert_eq!(acetaminophen.code(2), Some("T39.1X1"));
        assert_eq!(acetaminophen.code(6), Some("T39.1X5"));
        assert_eq!(acetaminophen.code(7), Some("T39.1X6"));
        let exhaust = table
            .rows
            .iter()
            .find(|r| r.path.iter().any(|t| t.text == "motor vehicle exhaust"))
            .unwrap();
        assert_eq!(exhaust.level, 2);
        assert_eq!(exhaust.path[0].nonessential, ["from incomplete combustion"]);
        assert_eq!(exhaust.code(2), Some("T58.01"));
        assert_eq!(exhaust.code(6), None);
    }

    #[test]
    fn a_table_file_without_headings_is_refused_by_parse_table() {
        assert_eq!(parse_table(INDEX), Err(IndexError::NoHeadings));
    }

    #[test]
    fn a_tabular_file_is_refused_with_its_root_named() {
        let err = parse_index("<ICD10CM.tabular><chapter/></ICD10CM.tabular>").unwrap_err();
        assert_eq!(
            err,
            IndexError::WrongRoot {
                found: "ICD10CM.tabular".to_owned()
            }
        );
        assert!(err.to_string().contains("<ICD10CM.index>"));
    }

    #[test]
    fn a_term_without_a_title_is_reported_with_its_line() {
        let xml = "<ICD10CM.index>\n<letter><title>A</title>\n<mainTerm><code>A00</code></mainTerm></letter></ICD10CM.index>";
        assert_eq!(
            parse_index(xml),
            Err(IndexError::MissingTitle {
                element: "mainTerm".to_owned(),
                line: 3,
                column: 1
            })
        );
    }

    #[test]
    fn a_main_term_outside_a_letter_is_misplaced() {
        let xml = "<ICD10CM.index><mainTerm><title>A</title></mainTerm></ICD10CM.index>";
        assert!(
            matches!(parse_index(xml), Err(IndexError::Misplaced { ref element, .. }) if element == "mainTerm")
        );
    }

    #[test]
    fn a_cell_in_an_undeclared_column_is_reported() {
        let xml = r#"<ICD10CM.index><indexHeading><head col="1">Substance</head><head col="2">Accidental</head></indexHeading>
<letter><title>A</title><mainTerm><title>Acid</title><cell col="9">T54.2X1</cell></mainTerm></letter></ICD10CM.index>"#;
        let err = parse_table(xml).unwrap_err();
        assert!(
            matches!(
                err,
                IndexError::UnknownColumn {
                    col: 9,
                    line: 2,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("declared: 1, 2"));
    }

    #[test]
    fn a_non_numeric_column_is_reported() {
        let xml = r#"<ICD10CM.index><indexHeading><head col="x">Substance</head></indexHeading></ICD10CM.index>"#;
        assert!(
            matches!(parse_table(xml), Err(IndexError::BadColumn { ref found, .. }) if found == "x")
        );
    }

    #[test]
    fn broken_xml_is_reported_with_a_line() {
        let err =
            parse_index("<ICD10CM.index>\n<letter>\n</mainTerm></ICD10CM.index>").unwrap_err();
        assert!(matches!(err, IndexError::Xml { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn nesting_past_the_limit_is_refused_without_overflowing_the_stack() {
        let xml = "<a>".repeat(10_000);
        assert!(matches!(parse_index(&xml), Err(IndexError::TooDeep { .. })));
    }

    #[test]
    fn modifiers_split_on_top_level_parentheses_only() {
        assert_eq!(
            split_modifiers("(with (without) x) (y)"),
            ["with (without) x", "y"]
        );
        assert_eq!(split_modifiers("-astasia"), ["-astasia"]);
        assert_eq!(split_modifiers("(unclosed"), ["unclosed"]);
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in ".*") {
            let _ = parse_index(&text);
            let _ = parse_table(&text);
        }

        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse_index(&text);
            let _ = parse_table(&text);
        }

        #[test]
        fn xml_shaped_noise_is_read_or_refused_without_panicking(
            text in r#"(<ICD10CM\.index>|<letter>|</letter>|<mainTerm>|</mainTerm>|<term level="[0-9x]">|</term>|<title>|</title>|<nemod>|</nemod>|<code>|</code>|<cell col="[0-9]{0,2}">|</cell>|<indexHeading>|<head col="[0-9]">|</head>|</indexHeading>|[a-z (),-]){0,40}(</ICD10CM\.index>)?"#
        ) {
            let _ = parse_index(&text);
            let _ = parse_table(&text);
        }
    }
}
