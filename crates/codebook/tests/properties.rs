use crate::lib;
use codeset::icd10cm::Resolved;
use codeset::CodeSystem;

#[test]
fn every_billable_icd10cm_code_validates_with_and_without_its_dot() {
    let book = lib().book();
    let cm = &book.icd10cm;
    let mut n = 0;
    for r in cm.billable_codes() {
        let dotted = cm.display(r);
        let v = book.validate(&dotted, None);
        assert!(v.valid, "{dotted}: {v:?}");
        assert_eq!(v.code.as_deref(), Some(dotted.as_str()));
        assert!(book.is_valid_in(CodeSystem::Icd10Cm, &cm.key_of(r)));
        assert!(book.validate(&cm.key_of(r).to_ascii_lowercase(), Some(CodeSystem::Icd10Cm)).valid);
        n += 1;
    }
    assert_eq!(n, 74_719);
}

#[test]
fn every_header_is_refused_with_its_children_suggested() {
    let book = lib().book();
    let cm = &book.icd10cm;
    for i in 0..cm.len() as u32 {
        let node = cm.node(i);
        if node.is_leaf() || matches!(node.level, codeset::CmLevel::Chapter | codeset::CmLevel::Block) {
            continue;
        }
        let v = book.validate(&node.name, None);
        assert!(!v.valid, "{} is a header", node.name);
        let kids: Vec<String> = node.children().iter().map(|&c| cm.node(c).name.clone()).collect();
        assert_eq!(v.suggestions, kids, "{}", node.name);
        assert!(v.reason.as_deref().unwrap().contains("header"), "{v:?}");
    }
}

#[test]
fn every_leaf_that_needs_a_seventh_character_is_refused_with_its_seventh_characters() {
    let book = lib().book();
    let cm = &book.icd10cm;
    let mut n = 0;
    for i in 0..cm.len() as u32 {
        if !cm.needs_seventh(i) {
            continue;
        }
        let v = book.validate(&cm.node(i).name, Some(CodeSystem::Icd10Cm));
        assert!(!v.valid);
        let want: Vec<String> = cm.sevenths(i).iter().map(|(c, _)| cm.display(Resolved::Extended { node: i, seventh: *c })).collect();
        assert_eq!(v.suggestions, want);
        n += 1;
    }
    assert!(n > 5000);
}

#[test]
fn every_pcs_code_validates_and_a_changed_last_character_is_explained() {
    let book = lib().book();
    for e in book.pcs.codes() {
        assert!(book.validate(&e.code, Some(CodeSystem::Icd10Pcs)).valid, "{}", e.code);
    }
    // Change the qualifier of every 50th code to one its row does not allow: the reason names position 7.
    let mut explained = 0;
    for e in book.pcs.codes().iter().step_by(50) {
        let mut k = e.code.clone().into_bytes();
        for &c in codeset::pcs::ALPHABET {
            k[6] = c;
            let s = String::from_utf8(k.clone()).unwrap();
            if book.pcs.entry(&s).is_none() {
                let v = book.validate(&s, Some(CodeSystem::Icd10Pcs));
                assert!(!v.valid);
                let r = v.reason.unwrap();
                assert!(r.contains(&format!("table {}", &s[..3])), "{r}");
                explained += 1;
                break;
            }
        }
    }
    assert!(explained > 1000);
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(2000))]
    #[test]
    fn any_input_gets_an_answer_not_a_panic(s in "\\PC{0,16}") {
        let book = lib().book();
        let v = book.validate(&s, None);
        if !v.valid {
            proptest::prop_assert!(v.reason.is_some());
        }
        let _ = book.lookup(&s, None);
        let _ = book.browse(Some(&s));
        let _ = lib().search(&s, &Default::default());
    }

    #[test]
    fn a_code_shaped_input_is_judged(s in "[A-Z][0-9][0-9A-Z]{1,5}") {
        let v = lib().book().validate(&s, Some(CodeSystem::Icd10Cm));
        proptest::prop_assert!(v.valid || v.reason.is_some());
    }
}
