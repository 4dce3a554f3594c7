//! The attribution sieves, tried in order for each quote; the first that fires decides,
//! and its name becomes the record's `method`.
//!
//! - `trailing`: “Q,” X said / “Q,” said X / “Q,” X, the party's chairman, said / “Q” — X
//! - `leading`: X said: “Q” / X said, “Q” / X, a spokesperson, told reporters: “Q”
//! - `according_to`: according to X, “Q”
//! - `embedded`: the nearest reporting verb before the quote in its sentence, and that
//!   verb's subject: X called it “Q”; SANA reported that Putin also highlighted “Q” (Putin)
//! - `continuation` (in mod.rs): the next quote of an attributed speaker.

use crate::lexicon::Cues;
use crate::span::Span;

use super::mentions::{Mention, MentionKind, mention_after, mention_before};
use super::words::{Word, is_adverb, is_modal};

/// What a sieve found: the mention, the cue and how direct the evidence is.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The sieve's name (the record's `method`).
    pub method: &'static str,
    /// The mention the sieve credits with the quote.
    pub mention: Mention,
    /// The reporting verb or phrase, when there is one (bytes).
    pub cue: Option<Span>,
    /// How direct the evidence is, 0 to 1.
    pub confidence: f64,
    /// The outlet or document that relayed the words (“Q,” X said, according to CNN).
    pub via: Option<Span>,
}

/// `after`: the narrator's words from the quote's end to its sentence's end.
pub fn trailing(after: &[Word<'_>], dash: bool) -> Option<Found> {
    let cues = Cues::get();
    if after.is_empty() {
        return None;
    }
    // “Q,” said X / “Q,” reportedly said X
    let mut i = 0;
    while i < after.len() && is_adverb(after[i].text) {
        i += 1;
    }
    if i < after.len()
        && cues.is_cue(after[i].text)
        && cues.form(after[i].text) != Some(crate::lexicon::Form::Ing)
        && after[..i].iter().all(|w| w.trailing.is_none())
        && let Some(m) = mention_after(after, i)
    {
        return Some(Found {
            method: "trailing",
            mention: m,
            cue: Some(after[i].span),
            confidence: 0.95,
            via: None,
        });
    }
    // “Q,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said /
    // “Q,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said: a name opening the
    // clause, then an appositive, then the verb.
    if let Some(m) = mention_opening(after) {
        let end = after
            .iter()
            .position(|w| w.span.end >= m.span.end)
            .unwrap_or(0);
        if matches!(after[end].trailing, Some(',' | '(')) {
            let limit = after.len().min(end + 30);
            let closes_appositive = |j: usize| {
                after[j - 1]
                    .trailing
                    .is_some_and(|c| matches!(c, ',' | ')'))
            };
            if let Some(j) =
                (end + 1..limit).find(|&j| closes_appositive(j) && is_finite_cue(after, j, true))
            {
                return Some(Found {
                    method: "trailing",
                    mention: m,
                    cue: Some(after[j].span),
                    confidence: 0.9,
                    via: None,
                });
            }
        }
    }
    // “Q,” X said / “Q,” Tulsa police Chief Chuck Jordan said / “Q” for criminal behavior,
    // she said: the first verb of the sentence that is a cue, and the mention before it,
    // which must open the clause (or, for a name, stand close to its start).
    let limit = after.len().min(24);
    for j in 1..limit {
        if after[j - 1]
            .trailing
            .is_some_and(|c| matches!(c, '.' | '?' | '!' | ';'))
        {
            break;
        }
        // “Q” but to take the lead in advertising, says Evan Tracey: the inverted order
        // after a comma, closing the sentence.
        if after[j - 1].trailing == Some(',')
            && matches!(
                cues.form(after[j].text),
                Some(crate::lexicon::Form::Past | crate::lexicon::Form::Third)
            )
            && after[j].text.starts_with(|c: char| c.is_ascii_lowercase())
            && let Some(m) = mention_after(after, j)
            && !matches!(m.kind, MentionKind::Pronoun(_))
            && after
                .iter()
                .skip_while(|w| w.span.end <= m.span.end)
                .all(|w| !cues.is_cue(w.text))
        {
            return Some(Found {
                method: "trailing",
                mention: m,
                cue: Some(after[j].span),
                confidence: 0.85,
                via: None,
            });
        }
        if !is_finite_cue(after, j, false) {
            continue;
        }
        let m = mention_before(after, j)?;
        let first = m.first_word(after)?;
        let opens_clause = first == 0 || after[first - 1].trailing == Some(',');
        let named = !matches!(m.kind, MentionKind::Description);
        // "… in response, and he urged": a conjunction or subordinator before the mention
        // opens a clause of its own, not an attribution.
        let conjoined = first > 0
            && matches!(
                after[first - 1].text,
                "and"
                    | "but"
                    | "or"
                    | "while"
                    | "as"
                    | "after"
                    | "before"
                    | "when"
                    | "because"
                    | "since"
                    | "if"
                    | "though"
                    | "although"
                    | "until"
                    | "whether"
                    | "that"
                    | "which"
            );
        let close_enough = named
            && !conjoined
            && first <= 6
            && after[..first]
                .iter()
                .all(|x| x.trailing.is_none_or(|c| c != '.'));
        if opens_clause || close_enough {
            let confidence = if first == 0 { 0.95 } else { 0.85 };
            return Some(Found {
                method: "trailing",
                mention: m,
                cue: Some(after[j].span),
                confidence,
                via: None,
            });
        }
        return None;
    }
    // “Q” — X
    if dash && let Some(m) = super::mentions::name_starting_at(after, 0) {
        return Some(Found {
            method: "trailing_dash",
            mention: m,
            cue: None,
            confidence: 0.8,
            via: None,
        });
    }
    None
}

/// A name or pronoun at the very start of `words`.
fn mention_opening(words: &[Word<'_>]) -> Option<Mention> {
    Mention::pronoun(words.first()?).or_else(|| super::mentions::name_starting_at(words, 0))
}

/// A cue used as a finite verb: past forms anywhere, -s and base forms after a subject
/// (or, with `after_subject`, where the caller knows the subject), never -ing forms (a
/// tweet attacking…, a report noting…).
fn is_finite_cue(words: &[Word<'_>], j: usize, after_subject: bool) -> bool {
    use crate::lexicon::Form;
    let w = words[j].text;
    // “…!” Murphy, the head of Right to Rise USA, Tweeted.: after a subject, a capitalised
    // past form that closes the clause is the verb, not the start of a name.
    let closes_clause = words[j].trailing.is_some()
        || words
            .get(j + 1)
            .is_none_or(|n| n.text.starts_with(char::is_lowercase));
    let verb_case = w.chars().next().is_some_and(char::is_lowercase)
        || (after_subject && closes_clause && Cues::get().form(w) == Some(Form::Past));
    if !verb_case {
        return false;
    }
    match Cues::get().form(w) {
        Some(Form::Past) => true,
        Some(Form::Base | Form::Third) => after_subject || is_verb_use(words, j),
        _ => false,
    }
}

/// `before`: the narrator's words from the sentence start to the quote. Fires when the
/// quote follows a colon or comma after a cue near the end.
pub fn leading(before: &[Word<'_>], introduced: bool) -> Option<Found> {
    if !introduced || before.is_empty() {
        return None;
    }
    let cues = Cues::get();
    let n = before.len();
    // A colon can close a longer clause than a comma: He told his audience, to applause:
    let reach = if before[n - 1].trailing == Some(':') {
        10
    } else {
        5
    };
    for j in (n.saturating_sub(reach)..n).rev() {
        if cues.is_cue(before[j].text) && is_verb_use(before, j) {
            // Said Smith: / X, smiling, said: — the inverted order only right at the start
            // of a clause, and only for a name.
            let inverted = || {
                (j == 0 || before[j - 1].trailing == Some(','))
                    .then(|| mention_after(before, j))
                    .flatten()
                    .filter(|m| matches!(m.kind, MentionKind::Name(_)))
            };
            let m = if before[j].text.ends_with("ing")
                && j > 0
                && before[j - 1].trailing == Some(',')
            {
                super::mentions::subject(&before[..j]).map(|(m, _)| m)?
            } else {
                mention_before(before, j)
                    .or_else(inverted)
                    .or_else(|| conjoined_subject(before, j))?
            };
            return Some(Found {
                method: "leading",
                mention: m,
                cue: Some(before[j].span),
                confidence: 0.9,
                via: None,
            });
        }
    }
    None
}

/// The subject of a clause whose second verb is the cue: "I laughed and said," (from the
/// last comma before the cue).
fn conjoined_subject(before: &[Word<'_>], j: usize) -> Option<Mention> {
    if j == 0 || !matches!(before[j - 1].text, "and" | "then") {
        return None;
    }
    let start = before[..j]
        .iter()
        .rposition(|w| w.trailing == Some(','))
        .map_or(0, |c| c + 1);
    super::mentions::subject(&before[start..j - 1]).map(|(m, _)| m)
}

/// Whether [`according_to`] can fire on a sentence with this text: each of its patterns
/// needs one of these words ("put it", "per", "according to"). The caller skips splitting
/// the sentence into words when it cannot, so keep this in step with `according_to`.
pub fn according_to_possible(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.contains("put")
        || text.contains("per ")
        || memchr::memchr2_iter(b'a', b'A', bytes).any(|i| {
            bytes
                .get(i..i + 9)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"according"))
        })
}

/// "according to X", "as X put it" or ", per X" anywhere in the sentence's narrator
/// words.
pub fn according_to(sentence: &[Word<'_>]) -> Option<Found> {
    // "as a Homeland Security memo put it"
    if let Some(k) = sentence
        .windows(2)
        .position(|w| w[0].text == "put" && w[1].text == "it")
        && let Some(as_at) = (k.saturating_sub(8)..k)
            .rev()
            .find(|&i| sentence[i].text.eq_ignore_ascii_case("as"))
        && let Some(m) =
            mention_before(sentence, k).filter(|m| m.span.start > sentence[as_at].span.start)
    {
        return Some(Found {
            method: "according_to",
            mention: m,
            cue: Some(Span::new(sentence[k].span.start, sentence[k + 1].span.end)),
            confidence: 0.85,
            via: None,
        });
    }
    // ", per the party's bylaws": "per" before a determiner or a possessive name.
    if let Some(p) = sentence.windows(2).position(|w| {
        w[0].text == "per"
            && (matches!(w[1].text, "the" | "a" | "an")
                || w[1].text.ends_with("’s")
                || w[1].text.ends_with("'s"))
    }) && let Some(m) = super::mentions::description_or_name_from(sentence, p + 1)
    {
        return Some(Found {
            method: "according_to",
            mention: m,
            cue: Some(sentence[p].span),
            confidence: 0.8,
            via: None,
        });
    }
    let i = sentence
        .windows(2)
        .position(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")?;
    let m = mention_after(sentence, i + 1)?;
    Some(Found {
        method: "according_to",
        mention: m,
        cue: Some(Span::new(sentence[i].span.start, sentence[i + 1].span.end)),
        confidence: 0.9,
        via: None,
    })
}

/// The reporting verb that governs the quote, and its subject. Of the cues before the
/// quote in its sentence, the outermost wins: in "Maddow pointed out that Sanders refers
/// to it as “Q”" the quote is Maddow's report of Sanders's words, and hers to answer for.
/// A news report is the exception: in "SANA reported that Putin also highlighted “Q”" the
/// outlet is a conduit and the speaker is the subject of the verb nearest the quote.
/// Cues in an opening subordinate clause ("After Brown criticized Clinton, …") govern
/// nothing after it.
pub fn embedded(before: &[Word<'_>], sentence_subject: Option<&Mention>) -> Option<Found> {
    let cues = Cues::get();
    let governing: Vec<usize> = (0..before.len())
        .filter(|&j| {
            let w = before[j].text;
            w.chars().next().is_some_and(char::is_lowercase)
                && ((cues.is_cue(w) && is_verb_use(before, j) && !is_passive(before, j))
                    || is_phrase_verb(before, j))
                && !in_opening_subordinate_clause(before, j)
        })
        .collect();
    let &nearest = governing.last()?;
    // Whether the nearer verb's subject stands in a clause of its own, where it, not an
    // outer reporter, is the evidence:
    // - a relative clause: "DeSantis said he backs the bill, which he called “Q”" (its
    //   pronoun is the outer speaker again);
    // - a clause after a conjunction, with its own subject: "Ryan said he was “encouraged”
    //   and Trump calling it a “great meeting”".
    let nearest_stands_alone = governing.len() > 1
        && mention_before(before, nearest).is_some_and(|m| {
            let Some(at) = m.first_word(before) else {
                return false;
            };
            let relative = before[at].text == "who"
                || (at > 0
                    && matches!(before[at - 1].text, "which" | "whom")
                    && matches!(m.kind, MentionKind::Pronoun(_)));
            let conjoined = at > 0
                && (matches!(
                    before[at - 1].text,
                    "and" | "but" | "while" | "whereas" | "as" | "when" | "because"
                ) || before[at - 1].trailing == Some(';'));
            relative || conjoined
        });
    let outer = governing
        .iter()
        .copied()
        .find(|&j| j < nearest && !is_conduit(before[j].text) && !nearest_stands_alone)
        .and_then(|j| cue_subject(before, j, sentence_subject).map(|found| (j, found)))
        .filter(|(_, (m, _))| {
            !matches!(m.kind, MentionKind::Description)
                || is_people(m, before)
                || is_document(m, before)
        });
    let (j, (mention, confidence)) = match outer {
        Some(found) => found,
        None => (nearest, cue_subject(before, nearest, sentence_subject)?),
    };
    Some(Found {
        method: "embedded",
        mention,
        cue: Some(before[j].span),
        confidence,
        via: None,
    })
}

/// Whether the past-form cue at `j` is passive ("was widely ridiculed", "has been
/// called"): its subject is talked about, not talking.
fn is_passive(words: &[Word<'_>], j: usize) -> bool {
    if Cues::get().form(words[j].text) != Some(crate::lexicon::Form::Past) {
        return false;
    }
    let mut k = j;
    while k > 0 && words[k - 1].text.ends_with("ly") && words[k - 1].trailing.is_none() {
        k -= 1;
    }
    k > 0
        && words[k - 1].trailing.is_none()
        && matches!(
            words[k - 1].text,
            "was" | "were" | "been" | "be" | "being" | "is" | "are" | "get" | "got"
        )
}

/// Whether word `j` opens a multi-word cue whose first word is a verb (went on, pointed
/// out, weighed in: `multiword.txt`), which the single-word lexicon does not hold.
fn is_phrase_verb(words: &[Word<'_>], j: usize) -> bool {
    let first = words[j].text;
    if matches!(
        first,
        "in" | "according" | "as" | "told" | "said" | "wrote" | "put" | "puts"
    ) {
        return false;
    }
    // On the stack: this runs for every narrator word before a quote.
    let mut texts = [""; 4];
    let n = words.len().min(j + 4) - j;
    for (t, w) in texts.iter_mut().zip(&words[j..j + n]) {
        *t = w.text;
    }
    Cues::get().phrase_at(&texts[..n]).is_some()
}

/// A news report's verb: the outlet passes on someone else's words.
fn is_conduit(w: &str) -> bool {
    matches!(w, "reported" | "reports" | "report" | "reporting")
}

/// Whether a description names people rather than a thing (officials, the mayor, a
/// spokesman; not "a statement"): its head is a plural or a known role.
fn is_people(m: &Mention, words: &[Word<'_>]) -> bool {
    m.head(words).is_some_and(|w| {
        (w.ends_with('s') && !w.ends_with("ss")) || crate::lexicon::is_role_noun(w)
    })
}

/// Whether a description names a document that can say something: "Ivana Trump's brief
/// said", "the IMF report stated", "The statement noted".
fn is_document(m: &Mention, words: &[Word<'_>]) -> bool {
    m.head(words).is_some_and(crate::lexicon::is_speech_noun)
}

/// The subject of the cue at `j`, and how direct that evidence is. A cue after a
/// conjunction or comma ("and applauded", ", accusing") or an -ing cue after a noun ("issued
/// a statement saying") shares the clause's subject, which the caller supplies.
fn cue_subject(
    before: &[Word<'_>],
    j: usize,
    sentence_subject: Option<&Mention>,
) -> Option<(Mention, f64)> {
    use crate::lexicon::Form;
    let mut k = j;
    while k > 0 && is_adverb(before[k - 1].text) {
        k -= 1;
    }
    let conjoined = k == 0 || matches!(before[k - 1].text, "and" | "but" | "while");
    let after_comma = k > 0 && before[k - 1].trailing == Some(',');
    let aux = before[k.saturating_sub(1)].text;
    let progressive = matches!(aux, "is" | "was" | "are" | "were" | "been" | "be" | "am")
        || (super::words::pronoun(aux).is_some() && aux.contains(['’', '\'']));
    let participle = Cues::get().form(before[j].text) == Some(Form::Ing) && !progressive;
    if participle {
        // "…, adding": the clause's subject. "and Trump calling it": the name before it.
        // "issued a statement saying": not the document but the clause's subject.
        if !conjoined
            && !after_comma
            && let Some(m) = mention_before(before, j)
            && (!matches!(m.kind, MentionKind::Description) || is_people(&m, before))
        {
            return Some((m, 0.8));
        }
        if !conjoined && let Some((m, _)) = super::mentions::subject(&before[..k]) {
            return Some((m, 0.75));
        }
    } else if !conjoined && let Some(m) = mention_before(before, j) {
        // X said / X, who represents a district, said / X, the chairman, said
        return Some((m, 0.85));
    }
    Some((sentence_subject?.clone(), 0.75))
}

/// Whether word `j` sits in a clause that opens the sentence with a subordinating word and
/// closes with a comma before the quote's own clause: After X criticized Y, Z shot back.
fn in_opening_subordinate_clause(words: &[Word<'_>], j: usize) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let opener = matches!(
        first.text,
        "After"
            | "When"
            | "As"
            | "While"
            | "Since"
            | "Because"
            | "Although"
            | "Though"
            | "If"
            | "Before"
            | "Until"
            | "Once"
            | "Whether"
            | "Unless"
            | "With"
            | "Amid"
            | "Despite"
    );
    // "Following a swiftly called meeting, …": an opening prepositional phrase too.
    if j < super::mentions::opening_phrase_end(words) {
        return true;
    }
    // The clause runs to its first comma: a cue before it is inside.
    opener
        && !words[..j].iter().any(|w| w.trailing == Some(','))
        && words[j..].iter().any(|w| w.trailing == Some(','))
}

/// A quote introduced by a colon with no reporting verb: a name right before the colon is
/// a label (Rep. Trey Gowdy (R-S.C.): “Q”; … does not surprise pollster Daron Shaw: “Q”),
/// else the clause's subject is the source (Hoff's letter makes a libertarian case: “Q”).
pub fn colon(before: &[Word<'_>]) -> Option<Found> {
    let mut words = before.to_vec();
    let last = words.last_mut()?;
    if last.trailing == Some(':') {
        last.trailing = None;
    }
    let found = |mention, confidence| Found {
        method: "colon",
        mention,
        cue: None,
        confidence,
        via: None,
    };
    if let Some(m) =
        mention_before(&words, words.len()).filter(|m| matches!(m.kind, MentionKind::Name(_)))
    {
        return Some(found(m, 0.75));
    }
    // The subject of the clause the colon closes: "She became upset, so that I had to
    // change my answer:" is the writer's.
    let clause = words[..words.len() - 1]
        .iter()
        .rposition(|w| w.trailing == Some(',') || w.text == "that")
        .map_or(0, |k| k + 1);
    super::mentions::subject_with_verb(&words[clause..])
        .or_else(|| super::mentions::subject_with_verb(&words))
        .map(|m| found(m, 0.65))
}

/// A possessive name and a speech noun close before the quote, with no reporting verb in
/// the sentence to govern them: "Politifact did a fact-check on Donald Trump's claim that
/// there have been “Q”". (With a verb, "Clinton cited Trump's remarks as “Q”", the
/// verb's subject reports the words and [`embedded`] decides.)
pub fn possessive_noun(before: &[Word<'_>]) -> Option<Found> {
    let cues = Cues::get();
    if (0..before.len()).any(|j| {
        let w = before[j].text;
        cues.is_cue(w)
            && w.chars().next().is_some_and(char::is_lowercase)
            && is_verb_use(before, j)
            && !is_passive(before, j)
    }) {
        return None;
    }
    let n = before.len();
    let nouns = (n.saturating_sub(16)..n)
        .rev()
        .filter(|&j| crate::lexicon::is_speech_noun(before[j].text));
    // Up to two modifiers between the possessive and the noun: Bornstein's earlier missive.
    let owner = |noun: usize| {
        (noun.saturating_sub(3)..noun).rev().find_map(|k| {
            let w = before[k].text;
            let possessive = w.ends_with("’s") || w.ends_with("'s");
            if !possessive || before[k..noun].iter().any(|x| x.trailing.is_some()) {
                return None;
            }
            let m = super::mentions::name_ending_at(before, k)?;
            Some(Found {
                method: "possessive",
                mention: m,
                cue: Some(before[noun].span),
                confidence: 0.7,
                via: None,
            })
        })
    };
    nouns.into_iter().find_map(owner)
}

/// A partial quote in a sentence with no reporting verb belongs to the sentence's subject
/// when a verb confirms it: Cruz exhorted Republicans to “vote your conscience”; Trump
/// likened the refugees to a “vicious snake”.
pub fn subject_of_sentence(before: &[Word<'_>]) -> Option<Found> {
    let m = super::mentions::subject_with_verb(before)?;
    Some(Found {
        method: "sentence_subject",
        mention: m,
        cue: None,
        confidence: 0.6,
        via: None,
    })
}

/// Base and -s forms are often nouns ("a report", "the Islamic State", "a Donald Trump
/// tweet"): as cues they need a subject that agrees with them before them. A base form
/// follows I, you, we, they, a modal, "to" or a plural; an -s form a name, he, she, it or a
/// singular noun.
fn is_verb_use(words: &[Word<'_>], j: usize) -> bool {
    use crate::lexicon::Form;
    if matches!(
        Cues::get().form(words[j].text),
        Some(Form::Past | Form::Ing)
    ) {
        return true;
    }
    if j == 0 {
        return false;
    }
    let p = words[j - 1].text;
    let plural = p.ends_with('s') && !p.ends_with("ss") && p.len() > 3;
    crate::lexicon::with_lowercase(p, |lower| match Cues::get().form(words[j].text) {
        Some(Form::Past | Form::Ing) => true,
        Some(Form::Base) => {
            matches!(
                lower,
                "i" | "you" | "we" | "they" | "to" | "not" | "also" | "never" | "often" | "who"
            ) || is_modal(lower)
                || (plural && p.chars().next().is_some_and(char::is_lowercase))
        }
        Some(Form::Third) => {
            p.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    lower,
                    "he" | "she"
                        | "it"
                        | "who"
                        | "that"
                        | "which"
                        | "also"
                        | "never"
                        | "often"
                        | "still"
                        | "now"
                        | "repeatedly"
                )
                || (!plural
                    && p.chars().all(char::is_lowercase)
                    && p.len() > 1
                    && !matches!(
                        lower,
                        "their"
                            | "this"
                            | "that"
                            | "with"
                            | "from"
                            | "into"
                            | "than"
                            | "then"
                            | "to"
                            | "of"
                            | "in"
                            | "on"
                            | "at"
                            | "by"
                            | "as"
                            | "if"
                            | "or"
                            | "an"
                            | "so"
                            | "no"
                            | "up"
                            | "the"
                            | "and"
                            | "but"
                            | "for"
                            | "its"
                            | "his"
                            | "her"
                            | "our"
                            | "my"
                            | "your"
                            | "few"
                            | "many"
                            | "some"
                            | "all"
                            | "any"
                            | "more"
                            | "most"
                            | "other"
                            | "such"
                            | "these"
                            | "those"
                            | "several"
                            | "both"
                            | "each"
                            | "every"
                            | "new"
                            | "two"
                            | "three"
                    ))
        }
        None => false,
    })
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn ws(text: &str) -> Vec<Word<'_>> {
        words(text, Span::new(0, text.len()))
    }

    fn who(f: &Found, text: &str) -> String {
        match &f.mention.kind {
            MentionKind::Name(n) => n.join(" "),
            _ => text[f.mention.span].to_string(),
        }
    }

    #[test]
    fn trailing_name_then_cue() {
        let t = "Putin reportedly said.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "Putin");
        let t = "Erdogan, the Turkish president, said in November 2016.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "Erdogan");
        let t = "he told Sky News at the time, referring to the opposition.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "he");
    }

    #[test]
    fn trailing_cue_then_name() {
        let t = "said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus.";
        assert_eq!(
            who(&trailing(&ws(t), false).unwrap(), t),
            "G.K. Butterfield"
        );
        let t = "added a spokeswoman for the campaign.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "a spokeswoman");
    }

    #[test]
    fn trailing_name_with_appositive_and_parenthetical() {
        let t = "Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing, said in a statement.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "Scott Pruitt");
        let t = "Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "Jim Jordan");
    }

    #[test]
    fn trailing_ignores_participles_and_noun_phrases() {
        let t = "a Donald Trump tweet attacking a former Miss Universe.";
        assert!(trailing(&ws(t), false).is_none());
        let t = "but in the course of their report they could not resist pointing out that every shooting counts.";
        assert!(trailing(&ws(t), false).is_none());
    }

    #[test]
    fn trailing_does_not_fire_on_narration() {
        let t = "of the relationship between Moscow and Damascus.";
        assert!(trailing(&ws(t), false).is_none());
        let t = "and separatist Kurdish areas in addition to the territory controlled by Assad.";
        assert!(trailing(&ws(t), false).is_none());
    }

    #[test]
    fn leading_cue_and_colon() {
        let t = "The senator told reporters:";
        assert_eq!(who(&leading(&ws(t), true).unwrap(), t), "The senator");
        assert!(leading(&ws(t), false).is_none());
    }

    #[test]
    fn embedded_takes_the_governing_verb_not_the_outlet() {
        let t = "SANA reported that Putin also highlighted";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "Putin");
        let t = "In December, Qatari outlet al-Jazeera reported that Iran and the Hezbollah Lebanese terrorist organization had attempted to facilitate a";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "al-Jazeera");
    }

    #[test]
    fn embedded_takes_the_outer_reporter_of_a_report() {
        let t = "When the host pointed out that Warren refers to the plan as";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "the host");
        let t = "The governor said on Tuesday that it was";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "The governor");
        let t = "Schumer said Republicans had called the bill";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "Schumer");
    }

    #[test]
    fn embedded_outlet_reports_pass_on_the_words() {
        let t = "The Associated Press reported that the senator described the deal as";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "the senator");
    }

    #[test]
    fn embedded_participle_after_a_document_is_its_issuer() {
        let t = "Senator Mark Kelly issued a statement saying the vote";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "Mark Kelly");
        let t = "The campaign put out a press release calling the ad";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "The campaign");
    }

    #[test]
    fn embedded_skips_a_cue_in_an_opening_subordinate_clause() {
        let t = "After the governor criticized the bill during a debate, Pelosi called it";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "Pelosi");
    }

    #[test]
    fn colon_label_or_clause_subject() {
        let t = "Rep. Jim Jordan (R-Ohio):";
        assert_eq!(who(&colon(&ws(t)).unwrap(), t), "Jim Jordan");
        let t = "The result does not surprise Democratic pollster Celinda Lake:";
        assert_eq!(who(&colon(&ws(t)).unwrap(), t), "Celinda Lake");
        let t = "The governor's letter makes a blunt case:";
        assert_eq!(who(&colon(&ws(t)).unwrap(), t), "The governor's letter");
    }

    #[test]
    fn colon_does_not_fire_without_a_source() {
        let t = "Here are the numbers:";
        assert!(colon(&ws(t)).is_none());
    }

    #[test]
    fn leading_reaches_back_further_before_a_colon() {
        let t = "He told the crowd in Ohio, to loud applause:";
        assert_eq!(who(&leading(&ws(t), true).unwrap(), t), "He");
    }

    #[test]
    fn leading_skips_a_relative_clause() {
        let t = "A State Department official who spoke on condition of anonymity said Monday,";
        assert_eq!(
            who(&leading(&ws(t), true).unwrap(), t),
            "A State Department official"
        );
    }

    #[test]
    fn trailing_capitalised_description() {
        let t = "the Republican said this week.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "the Republican");
    }

    #[test]
    fn embedded_relative_pronoun_stands_for_its_name() {
        let t = "The rebuke came from Senator Susan Collins, who called the nominee";
        let f = embedded(&ws(t), None).unwrap();
        assert_eq!(&t[f.mention.span], "who");
        assert_eq!(who(&f, t), "Susan Collins");
        let t = "She said she supports the measure, which she called";
        let f = embedded(&ws(t), None).unwrap();
        assert_eq!(f.mention.span.start, t.rfind("she").unwrap());
    }

    #[test]
    fn embedded_complement_pronoun_defers_to_the_outer_subject() {
        let t = "The judge said she recalls the lawyer being";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "The judge");
    }

    #[test]
    fn embedded_contracted_pronoun_is_the_subject() {
        let t = "He’s claiming that the system is";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "He’s");
    }

    #[test]
    fn trailing_possessive_determiner_description() {
        let t = "my father often said.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "my father");
    }

    #[test]
    fn embedded_subject_with_a_relative_clause_and_a_comma() {
        let t = "The lawmaker, who represents a district in Albay province, said Trump's remarks";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "The lawmaker");
    }

    #[test]
    fn embedded_skips_a_time_between_subject_and_verb() {
        let t = "Much of the anger was aimed at Bannon, who Beck on Wednesday called";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "Beck");
    }

    #[test]
    fn embedded_conjoined_clause_keeps_its_own_subject() {
        let t = "Ryan said he was “very encouraged” and Trump calling it a";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "Trump");
    }

    #[test]
    fn embedded_cue_after_an_opening_subordinate_clause_counts() {
        let t = "As far as whether the senator still senses anger, the Vermont senator acknowledged that there are still";
        assert_eq!(
            who(&embedded(&ws(t), None).unwrap(), t),
            "the Vermont senator"
        );
    }

    #[test]
    fn embedded_relative_pronoun_after_an_appositive() {
        let t = "Obama has had a frosty relationship with McConnell, now the Senate majority leader, who in 2010 said the goal was to make Obama a";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "McConnell");
    }

    #[test]
    fn trailing_report_as_a_noun() {
        let t = "the IMF report stated.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "the IMF report");
    }

    #[test]
    fn trailing_does_not_take_a_conjoined_clause() {
        let t = "in response, and he urged the North to resume talks.";
        assert!(trailing(&ws(t), false).is_none());
        let t = "after she attacked law enforcement officers nationwide.";
        assert!(trailing(&ws(t), false).is_none());
    }

    #[test]
    fn possessive_speech_noun_names_the_source() {
        let t = "After the debate the site did a fact-check on Donald Trump's claim that there have been";
        assert_eq!(who(&possessive_noun(&ws(t)).unwrap(), t), "Donald Trump");
        let t = "Dr. Harold Bornstein's earlier missive on Trump drew laughs for its hyperbolic prediction that Trump would be";
        assert_eq!(
            who(&possessive_noun(&ws(t)).unwrap(), t),
            "Harold Bornstein"
        );
    }

    #[test]
    fn possessive_speech_noun_yields_to_a_reporting_verb() {
        let t = "At the debate, Clinton cited Trump's past remarks about the contestant as";
        assert!(possessive_noun(&ws(t)).is_none());
    }

    #[test]
    fn as_x_put_it_names_the_source() {
        let t = "the main requirement is a , as a Homeland Security memo put it.";
        assert_eq!(
            who(&according_to(&ws(t)).unwrap(), t),
            "a Homeland Security memo"
        );
    }

    #[test]
    fn trailing_does_not_take_a_complement_clause_or_a_participle() {
        let t = "suggests that Phoenix and its officers support the campaign.";
        assert!(trailing(&ws(t), false).is_none());
        let t = "comparing him favorably to President Obama.";
        assert!(trailing(&ws(t), false).is_none());
    }

    #[test]
    fn embedded_preposition_object_is_not_a_subject() {
        let t = "Protesters marching through the streets chanted";
        let subject = super::super::mentions::subject(&ws(t)).map(|(m, _)| m);
        let f = embedded(&ws(t), subject.as_ref()).unwrap();
        assert_eq!(who(&f, t), "Protesters");
    }

    #[test]
    fn embedded_a_document_reports_too() {
        let t = "However, Ivana Trump's brief said that was not her view and dismissed those reports as";
        assert_eq!(
            who(&embedded(&ws(t), None).unwrap(), t),
            "Ivana Trump's brief"
        );
    }

    #[test]
    fn leading_second_verb_of_a_clause() {
        let t = "Once, when my mother mentioned the devil to me, I laughed and said,";
        assert_eq!(who(&leading(&ws(t), true).unwrap(), t), "I");
    }

    #[test]
    fn embedded_a_share_of_those_polled() {
        let t = "However, 63 percent said Clinton was";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "63 percent");
    }

    #[test]
    fn embedded_skips_a_cue_in_an_opening_prepositional_phrase() {
        let t = "Following a swiftly called meeting, the Security Council issued a statement calling the test";
        let f = embedded(&ws(t), None).unwrap();
        assert_eq!(&t[f.cue.unwrap()], "calling");
    }

    #[test]
    fn passive_cue_does_not_govern() {
        let t = "Dr. Harold Bornstein's earlier missive on Trump was widely ridiculed for its prediction that Trump would be";
        assert!(embedded(&ws(t), None).is_none());
        assert_eq!(
            who(&possessive_noun(&ws(t)).unwrap(), t),
            "Harold Bornstein"
        );
    }

    #[test]
    fn trailing_passive_agent() {
        let t = "was written by Springsteen after the shooting.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "Springsteen");
    }

    #[test]
    fn according_to_a_long_description_before_a_name() {
        let t = "According to conservative talk radio host Rush Limbaugh, the move reeks of";
        assert_eq!(who(&according_to(&ws(t)).unwrap(), t), "Rush Limbaugh");
    }

    #[test]
    fn per_a_document_names_the_source() {
        let t = "it is prohibited when voting , per the party’s bylaws.";
        assert_eq!(who(&according_to(&ws(t)).unwrap(), t), "the party’s bylaws");
        let t = "shares rose $5 per share on Friday.";
        assert!(according_to(&ws(t)).is_none());
    }

    #[test]
    fn trailing_cue_after_a_short_noun() {
        let t = "a narrator in the Clinton ad asks.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "a narrator");
    }

    #[test]
    fn colon_takes_the_subject_of_the_clause_it_closes() {
        let t = "She became so upset, and started driving so erratically, that I had to change my answer:";
        assert_eq!(who(&colon(&ws(t)).unwrap(), t), "I");
    }

    #[test]
    fn a_cue_noun_after_a_quantifier_is_no_verb() {
        // The narrator's words around a quote: “…,” Sanders said, suggesting … including, “Q”
        let t = "Sanders said, suggesting a few questions, including,";
        assert_eq!(who(&leading(&ws(t), true).unwrap(), t), "Sanders");
    }

    #[test]
    fn embedded_multiword_cue_in_a_clause_of_its_own() {
        let t =
            "“You winning?” she said, but Kevin was drifting off again, and as Trump went on about";
        assert_eq!(who(&embedded(&ws(t), None).unwrap(), t), "Trump");
    }

    #[test]
    fn trailing_inverted_cue_after_a_comma() {
        let t =
            "but to take the lead in advertising, says Evan Tracey, a Republican media consultant.";
        assert_eq!(who(&trailing(&ws(t), false).unwrap(), t), "Evan Tracey");
    }

    #[test]
    fn embedded_does_not_take_a_noun_for_a_verb() {
        let t = "the Islamic State (ISIS), and resulted in Syria fracturing into rebel-controlled areas, the ISIS";
        assert!(embedded(&ws(t), None).is_none());
    }

    #[test]
    fn according_to_fires_only_where_it_is_possible() {
        for t in [
            "According to the Kremlin readout, Putin said",
            "as a Homeland Security memo put it, the program",
            "ACCORDING to the Kremlin readout, Putin said",
        ] {
            assert!(according_to(&ws(t)).is_some(), "{t}");
            assert!(according_to_possible(t), "{t}");
        }
        assert!(!according_to_possible("Putin said it was over."));
    }

    #[test]
    fn according_to_names_the_source() {
        let t = "According to the Kremlin readout, Putin said";
        assert_eq!(
            who(&according_to(&ws(t)).unwrap(), t),
            "the Kremlin readout"
        );
    }
}
