//! The project's first real article: every quote with the gold offsets, text and kind
//! (fixtures/articles/putin-assad.gold.jsonl, a copy of ../shared/fixtures).

use quotecheck::{Document, Kind, extract};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    paragraph: usize,
    text: String,
    kind: String,
    speaker: Option<String>,
}

fn gold() -> Vec<Gold> {
    std::fs::read_to_string("fixtures/articles/putin-assad.gold.jsonl")
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn quotes() -> Vec<quotecheck::Quote> {
    let text = std::fs::read_to_string("fixtures/articles/putin-assad.txt").unwrap();
    extract(&Document::new("putin-assad.txt", text)).quotes
}

#[test]
fn all_19_spans_with_gold_offsets_and_kinds() {
    let gold = gold();
    let got = quotes();
    assert_eq!(got.len(), 19);
    for (g, q) in gold.iter().zip(&got) {
        assert_eq!((q.start, q.end), (g.start, g.end), "{}", g.text);
        assert_eq!(q.paragraph, g.paragraph, "{}", g.text);
        assert_eq!(q.text, g.text);
        let kind: Kind = g.kind.parse().unwrap();
        assert_eq!(q.kind, kind, "{}", g.text);
    }
}

#[test]
fn all_16_spoken_quotes_have_their_canonical_speakers() {
    let gold = gold();
    let got = quotes();
    let mut spoken = 0;
    for (g, q) in gold.iter().zip(&got) {
        if let Some(speaker) = &g.speaker {
            spoken += 1;
            assert_eq!(q.speaker.as_deref(), Some(speaker.as_str()), "{}", g.text);
            assert!(q.method.is_some() && q.confidence.is_some_and(|c| c > 0.0 && c <= 1.0));
        }
    }
    assert_eq!(spoken, 16);
}

#[test]
fn terms_have_no_speaker() {
    let gold = gold();
    for (g, q) in gold.iter().zip(quotes()) {
        if q.kind == Kind::Term {
            assert!(g.speaker.is_none());
            assert!(q.speaker.is_none(), "{}", q.text);
        }
    }
}

#[test]
fn offsets_point_into_the_original_text() {
    let text = std::fs::read_to_string("fixtures/articles/putin-assad.txt").unwrap();
    let chars: Vec<char> = text.chars().collect();
    for q in quotes() {
        let by_chars: String = chars[q.start..q.end].iter().collect();
        assert_eq!(by_chars, text[q.byte_start..q.byte_end]);
        assert!(by_chars.contains(q.text.as_str()));
    }
}
