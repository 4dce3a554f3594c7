//! Cosmetic variants: two ways of writing the same words, which a quote may use for the
//! speaker's without changing what was said.
//!
//! - contractions and their expansions (`don't` / `do not`, `it's` / `it is`, `can't` /
//!   `cannot` / `can not`), from `data/contractions.txt`;
//! - numbers spelled or written (`91` / `ninety-one`, `1,000` / `one thousand`,
//!   `2 million` / `two million`), and `per cent` / `percent`;
//! - British and American spellings (`prioritise` / `prioritize`, `colour` / `color`), from
//!   `data/spellings.txt` and the regular endings;
//! - case, punctuation, quote typography and hyphenation ([`Difference`]), decided by the
//!   aligner where the words themselves agree.
//!
//! A contraction keeps its negation (`don't` = `do not`, never `do`), so a dropped "not" or
//! "only" is never a variant: [`equivalent`] needs every word of both sides accounted for.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

/// What kind of cosmetic difference separates a quote's words from the source's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    /// Upper or lower case.
    Case,
    /// Punctuation between words.
    Punctuation,
    /// Curly or straight quote marks and apostrophes.
    Typography,
    /// Hyphenated, split or joined words (`al-Assad` / `al Assad`).
    Hyphenation,
    /// A contraction for its expansion or the other way round.
    Contraction,
    /// A number in figures for one in words, or the other way round.
    Number,
    /// A British spelling for an American one, or the other way round.
    Spelling,
}

impl Difference {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Difference::Case => "case",
            Difference::Punctuation => "punctuation",
            Difference::Typography => "typography",
            Difference::Hyphenation => "hyphenation",
            Difference::Contraction => "contraction",
            Difference::Number => "number",
            Difference::Spelling => "spelling",
        }
    }
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Contractions and their expansions (`data/contractions.txt`).
const CONTRACTIONS: &str = include_str!("data/contractions.txt");
/// British and American spellings (`data/spellings.txt`).
const SPELLINGS: &str = include_str!("data/spellings.txt");

/// The longest side compared (in words): variants are local, and the search must stay small.
const MAX_WORDS: usize = 16;

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// contraction -> its expansions, each as words.
fn contractions() -> &'static HashMap<String, Vec<Vec<String>>> {
    static MAP: OnceLock<HashMap<String, Vec<Vec<String>>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in data_lines(CONTRACTIONS) {
            let Some((short, long)) = line.split_once('=') else {
                continue;
            };
            let expansions = long
                .split('|')
                .map(|e| e.split_whitespace().map(str::to_string).collect())
                .collect();
            map.insert(short.trim().to_string(), expansions);
        }
        map
    })
}

/// Each listed British spelling with its American one, both ways.
fn spellings() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in data_lines(SPELLINGS) {
            let mut ws = line.split_whitespace();
            if let (Some(a), Some(b)) = (ws.next(), ws.next()) {
                map.insert(a.to_string(), b.to_string());
                map.insert(b.to_string(), a.to_string());
            }
        }
        map
    })
}

/// A word as the tables key it: lower case, straight apostrophes.
fn key(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if matches!(c, '’' | 'ʼ' | '‘') {
                '\''
            } else {
                c
            }
        })
        .collect()
}

/// The word without apostrophes (the index's normal form).
fn bare(word: &str) -> String {
    key(word).replace('\'', "")
}

/// Whether two words are one word in British and American spelling.
fn same_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    if spellings().get(a).is_some_and(|x| x == b) {
        return true;
    }
    // Regular endings, British first.
    const ENDINGS: [(&str, &str); 9] = [
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("our", "or"),
        ("tre", "ter"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ogue", "og"),
    ];
    let pair = |x: &str, y: &str| {
        ENDINGS
            .iter()
            .chain(&[("ence", "ense"), ("ours", "ors")])
            .any(|(br, am)| {
                x.strip_suffix(br)
                    .zip(y.strip_suffix(am))
                    .is_some_and(|(s1, s2)| s1 == s2 && s1.len() >= 2)
            })
    };
    pair(a, b) || pair(b, a)
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn scale(word: &str) -> Option<u64> {
    match word {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        "trillion" => Some(1_000_000_000_000),
        _ => None,
    }
}

fn small(word: &str) -> Option<u64> {
    UNITS
        .iter()
        .position(|&u| u == word)
        .map(|i| i as u64)
        .or_else(|| {
            TENS.iter()
                .position(|&t| t == word)
                .map(|i| 20 + 10 * i as u64)
        })
}

/// Every way the words at the start of `ws` (normal forms) read as a number: `(value,
/// words used)`, longest first. Figures may be grouped (`1,000` is two words) and followed by
/// a scale word (`2 million`).
fn numbers(ws: &[String]) -> Vec<(u64, usize)> {
    let mut out = Vec::new();
    let digits = |w: &str| !w.is_empty() && w.len() <= 12 && w.bytes().all(|b| b.is_ascii_digit());
    if ws.first().is_some_and(|w| digits(w)) {
        let mut v: u64 = ws[0].parse().unwrap_or(0);
        let mut i = 1;
        out.push((v, i));
        while i < ws.len() && ws[i].len() == 3 && digits(&ws[i]) && v < 1_000_000_000_000 {
            v = v * 1000 + ws[i].parse::<u64>().unwrap_or(0);
            i += 1;
            out.push((v, i));
        }
        if let Some(s) = ws.get(i).and_then(|w| scale(w)) {
            out.push((v.saturating_mul(s), i + 1));
        }
    } else {
        let (mut total, mut current, mut any) = (0u64, 0u64, false);
        let mut i = 0;
        while i < ws.len() {
            let w = ws[i].as_str();
            if let Some(v) = small(w) {
                current = current.saturating_add(v);
            } else if w == "hundred" && any {
                current = current.max(1).saturating_mul(100);
            } else if let Some(s) = scale(w).filter(|_| any) {
                total = total.saturating_add(current.max(1).saturating_mul(s));
                current = 0;
            } else if w == "and" && any && ws.get(i + 1).is_some_and(|n| small(n).is_some()) {
                i += 1;
                continue;
            } else {
                break;
            }
            any = true;
            i += 1;
            out.push((total + current, i));
        }
    }
    out.reverse();
    out
}

/// Whether quote words `q` and source words `s` (as written) say the same words in another
/// form; the kinds of difference found, or `None`. Every word of both sides must be matched:
/// equal, or one of the variants of the module docs.
pub fn equivalent(q: &[&str], s: &[&str]) -> Option<Vec<Difference>> {
    if q.is_empty() || s.is_empty() || q.len() > MAX_WORDS || s.len() > MAX_WORDS {
        return None;
    }
    let q: Vec<String> = q.iter().map(|w| key(w)).collect();
    let s: Vec<String> = s.iter().map(|w| key(w)).collect();
    let mut kinds = Vec::new();
    let mut budget = 4096;
    walk(&q, &s, &mut kinds, &mut budget).then(|| {
        kinds.sort();
        kinds.dedup();
        kinds
    })
}

/// Matches `q` against `s` from the front, recording the variants used. `budget` bounds the
/// search (each call spends one).
fn walk(q: &[String], s: &[String], kinds: &mut Vec<Difference>, budget: &mut usize) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    if q.is_empty() || s.is_empty() {
        return q.is_empty() && s.is_empty();
    }
    let mut try_rest = |qn: usize, sn: usize, kind: Option<Difference>, kinds: &mut Vec<_>| {
        let before = kinds.len();
        if let Some(k) = kind {
            kinds.push(k);
        }
        if walk(&q[qn..], &s[sn..], kinds, budget) {
            return true;
        }
        kinds.truncate(before);
        false
    };
    if bare(&q[0]) == bare(&s[0]) && try_rest(1, 1, None, kinds) {
        return true;
    }
    // A contraction on either side for its expansion on the other.
    for (a, b, a_first) in [(q, s, true), (s, q, false)] {
        if let Some(expansions) = contractions().get(a[0].as_str()) {
            for e in expansions {
                if b.len() >= e.len() && b[..e.len()].iter().zip(e).all(|(x, y)| x == y) {
                    let (qn, sn) = if a_first { (1, e.len()) } else { (e.len(), 1) };
                    if try_rest(qn, sn, Some(Difference::Contraction), kinds) {
                        return true;
                    }
                }
            }
        }
    }
    // `per cent` for `percent`.
    for (a, b, a_first) in [(q, s, true), (s, q, false)] {
        if a[0] == "percent" && b.len() >= 2 && b[0] == "per" && b[1] == "cent" {
            let (qn, sn) = if a_first { (1, 2) } else { (2, 1) };
            if try_rest(qn, sn, Some(Difference::Spelling), kinds) {
                return true;
            }
        }
    }
    if same_spelling(&bare(&q[0]), &bare(&s[0]))
        && try_rest(1, 1, Some(Difference::Spelling), kinds)
    {
        return true;
    }
    // The same number, in figures on one side and words on the other (or grouped
    // differently).
    let qb: Vec<String> = q.iter().take(8).map(|w| bare(w)).collect();
    let sb: Vec<String> = s.iter().take(8).map(|w| bare(w)).collect();
    let (qn, sn) = (numbers(&qb), numbers(&sb));
    for &(qv, ql) in &qn {
        for &(sv, sl) in &sn {
            // (One word each, the same word, was tried above as equal.)
            let differ = (ql, sl) != (1, 1) || qb[0] != sb[0];
            if qv == sv && differ && try_rest(ql, sl, Some(Difference::Number), kinds) {
                return true;
            }
        }
    }
    false
}

/// The kind of a difference between two renderings of the same words (which compare equal
/// as the index's normal forms): case, typography (quote marks, apostrophes), or else
/// punctuation.
pub fn surface(quote: &str, source: &str) -> Difference {
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let (lq, ls) = (letters(quote), letters(source));
    if lq != ls && lq.to_lowercase() == ls.to_lowercase() {
        return Difference::Case;
    }
    let marks = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .map(|c| match c {
                '’' | '‘' | 'ʼ' => '\'',
                '“' | '”' => '"',
                other => other,
            })
            .collect()
    };
    let raw = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .collect()
    };
    if raw(quote) != raw(source) && marks(quote) == marks(source) {
        return Difference::Typography;
    }
    Difference::Punctuation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(q: &str, s: &str) -> Option<Vec<Difference>> {
        let qw: Vec<&str> = crate::verify::index::words(q)
            .iter()
            .map(|w| &q[w.start as usize..w.end as usize])
            .collect();
        let sw: Vec<&str> = crate::verify::index::words(s)
            .iter()
            .map(|w| &s[w.start as usize..w.end as usize])
            .collect();
        equivalent(&qw, &sw)
    }

    #[test]
    fn contractions_and_expansions_are_the_same_words() {
        use Difference::Contraction;
        for (q, s) in [
            ("The buses do not run", "The buses don't run"),
            ("that can not last", "that cannot last"),
            ("that can't last", "that cannot last"),
            (
                "It is a serious problem, and we are treating it",
                "It’s a serious problem, and we’re treating it",
            ),
            ("I'm not sure we've seen", "I am not sure we have seen"),
            ("it's been a long year", "it has been a long year"),
        ] {
            assert_eq!(eq(q, s), Some(vec![Contraction]), "{q} / {s}");
        }
    }

    #[test]
    fn a_dropped_negation_or_qualifier_is_never_a_variant() {
        for (q, s) in [
            ("I can promise", "I can't promise"),
            ("The buses do run", "The buses don't run"),
            ("we will cut", "we won't cut"),
            ("The honest answer", "The only honest answer"),
            ("It is a problem", "It isn't a problem"),
            ("it is done", "it has done"),
        ] {
            assert_eq!(eq(q, s), None, "{q} / {s}");
        }
    }

    #[test]
    fn numbers_in_figures_and_words() {
        use Difference::{Number, Spelling};
        for (q, s, kinds) in [
            (
                "hiring 42 drivers",
                "hiring forty-two drivers",
                vec![Number],
            ),
            ("91 percent", "ninety-one per cent", vec![Number, Spelling]),
            ("1,000 riders", "one thousand riders", vec![Number]),
            ("2 million dollars", "two million dollars", vec![Number]),
            ("one of them", "1 of them", vec![Number]),
            ("three hundred and twelve", "312", vec![Number]),
        ] {
            assert_eq!(eq(q, s), Some(kinds), "{q} / {s}");
        }
        for (q, s) in [
            ("hiring 42 drivers", "hiring forty drivers"),
            ("41 percent", "ninety-one percent"),
            ("two million", "two thousand"),
        ] {
            assert_eq!(eq(q, s), None, "{q} / {s}");
        }
    }

    #[test]
    fn british_and_american_spellings() {
        for (q, s) in [
            ("prioritise the routes", "prioritize the routes"),
            ("the colour of the buses", "the color of the buses"),
            ("in the town centre", "in the town center"),
            ("the grey buses", "the gray buses"),
            ("we travelled", "we traveled"),
            ("88 per cent", "88 percent"),
        ] {
            assert_eq!(eq(q, s), Some(vec![Difference::Spelling]), "{q} / {s}");
        }
        for (q, s) in [("the rise", "the rize"), ("our", "or"), ("hour", "hor")] {
            assert_eq!(eq(q, s), None, "{q} / {s}");
        }
    }

    #[test]
    fn surface_differences_are_named() {
        assert_eq!(surface("We", "we"), Difference::Case);
        assert_eq!(surface("Erdogan’s", "Erdogan's"), Difference::Typography);
        assert_eq!(surface("met, of", "met – of"), Difference::Punctuation);
    }
}
