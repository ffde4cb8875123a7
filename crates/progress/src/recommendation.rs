//! The next cases for a learner: cases not yet attempted that exercise the error categories of their recent records,
//! each with the reason in one sentence; a spread over the tracks when there is no weakness to work on.

use crate::attempt::{chronological, Attempt};
use audit::Category;
use cases::model::{Case, Difficulty, Poa, Rationale, Track};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How many cases `Progress::of` recommends.
pub const RECOMMENDATIONS: usize = 5;

/// How many of the latest records the weaknesses are read from: what a learner got wrong months ago and has
/// since got right should not steer them.
pub const RECENT: usize = 10;

/// A case to do next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub case: String,
    pub title: String,
    pub tracks: Vec<Track>,
    pub difficulty: Difficulty,
    /// The learner's weak categories this case exercises (empty for a case of the spread over tracks).
    pub exercises: Vec<Category>,
    /// Why, in one sentence.
    pub reason: String,
}

/// The words for a category: the skill a case exercises, and the error a record had.
fn words(c: Category) -> (&'static str, &'static str) {
    match c {
        Category::Correct => ("correct coding", "no error"),
        Category::Missed => ("complete coding of everything documented", "a missed code"),
        Category::Unsupported => ("leaving alone what the record does not support", "an unsupported code"),
        Category::WrongSpecificity => ("code specificity", "a code of the wrong specificity"),
        Category::WrongSeventhCharacter => ("7th characters", "a wrong 7th character"),
        Category::WrongLaterality => ("laterality", "a wrong side"),
        Category::Sequencing => ("sequencing the principal or first-listed diagnosis", "a sequencing error"),
        Category::PoaError => ("POA indicators", "a POA error"),
        Category::ModifierError => ("modifiers", "a modifier error"),
        Category::UnitsError => ("units", "a units error"),
        Category::InvalidCode => ("complete, valid codes", "an invalid code"),
        Category::HeaderCode => ("complete, valid codes", "a header code"),
        Category::EmOver => ("E/M levelling by medical decision making", "an E/M level too high"),
        Category::EmUnder => ("E/M levelling by medical decision making", "an E/M level too low"),
        Category::HccMissed => ("capturing the HCCs that MEAT supports", "a missed HCC"),
        Category::HccUnsupported => ("supporting each HCC with MEAT", "an unsupported HCC"),
        Category::QueryExpected => ("when to query the provider", "a code where a query was expected"),
        Category::QueryNotExpected => ("when to query the provider", "a query where the record supports a code"),
        Category::AnesthesiaUnits => ("anesthesia units", "wrong anesthesia units"),
    }
}

/// Words for a track on a page.
pub fn track_label(t: Track) -> &'static str {
    match t {
        Track::HccRiskAdjustment => "HCC risk adjustment",
        Track::Surgery => "Surgery",
        Track::InpatientDrg => "Inpatient DRG",
        Track::OutpatientOpps => "Outpatient OPPS",
        Track::Anesthesia => "Anesthesia",
        Track::EmAuditing => "E/M auditing",
        Track::SnfHomeHealth => "SNF and home health",
        Track::Opd => "OPD",
        Track::Ip => "IP",
        Track::Ed => "ED",
        Track::Emr => "EMR",
    }
}

fn difficulty_word(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Foundation => "foundation",
        Difficulty::Intermediate => "intermediate",
        Difficulty::Advanced => "advanced",
    }
}

/// A code's length without its dot.
fn chars(code: &str) -> usize {
    code.chars().filter(|&c| c != '.' && !c.is_whitespace()).count()
}

/// Whether a rationale names a side (right, left, bilateral), so the code carries laterality. This crate has no
/// code book to read titles from; the gold rationales name the side whenever the code has one.
fn names_a_side(r: &Rationale) -> bool {
    let t = r.text.to_ascii_lowercase();
    let words: Vec<&str> = t.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, &w)| match w {
        "right" | "bilateral" | "unilateral" | "laterality" => true,
        // "left" is also a verb: "the patient left before being seen".
        "left" => !matches!(words.get(i + 1), Some(&("before" | "without" | "against" | "the"))),
        _ => false,
    })
}

/// The error categories a case gives a learner the chance to get right, read from its gold coding.
pub fn exercises(case: &Case) -> BTreeSet<Category> {
    let g = &case.gold;
    let reportable_poa = |p: Option<Poa>| matches!(p, Some(Poa::Yes | Poa::No | Poa::Unknown | Poa::ClinicallyUndetermined));
    let specific = g.diagnoses.iter().any(|d| chars(&d.code) >= 5);
    let items = g.diagnoses.len() + g.procedures.len() + g.services.len() + g.hccs.len();
    let sides = g.diagnoses.iter().map(|d| &d.rationale).chain(g.procedures.iter().map(|p| &p.rationale));
    [
        (Category::PoaError, case.encounter.setting.is_inpatient() && g.diagnoses.iter().any(|d| reportable_poa(d.poa))),
        (Category::Sequencing, g.diagnoses.len() >= 2),
        (Category::WrongSeventhCharacter, g.diagnoses.iter().any(|d| chars(&d.code) == 7)),
        (Category::WrongLaterality, sides.into_iter().any(names_a_side)),
        (Category::EmOver, g.em.is_some()),
        (Category::EmUnder, g.em.is_some()),
        (Category::ModifierError, g.services.iter().any(|s| !s.modifiers.is_empty()) || g.anesthesia.is_some()),
        (Category::UnitsError, g.services.iter().any(|s| s.units > 1)),
        (Category::HccMissed, !g.hccs.is_empty()),
        (Category::HccUnsupported, !g.hccs.is_empty()),
        (Category::AnesthesiaUnits, g.anesthesia.is_some()),
        (Category::QueryExpected, !g.queries.is_empty()),
        (Category::QueryNotExpected, !g.queries.is_empty()),
        (Category::Unsupported, !g.not_coded.is_empty()),
        (Category::Missed, items >= 4),
        (Category::WrongSpecificity, specific || !g.procedures.is_empty()),
        (Category::InvalidCode, specific),
        (Category::HeaderCode, specific),
    ]
    .into_iter()
    .filter_map(|(c, yes)| yes.then_some(c))
    .collect()
}

/// Up to `n` cases of the library the learner has not attempted: first those that exercise the error categories
/// of their last [`RECENT`] records (the most frequent category first, then the most weakness covered, easier
/// first, by case id), then a spread over the tracks they have coded least, at the level they have reached.
pub fn recommend(attempts: &[Attempt], library: &[Case], n: usize) -> Vec<Recommendation> {
    let attempted: BTreeSet<&str> = attempts.iter().map(|a| a.case.as_str()).collect();
    let all = chronological(attempts);
    let recent = &all[all.len().saturating_sub(RECENT)..];
    let mut weak: BTreeMap<Category, usize> = BTreeMap::new();
    for a in recent {
        for (&c, _) in a.errors_by_category.iter().filter(|(c, &k)| c.is_error() && k > 0) {
            *weak.entry(c).or_insert(0) += 1;
        }
    }
    let open: Vec<&Case> = library.iter().filter(|c| !attempted.contains(c.id.as_str())).collect();

    let mut ranked: Vec<(usize, usize, &Case, Vec<Category>)> = open
        .iter()
        .filter_map(|&c| {
            let mut hit: Vec<Category> = exercises(c).into_iter().filter(|k| weak.contains_key(k)).collect();
            hit.sort_by_key(|k| (std::cmp::Reverse(weak[k]), *k));
            let top = weak[hit.first()?];
            Some((top, hit.iter().map(|k| weak[k]).sum(), c, hit))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.difficulty.cmp(&b.2.difficulty)).then(a.2.id.cmp(&b.2.id)));
    let mut out: Vec<Recommendation> = ranked
        .into_iter()
        .take(n)
        .map(|(_, _, c, hit)| {
            let (skill, error) = words(hit[0]);
            let times = weak[&hit[0]];
            let reason = if recent.len() == 1 {
                format!("Exercises {skill}, where your last record had {error}.")
            } else {
                format!("Exercises {skill}, where {times} of your last {} records had {error}.", recent.len())
            };
            Recommendation { case: c.id.clone(), title: c.title.clone(), tracks: c.tracks.clone(), difficulty: c.difficulty, exercises: hit, reason }
        })
        .collect();
    if out.len() < n {
        spread(attempts, library, &open, n, &mut out);
    }
    out
}

/// Fills `out` up to `n` with one case per track in turn, the tracks least coded first: at foundation level for a
/// learner with no accurate record, else one level above the hardest case they coded accurately.
fn spread(attempts: &[Attempt], library: &[Case], open: &[&Case], n: usize, out: &mut Vec<Recommendation>) {
    let difficulty_of: BTreeMap<&str, Difficulty> = library.iter().map(|c| (c.id.as_str(), c.difficulty)).collect();
    let reached = attempts.iter().filter(|a| a.record_accurate).filter_map(|a| difficulty_of.get(a.case.as_str()).copied()).max();
    let level = match reached {
        None => Difficulty::Foundation,
        Some(Difficulty::Foundation) => Difficulty::Intermediate,
        Some(_) => Difficulty::Advanced,
    };
    let done = |t: Track| attempts.iter().filter(|a| a.tracks.contains(&t)).count();
    let mut tracks: Vec<Track> = Track::ALL.to_vec();
    tracks.sort_by_key(|&t| done(t));
    let rank = |d: Difficulty| (d as i32 - level as i32).abs();
    loop {
        let before = out.len();
        // A case covers all its tracks (an inpatient case is IP, inpatient DRG and EMR): a round skips the tracks
        // its earlier picks cover, so the spread reaches more settings.
        let mut covered: BTreeSet<Track> = BTreeSet::new();
        for &t in &tracks {
            if out.len() >= n {
                return;
            }
            if covered.contains(&t) {
                continue;
            }
            let taken = |c: &&&Case| out.iter().any(|r| r.case == c.id);
            let Some(c) = open.iter().filter(|c| c.tracks.contains(&t) && !taken(c)).min_by_key(|c| (rank(c.difficulty), &c.id)) else { continue };
            let (k, word) = (done(t), difficulty_word(c.difficulty));
            // "An intermediate case", "A foundation case".
            let a = if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "An" } else { "A" };
            let reason = match k {
                0 => format!("{a} {word} case to start the {} track.", track_label(t)),
                1 => format!("{a} {word} case in the {} track, where you have coded 1 record.", track_label(t)),
                _ => format!("{a} {word} case in the {} track, where you have coded {k} records.", track_label(t)),
            };
            covered.extend(c.tracks.iter().copied());
            out.push(Recommendation { case: c.id.clone(), title: c.title.clone(), tracks: c.tracks.clone(), difficulty: c.difficulty, exercises: vec![], reason });
        }
        if out.len() == before {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::sample;
    use std::sync::OnceLock;

    fn library() -> &'static [Case] {
        static PACK: OnceLock<cases::Pack> = OnceLock::new();
        &PACK.get_or_init(cases::library::builtin).cases
    }

    fn find(pred: impl Fn(&Case) -> bool) -> &'static Case {
        library().iter().find(|c| pred(c)).expect("a case of that kind")
    }

    #[test]
    fn what_a_case_exercises_is_read_from_its_gold_coding() {
        let ip = find(|c| c.encounter.setting.is_inpatient() && c.gold.diagnoses.iter().any(|d| d.poa == Some(Poa::Yes)));
        assert!(exercises(ip).contains(&Category::PoaError), "{}", ip.id);
        let office = find(|c| c.gold.em.is_some());
        assert!(exercises(office).is_superset(&[Category::EmOver, Category::EmUnder].into()));
        assert!(!exercises(office).contains(&Category::PoaError));
        let fracture = find(|c| c.gold.diagnoses.iter().any(|d| d.code.starts_with('S') && chars(&d.code) == 7));
        assert!(exercises(fracture).contains(&Category::WrongSeventhCharacter));
        let knee = find(|c| c.gold.diagnoses.iter().any(|d| d.code == "M17.11"));
        assert!(exercises(knee).contains(&Category::WrongLaterality));
        let same = |has: fn(&Case) -> bool, cat: Category| library().iter().all(|c| has(c) == exercises(c).contains(&cat));
        assert!(same(|c| !c.gold.hccs.is_empty(), Category::HccMissed));
        assert!(same(|c| c.gold.anesthesia.is_some(), Category::AnesthesiaUnits));
        assert!(same(|c| !c.gold.queries.is_empty(), Category::QueryExpected));
    }

    #[test]
    fn a_side_is_named_but_a_patient_who_left_is_not_one() {
        let r = |t: &str| Rationale { text: t.into(), rules: vec![] };
        assert!(names_a_side(&r("Osteoarthritis of the left knee: M17.12.")));
        assert!(names_a_side(&r("Bilateral primary osteoarthritis of the knee.")));
        assert!(!names_a_side(&r("The patient left before being seen by a provider.")));
        assert!(!names_a_side(&r("Pneumonia without an organism.")));
    }

    #[test]
    fn with_no_attempts_the_learner_gets_foundation_cases_spread_over_tracks() {
        let r = recommend(&[], library(), RECOMMENDATIONS);
        assert_eq!(r.len(), RECOMMENDATIONS);
        assert!(r.iter().all(|r| r.difficulty == Difficulty::Foundation && r.exercises.is_empty()), "{r:#?}");
        // Every case brings a track the ones before it do not have.
        for (i, x) in r.iter().enumerate() {
            let before: BTreeSet<Track> = r[..i].iter().flat_map(|r| r.tracks.iter().copied()).collect();
            assert!(x.tracks.iter().any(|t| !before.contains(t)), "{r:#?}");
        }
        assert!(r[0].reason.starts_with("A foundation case to start the "), "{}", r[0].reason);
        assert_eq!(r, recommend(&[], library(), RECOMMENDATIONS), "deterministic");
    }

    #[test]
    fn the_most_frequent_recent_error_leads_and_the_reason_counts_it() {
        let mut v: Vec<Attempt> = (0..10).map(|i| sample(&library()[i].id, i as i64)).collect();
        for a in v.iter_mut().take(3) {
            a.errors_by_category.insert(Category::PoaError, 1);
        }
        v[5].errors_by_category.insert(Category::EmUnder, 2);
        let r = recommend(&v, library(), 3);
        assert_eq!(r.len(), 3);
        for x in &r {
            assert_eq!(x.exercises[0], Category::PoaError, "{x:#?}");
            assert_eq!(x.reason, "Exercises POA indicators, where 3 of your last 10 records had a POA error.");
            assert!(v.iter().all(|a| a.case != x.case));
        }
    }

    #[test]
    fn old_errors_outside_the_recent_records_do_not_steer() {
        let mut v: Vec<Attempt> = (0..(RECENT + 1)).map(|i| sample(&library()[i].id, i as i64)).collect();
        v[0].errors_by_category.insert(Category::AnesthesiaUnits, 1);
        let r = recommend(&v, library(), RECOMMENDATIONS);
        assert!(r.iter().all(|x| x.exercises.is_empty()), "{r:#?}");
        // Every record was accurate and the hardest was coded: the spread moves a level up.
        assert!(r.iter().all(|x| x.difficulty >= Difficulty::Intermediate), "{r:#?}");
    }
}
