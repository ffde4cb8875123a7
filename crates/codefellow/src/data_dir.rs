//! The data directory: what a programme has imported, kept as the files themselves (`imports/`, the source of
//! truth) and as a rebuilt bundle (`codebook.bundle`, a cache). The cache records which built-in bundle it was
//! built on; a binary with other built-in data rebuilds it from `imports/` instead of reading stale data.

use anyhow::{bail, Context, Result};
use codebook::{bundle, Library};
use importer::apply::{self, Report};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The official files Codefellow imports, in the order they are applied (the Tabular first: the others
/// refer to its codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// ICD-10-CM Tabular List XML (icd10cm-tabular-YYYY.xml): replaces the built-in ICD-10-CM.
    Tabular,
    /// ICD-10-PCS tables XML (icd10pcs_tables_YYYY.xml): the valid PCS codes with their official rows and labels.
    PcsTables,
    /// HCPCS Level II fixed-width ANWEB file (HCPCYYYY_..._ANWEB.txt).
    Hcpcs,
    /// A licensed CPT file (tab, pipe, CSV or fixed layout): descriptors, kept only in this data directory.
    Cpt,
    /// ICD-10-CM Alphabetic Index XML (icd10cm_index_YYYY.xml).
    Index,
    /// ICD-10-CM External Cause Index XML (icd10cm_eindex_YYYY.xml).
    Eindex,
    /// ICD-10-CM Neoplasm Table XML (icd10cm_neoplasm_YYYY.xml).
    Neoplasm,
    /// ICD-10-CM Table of Drugs and Chemicals XML (icd10cm_drug_YYYY.xml).
    Drug,
    /// NCCI procedure-to-procedure edits (a licensed CMS file, tab-delimited or CSV); several files add up (CMS
    /// splits the practitioner edits in four). Used by `audit`, not by the code book.
    NcciPtp,
    /// NCCI medically unlikely edits (a CMS MUE table, tab-delimited or CSV). Used by `audit`.
    NcciMue,
}

impl Kind {
    const ORDER: [Kind; 8] = [Kind::Tabular, Kind::PcsTables, Kind::Hcpcs, Kind::Cpt, Kind::Index, Kind::Eindex, Kind::Neoplasm, Kind::Drug];

    fn name(self) -> &'static str {
        match self {
            Kind::Tabular => "tabular",
            Kind::PcsTables => "pcs-tables",
            Kind::Hcpcs => "hcpcs",
            Kind::Cpt => "cpt",
            Kind::Index => "index",
            Kind::Eindex => "eindex",
            Kind::Neoplasm => "neoplasm",
            Kind::Drug => "drug",
            Kind::NcciPtp => "ncci-ptp",
            Kind::NcciMue => "ncci-mue",
        }
    }

    fn apply(self, book: &mut codeset::CodeBook, text: &str, release: &str) -> Result<Report, apply::ApplyError> {
        match self {
            Kind::Tabular => apply::apply_tabular(book, text, release),
            Kind::PcsTables => apply::apply_pcs_tables(book, text, release),
            Kind::Hcpcs => apply::apply_hcpcs(book, text, release),
            Kind::Cpt => apply::apply_cpt(book, text, release),
            Kind::Index => apply::apply_index(book, text, "index"),
            Kind::Eindex => apply::apply_index(book, text, "eindex"),
            Kind::Neoplasm => apply::apply_table(book, text, "neoplasm"),
            Kind::Drug => apply::apply_table(book, text, "drug"),
            // NCCI files never reach the code book: `import` keeps them apart (`import_ncci`), and `ORDER` leaves them out.
            Kind::NcciPtp | Kind::NcciMue => Ok(Report::default()),
        }
    }
}

pub struct DataDir {
    root: PathBuf,
}

/// Reads a release file as text. The official files are UTF-8; older CMS text files are Latin-1, which is read
/// byte for byte rather than refused.
fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where imported case packs are kept, one JSON pack per import.
    pub fn cases_dir(&self) -> PathBuf {
        self.root.join("cases")
    }

    fn imports(&self) -> PathBuf {
        self.root.join("imports")
    }

    fn cache(&self) -> PathBuf {
        self.root.join("codebook.bundle")
    }

    fn stored(&self, kind: Kind) -> PathBuf {
        self.imports().join(kind.name())
    }

    /// The imports present, in the order they apply, with the original file name recorded beside each.
    fn present(&self) -> Vec<(Kind, PathBuf, String)> {
        Kind::ORDER
            .iter()
            .filter_map(|&k| {
                let p = self.stored(k);
                p.exists().then(|| {
                    let name = std::fs::read_to_string(p.with_extension("name")).unwrap_or_else(|_| k.name().to_string());
                    (k, p, name.trim().to_string())
                })
            })
            .collect()
    }

    /// The code book to run on: the built-in one, plus whatever has been imported here.
    pub fn load(&self) -> Result<Library> {
        let present = self.present();
        if present.is_empty() {
            return Library::embedded().context("loading the built-in code book");
        }
        if let Ok(bytes) = std::fs::read(self.cache()) {
            let base: Option<String> = bundle::decode(&bytes, "base").ok();
            if base.as_deref() == Some(codebook::FINGERPRINT) {
                if let Ok(lib) = Library::from_bytes(Cow::Owned(bytes)) {
                    return Ok(lib);
                }
            }
        }
        eprintln!("note: rebuilding the code book from {} (imports: {})", self.imports().display(), present.iter().map(|p| p.0.name()).collect::<Vec<_>>().join(", "));
        let (lib, _) = self.rebuild(&present, None)?;
        self.save(&lib)?;
        Ok(lib)
    }

    /// Applies the imports (and a new one, read but not yet stored) to the built-in code book.
    fn rebuild(&self, present: &[(Kind, PathBuf, String)], new: Option<(Kind, &str, &str)>) -> Result<(Library, Option<Report>)> {
        let mut book = Library::embedded().context("loading the built-in code book")?.book().clone();
        let mut report = None;
        for &k in &Kind::ORDER {
            if let Some((nk, text, name)) = new.filter(|n| n.0 == k) {
                report = Some(nk.apply(&mut book, text, name).with_context(|| format!("importing {name} as {}", k.name()))?);
            } else if let Some((_, path, name)) = present.iter().find(|p| p.0 == k) {
                let text = read_text(path)?;
                k.apply(&mut book, &text, name).with_context(|| format!("re-applying the stored {} import {}", k.name(), path.display()))?;
            }
        }
        Ok((Library::build(book).context("building the search index")?, report))
    }

    fn save(&self, lib: &Library) -> Result<()> {
        let mut sections: Vec<(String, Vec<u8>)> = bundle::sections(lib.bytes())?.into_iter().map(|(n, b)| (n, b.to_vec())).collect();
        sections.push(("base".into(), bundle::encode("base", &codebook::FINGERPRINT.to_string(), 3)?));
        let refs: Vec<(&str, Vec<u8>)> = sections.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
        write_atomic(&self.cache(), &bundle::write(&refs))
    }

    /// Imports an official file: reads and applies it first, and only then stores it, so a bad file changes
    /// nothing that was saved before.
    pub fn import(&self, kind: Kind, file: &Path) -> Result<Report> {
        if !file.is_file() {
            bail!("{} is not a file: give the path of the downloaded {} file", file.display(), kind.name());
        }
        if matches!(kind, Kind::NcciPtp | Kind::NcciMue) {
            return self.import_ncci(kind, file);
        }
        let text = read_text(file)?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| kind.name().to_string());
        let present: Vec<_> = self.present().into_iter().filter(|p| p.0 != kind).collect();
        let (lib, report) = self.rebuild(&present, Some((kind, &text, &name)))?;
        std::fs::create_dir_all(self.imports()).with_context(|| format!("creating {}", self.imports().display()))?;
        write_atomic(&self.stored(kind), text.as_bytes())?;
        write_atomic(&self.stored(kind).with_extension("name"), name.as_bytes())?;
        self.save(&lib)?;
        Ok(report.unwrap_or_default())
    }
}

impl DataDir {
    fn ncci_dir(&self, kind: Kind) -> PathBuf {
        self.root.join("ncci").join(kind.name())
    }

    /// Reads an NCCI file (refusing it whole, with the line, when a line is bad) and keeps it under `ncci/`, by its
    /// file name: importing a file of the same name again replaces it.
    fn import_ncci(&self, kind: Kind, file: &Path) -> Result<Report> {
        let text = read_text(file)?;
        let lines = match kind {
            Kind::NcciPtp => {
                let f = importer::ncci::parse_ptp(&text).with_context(|| format!("reading {} as NCCI PTP edits", file.display()))?;
                vec![format!("{} procedure-to-procedure edits", f.edits.len())]
            }
            _ => {
                let f = importer::ncci::parse_mue(&text).with_context(|| format!("reading {} as an MUE table", file.display()))?;
                vec![format!("{} medically unlikely edits{}", f.mues.len(), f.table.map(|t| format!(" ({t:?})")).unwrap_or_default())]
            }
        };
        let dir = self.ncci_dir(kind);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| kind.name().to_string());
        write_atomic(&dir.join(name), text.as_bytes())?;
        Ok(Report { lines, ..Report::default() })
    }

    /// The NCCI edits imported into this data directory, if any.
    pub fn ncci(&self) -> Result<Option<importer::ncci::NcciEdits>> {
        let mut edits = importer::ncci::NcciEdits::default();
        let mut any = false;
        for kind in [Kind::NcciPtp, Kind::NcciMue] {
            let dir = self.ncci_dir(kind);
            if !dir.is_dir() {
                continue;
            }
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
            files.sort();
            for f in files {
                let text = read_text(&f)?;
                any = true;
                match kind {
                    Kind::NcciPtp => edits.add_ptp(importer::ncci::parse_ptp(&text).with_context(|| format!("re-reading {}", f.display()))?.edits),
                    _ => edits.add_mue(importer::ncci::parse_mue(&text).with_context(|| format!("re-reading {}", f.display()))?.mues),
                }
            }
        }
        Ok(any.then_some(edits))
    }
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}
