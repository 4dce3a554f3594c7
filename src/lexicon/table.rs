//! [`FoldMap`]: a word table looked up in any ASCII case, for the lexicon's hot look-ups.
//!
//! `Cues::form` runs for nearly every word attribution and kinds look at (millions of calls
//! on a corpus), and nearly every word is not a cue. A general hash map made each call
//! lower-case the word into a buffer, check it was UTF-8 and hash all of it just to say no.
//! This table hashes only a word's length and its first two and last two bytes (ASCII case
//! folded): one multiplication, no loop, no copy. A bitmap of those hashes says no for
//! nine words in ten; the rest probe a small open-addressing table and compare the word
//! with the key, folding case.

/// Keys (lower-case, compared with ASCII case folded) and their values.
pub struct FoldMap<V>(Table<V>);

impl<V> FoldMap<V> {
    /// A table of `entries`, whose keys must be free of ASCII upper case (what a lexicon
    /// stores after lower-casing its data); of keys given twice, the first is kept.
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> FoldMap<V> {
        FoldMap(Table::new(entries.into_iter().map(|(key, value)| {
            assert!(
                !key.bytes().any(|b| b.is_ascii_uppercase()),
                "FoldMap keys are lower-case: {key:?}"
            );
            (key.into_boxed_str(), value)
        })))
    }

    /// The value of the key equal to `word` with its ASCII letters lower-cased.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        // Keys are lower-case, so folding both sides compares the word lower-cased.
        self.0
            .find(word, |key, word| key.eq_ignore_ascii_case(word))
    }
}

/// Keys and their values, looked up exactly (case matters): what `FxHashMap<&str, V>`
/// does, with the same quick no for most words as [`FoldMap`].
pub struct ExactMap<V>(Table<V>);

impl<V> ExactMap<V> {
    /// A table of `entries`; of keys given twice, the first is kept.
    pub fn new<K: Into<Box<str>>>(entries: impl IntoIterator<Item = (K, V)>) -> ExactMap<V> {
        ExactMap(Table::new(entries.into_iter().map(|(k, v)| (k.into(), v))))
    }

    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        self.0.find(word, |key, word| key == word)
    }
}

/// The table behind both maps: keys hashed with ASCII case folded, compared as the map
/// says.
struct Table<V> {
    /// One bit per value of the hash's top [`FILTER_BITS`] bits that some key has.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Open addressing, linear probing: 0 is empty, `i + 1` is `entries[i]`.
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
    entries: Vec<(Box<str>, V)>,
    /// The value of the empty key, which the hash does not take.
    empty: Option<V>,
}

/// 2^15 bits (4 KiB): a few hundred keys set one bit in fifty.
const FILTER_BITS: u32 = 15;
const FILTER_WORDS: usize = (1 << FILTER_BITS) / 64;

impl<V> Table<V> {
    /// The first of keys given twice is kept.
    fn new(given: impl IntoIterator<Item = (Box<str>, V)>) -> Table<V> {
        let given: Vec<(Box<str>, V)> = given.into_iter().collect();
        // At most a quarter full, so that a probe rarely goes past its first slot.
        let bits = (given.len() * 4)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        let mut table = Table {
            filter: Box::new([0; FILTER_WORDS]),
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            entries: Vec::with_capacity(given.len()),
            empty: None,
        };
        for (key, value) in given {
            let bytes = key.as_bytes();
            if bytes.is_empty() {
                table.empty.get_or_insert(value);
                continue;
            }
            let h = hash(bytes);
            let mut slot = (h >> table.shift) as usize;
            let mut seen = false;
            while table.slots[slot] != 0 {
                seen |= table.entries[table.slots[slot] as usize - 1].0 == key;
                slot = (slot + 1) & (table.slots.len() - 1);
            }
            if seen {
                continue;
            }
            let bit = h >> (64 - FILTER_BITS);
            table.filter[(bit / 64) as usize] |= 1 << (bit % 64);
            table.entries.push((key, value));
            table.slots[slot] = u32::try_from(table.entries.len()).expect("fewer than 2^32 keys");
        }
        table
    }

    /// The value of the key that `same(key, word)` accepts, among those whose hash (ASCII
    /// case folded) is the word's.
    #[inline]
    fn find(&self, word: &str, same: impl Fn(&[u8], &[u8]) -> bool) -> Option<&V> {
        let bytes = word.as_bytes();
        if bytes.is_empty() {
            return self.empty.as_ref();
        }
        let h = hash(bytes);
        let bit = h >> (64 - FILTER_BITS);
        if self.filter[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mut slot = (h >> self.shift) as usize;
        loop {
            let entry = self.slots[slot];
            if entry == 0 {
                return None;
            }
            let (key, value) = &self.entries[entry as usize - 1];
            if key.len() == bytes.len() && same(key.as_bytes(), bytes) {
                return Some(value);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }
}

/// A hash of a non-empty word's length and first two and last two bytes, ASCII case
/// folded (a one-byte word counts its byte twice at each end).
#[inline]
fn hash(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let at = |i: usize| u64::from(bytes[i].to_ascii_lowercase());
    let key = (n.min(255) as u64)
        | at(0) << 8
        | at(1.min(n - 1)) << 16
        | at(n.saturating_sub(2)) << 24
        | at(n - 1) << 32;
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    /// Words from news sentences, in the cases they come in, with look-alikes of the keys.
    const NEWS: &str = "SAID Said said says saying sayed Sayed told TOLD Told tells \
        Assad last met with Putin in March. Mr. Putin said “we met,” adding that he hoped \
        to return. The U.S. Senate voted on the so-called “peace plan”, officials say. \
        According to a statement, Ms. Clinton’s aide declined to comment; she'd said it \
        al-Assad O'Brien Émile répondit l’homme 2016 a I s d g said-so saidd aid sai \
        highlighted accusing applauded quipped tweeted wrote Tweeted WROTE";

    fn words() -> Vec<&'static str> {
        NEWS.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
            .filter(|w| !w.is_empty())
            .chain(["", "x".repeat(70).leak() as &str, "Said".repeat(20).leak()])
            .collect()
    }

    #[test]
    fn finds_what_a_hash_map_of_lowercased_words_finds() {
        let keys = [
            "said",
            "say",
            "says",
            "saying",
            "told",
            "tell",
            "tells",
            "add",
            "adding",
            "according",
            "wrote",
            "tweeted",
            "quipped",
            "highlighted",
            "accusing",
            "applauded",
            "décidé",
            "said-so",
            "o'brien",
            "s",
        ];
        let long = "said".repeat(20);
        let plain: FxHashMap<String, usize> = keys
            .iter()
            .map(|k| k.to_string())
            .chain([long.clone()])
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let fold = FoldMap::new(plain.clone());
        for w in words() {
            assert_eq!(
                fold.get(w),
                plain.get(&w.to_ascii_lowercase()),
                "{w:?} looked up"
            );
        }
        for (k, v) in &plain {
            assert_eq!(fold.get(k), Some(v));
            assert_eq!(fold.get(&k.to_ascii_uppercase()), Some(v));
        }
    }

    #[test]
    fn empty_table_finds_nothing() {
        let fold: FoldMap<()> = FoldMap::new([]);
        for w in words() {
            assert_eq!(fold.get(w), None, "{w:?}");
        }
    }

    #[test]
    fn exact_map_finds_what_a_hash_map_finds() {
        // Titles and words in the cases the attribution lists have them, a duplicate,
        // keys differing only in case, and the empty key.
        let keys = [
            "Mr.",
            "Sen.",
            "President",
            "Republican",
            "May",
            "may",
            "U.S.",
            "gov't",
            "said",
            "Émile",
            "Sen.",
            "",
            "TV",
        ];
        let plain: FxHashMap<&str, usize> = keys
            .iter()
            .enumerate()
            .rev()
            .map(|(i, &k)| (k, i))
            .collect();
        let exact = ExactMap::new(keys.iter().enumerate().map(|(i, &k)| (k, i)));
        for w in words()
            .into_iter()
            .chain(keys)
            .chain(["mr.", "SEN.", "MAY", "president"])
        {
            assert_eq!(exact.get(w), plain.get(w), "{w:?}");
        }
    }

    #[test]
    #[should_panic(expected = "lower-case")]
    fn upper_case_keys_are_refused() {
        FoldMap::new([("Said".to_string(), ())]);
    }
}
