//! Reading inputs, per stage: decoding a Windows-1252 file, and reading an HTML page (parse,
//! furniture dropped, source map built) against extracting quotes from the text it yields.
//! `cargo bench --bench inputs`; docs/SCALE.md has the end-to-end figures.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::input::{encoding, read_page};
use quotecheck::{Document, extract};

fn inputs(c: &mut Criterion) {
    let page = std::fs::read_to_string("fixtures/html/putin-assad.html").unwrap();
    let mut group = c.benchmark_group("inputs");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("read_page", |b| b.iter(|| read_page(&page, None).unwrap()));
    let text = read_page(&page, None).unwrap().text;
    group.throughput(Throughput::Bytes(text.len() as u64));
    let doc = Document::new("page", text);
    group.bench_function("extract_page_text", |b| b.iter(|| extract(&doc)));
    let cp1252 = std::fs::read("fixtures/encodings/erdogan.windows-1252.txt").unwrap();
    let cp1252 = cp1252.repeat(100);
    group.throughput(Throughput::Bytes(cp1252.len() as u64));
    group.bench_function("decode_windows_1252", |b| {
        b.iter(|| {
            encoding::decode(
                Path::new("x"),
                &cp1252,
                Some(encoding_rs::WINDOWS_1252),
                false,
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, inputs);
criterion_main!(benches);
