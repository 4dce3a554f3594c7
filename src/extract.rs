//! The pipeline for one document: paragraphs -> quote spans -> kinds -> records.

use serde::Serialize;

use crate::attribute::attribute_then;
use crate::document::{Document, paragraphs};
use crate::kind::{Kind, SentenceMemo, classify_with};
use crate::record::{Flag, Quote};
use crate::scan::{self, QuoteSpan, scan_with};
use crate::sentence::sentence_around;
use crate::span::{CharIndex, Span};

/// Everything the pipeline learns about one document before it becomes records.
pub struct Analysis<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Byte spans of its paragraphs.
    pub paragraphs: Vec<Span>,
    /// Top-level quotes in text order.
    pub quotes: Vec<QuoteSpan>,
    /// The kind of each quote in `quotes`.
    pub kinds: Vec<Kind>,
    /// The sentence around each quote's opening part (`sentence_around` its marks), which
    /// kinds and attribution both read.
    pub sentences: Vec<Span>,
    /// Byte offsets of closing marks that closed nothing.
    pub stray: Vec<usize>,
}

impl<'a> Analysis<'a> {
    /// Analyses `text` with default options.
    pub fn new(text: &'a str) -> Analysis<'a> {
        Analysis::with_options(text, &Options::default())
    }

    /// Analyses `text` with `options`.
    pub fn with_options(text: &'a str, options: &Options) -> Analysis<'a> {
        let paragraphs = paragraphs(text);
        let scan = scan_with(text, &paragraphs, options.scan);
        let sentences: Vec<Span> = scan
            .quotes
            .iter()
            .map(|q| {
                let first = q.parts[0];
                sentence_around(text, paragraphs[first.paragraph], first.outer)
            })
            .collect();
        let mut memo = SentenceMemo::default();
        let kinds = scan
            .quotes
            .iter()
            .zip(&sentences)
            .map(|(q, &sentence)| {
                let (outer, inner) = (q.parts[0].outer, q.parts[0].inner);
                classify_with(text, sentence, outer, inner, &mut memo)
            })
            .collect();
        Analysis {
            text,
            paragraphs,
            quotes: scan.quotes,
            kinds,
            sentences,
            stray: scan.stray,
        }
    }
}

/// A closing quotation mark that closed nothing: ignored, reported on the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StrayMark {
    /// The document.
    pub doc: String,
    /// Code-point offset.
    pub start: usize,
    /// 1-based line (of the page, for a document read from HTML).
    pub line: usize,
    /// The mark.
    pub mark: char,
}

/// The records of one document, and what was noticed about the document itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// The document's quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Closing marks that closed nothing.
    pub stray_marks: Vec<StrayMark>,
}

/// How to run the pipeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// How the scanner reads quotation marks.
    pub scan: scan::Options,
    /// Also find reported speech without quotation marks (records of kind `indirect`,
    /// `crate::indirect`), merged with the quotes in text order.
    pub indirect: bool,
}

/// Runs the whole pipeline on one document.
pub fn extract(doc: &Document) -> Extraction {
    extract_with(doc, &Options::default())
}

/// [`extract`] with options.
pub fn extract_with(doc: &Document, options: &Options) -> Extraction {
    let analysis = Analysis::with_options(&doc.text, options);
    let mut extraction = records_with(doc, &analysis, options.indirect);
    doc.annotate(&mut extraction);
    extraction
}

/// Turns an analysis into records, converting offsets to code points.
pub fn records(doc: &Document, analysis: &Analysis<'_>) -> Extraction {
    records_with(doc, analysis, false)
}

/// [`records`], with the document's reported speech (kind `indirect`) when `indirect`.
fn records_with(doc: &Document, analysis: &Analysis<'_>, indirect: bool) -> Extraction {
    let text = analysis.text;
    let chars = CharIndex::new(text);
    let (attributions, reported) = attribute_then(analysis, |resolver| {
        if indirect {
            crate::indirect::find_with(analysis, resolver)
        } else {
            Vec::new()
        }
    });
    let quotes = analysis
        .quotes
        .iter()
        .zip(&analysis.kinds)
        .zip(attributions)
        .enumerate()
        .map(|(i, ((q, &kind), attribution))| {
            let mut flags = Vec::new();
            if q.unclosed() {
                flags.push(Flag::Unclosed);
            }
            if q.parts.len() > 1 {
                flags.push(Flag::MultiParagraph);
            }
            if q.has_nested {
                flags.push(Flag::Nested);
            }
            let a = attribution.as_ref();
            if kind != Kind::Term && a.is_none_or(|a| a.speaker.is_none()) {
                flags.push(Flag::Unattributed);
            }
            if a.is_some_and(|a| a.ambiguous) {
                flags.push(Flag::Ambiguous);
            }
            let offsets = |s: Span| (chars.char_offset(s.start), chars.char_offset(s.end));
            let mention = a.map(|a| offsets(a.mention));
            let cue = a.and_then(|a| a.cue).map(offsets);
            Quote {
                doc: doc.id.clone(),
                index: i + 1,
                start: chars.char_offset(q.span.start),
                end: chars.char_offset(q.span.end),
                byte_start: q.span.start,
                byte_end: q.span.end,
                paragraph: q.paragraph(),
                text: q.inner_text(text),
                kind,
                speaker: a.and_then(|a| a.speaker.clone()),
                mention: a.map(|a| text[a.mention].to_string()),
                mention_start: mention.map(|m| m.0),
                mention_end: mention.map(|m| m.1),
                cue: a.and_then(|a| a.cue).map(|c| text[c].to_string()),
                cue_start: cue.map(|c| c.0),
                cue_end: cue.map(|c| c.1),
                method: a.map(|a| a.method.to_string()),
                confidence: a.map(|a| crate::record::round_confidence(a.confidence)),
                speaker_type: a.and_then(|a| a.speaker_type),
                role: a.and_then(|a| a.role.clone()),
                via: a.and_then(|a| a.via.clone()),
                flags,
                ..Default::default()
            }
        })
        .collect();
    let mut quotes = quotes;
    add_indirect(doc, text, &chars, reported, &mut quotes);
    let mut lines = LineCounter::default();
    let stray_marks = analysis
        .stray
        .iter()
        .map(|&at| StrayMark {
            doc: doc.id.clone(),
            start: chars.char_offset(at),
            line: lines.line_of(text, at),
            mark: text[at..].chars().next().unwrap_or('"'),
        })
        .collect();
    Extraction {
        quotes,
        stray_marks,
    }
}

/// Adds the document's reported speech (kind `indirect`) to its quote records, all in text
/// order and numbered again from 1.
fn add_indirect(
    doc: &Document,
    text: &str,
    chars: &CharIndex,
    reported: Vec<crate::indirect::Reported>,
    quotes: &mut Vec<Quote>,
) {
    if reported.is_empty() {
        return;
    }
    let offsets = |s: Span| (chars.char_offset(s.start), chars.char_offset(s.end));
    quotes.extend(reported.into_iter().map(|r| {
        let a = r.attribution;
        let mut flags = Vec::new();
        if a.speaker.is_none() {
            flags.push(Flag::Unattributed);
        }
        if a.ambiguous {
            flags.push(Flag::Ambiguous);
        }
        let (start, end) = offsets(r.content);
        let mention = offsets(a.mention);
        let cue = a.cue.map(offsets);
        Quote {
            doc: doc.id.clone(),
            index: 0,
            start,
            end,
            byte_start: r.content.start,
            byte_end: r.content.end,
            paragraph: r.paragraph,
            text: text[r.content].to_string(),
            kind: Kind::Indirect,
            speaker: a.speaker.clone(),
            mention: Some(text[a.mention].to_string()),
            mention_start: Some(mention.0),
            mention_end: Some(mention.1),
            cue: a.cue.map(|c| text[c].to_string()),
            cue_start: cue.map(|c| c.0),
            cue_end: cue.map(|c| c.1),
            method: Some(a.method.to_string()),
            confidence: Some(crate::record::round_confidence(a.confidence)),
            speaker_type: a.speaker_type,
            role: a.role,
            via: a.via,
            flags,
            ..Default::default()
        }
    }));
    // Stable: a quote and the reported speech starting where it does keep their order.
    quotes.sort_by_key(|q| q.byte_start);
    for (i, q) in quotes.iter_mut().enumerate() {
        q.index = i + 1;
    }
}

/// 1-based line numbers of ascending byte offsets, counting each newline once (counting
/// from the start for every offset made a megabyte of stray marks quadratic).
#[derive(Default)]
struct LineCounter {
    at: usize,
    newlines: usize,
}

impl LineCounter {
    fn line_of(&mut self, text: &str, at: usize) -> usize {
        if at < self.at {
            *self = LineCounter::default();
        }
        self.newlines += text.as_bytes()[self.at..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = at;
        1 + self.newlines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_marks_carry_their_line() {
        let doc = Document::new(
            "a.txt",
            "He left.” Then nothing.\nShe said no.”\n\nAnd once more.” It ended.” Yes.",
        );
        let lines: Vec<usize> = extract(&doc).stray_marks.iter().map(|s| s.line).collect();
        assert_eq!(lines, [1, 2, 4, 4]);
    }

    #[test]
    fn line_counter_restarts_when_offsets_go_back() {
        let text = "a\nb\nc";
        let mut lines = LineCounter::default();
        assert_eq!(lines.line_of(text, 4), 3);
        assert_eq!(lines.line_of(text, 2), 2);
        assert_eq!(lines.line_of(text, 0), 1);
    }
}
