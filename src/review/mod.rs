//! The editorial review: one article's quotes, what an editor should look at, and who is quoted
//! how much, built once as a [`Report`] that the [`html`] and [`terminal`] views render.
//!
//! The report reads records only: speakers, cues, methods and confidences come from the
//! [`Quote`]s as attribution left them (and may be `None`). Two optional inputs add to it:
//! - [`Change`] per quote, from comparing with a previous version of the article;
//! - [`Verdict`] per quote, from checking it against source documents.
//!
//! [`compare`] fills both: changes from the [`crate::diff`] alignment, verdicts from
//! [`crate::verify`].

pub mod compare;
pub mod html;
pub mod terminal;

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use crate::diff;
use crate::diff::words::WordOp;
use crate::document::{Document, paragraphs};
use crate::extract::{Extraction, StrayMark};
use crate::kind::Kind;
use crate::record::{Flag, Quote};
use crate::span::Span;

/// Below this confidence an attribution is flagged, unless the caller says otherwise.
/// Confidences are calibrated (`attribute/calibration.rs`): on PolNeAR train the quotes
/// under 0.8 are about 7% of the attributed ones and 63% of them are right, while those at
/// 0.8 or more are right 96% of the time.
pub const LOW_CONFIDENCE: f64 = 0.8;

/// How a quote compares with the previous version of the article: its line in the
/// [`crate::diff`] of the two versions.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// `Unchanged`, `Modified` or `Added`; quotes the article no longer has are in
    /// [`Changes::removed`].
    pub status: diff::Status,
    /// What changed, as `diff` names it; empty unless `Modified`.
    pub changes: Vec<diff::Change>,
    /// The previous version's quotes aligned with this one (1-based indexes, in order; two
    /// or more when quotes were merged into it), and the text and speaker of the closest.
    pub previous_indices: Vec<usize>,
    /// The closest previous quote's text.
    pub previous_text: Option<String>,
    /// The closest previous quote's speaker.
    pub previous_speaker: Option<String>,
    /// Word diff from the previous text to this one; empty unless `Modified`.
    pub words: Vec<WordOp>,
}

impl Change {
    /// Whether an editor should look: the words, the speaker or the kind changed. Cosmetic
    /// edits, moves, another reporting verb, and splits or merges that keep every word are
    /// not flagged (the side list still names them).
    pub fn needs_review(&self) -> bool {
        self.status == diff::Status::Modified
            && self.changes.iter().any(|c| {
                matches!(
                    c,
                    diff::Change::Wording | diff::Change::Speaker | diff::Change::Kind
                )
            })
    }

    /// Whether the word diff says something: the words changed.
    pub fn reworded(&self) -> bool {
        self.changes.contains(&diff::Change::Wording)
    }

    /// The changes in a few words, the same in the HTML and the terminal: `wording; speaker
    /// was Faisal Mekdad`. Unescaped.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .changes
            .iter()
            .map(|c| match (c, &self.previous_speaker) {
                (diff::Change::Speaker, Some(s)) => format!("speaker was {s}"),
                _ => c.as_str().to_string(),
            })
            .collect();
        parts.join("; ")
    }

    /// `#2` or, after a merge, `#2 + #3`.
    pub fn was(&self) -> String {
        let numbers: Vec<String> = self
            .previous_indices
            .iter()
            .map(|i| format!("#{i}"))
            .collect();
        numbers.join(" + ")
    }
}

/// What checking a quote against the sources found.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// What checking found.
    pub status: VerdictStatus,
    /// The source the verdict rests on (its path), when one matched at all.
    pub source: Option<String>,
    /// A short explanation for the editor.
    pub detail: Option<String>,
    /// What the source says where the quote was found, for a quote that is not exact.
    pub passage: Option<Passage>,
}

/// The source's wording for a quote: shown beside a flagged quote so the editor need not
/// go and find it.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// Who the source says speaks there, when it labels speakers.
    pub speaker: Option<String>,
    /// Where: `line 11 at 00:00:08.200`.
    pub location: String,
    /// The source's words over the stretch (all stretches, joined with ` … `).
    pub text: String,
    /// The word diff, quote against source, in `verify`'s text notation.
    pub diff: String,
}

impl Passage {
    /// Who and where, as the report heads the passage: `BRANDT, line 11 at 00:00:08.200`.
    pub fn heading(&self) -> String {
        match &self.speaker {
            Some(who) => format!("{who}, {}", self.location),
            None => self.location.clone(),
        }
    }
}

/// What a quote's check against the sources found, from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerdictStatus {
    /// The quote's characters appear in a source as they are.
    Exact,
    /// The same words, differing only in case, punctuation, quote marks or spacing.
    Cosmetic,
    /// The quote cuts words out (…) and every remaining piece appears, in order.
    Elision,
    /// An elision whose omission removes a negation or qualifier.
    ElisionMeaning,
    /// An editorial insertion in \[brackets\].
    Bracketed,
    /// A passage matches in part but words were changed.
    Altered,
    /// Stretches far apart in a source joined without a mark.
    Spliced,
    /// The words are in a source, but it labels another speaker as saying them.
    Misattributed,
    /// No source has these words.
    NotFound,
    /// Reported speech (kind `indirect`), not checked word for word.
    Paraphrase,
}

impl VerdictStatus {
    /// Every status, best first.
    pub const ALL: [VerdictStatus; 10] = [
        VerdictStatus::Exact,
        VerdictStatus::Cosmetic,
        VerdictStatus::Elision,
        VerdictStatus::ElisionMeaning,
        VerdictStatus::Bracketed,
        VerdictStatus::Altered,
        VerdictStatus::Spliced,
        VerdictStatus::Misattributed,
        VerdictStatus::NotFound,
        VerdictStatus::Paraphrase,
    ];

    /// `verify`'s name for the verdict (its text output's, with `(meaning)`).
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictStatus::Exact => "exact",
            VerdictStatus::Cosmetic => "cosmetic",
            VerdictStatus::Elision => "elided",
            VerdictStatus::ElisionMeaning => "elided (meaning)",
            VerdictStatus::Bracketed => "bracketed",
            VerdictStatus::Altered => "altered",
            VerdictStatus::Spliced => "spliced",
            VerdictStatus::Misattributed => "misattributed",
            VerdictStatus::NotFound => "not_found",
            VerdictStatus::Paraphrase => "paraphrase",
        }
    }

    /// Exact, cosmetic and clean elisions need no editor's attention, nor does a
    /// paraphrase that was not checked.
    pub fn is_clean(self) -> bool {
        matches!(
            self,
            VerdictStatus::Exact
                | VerdictStatus::Cosmetic
                | VerdictStatus::Elision
                | VerdictStatus::Paraphrase
        )
    }
}

/// Something about a quote that an editor should look at: the flags panel's rows.
#[derive(Clone, Debug, PartialEq)]
pub enum Concern {
    /// Not a term, and no speaker.
    Unattributed,
    /// Attribution saw two plausible speakers.
    Ambiguous,
    /// The opening mark is never closed.
    Unclosed,
    /// Attributed with a confidence below the threshold.
    LowConfidence(f64),
    /// Its words, speaker, cue or kind differ from the previous version's.
    Changed,
    /// Not in the previous version.
    New,
    /// Checked against the sources and not exact, cosmetic or a clean elision.
    Unverified(VerdictStatus),
}

/// The flags panel's groups, in the order an editor would work through them.
pub const FLAG_ORDER: [&str; 7] = [
    "unattributed",
    "ambiguous",
    "unclosed",
    "low confidence",
    "changed",
    "new",
    "not verified",
];

impl Concern {
    /// A short label: the same words in the HTML and the terminal.
    pub fn label(&self) -> &'static str {
        match self {
            Concern::Unattributed => "unattributed",
            Concern::Ambiguous => "ambiguous",
            Concern::Unclosed => "unclosed",
            Concern::LowConfidence(_) => "low confidence",
            Concern::Changed => "changed",
            Concern::New => "new",
            Concern::Unverified(_) => "not verified",
        }
    }
}

/// One quote in the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The quote's record.
    pub quote: Quote,
    /// Words inside the marks.
    pub words: usize,
    /// The row of [`Report::speakers`] for this quote's speaker (it picks the colour).
    pub speaker_row: Option<usize>,
    /// What became of it since the previous version, when one was given.
    pub change: Option<Change>,
    /// What checking it against the sources found, when sources were given.
    pub verdict: Option<Verdict>,
    /// What the editor should look at (the flags panel's entries).
    pub concerns: Vec<Concern>,
}

/// One speaker's line in the speaker table.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerRow {
    /// The speaker's canonical name.
    pub speaker: String,
    /// Quotes credited to them (direct and partial).
    pub quotes: usize,
    /// Words inside those quotes.
    pub words: usize,
    /// Reported speech credited to them (kind `indirect`): counted apart, its words are
    /// the article's, not theirs.
    pub paraphrases: usize,
    /// Share of all words quoted from people (terms excluded), 0 to 1.
    pub share: f64,
    /// Attribution methods and how many quotes each decided, most used first.
    pub methods: Vec<(String, usize)>,
}

/// Quotes (terms excluded) and their words, and reported speech.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many quotes.
    pub quotes: usize,
    /// How many words inside them.
    pub words: usize,
    /// How many records of reported speech (kind `indirect`).
    pub paraphrases: usize,
}

/// Quotes of the previous version that this one no longer has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// One per quote of the article, in order.
    pub per_quote: Vec<Change>,
    /// Quotes of the previous version that this one no longer has.
    pub removed: Vec<Quote>,
}

/// Everything the review shows about one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The article's id.
    pub doc: String,
    /// The article's text.
    pub text: String,
    /// Byte spans of the paragraphs of `text`.
    pub paragraphs: Vec<Span>,
    /// One entry per quote, in text order.
    pub entries: Vec<Entry>,
    /// Speakers by words quoted, then by paraphrases, most first.
    pub speakers: Vec<SpeakerRow>,
    /// Quotes with no speaker (terms excluded).
    pub unattributed: Tally,
    /// All quotes from people (terms excluded).
    pub quoted: Tally,
    /// Closing marks that closed nothing.
    pub stray_marks: Vec<StrayMark>,
    /// Set when a previous version was compared.
    pub previous: Option<String>,
    /// Quotes of the previous version this one no longer has.
    pub removed: Vec<Quote>,
    /// The sources checked against (their paths); empty when none were given.
    pub sources: Vec<String>,
    /// Below this confidence an attribution is flagged.
    pub low_confidence: f64,
}

/// What the report is built from besides the article.
#[derive(Clone, Debug)]
pub struct Inputs {
    /// The previous version's path and the comparison with it.
    pub previous: Option<(String, Changes)>,
    /// The sources' paths and one verdict per quote (`None` for a quote not checked).
    pub sources: Option<(Vec<String>, Vec<Option<Verdict>>)>,
    /// Below this confidence an attribution is flagged.
    pub low_confidence: f64,
}

impl Default for Inputs {
    fn default() -> Inputs {
        Inputs {
            previous: None,
            sources: None,
            low_confidence: LOW_CONFIDENCE,
        }
    }
}

/// One flags-panel group: its label, the quotes it holds with their concern, and how many
/// stray marks it also counts (only `unclosed` has any).
pub struct FlagGroup<'r> {
    /// The group's heading.
    pub label: &'static str,
    /// The quotes in the group and why each is there.
    pub hits: Vec<(&'r Entry, &'r Concern)>,
    /// Stray closing marks it counts as well.
    pub strays: usize,
}

/// `n` and the noun, plural unless `n` is 1 ("1 quote", "3 quotes", "0 flags").
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

impl Report {
    /// The unattributed quotes' share of all quoted words (0 when nothing is quoted).
    pub fn unattributed_share(&self) -> f64 {
        if self.quoted.words == 0 {
            0.0
        } else {
            self.unattributed.words as f64 / self.quoted.words as f64
        }
    }

    /// The flags panel's non-empty groups in [`FLAG_ORDER`], shared by the HTML and
    /// terminal views.
    pub fn flag_groups(&self) -> Vec<FlagGroup<'_>> {
        FLAG_ORDER
            .into_iter()
            .filter_map(|label| {
                let hits: Vec<(&Entry, &Concern)> = self
                    .entries
                    .iter()
                    .filter_map(|e| {
                        e.concerns
                            .iter()
                            .find(|c| c.label() == label)
                            .map(|c| (e, c))
                    })
                    .collect();
                let strays = if label == "unclosed" {
                    self.stray_marks.len()
                } else {
                    0
                };
                (!hits.is_empty() || strays > 0).then_some(FlagGroup {
                    label,
                    hits,
                    strays,
                })
            })
            .collect()
    }

    /// Builds the report of `doc` from its extraction and whatever else was compared.
    pub fn new(doc: &Document, extraction: Extraction, inputs: Inputs) -> Report {
        let low_confidence = inputs.low_confidence;
        let Extraction {
            quotes,
            stray_marks,
        } = extraction;
        let (previous, mut changes, removed) = match inputs.previous {
            Some((path, changes)) => (
                Some(path),
                changes.per_quote.into_iter().map(Some).collect(),
                changes.removed,
            ),
            None => (None, Vec::new(), Vec::new()),
        };
        let (sources, mut verdicts) = inputs.sources.unwrap_or_default();
        changes.resize(quotes.len(), None);
        verdicts.resize(quotes.len(), None);

        let mut entries: Vec<Entry> = quotes
            .into_iter()
            .zip(changes.into_iter().zip(verdicts))
            .map(|(quote, (change, verdict))| {
                let concerns = concerns(&quote, change.as_ref(), verdict.as_ref(), low_confidence);
                Entry {
                    words: quote.text.unicode_words().count(),
                    quote,
                    speaker_row: None,
                    change,
                    verdict,
                    concerns,
                }
            })
            .collect();
        let (speakers, unattributed, quoted) = speaker_table(&mut entries);
        Report {
            doc: doc.id.clone(),
            paragraphs: paragraphs(&doc.text),
            text: doc.text.clone(),
            entries,
            speakers,
            unattributed,
            quoted,
            stray_marks,
            previous,
            removed,
            sources,
            low_confidence,
        }
    }

    /// How many records of each kind: direct, partial, term, indirect.
    pub fn kinds(&self) -> [usize; 4] {
        let mut n = [0; 4];
        for e in &self.entries {
            n[match e.quote.kind {
                Kind::Direct => 0,
                Kind::Partial => 1,
                Kind::Term => 2,
                Kind::Indirect => 3,
            }] += 1;
        }
        n
    }

    /// How many quotation-mark records (direct, partial, term): what the header calls
    /// quotes, reported speech apart.
    pub fn quote_count(&self) -> usize {
        let [direct, partial, term, _] = self.kinds();
        direct + partial + term
    }

    /// How many flags the panel lists: one per concern of each quote, per stray closing
    /// mark and per quote removed since the previous version. The header and the panel
    /// both show this number.
    pub fn flag_count(&self) -> usize {
        let groups: usize = self
            .flag_groups()
            .iter()
            .map(|g| g.hits.len() + g.strays)
            .sum();
        groups + self.removed.len()
    }

    /// The share shown on the total row of the speaker table: "100%", or "–" when no one
    /// is quoted (an empty article is not 100% of anything).
    pub fn total_share(&self) -> &'static str {
        if self.quoted.quotes == 0 {
            "–"
        } else {
            "100%"
        }
    }

    /// The entries with at least one concern.
    pub fn flagged(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.concerns.is_empty())
    }
}

fn concerns(
    q: &Quote,
    change: Option<&Change>,
    verdict: Option<&Verdict>,
    low_confidence: f64,
) -> Vec<Concern> {
    let mut out = Vec::new();
    if q.flags.contains(&Flag::Unattributed) || (q.speaker.is_none() && q.kind != Kind::Term) {
        out.push(Concern::Unattributed);
    }
    if q.flags.contains(&Flag::Ambiguous) {
        out.push(Concern::Ambiguous);
    }
    if q.flags.contains(&Flag::Unclosed) {
        out.push(Concern::Unclosed);
    }
    if let Some(c) = q.confidence.filter(|&c| c < low_confidence) {
        out.push(Concern::LowConfidence(c));
    }
    match change {
        Some(c) if c.needs_review() => out.push(Concern::Changed),
        Some(c) if c.status == diff::Status::Added => out.push(Concern::New),
        _ => {}
    }
    if let Some(v) = verdict.filter(|v| !v.status.is_clean()) {
        out.push(Concern::Unverified(v.status));
    }
    out
}

/// Builds the speaker table (terms excluded) and points each entry at its row.
fn speaker_table(entries: &mut [Entry]) -> (Vec<SpeakerRow>, Tally, Tally) {
    let mut rows: Vec<SpeakerRow> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut methods: Vec<HashMap<String, usize>> = Vec::new();
    let mut unattributed = Tally::default();
    let mut quoted = Tally::default();
    for e in entries.iter().filter(|e| e.quote.kind != Kind::Term) {
        let paraphrase = e.quote.kind == Kind::Indirect;
        // Reported speech is counted in its own column; its words are the narrator's and
        // stay out of the quoted words and their shares.
        let count = |t: &mut Tally| {
            if paraphrase {
                t.paraphrases += 1;
            } else {
                t.quotes += 1;
                t.words += e.words;
            }
        };
        count(&mut quoted);
        let Some(name) = &e.quote.speaker else {
            count(&mut unattributed);
            continue;
        };
        let row = *by_name.entry(name.clone()).or_insert_with(|| {
            rows.push(SpeakerRow {
                speaker: name.clone(),
                quotes: 0,
                words: 0,
                paraphrases: 0,
                share: 0.0,
                methods: Vec::new(),
            });
            methods.push(HashMap::new());
            rows.len() - 1
        });
        if paraphrase {
            rows[row].paraphrases += 1;
        } else {
            rows[row].quotes += 1;
            rows[row].words += e.words;
        }
        let method = e.quote.method.as_deref().unwrap_or("unknown");
        *methods[row].entry(method.to_string()).or_default() += 1;
    }
    for (row, counts) in rows.iter_mut().zip(methods) {
        row.share = if quoted.words == 0 {
            0.0
        } else {
            row.words as f64 / quoted.words as f64
        };
        row.methods = counts.into_iter().collect();
        row.methods
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    // Most words first, then most paraphrases; ties by first appearance, which the stable
    // sort keeps.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((rows[i].words, rows[i].paraphrases)));
    let mut rank = vec![0; rows.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    for e in entries.iter_mut() {
        e.speaker_row = e
            .quote
            .speaker
            .as_ref()
            .and_then(|s| by_name.get(s))
            .map(|&i| rank[i]);
    }
    let mut sorted: Vec<Option<SpeakerRow>> = rows.into_iter().map(Some).collect();
    let rows = order
        .iter()
        .map(|&i| sorted[i].take().expect("each row once"))
        .collect();
    (rows, unattributed, quoted)
}

/// A share as a whole percentage; a share too small to round to 1% reads "<1%", not "0%".
pub fn percent(share: f64) -> String {
    if share > 0.0 && share < 0.005 {
        "<1%".to_string()
    } else {
        format!("{:.0}%", share * 100.0)
    }
}

/// A record as the lists show it: a quote's words in quotation marks, reported speech
/// bare (its words are the article's, not the speaker's), at most `max` characters.
pub fn shown(q: &Quote, max: usize) -> String {
    let words = excerpt(&q.text, max);
    if q.kind == Kind::Indirect {
        words
    } else {
        format!("“{words}”")
    }
}

/// Keeps at most `max` characters of `s` (joined onto one line), ending in "…" when cut.
pub fn excerpt(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut out: String = one_line.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract;

    /// The quotes `extract` finds in `text`, with everything attribution filled cleared
    /// (speaker, mention, cue, method, confidence, and the unattributed and ambiguous flags):
    /// the review's tests give each record the speaker it needs, so they test the review and
    /// not what attribution makes of the sentence.
    pub(crate) fn unattributed(text: &str) -> (Document, Extraction) {
        let doc = Document::new("article.txt", text);
        let mut ex = extract(&doc);
        for q in &mut ex.quotes {
            q.speaker = None;
            q.mention = None;
            q.mention_start = None;
            q.mention_end = None;
            q.cue = None;
            q.cue_start = None;
            q.cue_end = None;
            q.method = None;
            q.confidence = None;
            q.flags
                .retain(|f| !matches!(f, Flag::Unattributed | Flag::Ambiguous));
        }
        (doc, ex)
    }

    /// [`unattributed`] records, with speakers given to quotes by 1-based index.
    pub(crate) fn attributed(
        text: &str,
        speakers: &[(usize, &str, &str, f64)],
    ) -> (Document, Extraction) {
        let (doc, mut ex) = unattributed(text);
        for &(index, speaker, method, confidence) in speakers {
            let q = &mut ex.quotes[index - 1];
            q.speaker = Some(speaker.to_string());
            q.cue = Some("said".to_string());
            q.method = Some(method.to_string());
            q.confidence = Some(confidence);
        }
        (doc, ex)
    }

    const ARTICLE: &str = "“We have an opportunity to discuss the entire range of our relations,” Putin said.\n\
        Assad applauded the “maturity” of the relationship between Moscow and Damascus.\n\
        “We will extend our invitation to Assad,” Erdogan said in an interview.\n\
        The ISIS “caliphate” has long fallen.\n\
        “This is why we cannot meet under Erdogan’s terms,” Assad said.";

    #[test]
    fn speaker_table_counts_words_and_shares_without_terms() {
        let (doc, ex) = attributed(
            ARTICLE,
            &[
                (1, "Vladimir Putin", "trailing_cue", 0.9),
                (2, "Bashar Assad", "subject_cue", 0.8),
                (3, "Recep Tayyip Erdogan", "trailing_cue", 0.9),
                (5, "Bashar Assad", "trailing_cue", 0.9),
            ],
        );
        let report = Report::new(&doc, ex, Inputs::default());
        assert_eq!(report.kinds(), [3, 1, 1, 0]);
        let names: Vec<&str> = report.speakers.iter().map(|r| r.speaker.as_str()).collect();
        assert_eq!(
            names,
            ["Vladimir Putin", "Bashar Assad", "Recep Tayyip Erdogan"]
        );
        let assad = &report.speakers[1];
        assert_eq!((assad.quotes, assad.words), (2, 1 + 9));
        assert_eq!(
            assad.methods,
            [
                ("subject_cue".to_string(), 1),
                ("trailing_cue".to_string(), 1)
            ]
        );
        assert_eq!(
            report.quoted,
            Tally {
                quotes: 4,
                words: 12 + 1 + 7 + 9,
                paraphrases: 0,
            }
        );
        let total: f64 = report.speakers.iter().map(|r| r.share).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        assert_eq!(report.unattributed, Tally::default());
        // Each quote points at its speaker's row; the term at none.
        let rows: Vec<Option<usize>> = report.entries.iter().map(|e| e.speaker_row).collect();
        assert_eq!(rows, [Some(0), Some(1), Some(2), None, Some(1)]);
        assert!(report.flagged().next().is_none());
    }

    #[test]
    fn reported_speech_is_counted_in_its_own_column_not_in_the_words_quoted() {
        let text = "Erdogan said Turkey would not accept a buffer zone on its border. \
            “We will not allow it,” he said.\n\
            Putin told reporters that the talks had gone well.";
        let doc = Document::new("a.txt", text);
        let options = crate::extract::Options {
            indirect: true,
            ..Default::default()
        };
        let report = Report::new(
            &doc,
            crate::extract::extract_with(&doc, &options),
            Inputs::default(),
        );
        assert_eq!(report.kinds(), [1, 0, 0, 2]);
        assert_eq!(report.quote_count(), 1);
        let erdogan = &report.speakers[0];
        assert_eq!(
            (erdogan.speaker.as_str(), erdogan.quotes, erdogan.words),
            ("Erdogan", 1, 5)
        );
        assert_eq!(erdogan.paraphrases, 1);
        let putin = &report.speakers[1];
        assert_eq!((putin.quotes, putin.words, putin.paraphrases), (0, 0, 1));
        // The shares are of quoted words: Erdogan has them all.
        assert_eq!(erdogan.share, 1.0);
        assert_eq!(report.quoted.words, 5);
        assert_eq!(report.quoted.paraphrases, 2);
        // Reported speech is shown without quotation marks.
        let indirect = report
            .entries
            .iter()
            .find(|e| e.quote.kind == Kind::Indirect)
            .expect("a paraphrase");
        assert!(!shown(&indirect.quote, 200).starts_with('“'));
        assert!(shown(&report.entries[1].quote, 200).starts_with('“'));
    }

    #[test]
    fn quotes_without_speakers_are_flagged_but_terms_are_not() {
        let (doc, ex) = unattributed(ARTICLE);
        let report = Report::new(&doc, ex, Inputs::default());
        assert!(report.speakers.is_empty());
        assert_eq!(report.unattributed, report.quoted);
        let flagged: Vec<usize> = report.flagged().map(|e| e.quote.index).collect();
        assert_eq!(flagged, [1, 2, 3, 5]);
        assert!(
            report
                .flagged()
                .all(|e| e.concerns == [Concern::Unattributed])
        );
    }

    #[test]
    fn attribution_flags_on_the_record_are_flagged() {
        let text = "“We will extend our invitation to Assad,” Erdogan said.\n\
            Putin met Assad in Moscow. “It has been a long time since we last met,” he said.";
        let (doc, mut ex) = attributed(
            text,
            &[
                (1, "Recep Tayyip Erdogan", "trailing", 0.9),
                (2, "Vladimir Putin", "pronoun", 0.85),
            ],
        );
        ex.quotes[1].flags.push(Flag::Ambiguous);
        let report = Report::new(&doc, ex, Inputs::default());
        let concerns: Vec<&[Concern]> = report
            .entries
            .iter()
            .map(|e| e.concerns.as_slice())
            .collect();
        assert_eq!(concerns, [&[][..], &[Concern::Ambiguous][..]]);
    }

    #[test]
    fn speakers_are_read_from_the_records_as_extraction_leaves_them() {
        let doc = Document::new("article.txt", ARTICLE);
        let ex = extract(&doc);
        let speakers: Vec<Option<String>> = ex.quotes.iter().map(|q| q.speaker.clone()).collect();
        let report = Report::new(&doc, ex, Inputs::default());
        for (e, speaker) in report.entries.iter().zip(&speakers) {
            assert_eq!(&e.quote.speaker, speaker);
            let row = e.speaker_row.map(|r| report.speakers[r].speaker.clone());
            let expected = speaker.clone().filter(|_| e.quote.kind != Kind::Term);
            assert_eq!(row, expected, "quote #{}", e.quote.index);
        }
        let counted: usize = report.speakers.iter().map(|r| r.quotes).sum();
        assert_eq!(counted + report.unattributed.quotes, report.quoted.quotes);
    }

    #[test]
    fn low_confidence_unclosed_and_bad_verdicts_are_flagged() {
        let text = "“We will extend our invitation to Assad,” Erdogan said.\n\
            “It has been a long time since we last met,” he said.\n\
            Putin said: “This directly concerns Syria";
        let (doc, ex) = attributed(
            text,
            &[
                (1, "Recep Tayyip Erdogan", "trailing_cue", 0.95),
                (2, "Recep Tayyip Erdogan", "pronoun", 0.3),
                (3, "Vladimir Putin", "colon", 0.9),
            ],
        );
        let verdict = |status| {
            Some(Verdict {
                status,
                source: Some("transcript.txt".into()),
                detail: None,
                passage: None,
            })
        };
        let inputs = Inputs {
            sources: Some((
                vec!["transcript.txt".into()],
                vec![
                    verdict(VerdictStatus::Cosmetic),
                    verdict(VerdictStatus::Elision),
                    verdict(VerdictStatus::Altered),
                ],
            )),
            ..Inputs::default()
        };
        let report = Report::new(&doc, ex, inputs);
        let concerns: Vec<&[Concern]> = report
            .entries
            .iter()
            .map(|e| e.concerns.as_slice())
            .collect();
        assert_eq!(concerns[0], []);
        assert_eq!(concerns[1], [Concern::LowConfidence(0.3)]);
        assert_eq!(
            concerns[2],
            [
                Concern::Unclosed,
                Concern::Unverified(VerdictStatus::Altered)
            ]
        );
    }

    #[test]
    fn only_exact_cosmetic_clean_elisions_and_paraphrases_pass_unflagged() {
        use VerdictStatus::*;
        let clean: Vec<VerdictStatus> = VerdictStatus::ALL
            .into_iter()
            .filter(|s| s.is_clean())
            .collect();
        assert_eq!(clean, [Exact, Cosmetic, Elision, Paraphrase]);
    }

    #[test]
    fn tiny_shares_are_not_zero() {
        assert_eq!(percent(1.0 / 244.0), "<1%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.446), "45%");
    }

    #[test]
    fn excerpts_cut_on_characters_and_join_lines() {
        assert_eq!(excerpt("Assad’s\nvisit  was", 40), "Assad’s visit was");
        assert_eq!(excerpt("“Why did we enter?”", 8), "“Why di…");
    }
}
