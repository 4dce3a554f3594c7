//! Who reported speech is attributed to, and the shape of the attribution clause, from
//! the cue: the subject before a verb (X said C), the mention after an inverted verb (C,
//! said X), the sentence's subject for a participle (…, saying C), the mention after
//! "according to", the possessive before a noun (X's claim that C). The mentions are the
//! attribution module's (`crate::attribute::mentions`), so a name, a pronoun or a
//! description is read the way it is for quotes.

use crate::attribute::mentions::{
    Mention, MentionKind, description_or_name_from, mention_after, mention_at_end_or_of,
    mention_before, name_ending_at, opening_phrase_end, subject,
};
use crate::attribute::sieves::Found;
use crate::attribute::words::{self, Gender, Word, is_adverb, is_day};
use crate::lexicon::Form;

use super::cues::{Cue, CueKind, is_determiner_or_possessive};
use super::extent::{is_object_pronoun, takes_addressee};

/// Where the reported content stands relative to the attribution clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// X said (that) C; X told Y (that) C; X asked whether C; X's claim that C: after the cue.
    Leading,
    /// C, X said / C, said X / C, according to X: before the clause, which starts at word
    /// `clause` (its comma is on the word before).
    Trailing { clause: usize },
    /// C1, X said, C2 / C1, according to X, C2: the clause interrupts the content, which
    /// is the whole sentence.
    Parenthetical,
    /// According to X, C: after the clause, which ends at word `end` (inclusive).
    Opening { end: usize },
}

/// The attribution of a cue: the finding for the resolver and the shape of the content.
pub struct Speaker {
    pub found: Found,
    pub shape: Shape,
    /// The relative pronoun the attribution rests on (Huckabee, who said C): it becomes
    /// the record's mention once the speaker is resolved through its antecedent.
    pub relative: Option<crate::span::Span>,
}

fn found(method: &'static str, mention: Mention, cue: &Cue, words: &[Word<'_>], c: f64) -> Found {
    let first = words[cue.at].span;
    let last = words[cue.at + cue.len - 1].span;
    Found {
        method,
        mention,
        cue: Some(crate::span::Span::new(first.start, last.end)),
        confidence: c,
        via: None,
    }
}

/// Forms of "be": a verb of speech after one is passive (he was told that C: the speaker
/// is someone else).
fn is_be(w: &str) -> bool {
    matches!(
        w,
        "was" | "were" | "is" | "are" | "be" | "been" | "being" | "’s"
    )
}

/// Words after an inverted or trailing cue that are only an adjunct of the attribution
/// clause (in a statement, on Tuesday, last week): the clause reports nothing after it.
fn is_adjunct_start(w: &str) -> bool {
    is_day(w)
        || matches!(
            w,
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "to"
                | "with"
                | "from"
                | "via"
                | "through"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "recently"
                | "when"
                | "while"
                | "as"
                | "of"
                | "for"
                | "by"
        )
        || (w.ends_with("ly") && w.len() > 4)
}

/// Prepositions: a word after one is its object, not a verb.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "from"
            | "by"
            | "about"
            | "into"
            | "over"
            | "under"
            | "after"
            | "before"
            | "during"
            | "against"
            | "among"
    )
}

/// Whether words before a comma are an opening phrase, not reported content: short and
/// opened by a preposition ("In a 1963 speech, he declared:").
fn opening_phrase(words: &[Word<'_>]) -> bool {
    words.len() <= 6
        && words.first().is_some_and(|w| {
            matches!(
                w.text,
                "In" | "At"
                    | "On"
                    | "During"
                    | "After"
                    | "Before"
                    | "With"
                    | "From"
                    | "Under"
                    | "Since"
                    | "Speaking"
                    | "Asked"
                    | "Last"
                    | "Earlier"
                    | "Later"
                    | "Then"
            )
        })
}

/// Where the attribution clause that starts with the cue (and an inverted mention) ends,
/// if all it has after that is an adjunct: the index of its last word, or None when it
/// goes on into reported content.
fn clause_end(words: &[Word<'_>], from: usize) -> Option<usize> {
    if from >= words.len() {
        return Some(words.len() - 1);
    }
    if words[from - 1]
        .trailing
        .is_some_and(|c| matches!(c, ',' | ';' | '—' | '–'))
    {
        return Some(from - 1);
    }
    if !is_adjunct_start(words[from].text) {
        return None;
    }
    // "at least six planes" is content; "at a rally" an adjunct.
    if words[from].text == "at" && words.get(from + 1).is_some_and(|w| w.text == "least") {
        return None;
    }
    let limit = words.len().min(from + 9);
    for (i, w) in words.iter().enumerate().take(limit).skip(from) {
        if w.text == "that" && i > from {
            return None;
        }
        if w.trailing
            .is_some_and(|c| matches!(c, ',' | ';' | '—' | '–'))
        {
            return Some(i);
        }
    }
    (words.len() <= limit).then(|| words.len() - 1)
}

/// The shape of a clause [`clause_start`, `end`]: trailing when it ends the sentence or
/// what follows it still belongs to the attribution (an appositive, a participle),
/// parenthetical when content follows it. `inverted`: the clause is "said X".
fn closing_shape(words: &[Word<'_>], clause_start: usize, end: usize, inverted: bool) -> Shape {
    let trailing = Shape::Trailing {
        clause: clause_start,
    };
    let Some(next) = words.get(end + 1) else {
        return trailing;
    };
    if attribution_goes_on(next.text, inverted) {
        trailing
    } else {
        Shape::Parenthetical
    }
}

/// Whether the word after an attribution clause's comma goes on with the attribution
/// rather than the content: "C, said X, a former aide" / "C, said X, who …" / "C, he
/// said, wiping sweat off his face". After "X said" an article or a preposition may open
/// the rest of the content (The argument would be aided, Devine said, by the calendar),
/// so only after an inverted "said X" is it read as an appositive; "including" goes on
/// with the content.
fn attribution_goes_on(w: &str, inverted: bool) -> bool {
    let participle = w.len() > 4
        && w.ends_with("ing")
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(w, "including" | "according" | "during" | "regarding");
    let appositive = matches!(
        w,
        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "whose" | "who" | "which" | "then"
    ) || w.ends_with("’s")
        || w.ends_with("'s")
        || w.starts_with(|c: char| c.is_ascii_digit());
    participle || (inverted && appositive)
}

/// The attribution of a verb cue at word `j`.
fn verb(words: &[Word<'_>], cue: &Cue, form: Form) -> Option<Speaker> {
    let j = cue.at;
    // "he was told C" is passive; "… how important the president is, said X" is not.
    if j > 0 && is_be(words[j - 1].text) && words[j - 1].trailing.is_none() {
        return None;
    }
    // "point" reports only with its particle (pointed out that C, points to C): "a
    // 14-point edge", "trails by three points" are the noun.
    if words[j].text.starts_with("point")
        && (words[j].trailing.is_some()
            || !words
                .get(j + 1)
                .is_some_and(|w| matches!(w.text, "out" | "to")))
    {
        return None;
    }
    let after_comma = j > 0 && words[j - 1].trailing == Some(',');
    // C, said X / C, said X, a former aide.
    if after_comma
        && form != Form::Ing
        && let Some(m) = mention_after(words, j)
    {
        let m_end = words
            .iter()
            .rposition(|w| w.span.end <= m.span.end)
            .unwrap_or(j);
        if let Some(end) = clause_end(words, m_end + 1) {
            return Some(Speaker {
                found: found("indirect_trailing", m, cue, words, 0.85),
                shape: closing_shape(words, j, end, true),
                relative: None,
            });
        }
    }
    // "the state where", "many reports": a base or -s form after a determiner, a
    // preposition or a number is a noun; but "say" is a noun only after a determiner
    // ("the final say"), and a poll's "Six in 10 say" is its verb.
    let say = matches!(words[j].text, "say" | "says");
    if matches!(form, Form::Base | Form::Third)
        && j > 0
        && (is_determiner_or_possessive(words[j - 1].text)
            || (!say && is_preposition(words[j - 1].text))
            || (!say && words[j - 1].text.starts_with(|c: char| c.is_ascii_digit())))
    {
        return None;
    }
    // …, saying C / while arguing that C: the sentence's subject speaks.
    if form == Form::Ing {
        let joined = j > 0
            && (after_comma
                || matches!(
                    words[j - 1].text,
                    "while" | "after" | "before" | "when" | "also" | "and" | "by"
                ));
        if !joined {
            return None;
        }
        let (m, _) = subject(&words[..j])?;
        return Some(Speaker {
            found: found("indirect_participle", m, cue, words, 0.75),
            shape: Shape::Leading,
            relative: None,
        });
    }
    // Huckabee, who said C: the relative pronoun, and its antecedent.
    let mut k = j;
    // "reportedly said", not "the rally, said": an adverb has no comma after it.
    while k > 0
        && is_adverb(words[k - 1].text)
        && !is_be(words[k - 1].text)
        && words[k - 1].trailing.is_none()
    {
        k -= 1;
    }
    if k > 0 && matches!(words[k - 1].text, "who" | "which") {
        let who = k - 1;
        // "Priebus, who has said C": the antecedent is the word before the comma, not the
        // head of an appositive the comma closes.
        let m = (who > 0 && words[who - 1].trailing == Some(','))
            .then(|| mention_at_end_or_of(words, who - 1))
            .flatten()
            .or_else(|| mention_before(words, who))?;
        return Some(Speaker {
            found: found("indirect_leading", m, cue, words, 0.75),
            shape: Shape::Leading,
            relative: Some(words[who].span),
        });
    }
    // "I can now say C", "she didn't say C": a modal or a negated auxiliary stands
    // between the subject and the verb (has, had, would, will are adverbs to the finders).
    while k > 0 && is_modal(words[k - 1].text) && words[k - 1].trailing.is_none() {
        k -= 1;
        while k > 0
            && is_adverb(words[k - 1].text)
            && !is_be(words[k - 1].text)
            && words[k - 1].trailing.is_none()
        {
            k -= 1;
        }
    }
    // Only a past form, and "say", are verbs often enough to take any words before
    // them as their subject: "reports", "claims", "states" are nouns as often.
    let fallback = || {
        (form == Form::Past || say)
            .then(|| clause_subject(words, k))
            .flatten()
    };
    let mut m = mention_before(words, k)
        .or_else(|| appositive_subject(words, k))
        .or_else(fallback)?;
    let mut first = m.first_word(words)?;
    // "the Times", "campaign officials": the noun phrase the mention ends, up to four
    // words before it with no punctuation between.
    let floor = first.saturating_sub(4);
    while first > floor
        && words[first - 1].trailing.is_none()
        && !opens_clause(words[first - 1].text)
        && !matches!(
            words[first - 1].text,
            "that" | "who" | "which" | "is" | "was" | "are" | "were" | "has" | "have" | "had"
        )
    {
        first -= 1;
    }
    if m.kind == MentionKind::Description {
        m.span = crate::span::Span::new(words[first].span.start, m.span.end);
    }
    // C, X said / C, X said in a statement / C1, X said, C2.
    if first > 0
        && words[first - 1].trailing == Some(',')
        && words[j].trailing != Some(':')
        && !opening_phrase(&words[..first])
        && let Some(end) = clause_end(words, j + 1 + addressee_len(words, j))
    {
        return Some(Speaker {
            found: found("indirect_trailing", m, cue, words, 0.85),
            shape: closing_shape(words, first, end, false),
            relative: None,
        });
    }
    Some(Speaker {
        found: found("indirect_leading", m, cue, words, 0.85),
        shape: Shape::Leading,
        relative: None,
    })
}

/// How many words the addressee of a verb of telling at word `j` takes when the
/// attribution clause goes on past it: "C, a spokesman told me", "C, he told reporters",
/// "C, an official told The New York Times".
fn addressee_len(words: &[Word<'_>], j: usize) -> usize {
    if words[j].trailing.is_some() || !takes_addressee(words[j].text) {
        return 0;
    }
    let Some(next) = words.get(j + 1) else {
        return 0;
    };
    if is_object_pronoun(next.text)
        || (next.text.ends_with('s') && next.text.starts_with(|c: char| c.is_lowercase()))
    {
        return 1;
    }
    let start = j + 1 + usize::from(next.text == "The" || next.text == "the");
    crate::attribute::mentions::name_starting_at(words, start)
        .and_then(|m| words.iter().rposition(|w| w.span.end <= m.span.end))
        .map_or(0, |last| last - j)
}

/// The name heading a subject whose appositive is too long for the mention finders:
/// "Stephen Moore, a conservative economist and former member of the editorial board,
/// said C". The name opens the clause and ends at its first comma; the verb at `k`
/// follows the appositive's closing comma.
fn appositive_subject(words: &[Word<'_>], k: usize) -> Option<Mention> {
    if k < 3 || words[k - 1].trailing != Some(',') {
        return None;
    }
    let mut start = opening_phrase_end(&words[..k]);
    if words.get(start).is_some_and(|w| opens_clause(w.text)) {
        start += 1;
    }
    let comma = (start..k - 1)
        .take(6)
        .find(|&i| words[i].trailing.is_some())
        .filter(|&i| words[i].trailing == Some(','))?;
    let m = name_ending_at(words, comma)?;
    (m.first_word(words)? <= start + 2).then_some(m)
}

/// Modals and the auxiliaries of a negated verb: "can say", "didn’t say", "won't say".
fn is_modal(w: &str) -> bool {
    let w = w
        .strip_suffix("n’t")
        .or_else(|| w.strip_suffix("n't"))
        .unwrap_or(w);
    words::is_modal(w) || matches!(w, "ca" | "wo" | "has" | "have" | "had")
}

/// Words that open a clause, before its subject: the subject of a cue starts after them.
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "while"
            | "when"
            | "after"
            | "because"
            | "if"
            | "as"
            | "since"
            | "though"
            | "although"
            | "where"
            | "whereas"
            | "so"
            | "But"
            | "And"
            | "While"
            | "When"
            | "After"
            | "As"
            | "Since"
            | "Though"
            | "Although"
            | "If"
    )
}

/// The most words a subject read from the clause's start may have: a poll's "Large
/// majorities of likely Republican voters in all four states say C".
const MAX_SUBJECT_WORDS: usize = 16;

/// The subject of a verb at word `k` (its adverbs skipped) that the mention finders do not
/// read: the subject of the clause before "and" (Rubio thanked Miami and said C), or the
/// words from the clause's start to the verb as a description (Sixty-six percent said C,
/// more than 4 in 10 said C).
fn clause_subject(words: &[Word<'_>], k: usize) -> Option<Mention> {
    if k == 0 {
        return None;
    }
    if matches!(words[k - 1].text, "and" | "then" | "but") && k >= 2 {
        let start = words[..k - 1]
            .iter()
            .rposition(|w| w.trailing.is_some_and(|c| matches!(c, ';' | ':' | '—')))
            .map_or(0, |c| c + 1);
        return subject(&words[start..k - 1]).map(|(m, _)| m);
    }
    let mut start = k;
    while start > 0 && k - start < MAX_SUBJECT_WORDS {
        let w = &words[start - 1];
        if w.trailing.is_some()
            || opens_clause(w.text)
            || matches!(w.text, "that" | "who" | "which")
        {
            break;
        }
        start -= 1;
    }
    if start == k {
        return None;
    }
    // The clause must start there: the sentence's start, a comma, or a subordinator.
    let opened = start == 0
        || words[start - 1]
            .trailing
            .is_some_and(|c| matches!(c, ',' | ';' | ':' | '—' | '–'))
        || opens_clause(words[start - 1].text);
    // A subject has a noun: a word of one letter or lower case only ("it also") is
    // left to the pronoun finder.
    (opened && k - start < MAX_SUBJECT_WORDS).then(|| Mention {
        span: crate::span::Span::new(words[start].span.start, words[k - 1].span.end),
        kind: MentionKind::Description,
        gender: None,
    })
}

/// The possessive before a noun cue (Trump’s claim, his assertion), as a mention.
fn possessor(words: &[Word<'_>], j: usize) -> Option<Mention> {
    let w = words.get(j.checked_sub(1)?)?;
    let pronoun = |gender: Option<Gender>| Mention {
        span: w.span,
        kind: MentionKind::Pronoun(gender),
        gender,
    };
    match w.text {
        "his" | "His" => Some(pronoun(Some(Gender::Male))),
        "her" | "Her" => Some(pronoun(Some(Gender::Female))),
        "their" | "Their" | "its" | "Its" => Some(pronoun(None)),
        t if t.ends_with("’s") || t.ends_with("'s") => {
            crate::attribute::mentions::name_ending_at(words, j - 1)
        }
        _ => None,
    }
}

/// Who a cue attributes its content to, and the shape of the clause.
pub fn speaker(words: &[Word<'_>], cue: &Cue) -> Option<Speaker> {
    match cue.kind {
        CueKind::Verb(form) => verb(words, cue, form),
        CueKind::Question => {
            let j = cue.at;
            if j > 0 && is_be(words[j - 1].text) {
                return None;
            }
            let m = mention_before(words, j)?;
            Some(Speaker {
                found: found("indirect_question", m, cue, words, 0.75),
                shape: Shape::Leading,
                relative: None,
            })
        }
        CueKind::Noun => {
            let m = possessor(words, cue.at)?;
            Some(Speaker {
                found: found("indirect_noun", m, cue, words, 0.7),
                shape: Shape::Leading,
                relative: None,
            })
        }
        CueKind::AccordingTo => {
            let i = cue.at;
            // according to exit polls, according to ouest-france.fr: any noun phrase.
            let m = mention_after(words, i + 1).or_else(|| source_phrase(words, i + 2))?;
            let m_end = words
                .iter()
                .rposition(|w| w.span.end <= m.span.end)
                .unwrap_or(i + 1);
            // The source runs on to the clause's comma: according to an email from the
            // president of the federation, C.
            let end = (m_end..words.len())
                .find(|&e| words[e].trailing.is_some_and(|c| matches!(c, ',' | ';')))
                .unwrap_or(words.len() - 1);
            let opens = i == 0
                || (i == 1 && words[0].trailing.is_none() && is_adverb_or_conj(words[0].text));
            let shape = if opens {
                Shape::Opening { end }
            } else if end + 1 >= words.len() || words[i - 1].trailing != Some(',') {
                Shape::Trailing { clause: i }
            } else {
                Shape::Parenthetical
            };
            Some(Speaker {
                found: found("indirect_according_to", m, cue, words, 0.85),
                shape,
                relative: None,
            })
        }
    }
}

/// The source after "according to" when it is no name or description the mention finders
/// read: "exit polls", "ouest-france.fr", "his Facebook profile". A bare singular noun
/// ("according to plan", "according to schedule") names no source.
fn source_phrase(words: &[Word<'_>], at: usize) -> Option<Mention> {
    let w = words.get(at)?;
    let bare = w.trailing.is_some() || at + 1 == words.len();
    if bare && !w.text.ends_with('s') && !w.text.contains('.') {
        return None;
    }
    description_or_name_from(words, at)
}

/// An opening connective before "according to": But, And, Yet, Also.
fn is_adverb_or_conj(w: &str) -> bool {
    matches!(w, "But" | "And" | "Yet" | "Also" | "So" | "Still" | "Now")
}
