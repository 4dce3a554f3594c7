//! Output destinations, chosen so that writing an output can never destroy a file.
//!
//! - No path, or `-`, is standard output, for every output flag.
//! - A regular file (new or existing) is written whole or not at all: a temporary file
//!   beside it, renamed into place on success and removed on error, on SIGINT, SIGTERM and
//!   SIGHUP. An existing file keeps its mode (and, where we may, its owner); a new one gets
//!   0666 less the umask, as any shell redirection would.
//! - A symbolic link is written through: its target is replaced, the link stays. A dangling
//!   link is refused.
//! - A path that is one of the run's inputs (also through a symlink or a hard link) is
//!   refused, before anything is read or written.
//! - A directory or a block device is refused. Character devices and FIFOs (`/dev/null`, a
//!   named pipe) and anything under `/dev` or `/proc` (`/dev/stdout`, `/dev/fd/3`) are
//!   streams, not files to replace: they are opened and written in place.

use std::fs::{self, File, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::{Context, bail};

use quotecheck::sanitize;

/// Where output goes.
pub enum Output {
    /// Standard output (no path, or `-`).
    Stdout(io::Stdout),
    /// A device, FIFO or `/dev`/`/proc` path, written in place.
    Stream(File),
    /// A regular file: a temporary beside `path`, renamed onto it by [`Output::commit`].
    File {
        /// The temporary file being written.
        temp: tempfile::NamedTempFile,
        /// The file it replaces on commit (a symlink's target, not the link).
        path: PathBuf,
    },
}

/// Temporary files not yet moved into place, removed if a signal ends the run.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs (once) the handler that removes pending temporary files on SIGINT/SIGTERM/SIGHUP
/// and exits with 128 + the signal's usual number (130 for an interrupt).
fn clean_up_on_signals() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // If a handler cannot be installed (one already is), the run goes on unprotected.
        let _ = ctrlc::set_handler(|| {
            if let Ok(pending) = PENDING.lock() {
                for path in pending.iter() {
                    let _ = fs::remove_file(path);
                }
            }
            std::process::exit(130);
        });
    });
}

fn pending_add(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(path.to_path_buf());
    }
}

fn pending_remove(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != path);
    }
}

/// `path` as the user wrote it, made absolute without resolving links.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Whether `path` names a stream to write in place rather than a file to replace.
fn is_stream_path(path: &Path) -> bool {
    let abs = absolute(path);
    abs.starts_with("/dev") || abs.starts_with("/proc")
}

/// The identity (device, inode) of every input that is a file, for the same-file check.
fn identities(inputs: &[PathBuf]) -> Vec<(u64, u64)> {
    inputs
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| (m.dev(), m.ino()))
        .collect()
}

/// The files among `inputs` (standard input aside), for [`Output::open`]'s same-file check.
pub fn files_of(inputs: &[quotecheck::Input]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|i| match &i.source {
            quotecheck::document::Source::File(path) => Some(path.clone()),
            quotecheck::document::Source::Stdin => None,
        })
        .collect()
}

/// Shown in messages: the path with control characters escaped.
fn shown(path: &Path) -> String {
    sanitize::line(&path.display().to_string()).into_owned()
}

impl Output {
    /// Standard output when `path` is `None` or `-`; otherwise the destination described in
    /// the module documentation. `inputs` are the run's input files: an output that is one
    /// of them is refused.
    pub fn open(path: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<Output> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output::Stdout(io::stdout()));
        };
        let name = shown(path);
        let link = fs::symlink_metadata(path).ok();
        let target = match fs::metadata(path) {
            Ok(meta) => Some(meta),
            Err(_) if link.as_ref().is_some_and(|m| m.file_type().is_symlink()) => {
                bail!("{name}: is a symbolic link to nothing; not writing through it")
            }
            Err(_) => None,
        };
        if let Some(meta) = &target {
            if identities(inputs).contains(&(meta.dev(), meta.ino())) {
                bail!("{name}: is also an input of this run; refusing to write over it");
            }
            let kind = meta.file_type();
            if kind.is_dir() {
                bail!("{name}: is a directory; give a file name for the output");
            }
            if kind.is_block_device() {
                bail!("{name}: is a block device; refusing to write to it");
            }
            if !kind.is_file() || is_stream_path(path) {
                let file = OpenOptions::new()
                    .append(true)
                    .open(path)
                    .with_context(|| format!("{name}: cannot open for writing"))?;
                return Ok(Output::Stream(file));
            }
        } else if is_stream_path(path) {
            bail!("{name}: does not exist; outputs under /dev and /proc are never created");
        }
        // Write the link's target, not the link.
        let path = match &target {
            Some(_) => fs::canonicalize(path).with_context(|| format!("{name}: cannot resolve"))?,
            None => path.to_path_buf(),
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        clean_up_on_signals();
        // A new file gets 0666 less the umask (the mode is given to open(2), which applies
        // the umask); an existing one keeps its mode, set exactly below.
        let temp = tempfile::Builder::new()
            .prefix(".quotecheck-")
            .permissions(fs::Permissions::from_mode(0o666))
            .tempfile_in(dir)
            .with_context(|| format!("{name}: cannot create output"))?;
        pending_add(temp.path());
        if let Some(meta) = &target {
            let file = temp.as_file();
            // Keeping the owner is only possible as root or for one's own files; best effort.
            let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
            file.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o7777))
                .with_context(|| format!("{name}: cannot set the output's mode"))?;
        }
        Ok(Output::File { temp, path })
    }

    /// Whether the output is a terminal (for choosing a human format).
    pub fn is_terminal(&self) -> bool {
        match self {
            Output::Stdout(s) => s.is_terminal(),
            Output::Stream(f) => f.is_terminal(),
            Output::File { .. } => false,
        }
    }

    /// A writer over the destination.
    pub fn writer(&mut self) -> Box<dyn Write + '_> {
        match self {
            Output::Stdout(s) => Box::new(s.lock()),
            Output::Stream(f) => Box::new(f),
            Output::File { temp, .. } => Box::new(temp.as_file_mut()),
        }
    }

    /// Moves a file output into place; a stream is just flushed.
    pub fn commit(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut s) => Ok(s.flush()?),
            Output::Stream(mut f) => Ok(f.flush()?),
            Output::File { temp, path } => {
                temp.as_file().sync_all().ok();
                let temp_path = temp.path().to_path_buf();
                let result = temp
                    .persist(&path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("{}: cannot write output", shown(&path)));
                pending_remove(&temp_path);
                result.map(drop)
            }
        }
    }
}
