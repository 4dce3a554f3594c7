//! Bounding what html5ever sees: how deep elements nest and how many attributes a tag has.
//!
//! html5ever's tree builder checks "is this element in scope" by walking the stack of open
//! elements, so 100,000 nested or unclosed `<div>`s cost time quadratic in their number
//! (1.1 MB took 23–31 s, issue 14). [`flatten`] finds the start tags that would open an
//! element deeper than [`MAX_DEPTH`] and turns them, and their matching end tags, into
//! bogus comments of the same length (`<div>` becomes `<???>`), so the text inside stays,
//! in the deepest element kept. Its tokenizer also checks each new attribute against every
//! earlier one of the tag, so one tag with 100,000 attributes is quadratic too (1 MB took
//! 2.4 s): attributes past [`MAX_ATTRIBUTES`] are overwritten with spaces. Every byte offset
//! into the page stays as it was (the source map relies on it), and so do line breaks. Pages
//! that nest less deeply and tags with fewer attributes, which is every real one, are
//! passed through untouched.
//!
//! Elements whose end tag may be left out (`p`, `li`, `td`, …) and void elements do not
//! count: the tree builder closes them itself. The scan skips comments, `<!…>`/`<?…>`
//! constructs and the raw text of `script`, `style`, `textarea` and `title`.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// The deepest nesting kept: far beyond any real page, small enough that scope checks stay
/// cheap.
pub(crate) const MAX_DEPTH: usize = 256;

/// The most attributes read from one tag: real tags have a few dozen at most.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

/// Elements that never nest (void) or that the tree builder closes by itself.
const UNCOUNTED: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"rb",
    b"rt",
    b"rp",
    b"rtc",
    b"tbody",
    b"thead",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content is raw text up to their end tag.
const RAW: &[&[u8]] = &[b"script", b"style", b"textarea", b"title"];

/// `html` with start tags deeper than [`MAX_DEPTH`] and their end tags made comments, and
/// attributes past [`MAX_ATTRIBUTES`] made spaces.
pub(crate) fn flatten(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped: FxHashMap<Vec<u8>, usize> = FxHashMap::default();
    // A copy of the page, made at the first edit.
    let mut out: Option<Vec<u8>> = None;
    let mut blank = |from: usize, to: usize, with: u8| {
        let out = out.get_or_insert_with(|| b.to_vec());
        for byte in &mut out[from..to] {
            if *byte != b'\n' {
                *byte = with;
            }
        }
    };
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if matches!(rest.get(1), Some(b'!' | b'?')) {
            i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = b[name_start..name_start + name_len].to_ascii_lowercase();
        let tag = scan_tag(b, name_start + name_len);
        if let Some((from, to)) = tag.excess_attributes {
            blank(from, to, b' ');
        }
        if tag.unterminated {
            break;
        }
        let end = tag.end;
        i = end;
        if !closing && RAW.contains(&name.as_slice()) {
            let mut close = b"</".to_vec();
            close.extend_from_slice(&name);
            i = find_ignore_case(b, end, &close).unwrap_or(b.len());
            continue;
        }
        if UNCOUNTED.contains(&name.as_slice()) {
            continue;
        }
        if closing {
            match dropped.get_mut(&name) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    blank(lt + 1, end - 1, b'?');
                }
                _ => depth = depth.saturating_sub(1),
            }
        } else if !tag.self_closing {
            if depth >= MAX_DEPTH {
                *dropped.entry(name).or_default() += 1;
                blank(lt + 1, end - 1, b'?');
            } else {
                depth += 1;
            }
        }
    }
    match out {
        None => Cow::Borrowed(html),
        // Only ASCII bytes of tags were replaced, each by one ASCII byte.
        Some(out) => {
            Cow::Owned(String::from_utf8(out).expect("tags replaced byte for byte with ASCII"))
        }
    }
}

/// What [`scan_tag`] found.
struct Tag {
    /// Just past the `>`.
    end: usize,
    /// The page ends inside the tag (html5ever drops such a tag, but still reads its
    /// attributes, so their number is bounded all the same).
    unterminated: bool,
    self_closing: bool,
    /// The attributes after the [`MAX_ATTRIBUTES`]th, if there are any: from the first's
    /// start to the last's end.
    excess_attributes: Option<(usize, usize)>,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads a tag's attributes as HTML's tokenizer does, from the end of its name to its `>`
/// or the end of the page.
fn scan_tag(b: &[u8], from: usize) -> Tag {
    let mut count = 0;
    let mut excess_attributes = None;
    let end = scan_attributes(b, from, |start, end| {
        count += 1;
        if count > MAX_ATTRIBUTES {
            let first = excess_attributes.map_or(start, |(first, _)| first);
            excess_attributes = Some((first, end));
        }
    });
    Tag {
        end: end.unwrap_or(b.len()),
        unterminated: end.is_none(),
        self_closing: end.is_some_and(|e| e - 1 > from && b[e - 2] == b'/'),
        excess_attributes,
    }
}

/// Calls `attribute(start, end)` for each attribute from `from` on; returns just past the
/// tag's `>` (`None` when the page ends first).
fn scan_attributes(
    b: &[u8],
    from: usize,
    mut attribute: impl FnMut(usize, usize),
) -> Option<usize> {
    let skip = |mut at: usize, also_slash: bool| {
        while at < b.len() && (is_space(b[at]) || (also_slash && b[at] == b'/')) {
            at += 1;
        }
        at
    };
    let mut at = from;
    loop {
        at = skip(at, true);
        if *b.get(at)? == b'>' {
            return Some(at + 1);
        }
        let start = at;
        // The name: its first character may be `=`.
        at += 1;
        while at < b.len() && !is_space(b[at]) && !matches!(b[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        let next = skip(at, false);
        if b.get(next) == Some(&b'=') {
            at = skip(next + 1, false);
            match b.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = memchr::memchr(q, &b[at + 1..]).map(|k| at + 1 + k + 1);
                    attribute(start, close.unwrap_or(b.len()));
                    at = close?;
                    continue;
                }
                Some(b'>') | None => {}
                _ => {
                    while at < b.len() && !is_space(b[at]) && b[at] != b'>' {
                        at += 1;
                    }
                }
            }
        }
        attribute(start, at);
    }
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&b[from..], needle).map(|k| from + k)
}

fn find_ignore_case(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(k) = memchr::memchr(b'<', &b[at..]) {
        let lt = at + k;
        if b.len() - lt >= needle.len() && b[lt..lt + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_through_untouched() {
        let page = "<html><body><article><div class=\"a>b\"><p>“We will win,” he said.\
                    <p>Unclosed paragraphs<br><img src=x></div><script>if (a<b) {}</script>\
                    </article></body></html>";
        assert!(matches!(flatten(page), Cow::Borrowed(_)));
        let paragraphs = "<p>x".repeat(5000);
        assert!(matches!(flatten(&paragraphs), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_become_comments_of_the_same_length() {
        let n = MAX_DEPTH + 10;
        let page = format!("{}“x,” he said.{}", "<div>".repeat(n), "</div>".repeat(n));
        let flat = flatten(&page);
        assert_eq!(flat.len(), page.len());
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("<???>").count(), 10);
        assert_eq!(flat.matches("<????>").count(), 10);
        assert!(flat.contains("“x,” he said."));
    }

    #[test]
    fn attributes_past_the_limit_become_spaces() {
        let attrs: String = (0..MAX_ATTRIBUTES + 5)
            .map(|i| format!(" a{i}='>'"))
            .collect();
        let page = format!("<p{attrs}\n/>“x,” he said.</p>");
        let flat = flatten(&page);
        assert_eq!(flat.len(), page.len());
        assert_eq!(flat.matches("='>'").count(), MAX_ATTRIBUTES);
        assert!(flat.contains(&format!(
            " a{}='>'{}\n/>“x,” he said.</p>",
            MAX_ATTRIBUTES - 1,
            " ".repeat(5 * 9)
        )));
    }

    #[test]
    fn attributes_of_a_tag_the_page_ends_in_are_bounded_too() {
        // Cut inside an attribute value, as a truncated download would be: html5ever drops
        // the tag, but checked each attribute against every earlier one first (4 MB: minutes).
        let attrs: String = (0..MAX_ATTRIBUTES + 5)
            .map(|i| format!(" a{i}=\"v\""))
            .collect();
        let page = format!("<p{attrs} last=\"v>“x,” he said.</p>");
        let flat = flatten(&page);
        assert_eq!(flat.len(), page.len());
        assert_eq!(flat.matches("=\"v\"").count(), MAX_ATTRIBUTES);
        assert!(
            flat.trim_end()
                .ends_with(&format!("a{}=\"v\"", MAX_ATTRIBUTES - 1))
        );
    }

    #[test]
    fn quotes_only_delimit_attribute_values() {
        // An apostrophe in an unquoted value does not start a quoted stretch.
        let page = format!("<p title=don't>{}x", "<div>".repeat(MAX_DEPTH + 1));
        assert_eq!(flatten(&page).matches("<???>").count(), 1);
    }
}
