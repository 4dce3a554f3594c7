//! Scoring reported speech (records of kind `indirect`) as the protocol's section "Reported
//! speech without quotation marks" (`../shared/corpora/README.md`) defines it, step for
//! step as `../shared/scoring/score_indirect.py`:
//!
//! - gold units: `indirect` attributions whose cue has a word of speech (`SPEECH`), the
//!   span from the first fragment's start to the last's end, trimmed of blanks and
//!   punctuation (`TRIM`), at least two code points long;
//! - each unit takes the unused prediction with the best overlap over union (>= 0.5);
//! - a prediction left over is a false positive when it overlaps no annotated attribution
//!   of any type, neutral otherwise;
//! - speakers: the predicted mention overlaps the gold mention, or (gold not a pronoun)
//!   the predicted speaker or mention names the gold source.

use serde::Serialize;

use super::{EvalError, Range, names_agree, overlap, precision_recall_f1, ratio};
use crate::kind::Kind;
use crate::record::Quote;

/// The protocol's words of speech: a cue with one of them (any case) is reported speech;
/// any other (believe, described as, reluctance to) is neutral. This list is the
/// protocol's, copied from the scorer, not a rule of the extractor.
const SPEECH: &str = "say says said saying tell tells told telling according ask asks asked asking announce announces
announced announcing note notes noted noting write writes wrote writing written report reports
reported reporting add adds added adding argue argues argued arguing claim claims claimed
claiming explain explains explained explaining warn warns warned warning insist insists insisted
insisting state states stated stating suggest suggests suggested suggesting acknowledge
acknowledges acknowledged acknowledging admit admits admitted admitting deny denies denied
denying reply replies replied replying respond responds responded responding declare declares
declared declaring urge urges urged urging accuse accuses accused accusing recall recalls
recalled recalling testify testifies testified testifying tweet tweets tweeted tweeting post
posts posted posting confirm confirms confirmed confirming predict predicts predicted predicting
promise promises promised promising vow vows vowed vowing pledge pledges pledged pledging concede
concedes conceded conceding contend contends contended contending assert asserts asserted
asserting maintain maintains maintained maintaining emphasize emphasizes emphasized emphasizing
stress stresses stressed stressing counter counters countered countering complain complains
complained complaining boast boasts boasted boasting joke jokes joked joking repeat repeats
repeated repeating caution cautions cautioned cautioning allege alleges alleged alleging demand
demands demanded demanding reveal reveals revealed revealing disclose discloses disclosed
disclosing estimate estimates estimated estimating point pointed pointing mention mentions
mentioned mentioning charge charges charged charging agree agrees agreed agreeing";

/// What the scorer trims from both ends of a unit and a prediction.
const TRIM: &str = " \t\n.,;:!?“”\"'‘’«»—–-()";

/// Whether an annotated cue is one of speech: one of its runs of ASCII letters (lower
/// cased) is in `SPEECH`.
pub fn is_speech(cue: &str) -> bool {
    let lower = cue.to_lowercase();
    lower
        .split(|c: char| !c.is_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .any(|w| SPEECH.split_whitespace().any(|s| s == w))
}

/// A range trimmed of `TRIM` characters at both ends.
pub fn trim(chars: &[char], (mut s, mut e): Range) -> Range {
    while s < e && TRIM.contains(chars[s]) {
        s += 1;
    }
    while e > s && TRIM.contains(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// One gold unit of reported speech.
#[derive(Clone, Debug, PartialEq)]
pub struct IndirectUnit {
    /// The content, trimmed.
    pub span: Range,
    /// The source as annotated (a surface mention).
    pub speaker: Option<String>,
    /// The source mention's span, code points.
    pub mention: Option<Range>,
    /// Whether the source mention is a pronoun (then only the mention's place counts).
    pub pronoun: bool,
}

/// Counts behind the reported-speech figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IndirectCounts {
    /// Gold units of reported speech.
    pub units: usize,
    /// Units matched by a prediction.
    pub matched: usize,
    /// Predictions over no annotated attribution.
    pub false_positives: usize,
    /// Predictions over an annotated attribution that is no unit (or unmatched).
    pub neutral: usize,
    /// Matched units whose gold has a source.
    pub with_source: usize,
    /// Of those, the ones whose speaker is right.
    pub speaker_correct: usize,
}

/// The reported-speech figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndirectScores {
    /// Matched over matched plus false positives.
    pub precision: f64,
    /// Matched over units.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Right speakers over matched units with a source.
    pub speaker_accuracy: f64,
    /// Right speakers over all units.
    pub end_to_end_recall: f64,
    /// The counts behind the figures.
    pub counts: IndirectCounts,
}

impl IndirectCounts {
    /// The figures from the counts.
    pub fn scores(&self) -> IndirectScores {
        let (precision, recall, f1) =
            precision_recall_f1(self.matched, self.false_positives, self.units);
        IndirectScores {
            precision,
            recall,
            f1,
            speaker_accuracy: ratio(self.speaker_correct, self.with_source),
            end_to_end_recall: ratio(self.speaker_correct, self.units),
            counts: self.clone(),
        }
    }
}

/// Scores one document's `indirect` records against its units of reported speech.
pub fn score_document(
    id: &str,
    chars: &[char],
    units: &[IndirectUnit],
    attributions: &[Range],
    predicted: &[Quote],
    counts: &mut IndirectCounts,
    errors: &mut Vec<EvalError>,
) {
    let predicted: Vec<&Quote> = predicted
        .iter()
        .filter(|q| q.kind == Kind::Indirect)
        .collect();
    let spans: Vec<Range> = predicted
        .iter()
        .map(|q| {
            let end = q.end.min(chars.len());
            trim(chars, (q.start.min(end), end))
        })
        .collect();
    let slice = |r: Range| -> String { chars[r.0..r.1.min(chars.len())].iter().collect() };
    let context = |r: Range| -> String {
        let s = r.0.saturating_sub(80);
        let e = (r.1 + 80).min(chars.len());
        chars[s..e].iter().collect::<String>().replace('\n', " ")
    };
    counts.units += units.len();
    let mut used = vec![false; predicted.len()];
    for unit in units {
        let mut best: Option<(f64, usize)> = None;
        for (p, &pr) in spans.iter().enumerate() {
            let ov = overlap(pr, unit.span);
            if used[p] || ov == 0 {
                continue;
            }
            let score = ov as f64 / (pr.1.max(unit.span.1) - pr.0.min(unit.span.0)) as f64;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, p));
            }
        }
        let Some((_, p)) = best.filter(|&(score, _)| score >= 0.5) else {
            errors.push(EvalError {
                doc: id.to_string(),
                what: "missed_indirect",
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
        let Some(gold) = unit.speaker.as_deref().filter(|s| !s.is_empty()) else {
            continue;
        };
        counts.with_source += 1;
        let q = predicted[p];
        let by_mention = matches!(
            (unit.mention, q.mention_start, q.mention_end),
            (Some(gm), Some(s), Some(e)) if overlap(gm, (s, e)) > 0
        );
        let by_name = !unit.pronoun
            && (names_agree(q.speaker.as_deref(), gold) || names_agree(q.mention.as_deref(), gold));
        if by_mention || by_name {
            counts.speaker_correct += 1;
        } else {
            errors.push(EvalError {
                doc: id.to_string(),
                what: "wrong_indirect_speaker",
                text: q.text.clone(),
                gold_speaker: Some(gold.to_string()),
                predicted_speaker: q.speaker.clone(),
                predicted_mention: q.mention.clone(),
                method: q.method.clone(),
                context: context(unit.span),
            });
        }
    }
    for (p, q) in predicted.iter().enumerate() {
        if used[p] {
            continue;
        }
        if attributions.iter().any(|&a| overlap(spans[p], a) > 0) {
            counts.neutral += 1;
        } else {
            counts.false_positives += 1;
            errors.push(EvalError {
                doc: id.to_string(),
                what: "false_positive_indirect",
                text: q.text.clone(),
                gold_speaker: None,
                predicted_speaker: q.speaker.clone(),
                predicted_mention: q.mention.clone(),
                method: q.method.clone(),
                context: context((q.start, q.end)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_cues_are_the_protocols() {
        assert!(is_speech("said"));
        assert!(is_speech("has long argued"));
        assert!(is_speech("According to"));
        assert!(!is_speech("believes"));
        assert!(!is_speech("described as"));
        assert!(!is_speech(""));
    }

    #[test]
    fn trims_marks_blanks_and_punctuation() {
        let chars: Vec<char> = " “(he left).” ".chars().collect();
        let (s, e) = trim(&chars, (0, chars.len()));
        assert_eq!(chars[s..e].iter().collect::<String>(), "he left");
    }
}
