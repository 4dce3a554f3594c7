//! What must hold for any two versions: no panic, every quote of each version in some pair,
//! word diffs that rebuild both texts, statuses consistent with changes, ids unique.

use std::collections::HashSet;

use proptest::prelude::*;
use quotecheck::diff::words::Op;
use quotecheck::diff::{Options, Status, diff};
use quotecheck::{Document, extract};

/// News-like text: words, reporting phrases, quotation marks of several styles, paragraphs.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("We have an opportunity".to_string()),
        Just("to discuss the entire range".to_string()),
        Just("of our relations".to_string()),
        Just(" Putin said. ".to_string()),
        Just(", he added, ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" … ".to_string()),
        "[a-zA-Zé ,.;:!?-]{1,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_two_versions_diff_consistently(old_text in text(), new_text in text(), threshold in 0.0f64..=1.0) {
        let old = extract(&Document::new("a", old_text)).quotes;
        let new = extract(&Document::new("b", new_text)).quotes;
        let d = diff("a", &old, "b", &new, &Options { threshold });
        let olds: HashSet<usize> = d.pairs.iter().filter_map(|p| p.old.as_ref().map(|q| q.index)).collect();
        let news: HashSet<usize> = d.pairs.iter().filter_map(|p| p.new.as_ref().map(|q| q.index)).collect();
        prop_assert_eq!(olds.len(), old.len());
        prop_assert_eq!(news.len(), new.len());
        let s = d.summary;
        prop_assert_eq!(s.unchanged + s.modified + s.added + s.removed, d.pairs.len());
        for p in &d.pairs {
            prop_assert_eq!(p.status == Status::Modified, !p.changes.is_empty());
            prop_assert!((0.0..=1.0).contains(&p.similarity));
            let side = |keep: Op| -> String {
                p.word_diff.iter().filter(|w| w.op == Op::Equal || w.op == keep).map(|w| w.text.as_str()).collect()
            };
            let grouped = p.changes.iter().any(|c| matches!(c, quotecheck::diff::Change::Split | quotecheck::diff::Change::Merged));
            if !grouped {
                prop_assert_eq!(side(Op::Delete), p.old.as_ref().map_or(String::new(), |q| q.text.clone()));
                prop_assert_eq!(side(Op::Insert), p.new.as_ref().map_or(String::new(), |q| q.text.clone()));
            }
        }
        // An id names one quote per version: no two pairs carry the same new quote's id.
        let mut ids = HashSet::new();
        for p in d.pairs.iter().filter(|p| p.new.is_some()) {
            let key = (p.id.clone(), p.new.as_ref().unwrap().index);
            prop_assert!(ids.insert(key));
        }
    }

    #[test]
    fn a_version_against_itself_is_unchanged(text in text()) {
        let quotes = extract(&Document::new("a", text)).quotes;
        let d = diff("a", &quotes, "a", &quotes, &Options::default());
        prop_assert!(!d.summary.changed(), "{:?}", d.pairs);
    }
}
