//! Sentence boundaries inside a paragraph, good enough for news: a sentence ends at . ? !
//! (or … ) followed by space and an upper-case letter or an opening mark, unless the period
//! ends a common abbreviation (Mr. Sen. U.S.) or an initial (Barack H. Obama).

use crate::span::Span;

/// Titles and abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "st", "jr", "sr", "rev", "hon", "pres", "supt", "det", "insp", "amb", "vs", "v", "no",
    "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "u.s", "u.k", "u.n", "d.c", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "ave", "blvd",
    "dept", "univ", "gov't", "messrs", "mme", "mlle",
];

/// How far (in bytes) a sentence boundary is looked for, so that a paragraph of megabytes
/// without one costs linear time, not quadratic.
const MAX_SENTENCE: usize = 2048;

/// The largest char boundary at or below `at` (clamped to the text).
fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The byte offset where the sentence containing `at` starts, searching back no further
/// than `floor` (the paragraph start).
pub fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let floor = floor.max(char_floor(text, at.saturating_sub(MAX_SENTENCE)));
    let bytes = text.as_bytes();
    let mut i = at;
    while i > floor {
        i -= 1;
        let b = bytes[i];
        if (b == b' ' || b == b'\n') && i > floor && is_boundary_before(text, floor, i) {
            return i + 1;
        }
    }
    floor
}

/// The byte offset where the sentence containing `at` ends (exclusive), searching no
/// further than `ceiling` (the paragraph end).
pub fn sentence_end(text: &str, at: usize, ceiling: usize) -> usize {
    let ceiling = ceiling.min(char_floor(text, at + MAX_SENTENCE));
    let bytes = text.as_bytes();
    let mut i = at;
    while i < ceiling {
        let b = bytes[i];
        if (b == b' ' || b == b'\n')
            && i > at
            && is_boundary_before(text, char_floor(text, at.saturating_sub(64)), i)
        {
            return i;
        }
        i += 1;
    }
    ceiling
}

/// Whether the whitespace at byte `space` separates two sentences.
#[inline]
fn is_boundary_before(text: &str, floor: usize, space: usize) -> bool {
    // Most spaces follow a letter, digit or comma: only . ? ! … or a closing mark or
    // bracket after one can end a sentence (non-ASCII bytes take the full check).
    if space > floor
        && let Some(&b) = text.as_bytes().get(space - 1)
        && b < 0x80
        && !matches!(b, b'.' | b'?' | b'!' | b'"' | b'\'' | b')')
    {
        return false;
    }
    is_boundary_at(text, floor, space)
}

/// [`is_boundary_before`] in full.
#[inline(never)]
fn is_boundary_at(text: &str, floor: usize, space: usize) -> bool {
    let before = &text[floor..space];
    let after = &text[space + 1..];
    // Skip closing quotation marks and brackets after the punctuation: said.” Next
    let trimmed = before.trim_end_matches(['”', '"', '’', '\'', ')', '»', '」']);
    let Some(punct) = trimmed.chars().next_back() else {
        return false;
    };
    if !matches!(punct, '.' | '?' | '!' | '…') {
        return false;
    }
    let next = after.trim_start().chars().next();
    let starts_sentence = next.is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '‘' | '«' | '„' | '(')
    });
    if !starts_sentence {
        return false;
    }
    if punct == '.' {
        let word_start = trimmed[..trimmed.len() - 1]
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
            .map_or(0, |p| {
                p + trimmed[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &trimmed[word_start.min(trimmed.len() - 1)..trimmed.len() - 1];
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return false; // an initial: George W. Bush
        }
        if word.contains('.') && word.len() <= 6 {
            return false; // initials and dotted abbreviations: G.K. Butterfield, D.C.
        }
        static SET: crate::lexicon::WordSet = crate::lexicon::WordSet::new(ABBREVIATIONS);
        if crate::lexicon::with_lowercase(word, |lower| SET.contains(lower)) {
            return false;
        }
    }
    true
}

/// The sentence containing `span`, within `para`.
pub fn sentence_around(text: &str, para: Span, span: Span) -> Span {
    Span::new(
        sentence_start(text, para.start, span.start),
        sentence_end(text, span.end, para.end).max(span.end),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_in_news_paragraph() {
        let text = "Assad last met with Putin in March. Mr. Putin said “we met.” The U.S. Senate voted. George W. Bush spoke.";
        let para = Span::new(0, text.len());
        let at = text.find("we met").unwrap();
        let s = sentence_around(text, para, Span::new(at, at + 6));
        assert_eq!(&text[s], "Mr. Putin said “we met.”");
        let at = text.find("Senate").unwrap();
        assert_eq!(
            &text[sentence_around(text, para, Span::new(at, at))],
            "The U.S. Senate voted."
        );
        let at = text.find("Bush").unwrap();
        assert_eq!(
            &text[sentence_around(text, para, Span::new(at, at))],
            "George W. Bush spoke."
        );
    }

    #[test]
    fn lower_case_after_period_continues() {
        let text = "He said it was 5 p.m. when they left.";
        let para = Span::new(0, text.len());
        assert_eq!(sentence_start(text, 0, text.find("when").unwrap()), 0);
        assert_eq!(sentence_end(text, 0, para.end), text.len());
    }
}

#[cfg(test)]
mod boundary_tests {
    use super::*;

    #[test]
    fn abbreviation_after_an_opening_mark() {
        let text = "He wrote “Mr. Smith left.” Then he went home.";
        let at = text.find("Then").unwrap();
        assert_eq!(sentence_start(text, 0, at), at);
    }
}
