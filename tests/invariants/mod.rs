//! What must hold for any input, shared by the property tests, the adversarial inputs and
//! the fuzz-input replay.
#![allow(dead_code)] // each test binary uses its own subset of the checks

use quotecheck::export::{self, Format, Options};
use quotecheck::extract::{self as pipeline, Extraction, extract_with};
use quotecheck::record::CsvRow;
use quotecheck::{Document, Kind, Quote, extract};

/// The options `extract` runs with on the command line: reported speech included.
pub fn with_indirect() -> pipeline::Options {
    pipeline::Options::with_indirect(true)
}

/// Runs the whole pipeline on `text`, quotes only and with reported speech (as the CLI
/// does by default), and checks every invariant of both outputs; the quote records.
pub fn check_pipeline(text: &str) -> Vec<Quote> {
    let doc = Document::new("doc", text);
    let extraction = extract(&doc);
    check_extraction(text, &extraction);
    let all = extract_with(&doc, &with_indirect());
    check_extraction(text, &all);
    // Reported speech changes no quote: the same quotes, renumbered around it.
    let same = |q: &Quote| (q.byte_start, q.byte_end, q.kind, q.speaker.clone());
    let with: Vec<_> = all
        .quotes
        .iter()
        .filter(|q| q.kind != Kind::Indirect)
        .map(same)
        .collect();
    let without: Vec<_> = extraction.quotes.iter().map(same).collect();
    assert_eq!(with, without, "quotes with reported speech on");
    extraction.quotes
}

/// The invariants of one extraction of `text`.
fn check_extraction(text: &str, extraction: &Extraction) {
    let quotes = &extraction.quotes;
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
    let (reported, marked): (Vec<&Quote>, Vec<&Quote>) =
        quotes.iter().partition(|q| q.kind == Kind::Indirect);
    for pair in marked.windows(2) {
        assert!(
            pair[0].byte_end <= pair[1].byte_start,
            "top-level quotes ordered and apart: {:?} {:?}",
            pair[0],
            pair[1]
        );
    }
    // Records in text order; reported speech never overlaps a quote, and two stretches of
    // it are apart or one holds the other (a report of a report: "Maddow said Sanders said
    // C" credits Maddow with all of it and Sanders with C), never crossing.
    for pair in quotes.windows(2) {
        assert!(pair[0].byte_start <= pair[1].byte_start, "{pair:?}");
    }
    for r in &reported {
        let next = marked.partition_point(|q| q.byte_end <= r.byte_start);
        assert!(
            marked.get(next).is_none_or(|q| r.byte_end <= q.byte_start),
            "reported speech over a quote: {r:?} {:?}",
            marked[next]
        );
    }
    let mut open: Vec<&Quote> = Vec::new();
    for b in &reported {
        while open.last().is_some_and(|a| a.byte_end <= b.byte_start) {
            open.pop();
        }
        if let Some(a) = open.last() {
            assert!(
                b.byte_end <= a.byte_end,
                "reported speech crossing: {a:?} {b:?}"
            );
        }
        open.push(b);
    }
    for stray in &extraction.stray_marks {
        assert!(stray.start <= text.chars().count());
        assert!(stray.line >= 1 && stray.line <= 1 + text.matches('\n').count());
    }
    check_round_trip(quotes);
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
