//! Verifying quotes against sources: transcripts (text, SRT, WebVTT) and other articles.
//!
//! [`source`] loads the sources and maps their words back to file offsets, lines and cue
//! timings; [`index`] builds the word n-gram index over all of them; [`align`] finds each
//! quote's stretch and decides its [`Verdict`]. [`Verifier`] ties them together and turns an
//! article's quotes (from [`crate::extract()`]) into [`Verified`] records.
//!
//! ```
//! use quotecheck::Document;
//! use quotecheck::verify::{Verdict, Verifier, source::Source};
//!
//! let transcript = Source::text("remarks.txt", "Erdogan said: Why would Erdogan and I meet? To have soft drinks together?");
//! let verifier = Verifier::new(vec![transcript]);
//! let article = Document::new("a.txt", "“Why would Erdogan and I meet? To have soft drinks together?” he joked.");
//! let checked = verifier.verify_document(&article);
//! assert_eq!(checked[0].verdict, Verdict::Exact);
//! ```

pub mod align;
pub mod index;
pub mod report;
pub mod source;
pub mod speakers;
pub mod variants;

use serde::Serialize;

use crate::document::Document;
use crate::extract::{Options, extract_with};
use crate::kind::Kind;
use crate::record::Quote;

use align::{Aligner, Outcome};
pub use align::{Edit, Verdict};
use index::Index;
use source::Source;

/// The sources and their index, ready to check any number of quotes.
pub struct Verifier {
    sources: Vec<Source>,
    index: Index,
    check_paraphrase: bool,
}

/// One located stretch of a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stretch {
    /// The source file as given (`path#id` for a document of a JSONL corpus).
    pub source: String,
    /// Code-point offset of the stretch's first character in the source file.
    pub start: usize,
    /// Code-point offset just past the stretch's last character.
    pub end: usize,
    /// 1-based line of `start` in the source file.
    pub line: usize,
    /// Cue start time of the first word (SRT/VTT only), `HH:MM:SS.mmm`.
    pub timestamp: Option<String>,
    /// Cue end time of the last word (SRT/VTT only).
    pub timestamp_end: Option<String>,
    /// Who the source says speaks here: the label of each turn the stretch touches,
    /// joined with ` / ` (`null` when the source labels no one).
    pub speaker: Option<String>,
    /// The source's words over the stretch, whitespace squeezed (what the editor compares).
    pub text: String,
}

/// The verification of one quote. Field order is the output order (docs/FORMATS.md).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verified {
    /// The article.
    pub doc: String,
    /// The quote's 1-based index in the article.
    pub index: usize,
    /// The quote's text.
    pub text: String,
    /// The quote's speaker, as extraction found it.
    pub speaker: Option<String>,
    /// The quote's kind.
    pub kind: Kind,
    /// What checking found.
    pub verdict: Verdict,
    /// 0 to 1: 2 × matching words / (quote words + source words), omissions aside.
    pub similarity: f64,
    /// Where the quote was found: the whole stretch when its parts lie in order in one
    /// source, else its first part. `None` when not found.
    pub source: Option<String>,
    /// Code-point offset in the source file where the found stretch starts.
    pub start: Option<usize>,
    /// Code-point offset just past it.
    pub end: Option<usize>,
    /// 1-based line of `start`.
    pub line: Option<usize>,
    /// For subtitles: the start time of the cue holding the first word.
    pub timestamp: Option<String>,
    /// For subtitles: the end time of the cue holding the last word.
    pub timestamp_end: Option<String>,
    /// Who the source credits with the words: the speakers of the stretches, distinct,
    /// joined with ` / ` (`null` when not found or the source labels no one).
    pub source_speaker: Option<String>,
    /// Whether the quote's speaker was checked against the source's labels: the quote has
    /// a named speaker and every stretch lies in a turn whose label names someone.
    pub speaker_checked: bool,
    /// Every stretch the quote draws on, in quote order (two or more for splices and
    /// long elisions).
    pub stretches: Vec<Stretch>,
    /// `meaning`: an omission removes a negation or qualifier; `elided`, `bracketed`:
    /// present although the verdict is worse.
    pub flags: Vec<String>,
    /// The kinds of cosmetic difference in the diff, each once, in a fixed order: `case`,
    /// `punctuation`, `typography`, `hyphenation`, `contraction`, `number`, `spelling`.
    pub differences: Vec<variants::Difference>,
    /// The word diff, quote against source.
    pub diff: Vec<Edit>,
}

impl Verified {
    /// Whether this quote lets the run exit 0: exact, cosmetic, elided without a meaning
    /// flag, or a paraphrase left unchecked.
    pub fn passes(&self) -> bool {
        match self.verdict {
            Verdict::Exact | Verdict::Cosmetic | Verdict::Paraphrase => true,
            Verdict::Elided => !self.flags.iter().any(|f| f == "meaning"),
            _ => false,
        }
    }
}

impl Verifier {
    /// Indexes `sources`.
    pub fn new(sources: Vec<Source>) -> Verifier {
        let index = Index::new(&sources);
        Verifier {
            sources,
            index,
            check_paraphrase: false,
        }
    }

    /// With `on`, reported speech (kind `indirect`) is aligned word for word like a quote;
    /// by default it is reported as [`Verdict::Paraphrase`] without being checked, since an
    /// article's paraphrase is not meant to match the transcript's words.
    pub fn check_paraphrase(mut self, on: bool) -> Verifier {
        self.check_paraphrase = on;
        self
    }

    /// The sources, in the order given.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Aligns one quote text with the sources.
    pub fn align(&self, text: &str) -> Outcome {
        Aligner::new(&self.sources, &self.index).align(text)
    }

    /// Checks every direct and partial quote of `doc`.
    pub fn verify_document(&self, doc: &Document) -> Vec<Verified> {
        self.verify_document_with(doc, &Options::default())
    }

    /// Checks every direct and partial quote of `doc` as extracted with `options`, and its
    /// reported speech when `options.indirect` (a [`Verdict::Paraphrase`] each unless
    /// [`Verifier::check_paraphrase`]).
    pub fn verify_document_with(&self, doc: &Document, options: &Options) -> Vec<Verified> {
        extract_with(doc, options)
            .quotes
            .iter()
            .filter(|q| q.kind != Kind::Term)
            .map(|q| self.verify(q))
            .collect()
    }

    /// Checks one quote record (a record of kind `indirect` is a [`Verdict::Paraphrase`],
    /// unchecked, unless [`Verifier::check_paraphrase`] is on).
    pub fn verify(&self, quote: &Quote) -> Verified {
        if quote.kind == Kind::Indirect && !self.check_paraphrase {
            return unchecked(quote);
        }
        let outcome = self.align(&quote.text);
        let stretch = |source: usize, start: usize, end: usize| {
            let src = &self.sources[source];
            let loc = src.location(start, end);
            let speakers = src.speakers(start, end);
            Stretch {
                source: src.name.clone(),
                start: loc.start,
                end: loc.end,
                line: loc.line,
                timestamp: loc.timestamp,
                timestamp_end: loc.timestamp_end,
                speaker: join_speakers(speakers.iter().map(|s| s.map(|s| s.label.as_str()))),
                text: squeeze(&src.clean[start..end]),
            }
        };
        let stretches: Vec<Stretch> = outcome
            .stretches
            .iter()
            .map(|s| stretch(s.source, s.start, s.end))
            .collect();
        let whole = match (outcome.stretches.first(), outcome.stretches.last()) {
            (Some(a), Some(b)) if a.source == b.source && a.start <= b.end => {
                let in_order = outcome
                    .stretches
                    .windows(2)
                    .all(|w| w[0].source == w[1].source && w[0].end <= w[1].start);
                Some(if in_order {
                    stretch(a.source, a.start, b.end)
                } else {
                    stretches[0].clone()
                })
            }
            (Some(_), _) => Some(stretches[0].clone()),
            _ => None,
        };
        // Who the source credits: every turn each stretch touches.
        let credited: Vec<Option<&speakers::Speaker>> = outcome
            .stretches
            .iter()
            .flat_map(|s| self.sources[s.source].speakers(s.start, s.end))
            .collect();
        let labelled = outcome
            .stretches
            .iter()
            .all(|s| !self.sources[s.source].turns().is_empty());
        let named_quote = quote.speaker.as_deref().filter(|n| speakers::is_named(n));
        let speaker_checked = !outcome.stretches.is_empty()
            && labelled
            && named_quote.is_some()
            && credited.iter().all(|c| c.is_some_and(|s| s.named));
        let someone_else = named_quote.is_some_and(|name| {
            credited
                .iter()
                .flatten()
                .any(|s| s.named && !speakers::same_person(&s.label, name))
        });
        let verdict = if someone_else && outcome.verdict <= Verdict::Bracketed {
            Verdict::Misattributed
        } else {
            outcome.verdict
        };
        let source_speaker = if labelled {
            join_speakers(credited.iter().map(|c| c.map(|s| s.label.as_str())))
        } else {
            None
        };
        let mut flags = Vec::new();
        if outcome.meaning {
            flags.push("meaning".to_string());
        }
        for (edit_verdict, name) in [
            (Verdict::Elided, "elided"),
            (Verdict::Bracketed, "bracketed"),
        ] {
            let present = outcome.edits.iter().any(|e| match e {
                Edit::Elided { .. } => edit_verdict == Verdict::Elided,
                Edit::Bracketed { .. } => edit_verdict == Verdict::Bracketed,
                _ => false,
            });
            if present && verdict > edit_verdict {
                flags.push(name.to_string());
            }
        }
        Verified {
            verdict,
            similarity: outcome.similarity,
            source: whole.as_ref().map(|w| w.source.clone()),
            start: whole.as_ref().map(|w| w.start),
            end: whole.as_ref().map(|w| w.end),
            line: whole.as_ref().map(|w| w.line),
            timestamp: whole.as_ref().and_then(|w| w.timestamp.clone()),
            timestamp_end: whole.as_ref().and_then(|w| w.timestamp_end.clone()),
            source_speaker,
            speaker_checked,
            stretches,
            flags,
            differences: differences(&outcome.edits),
            diff: outcome.edits,
            ..unchecked(quote)
        }
    }
}

/// A paraphrase left unchecked: no stretch, no diff, similarity 0 (and the quote's own
/// fields for every record).
fn unchecked(quote: &Quote) -> Verified {
    Verified {
        doc: quote.doc.clone(),
        index: quote.index,
        text: quote.text.clone(),
        speaker: quote.speaker.clone(),
        kind: quote.kind,
        verdict: Verdict::Paraphrase,
        similarity: 0.0,
        source: None,
        start: None,
        end: None,
        line: None,
        timestamp: None,
        timestamp_end: None,
        source_speaker: None,
        speaker_checked: false,
        stretches: Vec::new(),
        flags: Vec::new(),
        differences: Vec::new(),
        diff: Vec::new(),
    }
}

/// The kinds of the cosmetic edits in `edits` ([`variants`]), each once.
fn differences(edits: &[Edit]) -> Vec<variants::Difference> {
    let texts = |s: &str| -> Vec<String> {
        index::words(s)
            .iter()
            .map(|w| s[w.start as usize..w.end as usize].to_string())
            .collect()
    };
    let mut out = Vec::new();
    for e in edits {
        let Edit::Cosmetic { quote, source } = e else {
            continue;
        };
        let (q, s) = (texts(quote), texts(source));
        let q: Vec<&str> = q.iter().map(String::as_str).collect();
        let s: Vec<&str> = s.iter().map(String::as_str).collect();
        match variants::equivalent(&q, &s) {
            Some(kinds) if !kinds.is_empty() => out.extend(kinds),
            _ if q.len() != s.len() => out.push(variants::Difference::Hyphenation),
            _ => out.push(variants::surface(quote, source)),
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Distinct speaker labels in order, joined with ` / `; `None` when there are none (words
/// before a source's first label count as `?`).
fn join_speakers<'a>(labels: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let mut seen: Vec<&str> = Vec::new();
    for l in labels {
        let l = l.unwrap_or("?");
        if !seen.contains(&l) {
            seen.push(l);
        }
    }
    if seen.is_empty() || seen == ["?"] {
        None
    } else {
        Some(seen.join(" / "))
    }
}

/// Collapses whitespace runs to one space and trims.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
