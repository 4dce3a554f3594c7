#![warn(missing_docs)]

//! quotecheck finds every quotation in news text, says who said it, and checks quotes
//! across versions of an article and against sources.
//!
//! The pipeline, one module per stage: a [`document`] is split into paragraphs; the nom
//! [`scan`]ner finds every quoted stretch whatever its typography; each is classified by
//! [`kind`] (direct, partial, term); [`extract()`] turns them into [`record::Quote`]s, which the
//! [`export`] formats write and [`eval`] scores against annotated corpora.
//!
//! ```
//! use quotecheck::{Document, Kind, extract};
//!
//! let doc = Document::new(
//!     "a.txt",
//!     "“We have an opportunity,” said Vladimir Putin.\n\n“It will not come again,” he added.",
//! );
//! let quotes = extract(&doc).quotes;
//! assert_eq!(quotes.len(), 2);
//!
//! // Offsets are code points into the text, marks included.
//! assert_eq!(quotes[0].text, "We have an opportunity,");
//! assert_eq!((quotes[0].start, quotes[0].end), (0, 25));
//! assert_eq!(quotes[0].kind, Kind::Direct);
//!
//! // The speaker is the fullest name the document gives; the mention is the words the
//! // attribution rests on, the cue the reporting verb.
//! assert_eq!(quotes[0].speaker.as_deref(), Some("Vladimir Putin"));
//! assert_eq!(quotes[0].cue.as_deref(), Some("said"));
//! assert_eq!(quotes[1].mention.as_deref(), Some("he"));
//! assert_eq!(quotes[1].speaker.as_deref(), Some("Vladimir Putin"));
//! ```
//!
//! Runnable examples: `cargo run --example extract` (records with speakers),
//! `--example diff` (two versions of an article) and `--example verify` (quotes against a
//! transcript).

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
pub mod style;
pub mod verify;

pub use document::{Document, Input};
pub use error::{Error, Result};
pub use extract::{Extraction, extract};
pub use kind::Kind;
pub use record::{Flag, Quote, SpeakerType};
