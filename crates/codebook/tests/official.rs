use crate::{lib, raw};
use codeset::icd10cm::{CmLevel, NoteKind};
use std::collections::HashSet;

/// FY2026 ICD-10-CM, April 1, 2026 release: 74,719 reportable codes. That is the number of leaves of the code
/// list released with the Tabular (`code-list-April-2026.txt`, compared code for code below), and the published
/// FY2026 total (74,260 codes in FY2025, 487 added, 28 deleted). It counts the S06 rule that 7th characters D and
/// S do not apply to codes with 6th character 7 or 8 (death before regaining consciousness).
const FY2026_APRIL_BILLABLE: usize = 74_719;

#[test]
fn the_billable_codes_are_exactly_the_official_release() {
    let cm = &lib().book().icd10cm;
    let ours: HashSet<String> = cm.billable_codes().map(|r| cm.key_of(r)).collect();

    let list: Vec<String> = raw("icd10cm/code-list-2026-April.txt.gz").lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
    // A leaf is a code that no other code extends; sorted, a code's extensions follow it directly.
    let mut codes: Vec<&String> = list.iter().filter(|c| !c.contains('-') && c.len() >= 3).collect();
    codes.sort();
    let leaves: HashSet<String> = codes.iter().enumerate().filter(|(i, c)| codes.get(i + 1).is_none_or(|n| !n.starts_with(c.as_str()))).map(|(_, c)| c.to_string()).collect();
    let missing: Vec<_> = leaves.difference(&ours).take(40).collect();
    let extra: Vec<_> = ours.difference(&leaves).take(40).collect();
    assert!(missing.is_empty() && extra.is_empty(), "{} ours, {} official; missing {missing:?}, extra {extra:?}", ours.len(), leaves.len());
    assert_eq!(ours.len(), FY2026_APRIL_BILLABLE);
}

#[test]
fn every_code_of_the_official_list_resolves() {
    let cm = &lib().book().icd10cm;
    for c in raw("icd10cm/code-list-2026-April.txt.gz").lines().map(str::trim).filter(|c| !c.is_empty()) {
        if c.contains('-') {
            assert!(cm.chapter_or_block(c).is_some(), "block {c}");
        } else if c.len() >= 3 {
            assert!(cm.resolve(c).is_some(), "code {c}");
        } else {
            assert!(cm.chapter_or_block(c).is_some(), "chapter {c}");
        }
    }
}

#[test]
fn the_tabular_has_its_chapters_and_every_note_kind() {
    let cm = &lib().book().icd10cm;
    assert_eq!(cm.chapters().len(), 22);
    let mut count = std::collections::HashMap::new();
    for n in cm.nodes() {
        for note in &n.notes {
            *count.entry(note.kind).or_insert(0) += 1;
        }
    }
    for k in [NoteKind::InclusionTerm, NoteKind::Includes, NoteKind::Excludes1, NoteKind::Excludes2, NoteKind::CodeFirst, NoteKind::UseAdditionalCode, NoteKind::CodeAlso, NoteKind::Note] {
        assert!(count.get(&k).copied().unwrap_or(0) > 50, "{k:?}: {:?}", count.get(&k));
    }
    // The XML has 508 sevenChrDef elements.
    assert_eq!(cm.nodes().iter().filter(|n| n.seven.is_some()).count(), 508);
}

#[test]
fn e11_22_shows_its_use_additional_code_note_and_inherited_excludes1() {
    let e = lib().book().lookup("E11.22", None).unwrap();
    assert_eq!(e.title, "Type 2 diabetes mellitus with diabetic chronic kidney disease");
    assert!(e.billable);
    assert!(e.notes.iter().any(|n| n.kind == "use_additional_code" && n.from == "E11.22" && n.text == "code to identify stage of chronic kidney disease (N18.1-N18.6)"));
    assert!(e.notes.iter().any(|n| n.kind == "excludes1" && n.from == "E11" && n.text == "type 1 diabetes mellitus (E10.-)"));
    assert!(e.notes.iter().any(|n| n.kind == "excludes1" && n.from == "4"));
    let path: Vec<&str> = e.path.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(path, ["4", "E08-E13", "E11", "E11.2", "E11.22"]);
}

#[test]
fn a_manifestation_code_carries_its_code_first_note() {
    // G63: Polyneuropathy in diseases classified elsewhere — a manifestation, never first-listed.
    let cm = &lib().book().icd10cm;
    let i = cm.node_by_key("G63").unwrap();
    assert!(!cm.notes_of(i, NoteKind::CodeFirst).is_empty());
    assert!(cm.node(i).title.contains("in diseases classified elsewhere"));
}

#[test]
fn injury_codes_take_their_seventh_character_from_the_category() {
    let book = lib().book();
    let e = book.lookup("S72.001A", None).unwrap();
    assert_eq!(e.title, "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
    assert!(e.notes.iter().any(|n| n.kind == "seventh_character" && n.from == "S72" && n.text.starts_with("A initial encounter for closed fracture")));
    let v = book.validate("T36.0X1", None);
    assert_eq!(v.reason.as_deref(), Some("T36.0X1 needs a 7th character: A, D or S"));
    let v = book.validate("S02.0A", None);
    assert_eq!(v.suggestions, ["S02.0XXA"]);
}

#[test]
fn maternal_and_newborn_chapters_carry_age_hints() {
    use codeset::icd10cm::AgeSexHint;
    let cm = &lib().book().icd10cm;
    assert!(cm.hints(cm.node_by_key("O80").unwrap()).contains(&AgeSexHint::Maternal));
    assert!(cm.hints(cm.node_by_key("P07").unwrap()).contains(&AgeSexHint::Newborn));
    assert!(cm.hints(cm.node_by_key("N40").unwrap()).contains(&AgeSexHint::Male), "N40 is benign prostatic hyperplasia");
}

#[test]
fn blocks_and_categories_are_in_place() {
    let cm = &lib().book().icd10cm;
    let b = cm.chapter_or_block("E08-E13").unwrap();
    assert_eq!(cm.node(b).level, CmLevel::Block);
    let kids: Vec<&str> = cm.node(b).children().iter().map(|&c| cm.node(c).name.as_str()).collect();
    assert_eq!(kids, ["E08", "E09", "E10", "E11", "E13"]);
}

#[test]
fn pcs_holds_the_fy2026_codes_the_sources_give() {
    let pcs = &lib().book().pcs;
    assert_eq!(pcs.len(), 79_177, "78,638 titled codes plus 539 from the MS-DRG v43.1 procedure map");
    let e = lib().book().lookup("0DTJ4ZZ", None).unwrap();
    assert_eq!(e.title, "Resection of Appendix, Percutaneous Endoscopic Approach");
    let labels: Vec<&str> = e.path.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(labels, ["0: Medical and Surgical", "D: Gastrointestinal System", "T: Resection", "J: Appendix", "4: Percutaneous Endoscopic", "Z: No Device", "Z: No Qualifier"]);
    assert!(e.notes.iter().any(|n| n.kind == "definition" && n.text.starts_with("Resection: Cutting out or off, without replacement, all of a body part")));
}

#[test]
fn every_pcs_table_makes_exactly_its_codes() {
    let pcs = &lib().book().pcs;
    let mut by_table: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for e in pcs.codes() {
        by_table.entry(&e.code[..3]).or_default().push(e.code.clone());
    }
    assert_eq!(by_table.len(), pcs.tables().len());
    for t in pcs.tables() {
        assert_eq!(t.codes(), by_table[t.prefix.as_str()], "table {}", t.prefix);
    }
}

#[test]
fn every_pcs_character_of_every_code_has_a_meaning() {
    let pcs = &lib().book().pcs;
    let mut unlabelled = 0;
    for e in pcs.codes() {
        for pos in 2..=7u8 {
            if pcs.label(&e.code, pos).is_none() {
                unlabelled += 1;
            }
        }
    }
    // 1,923 of 475,062 (0.40%) on the FY2026 data: see data/SOURCES.md for which and why.
    let total = pcs.len() * 6;
    assert!(unlabelled * 200 < total, "{unlabelled} of {total} characters have no meaning");
}

#[test]
fn the_pcs_validation_names_the_character_and_the_table() {
    let v = lib().book().validate("0DTJ4ZX", None);
    assert!(!v.valid);
    assert!(v.reason.as_deref().unwrap().starts_with("0DTJ4ZX: character 7 'X' is not allowed in table 0DT for body part J (Appendix)"), "{v:?}");
    assert!(v.suggestions.contains(&"0DTJ4ZZ".to_string()));
}

#[test]
fn the_builtin_hcpcs_subset_reads_and_cpt_is_numbers_only() {
    let book = lib().book();
    let e = book.lookup("J1885", None).unwrap();
    assert_eq!(e.title, "Injection, ketorolac tromethamine, per 15 mg");
    assert!(book.hcpcs.modifier("RT").is_some());
    assert!(!book.cpt.is_loaded(), "no CPT descriptor ships");
    let cpt = book.lookup("99213", None).unwrap();
    assert!(cpt.title.contains("not loaded"));
}

#[test]
fn excludes1_pairs_and_sequencing_relations_come_from_the_official_notes() {
    let cm = &lib().book().icd10cm;
    // E11 Excludes1 "type 1 diabetes mellitus (E10.-)": E11.22 and E10.22 are never reported together.
    let r = cm.excludes1_between("E1122", "E1022").unwrap();
    assert_eq!(r.from, "E11");
    assert!(cm.excludes1_between("E1122", "N183").is_none(), "CKD stage is a use-additional code, not excluded");
    let pairs = cm.excludes1_pairs(&["E1122", "N1830", "E1022"]);
    assert_eq!(pairs.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), [(0, 2)]);
    // E11.22: use additional code for the CKD stage, N18.1-N18.6.
    let ua = cm.use_additional("E1122");
    assert!(ua.iter().any(|r| r.refs.iter().any(|c| c.covers("N1830"))));
    // G63 is a manifestation code ("in diseases classified elsewhere") with a code-first note.
    assert!(cm.is_manifestation("G63"));
    assert!(!cm.code_first("G63").is_empty());
    assert!(!cm.is_manifestation("E1122"));
}
