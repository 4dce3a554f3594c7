//! Who speaks in a source: speaker labels, the turns they open, and matching a label with a
//! quote's speaker.
//!
//! Labels read at the start of a line (of plain text, or of a subtitle cue's text):
//! - `NAME:` and `Name Surname:` (one to five capitalised words, titles allowed:
//!   `SEN. WARREN:`, `Mayor Eleanor Brandt:`, `DAVID MUIR (ABC NEWS):`);
//! - `>> NAME:` (broadcast captions); a bare `>>` changes speaker without naming one;
//! - `[Name]` and `(Name)` before the cue's words (subtitles);
//! - WebVTT voice tags `<v Name>` / `<v.loud Name>` (read by [`voice`] from the cue markup).
//!
//! A turn runs from its label to the next one: a line or cue without a label continues the
//! previous speaker. Openings listed in `data/not_speakers.txt` (`Note:`, `[Applause]`) are
//! not labels; labels in `data/unnamed.txt` (`Q:`, `SPEAKER 2:`, `REPORTER:`) open a turn
//! whose speaker has no name to check. Names are matched by [`same_person`]: surname, full
//! name or title + surname, without regard to case or the titles in `data/titles.txt`.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Titles and honorifics left out when names are compared (`data/titles.txt`).
const TITLES: &str = include_str!("data/titles.txt");
/// Line openings that are not speaker labels (`data/not_speakers.txt`).
const NOT_SPEAKERS: &str = include_str!("data/not_speakers.txt");
/// Labels naming no one (`data/unnamed.txt`).
const UNNAMED: &str = include_str!("data/unnamed.txt");

/// The longest label read, in bytes (a longer "name" is a sentence).
const MAX_LABEL: usize = 64;
/// The most words a label's name may have.
const MAX_NAME_WORDS: usize = 6;

/// The non-comment lines of a data file, trimmed and lower-cased.
fn entries(data: &'static str) -> HashSet<String> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

fn titles() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(TITLES))
}

fn not_speakers() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(NOT_SPEAKERS))
}

fn unnamed() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| entries(UNNAMED))
}

/// Who a turn belongs to, as the source labels it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The label as written, without its punctuation (`NAKAMURA`, `Vladimir Putin`), or
    /// `>>` for a caption's speaker change that names no one.
    pub label: String,
    /// Whether the label names someone (not `Q`, `SPEAKER 2`, `REPORTER`, `>>`).
    pub named: bool,
}

impl Speaker {
    /// The speaker a label names (see [`is_named`]).
    pub fn new(label: &str) -> Speaker {
        let label = label.trim().to_string();
        let named = is_named(&label);
        Speaker { label, named }
    }
}

/// One speaker's turn: from `start` (a byte offset into the source's clean text) to the
/// next turn's start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// Where the turn's words begin.
    pub start: usize,
    /// Who speaks.
    pub speaker: Speaker,
}

/// A speaker label found at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineLabel {
    /// Byte range of the label in the line (chevrons, name and its `:`, brackets), which
    /// holds no spoken words.
    pub start: usize,
    /// End of the label, past the spaces after it: where the turn's words begin.
    pub end: usize,
    /// Who speaks.
    pub speaker: Speaker,
}

/// The speaker label opening `line`, if any (see the module docs for the forms read).
pub fn line_label(line: &str) -> Option<LineLabel> {
    let lead = line.len() - line.trim_start().len();
    let mut rest = &line[lead..];
    let mut at = lead;
    let mut chevrons = false;
    if rest.starts_with(">>") {
        let n = rest.len() - rest.trim_start_matches('>').len();
        chevrons = true;
        at += n;
        rest = &rest[n..];
        let spaces = rest.len() - rest.trim_start().len();
        at += spaces;
        rest = &rest[spaces..];
    } else if let Some(r) = rest.strip_prefix("- ") {
        // A subtitle's dialogue dash before a label.
        at += 2;
        rest = r;
    }
    let after = |end: usize| end + (line[end..].len() - line[end..].trim_start().len());
    if let Some(open @ ('[' | '(')) = rest.chars().next() {
        let close = if open == '[' { ']' } else { ')' };
        let inner_end = head(rest, MAX_LABEL).find(close)?;
        let inner = &rest[1..inner_end];
        let end = at + inner_end + 1;
        // Something must follow on the line: a bracket alone is a note.
        if line[end..].trim().is_empty() || !name_like(inner) {
            return None;
        }
        return Some(LineLabel {
            start: lead,
            end: after(end),
            speaker: Speaker::new(inner),
        });
    }
    let colon = head(rest, MAX_LABEL).find(':');
    match colon {
        Some(c) if rest[c + 1..].chars().next().is_none_or(char::is_whitespace) => {
            let name = strip_parenthetical(&rest[..c]);
            if !name_like(name) {
                return bare(chevrons, lead, at, line);
            }
            Some(LineLabel {
                start: lead,
                end: after(at + c + 1),
                speaker: Speaker::new(name),
            })
        }
        _ => bare(chevrons, lead, at, line),
    }
}

/// The first `n` bytes of `s`, or fewer to end on a character.
fn head(s: &str, n: usize) -> &str {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

/// A caption's `>>` without a name: a change of speaker, unnamed.
fn bare(chevrons: bool, lead: usize, at: usize, line: &str) -> Option<LineLabel> {
    chevrons.then(|| LineLabel {
        start: lead,
        end: at.min(line.len()),
        speaker: Speaker {
            label: ">>".into(),
            named: false,
        },
    })
}

/// `DAVID MUIR (ABC NEWS)` -> `DAVID MUIR`: an affiliation or `(through translator)` after
/// the name.
fn strip_parenthetical(name: &str) -> &str {
    match name.find('(') {
        Some(i) if name.trim_end().ends_with(')') => name[..i].trim_end(),
        _ => name,
    }
}

/// Whether `s` reads as a speaker's name: one to [`MAX_NAME_WORDS`] words, each
/// capitalised (a lower-case particle such as `al`, `de`, `van` inside is allowed), letters
/// with `.`, `-` and apostrophes, a number last (`SPEAKER 2`); not a listed non-speaker.
fn name_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_LABEL {
        return false;
    }
    let ws: Vec<&str> = s.split(' ').collect();
    if ws.len() > MAX_NAME_WORDS || ws.iter().any(|w| w.is_empty()) {
        return false;
    }
    let lower = s.to_lowercase();
    if not_speakers().contains(&lower)
        || not_speakers().contains(lower.trim_end_matches(|c: char| !c.is_alphanumeric()))
    {
        return false;
    }
    let last = ws.len() - 1;
    for (i, w) in ws.iter().enumerate() {
        if i == last && i > 0 && w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut cs = w.chars();
        let first = cs.next().unwrap_or(' ');
        let word_chars = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        if !word_chars {
            return false;
        }
        // `al-Assad`, `bin-Salman`: a particle joined to a capitalised name.
        let joined = w
            .rsplit('-')
            .next()
            .and_then(|p| p.chars().next())
            .is_some_and(char::is_uppercase);
        if !(first.is_uppercase() || i > 0 && joined) {
            let particle = matches!(
                *w,
                "al" | "el"
                    | "de"
                    | "da"
                    | "di"
                    | "du"
                    | "la"
                    | "le"
                    | "van"
                    | "von"
                    | "der"
                    | "den"
                    | "bin"
                    | "ibn"
                    | "del"
                    | "dos"
                    | "das"
                    | "ter"
                    | "y"
            );
            if i == 0 || i == last || !particle {
                return false;
            }
        }
    }
    true
}

/// Whether a label (or a quote's speaker) names someone: after titles, some word is left
/// and the label does not open with an `unnamed.txt` entry.
pub fn is_named(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    let ws: Vec<&str> = lower.split_whitespace().collect();
    for n in (1..=ws.len().min(3)).rev() {
        if unnamed().contains(&ws[..n].join(" ")) {
            return false;
        }
    }
    !name_words(label).is_empty()
        && label
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
}

/// The words of a name that identify a person: lower case, accents folded, titles,
/// parentheticals and `Jr.`-style suffixes left out.
fn name_words(name: &str) -> Vec<String> {
    let name = strip_parenthetical(name.trim());
    super::index::words(name)
        .iter()
        .map(|w| fold(&name[w.start as usize..w.end as usize]))
        .map(|w| w.replace(['\'', '’'], ""))
        .filter(|w| !titles().contains(w.as_str()))
        .collect()
}

/// Lower case with the common Latin accents taken off (`Erdoğan` = `ERDOGAN`).
fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ğ' => 'g',
            'ş' | 'ś' | 'š' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ť' => 't',
            'ď' => 'd',
            other => other,
        })
        .collect()
}

/// Whether a source's label and a quote's speaker name the same person: the same surname
/// (last word), or one name's words all within the other's (`PUTIN`, `Vladimir Putin`,
/// `President Putin`), titles aside. Never by position: two names with no word in common
/// are two people.
pub fn same_person(label: &str, speaker: &str) -> bool {
    let a = name_words(label);
    let b = name_words(speaker);
    let (Some(la), Some(lb)) = (a.last(), b.last()) else {
        return false;
    };
    la == lb || a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// Reads the name in a WebVTT voice tag: `<v Name>`, `<v.loud.first Name>`; `None` for
/// any other tag. `tag` is the text between `<` and `>`.
pub fn voice(tag: &str) -> Option<&str> {
    let rest = tag.strip_prefix('v')?;
    if !rest.starts_with(['.', ' ', '\t']) {
        return None;
    }
    // Classes run to the first whitespace.
    let name_at = rest.find([' ', '\t'])?;
    let name = rest[name_at..].trim();
    (!name.is_empty()).then_some(name)
}

/// The speakers' turns of a plain-text source, and the byte ranges of their labels (which
/// are not searched).
pub fn text_turns(text: &str) -> (Vec<Turn>, Vec<(usize, usize)>) {
    let mut turns = Vec::new();
    let mut labels = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(l) = line_label(content) {
            labels.push((at + l.start, at + l.end));
            turns.push(Turn {
                start: at + l.end,
                speaker: l.speaker,
            });
        }
        at += line.len();
    }
    (turns, labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(line: &str) -> Option<(String, bool, &str)> {
        line_label(line).map(|l| (l.speaker.label, l.speaker.named, &line[l.end..]))
    }

    #[test]
    fn transcript_labels_in_every_form() {
        for (line, name, rest) in [
            (
                "NAKAMURA: Ridership is at 91 percent.",
                "NAKAMURA",
                "Ridership is at 91 percent.",
            ),
            (
                "Mayor Eleanor Brandt: We will not cut the night buses.",
                "Mayor Eleanor Brandt",
                "We will not cut the night buses.",
            ),
            (
                ">> SEN. ELIZABETH WARREN: Thank you, Mr. Chairman.",
                "SEN. ELIZABETH WARREN",
                "Thank you, Mr. Chairman.",
            ),
            (
                "[Brandt] The buses do not run on good intentions.",
                "Brandt",
                "The buses do not run on good intentions.",
            ),
            ("(Nakamura) Nobody does.", "Nakamura", "Nobody does."),
            (
                "DAVID MUIR (ABC NEWS): Good evening.",
                "DAVID MUIR",
                "Good evening.",
            ),
            (
                "Bashar al-Assad: We want to reach a clear goal.",
                "Bashar al-Assad",
                "We want to reach a clear goal.",
            ),
            ("- BRANDT: Next question.", "BRANDT", "Next question."),
        ] {
            let (got, named, after) = label(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((got.as_str(), after), (name, rest), "{line}");
            assert!(named, "{line}");
        }
    }

    #[test]
    fn unnamed_labels_open_turns_without_a_name() {
        for line in [
            "Q: Will the night buses run in January?",
            "SPEAKER 2: I have a question for the mayor.",
            "UNIDENTIFIED MALE: That's not true.",
            "REPORTER: Mayor, a follow-up.",
            ">> Thank you very much.",
        ] {
            let (_, named, _) = label(line).unwrap_or_else(|| panic!("{line}"));
            assert!(!named, "{line}");
        }
    }

    #[test]
    fn sentences_notes_and_headings_are_not_labels() {
        for line in [
            "The council said: the buses will run.",
            "Erdogan said: Why would Erdogan and I meet?",
            "Note: times are approximate.",
            "[Applause] Thank you all.",
            "[laughter] That's a fair question.",
            "[crosstalk]",
            "Here is the thing: nobody rides at 3 a.m.",
            "10:30 a.m. The meeting resumed.",
            "“Ridership is at 91 percent,” Mayor Eleanor Brandt said.",
            "https://example.org/transcript",
            "“Why would Erdogan and I meet? To have soft drinks together?” he joked. “We want",
            "[“Éé” ]",
        ] {
            assert_eq!(label(line), None, "{line}");
        }
    }

    #[test]
    fn names_match_by_surname_full_name_or_title() {
        for (label, speaker) in [
            ("BRANDT", "Eleanor Brandt"),
            ("MAYOR BRANDT", "Eleanor Brandt"),
            ("Eleanor Brandt", "Mayor Eleanor Brandt"),
            ("ELEANOR", "Eleanor Brandt"),
            ("VLADIMIR PUTIN", "Putin"),
            ("RECEP TAYYIP ERDOGAN", "Recep Tayyip Erdoğan"),
            ("SEN. ELIZABETH WARREN", "Elizabeth Warren"),
            ("Bashar al-Assad", "Assad"),
        ] {
            assert!(same_person(label, speaker), "{label} / {speaker}");
        }
        for (label, speaker) in [
            ("NAKAMURA", "Eleanor Brandt"),
            ("JOHN KERRY", "John Smith"),
            ("MAYOR", "Eleanor Brandt"),
            ("VLADIMIR PUTIN", "Bashar al-Assad"),
        ] {
            assert!(!same_person(label, speaker), "{label} / {speaker}");
        }
    }

    #[test]
    fn vtt_voice_tags_with_and_without_classes() {
        assert_eq!(voice("v Eleanor Brandt"), Some("Eleanor Brandt"));
        assert_eq!(voice("v.loud.first Ken Nakamura"), Some("Ken Nakamura"));
        assert_eq!(voice("v"), None);
        assert_eq!(voice("i"), None);
        assert_eq!(voice("vx Name"), None);
    }

    #[test]
    fn an_unlabelled_line_continues_the_turn() {
        let text =
            "NAKAMURA: Ridership is at 91 percent.\nIt was 88 a year ago.\nBRANDT: Thank you.\n";
        let (turns, labels) = text_turns(text);
        assert_eq!(turns.len(), 2);
        assert_eq!(&text[labels[0].0..labels[0].1], "NAKAMURA: ");
        assert_eq!(turns[0].speaker.label, "NAKAMURA");
        assert!(turns[1].start > text.find("88").unwrap());
        assert_eq!(&text[turns[1].start..turns[1].start + 5], "Thank");
    }
}
