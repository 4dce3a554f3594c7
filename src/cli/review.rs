//! `quotecheck review`: an editorial review of one article, as an HTML report or a terminal
//! summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::cli::output::Output;
use crate::cli::progress::{Progress, counted};
use crate::cli::terminal::ColorArgs;
use quotecheck::extract::{Options, extract_with};
use quotecheck::review::compare::{against_previous, against_sources};
use quotecheck::review::{Inputs, LOW_CONFIDENCE, Report, html, terminal};
use quotecheck::{Document, Input};

const EXAMPLES: &str = "\
Examples:
  quotecheck review fixtures/articles/putin-assad.txt
  quotecheck review article.txt --html review.html
  quotecheck review article-v2.txt --previous article-v1.txt --source transcript.txt
  quotecheck review article.txt --color never --all | less";

/// Review one article: flags, changed and unverified quotes, and who is quoted how much.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The article: a text or HTML file (read as `extract` reads it), or `-` for standard input.
    article: String,
    /// A previous version of the article: quotes changed, added or removed since are flagged.
    #[arg(long, value_name = "OLD")]
    previous: Option<PathBuf>,
    /// A source (transcript, statement) to check quotes against; may be repeated.
    #[arg(long = "source", value_name = "FILE")]
    sources: Vec<PathBuf>,
    /// Write a self-contained HTML report here (`-` for standard output) instead of the summary.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Flag attributions with a confidence below this.
    #[arg(long, value_name = "X", default_value_t = LOW_CONFIDENCE)]
    low_confidence: f64,
    /// In the terminal summary, list every flagged quote (not only 10 per group) and every quote.
    #[arg(long)]
    all: bool,
    /// Leave reported speech (kind indirect, no quotation marks) out of the report.
    #[arg(long)]
    quotes_only: bool,
    #[command(flatten)]
    color: ColorArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.low_confidence) {
        bail!(
            "--low-confidence must be between 0 and 1, not {}",
            args.low_confidence
        );
    }
    // Read as extract, diff and verify read: an HTML page by its article text, not its markup.
    let article_input = Input::from_arg(&args.article, false);
    let previous_input = args
        .previous
        .as_ref()
        .map(|p| Input::from_arg(&p.to_string_lossy(), false));
    let source_inputs: Vec<Input> = args
        .sources
        .iter()
        .map(|p| Input::from_arg(&p.to_string_lossy(), false))
        .collect();
    // Everything is written at the end, so the bar may share the terminal with it.
    let progress = Progress::new(
        Progress::size_of(
            std::iter::once(&article_input)
                .chain(&previous_input)
                .chain(&source_inputs),
        ),
        false,
    );
    let article = read_tracked(&article_input, &progress)?;
    let pipeline = Options::with_indirect(!args.quotes_only);
    let extraction = extract_with(&article, &pipeline);
    let mut inputs = Inputs {
        low_confidence: args.low_confidence,
        ..Inputs::default()
    };
    if let Some(input) = &previous_input {
        progress.stage("comparing with the previous version");
        let previous = read_tracked(input, &progress)?;
        let changes = against_previous(
            &extraction.quotes,
            &extract_with(&previous, &pipeline).quotes,
        );
        inputs.previous = Some((previous.id, changes));
    }
    if !args.sources.is_empty() {
        progress.stage("checking against the sources");
        inputs.sources = Some(against_sources(&extraction.quotes, &args.sources)?);
        progress.advance(Progress::size_of(&source_inputs).unwrap_or(0));
    }
    let report = Report::new(&article, extraction, inputs);
    progress.finish(&format!(
        "reviewed {}, {}",
        counted(report.entries.len() as u64, "quote"),
        counted(report.flag_count() as u64, "flag")
    ));

    match &args.html {
        Some(path) => {
            let mut inputs: Vec<PathBuf> = args.sources.clone();
            inputs.extend(args.previous.clone());
            if args.article != "-" {
                inputs.push(PathBuf::from(&args.article));
            }
            let mut out = Output::open(Some(path), &inputs)?;
            out.writer()
                .write_all(html::render(&report).as_bytes())
                .context("writing the report")?;
            out.commit()?;
        }
        None => {
            let color = args.color.enabled(std::io::stdout().is_terminal());
            let text = terminal::render(
                &report,
                terminal::Options {
                    color,
                    all: args.all,
                },
            );
            let mut out = Output::open(None, &[])?;
            out.writer()
                .write_all(text.as_bytes())
                .context("writing the summary")?;
            out.commit()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The one document of a text input.
fn read_tracked(input: &Input, progress: &Progress) -> anyhow::Result<Document> {
    let mut meter = progress.meter(input);
    let doc = input.documents()?.next().transpose()?;
    meter.end();
    progress.document_done();
    doc.context("no document to review")
}
