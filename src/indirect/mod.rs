//! Reported speech without quotation marks (records of kind `indirect`): "Erin Murphy, a
//! former aide, said McConnell's trip was perhaps more important". Only speech counts:
//! beliefs, hopes and judgements (thinks, wants, described as) report nothing said.
//!
//! One stage per file: `cues.rs` finds the cue in a sentence (a verb or noun of speech,
//! "according to", "asked whether"), `speaker.rs` its speaker and the shape of the
//! attribution clause, `extent.rs` the reported content. Speakers are resolved by the
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
mod speaker;

#[cfg(test)]
mod tests;

use crate::attribute::words::{self, Word};
use crate::attribute::{Attribution, Resolver};
use crate::extract::Analysis;
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
    let text = analysis.text;
    let mut resolver = Resolver::new(analysis);
    let mut out = Vec::new();
    for (pi, &para) in analysis.paragraphs.iter().enumerate() {
        let mut done = para.start;
        for (offset, token) in words::tokens(&text[para]) {
            let at = para.start + offset;
            if at < done || !cues::may_be_cue(token) {
                continue;
            }
            let start = sentence_start(text, para.start, at).max(done);
            let end = sentence_end(text, at, para.end).max(at + token.len());
            done = end;
            sentence(analysis, Span::new(start, end), pi, &mut resolver, &mut out);
        }
    }
    out
}

/// Whether content can stand: it holds no quotation mark, overlaps no quoted stretch the
/// scanner found, and does not sit inside an open quotation of its paragraph (a quote
/// whose marks the scanner could not pair).
fn outside_quotes(analysis: &Analysis<'_>, para: Span, content: Span) -> bool {
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
    let before = &text[para.start..content.start];
    let straight = before.bytes().filter(|&b| b == b'"').count();
    let opened = before.matches('“').count();
    let closed = before.matches('”').count();
    straight % 2 == 0 && opened <= closed
}

fn sentence(
    analysis: &Analysis<'_>,
    range: Span,
    paragraph: usize,
    resolver: &mut Resolver<'_, '_>,
    out: &mut Vec<Reported>,
) {
    let text = analysis.text;
    let ws: Vec<Word<'_>> = words::words(text, range);
    let para = analysis.paragraphs[paragraph];
    for cue in cues::cues(&ws) {
        let Some(found) = speaker::speaker(&ws, &cue) else {
            continue;
        };
        let ranges = extent::content(&ws, &cue, found.shape);
        let contents: Vec<Span> = ranges
            .into_iter()
            .map(|(a, b)| Span::new(ws[a].span.start, ws[b].span.end))
            .filter(|&c| outside_quotes(analysis, para, c))
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
}
