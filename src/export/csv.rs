//! CSV: RFC 4180, UTF-8, a header row, one column per record field.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::kind::Kind;
use crate::record::{FIELDS, Quote, SpeakerType};

use super::QuoteWriter;

/// Writes quote records as CSV with a header ([`crate::record::CsvRow`]).
pub struct CsvWriter<'w> {
    inner: csv::Writer<Box<dyn Write + 'w>>,
    excel_safe: bool,
}

impl<'w> CsvWriter<'w> {
    /// A writer to `out`; with `excel_safe`, cells a spreadsheet would read as formulas are defused.
    pub fn new(out: Box<dyn Write + 'w>, excel_safe: bool) -> CsvWriter<'w> {
        CsvWriter {
            inner: csv::WriterBuilder::new().has_headers(true).from_writer(out),
            excel_safe,
        }
    }
}

impl QuoteWriter for CsvWriter<'_> {
    fn write(&mut self, quote: &Quote) -> io::Result<()> {
        self.inner
            .serialize(row(quote, self.excel_safe))
            .map_err(io::Error::other)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The CSV row of a [`Quote`]: [`crate::record::CsvRow`]'s columns, types and names (so the
/// csv crate writes the same cells and header), borrowing the record's strings instead of
/// cloning them; only a defused cell or several flags joined with `;` are built.
#[derive(Serialize)]
pub(crate) struct Row<'q> {
    doc: Cow<'q, str>,
    index: usize,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    paragraph: usize,
    text: Cow<'q, str>,
    kind: Kind,
    speaker: Option<Cow<'q, str>>,
    mention: Option<Cow<'q, str>>,
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    cue: Option<Cow<'q, str>>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    method: Option<Cow<'q, str>>,
    confidence: Option<f64>,
    speaker_type: Option<SpeakerType>,
    role: Option<Cow<'q, str>>,
    via: Option<Cow<'q, str>>,
    flags: Cow<'q, str>,
    source_start: Option<usize>,
    source_end: Option<usize>,
}

/// The CSV row of `quote`, its formula-like cells defused when `excel_safe`.
pub(crate) fn row<'q>(q: &'q Quote, excel_safe: bool) -> Row<'q> {
    let cell = |s: &'q str| -> Cow<'q, str> {
        if excel_safe {
            defuse(s)
        } else {
            Cow::Borrowed(s)
        }
    };
    let flags = match q.flags.as_slice() {
        [] => Cow::Borrowed(""),
        [flag] => Cow::Borrowed(flag.as_str()),
        flags => Cow::Owned(
            flags
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(";"),
        ),
    };
    Row {
        doc: cell(&q.doc),
        index: q.index,
        start: q.start,
        end: q.end,
        byte_start: q.byte_start,
        byte_end: q.byte_end,
        paragraph: q.paragraph,
        text: cell(&q.text),
        kind: q.kind,
        speaker: q.speaker.as_deref().map(cell),
        mention: q.mention.as_deref().map(cell),
        mention_start: q.mention_start,
        mention_end: q.mention_end,
        cue: q.cue.as_deref().map(cell),
        cue_start: q.cue_start,
        cue_end: q.cue_end,
        method: q.method.as_deref().map(cell),
        confidence: q.confidence,
        speaker_type: q.speaker_type,
        role: q.role.as_deref().map(cell),
        via: q.via.as_deref().map(cell),
        flags: if excel_safe {
            defuse_owned(flags)
        } else {
            flags
        },
        source_start: q.source_start,
        source_end: q.source_end,
    }
}

/// Rows without a header, for [`super::Encoder`]: the header row is written once by the caller.
pub(crate) fn encode_rows<'q>(
    quotes: impl IntoIterator<Item = &'q Quote>,
    excel_safe: bool,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    // A document's rows are a few kilobytes: a small buffer in front of `buf` (the default
    // 8 KiB is allocated and zeroed for every document).
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(1024)
        .from_writer(buf);
    for quote in quotes {
        w.serialize(row(quote, excel_safe))
            .map_err(io::Error::other)?;
    }
    w.flush()
}

/// The header row [`CsvWriter`] writes before its first record.
pub(crate) fn header() -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(FIELDS).expect("writing to memory");
    w.into_inner().expect("writing to memory")
}

/// A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return), prefixed with an apostrophe; every `--excel-safe` CSV writer uses it.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    if is_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn defuse_owned(cell: Cow<'_, str>) -> Cow<'_, str> {
    if is_formula(&cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::record::CsvRow;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("We have an opportunity"), "We have an opportunity");
    }

    /// The owned row and defusing the CSV writer used before rows borrowed: the cells
    /// [`row`] must give.
    fn owned_row(quote: &Quote, excel_safe: bool) -> CsvRow {
        let mut row = CsvRow::from(quote);
        if excel_safe {
            let defuse = |cell: &mut String| {
                if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    cell.insert(0, '\'');
                }
            };
            for cell in [&mut row.doc, &mut row.text, &mut row.flags] {
                defuse(cell);
            }
            for cell in [
                &mut row.speaker,
                &mut row.mention,
                &mut row.cue,
                &mut row.method,
                &mut row.role,
                &mut row.via,
            ]
            .into_iter()
            .flatten()
            {
                defuse(cell);
            }
        }
        row
    }

    fn cell() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                3 => any::<char>(),
                2 => prop::sample::select(vec!['=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', '“']),
            ],
            0..12,
        )
        .prop_map(String::from_iter)
    }

    fn quote() -> impl Strategy<Value = Quote> {
        let confidence = prop::option::of(prop_oneof![
            any::<f64>(),
            (0u32..=100).prop_map(|n| f64::from(n) / 100.0)
        ]);
        crate::export::arbitrary_quote(cell, confidence)
    }

    proptest! {
        /// Borrowed rows write the bytes owned rows write, header included.
        #[test]
        fn rows_write_what_owned_rows_write(
            quotes in prop::collection::vec(quote(), 0..4),
            excel_safe in any::<bool>(),
        ) {
            let mut borrowed = csv::Writer::from_writer(Vec::new());
            let mut owned = csv::Writer::from_writer(Vec::new());
            for q in &quotes {
                borrowed.serialize(row(q, excel_safe)).unwrap();
                owned.serialize(owned_row(q, excel_safe)).unwrap();
            }
            prop_assert_eq!(borrowed.into_inner().unwrap(), owned.into_inner().unwrap());
        }
    }
}
