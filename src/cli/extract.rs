//! `quotecheck extract`: quote records from text files, standard input or JSONL corpora.

use std::collections::BTreeSet;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::cli::batches;
use crate::cli::output::{self, Output};
use crate::cli::progress::{Progress, counted};
use crate::cli::reading;
use crate::cli::terminal::{self, ColorArgs};
use quotecheck::export::{self, Encoder, Format, QuoteWriter};
use quotecheck::extract::{Options, StrayMark, Stream, extract_with};
use quotecheck::{Document, Error, Input, Kind, Quote};
use quotecheck::{sanitize, scan};

const EXAMPLES: &str = "\
Examples:
  quotecheck extract fixtures/articles/putin-assad.txt
  quotecheck extract article.txt --format csv -o quotes.csv --excel-safe
  cat article.txt | quotecheck extract - --kinds direct,partial
  quotecheck extract corpus.jsonl --format jsonl > quotes.jsonl
  quotecheck extract --corpus articles.ndjson --format json
  quotecheck extract page.html --selector 'article .story-body'
  quotecheck extract archive/ 'pages/**/*.htm' --format csv -o quotes.csv
  quotecheck extract old-site.txt --encoding windows-1252
  quotecheck extract export.csv --id-column slug --text-column body

Exit status: 0 success, 2 trouble, 3 when --keep-going skipped an input or a line.";

/// The exit status of a `--keep-going` run that skipped something.
const SKIPPED: u8 = 3;

/// Extract every quotation, with its kind and offsets.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Text or HTML files, directories (read recursively), globs, `-` for standard input,
    /// `.jsonl` corpora (one {"id","text"} or {"id","html"} per line) or `.csv` corpora.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Read every input as a JSONL corpus, whatever its extension (same as --input-format jsonl).
    #[arg(long)]
    corpus: bool,
    #[command(flatten)]
    reading: reading::ReadArgs,
    /// Output format [default: table on a terminal, jsonl otherwise, or from -o's extension].
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    /// Only these kinds, comma-separated: direct, partial, term (quoted stretches) and
    /// indirect (reported speech without quotation marks).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "direct,partial,term,indirect"
    )]
    kinds: Vec<Kind>,
    /// Write to this file (written whole or not at all).
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    color: ColorArgs,
    /// In CSV, prefix cells starting with = + - @ with an apostrophe.
    #[arg(long)]
    excel_safe: bool,
    /// Read two apostrophes ('') as a double quotation mark, as some archives typed them.
    #[arg(long)]
    double_apostrophes: bool,
    /// Print, per quote, the evidence for its speaker (cue and mention in context, and the
    /// chain a pronoun was resolved through) instead of records.
    #[arg(long, conflicts_with = "format")]
    explain: bool,
    /// Worker threads [default: one per core]. Output keeps input order whatever the number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Report each corpus line, file or directory entry that cannot be read (bad JSON, bad
    /// UTF-8, missing or unreadable file, dangling symlink, symlink loop) and carry on with
    /// the next, instead of stopping with exit code 2; the run then exits with 3.
    #[arg(long)]
    keep_going: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kinds: BTreeSet<Kind> = args.kinds.iter().copied().collect();
    if let Some(path) = &args.output
        && args.format.is_none()
        && Format::from_path(path).is_none()
        && let Some(ext) = path.extension()
    {
        // `-o quotes.tsv` must not quietly write JSONL into a file named .tsv.
        bail!(
            "{}: cannot tell the output format from .{}; name it with --format \
             (csv, json, jsonl, table) or use one of .csv .json .jsonl .ndjson .txt",
            path.display(),
            ext.to_string_lossy()
        );
    }
    let (inputs, unreadable): (Vec<Input>, _) =
        reading::inputs(&args.inputs, args.corpus, &args.reading, args.keep_going)?;
    let mut skipped = unreadable.len();
    for problem in unreadable {
        let message = format!("{:#}", anyhow::Error::from(problem));
        eprintln!("quotecheck: {} (skipped)", sanitize::line(&message));
    }
    let mut out = Output::open(args.output.as_deref(), &output::files_of(&inputs))?;
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(if out.is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        });
    let options = export::Options {
        excel_safe: args.excel_safe,
        width: terminal::width(out.is_terminal()),
        color: args.color.enabled(out.is_terminal()),
    };
    let pipeline = Options {
        scan: scan::Options {
            double_apostrophes: args.double_apostrophes,
        },
        indirect: kinds.contains(&Kind::Indirect),
    };
    if args.explain {
        let mut w = BufWriter::new(out.writer());
        for input in &inputs {
            for doc in input.documents()? {
                let text = quotecheck::explain::explain(&doc?, &pipeline);
                w.write_all(sanitize::terminal(&text).as_bytes())?;
            }
        }
        w.flush()?;
        drop(w);
        out.commit()?;
        return Ok(ExitCode::SUCCESS);
    }
    // A bar on a terminal's standard error unless the table streams to that terminal.
    let progress = Progress::new(Progress::size_of(&inputs), out.is_terminal());
    // Inputs are opened one after another, as they are reached.
    let docs = inputs
        .into_iter()
        .flat_map(|input| match input.documents() {
            Ok(docs) => {
                Box::new(progress.track(&input, docs)) as Box<dyn Iterator<Item = _> + Send>
            }
            Err(e) => Box::new(std::iter::once(Err(e))),
        });
    let mut quotes = 0;
    let pool = batches::pool(args.threads.map(usize::from))?;
    let encoder = Encoder::new(format, options);
    {
        let mut sink = match encoder {
            Some(encoder) => Sink::Bytes {
                // A document's records are kilobytes: a 64 KiB buffer writes an eighth as
                // often as the default 8 KiB.
                out: BufWriter::with_capacity(1 << 16, out.writer()),
                header: Some(encoder.header()),
            },
            None => Sink::Records(export::writer(format, out.writer(), options)),
        };
        // Extraction, and for JSONL and CSV the encoding of records, runs on the workers;
        // this thread only writes, in input order. A large document is extracted here,
        // each record written as it is made: its records could take many times its size.
        let wanted = |q: &Quote| kinds.contains(&q.kind);
        let process = |doc: &Document| -> anyhow::Result<Extracted> {
            let mut warnings = reading::warning(doc).unwrap_or_default();
            if doc.text.len() > STREAMED {
                return Ok(Extracted {
                    records: Records::Streamed,
                    warnings,
                    quotes: 0,
                });
            }
            let extraction = extract_with(doc, &pipeline);
            warnings.push_str(&stray_warnings(&extraction.stray_marks));
            let quotes = extraction.quotes.iter().filter(|q| wanted(q)).count() as u64;
            let records = match encoder {
                Some(encoder) => {
                    // About 300 bytes of field names and numbers per record besides its
                    // strings: one allocation instead of a doubling series of copies.
                    let size = extraction
                        .quotes
                        .iter()
                        .map(|q| 320 + 2 * q.doc.len() + q.text.len())
                        .sum();
                    let mut bytes = Vec::with_capacity(size);
                    encoder.encode(extraction.quotes.iter().filter(|q| wanted(q)), &mut bytes)?;
                    Records::Bytes(bytes)
                }
                None => Records::Quotes(extraction.quotes.into_iter().filter(wanted).collect()),
            };
            Ok(Extracted {
                records,
                warnings,
                quotes,
            })
        };
        let write = |done: Extracted, doc: &Document, progress: &Progress| -> anyhow::Result<()> {
            if !done.warnings.is_empty() {
                progress.warn(&done.warnings);
            }
            quotes += done.quotes;
            if let Records::Streamed = done.records {
                let stream = Stream::new(doc, &pipeline);
                let warnings = stray_warnings(stream.stray_marks());
                if !warnings.is_empty() {
                    progress.warn(&warnings);
                }
                quotes += sink
                    .write_each(stream, encoder, wanted)
                    .context("writing output")?;
                return Ok(());
            }
            sink.write(done.records).context("writing output")
        };
        let bad = |err: Error, progress: &Progress| -> anyhow::Result<()> {
            match err {
                Error::Corpus { .. }
                | Error::Io { .. }
                | Error::Utf8 { .. }
                | Error::Decode { .. }
                | Error::Read { .. }
                    if args.keep_going =>
                {
                    skipped += 1;
                    let message = format!("{:#}", anyhow::Error::from(err));
                    progress.warn(&format!("quotecheck: {message} (skipped)\n"));
                    Ok(())
                }
                err => Err(err.into()),
            }
        };
        batches::run(&pool, &progress, docs, process, write, bad)?;
        sink.finish().context("writing output")?;
    }
    out.commit()?;
    progress.finish(&format!("extracted {}", counted(quotes, "quote")));
    if skipped > 0 {
        eprintln!("quotecheck: warning: skipped {skipped} unreadable input(s) or document(s)");
        // A pipeline must be able to tell a complete run from one with holes.
        return Ok(ExitCode::from(SKIPPED));
    }
    Ok(ExitCode::SUCCESS)
}

/// Documents with more text than this are extracted on the writing thread, each record
/// written as soon as it is made ([`Stream`]). Ordinary articles are a few kilobytes.
const STREAMED: usize = 1 << 20;

/// One document's records, encoded on a worker when the format allows.
enum Records {
    Bytes(Vec<u8>),
    Quotes(Vec<Quote>),
    /// Left for the writing thread to extract (more than [`STREAMED`] bytes of text).
    Streamed,
}

/// The warnings for closing marks that closed nothing.
fn stray_warnings(stray_marks: &[StrayMark]) -> String {
    let mut warnings = String::new();
    for stray in stray_marks {
        warnings.push_str(&format!(
            "quotecheck: {}:{}: warning: closing mark {} at offset {} closes nothing\n",
            sanitize::line(&stray.doc),
            stray.line,
            stray.mark,
            stray.start
        ));
    }
    warnings
}

struct Extracted {
    records: Records,
    /// Stray-mark warnings, printed in input order.
    warnings: String,
    /// How many records (for the summary line).
    quotes: u64,
}

/// Where records go: encoded bytes copied to the output, or a stateful writer.
enum Sink<'w> {
    Bytes {
        out: BufWriter<Box<dyn Write + 'w>>,
        /// Written before the first record, then `None`.
        header: Option<Vec<u8>>,
    },
    Records(Box<dyn QuoteWriter + 'w>),
}

impl Sink<'_> {
    fn write(&mut self, records: Records) -> std::io::Result<()> {
        match (self, records) {
            (Sink::Bytes { out, header }, Records::Bytes(bytes)) => {
                if bytes.is_empty() {
                    return Ok(());
                }
                if let Some(header) = header.take() {
                    out.write_all(&header)?;
                }
                out.write_all(&bytes)
            }
            (Sink::Records(writer), Records::Quotes(quotes)) => {
                quotes.iter().try_for_each(|q| writer.write(q))
            }
            (_, Records::Streamed) => unreachable!("streamed records are written by write_each"),
            _ => unreachable!("the encoder decides both"),
        }
    }

    /// Writes the records of `stream` that are `wanted` as they are made, encoded in
    /// runs of a thousand; returns how many.
    fn write_each(
        &mut self,
        stream: Stream<'_>,
        encoder: Option<Encoder>,
        wanted: impl Fn(&Quote) -> bool,
    ) -> std::io::Result<u64> {
        const RUN: usize = 1024;
        let mut count = 0;
        let mut run: Vec<Quote> = Vec::with_capacity(RUN.min(stream.len()));
        let mut bytes = Vec::new();
        let mut flush = |run: &mut Vec<Quote>, sink: &mut Sink<'_>| -> std::io::Result<()> {
            count += run.len() as u64;
            match (sink, encoder) {
                (Sink::Bytes { out, header }, Some(encoder)) => {
                    if run.is_empty() {
                        return Ok(());
                    }
                    if let Some(header) = header.take() {
                        out.write_all(&header)?;
                    }
                    bytes.clear();
                    encoder.encode(run.iter(), &mut bytes)?;
                    out.write_all(&bytes)?;
                }
                (Sink::Records(writer), _) => run.iter().try_for_each(|q| writer.write(q))?,
                _ => unreachable!("the encoder decides both"),
            }
            run.clear();
            Ok(())
        };
        stream.for_each(|q| {
            if wanted(&q) {
                run.push(q);
                if run.len() == RUN {
                    flush(&mut run, self)?;
                }
            }
            Ok::<(), std::io::Error>(())
        })?;
        flush(&mut run, self)?;
        Ok(count)
    }

    fn finish(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Bytes { out, .. } => out.flush(),
            Sink::Records(writer) => writer.finish(),
        }
    }
}
