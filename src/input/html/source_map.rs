//! Where each stretch of extracted text came from in the page, and the conversion to the
//! file's own bytes when the page was not UTF-8.

use crate::span::Span;

/// A stretch of text and the bytes of the source it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Byte offset in the text (of the document, or of one text node while parsing).
    pub text: usize,
    pub len: usize,
    /// The source bytes.
    pub src: Span,
    /// The text equals its source bytes, so offsets map one to one; otherwise (an entity,
    /// an inserted mark, collapsed whitespace) the whole stretch maps to the whole `src`.
    pub exact: bool,
}

impl Segment {
    pub fn end(&self) -> usize {
        self.text + self.len
    }
}

/// A [`Segment`] as kept for the whole text: 16 bytes rather than 40, since a page of
/// entities has one per entity. Offsets fit in 32 bits: `read_page` refuses larger pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Packed {
    text: u32,
    /// The length, and in the top bit whether the stretch is exact.
    len_exact: u32,
    src_start: u32,
    src_end: u32,
}

const EXACT: u32 = 1 << 31;

impl Packed {
    pub fn new(s: Segment) -> Packed {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Packed {
            text: narrow(s.text),
            len_exact: narrow(s.len).min(EXACT - 1) | if s.exact { EXACT } else { 0 },
            src_start: narrow(s.src.start),
            src_end: narrow(s.src.end),
        }
    }

    pub fn get(self) -> Segment {
        Segment {
            text: self.text as usize,
            len: (self.len_exact & !EXACT) as usize,
            src: Span::new(self.src_start as usize, self.src_end as usize),
            exact: self.len_exact & EXACT != 0,
        }
    }
}

/// The largest page read: its offsets must fit [`Packed`].
pub(crate) const MAX_PAGE: usize = (EXACT - 1) as usize;

/// Maps byte offsets in a document's text to byte offsets in the file it was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Packed>,
    /// When set, answers are converted to offsets in the file's own encoding.
    file: Option<FileOffsets>,
    /// Where the page's line breaks are, for naming lines in warnings.
    newlines: Vec<u32>,
}

impl SourceMap {
    pub(crate) fn new(segments: Vec<Packed>, newlines: Vec<u32>) -> SourceMap {
        SourceMap {
            segments,
            file: None,
            newlines,
        }
    }

    /// The source bytes a text span came from: from where its first character came from to
    /// where its last character's source ends. `None` for an empty span or one outside the text.
    pub fn source_span(&self, span: Span) -> Option<Span> {
        if span.is_empty() {
            return None;
        }
        let first = self.segment_at(span.start)?;
        let last = self.segment_at(span.end - 1)?;
        let start = if first.exact {
            first.src.start + (span.start - first.text)
        } else {
            first.src.start
        };
        let end = if last.exact {
            last.src.start + (span.end - last.text)
        } else {
            last.src.end
        };
        let span = Span::new(start, end.max(start));
        Some(match &self.file {
            Some(file) => Span::new(file.file_offset(span.start), file.file_offset(span.end)),
            None => span,
        })
    }

    /// The 1-based line of the page that the text at byte `offset` came from.
    pub fn source_line(&self, offset: usize) -> Option<usize> {
        let at = self.segment_at(offset)?.src.start;
        Some(1 + self.newlines.partition_point(|&nl| (nl as usize) < at))
    }

    fn segment_at(&self, offset: usize) -> Option<Segment> {
        let i = self.segments.partition_point(|s| s.get().end() <= offset);
        self.segments
            .get(i)
            .map(|s| s.get())
            .filter(|s| s.text <= offset)
    }

    /// Makes [`SourceMap::source_span`] answer in the file's own bytes rather than in the
    /// UTF-8 text the page was decoded to.
    pub fn set_file_offsets(&mut self, offsets: FileOffsets) {
        self.file = Some(offsets);
    }
}

/// Converts byte offsets in decoded (UTF-8) text to byte offsets in the file it was decoded
/// from: `bom + ratio * offset`, less what each non-ASCII character before it saves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOffsets {
    bom: usize,
    /// File bytes per ASCII character: 1, or 2 for UTF-16.
    ratio: usize,
    /// After each non-ASCII character: (its end in the text, total bytes saved so far).
    saved: Vec<(usize, usize)>,
}

impl FileOffsets {
    /// For `text` decoded from a file with a `bom`-byte mark, whose characters take
    /// `file_len(c)` bytes each.
    pub fn new(
        text: &str,
        bom: usize,
        ratio: usize,
        file_len: impl Fn(char) -> usize,
    ) -> FileOffsets {
        let mut saved = Vec::new();
        let mut total = 0;
        for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            total += ratio * c.len_utf8() - file_len(c);
            saved.push((at + c.len_utf8(), total));
        }
        FileOffsets { bom, ratio, saved }
    }

    /// The file byte offset of byte `at` of the decoded text.
    pub fn file_offset(&self, at: usize) -> usize {
        let i = self.saved.partition_point(|&(end, _)| end <= at);
        let saved = if i == 0 { 0 } else { self.saved[i - 1].1 };
        self.bom + self.ratio * at - saved
    }
}
