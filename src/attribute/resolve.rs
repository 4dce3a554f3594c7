//! From a sieve's finding to a speaker: names to their fullest form in the document, pronouns
//! and role descriptions ("the senator") to their antecedent, the writer's "I" to nobody.

use super::*;

impl<'a, 'b> Doc<'a, 'b> {
    /// Turns a sieve's finding into an attribution: names to their fullest form, pronouns
    /// to their antecedent.
    pub(super) fn resolve(&self, f: Found, memory: &mut Memory) -> Attribution {
        let text = self.a.text;
        let mut chain = Vec::new();
        let mut ambiguous = false;
        let speaker = match &f.mention.kind {
            MentionKind::Name(words) => {
                let mut name = self.canonical_for(words, f.mention.span.start, f.mention.gender);
                // No fuller form: a gendered title is part of how the text names this
                // person (Mrs. Beaver, Miss Bennet), so it stays.
                if f.mention.gender.is_some() && name == words.join(" ") {
                    name = words::strip_possessive(&text[f.mention.span]).to_string();
                }
                memory.spoke(&name, f.mention.span.start);
                if let Some(g) = f.mention.gender {
                    memory.genders.insert(name.clone(), g);
                }
                Some(name)
            }
            MentionKind::Description => {
                let words = &text[f.mention.span];
                // "the senator", "the former first lady": a definite description of one
                // person by role refers back like a pronoun does.
                let found = is_definite_role(words)
                    .then(|| self.antecedent(f.mention.span.start, None, memory))
                    .flatten()
                    .filter(|found| !found.ambiguous);
                match found {
                    Some(found) => {
                        chain.push(format!("{words} -> {} ({})", found.name, found.via));
                        Some(found.name)
                    }
                    None => Some(words.to_string()),
                }
            }
            MentionKind::Pronoun(_) if is_first_person(&text[f.mention.span]) => {
                chain.push(format!(
                    "{} -> the writer (first person)",
                    &text[f.mention.span]
                ));
                None
            }
            MentionKind::Pronoun(gender) => {
                match self.antecedent(f.mention.span.start, *gender, memory) {
                    Some(found) => {
                        ambiguous = found.ambiguous;
                        chain.push(format!(
                            "{} -> {} ({})",
                            &text[f.mention.span], found.name, found.via
                        ));
                        Some(found.name)
                    }
                    None => None,
                }
            }
        };
        let speaker_type =
            source_type::speaker_type(&f.mention.kind, &text[f.mention.span], speaker.as_deref());
        let role = match &f.mention.kind {
            MentionKind::Name(words) => role::role_of(text, f.mention.span, words),
            _ => None,
        };
        let via = f.via.map(|s| words::strip_possessive(&text[s]).to_string());
        if !self.chains {
            chain.clear();
        }
        Attribution {
            speaker_type,
            speaker,
            mention: f.mention.span,
            cue: f.cue,
            method: f.method,
            confidence: if matches!(f.mention.kind, MentionKind::Pronoun(_)) {
                f.confidence * 0.9
            } else {
                f.confidence
            },
            ambiguous,
            details: (role.is_some() || via.is_some() || !chain.is_empty())
                .then(|| Box::new(Details { role, via, chain })),
        }
    }

    /// The fullest form of a name: among the document's names ending in the same word,
    /// the longest, nearest before `at` (else the first after).
    pub(super) fn canonical(&self, words: &[String], at: usize) -> String {
        self.canonical_for(words, at, None)
    }

    /// [`Doc::canonical`] for a mention whose title gives a gender (Mrs. Beaver): a fuller
    /// form whose first name says otherwise (John Beaver) is another person, so the
    /// nearest agreeing form is taken, else the mention's own words.
    pub(super) fn canonical_for(
        &self,
        words: &[String],
        at: usize,
        gender: Option<Gender>,
    ) -> String {
        let Some(surname) = words.last() else {
            return String::new();
        };
        let agrees = |full: &Vec<String>| {
            let Some(g) = gender else { return true };
            crate::lexicon::first_name_is_female(&full[0])
                .is_none_or(|female| female == (g == Gender::Female))
        };
        match self.surname(surname).as_deref() {
            Some(s) if s.longest > words.len() => {
                let before = s.fullest.partition_point(|(start, _)| *start < at);
                let nearest = s.fullest[..before]
                    .iter()
                    .rev()
                    .chain(&s.fullest[before..])
                    .find(|(_, full)| agrees(full));
                match nearest {
                    Some((_, full)) => full.join(" "),
                    None => words.join(" "),
                }
            }
            _ => words.join(" "),
        }
    }

    /// A name's gender: from its first name when the name has one the lexicon knows, else
    /// from a title the document gives anyone with this surname.
    pub(super) fn gender_of(&self, words: &[String]) -> Option<Gender> {
        if words.len() >= 2
            && let Some(female) = crate::lexicon::first_name_is_female(&words[0])
        {
            return Some(if female { Gender::Female } else { Gender::Male });
        }
        let surname = self.surname(words.last()?)?;
        if let Some((_, full)) = surname.fullest.first()
            && full.len() >= 2
            && let Some(female) = crate::lexicon::first_name_is_female(&full[0])
            && surname
                .fullest
                .iter()
                .all(|(_, f)| f.first() == full.first())
        {
            return Some(if female { Gender::Female } else { Gender::Male });
        }
        surname.gender
    }

    /// The antecedent of a pronoun at `at`: the subject of the current sentence before it,
    /// else of the nearest preceding sentences (this paragraph, then two before), if it is
    /// a person; else the last named speaker nearby; else the nearest subject at all. Names
    /// inside the quote being attributed never count.
    pub(super) fn antecedent(
        &self,
        at: usize,
        gender: Option<Gender>,
        memory: &Memory,
    ) -> Option<Antecedent> {
        let text = self.a.text;
        let pi = self
            .a
            .paragraphs
            .partition_point(|p| p.end < at)
            .min(self.a.paragraphs.len() - 1);
        let mut para_idx = pi;
        let mut end = at;
        let mut weak: Option<Antecedent> = None;
        for step in 0..10 {
            let para = self.a.paragraphs[para_idx];
            let start = sentence_start(text, para.start, end.saturating_sub(1).max(para.start));
            // The narrator's words leave out every quote's, the one attributed included.
            let sentence = self.sentence_subject(Span::new(start, end));
            let ws = &sentence.words;
            if let Some((m, fallback)) = &sentence.subject
                && let MentionKind::Name(words) = &m.kind
            {
                let name = self.canonical(words, m.span.start);
                let fallback = *fallback;
                if self.compatible(&name, m, gender, memory) {
                    let via = if step == 0 {
                        "subject of this sentence"
                    } else {
                        "subject of a preceding sentence"
                    };
                    let found = Antecedent {
                        name,
                        ambiguous: fallback,
                        via,
                    };
                    if self.is_person(&found.name, words, memory) {
                        return Some(found);
                    }
                    weak.get_or_insert(found);
                } else if gender.is_some() {
                    // The subject is of the other gender: another person the sentence
                    // names may be meant (Clinton spoke and Trump followed her. … he said).
                    let other = self.names_in(ws).into_iter().find(|(n, w, mm)| {
                        n != &name
                            && self.compatible(n, mm, gender, memory)
                            && self.is_person(n, w, memory)
                    });
                    if let Some((name, _, _)) = other {
                        weak.get_or_insert(Antecedent {
                            name,
                            ambiguous: true,
                            via: "the other person a sentence names",
                        });
                    }
                }
            }
            // A stretch cut at the longest sentence looked for is no sentence: a paragraph
            // without sentence ends (hostile input) is not searched chunk by chunk.
            if start > para.start && end - start >= crate::sentence::MAX_SENTENCE {
                break;
            }
            if start <= para.start {
                if para_idx == 0 || pi - para_idx >= 2 {
                    break;
                }
                para_idx -= 1;
                end = self.a.paragraphs[para_idx].end;
            } else {
                end = start;
            }
        }
        let horizon = self.a.paragraphs[pi.saturating_sub(3)].start;
        let recent = memory
            .speakers
            .iter()
            .rev()
            .skip_while(|(_, pos)| *pos >= at)
            .take_while(|(_, pos)| *pos >= horizon)
            .take(8)
            .find(|(name, _)| {
                gender.is_none_or(|g| {
                    memory.gender(name).is_none_or(|h| h == g)
                        && self
                            .gender_of(
                                &name
                                    .split_whitespace()
                                    .map(str::to_string)
                                    .collect::<Vec<_>>(),
                            )
                            .is_none_or(|h| h == g)
                })
            });
        if let Some((name, _)) = recent {
            return Some(Antecedent {
                name: name.clone(),
                ambiguous: weak.is_some(),
                via: "the last named speaker",
            });
        }
        weak
    }

    /// Every name in `ws`, with its canonical form and words.
    pub(super) fn names_in(&self, ws: &[Word<'_>]) -> Vec<(String, Vec<String>, Mention)> {
        name_runs(ws, false)
            .into_iter()
            .filter_map(|(_, m)| {
                let MentionKind::Name(words) = &m.kind else {
                    return None;
                };
                Some((
                    self.canonical(words, m.span.start),
                    words.clone(),
                    m.clone(),
                ))
            })
            .collect()
    }

    /// Whether a name is a person's: it has spoken, it carries a title somewhere, or it has
    /// two or more words none of which names a place or an organisation.
    pub(super) fn is_person(&self, name: &str, words: &[String], memory: &Memory) -> bool {
        if memory.has_spoken(name) {
            return true;
        }
        if words
            .last()
            .and_then(|w| self.surname(w))
            .is_some_and(|s| s.titled)
        {
            return true;
        }
        let full: Vec<&str> = name.split_whitespace().collect();
        full.len() >= 2
            && !full.iter().any(|w| is_place_or_org_word(w))
            && !full.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
    }

    pub(super) fn compatible(
        &self,
        name: &str,
        m: &Mention,
        gender: Option<Gender>,
        memory: &Memory,
    ) -> bool {
        let Some(g) = gender else { return true };
        let MentionKind::Name(words) = &m.kind else {
            return false;
        };
        let full: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        self.gender_of(&full)
            .or_else(|| self.gender_of(words))
            .is_none_or(|h| h == g)
            && m.gender.is_none_or(|h| h == g)
            && memory.gender(name).is_none_or(|h| h == g)
    }
}

/// Whether a pronoun is the writer's own (I, we, I’m): it names nobody in the text.
fn is_first_person(pronoun: &str) -> bool {
    let bare = pronoun
        .split(['’', '\''])
        .next()
        .unwrap_or(pronoun)
        .to_lowercase();
    matches!(bare.as_str(), "i" | "we")
}

/// Whether a description names one person by role: "the senator", "The former first
/// lady", "the California congressman" (a definite article and a singular role noun).
fn is_definite_role(description: &str) -> bool {
    let mut words = description.split_whitespace();
    let first = words.next().unwrap_or("");
    let last = words.next_back().unwrap_or("");
    first.eq_ignore_ascii_case("the") && !last.ends_with('s') && crate::lexicon::is_role_noun(last)
}
