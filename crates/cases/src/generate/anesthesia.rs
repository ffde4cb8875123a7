//! Anesthesia: the anesthesia record (pre-anesthesia evaluation with ASA physical status, airway, times, agents,
//! personnel) and a short operative summary. Gold: the anesthesia claim line of one provider (the anesthesiologist
//! or the CRNA, as the case says) — crosswalk code with base units, time in minutes, physical status and
//! medical-direction modifiers, qualifying circumstances, and the diagnoses that justify the physical status.
//!
//! Every record states its payer and the payer's anesthesia method on the billing line. Units on the anesthesia line
//! = anesthesia minutes; time units = minutes / 15 to one decimal (CMS method, which the commercial and Medicaid
//! contracts here follow too). Medicare: no physical-status units (the P modifier is still reported) and no
//! qualifying-circumstance codes (status B). Commercial/Medicaid payers here follow the ASA Relative Value Guide:
//! P3 +1, P4 +2, P5 +3 units, 99100 = 1 and 99140 = 2 units on their own lines.

use super::kb::{self, CkdStage, DmTreatment, Other, Profile, ProfileSpec, Written};
use super::rng::Rng;
use super::surgery::{dec, peds_vitals, sex_by, vitals};
use super::writer::{convention, edit, guideline, tabular, why, CaseWriter};
use super::{case_id, person, visit};
use crate::model::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Chole,
    Appy,
    Tka,
    Tha,
    Cataract,
    Egd,
    ColonScreen,
    ColonPoly,
    ColonDx,
    EgdColon,
    Csection,
    Integument,
    Hernia,
    InfantHernia,
    KneeScope,
    Stent,
    Tonsil,
    Shoulder,
    Ctr,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    /// Anesthesiologist personally performed.
    Aa,
    /// Anesthesiologist's line, medically directing n (2–4) concurrent CRNAs.
    Qk(u8),
    /// Anesthesiologist's line, directing one CRNA.
    Qy,
    /// CRNA's line, medically directed (n concurrent rooms of the anesthesiologist).
    Qx(u8),
    /// CRNA without medical direction.
    Qz,
}

impl Who {
    fn modifier(self) -> &'static str {
        match self {
            Who::Aa => "AA",
            Who::Qk(_) => "QK",
            Who::Qy => "QY",
            Who::Qx(_) => "QX",
            Who::Qz => "QZ",
        }
    }
    fn crna_claim(self) -> bool {
        matches!(self, Who::Qx(_) | Who::Qz)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tech {
    Ett,
    Lma,
    Mac,
    Spinal,
}

/// The family's cases.
pub fn cases(rng: &mut Rng) -> Vec<Case> {
    use Kind::*;
    let plan: [(Kind, usize); 19] = [
        (Chole, 7),
        (Appy, 4),
        (Tka, 5),
        (Tha, 4),
        (Cataract, 5),
        (Egd, 3),
        (ColonScreen, 2),
        (ColonPoly, 5),
        (ColonDx, 1),
        (EgdColon, 1),
        (Csection, 4),
        (Integument, 3),
        (Hernia, 3),
        (InfantHernia, 1),
        (KneeScope, 3),
        (Stent, 3),
        (Tonsil, 3),
        (Shoulder, 3),
        (Ctr, 2),
    ];
    let whos = [Who::Aa, Who::Qk(3), Who::Qx(2), Who::Aa, Who::Qz, Who::Qk(2), Who::Qy, Who::Qk(4), Who::Qx(3), Who::Aa, Who::Qz, Who::Qx(1)];
    let mut out = Vec::new();
    let mut n = 0;
    for (k, count) in plan {
        for v in 0..count {
            n += 1;
            let mut who = whos[(n * 7 + v) % whos.len()];
            if k == Kind::Shoulder {
                who = if v == 1 { Who::Qk(2) } else { Who::Aa };
            }
            out.push(write(rng, &case_id("ANES", n), k, v, who));
        }
    }
    out
}

/// What the surgical side of the case is.
struct Surg {
    code: &'static str,
    base: u16,
    what: &'static str,
    planned: String,
    procedure: String,
    dx: Vec<(String, String, String)>,
    post_text: Vec<String>,
    findings: String,
    tech: Tech,
    dur: i64,
    ebl: String,
    screening: Option<bool>,
    emergency: bool,
    converted: bool,
    bleeding: bool,
    block: bool,
}

fn hm(m: i64) -> String {
    format!("{:02}:{:02}", (m / 60) % 24, m % 60)
}

fn side(rng: &mut Rng) -> (bool, &'static str, &'static str) {
    if rng.chance(0.5) {
        (true, "right", "1")
    } else {
        (false, "left", "2")
    }
}

fn surg(rng: &mut Rng, k: Kind, v: usize, age: u8) -> Surg {
    let mut s = Surg {
        code: "",
        base: 0,
        what: "",
        planned: String::new(),
        procedure: String::new(),
        dx: Vec::new(),
        post_text: Vec::new(),
        findings: String::new(),
        tech: Tech::Ett,
        dur: 60,
        ebl: "minimal".into(),
        screening: None,
        emergency: false,
        converted: false,
        bleeding: false,
        block: false,
    };
    let d = |c: &str, t: &str, w: &str| (c.to_string(), t.to_string(), w.to_string());
    match k {
        Kind::Chole => {
            s.code = "00790";
            s.base = 7;
            s.what = "intraperitoneal procedures in the upper abdomen including laparoscopy";
            s.planned = "laparoscopic cholecystectomy".into();
            s.converted = v == 2 || v == 5;
            s.bleeding = v == 3;
            s.procedure = if s.converted { "Laparoscopic cholecystectomy converted to open cholecystectomy".into() } else { rng.say(&["Laparoscopic cholecystectomy", "Lap cholecystectomy"]) };
            let (t, c, w) = match v % 3 {
                0 => ("Chronic calculous cholecystitis", "K80.10", "Gallstones with chronic cholecystitis: K80.10."),
                1 => ("Acute calculous cholecystitis", "K80.00", "Gallstones with acute cholecystitis, no obstruction: K80.00."),
                _ => ("Symptomatic cholelithiasis without cholecystitis", "K80.20", "Gallstones without cholecystitis or obstruction: K80.20."),
            };
            s.post_text.push(t.into());
            s.dx.push(d(c, t, w));
            s.findings = if s.converted { "Dense inflammation of the hepatocystic triangle; converted to open via right subcostal incision for safety.".into() } else if s.bleeding { "Brisk bleeding from a posterior cystic artery branch during dissection, controlled with clips and pressure; EBL 350 mL.".into() } else { rng.say(&["Gallbladder with multiple stones; critical view obtained.", "Thickened gallbladder with stones, uneventful dissection."]) };
            s.dur = if s.converted { rng.range(110, 150) } else { rng.range(45, 85) };
            s.ebl = if s.bleeding { "350 mL".into() } else if s.converted { format!("{} mL", rng.range(120, 220)) } else { "15 mL".into() };
        }
        Kind::Appy => {
            s.code = "00840";
            s.base = 6;
            s.what = "intraperitoneal procedures in the lower abdomen including laparoscopy";
            s.planned = "laparoscopic appendectomy".into();
            s.procedure = "Laparoscopic appendectomy".into();
            s.emergency = true;
            if v % 2 == 0 {
                s.post_text.push("Acute appendicitis without perforation or peritonitis".into());
                s.dx.push(d("K35.80", "Acute appendicitis without perforation or peritonitis", "Acute appendicitis without perforation, gangrene or peritonitis: K35.80 (inclusion term 'acute appendicitis without peritonitis')."));
            } else {
                s.post_text.push("Acute appendicitis with localized peritonitis, no perforation or gangrene".into());
                s.dx.push(d("K35.30", "Acute appendicitis with localized peritonitis, no perforation or gangrene", "Acute appendicitis with localized peritonitis, without perforation or gangrene: K35.30."));
            }
            s.findings = if v % 2 == 0 { rng.say(&["Inflamed, nonperforated appendix; base healthy; no free fluid.", "Acutely inflamed appendix, no perforation, no peritoneal soiling."]) } else { "Inflamed nonperforated appendix with localized purulent fluid and fibrinous exudate in the right lower quadrant.".to_string() };
            s.dur = rng.range(40, 75);
        }
        Kind::Tka | Kind::Tha => {
            let (r, sd, n) = side(rng);
            let _ = r;
            let knee = k == Kind::Tka;
            s.code = if knee { "01402" } else { "01214" };
            s.base = if knee { 7 } else { 8 };
            s.what = if knee { "open or surgical arthroscopic procedures on the knee joint; total knee arthroplasty" } else { "open procedures involving the hip joint; total hip arthroplasty" };
            s.planned = format!("{sd} total {} arthroplasty", if knee { "knee" } else { "hip" });
            s.procedure = format!("{} total {} arthroplasty", if r { "Right" } else { "Left" }, if knee { "knee" } else { "hip" });
            let t = format!("Primary osteoarthritis, {sd} {}", if knee { "knee" } else { "hip" });
            let c = if knee { format!("M17.1{n}") } else { format!("M16.1{n}") };
            s.dx.push((c.clone(), t.clone(), format!("Unilateral primary osteoarthritis of the {sd} {}: {c}.", if knee { "knee" } else { "hip" })));
            s.post_text.push(t);
            s.tech = Tech::Spinal;
            s.findings = if knee { rng.say(&["Tricompartmental bone-on-bone arthrosis, varus deformity.", "Severe medial and patellofemoral wear, osteophytes."]) } else { rng.say(&["Femoral head eburnation with osteophytes; acetabular wear.", "End-stage arthrosis of the hip joint."]) };
            s.dur = rng.range(85, 135);
            s.ebl = format!("{} mL", rng.range(150, 400));
        }
        Kind::Cataract => {
            let (r, sd, n) = side(rng);
            s.code = "00142";
            s.base = 4;
            s.what = "procedures on the eye; lens surgery";
            s.planned = format!("{sd} cataract extraction with IOL");
            s.procedure = format!("Phacoemulsification with posterior chamber IOL, {} eye", if r { "right" } else { "left" });
            let comb = rng.chance(0.4);
            let t = if comb { format!("Combined forms of age-related cataract, {sd} eye") } else { format!("Age-related nuclear cataract, {sd} eye") };
            let c = if comb { format!("H25.81{n}") } else { format!("H25.1{n}") };
            s.dx.push((c.clone(), t.clone(), format!("{t}: {c}.")));
            s.post_text.push(t);
            s.tech = Tech::Mac;
            s.findings = "Dense lens opacity; uncomplicated phaco, IOL in the bag.".into();
            s.dur = rng.range(12, 24);
            s.ebl = "none".into();
        }
        Kind::Egd => {
            s.code = "00731";
            s.base = 5;
            s.what = "upper gastrointestinal endoscopic procedures, endoscope introduced proximal to the duodenum";
            s.planned = "EGD with possible biopsy".into();
            s.procedure = "Esophagogastroduodenoscopy with biopsy".into();
            s.tech = Tech::Mac;
            s.dur = rng.range(8, 16);
            s.ebl = "none".into();
            match v {
                0 => {
                    s.post_text.push("Epigastric pain; normal-appearing upper GI tract, random gastric biopsies taken".into());
                    s.dx.push(d("R10.13", "Epigastric pain", "No definitive diagnosis at the time of the procedure (biopsies pending): the symptom that prompted it is coded, epigastric pain R10.13."));
                    s.findings = "Normal esophagus, stomach and duodenum.".into();
                }
                1 => {
                    s.post_text.push("Gastroesophageal reflux disease with esophagitis (LA grade A), no bleeding".into());
                    s.dx.push(d("K21.00", "Gastroesophageal reflux disease with esophagitis (LA grade A), no bleeding", "GERD with esophagitis, without bleeding: K21.00."));
                    s.findings = "LA grade A erosive esophagitis; biopsies of the distal esophagus.".into();
                }
                _ => {
                    s.post_text.push("Iron deficiency anemia; no upper GI source, duodenal biopsies taken".into());
                    s.dx.push(d("D50.9", "Iron deficiency anemia", "The procedure found no source; the indication, iron deficiency anemia, is coded: D50.9."));
                    s.findings = "No ulcers, AVMs or masses; duodenal biopsies for celiac.".into();
                }
            }
        }
        Kind::ColonScreen | Kind::ColonPoly | Kind::ColonDx | Kind::EgdColon => {
            s.tech = Tech::Mac;
            s.ebl = "none".into();
            s.dur = rng.range(16, 34);
            match k {
                Kind::ColonScreen => {
                    s.code = "00812";
                    s.base = 3;
                    s.what = "lower intestinal endoscopic procedures; screening colonoscopy";
                    s.planned = "screening colonoscopy".into();
                    s.procedure = "Screening colonoscopy to the cecum, no intervention".into();
                    s.screening = Some(false);
                    s.dx.push(d("Z12.11", "Screening for colon cancer", "Screening colonoscopy with no intervention: Z12.11 first-listed."));
                    s.post_text.push("Screening for colon cancer".into());
                    s.findings = "Normal colon to the cecum; no polyps.".into();
                    if v != 1 {
                        s.post_text.push("Normal colonoscopy to the cecum, no polyps".into());
                    } else {
                        s.post_text.push("Sigmoid diverticulosis, no bleeding".into());
                        s.dx.push(d("K57.30", "Sigmoid diverticulosis, no bleeding", "Diverticulosis found at screening, without bleeding or perforation: K57.30, after the screening code."));
                        s.findings = "Sigmoid diverticulosis; no polyps; no intervention.".into();
                    }
                }
                Kind::ColonPoly => {
                    s.code = "00811";
                    s.base = 4;
                    s.what = "lower intestinal endoscopic procedures, not otherwise specified (screening that became diagnostic)";
                    s.planned = "screening colonoscopy".into();
                    s.procedure = "Screening colonoscopy with snare polypectomy".into();
                    s.screening = Some(true);
                    let site = *rng.pick(&["sigmoid colon", "ascending colon", "transverse colon", "descending colon"]);
                    let mm = rng.range(6, 14);
                    s.dx.push(d("Z12.11", "Screening for colon cancer", "The encounter began as screening: Z12.11 stays first-listed, the finding follows."));
                    s.post_text.push("Screening for colon cancer".into());
                    let t = format!("{mm} mm polyp of the {site}, removed");
                    s.dx.push(("K63.5".into(), t.clone(), "Colon polyp, histology pending at the time of the anesthesia claim: K63.5 from the procedure note.".into()));
                    s.post_text.push(t);
                    s.findings = format!("{mm} mm sessile polyp in the {site} removed with snare.");
                }
                Kind::ColonDx => {
                    s.code = "00811";
                    s.base = 4;
                    s.what = "lower intestinal endoscopic procedures, not otherwise specified";
                    s.planned = "diagnostic colonoscopy".into();
                    s.procedure = "Diagnostic colonoscopy".into();
                    s.dx.push(d("R19.4", "Change in bowel habit; normal colonoscopy", "Diagnostic colonoscopy for a change in bowel habit with a normal exam: the symptom R19.4 is coded."));
                    s.post_text.push("Change in bowel habit; normal colonoscopy".into());
                    s.findings = "Normal colon and terminal ileum; random biopsies.".into();
                }
                _ => {
                    s.code = "00813";
                    s.base = 5;
                    s.what = "combined upper and lower gastrointestinal endoscopic procedures";
                    s.planned = "EGD and colonoscopy".into();
                    s.procedure = "Esophagogastroduodenoscopy with biopsy and colonoscopy, same session".into();
                    s.dx.push(d("D50.9", "Iron deficiency anemia; no source found", "Bidirectional endoscopy for iron deficiency anemia with no source found: D50.9."));
                    s.post_text.push("Iron deficiency anemia; no source found".into());
                    s.findings = "Normal upper tract (duodenal biopsies) and normal colon.".into();
                    s.dur = rng.range(30, 45);
                }
            }
        }
        Kind::Csection => {
            s.code = "01961";
            s.base = 7;
            s.what = "cesarean delivery only";
            s.tech = Tech::Spinal;
            s.planned = "scheduled cesarean delivery".into();
            s.procedure = rng.say(&["Repeat low transverse cesarean delivery", "Low transverse cesarean section"]);
            let wk = rng.range(39, 39);
            if v % 2 == 0 {
                s.procedure = "Repeat low transverse cesarean delivery".into();
                s.post_text.push(format!("Intrauterine pregnancy at {wk} weeks, previous low transverse cesarean delivery, elective repeat"));
                s.dx.push(d("O34.211", "previous low transverse cesarean delivery", "Maternal care for a low transverse scar from a previous cesarean delivery, the reason for the repeat cesarean: O34.211."));
            } else {
                s.procedure = "Primary low transverse cesarean delivery".into();
                s.post_text.push(format!("Intrauterine pregnancy at {wk} weeks, frank breech presentation, singleton"));
                s.dx.push(d("O32.1XX0", "frank breech presentation, singleton", "Maternal care for breech presentation, singleton (7th character 0): O32.1XX0."));
            }
            s.dx.push(d("Z3A.39", &format!("{wk} weeks"), "Weeks of gestation, as the O-chapter note asks: Z3A.39."));
            s.post_text.push("Delivered: single liveborn infant".into());
            s.dx.push(d("Z37.0", "single liveborn infant", "Outcome of delivery on the maternal record: single live birth Z37.0."));
            s.findings = format!("Viable infant delivered, Apgars {} and 9.", rng.range(7, 9));
            s.dur = rng.range(45, 70);
            s.ebl = format!("{} mL", rng.range(600, 900));
        }
        Kind::Integument => {
            s.code = "00400";
            s.base = 3;
            s.what = "procedures on the integumentary system of the extremities, anterior trunk and perineum";
            s.tech = if v == 0 { Tech::Lma } else { Tech::Mac };
            s.dur = rng.range(30, 60);
            match v {
                0 => {
                    s.planned = "left breast partial mastectomy with wire localization".into();
                    s.procedure = "Left partial mastectomy (lumpectomy), wire localized".into();
                    s.post_text.push("Invasive ductal carcinoma, upper outer quadrant of the left breast".into());
                    s.dx.push(d("C50.412", "Invasive ductal carcinoma, upper outer quadrant of the left breast", "Primary carcinoma of the upper-outer quadrant of the left female breast (stated as invasive ductal carcinoma in the post-op diagnosis): C50.412. Receptor status is not documented in these records."));
                    s.findings = "Wire and clip in specimen on radiograph.".into();
                }
                1 => {
                    s.planned = "excision of skin lesion of the anterior chest".into();
                    s.procedure = "Excision of basal cell carcinoma, anterior chest, with layered closure".into();
                    s.post_text.push("Basal cell carcinoma of the skin of the anterior chest".into());
                    s.dx.push(d("C44.519", "Basal cell carcinoma of the skin of the anterior chest", "Basal cell carcinoma of the skin of the trunk: C44.519."));
                    s.findings = "2.4 cm excised diameter; margins marked.".into();
                }
                _ => {
                    s.planned = "excision of right forearm skin cancer".into();
                    s.procedure = "Excision of squamous cell carcinoma, right forearm".into();
                    s.post_text.push("Squamous cell carcinoma of the skin of the right forearm".into());
                    s.dx.push(d("C44.622", "Squamous cell carcinoma of the skin of the right forearm", "Squamous cell carcinoma of the skin of the right upper limb: C44.622."));
                    s.findings = "Ulcerated lesion excised with 4 mm margins.".into();
                }
            }
        }
        Kind::Hernia | Kind::InfantHernia => {
            let (r, sd, _) = side(rng);
            let infant = k == Kind::InfantHernia;
            s.code = if infant { "00834" } else { "00830" };
            s.base = if infant { 5 } else { 4 };
            s.what = if infant { "hernia repairs in the lower abdomen, not otherwise specified, younger than 1 year of age" } else { "hernia repairs in the lower abdomen, not otherwise specified" };
            s.planned = format!("{sd} inguinal hernia repair");
            s.procedure = format!("{} inguinal hernia repair{}", if r { "Right" } else { "Left" }, if infant { " (high ligation of sac)" } else { " with mesh" });
            s.tech = if infant { Tech::Ett } else { Tech::Lma };
            if v == 1 && !infant {
                let t = format!("Incarcerated {sd} inguinal hernia, no gangrene");
                s.dx.push(("K40.30".into(), t.clone(), "Incarcerated = with obstruction; unilateral, no gangrene: K40.30.".into()));
                s.post_text.push(t);
            } else {
                let t = format!("{} inguinal hernia, reducible", if r { "Right" } else { "Left" });
                s.dx.push(("K40.90".into(), t.clone(), "Unilateral inguinal hernia without obstruction or gangrene: K40.90.".into()));
                s.post_text.push(t);
            }
            s.findings = if infant { "Patent processus vaginalis with indirect sac; testis normal.".into() } else { rng.say(&["Indirect sac with cord lipoma.", "Direct defect, attenuated floor."]) };
            s.dur = rng.range(35, 70);
        }
        Kind::KneeScope => {
            let (r, sd, n) = side(rng);
            s.code = "01400";
            s.base = 4;
            s.what = "open or surgical arthroscopic procedures on the knee joint, not otherwise specified";
            s.planned = format!("{sd} knee arthroscopy, partial meniscectomy");
            s.procedure = format!("{} knee arthroscopy with partial medial meniscectomy", if r { "Right" } else { "Left" });
            let t = format!("Derangement of posterior horn of medial meniscus due to old tear, {sd} knee");
            s.dx.push((format!("M23.22{n}"), t.clone(), format!("Old tear of the posterior horn of the medial meniscus, {sd}: M23.22{n}.")));
            s.post_text.push(t);
            s.tech = Tech::Lma;
            s.findings = "Degenerative posterior horn medial meniscal tear; trimmed to stable rim.".into();
            s.dur = rng.range(30, 55);
        }
        Kind::Stent => {
            let (r, sd, _) = side(rng);
            s.code = "00910";
            s.base = 3;
            s.what = "transurethral procedures (including urethrocystoscopy), not otherwise specified";
            s.planned = format!("cystoscopy, {sd} ureteral stent");
            s.procedure = format!("Cystoscopy with {sd} ureteral stent placement");
            let _ = r;
            if v == 1 {
                let t = format!("{} ureteral calculus without hydronephrosis", if r { "Right" } else { "Left" });
                s.dx.push(("N20.1".into(), t.clone(), "Ureteral calculus without hydronephrosis: N20.1.".into()));
                s.post_text.push(t);
            } else {
                let t = format!("{} ureteral calculus with hydronephrosis", if r { "Right" } else { "Left" });
                s.dx.push(("N13.2".into(), t.clone(), "Hydronephrosis with ureteral calculous obstruction: the combination code N13.2 (N20.1 is excluded with it).".into()));
                s.post_text.push(t);
            }
            s.tech = Tech::Lma;
            s.findings = "Stent with good proximal and distal curl on fluoroscopy.".into();
            s.dur = rng.range(18, 35);
        }
        Kind::Tonsil => {
            s.code = "00170";
            s.base = 5;
            s.what = "intraoral procedures, including biopsy; not otherwise specified";
            s.planned = "tonsillectomy and adenoidectomy".into();
            if v == 2 {
                s.procedure = "Tonsillectomy".into();
                s.post_text.push("Chronic tonsillitis".into());
                s.dx.push(d("J35.01", "Chronic tonsillitis", "Chronic tonsillitis: J35.01."));
            } else {
                s.procedure = "Tonsillectomy and adenoidectomy".into();
                s.post_text.push("Adenotonsillar hypertrophy with obstructive sleep apnea".into());
                s.dx.push(d("J35.3", "Adenotonsillar hypertrophy", "Hypertrophy of tonsils with hypertrophy of adenoids: J35.3, the condition removed."));
                s.dx.push(d("G47.33", "obstructive sleep apnea", "Pediatric OSA is included in G47.33, coded with the underlying hypertrophy."));
            }
            s.findings = "Tonsils 3-4+, cryptic; adenoids obstructing choanae.".into();
            s.dur = rng.range(25, 45);
            let _ = age;
        }
        Kind::Shoulder => {
            let (r, sd, n) = side(rng);
            s.code = "01630";
            s.base = 5;
            s.what = "open or surgical arthroscopic procedures on the humeral head and neck, sternoclavicular joint, acromioclavicular joint and shoulder joint, not otherwise specified";
            s.planned = format!("{sd} shoulder arthroscopic rotator cuff repair");
            s.procedure = format!("{} shoulder arthroscopic rotator cuff repair with subacromial decompression", if r { "Right" } else { "Left" });
            let t = format!("Complete rotator cuff tear, nontraumatic, {sd} shoulder");
            s.dx.push((format!("M75.12{n}"), t.clone(), format!("Complete rotator cuff tear, not specified as traumatic, {sd}: M75.12{n}.")));
            s.post_text.push(t);
            let t2 = format!("Impingement syndrome, {sd} shoulder");
            s.dx.push((format!("M75.4{n}"), t2.clone(), format!("Impingement syndrome of the {sd} shoulder: M75.4{n}.")));
            s.post_text.push(t2);
            s.block = v != 1 || rng.chance(0.5);
            s.findings = "Full-thickness supraspinatus tear, type II acromion.".into();
            s.dur = rng.range(80, 120);
        }
        Kind::Ctr => {
            let (r, sd, n) = side(rng);
            s.code = "01810";
            s.base = 3;
            s.what = "procedures on the nerves, muscles, tendons, fascia and bursae of the forearm, wrist and hand";
            s.planned = format!("{sd} carpal tunnel release");
            s.procedure = format!("{} open carpal tunnel release", if r { "Right" } else { "Left" });
            let t = format!("Carpal tunnel syndrome, {sd} upper limb");
            s.dx.push((format!("G56.0{n}"), t.clone(), format!("Carpal tunnel syndrome of the {sd} upper limb: G56.0{n}.")));
            s.post_text.push(t);
            s.tech = Tech::Mac;
            s.findings = "Thick transverse carpal ligament, compressed median nerve.".into();
            s.dur = rng.range(15, 28);
        }
    }
    s
}

/// Physical status from the profile, with the conditions the anesthesiologist names.
fn physical_status(p: &Profile) -> (u8, Vec<String>) {
    let mut severe = Vec::new();
    let mut mild = Vec::new();
    if let Some(dm) = p.diabetes {
        if dm.hyperglycemia {
            severe.push("poorly controlled diabetes with hyperglycemia".to_string());
        } else if matches!(dm.treatment, DmTreatment::Insulin | DmTreatment::InsulinMetformin) {
            severe.push("insulin-requiring diabetes".to_string());
        } else {
            mild.push("well-controlled diabetes".to_string());
        }
    }
    if p.hypertension {
        mild.push("controlled hypertension".into());
    }
    if p.heart_failure.is_some() {
        severe.push("chronic heart failure".into());
    }
    match p.ckd {
        Some(CkdStage::Esrd) => severe.push("ESRD on scheduled hemodialysis".into()),
        Some(CkdStage::S4) | Some(CkdStage::S5) => severe.push("advanced CKD".into()),
        Some(_) => mild.push("CKD 3".into()),
        None => {}
    }
    for o in &p.others {
        let (sev, w) = match o {
            Other::Copd => (true, "COPD"),
            Other::Cad => (true, "CAD"),
            Other::HxStroke => (true, "prior stroke"),
            Other::Hemiplegia => (true, "prior stroke with hemiparesis"),
            Other::MorbidObesity => (true, "BMI over 40"),
            Other::AfibPermanent | Other::AfibParoxysmal => (true, "atrial fibrillation"),
            Other::Parkinsons => (true, "Parkinson disease"),
            Other::Alzheimers => (true, "dementia"),
            Other::Pad => (true, "PAD"),
            Other::Obesity => (false, "obesity"),
            Other::Smoker => (false, "current smoker"),
            Other::Osa => (false, "OSA on CPAP"),
            Other::AsthmaModerate => (false, "asthma"),
            Other::Hyperlipidemia => (false, "hyperlipidemia"),
            Other::Hypothyroidism => (false, "treated hypothyroidism"),
            Other::Gerd => (false, "GERD"),
            _ => (false, ""),
        };
        if w.is_empty() {
            continue;
        }
        if sev {
            severe.push(w.into());
        } else {
            mild.push(w.into());
        }
    }
    if !severe.is_empty() {
        severe.truncate(3);
        (3, severe)
    } else if !mild.is_empty() {
        mild.truncate(3);
        (2, mild)
    } else if !p.is_empty() {
        (2, vec!["mild systemic disease".into()])
    } else {
        (1, vec!["healthy".into()])
    }
}

fn write(rng: &mut Rng, id: &str, k: Kind, v: usize, who: Who) -> Case {
    // Patient
    let (age, sx): (u8, Sex) = match k {
        Kind::Csection => (rng.range(22, 40) as u8, Sex::Female),
        Kind::Tonsil => (rng.range(3, 9) as u8, sex_by(rng, 0.5)),
        Kind::InfantHernia => (0, sex_by(rng, 0.2)),
        Kind::Cataract => (rng.range(64, 88) as u8, sex_by(rng, 0.55)),
        Kind::Tka | Kind::Tha => (rng.range(56, 86) as u8, sex_by(rng, 0.6)),
        Kind::ColonScreen | Kind::ColonPoly => {
            let medicare = v % 5 != 3;
            (if medicare { rng.range(66, 80) } else { rng.range(46, 63) } as u8, sex_by(rng, 0.5))
        }
        Kind::Integument if v == 0 => (rng.range(45, 78) as u8, Sex::Female),
        // Severe (calcific) aortic stenosis is a disease of older patients.
        Kind::Stent if v == 0 => (rng.range(68, 84) as u8, sex_by(rng, 0.5)),
        Kind::Appy => (rng.range(19, 74) as u8, sex_by(rng, 0.5)),
        Kind::Shoulder => (rng.range(46, 76) as u8, sex_by(rng, 0.45)),
        Kind::KneeScope => (rng.range(38, 70) as u8, sex_by(rng, 0.5)),
        _ => (rng.range(24, 84) as u8, sex_by(rng, 0.5)),
    };
    let commercial_senior = age >= 65 && rng.chance(0.25) && !matches!(k, Kind::ColonScreen | Kind::ColonPoly);
    let medicare = age >= 65 && !commercial_senior;
    let payer = if medicare {
        "Medicare Part B".to_string()
    } else if age < 18 {
        rng.say(&["Medicaid managed care", "commercial PPO (parent's employer plan)"])
    } else if commercial_senior {
        "commercial PPO (employer group, patient still working)".to_string()
    } else {
        rng.say(&["commercial PPO", "commercial HMO", "BCBS commercial"])
    };
    let s = surg(rng, k, v, age);
    // Profile
    // The pre-anesthesia evaluation lists the conditions that bear on the anesthetic; conditions that do not (lipids,
    // knee arthritis, bone density, gout, prostate, mood, old cancers) stay out of the record, so every condition
    // written is one the anesthesia claim reports.
    let mut exclude: Vec<Other> = vec![Other::Hyperlipidemia, Other::OaKnees, Other::Osteoporosis, Other::Gout, Other::Bph, Other::Mdd, Other::Gad, Other::HxProstateCancer, Other::HxBreastCancer, Other::IronDeficiency];
    match k {
        Kind::Tka | Kind::KneeScope => exclude.push(Other::OaKnees),
        Kind::Egd | Kind::EgdColon | Kind::ColonDx => {
            exclude.push(Other::Gerd);
            exclude.push(Other::IronDeficiency)
        }
        Kind::Integument => exclude.push(Other::HxBreastCancer),
        _ => {}
    }
    let p4 = k == Kind::Stent && v == 0;
    let profile = if age < 18 || k == Kind::Csection {
        Profile::random(rng, age, sx, ProfileSpec::NONE, &[])
    } else {
        let draw = rng.below(4);
        let mut spec = match draw {
            // Under 30: at most one condition, and not the hypertension or diabetes of older adults.
            _ if age < 30 => ProfileSpec { diabetes: 0.0, hypertension: 0.0, others: 1, ..ProfileSpec::LIGHT },
            _ if age < 45 => ProfileSpec::LIGHT,
            0 => ProfileSpec::LIGHT,
            1 => ProfileSpec::COMPLEX,
            _ => ProfileSpec::TYPICAL,
        };
        if matches!(k, Kind::Cataract | Kind::Ctr) {
            spec.diabetes = 0.0;
        }
        if p4 {
            spec.heart_failure = 0.0;
        }
        Profile::random(rng, age, sx, spec, &exclude)
    };
    let (mut ps, mut reasons) = physical_status(&profile);
    if k == Kind::Csection {
        ps = 2;
        reasons = vec!["term pregnancy".into()];
    }
    if k == Kind::Tonsil && v != 2 {
        ps = 2;
        reasons = vec!["obstructive sleep apnea".into()];
    }
    let mut as_ev: Option<Evidence> = None;
    if p4 {
        ps = 4;
        reasons.insert(0, "severe symptomatic aortic stenosis".into());
        reasons.truncate(3);
    }
    let emerg = s.emergency;
    let mac = s.tech == Tech::Mac;
    let crna_claim = who.crna_claim();
    let title = format!(
        "Anesthesia: {} — code the {} claim",
        match k {
            Kind::Chole => "upper abdominal laparoscopy",
            Kind::Appy => "urgent lower abdominal laparoscopy",
            Kind::Tka | Kind::Tha => "joint replacement",
            Kind::Cataract => "eye surgery",
            Kind::Egd | Kind::EgdColon => "upper endoscopy",
            Kind::ColonScreen | Kind::ColonPoly | Kind::ColonDx => "colonoscopy",
            Kind::Csection => "obstetric",
            Kind::Integument => "superficial excision",
            Kind::Hernia | Kind::InfantHernia => "groin surgery",
            Kind::KneeScope => "knee arthroscopy",
            Kind::Stent => "cystoscopy",
            Kind::Tonsil => "pediatric ENT",
            Kind::Shoulder => "shoulder arthroscopy",
            Kind::Ctr => "hand surgery",
        },
        if crna_claim { "CRNA's" } else { "anesthesiologist's" }
    );
    let diff = if matches!(who, Who::Aa) && ps <= 2 && s.screening.is_none() && !emerg { Difficulty::Foundation } else if matches!(who, Who::Qk(_) | Who::Qx(_)) || s.screening.is_some() || emerg || age < 1 || age > 70 { Difficulty::Advanced } else { Difficulty::Intermediate };
    let tracks: &[Track] = if s.converted || s.bleeding || s.block || v == 0 && matches!(k, Kind::Chole | Kind::Tka) { &[Track::Anesthesia, Track::Surgery] } else { &[Track::Anesthesia] };
    let mut cw = CaseWriter::new(id, title, tracks, diff, visit(Setting::Anesthesia, age, sx));

    // Times
    let t0 = rng.range(7 * 60, 14 * 60 + 30);
    let pre_in = rng.range(0, 4);
    let induct = t0 + rng.range(4, 10);
    let start_proc = induct + if mac { rng.range(3, 8) } else { rng.range(10, 22) };
    let end_proc = start_proc + s.dur;
    let out_room = end_proc + rng.range(4, 10);
    let end = out_room + rng.range(4, 9);
    let minutes = (end - t0) as u16;

    // ---------------- Anesthesia record
    let mut d = cw.doc(DocumentKind::AnesthesiaRecord, &rng.say(&["Anesthesia Record", "Intraoperative Anesthesia Record", "Anesthesia Record and Pre-Anesthesia Evaluation"]), Some(1));
    let room = if matches!(k, Kind::Egd | Kind::EgdColon | Kind::ColonScreen | Kind::ColonPoly | Kind::ColonDx) { format!("Endo suite {}", rng.range(1, 4)) } else { format!("{} {}", rng.pick(&["OR", "Room", "OR"]), rng.range(1, 12)) };
    d.line(&format!("{room} · Payer: {payer}"));
    d.line(&format!("Billing exercise: code the {} professional claim for this anesthetic.", if crna_claim { "CRNA's" } else { "anesthesiologist's" }));
    d.line(if medicare {
        "Payer anesthesia method (Medicare): units billed as minutes; time units = minutes / 15 to one decimal; no physical-status or qualifying-circumstance units."
    } else {
        "Payer anesthesia method (per contract): units billed as minutes; time units = minutes / 15 to one decimal; ASA RVG physical-status units (P3 +1, P4 +2, P5 +3) and qualifying circumstances (99100, 99140) paid."
    });
    d.heading(&rng.say(&["PRE-ANESTHESIA EVALUATION", "Pre-anesthetic assessment", "PREOP ANESTHESIA EVAL"]));
    let pw = person(rng, age, sx);
    let months = rng.range(2, 10);
    let pw = if age == 0 { format!("{months}-month-old {}", if sx == Sex::Female { "girl" } else { "boy" }) } else { pw };
    d.line(&format!("{pw} for {}.", s.planned));
    let mut w = Written::default();
    d.add(&rng.say(&["PMH: ", "Medical hx: ", "Hx: "]));
    if profile.is_empty() {
        d.line(match k {
            Kind::Csection => "G2P1, uncomplicated prenatal course; no medical problems",
            Kind::InfantHernia => "term birth, no NICU stay, growing well",
            Kind::Tonsil => "otherwise healthy child, immunizations current",
            _ => "no significant medical history",
        });
    } else {
        kb::write_history(&mut d, &profile, &mut w);
        d.line("");
    }
    if p4 {
        let ava = dec(rng, 0.6, 0.8);
        let grad = rng.range(44, 58);
        as_ev = Some(d.mark_line(&format!("Severe aortic stenosis, AVA {ava} cm2, mean gradient {grad} mmHg on echo; exertional dyspnea; declined TAVR work-up so far.")));
    }
    if !kb::meds(&profile).is_empty() {
        d.line("Meds:");
        kb::write_meds(&mut d, &profile, &mut w, "  ");
    }
    d.line(&rng.say(&["Allergies: NKDA", "NKDA", "Allergies: none known"]));
    let anticoag = kb::meds(&profile).iter().map(|(_, _, m)| m.to_string()).find(|m| ["warfarin", "apixaban", "rivaroxaban", "dabigatran"].iter().any(|x| m.contains(x)));
    if let Some(m) = anticoag {
        let drug = m.split_whitespace().next().unwrap_or("anticoagulant").to_string();
        if drug == "warfarin" {
            let inr = dec(rng, 1.0, 1.2);
            d.line(&format!("Anticoagulation: warfarin held 5 days per prescriber's plan; INR {inr} this morning."));
        } else {
            d.line(&format!("Anticoagulation: {drug} held for 72 hours per protocol (last dose 3 days ago)."));
        }
    }
    let npo = if emerg { "NPO since 8 hours ago (last meal before pain began)".to_string() } else { rng.say(&["NPO after midnight, clears until 05:00", "NPO > 8 h", "NPO since midnight"]) };
    d.line(&npo);
    d.line(&rng.say(&["Prior anesthesia: uneventful; no family hx of MH.", "No personal or family history of anesthesia complications.", "Previous GA without PONV."]));
    let mp = *rng.pick(&["I", "II", "II", "III"]);
    if age >= 1 {
        d.line(&format!("Airway: Mallampati {mp}, TMD {}, mouth opening {}, neck ROM full, dentition {}.", rng.pick(&[">3 FB", "3 FB", ">6 cm"]), rng.pick(&["adequate", "3 FB", "normal"]), if age >= 50 { rng.pick(&["intact", "fair", "upper partial denture (removed)", "loose teeth: none"]) } else { rng.pick(&["intact", "intact", "loose teeth: none"]) }));
    } else {
        d.line("Airway: normal infant airway, no micrognathia.");
    }
    let vs = if age == 0 {
        // An infant's weight follows the months of age (about 4.5 kg at 2 months, 8.5 kg at 10 months).
        let v = peds_vitals(rng, age);
        let wt = (45.0 + 5.0 * months as f64 + rng.range(-3, 3) as f64).round() / 10.0;
        format!("Wt {wt} kg, HR {}, {}", rng.range(118, 146), v.split(", ").skip(2).collect::<Vec<_>>().join(", "))
    } else if age < 18 {
        peds_vitals(rng, age)
    } else if k == Kind::Csection {
        // Term pregnancy without hypertensive disorder: normotensive, mild physiologic tachycardia.
        let (sb, db, hr) = (rng.range(104, 128), rng.range(62, 78), rng.range(78, 98));
        format!("BP {sb}/{db}, HR {hr}, RR 16, SpO2 99% RA, T {} C; FHR {} reassuring", dec(rng, 36.4, 37.0), rng.range(130, 150))
    } else {
        vitals(rng)
    };
    d.line(&format!("Vitals: {vs}"));
    if age >= 50 {
        let hgb = dec(rng, 11.2, 14.8);
        let kk = dec(rng, 3.6, 4.9);
        let ecg = if profile.others.contains(&Other::AfibPermanent) { "atrial fibrillation, controlled ventricular rate".to_string() } else { rng.pick(&["NSR", "sinus rhythm, nonspecific ST changes", "NSR, no acute changes"]).to_string() };
        d.line(&format!("Labs: Hgb {hgb}, K {kk}; ECG {ecg}."));
    }
    let ps_text = format!("ASA {}{} — {}", ps, if emerg { "E" } else { "" }, reasons.join(", "));
    d.add(&format!("{} ", rng.say(&["Physical status:", "ASA class:", "ASA PS:"])));
    let ps_ev = d.mark_line(&ps_text);
    let tech_words = match s.tech {
        Tech::Ett => "general endotracheal anesthesia",
        Tech::Lma => "general anesthesia with LMA",
        Tech::Mac => "monitored anesthesia care (MAC) with propofol sedation",
        Tech::Spinal => "spinal anesthesia with sedation",
    };
    d.line(&format!("Plan: {tech_words}. Risks/benefits/alternatives discussed with {}; consent signed.", if age < 18 { "parent" } else { "patient" }));
    let mut block_ev = None;
    if s.block {
        let bs = t0 - rng.range(25, 40);
        let be = bs + rng.range(8, 12);
        d.heading("REGIONAL BLOCK (pre-op holding)");
        block_ev = Some(d.mark_line(&format!("Ultrasound-guided {} interscalene brachial plexus block at the surgeon's request for postoperative pain control, performed personally by the anesthesiologist {}–{}; ropivacaine 0.5% 20 mL, negative aspiration, no paresthesia.", if s.procedure.starts_with("Right") { "right" } else { "left" }, hm(bs), hm(be))));
    }
    d.heading(&rng.say(&["INTRAOPERATIVE", "Intraop course", "ANESTHETIC COURSE"]));
    // Times in varying order and labels
    let start_label = rng.say(&["Anesthesia start", "Anes start", "Anesthesia Start Time"]);
    let end_label = rng.say(&["Anesthesia end", "Anes end", "Anesthesia End Time"]);
    let start_ev;
    let end_ev;
    let endo = matches!(k, Kind::Egd | Kind::EgdColon | Kind::ColonScreen | Kind::ColonPoly | Kind::ColonDx);
    let pstart = if endo { rng.say(&["Scope in", "Procedure start"]) } else { rng.say(&["Incision", "Procedure start"]) };
    if rng.chance(0.5) {
        start_ev = d.mark_line(&format!("{start_label}: {}", hm(t0)));
        d.line(&format!("In room: {}", hm(t0 + pre_in)));
        d.line(&format!("Induction: {}", hm(induct)));
        d.line(&format!("{pstart}: {}", hm(start_proc)));
        d.line(&format!("Procedure end: {}", hm(end_proc)));
        d.line(&format!("Out of room: {}", hm(out_room)));
        end_ev = d.mark_line(&format!("{end_label}: {} (care transferred to PACU RN)", hm(end)));
    } else {
        d.add(&format!("Times — in room {} | ", hm(t0 + pre_in)));
        start_ev = d.mark(&format!("{start_label} {}", hm(t0)));
        d.add(&format!(" | {} {} | end of surgery {} | ", pstart.to_lowercase(), hm(start_proc), hm(end_proc)));
        end_ev = d.mark(&format!("{end_label} {}", hm(end)));
        d.line(&format!(" (report given to PACU nurse; out of OR {})", hm(out_room)));
    }
    // The anesthesiologist's other concurrent rooms: never this room, as many as the modifier says.
    let room_no: i64 = room.rsplit(' ').next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let other_rooms: Vec<String> = if room.starts_with("Endo") {
        (1..=4).filter(|r| *r != room_no).map(|r| format!("Endo suite {r}")).collect()
    } else {
        (1..=3).map(|i| format!("OR {}", (room_no - 1 + 3 * i) % 12 + 1)).collect()
    };
    let who_text = match who {
        Who::Aa => rng.say(&["Personnel: anesthesiologist personally performed the entire anesthetic; no CRNA or resident.", "Anesthesia personally provided by the attending anesthesiologist, continuously present, no other anesthesia provider."]),
        Who::Qk(n) => format!("Personnel: CRNA continuously present; attending anesthesiologist medically directing {n} concurrent cases (this room and {}), performed the pre-anesthetic exam, present for induction and emergence, monitored at frequent intervals and immediately available.", other_rooms[..(n as usize - 1)].join(", ")),
        Who::Qy => "Personnel: CRNA continuously present; attending anesthesiologist medically directing this single CRNA only (no concurrent cases), present for induction and emergence.".to_string(),
        Who::Qx(n) => {
            if n == 1 {
                "Personnel: CRNA (billing provider for this exercise) continuously present, medically directed by the attending anesthesiologist who directed only this case and was present for induction and emergence.".to_string()
            } else {
                format!("Personnel: CRNA (billing provider for this exercise) continuously present, medically directed by the attending anesthesiologist, who was directing {n} concurrent rooms and met all medical-direction requirements (pre-op exam, plan, induction, emergence, immediately available).")
            }
        }
        Who::Qz => "Personnel: CRNA (billing provider for this exercise) provided the anesthetic without medical direction; no anesthesiologist involved. Operating surgeon present.".to_string(),
    };
    let who_ev = d.mark_line(&who_text);
    // No arterial line: its placement (36620) would be a separate line on this claim.
    d.line("Monitors: standard ASA (ECG, NIBP, SpO2, EtCO2, temp).");
    let kg: f64 = vs.strip_prefix("Wt ").and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or(70.0);
    let dose = |per_kg: f64| -> String {
        let x = per_kg * kg;
        if x < 10.0 { format!("{:.1}", x) } else { format!("{}", x.round()) }
    };
    if age < 12 {
        d.line(&format!("IV: {} {} PIV, placed after mask induction.", if age < 1 { "24g" } else { "22g" }, rng.pick(&["L hand", "R hand", "L saphenous"])));
    } else {
        d.line(&format!("IV: {} {} PIV.", rng.pick(&["18g", "20g", "22g"]), rng.pick(&["L hand", "R forearm", "L AC"])));
    }
    let agents = match s.tech {
        // Children: inhalational induction, weight-based doses, an age-sized cuffed tube; no antibiotic for a
        // tonsillectomy or an infant's herniotomy without mesh.
        Tech::Ett if age < 12 => {
            let tube = if age < 1 { 3.5 } else { ((age as f64 / 4.0 + 3.5) * 2.0).floor() / 2.0 };
            let paralytic = k == Kind::InfantHernia;
            format!(
                "Inhalational induction with sevoflurane in O2/N2O by mask; propofol {} mg and fentanyl {} mcg IV{}; DL grade I, {tube:.1} cuffed {}ETT at {:.0} cm, +EtCO2, BBS. Maintenance sevoflurane in O2/air. Dexamethasone {} mg, ondansetron {} mg.{} Extubated awake.",
                dose(2.0),
                dose(1.0),
                if paralytic { format!(", rocuronium {} mg", dose(0.6)) } else { String::new() },
                if k == Kind::Tonsil { "oral RAE " } else { "" },
                tube * 3.0,
                dose(0.15),
                dose(0.1),
                if paralytic { format!(" Sugammadex {} mg at end.", dose(2.0)) } else { String::new() }
            )
        }
        Tech::Ett => {
            let grade = rng.pick(&["I", "I", "II"]);
            let tube = if age < 12 { "5.0 cuffed" } else { *rng.pick(&["7.0", "7.5", "8.0"]) };
            format!("Induction: propofol {} mg, fentanyl {} mcg, rocuronium {} mg; mask ventilation easy; DL {} view, ETT {tube} at {} cm, +EtCO2, BBS. Maintenance sevoflurane in O2/air. Ondansetron 4 mg, dexamethasone 4 mg, cefazolin 2 g. Sugammadex 200 mg at end; extubated awake.", rng.range(100, 200), rng.range(50, 150), rng.range(30, 60), grade, rng.range(20, 23))
        }
        Tech::Lma => format!("Induction propofol {} mg, fentanyl {} mcg; LMA #{} placed easily, spontaneous ventilation on sevoflurane. Ondansetron 4 mg. LMA removed in OR.", rng.range(120, 200), rng.range(25, 100), rng.pick(&["3", "4", "4", "5"])),
        Tech::Mac => format!("Midazolam {} mg, propofol infusion {}–{} mcg/kg/min, nasal cannula O2 {} L; spontaneous ventilation, responsive to voice at end.", rng.pick(&["1", "2", "0.5"]), rng.range(50, 80), rng.range(100, 140), rng.range(2, 4)),
        Tech::Spinal => format!("Sitting position, L{}-L{} midline, 25g Whitacre, clear CSF, hyperbaric bupivacaine 0.75% {} mL{}; T{} level. Propofol sedation infusion, O2 by NC.", rng.range(2, 3), rng.range(3, 4), rng.pick(&["1.6", "1.8", "2.0"]), if k == Kind::Csection { " with fentanyl 15 mcg and morphine 150 mcg" } else { "" }, if k == Kind::Csection { 4 } else { 10 }),
    };
    d.line(&agents);
    let fluids = if age < 12 { ((kg * rng.range(10, 20) as f64) / 10.0).round() as i64 * 10 } else if s.dur < 30 || mac { rng.range(2, 5) * 100 } else { rng.range(5, 16) * 100 };
    d.line(&format!("Fluids: LR {fluids} mL. EBL {}. {}", s.ebl, if matches!(k, Kind::Tka | Kind::Tha | Kind::Csection) { format!("UOP {} mL.", rng.range(100, 400)) } else { String::new() }));
    let event = if s.bleeding {
        "Events: at 40 min, brisk bleeding during dissection; MAP fell to 58, treated with phenylephrine 100 mcg x3 and 500 mL LR bolus; surgeon controlled the vessel with clips. Hgb 11.0 after. Stable thereafter.".to_string()
    } else if s.converted {
        "Events: surgeon converted to open (right subcostal incision) because of dense inflammation; rocuronium redosed 20 mg, hydromorphone 0.5 mg x2 added.".to_string()
    } else if k == Kind::Csection {
        "Events: expected transient hypotension after the spinal, treated with the phenylephrine infusion per protocol and resolved; oxytocin infusion after delivery. No anesthetic complications.".to_string()
    } else {
        let dip = match s.tech {
            Tech::Spinal => "Events: expected transient hypotension after the spinal, phenylephrine 100 mcg x2 with good response; stable thereafter, no complications.",
            Tech::Mac => "Events: brief expected drop in BP with the propofol infusion, rate reduced and ephedrine 5 mg x1 with good response; no complications.",
            _ if p4 => "Events: mild hypotension after induction, expected with the induction agents; phenylephrine 100 mcg x1 (heart rate kept low for the aortic stenosis) with good response; no complications.",
            _ => "Events: mild hypotension after induction, expected with the induction agents; ephedrine 10 mg x1 with good response; no complications.",
        };
        rng.say(&["Events: none; hemodynamically stable throughout.", "Intraop course uneventful.", dip, "No intraoperative events."])
    };
    let event_ev = d.mark_line(&event);
    let routine_dip = !s.bleeding && !s.converted && (event.contains("hypotension") || event.contains("drop in BP"));
    d.line(&rng.say(&["PACU: arrived awake, stable VS, Aldrete 9; report to PACU RN.", "To PACU on O2, airway patent, comfortable. Handoff complete.", "Transferred to recovery in stable condition; Aldrete 10 on arrival."]));
    d.line(&if crna_claim { "-- CRNA".to_string() } else { rng.say(&["-- attending anesthesiologist", "Signed: anesthesiologist"]) });
    cw.add_doc(d);

    // ---------------- Operative summary
    let mut o = cw.doc(DocumentKind::OperativeNote, &rng.say(&["Operative Note (brief)", "Procedure Summary", "Brief Op Note"]), Some(1));
    o.line(&format!("{} {}", rng.say(&["Pre-op dx:", "Preoperative diagnosis:"]), s.post_text[0].split(';').next().unwrap_or("")));
    o.add(&format!("{}\n", rng.say(&["Post-op dx:", "Postoperative diagnosis:"])));
    let mut post_ev = Vec::new();
    for t in &s.post_text {
        o.add("  ");
        post_ev.push(o.mark_line(t));
    }
    o.add(&format!("{} ", rng.say(&["Procedure:", "Operation performed:"])));
    let proc_ev = o.mark_line(&s.procedure);
    o.line(&format!("Surgeon: {}", rng.pick(&["attending surgeon", "operating surgeon", "attending"])));
    o.line(&format!("Anesthesia: {tech_words}"));
    o.line(&format!("Findings: {}", s.findings));
    let bleed_ev = if s.bleeding {
        o.add(&format!("EBL: {}. Complications: none. ", s.ebl));
        let e = o.mark("Bleeding from a posterior cystic artery branch was controlled during the dissection; not a complication, expected with the inflamed tissue.");
        o.line("");
        Some(e)
    } else {
        o.line(&format!("EBL: {}. Complications: none.", s.ebl));
        None
    };
    o.line(&rng.say(&["Disposition: PACU, stable.", "Condition: stable to recovery.", "To PACU in good condition."]));
    o.line("-- operating surgeon");
    cw.add_doc(o);

    // ---------------- Gold: diagnoses
    for (i, (code, text, whyt)) in s.dx.iter().enumerate() {
        let ev: Vec<Evidence> = post_ev.iter().filter(|e| e.quote.contains(text.as_str()) || text.contains(e.quote.as_str())).cloned().collect();
        let ev = if ev.is_empty() { vec![post_ev[i.min(post_ev.len() - 1)].clone()] } else { ev };
        let rules = if code.starts_with('Z') && code.starts_with("Z12") {
            vec![guideline("OCG I.C.21.c.5")]
        } else if code.starts_with("Z3A") {
            vec![tabular("Chapter 15 (O00-O9A) Use additional code from category Z3A, Weeks of gestation"), guideline("OCG I.C.15.b")]
        } else if code == "Z37.0" {
            vec![guideline("OCG I.C.15.b.5")]
        } else if code.starts_with('O') {
            vec![guideline("OCG I.C.15.a"), guideline("OCG IV.A")]
        } else {
            vec![guideline("OCG IV.A"), convention("Anesthesia claims: the surgical procedure's postoperative diagnosis")]
        };
        cw.dx(code, None, ev, why(format!("{whyt} The anesthesia claim carries the diagnosis of the procedure, from the postoperative diagnosis."), rules));
    }
    if s.converted {
        cw.dx("Z53.31", None, vec![proc_ev.clone()], why("The laparoscopic procedure was converted to open: Z53.31 as an additional code. The anesthesia code does not change (00790 covers open and laparoscopic upper abdominal procedures); only the time grows.", vec![tabular("Z53.31 Laparoscopic surgical procedure converted to open procedure"), guideline("OCG I.C.21.c")]));
    }
    if let Some(e) = as_ev.clone() {
        cw.dx("I35.0", None, vec![e, ps_ev.clone()], why("Severe (nonrheumatic) aortic stenosis documented by the anesthesiologist is the reason for ASA 4 and is coded as a comorbidity.", vec![guideline("OCG IV.J")]));
    }
    profile.code(&mut cw, &w, None);

    // ---------------- Gold: anesthesia line(s)
    // Physical-status units: ASA RVG values, paid by the commercial/Medicaid contracts here, never by Medicare.
    let rvg_ps: u16 = match ps {
        3 => 1,
        4 => 2,
        5 => 3,
        _ => 0,
    };
    let ps_units: u16 = if medicare { 0 } else { rvg_ps };
    let extreme_age = (age < 1 || age > 70) && k != Kind::InfantHernia;
    let report_99100 = extreme_age && !medicare;
    let report_99140 = emerg && !medicare;
    let modifying = ps_units + if report_99100 { 1 } else { 0 } + if report_99140 { 2 } else { 0 };
    let tu = (minutes as f32 / 15.0 * 10.0).round() / 10.0;
    let mut mods: Vec<String> = vec![who.modifier().to_string(), format!("P{ps}")];
    if mac {
        mods.push("QS".into());
    }
    let mut pay_note = String::new();
    if let Some(diag) = s.screening {
        if diag {
            let m = if medicare { "PT" } else { "33" };
            mods.push(m.into());
            pay_note = if medicare { " The screening turned diagnostic (polypectomy): CMS instructs 00811 with modifier PT so the deductible is waived.".into() } else { " The screening turned diagnostic: the commercial payer's preventive benefit is claimed with 00811 and modifier 33.".into() };
        } else {
            pay_note = " A screening colonoscopy with no intervention takes the screening anesthesia code 00812 itself; no PT (nothing became diagnostic).".into();
        }
    }
    let dir_text = match who {
        Who::Aa => "AA: the anesthesiologist personally performed the anesthetic".to_string(),
        Who::Qk(n) => format!("QK: the anesthesiologist medically directed {n} concurrent procedures (2–4) with all required steps documented"),
        Who::Qy => "QY: the anesthesiologist medically directed one CRNA".to_string(),
        Who::Qx(_) => "QX: the CRNA's own line when medically directed by a physician (the anesthesiologist's QK/QY line is a separate claim, not coded here)".to_string(),
        Who::Qz => "QZ: CRNA service without medical direction".to_string(),
    };
    let qs = if mac { " QS marks monitored anesthesia care (informational, after the payment modifiers)." } else { "" };
    let medicare_ps = if medicare && rvg_ps > 0 { " Medicare does not pay physical-status units, but the P modifier is still reported." } else { "" };
    let svc_ev = vec![proc_ev.clone(), start_ev.clone(), end_ev.clone(), ps_ev.clone(), who_ev.clone()];
    let svc_mods: Vec<&str> = mods.iter().map(String::as_str).collect();
    cw.service(
        s.code,
        &svc_mods,
        minutes,
        svc_ev.clone(),
        why(
            format!(
                "The surgical procedure ({}) crosswalks to anesthesia code {} — anesthesia for {} — {} base units. Units on the line are the anesthesia minutes, {} to {} = {minutes} minutes (CMS reports anesthesia time in minutes; in-room, incision and out-of-room times are not the anesthesia time). Modifiers: {dir_text}; P{ps} from the documented ASA class.{qs}{medicare_ps}{pay_note}",
                s.procedure.to_lowercase(),
                s.code,
                s.what,
                s.base,
                hm(t0),
                hm(end)
            ),
            vec![convention("ASA Relative Value Guide / CMS anesthesia base units"), edit("CMS Claims Processing Manual ch. 12 §50"), convention("CMS anesthesia time reported in minutes")],
        ),
    );
    if report_99100 {
        cw.service("99100", &[], 1, vec![pw_ev(&cw, &pw), ps_ev.clone()], why(format!("Qualifying circumstance: patient of extreme age ({}), an add-on reported as its own line (1 unit, no modifier) to a payer that recognizes it.", if age < 1 { "younger than 1 year" } else { "older than 70" }), vec![convention("CPT anesthesia qualifying circumstances 99100-99140")]));
    } else if extreme_age && medicare {
        cw.not_coded("extreme age (older than 70)", Some("99100"), vec![pw_ev(&cw, &pw)], why("Medicare does not recognize the qualifying-circumstance codes (bundled); 99100 is not put on this Medicare claim.", vec![edit("MPFS status indicator B for 99100")]));
    }
    if k == Kind::InfantHernia {
        cw.not_coded("infant younger than 1 year", Some("99100"), vec![pw_ev(&cw, &pw)], why("00834 is defined for patients younger than 1 year; CPT says not to report 99100 with it (the age is already in the code).", vec![convention("CPT 00834 parenthetical: do not report with 99100")]));
    }
    if report_99140 {
        cw.service("99140", &[], 1, vec![ps_ev.clone()], why("ASA class documented with 'E' (emergency): qualifying circumstance 99140, 2 units, its own line, to a payer that recognizes it.", vec![convention("CPT anesthesia qualifying circumstances 99100-99140")]));
    } else if emerg {
        cw.not_coded("emergency (ASA E)", Some("99140"), vec![ps_ev.clone()], why("Medicare does not pay qualifying-circumstance codes; 99140 is not reported on this Medicare claim (the E stays in the record only).", vec![edit("MPFS status indicator B for 99140")]));
    }
    if let Some(be) = block_ev {
        if !crna_claim {
            cw.service("64415", &["59"], 1, vec![be], why("The interscalene block was placed at the surgeon's request for postoperative pain, separately from the general anesthetic, before anesthesia start (its time is not in the anesthesia time): 64415 (imaging guidance included), modifier 59 because NCCI bundles nerve blocks into the anesthesia code unless they are for postoperative pain.", vec![edit("NCCI Policy Manual ch. II"), edit("NCCI PTP")]));
        }
    }
    if s.bleeding {
        cw.not_coded("intraoperative bleeding from a cystic artery branch", Some("K91.61"), bleed_ev.clone().into_iter().collect(), why("A complication code needs the provider to document the condition as a complication of the procedure; the surgeon states the controlled bleeding was expected with the inflamed tissue and not a complication, so K91.61 is not assigned. The fall in MAP it caused was treated within the same event and is not coded separately either.", vec![guideline("OCG I.B.16")]));
    }
    if routine_dip {
        let ob = k == Kind::Csection;
        cw.not_coded(
            if ob { "transient hypotension after the spinal, treated with phenylephrine" } else { "transient hypotension during the anesthetic, treated with a vasopressor" },
            Some(if ob { "O74.6" } else { "I95.2" }),
            vec![event_ev.clone()],
            why(
                format!(
                    "A brief fall in blood pressure after {} is an expected, transient response to the anesthetic, treated routinely with a vasopressor and resolved; the record calls it expected and states no complications. A condition is coded as a complication of care only when the provider documents it as one, so neither a complication or adverse-effect code ({}) nor a separate hypotension code is assigned; had the anesthesiologist documented it as a complication, it would be coded.",
                    if ob || s.tech == Tech::Spinal { "a spinal" } else if mac { "propofol sedation" } else { "induction" },
                    if ob { "O74.- complications of anesthesia during labor and delivery" } else { "T88.59, or I95.2 with an adverse-effect code" }
                ),
                vec![guideline("OCG I.B.16"), guideline("OCG IV.J")],
            ),
        );
    }
    let total = s.base as f32 + tu + modifying as f32;
    cw.gold.anesthesia = Some(GoldAnesthesia {
        base_units: s.base,
        time_minutes: minutes,
        modifying_units: modifying,
        modifier: who.modifier().into(),
        evidence: svc_ev,
        rationale: why(
            format!(
                "Payer {payer}: {}. Base {} ({}) + time {tu:.1} units ({minutes} min / 15, one decimal, the payer's method) + modifying {modifying} (physical status P{ps}: {ps_units}{}{}) = {total:.1} units. Medical direction: {}.",
                if medicare { "Medicare pays base + time only; physical-status and qualifying-circumstance units are not paid" } else { "the contract pays ASA RVG physical-status units (P1-P2 0, P3 1, P4 2, P5 3) and qualifying circumstances" },
                s.base,
                s.code,
                if report_99100 { "; extreme age 99100: 1" } else { "" },
                if report_99140 { "; emergency 99140: 2" } else { "" },
                who.modifier()
            ),
            vec![convention("ASA Relative Value Guide: base + time + modifying units"), edit("CMS Claims Processing Manual ch. 12 §50")],
        ),
    });
    cw.finish()
}

/// The words naming the patient's age, as evidence.
fn pw_ev(cw: &CaseWriter, pw: &str) -> Evidence {
    let d = cw.docs.iter().find(|d| d.kind == DocumentKind::AnesthesiaRecord).expect("anesthesia record");
    Evidence { doc: d.id.clone(), quote: pw.to_string(), at: d.text.find(pw) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anesthesia_pack_check() {
        let mut r = Rng::new(2026).derive("anesthesia");
        let cs = cases(&mut r);
        assert!(cs.len() >= 60);
        assert_eq!(crate::generate::surgery::tests::report(&cs), 0);
        let o = crate::overlap::measure(&cs);
        assert!(o.pair_max < 0.8, "the closest pair shares more than 80% of its text: {:?}", o.top.first());
    }
}
