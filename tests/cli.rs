//! The command line: formats, standard input, corpora, output files, errors and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use quotecheck::record::{CsvRow, Quote};

const ARTICLE: &str = "fixtures/articles/putin-assad.txt";

fn qc() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

fn jsonl(stdout: &[u8]) -> Vec<Quote> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_when_piped() {
    let out = qc()
        .args(["extract", ARTICLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = jsonl(&out);
    // The 19 quoted stretches, and reported speech (kind indirect) beside them by default.
    let quotes: Vec<&Quote> = records
        .iter()
        .filter(|q| q.kind != quotecheck::Kind::Indirect)
        .collect();
    assert_eq!(quotes.len(), 19);
    assert!(records.len() > quotes.len());
    assert_eq!(quotes[0].doc, ARTICLE);
    assert_eq!(
        quotes[1].text,
        "We have an opportunity to discuss the entire range of our relations,"
    );
    let only_marks = qc()
        .args(["extract", ARTICLE, "--kinds", "direct,partial,term"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(jsonl(&only_marks).len(), 19);
}

#[test]
fn csv_has_header_and_reparses() {
    let out = qc()
        .args(["extract", ARTICLE, "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, quotecheck::record::FIELDS);
    let rows: Vec<Quote> = reader
        .deserialize::<CsvRow>()
        .map(|r| Quote::try_from(r.unwrap()).unwrap())
        .collect();
    let direct = jsonl(&qc().args(["extract", ARTICLE]).assert().get_output().stdout);
    assert_eq!(rows, direct);
}

#[test]
fn json_array_and_table() {
    let out = qc()
        .args(["extract", ARTICLE, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let parsed: Vec<Quote> = serde_json::from_slice(&out).unwrap();
    let jsonl_records = jsonl(&qc().args(["extract", ARTICLE]).assert().get_output().stdout);
    assert_eq!(parsed, jsonl_records);
    qc().args(["extract", ARTICLE, "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains("KIND").and(predicate::str::contains("“maturity”")));
}

#[test]
fn kinds_filter() {
    let out = qc()
        .args(["extract", ARTICLE, "--kinds", "term"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let texts: Vec<String> = jsonl(&out).into_iter().map(|q| q.text).collect();
    assert_eq!(texts, ["caliphate,", "caliphate", "resistance"]);
}

#[test]
fn stdin_is_one_document_called_dash() {
    let out = qc()
        .args(["extract", "-"])
        .write_stdin("“We will win,” the senator said.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let quotes = jsonl(&out);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].doc, "-");
}

#[test]
fn corpus_input_uses_ids() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"a\", \"text\": \"“One,” he said.\"}\n{\"id\": 2, \"text\": \"She called it “two.”\", \"extra\": true}\n",
    )
    .unwrap();
    let out = qc()
        .arg("extract")
        .arg(&corpus)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs: Vec<String> = jsonl(&out).into_iter().map(|q| q.doc).collect();
    assert_eq!(docs, ["a", "2"]);
    // --corpus reads any extension as a corpus, and "-" as a corpus on stdin.
    let out = qc()
        .args(["extract", "--corpus", "-"])
        .write_stdin("{\"id\": \"s\", \"text\": \"“Three,” she said.\"}\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(jsonl(&out)[0].doc, "s");
}

#[test]
fn output_file_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes.csv");
    qc().args(["extract", ARTICLE, "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("doc,index,start,end,"),
        "format from the extension"
    );
    let records = jsonl(&qc().args(["extract", ARTICLE]).assert().get_output().stdout);
    assert_eq!(written.lines().count(), records.len() + 1);
}

#[test]
fn failed_run_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("bad.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"a\", \"text\": \"“One,” he said.\"}\n{\"id\": \"b\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out.jsonl");
    qc().arg("extract")
        .arg(&corpus)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.jsonl:2:"));
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn excel_safe_defuses_formulas() {
    let out = qc()
        .args(["extract", "-", "--format", "csv", "--excel-safe"])
        .write_stdin("He wrote “=HYPERLINK(1)” on the form, she said.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("'=HYPERLINK(1)"));
}

#[test]
fn errors_name_the_file_and_exit_2() {
    qc().args(["extract", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"line one\ncaf\xe9 \x93quoted\x94\n").unwrap();
    qc().arg("extract").arg(&bad).assert().code(2).stderr(
        predicate::str::contains("not valid UTF-8").and(predicate::str::contains("line 2")),
    );
    qc().args(["extract", ARTICLE, "--kinds", "quote"])
        .assert()
        .code(2);
}

#[test]
fn help_shows_examples() {
    qc().args(["extract", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}

#[test]
fn eval_reports_figures() {
    qc().args(["eval", "fixtures/eval/small.gold.jsonl", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"f1\""));
    qc().args(["eval", "fixtures/eval/small.gold.jsonl", "--errors", "5"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("quote detection")
                .and(predicate::str::contains("[missed] d2")),
        );
}

#[test]
fn explain_prints_the_evidence() {
    qc().args(["extract", ARTICLE, "--explain"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("pronoun: he -> ")
                .and(predicate::str::contains("[Putin] reportedly {said}"))
                .and(predicate::str::contains("a term")),
        );
}

/// What used to do nothing, or something else than asked, without a word.
#[test]
fn silent_no_ops_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    // An empty directory: nothing to read is an error, not an empty success.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    qc().arg("extract")
        .arg(&empty)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no documents in this directory"));
    // -o with an extension no format has: refused, and nothing written.
    let tsv = dir.path().join("quotes.tsv");
    qc().args(["extract", ARTICLE, "-o"])
        .arg(&tsv)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot tell the output format from .tsv",
        ));
    assert!(!tsv.exists());
    // ... unless the format is named.
    qc().args(["extract", ARTICLE, "--format", "csv", "-o"])
        .arg(&tsv)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&tsv).unwrap().starts_with("doc,"));
    // --explain prints evidence, not records: a format beside it is a mistake.
    qc().args(["extract", ARTICLE, "--explain", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn a_windows_1252_file_read_as_utf8_suggests_encoding() {
    qc().args(["extract", "fixtures/encodings/erdogan.windows-1252.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--encoding (windows-1252"));
    qc().args([
        "extract",
        "fixtures/encodings/erdogan.windows-1252.txt",
        "--encoding",
        "windows-1252",
    ])
    .assert()
    .success();
}
