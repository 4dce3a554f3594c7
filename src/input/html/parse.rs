//! Parsing with positions: html5ever reports no source positions, so the page is fed to it in
//! small chunks (cut before every `<` and `&`, after every `>`), and a [`TreeSink`] wrapper
//! around scraper's notes which chunk each piece of text arrived with.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, driver};
use scraper::{Html, HtmlTreeSink, Node};

use super::source_map::Segment;
use crate::span::Span;

/// What the parser learnt about where nodes came from.
#[derive(Default)]
pub(crate) struct Positions {
    /// The source of each text node's bytes, in order, with offsets into the node's text.
    pub text: HashMap<NodeId, Vec<Segment>>,
    /// The start tag of each element created while parsing.
    pub start_tags: HashMap<NodeId, Span>,
    /// Every `</q>` end tag, in page order (html5ever tells the sink nothing when it closes
    /// an ordinary element, so a `<q>`'s end is found by position).
    pub q_end_tags: Vec<Span>,
}

pub(crate) fn parse(html: &str) -> (Html, Positions) {
    // Same length and offsets as `html`; deep nesting and attribute floods bounded (see `bounds`).
    let flat = super::bounds::flatten(html);
    let html = &*flat;
    let sink = TrackingSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        track: RefCell::new(Tracker::new(html)),
        positions: RefCell::default(),
        settled: RefCell::default(),
        unkept: OnceCell::new(),
    };
    let mut parser = driver::parse_document(sink, Default::default());
    for chunk in chunks(html) {
        parser.tokenizer.sink.sink.track.borrow_mut().begin(chunk);
        parser.process(StrTendril::from_slice(&html[chunk]));
        parser.tokenizer.sink.sink.settle();
    }
    parser.finish()
}

/// Cuts `html` before every `<` and `&` and after every `>`, so each chunk holds at most one
/// tag's end or one character reference's start.
pub(crate) fn chunks(html: &str) -> impl Iterator<Item = Span> + '_ {
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

/// Text appended to a node while one chunk was being parsed (or, with empty text, another
/// event a sink wants kept in order with the text).
pub(crate) struct Piece<N> {
    pub node: N,
    /// Byte offset in the node's text where it was appended.
    pub at: usize,
    pub text: StrTendril,
}

/// What one chunk produced: its pieces in order, each with the range of `segments` that
/// says where its text came from (offsets from the node's text start).
pub(crate) struct Settled<N> {
    pub pieces: Vec<(Piece<N>, std::ops::Range<usize>)>,
    pub segments: Vec<Segment>,
}

impl<N> Default for Settled<N> {
    fn default() -> Self {
        Settled {
            pieces: Vec::new(),
            segments: Vec::new(),
        }
    }
}

/// Which source bytes the text appended during each chunk came from.
pub(crate) struct Tracker<'a, N> {
    src: &'a str,
    /// The chunk being parsed.
    feed: Span,
    /// Source bytes from here up to the chunk's end have not produced text yet.
    text_from: usize,
    /// Where the last `<` was: the start of the tag being parsed.
    last_lt: usize,
    pub pieces: Vec<Piece<N>>,
    /// A tag, comment or doctype was processed during this chunk.
    pub touched: bool,
}

impl<'a, N> Tracker<'a, N> {
    pub fn new(src: &'a str) -> Self {
        Tracker {
            src,
            feed: Span::default(),
            text_from: 0,
            last_lt: 0,
            pieces: Vec::new(),
            touched: false,
        }
    }

    pub fn begin(&mut self, chunk: Span) {
        self.feed = chunk;
        if self.src.as_bytes()[chunk.start] == b'<' {
            self.last_lt = chunk.start;
        }
    }

    pub fn tag_span(&self) -> Span {
        Span::new(self.last_lt.min(self.feed.end), self.feed.end)
    }

    /// Attributes the text appended during the chunk to the source bytes not yet accounted
    /// for, filling `out`; returns the chunk's tag when it is a `</q>` end tag.
    pub fn settle(&mut self, out: &mut Settled<N>) -> Option<Span> {
        out.pieces.clear();
        out.segments.clear();
        let mut q_end = None;
        if self.src.as_bytes()[..self.feed.end].ends_with(b">") {
            let tag = self.tag_span();
            let name = self.src.as_bytes()[tag.start..].get(..4);
            if name.is_some_and(|n| {
                n[..3].eq_ignore_ascii_case(b"</q") && !n[3].is_ascii_alphanumeric()
            }) {
                q_end = Some(tag);
            }
            self.touched = true;
        }
        if self.pieces.iter().all(|p| p.text.is_empty()) {
            if self.touched {
                self.text_from = self.feed.end;
            }
            self.touched = false;
            out.pieces.extend(self.pieces.drain(..).map(|p| (p, 0..0)));
            return q_end;
        }
        let emitted: String = self.pieces.iter().map(|p| &p.text[..]).collect();
        let src = Span::new(self.text_from.min(self.feed.end), self.feed.end);
        let segments = align(&emitted, &self.src[src], src.start);
        let mut offset = 0;
        for piece in self.pieces.drain(..) {
            let range = Span::new(offset, offset + piece.text.len());
            offset = range.end;
            let first = out.segments.len();
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
                out.segments.push(Segment {
                    text: piece.at + (from - range.start),
                    len: to - from,
                    src,
                    exact: seg.exact,
                });
            }
            let last = out.segments.len();
            out.pieces.push((piece, first..last));
        }
        self.text_from = self.feed.end;
        self.touched = false;
        q_end
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
    track: RefCell<Tracker<'a, NodeId>>,
    positions: RefCell<Positions>,
    settled: RefCell<Settled<NodeId>>,
    unkept: OnceCell<NodeId>,
}

impl TrackingSink<'_> {
    /// The one detached node that stands for every comment and processing instruction:
    /// they are never text, and the tags `bounds::flatten` turns into comments can be
    /// millions.
    fn unkept(&self) -> NodeId {
        *self
            .unkept
            .get_or_init(|| self.inner.create_comment(StrTendril::new()))
    }

    /// Whether `node` is to be added to the tree (it is not a comment).
    fn kept(&self, node: &NodeOrText<NodeId>) -> bool {
        !matches!(node, NodeOrText::AppendNode(id) if self.unkept.get() == Some(id))
    }

    fn touch(&self) {
        self.track.borrow_mut().touched = true;
    }

    /// Files the text of the chunk just parsed under the text nodes it went to.
    fn settle(&self) {
        let mut settled = self.settled.borrow_mut();
        let q_end = self.track.borrow_mut().settle(&mut settled);
        let mut positions = self.positions.borrow_mut();
        positions.q_end_tags.extend(q_end);
        let Settled { pieces, segments } = &mut *settled;
        for (piece, range) in pieces.drain(..) {
            let node = positions.text.entry(piece.node).or_default();
            node.extend_from_slice(&segments[range]);
        }
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
        self.settle();
        (self.inner.finish(), self.positions.into_inner())
    }

    /// Not kept: scraper would keep every one (a page of 10 MB of misnested tags has
    /// millions), and nothing reads them.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

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
        self.positions.borrow_mut().start_tags.insert(id, span);
        track.touched = true;
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.touch();
        self.unkept()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.touch();
        self.unkept()
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
                if self.kept(&node) {
                    self.inner.append(parent, node)
                }
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
                if self.kept(&node) {
                    self.inner.append_before_sibling(sibling, node)
                }
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
