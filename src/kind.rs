//! What kind of quotation a quoted stretch is: `direct`, `partial` or `term`.
//!
//! - `direct`: someone's utterance set off as such: it starts a sentence, follows a colon
//!   or a cue and comma, or is itself sentence-like (capitalised and ending in . ? !).
//! - `partial`: a fragment of someone's words inside the narrator's sentence, where that
//!   sentence reports speech (a reporting verb or cue phrase).
//! - `indirect` (not a quoted stretch): reported speech without marks, found by
//!   `crate::indirect`.
//! - `term`: a scare quote, title or so-called word: inside a sentence that reports no
//!   speech, or marked by "so-called".
//!
//! Length alone never decides: “maturity” after "applauded the" is a partial quote, the
//! ISIS “caliphate” in a sentence without a cue is a term.

use serde::{Deserialize, Serialize};

use crate::lexicon::{Cues, Form};
use crate::sentence::sentence_around;
use crate::span::Span;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
/// What a quoted stretch is: an utterance, words inside the narrator's sentence, or a term.
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A quote that is a whole utterance ("“We will win,” Smith said.").
    #[default]
    Direct,
    /// Quoted words inside the narrator's sentence (called it “a farce”).
    Partial,
    /// A scare quote or a term being named, spoken by nobody (the “caliphate”).
    Term,
    /// Reported speech without quotation marks: the content of "X said (that) C" (the
    /// record's span is C). Found by `crate::indirect`, never by the scanner.
    Indirect,
}

impl Kind {
    /// The name the formats use (`direct`, `partial`, `term`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Term => "term",
            Kind::Indirect => "indirect",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        match s {
            "direct" => Ok(Kind::Direct),
            "partial" => Ok(Kind::Partial),
            "term" => Ok(Kind::Term),
            "indirect" => Ok(Kind::Indirect),
            other => Err(format!(
                "unknown kind {other:?} (expected direct, partial, term or indirect)"
            )),
        }
    }
}

/// Classifies the quote whose marks span `outer` and whose words span `inner`, inside
/// paragraph `para` of `text`.
pub fn classify(text: &str, para: Span, outer: Span, inner: Span) -> Kind {
    classify_in(text, sentence_around(text, para, outer), outer, inner)
}

/// [`classify`] with the quote's sentence (`sentence_around` its marks) already found.
pub fn classify_in(text: &str, sentence: Span, outer: Span, inner: Span) -> Kind {
    classify_with(text, sentence, outer, inner, &mut SentenceMemo::default())
}

/// How many words from a sentence's start the search for someone doing something before a
/// quote reads ([`is_someones_words`]): a subject comes early in its sentence, and a bound
/// lets the quotes of one long sentence share the answer.
const SUBJECT_WORDS: usize = 64;

/// What classifying works out per sentence, kept for the next quote of the same sentence
/// (quotes come in text order): a sentence of many quotes is read once, not once per quote.
#[derive(Default)]
pub struct SentenceMemo {
    /// The sentence, and whether it reports speech.
    reports: Option<(Span, bool)>,
    /// For a sentence start: where a `before` must reach for the first [`SUBJECT_WORDS`]
    /// words to be known, and whether they hold someone doing something.
    subject: Option<(usize, usize, bool)>,
}

impl SentenceMemo {
    fn reports_speech(&mut self, text: &str, sentence: Span) -> bool {
        match self.reports {
            Some((span, found)) if span == sentence => found,
            _ => {
                let found = reports_speech(&text[sentence]);
                self.reports = Some((sentence, found));
                found
            }
        }
    }

    /// Whether the first [`SUBJECT_WORDS`] words of `before` have a name or pronoun
    /// followed by its verb.
    fn someone_acts(&mut self, text: &str, before: Span) -> bool {
        use crate::attribute::mentions::{MentionKind, subject_with_verb};
        use crate::attribute::words::words_upto;

        if let Some((start, from, found)) = self.subject
            && start == before.start
            && before.end >= from
        {
            return found;
        }
        let (ws, complete_at) = words_upto(text, before, SUBJECT_WORDS);
        let found = subject_with_verb(&ws).is_some_and(|m| match m.kind {
            MentionKind::Name(_) | MentionKind::Pronoun(_) => true,
            // "Donald Trump’s campaign manager says he is “gratified”": a person's people.
            MentionKind::Description => text[m.span]
                .split_whitespace()
                .next()
                .is_some_and(|w| crate::attribute::words::strip_possessive(w).len() < w.len()),
        });
        if let Some(from) = complete_at {
            self.subject = Some((before.start, from, found));
        }
        found
    }
}

/// [`classify_in`], sharing what it works out per sentence through `memo`.
pub fn classify_with(
    text: &str,
    sentence: Span,
    outer: Span,
    inner: Span,
    memo: &mut SentenceMemo,
) -> Kind {
    let words = &text[inner];
    let before = text[sentence.start..outer.start].trim_end();
    let after = text[outer.end..sentence.end].trim_start();

    if ends_with_word(before, "so-called") || ends_with_word(before, "so called") {
        return Kind::Term;
    }
    let capitalised = words
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let sentence_like = capitalised && ends_sentence(words);
    let starts_sentence = before.is_empty() || before.ends_with(['—', '–', '(', '-']);
    let introduced = before.ends_with(':') || (before.ends_with(',') && capitalised);
    // Only "three or more" and "four or more" are asked: count no further than four.
    let word_count = words.split_whitespace().take(4).count();

    if sentence_like || introduced || (starts_sentence && (capitalised || word_count >= 4)) {
        return Kind::Direct;
    }
    // “Q,” X said, with the quote leading its sentence, was handled above; a capitalised
    // quote followed by its attribution mid-sentence is still an utterance.
    if capitalised && words.ends_with(',') && word_count >= 3 && reports_speech(after) {
        return Kind::Direct;
    }
    if memo.reports_speech(text, sentence)
        || is_someones_words(text, Span::new(sentence.start, outer.start), words, memo)
    {
        Kind::Partial
    } else {
        Kind::Term
    }
}

/// Signs, short of a reporting verb, that a quoted fragment is somebody's words: a
/// possessive just before it (Clinton’s “public option”, his “sex tape”), "as" before it
/// (going after Trump as “uniquely unacceptable and unfit”), three or more words that are
/// not a title, or a person doing something earlier in the sentence (a doctor had typed
/// “homicidal ideation.”). A scare quote has none of these: the ISIS “caliphate,”, the
/// Syrian “resistance” does not pose a threat.
fn is_someones_words(text: &str, before: Span, words: &str, memo: &mut SentenceMemo) -> bool {
    let lead = text[before].trim_end();
    let last_words: Vec<&str> = lead.rsplit(char::is_whitespace).take(3).collect();
    let possessive = last_words.iter().take(2).any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        w.ends_with("’s") || w.ends_with("'s") || matches!(w, "his" | "her" | "their")
    });
    let after_as = matches!(last_words.first(), Some(&"as"))
        || (matches!(last_words.first(), Some(&("a" | "an" | "the")))
            && matches!(last_words.get(1), Some(&"as")));
    let quoted: Vec<&str> = words.split_whitespace().collect();
    let title = quoted.len() >= 2
        && quoted
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let long = quoted.len() >= 3 && !title;
    if possessive || after_as || long {
        return true;
    }
    !title && memo.someone_acts(text, before)
}

/// Whether `s` contains a reporting verb used as a verb, or a cue phrase.
///
/// Past and -ing forms count wherever they stand (said, highlighted, accusing). Base and
/// -s forms are often nouns ("the Islamic State", "thanks to", "a report"), so they count
/// only after a subject-like word: a pronoun, a modal, "to", or a lower-case plural noun.
/// A capitalised cue word inside a sentence is part of a name.
pub fn reports_speech(s: &str) -> bool {
    let cues = Cues::get();
    let mut words = CueWords::new(s);
    let mut prev: Option<&str> = None;
    while let Some(w) = words.next() {
        if cues.starts_phrase(w) && phrase_at(cues, w, &words) {
            return true;
        }
        if let Some(form) = cues.form(w) {
            // A capitalised cue word inside a sentence is part of a name.
            let capitalised = prev.is_some() && w.chars().next().is_some_and(char::is_uppercase);
            let verb = match form {
                Form::Past | Form::Ing => true,
                Form::Base | Form::Third => prev.is_some_and(is_subject_like),
            };
            if verb && !capitalised {
                return true;
            }
        }
        prev = Some(w);
    }
    false
}

/// Words a phrase look-up reads without allocating: more than any cue phrase has.
const PHRASE_WINDOW: usize = 8;

/// Whether a multi-word cue starts at `first`, followed by what `rest` has left.
fn phrase_at(cues: &Cues, first: &str, rest: &CueWords<'_>) -> bool {
    if cues.longest_phrase() > PHRASE_WINDOW {
        let words: Vec<&str> = std::iter::once(first).chain(rest.clone()).collect();
        return cues.phrase_at(&words).is_some();
    }
    let mut window = [""; PHRASE_WINDOW];
    window[0] = first;
    let mut n = 1;
    for (slot, w) in window[1..].iter_mut().zip(rest.clone()) {
        *slot = w;
        n += 1;
    }
    cues.phrase_at(&window[..n]).is_some()
}

/// The words of `s` for cue look-ups: runs of letters, digits, hyphens and apostrophes
/// (what `s.split(|c| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))` gives,
/// less its empty pieces), looking at bytes where the text is ASCII.
#[derive(Clone)]
struct CueWords<'s> {
    s: &'s str,
    at: usize,
}

impl<'s> CueWords<'s> {
    fn new(s: &'s str) -> CueWords<'s> {
        CueWords { s, at: 0 }
    }

    /// Whether the char at byte `i` belongs to a word, and its length.
    #[inline]
    fn inside(&self, i: usize) -> (bool, usize) {
        let b = self.s.as_bytes()[i];
        if b < 0x80 {
            (b.is_ascii_alphanumeric() || b == b'-' || b == b'\'', 1)
        } else {
            let c = self.s[i..].chars().next().unwrap_or(' ');
            (is_word_char(c), c.len_utf8())
        }
    }
}

/// A non-ASCII char of a cue word: a letter or digit, or ’. The marks and dashes of news
/// text (“ ” ’ — …) are in Unicode's General Punctuation block, where nothing is a letter
/// or digit: they are answered without the Unicode tables.
#[inline]
fn is_word_char(c: char) -> bool {
    c == '’' || (!('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric())
}

impl<'s> Iterator for CueWords<'s> {
    type Item = &'s str;

    #[inline]
    fn next(&mut self) -> Option<&'s str> {
        let len = self.s.len();
        let start = loop {
            if self.at >= len {
                return None;
            }
            let (inside, n) = self.inside(self.at);
            if inside {
                break self.at;
            }
            self.at += n;
        };
        while self.at < len {
            let (inside, n) = self.inside(self.at);
            if !inside {
                break;
            }
            self.at += n;
        }
        Some(&self.s[start..self.at])
    }
}

/// Words after which a base or -s cue form is a verb: "he says", "officials say",
/// "will say", "to say", "Putin says".
fn is_subject_like(word: &str) -> bool {
    const SUBJECTS: &[&str] = &[
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "who",
        "that",
        "which",
        "to",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "does",
        "do",
        "also",
        "not",
        "never",
        "often",
        "later",
        "then",
        "still",
        "now",
        "repeatedly",
        "and",
        "but",
    ];
    static SET: crate::lexicon::WordSet = crate::lexicon::WordSet::new(SUBJECTS);
    crate::lexicon::with_lowercase(word, |lower| {
        SET.contains(lower)
            || word.chars().next().is_some_and(char::is_uppercase)
            || (lower.ends_with('s') && lower.len() > 3 && !lower.ends_with("ss"))
    })
}

fn ends_sentence(words: &str) -> bool {
    let trimmed = words.trim_end_matches(['”', '"', '’', '\'', ')', ' ']);
    trimmed.ends_with(['.', '?', '!', '…'])
        || trimmed.contains(". ")
        || trimmed.contains("? ")
        || trimmed.contains("! ")
}

fn ends_with_word(s: &str, word: &str) -> bool {
    s.len() >= word.len()
        && s.is_char_boundary(s.len() - word.len())
        && s[s.len() - word.len()..].eq_ignore_ascii_case(word)
        && s[..s.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::paragraphs;
    use crate::scan::scan;

    fn kinds(text: &str) -> Vec<Kind> {
        let paras = paragraphs(text);
        scan(text, &paras)
            .quotes
            .iter()
            .map(|q| {
                let p = q.parts[0];
                classify(text, paras[p.paragraph], p.outer, p.inner)
            })
            .collect()
    }

    #[test]
    fn a_shared_sentence_memo_gives_each_quote_its_own_kind() {
        let long_lead = "The senator, who spent the morning at a rally in the rain with \
            supporters from three counties and a brass band that played for an hour before \
            the speeches began and long after they ended, when the crowd had gone home and \
            the staff were stacking chairs in the gym of the old school on Main Street, ";
        for text in [
            "Trump called the deal “a disaster,” “a total disgrace” and “the worst ever,” he said."
                .to_string(),
            "Officials said the “caliphate” was gone. The “resistance” does not pose a threat."
                .to_string(),
            format!("{long_lead}called it “a very good day” and “a win.”"),
            "“a” ".repeat(3000),
        ] {
            let paras = paragraphs(&text);
            let quotes = scan(&text, &paras).quotes;
            let mut memo = SentenceMemo::default();
            for q in &quotes {
                let p = q.parts[0];
                let sentence = sentence_around(&text, paras[p.paragraph], p.outer);
                assert_eq!(
                    classify_with(&text, sentence, p.outer, p.inner, &mut memo),
                    classify_in(&text, sentence, p.outer, p.inner),
                    "{:?} in {text:.60}",
                    &text[p.outer.start..p.outer.end]
                );
            }
        }
    }

    /// `reports_speech` as it was written first: every word collected, then looked at.
    fn plain_reports_speech(s: &str) -> bool {
        let cues = Cues::get();
        let words: Vec<&str> = s
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        (0..words.len()).any(|i| {
            if cues.phrase_at(&words[i..]).is_some() {
                return true;
            }
            let w = words[i];
            let Some(form) = cues.form(w) else {
                return false;
            };
            if i > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            match form {
                Form::Past | Form::Ing => true,
                Form::Base | Form::Third => i > 0 && is_subject_like(words[i - 1]),
            }
        })
    }

    #[test]
    fn reports_speech_agrees_with_the_plain_reading() {
        let article = include_str!("../fixtures/articles/putin-assad.txt");
        let sentences = [
            "Assad offered only that he observed “complex transformation processes” in Russia.",
            "According to a statement from the Kremlin, the two met in March",
            "The aide said nothing. In a statement Friday",
            "In an interview with Fox, he Said it twice; officials say the plan works.",
            "The Islamic State, thanks to a report, says nothing; Sayed Kashua writes",
            "He insults Muslims and immigrants, and calls people “losers” at rallies.",
            "Putin Says, she Tweeted, TOLD reporters, according",
            "in a",
            "",
        ];
        let texts = sentences.iter().copied().chain(article.lines());
        let mut cases = 0;
        for text in texts {
            // Every suffix from a word start, so phrases and cues meet every position.
            for (at, _) in text
                .char_indices()
                .filter(|&(i, c)| c.is_alphanumeric() && (i == 0 || text.as_bytes()[i - 1] == b' '))
            {
                let s = &text[at..];
                assert_eq!(reports_speech(s), plain_reports_speech(s), "{s}");
                cases += 1;
            }
        }
        assert!(cases > 500, "{cases} cases");
    }

    #[test]
    fn word_chars_are_letters_digits_and_the_curly_apostrophe() {
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '’', "{c:?}");
        }
    }

    #[test]
    fn cue_words_split_as_the_char_rule_does() {
        for s in [
            "He said: “we’ll see,” and left -- 3 times (O'Brien) al-Assad’s",
            "Émile  répondit\u{a0}«\u{a0}non\u{a0}» ; l’homme—tant pis…",
            "",
            "   ",
            "x",
        ] {
            let by_char: Vec<&str> = s
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(CueWords::new(s).collect::<Vec<_>>(), by_char, "{s}");
        }
    }

    #[test]
    fn trailing_attribution_is_direct() {
        assert_eq!(
            kinds(
                "“Considering the current developments in the world, our meeting today is extremely important,” Assad said."
            ),
            [Kind::Direct]
        );
    }

    #[test]
    fn fragment_under_a_cue_is_partial() {
        assert_eq!(
            kinds(
                "Assad offered only that he observed “complex transformation processes” in Russia and Syria and applauded the “maturity” of the relationship."
            ),
            [Kind::Partial, Kind::Partial]
        );
    }

    #[test]
    fn scare_quote_without_a_cue_is_a_term() {
        assert_eq!(
            kinds("As of 2024, the “caliphate” has long fallen and Assad controls most of Syria."),
            [Kind::Term]
        );
        assert_eq!(
            kinds("The group's so-called “peace plan” was never published, officials said."),
            [Kind::Term]
        );
    }

    #[test]
    fn someones_words_without_a_reporting_verb_are_partial() {
        assert_eq!(
            kinds(
                "He made the criticism while showing support for Hillary Clinton’s “public option”, which would allow buying into Medicare."
            ),
            [Kind::Partial]
        );
        assert_eq!(
            kinds("Reid has been steadily pounding Trump as a “con artist” this year."),
            [Kind::Partial]
        );
        assert_eq!(
            kinds("On her discharge papers, a doctor had typed “homicidal ideation.”"),
            [Kind::Partial]
        );
        assert_eq!(
            kinds("Democrats went after Trump as “uniquely unacceptable and unfit” in the fall."),
            [Kind::Partial]
        );
    }

    #[test]
    fn a_coordinated_cue_is_a_verb() {
        assert_eq!(
            kinds("He insults Muslims and immigrants, and calls people “losers” at rallies."),
            [Kind::Partial]
        );
        assert_eq!(
            kinds(
                "Oz has been seen, as The New Yorker put it in a lengthy expose, as “the operator.”"
            ),
            [Kind::Partial]
        );
    }

    #[test]
    fn scare_quotes_and_titles_stay_terms() {
        assert_eq!(
            kinds(
                "While the war never technically ended, the Syrian “resistance” does not pose a threat."
            ),
            [Kind::Term]
        );
        assert_eq!(
            kinds(
                "The chaos resulted in Syria fracturing into rebel-controlled areas, the ISIS “caliphate,” and Kurdish areas."
            ),
            [Kind::Term]
        );
        assert_eq!(
            kinds("The bill, the “Justice Against Sponsors of Terrorism Act” passed in the fall."),
            [Kind::Term]
        );
    }

    #[test]
    fn colon_introduces_a_direct_quote() {
        assert_eq!(
            kinds("The senator put it bluntly: “We are not going anywhere.”"),
            [Kind::Direct]
        );
    }

    #[test]
    fn leading_quote_in_a_paragraph_is_direct() {
        assert_eq!(
            kinds(
                "“Hamas claimed to stand with the same resistance that bore the flag of the French occupation of Syria,” he told Sky News."
            ),
            [Kind::Direct]
        );
    }
}
