//! Writing verification results: readable (optionally coloured) text, JSON, JSONL and CSV.

use crate::sanitize::line;
use crate::style;
use std::io::{self, Write};

use serde::Serialize;

use super::{Edit, Verdict, Verified};

/// Output formats for `quotecheck verify`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text, one block per quote, with a summary.
    Text,
    /// One JSON array of objects.
    Json,
    /// One JSON object per quote per line.
    Jsonl,
    /// RFC 4180 CSV with a header row; stretches, flags and the diff flattened to text.
    Csv,
}

impl Format {
    /// The format a file name's extension suggests, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// The CSV shape of a [`Verified`] record.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct CsvRow {
    /// See [`Verified::doc`].
    pub doc: String,
    /// See [`Verified::index`].
    pub index: usize,
    /// See [`Verified::text`].
    pub text: String,
    /// See [`Verified::speaker`].
    pub speaker: Option<String>,
    /// See [`Verified::kind`].
    pub kind: String,
    /// See [`Verified::verdict`].
    pub verdict: String,
    /// See [`Verified::similarity`].
    pub similarity: f64,
    /// See [`Verified::source`].
    pub source: Option<String>,
    /// See [`Verified::start`].
    pub start: Option<usize>,
    /// See [`Verified::end`].
    pub end: Option<usize>,
    /// See [`Verified::line`].
    pub line: Option<usize>,
    /// See [`Verified::timestamp`].
    pub timestamp: Option<String>,
    /// See [`Verified::timestamp_end`].
    pub timestamp_end: Option<String>,
    /// Who the source credits (see [`Verified::source_speaker`]).
    pub source_speaker: Option<String>,
    /// Whether the quote's speaker was checked against the source's labels.
    pub speaker_checked: bool,
    /// `source:start-end` per stretch, joined with `;`.
    pub stretches: String,
    /// Joined with `;`.
    pub flags: String,
    /// The kinds of cosmetic difference, joined with `;`.
    pub differences: String,
    /// The diff in the text notation ([`diff_text`]).
    pub diff: String,
}

impl From<&Verified> for CsvRow {
    fn from(v: &Verified) -> CsvRow {
        CsvRow {
            doc: v.doc.clone(),
            index: v.index,
            text: v.text.clone(),
            speaker: v.speaker.clone(),
            kind: v.kind.to_string(),
            verdict: v.verdict.to_string(),
            similarity: v.similarity,
            source: v.source.clone(),
            start: v.start,
            end: v.end,
            line: v.line,
            timestamp: v.timestamp.clone(),
            timestamp_end: v.timestamp_end.clone(),
            source_speaker: v.source_speaker.clone(),
            speaker_checked: v.speaker_checked,
            stretches: v
                .stretches
                .iter()
                .map(|s| format!("{}:{}-{}", s.source, s.start, s.end))
                .collect::<Vec<_>>()
                .join(";"),
            flags: v.flags.join(";"),
            differences: v
                .differences
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            diff: diff_text(&v.diff, &Style::plain()),
        }
    }
}

impl CsvRow {
    /// The row with every text cell that a spreadsheet would read as a formula defused.
    fn defused(mut self) -> CsvRow {
        let d = |s: &mut String| *s = crate::export::defuse(s).into_owned();
        for cell in [
            &mut self.doc,
            &mut self.text,
            &mut self.stretches,
            &mut self.flags,
            &mut self.differences,
            &mut self.diff,
        ] {
            d(cell);
        }
        for cell in [
            &mut self.speaker,
            &mut self.source,
            &mut self.source_speaker,
        ]
        .into_iter()
        .flatten()
        {
            d(cell);
        }
        self
    }
}

/// ANSI colours for text output, or none.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Whether to colour.
    pub color: bool,
}

impl Style {
    /// No colour.
    pub fn plain() -> Style {
        Style { color: false }
    }

    fn paint(&self, style: anstyle::Style, s: &str) -> String {
        style::Paint::new(self.color).paint(style, s)
    }

    fn verdict(&self, v: Verdict) -> String {
        let code = match v {
            Verdict::Exact | Verdict::Cosmetic => style::GREEN.bold(),
            Verdict::Elided | Verdict::Bracketed => style::YELLOW.bold(),
            Verdict::Altered | Verdict::Spliced | Verdict::Misattributed | Verdict::NotFound => {
                style::RED.bold()
            }
            Verdict::Paraphrase => style::DIM,
        };
        self.paint(code, v.as_str())
    }
}

/// The word diff in a compact notation: source words left out `[-…-]`, quote words added
/// `{+…+}`, elisions `[…: words]`, brackets `[source => [quote]]`, cosmetic differences
/// `[~source => quote~]`, splices `[splice: words between]`.
pub fn diff_text(edits: &[Edit], style: &Style) -> String {
    let red = |s: String| style.paint(style::RED, &s);
    let green = |s: String| style.paint(style::GREEN, &s);
    let yellow = |s: String| style.paint(style::YELLOW, &s);
    let dim = |s: String| style.paint(style::DIM, &s);
    edits
        .iter()
        .map(|e| match shown(e) {
            Edit::Equal { text } => text,
            Edit::Cosmetic { quote, source } => dim(format!("[~{source} => {quote}~]")),
            Edit::Elided { source } => yellow(format!("[…: {source}]")),
            Edit::Bracketed { quote, source } => yellow(format!("[{source} => {quote}]")),
            Edit::Added { quote } => green(format!("{{+{quote}+}}")),
            Edit::Dropped { source } => red(format!("[-{source}-]")),
            Edit::Changed { quote, source } => {
                format!(
                    "{}{}",
                    red(format!("[-{source}-]")),
                    green(format!("{{+{quote}+}}"))
                )
            }
            Edit::Splice { source } => red(format!("[splice: {source}]")),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An edit with its text escaped for a terminal ([`line`]).
fn shown(e: &Edit) -> Edit {
    let l = |s: &String| line(s).into_owned();
    match e {
        Edit::Equal { text } => Edit::Equal { text: l(text) },
        Edit::Cosmetic { quote, source } => Edit::Cosmetic {
            quote: l(quote),
            source: l(source),
        },
        Edit::Elided { source } => Edit::Elided { source: l(source) },
        Edit::Bracketed { quote, source } => Edit::Bracketed {
            quote: l(quote),
            source: l(source),
        },
        Edit::Added { quote } => Edit::Added { quote: l(quote) },
        Edit::Dropped { source } => Edit::Dropped { source: l(source) },
        Edit::Changed { quote, source } => Edit::Changed {
            quote: l(quote),
            source: l(source),
        },
        Edit::Splice { source } => Edit::Splice { source: l(source) },
    }
}

/// A streaming sink for verification results.
pub struct Writer<'w> {
    format: Format,
    out: Box<dyn Write + 'w>,
    style: Style,
    csv: Option<csv::Writer<Box<dyn Write + 'w>>>,
    excel_safe: bool,
    count: usize,
    tally: [usize; Verdict::ALL.len()],
}

impl<'w> Writer<'w> {
    /// A writer of `format` to `out`.
    pub fn new(format: Format, out: Box<dyn Write + 'w>, style: Style) -> Writer<'w> {
        let (out, csv): (Box<dyn Write + 'w>, _) = if format == Format::Csv {
            (Box::new(io::sink()), Some(csv::Writer::from_writer(out)))
        } else {
            (out, None)
        };
        Writer {
            format,
            out,
            style,
            csv,
            excel_safe: false,
            count: 0,
            tally: [0; Verdict::ALL.len()],
        }
    }

    /// With `on`, CSV cells a spreadsheet would read as formulas are prefixed with an
    /// apostrophe ([`crate::export::defuse`]).
    pub fn excel_safe(mut self, on: bool) -> Writer<'w> {
        self.excel_safe = on;
        self
    }

    /// Writes one verified quote.
    pub fn write(&mut self, v: &Verified) -> io::Result<()> {
        self.tally[v.verdict as usize] += 1;
        let first = self.count == 0;
        self.count += 1;
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, v)?;
                writeln!(self.out)
            }
            Format::Json => {
                self.out.write_all(if first { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, v)?;
                Ok(())
            }
            Format::Csv => self
                .csv
                .as_mut()
                .expect("csv writer")
                .serialize(if self.excel_safe {
                    CsvRow::from(v).defused()
                } else {
                    CsvRow::from(v)
                })
                .map_err(io::Error::other),
            Format::Text => self.text(v),
        }
    }

    fn text(&mut self, v: &Verified) -> io::Result<()> {
        let s = self.style;
        let speaker = v
            .speaker
            .as_deref()
            .map(|n| format!("  {}", line(n)))
            .unwrap_or_default();
        let flags = if v.flags.is_empty() {
            String::new()
        } else {
            format!(" ({})", s.paint(style::RED.bold(), &v.flags.join(", ")))
        };
        let differences: Vec<&str> = v.differences.iter().map(|d| d.as_str()).collect();
        let flags = if differences.is_empty() {
            flags
        } else {
            format!("{flags} [{}]", differences.join(", "))
        };
        // A paraphrase was not compared, so it has no similarity to show, and its words
        // are the article's, not a quotation: no marks around them.
        let similarity = if v.verdict == Verdict::Paraphrase {
            String::new()
        } else {
            format!(" {:.2}", v.similarity)
        };
        writeln!(
            self.out,
            "{}#{} {}{}{}{}",
            line(&v.doc),
            v.index,
            s.verdict(v.verdict),
            flags,
            similarity,
            speaker
        )?;
        let joined = v.text.replace('\n', " ");
        let text = line(&joined);
        if v.kind == crate::kind::Kind::Indirect {
            writeln!(self.out, "  {} {text}", s.paint(style::DIM, "reported:"))?;
        } else {
            writeln!(self.out, "  “{text}”")?;
        }
        for st in &v.stretches {
            let time = match (&st.timestamp, &st.timestamp_end) {
                (Some(a), Some(b)) => format!(" [{a} --> {b}]"),
                _ => String::new(),
            };
            let who = st
                .speaker
                .as_deref()
                .map(|w| format!(" {}", line(w)))
                .unwrap_or_default();
            writeln!(
                self.out,
                "  {} {}:{} (chars {}–{}){}{}",
                s.paint(style::DIM, "at"),
                line(&st.source),
                st.line,
                st.start,
                st.end,
                time,
                who
            )?;
            // What the source says, for the editor to compare without opening it.
            if v.verdict != Verdict::Exact {
                writeln!(
                    self.out,
                    "    {} “{}”",
                    s.paint(style::DIM, "source:"),
                    line(&st.text)
                )?;
            }
        }
        if v.verdict == Verdict::Misattributed {
            writeln!(
                self.out,
                "  the source credits {}, not {}",
                line(v.source_speaker.as_deref().unwrap_or("someone else")),
                line(v.speaker.as_deref().unwrap_or("the quote's speaker"))
            )?;
        }
        if !matches!(
            v.verdict,
            Verdict::Exact | Verdict::NotFound | Verdict::Paraphrase
        ) {
            writeln!(self.out, "  {}", diff_text(&v.diff, &s))?;
        }
        writeln!(self.out)
    }

    /// Closes the output: the JSON array's `]`, the text summary; flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        match self.format {
            Format::Json => {
                if self.count == 0 {
                    self.out.write_all(b"[")?;
                }
                self.out.write_all(b"\n]\n")?;
            }
            Format::Csv => self.csv.as_mut().expect("csv writer").flush()?,
            Format::Text => {
                let parts: Vec<String> = Verdict::ALL
                    .iter()
                    .filter(|&&v| v != Verdict::Paraphrase && self.tally[v as usize] > 0)
                    .map(|&v| format!("{} {}", self.tally[v as usize], v))
                    .collect();
                let paraphrases = self.tally[Verdict::Paraphrase as usize];
                write!(
                    self.out,
                    "{}: {}",
                    crate::review::counted(self.count - paraphrases, "quote"),
                    parts.join(", ")
                )?;
                if paraphrases > 0 {
                    write!(
                        self.out,
                        "; {} not checked",
                        crate::review::counted(paraphrases, "paraphrase")
                    )?;
                }
                writeln!(self.out)?;
            }
            Format::Jsonl => {}
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;
    use crate::verify::Verifier;
    use crate::verify::source::Source;

    fn results() -> Vec<Verified> {
        let remarks = "Bashar al-Assad: We want to reach a clear goal. Our goal is to bring about \
                       their withdrawal from Syrian territory. We will not meet under these terms.";
        let article = "“We want to reach a [real] goal,” Assad said. “Our goal is to bring about \
                       their total withdrawal from Syrian territory,” he added. “We will … meet \
                       under these terms,” he said.";
        let verifier = Verifier::new(vec![Source::text("remarks.txt", remarks)]);
        verifier.verify_document(&Document::new("a.txt", article))
    }

    #[test]
    fn the_text_notation_marks_every_kind_of_edit() {
        let edits = vec![
            Edit::Equal {
                text: "We want".into(),
            },
            Edit::Cosmetic {
                quote: "To".into(),
                source: "to".into(),
            },
            Edit::Elided {
                source: "not".into(),
            },
            Edit::Bracketed {
                quote: "[Assad]".into(),
                source: "he".into(),
            },
            Edit::Added {
                quote: "really".into(),
            },
            Edit::Dropped {
                source: "very".into(),
            },
            Edit::Changed {
                quote: "big".into(),
                source: "clear".into(),
            },
            Edit::Splice {
                source: "and so on".into(),
            },
        ];
        assert_eq!(
            diff_text(&edits, &Style::plain()),
            "We want [~to => To~] […: not] [he => [Assad]] {+really+} [-very-] [-clear-]{+big+} [splice: and so on]"
        );
        let coloured = diff_text(&edits, &Style { color: true });
        assert!(coloured.contains("\x1b[31m[-very-]\x1b[0m"), "{coloured}");
    }

    #[test]
    fn the_text_summary_counts_one_quote_in_the_singular() {
        let results = results();
        let mut buf = Vec::new();
        {
            let mut w = Writer::new(Format::Text, Box::new(&mut buf), Style::plain());
            w.write(&results[0]).unwrap();
            w.finish().unwrap();
        }
        let out = String::from_utf8(buf).unwrap();
        let last = out.lines().last().unwrap();
        assert!(last.starts_with("1 quote: 1 "), "{out}");
    }

    #[test]
    fn every_format_writes_every_quote() {
        let results = results();
        assert_eq!(results.len(), 3);
        for format in [Format::Text, Format::Json, Format::Jsonl, Format::Csv] {
            let mut buf = Vec::new();
            {
                let mut w = Writer::new(format, Box::new(&mut buf), Style::plain());
                for r in &results {
                    w.write(r).unwrap();
                }
                w.finish().unwrap();
            }
            let out = String::from_utf8(buf).unwrap();
            match format {
                Format::Json => {
                    let v: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
                    assert_eq!(v.len(), 3);
                }
                Format::Jsonl => assert_eq!(out.lines().count(), 3),
                Format::Csv => assert_eq!(out.lines().count(), 4, "{out}"),
                Format::Text => {
                    assert!(
                        out.contains("3 quotes: 1 elided, 1 bracketed, 1 altered"),
                        "{out}"
                    );
                    assert!(out.contains("(meaning)"), "{out}");
                }
            }
        }
    }

    #[test]
    fn an_empty_json_array_is_still_json() {
        let mut buf = Vec::new();
        {
            let mut w = Writer::new(Format::Json, Box::new(&mut buf), Style::plain());
            w.finish().unwrap();
        }
        let v: Vec<serde_json::Value> = serde_json::from_slice(&buf).unwrap();
        assert!(v.is_empty());
    }
}
