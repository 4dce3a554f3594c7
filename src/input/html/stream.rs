//! Reading a page without keeping its tree: html5ever's tree builder runs as it does for
//! the tree (implied end tags, misnested formatting, tables), but the sink keeps only the
//! nodes html5ever still holds (the open elements, the formatting list) and their
//! ancestors, each knowing its current parent. Text goes to the [`TextBuilder`] as soon as
//! its chunk is parsed; an element is "entered" when it is inserted and "left" when the
//! next text or element goes somewhere outside it. Memory is the text and its map, plus a
//! stack as deep as the page's nesting (bounded by `bounds::flatten`).
//!
//! Where this differs from the tree walk (`--selector` still builds the tree): content a
//! browser moves out of a table (foster parenting: text or a paragraph directly inside
//! `<table>`) is read where it stands in the page, not before the table; a `<q>` closed
//! without its end tag maps its closing mark to the `</q>` tags seen so far only; and when
//! misnested formatting (`<b><q><div>…</b>`) makes html5ever move a block out of a `<q>`
//! or a `hidden` element after the block was entered, it is read where it was entered (its
//! line break inside the marks, its text hidden or not as it was there).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, driver, local_name, ns};

use super::parse::{Piece, Settled, Tracker, chunks};
use super::text::TextBuilder;
use super::{BLOCKS, DROPPED};
use crate::span::Span;

/// A node html5ever may still refer to.
pub(crate) struct Node {
    name: QualName,
    /// Script, nav, `hidden` and the rest of [`DROPPED`]: nothing inside is text.
    dropped: bool,
    /// The start tag.
    tag: Span,
    parent: RefCell<Option<Handle>>,
    /// Children that may still be alive, for `reparent_children`.
    children: RefCell<Vec<Weak<Node>>>,
    /// Its start has been read (a later insertion is a move).
    entered: Cell<bool>,
    /// It is an outermost `<article>` or `<main>` outside furniture.
    candidate: Cell<bool>,
    /// It was given another node's children (misnested formatting's copy of an element).
    wraps: Cell<bool>,
    annotation_xml_integration_point: bool,
}

type Handle = Rc<Node>;

impl Node {
    fn new(name: QualName, dropped: bool, tag: Span) -> Handle {
        Node::element(name, dropped, tag, false)
    }

    /// A node not yet entered, with no parent or children.
    fn element(
        name: QualName,
        dropped: bool,
        tag: Span,
        annotation_xml_integration_point: bool,
    ) -> Handle {
        Rc::new(Node {
            name,
            dropped,
            tag,
            parent: RefCell::default(),
            children: RefCell::default(),
            entered: Cell::new(false),
            candidate: Cell::new(false),
            wraps: Cell::new(false),
            annotation_xml_integration_point,
        })
    }

    fn local(&self) -> &str {
        &self.name.local
    }

    fn parent(&self) -> Option<Handle> {
        self.parent.borrow().clone()
    }

    /// From the root down to this node.
    fn chain(self: &Handle) -> Vec<Handle> {
        let mut chain = vec![self.clone()];
        while let Some(parent) = chain.last().and_then(|n| n.parent()) {
            chain.push(parent);
        }
        chain.reverse();
        chain
    }
}

fn set_parent(child: &Handle, parent: Option<&Handle>) {
    *child.parent.borrow_mut() = parent.cloned();
    if let Some(parent) = parent {
        let mut children = parent.children.borrow_mut();
        if children.len() >= 16 && children.len().is_power_of_two() {
            children.retain(|c| c.strong_count() > 0);
        }
        children.push(Rc::downgrade(child));
    }
}

/// What a chunk did, in order.
enum Event {
    /// Text appended to this element (the piece's text).
    Text(Handle),
    /// This node was inserted (or moved, when already entered).
    Insert(Handle),
}

struct Sink<'a> {
    document: Handle,
    track: RefCell<Tracker<'a, Event>>,
    /// A node was moved or inserted before a sibling since the last chunk was read.
    moved: Cell<bool>,
}

impl Sink<'_> {
    fn event(&self, event: Event) {
        let mut track = self.track.borrow_mut();
        track.touched = true;
        track.pieces.push(Piece {
            node: event,
            at: 0,
            text: StrTendril::new(),
        });
    }

    fn insert(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendText(text) => self.track.borrow_mut().pieces.push(Piece {
                node: Event::Text(parent.clone()),
                at: 0,
                text,
            }),
            NodeOrText::AppendNode(node) => {
                if node.entered.get() {
                    // Moved into `parent`: if `parent` is new, it is put around what was read.
                    parent.wraps.set(true);
                }
                set_parent(&node, Some(parent));
                self.event(Event::Insert(node));
            }
        }
    }
}

impl<'a> TreeSink for Sink<'a> {
    type Handle = Handle;
    type Output = Tracker<'a, Event>;
    type ElemName<'b>
        = &'b QualName
    where
        Self: 'b;

    fn finish(self) -> Self::Output {
        self.track.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document.clone()
    }

    fn elem_name<'b>(&'b self, target: &'b Handle) -> &'b QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let hidden = attrs.iter().any(|a| &*a.name.local == "hidden");
        let dropped = hidden || DROPPED.contains(&&*name.local);
        let mut track = self.track.borrow_mut();
        let tag = track.tag_span();
        track.touched = true;
        Node::element(
            name,
            dropped,
            tag,
            flags.mathml_annotation_xml_integration_point,
        )
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.track.borrow_mut().touched = true;
        let comment = Node::new(
            QualName::new(None, ns!(), local_name!("")),
            true,
            Span::default(),
        );
        comment.entered.set(true);
        comment
    }

    fn create_pi(&self, _target: StrTendril, data: StrTendril) -> Handle {
        self.create_comment(data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.insert(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if element.parent.borrow().is_some() {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        self.track.borrow_mut().touched = true;
    }

    /// The template itself: its contents are never text (`template` is furniture).
    fn get_template_contents(&self, target: &Handle) -> Handle {
        target.clone()
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        Rc::ptr_eq(x, y)
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    /// Foster parenting: read where it stands (see the module docs).
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.moved.set(true);
        match sibling.parent() {
            Some(parent) => self.insert(&parent, new_node),
            None => self.track.borrow_mut().touched = true,
        }
    }

    fn add_attrs_if_missing(&self, _target: &Handle, _attrs: Vec<Attribute>) {
        self.track.borrow_mut().touched = true;
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.track.borrow_mut().touched = true;
        self.moved.set(true);
        *target.parent.borrow_mut() = None;
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.track.borrow_mut().touched = true;
        self.moved.set(true);
        new_parent.wraps.set(true);
        let children = std::mem::take(&mut *node.children.borrow_mut());
        for child in children.iter().filter_map(Weak::upgrade) {
            set_parent(&child, Some(new_parent));
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        handle.annotation_xml_integration_point
    }
}

/// The page's text as html5ever builds it, read as it comes.
pub(crate) struct Read {
    pub text: TextBuilder,
    /// Where the one outermost `<article>` (else `<main>`) that is not furniture is, when
    /// the page has exactly one: a range of `text`.
    pub root: Option<std::ops::Range<usize>>,
}

pub(crate) fn read(html: &str) -> Read {
    // Same length and offsets as `html`; deep nesting and attribute floods bounded (see `bounds`).
    let flat = super::bounds::flatten(html);
    let html = &*flat;
    let document = Node::new(
        QualName::new(None, ns!(), local_name!("")),
        false,
        Span::default(),
    );
    document.entered.set(true);
    let sink = Sink {
        document: document.clone(),
        track: RefCell::new(Tracker::new(html)),
        moved: Cell::new(false),
    };
    let mut reader = Reader::new(document);
    let mut settled = Settled::default();
    let mut parser = driver::parse_document(sink, Default::default());
    for chunk in chunks(html) {
        parser.tokenizer.sink.sink.track.borrow_mut().begin(chunk);
        parser.process(StrTendril::from_slice(&html[chunk]));
        let sink = &parser.tokenizer.sink.sink;
        let q_end = sink.track.borrow_mut().settle(&mut settled);
        reader.replay(&mut settled, q_end, sink.moved.replace(false));
    }
    let mut track = parser.finish();
    let q_end = track.settle(&mut settled);
    reader.replay(&mut settled, q_end, true);
    reader.finish()
}

/// What is known about the elements the reader is inside.
#[derive(Clone, Copy, Default)]
struct Inside {
    dropped: usize,
    article: usize,
    main: usize,
}

/// The first outermost `<article>` or `<main>` seen, and how many there are.
#[derive(Default)]
struct Candidate {
    count: usize,
    /// The first one, and its watch in the text builder.
    first: Option<(Weak<Node>, usize)>,
    end: Option<usize>,
}

struct Reader {
    text: TextBuilder,
    /// The elements the reader is inside, outermost first, as it entered them; each with
    /// whether it was entered afresh (a `<q>` re-entered after a move gets no second mark).
    open: Vec<(Handle, bool)>,
    /// Nodes moved since `open` was last checked against their ancestors.
    unsettled: bool,
    inside: Inside,
    /// `</q>` tags seen and not yet passed by the text.
    q_end_tags: Vec<Span>,
    article: Candidate,
    main: Candidate,
}

impl Reader {
    fn new(document: Handle) -> Reader {
        let mut text = TextBuilder::default();
        text.break_paragraph();
        Reader {
            text,
            open: vec![(document, false)],
            unsettled: false,
            inside: Inside::default(),
            q_end_tags: Vec::new(),
            article: Candidate::default(),
            main: Candidate::default(),
        }
    }

    /// Reads what a chunk did; `moved` when nodes may have moved since the last chunk.
    fn replay(&mut self, settled: &mut Settled<Event>, q_end: Option<Span>, moved: bool) {
        self.q_end_tags.extend(q_end);
        self.unsettled |= moved;
        let Settled { pieces, segments } = settled;
        for (piece, range) in pieces.drain(..) {
            match piece.node {
                Event::Text(parent) => {
                    if range.is_empty() {
                        continue;
                    }
                    self.move_to(&parent);
                    if self.inside.dropped == 0 {
                        self.text.text_node(&piece.text, &segments[range]);
                    }
                }
                Event::Insert(node) => {
                    // A move, or a copy put around what was read already: the next
                    // reading finds it among the ancestors.
                    if node.entered.replace(true) || node.wraps.get() {
                        continue;
                    }
                    let Some(parent) = node.parent() else {
                        continue;
                    };
                    self.move_to(&parent);
                    self.enter(&node);
                    self.open.push((node, true));
                }
            }
        }
    }

    /// Leaves the open elements that `target` is not inside, and enters those it is inside
    /// that are not open (after a move).
    fn move_to(&mut self, target: &Handle) {
        if !self.unsettled
            && let Some(i) = self.open.iter().rposition(|(n, _)| Rc::ptr_eq(n, target))
        {
            self.leave_above(i + 1);
            return;
        }
        // Moved: leave the open elements `target` is no longer inside (a formatting element
        // it was moved out of), keep the others, enter what it is inside and is not open.
        self.unsettled = false;
        let chain = target.chain();
        let in_chain: rustc_hash::FxHashSet<*const Node> = chain.iter().map(Rc::as_ptr).collect();
        let mut kept = Vec::with_capacity(self.open.len());
        // Each left with what is below it counted, as if the kept ones above were gone.
        while let Some((node, fresh)) = self.open.pop() {
            if in_chain.contains(&Rc::as_ptr(&node)) {
                self.count(&node, -1);
                kept.push((node, fresh));
            } else {
                self.leave(&node, fresh);
            }
        }
        kept.reverse();
        for (node, _) in &kept {
            self.count(node, 1);
        }
        // The kept ones stay open, in the chain's order; the chain's others (a formatting
        // element's copy put around them, an element left before) are open again, without
        // a start of their own: what they hold was read already.
        let mut kept = kept.into_iter().peekable();
        let mut open = Vec::with_capacity(chain.len());
        for node in chain {
            if let Some(entry) = kept.next_if(|(k, _)| Rc::ptr_eq(k, &node)) {
                open.push(entry);
                continue;
            }
            self.count(&node, 1);
            node.entered.set(true);
            for candidate in [&self.article, &self.main] {
                if let Some((first, watch)) = &candidate.first
                    && std::ptr::eq(first.as_ptr(), Rc::as_ptr(&node))
                    && self.text.starts[*watch].is_none()
                {
                    self.text.rewatch(*watch);
                }
            }
            open.push((node, false));
        }
        // Kept ones out of the chain's order (not expected) are left without a mark.
        for (node, _) in kept {
            self.count(&node, -1);
        }
        self.open = open;
    }

    fn leave_above(&mut self, depth: usize) {
        while self.open.len() > depth {
            let (node, fresh) = self.open.pop().expect("longer than depth");
            self.leave(&node, fresh);
        }
    }

    /// Counts `node` in (`by` 1) or out (-1) of what the reader is inside.
    fn count(&mut self, node: &Node, by: isize) {
        let add = |n: &mut usize| *n = n.saturating_add_signed(by);
        if node.dropped {
            add(&mut self.inside.dropped);
        }
        if node.candidate.get() {
            match node.local() {
                "article" => add(&mut self.inside.article),
                _ => add(&mut self.inside.main),
            }
        }
    }

    fn enter(&mut self, node: &Handle) {
        if self.inside.dropped == 0 {
            let outermost = match node.local() {
                "article" => (self.inside.article == 0).then_some(&mut self.article),
                "main" => (self.inside.main == 0).then_some(&mut self.main),
                _ => None,
            };
            if let Some(candidate) = outermost {
                node.candidate.set(true);
                candidate.count += 1;
                if candidate.first.is_none() {
                    candidate.first = Some((Rc::downgrade(node), self.text.watch_start()));
                }
            }
            if !node.dropped {
                self.text.start(node.local(), node.tag);
            }
        }
        self.count(node, 1);
    }

    fn leave(&mut self, node: &Handle, fresh: bool) {
        self.count(node, -1);
        for candidate in [&mut self.article, &mut self.main] {
            if let Some((first, watch)) = &candidate.first
                && std::ptr::eq(first.as_ptr(), Rc::as_ptr(node))
            {
                candidate.end = Some(self.text.text.len());
                self.text.unwatch(*watch);
            }
        }
        if self.inside.dropped > 0 || node.dropped {
            return;
        }
        if !fresh {
            if BLOCKS.contains(&node.local()) {
                self.text.break_paragraph();
            }
            return;
        }
        // `</q>` tags before the text's end can no longer be a closing mark's source.
        let content_end = self.text.segments.last().map_or(0, |s| s.get().src.end);
        let passed = self.q_end_tags.partition_point(|t| t.start < content_end);
        if passed > 1024 && passed * 2 > self.q_end_tags.len() {
            self.q_end_tags.drain(..passed);
        }
        self.text.end(node.local(), &self.q_end_tags);
    }

    fn finish(mut self) -> Read {
        self.leave_above(0);
        let text_len = self.text.text.len();
        let range = |c: &Candidate, text: &TextBuilder| {
            let (_, watch) = c.first.as_ref()?;
            (c.count == 1).then(|| {
                let end = c.end.unwrap_or(text_len);
                text.starts[*watch].map_or(end..end, |start| start..end)
            })
        };
        let root = range(&self.article, &self.text).or_else(|| range(&self.main, &self.text));
        Read {
            text: self.text,
            root,
        }
    }
}
