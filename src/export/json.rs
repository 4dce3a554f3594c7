//! JSON Lines (one record per line) and a JSON array, both streamed.
//!
//! A record is written by hand ([`write_record`]) rather than through serde_json's
//! serializer, which escapes strings a byte at a time through a table and goes through a
//! `Write` call per token; the bytes are the ones serde_json writes for [`Quote`]'s
//! `Serialize` (same fields in the same order, same escaping, numbers by serde_json's own
//! formatter), which the tests check on real and generated records.

use std::io::{self, Write};

use serde_json::ser::{CompactFormatter, Formatter};

use crate::json_str;
use crate::record::Quote;

use super::QuoteWriter;

/// Appends `quote` as one JSON object, as `serde_json::to_writer` writes it.
pub(crate) fn write_record(out: &mut Vec<u8>, q: &Quote) -> io::Result<()> {
    out.extend_from_slice(b"{\"doc\":");
    json_str::write(out, &q.doc);
    for (key, n) in [
        (&b",\"index\":"[..], q.index),
        (b",\"start\":", q.start),
        (b",\"end\":", q.end),
        (b",\"byte_start\":", q.byte_start),
        (b",\"byte_end\":", q.byte_end),
        (b",\"paragraph\":", q.paragraph),
    ] {
        out.extend_from_slice(key);
        number(out, n)?;
    }
    out.extend_from_slice(b",\"text\":");
    json_str::write(out, &q.text);
    out.extend_from_slice(b",\"kind\":\"");
    // Kind and flag names are plain lower-case words: nothing to escape.
    out.extend_from_slice(q.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"speaker\":");
    optional_string(out, q.speaker.as_deref());
    out.extend_from_slice(b",\"mention\":");
    optional_string(out, q.mention.as_deref());
    out.extend_from_slice(b",\"mention_start\":");
    optional_number(out, q.mention_start)?;
    out.extend_from_slice(b",\"mention_end\":");
    optional_number(out, q.mention_end)?;
    out.extend_from_slice(b",\"cue\":");
    optional_string(out, q.cue.as_deref());
    out.extend_from_slice(b",\"cue_start\":");
    optional_number(out, q.cue_start)?;
    out.extend_from_slice(b",\"cue_end\":");
    optional_number(out, q.cue_end)?;
    out.extend_from_slice(b",\"method\":");
    optional_string(out, q.method.as_deref());
    out.extend_from_slice(b",\"confidence\":");
    // serde_json's float formatting (and `null` for NaN and infinities), whatever it is.
    serde_json::to_writer(&mut *out, &q.confidence)?;
    out.extend_from_slice(b",\"speaker_type\":");
    optional_string(out, q.speaker_type.map(|t| t.as_str()));
    out.extend_from_slice(b",\"role\":");
    optional_string(out, q.role.as_deref());
    out.extend_from_slice(b",\"via\":");
    optional_string(out, q.via.as_deref());
    out.extend_from_slice(b",\"flags\":[");
    for (i, flag) in q.flags.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(flag.as_str().as_bytes());
        out.push(b'"');
    }
    out.push(b']');
    // Left out when absent, as `skip_serializing_if` does.
    if let Some(n) = q.source_start {
        out.extend_from_slice(b",\"source_start\":");
        number(out, n)?;
    }
    if let Some(n) = q.source_end {
        out.extend_from_slice(b",\"source_end\":");
        number(out, n)?;
    }
    out.push(b'}');
    Ok(())
}

/// A `usize` as serde_json writes it (as a `u64`).
fn number(out: &mut Vec<u8>, n: usize) -> io::Result<()> {
    CompactFormatter.write_u64(out, n as u64)
}

fn optional_number(out: &mut Vec<u8>, n: Option<usize>) -> io::Result<()> {
    match n {
        Some(n) => number(out, n),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

fn optional_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str::write(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Writes one JSON object per line.
pub struct JsonlWriter<'w> {
    out: io::BufWriter<Box<dyn Write + 'w>>,
    /// One record's bytes, reused.
    line: Vec<u8>,
}

impl<'w> JsonlWriter<'w> {
    /// A writer to `out`.
    pub fn new(out: Box<dyn Write + 'w>) -> JsonlWriter<'w> {
        JsonlWriter {
            out: io::BufWriter::new(out),
            line: Vec::new(),
        }
    }
}

impl QuoteWriter for JsonlWriter<'_> {
    fn write(&mut self, quote: &Quote) -> io::Result<()> {
        self.line.clear();
        write_record(&mut self.line, quote)?;
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes one JSON array of records.
pub struct JsonArrayWriter<'w> {
    out: io::BufWriter<Box<dyn Write + 'w>>,
    count: usize,
    /// One record's bytes, reused.
    record: Vec<u8>,
}

impl<'w> JsonArrayWriter<'w> {
    /// A writer to `out`.
    pub fn new(out: Box<dyn Write + 'w>) -> JsonArrayWriter<'w> {
        JsonArrayWriter {
            out: io::BufWriter::new(out),
            count: 0,
            record: Vec::new(),
        }
    }
}

impl QuoteWriter for JsonArrayWriter<'_> {
    fn write(&mut self, quote: &Quote) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        self.count += 1;
        self.record.clear();
        write_record(&mut self.record, quote)?;
        self.out.write_all(&self.record)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::record::Flag;
    use crate::{Document, Kind, extract};

    fn written(q: &Quote) -> String {
        let mut out = Vec::new();
        write_record(&mut out, q).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn extracted_records_are_written_as_serde_json_writes_them() {
        let doc = Document::new(
            "news/\"a\"\\b.txt",
            "“We have an opportunity,” Putin said.\nAssad applauded the “maturity” of ties.\n\
             “It is a\ttab,” she said, “and \\ a backslash.”\n“Unclosed, he wrote.",
        );
        let quotes = extract(&doc).quotes;
        assert!(quotes.len() >= 4, "{quotes:?}");
        assert!(quotes.iter().any(|q| q.speaker.is_some()));
        for q in &quotes {
            assert_eq!(written(q), serde_json::to_string(q).unwrap());
        }
    }

    #[test]
    fn kind_and_flag_names_need_no_escaping() {
        for kind in [Kind::Direct, Kind::Partial, Kind::Term] {
            assert_eq!(
                format!("\"{}\"", kind.as_str()),
                serde_json::to_string(&kind).unwrap()
            );
        }
        for flag in Flag::ALL {
            assert_eq!(
                format!("\"{}\"", flag.as_str()),
                serde_json::to_string(&flag).unwrap()
            );
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                3 => any::<char>(),
                1 => (0u8..0x20).prop_map(char::from),
                1 => prop::sample::select(vec!['"', '\\', '“', '’', '😀']),
            ],
            0..24,
        )
        .prop_map(String::from_iter)
    }

    fn confidence() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            (0u32..=100).prop_map(|n| Some(f64::from(n) / 100.0)),
            any::<f64>().prop_map(Some),
            prop::sample::select(vec![
                f64::NAN,
                f64::INFINITY,
                -0.0,
                1e-300,
                1e300,
                0.1 + 0.2
            ])
            .prop_map(Some),
        ]
    }

    fn quote() -> impl Strategy<Value = Quote> {
        crate::export::arbitrary_quote(text, confidence())
    }

    proptest! {
        #[test]
        fn any_record_is_written_as_serde_json_writes_it(q in quote()) {
            prop_assert_eq!(written(&q), serde_json::to_string(&q).unwrap());
        }
    }
}
