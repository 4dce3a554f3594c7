//! The corpus loop of `extract`: [`quotecheck::batch::run`] (documents read in bounded
//! batches, processed on a thread pool, results handed back in input order) with a
//! progress line on a terminal.
//!
//! While the pool processes batch k, one of its threads reads batch k+1; the calling thread
//! then writes batch k's results in order. With one thread everything runs in turn.

use std::cell::Cell;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};

use quotecheck::batch::{self, Limits};
use quotecheck::{Document, Error};

/// A pool of `threads` workers (`None`: one per core).
pub fn pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    Ok(batch::pool(threads)?)
}

/// Runs `process` over every document of `docs` on `pool` and passes each result, in input
/// order, to `write`. A document that could not be read goes to `bad` instead, which
/// decides whether to carry on.
pub fn run<T, P, W, B>(
    pool: &rayon::ThreadPool,
    docs: impl Iterator<Item = quotecheck::Result<Document>> + Send,
    process: P,
    mut write: W,
    mut bad: B,
) -> anyhow::Result<()>
where
    T: Send,
    P: Fn(&Document) -> anyhow::Result<T> + Sync,
    W: FnMut(T, &Progress) -> anyhow::Result<()>,
    B: FnMut(Error, &Progress) -> anyhow::Result<()>,
{
    let progress = Progress::new();
    batch::run(
        pool,
        docs,
        Limits::default(),
        process,
        |outcome| match outcome {
            Ok((out, doc)) => {
                write(out?, &progress)?;
                progress.advance(doc.text.len());
                Ok(())
            }
            Err(e) => bad(e, &progress),
        },
    )?;
    progress.finish();
    Ok(())
}

/// A progress line on standard error when it is a terminal; nothing otherwise.
pub struct Progress {
    bar: Option<ProgressBar>,
    text_bytes: Cell<u64>,
}

impl Progress {
    fn new() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {human_pos} documents, {msg} of text [{elapsed}]",
                )
                .expect("valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            text_bytes: Cell::new(0),
        }
    }

    fn advance(&self, text_bytes: usize) {
        if let Some(bar) = &self.bar {
            self.text_bytes
                .set(self.text_bytes.get() + text_bytes as u64);
            bar.inc(1);
            bar.set_message(HumanBytes(self.text_bytes.get()).to_string());
        }
    }

    /// Prints `message` on standard error without garbling the progress line, control
    /// characters escaped ([`quotecheck::sanitize::terminal`]).
    pub fn warn(&self, message: &str) {
        let message = quotecheck::sanitize::terminal(message);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprint!("{message}")),
            None => eprint!("{message}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
