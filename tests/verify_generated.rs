//! Generated verification cases: quotes from real articles (PolNeAR dev texts) are placed in
//! a synthetic transcript among other speech, then altered in known ways in a synthetic
//! article (seeded RNG); `verify` must give the verdict each alteration calls for.
//!
//! Skipped with a message when ../shared/corpora/polnear/dev.jsonl is absent.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use quotecheck::verify::align::changes_meaning;
use quotecheck::verify::index::{normal, words};
use quotecheck::verify::source::Source;
use quotecheck::verify::{Verdict, Verifier};
use quotecheck::{Document, Input, Kind, extract};

#[path = "common/generated.rs"]
mod generated;
use generated::Rng;

fn corpus() -> Option<PathBuf> {
    generated::polnear("dev.jsonl")
}

const MARKS: &[char] = &[
    '"', '“', '”', '‘', '’', '\'', '«', '»', '[', ']', '…', '(', ')', '\n',
];

/// Quote texts and other sentences (speech with no quotation in it) from the corpus.
fn material(path: &Path) -> (Vec<String>, Vec<String>) {
    let mut quotes = Vec::new();
    let mut seen = HashSet::new();
    let mut other = Vec::new();
    for doc in Input::from_arg(&path.to_string_lossy(), true)
        .documents()
        .unwrap()
    {
        let doc = doc.unwrap();
        for q in extract(&doc).quotes {
            let text = q.text.trim().trim_end_matches([',', ';', ':']).to_string();
            let n = words(&text).len();
            if q.kind == Kind::Term
                || !(6..=60).contains(&n)
                || text.contains(MARKS)
                || text.contains("...")
                || text.contains(" - ")
            {
                continue;
            }
            let key: Vec<String> = words(&text)
                .iter()
                .map(|w| normal(&text[w.start as usize..w.end as usize]))
                .collect();
            if seen.insert(key) {
                quotes.push(text);
            }
        }
        for sentence in doc.text.split_inclusive(['.', '?', '!']) {
            let s = sentence.trim();
            let n = words(s).len();
            if (8..=40).contains(&n) && !s.contains(MARKS) {
                other.push(s.to_string());
            }
        }
    }
    (quotes, other)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    Exact,
    Cosmetic,
    Elided,
    ElidedMeaning,
    Bracketed,
    ChangedWord,
    AddedWord,
    DroppedWord,
    Spliced,
    NotFound,
}

impl Change {
    fn verdict(self) -> Verdict {
        match self {
            Change::Exact => Verdict::Exact,
            Change::Cosmetic => Verdict::Cosmetic,
            Change::Elided | Change::ElidedMeaning => Verdict::Elided,
            Change::Bracketed => Verdict::Bracketed,
            Change::ChangedWord | Change::AddedWord | Change::DroppedWord => Verdict::Altered,
            Change::Spliced => Verdict::Spliced,
            Change::NotFound => Verdict::NotFound,
        }
    }
}

/// Word spans of `text`.
fn spans(text: &str) -> Vec<(usize, usize)> {
    words(text)
        .iter()
        .map(|w| (w.start as usize, w.end as usize))
        .collect()
}

/// The words of `text` in normal form, space-separated.
fn key(text: &str) -> String {
    let mut out = String::from(" ");
    for (a, b) in spans(text) {
        out.push_str(&normal(&text[a..b]));
        out.push(' ');
    }
    out
}

fn is_negation(word: &str) -> bool {
    let n = normal(word);
    matches!(n.as_str(), "not" | "never" | "no") || word.ends_with("n't") || word.ends_with("n’t")
}

/// Applies `change` to `text`; `None` when this quote cannot carry it.
fn alter(change: Change, text: &str, far: &str, pool: &[String], rng: &mut Rng) -> Option<String> {
    let w = spans(text);
    let n = w.len();
    let word = |i: usize| &text[w[i].0..w[i].1];
    Some(match change {
        Change::Exact | Change::NotFound => text.to_string(),
        Change::Cosmetic => {
            let i = rng.below(n);
            match rng.below(2) {
                0 => {
                    let mut cs = word(i).chars();
                    let first = cs.next()?;
                    let flipped: String = if first.is_uppercase() {
                        first.to_lowercase().collect()
                    } else {
                        first.to_uppercase().collect()
                    };
                    if flipped == first.to_string() {
                        return None;
                    }
                    format!(
                        "{}{flipped}{}{}",
                        &text[..w[i].0],
                        cs.as_str(),
                        &text[w[i].1..]
                    )
                }
                _ => {
                    // A comma after an inner word that has none.
                    let i = rng.below(n - 1);
                    if text[w[i].1..w[i + 1].0] != *" " {
                        return None;
                    }
                    format!("{},{}", &text[..w[i].1], &text[w[i].1..])
                }
            }
        }
        Change::Elided => {
            let k = 2 + rng.below(4);
            if n < k + 4 {
                return None;
            }
            let i = 2 + rng.below(n - k - 3);
            if (i..i + k).any(|j| changes_meaning(word(j))) {
                return None;
            }
            format!("{} … {}", &text[..w[i - 1].1], &text[w[i + k].0..])
        }
        Change::ElidedMeaning => {
            let j = (1..n - 1).find(|&j| is_negation(word(j)))?;
            format!("{} … {}", &text[..w[j - 1].1], &text[w[j + 1].0..])
        }
        Change::Bracketed => {
            let i = rng.below(n);
            let name = rng.pick(&[
                "the senator",
                "Clinton",
                "the company",
                "Trump’s campaign",
                "Russia",
            ]);
            format!("{}[{name}]{}", &text[..w[i].0], &text[w[i].1..])
        }
        Change::ChangedWord => {
            let i = rng.below(n);
            let other = rng.pick(pool);
            let ow = spans(other);
            let (a, b) = *rng.pick(&ow);
            let new = &other[a..b];
            let old = normal(word(i));
            // Not the same word, nor one that is the next or previous word joined to it.
            if normal(new) == old || new.len() < 3 {
                return None;
            }
            format!("{}{new}{}", &text[..w[i].0], &text[w[i].1..])
        }
        Change::AddedWord => {
            let i = 1 + rng.below(n - 1);
            let add = rng.pick(&["really", "clearly", "certainly", "also", "very", "totally"]);
            if normal(word(i - 1)) == *add || normal(word(i)) == *add {
                return None;
            }
            format!("{} {add}{}", &text[..w[i - 1].1], &text[w[i - 1].1..])
        }
        Change::DroppedWord => {
            let i = 1 + rng.below(n - 2);
            if normal(word(i)) == normal(word(i - 1)) || normal(word(i)) == normal(word(i + 1)) {
                return None;
            }
            format!("{}{}", &text[..w[i].0], &text[w[i + 1].0..])
        }
        Change::Spliced => {
            let end = text.trim_end_matches(|c: char| !c.is_alphanumeric());
            format!("{end}. {far}")
        }
    })
}

struct Case {
    change: Change,
    original: String,
    article_text: String,
}

/// One transcript and one article: returns the verification results beside the cases.
fn round(
    seed: u64,
    quotes: &[String],
    other: &[String],
) -> Vec<(Case, Verdict, Vec<String>, String)> {
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    rng.shuffle(&mut order);
    let take = order.len().min(120);
    let (placed, unplaced) = order[..take].split_at(take * 5 / 6);
    // The transcript: speakers taking turns, each quote among other sentences.
    let mut transcript = String::new();
    let mut position = BTreeMap::new();
    for (turn, &q) in placed.iter().enumerate() {
        transcript.push_str(&format!("SPEAKER {}: ", turn % 7 + 1));
        for _ in 0..1 + rng.below(3) {
            transcript.push_str(rng.pick(other).as_str());
            transcript.push(' ');
        }
        position.insert(q, turn);
        transcript.push_str(&quotes[q]);
        transcript.push_str(". ");
        for _ in 0..rng.below(3) {
            transcript.push_str(rng.pick(other).as_str());
            transcript.push(' ');
        }
        transcript.push_str("\n\n");
    }
    let changes = [
        Change::Exact,
        Change::Cosmetic,
        Change::Elided,
        Change::ElidedMeaning,
        Change::Bracketed,
        Change::ChangedWord,
        Change::AddedWord,
        Change::DroppedWord,
        Change::Spliced,
    ];
    let mut cases = Vec::new();
    for (k, &q) in placed.iter().enumerate() {
        // A distant quote to splice on: at least five turns away.
        let far = placed[(k + 5 + rng.below(placed.len() - 10)) % placed.len()];
        let mut change = changes[rng.below(changes.len())];
        let mut altered = alter(change, &quotes[q], &quotes[far], quotes, &mut rng);
        if altered.is_none() {
            change = Change::Exact;
            altered = Some(quotes[q].clone());
        }
        cases.push(Case {
            change,
            original: quotes[q].clone(),
            article_text: altered.unwrap(),
        });
    }
    // A quote left out of the transcript may still be there in the other speech.
    let spoken = key(&transcript);
    for &q in unplaced {
        let k = key(&quotes[q]);
        let ws: Vec<&str> = k.split_whitespace().collect();
        if ws
            .windows(6)
            .any(|w| spoken.contains(&format!(" {} ", w.join(" "))))
        {
            continue;
        }
        cases.push(Case {
            change: Change::NotFound,
            original: quotes[q].clone(),
            article_text: quotes[q].clone(),
        });
    }
    rng.shuffle(&mut cases);
    let article: String = cases
        .iter()
        .enumerate()
        .map(|(i, c)| format!("Speaker {} said: “{}”\n", i % 7 + 1, c.article_text))
        .collect();
    let verifier = Verifier::new(vec![Source::text("transcript.txt", transcript)]);
    let results = verifier.verify_document(&Document::new(format!("round {seed}"), article));
    assert_eq!(
        results.len(),
        cases.len(),
        "every generated quote is extracted"
    );
    cases
        .into_iter()
        .zip(results)
        .map(|(c, r)| {
            assert_eq!(r.text, c.article_text);
            let diff = format!("{:?}", r.diff);
            (c, r.verdict, r.flags, diff)
        })
        .collect()
}

#[test]
fn generated_alterations_get_their_verdicts() {
    let Some(path) = corpus() else {
        eprintln!("skipped: ../shared/corpora/polnear/dev.jsonl is absent");
        return;
    };
    let (quotes, other) = material(&path);
    assert!(quotes.len() >= 100, "only {} usable quotes", quotes.len());
    let mut total = 0;
    let mut right = 0;
    let mut by_change: BTreeMap<Change, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut seed = 1;
    // QUOTECHECK_GENERATED=N runs more rounds (at least N quotes) for a closer look.
    let wanted: usize = std::env::var("QUOTECHECK_GENERATED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    while total < wanted {
        for (case, verdict, flags, diff) in round(seed, &quotes, &other) {
            total += 1;
            let meaning = flags.iter().any(|f| f == "meaning");
            let ok = verdict == case.change.verdict()
                && (case.change != Change::ElidedMeaning || meaning)
                && (case.change != Change::Elided || !meaning);
            let entry = by_change.entry(case.change).or_default();
            entry.1 += 1;
            if ok {
                right += 1;
                entry.0 += 1;
            } else {
                wrong.push(format!(
                    "{:?} -> {verdict} {flags:?}\n  source:  {}\n  article: {}\n  diff: {diff}",
                    case.change, case.original, case.article_text
                ));
            }
        }
        seed += 1;
    }
    let rate = right as f64 / total as f64;
    eprintln!(
        "generated verdicts: {right} of {total} right ({:.1}%)",
        rate * 100.0
    );
    for (change, (r, n)) in &by_change {
        eprintln!("  {change:?}: {r}/{n}");
    }
    for w in wrong.iter().take(25) {
        eprintln!("{w}");
    }
    assert!(total >= 500);
    assert!(rate >= 0.98, "{:.1}% right", rate * 100.0);
}
