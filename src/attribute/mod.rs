//! Speaker attribution: who said each `direct` and `partial` quote, by which words, and how
//! sure the evidence is.
//!
//! For each quote the [`sieves`] are tried in order (trailing, leading, according to,
//! possessive, embedded, sentence subject, colon, previous sentence: `Doc::sieve`); a quote
//! none of them attributes continues the speaker of the quote before it in its paragraph, or
//! of the paragraph before when it opens its own (`continuation`). A mention that is a name
//! gets the fullest form of that name the document gives; a pronoun or a role description
//! resolves to the subject of the nearest preceding sentence with a compatible name, never
//! to a name inside the quote itself (`resolve.rs`).

mod calibration;
mod clause_verb;
mod headline;
pub mod mentions;
mod resolve;
mod role;
pub mod sieves;
mod source_type;
pub mod words;

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::Analysis;
use crate::kind::Kind;
use crate::sentence::{sentence_around, sentence_start};
use crate::span::Span;

use mentions::{Mention, MentionKind, name_starting_at, subject};
use sieves::Found;
use words::{Gender, Word, is_common_capitalised, is_name_word, is_title};

/// Who said a quote and why we think so.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The canonical speaker: a name's fullest form, or a description's words.
    pub speaker: Option<String>,
    /// The words the attribution rests on (bytes).
    pub mention: Span,
    /// The reporting verb or phrase, when there is one (bytes).
    pub cue: Option<Span>,
    /// The sieve that decided (the record's `method`).
    pub method: &'static str,
    /// How direct the evidence is, 0 to 1.
    pub confidence: f64,
    /// A pronoun had more than one plausible antecedent.
    pub ambiguous: bool,
    /// What kind of source the speaker is.
    pub speaker_type: Option<crate::record::SpeakerType>,
    /// The role, the outlet and the chain, when there is any of them: boxed, since most
    /// attributions have none and a document can hold a million attributions (a paragraph
    /// of one-word quotes, issue 14).
    pub details: Option<Box<Details>>,
}

/// What some attributions have besides a speaker ([`Attribution::details`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    /// The title or description the text gives the speaker, kept out of the name.
    pub role: Option<String>,
    /// The outlet or document that relayed the words.
    pub via: Option<String>,
    /// For `--explain`: how a pronoun was resolved (only from [`attribute`] and
    /// `indirect::find`, which explanations use).
    pub chain: Vec<String>,
}

impl Attribution {
    /// The title or description the text gives the speaker, kept out of the name.
    pub fn role(&self) -> Option<&str> {
        self.details.as_ref()?.role.as_deref()
    }

    /// The outlet or document that relayed the words.
    pub fn via(&self) -> Option<&str> {
        self.details.as_ref()?.via.as_deref()
    }

    /// How a pronoun was resolved (empty unless made for an explanation).
    pub fn chain(&self) -> &[String] {
        self.details.as_ref().map_or(&[], |d| &d.chain)
    }

    /// The role and the outlet, moved out.
    pub fn take_role_via(&mut self) -> (Option<String>, Option<String>) {
        match self.details.take() {
            Some(d) => (d.role, d.via),
            None => (None, None),
        }
    }
}

/// Attributes every quote of an analysed document (None for terms and unattributed ones),
/// with the chains pronouns were resolved through.
pub fn attribute(analysis: &Analysis<'_>) -> Vec<Option<Attribution>> {
    let out = attribute_then(analysis, true, |_| ()).0;
    out.into_iter().map(|a| a.map(|a| *a)).collect()
}

/// [`attribute`], then `then` with a [`Resolver`] over the same document (its names
/// gathered once for both), for findings outside quotes (`crate::indirect`). Chains only
/// when `chains` (explanations); each attribution boxed, `None` taking a word.
pub(crate) fn attribute_then<R>(
    analysis: &Analysis<'_>,
    chains: bool,
    then: impl FnOnce(&mut Resolver<'_, '_, '_>) -> R,
) -> (Vec<Option<Box<Attribution>>>, R) {
    let doc = Doc::new(analysis, chains);
    let mut memory = Memory::default();
    let mut out: Vec<Option<Box<Attribution>>> = Vec::with_capacity(analysis.quotes.len());
    for i in 0..analysis.quotes.len() {
        if analysis.kinds[i] == Kind::Term {
            out.push(None);
            continue;
        }
        let found = doc.sieve(i);
        out.push(found.map(|f| Box::new(doc.resolve(f, &mut memory))));
    }
    // Continuation: a quote nobody was found for inherits from its neighbours: the nearest
    // attributed quote before it in its paragraph (or in the paragraph before, when it
    // opens its own), else the next quote of its paragraph.
    let mut last_attributed: Option<usize> = None;
    for i in 0..out.len() {
        if analysis.kinds[i] == Kind::Term {
            continue;
        }
        if out[i].is_some() {
            last_attributed = Some(i);
            continue;
        }
        let para = analysis.quotes[i].paragraph();
        let inherited = last_attributed
            .filter(|&j| {
                let pj = analysis.quotes[j].parts.last().map_or(0, |p| p.paragraph);
                pj == para || (pj + 1 == para && doc.opens_paragraph(i))
            })
            .and_then(|j| out[j].clone())
            .or_else(|| {
                // “A.” “B,” she said: the next quote of the same paragraph.
                let next = i + 1;
                (next < out.len() && analysis.quotes[next].paragraph() == para)
                    .then(|| out[next].clone())
                    .flatten()
            });
        if let Some(mut a) = inherited {
            a.method = "continuation";
            a.confidence = (a.confidence * 0.85).min(0.8);
            a.cue = None;
            out[i] = Some(a);
            last_attributed = Some(i);
        }
    }
    // Each confidence is what annotated news says about attributions made on the same
    // evidence (calibration.rs), not the sieve's own guess.
    for ((a, &kind), q) in out.iter_mut().zip(&analysis.kinds).zip(&analysis.quotes) {
        if let Some(a) = a {
            let class = calibration::mention_class(&analysis.text[a.mention], a.speaker_type);
            let reach = calibration::reach(analysis.text, q.span, a.mention, a.cue);
            a.confidence = calibration::confidence(a.method, class, kind, reach);
        }
    }
    let reported = then(&mut Resolver {
        doc: &doc,
        memory: Memory::default(),
    });
    (out, reported)
}

/// Turns findings made outside this module (reported speech, `crate::indirect`) into
/// attributions the way a quote's are: the same canonical names, antecedents, types and
/// roles. Findings are given in text order; the resolver remembers who has spoken among
/// them (apart from the quotes' speakers, which come in another order).
pub(crate) struct Resolver<'d, 'a, 'b> {
    doc: &'d Doc<'a, 'b>,
    memory: Memory,
}

impl Resolver<'_, '_, '_> {
    pub(crate) fn resolve(&mut self, found: Found) -> Attribution {
        self.doc.resolve(found, &mut self.memory)
    }
}

/// A pronoun's antecedent: the canonical name and how it was chosen.
struct Antecedent {
    name: String,
    ambiguous: bool,
    via: &'static str,
}

/// What attribution has learnt so far in a document: who has spoken (named), where, and
/// the gender pronouns have shown.
#[derive(Default)]
struct Memory {
    /// (canonical name, byte offset of the mention), in text order.
    speakers: Vec<(String, usize)>,
    spoken: FxHashSet<String>,
    genders: FxHashMap<String, Gender>,
}

impl Memory {
    fn gender(&self, name: &str) -> Option<Gender> {
        self.genders.get(name).copied()
    }

    fn has_spoken(&self, name: &str) -> bool {
        self.spoken.contains(name)
    }

    fn spoke(&mut self, name: &str, at: usize) {
        self.speakers.push((name.to_string(), at));
        self.spoken.insert(name.to_string());
    }
}

/// What the document says about one surname, gathered once so that each lookup is a hash
/// and a binary search (attribution stays linear in the document's size).
#[derive(Default, Debug, PartialEq)]
struct Surname {
    /// The most words any name ending in this surname has.
    longest: usize,
    /// Where the longest forms stand, in text order, and their words.
    fullest: Vec<(usize, Vec<String>)>,
    gender: Option<Gender>,
    titled: bool,
}

/// Words that mark a name as a place or an organisation rather than a person.
fn is_place_or_org_word(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    const WORDS: &[&str] = &[
        "State",
        "States",
        "Department",
        "Party",
        "Committee",
        "University",
        "College",
        "Agency",
        "Council",
        "Times",
        "News",
        "Post",
        "Review",
        "Network",
        "Institute",
        "Foundation",
        "Association",
        "Bank",
        "Fund",
        "House",
        "Senate",
        "Congress",
        "America",
        "Asia",
        "Europe",
        "Africa",
        "North",
        "South",
        "East",
        "West",
        "New",
        "United",
        "Republic",
        "Kingdom",
        "City",
        "County",
        "Island",
        "Islands",
        "Street",
        "Journal",
        "Tribune",
        "Press",
        "Club",
        "Court",
        "Office",
        "Service",
        "Services",
        "Union",
        "Nations",
        "Organization",
        "Commission",
        "Administration",
        "Campaign",
        "Company",
        "Corporation",
        "Group",
        "Center",
        "Centre",
        "Church",
        "Army",
        "Navy",
        "Police",
        "Board",
        "Caucus",
        "Coalition",
        "Alliance",
        "Federation",
        "Ministry",
        "Agency",
        "Media",
        "Magazine",
        "Radio",
        "Television",
        "TV",
        "Channel",
        "Daily",
        "Herald",
        "Gazette",
        "Sun",
    ];
    static SET: crate::lexicon::WordSet = crate::lexicon::WordSet::new(WORDS);
    SET.contains(w)
}

/// The name mentions of a run of words, in order, each with the words it covers. A run
/// may start at a title (Sen. Jon Tester) when `from_titles` is set.
fn name_runs(ws: &[Word<'_>], from_titles: bool) -> Vec<(std::ops::Range<usize>, Mention)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i].text;
        let starts = (is_name_word(w) && !is_common_capitalised(w)) || (from_titles && is_title(w));
        if starts && let Some(m) = name_starting_at(ws, i) {
            let n = ws[i..]
                .iter()
                .take_while(|x| x.span.end <= m.span.end)
                .count()
                .max(1);
            out.push((i..i + n, m));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The names of a run of words, in order.
fn collect_names(ws: &[Word<'_>], names: &mut Vec<NameRun>) {
    for (range, m) in name_runs(ws, true) {
        if let MentionKind::Name(words) = m.kind {
            names.push(NameRun {
                span: m.span,
                words,
                gender: m.gender,
                titled: ws[range].iter().any(|w| is_title(w.text)),
            });
        }
    }
}

/// Whether a whitespace-separated token starts with a capital (or al-, el-), and whether
/// it is a name particle (al, bin, de, van).
fn token_class(token: &str) -> (bool, bool) {
    let core = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    let capital = core.chars().next().is_some_and(char::is_uppercase)
        || core.starts_with("al-")
        || core.starts_with("el-");
    (capital, words::is_name_particle(core))
}

/// The names of one capitalised stretch (see [`capitalised_stretches`]). A stretch right
/// after "of" with three or more words starts with an office's object, which is no name:
/// "Secretary of State John F. Kerry".
fn collect_stretch_names(text: &str, window: Span, names: &mut Vec<NameRun>) {
    let ws = words::words(text, window);
    let skip = usize::from(text[..window.start].ends_with("of ") && ws.len() >= 3);
    collect_names(&ws[skip..], names);
}

/// The stretches of `para` made of consecutive tokens that start with a capital (or are
/// name particles: al-, bin, de, van), each as a span to split into words.
fn capitalised_stretches(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let body = &text[para];
    for (offset, token) in words::tokens(body) {
        let start = para.start + offset;
        let (capital, particle) = token_class(token);
        match (&mut open, capital || particle) {
            (Some((_, end)), true) => *end = start + token.len(),
            (None, true) if capital => open = Some((start, start + token.len())),
            (Some(_), false) => out.extend(open.take().map(|(s, e)| Span::new(s, e))),
            _ => {}
        }
    }
    out.extend(open.map(|(s, e)| Span::new(s, e)));
    out
}

/// The one of [`capitalised_stretches`] of `para` that holds byte `at`, if any: the run of
/// capitalised tokens and particles around `at`'s token, found by walking out from it.
fn stretch_around(text: &str, para: Span, at: usize) -> Option<Span> {
    let is_ws = char::is_whitespace;
    let token_at = |at: usize| -> Span {
        let start = para.start + words::token_start(&text[para.start..at]);
        let end = at + words::token_end(&text[at..para.end], 0);
        Span::new(start, end)
    };
    let in_run = |t: Span| {
        let (capital, particle) = token_class(&text[t]);
        capital || particle
    };
    let token = token_at(at);
    if !in_run(token) {
        return None;
    }
    let mut first = token;
    loop {
        let before = text[para.start..first.start].trim_end_matches(is_ws);
        if before.is_empty() {
            break;
        }
        let t = token_at(para.start + before.len());
        if !in_run(t) {
            break;
        }
        first = t;
    }
    let mut last = token;
    loop {
        let after = text[last.end..para.end].trim_start_matches(is_ws);
        if after.is_empty() {
            break;
        }
        let t = token_at(para.end - after.len());
        if !in_run(t) {
            break;
        }
        last = t;
    }
    // Every token of the run is capitalised or a particle: its stretch starts at its first
    // capitalised token (particles before it are not part of a name) and ends with it.
    if token_class(&text[first]).0 {
        return Some(Span::new(first.start, last.end));
    }
    capitalised_stretches(text, Span::new(first.start, last.end))
        .into_iter()
        .find(|s| s.start <= at && at < s.end)
}

/// [`is_headline`] on raw text, stopping at the first long lower-case word.
fn is_headline_text(text: &str) -> bool {
    let mut long = 0;
    for (_, token) in words::tokens(text) {
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        if core.len() >= 5 && core.chars().count() >= 5 {
            if core.chars().next().is_some_and(char::is_lowercase) {
                return false;
            }
            long += 1;
        }
    }
    long >= 3
}

/// A name seen in the document.
struct NameRun {
    span: Span,
    words: Vec<String>,
    gender: Option<Gender>,
    titled: bool,
}

/// How many looked-at stretches [`Doc::sentence_subject`] keeps: a pronoun looks back over at
/// most ten, and the next quote's pronoun over mostly the same.
const RECENT_SENTENCES: usize = 32;

/// How many narrator words of a stretch [`Doc::sentence_subject`] reads from its start: a
/// subject comes early, and with a bound the quotes of one long stretch share the answer.
const SUBJECT_WORDS: usize = 64;

/// A looked-at stretch, by its (start, end), and what it gave; with, when the stretch has
/// more than [`SUBJECT_WORDS`] narrator words, the end from which any stretch with the same
/// start gives the same.
type RecentSentence<'a> = ((usize, usize), Option<usize>, Rc<SentenceSubject<'a>>);

struct Doc<'a, 'b> {
    a: &'b Analysis<'a>,
    surnames: RefCell<Surnames>,
    /// The narrator's words and subject of the stretches pronoun resolution looked at most
    /// recently, by span: consecutive quotes look back over the same sentences. Bounded
    /// ([`RECENT_SENTENCES`]): a paragraph of 100,000 pronoun-attributed quotes kept every
    /// stretch alive, ~256 KB each (issue 14).
    sentences: RefCell<std::collections::VecDeque<RecentSentence<'a>>>,
    /// Whether attributions carry the chain a pronoun was resolved through.
    chains: bool,
}

/// The narrator's words of a stretch of text, and their subject ([`subject`]).
struct SentenceSubject<'a> {
    words: Vec<Word<'a>>,
    subject: Option<(Mention, bool)>,
}

/// The surnames looked up so far, or every surname of the document once `complete`.
#[derive(Default)]
struct Surnames {
    map: FxHashMap<String, Rc<Surname>>,
    complete: bool,
    /// Bytes searched and bytes of capitalised stretches split into words, so far.
    searched: usize,
    parsed: usize,
    /// Whether each paragraph is a headline, once asked.
    headline: Vec<Option<bool>>,
}

/// Every surname of the document, from every name outside headlines.
fn surname_index(a: &Analysis<'_>) -> FxHashMap<String, Rc<Surname>> {
    let mut names = Vec::new();
    for &para in &a.paragraphs {
        if is_headline_text(&a.text[para]) {
            continue;
        }
        // Only stretches of capitalised words can hold names: find them on the raw
        // text and split just those into words (most of a paragraph is lower case).
        for window in capitalised_stretches(a.text, para) {
            collect_stretch_names(a.text, window, &mut names);
        }
    }
    let mut surnames: FxHashMap<String, Surname> = FxHashMap::default();
    for n in names {
        let Some(last) = n.words.last() else { continue };
        surnames.entry(last.clone()).or_default().add(n);
    }
    surnames.into_iter().map(|(k, v)| (k, Rc::new(v))).collect()
}

impl Surname {
    /// Adds a name ending in this surname (names come in text order).
    fn add(&mut self, n: NameRun) {
        self.gender = self.gender.or(n.gender);
        self.titled |= n.titled;
        if n.words.len() > self.longest {
            self.longest = n.words.len();
            self.fullest.clear();
        }
        if n.words.len() == self.longest {
            self.fullest.push((n.span.start, n.words));
        }
    }
}

impl<'a, 'b> Doc<'a, 'b> {
    fn new(a: &'b Analysis<'a>, chains: bool) -> Doc<'a, 'b> {
        Doc {
            a,
            chains,
            surnames: RefCell::new(Surnames {
                headline: vec![None; a.paragraphs.len()],
                ..Surnames::default()
            }),
            sentences: RefCell::default(),
        }
    }

    /// [`SentenceSubject`] of `range`, worked out once while it is among the recent ones.
    fn sentence_subject(&self, range: Span) -> Rc<SentenceSubject<'a>> {
        let key = (range.start, range.end);
        let same = |(k, from, _): &&RecentSentence<'a>| {
            *k == key || (k.0 == range.start && from.is_some_and(|f| range.end >= f))
        };
        if let Some((_, _, found)) = self.sentences.borrow().iter().find(same) {
            return Rc::clone(found);
        }
        let (words, from) = self.narrator_words_upto(range, SUBJECT_WORDS);
        let subject = subject(&words);
        let found = Rc::new(SentenceSubject { words, subject });
        let mut recent = self.sentences.borrow_mut();
        if recent.len() == RECENT_SENTENCES {
            recent.pop_front();
        }
        recent.push_back((key, from, Rc::clone(&found)));
        found
    }

    /// The first `n` narrator words of `range`; when it has more, with the start of the
    /// next one (any range from the same start reaching it has the same first `n`). Reads
    /// only as far as it needs.
    fn narrator_words_upto(&self, range: Span, n: usize) -> (Vec<Word<'a>>, Option<usize>) {
        let mut raw = 2 * n + 2;
        loop {
            let (ws, more) = words::words_upto(self.a.text, range, raw);
            let mut kept = self.without_quoted(ws);
            if kept.len() > n {
                let next = kept[n].span.start;
                kept.truncate(n);
                return (kept, Some(next));
            }
            if more.is_none() {
                return (kept, None);
            }
            raw *= 4;
        }
    }

    /// What the document says about `surname`: gathered from the stretches of capitalised
    /// words that contain it the first time it is asked (most names a document gives are
    /// never asked about), or from an index of every name once lookups have cost about as
    /// much as building that index.
    fn surname(&self, surname: &str) -> Option<Rc<Surname>> {
        let mut cache = self.surnames.borrow_mut();
        if let Some(s) = cache.map.get(surname) {
            return Some(Rc::clone(s));
        }
        if cache.complete {
            return None;
        }
        let text = self.a.text;
        cache.searched += text.len();
        // A substring search costs a small fraction of splitting text into words and names
        // (memmem runs at GB/s): 256 MiB of searching plus eight passes over the text stay
        // well below one full index, for an article (never reached), a novel (dozens of
        // characters looked up) and a 50 MB document alike.
        if surname.is_empty() || cache.searched > 8 * text.len() + (256 << 20) {
            cache.map = surname_index(self.a);
            cache.complete = true;
            return cache.map.get(surname).cloned();
        }
        let paragraphs = &self.a.paragraphs;
        let mut windows = Vec::new();
        let mut done = 0;
        for at in memchr::memmem::find_iter(text.as_bytes(), surname.as_bytes()) {
            if at < done {
                continue;
            }
            let pi = paragraphs.partition_point(|p| p.end <= at);
            let Some(&para) = paragraphs.get(pi).filter(|p| p.start <= at) else {
                continue;
            };
            let headline = *cache.headline[pi].get_or_insert_with(|| is_headline_text(&text[para]));
            if headline {
                done = para.end;
                continue;
            }
            let Some(window) = stretch_around(text, para, at) else {
                continue;
            };
            done = window.end;
            cache.parsed += window.len();
            windows.push(window);
        }
        // A stretch of one word can only be this surname alone (Trump, Trump’s), a name of
        // one word with no title: once a longer name ends in the surname it adds nothing
        // (not a fullest form, no gender, no title), so it is parsed only when no longer
        // form turns up. Unless the surname could itself be a title (Mrs, Mme).
        let title_like = [surname.to_string(), format!("{surname}.")]
            .iter()
            .any(|w| words::is_title(w) || words::title_gender(w).is_some());
        let alone = |w: &Span| !title_like && words::tokens(&text[*w]).nth(1).is_none();
        let mut entry = Surname::default();
        let mut names = Vec::new();
        let mut gather = |entry: &mut Surname, window: Span| {
            names.clear();
            collect_stretch_names(text, window, &mut names);
            for n in names.drain(..) {
                if n.words.last().is_some_and(|w| w == surname) {
                    entry.add(n);
                }
            }
        };
        for &window in windows.iter().filter(|w| !alone(w)) {
            gather(&mut entry, window);
        }
        if entry.longest < 2 && windows.iter().any(alone) {
            entry = Surname::default();
            for &window in &windows {
                gather(&mut entry, window);
            }
        }
        if cache.parsed > text.len() + (1 << 16) {
            // Stretches parsed again and again (a document of nothing but names): index
            // everything once from now on.
            cache.map = surname_index(self.a);
            cache.complete = true;
            return cache.map.get(surname).cloned();
        }
        let entry = Rc::new(entry);
        cache.map.insert(surname.to_string(), Rc::clone(&entry));
        Some(entry)
    }

    /// The narrator's words of `range`: words inside quotes are left out.
    fn narrator_words(&self, range: Span) -> Vec<Word<'a>> {
        // Top-level quotes are in order and apart, and so are words: one pass over both
        // (checking every quote of the range for every word was quadratic in a paragraph
        // of quotes).
        self.without_quoted(words::words(self.a.text, range))
    }

    /// `ws` (words in text order) less those inside quotes.
    fn without_quoted(&self, ws: Vec<Word<'a>>) -> Vec<Word<'a>> {
        let quotes = &self.a.quotes;
        let Some(first) = ws.first() else {
            return ws;
        };
        let mut q = quotes.partition_point(|q| q.span.end <= first.span.start);
        ws.into_iter()
            .filter(|w| {
                while quotes.get(q).is_some_and(|x| x.span.end < w.span.end) {
                    q += 1;
                }
                !quotes.get(q).is_some_and(|x| x.span.contains(w.span))
            })
            .collect()
    }

    /// Whether the words after a quote are only an attribution clause: the cue among the
    /// first words and at most a few words after it, with no quote following in the
    /// sentence (“Q.” Trump said in a statement.).
    fn is_bare_attribution(
        &self,
        after: &[Word<'_>],
        f: &Found,
        sentence_ends: bool,
        exclaimed: bool,
    ) -> bool {
        let Some(cue) = f.cue else {
            return false;
        };
        let Some(at) = after.iter().position(|w| w.span == cue) else {
            return false;
        };
        let mention_at = after
            .iter()
            .position(|w| w.span.start >= f.mention.span.start)
            .unwrap_or(usize::MAX);
        // After ? or ! the attribution clause may run on: "“…!” Murphy, the head of Right
        // to Rise USA, Tweeted on Friday with an image of the skywriting."
        let room = if exclaimed { 24 } else { 8 };
        sentence_ends && (at == 0 || mention_at == 0) && after.len() - at <= room
    }

    /// Whether the source of "according to" is a person or people rather than an outlet or
    /// a document: people by role (officials with knowledge of the meeting), or a name the
    /// document gives a known first name or a title.
    fn is_relaying_person(&self, m: &Mention, words: &[Word<'_>]) -> bool {
        match &m.kind {
            MentionKind::Name(name) => {
                let full = self.canonical(name, m.span.start);
                let first = full.split_whitespace().next().unwrap_or("");
                (full.split_whitespace().count() >= 2
                    && crate::lexicon::first_name_is_female(first).is_some())
                    || name
                        .last()
                        .and_then(|w| self.surname(w))
                        .is_some_and(|s| s.titled)
            }
            MentionKind::Description => {
                m.head(words).is_some_and(crate::lexicon::is_role_noun)
                    || words
                        .iter()
                        .filter(|w| w.span.start >= m.span.start && w.span.end <= m.span.end)
                        .any(|w| crate::lexicon::is_role_noun(w.text) && w.text.ends_with('s'))
            }
            MentionKind::Pronoun(_) => false,
        }
    }

    fn opens_paragraph(&self, i: usize) -> bool {
        let q = &self.a.quotes[i];
        let para = self.a.paragraphs[q.paragraph()];
        q.span.start == para.start
    }

    fn sieve(&self, i: usize) -> Option<Found> {
        let text = self.a.text;
        let q = &self.a.quotes[i];
        let first = q.parts[0];
        let last = q.parts[q.parts.len() - 1];
        let para_first = self.a.paragraphs[first.paragraph];
        let para_last = self.a.paragraphs[last.paragraph];

        let after_sentence = if q.parts.len() == 1 {
            self.a.sentences[i]
        } else {
            sentence_around(text, para_last, last.outer)
        };
        let next_quote = self
            .a
            .quotes
            .get(i + 1)
            .map_or(usize::MAX, |n| n.span.start);
        let after_end = after_sentence.end.min(next_quote).max(last.outer.end);
        let after = self.narrator_words(Span::new(last.outer.end, after_end));
        let dash = text[last.outer.end..]
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
            .starts_with(['—', '―', '–']);
        let trailing_ok = !text[last.outer.end..after_end]
            .trim_start()
            .starts_with(['.', '?', '!'])
            || q.close_mark.is_none();
        // “Q.” Then a new sentence: only a bare attribution clause (“Q.” Trump said.)
        // may follow a quote that ended its own sentence; "Trump said Clinton “caused
        // death.” Sanders called Trump a “liar.”" gives the second sentence's subject
        // nothing to do with the first quote.
        let ended_inside = text[last.inner].trim_end().ends_with(['.', '?', '!', '…']);
        let new_sentence = ended_inside
            && text[last.outer.end..after_end]
                .trim_start()
                .starts_with(char::is_uppercase);
        if trailing_ok
            && let Some(f) = sieves::trailing(&after, dash)
            && (!new_sentence
                || self.is_bare_attribution(
                    &after,
                    &f,
                    after_end < next_quote,
                    text[last.inner].trim_end().ends_with(['?', '!']),
                ))
        {
            // “Q,” Grayson said, according to Frankel: a person who relays the words is
            // the source the reader has them from (an outlet or a transcript only passes
            // them on, and the speaker stays).
            if let Some(relay) = sieves::according_to(&after)
                && relay.mention.span.start > f.mention.span.end
                && self.is_relaying_person(&relay.mention, &after)
            {
                return Some(relay);
            }
            // An outlet or a document that passed the words on is the record's `via`.
            let mut f = f;
            if let Some(relay) = sieves::according_to(&after)
                && relay.mention.span.start > f.mention.span.end
            {
                f.via = Some(relay.mention.span);
            }
            return Some(f);
        }

        // “Q,” an angry Hollande retaliated.: a short subject-and-verb clause after a quote
        // that closed on a comma, ? or !, whatever the verb.
        let closed_on = text[last.inner].trim_end().chars().last();
        if trailing_ok
            && matches!(closed_on, Some(',' | '?' | '!'))
            && let Some(f) = clause_verb::clause_verb(&after, closed_on != Some(','))
        {
            return Some(f);
        }

        let sentence = self.a.sentences[i];
        let before = self.narrator_words(Span::new(sentence.start, first.outer.start));
        let lead_text = text[sentence.start..first.outer.start].trim_end();
        let introduced = lead_text.ends_with([':', ',']);
        if let Some(mut f) = sieves::leading(&before, introduced) {
            // According to AZCentral, one sign read, “Q”: the outlet that relays the words
            // is the record's `via`.
            if sieves::according_to_possible(&text[Span::new(sentence.start, first.outer.start)])
                && let Some(relay) = sieves::according_to(&before)
                && relay.mention.span.end < f.mention.span.start
            {
                f.via = Some(relay.mention.span);
            }
            return Some(f);
        }
        if let Some(f) = headline::headline(&before) {
            return Some(f);
        }
        // A quote that ends its sentence ends the search for "according to" too.
        let whole_range = if new_sentence {
            Span::new(sentence.start, last.outer.end.max(sentence.start))
        } else {
            sentence
        };
        // according_to needs one of a few words: without them in that stretch's text, it
        // (quotes and all) is not split into words for nothing.
        let whole = if sieves::according_to_possible(&text[whole_range]) {
            self.narrator_words(whole_range)
        } else {
            Vec::new()
        };
        if let Some(f) = sieves::according_to(&whole) {
            return Some(f);
        }
        if let Some(f) = sieves::possessive_noun(&before) {
            return Some(f);
        }
        let subj = subject(&before).map(|(m, _)| m);
        if let Some(f) = sieves::embedded(&before, subj.as_ref()) {
            return Some(f);
        }
        if self.a.kinds[i] == Kind::Partial
            && let Some(f) = sieves::subject_of_sentence(&before)
        {
            return Some(f);
        }
        if lead_text.ends_with(':')
            && let Some(f) = sieves::colon(&before)
        {
            return Some(f);
        }
        // He said:¶“Q”: the paragraph before ends with a cue and a colon.
        if first.paragraph > 0 && before.is_empty() {
            let prev = self.a.paragraphs[first.paragraph - 1];
            if text[prev].trim_end().ends_with(':') {
                let start =
                    sentence_start(text, prev.start, prev.end.saturating_sub(1).max(prev.start));
                let words = self.narrator_words(Span::new(start, prev.end));
                return sieves::leading(&words, true).or_else(|| sieves::colon(&words));
            }
        }
        if before.is_empty() && after.is_empty() {
            return self.previous_sentence(sentence, para_first);
        }
        None
    }

    /// A quote that is a sentence of its own, after a narrator's sentence with a reporting
    /// verb and no quote of its own: "His partner, Lawrence Cummings, called him a master
    /// at impossible deals. “He showed again and again …”". The verb's subject speaks.
    fn previous_sentence(&self, sentence: Span, para: Span) -> Option<Found> {
        let text = self.a.text;
        let range = if sentence.start > para.start {
            let end = sentence.start;
            Span::new(sentence_start(text, para.start, end.saturating_sub(2)), end)
        } else {
            let pi = self.a.paragraphs.partition_point(|p| p.end <= para.start);
            let prev = *self.a.paragraphs.get(pi.checked_sub(1)?)?;
            let end = prev.end;
            Span::new(
                sentence_start(text, prev.start, end.saturating_sub(1).max(prev.start)),
                end,
            )
        };
        let quotes = &self.a.quotes;
        let first = quotes.partition_point(|q| q.span.end <= range.start);
        if quotes.get(first).is_some_and(|q| q.span.start < range.end) {
            return None;
        }
        let words = self.narrator_words(range);
        let subj = subject(&words).map(|(m, _)| m);
        let mut f = sieves::embedded(&words, subj.as_ref())?;
        f.method = "previous_sentence";
        f.confidence = f.confidence.min(0.6);
        Some(f)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod surname_tests {
    use super::*;

    /// A surname gathered from the stretches around it is what the index of every name
    /// says about it.
    #[test]
    fn lazy_surnames_agree_with_the_full_index() {
        let fixture = include_str!("../../fixtures/articles/putin-assad.txt");
        let texts = [
            fixture,
            "Sen. Jon Tester spoke. Tester said no.\nMr. Tester, of Montana, left; Jon  Tester\u{a0}Jr stayed.",
            "al-Assad met Bashar al-Assad and de Blasio. Bill de Blasio said “no,” Mrs. Clinton said.\nHillary Clinton and Bill Clinton.",
            "THE BIG HEADLINE ABOUT OBAMA TODAY\nBarack Obama’s plan: Obama explained “yes.” Obama’s adviser Obamacare",
            "van der Leyen said. Ursula von der Leyen, President Ursula von der Leyen, whose remarks journalists remembered.",
            // Surnames met alone before, after and without their full form; one that is a title.
            "Obama said no. Obama’s plan. Trump spoke, then Donald Trump’s aide and Trump. Mrs. Clinton and Clinton.\nMme said. Mme Curie, Mme. Trump-Pence Trumpism Trump.",
        ];
        for text in texts {
            let analysis = Analysis::new(text);
            let full = surname_index(&analysis);
            assert!(!full.is_empty(), "{text}");
            let doc = Doc::new(&analysis, false);
            for (key, expected) in &full {
                assert_eq!(
                    doc.surname(key).as_deref(),
                    Some(&**expected),
                    "{key} in {text}"
                );
            }
            let absent = doc.surname("Nobody");
            assert!(absent.is_none_or(|s| s.longest == 0 && !s.titled && s.gender.is_none()));
        }
    }
}
