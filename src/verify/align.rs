//! Aligning one quote with its sources and deciding the verdict.
//!
//! 1. The quote is split into words; an ellipsis (`…`, `...`, `. . .`, `[…]`) between words
//!    becomes a *mark* word that matches nothing, and words inside `[brackets]` are editorial.
//! 2. Candidate windows come from the n-gram [`Index`]: the hits of the quote's word
//!    trigrams (single words for quotes under three words) are grouped by source position;
//!    the group covering most quote words wins.
//! 3. A word-level Myers alignment (`similar`) of the quote against that window fixes the
//!    exact stretch. Quote words left over at either end (three or more) are looked up again
//!    on their own: found far away, they make a second stretch.
//! 4. Each difference between quote and stretch becomes an [`Edit`]; the worst edit decides
//!    the [`Verdict`].

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::index::{Index, normal, trigram, words};
use super::source::{Source, SourceKind};
use super::variants;

/// More source words than this left out without a mark make a splice, not a dropped phrase.
pub const SPLICE_GAP: usize = 8;
/// N-grams more frequent than this are too common to anchor a search.
const MAX_POSTINGS: usize = 256;
/// How many too-common trigrams anchor a quote that has no other (each gives
/// [`MAX_POSTINGS`] hits).
const COMMON_ANCHORS: usize = 32;
/// How far apart (in words, beyond the quote's length) hits may be and still form one window.
const CLUSTER_GAP: usize = 40;

/// The verdict on one quote, from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Word for word and character for character (whitespace aside).
    Exact,
    /// Only case, punctuation, whitespace, quote typography or hyphenation differ.
    Cosmetic,
    /// Words left out where the quote marks an ellipsis.
    Elided,
    /// An editorial insertion in \[brackets\].
    Bracketed,
    /// Words changed, added or dropped without a mark.
    Altered,
    /// Stretches far apart in the source joined without a mark.
    Spliced,
    /// The words are in the source (exactly, cosmetically, elided or bracketed) but the
    /// source labels another speaker as saying them.
    Misattributed,
    /// No source stretch matches well enough.
    NotFound,
    /// Reported speech (kind `indirect`): the article gives the gist, not the words, so it
    /// is not checked word for word unless asked (`--check-paraphrase`).
    Paraphrase,
}

impl Verdict {
    /// The name the formats use (`exact`, `elided`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Exact => "exact",
            Verdict::Cosmetic => "cosmetic",
            Verdict::Elided => "elided",
            Verdict::Bracketed => "bracketed",
            Verdict::Altered => "altered",
            Verdict::Spliced => "spliced",
            Verdict::Misattributed => "misattributed",
            Verdict::NotFound => "not_found",
            Verdict::Paraphrase => "paraphrase",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Verdict {
    /// Every verdict, best first; `paraphrase` (not checked) last.
    pub const ALL: [Verdict; 9] = [
        Verdict::Exact,
        Verdict::Cosmetic,
        Verdict::Elided,
        Verdict::Bracketed,
        Verdict::Altered,
        Verdict::Spliced,
        Verdict::Misattributed,
        Verdict::NotFound,
        Verdict::Paraphrase,
    ];
}

impl std::str::FromStr for Verdict {
    type Err = String;
    fn from_str(s: &str) -> Result<Verdict, String> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown verdict {s:?}"))
    }
}

/// One step of the word diff between the quote and its source stretch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum Edit {
    /// The same words, character for character.
    Equal {
        /// The words, as both have them.
        text: String,
    },
    /// The same words up to case, punctuation, typography or hyphenation.
    Cosmetic {
        /// The quote's words.
        quote: String,
        /// The source's words.
        source: String,
    },
    /// Source words left out at an ellipsis.
    Elided {
        /// The source words left out.
        source: String,
    },
    /// An editorial insertion and the source words it stands for (empty when it adds).
    Bracketed {
        /// The insertion, brackets included.
        quote: String,
        /// The source words it stands for.
        source: String,
    },
    /// Quote words with no counterpart in the source.
    Added {
        /// The added words.
        quote: String,
    },
    /// Source words left out without a mark.
    Dropped {
        /// The source words left out.
        source: String,
    },
    /// Quote words standing where the source has others.
    Changed {
        /// The quote's words.
        quote: String,
        /// The source's words.
        source: String,
    },
    /// The quote jumps to a distant stretch without a mark; `source` is what lies between.
    Splice {
        /// The source text skipped.
        source: String,
    },
}

impl Edit {
    fn verdict(&self) -> Verdict {
        match self {
            Edit::Equal { .. } => Verdict::Exact,
            Edit::Cosmetic { .. } => Verdict::Cosmetic,
            Edit::Elided { .. } => Verdict::Elided,
            Edit::Bracketed { .. } => Verdict::Bracketed,
            Edit::Added { .. } | Edit::Dropped { .. } | Edit::Changed { .. } => Verdict::Altered,
            Edit::Splice { .. } => Verdict::Spliced,
        }
    }
}

/// A stretch of one source: clean-text byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// Index of the source in the verifier's list.
    pub source: usize,
    /// Clean-text byte offset of the first word.
    pub start: usize,
    /// Clean-text byte offset just past the last word.
    pub end: usize,
}

/// What the aligner found for one quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The verdict.
    pub verdict: Verdict,
    /// 2 × matching words / (quote words + stretch words), elided words aside.
    pub similarity: f64,
    /// The source stretches in quote order (empty when not found).
    pub stretches: Vec<Stretch>,
    /// An omission (elided or dropped) removes a negation or qualifier.
    pub meaning: bool,
    /// The word diff, quote against source.
    pub edits: Vec<Edit>,
}

/// The words whose omission changes what was said: negations and qualifiers (one per line,
/// `#` comments), compiled in from `meaning.txt`.
const MEANING_WORDS: &str = include_str!("data/meaning.txt");

/// The hashes of the words in `meaning.txt`.
fn meaning_hashes() -> &'static std::collections::HashSet<u64> {
    static SET: std::sync::OnceLock<std::collections::HashSet<u64>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        MEANING_WORDS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter_map(|l| words(l).first().map(|w| w.hash))
            .collect()
    })
}

/// Whether leaving out `word` can turn the meaning of a sentence.
pub fn changes_meaning(word: &str) -> bool {
    words(word)
        .first()
        .is_some_and(|w| meaning_hashes().contains(&w.hash))
        || is_negative_contraction(word)
}

fn is_negative_contraction(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.ends_with("n't") || lower.ends_with("n’t")
}

/// A quote word: offsets into the quote text, or a mark.
#[derive(Clone, Copy, Debug)]
struct QWord {
    start: usize,
    end: usize,
    hash: u64,
    bracketed: bool,
    mark: bool,
}

const MARK_HASH: u64 = 0x6d61_726b_5f5f_5f5f;
const BRACKET_SALT: u64 = 0x5b5d_5b5d_5b5d_5b5d;

fn is_ellipsis(gap: &str) -> bool {
    let squeezed: String = gap.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.contains('…') || squeezed.contains("...")
}

fn quote_words(text: &str) -> Vec<QWord> {
    let ws = words(text);
    let mut out = Vec::with_capacity(ws.len() + 2);
    // Bracket depth at each byte where a word starts.
    let mut depth = 0i32;
    let mut chars = text.char_indices().peekable();
    let mut prev_end = None;
    for w in ws {
        let (ws_, we) = (w.start as usize, w.end as usize);
        while let Some(&(i, c)) = chars.peek() {
            if i >= ws_ {
                break;
            }
            match c {
                '[' => depth += 1,
                ']' => depth = (depth - 1).max(0),
                _ => {}
            }
            chars.next();
        }
        if let Some(pe) = prev_end
            && is_ellipsis(&text[pe..ws_])
        {
            out.push(QWord {
                start: pe,
                end: ws_,
                hash: MARK_HASH,
                bracketed: false,
                mark: true,
            });
        }
        let bracketed = depth > 0;
        out.push(QWord {
            start: ws_,
            end: we,
            hash: if bracketed {
                w.hash ^ BRACKET_SALT
            } else {
                w.hash
            },
            bracketed,
            mark: false,
        });
        while chars.peek().is_some_and(|&(i, _)| i < we) {
            chars.next();
        }
        prev_end = Some(we);
    }
    out
}

/// Whether quote words `range` (two words, no marks or brackets) are a sentence at the
/// start or end of the quote: sentence punctuation between them and the rest.
fn short_sentence(text: &str, qw: &[QWord], range: &std::ops::Range<usize>) -> bool {
    if qw[range.clone()].iter().any(|w| w.mark || w.bracketed) {
        return false;
    }
    let ends = |gap: &str| gap.contains(['.', '?', '!']);
    if range.start == 0 && range.end < qw.len() {
        ends(&text[qw[range.end - 1].end..qw[range.end].start])
    } else if range.end == qw.len() && range.start > 0 {
        ends(&text[qw[range.start - 1].end..qw[range.start].start])
    } else {
        false
    }
}

/// A located part of the quote: quote words `q` against source positions `s`, with the
/// alignment blocks in between (each `(equal, old range, new range)`, absolute indices).
#[derive(Clone, Debug)]
struct Segment {
    q: std::ops::Range<usize>,
    s: std::ops::Range<usize>,
    blocks: Vec<(bool, std::ops::Range<usize>, std::ops::Range<usize>)>,
    equal: usize,
}

/// Aligns quotes against a set of sources.
pub struct Aligner<'a> {
    /// The sources, in the order given.
    pub sources: &'a [Source],
    /// Their word index.
    pub index: &'a Index,
}

impl<'a> Aligner<'a> {
    /// An aligner over `sources` and their index.
    pub fn new(sources: &'a [Source], index: &'a Index) -> Aligner<'a> {
        Aligner { sources, index }
    }

    fn word_text(&self, p: usize) -> &str {
        let w = self.index.words[p];
        &self.sources[self.index.source_of(p)].clean[w.start as usize..w.end as usize]
    }

    /// Whether word `p` is a negation or qualifier (see [`changes_meaning`]).
    fn meaningful(&self, p: usize) -> bool {
        meaning_hashes().contains(&self.index.words[p].hash)
            || is_negative_contraction(self.word_text(p))
    }

    /// The words `a..b` for display: long omissions by their first 20 and last 10 words.
    fn omitted(&self, a: usize, b: usize) -> String {
        if b - a <= 40 {
            self.span_text(a, b)
        } else {
            format!(
                "{} … {}",
                self.span_text(a, a + 20),
                self.span_text(b - 10, b)
            )
        }
    }

    /// The clean text from the start of word `a` to the end of word `b - 1`.
    fn span_text(&self, a: usize, b: usize) -> String {
        if a >= b {
            return String::new();
        }
        let src = &self.sources[self.index.source_of(a)];
        let (s, e) = (
            self.index.words[a].start as usize,
            self.index.words[b - 1].end as usize,
        );
        squeeze(&src.clean[s..e])
    }

    /// Whether the gap before word `p` (within its source) ends a sentence.
    fn sentence_gap(&self, p: usize) -> bool {
        if p == 0 || p >= self.index.words.len() {
            return true;
        }
        let src = self.index.source_of(p);
        if self.index.source_of(p - 1) != src {
            return true;
        }
        let (a, b) = (self.index.words[p - 1].end, self.index.words[p].start);
        self.sources[src].clean[a as usize..b as usize].contains(['.', '?', '!'])
    }

    /// Checks one quote.
    pub fn align(&self, text: &str) -> Outcome {
        let qw = quote_words(text);
        let real = qw.iter().filter(|w| !w.mark).count();
        let not_found = Outcome {
            verdict: Verdict::NotFound,
            similarity: 0.0,
            stretches: Vec::new(),
            meaning: false,
            edits: Vec::new(),
        };
        if real == 0 {
            return not_found;
        }
        let mut segments: Vec<Segment> = Vec::new();
        let mut pending: Vec<std::ops::Range<usize>> = Vec::new();
        pending.push(0..qw.len());
        while let Some(range) = pending.pop() {
            let count = qw[range.clone()].iter().filter(|w| !w.mark).count();
            if count == 0 {
                continue;
            }
            let primary = segments.is_empty();
            // A two-word sentence at either end of the quote ("Nobody does. I said I would
            // try") may come from elsewhere: looked up, but only taken word for word where
            // the source also ends a sentence with it.
            let sentence = !primary && count == 2 && short_sentence(text, &qw, &range);
            if !primary && count < 3 && !sentence {
                continue;
            }
            let Some(seg) = self.locate(text, &qw, range.clone(), &segments) else {
                continue;
            };
            let run = seg.blocks.iter().filter(|b| b.0).map(|b| b.1.len()).max();
            if sentence {
                let at_start = range.start == 0;
                let bounded = if at_start {
                    self.sentence_gap(seg.s.end)
                } else {
                    self.sentence_gap(seg.s.start)
                };
                if seg.equal != 2 || seg.s.len() != 2 || !bounded {
                    continue;
                }
            } else if !primary
                && (run < Some(3) || seg.equal < 3 || (seg.equal as f64) < 0.6 * count as f64)
            {
                continue;
            }
            if seg.q.start > range.start {
                pending.push(range.start..seg.q.start);
            }
            if seg.q.end < range.end {
                pending.push(seg.q.end..range.end);
            }
            segments.push(seg);
        }
        segments.sort_by_key(|s| s.q.start);
        // Editorial words are not expected in the source.
        let own = qw.iter().filter(|w| !w.mark && !w.bracketed).count();
        let matched: usize = segments.iter().map(|s| s.equal).sum();
        // The longest stretch of the quote without an ellipsis, in its own words.
        let part = qw
            .split(|w| w.mark)
            .map(|p| p.iter().filter(|w| !w.bracketed).count())
            .max()
            .unwrap_or(0);
        let longest = segments
            .iter()
            .flat_map(|s| s.blocks.iter())
            .filter(|b| b.0)
            .map(|b| b.1.len())
            .max()
            .unwrap_or(0);
        if segments.is_empty() || longest < part.clamp(1, 3) || (matched as f64) < 0.5 * own as f64
        {
            return not_found;
        }
        self.judge(text, &qw, &segments)
    }

    /// Finds the best window for quote words `range` and aligns them with it.
    fn locate(
        &self,
        text: &str,
        qw: &[QWord],
        range: std::ops::Range<usize>,
        taken: &[Segment],
    ) -> Option<Segment> {
        let real: Vec<usize> = range.clone().filter(|&i| !qw[i].mark).collect();
        let mut hits: Vec<(u32, u32)> = Vec::new(); // (position, quote index)
        let is_taken = |p: u32| taken.iter().any(|t| t.s.contains(&(p as usize)));
        if real.len() >= 3 {
            let mut common = Vec::new();
            for t in real.windows(3) {
                let h = trigram(qw[t[0]].hash, qw[t[1]].hash, qw[t[2]].hash);
                let post = self.index.trigram_positions(h);
                if post.len() > MAX_POSTINGS {
                    common.push((t[0], post));
                    continue;
                }
                hits.extend(post.iter().map(|&(_, p)| (p, t[0] as u32)));
            }
            if hits.is_empty() {
                // Only common trigrams (a quote of one word repeated): at most
                // COMMON_ANCHORS of them, spread over the quote, so the hits to sort stay
                // bounded whatever the quote's length.
                let step = common.len().div_ceil(COMMON_ANCHORS).max(1);
                for (i, post) in common.into_iter().step_by(step) {
                    hits.extend(post[..MAX_POSTINGS].iter().map(|&(_, p)| (p, i as u32)));
                }
            }
        }
        if hits.is_empty() && (1..3).contains(&real.len()) {
            hits = self.short_quote(qw, &real, text);
        }
        if hits.is_empty() && real.len() >= 3 {
            // No trigram of the quote occurs (an ellipsis every two words, say): anchor on
            // pairs of neighbouring words instead.
            for w in range.clone().collect::<Vec<_>>().windows(2) {
                let (i, j) = (w[0], w[1]);
                if qw[i].mark || qw[j].mark {
                    continue;
                }
                let mut found = self.pair_positions(qw[i].hash, qw[j].hash);
                found.truncate(MAX_POSTINGS);
                hits.extend(found.into_iter().map(|p| (p as u32, i as u32)));
            }
        }
        if hits.is_empty() {
            for &i in &real {
                let post = self.index.word_positions(qw[i].hash);
                hits.extend(
                    post.iter()
                        .take(4 * MAX_POSTINGS)
                        .map(|&(_, p)| (p, i as u32)),
                );
            }
        }
        hits.retain(|&(p, _)| !is_taken(p));
        if hits.is_empty() {
            return None;
        }
        hits.sort_unstable();
        let len = range.len();
        let gap = (len + CLUSTER_GAP) as u32;
        // Group hits into windows and keep the one covering most quote words.
        let mut best: Option<((usize, usize), usize, usize)> = None; // (score, from, to) in `hits`
        let mut from = 0;
        let mut seen: Vec<u32> = Vec::new();
        for to in 1..=hits.len() {
            // A window never grows past a few quote lengths (boilerplate repeated through a
            // long hearing would chain hits into one huge window).
            let split = to == hits.len()
                || hits[to].0 - hits[to - 1].0 > gap
                || hits[to].0 - hits[from].0 > 4 * gap
                || self.index.source_of(hits[to].0 as usize)
                    != self.index.source_of(hits[from].0 as usize);
            if split {
                seen.clear();
                seen.extend(hits[from..to].iter().map(|&(_, i)| i));
                seen.sort_unstable();
                seen.dedup();
                // Ties go to the window whose words match character for character.
                let distinct = seen.len();
                if best.is_some_and(|b| distinct < b.0.0) {
                    from = to;
                    continue;
                }
                let exact = hits[from..to]
                    .iter()
                    .filter(|&&(p, i)| {
                        let w = qw[i as usize];
                        self.word_text(p as usize) == &text[w.start..w.end]
                    })
                    .count();
                let score = (distinct, exact);
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, from, to));
                }
                from = to;
            }
        }
        let (_, from, to) = best?;
        let src = self
            .index
            .range(self.index.source_of(hits[from].0 as usize));
        let lo = (hits[from].0 as usize)
            .saturating_sub(len + 5)
            .max(src.start);
        let hi = (hits[to - 1].0 as usize + len + 8).min(src.end);
        // Never run into stretches already taken.
        let (lo, hi) = taken.iter().fold((lo, hi), |(lo, hi), t| {
            if t.s.end <= hits[from].0 as usize && t.s.end > lo {
                (t.s.end, hi)
            } else if t.s.start > hits[to - 1].0 as usize && t.s.start < hi {
                (lo, t.s.start)
            } else {
                (lo, hi)
            }
        });
        let old: Vec<u64> = self.index.words[lo..hi].iter().map(|w| w.hash).collect();
        let new: Vec<u64> = qw[range.clone()].iter().map(|w| w.hash).collect();
        let ops = capture_diff_slices(Algorithm::Myers, &old, &new);
        let mut blocks: Vec<(bool, std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
        for op in ops {
            let (tag, o, n) = op.as_tag_tuple();
            let eq = tag == DiffTag::Equal;
            let o = o.start + lo..o.end + lo;
            let n = n.start + range.start..n.end + range.start;
            match blocks.last_mut() {
                Some(last) if !last.0 && !eq => {
                    last.1.end = o.end;
                    last.2.end = n.end;
                }
                _ => blocks.push((eq, o, n)),
            }
        }
        // Drop leading and trailing changes (window slack) and small equal islands cut off
        // from the rest by a long deletion: chance matches of common words in the slack.
        let same = |a: usize, b: usize, k: usize| {
            (0..k).all(|i| self.index.words[a + i].hash == self.index.words[b + i].hash)
        };
        loop {
            while blocks.first().is_some_and(|b| !b.0) {
                blocks.remove(0);
            }
            while blocks.last().is_some_and(|b| !b.0) {
                blocks.pop();
            }
            // Myers may match an island of the quote's first (last) words too early (late)
            // in the window, leaving a deletion after (before) it; slide it over the deletion.
            if blocks.len() >= 3 && blocks[0].0 && !blocks[1].0 && blocks[1].2.is_empty() {
                let (k, a, d) = (blocks[0].1.len(), blocks[0].1.start, blocks[1].1.len());
                if same(a, a + d, k) {
                    let n = blocks[0].2.clone();
                    blocks[0] = (false, a..a + d, n.start..n.start);
                    blocks[1] = (true, a + d..a + d + k, n);
                    if blocks[2].0 {
                        let next = blocks.remove(2);
                        blocks[1].1.end = next.1.end;
                        blocks[1].2.end = next.2.end;
                    }
                    continue;
                }
            }
            // The same when an ellipsis stands between the island and the rest: the island
            // moves to the last (first) place it repeats before (after) the omission.
            let only_marks = |b: &Block| !b.2.is_empty() && b.2.clone().all(|i| qw[i].mark);
            if blocks.len() >= 3 && blocks[0].0 && only_marks(&blocks[1]) {
                let (k, a, d) = (blocks[0].1.len(), blocks[0].1.start, blocks[1].1.len());
                if let Some(sh) = (1..=d).rev().find(|&sh| same(a, a + sh, k)) {
                    let n = blocks[0].2.clone();
                    let marks = blocks[1].2.clone();
                    blocks[0] = (false, a..a + sh, n.start..n.start);
                    blocks[1] = (true, a + sh..a + sh + k, n);
                    blocks.insert(2, (false, a + sh + k..a + k + d, marks));
                    continue;
                }
            }
            let len = blocks.len();
            if len >= 3 && blocks[len - 1].0 && only_marks(&blocks[len - 2]) {
                let (k, b, d) = (
                    blocks[len - 1].1.len(),
                    blocks[len - 1].1.start,
                    blocks[len - 2].1.len(),
                );
                if let Some(sh) = (1..=d).rev().find(|&sh| same(b, b - sh, k)) {
                    let n = blocks[len - 1].2.clone();
                    let marks = blocks[len - 2].2.clone();
                    blocks[len - 2] = (false, b - d..b - sh, marks);
                    blocks[len - 1] = (true, b - sh..b - sh + k, n.clone());
                    blocks.push((false, b - sh + k..b + k, n.end..n.end));
                    continue;
                }
            }
            let len = blocks.len();
            if len >= 3 && blocks[len - 1].0 && !blocks[len - 2].0 && blocks[len - 2].2.is_empty() {
                let (k, b, d) = (
                    blocks[len - 1].1.len(),
                    blocks[len - 1].1.start,
                    blocks[len - 2].1.len(),
                );
                if same(b, b - d, k) {
                    let n = blocks[len - 1].2.clone();
                    blocks[len - 1] = (false, b - d + k..b + k, n.end..n.end);
                    blocks[len - 2] = (true, b - d..b - d + k, n);
                    if blocks[len - 3].0 {
                        let prev = blocks.remove(len - 3);
                        blocks[len - 3].1.start = prev.1.start;
                        blocks[len - 3].2.start = prev.2.start;
                    }
                    continue;
                }
            }
            if blocks.len() >= 3 {
                let (first, next) = (&blocks[0], &blocks[1]);
                if first.1.len() <= 2 && next.1.len() > SPLICE_GAP && next.2.is_empty() {
                    blocks.drain(..2);
                    continue;
                }
                let n = blocks.len();
                let (prev, last) = (&blocks[n - 2], &blocks[n - 1]);
                if last.1.len() <= 2 && prev.1.len() > SPLICE_GAP && prev.2.is_empty() {
                    blocks.truncate(n - 2);
                    continue;
                }
            }
            break;
        }
        slide_deletions(&mut blocks, qw, &same);
        // A short equal run at either end, cut off by a wide change, is a chance match of
        // common words ("the", "to") in unrelated speech: the quote words there belong
        // elsewhere (a splice) or nowhere.
        loop {
            let weak = |run: &Block, change: &Block| {
                run.1.len() < 3 && (change.1.len() > SPLICE_GAP || change.2.len() >= 3)
            };
            let n = blocks.len();
            if n >= 3 && weak(&blocks[0], &blocks[1]) {
                blocks.drain(..2);
            } else if n >= 3 && weak(&blocks[n - 1], &blocks[n - 2]) {
                blocks.truncate(n - 2);
            } else {
                break;
            }
        }
        // A short run at either end matched to a word further off, where the quote's
        // words are a variant of the source words beside the rest ("It is" for "It's"):
        // left to the edge comparison, which knows variants.
        let variant_of = |o: std::ops::Range<usize>, n: std::ops::Range<usize>| {
            self.plain_words(text, qw, o, n)
                .is_some_and(|(q, s)| variants::equivalent(&q, &s).is_some())
        };
        if blocks.len() >= 3 && blocks[0].0 && blocks[0].1.len() < 3 && !blocks[1].0 {
            // Source words of the change only: the run's own word matched where it stands.
            let (n, end) = (blocks[0].2.start..blocks[1].2.end, blocks[1].1.end);
            let width = blocks[1].1.len();
            if (1..=width.min(3)).any(|k| variant_of(end - k..end, n.clone())) {
                blocks.drain(..2);
            }
        }
        let len = blocks.len();
        if len >= 3 && blocks[len - 1].0 && blocks[len - 1].1.len() < 3 && !blocks[len - 2].0 {
            let (n, start) = (
                blocks[len - 2].2.start..blocks[len - 1].2.end,
                blocks[len - 2].1.start,
            );
            let width = blocks[len - 2].1.len();
            if (1..=width.min(3)).any(|k| variant_of(start..start + k, n.clone())) {
                blocks.truncate(len - 2);
            }
        }
        // So is a run of short matches before the first (after the last) run of three or
        // more words when it matches under half of its quote words or spans a wide change.
        let chance = |bs: &[Block]| {
            let equal: usize = bs.iter().filter(|b| b.0).map(|b| b.1.len()).sum();
            let quoted: usize = bs.iter().map(|b| b.2.len()).sum();
            let wide = bs
                .iter()
                .any(|b| !b.0 && (b.1.len() > SPLICE_GAP || b.2.len() >= 3));
            wide || 2 * equal < quoted
        };
        if let Some(j) = blocks.iter().position(|b| b.0 && b.1.len() >= 3)
            && j > 0
            && chance(&blocks[..j])
        {
            blocks.drain(..j);
        }
        if let Some(j) = blocks.iter().rposition(|b| b.0 && b.1.len() >= 3)
            && j + 1 < blocks.len()
            && chance(&blocks[j + 1..])
        {
            blocks.truncate(j + 1);
        }
        // Past an ellipsis, three or more quote words matched only here and there belong to
        // another passage: leave them to be looked up on their own.
        let marked = |b: &Block| !b.0 && b.2.clone().any(|i| qw[i].mark);
        let own = |bs: &[Block]| -> usize {
            bs.iter()
                .map(|b| b.2.clone().filter(|&i| !qw[i].mark).count())
                .sum()
        };
        let best_run = |bs: &[Block]| bs.iter().filter(|b| b.0).map(|b| b.1.len()).max();
        if let Some(j) = blocks.iter().rposition(|b| b.0 && b.1.len() >= 3)
            && let Some(m) = (j + 1..blocks.len()).find(|&m| marked(&blocks[m]))
            && own(&blocks[m..]) >= 3
            && best_run(&blocks[m..]) < Some(3)
        {
            blocks.truncate(m);
        }
        if let Some(j) = blocks.iter().position(|b| b.0 && b.1.len() >= 3)
            && let Some(m) = (0..j).rev().find(|&m| marked(&blocks[m]))
            && own(&blocks[..=m]) >= 3
            && best_run(&blocks[..=m]) < Some(3)
        {
            blocks.drain(..=m);
        }
        let first = blocks.first()?;
        let last = blocks.last()?;
        let equal = blocks.iter().filter(|b| b.0).map(|b| b.1.len()).sum();
        Some(Segment {
            q: first.2.start..last.2.end,
            s: first.1.start..last.1.end,
            equal,
            blocks,
        })
    }

    /// Every place a quote of one or two words occurs word for word (the rarer word's
    /// positions checked against the other), the character-for-character matches first;
    /// as `(position, quote index)` hits.
    fn short_quote(&self, qw: &[QWord], real: &[usize], text: &str) -> Vec<(u32, u32)> {
        let mut starts: Vec<usize> = if real.len() == 1 {
            self.index
                .word_positions(qw[real[0]].hash)
                .iter()
                .map(|&(_, p)| p as usize)
                .collect()
        } else {
            self.pair_positions(qw[real[0]].hash, qw[real[1]].hash)
        };
        let exact = |p: usize| {
            real.iter()
                .enumerate()
                .all(|(k, &i)| self.word_text(p + k) == &text[qw[i].start..qw[i].end])
        };
        // Stable: position order within each group.
        starts.sort_by_key(|&p| !exact(p));
        starts.truncate(1);
        starts
            .into_iter()
            .flat_map(|p| {
                real.iter()
                    .enumerate()
                    .map(move |(k, &i)| ((p + k) as u32, i as u32))
            })
            .collect()
    }

    /// The positions where word `a` is followed by word `b` in one source: the rarer word's
    /// positions checked against the other.
    fn pair_positions(&self, a: u64, b: u64) -> Vec<usize> {
        let words = &self.index.words;
        let first = self.index.word_positions(a);
        let second = self.index.word_positions(b);
        let adjacent = |p: usize| {
            p + 1 < words.len()
                && words[p].hash == a
                && words[p + 1].hash == b
                && self.index.source_of(p) == self.index.source_of(p + 1)
        };
        if first.len() <= second.len() {
            first
                .iter()
                .map(|&(_, p)| p as usize)
                .filter(|&p| adjacent(p))
                .collect()
        } else {
            second
                .iter()
                .filter_map(|&(_, p)| (p as usize).checked_sub(1))
                .filter(|&p| adjacent(p))
                .collect()
        }
    }

    /// Turns located segments into edits and a verdict.
    fn judge(&self, text: &str, qw: &[QWord], segments: &[Segment]) -> Outcome {
        let mut edits = Vec::new();
        let mut meaning = false;
        let qtext = |r: std::ops::Range<usize>| -> String {
            let ws: Vec<&QWord> = qw[r].iter().filter(|w| !w.mark).collect();
            match (ws.first(), ws.last()) {
                (Some(a), Some(b)) => {
                    let (mut s, mut e) = (a.start, b.end);
                    // Keep brackets around editorial words.
                    if a.bracketed {
                        s = text[..s].rfind('[').unwrap_or(s);
                    }
                    if b.bracketed {
                        e = text[e..].find(']').map(|i| e + i + 1).unwrap_or(e);
                    }
                    squeeze(&text[s..e])
                }
                _ => String::new(),
            }
        };
        let mut stretches: Vec<Stretch> = Vec::new();
        let mut quote_words_seen = 0;
        let mut matched = 0.0;
        let mut stretch_words = 0;
        for (k, seg) in segments.iter().enumerate() {
            // Quote words before this segment that no segment took.
            let before = if k == 0 { 0 } else { segments[k - 1].q.end };
            let lead = before..seg.q.start;
            let mut s_start = seg.s.start;
            if k == 0 {
                let (part, extra) = self.edge(text, qw, lead.clone(), seg.s.start, true);
                s_start -= extra;
                stretch_words += extra;
                matched += part.matched;
                meaning |= part.meaning;
                edits.extend(part.edits);
            } else {
                let prev = &segments[k - 1];
                let marked = qw[lead.clone()].iter().any(|w| w.mark);
                let same = self.index.source_of(prev.s.start) == self.index.source_of(seg.s.start);
                let between = if same && prev.s.end <= seg.s.start {
                    Some(prev.s.end..seg.s.start)
                } else {
                    None
                };
                let omitted = between
                    .clone()
                    .map(|b| self.omitted(b.start, b.end))
                    .unwrap_or_default();
                if let (true, Some(b)) = (marked, between) {
                    meaning |= (b.start..b.end).any(|p| self.meaningful(p));
                    edits.push(Edit::Elided { source: omitted });
                } else {
                    edits.push(Edit::Splice { source: omitted });
                }
                let added = qtext(lead.clone());
                if !added.is_empty() {
                    edits.push(Edit::Added { quote: added });
                }
            }
            quote_words_seen += qw[lead].iter().filter(|w| !w.mark).count();
            for (eq, o, n) in &seg.blocks {
                quote_words_seen += qw[n.clone()].iter().filter(|w| !w.mark).count();
                if *eq {
                    matched += o.len() as f64;
                    stretch_words += o.len();
                    self.equal_edits(text, qw, o.clone(), n.clone(), &mut edits);
                    continue;
                }
                let part = self.change(text, qw, o.clone(), n.clone(), &qtext);
                matched += part.matched;
                stretch_words += part.stretch;
                meaning |= part.meaning;
                edits.extend(part.edits);
            }
            let mut s_end = seg.s.end;
            if k + 1 == segments.len() {
                let tail = seg.q.end..qw.len();
                quote_words_seen += qw[tail.clone()].iter().filter(|w| !w.mark).count();
                let (part, extra) = self.edge(text, qw, tail, seg.s.end, false);
                s_end += extra;
                stretch_words += extra;
                matched += part.matched;
                meaning |= part.meaning;
                edits.extend(part.edits);
            }
            let source = self.index.source_of(seg.s.start);
            stretches.push(Stretch {
                source,
                start: self.index.words[s_start].start as usize,
                end: self.index.words[s_end - 1].end as usize,
            });
        }
        debug_assert_eq!(quote_words_seen, qw.iter().filter(|w| !w.mark).count());
        let edits = merge_equal(edits);
        let verdict = edits
            .iter()
            .map(Edit::verdict)
            .max()
            .unwrap_or(Verdict::Exact);
        let q = qw.iter().filter(|w| !w.mark && !w.bracketed).count();
        let similarity = (2.0 * matched / (q + stretch_words) as f64).min(1.0);
        Outcome {
            verdict,
            similarity: (similarity * 1000.0).round() / 1000.0,
            stretches,
            meaning,
            edits,
        }
    }

    /// Edits for an equal run: equal words, or cosmetic where the characters or the
    /// punctuation between words differ.
    fn equal_edits(
        &self,
        text: &str,
        qw: &[QWord],
        o: std::ops::Range<usize>,
        n: std::ops::Range<usize>,
        edits: &mut Vec<Edit>,
    ) {
        let src = &self.sources[self.index.source_of(o.start)];
        for (i, (p, j)) in o.clone().zip(n.clone()).enumerate() {
            let (sw, qwd) = (self.index.words[p], qw[j]);
            let s_word = &src.clean[sw.start as usize..sw.end as usize];
            let q_word = &text[qwd.start..qwd.end];
            // The punctuation before this word, inside the run.
            let (s_gap, q_gap) = if i == 0 {
                ("", "")
            } else {
                (
                    &src.clean[self.index.words[p - 1].end as usize..sw.start as usize],
                    &text[qw[j - 1].end..qwd.start],
                )
            };
            if s_word == q_word && squeeze(s_gap) == squeeze(q_gap) {
                let joined = if i == 0 {
                    q_word.to_string()
                } else {
                    format!("{}{}", squeeze(q_gap), q_word)
                };
                edits.push(Edit::Equal { text: joined });
            } else {
                edits.push(Edit::Cosmetic {
                    quote: format!("{}{}", squeeze(q_gap).trim_start(), q_word),
                    source: format!("{}{}", squeeze(s_gap).trim_start(), s_word),
                });
            }
        }
    }

    /// Edits for one change block between equal runs. Words equal at either end of the
    /// block (an edge block compared word for word) are peeled off first.
    fn change(
        &self,
        text: &str,
        qw: &[QWord],
        mut o: std::ops::Range<usize>,
        mut n: std::ops::Range<usize>,
        qtext: &dyn Fn(std::ops::Range<usize>) -> String,
    ) -> Part {
        let mut part = Part::default();
        let eq = |p: usize, i: usize| !qw[i].mark && qw[i].hash == self.index.words[p].hash;
        while !o.is_empty() && !n.is_empty() && eq(o.start, n.start) {
            self.equal_edits(
                text,
                qw,
                o.start..o.start + 1,
                n.start..n.start + 1,
                &mut part.edits,
            );
            o.start += 1;
            n.start += 1;
            part.matched += 1.0;
            part.stretch += 1;
        }
        let mut tail = Vec::new();
        while !o.is_empty() && !n.is_empty() && eq(o.end - 1, n.end - 1) {
            let mut e = Vec::new();
            self.equal_edits(text, qw, o.end - 1..o.end, n.end - 1..n.end, &mut e);
            tail.extend(e);
            o.end -= 1;
            n.end -= 1;
            part.matched += 1.0;
            part.stretch += 1;
        }
        // Variants at either end (`don't` for `do not` beside a bracket): peeled off as
        // cosmetic, so the rest of the block is judged on its own.
        while let Some((kq, ks, lead)) = self.variant_end(text, qw, &o, &n) {
            let (qr, or) = if lead {
                (n.start..n.start + kq, o.start..o.start + ks)
            } else {
                (n.end - kq..n.end, o.end - ks..o.end)
            };
            let edit = Edit::Cosmetic {
                quote: qtext(qr),
                source: self.span_text(or.start, or.end),
            };
            if lead {
                part.edits.push(edit);
                n.start += kq;
                o.start += ks;
            } else {
                tail.push(edit);
                n.end -= kq;
                o.end -= ks;
            }
            part.matched += (kq + ks) as f64 / 2.0;
            part.stretch += ks;
        }
        if !(o.is_empty() && n.is_empty()) {
            self.change_core(text, qw, o, n, qtext, &mut part);
        }
        part.edits.extend(tail.into_iter().rev());
        part
    }

    /// The quote and source word texts of `n` and `o`, if no quote word is a mark or
    /// bracketed.
    fn plain_words<'t>(
        &'t self,
        text: &'t str,
        qw: &[QWord],
        o: std::ops::Range<usize>,
        n: std::ops::Range<usize>,
    ) -> Option<(Vec<&'t str>, Vec<&'t str>)> {
        if n.clone().any(|i| qw[i].mark || qw[i].bracketed) {
            return None;
        }
        let q = n.map(|i| &text[qw[i].start..qw[i].end]).collect();
        let s = o.map(|p| self.word_text(p)).collect();
        Some((q, s))
    }

    /// Words at the start (`true`) or end of a change block that are cosmetic variants of
    /// each other, leaving something on either side: `(quote words, source words, lead)`.
    fn variant_end(
        &self,
        text: &str,
        qw: &[QWord],
        o: &std::ops::Range<usize>,
        n: &std::ops::Range<usize>,
    ) -> Option<(usize, usize, bool)> {
        for lead in [true, false] {
            for kq in 1..=n.len().min(3) {
                for ks in 1..=o.len().min(3) {
                    if kq == n.len() && ks == o.len() {
                        continue;
                    }
                    let (qr, or) = if lead {
                        (n.start..n.start + kq, o.start..o.start + ks)
                    } else {
                        (n.end - kq..n.end, o.end - ks..o.end)
                    };
                    let Some((q, s)) = self.plain_words(text, qw, or, qr) else {
                        continue;
                    };
                    // Not a word both sides have as it is (the aligner left it unmatched).
                    if q.len() == 1 && s.len() == 1 && normal(q[0]) == normal(s[0]) {
                        continue;
                    }
                    if variants::equivalent(&q, &s).is_some() {
                        return Some((kq, ks, lead));
                    }
                }
            }
        }
        None
    }

    fn change_core(
        &self,
        text: &str,
        qw: &[QWord],
        o: std::ops::Range<usize>,
        n: std::ops::Range<usize>,
        qtext: &dyn Fn(std::ops::Range<usize>) -> String,
        part: &mut Part,
    ) {
        let source = self.span_text(o.start, o.end);
        let marked = qw[n.clone()].iter().any(|w| w.mark);
        let real: Vec<usize> = n.clone().filter(|&i| !qw[i].mark).collect();
        let bracketed = real.iter().filter(|&&i| qw[i].bracketed).count();
        let joined_q: String = real.iter().map(|&i| normal_of(text, qw[i])).collect();
        let joined_s: String = o.clone().map(|p| normal(self.word_text(p))).collect();
        let variant = !marked
            && bracketed == 0
            && self
                .plain_words(text, qw, o.clone(), n.clone())
                .is_some_and(|(q, s)| variants::equivalent(&q, &s).is_some());
        // Whole words in brackets are an editor's insertion even when they restore the
        // source's words ("[The buses]" for "The buses"); a bracketed letter ("[W]e") is not.
        let inserted = real.iter().any(|&i| {
            let w = qw[i];
            w.bracketed
                && !text[..w.start]
                    .trim_end_matches('[')
                    .ends_with(char::is_alphanumeric)
                && !text[w.end..]
                    .trim_start_matches(']')
                    .starts_with(char::is_alphanumeric)
        });
        let out = &mut part.edits;
        if !o.is_empty() && !real.is_empty() && !inserted && (joined_q == joined_s || variant) {
            part.matched += (o.len() + real.len()) as f64 / 2.0;
            part.stretch += o.len();
            out.push(Edit::Cosmetic {
                quote: qtext(n),
                source,
            });
            return;
        }
        let omits_meaning = o.clone().any(|p| self.meaningful(p));
        if marked {
            if !o.is_empty() {
                part.meaning |= omits_meaning;
                out.push(Edit::Elided {
                    source: self.omitted(o.start, o.end),
                });
            }
            if bracketed > 0 {
                out.push(Edit::Bracketed {
                    quote: qtext(n.clone()),
                    source: String::new(),
                });
            }
            if bracketed < real.len() {
                out.push(Edit::Added { quote: qtext(n) });
            }
            return;
        }
        if real.is_empty() {
            if o.len() > SPLICE_GAP {
                out.push(Edit::Splice {
                    source: self.omitted(o.start, o.end),
                });
            } else {
                part.meaning |= omits_meaning;
                part.stretch += o.len();
                out.push(Edit::Dropped { source });
            }
        } else if bracketed == real.len() {
            out.push(Edit::Bracketed {
                quote: qtext(n),
                source,
            });
        } else if o.is_empty() {
            out.push(Edit::Added { quote: qtext(n) });
        } else {
            part.stretch += o.len();
            out.push(Edit::Changed {
                quote: qtext(n),
                source,
            });
        }
    }

    /// Edits for quote words beyond the first or last segment (`lead` true: before it).
    /// They are compared with as many source words next to the stretch, within its sentence;
    /// returns the edits and how many source words were taken into the stretch.
    fn edge(
        &self,
        text: &str,
        qw: &[QWord],
        r: std::ops::Range<usize>,
        at: usize,
        lead: bool,
    ) -> (Part, usize) {
        let real: Vec<usize> = r.clone().filter(|&i| !qw[i].mark).collect();
        if real.is_empty() {
            return (Part::default(), 0);
        }
        let src_range = self
            .index
            .range(self.index.source_of(if lead { at } else { at - 1 }));
        let src = &self.sources[self.index.source_of(if lead { at } else { at - 1 })];
        // A line break ends a sentence in plain text; in subtitles cues break anywhere.
        let ends_sentence = |gap: &str| {
            gap.contains(['.', '?', '!']) || (src.kind == SourceKind::Text && gap.contains('\n'))
        };
        // Source words available beside the stretch, within its sentence: as many as the
        // quote has here, and two more (a contraction written out needs one more).
        let mut available = 0;
        let mut p = at;
        while available < real.len() + 2 {
            let ok = if lead {
                p > src_range.start
            } else {
                p < src_range.end
            };
            if !ok {
                break;
            }
            let gap = &src.clean
                [self.index.words[p - 1].end as usize..self.index.words[p].start as usize];
            if ends_sentence(gap) {
                break;
            }
            if lead {
                p -= 1;
            } else {
                p += 1;
            }
            available += 1;
        }
        let qtext = |r: std::ops::Range<usize>| -> String {
            let ws: Vec<&QWord> = qw[r].iter().filter(|w| !w.mark).collect();
            let (a, b) = (ws[0], ws[ws.len() - 1]);
            let (mut s, mut e) = (a.start, b.end);
            if a.bracketed {
                s = text[..s].rfind('[').unwrap_or(s);
            }
            if b.bracketed {
                e = text[e..].find(']').map(|i| e + i + 1).unwrap_or(e);
            }
            squeeze(&text[s..e])
        };
        // As many source words as quote words; one or two more only where that makes the
        // edge better (a variant instead of a change).
        let first = real.len().min(available);
        let mut best: Option<(Part, usize, Option<Verdict>)> = None;
        for taken in first..=available.min(first + 2) {
            let o = if lead { at - taken..at } else { at..at + taken };
            let part = self.change(text, qw, o, r.clone(), &qtext);
            let worst = part.edits.iter().map(Edit::verdict).max();
            if best.as_ref().is_none_or(|b| worst < b.2) {
                best = Some((part, taken, worst));
            }
            if worst <= Some(Verdict::Cosmetic) {
                break;
            }
        }
        let (part, taken, _) = best.expect("at least one width is tried");
        let taken = if part.edits.iter().any(|e| matches!(e, Edit::Added { .. })) {
            0
        } else {
            taken
        };
        (part, taken)
    }
}

/// The edits of one change block and what they count for.
#[derive(Default)]
struct Part {
    edits: Vec<Edit>,
    matched: f64,
    stretch: usize,
    meaning: bool,
}

type Block = (bool, std::ops::Range<usize>, std::ops::Range<usize>);

/// Among alignments of equal cost, prefers the one that keeps a deletion next to the
/// ellipsis that marks it, or joins two deletions into one: an equal run whose words repeat
/// just past a deletion slides over it.
fn slide_deletions(
    blocks: &mut Vec<Block>,
    qw: &[QWord],
    same: &dyn Fn(usize, usize, usize) -> bool,
) {
    let marked = |b: &Block| b.2.clone().any(|i| qw[i].mark);
    for _ in 0..16 {
        let mut changed = false;
        for i in 1..blocks.len().saturating_sub(1) {
            let (prev, cur, next) = (&blocks[i - 1], &blocks[i], &blocks[i + 1]);
            if !cur.0 || prev.0 || next.0 {
                continue;
            }
            let k = cur.1.len();
            let pure = |b: &Block| b.2.is_empty();
            if (marked(prev) || pure(prev)) && pure(next) {
                let (a, d) = (cur.1.start, next.1.len());
                if same(a, a + d, k) {
                    let n = cur.2.clone();
                    blocks[i] = (false, a..a + d, n.start..n.start);
                    blocks[i + 1] = (true, a + d..a + d + k, n);
                    changed = true;
                    break;
                }
            }
            if marked(next) && pure(prev) {
                let (a, d) = (prev.1.start, prev.1.len());
                if same(a, a + d, k) {
                    let n = cur.2.clone();
                    blocks[i - 1] = (true, a..a + k, n.clone());
                    blocks[i] = (false, a + k..a + k + d, n.end..n.end);
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
        // Join neighbours of the same kind.
        let mut joined: Vec<Block> = Vec::with_capacity(blocks.len());
        for b in blocks.drain(..) {
            match joined.last_mut() {
                Some(last) if last.0 == b.0 => {
                    last.1.end = b.1.end;
                    last.2.end = b.2.end;
                }
                _ => joined.push(b),
            }
        }
        *blocks = joined;
    }
}

fn normal_of(text: &str, w: QWord) -> String {
    normal(&text[w.start..w.end])
}

/// Collapses whitespace runs to one space.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
    out
}

/// Joins consecutive equal edits into one.
fn merge_equal(edits: Vec<Edit>) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        match (out.last_mut(), e) {
            (Some(Edit::Equal { text }), Edit::Equal { text: more }) => {
                // A run's first word carries no gap; later words carry theirs.
                if more.starts_with(char::is_alphanumeric) && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&more);
            }
            (_, e) => out.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const REMARKS: &str = "Vladimir Putin: Mr President, friends. We have an opportunity to discuss the \
entire range of our relations. It has been a long time since we last met. Of course, I would \
also like to hear your opinion on the situation in the region as a whole. Regrettably, we see \
that it tends to deteriorate. This directly concerns Syria.\n\
Recep Tayyip Erdogan: Why did we enter? We do not have an eye on Syrian soil. The issue is not \
the land. We entered there to end the rule of the tyrant al-Assad who terrorizes with state \
terror. Not for any other reason. We will not leave until the job is done, and we have never \
hidden that from anyone.\n\
Bashar al-Assad: We want to reach a clear goal. Our goal is to bring about their withdrawal \
from Syrian territory, whereas Erdogan's goal is to legalize the Turkish occupation in Syria. \
This is why we cannot meet under Erdogan's terms.\n";

    fn check(quote: &str) -> Outcome {
        let sources = vec![Source::text("remarks.txt", REMARKS)];
        let index = Index::new(&sources);
        Aligner::new(&sources, &index).align(quote)
    }

    #[test]
    fn a_word_for_word_quote_is_exact_and_located() {
        let o = check("It has been a long time since we last met.");
        assert_eq!(o.verdict, Verdict::Exact, "{o:?}");
        assert_eq!(o.similarity, 1.0);
        let s = o.stretches[0];
        assert_eq!(
            &REMARKS[s.start..s.end],
            "It has been a long time since we last met"
        );
    }

    #[test]
    fn case_punctuation_and_typography_are_cosmetic() {
        for q in [
            "our goal is to bring about their withdrawal from Syrian territory",
            "Our goal is to bring about their withdrawal from Syrian territory whereas Erdogan’s goal",
            "the tyrant al Assad who terrorizes with state terror",
            "the tyrant alAssad who terrorizes with state terror",
        ] {
            let o = check(q);
            assert_eq!(o.verdict, Verdict::Cosmetic, "{q}: {o:?}");
        }
    }

    #[test]
    fn an_ellipsis_over_missing_words_is_elided_and_names_them() {
        let o = check(
            "Why did we enter? We do not have an eye on Syrian soil. … We entered there to end the rule of the tyrant al-Assad",
        );
        assert_eq!(o.verdict, Verdict::Elided, "{o:?}");
        assert!(
            o.edits.contains(&Edit::Elided {
                source: "The issue is not the land".into()
            }),
            "{:?}",
            o.edits
        );
        // The omitted sentence holds a "not": flagged for a person to judge, even though a
        // whole sentence is gone rather than negated.
        assert!(o.meaning);
        let o = check(
            "Regrettably, we see that it tends to deteriorate. [...] This directly concerns Syria.",
        );
        // An ellipsis where nothing is missing (a pause in speech) changes nothing.
        assert_eq!(o.verdict, Verdict::Exact, "{o:?}");
    }

    #[test]
    fn an_ellipsis_may_join_distant_passages() {
        // Putin's first sentence and Assad's, two speakers apart: two stretches, elided, and
        // the omission (Erdogan's "We do not have an eye…") holds negations.
        let o = check(
            "We have an opportunity to discuss the entire range of our relations. … We want to reach a clear goal.",
        );
        assert_eq!(o.verdict, Verdict::Elided, "{o:?}");
        assert_eq!(o.stretches.len(), 2);
        assert!(o.stretches[0].end < o.stretches[1].start);
        assert!(o.meaning);
        // The same join without the mark is a splice.
        let o = check(
            "We have an opportunity to discuss the entire range of our relations. We want to reach a clear goal.",
        );
        assert_eq!(o.verdict, Verdict::Spliced, "{o:?}");
    }

    #[test]
    fn eliding_a_negation_flags_meaning() {
        let o = check("We will … leave until the job is done");
        assert_eq!(o.verdict, Verdict::Elided, "{o:?}");
        assert!(o.meaning);
        let o = check(
            "We will not leave until the job is done, and we have … hidden that from anyone.",
        );
        assert_eq!(o.verdict, Verdict::Elided, "{o:?}");
        assert!(o.meaning);
        let o = check("Mr President, friends. … It has been a long time since we last met.");
        assert_eq!(o.verdict, Verdict::Elided, "{o:?}");
        assert!(!o.meaning, "{o:?}");
    }

    #[test]
    fn brackets_say_what_they_replace() {
        let o = check("This directly concerns [the Syrian Arab Republic].");
        assert_eq!(o.verdict, Verdict::Bracketed, "{o:?}");
        assert!(
            o.edits.contains(&Edit::Bracketed {
                quote: "[the Syrian Arab Republic]".into(),
                source: "Syria".into()
            }),
            "{:?}",
            o.edits
        );
        let o = check("Regrettably, we see that [the situation] tends to deteriorate.");
        assert_eq!(o.verdict, Verdict::Bracketed, "{o:?}");
        assert!(
            o.edits.contains(&Edit::Bracketed {
                quote: "[the situation]".into(),
                source: "it".into()
            }),
            "{:?}",
            o.edits
        );
        let o = check("[Assad] want[s] to reach a clear goal");
        assert!(o.verdict >= Verdict::Bracketed, "{o:?}");
    }

    #[test]
    fn unmarked_changes_are_altered() {
        for q in [
            "We do not have an eye on Syrian land.",
            "We do have an eye on Syrian soil.",
            "We do not have any eye on Syrian soil.",
            "We really do not have an eye on Syrian soil.",
        ] {
            let o = check(q);
            assert_eq!(o.verdict, Verdict::Altered, "{q}: {o:?}");
        }
        let o = check("We do have an eye on Syrian soil.");
        assert!(o.meaning, "dropping a not changes the meaning");
    }

    #[test]
    fn joining_distant_stretches_without_a_mark_is_spliced() {
        let o = check(
            "We have an opportunity to discuss the entire range of our relations. This is why we cannot meet under Erdogan's terms.",
        );
        assert_eq!(o.verdict, Verdict::Spliced, "{o:?}");
        assert_eq!(o.stretches.len(), 2);
        let o = check(
            "We have an opportunity to discuss the entire range of our relations. This directly concerns Syria.",
        );
        assert_eq!(o.verdict, Verdict::Spliced, "{o:?}");
        let o = check(
            "We have an opportunity to discuss the entire range of our relations. … This directly concerns Syria.",
        );
        assert_eq!(o.verdict, Verdict::Elided, "{o:?}");
    }

    #[test]
    fn quotes_not_in_the_sources_are_not_found() {
        for q in [
            "Hamas claimed to stand with the same resistance that bore the flag of the French occupation of Syria",
            "maturity",
            "a clear and present danger to the region",
        ] {
            let o = check(q);
            assert_eq!(o.verdict, Verdict::NotFound, "{q}: {o:?}");
            assert!(o.stretches.is_empty());
        }
    }

    #[test]
    fn short_partial_quotes_are_found_whole() {
        let o = check("clear goal");
        assert_eq!(o.verdict, Verdict::Exact, "{o:?}");
        let o = check("legalize");
        assert_eq!(o.verdict, Verdict::Exact, "{o:?}");
    }

    #[test]
    fn a_short_quote_prefers_its_word_for_word_occurrence() {
        // A headline in capitals first, the sentence the quote comes from later, and "some"
        // so common that single-word postings alone would not reach it.
        let mut text = String::from("THOUSANDS OF SHOOTINGS. ");
        for _ in 0..2000 {
            text.push_str("some say so. ");
        }
        text.push_str("There were thousands of shootings, and some people were afraid.");
        let sources = vec![Source::text("t.txt", text.clone())];
        let index = Index::new(&sources);
        let aligner = Aligner::new(&sources, &index);
        let o = aligner.align("thousands of shootings");
        assert_eq!(o.verdict, Verdict::Exact, "{o:?}");
        let o = aligner.align("some people");
        assert_eq!(o.verdict, Verdict::Exact, "{o:?}");
        assert_eq!(
            &text[o.stretches[0].start..o.stretches[0].end],
            "some people"
        );
    }

    #[test]
    fn negations_and_qualifiers_change_meaning() {
        for w in ["not", "Never", "no", "don't", "isn’t", "only", "perhaps"] {
            assert!(changes_meaning(w), "{w}");
        }
        for w in ["note", "know", "Syria", "tonight", "want"] {
            assert!(!changes_meaning(w), "{w}");
        }
    }
}
