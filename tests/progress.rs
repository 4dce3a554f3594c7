//! Progress: a bar with a percentage and a summary line on a terminal's standard error, and
//! nothing at all when standard error is not a terminal. The terminal runs go through
//! util-linux `script`, which gives the command a pseudo-terminal; without it they skip
//! with a message.

use std::path::Path;
use std::process::Command;

const ARTICLE: &str = "fixtures/articles/putin-assad.txt";
const BEFORE: &str = "fixtures/versions/case01.01.before_reworded_reattributed.txt";
const AFTER: &str = "fixtures/versions/case01.02.after_reworded_reattributed.txt";
const SOURCE: &str = "fixtures/sources/putin-assad-remarks.txt";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_quotecheck")
}

/// A corpus of the shipped article, `copies` times, so the run has many documents.
fn corpus(dir: &Path, copies: usize) -> String {
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let mut data = String::new();
    for i in 0..copies {
        let line = serde_json::json!({"id": format!("a{i}"), "text": text});
        data.push_str(&line.to_string());
        data.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, data).unwrap();
    path.to_str().unwrap().to_string()
}

fn runs(corpus: &str, out: &str) -> Vec<Vec<String>> {
    let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        s(&["extract", corpus, "-o", out]),
        s(&["verify", ARTICLE, "--source", SOURCE, "-o", out]),
        s(&["diff", BEFORE, AFTER, "-o", out]),
        s(&["review", ARTICLE, "--source", SOURCE]),
    ]
}

#[test]
fn nothing_on_standard_error_when_it_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), 20);
    let out = dir.path().join("out.jsonl");
    for args in runs(&corpus, out.to_str().unwrap()) {
        let run = Command::new(bin()).args(&args).output().unwrap();
        assert!(run.status.code().is_some_and(|c| c <= 1), "{args:?}");
        assert!(
            run.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let _ = std::fs::remove_file(&out);
    }
}

/// What a terminal shows when `args` run with one as their standard error (and output).
fn on_a_terminal(args: &[String]) -> Option<String> {
    let quote = |a: &str| format!("'{}'", a.replace('\'', r"'\''"));
    let command: Vec<String> = std::iter::once(bin())
        .chain(args.iter().map(String::as_str))
        .map(quote)
        .collect();
    let run = Command::new("script")
        .args(["-q", "-e", "-c", &command.join(" "), "/dev/null"])
        .env("TERM", "xterm")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&run.stdout).into_owned())
}

#[test]
fn a_terminal_sees_a_percentage_and_a_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), 200);
    let out = dir.path().join("out.jsonl");
    let expected = [
        "extracted ",
        "verified ",
        "compared 2 versions",
        "reviewed ",
    ];
    for (args, summary) in runs(&corpus, out.to_str().unwrap()).iter().zip(expected) {
        let Some(shown) = on_a_terminal(args) else {
            println!("skipping the terminal progress test: no util-linux `script`");
            return;
        };
        assert!(
            shown.contains(&format!("quotecheck: {summary}")),
            "{args:?}: {shown:?}"
        );
        let _ = std::fs::remove_file(&out);
    }
    // The bar is drawn with its percentage, and the summary counts every document.
    let shown = on_a_terminal(&runs(&corpus, out.to_str().unwrap())[0]).unwrap();
    assert!(shown.contains("100% "), "{shown:?}");
    assert!(shown.contains(", 200 documents ("), "{shown:?}");
}
