//! Documents: loading text files, HTML pages, standard input and JSONL/CSV corpora, and
//! splitting paragraphs. The readers for each kind of input live in [`crate::input`].
//!
//! A paragraph is a non-blank line, or, in hard-wrapped text (Project Gutenberg, e-mail), a
//! block of lines between blank lines. [`paragraphs`] decides which convention a text uses.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use scraper::Selector;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::{Extraction, StrayMark};
use crate::input::{self, InputFormat, ReadOptions, SourceMap};
use crate::record::{Flag, Quote};
use crate::span::{CharIndex, Span};

/// One document: an id (the file path as given, or the corpus `id`) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The file path as given, `-` for standard input, or the corpus `id`.
    pub id: String,
    /// The text, decoded (and for HTML, the page's readable text).
    pub text: String,
    /// For text extracted from HTML: where each stretch of `text` is in the page.
    pub source: Option<Arc<SourceMap>>,
    /// Set when the file was decoded with `--lossy` and some bytes did not decode: the
    /// file offset of the first such byte.
    pub lossy_at: Option<usize>,
}

impl Document {
    /// A document from its id and text (no HTML source, nothing lossy).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            source: None,
            lossy_at: None,
        }
    }

    /// Adds what the document knows about its records: each quote's `source_start` and
    /// `source_end` when the text came from HTML, and the `lossy_decoding` flag; stray marks
    /// of an HTML page get the page's line instead of the extracted text's.
    pub fn annotate(&self, extraction: &mut Extraction) {
        self.annotate_strays(&mut extraction.stray_marks);
        for q in &mut extraction.quotes {
            self.annotate_quote(q);
        }
    }

    /// What [`Document::annotate`] adds to one record.
    pub fn annotate_quote(&self, q: &mut Quote) {
        if let Some(map) = &self.source
            && let Some(src) = map.source_span(Span::new(q.byte_start, q.byte_end))
        {
            q.source_start = Some(src.start);
            q.source_end = Some(src.end);
        }
        if self.lossy_at.is_some() && !q.flags.contains(&Flag::LossyDecoding) {
            q.flags.push(Flag::LossyDecoding);
        }
    }

    /// What [`Document::annotate`] does to stray marks: an HTML page's line for each.
    pub fn annotate_strays(&self, stray_marks: &mut [StrayMark]) {
        if let Some(map) = &self.source
            && !stray_marks.is_empty()
        {
            let chars = CharIndex::new(&self.text);
            for stray in stray_marks {
                if let Some(line) = chars
                    .byte_offset(stray.start)
                    .and_then(|b| map.source_line(b))
                {
                    stray.line = line;
                }
            }
        }
    }
}

/// Where an input's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file at this path (a corpus or an article).
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Source {
    /// The name errors use: the path, or `<stdin>`.
    pub fn path(&self) -> &Path {
        match self {
            Source::File(path) => path,
            Source::Stdin => Path::new("<stdin>"),
        }
    }

    /// The document id of a whole-file document: the path as given, or `-`.
    fn doc_id(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin => "-".into(),
        }
    }

    fn read_all(&self) -> Result<Vec<u8>> {
        match self {
            Source::File(path) => std::fs::read(path).map_err(|e| Error::io(path, e)),
            Source::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| Error::io("<stdin>", e))?;
                Ok(bytes)
            }
        }
    }
}

/// One input: where its bytes come from, how to read them, and the run's reading options.
/// [`crate::input::inputs`] builds these from command-line arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Where the bytes come from.
    pub source: Source,
    /// How to read them: text, HTML, JSONL or CSV corpus.
    pub format: InputFormat,
    /// `--encoding`, `--lossy`, `--selector` and the like, shared by every input of a run.
    pub options: Arc<ReadOptions>,
}

impl Input {
    /// Chooses how to read `arg` with default options: `-` is standard input, a `.jsonl` file
    /// (or any file when `corpus` is set) is a corpus, `.html` a page, `.csv` a CSV corpus,
    /// anything else a text file.
    pub fn from_arg(arg: &str, corpus: bool) -> Input {
        let source = match arg {
            "-" => Source::Stdin,
            path => Source::File(PathBuf::from(path)),
        };
        let format = match (&source, corpus) {
            (_, true) => InputFormat::Jsonl,
            (Source::Stdin, false) => InputFormat::Text,
            (Source::File(path), false) => InputFormat::from_path(path),
        };
        Input {
            source,
            format,
            options: Arc::default(),
        }
    }

    /// A text file read whole, as UTF-8.
    pub fn text(path: impl Into<PathBuf>) -> Input {
        Input {
            source: Source::File(path.into()),
            format: InputFormat::Text,
            options: Arc::default(),
        }
    }

    /// Standard input read whole as one text document called `-`.
    pub fn stdin() -> Input {
        Input {
            source: Source::Stdin,
            format: InputFormat::Text,
            options: Arc::default(),
        }
    }

    /// Whether the input is standard input.
    pub fn is_stdin(&self) -> bool {
        self.source == Source::Stdin
    }

    /// Whether the input holds many documents (a JSONL or CSV corpus).
    pub fn is_corpus(&self) -> bool {
        matches!(self.format, InputFormat::Jsonl | InputFormat::Csv)
    }

    /// The documents of this input, in order. Text and HTML inputs yield one; corpora stream
    /// (JSONL line by line; CSV row by row after decoding the file).
    /// The iterator is `Send` so that a worker thread can read ahead while others extract.
    pub fn documents(&self) -> Result<Box<dyn Iterator<Item = Result<Document>> + Send>> {
        let options = &self.options;
        let path = self.source.path();
        match self.format {
            InputFormat::Text => {
                let bytes = self.source.read_all()?;
                let decoded =
                    input::encoding::decode(path, &bytes, options.encoding, options.lossy)?;
                let mut doc = Document::new(self.source.doc_id(), decoded.text);
                doc.lossy_at = decoded.lossy_at;
                Ok(Box::new(std::iter::once(Ok(doc))))
            }
            InputFormat::Html => {
                let bytes = self.source.read_all()?;
                let declared = options
                    .encoding
                    .or_else(|| input::encoding::html_declared(&bytes));
                let decoded = input::encoding::decode(path, &bytes, declared, options.lossy)?;
                let mut page = input::read_page(&decoded.text, options.selector.as_ref()).map_err(
                    |message| Error::Read {
                        path: path.to_path_buf(),
                        message,
                    },
                )?;
                if let Some(offsets) = decoded.file_offsets() {
                    page.map.set_file_offsets(offsets);
                }
                let mut doc = Document::new(self.source.doc_id(), page.text);
                doc.source = Some(Arc::new(page.map));
                doc.lossy_at = decoded.lossy_at;
                Ok(Box::new(std::iter::once(Ok(doc))))
            }
            InputFormat::Jsonl => {
                // Corpus lines run to kilobytes: 64 KiB reads make an eighth of the
                // system calls 8 KiB ones do.
                const CAPACITY: usize = 1 << 16;
                let reader: Box<dyn BufRead + Send> = match &self.source {
                    Source::File(path) => Box::new(BufReader::with_capacity(
                        CAPACITY,
                        File::open(path).map_err(|e| Error::io(path, e))?,
                    )),
                    Source::Stdin => Box::new(BufReader::with_capacity(CAPACITY, std::io::stdin())),
                };
                Ok(Box::new(
                    CorpusReader::new(path.to_path_buf(), reader)
                        .with_selector(options.selector.clone()),
                ))
            }
            InputFormat::Csv => {
                let bytes = self.source.read_all()?;
                let decoded =
                    input::encoding::decode(path, &bytes, options.encoding, options.lossy)?;
                let lossy_at = decoded.lossy_at;
                let corpus = input::csv_corpus::open(
                    path,
                    decoded.text,
                    options.id_column.as_deref(),
                    options.text_column.as_deref(),
                )?;
                // Only the rows that hold a replacement character are affected.
                Ok(Box::new(corpus.map(move |doc| {
                    doc.map(|mut d| {
                        d.lossy_at = lossy_at.filter(|_| d.text.contains('\u{FFFD}'));
                        d
                    })
                })))
            }
        }
    }
}

/// Checks UTF-8, reporting the first bad byte with its line. A leading BOM is dropped.
pub fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    input::encoding::decode(path, &bytes, None, false).map(|d| d.text)
}

/// Streams the documents of a JSONL corpus, one per non-blank line.
pub struct CorpusReader<R> {
    path: PathBuf,
    reader: R,
    line: usize,
    buf: Vec<u8>,
    selector: Option<Selector>,
    /// A read failed: the stream ends there (a reader that keeps failing, a directory
    /// opened as a file, must not make `--keep-going` loop).
    failed: bool,
}

impl<R: BufRead> CorpusReader<R> {
    /// Reads corpus lines from `reader`; `path` names the file in errors.
    pub fn new(path: PathBuf, reader: R) -> CorpusReader<R> {
        CorpusReader {
            path,
            reader,
            line: 0,
            buf: Vec::new(),
            selector: None,
            failed: false,
        }
    }

    /// The article selector for lines that carry `"html"` instead of `"text"`.
    pub fn with_selector(mut self, selector: Option<Selector>) -> CorpusReader<R> {
        self.selector = selector;
        self
    }

    /// The 1-based line number of the last line read.
    pub fn line(&self) -> usize {
        self.line
    }
}

#[derive(Deserialize)]
struct CorpusLine {
    id: serde_json::Value,
    text: Option<String>,
    html: Option<String>,
}

impl<R: BufRead> Iterator for CorpusReader<R> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if self.failed {
                return None;
            }
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(Error::io(&self.path, e)));
                }
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse_line());
        }
    }
}

impl<R: BufRead> CorpusReader<R> {
    fn parse_line(&self) -> Result<Document> {
        // Most lines are {"id", "text"} and are read in one pass; serde_json reads the rest
        // (and reports what is wrong with a line).
        if let Some((id, text)) = input::corpus_line::read(&self.buf) {
            return Ok(Document::new(id, text));
        }
        let line = std::str::from_utf8(&self.buf).map_err(|e| {
            self.error(format!("not valid UTF-8 at column {}", e.valid_up_to() + 1))
        })?;
        let parsed: CorpusLine = serde_json::from_str(line).map_err(|e| {
            self.error(format!(
                "expected a JSON object with \"id\" and \"text\": {e}"
            ))
        })?;
        let id = match parsed.id {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => {
                return Err(self.error(format!("\"id\" must be a string or number, not {other}")));
            }
        };
        match (parsed.text, parsed.html) {
            (Some(text), _) => Ok(Document::new(id, text)),
            (None, Some(html)) => {
                let page = input::read_page(&html, self.selector.as_ref())
                    .map_err(|message| self.error(message))?;
                let mut doc = Document::new(id, page.text);
                doc.source = Some(Arc::new(page.map));
                Ok(doc)
            }
            (None, None) => {
                Err(self
                    .error("expected a JSON object with \"id\" and \"text\" (or \"html\")".into()))
            }
        }
    }

    fn error(&self, message: String) -> Error {
        Error::corpus(&self.path, self.line, message)
    }
}

/// Splits `text` into paragraphs: non-blank lines, or blank-line-separated blocks when the
/// text is hard-wrapped. Spans exclude line ends and surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    // One pass over the lines gathers both the non-blank lines and what decides whether
    // the text is hard-wrapped; the blocks are then joined from those lines.
    let mut out = Vec::new();
    // Indices into `out` of the lines that follow a blank line.
    let mut after_blank = Vec::new();
    let mut wrapping = Wrapping::default();
    for line in lines(text) {
        match trim_span(text, line) {
            Some(trimmed) => {
                wrapping.line(chars_up_to_101(&text[trimmed]));
                out.push(trimmed);
            }
            None => {
                wrapping.blank();
                if after_blank.last() != Some(&out.len()) {
                    after_blank.push(out.len());
                }
            }
        }
    }
    if wrapping.hard_wrapped() {
        join_blocks(&mut out, &after_blank);
    }
    out
}

/// The lines of `text` as spans without their line ends (`\n`, `\r\n` or a lone `\r`).
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        // memchr2 finds the next line end a word at a time instead of a byte at a time.
        if let Some(n) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            i += n;
            let line = Span::new(start, i);
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
            return Some(line);
        }
        if start < bytes.len() {
            let line = Span::new(start, bytes.len());
            start = bytes.len();
            return Some(line);
        }
        None
    })
}

/// Joins the non-blank `lines` into blocks: a block ends where a blank line follows
/// (`after_blank`: indices of the lines that follow one, ascending).
fn join_blocks(lines: &mut Vec<Span>, after_blank: &[usize]) {
    let mut blocks = Vec::new();
    let mut starts = after_blank
        .iter()
        .copied()
        .filter(|&i| i < lines.len())
        .peekable();
    let mut i = 0;
    while i < lines.len() {
        // The block runs to the line before the next one that follows a blank line.
        while starts.next_if(|&s| s <= i).is_some() {}
        let end = starts.peek().copied().unwrap_or(lines.len());
        blocks.push(Span::new(lines[i].start, lines[end - 1].end));
        i = end;
    }
    *lines = blocks;
}

fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = &text[span];
    let trimmed = s.trim_start();
    let start = span.start + (s.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    (!trimmed.is_empty()).then(|| Span::new(start, start + trimmed.len()))
}

/// `s.chars().take(101).count()`: only whether a line is 45 to 100 chars or longer
/// matters. Counts 64 bytes at a time and stops past 100.
fn chars_up_to_101(s: &str) -> usize {
    let mut chars = 0;
    for chunk in s.as_bytes().chunks(64) {
        chars += crate::span::starts_of_chars(chunk);
        if chars > 100 {
            return 101;
        }
    }
    chars
}

/// Whether text is hard-wrapped, from its lines in order.
///
/// Hard-wrapped text has blocks of several lines cut at a steady width (Project
/// Gutenberg's 70 or so): a line break inside such a block is a wrap, not a paragraph end.
/// News pasted one paragraph per line has lines of every length and is not wrapped.
#[derive(Default)]
struct Wrapping {
    /// Non-final lines of multi-line blocks that look cut at a width.
    wrapped: usize,
    /// Non-final lines of multi-line blocks.
    inner: usize,
    long: usize,
    prev_len: Option<usize>,
    saw_blank: bool,
}

impl Wrapping {
    /// A non-blank line of `len` chars (counted no further than 101).
    fn line(&mut self, len: usize) {
        if len > 100 {
            self.long += 1;
        }
        if let Some(p) = self.prev_len {
            self.inner += 1;
            if (45..=100).contains(&p) {
                self.wrapped += 1;
            }
        }
        self.prev_len = Some(len);
    }

    fn blank(&mut self) {
        self.saw_blank = true;
        self.prev_len = None;
    }

    fn hard_wrapped(&self) -> bool {
        self.saw_blank
            && self.inner > 0
            && self.wrapped * 2 >= self.inner
            && self.long * 20 <= self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|&s| &text[s]).collect()
    }

    #[test]
    fn one_paragraph_per_line_in_news_text() {
        let text = "“We have an opportunity,” Putin said.\n\nAssad offered only that.\r\nLast line";
        assert_eq!(
            texts(text, &paragraphs(text)),
            [
                "“We have an opportunity,” Putin said.",
                "Assad offered only that.",
                "Last line"
            ]
        );
    }

    #[test]
    fn blocks_in_hard_wrapped_text() {
        let text = "\"I am sure,\" said Elizabeth, \"that he will come, whatever his\nfriends may say.\"\n\nShe went out into the garden without another word to any of\nthem.\n";
        assert_eq!(
            texts(text, &paragraphs(text)),
            [
                "\"I am sure,\" said Elizabeth, \"that he will come, whatever his\nfriends may say.\"",
                "She went out into the garden without another word to any of\nthem."
            ]
        );
    }

    #[test]
    fn long_lines_are_paragraphs_even_in_blocks() {
        let long = "word ".repeat(40);
        let text = format!("{long}\n{long}\n\n{long}");
        assert_eq!(paragraphs(&text).len(), 3);
    }

    /// `paragraphs` as it was first written: a pass to decide whether the text is
    /// hard-wrapped, then a pass for the lines or the blocks.
    fn plain_paragraphs(text: &str) -> Vec<Span> {
        let mut wrapping = Wrapping::default();
        for line in lines(text) {
            match text[line].trim().chars().take(101).count() {
                0 => wrapping.blank(),
                len => wrapping.line(len),
            }
        }
        if !wrapping.hard_wrapped() {
            return lines(text)
                .filter_map(|line| trim_span(text, line))
                .collect();
        }
        let mut out = Vec::new();
        let mut current: Option<Span> = None;
        for line in lines(text) {
            match trim_span(text, line) {
                Some(t) => current = Some(current.map_or(t, |b| Span::new(b.start, t.end))),
                None => out.extend(current.take()),
            }
        }
        out.extend(current);
        out
    }

    #[test]
    fn paragraphs_agree_with_the_two_pass_split() {
        let news = "“We have an opportunity,” Putin said.\n\nAssad offered only that.\r\n";
        let wrapped = "\"I am sure,\" said Elizabeth, \"that he will come, whatever his\nfriends may say.\"\n\n\n  She went out into the garden without another word to any of\nthem. Émile répondit « non » à l’homme qui l’attendait depuis\r\nlongtemps.\n \n";
        let long = "word ".repeat(40);
        let accented = "é".repeat(120);
        let mut joined = 0;
        for text in [
            news.to_string(),
            news.repeat(5),
            wrapped.to_string(),
            wrapped.repeat(3),
            format!("\n\n{wrapped}{news}"),
            format!("{long}\n{long}\n\n{long}"),
            format!("{accented}\n{}\n\n{accented}\n", "é".repeat(60)),
            "\u{a0}\n\t\r\r\nx\ry\n\n".to_string(),
            String::new(),
        ] {
            let paras = paragraphs(&text);
            assert_eq!(paras, plain_paragraphs(&text), "{text:?}");
            joined += paras
                .iter()
                .filter(|&&p| text.as_str()[p].contains('\n'))
                .count();
        }
        assert!(joined >= 4, "the hard-wrapped cases are joined into blocks");
    }

    #[test]
    fn chars_are_counted_to_101() {
        for s in [
            "",
            "a",
            "é",
            &"é".repeat(101),
            &"🦊".repeat(101),
            &"x".repeat(404),
            &"x".repeat(405),
        ] {
            for end in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                let s = &s[..end];
                assert_eq!(chars_up_to_101(s), s.chars().take(101).count(), "{s}");
            }
        }
    }

    #[test]
    fn corpus_lines_stream_with_line_numbers() {
        let data = "{\"id\": \"a\", \"text\": \"one\"}\n\n{\"id\": 7, \"text\": \"two\", \"x\": 1}\n{oops\n";
        let mut reader = CorpusReader::new(PathBuf::from("c.jsonl"), data.as_bytes());
        assert_eq!(reader.next().unwrap().unwrap(), Document::new("a", "one"));
        assert_eq!(reader.next().unwrap().unwrap(), Document::new("7", "two"));
        let err = reader.next().unwrap().unwrap_err().to_string();
        assert!(
            err.starts_with("c.jsonl:4: expected a JSON object"),
            "{err}"
        );
        assert!(reader.next().is_none());
    }

    #[test]
    fn bad_utf8_names_the_line() {
        let err = decode_utf8(Path::new("a.txt"), b"ok\nbad \xff".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string().split("; ").next().unwrap(),
            "a.txt: not valid UTF-8 (first bad byte at offset 7, line 2)"
        );
        assert!(
            err.to_string().contains("--encoding (windows-1252"),
            "{err}"
        );
    }
}
