//! A fuzz driver that runs on stable Rust (cargo-fuzz needs nightly): it mutates a seed
//! corpus (the repo's fixtures and saved fuzz inputs) and runs every entry point on each
//! input: extract on text, HTML pages, JSONL and CSV corpora, byte decoding, `diff` of two
//! versions, `verify` against text, SRT and VTT sources, and the review report (terminal
//! and HTML). Each run checks the offset invariants of `tests/invariants` and that nothing
//! panics. Guidance is by behaviour, not coverage: an input whose outputs show a feature
//! not seen before (a kind, method, flag, verdict, error, or a count bucket) joins the
//! corpus, so mutations build on inputs that reach new code.
//!
//! Ignored by default (it runs for as long as it is told):
//!
//!     FUZZ_SECONDS=600 cargo test --test fuzz_stable -- --ignored --nocapture
//!
//! `FUZZ_SEED` fixes the random seed (printed at the start). A panicking input is saved to
//! `target/fuzz-crashes/` and the test fails naming it; once fixed, copy it into
//! `tests/fuzz-regressions/` (replayed by `tests/fuzz_replay.rs`).

mod invariants;

use std::collections::HashSet;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use quotecheck::diff::{Options as DiffOptions, Version, diff_series};
use quotecheck::document::CorpusReader;
use quotecheck::extract::extract_with;
use quotecheck::input::csv_corpus;
use quotecheck::input::encoding::decode;
use quotecheck::input::html::read_page;
use quotecheck::review::compare::against_previous;
use quotecheck::review::{Inputs, Report, html as review_html, terminal};
use quotecheck::verify::Verifier;
use quotecheck::verify::source::{Source, SourceKind};
use quotecheck::{Document, Quote};

/// xorshift64*: small, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces worth inserting: every quotation mark, line ends, HTML, subtitle timings,
/// control and bidi characters, JSON and CSV syntax, cue words and names.
const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "「",
    "」",
    "\n",
    "\r\n",
    "\n\n",
    "\r",
    "\0",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    ". ",
    ", ",
    " said ",
    " he said. ",
    " according to ",
    "Mr. Smith",
    "Hillary Clinton",
    " told reporters",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<b><i>",
    "&amp;",
    "&#8220;",
    "&quot;",
    "<br>",
    "<script>",
    "<article>",
    "00:00:01,000 --> 00:00:02,000\n",
    "00:01.000 --> 00:02.000\n",
    "99999999999999999999:00:00,000 --> 00:00:01,000\n",
    "WEBVTT\n\n",
    "1\n",
    "SPEAKER: ",
    "{\"id\":\"a\",\"text\":\"",
    "\"}\n",
    ",",
    "\"\"",
    "é",
    "🦊",
    "\u{a0}",
    "…",
    "—",
];

fn mutate(rng: &mut Rng, corpus: &[Vec<u8>], input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 | 3 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                out.splice(at..at, piece.iter().copied());
            }
            4 => {
                // A splice from another input.
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
            5 if !out.is_empty() => {
                // Repeat a stretch: hostile inputs are often one shape many times.
                let end = (at + 1 + rng.below(32)).min(out.len());
                let chunk = out[at.min(end)..end].to_vec();
                for _ in 0..rng.below(64) {
                    out.splice(at..at, chunk.iter().copied());
                }
            }
            6 if out.len() > 1 => out.truncate(rng.below(out.len())),
            _ => {
                let i = rng.below(out.len() + 1);
                out.insert(i, rng.next() as u8);
            }
        }
    }
    out.truncate(1 << 16);
    out
}

/// Runs every entry point on `bytes`; the features its outputs show.
fn run_all(bytes: &[u8]) -> HashSet<String> {
    let mut seen = HashSet::new();
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut note = |s: String| {
        seen.insert(s);
    };

    // Plain text, through the invariants every record must keep.
    let quotes = invariants::check_pipeline(&text);
    features(&quotes, "text", &mut note);

    // Bytes as a file would be read: BOMs, UTF-16 sniffing, lossy decoding.
    for lossy in [false, true] {
        match decode(Path::new("fuzz.txt"), bytes, None, lossy) {
            Ok(d) => {
                note(format!(
                    "decode:{}:{}",
                    d.encoding.name(),
                    d.lossy_at.is_some()
                ));
                invariants::check_pipeline(&d.text);
            }
            Err(e) => note(format!("decode-error:{}", error_kind(&e.to_string()))),
        }
    }

    // An HTML page: the extracted text goes through the same pipeline.
    match read_page(&text, None) {
        Ok(page) => {
            let q = invariants::check_pipeline(&page.text);
            features(&q, "html", &mut note);
        }
        Err(e) => note(format!("html-error:{}", error_kind(&e))),
    }

    // JSONL and CSV corpora.
    for doc in CorpusReader::new(PathBuf::from("fuzz.jsonl"), Cursor::new(bytes)).take(64) {
        match doc {
            Ok(doc) => {
                note("jsonl-doc".into());
                invariants::check_pipeline(&doc.text);
            }
            Err(e) => note(format!("jsonl-error:{}", error_kind(&e.to_string()))),
        }
    }
    match csv_corpus::open(Path::new("fuzz.csv"), text.clone(), None, None) {
        Ok(corpus) => {
            for doc in corpus.take(64) {
                match doc {
                    Ok(doc) => {
                        note("csv-doc".into());
                        invariants::check_pipeline(&doc.text);
                    }
                    Err(e) => note(format!("csv-error:{}", error_kind(&e.to_string()))),
                }
            }
        }
        Err(e) => note(format!("csv-open-error:{}", error_kind(&e.to_string()))),
    }

    // diff: the first half against the whole, and the input against itself, with reported
    // speech as the CLI reads it.
    let half = &text[..floor_char(&text, text.len() / 2)];
    let read = |name: &str, t: &str| {
        extract_with(&Document::new(name, t), &invariants::with_indirect()).quotes
    };
    let old = read("old", half);
    let quotes = read("new", &text);
    for new in [&quotes, &old] {
        let series = diff_series(
            &[
                Version {
                    name: Some("old"),
                    quotes: &old,
                },
                Version {
                    name: Some("new"),
                    quotes: new,
                },
            ],
            &DiffOptions::default(),
        );
        for d in &series.diffs {
            for p in &d.pairs {
                note(format!("diff:{:?}", p.status));
                if let Some(o) = &p.old {
                    assert!(old.contains(o), "a diff pair's old quote is an old quote");
                }
            }
        }
    }

    // verify: the article against the input read as text, SRT and VTT sources.
    let article = Document::new("article", half);
    for kind in [SourceKind::Text, SourceKind::Srt, SourceKind::Vtt] {
        match Source::parse("fuzz.src".into(), kind, text.clone()) {
            Ok(source) => {
                let file_chars = text.chars().count();
                let verifier = Verifier::new(vec![source]);
                let verified =
                    verifier.verify_document_with(&article, &invariants::with_indirect());
                for v in verified {
                    note(format!("verify:{kind:?}:{:?}", v.verdict));
                    if let (Some(s), Some(e)) = (v.start, v.end) {
                        assert!(
                            s <= e && e <= file_chars,
                            "verify offsets {s}..{e} of {file_chars}"
                        );
                    }
                    if let Some(line) = v.line {
                        assert!(line >= 1 && line <= 1 + text.matches('\n').count());
                    }
                }
            }
            Err(e) => note(format!(
                "source-error:{kind:?}:{}",
                error_kind(&e.to_string())
            )),
        }
    }

    // review: the report of the text, on a terminal and as HTML; with the half as the
    // previous version.
    let doc = Document::new("review", text.as_str());
    let inputs = Inputs {
        previous: Some(("old".into(), against_previous(&quotes, &old))),
        ..Inputs::default()
    };
    let report = Report::new(
        &doc,
        extract_with(&doc, &invariants::with_indirect()),
        inputs,
    );
    let shown = terminal::render(
        &report,
        terminal::Options {
            color: false,
            all: true,
        },
    );
    assert!(
        !shown.contains('\u{1b}'),
        "escape sequences reach the terminal"
    );
    let page = review_html::render(&report);
    assert!(
        !page.contains("<script>alert"),
        "text reaches the page unescaped"
    );
    note(format!("review:{}", report.entries.len().min(8)));
    seen
}

fn features(quotes: &[Quote], what: &str, note: &mut impl FnMut(String)) {
    note(format!("{what}:quotes:{}", bucket(quotes.len())));
    for q in quotes {
        note(format!("{what}:{}:{:?}:{:?}", q.kind, q.method, q.flags));
    }
}

fn bucket(n: usize) -> usize {
    usize::BITS as usize - n.leading_zeros() as usize
}

/// An error message without the numbers and quoted text that vary from input to input.
fn error_kind(message: &str) -> String {
    message
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || *c == ' ')
        .take(60)
        .collect()
}

fn floor_char(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn seeds(root: &Path) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("fixtures"), root.join("tests/fuzz-regressions")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                // Long fixtures as pieces: short inputs run fast, and mutations reach their ends.
                for chunk in bytes.chunks(8 << 10) {
                    out.push(chunk.to_vec());
                }
            }
        }
    }
    out
}

#[test]
#[ignore = "runs for FUZZ_SECONDS (default 30): cargo test --test fuzz_stable -- --ignored"]
fn fuzz_every_entry_point() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
        | 1;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = seeds(root);
    assert!(!corpus.is_empty(), "seed inputs in fixtures/");
    let crashes = root.join("target/fuzz-crashes");
    eprintln!(
        "fuzz_stable: seed {seed}, {} seed inputs, {seconds} s",
        corpus.len()
    );
    // Panics are caught and reported with their input; the default hook's message stays.
    let mut rng = Rng(seed);
    let mut seen: HashSet<String> = HashSet::new();
    let (start, mut runs) = (Instant::now(), 0u64);
    let mut last_report = Instant::now();
    let mut k = 0;
    while start.elapsed() < Duration::from_secs(seconds) {
        // Every seed once as it is, then mutations of corpus entries.
        let input = if k < corpus.len() {
            k += 1;
            corpus[k - 1].clone()
        } else {
            let base = &corpus[rng.below(corpus.len())];
            mutate(&mut rng, &corpus, base)
        };
        runs += 1;
        match catch_unwind(AssertUnwindSafe(|| run_all(&input))) {
            Ok(features) => {
                let new = features.iter().any(|f| !seen.contains(f));
                if new {
                    seen.extend(features);
                    if k >= corpus.len() {
                        corpus.push(input);
                    }
                }
            }
            Err(_) => {
                std::fs::create_dir_all(&crashes).unwrap();
                let path = crashes.join(format!("crash-{seed}-{runs}.txt"));
                std::fs::write(&path, &input).unwrap();
                panic!(
                    "fuzz_stable: input {} panicked (seed {seed}, run {runs})",
                    path.display()
                );
            }
        }
        if last_report.elapsed() > Duration::from_secs(60) {
            last_report = Instant::now();
            eprintln!(
                "fuzz_stable: {runs} runs, {} s, corpus {}, {} features",
                start.elapsed().as_secs(),
                corpus.len(),
                seen.len()
            );
        }
    }
    eprintln!(
        "fuzz_stable: done: {runs} runs in {} s, no panic; corpus {}, {} features",
        start.elapsed().as_secs(),
        corpus.len(),
        seen.len()
    );
}
