//! Generated speaker checks: sentences from real news (PolNeAR train texts) become the turns
//! of invented speakers in a transcript, written as plain text (`NAME:` labels), SRT (`NAME:`
//! at a turn's first cue) and WebVTT (`<v Name>` on every cue), with interjections (`Q:`,
//! `[crosstalk]`, a bare `>>`) and unlabelled continuation lines. An article quotes them
//! credited by name: to the right speaker, to the wrong one, with a contraction written out
//! or made, spliced, bracketed, or never said (seeded RNG). `verify` must give the verdict
//! each calls for.
//!
//! Skipped with a message when ../shared/corpora/polnear/train.jsonl is absent.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use quotecheck::verify::index::words;
use quotecheck::verify::source::{Source, SourceKind};
use quotecheck::verify::{Verdict, Verifier};
use quotecheck::{Document, Input};

#[path = "common/generated.rs"]
mod generated;
use generated::Rng;

fn corpus() -> Option<PathBuf> {
    generated::polnear("train.jsonl")
}

/// Invented speakers: (full name, the label a clerk types).
const SPEAKERS: [(&str, &str); 6] = [
    ("Eleanor Brandt", "MAYOR BRANDT"),
    ("Ken Nakamura", "NAKAMURA"),
    ("Maria Okafor", "CHAIR OKAFOR"),
    ("David Reyes", "REYES"),
    ("Priya Lindqvist", "DR. LINDQVIST"),
    ("Tomas Adeyemi", "ADEYEMI"),
];

/// Sentences of 8 to 30 words with no quotation marks, brackets or ellipses, each once.
fn sentences(path: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for doc in Input::from_arg(&path.to_string_lossy(), true)
        .documents()
        .unwrap()
    {
        let doc = doc.unwrap();
        for s in doc.text.split_inclusive(['.', '?', '!']) {
            let s = s.trim();
            let n = words(s).len();
            if (8..=30).contains(&n)
                && s.ends_with('.')
                && s.starts_with(|c: char| c.is_uppercase())
                && !s.contains(['"', '“', '”', '‘', '[', ']', '(', ')', '…', '\n', ':'])
                && apostrophes_inside_words(s)
                && !s.contains("..")
                && seen.insert(s.to_lowercase())
            {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// Apostrophes only inside words (`don't`, `Obama’s`), never as quotation marks.
fn apostrophes_inside_words(s: &str) -> bool {
    let cs: Vec<char> = s.chars().collect();
    (0..cs.len()).all(|i| {
        !matches!(cs[i], '\'' | '’')
            || (i > 0 && i + 1 < cs.len() && cs[i - 1].is_alphabetic() && cs[i + 1].is_alphabetic())
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Exact,
    WrongSpeaker,
    Contracted,
    Spliced,
    Bracketed,
    Fabricated,
}

impl Kind {
    fn verdict(self) -> Verdict {
        match self {
            Kind::Exact => Verdict::Exact,
            Kind::WrongSpeaker => Verdict::Misattributed,
            Kind::Contracted => Verdict::Cosmetic,
            Kind::Spliced => Verdict::Spliced,
            Kind::Bracketed => Verdict::Bracketed,
            Kind::Fabricated => Verdict::NotFound,
        }
    }
}

/// Writes an expansion as its contraction or the other way round; `None` without one.
fn contract(s: &str) -> Option<String> {
    const PAIRS: [(&str, &str); 10] = [
        (" do not ", " don't "),
        (" does not ", " doesn't "),
        (" did not ", " didn't "),
        (" is not ", " isn't "),
        (" are not ", " aren't "),
        (" was not ", " wasn't "),
        (" will not ", " won't "),
        (" cannot ", " can't "),
        (" it is ", " it's "),
        (" we are ", " we're "),
    ];
    let padded = format!(" {} ", s.replace('’', "'"));
    for (long, short) in PAIRS {
        for (a, b) in [(long, short), (short, long)] {
            if let Some(i) = padded.find(a) {
                let out = format!("{}{b}{}", &padded[..i], &padded[i + a.len()..]);
                return Some(out.trim().to_string());
            }
            let cap = |x: &str| {
                let x = x.trim_start();
                let mut c = x.chars();
                c.next()
                    .map(|f| format!(" {}{}", f.to_uppercase(), c.as_str()))
                    .unwrap_or_default()
            };
            if let Some(rest) = padded.strip_prefix(&cap(a)) {
                return Some(format!("{}{rest}", cap(b)).trim().to_string());
            }
        }
    }
    None
}

struct Turn {
    speaker: usize,
    lines: Vec<String>,
}

fn plain(turns: &[Turn]) -> String {
    let mut out = String::from("Public meeting. Transcript.\n\n");
    for (k, t) in turns.iter().enumerate() {
        let label = SPEAKERS[t.speaker].1;
        for (i, l) in t.lines.iter().enumerate() {
            if i == 0 {
                out.push_str(&format!("{label}: {l}\n"));
            } else {
                out.push_str(&format!("{l}\n"));
            }
        }
        if k % 4 == 3 {
            out.push_str("Q: Can you say more about that?\n[crosstalk]\n");
        }
    }
    out
}

fn time(ms: u64, sep: char) -> String {
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// Cues of up to 12 words; `label(turn, first cue of the turn)` prefixes the cue text.
fn cues(turns: &[Turn], sep: char, label: &dyn Fn(usize, bool) -> (String, String)) -> Vec<String> {
    let mut out = Vec::new();
    let mut t = 1000;
    for (k, turn) in turns.iter().enumerate() {
        let text = turn.lines.join(" ");
        let ws: Vec<&str> = text.split(' ').collect();
        for (c, chunk) in ws.chunks(12).enumerate() {
            let (open, close) = label(turn.speaker, c == 0);
            out.push(format!(
                "{} --> {}\n{open}{}{close}",
                time(t, sep),
                time(t + 3000, sep),
                chunk.join(" ")
            ));
            t += 3500;
        }
        if k % 4 == 3 {
            out.push(format!(
                "{} --> {}\n>> Can you say more about that?",
                time(t, sep),
                time(t + 3000, sep)
            ));
            t += 3500;
        }
    }
    out
}

fn srt(turns: &[Turn]) -> String {
    let cs = cues(turns, ',', &|s, first| {
        let open = if first {
            format!("{}: ", SPEAKERS[s].1)
        } else {
            String::new()
        };
        (open, String::new())
    });
    cs.iter()
        .enumerate()
        .map(|(i, c)| format!("{}\n{c}\n\n", i + 1))
        .collect()
}

fn vtt(turns: &[Turn]) -> String {
    let cs = cues(turns, '.', &|s, _| {
        (format!("<v {}>", SPEAKERS[s].0), "</v>".into())
    });
    let mut out = String::from("WEBVTT\n\n");
    for c in cs {
        out.push_str(&c);
        out.push_str("\n\n");
    }
    out
}

struct Case {
    kind: Kind,
    text: String,
    credited: usize,
}

fn round(seed: u64, pool: &[String]) -> Vec<(Kind, SourceKind, Verdict, String)> {
    let mut rng = Rng(seed);
    let start = rng.below(pool.len() - 200);
    let mut next = start;
    let mut take = || {
        next += 1;
        pool[next - 1].clone()
    };
    let mut turns = Vec::new();
    for k in 0..24 {
        let speaker = (k + rng.below(5) + 1) % SPEAKERS.len();
        let lines = (0..2 + rng.below(3)).map(|_| take()).collect();
        turns.push(Turn { speaker, lines });
    }
    let fabricated: Vec<String> = (0..4).map(|_| take()).collect();
    let mut cases = Vec::new();
    let kinds = [
        Kind::Exact,
        Kind::WrongSpeaker,
        Kind::Contracted,
        Kind::Spliced,
        Kind::Bracketed,
    ];
    for (k, turn) in turns.iter().enumerate() {
        let line = &turn.lines[rng.below(turn.lines.len())];
        let mut kind = kinds[rng.below(kinds.len())];
        let body = line.trim_end_matches('.').to_string();
        let text = match kind {
            Kind::Contracted => contract(&body),
            Kind::Spliced => {
                // A sentence of the same speaker's from another turn, joined with no mark.
                let other = turns
                    .iter()
                    .enumerate()
                    .filter(|&(j, t)| j.abs_diff(k) >= 3 && t.speaker == turn.speaker)
                    .map(|(_, t)| &t.lines[0])
                    .next();
                other.map(|o| format!("{body}. {}", o.trim_end_matches('.')))
            }
            Kind::Bracketed => {
                let ws = words(&body);
                let w = ws[1 + rng.below(ws.len() - 2)];
                Some(format!(
                    "{}[the council]{}",
                    &body[..w.start as usize],
                    &body[w.end as usize..]
                ))
            }
            _ => Some(body.clone()),
        };
        let text = text.unwrap_or_else(|| {
            kind = Kind::Exact;
            body.clone()
        });
        let credited = if kind == Kind::WrongSpeaker {
            (turn.speaker + 1 + rng.below(SPEAKERS.len() - 1)) % SPEAKERS.len()
        } else {
            turn.speaker
        };
        cases.push(Case {
            kind,
            text,
            credited,
        });
    }
    for f in fabricated {
        cases.push(Case {
            kind: Kind::Fabricated,
            text: f.trim_end_matches('.').to_string(),
            credited: rng.below(SPEAKERS.len()),
        });
    }
    let article: String = cases
        .iter()
        .map(|c| format!("“{},” {} said.\n\n", c.text, SPEAKERS[c.credited].0))
        .collect();
    let doc = Document::new(format!("round {seed}"), article);
    let mut out = Vec::new();
    for (kind, text) in [
        (SourceKind::Text, plain(&turns)),
        (SourceKind::Srt, srt(&turns)),
        (SourceKind::Vtt, vtt(&turns)),
    ] {
        let source = Source::parse("transcript".into(), kind, text).unwrap();
        let results = Verifier::new(vec![source]).verify_document(&doc);
        assert_eq!(results.len(), cases.len(), "every quote is extracted");
        for (c, r) in cases.iter().zip(results) {
            assert_eq!(
                r.speaker.as_deref(),
                Some(SPEAKERS[c.credited].0),
                "attribution"
            );
            let note = format!(
                "{:?} {kind:?} -> {} ({:?})\n  {}\n  {:?}",
                c.kind, r.verdict, r.source_speaker, c.text, r.diff
            );
            out.push((c.kind, kind, r.verdict, note));
        }
    }
    out
}

#[test]
fn generated_speaker_checks_get_their_verdicts() {
    let Some(path) = corpus() else {
        eprintln!("skipped: ../shared/corpora/polnear/train.jsonl is absent");
        return;
    };
    let pool = sentences(&path);
    assert!(pool.len() >= 1000, "only {} usable sentences", pool.len());
    let wanted: usize = std::env::var("QUOTECHECK_GENERATED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let (mut total, mut right) = (0, 0);
    let mut by_kind: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut seed = 1;
    while total < wanted {
        for (kind, _form, verdict, note) in round(seed, &pool) {
            total += 1;
            let e = by_kind.entry(kind).or_default();
            e.1 += 1;
            if verdict == kind.verdict() {
                right += 1;
                e.0 += 1;
            } else {
                wrong.push(note);
            }
        }
        seed += 1;
    }
    let rate = right as f64 / total as f64;
    eprintln!(
        "generated speaker verdicts: {right} of {total} right ({:.1}%)",
        rate * 100.0
    );
    for (kind, (r, n)) in &by_kind {
        eprintln!(
            "  {kind:?}: {r}/{n} ({:.1}%)",
            100.0 * *r as f64 / *n as f64
        );
    }
    for w in wrong.iter().take(20) {
        eprintln!("{w}");
    }
    assert!(rate >= 0.97, "{:.1}% right", rate * 100.0);
    for (kind, (r, n)) in &by_kind {
        let share = *r as f64 / *n as f64;
        assert!(share >= 0.93, "{kind:?}: {:.1}% right", share * 100.0);
    }
}
