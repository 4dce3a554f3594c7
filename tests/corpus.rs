//! Corpus mode of `quotecheck extract`: input order kept whatever the number of threads,
//! bad lines reported with their line number, `--keep-going`, output written whole or not at all.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn quotecheck() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

/// A corpus of `n` documents made from the fixture articles' paragraphs, each document a
/// few paragraphs, so that it spans several batches.
fn corpus(n: usize) -> String {
    let mut paragraphs = Vec::new();
    for entry in std::fs::read_dir("fixtures/articles").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            paragraphs.extend(text.lines().map(str::to_string));
        }
    }
    assert!(!paragraphs.is_empty());
    (0..n)
        .map(|i| {
            let text: Vec<&str> = (0..1 + i % 4)
                .map(|k| paragraphs[(i * 7 + k) % paragraphs.len()].as_str())
                .collect();
            serde_json::json!({"id": format!("doc-{i}"), "text": text.join("\n")}).to_string()
                + "\n"
        })
        .collect()
}

fn write(dir: &Path, name: &str, content: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn output_keeps_input_order_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "c.jsonl", &corpus(2500));
    let run = |threads: &str, format: &str| {
        let out = quotecheck()
            .args(["extract", "--format", format, "--threads", threads])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for format in ["jsonl", "csv", "json"] {
        let one = run("1", format);
        assert_eq!(one, run("2", format), "{format}");
        assert_eq!(one, run("3", format), "{format}");
    }
    let one = run("1", "jsonl");
    let docs: Vec<usize> = one
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["doc"].as_str().unwrap()[4..].parse().unwrap()
        })
        .collect();
    assert!(docs.windows(2).all(|w| w[0] <= w[1]), "documents in order");
    assert!(docs.last().unwrap() > &2000, "every batch written");
    let csv = run("2", "csv");
    assert_eq!(csv.matches("doc,index,").count(), 1, "one header row");
}

#[test]
fn a_bad_line_stops_with_its_line_number_and_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = corpus(1500);
    let good_lines = text.lines().count();
    text.push_str("{\"id\": \"broken\", \"text\": \"unterminated\n");
    text.push_str(&corpus(10));
    let path = write(dir.path(), "c.jsonl", &text);
    let out = dir.path().join("quotes.jsonl");
    quotecheck()
        .args(["extract", "--threads", "2", "-o"])
        .arg(&out)
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "c.jsonl:{}: expected a JSON object",
            good_lines + 1
        )));
    assert!(!out.exists(), "no half-written output");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn keep_going_reports_the_line_and_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        String::from("{\"id\": \"a\", \"text\": \"“We have an opportunity,” Putin said.\"}\n");
    text.push_str("not json at all\n");
    text.push_str(
        "{\"id\": \"b\", \"text\": \"Assad praised the “maturity” of ties, he said.\"}\n",
    );
    let path = write(dir.path(), "c.jsonl", &text);
    let out = quotecheck()
        .args(["extract", "--keep-going", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("c.jsonl:2: "), "{stderr}");
    assert!(stderr.contains("skipped 1"), "{stderr}");
    let docs: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
        .collect();
    assert_eq!(docs, ["\"a\"", "\"b\""]);
}

#[test]
fn keep_going_reports_a_missing_file_and_exits_3() {
    quotecheck()
        .args(["extract", "--keep-going", "no/such/corpus.jsonl"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no/such/corpus.jsonl"));
}

#[test]
fn zero_threads_is_a_usage_error() {
    quotecheck()
        .args([
            "extract",
            "--threads",
            "0",
            "fixtures/articles/putin-assad.txt",
        ])
        .assert()
        .code(2);
}
