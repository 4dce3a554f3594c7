//! `quotecheck verify`: check each quote of one or more articles against transcripts and
//! other sources.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output::{self, Output};
use crate::cli::progress::{Progress, counted};
use crate::cli::terminal::ColorArgs;
use quotecheck::extract::{Options, extract_with};
use quotecheck::verify::Verifier;
use quotecheck::verify::report::{Format, Style, Writer};
use quotecheck::verify::source::{Source, SourceKind};
use quotecheck::{Input, Kind};

const EXAMPLES: &str = "\
Examples:
  quotecheck verify fixtures/articles/putin-assad.txt --source fixtures/sources/putin-assad-remarks.srt
  quotecheck verify article.txt --source hearing.vtt --source statement.txt --format json
  quotecheck verify articles.jsonl --source transcript.txt --format csv -o verdicts.csv

Reported speech without quotation marks (kind indirect) is listed with the verdict
`paraphrase` and not checked word for word: an article's paraphrase is not meant to match
the source's words. --check-paraphrase aligns it like a quote; --quotes-only leaves it out.

Exit status: 0 when every quote is exact, cosmetic, or elided without a meaning flag (a
paraphrase left unchecked passes); 1 otherwise; 2 on trouble (unreadable files, bad SRT/VTT).";

/// Check each direct and partial quote against transcripts (text, SRT, WebVTT) and articles;
/// list reported speech as paraphrase.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Articles: text files, `-` for standard input, or `.jsonl` corpora ({"id","text"}).
    #[arg(required = true)]
    articles: Vec<String>,
    /// A source: `.srt`, `.vtt`, `.jsonl` (each document a source) or plain text. Repeatable.
    #[arg(long, short, required = true, value_name = "FILE")]
    source: Vec<PathBuf>,
    /// Read every article input as a JSONL corpus, whatever its extension.
    #[arg(long)]
    corpus: bool,
    /// Output format [default: text on a terminal, jsonl otherwise, or from -o's extension].
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    #[command(flatten)]
    color: ColorArgs,
    /// Write to this file (written whole or not at all; `-` for standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// In CSV, prefix cells starting with = + - @ with an apostrophe.
    #[arg(long)]
    excel_safe: bool,
    /// Check reported speech (kind indirect) word for word against the sources too, instead
    /// of listing it as `paraphrase`.
    #[arg(long, conflicts_with = "quotes_only")]
    check_paraphrase: bool,
    /// Leave reported speech out: only direct and partial quotes.
    #[arg(long)]
    quotes_only: bool,
}

fn load_sources(paths: &[PathBuf], progress: &Progress) -> anyhow::Result<Vec<Source>> {
    let mut sources = Vec::new();
    for path in paths {
        let mut meter = progress.meter(&source_input(path));
        if path.extension().is_some_and(|e| e == "jsonl") {
            for doc in Input::from_arg(&path.to_string_lossy(), true).documents()? {
                let doc = doc?;
                let name = format!("{}#{}", path.display(), doc.id);
                sources.push(Source::parse(name, SourceKind::Text, doc.text)?);
            }
        } else {
            sources.push(Source::load(Path::new(path))?);
        }
        meter.end();
    }
    Ok(sources)
}

/// A source path as an input, for its size.
fn source_input(path: &Path) -> Input {
    Input::from_arg(&path.to_string_lossy(), false)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs: Vec<Input> = args
        .articles
        .iter()
        .map(|a| Input::from_arg(a, args.corpus))
        .collect();
    let mut out = Output::open(
        args.output.as_deref(),
        &[output::files_of(&inputs), args.source.clone()].concat(),
    )?;
    let terminal = out.is_terminal();
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(if terminal {
            Format::Text
        } else {
            Format::Jsonl
        });
    let color = args.color.enabled(terminal);
    // Sources and articles together; text output streams to a terminal itself.
    let sizes: Vec<Input> = args.source.iter().map(|p| source_input(p)).collect();
    let total = Progress::size_of(sizes.iter().chain(&inputs));
    let progress = Progress::new(total, terminal);
    progress.stage("reading sources");
    let sources = load_sources(&args.source, &progress)?;
    progress.stage("indexing sources");
    let verifier = Verifier::new(sources).check_paraphrase(args.check_paraphrase);
    let pipeline = Options::with_indirect(!args.quotes_only);
    progress.stage("0 documents");
    let mut quotes = 0;
    let mut all_pass = true;
    {
        let mut writer =
            Writer::new(format, out.writer(), Style { color }).excel_safe(args.excel_safe);
        for input in &inputs {
            let mut meter = progress.meter(input);
            for doc in input.documents()? {
                let doc = doc?;
                // Quote by quote (what verify_document does), so one long article moves
                // the bar too.
                let mut done = 0;
                for quote in extract_with(&doc, &pipeline)
                    .quotes
                    .iter()
                    .filter(|q| q.kind != Kind::Term)
                {
                    let verified = verifier.verify(quote);
                    all_pass &= verified.passes();
                    writer.write(&verified).context("writing output")?;
                    meter.text(quote.byte_end.saturating_sub(done));
                    done = done.max(quote.byte_end);
                    quotes += 1;
                }
                meter.text(doc.text.len().saturating_sub(done));
                progress.document_done();
            }
            meter.end();
        }
        writer.finish().context("writing output")?;
    }
    out.commit()?;
    progress.finish(&format!("verified {}", counted(quotes, "quote")));
    Ok(if all_pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
