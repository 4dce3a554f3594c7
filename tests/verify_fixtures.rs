//! `verify` on the fixture articles against the hand-written transcript of the remarks they
//! quote, as plain text, SRT and WebVTT: every quote's verdict, flags and location
//! (fixtures/sources/putin-assad.expected.tsv; fixtures/sources/README.md says what each
//! deliberate difference is).

use std::path::Path;

use quotecheck::Document;
use quotecheck::verify::source::Source;
use quotecheck::verify::{Verified, Verifier};

struct Expected {
    article: String,
    index: usize,
    verdict: String,
    flags: Vec<String>,
    stretch: String,
    cue: String,
}

fn expected() -> Vec<Expected> {
    std::fs::read_to_string("fixtures/sources/putin-assad.expected.tsv")
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "six tab-separated fields: {l}");
            Expected {
                article: f[0].into(),
                index: f[1].parse().unwrap(),
                verdict: f[2].into(),
                flags: f[3]
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                stretch: f[4].into(),
                cue: f[5].into(),
            }
        })
        .collect()
}

fn article_path(name: &str) -> String {
    if Path::new("fixtures/articles").join(name).exists() {
        format!("fixtures/articles/{name}")
    } else {
        format!("fixtures/sources/{name}")
    }
}

fn verify(article: &str, source: &str) -> Vec<Verified> {
    let source = Source::load(Path::new(source)).unwrap();
    let verifier = Verifier::new(vec![source]);
    let path = article_path(article);
    let text = std::fs::read_to_string(&path).unwrap();
    verifier.verify_document(&Document::new(article, text))
}

/// The words of a stretch of a subtitle file, without cue numbers, timings and tags.
fn subtitle_words(slice: &str) -> Vec<String> {
    let mut text = String::new();
    for line in slice.lines() {
        let t = line.trim();
        if t.contains("-->") || (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())) {
            continue;
        }
        let mut in_tag = false;
        for c in line.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.push(' ');
    }
    text.split_whitespace().map(String::from).collect()
}

fn check_format(ext: &str) {
    let source_path = format!("fixtures/sources/putin-assad-remarks.{ext}");
    let source_text: Vec<char> = std::fs::read_to_string(&source_path)
        .unwrap()
        .chars()
        .collect();
    let expected = expected();
    let articles: Vec<&str> = {
        let mut a: Vec<&str> = expected.iter().map(|e| e.article.as_str()).collect();
        a.dedup();
        a
    };
    let mut failures = Vec::new();
    for article in articles {
        let results = verify(article, &source_path);
        let wanted: Vec<&Expected> = expected.iter().filter(|e| e.article == article).collect();
        let got: Vec<usize> = results.iter().map(|r| r.index).collect();
        let want: Vec<usize> = wanted.iter().map(|e| e.index).collect();
        assert_eq!(got, want, "{article}: the direct and partial quotes");
        for (r, e) in results.iter().zip(wanted) {
            let what = format!("{ext} {article}#{}", e.index);
            if r.verdict.to_string() != e.verdict {
                failures.push(format!(
                    "{what}: verdict {} (expected {}), diff {:?}",
                    r.verdict, e.verdict, r.diff
                ));
            }
            if r.flags != e.flags {
                failures.push(format!(
                    "{what}: flags {:?} (expected {:?})",
                    r.flags, e.flags
                ));
            }
            if e.verdict == "not_found" {
                if r.source.is_some() {
                    failures.push(format!("{what}: a location for a quote not found"));
                }
                continue;
            }
            let (Some(start), Some(end), Some(line)) = (r.start, r.end, r.line) else {
                failures.push(format!("{what}: no location"));
                continue;
            };
            assert_eq!(r.source.as_deref(), Some(source_path.as_str()));
            let slice: String = source_text[start..end].iter().collect();
            let found_line = 1 + source_text[..start].iter().filter(|&&c| c == '\n').count();
            if found_line != line {
                failures.push(format!("{what}: line {line}, counted {found_line}"));
            }
            let matches = if ext == "txt" {
                slice == e.stretch
            } else {
                subtitle_words(&slice)
                    == e.stretch
                        .split_whitespace()
                        .map(String::from)
                        .collect::<Vec<_>>()
            };
            if !matches {
                failures.push(format!(
                    "{what}: found at {start}..{end} {slice:?}, expected {:?}",
                    e.stretch
                ));
            }
            let cue = r.timestamp.clone().unwrap_or_default();
            let want_cue = if ext == "txt" { "" } else { e.cue.as_str() };
            if cue != want_cue {
                failures.push(format!("{what}: cue {cue:?}, expected {want_cue:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn plain_text_transcript() {
    check_format("txt");
}

#[test]
fn srt_transcript() {
    check_format("srt");
}

#[test]
fn vtt_transcript() {
    check_format("vtt");
}

#[test]
fn every_verdict_is_covered() {
    let verdicts: std::collections::BTreeSet<String> =
        expected().into_iter().map(|e| e.verdict).collect();
    for v in [
        "exact",
        "cosmetic",
        "elided",
        "bracketed",
        "altered",
        "spliced",
        "not_found",
    ] {
        assert!(verdicts.contains(v), "no fixture quote expects {v}");
    }
}

#[test]
fn an_article_can_be_the_source() {
    // The edited article against the original one: the quote Putin's paragraph shares.
    let source = Source::load(Path::new("fixtures/articles/putin-assad.txt")).unwrap();
    let verifier = Verifier::new(vec![source]);
    let text = std::fs::read_to_string("fixtures/sources/putin-assad-edited.txt").unwrap();
    let results = verifier.verify_document(&Document::new("edited", text));
    assert_eq!(results[0].verdict.to_string(), "bracketed");
    assert_eq!(
        results[0].source.as_deref(),
        Some("fixtures/articles/putin-assad.txt")
    );
    // Assad's quote stops at "Syria." in the original article too.
    assert_eq!(results[1].verdict.to_string(), "elided");
}
