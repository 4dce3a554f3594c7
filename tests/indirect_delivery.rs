//! Reported speech (kind `indirect`) where users meet it: `verify` lists it as paraphrase
//! unless asked to check it, `review` shows it apart and counts it in its own column, and
//! `diff` reports a claim reworded or credited to someone else between versions.

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

fn qc() -> Command {
    let mut cmd = cargo_bin_cmd!("quotecheck");
    cmd.env_remove("NO_COLOR");
    cmd
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A council story: one quote, one paraphrase whose words are also in the minutes.
const ARTICLE: &str = "Mayor Elena Ruiz said the city would freeze property taxes for two more \
    years. “We cannot ask families to pay more while wages are flat,” Ruiz said at Tuesday's \
    meeting.\n";
const MINUTES: &str = "Mayor Elena Ruiz: The city would freeze property taxes for two more years. \
    We cannot ask families to pay more while wages are flat.\n";

fn files(dir: &std::path::Path) -> (String, String) {
    let article = dir.join("council.txt");
    let minutes = dir.join("minutes.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    std::fs::write(&minutes, MINUTES).unwrap();
    (
        article.to_str().unwrap().to_string(),
        minutes.to_str().unwrap().to_string(),
    )
}

#[test]
fn verify_lists_reported_speech_as_paraphrase_without_checking_it() {
    let dir = tempfile::tempdir().unwrap();
    let (article, minutes) = files(dir.path());
    let out = qc()
        .args(["verify", &article, "--source", &minutes])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["indirect", "direct"], "{rows:?}");
    assert_eq!(rows[0]["verdict"], "paraphrase");
    assert_eq!(rows[0]["similarity"], 0.0);
    assert!(rows[0]["source"].is_null());
    assert!(rows[0]["diff"].as_array().unwrap().is_empty());
    assert_eq!(rows[1]["verdict"], "exact");
    assert_eq!(rows[1]["speaker_checked"], true);
}

#[test]
fn check_paraphrase_aligns_it_like_a_quote_and_quotes_only_leaves_it_out() {
    let dir = tempfile::tempdir().unwrap();
    let (article, minutes) = files(dir.path());
    let out = qc()
        .args([
            "verify",
            &article,
            "--source",
            &minutes,
            "--check-paraphrase",
        ])
        .assert()
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    let paraphrase = rows.iter().find(|r| r["kind"] == "indirect").unwrap();
    assert_ne!(paraphrase["verdict"], "paraphrase");
    assert!(
        paraphrase["similarity"].as_f64().unwrap() > 0.8,
        "{paraphrase}"
    );
    assert!(
        paraphrase["source"]
            .as_str()
            .unwrap()
            .ends_with("minutes.txt")
    );

    let out = qc()
        .args(["verify", &article, "--source", &minutes, "--quotes-only"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["kind"], "direct");

    qc().args([
        "verify",
        &article,
        "--source",
        &minutes,
        "--quotes-only",
        "--check-paraphrase",
    ])
    .assert()
    .code(2);
}

#[test]
fn verify_text_shows_a_paraphrase_unquoted_and_counts_it_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (article, minutes) = files(dir.path());
    let out = qc()
        .args(["verify", &article, "--source", &minutes, "--format", "text"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("#1 paraphrase  Elena Ruiz\n"), "{text}");
    assert!(
        text.contains("  reported: the city would freeze property taxes"),
        "{text}"
    );
    assert!(
        text.ends_with("1 quote: 1 exact; 1 paraphrase not checked\n"),
        "{text}"
    );
}

#[test]
fn review_counts_paraphrases_in_their_own_column_and_marks_them_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (article, _) = files(dir.path());
    let out = qc()
        .args(["review", &article, "--color", "never"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("1 quote (1 direct, 0 partial, 0 terms), 1 paraphrase, 1 speaker"),
        "{text}"
    );
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("Elena Ruiz"))
        .expect("the mayor's row");
    let cells: Vec<&str> = row.split_whitespace().collect();
    // QUOTES, WORDS, SHARE, PARA: the paraphrase's words are not counted as quoted.
    assert_eq!(cells[2..6], ["1", "11", "100%", "1"], "{row}");

    let html = dir.path().join("review.html");
    qc().args(["review", &article, "--html"])
        .arg(&html)
        .assert()
        .success();
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("data-kind=\"indirect\""));
    assert!(html.contains("1 quote (1 direct, 0 partial, 0 terms) · 1 paraphrase"));
    assert!(html.contains("Para&shy;phrased"));
    // In the side list a paraphrase is not put in quotation marks.
    assert!(html.contains("<div class=\"ex\">the city would freeze property taxes"));
}

/// Two versions of a story written to `dir`, their paths.
fn versions(dir: &std::path::Path, before: &str, after: &str) -> (String, String) {
    let paths = [dir.join("v1.txt"), dir.join("v2.txt")];
    std::fs::write(&paths[0], before).unwrap();
    std::fs::write(&paths[1], after).unwrap();
    let [a, b] = paths.map(|p| p.to_str().unwrap().to_string());
    (a, b)
}

#[test]
fn diff_reports_a_claim_credited_to_someone_else() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = versions(
        dir.path(),
        "The health minister said the new hospital would open in March.\n",
        "The finance minister said the new hospital would open in March.\n",
    );
    let out = qc()
        .args(["diff", &before, &after])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["status"], "modified");
    assert_eq!(rows[0]["changes"], serde_json::json!(["speaker"]));
    assert_eq!(rows[0]["old"]["kind"], "indirect");
    assert_eq!(rows[0]["new"]["speaker"], "The finance minister");

    qc().args(["diff", &before, &after, "--quotes-only"])
        .assert()
        .code(0);
}

#[test]
fn diff_reports_a_claim_reworded() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = versions(
        dir.path(),
        "Police said the driver was not injured in the crash on Route 9.\n",
        "Police said the driver was seriously injured in the crash on Route 9.\n",
    );
    let out = qc()
        .args([
            "diff", &before, &after, "--format", "text", "--color", "never",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("wording"), "{text}");
    assert!(text.contains("not"), "{text}");
    assert!(text.contains("seriously"), "{text}");
}
