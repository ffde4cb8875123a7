//! Formulas of MDCs 1 to 5 that say more than "a code of the family's list".

#[allow(unused_imports)]
use super::{split, split_at, Special};
use crate::defs::Level;
use crate::engine::Features;
#[allow(unused_imports)]
use crate::lbl;

/// Whether the principal diagnosis is on one of the family's principal-diagnosis lists (a medical family is reached
/// through its principal diagnosis; its secondary-diagnosis lists only add to that). Unlike `super::pdx_on_list`,
/// a label titled as a secondary-diagnosis list ("… SDX") does not count when the principal carries it.
fn pdx_in(f: &Features, first: u16) -> bool {
    f.pdx.labels.iter().any(|&l| {
        let name = f.d.label_name(l);
        f.d.label_drgs(l).first() == Some(&first) && (!name.ends_with("SDX") || name.ends_with("PDX OR SDX"))
    })
}

/// The DRG by severity where the middle DRG also takes a condition without CC ("with CC or …").
fn split_or(f: &Features, drgs: [u16; 3], middle_anyway: bool) -> u16 {
    match f.level_for(drgs[0]) {
        Some(Level::Mcc) => drgs[0],
        Some(Level::Cc) => drgs[1],
        None if middle_anyway => drgs[1],
        None => drgs[2],
    }
}

/// The DRG of a family whose formula is special, `Special::Generic` otherwise.
pub fn special(first: u16, f: &Features) -> Special {
    let yes = |c: bool| if c { Special::Generic } else { Special::No };
    match first {
        // 020–022 Intracranial vascular procedure with a principal diagnosis of hemorrhage.
        20 => yes(f.pr(lbl!("020&021&022|INTRACRANIAL VASCULAR PROCEDURE ORPCS")) && f.pdx(lbl!("020&021&022|HEMORRHAGE PDX"))),
        // 023–024 Craniotomy with a major device implant or an acute complex CNS principal diagnosis (023 with MCC),
        // or an antineoplastic implant (the non-O.R. ones with a craniotomy), or epilepsy with a neurostimulator (023).
        23 => {
            let cranio = f.pr(lbl!("023&024|CRANIOTOMY ORPCS"));
            let c1 = cranio && (f.pr(lbl!("023&024|MAJOR DEVICE IMPLANT")) || f.pdx(lbl!("023&024|ACUTE COMPLEX CNS PDX")));
            let chemo = f.pr(lbl!("023&024|ANTINEOPLASTIC IMPLANT ORPCS")) || (cranio && f.pr(lbl!("023&024|NON-ORPCS")));
            let epilepsy = f.pdx(lbl!("023&024|EPILEPSY PDX")) && f.pr(lbl!("023&024|NEUROSTIMULATOR"));
            if chemo || epilepsy || (c1 && f.level_for(23) == Some(Level::Mcc)) {
                Special::Drg(23)
            } else if c1 {
                Special::Drg(24)
            } else {
                Special::No
            }
        }
        // 028–030 Spinal procedures; 029 also takes a spinal neurostimulator without CC/MCC.
        28 => {
            if !f.pr(lbl!("028&029&030|SPINAL PROCEDURE ORPCS")) && !f.pr(lbl!("028&029&030|SPINAL NEUROSTIMULATORS")) {
                return Special::No;
            }
            Special::Drg(split_or(f, [28, 29, 30], f.pr(lbl!("028&029&030|SPINAL NEUROSTIMULATORS"))))
        }
        // 040–042 Peripheral, cranial nerve and other nervous system procedures; 041 also takes a peripheral
        // neurostimulator without CC/MCC.
        40 => {
            let neuro = f.pr(lbl!("040&041&042|PERIPHERAL NEUROSTIMULATORS"));
            let any = neuro
                || f.pr(lbl!("040&041&042|PERIPHERAL / CRANIAL NERVE & OTHER NERVOUS SYSTEM PROCEDURE ORPCS"))
                || f.pr(lbl!("040&041&042|NON-ORPCS"))
                || f.pr(lbl!("040&041&042|NON-ORPCS*"));
            if !any {
                return Special::No;
            }
            Special::Drg(split_or(f, [40, 41, 42], neuro))
        }
        // 061–063 Ischemic stroke, precerebral occlusion or transient ischemia with a thrombolytic agent.
        61 => yes(f.pdx(lbl!("061&062&063|PDX")) && f.pr(lbl!("061&062&063|NON-ORPCS"))),
        // 064–066 Intracranial hemorrhage or cerebral infarction; 065 also takes tPA within 24 hours without CC/MCC.
        64 => {
            if !f.pdx(lbl!("064&065&066|PDX")) {
                return Special::No;
            }
            Special::Drg(split_or(f, [64, 65, 66], f.sdx(lbl!("064&065&066|TPA WITHIN 24 HOURS SDX"))))
        }
        // 082–084 Traumatic stupor and coma >1 hour: the principal diagnosis, or a principal diagnosis of the second
        // list with a secondary diagnosis of coma >1 hour.
        82 => yes(f.pdx(lbl!("082&083&084|PDX")) || (f.pdx(lbl!("082&083&084|OR PDX")) && f.sdx(lbl!("082&083&084|AND SDX")))),
        // 124–125 Other disorders of the eye: 124 with MCC or a thrombolytic agent.
        124 => {
            if !f.pdx(lbl!("124&125|PDX")) {
                return Special::No;
            }
            let mcc = f.level_for(124) == Some(Level::Mcc);
            Special::Drg(if mcc || f.pr(lbl!("124&125|THROMBOLYTIC AGENT")) { 124 } else { 125 })
        }
        // 173 Ultrasound accelerated and other thrombolysis with a principal diagnosis of pulmonary embolism.
        173 => yes(f.pdx(lbl!("173|PULMONARY EMBOLISM PDX")) && f.pr(lbl!("173|AND ORPCS"))),
        // 175–176 Pulmonary embolism: 175 with MCC or a principal diagnosis of acute cor pulmonale.
        175 => {
            if f.pdx(lbl!("175&176|ACUTE COR PULMONALE")) {
                Special::Drg(175)
            } else {
                yes(f.pdx(lbl!("175&176|PDX")))
            }
        }
        // 177–179 Respiratory infections and inflammations: a principal diagnosis of the main list, or influenza
        // with pneumonia (first list) with a secondary bacterial pneumonia.
        177 => yes(f.pdx(lbl!("177&178&179|OR PDX")) || (f.pdx(lbl!("177&178&179|PDX")) && f.sdx(lbl!("177&178&179|WITH SDX")))),
        // 207–208 Respiratory system diagnosis with ventilator support: >96 hours 207, ≤96 hours 208.
        207 => {
            if f.pr(lbl!("207&208|ANY PDX IN MDC 4 MECHANICAL VENTILATION >96 HOURS NON-ORPCS")) {
                Special::Drg(207)
            } else if f.pr(lbl!("207&208|MECHANICAL VENTILATION <96 HOURS NON-ORPCS")) {
                Special::Drg(208)
            } else {
                Special::No
            }
        }
        // 209 Complex aortic arch procedures: either pair of codes of the two cluster lists, or an aortic arch
        // graft of the first single list with a bypass of the first "with one of the following" list, or of the
        // second single list with a replacement of the second.
        209 => yes(f.pr(lbl!("209|ORPCS"))
            || f.pr(lbl!("209|OR ORPCS"))
            || (f.pr(lbl!("209|OR ORPCS*")) && f.pr(lbl!("209|WITH ONE OF THE FOLLOWING")))
            || (f.pr(lbl!("209|OR ORPCS**")) && f.pr(lbl!("209|WITH ONE OF THE FOLLOWING*")))),
        // 212 Concomitant aortic and mitral valve procedures: an aortic valve procedure, a mitral valve procedure
        // and a concomitant procedure.
        212 => yes(f.pr(lbl!("212|THREE CONDITIONS MUST BE MET FIRST CONDITION: SELECT ONE PROCEDURE FROM AORTIC VALVE PROCEDURE AORTIC VALVE PROCEDURE"))
            && f.pr(lbl!("212|SECOND CONDITION: SELECT ONE PROCEDURE FROM MITRAL VALVE PROCEDURE MITRAL VALVE PROCEDURE"))
            && (f.pr(lbl!("212|THIRD CONDITION: SELECT AT LEAST ONE PROCEDURE FROM CONCOMITANT PROCEDURE CONCOMITANT ORPCS"))
                || f.pr(lbl!("212|CONCOMITANT NON-ORPCS")))),
        // 213 Endovascular abdominal aorta with iliac branch procedures: a code of each list.
        213 => yes(f.pr(lbl!("213|ONE OF THE FOLLOWING ORPCS")) && f.pr(lbl!("213|WITH ONE OF THE ORPCS"))),
        // 216–218 Cardiac valve and other major cardiothoracic procedures with cardiac catheterization.
        216 => yes(f.pr(lbl!("216&217&218|CARDIAC VALVE AND OTHER MAJOR CARDIOTHORACIC PROCEDURE ORPCS"))
            && f.pr(lbl!("216&217&218|CARDIAC CATHETERIZATION NON-ORPCS"))),
        // 231–232 Coronary bypass with PTCA.
        231 => yes(f.pr(lbl!("231&232|CORONARY BYPASS ORPCS")) && f.pr(lbl!("231&232|PTCA ORPCS"))),
        // 233–234 Coronary bypass with cardiac catheterization or open ablation.
        233 => yes(f.pr(lbl!("233&234|CORONARY BYPASS ORPCS"))
            && (f.pr(lbl!("233&234|CARDIAC CATHETERIZATION NON-ORPCS"))
                || f.pr(lbl!("233&234|ABLATION ORPCS"))
                || f.pr(lbl!("233&234|NON-ORPCS")))),
        // 275 Cardiac defibrillator implant with cardiac catheterization and MCC.
        275 => yes(f.pr(lbl!("275|CARDIAC DEFIBRILLATOR IMPLANT ORPCS"))
            && f.pr(lbl!("275|CARDIAC CATHETERIZATION NON-ORPCS"))
            && f.level_for(275) == Some(Level::Mcc)),
        // 276–277 Cardiac defibrillator implant (276 with MCC) or carotid sinus neurostimulator (276).
        276 => {
            let carotid = f.pr(lbl!("276&277|CAROTID SINUS NEUROSTIMULATOR ORPCS"));
            if carotid || (f.pr(lbl!("276&277|CARDIAC DEFIBRILLATOR IMPLANT ORPCS")) && f.level_for(276) == Some(Level::Mcc)) {
                Special::Drg(276)
            } else if f.pr(lbl!("276&277|CARDIAC DEFIBRILLATOR IMPLANT ORPCS")) {
                Special::Drg(277)
            } else {
                Special::No
            }
        }
        // 317 Concomitant left atrial appendage closure and cardiac ablation (an O.R. or a non-O.R. ablation).
        317 => yes(f.pr(lbl!("317|TWO CONDITIONS MUST BE MET FIRST CONDITION: SELECT ONE PROCEDURE FROM LEFT ATRIAL APPENDAGE CLOSURE PROCEDURE LEFT ATRIAL APPENDAGE CLOSURE PROCEDURE"))
            && (f.pr(lbl!("317|SECOND CONDITION: SELECT ONE PROCEDURE FROM CARDIAC ABLATION PROCEDURE CARDIAC ABLATION PROCEDURE"))
                || f.pr(lbl!("317|NON-ORPCS")))),
        // 321–322 Percutaneous cardiovascular procedures with an intraluminal device: 321 with MCC or when the
        // procedures add up to four or more arteries or four or more devices.
        321 => {
            if !f.pr(lbl!("321&322|DRUG-ELUTING INTRALUMINAL DEVICE")) && !f.pr(lbl!("321&322|NON DRUG-ELUTING INTRALUMINAL DEVICE")) {
                return Special::No;
            }
            let (arteries, devices) = coronary_counts(f);
            if arteries >= 4 || devices >= 4 || f.level_for(321) == Some(Level::Mcc) {
                Special::Drg(321)
            } else {
                Special::Drg(322)
            }
        }
        // 323–324 Coronary intravascular lithotripsy with an intraluminal device.
        323 => yes(f.pr(lbl!("323&324|INTRALUMINAL DEVICE ORPCS")) && f.pr(lbl!("323&324|LITHOTRIPSY ORPCS"))),
        // 359–360 Coronary atherectomy with an intraluminal device.
        359 => yes(f.pr(lbl!("359&360|INTRALUMINAL DEVICE ORPCS")) && f.pr(lbl!("359&360|CORONARY ATHERECTOMY ORPCS"))),
        // 280–285 Acute myocardial infarction as principal or secondary diagnosis: 280–282 discharged alive,
        // 283–285 expired.
        280 => {
            let l = lbl!("280&281&282&283&284&285|PDX OR SDX");
            if !f.pdx(l) && !f.sdx(l) {
                return Special::No;
            }
            Special::Drg(split(f, if f.died() { &[283, 284, 285] } else { &[280, 281, 282] }))
        }
        // 286–287 Circulatory disorders except AMI with cardiac catheterization (any principal diagnosis of the MDC).
        286 => yes(f.pr(lbl!("286&287|NON-ORPCS"))),
        _ => {
            let medical = f.d.drg(first).is_some_and(|i| i.medical);
            yes(!medical || pdx_in(f, first))
        }
    }
}

/// The arteries and intraluminal devices the claim's coronary procedures add up to (DRGs 321–322).
fn coronary_counts(f: &Features) -> (u32, u32) {
    let arteries = [
        (lbl!("321&322|ONE ARTERY"), 1),
        (lbl!("321&322|TWO ARTERIES"), 2),
        (lbl!("321&322|THREE ARTERIES"), 3),
        (lbl!("321&322|FOUR OR MORE ARTERIES"), 4),
    ];
    let devices = [
        (lbl!("321&322|COMBINATION OF CODES IN THE NEXT FOUR LISTS THAT ADD UP TO FOUR OR MORE ARTERIES/INTRALUMINAL DEVICES SELECT DRG 321 OVER DRG 322 ONE INTRALUMINAL DEVICE"), 1),
        (lbl!("321&322|TWO INTRALUMINAL DEVICES"), 2),
        (lbl!("321&322|THREE INTRALUMINAL DEVICES"), 3),
        (lbl!("321&322|FOUR OR MORE INTRALUMINAL DEVICES"), 4),
    ];
    let (mut a, mut d) = (0, 0);
    for p in &f.claim.procedures {
        let Some(info) = f.d.pr.get(p) else { continue };
        for &(l, n) in &arteries {
            if info.labels.contains(&l) {
                a += n;
            }
        }
        for &(l, n) in &devices {
            if info.labels.contains(&l) {
                d += n;
            }
        }
    }
    (a, d)
}
