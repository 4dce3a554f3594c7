//! Scanner tests, each from the kind of sentence news prints.

use super::*;
use crate::document::paragraphs;

/// The inner texts of the top-level quotes, with `!` appended to unclosed ones.
fn quotes(text: &str) -> Vec<String> {
    let scan = scan(text, &paragraphs(text));
    scan.quotes
        .iter()
        .map(|q| {
            let mut s = q.inner_text(text);
            if q.unclosed() {
                s.push('!');
            }
            s
        })
        .collect()
}

fn stray(text: &str) -> usize {
    scan(text, &paragraphs(text)).stray.len()
}

#[test]
fn curly_double_quotes_with_trailing_attribution() {
    let text = "“We have an opportunity to discuss the entire range of our relations,” Putin reportedly said.";
    assert_eq!(
        quotes(text),
        ["We have an opportunity to discuss the entire range of our relations,"]
    );
}

#[test]
fn possessive_apostrophes_are_not_quotes() {
    let text = "The Kremlin published a readout of the two dictators’ public statements before Assad’s visit, calling it “productive.”";
    assert_eq!(quotes(text), ["productive."]);
    assert_eq!(stray(text), 0);
}

#[test]
fn apostrophes_inside_a_quote_do_not_close_it() {
    let text = "“This is why we cannot meet under Erdogan’s terms,” he said. ‘Rock ’n’ roll’ since the ’90s, o’clock, y’all.";
    assert_eq!(
        quotes(text),
        [
            "This is why we cannot meet under Erdogan’s terms,",
            "Rock ’n’ roll"
        ]
    );
}

#[test]
fn straight_quotes_and_contractions() {
    let text = "\"I don't think he's ready,\" she said, \"and we won't wait for 'em.\"";
    assert_eq!(
        quotes(text),
        ["I don't think he's ready,", "and we won't wait for 'em."]
    );
}

#[test]
fn straight_single_quotes() {
    let text = "The senator called the bill 'a disaster' on Tuesday.";
    assert_eq!(quotes(text), ["a disaster"]);
}

#[test]
fn measurements_are_not_quotes() {
    let text = "The suspect is 6'2\" tall, the 12\" record sold, and she stands 5′ 11″.";
    assert_eq!(quotes(text), Vec::<String>::new());
    assert_eq!(stray(text), 0);
}

#[test]
fn nested_single_inside_double() {
    let text = "“He told me ‘we will not back down’ and left,” the aide said.";
    let scan = scan(text, &paragraphs(text));
    assert_eq!(scan.quotes.len(), 1);
    assert!(scan.quotes[0].has_nested);
    assert_eq!(
        scan.quotes[0].inner_text(text),
        "He told me ‘we will not back down’ and left,"
    );
}

#[test]
fn nested_double_inside_single_three_deep() {
    let text = "'She said \"he called it 'fake news' twice\" on air,' the host recalled.";
    assert_eq!(
        quotes(text),
        ["She said \"he called it 'fake news' twice\" on air,"]
    );
}

#[test]
fn guillemets_french_with_spaces_and_german_reversed() {
    assert_eq!(
        quotes("Il a dit « nous ne céderons pas » hier."),
        ["nous ne céderons pas"]
    );
    assert_eq!(quotes("Il a dit «\u{a0}non\u{a0}» hier."), ["non"]);
    assert_eq!(
        quotes("Er sagte »Wir schaffen das« gestern."),
        ["Wir schaffen das"]
    );
    assert_eq!(quotes("Egli disse ‹sì› e ‹no›."), ["sì", "no"]);
}

#[test]
fn german_low_high_quotes() {
    assert_eq!(
        quotes("Merkel sagte: „Wir schaffen das“, und ging. Er nannte es ‚Unsinn‘."),
        ["Wir schaffen das", "Unsinn"]
    );
}

#[test]
fn cjk_corner_brackets() {
    assert_eq!(
        quotes("首相は「全力を尽くす」と述べ、『約束』した。"),
        ["全力を尽くす", "約束"]
    );
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let text = "“We will not leave,” he said. “The first paragraph goes on\n“and the second paragraph continues\n“until the last one closes.”\nThen the narrator speaks.";
    assert_eq!(
        quotes(text),
        [
            "We will not leave,",
            "The first paragraph goes on\nand the second paragraph continues\nuntil the last one closes."
        ]
    );
    let scan = scan(text, &paragraphs(text));
    assert_eq!(scan.quotes[1].parts.len(), 3);
    assert_eq!(scan.quotes[1].paragraph(), 0);
}

#[test]
fn interrupted_quotation_is_two_spans() {
    assert_eq!(
        quotes(
            "“We will extend our invitation to Assad,” he said. “We have now arrived at a point.”"
        ),
        [
            "We will extend our invitation to Assad,",
            "We have now arrived at a point."
        ]
    );
}

#[test]
fn unclosed_quote_runs_to_paragraph_end() {
    let text = "The mayor said “we are done here and left.\nNext paragraph has no quote.";
    assert_eq!(quotes(text), ["we are done here and left.!"]);
}

#[test]
fn stray_closer_is_recorded_not_quoted() {
    let text = "The vote was close” and nobody knew.";
    assert_eq!(quotes(text), Vec::<String>::new());
    assert_eq!(stray(text), 1);
}

#[test]
fn unclosed_single_quote_is_an_apostrophe() {
    let text = "The ’burbs voted early, and 'twas said the rock 'n' roll crowd stayed home.";
    assert_eq!(quotes(text), Vec::<String>::new());
}

#[test]
fn plural_possessive_inside_single_quote_closes_it_at_the_end() {
    let text = "He called it ‘the workers’ party’ in 2019.";
    assert_eq!(quotes(text), ["the workers’ party"]);
}

#[test]
fn closer_after_unclosed_single_closes_outer() {
    let text = "“They said ‘no and walked out,” the source added.";
    assert_eq!(quotes(text), ["They said ‘no and walked out,"]);
}

#[test]
fn hard_wrapped_quote_across_lines() {
    let text = "\"My dear Mr. Bennet,\" said his lady to him one day, \"have you heard that\nNetherfield Park is let at last?\"\n\nMr. Bennet replied that he had not.\n";
    assert_eq!(
        quotes(text),
        [
            "My dear Mr. Bennet,",
            "have you heard that\nNetherfield Park is let at last?"
        ]
    );
}

#[test]
fn crlf_line_ends() {
    let text = "“One,” he said.\r\n“Two,” she said.\r\n";
    assert_eq!(quotes(text), ["One,", "Two,"]);
}

#[test]
fn double_apostrophes_as_archives_print_them() {
    let text = "''This isn't tax reform,'' said the economist. ''It's anti-reform.''";
    let archive = Options {
        double_apostrophes: true,
    };
    let found: Vec<String> = scan_with(text, &paragraphs(text), archive)
        .quotes
        .iter()
        .map(|q| q.inner_text(text))
        .collect();
    assert_eq!(found, ["This isn't tax reform,", "It's anti-reform."]);
    // By default '' quotes are not reported, and no stray mark either.
    assert_eq!(quotes(text), Vec::<String>::new());
    assert_eq!(stray(text), 0);
}

#[test]
fn single_quotes_nested_in_double_apostrophes_stay_nested() {
    let text = "She said, and ''I had to step back and think, 'This is their lives.'.''";
    assert_eq!(quotes(text), Vec::<String>::new());
}

#[test]
fn french_closing_guillemet_before_punctuation() {
    assert_eq!(
        quotes("Il a déclaré : « Nous ne céderons pas », avant de partir."),
        ["Nous ne céderons pas"]
    );
}

#[test]
fn mixed_curly_and_straight_marks_pair() {
    assert_eq!(
        quotes("He said there was “no evidence\" yet and \"more hours” were needed."),
        ["no evidence", "more hours"]
    );
}

#[test]
fn closing_mark_after_a_space() {
    assert_eq!(
        quotes(
            "\"I've always been insulted with the term 'African American outreach,' \" he told the group."
        ),
        ["I've always been insulted with the term 'African American outreach,'"]
    );
}

#[test]
fn unclosed_opener_around_closed_quotes_gives_way_to_them() {
    let text =
        "\"Trump walked onto the stage, chanting “U-S-A! U-S-A!”\n“That’s right,” Melanie said.";
    assert_eq!(quotes(text), ["U-S-A! U-S-A!", "That’s right,"]);
}

/// “He said ‘she said “they said ‘… no’ …”’ …” n deep, then an ordinary quote.
fn nested_deep(n: usize) -> String {
    let open: String = (0..n)
        .map(|i| if i % 2 == 0 { "“said " } else { "‘said " })
        .collect();
    let close: String = (0..n)
        .rev()
        .map(|i| if i % 2 == 0 { "no” " } else { "no’ " })
        .collect();
    format!("{open}{close}the aide said. “We will win,” she said.")
}

#[test]
fn nesting_past_the_depth_limit_keeps_the_top_level_quotes() {
    for n in [3, MAX_DEPTH + 1, 3 * MAX_DEPTH] {
        let text = nested_deep(n);
        let scan = scan(&text, &paragraphs(&text));
        assert_eq!(scan.quotes.len(), 2, "{n} deep");
        assert!(scan.quotes[0].has_nested);
        assert!(scan.quotes[0].inner_text(&text).ends_with("no’ no"));
        assert_eq!(scan.quotes[1].inner_text(&text), "We will win,");
        assert!(scan.stray.is_empty(), "{n} deep: {:?}", scan.stray.len());
    }
}

#[test]
fn quotes_with_one_part_hold_one() {
    let text = "“We will win,” she said. “Not now,” he said.\n\n“It runs on\n\n“and ends here.”";
    let scan = scan(text, &paragraphs(text));
    let parts: Vec<(usize, bool)> = scan
        .quotes
        .iter()
        .map(|q| (q.parts.len(), matches!(q.parts, Parts::One(_))))
        .collect();
    assert_eq!(parts, [(1, true), (1, true), (2, false)]);
}

#[test]
fn parts_iterate_like_a_slice() {
    let text = "“It runs on\n\n“and ends here.”";
    let scan = scan(text, &paragraphs(text));
    let mut inner = Vec::new();
    for part in &scan.quotes[0].parts {
        inner.push(&text[part.inner]);
    }
    assert_eq!(inner, ["It runs on", "and ends here."]);
}
