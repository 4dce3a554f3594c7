//! Alignment: which quote of the new version is which quote of the old.
//!
//! 1. Candidates. An inverted index over the distinct words of the old quotes gives, for
//!    each new quote, the old quotes it shares words with; an estimate from the shared word
//!    sets keeps the few worth a real diff, so 400 × 400 quotes cost a few thousand small
//!    diffs, not 160 000.
//! 2. Scores. A word-level diff (`similar`) gives the words in common. The score is the
//!    similarity ratio, or, when one quote lies inside the other (a quote trimmed or
//!    extended), its containment, discounted by how much shorter the inner one is.
//! 3. One-to-one matching. Greedy on the score, best first; ties go to the same speaker and
//!    then to the nearest relative position, so moved paragraphs and repeated short quotes
//!    pair up as they should. Pairs below the threshold are not matched.
//! 4. Splits and merges. A new quote left over whose words lie inside an old quote already
//!    matched, and that explains words of it the match did not, is a piece of a split; the
//!    mirror image, an old quote left over inside a matched new quote, was merged.

use std::collections::HashMap;

use crate::record::Quote;

use super::words::{Interner, common, ratio, skeleton};

/// How far a quote must lie inside another (share of its words) to count as a piece of it.
const CONTAINED: f64 = 0.8;
/// How many candidates per new quote get a real diff.
const CANDIDATES: usize = 12;

/// What a link between an old and a new quote is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// A plain one-to-one match.
    One,
    /// One old quote became several new ones; `primary` is the piece that keeps its id.
    Split { primary: bool },
    /// Several old quotes became one new one; `primary` is the part whose id goes on.
    Merge { primary: bool },
}

/// One line of an alignment: a matched pair, or a quote on one side only.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// The alignment score, 0 to 1 (0 for a quote on one side only).
    pub score: f64,
    pub group: Group,
}

/// The alignment of two versions: every old and every new quote in exactly one link, except
/// that a split old quote (or a merged new one) appears in one link per piece.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    pub links: Vec<Link>,
}

/// Aligns `old` to `new`. `threshold` is the lowest score a match may have.
pub fn align(old: &[Quote], new: &[Quote], threshold: f64) -> Alignment {
    let mut interner = Interner::default();
    let old_words: Vec<Vec<u32>> = old.iter().map(|q| interner.words(&q.text)).collect();
    let new_words: Vec<Vec<u32>> = new.iter().map(|q| interner.words(&q.text)).collect();
    let scorer = Scorer {
        old,
        new,
        old_words: &old_words,
        new_words: &new_words,
    };
    let candidates = candidates(old, new, &old_words, &new_words);

    // One-to-one matching, best first.
    let mut scored: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (j, cands) in candidates.iter().enumerate() {
        for &i in cands {
            let score = scorer.score(i, j);
            if score >= threshold {
                scored.push((scorer.rank(i, j, score), score, i, j));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.2, x.3).cmp(&(y.2, y.3))));
    let mut old_to: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_to: Vec<Option<usize>> = vec![None; new.len()];
    let mut score_of: HashMap<(usize, usize), f64> = HashMap::new();
    for &(_, score, i, j) in &scored {
        if old_to[i].is_none() && new_to[j].is_none() {
            old_to[i] = Some(j);
            new_to[j] = Some(i);
            score_of.insert((i, j), score);
        }
    }

    // Splits: leftover new quotes inside a matched old quote.
    let mut pieces: HashMap<usize, Vec<usize>> = HashMap::new(); // old -> extra new pieces
    let mut parts: HashMap<usize, Vec<usize>> = HashMap::new(); // new -> extra old parts
    for j in 0..new.len() {
        if new_to[j].is_some() || new_words[j].len() < 2 {
            continue;
        }
        let best = candidates[j]
            .iter()
            .filter_map(|&i| {
                let primary = old_to[i]?;
                if parts.contains_key(&primary) {
                    return None;
                }
                let inside = common(&new_words[j], &old_words[i]) as f64;
                if inside < CONTAINED * new_words[j].len() as f64 {
                    return None;
                }
                let mut group: Vec<usize> = pieces.get(&i).cloned().unwrap_or_default();
                group.push(primary);
                let before = scorer.group_ratio(&[i], &group);
                group.push(j);
                let after = scorer.group_ratio(&[i], &group);
                (after > before + 0.02).then_some((after - before, i))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, i)) = best {
            pieces.entry(i).or_default().push(j);
            new_to[j] = Some(i);
        }
    }
    // Merges: leftover old quotes inside a matched new quote.
    let mut old_candidates: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    for (j, cands) in candidates.iter().enumerate() {
        for &i in cands {
            old_candidates[i].push(j);
        }
    }
    for i in 0..old.len() {
        if old_to[i].is_some() || old_words[i].len() < 2 {
            continue;
        }
        let best = old_candidates[i]
            .iter()
            .filter_map(|&j| {
                let primary = new_to[j]?;
                if pieces.contains_key(&primary) || pieces.values().flatten().any(|&p| p == j) {
                    return None;
                }
                let inside = common(&old_words[i], &new_words[j]) as f64;
                if inside < CONTAINED * old_words[i].len() as f64 {
                    return None;
                }
                let mut group: Vec<usize> = parts.get(&j).cloned().unwrap_or_default();
                group.push(primary);
                let before = scorer.group_ratio(&group, &[j]);
                group.push(i);
                let after = scorer.group_ratio(&group, &[j]);
                (after > before + 0.02).then_some((after - before, j))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, j)) = best {
            parts.entry(j).or_default().push(i);
            old_to[i] = Some(j);
        }
    }

    let mut links = Vec::new();
    for (i, &to) in old_to.iter().enumerate() {
        match to {
            None => links.push(Link {
                old: Some(i),
                new: None,
                score: 0.0,
                group: Group::One,
            }),
            Some(j) if new_to[j] == Some(i) => {
                let score = score_of.get(&(i, j)).copied().unwrap_or(1.0);
                let group = if pieces.contains_key(&i) {
                    Group::Split { primary: true }
                } else if parts.contains_key(&j) {
                    Group::Merge { primary: true }
                } else {
                    Group::One
                };
                links.push(Link {
                    old: Some(i),
                    new: Some(j),
                    score,
                    group,
                });
            }
            Some(_) => {} // a merged part: below
        }
    }
    for (&i, js) in &pieces {
        for &j in js {
            links.push(Link {
                old: Some(i),
                new: Some(j),
                score: scorer.score(i, j),
                group: Group::Split { primary: false },
            });
        }
    }
    for (&j, is) in &parts {
        for &i in is {
            links.push(Link {
                old: Some(i),
                new: Some(j),
                score: scorer.score(i, j),
                group: Group::Merge { primary: false },
            });
        }
    }
    for (j, to) in new_to.iter().enumerate() {
        if to.is_none() {
            links.push(Link {
                old: None,
                new: Some(j),
                score: 0.0,
                group: Group::One,
            });
        }
    }
    Alignment { links }
}

struct Scorer<'a> {
    old: &'a [Quote],
    new: &'a [Quote],
    old_words: &'a [Vec<u32>],
    new_words: &'a [Vec<u32>],
}

impl Scorer<'_> {
    /// The alignment score of old quote `i` and new quote `j`.
    fn score(&self, i: usize, j: usize) -> f64 {
        let (a, b) = (&self.old_words[i], &self.new_words[j]);
        if a.is_empty() || b.is_empty() {
            let same =
                a.is_empty() && b.is_empty() && self.old[i].text.trim() == self.new[j].text.trim();
            return if same { 1.0 } else { 0.0 };
        }
        score(common(a, b), a.len(), b.len())
    }

    /// The score with tie-breakers: the same speaker, then the nearer relative position.
    fn rank(&self, i: usize, j: usize, score: f64) -> f64 {
        let speaker = match (&self.old[i].speaker, &self.new[j].speaker) {
            (Some(a), Some(b)) if same_name(a, b) => 0.02,
            _ => 0.0,
        };
        let place = |k: usize, n: usize| {
            if n > 1 {
                k as f64 / (n - 1) as f64
            } else {
                0.0
            }
        };
        let distance = (place(i, self.old.len()) - place(j, self.new.len())).abs();
        score + speaker - 0.01 * distance
    }

    /// The word similarity of the old quotes `olds` read together against the new quotes
    /// `news` read together, each group in text order.
    fn group_ratio(&self, olds: &[usize], news: &[usize]) -> f64 {
        let join = |words: &[Vec<u32>], idx: &[usize]| {
            let mut idx = idx.to_vec();
            idx.sort_unstable();
            idx.iter()
                .flat_map(|&k| words[k].iter().copied())
                .collect::<Vec<u32>>()
        };
        let a = join(self.old_words, olds);
        let b = join(self.new_words, news);
        ratio(common(&a, &b), a.len(), b.len())
    }
}

/// The score of two word sequences of lengths `m` and `n` with `c` words in common: the
/// similarity ratio, or, if the shorter (three words or more) lies inside the longer, its
/// containment discounted by how much shorter it is.
pub fn score(c: usize, m: usize, n: usize) -> f64 {
    let dice = ratio(c, m, n);
    let (short, long) = (m.min(n), m.max(n));
    if short < 3 {
        return dice;
    }
    let contained = c as f64 / short as f64;
    let discount = 0.6 + 0.4 * short as f64 / long as f64;
    dice.max(contained * discount)
}

/// Two speaker names are the same when they match ignoring case and spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
}

/// For each new quote, the old quotes worth a real diff: those sharing enough distinct words
/// (an estimate of the score from word sets), best first, and any with the same skeleton.
fn candidates(
    old: &[Quote],
    new: &[Quote],
    old_words: &[Vec<u32>],
    new_words: &[Vec<u32>],
) -> Vec<Vec<usize>> {
    let set = |w: &Vec<u32>| {
        let mut s = w.clone();
        s.sort_unstable();
        s.dedup();
        s
    };
    let old_sets: Vec<Vec<u32>> = old_words.iter().map(set).collect();
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, s) in old_sets.iter().enumerate() {
        for &w in s {
            index.entry(w).or_default().push(i);
        }
    }
    let mut by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, q) in old.iter().enumerate() {
        by_skeleton.entry(skeleton(&q.text)).or_default().push(i);
    }
    let mut shared = vec![0usize; old.len()];
    let mut touched = Vec::new();
    new.iter()
        .zip(new_words)
        .map(|(q, words)| {
            let s = set(words);
            for w in &s {
                for &i in index.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                    if shared[i] == 0 {
                        touched.push(i);
                    }
                    shared[i] += 1;
                }
            }
            let mut ranked: Vec<(f64, usize)> = touched
                .drain(..)
                .map(|i| {
                    let c = std::mem::take(&mut shared[i]);
                    (score(c, old_sets[i].len(), s.len()), i)
                })
                .filter(|&(est, _)| est >= 0.2)
                .collect();
            ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let mut out: Vec<usize> = by_skeleton
                .get(&skeleton(&q.text))
                .cloned()
                .unwrap_or_default();
            for (_, i) in ranked {
                if out.len() >= CANDIDATES {
                    break;
                }
                if !out.contains(&i) {
                    out.push(i);
                }
            }
            out
        })
        .collect()
}

/// Which items of a sequence are out of order: those not on one longest increasing
/// subsequence. `seq` holds, in old order, the new positions of matched quotes; a quote
/// off the longest run kept in order is one that moved.
pub fn out_of_order(seq: &[usize]) -> Vec<bool> {
    // Patience sorting with back pointers, O(n log n).
    let mut tails: Vec<usize> = Vec::new(); // indexes into seq
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (k, &v) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < v);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut moved = vec![true; seq.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        moved[k] = false;
        at = prev[k];
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::quote;

    fn pairs(a: &Alignment) -> Vec<(Option<usize>, Option<usize>, Group)> {
        let mut v: Vec<_> = a.links.iter().map(|l| (l.old, l.new, l.group)).collect();
        v.sort_by_key(|x| (x.0, x.1));
        v
    }

    #[test]
    fn a_moved_and_lightly_edited_quote_still_pairs() {
        let old = [
            quote(
                1,
                "We have an opportunity to discuss the entire range of our relations,",
            ),
            quote(2, "complex transformation processes"),
            quote(3, "It has been a long time since we last met."),
        ];
        let new = [
            quote(1, "It has been a long time since we met."),
            quote(
                2,
                "We have an opportunity to discuss the whole range of our relations,",
            ),
            quote(3, "complex transformation processes"),
        ];
        let a = align(&old, &new, 0.5);
        assert_eq!(
            pairs(&a),
            [
                (Some(0), Some(1), Group::One),
                (Some(1), Some(2), Group::One),
                (Some(2), Some(0), Group::One)
            ]
        );
    }

    #[test]
    fn unrelated_quotes_do_not_pair() {
        let old = [quote(
            1,
            "Regrettably, we see that it tends to deteriorate.",
        )];
        let new = [quote(
            1,
            "The sanctions will stay in place until the spring.",
        )];
        assert_eq!(
            pairs(&align(&old, &new, 0.5)),
            [(None, Some(0), Group::One), (Some(0), None, Group::One)]
        );
    }

    #[test]
    fn a_trimmed_quote_pairs_with_its_longer_self() {
        let old = [quote(
            1,
            "Considering the current developments in the world, and in particular in the Eurasian region, our meeting today is extremely important for discussing the details of all these developments",
        )];
        let new = [quote(1, "our meeting today is extremely important")];
        assert_eq!(
            pairs(&align(&old, &new, 0.5)),
            [(Some(0), Some(0), Group::One)]
        );
    }

    #[test]
    fn a_quote_split_in_two_links_both_pieces() {
        let old = [quote(
            1,
            "It has been a long time since we last met. Of course, I would also like to hear your opinion on the situation in the region as a whole.",
        )];
        let new = [
            quote(1, "It has been a long time since we last met,"),
            quote(
                2,
                "Of course, I would also like to hear your opinion on the situation in the region as a whole.",
            ),
        ];
        let got = pairs(&align(&old, &new, 0.5));
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|p| matches!(p.2, Group::Split { .. })),
            "{got:?}"
        );
        assert_eq!(
            got.iter()
                .filter(|p| p.2 == Group::Split { primary: true })
                .count(),
            1
        );
    }

    #[test]
    fn two_quotes_merged_into_one_link_both_parts() {
        let old = [
            quote(1, "This directly concerns Syria."),
            quote(2, "Regrettably, we see that it tends to deteriorate."),
        ];
        let new = [quote(
            1,
            "This directly concerns Syria. Regrettably, we see that it tends to deteriorate.",
        )];
        let got = pairs(&align(&old, &new, 0.5));
        assert_eq!(
            got.iter().map(|p| p.2).collect::<Vec<_>>().len(),
            2,
            "{got:?}"
        );
        assert!(
            got.iter().all(|p| matches!(p.2, Group::Merge { .. })),
            "{got:?}"
        );
    }

    #[test]
    fn a_short_quote_repeated_pairs_by_position() {
        let old = [
            quote(1, "terrorists"),
            quote(2, "We will fight them wherever they are."),
            quote(3, "terrorists"),
        ];
        let new = [
            quote(1, "We will fight them wherever they are."),
            quote(2, "terrorists"),
        ];
        // The first "terrorists" was cut: the later one is the one kept.
        assert_eq!(
            pairs(&align(&old, &new, 0.5)),
            [
                (Some(0), None, Group::One),
                (Some(1), Some(0), Group::One),
                (Some(2), Some(1), Group::One)
            ]
        );
    }

    #[test]
    fn the_same_speaker_breaks_a_tie() {
        let mut a1 = quote(1, "We are ready to talk.");
        a1.speaker = Some("Vladimir Putin".into());
        let mut a2 = quote(2, "We are ready to talk.");
        a2.speaker = Some("Bashar Assad".into());
        let mut b = quote(1, "We are ready to talk.");
        b.speaker = Some("Bashar Assad".into());
        let got = pairs(&align(&[a1, a2], &[b], 0.5));
        assert!(got.contains(&(Some(1), Some(0), Group::One)), "{got:?}");
    }

    #[test]
    fn out_of_order_marks_what_left_the_longest_run() {
        assert_eq!(out_of_order(&[0, 1, 2, 3]), [false; 4]);
        assert_eq!(out_of_order(&[0, 3, 1, 2]), [false, true, false, false]);
        assert_eq!(out_of_order(&[]), Vec::<bool>::new());
    }
}
