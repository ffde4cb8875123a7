use codebook::bundle::{self, BundleError};
use codebook::Library;
use std::borrow::Cow;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/format-1.bundle");

/// A tiny code book, read through the real importers, for the golden bundle.
fn tiny() -> codeset::CodeBook {
    let xml = r#"<ICD10CM.tabular><chapter><name>4</name><desc>Endocrine (E00-E89)</desc>
      <section id="E08-E13"><desc>Diabetes mellitus (E08-E13)</desc>
      <diag><name>E11</name><desc>Type 2 diabetes mellitus</desc><includes><note>diabetes NOS</note></includes>
        <diag><name>E11.9</name><desc>Type 2 diabetes mellitus without complications</desc></diag></diag>
      </section></chapter></ICD10CM.tabular>"#;
    let icd10cm = importer::tabular::parse_tabular(xml, "golden").unwrap();
    let pcs = importer::pcs_codes::parse_pcs("0DTJ4ZZ\tResection of Appendix, Percutaneous Endoscopic Approach\n0DTJ0ZZ\tResection of Appendix, Open Approach\n", "", "", "golden").unwrap();
    codeset::CodeBook { icd10cm, pcs, ..Default::default() }
}

fn tiny_bundle() -> Vec<u8> {
    let book = tiny();
    let index = search::SearchIndex::build(&book, "dm2\ttype 2 diabetes mellitus\n");
    bundle::write(&[("codebook", bundle::encode("codebook", &book, 3).unwrap()), ("search", bundle::encode("search", &index, 3).unwrap())])
}

/// The golden bundle of format 1 still loads and says what it said. To add a golden file for a new format:
/// `CODEFELLOW_WRITE_GOLDEN=1 cargo test -p codebook golden` (and keep the old ones).
#[test]
fn the_golden_bundle_of_format_1_still_loads() {
    if std::env::var_os("CODEFELLOW_WRITE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, tiny_bundle()).unwrap();
    }
    let bytes = std::fs::read(GOLDEN).expect("golden bundle committed");
    let lib = Library::from_bytes(Cow::Owned(bytes)).unwrap();
    assert_eq!(lib.book().lookup("E11.9", None).unwrap().title, "Type 2 diabetes mellitus without complications");
    assert!(lib.book().validate("0DTJ4ZZ", None).valid);
    let hits = lib.search("dm2", &Default::default()).unwrap();
    assert_eq!(hits[0].code, "E11.9");
}

#[test]
fn the_embedded_bundle_has_both_sections() {
    let names: Vec<String> = bundle::sections(codebook::EMBEDDED).unwrap().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["codebook", "search"]);
}

#[test]
fn damaged_bundles_are_refused_with_a_reason() {
    let good = tiny_bundle();
    assert!(matches!(Library::from_bytes(Cow::Owned(b"not a bundle at all".to_vec())), Err(BundleError::NotABundle)));
    let mut other = good.clone();
    other[8] = 99;
    assert!(matches!(Library::from_bytes(Cow::Owned(other)), Err(BundleError::Format { found: 99 })));
    for cut in [20, 40, good.len() / 2, good.len() - 1] {
        let r = Library::from_bytes(Cow::Owned(good[..cut].to_vec()));
        assert!(r.is_err(), "cut at {cut}");
    }
    let mut flipped = good.clone();
    let n = flipped.len();
    flipped[n - 10] ^= 0xff;
    if let Ok(lib) = Library::from_bytes(Cow::Owned(flipped)) {
        assert!(lib.index().is_err() || lib.search("diabetes", &Default::default()).is_ok());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(300))]
    #[test]
    fn arbitrary_bytes_never_panic_the_reader(b in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
        let mut bytes = b"CFBUNDLE\x01\0\0\0".to_vec();
        bytes.extend(b);
        let _ = Library::from_bytes(Cow::Owned(bytes));
    }
}
