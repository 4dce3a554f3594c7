//! Output destinations: standard output, or a file written whole or not at all (a temporary
//! file beside it, renamed into place on success).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Where output goes.
pub enum Output {
    Stdout(io::Stdout),
    File {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
    },
}

impl Output {
    /// Standard output, or a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::Stdout(io::stdout())),
            Some(path) => {
                let dir = match path.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let temp = tempfile::Builder::new()
                    .prefix(".quotecheck-")
                    .tempfile_in(dir)
                    .with_context(|| format!("{}: cannot create output", path.display()))?;
                Ok(Output::File {
                    temp,
                    path: path.to_path_buf(),
                })
            }
        }
    }

    /// Whether the output is a terminal (for choosing a human format).
    pub fn is_terminal(&self) -> bool {
        matches!(self, Output::Stdout(s) if s.is_terminal())
    }

    /// A writer over the destination.
    pub fn writer(&mut self) -> Box<dyn Write + '_> {
        match self {
            Output::Stdout(s) => Box::new(s.lock()),
            Output::File { temp, .. } => Box::new(temp.as_file_mut()),
        }
    }

    /// Moves a file output into place; standard output is just flushed.
    pub fn commit(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut s) => Ok(s.flush()?),
            Output::File { temp, path } => {
                temp.as_file().sync_all().ok();
                temp.persist(&path)
                    .with_context(|| format!("{}: cannot write output", path.display()))?;
                Ok(())
            }
        }
    }
}
