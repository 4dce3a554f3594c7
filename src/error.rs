//! The library's error type: short messages that name the file and, where there is one, the line.

use std::path::PathBuf;

/// What can go wrong in the library; each message names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed; the cause is the source (shown by `{:#}`).
    #[error("{}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: not valid UTF-8 (first bad byte at offset {offset}, line {line}); if the \
         file is in another encoding, name it with --encoding (windows-1252, latin1, utf-16le, \
         utf-16be), or replace bad bytes with --lossy"
    )]
    /// A file that is not valid UTF-8 and was given no `--encoding`.
    Utf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first bad byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    #[error(
        "{path}: not valid {encoding} (first bad byte at offset {offset}, line {line}); \
         --lossy replaces undecodable bytes"
    )]
    /// A file that does not decode in the encoding it was given.
    Decode {
        /// The file.
        path: PathBuf,
        /// The encoding's name.
        encoding: &'static str,
        /// Byte offset of the first bad byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// A file that was read but cannot be used as a whole: a binary file, an HTML page the
    /// selector finds nothing in, a gold file with no documents.
    #[error("{path}: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A bad line of a corpus, a gold file or a source.
    #[error("{path}:{line}: {message}")]
    Corpus {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A bad option or combination of options.
    #[error("{0}")]
    Usage(String),
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A bad line `line` of `path`.
    pub fn corpus(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Error {
        Error::Corpus {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}
