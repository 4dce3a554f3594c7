//! `quotecheck review`: an editorial review of one article, as an HTML report or a terminal
//! summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::cli::output::Output;
use crate::cli::terminal::ColorArgs;
use quotecheck::review::compare::{against_previous, against_sources};
use quotecheck::review::{Inputs, LOW_CONFIDENCE, Report, html, terminal};
use quotecheck::{Document, Input, extract};

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
    let article = read_one(Input::from_arg(&args.article, false))?;
    let extraction = extract(&article);
    let mut inputs = Inputs {
        low_confidence: args.low_confidence,
        ..Inputs::default()
    };
    if let Some(path) = &args.previous {
        let previous = read_one(Input::from_arg(&path.to_string_lossy(), false))?;
        let changes = against_previous(&extraction.quotes, &extract(&previous).quotes);
        inputs.previous = Some((previous.id, changes));
    }
    if !args.sources.is_empty() {
        inputs.sources = Some(against_sources(&extraction.quotes, &args.sources)?);
    }
    let report = Report::new(&article, extraction, inputs);

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
fn read_one(input: Input) -> anyhow::Result<Document> {
    let doc = input.documents()?.next().transpose()?;
    doc.context("no document to review")
}
