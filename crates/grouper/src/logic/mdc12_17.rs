//! Formulas of MDCs 12 to 17 that say more than "a code of the family's list".

#[allow(unused_imports)]
use super::{split, split_at, Special};
use crate::engine::Features;
#[allow(unused_imports)]
use crate::lbl;

/// A cesarean section (10D00Z0–2).
fn cesarean(f: &Features) -> bool {
    f.pr(lbl!("783&784&785|ORPCS"))
}

/// A sterilization procedure (the cesarean family's second list).
fn sterilization(f: &Features) -> bool {
    f.pr(lbl!("783&784&785|AND ORPCS"))
}

/// A vaginal delivery: a delivery outcome (Z37) as secondary diagnosis and a vaginal delivery procedure, O.R.
/// (10D17Z9, 10D18Z9) or not (forceps, vacuum, version, 10E0XZZ).
fn vaginal_delivery(f: &Features) -> bool {
    f.sdx(lbl!("768|SDX")) && (f.pr(lbl!("768|DELIVERY ORPCS")) || f.pr(lbl!("768|NON-ORPCS")))
}

/// A dilation and curettage after delivery (10D10ZZ, 10D17ZZ, 10D18ZZ).
fn delivery_dc(f: &Features) -> bool {
    f.pr(lbl!("796&797&798|OR ORPCS"))
}

/// An O.R. procedure outside DRG 768's exception list (sterilization, D&C, the delivery procedures…).
fn other_or_than_delivery(f: &Features) -> bool {
    let except = lbl!("768|WITH ANY ORPCS EXCEPT");
    f.or.iter().any(|&(i, _)| f.d.pr.get(&f.claim.procedures[i]).is_some_and(|p| !p.labels.contains(&except)))
}

/// The DRG of a family whose formula is special, `Special::Generic` otherwise.
pub fn special(first: u16, f: &Features) -> Special {
    let drg = |ok: bool, d: u16| if ok { Special::Drg(d) } else { Special::No };
    let split_if = |ok: bool, drgs: &[u16]| if ok { Special::Drg(split(f, drgs)) } else { Special::No };
    match first {
        // 783–785 Cesarean section and a sterilization.
        783 => split_if(cesarean(f) && sterilization(f), &[783, 784, 785]),
        // 786–788 Cesarean section without a sterilization.
        786 => split_if(cesarean(f) && !sterilization(f), &[786, 787, 788]),
        // 768 Vaginal delivery and an O.R. procedure outside the exception list.
        768 => drg(vaginal_delivery(f) && other_or_than_delivery(f), 768),
        // 796–798 Vaginal delivery and a sterilization or a D&C.
        796 => split_if(vaginal_delivery(f) && (sterilization(f) || delivery_dc(f)), &[796, 797, 798]),
        // 770 Principal diagnosis of abortion and a D&C, aspiration curettage or hysterotomy.
        770 => drg(f.pdx(lbl!("770|PDX")) && f.pr(lbl!("770|AND ORPCS")), 770),
        // 715–716 Other male reproductive system O.R. procedure with a malignancy as principal diagnosis, 717–718
        // without.
        715 => Special::Drg(if f.pdx(lbl!("715&716&717&718|MALIGNANCY PDX")) { split(f, &[715, 716]) } else { split(f, &[717, 718]) }),
        // 736–738 Uterine and adnexa procedure for an ovarian or adnexal malignancy (principal diagnosis); 739–741
        // for another malignancy of the list.
        736 => {
            if f.pdx(lbl!("736&737&738&739&740&741|OVARIAN/ADNEXAL MALIGNANCY PDX")) {
                Special::Drg(split(f, &[736, 737, 738]))
            } else if f.pdx(lbl!("736&737&738&739&740&741|NON-OVARIAN/ADNEXAL MALIGNANCY PDX")) {
                Special::Drg(split(f, &[739, 740, 741]))
            } else {
                Special::No
            }
        }
        739 => split_if(f.pdx(lbl!("736&737&738&739&740&741|NON-OVARIAN/ADNEXAL MALIGNANCY PDX")), &[739, 740, 741]),
        // 742–743 Uterine and adnexa procedure with a principal diagnosis of non-malignancy.
        742 => split_if(f.pdx(lbl!("742&743|PDX")), &[742, 743]),
        // 820–822 Lymphoma or leukemia (principal diagnosis) with a major O.R. procedure.
        820 => split_if(f.pdx(lbl!("820&821&822|PDX")), &[820, 821, 822]),
        // 823–825 Lymphoma or non-acute leukemia, 850 acute leukemia, 829–830 myeloproliferative disorders, each with
        // another procedure (a listed non-O.R. one here; any other O.R. one in `surgical_without_list`).
        823 => split_if(f.pdx(lbl!("823&824&825|PDX")), &[823, 824, 825]),
        850 => drg(f.pdx(lbl!("850|PDX")), 850),
        829 => split_if(myeloproliferative(f), &[829, 830]),
        // 826–828 Myeloproliferative disorder or poorly differentiated neoplasm with a major O.R. procedure.
        826 => split_if(myeloproliferative(f), &[826, 827, 828]),
        // 837–839 Chemotherapy with acute leukemia as secondary diagnosis (by severity) or with a high dose
        // chemotherapy agent (837 with MCC, else 838).
        837 => {
            let leukemia = f.sdx(lbl!("837&838&839|ACUTE LEUKEMIA SDX"));
            let high_dose = f.pr(lbl!("837&838&839|HIGH DOSE CHEMO AGENT"));
            if !f.pdx(lbl!("837&838&839|CHEMOTHERAPY PDX")) || !(leukemia || high_dose) {
                Special::No
            } else if high_dose {
                Special::Drg(split(f, &[837, 838]))
            } else {
                Special::Drg(split(f, &[837, 838, 839]))
            }
        }
        // Medical families of a principal-diagnosis list: the principal diagnosis must be on it (a secondary
        // diagnosis of the list does not make the DRG).
        722 | 725 | 727 | 729 | 754 | 757 | 760 | 808 | 811 | 813 | 814 | 834 | 840 | 843 | 846 | 849 => {
            if super::pdx_on_list(f, first) {
                Special::Generic
            } else {
                Special::No
            }
        }
        _ => Special::Generic,
    }
}


/// A surgical DRG of the claim's MDC that no procedure list names (any O.R. procedure, for example).
pub fn surgical_without_list(f: &Features) -> Option<u16> {
    if f.or.is_empty() {
        return None;
    }
    match f.mdc {
        // 817–819 Other antepartum diagnoses with any O.R. procedure; 769 postpartum and post abortion diagnoses
        // with any O.R. procedure.
        14 if f.pdx(lbl!("817&818&819|PDX")) => Some(split(f, &[817, 818, 819])),
        14 if f.pdx(lbl!("769|PDX")) => Some(769),
        12 | 13 | 16 => unrelated_with_clusters(f),
        17 => lymphoma_other_or(f),
        _ => None,
    }
}

/// The unrelated O.R. DRGs (981–989) where the engine's rule (an O.R. procedure none of whose DRGs is in the MDC)
/// misses some: in MDC 13 a uterine and adnexa procedure (736–743) with a principal diagnosis on none of those
/// families' lists (candidiasis of vulva or vagina, N99.85). Surgical DRGs of the MDC rank before.
fn unrelated_with_clusters(f: &Features) -> Option<u16> {
    let uterine = lbl!("736&737&738&739&740&741|UTERINE AND ADNEXAL PROCEDURE ORPCS");
    let uterine_unrelated = f.mdc == 13
        && !(f.pdx(lbl!("742&743|PDX"))
            || f.pdx(lbl!("736&737&738&739&740&741|OVARIAN/ADNEXAL MALIGNANCY PDX"))
            || f.pdx(lbl!("736&737&738&739&740&741|NON-OVARIAN/ADNEXAL MALIGNANCY PDX")));
    let mut found = false;
    let mut extensive = false;
    for &(i, or) in &f.or {
        let in_mdc = |x: u16| f.d.drg(x).is_some_and(|d| d.mdc == f.mdc);
        let is_uterine = uterine_unrelated && f.d.pr.get(&f.claim.procedures[i]).is_some_and(|p| p.labels.contains(&uterine));
        let related = or.drgs.iter().any(|&x| in_mdc(x) && !(is_uterine && (736..=743).contains(&x)));
        if !related {
            found |= is_uterine;
            extensive |= or.extensive;
        }
    }
    found.then(|| split(f, if extensive { &[981, 982, 983] } else { &[987, 988, 989] }))
}

/// A principal diagnosis of myeloproliferative disorder or poorly differentiated neoplasm.
fn myeloproliferative(f: &Features) -> bool {
    f.pdx(lbl!("826&827&828|MYELOPROLIFERATIVE DISORDERS OR POORLY DIFFERENTIATED NEOPLASMS PDX"))
}

/// MDC 17 with an O.R. procedure outside the major O.R. list: 823–825 (lymphoma, non-acute leukemia), 850 (acute
/// leukemia), 829–830 (myeloproliferative disorders).
fn lymphoma_other_or(f: &Features) -> Option<u16> {
    let outside = |major: u16| f.or.iter().any(|&(i, _)| f.d.pr.get(&f.claim.procedures[i]).is_some_and(|p| !p.labels.contains(&major)));
    if f.pdx(lbl!("850|PDX")) && outside(lbl!("820&821&822|ORPCS")) {
        Some(850)
    } else if f.pdx(lbl!("823&824&825|PDX")) && outside(lbl!("820&821&822|ORPCS")) {
        Some(split(f, &[823, 824, 825]))
    } else if myeloproliferative(f) && outside(lbl!("826&827&828|MAJOR O.R. PROCEDURE ORPCS")) {
        Some(split(f, &[829, 830]))
    } else {
        None
    }
}

/// A medical DRG decided before the principal diagnosis's own family (ventilation, discharge status…).
pub fn medical_first(f: &Features) -> Option<u16> {
    match f.mdc {
        14 => Some(if vaginal_delivery(f) {
            // 805–807 Vaginal delivery (without sterilization or D&C).
            split(f, &[805, 806, 807])
        } else if f.pdx(lbl!("779|PDX")) {
            // 779 Abortion without D&C.
            779
        } else if f.pdx(lbl!("776|PDX")) {
            // 776 Postpartum and post abortion diagnoses without O.R. procedure.
            776
        } else if f.pdx(lbl!("831&832&833|PDX")) {
            // 831–833 Other antepartum diagnoses without O.R. procedure.
            split(f, &[831, 832, 833])
        } else {
            // 998 A principal diagnosis (childbirth complications) valid only with a delivery.
            998
        }),
        15 => Some(newborn(f)),
        _ => None,
    }
}

/// MDC 15's DRG: 789 died or transferred to acute care, then by the newborn's diagnoses (principal or secondary).
fn newborn(f: &Features) -> u16 {
    let any = |l: u16| f.pdx(l) || f.sdx(l);
    // A major problem: principal or secondary diagnosis of the major problems list, or a secondary one of its
    // secondary-only list.
    let major = any(lbl!("793|MAJOR PROBLEMS PSDX")) || f.sdx(lbl!("793|OR SDX"));
    if matches!(f.claim.discharge_status, 2 | 5 | 20 | 66 | 82 | 85 | 94) {
        // 789 Neonates, died (20) or transferred to another acute care facility (2, 5, 66 and the planned
        // readmission statuses 82, 85, 94).
        789
    } else if any(lbl!("790|PSDX")) {
        // 790 Extreme immaturity or respiratory distress syndrome.
        790
    } else if any(lbl!("791&792|PREMATURITY PSDX")) {
        // 791–792 Prematurity with or without a major problem.
        if major { 791 } else { 792 }
    } else if major {
        // 793 Full term neonate with major problems.
        793
    } else if f.pdx(lbl!("795|PDX")) && newborn_sdx_only_normal(f) {
        // 795 Normal newborn: a normal-newborn principal diagnosis and only secondary diagnoses of its list.
        795
    } else {
        // 794 Neonate with other significant problems.
        794
    }
}

/// Whether every secondary diagnosis is one a normal newborn may have: on the list of allowed secondary diagnoses or
/// on the normal newborn's principal-diagnosis list (jaundice P59.8), or a code the tables do not list (as the
/// reference does).
fn newborn_sdx_only_normal(f: &Features) -> bool {
    let ok = [lbl!("795|AND NO SDX OR ONLY SDX"), lbl!("795|PDX")];
    f.claim.sdx.iter().all(|s| {
        s.code == f.claim.pdx.code || f.d.dx.get(&s.code).is_none_or(|i| i.labels.iter().any(|l| ok.contains(l)))
    })
}

/// Whether the O.R. procedure at `index` of the claim counts toward the unrelated O.R. DRGs (981–989) in the
/// claim's MDC.
pub fn or_counts(f: &Features, index: usize) -> bool {
    let _ = index;
    // MDC 14 has no unrelated O.R. procedure: each principal diagnosis takes any O.R. procedure or none. MDC 15
    // (newborns) has no surgical DRG: its DRGs ignore O.R. procedures. In MDC 17 every principal diagnosis takes any
    // O.R. procedure (major or other).
    !matches!(f.mdc, 14 | 15 | 17)
}
