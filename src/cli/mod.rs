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

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Find every quotation in news text, say who said it, and check quotes.
#[derive(Parser, Debug)]
#[command(name = "quotecheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
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
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Review(args) => review::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
