//! Records of one sentence that run into each other. A content found for one cue often
//! runs on over the next attribution clause: in "Carson denied that the course name was
//! inaccurate, but said his campaign had found the article", the first content would end
//! at the sentence's end and hold the second cue and its content. A content is cut where
//! another record's attribution clause starts inside it, and a record that still crosses
//! another is dropped, so two stretches of reported speech are apart or one holds the
//! other: a report of a report ("Apple has stated it will not fund the convention,
//! according to the Journal"), whose content opens with the inner report's clause.

use super::Reported;
use crate::span::Span;

/// Words that join a clause to the one before; they end no content.
const JOINERS: [&str; 10] = [
    "and", "but", "while", "as", "although", "though", "because", "so", "yet", "or",
];

/// Where `r`'s attribution clause starts: its mention, or its cue when the mention is
/// elsewhere (a subject carried over: "… but said C"). `None` for content before the
/// clause (C, X said) and records without a cue.
fn clause_start(r: &Reported, within: Span) -> Option<usize> {
    let cue = r.attribution.cue?;
    if r.content.start < cue.end {
        return None;
    }
    let mention = r.attribution.mention;
    Some(
        if within.start <= mention.start && mention.start < cue.start {
            mention.start
        } else {
            cue.start
        },
    )
}

/// `text[start..end]` without trailing spaces, punctuation and joining words.
fn trimmed_end(text: &str, start: usize, mut end: usize) -> usize {
    loop {
        let before = text[start..end].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '(')
        });
        end = start + before.len();
        let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if !last.is_empty() && JOINERS.contains(&last.to_ascii_lowercase().as_str()) {
            end -= last.len();
        } else {
            return end;
        }
    }
}

/// Settles the records `records` of one sentence (a few at most): cuts each content at
/// the first other clause inside it, drops contents left empty, and then drops a record
/// that crosses one kept before it.
pub(super) fn settle(text: &str, records: &mut Vec<Reported>) {
    for a in 0..records.len() {
        let content = records[a].content;
        let cut = (0..records.len())
            .filter(|&b| b != a)
            .filter_map(|b| clause_start(&records[b], content))
            .filter(|&at| content.start < at && at < content.end)
            // A report of a report opens with the inner clause: "(that) Apple has stated …".
            .filter(|&at| {
                let lead = text[content.start..at].trim();
                !(lead.is_empty() || lead.eq_ignore_ascii_case("that"))
            })
            .min();
        if let Some(at) = cut {
            records[a].content.end = trimmed_end(text, content.start, at);
        }
    }
    records.retain(|r| !text[r.content].trim().is_empty());
    records.sort_by_key(|r| (r.content.start, std::cmp::Reverse(r.content.end)));
    let mut kept: Vec<Reported> = Vec::with_capacity(records.len());
    for r in records.drain(..) {
        let crosses = kept.iter().any(|k| {
            let overlap = r.content.start < k.content.end && k.content.start < r.content.end;
            let nested = k.content.start <= r.content.start && r.content.end <= k.content.end;
            overlap && !nested
        });
        if !crosses {
            kept.push(r);
        }
    }
    *records = kept;
}

#[cfg(test)]
mod tests {
    /// The reported contents of `text`, in order.
    fn contents(text: &str) -> Vec<String> {
        crate::indirect::tests::reported(text)
            .into_iter()
            .map(|q| q.text)
            .collect()
    }

    #[test]
    fn a_content_ends_where_the_next_clause_of_the_sentence_starts() {
        assert_eq!(
            contents(
                "Carson denied that the course name in his book was inaccurate, but said his \
                 campaign had found the student newspaper article and would release it."
            ),
            [
                "that the course name in his book was inaccurate",
                "his campaign had found the student newspaper article and would release it",
            ]
        );
        assert_eq!(
            contents(
                "Police said the suspect fled on foot, while witnesses told reporters he had \
                 driven away."
            ),
            ["the suspect fled on foot", "he had driven away"]
        );
    }

    #[test]
    fn a_report_of_a_report_holds_the_inner_one() {
        assert_eq!(
            contents(
                "The Independent Journal reported that Apple has stated it will not fund the \
                 Republican convention."
            ),
            [
                "that Apple has stated it will not fund the Republican convention",
                "it will not fund the Republican convention",
            ]
        );
    }

    #[test]
    fn two_contents_of_one_cue_are_not_cut() {
        assert_eq!(
            contents("The mayor said the budget was balanced and that no layoffs were planned."),
            ["the budget was balanced", "that no layoffs were planned"]
        );
    }

    #[test]
    fn trailing_joiners_and_punctuation_are_not_content() {
        let text = "it rained, and but ";
        assert_eq!(super::trimmed_end(text, 0, text.len()), "it rained".len());
        assert_eq!(super::trimmed_end("so", 0, 2), 0);
    }
}
