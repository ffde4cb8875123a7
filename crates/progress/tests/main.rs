//! Progress on the built-in case library, from real audits: perfect submissions (`Submission::from_gold`) and
//! submissions with planted errors.
//!
//! - attempts: what an attempt keeps of a report (`an_attempt_keeps_what_the_audit_found`)
//! - recommendations: planted POA errors bring POA cases not yet done; never an attempted case (property)
//! - productivity: charts per hour per setting from the timer
//! - cohort: dashboard rows
//! - svg: every chart of a real learner is well-formed XML; a script in a label stays text

use audit::{audit, Category, Config, Submission};
use cases::model::{Case, Poa, Setting};
use progress::recommendation::exercises;
use progress::svg::{self, Bar};
use progress::{cohort_rows, Attempt, Benchmarks, Progress};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Monday 2 March 2026, 00:00 UTC.
const MONDAY: i64 = 1_772_409_600_000;
const HOUR: i64 = 3_600_000;

fn book() -> &'static codeset::CodeBook {
    static LIB: OnceLock<codebook::Library> = OnceLock::new();
    LIB.get_or_init(|| codebook::Library::embedded().expect("embedded code book")).book()
}

fn library() -> &'static [Case] {
    static PACK: OnceLock<cases::Pack> = OnceLock::new();
    &PACK.get_or_init(cases::library::builtin).cases
}

fn cases(pred: impl Fn(&Case) -> bool) -> impl Iterator<Item = &'static Case> {
    library().iter().filter(move |c| pred(c))
}

fn attempt(c: &Case, sub: &Submission, at: i64, seconds: u32) -> Attempt {
    Attempt::from_report(c, &audit(c, sub, book(), &Config::default()), at, seconds)
}

fn perfect(c: &Case, at: i64, seconds: u32) -> Attempt {
    attempt(c, &Submission::from_gold(c), at, seconds)
}

/// An inpatient case whose second diagnosis has a reportable POA indicator, submitted with the other indicator.
fn poa_error(c: &Case, at: i64) -> Attempt {
    let mut s = Submission::from_gold(c);
    s.diagnoses[1].poa = Some(if s.diagnoses[1].poa == Some(Poa::No) { Poa::Yes } else { Poa::No });
    attempt(c, &s, at, 1_200)
}

fn poa_cases() -> impl Iterator<Item = &'static Case> {
    cases(|c| c.encounter.setting.is_inpatient() && c.gold.diagnoses.len() >= 2 && matches!(c.gold.diagnoses[1].poa, Some(Poa::Yes | Poa::No)))
}

#[test]
fn an_attempt_keeps_what_the_audit_found() {
    let c = poa_cases().next().unwrap();
    let a = perfect(c, MONDAY, 900);
    assert_eq!((a.case.as_str(), a.setting, &a.tracks, a.submitted_at, a.seconds_spent), (c.id.as_str(), Setting::Inpatient, &c.tracks, MONDAY, 900));
    assert_eq!((a.code_accuracy, a.record_accurate, a.weighted, a.drg_dollars), (1.0, true, 1.0, Some(0.0)));
    assert!(a.errors_by_category.is_empty() && a.rationale.is_some_and(|r| r > 0.9), "{a:?}");

    let bad = poa_error(c, MONDAY);
    assert_eq!(bad.errors_by_category.keys().copied().collect::<Vec<_>>(), [Category::PoaError]);
    assert!(!bad.record_accurate && bad.code_accuracy < 1.0);
    let json = serde_json::to_string(&bad).unwrap();
    assert_eq!(serde_json::from_str::<Attempt>(&json).unwrap(), bad);

    // A missed HCC: the attempt keeps the yearly dollars of the risk score's fall.
    let a = cases(|c| !c.gold.hccs.is_empty())
        .find_map(|c| {
            let mut s = Submission::from_gold(c);
            let code = s.hccs.remove(0).diagnosis;
            s.diagnoses.retain(|d| d.code != code);
            Some(attempt(c, &s, MONDAY, 600)).filter(|a| a.raf_dollars_per_year.is_some_and(|d| d < 0.0))
        })
        .expect("a case whose risk score falls with an HCC missed");
    assert!(a.has(Category::HccMissed) && a.drg_dollars.is_none(), "{a:?}");
}

#[test]
fn a_learner_with_planted_poa_errors_is_recommended_poa_cases_they_have_not_done() {
    // Ten records: three inpatient with a POA error, seven perfect office visits.
    let poa: Vec<&Case> = poa_cases().take(3).collect();
    let office: Vec<&Case> = cases(|c| c.encounter.setting == Setting::PhysicianOffice).take(7).collect();
    let mut attempts: Vec<Attempt> = poa.iter().enumerate().map(|(i, c)| poa_error(c, MONDAY + i as i64 * HOUR)).collect();
    attempts.extend(office.iter().enumerate().map(|(i, c)| perfect(c, MONDAY + (10 + i as i64) * HOUR, 300)));

    let p = Progress::of(&attempts, library(), &Benchmarks::default());
    let top = &p.errors[0];
    assert_eq!((top.category, top.records, top.recurring), (Category::PoaError, 3, true), "{:?}", p.errors);
    assert_eq!(p.recommendations.len(), progress::RECOMMENDATIONS);
    let done: BTreeSet<&str> = attempts.iter().map(|a| a.case.as_str()).collect();
    for r in &p.recommendations {
        let c = library().iter().find(|c| c.id == r.case).unwrap();
        assert!(!done.contains(r.case.as_str()), "{} was already coded", r.case);
        assert!(c.encounter.setting.is_inpatient() && exercises(c).contains(&Category::PoaError), "{r:?}");
        assert!(c.gold.diagnoses.iter().any(|d| matches!(d.poa, Some(Poa::Yes | Poa::No | Poa::Unknown | Poa::ClinicallyUndetermined))));
        assert_eq!(r.exercises[0], Category::PoaError);
        assert_eq!(r.reason, "Exercises POA indicators, where 3 of your last 10 records had a POA error.");
    }
    assert_eq!(p.recommendations, Progress::of(&attempts, library(), &Benchmarks::default()).recommendations, "deterministic");
}

#[test]
fn productivity_is_timed_records_over_hours_on_the_timer_per_setting() {
    let ip: Vec<&Case> = cases(|c| c.encounter.setting == Setting::Inpatient).take(3).collect();
    let ed: Vec<&Case> = cases(|c| c.encounter.setting == Setting::EmergencyDepartment).take(2).collect();
    let office = cases(|c| c.encounter.setting == Setting::PhysicianOffice).next().unwrap();
    let mut v: Vec<Attempt> = ip.iter().map(|c| perfect(c, MONDAY, 1_200)).collect(); // 3 records in 1 hour
    v.push(perfect(ed[0], MONDAY, 150));
    v.push(perfect(ed[1], MONDAY, 180)); // 2 records in 330 s: 21.8 an hour
    v.push(perfect(office, MONDAY, 0)); // no timer
    let b = Benchmarks { emergency_department: 25.0, ..Benchmarks::default() };
    let p = Progress::of(&v, library(), &b);
    let got: Vec<(Setting, usize, usize, Option<f64>, f64)> = p.productivity.iter().map(|s| (s.setting, s.records, s.timed_records, s.charts_per_hour, s.benchmark)).collect();
    assert_eq!(
        got,
        [(Setting::Inpatient, 3, 3, Some(3.0), 3.0), (Setting::EmergencyDepartment, 2, 2, Some(21.8), 25.0), (Setting::PhysicianOffice, 1, 0, None, 12.0)]
    );
    assert_eq!(p.untimed, 1);
    assert_eq!((p.records, p.code_accuracy, p.record_accuracy), (6, Some(1.0), Some(1.0)));
}

#[test]
fn cohort_rows_count_assigned_cases_done_and_the_top_error() {
    let poa: Vec<&Case> = poa_cases().take(3).collect();
    let assigned: Vec<String> = poa.iter().map(|c| c.id.clone()).chain(["NOT-A-CASE".to_string()]).collect();
    let ana = vec![poa_error(poa[0], MONDAY), perfect(poa[1], MONDAY + HOUR, 1_200), poa_error(poa[0], MONDAY + 2 * HOUR)];
    let rows = cohort_rows(&[(1, "Ana".into(), ana), (2, "Ben".into(), vec![])], &assigned);
    assert_eq!((rows[0].records, rows[0].assigned_done, rows[0].assigned_total), (3, 2, 4));
    assert_eq!((rows[0].top_error, rows[0].top_error_records, rows[0].last_activity), (Some(Category::PoaError), 2, Some(MONDAY + 2 * HOUR)));
    assert_eq!((rows[0].record_accuracy.map(|r| (r * 3.0).round()), rows[0].charts_per_hour), (Some(1.0), Some(3.0)));
    assert_eq!((rows[1].learner_id, rows[1].records, rows[1].code_accuracy, rows[1].top_error), (2, 0, None, None));
}

/// Checks that `svg` is one well-formed XML element (tags balanced, attributes and entities valid) and returns its
/// text content, unescaped.
fn well_formed(svg: &str) -> Result<Vec<String>, String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(svg);
    let (mut depth, mut roots, mut texts) = (0usize, 0usize, vec![]);
    loop {
        match r.read_event().map_err(|e| format!("{e} at {}", r.buffer_position()))? {
            Event::Start(e) | Event::Empty(e) if depth == 0 && e.name().as_ref() != b"svg" => return Err("the root is not svg".into()),
            Event::Start(e) => {
                roots += usize::from(depth == 0);
                depth += 1;
                for a in e.attributes() {
                    a.map_err(|x| x.to_string())?.unescape_value().map_err(|x| x.to_string())?;
                }
            }
            Event::Empty(e) => {
                for a in e.attributes() {
                    a.map_err(|x| x.to_string())?.unescape_value().map_err(|x| x.to_string())?;
                }
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => texts.push(t.unescape().map_err(|x| x.to_string())?.into_owned()),
            Event::Eof => break,
            _ => {}
        }
    }
    (depth == 0 && roots == 1).then_some(texts).ok_or_else(|| format!("depth {depth}, {roots} root elements"))
}

/// Thirty records over six weeks in every kind of setting, a few with errors.
fn busy_learner() -> Vec<Attempt> {
    let mut v = vec![];
    for (i, c) in library().iter().step_by(20).take(30).enumerate() {
        let at = MONDAY + i as i64 * 34 * HOUR;
        let mut s = Submission::from_gold(c);
        if i % 3 == 0 && s.diagnoses.len() > 1 {
            s.diagnoses.remove(1);
        }
        v.push(attempt(c, &s, at, if i % 7 == 0 { 0 } else { 300 + i as u32 * 40 }));
    }
    v
}

#[test]
fn every_chart_of_a_real_learner_is_well_formed_accessible_svg() {
    let v = busy_learner();
    let p = Progress::of(&v, library(), &Benchmarks::default());
    assert_eq!(p.accuracy.granularity, progress::Granularity::Week);
    assert!(p.errors.iter().any(|e| e.category == Category::Missed && e.recurring), "{:?}", p.errors);
    let charts = [svg::accuracy_chart(&p.accuracy), svg::productivity_chart(&p.productivity), svg::error_chart(&p.errors, p.records), svg::track_chart(&p.tracks)];
    for chart in &charts {
        let texts = well_formed(chart).unwrap_or_else(|e| panic!("{e}\n{chart}"));
        assert!(chart.starts_with("<svg ") && chart.contains(r#"role="img""#) && chart.contains("viewBox=\"0 0 640 "));
        assert!(chart.contains("<title id=") && chart.contains("<desc id="), "{chart}");
        // No script, and nothing fetched: the only address is the SVG namespace.
        assert!(!chart.contains("<script") && chart.matches("http").count() == 1, "{chart}");
        assert!(!chart.contains("NaN") && !chart.contains("inf"), "{chart}");
        assert!(texts.len() >= 4, "{texts:?}");
    }
    // The descriptions say the data in words.
    assert!(charts[0].contains("Week of 2026-03-02:"), "{}", charts[0]);
    assert!(charts[1].contains("Inpatient: ") && charts[1].contains("/h, benchmark 3/h"), "{}", charts[1]);
    assert!(charts[2].contains("Missed: ") && charts[2].contains("recurring"), "{}", charts[2]);
    assert!(charts[3].contains("Inpatient DRG: "), "{}", charts[3]);
    let ids: Vec<&str> = charts.iter().flat_map(|c| c.split(" id=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()])).collect();
    assert_eq!(ids.len(), 8, "{ids:?}");
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len(), "{ids:?}");
}

#[test]
fn a_script_in_a_label_stays_text() {
    let label = r#"<script>alert("x & y")</script>"#;
    let bar = Bar { label: label.into(), value: 3.0, text: "3 <b>records</b>".into(), marker: Some(2.0), strong: true };
    let chart = svg::bar_chart("Learners & <i>scores</i>", "Summary with ' and \"", &[bar], Some("Bar </svg>"));
    assert!(!chart.contains("<script") && !chart.contains("<b>") && !chart.contains("<i>"), "{chart}");
    let texts = well_formed(&chart).unwrap_or_else(|e| panic!("{e}\n{chart}"));
    assert!(texts.iter().any(|t| t == label), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Learners & <i>scores</i>"), "{texts:?}");
}

#[test]
fn a_new_learner_sees_empty_charts_and_a_spread_of_easy_cases() {
    let p = Progress::of(&[], library(), &Benchmarks::default());
    for chart in [svg::accuracy_chart(&p.accuracy), svg::productivity_chart(&p.productivity), svg::error_chart(&p.errors, 0), svg::track_chart(&p.tracks)] {
        well_formed(&chart).unwrap();
        assert!(chart.to_lowercase().contains("no records yet"), "{chart}");
    }
    assert_eq!(p.recommendations.len(), 5);
    assert!(p.recommendations.iter().all(|r| r.difficulty == cases::model::Difficulty::Foundation));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn recommendations_never_include_attempted_cases(
        picks in proptest::collection::vec((0..608usize, 0..19usize, any::<bool>()), 0..120),
        n in 0..12usize,
    ) {
        let lib = library();
        let categories = [
            Category::Missed, Category::Unsupported, Category::WrongSpecificity, Category::WrongSeventhCharacter,
            Category::WrongLaterality, Category::Sequencing, Category::PoaError, Category::ModifierError,
            Category::UnitsError, Category::InvalidCode, Category::HeaderCode, Category::EmOver, Category::EmUnder,
            Category::HccMissed, Category::HccUnsupported, Category::QueryExpected, Category::QueryNotExpected,
            Category::AnesthesiaUnits, Category::Correct,
        ];
        let attempts: Vec<Attempt> = picks.iter().enumerate().map(|(i, &(k, cat, ok))| {
            let c = &lib[k % lib.len()];
            let mut a = Attempt::from_report(c, &audit::Report {
                case: c.id.clone(), case_title: String::new(), coder: None, findings: vec![], edits: vec![],
                scores: Default::default(), errors_by_category: Default::default(), drg: None, raf: None,
                rationales: vec![], payment_codes: vec![], submitted_hccs: 0,
            }, MONDAY + i as i64 * HOUR, 600);
            a.record_accurate = ok;
            if !ok {
                a.errors_by_category.insert(categories[cat], 1);
            }
            a
        }).collect();
        let done: BTreeSet<&str> = attempts.iter().map(|a| a.case.as_str()).collect();
        let r = progress::recommend(&attempts, lib, n);
        prop_assert_eq!(r.len(), n.min(lib.len() - done.len()));
        let ids: BTreeSet<&str> = r.iter().map(|r| r.case.as_str()).collect();
        prop_assert_eq!(ids.len(), r.len(), "no case twice");
        prop_assert!(ids.is_disjoint(&done));
        prop_assert!(r.iter().all(|r| !r.reason.is_empty() && r.reason.ends_with('.')));
    }
}
