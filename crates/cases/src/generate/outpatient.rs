//! Hospital outpatient (OPPS) services: the facility's claim. Infusions and injections by the CPT hierarchy
//! (initial, sequential, concurrent) with drug units by the HCPCS descriptor dose, chemotherapy encounters
//! (Z51.11 first), transfusion, paracentesis and thoracentesis, wound debridement by depth and area, therapy
//! evaluations, mammography, diagnostic imaging read by a radiologist (OCG IV.K) and preoperative testing (OCG IV.M).

use super::kb::{Profile, ProfileSpec, Written};
use super::rng::Rng;
use super::writer::{convention, edit, guideline, tabular, why, CaseWriter};
use super::{case_id, person, sex, visit};
use crate::model::{Case, Difficulty, DocumentKind, Evidence, Rule, Setting, Sex, Track};
use std::collections::BTreeMap;

/// A line of a document: plain words, or words marked as evidence under a tag.
enum L {
    T(String),
    M(&'static str, String),
    /// The chronic conditions of the profile, each label marked (written where this line stands).
    Prof,
}

fn t(s: impl Into<String>) -> L {
    L::T(s.into())
}
fn m(tag: &'static str, s: impl Into<String>) -> L {
    L::M(tag, s.into())
}

struct Svc {
    code: &'static str,
    mods: Vec<&'static str>,
    units: u16,
    tags: Vec<&'static str>,
    why: String,
    rules: Vec<Rule>,
}

fn svc(code: &'static str, mods: &[&'static str], units: u16, tags: &[&'static str], why_: impl Into<String>, rules: Vec<Rule>) -> Svc {
    Svc { code, mods: mods.to_vec(), units, tags: tags.to_vec(), why: why_.into(), rules }
}

struct Opp {
    title: String,
    diff: Difficulty,
    age: u8,
    sx: Sex,
    docs: Vec<(DocumentKind, String, Vec<L>)>,
    dx: Vec<(&'static str, Vec<&'static str>, String, Vec<Rule>)>,
    svc: Vec<Svc>,
    nc: Vec<(&'static str, Option<&'static str>, &'static str, String, Vec<Rule>)>,
    prof: Option<Profile>,
}

impl Opp {
    fn new(title: impl Into<String>, age: u8, sx: Sex) -> Opp {
        Opp { title: title.into(), diff: Difficulty::Intermediate, age, sx, docs: Vec::new(), dx: Vec::new(), svc: Vec::new(), nc: Vec::new(), prof: None }
    }
    fn doc(&mut self, kind: DocumentKind, title: &str, lines: Vec<L>) {
        self.docs.push((kind, title.into(), lines));
    }
    fn dx(&mut self, code: &'static str, tags: &[&'static str], why_: impl Into<String>, rules: Vec<Rule>) {
        self.dx.push((code, tags.to_vec(), why_.into(), rules));
    }
    fn s(&mut self, x: Svc) {
        self.svc.push(x);
    }
    fn nc(&mut self, about: &'static str, code: Option<&'static str>, tag: &'static str, why_: impl Into<String>, rules: Vec<Rule>) {
        self.nc.push((about, code, tag, why_.into(), rules));
    }
}

fn write(rng: &mut Rng, id: String, o: Opp) -> Case {
    let mut cw = CaseWriter::new(id, o.title.clone(), &[Track::OutpatientOpps, Track::Opd], o.diff, visit(Setting::OutpatientHospital, o.age, o.sx));
    let mut ev: BTreeMap<&'static str, Vec<Evidence>> = BTreeMap::new();
    let mut w = Written::default();
    for (kind, title, lines) in &o.docs {
        let mut d = cw.doc(*kind, title, Some(1));
        for l in lines {
            match l {
                L::T(s) => {
                    if s.is_empty() {
                        d.gap();
                    } else {
                        d.line(s);
                    }
                }
                L::M(tag, s) => {
                    let e = d.mark_line(s);
                    ev.entry(tag).or_default().push(e);
                }
                L::Prof => {
                    if let Some(p) = &o.prof {
                        for pr in p.problems() {
                            d.add("- ");
                            let e = d.mark(&pr.label);
                            w.name(pr.key, e);
                            let tail = if pr.history_only {
                                ".".to_string()
                            } else {
                                format!(": {}", rng.say(&["stable on current regimen; continue.", "reviewed, no change before the procedure.", "controlled; continue home medication.", "addressed in plan of care."]))
                            };
                            d.line(&tail);
                        }
                        for (key, i, med) in super::kb::meds(p) {
                            d.add("  med: ");
                            let e = d.mark(med);
                            w.med(key, i, e);
                            d.add("\n");
                        }
                    }
                }
            }
        }
        cw.add_doc(d);
    }
    let get = |tags: &[&'static str]| -> Vec<Evidence> { tags.iter().flat_map(|t| ev.get(t).cloned().unwrap_or_default()).collect() };
    for (code, tags, why_, rules) in &o.dx {
        cw.dx(code, None, get(tags), why(why_.clone(), rules.clone()));
    }
    if let Some(p) = &o.prof {
        p.code(&mut cw, &w, None);
        for d in cw.gold.diagnoses.iter_mut() {
            if d.code == "E11.65" {
                d.rationale.text = "Diabetes documented as poorly controlled with hyperglycemia: the Index sends \"poorly controlled\" to diabetes, by type, with hyperglycemia (E11.65).".into();
            }
        }
    }
    for s in &o.svc {
        cw.service(s.code, &s.mods, s.units, get(&s.tags), why(s.why.clone(), s.rules.clone()));
    }
    for (about, code, tag, why_, rules) in &o.nc {
        cw.not_coded(about, *code, get(&[tag]), why(why_.clone(), rules.clone()));
    }
    cw.finish()
}

fn f1(x: f64) -> String {
    format!("{x:.1}")
}

fn hhmm(min: i64) -> String {
    format!("{:02}:{:02}", (min / 60) % 24, min % 60)
}

fn rn(rng: &mut Rng) -> String {
    rng.say(&["-- infusion RN", "Signed: infusion center RN", "RN, outpatient infusion", "Documented by: oncology RN"])
}

fn hier() -> Rule {
    convention("CPT drug administration hierarchy (facility): chemotherapy > therapeutic/prophylactic/diagnostic > hydration; infusion > push > injection")
}

/// Units of a drug by its HCPCS descriptor dose.
fn units_why(code: &str, dose: &str, per: &str, units: u16) -> String {
    format!("{code} is billed per {per}; {dose} given = {units} unit{}.", if units == 1 { "" } else { "s" })
}

// ---------------------------------------------------------------------------------------------------------------
// Infusion center.

/// Hydration with an antiemetic push: the push is the initial service, the hydration becomes 96361.
fn hydration(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(22, 84) as u8;
    let mut o = Opp::new("Infusion center: IV fluids and antiemetic", age, sx);
    let liters = [2, 1, 2, 1][v % 4] as u16;
    let ond = [4, 8, 4, 8][v % 4] as u16;
    let start = rng.range(8 * 60, 13 * 60);
    let hyd_min = if liters == 2 { rng.range(125, 150) } else { rng.range(65, 85) };
    let push_t = start + 5;
    let hyd_start = push_t + 10;
    let hyd_end = hyd_start + hyd_min;
    let hyd_units: u16 = if hyd_min >= 91 { 2 } else { 1 };
    let who = person(rng, age, sx);
    let reason = rng.say(&["{3|4} days of nausea and vomiting, unable to keep fluids down", "persistent vomiting for {2|3} days, poor oral intake"]);
    o.doc(DocumentKind::ProgressNote, "Outpatient Infusion Record", vec![
        t(format!("Referred by PCP for IV hydration. {who}; {reason}.")),
        t(format!("Order: NS {} mL IV over {}; ondansetron {ond} mg IV push x1.", liters * 1000, if liters == 2 { "2 h" } else { "1 h" })),
        m("dx1", "Diagnosis on order: Dehydration"),
        m("dx2", "Nausea with vomiting, cause not yet determined"),
        t(format!("Assessment: dry mucous membranes, HR {}, BP {}/{}. Weight {} kg.", rng.range(96, 114), rng.range(98, 122), rng.range(58, 76), rng.range(54, 96))),
        t(format!("PIV 22g {} forearm placed {}, flushes well.", if rng.chance(0.5) { "L" } else { "R" }, hhmm(start))),
        m("push", format!("{} ondansetron {ond} mg IV push over 2 min.", hhmm(push_t))),
        m("hyd", format!("{} NS {} mL started at {} mL/h; completed {} ({} min).", hhmm(hyd_start), liters * 1000, if liters == 2 { 1000 } else { 1000 * 60 / hyd_min.max(60) }, hhmm(hyd_end), hyd_min)),
        t(rng.say(&["Tolerated well; nausea resolved; ginger ale tolerated.", "No further emesis, tolerating PO at discharge."])),
        t(format!("PIV removed intact, {}. Discharged ambulatory.", hhmm(hyd_end + 5))),
        t(rn(rng)),
    ]);
    o.dx("E86.0", &["dx1"], "Dehydration is the reason for the IV fluids, the main service of the visit: first-listed.", vec![guideline("OCG IV.G"), guideline("OCG IV.L")]);
    o.dx("R11.2", &["dx2"], "Nausea with vomiting, no cause established, treated with ondansetron: coded as a symptom.", vec![guideline("OCG IV.D")]);
    o.s(svc("96374", &[], 1, &["push"], "By the facility hierarchy a therapeutic IV push outranks hydration, so the ondansetron push is the initial service: 96374.", vec![hier()]));
    o.s(svc("96361", &[], hyd_units, &["hyd"], format!("Hydration after a different initial service is reported with 96361 only: {hyd_min} minutes = {hyd_units} unit(s) (the first unit needs more than 30 minutes, each further unit more than 30 minutes past the hour)."), vec![hier(), convention("CPT 96360/96361 hydration time rules")]));
    o.s(svc("J2405", &[], ond, &["push"], units_why("J2405", &format!("ondansetron {ond} mg"), "1 mg", ond), vec![convention("HCPCS units per descriptor dose")]));
    o.s(svc("J7030", &[], liters, &["hyd"], units_why("J7030", &format!("{} mL normal saline", liters * 1000), "1000 cc", liters), vec![convention("HCPCS units per descriptor dose")]));
    o.nc("96360 initial hydration", Some("96360"), "hyd", "96360 is only the initial service when hydration is the sole or highest-ranked service; here the push is initial.", vec![hier()]);
    write(rng, id, o)
}

/// Ceftriaxone infusion: 96365 and J0696 by 250 mg; the diluent bag is not billed.
fn ceftriaxone(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(24, 82) as u8;
    let grams: u16 = if v % 2 == 0 { 1 } else { 2 };
    let right = rng.chance(0.5);
    let sd = if right { "right" } else { "left" };
    let (code, words, why_) = match v % 4 {
        0 => (if right { "L03.115" } else { "L03.116" }, format!("Cellulitis of {sd} lower leg"), "Cellulitis of the lower limb by side; the reason for the IV antibiotic."),
        1 => ("N10", "Acute pyelonephritis".to_string(), "Acute pyelonephritis, the reason for the IV antibiotic."),
        2 => ("J18.9", "Community-acquired pneumonia, organism not identified".to_string(), "Pneumonia without an organism: J18.9."),
        _ => (if right { "L03.113" } else { "L03.114" }, format!("Cellulitis of {sd} forearm"), "Cellulitis of the upper limb (forearm) by side."),
    };
    let mut o = Opp::new("Infusion center: daily IV antibiotic", age, sx);
    let day = rng.range(2, 4);
    let start = rng.range(8 * 60, 15 * 60);
    let dur = rng.range(30, 45);
    o.doc(DocumentKind::ProgressNote, "Infusion Center Visit", vec![
        t(format!("{}, day {day} of outpatient IV ceftriaxone per ID/PCP plan.", person(rng, age, sx))),
        m("dx", format!("Indication: {words}")),
        t(match v % 4 {
            0 | 3 => rng.say(&["Afebrile today; erythema receding from marked borders.", "Erythema and warmth improving; no new streaking."]),
            1 => rng.say(&["Afebrile today; flank pain improving, tolerating PO.", "CVA tenderness much improved; no rash or diarrhea."]),
            _ => rng.say(&["Afebrile today; cough improving, SpO2 97% RA.", "Less dyspnea, cough productive but lighter; no rash or diarrhea."]),
        }),
        t(format!("Vitals: T {}, HR {}, BP {}/{}.", f1(rng.decimal(36.5, 37.4)), rng.range(68, 92), rng.range(112, 142), rng.range(64, 86))),
        m("inf", format!("{} ceftriaxone {} g in NS 100 mL IV via PIV over {dur} min; ended {}.", hhmm(start), grams, hhmm(start + dur))),
        t("Post-infusion flush. No reaction. Next dose tomorrow."),
        t(rn(rng)),
    ]);
    o.dx(code, &["dx"], why_, vec![guideline("OCG IV.G"), guideline("OCG IV.L")]);
    o.s(svc("96365", &[], 1, &["inf"], format!("Therapeutic IV infusion of more than 15 minutes, up to 1 hour ({dur} min): 96365."), vec![hier(), convention("CPT: an infusion of 15 minutes or less is reported as a push")]));
    o.s(svc("J0696", &[], grams * 4, &["inf"], units_why("J0696", &format!("ceftriaxone {grams} g ({} mg)", grams * 1000), "250 mg", grams * 4), vec![convention("HCPCS units per descriptor dose")]));
    o.nc("saline diluent", Some("J7050"), "inf", "The 100 mL of saline is the drug's diluent, not hydration; it is not billed separately.", vec![convention("CPT: fluid used to administer a drug is incidental to the drug administration")]);
    write(rng, id, o)
}

/// Migraine infusion: ketorolac push initial, further pushes sequential, hydration after.
fn migraine_infusion(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = if rng.chance(0.8) { Sex::Female } else { Sex::Male };
    let age = rng.range(21, 55) as u8;
    let mut o = Opp::new("Infusion center: migraine rescue", age, sx);
    let start = rng.range(9 * 60, 14 * 60);
    let intract = v == 1;
    o.doc(DocumentKind::ProgressNote, "Headache Infusion Visit", vec![
        t(format!("{} sent by neurology for rescue infusion.", person(rng, age, sx))),
        m("dx", if intract { "Dx: Chronic migraine without aura, intractable (failed triptans x 3 days), without status migrainosus".to_string() } else { "Dx: Migraine without aura, not intractable, without status migrainosus".to_string() }),
        t(format!("Pain {}/10, photophobia, nausea. Neuro exam nonfocal.", rng.range(6, 9))),
        m("k", format!("{} ketorolac 30 mg IV push.", hhmm(start))),
        m("d", format!("{} dexamethasone 10 mg IV push.", hhmm(start + 6))),
        m("p", format!("{} promethazine 25 mg diluted, IV push slowly over 5 min.", hhmm(start + 12))),
        m("h", format!("{} NS 1000 mL IV hydration started, completed {} (62 min).", hhmm(start + 20), hhmm(start + 82))),
        t(format!("Pain {}/10 at discharge. Driver present.", rng.range(0, 2))),
        t(rn(rng)),
    ]);
    o.dx(if intract { "G43.719" } else { "G43.009" }, &["dx"], if intract { "Chronic migraine without aura, intractable, without status migrainosus: G43.719." } else { "Migraine without aura, not intractable, without status migrainosus: G43.009." }, vec![guideline("OCG IV.G")]);
    o.s(svc("96374", &[], 1, &["k"], "First therapeutic IV push (ketorolac): the initial service, since no infusion of a drug was given and pushes outrank hydration.", vec![hier()]));
    o.s(svc("96375", &[], 2, &["d", "p"], "Each sequential IV push of a new drug: dexamethasone and promethazine = 2 units of 96375.", vec![hier(), convention("CPT 96375 each additional sequential IV push of a new substance")]));
    o.s(svc("96361", &[], 1, &["h"], "Hydration after the initial service, 62 minutes (more than 30): one unit of 96361.", vec![hier(), convention("CPT 96360/96361 hydration time rules")]));
    o.s(svc("J1885", &[], 2, &["k"], units_why("J1885", "ketorolac 30 mg", "15 mg", 2), vec![convention("HCPCS units per descriptor dose")]));
    o.s(svc("J1100", &[], 10, &["d"], units_why("J1100", "dexamethasone 10 mg", "1 mg", 10), vec![convention("HCPCS units per descriptor dose")]));
    o.s(svc("J2550", &[], 1, &["p"], units_why("J2550", "promethazine 25 mg", "up to 50 mg", 1), vec![convention("HCPCS units per descriptor dose")]));
    o.s(svc("J7030", &[], 1, &["h"], units_why("J7030", "1000 mL normal saline", "1000 cc", 1), vec![convention("HCPCS units per descriptor dose")]));
    o.nc("nausea and photophobia", Some("R11.0"), "dx", "Symptoms integral to migraine.", vec![guideline("OCG I.B.5")]);
    write(rng, id, o)
}

/// Injections: B12, triamcinolone, filgrastim.
fn injection(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = if v == 2 { Sex::Female } else { sex(rng) };
    let age = rng.range(30, 84) as u8;
    let mut o = Opp::new("Outpatient injection visit", age, sx);
    o.diff = if v == 2 { Difficulty::Advanced } else { Difficulty::Foundation };
    let who = person(rng, age, sx);
    match v % 4 {
        0 | 3 => {
            o.doc(DocumentKind::ProgressNote, "Injection Clinic Note", vec![
                t(format!("{who} for monthly B12 injection.")),
                m("dx", "Pernicious anemia (B12 deficiency due to intrinsic factor deficiency)"),
                t(format!("Last B12 level {} pg/mL on replacement; Hgb {}.", rng.range(320, 610), f1(rng.decimal(11.6, 13.8)))),
                m("inj", format!("Cyanocobalamin 1000 mcg IM {} deltoid. Lot recorded.", if rng.chance(0.5) { "left" } else { "right" })),
                t("No reaction after 15 min. Next dose in 4 weeks."),
                t(rn(rng)),
            ]);
            o.dx("D51.0", &["dx"], "Pernicious anemia is vitamin B12 deficiency anemia due to intrinsic factor deficiency: D51.0.", vec![guideline("OCG IV.L")]);
            o.s(svc("96372", &[], 1, &["inj"], "Therapeutic intramuscular injection: 96372.", vec![hier()]));
            o.s(svc("J3420", &[], 1, &["inj"], units_why("J3420", "cyanocobalamin 1000 mcg", "up to 1000 mcg", 1), vec![convention("HCPCS units per descriptor dose")]));
        }
        1 => {
            o.doc(DocumentKind::ProgressNote, "Allergy Clinic Injection Note", vec![
                t(format!("{who} with seasonal symptoms not controlled on intranasal steroid and antihistamine.")),
                m("dx", "Seasonal allergic rhinitis due to pollen, uncontrolled this season"),
                m("inj", "Triamcinolone acetonide (Kenalog) 40 mg IM, right gluteal."),
                t("Observed 20 minutes, no reaction."),
                t(rn(rng)),
            ]);
            o.dx("J30.1", &["dx"], "Allergic rhinitis due to pollen: J30.1.", vec![guideline("OCG IV.L")]);
            o.s(svc("96372", &[], 1, &["inj"], "Therapeutic intramuscular injection: 96372.", vec![hier()]));
            o.s(svc("J3301", &[], 4, &["inj"], units_why("J3301", "triamcinolone acetonide 40 mg", "10 mg", 4), vec![convention("HCPCS units per descriptor dose")]));
        }
        _ => {
            let mcg = *rng.pick(&[300u16, 480]);
            o.doc(DocumentKind::ProgressNote, "Oncology Infusion Center - Injection", vec![
                t(format!("{who} with right breast cancer, cycle 2 day 10 of docetaxel-cyclophosphamide.")),
                m("n", format!("CBC drawn at the oncology office this morning: WBC 1.1, ANC {} - neutropenia due to chemotherapy per oncologist.", rng.range(300, 900))),
                m("ca", "Malignant neoplasm of right breast, upper-outer quadrant, on active chemotherapy"),
                m("inj", format!("Filgrastim {mcg} mcg subcutaneous, abdomen, per oncology order.")),
                t("Afebrile, no infection signs. Neutropenic precautions reviewed."),
                t(rn(rng)),
            ]);
            o.dx("D70.1", &["n"], "The visit treats the chemotherapy-induced neutropenia (agranulocytosis secondary to cancer chemotherapy), so it is first-listed; the drug and the cancer follow as its notes instruct.", vec![guideline("OCG IV.G"), guideline("OCG I.C.2.c"), tabular("D70.1 Code also underlying neoplasm; use additional code for adverse effect (T45.1X5)")]);
            o.dx("T45.1X5A", &["n"], "Adverse effect of antineoplastic drugs properly given.", vec![guideline("OCG I.C.19.e.5.a")]);
            o.dx("C50.411", &["ca"], "Malignant neoplasm of the upper-outer quadrant of the right female breast, under active treatment.", vec![guideline("OCG I.C.2")]);
            o.s(svc("96372", &[], 1, &["inj"], "Subcutaneous therapeutic injection: 96372.", vec![hier()]));
            o.s(svc("J1442", &[], mcg, &["inj"], units_why("J1442", &format!("filgrastim {mcg} mcg"), "1 microgram", mcg), vec![convention("HCPCS units per descriptor dose")]));
        }
    }
    write(rng, id, o)
}

/// Chemotherapy: Z51.11 then the cancer; 96413/96415/96417 and the premedication pushes.
fn chemo(rng: &mut Rng, id: String, v: usize) -> Case {
    let (sx, code, site, regimen) = match v % 4 {
        0 => (Sex::Female, "C56.1", "Malignant neoplasm of right ovary (high-grade serous)", ("paclitaxel", 180, "carboplatin", 30)),
        1 => (sex(rng), "C34.11", "Adenocarcinoma of right upper lobe of lung", ("paclitaxel", 180, "carboplatin", 30)),
        2 => (Sex::Female, "C50.411", "Malignant neoplasm of right breast, upper-outer quadrant, ER+", ("docetaxel", 60, "cyclophosphamide", 45)),
        _ => (sex(rng), "C18.7", "Adenocarcinoma of sigmoid colon, stage III, post resection", ("oxaliplatin", 120, "leucovorin", 120)),
    };
    let age = rng.range(38, 63) as u8;
    let mut o = Opp::new("Infusion center: chemotherapy", age, sx);
    o.diff = Difficulty::Advanced;
    let (d1, m1, d2, m2) = regimen;
    let concurrent = v % 4 == 3;
    let start = rng.range(8 * 60, 10 * 60);
    let ond = 8u16;
    let dex = if v % 4 == 2 { 8u16 } else { 12 };
    let c1 = start + 25;
    let c1e = c1 + m1 as i64;
    let who = person(rng, age, sx);
    let cycle = rng.range(2, 6);
    let mut lines = vec![
        t(format!("{who}, cycle {cycle} day 1. Payer: commercial PPO with a specialty-pharmacy mandate for oncology drugs.")),
        m("ca", format!("Diagnosis: {site}")),
        m("z", format!("Here for scheduled chemotherapy: {d1}{} per oncology protocol.", if concurrent { format!(" with {d2} given concurrently") } else { format!(" then {d2}") })),
        t(format!("Labs from the oncology office yesterday: ANC {}, Plt {}, Cr {} - OK to treat per oncologist.", rng.range(1600, 4200), rng.range(140, 310), f1(rng.decimal(0.6, 1.1)))),
        t(format!("Oncology drugs ({d1}, {d2}) dispensed by the plan's specialty pharmacy for this patient (white-bagged), delivered to the infusion pharmacy and billed by the specialty pharmacy; hospital stock used: premedications and the KVO saline only.")),
        t(format!("{} port accessed; NS 250 mL KVO running throughout.", hhmm(start))),
        m("o", format!("{} ondansetron {ond} mg IV push.", hhmm(start + 5))),
        m("dx", format!("{} dexamethasone {dex} mg IV push.", hhmm(start + 10))),
        m("c1", format!("{} {d1} IV infusion started; completed {} ({m1} min).", hhmm(c1), hhmm(c1e))),
    ];
    let mut svcs = Vec::new();
    let addl = if m1 > 90 { ((m1 - 60 + 29) / 60) as u16 } else { 0 };
    svcs.push(svc("96413", &[], 1, &["c1"], format!("Chemotherapy IV infusion, up to 1 hour: the initial service ({d1}), which outranks everything else in the facility hierarchy."), vec![hier(), convention("CPT 96413 chemotherapy administration, IV infusion, initial, up to 1 hour")]));
    if addl > 0 {
        svcs.push(svc("96415", &[], addl, &["c1"], format!("{d1} ran {m1} minutes: each additional hour beyond the first (more than 30 minutes into it) = {addl} unit(s) of 96415."), vec![convention("CPT 96415 chemotherapy infusion, each additional hour")]));
    }
    if concurrent {
        lines.push(m("c2", format!("{} {d2} IV infusion through a separate port of the same line, concurrent with {d1}, {m2} min.", hhmm(c1))));
    } else {
        lines.push(m("c2", format!("{} {d2} IV infusion started; completed {} ({m2} min).", hhmm(c1e + 3), hhmm(c1e + 3 + m2 as i64))));
        svcs.push(svc("96417", &[], 1, &["c2"], format!("A second chemotherapy drug ({d2}) infused sequentially, up to 1 hour: 96417."), vec![convention("CPT 96417 each additional sequential chemotherapy infusion, up to 1 hour")]));
    }
    lines.push(t(rng.say(&["Tolerated without reaction. Port flushed and heparin-locked. RTC 3 weeks.", "No hypersensitivity. Discharged ambulatory; antiemetics at home reviewed."])));
    lines.push(t(rn(rng)));
    o.doc(DocumentKind::ProgressNote, "Chemotherapy Administration Record", lines);
    o.dx("Z51.11", &["z"], "An encounter solely for antineoplastic chemotherapy lists Z51.11 first, then the cancer.", vec![guideline("OCG I.C.2.e.2"), guideline("OCG IV.L")]);
    o.dx(code, &["ca"], "The malignancy being treated, after Z51.11.", vec![guideline("OCG I.C.2.e.2")]);
    if code == "C50.411" {
        o.dx("Z17.0", &["ca"], "Estrogen receptor positive (ER+), the only receptor documented: the C50 note asks for the receptor status, one Z17 code for each receptor documented.", vec![tabular("C50 Use additional code to identify receptor status (Z17.-)"), tabular("Z17 Use one code, as available, for each receptor")]);
    }
    for s in svcs {
        o.s(s);
    }
    o.s(svc("96375", &[], 2, &["o", "dx"], "The premedications were pushed before the chemotherapy, but the facility hierarchy makes the chemotherapy infusion the initial service regardless of order; each push of a new drug is then a sequential IV push, 96375 (ondansetron, dexamethasone = 2 units).", vec![hier(), convention("CPT 96375 sequential IV push of a new substance")]));
    o.s(svc("J2405", &[], ond, &["o"], units_why("J2405", &format!("ondansetron {ond} mg"), "1 mg", ond), vec![convention("HCPCS units per descriptor dose")]));
    o.s(svc("J1100", &[], dex, &["dx"], units_why("J1100", &format!("dexamethasone {dex} mg"), "1 mg", dex), vec![convention("HCPCS units per descriptor dose")]));
    if concurrent {
        o.s(svc("96368", &[], 1, &["c2"], "Leucovorin is not a chemotherapy agent; infused at the same time as the oxaliplatin through the same line it is a concurrent infusion: 96368.", vec![hier(), convention("CPT 96368 concurrent infusion")]));
        o.nc("sequential chemotherapy infusion", Some("96417"), "c2", "Leucovorin ran at the same time as the oxaliplatin, not after it, and it is not chemotherapy: 96417 does not apply.", vec![hier()]);
    }
    o.nc("KVO saline", Some("96361"), "c1", "Saline run to keep the line open is incidental to the drug administration; it is neither hydration nor a billable fluid.", vec![convention("CPT: fluid used to administer drugs or keep a line open is not separately reported")]);
    o.nc("chemotherapy drug supply", None, "z", "The chemotherapy drugs were dispensed and billed by the specialty pharmacy (white bagging); the hospital reports only what it supplied and administered.", vec![edit("OPPS: the provider reports only the drugs it furnishes")]);
    write(rng, id, o)
}

/// Outpatient transfusion: the sequencing of anemia with cancer (OCG I.C.2.c.1 and I.C.2.c.2).
fn transfusion(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(45, 86) as u8;
    let mut o = Opp::new("Outpatient blood transfusion", age, sx);
    o.diff = Difficulty::Advanced;
    let units = if v == 0 { 2u16 } else { 1 };
    let hgb = rng.decimal(6.4, 7.6);
    let start = rng.range(8 * 60, 11 * 60);
    let cancer_lines = if v == 0 {
        vec![m("ca", "Adenocarcinoma of lung, followed by oncology, no chemotherapy or radiation in the past 6 months"), m("an", format!("Anemia in neoplastic disease (Hgb {}), symptomatic fatigue", f1(hgb)))]
    } else {
        vec![m("an", format!("Anemia due to antineoplastic chemotherapy, Hgb {}", f1(hgb))), m("ca", "Malignant neoplasm of sigmoid colon, on FOLFOX (last dose 9 days ago)")]
    };
    let mut lines = vec![t(format!("{} for transfusion per oncology.", person(rng, age, sx)))];
    lines.extend(cancer_lines);
    lines.extend(vec![
        m("tc", "Type and screen (ABO, Rh, antibody screen) on the sample drawn from the new PIV at insertion; antibody screen negative."),
        m("xm", format!("Crossmatch x{units} unit(s), immediate spin, compatible.")),
        m("tx", format!("{} transfusion of {units} unit(s) leukoreduced PRBC started via PIV; {} completed. Vitals stable pre/15 min/post, no reaction.", hhmm(start), hhmm(start + 150 * units as i64))),
        t(rn(rng)),
    ]);
    o.doc(DocumentKind::ProgressNote, "Transfusion Record", lines);
    if v == 0 {
        o.dx("C34.90", &["ca"], "Lung adenocarcinoma with no lobe or side documented: C34.90. Anemia associated with the malignancy: the malignancy is sequenced first, then D63.0 (the code-first note of D63.0), even though the transfusion treats the anemia.", vec![guideline("OCG I.C.2.c.1"), tabular("D63.0 Code first neoplasm (C00-D49)")]);
        o.dx("D63.0", &["an"], "Anemia in neoplastic disease, after the neoplasm.", vec![guideline("OCG I.C.2.c.1")]);
    } else {
        o.dx("D64.81", &["an"], "Anemia from chemotherapy, treated alone: the anemia is first-listed, then the neoplasm and the adverse effect.", vec![guideline("OCG I.C.2.c.2")]);
        o.dx("C18.7", &["ca"], "The malignancy under treatment.", vec![guideline("OCG I.C.2.c.2")]);
        o.dx("T45.1X5A", &["an"], "Adverse effect of the antineoplastic drugs.", vec![guideline("OCG I.C.2.c.2"), guideline("OCG I.C.19.e.5.a")]);
    }
    o.s(svc("36430", &[], 1, &["tx"], "Transfusion of blood or blood components: 36430, once per encounter however many units.", vec![convention("CPT 36430 transfusion, blood or blood components")]));
    o.s(svc("P9016", &[], units, &["tx"], format!("The facility bills each unit of leukocyte-reduced red cells transfused with its blood-product code: P9016 x{units} (one per unit, with the blood revenue code), beside the administration (36430)."), vec![convention("HCPCS P9016 red blood cells, leukocytes reduced, each unit")]));
    o.s(svc("86900", &[], 1, &["tc"], "ABO blood typing on the pre-transfusion sample: 86900.", vec![convention("CPT blood bank codes")]));
    o.s(svc("86901", &[], 1, &["tc"], "Rh(D) typing on the pre-transfusion sample: 86901.", vec![convention("CPT blood bank codes")]));
    o.s(svc("86850", &[], 1, &["tc"], "RBC antibody screen (negative): 86850.", vec![convention("CPT blood bank codes")]));
    o.s(svc("86920", &[], units, &["xm"], format!("Immediate-spin crossmatch, per unit crossmatched: {units}."), vec![convention("CPT blood bank codes")]));
    write(rng, id, o)
}

// ---------------------------------------------------------------------------------------------------------------
// Procedures.

fn paracentesis(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(42, 78) as u8;
    let mut o = Opp::new("Interventional radiology: paracentesis", age, sx);
    let liters = f1(rng.decimal(2.5, 4.8));
    let alcoholic = v != 1;
    let active = v == 2;
    let site = *rng.pick(&["left lower quadrant", "right lower quadrant"]);
    let needle = *rng.pick(&["5 Fr Yueh catheter", "6 Fr centesis catheter", "15-gauge needle-catheter"]);
    let color = *rng.pick(&["straw-colored", "clear yellow", "slightly cloudy amber"]);
    let hrs = rng.range(2, 4);
    let first = format!("{} referred by hepatology for large-volume paracentesis.", person(rng, age, sx));
    o.doc(DocumentKind::OperativeNote, if v == 0 { "IR Procedure Note - Paracentesis" } else { "Procedure Note: Therapeutic Paracentesis" }, vec![
        t(rng.say(&[&first, "Outpatient referred from GI clinic for {recurrent|symptomatic} ascites; last tap {2|3} weeks ago."])),
        m("dx", if !alcoholic { "Indication: Cirrhosis of liver (cryptogenic), with tense ascites" } else if active { "Dx: alcoholic cirrhosis with ascites, abdominal distension and early satiety" } else { "Indication: Alcoholic cirrhosis of liver with ascites" }),
        if !alcoholic { t("Hepatitis panel and autoimmune workup negative; no alcohol use.") } else if active { m("etoh", "Alcohol dependence, still drinking about 4 beers daily; counseled, referred to addiction medicine.") } else { m("etoh", "Alcohol dependence in sustained remission; abstinent 2 years.") },
        t(rng.say(&["Time-out performed. Ultrasound of the abdomen: large ascites; pocket marked.", "Consent signed; universal protocol. US survey shows a large-volume ascites with a safe window.", "Pre-procedure INR and platelets reviewed. Ultrasound confirmed a deep fluid pocket."])),
        m("proc", format!("Ultrasound-guided paracentesis, {site}, {needle}; {liters} L {color} fluid removed; images stored.")),
        t(rng.say(&["Volume under 5 L: no albumin replacement indicated. Fluid to the outside reference laboratory (cell count, albumin), which bills for the tests.", "Under 5 L removed, so no IV albumin per hepatology protocol. Fluid for cell count and culture sent to the reference lab (billed by the lab).", "No complications; site dressed. No albumin needed for this volume; no fluid studies requested this time."])),
        m("obs", format!("{} {hrs} h per routine post-procedure protocol; discharged stable.", rng.say(&["Monitored in recovery", "Routine recovery with vitals q30 min for", "Post-procedure monitoring"]))),
        t(rng.say(&["-- interventional radiologist", "Signed: IR attending", "-- performing physician, radiology"])),
    ]);
    if alcoholic {
        o.dx("K70.31", &["dx"], "Alcoholic cirrhosis with ascites is one combination code, K70.31; the ascites is not coded separately.", vec![guideline("OCG IV.G"), guideline("OCG I.B.9")]);
        if active {
            o.dx("F10.20", &["etoh"], "K70 asks for the alcohol use status: current alcohol dependence without a documented complication, F10.20.", vec![tabular("K70 Use additional code to identify alcohol abuse and dependence (F10.-)")]);
        } else {
            o.dx("F10.21", &["etoh"], "K70 asks for the alcohol use status: dependence in remission, F10.21.", vec![tabular("K70 Use additional code to identify alcohol abuse and dependence (F10.-)")]);
        }
        o.nc("ascites", Some("R18.8"), "dx", "Included in K70.31 (alcoholic cirrhosis of liver with ascites).", vec![guideline("OCG I.B.5")]);
    } else {
        o.dx("K74.69", &["dx"], "Cryptogenic cirrhosis is an inclusion term of K74.69, other cirrhosis of liver (not K74.60, unspecified cirrhosis).", vec![guideline("OCG IV.G"), tabular("K74.69 inclusion term: cryptogenic cirrhosis (of liver)")]);
        o.dx("R18.8", &["dx"], "K74.69 does not include ascites, so the ascites (other ascites, R18.8) is coded too; the paracentesis treats it.", vec![guideline("OCG I.B.6")]);
    }
    o.s(svc("49083", &[], 1, &["proc"], "Abdominal paracentesis with imaging guidance: 49083 (the ultrasound guidance is included; 76942 is not reported with it).", vec![convention("CPT 49083 paracentesis with imaging guidance"), edit("NCCI PTP: 76942 bundled into 49083")]));
    o.nc("observation hours", Some("G0378"), "obs", "The hours were the routine recovery that follows the procedure, ordered by protocol, not an order for observation care: recovery is part of the procedure, and G0378 hours are neither reported nor billable.", vec![edit("Medicare Claims Processing Manual ch. 4 sec. 290.2.2: postoperative monitoring during a standard recovery period is not observation")]);
    write(rng, id, o)
}

fn thoracentesis(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(48, 86) as u8;
    let right = rng.chance(0.6);
    let sd = if right { "right" } else { "left" };
    let mut o = Opp::new("Outpatient procedure: thoracentesis", age, sx);
    o.diff = Difficulty::Advanced;
    let ml = rng.range(700, 1500);
    let indic = match v {
        0 => format!("New {sd} pleural effusion, etiology under evaluation (possible malignancy vs infection) - diagnostic and therapeutic tap"),
        1 => format!("Malignant {sd} pleural effusion from known lung adenocarcinoma"),
        _ => format!("{} pleural effusion due to chronic systolic heart failure, refractory to diuretics", if right { "Right" } else { "Left" }),
    };
    let mut lines = vec![t(format!("{} referred by pulmonology.", person(rng, age, sx))), m("dx", format!("Indication: {indic}"))];
    if v == 1 {
        lines.push(m("ca", "Primary: adenocarcinoma of lung, on immunotherapy"));
    }
    if v == 2 {
        lines.push(m("hf", format!("Chronic HFrEF, EF {}%, on GDMT", rng.range(25, 35))));
    }
    lines.extend(vec![
        t("Consent. Time-out. Ultrasound: moderate-large free-flowing effusion; site marked posterior 8th ICS."),
        m("proc", format!("Ultrasound-guided {sd} thoracentesis with 8 Fr catheter; {ml} mL {} fluid removed; catheter removed.", if v == 2 { "clear straw-colored" } else { "serosanguinous" })),
        t("Post-procedure ultrasound: lung sliding present, no pneumothorax. Fluid (cell count, LDH, protein, cytology) sent to the outside reference laboratory, which bills for the tests."),
        t("-- pulmonologist"),
    ]);
    o.doc(DocumentKind::OperativeNote, "Procedure Note - Thoracentesis", lines);
    match v {
        0 => {
            o.dx("J90", &["dx"], "Pleural effusion with the cause still under evaluation: J90. The possible malignancy is not coded (uncertain diagnosis, outpatient).", vec![guideline("OCG IV.H"), guideline("OCG IV.G")]);
            o.nc("possible malignancy", Some("J91.0"), "dx", "An uncertain diagnosis is not coded in the outpatient setting.", vec![guideline("OCG IV.H")]);
        }
        1 => {
            o.dx("C34.90", &["ca"], "The malignant effusion's code J91.0 says code first the underlying neoplasm: lung cancer, site within the lung not stated (C34.90).", vec![tabular("J91.0 Code first underlying neoplasm")]);
            o.dx("J91.0", &["dx"], "Malignant pleural effusion, after the neoplasm; it is the reason for the tap but a manifestation code cannot be first.", vec![tabular("J91.0 Code first underlying neoplasm"), guideline("OCG I.A.13")]);
        }
        _ => {
            o.dx("I50.22", &["hf"], "Heart failure, the underlying condition of the effusion, comes first as J91.8 instructs: chronic systolic heart failure (HFrEF), I50.22.", vec![tabular("J91.8 Code first underlying disease"), guideline("OCG I.A.13")]);
            o.dx("J91.8", &["dx"], "Pleural effusion in a condition classified elsewhere (heart failure): J91.8. (Effusion in heart failure is often integral and not coded, but it is coded when specifically treated, as by this thoracentesis.)", vec![tabular("J91.8 Code first underlying disease")]);
        }
    }
    o.s(svc("32555", &[], 1, &["proc"], "Thoracentesis (needle or catheter aspiration, catheter not left in place) with imaging guidance: 32555; the ultrasound guidance is included.", vec![convention("CPT 32554/32555 thoracentesis without/with imaging guidance")]));
    write(rng, id, o)
}

/// Wound care: selective debridement (97597/97598) vs debridement of subcutaneous tissue (11042/11045), by area.
fn wound(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(52, 86) as u8;
    let mut o = Opp::new("Wound care center: debridement", age, sx);
    o.diff = Difficulty::Advanced;
    let (l, w) = [(5.2, 3.1), (6.5, 4.8), (3.4, 2.2), (7.0, 6.2), (4.1, 3.0)][v % 5];
    let area = ((l * w) * 10.0_f64).round() / 10.0;
    let subq = v % 2 == 0;
    let first = 1u16;
    let extra = ((area - 20.0) / 20.0).ceil().max(0.0) as u16;
    let (dxs, depth_word): (Vec<(&'static str, &'static str, String)>, &str) = match v % 3 {
        0 => (vec![("E11.621", "dx", "Type 2 diabetes with foot ulcer: E11.621 comes first and the ulcer site and depth are added.".into()), ("L97.412", "dx", "Non-pressure chronic ulcer of the right heel and midfoot with fat layer exposed: L97.412.".into())], "fat layer exposed"),
        1 => (vec![("I83.013", "dx", "Varicose veins of the right leg with ulcer of the ankle: I83.013, then the ulcer depth code.".into()), ("L97.312", "dx", "Non-pressure chronic ulcer of the right ankle with fat layer exposed: L97.312 (use additional code for the ulcer).".into())], "fat layer exposed"),
        _ => (vec![("L89.153", "dx", "Pressure ulcer of the sacral region, stage 3: L89.153 (the stage is documented).".into())], "stage 3, full thickness into subcutaneous fat"),
    };
    let dx_line = match v % 3 {
        0 => "Diabetic foot ulcer, right heel, type 2 diabetes; non-pressure chronic ulcer with fat layer exposed".to_string(),
        1 => "Venous stasis ulcer of right medial ankle due to varicose veins of right lower extremity; chronic ulcer with fat layer exposed".to_string(),
        _ => "Pressure injury, sacrum, stage 3".to_string(),
    };
    let proc = if subq {
        format!("Excisional debridement with curette and scissors of devitalized tissue down to and including subcutaneous tissue; area debrided {l} x {w} cm = {} sq cm.", f1(area))
    } else {
        format!("Selective debridement with forceps and scissors of slough and fibrin from the wound surface (epidermis/dermis only, no subcutaneous tissue removed); area {l} x {w} cm = {} sq cm.", f1(area))
    };
    o.doc(DocumentKind::ProgressNote, "Wound Care Center Visit", vec![
        t(format!("{}, week {} of wound care.", person(rng, age, sx), rng.range(2, 9))),
        m("dx", dx_line),
        t(format!("Wound: {l} x {w} x {} cm, {depth_word}; {}% slough; moderate serous drainage; no cellulitis.", f1(rng.decimal(0.2, 0.6)), rng.range(30, 70))),
        m("proc", proc),
        match v % 3 {
            0 => t(rng.say(&["Hemostasis with pressure. Dressing: alginate + foam. Offloading boot reviewed.", "Silver alginate, bordered foam; offloading shoe continued."])),
            1 => m("wrap", rng.say(&["Hemostasis with pressure. Dressing: alginate + foam under a multilayer compression wrap reapplied to the right lower leg.", "Silver alginate, bordered foam; multilayer compression wrap reapplied, right lower leg."])),
            _ => t(rng.say(&["Hemostasis with pressure. Dressing: alginate + bordered foam. Turning schedule and support surface reviewed.", "Silver alginate, sacral bordered foam; repositioning every 2 hours reviewed."])),
        },
        t("-- wound care physician"),
    ]);
    if v % 3 == 0 {
        o.prof = None;
    }
    for (c, tag, why_) in dxs {
        let rules = match c {
            "L89.153" => vec![guideline("OCG IV.G"), guideline("OCG I.C.12.a")],
            "E11.621" => vec![guideline("OCG IV.G"), tabular("E11.621 Use additional code to identify site of ulcer (L97.4-, L97.5-)")],
            "I83.013" => vec![guideline("OCG IV.G"), tabular("I83.0 Use additional code to identify severity of ulcer (L97.-)")],
            _ => vec![guideline("OCG IV.G"), tabular("L97 Code first any associated underlying condition")],
        };
        o.dx(c, &[tag], why_, rules);
    }
    if v % 3 == 1 {
        o.nc("multilayer compression wrap after the debridement", Some("29581"), "wrap", "The compression wrap is the dressing applied over the debrided ulcer on the same leg at the same session. NCCI does not allow casting/strapping codes for a dressing applied after a therapeutic procedure, and its procedure-to-procedure edits bundle 29581 (column 2) into the debridement codes (column 1) when both are done on the same extremity, so the facility does not bill 29581 with the debridement.", vec![edit("NCCI Policy Manual ch. IV (casting/splinting/strapping after a procedure)"), edit("NCCI PTP")]);
    }
    let (c1, c2, what) = if subq { ("11042", "11045", "ebridement of subcutaneous tissue (deepest level removed)") } else { ("97597", "97598", "elective debridement of epidermis/dermis") };
    let cap = if subq { "D" } else { "S" };
    o.s(svc(c1, &[], first, &["proc"], format!("{}{}, first 20 sq cm or less: {c1}. The depth of tissue removed, not the wound depth, picks the code family.", cap, what), vec![convention("CPT debridement: code by deepest tissue removed and total surface area")]));
    if extra > 0 {
        o.s(svc(c2, &[], extra, &["proc"], format!("Area {} sq cm: each additional 20 sq cm or part = {extra} unit(s) of {c2}.", f1(area)), vec![convention("CPT debridement: code by deepest tissue removed and total surface area")]));
    }
    write(rng, id, o)
}

/// Physical therapy evaluations by complexity, with timed exercise by the 8-minute rule.
fn pt_eval(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(65, 86) as u8;
    let mut o = Opp::new("Outpatient physical therapy evaluation", age, sx);
    let (code, level, cx) = match v % 3 {
        0 => ("97161", "low", "History: no personal factors or comorbidities affecting the plan. Exam: 2 elements (body structures/functions, activity limitations). Presentation: stable. Decision making: low complexity using a standardized outcome tool."),
        1 => ("97162", "moderate", "History: 1-2 personal factors/comorbidities affecting the plan. Exam: 3 elements. Presentation: evolving with changing characteristics. Decision making: moderate complexity."),
        _ => ("97163", "high", "History: 3 or more personal factors/comorbidities affecting the plan. Exam: 4 or more elements. Presentation: unstable and unpredictable. Decision making: high complexity."),
    };
    let (dx_line, dxc): (String, Vec<(&'static str, &'static str)>) = match v % 5 {
        0 => ("Referral dx: aftercare following right total knee arthroplasty (3 weeks post-op)".into(), vec![("Z47.1", "Aftercare following joint replacement surgery, first-listed for post-operative rehabilitation."), ("Z96.651", "Presence of right artificial knee joint, as Z47.1 instructs.")]),
        1 => ("Referral dx: impingement syndrome of right shoulder".into(), vec![("M75.41", "Impingement syndrome of the right shoulder, the condition treated.")]),
        2 => ("Referral dx: acute low back pain without sciatica, no injury".into(), vec![("M54.50", "Low back pain, unspecified (no injury, no sciatica): M54.50.")]),
        3 => ("Referral dx: unilateral primary osteoarthritis, right knee".into(), vec![("M17.11", "Primary osteoarthritis of the right knee: M17.11.")]),
        _ => ("Referral dx: right ankle sprain, now in rehabilitation (subsequent encounter)".into(), vec![("S93.401D", "Ankle sprain in the healing/recovery phase: 7th character D (subsequent encounter) for rehabilitation.")]),
    };
    let ex_min = rng.range(8, 37);
    let ex_units: u16 = if ex_min >= 23 { 2 } else { 1 };
    o.doc(DocumentKind::Assessment, "Physical Therapy Initial Evaluation", vec![
        t(format!("Payer: Medicare Part B. {} referred for PT.", person(rng, age, sx))),
        m("dx", dx_line),
        t(format!("Subjective: pain {}/10, difficulty with stairs and prolonged standing.", rng.range(3, 7))),
        t(format!("Objective: ROM and strength deficits measured; {} score {}.", ["LEFS", "QuickDASH", "Oswestry (ODI)", "LEFS", "LEFS"][v % 5], rng.range(28, 61))),
        m("cx", format!("Evaluation complexity: {level}. {cx}")),
        m("ex", format!("Therapeutic exercise instructed and performed today: {ex_min} minutes (HEP issued).")),
        t("Plan: 2x/week for 6 weeks. Goals set."),
        t("-- physical therapist, DPT"),
    ]);
    for (c, w_) in dxc {
        o.dx(c, &["dx"], w_, vec![guideline("OCG IV.L"), guideline("OCG IV.G")]);
    }
    o.s(svc(code, &["GP"], 1, &["cx"], format!("PT evaluation of {level} complexity by the documented history, exam, presentation and decision making: {code}; GP marks a service under a physical therapy plan of care."), vec![convention("CPT 97161-97163 PT evaluation complexity"), convention("CMS therapy modifier GP")]));
    o.s(svc("97110", &["GP"], ex_units, &["ex"], format!("Therapeutic exercise, timed 15-minute units: {ex_min} minutes = {ex_units} unit(s) by the 8-minute rule (8-22 min = 1, 23-37 = 2)."), vec![convention("CMS 8-minute rule for timed therapy codes"), convention("CMS therapy modifier GP")]));
    write(rng, id, o)
}

// ---------------------------------------------------------------------------------------------------------------
// Imaging.

fn mammo(rng: &mut Rng, id: String, v: usize) -> Case {
    let age = rng.range(42, 79) as u8;
    let mut o = Opp::new("Breast imaging", age, Sex::Female);
    o.diff = Difficulty::Foundation;
    match v % 5 {
        0 | 1 => {
            let tomo = rng.chance(0.5);
            o.doc(DocumentKind::RadiologyReport, "Screening Mammogram", vec![
                m("ind", if tomo { "EXAM: Bilateral screening mammogram with tomosynthesis and CAD. Indication: routine annual screening, asymptomatic." } else { "EXAM: Bilateral 2D screening mammogram (CC and MLO views) with CAD. Indication: routine annual screening, asymptomatic." }),
                t(format!("Breast density: {}.", rng.pick(&["scattered fibroglandular densities (B)", "almost entirely fatty (A)"]))),
                m("f", "FINDINGS: No suspicious mass, calcifications or architectural distortion."),
                t("IMPRESSION: BI-RADS 1, negative. Routine screening in 1 year."),
                t("-- breast radiologist"),
            ]);
            o.dx("Z12.31", &["ind"], "Screening mammogram of an asymptomatic woman with a negative result: Z12.31 alone.", vec![guideline("OCG I.C.21.c.5")]);
            o.s(svc("77067", &[], 1, &["ind"], "Screening mammography, bilateral (2-view each breast), including CAD: 77067.", vec![convention("CPT 77067 screening mammography bilateral")]));
            if tomo {
                o.s(svc("77063", &[], 1, &["ind"], "Screening digital breast tomosynthesis, bilateral, add-on to 77067.", vec![convention("CPT 77063 screening tomosynthesis add-on")]));
            }
        }
        2 => {
            o.doc(DocumentKind::RadiologyReport, "Screening Mammogram", vec![
                m("ind", "EXAM: Bilateral screening mammogram. Indication: annual screening, no complaints."),
                m("f", "FINDINGS: New focal asymmetry in the right breast upper outer quadrant on CC and MLO views."),
                t("IMPRESSION: BI-RADS 0 - incomplete; additional diagnostic views and ultrasound recommended."),
                t("-- breast radiologist"),
            ]);
            o.dx("Z12.31", &["ind"], "The visit was a screening: Z12.31 stays first-listed even when a finding is made.", vec![guideline("OCG I.C.21.c.5")]);
            o.dx("R92.8", &["f"], "The inconclusive finding (focal asymmetry needing more imaging) is added as a secondary code: other abnormal and inconclusive findings on diagnostic imaging of breast, R92.8.", vec![guideline("OCG I.C.21.c.5"), guideline("OCG IV.K")]);
            o.s(svc("77067", &[], 1, &["ind"], "Screening mammography, bilateral: 77067.", vec![convention("CPT 77067 screening mammography bilateral")]));
        }
        3 => {
            o.doc(DocumentKind::RadiologyReport, "Diagnostic Mammogram and Ultrasound", vec![
                m("ind", "Indication: palpable lump right breast, upper outer quadrant, noted by patient 2 weeks ago."),
                t("EXAM: Right diagnostic mammogram; targeted right breast ultrasound."),
                m("f", "FINDINGS: At the palpable site, 1.4 cm anechoic circumscribed mass with posterior enhancement: simple cyst. No solid component."),
                t("IMPRESSION: Benign simple cyst right breast corresponding to the palpable lump. BI-RADS 2."),
                t("-- breast radiologist"),
            ]);
            o.dx("N60.01", &["f"], "The radiologist's confirmed finding explains the lump: solitary cyst of the right breast, N60.01; the lump is not coded.", vec![guideline("OCG IV.K")]);
            o.nc("breast lump", Some("N63.11"), "ind", "Once the interpretation gives a definitive diagnosis, the symptom that prompted the study is not coded.", vec![guideline("OCG IV.K")]);
            o.s(svc("77065", &["RT"], 1, &["ind"], "Diagnostic mammography, unilateral: 77065 with RT.", vec![convention("CPT 77065 diagnostic mammography unilateral")]));
            o.s(svc("76642", &["RT"], 1, &["f"], "Limited (targeted) breast ultrasound, unilateral: 76642 with RT.", vec![convention("CPT 76641/76642 breast ultrasound complete/limited")]));
        }
        _ => {
            o.doc(DocumentKind::RadiologyReport, "Diagnostic Mammogram", vec![
                m("ind", "Indication: lump in right breast upper outer quadrant felt by patient; referred by PCP."),
                t("EXAM: Right diagnostic mammogram with spot compression; targeted ultrasound."),
                m("f", "FINDINGS: No mammographic or sonographic abnormality at the palpable site; normal fibroglandular tissue."),
                t("IMPRESSION: No imaging correlate for the palpable finding. BI-RADS 1. Clinical follow-up."),
                t("-- breast radiologist"),
            ]);
            o.dx("N63.11", &["ind"], "The study is normal, so the sign that prompted it is coded: lump in the right breast, upper outer quadrant, N63.11.", vec![guideline("OCG IV.K"), guideline("OCG IV.D")]);
            o.s(svc("77065", &["RT"], 1, &["ind"], "Diagnostic mammography, unilateral: 77065 with RT.", vec![convention("CPT 77065 diagnostic mammography unilateral")]));
            o.s(svc("76642", &["RT"], 1, &["f"], "Limited breast ultrasound, unilateral: 76642 with RT.", vec![convention("CPT 76641/76642 breast ultrasound complete/limited")]));
        }
    }
    write(rng, id, o)
}

fn imaging(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = sex(rng);
    let age = rng.range(24, 86) as u8;
    let mut o = Opp::new("Outpatient diagnostic imaging", age, sx);
    o.diff = Difficulty::Foundation;
    let sig = "-- radiologist";
    let ivk = guideline("OCG IV.K");
    match v % 8 {
        0 => {
            o.doc(DocumentKind::RadiologyReport, "XR Chest 2 Views", vec![m("ind", "Indication: acute cough and fever x 5 days."), m("f", "FINDINGS: Right lower lobe airspace consolidation. No effusion."), m("imp", "IMPRESSION: Right lower lobe pneumonia."), t(sig)]);
            o.dx("J18.9", &["imp"], "The radiologist's interpretation gives a definitive diagnosis: pneumonia, organism not stated, J18.9; the cough and fever are not coded.", vec![ivk.clone()]);
            o.nc("cough and fever", Some("R05.1"), "ind", "Symptoms explained by the confirmed diagnosis in the report.", vec![ivk.clone()]);
            o.s(svc("71046", &[], 1, &["f"], "Chest x-ray, 2 views: 71046.", vec![convention("CPT radiology codes by views")]));
        }
        1 => {
            o.doc(DocumentKind::RadiologyReport, "XR Chest PA/Lateral", vec![m("ind", "Indication: acute cough for 10 days, nonsmoker."), m("f", "FINDINGS: Lungs clear. Heart size normal. No effusion."), t("IMPRESSION: No acute cardiopulmonary disease."), t(sig)]);
            o.dx("R05.1", &["ind"], "Normal study: the reason for the exam (acute cough) is coded.", vec![ivk.clone(), guideline("OCG IV.D")]);
            o.s(svc("71046", &[], 1, &["f"], "Chest x-ray, 2 views: 71046.", vec![convention("CPT radiology codes by views")]));
        }
        2 => {
            o.doc(DocumentKind::RadiologyReport, "CT Head without Contrast", vec![m("ind", "Indication: new daily headache x 3 weeks."), m("f", "FINDINGS: No hemorrhage, mass, or hydrocephalus. Paranasal sinuses clear."), t("IMPRESSION: Normal noncontrast head CT."), t(sig)]);
            o.dx("R51.9", &["ind"], "Normal CT: the sign that prompted it, headache, is coded.", vec![ivk.clone(), guideline("OCG IV.D")]);
            o.s(svc("70450", &[], 1, &["f"], "CT head without contrast: 70450.", vec![convention("CPT CT codes by contrast")]));
        }
        3 => {
            o.doc(DocumentKind::RadiologyReport, "CT Abdomen/Pelvis without Contrast (stone protocol)", vec![m("ind", "Indication: intermittent left flank pain and hematuria."), m("f", "FINDINGS: 6 mm nonobstructing calculus in the lower pole of the left kidney. No hydronephrosis. Ureters clear."), m("imp", "IMPRESSION: Left nephrolithiasis, nonobstructing."), t(sig)]);
            o.dx("N20.0", &["imp"], "Confirmed finding: calculus of kidney, N20.0; the flank pain and hematuria are not coded.", vec![ivk.clone()]);
            o.nc("flank pain, hematuria", Some("R31.9"), "ind", "Explained by the confirmed stone.", vec![ivk.clone()]);
            o.s(svc("74176", &[], 1, &["f"], "CT abdomen and pelvis without contrast: 74176.", vec![convention("CPT CT codes by contrast")]));
        }
        4 => {
            o.doc(DocumentKind::RadiologyReport, "US Abdomen Limited (RUQ)", vec![m("ind", "Indication: postprandial right upper quadrant pain."), m("f", "FINDINGS: Multiple mobile gallstones. No wall thickening, no pericholecystic fluid, sonographic Murphy negative. CBD 4 mm."), m("imp", "IMPRESSION: Cholelithiasis without evidence of cholecystitis."), t(sig)]);
            o.dx("K80.20", &["imp"], "Confirmed: gallstones without cholecystitis or obstruction, K80.20.", vec![ivk.clone()]);
            o.s(svc("76705", &[], 1, &["f"], "Limited abdominal ultrasound (single quadrant): 76705.", vec![convention("CPT 76700/76705 abdominal ultrasound complete/limited")]));
        }
        5 => {
            o.doc(DocumentKind::RadiologyReport, "Venous Duplex Right Lower Extremity", vec![m("ind", "Indication: right calf pain and swelling for 4 days."), m("f", "FINDINGS: Noncompressible right popliteal vein with intraluminal echogenic thrombus; femoral veins patent."), m("imp", "IMPRESSION: Acute deep vein thrombosis of the right popliteal vein."), t(sig)]);
            o.dx("I82.431", &["imp"], "Acute DVT of the right popliteal vein: I82.431, the radiologist's confirmed diagnosis.", vec![ivk.clone()]);
            o.s(svc("93971", &["RT"], 1, &["f"], "Duplex scan of extremity veins, unilateral or limited: 93971 with RT.", vec![convention("CPT 93970/93971 venous duplex bilateral/unilateral")]));
        }
        6 => {
            o.doc(DocumentKind::RadiologyReport, "Venous Duplex Right Lower Extremity", vec![m("ind", "Indication: pain in right lower leg after long flight; rule out DVT."), m("f", "FINDINGS: All deep veins compressible with normal flow and augmentation. No thrombus."), t("IMPRESSION: No DVT in the right lower extremity."), t(sig)]);
            o.dx("M79.661", &["ind"], "The study is negative; the symptom that prompted it is coded: pain in right lower leg. \"Rule out DVT\" is not coded.", vec![ivk.clone(), guideline("OCG IV.H")]);
            o.nc("deep vein thrombosis, ruled out", Some("I82.401"), "ind", "A rule-out diagnosis with a negative study is not coded.", vec![guideline("OCG IV.H")]);
            o.s(svc("93971", &["RT"], 1, &["f"], "Unilateral venous duplex: 93971 with RT.", vec![convention("CPT 93970/93971 venous duplex bilateral/unilateral")]));
        }
        _ => {
            o.doc(DocumentKind::RadiologyReport, "XR Right Knee 3 Views", vec![m("ind", "Indication: chronic right knee pain."), m("f", "FINDINGS: Medial joint space narrowing, marginal osteophytes, subchondral sclerosis. No fracture or effusion."), m("imp", "IMPRESSION: Moderate primary osteoarthritis of the right knee."), t(sig)]);
            o.dx("M17.11", &["imp"], "Confirmed: unilateral primary osteoarthritis of the right knee, M17.11; knee pain not coded.", vec![ivk.clone()]);
            o.s(svc("73562", &["RT"], 1, &["f"], "Knee x-ray, 3 views: 73562 with RT.", vec![convention("CPT radiology codes by views")]));
        }
    }
    write(rng, id, o)
}

// ---------------------------------------------------------------------------------------------------------------
// Preoperative testing.

fn preop(rng: &mut Rng, id: String, v: usize) -> Case {
    let sx = if v % 5 == 3 { Sex::Male } else { sex(rng) };
    let age = rng.range(52, 84) as u8;
    let mut o = Opp::new("Pre-admission testing", age, sx);
    o.diff = Difficulty::Intermediate;
    let (reason_line, reason_code, reason_why) = match v % 5 {
        0 => ("Scheduled surgery: right total knee arthroplasty for primary osteoarthritis of right knee", "M17.11", "Primary osteoarthritis of the right knee, the reason for the surgery."),
        1 => ("Scheduled surgery: laparoscopic cholecystectomy for symptomatic cholelithiasis without cholecystitis", "K80.20", "Cholelithiasis without cholecystitis or obstruction, the reason for the surgery."),
        2 => ("Scheduled surgery: right eye cataract extraction for age-related nuclear cataract, right eye", "H25.11", "Age-related nuclear cataract of the right eye, the reason for the surgery."),
        3 => ("Scheduled surgery: TURP for benign prostatic hyperplasia with lower urinary tract symptoms", "N40.1", "BPH with lower urinary tract symptoms, the reason for the surgery."),
        _ => ("Scheduled surgery: right total knee arthroplasty for primary osteoarthritis of right knee", "M17.11", "Primary osteoarthritis of the right knee, the reason for the surgery."),
    };
    let kind = v % 3;
    let (z, zwhy, tests): (&str, &str, Vec<(&'static str, &'static str, String)>) = match kind {
        0 => ("Z01.812", "The encounter is for pre-procedural laboratory testing only: Z01.812 first.", vec![("85025", "lab", "CBC with automated differential: 85025.".into()), ("80048", "lab", "Basic metabolic panel: 80048.".into()), ("85610", "lab", "Prothrombin time: 85610.".into())]),
        1 => ("Z01.810", "The encounter is for a pre-procedural cardiovascular examination (ECG) only: Z01.810 first.", vec![("93005", "ecg", "ECG tracing only, without interpretation (the facility's technical component): 93005.".into())]),
        _ => ("Z01.818", "A pre-admission evaluation (nursing review of the chronic conditions for anesthesia) with ECG and labs together is an other pre-procedural examination: Z01.818 first, one Z01.81- code for the visit.", vec![("93005", "ecg", "ECG tracing only (facility): 93005.".into()), ("85025", "lab", "CBC with automated differential: 85025.".into()), ("80048", "lab", "Basic metabolic panel: 80048.".into())]),
    };
    if kind == 2 {
        o.prof = Some(Profile::random(rng, age, sx, ProfileSpec::LIGHT, &[]));
    }
    let mut lines = vec![t(format!("{} seen in pre-admission testing.", person(rng, age, sx))), m("reason", reason_line)];
    match kind {
        0 => lines.push(m("z", "Visit purpose: pre-operative labs per surgeon's order (CBC, BMP, PT/INR); no other services.")),
        1 => lines.push(m("z", "Visit purpose: pre-operative ECG per anesthesia protocol (age > 50); no other services.")),
        _ => {
            lines.push(m("z", "Visit purpose: pre-operative evaluation with ECG and labs per anesthesia."));
            lines.push(t("Chronic conditions reviewed for anesthesia:"));
            lines.push(L::Prof);
        }
    }
    if tests.iter().any(|x| x.1 == "lab") {
        lines.push(m("lab", format!("Labs drawn by venipuncture (L antecubital): CBC with differential, BMP{} - results within normal limits (Hgb {}, K {}, Cr {}).", if kind == 0 { ", PT/INR" } else { "" }, f1(rng.decimal(12.2, 15.1)), f1(rng.decimal(3.7, 4.8)), f1(rng.decimal(0.7, 1.2)))));
    }
    if tests.iter().any(|x| x.1 == "ecg") {
        lines.push(m("ecg", format!("12-lead ECG obtained by technician: sinus rhythm {}; to anesthesia for interpretation.", rng.range(60, 84))));
    }
    lines.push(t("Cleared to proceed per anesthesia review. -- PAT RN"));
    if kind == 2 && o.prof.as_ref().is_some_and(|p| p.is_empty()) {
        lines.retain(|l| !matches!(l, L::Prof));
    }
    o.doc(DocumentKind::HistoryAndPhysical, "Pre-Admission Testing", lines);
    o.dx(z, &["z"], zwhy, vec![guideline("OCG IV.M")]);
    o.dx(reason_code, &["reason"], format!("{reason_why} It follows the Z01.81- code."), vec![guideline("OCG IV.M")]);
    let drew = tests.iter().any(|x| x.1 == "lab");
    for (code, tag, w_) in tests {
        o.s(svc(code, &[], 1, &[tag], w_, vec![convention("CPT laboratory and ECG codes")]));
    }
    if drew {
        o.s(svc("36415", &[], 1, &["lab"], "The hospital drew the blood by venipuncture: 36415, once per encounter, on the facility claim with the tests its own laboratory ran.", vec![convention("CPT 36415 collection of venous blood by venipuncture")]));
    }
    write(rng, id, o)
}

pub fn cases(rng: &mut Rng) -> Vec<Case> {
    let mut out = Vec::new();
    let mut n = 0;
    let mut next = || {
        n += 1;
        case_id("OPPS", n)
    };
    for v in 0..4 {
        out.push(hydration(rng, next(), v));
    }
    for v in 0..4 {
        out.push(ceftriaxone(rng, next(), v));
    }
    for v in 0..2 {
        out.push(migraine_infusion(rng, next(), v));
    }
    for v in 0..4 {
        out.push(injection(rng, next(), v));
    }
    for v in 0..4 {
        out.push(chemo(rng, next(), v));
    }
    for v in 0..2 {
        out.push(transfusion(rng, next(), v));
    }
    for v in 0..3 {
        out.push(paracentesis(rng, next(), v));
    }
    for v in 0..3 {
        out.push(thoracentesis(rng, next(), v));
    }
    for v in 0..5 {
        out.push(wound(rng, next(), v));
    }
    for v in 0..5 {
        out.push(pt_eval(rng, next(), v));
    }
    for v in 0..5 {
        out.push(mammo(rng, next(), v));
    }
    for v in 0..8 {
        out.push(imaging(rng, next(), v));
    }
    for v in 0..6 {
        out.push(preop(rng, next(), v));
    }
    out
}
