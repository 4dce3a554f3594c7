//! The whole pipeline on any text: no panic, record offsets consistent, and the JSONL
//! output re-parses to the same records. `cargo +nightly fuzz run pipeline`
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::export::{Format, Options, to_string};
use quotecheck::{Document, Quote, extract};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let quotes = extract(&Document::new("fuzz", text.as_ref())).quotes;
    for q in &quotes {
        assert!(q.byte_end <= text.len() && q.byte_start < q.byte_end);
        assert_eq!(q.start, text[..q.byte_start].chars().count());
    }
    let jsonl = to_string(Format::Jsonl, &quotes, Options::default());
    let back: Vec<Quote> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(back, quotes);
});
