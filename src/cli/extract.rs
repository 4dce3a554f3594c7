//! `quotecheck extract`: quote records from text files, standard input or JSONL corpora.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output::Output;
use quotecheck::export::{self, Format};
use quotecheck::extract::{Options, extract_with};
use quotecheck::scan;
use quotecheck::{Input, Kind};

const EXAMPLES: &str = "\
Examples:
  quotecheck extract fixtures/articles/putin-assad.txt
  quotecheck extract article.txt --format csv -o quotes.csv --excel-safe
  cat article.txt | quotecheck extract - --kinds direct,partial
  quotecheck extract corpus.jsonl --format jsonl > quotes.jsonl
  quotecheck extract --corpus articles.ndjson --format json";

/// Extract every quotation, with its kind and offsets.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Text files, `-` for standard input, or `.jsonl` corpora (one {"id","text"} per line).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Read every input as a JSONL corpus, whatever its extension.
    #[arg(long)]
    corpus: bool,
    /// Output format [default: table on a terminal, jsonl otherwise, or from -o's extension].
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    /// Only these kinds, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "direct,partial,term")]
    kinds: Vec<Kind>,
    /// Write to this file (written whole or not at all).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// In CSV, prefix cells starting with = + - @ with an apostrophe.
    #[arg(long)]
    excel_safe: bool,
    /// Read two apostrophes ('') as a double quotation mark, as some archives typed them.
    #[arg(long)]
    double_apostrophes: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kinds: BTreeSet<Kind> = args.kinds.iter().copied().collect();
    let mut out = Output::open(args.output.as_deref())?;
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
    };
    let pipeline = Options {
        scan: scan::Options {
            double_apostrophes: args.double_apostrophes,
        },
    };
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .map(|a| Input::from_arg(a, args.corpus))
        .collect();
    {
        let mut writer = export::writer(format, out.writer(), options);
        for input in &inputs {
            for doc in input.documents()? {
                let doc = doc?;
                let extraction = extract_with(&doc, &pipeline);
                for stray in &extraction.stray_marks {
                    eprintln!(
                        "quotecheck: {}:{}: warning: closing mark {} at offset {} closes nothing",
                        stray.doc, stray.line, stray.mark, stray.start
                    );
                }
                for quote in extraction.quotes.iter().filter(|q| kinds.contains(&q.kind)) {
                    writer.write(quote).context("writing output")?;
                }
            }
        }
        writer.finish().context("writing output")?;
    }
    out.commit()?;
    Ok(ExitCode::SUCCESS)
}
