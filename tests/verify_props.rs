//! Properties of `verify` on any input: no panic, locations in bounds and on char boundaries,
//! a quote taken word for word from a source is found exact.

use proptest::prelude::*;
use quotecheck::verify::source::{Source, SourceKind};
use quotecheck::verify::speakers::line_label;
use quotecheck::verify::{Verdict, Verifier};

fn speech() -> impl Strategy<Value = String> {
    // Words, punctuation, brackets, ellipses, curly quotes, non-ASCII letters, line breaks.
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z]{1,8}",
            Just("Erdoğan’s".to_string()),
            Just("n't".to_string()),
            Just("…".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("--".to_string()),
            Just(".".to_string()),
            Just("\n".to_string()),
            Just("é".to_string()),
            Just("\nNAKAMURA:".to_string()),
            Just("\n>>".to_string()),
            Just("\n(Brandt)".to_string()),
            Just("\n“É”:".to_string()),
        ],
        0..60,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn any_quote_against_any_source(source in speech(), quote in speech()) {
        let verifier = Verifier::new(vec![Source::text("s.txt", source.clone())]);
        let outcome = verifier.align(&quote);
        for s in &outcome.stretches {
            prop_assert!(s.start <= s.end && s.end <= source.len());
            prop_assert!(source.is_char_boundary(s.start) && source.is_char_boundary(s.end));
        }
        prop_assert!((0.0..=1.0).contains(&outcome.similarity));
    }

    #[test]
    fn a_stretch_copied_from_the_source_is_exact(
        words in proptest::collection::vec("[a-z]{2,9}", 20..80),
        from in 0usize..8,
        len in 3usize..10,
    ) {
        let source = words.join(" ");
        let quote = words[from..from + len].join(" ");
        let verifier = Verifier::new(vec![Source::text("s.txt", source)]);
        prop_assert_eq!(verifier.align(&quote).verdict, Verdict::Exact);
    }

    #[test]
    fn subtitle_parsing_never_panics(text in "(WEBVTT\n\n)?([0-9]{1,2}\n)?([0-9:.,]{5,12} --> [0-9:.,]{5,12}\n)?[a-z <>&;]{0,30}\n\n?") {
        for kind in [SourceKind::Srt, SourceKind::Vtt] {
            if let Ok(s) = Source::parse("x".into(), kind, text.clone()) {
                let len = s.clean.len();
                let _ = s.location(0, len);
            }
        }
    }

    #[test]
    fn speaker_labels_stay_on_the_line_and_on_char_boundaries(
        line in "(>> |- )?[\\[(]?[A-Za-zÉé’.\\- ]{0,70}[\\])]?:? ?\\PC{0,20}",
    ) {
        if let Some(l) = line_label(&line) {
            prop_assert!(l.start <= l.end && l.end <= line.len());
            prop_assert!(line.is_char_boundary(l.start) && line.is_char_boundary(l.end));
        }
    }
}
