//! Writing quote records: one writer per format, all streaming, all reading [`Quote`].

mod csv;
mod json;
mod table;

use std::io::{self, Write};

use crate::record::Quote;

pub use self::csv::{CsvWriter, defuse};
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
    /// The table's width in display columns (the terminal's); `None` never cuts text.
    pub width: Option<usize>,
    /// Colour the table (header, unattributed speakers, flags).
    pub color: bool,
}

/// A streaming sink for quote records.
pub trait QuoteWriter {
    /// Writes one record.
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
        Format::Table => Box::new(TableWriter::with_options(out, options)),
        Format::Csv => Box::new(CsvWriter::new(out, options.excel_safe)),
        Format::Jsonl => Box::new(JsonlWriter::new(out)),
        Format::Json => Box::new(JsonArrayWriter::new(out)),
    }
}

/// Encodes records to bytes on any thread, for formats whose output is the plain
/// concatenation of its records: JSONL, and CSV after its header row. Corpus extraction
/// encodes each document's records on the worker that extracted it, so the thread that
/// writes in input order only copies bytes. The bytes are the same a [`QuoteWriter`] writes.
#[derive(Clone, Copy, Debug)]
pub struct Encoder {
    format: Format,
    options: Options,
}

impl Encoder {
    /// The encoder for `format`, or `None` for formats with state between records (a JSON
    /// array's commas, a table's header), which go through [`writer`].
    pub fn new(format: Format, options: Options) -> Option<Encoder> {
        matches!(format, Format::Jsonl | Format::Csv).then_some(Encoder { format, options })
    }

    /// What goes once before the first record (the CSV header row); empty for JSONL.
    /// Nothing is written when there are no records, as [`writer`] does.
    pub fn header(&self) -> Vec<u8> {
        match self.format {
            Format::Csv => csv::header(),
            _ => Vec::new(),
        }
    }

    /// Appends the encoding of `quotes` to `buf`.
    pub fn encode<'q>(
        &self,
        quotes: impl IntoIterator<Item = &'q Quote>,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        match self.format {
            Format::Csv => csv::encode_rows(quotes, self.options.excel_safe, buf),
            _ => {
                for quote in quotes {
                    json::write_record(buf, quote)?;
                    buf.push(b'\n');
                }
                Ok(())
            }
        }
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

/// A random record whose strings come from `text()` and whose confidence from `confidence`,
/// for the writers' property tests.
#[cfg(test)]
pub(crate) fn arbitrary_quote<S: proptest::strategy::Strategy<Value = String>>(
    text: impl Fn() -> S,
    confidence: impl proptest::strategy::Strategy<Value = Option<f64>>,
) -> impl proptest::strategy::Strategy<Value = Quote> {
    use crate::kind::Kind;
    use crate::record::{Flag, SpeakerType};
    use proptest::prelude::*;
    (
        text(),
        prop::array::uniform6(any::<usize>()),
        text(),
        prop::sample::select(vec![Kind::Direct, Kind::Partial, Kind::Term]),
        prop::array::uniform6(prop::option::of(text())),
        prop::array::uniform6(prop::option::of(any::<usize>())),
        confidence,
        prop::sample::subsequence(Flag::ALL.to_vec(), 0..=Flag::ALL.len()),
        prop::option::of(prop::sample::select(SpeakerType::ALL.to_vec())),
    )
        .prop_map(
            |(doc, numbers, text, kind, names, offsets, confidence, flags, speaker_type)| {
                let [speaker, mention, cue, method, role, via] = names;
                Quote {
                    doc,
                    index: numbers[0],
                    start: numbers[1],
                    end: numbers[2],
                    byte_start: numbers[3],
                    byte_end: numbers[4],
                    paragraph: numbers[5],
                    text,
                    kind,
                    speaker,
                    mention,
                    mention_start: offsets[0],
                    mention_end: offsets[1],
                    cue,
                    cue_start: offsets[2],
                    cue_end: offsets[3],
                    method,
                    confidence,
                    speaker_type,
                    role,
                    via,
                    flags,
                    source_start: offsets[4],
                    source_end: offsets[5],
                }
            },
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, extract};

    #[test]
    fn encoded_chunks_concatenate_to_what_the_writer_writes() {
        let docs = [
            Document::new(
                "a.txt",
                "“We have an opportunity,” Putin said.\nAssad applauded the “maturity” of ties.",
            ),
            Document::new("b.txt", "No quotation here."),
            Document::new("c.txt", "“=SUM(A1),” she typed, “-1 is wrong.”"),
        ];
        let quotes: Vec<Vec<Quote>> = docs.iter().map(|d| extract(d).quotes).collect();
        let all: Vec<Quote> = quotes.iter().flatten().cloned().collect();
        for format in [Format::Jsonl, Format::Csv] {
            for excel_safe in [false, true] {
                let options = Options {
                    excel_safe,
                    ..Options::default()
                };
                let encoder = Encoder::new(format, options).unwrap();
                let mut out = encoder.header();
                for chunk in &quotes {
                    encoder.encode(chunk, &mut out).unwrap();
                }
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    to_string(format, &all, options),
                    "{format:?} excel_safe={excel_safe}"
                );
            }
        }
        assert!(Encoder::new(Format::Json, Options::default()).is_none());
        assert!(Encoder::new(Format::Table, Options::default()).is_none());
    }
}
