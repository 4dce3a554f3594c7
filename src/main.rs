//! The `quotecheck` binary: parse arguments, run, map errors to exit codes
//! (0 success, 1 differences found where a command reports them, 2 trouble, 3 when
//! `extract --keep-going` skipped something).

mod cli;
mod serve;

use std::process::ExitCode;

// mimalloc: extraction allocates many small, short-lived Vecs and Strings (words, names,
// mentions) per quote; glibc's malloc and free were ~9% of corpus extraction.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (quotecheck extract … | head) is not an error.
            if err.chain().any(is_broken_pipe) {
                return ExitCode::SUCCESS;
            }
            // Messages quote file names and ids: nothing in them may act on the terminal.
            let message = quotecheck::sanitize::line(&format!("{err:#}")).into_owned();
            eprintln!("quotecheck: {message}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error in the chain is a write to a closed pipe, however it is wrapped: the
/// JSON and CSV writers carry the I/O error inside their own error types.
fn is_broken_pipe(err: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    if let Some(e) = err.downcast_ref::<std::io::Error>() {
        return e.kind() == BrokenPipe;
    }
    if let Some(e) = err.downcast_ref::<serde_json::Error>() {
        return e.io_error_kind() == Some(BrokenPipe);
    }
    if let Some(e) = err.downcast_ref::<csv::Error>() {
        return matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe);
    }
    false
}
