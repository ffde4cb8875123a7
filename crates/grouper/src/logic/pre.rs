//! Pre-MDC: transplants, ECMO, tracheostomy and immunotherapies take the claim before its MDC, whatever the
//! principal diagnosis; among them the surgical hierarchy decides.

use super::split;
use crate::engine::Features;
use crate::lbl;

/// The pre-MDC DRG of the claim, if any.
pub fn pre_mdc(f: &Features) -> Option<u16> {
    let mut found: Vec<u16> = Vec::new();
    let any_dx = |l: u16| f.pdx(l) || f.sdx(l);

    // 001–002 Heart transplant or implant of heart assist system.
    if f.pr(lbl!("001&002|HEART TRANSPLANT ORPCS")) || f.pr(lbl!("001&002|IMPLANT OF HEART ASSIST SYSTEM")) {
        found.push(split(f, &[1, 2]));
    }
    // 003–004 ECMO, or tracheostomy with ventilation >96 hours or a principal diagnosis outside face, mouth and neck.
    let ecmo = f.pr(lbl!("003&004|ECMO ORPCS")) || f.pr(lbl!("003&004|NON-ORPCS"));
    let trach = f.pr(lbl!("003&004|TRACHEOSTOMY ORPCS")) || f.pr(lbl!("003&004|OR NON-ORPCS"));
    let mv96 = f.pr(lbl!("003&004|MECHANICAL VENTILATION >96 HOURS NON-ORPCS"));
    let face_mouth_neck = f.pdx(lbl!("011&012&013|PDX"));
    if ecmo {
        found.push(3);
    } else if trach && (mv96 || !face_mouth_neck) {
        let trach_labels = [lbl!("003&004|TRACHEOSTOMY ORPCS"), lbl!("003&004|OR NON-ORPCS")];
        // A major O.R. procedure: an extensive O.R. procedure other than the tracheostomy (a pacemaker device with
        // its lead is one).
        let major = f.or.iter().any(|&(i, or)| {
            or.extensive && f.d.pr.get(&f.claim.procedures[i]).is_some_and(|p| !p.labels.iter().any(|l| trach_labels.contains(l)))
        });
        found.push(if major { 3 } else { 4 });
    }
    // 005–006 Liver transplant (with MCC) or intestinal transplant.
    let liver = f.pr(lbl!("005&006|LIVER TRANSPLANT ORPCS"));
    if f.pr(lbl!("005&006|INTESTINAL TRANSPLANT ORPCS")) {
        found.push(5);
    } else if liver {
        found.push(split(f, &[5, 6]));
    }
    // 007 Lung transplant.
    if f.pr(lbl!("007|ORPCS")) {
        found.push(7);
    }
    // 008 Simultaneous pancreas and kidney transplant; 019 the same with hemodialysis.
    if f.pr(lbl!("008|ORPCS")) && any_dx(lbl!("008|PSDX")) && any_dx(lbl!("008|AND PSDX")) {
        found.push(8);
    }
    if f.pr(lbl!("019|ORPCS")) && f.pr(lbl!("019|AND NON-ORPCS")) && any_dx(lbl!("019|AND PSDX")) && any_dx(lbl!("019|AND PSDX*")) {
        found.push(19);
    }
    // 010 Pancreas transplant.
    if f.pr(lbl!("010|ORPCS")) && any_dx(lbl!("010|PSDX")) {
        found.push(10);
    }
    // 011–013 Tracheostomy for face, mouth and neck diagnoses, or laryngectomy.
    let fmn_trach = f.pr(lbl!("011&012&013|AND TRACHEOSTOMY FOR FACE,MOUTH & NECK DIAGNOSIS ORPCS")) || f.pr(lbl!("011&012&013|OR NON-ORPCS"));
    if (face_mouth_neck && fmn_trach) || f.pr(lbl!("011&012&013|LARYNGECTOMY ORPCS")) {
        found.push(split(f, &[11, 12, 13]));
    }
    // 014 Allogeneic bone marrow transplant.
    if f.pr(lbl!("014|NON-ORPCS")) {
        found.push(14);
    }
    // 016–017 Autologous bone marrow transplant.
    if f.pr(lbl!("016&017|BONE MARROW TRANSPLANT NON-ORPCS")) {
        found.push(split(f, &[16, 17]));
    }
    // 018 CAR T-cell and other immunotherapies.
    if f.pr(lbl!("018|T-CELL IMMUNOTHERAPY ORPCS")) || f.pr(lbl!("018|NON-ORPCS")) {
        found.push(18);
    }
    found.into_iter().min_by_key(|&d| f.d.drg(d).and_then(|i| i.rank).unwrap_or(u16::MAX))
}
