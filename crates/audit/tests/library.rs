//! The audit engine on the built-in case library: a perfect submission scores 100% with no finding, on every case;
//! planted errors are found and named.

use audit::{audit, Category, Config, Submission};
use cases::model::{Case, Poa};
use std::sync::OnceLock;

fn book() -> &'static codeset::CodeBook {
    static LIB: OnceLock<codebook::Library> = OnceLock::new();
    LIB.get_or_init(|| codebook::Library::embedded().expect("embedded code book")).book()
}

fn library() -> &'static [Case] {
    static PACK: OnceLock<cases::Pack> = OnceLock::new();
    &PACK.get_or_init(cases::library::builtin).cases
}

fn case(pred: impl Fn(&Case) -> bool) -> &'static Case {
    library().iter().find(|c| pred(c)).expect("a case of that kind in the library")
}

#[test]
fn a_perfect_submission_scores_100_percent_with_no_finding_on_every_case() {
    let cfg = Config::default();
    let mut failures = vec![];
    for c in library() {
        let r = audit(c, &Submission::from_gold(c), book(), &cfg);
        let errors: Vec<String> = r.findings.iter().filter(|f| f.category.is_error()).map(|f| f.message.clone()).collect();
        let own_edits: Vec<String> = r.edits.iter().filter(|e| !e.also_in_gold).map(|e| e.message.clone()).collect();
        let drg_wrong = r.drg.as_ref().is_some_and(|d| !d.drg_correct || d.dollars != 0.0) || r.raf.as_ref().is_some_and(|x| x.delta != 0.0);
        if r.scores.code_accuracy != 1.0 || r.scores.weighted != 1.0 || !r.scores.record_accurate || !errors.is_empty() || !own_edits.is_empty() || drg_wrong {
            failures.push(format!("{}: {:?} errors {errors:?} edits {own_edits:?}", c.id, r.scores));
        }
        assert_eq!(r.scores.gold_items, r.scores.correct, "{}", c.id);
    }
    assert!(failures.is_empty(), "{} cases:\n{}", failures.len(), failures.join("\n"));
}

fn categories(c: &Case, sub: &Submission) -> Vec<Category> {
    audit(c, sub, book(), &Config::default()).findings.iter().map(|f| f.category).filter(|k| k.is_error()).collect()
}

#[test]
fn planted_diagnosis_errors_are_categorised() {
    let c = case(|c| c.encounter.setting.is_inpatient() && c.gold.diagnoses.len() >= 3);
    let perfect = Submission::from_gold(c);

    let mut s = perfect.clone();
    s.diagnoses.remove(1);
    assert_eq!(categories(c, &s), vec![Category::Missed]);

    let mut s = perfect.clone();
    s.diagnoses.swap(0, 1);
    assert_eq!(categories(c, &s), vec![Category::Sequencing]);

    let mut s = perfect.clone();
    let other = if s.diagnoses[1].poa == Some(Poa::No) { Poa::Yes } else { Poa::No };
    s.diagnoses[1].poa = Some(other);
    if c.gold.diagnoses[1].poa.is_some() && c.gold.diagnoses[1].poa != Some(Poa::Exempt) {
        assert_eq!(categories(c, &s), vec![Category::PoaError]);
    }

    let mut s = perfect.clone();
    s.diagnoses.push(audit::submission::SubmittedDiagnosis { code: "R51.9".into(), poa: Some(Poa::Yes), rationale: None });
    assert_eq!(categories(c, &s), vec![Category::Unsupported]);

    let mut s = perfect.clone();
    s.diagnoses.push(audit::submission::SubmittedDiagnosis { code: "E11".into(), poa: Some(Poa::Yes), rationale: None });
    assert_eq!(categories(c, &s), vec![Category::HeaderCode]);

    let mut s = perfect.clone();
    s.diagnoses.push(audit::submission::SubmittedDiagnosis { code: "Q99.99".into(), poa: Some(Poa::Yes), rationale: None });
    assert_eq!(categories(c, &s), vec![Category::InvalidCode]);
}

#[test]
fn wrong_seventh_character_laterality_and_specificity() {
    let book = book();
    // A fracture case: the gold has a 7-character injury code.
    let c = case(|c| c.gold.diagnoses.iter().any(|d| d.code.starts_with('S') && d.code.replace('.', "").len() == 7));
    let i = c.gold.diagnoses.iter().position(|d| d.code.starts_with('S') && d.code.replace('.', "").len() == 7).unwrap();
    let gold = c.gold.diagnoses[i].code.clone();
    let perfect = Submission::from_gold(c);

    // Another valid 7th character.
    let other7 = ['A', 'D', 'S', 'B', 'G'].iter().map(|x| format!("{}{x}", &gold[..gold.len() - 1])).find(|x| *x != gold && book.is_valid(x)).unwrap();
    let mut s = perfect.clone();
    s.diagnoses[i].code = other7;
    assert_eq!(categories(c, &s), vec![Category::WrongSeventhCharacter]);

    // The other side, when the code has one (right 1 ↔ left 2 in the 6th position).
    let k = gold.replace('.', "");
    for (a, b) in [('1', '2'), ('2', '1')] {
        if k.as_bytes()[5] as char == a {
            let mut other: Vec<char> = k.chars().collect();
            other[5] = b;
            let other: String = other.into_iter().collect();
            if book.is_valid(&other) {
                let mut s = perfect.clone();
                s.diagnoses[i].code = other;
                assert_eq!(categories(c, &s), vec![Category::WrongLaterality], "{gold}");
            }
        }
    }

    // Same category, another code.
    let c = case(|c| c.gold.diagnoses.iter().any(|d| d.code == "J18.9"));
    let mut s = Submission::from_gold(c);
    let i = s.diagnoses.iter().position(|d| d.code == "J18.9").unwrap();
    s.diagnoses[i].code = "J18.1".into();
    assert_eq!(categories(c, &s), vec![Category::WrongSpecificity]);
}

#[test]
fn service_em_hcc_and_query_errors() {
    let c = case(|c| c.gold.services.iter().any(|s| !s.modifiers.is_empty() && !s.code.starts_with("992")));
    let i = c.gold.services.iter().position(|s| !s.modifiers.is_empty() && !s.code.starts_with("992")).unwrap();
    let mut s = Submission::from_gold(c);
    let j = s.services.iter().position(|x| x.code == c.gold.services[i].code).unwrap();
    s.services[j].modifiers.clear();
    assert_eq!(categories(c, &s), vec![Category::ModifierError]);
    let mut s = Submission::from_gold(c);
    s.services[j].units += 1;
    assert_eq!(categories(c, &s), vec![Category::UnitsError]);

    let c = case(|c| c.gold.em.as_ref().is_some_and(|e| e.code.ends_with('3') || e.code.ends_with('4')));
    let mut s = Submission::from_gold(c);
    let em = s.em.as_mut().unwrap();
    let last = em.code.pop().unwrap();
    em.code.push((last as u8 + 1) as char);
    assert_eq!(categories(c, &s), vec![Category::EmOver]);

    let c = case(|c| !c.gold.hccs.is_empty());
    let mut s = Submission::from_gold(c);
    let dropped = s.hccs.remove(0);
    let cats = categories(c, &s);
    assert!(cats.contains(&Category::HccMissed), "{cats:?}");
    let mut s = Submission::from_gold(c);
    s.hccs.push(audit::submission::SubmittedHcc { hcc: 999, ..dropped });
    assert!(categories(c, &s).contains(&Category::HccUnsupported));

    let c = case(|c| !c.gold.queries.is_empty());
    let mut s = Submission::from_gold(c);
    s.queries.clear();
    assert!(categories(c, &s).contains(&Category::QueryExpected));
}

#[test]
fn a_missed_mcc_shows_the_drg_and_dollars() {
    // An inpatient case whose gold DRG depends on one secondary diagnosis.
    let cfg = Config::default();
    let found = library().iter().filter(|c| c.encounter.setting.is_inpatient()).find_map(|c| {
        let perfect = Submission::from_gold(c);
        (1..perfect.diagnoses.len()).find_map(|i| {
            let mut s = perfect.clone();
            s.diagnoses.remove(i);
            let r = audit(c, &s, book(), &cfg);
            r.drg.as_ref().filter(|d| !d.drg_correct).map(|d| (c.id.clone(), d.clone(), r.scores.clone()))
        })
    });
    let (id, d, scores) = found.expect("some inpatient case loses its DRG with a secondary diagnosis missed");
    assert!(d.weight_delta < 0.0 && d.dollars < 0.0, "{id}: a missed CC/MCC underpays: {d:?}");
    assert_eq!(d.dollars, (d.weight_delta * cfg.base_rate * 100.0).round() / 100.0);
    assert!(!d.drivers.is_empty(), "{id}: the report says which change moved the DRG");
    assert!(scores.weighted < scores.code_accuracy, "{id}: a payment-changing error costs more than its share");
}

#[test]
fn rationales_are_scored_on_evidence_and_rule() {
    let c = case(|c| c.encounter.setting.is_inpatient());
    let mut s = Submission::from_gold(c);
    let r = audit(c, &s, book(), &Config::default());
    assert!(r.scores.rationale.unwrap() > 0.9, "the gold's own rationales score well: {:?}", r.scores.rationale);
    let rat = s.diagnoses[0].rationale.as_mut().unwrap();
    rat.evidence[0].quote = "words that are nowhere in the record".into();
    rat.rules = vec![cases::model::Rule::Guideline("OCG IX.Z".into())];
    let r = audit(c, &s, book(), &Config::default());
    let first = &r.rationales[0];
    assert!(!first.rule_ok && first.quotes_found < first.quotes, "{first:?}");
    assert!(first.problems.iter().any(|p| p.contains("not in")), "{:?}", first.problems);
    s.diagnoses[0].rationale = None;
    let r = audit(c, &s, book(), &Config::default());
    assert_eq!(r.rationales[0].score, 0.0);
}

fn edit_names(c: &Case, codes: &[&str]) -> Vec<String> {
    let mut s = Submission::from_gold(c);
    s.diagnoses = codes.iter().map(|code| audit::submission::SubmittedDiagnosis { code: code.to_string(), poa: Some(Poa::Yes), rationale: None }).collect();
    audit(c, &s, book(), &Config::default()).edits.iter().filter(|e| !e.also_in_gold).map(|e| e.name.clone()).collect()
}

#[test]
fn compliance_edits_on_the_submission_itself() {
    let ip = case(|c| c.encounter.setting.is_inpatient() && c.encounter.age > 20 && c.gold.procedures.is_empty());
    assert!(edit_names(ip, &["E11.9", "E10.9"]).contains(&"EXCLUDES1".to_string()));
    assert!(edit_names(ip, &["G30.9", "F02.80"]).is_empty(), "etiology first, manifestation after: clean");
    let wrong_order = edit_names(ip, &["F02.80", "G30.9"]);
    assert!(wrong_order.contains(&"MANIFESTATION_AS_PDX".to_string()) && wrong_order.contains(&"CODE_FIRST".to_string()), "{wrong_order:?}");
    let office = case(|c| c.encounter.setting == cases::model::Setting::PhysicianOffice);
    assert!(edit_names(office, &["F02.80", "G30.9"]).contains(&"MANIFESTATION_FIRST".to_string()));
    assert!(edit_names(office, &["D63.1", "N18.4"]).contains(&"MANIFESTATION_FIRST".to_string()), "CMS lists D63.1 as a manifestation");
    assert!(edit_names(ip, &["I10", "I10"]).contains(&"DUPLICATE".to_string()));
    assert!(edit_names(ip, &["J18.9", "E11.2"]).contains(&"HEADER_CODE".to_string()));
    assert!(edit_names(ip, &["S72.001"]).contains(&"SEVENTH_CHARACTER".to_string()));
    // The Medicare Code Editor on inpatient claims: a newborn's code on an adult.
    assert!(edit_names(ip, &["J18.9", "Z38.00"]).contains(&"AGE_CONFLICT".to_string()));
    assert!(edit_names(ip, &["E11.22"]).contains(&"USE_ADDITIONAL".to_string()), "E11.22 wants the CKD stage");
    assert!(!edit_names(ip, &["E11.22", "N18.32"]).contains(&"USE_ADDITIONAL".to_string()));
}

#[test]
fn a_dispute_accepted_rescores_and_the_trail_keeps_who_when_and_why() {
    use audit::dispute::{AuditRecord, DisputeError, Status};
    let cfg = Config::default();
    let c = case(|c| c.id == "IP-0001");
    let mut s = Submission::from_gold(c);
    s.diagnoses[0].code = "J18.1".into();
    s.diagnoses.pop();
    let mut rec = AuditRecord::new(audit(c, &s, book(), &cfg));
    let wrong = rec.report.findings.iter().position(|f| f.category == Category::WrongSpecificity).unwrap();
    let right = rec.report.findings.iter().position(|f| f.category == Category::Correct).unwrap();
    let before = rec.report.scores.code_accuracy;

    assert_eq!(rec.dispute(right, "learner-1", "2026-11-22T10:00:00Z", "it is right", None, &cfg), Err(DisputeError::NotAnError(right)));
    assert_eq!(rec.dispute(wrong, "learner-1", "2026-11-22T10:00:00Z", "  ", None, &cfg), Err(DisputeError::NoReason));
    let id = rec
        .dispute(wrong, "learner-1", "2026-11-22T10:00:00Z", "the x-ray report names lobar pneumonia", Some(cases::model::Rule::Guideline("OCG III.B".into())), &cfg)
        .unwrap();
    assert_eq!(rec.report.scores.code_accuracy, before, "a dispute alone changes no score");
    rec.decide(id, true, None, "instructor-2", "2026-11-22T11:30:00Z", "the attending documents lobar pneumonia on day 2", &cfg).unwrap();
    assert!(rec.report.scores.code_accuracy > before);
    assert_eq!(rec.disputes[0].status, Status::Accepted);
    assert!(matches!(rec.decide(id, false, None, "instructor-2", "2026-11-22T11:31:00Z", "again", &cfg), Err(DisputeError::AlreadyDecided(_, "accepted"))));

    let last = rec.trail.last().unwrap();
    assert_eq!((last.by.as_str(), last.at.as_str(), last.action.as_str()), ("instructor-2", "2026-11-22T11:30:00Z", "accepted"));
    assert_eq!((last.from, last.to), (Category::WrongSpecificity, Category::Correct));
    assert!(last.code_accuracy_after > last.code_accuracy_before);
    assert_eq!(rec.trail.len(), 2, "the dispute and the decision");

    // An override without a dispute is kept too.
    let missed = rec.report.findings.iter().position(|f| f.category == Category::Missed).unwrap();
    rec.override_finding(missed, Category::Correct, "auditor-3", "2026-11-23T09:00:00Z", "BMI is optional for this programme", &cfg).unwrap();
    assert_eq!(rec.trail.len(), 3);
    assert!(rec.report.scores.record_accurate);
}

#[test]
fn a_missed_hcc_diagnosis_lowers_the_risk_score_and_costs_dollars() {
    let cfg = Config::default();
    let mut checked = 0;
    for c in library().iter().filter(|c| c.gold.hccs.iter().any(|h| h.model == "V28")) {
        let perfect = Submission::from_gold(c);
        let raf = audit(c, &perfect, book(), &cfg).raf.expect("a risk adjustment case is scored with CMS-HCC");
        assert_eq!(raf.delta, 0.0);
        for h in c.gold.hccs.iter().filter(|h| h.model == "V28") {
            assert!(raf.gold_hccs.contains(&h.hcc), "{}: {:?} has HCC {}", c.id, raf.gold_hccs, h.hcc);
            let mut s = perfect.clone();
            s.diagnoses.retain(|d| d.code != h.diagnosis);
            let missed = audit(c, &s, book(), &cfg).raf.unwrap();
            if missed.submitted_hccs.contains(&h.hcc) {
                continue; // another diagnosis of the record maps to the same HCC
            }
            // V28 constrains the diabetes HCCs 36-38 to one factor: a less specific diabetes code can cost nothing.
            assert!(missed.delta <= 0.0, "{}: {missed:?}", c.id);
            if missed.delta == 0.0 {
                continue;
            }
            assert_eq!(missed.dollars_per_year, (missed.delta * cfg.monthly_benchmark * 12.0 * 100.0).round() / 100.0);
            assert!(missed.changes.iter().any(|x| x.contains(&format!("HCC {}", h.hcc))), "{}: {:?}", c.id, missed.changes);
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} HCCs checked");
}

/// Plants one error of a kind in the gold coding of `c`, when the case allows it.
fn plant(c: &Case, kind: Category) -> Option<Submission> {
    use audit::submission::{SubmittedDiagnosis, SubmittedHcc, SubmittedQuery};
    let mut s = Submission::from_gold(c);
    let inpatient = c.encounter.setting.is_inpatient();
    let gold_has = |code: &str| c.gold.diagnoses.iter().any(|d| d.code.replace('.', "") == code.replace('.', ""));
    match kind {
        Category::Missed if s.diagnoses.len() >= 2 => {
            s.diagnoses.pop();
        }
        Category::Sequencing if s.diagnoses.len() >= 2 => s.diagnoses.swap(0, 1),
        Category::PoaError if inpatient => {
            let d = s.diagnoses.iter_mut().find(|d| matches!(d.poa, Some(Poa::Yes) | Some(Poa::No)))?;
            d.poa = Some(if d.poa == Some(Poa::Yes) { Poa::No } else { Poa::Yes });
        }
        Category::Unsupported => {
            let extra = ["R51.9", "R53.83", "M54.50", "R42"].into_iter().find(|x| {
                !gold_has(x) && !c.gold.not_coded.iter().any(|n| n.tempting_code.as_deref() == Some(*x))
            })?;
            s.diagnoses.push(SubmittedDiagnosis { code: extra.into(), poa: inpatient.then_some(Poa::Yes), rationale: None });
        }
        Category::HeaderCode => {
            // The category of a gold code that has children, written as if it were a code.
            let header = c.gold.diagnoses.iter().map(|d| d.code[..3].to_string()).find(|h| !book().is_valid(h) && !gold_has(h))?;
            let other = ["J44", "I50", "E11", "N18"].into_iter().find(|x| !c.gold.diagnoses.iter().any(|d| d.code.starts_with(x)))?;
            let _ = header;
            s.diagnoses.push(SubmittedDiagnosis { code: other.into(), poa: inpatient.then_some(Poa::Yes), rationale: None });
        }
        Category::InvalidCode => s.diagnoses.push(SubmittedDiagnosis { code: "U99.99".into(), poa: inpatient.then_some(Poa::Yes), rationale: None }),
        Category::ModifierError => {
            let sv = s.services.iter_mut().find(|x| !x.modifiers.is_empty())?;
            sv.modifiers.clear();
        }
        Category::UnitsError => {
            let sv = s.services.first_mut()?;
            sv.units += 2;
        }
        Category::EmOver | Category::EmUnder => {
            let em = s.em.as_mut().filter(|e| !e.code.starts_with("9929"))?;
            let last = *em.code.as_bytes().last()?;
            let next = if kind == Category::EmOver { last + 1 } else { last - 1 };
            let code = format!("{}{}", &em.code[..em.code.len() - 1], next as char);
            if !(b'2'..=b'5').contains(&next) || !book().is_valid(&code) {
                return None;
            }
            em.code = code;
        }
        Category::HccMissed if !s.hccs.is_empty() => {
            s.hccs.pop();
        }
        Category::HccUnsupported if !s.hccs.is_empty() => {
            let h = s.hccs[0].clone();
            s.hccs.push(SubmittedHcc { hcc: 999, ..h });
        }
        Category::QueryExpected if !s.queries.is_empty() => {
            s.queries.pop();
        }
        Category::QueryNotExpected => s.queries.push(SubmittedQuery { about: "laterality".into(), text: "Which side?".into(), evidence: vec![] }),
        Category::AnesthesiaUnits => {
            let a = s.anesthesia.as_mut()?;
            a.time_minutes += 20;
        }
        _ => return None,
    }
    Some(s)
}

#[test]
fn every_planted_error_is_found_and_named_and_no_correct_code_is_flagged() {
    let kinds = [
        Category::Missed,
        Category::Sequencing,
        Category::PoaError,
        Category::Unsupported,
        Category::HeaderCode,
        Category::InvalidCode,
        Category::ModifierError,
        Category::UnitsError,
        Category::EmOver,
        Category::EmUnder,
        Category::HccMissed,
        Category::HccUnsupported,
        Category::QueryExpected,
        Category::QueryNotExpected,
        Category::AnesthesiaUnits,
    ];
    let cfg = Config::default();
    let mut planted = std::collections::BTreeMap::new();
    let mut wrong = vec![];
    for c in library() {
        for kind in kinds {
            let Some(s) = plant(c, kind) else { continue };
            let r = audit(c, &s, book(), &cfg);
            let errors: Vec<Category> = r.findings.iter().map(|f| f.category).filter(|k| k.is_error()).collect();
            *planted.entry(kind).or_insert(0) += 1;
            if errors != [kind] {
                wrong.push(format!("{} planted {kind:?}, found {errors:?}", c.id));
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {} plantings:\n{}", wrong.len(), planted.values().sum::<usize>(), wrong.iter().take(30).cloned().collect::<Vec<_>>().join("\n"));
    for kind in kinds {
        assert!(planted.get(&kind).copied().unwrap_or(0) >= 5, "too few cases allow planting {kind:?}: {planted:?}");
    }
}

#[test]
fn an_hcc_without_meat_in_the_record_scores_low() {
    let c = case(|c| !c.gold.hccs.is_empty());
    let mut s = Submission::from_gold(c);
    let r = audit(c, &s, book(), &Config::default());
    let good = r.rationales.iter().find(|x| x.item == "hccs[0]").unwrap();
    assert_eq!(good.score, 1.0, "{good:?}");
    s.hccs[0].monitored.clear();
    s.hccs[0].evaluated.clear();
    s.hccs[0].treated.clear();
    s.hccs[0].assessed = vec![cases::model::Evidence { doc: "d1".into(), quote: "patient reports feeling great".into(), at: None }];
    let r = audit(c, &s, book(), &Config::default());
    let bad = r.rationales.iter().find(|x| x.item == "hccs[0]").unwrap();
    assert!(!bad.rule_ok && bad.score < 0.5, "{bad:?}");
}

#[test]
fn a_brief_audit_counts_what_the_full_one_counts() {
    let cfg = Config::default();
    for c in library() {
        for s in [Submission::from_gold(c), plant(c, Category::Missed).unwrap_or_else(|| Submission::from_gold(c)), plant(c, Category::Unsupported).unwrap_or_else(|| Submission::from_gold(c))] {
            let (full, brief) = (audit(c, &s, book(), &cfg), audit::audit_brief(c, &s, book(), &cfg, None));
            assert_eq!(full.errors_by_category, brief.errors_by_category, "{}", c.id);
            assert_eq!((full.scores.code_accuracy, full.scores.record_accurate, full.scores.correct, full.scores.extra), (brief.scores.code_accuracy, brief.scores.record_accurate, brief.scores.correct, brief.scores.extra), "{}", c.id);
            assert_eq!(full.drg.as_ref().map(|d| (&d.gold_drg, &d.submitted_drg, d.dollars)), brief.drg.as_ref().map(|d| (&d.gold_drg, &d.submitted_drg, d.dollars)), "{}", c.id);
            assert_eq!(full.raf.as_ref().map(|x| x.delta), brief.raf.as_ref().map(|x| x.delta), "{}", c.id);
            assert!(brief.findings.iter().all(|f| f.message.is_empty()) && brief.scores.rationale.is_none());
        }
    }
}
