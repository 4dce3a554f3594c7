//! Finding the cue of reported speech in a sentence: a verb of speech (said, argues,
//! warning), "according to", a noun of speech before "that" (the claim that), or "asked"
//! before whether, if, why, how or what. Each is one [`Cue`]; what it reports and who said
//! it are `extent.rs` and `speaker.rs`.

use crate::attribute::words::Word;
use crate::lexicon::{Form, speech_word};

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
/// speech, "according" or a form of "ask". One table look-up; most tokens are turned away
/// by their length or first byte.
#[inline]
pub fn may_be_cue(token: &str) -> bool {
    let bytes = token.as_bytes();
    if bytes.len() < 3 {
        return false;
    }
    // Every cue is lower case except "According"; an opening mark or bracket may lead.
    let core = if bytes[0].is_ascii_lowercase() || bytes[0] == b'A' {
        token.trim_end_matches(|c: char| !c.is_ascii_alphabetic())
    } else if bytes[0].is_ascii_alphanumeric() {
        return false;
    } else {
        token.trim_matches(|c: char| !c.is_alphabetic())
    };
    core.len() >= 3 && core.len() <= 16 && speech_word(core).is_some()
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
        let Some(sw) = speech_word(w) else {
            j += 1;
            continue;
        };
        if sw.according && words.get(j + 1).is_some_and(|n| n.text == "to") {
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
            && sw.noun
            && words.get(j + 1).is_some_and(|n| n.text == "that")
            && words[j].trailing.is_none()
            && (j == 0 || is_determiner_or_possessive(words[j - 1].text));
        let kind = if noun {
            Some(CueKind::Noun)
        } else if lower && let Some(form) = sw.verb {
            Some(CueKind::Verb(form))
        } else if lower
            && sw.ask.is_some()
            && words[j + 1..]
                .iter()
                .take(5)
                .any(|n| is_question_word(n.text))
        {
            Some(CueKind::Question)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push(Cue {
                at: j,
                len: 1,
                kind,
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
