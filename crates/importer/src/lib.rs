//! Readers for the official release files of the code sets.
//!
//! Each module reads one official file format from bytes or text that the caller has already read;
//! nothing here opens a file or touches the network.

/// The CDC/CMS ICD-10-CM Tabular List XML (`icd10cm-tabular-*.xml`).
pub mod tabular;
/// The ICD-10-CM Alphabetic Index, Neoplasm Table, Table of Drugs and Chemicals and External Cause Index XML.
pub mod index;
/// The CMS ICD-10-PCS tables XML (`icd10pcs_tables_*.xml`).
pub mod pcs_tables;
/// The CMS HCPCS Level II fixed-width file (ANWEB).
pub mod hcpcs;
/// A licensed CPT data file supplied by the user (never shipped).
pub mod cpt;
/// NCCI procedure-to-procedure edits and MUEs from the CMS files a licensed programme downloads (never shipped).
pub mod ncci;
/// The XML tree reader the index and PCS tables readers share.
mod xml;
/// ICD-10-PCS from a list of valid codes and titles (the CMS order file's content, as tab-separated text),
/// with the tables rebuilt from the codes.
pub mod pcs_codes;

/// The HCPCS Level II code set from an ANWEB file: procedure records become codes, modifier records modifiers.
/// Codes with a termination date are left out: they are no longer reportable.
pub fn hcpcs_codeset(anweb: &str, release: &str) -> Result<codeset::Hcpcs, hcpcs::HcpcsError> {
    let file = hcpcs::parse_anweb(anweb)?;
    let entry = |r: &hcpcs::HcpcsRecord| codeset::hcpcs::HcpcsEntry { code: r.code.clone(), long: r.long_description.clone(), short: r.short_description.clone() };
    let codes = file.procedures.iter().filter(|r| r.termination_date.is_none()).map(entry).collect();
    let modifiers = file.modifiers.iter().filter(|r| r.termination_date.is_none()).map(entry).collect();
    Ok(codeset::Hcpcs::new(release, codes, modifiers))
}
/// Applying an imported official file to a code book.
pub mod apply;
/// Confirmed names of ICD-10-PCS characters that code titles never spell out (body systems, root types, Z).
mod pcs_names;
