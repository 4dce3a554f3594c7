//! One benchmark per pipeline stage on real news text, so that a regression points at its
//! stage. Throughput is in bytes of input text for every stage, so the figures add up:
//! a stage at X MB/s costs 1/X seconds per megabyte of news.
//!
//! Input: the PolNeAR texts when `../shared/corpora` is there (or `$QUOTECHECK_SHARED`),
//! else the fixture articles. `cargo bench --bench stages`; see docs/PERFORMANCE.md.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use quotecheck::document::{CorpusReader, paragraphs};
use quotecheck::export::{Encoder, Format, Options};
use quotecheck::extract::Analysis;
use quotecheck::{Document, extract};

/// At most this much text goes into a run, to keep a bench iteration short.
const MAX_TEXT: usize = 4 << 20;

/// Where the shared corpora are, when they are there.
fn shared_corpora() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("QUOTECHECK_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([root.join("../shared"), root.join("../../shared")])
        .map(|p| p.join("corpora"))
        .find(|p| p.is_dir())
}

/// The news text to measure on, and what it is.
fn news() -> (Vec<Document>, String) {
    if let Some(corpora) = shared_corpora() {
        let path = corpora.join("polnear/train.jsonl");
        if let Ok(file) = std::fs::File::open(&path) {
            let reader = CorpusReader::new(path.clone(), std::io::BufReader::new(file));
            let mut docs = Vec::new();
            let mut size = 0;
            for doc in reader.map_while(Result::ok) {
                size += doc.text.len();
                docs.push(doc);
                if size >= MAX_TEXT {
                    break;
                }
            }
            return (
                docs,
                format!("PolNeAR train, {} documents", size_docs(size)),
            );
        }
    }
    println!("shared corpora absent: measuring on the fixture articles");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles"))
        .expect("fixtures/articles")
    {
        let path = entry.expect("fixture").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("fixture text");
            docs.push(Document::new(path.display().to_string(), text));
        }
    }
    let size = docs.iter().map(|d| d.text.len()).sum();
    (docs, format!("fixture articles, {}", size_docs(size)))
}

fn size_docs(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// A stage run over every document; the result is black-boxed so nothing is optimised away.
type Stage = fn(&Document) -> usize;

/// The stages, in pipeline order. When attribution lands in `extract`, its stage goes here
/// (`("attribute", |d| ...)`): `extract` already times it end to end.
const STAGES: &[(&str, Stage)] = &[
    ("paragraphs", |d| paragraphs(&d.text).len()),
    ("scan", |d| {
        let paras = paragraphs(&d.text);
        quotecheck::scan::scan(&d.text, &paras).quotes.len()
    }),
    ("analyze", |d| Analysis::new(&d.text).kinds.len()),
    ("extract", |d| extract(d).quotes.len()),
];

fn stages(c: &mut Criterion) {
    let (docs, what) = news();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!("input: {what}");
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for &(name, stage) in STAGES {
        group.bench_function(name, |b| {
            b.iter(|| docs.iter().map(|d| stage(black_box(d))).sum::<usize>())
        });
    }
    // Export: encoding the records already extracted, per input byte.
    let quotes: Vec<Vec<quotecheck::Quote>> = docs.iter().map(|d| extract(d).quotes).collect();
    for (name, format) in [("export_jsonl", Format::Jsonl), ("export_csv", Format::Csv)] {
        let encoder = Encoder::new(format, Options::default()).expect("a chunked format");
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut buf = Vec::with_capacity(bytes);
                for q in &quotes {
                    encoder.encode(q, &mut buf).expect("writing to memory");
                }
                black_box(buf.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
