//! A stand-in for the `verify` stage, enough for the review to show unverified quotes; only
//! [`super::compare::against_sources`] calls it, so `verify` replaces it in one place.
//!
//! A quote is exact when its characters appear in a source, cosmetic when its normalised
//! words do, a clean elision when the pieces around "…" appear in order, altered when a
//! stretch of the source shares most of its words, and otherwise not found. Terms are not
//! checked. Sources are read as plain text.

use std::collections::HashSet;

use unicode_segmentation::UnicodeSegmentation;

use crate::document::Document;
use crate::kind::Kind;
use crate::record::Quote;

use super::{Verdict, VerdictStatus};

/// A quote's words, lower-cased, without punctuation, quote marks or spacing differences.
pub fn normalized_words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// The verdict for each quote against `sources` (`None` for terms).
pub fn check_against_sources(quotes: &[Quote], sources: &[Document]) -> Vec<Option<Verdict>> {
    let source_words: Vec<Vec<String>> =
        sources.iter().map(|s| normalized_words(&s.text)).collect();
    quotes
        .iter()
        .map(|q| (q.kind != Kind::Term).then(|| verdict(&q.text, sources, &source_words)))
        .collect()
}

fn verdict(text: &str, sources: &[Document], source_words: &[Vec<String>]) -> Verdict {
    let found = |status, source: &Document, detail: Option<String>| Verdict {
        status,
        source: Some(source.id.clone()),
        detail,
    };
    let trimmed = text.trim_end_matches([',', ' ']);
    if let Some(s) = sources.iter().find(|s| s.text.contains(trimmed)) {
        return found(VerdictStatus::Exact, s, None);
    }
    let words = normalized_words(text);
    for (s, haystack) in sources.iter().zip(source_words) {
        if contains(haystack, &words) {
            return found(VerdictStatus::Cosmetic, s, None);
        }
    }
    let pieces: Vec<Vec<String>> = text
        .split(['…', '['])
        .flat_map(|p| p.split("..."))
        .map(normalized_words)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() > 1 {
        for (s, haystack) in sources.iter().zip(source_words) {
            if in_order(haystack, &pieces) {
                return found(VerdictStatus::Elision, s, None);
            }
        }
    }
    let mut best: Option<(f64, usize)> = None;
    for (k, haystack) in source_words.iter().enumerate() {
        let share = best_window_share(haystack, &words);
        if best.is_none_or(|(b, _)| share > b) {
            best = Some((share, k));
        }
    }
    match best {
        Some((share, k)) if share >= 0.6 => found(
            VerdictStatus::Altered,
            &sources[k],
            Some(format!(
                "{:.0}% of the words match a passage",
                share * 100.0
            )),
        ),
        _ => Verdict {
            status: VerdictStatus::NotFound,
            source: None,
            detail: None,
        },
    }
}

fn contains(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn in_order(haystack: &[String], pieces: &[Vec<String>]) -> bool {
    let mut from = 0;
    for piece in pieces {
        match haystack[from..]
            .windows(piece.len())
            .position(|w| w == piece.as_slice())
        {
            Some(at) => from += at + piece.len(),
            None => return false,
        }
    }
    true
}

/// The largest share of `needle`'s words found in any same-length stretch of `haystack`
/// (one pass, sliding the stretch a word at a time).
fn best_window_share(haystack: &[String], needle: &[String]) -> f64 {
    let n = needle.len();
    if n == 0 || haystack.len() < n {
        return 0.0;
    }
    let wanted: HashSet<&String> = needle.iter().collect();
    let hit = |w: &String| usize::from(wanted.contains(w));
    let mut count: usize = haystack[..n].iter().map(hit).sum();
    let mut best = count;
    for i in n..haystack.len() {
        count = count + hit(&haystack[i]) - hit(&haystack[i - n]);
        best = best.max(count);
    }
    best as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    fn quotes(text: &str) -> Vec<Quote> {
        extract(&Document::new("a.txt", text)).quotes
    }

    #[test]
    fn window_share_slides_over_the_whole_source() {
        let words = |s: &str| normalized_words(s);
        let source = words("one two three four five six seven eight");
        assert_eq!(
            best_window_share(&source, &words("six seven nine")),
            2.0 / 3.0
        );
        assert_eq!(best_window_share(&source, &words("one two")), 1.0);
        assert_eq!(best_window_share(&source, &words("ten")), 0.0);
        assert_eq!(best_window_share(&words("one"), &words("one two")), 0.0);
    }

    #[test]
    fn verdicts_against_a_transcript() {
        let transcript = Document::new(
            "transcript.txt",
            "We have an opportunity to discuss the entire range of our relations. It has been \
             a long time since we last met. Of course, I would also like to hear your opinion \
             on the situation in the region as a whole. Regrettably, we see that it tends to \
             deteriorate. This directly concerns Syria.",
        );
        let article = quotes(
            "“We have an opportunity to discuss the entire range of our relations,” Putin said.\n\
             “it has been a long time since we last met”, Putin said.\n\
             “It has been a long time … This directly concerns Syria,” he said.\n\
             “We see that it tends to improve in the region as a whole,” he said.\n\
             “We will extend our invitation to Assad,” Erdogan said.\n\
             The ISIS “caliphate” has long fallen.",
        );
        let verdicts = check_against_sources(&article, std::slice::from_ref(&transcript));
        let statuses: Vec<Option<VerdictStatus>> = verdicts
            .iter()
            .map(|v| v.as_ref().map(|v| v.status))
            .collect();
        assert_eq!(
            statuses,
            [
                Some(VerdictStatus::Exact),
                Some(VerdictStatus::Cosmetic),
                Some(VerdictStatus::Elision),
                Some(VerdictStatus::Altered),
                Some(VerdictStatus::NotFound),
                None
            ]
        );
        assert_eq!(
            verdicts[0].as_ref().unwrap().source.as_deref(),
            Some("transcript.txt")
        );
    }
}
