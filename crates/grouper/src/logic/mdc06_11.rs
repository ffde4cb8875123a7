//! Formulas of MDCs 6 to 11 that say more than "a code of the family's list".

#[allow(unused_imports)]
use super::{split, split_at, Special};
use crate::defs::Level;
use crate::engine::Features;
#[allow(unused_imports)]
use crate::lbl;

/// Whether the principal diagnosis carries a label of the family whose first DRG is `first`.
fn pdx_in(f: &Features, first: u16) -> bool {
    f.pdx_labels.iter().any(|l| f.d.label_drgs(l).first() == Some(&first))
}

/// `Drg(d)` of a split when `ok`, `No` otherwise.
fn when(ok: bool, f: &Features, drgs: &[u16]) -> Special {
    if ok {
        Special::Drg(split(f, drgs))
    } else {
        Special::No
    }
}

/// The DRG of a family whose formula is special, `Special::Generic` otherwise.
pub fn special(first: u16, f: &Features) -> Special {
    let medical = f.d.drg(first).is_some_and(|i| i.medical);
    match first {
        // Hernia procedures: inguinal or femoral first, then the other hernias.
        350 => {
            if f.pr(lbl!("350&351&352&353&354&355|INGUINAL AND FEMORAL HERNIA PROCEDURE ORPCS")) {
                Special::Drg(split(f, &[350, 351, 352]))
            } else {
                when(f.pr(lbl!("350&351&352&353&354&355|HERNIA PROCEDURE EXCEPT INGUINAL AND FEMORAL ORPCS")), f, &[353, 354, 355])
            }
        }
        // Peptic ulcer: a complicated one as principal diagnosis (380–382), an uncomplicated one (383–384).
        380 => {
            if f.pdx(lbl!("380&381&382&383&384|COMPLICATED PEPTIC ULCER PDX")) {
                Special::Drg(split(f, &[380, 381, 382]))
            } else {
                when(f.pdx(lbl!("380&381&382&383&384|UNCOMPLICATED PEPTIC ULCER PDX")), f, &[383, 384])
            }
        }
        // Cholecystectomy with common duct exploration (411–413), open (414–416), laparoscopic (417–419).
        411 => {
            let cde = f.pr(lbl!("411&412&413&414&415&416&417&418&419|C.D.E. ORPCS"));
            let open = f.pr(lbl!("411&412&413&414&415&416&417&418&419|CHOLECYSTECTOMY EXCEPT BY LAPAROSCOPE ORPCS"));
            let lap = f.pr(lbl!("411&412&413&414&415&416&417&418&419|LAPAROSCOPIC CHOLECYSTECTOMY ORPCS"));
            let chole = f.pr(lbl!("411&412&413&414&415&416&417&418&419|ORPCS")) || open || lap;
            if chole && cde {
                Special::Drg(split(f, &[411, 412, 413]))
            } else if open {
                Special::Drg(split(f, &[414, 415, 416]))
            } else if lap {
                Special::Drg(split(f, &[417, 418, 419]))
            } else {
                Special::No
            }
        }
        // Knee procedures with a principal diagnosis of infection.
        485 => when(f.pr(lbl!("485&486&487|KNEE PROCEDURE ORPCS")) && f.pdx(lbl!("485&486&487|INFECTION PDX")), f, &[485, 486, 487]),
        // Knee procedures without a principal diagnosis of infection.
        488 => when(f.pr(lbl!("488&489|KNEE PROCEDURE ORPCS")) && !f.pdx(lbl!("485&486&487|INFECTION PDX")), f, &[488, 489]),
        // Major hip and knee joint replacement: 469 with an MCC or a total ankle replacement.
        469 => {
            if f.pr(lbl!("469&470|TOTAL ANKLE REPLACEMENT")) || f.level_for(469) == Some(Level::Mcc) {
                Special::Drg(469)
            } else {
                when(f.pr(lbl!("469&470|ORPCS")), f, &[470])
            }
        }
        // Bilateral or multiple major joints of the lower extremity: codes of two different sites.
        461 => {
            let sites = [
                lbl!("461&462|TO QUALIFY AS BILATERAL OR MULTIPLE JOINT PROCEDURE YOU MUST HAVE AT LEAST ONE CODE FROM TWO DIFFERENT LOWER EXTREMITY SITES AS LISTED BELOW. EXAMPLES: LEFT HIP AND RIGHT HIP - BILATERAL"),
                lbl!("461&462|LEFT HIP"),
                lbl!("461&462|RIGHT KNEE"),
                lbl!("461&462|LEFT KNEE"),
                lbl!("461&462|RIGHT ANKLE"),
                lbl!("461&462|LEFT ANKLE"),
            ];
            when(sites.iter().filter(|&&l| f.pr(l)).count() >= 2, f, &[461, 462])
        }
        // Back and neck procedures except fusion: a disc device or neurostimulator makes 518.
        518 => {
            if f.pr(lbl!("518&519&520|DISC DEVICES ORPCS")) || f.pr(lbl!("518&519&520|NEUROSTIMULATORS")) {
                Special::Drg(518)
            } else {
                when(f.pr(lbl!("518&519&520|BACK & NECK EXCEPT DISC DEVICES ORPCS")), f, &[518, 519, 520])
            }
        }
        // Hip replacement with a principal diagnosis of hip fracture.
        521 => when(f.pdx(lbl!("521&522|PDX")) && f.pr(lbl!("521&522|AND ORPCS")), f, &[521, 522]),
        // Skin graft for a principal diagnosis of skin ulcer or cellulitis (573–575), or for another (576–578).
        573 => {
            if !f.pr(lbl!("573&574&575&576&577&578|SKIN GRAFT ORPCS")) {
                Special::No
            } else if f.pdx(lbl!("573&574&575&576&577&578|SKIN ULCER OR CELLULITIS PDX")) {
                Special::Drg(split(f, &[573, 574, 575]))
            } else {
                Special::Drg(split(f, &[576, 577, 578]))
            }
        }
        // Kidney and ureter procedures for a principal diagnosis of neoplasm (656–658), or not (659–661).
        656 => {
            if !f.pr(lbl!("656&657&658&659&660&661|KIDNEY AND URETER PROCEDURE ORPCS")) {
                Special::No
            } else if f.pdx(lbl!("656&657&658&659&660&661|NEOPLASM PDX")) {
                Special::Drg(split(f, &[656, 657, 658]))
            } else {
                Special::Drg(split(f, &[659, 660, 661]))
            }
        }
        // Kidney transplant with hemodialysis: both the transplant and the dialysis.
        650 => when(f.pr(lbl!("650&651|ORPCS")) && f.pr(lbl!("650&651|AND NON-ORPCS")), f, &[650, 651]),
        // Medical DRGs: the principal diagnosis (not a secondary one) is on the family's list.
        _ if medical => {
            if pdx_in(f, first) {
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
    let _ = f;
    None
}

/// A medical DRG decided before the principal diagnosis's own family (ventilation, discharge status…).
pub fn medical_first(f: &Features) -> Option<u16> {
    let _ = f;
    None
}

/// Whether the O.R. procedure at `index` of the claim counts toward the unrelated O.R. DRGs (981–989) in the
/// claim's MDC.
pub fn or_counts(f: &Features, index: usize) -> bool {
    let _ = (f, index);
    true
}
