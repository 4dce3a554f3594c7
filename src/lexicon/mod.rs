//! Word lists compiled in from the data files beside this module, so a journalist can read
//! and extend them: `cues.txt` (reporting verbs), `multiword.txt` (cue phrases),
//! `first_names.txt` (first names and their usual gender), `roles.txt` (nouns that name a
//! person by role), `speech_nouns.txt` (nouns for something said or written),
//! `documents.txt` (documents and media that can be a quote's source) and
//! `organisations.txt` (nouns for an organisation speaking as one); `reported_speech.txt`
//! and `reported_speech_nouns.txt` (verbs and nouns that report speech without quoting it).
//!
//! Each list can be extended at run time without rebuilding: files of the same names in a
//! directory given with `--lexicon DIR` (or `QUOTECHECK_LEXICON`) add their lines
//! ([`extra`]).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

pub mod extra;
mod table;
use extra::with_extra;
use table::{ExactMap, FoldMap};

const CUES: &str = include_str!("cues.txt");
const MULTIWORD: &str = include_str!("multiword.txt");
const FIRST_NAMES: &str = include_str!("first_names.txt");
const ROLES: &str = include_str!("roles.txt");
const SPEECH_NOUNS: &str = include_str!("speech_nouns.txt");
const DOCUMENTS: &str = include_str!("documents.txt");
const ORGANISATIONS: &str = include_str!("organisations.txt");
const REPORTED_SPEECH: &str = include_str!("reported_speech.txt");
const REPORTED_SPEECH_NOUNS: &str = include_str!("reported_speech_nouns.txt");

/// The words of a one-word-per-line data file (and of its extra lines, [`extra`]) as a
/// set, lower case, built the first time it is asked.
fn data_set(
    cell: &'static OnceLock<ExactMap<()>>,
    data: &'static str,
    list: &str,
) -> &'static ExactMap<()> {
    cell.get_or_init(|| {
        let data = with_extra(data, list);
        ExactMap::new(data_lines(&data).map(|w| (w.to_lowercase(), ())))
    })
}

/// Whether a lowercase noun names something said or written (claim, remarks, letter),
/// from `speech_nouns.txt`.
pub fn is_speech_noun(word: &str) -> bool {
    static NOUNS: OnceLock<ExactMap<()>> = OnceLock::new();
    data_set(&NOUNS, SPEECH_NOUNS, "speech_nouns.txt")
        .get(word)
        .is_some()
}

/// What a word can be in reported speech (`reported_speech.txt`,
/// `reported_speech_nouns.txt`, "ask" and "according"): one look-up answers all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpeechWord {
    /// A form of a verb of speech that reports what was said (said, argues, warning).
    pub verb: Option<Form>,
    /// A noun of something said whose content follows as a "that" clause (claim).
    pub noun: bool,
    /// A form of "ask", which reports a question (asked whether C).
    pub ask: Option<Form>,
    /// "according" (of "according to").
    pub according: bool,
}

/// The reported-speech words and, per first letter, the second letters they start with.
struct SpeechWords {
    map: FoldMap<SpeechWord>,
    /// Bit `j` of `pairs[i]`: some word starts with letters `i`, `j` (a = 0).
    pairs: [u32; 26],
}

fn speech_words() -> &'static SpeechWords {
    static WORDS: OnceLock<SpeechWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: FxHashMap<String, SpeechWord> = FxHashMap::default();
        for (w, form) in form_map(&with_extra(REPORTED_SPEECH, "reported_speech.txt")) {
            words.entry(w).or_default().verb = Some(form);
        }
        let nouns = with_extra(REPORTED_SPEECH_NOUNS, "reported_speech_nouns.txt");
        for w in data_lines(&nouns) {
            words.entry(w.to_lowercase()).or_default().noun = true;
        }
        for (w, form) in [
            ("ask", Form::Base),
            ("asks", Form::Third),
            ("asked", Form::Past),
            ("asking", Form::Ing),
        ] {
            words.entry(w.to_string()).or_default().ask = Some(form);
        }
        words.entry("according".to_string()).or_default().according = true;
        let mut pairs = [0u32; 26];
        for w in words.keys() {
            if let [a, b, ..] = w.as_bytes()
                && a.is_ascii_lowercase()
                && b.is_ascii_lowercase()
            {
                pairs[usize::from(a - b'a')] |= 1 << (b - b'a');
            }
        }
        SpeechWords {
            map: FoldMap::new(words),
            pairs,
        }
    })
}

/// Whether some reported-speech word starts with these two bytes (any ASCII case): a
/// check of two bytes that turns away most words of a text before any look-up.
#[inline]
pub fn may_start_speech_word(a: u8, b: u8) -> bool {
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    a.is_ascii_lowercase()
        && b.is_ascii_lowercase()
        && speech_words().pairs[usize::from(a - b'a')] & (1 << (b - b'a')) != 0
}

/// What `word` (any ASCII case) can be in reported speech, if anything.
#[inline]
pub fn speech_word(word: &str) -> Option<SpeechWord> {
    let bytes = word.as_bytes();
    if bytes.len() < 3 || !may_start_speech_word(bytes[0], bytes[1]) {
        return None;
    }
    speech_words().map.get(word).copied()
}

/// The form of a verb of speech that reports what was said without quoting it (said,
/// argues, warning), from `reported_speech.txt`, in any ASCII case.
pub fn reported_speech_form(word: &str) -> Option<Form> {
    speech_word(word).and_then(|w| w.verb)
}

/// Whether a lowercase noun names a document or medium that can be a quote's source
/// (statement, editorial, ad), from `documents.txt`.
pub fn is_document_noun(word: &str) -> bool {
    static NOUNS: OnceLock<ExactMap<()>> = OnceLock::new();
    data_set(&NOUNS, DOCUMENTS, "documents.txt")
        .get(word)
        .is_some()
}

/// Whether a lowercase noun names an organisation speaking as one (campaign,
/// administration, department), from `organisations.txt`.
pub fn is_organisation_noun(word: &str) -> bool {
    static NOUNS: OnceLock<ExactMap<()>> = OnceLock::new();
    data_set(&NOUNS, ORGANISATIONS, "organisations.txt")
        .get(word)
        .is_some()
}

/// Whether a lowercase noun names a person by role or office (mayor, spokeswoman, aide),
/// from `roles.txt`; a plural of one counts too.
pub fn is_role_noun(word: &str) -> bool {
    static ROLES_SET: OnceLock<ExactMap<()>> = OnceLock::new();
    let roles = data_set(&ROLES_SET, ROLES, "roles.txt");
    roles.get(word).is_some()
        || word
            .strip_suffix('s')
            .is_some_and(|w| roles.get(w).is_some())
}

/// The gender a first name usually carries (`true` for female), from `first_names.txt`.
pub fn first_name_is_female(name: &str) -> Option<bool> {
    static NAMES: OnceLock<ExactMap<bool>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        // Through a hash map, so that a name listed twice keeps its last gender (an extra
        // line overrides the compiled-in one).
        let data = with_extra(FIRST_NAMES, "first_names.txt");
        let names: FxHashMap<&str, bool> = data_lines(&data)
            .filter_map(|l| {
                let (g, n) = l.split_once(' ')?;
                Some((n.trim(), g == "f"))
            })
            .collect();
        ExactMap::new(names)
    });
    names.get(name).copied()
}

/// Which form of its verb a cue word is. Base and -s forms are often nouns too
/// ("the Islamic State", "thanks to", "a report"), so callers check their context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// say, tell
    Base,
    /// says, tells
    Third,
    /// said, told
    Past,
    /// saying, telling
    Ing,
}

/// The reporting-verb lexicon: every inflected form, lowercase.
pub struct Cues {
    forms: FoldMap<Form>,
    /// The multi-word cue phrases (`multiword.txt`), lower case.
    phrases: Vec<Vec<String>>,
    /// The phrases by their first word (ASCII lower case), in file order.
    phrase_starts: FoldMap<Vec<usize>>,
    /// The number of words of the longest phrase.
    longest_phrase: usize,
}

impl Cues {
    /// The lexicon built from the compiled-in lists (built once, then shared).
    pub fn get() -> &'static Cues {
        static CUES_CELL: OnceLock<Cues> = OnceLock::new();
        CUES_CELL.get_or_init(|| {
            Cues::parse(
                &with_extra(CUES, "cues.txt"),
                &with_extra(MULTIWORD, "multiword.txt"),
            )
        })
    }

    fn parse(verbs: &str, phrases: &str) -> Cues {
        let phrases = phrase_lines(phrases);
        Cues {
            forms: FoldMap::new(form_map(verbs)),
            phrase_starts: FoldMap::new(phrase_start_map(&phrases)),
            longest_phrase: phrases.iter().map(Vec::len).max().unwrap_or(0),
            phrases,
        }
    }

    /// Whether `word` (any case) is a form of a reporting verb.
    pub fn is_cue(&self, word: &str) -> bool {
        self.form(word).is_some()
    }

    /// The form of a reporting verb `word` (any case) is, if it is one.
    #[inline]
    pub fn form(&self, word: &str) -> Option<Form> {
        self.forms.get(word).copied()
    }

    /// Whether some multi-word cue starts with `word` (any case): only then can
    /// [`Cues::phrase_at`] find one at it.
    #[inline]
    pub fn starts_phrase(&self, word: &str) -> bool {
        self.phrase_starts.get(word).is_some()
    }

    /// The number of words of the longest multi-word cue: [`Cues::phrase_at`] reads no
    /// further than that.
    pub fn longest_phrase(&self) -> usize {
        self.longest_phrase
    }

    /// The number of words of the multi-word cue that `words` starts with, if any.
    pub fn phrase_at(&self, words: &[&str]) -> Option<usize> {
        // Only phrases starting with the first word can match (compared as
        // eq_ignore_ascii_case does: ASCII lower case on both sides).
        let starts = self.phrase_starts.get(words.first()?)?;
        starts
            .iter()
            .map(|&i| &self.phrases[i])
            .filter(|p| {
                p.len() <= words.len()
                    && p.iter().zip(words).all(|(a, b)| a.eq_ignore_ascii_case(b))
            })
            .map(Vec::len)
            .max()
    }
}

/// Every inflected form of the verbs of `cues.txt`, lower case.
fn form_map(verbs: &str) -> FxHashMap<String, Form> {
    let mut forms = FxHashMap::default();
    for line in data_lines(verbs) {
        let mut words = line.split_whitespace();
        let Some(base) = words.next() else { continue };
        let irregular: Vec<String> = words.map(str::to_lowercase).collect();
        let [base, third, past, ing] = inflect(base);
        forms.insert(base.clone(), Form::Base);
        forms.insert(third, Form::Third);
        forms.insert(ing, Form::Ing);
        // An irregular verb lists its own past forms ("say said"), which replace the
        // regular -ed form ("sayed" is a name, not a verb).
        if irregular.is_empty() {
            forms.insert(past, Form::Past);
        }
        for form in irregular {
            let f = if form.ends_with("ing") {
                Form::Ing
            } else {
                Form::Past
            };
            // A past form spelt like the base ("read read") is taken as the past: in news
            // "the statement read" is far commoner than a base form needing a subject.
            if form == base {
                forms.insert(form, f);
            } else {
                forms.entry(form).or_insert(f);
            }
        }
    }
    forms
}

/// The cue phrases of `multiword.txt`, lower case, one word per string.
fn phrase_lines(data: &str) -> Vec<Vec<String>> {
    data_lines(data)
        .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
        .collect()
}

/// The indices of `phrases` by their first word (ASCII lower case), in file order.
fn phrase_start_map(phrases: &[Vec<String>]) -> FxHashMap<String, Vec<usize>> {
    let mut starts: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, p) in phrases.iter().enumerate() {
        if let Some(first) = p.first() {
            starts
                .entry(first.to_ascii_lowercase())
                .or_default()
                .push(i);
        }
    }
    starts
}

/// A word list as a set, built the first time it is asked: a linear `contains` over a
/// list of a hundred-odd words ran for every capitalised word of a document. Case
/// matters; most words are turned away by one bit test (`ExactMap`).
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<ExactMap<()>>,
}

impl WordSet {
    /// A set over a sorted word list.
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is in the set (case-sensitive).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| ExactMap::new(self.words.iter().map(|&w| (w, ()))))
            .get(word)
            .is_some()
    }
}

/// Calls `f` with `word` lower-cased (`str::to_lowercase`), on the stack when the word is
/// short ASCII (nearly always), so hot look-ups do not allocate.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    let bytes = word.as_bytes();
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if bytes.len() > buf.len() {
        return f(&word.to_ascii_lowercase());
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    // ASCII in, ASCII out.
    f(std::str::from_utf8(&buf[..bytes.len()]).unwrap_or_default())
}

/// The non-comment, non-blank lines of a data file.
pub fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A verb's regular forms: base, -s, -ed, -ing (English spelling rules, no doubling).
fn inflect(base: &str) -> [String; 4] {
    let b = base.to_lowercase();
    let consonant_y = b.ends_with('y')
        && !b.ends_with("ay")
        && !b.ends_with("ey")
        && !b.ends_with("oy")
        && !b.ends_with("uy");
    let stem_y = &b[..b.len().saturating_sub(1)];
    let third = if consonant_y {
        format!("{stem_y}ies")
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| b.ends_with(e)) {
        format!("{b}es")
    } else {
        format!("{b}s")
    };
    let past = if consonant_y {
        format!("{stem_y}ied")
    } else if b.ends_with('e') {
        format!("{b}d")
    } else {
        format!("{b}ed")
    };
    let ing = if b.ends_with("ie") {
        format!("{}ying", &b[..b.len() - 2])
    } else if b.ends_with('e') && !b.ends_with("ee") {
        format!("{}ing", &b[..b.len() - 1])
    } else {
        format!("{b}ing")
    };
    [b, third, past, ing]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_follow_english_spelling() {
        assert_eq!(inflect("say"), ["say", "says", "sayed", "saying"]);
        assert_eq!(inflect("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(inflect("joke"), ["joke", "jokes", "joked", "joking"]);
        assert_eq!(
            inflect("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
    }

    #[test]
    fn lexicon_knows_news_cues() {
        let cues = Cues::get();
        for w in [
            "said",
            "Said",
            "told",
            "joked",
            "highlighted",
            "accusing",
            "applauded",
            "quipped",
            "tweeted",
            "wrote",
        ] {
            assert!(cues.is_cue(w), "{w}");
        }
        for w in ["the", "Syria", "ran", "meeting", "Sayed"] {
            assert!(!cues.is_cue(w), "{w}");
        }
    }

    /// News sentences with cue words in every case, cue look-alikes and non-ASCII words.
    const NEWS: &str = "“We are not going anywhere,” Sen. Mitch McConnell SAID on Tuesday, \
        adding that Democrats Told him so. According to a statement released by the White \
        House, the President Tweeted it. In a statement Friday, officials said the U.S. \
        would respond; Sayed Said declined to comment, Émile répondit, l’homme a-t-il dit? \
        The aide SAYS she'd said it in an interview with Fox, PRESSED by reporters who \
        pointed out the so-called “peace plan”. Acknowledging Denies quipping WARNED";

    fn news_words() -> Vec<&'static str> {
        NEWS.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn form_agrees_with_a_hash_map_of_lowercased_words() {
        let cues = Cues::get();
        let plain = form_map(CUES);
        let keys: Vec<String> = plain.keys().cloned().collect();
        let upper: Vec<String> = keys.iter().map(|k| k.to_ascii_uppercase()).collect();
        let words = news_words()
            .into_iter()
            .chain(keys.iter().map(String::as_str))
            .chain(upper.iter().map(String::as_str));
        for w in words {
            assert_eq!(
                cues.form(w),
                plain.get(&w.to_ascii_lowercase()).copied(),
                "{w}"
            );
        }
    }

    #[test]
    fn phrase_at_agrees_with_a_search_of_every_phrase() {
        let cues = Cues::get();
        let plain = |words: &[&str]| {
            cues.phrases
                .iter()
                .filter(|p| {
                    p.len() <= words.len()
                        && p.iter().zip(words).all(|(a, b)| a.eq_ignore_ascii_case(b))
                })
                .map(Vec::len)
                .max()
        };
        let words = news_words();
        for i in 0..words.len() {
            assert_eq!(
                cues.phrase_at(&words[i..]),
                plain(&words[i..]),
                "{}",
                words[i]
            );
        }
        for p in &cues.phrases {
            let words: Vec<&str> = p.iter().map(String::as_str).chain(["Friday"]).collect();
            assert_eq!(cues.phrase_at(&words), Some(p.len()), "{p:?}");
        }
    }

    #[test]
    fn word_sets_agree_with_hash_sets() {
        use rustc_hash::FxHashSet;
        const TITLES: &[&str] = &["Mr.", "Sen.", "President", "Gov.", "Mr.", "said", "U.S."];
        static SET: WordSet = WordSet::new(TITLES);
        let plain: FxHashSet<&str> = TITLES.iter().copied().collect();
        let speech: FxHashSet<&str> = data_lines(SPEECH_NOUNS).collect();
        let roles: FxHashSet<&str> = data_lines(ROLES).collect();
        let names: FxHashMap<&str, bool> = data_lines(FIRST_NAMES)
            .filter_map(|l| l.split_once(' ').map(|(g, n)| (n.trim(), g == "f")))
            .collect();
        let words = news_words()
            .into_iter()
            .chain([
                "Mr.",
                "mr.",
                "Sen.",
                "",
                "statement",
                "remarks",
                "mayors",
                "aide",
            ])
            .chain(speech.iter().chain(&roles).chain(names.keys()).copied());
        for w in words {
            assert_eq!(SET.contains(w), plain.contains(w), "{w}");
            assert_eq!(is_speech_noun(w), speech.contains(w), "{w}");
            let role = roles.contains(w) || w.strip_suffix('s').is_some_and(|s| roles.contains(s));
            assert_eq!(is_role_noun(w), role, "{w}");
            assert_eq!(first_name_is_female(w), names.get(w).copied(), "{w}");
        }
    }

    #[test]
    fn first_names_carry_gender() {
        assert_eq!(first_name_is_female("Hillary"), Some(true));
        assert_eq!(first_name_is_female("Donald"), Some(false));
        assert_eq!(first_name_is_female("Putin"), None);
    }

    #[test]
    fn multiword_cues() {
        let cues = Cues::get();
        assert_eq!(cues.phrase_at(&["According", "to", "officials"]), Some(2));
        assert_eq!(cues.phrase_at(&["in", "a", "statement", "Friday"]), Some(3));
        assert_eq!(cues.phrase_at(&["in", "a", "hurry"]), None);
    }
}
