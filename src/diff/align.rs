//! Alignment: which quote of the new version is which quote of the old.
//!
//! 1. Candidates. An inverted index over the words of the old quotes gives, for each new
//!    quote, the old quotes it shares words with. The shared words bound the score a real
//!    diff could give, so only the few old quotes whose bound reaches the threshold get one:
//!    400 × 400 quotes cost a few hundred small diffs, not 160 000.
//! 2. Scores. A word-level diff (`similar`) gives the words in common. The score is the
//!    similarity ratio, or, when one quote lies inside the other (a quote trimmed or
//!    extended), its containment, discounted by how much shorter the inner one is.
//! 3. One-to-one matching. Greedy on the score, best first; ties go to the same speaker and
//!    then to the nearest relative position, so moved paragraphs and repeated short quotes
//!    pair up as they should. Pairs below the threshold are not matched.
//! 4. Splits and merges. A new quote left over (or matched only weakly) whose words lie
//!    inside an old quote already matched, and that explains words of it the match did not,
//!    is a piece of a split; the mirror image, an old quote left over inside a matched new
//!    quote, was merged.

use std::collections::HashMap;

use crate::record::Quote;

use super::words::{Interner, common, ratio, skeleton};

/// How far a quote must lie inside another (share of its words) to count as a piece of it.
const CONTAINED: f64 = 0.8;
/// Below this score a one-to-one match gives way to a split or merge that explains better.
const WEAK: f64 = 0.75;
/// How many candidates per new quote get a real diff.
const CANDIDATES: usize = 12;
/// How many more candidates per new quote as a possible piece of a split or merge.
const PIECES: usize = 4;
/// How many old quotes holding one word are looked at per new quote: the nearest to where
/// the new quote would sit. A word in more old quotes than this (a quote repeated through
/// the article, or "the" in a long document) would otherwise make candidate search
/// quadratic: every new quote against every old one.
const POSTINGS: usize = 256;

/// What a link between an old and a new quote is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// A plain one-to-one match.
    One,
    /// One old quote became several new ones; `primary` is the piece that keeps its id.
    Split {
        /// Whether this piece keeps the old quote's id.
        primary: bool,
    },
    /// Several old quotes became one new one; `primary` is the part whose id goes on.
    Merge {
        /// Whether this part's id goes on.
        primary: bool,
    },
}

impl Group {
    /// Whether the link passes the old quote's id on to the new one: a plain match or the
    /// primary of a split or merge. These are also the links whose order says what moved.
    pub fn carries_id(self) -> bool {
        matches!(
            self,
            Group::One | Group::Split { primary: true } | Group::Merge { primary: true }
        )
    }
}

/// One line of an alignment: a matched pair, or a quote on one side only.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Index of the old quote (`None` for a quote only in the new version).
    pub old: Option<usize>,
    /// Index of the new quote (`None` for a quote only in the old version).
    pub new: Option<usize>,
    /// The alignment score, 0 to 1 (0 for a quote on one side only).
    pub score: f64,
    /// Whether the link is a plain match or part of a split or merge.
    pub group: Group,
}

/// The alignment of two versions: every old and every new quote in exactly one link, except
/// that a split old quote (or a merged new one) appears in one link per piece.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// The links in the new version's order, each old-only quote after the quote it followed.
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
    let candidates = candidates(old, new, &old_words, &new_words, threshold);

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
    // Most promising first (ties to the nearer place), so a stray short quote does not claim
    // words a real piece explains.
    let best_score = |cands: &[usize], score: &dyn Fn(usize) -> f64| {
        cands.iter().map(|&k| score(k)).fold(0.0, f64::max)
    };
    let mut order: Vec<(f64, usize)> = (0..new.len())
        .filter(|&j| new_words[j].len() >= 2)
        .filter(|&j| score_of_new(&new_to, &score_of, j).is_none_or(|s| s < WEAK))
        .map(|j| {
            let rank = |i| scorer.rank(i, j, scorer.score(i, j));
            (best_score(&candidates[j], &rank), j)
        })
        .collect();
    order.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, j) in order {
        // A new quote matched only weakly may be a piece of a split instead.
        let weak = match new_to[j] {
            None => None,
            Some(i0) if !pieces.contains_key(&i0) => match score_of.get(&(i0, j)) {
                Some(&s) if s < WEAK => Some((i0, s)),
                _ => continue,
            },
            Some(_) => continue,
        };
        let best = candidates[j]
            .iter()
            .filter_map(|&i| {
                let primary = old_to[i]?;
                if primary == j || parts.contains_key(&primary) {
                    return None;
                }
                let mut group: Vec<usize> = pieces.get(&i).cloned().unwrap_or_default();
                group.push(primary);
                let score = scorer.score(i, j);
                let better = weak.is_none_or(|(_, s)| score > s);
                (better && scorer.gain(&[i], &group, Side::New(j))).then_some((score, i))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, i)) = best {
            if let Some((i0, _)) = weak {
                old_to[i0] = None;
                score_of.remove(&(i0, j));
            }
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
    let mut order: Vec<(f64, usize)> = (0..old.len())
        .filter(|&i| old_words[i].len() >= 2)
        .filter(|&i| old_to[i].is_none_or(|j| score_of.get(&(i, j)).is_none_or(|&s| s < WEAK)))
        .map(|i| {
            let rank = |j| scorer.rank(i, j, scorer.score(i, j));
            (best_score(&old_candidates[i], &rank), i)
        })
        .collect();
    order.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, i) in order {
        if pieces.contains_key(&i) {
            continue;
        }
        // An old quote matched only weakly may be a part of a merge instead.
        let weak = match old_to[i] {
            None => None,
            Some(j0) if !parts.contains_key(&j0) => match score_of.get(&(i, j0)) {
                Some(&s) if s < WEAK => Some((j0, s)),
                _ => continue,
            },
            Some(_) => continue,
        };
        let best = old_candidates[i]
            .iter()
            .filter_map(|&j| {
                let primary = new_to[j]?;
                if primary == i || old_to[primary] != Some(j) || pieces.contains_key(&primary) {
                    return None;
                }
                let mut group: Vec<usize> = parts.get(&j).cloned().unwrap_or_default();
                group.push(primary);
                let score = scorer.score(i, j);
                let better = weak.is_none_or(|(_, s)| score > s);
                (better && scorer.gain(&group, &[j], Side::Old(i))).then_some((score, j))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, j)) = best {
            if let Some((j0, _)) = weak {
                new_to[j0] = None;
                score_of.remove(&(i, j0));
            }
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

/// The score of new quote `j`'s one-to-one match, if it has one.
fn score_of_new(
    new_to: &[Option<usize>],
    score_of: &HashMap<(usize, usize), f64>,
    j: usize,
) -> Option<f64> {
    new_to[j].and_then(|i| score_of.get(&(i, j)).copied())
}

#[derive(Clone, Copy)]
enum Side {
    Old(usize),
    New(usize),
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

    /// The score with tie-breakers: the same speaker, the same text as written, the same
    /// cue and kind, then the nearer relative position.
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
        let (a, b) = (&self.old[i], &self.new[j]);
        let same_text = if a.text == b.text { 0.005 } else { 0.0 };
        let same_cue = match (&a.cue, &b.cue) {
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => 0.003,
            _ => 0.0,
        };
        let same_kind = if a.kind == b.kind { 0.002 } else { 0.0 };
        score + speaker + same_text + same_cue + same_kind - 0.01 * distance
    }

    /// Whether adding quote `extra` to one side of the group `olds` ↔ `news` (each read
    /// together in text order) explains words of the other side the group did not: most of
    /// its own words must be newly in common.
    fn gain(&self, olds: &[usize], news: &[usize], extra: Side) -> bool {
        let join = |words: &[Vec<u32>], idx: &[usize]| {
            let mut idx = idx.to_vec();
            idx.sort_unstable();
            idx.iter()
                .flat_map(|&k| words[k].iter().copied())
                .collect::<Vec<u32>>()
        };
        let (a, b) = (join(self.old_words, olds), join(self.new_words, news));
        let before = common(&a, &b);
        let (after, len) = match extra {
            Side::New(j) => {
                let with = join(self.new_words, &[news, &[j]].concat());
                (common(&a, &with), self.new_words[j].len())
            }
            Side::Old(i) => {
                let with = join(self.old_words, &[olds, &[i]].concat());
                (common(&with, &b), self.old_words[i].len())
            }
        };
        len >= 2 && (after.saturating_sub(before)) as f64 >= CONTAINED * len as f64
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

/// Two speaker names are the same person when they match ignoring case, spacing and
/// hyphens, or when they end in the same word and one's words are all in the other
/// ("Carter" and "Linda Carter", "Bashar Assad" and "Bashar al-Assad"): the canonical name is
/// the fullest one each version gives, and a trimmed story may give less.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect::<Vec<_>>()
    };
    let (a, b) = (norm(a), norm(b));
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && short.last() == long.last() && short.iter().all(|w| long.contains(w))
}

/// For each new quote, the old quotes worth a real diff. The words two quotes share, each
/// counted as often as it occurs in both, bound the words a diff can keep in common, so
/// their score bounds the real one: old quotes whose bound is under the threshold are skipped
/// (the best [`CANDIDATES`] of the rest are kept), except those that could hold the new quote
/// as a piece of a split or merge. Quotes with the same skeleton are always candidates.
fn candidates(
    old: &[Quote],
    new: &[Quote],
    old_words: &[Vec<u32>],
    new_words: &[Vec<u32>],
    threshold: f64,
) -> Vec<Vec<usize>> {
    let counts = |w: &Vec<u32>| {
        let mut s = w.clone();
        s.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::new();
        for x in s {
            match out.last_mut() {
                Some((y, n)) if *y == x => *n += 1,
                _ => out.push((x, 1)),
            }
        }
        out
    };
    let mut index: HashMap<u32, Vec<(usize, u32)>> = HashMap::new();
    for (i, w) in old_words.iter().enumerate() {
        for (x, n) in counts(w) {
            index.entry(x).or_default().push((i, n));
        }
    }
    let mut by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, q) in old.iter().enumerate() {
        by_skeleton.entry(skeleton(&q.text)).or_default().push(i);
    }
    let mut shared = vec![0usize; old.len()];
    let mut touched = Vec::new();
    // Where new quote `j` would sit among the old ones if nothing had moved.
    let place = |j: usize| {
        if new.len() > 1 {
            j as f64 * old.len().saturating_sub(1) as f64 / (new.len() - 1) as f64
        } else {
            0.0
        }
    };
    new.iter()
        .zip(new_words)
        .enumerate()
        .map(|(j, (q, words))| {
            let at = place(j);
            for (x, n) in counts(words) {
                let postings = index.get(&x).map(Vec::as_slice).unwrap_or(&[]);
                for &(i, m) in nearest_window(postings, at, POSTINGS, |p| p.0) {
                    if shared[i] == 0 {
                        touched.push(i);
                    }
                    shared[i] += n.min(m) as usize;
                }
            }
            let mut ranked: Vec<(f64, usize)> = Vec::new();
            let mut pieces: Vec<(f64, usize)> = Vec::new();
            for i in touched.drain(..) {
                let c = std::mem::take(&mut shared[i]);
                let (m, n) = (old_words[i].len(), words.len());
                let bound = score(c, m, n);
                if bound >= threshold {
                    ranked.push((bound, i));
                } else if m.min(n) >= 2 && c as f64 >= CONTAINED * m.min(n) as f64 {
                    pieces.push((c as f64 / m.max(n) as f64, i));
                }
            }
            // Best first; among equals (repeated quotes), the nearest to where j would sit.
            let best_first = |x: &(f64, usize), y: &(f64, usize)| {
                let near = |i: usize| (i as f64 - at).abs();
                y.0.total_cmp(&x.0)
                    .then(near(x.1).total_cmp(&near(y.1)))
                    .then(x.1.cmp(&y.1))
            };
            ranked.sort_by(best_first);
            pieces.sort_by(best_first);
            let mut out: Vec<usize> = by_skeleton
                .get(&skeleton(&q.text))
                .map(|same| nearest(same, at, CANDIDATES))
                .unwrap_or_default();
            let ranked = ranked.into_iter().take(CANDIDATES);
            for (_, i) in ranked.chain(pieces.into_iter().take(PIECES)) {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
            out
        })
        .collect()
}

/// The `n` items of the ascending list `sorted` nearest to `at`.
fn nearest(sorted: &[usize], at: f64, n: usize) -> Vec<usize> {
    nearest_window(sorted, at, n, |&i| i).to_vec()
}

/// The window of `n` items of `sorted` (ascending by `key`) nearest to `at`; all of it when
/// it has `n` items or fewer.
fn nearest_window<T>(sorted: &[T], at: f64, n: usize, key: impl Fn(&T) -> usize) -> &[T] {
    if sorted.len() <= n {
        return sorted;
    }
    let mid = sorted.partition_point(|x| (key(x) as f64) < at);
    let (mut lo, mut hi) = (mid, mid); // the window is sorted[lo..hi]
    while hi - lo < n && (lo > 0 || hi < sorted.len()) {
        let left = lo.checked_sub(1).map(|k| at - key(&sorted[k]) as f64);
        let right = sorted.get(hi).map(|x| key(x) as f64 - at);
        match (left, right) {
            (Some(l), Some(r)) if l <= r => lo -= 1,
            (Some(_), None) => lo -= 1,
            _ => hi += 1,
        }
    }
    &sorted[lo..hi]
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
    fn a_piece_of_a_split_is_not_given_to_a_weak_match() {
        // The second piece shares half its words with the headline's term: the split
        // explains it better.
        let old = [
            quote(1, "A Disgrace"),
            quote(
                2,
                "She’s a disgrace. She’s a disgrace and those comments are a disgrace,",
            ),
        ];
        let new = [
            quote(1, "She’s a disgrace. She’s a disgrace,"),
            quote(2, "and those comments are a disgrace,"),
        ];
        let got = pairs(&align(&old, &new, 0.5));
        assert_eq!(got[0], (Some(0), None, Group::One), "{got:?}");
        assert!(
            got[1..]
                .iter()
                .all(|p| p.0 == Some(1) && matches!(p.2, Group::Split { .. }))
        );
        assert_eq!(got.len(), 3);
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
    fn the_same_cue_breaks_a_tie_between_repeats() {
        // “crazy system” twice in neighbouring paragraphs; the one "she called" was cut, the
        // one "he said" kept.
        let texts = [
            "We will not raise taxes on working families.",
            "The plan is dead on arrival in the Senate.",
            "crazy system",
            "crazy system",
            "Nobody asked the nurses what they need.",
            "We are going to fix it, believe me.",
        ];
        let cues = ["said", "said", "called", "said", "said", "said"];
        let old: Vec<Quote> = texts
            .iter()
            .zip(cues)
            .enumerate()
            .map(|(k, (t, c))| {
                let mut q = quote(k + 1, t);
                q.cue = Some(c.into());
                q
            })
            .collect();
        let mut new = old.clone();
        new.remove(2);
        let got = pairs(&align(&old, &new, 0.5));
        assert!(got.contains(&(Some(2), None, Group::One)), "{got:?}");
        assert!(got.contains(&(Some(3), Some(2), Group::One)), "{got:?}");
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
    fn a_shorter_form_of_a_name_is_the_same_speaker() {
        assert!(same_name("Linda Carter", "Carter"));
        assert!(same_name("Bashar Assad", "Bashar al-Assad"));
        assert!(same_name("vladimir  putin", "Vladimir Putin"));
        assert!(!same_name("Hillary Clinton", "Bill Clinton"));
        assert!(!same_name("Bashar Assad", "Dmitry Peskov"));
        assert!(!same_name("Clinton", "Clinton Foundation"));
    }

    #[test]
    fn nearest_takes_a_window_around_a_place() {
        assert_eq!(nearest(&[1, 4, 6, 9, 20], 5.5, 2), [4, 6]);
        assert_eq!(nearest(&[1, 4, 6, 9, 20], 30.0, 2), [9, 20]);
        assert_eq!(nearest(&[1, 4], 0.0, 5), [1, 4]);
        assert_eq!(nearest(&[], 3.0, 5), Vec::<usize>::new());
    }

    #[test]
    fn many_repeats_of_a_short_quote_pair_in_order() {
        let old: Vec<Quote> = (0..300).map(|k| quote(k + 1, "yes")).collect();
        let new: Vec<Quote> = (0..300).map(|k| quote(k + 1, "yes")).collect();
        let got = pairs(&align(&old, &new, 0.5));
        assert!(got.iter().all(|p| p.0 == p.1 && p.2 == Group::One));
    }

    #[test]
    fn out_of_order_marks_what_left_the_longest_run() {
        assert_eq!(out_of_order(&[0, 1, 2, 3]), [false; 4]);
        assert_eq!(out_of_order(&[0, 3, 1, 2]), [false, true, false, false]);
        assert_eq!(out_of_order(&[]), Vec::<bool>::new());
    }
}
