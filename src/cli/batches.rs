//! The corpus loop of `extract`: [`quotecheck::batch::run`] (documents read in bounded
//! batches, processed on a thread pool, results handed back in input order), moving the
//! progress bar ([`Progress`]) as each document is written.
//!
//! While the pool processes batch k, one of its threads reads batch k+1; the calling thread
//! then writes batch k's results in order. With one thread everything runs in turn.

use quotecheck::batch::{self, Limits};
use quotecheck::{Document, Error};

use crate::cli::progress::Progress;

/// A pool of `threads` workers (`None`: one per core).
pub fn pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    Ok(batch::pool(threads)?)
}

/// Runs `process` over every document of `docs` on `pool` and passes each result, in input
/// order, to `write` (with the document). A document that could not be read goes to `bad` instead, which
/// decides whether to carry on.
pub fn run<T, P, W, B>(
    pool: &rayon::ThreadPool,
    progress: &Progress,
    docs: impl Iterator<Item = quotecheck::Result<Document>> + Send,
    process: P,
    mut write: W,
    mut bad: B,
) -> anyhow::Result<()>
where
    T: Send,
    P: Fn(&Document) -> anyhow::Result<T> + Sync,
    W: FnMut(T, &Document, &Progress) -> anyhow::Result<()>,
    B: FnMut(Error, &Progress) -> anyhow::Result<()>,
{
    batch::run(
        pool,
        docs,
        Limits::default(),
        process,
        |outcome| match outcome {
            Ok((out, doc)) => {
                write(out?, doc, progress)?;
                progress.document_done();
                Ok(())
            }
            Err(e) => bad(e, progress),
        },
    )?;
    Ok(())
}
