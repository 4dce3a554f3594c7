//! Reading documents as newsrooms have them: text files in any common encoding, HTML pages,
//! directories and globs of them, JSONL and CSV corpora. [`crate::document`] is the entry
//! point ([`crate::Input::documents`]); the readers live here, one file each.
//!
//! - [`encoding`]: BOMs, UTF-16, Windows-1252/Latin-1, `--lossy`.
//! - [`html`]: article text from a page, with a [`SourceMap`] back to the page's bytes.
//! - [`files`]: directories and globs.
//! - [`csv_corpus`]: one document per CSV row.
//! - [`corpus_line`]: the common JSONL corpus line read in one pass (serde_json reads the rest).

pub mod corpus_line;
pub mod csv_corpus;
pub mod encoding;
pub mod files;
pub mod html;

use std::path::Path;
use std::sync::Arc;

use encoding_rs::Encoding;
use scraper::Selector;

use crate::document::{Input, Source};
use crate::error::{Error, Result};

pub use html::{Page, SourceMap, read_page};

/// How a file's bytes become documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum InputFormat {
    /// Plain text, one paragraph per line (or blank-line-separated blocks when hard-wrapped).
    Text,
    /// An HTML page: the article's block elements become the paragraphs.
    Html,
    /// A JSONL corpus: one {"id", "text"} (or {"id", "html"}) object per line.
    Jsonl,
    /// A CSV corpus: one document per row (see --id-column, --text-column).
    Csv,
}

impl InputFormat {
    /// The format a path's extension suggests: .html/.htm/.xhtml, .jsonl/.ndjson, .csv, else text.
    pub fn from_path(path: &Path) -> InputFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("csv") => InputFormat::Csv,
            _ => InputFormat::Text,
        }
    }
}

/// Reading options shared by every input of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Read every input in this format, whatever its extension.
    pub format: Option<InputFormat>,
    /// The encoding of files without a byte-order mark (default UTF-8, or an HTML page's
    /// `<meta charset>`).
    pub encoding: Option<&'static Encoding>,
    /// Replace undecodable bytes with U+FFFD instead of failing; such documents' quotes are
    /// flagged `lossy_decoding`.
    pub lossy: bool,
    /// For HTML: the elements holding the article.
    pub selector: Option<Selector>,
    /// For CSV corpora: the id column (default `id`, else the row number).
    pub id_column: Option<String>,
    /// For CSV corpora: the text column (default `text`).
    pub text_column: Option<String>,
}

impl ReadOptions {
    /// Parses the string forms of `--encoding` and `--selector`.
    pub fn parse_encoding(label: &str) -> Result<&'static Encoding> {
        encoding::encoding_for_label(label).map_err(|e| Error::Usage(format!("--encoding: {e}")))
    }

    /// Parses a `--selector` CSS selector.
    pub fn parse_selector(css: &str) -> Result<Selector> {
        Selector::parse(css).map_err(|e| Error::Usage(format!("--selector {css:?}: {e}")))
    }
}

/// The inputs the command-line arguments name, in order: `-` is standard input, directories
/// and globs expand to their files ([`files::expand`]), and each file's format comes from
/// `options.format` or its extension.
pub fn inputs(args: &[String], options: ReadOptions) -> Result<Vec<Input>> {
    let (inputs, problems) = inputs_each(args, options)?;
    match problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(inputs),
    }
}

/// Like [`inputs`], but the entries of directories and globs that cannot be read (dangling
/// symlinks, loops, unreadable directories) are returned beside the inputs instead of
/// stopping (`--keep-going`); a bad glob or a glob matching nothing is still an error.
pub fn inputs_each(args: &[String], options: ReadOptions) -> Result<(Vec<Input>, Vec<Error>)> {
    let options = Arc::new(options);
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Input {
                source: Source::Stdin,
                format: options.format.unwrap_or(InputFormat::Text),
                options: options.clone(),
            });
            continue;
        }
        for path in files::expand_each(arg, &mut problems)? {
            out.push(Input {
                format: options
                    .format
                    .unwrap_or_else(|| InputFormat::from_path(&path)),
                source: Source::File(path),
                options: options.clone(),
            });
        }
    }
    Ok((out, problems))
}
