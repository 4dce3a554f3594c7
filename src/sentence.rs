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
pub const MAX_SENTENCE: usize = 2048;

/// Where a search cut short by [`MAX_SENTENCE`] stops is rounded outwards to a multiple of
/// this, so the quotes of one boundless stretch share their sentence: what is worked out
/// per sentence (its words, its subject, whether it reports speech) is then worked out
/// once per block instead of once per quote (a paragraph of 250,000 one-word quotes).
const SENTENCE_BLOCK: usize = 256;

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
    // char_floor reads the text 2 KiB back, a cache miss per call: only when it matters.
    let limit = at.saturating_sub(MAX_SENTENCE) / SENTENCE_BLOCK * SENTENCE_BLOCK;
    let floor = if limit <= floor {
        floor
    } else {
        floor.max(char_floor(text, limit))
    };
    if at <= floor {
        return floor;
    }
    let bytes = text.as_bytes();
    let hay = &bytes[floor..at];
    let ends = Merged::new(
        memchr::memchr3_iter(b'.', b'?', b'!', hay).rev(),
        memchr::memchr_iter(ELLIPSIS_LAST, hay).rev(),
        |a, b| a > b,
    );
    for j in ends {
        if let Some(space) = space_after_punct(text, floor + j)
            && space < at
            && is_boundary_before(text, floor, space)
        {
            return space + 1;
        }
    }
    floor
}

/// The byte offset where the sentence containing `at` ends (exclusive), searching no
/// further than `ceiling` (the paragraph end).
pub fn sentence_end(text: &str, at: usize, ceiling: usize) -> usize {
    // As in sentence_start: the 2 KiB limit is read only when it can cut the search.
    let limit = (at + MAX_SENTENCE).div_ceil(SENTENCE_BLOCK) * SENTENCE_BLOCK;
    let ceiling = if ceiling <= limit && text.is_char_boundary(ceiling) {
        ceiling
    } else {
        ceiling.min(char_floor(text, limit))
    };
    let floor = char_floor(text, at.saturating_sub(64));
    if floor >= ceiling {
        return ceiling;
    }
    let hay = &text.as_bytes()[floor..ceiling];
    let ends = Merged::new(
        memchr::memchr3_iter(b'.', b'?', b'!', hay),
        memchr::memchr_iter(ELLIPSIS_LAST, hay),
        |a, b| a < b,
    );
    for j in ends {
        if let Some(space) = space_after_punct(text, floor + j)
            && space > at
            && space < ceiling
            && is_boundary_before(text, floor, space)
        {
            return space;
        }
    }
    ceiling
}

/// The last byte of `…`, the one sentence-ending mark that is not ASCII.
const ELLIPSIS_LAST: u8 = 0xA6;

/// Closing quotation marks and brackets that may stand between a sentence's punctuation
/// and the space after it: said.” Next
const CLOSERS: [char; 7] = ['”', '"', '’', '\'', ')', '»', '」'];

/// The space (or newline) after the punctuation whose last byte is at `punct` and the
/// closing marks after it, if a space comes there.
///
/// A sentence boundary is a space whose text before it, less closing marks, ends in
/// . ? ! or … (see [`is_boundary_before`]): so every boundary is the space after one of those
/// bytes, and the searches look for the punctuation (rare, found with memchr) instead of
/// checking every space.
fn space_after_punct(text: &str, punct: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes[punct] == ELLIPSIS_LAST && !bytes[..=punct].ends_with("…".as_bytes()) {
        return None;
    }
    let mut at = punct + 1;
    while let Some(c) = text[at..].chars().next().filter(|c| CLOSERS.contains(c)) {
        at += c.len_utf8();
    }
    matches!(bytes.get(at), Some(b' ' | b'\n')).then_some(at)
}

/// Two ascending (or two descending) streams of distinct offsets as one.
struct Merged<A: Iterator<Item = usize>, B: Iterator<Item = usize>> {
    a: std::iter::Peekable<A>,
    b: std::iter::Peekable<B>,
    /// Whether the first offset comes before the second in the stream's order.
    first: fn(usize, usize) -> bool,
}

impl<A: Iterator<Item = usize>, B: Iterator<Item = usize>> Merged<A, B> {
    fn new(a: A, b: B, first: fn(usize, usize) -> bool) -> Merged<A, B> {
        Merged {
            a: a.peekable(),
            b: b.peekable(),
            first,
        }
    }
}

impl<A: Iterator<Item = usize>, B: Iterator<Item = usize>> Iterator for Merged<A, B> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match (self.a.peek(), self.b.peek()) {
            (Some(&a), Some(&b)) if !(self.first)(a, b) => self.b.next(),
            (Some(_), _) => self.a.next(),
            (None, _) => self.b.next(),
        }
    }
}

/// Whether the whitespace at byte `space` separates two sentences. The searches ask only
/// at the space after . ? ! or … (and closing marks), found by [`space_after_punct`].
fn is_boundary_before(text: &str, floor: usize, space: usize) -> bool {
    let before = &text[floor..space];
    let after = &text[space + 1..];
    // Skip closing quotation marks and brackets after the punctuation: said.” Next
    let trimmed = before.trim_end_matches(CLOSERS);
    let Some(punct) = trimmed.chars().next_back() else {
        return false;
    };
    if !matches!(punct, '.' | '?' | '!' | '…') {
        return false;
    }
    let next_text = after.trim_start();
    let next = next_text.chars().next();
    // Two apostrophes typed for an opening mark open a sentence too: he said. ''It's
    let starts_sentence = next.is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '‘' | '«' | '„' | '(')
    }) || next_text.starts_with("''");
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
    fn two_apostrophes_open_a_sentence() {
        let text = "They met in March. ''It was cordial,'' he said. It''s not.";
        let para = Span::new(0, text.len());
        let at = text.find("cordial").unwrap();
        assert_eq!(
            &text[sentence_around(text, para, Span::new(at, at))],
            "''It was cordial,'' he said."
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
mod search_tests {
    //! The punctuation-first searches against the byte-by-byte ones they replaced.
    use super::*;
    use proptest::prelude::*;

    fn plain_start(text: &str, floor: usize, at: usize) -> usize {
        let limit = at.saturating_sub(MAX_SENTENCE) / SENTENCE_BLOCK * SENTENCE_BLOCK;
        let floor = floor.max(char_floor(text, limit));
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

    fn plain_end(text: &str, at: usize, ceiling: usize) -> usize {
        let limit = (at + MAX_SENTENCE).div_ceil(SENTENCE_BLOCK) * SENTENCE_BLOCK;
        let ceiling = ceiling.min(char_floor(text, limit));
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

    /// Both searches from every char boundary, within every paragraph of `text`.
    fn assert_same(text: &str) {
        let mut paras = vec![Span::new(0, text.len())];
        let mut start = 0;
        for (i, _) in text.match_indices('\n') {
            paras.push(Span::new(start, i));
            start = i + 1;
        }
        paras.push(Span::new(start, text.len()));
        for para in paras {
            for at in (para.start..=para.end).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    sentence_start(text, para.start, at),
                    plain_start(text, para.start, at),
                    "start from {at} in {:?}",
                    &text[para]
                );
                assert_eq!(
                    sentence_end(text, at, para.end),
                    plain_end(text, at, para.end),
                    "end from {at} in {:?}",
                    &text[para]
                );
            }
        }
    }

    #[test]
    fn news_paragraphs_split_as_before() {
        for text in [
            "Assad last met with Putin in March. Mr. Putin said “we met.” The U.S. Senate voted. George W. Bush spoke.",
            "“We are not going anywhere,” he said. “Never.” Then he left… And that was it! Really? Yes.",
            "He wrote “Mr. Smith left.”) Then (he went home.) She said ‘no.’ Officials in D.C. said 5 p.m. was late. 2016 was a year.",
            "The vote was 52-48.\nSen. John McCain (R-Ariz.) said: “It’s over.» Next. «Oui.» Fin… “Ça va?” Émile répondit. 「終わり。」 Done.",
            "Wait...  Two spaces.  “Quoted.”  Then… …and on. Ends with a period.",
            "",
            ".",
            " . ",
            "…",
            "a… B",
            "🦊 fox 🦦. Otter",
        ] {
            assert_same(text);
        }
    }

    #[test]
    fn long_paragraphs_respect_the_search_limit() {
        let sentence = "Officials said the plan, which ran to “many pages,” was late. ";
        let long_word = "x".repeat(3000);
        for text in [
            sentence.repeat(80),
            format!("{long_word}. Then {long_word} é… Done. {long_word}"),
            format!("Start. {}é. End", "é".repeat(1500)),
        ] {
            assert_same(&text);
        }
    }

    #[test]
    fn quotes_of_one_boundless_stretch_share_their_sentence() {
        // 8,000 one-word quotes and no sentence end: the searches stop at block edges, so
        // the quotes of a block have one sentence, between 2 KB and 2 KB + a block around.
        let text = "“a” ".repeat(8000);
        let para = Span::new(0, text.len());
        let sentences: Vec<Span> = text
            .match_indices('“')
            .map(|(i, _)| sentence_around(&text, para, Span::new(i, i + 7)))
            .collect();
        let mut distinct = sentences.clone();
        distinct.dedup();
        assert!(
            distinct.len() <= text.len() / SENTENCE_BLOCK + 1,
            "{}",
            distinct.len()
        );
        for (s, (i, _)) in sentences.iter().zip(text.match_indices('“')) {
            assert!(s.start == 0 || i - s.start >= MAX_SENTENCE);
            assert!(i - s.start <= MAX_SENTENCE + SENTENCE_BLOCK);
        }
    }

    const PIECES: &[&str] = &[
        ".", "?", "!", "…", " ", "\n", "”", "\"", "’", "'", ")", "»", "」", "“", "(", "A", "b",
        "Mr", "U.S", "p.m", "W", "é", "É", "🦊", "2", "\u{a0}", "\u{a6}",
    ];

    proptest! {
        #[test]
        fn any_text_splits_as_before(pieces in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            assert_same(&text);
        }
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
