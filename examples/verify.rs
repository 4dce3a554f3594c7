//! Checks an article's quotes against a transcript: exact, elided, altered, misattributed
//! (the transcript labels someone else) or not found, and where. `cargo run --example verify`.

use quotecheck::Document;
use quotecheck::verify::Verifier;
use quotecheck::verify::source::Source;

const TRANSCRIPT: &str = "\
RUIZ: Thank you all for coming. The budget is balanced, and we will not raise taxes this year.
HALE: Nobody on the council was consulted about any of it.
";

const ARTICLE: &str = "\
“The budget is balanced … we will not raise taxes,” the mayor, Ana Ruiz, said.

“We will raise taxes this year,” Ruiz said.

“Nobody on the council was consulted,” said Ana Ruiz.
";

fn main() {
    let verifier = Verifier::new(vec![Source::text("transcript.txt", TRANSCRIPT)]);
    let article = Document::new("article.txt", ARTICLE);
    for v in verifier.verify_document(&article) {
        println!(
            "{:<14} {:.2} line {:<4} {:<18} {}",
            v.verdict.as_str(),
            v.similarity,
            v.line.map_or("-".to_string(), |l| l.to_string()),
            v.source_speaker.as_deref().unwrap_or("-"),
            v.text
        );
    }
}
