//! Helpers shared by the review tests: reading quotes back out of a report's HTML.

#![allow(dead_code)] // each test binary uses its own subset of the helpers

use std::collections::BTreeMap;

/// One quote as the page shows it: the first `<mark>` carrying its `data-quote`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub quote: usize,
    pub kind: String,
    pub speaker: String,
}

/// The attributes of every tag named `name`, in document order.
pub fn tags(html: &str, name: &str) -> Vec<BTreeMap<String, String>> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        rest = &rest[at + open.len()..];
        if !rest.starts_with([' ', '>', '\n', '/']) {
            continue;
        }
        let mut attrs = BTreeMap::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') || rest.starts_with("/>") || rest.is_empty() {
                break;
            }
            let name_end = rest
                .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
                .unwrap_or(rest.len());
            let attr = rest[..name_end].to_string();
            rest = &rest[name_end..];
            let value = if let Some(after) = rest.strip_prefix("=\"") {
                let end = after.find('"').expect("closed attribute value");
                let v = unescape(&after[..end]);
                rest = &after[end + 1..];
                v
            } else {
                String::new()
            };
            attrs.insert(attr, value);
        }
        out.push(attrs);
    }
    out
}

/// Every quote in the page, once each, in the order of their first mark.
pub fn marks(html: &str) -> Vec<Mark> {
    let mut seen = std::collections::BTreeSet::new();
    tags(html, "mark")
        .into_iter()
        .filter_map(|a| {
            let quote: usize = a.get("data-quote")?.parse().ok()?;
            seen.insert(quote).then(|| Mark {
                quote,
                kind: a.get("data-kind").cloned().unwrap_or_default(),
                speaker: a.get("data-speaker").cloned().unwrap_or_default(),
            })
        })
        .collect()
}

/// Rows of the speaker table (the unattributed row and the totals are not speakers).
pub fn speaker_rows(html: &str) -> usize {
    tags(html, "tr")
        .iter()
        .filter(|a| a.get("class").is_some_and(|c| c == "speaker"))
        .count()
}

/// The names in the speaker table's rows, top to bottom (as text, tags and entities removed).
pub fn speaker_names(html: &str) -> Vec<String> {
    html.split("<tr class=\"speaker\">")
        .skip(1)
        .filter_map(|row| {
            let cell = &row[..row.find("</th>")?];
            Some(unescape(&strip_tags(cell)).trim().to_string())
        })
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Text with every trick the report must show as text, never run.
pub const HOSTILE: &str = "<script>document.body.setAttribute('data-pwned','script')</script> opened the meeting.\n\
“\"><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">” was all he said &amp; no more.\n\
“</mark><script>document.title='pwned'</script>,” the spokesman said.\n\
He called it “' autofocus onfocus='document.body.setAttribute(`data-pwned`,1)” and left. <style>body{display:none}</style>\n\
<!-- “an open comment, the minister said.";
