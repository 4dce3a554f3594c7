//! `quotecheck diff`: what happened to each quote between versions of an article.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use serde::Serialize;

use crate::cli::output::{self, Output};
use crate::cli::progress::{Progress, counted};
use crate::cli::terminal::ColorArgs;
use quotecheck::diff::report::{self, TextOptions};
use quotecheck::diff::{self, Diff, History, Options, Series, Summary, Version};
use quotecheck::export::defuse;
use quotecheck::extract::{Options as Pipeline, extract_with};
use quotecheck::{Input, Quote};

const EXAMPLES: &str = "\
Examples:
  quotecheck diff before.txt after.txt
  quotecheck diff v1.txt v2.txt v3.txt --format csv -o history.csv
  quotecheck diff monday.jsonl tuesday.jsonl --format jsonl   (pairs documents by id)
  curl -s https://example.org/story | quotecheck diff saved.txt -

Reported speech without quotation marks (kind indirect) is compared like a quote: a claim
reworded or credited to someone else between versions is reported. --quotes-only leaves
it out.

Exit status: 0 when no quote changed, 1 when some did, 2 on trouble.";

/// Compare the quotes of two or more versions: reworded, re-attributed, moved, split,
/// merged, added, removed.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The versions, oldest first: text files, `-` for standard input, or `.jsonl` corpora
    /// (documents are paired by id). More than two make a series.
    #[arg(required = true, num_args = 2.., value_name = "VERSION")]
    inputs: Vec<String>,
    /// Read every input as a JSONL corpus, whatever its extension.
    #[arg(long)]
    corpus: bool,
    /// Output format [default: text on a terminal, jsonl otherwise, or from -o's extension].
    #[arg(long, short, value_enum)]
    format: Option<DiffFormat>,
    #[command(flatten)]
    color: ColorArgs,
    /// Show unchanged quotes too (text output).
    #[arg(long, short)]
    all: bool,
    /// The lowest alignment score (0 to 1) at which two quotes are the same quote.
    #[arg(long, default_value_t = diff::DEFAULT_THRESHOLD, value_parser = unit_interval)]
    threshold: f64,
    /// Write to this file (written whole or not at all; `-` for standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// In CSV, prefix cells starting with = + - @ with an apostrophe.
    #[arg(long)]
    excel_safe: bool,
    /// Leave reported speech (kind indirect, no quotation marks) out: compare quotes only.
    #[arg(long)]
    quotes_only: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum DiffFormat {
    /// Readable, coloured on a terminal.
    Text,
    /// One JSON object: the diff (or, for a series or corpora, every diff).
    Json,
    /// One pair per line.
    Jsonl,
    /// One row per pair, the old and new records flattened into old_… and new_… columns.
    Csv,
}

fn unit_interval(s: &str) -> Result<f64, String> {
    let x: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not between 0 and 1"))
    }
}

/// One document across the versions: its quotes in each (`None` where it is missing).
struct Thread {
    names: Vec<Option<String>>,
    quotes: Vec<Option<Vec<Quote>>>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .map(|a| Input::from_arg(a, args.corpus))
        .collect();
    let stdin = inputs.iter().filter(|i| i.is_stdin()).count();
    if stdin > 1 {
        bail!("standard input (-) can be only one of the versions");
    }
    let corpora = inputs.iter().filter(|i| i.is_corpus()).count();
    if corpora != 0 && corpora != inputs.len() {
        bail!("cannot compare a corpus with a text file: give all versions as .jsonl or none");
    }
    // The output is written at the end, so the bar may share a terminal with it.
    let progress = Progress::new(Progress::size_of(&inputs), false);
    let pipeline = Pipeline::with_indirect(!args.quotes_only);
    let threads = if corpora == 0 {
        vec![text_thread(&inputs, &pipeline, &progress)?]
    } else {
        corpus_threads(&args.inputs, &inputs, &pipeline, &progress)?
    };
    progress.stage("aligning");

    let options = Options {
        threshold: args.threshold,
    };
    let series: Vec<Series> = threads
        .iter()
        .map(|t| {
            let versions: Vec<Version<'_>> = t
                .names
                .iter()
                .zip(&t.quotes)
                .map(|(name, quotes)| Version {
                    name: name.as_deref(),
                    quotes: quotes.as_deref().unwrap_or(&[]),
                })
                .collect();
            diff::diff_series(&versions, &options)
        })
        .collect();
    let mut total = Summary::default();
    for d in series.iter().flat_map(|s| &s.diffs) {
        total.add(d.summary);
    }
    progress.finish(&format!(
        "compared {}: {} modified, {} added, {} removed",
        counted(
            threads.iter().map(|t| t.quotes.len() as u64).sum(),
            "version"
        ),
        total.modified,
        total.added,
        total.removed
    ));

    let mut out = Output::open(args.output.as_deref(), &output::files_of(&inputs))?;
    let format = args
        .format
        .or_else(|| {
            let ext = args.output.as_deref()?.extension()?.to_str()?;
            match ext {
                "csv" => Some(DiffFormat::Csv),
                "jsonl" | "ndjson" => Some(DiffFormat::Jsonl),
                "json" => Some(DiffFormat::Json),
                "txt" => Some(DiffFormat::Text),
                _ => None,
            }
        })
        .unwrap_or(if out.is_terminal() {
            DiffFormat::Text
        } else {
            DiffFormat::Jsonl
        });
    let color = args.color.enabled(out.is_terminal());
    let series_mode = inputs.len() > 2;
    {
        let mut w = std::io::BufWriter::new(out.writer());
        let style = Style {
            color,
            all: args.all,
            excel_safe: args.excel_safe,
        };
        write(&mut w, format, &series, total, series_mode, style).context("writing output")?;
        w.flush().context("writing output")?;
    }
    out.commit()?;
    Ok(if total.changed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// How to write: colour and `--all` for text, `--excel-safe` for CSV.
#[derive(Clone, Copy)]
struct Style {
    color: bool,
    all: bool,
    excel_safe: bool,
}

fn write(
    w: &mut impl Write,
    format: DiffFormat,
    series: &[Series],
    total: Summary,
    series_mode: bool,
    style: Style,
) -> anyhow::Result<()> {
    let Style {
        color,
        all,
        excel_safe,
    } = style;
    let diffs: Vec<&Diff> = series.iter().flat_map(|s| &s.diffs).collect();
    match format {
        DiffFormat::Text => {
            // Among many diffs (corpora, series), those where nothing changed only with -a.
            let shown = diffs
                .iter()
                .filter(|d| all || diffs.len() == 1 || d.summary.changed());
            for (k, d) in shown.enumerate() {
                if k > 0 {
                    writeln!(w)?;
                }
                w.write_all(report::text(d, TextOptions { color, all }).as_bytes())?;
            }
            if series_mode {
                for s in series {
                    writeln!(w)?;
                    w.write_all(report::history_text(&s.history, all).as_bytes())?;
                }
            }
        }
        DiffFormat::Json => {
            if let [d] = diffs.as_slice() {
                serde_json::to_writer_pretty(&mut *w, d)?;
            } else {
                #[derive(Serialize)]
                struct Many<'a> {
                    diffs: Vec<&'a Diff>,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    history: Option<Vec<&'a History>>,
                    summary: Summary,
                }
                let history = series_mode.then(|| series.iter().flat_map(|s| &s.history).collect());
                serde_json::to_writer_pretty(
                    &mut *w,
                    &Many {
                        diffs,
                        history,
                        summary: total,
                    },
                )?;
            }
            writeln!(w)?;
        }
        DiffFormat::Jsonl => {
            for p in diffs.iter().flat_map(|d| &d.pairs) {
                serde_json::to_writer(&mut *w, p)?;
                writeln!(w)?;
            }
        }
        DiffFormat::Csv => {
            let mut c = csv::Writer::from_writer(&mut *w);
            c.write_record(report::csv_header())?;
            for p in diffs.iter().flat_map(|d| &d.pairs) {
                let row = report::csv_row(p);
                if excel_safe {
                    c.write_record(row.iter().map(|cell| defuse(cell).into_owned()))?;
                } else {
                    c.write_record(row)?;
                }
            }
            c.flush()?;
        }
    }
    Ok(())
}

/// Text inputs: one document, one version per input.
fn text_thread(
    inputs: &[Input],
    pipeline: &Pipeline,
    progress: &Progress,
) -> anyhow::Result<Thread> {
    let mut names = Vec::new();
    let mut quotes = Vec::new();
    for input in inputs {
        for doc in progress.track(input, input.documents()?) {
            let doc = doc?;
            quotes.push(Some(extract_with(&doc, pipeline).quotes));
            progress.document_done();
            names.push(Some(doc.id));
        }
    }
    Ok(Thread { names, quotes })
}

/// Corpora: documents paired by id across the versions, in order of first appearance.
fn corpus_threads(
    args: &[String],
    inputs: &[Input],
    pipeline: &Pipeline,
    progress: &Progress,
) -> anyhow::Result<Vec<Thread>> {
    let n = inputs.len();
    let mut order: Vec<String> = Vec::new();
    let mut by_id: BTreeMap<String, Thread> = BTreeMap::new();
    for (v, (arg, input)) in args.iter().zip(inputs).enumerate() {
        for doc in progress.track(input, input.documents()?) {
            let doc = doc?;
            let thread = by_id.entry(doc.id.clone()).or_insert_with(|| {
                order.push(doc.id.clone());
                Thread {
                    names: vec![None; n],
                    quotes: vec![None; n],
                }
            });
            if thread.quotes[v].is_some() {
                bail!("{arg}: document id {:?} appears twice", doc.id);
            }
            thread.quotes[v] = Some(extract_with(&doc, pipeline).quotes);
            thread.names[v] = Some(format!("{arg}#{}", doc.id));
            progress.document_done();
        }
    }
    Ok(order.iter().filter_map(|id| by_id.remove(id)).collect())
}
