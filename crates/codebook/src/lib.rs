//! The compiled code book that Codefellow runs on.
//!
//! `build.rs` reads the official files in `data/raw/` (ICD-10-CM Tabular XML, ICD-10-PCS codes and labels,
//! the built-in HCPCS Level II subset), builds the [`codeset::CodeBook`] and the [`search::SearchIndex`], and
//! writes them as a bundle ([`bundle`]) that is embedded in the binary. At start-up [`Library::embedded`]
//! decodes the code book; the search index is decoded the first time a search runs.
//!
//! ```
//! let lib = codebook::Library::embedded().unwrap();
//! let e = lib.book().lookup("E11.22", None).unwrap();
//! assert_eq!(e.title, "Type 2 diabetes mellitus with diabetic chronic kidney disease");
//! ```

/// The bundle file format: sections of zstd-compressed postcard.
pub mod bundle;

use codeset::CodeBook;
use search::{Hit, SearchError, SearchIndex, SearchOptions};
use std::sync::OnceLock;

pub use bundle::BundleError;

/// The bundle compiled into this binary.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/codebook.bundle"));

/// A fingerprint of [`EMBEDDED`]: a bundle rebuilt from imports records the one it was built on, so that a new
/// binary with newer built-in data rebuilds it instead of reading stale data.
pub const FINGERPRINT: &str = include_str!(concat!(env!("OUT_DIR"), "/codebook.fingerprint"));

/// A loaded code book and its (lazily decoded) search index.
pub struct Library {
    book: CodeBook,
    bytes: std::borrow::Cow<'static, [u8]>,
    index: OnceLock<Result<SearchIndex, String>>,
}

impl Library {
    /// The code book built into this binary.
    pub fn embedded() -> Result<Library, BundleError> {
        Library::from_bytes(std::borrow::Cow::Borrowed(EMBEDDED))
    }

    /// A code book from bundle bytes (for example a bundle written by an import).
    pub fn from_bytes(bytes: std::borrow::Cow<'static, [u8]>) -> Result<Library, BundleError> {
        let mut book: CodeBook = bundle::decode(&bytes, "codebook")?;
        book.reindex();
        Ok(Library { book, bytes, index: OnceLock::new() })
    }

    /// A library over a code book changed at run time (an import): the search index is rebuilt.
    pub fn build(book: CodeBook) -> Result<Library, BundleError> {
        let index = SearchIndex::build(&book, search::synonyms::BUILTIN);
        let bytes = bundle::write(&[("codebook", bundle::encode("codebook", &book, 3)?), ("search", bundle::encode("search", &index, 3)?)]);
        let cell = OnceLock::new();
        let _ = cell.set(Ok(index));
        Ok(Library { book, bytes: std::borrow::Cow::Owned(bytes), index: cell })
    }

    /// The bundle bytes of this library (what `build` wrote, or what it was loaded from).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn book(&self) -> &CodeBook {
        &self.book
    }

    /// The search index, decoded on first use.
    pub fn index(&self) -> Result<&SearchIndex, BundleError> {
        let r = self.index.get_or_init(|| {
            bundle::decode::<SearchIndex>(&self.bytes, "search")
                .map(|mut i| {
                    i.reindex();
                    i
                })
                .map_err(|e| e.to_string())
        });
        r.as_ref().map_err(|m| BundleError::Decode { section: "search".into(), message: m.clone() })
    }

    /// Searches the code book.
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Result<Vec<Hit>, LibraryError> {
        Ok(self.index()?.search(&self.book, query, opts)?)
    }
}

/// A search that could not run.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The bundle is damaged.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// The query is not searchable.
    #[error(transparent)]
    Search(#[from] SearchError),
}
