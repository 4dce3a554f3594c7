//! Many documents at once: bounded batches processed on a thread pool, results in input
//! order. The CLI's corpus loop (`src/cli/batches.rs`) and the Python package's
//! `extract_many` both run on this.
//!
//! Memory stays flat however many documents come: a batch holds at most
//! [`Limits::docs`] documents and [`Limits::bytes`] of text (a single larger document makes
//! a batch of one), and [`run`] keeps at most two alive (the one being processed and the one
//! being read ahead). [`spawn_extract`] lets a caller that must read its input itself (the
//! Python package, which needs the interpreter lock to read) overlap its own work on batch
//! k with the extraction of batch k+1.

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, mpsc};

use rayon::prelude::*;

use crate::document::Document;
use crate::error::Error;
use crate::extract::{Extraction, Options, extract_with};

/// At most this many documents per batch, by default.
pub const BATCH_DOCS: usize = 1024;
/// At most this much text per batch by default (more only when one document is larger).
pub const BATCH_BYTES: usize = 1 << 20;

/// How large a batch may grow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// At most this many documents.
    pub docs: usize,
    /// At most this many bytes of text (a single larger document makes a batch of one).
    pub bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            docs: BATCH_DOCS,
            bytes: BATCH_BYTES,
        }
    }
}

/// A pool of `threads` workers (`None`: one per core).
pub fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    let mut builder = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("quotecheck-{i}"));
    if let Some(n) = threads {
        builder = builder.num_threads(n);
    }
    builder.build()
}

/// Takes the next batch from `items`: up to `limits` (`bytes` measuring each item's text),
/// and never past an item for which `last` is true (an error after which reading stops).
/// Empty when `items` is exhausted.
pub fn fill<T>(
    items: &mut impl Iterator<Item = T>,
    limits: Limits,
    bytes: impl Fn(&T) -> usize,
    last: impl Fn(&T) -> bool,
) -> Vec<T> {
    let mut batch = Vec::new();
    let mut size = 0;
    for item in items.by_ref() {
        size += bytes(&item);
        let stop = last(&item);
        batch.push(item);
        if stop || batch.len() >= limits.docs.max(1) || size >= limits.bytes {
            break;
        }
    }
    batch
}

/// The extraction of every document of `docs`, in order, in parallel on the current rayon
/// pool (run it inside `pool.install` to choose the pool).
pub fn extract_all(docs: &[Document], options: &Options) -> Vec<Extraction> {
    docs.par_iter().map(|d| extract_with(d, options)).collect()
}

/// A batch being extracted on a pool; [`Pending::wait`] blocks until it is done.
pub struct Pending {
    /// In a mutex only so that `Pending` is `Sync` and can sit in a Python object.
    done: Mutex<mpsc::Receiver<std::thread::Result<Vec<Extraction>>>>,
}

impl Pending {
    /// The extractions, in the order the documents were given; `Err` with the panic's
    /// payload if extraction panicked (caught on the worker, so the pool and the caller
    /// live on).
    pub fn wait(self) -> std::thread::Result<Vec<Extraction>> {
        let done = self.done.into_inner().unwrap_or_else(|e| e.into_inner());
        done.recv()
            .unwrap_or_else(|_| Err(Box::new("the batch's worker stopped without a result")))
    }
}

/// Starts extracting `docs` on `pool` and returns at once.
pub fn spawn_extract(pool: &rayon::ThreadPool, docs: Vec<Document>, options: Options) -> Pending {
    let (send, done) = mpsc::sync_channel(1);
    pool.spawn(move || {
        let out = panic::catch_unwind(AssertUnwindSafe(|| extract_all(&docs, &options)));
        // The receiver may have been dropped (the caller stopped iterating): nothing to do.
        let _ = send.send(out);
    });
    Pending {
        done: Mutex::new(done),
    }
}

/// Runs `process` over every document of `docs` on `pool` and passes each outcome, in input
/// order, to `emit`: the result of `process`, or the error a document could not be read
/// with. The first error `emit` returns stops the run. An I/O error ends reading (it may
/// repeat forever).
pub fn run<T, E, P, W>(
    pool: &rayon::ThreadPool,
    mut docs: impl Iterator<Item = crate::Result<Document>> + Send,
    limits: Limits,
    process: P,
    mut emit: W,
) -> Result<(), E>
where
    T: Send,
    P: Fn(&Document) -> T + Sync,
    W: FnMut(Result<(T, &Document), Error>) -> Result<(), E>,
{
    let take = |docs: &mut _| {
        fill(
            docs,
            limits,
            |d: &crate::Result<Document>| d.as_ref().map_or(0, |d| d.text.len()),
            |d| matches!(d, Err(Error::Io { .. })),
        )
    };
    let mut batch = take(&mut docs);
    while !batch.is_empty() {
        let (results, next) = pool.install(|| {
            rayon::join(
                || {
                    batch
                        .par_iter()
                        .map(|doc| doc.as_ref().ok().map(&process))
                        .collect::<Vec<_>>()
                },
                || take(&mut docs),
            )
        });
        for (result, doc) in results.into_iter().zip(batch) {
            match (result, doc) {
                (Some(out), Ok(doc)) => emit(Ok((out, &doc)))?,
                (_, Err(e)) => emit(Err(e))?,
                (None, Ok(_)) => unreachable!("every read document is processed"),
            }
        }
        batch = next;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn news() -> Vec<Document> {
        [
            "“We have an opportunity,” Putin said.",
            "The senator said the plan was “dead on arrival.”",
            "No quotes here at all.",
            "“It is time,” said Angela Merkel, the chancellor. “We are ready.”",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), *t))
        .collect()
    }

    #[test]
    fn fill_stops_at_the_document_limit_the_byte_limit_and_a_last_item() {
        let limits = Limits { docs: 3, bytes: 10 };
        let mut items = [1usize, 1, 1, 1].into_iter();
        assert_eq!(fill(&mut items, limits, |&n| n, |_| false), vec![1, 1, 1]);
        let mut items = [4usize, 7, 1].into_iter();
        assert_eq!(fill(&mut items, limits, |&n| n, |_| false), vec![4, 7]);
        let mut items = [1usize, 0, 1].into_iter();
        assert_eq!(fill(&mut items, limits, |&n| n, |&n| n == 0), vec![1, 0]);
        assert_eq!(items.next(), Some(1));
        let mut big = [50usize, 1].into_iter();
        assert_eq!(fill(&mut big, limits, |&n| n, |_| false), vec![50]);
        assert!(fill(&mut std::iter::empty::<usize>(), limits, |&n| n, |_| false).is_empty());
    }

    #[test]
    fn extract_all_equals_extract_per_document_in_order() {
        let docs = news();
        let pool = pool(Some(2)).unwrap();
        let all = pool.install(|| extract_all(&docs, &Options::default()));
        let one: Vec<Extraction> = docs.iter().map(extract).collect();
        assert_eq!(all, one);
        assert!(all[0].quotes[0].speaker.is_some());
    }

    #[test]
    fn spawned_batches_come_back_whole_and_in_order() {
        let docs = news();
        let pool = pool(Some(2)).unwrap();
        let first = spawn_extract(&pool, docs[..2].to_vec(), Options::default());
        let second = spawn_extract(&pool, docs[2..].to_vec(), Options::default());
        let got: Vec<Extraction> = first
            .wait()
            .unwrap()
            .into_iter()
            .chain(second.wait().unwrap())
            .collect();
        assert_eq!(got, docs.iter().map(extract).collect::<Vec<_>>());
    }

    #[test]
    fn run_keeps_input_order_across_batches_and_reports_unreadable_documents() {
        let docs = news();
        let mut input: Vec<crate::Result<Document>> = docs.iter().cloned().map(Ok).collect();
        input.insert(2, Err(Error::corpus("c.jsonl", 3, "expected an object")));
        let pool = pool(Some(2)).unwrap();
        let mut seen = Vec::new();
        let limits = Limits {
            docs: 2,
            bytes: 1 << 20,
        };
        let out: Result<(), String> = run(
            &pool,
            input.into_iter(),
            limits,
            |d| extract(d).quotes.len(),
            |r| {
                seen.push(match r {
                    Ok((n, doc)) => format!("{}:{n}", doc.id),
                    Err(e) => e.to_string(),
                });
                Ok(())
            },
        );
        out.unwrap();
        let want: Vec<String> = vec![
            format!("d0:{}", extract(&docs[0]).quotes.len()),
            format!("d1:{}", extract(&docs[1]).quotes.len()),
            "c.jsonl:3: expected an object".to_string(),
            "d2:0".to_string(),
            format!("d3:{}", extract(&docs[3]).quotes.len()),
        ];
        assert_eq!(seen, want);
    }

    #[test]
    fn run_stops_at_the_first_error_emit_returns() {
        let pool = pool(Some(1)).unwrap();
        let mut calls = 0;
        let out = run(
            &pool,
            news().into_iter().map(Ok),
            Limits::default(),
            |_| (),
            |_| {
                calls += 1;
                if calls == 2 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!(out, Err("stop"));
        assert_eq!(calls, 2);
    }
}
