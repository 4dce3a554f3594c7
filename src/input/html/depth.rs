//! Bounding how deep a page's elements nest before html5ever sees it.
//!
//! html5ever's tree builder checks "is this element in scope" by walking the stack of open
//! elements, so 100,000 nested or unclosed `<div>`s cost time quadratic in their number
//! (1.1 MB took 23–31 s, issue 14). [`flatten`] finds the start tags that would open an
//! element deeper than [`MAX_DEPTH`] and turns them, and their matching end tags, into
//! bogus comments of the same length (`<div>` becomes `<???>`), so the text inside stays,
//! in the deepest element kept, and every byte offset into the page stays as it was (the
//! source map relies on it). Pages that nest less deeply, which is every real one, are
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

/// `html` with start tags deeper than [`MAX_DEPTH`] and their end tags made comments.
pub(crate) fn flatten(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped: FxHashMap<Vec<u8>, usize> = FxHashMap::default();
    let mut blanks: Vec<(usize, usize)> = Vec::new();
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
        let Some(end) = tag_end(b, name_start + name_len) else {
            break;
        };
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
                    blanks.push((lt, end));
                }
                _ => depth = depth.saturating_sub(1),
            }
        } else if b[end - 2] != b'/' {
            if depth >= MAX_DEPTH {
                *dropped.entry(name).or_default() += 1;
                blanks.push((lt, end));
            } else {
                depth += 1;
            }
        }
    }
    if blanks.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = b.to_vec();
    for (start, end) in blanks {
        for byte in &mut out[start + 1..end - 1] {
            if *byte != b'\n' {
                *byte = b'?';
            }
        }
    }
    // Only ASCII bytes of tags were replaced, each by one ASCII byte.
    Cow::Owned(String::from_utf8(out).expect("tags replaced byte for byte with ASCII"))
}

/// Just past the `>` that ends a tag whose name ends at `from`, quotes respected.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return Some(from + k + 1),
            _ => {}
        }
    }
    None
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
}
