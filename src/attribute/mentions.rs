//! Mentions of speakers: names (with titles and particles), pronouns and descriptions; the
//! document's entities, whose canonical name is the fullest form the document gives; and
//! the subject of a sentence, which pronouns resolve to.

use crate::lexicon::Cues;
use crate::span::Span;

use super::words::{
    Gender, Word, is_adverb, is_common_capitalised, is_day, is_group_adjective, is_name_particle,
    is_name_word, is_title, pronoun, title_gender,
};

/// What a mention is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A name: its words without titles (Vladimir Putin, al-Jazeera).
    Name(Vec<String>),
    /// A personal pronoun, with the gender it carries when it carries one (he, she; not they).
    Pronoun(Option<Gender>),
    /// A description: the ad’s narrator, a spokesman, officials.
    Description,
}

/// A span of text that can name a speaker: a name, a pronoun or a description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the mention is (bytes).
    pub span: Span,
    /// Name, pronoun or description.
    pub kind: MentionKind,
    /// The gender the mention implies (a pronoun, a title, a first name), when it implies one.
    pub gender: Option<Gender>,
}

impl Mention {
    /// The word as a pronoun mention (he, she, it, they, I, we), if it is one.
    pub fn pronoun(w: &Word<'_>) -> Option<Mention> {
        pronoun(w.text).map(|g| Mention {
            span: w.span,
            kind: MentionKind::Pronoun(g),
            gender: g,
        })
    }

    /// The index in `words` of the mention's first word.
    pub fn first_word(&self, words: &[Word<'_>]) -> Option<usize> {
        words.iter().position(|w| w.span.start >= self.span.start)
    }

    /// The last word of `words` that ends within the mention: a description's head noun
    /// ("the IMF report" -> "report").
    pub fn head<'t>(&self, words: &[Word<'t>]) -> Option<&'t str> {
        words
            .iter()
            .rev()
            .find(|w| w.span.end <= self.span.end)
            .map(|w| w.text)
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "another", "one", "two", "several", "some",
    "many", "other", "my", "our", "your", "this", "these", "those",
];

/// Whether `w` (any case) is one of [`DETERMINERS`].
fn is_determiner(w: &str) -> bool {
    static SET: crate::lexicon::WordSet = crate::lexicon::WordSet::new(DETERMINERS);
    crate::lexicon::with_lowercase(w, |lower| SET.contains(lower))
}

/// The name run that ends at word `end` (inclusive), walking back over name words,
/// particles and titles.
pub fn name_ending_at(words: &[Word<'_>], end: usize) -> Option<Mention> {
    if !is_name_word(words[end].text)
        || is_common_capitalised(words[end].text)
        || is_group_adjective(words[end].text)
    {
        return None;
    }
    let mut start = end;
    while start > 0 {
        let w = words[start - 1];
        if w.trailing.is_some() {
            break;
        }
        if is_name_word(w.text) && !is_common_capitalised(w.text) || is_name_particle(w.text) {
            start -= 1;
        } else {
            break;
        }
    }
    // "Secretary of State John F. Kerry": the office's object is not part of the name.
    if start > 0 && words[start - 1].text == "of" && end - start >= 2 {
        start += 1;
    }
    Some(name_mention(&words[start..=end]))
}

/// The name run that starts at word `start`, walking forward.
pub fn name_starting_at(words: &[Word<'_>], mut start: usize) -> Option<Mention> {
    if !is_name_word(words[start].text) {
        return None;
    }
    // A group adjective alone is not a name: Republican claims, Democratic bigwigs.
    if is_group_adjective(words[start].text)
        && !words
            .get(start + 1)
            .is_some_and(|n| words[start].trailing.is_none() && is_name_word(n.text))
    {
        return None;
    }
    let mut end = start;
    while end + 1 < words.len() && words[end].trailing.is_none() {
        let w = words[end + 1];
        if is_name_word(w.text) && !is_common_capitalised(w.text)
            || (is_name_particle(w.text)
                && words.get(end + 2).is_some_and(|n| is_name_word(n.text)))
        {
            end += 1;
        } else {
            break;
        }
    }
    // Walking from "State" in "Secretary of State John F. Kerry", as above.
    if start > 0 && words[start - 1].text == "of" && end - start >= 2 {
        start += 1;
    }
    // "Head coach Marcus Bell": a capitalised word that opens a role ("Head", "Assistant")
    // before lower-case role nouns is the role's, and the name is the run after them.
    if end == start
        && words[start].trailing.is_none()
        && let Some(after) = role_nouns_end(words, start + 1)
        && is_name_word(words[after].text)
        && !is_common_capitalised(words[after].text)
    {
        return name_starting_at(words, after);
    }
    Some(name_mention(&words[start..=end]))
}

/// Where one or two lower-case role nouns starting at word `i` end ("coach", "board
/// chairman"): the index of the word after them, when they are followed by more words.
fn role_nouns_end(words: &[Word<'_>], i: usize) -> Option<usize> {
    let is_role = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.text.starts_with(|c: char| c.is_lowercase())
                && w.trailing.is_none()
                && crate::lexicon::is_role_noun(w.text)
        })
    };
    if !is_role(i) {
        return None;
    }
    let end = if is_role(i + 1) { i + 2 } else { i + 1 };
    (end < words.len()).then_some(end)
}

/// Where the person's name starts in a capitalised run from `from` on, past descriptors
/// glued in front of it: an outlet or organisation ("Fox News Sean Hannity", "Media
/// Research Center Brent Bozell"), a capitalised role ("New York Congressman Pete King",
/// "Ranking Democrat Dianne Feinstein") or an acronym ("Navy SEAL Ty Woods"). A role or an
/// acronym leaves at least two words (Dean Heller stays whole); an organisation word not
/// opening the run leaves one ("Media Research Center Bozell" is Bozell), but not one of
/// its own kind ("Wall Street Journal", "Ohio State University" are organisations whole).
/// A run written all in capitals (a headline) is left alone.
fn after_descriptor(run: &[Word<'_>], from: usize) -> usize {
    let n = run.len();
    if run
        .iter()
        .all(|w| w.text.chars().all(|c| !c.is_lowercase()))
    {
        return from;
    }
    // "Podesta Group CEO": a run ending in a role or an acronym names no one after it.
    let last = super::words::strip_possessive(run[n - 1].text);
    if crate::lexicon::with_lowercase(last, crate::lexicon::is_role_noun)
        || last.chars().all(|c| !c.is_lowercase())
    {
        return from;
    }
    let mut start = from;
    for k in from..n.saturating_sub(1) {
        let w = super::words::strip_possessive(run[k].text);
        let rest = n - k - 1;
        let capital = w.starts_with(char::is_uppercase);
        let org = k > from
            && super::is_place_or_org_word(w)
            && !run[k + 1..]
                .iter()
                .any(|x| super::is_place_or_org_word(super::words::strip_possessive(x.text)));
        let role =
            rest >= 2 && capital && crate::lexicon::with_lowercase(w, crate::lexicon::is_role_noun);
        let acronym = rest >= 2 && w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        if org || role || acronym {
            start = k + 1;
        }
    }
    start
}

fn name_mention(run: &[Word<'_>]) -> Mention {
    let gender = run.iter().find_map(|w| title_gender(w.text));
    // Everything up to the last title is title or nationality: Syrian President Bashar Assad;
    // group adjectives in front are not part of the name: Republican Donald Trump.
    let mut after_title = run
        .iter()
        .rposition(|w| is_title(w.text))
        .map_or(0, |p| p + 1);
    after_title = after_descriptor(run, after_title);
    while after_title + 1 < run.len() && is_group_adjective(run[after_title].text) {
        after_title += 1;
    }
    let names: Vec<String> = run[after_title..]
        .iter()
        .map(|w| w.text)
        .map(|t| super::words::strip_possessive(t).to_string())
        .collect();
    let names = if names.is_empty() {
        run.iter().map(|w| w.text.to_string()).collect()
    } else {
        names
    };
    Mention {
        span: Span::new(run[0].span.start, run[run.len() - 1].span.end),
        kind: MentionKind::Name(names),
        gender,
    }
}

/// The mention that ends just before word `at` (the cue), skipping adverbs and an
/// appositive set off by commas ("Erdogan, one of Hamas’s supporters, said").
pub fn mention_before(words: &[Word<'_>], at: usize) -> Option<Mention> {
    let m = mention_before_any(words, at)?;
    // "Protesters marching through the streets chanted": the object of a preposition is
    // not the verb's subject.
    let first = m.first_word(words)?;
    let object = first > 0
        && matches!(
            words[first - 1].text,
            "through"
                | "into"
                | "across"
                | "around"
                | "over"
                | "under"
                | "near"
                | "outside"
                | "inside"
                | "about"
                | "against"
                | "during"
                | "among"
                | "behind"
                | "toward"
                | "towards"
                | "on"
                | "in"
        );
    (!object).then_some(m)
}

fn mention_before_any(words: &[Word<'_>], at: usize) -> Option<Mention> {
    let mut i = at;
    loop {
        while i > 0 && is_adverb(words[i - 1].text) && words[i - 1].trailing.is_none() {
            i -= 1;
        }
        // A time between subject and verb: "who Beck on Wednesday called", "Trump last
        // week said".
        match time_phrase_ending_at(words, i) {
            Some(start) if start < i => i = start,
            _ => break,
        }
    }
    if i == 0 {
        return None;
    }
    let mut last = i - 1;
    // A parenthetical between name and verb: Rep. John Mica (R-Fla.) said
    if words[last].trailing == Some(')') {
        let open = (last.saturating_sub(6)..last)
            .rev()
            .find(|&j| words[j].trailing == Some('('))?;
        last = open;
        if words[last].trailing == Some('(') {
            return mention_at_end_or_of(words, last);
        }
    }
    if words[last].trailing == Some(',') {
        // An appositive: find the comma that opens it. An appositive may hold commas of
        // its own ("Cory James, 22, of Flint, Mich., said"): a head that is a number or
        // the object of a preposition is inside it, so the comma before is tried.
        let mut commas = (last.saturating_sub(12)..last)
            .rev()
            .filter(|&j| words[j].trailing == Some(','));
        let mut open = commas.next()?;
        let mut head = mention_at_end_or_of(words, open);
        if head.as_ref().is_some_and(|m| inside_appositive(words, m)) {
            for before in commas.take(3) {
                match mention_at_end_or_of(words, before) {
                    Some(m) if inside_appositive(words, &m) => continue,
                    Some(m) if matches!(m.kind, MentionKind::Name(_)) => {
                        open = before;
                        head = Some(m);
                        break;
                    }
                    None if words[before].text.starts_with(|c: char| c.is_ascii_digit()) => {
                        continue;
                    }
                    _ => break,
                }
            }
        }
        // "His former business partner, Lawrence Cummings, called": the name in apposition
        // to a description is the better mention of the two.
        if head
            .as_ref()
            .is_none_or(|m| matches!(m.kind, MentionKind::Description))
            && let Some(name) =
                name_starting_at(words, open + 1).filter(|n| n.span.end == words[last].span.end)
        {
            return Some(name);
        }
        return head;
    }
    if words[last].trailing.is_some() {
        return None;
    }
    mention_at_end_or_of(words, last).or_else(|| before_relative_clause(words, last))
}

/// Whether a mention found before an appositive's comma is a piece of a longer
/// appositive rather than its head: a place after "of" or "from" (", of Flint,"), an age
/// (", 22,"), a word after "in".
fn inside_appositive(words: &[Word<'_>], m: &Mention) -> bool {
    let Some(first) = m.first_word(words) else {
        return false;
    };
    let after_preposition = first > 0
        && matches!(
            words[first - 1].text,
            "of" | "from" | "in" | "at" | "for" | "with" | "near"
        );
    let number = words[first].text.starts_with(|c: char| c.is_ascii_digit());
    after_preposition || number
}

/// The mention before a relative clause that ends at `last`: "a White House official who
/// spoke anonymously to discuss internal strategy said".
fn before_relative_clause(words: &[Word<'_>], last: usize) -> Option<Mention> {
    let who = (last.saturating_sub(12)..last)
        .rev()
        .take_while(|&j| words[j].trailing.is_none() || j + 1 == last)
        .find(|&j| words[j].text == "who")?;
    if who == 0 || words[who - 1].trailing.is_some() {
        return None;
    }
    mention_at_end_or_of(words, who - 1)
}

/// Where a time phrase ending just before word `i` starts ("on Wednesday", "last week",
/// "Tuesday", "in 2010"), if one does.
fn time_phrase_ending_at(words: &[Word<'_>], i: usize) -> Option<usize> {
    let last = words.get(i.checked_sub(1)?)?;
    if last.trailing.is_some() {
        return None;
    }
    let t = last.text;
    let is_time = is_day(t)
        || matches!(
            t,
            "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "weekend"
        )
        || (t.len() == 4 && t.starts_with(['1', '2']) && t.bytes().all(|b| b.is_ascii_digit()));
    if !is_time {
        return None;
    }
    let mut start = i - 1;
    if start > 0
        && matches!(
            words[start - 1].text,
            "on" | "in" | "last" | "this" | "earlier" | "late" | "early" | "next" | "that"
        )
        && words[start - 1].trailing.is_none()
    {
        start -= 1;
    }
    Some(start)
}

/// The mention ending at `end`, or, when it is the object of "of", "at" or "from"
/// (Mr. Morgan of the Sierra Club), the mention before that preposition.
pub fn mention_at_end_or_of(words: &[Word<'_>], end: usize) -> Option<Mention> {
    let m = mention_at_end(words, end)?;
    let first = m.first_word(words)?;
    let mut k = first;
    if k > 0 && matches!(words[k - 1].text, "the" | "a") {
        k -= 1;
    }
    if k > 1
        && matches!(
            words[k - 1].text,
            "of" | "at" | "from" | "for" | "with" | "in"
        )
        && words[k - 2].trailing.is_none()
        && let Some(owner) = mention_at_end(words, k - 2)
        && match owner.kind {
            MentionKind::Name(_) => words[k - 1].text != "in",
            // "a narrator in the Clinton ad", "a spokesman for the campaign"
            MentionKind::Description => crate::lexicon::is_role_noun(words[k - 2].text),
            MentionKind::Pronoun(_) => false,
        }
    {
        return Some(owner);
    }
    Some(m)
}

fn mention_at_end(words: &[Word<'_>], end: usize) -> Option<Mention> {
    let w = words[end];
    // "Obama, who called the nominee “unfit”": the relative pronoun is the mention and
    // stands for the name it follows.
    if w.text == "who" && end > 0 {
        let k = end - 1;
        // "McConnell, now the Senate majority leader, who": past the appositive first.
        let antecedent = if let Some(m) = (words[k].trailing == Some(','))
            .then(|| mention_before(words, end))
            .flatten()
        {
            Some(m)
        } else if words[k].trailing == Some(',') {
            let mut copy = words[..=k].to_vec();
            copy[k].trailing = None;
            mention_before(&copy, k + 1)
        } else if words[k].trailing.is_none() {
            mention_at_end(words, k)
        } else {
            None
        };
        // A description keeps its own words (the speaker is "a young woman", not "who").
        return antecedent
            .filter(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
            .map(|m| match m.kind {
                MentionKind::Name(_) => Mention { span: w.span, ..m },
                _ => m,
            });
    }
    if let Some(m) = Mention::pronoun(&w) {
        return Some(m);
    }
    if let Some(m) = name_ending_at(words, end) {
        return Some(m);
    }
    description_ending_at(words, end)
}

/// How many words back a description's determiner may stand: "the former secretary of
/// state and current Democratic presidential nominee".
const DESCRIPTION_REACH: usize = 10;

/// A lower-case noun phrase ending at `end`: back to a determiner within a few words
/// (the ad’s narrator, a spokeswoman), or a bare plural (officials, sources).
fn description_ending_at(words: &[Word<'_>], end: usize) -> Option<Mention> {
    let w = words[end];
    // "63 percent said": a share of people polled.
    if matches!(w.text, "percent" | "%")
        && end > 0
        && words[end - 1]
            .text
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(Mention {
            span: Span::new(words[end - 1].span.start, w.span.end),
            kind: MentionKind::Description,
            gender: None,
        });
    }
    let group = super::words::is_group_adjective(w.text);
    // A cue word is a noun after a determiner or a name: "the IMF report", "a report".
    let noun_after_modifier = end > 0
        && words[end - 1].trailing.is_none()
        && (DETERMINERS.contains(&words[end - 1].text.to_lowercase().as_str())
            || is_name_word(words[end - 1].text));
    if !(w.text.chars().next().is_some_and(char::is_lowercase) || group)
        || (Cues::get().is_cue(w.text) && !noun_after_modifier)
        || is_function_word(w.text)
    {
        return None;
    }
    for start in (end.saturating_sub(DESCRIPTION_REACH)..=end).rev() {
        let t = words[start].text;
        // A noun phrase holds no clause: "an official who spoke on condition of anonymity"
        // ends before "who".
        if start < end
            && (words[start].trailing.is_some()
                || matches!(
                    t,
                    "who"
                        | "which"
                        | "that"
                        | "whom"
                        | "whose"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "have"
                        | "will"
                        | "would"
                )
                || Cues::get().form(t) == Some(crate::lexicon::Form::Past))
        {
            break;
        }
        let possessive =
            (t.ends_with("’s") || t.ends_with("'s") || t.ends_with("s’") || t.ends_with("s'"))
                && t.chars().next().is_some_and(char::is_uppercase);
        let determiner = is_determiner(t) || possessive;
        if determiner && start < end {
            // "Ivana Trump's brief": the whole possessive name.
            let start = if possessive {
                name_ending_at(words, start).map_or(start, |n| {
                    words
                        .iter()
                        .position(|w| w.span.start >= n.span.start)
                        .unwrap_or(start)
                })
            } else {
                start
            };
            return Some(Mention {
                span: Span::new(words[start].span.start, w.span.end),
                kind: MentionKind::Description,
                gender: None,
            });
        }
    }
    // A bare plural (officials, sources); a group's only at the clause start (Democrats
    // also blasted …), where it cannot be a modifier.
    let clause_start = end == 0 || words[end - 1].trailing.is_some();
    if !((!group || clause_start)
        && w.text.ends_with('s')
        && w.text.len() > 4
        && !w.text.ends_with("ss"))
    {
        return None;
    }
    // "federal prosecutors wrote", "senior administration officials said": up to two
    // lower-case modifiers before a plural that opens the clause belong to it.
    let modifier = |x: &Word<'_>| {
        x.trailing.is_none()
            && x.text.starts_with(|c: char| c.is_lowercase())
            && !is_function_word(x.text)
            && !is_determiner(x.text)
            && Cues::get().form(x.text).is_none()
            && !x.text.ends_with("ed")
    };
    let start = (end.saturating_sub(2)..end)
        .find(|&s| {
            (s == 0 || words[s - 1].trailing.is_some()) && words[s..end].iter().all(modifier)
        })
        .unwrap_or(end);
    Some(Mention {
        span: Span::new(words[start].span.start, w.span.end),
        kind: MentionKind::Description,
        gender: None,
    })
}

/// Words that cannot end a noun phrase.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "by" | "to"
            | "of"
            | "for"
            | "on"
            | "at"
            | "in"
            | "with"
            | "from"
            | "and"
            | "or"
            | "but"
            | "are"
            | "is"
            | "was"
            | "were"
            | "be"
            | "been"
            | "that"
            | "which"
            | "who"
            | "this"
            | "it"
            | "as"
            | "than"
            | "then"
            | "there"
            | "here"
            | "what"
            | "when"
            | "if"
            | "not"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
    ) || w.ends_with("ly")
}

/// The mention right after word `at` (an inverted cue: said Caddell, said a spokesman).
pub fn mention_after(words: &[Word<'_>], at: usize) -> Option<Mention> {
    // The agent of a passive: “Q” was written by Springsteen.
    let i = if words.get(at + 1).is_some_and(|w| w.text == "by") && words[at].trailing.is_none() {
        at + 2
    } else {
        at + 1
    };
    let w = *words.get(i)?;
    if let Some(m) = Mention::pronoun(&w) {
        return Some(m);
    }
    if let Some(m) = name_starting_at(words, i) {
        return Some(m);
    }
    // said 9/11 widow Terry Strada, said Clinton campaign spokesman Brian Fallon; but not
    // "suggests that Phoenix": a function word is no modifier.
    for k in i + 1..(i + 6).min(words.len()) {
        if is_function_word(words[k - 1].text) {
            break;
        }
        if words[k - 1].trailing.is_some() {
            break;
        }
        if let Some(m) = name_starting_at(words, k) {
            if !is_determiner(w.text) {
                return Some(m);
            }
            break;
        }
    }
    // said one of the organisers, said another, said someone in the crowd: an indefinite
    // source, with its "of" phrase up to the clause's end.
    let time_follows = words.get(i + 1).is_some_and(|n| {
        w.trailing.is_none()
            && matches!(
                n.text,
                "day" | "time" | "night" | "week" | "month" | "year" | "morning" | "evening"
            )
    });
    let of_follows = w.trailing.is_none() && words.get(i + 1).is_some_and(|n| n.text == "of");
    let alone = w.trailing.is_some() || i + 1 == words.len();
    if matches!(w.text, "one" | "another" | "someone" | "somebody")
        && !time_follows
        && (of_follows || alone)
    {
        let mut end = i;
        if of_follows {
            end = i + 1;
            while end + 1 < words.len()
                && end < i + 5
                && words[end].trailing.is_none()
                && !matches!(words[end + 1].text, "who" | "that" | "which")
            {
                end += 1;
            }
        }
        if end == i + 1 {
            end = i;
        }
        return Some(Mention {
            span: Span::new(w.span.start, words[end].span.end),
            kind: MentionKind::Description,
            gender: None,
        });
    }
    // said officials, according to aides: a bare plural of people.
    if w.text.ends_with('s') && crate::lexicon::is_role_noun(w.text) {
        return Some(Mention {
            span: w.span,
            kind: MentionKind::Description,
            gender: None,
        });
    }
    if is_determiner(w.text) {
        let mut end = i;
        while end + 1 < words.len() && end < i + 4 && words[end].trailing.is_none() {
            let n = words[end + 1].text;
            if matches!(
                n,
                "of" | "in" | "at" | "for" | "to" | "on" | "with" | "who" | "that"
            ) {
                break;
            }
            end += 1;
        }
        if end > i {
            return Some(Mention {
                span: Span::new(w.span.start, words[end].span.end),
                kind: MentionKind::Description,
                gender: None,
            });
        }
    }
    None
}

/// The noun phrase starting at word `start` up to the clause's end (at most six words):
/// "the party's bylaws", "a campaign aide". A name there is taken whole.
pub fn description_or_name_from(words: &[Word<'_>], start: usize) -> Option<Mention> {
    let mut end = start;
    while end + 1 < words.len() && end < start + 5 && words[end].trailing.is_none() {
        end += 1;
    }
    if end == start && words[start].trailing.is_none() {
        return None;
    }
    if let Some(m) = name_ending_at(words, end)
        && m.span.start >= words[start].span.start
        && words[start].text.ends_with("’s") | words[start].text.ends_with("'s")
    {
        return Some(m);
    }
    Some(Mention {
        span: Span::new(words[start].span.start, words[end].span.end),
        kind: MentionKind::Description,
        gender: None,
    })
}

/// Whether a word after a mention makes it a sentence subject.
fn is_verb_like(w: &str) -> bool {
    const VERBS: &[&str] = &[
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may",
        "might", "must", "should", "does", "did", "met", "said", "told", "made", "took", "gave",
        "went", "came", "led", "won", "lost", "ran", "sent", "spoke", "wrote", "held", "left",
        "became", "began", "saw", "knew", "thought", "felt", "kept", "brought", "bought", "put",
        "got", "set", "cut", "hit", "let", "struck", "stood", "drew", "sought",
    ];
    static VERB_SET: crate::lexicon::WordSet = crate::lexicon::WordSet::new(VERBS);
    let first_lower = w.chars().next().is_some_and(char::is_lowercase);
    first_lower
        && (VERB_SET.contains(w)
            || w.ends_with("ed")
            || Cues::get().is_cue(w)
            || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3))
}

/// The subject of the words (one sentence's narrator words, in order): the first mention
/// followed, after adverbs or an appositive, by a verb; else the first name. The second
/// value says whether the choice was a fallback among several names (ambiguous).
pub fn subject(words: &[Word<'_>]) -> Option<(Mention, bool)> {
    subject_found(words).map(|(m, how)| (m, how == How::Ambiguous))
}

/// The subject only when a verb confirms it ("a doctor had typed"), not a fallback.
pub fn subject_with_verb(words: &[Word<'_>]) -> Option<Mention> {
    subject_found(words).and_then(|(m, how)| (how == How::Verb).then_some(m))
}

/// Where the subject can start: after an opening prepositional phrase set off by a comma
/// ("In an interview with CNN, Trump continued"), whose names are not the subject.
pub fn opening_phrase_end(words: &[Word<'_>]) -> usize {
    let opens = words.first().is_some_and(|w| {
        matches!(
            w.text,
            "In" | "At"
                | "On"
                | "During"
                | "After"
                | "Before"
                | "Speaking"
                | "Asked"
                | "With"
                | "From"
                | "Under"
                | "Since"
                | "Following"
                | "Despite"
                | "Throughout"
                | "Over"
        )
    });
    if !opens {
        return 0;
    }
    words
        .iter()
        .take(25)
        .position(|w| w.trailing == Some(','))
        .map_or(0, |k| k + 1)
}

/// A lower-case noun phrase opening the clause at `i` and followed by its verb: "The
/// campaign put out", "A senior aide said". Names are found by the caller.
fn opening_description(words: &[Word<'_>], i: usize) -> Option<Mention> {
    let first = words.get(i)?;
    if !DETERMINERS.contains(&first.text.to_lowercase().as_str()) {
        return None;
    }
    for j in i + 1..words.len().min(i + 6) {
        let w = words[j].text;
        // "The Republican nominee": a group adjective modifies the description.
        if is_name_word(w) && !is_common_capitalised(w) && !is_group_adjective(w) {
            return None;
        }
        // An -s word is a verb only when it cannot be a plural noun of the phrase:
        // "The campaign officials said" vs "The governor's letter makes a case".
        let verb_s = || {
            Cues::get().is_cue(w)
                || words.get(j + 1).is_some_and(|n| {
                    DETERMINERS.contains(&n.text) || matches!(n.text, "that" | "to")
                })
        };
        let auxiliary = matches!(w, "was" | "is" | "has" | "does");
        if j > i + 1 && is_verb_like(w) && (!w.ends_with('s') || auxiliary || verb_s()) {
            // "This stigma was later reinforced by …": a passive subject says nothing.
            let mut next = j + 1;
            while next < words.len() && is_adverb(words[next].text) {
                next += 1;
            }
            if matches!(w, "was" | "were" | "is" | "are" | "been")
                && words.get(next).is_some_and(|n| n.text.ends_with("ed"))
            {
                return None;
            }
            // "The Republican nominee also outlined": adverbs before the verb are not
            // part of the phrase.
            let mut end = j - 1;
            while end > i + 1
                && (is_adverb(words[end].text)
                    || matches!(
                        words[end].text,
                        "do" | "does"
                            | "did"
                            | "can"
                            | "could"
                            | "should"
                            | "may"
                            | "might"
                            | "must"
                    ))
            {
                end -= 1;
            }
            return description_ending_at(words, end).filter(|m| m.span.start == first.span.start);
        }
        if words[j].trailing.is_some() {
            return None;
        }
    }
    None
}

/// The noun phrase a possessive name opens, when a verb follows it: "Ryan’s campaign
/// shrugged", "Clinton’s chief strategist said". `start` and `end` are the name's first and
/// last word; the phrase is one to three lower-case words without punctuation between them.
fn possessed_subject(words: &[Word<'_>], start: usize, end: usize) -> Option<Mention> {
    let mut k = end + 1;
    while k < words.len().min(end + 4)
        && words[k].text.chars().next().is_some_and(char::is_lowercase)
        && !is_verb_like(words[k].text)
    {
        // "Flint’s water infrastructure and …", "Podliska’s most explosive claim is": a
        // clause word ends the phrase, and a thing said makes the name the source.
        if words[k].trailing.is_some()
            || matches!(
                words[k].text,
                "and" | "or" | "but" | "that" | "which" | "who" | "of" | "to" | "in" | "on"
            )
            || crate::lexicon::is_speech_noun(words[k].text)
        {
            return None;
        }
        k += 1;
    }
    if k == end + 1 || !words.get(k).is_some_and(|v| is_verb_like(v.text)) {
        return None;
    }
    Some(Mention {
        span: Span::new(words[start].span.start, words[k - 1].span.end),
        kind: MentionKind::Description,
        gender: None,
    })
}

#[derive(PartialEq, Eq)]
enum How {
    Verb,
    OnlyName,
    Ambiguous,
}

fn subject_found(words: &[Word<'_>]) -> Option<(Mention, How)> {
    let mut names: Vec<(usize, Mention)> = Vec::new();
    let mut i = opening_phrase_end(words);
    if let Some(m) = opening_description(words, i) {
        return Some((m, How::Verb));
    }
    while i < words.len() {
        let w = words[i];
        let mention = if let Some(m) = Mention::pronoun(&w).filter(|_| w.text != "her") {
            Some((i, m))
        } else if is_name_word(w.text) && !(is_common_capitalised(w.text)) {
            let Some(m) = name_starting_at(words, i) else {
                i += 1;
                continue;
            };
            let len = words[i..]
                .iter()
                .take_while(|x| x.span.end <= m.span.end)
                .count();
            Some((i + len - 1, m))
        } else {
            None
        };
        let Some((end, m)) = mention else {
            i += 1;
            continue;
        };
        // "Ryan’s campaign shrugged off Trump’s comments": a possessive name is the
        // determiner of a noun phrase, which is the subject when a verb follows it; the
        // name itself never is ("Trump’s comments" is no clause).
        if matches!(m.kind, MentionKind::Name(_))
            && words[end].trailing.is_none()
            && super::words::strip_possessive(words[end].text).len() < words[end].text.len()
        {
            if let Some(d) = possessed_subject(words, i, end) {
                return Some((d, How::Verb));
            }
            // "Podliska’s most explosive claim is that …": the name's words are meant.
            let said = words[end + 1..words.len().min(end + 4)]
                .iter()
                .take_while(|w| w.text.chars().next().is_some_and(char::is_lowercase))
                .any(|w| crate::lexicon::is_speech_noun(w.text));
            if said {
                return Some((m, How::Verb));
            }
            names.push((end, m));
            i = end + 1;
            continue;
        }
        // What follows: adverbs, then a verb; or an appositive first.
        let mut j = end + 1;
        if words[end].trailing == Some(',') {
            if let Some(close) =
                (end + 1..words.len().min(end + 14)).find(|&k| words[k].trailing == Some(','))
            {
                j = close + 1;
            }
        } else if words[end].trailing.is_some() {
            names.push((end, m));
            i = end + 1;
            continue;
        }
        while j < words.len()
            && is_adverb(words[j].text)
            && !matches!(
                words[j].text,
                "has" | "had" | "have" | "was" | "is" | "would" | "will" | "did"
            )
        {
            j += 1;
        }
        if words.get(j).is_some_and(|v| is_verb_like(v.text)) {
            return Some((m, How::Verb));
        }
        names.push((end, m));
        i = end + 1;
    }
    let how = if names.len() > 1 {
        How::Ambiguous
    } else {
        How::OnlyName
    };
    names
        .into_iter()
        .find(|(_, m)| matches!(m.kind, MentionKind::Name(_)))
        .map(|(_, m)| (m, how))
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn ws(text: &str) -> Vec<Word<'_>> {
        words(text, Span::new(0, text.len()))
    }

    fn name(m: &Mention) -> String {
        match &m.kind {
            MentionKind::Name(n) => n.join(" "),
            MentionKind::Pronoun(_) => "PRONOUN".into(),
            MentionKind::Description => "DESC".into(),
        }
    }

    #[test]
    fn subject_skips_introductions_and_organisations() {
        let w = ws(
            "More recently, in the August 2023 Sky News interview, Assad rejected the idea of attempting to reconcile with Erdogan.",
        );
        assert_eq!(name(&subject(&w).unwrap().0), "Assad");
        let w = ws(
            "Erdogan, one of the world’s most vocal supporters of Hamas, publicly offered talks to Assad in remarks in July.",
        );
        assert_eq!(name(&subject(&w).unwrap().0), "Erdogan");
        let w = ws(
            "Russian strongman Vladimir Putin welcomed longtime Syrian dictator Bashar Assad to Syria on Wednesday evening.",
        );
        assert_eq!(name(&subject(&w).unwrap().0), "Vladimir Putin");
    }

    #[test]
    fn mention_before_a_cue() {
        let w = ws("SANA reported that Putin also highlighted");
        assert_eq!(name(&mention_before(&w, 5).unwrap()), "Putin");
        let w = ws("Rep. G.K. Butterfield, head of the caucus, said");
        assert_eq!(name(&mention_before(&w, 7).unwrap()), "G.K. Butterfield");
        let w = ws("the ad’s narrator says");
        assert_eq!(name(&mention_before(&w, 3).unwrap()), "DESC");
        let w = ws("Qatari outlet al-Jazeera reported");
        assert_eq!(name(&mention_before(&w, 3).unwrap()), "al-Jazeera");
    }

    #[test]
    fn mention_after_an_inverted_cue() {
        let w = ws("said Rep. G.K. Butterfield (D-N.C.), head of the caucus.");
        let m = mention_after(&w, 0).unwrap();
        assert_eq!(name(&m), "G.K. Butterfield");
        let w = ws("said a spokesman for the campaign");
        assert_eq!(name(&mention_after(&w, 0).unwrap()), "DESC");
    }
}
