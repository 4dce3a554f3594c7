//! quotecheck for Python: a thin pyo3 layer over the crate's public API.
//!
//! Records are the crate's serde types turned into Python values (`records.rs`, pythonize
//! for any shape it does not handle), so a dict has exactly the fields, in the order, of
//! the CLI's JSONL line. Work on text runs with
//! the interpreter lock released; `extract_many` runs the crate's parallel corpus path
//! (`quotecheck::batch`) and overlaps building batch k's dicts with extracting batch k+1.
//! Every panic is caught before it could reach Python and raised as `QuotecheckError`.

use std::collections::{BTreeSet, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList, PyString, PyTuple};

use quotecheck::batch::{self, Limits, Pending};
use quotecheck::diff as versions;
use quotecheck::explain::explain_quotes;
use quotecheck::extract::{Extraction, Options, extract_with};
use quotecheck::verify::Verifier;
use quotecheck::verify::source::{Source, SourceKind};
use quotecheck::{Document, Kind, Quote};

mod records;

// As in the binary (src/main.rs): extraction allocates many small, short-lived Vecs and
// Strings per quote, and mimalloc serves them faster than the system malloc. It serves only
// Rust's allocations; Python's objects keep Python's allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use records::{Keys, to_py};

pyo3::create_exception!(
    quotecheck,
    QuotecheckError,
    PyValueError,
    "Input quotecheck cannot use (a source that does not parse, an unreadable file); the \
     message is the crate's, naming the file and line."
);

/// The crate's error with its causes, as the CLI prints them (`{:#}`).
fn message(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

fn crate_error(e: quotecheck::Error) -> PyErr {
    QuotecheckError::new_err(message(&e))
}

fn panic_error(what: &str, payload: Box<dyn std::any::Any + Send>) -> PyErr {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    QuotecheckError::new_err(format!(
        "internal error in {what} (please report it): {detail}"
    ))
}

/// Runs `f` with the interpreter lock released, turning a panic into `QuotecheckError`.
fn detached<T: Send>(py: Python<'_>, what: &str, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|p| panic_error(what, p))
}

/// The kinds to keep (`None`: all).
fn kinds(kinds: Option<Vec<String>>) -> PyResult<Option<BTreeSet<Kind>>> {
    let Some(kinds) = kinds else { return Ok(None) };
    kinds
        .iter()
        .map(|k| {
            k.parse::<Kind>().map_err(|_| {
                PyValueError::new_err(format!(
                    "unknown kind {k:?}: expected \"direct\", \"partial\" or \"term\""
                ))
            })
        })
        .collect::<PyResult<_>>()
        .map(Some)
}

fn wanted(kinds: &Option<BTreeSet<Kind>>, q: &Quote) -> bool {
    kinds.as_ref().is_none_or(|k| k.contains(&q.kind))
}

fn to_list<'py, T: serde::Serialize>(py: Python<'py>, items: &[T]) -> PyResult<Bound<'py, PyList>> {
    let keys = Keys::default();
    let list = PyList::empty(py);
    for item in items {
        list.append(to_py(py, &keys, item)?)?;
    }
    Ok(list)
}

/// Extract every quotation of `text`: one dict per quote, the JSONL record field for field.
#[pyfunction]
#[pyo3(signature = (text, *, doc=None, kinds=None, explain=false))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    doc: Option<String>,
    kinds: Option<Vec<String>>,
    explain: bool,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_arg(text, "text")?;
    let kinds = self::kinds(kinds)?;
    let document = Document::new(doc.unwrap_or_else(|| "-".to_string()), text);
    // As the CLI: reported speech only when its kind is wanted (all kinds by default).
    let options = Options {
        indirect: kinds.as_ref().is_none_or(|k| k.contains(&Kind::Indirect)),
        ..Options::default()
    };
    let (extraction, accounts) = detached(py, "extract", || {
        let extraction = extract_with(&document, &options);
        let accounts = explain.then(|| explain_quotes(&document, &options));
        (extraction, accounts)
    })?;
    let keys = Keys::default();
    let list = PyList::empty(py);
    for (i, q) in extraction.quotes.iter().enumerate() {
        if !wanted(&kinds, q) {
            continue;
        }
        let record = to_py(py, &keys, q)?;
        if let Some(accounts) = &accounts {
            let account = accounts.get(i).map_or("", |a| a.trim_end());
            record.cast::<PyDict>()?.set_item("explanation", account)?;
        }
        list.append(record)?;
    }
    Ok(list)
}

fn text_arg(value: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{name} must be a str, not {}",
            value.get_type().name()?
        ))),
    }
}

/// The pool `extract_many` uses when `threads` is not given: one worker per core, built once.
fn default_pool() -> PyResult<Arc<rayon::ThreadPool>> {
    static POOL: OnceLock<Arc<rayon::ThreadPool>> = OnceLock::new();
    if let Some(pool) = POOL.get() {
        return Ok(pool.clone());
    }
    let pool = Arc::new(batch::pool(None).map_err(|e| QuotecheckError::new_err(e.to_string()))?);
    Ok(POOL.get_or_init(|| pool).clone())
}

/// Records of many documents, in input order, as they are extracted.
#[pyclass(module = "quotecheck")]
struct RecordIterator {
    /// The documents still to read; `None` once exhausted or failed.
    items: Option<Py<PyIterator>>,
    /// Position of the next item read (the id of a plain string).
    position: usize,
    pool: Arc<rayon::ThreadPool>,
    kinds: Option<BTreeSet<Kind>>,
    /// The batch being extracted, and the error that ended its reading (raised after its
    /// records).
    pending: Option<(Pending, Option<PyErr>)>,
    /// Records of the current batch not yet handed out.
    ready: VecDeque<Quote>,
    /// Raised once `ready` is empty.
    failure: Option<PyErr>,
    /// Field names made once for all records.
    keys: Keys,
}

impl RecordIterator {
    /// Reads the next batch with the lock held and starts its extraction on the pool.
    fn start_next(&mut self, py: Python<'_>) {
        let Some(items) = &self.items else { return };
        let mut items = items.bind(py).clone();
        let position = &mut self.position;
        let mut next = std::iter::from_fn(|| {
            let item = items.next()?;
            let at = *position;
            *position += 1;
            Some(item.and_then(|item| document(&item, at)))
        });
        let mut read = batch::fill(
            &mut next,
            Limits::default(),
            |d| d.as_ref().map_or(0, |d| d.text.len()),
            |d| d.is_err(),
        );
        let error = match read.last() {
            Some(Err(_)) => read.pop().and_then(Result::err),
            _ => None,
        };
        if read.is_empty() && error.is_none() {
            self.items = None;
            return;
        }
        if error.is_some() {
            self.items = None;
        }
        let docs: Vec<Document> = read.into_iter().filter_map(Result::ok).collect();
        self.pending = Some((
            batch::spawn_extract(
                &self.pool,
                docs,
                Options {
                    indirect: self
                        .kinds
                        .as_ref()
                        .is_none_or(|k| k.contains(&Kind::Indirect)),
                    ..Options::default()
                },
            ),
            error,
        ));
    }
}

/// One input item as a document: a str, an `(id, text)` pair or a dict with `text` (and
/// `id`). A missing id is the item's 0-based position.
fn document(item: &Bound<'_, PyAny>, at: usize) -> PyResult<Document> {
    let id_of = |id: &Bound<'_, PyAny>| -> PyResult<String> {
        if let Ok(s) = id.cast::<PyString>() {
            Ok(s.to_cow()?.into_owned())
        } else if id.is_instance_of::<pyo3::types::PyInt>() {
            Ok(id.str()?.to_cow()?.into_owned())
        } else {
            Err(PyTypeError::new_err(format!(
                "extract_many: item {at}: the id must be a str or an int, not {}",
                id.get_type().name()?
            )))
        }
    };
    let text_of =
        |text: &Bound<'_, PyAny>| text_arg(text, &format!("extract_many: item {at}: the text"));
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(Document::new(at.to_string(), s.to_cow()?.into_owned()));
    }
    if let Ok(pair) = item.cast::<PyTuple>()
        && pair.len() == 2
    {
        return Ok(Document::new(
            id_of(&pair.get_item(0)?)?,
            text_of(&pair.get_item(1)?)?,
        ));
    }
    if let Ok(dict) = item.cast::<PyDict>() {
        let Some(text) = dict.get_item("text")? else {
            return Err(PyTypeError::new_err(format!(
                "extract_many: item {at}: a dict needs a \"text\" key"
            )));
        };
        let id = match dict.get_item("id")? {
            Some(id) => id_of(&id)?,
            None => at.to_string(),
        };
        return Ok(Document::new(id, text_of(&text)?));
    }
    Err(PyTypeError::new_err(format!(
        "extract_many: item {at} is a {}; expected a str, an (id, text) pair or a dict with \
         \"id\" and \"text\"",
        item.get_type().name()?
    )))
}

#[pymethods]
impl RecordIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            if let Some(q) = self.ready.pop_front() {
                return to_py(py, &self.keys, &q).map(Some);
            }
            if let Some(e) = self.failure.take() {
                return Err(e);
            }
            if self.pending.is_none() {
                self.start_next(py);
            }
            let Some((pending, error)) = self.pending.take() else {
                return Ok(None);
            };
            // Read the following batch and start it before waiting, so the workers extract
            // it while this thread turns the current one into dicts.
            self.start_next(py);
            let extractions: Vec<Extraction> = detached(py, "extract_many", || pending.wait())?
                .map_err(|p| panic_error("extract_many", p))?;
            let kinds = &self.kinds;
            self.ready.extend(
                extractions
                    .into_iter()
                    .flat_map(|e| e.quotes)
                    .filter(|q| wanted(kinds, q)),
            );
            self.failure = error;
        }
    }
}

/// Extract the quotations of many documents on a thread pool; records come back as a
/// generator, in input order.
#[pyfunction]
#[pyo3(signature = (docs, *, threads=None, kinds=None))]
fn extract_many(
    docs: &Bound<'_, PyAny>,
    threads: Option<usize>,
    kinds: Option<Vec<String>>,
) -> PyResult<RecordIterator> {
    if docs.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "extract_many takes an iterable of documents, not one str: use extract(text)",
        ));
    }
    let pool = match threads {
        None => default_pool()?,
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => {
            Arc::new(batch::pool(Some(n)).map_err(|e| QuotecheckError::new_err(e.to_string()))?)
        }
    };
    Ok(RecordIterator {
        items: Some(docs.try_iter()?.unbind()),
        position: 0,
        pool,
        kinds: self::kinds(kinds)?,
        pending: None,
        ready: VecDeque::new(),
        failure: None,
        keys: Keys::default(),
    })
}

/// What happened to each quote between two versions of an article: the pairs of the CLI's
/// `diff --format jsonl`.
#[pyfunction]
#[pyo3(signature = (old, new, *, old_name="old", new_name="new", threshold=versions::DEFAULT_THRESHOLD, quotes_only=false))]
fn diff<'py>(
    py: Python<'py>,
    old: &Bound<'py, PyAny>,
    new: &Bound<'py, PyAny>,
    old_name: &str,
    new_name: &str,
    threshold: f64,
    quotes_only: bool,
) -> PyResult<Bound<'py, PyList>> {
    if !(0.0..=1.0).contains(&threshold) {
        return Err(PyValueError::new_err(format!(
            "threshold must be between 0 and 1, not {threshold}"
        )));
    }
    let old = Document::new(old_name, text_arg(old, "old")?);
    let new = Document::new(new_name, text_arg(new, "new")?);
    let d = detached(py, "diff", || {
        let options = Options::with_indirect(!quotes_only);
        let before = extract_with(&old, &options).quotes;
        let after = extract_with(&new, &options).quotes;
        versions::diff(
            &old.id,
            &before,
            &new.id,
            &after,
            &versions::Options { threshold },
        )
    })?;
    to_list(py, &d.pairs)
}

/// One source for `verify`: a path (str or os.PathLike) to a text, .srt or .vtt file, or a
/// `(name, text)` pair whose name's extension says how to parse the text.
fn source(py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(pair) = item.cast::<PyTuple>() {
        if pair.len() != 2 {
            return Err(PyTypeError::new_err("a source pair must be (name, text)"));
        }
        let name = text_arg(&pair.get_item(0)?, "a source's name")?;
        let text = text_arg(&pair.get_item(1)?, "a source's text")?;
        let kind = SourceKind::from_path(std::path::Path::new(&name));
        return detached(py, "verify", || Source::parse(name, kind, text))?.map_err(crate_error);
    }
    let path: PathBuf = item.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "a source must be a path or a (name, text) pair, not {}",
            item.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    detached(py, "verify", || Source::load(&path))?.map_err(crate_error)
}

/// Check each direct and partial quote of `text` against the sources, and list its reported
/// speech as paraphrase: the records of the CLI's `verify --format jsonl`.
#[pyfunction]
#[pyo3(signature = (text, sources, *, doc=None, quotes_only=false, check_paraphrase=false))]
fn verify<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    sources: &Bound<'py, PyAny>,
    doc: Option<String>,
    quotes_only: bool,
    check_paraphrase: bool,
) -> PyResult<Bound<'py, PyList>> {
    if quotes_only && check_paraphrase {
        return Err(PyValueError::new_err(
            "quotes_only and check_paraphrase cannot be used together",
        ));
    }
    let text = text_arg(text, "text")?;
    let one = sources.is_instance_of::<PyString>()
        || sources.is_instance_of::<PyTuple>()
        || sources.hasattr("__fspath__")?;
    let sources: Vec<Source> = if one {
        vec![source(py, sources)?]
    } else {
        sources
            .try_iter()?
            .map(|s| source(py, &s?))
            .collect::<PyResult<_>>()?
    };
    if sources.is_empty() {
        return Err(PyValueError::new_err("verify needs at least one source"));
    }
    let document = Document::new(doc.unwrap_or_else(|| "-".to_string()), text);
    let verified = detached(py, "verify", || {
        Verifier::new(sources)
            .check_paraphrase(check_paraphrase)
            .verify_document_with(&document, &Options::with_indirect(!quotes_only))
    })?;
    to_list(py, &verified)
}

/// The native part of the `quotecheck` package.
#[pymodule]
fn _quotecheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_class::<RecordIterator>()?;
    m.add("QuotecheckError", m.py().get_type::<QuotecheckError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
