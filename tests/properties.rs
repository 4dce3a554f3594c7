//! Properties of the whole pipeline on any input: no panic, spans in bounds and on char
//! boundaries, top-level spans ordered and apart, records that re-parse from JSONL, JSON
//! and CSV. Inputs are built from the pieces that make quote scanning hard (every mark,
//! line ends of every kind, NUL, multi-byte letters), plus arbitrary strings.

mod invariants;

use proptest::prelude::*;

const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "''",
    "„",
    "‚",
    "«",
    "»",
    "‹",
    "›",
    "「",
    "」",
    "『",
    "』",
    "‟",
    "‛",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    " ",
    "\t",
    "\u{a0}",
    "a",
    "s",
    "Putin",
    "said",
    "he said",
    "Mr.",
    ".",
    ",",
    ":",
    "?",
    "!",
    "—",
    "(",
    ")",
    "\0",
    "é",
    "日本",
    "🙂",
    "9",
    "so-called",
    "according to",
    "’90s",
    "rock ’n’ roll",
    "workers’ party",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn pipeline_holds_on_news_like_text(text in news_like()) {
        invariants::check_pipeline(&text);
    }

    #[test]
    fn pipeline_holds_on_any_string(text in any::<String>()) {
        invariants::check_pipeline(&text);
    }

    #[test]
    fn pipeline_holds_on_hard_wrapped_text(
        lines in prop::collection::vec(news_like(), 1..12),
        width in 40usize..90,
    ) {
        // Blocks of lines cut near a steady width, as in Project Gutenberg texts.
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            let mut cut: String = line.chars().take(width).collect();
            cut.push_str(if i % 3 == 2 { "\n\n" } else { "\n" });
            text.push_str(&cut);
        }
        invariants::check_pipeline(&text);
    }
}
