//! `verify` speed: 1,000 quotes against 5 MB of transcripts.
//!
//! The transcripts are synthetic speech (seeded): sentences drawn from a Zipf-distributed
//! vocabulary of the fixture texts' words plus made-up ones, cut into five 1 MB files. The
//! quotes are stretches of 6 to 40 words taken from them, a third of them altered (a word
//! changed, an ellipsis, a splice), plus some not in the transcripts at all.
//!
//! Run: `cargo bench --bench verify`. Figures: docs/PERFORMANCE.md.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::Document;
use quotecheck::verify::Verifier;
use quotecheck::verify::source::Source;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for path in [
        "fixtures/articles/putin-assad.txt",
        "fixtures/sources/putin-assad-remarks.txt",
    ] {
        let text = std::fs::read_to_string(path).expect("fixture");
        for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            if !w.is_empty() && !words.iter().any(|x| x == w) {
                words.push(w.to_string());
            }
        }
    }
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    while words.len() < 20_000 {
        let len = 3 + rng.below(8);
        words.push((0..len).map(|_| letters[rng.below(26)] as char).collect());
    }
    words
}

/// A word index with a Zipf-like distribution: rank r drawn with weight 1/r.
fn zipf(rng: &mut Rng, n: usize) -> usize {
    let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
}

fn transcripts(rng: &mut Rng, vocab: &[String]) -> Vec<String> {
    (0..5)
        .map(|f| {
            let mut text = String::with_capacity(1 << 20);
            let mut turn = 0;
            while text.len() < 1 << 20 {
                turn += 1;
                text.push_str(&format!("SPEAKER {}: ", turn % 9 + f));
                for _ in 0..1 + rng.below(6) {
                    let n = 6 + rng.below(20);
                    for i in 0..n {
                        let w = &vocab[zipf(rng, vocab.len())];
                        if i == 0 {
                            let mut cs = w.chars();
                            let first = cs.next().unwrap().to_uppercase();
                            text.extend(first);
                            text.push_str(cs.as_str());
                        } else {
                            text.push(' ');
                            text.push_str(w);
                        }
                    }
                    text.push_str(". ");
                }
                text.push('\n');
            }
            text
        })
        .collect()
}

fn article(rng: &mut Rng, sources: &[String], vocab: &[String]) -> String {
    let mut out = String::new();
    for i in 0..1000 {
        let src = &sources[rng.below(sources.len())];
        let words: Vec<&str> = src.split_whitespace().collect();
        let n = 6 + rng.below(35);
        let at = rng.below(words.len() - n);
        let mut quote: Vec<String> = words[at..at + n]
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| !w.is_empty())
            .collect();
        match i % 12 {
            0 => {
                let k = rng.below(quote.len());
                quote[k] = vocab[rng.below(vocab.len())].clone();
            }
            1 if quote.len() > 8 => {
                quote.splice(3..5, ["…".to_string()]);
            }
            2 => {
                let far = rng.below(words.len() - 10);
                quote.extend(words[far..far + 8].iter().map(|w| w.to_string()));
            }
            3 => {
                quote = (0..n)
                    .map(|_| vocab[rng.below(vocab.len())].clone())
                    .collect();
            }
            _ => {}
        }
        out.push_str(&format!("“{},” said speaker {}.\n", quote.join(" "), i % 9));
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(2024);
    let vocab = vocabulary(&mut rng);
    let texts = transcripts(&mut rng, &vocab);
    let bytes: usize = texts.iter().map(String::len).sum();
    let article = Document::new("bench", article(&mut rng, &texts, &vocab));
    let sources = || {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source::text(format!("t{i}.txt"), t.clone()))
            .collect::<Vec<_>>()
    };
    let verifier = Verifier::new(sources());
    assert_eq!(verifier.verify_document(&article).len(), 1000);

    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("index_5mb", |b| b.iter(|| Verifier::new(sources())));
    group.bench_function("1000_quotes_indexed", |b| {
        b.iter(|| verifier.verify_document(&article))
    });
    // The alignment stage alone, on the quote texts extraction gives.
    let texts: Vec<String> = quotecheck::extract(&article)
        .quotes
        .into_iter()
        .map(|q| q.text)
        .collect();
    group.bench_function("1000_quotes_align_only", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| verifier.align(t).similarity)
                .sum::<f64>()
        })
    });
    group.bench_function("extract_article_only", |b| {
        b.iter(|| quotecheck::extract(&article).quotes.len())
    });
    group.bench_function("1000_quotes_5mb_end_to_end", |b| {
        b.iter(|| Verifier::new(sources()).verify_document(&article))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
