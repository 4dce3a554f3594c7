//! The command line: one file per subcommand.

mod batches;
mod diff;
mod eval;
mod extract;
pub mod output;
mod progress;
mod reading;
mod review;
mod serve;
mod terminal;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use quotecheck::lexicon::extra as lexicon;

use clap::{Parser, Subcommand};

/// Find every quotation in news text, say who said it, and check quotes.
#[derive(Parser, Debug)]
#[command(name = "quotecheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read extra words from the lists in DIR (cues.txt, roles.txt, first_names.txt, …,
    /// named and written like the compiled-in lists in src/lexicon/) and add them.
    #[arg(long, global = true, value_name = "DIR", env = "QUOTECHECK_LEXICON")]
    lexicon: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    Extract(extract::Args),
    Eval(eval::Args),
    Diff(diff::Args),
    Review(review::Args),
    Verify(verify::Args),
    Serve(serve::Args),
}

/// Parses the command line and runs the subcommand; the exit code on success.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    if let Some(dir) = &cli.lexicon {
        // Before anything is extracted: the lists are built at their first use.
        lexicon::install(lexicon::Extra::read_dir(dir)?)?;
    }
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Review(args) => review::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
