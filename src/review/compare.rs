//! A small stand-in for the `diff` and `verify` stages, enough for the review to show
//! changed quotes and unverified ones: it fills [`Changes`] and [`Verdict`]s.
//!
//! - Against a previous version: quotes with the same normalised words pair first; what is
//!   left pairs with the most similar unpaired previous quote when at least half the words
//!   agree; the rest are new, and unpaired previous quotes were removed.
//! - Against sources: a quote is exact when its characters appear in a source, cosmetic when
//!   its normalised words do, a clean elision when the pieces around "…" appear in order,
//!   altered when a stretch of the source shares most of its words, and otherwise not found.
//!   Terms are not checked.

use std::collections::{HashMap, HashSet};

use similar::{ChangeTag, TextDiff};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::Document;
use crate::kind::Kind;
use crate::record::Quote;

use super::{Change, ChangeStatus, Changes, Verdict, VerdictStatus, WordChange, WordOp};

/// Below this share of common words two quotes are different quotes, not one changed.
const PAIRING_SIMILARITY: f32 = 0.5;

/// A quote's words, lower-cased, without punctuation, quote marks or spacing differences.
pub fn normalized_words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// Pairs the article's quotes with the previous version's.
pub fn compare_with_previous(current: &[Quote], previous: &[Quote]) -> Changes {
    let current_words: Vec<Vec<String>> =
        current.iter().map(|q| normalized_words(&q.text)).collect();
    let previous_words: Vec<Vec<String>> =
        previous.iter().map(|q| normalized_words(&q.text)).collect();
    let mut paired: Vec<Option<usize>> = vec![None; current.len()];
    let mut taken = vec![false; previous.len()];

    // Same words: the first unpaired previous quote with them.
    let mut by_words: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (j, w) in previous_words.iter().enumerate().rev() {
        by_words.entry(w.as_slice()).or_default().push(j);
    }
    for (i, w) in current_words.iter().enumerate() {
        if let Some(j) = by_words.get_mut(w.as_slice()).and_then(Vec::pop) {
            paired[i] = Some(j);
            taken[j] = true;
        }
    }
    // The rest: the most similar unpaired previous quote, if similar enough. A cheap
    // shared-word count skips pairs that cannot reach the threshold before any diff runs.
    for i in 0..current.len() {
        if paired[i].is_some() || current_words[i].is_empty() {
            continue;
        }
        let mine: HashSet<&String> = current_words[i].iter().collect();
        let mut best: Option<(f32, usize)> = None;
        for j in (0..previous.len()).filter(|&j| !taken[j]) {
            let theirs = &previous_words[j];
            let shared = theirs.iter().filter(|w| mine.contains(w)).count();
            let bound = 2.0 * shared as f32 / (theirs.len() + current_words[i].len()) as f32;
            if bound < PAIRING_SIMILARITY || best.is_some_and(|(b, _)| bound <= b) {
                continue;
            }
            let ratio = word_diff_ratio(&previous[j].text, &current[i].text);
            if ratio >= PAIRING_SIMILARITY && best.is_none_or(|(b, _)| ratio > b) {
                best = Some((ratio, j));
            }
        }
        if let Some((_, j)) = best {
            paired[i] = Some(j);
            taken[j] = true;
        }
    }

    let per_quote = current
        .iter()
        .zip(&paired)
        .zip(&current_words)
        .map(|((q, &j), words)| match j {
            None => Change {
                status: ChangeStatus::New,
                previous_index: None,
                previous_text: None,
                words: Vec::new(),
            },
            Some(j) => {
                let same = &previous_words[j] == words;
                Change {
                    status: if same {
                        ChangeStatus::Same
                    } else {
                        ChangeStatus::Changed
                    },
                    previous_index: Some(previous[j].index),
                    previous_text: Some(previous[j].text.clone()),
                    words: if same {
                        Vec::new()
                    } else {
                        word_diff(&previous[j].text, &q.text)
                    },
                }
            }
        })
        .collect();
    let removed = previous
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(q, _)| q.clone())
        .collect();
    Changes { per_quote, removed }
}

fn word_diff_ratio(old: &str, new: &str) -> f32 {
    TextDiff::from_words(old, new).ratio()
}

/// The word diff from `old` to `new`, runs of the same operation merged.
pub fn word_diff(old: &str, new: &str) -> Vec<WordChange> {
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<WordChange> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => WordOp::Same,
            ChangeTag::Delete => WordOp::Removed,
            ChangeTag::Insert => WordOp::Added,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(WordChange {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    out
}

/// The verdict for each quote against `sources` (`None` for terms).
pub fn check_against_sources(quotes: &[Quote], sources: &[Document]) -> Vec<Option<Verdict>> {
    let source_words: Vec<Vec<String>> =
        sources.iter().map(|s| normalized_words(&s.text)).collect();
    quotes
        .iter()
        .map(|q| (q.kind != Kind::Term).then(|| verdict(&q.text, sources, &source_words)))
        .collect()
}

fn verdict(text: &str, sources: &[Document], source_words: &[Vec<String>]) -> Verdict {
    let found = |status, source: &Document, detail: Option<String>| Verdict {
        status,
        source: Some(source.id.clone()),
        detail,
    };
    let trimmed = text.trim_end_matches([',', ' ']);
    if let Some(s) = sources.iter().find(|s| s.text.contains(trimmed)) {
        return found(VerdictStatus::Exact, s, None);
    }
    let words = normalized_words(text);
    for (s, haystack) in sources.iter().zip(source_words) {
        if contains(haystack, &words) {
            return found(VerdictStatus::Cosmetic, s, None);
        }
    }
    let pieces: Vec<Vec<String>> = text
        .split(['…', '['])
        .flat_map(|p| p.split("..."))
        .map(normalized_words)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() > 1 {
        for (s, haystack) in sources.iter().zip(source_words) {
            if in_order(haystack, &pieces) {
                return found(VerdictStatus::Elision, s, None);
            }
        }
    }
    let mut best: Option<(f64, usize)> = None;
    for (k, haystack) in source_words.iter().enumerate() {
        let share = best_window_share(haystack, &words);
        if best.is_none_or(|(b, _)| share > b) {
            best = Some((share, k));
        }
    }
    match best {
        Some((share, k)) if share >= 0.6 => found(
            VerdictStatus::Altered,
            &sources[k],
            Some(format!(
                "{:.0}% of the words match a passage",
                share * 100.0
            )),
        ),
        _ => Verdict {
            status: VerdictStatus::NotFound,
            source: None,
            detail: None,
        },
    }
}

fn contains(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn in_order(haystack: &[String], pieces: &[Vec<String>]) -> bool {
    let mut from = 0;
    for piece in pieces {
        match haystack[from..]
            .windows(piece.len())
            .position(|w| w == piece.as_slice())
        {
            Some(at) => from += at + piece.len(),
            None => return false,
        }
    }
    true
}

/// The largest share of `needle`'s words found in any same-length stretch of `haystack`
/// (one pass, sliding the stretch a word at a time).
fn best_window_share(haystack: &[String], needle: &[String]) -> f64 {
    let n = needle.len();
    if n == 0 || haystack.len() < n {
        return 0.0;
    }
    let wanted: HashSet<&String> = needle.iter().collect();
    let hit = |w: &String| usize::from(wanted.contains(w));
    let mut count: usize = haystack[..n].iter().map(hit).sum();
    let mut best = count;
    for i in n..haystack.len() {
        count = count + hit(&haystack[i]) - hit(&haystack[i - n]);
        best = best.max(count);
    }
    best as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    fn quotes(text: &str) -> Vec<Quote> {
        extract(&Document::new("a.txt", text)).quotes
    }

    #[test]
    fn unchanged_changed_new_and_removed_quotes() {
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
        let changes = compare_with_previous(&new, &old);
        let statuses: Vec<ChangeStatus> = changes.per_quote.iter().map(|c| c.status).collect();
        assert_eq!(
            statuses,
            [ChangeStatus::Same, ChangeStatus::Changed, ChangeStatus::New]
        );
        assert_eq!(changes.per_quote[0].previous_index, Some(2));
        let diff = &changes.per_quote[1].words;
        let removed: Vec<&str> = diff
            .iter()
            .filter(|w| w.op == WordOp::Removed)
            .map(|w| w.text.trim())
            .collect();
        let added: Vec<&str> = diff
            .iter()
            .filter(|w| w.op == WordOp::Added)
            .map(|w| w.text.trim())
            .collect();
        assert_eq!((removed, added), (vec!["entire"], vec!["whole"]));
        let gone: Vec<&str> = changes.removed.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(gone, ["maturity"]);
    }

    #[test]
    fn a_different_quote_is_not_a_changed_one() {
        let old = quotes("“We do not have an eye on Syrian soil,” Erdogan said.");
        let new = quotes("“We will extend our invitation to Assad,” Erdogan said.");
        let changes = compare_with_previous(&new, &old);
        assert_eq!(changes.per_quote[0].status, ChangeStatus::New);
        assert_eq!(changes.removed.len(), 1);
    }

    #[test]
    fn spacing_and_apostrophes_are_not_changes() {
        let old = quotes("“Erdogan's goal is  to legalize the occupation,” he said.");
        let new = quotes("“Erdogan’s goal is to legalize the occupation,” he said.");
        assert_eq!(
            compare_with_previous(&new, &old).per_quote[0].status,
            ChangeStatus::Same
        );
    }

    #[test]
    fn window_share_slides_over_the_whole_source() {
        let words = |s: &str| normalized_words(s);
        let source = words("one two three four five six seven eight");
        assert_eq!(
            best_window_share(&source, &words("six seven nine")),
            2.0 / 3.0
        );
        assert_eq!(best_window_share(&source, &words("one two")), 1.0);
        assert_eq!(best_window_share(&source, &words("ten")), 0.0);
        assert_eq!(best_window_share(&words("one"), &words("one two")), 0.0);
    }

    #[test]
    fn verdicts_against_a_transcript() {
        let transcript = Document::new(
            "transcript.txt",
            "We have an opportunity to discuss the entire range of our relations. It has been \
             a long time since we last met. Of course, I would also like to hear your opinion \
             on the situation in the region as a whole. Regrettably, we see that it tends to \
             deteriorate. This directly concerns Syria.",
        );
        let article = quotes(
            "“We have an opportunity to discuss the entire range of our relations,” Putin said.\n\
             “it has been a long time since we last met”, Putin said.\n\
             “It has been a long time … This directly concerns Syria,” he said.\n\
             “We see that it tends to improve in the region as a whole,” he said.\n\
             “We will extend our invitation to Assad,” Erdogan said.\n\
             The ISIS “caliphate” has long fallen.",
        );
        let verdicts = check_against_sources(&article, std::slice::from_ref(&transcript));
        let statuses: Vec<Option<VerdictStatus>> = verdicts
            .iter()
            .map(|v| v.as_ref().map(|v| v.status))
            .collect();
        assert_eq!(
            statuses,
            [
                Some(VerdictStatus::Exact),
                Some(VerdictStatus::Cosmetic),
                Some(VerdictStatus::Elision),
                Some(VerdictStatus::Altered),
                Some(VerdictStatus::NotFound),
                None
            ]
        );
        assert_eq!(
            verdicts[0].as_ref().unwrap().source.as_deref(),
            Some("transcript.txt")
        );
    }
}
