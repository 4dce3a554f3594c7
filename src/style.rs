//! Terminal colour, through one path: every coloured output (the extract table, `diff` and
//! `verify` text, the review summary) paints with these [`anstyle`] styles, and whether to
//! colour at all is decided once, by [`enabled`], from `--color` and the environment.
//!
//! ```
//! use quotecheck::style::{self, Paint};
//!
//! let p = Paint::new(true);
//! assert_eq!(p.paint(style::RED, "altered"), "\x1b[31maltered\x1b[0m");
//! assert_eq!(Paint::new(false).paint(style::RED, "altered"), "altered");
//! ```

use anstyle::{AnsiColor, Style};

/// Headings, document names.
pub const BOLD: Style = Style::new().bold();
/// What matters least: unchanged quotes, unattributed speakers.
pub const DIM: Style = Style::new().dimmed();
/// Removed, not found, altered; words cut.
pub const RED: Style = fg(AnsiColor::Red);
/// Added, exact; words inserted.
pub const GREEN: Style = fg(AnsiColor::Green);
/// Modified, elided; flags.
pub const YELLOW: Style = fg(AnsiColor::Yellow);
/// Speakers in turn (the review summary), so each speaker keeps one colour.
pub const SPEAKERS: [Style; 6] = [
    fg(AnsiColor::Blue),
    fg(AnsiColor::Yellow),
    fg(AnsiColor::Green),
    fg(AnsiColor::Magenta),
    fg(AnsiColor::Cyan),
    fg(AnsiColor::BrightBlue),
];

const fn fg(c: AnsiColor) -> Style {
    Style::new().fg_color(Some(anstyle::Color::Ansi(c)))
}

/// Paints text in a style, or leaves it plain when colour is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// A painter that colours when `on`.
    pub fn new(on: bool) -> Paint {
        Paint { on }
    }

    /// Whether this painter colours.
    pub fn on(&self) -> bool {
        self.on
    }

    /// `text` between `style`'s escape and the reset, or `text` alone.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.on && style != Style::new() {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

/// `--color`: when output is coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set (or `CLICOLOR=0`, or `TERM=dumb`);
    /// `CLICOLOR_FORCE` colours even when not on a terminal.
    #[default]
    Auto,
    /// Always, whatever the environment.
    Always,
    /// Never.
    Never,
}

/// What the environment says about colour (read by [`Env::current`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Env {
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `CLICOLOR_FORCE` is set and not `0`.
    pub clicolor_force: bool,
    /// `CLICOLOR=0`.
    pub clicolor_off: bool,
    /// `TERM` says the terminal can show colour (not `dumb`).
    pub term_color: bool,
}

impl Env {
    /// The process environment, as `anstyle-query` (what anstream and clap use) reads it.
    pub fn current() -> Env {
        Env {
            no_color: anstyle_query::no_color(),
            clicolor_force: anstyle_query::clicolor_force(),
            clicolor_off: anstyle_query::clicolor() == Some(false),
            term_color: anstyle_query::term_supports_color(),
        }
    }
}

/// Whether to colour output going to a terminal (`terminal`) or elsewhere: `--color always`
/// and `never` win over the environment; under `auto`, `NO_COLOR` wins over
/// `CLICOLOR_FORCE`, which wins over everything else (the order anstream follows).
pub fn enabled(choice: ColorChoice, terminal: bool, env: Env) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !env.no_color
                && (env.clicolor_force || (terminal && !env.clicolor_off && env.term_color))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTY: Env = Env {
        no_color: false,
        clicolor_force: false,
        clicolor_off: false,
        term_color: true,
    };

    #[test]
    fn auto_colours_a_terminal_only() {
        assert!(enabled(ColorChoice::Auto, true, TTY));
        assert!(!enabled(ColorChoice::Auto, false, TTY));
    }

    #[test]
    fn no_color_beats_clicolor_force_under_auto_but_not_the_flag() {
        let env = Env {
            no_color: true,
            clicolor_force: true,
            ..TTY
        };
        assert!(!enabled(ColorChoice::Auto, true, env));
        assert!(enabled(ColorChoice::Always, false, env));
    }

    #[test]
    fn clicolor_force_colours_a_pipe_and_never_still_wins() {
        let env = Env {
            clicolor_force: true,
            ..TTY
        };
        assert!(enabled(ColorChoice::Auto, false, env));
        assert!(!enabled(ColorChoice::Never, true, env));
    }

    #[test]
    fn clicolor_zero_and_a_dumb_terminal_turn_auto_off() {
        let off = Env {
            clicolor_off: true,
            ..TTY
        };
        let dumb = Env {
            term_color: false,
            ..TTY
        };
        assert!(!enabled(ColorChoice::Auto, true, off));
        assert!(!enabled(ColorChoice::Auto, true, dumb));
    }

    #[test]
    fn paint_wraps_in_the_style_and_resets() {
        let p = Paint::new(true);
        assert_eq!(p.paint(BOLD, "doc"), "\x1b[1mdoc\x1b[0m");
        assert_eq!(p.paint(Style::new(), "plain"), "plain");
        assert_eq!(Paint::new(false).paint(GREEN, "ok"), "ok");
    }
}
