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
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
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
    pub fn words(&mut self, text: &str) -> Vec<u32> {
        words(text)
            .map(|w| {
                let next = self.ids.len() as u32;
                *self.ids.entry(w).or_insert(next)
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
    Equal,
    Insert,
    Delete,
}

/// A run of text kept, inserted or deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    pub op: Op,
    pub text: String,
}

/// The word-level diff of two quote texts. Words, spaces and punctuation are diffed as they
/// are written, so a cosmetic change shows as the punctuation or letter case it touched;
/// a space left between two changes is folded into them so a rewritten phrase reads as one
/// deletion and one insertion.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let a = tokens(old);
    let b = tokens(new);
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    let mut out: Vec<WordOp> = Vec::new();
    let mut deleted = String::new();
    let mut inserted = String::new();
    let flush = |out: &mut Vec<WordOp>, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            push(out, Op::Delete, &std::mem::take(deleted));
        }
        if !inserted.is_empty() {
            push(out, Op::Insert, &std::mem::take(inserted));
        }
    };
    for (i, op) in ops.iter().enumerate() {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => {
                let text: String = a[old_range].concat();
                let between_changes = (!deleted.is_empty() || !inserted.is_empty())
                    && text.chars().all(char::is_whitespace)
                    && ops
                        .get(i + 1)
                        .is_some_and(|next| !matches!(next, DiffOp::Equal { .. }));
                if between_changes {
                    deleted.push_str(&text);
                    inserted.push_str(&text);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    push(&mut out, Op::Equal, &text);
                }
            }
            _ => {
                deleted.push_str(&a[old_range].concat());
                inserted.push_str(&b[new_range].concat());
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
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
