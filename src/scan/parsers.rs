//! The low-level nom parsers the scanner is built from. nom types stay in this module.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::satisfy;
use nom::combinator::value;
use nom::{IResult, Parser};

use super::marks::{DOUBLE_APOSTROPHE, MARKS, is_mark};

/// One step of the scan: the text before the next quotation mark, and the mark. Two
/// apostrophes ('') are one mark, [`DOUBLE_APOSTROPHE`] (archives typed double quotes that
/// way; the scanner decides whether to read it so). Fails (consuming nothing) when no mark
/// is left. Always consumes the mark on success, so a loop over it is linear.
pub fn next_mark(input: &str) -> IResult<&str, (&str, char)> {
    (
        till_mark,
        alt((value(DOUBLE_APOSTROPHE, tag("''")), satisfy(is_mark))),
    )
        .parse(input)
}

/// The text up to the next quotation mark (all of it when there is none), like
/// `take_till(is_mark)` but searching bytes: only bytes that can start a mark are decoded.
fn till_mark(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let mut from = 0;
    while let Some(at) = next_mark_start(bytes, from) {
        // A mark's first byte is ASCII or a lead byte, so `at` is a char boundary.
        let c = input[at..].chars().next().expect("a char starts here");
        if is_mark(c) {
            return Ok((&input[at..], &input[..at]));
        }
        from = at + c.len_utf8();
    }
    Ok(("", input))
}

/// The first byte at or after `from` that can start a mark ([`MARK_START`]). Eight bytes
/// are looked at together: a `"`, a `'` or any lead byte of a multi-byte character (bits
/// 11xxxxxx) is a candidate, and the first candidate is checked in the table.
fn next_mark_start(bytes: &[u8], mut from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte equal to `b`; the lowest flag is exact (borrows run upwards).
    let equal = |x: u64, b: u8| {
        let v = x ^ (ONES * u64::from(b));
        v.wrapping_sub(ONES) & !v & HIGH
    };
    while let Some(chunk) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let candidates = equal(x, b'"') | equal(x, b'\'') | (x & (x << 1) & HIGH);
        if candidates == 0 {
            from += 8;
            continue;
        }
        let at = from + (candidates.trailing_zeros() / 8) as usize;
        if MARK_START[bytes[at] as usize] {
            return Some(at);
        }
        from = at + 1;
    }
    bytes[from..]
        .iter()
        .position(|&b| MARK_START[b as usize])
        .map(|found| from + found)
}

/// The first UTF-8 byte of `c`.
const fn first_byte(c: char) -> u8 {
    let c = c as u32;
    (match c {
        0..0x80 => c,
        0x80..0x800 => 0xC0 | (c >> 6),
        0x800..0x10000 => 0xE0 | (c >> 12),
        _ => 0xF0 | (c >> 18),
    }) as u8
}

/// Which bytes can start a quotation mark: `"`, `'` and the lead bytes of the others.
const MARK_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < MARKS.len() {
        if MARKS[i] != DOUBLE_APOSTROPHE {
            table[first_byte(MARKS[i]) as usize] = true;
        }
        i += 1;
    }
    table
};

/// The length in the text of a mark returned by [`next_mark`].
pub fn mark_len(mark: char) -> usize {
    if mark == DOUBLE_APOSTROPHE {
        2
    } else {
        mark.len_utf8()
    }
}

/// The elided words that follow a leading apostrophe: ’em, ’n’, ’til, ’tis, ’cause …
/// Returns true when `rest` (the text just after an apostrophe) starts with one.
pub fn starts_with_elision(rest: &str) -> bool {
    let word_end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let word = &rest[..word_end];
    if word.is_empty() {
        return false;
    }
    // ’90s, ’16, ’08: a year or decade.
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits = word.trim_end_matches('s');
        return digits.len() == 2 && digits.chars().all(|c| c.is_ascii_digit());
    }
    static SET: crate::lexicon::WordSet = crate::lexicon::WordSet::new(ELISIONS);
    crate::lexicon::with_lowercase(word, |lower| SET.contains(lower))
}

/// Words written with a leading apostrophe in English. Kept short and common: a rare one
/// left out is read as an opening single quote that never closes, which is discarded.
const ELISIONS: &[&str] = &[
    "em", "n", "til", "till", "tis", "twas", "cause", "cos", "bout", "round", "kay", "nuff",
    "cept", "fraid", "neath", "tween", "twixt", "ere", "gainst", "er", "ow", "ello", "ave",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_mark_splits_at_each_mark() {
        let (rest, (before, mark)) = next_mark("he said “no” twice").unwrap();
        assert_eq!((before, mark, rest), ("he said ", '“', "no” twice"));
        let (rest, (before, mark)) = next_mark(rest).unwrap();
        assert_eq!((before, mark, rest), ("no", '”', " twice"));
        assert!(next_mark(rest).is_err());
        let (rest, (before, mark)) = next_mark("x ''Tax,'' he said").unwrap();
        assert_eq!(
            (before, mark, rest),
            ("x ", DOUBLE_APOSTROPHE, "Tax,'' he said")
        );
    }

    #[test]
    fn every_mark_starts_with_a_searched_byte() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_mark(c))
        {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(MARK_START[first as usize], "{c:?}");
            assert_eq!(first, first_byte(c));
        }
    }

    /// The eight-byte search finds what a byte-by-byte search of the table finds, from
    /// every offset of text with marks, look-alike lead bytes and long plain stretches.
    #[test]
    fn mark_starts_are_found_eight_bytes_at_a_time() {
        let text = "He said “no” — l’homme «oui» „ja“ ‚x‘ 「引用」 ‹a› \"plain\" 'single' \
            café naïve Erdoğan … a stretch of plain ASCII text without marks at all, then ’";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let plain = bytes[from..]
                .iter()
                .position(|&b| MARK_START[b as usize])
                .map(|i| from + i);
            assert_eq!(next_mark_start(bytes, from), plain, "from {from}");
        }
    }

    #[test]
    fn till_mark_skips_look_alike_bytes() {
        // é, — and … share lead bytes with « and “ but are not marks.
        let text = "café — wait… «oui» and “no”";
        let (rest, before) = till_mark(text).unwrap();
        assert_eq!((before, rest), ("café — wait… ", "«oui» and “no”"));
        assert_eq!(
            till_mark("no marks at all — none"),
            Ok(("", "no marks at all — none"))
        );
        assert_eq!(till_mark(""), Ok(("", "")));
    }

    #[test]
    fn elisions_after_an_apostrophe() {
        for rest in [
            "90s music",
            "em all",
            "n’ roll",
            "Tis the season",
            "til dawn",
            "16 race",
        ] {
            assert!(starts_with_elision(rest), "{rest}");
        }
        for rest in ["Hello,", "the maturity", "1990 election", "", " space"] {
            assert!(!starts_with_elision(rest), "{rest}");
        }
    }
}
