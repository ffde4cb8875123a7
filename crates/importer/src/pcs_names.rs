//! Names of ICD-10-PCS characters that the code titles never spell out, for the sections outside the official
//! labels file (which covers sections 0 and 1 only): the body system (character 2), the root operation or root
//! type (character 3), the approach (character 5) of the sections that have one, and the wording of the value Z
//! ("none") at positions 4–7.
//!
//! These are small, closed lists from the PCS tables; they are written down here rather than guessed from
//! titles. Each entry was checked against public copies of the CMS ICD-10-PCS tables (stored copies of public
//! pages and repositories, 2024–2026 tables); an entry is here only if a table listing confirmed it, and the
//! sources are named per list:
//!
//! - **R** — the `procedural` R package (andrewallenbruce/procedural): `R/systems.R` (body systems of every
//!   section, 2024 tables) and `data-raw/definitions.R` (root operations/types of sections 1–9, B, C, F, G, H, X);
//! - **T** — per-table listings of the 2025 tables: icd-10-code.org `icd10pcs/table/<TABLE>` ("All Possible Options
//!   for Characters"), medicareinformatics.com and the "ICD-10-PCS Book" table pages;
//! - **S** — per-section and per-body-system listings: icd10coded.com `pcs/<SECTION or SYSTEM>/` and
//!   icdlist.com `icd-10-pcs/section/…`, `…/body-system/…`.
//!
//! Where two sources spell a name differently, the spelling in the code titles wins (section 6, value 9:
//! "Shock Wave Therapy" in titles and in S, "Shockwave Therapy" in R).
//!
//! Not listed, because no source at hand confirmed it: section X body system 9 (its codes come only from the MS-DRG
//! v43.1 list, without titles), and the Z wording of section 2 position 6, section H position 4 and section X.

/// The body system (character 2) of a section other than 0, e.g. `('B', '3')` → "Upper Arteries".
pub(crate) fn body_system(section: char, value: char) -> Option<&'static str> {
    BODY_SYSTEMS.iter().find(|(s, v, _)| *s == section && *v == value).map(|(_, _, n)| *n)
}

/// The root operation or root type (character 3) of a section 2–9, B, C, D, F, G, H or X. In these sections a
/// value means the same operation in every body system, so the body system is not needed.
pub(crate) fn operation(section: char, value: char) -> Option<&'static str> {
    OPERATIONS.iter().find(|(s, v, _)| *s == section && *v == value).map(|(_, _, n)| *n)
}

/// The approach (character 5) in the sections whose fifth character is an approach (0–4, 7–9 and X), where the
/// values mean the same in every section: "Open", "Percutaneous", …, "External".
pub(crate) fn approach(section: char, value: char) -> Option<&'static str> {
    if !"01234789X".contains(section) {
        return None;
    }
    APPROACHES.iter().find(|(v, _)| *v == value).map(|(_, n)| *n)
}

/// The qualifier (character 7) of section X, which is always the New Technology Group of the code: values 1–9
/// are groups 1–9, A is group 10 and B group 11.
pub(crate) fn new_technology_group(value: char) -> Option<&'static str> {
    // Every one of the 345 titled section X codes of the code list ends with "New Technology Group N" where N
    // is its character 7 (values 2, 3, 5–9); A = 10 is confirmed by T (X28), B = 11 by the "ICD-10-PCS Book"
    // XNS page.
    const GROUPS: [&str; 11] = [
        "New Technology Group 1",
        "New Technology Group 2",
        "New Technology Group 3",
        "New Technology Group 4",
        "New Technology Group 5",
        "New Technology Group 6",
        "New Technology Group 7",
        "New Technology Group 8",
        "New Technology Group 9",
        "New Technology Group 10",
        "New Technology Group 11",
    ];
    let n = match value {
        '1'..='9' => value as usize - '1' as usize,
        'A' => 9,
        'B' => 10,
        _ => return None,
    };
    Some(GROUPS[n])
}

/// The official wording of the value Z at a position (4–7) where Z means that the axis does not apply, e.g.
/// `('0', 6)` → "No Device", `('B', 5)` → "None". `None` where the wording was not confirmed or where Z can mean
/// something else (character 4 of section C: "Musculoskeletal System, All").
pub(crate) fn none_value(section: char, pos: u8) -> Option<&'static str> {
    NONE_VALUES.iter().find(|(s, p, _)| *s == section && *p == pos).map(|(_, _, n)| *n)
}

/// (section, character 2, name).
const BODY_SYSTEMS: &[(char, char, &str)] = &[
    // R; and the section 1 rows of the official labels file.
    ('1', '0', "Pregnancy"),
    // R; S (icd10coded.com pcs/2W0, icdlist.com section 2).
    ('2', 'W', "Anatomical Regions"),
    ('2', 'Y', "Anatomical Orifices"),
    // R; T (3C1, 3E1).
    ('3', '0', "Circulatory"),
    ('3', 'C', "Indwelling Device"),
    ('3', 'E', "Physiological Systems and Anatomical Regions"),
    // R; T (4A1), S (icd10coded.com pcs/4B0).
    ('4', 'A', "Physiological Systems"),
    ('4', 'B', "Physiological Devices"),
    // R; T (5A1, 6A0).
    ('5', 'A', "Physiological Systems"),
    ('6', 'A', "Physiological Systems"),
    // R; T (7W0, 9WB).
    ('7', 'W', "Anatomical Regions"),
    // R; T (8E0), S (icdlist.com section 8).
    ('8', 'C', "Indwelling Device"),
    ('8', 'E', "Physiological Systems and Anatomical Regions"),
    ('9', 'W', "Anatomical Regions"),
    // Imaging: R; S (icd10coded.com pcs/BD, BH, BN0, BP2, B90 …), T (BH0).
    ('B', '0', "Central Nervous System"),
    ('B', '2', "Heart"),
    ('B', '3', "Upper Arteries"),
    ('B', '4', "Lower Arteries"),
    ('B', '5', "Veins"),
    ('B', '7', "Lymphatic System"),
    ('B', '8', "Eye"),
    ('B', '9', "Ear, Nose, Mouth and Throat"),
    ('B', 'B', "Respiratory System"),
    ('B', 'D', "Gastrointestinal System"),
    ('B', 'F', "Hepatobiliary System and Pancreas"),
    ('B', 'G', "Endocrine System"),
    ('B', 'H', "Skin, Subcutaneous Tissue and Breast"),
    ('B', 'L', "Connective Tissue"),
    ('B', 'N', "Skull and Facial Bones"),
    ('B', 'P', "Non-Axial Upper Bones"),
    ('B', 'Q', "Non-Axial Lower Bones"),
    ('B', 'R', "Axial Skeleton, Except Skull and Facial Bones"),
    ('B', 'T', "Urinary System"),
    ('B', 'U', "Female Reproductive System"),
    ('B', 'V', "Male Reproductive System"),
    ('B', 'W', "Anatomical Regions"),
    ('B', 'Y', "Fetus and Obstetrical"),
    // Nuclear Medicine: R; T (C21, C23), S (icdlist.com body-system C0, icd10coded.com pcs/CH2).
    ('C', '0', "Central Nervous System"),
    ('C', '2', "Heart"),
    ('C', '5', "Veins"),
    ('C', '7', "Lymphatic and Hematologic System"),
    ('C', '8', "Eye"),
    ('C', '9', "Ear, Nose, Mouth and Throat"),
    ('C', 'B', "Respiratory System"),
    ('C', 'D', "Gastrointestinal System"),
    ('C', 'F', "Hepatobiliary System and Pancreas"),
    ('C', 'G', "Endocrine System"),
    ('C', 'H', "Skin, Subcutaneous Tissue and Breast"),
    ('C', 'P', "Musculoskeletal System"),
    ('C', 'T', "Urinary System"),
    ('C', 'V', "Male Reproductive System"),
    ('C', 'W', "Anatomical Regions"),
    // Radiation Therapy: R; S (icd10coded.com pcs/D/ lists all fifteen), T (D01, D0Y).
    ('D', '0', "Central and Peripheral Nervous System"),
    ('D', '7', "Lymphatic and Hematologic System"),
    ('D', '8', "Eye"),
    ('D', '9', "Ear, Nose, Mouth and Throat"),
    ('D', 'B', "Respiratory System"),
    ('D', 'D', "Gastrointestinal System"),
    ('D', 'F', "Hepatobiliary System and Pancreas"),
    ('D', 'G', "Endocrine System"),
    ('D', 'H', "Skin"),
    ('D', 'M', "Breast"),
    ('D', 'P', "Musculoskeletal System"),
    ('D', 'T', "Urinary System"),
    ('D', 'U', "Female Reproductive System"),
    ('D', 'V', "Male Reproductive System"),
    ('D', 'W', "Anatomical Regions"),
    // Character 2 of section F is the section qualifier. R; T (F06), S (icd10coded.com pcs/F13, F15).
    ('F', '0', "Rehabilitation"),
    ('F', '1', "Diagnostic Audiology"),
    // R; T (GZ1, GZ2, HZ3, HZ4, HZ5).
    ('G', 'Z', "None"),
    ('H', 'Z', "None"),
    // New Technology: R; T (X0Z, X28, X2U, XNS), S (icdlist.com body-system X2), the "ICD-10-PCS Book" XNS
    // page, medicareinformatics.com XW0.
    ('X', '0', "Nervous System"),
    ('X', '2', "Cardiovascular System"),
    ('X', 'D', "Gastrointestinal System"),
    ('X', 'F', "Hepatobiliary System and Pancreas"),
    ('X', 'H', "Skin, Subcutaneous Tissue, Fascia and Breast"),
    ('X', 'K', "Muscles, Tendons, Bursae and Ligaments"),
    ('X', 'N', "Bones"),
    ('X', 'R', "Joints"),
    ('X', 'T', "Urinary System"),
    ('X', 'W', "Anatomical Regions"),
    ('X', 'X', "Physiological Systems"),
    ('X', 'Y', "Extracorporeal"),
];

/// (section, character 3, name).
const OPERATIONS: &[(char, char, &str)] = &[
    // R; S (icdlist.com section 2 defines the five Placement operations plus Change and Removal); T (2W1, 2W3).
    ('2', '0', "Change"),
    ('2', '1', "Compression"),
    ('2', '2', "Dressing"),
    ('2', '3', "Immobilization"),
    ('2', '4', "Packing"),
    ('2', '5', "Removal"),
    ('2', '6', "Traction"),
    // R; T (3C1, 3E1); the Administration titles ("Introduction of …", "Irrigation of …", "Transfusion of …").
    ('3', '0', "Introduction"),
    ('3', '1', "Irrigation"),
    ('3', '2', "Transfusion"),
    // R; T (4A1), S (icdlist.com operation 4A0).
    ('4', '0', "Measurement"),
    ('4', '1', "Monitoring"),
    // R; S (icdlist.com body-system 5A), T (5A1).
    ('5', '0', "Assistance"),
    ('5', '1', "Performance"),
    ('5', '2', "Restoration"),
    // R; S (icd10coded.com pcs/6/ defines the ten therapies), T (6A0, icd10coded.com 6A1, 6A8 tables).
    ('6', '0', "Atmospheric Control"),
    ('6', '1', "Decompression"),
    ('6', '2', "Electromagnetic Therapy"),
    ('6', '3', "Hyperthermia"),
    ('6', '4', "Hypothermia"),
    ('6', '5', "Pheresis"),
    ('6', '6', "Phototherapy"),
    ('6', '7', "Ultrasound Therapy"),
    ('6', '8', "Ultraviolet Light Therapy"),
    ('6', '9', "Shock Wave Therapy"),
    ('6', 'B', "Perfusion"),
    // R; T (7W0, 8E0, 9WB), S (icdlist.com sections 7, 8, 9).
    ('7', '0', "Treatment"),
    ('8', '0', "Other Procedures"),
    ('9', 'B', "Manipulation"),
    // R; S (icd10coded.com pcs/BD, BH, B02B …).
    ('B', '0', "Plain Radiography"),
    ('B', '1', "Fluoroscopy"),
    ('B', '2', "Computerized Tomography (CT Scan)"),
    ('B', '3', "Magnetic Resonance Imaging (MRI)"),
    ('B', '4', "Ultrasonography"),
    ('B', '5', "Other Imaging"),
    // R; T (C21, C23), S (icdlist.com body-system C0).
    ('C', '1', "Planar Nuclear Medicine Imaging"),
    ('C', '2', "Tomographic (Tomo) Nuclear Medicine Imaging"),
    ('C', '3', "Positron Emission Tomographic (PET) Imaging"),
    ('C', '4', "Nonimaging Nuclear Medicine Uptake"),
    ('C', '5', "Nonimaging Nuclear Medicine Probe"),
    ('C', '6', "Nonimaging Nuclear Medicine Assay"),
    ('C', '7', "Systemic Nuclear Medicine Therapy"),
    // T (D01 Brachytherapy, D0Y Other Radiation), S (icd10coded.com DW0 Beam Radiation, DD2 and DG2
    // Stereotactic Radiosurgery).
    ('D', '0', "Beam Radiation"),
    ('D', '1', "Brachytherapy"),
    ('D', '2', "Stereotactic Radiosurgery"),
    ('D', 'Y', "Other Radiation"),
    // R; S (icdlist.com section F; icd10coded.com F06, F09, F0C, F0F, F13, F15), T (F06).
    ('F', '0', "Speech Assessment"),
    ('F', '1', "Motor and/or Nerve Function Assessment"),
    ('F', '2', "Activities of Daily Living Assessment"),
    ('F', '3', "Hearing Assessment"),
    ('F', '4', "Hearing Aid Assessment"),
    ('F', '5', "Vestibular Assessment"),
    ('F', '6', "Speech Treatment"),
    ('F', '7', "Motor Treatment"),
    ('F', '8', "Activities of Daily Living Treatment"),
    ('F', '9', "Hearing Treatment"),
    ('F', 'B', "Cochlear Implant Treatment"),
    ('F', 'C', "Vestibular Treatment"),
    ('F', 'D', "Device Fitting"),
    ('F', 'F', "Caregiver Training"),
    // R; S (icdlist.com section G), T (GZ1, GZ2, GZ6), icd10coded.com GZB.
    ('G', '1', "Psychological Tests"),
    ('G', '2', "Crisis Intervention"),
    ('G', '3', "Medication Management"),
    ('G', '5', "Individual Psychotherapy"),
    ('G', '6', "Counseling"),
    ('G', '7', "Family Psychotherapy"),
    ('G', 'B', "Electroconvulsive Therapy"),
    ('G', 'C', "Biofeedback"),
    ('G', 'F', "Hypnosis"),
    ('G', 'G', "Narcosynthesis"),
    ('G', 'H', "Group Psychotherapy"),
    ('G', 'J', "Light Therapy"),
    // R; T (HZ3, HZ4, HZ5).
    ('H', '2', "Detoxification Services"),
    ('H', '3', "Individual Counseling"),
    ('H', '4', "Group Counseling"),
    ('H', '5', "Individual Psychotherapy"),
    ('H', '6', "Family Counseling"),
    ('H', '8', "Medication Management"),
    ('H', '9', "Pharmacotherapy"),
    // R (which lacks 8 and Z); T (X0Z Other Procedures, X28 Division, X2U Supplement, XNS Reposition), S
    // (icdlist.com body-system X2: Dilation, Division, Assistance, Extirpation, Insertion, Inspection, Bypass,
    // Replacement, …), medicareinformatics.com XW0 (Introduction). The values are those of the Medical and
    // Surgical root operations with the same names.
    ('X', '0', "Introduction"),
    ('X', '1', "Transfusion"),
    ('X', '2', "Monitoring"),
    ('X', '5', "Destruction"),
    ('X', '7', "Dilation"),
    ('X', '8', "Division"),
    ('X', 'A', "Assistance"),
    ('X', 'C', "Extirpation"),
    ('X', 'E', "Measurement"),
    ('X', 'G', "Fusion"),
    ('X', 'H', "Insertion"),
    ('X', 'J', "Inspection"),
    ('X', 'K', "Bypass"),
    ('X', 'P', "Irrigation"),
    ('X', 'R', "Replacement"),
    ('X', 'S', "Reposition"),
    ('X', 'U', "Supplement"),
    ('X', 'V', "Restriction"),
    ('X', 'Z', "Other Procedures"),
];

/// (character 5, approach). R (`data-raw/definitions.R`: one list for sections 0–4, 7–9 and X); the approach
/// definitions of sections 0 and 1 in the definitions file; T (3E1, 4A1, 8E0: 0 3 4 7 8 X; 7W0, 9WB, 2W3: X
/// External; X28, XNS: 0 Open, 3 Percutaneous).
const APPROACHES: &[(char, &str)] = &[
    ('0', "Open"),
    ('3', "Percutaneous"),
    ('4', "Percutaneous Endoscopic"),
    ('7', "Via Natural or Artificial Opening"),
    ('8', "Via Natural or Artificial Opening Endoscopic"),
    ('F', "Via Natural or Artificial Opening With Percutaneous Endoscopic Assistance"),
    ('X', "External"),
];

/// (section, position, wording of Z).
const NONE_VALUES: &[(char, u8, &str)] = &[
    // The official labels file: every Z at position 6 of sections 0 and 1 is "No Device", at 7 "No Qualifier".
    ('0', 6, "No Device"),
    ('0', 7, "No Qualifier"),
    ('1', 6, "No Device"),
    ('1', 7, "No Qualifier"),
    // T (2W1, 2W3).
    ('2', 7, "No Qualifier"),
    // T (3C1: character 4 Z None; 3C1, 3E1: character 7 Z No Qualifier).
    ('3', 4, "None"),
    ('3', 7, "No Qualifier"),
    // T (4A1).
    ('4', 4, "None"),
    ('4', 7, "No Qualifier"),
    // T (5A1), medicareinformatics.com 5A2.
    ('5', 7, "No Qualifier"),
    // T (6A0).
    ('6', 4, "None"),
    ('6', 6, "No Qualifier"),
    ('6', 7, "No Qualifier"),
    // T (7W0).
    ('7', 7, "None"),
    // T (8E0).
    ('8', 4, "None"),
    ('8', 7, "No Qualifier"),
    // T (9WB); icdlist.com 9WB1XLZ.
    ('9', 7, "None"),
    // medicareinformatics.com BH0; icd10coded.com B02B.
    ('B', 5, "None"),
    ('B', 6, "None"),
    ('B', 7, "None"),
    // T (C21, C23).
    ('C', 5, "None"),
    ('C', 6, "None"),
    ('C', 7, "None"),
    // T (D01, D0Y).
    ('D', 6, "None"),
    ('D', 7, "None"),
    // T (F06).
    ('F', 4, "None"),
    ('F', 6, "None"),
    ('F', 7, "None"),
    // T (GZ1, GZ2, GZ6).
    ('G', 4, "None"),
    ('G', 5, "None"),
    ('G', 6, "None"),
    ('G', 7, "None"),
    // T (HZ3, HZ4, HZ5).
    ('H', 5, "None"),
    ('H', 6, "None"),
    ('H', 7, "None"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_systems_outside_medical_and_surgical_have_their_official_names() {
        assert_eq!(body_system('2', 'Y'), Some("Anatomical Orifices"));
        assert_eq!(body_system('3', 'E'), Some("Physiological Systems and Anatomical Regions"));
        assert_eq!(body_system('B', 'R'), Some("Axial Skeleton, Except Skull and Facial Bones"));
        assert_eq!(body_system('D', 'M'), Some("Breast"));
        assert_eq!(body_system('X', '9'), None, "not confirmed, so not named");
    }

    #[test]
    fn root_types_are_named_per_section() {
        assert_eq!(operation('B', '2'), Some("Computerized Tomography (CT Scan)"));
        assert_eq!(operation('D', 'Y'), Some("Other Radiation"));
        assert_eq!(operation('X', 'Z'), Some("Other Procedures"));
        assert_eq!(operation('0', 'T'), None, "section 0 operations come from the definitions file");
    }

    #[test]
    fn approaches_are_named_only_where_character_5_is_an_approach() {
        assert_eq!(approach('7', 'X'), Some("External"));
        assert_eq!(approach('X', '3'), Some("Percutaneous"));
        assert_eq!(approach('B', '0'), None, "character 5 of Imaging is the contrast");
    }

    #[test]
    fn new_technology_qualifiers_are_groups() {
        assert_eq!(new_technology_group('7'), Some("New Technology Group 7"));
        assert_eq!(new_technology_group('B'), Some("New Technology Group 11"));
        assert_eq!(new_technology_group('C'), None, "not confirmed");
    }

    #[test]
    fn z_is_worded_as_each_section_words_it() {
        assert_eq!(none_value('0', 6), Some("No Device"));
        assert_eq!(none_value('8', 7), Some("No Qualifier"));
        assert_eq!(none_value('9', 7), Some("None"));
        assert_eq!(none_value('C', 4), None, "Z at character 4 of Nuclear Medicine is a body part");
    }

    #[test]
    fn every_list_has_one_name_per_value() {
        let mut seen = std::collections::HashSet::new();
        assert!(BODY_SYSTEMS.iter().all(|(s, v, _)| seen.insert(('b', *s, *v))));
        assert!(OPERATIONS.iter().all(|(s, v, _)| seen.insert(('o', *s, *v))));
        assert!(NONE_VALUES.iter().all(|(s, p, _)| seen.insert(('z', *s, (b'0' + p) as char))));
    }
}
