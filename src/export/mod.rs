//! Writing quote records: one writer per format, all streaming, all reading [`Quote`].

mod csv;
mod json;
mod table;

use std::io::{self, Write};

use crate::record::Quote;

pub use self::csv::CsvWriter;
pub use self::json::{JsonArrayWriter, JsonlWriter};
pub use self::table::TableWriter;

/// Output formats for quote records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table (the default on a terminal).
    Table,
    /// RFC 4180 CSV with a header row, one column per field, flags joined with `;`.
    Csv,
    /// One JSON object per line (the default when piped).
    Jsonl,
    /// One JSON array of objects.
    Json,
}

impl Format {
    /// The format a file name's extension suggests, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

/// Options every writer understands.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Prefix CSV cells that start with = + - @ with an apostrophe (formula injection).
    pub excel_safe: bool,
}

/// A streaming sink for quote records.
pub trait QuoteWriter {
    fn write(&mut self, quote: &Quote) -> io::Result<()>;
    /// Writes whatever closes the output (a JSON array's `]`) and flushes.
    fn finish(&mut self) -> io::Result<()>;
}

/// The writer for `format` over `out`.
pub fn writer<'w>(
    format: Format,
    out: Box<dyn Write + 'w>,
    options: Options,
) -> Box<dyn QuoteWriter + 'w> {
    match format {
        Format::Table => Box::new(TableWriter::new(out)),
        Format::Csv => Box::new(CsvWriter::new(out, options.excel_safe)),
        Format::Jsonl => Box::new(JsonlWriter::new(out)),
        Format::Json => Box::new(JsonArrayWriter::new(out)),
    }
}

/// Writes all of `quotes` in `format` to a string (for tests and small outputs).
pub fn to_string(format: Format, quotes: &[Quote], options: Options) -> String {
    let mut buf = Vec::new();
    {
        let mut w = writer(format, Box::new(&mut buf), options);
        for q in quotes {
            w.write(q).expect("writing to memory");
        }
        w.finish().expect("writing to memory");
    }
    String::from_utf8(buf).expect("writers emit UTF-8")
}
