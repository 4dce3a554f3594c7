//! Text from articles, file names and ids made harmless for where it is shown.
//!
//! Article text is anyone's text. Sent raw to a terminal, an escape sequence in it can set
//! the window title, clear the screen or rewrite what was printed before; a right-to-left
//! override (U+202E) makes `Right\u{202e}gnp.exe` display as "Rightexe.png". Every
//! terminal and standard-error output goes through [`terminal`] (multi-line text) or
//! [`line()`] (one line: a message, a name, a table cell); the HTML report replaces bidi
//! controls with [`visible_bidi`] markers.
//!
//! What is escaped, as `\x1b`-style (C0, DEL) or `\u{202e}`-style (the rest) text:
//! - C0 control characters but tab and newline (and, in [`line()`], those too), and DEL;
//! - C1 control characters (U+0080 to U+009F; U+009B is a one-character CSI);
//! - bidi controls: embeddings and overrides (U+202A to U+202E), isolates (U+2066 to
//!   U+2069), and the marks U+200E, U+200F and U+061C;
//! - line and paragraph separators (U+2028, U+2029), which some terminals take as breaks.
//!
//! Everything else, letters of every script included, passes unchanged.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is a bidi control: an embedding, override, isolate or directional mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` must not reach a terminal raw (tab and newline aside).
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_bidi_control(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

fn escape_with(s: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    // Nothing to escape is the common case: no copy.
    if !s.chars().any(&escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if !escape(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// Multi-line text for a terminal: newlines and tabs kept, every other control character,
/// bidi control and line separator escaped.
pub fn terminal(s: &str) -> Cow<'_, str> {
    escape_with(s, is_unsafe)
}

/// One line for a terminal or standard error: like [`terminal`], and newlines, carriage
/// returns and tabs are escaped too, so a name or a cell cannot break the line it is in.
pub fn line(s: &str) -> Cow<'_, str> {
    escape_with(s, |c| is_unsafe(c) || c == '\n' || c == '\t')
}

/// Text for the HTML report: each bidi control is replaced with a visible marker such as
/// `[U+202E]`, so it can neither reorder the text around it nor hide.
pub fn visible_bidi(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_bidi_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_bidi_control(c) {
            let _ = write!(out, "[U+{:04X}]", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_from_an_article_are_shown_not_run() {
        // An OSC title set and a screen clear inside an otherwise ordinary sentence.
        let text = "\u{1b}]0;pwned\u{7}“We will not back down,” the minister said.\u{1b}[2J";
        let shown = terminal(text);
        assert!(!shown.contains('\u{1b}'));
        assert!(!shown.contains('\u{7}'));
        assert_eq!(
            shown,
            "\\x1b]0;pwned\\x07“We will not back down,” the minister said.\\x1b[2J"
        );
    }

    #[test]
    fn c1_controls_and_bidi_overrides_are_escaped() {
        assert_eq!(terminal("a\u{9b}2Jb"), "a\\u{9b}2Jb");
        assert_eq!(line("Right\u{202e}gnp.exe"), "Right\\u{202e}gnp.exe");
        assert_eq!(
            line("x\u{2066}y\u{2069}\u{200f}"),
            "x\\u{2066}y\\u{2069}\\u{200f}"
        );
    }

    #[test]
    fn ordinary_text_of_every_script_passes_unchanged_and_borrowed() {
        for s in [
            "“Nous ne céderons pas”, a déclaré le ministre.",
            "قال الوزير إننا لن نتراجع",
            "Он сказал: «Мы не отступим».",
            "“a,”\the said.\nNext paragraph.",
        ] {
            assert!(matches!(terminal(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn line_keeps_one_line_but_terminal_keeps_paragraphs() {
        let s = "doc\nwith a newline\r\tand tab";
        assert_eq!(line(s), "doc\\x0awith a newline\\x0d\\x09and tab");
        assert_eq!(terminal(s), "doc\nwith a newline\\x0d\tand tab");
    }

    #[test]
    fn bidi_controls_become_visible_markers_for_the_report() {
        assert_eq!(visible_bidi("Right\u{202e}gnp.exe"), "Right[U+202E]gnp.exe");
        assert!(matches!(visible_bidi("plain “quote”"), Cow::Borrowed(_)));
    }
}
