//! The pipeline for one document: paragraphs -> quote spans -> kinds -> records.

use serde::Serialize;

use crate::attribute::{Attribution, attribute_then};
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

impl Options {
    /// The default scanner, with reported speech when `on`: how `diff`, `verify`,
    /// `review` and `serve` read an article (on unless `--quotes-only`).
    pub fn with_indirect(on: bool) -> Options {
        Options {
            indirect: on,
            ..Options::default()
        }
    }
}

/// Runs the whole pipeline on one document.
pub fn extract(doc: &Document) -> Extraction {
    extract_with(doc, &Options::default())
}

/// [`extract`] with options.
pub fn extract_with(doc: &Document, options: &Options) -> Extraction {
    let stream = Stream::new(doc, options);
    let mut quotes = Vec::with_capacity(stream.len());
    let stray_marks = stream.for_each(|q| -> Result<(), std::convert::Infallible> {
        quotes.push(q);
        Ok(())
    });
    let Ok(stray_marks) = stray_marks;
    Extraction {
        quotes,
        stray_marks,
    }
}

/// One document analysed and attributed, whose records are made one at a time
/// ([`Stream::for_each`]): a document's records are never all held at once. A 10 MB
/// paragraph of one-word quotes is over a million records, about 500 bytes each as
/// [`Quote`]s and 350 more as JSONL (issue 14); the analysis they are made from is a fifth.
pub struct Stream<'d> {
    doc: &'d Document,
    analysis: Analysis<'d>,
    attributions: Vec<Option<Box<Attribution>>>,
    reported: Vec<crate::indirect::Reported>,
    stray_marks: Vec<StrayMark>,
}

impl<'d> Stream<'d> {
    /// Analyses and attributes `doc` (everything [`extract_with`] does but make records).
    pub fn new(doc: &'d Document, options: &Options) -> Stream<'d> {
        let analysis = Analysis::with_options(&doc.text, options);
        let (attributions, reported) = attribute_then(&analysis, false, |resolver| {
            if options.indirect {
                crate::indirect::find_with(&analysis, resolver)
            } else {
                Vec::new()
            }
        });
        let mut stray_marks = stray_marks(doc, &analysis);
        doc.annotate_strays(&mut stray_marks);
        Stream {
            doc,
            analysis,
            attributions,
            reported,
            stray_marks,
        }
    }

    /// How many records [`Stream::for_each`] makes.
    pub fn len(&self) -> usize {
        self.attributions.len() + self.reported.len()
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Closing marks that closed nothing.
    pub fn stray_marks(&self) -> &[StrayMark] {
        &self.stray_marks
    }

    /// Makes each record in turn, in text order, and hands it to `each`; stops at the first
    /// error. Returns the stray marks.
    pub fn for_each<E>(
        self,
        mut each: impl FnMut(Quote) -> Result<(), E>,
    ) -> Result<Vec<StrayMark>, E> {
        let doc = self.doc;
        emit(
            doc,
            &self.analysis,
            self.attributions,
            self.reported,
            |mut q| {
                doc.annotate_quote(&mut q);
                each(q)
            },
        )?;
        Ok(self.stray_marks)
    }
}

/// Turns an analysis into records, converting offsets to code points.
pub fn records(doc: &Document, analysis: &Analysis<'_>) -> Extraction {
    let attributions = attribute_then(analysis, false, |_| ()).0;
    let mut quotes = Vec::with_capacity(attributions.len());
    let done = emit(doc, analysis, attributions, Vec::new(), |q| {
        quotes.push(q);
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(()) = done;
    Extraction {
        quotes,
        stray_marks: stray_marks(doc, analysis),
    }
}

/// The analysis's stray marks, with their offsets in code points and their lines.
fn stray_marks(doc: &Document, analysis: &Analysis<'_>) -> Vec<StrayMark> {
    let text = analysis.text;
    if analysis.stray.is_empty() {
        return Vec::new();
    }
    let chars = CharIndex::new(text);
    let mut lines = LineCounter::default();
    analysis
        .stray
        .iter()
        .map(|&at| StrayMark {
            doc: doc.id.clone(),
            start: chars.char_offset(at),
            line: lines.line_of(text, at),
            mark: text[at..].chars().next().unwrap_or('"'),
        })
        .collect()
}

/// Hands `each` the records of the quotes (with their attributions) and of the reported
/// speech (kind `indirect`), one at a time: in text order and numbered from 1 (a quote and
/// the reported speech starting where it does keep that order: quotes first).
fn emit<E>(
    doc: &Document,
    analysis: &Analysis<'_>,
    mut attributions: Vec<Option<Box<Attribution>>>,
    mut reported: Vec<crate::indirect::Reported>,
    mut each: impl FnMut(Quote) -> Result<(), E>,
) -> Result<(), E> {
    let text = analysis.text;
    let chars = CharIndex::new(text);
    let quotes = &analysis.quotes;
    // The order of a stable sort of the quotes followed by the reported speech.
    reported.sort_by_key(|r| r.content.start);
    let order: Option<Vec<usize>> = (!reported.is_empty()
        && !quotes
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start))
    .then(|| {
        let mut order: Vec<usize> = (0..quotes.len()).collect();
        order.sort_by_key(|&i| quotes[i].span.start);
        order
    });
    let mut next_quote = 0;
    let mut reported = reported.into_iter().peekable();
    let mut index = 0;
    loop {
        let quote = (next_quote < quotes.len())
            .then(|| order.as_ref().map_or(next_quote, |o| o[next_quote]));
        let take_quote = match (quote, reported.peek()) {
            (Some(i), Some(r)) => quotes[i].span.start <= r.content.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return Ok(()),
        };
        index += 1;
        let record = match quote.filter(|_| take_quote) {
            Some(i) => {
                next_quote += 1;
                let (q, kind) = (&quotes[i], analysis.kinds[i]);
                quote_record(doc, text, &chars, q, kind, attributions[i].take())
            }
            None => {
                let r = reported.next().expect("a reported record is left");
                reported_record(doc, text, &chars, r)
            }
        };
        each(Quote { index, ..record })?;
    }
}

/// The record of a quoted stretch (numbered 0).
fn quote_record(
    doc: &Document,
    text: &str,
    chars: &CharIndex,
    q: &QuoteSpan,
    kind: Kind,
    attribution: Option<Box<Attribution>>,
) -> Quote {
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
    let record = Quote {
        doc: doc.id.clone(),
        start: chars.char_offset(q.span.start),
        end: chars.char_offset(q.span.end),
        byte_start: q.span.start,
        byte_end: q.span.end,
        paragraph: q.paragraph(),
        text: q.inner_text(text),
        kind,
        mention: a.map(|a| text[a.mention].to_string()),
        mention_start: mention.map(|m| m.0),
        mention_end: mention.map(|m| m.1),
        cue: a.and_then(|a| a.cue).map(|c| text[c].to_string()),
        cue_start: cue.map(|c| c.0),
        cue_end: cue.map(|c| c.1),
        method: a.map(|a| a.method.to_string()),
        confidence: a.map(|a| crate::record::round_confidence(a.confidence)),
        speaker_type: a.and_then(|a| a.speaker_type),
        flags,
        ..Default::default()
    };
    match attribution {
        Some(mut a) => {
            let (role, via) = a.take_role_via();
            Quote {
                speaker: a.speaker,
                role,
                via,
                ..record
            }
        }
        None => record,
    }
}

/// The record of reported speech (kind `indirect`, numbered 0).
fn reported_record(
    doc: &Document,
    text: &str,
    chars: &CharIndex,
    r: crate::indirect::Reported,
) -> Quote {
    let offsets = |s: Span| (chars.char_offset(s.start), chars.char_offset(s.end));
    let mut a = r.attribution;
    let (role, via) = a.take_role_via();
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
        speaker: a.speaker,
        mention: Some(text[a.mention].to_string()),
        mention_start: Some(mention.0),
        mention_end: Some(mention.1),
        cue: a.cue.map(|c| text[c].to_string()),
        cue_start: cue.map(|c| c.0),
        cue_end: cue.map(|c| c.1),
        method: Some(a.method.to_string()),
        confidence: Some(crate::record::round_confidence(a.confidence)),
        speaker_type: a.speaker_type,
        role,
        via,
        flags,
        ..Default::default()
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
    fn reported_speech_and_quotes_come_in_text_order() {
        let doc = Document::new(
            "a.txt",
            "Sanders said the plan would fail. “It will not work,” he said. Clinton said she \
             disagreed, and that “the numbers add up.”\nThe senator told reporters that the \
             vote would wait.",
        );
        let options = Options {
            indirect: true,
            ..Options::default()
        };
        let quotes = extract_with(&doc, &options).quotes;
        let kinds: Vec<(usize, Kind)> = quotes.iter().map(|q| (q.index, q.kind)).collect();
        assert!(kinds.contains(&(1, Kind::Indirect)), "{kinds:?}");
        assert!(kinds.iter().any(|k| k.1 == Kind::Direct), "{kinds:?}");
        assert!(kinds.iter().map(|k| k.0).eq(1..=quotes.len()));
        assert!(
            quotes
                .windows(2)
                .all(|w| w[0].byte_start <= w[1].byte_start)
        );
        // The stream makes the same records one at a time.
        let mut streamed = Vec::new();
        let stream = Stream::new(&doc, &options);
        assert_eq!(stream.len(), quotes.len());
        let strays = stream.for_each(|q| {
            streamed.push(q);
            Ok::<(), ()>(())
        });
        assert_eq!(strays, Ok(Vec::new()));
        assert_eq!(streamed, quotes);
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
