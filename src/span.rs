//! Byte spans into a document, and the one conversion to code-point offsets.
//!
//! The pipeline works in byte offsets (what `&str` slicing and nom give); records carry
//! code-point offsets as well because that is what Python and the annotated corpora use.
//! [`CharIndex`] converts at the edge.

use std::ops::Index;

/// A half-open byte range `start..end` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// Byte just past the end.
    pub end: usize,
}

impl Span {
    /// Creates a span. Panics in debug builds when `start > end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the spans share a byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// Converts byte offsets of one text into code-point offsets.
///
/// Stores the code-point count at every 64th byte, so memory is 1/8 of the text and a
/// lookup counts at most 63 bytes (records convert several offsets per quote). ASCII-only
/// text converts without any table.
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
    /// The text's length in code points.
    total: usize,
}

const BLOCK: usize = 64;

impl<'a> CharIndex<'a> {
    /// An index over `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: Vec::new(),
                total: text.len(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(count);
            count += starts_of_chars(block);
        }
        CharIndex {
            text,
            checkpoints,
            total: count,
        }
    }

    /// The code-point offset of byte offset `byte` (which must be on a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let Some(&base) = self.checkpoints.get(block) else {
            // The end of a text whose length is a multiple of the block size.
            return self.total;
        };
        let from = block * BLOCK;
        base + starts_of_chars(&self.text.as_bytes()[from..byte])
    }

    /// The byte offset of code-point offset `ch`, or `None` past the end.
    pub fn byte_offset(&self, ch: usize) -> Option<usize> {
        if self.checkpoints.is_empty() {
            return (ch <= self.text.len()).then_some(ch);
        }
        let block = self
            .checkpoints
            .partition_point(|&c| c <= ch)
            .saturating_sub(1);
        let mut count = self.checkpoints[block];
        for (i, b) in self.text.as_bytes()[block * BLOCK..].iter().enumerate() {
            if !is_continuation(*b) {
                if count == ch {
                    return Some(block * BLOCK + i);
                }
                count += 1;
            }
        }
        (count == ch).then_some(self.text.len())
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

/// The number of bytes of `bytes` that start a character (are no continuation byte,
/// 10xxxxxx), eight bytes at a time: a byte's top bit set and the next bit clear.
pub(crate) fn starts_of_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        continuations += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    let rest = chunks.remainder();
    continuations += rest.iter().filter(|&&b| is_continuation(b)).count();
    bytes.len() - continuations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Assad’s “visit” — 2024";
        let index = CharIndex::new(text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), ch);
            assert_eq!(index.byte_offset(ch), Some(byte));
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        assert_eq!(index.byte_offset(text.chars().count()), Some(text.len()));
        assert_eq!(index.byte_offset(text.chars().count() + 1), None);
    }

    #[test]
    fn char_offsets_across_blocks() {
        let text = "é“x”".repeat(300);
        let index = CharIndex::new(&text);
        for (ch, (byte, _)) in text.char_indices().enumerate().step_by(7) {
            assert_eq!(index.char_offset(byte), ch);
            assert_eq!(index.byte_offset(ch), Some(byte));
        }
    }

    #[test]
    fn the_end_of_a_text_a_whole_number_of_blocks_long() {
        // Found by the pipeline property test: a quote running to the end of a two-block
        // text (512 bytes then) got end offset 0.
        let text = "“a” ".repeat(BLOCK * 2 / "“a” ".len()) + &"x".repeat(BLOCK * 2 % "“a” ".len());
        assert_eq!(text.len(), BLOCK * 2);
        let index = CharIndex::new(&text);
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        assert_eq!(index.byte_offset(text.chars().count()), Some(text.len()));
    }

    #[test]
    fn characters_are_counted_eight_bytes_at_a_time() {
        let text = "Erdoğan’s “visit” — 2024 «Привет» 「引用」 😀 end";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let expected = bytes.iter().filter(|&&b| !is_continuation(b)).count();
                assert_eq!(starts_of_chars(bytes), expected, "{start}..{end}");
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let index = CharIndex::new("plain text");
        assert_eq!(index.char_offset(5), 5);
        assert_eq!(index.byte_offset(10), Some(10));
    }

    #[test]
    fn spans_index_str() {
        let text = "he said “no”";
        assert_eq!(&text[Span::new(0, 2)], "he");
        assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
        assert!(!Span::new(0, 4).overlaps(Span::new(4, 8)));
    }
}
