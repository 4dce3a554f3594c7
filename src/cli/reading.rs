//! The reading flags every command that takes documents shares, and the document-level
//! warnings printed while reading.

use quotecheck::input::{InputFormat, ReadOptions};
use quotecheck::{Document, Input};

/// How to read the inputs.
#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// Read every input in this format [default: from the extension: .html/.htm html,
    /// .jsonl/.ndjson jsonl, .csv csv, anything else text].
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Encoding of inputs without a byte-order mark: utf-8 (default), utf-16le, utf-16be,
    /// windows-1252, latin1 (read as windows-1252, as browsers do). HTML pages default to
    /// their <meta charset>.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// Replace bytes that do not decode with U+FFFD instead of stopping; the document's
    /// quotes are flagged lossy_decoding and a warning names the first bad byte.
    #[arg(long)]
    lossy: bool,
    /// For HTML: a CSS selector for the elements holding the article [default: the page's
    /// one <article>, else its one <main>, else <body>].
    #[arg(long, value_name = "CSS")]
    selector: Option<String>,
    /// For CSV corpora: the column holding each document's id [default: id, else the row number].
    #[arg(long, value_name = "NAME")]
    id_column: Option<String>,
    /// For CSV corpora: the column holding each document's text [default: text].
    #[arg(long, value_name = "NAME")]
    text_column: Option<String>,
}

/// The inputs the arguments name, read as the flags say, and the directory or glob entries
/// that could not be read (always empty unless `keep_going`: without it the first is the
/// error).
pub fn inputs(
    args: &[String],
    corpus: bool,
    reading: &ReadArgs,
    keep_going: bool,
) -> anyhow::Result<(Vec<Input>, Vec<quotecheck::Error>)> {
    let options = ReadOptions {
        format: reading
            .input_format
            .or(corpus.then_some(InputFormat::Jsonl)),
        encoding: reading
            .encoding
            .as_deref()
            .map(ReadOptions::parse_encoding)
            .transpose()?,
        lossy: reading.lossy,
        selector: reading
            .selector
            .as_deref()
            .map(ReadOptions::parse_selector)
            .transpose()?,
        id_column: reading.id_column.clone(),
        text_column: reading.text_column.clone(),
    };
    if keep_going {
        Ok(quotecheck::input::inputs_each(args, options)?)
    } else {
        Ok((quotecheck::input::inputs(args, options)?, Vec::new()))
    }
}

/// What the user should know about a document as a whole, as lines for standard error.
pub fn warning(doc: &Document) -> Option<String> {
    doc.lossy_at.map(|at| {
        format!(
            "quotecheck: {}: warning: the file has bytes that do not decode (the first at \
             offset {at}); they were replaced with U+FFFD and this document's quotes are \
             flagged lossy_decoding\n",
            quotecheck::sanitize::line(&doc.id)
        )
    })
}
