//! What kind of source a speaker is, the record's `speaker_type`: a person, a group of
//! people, an organisation, a document or medium, or a person the text does not name.
//!
//! Decided from the mention and the speaker it resolved to: a name is a person unless its
//! words make it an organisation ("the Justice Department", "CNN"); a description is a
//! document by its head noun ("the editorial"), an organisation ("the campaign"), a group
//! (a plural: "officials", "federal prosecutors"; "X and Y"), else an unnamed person ("a
//! spokesman", "the board chairman"); a pronoun takes the type of what it resolved to.

use crate::lexicon::{is_document_noun, is_organisation_noun};
use crate::record::SpeakerType;

use super::is_place_or_org_word;
use super::mentions::MentionKind;

/// The type of the source a mention of `kind` with words `mention` names, once resolved
/// to `speaker` (None when nobody was found).
pub(super) fn speaker_type(
    kind: &MentionKind,
    mention: &str,
    speaker: Option<&str>,
) -> Option<SpeakerType> {
    let speaker = speaker?;
    match kind {
        MentionKind::Name(_) => Some(name_type(speaker)),
        MentionKind::Description if speaker != mention => Some(name_type(speaker)),
        MentionKind::Description => Some(description_type(mention)),
        MentionKind::Pronoun(_) => {
            let resolved = name_type(speaker);
            let plural = matches!(
                mention.to_lowercase().as_str(),
                "they" | "them" | "their" | "we"
            );
            Some(if plural && resolved == SpeakerType::Person {
                SpeakerType::Group
            } else {
                resolved
            })
        }
    }
}

/// A name's type: an organisation when a word of it says so (Department, Post, Campaign)
/// or it is a short all-capital acronym (CNN, SANA); several people joined by "and"; else a
/// person.
fn name_type(name: &str) -> SpeakerType {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().any(|w| *w == "and" || *w == "&") && words.len() >= 3 {
        return SpeakerType::Group;
    }
    let acronym = words.len() == 1 && {
        let letters = words[0].chars().filter(|c| c.is_alphabetic()).count();
        (2..=6).contains(&letters) && words[0].chars().all(|c| !c.is_lowercase())
    };
    let org_word = words.iter().any(|w| {
        is_place_or_org_word(w)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && is_organisation_noun(&w.to_lowercase()))
    });
    let head = description_head(name).map(str::to_lowercase);
    let org_head = head.as_deref().is_some_and(is_organisation_noun);
    if acronym || org_word || org_head {
        SpeakerType::Organisation
    } else if head.as_deref().is_some_and(is_document_noun) {
        SpeakerType::Document
    } else {
        SpeakerType::Person
    }
}

/// The head noun of a description, lower case: its last word before any comma, without a
/// possessive ("the hospital's board chairman, who asked…" -> "chairman").
fn description_head(description: &str) -> Option<&str> {
    let head = description
        .split(',')
        .next()?
        .split_whitespace()
        .next_back()?;
    let head = head.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let head = head
        .strip_suffix("’s")
        .or_else(|| head.strip_suffix("'s"))
        .unwrap_or(head);
    (!head.is_empty()).then_some(head)
}

/// A description's type, from its head noun and its shape.
fn description_type(description: &str) -> SpeakerType {
    let lower = description.to_lowercase();
    let Some(head) = description_head(&lower) else {
        return SpeakerType::Unnamed;
    };
    if is_document_noun(head) {
        return SpeakerType::Document;
    }
    if is_organisation_noun(head) {
        return SpeakerType::Organisation;
    }
    let joined = lower.split_whitespace().any(|w| w == "and");
    let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    let collective = matches!(
        head,
        "people" | "police" | "staff" | "crowd" | "audience" | "public" | "both" | "others"
    );
    if joined || plural || collective {
        SpeakerType::Group
    } else {
        SpeakerType::Unnamed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn description(words: &str) -> Option<SpeakerType> {
        speaker_type(&MentionKind::Description, words, Some(words))
    }

    #[test]
    fn descriptions_of_documents_groups_organisations_and_unnamed_people() {
        // “…,” the editorial read. / The statement said … / a letter to donors
        assert_eq!(description("the editorial"), Some(SpeakerType::Document));
        assert_eq!(description("The statement"), Some(SpeakerType::Document));
        // Ryan’s campaign shrugged off Trump’s comments, telling reporters, “…”
        assert_eq!(
            description("Ryan’s campaign"),
            Some(SpeakerType::Organisation)
        );
        // federal prosecutors said … / officials with knowledge of the talks said
        assert_eq!(description("federal prosecutors"), Some(SpeakerType::Group));
        assert_eq!(description("the two"), Some(SpeakerType::Unnamed));
        assert_eq!(
            description("The hospital's board chairman, who asked not to be named"),
            Some(SpeakerType::Unnamed)
        );
        assert_eq!(description("a spokesman"), Some(SpeakerType::Unnamed));
        // Not a plural: a name-like head in -ss.
        assert_eq!(description("the boss"), Some(SpeakerType::Unnamed));
    }

    #[test]
    fn names_are_people_unless_their_words_say_organisation() {
        let name = |n: &str| speaker_type(&MentionKind::Name(vec![]), n, Some(n));
        assert_eq!(name("Bernie Sanders"), Some(SpeakerType::Person));
        assert_eq!(name("Kelly"), Some(SpeakerType::Person));
        assert_eq!(name("CNN"), Some(SpeakerType::Organisation));
        assert_eq!(name("The New York Post"), Some(SpeakerType::Organisation));
        assert_eq!(
            name("the Justice Department"),
            Some(SpeakerType::Organisation)
        );
        assert_eq!(name("Kelly and Daly"), Some(SpeakerType::Group));
    }

    #[test]
    fn pronouns_take_the_type_of_what_they_resolve_to() {
        let he = MentionKind::Pronoun(None);
        assert_eq!(
            speaker_type(&he, "she", Some("Hillary Clinton")),
            Some(SpeakerType::Person)
        );
        assert_eq!(
            speaker_type(&he, "they", Some("Tom Daly")),
            Some(SpeakerType::Group)
        );
        assert_eq!(
            speaker_type(&he, "it", Some("the Clinton campaign")),
            Some(SpeakerType::Organisation)
        );
        assert_eq!(speaker_type(&he, "I", None), None);
    }
}
