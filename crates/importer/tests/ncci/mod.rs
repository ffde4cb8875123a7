//! The NCCI readers on synthetic files (tests/data/*_synthetic.*): invented code pairs and values in the CMS
//! layouts, since the real files are licensed and never committed.

use importer::ncci::{
    parse_mue, parse_ptp, Layout, ModifierIndicator, MueIndicator, MueTable, NcciEdits, NcciError, ProcedureCode,
};

const PTP_TAB: &str = include_str!("../data/ptp_practitioner_synthetic.txt");
const PTP_CSV: &str = include_str!("../data/ptp_hospital_synthetic.csv");
const MUE_CSV: &str = include_str!("../data/mue_practitioner_synthetic.csv");
const MUE_TAB: &str = include_str!("../data/mue_dme_synthetic.txt");

fn code(c: &str) -> ProcedureCode {
    ProcedureCode::parse(c).unwrap()
}

/// The file with its line `number` (1-based) replaced.
fn with_line(text: &str, number: usize, line: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[number - 1] = line;
    lines.join("\n")
}

#[test]
fn the_tab_delimited_practitioner_ptp_file_is_read_past_its_heading_lines() {
    let file = parse_ptp(PTP_TAB).unwrap();
    assert_eq!(file.layout, Layout::Tab);
    assert_eq!(file.edits.len(), 7);
    let first = &file.edits[0];
    assert_eq!((first.column1.as_str(), first.column2.as_str()), ("20010", "20011"));
    assert!(first.prior_1996);
    assert_eq!((first.effective, first.deletion), (19960101, None));
    assert_eq!(first.modifier, ModifierIndicator::Allowed);
    assert_eq!(&*first.rationale, "Standards of medical / surgical practice");
    let deleted = &file.edits[2];
    assert_eq!((deleted.effective, deleted.deletion), (20100101, Some(20200101)));
    assert!(!deleted.prior_1996);
    assert_eq!(file.edits[4].modifier, ModifierIndicator::NotApplicable);
    assert_eq!(file.edits[6].column1.as_str(), "G9990");
}

#[test]
fn the_spreadsheet_ptp_file_saved_as_csv_is_read_with_headings_over_several_lines() {
    let file = parse_ptp(PTP_CSV).unwrap();
    assert_eq!(file.layout, Layout::Csv);
    assert_eq!(file.edits.len(), 3);
    assert_eq!(&*file.edits[1].rationale, "Mutually exclusive procedures, same session");
    assert_eq!(file.edits[1].effective, 20191001, "2019-10-01 as a spreadsheet writes it");
    assert_eq!((file.edits[2].effective, file.edits[2].deletion), (20210101, Some(20221231)));
    assert_eq!(file.edits[1].modifier, ModifierIndicator::NotAllowed);
}

#[test]
fn an_older_ptp_file_without_the_rationale_column_is_read() {
    let file = parse_ptp("Column 1\tColumn 2\n20010\t20011\t*\t19960101\t*\t1\n").unwrap();
    assert_eq!(&*file.edits[0].rationale, "");
}

#[test]
fn both_mue_layouts_are_read_and_the_table_is_named_by_the_headings() {
    let practitioner = parse_mue(MUE_CSV).unwrap();
    assert_eq!((practitioner.layout, practitioner.table), (Layout::Csv, Some(MueTable::Practitioner)));
    assert_eq!(practitioner.mues.len(), 5);
    let m = &practitioner.mues[0];
    assert_eq!((m.code.as_str(), m.value, m.indicator), ("20010", 1, MueIndicator::DateOfServicePolicy));
    assert_eq!(m.rationale, "Anatomic Consideration");
    assert_eq!(practitioner.mues[1].indicator, MueIndicator::Line);
    assert_eq!(practitioner.mues[3].indicator, MueIndicator::DateOfServiceClinical);

    let dme = parse_mue(MUE_TAB).unwrap();
    assert_eq!((dme.layout, dme.table), (Layout::Tab, Some(MueTable::Dme)));
    assert_eq!(dme.mues[1].value, 30);
}

/// A bad row, the error it must give, and words its message must hold.
type BadRow = (&'static str, fn(&NcciError) -> bool, &'static str);

#[test]
fn a_bad_ptp_line_is_refused_with_its_number_and_the_reason() {
    let cases: [BadRow; 8] = [
        ("2001\t20011\t*\t19960101\t*\t1\tx", |e| matches!(e, NcciError::BadCode { column: "column 1", .. }), "\"2001\" is not a CPT or HCPCS code"),
        ("20010\t20O11\t*\t19960101\t*\t1\tx", |e| matches!(e, NcciError::BadCode { column: "column 2", .. }), "column 2"),
        ("20010\t20011\tY\t19960101\t*\t1\tx", |e| matches!(e, NcciError::BadPrior1996 { .. }), "expected * or nothing"),
        ("20010\t20011\t\t19961301\t*\t1\tx", |e| matches!(e, NcciError::BadDate { column: "effective date", .. }), "expected YYYYMMDD"),
        ("20010\t20011\t\t19960101\t\t1\tx", |e| matches!(e, NcciError::BadDate { column: "deletion date", .. }), "or * for none"),
        ("20010\t20011\t\t19960101\t*\t2\tx", |e| matches!(e, NcciError::BadModifierIndicator { .. }), "expected 0 (not allowed), 1 (allowed) or 9"),
        ("20010\t20011\t\t19960101\t*", |e| matches!(e, NcciError::Cells { found: 5, .. }), "5 cells, expected 7"),
        ("\t20011\t\t19960101\t*\t1\tx", |e| matches!(e, NcciError::BadCode { .. }), "column 1 \"\""),
    ];
    for (row, kind, words) in cases {
        // Line 6 is a data row: the rows before it are read, so this one is not taken for a heading.
        let err = parse_ptp(&with_line(PTP_TAB, 6, row)).unwrap_err();
        assert!(kind(&err), "{row}: {err:?}");
        assert_eq!(err.line(), Some(6), "{row}");
        let message = err.to_string();
        assert!(message.starts_with("line 6: ") && message.contains(words), "{row}: {message}");
    }
}

#[test]
fn a_bad_first_data_line_is_not_mistaken_for_a_heading() {
    let err = parse_ptp(&with_line(PTP_TAB, 4, "2001\t20011\t*\t19960101\t*\t1\tx")).unwrap_err();
    assert_eq!(err.line(), Some(4));
}

#[test]
fn a_bad_csv_line_is_counted_from_the_lines_of_the_file_not_the_rows() {
    // The headings take lines 2 to 9 (quoted cells over several lines); the data rows are lines 10 to 12.
    let err = parse_ptp(&with_line(PTP_CSV, 12, "40030,40031,,20191001,*,7,x")).unwrap_err();
    assert_eq!(err.to_string(), "line 12: modifier indicator \"7\"; expected 0 (not allowed), 1 (allowed) or 9 (not applicable)");
}

#[test]
fn a_bad_mue_line_is_refused_with_its_number_and_the_reason() {
    let value = parse_mue(&with_line(MUE_CSV, 4, "20011,two,1 Line Edit,x")).unwrap_err();
    assert_eq!(value, NcciError::BadMueValue { line: 4, found: "two".into() });
    let mai = parse_mue(&with_line(MUE_CSV, 5, "20012,1,4 Claim Edit,x")).unwrap_err();
    assert_eq!(mai.line(), Some(5));
    assert!(mai.to_string().contains("expected 1 Line Edit, 2 Date of Service Edit: Policy or 3"), "{mai}");
    let twice = parse_mue(&with_line(MUE_CSV, 6, "20010,3,1 Line Edit,x")).unwrap_err();
    assert_eq!(twice.to_string(), "line 6: 20010 already has an MUE on line 3; a table gives each code one value");
    let code = parse_mue(&with_line(MUE_TAB, 4, "E999\t1\t2\tx")).unwrap_err();
    assert_eq!(code.line(), Some(4));
}

#[test]
fn a_file_of_headings_only_or_an_open_quote_is_refused() {
    assert!(matches!(parse_ptp("Column 1\tColumn 2\n\n"), Err(NcciError::Empty { .. })));
    assert!(matches!(parse_mue(""), Err(NcciError::Empty { .. })));
    let open = format!("{PTP_CSV}40030,40033,,20190101,*,1,\"never closed\n");
    assert_eq!(parse_ptp(&open).unwrap_err(), NcciError::UnclosedQuote { line: 14 });
}

#[test]
fn the_edit_set_finds_pairs_by_period_and_codes_in_either_column() {
    let mut edits = NcciEdits::default();
    edits.add_ptp(parse_ptp(PTP_TAB).unwrap().edits);
    edits.add_ptp(parse_ptp(PTP_CSV).unwrap().edits);
    // 20010/20011 is in both files: kept once.
    assert_eq!(edits.ptp().len(), 9);
    assert_eq!(edits.pair(code("20010"), code("20011")).len(), 1);
    assert!(edits.pair(code("20011"), code("20010")).is_empty(), "a pair has a direction");

    let (c1, c2) = (code("20010"), code("20013"));
    assert_eq!(edits.pair(c1, c2).len(), 2, "deleted, then added again");
    assert_eq!(edits.active_pair(c1, c2, 20150101).unwrap().modifier, ModifierIndicator::Allowed);
    assert!(edits.active_pair(c1, c2, 20200101).is_none(), "the deletion date is the first day without the edit");
    assert!(edits.active_pair(c1, c2, 20221231).is_none());
    assert_eq!(edits.active_pair(c1, c2, 20230101).unwrap().modifier, ModifierIndicator::NotAllowed);
    assert!(edits.active_pair(c1, c2, 20091231).is_none(), "before the edit took effect");
    assert!(edits.active_pair(code("20014"), code("20015"), 20190101).is_none(), "indicator 9 never applies");

    assert_eq!(edits.as_column1(c1).len(), 4);
    let column2: Vec<&str> = edits.as_column2(code("30020")).map(|e| e.column1.as_str()).collect();
    assert_eq!(column2, ["G9990"]);
    // A few rationales over many rows are one shared text.
    let same: Vec<_> = edits.ptp().iter().filter(|e| &*e.rationale == "Standards of medical / surgical practice").collect();
    assert!(same.len() >= 2 && same.windows(2).all(|w| std::sync::Arc::ptr_eq(&w[0].rationale, &w[1].rationale)));
}

#[test]
fn a_later_mue_file_replaces_the_value_of_a_code_it_repeats() {
    let mut edits = NcciEdits::default();
    edits.add_mue(parse_mue(MUE_CSV).unwrap().mues);
    edits.add_mue(parse_mue(MUE_TAB).unwrap().mues);
    assert_eq!(edits.mues().len(), 7);
    assert_eq!(edits.mue(code("20011")).unwrap().value, 2);
    edits.add_mue(parse_mue("HCPCS/CPT Code,MUE\n20011,5,1 Line Edit,Clinical: Data\n").unwrap().mues);
    assert_eq!(edits.mue(code("20011")).unwrap().value, 5);
    assert_eq!(edits.mues().len(), 7);
    assert!(edits.mue(code("99999")).is_none());
}
