//! Skilled nursing (SNF-) and home health (HH-) records: the hospital discharge summary that came with the patient,
//! the start-of-care comprehensive assessment (OASIS-style) or the SNF admission H&P, nursing assessment (MDS
//! section I) and therapy evaluations, and for some cases the EMR problem and medication lists.
//!
//! The gold puts the chief reason for skilled care first (for home health, a diagnosis PDGM accepts as primary),
//! then the conditions and status codes that affect the care. The teaching points are the post-acute classics:
//! aftercare Z codes for joint replacement but the injury code with 7th character D for a fracture, I69 sequelae with
//! the dominant/nondominant side, pressure ulcer site and stage, the diabetic foot ulcer pair, surgical aftercare by
//! body system with the condition still present, attention to an ostomy versus its status, an infection still being
//! treated versus the sepsis that resolved in the hospital, and debility never first when a specific reason exists.
//!
//! Scenario text is written with an inline mark-up, `[[key|words]]`: the words are written and recorded as the
//! evidence of `key`, which the gold items and the distractors point at.

use super::kb::{self, Other, Profile, ProfileSpec, Written};
use super::rng::Rng;
use super::writer::{convention, guideline, tabular, why, CaseWriter, Doc};
use super::{case_id, person, visit};
use crate::model::*;
use std::collections::BTreeMap;

type Ev = BTreeMap<String, Vec<Evidence>>;

/// A gold diagnosis of the scenario: its code and the evidence keys that support it.
struct Dx {
    code: String,
    keys: Vec<&'static str>,
    why: String,
    rules: Vec<Rule>,
}

/// A distractor of the scenario.
struct Trap {
    about: String,
    code: Option<String>,
    key: &'static str,
    why: String,
    rules: Vec<Rule>,
}

fn dx(code: &str, keys: &[&'static str], why_: impl Into<String>, rules: Vec<Rule>) -> Dx {
    Dx { code: code.into(), keys: keys.to_vec(), why: why_.into(), rules }
}

fn trap(about: impl Into<String>, code: Option<&str>, key: &'static str, why_: impl Into<String>, rules: Vec<Rule>) -> Trap {
    Trap { about: about.into(), code: code.map(str::to_string), key, why: why_.into(), rules }
}

/// One scenario, written for either setting. Strings may hold `[[key|words]]` marks.
#[derive(Default)]
struct Scn {
    /// The hemoglobin the hospital course reports last (post-op), so the discharge labs can follow it.
    hgb_after: Option<f64>,
    title: String,
    difficulty: Option<Difficulty>,
    mds_category: &'static str,
    dx: Vec<Dx>,
    status: Vec<Dx>,
    traps: Vec<Trap>,
    admit_dx: String,
    procedures: String,
    course: String,
    dc_dx: Vec<String>,
    excerpt: String,
    reason: String,
    hpi: String,
    exam: String,
    assess: Vec<String>,
    oasis_dx: Vec<String>,
    skin: String,
    func: String,
    therapy_title: &'static str,
    therapy: String,
    skilled: Vec<String>,
    orders: Vec<String>,
    goals: Vec<String>,
    meds: Vec<String>,
    problems: Vec<String>,
    stale_meds: Vec<String>,
    fall_hx: Option<String>,
    disciplines: &'static str,
    /// Elimination line when the scenario decides it (an ostomy is not "continent of bowel").
    elim: String,
    /// Hospital length of stay when the scenario fixes it (surgery day + post-op days).
    los: Option<i64>,
}

/// A number with one decimal, written as a note writes it ("7.4").
fn dec(rng: &mut Rng, lo: f64, hi: f64) -> String {
    format!("{:.1}", rng.decimal(lo, hi))
}

/// One of the phrasings (owned strings), with its `{a|b}` alternatives chosen.
fn pick_s(rng: &mut Rng, xs: &[String]) -> String {
    let t = xs[rng.below(xs.len())].clone();
    rng.vary(&t)
}

/// Writes text with `[[key|words]]` marks, recording the evidence of each key.
fn put(doc: &mut Doc, ev: &mut Ev, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find("[[") {
        doc.add(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").expect("unclosed mark");
        let (k, t) = after[..j].split_once('|').expect("mark is [[key|words]]");
        let e = doc.mark(t);
        ev.entry(k.to_string()).or_default().push(e);
        rest = &after[j + 2..];
    }
    doc.add(rest);
}

fn putl(doc: &mut Doc, ev: &mut Ev, s: &str) {
    put(doc, ev, s);
    doc.add("\n");
}

/// The same words without their marks (for a plain excerpt).
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("[[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("]]").expect("unclosed mark");
        out.push_str(after[..j].split_once('|').map(|x| x.1).unwrap_or(""));
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    out
}

fn side_word(right: bool) -> &'static str {
    if right {
        "right"
    } else {
        "left"
    }
}

fn side_abbr(right: bool) -> &'static str {
    if right {
        "R"
    } else {
        "L"
    }
}

fn pdgm(setting: Setting) -> Rule {
    if setting == Setting::HomeHealth {
        convention("PDGM: the primary diagnosis must be a code accepted for a clinical grouping (OASIS M1021)")
    } else {
        convention("MDS 3.0 I0020B / PDPM: the primary reason for the SNF stay")
    }
}

fn setting_words(setting: Setting) -> &'static str {
    if setting == Setting::HomeHealth {
        "home health"
    } else {
        "the skilled nursing facility stay"
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------------------------

fn joint(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    // 0 knee, 1 hip, 2 shoulder, 3 bilateral knees
    let which = rng.weighted(&[5, 4, 2, 1]);
    let right = rng.chance(0.5);
    let side = side_word(right);
    let ab = side_abbr(right);
    let pod = rng.range(2, 4);
    let (joint, proc_short, proc_long, z96, oa_code, oa_words) = match which {
        0 => ("knee", format!("{ab} TKA"), format!("{side} total knee arthroplasty"), if right { "Z96.651" } else { "Z96.652" }, if right { "M17.11" } else { "M17.12" }, format!("primary osteoarthritis of the {side} knee")),
        1 => ("hip", format!("{ab} THA"), format!("{side} total hip arthroplasty"), if right { "Z96.641" } else { "Z96.642" }, if right { "M16.11" } else { "M16.12" }, format!("primary osteoarthritis of the {side} hip")),
        2 => ("shoulder", format!("{ab} reverse TSA"), format!("{side} reverse total shoulder arthroplasty"), if right { "Z96.611" } else { "Z96.612" }, if right { "M19.011" } else { "M19.012" }, format!("primary osteoarthritis of the {side} shoulder")),
        _ => ("knees", "bilateral TKA".to_string(), "bilateral total knee arthroplasty".to_string(), "Z96.653", "M17.0", "bilateral primary osteoarthritis of the knees".to_string()),
    };
    let approach = match which {
        1 => rng.say(&["posterior approach", "direct anterior approach", "anterolateral approach"]),
        2 => "deltopectoral approach".into(),
        _ => rng.say(&["medial parapatellar approach, cemented", "cemented, tourniquet time 48 min", "subvastus approach, cemented"]),
    };
    s.title = pick_s(rng, &[format!("{}: post-operative rehabilitation", if setting == Setting::Snf { "SNF admission" } else { "Home health start of care" }), "Post-acute care after elective orthopedic surgery".into(), "Rehab after joint surgery".into()]);
    s.difficulty = Some(Difficulty::Foundation);
    s.mds_category = if which == 2 { "11. Other orthopedic conditions" } else { "9. Hip and knee replacement" };
    s.admit_dx = format!("{}, admitted for elective {proc_long}", capital(&oa_words));
    s.procedures = format!("Elective {proc_long} ({approach}) on hospital day 1");
    let hgb_v = rng.decimal(10.2, 12.4);
    s.hgb_after = Some(hgb_v);
    let hgb = format!("{hgb_v:.1}");
    let walk = rng.range(40, 180);
    let (anes, mob, device) = match which {
        2 => ("General anesthesia with interscalene block", format!("OT began on POD 1; by POD {pod} pt walked {walk} ft without a device, sling on"), "sling"),
        1 => ("Spinal anesthesia", format!("PT began on POD 0; by POD {pod} pt ambulated {walk} ft with rolling walker, CGA"), "walker"),
        _ => ("Spinal anesthesia with adductor canal block", format!("PT began on POD 0; by POD {pod} pt ambulated {walk} ft with rolling walker, CGA"), "walker"),
    };
    let mob2 = if which == 2 { format!("therapy cleared for discharge on POD {pod}: independent gait {walk} ft, sling at all times except exercises") } else { format!("Therapy cleared for discharge on POD {pod}: gait {walk} ft with walker, stairs not yet attempted") };
    s.course = pick_s(rng, &[
        format!("Pt admitted for planned surgery and underwent [[p|elective {proc_long}]] without intraoperative complication. {anes}. Post-op pain managed with scheduled acetaminophen and ice. {mob}. Post-op Hgb {hgb}, stable, no transfusion. Incision clean, dry and intact under silver-impregnated dressing. Voiding without difficulty. Tolerating regular diet."),
        format!("Uncomplicated course after [[p|{proc_short} ({proc_long})]]. Mechanical DVT prophylaxis and early mobilization. {}. Labs POD 1: Hgb {hgb}, BMP unremarkable. Dressing changed once, minimal serosanguinous drainage. Pain 3-4/10 with oral analgesics.", capital(&mob2))]);
    s.dc_dx = vec![format!("[[p|S/p elective {proc_long}]] for {oa_words}")];
    s.excerpt = format!("s/p elective {proc_long} POD {pod}, uncomplicated, discharged with {device}");
    s.reason = pick_s(rng, &[
        format!("Referred for skilled therapy and nursing after [[p|elective {proc_long}]]; needs {}, home exercise program and incision monitoring.", if which == 2 { "ADL retraining with sling precautions" } else { "gait training" }),
        format!("Post-op rehabilitation following [[p|{proc_long}]] ({proc_short}) performed {pod} days ago.")]);
    s.hpi = format!(
        "{} who underwent [[p|elective {proc_long}]] for longstanding {oa_words} refractory to injections and PT. Hospital course uncomplicated. {}",
        person(rng, age, sx),
        rng.say(&["Pain controlled, 3/10 at rest. Denies calf pain, chest pain or SOB.", "Reports incisional soreness, no fever, chills or drainage. Denies calf tenderness."])
    );
    s.exam = match which {
        2 => format!("{} shoulder: incision C/D/I, sling in place, distal pulses 2+, sensation intact median/ulnar/radial.", capital(side)),
        1 => format!("{} hip: incision well approximated, no erythema; leg lengths grossly equal; calf soft, non-tender.", capital(side)),
        _ => format!("Knee(s): incision C/D/I, mild effusion, AROM 10-{}°, calf soft, Homans negative.", rng.range(70, 95)),
    };
    s.assess = vec![format!("[[p|Status post {proc_long}]] - aftercare: PT/OT, incision care, {} precautions.", if which == 1 { "hip" } else { "joint" })];
    s.oasis_dx = vec![format!("Primary: aftercare following [[p|{proc_long}]]")];
    s.skin = format!("Surgical incision {} {}, {} cm, well approximated, {}; no signs of infection.", side_if(which != 3, side), joint, rng.range(9, 16), rng.say(&["steri-strips intact", "staples intact", "dressing clean and dry"]));
    let fim = rng.say(&["min assist", "CGA", "supervision"]);
    s.func = if which == 2 {
        format!("Transfers {fim} (one-armed, sling on); ambulates without a device; needs assist with upper body dressing, bathing and sling management.")
    } else {
        format!("Transfers {fim}; ambulates with rolling walker, {}; needs assist with lower body dressing and bathing; unable to manage stairs independently.", rng.say(&["antalgic gait", "slow cadence, decreased stance time on operative side"]))
    };
    s.therapy_title = if which == 2 { "Occupational Therapy Evaluation" } else { "Physical Therapy Evaluation" };
    s.therapy = if which == 2 {
        format!("Dx: {proc_long}. Sling at all times except exercises. PROM per protocol: flexion to {}°, ER to 20°. ADLs: mod assist UB dressing, set-up grooming. Plan: OT 5x/week, adaptive equipment training.", rng.range(60, 90))
    } else {
        format!("Dx: {proc_long}. {} ROM: {}. Strength 3/5 operative limb. Gait {walk} ft RW {fim}. Tinetti {}/28. Plan: PT {} for gait, transfers, stairs, HEP.", capital(joint), if which == 1 { "hip precautions maintained".to_string() } else { format!("ext -{}°, flex {}°", rng.range(5, 12), rng.range(70, 95)) }, rng.range(14, 22), if setting == Setting::Snf { "5x/week" } else { "2w4" })
    };
    s.skilled = vec!["assessment of surgical incision and signs of infection".into(), "pain management teaching".into(), "gait and transfer training".into()];
    s.orders = vec![format!("PT eval and treat: gait training, therapeutic exercise, {} precautions", if which == 1 { "hip" } else { "post-op" }), "SN: incision assessment, remove staples per surgeon order".into(), "Notify surgeon for T > 101, increased drainage or calf pain".into()];
    s.goals = vec!["Ambulate 150 ft with LRAD independently".into(), "Independent with HEP".into()];
    s.meds = vec!["acetaminophen 1000 mg PO q8h".into(), rng.say(&["docusate 100 mg PO BID", "senna 8.6 mg PO nightly"])];
    s.problems = vec![format!("[[p|{proc_short}]], POD {pod}")];
    s.disciplines = "SN, PT, OT";
    s.los = Some(pod + 1);
    s.dx.push(dx("Z47.1", &["p"], format!("The care is the planned aftercare of an elective {proc_long}: Z47.1 is the reason for {}. It is not an injury, so the aftercare Z code is correct here.", setting_words(setting)), vec![guideline("OCG I.C.21.c.7"), pdgm(setting)]));
    s.dx.push(dx(z96, &["p"], format!("Z47.1 instructs to add the joint: presence of the {} artificial {} joint.", if which == 3 { "bilateral" } else { side }, if which == 3 { "knee" } else { joint }), vec![tabular("Z47.1 Use additional code to identify the joint (Z96.6-)"), guideline("OCG I.C.21.c.3")]));
    s.traps.push(trap(format!("the {oa_words} that was the indication"), Some(oa_code), "oa", "The arthritic joint was replaced; the osteoarthritis of that joint no longer exists and is not coded with the aftercare (the replaced joint is carried by Z96.6-).", vec![guideline("OCG III.A"), guideline("OCG I.C.21.c.7")]));
    s.course.push_str(&format!(" Indication: [[oa|{oa_words}]], failed conservative management."));
    // The other knee still arthritic: coded.
    if which == 0 && rng.chance(0.45) {
        let other = side_word(!right);
        let code = if right { "M17.12" } else { "M17.11" };
        s.assess.push(format!("[[contra|Primary osteoarthritis of the {other} knee]]: {}", rng.say(&["symptomatic, acetaminophen PRN; surgeon will discuss TKA in 6-12 months.", "limits weight shift; continue HEP, consider injection at follow-up."])));
        s.oasis_dx.push(format!("[[contra|{other} knee primary osteoarthritis]] (non-operative side, affects gait training)"));
        s.dx.push(dx(code, &["contra"], format!("The non-operated {other} knee still has primary osteoarthritis, documented and affecting the therapy plan: {code}. Only the replaced joint's arthritis is gone."), vec![guideline("OCG I.B.13"), guideline("OCG III")]));
        s.difficulty = Some(Difficulty::Intermediate);
    }
    let _ = setting;
    (s, ProfileSpec::TYPICAL, vec![Other::OaKnees, Other::Ra])
}

fn side_if(b: bool, side: &str) -> String {
    if b {
        side.to_string()
    } else {
        "bilateral".to_string()
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn hip_fracture(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    let right = rng.chance(0.5);
    let side = side_word(right);
    let ab = side_abbr(right);
    // (fracture words, code, treatment, arthroplasty?)
    let v = rng.below(5);
    let (fx, code, tx, arthro) = match v {
        0 => (format!("displaced midcervical fracture of the {side} femoral neck"), if right { "S72.031D" } else { "S72.032D" }, format!("{side} hip hemiarthroplasty (cemented bipolar)"), true),
        1 => (format!("displaced basicervical fracture of the {side} femoral neck"), if right { "S72.041D" } else { "S72.042D" }, format!("{side} total hip arthroplasty"), true),
        2 => (format!("displaced intertrochanteric fracture of the {side} femur"), if right { "S72.141D" } else { "S72.142D" }, format!("cephalomedullary nailing of the {side} femur"), false),
        3 => (format!("nondisplaced intertrochanteric fracture of the {side} femur"), if right { "S72.144D" } else { "S72.145D" }, format!("{side} sliding hip screw fixation"), false),
        _ => (format!("displaced subtrochanteric fracture of the {side} femur"), if right { "S72.21XD" } else { "S72.22XD" }, format!("intramedullary nailing of the {side} femur"), false),
    };
    let pod = rng.range(3, 6);
    s.title = rng.say(&["Post-acute care after a fall with injury", "Rehabilitation after hip surgery", "Skilled care after orthopedic repair"]);
    s.difficulty = Some(if arthro { Difficulty::Advanced } else { Difficulty::Intermediate });
    s.mds_category = "10. Fractures and other multiple trauma";
    s.admit_dx = format!("{} after a ground-level fall at home", capital(&fx));
    s.procedures = format!("{} ({ab}), hospital day 2", capital(&tx));
    let hgb_v = rng.decimal(8.9, 11.2);
    s.hgb_after = Some(hgb_v);
    let hgb = format!("{hgb_v:.1}");
    let how = rng.say(&["tripping over a rug", "while walking to the bathroom at night", "getting out of a chair"]);
    let ft = rng.range(15, 60);
    s.course = pick_s(rng, &[
        format!("Pt [[tfall|fell at home]] {how}, unable to bear weight; imaging showed a [[fx|{fx}]]. Orthopedics performed {tx} on hospital day 2. Post-op Hgb nadir {hgb}, monitored, no transfusion required. WBAT per ortho. PT/OT: min-mod assist transfers, ambulated {ft} ft with walker by POD {pod}. Pain controlled on oral regimen. Bowel regimen started. Medicine co-managed chronic conditions."),
        format!("Admitted via ED after a ground-level fall; X-ray: [[fx|{fx}]]. Underwent {tx} without complication (hospital day 2). Weight bearing as tolerated. Mechanical DVT prophylaxis, early mobilization. Hgb {hgb} post-op, stable on recheck. Discharged POD {pod} to continue rehabilitation. Patient [[tfall|fell at home]]; fall precautions reinforced.")]);
    s.dc_dx = vec![format!("[[fx|{}]], s/p {tx}", capital(&fx))];
    s.excerpt = format!("{fx} treated with {tx}; WBAT; discharged POD {pod}");
    s.reason = pick_s(rng, &[
        format!("Skilled PT/nursing for healing [[fx|{fx}]], s/p {tx}; {}.", "[[taft|aftercare following surgical repair of hip fracture]] per referral"),
        format!("Referral reads \"[[taft|aftercare following hip fracture surgery]]\"; pt has a healing [[fx|{fx}]] repaired with {tx} {pod} days ago.")]);
    s.hpi = format!("{} recovering from a [[fx|{fx}]] sustained in a fall, repaired by {tx}. {}", capital(&person(rng, age, sx)), rng.say(&["Pain 4/10 with movement, controlled. Denies dizziness or syncope before the fall.", "Denies loss of consciousness with the fall; no head strike. Pain well controlled."]));
    s.exam = format!("{} hip: incision {} cm, clean, edges approximated, no drainage; mild ecchymosis lateral thigh; DP/PT pulses palpable; calf non-tender.", capital(side), rng.range(6, 14));
    s.assess = vec![format!("[[fx|{}]], routine healing, s/p {tx}: WBAT, PT/OT, pain control, incision checks.", capital(&fx))];
    s.oasis_dx = vec![format!("Primary: [[fx|{fx}]], subsequent care, routine healing")];
    s.skin = format!("Surgical incision {side} hip, approximated with staples, {}. Mild bruising {side} lateral thigh.", rng.say(&["no erythema or drainage", "dry, no warmth or drainage"]));
    s.func = format!("Transfers {} with walker; ambulates {} ft; {}; requires assistance for bathing and lower body dressing.", rng.say(&["mod assist", "min assist"]), rng.range(15, 75), if arthro { "posterior hip precautions" } else { "weight bearing as tolerated" });
    s.therapy_title = "Physical Therapy Evaluation";
    s.therapy = format!("Dx: {fx}, s/p {tx}, WBAT. Hip flexion {}°, abduction 3-/5. Bed mobility min A, sit-to-stand mod A x2 trials. Gait {} ft RW, step-to pattern. Berg {}/56: high fall risk. Plan: gait/transfer training, strengthening, balance.", rng.range(60, 85), rng.range(10, 60), rng.range(18, 34));
    s.skilled = vec!["incision assessment and staple removal per ortho".into(), "pain management and bowel regimen teaching".into(), "fall-prevention teaching".into()];
    s.orders = vec!["PT/OT eval and treat, WBAT".into(), if arthro { "Posterior hip precautions x 6 weeks".into() } else { "No hip precautions; WBAT".to_string() }, "SN to assess incision, remove staples at 2 weeks post-op".into()];
    s.goals = vec!["Ambulate 100 ft with walker, supervision".into(), "Independent with home safety plan".into()];
    s.meds = vec!["acetaminophen 650 mg PO q6h".into(), "polyethylene glycol 17 g PO daily".into()];
    s.problems = vec![format!("[[fx|{} hip fracture]], s/p surgical repair", capital(side))];
    s.disciplines = "SN, PT, OT, HHA";
    s.los = Some(pod + 2);
    s.dx.push(dx(code, &["fx"], format!("The healing hip fracture is the reason for the skilled care. Aftercare of an injury is coded with the injury code and 7th character D (subsequent encounter, routine healing), not with an aftercare Z code: {code}."), vec![guideline("OCG I.C.19.a"), guideline("OCG I.C.19.c.1"), tabular("Z47 Excludes1 aftercare for healing fracture-code to fracture with 7th character D"), pdgm(setting)]));
    if arthro {
        let z = if right { "Z96.641" } else { "Z96.642" };
        s.dx.push(dx(z, &["fx"], format!("The fracture was treated with an arthroplasty: the presence of the {side} artificial hip joint is reported as a status code."), vec![guideline("OCG I.C.21.c.3")]));
        s.traps.push(trap("aftercare following joint replacement", Some("Z47.1"), "taft", "The joint was replaced because of a fracture: aftercare of an injury is coded to the fracture with 7th character D, and Z47 excludes aftercare for a healing fracture; Z47.1 is not used.", vec![guideline("OCG I.C.21.c.7"), tabular("Z47 Excludes1 aftercare for healing fracture")]));
    } else {
        s.traps.push(trap("orthopedic aftercare Z code for the fracture repair", Some("Z47.89"), "taft", "Aftercare Z codes are not used for injuries: the fracture code with 7th character D already says routine healing care after treatment.", vec![guideline("OCG I.C.21.c.7"), tabular("Z47 Excludes1 aftercare for healing fracture")]));
    }
    s.traps.push(trap("the fall (external cause)", Some("W19.XXXD"), "tfall", "Not reported: there is no national requirement to report external cause codes, and none is mandated here (a state or payer mandate would change that). If an agency does report the fall, it is never listed first, and the code for care during the healing phase carries 7th character D (subsequent encounter), as W19.XXXD does; the place of occurrence is reported only at the initial encounter.", vec![guideline("OCG I.C.20"), guideline("OCG I.C.20.a.2"), guideline("OCG I.C.20.b")]));
    if rng.chance(0.6) {
        let n = rng.range(2, 4);
        s.fall_hx = Some(format!("[[falls|history of {n} falls in the past {}]]", rng.pick(&["6 months", "year"])));
        s.status.push(dx("Z91.81", &["falls"], "Documented history of repeated falls, which shapes the safety plan: Z91.81.", vec![guideline("OCG I.C.21.c.3")]));
    }
    (s, ProfileSpec::TYPICAL, vec![Other::Osteoporosis])
}

fn stroke(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    // (weak side right?, handedness: 0 right-handed, 1 left-handed, 2 not documented)
    let weak_right = rng.chance(0.5);
    let hand = rng.weighted(&[5, 2, 3]);
    let dominant = match hand {
        0 => weak_right,
        1 => !weak_right,
        _ => weak_right, // default: right is dominant, left nondominant
    };
    let code = match (weak_right, dominant) {
        (true, true) => "I69.351",
        (false, true) => "I69.352",
        (true, false) => "I69.353",
        (false, false) => "I69.354",
    };
    let side = side_word(weak_right);
    let brain = side_word(!weak_right);
    let weak_word = rng.say(&["hemiparesis", "hemiparesis", "hemiplegia"]);
    let hand_words = match hand {
        0 => "[[hand|right-handed]]",
        1 => "[[hand|left-handed]]",
        _ => "",
    };
    let days = rng.range(5, 9);
    let tempt = if weak_right { "I63.512" } else { "I63.511" };
    s.title = rng.say(&["Post-acute care after a neurologic event", "Rehabilitation after hospitalization for a neurologic deficit", "Neuro rehab start of care"]);
    s.difficulty = Some(if hand == 2 { Difficulty::Advanced } else { Difficulty::Intermediate });
    s.mds_category = "1. Stroke";
    s.admit_dx = format!("[[acute|Acute ischemic stroke, {brain} MCA territory]]");
    s.procedures = "CT/CTA head and neck, MRI brain, TTE, telemetry".into();
    let nih = rng.range(4, 11);
    let nih2 = rng.range(2, 4).min(nih - 1);
    s.course = format!(
        "Presented with acute {side}-sided weakness{}; NIHSS {nih}. Outside the thrombolysis window. MRI: acute infarct {brain} MCA territory. CTA without large-vessel occlusion. TTE EF {}%, no thrombus. Telemetry without arrhythmia. LDL {}: high-intensity statin started. NIHSS {nih2} at discharge with persistent {side} {weak_word}. {}",
        if weak_right && rng.chance(0.5) { " and word-finding difficulty" } else { "" },
        rng.range(55, 65),
        rng.range(96, 168),
        rng.say(&["Stroke neurology recommends secondary prevention and intensive rehab.", "Discharged for continued therapy; outpatient neurology in 4-6 weeks."])
    );
    s.dc_dx = vec![format!("Acute ischemic {brain} MCA stroke with residual [[hemi|{side} {weak_word}]]")];
    s.excerpt = format!("{brain} MCA ischemic stroke, hospital day {days} discharge, residual {side} {weak_word}");
    s.los = Some(days);
    let hand_sentence = if hand == 2 { String::new() } else { format!(" Pt is {hand_words}.") };
    s.reason = format!(
        "Skilled therapy and nursing for [[hemi|{side} {weak_word} following recent ischemic stroke]].{hand_sentence}",
    );
    s.hpi = format!(
        "{} with {brain} MCA ischemic stroke {days} days ago, now with [[hemi2|residual {side} {weak_word}]]. {}{}",
        capital(&person(rng, age, sx)),
        rng.say(&["Family reports steady improvement in arm strength.", "Pt frustrated by weakness, motivated for therapy."]),
        if hand == 2 { " Handedness not recorded." } else { "" }
    );
    s.exam = format!("Neuro: alert, {}. {} UE strength {}/5, LE {}/5; {} sensation {}; {} hand grip weak.", rng.say(&["oriented x3", "oriented to person and place"]), capital(side), rng.range(1, 3), rng.range(2, 4), side, rng.say(&["diminished to light touch", "intact"]), side);
    s.assess = vec![format!("[[hemi2|{} {weak_word} as a sequela of ischemic stroke]]: PT/OT/SLP; secondary prevention.", capital(side))];
    s.oasis_dx = vec![format!("Primary: [[hemi|{side} {weak_word} due to recent ischemic stroke]]")];
    s.skin = rng.say(&["Skin warm, dry, intact. No pressure injury; heels offloaded.", "Skin intact; Braden 16, turning schedule taught."]);
    s.func = format!("Transfers mod assist with hemi-walker; ambulates {} ft with {}; needs assist with bathing, dressing and toileting; {} arm held in sling for subluxation protection.", rng.range(10, 60), rng.say(&["hemi-walker", "quad cane and contact guard"]), side);
    s.therapy_title = "Physical and Occupational Therapy Evaluation";
    s.therapy = format!("{} hemibody: Brunnstrom stage {} UE, {} LE. Sitting balance fair, standing balance poor. Gait {} ft with AFO trial and quad cane. ADLs: max assist LB dressing. Plan: NMES, task-specific training, balance, ADL retraining.", capital(side), rng.range(2, 4), rng.range(3, 5), rng.range(10, 50));
    s.skilled = vec!["neurologic assessment and stroke warning-sign teaching".into(), "medication teaching: antiplatelet and statin adherence".into(), "therapy for hemiparesis".into()];
    s.orders = vec!["PT/OT eval and treat".into(), "SN: BP monitoring, stroke education".into(), "Fall precautions".into()];
    s.goals = vec!["Transfer bed to chair with min assist".into(), "Caregiver independent with HEP".into()];
    s.meds = vec!["atorvastatin 80 mg PO nightly".into(), "[[clop|clopidogrel 75 mg PO daily]]".into()];
    s.status.push(dx("Z79.02", &["clop"], "Long-term (current) use of an antiplatelet (clopidogrel) for secondary stroke prevention: Z79.02.", vec![guideline("OCG I.C.21.c.3")]));
    s.problems = vec![format!("[[hemi|{} {weak_word}, post-stroke]]", capital(side))];
    s.disciplines = "SN, PT, OT, SLP";
    let dom_rule = if hand == 2 {
        format!("Handedness is not documented: for a {side}-sided deficit the default is {} (right side dominant, left side nondominant).", if dominant { "dominant" } else { "nondominant" })
    } else {
        format!("The patient is {}, so the {side} side is the {} side.", if hand == 0 { "right-handed" } else { "left-handed" }, if dominant { "dominant" } else { "nondominant" })
    };
    let mut keys = vec!["hemi", "hemi2"];
    if hand != 2 {
        keys.push("hand");
    }
    s.dx.push(dx(code, &keys, format!("The stroke's residual {weak_word} is the reason for the skilled care; after the acute hospital stay the deficit is coded as a sequela (I69.3-). {dom_rule} {code}."), vec![guideline("OCG I.C.9.d.1"), guideline("OCG I.C.9.d"), pdgm(setting)]));
    s.traps.push(trap("the acute ischemic stroke of the hospital stay", Some(tempt), "acute", "I63 codes are for the acute care episode. Once the patient leaves the acute hospital, its residual deficits are coded with I69 sequela codes.", vec![guideline("OCG I.C.9.d")]));
    // Aphasia with a right hemiparesis, dysphagia either side.
    if weak_right && rng.chance(0.5) {
        s.assess.push("[[aph|Expressive aphasia following the stroke]]: SLP for language.".into());
        s.oasis_dx.push("[[aph|expressive aphasia, post-stroke]]".into());
        s.dx.push(dx("I69.320", &["aph"], "Aphasia documented as a residual of the cerebral infarction: I69.320.", vec![guideline("OCG I.C.9.d")]));
    }
    if rng.chance(0.55) {
        let (phase, rcode) = *rng.pick(&[("oropharyngeal", "R13.12"), ("oral", "R13.11"), ("pharyngeal", "R13.13")]);
        let diet = rng.say(&["mechanical soft, mildly thick liquids", "pureed diet with nectar-thick liquids", "minced-moist diet, thin liquids by cup with chin tuck"]);
        s.assess.push(format!("[[dys|Dysphagia following stroke]], [[phase|{phase} phase]] per MBSS: {diet}; SLP."));
        s.oasis_dx.push(format!("[[dys|post-stroke dysphagia]] ([[phase|{phase} phase]])"));
        s.therapy.push_str(&format!(" SLP: clinical swallow and MBSS reviewed — {phase} phase dysphagia; diet {diet}; aspiration precautions."));
        s.dx.push(dx("I69.391", &["dys"], "Dysphagia as a sequela of the cerebral infarction: I69.391.", vec![guideline("OCG I.C.9.d"), tabular("I69.391 Use additional code to identify the type of dysphagia (R13.1-)")]));
        s.dx.push(dx(rcode, &["phase"], format!("The phase of the dysphagia is documented ({phase}): {rcode}, as the note at I69.391 asks."), vec![tabular("I69.391 Use additional code to identify the type of dysphagia, if known (R13.11-R13.19)")]));
        s.skilled.push("aspiration precautions and diet texture teaching".into());
        s.therapy_title = "Rehabilitation Evaluation (PT/OT/SLP)";
    }
    (s, ProfileSpec::TYPICAL, vec![Other::HxStroke, Other::AfibParoxysmal, Other::AfibPermanent])
}

fn heart_failure(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    let t = rng.below(3);
    let (code, acute_code, type_words, ef) = match t {
        0 => ("I50.32", "I50.33", rng.say(&["chronic diastolic heart failure", "chronic diastolic CHF", "chronic HFpEF (diastolic)"]), rng.range(55, 65)),
        1 => ("I50.22", "I50.23", rng.say(&["chronic systolic heart failure", "chronic systolic CHF", "chronic HFrEF (systolic)"]), rng.range(20, 35)),
        _ => ("I50.42", "I50.43", rng.say(&["chronic combined systolic and diastolic heart failure", "chronic combined systolic and diastolic CHF"]), rng.range(35, 44)),
    };
    let htn = rng.chance(0.7);
    let lost = dec(rng, 2.5, 6.8);
    let bnp = rng.range(680, 2400);
    let dw = rng.decimal(148.0, 231.0);
    s.title = rng.say(&["Post-hospital follow-up: cardiac", "Skilled nursing after a cardiac admission", "Start of care after hospitalization for dyspnea"]);
    s.difficulty = Some(if htn { Difficulty::Intermediate } else { Difficulty::Foundation });
    s.mds_category = "12. Debility, cardiorespiratory conditions";
    s.admit_dx = "[[acute|Acute on chronic heart failure]]".into();
    s.procedures = "TTE; IV diuresis".into();
    let oral_day = rng.range(3, 5);
    s.course = format!(
        "Admitted with worsening dyspnea, orthopnea and {} edema; BNP {bnp}. CXR with vascular congestion. Diuresed with IV furosemide, net negative {lost} L, transitioned to oral diuretic on hospital day {oral_day}. TTE: EF {ef}%. Creatinine stable. At discharge euvolemic, on room air; [[resolved|exacerbation resolved]]. Dry weight {dw:.1} lb.",
        rng.say(&["bilateral leg", "3+ pitting ankle"]),
    );
    s.los = Some(oral_day + rng.range(1, 3));
    s.dc_dx = vec![format!("Acute on chronic heart failure, now compensated; EF {ef}%")];
    s.excerpt = format!("acute on chronic HF, diuresed {lost} L, euvolemic at discharge, dry weight {dw:.1} lb");
    s.reason = pick_s(rng, &[
        format!("Skilled nursing for [[hf|{type_words}]] after a recent exacerbation, now compensated: weight and symptom monitoring, diuretic teaching."),
        format!("SN for disease management and education, [[hf|{type_words}]], recently hospitalized; high risk of readmission.")]);
    let w = dw + rng.decimal(-1.5, 1.5);
    s.hpi = format!("{} with [[hf2|{type_words}]], EF {ef}%, discharged after an exacerbation. Weight today {w:.1} lb. {}", capital(&person(rng, age, sx)), rng.say(&["Sleeping on 2 pillows, no PND. Mild DOE after one flight.", "Denies orthopnea, chest pain or palpitations. Tolerating walking in the home."]));
    s.exam = format!("JVP not elevated. Lungs: {}. Heart RRR, {}. Extremities: [[edema|trace bilateral ankle edema]].", rng.say(&["clear bilaterally", "faint bibasilar crackles that clear with cough"]), rng.say(&["no murmur", "S1 S2 normal"]));
    s.assess = vec![format!("[[hf2|{}]] - compensated after recent exacerbation: daily weights, 2 g Na diet, 1.5-2 L fluid restriction; call for gain > 3 lb/2 days.", capital(&type_words))];
    s.oasis_dx = vec![format!("Primary: [[hf|{type_words}]]")];
    if htn {
        s.assess.insert(0, rng.vary("[[htn|Hypertension]]: {BP at goal on the heart failure regimen|controlled on current medications}; home BP log."));
        s.oasis_dx.insert(1, "[[htn|hypertension]]".into());
        if t == 0 {
            s.meds.push("lisinopril 10 mg PO daily".into());
        }
    }
    s.skin = rng.say(&["Skin intact, warm. Trace edema both ankles, no weeping.", "Integumentary: intact, no wounds; [[edema|trace bilateral ankle edema]] noted on skin check."]);
    s.func = format!("Independent with cane in home; {} with bathing; dyspneic after {} ft, recovers with rest in 2 minutes.", rng.say(&["stand-by assist", "needs shower chair"]), rng.range(60, 150));
    s.therapy_title = "Physical Therapy Evaluation";
    s.therapy = format!("Endurance: 6MWT {} m with 2 rests, SpO2 nadir {}% RA, Borg 4/10. Strength 4-/5 LE. Plan: graded activity, energy conservation.", rng.range(120, 260), rng.range(90, 94));
    s.skilled = vec!["daily weight and symptom monitoring, teaching of HF zones".into(), "diuretic and low-sodium diet teaching".into(), "medication reconciliation and adherence".into()];
    s.orders = vec![format!("SN: weigh daily; notify MD for weight gain > 3 lb in 2 days or 5 lb in a week; dry weight {dw:.1} lb")];
    s.goals = vec!["Patient/caregiver verbalize HF red flags".into(), "No readmission in 30 days".into()];
    let diur = format!("furosemide {} mg PO {}", rng.pick(&["20", "40", "60"]), rng.pick(&["daily", "BID"]));
    s.meds.push(diur);
    if t == 0 {
        s.meds.push("spironolactone 25 mg PO daily".into());
    } else {
        s.meds.push("metoprolol succinate 50 mg PO daily".into());
        s.meds.push("sacubitril-valsartan 24-26 mg PO BID".into());
    }
    s.meds.push("potassium chloride 20 mEq PO daily".into());
    s.problems = vec![format!("[[hf|{}]] (EF {ef}%)", capital(&type_words))];
    s.stale_meds = vec!["furosemide 40 mg IV BID — hospital only, discontinued".into()];
    s.disciplines = "SN, PT";
    if htn {
        s.dx.push(dx("I11.0", &["htn", "hf", "hf2"], "Hypertension with heart failure: the classification presumes the link, so the combination code I11.0 is sequenced first, and it is the heart failure that brings the patient to skilled care.", vec![guideline("OCG I.C.9.a.1"), tabular("I11.0 Use additional code to identify type of heart failure (I50.-)"), pdgm(setting)]));
        s.dx.push(dx(code, &["hf", "hf2"], format!("The type and acuity of the heart failure: {type_words} — {code}, after I11.0 as instructed."), vec![guideline("OCG I.C.9.a.1"), tabular("I11.0 Use additional code to identify type of heart failure")]));
    } else {
        s.dx.push(dx(code, &["hf", "hf2"], format!("Heart failure is the reason for skilled nursing; no hypertension is documented, so the heart failure code is first: {type_words} — {code}."), vec![guideline("OCG I.C.9.a"), pdgm(setting)]));
    }
    s.traps.push(trap("the acute on chronic exacerbation of the hospital stay", Some(acute_code), "acute", "The exacerbation was treated and resolved in the hospital; the physician now documents chronic, compensated heart failure, and post-acute coding reflects the condition as it is now.", vec![guideline("OCG I.C.9.a.1"), guideline("OCG III.A")]));
    s.traps.push(trap("ankle edema", Some("R60.0"), "edema", "Edema is a sign routinely associated with heart failure and is not coded separately.", vec![guideline("OCG I.B.5")]));
    // No cilostazol (PAD) with heart failure.
    (s, ProfileSpec { diabetes: 0.4, hypertension: 0.0, heart_failure: 0.0, ckd: 0.0, others: 3 }, vec![Other::Cad, Other::Pad])
}

fn copd(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    let lpm = rng.range(1, 4);
    let fev1 = rng.range(28, 55);
    let spo2 = rng.range(88, 93);
    s.title = rng.say(&["Start of care after a respiratory admission", "Post-acute care: pulmonary", "Skilled care after hospitalization for shortness of breath"]);
    s.difficulty = Some(Difficulty::Intermediate);
    s.mds_category = "12. Debility, cardiorespiratory conditions";
    s.admit_dx = "[[acute|COPD with acute exacerbation]]".into();
    s.procedures = "Nebulized bronchodilators, systemic steroids, CXR".into();
    s.course = format!(
        "Admitted with increased dyspnea and sputum. Treated with scheduled DuoNebs, IV methylprednisolone then oral prednisone ({} completed before discharge), and azithromycin x 5 days. [[rocxr|CXR without infiltrate; pneumonia ruled out]]. ABG on arrival pH 7.36, pCO2 {}. Weaned to baseline {lpm} L/min O2. Ambulatory SpO2 {}% on {lpm} L. [[resolved|Exacerbation resolved]].",
        rng.say(&["5-day burst", "taper"]),
        rng.range(46, 54),
        rng.range(90, 94)
    );
    s.dc_dx = vec!["COPD exacerbation, resolved".into(), format!("[[o2|Chronic O2 use, {lpm} L/min]]")];
    s.excerpt = format!("COPD exacerbation treated, back to baseline {lpm} L O2");
    s.reason = pick_s(rng, &[
        format!("SN/PT for [[copd|severe COPD]] after hospitalization; [[o2|dependent on home oxygen {lpm} L/min via nasal cannula]]; inhaler technique poor."),
        format!("Skilled nursing for [[copd|chronic obstructive pulmonary disease]], [[o2|on continuous home O2 at {lpm} L/min]]; energy conservation and self-management.")]);
    s.hpi = format!("{} with [[copd2|COPD, FEV1 {fev1}% predicted]], [[o2b|on home oxygen {lpm} L continuous]], recently hospitalized for an exacerbation that has resolved. {}", capital(&person(rng, age, sx)), rng.say(&["Cough minimal, sputum clear.", "Breathing back to baseline per pt; uses rescue inhaler twice daily."]));
    s.exam = format!("On {lpm} L NC at rest, saturation {spo2}% on a recheck after ambulation. Lungs: {}. Prolonged expiratory phase. No accessory muscle use at rest.", rng.say(&["diminished throughout, scattered end-expiratory wheeze", "distant breath sounds, no crackles"]));
    s.assess = vec![format!("[[copd2|COPD]] - stable after exacerbation: continue maintenance inhalers, pulmonary rehab referral; [[o2b|continue O2 {lpm} L/min]] titrated to SpO2 88-92%.")];
    s.oasis_dx = vec!["Primary: [[copd|COPD]]".into(), format!("[[o2|oxygen dependence, {lpm} L/min continuous]]")];
    s.skin = rng.say(&["Skin intact. Ear protectors on cannula tubing, no breakdown behind ears.", "Intact, mild bruising forearms, no wounds."]);
    s.func = format!("Ambulates {} ft with rollator before rest; SOB with bathing (uses shower chair); independent with feeding and grooming.", rng.range(40, 140));
    s.therapy_title = "Physical Therapy Evaluation";
    s.therapy = format!("6MWT {} m on {lpm} L, SpO2 nadir {}%, HR max {}. Pursed-lip breathing taught. Plan: endurance, energy conservation, paced breathing.", rng.range(90, 240), rng.range(86, 90), rng.range(104, 122));
    s.skilled = vec!["respiratory assessment and exacerbation action plan".into(), "inhaler and nebulizer technique teaching".into(), "oxygen safety teaching".into()];
    s.orders = vec![format!("O2 {lpm} L/min NC continuous, titrate to SpO2 88-92%"), "SN: respiratory assessment, inhaler teaching".into(), "PT: endurance, energy conservation".into()];
    s.goals = vec!["Demonstrate correct inhaler technique".into(), "Know when to use the COPD action plan".into()];
    s.meds = vec!["tiotropium-olodaterol 2.5-2.5 mcg 2 inhalations daily".into(), "albuterol HFA 2 puffs q4h PRN".into(), format!("oxygen {lpm} L/min via NC continuous")];
    s.problems = vec!["[[copd|COPD]], severe".into(), format!("[[o2|Home O2 {lpm} L]]")];
    s.stale_meds = vec!["prednisone 40 mg PO daily — course completed".into(), "azithromycin 250 mg — completed".into()];
    s.disciplines = "SN, PT";
    s.dx.push(dx("J44.9", &["copd", "copd2"], "COPD is the reason for skilled nursing; the exacerbation has resolved and no lower respiratory infection is documented, so J44.9.", vec![guideline("OCG I.C.10.a"), pdgm(setting)]));
    s.status.push(dx("Z99.81", &["o2", "o2b"], "Long-term dependence on supplemental oxygen is a status that affects care: Z99.81.", vec![guideline("OCG I.C.21.c.3")]));
    s.traps.push(trap("COPD exacerbation", Some("J44.1"), "acute", "The exacerbation was treated and resolved before discharge (steroids completed); the current condition is COPD without exacerbation.", vec![guideline("OCG I.C.10.a")]));
    s.traps.push(trap("pneumonia", Some("J18.9"), "rocxr", "Pneumonia was ruled out by the chest x-ray; a condition the work-up excluded is not a diagnosis and is not reported.", vec![guideline("OCG III")]));
    (s, ProfileSpec::TYPICAL, vec![Other::Copd, Other::AsthmaModerate])
}

/// Pressure ulcer site: (words, code prefix)
fn pu_site(rng: &mut Rng, heel_ok: bool) -> (String, &'static str) {
    let mut sites: Vec<(&str, &str)> = vec![("sacrum", "L89.15"), ("right buttock", "L89.31"), ("left buttock", "L89.32"), ("right hip", "L89.21"), ("left hip", "L89.22")];
    if heel_ok {
        sites.push(("right heel", "L89.61"));
        sites.push(("left heel", "L89.62"));
    }
    let (w, c) = *rng.pick(&sites);
    (w.to_string(), c)
}

fn stage_words(stage: u8) -> (&'static str, char) {
    match stage {
        2 => ("stage 2", '2'),
        3 => ("stage 3", '3'),
        4 => ("stage 4", '4'),
        0 => ("unstageable", '0'),
        _ => ("deep tissue pressure injury", '6'),
    }
}

fn pressure(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let _ = (age, sx);
    let mut s = Scn::default();
    // Heel sites only for a patient without diabetes, so no one wonders whether the heel ulcer is diabetic.
    let heel_ok = rng.chance(0.4);
    let (site, pre) = pu_site(rng, heel_ok);
    let stage = *rng.pick(&[3u8, 3, 4, 0]);
    let (sw, sc) = stage_words(stage);
    let code = format!("{pre}{sc}");
    let (l, w, d) = (dec(rng, 1.5, 6.5), dec(rng, 1.0, 5.0), dec(rng, 0.3, 2.5));
    let bed = match stage {
        0 => rng.say(&["100% adherent yellow slough obscuring the base", "covered with stable dry black eschar"]),
        4 => rng.say(&["exposed bone palpable at base", "tendon visible, undermining 2 cm at 12 o'clock"]),
        _ => rng.say(&["60% red granulation, 40% slough, subcutaneous fat visible", "beefy granulation with visible adipose tissue, no bone or tendon"]),
    };
    let dims = if stage == 0 { format!("{l} x {w} cm, depth unable to assess") } else { format!("{l} x {w} x {d} cm") };
    s.title = rng.say(&["Skilled care for wound management", "Post-acute wound care", "Wound care start of care"]);
    s.difficulty = Some(Difficulty::Intermediate);
    s.mds_category = "13. Medically complex conditions";
    s.admit_dx = rng.say(&["Failure to thrive at home, wound evaluation", "Fever and wound drainage, sepsis ruled out"]);
    s.procedures = rng.say(&["Bedside sharp debridement by wound team", "Wound care consult; pressure-redistribution mattress"]);
    s.course = format!(
        "Admitted for decline in mobility and a wound found by family. Wound care nursing staged the wound: [[pu|{sw} pressure injury of the {site}]], {dims}, {bed}. Local care with {}. {} Nutrition consulted: albumin {}, supplements added. Turned q2h.",
        rng.say(&["calcium alginate and foam border", "hydrogel and bordered foam", "collagen and silicone foam", "Dakin's-moistened gauze BID"]),
        rng.say(&["No osteomyelitis on imaging.", "Blood cultures negative."]),
        dec(rng, 2.6, 3.3)
    );
    s.dc_dx = vec![format!("[[pu|Pressure ulcer of {site}, {sw}]]")];
    s.excerpt = format!("{sw} pressure ulcer of the {site}, {dims}");
    s.reason = pick_s(rng, &[
        format!("Skilled wound care: [[pu|{sw} pressure ulcer, {site}]]; caregiver teaching for offloading and dressing changes."),
        format!("Wound management for [[pu|{site} pressure injury, {sw}]], not healing at home without skilled care.")]);
    s.hpi = format!("Pt with a [[pu2|{sw} pressure ulcer of the {site}]] identified in the hospital. {}", rng.say(&["Mobility limited; up to chair with help for meals.", "Largely chair-to-bed; family assists with repositioning."]));
    s.exam = format!("Wound: {site}, {dims}, {bed}; periwound {}; {} exudate, no odor.", rng.say(&["intact, mild maceration", "blanchable erythema 1 cm"]), rng.say(&["moderate serous", "small serosanguinous"]));
    s.assess = vec![format!("[[pu2|Pressure ulcer of {site}, {sw}]]: dressing per wound orders, offloading surface, protein supplement, weekly measurements.")];
    s.oasis_dx = vec![format!("Primary: [[pu|{sw} pressure ulcer of the {site}]]")];
    s.skin = format!("Braden {}. [[pu3|{} - {sw}]], {dims}, {bed}.", rng.range(11, 15), capital(&site));
    s.func = format!("Bed mobility {}; transfers {} with {}; non-ambulatory beyond {} ft.", rng.say(&["max assist", "mod assist"]), rng.say(&["mod assist", "two-person assist"]), rng.say(&["slide board", "mechanical lift"]), rng.range(0, 15));
    s.therapy_title = "Physical Therapy Evaluation";
    s.therapy = format!("Pressure redistribution: cushion fitted, weight-shift every 15 min taught. Transfers {}. Plan: positioning, strengthening, caregiver training.", rng.say(&["max assist", "mod assist with slide board"]));
    s.skilled = vec!["wound assessment, measurement and dressing changes".into(), "teaching of offloading, turning schedule, nutrition".into()];
    s.orders = vec![format!("Wound care {site}: cleanse with NS, apply {}, change {}", rng.say(&["calcium alginate, cover with foam", "hydrogel, cover with bordered foam", "collagen matrix and silicone foam"]), rng.say(&["daily", "every other day and PRN soiling", "3x/week"])), "Low-air-loss mattress; turn q2h".into()];
    s.goals = vec!["Wound area decreased by 30% in 4 weeks".into(), "No new pressure injury".into()];
    s.meds = vec!["protein supplement 1 bottle PO BID".into(), "multivitamin PO daily".into()];
    s.problems = vec![format!("[[pu|Pressure injury {site}, {sw}]]")];
    s.disciplines = "SN, PT, HHA";
    let what = match stage {
        0 => "unstageable (the base is obscured by slough or eschar)".to_string(),
        6 => "a deep tissue injury".to_string(),
        _ => sw.to_string(),
    };
    s.dx.push(dx(&code, &["pu", "pu2", "pu3"], format!("The pressure ulcer is the chief reason for skilled wound care. Site ({site}) and stage ({what}) come from the wound documentation, which may be a nurse's: {code}. POA is not reported outside inpatient care."), vec![guideline("OCG I.C.12.a"), guideline("OCG I.B.14"), pdgm(setting)]));
    // Immobility from an old stroke, wheelchair-dependent.
    if rng.chance(0.5) {
        let weak_right = rng.chance(0.5);
        let side = side_word(weak_right);
        let code = if weak_right { "I69.351" } else { "I69.354" };
        let yrs = rng.range(2, 8);
        s.hpi.push_str(&format!(" Longstanding [[cva|{side} hemiparesis from an ischemic stroke {yrs} years ago]]; pt is [[hand|right-handed]]. [[wc|Wheelchair-dependent]] for all mobility since then."));
        s.func = format!("[[wc2|Wheelchair dependent]]; {side} hemiparesis. {}", s.func);
        s.assess.push(format!("[[cva2|{} hemiparesis, late effect of old ischemic stroke]]: wheelchair level; PT for transfers and positioning.", capital(side)));
        s.oasis_dx.push(format!("[[cva2|{side} hemiparesis after old stroke]], wheelchair dependent"));
        s.dx.push(dx(code, &["cva", "cva2", "hand"], format!("The old stroke left a {side} hemiparesis that still limits mobility and causes the immobility behind the ulcer: a sequela, I69.35-; right-handed, so the {side} side is {}: {code}.", if weak_right { "dominant" } else { "nondominant" }), vec![guideline("OCG I.C.9.d.1")]));
        s.status.push(dx("Z99.3", &["wc", "wc2"], "Dependence on a wheelchair, a status that affects the care (pressure redistribution, transfers); its cause (the stroke hemiparesis) is coded first, as the note at Z99.3 asks.", vec![guideline("OCG I.C.21.c.3"), tabular("Z99.3 Code first cause of dependence")]));
        s.difficulty = Some(Difficulty::Advanced);
    }
    // A second ulcer
    if rng.chance(0.6) {
        let (site2, pre2) = loop {
            let x = pu_site(rng, heel_ok);
            if x.1 != pre {
                break x;
            }
        };
        let st2 = *rng.pick(&[2u8, 2, 3, 6]);
        let (sw2, sc2) = stage_words(st2);
        let code2 = format!("{pre2}{sc2}");
        let dims2 = format!("{} x {} cm", dec(rng, 0.8, 3.0), dec(rng, 0.6, 2.5));
        s.skin.push_str(&format!(" [[pu4|{} - {sw2}]], {dims2}, {}.", capital(&site2), if st2 == 6 { "intact skin, persistent non-blanchable deep maroon discoloration" } else if st2 == 2 { "partial thickness, pink wound bed, no slough" } else { "full thickness, fat visible, no slough" }));
        s.assess.push(format!("[[pu5|Pressure injury of {site2}, {sw2}]]: offload, foam dressing."));
        s.oasis_dx.push(format!("[[pu4|{site2} pressure ulcer, {sw2}]]"));
        s.dx.push(dx(&code2, &["pu4", "pu5"], format!("A second pressure ulcer at a different site is coded separately, with its own stage: {site2}, {sw2} — {code2}."), vec![guideline("OCG I.C.12.a"), guideline("OCG I.B.14")]));
        s.difficulty = Some(Difficulty::Advanced);
    }
    // A healed ulcer
    if rng.chance(0.6) {
        let hsite = if heel_ok { *rng.pick(&["left heel", "right heel", "coccyx"]) } else { *rng.pick(&["coccyx", "right elbow", "occiput"]) };
        s.skin.push_str(&format!(" [[healed|Previously documented stage 2 ulcer of the {hsite}: healed, skin intact and closed]]."));
        s.traps.push(trap(format!("healed pressure ulcer of the {hsite}"), Some(match hsite { "coccyx" => "L89.152", "left heel" => "L89.622", "right heel" => "L89.612", "right elbow" => "L89.012", _ => "L89.812" }), "healed", "No code is assigned for a pressure ulcer documented as completely healed.", vec![guideline("OCG I.C.12.a.4")]));
    }
    let spec = if heel_ok { ProfileSpec { diabetes: 0.0, ..ProfileSpec::TYPICAL } } else { ProfileSpec::TYPICAL };
    (s, spec, vec![Other::HxStroke])
}

fn dfu(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let _ = (age, sx);
    let mut s = Scn::default();
    let right = rng.chance(0.5);
    let side = side_word(right);
    let (loc, base) = *rng.pick(&[("plantar first metatarsal head", "L97.5"), ("plantar heel", "L97.4"), ("dorsum of the great toe", "L97.5"), ("plantar midfoot", "L97.4"), ("lateral fifth metatarsal head", "L97.5")]);
    let lat = if right { '1' } else { '2' };
    let sev = *rng.pick(&[1u8, 2, 2, 3]);
    let (sev_words, sev_short) = match sev {
        1 => ("limited to breakdown of the skin", "superficial, limited to skin breakdown"),
        2 => ("with fat layer exposed", "subcutaneous fat exposed, no muscle or bone"),
        _ => ("with necrosis of muscle", "necrotic muscle at base, no bone involvement"),
    };
    let l97 = format!("{base}{lat}{sev}");
    let neuro = rng.chance(0.6);
    let insulin = rng.chance(0.55);
    let hyper = rng.chance(0.35);
    let a1c = if hyper { dec(rng, 8.8, 11.4) } else { dec(rng, 6.6, 7.9) };
    let (l, w) = (dec(rng, 0.8, 3.5), dec(rng, 0.6, 2.8));
    s.title = rng.say(&["Skilled wound care: lower extremity", "Post-hospital wound care", "Home wound care start of care"]);
    s.difficulty = Some(Difficulty::Advanced);
    s.mds_category = "13. Medically complex conditions";
    s.admit_dx = format!("{} foot infection", capital(side));
    s.procedures = rng.say(&["Bedside excisional debridement by podiatry; MRI foot", "Podiatry debridement; X-ray and MRI of foot"]);
    s.course = format!(
        "Admitted with {side} foot redness and drainage. [[cell|Cellulitis of the {side} foot treated with IV cefazolin, resolved]]; no abscess. [[osteo|MRI negative for osteomyelitis]]. Podiatry debrided the [[dfu|diabetic ulcer of the {side} {loc}]]. A1c {a1c}%. {} Discharged with offloading boot.",
        if insulin { "Basal insulin adjusted." } else { "Oral agents continued." }
    );
    s.dc_dx = vec![format!("[[dfu|Diabetic foot ulcer, {side} {loc}]], {sev_short}")];
    s.excerpt = format!("diabetic ulcer {side} {loc}, debrided; cellulitis resolved; MRI negative");
    s.reason = pick_s(rng, &[
        format!("Skilled wound care for [[dfu|type 2 diabetic foot ulcer, {side} {loc}]], {sev_short}; glucose management teaching."),
        format!("SN for [[dfu|diabetic ulcer of the {side} foot ({loc})]] and diabetes management.")]);
    s.hpi = format!("Pt with [[dm|type 2 diabetes mellitus]]{} and a [[dfu2|{side} foot ulcer due to diabetes]] at the {loc}. {}", if neuro { ", [[neuro|diabetic peripheral neuropathy]]," } else { "" }, rng.say(&["Wears offloading boot most of the day.", "Checks feet daily with a mirror, reports no new drainage."]));
    s.exam = format!("{} foot, {loc}: [[sev|{l} x {w} cm ulcer {sev_words}]], {}; {}.", capital(side), rng.say(&["granular base, callused rim", "pale granulation, macerated edges"]), if neuro { "monofilament absent at 6/10 sites bilaterally" } else { "protective sensation intact" });
    s.assess = vec![format!("[[dfu2|Type 2 DM with {side} foot ulcer]] ({loc}), {sev_short}: offloading, dressing per podiatry, weekly measurements.")];
    if hyper {
        s.assess.push(format!("[[hyper|Type 2 DM, poorly controlled with hyperglycemia]], A1c {a1c}%: {}.", if insulin { "titrate glargine by 2 units every 3 days to FBG < 140" } else { "add basal insulin discussion at next visit; continue metformin" }));
    } else {
        s.assess.push(format!("[[dm|Type 2 DM]], A1c {a1c}%: continue current regimen."));
    }
    if neuro {
        s.assess.push("[[neuro|Diabetic polyneuropathy]]: daily foot inspection, protective footwear.".into());
    }
    s.oasis_dx = vec![format!("Primary: [[dfu|diabetic foot ulcer, {side} {loc}]]")];
    s.skin = format!("[[sev2|{} {loc}: {l} x {w} cm, {sev_short}]]. Periwound callus pared by podiatry. Other foot intact.", capital(side));
    s.func = "Ambulates household distances in offloading walker boot with rolling walker; independent ADLs except foot care.".into();
    s.therapy_title = "Physical Therapy Evaluation";
    s.therapy = format!("Gait in offloading boot {} ft with RW, non-weight-bearing education reviewed. Balance: single-leg stance < 3 s. Plan: gait training with device, fall prevention.", rng.range(40, 150));
    s.skilled = vec!["wound assessment and dressing changes".into(), "diabetic foot care and glucose monitoring teaching".into(), "offloading adherence".into()];
    s.orders = vec![format!("Wound care {side} foot: cleanse NS, {}, change {}", rng.say(&["silver alginate, gauze wrap", "collagen, foam", "hydrogel, bordered foam"]), rng.say(&["3x/week", "every other day"])), "Fingerstick glucose BID, log for MD".into(), "Offloading boot at all times when up".into()];
    s.goals = vec!["Wound area reduced 50% in 4 weeks".into(), "FBG 80-140".into()];
    if insulin {
        s.meds.push(format!("[[ins|insulin glargine {} units subcut nightly]]", rng.range(14, 40)));
    }
    s.meds.push("[[met|metformin 1000 mg PO BID]]".into());
    s.problems = vec![format!("[[dfu|Diabetic foot ulcer {side}]]"), "[[dm|Type 2 diabetes]]".into()];
    s.stale_meds = vec!["cefazolin 2 g IV q8h — hospital only, discontinued".into()];
    s.disciplines = "SN, PT";
    s.dx.push(dx("E11.621", &["dfu", "dfu2"], format!("The diabetic foot ulcer is the reason for skilled wound care. Diabetes \"with\" foot ulcer is a combination code, sequenced before the ulcer code it asks for: E11.621."), vec![guideline("OCG I.C.4.a"), guideline("OCG I.A.15"), pdgm(setting)]));
    s.dx.push(dx(&l97, &["dfu", "sev", "sev2"], format!("E11.621 asks for the site of the ulcer: {side} {loc}, {sev_words} — {l97}. Depth may be taken from the wound nurse's or podiatrist's documentation."), vec![tabular("E11.621 Use additional code to identify site of ulcer (L97.4-, L97.5-)"), guideline("OCG I.C.12.b"), guideline("OCG I.B.14")]));
    if neuro {
        s.dx.push(dx("E11.42", &["neuro"], "Diabetic polyneuropathy: a second diabetic complication, its own combination code E11.42.", vec![guideline("OCG I.C.4.a")]));
    }
    if hyper {
        s.dx.push(dx("E11.65", &["hyper"], format!("Diabetes documented as poorly controlled with hyperglycemia (A1c {a1c}%): E11.65."), vec![guideline("OCG I.C.4.a"), convention("Index: Diabetes, poorly controlled – code to Diabetes, by type, with hyperglycemia")]));
    }
    if insulin {
        s.status.push(dx("Z79.4", &["ins"], "Long-term (current) use of insulin.", vec![guideline("OCG I.C.4.a.3"), tabular("E11 Use additional code to identify control using insulin (Z79.4)")]));
        s.status.push(dx("Z79.84", &["met"], "Long-term use of an oral hypoglycemic as well (metformin): with insulin, both Z79.4 and Z79.84 are assigned.", vec![guideline("OCG I.C.4.a.3")]));
    } else {
        s.status.push(dx("Z79.84", &["met"], "Long-term (current) use of an oral hypoglycemic (metformin).", vec![guideline("OCG I.C.4.a.3"), tabular("E11 Use additional code to identify control using oral hypoglycemic drugs (Z79.84)")]));
    }
    let cell = if right { "L03.115" } else { "L03.116" };
    s.traps.push(trap("cellulitis of the foot", Some(cell), "cell", "The cellulitis was treated and resolved in the hospital; no antibiotic continues at home.", vec![guideline("OCG III.A")]));
    s.traps.push(trap("osteomyelitis", Some("M86.9"), "osteo", "MRI excluded osteomyelitis; a condition the work-up ruled out is not a diagnosis and is not reported.", vec![guideline("OCG III")]));
    let _ = setting;
    (s, ProfileSpec { diabetes: 0.0, hypertension: 0.65, heart_failure: 0.15, ckd: 0.0, others: 3 }, vec![Other::Pad])
}

fn cardiac(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    let cabg = rng.chance(0.6);
    let pod = rng.range(4, 7);
    s.title = rng.say(&["Post-operative skilled care: cardiac surgery", "Start of care after cardiac surgery", "Sternal precautions and post-op recovery"]);
    s.difficulty = Some(Difficulty::Intermediate);
    s.mds_category = "13. Medically complex conditions";
    s.skin = format!("Median sternotomy incision {} cm, well approximated, {}; {}.", rng.range(16, 24), rng.say(&["no drainage", "scant dry crust at inferior pole"]), if cabg { format!("{} leg EVH incision sites healing, no erythema", side_word(rng.chance(0.5))) } else { "chest tube sites closed and dry".to_string() });
    s.func = format!("Independent with walker for {} ft; sternal precautions limit transfers (no pushing with arms); needs assist with bathing.", rng.range(80, 250));
    s.therapy_title = "Physical Therapy Evaluation";
    s.therapy = format!("Sternal precautions reviewed. Sit-to-stand without UE push {} assist. Gait {} ft, HR {} to {}. Plan: progressive ambulation, cardiac rehab phase II referral.", rng.say(&["min", "stand-by"]), rng.range(100, 300), rng.range(72, 84), rng.range(96, 112));
    s.skilled = vec!["sternal incision assessment and infection signs".into(), "cardiac medication teaching".into(), "sternal precaution and activity progression teaching".into()];
    s.orders = vec!["SN: incision assessment, vital signs, weight".into(), "Sternal precautions x 6-8 weeks; no lifting > 10 lb".into(), "PT: ambulation, endurance".into()];
    s.goals = vec!["Incision healed without infection".into(), "Walk 10 minutes continuously".into()];
    s.meds = vec!["[[asa|aspirin 81 mg PO daily]]".into(), "metoprolol tartrate 25 mg PO BID".into(), "atorvastatin 80 mg PO nightly".into()];
    s.disciplines = "SN, PT";
    if cabg {
        let n = rng.range(2, 4);
        s.admit_dx = "Multivessel coronary artery disease, admitted for elective surgical revascularization".into();
        s.procedures = format!("CABG x {n} (LIMA-LAD, SVG), hospital day 1");
        s.course = format!(
            "Outpatient stress test abnormal; cath showed [[cad|multivessel coronary artery disease]]. [[cabg|Elective CABG x {n}]] (LIMA to LAD, saphenous vein grafts). Extubated POD 0, chest tubes out POD 2. No arrhythmia. No prior MI; troponin pattern post-op as expected. Discharged POD {pod}.",
        );
        s.dc_dx = vec![format!("[[cad|Coronary artery disease]] s/p [[cabg|CABG x {n}]]")];
        s.excerpt = format!("multivessel CAD, elective CABG x {n}, discharged POD {pod}");
        s.reason = pick_s(rng, &[
            format!("Skilled nursing after [[cabg|coronary artery bypass grafting x {n}]]: sternal incision care, medication teaching; [[cad|CAD]] risk-factor management."),
            format!("Post-op care following [[cabg|CABG x {n}]] for [[cad|coronary artery disease]].")]);
        s.hpi = format!("{} {pod} days after [[cabg2|CABG x {n}]] for [[cad2|multivessel CAD]]. {}", capital(&person(rng, age, sx)), rng.say(&["No angina since surgery. Incisional soreness only.", "Denies chest pressure, dyspnea at rest or palpitations."]));
        s.los = Some(pod + 1);
    s.exam = "Sternum stable, no click. Lungs with mild bibasilar atelectatic crackles. Heart RRR. Legs: no edema.".into();
        s.assess = vec![format!("[[cabg2|S/p CABG]] — post-op aftercare: incision care, sternal precautions."), "[[cad2|Coronary artery disease]], no angina: aspirin, beta-blocker, high-intensity statin; cardiac rehab.".into()];
        s.oasis_dx = vec!["Primary: surgical aftercare, [[cabg|CABG]]".into(), "[[cad|coronary artery disease]]".into()];
        s.problems = vec!["[[cad|CAD]]".into(), format!("[[cabg|CABG x {n}]]")];
        s.dx.push(dx("Z48.812", &["cabg", "cabg2"], "The skilled care is the recovery from heart surgery: surgical aftercare following surgery on the circulatory system, Z48.812.", vec![guideline("OCG I.C.21.c.7"), tabular("Z48.81 These codes identify the body system requiring aftercare"), pdgm(setting)]));
        s.dx.push(dx("I25.10", &["cad", "cad2"], "The coronary disease that was operated on is still present (bypass does not remove it) and no angina is documented: I25.10. The Z48.81 note asks for the condition treated when still present.", vec![tabular("Z48.81 The condition treated should also be coded if still present"), guideline("OCG I.C.9.b")]));
        s.status.push(dx("Z95.1", &["cabg", "cabg2"], "Presence of aortocoronary bypass grafts: a status code.", vec![guideline("OCG I.C.21.c.3")]));
    } else {
        let valve = rng.say(&["23 mm bioprosthetic", "25 mm bovine pericardial", "21 mm stented tissue"]);
        s.admit_dx = "[[as|Severe aortic stenosis]], admitted for surgical valve replacement".into();
        s.procedures = format!("Surgical aortic valve replacement ({valve}), hospital day 1");
        s.course = format!(
            "Known [[as|severe aortic stenosis]] (AVA 0.7 cm2, mean gradient {} mmHg) with exertional dyspnea. Underwent [[avr|surgical aortic valve replacement with a {valve} valve]]. Post-op echo: well-seated prosthesis, mean gradient {} mmHg, EF {}%. Pacing wires removed POD 3, no heart block. Discharged POD {pod}.",
            rng.range(44, 62),
            rng.range(8, 14),
            rng.range(55, 65)
        );
        s.dc_dx = vec![format!("[[avr|S/p aortic valve replacement (bioprosthetic)]]")];
        s.excerpt = format!("severe AS, surgical AVR with {valve} valve, discharged POD {pod}");
        s.reason = pick_s(rng, &[
            format!("Skilled nursing after [[avr|aortic valve replacement]] (tissue valve): sternal incision, vital signs, medication teaching."),
            format!("Post-operative care, [[avr|surgical AVR]] {pod} days ago.")]);
        s.hpi = format!("{} after [[avr2|aortic valve replacement with a tissue valve]]. {}", capital(&person(rng, age, sx)), rng.say(&["Dyspnea much improved compared with before surgery.", "No syncope, no chest pain; tolerating walking."]));
        s.los = Some(pod + 1);
    s.exam = "Sternum stable. Crisp prosthetic S2, soft systolic flow murmur. Lungs clear. No edema.".into();
        s.assess = vec![format!("[[avr2|S/p surgical AVR (bioprosthesis)]] — post-op aftercare; aspirin; endocarditis prophylaxis before dental work.")];
        s.oasis_dx = vec!["Primary: surgical aftercare, [[avr|aortic valve replacement]]".into()];
        s.problems = vec!["[[avr|Bioprosthetic aortic valve]]".into()];
        s.dx.push(dx("Z48.812", &["avr", "avr2"], "Recovery from open heart valve surgery: surgical aftercare following surgery on the circulatory system, Z48.812.", vec![guideline("OCG I.C.21.c.7"), tabular("Z48.81 These codes identify the body system requiring aftercare"), pdgm(setting)]));
        s.status.push(dx("Z95.2", &["avr", "avr2"], "Presence of a prosthetic heart valve: Z95.2.", vec![guideline("OCG I.C.21.c.3")]));
        s.traps.push(trap("aortic stenosis", Some("I35.0"), "as", "The stenotic valve was replaced; the stenosis no longer exists. Z48.81 asks for the condition only if it is still present.", vec![tabular("Z48.81 The condition treated should also be coded if still present")]));
    }
    s.status.push(dx("Z79.82", &["asa"], "Long-term (current) use of aspirin after the cardiac surgery.", vec![guideline("OCG I.C.21.c.3")]));
    (s, ProfileSpec::TYPICAL, vec![Other::Cad])
}

fn ostomy(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    let colo = rng.chance(0.6);
    let pod = rng.range(5, 9);
    let (stoma, code, status, cond, cond_code, op) = if colo {
        ("colostomy", "Z43.3", "Z93.3", "perforated sigmoid diverticulitis with abscess", "K57.20", "Hartmann procedure (sigmoid resection with end colostomy)")
    } else {
        ("ileostomy", "Z43.2", "Z93.2", "medically refractory ulcerative pancolitis", "K51.00", "total proctocolectomy with end ileostomy")
    };
    // Home health: the incision still needs skilled care, and the certifying physician names surgical aftercare as the
    // primary reason (a surgical aftercare code is a clinical-grouping primary beyond doubt); the stoma care follows.
    let hh = setting == Setting::HomeHealth;
    s.title = rng.say(&["New ostomate: skilled nursing", "Post-operative skilled nursing after bowel surgery", "Stoma care teaching"]);
    s.difficulty = Some(Difficulty::Advanced);
    s.mds_category = "13. Medically complex conditions";
    s.admit_dx = format!("[[cond|{}]]", capital(cond));
    let opday = rng.range(1, 3);
    s.procedures = format!("{} on hospital day {opday}", capital(op));
    s.los = Some(opday + pod);
    s.course = format!(
        "Admitted with {}. {} Underwent {op}. {} Diet advanced by POD 4. WOC nurse marked and fitted stoma; pt and {} began teaching but not yet independent. {} Discharged POD {pod}.",
        if colo { "LLQ pain, fever and CT showing perforated sigmoid diverticulitis with pericolic abscess" } else { "a severe flare of ulcerative pancolitis failing IV steroids and infliximab" },
        if colo { "IV piperacillin-tazobactam." } else { "Colorectal surgery consulted." },
        if colo { "Pathology: diverticulitis with perforation, no malignancy." } else { "Pathology: chronic active ulcerative colitis, no dysplasia." },
        rng.pick(&["spouse", "daughter", "son"]),
        if hh { "Midline incision healing, staples in place, to be removed by home health nursing on POD 14 per the surgeon." } else { "Midline incision healing; staples removed before discharge." }
    );
    s.course = s.course.replacen(&format!("Underwent {op}"), &format!("Underwent [[op|{op}]]"), 1);
    s.dc_dx = vec![format!("{} s/p [[op|{op}]]", capital(cond))];
    s.excerpt = format!("{cond}, {op}, new {stoma}, teaching started");
    let output = if colo { rng.say(&["soft brown stool", "pasty stool"]) } else { rng.say(&["liquid green-brown effluent, ~900 mL/day", "thick liquid output, 1.1 L/day"]) };
    s.reason = if hh {
        pick_s(rng, &[
            format!("Primary: [[aft|surgical aftercare following {op}]] — midline incision assessment and staple removal. Also [[stoma|care of the new end {stoma}]]: pouching and teaching until independent."),
            format!("SN for [[aft|aftercare of the {op}]] (incision checks, staple removal on POD 14) and for the [[stoma|new {stoma}, which needs skilled care and teaching]].")])
    } else {
        pick_s(rng, &[
            format!("SN for [[stoma|care of new end {stoma}]]: pouching, skin protection and teaching until independent."),
            format!("New [[stoma|{stoma} requiring skilled stoma care and teaching]] after {op}.")])
    };
    s.hpi = format!("{} {pod} days after {op} for {cond}; [[stoma2|needs stoma management and teaching for the new {stoma}]]. {}", capital(&person(rng, age, sx)), rng.say(&["Eating small meals, no nausea.", "Pain controlled with acetaminophen; appetite improving."]));
    s.exam = format!("Abdomen soft, {}. Stoma in the {}: {} mm, red, moist, budded, {}; peristomal skin {}. Output {output}.", if hh { "midline incision approximated with staples, no erythema or drainage" } else { "midline incision healed, staples out" }, if colo { "LLQ" } else { "RLQ" }, rng.range(25, 40), rng.say(&["mucocutaneous junction intact", "well perfused"]), rng.say(&["intact", "mild erythema under wafer edge, no breakdown"]));
    s.assess = vec![format!("[[stoma2|New {stoma} — stoma care and teaching]]: 2-piece system, change wafer every 3-4 days; {}.", if colo { "fiber and fluids" } else { "hydration 2 L/day, watch output > 1.5 L" })];
    s.oasis_dx = if hh { vec![format!("Primary: [[aft|surgical aftercare following {op}]]"), format!("[[stoma|attention to {stoma}]] (stoma care and teaching)")] } else { vec![format!("Primary: [[stoma|attention to {stoma}]]")] };
    if hh {
        s.assess.insert(0, format!("[[aft2|Surgical aftercare after the {op}]]: incision checks each visit, staple removal on POD 14, no lifting > 10 lb for 6 weeks."));
    }
    s.skin = format!("{}. Stoma {} mm, peristomal skin {}.", if hh { format!("[[aft2|Midline incision {} cm, staples intact, edges approximated, no drainage]]", rng.range(14, 20)) } else { "[[inc|Midline incision healed, staples removed, no care needed]]".to_string() }, rng.range(25, 40), rng.say(&["intact", "mildly erythematous, barrier ring applied"]));
    s.func = format!("Independent ambulation with {}; needs assistance with pouch change (hand dexterity, anxiety); otherwise independent ADLs.", rng.say(&["cane", "no device", "rolling walker"]));
    s.therapy_title = "Occupational Therapy Evaluation";
    s.therapy = "Fine motor: able to cut wafer with adapted scissors after demonstration x 2. Lower body dressing independent with abdominal precautions. Plan: pouch emptying and change practice, energy conservation.".into();
    s.skilled = vec![format!("{stoma} assessment and pouching"), "teaching of pouch change, skin care and signs of complications".into(), if colo { "diet teaching".into() } else { "hydration and high-output teaching".into() }];
    s.orders = vec![format!("SN: {stoma} care, change 2-piece pouch every 3-4 days and PRN leak; teach pt/caregiver to independence"), "Notify surgeon for stoma color change, no output > 24 h, or fever".into()];
    if hh {
        s.orders.push("SN: remove staples on POD 14 per surgeon order, apply steri-strips".into());
    }
    s.goals = vec!["Pt independent with pouch change in 3 weeks".into(), "Peristomal skin intact".into()];
    s.meds = vec!["acetaminophen 650 mg PO q6h PRN".into(), if colo { "psyllium 1 packet PO daily".into() } else { "loperamide 2 mg PO PRN high output".into() }];
    s.problems = vec![format!("[[stat|{} status]]", capital(stoma))];
    s.dc_dx.push(format!("[[stat|End {stoma} in place]], teaching in progress"));
    s.disciplines = "SN, OT";
    s.elim = format!("Elimination: bladder continent, voiding without difficulty; stool via the {stoma}, output {output}.");
    if hh {
        s.dx.push(dx("Z48.815", &["aft", "aft2"], format!("The certifying physician names surgical aftercare of the {op} as the primary reason for home health (incision care and staple removal): aftercare following surgery on the digestive system, Z48.815. The diseased bowel was removed, so no condition code goes with it."), vec![guideline("OCG I.C.21.c.7"), tabular("Z48.81 These codes identify the body system requiring aftercare"), pdgm(setting)]));
        s.dx.push(dx(code, &["stoma", "stoma2"], format!("Skilled care is also directed at the new {stoma} (pouching, cleansing, teaching): attention to an artificial opening, {code}. Z48 lists Z43 as Excludes2, so both are reported."), vec![guideline("OCG I.C.21.c.7"), tabular("Z43 includes toilet or cleansing of artificial openings"), tabular("Z48 Excludes2 encounter for attention to artificial openings (Z43.-)")]));
    } else {
        s.dx.push(dx(code, &["stoma", "stoma2"], format!("The skilled care is directed at the new {stoma} (pouching, cleansing, teaching): attention to an artificial opening, {code}."), vec![guideline("OCG I.C.21.c.7"), tabular("Z43 includes toilet or cleansing of artificial openings"), pdgm(setting)]));
    }
    s.traps.push(trap(format!("{stoma} status"), Some(status), "stat", format!("When care is directed at the stoma, the Z43 code is used; Z93 excludes artificial openings requiring attention or management, so {status} is not added."), vec![tabular("Z93 Excludes1 artificial openings requiring attention or management (Z43.-)"), guideline("OCG I.C.21.c.3")]));
    s.traps.push(trap(cond.to_string(), Some(cond_code), "cond", format!("The diseased bowel was removed by the {op}; the condition no longer exists and is not coded."), vec![guideline("OCG III.A")]));
    if !hh {
        s.traps.push(trap("surgical aftercare for the laparotomy", Some("Z48.815"), "inc", "The incision is healed and needs no care; the skilled need is the stoma, which Z43 describes.", vec![guideline("OCG I.C.21.c.7")]));
    }
    (s, ProfileSpec::TYPICAL, vec![])
}

fn pneumonia(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    let pneumo = rng.chance(0.4);
    let (code, words) = if pneumo { ("J13", "pneumococcal pneumonia") } else { ("J18.9", "community-acquired pneumonia") };
    let abx = rng.say(&["amoxicillin-clavulanate 875-125 mg PO BID", "cefpodoxime 200 mg PO BID", "levofloxacin 750 mg PO daily"]);
    let left = rng.range(2, 5);
    let sepsis = rng.chance(0.5);
    s.title = rng.say(&["Recovery after a respiratory infection", "Skilled care after hospitalization for infection", "Post-hospital skilled nursing: pulmonary"]);
    s.difficulty = Some(if sepsis { Difficulty::Advanced } else { Difficulty::Intermediate });
    s.mds_category = "12. Debility, cardiorespiratory conditions";
    s.admit_dx = if sepsis { format!("[[sepsis|Sepsis due to {words}]]") } else { capital(words) };
    s.procedures = "CXR, blood and sputum cultures, IV antibiotics".into();
    s.los = Some(rng.range(5, 8));
    let wbc = dec(rng, 13.5, 21.0);
    let lac = dec(rng, 2.2, 3.8);
    s.course = format!(
        "Presented with fever, productive cough and hypoxia. WBC {wbc}{}. CXR: right base infiltrate. {}Started IV ceftriaxone and azithromycin. [[arf|Acute hypoxic respiratory failure]] requiring 4 L O2, [[arfres|weaned to room air by hospital day 4]]. Transitioned to oral {}. {}",
        if sepsis { format!(", lactate {lac}") } else { String::new() },
        if pneumo { "Urine pneumococcal antigen positive. " } else { "Cultures without growth. " },
        abx.split(' ').next().unwrap_or("antibiotic"),
        if sepsis { "[[sepres|Sepsis resolved]] with fluids and antibiotics; lactate normalized." } else { "Afebrile > 48 h before discharge." }
    );
    s.dc_dx = vec![format!("[[pna|{}]], improving, on oral antibiotics", capital(words))];
    s.excerpt = format!("{words}, IV to oral antibiotics, {left} days remaining");
    s.reason = pick_s(rng, &[
        format!("SN/PT for [[pna|{words}]] still under treatment ({left} days of oral antibiotic left) with weakness after hospitalization."),
        format!("Skilled care: [[pna|{words}]], completing antibiotic course; respiratory assessment and reconditioning.")]);
    s.hpi = format!("{} hospitalized for [[pna2|{words}]]; continuing {abx} for {left} more days. [[cough|Cough improving]], sputum now clear. {}", capital(&person(rng, age, sx)), rng.say(&["Afebrile, appetite returning.", "No fevers at home; tires quickly."]));
    s.exam = format!("T {} F, SpO2 {}% RA. Lungs: {}.", dec(rng, 97.6, 99.1), rng.range(92, 97), rng.say(&["faint crackles right base", "decreased breath sounds right base, no wheeze"]));
    s.assess = vec![format!("[[pna2|{}]], improving: complete {abx} x {left} more days; incentive spirometry; recheck CXR in 6 weeks.", capital(words))];
    s.oasis_dx = vec![format!("Primary: [[pna|{words}]]")];
    s.skin = rng.say(&["Skin intact, turgor fair.", "Intact; no pressure areas."]);
    s.func = format!("Ambulates {} ft with walker, SpO2 stays > 92%; assist with bathing; fatigue limits IADLs.", rng.range(50, 200));
    s.therapy_title = "Physical Therapy Evaluation";
    s.therapy = format!("Endurance: tolerates {} minutes activity. 30-second sit-to-stand: {} reps. Gait {} ft with RW. Plan: reconditioning, breathing exercises.", rng.range(4, 10), rng.range(4, 9), rng.range(60, 200));
    s.skilled = vec!["respiratory assessment and antibiotic completion".into(), "incentive spirometry teaching".into(), "reconditioning".into()];
    s.orders = vec![format!("Complete {abx} x {left} days"), "SN: vitals, lung sounds, SpO2 each visit".into()];
    s.goals = vec!["Completes antibiotics, afebrile".into(), "Ambulate 200 ft independently".into()];
    s.meds = vec![format!("[[abx|{abx} x {left} more days]]"), "guaifenesin 600 mg PO BID PRN".into()];
    s.problems = vec![format!("[[pna|{}]]", capital(words))];
    s.stale_meds = vec!["ceftriaxone 1 g IV daily — hospital only, discontinued".into()];
    s.disciplines = "SN, PT";
    s.dx.push(dx(code, &["pna", "pna2", "abx"], format!("The pneumonia is still being treated (oral antibiotic continues), so it is coded, not a history code: {}{code}.", if pneumo { "the physician documents it as pneumococcal — " } else { "no organism is documented — " }), vec![guideline("OCG I.C.10"), pdgm(setting)]));
    s.traps.push(trap("acute hypoxic respiratory failure", Some("J96.01"), "arf", "The respiratory failure resolved in the hospital (room air by hospital day 4); it is not a current condition.", vec![guideline("OCG III.A")]));
    if sepsis {
        s.traps.push(trap("sepsis", Some(if pneumo { "A40.3" } else { "A41.9" }), "sepres", "The sepsis resolved during the acute stay; post-acute care codes the pneumonia still under treatment, not the sepsis.", vec![guideline("OCG III.A"), guideline("OCG I.C.1.d")]));
    }
    s.traps.push(trap("cough", Some("R05.9"), "cough", "Cough is a symptom routinely associated with pneumonia and is not coded separately.", vec![guideline("OCG I.B.5")]));
    (s, ProfileSpec::TYPICAL, vec![Other::Copd, Other::AsthmaModerate])
}

fn debility(rng: &mut Rng, setting: Setting, age: u8, sx: Sex) -> (Scn, ProfileSpec, Vec<Other>) {
    let mut s = Scn::default();
    let uti = rng.chance(0.55);
    let days = rng.range(3, 7);
    s.title = rng.say(&["SNF admission after a prolonged hospital stay", "Short-term rehab: weakness after hospitalization", "Skilled rehab after medical admission"]);
    s.difficulty = Some(Difficulty::Advanced);
    s.mds_category = "13. Medically complex conditions";
    if uti {
        let abx = rng.say(&["cephalexin 500 mg PO QID", "ciprofloxacin 500 mg PO BID", "cefpodoxime 200 mg PO BID"]);
        s.admit_dx = "[[sepsis|Sepsis due to E. coli]] from acute pyelonephritis".into();
        s.procedures = "Blood and urine cultures, renal ultrasound, IV antibiotics".into();
        s.course = format!(
            "Presented with fever, rigors and flank pain; met sepsis criteria with lactate {}. Blood and urine cultures grew E. coli (pan-sensitive). Renal US: no hydronephrosis or abscess. Treated with IV ceftriaxone, then oral {}. [[sepres|Sepsis resolved]] by hospital day 3. Prolonged bed rest; PT found significant weakness, recommends SNF.",
            dec(rng, 2.4, 4.1),
            abx.split(' ').next().unwrap_or("antibiotic")
        );
        s.dc_dx = vec!["[[pyelo|Acute pyelonephritis due to E. coli]], on oral antibiotics".into(), "[[deb|Debility]] after hospitalization".into()];
        s.excerpt = format!("E. coli sepsis from acute pyelonephritis, sepsis resolved, finishing oral antibiotics; deconditioned");
        s.reason = format!("Short-term skilled nursing and rehab: [[pyelo|acute pyelonephritis due to E. coli]], completing oral antibiotics ({days} days left), with [[deb|generalized debility]] after the hospital stay.");
        let stay = rng.range(5, 9);
        s.los = Some(stay);
        s.hpi = format!("{} hospitalized {stay} days for [[pyelo2|E. coli acute pyelonephritis]] complicated by sepsis, now resolved. Remains on {abx} for {days} more days. Too weak to return home: [[deb2|debility]]. {}", capital(&person(rng, age, sx)), rng.say(&["No dysuria now; no flank pain.", "Afebrile x 72 h, tolerating diet."]));
        s.assess = vec![format!("[[pyelo2|Acute pyelonephritis, E. coli]] — complete {abx} x {days} days, CBC/BMP in 3 days."), "[[deb2|Debility]] following acute illness — PT/OT 5x/week, goal home with family.".into()];
        s.oasis_dx = vec!["Primary: [[pyelo|acute pyelonephritis, E. coli]]".into(), "[[deb|debility]]".into()];
        s.meds = vec![format!("{abx} x {days} more days")];
        s.problems = vec!["[[pyelo|Pyelonephritis, E. coli]]".into()];
        s.stale_meds = vec!["ceftriaxone 1 g IV q24h — hospital only, discontinued".into()];
        s.dx.push(dx("N10", &["pyelo", "pyelo2"], "The infection still under treatment is the specific reason for the skilled stay: acute pyelonephritis, N10. Debility is not first when a specific condition explains the care.", vec![guideline("OCG II"), pdgm(setting)]));
        s.dx.push(dx("B96.20", &["pyelo", "pyelo2"], "N10 asks for the infectious agent: E. coli, not further specified, B96.20.", vec![tabular("N10 Use additional code (B95-B97), to identify infectious agent")]));
        s.traps.push(trap("sepsis due to E. coli", Some("A41.51"), "sepres", "The sepsis resolved in the hospital; the SNF codes the infection still being treated, not the resolved sepsis.", vec![guideline("OCG III.A"), guideline("OCG I.C.1.d")]));
    } else {
        let stay = rng.range(5, 8);
        s.los = Some(stay);
        s.admit_dx = "[[dehy|Dehydration]] and diarrhea".into();
        s.procedures = "Stool C. difficile PCR/toxin, IV fluids".into();
        s.course = format!(
            "Admitted with profuse diarrhea and [[dehy|dehydration]], creatinine {} from baseline 0.9 ([[aki|AKI, resolved with IV fluids]]). Stool C. difficile toxin positive. Started oral vancomycin 125 mg QID (day {} of 10 at discharge). Diarrhea decreasing to 2-3 soft stools/day. Weak, deconditioned; PT recommends SNF.",
            dec(rng, 1.8, 2.6),
            10 - days
        );
        s.dc_dx = vec!["[[cdi|C. difficile colitis]], on oral vancomycin".into(), "[[deb|Debility]]".into()];
        s.excerpt = "C. difficile colitis, oral vancomycin, AKI resolved; deconditioned".into();
        s.reason = format!("SNF for [[cdi|Clostridioides difficile colitis]] on oral vancomycin ({days} days remaining) with [[deb|debility]] after hospitalization; contact precautions.");
        s.hpi = format!("{} with [[cdi2|C. difficile colitis]], first episode, on oral vancomycin; {} soft stools yesterday. [[deb2|Generalized debility]] after {stay} days in bed. {}", capital(&person(rng, age, sx)), rng.range(1, 3), rng.say(&["No abdominal pain, tolerating diet.", "Mild cramping only; eating 75% of meals."]));
        s.assess = vec![format!("[[cdi2|C. difficile colitis, initial episode]] — oral vancomycin 125 mg QID x {days} more days; contact precautions; BMP in 3 days."), "[[deb2|Debility]] — PT/OT 5x/week.".into(), "AKI — resolved, creatinine back to baseline; encourage fluids.".into()];
        s.oasis_dx = vec!["Primary: [[cdi|C. difficile colitis]]".into(), "[[deb|debility]]".into()];
        s.meds = vec![format!("vancomycin 125 mg PO QID x {days} more days")];
        s.problems = vec!["[[cdi|C. diff colitis]]".into()];
        s.stale_meds = vec!["lactated Ringer's IV — hospital only, discontinued".into()];
        s.dx.push(dx("A04.72", &["cdi", "cdi2"], "C. difficile colitis, still treated with oral vancomycin and not documented as recurrent: A04.72, the specific reason for the skilled stay.", vec![guideline("OCG I.C.1"), pdgm(setting)]));
        s.traps.push(trap("acute kidney injury", Some("N17.9"), "aki", "The AKI resolved with fluids in the hospital; creatinine is back to baseline.", vec![guideline("OCG III.A")]));
        s.traps.push(trap("dehydration", Some("E86.0"), "dehy", "The dehydration was corrected in the hospital and is not a current problem.", vec![guideline("OCG III.A")]));
    }
    s.dx.push(dx("R53.81", &["deb", "deb2"], "The physician documents debility as its own problem with its own plan (PT/OT 5x/week for weakness after the hospital stay); it is not a symptom of the infection, so it is reported as an additional diagnosis (Index: Debility, R53.81). It is not listed first because a specific condition under treatment is the chief reason for the stay.", vec![guideline("OCG III"), guideline("OCG I.C.18.b")]));
    s.exam = format!("Generalized weakness, LE 3+/5 bilaterally. Sit-to-stand requires {} assist. Abdomen soft, non-tender.", rng.say(&["mod", "min"]));
    s.skin = rng.say(&["Skin intact, Braden 15.", "No pressure injury; sacrum and heels intact."]);
    s.func = format!("Bed mobility min assist; transfers {} assist; ambulates {} ft with RW and CGA; needs assist with bathing and lower body dressing.", rng.say(&["mod", "min"]), rng.range(10, 60));
    s.therapy_title = "Physical and Occupational Therapy Evaluation";
    s.therapy = format!("Prior level: independent without device. Current: gait {} ft RW CGA, 5x sit-to-stand {} s, Berg {}/56. ADLs: mod assist LB dressing. Plan: PT/OT 5x/week, 14-21 days.", rng.range(10, 60), rng.range(18, 30), rng.range(22, 38));
    s.skilled = vec!["antibiotic administration and monitoring".into(), "therapy for debility".into()];
    s.orders = vec!["PT/OT evaluate and treat 5x/week".into(), "Labs: CBC, BMP in 3 days".into()];
    s.goals = vec!["Return home with family support".into(), "Ambulate 150 ft with RW supervision".into()];
    s.disciplines = "nursing, PT, OT";
    if rng.chance(0.5) {
        let yrs = rng.range(2, 6);
        s.hpi.push_str(&format!(" PMH also notes [[hxpna|pneumonia {yrs} years ago, resolved]]."));
        s.assess.push(format!("[[hxpna|History of pneumonia]] ({yrs} years ago): incentive spirometry and early mobilization while deconditioned; pneumococcal vaccination record requested."));
        s.status.push(dx("Z87.01", &["hxpna"], "A past pneumonia that has resolved is personal history, and the physician's plan acts on it (incentive spirometry, vaccination review), so Z87.01 is reported. The code title \"Personal history of pneumonia (recurrent)\" holds \"recurrent\" in parentheses, a nonessential modifier, so one past episode is enough.", vec![guideline("OCG I.C.21.c.4"), guideline("OCG I.A.7"), guideline("OCG III.A")]));
        s.traps.push(trap("pneumonia documented only as history", Some("J18.9"), "hxpna", "Resolved years ago: a history code, never the acute pneumonia code.", vec![guideline("OCG I.C.21.c.4")]));
    }
    if rng.chance(0.5) {
        s.fall_hx = Some(format!("[[falls|{} falls at home in the past year]]", rng.range(2, 4)));
        s.status.push(dx("Z91.81", &["falls"], "History of falling documented, affecting the care plan: Z91.81.", vec![guideline("OCG I.C.21.c.3")]));
    }
    (s, ProfileSpec::COMPLEX, vec![])
}

// ---------------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------------

fn vitals(rng: &mut Rng) -> String {
    let (t, hr, rr, sbp, dbp, sp) = (dec(rng, 97.2, 99.0), rng.range(62, 96), rng.range(14, 20), rng.range(108, 152), rng.range(60, 90), rng.range(92, 99));
    pick_s(rng, &[
        format!("T {t} F, HR {hr}, RR {rr}, BP {sbp}/{dbp}, SpO2 {sp}%"),
        format!("BP {sbp}/{dbp} | P {hr} | R {rr} | Temp {t} | O2 sat {sp}%"),
        format!("Vitals: temp {t}, pulse {hr} regular, resp {rr}, BP {sbp}/{dbp} sitting, sat {sp}%")])
}

/// The hospital's last laboratory values, which the receiving physician copies from the discharge summary.
struct Labs {
    na: i64,
    k: String,
    cr: String,
    hgb: String,
    wbc: String,
}

fn discharge_summary(cw: &CaseWriter, rng: &mut Rng, ev: &mut Ev, s: &Scn, profile: &Profile, written: &mut Written, setting: Setting, age: u8, sex: Sex, dnr: bool) -> (Doc, Labs) {
    let title = rng.say(&["Hospital Discharge Summary", "Discharge Summary (referring hospital)", "Acute Care Discharge Summary"]);
    let mut d = cw.doc(DocumentKind::DischargeSummary, &title, None);
    let los = s.los.unwrap_or_else(|| rng.range(4, 9));
    d.line(&title.to_uppercase());
    // Hospital days are counted with the admission day as day 1, as the scenarios' own day and POD references are.
    d.line(&pick_s(rng, &[format!("Admitted hospital day 1; discharged hospital day {los} ({los} hospital days)."), format!("Hospital stay: {los} days (discharged on hospital day {los}).")]));
    d.line(&format!("Patient: {}", person(rng, age, sex)));
    d.heading(&rng.say(&["ADMISSION DIAGNOSIS:", "Reason for admission:", "Admitting diagnosis:"]));
    putl(&mut d, ev, &s.admit_dx);
    d.heading(&rng.say(&["DISCHARGE DIAGNOSES:", "Final diagnoses:", "Diagnoses at discharge:"]));
    let mut n = 1;
    for l in &s.dc_dx {
        put(&mut d, ev, &format!("{n}. "));
        putl(&mut d, ev, l);
        n += 1;
    }
    if !profile.is_empty() {
        d.add(&format!("{n}. {}", rng.say(&["Chronic conditions: ", "Comorbidities: ", "Other active problems: "])));
        kb::write_history(&mut d, profile, written);
        d.add("\n");
    }
    d.heading(&rng.say(&["PROCEDURES:", "Procedures this admission:"]));
    d.line(&s.procedures);
    d.heading(&rng.say(&["HOSPITAL COURSE:", "Brief hospital course:", "Course in hospital:"]));
    putl(&mut d, ev, &s.course);
    if !profile.is_empty() {
        d.line(&rng.say(&[
            "Chronic conditions were stable during the stay and home medications were resumed unless noted below.",
            "Comorbid conditions managed per home regimen without acute issues; see medication reconciliation.",
            "Other chronic problems at baseline; no changes to their treatment except as listed.",
        ]));
    }
    d.heading(&rng.say(&["PERTINENT RESULTS:", "Key labs (last values):", "Data:"]));
    let (wbc, hgbv, plt, na, k, bun, cr, glu) = (dec(rng, 5.2, 10.9), match s.hgb_after { Some(h) => rng.decimal(h, h + 0.6), None => rng.decimal(9.8, 13.6) }, rng.range(160, 340), rng.range(134, 143), dec(rng, 3.6, 4.8), if matches!(profile.ckd, Some(kb::CkdStage::S4 | kb::CkdStage::S5 | kb::CkdStage::Esrd)) { rng.range(38, 72) } else { rng.range(10, 28) }, creatinine(rng, profile), rng.range(88, 164));
    let hgb = format!("{hgbv:.1}");
    d.line(&pick_s(rng, &[
        format!("CBC: WBC {wbc}, Hgb {hgb}, Plt {plt}. BMP: Na {na}, K {k}, BUN {bun}, Cr {cr}, glucose {glu}."),
        format!("Na {na} / K {k} / BUN {bun} / Cr {cr} / Glu {glu}; WBC {wbc}, H/H {hgb}/{:.0}, platelets {plt}.", hgbv * 3.0),
        format!("Last labs: hemoglobin {hgb}, white count {wbc}, platelets {plt}; sodium {na}, potassium {k}, creatinine {cr} (BUN {bun}); glucose {glu}."),
    ]));
    d.heading(&rng.say(&["CONSULTS:", "Consulting services:"]));
    d.line(&rng.say(&["Physical therapy, occupational therapy, case management.", "PT/OT; nutrition; social work for disposition planning.", "Therapy services, dietitian, care coordination."]));
    d.heading(&rng.say(&["DISCHARGE EXAM:", "Exam on day of discharge:"]));
    d.line(&rng.say(&[
        "Alert and oriented, no acute distress. Heart regular. Abdomen soft, non-tender. No calf tenderness.",
        "Awake, conversant, comfortable at rest. Regular rate. Abdomen benign. Moves all extremities as expected for condition.",
        "NAD; A&O x3. RRR without rub. Soft abdomen, normoactive bowel sounds. Extremities warm.",
    ]));
    if dnr {
        putl(&mut d, ev, &rng.say(&[
            "Code status: [[dnr|DNR/DNI]], confirmed with patient and health care proxy. Peripheral IV removed, site clean.",
            "Goals of care discussed with the patient and family; code status changed to [[dnr|DNR/DNI]] this admission. IV access discontinued on the morning of discharge.",
        ]));
    } else {
        d.line(&rng.say(&[
            "Code status during the stay: full code. Isolation: none. Lines removed before discharge; no drains.",
            "Full code throughout. No restraints used. IV access discontinued on the morning of discharge.",
        ]));
    }
    d.heading(&rng.say(&["CONDITION AT DISCHARGE:", "Discharge condition:"]));
    let v = vitals(rng);
    d.line(&format!("{}. {v}.", rng.say(&["Stable", "Hemodynamically stable, afebrile", "Fair, improving"])));
    d.heading(&rng.say(&["DISCHARGE MEDICATIONS:", "Medications at discharge:", "Discharge med rec:"]));
    kb::write_meds(&mut d, profile, written, "- ");
    for m in &s.meds {
        d.add("- ");
        putl(&mut d, ev, m);
    }
    d.heading(&rng.say(&["DISPOSITION:", "Discharge disposition:"]));
    d.line(&if setting == Setting::HomeHealth {
        pick_s(rng, &[format!("Home with home health ({}).", s.disciplines), "Discharged home with skilled home health services; face-to-face completed by hospitalist.".into()])
    } else {
        rng.say(&["Skilled nursing facility for short-term rehabilitation.", "Transfer to SNF; report called to receiving nurse."])
    });
    d.heading(&rng.say(&["DIET AND ACTIVITY:", "Activity/diet:"]));
    d.line(&rng.say(&[
        "Diet: heart-healthy, carbohydrate-consistent as applicable. Activity: as tolerated with assistive device; no driving until cleared.",
        "Regular diet unless otherwise specified. Up with assistance; fall precautions.",
        "Diet as tolerated. Activity per therapy recommendations; use walker for all ambulation.",
    ]));
    d.heading(&rng.say(&["PATIENT INSTRUCTIONS:", "Return precautions given:"]));
    d.line(&rng.say(&[
        "Call the physician or return for fever over 101 F, new or worsening pain, shortness of breath, chest pain, confusion, or bleeding. Bring this summary and the medication list to every appointment.",
        "Seek care for fever, chills, increasing redness or drainage, trouble breathing, fainting, or inability to keep fluids down. Medication changes were reviewed with the patient and family, who verbalized understanding.",
        "Return to the ED for chest pain, shortness of breath, fever, new weakness or numbness, or falls with injury. Teach-back completed for all new medications.",
    ]));
    d.line(&rng.say(&["Pending results at discharge: none.", "No results pending.", "Pending: none; final culture reports reviewed."]));
    d.heading(&rng.say(&["FOLLOW-UP:", "Follow-up appointments:"]));
    d.line(&rng.say(&["PCP in 7-10 days; specialist per instructions.", "Primary care within 1 week, labs at that visit.", "Surgeon/specialist in 2 weeks; PCP in 1 week."]));
    d.gap();
    let mins = rng.range(31, 55);
    d.line(&format!("Discharge time > 30 minutes ({mins} min) including medication reconciliation and coordination with the receiving team."));
    d.line(&rng.say(&["Electronically signed: discharging hospitalist", "Attending physician (hospital medicine)", "Dictated by discharging attending"]));
    (d, Labs { na, k, cr, hgb, wbc })
}

/// A problem's label as written; a diabetes label never says "without complications" beside CKD, whose link the
/// classification presumes (the knowledge base can word it so).
fn label_of(p: &kb::Problem, profile: &Profile) -> String {
    if p.key == "dm" && profile.ckd.is_some() {
        p.label.replace(" without complications", "")
    } else {
        p.label.clone()
    }
}

/// "BP 150/88" of a vitals line (any of the three layouts).
fn bp_of(vitals: &str) -> Option<String> {
    let i = vitals.find("BP ")?;
    let rest = &vitals[i + 3..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '/')).unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

/// The profile's chronic problems as a post-acute physician's assessment words them: the knowledge base writes its
/// plans for a clinic visit, so a clinic blood pressure becomes the one measured at this visit and "since last visit"
/// becomes recent history. Records names and plans like `kb::write_assessment`.
fn chronic_assessment(d: &mut Doc, rng: &mut Rng, profile: &Profile, start: usize, written: &mut Written, bp: Option<&str>) {
    let mut n = start;
    for p in profile.problems().iter().filter(|p| !p.history_only) {
        d.add(&format!("{n}. "));
        let e = d.mark(&label_of(p, profile));
        written.name(p.key, e);
        d.add(*rng.pick(&[": ", " - ", ". "]));
        let mut plan = p.plan.clone();
        if let (Some(bp), Some(i)) = (bp, plan.find("BP ")) {
            let rest = &plan[i + 3..];
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '/')).unwrap_or(rest.len());
            if end > 0 {
                plan = format!("{}BP {bp}{}", &plan[..i], &rest[end..]);
            }
        }
        let plan = plan.replace(" in clinic", " today").replace(" on arrival", " today").replace("since last visit", "recently").replace("Counseled on cessation for 5 minutes", "Counseled on cessation").replace("In sinus rhythm today", "Rate controlled today");
        let e = d.mark(&plan);
        written.plan(p.key, e);
        d.add("\n");
        n += 1;
    }
}

/// A creatinine that fits the profile's kidney disease (a dialysis patient's is never 0.8).
fn creatinine(rng: &mut Rng, profile: &Profile) -> String {
    use kb::CkdStage::*;
    // With a stated eGFR, the creatinine is the one that gives it (CKD-EPI 2021) for this age and sex.
    if let Some(cr) = profile.creatinine() {
        return format!("{cr:.1}");
    }
    let (lo, hi) = match profile.ckd {
        Some(S3a) => (1.2, 1.5),
        Some(S3b) => (1.5, 2.0),
        Some(S4) => (2.2, 3.2),
        Some(S5) => (3.8, 5.4),
        Some(Esrd) => (5.8, 8.4),
        None => (0.6, 1.2),
    };
    dec(rng, lo, hi)
}

/// OASIS function scores that agree with the mobility the note describes (`func`): M1860 ambulation 0 walks without a
/// device, 1 one-handed device (cane), 2 two-handed device (walker), 5 chairfast and unable to wheel self; M1850
/// transferring 1 with minimal help or a device, 3 unable to transfer or bear weight.
fn function_scores(rng: &mut Rng, func: &str) -> String {
    let f = plain(func).to_lowercase();
    let chairfast = ["mechanical lift", "two-person", "non-ambulatory", "wheelchair"].iter().any(|w| f.contains(w));
    let (t, a) = if chairfast {
        (3, 5)
    } else if f.contains("walker") {
        (1, 2)
    } else if f.contains("cane") {
        (1, 1)
    } else if f.contains("no device") {
        (0, 0)
    } else {
        (rng.range(1, 2), rng.range(1, 2))
    };
    let g = if chairfast { 2 } else { rng.range(1, 2) };
    let b = if chairfast { 5 } else { rng.range(2, 4) };
    pick_s(rng, &[
        format!("Grooming {g} | Bathing {b} | Toilet transferring {t} | Transferring {t} | Ambulation/locomotion {a}"),
        format!("M1800 grooming: {g}; M1830 bathing: {b}; M1840 toilet transfer: {t}; M1850 transferring: {t}; M1860 ambulation: {a}")])
}

fn hh_soc(cw: &CaseWriter, rng: &mut Rng, ev: &mut Ev, s: &Scn, profile: &Profile, written: &mut Written) -> Doc {
    let title = rng.say(&["Start of Care Comprehensive Assessment (OASIS)", "OASIS Start of Care Assessment", "Home Health SOC Comprehensive Assessment"]);
    let mut d = cw.doc(DocumentKind::Assessment, &title, Some(1));
    d.line(&title.to_uppercase());
    let tin = format!("{:02}:{:02}", rng.range(8, 14), rng.range(0, 59));
    d.line(&pick_s(rng, &[format!("SOC visit by RN. Time in {tin}."), format!("Visit type: start of care (RN), arrived {tin}, pt and caregiver present.")]));
    // sections in varying order
    let mut order: Vec<u8> = vec![0, 1, 2, 3];
    rng.shuffle(&mut order[1..]);
    for sec in order {
        match sec {
            0 => {
                d.heading(&rng.say(&["REASON FOR HOME HEALTH:", "Reason for referral / primary reason for home care:", "Why home health now:"]));
                putl(&mut d, ev, &s.reason);
            }
            1 => {
                d.heading(&rng.say(&["HOSPITAL DISCHARGE SUMMARY EXCERPT:", "Recent inpatient stay (from discharge summary):", "Inpatient facility information:"]));
                d.line(&format!("\"{}\"", plain(&s.excerpt)));
            }
            2 => {
                d.heading(&rng.say(&["HOMEBOUND STATUS:", "Homebound justification:"]));
                if plain(&s.func).to_lowercase().contains("wheelchair") {
                    d.line(&rng.say(&["Wheelchair dependent; leaving home needs two-person assistance and wheelchair transport, a considerable and taxing effort.", "Non-ambulatory; leaves home only by wheelchair van with assistance, for medical appointments."]));
                } else {
                    d.line(&rng.say(&[
                        "Leaving home requires a considerable and taxing effort and the assistance of a device and another person; absences limited to medical appointments.",
                        "Unable to leave home without assist of 1 and an assistive device; SOB/fatigue after short distances. Leaves home only for MD visits.",
                        "Requires assistive device and supervision to leave home due to fall risk and post-hospital weakness.",
                    ]));
                }
            }
            _ => {
                d.heading(&rng.say(&["PAST MEDICAL HISTORY:", "PMH (per referral and patient interview):", "Medical history:"]));
                if profile.is_empty() {
                    d.line("No other chronic conditions reported.");
                } else {
                    kb::write_history(&mut d, profile, written);
                    d.add("\n");
                }
            }
        }
    }
    d.heading(&rng.say(&["DIAGNOSES (M1021/M1023, per physician orders):", "Diagnoses affecting the plan of care:", "Active diagnoses per referral:"]));
    for l in &s.oasis_dx {
        d.add("- ");
        putl(&mut d, ev, l);
    }
    d.heading(&rng.say(&["VITAL SIGNS:", "Vitals:"]));
    let v = vitals(rng);
    d.line(&v);
    d.heading(&rng.say(&["SYSTEMS REVIEW:", "Assessment by system:"]));
    let cp = if profile.others.contains(&kb::Other::AfibPermanent) || s.exam.contains("irregular") {
        rng.say(&["Cardiopulm: heart irregularly irregular, rate controlled; no chest pain reported.", "Cardiac: irregular rhythm (known AF); respiratory effort unlabored at rest."])
    } else {
        rng.say(&["Cardiopulm: heart regular; see focused findings; no chest pain reported.", "Cardiac: regular rhythm; respiratory effort unlabored at rest."])
    };
    d.line(&cp);
    put(&mut d, ev, "Focused: ");
    putl(&mut d, ev, &s.exam);
    if !s.elim.is_empty() {
        d.line(&s.elim);
    } else {
        d.line(&rng.say(&["GI/GU: continent of bowel and bladder, last BM yesterday.", "Elimination: continent; voiding without difficulty; BM every 1-2 days.", "Bowel and bladder continent; appetite fair."]));
    }
    d.line(&rng.say(&["Neuro/cognition: alert, follows commands, BIMS 14/15.", "Cognition: oriented, able to teach back, BIMS 13/15.", "Mental status: alert, pleasant, answers appropriately."]));
    let pain = rng.range(1, 6);
    d.line(&format!("Pain {pain}/10, {}.", rng.say(&["eased by rest and repositioning", "worse with activity, tolerable", "acceptable to patient"])));
    d.heading(&rng.say(&["INTEGUMENTARY / WOUNDS:", "Skin and wound assessment:"]));
    putl(&mut d, ev, &s.skin);
    d.heading(&rng.say(&["FUNCTIONAL STATUS (M1800-M1860):", "ADL/IADL and mobility:"]));
    putl(&mut d, ev, &s.func);
    let f = function_scores(rng, &s.func);
    d.line(&f);
    d.heading(&rng.say(&["FALL RISK:", "Fall risk (MAHC-10):"]));
    let mahc = rng.range(4, 8);
    if let Some(fh) = &s.fall_hx {
        put(&mut d, ev, &format!("MAHC-10 score {mahc}; "));
        put(&mut d, ev, fh);
        d.line(". Fall precautions taught, night lights, clear pathways.");
    } else {
        d.line(&format!("MAHC-10 score {mahc}: {}; no falls in the past 12 months per pt.", if mahc >= 4 { "at risk" } else { "low risk" }));
    }
    d.heading(&rng.say(&["MEDICATIONS (reconciled with discharge list):", "Medication profile:", "Med rec:"]));
    kb::write_meds(&mut d, profile, written, "* ");
    for m in &s.meds {
        d.add("* ");
        putl(&mut d, ev, m);
    }
    d.line(&rng.say(&["No duplications or interactions identified; pt uses pill organizer.", "Reconciled; high-risk meds reviewed with caregiver.", "Medication regimen reviewed, pt verbalizes purpose of each."]));
    d.heading(&rng.say(&["SKILLED NEEDS:", "Skilled services required:"]));
    for k in &s.skilled {
        d.line(&format!("- {k}"));
    }
    d.heading(&rng.say(&["PLAN OF CARE / ORDERS (485):", "Plan of care and physician orders:", "Orders for discipline and treatments:"]));
    let freq = rng.say(&["SN 1w1, 2w3, 1w4", "SN 2w2, 1w6", "SN 3w1, 2w2, 1w5"]);
    let tfreq = *rng.pick(&["2w4", "3w2, 2w3", "2w3, 1w2"]);
    let therapy = if s.disciplines.contains("PT") { format!("; PT {tfreq}") } else if s.disciplines.contains("OT") { format!("; OT {tfreq}") } else { String::new() };
    d.line(&format!("Disciplines: {}. Frequency: {freq}{therapy}.", s.disciplines));
    for o in &s.orders {
        d.add("- ");
        putl(&mut d, ev, o);
    }
    d.line(&format!("Goals: {}.", s.goals.join("; ")));
    d.line(&rng.say(&["Rehab potential: good for stated goals.", "Rehab potential fair; discharge when goals met and caregiver independent.", "Prognosis: fair. Discharge plan: self-care with family support."]));
    d.gap();
    d.line(&rng.say(&["RN case manager", "Signed: admitting RN, home health agency", "Completed by SOC registered nurse"]));
    d
}

fn hh_physician(cw: &CaseWriter, rng: &mut Rng, ev: &mut Ev, s: &Scn, profile: &Profile, written: &mut Written, age: u8, sex: Sex) -> Doc {
    let title = rng.say(&["Face-to-Face Encounter and Home Health Certification", "Physician Plan of Care Review (Certifying Physician)", "Home Health Face-to-Face Note"]);
    let mut d = cw.doc(DocumentKind::OfficeNote, &title, Some(1));
    d.line(&title);
    let _ = (age, sex);
    d.line(&rng.say(&["Encounter related to the primary reason for home health; performed within 30 days of the start of care.", "Seen in follow-up after discharge; this visit serves as the face-to-face encounter.", "Telehealth video visit used for the face-to-face requirement."]));
    d.heading(&rng.say(&["HPI:", "History:", "Subjective:"]));
    putl(&mut d, ev, &s.hpi);
    d.line(&rng.say(&["ROS: denies fever, chills, chest pain, new SOB, dysuria, calf pain.", "ROS negative for fever, syncope, melena, focal new weakness.", "ROS: no CP, no fevers, no N/V; appetite fair."]));
    d.heading(&rng.say(&["EXAM:", "Objective:", "Physical exam:"]));
    let v = vitals(rng);
    d.line(&v);
    putl(&mut d, ev, &s.exam);
    d.heading(&rng.say(&["ASSESSMENT AND PLAN:", "Assessment/Plan:", "A/P:"]));
    let mut n = 1;
    for a in &s.assess {
        put(&mut d, ev, &format!("{n}. "));
        putl(&mut d, ev, a);
        n += 1;
    }
    chronic_assessment(&mut d, rng, profile, n, written, bp_of(&v).as_deref());
    d.heading("CERTIFICATION:");
    d.line(&rng.say(&[
        "I certify this patient is confined to the home and needs intermittent skilled nursing and therapy; the clinical findings above support the need. Plan of care established and will be periodically reviewed.",
        "Homebound: requires device and assistance to leave home, which is a taxing effort. Skilled services medically necessary as ordered.",
    ]));
    d.gap();
    d.line(&rng.say(&["Certifying physician", "Electronically signed: certifying attending physician", "Signed: nurse practitioner, co-signed by certifying physician"]));
    d
}

fn snf_hp(cw: &CaseWriter, rng: &mut Rng, ev: &mut Ev, s: &Scn, profile: &Profile, written: &mut Written, labs: &Labs, dnr: bool) -> Doc {
    let title = rng.say(&["SNF Admission History and Physical", "Physician Admission H&P (Skilled Nursing)", "Admission H&P — Post-Acute Unit"]);
    let mut d = cw.doc(DocumentKind::HistoryAndPhysical, &title, Some(1));
    d.line(&title.to_uppercase());
    d.heading(&rng.say(&["CHIEF COMPLAINT / REASON FOR ADMISSION:", "Reason for SNF admission:"]));
    putl(&mut d, ev, &s.reason);
    d.heading(&rng.say(&["HPI:", "History of present illness:"]));
    putl(&mut d, ev, &s.hpi);
    d.line(&rng.say(&["Transferred from the acute hospital by ambulance; records reviewed.", "Arrived from the hospital this afternoon; discharge summary and transfer orders reviewed.", "Admitted from acute care; history from patient, family and hospital records."]));
    d.heading(&rng.say(&["PMH:", "Past medical history:"]));
    if profile.is_empty() {
        d.line("No chronic medical conditions.");
    } else {
        kb::write_history(&mut d, profile, written);
        d.add("\n");
    }
    d.heading(&rng.say(&["MEDICATIONS:", "Current medications (from transfer orders):"]));
    kb::write_meds(&mut d, profile, written, "");
    for m in &s.meds {
        putl(&mut d, ev, m);
    }
    d.line(&rng.say(&["Allergies: NKDA.", "ALLERGIES: no known drug allergies.", "Allergies: none known."]));
    d.line(&rng.say(&["Social: lives with spouse in a one-story home; former teacher; no alcohol.", "Social: lives alone, daughter nearby; rare alcohol.", "Social: widowed, lives with son; independent before the hospital stay."]));
    d.heading("ROS:");
    d.line(&rng.say(&[
        "Negative for fever, chills, chest pain, palpitations, abdominal pain, dysuria. Positive per HPI.",
        "Denies headache, vision change, CP, N/V/D, urinary symptoms. Otherwise as in HPI; 10-point ROS negative.",
    ]));
    d.heading(&rng.say(&["PHYSICAL EXAM:", "Exam:"]));
    let v = vitals(rng);
    d.line(&v);
    d.line(&rng.say(&["General: NAD, pleasant.", "Gen: elderly, alert, in no distress.", "General: sitting in wheelchair, comfortable."]));
    d.line(&rng.say(&["HEENT: MMM, anicteric.", "HEENT: normocephalic, oropharynx clear."]));
    putl(&mut d, ev, &s.exam);
    d.heading(&rng.say(&["LABS:", "Recent data:"]));
    let Labs { na, k, cr, hgb, wbc } = labs;
    d.line(&format!("Na {na}, K {k}, Cr {cr}, Hgb {hgb}, WBC {wbc} (from hospital, last draw)."));
    d.heading(&rng.say(&["ASSESSMENT AND PLAN:", "Assessment/Plan:", "IMPRESSION AND PLAN:"]));
    let mut n = 1;
    for a in &s.assess {
        put(&mut d, ev, &format!("{n}. "));
        putl(&mut d, ev, a);
        n += 1;
    }
    chronic_assessment(&mut d, rng, profile, n, written, bp_of(&v).as_deref());
    if dnr {
        putl(&mut d, ev, &rng.say(&["Code status: [[dnr|DNR/DNI]], as in the hospital; confirmed with the patient on admission. Fall precautions.", "Code status: [[dnr|do not resuscitate, do not intubate]] (confirmed with patient and proxy; POLST reviewed). DVT prophylaxis per protocol."]));
    } else {
        d.line(&rng.say(&["Code status: full code, as in the hospital. DVT prophylaxis per protocol.", "Full code (confirmed with the patient). Diet as ordered; PT/OT/SLP as indicated."]));
    }
    d.gap();
    d.line(&rng.say(&["SNF attending physician", "Electronically signed: facility attending", "Admitting physician, post-acute unit"]));
    d
}

fn snf_nursing(cw: &CaseWriter, rng: &mut Rng, ev: &mut Ev, s: &Scn, profile: &Profile, written: &mut Written) -> Doc {
    let title = rng.say(&["Admission Nursing Assessment / MDS Section I", "Nursing Admission Assessment (MDS 5-day)", "MDS 3.0 Admission — Active Diagnoses and Nursing Assessment"]);
    let mut d = cw.doc(DocumentKind::Assessment, &title, Some(1));
    d.line(&title);
    d.heading("SECTION I — ACTIVE DIAGNOSES");
    d.line(&format!("I0020 Primary medical condition category: {}", s.mds_category));
    put(&mut d, ev, "I0020B / reason for skilled care: ");
    putl(&mut d, ev, &s.oasis_dx[0].replacen("Primary: ", "", 1));
    d.line("I8000 Additional active diagnoses:");
    for l in s.oasis_dx.iter().skip(1) {
        d.add("- ");
        putl(&mut d, ev, l);
    }
    if !profile.is_empty() {
        d.add("- ");
        kb::write_history(&mut d, profile, written);
        d.add("\n");
    }
    d.heading(&rng.say(&["NURSING ASSESSMENT:", "Admission nursing findings:"]));
    let v = vitals(rng);
    d.line(&v);
    // The interview score follows the dementia the physician documents (BIMS 0-7 is severe impairment).
    if profile.others.contains(&Other::Alzheimers) {
        let bims = rng.range(3, 7);
        d.line(&format!("Cognition: BIMS {bims}/15. {}", rng.say(&["Oriented to self only; redirectable.", "Disoriented to time and place; needs cues for all tasks."])));
    } else {
        let bims = rng.range(13, 15);
        d.line(&format!("Cognition: BIMS {bims}/15. {}", rng.say(&["Oriented, follows 2-step commands.", "Alert, needs reminders for call light."])));
    }
    if !s.elim.is_empty() {
        d.line(&s.elim);
    } else {
        d.line(&rng.say(&["Continence: continent of bowel and bladder.", "Bladder continent, uses urinal at night; bowel continent."]));
    }
    put(&mut d, ev, "Skin (Section M): ");
    putl(&mut d, ev, &s.skin);
    put(&mut d, ev, "Mobility/ADLs (Section GG): ");
    putl(&mut d, ev, &s.func);
    if let Some(fh) = &s.fall_hx {
        put(&mut d, ev, "Falls (J1700): ");
        put(&mut d, ev, fh);
        d.line(&format!("; Morse {}: high risk, bed low, call light in reach.", rng.range(45, 75)));
    } else {
        let morse = rng.range(25, 60);
        d.line(&format!("Fall risk: Morse {morse} — {}.", if morse >= 45 { "high risk, bed low, call light in reach" } else { "moderate risk, standard precautions" }));
    }
    d.line(&rng.say(&["Nutrition: regular diet, eating 50-75%; weight stable.", "Diet as ordered, appetite fair, weight obtained on admission.", "Nutrition: supplements BID, dietitian to see."]));
    d.heading(&rng.say(&["SKILLED NURSING NEEDS:", "Care plan focus:"]));
    for k in &s.skilled {
        d.line(&format!("- {k}"));
    }
    for o in &s.orders {
        d.add("- ");
        putl(&mut d, ev, o);
    }
    d.gap();
    d.line(&rng.say(&["Admitting RN / MDS coordinator", "Signed: charge nurse, RN assessment coordinator"]));
    d
}

fn therapy_eval(cw: &CaseWriter, rng: &mut Rng, ev: &mut Ev, s: &Scn) -> Doc {
    let mut d = cw.doc(DocumentKind::Consultation, s.therapy_title, Some(rng.range(1, 2) as u16));
    d.line(&s.therapy_title.to_uppercase());
    d.line(&rng.say(&["Referral: SNF admission orders.", "Referred by attending for evaluation and treatment.", "Order: evaluate and treat."]));
    d.heading(&rng.say(&["Prior level of function:", "PLOF:"]));
    d.line(&rng.say(&["Independent in the community without device; drove.", "Independent with cane in the home, needed help with shopping.", "Modified independent with walker; family did IADLs."]));
    d.heading(&rng.say(&["Findings:", "Objective:"]));
    putl(&mut d, ev, &s.therapy);
    d.heading(&rng.say(&["Assessment:", "Clinical impression:"]));
    d.line(&rng.say(&["Pt presents below prior level, requires skilled therapy to improve safety and independence.", "Good rehab candidate; motivated; deficits in strength, balance and activity tolerance.", "Skilled intervention indicated to return to prior level of function."]));
    d.heading("Goals:");
    for g in &s.goals {
        d.line(&format!("- {g}"));
    }
    d.gap();
    // The evaluation is signed by the discipline(s) that performed it.
    let signer = match s.therapy_title {
        t if t.starts_with("Physical and Occupational") => rng.say(&["Physical therapist and occupational therapist (co-evaluation)", "Signed: PT and OT evaluating therapists"]),
        t if t.starts_with("Rehabilitation") => rng.say(&["Physical, occupational and speech therapists (co-evaluation)", "Signed: PT, OT and SLP evaluating therapists"]),
        t if t.starts_with("Occupational") => rng.say(&["Occupational therapist", "Signed: evaluating occupational therapist"]),
        _ => rng.say(&["Physical therapist", "Signed: evaluating physical therapist"]),
    };
    d.line(&signer);
    d
}

fn emr_lists(cw: &mut CaseWriter, rng: &mut Rng, ev: &mut Ev, s: &Scn, profile: &Profile, written: &mut Written) {
    let mut d = cw.doc(DocumentKind::ProblemList, "Problem List (EMR)", Some(1));
    d.line(&rng.say(&["PROBLEM LIST — active", "Active Problems (EMR, copied forward)", "Problem list / diagnoses on chart"]));
    for p in &s.problems {
        d.add("• ");
        putl(&mut d, ev, p);
    }
    for p in profile.problems() {
        d.add("• ");
        let e = d.mark(&label_of(p, profile));
        written.name(p.key, e);
        d.add("\n");
    }
    d.line(&rng.say(&["Reviewed on admission by nursing.", "Last reviewed by admitting clinician.", "Problem list reconciled at intake."]));
    cw.add_doc(d);
    let mut m = cw.doc(DocumentKind::MedicationList, "Medication List (EMR)", Some(1));
    m.line(&rng.say(&["ACTIVE MEDICATIONS", "Medication administration list — active orders", "Current medication list"]));
    let rows = kb::meds(profile);
    for (key, i, med) in rows {
        m.add("- ");
        let e = m.mark(med);
        written.med(key, i, e);
        m.add("\n");
    }
    for med in &s.meds {
        m.add("- ");
        putl(&mut m, ev, med);
    }
    if !s.stale_meds.is_empty() {
        m.line(&rng.say(&["Discontinued / completed:", "Inactive orders:"]));
        for x in &s.stale_meds {
            m.line(&format!("  {x}"));
        }
    }
    cw.add_doc(m);
}

// ---------------------------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Joint,
    HipFx,
    Stroke,
    Hf,
    Copd,
    Pressure,
    Dfu,
    Cardiac,
    Ostomy,
    Pneumonia,
    Debility,
}

fn build(rng: &mut Rng, id: String, setting: Setting, kind: Kind, emr: bool) -> Case {
    let age = match kind {
        Kind::Joint => rng.range(58, 84),
        Kind::HipFx | Kind::Debility => rng.range(68, 89),
        _ => rng.range(60, 89),
    } as u8;
    let sx = super::sex(rng);
    let (mut s, spec, exclude) = match kind {
        Kind::Joint => joint(rng, setting, age, sx),
        Kind::HipFx => hip_fracture(rng, setting, age, sx),
        Kind::Stroke => stroke(rng, setting, age, sx),
        Kind::Hf => heart_failure(rng, setting, age, sx),
        Kind::Copd => copd(rng, setting, age, sx),
        Kind::Pressure => pressure(rng, setting, age, sx),
        Kind::Dfu => dfu(rng, setting, age, sx),
        Kind::Cardiac => cardiac(rng, setting, age, sx),
        Kind::Ostomy => ostomy(rng, setting, age, sx),
        Kind::Pneumonia => pneumonia(rng, setting, age, sx),
        Kind::Debility => debility(rng, setting, age, sx),
    };
    let profile = Profile::random(rng, age, sx, spec, &exclude);
    // A drug the chronic-condition list already holds is not listed twice (the first word names the drug).
    let held: Vec<String> = kb::meds(&profile).iter().map(|(_, _, m)| m.split_whitespace().next().unwrap_or("").to_ascii_lowercase()).collect();
    s.meds.retain(|m| m.contains("[[") || !held.contains(&m.split_whitespace().next().unwrap_or("").to_ascii_lowercase()));
    let mut tracks = vec![Track::SnfHomeHealth];
    if emr {
        tracks.push(Track::Emr);
    }
    let mut enc = visit(setting, age, sx);
    if setting == Setting::Snf {
        enc.length_of_stay = Some(rng.range(12, 30) as u16);
    }
    let difficulty = s.difficulty.unwrap_or(Difficulty::Intermediate);
    let mut cw = CaseWriter::new(id, s.title.clone(), &tracks, difficulty, enc);
    let mut ev = Ev::new();
    let mut written = Written::default();
    // Code status: a DNR order written in the hospital and confirmed by the facility physician (SNF stays only; the
    // home-health documents are not where a code status is set).
    let dnr = setting == Setting::Snf && rng.chance(0.3);
    let (ds, labs) = discharge_summary(&cw, rng, &mut ev, &s, &profile, &mut written, setting, age, sx, dnr);
    cw.add_doc(ds);
    if setting == Setting::HomeHealth {
        let soc = hh_soc(&cw, rng, &mut ev, &s, &profile, &mut written);
        cw.add_doc(soc);
        let f2f = hh_physician(&cw, rng, &mut ev, &s, &profile, &mut written, age, sx);
        cw.add_doc(f2f);
    } else {
        let hp = snf_hp(&cw, rng, &mut ev, &s, &profile, &mut written, &labs, dnr);
        cw.add_doc(hp);
        let nu = snf_nursing(&cw, rng, &mut ev, &s, &profile, &mut written);
        cw.add_doc(nu);
        let th = therapy_eval(&cw, rng, &mut ev, &s);
        cw.add_doc(th);
    }
    if emr {
        emr_lists(&mut cw, rng, &mut ev, &s, &profile, &mut written);
    }
    if dnr {
        s.status.push(dx("Z66", &["dnr"], "Do-not-resuscitate status documented by the physicians (hospital discharge summary and the facility admission H&P): Z66 is reported when the provider documents DNR status at any time during the stay.", vec![guideline("OCG I.C.21.c.3")]));
    }
    // Gold: the scenario's own diagnoses, the chronic conditions, then the status codes.
    for d in &s.dx {
        let e: Vec<Evidence> = d.keys.iter().flat_map(|k| ev.get(*k).cloned().unwrap_or_default()).collect();
        assert!(!e.is_empty(), "{}: no evidence written for {}", cw.id, d.code);
        cw.dx(&d.code, None, e, why(d.why.clone(), d.rules.clone()));
    }
    profile.code(&mut cw, &written, None);
    for d in &s.status {
        if cw.has_dx(&d.code) {
            continue;
        }
        let e: Vec<Evidence> = d.keys.iter().flat_map(|k| ev.get(*k).cloned().unwrap_or_default()).collect();
        assert!(!e.is_empty(), "{}: no evidence written for {}", cw.id, d.code);
        cw.dx(&d.code, None, e, why(d.why.clone(), d.rules.clone()));
    }
    for t in &s.traps {
        let e = ev.get(t.key).cloned().unwrap_or_default();
        if e.is_empty() {
            continue;
        }
        cw.not_coded(&t.about, t.code.as_deref(), e, why(t.why.clone(), t.rules.clone()));
    }
    cw.finish()
}

/// The family's cases.
pub fn cases(rng: &mut Rng) -> Vec<Case> {
    use Kind::*;
    let hh: [(Kind, usize); 10] = [(Joint, 4), (HipFx, 3), (Stroke, 4), (Hf, 4), (Copd, 3), (Pressure, 3), (Dfu, 3), (Cardiac, 3), (Ostomy, 2), (Pneumonia, 2)];
    let snf: [(Kind, usize); 11] = [(Joint, 3), (HipFx, 4), (Stroke, 4), (Hf, 3), (Copd, 2), (Pressure, 3), (Dfu, 1), (Cardiac, 2), (Ostomy, 1), (Pneumonia, 3), (Debility, 5)];
    let mut out = Vec::new();
    for (setting, plan, prefix) in [(Setting::HomeHealth, &hh[..], "HH"), (Setting::Snf, &snf[..], "SNF")] {
        let mut n = 0;
        for (kind, count) in plan {
            for _ in 0..*count {
                n += 1;
                let emr = n % 2 == 0;
                let mut r = rng.derive(&format!("{prefix}-{n}"));
                out.push(build(&mut r, case_id(prefix, n), setting, *kind, emr));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_cases_share_most_of_their_text() {
        let cs = cases(&mut Rng::new(2026).derive("post_acute"));
        assert!(cs.len() >= 60);
        let o = crate::overlap::measure(&cs);
        assert!(o.pair_max < 0.8, "the closest pair shares more than 80% of its text: {:?}", o.top.first());
    }
}
