//! Extracts the quotes of a short article and prints who said each, with the words the
//! attribution rests on. `cargo run --example extract [FILE]` (a built-in article without FILE).

use quotecheck::{Document, extract};

const ARTICLE: &str = "\
MOSCOW — “We have an opportunity to end this war,” said Vladimir Putin, the Russian president.

“It will not come again,” he added, before the talks in Geneva.

A Kremlin spokesman called the proposal “a serious offer.”
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let doc = match std::env::args().nth(1) {
        Some(path) => Document::new(path.clone(), std::fs::read_to_string(&path)?),
        None => Document::new("article.txt", ARTICLE),
    };
    for q in extract(&doc).quotes {
        println!(
            "¶{} {:<8} {:<20} {:<16} {}",
            q.paragraph,
            q.kind.as_str(),
            q.speaker.as_deref().unwrap_or("(unattributed)"),
            format!(
                "[{} {}]",
                q.mention.as_deref().unwrap_or("-"),
                q.cue.as_deref().unwrap_or("-")
            ),
            q.text
        );
    }
    Ok(())
}
