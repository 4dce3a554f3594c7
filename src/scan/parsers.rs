//! The low-level nom parsers the scanner is built from. nom types stay in this module.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till};
use nom::character::complete::satisfy;
use nom::combinator::value;
use nom::{IResult, Parser};

use super::marks::{DOUBLE_APOSTROPHE, is_mark};

/// One step of the scan: the text before the next quotation mark, and the mark. Two
/// apostrophes ('') are one mark, [`DOUBLE_APOSTROPHE`] (archives typed double quotes that
/// way; the scanner decides whether to read it so). Fails (consuming nothing) when no mark
/// is left. Always consumes the mark on success, so a loop over it is linear.
pub fn next_mark(input: &str) -> IResult<&str, (&str, char)> {
    (
        take_till(is_mark),
        alt((value(DOUBLE_APOSTROPHE, tag("''")), satisfy(is_mark))),
    )
        .parse(input)
}

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
    let lower = word.to_lowercase();
    ELISIONS.contains(&lower.as_str())
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
