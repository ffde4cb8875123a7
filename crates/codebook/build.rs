//! Compiles the official code-set files in `data/raw/` into the bundle embedded in the binary
//! (writer → serializer → reader: this is the writer; `src/lib.rs` is the reader).

#[allow(dead_code)] // the reader half of the module is for the runtime
#[path = "src/bundle.rs"]
mod bundle;

use std::io::Read;
use std::path::{Path, PathBuf};

fn gunzip(path: &Path) -> String {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}. Run `python3 scripts/fetch-data.py` to regenerate data/raw.", path.display()));
    let mut s = String::new();
    flate2::read::GzDecoder::new(f).read_to_string(&mut s).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    s
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let raw = manifest.join("../../data/raw");
    let files = [
        "icd10cm/icd10cm-tabular-2026-April.xml.gz",
        "icd10pcs/pcs-codes.tsv.gz",
        "icd10pcs/pcs-axis-labels.tsv.gz",
        "icd10pcs/pcs-definitions.tsv.gz",
        "hcpcs/builtin-anweb.txt",
    ];
    for f in files {
        println!("cargo:rerun-if-changed={}", raw.join(f).display());
    }
    println!("cargo:rerun-if-changed=src/bundle.rs");

    let tabular = gunzip(&raw.join(files[0]));
    let icd10cm = importer::tabular::parse_tabular(&tabular, "FY2026 (ICD-10-CM April 1, 2026 update)").expect("the ICD-10-CM Tabular XML reads");
    let pcs = importer::pcs_codes::parse_pcs(
        &gunzip(&raw.join(files[1])),
        &gunzip(&raw.join(files[2])),
        &gunzip(&raw.join(files[3])),
        "FY2026 (earlier-year CMS list plus the MS-DRG v43.1 procedure codes)",
    )
    .expect("the ICD-10-PCS code list reads");
    let hcpcs = builtin_hcpcs(&raw.join(files[4]));
    let book = codeset::CodeBook { icd10cm, pcs, hcpcs, ..Default::default() };
    let index = search::SearchIndex::build(&book, search::synonyms::BUILTIN);

    let level = 9;
    let bytes = bundle::write(&[
        ("codebook", bundle::encode("codebook", &book, level).expect("code book encodes")),
        ("search", bundle::encode("search", &index, level).expect("search index encodes")),
    ]);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // FNV-1a over the bundle: enough to tell two builds' data apart.
    let fp = bytes.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    std::fs::write(out_dir.join("codebook.fingerprint"), format!("{fp:016x}-{}", bytes.len())).expect("fingerprint written");
    std::fs::write(out_dir.join("codebook.bundle"), bytes).expect("bundle written to OUT_DIR");
}

fn builtin_hcpcs(path: &Path) -> codeset::Hcpcs {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    importer::hcpcs_codeset(&text, "built-in subset of HCPCS Level II").expect("the built-in HCPCS file reads")
}
