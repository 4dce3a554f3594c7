//! Comparing the quotes of two or more versions of an article.
//!
//! [`diff`] aligns the quotes of an old and a new version ([`align()`]), then says for each pair
//! what became of the quote: its [`Status`], the [`Change`]s, and a word-level diff
//! ([`words`]). [`diff_series`] does the same for every consecutive pair of a series and
//! carries each quote's id through it, so a quote can be followed from version to version.
//!
//! ```
//! use quotecheck::{Document, extract};
//! use quotecheck::diff::{Options, Status, diff};
//!
//! let old = extract(&Document::new("v1", "“We have an opportunity,” Putin said.")).quotes;
//! let new = extract(&Document::new("v2", "“We have a chance,” Putin said.")).quotes;
//! let d = diff("v1", &old, "v2", &new, &Options::default());
//! assert_eq!(d.pairs[0].status, Status::Modified);
//! ```

pub mod align;
pub mod report;
pub mod words;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::record::Quote;

use self::align::{Group, align, out_of_order, same_name};
use self::words::{WordOp, merge_diffs, skeleton, split_diffs, word_diff};

/// What became of a quote between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Matched, and nothing but perhaps its offsets changed.
    Unchanged,
    /// Matched, and something in [`Pair::changes`] changed.
    Modified,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
}

impl Status {
    /// The name the formats use (`unchanged`, `modified`, `added`, `removed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Modified => "modified",
            Status::Added => "added",
            Status::Removed => "removed",
        }
    }
}

/// What changed about a matched quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Words were changed, added or cut.
    Wording,
    /// Only case, whitespace, punctuation or quote typography changed.
    Cosmetic,
    /// Both versions name a speaker, and not the same one.
    Speaker,
    /// Both versions name a cue (the reporting verb), and not the same one.
    Cue,
    /// The kind changed (direct, partial, term).
    Kind,
    /// The quote moved: it is out of order with respect to the quotes around it.
    Position,
    /// The old quote became several new ones.
    Split,
    /// Several old quotes became this one.
    Merged,
}

impl Change {
    /// The name the formats use (`wording`, `cosmetic`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Wording => "wording",
            Change::Cosmetic => "cosmetic",
            Change::Speaker => "speaker",
            Change::Cue => "cue",
            Change::Kind => "kind",
            Change::Position => "position",
            Change::Split => "split",
            Change::Merged => "merged",
        }
    }
}

/// One line of a diff: a quote in the old version, the new, or both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The quote's stable id: the same in every version where the quote is matched.
    pub id: String,
    /// What became of the quote.
    pub status: Status,
    /// In the order of [`Change`]; empty exactly when unchanged, added or removed.
    pub changes: Vec<Change>,
    /// The alignment score, 0 to 1, rounded to 3 decimals (0 when added or removed).
    pub similarity: f64,
    /// The quote in the old version (`None` when added).
    pub old: Option<Quote>,
    /// The quote in the new version (`None` when removed).
    pub new: Option<Quote>,
    /// The word-level diff of the old text against the new; for a piece of a split, of the
    /// stretch of the old text it came from (and for a part of a merge, of the stretch of the
    /// new text it became).
    pub word_diff: Vec<WordOp>,
}

/// How many pairs have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Pairs matched with no change.
    pub unchanged: usize,
    /// Pairs matched with changes.
    pub modified: usize,
    /// Quotes only in the new version.
    pub added: usize,
    /// Quotes only in the old version.
    pub removed: usize,
}

impl Summary {
    /// Counts the pairs of each status.
    pub fn of(pairs: &[Pair]) -> Summary {
        let mut s = Summary::default();
        for p in pairs {
            *match p.status {
                Status::Unchanged => &mut s.unchanged,
                Status::Modified => &mut s.modified,
                Status::Added => &mut s.added,
                Status::Removed => &mut s.removed,
            } += 1;
        }
        s
    }

    /// Adds another summary's counts to this one (totals over a corpus).
    pub fn add(&mut self, other: Summary) {
        self.unchanged += other.unchanged;
        self.modified += other.modified;
        self.added += other.added;
        self.removed += other.removed;
    }

    /// Whether any quote changed.
    pub fn changed(&self) -> bool {
        self.modified + self.added + self.removed > 0
    }
}

/// The diff of two versions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    /// The old version's name (`null` when a corpus lacks the document).
    pub old: Option<String>,
    /// The new version's name (`null` when a corpus lacks the document).
    pub new: Option<String>,
    /// In the new version's order, each removed quote after the quote it followed.
    pub pairs: Vec<Pair>,
    /// How many pairs have each status.
    pub summary: Summary,
}

/// Settings for the alignment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// The lowest alignment score at which two quotes are the same quote.
    pub threshold: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// Half the words in common (or a trimmed quote's containment, discounted): below that, a
/// quote was replaced rather than edited.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// A version of a document: its name and its quotes (`None` when it is missing).
#[derive(Clone, Copy, Debug)]
pub struct Version<'a> {
    /// The version's name, as the diff reports it.
    pub name: Option<&'a str>,
    /// The version's quotes, in text order.
    pub quotes: &'a [Quote],
}

/// The diffs of a series, and each quote's history across it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// One diff per consecutive pair of versions.
    pub diffs: Vec<Diff>,
    /// One entry per quote id seen in any version.
    pub history: Vec<History>,
}

/// One quote across a series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The quote's stable id, as in [`Pair::id`].
    pub id: String,
    /// One entry per version: the quote there, or `null` where it is absent.
    pub versions: Vec<Option<Sighting>>,
    /// One entry per consecutive pair of versions: what happened, or `null` when the quote is
    /// in neither.
    pub steps: Vec<Option<Step>>,
}

/// A quote as it stands in one version of a series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sighting {
    /// The quote's 1-based index in that version.
    pub index: usize,
    /// Its speaker there.
    pub speaker: Option<String>,
    /// Its text there.
    pub text: String,
}

/// What happened to a quote from one version to the next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// As in [`Pair::status`].
    pub status: Status,
    /// As in [`Pair::changes`].
    pub changes: Vec<Change>,
}

/// Diffs two versions.
pub fn diff(
    old_name: &str,
    old: &[Quote],
    new_name: &str,
    new: &[Quote],
    options: &Options,
) -> Diff {
    let versions = [
        Version {
            name: Some(old_name),
            quotes: old,
        },
        Version {
            name: Some(new_name),
            quotes: new,
        },
    ];
    diff_series(&versions, options).diffs.remove(0)
}

/// Diffs every consecutive pair of `versions`, keeping each matched quote's id throughout.
pub fn diff_series(versions: &[Version<'_>], options: &Options) -> Series {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut ids: Vec<String> = versions
        .first()
        .map(|v| v.quotes.iter().map(|q| fresh_id(q, &mut used)).collect())
        .unwrap_or_default();
    let mut diffs = Vec::new();
    let mut per_version_ids = vec![ids.clone()];
    for step in versions.windows(2) {
        let (old, new) = (&step[0], &step[1]);
        let (diff, new_ids) = diff_pair(old, new, &ids, &mut used, options);
        diffs.push(diff);
        per_version_ids.push(new_ids.clone());
        ids = new_ids;
    }
    let history = history(versions, &per_version_ids, &diffs);
    Series { diffs, history }
}

/// Diffs one pair; `old_ids` are the old quotes' ids, and the new quotes' ids are returned.
fn diff_pair(
    old: &Version<'_>,
    new: &Version<'_>,
    old_ids: &[String],
    used: &mut HashMap<String, usize>,
    options: &Options,
) -> (Diff, Vec<String>) {
    let (a, b) = (old.quotes, new.quotes);
    let alignment = align(a, b, options.threshold);
    let mut new_ids: Vec<Option<String>> = vec![None; b.len()];
    // Primary links pass the old id on; the rest get ids of their own below.
    for link in &alignment.links {
        if let (Some(i), Some(j)) = (link.old, link.new)
            && link.group.carries_id()
        {
            new_ids[j] = Some(old_ids[i].clone());
        }
    }
    let new_ids: Vec<String> = new_ids
        .into_iter()
        .zip(b)
        .map(|(id, q)| id.unwrap_or_else(|| fresh_id(q, used)))
        .collect();

    // Moves: matched one-to-one (or primary) links out of old order.
    let mut primaries: Vec<(usize, usize)> = alignment
        .links
        .iter()
        .filter(|l| l.group.carries_id())
        .filter_map(|l| Some((l.old?, l.new?)))
        .collect();
    primaries.sort_unstable();
    let moved: HashSet<(usize, usize)> =
        out_of_order(&primaries.iter().map(|&(_, j)| j).collect::<Vec<_>>())
            .into_iter()
            .zip(&primaries)
            .filter_map(|(m, &p)| m.then_some(p))
            .collect();

    let mut keyed: Vec<((usize, usize, usize), Pair)> = Vec::new();
    let mut after_old = vec![None; a.len()]; // old index -> new index it is matched to
    for l in &alignment.links {
        if let (Some(i), Some(j)) = (l.old, l.new) {
            after_old[i] = Some(after_old[i].map_or(j, |k: usize| k.min(j)));
        }
    }
    for link in &alignment.links {
        let pair = match (link.old, link.new) {
            (Some(i), Some(j)) => {
                let mut changes = Vec::new();
                let (qa, qb) = (&a[i], &b[j]);
                match link.group {
                    Group::One if qa.text == qb.text => {}
                    Group::One => {
                        if skeleton(&qa.text) != skeleton(&qb.text) {
                            changes.push(Change::Wording);
                        } else if qa.text != qb.text {
                            changes.push(Change::Cosmetic);
                        }
                    }
                    Group::Split { .. } => {
                        let pieces = group_of(&alignment, |l| l.old == Some(i), |l| l.new);
                        if joined_skeleton(b, &pieces) != skeleton(&qa.text) {
                            changes.push(Change::Wording);
                        }
                    }
                    Group::Merge { .. } => {
                        let parts = group_of(&alignment, |l| l.new == Some(j), |l| l.old);
                        if joined_skeleton(a, &parts) != skeleton(&qb.text) {
                            changes.push(Change::Wording);
                        }
                    }
                }
                if let (Some(x), Some(y)) = (&qa.speaker, &qb.speaker)
                    && !same_name(x, y)
                {
                    changes.push(Change::Speaker);
                }
                if let (Some(x), Some(y)) = (&qa.cue, &qb.cue)
                    && !x.trim().eq_ignore_ascii_case(y.trim())
                {
                    changes.push(Change::Cue);
                }
                if qa.kind != qb.kind {
                    changes.push(Change::Kind);
                }
                if moved.contains(&(i, j)) {
                    changes.push(Change::Position);
                }
                match link.group {
                    Group::Split { .. } => changes.push(Change::Split),
                    Group::Merge { .. } => changes.push(Change::Merged),
                    Group::One => {}
                }
                let id = match link.group {
                    Group::Merge { primary: false } => old_ids[i].clone(),
                    _ => new_ids[j].clone(),
                };
                let status = if changes.is_empty() {
                    Status::Unchanged
                } else {
                    Status::Modified
                };
                (
                    (j, 1, i),
                    Pair {
                        id,
                        status,
                        changes,
                        similarity: round3(link.score),
                        old: Some(qa.clone()),
                        new: Some(qb.clone()),
                        word_diff: match link.group {
                            Group::One => word_diff(&qa.text, &qb.text),
                            Group::Split { .. } => {
                                let pieces = group_of(&alignment, |l| l.old == Some(i), |l| l.new);
                                let texts: Vec<&str> =
                                    pieces.iter().map(|&k| b[k].text.as_str()).collect();
                                let at = pieces.iter().position(|&k| k == j).unwrap_or(0);
                                split_diffs(&qa.text, &texts).swap_remove(at)
                            }
                            Group::Merge { .. } => {
                                let parts = group_of(&alignment, |l| l.new == Some(j), |l| l.old);
                                let texts: Vec<&str> =
                                    parts.iter().map(|&k| a[k].text.as_str()).collect();
                                let at = parts.iter().position(|&k| k == i).unwrap_or(0);
                                merge_diffs(&texts, &qb.text).swap_remove(at)
                            }
                        },
                    },
                )
            }
            (Some(i), None) => {
                // After the new quote matched to the nearest earlier old quote.
                let anchor = (0..i).rev().find_map(|k| after_old[k]);
                let key = match anchor {
                    Some(j) => (j, 2, i),
                    None => (0, 0, i),
                };
                (
                    key,
                    Pair {
                        id: old_ids[i].clone(),
                        status: Status::Removed,
                        changes: Vec::new(),
                        similarity: 0.0,
                        old: Some(a[i].clone()),
                        new: None,
                        word_diff: word_diff(&a[i].text, ""),
                    },
                )
            }
            (None, Some(j)) => (
                (j, 1, 0),
                Pair {
                    id: new_ids[j].clone(),
                    status: Status::Added,
                    changes: Vec::new(),
                    similarity: 0.0,
                    old: None,
                    new: Some(b[j].clone()),
                    word_diff: word_diff("", &b[j].text),
                },
            ),
            (None, None) => continue,
        };
        keyed.push(pair);
    }
    keyed.sort_by_key(|(k, _)| *k);
    let pairs: Vec<Pair> = keyed.into_iter().map(|(_, p)| p).collect();
    let summary = Summary::of(&pairs);
    (
        Diff {
            old: old.name.map(str::to_string),
            new: new.name.map(str::to_string),
            pairs,
            summary,
        },
        new_ids,
    )
}

/// The other side of every link that `member` selects, in text order.
fn group_of(
    alignment: &align::Alignment,
    member: impl Fn(&align::Link) -> bool,
    side: impl Fn(&align::Link) -> Option<usize>,
) -> Vec<usize> {
    let mut v: Vec<usize> = alignment
        .links
        .iter()
        .filter(|l| member(l))
        .filter_map(side)
        .collect();
    v.sort_unstable();
    v
}

fn joined_skeleton(quotes: &[Quote], idx: &[usize]) -> String {
    idx.iter().map(|&k| skeleton(&quotes[k].text)).collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A short id from the quote's words and speaker, unique among `used` (a suffix `-2`, `-3`…
/// tells apart repeats of the same words). `used` counts the ids handed out per hash, so the
/// next suffix is known without trying the ones before it (a document repeating one quote
/// 100,000 times would otherwise cost 100,000² lookups).
fn fresh_id(q: &Quote, used: &mut HashMap<String, usize>) -> String {
    // The words lowercased and joined with spaces, a unit separator, then the speaker's
    // words the same way, fed to the hash without building the string.
    let mut h = Fnv::default();
    for (k, w) in words::words_raw(&q.text).enumerate() {
        if k > 0 {
            h.write(b" ");
        }
        h.write_lower(w);
    }
    h.write("\u{1f}".as_bytes());
    if let Some(s) = &q.speaker {
        for (k, w) in s.split_whitespace().enumerate() {
            if k > 0 {
                h.write(b" ");
            }
            h.write_lower(w);
        }
    }
    let base = format!("{:08x}", h.0 >> 32);
    let n = used.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 { base } else { format!("{base}-{n}") }
}

/// FNV-1a, 64 bits: stable across platforms and Rust releases, unlike the std hasher.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Writes `s` lowercased (as `str::to_lowercase` would, char by char).
    fn write_lower(&mut self, s: &str) {
        let mut buf = [0u8; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            self.write(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

fn history(versions: &[Version<'_>], ids: &[Vec<String>], diffs: &[Diff]) -> Vec<History> {
    let mut order: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for v in ids {
        for id in v {
            if seen.insert(id) {
                order.push(id);
            }
        }
    }
    let at: Vec<HashMap<&str, usize>> = ids
        .iter()
        .map(|v| {
            v.iter()
                .enumerate()
                .map(|(k, id)| (id.as_str(), k))
                .collect()
        })
        .collect();
    let steps: Vec<HashMap<&str, &Pair>> = diffs
        .iter()
        .map(|d| {
            let mut m = HashMap::new();
            for p in &d.pairs {
                m.entry(p.id.as_str()).or_insert(p);
            }
            m
        })
        .collect();
    order
        .into_iter()
        .map(|id| History {
            id: id.to_string(),
            versions: versions
                .iter()
                .zip(&at)
                .map(|(v, at)| {
                    let q = &v.quotes[*at.get(id)?];
                    Some(Sighting {
                        index: q.index,
                        speaker: q.speaker.clone(),
                        text: q.text.clone(),
                    })
                })
                .collect(),
            steps: steps
                .iter()
                .map(|m| {
                    let p = m.get(id)?;
                    Some(Step {
                        status: p.status,
                        changes: p.changes.clone(),
                    })
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::kind::Kind;

    /// A quote record with just what alignment reads.
    pub(crate) fn quote(index: usize, text: &str) -> Quote {
        Quote {
            doc: "t".into(),
            index,
            start: index * 100,
            end: index * 100 + text.chars().count() + 2,
            byte_start: index * 100,
            byte_end: index * 100 + text.len() + 6,
            paragraph: index,
            text: text.into(),
            kind: Kind::Direct,
            ..Default::default()
        }
    }

    fn said(index: usize, text: &str, speaker: &str, cue: &str) -> Quote {
        let mut q = quote(index, text);
        q.speaker = Some(speaker.into());
        q.cue = Some(cue.into());
        q
    }

    fn changes(d: &Diff) -> Vec<(Status, Vec<Change>)> {
        d.pairs
            .iter()
            .map(|p| (p.status, p.changes.clone()))
            .collect()
    }

    #[test]
    fn reworded_and_reattributed() {
        let old = [said(
            1,
            "We will not abandon our allies in the region.",
            "Vladimir Putin",
            "said",
        )];
        let new = [said(
            1,
            "We will never abandon our allies in the region.",
            "Sergei Lavrov",
            "said",
        )];
        let d = diff("a", &old, "b", &new, &Options::default());
        assert_eq!(
            changes(&d),
            [(Status::Modified, vec![Change::Wording, Change::Speaker])]
        );
    }

    #[test]
    fn speaker_and_cue_compare_only_when_both_sides_have_one() {
        let old = [said(
            1,
            "The talks were productive.",
            "Vladimir Putin",
            "said",
        )];
        let mut new = [quote(1, "The talks were productive.")];
        let d = diff("a", &old, "b", &new, &Options::default());
        assert_eq!(changes(&d), [(Status::Unchanged, vec![])]);
        new[0].speaker = Some("vladimir  putin".into());
        new[0].cue = Some("claimed".into());
        let d = diff("a", &old, "b", &new, &Options::default());
        assert_eq!(changes(&d), [(Status::Modified, vec![Change::Cue])]);
    }

    #[test]
    fn cosmetic_only() {
        let old = [quote(1, "It’s been a long time since we last met.")];
        let new = [quote(1, "It's been a long time since we last met,")];
        let d = diff("a", &old, "b", &new, &Options::default());
        assert_eq!(changes(&d), [(Status::Modified, vec![Change::Cosmetic])]);
        assert!(!d.pairs[0].word_diff.is_empty());
    }

    #[test]
    fn a_kind_change_is_reported() {
        let old = [quote(1, "complex transformation processes")];
        let mut new = [quote(1, "complex transformation processes")];
        new[0].kind = Kind::Partial;
        let d = diff("a", &old, "b", &new, &Options::default());
        assert_eq!(changes(&d), [(Status::Modified, vec![Change::Kind])]);
    }

    #[test]
    fn a_moved_quote_is_the_one_out_of_order() {
        let texts = [
            "We have an opportunity to discuss the entire range of our relations.",
            "Regrettably, we see that it tends to deteriorate.",
            "This directly concerns Syria and the whole region.",
            "Our meeting today is extremely important for discussing the details.",
        ];
        let old: Vec<Quote> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| quote(i + 1, t))
            .collect();
        let new: Vec<Quote> = [3, 0, 1, 2]
            .iter()
            .enumerate()
            .map(|(k, &i)| quote(k + 1, texts[i]))
            .collect();
        let d = diff("a", &old, "b", &new, &Options::default());
        let moved: Vec<&str> = d
            .pairs
            .iter()
            .filter(|p| p.changes == [Change::Position])
            .map(|p| p.old.as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(moved, [texts[3]]);
        assert_eq!(d.summary.unchanged, 3);
    }

    #[test]
    fn added_and_removed() {
        let old = [quote(
            1,
            "The sanctions will stay in place until the spring.",
        )];
        let new = [quote(
            1,
            "We are open to a new round of negotiations in Geneva.",
        )];
        let d = diff("a", &old, "b", &new, &Options::default());
        let mut got = changes(&d);
        got.sort();
        assert_eq!(got, [(Status::Added, vec![]), (Status::Removed, vec![])]);
        assert_eq!(
            d.summary,
            Summary {
                unchanged: 0,
                modified: 0,
                added: 1,
                removed: 1
            }
        );
    }

    #[test]
    fn ids_follow_a_quote_through_a_series() {
        let v1 = [quote(
            1,
            "We have an opportunity to discuss the entire range of our relations.",
        )];
        let v2 = [
            quote(1, "A new quote that was not there before, about trade."),
            quote(
                2,
                "We have a chance to discuss the entire range of our relations.",
            ),
        ];
        let v3 = [quote(
            1,
            "We have a chance to discuss the whole range of our relations.",
        )];
        let versions = [
            Version {
                name: Some("v1"),
                quotes: &v1,
            },
            Version {
                name: Some("v2"),
                quotes: &v2,
            },
            Version {
                name: Some("v3"),
                quotes: &v3,
            },
        ];
        let s = diff_series(&versions, &Options::default());
        let id = &s.diffs[0]
            .pairs
            .iter()
            .find(|p| p.old.is_some())
            .unwrap()
            .id;
        let later = s.diffs[1].pairs.iter().find(|p| p.new.is_some()).unwrap();
        assert_eq!(&later.id, id);
        assert_eq!(id.len(), 8);
        let h = s.history.iter().find(|h| &h.id == id).unwrap();
        assert!(h.versions.iter().all(Option::is_some));
        let other = s.history.iter().find(|h| &h.id != id).unwrap();
        assert!(other.versions[0].is_none() && other.versions[2].is_none());
        assert_eq!(other.steps[1].as_ref().unwrap().status, Status::Removed);
    }

    #[test]
    fn repeated_quotes_get_distinct_ids() {
        let v = [quote(1, "terrorists"), quote(2, "terrorists")];
        let d = diff("a", &v, "b", &v, &Options::default());
        assert_ne!(d.pairs[0].id, d.pairs[1].id);
        assert!(!d.summary.changed());
    }
}
