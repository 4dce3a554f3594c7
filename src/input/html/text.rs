//! From the tree to text: block elements become lines, whitespace collapses, `<q>` becomes
//! marks, and every character keeps the source bytes it came from.

use ego_tree::NodeId;
use scraper::{Html, Node};

use super::parse::Positions;
use super::source_map::{Packed, Segment};
use super::{BLOCKS, is_dropped};
use crate::span::Span;

#[derive(Default)]
pub(crate) struct TextBuilder {
    pub text: String,
    pub segments: Vec<Packed>,
    /// Collapsed whitespace waiting for the next visible character: its source, and whether
    /// it was a single plain space (which maps one to one).
    space: Option<(Span, bool)>,
    /// A block boundary was passed since the last visible character.
    para_break: bool,
    /// How many `<q>` elements are open (their marks alternate double and single).
    q_depth: usize,
    /// Where watched elements' text starts (see [`TextBuilder::watch_start`]).
    pub starts: Vec<Option<usize>>,
    /// Watches whose start is the next visible character.
    pending: Vec<usize>,
}

enum Step {
    Enter(NodeId),
    Exit(NodeId),
}

impl TextBuilder {
    pub fn walk(&mut self, tree: &Html, positions: &Positions, root: NodeId) {
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
                            let tag = positions.start_tags.get(&id).copied();
                            self.start(e.name(), tag.unwrap_or_default());
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
                    self.end(e.name(), &positions.q_end_tags);
                }
            }
        }
    }

    /// An element starts (`tag` is its start tag): a block or `<br>` breaks the paragraph,
    /// a `<q>` opens a quotation mark.
    pub fn start(&mut self, name: &str, tag: Span) {
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
            self.visible(mark, tag, false);
        }
    }

    /// An element ends: a block breaks the paragraph, a `<q>` closes its mark, which maps
    /// to the first of `q_end_tags` (in page order) after the content.
    pub fn end(&mut self, name: &str, q_end_tags: &[Span]) {
        if BLOCKS.contains(&name) {
            self.para_break = true;
        }
        if name == "q" {
            self.q_depth = self.q_depth.saturating_sub(1);
            let mark = if self.q_depth.is_multiple_of(2) {
                "”"
            } else {
                "’"
            };
            // The first `</q>` after the content (nested quotes' end tags included).
            let content_end = self.segments.last().map_or(0, |s| s.get().src.end);
            let src = q_end_tags
                .get(q_end_tags.partition_point(|t| t.start < content_end))
                .copied()
                .unwrap_or(Span::new(content_end, content_end));
            self.visible(mark, src, false);
        }
    }

    /// Starts a paragraph: the next visible text begins a new line.
    pub fn break_paragraph(&mut self) {
        self.para_break = true;
    }

    /// Where the next visible character will be, noted when it comes: the index to read
    /// in [`TextBuilder::starts`].
    pub fn watch_start(&mut self) -> usize {
        self.starts.push(None);
        self.pending.push(self.starts.len() - 1);
        self.starts.len() - 1
    }

    /// Waits again for the start of `watch` (its element was entered again).
    pub fn rewatch(&mut self, watch: usize) {
        self.pending.push(watch);
    }

    /// Stops waiting for the start of `watch` (nothing visible came).
    pub fn unwatch(&mut self, watch: usize) {
        self.pending.retain(|&w| w != watch);
    }

    /// Adds a text node's characters, collapsing whitespace.
    pub fn text_node(&mut self, text: &str, segments: &[Segment]) {
        let covered: usize = segments.iter().map(|s| s.len).sum();
        if covered != text.len() || segments.first().is_some_and(|s| s.text != 0) {
            // Not expected; map the whole node to whatever source it touched.
            let src = match (segments.first(), segments.last()) {
                (Some(a), Some(b)) => Span::new(a.src.start, b.src.end.max(a.src.start)),
                _ => self.segments.last().map_or(Span::default(), |s| {
                    let end = s.get().src.end;
                    Span::new(end, end)
                }),
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
                let at = self.segments.last().map_or(0, |s| s.get().src.end);
                self.push("\n", Span::new(at, at), false);
            }
        } else if let Some((space, exact)) = self.space.take() {
            self.push(" ", space, exact);
        }
        for watch in self.pending.drain(..) {
            self.starts[watch] = Some(self.text.len());
        }
        self.push(s, src, exact);
    }

    fn push(&mut self, s: &str, src: Span, exact: bool) {
        let at = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.segments.last_mut() {
            let mut seg = last.get();
            let joins = seg.end() == at
                && if exact {
                    seg.exact && seg.src.end == src.start
                } else {
                    !seg.exact && seg.src == src
                };
            if joins {
                seg.len += s.len();
                seg.src.end = src.end.max(seg.src.end);
                *last = Packed::new(seg);
                return;
            }
        }
        self.segments.push(Packed::new(Segment {
            text: at,
            len: s.len(),
            src,
            exact,
        }));
    }
}
