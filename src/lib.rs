//! quotecheck finds every quotation in news text, says who said it, and checks quotes
//! across versions of an article and against sources.
//!
//! The pipeline, one module per stage: a [`document`] is split into paragraphs; the nom
//! [`scan`]ner finds every quoted stretch whatever its typography; each is classified by
//! [`kind`] (direct, partial, term); [`extract`] turns them into [`record::Quote`]s, which the
//! [`export`] formats write and [`eval`] scores against annotated corpora.
//!
//! ```
//! use quotecheck::{Document, extract};
//!
//! let doc = Document::new("a.txt", "“We have an opportunity,” Putin said.");
//! let quotes = extract(&doc).quotes;
//! assert_eq!(quotes[0].text, "We have an opportunity,");
//! assert_eq!((quotes[0].start, quotes[0].end), (0, 25));
//! ```

pub mod attribute;
pub mod batch;
pub mod diff;
pub mod document;
pub mod error;
pub mod eval;
pub mod explain;
pub mod export;
pub mod extract;
pub mod indirect;
pub mod input;
mod json_str;
pub mod kind;
pub mod lexicon;
pub mod record;
pub mod review;
pub mod sanitize;
pub mod scan;
pub mod sentence;
pub mod span;
pub mod verify;

pub use document::{Document, Input};
pub use error::{Error, Result};
pub use extract::{Extraction, extract};
pub use kind::Kind;
pub use record::{Flag, Quote, SpeakerType};
