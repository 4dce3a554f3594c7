//! Progress on standard error for long runs (extract, verify, diff, review): a bar with a
//! percentage and ETA when the input size is known (files), a byte count otherwise
//! (standard input), then one summary line. Only when standard error is a terminal, so
//! pipes, files and tests see nothing; and not while records stream to the same terminal
//! on standard output (they are the progress there, and a bar would garble them).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};

use quotecheck::document::Source;
use quotecheck::{Document, Input};

/// The bar, if one is shown, and what the summary counts.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    documents: AtomicU64,
    total: Option<u64>,
}

impl Progress {
    /// A bar over `total` input bytes (a spinner when `None`). `streaming_to_terminal`:
    /// the run writes its output to a terminal as it goes, so no bar is drawn.
    pub fn new(total: Option<u64>, streaming_to_terminal: bool) -> Progress {
        let shown = std::io::stderr().is_terminal() && !streaming_to_terminal;
        Progress::with_bar(total, shown.then(ProgressDrawTarget::stderr))
    }

    fn with_bar(total: Option<u64>, target: Option<ProgressDrawTarget>) -> Progress {
        let bar = target.map(|target| {
            let bar = ProgressBar::with_draw_target(total, target);
            let template = match total {
                // The bar takes what the terminal has left, so the line never wraps.
                Some(_) => {
                    "{percent:>3}% {binary_bytes}/{binary_total_bytes} · {msg} · {elapsed} \
                     (ETA {eta}) {wide_bar}"
                }
                None => "{spinner} {binary_bytes} · {msg} · {elapsed}",
            };
            bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
            bar.set_message("0 documents");
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            documents: AtomicU64::new(0),
            total,
        }
    }

    /// The input bytes of `inputs`: the sum of their file sizes, `None` when one is
    /// standard input or cannot be measured.
    pub fn size_of<'i>(inputs: impl IntoIterator<Item = &'i Input>) -> Option<u64> {
        inputs.into_iter().map(input_size).sum()
    }

    /// `docs`, counting its file's bytes as they are read ([`Meter`]).
    pub fn track<I>(&self, input: &Input, docs: I) -> Tracked<I>
    where
        I: Iterator<Item = quotecheck::Result<Document>>,
    {
        Tracked {
            inner: docs,
            meter: self.meter(input),
        }
    }

    /// A meter for the bytes of one input.
    pub fn meter(&self, input: &Input) -> Meter {
        Meter {
            bar: self.bar.clone(),
            size: input_size(input),
            counted: 0,
        }
    }

    /// Counts `bytes` of input as done (for work that is not reading documents).
    pub fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    /// One more document done.
    pub fn document_done(&self) {
        let n = self.documents.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar {
            bar.set_message(counted(n, "document"));
        }
    }

    /// Says what the run is doing besides reading (`indexing sources`, `aligning`).
    pub fn stage(&self, what: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(what.to_string());
        }
    }

    /// Prints `message` on standard error without garbling the bar, control characters
    /// escaped ([`quotecheck::sanitize::terminal`]).
    pub fn warn(&self, message: &str) {
        let message = quotecheck::sanitize::terminal(message);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprint!("{message}")),
            None => eprint!("{message}"),
        }
    }

    /// Clears the bar and, when one was shown, prints `quotecheck: {what}, N documents
    /// (size) in T`.
    pub fn finish(&self, what: &str) {
        if let Some(line) = self.summary(what) {
            let bar = self.bar.as_ref().expect("a summary only with a bar");
            bar.finish_and_clear();
            eprintln!("{line}");
        }
    }

    fn summary(&self, what: &str) -> Option<String> {
        let bar = self.bar.as_ref()?;
        let bytes = self.total.unwrap_or(bar.position());
        let docs = counted(self.documents.load(Ordering::Relaxed), "document");
        let secs = self.started.elapsed().as_secs_f64();
        Some(format!(
            "quotecheck: {what}, {docs} ({}) in {secs:.1} s",
            HumanBytes(bytes)
        ))
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        // An error return leaves no half-drawn bar behind.
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `n noun` or `n nouns` (a separate copy of review's rule, for u64 counts).
pub fn counted(n: u64, noun: &str) -> String {
    quotecheck::review::counted(usize::try_from(n).unwrap_or(usize::MAX), noun)
}

fn input_size(input: &Input) -> Option<u64> {
    match &input.source {
        Source::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
        Source::Stdin => None,
    }
}

/// Moves the bar through one input file: by the bytes of text done (never past the file's
/// size, which differs from its text's for HTML, JSON or another encoding), then, at
/// [`Meter::end`], the rest of the file.
pub struct Meter {
    bar: Option<ProgressBar>,
    size: Option<u64>,
    counted: u64,
}

impl Meter {
    /// `bytes` more of the input's text are done.
    pub fn text(&mut self, bytes: usize) {
        let Some(bar) = &self.bar else { return };
        let bytes = bytes as u64;
        let step = match self.size {
            Some(size) => bytes.min(size.saturating_sub(self.counted)),
            None => bytes,
        };
        self.counted += step;
        bar.inc(step);
    }

    /// The input is done: the bar moves to the end of its file.
    pub fn end(&mut self) {
        if let (Some(bar), Some(size)) = (&self.bar, self.size) {
            bar.inc(size.saturating_sub(self.counted));
            self.counted = size;
        }
    }
}

/// A document iterator that moves the bar as it reads ([`Progress::track`]).
pub struct Tracked<I> {
    inner: I,
    meter: Meter,
}

impl<I> Iterator for Tracked<I>
where
    I: Iterator<Item = quotecheck::Result<Document>>,
{
    type Item = quotecheck::Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        let next = self.inner.next();
        match &next {
            Some(Ok(doc)) => self.meter.text(doc.text.len()),
            Some(Err(_)) => {}
            None => self.meter.end(),
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A bar drawn into memory, as a terminal would see it.
    fn in_memory(total: Option<u64>) -> (Progress, Arc<Mutex<Vec<String>>>) {
        let lines = Arc::new(Mutex::new(Vec::new()));
        let term = Capture(lines.clone());
        let target = ProgressDrawTarget::term_like(Box::new(term));
        (Progress::with_bar(total, Some(target)), lines)
    }

    #[derive(Debug)]
    struct Capture(Arc<Mutex<Vec<String>>>);

    impl indicatif::TermLike for Capture {
        fn width(&self) -> u16 {
            120
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push(s.to_string());
            Ok(())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.write_line(s)
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn input(path: &std::path::Path) -> Input {
        Input::from_arg(path.to_str().unwrap(), false)
    }

    #[test]
    fn a_known_size_draws_a_percentage_and_the_summary_counts_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "“We will win,” Smith said.\n".repeat(40)).unwrap();
        let inputs = [input(&path), input(&path)];
        let total = Progress::size_of(&inputs);
        assert_eq!(total, Some(2 * std::fs::metadata(&path).unwrap().len()));
        let (progress, lines) = in_memory(total);
        for i in &inputs {
            for doc in progress.track(i, i.documents().unwrap()) {
                doc.unwrap();
                progress.document_done();
            }
        }
        let bar = progress.bar.clone().unwrap();
        bar.tick();
        assert_eq!(bar.position(), total.unwrap());
        let drawn = lines.lock().unwrap().join("\n");
        assert!(
            drawn.contains("100%") && drawn.contains("2 documents"),
            "{drawn}"
        );
        let summary = progress.summary("12 quotes").unwrap();
        assert!(
            summary.starts_with("quotecheck: 12 quotes, 2 documents (2.")
                && summary.ends_with(" s"),
            "{summary}"
        );
    }

    #[test]
    fn standard_input_has_no_size_and_no_terminal_has_no_bar() {
        let inputs = [Input::from_arg("-", false)];
        assert_eq!(Progress::size_of(&inputs), None);
        let quiet = Progress::with_bar(None, None);
        quiet.document_done();
        quiet.advance(10);
        assert!(quiet.summary("x").is_none());
    }

    #[test]
    fn a_corpus_counts_its_file_once_whatever_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let line = r#"{"id":"a","text":"\u201cWe will win,\u201d Smith said."}"#;
        std::fs::write(&path, format!("{line}\n{line}\n")).unwrap();
        let corpus = Input::from_arg(path.to_str().unwrap(), true);
        let size = std::fs::metadata(&path).unwrap().len();
        let (progress, _) = in_memory(Some(size));
        let docs: Vec<_> = progress
            .track(&corpus, corpus.documents().unwrap())
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(progress.bar.as_ref().unwrap().position(), size);
    }
}
