//! `quotecheck serve`: the fact-check workbench (docs/SERVE.md).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Start the fact-check workbench: a local web app where an editor corrects and checks
/// quotes, loads new versions and exports the result.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database that holds stories, versions, sources and decisions.
    #[arg(long, default_value = "quotecheck.db")]
    db: PathBuf,
    /// The port to listen on (0: a free one; the URL is printed).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The address to listen on; anything but loopback needs --token.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// A secret every request must carry (the printed URL includes it).
    #[arg(long, env = "QUOTECHECK_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Articles (text or HTML) to load on start.
    files: Vec<String>,
}

/// Runs the server until it is killed.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    crate::serve::run(crate::serve::Options {
        db: args.db,
        host: args.host,
        port: args.port,
        token: args.token,
        files: args.files,
        workers: 4,
    })?;
    Ok(ExitCode::SUCCESS)
}
