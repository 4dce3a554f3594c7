//! JSON Lines (one record per line) and a JSON array, both streamed.

use std::io::{self, Write};

use crate::record::Quote;

use super::QuoteWriter;

pub struct JsonlWriter<'w> {
    out: io::BufWriter<Box<dyn Write + 'w>>,
}

impl<'w> JsonlWriter<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> JsonlWriter<'w> {
        JsonlWriter {
            out: io::BufWriter::new(out),
        }
    }
}

impl QuoteWriter for JsonlWriter<'_> {
    fn write(&mut self, quote: &Quote) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, quote)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

pub struct JsonArrayWriter<'w> {
    out: io::BufWriter<Box<dyn Write + 'w>>,
    count: usize,
}

impl<'w> JsonArrayWriter<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> JsonArrayWriter<'w> {
        JsonArrayWriter {
            out: io::BufWriter::new(out),
            count: 0,
        }
    }
}

impl QuoteWriter for JsonArrayWriter<'_> {
    fn write(&mut self, quote: &Quote) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        self.count += 1;
        serde_json::to_writer(&mut self.out, quote)?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
