//! The corpus loop: documents read in bounded batches, processed on a thread pool, their
//! results handed back in input order.
//!
//! Memory stays flat however large the corpus: at most two batches are alive at once (the
//! one being processed and the one being read ahead), each capped at [`BATCH_DOCS`]
//! documents and [`BATCH_BYTES`] of text (a single larger document makes a batch of one).
//! While the pool processes batch k, one of its threads reads batch k+1; the calling thread
//! then writes batch k's results in order. With one thread everything runs in turn.

use std::cell::Cell;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use quotecheck::{Document, Error};

/// At most this many documents per batch.
pub const BATCH_DOCS: usize = 1024;
/// At most this much text per batch (more only when one document is larger).
pub const BATCH_BYTES: usize = 1 << 20;

/// A pool of `threads` workers (`None`: one per core).
pub fn pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("quotecheck-{i}"));
    if let Some(n) = threads {
        builder = builder.num_threads(n);
    }
    Ok(builder.build()?)
}

/// Runs `process` over every document of `docs` on `pool` and passes each result, in input
/// order, to `write`. A document that could not be read goes to `bad` instead, which
/// decides whether to carry on.
pub fn run<T, P, W, B>(
    pool: &rayon::ThreadPool,
    mut docs: impl Iterator<Item = quotecheck::Result<Document>> + Send,
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
    let mut batch = read_batch(&mut docs);
    while !batch.is_empty() {
        let (results, next) = pool.install(|| {
            rayon::join(
                || {
                    batch
                        .par_iter()
                        .map(|doc| match doc {
                            Ok(doc) => Ok(process(doc).map(|out| (out, doc.text.len()))),
                            Err(_) => Err(()),
                        })
                        .collect::<Vec<_>>()
                },
                || read_batch(&mut docs),
            )
        });
        for (result, doc) in results.into_iter().zip(batch) {
            match (result, doc) {
                (Ok(out), _) => {
                    let (out, len) = out?;
                    write(out, &progress)?;
                    progress.advance(len);
                }
                (Err(()), Err(e)) => bad(e, &progress)?,
                (Err(()), Ok(_)) => unreachable!("only unread documents fail"),
            }
        }
        batch = next;
    }
    progress.finish();
    Ok(())
}

fn read_batch(
    docs: &mut impl Iterator<Item = quotecheck::Result<Document>>,
) -> Vec<quotecheck::Result<Document>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    for doc in docs.by_ref() {
        bytes += doc.as_ref().map_or(0, |d| d.text.len());
        let fatal = matches!(doc, Err(Error::Io { .. }));
        batch.push(doc);
        // An I/O error may repeat forever: stop reading at it.
        if fatal || batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
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
