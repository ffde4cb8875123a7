//! The case-library generator: a deterministic, seeded writer of practice records from a clinical knowledge base.
//!
//! Each **family** of scenarios (inpatient medicine, surgery, anesthesia, the emergency department, hospital
//! outpatient services, the physician office with E/M and risk adjustment, post-acute care) writes its cases from its
//! own random stream, so changing one family never reshuffles another. A case is written the way a record is:
//! documents first, each gold item pointing at the words that support it ([`writer::Doc::mark`]); the pack check
//! ([`crate::check_pack`]) is the gate every generated case passes.
//!
//! ```
//! use cases::generate::{generate, SEED};
//! // The same seed gives the same library, byte for byte.
//! assert_eq!(generate(SEED), generate(SEED));
//! ```

/// The seeded random stream and the `{a|b}` phrasing helper.
pub mod rng;
/// Documents with evidence marked as they are written, and the gold items that point at it.
pub mod writer;
/// The shared chronic conditions: their wording, MEAT, medications and how the conventions combine their codes.
pub mod kb;
/// Inpatient admissions (medical and surgical) for the IP and inpatient-DRG tracks.
pub mod inpatient;
/// Ambulatory surgery: operative notes, CPT with laterality and distinct-procedure modifiers.
pub mod surgery;
/// Anesthesia records: ASA codes, base and time units, physical status and medical-direction modifiers.
pub mod anesthesia;
/// Emergency department visits: injuries with 7th characters and external causes, ED E/M levels.
pub mod ed;
/// Hospital outpatient (OPPS) services: infusions, observation, imaging, endoscopy.
pub mod outpatient;
/// The physician office: E/M levels by MDM, risk-adjustment reviews with MEAT, EMR-based records.
pub mod office;
/// Skilled nursing and home health: aftercare, sequelae, wounds, PDGM primary diagnoses.
pub mod post_acute;

use crate::model::{Case, Encounter, Pack, Setting, Sex, PACK_FORMAT};
use rng::Rng;

/// The seed of the built-in library.
pub const SEED: u64 = 2026;

/// The families, in the order their cases stand in the pack.
const FAMILIES: [(&str, fn(&mut Rng) -> Vec<Case>); 8] = [
    ("inpatient", inpatient::cases),
    ("surgery", surgery::cases),
    ("anesthesia", anesthesia::cases),
    ("ed", ed::cases),
    ("outpatient", outpatient::cases),
    ("office", office::cases),
    ("post_acute", post_acute::cases),
    ("reserved", |_| Vec::new()),
];

/// The whole library from a seed: the same seed always gives the same pack, byte for byte.
pub fn generate(seed: u64) -> Pack {
    let root = Rng::new(seed);
    let mut cases = Vec::new();
    for (name, family) in FAMILIES {
        let mut r = root.derive(name);
        cases.extend(family(&mut r));
    }
    Pack { format: PACK_FORMAT, name: "Codefellow built-in case library".into(), fiscal_year: 2026, cases }
}

/// An encounter with no stay.
pub fn visit(setting: Setting, age: u8, sex: Sex) -> Encounter {
    Encounter { setting, age, sex, length_of_stay: None, discharge_status: None }
}

/// An inpatient stay.
pub fn stay(age: u8, sex: Sex, length_of_stay: u16, discharge_status: u8) -> Encounter {
    Encounter { setting: Setting::Inpatient, age, sex, length_of_stay: Some(length_of_stay), discharge_status: Some(discharge_status) }
}

/// A random adult sex (M or F).
pub fn sex(rng: &mut Rng) -> Sex {
    if rng.chance(0.5) {
        Sex::Female
    } else {
        Sex::Male
    }
}

/// How a note names the patient: never a name, an age and sex ("67-year-old man"); ages stay under 90.
pub fn person(rng: &mut Rng, age: u8, sex: Sex) -> String {
    let noun = match sex {
        Sex::Female => *rng.pick(&["woman", "female", "woman", "lady"]),
        Sex::Male => *rng.pick(&["man", "male", "man", "gentleman"]),
        Sex::Unknown => "patient",
    };
    let noun = if age < 18 {
        match sex {
            Sex::Female => "girl",
            Sex::Male => "boy",
            Sex::Unknown => "child",
        }
    } else {
        noun
    };
    match rng.below(3) {
        0 => format!("{age}-year-old {noun}"),
        1 => format!("{age} y/o {noun}"),
        _ => format!("{age} yo {}", if sex == Sex::Female { "F" } else { "M" }),
    }
}

/// The case id of the n-th case (1-based) of a family: "ED-0007".
pub fn case_id(prefix: &str, n: usize) -> String {
    format!("{prefix}-{n:04}")
}
