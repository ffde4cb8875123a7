//! Ambulatory surgery: the surgeon's professional claim from an operative note, sometimes a pathology report that
//! decides the diagnosis and a brief pre-operative H&P. Teaches laterality (RT/LT/50, finger modifiers, laterality in
//! ICD-10-CM and the bilateral-condition rule), distinct-procedure modifiers only where NCCI would bundle, add-on
//! codes, screening colonoscopy turned diagnostic (PT/33), excised-diameter sizing and path-driven diagnoses.
//!
//! Modifier 51: a record with two primary procedures states its payer. Medicare does not require 51 (the contractor
//! applies the multiple-procedure rules itself) and the rationale says so; a commercial payer gets 51 on the second
//! procedure by the CPT convention. Add-on codes are exempt from 51 with every payer.

use super::kb::{self, Other, Profile, ProfileSpec, Written};
use super::rng::Rng;
use super::writer::{convention, edit, guideline, tabular, why, CaseWriter, Doc};
use super::{case_id, person, visit};
use crate::model::*;

/// Where the case happens and its id.
struct Ctx {
    id: String,
    opps: bool,
}

/// The family's cases.
pub fn cases(rng: &mut Rng) -> Vec<Case> {
    type Scn = fn(&mut Rng, &Ctx, usize) -> Case;
    let plan: [(Scn, usize); 14] = [
        (chole, 5),
        (hernia, 5),
        (knee, 5),
        (carpal, 4),
        (cataract, 4),
        (colonoscopy, 7),
        (egd, 4),
        (skin, 6),
        (trigger, 3),
        (lumpectomy, 3),
        (tonsil, 4),
        (tubes, 3),
        (shoulder, 3),
        (stent, 3),
    ];
    let mut out = Vec::new();
    let mut n = 0;
    for (f, k) in plan {
        for v in 0..k {
            n += 1;
            let cx = Ctx { id: case_id("SURG", n), opps: n % 3 != 0 };
            out.push(f(rng, &cx, v));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers (the anesthesia family uses some of them too)
// ---------------------------------------------------------------------------------------------------------------

pub(super) fn sex_by(rng: &mut Rng, female: f64) -> Sex {
    if rng.chance(female) {
        Sex::Female
    } else {
        Sex::Male
    }
}

/// A one-decimal number that prints as one decimal.
pub(super) fn dec(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    (rng.decimal(lo, hi) * 10.0).round() / 10.0
}

pub(super) fn vitals(rng: &mut Rng) -> String {
    let (s, d, hr, rr, sat) = (rng.range(106, 146), rng.range(60, 88), rng.range(56, 98), rng.range(12, 20), rng.range(94, 100));
    let t = dec(rng, 36.2, 37.2);
    let a = format!("BP {s}/{d}, HR {hr}, RR {rr}, SpO2 {sat}% RA, T {t} C");
    let b = format!("T {t}  BP {s}/{d}  P {hr}  R {rr}  O2 sat {sat}% on room air");
    let c = format!("VS: {s}/{d} | {hr} | {rr} | {t} | {sat}% RA");
    rng.say(&[a.as_str(), b.as_str(), c.as_str()])
}

pub(super) fn peds_vitals(rng: &mut Rng, age: u8) -> String {
    let wt = if age < 1 { dec(rng, 6.5, 9.8) } else { (age as f64 * 2.6 + 8.0 + dec(rng, 0.0, 4.0) * 1.0).round() };
    let (hr, sat) = (rng.range(88, 128), rng.range(97, 100));
    let t = dec(rng, 36.4, 37.2);
    format!("Wt {wt} kg, HR {hr}, T {t} C, SpO2 {sat}% RA")
}

/// A perioperative sentence for a chronic problem of the profile: what the surgeon does about it on the surgical
/// day, so that the condition is addressed in the surgeon's own documentation (OCG IV.J).
pub(super) fn periop(rng: &mut Rng, key: &str, profile: &Profile) -> String {
    match key {
        "dm" => {
            let g = rng.range(104, 188);
            let meds = match profile.diabetes.map(|d| d.treatment) {
                Some(kb::DmTreatment::DietOnly) => "diet-controlled, no diabetic medication to hold".to_string(),
                Some(kb::DmTreatment::Insulin) | Some(kb::DmTreatment::InsulinMetformin) => rng.say(&["basal insulin reduced by 20% last night, prandial insulin held", "half-dose basal insulin this morning per protocol"]),
                _ => rng.say(&["diabetic meds held AM of surgery", "oral agents held this morning"]),
            };
            rng.vary(&format!("{{POC glucose|Fingerstick glucose}} {g} {{on arrival|in pre-op}}; {meds}; recheck in PACU"))
        }
        "htn" => rng.say(&["took antihypertensive this AM with sip of water; BP acceptable for surgery", "BP acceptable for surgery; home antihypertensive taken this AM, resume regimen postop"]),
        "hf" => rng.say(&["euvolemic on exam, diuretic held AM of surgery; judicious fluids", "no orthopnea or edema today; strict I/O, minimize IV fluids"]),
        "ckd" => {
            let cr = dec(rng, 1.5, 3.4);
            rng.vary(&format!("Cr {cr} {{on pre-op BMP|this week}}; no NSAIDs for postop pain, renally dose meds"))
        }
        "hld" => rng.say(&["statin taken this AM and continued through the perioperative period", "statin continued perioperatively"]),
        "hypothyroid" => rng.say(&["levothyroxine taken this AM; continue postop", "euthyroid on levothyroxine; continue"]),
        "gerd" => rng.say(&["PPI taken AM of surgery; aspiration precautions", "PPI continued; aspiration precautions at induction"]),
        "copd" => rng.say(&["lungs clear, no recent exacerbation; inhaler brought to pre-op", "baseline dyspnea only; nebulizer available in PACU"]),
        "asthma" => rng.say(&["no wheeze today; albuterol PRN before induction", "well controlled; albuterol MDI to OR with patient"]),
        "afib" => rng.say(&["rate controlled; anticoagulant held per surgeon protocol", "in rate-controlled AF on monitor; anticoagulation held 2 days"]),
        "cad" => rng.say(&["no angina; aspirin continued, cardiology clearance on chart", "denies exertional chest pain; beta-blocker taken this AM"]),
        "osa" => rng.say(&["CPAP brought; continuous pulse oximetry postop", "uses CPAP nightly; OSA precautions in PACU"]),
        "mdd" | "gad" => rng.say(&["home SSRI continued; mood stable", "mood stable; home SSRI taken this AM, continue postop"]),
        "bph" => rng.say(&["voided in pre-op; monitor for retention", "must void before discharge (retention risk)"]),
        "tobacco" => rng.say(&["advised no smoking for wound healing (brief advice, under 3 minutes)", "brief cessation advice again today (under 3 minutes)"]),
        "obesity" => rng.say(&["positioning and padding precautions", "weight-based antibiotic dosing"]),
        "hemi" => rng.say(&["right-sided weakness, positioning precautions", "fall precautions on discharge"]),
        "pd" => rng.say(&["carbidopa-levodopa given on schedule", "dose carbidopa-levodopa on time postop"]),
        "alz" => rng.say(&["caregiver at bedside, reorient often", "caregiver present; delirium precautions"]),
        "ra" => rng.say(&["hydroxychloroquine continued", "neck ROM full; hydroxychloroquine continued"]),
        "ida" => {
            let h = dec(rng, 10.2, 11.9);
            format!("Hgb {h} pre-op; type and screen not required")
        }
        "pad" => rng.say(&["pedal pulses diminished, unchanged; heel padding", "heel padding; check pulses postop"]),
        _ => rng.say(&["reviewed; continue home regimen", "reviewed, no change"]),
    }
}

/// A brief pre-operative H&P. The profile's conditions are written in the history and again, with their
/// perioperative plan, in the assessment (they affect the surgical day: OCG IV.J). Returns the evidence written.
#[allow(clippy::too_many_arguments)]
fn hp(cw: &mut CaseWriter, rng: &mut Rng, age: u8, sx: Sex, cc: &str, hpi: &str, exam: &str, plan: &str, profile: &Profile) -> Written {
    let mut w = Written::default();
    let mut d = cw.doc(DocumentKind::HistoryAndPhysical, &rng.say(&["Pre-operative H&P", "Brief Op H&P", "History and Physical (pre-procedure)"]), Some(1));
    let who = person(rng, age, sx);
    d.line(&format!("{} {cc}", rng.say(&["CC:", "Chief complaint:", "Reason for surgery:"])));
    d.gap();
    d.line(&format!("{} {who} {hpi}", rng.say(&["HPI:", "History:"])));
    d.gap();
    d.add(&format!("{} ", rng.say(&["PMH:", "Past medical history:", "PMHx:"])));
    if profile.is_empty() {
        d.line(&rng.say(&["none", "Denies chronic medical problems", "negative"]));
    } else {
        kb::write_history(&mut d, profile, &mut w);
        d.line("");
    }
    d.line(&rng.say(&["PSH: none", "PSH: noncontributory", "Prior anesthesia: no complications", "No prior surgery."]));
    d.add(&format!("{}\n", rng.say(&["Medications:", "Home meds:", "Meds:"])));
    if kb::meds(profile).is_empty() {
        d.line(&rng.say(&["  none", "  No daily medications", "  OTC ibuprofen PRN only"]));
    } else {
        kb::write_meds(&mut d, profile, &mut w, "  - ");
    }
    d.line(&rng.say(&["Allergies: NKDA", "NKDA", "Allergies: no known drug allergies", "ALL: NKA"]));
    let smokes = profile.problems().iter().any(|p| p.key == "tobacco" || p.key == "exsmoker");
    if !smokes {
        d.line(&rng.say(&["Social: never smoker, {rare|social} alcohol", "SH: no tobacco, {no|occasional} EtOH", "Social history: denies tobacco or drug use"]));
    }
    d.line(&rng.say(&["ROS: denies fever, chills, chest pain, SOB. Otherwise negative except as in HPI.", "ROS: no CP, no SOB, no recent URI, no bleeding problems; all else neg", "Review of systems negative for fever, cough, dysuria, easy bruising."]));
    d.gap();
    let v = vitals(rng);
    d.line(&format!("{} {v}", rng.say(&["Exam:", "PE:", "Physical exam:"])));
    d.line(&rng.say(&["Gen: NAD, A&O x3", "General: well appearing, no distress", "Gen: pleasant, comfortable"]));
    d.line(&rng.say(&["CV: RRR, no murmur", "Heart: regular rate and rhythm", "CV: RRR s1s2"]));
    d.line(&rng.say(&["Lungs: CTAB", "Resp: clear bilaterally, unlabored", "Lungs clear to auscultation"]));
    d.line(exam);
    d.heading(&rng.say(&["Assessment/Plan:", "A/P:", "IMPRESSION AND PLAN:"]));
    d.line(plan);
    let active: Vec<(&'static str, String)> = profile.problems().iter().filter(|p| !p.history_only).map(|p| (p.key, p.label.clone())).collect();
    for (key, label) in active {
        d.add("- ");
        let e = d.mark(&label);
        w.name(key, e);
        let s = periop(rng, key, profile);
        d.line(&format!(": {s}"));
    }
    d.line(&rng.say(&["Risks, benefits, alternatives discussed; consent signed.", "Consent obtained after discussion of risks including bleeding, infection, and need for further surgery.", "Pt agrees to proceed; informed consent on chart."]));
    d.line(&rng.say(&["-- attending surgeon", "Attending surgeon", "Signed: operating surgeon"]));
    cw.add_doc(d);
    w
}

/// The labels of an operative note, in the surgeon's style.
fn label(st: usize, k: &str) -> &'static str {
    match (st, k) {
        (0, "pre") => "PREOPERATIVE DIAGNOSIS:",
        (0, "post") => "POSTOPERATIVE DIAGNOSIS:",
        (0, "proc") => "PROCEDURE PERFORMED:",
        (0, "anes") => "ANESTHESIA:",
        (0, "ind") => "INDICATIONS:",
        (0, "find") => "FINDINGS:",
        (0, "desc") => "DESCRIPTION OF PROCEDURE:",
        (0, "ebl") => "ESTIMATED BLOOD LOSS:",
        (0, "spec") => "SPECIMENS:",
        (0, "comp") => "COMPLICATIONS:",
        (0, "dispo") => "DISPOSITION:",
        (1, "pre") => "Pre-op Dx:",
        (1, "post") => "Post-op Dx:",
        (1, "proc") => "Procedure:",
        (1, "anes") => "Anesthesia:",
        (1, "ind") => "Indication:",
        (1, "find") => "Findings:",
        (1, "desc") => "Details:",
        (1, "ebl") => "EBL:",
        (1, "spec") => "Specimen:",
        (1, "comp") => "Complications:",
        (1, "dispo") => "Dispo:",
        (_, "pre") => "Preoperative diagnosis:",
        (_, "post") => "Postoperative diagnosis:",
        (_, "proc") => "Operation:",
        (_, "anes") => "Anesthesia type:",
        (_, "ind") => "Indications for procedure:",
        (_, "find") => "Operative findings:",
        (_, "desc") => "Procedure in detail:",
        (_, "ebl") => "Blood loss:",
        (_, "spec") => "Specimens sent:",
        (_, "comp") => "Complications:",
        (_, "dispo") => "Condition/disposition:",
        _ => "",
    }
}

/// Starts a section of the operative note in the surgeon's style.
fn sec(d: &mut Doc, st: usize, k: &str) {
    let l = label(st, k);
    if st == 0 {
        d.heading(l);
    } else {
        if !d.text.is_empty() && !d.text.ends_with('\n') {
            d.add("\n");
        }
        if k == "desc" || k == "ind" {
            d.add("\n");
        }
        d.add(l);
        d.add(" ");
    }
}

/// The opening of an operative note: where, who.
fn op_open(d: &mut Doc, rng: &mut Rng, cx: &Ctx) {
    let place = if cx.opps { rng.say(&["Hospital outpatient surgery department", "HOPD main OR", "Outpatient surgery, hospital campus"]) } else { rng.say(&["Ambulatory surgery center", "ASC, OR 2", "Freestanding surgery center"]) };
    d.line(&format!("{} {place}", rng.say(&["Location:", "Facility:", "Site of service:"])));
    d.line(&rng.say(&["Surgeon: attending surgeon", "Surgeon: operating surgeon (attending)", "Attending: operating surgeon"]));
    d.line(&rng.say(&["Assistant: none", "Assistant: surgical tech only", "Assistant: PA-C", "First assist: RN first assistant"]));
}

/// The close of an operative note: EBL, specimens, complications, disposition.
fn op_close(d: &mut Doc, rng: &mut Rng, st: usize, ebl: &str, specimen: &str) {
    sec(d, st, "ebl");
    d.line(ebl);
    sec(d, st, "spec");
    d.line(specimen);
    sec(d, st, "comp");
    d.line(&rng.say(&["None.", "None apparent.", "No immediate complications.", "none"]));
    sec(d, st, "dispo");
    d.line(&rng.say(&[
        "To PACU in stable condition; discharge home when criteria met.",
        "Stable to recovery. Anticipate same-day discharge.",
        "Stable to PACU, then home with responsible adult.",
        "PACU, condition good. Home today if tolerating PO and pain controlled.",
    ]));
    d.gap();
    d.line(&rng.say(&["Electronically signed: attending surgeon", "-- operating surgeon", "Dictated and signed by the attending surgeon"]));
}

/// A pathology report; returns the evidence of the final diagnosis line(s).
fn path_report(cw: &mut CaseWriter, rng: &mut Rng, specimen: &str, gross: &str, micro: &str, finals: &[&str]) -> Vec<Evidence> {
    let mut d = cw.doc(DocumentKind::PathologyReport, &rng.say(&["Surgical Pathology Report", "Pathology Report", "Surgical Pathology (final)"]), Some(rng.range(2, 5) as u16));
    d.line(&format!("{} {specimen}", rng.say(&["SPECIMEN:", "Specimen(s) received:", "Source:"])));
    d.heading(&rng.say(&["GROSS DESCRIPTION:", "Gross:", "GROSS:"]));
    d.line(gross);
    if !micro.is_empty() {
        d.heading(&rng.say(&["MICROSCOPIC DESCRIPTION:", "Microscopic:", "MICRO:"]));
        d.line(micro);
    }
    d.heading(&rng.say(&["FINAL DIAGNOSIS:", "DIAGNOSIS:", "FINAL PATHOLOGIC DIAGNOSIS:"]));
    let mut ev = Vec::new();
    for f in finals {
        d.add("- ");
        ev.push(d.mark_line(f));
    }
    d.gap();
    d.line(&rng.say(&["Electronically signed by the pathologist.", "-- attending pathologist", "Pathologist attestation: I have personally reviewed the slides."]));
    cw.add_doc(d);
    ev
}

fn new_case(cx: &Ctx, title: &str, diff: Difficulty, age: u8, sx: Sex) -> CaseWriter {
    let (tracks, setting): (&[Track], Setting) = if cx.opps { (&[Track::Surgery, Track::OutpatientOpps], Setting::OutpatientHospital) } else { (&[Track::Surgery], Setting::AmbulatorySurgery) };
    CaseWriter::new(cx.id.clone(), title, tracks, diff, visit(setting, age, sx))
}

fn light(rng: &mut Rng, age: u8, sx: Sex, no_dm: bool, exclude: &[Other]) -> Profile {
    if age < 18 {
        return Profile::random(rng, age, sx, ProfileSpec::NONE, &[]);
    }
    if rng.chance(0.35) {
        return Profile::random(rng, age, sx, ProfileSpec::NONE, &[]);
    }
    let mut spec = ProfileSpec::LIGHT;
    if no_dm {
        spec.diabetes = 0.0;
    }
    spec.others = 1;
    if age < 30 {
        // A young adult: at most one condition, and not the hypertension or diabetes of older adults.
        spec.diabetes = 0.0;
        spec.hypertension = 0.0;
    }
    // Only conditions that bear on the surgical day: a surgeon's claim carries the comorbidities the surgeon's own
    // documentation manages, and knee osteoarthritis, osteoporosis or gout would only be listed, not managed.
    let mut ex = exclude.to_vec();
    ex.extend([Other::OaKnees, Other::Osteoporosis, Other::Gout]);
    Profile::random(rng, age, sx, spec, &ex)
}

/// Why a Medicare surgeon's claim with two procedures carries no modifier 51.
fn medicare_no51(endoscopy: bool) -> &'static str {
    if endoscopy {
        "Payer Medicare: modifier 51 is not required on a Medicare physician claim; the contractor applies the multiple-endoscopy payment rule itself from the fee-schedule indicators."
    } else {
        "Payer Medicare: modifier 51 is not required on a Medicare physician claim; the contractor applies the multiple-procedure payment reduction itself from the fee-schedule indicators."
    }
}

fn side_word(right: bool) -> &'static str {
    if right {
        "right"
    } else {
        "left"
    }
}

fn side_mod(right: bool) -> &'static str {
    if right {
        "RT"
    } else {
        "LT"
    }
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Laparoscopic cholecystectomy
// ---------------------------------------------------------------------------------------------------------------

fn chole(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.72);
    let age = rng.range(26, 77) as u8;
    let diff = match v {
        0 | 1 => Difficulty::Foundation,
        2 | 3 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: gallbladder", "Same-day surgery: right upper quadrant pain", "Surgeon's claim: biliary surgery"]), diff, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, false, &[]);
    let weeks = rng.range(3, 20);
    let us = rng.say(&["multiple gallstones, largest {1.4|1.9|2.2} cm, no pericholecystic fluid, CBD {4|5} mm", "shadowing stones in the gallbladder, normal wall thickness, CBD normal caliber", "cholelithiasis with sludge; CBD 5 mm"]);
    let hpi = match v {
        2 => rng.vary("presents with {2 days|36 hours} of constant RUQ pain, low-grade fever and positive Murphy sign. WBC {12.8|13.4|14.1}. Ultrasound: gallstones with wall thickening {5|6} mm and pericholecystic fluid. Scheduled as an urgent add-on case."),
        _ => format!("with {weeks} weeks of postprandial RUQ pain radiating to the back, worse after fatty meals, with nausea. {} Ultrasound: {us}. LFTs and lipase normal.", rng.say(&["Two ED visits for the same pain.", "No jaundice or fever.", "Episodes last 1-3 hours."])),
    };
    let exam = rng.say(&["Abd: soft, mild RUQ tenderness, no guarding, no jaundice", "Abdomen: nondistended, tender RUQ, negative Murphy today", "Abd soft, ND, minimal RUQ TTP"]);
    let written = if rng.chance(0.6) || !profile.is_empty() {
        let plan = rng.say(&["Proceed with laparoscopic cholecystectomy.", "Plan lap chole, possible open.", "Laparoscopic cholecystectomy; NPO after midnight."]);
        Some(hp(&mut cw, rng, age, sx, "RUQ pain", &hpi, &exam, &plan, &profile))
    } else {
        None
    };

    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Note", "Operative Report", "Brief Operative Note"]), Some(1));
    op_open(&mut d, rng, cx);
    let pre = match v {
        0 | 4 => rng.say(&["Symptomatic cholelithiasis", "Symptomatic cholelithiasis with biliary colic"]),
        1 => rng.say(&["Symptomatic cholelithiasis, possible chronic cholecystitis", "Biliary colic, cholelithiasis, rule out chronic cholecystitis"]),
        2 => "Acute calculous cholecystitis".into(),
        _ => rng.say(&["Symptomatic cholelithiasis", "Cholelithiasis with recurrent biliary colic"]),
    };
    sec(&mut d, st, "pre");
    let pre_ev = d.mark_line(&pre);
    sec(&mut d, st, "post");
    d.line(&rng.say(&["Same, pathology pending", "Same; final per pathology", "Cholelithiasis, see pathology"]));
    sec(&mut d, st, "proc");
    let proc_text = match v {
        3 => rng.say(&["Laparoscopic cholecystectomy with intraoperative cholangiogram", "Lap cholecystectomy with intraoperative cholangiography"]),
        4 => rng.say(&["Laparoscopic cholecystectomy converted to open cholecystectomy", "Attempted laparoscopic cholecystectomy, converted to open cholecystectomy"]),
        _ => rng.say(&["Laparoscopic cholecystectomy", "Lap cholecystectomy", "Laparoscopic cholecystectomy, 4 port"]),
    };
    let proc_ev = d.mark_line(&proc_text);
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["General endotracheal", "GETA", "General with ETT"]));
    if st != 1 && v == 2 {
        sec(&mut d, st, "ind");
        d.line(&rng.say(&["Acute calculous cholecystitis on ultrasound with fever and leukocytosis; urgent cholecystectomy. Risks including bile duct injury and conversion to open discussed.", "Acute cholecystitis, symptoms for under 72 hours; early laparoscopic cholecystectomy advised. Consent obtained, including possible open procedure."]));
    } else if st != 1 {
        sec(&mut d, st, "ind");
        d.line(&rng.say(&["See H&P. Symptoms consistent with biliary disease; risks including bile duct injury, bleeding, infection, conversion to open discussed.", "Recurrent biliary pain with stones on imaging. Consent obtained, including possible open procedure.", "Patient with gallstone disease desires definitive treatment."]));
    }
    sec(&mut d, st, "find");
    let find = match v {
        2 => rng.say(&["Distended, edematous, inflamed gallbladder containing multiple stones; no perforation.", "Acutely inflamed, tense gallbladder wall with omental adherence; no gangrene."]),
        4 => rng.say(&["Severely scarred, contracted gallbladder; triangle of Calot could not be safely defined laparoscopically.", "Dense pericholecystic inflammation obscuring the hepatocystic triangle."]),
        _ => rng.say(&["Thin-walled gallbladder with multiple stones; normal liver.", "Mildly thickened gallbladder wall with palpable stones; critical view of safety achieved.", "Gallbladder with stones; no acute inflammation."]),
    };
    d.line(&find);
    sec(&mut d, st, "desc");
    let mut ioc_ev: Option<Evidence> = None;
    d.add(&rng.say(&[
        "The patient was identified in pre-op holding and brought to the OR. After induction of general anesthesia and endotracheal intubation, the abdomen was prepped and draped in sterile fashion. A time-out was performed. ",
        "Pt brought to OR, placed supine, GETA induced without difficulty. Abdomen prepped with chlorhexidine and draped. Time-out completed with all team members. ",
        "After satisfactory general anesthesia, SCDs on, the abdomen was clipped, prepped and draped. Universal protocol time-out done. ",
    ]));
    d.add(&rng.say(&[
        "Pneumoperitoneum was established with a Veress needle at the umbilicus to 15 mmHg and a 12 mm port placed. ",
        "Open Hasson technique at the umbilicus; 12 mm port, insufflation to 15 mmHg. ",
        "Optical-view entry in the left upper quadrant, then 5 mm ports under direct vision. ",
    ]));
    d.add(&rng.say(&["Three additional 5 mm ports were placed under direct vision. ", "Epigastric 10 mm and two right lateral 5 mm ports were placed. ", "Remaining ports placed in standard positions. "]));
    if v == 4 {
        d.add(&rng.say(&[
            "The fundus was retracted but the infundibulum was encased in dense inflammatory tissue and the anatomy of the cystic duct and common duct could not be safely defined after 30 minutes of dissection. Decision was made to convert to an open procedure. ",
            "Dissection at the neck produced bleeding from inflamed tissue and the critical view of safety could not be obtained. The procedure was converted to open for safety. ",
        ]));
        d.add(&rng.say(&[
            "A right subcostal incision was made and carried down through the fascia and muscle. The gallbladder was removed fundus-down, the cystic artery and cystic duct identified, doubly ligated with 2-0 silk and divided. ",
            "A right subcostal laparotomy was performed. Dome-down cholecystectomy; cystic duct and artery ligated and divided under direct vision. ",
        ]));
        d.add("Hemostasis of the liver bed with electrocautery. A 19 Fr drain was left in the gallbladder fossa. The fascia was closed in two layers with looped PDS and skin with staples. ");
    } else {
        d.add(&rng.say(&[
            "The fundus was retracted cephalad and the infundibulum laterally. The peritoneum over the triangle of Calot was opened and the cystic duct and cystic artery were dissected circumferentially until the critical view of safety was achieved. ",
            "Gallbladder grasped and retracted over the liver. Careful dissection of the hepatocystic triangle; two structures only entering the gallbladder, critical view of safety documented with photographs. ",
        ]));
        if v == 3 {
            d.add(&rng.say(&[
                "Because the anatomy was difficult to define, a cholangiogram was performed: a small ductotomy was made in the cystic duct, a cholangiocatheter inserted and secured with a clip, and contrast injected under fluoroscopy. ",
                "For definition of the biliary anatomy an intraoperative cholangiogram was obtained through a cystic ductotomy with a Reddick catheter under fluoroscopy. ",
            ]));
            ioc_ev = Some(d.mark(&rng.say(&[
                "The cholangiogram showed normal filling of the intrahepatic and extrahepatic ducts, free flow into the duodenum and no filling defects. Images were saved for the radiologist's formal reading. ",
                "Free flow of contrast into the duodenum, no filling defects, normal caliber CBD; images to radiology for interpretation. ",
            ])));
        }
        d.add(&rng.say(&[
            "The cystic duct was doubly clipped proximally and divided; the cystic artery likewise. The gallbladder was removed from the liver bed with electrocautery. ",
            "Clips x3 on the cystic duct and artery, which were divided. The gallbladder was dissected off the liver bed with hook cautery. ",
        ]));
        d.add(&rng.say(&[
            "Hemostasis confirmed, the gallbladder placed in a retrieval bag and removed through the umbilical port. The fascia at the umbilicus was closed with 0 Vicryl and skin with 4-0 Monocryl. ",
            "Bed irrigated and hemostatic; specimen extracted in an Endocatch bag via the umbilical site. Fascia closed, skin with subcuticular 4-0 and Dermabond. ",
        ]));
    }
    d.line(&rng.say(&["Counts correct x2. Patient tolerated the procedure well.", "Sponge and needle counts correct. No complications.", "All counts correct."]));
    let ebl = if v == 4 { format!("{} mL", rng.range(120, 250)) } else { rng.pick(&["minimal", "10 mL", "15 mL", "20 mL", "<25 mL"]).to_string() };
    let spec = rng.say(&["Gallbladder with stones to pathology", "Gallbladder", "GB to path"]);
    op_close(&mut d, rng, st, &ebl, &spec);
    cw.add_doc(d);

    let (final_dx, code, rule_text): (&str, &str, &str) = match v {
        1 => ("Gallbladder, cholecystectomy: Cholelithiasis. Gallbladder wall without significant inflammation.", "K80.20", "calculus of the gallbladder without cholecystitis and without obstruction"),
        2 => ("Gallbladder, cholecystectomy: Acute and chronic cholecystitis with cholelithiasis.", "K80.12", "calculus of the gallbladder with acute and chronic cholecystitis (one combination code)"),
        _ => ("Gallbladder, cholecystectomy: Chronic cholecystitis with cholelithiasis.", "K80.10", "calculus of the gallbladder with chronic cholecystitis, without obstruction"),
    };
    let len = dec(rng, 6.5, 10.5);
    let wall = dec(rng, 0.2, 0.6);
    let nstones = rng.range(3, 40);
    let gross = format!("Received in formalin an opened gallbladder measuring {len} cm, wall {wall} cm. {nstones} yellow-green faceted stones. Mucosa {}.", rng.pick(&["velvety green", "focally ulcerated", "tan-green, unremarkable"]));
    let micro = match v {
        1 => "Unremarkable gallbladder mucosa; no significant inflammatory infiltrate.".to_string(),
        2 => "Transmural edema and neutrophilic infiltrate over a background of chronic inflammation and Rokitansky-Aschoff sinuses.".to_string(),
        _ => rng.say(&["Chronic inflammation with Rokitansky-Aschoff sinuses and mural fibrosis.", "Lymphoplasmacytic infiltrate and muscular hypertrophy."]),
    };
    let pe = path_report(&mut cw, rng, "Gallbladder", &gross, &micro, &[final_dx]);
    cw.dx(code, None, pe.clone(), why(format!("The final pathology report gives the definitive diagnosis: {rule_text}. For outpatient surgery the coder waits for the path report and codes the confirmed diagnosis as first-listed, the reason for the surgery."), vec![guideline("OCG IV.A"), guideline("OCG IV.K")]));
    if v == 4 {
        cw.dx("Z53.31", None, vec![proc_ev.clone()], why("A laparoscopic procedure converted to an open procedure takes Z53.31 as an additional code.", vec![tabular("Z53.31 Laparoscopic surgical procedure converted to open procedure"), guideline("OCG I.C.21.c")]));
    }
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    match v {
        1 => cw.not_coded("possible chronic cholecystitis (pre-op)", Some("K80.10"), vec![pre_ev], why("The pre-operative 'possible'/'rule out' cholecystitis was not confirmed by pathology; outpatient uncertain diagnoses are never coded as established.", vec![guideline("OCG IV.H")])),
        2 => {}
        _ => cw.not_coded("symptomatic cholelithiasis (pre-op wording)", Some("K80.20"), vec![pre_ev], why("The pre-operative diagnosis is superseded by the pathology, which found chronic cholecystitis with the stones: the combination code K80.10 replaces K80.20.", vec![guideline("OCG IV.K")])),
    }
    match v {
        3 => {
            cw.service("47563", &[], 1, vec![proc_ev], why("Laparoscopic cholecystectomy with cholangiography is one code (47563); 47562 is not reported in addition. The surgeon did not write an interpretation of the images.", vec![convention("CPT laparoscopic cholecystectomy family 47562-47564"), edit("NCCI PTP")]));
            cw.not_coded("radiological supervision and interpretation of the cholangiogram", Some("74300"), ioc_ev.clone().into_iter().collect(), why("Images were sent to the radiologist for the formal reading; without the surgeon's own written interpretation the S&I code is not on the surgeon's claim.", vec![convention("CPT radiology supervision and interpretation")]));
        }
        4 => {
            cw.service("47600", &[], 1, vec![proc_ev], why("When a laparoscopic procedure is converted to open, only the open procedure is reported (47600, open cholecystectomy); the failed laparoscopic attempt is not coded.", vec![edit("NCCI Policy Manual ch. VI"), convention("CPT surgical package")]));
        }
        _ => {
            cw.service("47562", &[], 1, vec![proc_ev], why("Laparoscopic cholecystectomy without cholangiography: 47562, one unit. The gallbladder is unpaired, so no laterality modifier.", vec![convention("CPT surgical package")]));
        }
    }
    cw.finish()
}

/// A not_coded item written without evidence takes the sentence that contains `needle` from the operative note.
fn fix_empty_not_coded(cw: &mut CaseWriter, needle: &str) {
    let found = cw.docs.iter().find_map(|d| d.text.find(needle).map(|at| (d.id.clone(), at)));
    for n in cw.gold.not_coded.iter_mut() {
        if n.evidence.is_empty() {
            if let Some((doc, _)) = &found {
                n.evidence.push(Evidence { doc: doc.clone(), quote: needle.to_string(), at: None });
            }
        }
    }
    cw.gold.not_coded.retain(|n| !n.evidence.is_empty());
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Inguinal hernia
// ---------------------------------------------------------------------------------------------------------------

fn hernia(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.15);
    let age = rng.range(22, 81) as u8;
    let right = match v {
        0 | 2 => true,
        1 | 3 => false,
        _ => rng.chance(0.5),
    };
    let side = side_word(right);
    let diff = if v <= 1 { Difficulty::Foundation } else if v == 4 { Difficulty::Advanced } else { Difficulty::Intermediate };
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: groin bulge", "Same-day surgery: hernia repair", "Surgeon's claim: groin procedure"]), diff, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, false, &[]);
    let months = rng.range(2, 18);
    let hpi = match v {
        2 => format!("with a {side} groin bulge known for {months} months that became painful and irreducible {} ago. No vomiting, passing flatus. Seen in clinic, unable to reduce; booked as an urgent add-on.", rng.pick(&["10 hours", "the evening before", "6 hours"])),
        3 => format!("s/p open {side} inguinal hernia repair {} years ago now with a recurrent reducible bulge at the same site for {months} months.", rng.range(3, 12)),
        4 => format!("with bilateral groin discomfort and reducible bulges on both sides for {months} months, worse with lifting at work."),
        _ => format!("with a reducible {side} groin bulge for {months} months, {}.", rng.pick(&["aching after work", "enlarging, no obstructive symptoms", "bothersome with exercise"])),
    };
    let exam = match v {
        2 => format!("Groin: tender, firm, irreducible {side} inguinal mass; skin without erythema"),
        4 => "Groin: reducible bulges bilaterally with cough impulse, nontender".into(),
        _ => format!("Groin: {side} inguinal bulge, reducible, cough impulse present; contralateral side normal"),
    };
    let written = if rng.chance(0.55) || !profile.is_empty() {
        let plan = rng.say(&["Proceed with hernia repair as scheduled.", "Repair with mesh; discussed chronic pain and recurrence risk.", "OR today."]);
        Some(hp(&mut cw, rng, age, sx, &format!("{} groin bulge", if v == 4 { "bilateral" } else { side }), &hpi, &exam, &plan, &profile))
    } else {
        None
    };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Report", "Operative Note", "OP NOTE"]), Some(1));
    op_open(&mut d, rng, cx);
    let (dx_text, proc_text) = match v {
        2 => (format!("Incarcerated {side} inguinal hernia"), format!("Open repair of incarcerated {side} inguinal hernia with mesh")),
        3 => (format!("Recurrent {side} inguinal hernia, reducible"), format!("Open repair of recurrent {side} inguinal hernia with mesh")),
        4 => ("Bilateral inguinal hernias, reducible".to_string(), "Laparoscopic bilateral inguinal hernia repair (TEP) with mesh".to_string()),
        _ => (format!("{} inguinal hernia, {}", if right { "Right" } else { "Left" }, rng.pick(&["reducible", "indirect, reducible", "reducible, symptomatic"])), format!("Open {side} inguinal hernia repair with mesh (Lichtenstein)")),
    };
    sec(&mut d, st, "pre");
    d.line(&dx_text);
    sec(&mut d, st, "post");
    let post_ev = d.mark_line(&if v == 2 { format!("{dx_text}, no bowel compromise") } else { dx_text.clone() });
    sec(&mut d, st, "proc");
    let proc_ev = d.mark_line(&proc_text);
    sec(&mut d, st, "anes");
    d.line(&if v == 4 { "General endotracheal".to_string() } else { rng.say(&["General LMA", "MAC with local (ilioinguinal block by surgeon)", "General"]) });
    sec(&mut d, st, "find");
    let find = match v {
        2 => rng.say(&["Indirect sac containing incarcerated omentum, viable after reduction; no bowel in sac.", "Incarcerated preperitoneal fat and omentum, healthy on inspection; no strangulation."]),
        3 => rng.say(&["Recurrent direct defect at the medial floor, 2 cm; prior mesh intact laterally.", "Recurrence at the pubic tubercle through the old repair."]),
        4 => rng.say(&["Bilateral direct defects, right 2.5 cm, left 2 cm; cord lipomas reduced.", "Right indirect and left direct inguinal hernias."]),
        _ => rng.say(&["Indirect hernia sac with cord lipoma; floor weak.", "Direct hernia with attenuated floor; no indirect component.", "Moderate indirect sac, reduced."]),
    };
    d.line(&find);
    sec(&mut d, st, "desc");
    if v == 4 {
        d.add(&rng.say(&[
            "Infraumbilical incision, anterior rectus sheath opened and the preperitoneal space developed with a balloon dissector under direct vision. Two 5 mm ports placed in the midline. ",
            "Totally extraperitoneal approach: 10 mm infraumbilical incision, preperitoneal space created with balloon dissector, working ports placed. ",
        ]));
        d.add("On the right, the sac was reduced from the cord and the myopectineal orifice cleared; a 15 x 15 cm polypropylene mesh was placed. The same was done on the left with a second mesh. ");
        d.add(&rng.say(&["Preperitoneal space desufflated under vision so the mesh stayed flat. Fascia closed with 0 Vicryl, skin 4-0 Monocryl.", "Mesh position confirmed on desufflation; fascia and skin closed."]));
        d.line("");
    } else {
        d.add(&rng.say(&[
            format!("An oblique {side} groin incision was made and carried through Scarpa fascia; the external oblique aponeurosis was opened in the line of its fibers, sparing the ilioinguinal nerve. ").as_str(),
            &format!("{} inguinal incision; external oblique opened to the superficial ring. Ilioinguinal nerve identified and protected. ", if right { "Right" } else { "Left" }),
        ]));
        d.add(&rng.say(&["The cord was mobilized and encircled with a Penrose drain. ", "Cord structures isolated at the pubic tubercle. "]));
        if v == 2 {
            d.add("The sac was opened; its contents were inspected, found viable, and reduced after the constricting ring was incised. ");
        } else {
            d.add(&rng.say(&["The sac was dissected off the cord, high ligated and reduced. ", "The sac was reduced into the preperitoneal space without opening it. "]));
        }
        d.add(&rng.say(&[
            "A polypropylene mesh was tailored and sewn to the shelving edge inferiorly and the conjoint tendon superiorly with running 2-0 Prolene, tails around the cord. ",
            "Lichtenstein repair with a 6 x 14 cm polypropylene mesh secured with 2-0 Prolene. ",
        ]));
        d.add(&rng.say(&["External oblique closed with 2-0 Vicryl, Scarpa 3-0, skin with 4-0 subcuticular. 0.25% bupivacaine infiltrated.", "Layers closed; local anesthetic infiltrated; skin adhesive."]));
        d.line("");
    }
    d.line(&rng.say(&["Counts correct.", "Needle and sponge counts correct."]));
    let ebl = rng.pick(&["5 mL", "10 mL", "minimal", "20 mL"]).to_string();
    let spec = rng.say(&["None", "none", "Hernia sac not sent"]);
    op_close(&mut d, rng, st, &ebl, &spec);
    cw.add_doc(d);
    let (code, why_dx) = match v {
        2 => ("K40.30", "An incarcerated hernia is classified as a hernia with obstruction (Index: Hernia, incarcerated — see Hernia, by site, with obstruction); unilateral, no gangrene, not recurrent: K40.30. ICD-10-CM inguinal hernia codes carry unilateral/bilateral, not right/left: the side goes on the CPT modifier."),
        3 => ("K40.91", "Unilateral inguinal hernia without obstruction or gangrene, documented as recurrent: K40.91. Side is not part of the ICD-10-CM code; it goes on the CPT modifier."),
        4 => ("K40.20", "Bilateral inguinal hernia without obstruction or gangrene, not specified as recurrent: K40.20."),
        _ => ("K40.90", "Unilateral inguinal hernia without obstruction or gangrene, not specified as recurrent: K40.90. K40 has no right/left axis; the side is carried by the CPT modifier."),
    };
    cw.dx(code, None, vec![post_ev], why(why_dx, vec![guideline("OCG IV.A"), guideline("OCG I.B.13")]));
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    match v {
        2 => cw.service("49507", &[side_mod(right)], 1, vec![proc_ev.clone()], why(format!("Initial repair of an inguinal hernia, age 5 or older, incarcerated: 49507, with {} for the {side} side.", side_mod(right)), vec![convention("CPT inguinal hernia repair by age, history and presentation"), convention("CPT modifier RT/LT")])),
        3 => cw.service("49520", &[side_mod(right)], 1, vec![proc_ev.clone()], why(format!("Repair of a recurrent inguinal hernia, reducible: 49520 (any age), {} for laterality.", side_mod(right)), vec![convention("CPT inguinal hernia repair by age, history and presentation"), convention("CPT modifier RT/LT")])),
        4 => cw.service("49650", &["50"], 1, vec![proc_ev.clone()], why("Laparoscopic initial inguinal hernia repair done on both sides: 49650 on one line with modifier 50, one unit (CMS bilateral indicator 1 convention). Not two lines with RT and LT.", vec![convention("CPT modifier 50"), edit("MPFS bilateral surgery indicator")])),
        _ => cw.service("49505", &[side_mod(right)], 1, vec![proc_ev.clone()], why(format!("Open initial repair of a reducible inguinal hernia, age 5 or older: 49505, with {} for the {side} side.", side_mod(right)), vec![convention("CPT inguinal hernia repair by age, history and presentation"), convention("CPT modifier RT/LT")])),
    }
    cw.not_coded("mesh placement", Some("49568"), vec![proc_ev], why("Mesh is included in the inguinal hernia repair codes; the old mesh add-on 49568 was deleted and never applied to inguinal repair.", vec![convention("CPT hernia repair guidelines")]));
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Knee arthroscopy with meniscectomy
// ---------------------------------------------------------------------------------------------------------------

fn knee(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.45);
    let age = if v == 3 { rng.range(19, 38) } else { rng.range(38, 68) } as u8;
    let right = match v {
        0 | 2 | 3 => true,
        _ => false,
    };
    let side = side_word(right);
    let diff = if v == 0 { Difficulty::Foundation } else { Difficulty::Intermediate };
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: knee", "Same-day surgery: knee arthroscopy", "Surgeon's claim: knee pain with locking"]), diff, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, false, &[Other::OaKnees]);
    let hpi = if v == 3 {
        format!("injured the {side} knee {} ago {} with immediate swelling and now mechanical catching. MRI: complex tear of the medial meniscus posterior horn, ligaments intact.", rng.pick(&["3 weeks", "4 weeks", "10 days"]), rng.pick(&["pivoting during a soccer game", "twisting while skiing", "landing from a jump at basketball"]))
    } else {
        format!("with {} months of {side} knee pain, {} and intermittent locking despite PT and a steroid injection. MRI shows {}.", rng.range(4, 14), rng.pick(&["medial joint line pain", "lateral joint line pain", "catching"]), match v {
            1 => "a chronic tear of the posterior horn of the lateral meniscus",
            2 => "chronic tears of both menisci",
            _ => "a chronic complex tear of the posterior horn of the medial meniscus",
        })
    };
    let exam = format!("{} knee: {}, {} McMurray, ligaments stable, ROM 0-{}", if right { "R" } else { "L" }, rng.pick(&["small effusion", "no effusion", "trace effusion"]), rng.pick(&["positive", "+"]), rng.range(115, 135));
    let written = if rng.chance(0.5) || !profile.is_empty() { Some(hp(&mut cw, rng, age, sx, &format!("{side} knee pain, locking"), &hpi, &exam, "Arthroscopy with partial meniscectomy.", &profile)) } else { None };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Report", "Arthroscopy Operative Note", "Op Note"]), Some(1));
    op_open(&mut d, rng, cx);
    let (post, proc_text): (Vec<String>, String) = match v {
        1 => (vec![format!("Derangement of posterior horn of lateral meniscus due to old tear, {side} knee")], format!("{} knee arthroscopy with partial lateral meniscectomy", if right { "Right" } else { "Left" })),
        2 => (
            vec![format!("Derangement of posterior horn of medial meniscus due to old tear, {side} knee"), format!("Derangement of posterior horn of lateral meniscus due to old tear, {side} knee")],
            format!("{} knee arthroscopy with partial medial and lateral meniscectomies", if right { "Right" } else { "Left" }),
        ),
        3 => (vec![format!("Acute complex tear of the medial meniscus, {side} knee")], format!("{} knee arthroscopy, partial medial meniscectomy", if right { "Right" } else { "Left" })),
        4 => (
            vec![format!("Derangement of posterior horn of medial meniscus due to old tear, {side} knee"), format!("Chondromalacia patellae, {side} knee")],
            format!("{} knee arthroscopy with partial medial meniscectomy and chondroplasty of the patella", if right { "Right" } else { "Left" }),
        ),
        _ => (
            vec![format!("Derangement of posterior horn of medial meniscus due to old tear, {side} knee"), format!("Chondromalacia of the medial femoral condyle, {side} knee")],
            format!("{} knee arthroscopy with partial medial meniscectomy and chondroplasty of the medial femoral condyle", if right { "Right" } else { "Left" }),
        ),
    };
    sec(&mut d, st, "pre");
    d.line(&format!("{side} knee {}", if v == 3 { "medial meniscus tear" } else { "internal derangement, meniscal tear" }));
    sec(&mut d, st, "post");
    let mut post_ev = Vec::new();
    for (i, p) in post.iter().enumerate() {
        if post.len() > 1 {
            d.add(&format!("{}. ", i + 1));
        }
        post_ev.push(d.mark_line(p));
    }
    sec(&mut d, st, "proc");
    let proc_ev = d.mark_line(&proc_text);
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["General LMA", "General", "General plus intra-articular local"]));
    sec(&mut d, st, "find");
    let g = rng.pick(&["II", "III"]);
    let find = match v {
        1 => format!("Medial compartment: intact meniscus, normal cartilage. Lateral: degenerative flap tear of the posterior horn of the lateral meniscus. Patellofemoral: normal. ACL/PCL intact."),
        2 => "Medial: complex degenerative tear of the posterior horn. Lateral: radial tear posterior horn. Cartilage with mild fraying only. Cruciates intact.".to_string(),
        3 => "Medial: complex tear posterior horn extending to the body, not repairable (white-white zone). Lateral compartment normal. ACL intact on probing.".to_string(),
        4 => format!("Patellofemoral: grade {g} chondromalacia of the patellar facets with unstable flaps. Medial: degenerative posterior horn tear. Lateral normal."),
        _ => format!("Medial: complex degenerative tear of the posterior horn, grade {g} chondral changes of the medial femoral condyle with loose flaps. Lateral and patellofemoral compartments normal."),
    };
    d.line(&find);
    sec(&mut d, st, "desc");
    d.add(&rng.say(&[
        format!("Patient supine, {side} leg in an arthroscopic leg holder, tourniquet on thigh not inflated. Prepped and draped. Time-out. ").as_str(),
        &format!("After induction, the {side} lower extremity was placed in a post, prepped with chlorhexidine and draped; time-out confirmed site with marking. "),
    ]));
    d.add(&rng.say(&["Standard anterolateral and anteromedial portals were established. ", "Inferolateral viewing portal, inferomedial working portal under spinal needle localization. "]));
    d.add("A diagnostic arthroscopy of all three compartments was performed with findings as above. ");
    match v {
        1 => d.add("The lateral meniscal tear was debrided back to a stable rim with basket forceps and shaver, preserving as much meniscus as possible. "),
        2 => d.add("The medial posterior horn tear was trimmed with biters and shaver to a stable rim. Attention then turned to the lateral compartment in figure-of-four, where the radial tear was debrided back to stable tissue. "),
        4 => d.add("The medial tear was resected to a stable rim. The unstable chondral flaps of the patella were debrided with the shaver to a stable border (chondroplasty). "),
        3 => d.add("The unstable torn fragments were resected with biters and the remnant contoured with a shaver; probing confirmed a stable rim. "),
        _ => d.add("Partial medial meniscectomy with baskets and shaver to a stable rim. Chondroplasty of the medial femoral condyle with the shaver, removing loose flaps. "),
    };
    d.line(&rng.say(&["Joint irrigated, instruments removed, portals closed with 3-0 nylon, 20 mL 0.25% bupivacaine injected. Sterile dressing and ice.", "Fluid evacuated, portals closed with nylon; marcaine intra-articular, Ace wrap."]));
    let spec = rng.say(&["None", "Meniscal fragments (discarded)", "none"]);
    op_close(&mut d, rng, st, "minimal", &spec);
    cw.add_doc(d);
    let s = if right { "1" } else { "2" };
    match v {
        1 => cw.dx(&format!("M23.25{s}"), None, vec![post_ev[0].clone()], why(format!("Derangement of the posterior horn of the lateral meniscus due to old tear, {side} knee: M23.25{s}. Laterality is built into the code.", ), vec![guideline("OCG I.B.13"), guideline("OCG IV.A")])),
        2 => {
            cw.dx(&format!("M23.22{s}"), None, vec![post_ev[0].clone()], why(format!("Old tear of the posterior horn of the medial meniscus, {side}: M23.22{s}."), vec![guideline("OCG I.B.13")]));
            cw.dx(&format!("M23.25{s}"), None, vec![post_ev[1].clone()], why(format!("Old tear of the posterior horn of the lateral meniscus, {side}: M23.25{s}; each meniscus has its own code."), vec![guideline("OCG I.B.13")]));
        }
        3 => {
            cw.dx(&format!("S83.23{s}A"), None, vec![post_ev[0].clone()], why(format!("A current (acute) complex tear of the medial meniscus, {side} knee; 7th character A because surgery is active treatment."), vec![guideline("OCG I.C.19.a"), guideline("OCG I.B.13")]));
            cw.not_coded("external cause of the knee injury (sport)", None, vec![], why("Chapter 20 external cause codes (how the injury happened, the activity, the place) have no national reporting requirement: they are reported only under a state mandate or a payer requirement, neither of which applies to this surgeon's claim, so none is assigned. The injury itself is fully described by S83.23-.", vec![guideline("OCG I.C.20")]));
        }
        4 => {
            cw.dx(&format!("M23.22{s}"), None, vec![post_ev[0].clone()], why(format!("Old tear of the posterior horn of the medial meniscus, {side}: M23.22{s}."), vec![guideline("OCG I.B.13")]));
            cw.dx(&format!("M22.4{s}"), None, vec![post_ev[1].clone()], why(format!("Chondromalacia of the patella has its own subcategory (M22.4-); M94.26- excludes it. {side} knee: M22.4{s}."), vec![tabular("M94.2 Excludes1 chondromalacia patellae (M22.4)")]));
        }
        _ => {
            cw.dx(&format!("M23.22{s}"), None, vec![post_ev[0].clone()], why(format!("Old tear of the posterior horn of the medial meniscus, {side}: M23.22{s}."), vec![guideline("OCG I.B.13")]));
            cw.dx(&format!("M94.26{s}"), None, vec![post_ev[1].clone()], why(format!("Chondromalacia of the femoral condyle (not the patella), {side} knee: M94.26{s}."), vec![guideline("OCG I.B.13")]));
        }
    }
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    let m = side_mod(right);
    if v == 2 {
        cw.service("29880", &[m], 1, vec![proc_ev.clone()], why(format!("Arthroscopic meniscectomy of both the medial and lateral menisci is one code, 29880 (not 29881 twice), with {m}."), vec![convention("CPT knee arthroscopy 29880/29881"), convention("CPT modifier RT/LT")]));
    } else {
        cw.service("29881", &[m], 1, vec![proc_ev.clone()], why(format!("Arthroscopic meniscectomy of one meniscus (medial OR lateral) is 29881, which includes debridement/shaving of articular cartilage (chondroplasty) in any compartment of the same knee. {m} for the {side} knee."), vec![convention("CPT knee arthroscopy 29880/29881"), convention("CPT modifier RT/LT")]));
    }
    if v == 0 || v == 4 {
        cw.not_coded("chondroplasty", Some("29877"), vec![proc_ev], why("Chondroplasty in the same knee is included in 29880/29881 whether in the same or a separate compartment; 29877 (or G0289) is not reported, and no 59 modifier can unbundle it.", vec![edit("NCCI PTP"), convention("CPT knee arthroscopy 29880/29881")]));
    }
    fix_empty_not_coded(&mut cw, "injured the");
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Carpal tunnel release
// ---------------------------------------------------------------------------------------------------------------

fn carpal(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.7);
    let age = rng.range(34, 79) as u8;
    // 0 right only; 1 left only (endoscopic); 2 bilateral CTS, right first; 3 bilateral CTS, left now, right released before.
    let right = matches!(v, 0 | 2);
    let side = side_word(right);
    let diff = if v >= 2 { Difficulty::Advanced } else { Difficulty::Foundation };
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: hand numbness", "Same-day surgery: wrist", "Surgeon's claim: hand surgery"]), diff, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, true, &[]);
    let emg = rng.pick(&["moderate", "moderate-to-severe", "severe"]).to_string();
    let hpi = match v {
        2 => format!("with numbness and tingling in both hands, right worse than left, waking at night for {} months. EMG/NCS: {emg} median neuropathy at the wrist bilaterally. Failed splinting. Plan right side today, left in 6 weeks.", rng.range(6, 24)),
        3 => format!("with bilateral carpal tunnel syndrome s/p right carpal tunnel release {} weeks ago with resolution of right-hand symptoms. Left hand numbness persists; EMG {emg} on the left.", rng.range(5, 12)),
        _ => format!("with {} months of {side} hand numbness in the median distribution, nocturnal symptoms, dropping objects. EMG/NCS: {emg} {side} median neuropathy at the wrist. Left/right comparison: other side normal.", rng.range(5, 20)),
    };
    let exam = format!("{} hand: positive Tinel and Phalen, {} two-point discrimination {} mm, {}", if right { "R" } else { "L" }, "static", rng.range(6, 10), rng.pick(&["mild thenar atrophy", "no thenar atrophy", "APB 4/5"]));
    let written = if rng.chance(0.5) || !profile.is_empty() { Some(hp(&mut cw, rng, age, sx, "hand numbness", &hpi, &exam, &format!("{} carpal tunnel release.", if right { "Right" } else { "Left" }), &profile)) } else { None };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Note", "Hand Surgery Operative Report"]), Some(1));
    op_open(&mut d, rng, cx);
    sec(&mut d, st, "pre");
    let pre_text = match v {
        2 | 3 => "Bilateral carpal tunnel syndrome".to_string(),
        _ => format!("{} carpal tunnel syndrome", if right { "Right" } else { "Left" }),
    };
    let pre_ev = d.mark_line(&pre_text);
    sec(&mut d, st, "post");
    let post_text = match v {
        2 => "Bilateral carpal tunnel syndrome (right side treated today)".to_string(),
        3 => "Left carpal tunnel syndrome; right side previously released".to_string(),
        _ => "Same".to_string(),
    };
    let post_ev = d.mark_line(&post_text);
    sec(&mut d, st, "proc");
    let proc_text = if v == 1 { "Left endoscopic carpal tunnel release".to_string() } else { format!("{} open carpal tunnel release", if right { "Right" } else { "Left" }) };
    let proc_ev = d.mark_line(&proc_text);
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["MAC with local", "WALANT (local with epinephrine), no sedation", "Bier block with sedation"]));
    sec(&mut d, st, "find");
    d.line(&rng.say(&["Thickened transverse carpal ligament with hourglass narrowing of the median nerve.", "Median nerve flattened and hyperemic under the ligament; no mass.", "Tight carpal tunnel; nerve compressed distally."]));
    sec(&mut d, st, "desc");
    d.add(&format!("The {side} upper extremity was prepped and draped on a hand table{}. ", rng.pick(&[", forearm tourniquet inflated to 250 mmHg", " and exsanguinated, tourniquet 250", ""])));
    if v == 1 {
        d.add("A 1.5 cm transverse incision was made at the proximal wrist crease. The forearm fascia was opened and the endoscopic device was introduced into the carpal tunnel ulnar to the median nerve. The transverse carpal ligament was visualized and divided distal to proximal under direct endoscopic view; complete release confirmed with a probe. ");
    } else {
        d.add(&rng.say(&[
            "A 2.5 cm longitudinal incision in line with the radial border of the ring finger. Palmar fascia divided; the transverse carpal ligament was identified and divided under direct vision from the superficial palmar arch to the distal forearm fascia. ",
            "Mini-open palmar incision; subcutaneous tissue spread and the TCL exposed and released along its ulnar border with a 15 blade and tenotomy scissors, protecting the recurrent motor branch. ",
        ]));
    }
    d.add(&rng.say(&["The nerve was inspected; no neurolysis was needed. ", "Complete release confirmed proximally and distally. "]));
    d.line(&rng.say(&["Skin closed with 4-0 nylon horizontal mattress. Bulky dressing, volar splint.", "Closure with interrupted 5-0 nylon; soft dressing."]));
    op_close(&mut d, rng, st, "<5 mL", "None");
    cw.add_doc(d);
    match v {
        2 => {
            cw.dx("G56.03", None, vec![pre_ev, post_ev], why("The patient has carpal tunnel syndrome of both hands and only the right is treated today: the bilateral code is assigned for this first-side encounter because the condition still exists on both sides.", vec![guideline("OCG I.B.13")]));
        }
        3 => {
            cw.dx("G56.02", None, vec![post_ev], why("Second-side encounter: the right side was already treated and the condition no longer exists there, so the unilateral code for the remaining (left) side is assigned, not G56.03.", vec![guideline("OCG I.B.13")]));
            cw.not_coded("bilateral carpal tunnel syndrome (pre-op wording)", Some("G56.03"), vec![pre_ev], why("Once the right side has been released and is asymptomatic, the bilateral code no longer applies.", vec![guideline("OCG I.B.13")]));
        }
        _ => {
            let code = if right { "G56.01" } else { "G56.02" };
            cw.dx(code, None, vec![pre_ev], why(format!("Carpal tunnel syndrome of the {side} upper limb: {code}; laterality is part of the code."), vec![guideline("OCG I.B.13")]));
        }
    }
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    let m = side_mod(right);
    if v == 1 {
        cw.service("29848", &[m], 1, vec![proc_ev], why("Endoscopic release of the transverse carpal ligament is 29848 (wrist endoscopy), not the open neuroplasty code 64721. LT for the left wrist.", vec![convention("CPT 29848 vs 64721"), convention("CPT modifier RT/LT")]));
    } else {
        cw.service("64721", &[m], 1, vec![proc_ev], why(format!("Open neuroplasty/transposition of the median nerve at the carpal tunnel: 64721, one side, {m}. The laterality modifier tells the payer which wrist; a later release of the other side is not a duplicate."), vec![convention("CPT modifier RT/LT"), edit("NCCI MUE")]));
    }
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Cataract
// ---------------------------------------------------------------------------------------------------------------

fn cataract(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.55);
    let age = rng.range(62, 86) as u8;
    let right = matches!(v, 0 | 2);
    let side = side_word(right);
    let eye = if right { "OD" } else { "OS" };
    let diff = if v >= 2 { Difficulty::Intermediate } else { Difficulty::Foundation };
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: blurred vision", "Same-day surgery: eye", "Surgeon's claim: lens surgery"]), diff, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, true, &[]);
    let combined = rng.chance(0.4);
    let kind = if combined { "combined nuclear and cortical age-related cataract" } else { "age-related nuclear sclerotic cataract" };
    let bcva = rng.pick(&["20/60", "20/70", "20/80", "20/100"]).to_string();
    let hpi = match v {
        2 => format!("with glare and decreased vision both eyes, {side} worse; BCVA {eye} {bcva}. Visually significant {kind} in both eyes. First eye ({side}) today; the other eye to follow."),
        3 => format!("s/p cataract surgery of the right eye {} weeks ago, now 20/25 OD. Left eye with visually significant {kind}, BCVA OS {bcva}, difficulty driving at night.", rng.range(3, 8)),
        _ => format!("with progressive blurred vision and glare in the {side} eye interfering with reading and driving; BCVA {eye} {bcva}. {kind} {eye}; fellow eye with mild nonsignificant lens changes."),
    };
    let exam = format!("SLE: {eye} {}; fundus WNL; IOP {} mmHg", if combined { "3+ NS with cortical spokes" } else { "3+ nuclear sclerosis" }, rng.range(12, 19));
    let written = if rng.chance(0.5) || !profile.is_empty() { Some(hp(&mut cw, rng, age, sx, "decreased vision", &hpi, &exam, &format!("Phaco/IOL {eye}. Biometry reviewed.", ), &profile)) } else { None };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Note - Cataract", "Ophthalmic Operative Report", "Operative Report"]), Some(1));
    op_open(&mut d, rng, cx);
    sec(&mut d, st, "pre");
    let dx_text = match v {
        2 => format!("Bilateral {kind}, {side} eye operated today"),
        3 => format!("{kind}, left eye"),
        _ => format!("{kind}, {side} eye"),
    };
    let dx_ev = d.mark_line(&dx_text);
    sec(&mut d, st, "post");
    d.line("Same");
    sec(&mut d, st, "proc");
    let model = rng.pick(&["SN60WF", "ZCB00", "AU00T0", "MX60"]).to_string();
    let power = dec(rng, 17.0, 24.5);
    let proc_ev = d.mark_line(&format!("Phacoemulsification of cataract with posterior chamber intraocular lens implantation, {side} eye ({eye})"));
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["Topical/intracameral lidocaine with MAC", "MAC, topical", "Topical with IV sedation by anesthesia"]));
    sec(&mut d, st, "desc");
    d.add(&format!("The {side} eye was prepped with 5% povidone-iodine and draped; a lid speculum placed. "));
    d.add(&rng.say(&["A 2.4 mm clear corneal incision was made temporally with a paracentesis. ", "Temporal clear-corneal main incision 2.2 mm and a side port were created. "]));
    d.add("Viscoelastic was instilled and a continuous curvilinear capsulorhexis was completed. Hydrodissection was performed. ");
    d.add(&rng.say(&["The nucleus was removed with phacoemulsification using a divide-and-conquer technique. ", "Phaco chop; nucleus emulsified in the bag. "]));
    d.add("Cortex was removed with irrigation/aspiration. ");
    d.add(&format!("A {model} {power} D posterior chamber IOL was injected into the capsular bag and centered. "));
    d.add(&rng.say(&["Viscoelastic removed, wounds hydrated and watertight. Intracameral moxifloxacin. ", "Wounds sealed with stromal hydration; intracameral antibiotic given. "]));
    d.line(&rng.say(&["No iris hooks, rings, or capsular dye were needed; the capsule remained intact.", "Routine case; posterior capsule intact, no vitreous loss."]));
    op_close(&mut d, rng, st, "none", "None");
    cw.add_doc(d);
    let s = match v {
        2 => "3",
        _ if right => "1",
        _ => "2",
    };
    let code = if combined { format!("H25.81{s}") } else { format!("H25.1{s}") };
    let why_dx = match v {
        2 => format!("Age-related cataract in both eyes with only the right operated: the bilateral code {code} is assigned for the first eye because the condition still exists in both."),
        3 => format!("Second eye: the right lens was removed already (pseudophakia), so only the left-eye cataract remains: {code}."),
        _ => format!("Age-related {} cataract of the {side} eye: {code}; laterality is the 6th character.", if combined { "combined-forms" } else { "nuclear" }),
    };
    cw.dx(&code, None, vec![dx_ev.clone()], why(why_dx, vec![guideline("OCG I.B.13")]));
    if v == 3 {
        cw.not_coded("prior right-eye cataract surgery (pseudophakia)", Some("Z96.1"), vec![], why("The right-eye surgery appears only as history in the HPI; the surgeon does not list it as a diagnosis or manage anything for it today, so the lens-implant status is not reported on this left-eye claim.", vec![guideline("OCG IV.J")]));
        fix_empty_not_coded(&mut cw, "s/p cataract surgery of the right eye");
    }
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    let m = side_mod(right);
    cw.service("66984", &[m], 1, vec![proc_ev], why(format!("Extracapsular cataract removal with IOL by phacoemulsification without devices or techniques that make it complex (no iris expansion, no capsular dye, not pediatric): 66984, {m} for the {side} eye."), vec![convention("CPT 66982 vs 66984 complexity criteria"), convention("CPT modifier RT/LT")]));
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Colonoscopy: screening turned diagnostic
// ---------------------------------------------------------------------------------------------------------------

struct Lesion {
    site: &'static str,
    mm: i64,
    snare: bool,
    path: &'static str,
    code: &'static str,
}

fn colonoscopy(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    // 0 Medicare snare; 1 commercial forceps; 2 Medicare both; 3 commercial both; 4 Medicare snare + diverticulosis;
    // 5 commercial family history snare; 6 commercial normal screening.
    let medicare = matches!(v, 0 | 2 | 4);
    let age = if medicare { rng.range(66, 82) } else { rng.range(45, 63) } as u8;
    let sx = sex_by(rng, 0.5);
    let diff = match v {
        0 | 1 | 6 => Difficulty::Intermediate,
        _ => Difficulty::Advanced,
    };
    let mut cw = new_case(cx, &rng.say(&["Outpatient endoscopy: colonoscopy", "GI lab: colonoscopy", "Surgeon's claim: lower endoscopy"]), diff, age, sx);
    let prep = rng.pick(&["excellent", "good", "adequate"]).to_string();
    let bbps = rng.range(7, 9);
    let adenoma_sites: [(&str, &str); 6] = [("ascending colon", "D12.2"), ("transverse colon", "D12.3"), ("descending colon", "D12.4"), ("sigmoid colon", "D12.5"), ("cecum", "D12.0"), ("rectosigmoid junction", "D12.7")];
    let (s1, c1) = *rng.pick(&adenoma_sites);
    let mut lesions: Vec<Lesion> = Vec::new();
    match v {
        0 | 4 | 5 => lesions.push(Lesion { site: s1, mm: rng.range(7, 14), snare: true, path: "Tubular adenoma", code: c1 }),
        1 => {
            let site = *rng.pick(&["sigmoid colon", "descending colon", "transverse colon"]);
            lesions.push(Lesion { site, mm: rng.range(2, 4), snare: false, path: "Hyperplastic polyp", code: "K63.5" });
        }
        2 | 3 => {
            lesions.push(Lesion { site: s1, mm: rng.range(8, 15), snare: true, path: "Tubular adenoma", code: c1 });
            let site2 = if s1 == "sigmoid colon" { "descending colon" } else { "sigmoid colon" };
            lesions.push(Lesion { site: site2, mm: rng.range(2, 4), snare: false, path: "Hyperplastic polyp", code: "K63.5" });
        }
        _ => {}
    }
    let divert = v == 4;
    // Brief pre-procedure note
    let mut h = cw.doc(DocumentKind::HistoryAndPhysical, &rng.say(&["Pre-procedure H&P (GI)", "Endoscopy pre-procedure assessment"]), Some(1));
    let who = person(rng, age, sx);
    h.line(&format!("Payer: {}", if medicare { "Medicare Part B" } else { rng.pick(&["commercial PPO", "commercial HMO", "employer-sponsored commercial plan"]) }));
    let indication = match v {
        5 => rng.say(&["Screening colonoscopy; father diagnosed with colon cancer at age 58", "Screening, family history of colon cancer (mother, age 61)"]),
        _ => rng.say(&["Average-risk screening colonoscopy", "Routine colorectal cancer screening, asymptomatic", "Screening colonoscopy, no GI symptoms"]),
    };
    h.add(&format!("{who}. Indication: "));
    let ind_ev = h.mark_line(&indication);
    let last = if age >= 55 { rng.say(&["Last colonoscopy 10 years ago, normal.", "No prior colonoscopy.", "Prior colonoscopy >10 years ago, no polyps."]) } else { "No prior colonoscopy.".to_string() };
    h.line(&format!("{last} Denies rectal bleeding, weight loss, change in bowel habits."));
    h.line(&rng.say(&["ASA class per anesthesia. Airway reviewed. Cleared for MAC.", "Heart RRR, lungs clear, abdomen soft, nontender. OK for sedation by anesthesia.", "Exam unremarkable; proceed."]));
    h.line("-- endoscopist");
    cw.add_doc(h);
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Colonoscopy Procedure Report", "Procedure Note: Colonoscopy", "Endoscopy Report"]), Some(1));
    op_open(&mut d, rng, cx);
    d.line(&format!("Indication: {indication}"));
    let sed_ev = d.mark_line(&rng.say(&["Sedation: monitored anesthesia care with propofol, administered by the anesthesia team.", "Anesthesia: MAC (propofol) by anesthesiology.", "Sedation provided by anesthesia (MAC)."]));
    d.heading(&rng.say(&["PROCEDURE:", "Description:"]));
    d.add(&rng.say(&[
        "After informed consent, the patient was placed in left lateral decubitus. Digital rectal exam normal. The adult colonoscope was inserted and advanced to the cecum, identified by the appendiceal orifice and ileocecal valve. ",
        "Consent obtained. Left lateral position. DRE unremarkable. Pediatric colonoscope advanced under direct vision to the cecum (landmarks photographed). ",
    ]));
    let wd = rng.range(7, 14);
    d.line(&format!("Bowel prep {prep} (BBPS {bbps}). Withdrawal time {wd} minutes. Retroflexion in the rectum performed."));
    d.heading(&rng.say(&["FINDINGS:", "Findings:"]));
    let mut lesion_ev = Vec::new();
    for (i, l) in lesions.iter().enumerate() {
        let shape = if l.snare { rng.pick(&["sessile", "pedunculated", "semi-pedunculated", "flat sessile"]) } else { rng.pick(&["diminutive sessile", "sessile", "flat"]) };
        let how = if l.snare { rng.say(&["removed with a cold snare", "removed en bloc with hot snare", "resected by cold snare polypectomy"]) } else { rng.say(&["removed with cold biopsy forceps", "removed completely with cold forceps (biopsy technique)"]) };
        d.add(&format!("{}. ", i + 1));
        let e = d.mark(&format!("{} mm {shape} polyp in the {}, {how}", l.mm, l.site));
        d.line(&format!(". {}", rng.pick(&["Retrieved.", "Retrieved for histology.", "Sent to pathology."])));
        lesion_ev.push(e);
    }
    let mut div_ev = None;
    if divert {
        d.add(&format!("{}. ", lesions.len() + 1));
        div_ev = Some(d.mark_line(&rng.say(&["Scattered sigmoid diverticulosis without bleeding or inflammation.", "Moderate diverticulosis in the sigmoid colon, no inflammation."])));
    }
    if lesions.is_empty() {
        d.line(&rng.say(&["The entire colon was normal. No polyps or masses. Normal retroflexion.", "Normal colonoscopy to the cecum. No polyps, no masses, no diverticula."]));
    } else {
        d.line(&rng.say(&["Otherwise normal mucosa to the cecum.", "Remainder of the exam normal."]));
    }
    d.heading(&rng.say(&["IMPRESSION:", "Impression:"]));
    if lesions.is_empty() {
        d.line("Normal screening colonoscopy.");
    } else {
        d.line(&format!("Screening colonoscopy with {} polyp{} removed; await pathology.", lesions.len(), if lesions.len() > 1 { "s" } else { "" }));
    }
    if lesions.is_empty() {
        d.line(&rng.say(&["Repeat screening colonoscopy in 10 years.", "Next screening in 10 years if average risk persists."]));
    } else {
        d.line(&rng.say(&["Repeat per pathology.", "Recall interval pending histology.", "Will send letter with results."]));
    }
    d.line("Complications: none. -- endoscopist");
    cw.add_doc(d);

    let pe = if lesions.is_empty() {
        Vec::new()
    } else {
        let spec = lesions.iter().enumerate().map(|(i, l)| format!("{}. {} polyp ({})", ["A", "B"][i], l.site, if l.snare { "snare" } else { "forceps" })).collect::<Vec<_>>().join("; ");
        let finals: Vec<String> = lesions.iter().enumerate().map(|(i, l)| format!("{}. {}, polypectomy: {}{}", ["A", "B"][i], l.site, l.path, if l.code == "K63.5" { "" } else { ". Negative for high-grade dysplasia" })).collect();
        let refs: Vec<&str> = finals.iter().map(String::as_str).collect();
        path_report(&mut cw, rng, &spec, &format!("{} fragment(s) of tan polypoid tissue, submitted entirely.", lesions.len()), "", &refs)
    };

    let screen_rule = vec![guideline("OCG I.C.21.c.5")];
    let z_why = if lesions.is_empty() { "The encounter was for screening and nothing was found: Z12.11 alone (plus any history that explains the screening)." } else { "The encounter was for screening: Z12.11 is first-listed even though a polyp was found and removed; the finding is an additional diagnosis." };
    cw.dx("Z12.11", None, vec![ind_ev.clone()], why(z_why, screen_rule.clone()));
    for (i, l) in lesions.iter().enumerate() {
        if cw.has_dx(l.code) {
            continue;
        }
        let text = if l.code == "K63.5" {
            "Hyperplastic polyp of the colon (not an adenoma): K63.5, from the final pathology.".to_string()
        } else {
            format!("Tubular adenoma of the {} on pathology: benign neoplasm of that site, {}. The path report decides the code, not the endoscopic 'polyp'.", l.site, l.code)
        };
        cw.dx(l.code, None, vec![pe[i].clone(), lesion_ev[i].clone()], why(text, vec![guideline("OCG I.C.21.c.5"), guideline("OCG IV.K")]));
    }
    if let Some(e) = div_ev {
        cw.dx("K57.30", None, vec![e], why("Diverticulosis found at screening is an additional diagnosis: large intestine, without perforation, abscess or bleeding.", screen_rule.clone()));
    }
    if v == 5 {
        cw.dx("Z80.0", None, vec![ind_ev.clone()], why("Family history of colon cancer explains the screening; reported after the screening code and the finding.", vec![guideline("OCG I.C.21.c.4")]));
    }
    let pay_mod = if medicare { "PT" } else { "33" };
    let pay_why = if medicare { "Medicare: a screening colonoscopy that becomes diagnostic/therapeutic carries modifier PT so the deductible is waived." } else { "Commercial payer: modifier 33 (preventive service) marks the screening that became therapeutic, so the ACA preventive benefit applies." };
    let snare = lesions.iter().position(|l| l.snare);
    let forceps = lesions.iter().position(|l| !l.snare);
    match (snare, forceps) {
        (Some(s), Some(f)) => {
            cw.service("45385", &[pay_mod], 1, vec![lesion_ev[s].clone()], why(format!("Snare removal of the {} polyp: 45385, listed first as the higher-valued endoscopy. {pay_why}", lesions[s].site), vec![convention("CPT colonoscopy 45378-45398"), guideline("OCG I.C.21.c.5")]));
            let m51 = if medicare { medicare_no51(true).to_string() } else { "Commercial payer: by the CPT convention the second procedure of the session takes modifier 51 (multiple procedures).".to_string() };
            let mods: &[&str] = if medicare { &["XS", "PT"] } else { &["51", "XS", "33"] };
            cw.service("45380", mods, 1, vec![lesion_ev[f].clone()], why(format!("Cold-forceps removal of a different polyp ({}): 45380. NCCI pairs 45380 with 45385 (modifier indicator 1); because it was a separate lesion, XS (separate structure) bypasses the edit — it would not be allowed for a biopsy of the same lesion that was snared. {pay_why} {m51}", lesions[f].site), vec![edit("NCCI PTP"), edit("NCCI Policy Manual ch. VI"), convention("CPT modifier XS"), convention("CPT modifier 51")]));
        }
        (Some(s), None) => {
            cw.service("45385", &[pay_mod], 1, vec![lesion_ev[s].clone()], why(format!("Colonoscopy with removal of a polyp by snare: 45385 (the diagnostic colonoscopy 45378 is included). {pay_why}"), vec![convention("CPT colonoscopy 45378-45398"), guideline("OCG I.C.21.c.5")]));
        }
        (None, Some(f)) => {
            cw.service("45380", &[pay_mod], 1, vec![lesion_ev[f].clone()], why(format!("A small polyp removed with cold biopsy forceps is coded as colonoscopy with biopsy, 45380 (one unit regardless of the number of biopsies). {pay_why}"), vec![convention("CPT colonoscopy 45378-45398"), guideline("OCG I.C.21.c.5")]));
        }
        (None, None) => {
            let mut d_ev = vec![ind_ev.clone()];
            if let Some(doc) = cw.docs.iter().find(|d| d.kind == DocumentKind::OperativeNote) {
                if doc.text.contains("Normal screening colonoscopy.") {
                    d_ev.push(Evidence { doc: doc.id.clone(), quote: "Normal screening colonoscopy.".into(), at: None });
                }
            }
            cw.service("45378", &["33"], 1, d_ev, why("Commercial payer, screening colonoscopy without any intervention: 45378 with modifier 33 (preventive service). Medicare would use a HCPCS G-code instead; this patient is commercially insured.", vec![convention("CPT modifier 33"), guideline("OCG I.C.21.c.5")]));
        }
    }
    cw.not_coded("sedation", Some("99152"), vec![sed_ev], why("Sedation was given by the anesthesia team (MAC), which bills its own claim; the endoscopist does not report moderate sedation.", vec![convention("CPT moderate sedation guidelines")]));
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 7. EGD with biopsy
// ---------------------------------------------------------------------------------------------------------------

fn egd(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.55);
    let age = rng.range(28, 79) as u8;
    let mut cw = new_case(cx, &rng.say(&["Outpatient endoscopy: upper GI", "GI lab: EGD", "Surgeon's claim: upper endoscopy"]), if v == 2 { Difficulty::Advanced } else { Difficulty::Intermediate }, age, sx);
    let profile = light(rng, age, sx, false, &[Other::Gerd, Other::IronDeficiency]);
    let mut h = cw.doc(DocumentKind::HistoryAndPhysical, "Pre-procedure note", Some(1));
    let who = person(rng, age, sx);
    let months = rng.range(2, 9);
    let (ind, ind_words) = match v {
        0 => (format!("{months} months of epigastric pain and bloating, worse after meals, not improved with a PPI trial"), "Epigastric pain"),
        1 => (format!("{} years of GERD without esophagitis on daily PPI; screening for Barrett's", rng.range(6, 15)), "GERD without esophagitis, Barrett's screening"),
        2 => {
            let hgb = dec(rng, 9.1, 10.8);
            let fer = rng.range(4, 11);
            (format!("iron deficiency anemia, Hgb {hgb}, ferritin {fer}; colonoscopy last month unrevealing"), "Iron deficiency anemia")
        }
        _ => (format!("epigastric pain for {months} weeks with NSAID use for back pain"), "Epigastric pain"),
    };
    h.line(&format!("{who} referred for EGD. Indication: {ind}."));
    h.add(&format!("{} ", rng.say(&["PMH:", "Hx:"])));
    let mut w = Written::default();
    if profile.is_empty() {
        h.line("otherwise healthy");
    } else {
        kb::write_history(&mut h, &profile, &mut w);
        h.line("");
        for (key, label) in profile.problems().iter().filter(|p| !p.history_only).map(|p| (p.key, p.label.clone())).collect::<Vec<_>>() {
            h.add("- ");
            let e = h.mark(&label);
            w.name(key, e);
            let s = periop(rng, key, &profile);
            h.line(&format!(": {s}"));
        }
    }
    h.line(&rng.say(&["NPO since midnight. Airway and heart/lung exam acceptable for MAC.", "NPO >8 h. Lungs clear, RRR. Proceed with anesthesia-administered sedation."]));
    h.line("-- endoscopist");
    cw.add_doc(h);
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["EGD Procedure Report", "Upper Endoscopy Report", "Procedure Note"]), Some(1));
    op_open(&mut d, rng, cx);
    d.add("Indication: ");
    let ind_ev = d.mark_line(ind_words);
    d.line("Sedation: MAC by anesthesia.");
    d.heading("Procedure:");
    d.add(&rng.say(&["The gastroscope was passed under direct vision through the upper esophageal sphincter and advanced to the second portion of the duodenum. ", "Scope introduced into the esophagus and advanced to D2 without difficulty. "]));
    d.line(&rng.say(&["Retroflexion in the stomach performed.", "Careful inspection on withdrawal, including retroflexed views of the cardia."]));
    d.heading("Findings:");
    let (find, bx) = match v {
        0 => (rng.say(&["Patchy erythema of the antrum and body without erosions or ulcers. Esophagus and duodenum normal.", "Nodular, erythematous antral mucosa. Normal esophagus and duodenum."]), "Biopsies taken from antrum and body (Sydney protocol) for histology and H. pylori, cold forceps"),
        1 => (rng.say(&["Salmon-colored mucosa extending 3 cm above the GE junction (Prague C2M3). No nodules. No esophagitis.", "Tongues of salmon mucosa, C1M2, no erosive esophagitis, no mass."]), "Four-quadrant biopsies every 2 cm of the salmon mucosa (Seattle protocol), cold forceps"),
        2 => (rng.say(&["Normal esophagus, stomach and duodenum; no source of blood loss identified.", "Grossly normal upper GI tract, no AVMs or ulcers."]), "Random duodenal biopsies (celiac) and gastric biopsies (H. pylori), cold forceps"),
        _ => {
            let cm = dec(rng, 0.6, 1.4);
            (format!("A {cm} cm clean-based ulcer on the lesser curvature of the gastric antrum, no stigmata of bleeding. Esophagus and duodenum normal."), "Biopsies of the ulcer margin and of the antrum, cold forceps")
        }
    };
    d.line(&find);
    let bx_ev = d.mark_line(&bx);
    d.line(&rng.say(&["EBL minimal. No complications. Scope withdrawn.", "No immediate complications; tolerated well."]));
    d.line("-- endoscopist");
    cw.add_doc(d);
    let (finals, code_list): (Vec<&str>, Vec<(&str, &str)>) = match v {
        0 => (vec!["Gastric antrum and body, biopsy: Chronic gastritis with Helicobacter pylori organisms identified on immunostain"], vec![("K29.50", "Chronic gastritis without bleeding, not further specified by type, from the pathology."), ("B96.81", "H. pylori identified as the cause of the gastritis: B96.81 as an additional code identifying the infectious agent.")]),
        1 => (vec!["Esophagus, biopsy: Columnar mucosa with intestinal metaplasia (goblet cells), consistent with Barrett's esophagus. Negative for dysplasia"], vec![("K22.70", "Barrett's esophagus without dysplasia confirmed by pathology."), ("K21.9", "The indication GERD without esophagitis is a separate chronic condition that was the reason for the surveillance; K21.9 is reported with the Barrett's code.")]),
        2 => (vec!["A. Duodenum, biopsy: Small bowel mucosa with normal villous architecture; no increase in intraepithelial lymphocytes", "B. Stomach, biopsy: Unremarkable gastric mucosa; negative for H. pylori"], vec![("D50.9", "Biopsies normal: with no definitive finding, the reason for the test (iron deficiency anemia, documented by the provider) is coded.")]),
        _ => (vec!["Stomach, ulcer margin, biopsy: Benign gastric ulcer with granulation tissue. Negative for H. pylori and for malignancy"], vec![("K25.9", "Benign gastric ulcer, not stated acute or chronic, without hemorrhage or perforation.")]),
    };
    let agg = dec(rng, 0.3, 0.9);
    let pe = path_report(&mut cw, rng, "Upper GI biopsies", &format!("Multiple tan-pink mucosal fragments, aggregate {agg} cm, entirely submitted."), "", &finals);
    for (i, (code, text)) in code_list.iter().enumerate() {
        let mut ev = vec![pe[0].clone()];
        if *code == "K21.9" || *code == "D50.9" {
            ev = vec![ind_ev.clone()];
            if *code == "D50.9" {
                ev.extend(pe.iter().cloned());
            }
        }
        let rules = if *code == "B96.81" { vec![tabular("K29 code also / B96.81 to identify the infectious agent"), guideline("OCG I.C.1")] } else if *code == "D50.9" { vec![guideline("OCG IV.K"), guideline("OCG IV.D")] } else { vec![guideline("OCG IV.K")] };
        let _ = i;
        cw.dx(code, None, ev, why(*text, rules));
    }
    profile.code(&mut cw, &w, None);
    if v == 0 || v == 3 {
        cw.not_coded("epigastric pain", Some("R10.13"), vec![ind_ev.clone()], why("The symptom is explained by the confirmed diagnosis on pathology and is not coded separately in the outpatient setting.", vec![guideline("OCG IV.D"), guideline("OCG IV.K")]));
    }
    cw.service("43239", &[], 1, vec![bx_ev], why("EGD with biopsy, single or multiple: 43239, one unit however many biopsies or sites were sampled.", vec![convention("CPT 43239 single or multiple"), edit("NCCI MUE")]));
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 8. Skin lesion excision
// ---------------------------------------------------------------------------------------------------------------

fn size_code(base: u32, d: f64) -> String {
    // Excised diameter steps: <=0.5, 0.6-1.0, 1.1-2.0, 2.1-3.0, 3.1-4.0, >4.0 (last digit 0,1,2,3,4,6).
    let last = if d <= 0.5 {
        0
    } else if d <= 1.0 {
        1
    } else if d <= 2.0 {
        2
    } else if d <= 3.0 {
        3
    } else if d <= 4.0 {
        4
    } else {
        6
    };
    format!("{}", base + last)
}

fn skin(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    struct S {
        site: &'static str,
        group: &'static str,
        benign_base: u32,
        mal_base: u32,
        lesion: f64,
        margin: f64,
        pre: &'static str,
        path: &'static str,
        code: &'static str,
        malignant: bool,
        repair: Option<(&'static str, f64)>,
    }
    let sx = sex_by(rng, 0.5);
    // The two cases with a separately reported repair are Medicare patients (the payer decides modifier 51).
    let age = if matches!(v, 1 | 2) { rng.range(66, 84) } else { rng.range(36, 84) } as u8;
    let l = |a: f64, b: f64, r: &mut Rng| dec(r, a, b);
    let s = match v {
        0 => S { site: "mid back", group: "trunk", benign_base: 11400, mal_base: 11600, lesion: l(1.0, 1.3, rng), margin: 0.2, pre: "Pigmented lesion of the back, rule out basal cell carcinoma", path: "Seborrheic keratosis; margins free", code: "L82.1", malignant: false, repair: None },
        1 => S { site: "left upper back", group: "trunk", benign_base: 11400, mal_base: 11600, lesion: l(0.9, 1.1, rng), margin: 0.4, pre: "Basal cell carcinoma of the back (shave biopsy proven)", path: "Basal cell carcinoma, nodular type; all margins negative", code: "C44.519", malignant: true, repair: Some(("12032", l(4.0, 5.5, rng))) },
        2 => S { site: "right dorsal forearm", group: "arm", benign_base: 11400, mal_base: 11600, lesion: l(1.3, 1.5, rng), margin: 0.4, pre: "Squamous cell carcinoma, right forearm (biopsy proven)", path: "Invasive squamous cell carcinoma, well differentiated; margins clear, closest 3 mm", code: "C44.622", malignant: true, repair: Some(("12032", l(5.0, 6.8, rng))) },
        3 => S { site: "left nasal ala", group: "nose", benign_base: 11440, mal_base: 11640, lesion: l(0.5, 0.7, rng), margin: 0.3, pre: "Basal cell carcinoma, left nasal ala", path: "Basal cell carcinoma, superficial and nodular; margins free", code: "C44.311", malignant: true, repair: None },
        4 => S { site: "occipital scalp", group: "scalp", benign_base: 11420, mal_base: 11620, lesion: l(1.4, 1.6, rng), margin: 0.2, pre: "Enlarging cyst of the scalp", path: "Epidermal inclusion cyst, ruptured, with foreign-body giant cell reaction", code: "L72.0", malignant: false, repair: None },
        _ => S { site: "left upper arm", group: "arm", benign_base: 11400, mal_base: 11600, lesion: l(0.4, 0.5, rng), margin: 0.2, pre: "Atypical pigmented nevus, left arm, rule out melanoma", path: "Compound melanocytic nevus with mild architectural atypia; margins free", code: "D22.62", malignant: false, repair: None },
    };
    let excised = ((s.lesion + 2.0 * s.margin) * 10.0).round() / 10.0;
    let code = size_code(if s.malignant { s.mal_base } else { s.benign_base }, excised);
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: skin lesion", "Minor procedure room: excision", "Surgeon's claim: skin excision"]), if s.repair.is_some() { Difficulty::Advanced } else { Difficulty::Intermediate }, age, sx);
    let st = rng.below(3);
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Procedure Note - Excision", "Operative Note", "Excision Procedure Report"]), Some(1));
    op_open(&mut d, rng, cx);
    if s.repair.is_some() {
        d.line("Payer: Medicare Part B");
    }
    sec(&mut d, st, "pre");
    let pre_ev = d.mark_line(s.pre);
    sec(&mut d, st, "post");
    d.line("Same, pending pathology");
    sec(&mut d, st, "proc");
    let proc_text = if let Some((_, len)) = s.repair {
        format!("Excision of lesion of the {} with layered (intermediate) closure, repair length {len} cm", s.site)
    } else {
        format!("Excision of lesion of the {}{}", s.site, if s.group == "nose" { " with primary closure" } else { ", simple closure" })
    };
    let proc_ev = d.mark_line(&proc_text);
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["Local, 1% lidocaine with epinephrine", "Local anesthesia", "1% lido w/ epi, buffered"]));
    sec(&mut d, st, "desc");
    d.add(&format!("The {} was prepped and draped. ", s.site));
    let size_sentence = if rng.chance(0.5) {
        format!("The lesion measured {} x {} cm; {} mm margins were marked, for an excised diameter of {excised} cm. ", s.lesion, ((s.lesion * 0.8) * 10.0).round() / 10.0, (s.margin * 10.0) as i64)
    } else {
        format!("Lesion {} cm in greatest diameter, marked with a {} cm margin all around (excised diameter {excised} cm). ", s.lesion, s.margin)
    };
    let size_ev = d.mark(&size_sentence);
    d.add(&rng.say(&["An elliptical excision oriented along relaxed skin tension lines was made with a 15 blade down to subcutaneous fat. ", "Fusiform excision carried full thickness into the subcutis. "]));
    d.add(&rng.say(&["Specimen tagged at 12 o'clock and sent for permanent sections. ", "Suture marks the superior margin; to pathology. "]));
    let mut repair_ev = None;
    if let Some((_, len)) = s.repair {
        let sent = format!("Wound edges undermined; closed in layers with buried 4-0 Monocryl deep dermal sutures and running 5-0 nylon, final length {len} cm. ");
        repair_ev = Some(d.mark(&sent));
    } else {
        d.add(&rng.say(&["Closed with interrupted 5-0 nylon (simple closure). ", "Single-layer closure with 4-0 nylon. ", "Skin closed with simple interrupted sutures. "]));
    }
    d.line(&rng.say(&["Hemostasis with cautery. Bacitracin and dressing.", "Pressure dressing applied; wound care reviewed."]));
    op_close(&mut d, rng, st, "minimal", &format!("{} lesion, oriented", s.site));
    cw.add_doc(d);
    // A fusiform ellipse is about three times as long as it is wide; its width is the excised diameter.
    let gross = format!("Ellipse of skin {} x {excised} cm, with a {} cm lesion.", ((excised * 3.0) * 10.0).round() / 10.0, s.lesion);
    let pe = path_report(&mut cw, rng, &format!("Skin, {}, excision", s.site), &gross, "", &[&format!("Skin, {}, excision: {}", s.site, s.path)]);
    let dx_why = match s.code {
        "L82.1" => "Pathology shows a seborrheic keratosis: L82.1. The pre-operative 'rule out basal cell carcinoma' is not coded.",
        "C44.519" => "Basal cell carcinoma of the skin of the trunk (back): C44.519.",
        "C44.622" => "Squamous cell carcinoma of the skin of the right upper limb (forearm): C44.622.",
        "C44.311" => "Basal cell carcinoma of the skin of the nose: C44.311.",
        "L72.0" => "Epidermal (inclusion) cyst of the scalp: L72.0.",
        _ => "Melanocytic (compound) nevus of the left upper limb: D22.62; 'atypia' in a nevus stays in D22, and melanoma was not found.",
    };
    cw.dx(s.code, None, pe.clone(), why(dx_why, vec![guideline("OCG IV.K"), guideline("OCG I.C.2")]));
    if !s.malignant && s.pre.contains("rule out") {
        cw.not_coded("pre-operative suspicion of malignancy", Some(if s.code == "L82.1" { "C44.519" } else { "C43.62" }), vec![pre_ev], why("The 'rule out' diagnosis was disproved by pathology; uncertain diagnoses are not coded for outpatient encounters.", vec![guideline("OCG IV.H")]));
    }
    let kind = if s.malignant { "malignant" } else { "benign" };
    let range = match code.chars().last() {
        Some('0') => "0.5 cm or less",
        Some('1') => "0.6 to 1.0 cm",
        Some('2') => "1.1 to 2.0 cm",
        Some('3') => "2.1 to 3.0 cm",
        Some('4') => "3.1 to 4.0 cm",
        _ => "over 4.0 cm",
    };
    let mut ev = vec![proc_ev.clone(), size_ev];
    ev.extend(pe.iter().cloned());
    cw.service(&code, &[], 1, ev, why(format!("Excision of a {kind} lesion (decided by the final pathology) of the {} group, excised diameter = greatest lesion diameter + twice the narrowest margin = {} + 2 x {} = {excised} cm, range {range}: {code}. Simple closure is included.", s.group, s.lesion, s.margin), vec![convention("CPT excision of skin lesions: excised diameter"), convention("CPT benign vs malignant by pathology")]));
    if let (Some((rc, len)), Some(re)) = (s.repair, repair_ev) {
        cw.service(rc, &[], 1, vec![re], why(format!("A layered (intermediate) closure of {len} cm on the trunk/extremities (2.6 to 7.5 cm) is reported separately from the excision: {rc}. No 59 modifier is needed. {}", medicare_no51(false)), vec![convention("CPT repair (closure) guidelines: intermediate repair with excision"), convention("CPT modifier 51")]));
    }
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 9. Trigger finger
// ---------------------------------------------------------------------------------------------------------------

fn trigger(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.65);
    let age = rng.range(42, 80) as u8;
    let (digit, right, code, fmod) = match v {
        0 => ("ring finger", true, "M65.341", "F8"),
        1 => ("thumb", false, "M65.312", "FA"),
        _ => ("middle finger", true, "M65.331", "F7"),
    };
    let side = side_word(right);
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: finger catching", "Surgeon's claim: hand procedure", "Same-day surgery: digit"]), Difficulty::Intermediate, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, false, &[]);
    let inj = rng.range(1, 3);
    let hpi = format!("with painful catching and locking of the {side} {digit} for {} months, failed {inj} corticosteroid injection{} and splinting.", rng.range(4, 14), if inj > 1 { "s" } else { "" });
    let exam = format!("{} {digit}: tender nodule at the A1 pulley, reproducible triggering, full passive ROM", if right { "R" } else { "L" });
    let written = if rng.chance(0.5) || !profile.is_empty() { Some(hp(&mut cw, rng, age, sx, "finger locking", &hpi, &exam, "A1 pulley release.", &profile)) } else { None };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Note", "Hand Procedure Note"]), Some(1));
    op_open(&mut d, rng, cx);
    sec(&mut d, st, "pre");
    let dx_ev = d.mark_line(&format!("Trigger {}, {side} {digit}", if digit == "thumb" { "thumb" } else { "finger" }));
    sec(&mut d, st, "post");
    d.line("Same");
    sec(&mut d, st, "proc");
    let proc_ev = d.mark_line(&format!("Release of A1 pulley (tendon sheath incision), {side} {digit}"));
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["Local (WALANT)", "Local with MAC", "Local anesthesia, lidocaine with epinephrine"]));
    sec(&mut d, st, "desc");
    d.add(&rng.say(&[
        format!("The {side} hand was prepped and draped. A 1.5 cm transverse incision was made over the A1 pulley of the {digit}. ").as_str(),
        &format!("Oblique incision over the palmar MCP crease of the {side} {digit} after prep and drape. "),
    ]));
    d.add(&rng.say(&["Blunt dissection protected the neurovascular bundles. The A1 pulley was incised longitudinally in its entirety. ", "Digital nerves retracted; the thickened A1 pulley was divided under direct vision. "]));
    d.add(&rng.say(&["Active flexion and extension confirmed no further triggering. ", "Patient asked to make a fist: smooth gliding, no triggering. "]));
    d.line(&rng.say(&["Skin closed with 5-0 nylon; soft dressing.", "Closed with interrupted nylon; bulky dressing."]));
    op_close(&mut d, rng, st, "minimal", "None");
    cw.add_doc(d);
    cw.dx(code, None, vec![dx_ev], why(format!("Trigger finger codes specify the digit and the side: {side} {digit}, {code}."), vec![guideline("OCG I.B.13")]));
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    cw.service("26055", &[fmod], 1, vec![proc_ev], why(format!("Tendon sheath incision (trigger finger release) is 26055. For a digit, the finger modifier identifies the exact finger ({fmod} = {side} hand, {digit}) instead of RT/LT."), vec![convention("HCPCS finger modifiers FA, F1-F9"), edit("NCCI PTP")]));
    cw.not_coded("prior steroid injections", Some("20550"), vec![], why("The injections were earlier treatment described in the history; nothing was injected today.", vec![convention("CPT surgical package")]));
    fix_empty_not_coded(&mut cw, "corticosteroid injection");
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 10. Lumpectomy / partial mastectomy
// ---------------------------------------------------------------------------------------------------------------

fn lumpectomy(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let age = rng.range(41, 79) as u8;
    let sx = Sex::Female;
    let right = v == 1;
    let side = side_word(right);
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: breast", "Surgeon's claim: breast surgery", "Same-day surgery: breast mass"]), Difficulty::Advanced, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, false, &[Other::HxBreastCancer]);
    let (quad, clock) = if v == 1 { ("upper inner quadrant", rng.pick(&["1 o'clock", "2 o'clock"]).to_string()) } else { ("upper outer quadrant", rng.pick(&["1 o'clock", "2 o'clock"]).to_string()) };
    let size = dec(rng, 0.8, 1.9);
    let core = if v == 2 { "ductal carcinoma in situ, intermediate grade" } else { "invasive ductal carcinoma, grade 2" };
    let hpi = format!("with a screen-detected {size} cm {side} breast {quad} mass; ultrasound-guided core biopsy showed {core}. Multidisciplinary plan: breast conservation.");
    let exam = format!("Breasts: {} at {clock}; no axillary adenopathy", if rng.chance(0.5) { "vague thickening" } else { "nonpalpable lesion" });
    let written = if rng.chance(0.6) || !profile.is_empty() { Some(hp(&mut cw, rng, age, sx, "breast cancer", &hpi, &exam, "Wire-localized partial mastectomy today.", &profile)) } else { None };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Report", "Operative Note - Breast"]), Some(1));
    op_open(&mut d, rng, cx);
    sec(&mut d, st, "pre");
    d.line(&format!("{} breast {}", if right { "Right" } else { "Left" }, if v == 2 { "ductal carcinoma in situ" } else { "cancer, core biopsy proven" }));
    sec(&mut d, st, "post");
    d.line("Same");
    sec(&mut d, st, "proc");
    let proc_ev = d.mark_line(&format!("{} partial mastectomy (lumpectomy) with wire localization", if right { "Right" } else { "Left" }));
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["General LMA", "General", "MAC with local"]));
    sec(&mut d, st, "find");
    d.line("Wire and clip within the specimen on specimen radiograph (read by radiology); margins grossly clear.");
    sec(&mut d, st, "desc");
    d.add("The localization wire had been placed earlier today by radiology. ");
    d.add(&format!("A curvilinear incision was made over the {quad} of the {side} breast at {clock}. "));
    d.add(&rng.say(&["Skin flaps raised and the tissue around the wire excised as a single oriented specimen with a 1 cm gross margin. ", "The lesion and wire were excised en bloc with surrounding normal tissue, oriented with sutures (short superior, long lateral). "]));
    d.add("Specimen radiograph confirmed the clip and lesion. ");
    d.add(&rng.say(&["Cavity marked with titanium clips; hemostasis; deep tissue closed with 3-0 Vicryl, skin 4-0 Monocryl. ", "Clips placed in the cavity for radiation planning. Layered closure. "]));
    d.line(if v == 2 { "Sentinel node biopsy not indicated for DCIS; not performed." } else { "Sentinel node biopsy was not done today; axillary staging is planned as a separate procedure per the tumor board." });
    let ebl = format!("{} mL", rng.range(10, 40));
    op_close(&mut d, rng, st, &ebl, &format!("{} breast partial mastectomy, oriented", if right { "Right" } else { "Left" }));
    cw.add_doc(d);
    let er = rng.range(80, 99);
    let pr = rng.range(40, 90);
    let finals: Vec<String> = match v {
        2 => vec![format!("Left breast, partial mastectomy: Ductal carcinoma in situ, intermediate nuclear grade, {} cm; margins negative (closest 4 mm)", size)],
        _ => vec![format!("{} breast, {quad}, partial mastectomy: Invasive ductal carcinoma, grade 2, {} cm; margins negative", if right { "Right" } else { "Left" }, size), format!("Receptor status: ER positive ({er}%), PR positive ({pr}%), HER2 negative (IHC 1+)")],
    };
    let refs: Vec<&str> = finals.iter().map(String::as_str).collect();
    let (a, b, c) = (rng.range(5, 8), rng.range(4, 6), rng.range(2, 4));
    let pe = path_report(&mut cw, rng, &format!("{} breast, partial mastectomy, wire-localized", if right { "Right" } else { "Left" }), &format!("Oriented fibrofatty specimen {a} x {b} x {c} cm with wire and clip."), "", &refs);
    match v {
        2 => cw.dx("D05.12", None, vec![pe[0].clone()], why("Ductal carcinoma in situ (intraductal carcinoma in situ) of the left breast: D05.12 (in situ, not C50).", vec![guideline("OCG I.C.2"), guideline("OCG IV.K")])),
        _ => {
            let c = if right { "C50.211" } else { "C50.412" };
            cw.dx(c, None, vec![pe[0].clone()], why(format!("Primary invasive carcinoma of the {quad} of the {side} female breast: {c}, first-listed as the reason for surgery."), vec![guideline("OCG I.C.2"), guideline("OCG IV.K")]));
            for (z, t) in [("Z17.0", "Estrogen receptor positive"), ("Z17.21", "Progesterone receptor positive"), ("Z17.32", "HER2 negative")] {
                cw.dx(z, None, vec![pe[1].clone()], why(format!("{t}: the C50 note asks for the receptor status and the FY2026 Z17 note asks for one code for each receptor documented."), vec![tabular("C50 Use additional code to identify receptor status (Z17.-)"), tabular("Z17 Use one code, as available, for each receptor")]));
            }
        }
    }
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    let m = side_mod(right);
    cw.service("19301", &[m], 1, vec![proc_ev], why(format!("Partial mastectomy (lumpectomy) is 19301; the breast is a paired organ, so {m}. Wire placement and the specimen radiograph were done and read by radiology (their claim)."), vec![convention("CPT 19301 partial mastectomy"), convention("CPT modifier RT/LT")]));
    cw.not_coded("preoperative wire localization", Some("19281"), vec![], why("The wire was placed by the radiologist, who reports the placement; the surgeon's claim does not include it.", vec![convention("CPT image-guided breast localization device placement")]));
    fix_empty_not_coded(&mut cw, "placed earlier today by radiology");
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 11. Tonsillectomy with/without adenoidectomy
// ---------------------------------------------------------------------------------------------------------------

fn tonsil(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let age = match v {
        0 => rng.range(3, 8),
        1 => rng.range(12, 16),
        2 => rng.range(19, 34),
        _ => rng.range(7, 11),
    } as u8;
    let sx = sex_by(rng, 0.5);
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: throat", "ENT day surgery", "Surgeon's claim: ENT procedure"]), if v == 3 { Difficulty::Intermediate } else { Difficulty::Foundation }, age, sx);
    let st = rng.below(3);
    let who = person(rng, age, sx);
    let mut h = cw.doc(DocumentKind::HistoryAndPhysical, "Pre-operative H&P (ENT)", Some(1));
    let n = rng.range(5, 8);
    let hpi = match v {
        0 => format!("{who} with loud nightly snoring, witnessed apneas and restless sleep; PSG AHI {}. Tonsils 4+.", rng.range(6, 14)),
        1 => format!("{who} with chronic sore throat, tonsil stones and halitosis for over a year and recurrent adenoid symptoms (nasal obstruction, mouth breathing)."),
        2 => format!("{who} with chronic tonsillitis: persistent throat pain, cryptic debris and {n} documented infections in the past 12 months."),
        _ => format!("{who} s/p adenoidectomy at age {} for ear disease, now with chronic tonsillitis, {n} infections this year.", rng.range(3, 5)),
    };
    h.line(&format!("HPI: {hpi}"));
    h.line(&rng.say(&["PMH: otherwise healthy. Immunizations UTD.", "PMH negative. No bleeding history in patient or family.", "No chronic illness."]));
    h.line("NKDA.");
    let v2 = if age < 18 { peds_vitals(rng, age) } else { vitals(rng) };
    h.line(&format!("Exam: {v2}. Tonsils {} bilaterally, {}.", rng.pick(&["3+", "4+", "2+"]), rng.pick(&["cryptic", "erythematous", "symmetric"])));
    h.line("Plan: surgery as scheduled. -- otolaryngologist");
    cw.add_doc(h);
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Note", "ENT Operative Report"]), Some(1));
    op_open(&mut d, rng, cx);
    let (dx, proc_text) = match v {
        0 => ("Adenotonsillar hypertrophy with obstructive sleep apnea", "Tonsillectomy and adenoidectomy"),
        1 => ("Chronic tonsillitis and adenoiditis", "Tonsillectomy and adenoidectomy"),
        2 => ("Chronic tonsillitis", "Tonsillectomy"),
        _ => ("Chronic tonsillitis; status post prior adenoidectomy", "Tonsillectomy"),
    };
    sec(&mut d, st, "pre");
    let dx_ev = d.mark_line(dx);
    sec(&mut d, st, "post");
    d.line("Same");
    sec(&mut d, st, "proc");
    let proc_ev = d.mark_line(proc_text);
    sec(&mut d, st, "anes");
    d.line("General endotracheal");
    sec(&mut d, st, "desc");
    d.add("The patient was intubated and the table turned. A McIvor mouth gag was placed and suspended. ");
    d.add(&rng.say(&["The right tonsil was grasped, retracted medially and dissected in the subcapsular plane with monopolar cautery; the left was removed in the same manner. ", "Extracapsular tonsillectomy bilaterally with coblation; hemostasis with suction cautery. "]));
    if v <= 1 {
        d.add(&rng.say(&["A red rubber catheter elevated the palate; the adenoid pad was removed with suction cautery until the choanae were clear. ", "Adenoids removed with a microdebrider under mirror visualization; hemostasis with suction Bovie. "]));
    } else if v == 3 {
        d.add("The nasopharynx was inspected: minimal adenoid regrowth, not treated. ");
    }
    d.line(&rng.say(&["Fossae irrigated; no bleeding with Valsalva. Gag released, TMJ checked.", "Hemostasis confirmed; stomach suctioned."]));
    let ebl = format!("{} mL", rng.range(5, 30));
    op_close(&mut d, rng, st, &ebl, if v <= 1 { "Tonsils and adenoids" } else { "Tonsils" });
    cw.add_doc(d);
    match v {
        0 => {
            cw.dx("J35.3", None, vec![dx_ev.clone()], why("Hypertrophy of the tonsils with hypertrophy of the adenoids is one code, J35.3; it is the condition the surgery removes.", vec![guideline("OCG IV.A")]));
            cw.dx("G47.33", None, vec![dx_ev.clone()], why("The obstructive sleep apnea (pediatric OSA is included in G47.33) is coded in addition; G47.3 says to code also the associated underlying condition.", vec![tabular("G47.3 Code also any associated underlying condition")]));
        }
        1 => cw.dx("J35.03", None, vec![dx_ev.clone()], why("Chronic tonsillitis and adenoiditis together: the combination code J35.03.", vec![guideline("OCG I.B.9")])),
        _ => cw.dx("J35.01", None, vec![dx_ev.clone()], why("Chronic tonsillitis (tonsils only): J35.01.", vec![guideline("OCG IV.A")])),
    }
    if v == 3 {
        cw.not_coded("status post adenoidectomy", Some("Z90.89"), vec![dx_ev], why("The earlier adenoidectomy does not affect today's procedure; it explains why only the tonsils were removed.", vec![guideline("OCG IV.J")]));
    }
    let (code, txt) = match (v <= 1, age < 12) {
        (true, true) => ("42820", "Tonsillectomy and adenoidectomy, younger than age 12: 42820."),
        (true, false) => ("42821", "Tonsillectomy and adenoidectomy, age 12 or over: 42821."),
        (false, true) => ("42825", "Tonsillectomy without adenoidectomy, younger than age 12: 42825."),
        (false, false) => ("42826", "Tonsillectomy without adenoidectomy, age 12 or over: 42826."),
    };
    cw.service(code, &[], 1, vec![proc_ev], why(format!("{txt} The codes are chosen by age and by whether the adenoids were removed. Both tonsils are inherent in the code, so modifier 50 (and RT/LT) is not used."), vec![convention("CPT tonsillectomy/adenoidectomy by age"), edit("MPFS bilateral surgery indicator")]));
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 12. Bilateral tympanostomy tubes
// ---------------------------------------------------------------------------------------------------------------

fn tubes(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let age = rng.range(1, 6) as u8;
    let sx = sex_by(rng, 0.45);
    let mut cw = new_case(cx, &rng.say(&["ENT day surgery: ears", "Outpatient surgery: ear tubes", "Surgeon's claim: myringotomy"]), Difficulty::Foundation, age, sx);
    let st = rng.below(3);
    let who = person(rng, age, sx);
    let n = rng.range(4, 7);
    let (dx, code, find) = match v {
        0 => ("Recurrent acute suppurative otitis media, bilateral, tympanic membranes intact", "H66.006", "Both middle ears with thick purulent-appearing fluid."),
        1 => ("Chronic serous otitis media, bilateral", "H65.23", "Thin amber serous effusions bilaterally."),
        _ => ("Chronic mucoid otitis media, bilateral", "H65.33", "Thick glue-like mucoid effusion in both ears."),
    };
    let mut h = cw.doc(DocumentKind::HistoryAndPhysical, "ENT pre-op note", Some(1));
    let hx = if v == 0 { format!("{n} episodes of acute otitis media in 6 months despite antibiotics") } else { format!("bilateral middle ear effusions for more than {} months with conductive hearing loss on audiogram", rng.range(3, 6)) };
    h.line(&format!("{who} with {hx}. Speech per parents {}.", rng.pick(&["age appropriate", "mildly delayed"])));
    let pv = peds_vitals(rng, age);
    h.line(&format!("Exam: {pv}. TMs {} bilaterally. Plan: BMT.", if v == 0 { "dull, bulging" } else { "retracted with effusion" }));
    cw.add_doc(h);
    let mut d = cw.doc(DocumentKind::OperativeNote, "Operative Note", Some(1));
    op_open(&mut d, rng, cx);
    sec(&mut d, st, "pre");
    d.line(dx);
    sec(&mut d, st, "post");
    let dx_ev = d.mark_line(dx);
    sec(&mut d, st, "proc");
    let proc_ev = d.mark_line("Bilateral myringotomy with insertion of tympanostomy tubes");
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["General by mask", "General mask anesthesia", "GA via face mask"]));
    sec(&mut d, st, "find");
    d.line(find);
    sec(&mut d, st, "desc");
    d.add(&rng.say(&["Under the operating microscope, cerumen was cleared from the right canal. ", "Using the microscope and an ear speculum the right TM was visualized. "]));
    d.add("An anterior-inferior radial myringotomy was made, fluid suctioned, and a ");
    d.add(*rng.pick(&["Armstrong beveled", "Paparella type 1", "Sheehy collar button"]));
    d.add(" tube placed. The identical procedure was performed on the left. ");
    d.line(&rng.say(&["Ciprofloxacin-dexamethasone drops placed bilaterally.", "Otic drops and cotton balls bilaterally."]));
    op_close(&mut d, rng, st, "none", "None");
    cw.add_doc(d);
    cw.dx(code, None, vec![dx_ev], why(format!("{dx}: {code}; ear codes carry laterality and there is a bilateral code."), vec![guideline("OCG I.B.13")]));
    cw.service("69436", &["50"], 1, vec![proc_ev], why("Tympanostomy (tube insertion) requiring general anesthesia is 69436 and describes one ear; done on both ears, it is reported once with modifier 50, one unit.", vec![convention("CPT modifier 50"), edit("MPFS bilateral surgery indicator")]));
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 13. Shoulder arthroscopy: rotator cuff repair with subacromial decompression
// ---------------------------------------------------------------------------------------------------------------

fn shoulder(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.4);
    let age = rng.range(44, 74) as u8;
    let right = v != 1;
    let side = side_word(right);
    let s = if right { "1" } else { "2" };
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: shoulder", "Same-day surgery: shoulder arthroscopy", "Surgeon's claim: shoulder"]), Difficulty::Advanced, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, false, &[]);
    let traumatic = v == 2;
    let hpi = if traumatic {
        format!("fell on the outstretched {side} arm {} weeks ago with immediate weakness; MRI shows a full-thickness supraspinatus tear, acute, with type II acromion.", rng.range(3, 7))
    } else {
        format!("with {} months of {side} shoulder pain, night pain and weakness, no injury. MRI: full-thickness degenerative supraspinatus tear with subacromial impingement.", rng.range(6, 18))
    };
    let exam = format!("{} shoulder: painful arc, positive Neer and Hawkins, supraspinatus 4-/5, ER 4/5", if right { "R" } else { "L" });
    let written = if rng.chance(0.5) || !profile.is_empty() { Some(hp(&mut cw, rng, age, sx, "shoulder pain/weakness", &hpi, &exam, "Arthroscopic RCR and SAD.", &profile)) } else { None };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Report", "Arthroscopy Operative Note"]), Some(1));
    op_open(&mut d, rng, cx);
    sec(&mut d, st, "pre");
    d.line(&format!("{side} shoulder rotator cuff tear, impingement"));
    sec(&mut d, st, "post");
    let p1 = if traumatic { format!("1. Acute traumatic full-thickness rotator cuff (supraspinatus) tear, {side} shoulder") } else { format!("1. Complete (full-thickness) rotator cuff tear, nontraumatic, {side} shoulder") };
    let post1 = d.mark_line(&p1);
    let post2 = d.mark_line(&format!("2. Subacromial impingement syndrome, {side} shoulder"));
    sec(&mut d, st, "proc");
    let pr1 = d.mark_line(&format!("1. {} shoulder arthroscopic rotator cuff repair", if right { "Right" } else { "Left" }));
    let pr2 = d.mark_line("2. Arthroscopic subacromial decompression with acromioplasty");
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["General with interscalene block by anesthesia", "GETA; regional block per anesthesia"]));
    sec(&mut d, st, "find");
    d.line(&format!("{} cm crescent-shaped full-thickness supraspinatus tear, mobile. Type II acromion with spur. Frayed anterior labrum, biceps intact.", dec(rng, 1.5, 3.0)));
    sec(&mut d, st, "desc");
    d.add(&rng.say(&["Beach chair position, all prominences padded. ", "Lateral decubitus with 10 lb traction. "]));
    d.add("Posterior viewing portal, anterior working portal. Glenohumeral survey as above; limited debridement of the frayed labrum with the shaver. ");
    d.add(&rng.say(&[
        "The scope was moved to the subacromial space. Bursectomy, release of the coracoacromial ligament, and acromioplasty with a burr converting a type II to a type I acromion. ",
        "Subacromial space entered; bursa resected, CA ligament released from the acromion, anterior-inferior acromial spur resected with the burr. ",
    ]));
    let anchors = rng.range(2, 4);
    d.add(&format!("The footprint was prepared to bleeding bone and the cuff repaired with {anchors} suture anchors in a {} configuration. ", rng.pick(&["double-row", "single-row", "transosseous-equivalent"])));
    d.line(&rng.say(&["Portals closed with 3-0 nylon. Sling with abduction pillow.", "Closure of portals; dressing; sling."]));
    op_close(&mut d, rng, st, "minimal", "None");
    cw.add_doc(d);
    if traumatic {
        cw.dx(&format!("S46.01{s}A"), None, vec![post1], why(format!("An acute traumatic rotator cuff tear is an injury (strain of rotator cuff muscle/tendon, {side}, initial encounter: active treatment), not M75.1- which excludes traumatic tears."), vec![tabular("M75.1 Excludes1 tear of rotator cuff, traumatic (S46.01-)"), guideline("OCG I.C.19.a")]));
        cw.not_coded("external cause of the fall", Some("W19.XXXA"), vec![], why("Chapter 20 external cause codes have no national reporting requirement: they are reported only under a state mandate or a payer requirement, neither of which applies to this surgeon's claim.", vec![guideline("OCG I.C.20")]));
    } else {
        cw.dx(&format!("M75.12{s}"), None, vec![post1], why(format!("Complete rotator cuff tear not specified as traumatic, {side} shoulder: M75.12{s}."), vec![guideline("OCG I.B.13")]));
    }
    cw.dx(&format!("M75.4{s}"), None, vec![post2], why(format!("Impingement syndrome of the {side} shoulder supports the decompression: M75.4{s}."), vec![guideline("OCG I.B.13")]));
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    let m = side_mod(right);
    cw.service("29827", &[m], 1, vec![pr1.clone()], why(format!("Arthroscopic rotator cuff repair: 29827, {m}."), vec![convention("CPT modifier RT/LT")]));
    cw.service("29826", &[m], 1, vec![pr2], why(format!("Arthroscopic subacromial decompression is an add-on code (+29826) reported only with a primary shoulder arthroscopy such as 29827; add-on codes never take modifier 51 and need no 59. {m} for the same shoulder."), vec![convention("CPT add-on codes"), edit("NCCI PTP")]));
    cw.not_coded("limited debridement of the labrum", Some("29822"), vec![pr1.clone()], why("Limited debridement in the same shoulder is bundled into the rotator cuff repair; NCCI does not allow it separately.", vec![edit("NCCI PTP"), edit("NCCI Policy Manual ch. IV")]));
    fix_empty_not_coded(&mut cw, "fell on the outstretched");
    cw.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// 14. Cystoscopy with ureteral stent
// ---------------------------------------------------------------------------------------------------------------

fn stent(rng: &mut Rng, cx: &Ctx, v: usize) -> Case {
    let sx = sex_by(rng, 0.45);
    let age = rng.range(28, 78) as u8;
    let right = v != 1;
    let side = side_word(right);
    let hydro = v != 2;
    let mut cw = new_case(cx, &rng.say(&["Outpatient surgery: flank pain", "Urology day surgery", "Surgeon's claim: cystoscopy"]), if hydro { Difficulty::Advanced } else { Difficulty::Intermediate }, age, sx);
    let st = rng.below(3);
    let profile = light(rng, age, sx, false, &[]);
    let mm = rng.range(5, 9);
    let level = rng.pick(&["proximal", "mid", "distal"]).to_string();
    let hpi = format!("with {side} renal colic for {} days; CT shows a {mm} mm {level} {side} ureteral stone{}. Afebrile, UA without infection; failed trial of passage.", rng.range(3, 10), if hydro { " with moderate hydronephrosis" } else { ", no hydronephrosis" });
    let exam = format!("{} CVA tenderness, abdomen soft", if right { "R" } else { "L" });
    let written = if rng.chance(0.5) || !profile.is_empty() { Some(hp(&mut cw, rng, age, sx, "flank pain", &hpi, &exam, "Cystoscopy, stent; definitive ureteroscopy later.", &profile)) } else { None };
    let mut d = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Note", "Urology Operative Report"]), Some(1));
    op_open(&mut d, rng, cx);
    sec(&mut d, st, "pre");
    d.line(&format!("{} ureteral calculus", if right { "Right" } else { "Left" }));
    sec(&mut d, st, "post");
    let post_ev = d.mark_line(&if hydro { format!("{} ureteral calculus with hydronephrosis", if right { "Right" } else { "Left" }) } else { format!("{} ureteral calculus without hydronephrosis", if right { "Right" } else { "Left" }) });
    sec(&mut d, st, "proc");
    let proc_ev = d.mark_line(&format!("Cystoscopy with insertion of indwelling {side} ureteral stent (double-J)"));
    sec(&mut d, st, "anes");
    d.line(&rng.say(&["General LMA", "General"]));
    sec(&mut d, st, "desc");
    d.add(&rng.vary("{The patient was placed in dorsal lithotomy, prepped and draped in the usual sterile fashion|After induction, dorsal lithotomy position; genitalia prepped and draped sterilely|Lithotomy position with padding of pressure points; sterile prep and drape}. "));
    d.add(&rng.vary("{A 21 Fr rigid cystoscope was passed per urethra|The 22 Fr cystoscope sheath was introduced under direct vision|Rigid cystourethroscopy was performed with a 21 Fr scope}; {the bladder was inspected and was normal without tumors or stones|pan-cystoscopy showed no tumor, stone or diverticulum|urethra normal, bladder mucosa unremarkable throughout}. "));
    d.add(&rng.vary(&format!("{{The {side} ureteral orifice was cannulated with a sensor guidewire, which was advanced to the renal pelvis under fluoroscopic guidance|Under fluoroscopy a hydrophilic wire was passed up the {side} orifice and coiled in the renal pelvis|A 0.038 guidewire was advanced through the {side} ureteral orifice past the stone into the collecting system, position confirmed fluoroscopically}}. ")));
    let fr = rng.pick(&["6 Fr x 24 cm", "6 Fr x 26 cm", "7 Fr x 26 cm"]).to_string();
    d.add(&rng.vary(&format!("{{A {fr} double-J stent was advanced over the wire; good curl in the kidney and in the bladder confirmed on fluoroscopy and visually|The {fr} double-pigtail stent was pushed into position over the wire, wire withdrawn, with a proximal coil in the renal pelvis and a distal coil in the bladder on fluoroscopy|Over the wire a {fr} indwelling stent was placed; fluoroscopy showed the upper curl in the pelvis and the lower curl visible in the bladder}}. ")));
    d.line(&rng.say(&["Bladder drained. Patient tolerated well.", "Scope removed; bladder emptied."]));
    op_close(&mut d, rng, st, "none", "None");
    cw.add_doc(d);
    if hydro {
        cw.dx("N13.2", None, vec![post_ev], why("Hydronephrosis with ureteral calculous obstruction is one combination code, N13.2; N20.1 is not added (N20 Excludes1: calculus with hydronephrosis, N13.2). N13/N20 have no laterality; the side goes on the CPT modifier.", vec![tabular("N20 Excludes1 that with hydronephrosis (N13.2)"), guideline("OCG I.B.9")]));
    } else {
        cw.dx("N20.1", None, vec![post_ev], why("Calculus of the ureter without hydronephrosis: N20.1 (no laterality axis in ICD-10-CM).", vec![guideline("OCG IV.A")]));
    }
    if let Some(w) = &written {
        profile.code(&mut cw, w, None);
    }
    let m = side_mod(right);
    cw.service("52332", &[m], 1, vec![proc_ev], why(format!("Cystourethroscopy with insertion of an indwelling ureteral stent: 52332 (the diagnostic cystoscopy and fluoroscopic guidance are included). Unilateral, so {m}."), vec![convention("CPT modifier RT/LT"), edit("NCCI PTP")]));
    cw.finish()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn excised_diameter_ranges() {
        assert_eq!(size_code(11400, 0.5), "11400");
        assert_eq!(size_code(11400, 0.9), "11401");
        assert_eq!(size_code(11600, 1.8), "11602");
        assert_eq!(size_code(11600, 2.2), "11603");
        assert_eq!(size_code(11640, 1.2), "11642");
        assert_eq!(size_code(11400, 4.2), "11406");
    }

    /// Runs the pack check on a family's cases; prints problems and, with SHOW=ID, one case in full.
    pub(crate) fn report(cs: &[Case]) -> usize {
        let lib = codebook::Library::embedded().expect("embedded code book");
        let book = lib.book();
        let mut n = 0;
        for c in cs {
            for p in crate::check_case(c, book) {
                println!("{} · {}: {}", p.case, p.item, p.message);
                n += 1;
            }
        }
        if let Ok(id) = std::env::var("SHOW") {
            for c in cs.iter().filter(|c| id.split(',').any(|x| x == c.id)) {
                println!("\n######## {} — {} {:?} {:?} age {} {:?}", c.id, c.title, c.tracks, c.encounter.setting, c.encounter.age, c.encounter.sex);
                for d in &c.documents {
                    println!("\n===== {} {} ({:?}, {} words) =====\n{}", d.id, d.title, d.kind, d.text.split_whitespace().count(), d.text);
                }
                println!("\n===== gold =====");
                for d in &c.gold.diagnoses {
                    println!("DX {} {}  — {}", d.code, book.describe(&d.code).map(|x| x.title.into_owned()).unwrap_or_default(), d.rationale.text);
                }
                for s in &c.gold.services {
                    println!("SVC {} {:?} x{}  — {}", s.code, s.modifiers, s.units, s.rationale.text);
                }
                if let Some(a) = &c.gold.anesthesia {
                    println!("ANES base {} time {} mod {} {} — {}", a.base_units, a.time_minutes, a.modifying_units, a.modifier, a.rationale.text);
                }
                for n in &c.gold.not_coded {
                    println!("NOT {} {:?} — {}", n.about, n.tempting_code, n.rationale.text);
                }
            }
        }
        let words: Vec<usize> = cs.iter().map(|c| c.documents.iter().map(|d| d.text.split_whitespace().count()).sum()).collect();
        println!("{} cases, {} problems, words per case {}..{}", cs.len(), n, words.iter().min().unwrap_or(&0), words.iter().max().unwrap_or(&0));
        n
    }

    #[test]
    fn surgery_pack_check() {
        let mut r = Rng::new(2026).derive("surgery");
        let cs = cases(&mut r);
        assert_eq!(report(&cs), 0);
    }

    #[test]
    fn surgery_cases_do_not_repeat_each_other() {
        let mut r = Rng::new(2026).derive("surgery");
        let cs = cases(&mut r);
        assert!(cs.len() >= 55);
        assert!(cs.iter().filter(|c| c.tracks.contains(&Track::OutpatientOpps)).count() >= 30);
        let o = crate::overlap::measure(&cs);
        assert!(o.pair_max < 0.8, "the closest pair shares more than 80% of its text: {:?}", o.top.first());
    }
}
