//! HTML pages: the article's paragraphs as text, with a map back to the page's bytes.
//!
//! The page is parsed by html5ever (through scraper's tree) exactly as a browser would,
//! unclosed `<p>`s, misnested tags and all. The text is the page's block elements (p,
//! blockquote, h1–h6, li, figcaption, and every other HTML block) one per line, with
//! whitespace collapsed as a browser shows it; script, style, nav, aside and footer (and
//! other furniture: noscript, template, iframe, svg, button, `hidden`) are dropped, and each
//! `<q>` element becomes a pair of quotation marks (“…”, ‘…’ when nested).
//!
//! Which part of the page is read: the elements matching `--selector` when one is given;
//! otherwise the one `<article>` if the page has exactly one, else the one `<main>`, else
//! `<body>`. That keeps site headers and related-story lists out of most news pages.
//!
//! Where each character came from: html5ever does not report source positions, so the page
//! is fed to it in small chunks (cut before every `<` and `&`, after every `>`), and the
//! [`TreeSink`] wrapper notes which chunk each piece of text arrived with. Text that equals
//! its source bytes maps byte for byte; a decoded entity (`&ldquo;`) maps to the whole
//! entity; a `<q>` mark maps to its tag. [`SourceMap`] answers "which bytes of the page"
//! for any span of the text.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, driver};
use scraper::{Html, HtmlTreeSink, Node, Selector};

use crate::span::Span;

/// A page read for its article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The paragraphs, one per line, separated by `\n`.
    pub text: String,
    /// Where in the HTML each stretch of `text` came from.
    pub map: SourceMap,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "aside", "footer", "noscript", "template", "iframe", "svg", "math",
    "button", "select", "head", "object",
];

/// Elements that start and end a paragraph (HTML's block-level elements, plus table cells).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Reads the article text of `html`: the parts `selector` picks, or the default described in
/// the module docs. The error says what went wrong (a selector that matches nothing).
pub fn read_page(html: &str, selector: Option<&Selector>) -> Result<Page, String> {
    let (tree, positions) = parse(html);
    let roots = match selector {
        Some(selector) => {
            let found: Vec<NodeId> = tree.select(selector).map(|e| e.id()).collect();
            let roots = outermost(&tree, found);
            if roots.is_empty() {
                return Err("--selector matches nothing on this page".into());
            }
            roots
        }
        None => vec![default_root(&tree)],
    };
    let mut builder = TextBuilder::default();
    for root in roots {
        builder.walk(&tree, &positions, root);
    }
    Ok(Page {
        text: builder.text,
        map: SourceMap {
            segments: builder.segments,
            file: None,
            newlines: memchr_newlines(html),
        },
    })
}

fn memchr_newlines(html: &str) -> Vec<usize> {
    html.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect()
}

/// The one `<article>`, else the one `<main>`, else `<body>` (else the whole document).
fn default_root(tree: &Html) -> NodeId {
    for name in ["article", "main"] {
        let selector = Selector::parse(name).expect("a tag name is a valid selector");
        let found: Vec<NodeId> = tree
            .select(&selector)
            .filter(|e| !inside_dropped(tree, e.id()))
            .map(|e| e.id())
            .collect();
        if let [only] = outermost(tree, found)[..] {
            return only;
        }
    }
    let body = Selector::parse("body").expect("a tag name is a valid selector");
    tree.select(&body)
        .next()
        .map(|e| e.id())
        .unwrap_or_else(|| tree.tree.root().id())
}

fn inside_dropped(tree: &Html, id: NodeId) -> bool {
    tree.tree.get(id).is_some_and(|node| {
        node.ancestors()
            .any(|a| a.value().as_element().is_some_and(is_dropped))
    })
}

fn is_dropped(e: &scraper::node::Element) -> bool {
    DROPPED.contains(&e.name()) || e.attr("hidden").is_some()
}

/// Drops nodes nested inside another node of the list, keeping document order.
fn outermost(tree: &Html, ids: Vec<NodeId>) -> Vec<NodeId> {
    let set: std::collections::HashSet<NodeId> = ids.iter().copied().collect();
    ids.into_iter()
        .filter(|&id| {
            tree.tree
                .get(id)
                .is_some_and(|n| !n.ancestors().any(|a| set.contains(&a.id())))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// The source map

/// A stretch of text and the bytes of the source it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// Byte offset in the text (of the document, or of one text node while parsing).
    text: usize,
    len: usize,
    /// The source bytes.
    src: Span,
    /// The text equals its source bytes, so offsets map one to one; otherwise (an entity,
    /// an inserted mark, collapsed whitespace) the whole stretch maps to the whole `src`.
    exact: bool,
}

impl Segment {
    fn end(&self) -> usize {
        self.text + self.len
    }
}

/// Maps byte offsets in a document's text to byte offsets in the file it was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
    /// When set, answers are converted to offsets in the file's own encoding.
    file: Option<FileOffsets>,
    /// Where the page's line breaks are, for naming lines in warnings.
    newlines: Vec<usize>,
}

impl SourceMap {
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
        Some(1 + self.newlines.partition_point(|&nl| nl < at))
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.end() <= offset);
        self.segments.get(i).filter(|s| s.text <= offset)
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

    pub fn file_offset(&self, at: usize) -> usize {
        let i = self.saved.partition_point(|&(end, _)| end <= at);
        let saved = if i == 0 { 0 } else { self.saved[i - 1].1 };
        self.bom + self.ratio * at - saved
    }
}

// ---------------------------------------------------------------------------------------
// Parsing with positions

/// What the parser learnt about where nodes came from.
#[derive(Default)]
struct Positions {
    /// The source of each text node's bytes, in order, with offsets into the node's text.
    text: HashMap<NodeId, Vec<Segment>>,
    /// The start tag of each element created while parsing.
    start_tags: HashMap<NodeId, Span>,
    /// Every `</q>` end tag, in page order (html5ever tells the sink nothing when it closes
    /// an ordinary element, so a `<q>`'s end is found by position).
    q_end_tags: Vec<Span>,
}

fn parse(html: &str) -> (Html, Positions) {
    let sink = TrackingSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        track: RefCell::new(Tracker {
            src: html,
            ..Tracker::default()
        }),
    };
    let mut parser = driver::parse_document(sink, Default::default());
    for chunk in chunks(html) {
        parser.tokenizer.sink.sink.track.borrow_mut().begin(chunk);
        parser.process(StrTendril::from_slice(&html[chunk]));
        parser.tokenizer.sink.sink.track.borrow_mut().settle();
    }
    parser.finish()
}

/// Cuts `html` before every `<` and `&` and after every `>`, so each chunk holds at most one
/// tag's end or one character reference's start.
fn chunks(html: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = html.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = start + 1;
        if bytes[start] != b'>' {
            while end < bytes.len() && !matches!(bytes[end], b'<' | b'&') {
                end += 1;
                if bytes[end - 1] == b'>' {
                    break;
                }
            }
        }
        let chunk = Span::new(start, end);
        start = end;
        Some(chunk)
    })
}

/// Text appended to a node while one chunk was being parsed.
struct Piece {
    node: NodeId,
    /// Byte offset in the node's text where it was appended.
    at: usize,
    text: StrTendril,
}

#[derive(Default)]
struct Tracker<'a> {
    src: &'a str,
    /// The chunk being parsed.
    feed: Span,
    /// Source bytes from here up to the chunk's end have not produced text yet.
    text_from: usize,
    /// Where the last `<` was: the start of the tag being parsed.
    last_lt: usize,
    pieces: Vec<Piece>,
    /// A tag, comment or doctype was processed during this chunk.
    touched: bool,
    positions: Positions,
}

impl Tracker<'_> {
    fn begin(&mut self, chunk: Span) {
        self.feed = chunk;
        if self.src.as_bytes()[chunk.start] == b'<' {
            self.last_lt = chunk.start;
        }
    }

    fn tag_span(&self) -> Span {
        Span::new(self.last_lt.min(self.feed.end), self.feed.end)
    }

    /// Attributes the text appended during the chunk to the source bytes not yet accounted for.
    fn settle(&mut self) {
        if self.src.as_bytes()[..self.feed.end].ends_with(b">") {
            let tag = self.tag_span();
            let name = self.src.as_bytes()[tag.start..].get(..4);
            if name.is_some_and(|n| {
                n[..3].eq_ignore_ascii_case(b"</q") && !n[3].is_ascii_alphanumeric()
            }) {
                self.positions.q_end_tags.push(tag);
            }
            self.touched = true;
        }
        if self.pieces.is_empty() {
            if self.touched {
                self.text_from = self.feed.end;
            }
            self.touched = false;
            return;
        }
        let emitted: String = self.pieces.iter().map(|p| &p.text[..]).collect();
        let src = Span::new(self.text_from.min(self.feed.end), self.feed.end);
        let segments = align(&emitted, &self.src[src], src.start);
        let mut offset = 0;
        for piece in self.pieces.drain(..) {
            let range = Span::new(offset, offset + piece.text.len());
            offset = range.end;
            let node = self.positions.text.entry(piece.node).or_default();
            for seg in &segments {
                let from = seg.text.max(range.start);
                let to = seg.end().min(range.end);
                if from >= to {
                    continue;
                }
                let src = if seg.exact {
                    Span::new(
                        seg.src.start + (from - seg.text),
                        seg.src.start + (to - seg.text),
                    )
                } else {
                    seg.src
                };
                node.push(Segment {
                    text: piece.at + (from - range.start),
                    len: to - from,
                    src,
                    exact: seg.exact,
                });
            }
        }
        self.text_from = self.feed.end;
        self.touched = false;
    }
}

/// Aligns emitted text with the source bytes it came from: the common prefix and suffix map
/// one to one, the differing middle (an entity, a dropped `\r`) maps as a whole.
fn align(text: &str, src: &str, base: usize) -> Vec<Segment> {
    let (t, s) = (text.as_bytes(), src.as_bytes());
    let mut prefix = t.iter().zip(s).take_while(|(a, b)| a == b).count();
    while !text.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let mut suffix = t[prefix..]
        .iter()
        .rev()
        .zip(s[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    while !text.is_char_boundary(t.len() - suffix) {
        suffix -= 1;
    }
    let mut out = Vec::with_capacity(3);
    if prefix > 0 {
        out.push(Segment {
            text: 0,
            len: prefix,
            src: Span::new(base, base + prefix),
            exact: true,
        });
    }
    let middle = t.len() - prefix - suffix;
    if middle > 0 {
        out.push(Segment {
            text: prefix,
            len: middle,
            src: Span::new(base + prefix, base + s.len() - suffix),
            exact: false,
        });
    }
    if suffix > 0 {
        out.push(Segment {
            text: t.len() - suffix,
            len: suffix,
            src: Span::new(base + s.len() - suffix, base + s.len()),
            exact: true,
        });
    }
    out
}

/// scraper's tree sink, noting where text and tags came from.
struct TrackingSink<'a> {
    inner: HtmlTreeSink,
    track: RefCell<Tracker<'a>>,
}

impl TrackingSink<'_> {
    fn touch(&self) {
        self.track.borrow_mut().touched = true;
    }

    /// Records text just appended as the last child of `parent` or just before `sibling`.
    fn note_text(&self, text_node: Option<NodeId>, text: StrTendril) {
        let Some(node) = text_node else { return };
        let html = self.inner.0.borrow();
        let Some(Node::Text(t)) = html.tree.get(node).map(|n| n.value()) else {
            return;
        };
        let at = t.text.len() - text.len();
        self.track
            .borrow_mut()
            .pieces
            .push(Piece { node, at, text });
    }
}

impl<'a> TreeSink for TrackingSink<'a> {
    type Handle = NodeId;
    type Output = (Html, Positions);
    type ElemName<'b>
        = <HtmlTreeSink as TreeSink>::ElemName<'b>
    where
        Self: 'b;

    fn finish(self) -> (Html, Positions) {
        let mut track = self.track.into_inner();
        track.settle();
        (self.inner.finish(), track.positions)
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'b>(&'b self, target: &'b NodeId) -> Self::ElemName<'b> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        let mut track = self.track.borrow_mut();
        let span = track.tag_span();
        track.positions.start_tags.insert(id, span);
        track.touched = true;
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.touch();
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.touch();
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => {
                self.inner
                    .append(parent, NodeOrText::AppendText(text.clone()));
                let last = {
                    let html = self.inner.0.borrow();
                    html.tree
                        .get(*parent)
                        .and_then(|p| p.last_child())
                        .map(|c| c.id())
                };
                self.note_text(last, text);
            }
            node => {
                self.touch();
                self.inner.append(parent, node)
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .inner
            .0
            .borrow()
            .tree
            .get(*element)
            .is_some_and(|e| e.parent().is_some());
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.touch();
        self.inner.append_doctype_to_document(name, public, system)
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }

    fn pop(&self, _node: &NodeId) {
        self.touch();
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendText(text) => {
                self.inner
                    .append_before_sibling(sibling, NodeOrText::AppendText(text.clone()));
                let prev = {
                    let html = self.inner.0.borrow();
                    html.tree
                        .get(*sibling)
                        .filter(|s| s.parent().is_some())
                        .and_then(|s| s.prev_sibling())
                        .map(|c| c.id())
                };
                self.note_text(prev, text);
            }
            node => {
                self.touch();
                self.inner.append_before_sibling(sibling, node)
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.touch();
        self.inner.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.touch();
        self.inner.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.touch();
        self.inner.reparent_children(node, new_parent)
    }
}

// ---------------------------------------------------------------------------------------
// From the tree to text

#[derive(Default)]
struct TextBuilder {
    text: String,
    segments: Vec<Segment>,
    /// Collapsed whitespace waiting for the next visible character: its source, and whether
    /// it was a single plain space (which maps one to one).
    space: Option<(Span, bool)>,
    /// A block boundary was passed since the last visible character.
    para_break: bool,
    /// How many `<q>` elements are open (their marks alternate double and single).
    q_depth: usize,
}

enum Step {
    Enter(NodeId),
    Exit(NodeId),
}

impl TextBuilder {
    fn walk(&mut self, tree: &Html, positions: &Positions, root: NodeId) {
        self.para_break = true;
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(id) => {
                    let Some(node) = tree.tree.get(id) else {
                        continue;
                    };
                    match node.value() {
                        Node::Text(t) => {
                            let segments = positions.text.get(&id).map_or(&[][..], |v| &v[..]);
                            self.text_node(&t.text, segments);
                        }
                        Node::Element(e) => {
                            if is_dropped(e) {
                                continue;
                            }
                            let name = e.name();
                            if BLOCKS.contains(&name) || name == "br" {
                                self.para_break = true;
                            }
                            if name == "q" {
                                let mark = if self.q_depth.is_multiple_of(2) {
                                    "“"
                                } else {
                                    "‘"
                                };
                                self.q_depth += 1;
                                let src = positions.start_tags.get(&id).copied();
                                self.visible(mark, src.unwrap_or_default(), false);
                            }
                            stack.push(Step::Exit(id));
                            let children: Vec<NodeId> = node.children().map(|c| c.id()).collect();
                            stack.extend(children.into_iter().rev().map(Step::Enter));
                        }
                        Node::Document | Node::Fragment => {
                            let children: Vec<NodeId> = node.children().map(|c| c.id()).collect();
                            stack.extend(children.into_iter().rev().map(Step::Enter));
                        }
                        _ => {}
                    }
                }
                Step::Exit(id) => {
                    let Some(e) = tree.tree.get(id).and_then(|n| n.value().as_element()) else {
                        continue;
                    };
                    if BLOCKS.contains(&e.name()) {
                        self.para_break = true;
                    }
                    if e.name() == "q" {
                        self.q_depth -= 1;
                        let mark = if self.q_depth.is_multiple_of(2) {
                            "”"
                        } else {
                            "’"
                        };
                        // The first `</q>` after the content (nested quotes' end tags included).
                        let content_end = self.segments.last().map_or(0, |s| s.src.end);
                        let tags = &positions.q_end_tags;
                        let src = tags
                            .get(tags.partition_point(|t| t.start < content_end))
                            .copied()
                            .unwrap_or(Span::new(content_end, content_end));
                        self.visible(mark, src, false);
                    }
                }
            }
        }
    }

    /// Adds a text node's characters, collapsing whitespace.
    fn text_node(&mut self, text: &str, segments: &[Segment]) {
        let covered: usize = segments.iter().map(|s| s.len).sum();
        if covered != text.len() || segments.first().is_some_and(|s| s.text != 0) {
            // Not expected; map the whole node to whatever source it touched.
            let src = match (segments.first(), segments.last()) {
                (Some(a), Some(b)) => Span::new(a.src.start, b.src.end.max(a.src.start)),
                _ => self
                    .segments
                    .last()
                    .map_or(Span::default(), |s| Span::new(s.src.end, s.src.end)),
            };
            for c in text.chars() {
                self.char(c, src, false);
            }
            return;
        }
        for seg in segments {
            let piece = &text[seg.text..seg.end()];
            for (i, c) in piece.char_indices() {
                let src = if seg.exact {
                    Span::new(seg.src.start + i, seg.src.start + i + c.len_utf8())
                } else {
                    seg.src
                };
                self.char(c, src, seg.exact);
            }
        }
    }

    fn char(&mut self, c: char, src: Span, exact: bool) {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            if self.para_break || self.text.is_empty() {
                return;
            }
            self.space = Some(match self.space {
                None => (src, exact && c == ' '),
                Some((first, _)) => (first, false),
            });
            return;
        }
        let mut buf = [0u8; 4];
        self.visible(c.encode_utf8(&mut buf), src, exact);
    }

    /// Adds visible text, first the paragraph break or space that precedes it.
    fn visible(&mut self, s: &str, src: Span, exact: bool) {
        if self.para_break {
            self.para_break = false;
            self.space = None;
            if !self.text.is_empty() {
                let at = self.segments.last().map_or(0, |s| s.src.end);
                self.push("\n", Span::new(at, at), false);
            }
        } else if let Some((space, exact)) = self.space.take() {
            self.push(" ", space, exact);
        }
        self.push(s, src, exact);
    }

    fn push(&mut self, s: &str, src: Span, exact: bool) {
        let at = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.segments.last_mut() {
            let joins = last.end() == at
                && if exact {
                    last.exact && last.src.end == src.start
                } else {
                    !last.exact && last.src == src
                };
            if joins {
                last.len += s.len();
                last.src.end = src.end.max(last.src.end);
                return;
            }
        }
        self.segments.push(Segment {
            text: at,
            len: s.len(),
            src,
            exact,
        });
    }
}

#[cfg(test)]
mod tests;
