//! The library's error type: short messages that name the file and, where there is one, the line.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed; the cause is the source (shown by `{:#}`).
    #[error("{}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: not valid UTF-8 (first bad byte at offset {offset}, line {line}); if the \
         file is in another encoding, name it with --encoding (windows-1252, latin1, utf-16le, \
         utf-16be), or replace bad bytes with --lossy"
    )]
    Utf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
    },
    #[error(
        "{path}: not valid {encoding} (first bad byte at offset {offset}, line {line}); \
         --lossy replaces undecodable bytes"
    )]
    Decode {
        path: PathBuf,
        encoding: &'static str,
        offset: usize,
        line: usize,
    },
    #[error("{path}: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}:{line}: {message}")]
    Corpus {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{0}")]
    Usage(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn corpus(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Error {
        Error::Corpus {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}
