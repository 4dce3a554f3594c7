//! The quote scanner: every quoted stretch of a document, whatever the typography.
//!
//! `parsers::next_mark` (nom) walks each paragraph mark by mark; each mark is read in its
//! context (what precedes and follows it) as an opener, a closer or an apostrophe, and a
//! stack pairs openers with closers. Marks are data ([`marks::STYLES`]).
//!
//! - Apostrophes (Assad’s, dictators’, ’90s, rock ’n’ roll, don't) open and close nothing:
//!   a single mark between letters is an apostrophe, one after a letter closes only a single
//!   quote that is open, and an opening single quote never closed is discarded.
//! - A closer may close an opener deeper in the stack when only single quotes (likely
//!   apostrophes) or unclosed nested quotes stand above it; those are dropped.
//! - A quotation running over several paragraphs (each opens with a mark, only the last
//!   closes) is one quote with one part per paragraph.
//! - A double quote still open at the end of its paragraph, and not continued, runs to the
//!   paragraph end and is flagged `unclosed`. A closer with nothing to close is recorded in
//!   [`Scan::stray`].
//!
//! Time is linear in the text: each step consumes a mark, and the stack is searched only
//! when a counter says a matching opener is on it (everything above it is then popped).
//! Memory is bounded too: the stack keeps at most [`MAX_DEPTH`] open quotes (openers past
//! it are counted, and the closers that pair with them cancel them), and a quote's nested
//! quotes are dropped when it closes, so what is kept is the top-level quotes.

pub mod marks;
pub(crate) mod parsers;

use crate::span::Span;
use marks::{MARKS, STYLES, is_single, is_unambiguous, mark_index, opens, pairs};
use parsers::{mark_len, next_mark, starts_with_elision};

/// One paragraph's share of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// From the opening mark to the closing mark (or the paragraph end), marks included.
    pub outer: Span,
    /// The words inside the marks, trimmed of whitespace.
    pub inner: Span,
    /// The paragraph (0-based index into the paragraph list).
    pub paragraph: usize,
}

/// A top-level quoted stretch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the first opening mark to the last closing mark, marks included.
    pub span: Span,
    /// One part per paragraph the quote runs over.
    pub parts: Parts,
    /// The mark that opened it.
    pub open_mark: char,
    /// `None` when the quote was never closed.
    pub close_mark: Option<char>,
    /// Whether quoted stretches are nested inside this one.
    pub has_nested: bool,
}

/// A quote's parts, read as a slice: one held inline (most quotes: a paragraph of a
/// million one-word quotes allocated a million vectors of one, issue 14), or several.
#[derive(Clone, Debug, Eq)]
pub enum Parts {
    /// A quote within one paragraph.
    One(Part),
    /// A quote over several paragraphs, one part each (at least two).
    Many(Vec<Part>),
}

impl Parts {
    /// The parts of earlier paragraphs (perhaps none) followed by `last`.
    fn new(mut earlier: Vec<Part>, last: Part) -> Parts {
        if earlier.is_empty() {
            return Parts::One(last);
        }
        earlier.push(last);
        Parts::Many(earlier)
    }
}

impl std::ops::Deref for Parts {
    type Target = [Part];
    fn deref(&self) -> &[Part] {
        match self {
            Parts::One(part) => std::slice::from_ref(part),
            Parts::Many(parts) => parts,
        }
    }
}

/// `for part in &quote.parts`, as when the parts were a `Vec`.
impl<'a> IntoIterator for &'a Parts {
    type Item = &'a Part;
    type IntoIter = std::slice::Iter<'a, Part>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Parts {
    fn eq(&self, other: &Parts) -> bool {
        **self == **other
    }
}

impl QuoteSpan {
    /// Whether the quote was never closed.
    pub fn unclosed(&self) -> bool {
        self.close_mark.is_none()
    }

    /// The paragraph of its opening mark.
    pub fn paragraph(&self) -> usize {
        self.parts[0].paragraph
    }

    /// The content with marks stripped: the parts' inner texts joined with `\n`.
    pub fn inner_text(&self, text: &str) -> String {
        let mut out = String::new();
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&text[part.inner]);
        }
        out
    }
}

/// What the scanner found in a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Top-level quotes in text order; they never overlap.
    pub quotes: Vec<QuoteSpan>,
    /// Byte offsets of closing marks that closed nothing.
    pub stray: Vec<usize>,
}

/// How to read the marks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Read two apostrophes ('') as a double quotation mark, as some newspaper archives
    /// typed them (''This isn't reform,'' he said). Off by default: in most text '' is two
    /// apostrophes or an inch mark, and annotation schemes do not count it as a quote mark.
    pub double_apostrophes: bool,
}

/// How many open quotes the stack keeps. News nests three deep at most; a line of 100,000
/// openers would otherwise keep a frame for each.
pub const MAX_DEPTH: usize = 256;

/// Scans `text`, split into `paragraphs` (ordered, non-overlapping spans).
pub fn scan(text: &str, paragraphs: &[Span]) -> Scan {
    scan_with(text, paragraphs, Options::default())
}

/// [`scan`] with options.
pub fn scan_with(text: &str, paragraphs: &[Span], options: Options) -> Scan {
    let mut scanner = Scanner {
        text,
        stack: Vec::new(),
        open_counts: [0; MARKS.len()],
        overflow: [0; MARKS.len()],
        closed: Vec::with_capacity(most_quotes(text)),
        stray: Vec::new(),
        continued: None,
    };
    for (index, &para) in paragraphs.iter().enumerate() {
        scanner.paragraph(index, para, paragraphs.get(index + 1).copied());
    }
    let Scanner { closed, stray, .. } = scanner;
    let mut quotes = top_level(closed);
    // '' quotes are always paired, so that what they contain stays inside a quotation,
    // but reported only on request.
    if !options.double_apostrophes {
        quotes.retain(|q| q.open_mark != marks::DOUBLE_APOSTROPHE);
    }
    Scan { quotes, stray }
}

/// At most how many quotes `text` can hold: one per byte that can start a mark. The
/// quotes' vector is allocated once at this size (what it does not use is never touched):
/// grown by doubling, a paragraph of a million one-word quotes left 2x their size behind
/// in freed copies (issue 14).
fn most_quotes(text: &str) -> usize {
    let mut lead = [false; 256];
    for &m in MARKS {
        let mut utf8 = [0; 4];
        lead[usize::from(m.encode_utf8(&mut utf8).as_bytes()[0])] = true;
    }
    text.bytes().filter(|&b| lead[usize::from(b)]).count()
}

struct Frame {
    open: char,
    start: usize,
    content_start: usize,
    paragraph: usize,
    /// Parts from earlier paragraphs of a multi-paragraph quote.
    parts: Vec<Part>,
    /// How many quotes had closed when this one opened: more at its end means quotes
    /// closed inside it.
    closed_before: usize,
}

struct Scanner<'t> {
    text: &'t str,
    stack: Vec<Frame>,
    /// How many frames on the stack each opening mark has.
    open_counts: [usize; MARKS.len()],
    /// Openers read while the stack was [`MAX_DEPTH`] deep, per mark: above the stack's
    /// top, so the next closer that pairs with one cancels it.
    overflow: [usize; MARKS.len()],
    /// Every closed quote, nested ones included; reduced to the top level at the end.
    closed: Vec<QuoteSpan>,
    stray: Vec<usize>,
    /// A frame carried over from the previous paragraph, whose continuation mark opens this one.
    continued: Option<Frame>,
}

/// What a mark does in its context.
enum Role {
    Open,
    /// Close the frame at this stack index.
    Close(usize),
    Stray,
    Ignore,
}

impl Scanner<'_> {
    fn paragraph(&mut self, index: usize, para: Span, next: Option<Span>) {
        let text = self.text;
        let body = &text[para];
        let mut rest = body;
        let mut prev: Option<char> = None;

        if let Some(mut frame) = self.continued.take() {
            // The continuation mark that opens this paragraph belongs to the carried frame.
            let (_, (_, mark)) = next_mark(body).expect("continuation checked the mark");
            frame.start = para.start;
            frame.content_start = para.start + mark_len(mark);
            frame.paragraph = index;
            self.push(frame);
            rest = &body[mark_len(mark)..];
            prev = Some(mark);
        }

        while let Ok((after, (before, mark))) = next_mark(rest) {
            let at = para.start + (body.len() - after.len()) - mark_len(mark);
            if let Some(c) = before.chars().next_back() {
                prev = Some(c);
            }
            let next = after.chars().next();
            match self.role(mark, prev, next, (&body[..at - para.start], after)) {
                Role::Open if self.stack.len() >= MAX_DEPTH => {
                    self.overflow[mark_index(mark)] += 1;
                }
                Role::Close(_) | Role::Stray
                    if self.stack.len() >= MAX_DEPTH && self.cancels_overflow(mark) => {}
                Role::Open => {
                    let closed_before = self.closed.len();
                    self.push(Frame {
                        open: mark,
                        start: at,
                        content_start: at + mark_len(mark),
                        paragraph: index,
                        parts: Vec::new(),
                        closed_before,
                    })
                }
                Role::Close(depth) => self.close(depth, at, mark),
                Role::Stray => self.stray.push(at),
                Role::Ignore => {}
            }
            prev = Some(mark);
            rest = after;
        }
        self.end_paragraph(index, para, next);
    }

    fn role(
        &self,
        mark: char,
        prev: Option<char>,
        next: Option<char>,
        (before, after): (&str, &str),
    ) -> Role {
        let prev_space = prev.is_none_or(char::is_whitespace);
        let next_space = next.is_none_or(char::is_whitespace);
        // Markdown's flanking rules: an opener is followed by text and preceded by space or
        // punctuation; a closer is preceded by text and followed by space or punctuation.
        let can_open = !next_space && (prev_space || prev.is_some_and(is_open_context));
        let can_close = !prev_space && (next_space || next.is_some_and(is_close_context));

        if is_single(mark) && !is_unambiguous(mark) {
            return self.single_role(mark, prev, next, (before, after), can_open, can_close);
        }
        // Inch marks: 6'2" and 12" vinyl.
        if mark == '"' && prev.is_some_and(|c| c.is_ascii_digit()) && self.matching(mark).is_none()
        {
            return Role::Ignore;
        }
        if is_unambiguous(mark) {
            let next_word = next.is_some_and(char::is_alphanumeric);
            return self.unambiguous_role(mark, (can_open, can_close), (next_space, next_word));
        }
        let top_closes = self.stack.last().is_some_and(|f| pairs(f.open, mark));
        match (can_open, can_close) {
            (false, true) => match self.matching(mark) {
                Some(depth) => Role::Close(depth),
                // Two apostrophes closing nothing are two apostrophes (the workers'').
                None if mark == marks::DOUBLE_APOSTROPHE => Role::Ignore,
                None => Role::Stray,
            },
            (true, false) => match self.matching(mark) {
                // “Hello, ”he said: a closing curly mark typed without its space still closes.
                Some(depth) if mark == '”' => Role::Close(depth),
                _ if opens(mark) => Role::Open,
                _ => Role::Stray,
            },
            // Inside a word or between punctuation (word"word, ."): close what is open on
            // top, else nothing.
            (true, true) if top_closes => Role::Close(self.stack.len() - 1),
            // Spaces on both sides ( ,' " he told): a matching open quote is closed by it;
            // a lone mark opens nothing.
            (false, false) if prev.is_some() => {
                self.matching(mark).map_or(Role::Ignore, Role::Close)
            }
            _ => Role::Ignore,
        }
    }

    /// Guillemets and corner brackets are quotation marks wherever they stand (French puts
    /// spaces inside « », Japanese none around 「」); only their direction needs context.
    fn unambiguous_role(
        &self,
        mark: char,
        (can_open, can_close): (bool, bool),
        (next_space, next_word): (bool, bool),
    ) -> Role {
        match mark {
            '「' | '『' => Role::Open,
            '」' | '』' => self.matching(mark).map_or(Role::Stray, Role::Close),
            // « and ‹ close a reversed »…« quote, » and › a French one, unless the mark
            // is clearly opening (space before, a word after).
            _ => match self.matching(mark) {
                Some(depth) if !(can_open && !can_close && next_word) => Role::Close(depth),
                _ if matches!(mark, '«' | '‹') || can_open || next_space => Role::Open,
                _ => Role::Stray,
            },
        }
    }

    fn single_role(
        &self,
        mark: char,
        prev: Option<char>,
        next: Option<char>,
        (before, after): (&str, &str),
        can_open: bool,
        can_close: bool,
    ) -> Role {
        let prev_word = prev.is_some_and(char::is_alphanumeric);
        let next_word = next.is_some_and(char::is_alphanumeric);
        // don't, Assad’s, o’clock, 6'2: inside a word it is an apostrophe or a prime.
        if prev_word && next_word {
            return Role::Ignore;
        }
        let top_closes = self.stack.last().is_some_and(|f| pairs(f.open, mark));
        if can_close && top_closes && !is_elided_n(before) && !is_plural_possessive(prev, after) {
            return Role::Close(self.stack.len() - 1);
        }
        // ’ opens only where it cannot close (a curly apostrophe typed for ‘).
        if can_open && opens(mark) && (mark != '’' || !can_close) {
            if starts_with_elision(after) {
                return Role::Ignore;
            }
            return Role::Open;
        }
        // dictators’, goin': an apostrophe when no single quote is open.
        Role::Ignore
    }

    /// The stack index of the innermost frame `mark` can close, looking past single quotes
    /// (likely apostrophes) and unclosed nested quotes; `None` when nothing matches.
    fn matching(&self, mark: char) -> Option<usize> {
        let any = STYLES
            .iter()
            .filter(|s| s.close == mark)
            .any(|s| self.open_counts[mark_index(s.open)] > 0);
        if !any {
            return None;
        }
        if is_single(mark) {
            let top = self.stack.len().checked_sub(1)?;
            return pairs(self.stack[top].open, mark).then_some(top);
        }
        self.stack.iter().rposition(|f| pairs(f.open, mark))
    }

    /// Whether `mark` closes an opener counted past [`MAX_DEPTH`] (which it then cancels).
    /// Such openers exist only while the stack is full: closing or a paragraph's end, the
    /// only ways it shrinks, forget them.
    fn cancels_overflow(&mut self, mark: char) -> bool {
        let open = STYLES
            .iter()
            .filter(|s| s.close == mark)
            .map(|s| mark_index(s.open))
            .find(|&i| self.overflow[i] > 0);
        match open {
            Some(i) => {
                self.overflow[i] -= 1;
                true
            }
            None => false,
        }
    }

    fn push(&mut self, frame: Frame) {
        self.open_counts[mark_index(frame.open)] += 1;
        self.stack.push(frame);
    }

    fn pop(&mut self) -> Option<Frame> {
        let frame = self.stack.pop()?;
        self.open_counts[mark_index(frame.open)] -= 1;
        Some(frame)
    }

    fn close(&mut self, depth: usize, at: usize, mark: char) {
        // Openers past the depth limit stood above everything on the stack.
        self.overflow = [0; MARKS.len()];
        while self.stack.len() > depth + 1 {
            self.pop();
        }
        let Some(frame) = self.pop() else { return };
        let end = at + mark_len(mark);
        let last = Part {
            outer: Span::new(frame.start, end),
            inner: trim(self.text, Span::new(frame.content_start, at)),
            paragraph: frame.paragraph,
        };
        // The quotes closed since this one opened are nested in it: only the top level is
        // kept (a paragraph of 100,000 nested quotes would keep them all).
        let nested = self.closed.len() > frame.closed_before;
        self.closed.truncate(frame.closed_before);
        let mut quote = quote_from(frame.parts, last, Some(mark), frame.open);
        quote.has_nested = nested;
        self.closed.push(quote);
    }

    fn end_paragraph(&mut self, index: usize, para: Span, next: Option<Span>) {
        self.overflow = [0; MARKS.len()];
        if self.stack.is_empty() {
            return;
        }
        // Only the outermost open quote can run on or be reported unclosed; open quotes
        // nested inside it, and open single quotes, were not quotes.
        while self.stack.len() > 1 {
            self.pop();
        }
        let mut frame = self.pop().expect("stack is not empty");
        let part = Part {
            outer: Span::new(frame.start, para.end),
            inner: trim(self.text, Span::new(frame.content_start, para.end)),
            paragraph: index,
        };
        // The next paragraph must open with the same mark: a paragraph opening with a
        // different style starts a new quote.
        let continues = next.is_some_and(
            |n| matches!(next_mark(&self.text[n]), Ok((_, ("", c))) if c == frame.open),
        );
        if continues {
            frame.parts.push(part);
            self.continued = Some(frame);
        } else if self.closed.len() > frame.closed_before {
            // An opening mark never closed, around quotes that are properly closed ("Trump
            // walked on, chanting “U-S-A!”): the quotes inside are the reliable ones.
        } else if !is_single(frame.open) || !frame.parts.is_empty() {
            let open = frame.open;
            self.closed.push(quote_from(frame.parts, part, None, open));
        }
    }
}

/// The closing half of rock ’n’ roll: the text before the mark ends in a space, an
/// apostrophe and n.
fn is_elided_n(before: &str) -> bool {
    let mut rev = before.chars().rev();
    matches!(
        (rev.next(), rev.next(), rev.next()),
        (
            Some('n' | 'N'),
            Some('’' | '\''),
            None | Some(' ' | '\n' | '\u{a0}')
        )
    )
}

/// How far ahead a plural possessive looks for the single quote's real closer.
const POSSESSIVE_LOOKAHEAD: usize = 120;

/// ‘the workers’ party’: after an -s word, followed by a lower-case word, with another
/// closing single mark a little further on, the mark is a plural possessive.
fn is_plural_possessive(prev: Option<char>, after: &str) -> bool {
    if !matches!(prev, Some('s' | 'S')) {
        return false;
    }
    let mut chars = after.chars();
    if !matches!(chars.next(), Some(' ')) || !chars.next().is_some_and(char::is_lowercase) {
        return false;
    }
    let window = &after[..floor_boundary(after, POSSESSIVE_LOOKAHEAD)];
    let mut prev_c = ' ';
    let mut iter = window.chars().peekable();
    while let Some(c) = iter.next() {
        if matches!(c, '’' | '\'')
            && prev_c.is_alphanumeric()
            && !iter.peek().is_some_and(|n| n.is_alphanumeric())
        {
            return true;
        }
        if matches!(c, '“' | '”' | '"' | '‘') {
            return false;
        }
        prev_c = c;
    }
    false
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The quote made of the parts of earlier paragraphs and `last`.
fn quote_from(
    earlier: Vec<Part>,
    last: Part,
    close_mark: Option<char>,
    open_mark: char,
) -> QuoteSpan {
    let parts = Parts::new(earlier, last);
    let span = Span::new(parts[0].outer.start, last.outer.end);
    QuoteSpan {
        span,
        parts,
        open_mark,
        close_mark,
        has_nested: false,
    }
}

/// Characters after which an opening mark may stand without a space: (“ [“ —“ /“ and
/// another mark (nested openers).
fn is_open_context(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '…') || marks::is_mark(c)
}

/// Characters before which a closing mark may stand without a space: punctuation.
fn is_close_context(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text[span];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// Reduces a laminar set of spans to the outermost ones, in text order, marking those
/// that contain others (in place: no second copy of a document's quotes).
fn top_level(mut closed: Vec<QuoteSpan>) -> Vec<QuoteSpan> {
    let order = |a: &QuoteSpan, b: &QuoteSpan| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    };
    // Quotes mostly close in text order (nested ones are dropped when theirs closes):
    // sorting only when they did not spares a scratch buffer of half their size (35 MB for
    // a paragraph of a million one-word quotes).
    if !closed.is_sorted_by(|a, b| order(a, b).is_le()) {
        closed.sort_by(order);
    }
    closed.dedup_by(|quote, last| {
        let inside = quote.span.start < last.span.end;
        last.has_nested |= inside;
        inside
    });
    closed
}

#[cfg(test)]
mod tests;
