//! Finding the cue of reported speech in a sentence: a verb of speech (said, argues,
//! warning), "according to", a noun of speech before "that" (the claim that), or "asked"
//! before whether, if, why, how or what. Each is one [`Cue`]; what it reports and who said
//! it are `extent.rs` and `speaker.rs`.

use crate::attribute::words::Word;
use crate::lexicon::{Form, is_reported_speech_noun, reported_speech_form};

/// What kind of cue a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A verb of speech in one of its forms: X said C, C, X argued.
    Verb(Form),
    /// according to X, C / C, according to X.
    AccordingTo,
    /// A noun of speech followed by "that": X's claim that C.
    Noun,
    /// ask before whether, if, why, how, what: X asked whether C.
    Question,
}

/// A cue at word `at` of a sentence's words; `len` words long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub at: usize,
    pub len: usize,
    pub kind: CueKind,
}

/// Whether a whitespace token could be a cue (checked on raw tokens before a sentence is
/// split into words, so most text is never split): its letters name a verb or noun of
/// speech, "according" or a form of "ask".
pub fn may_be_cue(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphabetic());
    if core.len() < 3 || core.len() > 16 {
        return false;
    }
    reported_speech_form(core).is_some()
        || ask_form(core).is_some()
        || core.eq_ignore_ascii_case("according")
        || is_reported_speech_noun(core)
}

/// The form of "ask" a word is.
fn ask_form(w: &str) -> Option<Form> {
    match w {
        "ask" => Some(Form::Base),
        "asks" => Some(Form::Third),
        "asked" => Some(Form::Past),
        "asking" => Some(Form::Ing),
        _ => None,
    }
}

/// Words that open an indirect question after "asked".
pub fn is_question_word(w: &str) -> bool {
    matches!(
        w,
        "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who"
    )
}

/// Every cue among `words`, in order.
pub fn cues(words: &[Word<'_>]) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut j = 0;
    while j < words.len() {
        let w = words[j].text;
        if w.eq_ignore_ascii_case("according") && words.get(j + 1).is_some_and(|n| n.text == "to") {
            out.push(Cue {
                at: j,
                len: 2,
                kind: CueKind::AccordingTo,
            });
            j += 2;
            continue;
        }
        // A verb is lower case: "Says" heads a headline, "Warning" a label.
        let lower = w.starts_with(|c: char| c.is_lowercase());
        // "his claim that", "the promise that": a noun, whatever verb it could be.
        let noun = lower
            && is_reported_speech_noun(w)
            && words.get(j + 1).is_some_and(|n| n.text == "that")
            && words[j].trailing.is_none()
            && (j == 0 || is_determiner_or_possessive(words[j - 1].text));
        if noun {
            out.push(Cue {
                at: j,
                len: 1,
                kind: CueKind::Noun,
            });
        } else if lower && let Some(form) = reported_speech_form(w) {
            out.push(Cue {
                at: j,
                len: 1,
                kind: CueKind::Verb(form),
            });
        } else if lower
            && ask_form(w).is_some()
            && words[j + 1..]
                .iter()
                .take(5)
                .any(|n| is_question_word(n.text))
        {
            out.push(Cue {
                at: j,
                len: 1,
                kind: CueKind::Question,
            });
        }
        j += 1;
    }
    out
}

/// Whether a word before a noun makes it one: an article, a possessive pronoun, or a
/// possessive (Trump’s claim).
pub fn is_determiner_or_possessive(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "The"
    ) || w.ends_with("’s")
        || w.ends_with("'s")
        || w.ends_with("s’")
}
