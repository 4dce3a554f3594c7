//! The `headline` sieve: a Title Case sentence, as headlines and decks write them, where
//! every word is capitalised and a reporting verb cannot be told from a name by its case:
//! `Zoe Saldana Asked Men Everywhere To “Redefine Masculinity.”` The name opening the
//! sentence, up to the first reporting verb, is the speaker.

use crate::lexicon::{Cues, Form};

use super::mentions::{MentionKind, name_starting_at};
use super::sieves::Found;
use super::words::Word;

/// The longest name the sieve takes before the verb (Recep Tayyip Erdogan Says).
const LONGEST_NAME: usize = 4;

/// Whether the words are written in Title Case: at least three words, and every word of
/// four letters or more starts with a capital (short words may not: "To", "of", "a").
pub fn is_title_case(words: &[Word<'_>]) -> bool {
    let long = words
        .iter()
        .filter(|w| w.text.chars().filter(|c| c.is_alphabetic()).count() >= 4);
    words.len() >= 3
        && long.clone().count() >= 2
        && long.clone().all(|w| w.text.starts_with(char::is_uppercase))
}

/// `before`: the narrator's words from the sentence start to the quote.
pub fn headline(before: &[Word<'_>]) -> Option<Found> {
    if !is_title_case(before) {
        return None;
    }
    let cues = Cues::get();
    let j = (1..before.len().min(LONGEST_NAME + 1)).find(|&j| {
        matches!(cues.form(before[j].text), Some(Form::Past | Form::Third))
            && before[..j].iter().all(|w| w.trailing.is_none())
    })?;
    let mention = name_starting_at(&before[..j], 0)?;
    if !matches!(mention.kind, MentionKind::Name(_)) || mention.span.end != before[j - 1].span.end {
        return None;
    }
    Some(Found {
        method: "headline",
        mention,
        cue: Some(before[j].span),
        confidence: 0.8,
        via: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::words::words;
    use crate::span::Span;

    fn lead(text: &str) -> Option<String> {
        let ws = words(text, Span::new(0, text.len()));
        headline(&ws).map(|f| text[f.mention.span].to_string())
    }

    #[test]
    fn a_title_case_headline_credits_the_name_before_its_verb() {
        assert_eq!(
            lead("Zoe Saldana Asked Men Everywhere To ").as_deref(),
            Some("Zoe Saldana")
        );
        assert_eq!(
            lead("Bernie Sanders Says Clinton Is Not Qualified To Be ").as_deref(),
            Some("Bernie Sanders")
        );
    }

    #[test]
    fn ordinary_sentences_and_headlines_without_a_speaker_do_not_fire() {
        // Sentence case: the other sieves read it.
        assert_eq!(lead("Zoe Saldana asked men everywhere to "), None);
        // A Title Case headline whose verb is not speech, or whose subject is no name.
        assert_eq!(lead("Donald Trump Wins New Hampshire With "), None);
        assert_eq!(lead("The Senate Passed A Bill Called "), None);
        // Two words are not a headline.
        assert_eq!(lead("Obama Said "), None);
    }
}
