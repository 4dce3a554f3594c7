//! A readable table for a terminal: one row per quote, sized to the terminal's width.
//!
//! Widths are display columns ([`unicode_width`]), not characters: a CJK character or an
//! emoji takes two columns, a combining accent none, so rows line up whatever the script.
//! Given a width ([`Options::width`]), the name columns shrink on a narrow terminal (METHOD
//! goes first) and the quote's text takes the rest, cut with `…`; without one (a file), the
//! text is never cut. Rows stream: the layout depends on the width alone, never on the rows.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::record::Quote;
use crate::sanitize;
use crate::style::{self, Paint};

use super::{Options, QuoteWriter};

/// Writes records as a table for a terminal.
pub struct TableWriter<'w> {
    out: io::BufWriter<Box<dyn Write + 'w>>,
    header: bool,
    layout: Layout,
    paint: Paint,
}

impl<'w> TableWriter<'w> {
    /// A writer to `out`, with no width limit and no colour.
    pub fn new(out: Box<dyn Write + 'w>) -> TableWriter<'w> {
        TableWriter::with_options(out, Options::default())
    }

    /// A writer to `out` sized to `options.width` and coloured when `options.color`.
    pub fn with_options(out: Box<dyn Write + 'w>, options: Options) -> TableWriter<'w> {
        TableWriter {
            out: io::BufWriter::new(out),
            header: false,
            layout: Layout::for_width(options.width),
            paint: Paint::new(options.color),
        }
    }
}

/// Column widths in display columns. `method` is 0 when the column is left out; `text` is
/// `None` when the text is never cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Layout {
    doc: usize,
    speaker: usize,
    method: usize,
    text: Option<usize>,
}

/// `#` and `PARA` (4 each) and `KIND` (8, the longest kind: `indirect`).
const NUMBERS: usize = 4 + 4 + 8;
/// DOC, SPEAKER, METHOD at full width.
const FULL: [usize; 3] = [24, 24, 18];
/// The narrowest METHOD column shown.
const METHOD_MIN: usize = 10;
/// Below this the quote column still gets this much (the row then wraps).
const TEXT_FLOOR: usize = 16;

impl Layout {
    fn for_width(width: Option<usize>) -> Layout {
        let [doc, speaker, method] = FULL;
        let Some(width) = width else {
            return Layout {
                doc,
                speaker,
                method,
                text: None,
            };
        };
        // Six single spaces between seven columns.
        let avail = width.saturating_sub(NUMBERS + 6);
        // The quote's text gets at least three fifths; the name columns share the rest, up
        // to their full widths.
        let full: usize = FULL.iter().sum();
        let names = full.min(avail * 2 / 5);
        let (doc, speaker, method) = if names * method / full >= METHOD_MIN {
            let doc = names * doc / full;
            let speaker = names * speaker / full;
            (doc, speaker, names - doc - speaker)
        } else {
            // Too narrow for METHOD: it goes, and its separator goes to the text.
            let doc = (names * doc / (doc + speaker)).max(8);
            (doc, names.saturating_sub(doc).max(10), 0)
        };
        let text = (avail + usize::from(method == 0))
            .saturating_sub(doc + speaker + method)
            .max(TEXT_FLOOR);
        Layout {
            doc,
            speaker,
            method,
            text: Some(text),
        }
    }
}

impl QuoteWriter for TableWriter<'_> {
    fn write(&mut self, q: &Quote) -> io::Result<()> {
        let l = self.layout;
        if !self.header {
            self.header = true;
            let mut head = format!(
                "{} {:>4} {:>4} {:<8} {}",
                pad("DOC", l.doc),
                "#",
                "PARA",
                "KIND",
                pad("SPEAKER", l.speaker)
            );
            if l.method > 0 {
                head = format!("{head} {}", pad("METHOD", l.method));
            }
            writeln!(self.out, "{} TEXT", self.paint.paint(style::BOLD, &head))?;
        }
        let flags = if q.flags.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = q.flags.iter().map(|f| f.as_str()).collect();
            format!("[{}]", names.join(", "))
        };
        // Article text reaches a terminal here: escape what could act on it.
        let text = sanitize::line(&q.text.replace('\n', " ¶ ")).into_owned();
        let text = match l.text {
            Some(w) => {
                let flags_w = if flags.is_empty() {
                    0
                } else {
                    flags.width() + 2
                };
                cut_end(&text, w.saturating_sub(2 + flags_w).max(TEXT_FLOOR / 2))
            }
            None => text,
        };
        let speaker = match q.speaker.as_deref() {
            Some(s) => pad(&cut_end(&sanitize::line(s), l.speaker), l.speaker),
            None => self.paint.paint(style::DIM, &pad("-", l.speaker)),
        };
        let mut row = format!(
            "{} {:>4} {:>4} {:<8} {speaker}",
            pad(&cut_start(&sanitize::line(&q.doc), l.doc), l.doc),
            q.index,
            q.paragraph,
            q.kind.as_str(),
        );
        if l.method > 0 {
            let method = sanitize::line(q.method.as_deref().unwrap_or("-")).into_owned();
            row = format!("{row} {}", pad(&cut_end(&method, l.method), l.method));
        }
        write!(self.out, "{row} “{text}”")?;
        if !flags.is_empty() {
            write!(self.out, "  {}", self.paint.paint(style::YELLOW, &flags))?;
        }
        writeln!(self.out)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `s` followed by spaces up to `width` display columns.
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// `s` if it fits in `width` columns, else its start and `…`.
fn cut_end(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out + "…"
}

/// `s` if it fits in `width` columns, else `…` and its end (a path's end says most).
fn cut_start(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut tail = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Flag;

    fn quote(doc: &str, speaker: Option<&str>, text: &str) -> Quote {
        Quote {
            doc: doc.into(),
            index: 1,
            text: text.into(),
            speaker: speaker.map(String::from),
            method: Some("trailing".into()),
            ..Quote::default()
        }
    }

    fn table(quotes: &[Quote], width: Option<usize>, color: bool) -> String {
        let mut buf = Vec::new();
        {
            let options = Options {
                width,
                color,
                ..Options::default()
            };
            let mut w = TableWriter::with_options(Box::new(&mut buf), options);
            for q in quotes {
                w.write(q).unwrap();
            }
            w.finish().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    fn news() -> Vec<Quote> {
        let mut unattributed = quote(
            "2024/07/24/nationals.txt",
            None,
            "We are not going to stop until every family in this city has a safe place to \
             live, and that is a promise I intend to keep",
        );
        unattributed.flags = vec![Flag::Unattributed];
        unattributed.kind = crate::Kind::Indirect;
        vec![
            quote(
                "beijing.txt",
                Some("习近平"),
                "我们要坚定不移地推进改革开放，让人民过上更好的日子，这是我们的承诺",
            ),
            quote(
                "emoji.txt",
                Some("Ana Ruiz"),
                "We did it 🎉🎉 and the city council finally listened to the people who live here",
            ),
            unattributed,
        ]
    }

    /// The display column where the quote's text opens on each row.
    fn text_columns(table: &str) -> Vec<usize> {
        table
            .lines()
            .skip(1)
            .map(|l| l[..l.find('“').unwrap()].width())
            .collect()
    }

    #[test]
    fn rows_fit_the_width_in_display_columns_and_line_up() {
        for width in [80, 100, 120, 200] {
            let t = table(&news(), Some(width), false);
            for line in t.lines() {
                assert!(
                    line.width() <= width,
                    "{width}: {line:?} is {}",
                    line.width()
                );
            }
            let cols = text_columns(&t);
            assert!(
                cols.windows(2).all(|w| w[0] == w[1]),
                "{width}: {cols:?}\n{t}"
            );
            // The TEXT heading sits over the text.
            let head = t.lines().next().unwrap();
            assert_eq!(head[..head.find("TEXT").unwrap()].width(), cols[0], "{t}");
        }
    }

    #[test]
    fn a_wide_terminal_shows_more_text_and_no_width_cuts_nothing() {
        let q = &news()[2];
        let narrow = table(std::slice::from_ref(q), Some(100), false);
        let wide = table(std::slice::from_ref(q), Some(240), false);
        assert!(
            narrow.contains('…') && !wide.contains('…'),
            "{narrow}\n{wide}"
        );
        let unbounded = table(std::slice::from_ref(q), None, false);
        assert!(
            unbounded.contains("a promise I intend to keep”"),
            "{unbounded}"
        );
    }

    #[test]
    fn a_narrow_terminal_drops_the_method_column_first() {
        let t = table(&news(), Some(80), false);
        assert!(!t.contains("METHOD") && !t.contains("trailing"), "{t}");
        let t = table(&news(), Some(120), false);
        assert!(t.contains("METHOD") && t.contains("trailing"), "{t}");
    }

    #[test]
    fn cuts_count_columns_not_characters() {
        // Ten CJK characters are twenty columns.
        assert_eq!(cut_end("一二三四五六七八九十", 9), "一二三四…");
        assert_eq!(cut_end("一二三四五六七八九十", 9).width(), 9);
        assert_eq!(cut_start("archive/2024/新闻.txt", 10), "…/新闻.txt");
        assert_eq!(pad("习近平", 8).width(), 8);
        assert_eq!(cut_end("short", 9), "short");
    }

    #[test]
    fn colour_only_when_asked_and_padding_ignores_it() {
        let plain = table(&news(), Some(120), false);
        let coloured = table(&news(), Some(120), true);
        assert!(!plain.contains('\x1b'));
        assert!(coloured.contains(&style::BOLD.render().to_string()));
        assert!(coloured.contains(&format!("{}[unattributed]", style::YELLOW.render())));
        let stripped: String = {
            let mut s = coloured.clone();
            for st in [style::BOLD, style::DIM, style::YELLOW] {
                s = s.replace(&st.render().to_string(), "");
            }
            s.replace(&anstyle::Reset.render().to_string(), "")
        };
        assert_eq!(stripped, plain);
    }

    #[test]
    fn article_text_cannot_act_on_the_terminal() {
        let q = quote(
            "a\x1b[2J.txt",
            Some("X"),
            "Clear \x1b]0;pwned\x07 the screen",
        );
        let t = table(&[q], Some(120), false);
        assert!(!t.contains('\x1b') && !t.contains('\x07'), "{t:?}");
    }
}
