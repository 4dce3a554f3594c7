//! Diffing two versions of a 200 KB article with 400 quotes.
//!
//! The article is built deterministically from the words of fixtures/articles/putin-assad.txt
//! (drawn with their real frequencies, so common words are as common as in news): 400
//! paragraphs of narration and one quote each. The new version rewords every 9th quote,
//! cuts every 31st paragraph, adds 12 new quotes and moves 6 paragraphs.
//!
//!     cargo bench --bench diff
//!
//! `records` times the diff alone (alignment, changes, word diffs) on extracted records;
//! `extract_and_diff` adds extracting both versions.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use quotecheck::diff::{Options, diff};
use quotecheck::{Document, extract};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

const SPEAKERS: [&str; 8] = [
    "Putin said",
    "Assad said",
    "Erdogan told reporters",
    "a Kremlin spokesman said",
    "the minister added",
    "he said",
    "she said",
    "officials said",
];

/// `base` to `base + spread - 1` words drawn from `words`.
fn sentence(words: &[&str], rng: &mut Rng, base: usize, spread: usize) -> String {
    let n = base + rng.below(spread);
    let mut s: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
    s[0] = "The";
    s.join(" ")
}

/// (old text, new text).
fn versions() -> (String, String) {
    let source = include_str!("../fixtures/articles/putin-assad.txt");
    let words: Vec<&str> = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut rng = Rng(7);
    let mut paras: Vec<String> = (0..400)
        .map(|k| {
            let before = sentence(&words, &mut rng, 30, 20);
            let quote = sentence(&words, &mut rng, 12, 28);
            let after = sentence(&words, &mut rng, 10, 10);
            format!(
                "{before} in paragraph {k}. “{quote},” {} {after}.",
                SPEAKERS[rng.below(SPEAKERS.len())]
            )
        })
        .collect();
    let old = paras.join("\n");
    for (k, p) in paras.iter_mut().enumerate() {
        if k % 9 == 4 {
            let at = p.find('“').unwrap();
            let end = p[at..].find(' ').unwrap() + at;
            let second = p[end + 1..].find(' ').unwrap() + end + 1;
            p.replace_range(end + 1..second, "remarkably");
        }
    }
    let mut k = 0;
    paras.retain(|_| {
        k += 1;
        k % 31 != 0
    });
    for m in 0..6 {
        let p = paras.remove(20 + m * 50);
        paras.insert(300 - m * 40, p);
    }
    for m in 0..12 {
        let quote = sentence(&words, &mut rng, 15, 10);
        paras.insert(
            m * 30,
            format!("“{quote},” a new voice said in update {m}."),
        );
    }
    (old, paras.join("\n"))
}

fn bench(c: &mut Criterion) {
    let (old_text, new_text) = versions();
    let old_doc = Document::new("old", old_text);
    let new_doc = Document::new("new", new_text);
    let old = extract(&old_doc).quotes;
    let new = extract(&new_doc).quotes;
    eprintln!(
        "old: {} bytes, {} quotes; new: {} bytes, {} quotes",
        old_doc.text.len(),
        old.len(),
        new_doc.text.len(),
        new.len()
    );
    let options = Options::default();
    let mut group = c.benchmark_group("diff");
    group.throughput(Throughput::Bytes(
        (old_doc.text.len() + new_doc.text.len()) as u64,
    ));
    group.bench_function("records", |b| {
        b.iter(|| diff("old", black_box(&old), "new", black_box(&new), &options))
    });
    group.bench_function("extract_and_diff", |b| {
        b.iter(|| {
            let old = extract(black_box(&old_doc)).quotes;
            let new = extract(black_box(&new_doc)).quotes;
            diff("old", &old, "new", &new, &options)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
