//! How output meets a terminal: `--color`, the same on every subcommand that colours
//! (extract's table, diff, verify, review), decided by [`quotecheck::style::enabled`]; and
//! the width the extract table is sized to.

use quotecheck::style::{self, ColorChoice, Env};

/// The `--color` flag.
#[derive(clap::Args, Clone, Copy, Debug)]
pub struct ColorArgs {
    /// Colour terminal output: `auto` on a terminal unless NO_COLOR is set (CLICOLOR_FORCE
    /// colours even a pipe or file), `always`, or `never`.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

impl ColorArgs {
    /// Whether to colour output that goes to a terminal (`terminal`) or elsewhere.
    pub fn enabled(&self, terminal: bool) -> bool {
        style::enabled(self.color, terminal, Env::current())
    }
}

/// The width to size a table to: `COLUMNS` when set to a number, else the terminal's width
/// when output goes to one (terminal_size asks the terminal itself), else `None` (a file or
/// pipe: text is not cut).
pub fn width(terminal: bool) -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return Some(n);
    }
    if !terminal {
        return None;
    }
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(terminal_size::Width(w), _)| usize::from(w))
        .filter(|&w| w > 0)
}
