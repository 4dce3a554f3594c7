//! Scoring extraction and attribution against annotated corpora, exactly as the evaluation
//! protocol in `../shared/corpora/README.md` defines it.
//!
//! Reads both schemas there: PolNeAR (attribution relations; a gold unit is each top-level
//! double-quoted stretch inside a direct or mixed attribution's content) and PDNC (novels;
//! every quote span is a unit with its canonical speaker). A PolNeAR file may have a sibling
//! `*.canonical.jsonl` naming each quote's speaker, which adds canonical-name accuracy.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::extract::{Options, extract_with};
use crate::kind::Kind;
use crate::record::Quote;

pub mod indirect;

pub use indirect::{IndirectCounts, IndirectScores, IndirectUnit};

/// A span in code points, end exclusive.
type Range = (usize, usize);

/// One gold unit: a quoted stretch and who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The stretch with its marks, code points.
    pub span: Range,
    /// The stretch with marks and surrounding whitespace stripped.
    pub inner: Range,
    /// The source as the annotation gives it (PolNeAR: surface mention; PDNC: canonical name).
    pub speaker: Option<String>,
    /// The annotated mention of the source, when there is one.
    pub mention: Option<Range>,
    /// Whether that mention is a pronoun.
    pub pronoun: bool,
    /// PolNeAR canonical: the name of the person (None when unnamed or unknown).
    pub canonical: Option<String>,
    /// PolNeAR canonical: the kind of mention the annotation gives (`pronoun` for a pronoun).
    pub canonical_kind: Option<String>,
    /// PDNC: the names the speaker is credited under (the canonical name and its aliases).
    pub aliases: Vec<String>,
}

/// One annotated document.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldDoc {
    /// The document's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// The annotated quotation units, in text order.
    pub units: Vec<Unit>,
    /// Content spans of every attribution, whatever its type (for neutral predictions).
    pub covered: Vec<Range>,
    /// Whether speakers are canonical names (PDNC) rather than mentions (PolNeAR).
    pub canonical_speakers: bool,
    /// PolNeAR: the units of reported speech (`indirect` attributions with a cue of speech).
    pub indirect: Vec<IndirectUnit>,
    /// PolNeAR: every attribution's extent (first fragment's start to last's end), for
    /// neutral reported-speech predictions.
    pub attributions: Vec<Range>,
}

#[derive(Deserialize)]
struct RawDoc {
    id: serde_json::Value,
    text: String,
    /// Required: a line without it is not annotated (a plain corpus, or records), and
    /// scoring it would report 0 gold units as if the extractor had nothing to find.
    quotes: Vec<RawQuote>,
    characters: Option<Vec<RawCharacter>>,
}

#[derive(Deserialize)]
struct RawQuote {
    #[serde(default)]
    id: Option<serde_json::Value>,
    start: usize,
    end: usize,
    #[serde(default)]
    spans: Vec<RawSpan>,
    #[serde(rename = "type")]
    kind: Option<String>,
    speaker: Option<String>,
    speaker_mention_start: Option<usize>,
    speaker_mention_end: Option<usize>,
    #[serde(default)]
    speaker_is_pronoun: Option<bool>,
    #[serde(default)]
    cue: Option<String>,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct RawCharacter {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct RawCanonical {
    doc: String,
    quote: serde_json::Value,
    canonical: Option<String>,
    #[serde(default)]
    named: Option<bool>,
    kind: Option<String>,
}

fn id_string(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads an annotated corpus (PolNeAR or PDNC schema, detected per document), with
/// canonical speakers from `canonical` when given.
pub fn load_gold(path: &Path, canonical: Option<&Path>) -> Result<Vec<GoldDoc>> {
    let canon = match canonical {
        Some(c) => load_canonical(c)?,
        None => HashMap::new(),
    };
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc = serde_json::from_str(&line)
            .map_err(|e| Error::corpus(path, i + 1, format!("not an annotated document: {e}")))?;
        docs.push(gold_doc(raw, &canon).map_err(|m| Error::corpus(path, i + 1, m))?);
    }
    if docs.is_empty() {
        return Err(Error::Read {
            path: path.to_path_buf(),
            message: "no annotated documents (expected one JSON object per line with \"id\", \"text\" and \"quotes\")"
                .to_string(),
        });
    }
    Ok(docs)
}

/// The canonical file beside a PolNeAR file: `dev.jsonl` -> `dev.canonical.jsonl`.
pub fn sibling_canonical(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let sibling = path.with_file_name(format!("{stem}.canonical.jsonl"));
    sibling.exists().then_some(sibling)
}

type CanonMap = HashMap<(String, String), (Option<String>, Option<String>)>;

fn load_canonical(path: &Path) -> Result<CanonMap> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut map = HashMap::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawCanonical = serde_json::from_str(&line).map_err(|e| {
            Error::corpus(path, i + 1, format!("not a canonical-speaker line: {e}"))
        })?;
        // Only named speakers count, as in the scorer (unnamed people are null).
        if raw.named == Some(true) && raw.canonical.as_deref().is_some_and(|c| !c.is_empty()) {
            map.insert((raw.doc, id_string(&raw.quote)), (raw.canonical, raw.kind));
        }
    }
    Ok(map)
}

fn gold_doc(raw: RawDoc, canon: &CanonMap) -> std::result::Result<GoldDoc, String> {
    let id = id_string(&raw.id);
    let chars: Vec<char> = raw.text.chars().collect();
    let n = chars.len();
    let check = |s: usize, e: usize| {
        if s <= e && e <= n {
            Ok(())
        } else {
            Err(format!("span {s}..{e} outside the text ({n} code points)"))
        }
    };
    let mut units = Vec::new();
    let mut covered = Vec::new();
    if let Some(characters) = &raw.characters {
        let aliases: HashMap<&str, &Vec<String>> = characters
            .iter()
            .map(|c| (c.name.as_str(), &c.aliases))
            .collect();
        for q in &raw.quotes {
            let spans: Vec<Range> = if q.spans.is_empty() {
                vec![(q.start, q.end)]
            } else {
                q.spans.iter().map(|s| (s.start, s.end)).collect()
            };
            for (s, e) in spans {
                check(s, e)?;
                covered.push((s, e));
                let inner = strip(&chars, (s, e));
                if inner.1 <= inner.0 {
                    continue;
                }
                let speaker = q.speaker.clone().filter(|s| !s.is_empty());
                let mut names: Vec<String> = speaker.iter().cloned().collect();
                if let Some(more) = speaker.as_deref().and_then(|s| aliases.get(s)) {
                    names.extend(more.iter().cloned());
                }
                units.push(Unit {
                    span: (s, e),
                    inner,
                    speaker: q.speaker.clone(),
                    mention: None,
                    pronoun: false,
                    canonical: q.speaker.clone(),
                    canonical_kind: None,
                    aliases: names,
                });
            }
        }
        return Ok(GoldDoc {
            id,
            text: raw.text,
            units,
            covered,
            canonical_speakers: true,
            indirect: Vec::new(),
            attributions: Vec::new(),
        });
    }
    let mut reported = Vec::new();
    let mut attributions = Vec::new();
    for q in &raw.quotes {
        check(q.start, q.end)?;
        let fragments: Vec<Range> = if q.spans.is_empty() {
            vec![(q.start, q.end)]
        } else {
            q.spans.iter().map(|s| (s.start, s.end)).collect()
        };
        for &(s, e) in &fragments {
            check(s, e)?;
            covered.push((s, e));
        }
        let extent = (
            fragments.iter().map(|f| f.0).min().unwrap_or(q.start),
            fragments.iter().map(|f| f.1).max().unwrap_or(q.end),
        );
        attributions.push(extent);
        let mention = match (q.speaker_mention_start, q.speaker_mention_end) {
            (Some(s), Some(e)) if s <= e && e <= n => Some((s, e)),
            _ => None,
        };
        if q.kind.as_deref() == Some("indirect")
            && q.cue.as_deref().is_some_and(indirect::is_speech)
        {
            let span = indirect::trim(&chars, extent);
            if span.1 >= span.0 + 2 {
                reported.push(IndirectUnit {
                    span,
                    speaker: q.speaker.clone(),
                    mention,
                    pronoun: q.speaker_is_pronoun.unwrap_or(false),
                });
            }
        }
        if !matches!(q.kind.as_deref(), Some("direct" | "mixed")) {
            continue;
        }
        let (canonical, canonical_kind) =
            q.id.as_ref()
                .and_then(|qid| canon.get(&(id.clone(), id_string(qid))))
                .cloned()
                .unwrap_or((None, None));
        for &(s, e) in &fragments {
            for stretch in quoted_stretches(&chars, s, e) {
                units.push(Unit {
                    span: stretch,
                    inner: strip(&chars, stretch),
                    speaker: q.speaker.clone(),
                    mention,
                    pronoun: q.speaker_is_pronoun.unwrap_or(false),
                    canonical: canonical.clone(),
                    canonical_kind: canonical_kind.clone(),
                    aliases: Vec::new(),
                });
            }
        }
    }
    Ok(GoldDoc {
        id,
        text: raw.text,
        units,
        covered,
        canonical_speakers: false,
        indirect: reported,
        attributions,
    })
}

/// The top-level double-quoted stretches inside `chars[s..e]`, as the protocol's scorer
/// finds them: from an opening “ or " to the next ” or " respectively, or to the next " for
/// a “ that no ” closes (a closing mark just past the fragment's end still closes it); an
/// opening mark not closed runs to the
/// fragment's end and ends the search. Stretches left empty once marks are stripped are
/// dropped.
fn quoted_stretches(chars: &[char], s: usize, e: usize) -> Vec<Range> {
    let mut out = Vec::new();
    let mut i = s;
    while i < e {
        let c = chars[i];
        if c == '“' || c == '"' {
            let close = if c == '“' { '”' } else { '"' };
            let limit = (e + 1).min(chars.len());
            let find = |mark: char| (i + 1..limit).find(|&j| chars[j] == mark);
            // A curly opening mark with no curly close is closed by a straight one.
            match find(close).or_else(|| if c == '“' { find('"') } else { None }) {
                Some(j) => {
                    out.push((i, j + 1));
                    i = j + 1;
                }
                None => {
                    out.push((i, e));
                    break;
                }
            }
        } else {
            i += 1;
        }
    }
    out.retain(|&r| {
        let (a, b) = strip(chars, r);
        b > a
    });
    out
}

/// What the scorer strips from both ends of a span: quotation marks and blanks.
fn is_quote_char(c: char) -> bool {
    /// The scorer's `MARKS`, character for character.
    const MARKS: &str = "“”\"«»„‘’'‹›「」『』 \t\n";
    MARKS.contains(c)
}

/// Strips quotation marks and whitespace from both ends of a range.
fn strip(chars: &[char], (mut s, mut e): Range) -> Range {
    while s < e && is_quote_char(chars[s]) {
        s += 1;
    }
    while e > s && is_quote_char(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

pub(crate) fn overlap(a: Range, b: Range) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn iou(a: Range, b: Range) -> f64 {
    let inter = overlap(a, b);
    let union = (a.1 - a.0) + (b.1 - b.0) - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Counts behind the scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Documents scored.
    pub documents: usize,
    /// Gold units.
    pub units: usize,
    /// Predicted quotes, terms aside.
    pub predictions: usize,
    /// Predicted quotes that match a gold unit.
    pub matched: usize,
    /// Unmatched predictions that overlap a gold unit.
    pub false_positives: usize,
    /// Unmatched predictions that overlap no gold unit (neither right nor wrong).
    pub neutral: usize,
    /// Matched units whose gold unit names a source.
    pub with_source: usize,
    /// Of those, units whose predicted speaker is the gold one.
    pub speaker_correct: usize,
    /// Gold units found and given the right speaker.
    pub end_to_end: usize,
    /// Matched units with a canonical gold name.
    pub canonical_total: usize,
    /// Of those, units whose predicted speaker is that name.
    pub canonical_correct: usize,
    /// Matched units with a canonical gold name and a pronoun mention.
    pub canonical_pronoun_total: usize,
    /// Of those, units whose predicted speaker is that name.
    pub canonical_pronoun_correct: usize,
    /// Reported speech, counted apart.
    pub indirect: IndirectCounts,
}

/// The protocol's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// Matched units over matched units and false positives.
    pub precision: f64,
    /// Matched units over gold units.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Right speakers over matched units that have a source.
    pub speaker_accuracy: f64,
    /// Units found with the right speaker over all gold units.
    pub end_to_end_recall: f64,
    /// Right canonical names over matched units with one (`None` when the corpus has none).
    pub canonical_accuracy: Option<f64>,
    /// The same, over pronoun mentions only.
    pub canonical_pronoun_accuracy: Option<f64>,
    /// The counts the scores come from.
    pub counts: Counts,
    /// Reported speech (kind `indirect`), scored apart from quotes.
    pub indirect: IndirectScores,
}

/// A miss, a false positive or a wrong speaker, for `--errors`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvalError {
    /// The document.
    pub doc: String,
    /// `missed`, `false_positive` or `wrong_speaker`.
    pub what: &'static str,
    /// The quote's text (gold or predicted).
    pub text: String,
    /// The annotated speaker.
    pub gold_speaker: Option<String>,
    /// The speaker quotecheck gave.
    pub predicted_speaker: Option<String>,
    /// The mention quotecheck's speaker rests on.
    pub predicted_mention: Option<String>,
    /// The attribution method that decided.
    pub method: Option<String>,
    /// The text around the quote.
    pub context: String,
}

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Precision, recall and F1 from matched predictions, unmatched ones and gold units, as
/// both scorers compute them.
pub(crate) fn precision_recall_f1(
    matched: usize,
    false_positives: usize,
    units: usize,
) -> (f64, f64, f64) {
    let precision = ratio(matched, matched + false_positives);
    let recall = ratio(matched, units);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

impl Counts {
    /// The protocol's figures from these counts.
    pub fn scores(&self) -> Scores {
        let (precision, recall, f1) =
            precision_recall_f1(self.matched, self.false_positives, self.units);
        Scores {
            precision,
            recall,
            f1,
            speaker_accuracy: ratio(self.speaker_correct, self.with_source),
            end_to_end_recall: ratio(self.end_to_end, self.units),
            canonical_accuracy: (self.canonical_total > 0)
                .then(|| ratio(self.canonical_correct, self.canonical_total)),
            canonical_pronoun_accuracy: (self.canonical_pronoun_total > 0)
                .then(|| ratio(self.canonical_pronoun_correct, self.canonical_pronoun_total)),
            counts: self.clone(),
            indirect: self.indirect.scores(),
        }
    }
}

/// Scores one document's predictions against its gold units, adding to `counts` and `errors`.
///
/// Step for step what `../shared/scoring/score.py` does: each unit in turn takes the unused
/// prediction (of any kind) with the best overlap over union, the first of equals; a unit
/// whose best is under 0.5 is missed. Predictions left over that are not terms count as
/// false positives when they touch a unit, and are neutral otherwise.
pub fn score_document(
    gold: &GoldDoc,
    predicted: &[Quote],
    counts: &mut Counts,
    errors: &mut Vec<EvalError>,
) {
    let chars: Vec<char> = gold.text.chars().collect();
    let inner: Vec<Range> = predicted
        .iter()
        .map(|q| {
            let end = q.end.min(chars.len());
            strip(&chars, (q.start.min(end), end))
        })
        .collect();
    counts.documents += 1;
    counts.units += gold.units.len();
    counts.predictions += predicted.iter().filter(|q| q.kind != Kind::Term).count();

    let context = |r: Range| -> String {
        let s = r.0.saturating_sub(80);
        let e = (r.1 + 80).min(chars.len());
        chars[s..e].iter().collect::<String>().replace('\n', " ")
    };
    let slice = |r: Range| -> String { chars[r.0..r.1.min(chars.len())].iter().collect() };

    let mut used = vec![false; predicted.len()];
    for unit in &gold.units {
        let mut best: Option<(f64, usize)> = None;
        for (p, &pr) in inner.iter().enumerate() {
            if used[p] || overlap(pr, unit.inner) == 0 {
                continue;
            }
            let score = iou(pr, unit.inner);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, p));
            }
        }
        let Some((_, p)) = best.filter(|&(score, _)| score >= 0.5) else {
            errors.push(EvalError {
                doc: gold.id.clone(),
                what: "missed",
                text: slice(unit.span),
                gold_speaker: unit.speaker.clone(),
                predicted_speaker: None,
                predicted_mention: None,
                method: None,
                context: context(unit.span),
            });
            continue;
        };
        used[p] = true;
        counts.matched += 1;
        let q = &predicted[p];
        if !gold.canonical_speakers
            && let Some(name) = &unit.canonical
        {
            let right = names_agree(q.speaker.as_deref(), name);
            counts.canonical_total += 1;
            counts.canonical_correct += usize::from(right);
            if unit.canonical_kind.as_deref() == Some("pronoun") {
                counts.canonical_pronoun_total += 1;
                counts.canonical_pronoun_correct += usize::from(right);
            }
        }
        if unit.speaker.as_deref().is_none_or(str::is_empty) {
            continue;
        }
        counts.with_source += 1;
        let correct = if gold.canonical_speakers {
            speaker_is_character(q.speaker.as_deref(), unit)
        } else {
            speaker_matches_source(q, unit)
        };
        if correct {
            counts.speaker_correct += 1;
            counts.end_to_end += 1;
        } else {
            errors.push(EvalError {
                doc: gold.id.clone(),
                what: "wrong_speaker",
                text: q.text.clone(),
                gold_speaker: unit.canonical.clone().or_else(|| unit.speaker.clone()),
                predicted_speaker: q.speaker.clone(),
                predicted_mention: q.mention.clone(),
                method: q.method.clone(),
                context: context(unit.span),
            });
        }
    }

    for (p, q) in predicted.iter().enumerate() {
        if used[p] || q.kind == Kind::Term {
            continue;
        }
        if gold.units.iter().any(|u| overlap(inner[p], u.inner) > 0) {
            counts.false_positives += 1;
            errors.push(EvalError {
                doc: gold.id.clone(),
                what: "false_positive",
                text: q.text.clone(),
                gold_speaker: None,
                predicted_speaker: q.speaker.clone(),
                predicted_mention: q.mention.clone(),
                method: q.method.clone(),
                context: context((q.start, q.end)),
            });
        } else {
            counts.neutral += 1;
        }
    }
    indirect::score_document(
        &gold.id,
        &chars,
        &gold.indirect,
        &gold.attributions,
        predicted,
        &mut counts.indirect,
        errors,
    );
}

/// Protocol step 6 for PolNeAR: the mention overlaps the gold source mention; or, for a
/// source that is not a pronoun, the speaker or mention names it; or the speaker names the
/// quote's canonical person; or the relay (`via`) names the gold source.
fn speaker_matches_source(q: &Quote, unit: &Unit) -> bool {
    if let (Some(gm), Some(s), Some(e)) = (unit.mention, q.mention_start, q.mention_end)
        && overlap(gm, (s, e)) > 0
    {
        return true;
    }
    let gold = unit.speaker.as_deref().unwrap_or("");
    if !unit.pronoun
        && (names_agree(q.speaker.as_deref(), gold) || names_agree(q.mention.as_deref(), gold))
    {
        return true;
    }
    if let Some(name) = &unit.canonical
        && names_agree(q.speaker.as_deref(), name)
    {
        return true;
    }
    q.via.is_some() && names_agree(q.via.as_deref(), gold)
}

/// PDNC: the speaker is the character's canonical name or one of its aliases.
fn speaker_is_character(predicted: Option<&str>, unit: &Unit) -> bool {
    let p = predicted.unwrap_or("").trim().to_lowercase();
    !p.is_empty() && unit.aliases.iter().any(|n| n.trim().to_lowercase() == p)
}

/// Words the scorer ignores in a name: titles and the article.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "the",
    "sen",
    "senator",
    "gov",
    "governor",
    "rep",
    "president",
    "vice",
    "co",
    "host",
    "rev",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "mayor",
    "jr",
    "sr",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of a name as the scorer compares them: lower case, a possessive 's dropped,
/// punctuation a space, titles left out.
pub fn name_words(s: &str) -> Vec<String> {
    let lower: Vec<char> = s.to_lowercase().chars().collect();
    let mut cleaned = String::with_capacity(lower.len());
    let mut i = 0;
    while i < lower.len() {
        let c = lower[i];
        if matches!(c, '’' | '\'')
            && lower.get(i + 1) == Some(&'s')
            && lower.get(i + 2).is_none_or(|&n| !is_word_char(n))
        {
            i += 2;
            continue;
        }
        cleaned.push(if is_word_char(c) || c.is_whitespace() {
            c
        } else {
            ' '
        });
        i += 1;
    }
    cleaned
        .split_whitespace()
        .filter(|w| !TITLES.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether a predicted name and a gold name name the same person, as the scorer decides: a
/// shared word with the gold's head (its first four words, an appositive cut at a comma),
/// no clash of first names when both give two words or more (Melania Trump is not Donald
/// Trump), and one contained in the other or the prediction's last word in the head.
pub fn names_agree(predicted: Option<&str>, gold: &str) -> bool {
    let p = name_words(predicted.unwrap_or(""));
    if p.is_empty() || name_words(gold).is_empty() {
        return false;
    }
    let mut head = name_words(gold.split(',').next().unwrap_or(""));
    head.truncate(4);
    if p.len() >= 2
        && head.len() >= 2
        && p[0].chars().count() > 1
        && head[0].chars().count() > 1
        && p[0] != head[0]
    {
        return false;
    }
    let shared = p.iter().any(|w| head.contains(w));
    let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
    shared && (within(&head, &p) || within(&p, &head) || p.last().is_some_and(|w| head.contains(w)))
}

/// Whether two names name the same person (the scorer's test, either way round).
pub fn same_person(a: &str, b: &str) -> bool {
    names_agree(Some(a), b) || names_agree(Some(b), a)
}

/// Runs extraction over every gold document (reported speech included) and scores it.
pub fn evaluate(gold: &[GoldDoc]) -> (Scores, Vec<EvalError>) {
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    // As `quotecheck extract` runs by default: reported speech on.
    let options = Options {
        indirect: true,
        ..Options::default()
    };
    for doc in gold {
        let document = Document::new(doc.id.clone(), doc.text.clone());
        let predicted = extract_with(&document, &options).quotes;
        score_document(doc, &predicted, &mut counts, &mut errors);
    }
    (counts.scores(), errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_inside_a_mixed_fragment() {
        let chars: Vec<char> = "He called half of them “deplorables.” and “sad”"
            .chars()
            .collect();
        let s = quoted_stretches(&chars, 0, chars.len());
        assert_eq!(s, [(23, 37), (42, 47)]);
        assert_eq!(strip(&chars, s[0]), (24, 36));
    }

    #[test]
    fn same_person_respects_first_names() {
        assert!(same_person("Donald Trump", "Trump"));
        assert!(same_person("Mr. Putin", "Vladimir Putin"));
        assert!(!same_person("Melania Trump", "Donald Trump"));
        assert!(!same_person("Bashar Assad", "Vladimir Putin"));
    }
}
