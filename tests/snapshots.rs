//! Snapshot tests over every fixture text: the quotes found (offsets, kind, flags, text).
//! Review changes with `cargo insta review`; under CI=true a changed snapshot fails.

use quotecheck::{Document, extract};

fn summary(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let extraction = extract(&Document::new("fixture", text));
    let mut out = String::new();
    for q in &extraction.quotes {
        let flags: Vec<&str> = q.flags.iter().map(|f| f.as_str()).collect();
        out.push_str(&format!(
            "{:>3} {:>5}..{:<5} p{} {:<7} {:<24} [{}] {:?}\n",
            q.index,
            q.start,
            q.end,
            q.paragraph,
            q.kind.as_str(),
            q.speaker.as_deref().unwrap_or("-"),
            flags.join(","),
            q.text
        ));
    }
    for s in &extraction.stray_marks {
        out.push_str(&format!(
            "stray {} at {} (line {})\n",
            s.mark, s.start, s.line
        ));
    }
    out
}

#[test]
fn typography_fixtures() {
    insta::glob!("../fixtures", "typography/*.txt", |path| {
        insta::assert_snapshot!(summary(path));
    });
}

#[test]
fn article_fixtures() {
    insta::glob!("../fixtures", "articles/*.txt", |path| {
        insta::assert_snapshot!(summary(path));
    });
}
