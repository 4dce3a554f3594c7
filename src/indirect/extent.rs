//! The extent of reported content: the complement clause after a cue (X said (that) C),
//! the sentence before a trailing attribution (C, X said), the whole sentence around a
//! parenthetical one (C1, X said, C2), the rest after an opening "according to X,".
//! Word ranges within one sentence's words; "X said C1 and that C2" gives two.

use crate::attribute::words::{Word, is_adverb, is_day};
use crate::lexicon::{Form, reported_speech_form};
use crate::span::Span;

use super::cues::{Cue, CueKind, is_question_word};
use super::speaker::Shape;

/// Inclusive word ranges of the content.
pub type Ranges = Vec<(usize, usize)>;

/// Verbs whose content can be an infinitive: promised to C, vowed to C, claim to C.
fn takes_infinitive(w: &str) -> bool {
    let base = [
        "promis", "vow", "pledg", "agree", "claim", "swear", "swore", "sworn",
    ];
    base.iter().any(|b| w.starts_with(b))
}

/// Verbs with an addressee before the content: told reporters (that) C, warned voters C.
pub(super) fn takes_addressee(w: &str) -> bool {
    [
        "tell", "told", "warn", "remind", "assur", "promis", "inform", "urg", "ask",
    ]
    .iter()
    .any(|b| w.starts_with(b))
}

/// Object pronouns: told him C.
pub(super) fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "me" | "us" | "you" | "it")
}

/// Words that cannot open a reported clause right after the verb: said nothing, said so,
/// said in a statement (a preposition opens an adjunct, not content).
fn is_not_content_start(w: &str) -> bool {
    matches!(
        w,
        "nothing"
            | "so"
            | "yes"
            | "no"
            | "something"
            | "anything"
            | "otherwise"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "about"
            | "of"
            | "from"
            | "by"
            | "during"
            | "after"
            | "before"
            | "over"
            | "through"
            | "via"
            | "and"
            | "or"
            | "but"
            | "as"
            | "than"
            | "goodbye"
            | "hello"
            | "sorry"
            | "thanks"
    )
}

/// Time words an attribution clause carries before its content: said Tuesday C, said last
/// week that C.
fn is_time_word(w: &str) -> bool {
    is_day(w)
        || matches!(
            w,
            "recently"
                | "earlier"
                | "later"
                | "last"
                | "week"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
        )
}

/// Whether word `i` is "that" opening a clause, not a pronoun: "that has not occurred",
/// "that was" are subjects.
fn is_complementiser(words: &[Word<'_>], i: usize) -> bool {
    words.get(i).is_some_and(|w| w.text == "that")
        && words.get(i + 1).is_some_and(|n| {
            !matches!(
                n.text,
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "does"
                    | "did"
                    | "means"
                    | "meant"
                    | "includes"
                    | "included"
            )
        })
}

/// Where the content after a cue ending at word `k - 1` starts, if it does.
fn content_start(words: &[Word<'_>], cue: &Cue) -> Option<usize> {
    let verb = words[cue.at].text;
    let mut k = cue.at + cue.len;
    if cue.kind == CueKind::Noun {
        return (k < words.len()).then_some(k);
    }
    if cue.kind == CueKind::Question {
        return (k..words.len().min(k + 6)).find(|&i| is_question_word(words[i].text));
    }
    // A cue that ends its clause (said. / said:) reports nothing after itself.
    if words[k - 1]
        .trailing
        .is_some_and(|c| matches!(c, '.' | ';' | ':' | '?' | '!'))
    {
        return None;
    }
    while k < words.len() && is_adverb(words[k].text) && words[k].text != "that" {
        k += 1;
    }
    // pointed out (that) C, pointed to C: the particle belongs to the verb.
    if verb.starts_with("point")
        && words[k - 1].trailing.is_none()
        && words.get(k).is_some_and(|w| matches!(w.text, "out" | "to"))
    {
        k += 1;
    }
    // said (in a statement on Tuesday) that C: "that" within reach, nothing ending a
    // clause before it.
    let reach = words.len().min(k + 10);
    for (i, w) in words.iter().enumerate().take(reach).skip(k) {
        if is_complementiser(words, i) {
            return Some(i);
        }
        // "said he met Trump and that …": the content has started before this "that".
        let subject = crate::attribute::words::pronoun(w.text).is_some();
        if w.trailing
            .is_some_and(|c| matches!(c, '.' | ';' | ':' | '?' | '!'))
            || reported_speech_form(w.text).is_some()
            || matches!(w.text, "and" | "but")
            || subject
        {
            break;
        }
    }
    // said Tuesday C, said on Friday C, said last week C
    loop {
        if k < words.len() && is_time_word(words[k].text) {
            k += 1;
        } else if k + 1 < words.len() && words[k].text == "on" && is_time_word(words[k + 1].text) {
            k += 2;
        } else {
            break;
        }
    }
    let w = words.get(k)?;
    if w.text == "to" && takes_infinitive(verb) {
        return Some(k);
    }
    if takes_addressee(verb) {
        if is_object_pronoun(w.text) && words[k].trailing.is_none() {
            k += 1;
        } else if w.text.ends_with('s') && w.text.starts_with(|c: char| c.is_lowercase()) {
            // told reporters C, told voters C
            k += 1;
        } else if let Some(m) = crate::attribute::mentions::name_starting_at(words, k) {
            k = words.iter().rposition(|x| x.span.end <= m.span.end)? + 1;
        }
        let w = words.get(k)?;
        if w.text == "to" && words.get(k + 1).is_some() {
            // told them to C, warned him to C
            return Some(k);
        }
    }
    let w = words.get(k)?;
    if is_not_content_start(w.text) || w.text.starts_with(|c: char| !c.is_alphanumeric()) {
        return None;
    }
    Some(k)
}

/// Where content starting at word `start` ends, and where it splits: at ", according to",
/// at ", adding (that)" (the participle reports on its own), before "and that" (a second
/// content of the same cue).
fn content_end(words: &[Word<'_>], start: usize) -> Ranges {
    let mut out = Vec::new();
    let mut from = start;
    let mut i = start + 1;
    while i < words.len() {
        let w = words[i].text;
        let comma_before = words[i - 1].trailing == Some(',');
        if comma_before && (w == "according" || matches!(reported_speech_form(w), Some(Form::Ing)))
        {
            out.push((from, i - 1));
            return out;
        }
        if matches!(w, "and" | "but") && is_complementiser(words, i + 1) && i > from {
            out.push((from, i - 1));
            from = i + 1;
            i += 2;
            continue;
        }
        i += 1;
    }
    out.push((from, words.len() - 1));
    out
}

/// The content of a cue, as inclusive word ranges (each at least two words).
pub fn content(words: &[Word<'_>], cue: &Cue, shape: Shape) -> Ranges {
    let last = words.len().saturating_sub(1);
    let ranges = match shape {
        Shape::Leading => match content_start(words, cue) {
            Some(start) => content_end(words, start),
            None => Vec::new(),
        },
        Shape::Trailing { clause } if clause >= 1 => vec![(0, clause - 1)],
        Shape::Trailing { .. } => Vec::new(),
        Shape::Parenthetical => vec![(0, last)],
        Shape::Opening { end } if end < last => content_end(words, end + 1),
        Shape::Opening { .. } => Vec::new(),
    };
    ranges.into_iter().filter(|(a, b)| b > a).collect()
}

/// How far past its sentence a content may run on into a continued quotation (bytes).
const MAX_CONTINUATION: usize = 4096;

/// Two apostrophes typed for a quotation mark, as some archives print them, and not read
/// as one (the scanner's default): "''C,'' X said. ''D.''" reports C and D, one stretch of
/// what X said. A trailing content that closes such a quotation runs on to the end of the
/// next one when that opens the next sentence and closes the paragraph.
pub fn continued(text: &str, paragraph: Span, sentence_end: usize, content: Span) -> Span {
    let closes = text[content.end..]
        .trim_start_matches([',', '.', '?', '!'])
        .starts_with("''");
    if !closes || sentence_end >= paragraph.end {
        return content;
    }
    let rest = text[sentence_end..paragraph.end].trim();
    if rest.len() > MAX_CONTINUATION || rest.len() < 6 || !rest.starts_with("''") {
        return content;
    }
    let inner = &rest[2..];
    // One quotation to the paragraph's end: its closing marks are the only '' after the
    // opening ones.
    if inner.find("''") != Some(inner.len() - 2) {
        return content;
    }
    let inner_start = inner.as_ptr() as usize - text.as_ptr() as usize;
    let end = inner_start + inner.len() - 2;
    let end = inner_start
        + text[inner_start..end]
            .trim_end_matches(['.', ',', ' '])
            .len();
    Span::new(content.start, end.max(content.end))
}
