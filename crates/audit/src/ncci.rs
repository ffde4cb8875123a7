//! NCCI edits on a submission's services, when a programme has imported the licensed CMS files
//! (`importer::ncci`): procedure-to-procedure (PTP) pairs and Medically Unlikely Edits (MUEs).
//!
//! - **PTP**: both codes of an edit in effect on the date of service (effective ≤ date < deletion) are reported.
//!   Modifier indicator 0: the column 2 code is never paid with the column 1 code. Indicator 1: it is, when an
//!   NCCI-associated modifier on either line says the services were distinct (59, XE, XS, XP, XU, 24, 25, 27, 57,
//!   58, 78, 79, 91, or an anatomic modifier; an anatomic modifier that both lines carry names one site, so it
//!   does not). Indicator 9: the edit does not apply.
//! - **MUE**: the units of a code above its value: per claim line for adjudication indicator 1, summed over the
//!   lines of the date of service for indicators 2 (policy, absolute) and 3 (clinical).
//!
//! The caller passes the imported set for the claim's kind (practitioner or outpatient hospital) and the date of
//! service as YYYYMMDD: `audit::ncci::check(&submission.services, &imported, 20250115)`.

use crate::edits::{ComplianceEdit, EditKind};
use crate::matching::key;
use crate::submission::SubmittedService;
use cases::model::Rule;
use importer::ncci::{ModifierIndicator, MueIndicator, NcciEdits, ProcedureCode, PtpEdit};

/// Modifiers that say two services were distinct whatever their sites (NCCI-associated, not anatomic).
const DISTINCT: [&str; 13] = ["59", "XE", "XS", "XP", "XU", "24", "25", "27", "57", "58", "78", "79", "91"];

/// Anatomic NCCI-associated modifiers: eyelids, fingers, toes, sides, coronary arteries.
const ANATOMIC: [&str; 31] = [
    "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5",
    "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
];

fn anatomic(m: &str) -> bool {
    ANATOMIC.contains(&m)
}

/// The NCCI PTP and MUE edits the services draw on a date of service (YYYYMMDD), in service order: PTP edits
/// first, then MUEs. Codes that are not CPT/HCPCS-shaped, or that no edit names, draw nothing.
#[must_use]
pub fn check(services: &[SubmittedService], edits: &NcciEdits, date: u32) -> Vec<ComplianceEdit> {
    if edits.is_empty() {
        return vec![];
    }
    let lines: Vec<Line> = services
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let code = ProcedureCode::parse(&key(&s.code))?;
            let modifiers = s.modifiers.iter().map(|m| m.trim().to_ascii_uppercase()).collect();
            Some(Line { number: i + 1, code, submitted: s.code.trim(), modifiers, units: s.units })
        })
        .collect();
    let mut out = vec![];
    ptp(&lines, edits, date, &mut out);
    mue(&lines, edits, &mut out);
    out
}

/// A service line with a code the edits can name.
struct Line<'a> {
    /// 1-based place in the submission's services.
    number: usize,
    code: ProcedureCode,
    submitted: &'a str,
    modifiers: Vec<String>,
    units: u16,
}

fn ptp(lines: &[Line], edits: &NcciEdits, date: u32, out: &mut Vec<ComplianceEdit>) {
    let mut reported: Vec<(ProcedureCode, ProcedureCode)> = vec![];
    for one in lines {
        for two in lines {
            if one.code == two.code || reported.contains(&(one.code, two.code)) {
                continue;
            }
            let Some(edit) = edits.active_pair(one.code, two.code, date) else {
                continue;
            };
            // A code on several lines: each pair of lines is judged; the pair of codes is reported once.
            let message = match edit.modifier {
                ModifierIndicator::NotApplicable => continue,
                ModifierIndicator::NotAllowed => not_allowed(one, two, edit),
                ModifierIndicator::Allowed => match bypass(one, two) {
                    Bypass::Distinct => continue,
                    why => allowed(one, two, edit, why),
                },
            };
            reported.push((one.code, two.code));
            out.push(ComplianceEdit {
                kind: EditKind::NcciPtp,
                name: "NCCI_PTP".into(),
                codes: vec![one.submitted.to_string(), two.submitted.to_string()],
                message,
                rule: Some(Rule::Edit("NCCI PTP".into())),
                also_in_gold: false,
            });
        }
    }
}

/// What the modifiers of two lines say about an edit whose indicator allows a bypass.
#[derive(PartialEq)]
enum Bypass {
    /// A modifier shows distinct services: the edit is bypassed.
    Distinct,
    /// No NCCI-associated modifier.
    None,
    /// Only anatomic modifiers, the same on both lines: one site.
    SameSite(String),
}

fn bypass(one: &Line, two: &Line) -> Bypass {
    if one.modifiers.iter().chain(&two.modifiers).any(|m| DISTINCT.contains(&m.as_str())) {
        return Bypass::Distinct;
    }
    let (a, b) = (sites(one), sites(two));
    if a.is_empty() && b.is_empty() {
        Bypass::None
    } else if a == b {
        Bypass::SameSite(a.join(", "))
    } else {
        Bypass::Distinct
    }
}

/// The anatomic modifiers of a line, sorted.
fn sites<'a>(l: &'a Line) -> Vec<&'a str> {
    let mut s: Vec<&str> = l.modifiers.iter().map(String::as_str).filter(|m| anatomic(m)).collect();
    s.sort_unstable();
    s
}

/// "column 1 20010, column 2 20012, in effect since 2015-04-01: Mutually exclusive procedures".
fn describe(edit: &PtpEdit, indicator: char) -> String {
    let mut s = format!(
        "NCCI PTP edit column 1 {}, column 2 {}, modifier indicator {indicator}, in effect since {}",
        edit.column1,
        edit.column2,
        show_date(edit.effective)
    );
    if !edit.rationale.is_empty() {
        s.push_str(": ");
        s.push_str(&edit.rationale);
    }
    s
}

fn not_allowed(one: &Line, two: &Line, edit: &PtpEdit) -> String {
    let (c1, c2) = (one.submitted, two.submitted);
    let tried: Vec<&str> = one
        .modifiers
        .iter()
        .chain(&two.modifiers)
        .map(String::as_str)
        .filter(|m| DISTINCT.contains(m) || anatomic(m))
        .collect();
    let tried =
        if tried.is_empty() { String::new() } else { format!(" (modifier {} does not change that)", tried.join(", ")) };
    format!(
        "{c2} is bundled into {c1} ({}): {c2} is not payable with {c1} on the same date of service and no modifier \
         bypasses this edit{tried}; report {c1} alone",
        describe(edit, '0')
    )
}

fn allowed(one: &Line, two: &Line, edit: &PtpEdit, why: Bypass) -> String {
    let (c1, c2) = (one.submitted, two.submitted);
    let same = match why {
        Bypass::SameSite(m) => format!(" ({m} on both lines names the same site, so it does not show distinct services)"),
        _ => String::new(),
    };
    format!(
        "{c2} is bundled into {c1} ({}): {c2} is paid with {c1} only with an NCCI-associated modifier{same}; report \
         {c1} alone, or, when the record documents {c2} as a distinct service (another site or organ, a separate \
         incision or lesion, another session or encounter), append XS, XE, XP or XU (or 59, or anatomic modifiers \
         naming the different sites) to {c2}",
        describe(edit, '1')
    )
}

fn mue(lines: &[Line], edits: &NcciEdits, out: &mut Vec<ComplianceEdit>) {
    let mut seen: Vec<ProcedureCode> = vec![];
    for first in lines {
        if seen.contains(&first.code) {
            continue;
        }
        seen.push(first.code);
        let Some(m) = edits.mue(first.code) else {
            continue;
        };
        let same: Vec<&Line> = lines.iter().filter(|l| l.code == first.code).collect();
        let basis = if m.rationale.is_empty() { String::new() } else { format!("; {}", m.rationale) };
        let (code, value) = (first.submitted, m.value);
        let mut push = |message: String| {
            out.push(ComplianceEdit {
                kind: EditKind::Mue,
                name: "MUE".into(),
                codes: vec![code.to_string()],
                message,
                rule: Some(Rule::Edit("NCCI MUE".into())),
                also_in_gold: false,
            });
        };
        match m.indicator {
            MueIndicator::Line => {
                for l in same.iter().filter(|l| u32::from(l.units) > value) {
                    push(format!(
                        "service line {} reports {} units of {code}; its MUE is {value} per claim line (adjudication \
                         indicator 1, line edit{basis}): report at most {value} on the line; the same code goes on \
                         another line only for a repeat or another site, with its modifier (76, 77, anatomic)",
                        l.number, l.units
                    ));
                }
            }
            indicator => {
                let total: u32 = same.iter().map(|l| u32::from(l.units)).sum();
                if total <= value {
                    continue;
                }
                let numbers: Vec<String> = same.iter().map(|l| l.number.to_string()).collect();
                let on =
                    if same.len() > 1 { format!(", summed over service lines {}", numbers.join(", ")) } else { String::new() };
                let (kind, right) = if indicator == MueIndicator::DateOfServicePolicy {
                    (
                        "2, date of service edit: policy",
                        "more units cannot be paid, on one line or several, with or without a modifier",
                    )
                } else {
                    (
                        "3, date of service edit: clinical",
                        "more units are paid only in rare cases the record documents, on appeal",
                    )
                };
                push(format!(
                    "{total} units of {code} on the date of service{on}; its MUE is {value} per date of service \
                     (adjudication indicator {kind}{basis}): report at most {value}; {right}"
                ));
            }
        }
    }
}

fn show_date(d: u32) -> String {
    format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use importer::ncci::{parse_mue, parse_ptp};

    // Synthetic files: invented code pairs and values in the CMS layouts (real rows are licensed, never committed).
    const PTP: &str = include_str!("../../importer/tests/data/ptp_practitioner_synthetic.txt");
    const MUE: &str = include_str!("../../importer/tests/data/mue_practitioner_synthetic.csv");
    const DAY: u32 = 20250115;

    fn edits() -> NcciEdits {
        let mut e = NcciEdits::default();
        e.add_ptp(parse_ptp(PTP).unwrap().edits);
        e.add_mue(parse_mue(MUE).unwrap().mues);
        e
    }

    fn svc(code: &str, modifiers: &[&str], units: u16) -> SubmittedService {
        SubmittedService { code: code.into(), modifiers: modifiers.iter().map(|m| m.to_string()).collect(), units, rationale: None }
    }

    fn of(kind: EditKind, found: &[ComplianceEdit]) -> Vec<&ComplianceEdit> {
        found.iter().filter(|e| e.kind == kind).collect()
    }

    #[test]
    fn a_bundled_pair_is_found_and_says_which_code_goes_into_which() {
        let found = check(&[svc("20010", &[], 1), svc("20011", &[], 1)], &edits(), DAY);
        assert_eq!(found.len(), 1, "{found:#?}");
        let e = &found[0];
        assert_eq!((e.kind, e.name.as_str()), (EditKind::NcciPtp, "NCCI_PTP"));
        assert_eq!(e.codes, ["20010", "20011"]);
        assert_eq!(e.rule, Some(Rule::Edit("NCCI PTP".into())));
        assert!(!e.also_in_gold);
        assert!(e.message.starts_with("20011 is bundled into 20010 (NCCI PTP edit column 1 20010, column 2 20011, modifier indicator 1"), "{}", e.message);
        assert!(e.message.contains("Standards of medical / surgical practice") && e.message.contains("append XS, XE, XP or XU"), "{}", e.message);
        assert_eq!(serde_json::to_value(e).unwrap()["kind"], "ncci_ptp");
    }

    #[test]
    fn the_pair_is_found_whatever_order_the_lines_are_in() {
        let found = check(&[svc(" 20011", &[], 1), svc("20010", &[], 1)], &edits(), DAY);
        assert_eq!(found[0].codes, ["20010", "20011"]);
    }

    #[test]
    fn indicator_1_is_bypassed_by_59_or_xs_on_either_code() {
        let e = edits();
        for (m1, m2) in [(&[][..], &["59"][..]), (&["XS"], &[]), (&[], &["xu"]), (&["RT"], &["LT"]), (&[], &["F2"])] {
            let found = check(&[svc("20010", m1, 1), svc("20011", m2, 1)], &e, DAY);
            assert!(found.is_empty(), "{m1:?} {m2:?}: {found:#?}");
        }
    }

    #[test]
    fn the_same_anatomic_modifier_on_both_lines_does_not_bypass() {
        let found = check(&[svc("20010", &["RT"], 1), svc("20011", &["RT"], 1)], &edits(), DAY);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("(RT on both lines names the same site"), "{}", found[0].message);
    }

    #[test]
    fn indicator_0_is_refused_even_with_a_modifier() {
        let found = check(&[svc("20010", &[], 1), svc("20012", &["59"], 1)], &edits(), DAY);
        assert_eq!(found.len(), 1);
        let m = &found[0].message;
        assert!(m.starts_with("20012 is bundled into 20010") && m.contains("modifier indicator 0"), "{m}");
        assert!(m.contains("no modifier bypasses this edit (modifier 59 does not change that); report 20010 alone"), "{m}");
    }

    #[test]
    fn a_deleted_edit_or_one_not_yet_in_effect_is_skipped() {
        let e = edits();
        let pair = [svc("20010", &[], 1), svc("20013", &[], 1)];
        // 20010/20013: indicator 1 from 2010, deleted 2020-01-01, back with indicator 0 from 2023-01-01.
        assert!(check(&pair, &e, 20210601).is_empty(), "deleted");
        assert!(check(&pair, &e, 20091231).is_empty(), "not yet in effect");
        assert!(check(&pair, &e, 20230101)[0].message.contains("modifier indicator 0"));
        assert!(check(&pair, &e, 20150101)[0].message.contains("modifier indicator 1"));
        // Indicator 9: never applies.
        assert!(check(&[svc("20014", &[], 1), svc("20015", &[], 1)], &e, DAY).is_empty());
        // 30020/30021 takes effect in 2024.
        assert!(check(&[svc("30020", &[], 1), svc("30021", &[], 1)], &e, 20231231).is_empty());
    }

    #[test]
    fn a_pair_reported_on_several_lines_is_one_edit_and_one_distinct_line_is_not_enough() {
        let lines = [svc("20010", &[], 1), svc("20011", &["59"], 1), svc("20011", &[], 1)];
        let found = check(&lines, &edits(), DAY);
        assert_eq!(of(EditKind::NcciPtp, &found).len(), 1, "{found:#?}");
    }

    #[test]
    fn units_over_a_line_mue_are_flagged_per_line() {
        let e = edits();
        // 20011: 2 per line (indicator 1).
        assert!(check(&[svc("20011", &["RT"], 2), svc("20011", &["LT"], 2)], &e, DAY).is_empty(), "each line within");
        let found = check(&[svc("99213", &[], 1), svc("20011", &[], 3)], &e, DAY);
        assert_eq!(found.len(), 1);
        let m = &found[0];
        assert_eq!((m.kind, m.name.as_str(), m.codes.clone()), (EditKind::Mue, "MUE", vec!["20011".to_string()]));
        assert_eq!(m.rule, Some(Rule::Edit("NCCI MUE".into())));
        assert!(m.message.starts_with("service line 2 reports 3 units of 20011; its MUE is 2 per claim line"), "{}", m.message);
    }

    #[test]
    fn units_over_a_date_of_service_mue_are_summed_over_the_lines() {
        let e = edits();
        // 20010: 1 per date of service (indicator 2, policy); two lines of 1 unit exceed it.
        let found = check(&[svc("20010", &["RT"], 1), svc("20010", &["LT"], 1)], &e, DAY);
        assert_eq!(found.len(), 1, "{found:#?}");
        let m = &found[0].message;
        assert!(m.starts_with("2 units of 20010 on the date of service, summed over service lines 1, 2; its MUE is 1 per date of service (adjudication indicator 2"), "{m}");
        assert!(m.contains("cannot be paid"), "{m}");
        // 30020: 4 per date of service (indicator 3, clinical).
        assert!(check(&[svc("30020", &[], 2), svc("30020", &[], 2)], &e, DAY).is_empty());
        let clinical = check(&[svc("30020", &[], 5)], &e, DAY);
        assert!(clinical[0].message.contains("indicator 3, date of service edit: clinical") && clinical[0].message.contains("record documents"));
    }

    #[test]
    fn nothing_is_drawn_without_imported_edits_or_for_codes_they_do_not_name() {
        let services = [svc("20010", &[], 3), svc("20011", &[], 1)];
        assert!(check(&services, &NcciEdits::default(), DAY).is_empty());
        assert!(check(&[svc("E11.9", &[], 1), svc("99213", &[], 9), svc("J18", &[], 1)], &edits(), DAY).is_empty());
    }

    #[test]
    fn an_edit_set_kept_as_json_reads_back_the_same_and_draws_the_same_edits() {
        let e = edits();
        let back: NcciEdits = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back, e);
        let services = [svc("20010", &[], 2), svc("20012", &[], 1), svc("G9990", &[], 1), svc("30020", &[], 1)];
        assert_eq!(check(&services, &back, DAY), check(&services, &e, DAY));
        assert_eq!(of(EditKind::NcciPtp, &check(&services, &e, DAY)).len(), 2);
        assert_eq!(of(EditKind::Mue, &check(&services, &e, DAY)).len(), 1);
    }
}
