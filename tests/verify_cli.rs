//! `quotecheck verify` on the command line: formats, colour, corpora, errors and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use quotecheck::verify::report::CsvRow;

const ARTICLE: &str = "fixtures/articles/putin-assad.txt";
const EDITED: &str = "fixtures/sources/putin-assad-edited.txt";
const TXT: &str = "fixtures/sources/putin-assad-remarks.txt";
const SRT: &str = "fixtures/sources/putin-assad-remarks.srt";

fn qc() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_when_piped_with_the_documented_fields_and_exit_1_on_problems() {
    let out = qc()
        .args(["verify", ARTICLE, "--source", SRT])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    // Every direct and partial quote is checked; reported speech is listed as paraphrase.
    let (paraphrases, rows): (Vec<_>, Vec<_>) =
        rows.into_iter().partition(|r| r["kind"] == "indirect");
    assert_eq!(rows.len(), 16, "direct and partial quotes");
    assert!(rows.iter().all(|r| r["kind"] != "term"));
    assert!(
        !paraphrases.is_empty(),
        "the fixture reports speech without marks"
    );
    for p in &paraphrases {
        assert_eq!(p["verdict"], "paraphrase", "{p}");
        assert!(p["source"].is_null() && p["stretches"].as_array().unwrap().is_empty());
    }
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for field in [
        "doc",
        "index",
        "text",
        "speaker",
        "verdict",
        "similarity",
        "source",
        "start",
        "end",
        "line",
        "timestamp",
        "stretches",
        "flags",
        "diff",
    ] {
        assert!(keys.contains(&field), "{field} missing from {keys:?}");
    }
    let spliced = rows.iter().find(|r| r["verdict"] == "spliced").unwrap();
    assert!(
        spliced["diff"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["op"] == "splice")
    );
    assert!(
        rows.iter()
            .all(|r| r["verdict"] == "not_found" || r["timestamp"].is_string())
    );
}

#[test]
fn exit_0_when_every_quote_passes() {
    // Only the clean quotes of the article: the first two paragraphs of Putin's remarks.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("clean.txt");
    std::fs::write(
        &article,
        "“We have an opportunity to discuss the entire range of our relations,” Putin said. \
         Assad praised the “maturity” of the relationship.\n",
    )
    .unwrap();
    qc().args(["verify", article.to_str().unwrap(), "--source", TXT])
        .assert()
        .code(0);
}

#[test]
fn an_elision_that_removes_a_not_fails_the_run() {
    let out = qc()
        .args(["verify", EDITED, "--source", TXT, "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    let negation = rows
        .iter()
        .find(|r| {
            r["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "meaning")
        })
        .unwrap();
    assert_eq!(negation["verdict"], "elided");
    assert!(
        negation["diff"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["op"] == "elided" && e["source"] == "not")
    );
}

#[test]
fn csv_reparses_and_text_is_readable() {
    let out = qc()
        .args(["verify", ARTICLE, "--source", TXT, "--format", "csv"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<CsvRow> = reader.deserialize().map(|r| r.unwrap()).collect();
    let checked = rows.iter().filter(|r| r.verdict != "paraphrase").count();
    assert_eq!(checked, 16);
    assert!(
        rows.iter()
            .any(|r| r.verdict == "altered" && r.diff.contains("{+extremely+}"))
    );

    qc().args(["verify", ARTICLE, "--source", TXT, "--format", "text"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("16 quotes:")
                .and(predicate::str::contains("not_found"))
                .and(predicate::str::contains("\x1b[").not()),
        );
    qc().args([
        "verify", ARTICLE, "--source", TXT, "--format", "text", "--color", "always",
    ])
    .assert()
    .code(1)
    .stdout(predicate::str::contains(
        quotecheck::style::Paint::new(true).paint(quotecheck::style::RED.bold(), "altered"),
    ));
    // NO_COLOR and a pipe both keep auto colour off.
    qc().env("NO_COLOR", "1")
        .args(["verify", ARTICLE, "--source", TXT, "--format", "text"])
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn corpora_in_and_as_sources() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("articles.jsonl");
    let article = std::fs::read_to_string(ARTICLE).unwrap();
    let edited = std::fs::read_to_string(EDITED).unwrap();
    std::fs::write(
        &corpus,
        format!(
            "{}\n{}\n",
            serde_json::json!({"id": "original", "text": article}),
            serde_json::json!({"id": 7, "text": edited})
        ),
    )
    .unwrap();
    let out = qc()
        .args(["verify", corpus.to_str().unwrap(), "--source", TXT])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    let quotes_of = |doc: &str| {
        rows.iter()
            .filter(|r| r["doc"] == doc && r["kind"] != "indirect")
            .count()
    };
    assert_eq!(quotes_of("original"), 16);
    assert_eq!(quotes_of("7"), 4);
    // A corpus as the source: each document is a source named path#id.
    let out = qc()
        .args(["verify", EDITED, "--source", corpus.to_str().unwrap()])
        .assert()
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    let first_quote = rows.iter().find(|r| r["kind"] != "indirect").unwrap();
    let source = first_quote["source"].as_str().unwrap();
    assert!(source.ends_with("articles.jsonl#original"), "{source}");
}

#[test]
fn output_file_takes_its_format_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("verdicts.csv");
    qc().args([
        "verify",
        ARTICLE,
        "--source",
        TXT,
        "-o",
        path.to_str().unwrap(),
    ])
    .assert()
    .code(1)
    .stdout("");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("doc,index,text,speaker,kind,verdict,similarity,"));
}

#[test]
fn bad_sources_exit_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let srt = dir.path().join("broken.srt");
    std::fs::write(
        &srt,
        "1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:03,000 -> 00:00:04,000\nbroken\n",
    )
    .unwrap();
    qc().args(["verify", ARTICLE, "--source", srt.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.srt:6:"));
    let vtt = dir.path().join("broken.vtt");
    std::fs::write(&vtt, "00:01.000 --> 00:02.000\nno header\n").unwrap();
    qc().args(["verify", ARTICLE, "--source", vtt.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.vtt:1:"));
    qc().args(["verify", ARTICLE, "--source", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
    qc().args(["verify", ARTICLE]).assert().code(2);
    // A failed run leaves no partial output file.
    let out = dir.path().join("out.jsonl");
    qc().args([
        "verify",
        ARTICLE,
        "missing-article.txt",
        "--source",
        TXT,
        "-o",
        out.to_str().unwrap(),
    ])
    .assert()
    .code(2);
    assert!(!out.exists());
}
