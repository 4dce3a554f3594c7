//! `--explain`: for each quote, the evidence its attribution rests on, for a person to check:
//! the cue and mention marked in their sentence, the sieve that decided, and the chain a
//! pronoun was resolved through.

use std::fmt::Write;

use crate::attribute::attribute;
use crate::document::Document;
use crate::extract::{Analysis, Options};
use crate::kind::Kind;
use crate::sentence::sentence_around;
use crate::span::Span;

/// A readable account of every quote in `doc` and why it was attributed as it was.
pub fn explain(doc: &Document, options: &Options) -> String {
    explain_quotes(doc, options).concat()
}

/// [`explain`]'s account of each quote apart, one entry per record [`extract`] gives (in
/// the same order, before any filtering by kind); each entry ends with a newline.
///
/// [`extract`]: crate::extract::extract
pub fn explain_quotes(doc: &Document, options: &Options) -> Vec<String> {
    let analysis = Analysis::with_options(&doc.text, options);
    let attributions = attribute(&analysis);
    let text = analysis.text;
    // (byte start, the account's header after the record's number, its body), merged in
    // record order as `extract` merges quotes and reported speech.
    let mut entries: Vec<(usize, String, String)> = Vec::with_capacity(analysis.quotes.len());
    for (i, (q, a)) in analysis.quotes.iter().zip(&attributions).enumerate() {
        let kind = analysis.kinds[i];
        let words = q.inner_text(text).replace('\n', " ¶ ");
        let header = format!("¶{} {} “{}”", q.paragraph(), kind, clip(&words, 90));
        let body = match a {
            _ if kind == Kind::Term => {
                "    a term: no reporting verb or speaker governs it\n".to_string()
            }
            None => "    unattributed: no sieve found a speaker\n".to_string(),
            Some(a) => evidence(&analysis, a),
        };
        entries.push((q.span.start, header, body));
    }
    if options.indirect {
        for r in crate::indirect::find(&analysis) {
            let words = text[r.content].replace('\n', " ");
            let header = format!(
                "¶{} {} (reported, no quotation marks) {}",
                r.paragraph,
                Kind::Indirect,
                clip(&words, 90)
            );
            entries.push((r.content.start, header, evidence(&analysis, &r.attribution)));
        }
        entries.sort_by_key(|e| e.0);
    }
    entries
        .into_iter()
        .enumerate()
        .map(|(i, (_, header, body))| format!("{}#{} {header}\n{body}", doc.id, i + 1))
        .collect()
}

/// The speaker, method and confidence of an attribution, its evidence marked in its
/// sentence, and the chain a pronoun was resolved through.
fn evidence(analysis: &Analysis<'_>, a: &crate::attribute::Attribution) -> String {
    let text = analysis.text;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "    speaker: {}   (method {}, confidence {:.2}{})",
        a.speaker.as_deref().unwrap_or("-"),
        a.method,
        a.confidence,
        if a.ambiguous { ", ambiguous" } else { "" }
    );
    let para = analysis
        .paragraphs
        .iter()
        .copied()
        .find(|p| p.contains(a.mention))
        .unwrap_or(Span::new(a.mention.start, a.mention.end));
    let sentence = sentence_around(text, para, a.mention);
    let _ = writeln!(
        out,
        "    evidence: {}",
        marked(text, sentence, a.mention, a.cue)
    );
    for step in a.chain() {
        let _ = writeln!(out, "    pronoun: {step}");
    }
    out
}

/// The sentence with the mention in [brackets] and the cue in {braces}.
fn marked(text: &str, sentence: Span, mention: Span, cue: Option<Span>) -> String {
    let mut marks: Vec<(usize, &str)> = vec![(mention.start, "["), (mention.end, "]")];
    if let Some(c) = cue.filter(|c| sentence.contains(*c)) {
        marks.push((c.start, "{"));
        marks.push((c.end, "}"));
    }
    marks.sort_by_key(|m| m.0);
    let mut out = String::new();
    let mut at = sentence.start;
    for (pos, mark) in marks {
        if pos < at || pos > sentence.end {
            continue;
        }
        out.push_str(&text[at..pos]);
        out.push_str(mark);
        at = pos;
    }
    out.push_str(&text[at..sentence.end]);
    clip(&out.replace('\n', " "), 240)
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        s.chars().take(width - 1).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_a_pronoun_chain_and_marks_the_evidence() {
        let doc = Document::new(
            "t",
            "Recep Tayyip Erdogan spoke in July.\n“We will extend our invitation to Assad,” he said in an interview.",
        );
        let out = explain(&doc, &Options::default());
        assert!(out.contains("speaker: Recep Tayyip Erdogan"), "{out}");
        assert!(out.contains("[he] {said}"), "{out}");
        assert!(out.contains("pronoun: he -> Recep Tayyip Erdogan"), "{out}");
    }

    #[test]
    fn one_account_per_record_in_record_order() {
        let doc = Document::new(
            "t",
            "“We have an opportunity,” Putin said. The deal was “dead on arrival,” said Lindsey Graham.",
        );
        let accounts = explain_quotes(&doc, &Options::default());
        let quotes = crate::extract::extract(&doc).quotes;
        assert_eq!(accounts.len(), quotes.len());
        for (account, q) in accounts.iter().zip(&quotes) {
            assert!(account.starts_with(&format!("t#{} ", q.index)), "{account}");
            assert!(account.ends_with('\n'), "{account}");
        }
        assert_eq!(accounts.concat(), explain(&doc, &Options::default()));
    }

    #[test]
    fn reported_speech_is_explained_in_record_order() {
        let doc = Document::new(
            "t",
            "“We will win,” Sanders said. He added that the campaign had raised $20 million.",
        );
        let options = Options {
            indirect: true,
            ..Options::default()
        };
        let accounts = explain_quotes(&doc, &options);
        let records = crate::extract::extract_with(&doc, &options).quotes;
        assert_eq!(accounts.len(), records.len());
        assert!(
            accounts[1].starts_with("t#2 ¶0 indirect (reported"),
            "{}",
            accounts[1]
        );
        assert!(accounts[1].contains("[He] {added}"), "{}", accounts[1]);
        assert!(
            accounts[1].contains("method indirect_leading"),
            "{}",
            accounts[1]
        );
    }

    #[test]
    fn terms_and_unattributed_quotes_say_so() {
        let doc = Document::new(
            "t",
            "As of 2024, the “caliphate” has long fallen.\nThe shop was dark.\n“Closed for the season. Come back in spring.”",
        );
        let out = explain(&doc, &Options::default());
        assert!(out.contains("a term"), "{out}");
        assert!(out.contains("unattributed"), "{out}");
    }
}
