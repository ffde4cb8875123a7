//! Code-book search: a coder types "diabetes ckd" and expects E11.22 on the first screen.
//!
//! The index is built once, when the bundle is written, over every ICD-10-CM category and code (title,
//! inclusion terms, Includes notes, the parent's title), every ICD-10-PCS code title and every HCPCS
//! description. A query becomes a list of *concepts*: a word or a phrase together with everything it may stand
//! for (a clinical abbreviation's expansion, a lay word's clinical wording, the completions of a half-typed last
//! word, the corrections of a misspelt one). Codes that match every concept rank first; among them, the concept
//! weights (rarer words weigh more, title words more than inclusion terms) and how much of the title the query
//! covers decide.
//!
//! ```no_run
//! # let book = codeset::CodeBook::default();
//! let index = search::SearchIndex::build(&book, search::synonyms::BUILTIN);
//! let hits = index.search(&book, "diabetes ckd", &search::SearchOptions::default()).unwrap();
//! ```

/// Cutting titles and queries into terms.
pub mod text;
/// The abbreviation and lay-word dictionary.
pub mod synonyms;
/// The inverted index and how it is built.
mod index;
/// Running a query.
mod query;

pub use index::SearchIndex;
pub use query::{Hit, SearchError, SearchOptions};
