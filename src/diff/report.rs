//! Writing diffs: readable text (coloured or in wdiff notation) and flat CSV rows. JSON and
//! JSONL are the serde shapes of [`Diff`] and [`Pair`] themselves.

use crate::sanitize::line;
use std::fmt::Write as _;

use crate::record::{CsvRow, FIELDS, Quote};

use super::words::{Op, wdiff};
use super::{Diff, History, Pair, Status};

/// How to write text.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextOptions {
    /// ANSI colours instead of `[-…-]{+…+}` markers.
    pub color: bool,
    /// Show unchanged quotes too.
    pub all: bool,
}

use crate::style::{self, BOLD, DIM, GREEN, RED, YELLOW};

/// A diff as text: a header, one entry per pair (speaker first), and a summary line.
pub fn text(diff: &Diff, options: TextOptions) -> String {
    let mut s = String::new();
    let p = style::Paint::new(options.color);
    let paint =
        |s: &mut String, color: anstyle::Style, text: &str| s.push_str(&p.paint(color, text));
    paint(
        &mut s,
        BOLD,
        &format!(
            "--- {}\n+++ {}",
            line(diff.old.as_deref().unwrap_or("(absent)")),
            line(diff.new.as_deref().unwrap_or("(absent)"))
        ),
    );
    s.push('\n');
    for pair in &diff.pairs {
        if pair.status == Status::Unchanged && !options.all {
            continue;
        }
        let (mark, color) = match pair.status {
            Status::Unchanged => (' ', DIM),
            Status::Modified => ('~', YELLOW),
            Status::Added => ('+', GREEN),
            Status::Removed => ('-', RED),
        };
        let mut head = format!("{mark} {}  {}", line(&speaker(pair)), pair.status.as_str());
        if !pair.changes.is_empty() {
            let names: Vec<&str> = pair.changes.iter().map(|c| c.as_str()).collect();
            let _ = write!(head, " ({})", names.join(", "));
        }
        let _ = write!(head, "  [{}]  {}", line(&pair.id), place(pair));
        paint(&mut s, color, &head);
        s.push_str("\n    “");
        for op in &pair.word_diff {
            let text = line(&op.text.replace('\n', " ¶ ")).into_owned();
            match (op.op, options.color) {
                (Op::Equal, _) => s.push_str(&text),
                (Op::Delete, true) => paint(&mut s, RED, &text),
                (Op::Insert, true) => paint(&mut s, GREEN, &text),
                (Op::Delete, false) if pair.status == Status::Removed => s.push_str(&text),
                (Op::Insert, false) if pair.status == Status::Added => s.push_str(&text),
                (Op::Delete, false) => {
                    let _ = write!(s, "[-{text}-]");
                }
                (Op::Insert, false) => {
                    let _ = write!(s, "{{+{text}+}}");
                }
            }
        }
        s.push_str("”\n");
    }
    let m = &diff.summary;
    let _ = writeln!(
        s,
        "{} modified, {} added, {} removed, {} unchanged",
        m.modified, m.added, m.removed, m.unchanged
    );
    s
}

/// The speaker, or both speakers when they differ.
fn speaker(pair: &Pair) -> String {
    let name = |q: &Option<Quote>| q.as_ref().and_then(|q| q.speaker.clone());
    match (name(&pair.old), name(&pair.new)) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (_, Some(b)) => b,
        (Some(a), None) => a,
        (None, None) => "(no speaker)".to_string(),
    }
}

/// Where the quote is: `#index ¶paragraph` on each side.
fn place(pair: &Pair) -> String {
    let at = |q: &Quote| format!("#{} ¶{}", q.index, q.paragraph);
    match (&pair.old, &pair.new) {
        (Some(a), Some(b)) => format!("{} → {}", at(a), at(b)),
        (Some(a), None) => at(a),
        (None, Some(b)) => at(b),
        (None, None) => String::new(),
    }
}

/// A series' history as text: one line per quote that changed anywhere (all with `all`).
pub fn history_text(history: &[History], all: bool) -> String {
    let mut s = String::from("history:\n");
    for h in history {
        let eventful = h
            .steps
            .iter()
            .flatten()
            .any(|st| st.status != Status::Unchanged);
        if !eventful && !all {
            continue;
        }
        let steps: Vec<String> = h
            .steps
            .iter()
            .map(|st| match st {
                None => "·".to_string(),
                Some(st) if st.changes.is_empty() => st.status.as_str().to_string(),
                Some(st) => {
                    let names: Vec<&str> = st.changes.iter().map(|c| c.as_str()).collect();
                    format!("{} ({})", st.status.as_str(), names.join(", "))
                }
            })
            .collect();
        let text = h
            .versions
            .iter()
            .rev()
            .flatten()
            .next()
            .map(|v| line(&v.text.replace('\n', " ¶ ")).into_owned())
            .unwrap_or_default();
        let _ = writeln!(s, "  [{}] {}  “{}”", line(&h.id), steps.join(" → "), text);
    }
    s
}

/// The CSV header: the pair's fields, then every record field as `old_…` and `new_…`, then
/// the word diff in wdiff notation.
pub fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = ["id", "status", "changes", "similarity"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for side in ["old", "new"] {
        h.extend(FIELDS.iter().map(|f| format!("{side}_{f}")));
    }
    h.push("word_diff".into());
    h
}

/// One CSV row per pair, in [`csv_header`] order; a missing side is empty cells.
pub fn csv_row(pair: &Pair) -> Vec<String> {
    let mut row = vec![
        pair.id.clone(),
        pair.status.as_str().to_string(),
        pair.changes
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        pair.similarity.to_string(),
    ];
    for q in [&pair.old, &pair.new] {
        match q {
            Some(q) => row.extend(cells(&CsvRow::from(q))),
            None => row.extend(std::iter::repeat_n(String::new(), FIELDS.len())),
        }
    }
    row.push(wdiff(&pair.word_diff));
    row
}

fn cells(r: &CsvRow) -> Vec<String> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let num = |o: Option<usize>| o.map(|n| n.to_string()).unwrap_or_default();
    vec![
        r.doc.clone(),
        r.index.to_string(),
        r.start.to_string(),
        r.end.to_string(),
        r.byte_start.to_string(),
        r.byte_end.to_string(),
        r.paragraph.to_string(),
        r.text.clone(),
        r.kind.as_str().to_string(),
        opt(&r.speaker),
        opt(&r.mention),
        num(r.mention_start),
        num(r.mention_end),
        opt(&r.cue),
        num(r.cue_start),
        num(r.cue_end),
        opt(&r.method),
        r.confidence.map(|c| c.to_string()).unwrap_or_default(),
        r.speaker_type.map(|t| t.to_string()).unwrap_or_default(),
        opt(&r.role),
        opt(&r.via),
        r.flags.clone(),
        num(r.source_start),
        num(r.source_end),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::quote;
    use crate::diff::{Options, diff};

    #[test]
    fn text_marks_edits_and_hides_unchanged_quotes() {
        let old = [
            quote(
                1,
                "We have an opportunity to discuss the entire range of our relations.",
            ),
            quote(2, "Regrettably, we see that it tends to deteriorate."),
        ];
        let new = [
            quote(
                1,
                "We have a chance to discuss the entire range of our relations.",
            ),
            quote(2, "Regrettably, we see that it tends to deteriorate."),
        ];
        let d = diff("v1", &old, "v2", &new, &Options::default());
        let plain = text(&d, TextOptions::default());
        assert!(plain.contains("[-an opportunity-]{+a chance+}"), "{plain}");
        assert!(plain.starts_with("--- v1\n+++ v2\n~ (no speaker)  modified (wording)"));
        assert!(!plain.contains("deteriorate"), "{plain}");
        assert!(!plain.contains('\x1b'));
        let all = text(
            &d,
            TextOptions {
                color: true,
                all: true,
            },
        );
        let (red, green) = (RED.render().to_string(), GREEN.render().to_string());
        assert!(all.contains("deteriorate") && all.contains(&red) && all.contains(&green));
        assert!(!all.contains("[-"));
    }

    #[test]
    fn csv_rows_match_the_header() {
        let old = [quote(1, "This directly concerns Syria.")];
        let d = diff("v1", &old, "v2", &[], &Options::default());
        let row = csv_row(&d.pairs[0]);
        assert_eq!(row.len(), csv_header().len());
        assert_eq!(row[1], "removed");
        assert_eq!(row.last().unwrap(), "[-This directly concerns Syria.-]");
    }
}
