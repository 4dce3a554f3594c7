//! `quotecheck serve`: the fact-check workbench, a local web app over an SQLite database.
//!
//! - [`db`]: opening the database and its versioned schema;
//! - [`store`]: reading and writing stories, versions, quotes, sources and decisions;
//! - [`story`]: aligning a new version with the previous one (decisions follow quote ids),
//!   its changes, and quotes with decisions applied;
//! - [`api`]: the JSON API, one file per resource; [`router`]: every route in one place;
//! - [`auth`]: Host, token and same-origin checks; [`http`]: the bounded HTTP server;
//! - [`assets`]: the page, its script and style.
//!
//! docs/SERVE.md describes the workflow and the API.

pub mod api;
pub mod assets;
pub mod auth;
pub mod db;
pub mod http;
pub mod router;
pub mod store;
pub mod story;

use std::net::{IpAddr, TcpListener};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

/// What `serve` needs to start.
#[derive(Clone, Debug)]
pub struct Options {
    /// The database file.
    pub db: PathBuf,
    /// The address to listen on.
    pub host: IpAddr,
    /// The port (0: any free one).
    pub port: u16,
    /// The token every request must carry (required off loopback).
    pub token: Option<String>,
    /// Files to load on start.
    pub files: Vec<String>,
    /// Worker threads.
    pub workers: usize,
}

/// Loads `files` into the database: a file whose name is a story's gets added as its next
/// version when its text changed (and is skipped when it did not), any other starts a story.
fn load_files(conn: &mut rusqlite::Connection, files: &[String]) -> Result<usize> {
    let mut loaded = 0;
    for arg in files {
        let input = quotecheck::Input::from_arg(arg, false);
        for doc in input.documents().with_context(|| arg.clone())? {
            let doc = doc.with_context(|| arg.clone())?;
            let latest =
                store::latest_named(conn, &doc.id).map_err(|e| anyhow::anyhow!(e.message))?;
            let previous = match latest {
                Some((_, text)) if text == doc.text => continue,
                Some((id, _)) => Some(id),
                None => None,
            };
            let name = doc.id.clone();
            store::add_version(conn, &name, &doc, previous)
                .map_err(|e| anyhow::anyhow!("{arg}: {}", e.message))?;
            loaded += 1;
        }
    }
    Ok(loaded)
}

/// Opens the database, loads the files, prints the URL and serves until killed.
pub fn run(options: Options) -> Result<()> {
    let loopback = options.host.is_loopback();
    if !loopback && options.token.is_none() {
        bail!(
            "listening on {} (not loopback) needs --token: anyone who can reach the port \
             could read and change the database",
            options.host
        );
    }
    if let Some(t) = &options.token
        && (t.len() < 8 || !t.bytes().all(|b| b.is_ascii_graphic() && b != b';'))
    {
        bail!("--token must be at least 8 printable characters, without spaces or ';'");
    }
    let mut conn = db::open(&options.db)?;
    let loaded = load_files(&mut conn, &options.files)?;
    drop(conn);
    let listener = TcpListener::bind((options.host, options.port))
        .with_context(|| format!("cannot listen on {}:{}", options.host, options.port))?;
    let addr = listener.local_addr()?;
    let shown = match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let query = options
        .token
        .as_ref()
        .map(|t| format!("?token={t}"))
        .unwrap_or_default();
    eprintln!(
        "quotecheck serve: database {} ({loaded} file(s) loaded); press Ctrl-C to stop",
        options.db.display()
    );
    println!("http://{shown}:{}/{query}", addr.port());
    use std::io::Write as _;
    std::io::stdout().flush()?;
    let guard = auth::Guard {
        port: addr.port(),
        loopback,
        token: options.token.clone(),
    };
    let db = options.db.clone();
    http::serve(listener, options.workers, move || {
        let conn = db::open(&db)?;
        let mut router = router::Router {
            guard: guard.clone(),
            conn,
        };
        Ok(move |req| router.handle(req))
    })?;
    Ok(())
}
