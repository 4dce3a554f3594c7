//! Reported speech without quotation marks (records of kind `indirect`): "Erin Murphy, a
//! former aide, said McConnell's trip was perhaps more important". Only speech counts:
//! beliefs, hopes and judgements (thinks, wants, described as) report nothing said.
//!
//! One stage per file: `cues.rs` finds the cue in a sentence (a verb or noun of speech,
//! "according to", "asked whether"), `speaker.rs` its speaker and the shape of the
//! attribution clause, `extent.rs` the reported content, `overlap.rs` the records of a
//! sentence that run into each other. Speakers are resolved by the
//! attribution module (`crate::attribute::Resolver`): canonical names, pronouns, types
//! and roles as for quotes.
//!
//! Quoted words are never part of reported content: a paraphrase with quoted words in
//! it (he said the plan was “dead on arrival”) is a partial quote, whose record is the
//! quote's; content overlapping any quoted stretch is dropped, so an indirect record never
//! competes with a quote's.
//!
//! Linear: raw tokens are checked against the cue lists first, and only a sentence with a
//! cue is split into words, once (sentences are at most [`crate::sentence::MAX_SENTENCE`]
//! bytes).

mod cues;
mod extent;
mod overlap;
mod speaker;

#[cfg(test)]
mod tests;

use crate::attribute::words::{self, Word};
use crate::attribute::{Attribution, Resolver};
use crate::extract::Analysis;
use crate::lexicon;
use crate::sentence::{sentence_end, sentence_start};
use crate::span::Span;

/// One stretch of reported speech.
#[derive(Clone, Debug, PartialEq)]
pub struct Reported {
    /// The reported content (byte offsets).
    pub content: Span,
    /// 0-based paragraph.
    pub paragraph: usize,
    /// Who reported it, resolved as a quote's speaker is.
    pub attribution: Attribution,
}

/// Every stretch of reported speech in an analysed document, in text order.
pub fn find(analysis: &Analysis<'_>) -> Vec<Reported> {
    crate::attribute::attribute_then(analysis, true, |resolver| find_with(analysis, resolver)).1
}

/// [`find`] with the resolver of the document's quote attribution.
pub(crate) fn find_with(
    analysis: &Analysis<'_>,
    resolver: &mut Resolver<'_, '_, '_>,
) -> Vec<Reported> {
    let text = analysis.text;
    let mut out = Vec::new();
    for (pi, &para) in analysis.paragraphs.iter().enumerate() {
        let mut done = para.start;
        let mut balance = Balance::at(para.start);
        // Word starts (the paragraph's, and after each space), turned away by their first
        // two bytes when no cue starts so (most words); a sentence with a cue is split into
        // words properly.
        let bytes = text.as_bytes();
        let body = &bytes[para.start..para.end];
        let starts = std::iter::once(para.start)
            .chain(memchr::memchr_iter(b' ', body).map(|k| para.start + k + 1));
        for s in starts {
            if s + 2 > para.end || s < done {
                continue;
            }
            let (a, b) = (bytes[s], bytes[s + 1]);
            let plausible = if a.is_ascii_alphabetic() {
                lexicon::may_start_speech_word(a, b)
            } else {
                // An opening mark or bracket before the word: “said, (according
                !a.is_ascii()
                    || matches!(a, b'(' | b'[' | b'"' | b'\'' | b'-')
                    || a.is_ascii_whitespace()
            };
            if !plausible {
                continue;
            }
            let i = s + bytes[s..para.end]
                .iter()
                .position(|c| *c == b' ')
                .unwrap_or(para.end - s);
            let token = &text[s..i];
            if !cues::may_be_cue(token) {
                continue;
            }
            let start = sentence_start(text, para.start, s).max(done);
            let end = sentence_end(text, s, para.end).max(i);
            done = end;
            sentence(
                analysis,
                Span::new(start, end),
                pi,
                &mut balance,
                resolver,
                &mut out,
            );
        }
    }
    out
}

/// The quotation marks of a paragraph before a point, counted as the point moves forward
/// (contents come in text order), so each byte is counted once.
struct Balance {
    at: usize,
    straight: usize,
    opened: usize,
    closed: usize,
}

impl Balance {
    fn at(start: usize) -> Balance {
        Balance {
            at: start,
            straight: 0,
            opened: 0,
            closed: 0,
        }
    }

    /// Whether every quotation the paragraph opened before `to` is closed there.
    fn closed_at(&mut self, text: &str, to: usize) -> bool {
        if to > self.at {
            for c in text[self.at..to].chars() {
                match c {
                    '"' => self.straight += 1,
                    '“' => self.opened += 1,
                    '”' => self.closed += 1,
                    _ => {}
                }
            }
            self.at = to;
        }
        self.straight.is_multiple_of(2) && self.opened <= self.closed
    }
}

/// Whether content can stand: it holds no quotation mark, overlaps no quoted stretch the
/// scanner found, and does not sit inside an open quotation of its paragraph (a quote
/// whose marks the scanner could not pair).
fn outside_quotes(analysis: &Analysis<'_>, sentence: Span, content: Span) -> bool {
    let text = analysis.text;
    let is_mark = |c: char| matches!(c, '“' | '”' | '"' | '«' | '»' | '„');
    if text[content].contains(is_mark) {
        return false;
    }
    let quotes = &analysis.quotes;
    let first = quotes.partition_point(|q| q.span.end <= content.start);
    if quotes[first..]
        .iter()
        .take_while(|q| q.span.start < content.end)
        .any(|q| q.parts.iter().any(|p| p.outer.overlaps(content)))
    {
        return false;
    }
    // Opened in the sentence before the content and not closed (the paragraph before the
    // sentence is checked once per sentence, `Balance`).
    let mut before = Balance::at(sentence.start);
    before.closed_at(text, content.start)
}

/// The most cues read in one sentence: a record's content is at most its sentence
/// ([`crate::sentence::MAX_SENTENCE`] bytes), so output stays within a few times the input.
const MAX_CUES: usize = 6;

fn sentence(
    analysis: &Analysis<'_>,
    range: Span,
    paragraph: usize,
    balance: &mut Balance,
    resolver: &mut Resolver<'_, '_, '_>,
    out: &mut Vec<Reported>,
) {
    let text = analysis.text;
    if !balance.closed_at(text, range.start) {
        return;
    }
    let ws: Vec<Word<'_>> = words::words(text, range);
    let first = out.len();
    // A news sentence reports at most a few things; a run of cues (hostile input: "he
    // said, he said, …") would make a record of up to a whole sentence per cue.
    for cue in cues::cues(&ws).into_iter().take(MAX_CUES) {
        let Some(found) = speaker::speaker(&ws, &cue) else {
            continue;
        };
        let ranges = extent::content(&ws, &cue, found.shape);
        let trailing = matches!(found.shape, speaker::Shape::Trailing { .. });
        let contents: Vec<Span> = ranges
            .into_iter()
            .map(|(a, b)| Span::new(ws[a].span.start, ws[b].span.end))
            .filter(|&c| outside_quotes(analysis, range, c))
            .map(|c| {
                if trailing {
                    let para = analysis.paragraphs[paragraph];
                    extent::continued(text, para, range.end, c)
                } else {
                    c
                }
            })
            .collect();
        if contents.is_empty() {
            continue;
        }
        let mut attribution = resolver.resolve(found.found);
        if let Some(who) = found.relative {
            attribution.mention = who;
        }
        for content in contents {
            out.push(Reported {
                content,
                paragraph,
                attribution: attribution.clone(),
            });
        }
    }
    // Only a sentence with two records or more has anything to settle (most have one).
    if out.len() - first > 1 {
        let mut mine = out.split_off(first);
        overlap::settle(text, &mut mine);
        out.append(&mut mine);
    }
}
