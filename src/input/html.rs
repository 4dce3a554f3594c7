//! HTML pages: the article's paragraphs as text, with a map back to the page's bytes.
//!
//! The page is parsed by html5ever's tree builder exactly as a browser would, unclosed
//! `<p>`s, misnested tags and all. Without `--selector` no tree is kept: the text is read as
//! the page is parsed (`html/stream.rs`, which says where that differs from the tree); with
//! one, scraper's tree is built and the matching elements walked. The text is the page's block elements (p,
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
//! sink notes which chunk each piece of text arrived with (`html/parse.rs`).
//! Text that equals its source bytes maps byte for byte; a decoded entity (`&ldquo;`) maps to
//! the whole entity; a `<q>` mark maps to its tag. [`SourceMap`] answers "which bytes of the
//! page" for any span of the text.

mod bounds;
mod parse;
mod source_map;
mod stream;
mod text;

use ego_tree::NodeId;
use scraper::{Html, Selector};

pub use self::source_map::{FileOffsets, SourceMap};
use self::text::TextBuilder;
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
pub(crate) const DROPPED: &[&str] = &[
    "script", "style", "nav", "aside", "footer", "noscript", "template", "iframe", "svg", "math",
    "button", "select", "head", "object",
];

/// Elements that start and end a paragraph (HTML's block-level elements, plus table cells).
pub(crate) const BLOCKS: &[&str] = &[
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
    if html.len() > source_map::MAX_PAGE {
        return Err("pages over 2 GiB are not read".into());
    }
    let Some(selector) = selector else {
        return Ok(read_default(html));
    };
    let (tree, positions) = parse::parse(html);
    let found: Vec<NodeId> = tree.select(selector).map(|e| e.id()).collect();
    let roots = outermost(&tree, found);
    if roots.is_empty() {
        return Err("--selector matches nothing on this page".into());
    }
    let mut builder = TextBuilder::default();
    for root in roots {
        builder.walk(&tree, &positions, root);
    }
    Ok(Page {
        map: SourceMap::new(builder.segments, newline_offsets(html)),
        text: builder.text,
    })
}

/// The default part of the page, read without building its tree (`html/stream.rs`).
fn read_default(html: &str) -> Page {
    let stream::Read { text, root } = stream::read(html);
    let (mut text, mut segments) = (text.text, text.segments);
    if let Some(root) = root {
        text.truncate(root.end);
        text.drain(..root.start);
        segments.retain(|s| s.get().text < root.end && s.get().end() > root.start);
        for packed in &mut segments {
            // A stretch reaching past the root (not expected) is cut to it.
            let mut s = packed.get();
            let (from, to) = (s.text.max(root.start), s.end().min(root.end));
            if s.exact {
                s.src = Span::new(s.src.start + (from - s.text), s.src.end - (s.end() - to));
            }
            s.text = from - root.start;
            s.len = to - from;
            *packed = source_map::Packed::new(s);
        }
    }
    Page {
        map: SourceMap::new(segments, newline_offsets(html)),
        text,
    }
}

/// Where the page's line breaks are (32 bits each: pages are at most `MAX_PAGE` bytes).
fn newline_offsets(html: &str) -> Vec<u32> {
    memchr::memchr_iter(b'\n', html.as_bytes())
        .map(|i| i as u32)
        .collect()
}

/// The default part read from the whole tree, as `--selector` reads: what the streaming
/// reader is checked against.
#[cfg(test)]
fn read_default_from_tree(html: &str) -> Page {
    let (tree, positions) = parse::parse(html);
    let mut builder = TextBuilder::default();
    builder.walk(&tree, &positions, default_root(&tree));
    Page {
        map: SourceMap::new(builder.segments, newline_offsets(html)),
        text: builder.text,
    }
}

/// The one `<article>`, else the one `<main>`, else `<body>` (else the whole document).
#[cfg(test)]
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

#[cfg(test)]
fn inside_dropped(tree: &Html, id: NodeId) -> bool {
    tree.tree.get(id).is_some_and(|node| {
        node.ancestors()
            .any(|a| a.value().as_element().is_some_and(is_dropped))
    })
}

pub(crate) fn is_dropped(e: &scraper::node::Element) -> bool {
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

#[cfg(test)]
mod tests;
