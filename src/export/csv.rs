//! CSV: RFC 4180, UTF-8, a header row, one column per record field.

use std::io::{self, Write};

use crate::record::{CsvRow, Quote};

use super::QuoteWriter;

pub struct CsvWriter<'w> {
    inner: csv::Writer<Box<dyn Write + 'w>>,
    excel_safe: bool,
}

impl<'w> CsvWriter<'w> {
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

/// The CSV row of `quote`, its formula-like cells defused when `excel_safe`.
pub(crate) fn row(quote: &Quote, excel_safe: bool) -> CsvRow {
    let mut row = CsvRow::from(quote);
    if excel_safe {
        for cell in [&mut row.doc, &mut row.text, &mut row.flags] {
            defuse(cell);
        }
        for cell in [
            &mut row.speaker,
            &mut row.mention,
            &mut row.cue,
            &mut row.method,
        ]
        .into_iter()
        .flatten()
        {
            defuse(cell);
        }
    }
    row
}

/// Rows without a header, for [`super::Encoder`]: the header row is written once by the caller.
pub(crate) fn encode_rows<'q>(
    quotes: impl IntoIterator<Item = &'q Quote>,
    excel_safe: bool,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
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
    w.write_record(crate::record::FIELDS)
        .expect("writing to memory");
    w.into_inner().expect("writing to memory")
}

/// Prefixes a cell a spreadsheet would read as a formula with an apostrophe.
fn defuse(cell: &mut String) {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.insert(0, '\'');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        let mut s = "=HYPERLINK(\"x\")".to_string();
        defuse(&mut s);
        assert_eq!(s, "'=HYPERLINK(\"x\")");
        let mut plain = "We have an opportunity".to_string();
        defuse(&mut plain);
        assert_eq!(plain, "We have an opportunity");
    }
}
