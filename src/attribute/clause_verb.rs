//! The `trailing` sieve's fallback for verbs no lexicon lists: a quote that closes on a
//! comma, a question mark or an exclamation mark, followed by a short clause of a subject
//! and a past-tense verb that ends there, is attributed to that subject whatever the verb:
//! `“France will always be France,” an angry Hollande retaliated.`, `“Let me talk,” Trump
//! shot back.`, `“Q,” the nominee riffed on the answer.` News reaches for new speech verbs
//! faster than any list can follow; the clause's shape is the evidence, not the word.

use super::mentions::{MentionKind, mention_before};
use super::sieves::Found;
use super::words::{Word, is_adverb};

/// Irregular past forms that attribute with a particle after them (shot back, cut in).
const IRREGULAR: &[&str] = &["shot", "cut", "hit", "struck", "fought", "broke", "threw"];

/// Particles and prepositions that may follow the verb of a short attribution clause.
fn may_follow_verb(w: &str) -> bool {
    matches!(
        w,
        "back"
            | "in"
            | "on"
            | "with"
            | "at"
            | "after"
            | "before"
            | "while"
            | "when"
            | "during"
            | "about"
            | "up"
            | "off"
            | "out"
    ) || is_adverb(w)
}

/// Whether word `j` reads as a lower-case past-tense verb closing its clause: a regular
/// -ed form, or an irregular one with its particle (shot back).
fn is_closing_past_verb(words: &[Word<'_>], j: usize) -> bool {
    let w = words[j];
    if !w.text.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let next = words.get(j + 1);
    let closes = w.trailing.is_some() || next.is_none_or(|n| may_follow_verb(n.text));
    let regular = w.text.len() > 4 && w.text.ends_with("ed") && !w.text.ends_with("eed");
    let irregular = IRREGULAR.contains(&w.text)
        && w.trailing.is_none()
        && next.is_some_and(|n| matches!(n.text, "back" | "in"));
    closes && (regular || irregular)
}

/// `after`: the narrator's words from the quote's end to its sentence's end, the quote
/// having closed on `,` `?` or `!`. `exclaimed`: it closed on `?` or `!`, after which the
/// clause must end soon (a new sentence may have begun).
pub fn clause_verb(after: &[Word<'_>], exclaimed: bool) -> Option<Found> {
    // The subject opens the clause: a name, a pronoun or a short noun phrase, at most two
    // modifiers in (an angry Hollande), then at most one adverb before the verb.
    let limit = after.len().min(6);
    let j = (1..limit).find(|&j| is_closing_past_verb(after, j))?;
    if after[..j].iter().any(|w| w.trailing.is_some()) {
        return None;
    }
    let m = mention_before(after, j)?;
    let first = m.first_word(after)?;
    let before_subject_ok = after[..first].iter().all(|w| {
        matches!(w.text, "a" | "an" | "the")
            || (w.text.starts_with(|c: char| c.is_lowercase())
                && w.text.len() > 2
                && !is_adverb(w.text)
                && !matches!(
                    w.text,
                    "and"
                        | "but"
                        | "then"
                        | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "for"
                        | "with"
                        | "from"
                        | "into"
                        | "that"
                        | "which"
                        | "who"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                ))
    });
    if first > 2 || !before_subject_ok {
        return None;
    }
    if matches!(m.kind, MentionKind::Description) && first > 0 {
        return None;
    }
    // After ? or !: “Why now?” Trump shot back. — the clause is short, or it is a new
    // sentence of narration.
    if exclaimed && after.len() > j + 6 {
        return None;
    }
    Some(Found {
        method: "trailing",
        mention: m,
        cue: Some(after[j].span),
        confidence: 0.8,
        via: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn who(text: &str, exclaimed: bool) -> Option<String> {
        let ws = super::super::words::words(text, Span::new(0, text.len()));
        clause_verb(&ws, exclaimed).map(|f| text[f.mention.span].to_string())
    }

    #[test]
    fn an_unlisted_past_verb_closing_the_clause() {
        assert_eq!(
            who("an angry Hollande retaliated.", false).as_deref(),
            Some("Hollande")
        );
        assert_eq!(who("Trump shot back.", false).as_deref(), Some("Trump"));
        assert_eq!(
            who(
                "the vice-presidential nominee riffed on the non-answer, to applause.",
                false
            )
            .as_deref(),
            Some("the vice-presidential nominee")
        );
        assert_eq!(
            who("she fired back at reporters.", true).as_deref(),
            Some("she")
        );
    }

    #[test]
    fn not_a_clause_that_goes_on_or_is_not_an_attribution() {
        // The verb takes an object: narration, not an attribution.
        assert_eq!(
            who("the senator needed votes from both parties.", false),
            None
        );
        // A conjunction opens a clause of its own.
        assert_eq!(who("and then Trump walked off the stage.", false), None);
        // A long new sentence after a question mark.
        assert_eq!(
            who(
                "Nobody answered in the room for a long while after that exchange.",
                true
            ),
            None
        );
        // An irregular verb without its particle.
        assert_eq!(who("Trump shot the messenger.", false), None);
        // A noun phrase that is not the clause's subject.
        assert_eq!(who("in the end voters decided.", false), None);
    }
}
