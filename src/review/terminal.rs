//! The terminal view: a compact summary with the flags and the speaker table, coloured when
//! asked to. Without colour, word diffs read `[-old-]{+new+}` (as wdiff writes them).
//!
//! Control characters from the article (an ESC that would start a terminal sequence) and
//! bidi controls are shown escaped (`\x1b`, `\u{202e}`), never sent to the terminal.

use std::fmt::Write as _;

use crate::kind::Kind;

use crate::diff::words::Op;
use crate::style::{self, Paint};
use anstyle::Style;

use super::{Concern, Entry, Report, counted, excerpt, percent};

/// How to render.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// ANSI colours and bold.
    pub color: bool,
    /// List every flagged quote (not only the first few of each group) and every quote.
    pub all: bool,
}

const EXCERPT: usize = 64;
/// Flagged quotes listed per group unless every one is asked for.
const GROUP_LINES: usize = 10;

/// The colour of the speaker in row `row` of the speaker table (dim when unattributed).
fn speaker_style(row: Option<usize>) -> Style {
    match row {
        Some(row) => style::SPEAKERS[row % style::SPEAKERS.len()],
        None => style::DIM,
    }
}

/// Escapes control characters (ESC, BEL, …) and bidi controls so article text cannot
/// drive the terminal or reorder what it shows ([`crate::sanitize::line`]).
fn clean(s: &str) -> String {
    crate::sanitize::line(s).into_owned()
}

fn quoted(text: &str, max: usize) -> String {
    format!("“{}”", clean(&excerpt(text, max)))
}

/// A record's words: a quote's in quotation marks, reported speech bare.
fn record(q: &crate::record::Quote, max: usize) -> String {
    clean(&super::shown(q, max))
}

/// Renders the summary.
pub fn render(report: &Report, options: Options) -> String {
    let p = Paint::new(options.color);
    let mut out = String::new();
    let [direct, partial, terms, paraphrases] = report.kinds();
    let flag_count = report.flag_count();
    let paraphrases = if paraphrases > 0 {
        format!(", {}", counted(paraphrases, "paraphrase"))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{}: {} ({direct} direct, {partial} partial, {}){paraphrases}, {}, {}",
        p.paint(style::BOLD, &clean(&report.doc)),
        counted(report.quote_count(), "quote"),
        counted(terms, "term"),
        counted(report.speakers.len(), "speaker"),
        if flag_count == 0 {
            p.paint(style::GREEN, "no flags")
        } else {
            p.paint(style::RED.bold(), &counted(flag_count, "flag"))
        }
    );
    if let Some(prev) = &report.previous {
        let _ = writeln!(out, "compared with {}", clean(prev));
    }
    if !report.sources.is_empty() {
        let names: Vec<String> = report.sources.iter().map(|s| clean(s)).collect();
        let _ = writeln!(out, "checked against {}", names.join(", "));
    }

    flags(&mut out, report, &p, options.all);
    speakers(&mut out, report, &p);
    if options.all {
        let _ = writeln!(out, "\n{}", p.paint(style::BOLD, "Quotes"));
        for e in &report.entries {
            quote_line(&mut out, e, &p);
        }
    }
    out
}

fn flags(out: &mut String, r: &Report, p: &Paint, all: bool) {
    let total = r.flag_count();
    let _ = writeln!(
        out,
        "\n{}",
        p.paint(style::BOLD, &format!("Flags ({total})"))
    );
    if total == 0 {
        let _ = writeln!(out, "  none");
        return;
    }
    for group in r.flag_groups() {
        let (label, hits, strays) = (group.label, group.hits, group.strays);
        let _ = writeln!(
            out,
            "  {} ({})",
            p.paint(style::RED, label),
            hits.len() + strays
        );
        let shown = if all { hits.len() } else { GROUP_LINES };
        let hidden = hits.len().saturating_sub(shown);
        for (e, concern) in hits.into_iter().take(shown) {
            let _ = write!(
                out,
                "    #{:<3} ¶{:<3} {}",
                e.quote.index,
                e.quote.paragraph,
                record(&e.quote, EXCERPT)
            );
            match concern {
                Concern::LowConfidence(c) => {
                    let _ = write!(
                        out,
                        "  confidence {c:.2} ({})",
                        p.paint(speaker_style(e.speaker_row), &speaker(e))
                    );
                }
                Concern::Ambiguous => {
                    let _ = write!(
                        out,
                        "  ({})",
                        p.paint(speaker_style(e.speaker_row), &speaker(e))
                    );
                }
                Concern::Unverified(status) => {
                    let _ = write!(out, "  {}", status.as_str());
                    if let Some(d) = e.verdict.as_ref().and_then(|v| v.detail.as_deref()) {
                        let _ = write!(out, ": {}", clean(d));
                    }
                    if let Some(p) = e.verdict.as_ref().and_then(|v| v.passage.as_ref()) {
                        let _ = write!(
                            out,
                            "\n           source ({}): {}\n           diff: {}",
                            clean(&p.heading()),
                            quoted(&p.text, EXCERPT),
                            clean(&p.diff)
                        );
                    }
                }
                Concern::Changed => {
                    if let Some(change) = &e.change {
                        let _ = write!(
                            out,
                            "\n           was {} ({})",
                            change.was(),
                            clean(&change.describe())
                        );
                        if change.reworded() {
                            out.push_str(": ");
                            word_diff(out, change, p);
                        }
                    }
                }
                _ => {}
            }
            out.push('\n');
        }
        if hidden > 0 {
            let _ = writeln!(out, "    … and {hidden} more (--all lists every one)");
        }
        if label == "unclosed" {
            for s in &r.stray_marks {
                let _ = writeln!(
                    out,
                    "    line {}: closing mark {} closes nothing",
                    s.line,
                    clean(&s.mark.to_string())
                );
            }
        }
    }
    if !r.removed.is_empty() {
        let _ = writeln!(
            out,
            "  {} ({})",
            p.paint(style::RED, "removed"),
            r.removed.len()
        );
        for q in &r.removed {
            let _ = writeln!(out, "    was #{:<3} {}", q.index, record(q, EXCERPT));
        }
    }
}

/// The word diff on one line: coloured, or `[-old-]{+new+}` as wdiff writes it.
fn word_diff(out: &mut String, change: &super::Change, p: &Paint) {
    for w in &change.words {
        let t = clean(&w.text.replace('\n', " "));
        out.push_str(&match (w.op, p.on()) {
            (Op::Equal, _) => t,
            (Op::Delete, true) => p.paint(style::RED.strikethrough(), &t),
            (Op::Insert, true) => p.paint(style::GREEN.underline(), &t),
            (Op::Delete, false) => format!("[-{t}-]"),
            (Op::Insert, false) => format!("{{+{t}+}}"),
        });
    }
}

fn speaker(e: &Entry) -> String {
    match (&e.quote.speaker, e.quote.kind) {
        (Some(s), _) => clean(s),
        (None, Kind::Term) => "term".to_string(),
        (None, _) => "no speaker".to_string(),
    }
}

fn speakers(out: &mut String, r: &Report, p: &Paint) {
    let _ = writeln!(out, "\n{}", p.paint(style::BOLD, "Speakers"));
    let width = r
        .speakers
        .iter()
        .map(|s| clean(&s.speaker).chars().count())
        .chain([22])
        .max()
        .unwrap_or(22)
        .min(40);
    let _ = writeln!(
        out,
        "  {:<width$}  {:>6}  {:>6}  {:>5}  {:>4}  ATTRIBUTED BY",
        "SPEAKER", "QUOTES", "WORDS", "SHARE", "PARA"
    );
    for (i, row) in r.speakers.iter().enumerate() {
        let name = clean(&row.speaker);
        let name: String = if name.chars().count() > width {
            name.chars().take(width - 1).collect::<String>() + "…"
        } else {
            name
        };
        let methods: Vec<String> = row
            .methods
            .iter()
            .map(|(m, n)| format!("{} {n}", clean(m)))
            .collect();
        let padded = format!("{name:<width$}");
        let _ = writeln!(
            out,
            "  {}  {:>6}  {:>6}  {:>5}  {:>4}  {}",
            p.paint(speaker_style(Some(i)), &padded),
            row.quotes,
            row.words,
            percent(row.share),
            row.paraphrases,
            methods.join(", ")
        );
    }
    let u = r.unattributed;
    if u.quotes > 0 || u.paraphrases > 0 {
        let share = r.unattributed_share();
        let padded = format!("{:<width$}", "(no speaker)");
        let _ = writeln!(
            out,
            "  {}  {:>6}  {:>6}  {:>5}  {:>4}",
            p.paint(style::DIM, &padded),
            u.quotes,
            u.words,
            percent(share),
            u.paraphrases
        );
    }
    let _ = writeln!(
        out,
        "  {:<width$}  {:>6}  {:>6}  {:>5}  {:>4}  (terms not counted; PARA: reported speech)",
        "all quotes from people",
        r.quoted.quotes,
        r.quoted.words,
        r.total_share(),
        r.quoted.paraphrases
    );
}

fn quote_line(out: &mut String, e: &Entry, p: &Paint) {
    let q = &e.quote;
    let flags: Vec<&str> = e.concerns.iter().map(Concern::label).collect();
    let _ = write!(
        out,
        "  #{:<3} ¶{:<3} {:<8} {} {}",
        q.index,
        q.paragraph,
        q.kind.as_str(),
        p.paint(speaker_style(e.speaker_row), &format!("{:<20}", speaker(e))),
        record(q, EXCERPT)
    );
    if !flags.is_empty() {
        let _ = write!(
            out,
            "  {}",
            p.paint(style::RED, &format!("[{}]", flags.join(", ")))
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract;
    use crate::review::compare::against_previous;
    use crate::review::tests::{attributed, unattributed};
    use crate::review::{Inputs, Report};

    const PLAIN: Options = Options {
        color: false,
        all: true,
    };

    #[test]
    fn summary_lists_flags_and_speakers_without_colour() {
        let (doc, ex) = attributed(
            "“We will extend our invitation to Assad,” Erdogan said in an interview.\n\
             “We have now arrived at a point,” he said.\n\
             “No comment,” a man said.",
            &[
                (1, "Recep Tayyip Erdogan", "trailing_cue", 0.9),
                (2, "Recep Tayyip Erdogan", "pronoun", 0.4),
            ],
        );
        let text = render(&Report::new(&doc, ex, Inputs::default()), PLAIN);
        assert!(!text.contains('\x1b'), "{text}");
        assert!(text.starts_with(
            "article.txt: 3 quotes (3 direct, 0 partial, 0 terms), 1 speaker, 2 flags\n"
        ));
        assert!(
            text.contains("  unattributed (1)\n    #3   ¶2   “No comment,”\n"),
            "{text}"
        );
        assert!(text.contains("  low confidence (1)\n    #2   ¶1   “We have now arrived at a point,”  confidence 0.40 (Recep Tayyip Erdogan)\n"), "{text}");
        let row = text
            .lines()
            .find(|l| l.trim_start().starts_with("Recep Tayyip Erdogan"))
            .expect("a speaker row");
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            cells[3..],
            ["2", "14", "88%", "0", "pronoun", "1,", "trailing_cue", "1"]
        );
        assert!(text.contains("#3   ¶2   direct   no speaker"), "{text}");
    }

    #[test]
    fn counts_read_as_english_and_an_empty_article_is_not_100_percent() {
        let (doc, ex) = attributed(
            "“We will extend our invitation to Assad,” Erdogan said in an interview.",
            &[(1, "Recep Tayyip Erdogan", "trailing_cue", 0.9)],
        );
        let text = render(&Report::new(&doc, ex, Inputs::default()), PLAIN);
        assert!(
            text.starts_with(
                "article.txt: 1 quote (1 direct, 0 partial, 0 terms), 1 speaker, no flags\n"
            ),
            "{text}"
        );
        let empty = Document::new("empty.txt", "The council met on Tuesday. Nobody spoke.");
        let text = render(
            &Report::new(&empty, extract(&empty), Inputs::default()),
            PLAIN,
        );
        assert!(text.contains("0 quotes (0 direct"), "{text}");
        let total = text
            .lines()
            .find(|l| l.contains("all quotes from people"))
            .expect("the total row");
        assert!(total.contains('–') && !total.contains("100%"), "{total}");
    }

    #[test]
    fn long_groups_are_cut_unless_all_are_asked_for() {
        let text = (1..=12)
            .map(|i| format!("“We will meet {i} times,” a man said."))
            .collect::<Vec<_>>()
            .join("\n");
        let (doc, ex) = unattributed(&text);
        let report = Report::new(&doc, ex, Inputs::default());
        let short = render(
            &report,
            Options {
                color: false,
                all: false,
            },
        );
        assert!(short.contains("  unattributed (12)\n"));
        assert!(
            short.contains("“We will meet 10 times,”\n    … and 2 more (--all lists every one)\n"),
            "{short}"
        );
        assert!(!short.contains("meet 11 times"));
        let all = render(&report, PLAIN);
        assert_eq!(
            all.matches("“We will meet 11 times,”").count(),
            2,
            "in the flags and the quote list"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let (doc, ex) = unattributed("“No comment,” a man said.");
        let report = Report::new(&doc, ex, Inputs::default());
        let coloured = render(
            &report,
            Options {
                color: true,
                all: false,
            },
        );
        assert!(coloured.contains("\x1b[31munattributed\x1b[0m"));
        assert!(!render(&report, PLAIN).contains('\x1b'));
    }

    #[test]
    fn word_diffs_read_without_colour() {
        let old = Document::new(
            "old.txt",
            "“We have an opportunity to discuss the entire range of our relations,” Putin said.",
        );
        let new = Document::new(
            "new.txt",
            "“We have an opportunity to discuss the whole range of our relations,” Putin said.",
        );
        let (old_q, new_ex) = (extract(&old).quotes, extract(&new));
        let changes = against_previous(&new_ex.quotes, &old_q);
        let inputs = Inputs {
            previous: Some(("old.txt".into(), changes)),
            ..Inputs::default()
        };
        let text = render(&Report::new(&new, new_ex, inputs), PLAIN);
        assert!(text.contains("compared with old.txt\n"));
        assert!(
            text.contains(
                "was #1 (wording): We have an opportunity to discuss the [-entire-]{+whole+} range"
            ),
            "{text}"
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let doc = Document::new(
            "a\x1b[2J.txt",
            "“Clear \x1b]0;pwned\x07 the screen,” he said.",
        );
        let report = Report::new(&doc, extract(&doc), Inputs::default());
        let text = render(&report, PLAIN);
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
        assert!(
            text.contains("“Clear \\x1b]0;pwned\\x07 the screen,”"),
            "{text}"
        );
    }
}
