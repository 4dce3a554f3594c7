//! Shared by the generated verification checks: a seeded generator and the corpus lookup.

#![allow(dead_code)] // each test binary uses its own subset

use std::path::PathBuf;

/// `../shared/corpora/polnear/<file>` (or one level further up), when present.
pub fn polnear(file: &str) -> Option<PathBuf> {
    ["../shared", "../../shared"]
        .iter()
        .map(|d| PathBuf::from(d).join("corpora/polnear").join(file))
        .find(|p| p.exists())
}

/// splitmix64: a small seeded generator, so the cases are the same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}
