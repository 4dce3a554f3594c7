//! Words: the normal form quotes are compared in, word similarity, and the word-level diff
//! users read.
//!
//! Two forms of a quote's text matter. Its *words* are the runs of letters and digits,
//! lowercased: alignment and similarity work on those. Its *skeleton* is the same letters and
//! digits with nothing between them: two texts with the same skeleton differ only in case,
//! whitespace, punctuation or quote typography, which is what `cosmetic` means.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The lowercased runs of letters and digits of `text`.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    words_raw(text).map(str::to_lowercase)
}

/// The runs of letters and digits of `text`, as written.
pub fn words_raw(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The letters and digits of `text`, lowercased, with nothing between them.
pub fn skeleton(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Gives each distinct word a number, so word sequences compare as integers.
#[derive(Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    /// The ids of `text`'s words, in order, case folded; new words get new ids.
    pub fn words(&mut self, text: &str) -> Vec<u32> {
        words_raw(text)
            .map(|w| {
                let next = self.ids.len() as u32;
                if w.chars().any(char::is_uppercase) {
                    *self.ids.entry(w.to_lowercase()).or_insert(next)
                } else if let Some(&id) = self.ids.get(w) {
                    id
                } else {
                    self.ids.insert(w.to_string(), next);
                    next
                }
            })
            .collect()
    }
}

/// How many words of `old` and `new` a word-level diff keeps in common.
pub fn common(old: &[u32], new: &[u32]) -> usize {
    if old == new {
        return old.len();
    }
    capture_diff_slices(Algorithm::Myers, old, new)
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum()
}

/// The word similarity of two word sequences, 0 to 1: twice the words in common over the
/// words in both (1 when both are empty).
pub fn ratio(common: usize, old_len: usize, new_len: usize) -> f64 {
    if old_len + new_len == 0 {
        1.0
    } else {
        2.0 * common as f64 / (old_len + new_len) as f64
    }
}

/// One step of a word-level diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Text in both.
    Equal,
    /// Text only in the new version.
    Insert,
    /// Text only in the old version.
    Delete,
}

/// A run of text kept, inserted or deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    /// Kept, inserted or deleted.
    pub op: Op,
    /// The run's text, with the spaces between its words.
    pub text: String,
}

/// The word-level diff of two quote texts. Words, spaces and punctuation are diffed as they
/// are written, so a cosmetic change shows as the punctuation or letter case it touched;
/// a space left between two changes is folded into them so a rewritten phrase reads as one
/// deletion and one insertion.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let a = tokens(old);
    let b = tokens(new);
    let steps = steps(&a, &b);
    fold(&steps)
}

/// The word diffs of one old quote split into `pieces` (in text order): each piece against
/// the stretch of the old text it came from.
pub fn split_diffs(old: &str, pieces: &[&str]) -> Vec<Vec<WordOp>> {
    let a = tokens(old);
    let b = joined_tokens(pieces);
    buckets(&steps(&a, &b), pieces.len(), Op::Insert)
}

/// The word diffs of `parts` (in text order) merged into one new quote: each part against
/// the stretch of the new text it became.
pub fn merge_diffs(parts: &[&str], new: &str) -> Vec<Vec<WordOp>> {
    let a = joined_tokens(parts);
    let b = tokens(new);
    buckets(&steps(&a, &b), parts.len(), Op::Delete)
}

/// Stands between the pieces of a split or the parts of a merge; never equal to a token.
const SEPARATOR: &str = "\u{0}";

fn joined_tokens<'a>(texts: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (k, t) in texts.iter().enumerate() {
        if k > 0 {
            out.push(SEPARATOR);
        }
        out.extend(tokens(t));
    }
    out
}

/// Token-level steps of the diff of `a` against `b`, deletions before insertions.
fn steps<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(Op, &'a str)> {
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => out.extend(a[old_range].iter().map(|t| (Op::Equal, *t))),
            _ => {
                out.extend(a[old_range].iter().map(|t| (Op::Delete, *t)));
                out.extend(b[new_range].iter().map(|t| (Op::Insert, *t)));
            }
        }
    }
    out
}

/// Cuts `steps` at each separator (found on the `side` op) into `n` diffs.
fn buckets(steps: &[(Op, &str)], n: usize, side: Op) -> Vec<Vec<WordOp>> {
    let mut parts: Vec<Vec<(Op, &str)>> = vec![Vec::new()];
    for &(op, t) in steps {
        if t == SEPARATOR && op == side {
            parts.push(Vec::new());
        } else {
            parts.last_mut().expect("one part at least").push((op, t));
        }
    }
    parts.resize(n, Vec::new());
    parts.iter().map(|p| fold(p)).collect()
}

/// Folds token steps into runs: equal text, then each change as one deletion and one
/// insertion, whitespace between two changes going into both.
fn fold(steps: &[(Op, &str)]) -> Vec<WordOp> {
    let mut out: Vec<WordOp> = Vec::new();
    let mut deleted = String::new();
    let mut inserted = String::new();
    let mut k = 0;
    while k < steps.len() {
        let (op, t) = steps[k];
        match op {
            Op::Delete => deleted.push_str(t),
            Op::Insert => inserted.push_str(t),
            Op::Equal => {
                let run_end = steps[k..]
                    .iter()
                    .position(|s| s.0 != Op::Equal)
                    .map_or(steps.len(), |p| k + p);
                let text: String = steps[k..run_end].iter().map(|s| s.1).collect();
                let between_changes = (!deleted.is_empty() || !inserted.is_empty())
                    && run_end < steps.len()
                    && text.chars().all(char::is_whitespace);
                if between_changes {
                    deleted.push_str(&text);
                    inserted.push_str(&text);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    push(&mut out, Op::Equal, &text);
                }
                k = run_end;
                continue;
            }
        }
        k += 1;
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

fn flush(out: &mut Vec<WordOp>, deleted: &mut String, inserted: &mut String) {
    if !deleted.is_empty() {
        push(out, Op::Delete, &std::mem::take(deleted));
    }
    if !inserted.is_empty() {
        push(out, Op::Insert, &std::mem::take(inserted));
    }
}

/// Appends to `out`, joining with the previous step when it has the same op.
fn push(out: &mut Vec<WordOp>, op: Op, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(WordOp {
            op,
            text: text.to_string(),
        }),
    }
}

/// Splits `text` into words (letters and digits, with apostrophes and hyphens between
/// them), runs of whitespace, and single other characters. Concatenated they give `text`.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, d)) = chars.peek() {
                let joiner = matches!(d, '\'' | '’' | '-') && {
                    let rest = &text[i + d.len_utf8()..];
                    rest.chars().next().is_some_and(char::is_alphanumeric)
                };
                if d.is_alphanumeric() || joiner {
                    chars.next();
                    end = i + d.len_utf8();
                } else {
                    break;
                }
            }
        } else if c.is_whitespace() {
            while let Some(&(i, d)) = chars.peek() {
                if d.is_whitespace() {
                    chars.next();
                    end = i + d.len_utf8();
                } else {
                    break;
                }
            }
        }
        out.push(&text[start..end]);
    }
    out
}

/// The diff in wdiff notation: `[-deleted-]{+inserted+}`, for CSV cells and plain text.
pub fn wdiff(ops: &[WordOp]) -> String {
    let mut s = String::new();
    for op in ops {
        match op.op {
            Op::Equal => s.push_str(&op.text),
            Op::Delete => {
                s.push_str("[-");
                s.push_str(&op.text);
                s.push_str("-]");
            }
            Op::Insert => {
                s.push_str("{+");
                s.push_str(&op.text);
                s.push_str("+}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_rebuild_the_text() {
        let text = "We don’t see a long-term deal — not now,  he said.";
        let t = tokens(text);
        assert_eq!(t.concat(), text);
        assert!(t.contains(&"don’t") && t.contains(&"long-term") && t.contains(&"  "));
    }

    #[test]
    fn cosmetic_changes_share_a_skeleton_and_word_changes_do_not() {
        let old = "We have an opportunity to discuss the entire range of our relations.";
        assert_eq!(
            skeleton(old),
            skeleton("we have an opportunity to discuss the entire range of our relations,")
        );
        assert_eq!(
            skeleton("it’s a long-time ally"),
            skeleton("its a longtime ally")
        );
        assert_ne!(
            skeleton(old),
            skeleton("We have a chance to discuss the entire range of our relations.")
        );
    }

    #[test]
    fn a_reworded_phrase_reads_as_one_deletion_and_one_insertion() {
        let ops = word_diff(
            "It has been a long time since we last met.",
            "It has been a very long while since we met.",
        );
        assert_eq!(
            wdiff(&ops),
            "It has been a {+very +}long [-time-]{+while+} since we[- last-] met."
        );
        let ops = word_diff(
            "our meeting today is extremely important",
            "our talks this week are important",
        );
        assert_eq!(
            wdiff(&ops),
            "our [-meeting today is extremely-]{+talks this week are+} important"
        );
    }

    #[test]
    fn each_piece_of_a_split_diffs_against_its_own_stretch() {
        let old = "We are seeing more admissions than last year. The people in intensive care have not had a booster,";
        let diffs = split_diffs(
            old,
            &[
                "We are seeing more admissions than last year,",
                "The people in intensive care have not had a booster.",
            ],
        );
        let w: Vec<String> = diffs.iter().map(|d| wdiff(d)).collect();
        assert_eq!(
            w,
            [
                "We are seeing more admissions than last year[-. -]{+,+}",
                "The people in intensive care have not had a booster[-,-]{+.+}"
            ]
        );
        let merged = merge_diffs(
            &["This was a difficult quarter,", "but we have a plan,"],
            "This was a difficult quarter, but we have a plan,",
        );
        let w: Vec<String> = merged.iter().map(|d| wdiff(d)).collect();
        assert_eq!(
            w,
            ["This was a difficult quarter,", "{+ +}but we have a plan,"]
        );
    }

    #[test]
    fn identical_texts_are_one_equal_run() {
        let text = "Regrettably, we see that it tends to deteriorate.";
        assert_eq!(
            word_diff(text, text),
            vec![WordOp {
                op: Op::Equal,
                text: text.into()
            }]
        );
    }

    #[test]
    fn ratio_counts_words_in_common() {
        let mut i = Interner::default();
        let a = i.words("This directly concerns Syria.");
        let b = i.words("This directly concerns Syria and Iraq.");
        assert_eq!(common(&a, &b), 4);
        assert!((ratio(4, a.len(), b.len()) - 0.8).abs() < 1e-9);
        assert_eq!(ratio(0, 0, 0), 1.0);
    }
}
