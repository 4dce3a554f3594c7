//! What must hold for any input, shared by the property tests, the adversarial inputs and
//! the fuzz-input replay.
#![allow(dead_code)] // each test binary uses its own subset of the checks

use quotecheck::export::{self, Format, Options};
use quotecheck::record::CsvRow;
use quotecheck::{Document, Quote, extract};

/// Runs the whole pipeline on `text` and checks every invariant of its output; the records.
pub fn check_pipeline(text: &str) -> Vec<Quote> {
    let doc = Document::new("doc", text);
    let extraction = extract(&doc);
    let quotes = extraction.quotes;
    for (i, q) in quotes.iter().enumerate() {
        assert_eq!(q.index, i + 1, "indices count from 1");
        assert!(
            q.byte_start < q.byte_end && q.byte_end <= text.len(),
            "{q:?}"
        );
        assert!(
            text.is_char_boundary(q.byte_start) && text.is_char_boundary(q.byte_end),
            "{q:?}"
        );
        assert_eq!(q.start, text[..q.byte_start].chars().count(), "{q:?}");
        assert_eq!(q.end, text[..q.byte_end].chars().count(), "{q:?}");
        // The words inside lie inside the marks (paragraphs joined with \n).
        let outer = &text[q.byte_start..q.byte_end];
        for part in q.text.split('\n') {
            assert!(outer.contains(part), "{part:?} not in {outer:?}");
        }
    }
    for pair in quotes.windows(2) {
        assert!(
            pair[0].byte_end <= pair[1].byte_start,
            "top-level quotes ordered and apart: {:?} {:?}",
            pair[0],
            pair[1]
        );
    }
    for stray in &extraction.stray_marks {
        assert!(stray.start <= text.chars().count());
        assert!(stray.line >= 1 && stray.line <= 1 + text.matches('\n').count());
    }
    check_round_trip(&quotes);
    quotes
}

/// JSONL and CSV output re-parse to the same records.
pub fn check_round_trip(quotes: &[Quote]) {
    let jsonl = export::to_string(Format::Jsonl, quotes, Options::default());
    let back: Vec<Quote> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSONL line parses"))
        .collect();
    assert_eq!(back, quotes);

    let json = export::to_string(Format::Json, quotes, Options::default());
    let back: Vec<Quote> = serde_json::from_str(&json).expect("JSON array parses");
    assert_eq!(back, quotes);

    let csv = export::to_string(Format::Csv, quotes, Options::default());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let back: Vec<Quote> = reader
        .deserialize::<CsvRow>()
        .map(|r| Quote::try_from(r.expect("CSV row parses")).expect("flags parse"))
        .collect();
    assert_eq!(back, quotes);
}
