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

/// The first outpatient case with a service line and no diabetes code (the tests below add codes to it).
fn outpatient(p: &Pack) -> usize {
    p.cases
        .iter()
        .position(|c| !c.encounter.setting.is_inpatient() && !c.gold.services.is_empty() && !c.gold.diagnoses.iter().any(|d| d.code.starts_with('E')))
        .expect("an outpatient case with services")
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
    let add_both = |p: &mut Pack| {
        let k = outpatient(p);
        for code in ["E11.9", "E10.9"] {
            let mut d = p.cases[k].gold.diagnoses[0].clone();
            d.code = code.into();
            p.cases[k].gold.diagnoses.push(d);
        }
        k
    };
    let p = with(|p| {
        add_both(p);
    });
    assert!(p.iter().any(|m| m.contains("Excludes1")), "{p:#?}");
    let p = with(|p| {
        let k = add_both(p);
        p.cases[k].gold.excludes1_exceptions.push(cases::model::Excludes1Exception { codes: ["E11.9".into(), "E10.9".into()], reason: "test".into() });
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
        let k = outpatient(p);
        let d = p.cases[k].gold.diagnoses[0].clone();
        p.cases[k].gold.procedures.push(cases::model::GoldProcedure { code: "0DTJ4ZZ".into(), evidence: d.evidence, rationale: d.rationale });
        p.cases[k].gold.services[0].modifiers.push("RTX".into());
        p.cases[k].gold.services[0].modifiers.push("ZZ".into());
    });
    assert!(p.iter().any(|m| m.contains("ICD-10-PCS is reported for inpatient")), "{p:#?}");
    assert!(p.iter().any(|m| m.contains("modifier 'RTX'")), "{p:#?}");
    assert!(p.iter().any(|m| m.contains("modifier 'ZZ' is not a HCPCS Level II modifier")), "{p:#?}");
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

#[test]
fn the_builtin_library_is_exactly_what_the_generator_writes_from_its_seed() {
    let generated = cases::library::to_json(&cases::generate::generate(cases::generate::SEED));
    assert!(
        generated == cases::library::BUILTIN_JSON,
        "data/cases/builtin.json is stale: run `cargo run --release -- cases generate --out data/cases/builtin.json`"
    );
}

#[test]
fn the_library_has_at_least_500_cases_and_50_in_every_track() {
    let pack = builtin();
    assert!(pack.cases.len() >= 500, "{} cases", pack.cases.len());
    for t in cases::Track::ALL {
        let n = pack.cases.iter().filter(|c| c.tracks.contains(&t)).count();
        assert!(n >= 50, "track {} has {n} cases", t.name());
    }
}

#[test]
fn no_two_cases_share_more_than_80_percent_of_their_text() {
    let o = cases::overlap::measure(&builtin().cases);
    assert!(o.pair_max <= 0.80, "highest pair {:.1}%: {:?}", o.pair_max * 100.0, &o.top[..o.top.len().min(5)]);
}

#[test]
fn every_gold_hcc_is_the_one_cms_maps_its_diagnosis_to_and_survives_the_hierarchy() {
    for c in builtin().cases.iter().filter(|c| !c.gold.hccs.is_empty()) {
        let hccs: Vec<u16> = c.gold.hccs.iter().map(|h| h.hcc).collect();
        assert_eq!(cases::hcc_map::after_hierarchies("V28", &hccs).len(), hccs.len(), "{}: an HCC the hierarchy drops is listed: {hccs:?}", c.id);
    }
}

#[test]
fn documents_read_like_records_a_discharge_summary_runs_300_to_1500_words() {
    for c in builtin().cases {
        for d in &c.documents {
            if d.kind == cases::model::DocumentKind::DischargeSummary {
                let w = d.text.split_whitespace().count();
                assert!((300..=1500).contains(&w), "{} {}: {w} words", c.id, d.id);
            }
        }
    }
}
