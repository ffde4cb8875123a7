//! Formulas of MDCs 18 to 25 that say more than "a code of the family's list", and the rules that open MDC 24
//! (multiple significant trauma) and MDC 25 (HIV infection).

#[allow(unused_imports)]
use super::{split, split_at, Special};
use crate::code::Key;
use crate::engine::Features;
#[allow(unused_imports)]
use crate::lbl;

/// The DRG of a family whose formula is special, `Special::Generic` otherwise.
pub fn special(first: u16, f: &Features) -> Special {
    let medical = f.d.drg(first).is_some_and(|i| i.medical);
    match first {
        // 870–872: septicemia or severe sepsis principal; 870 with ventilation >96 hours, else by MCC.
        870 if f.pdx(lbl!("870&871&872|SEPTICEMIA PDX")) => Special::Drg(if f.pr(lbl!("870&871&872|MECHANICAL VENTILATION >96 HOURS")) {
            870
        } else {
            split(f, &[871, 872])
        }),
        870 => Special::No,
        // 927–934 burns: decided together by `burns` (surgical and medical).
        927 | 928 | 933 | 934 => Special::No,
        // 945–946 rehabilitation: a principal diagnosis of rehabilitation, or a rehabilitation procedure with any
        // MDC 23 principal diagnosis but those listed.
        945 => {
            let rehab = f.pdx(lbl!("945&946|PDX"))
                || (!f.pdx(lbl!("945&946|OR FIRST CONDITION - ANY MDC 23 PDX EXCEPT"))
                    && f.pr(lbl!("945&946|SECOND CONDITION - REHABILITATION PROCEDURE")));
            if rehab {
                Special::Generic
            } else {
                Special::No
            }
        }
        // Other medical DRGs of MDCs 18–23: the principal diagnosis is on the family's list (a secondary does not count).
        _ if medical && !super::pdx_on_list(f, first) => Special::No,
        _ => Special::Generic,
    }
}


/// A surgical DRG of the claim's MDC that no procedure list names (any O.R. procedure, for example).
pub fn surgical_without_list(f: &Features) -> Option<u16> {
    if f.or.is_empty() {
        return None;
    }
    match f.mdc {
        // 856–858 postoperative or post-traumatic infections with any O.R. procedure; 853–855 other MDC 18
        // principal diagnoses with any O.R. procedure.
        18 if f.pdx(lbl!("856&857&858|PDX")) => Some(split(f, &[856, 857, 858])),
        18 => Some(split(f, &[853, 854, 855])),
        22 => burns(f).filter(|d| f.d.drg(*d).is_some_and(|i| i.surgical)),
        // O.R. procedure with principal diagnoses of mental illness.
        19 => Some(876),
        // O.R. procedure with diagnoses of other contact with health services.
        23 => Some(split(f, &[939, 940, 941])),
        // HIV with an extensive O.R. procedure (non-extensive ones leave the claim medical).
        25 if f.or.iter().any(|(_, o)| o.extensive) => Some(split(f, &[969, 970])),
        _ => None,
    }
}

/// MDC 22 (burns), in the order the reference applies: 927 extensive burns, or full-thickness burns with
/// ventilation >96 hours, with a skin graft; 933 the same without a skin graft; 928–929 a full-thickness burn with a
/// skin graft or an inhalation injury; 934 a full-thickness burn otherwise; 935 other burns. Diagnoses principal or
/// secondary.
fn burns(f: &Features) -> Option<u16> {
    let any_dx = |l: u16| f.pdx(l) || f.sdx(l);
    let graft = f.pr(lbl!("927&933|SKIN GRAFT PROCEDURE ORPCS")) || f.pr(lbl!("928&929&934|SKIN GRAFT ORPCS"));
    let extensive = any_dx(lbl!("927&933|EXTENSIVE BURNS PSDX"))
        || (any_dx(lbl!("927&933|FULL THICKNESS BURNS PSDX")) && f.pr(lbl!("927&933|MECHANICAL VENTILATION >96 HOURS NON-ORPCS")));
    let full = any_dx(lbl!("928&929&934|PSDX"));
    Some(if extensive {
        if graft {
            927
        } else {
            933
        }
    } else if full && (graft || f.sdx(lbl!("928&929&934|INHALATION INJURY SDX"))) {
        split(f, &[928, 929])
    } else if full {
        934
    } else if f.pdx(lbl!("935|PDX")) {
        935
    } else {
        return None;
    })
}

/// MDC 24: a principal diagnosis of trauma and significant trauma of at least two body sites among all diagnoses.
pub fn is_multiple_trauma(f: &Features) -> bool {
    if !f.pdx.trauma_pdx {
        return false;
    }
    let mut sites = f.pdx.trauma_sites;
    for s in &f.claim.sdx {
        if let Some(info) = f.d.dx.get(&s.code) {
            sites |= info.trauma_sites;
        }
    }
    sites.count_ones() >= 2
}

/// MDC 25: a principal diagnosis of HIV disease, or an HIV-related principal diagnosis with HIV disease secondary.
pub fn is_hiv(f: &Features) -> bool {
    let hiv = Key::of("B20").expect("code");
    f.pdx_code() == hiv || (f.pdx.hiv_related && f.sdx_codes().any(|c| c == hiv))
}

/// A medical DRG decided before the principal diagnosis's own family (ventilation, discharge status…).
pub fn medical_first(f: &Features) -> Option<u16> {
    match f.mdc {
        22 => burns(f),
        20 => Some(if f.claim.discharge_status == 7 {
            // 894: alcohol/drug abuse or dependence, left against medical advice.
            894
        } else if f.pr(lbl!("895&896&897|ALCOHOL/DRUG ABUSE OR DEPENDENCE PDX IN MDC 20 REHABILITATION THERAPY NON-ORPCS")) {
            // 895: with rehabilitation therapy.
            895
        } else {
            // 896–897: without rehabilitation therapy, by MCC.
            split(f, &[896, 897])
        }),
        // 963–965: any multiple significant trauma without a surgical DRG, by severity.
        24 => Some(split(f, &[963, 964, 965])),
        25 => {
            // 974–976: HIV with a major related condition (principal, with HIV secondary; or secondary, with HIV
            // principal); 977: HIV with or without another related condition.
            let major = lbl!("974&975&976|AND PSDX OF MAJOR RELATED CONDITION");
            let hiv_pdx = f.pdx(lbl!("974&975&976|PSDX OF HIV INFECTION"));
            if (hiv_pdx && f.sdx(major)) || (!hiv_pdx && f.pdx(major)) {
                Some(split(f, &[974, 975, 976]))
            } else {
                Some(977)
            }
        }
        _ => None,
    }
}

/// Whether the O.R. procedure at `index` of the claim counts toward the unrelated O.R. DRGs (981–989) in the
/// claim's MDC.
pub fn or_counts(f: &Features, index: usize) -> bool {
    let _ = index;
    // MDC 25 has no unrelated O.R. DRGs: a non-extensive O.R. procedure leaves the claim medical.
    // Nor MDC 22: an O.R. procedure other than a skin graft leaves a burn medical.
    !matches!(f.mdc, 22 | 25)
}
