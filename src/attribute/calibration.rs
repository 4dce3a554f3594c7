//! Confidence that means what it says: an attribution's confidence is the share of quotes
//! with the same evidence (the sieve that decided, the kind of mention it rests on, the
//! quote's kind, how far the evidence stands from the quote) that were attributed right on
//! annotated news.
//!
//! The table, `calibration.tsv` beside this file, is fitted on PolNeAR train only by
//! `python3 scripts/calibrate.py fit ../shared/corpora/polnear/train.jsonl`, which judges
//! each quote as the scorer does and smooths each cell towards its parent (the same key
//! without its last part, down to everything). `scripts/calibrate.py check` prints the
//! reliability table for any annotated file (docs/PERFORMANCE.md has train's and dev's).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::kind::Kind;
use crate::record::SpeakerType;
use crate::span::Span;

use super::words;

const TABLE: &str = include_str!("calibration.tsv");

/// What a confidence is looked up by: (method, mention class, kind, reach), the last
/// parts `*` for a parent cell.
type Cell = (&'static str, &'static str, &'static str, &'static str);

/// Code points between a quote and its farther evidence for `near` and for `mid`
/// (`scripts/calibrate.py` uses the same).
const NEAR: usize = 40;
const MID: usize = 100;

fn table() -> &'static FxHashMap<Cell, f64> {
    static CELLS: OnceLock<FxHashMap<Cell, f64>> = OnceLock::new();
    CELLS.get_or_init(|| parse(TABLE))
}

/// The table's rows: `method class kind reach judged right confidence`, tab-separated, `#`
/// comments. It is compiled in and checked by a test, so a malformed row is a build-time
/// mistake; such a row is skipped rather than trusted.
fn parse(table: &'static str) -> FxHashMap<Cell, f64> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let cell = (f.next()?, f.next()?, f.next()?, f.next()?);
            let conf: f64 = f.nth(2)?.trim().parse().ok()?;
            (0.0..=1.0).contains(&conf).then_some((cell, conf))
        })
        .collect()
}

/// The class of the mention an attribution rests on, as the record shows it: `pronoun`
/// for he, she, it, they, I or we (contracted or not), else its speaker type.
pub fn mention_class(mention: &str, speaker_type: Option<SpeakerType>) -> &'static str {
    if words::pronoun(mention).is_some() {
        "pronoun"
    } else {
        speaker_type.map_or("other", SpeakerType::as_str)
    }
}

/// How far the evidence stands from the quote: `near`, `mid` or `far` by the code points
/// between the quote (`outer`, marks included) and the farther of its mention and cue.
pub fn reach(text: &str, outer: Span, mention: Span, cue: Option<Span>) -> &'static str {
    let gap = |x: Span| {
        let between = if x.end <= outer.start {
            &text[x.end..outer.start]
        } else if x.start >= outer.end {
            &text[outer.end..x.start]
        } else {
            ""
        };
        // Counted no further than the last bucket needs: a speaker pages away is `far`.
        between.chars().take(MID + 1).count()
    };
    let g = gap(mention).max(cue.map_or(0, gap));
    if g <= NEAR {
        "near"
    } else if g <= MID {
        "mid"
    } else {
        "far"
    }
}

/// The calibrated confidence for an attribution made by `method` from a mention of
/// `class`, for a quote of `kind` whose evidence stands at `reach`: the most specific cell
/// the table has.
pub fn confidence(method: &str, class: &str, kind: Kind, reach: &str) -> f64 {
    let t = table();
    let kind = kind.as_str();
    [
        (method, class, kind, reach),
        (method, class, kind, "*"),
        (method, class, "*", "*"),
        (method, "*", "*", "*"),
        ("*", "*", "*", "*"),
    ]
    .iter()
    .find_map(|cell| t.get(cell))
    .copied()
    .unwrap_or(0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_shipped_table_parses() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert!(rows > 10, "the table has {rows} rows");
        assert_eq!(
            table().len(),
            rows,
            "a row of calibration.tsv does not parse"
        );
        assert!(table().contains_key(&("*", "*", "*", "*")));
    }

    #[test]
    fn a_named_speaker_after_said_is_trusted_more_than_a_subject_guess() {
        // “We have an opportunity …,” Putin said. against a partial quote taken for the
        // sentence subject's: the first is right far more often on annotated news.
        let trailing = confidence("trailing", "person", Kind::Direct, "near");
        let subject = confidence("sentence_subject", "person", Kind::Partial, "near");
        assert!(trailing > subject, "{trailing} vs {subject}");
        assert!(trailing >= 0.9, "{trailing}");
    }

    #[test]
    fn an_unseen_cell_falls_back_to_its_method_then_to_everything() {
        let method = *table().get(&("trailing", "*", "*", "*")).unwrap();
        let unseen = confidence("trailing", "no-such-class", Kind::Direct, "near");
        assert_eq!(unseen, method);
        let all = confidence("no-such-method", "person", Kind::Direct, "near");
        assert_eq!(all, *table().get(&("*", "*", "*", "*")).unwrap());
    }

    #[test]
    fn reach_counts_code_points_to_the_farther_evidence() {
        let text = "“Q,” Putin said.";
        let q = Span::new(0, text.find(',').unwrap() + ",”".len());
        let putin = Span::new(text.find("Putin").unwrap(), text.find(" said").unwrap());
        let said = Span::new(putin.end + 1, putin.end + 5);
        assert_eq!(reach(text, q, putin, Some(said)), "near");
        let far = format!("Putin spoke at length{}. “Q”", " and at length".repeat(8));
        let q = Span::new(far.find('“').unwrap(), far.len());
        assert_eq!(reach(&far, q, Span::new(0, 5), None), "far");
    }

    #[test]
    fn classes_follow_the_mention_then_the_speaker_type() {
        assert_eq!(mention_class("He", Some(SpeakerType::Person)), "pronoun");
        assert_eq!(
            mention_class("they’ve", Some(SpeakerType::Group)),
            "pronoun"
        );
        assert_eq!(mention_class("Putin", Some(SpeakerType::Person)), "person");
        assert_eq!(
            mention_class("the White House", Some(SpeakerType::Organisation)),
            "organisation"
        );
        assert_eq!(mention_class("Hemmer", None), "other");
    }
}
