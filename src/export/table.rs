//! A readable table for a terminal: one row per quote, the text cut to fit.

use std::io::{self, Write};

use crate::record::Quote;
use crate::sanitize;

use super::QuoteWriter;

/// Writes records as a table for a terminal.
pub struct TableWriter<'w> {
    out: io::BufWriter<Box<dyn Write + 'w>>,
    header: bool,
}

impl<'w> TableWriter<'w> {
    /// A writer to `out`.
    pub fn new(out: Box<dyn Write + 'w>) -> TableWriter<'w> {
        TableWriter {
            out: io::BufWriter::new(out),
            header: false,
        }
    }
}

const TEXT_WIDTH: usize = 60;

impl QuoteWriter for TableWriter<'_> {
    fn write(&mut self, q: &Quote) -> io::Result<()> {
        if !self.header {
            self.header = true;
            writeln!(
                self.out,
                "{:<24} {:>4} {:>4} {:<7} {:<24} {:<18} TEXT",
                "DOC", "#", "PARA", "KIND", "SPEAKER", "METHOD"
            )?;
        }
        // Article text reaches a terminal here: escape what could act on it.
        let mut text: String = sanitize::line(&q.text.replace('\n', " ¶ ")).into_owned();
        if text.chars().count() > TEXT_WIDTH {
            text = text.chars().take(TEXT_WIDTH - 1).collect::<String>() + "…";
        }
        let flags = if q.flags.is_empty() {
            String::new()
        } else {
            format!(
                "  [{}]",
                q.flags
                    .iter()
                    .map(|f| f.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        writeln!(
            self.out,
            "{:<24} {:>4} {:>4} {:<7} {:<24} {:<18} “{}”{}",
            clip(&q.doc, 24),
            q.index,
            q.paragraph,
            q.kind.as_str(),
            clip(q.speaker.as_deref().unwrap_or("-"), 24),
            clip(q.method.as_deref().unwrap_or("-"), 18),
            text,
            flags
        )
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn clip(s: &str, width: usize) -> String {
    let s = &*sanitize::line(s);
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let tail: String = s
            .chars()
            .rev()
            .take(width - 1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{tail}")
    }
}
