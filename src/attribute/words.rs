//! Words with their byte spans, and the small word classes attribution needs.

use crate::lexicon::{WordSet, with_lowercase};
use crate::span::Span;

/// A word of the text: its span and its text with surrounding punctuation removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'t> {
    /// Where the word is (bytes), punctuation excluded.
    pub span: Span,
    /// The word itself.
    pub text: &'t str,
    /// Punctuation right after the word (",", ":", "."), if any.
    pub trailing: Option<char>,
}

/// The words of `text[range]`, in order.
pub fn words(text: &str, range: Span) -> Vec<Word<'_>> {
    words_upto(text, range, usize::MAX).0
}

/// The first `n` of [`words`] of `text[range]`, reading no further than the word after
/// them; with the end of that word when there is one (so the first `n` words of any longer
/// range from the same start that reaches past it are the same).
pub fn words_upto(text: &str, range: Span, n: usize) -> (Vec<Word<'_>>, Option<usize>) {
    let slice = &text[range];
    // About one word per six bytes of news text: one allocation instead of a few regrowths.
    let mut out: Vec<Word<'_>> = Vec::with_capacity((slice.len() / 6 + 2).min(n.saturating_add(1)));
    for (offset, raw) in tokens(slice) {
        if out.len() > n {
            out.truncate(n);
            return (out, Some(range.start + offset));
        }
        let start = range.start + offset;
        let body = trim_start_edge(raw);
        let lead = raw.len() - body.len();
        // An opening bracket or mark ends the word before it: Butterfield (D-N.C.)
        if lead > 0
            && let (Some(last), Some(c)) = (out.last_mut(), raw.chars().next())
            && last.trailing.is_none()
            && !body.is_empty()
        {
            last.trailing = Some(c);
        }
        let bare = trim_end_edge(body);
        let keep_period =
            body[bare.len()..].starts_with('.') && is_title_with_period(bare) || is_initials(body);
        let trimmed = if keep_period {
            body.trim_end_matches(|c: char| is_edge_punct(c) && c != '.')
        } else {
            bare
        };
        if trimmed.is_empty() {
            // A dash or other lone punctuation ends the word before it.
            if let (Some(last), Some(c)) = (out.last_mut(), raw.chars().next())
                && last.trailing.is_none()
            {
                last.trailing = Some(c);
            }
            continue;
        }
        let rest = &body[trimmed.len()..];
        // A closing bracket wins over the period inside it: (R-Fla.)
        // The last punctuation after the word is what the sentence does next: R-Ky., said
        let trailing = if rest.is_empty() {
            None
        } else if rest.contains(')') {
            Some(')')
        } else {
            rest.chars()
                .rev()
                .find(|c| !matches!(c, '”' | '"' | '’' | '\''))
        };
        let s = start + lead;
        out.push(Word {
            span: Span::new(s, s + trimmed.len()),
            text: trimmed,
            trailing,
        });
    }
    if out.len() > n {
        out.truncate(n);
        return (out, Some(range.end));
    }
    (out, None)
}

/// The non-empty tokens of `s` between whitespace (`char::is_whitespace`), each with its
/// byte offset: what `s.split(char::is_whitespace)` gives less the empty pieces, looking
/// at bytes where the text is ASCII.
pub fn tokens(s: &str) -> Tokens<'_> {
    Tokens { s, at: 0 }
}

/// The iterator of [`tokens`].
pub struct Tokens<'a> {
    s: &'a str,
    at: usize,
}

/// What a byte says about whitespace: ASCII whitespace, a byte that can start a non-ASCII
/// whitespace character (U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000 start with C2, E1, E2 or E3), or neither. Continuation bytes are never
/// leads, so a byte walk through a multi-byte character cannot stop inside it.
const SPACE: u8 = 1;
const MAYBE_SPACE: u8 = 2;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = SPACE;
    let mut b = b'\t';
    while b <= b'\r' {
        t[b as usize] = SPACE;
        b += 1;
    }
    t[0xC2] = MAYBE_SPACE;
    t[0xE1] = MAYBE_SPACE;
    t[0xE2] = MAYBE_SPACE;
    t[0xE3] = MAYBE_SPACE;
    t
};

/// The length of the whitespace character at byte `i` of `s` (a char boundary), or 0.
#[inline(always)]
fn space_len(s: &str, i: usize) -> usize {
    match BYTE_CLASS[s.as_bytes()[i] as usize] {
        0 => 0,
        SPACE => 1,
        _ => non_ascii_space_len(s, i),
    }
}

#[cold]
#[inline(never)]
fn non_ascii_space_len(s: &str, i: usize) -> usize {
    match s[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// The first whitespace character at or after byte `i` of `s` (a char boundary), or the
/// end. Eight bytes are looked at together: only a byte below 0x21 (where ASCII whitespace
/// is) or a lead byte of a multi-byte character (bits 11xxxxxx, where the others start)
/// can be whitespace, and the first such byte is then checked exactly.
pub fn token_end(s: &str, mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    while i + 8 <= bytes.len() {
        let x = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
        // Below 0x21: the lowest flagged byte is exact (a borrow only runs upwards).
        let low = x.wrapping_sub(ONES * 0x21) & !x & HIGH;
        let lead = x & (x << 1) & HIGH;
        let candidates = low | lead;
        if candidates == 0 {
            i += 8;
            continue;
        }
        let at = i + (candidates.trailing_zeros() / 8) as usize;
        if space_len(s, at) > 0 {
            return at;
        }
        i = at + 1;
    }
    while i < bytes.len() && (BYTE_CLASS[bytes[i] as usize] == 0 || space_len(s, i) == 0) {
        i += 1;
    }
    i
}

/// Where the token that ends `s` starts: just after the last whitespace character of `s`,
/// or 0. Bytes are walked back without decoding; only a lead byte that can start a
/// non-ASCII whitespace character is decoded.
pub fn token_start(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        let b = bytes[i - 1];
        match BYTE_CLASS[b as usize] {
            SPACE => return i,
            MAYBE_SPACE => {
                let n = space_len(s, i - 1);
                if n > 0 {
                    return i - 1 + n;
                }
            }
            _ => {}
        }
        i -= 1;
    }
    0
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let s = self.s;
        let bytes = s.as_bytes();
        let len = bytes.len();
        let mut i = self.at;
        loop {
            if i >= len {
                self.at = len;
                return None;
            }
            match space_len(s, i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        i = token_end(s, i + 1);
        // Tokens are mostly one space apart: step over it here.
        self.at = if bytes.get(i) == Some(&b' ') {
            i + 1
        } else {
            i
        };
        Some((start, &s[start..i]))
    }
}

/// `s.trim_start_matches(is_edge_punct)`, bytewise over ASCII.
fn trim_start_edge(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && bytes[i] < 0x80 {
        if !is_edge_ascii(bytes[i]) {
            return &s[i..];
        }
        i += 1;
    }
    s[i..].trim_start_matches(is_edge_punct)
}

/// `s.trim_end_matches(is_edge_punct)`, bytewise over ASCII.
fn trim_end_edge(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut j = bytes.len();
    while j > 0 && bytes[j - 1] < 0x80 {
        if !is_edge_ascii(bytes[j - 1]) {
            return &s[..j];
        }
        j -= 1;
    }
    s[..j].trim_end_matches(is_edge_punct)
}

/// [`is_edge_punct`] for an ASCII byte.
fn is_edge_ascii(b: u8) -> bool {
    !b.is_ascii_alphanumeric() && b != b'-'
}

/// Not a letter, digit or hyphen. The quotation marks and dashes of news text (“ ” ’ — …)
/// are in Unicode's General Punctuation block, where nothing is a letter or digit: they are
/// answered without the Unicode tables, whose look-up was most of the time of a paragraph
/// of one-word quotes.
#[inline]
fn is_edge_punct(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c) || (!c.is_alphanumeric() && c != '-')
}

/// G.K. or J.
fn is_initials(w: &str) -> bool {
    w.len() >= 2
        && w.ends_with('.')
        && w.split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

const TITLES: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Lt.",
    "Col.",
    "Sgt.",
    "Prof.",
    "Rev.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Senator",
    "Governor",
    "Secretary",
    "Minister",
    "Prime",
    "Chancellor",
    "Judge",
    "Justice",
    "Mayor",
    "Speaker",
    "Leader",
    "Whip",
    "Representative",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Queen",
    "King",
    "Prince",
    "Princess",
    "Pope",
    "Chairman",
    "Vice",
    "Former",
    "Attorney",
    "General",
    "Sheikh",
    "Ambassador",
    "Commissioner",
    "Chief",
    "Director",
    "Master",
    "Miss",
    "Madame",
    "Mme.",
    "Monsieur",
    "Mlle.",
    "Herr",
    "Frau",
    "Señor",
    "Señora",
    "Aunt",
    "Uncle",
    "Captain",
    "Colonel",
    "Major",
    "Lieutenant",
    "Sergeant",
    "Father",
    "Mother",
    "Sister",
    "Brother",
    "Doctor",
    "Professor",
    "Reverend",
];

/// Whether `w` is a title that precedes a name (Mr., Sen., President).
pub fn is_title(w: &str) -> bool {
    static SET: WordSet = WordSet::new(TITLES);
    starts_upper(w) && SET.contains(w)
}

/// Whether `bare` followed by a period is a title (Sen. Rep. Mr.), without building it.
fn is_title_with_period(bare: &str) -> bool {
    static BARE: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    starts_upper(bare)
        && BARE
            .get_or_init(|| TITLES.iter().filter_map(|t| t.strip_suffix('.')).collect())
            .contains(bare)
}

/// A word without its possessive ending: Obama’s -> Obama.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// Whether a word starts with an upper-case letter: every word list here is capitalised,
/// so lower-case words (most of them) are answered without a look-up.
fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The gender a title gives, if any.
pub fn title_gender(w: &str) -> Option<Gender> {
    match w {
        "Mr." | "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Master" | "Monsieur" | "Herr"
        | "Señor" | "Uncle" | "Father" | "Brother" => Some(Gender::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess"
        | "Madame" | "Mme." | "Mlle." | "Frau" | "Señora" | "Aunt" | "Mother" | "Sister" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The grammatical gender a pronoun, title or first name implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// He, Mr., a male first name.
    Male,
    /// She, Mrs., Ms., a female first name.
    Female,
}

/// Third-person subject pronouns, which can be a speaker, with their gender (None: they).
pub fn pronoun(w: &str) -> Option<Option<Gender>> {
    // Every pronoun below, contracted or not, is at most nine bytes (they’ll) and starts
    // with an ASCII h, s, i, t or w in either case (no other character lower-cases to one):
    // most words are answered here.
    if w.len() > 9
        || !matches!(
            w.as_bytes().first().map(u8::to_ascii_lowercase),
            Some(b'h' | b's' | b'i' | b't' | b'w')
        )
    {
        return None;
    }
    // A contraction with an auxiliary is still its pronoun: He’s claiming, they’ve said.
    let w = [
        "’s", "'s", "’re", "'re", "’ve", "'ve", "’d", "'d", "’ll", "'ll",
    ]
    .iter()
    .find_map(|c| w.strip_suffix(c))
    .unwrap_or(w);
    if w.len() > 4 && w.is_ascii() {
        return None;
    }
    with_lowercase(w, |w| match w {
        "he" => Some(Some(Gender::Male)),
        "she" => Some(Some(Gender::Female)),
        "it" => Some(None),
        "they" => Some(None),
        // The writer (letters, op-eds, first-person reporting): no antecedent in the text.
        "i" | "we" => Some(None),
        _ => None,
    })
}

/// A day said by name or relative to today: Monday … Sunday, yesterday, today, tonight
/// ("said Tuesday", "told reporters on Wednesday").
pub fn is_day(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "yesterday"
            | "today"
            | "tonight"
    )
}

/// Lower-case particles inside names: al-Assad, bin Salman, van der Leyen, de Blasio.
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "al" | "bin"
            | "ibn"
            | "de"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "du"
            | "da"
            | "dos"
            | "y"
    )
}

/// Whether `w` can be part of a name: capitalised (Putin, O’Brien, McCain, G.K.), or a
/// prefixed form (al-Jazeera, el-Sisi).
pub fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_uppercase() {
        return w.chars().any(char::is_alphabetic);
    }
    for prefix in ["al-", "el-", "bin-", "ad-", "as-"] {
        if let Some(rest) = w.strip_prefix(prefix) {
            return rest.chars().next().is_some_and(char::is_uppercase);
        }
    }
    false
}

/// Capitalised words that name groups, parties and nationalities: a modifier before a
/// name (Republican Donald Trump), never a speaker's name on their own.
pub fn is_group_adjective(w: &str) -> bool {
    if !starts_upper(w) {
        return false;
    }
    const WORDS: &[&str] = &[
        "Republican",
        "Republicans",
        "Democrat",
        "Democrats",
        "Democratic",
        "GOP",
        "American",
        "Americans",
        "Russian",
        "Chinese",
        "British",
        "French",
        "German",
        "Syrian",
        "Turkish",
        "Iranian",
        "Israeli",
        "Palestinian",
        "Mexican",
        "Greek",
        "Orthodox",
        "Christian",
        "Muslim",
        "Jewish",
        "Catholic",
        "Protestant",
        "Hispanic",
        "Latino",
        "Latina",
        "Black",
        "White",
        "Qatari",
        "Saudi",
        "Iraqi",
        "Afghan",
        "Ukrainian",
        "Japanese",
        "Korean",
        "Indian",
        "Pakistani",
        "Egyptian",
        "European",
        "African",
        "Asian",
        "Canadian",
        "Australian",
        "Liberal",
        "Conservative",
        "Crooked",
        "Former",
        "Retired",
        "Longtime",
    ];
    static SET: WordSet = WordSet::new(WORDS);
    SET.contains(w)
}

/// Capitalised words that start sentences or name times, not people.
pub fn is_common_capitalised(w: &str) -> bool {
    if !starts_upper(w) {
        return false;
    }
    let w = strip_possessive(w);
    // A reporting verb opening a sentence: Said Ellis: “…”
    if crate::lexicon::Cues::get().form(w) == Some(crate::lexicon::Form::Past) {
        return true;
    }
    const WORDS: &[&str] = &[
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "As",
        "But",
        "And",
        "Or",
        "If",
        "While",
        "When",
        "After",
        "Before",
        "Both",
        "More",
        "Most",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "We",
        "I",
        "You",
        "He",
        "She",
        "They",
        "For",
        "From",
        "With",
        "Without",
        "Since",
        "Until",
        "During",
        "Although",
        "Though",
        "Yet",
        "So",
        "Still",
        "Then",
        "Now",
        "Here",
        "There",
        "Also",
        "According",
        "Asked",
        "Last",
        "Next",
        "One",
        "Two",
        "Many",
        "Some",
        "All",
        "Every",
        "Each",
        "No",
        "Not",
        "Even",
        "Only",
        "Just",
        "Meanwhile",
        "However",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Read",
        "RELATED",
        "Related",
        "Why",
        "What",
        "Who",
        "How",
        "Where",
        "Yes",
        "Well",
        "Of",
        "To",
        "By",
        "Under",
        "Over",
        "Among",
        "Despite",
        "Because",
        "Instead",
        "Like",
        "Unlike",
        "Once",
        "Thus",
        "Such",
        "Whether",
        "Which",
        "Whose",
        "Someone",
        "Nobody",
        "Everyone",
        "Anyone",
        "Today",
        "Tonight",
        "Yesterday",
        "Tomorrow",
        "Earlier",
        "Later",
        "Recently",
        "Again",
        "Other",
        "Another",
        "Several",
        "Few",
        "My",
        "Your",
        "Please",
        "Thank",
        "Sorry",
        "Oh",
        "Poor",
        "Little",
        "Dear",
        "Good",
        "Ah",
        "Alas",
        "Yes",
        "No",
        "Well",
    ];
    static SET: WordSet = WordSet::new(WORDS);
    SET.contains(w)
}

/// Modal verbs and the auxiliary do, before a verb's base form: "can say", "did say".
pub fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "did"
            | "do"
            | "does"
    )
}

/// Adverbs that stand between a speaker and the verb: "Putin reportedly said". A
/// capitalised word in -ly is a name (Kelly, Reilly, Daly, Donnelly, Emily) unless it
/// ends as adverbs do and names do not ("Domestically,", "Recently", "Notably").
pub fn is_adverb(w: &str) -> bool {
    if w.ends_with("ly") && w.starts_with(|c: char| c.is_uppercase()) {
        return is_capitalised_adverb(w);
    }
    w.ends_with("ly")
        || matches!(
            w,
            "also"
                | "once"
                | "last"
                | "then"
                | "later"
                | "still"
                | "never"
                | "not"
                | "already"
                | "now"
                | "again"
                | "often"
                | "always"
                | "just"
                | "too"
                | "first"
                | "further"
                | "has"
                | "had"
                | "have"
                | "was"
                | "is"
                | "would"
                | "will"
                | "did"
        )
}

/// Whether a capitalised word in -ly is an adverb (a sentence's first word) rather than a
/// name: by endings adverbs have and surnames and first names in -ly do not.
fn is_capitalised_adverb(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ally", "ully", "eally", "ously", "ively", "ntly", "edly", "ately", "ingly", "rly", "stly",
        "tly", "ply", "bly", "ssly", "ctly", "ely", "ghly", "dly",
    ];
    let lower = w.to_lowercase();
    let n = lower.chars().count();
    n > 5 && (ENDINGS.iter().any(|e| lower.ends_with(e)) || lower.ends_with("ily"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_words_in_ly_are_names_unless_they_end_as_adverbs() {
        for name in [
            "Kelly", "Reilly", "Daly", "Donnelly", "Connolly", "Emily", "Lily",
        ] {
            assert!(!is_adverb(name), "{name}");
        }
        for adverb in [
            "Domestically",
            "Recently",
            "Notably",
            "Separately",
            "Hopefully",
        ] {
            assert!(is_adverb(adverb), "{adverb}");
        }
        assert!(is_adverb("reportedly") && is_adverb("also"));
    }

    /// The byte-table tokenizer splits exactly where `str::split(char::is_whitespace)` does,
    /// on news text with every kind of whitespace a page carries (no-break, thin, ideographic
    /// spaces, line and paragraph separators, NEL) and on characters that share their lead
    /// byte with a space (é, –, ’, 「) but are not one.
    #[test]
    fn tokens_split_where_unicode_whitespace_is() {
        let texts = [
            "“We will,” Erdogan said.\tHe\r\nleft.",
            "Sen.\u{a0}Jon Tester\u{2009}(D-Mont.)\u{3000}said\u{2028}no\u{2029}— twice\u{85}again",
            "Café owners – “angry” – said 「no」 and ‘maybe’\u{202f}%\u{205f}x\u{1680}y\u{200a}z",
            "  leading and trailing\u{a0} ",
            "",
            "\u{a0}\u{2000}",
            "al-Assad’s\u{200b}zero-width space is no whitespace",
        ];
        // Long tokens and every separator at every alignment of the eight-byte scan, with
        // control characters that are no whitespace (\u{1}, \u{1f}) inside tokens.
        let separators = [
            " ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}",
            "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "  ",
        ];
        let pieces = [
            "Erdoğan’s",
            "counter-terrorism",
            "“unprecedented”",
            "x\u{1}y\u{1f}z",
            "Привет,",
            "「引用」",
            "a",
            "Ã©",
            "\u{e2}\u{80}",
            "…",
        ];
        let mut generated = Vec::new();
        for (k, sep) in separators.iter().enumerate() {
            for pad in 0..9 {
                let mut t = "p".repeat(pad);
                for (n, piece) in pieces.iter().enumerate() {
                    t.push_str(piece);
                    t.push_str(separators[(k + n) % separators.len()]);
                    t.push_str(sep);
                }
                generated.push(t);
            }
        }
        for text in texts
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let start = text[..at]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                assert_eq!(token_start(&text[..at]), start, "{text:?} before {at}");
                let end = text[at..]
                    .find(char::is_whitespace)
                    .map_or(text.len(), |i| at + i);
                assert_eq!(token_end(text, at), end, "{text:?} from {at}");
            }
            let expected: Vec<(usize, &str)> = text
                .split(char::is_whitespace)
                .filter(|t| !t.is_empty())
                .map(|t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
                .collect();
            assert_eq!(tokens(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    /// The quick refusal in `pronoun` refuses no pronoun: it answers as the plain rule does.
    #[test]
    fn pronoun_prefilter_refuses_only_non_pronouns() {
        fn plain(w: &str) -> Option<Option<Gender>> {
            let w = [
                "’s", "'s", "’re", "'re", "’ve", "'ve", "’d", "'d", "’ll", "'ll",
            ]
            .iter()
            .find_map(|c| w.strip_suffix(c))
            .unwrap_or(w);
            let lower = w.to_lowercase();
            match lower.as_str() {
                "he" => Some(Some(Gender::Male)),
                "she" => Some(Some(Gender::Female)),
                "it" | "they" | "i" | "we" => Some(None),
                _ => None,
            }
        }
        let text = "He he HE he’s He's she She’d SHE’LL it It’s they They’ve THEY’RE they’ll \
            I I’m I'd we We’re WE’VE her him hers theirs their them it’ll its Trump said \
            Hesitant Shel Item Theyre Weird İt ɪt Heʼs wE’d i";
        for w in text.split_whitespace().chain(["", "they’ll’s", "théy"]) {
            assert_eq!(pronoun(w), plain(w), "{w:?}");
        }
    }

    #[test]
    fn words_keep_titles_and_initials() {
        let text = "said Rep. G.K. Butterfield (D-N.C.), head of the caucus.";
        let w: Vec<&str> = words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            w,
            [
                "said",
                "Rep.",
                "G.K.",
                "Butterfield",
                "D-N.C",
                "head",
                "of",
                "the",
                "caucus"
            ]
        );
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        // What is_edge_punct's shortcut rests on.
        let alphanumeric: Vec<char> = ('\u{2000}'..='\u{206F}')
            .filter(|c| c.is_alphanumeric())
            .collect();
        assert_eq!(alphanumeric, []);
        assert!(is_edge_punct('“') && is_edge_punct('—') && !is_edge_punct('é'));
    }

    #[test]
    fn trailing_punctuation_is_kept_apart() {
        let text = "“We will,” Erdogan, one of them, said:";
        let w = words(text, Span::new(0, text.len()));
        assert_eq!(w[1].text, "will");
        assert_eq!(w[2].trailing, Some(','));
        assert_eq!(w.last().unwrap().trailing, Some(':'));
    }

    #[test]
    fn name_words() {
        for w in ["Putin", "al-Jazeera", "O’Brien", "McCain", "G.K."] {
            assert!(is_name_word(w), "{w}");
        }
        for w in ["strongman", "al-qaeda", "he"] {
            assert!(!is_name_word(w), "{w}");
        }
    }
}
