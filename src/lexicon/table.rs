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
pub struct FoldMap<V> {
    /// One bit per value of the hash's top [`FILTER_BITS`] bits that some key has.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Open addressing, linear probing: 0 is empty, `i + 1` is `entries[i]`.
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
    entries: Vec<(Box<str>, V)>,
}

/// 2^15 bits (4 KiB): a few hundred keys set one bit in fifty.
const FILTER_BITS: u32 = 15;
const FILTER_WORDS: usize = (1 << FILTER_BITS) / 64;

impl<V> FoldMap<V> {
    /// A table of `entries`, whose keys must be distinct, non-empty and free of ASCII
    /// upper case (what a lexicon stores after lower-casing its data).
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> FoldMap<V> {
        let entries: Vec<(Box<str>, V)> = entries
            .into_iter()
            .map(|(k, v)| (k.into_boxed_str(), v))
            .collect();
        // At most a quarter full, so that a probe rarely goes past its first slot.
        let bits = (entries.len() * 4)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        let mut map = FoldMap {
            filter: Box::new([0; FILTER_WORDS]),
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            entries: Vec::new(),
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            let bytes = key.as_bytes();
            assert!(
                !bytes.is_empty() && !bytes.iter().any(u8::is_ascii_uppercase),
                "FoldMap keys are non-empty and lower-case: {key:?}"
            );
            let h = hash(bytes);
            let bit = h >> (64 - FILTER_BITS);
            map.filter[(bit / 64) as usize] |= 1 << (bit % 64);
            let mut slot = (h >> map.shift) as usize;
            while map.slots[slot] != 0 {
                let (other, _) = &entries[map.slots[slot] as usize - 1];
                assert!(other != key, "FoldMap keys are distinct: {key:?}");
                slot = (slot + 1) & (map.slots.len() - 1);
            }
            map.slots[slot] = u32::try_from(i + 1).expect("fewer than 2^32 keys");
        }
        map.entries = entries;
        map
    }

    /// The value of the key equal to `word` with its ASCII letters lower-cased.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        let bytes = word.as_bytes();
        if bytes.is_empty() {
            return None;
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
            // Keys are lower-case, so folding both sides compares the word lower-cased.
            if key.len() == bytes.len() && key.as_bytes().eq_ignore_ascii_case(bytes) {
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
    #[should_panic(expected = "lower-case")]
    fn upper_case_keys_are_refused() {
        FoldMap::new([("Said".to_string(), ())]);
    }
}
