//! `quotecheck diff` from the outside: formats, exit codes, series, corpora, colour.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

fn versions(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/versions")
        .join(name)
}

fn case(n: &str) -> (String, String) {
    let dir = versions("");
    let mut before = None;
    let mut after = None;
    for e in std::fs::read_dir(&dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with(&format!("{n}.01.")) {
            before = Some(dir.join(&name).display().to_string());
        } else if name.starts_with(&format!("{n}.02.")) {
            after = Some(dir.join(&name).display().to_string());
        }
    }
    (before.unwrap(), after.unwrap())
}

fn qc() -> Command {
    let mut cmd = cargo_bin_cmd!("quotecheck");
    cmd.env_remove("NO_COLOR");
    cmd
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap()
}

#[test]
fn exit_codes_follow_diff() {
    // case08 changes no quotation, only the reported speech around them: unchanged with
    // --quotes-only, changed by default (reported speech is compared like a quote).
    let (a, b) = case("case08");
    qc().args(["diff", &a, &b, "--quotes-only"])
        .assert()
        .code(0);
    qc().args(["diff", &a, &b]).assert().code(1);
    let (a, b) = case("case01");
    qc().args(["diff", &a, &b]).assert().code(1);
    qc().args(["diff", &a, "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
    qc().args(["diff", &a]).assert().code(2);
    qc().args(["diff", &a, &b, "--threshold", "1.5"])
        .assert()
        .code(2);
}

#[test]
fn json_has_the_documented_shape() {
    let (a, b) = case("case07");
    let out = qc()
        .args(["diff", &a, &b, "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["old"], a.as_str());
    assert_eq!(v["new"], b.as_str());
    let pairs = v["pairs"].as_array().unwrap();
    for p in pairs {
        for key in [
            "id",
            "status",
            "changes",
            "similarity",
            "old",
            "new",
            "word_diff",
        ] {
            assert!(p.get(key).is_some(), "{key} missing in {p}");
        }
    }
    let removed = pairs.iter().find(|p| p["status"] == "removed").unwrap();
    assert!(removed["new"].is_null());
    assert_eq!(removed["word_diff"][0]["op"], "delete");
    let s = &v["summary"];
    assert_eq!(
        (
            s["unchanged"].as_u64(),
            s["added"].as_u64(),
            s["removed"].as_u64()
        ),
        // The firefighters' claim (reported speech) and Dan Reyes's quote are unchanged.
        (Some(2), Some(1), Some(1))
    );
}

#[test]
fn jsonl_and_csv_have_one_record_per_pair() {
    let (a, b) = case("case06");
    let lines = String::from_utf8(
        qc().args(["diff", &a, &b, "--format", "jsonl"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let pairs: Vec<serde_json::Value> = lines.lines().map(|l| json(l.as_bytes())).collect();
    let out = qc()
        .args(["diff", &a, &b, "--format", "csv"])
        .output()
        .unwrap()
        .stdout;
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    assert!(header.iter().any(|h| h == "old_text") && header.iter().any(|h| h == "new_speaker"));
    assert_eq!(header.iter().next_back(), Some("word_diff"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), pairs.len());
    for (row, pair) in rows.iter().zip(&pairs) {
        assert_eq!(&row[0], pair["id"].as_str().unwrap());
        assert_eq!(&row[1], pair["status"].as_str().unwrap());
    }
}

#[test]
fn text_colour_follows_the_flag_and_no_color() {
    let (a, b) = case("case01");
    let plain = qc()
        .args(["diff", &a, &b, "--format", "text"])
        .output()
        .unwrap()
        .stdout;
    let plain = String::from_utf8(plain).unwrap();
    assert!(!plain.contains('\x1b') && plain.contains("[-"), "{plain}");
    assert!(plain.contains("modified (wording)"));
    let coloured = qc()
        .args(["diff", &a, &b, "--format", "text", "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
        .stdout;
    assert!(String::from_utf8(coloured).unwrap().contains("\x1b[31m"));
    let never = qc()
        .args(["diff", &a, &b, "--format", "text", "--color", "never"])
        .output()
        .unwrap()
        .stdout;
    assert!(!String::from_utf8(never).unwrap().contains('\x1b'));
}

#[test]
fn unchanged_quotes_show_only_with_all() {
    let (a, b) = case("case02");
    let args = ["diff", &a, &b, "--format", "text"];
    let some = String::from_utf8(qc().args(args).output().unwrap().stdout).unwrap();
    assert!(!some.contains("Nobody called us"), "{some}");
    let all = String::from_utf8(qc().args(args).arg("-a").output().unwrap().stdout).unwrap();
    assert!(all.contains("Nobody called us"), "{all}");
}

#[test]
fn a_series_keeps_ids_and_gives_histories() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "“We have looked at every other option, and there is simply no money left,” Mayor Linda Carter said.",
        "The council met on Monday. “We have looked at every other option, and there is no money left,” Mayor Linda Carter said.",
        "“We have looked at every other option,” Carter said. “Nobody wants this,” said Tom Alvarez.",
    ];
    let paths: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let p = dir.path().join(format!("v{k}.txt"));
            std::fs::write(&p, t).unwrap();
            p.display().to_string()
        })
        .collect();
    let out = qc()
        .arg("diff")
        .args(&paths)
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let diffs = v["diffs"].as_array().unwrap();
    assert_eq!(diffs.len(), 2);
    let first = &diffs[0]["pairs"][0]["id"];
    let kept = diffs[1]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["old"].is_object() && p["new"].is_object())
        .unwrap();
    assert_eq!(&kept["id"], first);
    let history = v["history"].as_array().unwrap();
    let h = history.iter().find(|h| &h["id"] == first).unwrap();
    assert_eq!(h["versions"].as_array().unwrap().len(), 3);
    assert_eq!(h["steps"].as_array().unwrap().len(), 2);
    let text = String::from_utf8(
        qc().arg("diff")
            .args(&paths)
            .args(["--format", "text"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("history:"), "{text}");
}

#[test]
fn corpora_pair_documents_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.jsonl");
    let new = dir.path().join("new.jsonl");
    std::fs::write(
        &old,
        "{\"id\": \"a\", \"text\": \"“We will win,” she said.\"}\n{\"id\": \"gone\", \"text\": \"“Goodbye to all that,” he said.\"}\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "{\"id\": \"fresh\", \"text\": \"“A brand new story here,” they said.\"}\n{\"id\": \"a\", \"text\": \"“We will win,” she said again.\"}\n",
    )
    .unwrap();
    let out = qc()
        .args([
            "diff",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let diffs = v["diffs"].as_array().unwrap();
    assert_eq!(diffs.len(), 3);
    let status = |k: usize| diffs[k]["pairs"][0]["status"].as_str().unwrap().to_string();
    assert_eq!(status(0), "unchanged");
    assert_eq!(status(1), "removed");
    assert!(diffs[1]["new"].is_null());
    assert_eq!(status(2), "added");
    assert_eq!(v["summary"]["unchanged"], 1);
}

#[test]
fn bad_inputs_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": 1, \"text\": \"“x y z,” she said.\"}\n{oops\n",
    )
    .unwrap();
    let (a, _) = case("case01");
    qc().args(["diff", corpus.to_str().unwrap(), corpus.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("c.jsonl:2"));
    qc().args(["diff", corpus.to_str().unwrap(), &a])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("corpus"));
    qc().args(["diff", "-", "-"]).assert().code(2);
}

#[test]
fn standard_input_and_output_files() {
    let (a, b) = case("case05");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diff.csv");
    qc().args(["diff", &a, "-", "-o", out.to_str().unwrap()])
        .write_stdin(std::fs::read(&b).unwrap())
        .assert()
        .code(1)
        .stdout("");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("id,status,changes,similarity,old_doc"));
    assert!(written.contains("cosmetic"));
}

/// `quotecheck diff … | head`: the reader closing the pipe early is success, in every
/// format (the JSON and CSV writers wrap the I/O error in their own), not exit 2.
#[test]
fn a_closed_pipe_is_success() {
    let dir = tempfile::tempdir().unwrap();
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    let text = |said: &str| {
        (0..1500)
            .map(|i| format!("“We will build {i} new schools this year,” the mayor {said}.\n"))
            .collect::<String>()
    };
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, text("said")).unwrap();
    std::fs::write(&new, text("told reporters")).unwrap();
    for format in ["text", "json", "jsonl", "csv"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .args(["diff", "--format", format])
            .args([&old, &new])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}

/// Paragraphs are counted from 0 in `diff`, as in the records, `review` and `--explain`.
#[test]
fn paragraphs_are_counted_from_zero_as_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, "“We will build schools,” the mayor said.\n").unwrap();
    std::fs::write(&new, "“We will build new schools,” the mayor said.\n").unwrap();
    let out = qc()
        .args(["diff", "--format", "text"])
        .args([&old, &new])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("#1 ¶0 → #1 ¶0"), "{text}");
}
