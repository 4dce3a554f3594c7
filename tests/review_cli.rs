//! `quotecheck review` from the command line: the fixture's report, the terminal summary,
//! colour choices, and bad input.

mod common;

use std::collections::BTreeSet;

use assert_cmd::Command;
use predicates::prelude::*;
use quotecheck::extract::{Options, extract_with};
use quotecheck::{Document, Kind};

const FIXTURE: &str = "fixtures/articles/putin-assad.txt";

fn quotecheck() -> Command {
    let mut cmd = Command::cargo_bin("quotecheck").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// What `review` shows by default: the fixture's quotes and its reported speech.
fn fixture_records() -> Vec<quotecheck::Quote> {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let options = Options {
        indirect: true,
        ..Options::default()
    };
    extract_with(&Document::new(FIXTURE, text), &options).quotes
}

const FIXTURE_SPEAKERS: [&str; 4] = [
    "Vladimir Putin",
    "Bashar Assad",
    "Recep Tayyip Erdogan",
    "al-Jazeera",
];

#[test]
fn fixture_report_shows_every_quote_with_its_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.html");
    quotecheck()
        .args(["review", FIXTURE, "--html"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    let marks = common::marks(&html);
    let records = fixture_records();

    assert_eq!(
        marks.len(),
        records.len(),
        "every record of the fixture is marked"
    );
    let quotes = marks.iter().filter(|m| m.kind != "indirect").count();
    assert_eq!(quotes, 19, "every quote of the fixture is marked");
    assert_eq!(marks.iter().filter(|m| m.kind == "term").count(), 3);
    for (mark, record) in marks.iter().zip(&records) {
        assert_eq!(mark.quote, record.index);
        assert_eq!(mark.kind, record.kind.as_str());
        assert_eq!(mark.speaker, record.speaker.clone().unwrap_or_default());
    }
    let speakers: BTreeSet<&str> = records
        .iter()
        .filter(|q| q.kind != Kind::Term)
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    assert_eq!(common::speaker_rows(&html), speakers.len());

    // The fixture's acceptance: every quote that is not a term shows its speaker, and the
    // article's four quoted speakers are the table's rows with quotes.
    let unnamed: Vec<usize> = marks
        .iter()
        .filter(|m| m.kind != "term" && m.speaker.is_empty())
        .map(|m| m.quote)
        .collect();
    assert!(unnamed.is_empty(), "quotes without a speaker: {unnamed:?}");
    let quoted: BTreeSet<&str> = records
        .iter()
        .filter(|q| q.kind != Kind::Term && q.kind != Kind::Indirect)
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    assert_eq!(
        quoted,
        FIXTURE_SPEAKERS.into(),
        "quoted speakers of the fixture"
    );
    let table: BTreeSet<String> = common::speaker_names(&html).into_iter().collect();
    let all: BTreeSet<String> = speakers.iter().map(|s| s.to_string()).collect();
    assert_eq!(table, all, "every speaker of a record has a row");

    // --quotes-only: the quotes alone, and the table is the four.
    quotecheck()
        .args(["review", FIXTURE, "--quotes-only", "--html"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(common::marks(&html).len(), 19);
    let table: BTreeSet<String> = common::speaker_names(&html).into_iter().collect();
    assert_eq!(table, FIXTURE_SPEAKERS.map(String::from).into());
}

#[test]
fn html_to_standard_output_with_a_dash() {
    quotecheck()
        .args(["review", FIXTURE, "--html", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"));
}

#[test]
fn terminal_summary_has_flags_and_speakers_and_no_colour_when_piped() {
    quotecheck()
        .args(["review", FIXTURE])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("19 quotes (9 direct, 7 partial, 3 terms), ")
                .and(predicate::str::is_match(r"terms\), \d+ paraphrases?, \d+ speakers").unwrap())
                .and(predicate::str::contains("\nFlags ("))
                .and(predicate::str::contains("\nSpeakers\n"))
                .and(predicate::str::contains("\x1b[").not()),
        );
}

#[test]
fn colour_always_wins_over_no_color_and_never_wins_over_a_terminal() {
    quotecheck()
        .args(["review", FIXTURE, "--color", "always"])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[1m"));
    quotecheck()
        .args(["review", FIXTURE, "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn previous_version_and_sources_flag_changes_and_unverified_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    let source = dir.path().join("transcript.txt");
    std::fs::write(
        &old,
        "“We have an opportunity to discuss the entire range of our relations,” Putin said.\n\
         Assad applauded the “maturity” of the relationship.\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "“We have an opportunity to discuss the whole range of our relations,” Putin said.\n\
         “This directly concerns Syria,” he added.\n",
    )
    .unwrap();
    std::fs::write(
        &source,
        "We have an opportunity to discuss the entire range of our relations. This directly concerns Syria.",
    )
    .unwrap();
    let assert = quotecheck()
        .arg("review")
        .arg(&new)
        .arg("--previous")
        .arg(&old)
        .arg("--source")
        .arg(&source)
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(out.contains("  changed (1)\n"), "{out}");
    assert!(out.contains("[-entire-]{+whole+}"), "{out}");
    assert!(out.contains("  new (1)\n"), "{out}");
    assert!(
        out.contains("  removed (1)\n    was #2   “maturity”"),
        "{out}"
    );
    assert!(out.contains("  not verified (1)\n    #1 "), "{out}");
}

#[test]
fn an_unchanged_article_has_no_change_flags() {
    let assert = quotecheck()
        .args(["review", FIXTURE, "--previous", FIXTURE])
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(out.contains(&format!("compared with {FIXTURE}\n")), "{out}");
    for group in ["changed (", "new (", "removed ("] {
        assert!(!out.contains(group), "{group}: {out}");
    }
}

#[test]
fn a_new_speaker_is_flagged_but_moves_and_typography_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(
        &old,
        "“It's a long season, and we can't afford to lose anyone,” coach Dan Miller said.\n\
         “Our meeting today is extremely important for discussing the details,” Assad said.\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "“Our meeting today is extremely important for discussing the details,” Kremlin spokesman Dmitry Peskov said.\n\
         “It’s a long season, and we can’t afford to lose anyone,” coach Dan Miller said.\n",
    )
    .unwrap();
    let assert = quotecheck()
        .arg("review")
        .arg(&new)
        .arg("--previous")
        .arg(&old)
        .args(["--html", "-"])
        .assert()
        .success();
    let html = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let changed: Vec<_> = common::tags(&html, "ul")
        .into_iter()
        .filter(|a| a.get("data-flag").is_some())
        .collect();
    assert_eq!(changed.len(), 1, "only the changed group: {changed:?}");
    assert_eq!(changed[0]["data-flag"], "changed");
    assert!(html.contains("speaker was Assad"), "{html}");
    assert!(html.contains("changed: cosmetic"), "{html}");
}

#[test]
fn missing_article_is_an_error_naming_the_file() {
    quotecheck()
        .args(["review", "no-such-article.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-article.txt"));
}

#[test]
fn missing_source_fails_before_any_report_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.html");
    quotecheck()
        .args([
            "review",
            FIXTURE,
            "--source",
            "no-such-source.txt",
            "--html",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-source.txt"));
    assert!(!out.exists());
}

#[test]
fn hostile_article_renders_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("hostile.txt");
    std::fs::write(&article, common::HOSTILE).unwrap();
    let assert = quotecheck()
        .arg("review")
        .arg(&article)
        .args(["--html", "-"])
        .assert()
        .success();
    let html = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(common::tags(&html, "script").is_empty());
    assert!(common::tags(&html, "img").is_empty());
    assert_eq!(common::tags(&html, "style").len(), 1);
    for tag in ["mark", "span", "p", "li", "a"] {
        for attrs in common::tags(&html, tag) {
            assert!(
                attrs
                    .keys()
                    .all(|k| !k.starts_with("on") && k != "autofocus"),
                "<{tag} {attrs:?}>"
            );
        }
    }
    // The words are all there, as text (the single-quoted bits may be marked as quotes).
    assert!(html.contains("<p>&lt;script&gt;document.body.setAttribute("));
    assert!(html.contains("&lt;/script&gt; opened the meeting.</p>"));
    assert!(html.contains("&lt;style&gt;body{display:none}&lt;/style&gt;</p>"));
}

/// `review page.html` reads the page as `extract` does: the article's text, not the markup
/// (a `<script>`'s string is no quote), with the same quotes `extract` finds.
#[test]
fn an_html_page_is_read_as_extract_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><script>var s = \"not a quote at all\";</script></head><body><article>\
         <p>“We have an opportunity,” Putin said.</p></article></body></html>",
    )
    .unwrap();
    let out = quotecheck()
        .args(["review", page.to_str().unwrap(), "--color", "never"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let summary = String::from_utf8(out).unwrap();
    assert!(summary.contains(": 1 quote (1 direct"), "{summary}");
    assert!(!summary.contains("not a quote"), "{summary}");
    let extracted = Command::cargo_bin("quotecheck")
        .unwrap()
        .args(["extract", page.to_str().unwrap(), "--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(extracted).unwrap().lines().count(), 1);
}
