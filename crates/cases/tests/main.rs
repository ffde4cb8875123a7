//! The case library against the real code book.

use cases::library::builtin;
use cases::model::{Evidence, Poa};
use cases::{check_pack, Pack};
use std::sync::OnceLock;

fn book() -> &'static codeset::CodeBook {
    static LIB: OnceLock<codebook::Library> = OnceLock::new();
    LIB.get_or_init(|| codebook::Library::embedded().unwrap()).book()
}

fn problems(pack: &Pack) -> Vec<String> {
    check_pack(pack, book()).into_iter().map(|p| format!("{} · {}: {}", p.case, p.item, p.message)).collect()
}

#[test]
fn the_builtin_library_checks_clean() {
    let p = problems(&builtin());
    assert!(p.is_empty(), "{p:#?}");
}

fn with(f: impl FnOnce(&mut Pack)) -> Vec<String> {
    let mut pack = builtin();
    f(&mut pack);
    problems(&pack)
}

#[test]
fn a_header_code_in_the_gold_is_caught() {
    let p = with(|p| p.cases[0].gold.diagnoses[0].code = "E11.2".into());
    assert!(p.iter().any(|m| m.contains("E11.2 is a subcategory header")), "{p:#?}");
}

#[test]
fn evidence_that_is_not_in_the_document_is_caught() {
    let p = with(|p| p.cases[0].gold.diagnoses[0].evidence = vec![Evidence { doc: "d1".into(), quote: "patient has gout".into(), at: None }]);
    assert!(p.iter().any(|m| m.contains("is not in document d1")), "{p:#?}");
    let p = with(|p| p.cases[0].gold.diagnoses[0].evidence[0].doc = "d9".into());
    assert!(p.iter().any(|m| m.contains("document 'd9'")), "{p:#?}");
}

#[test]
fn a_manifestation_code_first_is_caught() {
    let p = with(|p| {
        let mut g63 = p.cases[0].gold.diagnoses[0].clone();
        g63.code = "G63".into();
        p.cases[0].gold.diagnoses.insert(0, g63);
    });
    assert!(p.iter().any(|m| m.contains("manifestation code")), "{p:#?}");
}

#[test]
fn an_excludes1_pair_is_caught_unless_the_exception_is_recorded() {
    let p = with(|p| {
        let mut e10 = p.cases[0].gold.diagnoses[0].clone();
        e10.code = "E10.22".into();
        p.cases[0].gold.diagnoses.push(e10);
    });
    assert!(p.iter().any(|m| m.contains("Excludes1")), "{p:#?}");
    let p = with(|p| {
        let mut e10 = p.cases[0].gold.diagnoses[0].clone();
        e10.code = "E10.22".into();
        p.cases[0].gold.diagnoses.push(e10);
        p.cases[0].gold.excludes1_exceptions.push(cases::model::Excludes1Exception { codes: ["E11.22".into(), "E10.22".into()], reason: "test".into() });
    });
    assert!(!p.iter().any(|m| m.contains("Excludes1")), "{p:#?}");
}

#[test]
fn an_inpatient_diagnosis_without_poa_and_a_rationale_without_a_rule_are_caught() {
    let ip = builtin().cases.iter().position(|c| c.encounter.setting.is_inpatient()).unwrap();
    let p = with(|p| {
        p.cases[ip].gold.diagnoses[1].poa = None;
        p.cases[ip].gold.diagnoses[2].rationale.rules.clear();
    });
    assert!(p.iter().any(|m| m.contains("POA")), "{p:#?}");
    assert!(p.iter().any(|m| m.contains("cites no rule")), "{p:#?}");
    let p = with(|p| p.cases[ip].gold.diagnoses[1].poa = Some(Poa::Yes));
    assert!(p.is_empty(), "{p:#?}");
}

#[test]
fn a_pcs_code_on_an_outpatient_case_and_a_bad_modifier_are_caught() {
    let p = with(|p| {
        let d = p.cases[0].gold.diagnoses[0].clone();
        p.cases[0].gold.procedures.push(cases::model::GoldProcedure { code: "0DTJ4ZZ".into(), evidence: d.evidence, rationale: d.rationale });
        p.cases[0].gold.services[0].modifiers.push("RTX".into());
    });
    assert!(p.iter().any(|m| m.contains("ICD-10-PCS is reported for inpatient")), "{p:#?}");
    assert!(p.iter().any(|m| m.contains("modifier 'RTX'")), "{p:#?}");
}

#[test]
fn duplicate_case_ids_are_caught() {
    let p = with(|p| {
        let c = p.cases[0].clone();
        p.cases.push(c);
    });
    assert!(p.iter().any(|m| m.contains("used by another case")), "{p:#?}");
}

#[test]
fn the_pack_round_trips_through_json() {
    let p = builtin();
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(cases::library::parse_pack(&json).unwrap(), p);
}

