//! What the review compares an article with.
//!
//! - A previous version: [`against_previous`] runs the [`crate::diff`] alignment and keeps,
//!   for each quote of the article, its line of the diff (status, changes, word diff);
//!   previous quotes the alignment left unmatched were removed.
//! - Sources: [`against_sources`] reads them (text, SRT, WebVTT) and gives each quote the
//!   [`crate::verify`] verdict, in the review's terms ([`Verdict`]).

use std::collections::HashMap;
use std::path::PathBuf;

use crate::diff::{self, Pair, Status};
use crate::error::Result;
use crate::kind::Kind;
use crate::record::Quote;
use crate::verify::{self, Verified, Verifier, source::Source};

use super::{Change, Changes, Passage, Verdict, VerdictStatus};

/// Aligns the article's quotes (`current`) with the previous version's.
pub fn against_previous(current: &[Quote], previous: &[Quote]) -> Changes {
    let d = diff::diff(
        "previous",
        previous,
        "current",
        current,
        &diff::Options::default(),
    );
    let position: HashMap<usize, usize> = current
        .iter()
        .enumerate()
        .map(|(k, q)| (q.index, k))
        .collect();
    let mut per_quote: Vec<Option<(f64, Change)>> = vec![None; current.len()];
    let mut removed = Vec::new();
    for pair in d.pairs {
        let Pair {
            status,
            changes,
            similarity,
            old,
            new,
            word_diff,
            ..
        } = pair;
        let Some(new) = new else {
            removed.extend(old);
            continue;
        };
        let Some(&k) = position.get(&new.index) else {
            continue;
        };
        let change = Change {
            status,
            changes,
            previous_indices: old.as_ref().map(|q| q.index).into_iter().collect(),
            previous_text: old.as_ref().map(|q| q.text.clone()),
            previous_speaker: old.and_then(|q| q.speaker),
            words: if status == Status::Modified {
                word_diff
            } else {
                Vec::new()
            },
        };
        // A merge aligns several previous quotes with this one: keep the closest, with every
        // change any of them shows.
        per_quote[k] = Some(match per_quote[k].take() {
            None => (similarity, change),
            Some((kept_similarity, kept)) => {
                let (mut closest, other, best) = if similarity > kept_similarity {
                    (change, kept, similarity)
                } else {
                    (kept, change, kept_similarity)
                };
                closest.changes.extend(other.changes);
                closest.changes.sort_unstable();
                closest.changes.dedup();
                closest.previous_indices.extend(other.previous_indices);
                closest.previous_indices.sort_unstable();
                if !closest.changes.is_empty() {
                    closest.status = Status::Modified;
                }
                (best, closest)
            }
        });
    }
    let per_quote = per_quote
        .into_iter()
        .map(|c| match c {
            Some((_, change)) => change,
            // The diff lists every quote of the new version; this is only a safe default.
            None => Change {
                status: Status::Added,
                changes: Vec::new(),
                previous_indices: Vec::new(),
                previous_text: None,
                previous_speaker: None,
                words: Vec::new(),
            },
        })
        .collect();
    Changes { per_quote, removed }
}

/// The sources' names (as given) and a verdict for each quote (`None` when not checked).
pub type Checked = (Vec<String>, Vec<Option<Verdict>>);

/// Reads the sources at `paths` (text, SRT or WebVTT) and checks every quote against them
/// with [`crate::verify`]. An unreadable source is an error naming the file (and line).
pub fn against_sources(quotes: &[Quote], paths: &[PathBuf]) -> Result<Checked> {
    let sources = paths
        .iter()
        .map(|p| Source::load(p))
        .collect::<Result<Vec<Source>>>()?;
    let names = sources.iter().map(|s| s.name.clone()).collect();
    let verifier = Verifier::new(sources);
    let verdicts = quotes
        .iter()
        .map(|q| (q.kind != Kind::Term).then(|| from_verify(&verifier.verify(q))))
        .collect();
    Ok((names, verdicts))
}

/// The review's verdict for `verify`'s, under the same name; an elision that drops a
/// negation or qualifier is not clean.
fn from_verify(v: &Verified) -> Verdict {
    let meaning = v.flags.iter().any(|f| f == "meaning");
    let status = match v.verdict {
        verify::Verdict::Exact => VerdictStatus::Exact,
        verify::Verdict::Cosmetic => VerdictStatus::Cosmetic,
        verify::Verdict::Elided if meaning => VerdictStatus::ElisionMeaning,
        verify::Verdict::Elided => VerdictStatus::Elision,
        verify::Verdict::Bracketed => VerdictStatus::Bracketed,
        verify::Verdict::Altered => VerdictStatus::Altered,
        verify::Verdict::Spliced => VerdictStatus::Spliced,
        verify::Verdict::Misattributed => VerdictStatus::Misattributed,
        verify::Verdict::NotFound => VerdictStatus::NotFound,
        verify::Verdict::Paraphrase => VerdictStatus::Paraphrase,
    };
    let location = |line: usize, time: &Option<String>| match time {
        Some(t) => format!("line {line} at {t}"),
        None => format!("line {line}"),
    };
    let mut detail = Vec::new();
    if let Some(line) = v.line {
        detail.push(location(line, &v.timestamp));
    }
    if status == VerdictStatus::Misattributed
        && let Some(who) = &v.source_speaker
    {
        detail.push(format!("the source credits {who}"));
    }
    if meaning {
        detail.push("an omission removes a negation or qualifier".to_string());
    }
    if !status.is_clean() && status != VerdictStatus::NotFound {
        detail.push(format!("{:.0}% similar", v.similarity * 100.0));
    }
    let passage = (v.verdict != verify::Verdict::Exact && !v.stretches.is_empty()).then(|| {
        let first = &v.stretches[0];
        Passage {
            speaker: v.source_speaker.clone(),
            location: location(first.line, &first.timestamp),
            text: v
                .stretches
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" … "),
            diff: verify::report::diff_text(&v.diff, &verify::report::Style::plain()),
        }
    });
    Verdict {
        status,
        source: v.source.clone(),
        detail: (!detail.is_empty()).then(|| detail.join("; ")),
        passage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::words::Op;
    use crate::review::tests::{attributed, unattributed};

    fn quotes(text: &str) -> Vec<Quote> {
        unattributed(text).1.quotes
    }

    fn words(change: &Change, op: Op) -> Vec<&str> {
        change
            .words
            .iter()
            .filter(|w| w.op == op)
            .map(|w| w.text.trim())
            .collect()
    }

    #[test]
    fn reworded_new_and_removed_quotes_and_a_move_that_is_not_flagged() {
        let old = quotes(
            "“We have an opportunity to discuss the entire range of our relations,” Putin said.\n\
             “It has been a long time since we last met,” he said.\n\
             Assad applauded the “maturity” of the relationship.",
        );
        let new = quotes(
            "“It has been a long time since we last met,” Putin said.\n\
             “We have an opportunity to discuss the whole range of our relations,” Putin said.\n\
             “This directly concerns Syria,” he added.",
        );
        let changes = against_previous(&new, &old);
        let [moved, reworded, added] = &changes.per_quote[..] else {
            panic!("one change per quote: {:?}", changes.per_quote);
        };
        assert_eq!(moved.previous_indices, [2]);
        assert!(!moved.needs_review(), "{moved:?}");
        assert!(moved.changes.iter().all(|c| *c == diff::Change::Position));

        assert_eq!(reworded.status, Status::Modified);
        assert!(reworded.changes.contains(&diff::Change::Wording));
        assert!(reworded.needs_review());
        assert_eq!(
            (words(reworded, Op::Delete), words(reworded, Op::Insert)),
            (vec!["entire"], vec!["whole"])
        );

        assert_eq!(added.status, Status::Added);
        assert!(added.words.is_empty());
        let gone: Vec<&str> = changes.removed.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(gone, ["maturity"]);
    }

    #[test]
    fn a_different_quote_is_not_a_changed_one() {
        let old = quotes("“We do not have an eye on Syrian soil,” Erdogan said.");
        let new = quotes("“We will extend our invitation to Assad,” Erdogan said.");
        let changes = against_previous(&new, &old);
        assert_eq!(changes.per_quote[0].status, Status::Added);
        assert_eq!(changes.removed.len(), 1);
    }

    #[test]
    fn spacing_and_apostrophes_are_cosmetic_and_not_flagged() {
        let old = quotes("“Erdogan's goal is  to legalize the occupation,” he said.");
        let new = quotes("“Erdogan’s goal is to legalize the occupation,” he said.");
        let change = &against_previous(&new, &old).per_quote[0];
        assert_eq!(change.changes, [diff::Change::Cosmetic]);
        assert!(!change.needs_review());
    }

    #[test]
    fn the_same_words_from_another_speaker_are_flagged() {
        let text = "“We will extend our invitation to Assad,” he said.";
        let (_, old) = attributed(text, &[(1, "Vladimir Putin", "trailing", 0.9)]);
        let (_, new) = attributed(text, &[(1, "Recep Tayyip Erdogan", "trailing", 0.9)]);
        let change = &against_previous(&new.quotes, &old.quotes).per_quote[0];
        assert_eq!(change.changes, [diff::Change::Speaker]);
        assert_eq!(change.previous_speaker.as_deref(), Some("Vladimir Putin"));
        assert_eq!(change.describe(), "speaker was Vladimir Putin");
        assert!(change.needs_review());
    }

    #[test]
    fn quotes_joined_without_changing_a_word_are_one_change_and_not_flagged() {
        let old = quotes(
            "“We do not have an eye on Syrian soil,” Erdogan said. “We entered to end terror,” he said.",
        );
        let new = quotes(
            "“We do not have an eye on Syrian soil. We entered to end terror,” Erdogan said.",
        );
        let changes = against_previous(&new, &old);
        assert_eq!(changes.per_quote.len(), 1);
        let merged = &changes.per_quote[0];
        assert!(merged.changes.contains(&diff::Change::Merged), "{merged:?}");
        assert_eq!(merged.previous_indices, [1, 2]);
        assert_eq!(merged.was(), "#1 + #2");
        assert!(!merged.needs_review(), "{merged:?}");
        assert!(changes.removed.is_empty(), "{:?}", changes.removed);
    }

    #[test]
    fn a_missing_source_is_an_error_naming_it() {
        let err = against_sources(&[], &[PathBuf::from("no-such-transcript.txt")]).unwrap_err();
        assert!(err.to_string().contains("no-such-transcript.txt"), "{err}");
    }
}
