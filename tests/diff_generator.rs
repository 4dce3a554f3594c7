//! The generator test: real articles edited at random with known edits, and the diff must
//! report exactly those edits.
//!
//! Articles are the PolNeAR dev texts (../shared/corpora/polnear/dev.jsonl; only the "text"
//! field is read); the test skips with a message when they are absent. A seeded generator
//! applies, per version, one to four edits: reword (up to a quarter of a quote's words),
//! trim (cut the last third to three fifths of a quote), re-attribute (the speaker on the
//! record changes, alone or with a text edit), delete, insert a quote taken from another
//! article, move a paragraph (edited or not), split a quote around "he added", merge two
//! quotes of a paragraph, and retype (apostrophes, final punctuation or a capital). Text edits
//! go to distinct paragraphs.
//! Speakers are set on the records directly, since extraction does not fill them yet.
//!
//! The ground truth is built alongside the edited text, so every new quote is known to come
//! from a given old quote (or none). A version whose edited text the scanner reads into other
//! quotes than the generator meant is discarded and counted, not scored: this test measures
//! the diff, not the scanner. `kind` and `cue` are expected where the two records differ
//! in them (they are the extraction's reading of the edited text), and
//! `position` for one-to-one pairs off the longest run kept in order (the diff's definition);
//! for split and merged pairs position is not compared, since which piece is the primary
//! (the one in that run) is a choice of the aligner.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use quotecheck::diff::align::out_of_order;
use quotecheck::diff::{Change, Options, Status, diff};
use quotecheck::document::paragraphs;
use quotecheck::{Document, Flag, Quote, extract};

const MIN_EDITS: usize = 500;
const NAMES: [&str; 5] = [
    "Hillary Clinton",
    "Donald Trump",
    "Paul Ryan",
    "Mike Pence",
    "Elizabeth Warren",
];
const WORDS: [&str; 12] = [
    "remarkable",
    "dangerous",
    "unprecedented",
    "bankers",
    "tremendous",
    "voters",
    "nonsense",
    "frankly",
    "Washington",
    "corrupt",
    "stronger",
    "jobs",
];

/// splitmix64: small, seeded, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// A pair as (old position, new position), 0-based.
type Key = (Option<usize>, Option<usize>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Unchanged,
    Reworded,
    Reattributed,
    Retyped,
    Trimmed,
    SplitPiece,
    Merged,
    Inserted,
}

#[derive(Clone, Debug)]
struct Slot {
    origin: Vec<usize>, // old quote positions (0-based)
    tag: Tag,
    speaker: Option<String>,
}

#[derive(Clone, Debug)]
struct Para {
    text: String,
    slots: Vec<Slot>,
    frozen: bool, // part of a multi-paragraph quote: not moved, nothing inserted inside
}

#[derive(Debug, Default)]
struct Tally {
    edits: usize,
    versions: usize,
    discarded: usize,
    pairs: usize,
    pairs_right: usize,
    edited: usize,
    edited_right: usize,
    by_kind: HashMap<&'static str, (usize, usize)>,
    failures: Vec<String>,
}

#[test]
fn the_diff_reports_exactly_the_edits_made() {
    // ../shared beside the repository (../../shared from a worktree under /work/wt).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tried =
        ["../shared", "../../shared"].map(|s| root.join(s).join("corpora/polnear/dev.jsonl"));
    let Some(data) = tried.iter().find_map(|p| std::fs::read_to_string(p).ok()) else {
        println!(
            "skipped: PolNeAR dev texts not found at {}",
            tried[0].display()
        );
        return;
    };
    let articles: Vec<String> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v.get("text")?.as_str()?.to_string())
        })
        .collect();
    // Quotes to insert: real quotes of five words or more, with no marks inside.
    let mut pool: Vec<(usize, String)> = Vec::new();
    for (a, text) in articles.iter().enumerate() {
        for q in extract(&Document::new("pool", text.clone())).quotes {
            let clean = !q.text.contains(['"', '“', '”', '‘', '’', '\'', '\n']);
            if clean && q.flags.is_empty() && q.text.split_whitespace().count() >= 5 {
                pool.push((a, q.text.trim_end_matches([',', '.']).to_string()));
            }
        }
    }
    // DIFF_GENERATOR_SEED=n tries another sequence of edits.
    let seed = std::env::var("DIFF_GENERATOR_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20240611);
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let mut round = 0;
    while tally.edits < MIN_EDITS + 100 && round < 20 {
        for (a, text) in articles.iter().enumerate() {
            let others: Vec<&String> = pool
                .iter()
                .filter(|(b, _)| *b != a)
                .map(|(_, t)| t)
                .collect();
            version(text, &others, &mut rng, &mut tally);
        }
        round += 1;
    }
    let rate = |right: usize, n: usize| right as f64 / n.max(1) as f64;
    println!(
        "{} edits in {} versions ({} discarded: the scanner read the edit otherwise)",
        tally.edits, tally.versions, tally.discarded
    );
    println!(
        "pairs right: {}/{} ({:.4}); pairs touched by an edit right: {}/{} ({:.4})",
        tally.pairs_right,
        tally.pairs,
        rate(tally.pairs_right, tally.pairs),
        tally.edited_right,
        tally.edited,
        rate(tally.edited_right, tally.edited)
    );
    let mut kinds: Vec<_> = tally.by_kind.iter().collect();
    kinds.sort();
    for (k, (right, n)) in kinds {
        println!("  {k:<14} {right}/{n}");
    }
    for f in tally.failures.iter().take(25) {
        println!("{f}");
    }
    assert!(tally.edits >= MIN_EDITS, "only {} edits", tally.edits);
    assert!(rate(tally.edited_right, tally.edited) >= 0.98);
    assert!(rate(tally.pairs_right, tally.pairs) >= 0.98);
}

fn editable(q: &Quote) -> bool {
    q.flags.is_empty()
}

/// One edited version of `text`, scored into `tally`.
fn version(text: &str, pool: &[&String], rng: &mut Rng, tally: &mut Tally) {
    let spans = paragraphs(text);
    let old_text: String = spans
        .iter()
        .map(|&s| &text[s])
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut old = extract(&Document::new("old", old_text.clone())).quotes;
    if old.len() < 2 {
        return;
    }
    for (i, q) in old.iter_mut().enumerate() {
        q.speaker = Some(NAMES[(i / 2) % NAMES.len()].to_string());
    }
    // Paragraph starts in old_text.
    let mut starts = Vec::new();
    let mut at = 0;
    for &s in &spans {
        starts.push(at);
        at += s.end - s.start + 2;
    }
    let para_of = |byte: usize| starts.partition_point(|&s| s <= byte) - 1;
    let mut paras: Vec<Para> = spans
        .iter()
        .map(|&s| Para {
            text: text[s].to_string(),
            slots: Vec::new(),
            frozen: false,
        })
        .collect();
    for (i, q) in old.iter().enumerate() {
        paras[q.paragraph].slots.push(Slot {
            origin: vec![i],
            tag: Tag::Unchanged,
            speaker: q.speaker.clone(),
        });
        if q.flags.contains(&Flag::MultiParagraph) {
            for para in &mut paras[q.paragraph..=para_of(q.byte_end - 1)] {
                para.frozen = true;
            }
        }
    }

    // In-paragraph edits first (offsets are those of the old text), then moves and inserts.
    let mut edited: BTreeSet<usize> = BTreeSet::new();
    let mut applied: Vec<&'static str> = Vec::new();
    let wanted = 1 + rng.below(4);
    let mut layout_edits: Vec<&'static str> = Vec::new();
    for _ in 0..wanted {
        let what = *rng
            .pick(&[
                "reword",
                "reattribute",
                "delete",
                "insert",
                "move",
                "split",
                "merge",
                "retype",
                "trim",
            ])
            .unwrap();
        if matches!(what, "insert" | "move" | "reattribute") {
            layout_edits.push(what);
            continue;
        }
        let candidates: Vec<usize> = (0..old.len())
            .filter(|&i| editable(&old[i]) && !edited.contains(&old[i].paragraph))
            .filter(|&i| !paras[old[i].paragraph].frozen)
            .filter(|&i| match what {
                "reword" => word_spans(&old[i].text).len() >= 4,
                "split" | "trim" => old[i].text.split_whitespace().count() >= 8,
                "merge" => {
                    i + 1 < old.len()
                        && old[i + 1].paragraph == old[i].paragraph
                        && editable(&old[i + 1])
                        && old[i].text.split_whitespace().count() >= 2
                        && old[i + 1].text.split_whitespace().count() >= 2
                }
                _ => true,
            })
            .collect();
        let Some(&i) = rng.pick(&candidates) else {
            continue;
        };
        let q = &old[i];
        let p = q.paragraph;
        let base = starts[p];
        let (ob, oe) = (q.byte_start - base, q.byte_end - base);
        let para = &mut paras[p];
        let slot = para.slots.iter().position(|s| s.origin == [i]).unwrap();
        match what {
            "reword" => {
                let outer = &para.text[ob..oe];
                let words = word_spans(outer);
                let n = 1 + rng.below((words.len() / 4).max(1));
                let mut chosen: BTreeSet<usize> = BTreeSet::new();
                while chosen.len() < n {
                    chosen.insert(rng.below(words.len()));
                }
                let mut new_outer = String::new();
                let mut last = 0;
                for (k, &(s, e)) in words.iter().enumerate() {
                    new_outer.push_str(&outer[last..s]);
                    if chosen.contains(&k) {
                        let mut w = *rng.pick(&WORDS).unwrap();
                        if w.eq_ignore_ascii_case(&outer[s..e]) {
                            w = "gigantic";
                        }
                        new_outer.push_str(w);
                    } else {
                        new_outer.push_str(&outer[s..e]);
                    }
                    last = e;
                }
                new_outer.push_str(&outer[last..]);
                para.text.replace_range(ob..oe, &new_outer);
                para.slots[slot].tag = Tag::Reworded;
            }
            "trim" => {
                let outer = &para.text[ob..oe];
                let close = outer.chars().last().unwrap();
                let spaces: Vec<usize> = outer.match_indices(' ').map(|(k, _)| k).collect();
                let lo = spaces.len() * 2 / 5;
                let hi = (spaces.len() * 7 / 10).max(lo + 1);
                let cut = spaces[lo + rng.below(hi - lo)];
                let new_outer = format!("{},{close}", &outer[..cut]);
                para.text.replace_range(ob..oe, &new_outer);
                para.slots[slot].tag = Tag::Trimmed;
            }
            "delete" => {
                para.text.replace_range(ob..oe, "");
                para.slots.remove(slot);
            }
            "split" => {
                let outer = &para.text[ob..oe];
                let open = outer.chars().next().unwrap();
                let close = outer.chars().last().unwrap();
                let spaces: Vec<usize> = outer.match_indices(' ').map(|(k, _)| k).collect();
                let lo = spaces.len() * 2 / 5;
                let hi = (spaces.len() * 3 / 5).max(lo + 1);
                let cut = spaces[lo + rng.below(hi - lo)];
                let piece = format!(",{close} he added. {open}");
                let mut new_outer = outer.to_string();
                new_outer.replace_range(cut..cut + 1, &piece);
                para.text.replace_range(ob..oe, &new_outer);
                let s = para.slots[slot].clone();
                para.slots[slot].tag = Tag::SplitPiece;
                para.slots.insert(
                    slot + 1,
                    Slot {
                        tag: Tag::SplitPiece,
                        ..s
                    },
                );
            }
            "merge" => {
                let q2 = &old[i + 1];
                let close_len = para.text[..oe].chars().last().unwrap().len_utf8();
                let b2 = q2.byte_start - base;
                let open_len = para.text[b2..].chars().next().unwrap().len_utf8();
                para.text.replace_range(oe - close_len..b2 + open_len, " ");
                let s2 = para.slots.remove(slot + 1);
                para.slots[slot].origin.extend(s2.origin);
                para.slots[slot].tag = Tag::Merged;
            }
            "retype" => {
                let outer = para.text[ob..oe].to_string();
                let swapped = swap_apostrophes(&outer);
                let new_outer = if swapped != outer {
                    swapped
                } else {
                    toggle_end_or_case(&outer)
                };
                if new_outer == outer {
                    continue;
                }
                para.text.replace_range(ob..oe, &new_outer);
                para.slots[slot].tag = Tag::Retyped;
            }
            _ => unreachable!(),
        }
        edited.insert(p);
        applied.push(what);
    }
    for what in layout_edits {
        match what {
            "reattribute" => {
                // Any quote still one-to-one, edited or not: a speaker change can come with
                // a text change.
                let targets: Vec<(usize, usize)> = paras
                    .iter()
                    .enumerate()
                    .flat_map(|(p, para)| {
                        para.slots.iter().enumerate().filter_map(move |(k, s)| {
                            let single = s.origin.len() == 1
                                && matches!(
                                    s.tag,
                                    Tag::Unchanged | Tag::Reworded | Tag::Retyped | Tag::Trimmed
                                );
                            single.then_some((p, k))
                        })
                    })
                    .filter(|&(p, k)| {
                        let s = &paras[p].slots[k];
                        s.speaker == old[s.origin[0]].speaker
                    })
                    .collect();
                // Half the time, a quote whose text was edited too.
                let edited_targets: Vec<(usize, usize)> = targets
                    .iter()
                    .copied()
                    .filter(|&(p, k)| paras[p].slots[k].tag != Tag::Unchanged)
                    .collect();
                let pool = if rng.below(2) == 0 && !edited_targets.is_empty() {
                    &edited_targets
                } else {
                    &targets
                };
                let Some(&(p, k)) = rng.pick(pool) else {
                    continue;
                };
                let slot = &mut paras[p].slots[k];
                let now = slot.speaker.clone().unwrap();
                let other = NAMES.iter().find(|n| **n != now).unwrap();
                slot.speaker = Some(other.to_string());
                if slot.tag == Tag::Unchanged {
                    slot.tag = Tag::Reattributed;
                }
            }
            "insert" => {
                let Some(text) = rng.pick(pool) else { continue };
                let Some(at) = insertion_point(&paras, None, rng) else {
                    continue;
                };
                let speaker = rng.pick(&NAMES).unwrap().to_string();
                paras.insert(
                    at,
                    Para {
                        text: format!("“{text},” {speaker} said on Tuesday."),
                        slots: vec![Slot {
                            origin: vec![],
                            tag: Tag::Inserted,
                            speaker: Some(speaker),
                        }],
                        frozen: false,
                    },
                );
            }
            "move" => {
                let movable: Vec<usize> = (0..paras.len())
                    .filter(|&k| !paras[k].frozen && !paras[k].slots.is_empty())
                    .collect();
                let Some(&from) = rng.pick(&movable) else {
                    continue;
                };
                let para = paras.remove(from);
                let Some(to) = insertion_point(&paras, Some(from), rng) else {
                    paras.insert(from, para);
                    continue;
                };
                paras.insert(to, para);
            }
            _ => unreachable!(),
        }
        applied.push(what);
    }
    if applied.is_empty() {
        return;
    }

    let new_text: String = paras
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| p.text.trim())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut new = extract(&Document::new("new", new_text)).quotes;
    let slots: Vec<Slot> = paras.iter().flat_map(|p| p.slots.clone()).collect();
    let same_reading = new.len() == slots.len()
        && slots.iter().zip(&new).all(|(s, q)| match s.tag {
            Tag::Unchanged | Tag::Reattributed => old[s.origin[0]].text == q.text,
            _ => true,
        });
    if !same_reading {
        tally.discarded += 1;
        return;
    }
    for (s, q) in slots.iter().zip(new.iter_mut()) {
        q.speaker = s.speaker.clone();
    }
    tally.versions += 1;
    tally.edits += applied.len();

    // The expected pairs, keyed by (old position, new position).
    let mut expected: Vec<(Key, Status, BTreeSet<Change>, Tag)> = Vec::new();
    let mut seen_old = vec![false; old.len()];
    let mut order: Vec<(usize, usize)> = Vec::new(); // one-to-one and first pieces
    let mut first_piece_done: BTreeSet<usize> = BTreeSet::new();
    for (j, s) in slots.iter().enumerate() {
        for &i in &s.origin {
            seen_old[i] = true;
        }
        match s.tag {
            Tag::Inserted => {}
            Tag::Merged => order.push((s.origin[0], j)),
            Tag::SplitPiece => {
                if first_piece_done.insert(s.origin[0]) {
                    order.push((s.origin[0], j));
                }
            }
            _ => order.push((s.origin[0], j)),
        }
    }
    order.sort_unstable();
    let moved: BTreeSet<(usize, usize)> =
        out_of_order(&order.iter().map(|&(_, j)| j).collect::<Vec<_>>())
            .into_iter()
            .zip(&order)
            .filter_map(|(m, &p)| m.then_some(p))
            .collect();
    for (j, s) in slots.iter().enumerate() {
        if s.tag == Tag::Inserted {
            expected.push(((None, Some(j)), Status::Added, BTreeSet::new(), s.tag));
            continue;
        }
        for &i in &s.origin {
            let mut changes = BTreeSet::new();
            match s.tag {
                Tag::Reworded | Tag::Trimmed => {
                    changes.insert(Change::Wording);
                }
                Tag::Retyped => {
                    changes.insert(Change::Cosmetic);
                }
                Tag::SplitPiece => {
                    changes.insert(Change::Split);
                }
                Tag::Merged => {
                    changes.insert(Change::Merged);
                }
                _ => {}
            }
            if old[i].speaker != new[j].speaker {
                changes.insert(Change::Speaker);
            }
            // The cue is the attribution's reading of the text around the quote: a split
            // brings "he added", a merge drops a "said". Expected as the records have it.
            if let (Some(x), Some(y)) = (&old[i].cue, &new[j].cue)
                && !x.trim().eq_ignore_ascii_case(y.trim())
            {
                changes.insert(Change::Cue);
            }
            if old[i].kind != new[j].kind {
                changes.insert(Change::Kind);
            }
            if moved.contains(&(i, j)) && !matches!(s.tag, Tag::SplitPiece | Tag::Merged) {
                changes.insert(Change::Position);
            }
            let status = if changes.is_empty() {
                Status::Unchanged
            } else {
                Status::Modified
            };
            expected.push(((Some(i), Some(j)), status, changes, s.tag));
        }
    }
    for (i, seen) in seen_old.iter().enumerate() {
        if !seen {
            expected.push((
                (Some(i), None),
                Status::Removed,
                BTreeSet::new(),
                Tag::Unchanged,
            ));
        }
    }

    let d = diff("old", &old, "new", &new, &Options::default());
    let got: HashMap<Key, (Status, BTreeSet<Change>)> = d
        .pairs
        .iter()
        .map(|p| {
            let key = (
                p.old.as_ref().map(|q| q.index - 1),
                p.new.as_ref().map(|q| q.index - 1),
            );
            let mut changes: BTreeSet<Change> = p.changes.iter().copied().collect();
            if changes.contains(&Change::Split) || changes.contains(&Change::Merged) {
                changes.remove(&Change::Position);
            }
            (key, (p.status, changes))
        })
        .collect();
    for ((i, j), status, changes, tag) in &expected {
        let touched = *tag != Tag::Unchanged || *status != Status::Unchanged;
        let also = changes.contains(&Change::Speaker) && *tag != Tag::Reattributed;
        let name = match (tag, status, also) {
            (Tag::Unchanged, Status::Removed, _) => "delete",
            (Tag::Unchanged, Status::Modified, _) => "move",
            (Tag::Unchanged, _, _) => "untouched",
            (Tag::Reworded, _, false) => "reword",
            (Tag::Reworded, _, true) => "reword+reattribute",
            (Tag::Trimmed, _, false) => "trim",
            (Tag::Trimmed, _, true) => "trim+reattribute",
            (Tag::Retyped, _, false) => "retype",
            (Tag::Retyped, _, true) => "retype+reattribute",
            (Tag::Reattributed, _, _) => "reattribute",
            (Tag::SplitPiece, _, _) => "split",
            (Tag::Merged, _, _) => "merge",
            (Tag::Inserted, _, _) => "insert",
        };
        let right = got.get(&(*i, *j)) == Some(&(*status, changes.clone()));
        tally.pairs += 1;
        tally.pairs_right += right as usize;
        if touched {
            tally.edited += 1;
            tally.edited_right += right as usize;
        }
        let e = tally.by_kind.entry(name).or_default();
        e.0 += right as usize;
        e.1 += 1;
        if !right {
            let show = |k: Option<usize>, qs: &[Quote]| {
                k.map(|k| qs[k].text.chars().take(70).collect::<String>())
            };
            let found = d
                .pairs
                .iter()
                .filter(|p| {
                    i.is_some() && p.old.as_ref().map(|q| q.index - 1) == *i
                        || j.is_some() && p.new.as_ref().map(|q| q.index - 1) == *j
                })
                .map(|p| {
                    format!(
                        "({:?},{:?}) {:?} {:?} {}",
                        p.old.as_ref().map(|q| q.index - 1),
                        p.new.as_ref().map(|q| q.index - 1),
                        p.status,
                        p.changes,
                        p.similarity
                    )
                })
                .collect::<Vec<_>>();
            tally.failures.push(format!(
                "[{name}] expected ({i:?},{j:?}) {status:?} {changes:?}\n    old: {:?}\n    new: {:?}\n    got: {found:?}",
                show(*i, &old),
                show(*j, &new)
            ));
        }
    }
    // Pairs the diff made that the truth does not have.
    let truth: BTreeSet<Key> = expected.iter().map(|e| e.0).collect();
    for key in got.keys() {
        if !truth.contains(key) {
            tally.pairs += 1;
        }
    }
}

/// Byte spans of the words (letters only, three or more) of `s`.
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, c) in s.char_indices().chain([(s.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(k),
            (false, Some(b)) => {
                if s[b..k].chars().count() >= 3 && !s[k..].starts_with(['\'', '’']) {
                    out.push((b, k));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Straight apostrophes between letters become curly, and curly straight.
fn swap_apostrophes(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (k, &c) in chars.iter().enumerate() {
        let between = k > 0
            && k + 1 < chars.len()
            && chars[k - 1].is_alphabetic()
            && chars[k + 1].is_alphabetic();
        out.push(match (c, between) {
            ('\'', true) => '’',
            ('’', true) => '\'',
            _ => c,
        });
    }
    out
}

/// Toggles a final comma and full stop inside the marks, or else the case of the first letter.
fn toggle_end_or_case(outer: &str) -> String {
    let mut chars: Vec<char> = outer.chars().collect();
    let n = chars.len();
    if n >= 3 {
        match chars[n - 2] {
            ',' => {
                chars[n - 2] = '.';
                return chars.into_iter().collect();
            }
            '.' => {
                chars[n - 2] = ',';
                return chars.into_iter().collect();
            }
            _ => {}
        }
    }
    if let Some(k) = chars.iter().position(|c| c.is_alphabetic()) {
        let c = chars[k];
        let t: Vec<char> = if c.is_uppercase() {
            c.to_lowercase().collect()
        } else {
            c.to_uppercase().collect()
        };
        if t.len() == 1 {
            chars[k] = t[0];
        }
    }
    chars.into_iter().collect()
}

/// A place to insert a paragraph: not inside a multi-paragraph quote, and not `avoid`.
fn insertion_point(paras: &[Para], avoid: Option<usize>, rng: &mut Rng) -> Option<usize> {
    let points: Vec<usize> = (0..=paras.len())
        .filter(|&k| Some(k) != avoid)
        .filter(|&k| !(k > 0 && k < paras.len() && paras[k - 1].frozen && paras[k].frozen))
        .collect();
    rng.pick(&points).copied()
}
