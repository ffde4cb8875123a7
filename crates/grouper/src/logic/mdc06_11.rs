//! Formulas of MDCs 6 to 11 that say more than "a code of the family's list".

#[allow(unused_imports)]
use super::{split, split_at, Special};
use crate::code::Key;
use crate::defs::Level;
use crate::engine::Features;
#[allow(unused_imports)]
use crate::lbl;

/// The procedures of the claim on the list `l` (outside clusters), a code reported twice counting twice.
fn count(f: &Features, l: u16) -> usize {
    (0..f.claim.procedures.len())
        .filter(|&i| f.counts(i, l))
        .count()
}

/// An extensive fusion (456–458): a fusion of eight or more thoracic vertebrae, or of two to seven thoracic
/// vertebrae with one of two or more lumbar vertebrae by the same approach and column (the qualifier; a custom-made
/// interbody device counts as anterior, its posterior variant as posterior).
fn extensive_fusion(f: &Features) -> bool {
    let ext = lbl!("456&457&458|EXTENSIVE FUSIONS ORPCS");
    let codes: Vec<Key> =
        (0..f.claim.procedures.len()).filter(|&i| f.counts(i, ext)).map(|i| f.claim.procedures[i]).collect();
    let column = |p: &Key| -> u8 {
        if p.starts_with("XRGC") {
            if p.byte(5) == b'E' { b'1' } else { b'0' }
        } else {
            p.byte(6)
        }
    };
    codes.iter().any(|p| p.starts_with("0RG8"))
        || codes.iter().any(|t| {
            let lumbar = |l: &&Key| l.starts_with("0SG1") || l.starts_with("XRGC");
            t.starts_with("0RG7") && codes.iter().filter(lumbar).any(|l| column(l) == column(t))
        })
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
    let info = f.d.drg(first);
    let medical = info.is_some_and(|i| i.medical);
    let surgical = info.is_some_and(|i| i.surgical);
    // The procedure labels of the MDC: a procedure of a complete cluster counts only through the cluster.
    let pr = |l: u16| f.pr(l);
    match first {
        // Hernia procedures: inguinal or femoral first, then the other hernias.
        350 => {
            if pr(lbl!("350&351&352&353&354&355|INGUINAL AND FEMORAL HERNIA PROCEDURE ORPCS")) {
                Special::Drg(split(f, &[350, 351, 352]))
            } else {
                when(pr(lbl!("350&351&352&353&354&355|HERNIA PROCEDURE EXCEPT INGUINAL AND FEMORAL ORPCS")), f, &[353, 354, 355])
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
            let cde = pr(lbl!("411&412&413&414&415&416&417&418&419|C.D.E. ORPCS"));
            let open = pr(lbl!("411&412&413&414&415&416&417&418&419|CHOLECYSTECTOMY EXCEPT BY LAPAROSCOPE ORPCS"));
            let lap = pr(lbl!("411&412&413&414&415&416&417&418&419|LAPAROSCOPIC CHOLECYSTECTOMY ORPCS"));
            let chole = pr(lbl!("411&412&413&414&415&416&417&418&419|ORPCS")) || open || lap;
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
        // Biliary tract procedures except only cholecystectomy: a biliary procedure of the list, or a common duct
        // exploration without a cholecystectomy.
        408 => {
            let chole = pr(lbl!("411&412&413&414&415&416&417&418&419|ORPCS"));
            let ok = pr(lbl!("408&409&410|ORPCS"))
                || pr(lbl!("408&409&410|NON-ORPCS"))
                || (pr(lbl!("408&409&410|OR ORPCS")) && !chole);
            when(ok, f, &[408, 409, 410])
        }
        // Single level combined anterior and posterior fusion except cervical.
        402 => {
            let ok = pr(lbl!("402|SINGLE LEVEL ANTERIOR SPINAL FUSION ORPCS"))
                && pr(lbl!("402|SINGLE LEVEL POSTERIOR SPINAL FUSION ORPCS"));
            if ok { Special::Drg(402) } else { Special::No }
        }
        // Multiple level combined anterior and posterior fusion except cervical: three single level fusions, or an
        // anterior and a posterior fusion one of which is multiple level. 426 with an MCC, or with a CC and a
        // custom-made interbody device when both columns are fused (as the reference does).
        426 => {
            let a = count(f, lbl!("426&427&428|SINGLE LEVEL ANTERIOR SPINAL FUSION ORPCS"));
            let p = count(f, lbl!("426&427&428|SINGLE LEVEL POSTERIOR SPINAL FUSION ORPCS"));
            let ma = count(f, lbl!("426&427&428|MULTIPLE LEVEL ANTERIOR SPINAL FUSION ORPCS"));
            let mp = count(f, lbl!("426&427&428|MULTIPLE LEVEL POSTERIOR SPINAL FUSION ORPCS"));
            let both = a + ma > 0 && p + mp > 0;
            if !(a + p >= 3 || (both && ma + mp > 0)) {
                return Special::No;
            }
            let custom = pr(lbl!("426&427&428|SINGLE LEVEL CUSTOM-MADE ANATOMICALLY DESIGNED INTERBODY FUSION DEVICE (CMADIFD) ORPCS"))
                || pr(lbl!("426&427&428|MULTIPLE LEVEL CUSTOM-MADE ANATOMICALLY DESIGNED INTERBODY FUSION DEVICE (CMADIFD) ORPCS"));
            match f.level_for(426) {
                Some(Level::Mcc) => Special::Drg(426),
                Some(Level::Cc) => Special::Drg(if custom && both { 426 } else { 427 }),
                None => Special::Drg(428),
            }
        }
        // Combined anterior and posterior cervical fusion.
        429 => {
            let ok = pr(lbl!("429&430|ANTERIOR CERVICAL SPINAL FUSION ORPCS"))
                && pr(lbl!("429&430|POSTERIOR CERVICAL SPINAL FUSION ORPCS"));
            when(ok, f, &[429, 430])
        }
        // Multiple level fusion except cervical: a multiple level fusion or two single level fusions of the same
        // column; 447 with an MCC, a multiple level custom-made interbody device, or a single level one among two
        // single level anterior fusions.
        447 => {
            let ok = pr(lbl!("447&448|MULTIPLE LEVEL ANTERIOR SPINAL FUSION ORPCS"))
                || pr(lbl!("447&448|MULTIPLE LEVEL POSTERIOR SPINAL FUSION ORPCS"))
                || count(f, lbl!("447&448|TWO OR MORE CODES FROM THE FOLLOWING LISTS SINGLE LEVEL ANTERIOR SPINAL FUSION ORPCS")) >= 2
                || count(f, lbl!("447&448|SINGLE LEVEL POSTERIOR SPINAL FUSION ORPCS")) >= 2;
            if !ok {
                Special::No
            } else if pr(lbl!("447&448|MULTIPLE LEVEL CUSTOM-MADE ANATOMICALLY DESIGNED INTERBODY FUSION DEVICE (CMADIFD) ORPCS"))
                || (count(f, lbl!("447&448|TWO OR MORE CODES FROM THE FOLLOWING LISTS SINGLE LEVEL ANTERIOR SPINAL FUSION ORPCS")) >= 2
                    && pr(lbl!("447&448|SINGLE LEVEL CUSTOM-MADE ANATOMICALLY DESIGNED INTERBODY FUSION DEVICE (CMADIFD) ORPCS")))
            {
                Special::Drg(447)
            } else {
                Special::Drg(split(f, &[447, 448]))
            }
        }
        // Single level fusion except cervical; 450 with an MCC or a single level custom-made interbody device.
        450 => {
            if !pr(lbl!("450&451|SINGLE LEVEL FUSION ORPCS")) && !pr(lbl!("450&451|SINGLE LEVEL CUSTOM-MADE ANATOMICALLY DESIGNED INTERBODY FUSION DEVICE (CMADIFD)")) {
                Special::No
            } else if pr(lbl!("450&451|SINGLE LEVEL CUSTOM-MADE ANATOMICALLY DESIGNED INTERBODY FUSION DEVICE (CMADIFD)")) {
                Special::Drg(450)
            } else {
                Special::Drg(split(f, &[450, 451]))
            }
        }
        // Fusion except cervical with spinal curvature, malignancy or infection (principal diagnosis, or a
        // curvature as secondary), or an extensive fusion: eight or more thoracic vertebrae, or two to seven thoracic
        // vertebrae with two or more lumbar vertebrae by the same approach and column.
        456 => {
            let dx = f.pdx(lbl!("456&457&458|SPINAL CURVATURE / MALIGNANCY / INFECTION PDX"))
                || f.sdx(lbl!("456&457&458|OR SDX"));
            let fusion = pr(lbl!("456&457&458|SPINAL FUSION EXCEPT CERVICAL ORPCS"));
            when(extensive_fusion(f) || (dx && fusion), f, &[456, 457, 458])
        }
        // Knee procedures with a principal diagnosis of infection.
        485 => {
            let ok = pr(lbl!("485&486&487|KNEE PROCEDURE ORPCS")) && f.pdx(lbl!("485&486&487|INFECTION PDX"));
            when(ok, f, &[485, 486, 487])
        }
        // Knee procedures without a principal diagnosis of infection.
        488 => {
            let ok = pr(lbl!("488&489|KNEE PROCEDURE ORPCS")) && !f.pdx(lbl!("485&486&487|INFECTION PDX"));
            when(ok, f, &[488, 489])
        }
        // Major hip and knee joint replacement: 469 with an MCC or a total ankle replacement.
        469 => {
            if pr(lbl!("469&470|TOTAL ANKLE REPLACEMENT")) || f.level_for(469) == Some(Level::Mcc) {
                Special::Drg(469)
            } else {
                when(pr(lbl!("469&470|ORPCS")), f, &[470])
            }
        }
        // Bilateral or multiple major joints of the lower extremity: codes of two different sites.
        461 => {
            let sites = [
                lbl!("461&462|TO QUALIFY AS BILATERAL OR MULTIPLE JOINT PROCEDURE YOU MUST HAVE AT LEAST ONE CODE FROM TWO DIFFERENT LOWER EXTREMITY SITES AS LISTED BELOW. EXAMPLES: LEFT HIP AND RIGHT HIP - BILATERAL; LEFT HIP AND LEFT KNEE - MULTIPLE; LEFT HIP AND RIGHT ANKLE - MULTIPLE; LEFT KNEE AND RIGHT KNEE - BILATERAL RIGHT HIP"),
                lbl!("461&462|LEFT HIP"),
                lbl!("461&462|RIGHT KNEE"),
                lbl!("461&462|LEFT KNEE"),
                lbl!("461&462|RIGHT ANKLE"),
                lbl!("461&462|LEFT ANKLE"),
            ];
            when(sites.iter().filter(|&&l| pr(l)).count() >= 2, f, &[461, 462])
        }
        // Back and neck procedures except fusion: a disc device or neurostimulator makes 518.
        518 => {
            if pr(lbl!("518&519&520|DISC DEVICES ORPCS")) || pr(lbl!("518&519&520|NEUROSTIMULATORS")) {
                Special::Drg(518)
            } else {
                when(pr(lbl!("518&519&520|BACK & NECK EXCEPT DISC DEVICES ORPCS")), f, &[518, 519, 520])
            }
        }
        // Hip replacement with a principal diagnosis of hip fracture.
        521 => when(f.pdx(lbl!("521&522|PDX")) && pr(lbl!("521&522|AND ORPCS")), f, &[521, 522]),
        // Skin graft for a principal diagnosis of skin ulcer or cellulitis (573–575), or for another (576–578).
        573 => {
            if !pr(lbl!("573&574&575&576&577&578|SKIN GRAFT ORPCS")) {
                Special::No
            } else if f.pdx(lbl!("573&574&575&576&577&578|SKIN ULCER OR CELLULITIS PDX")) {
                Special::Drg(split(f, &[573, 574, 575]))
            } else {
                Special::Drg(split(f, &[576, 577, 578]))
            }
        }
        // Kidney and ureter procedures for a principal diagnosis of neoplasm (656–658), or not (659–661).
        656 => {
            if !pr(lbl!("656&657&658&659&660&661|KIDNEY AND URETER PROCEDURE ORPCS")) {
                Special::No
            } else if f.pdx(lbl!("656&657&658&659&660&661|NEOPLASM PDX")) {
                Special::Drg(split(f, &[656, 657, 658]))
            } else {
                Special::Drg(split(f, &[659, 660, 661]))
            }
        }
        // Mastectomy for malignancy: a mastectomy and breast malignancy as principal or secondary diagnosis.
        582 => {
            let malignancy = f.pdx(lbl!("582&583|PSDX")) || f.sdx(lbl!("582&583|PSDX"));
            when(pr(lbl!("582&583|ORPCS")) && malignancy, f, &[582, 583])
        }
        // Other kidney and urinary tract procedures: a procedure of the list, or a dialysis port insertion for kidney
        // failure and similar principal diagnoses, or an islet cell infusion for type 1 diabetes with kidney disease.
        673 => {
            let ok = pr(lbl!("673&674&675|ORPCS"))
                || (f.pdx(lbl!("673&674&675|OR PDX")) && pr(lbl!("673&674&675|AND NON-ORPCS")))
                || (f.pdx(lbl!("673&674&675|OR PDX**")) && pr(lbl!("673&674&675|AND NON-ORPCS*")));
            when(ok, f, &[673, 674, 675])
        }
        // Kidney transplant with hemodialysis: both the transplant and the dialysis.
        650 => when(pr(lbl!("650&651|ORPCS")) && pr(lbl!("650&651|AND NON-ORPCS")), f, &[650, 651]),
        // Medical DRGs: the principal diagnosis (not a secondary one) is on the family's list.
        _ if medical => {
            if super::pdx_on_list(f, first) {
                Special::Generic
            } else {
                Special::No
            }
        }
        // Other surgical families: a code of the family's lists, outside completed clusters.
        _ if surgical => {
            if f.pr_labels.iter().any(|l| f.d.label_drgs(l).first() == Some(&first)) {
                Special::Generic
            } else {
                Special::No
            }
        }
        _ => Special::Generic,
    }
}

/// Whether a kidney transplant takes the claim to MDC 11 whatever the principal diagnosis (after MDCs 24 and 25,
/// which keep it).
pub fn kidney_transplant(f: &Features) -> bool {
    f.pr(lbl!("652|ORPCS"))
}
