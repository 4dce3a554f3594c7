//! Words and the word n-gram index that finds candidate source stretches for a quote.
//!
//! A word is a run of letters and digits, with apostrophes inside it (`don't`, `Erdogan’s`).
//! Hyphens, dashes and other punctuation separate words, so `al-Assad` is two words and a
//! hyphenation difference shows up as a split or joined word, which the aligner calls
//! cosmetic. Words compare by a hash of their *normal form*: lower case, apostrophes dropped.
//!
//! The index holds every word trigram and every single word of all sources, each as a sorted
//! array of `(hash, position)`; a lookup is a binary search.

use super::source::Source;

/// One word: byte offsets into the text it came from, and the hash of its normal form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// First byte.
    pub start: u32,
    /// Byte just past the end.
    pub end: u32,
    /// Hash of the word's normal form (case, punctuation and spelling variants folded).
    pub hash: u64,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut h = Hasher::new();
        h.push(c);
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                h.push(d);
                end = j + d.len_utf8();
                chars.next();
            } else if is_apostrophe(d)
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                chars.next();
            } else {
                break;
            }
        }
        out.push(Word {
            start: i as u32,
            end: end as u32,
            hash: h.finish(),
        });
    }
    out
}

/// The byte ranges of standalone `[...]` groups in a source: a transcriber's notes such as
/// `[laughter]` or `[crosstalk]`, which no speaker said. Brackets inside a word (`[W]e`)
/// are not notes.
pub fn stage_directions(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        let Some(close) = text[open..].find(']').map(|i| open + i) else {
            break;
        };
        let before = text[..open].chars().next_back();
        let after = text[close + 1..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            out.push((open, close + 1));
        }
        from = close + 1;
    }
    out
}

/// The normal form of one word (for display and joined-word comparison).
pub fn normal(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// FNV-1a over the lower-cased characters.
struct Hasher(u64);

impl Hasher {
    fn new() -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325)
    }
    fn push(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                let mut buf = [0; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    self.byte(b);
                }
            }
        }
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x100_0000_01b3);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hash of the word trigram starting with `a`.
pub fn trigram(a: u64, b: u64, c: u64) -> u64 {
    let mut h = a.rotate_left(5) ^ b;
    h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) ^ c;
    h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// All sources' words, end to end, with the n-gram tables over them.
pub struct Index {
    /// Every word of every source; a *position* is an index into this.
    pub words: Vec<Word>,
    /// The first position of each source, plus the total at the end.
    bounds: Vec<usize>,
    unigrams: Vec<(u64, u32)>,
    trigrams: Vec<(u64, u32)>,
}

impl Index {
    /// Indexes the words of `sources`.
    pub fn new(sources: &[Source]) -> Index {
        let mut all = Vec::new();
        let mut bounds = vec![0];
        for s in sources {
            // Transcribers' notes and speaker labels: no one said these words.
            let mut notes = stage_directions(&s.clean);
            notes.extend_from_slice(s.labels());
            notes.sort_unstable();
            notes.dedup_by(|b, a| {
                // Join overlapping ranges (`[Brandt]` is a label and a note).
                if b.0 < a.1 {
                    a.1 = a.1.max(b.1);
                    true
                } else {
                    false
                }
            });
            if notes.is_empty() {
                all.extend(words(&s.clean));
            } else {
                all.extend(words(&s.clean).into_iter().filter(|w| {
                    let i = notes.partition_point(|&(_, end)| end <= w.start as usize);
                    notes
                        .get(i)
                        .is_none_or(|&(start, _)| start > w.start as usize)
                }));
            }
            bounds.push(all.len());
        }
        let mut unigrams: Vec<(u64, u32)> = all
            .iter()
            .enumerate()
            .map(|(p, w)| (w.hash, p as u32))
            .collect();
        let mut trigrams = Vec::with_capacity(all.len());
        for pair in bounds.windows(2) {
            let (lo, hi) = (pair[0], pair[1]);
            for p in lo..hi.saturating_sub(2) {
                let h = trigram(all[p].hash, all[p + 1].hash, all[p + 2].hash);
                trigrams.push((h, p as u32));
            }
        }
        unigrams.sort_unstable();
        trigrams.sort_unstable();
        Index {
            words: all,
            bounds,
            unigrams,
            trigrams,
        }
    }

    /// The source holding position `p`.
    pub fn source_of(&self, p: usize) -> usize {
        self.bounds.partition_point(|&b| b <= p) - 1
    }

    /// The positions of source `s`.
    pub fn range(&self, s: usize) -> std::ops::Range<usize> {
        self.bounds[s]..self.bounds[s + 1]
    }

    /// The positions where the word trigram `hash` starts.
    pub fn trigram_positions(&self, hash: u64) -> &[(u64, u32)] {
        postings(&self.trigrams, hash)
    }

    /// The positions of the word `hash`.
    pub fn word_positions(&self, hash: u64) -> &[(u64, u32)] {
        postings(&self.unigrams, hash)
    }
}

fn postings(table: &[(u64, u32)], hash: u64) -> &[(u64, u32)] {
    let lo = table.partition_point(|&(h, _)| h < hash);
    let hi = lo + table[lo..].partition_point(|&(h, _)| h == hash);
    &table[lo..hi]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text)
            .iter()
            .map(|w| &text[w.start as usize..w.end as usize])
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_split_on_hyphens() {
        assert_eq!(
            texts("“We don’t have an eye on Syrian soil,” al-Assad's aide said…"),
            [
                "We", "don’t", "have", "an", "eye", "on", "Syrian", "soil", "al", "Assad's",
                "aide", "said"
            ]
        );
        // A closing single quote after a word is not part of it.
        assert_eq!(texts("the 'caliphate' fell"), ["the", "caliphate", "fell"]);
    }

    #[test]
    fn normal_forms_ignore_case_and_apostrophe_typography() {
        let a = words("Erdogan’s GOAL");
        let b = words("erdogan's goal");
        assert_eq!(a[0].hash, b[0].hash);
        assert_eq!(a[1].hash, b[1].hash);
        assert_ne!(words("goal")[0].hash, words("goals")[0].hash);
        assert_eq!(normal("Don’t"), "dont");
    }

    #[test]
    fn transcriber_notes_in_brackets_are_not_words() {
        let sources = vec![Source::text(
            "t",
            "We will win [applause] [CROSSTALK] and [W]e will [inaudible].",
        )];
        let index = Index::new(&sources);
        let found: Vec<&str> = index
            .words
            .iter()
            .map(|w| &sources[0].clean[w.start as usize..w.end as usize])
            .collect();
        assert_eq!(found, ["We", "will", "win", "and", "W", "e", "will"]);
    }

    #[test]
    fn the_index_finds_trigrams_and_words_per_source() {
        let sources = vec![
            Source::text("a", "We want to reach a clear goal."),
            Source::text("b", "Our goal is to reach a clear goal."),
        ];
        let index = Index::new(&sources);
        let w = words("reach a clear");
        let hits = index.trigram_positions(trigram(w[0].hash, w[1].hash, w[2].hash));
        let positions: Vec<u32> = hits.iter().map(|&(_, p)| p).collect();
        assert_eq!(positions, [3, 11]);
        assert_eq!(index.source_of(3), 0);
        assert_eq!(index.source_of(11), 1);
        assert_eq!(index.word_positions(words("goal")[0].hash).len(), 3);
        // No trigram spans two sources.
        let w = words("goal our goal");
        assert!(
            index
                .trigram_positions(trigram(w[0].hash, w[1].hash, w[2].hash))
                .is_empty()
        );
    }
}
