//! The HTML report in a real browser: headless Chromium loads it, every quote is in the DOM
//! with its speaker, nothing logs to the console, hostile text runs nothing, and a
//! screenshot is saved as `<target>/review-screenshot.png`.
//!
//! Skipped, with a message, when no Chromium is installed (set QUOTECHECK_CHROMIUM to a
//! binary to choose one); CI installs Debian's `chromium`.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quotecheck::{Document, extract};

const FIXTURE: &str = "fixtures/articles/putin-assad.txt";

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QUOTECHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file())
}

macro_rules! require_chromium {
    () => {
        match chromium() {
            Some(bin) => bin,
            None => {
                eprintln!("skipping: no chromium on PATH (apt-get install chromium)");
                return;
            }
        }
    };
}

/// What one headless run left: its standard output and the console messages it logged.
struct Run {
    stdout: String,
    console: Vec<String>,
}

fn run_chromium(bin: &Path, page: &Path, action: &[String]) -> Run {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(action)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let stderr = err.join().unwrap();
    Run {
        stdout: out.join().unwrap(),
        // Console messages (errors, CSP violations, uncaught exceptions) log as CONSOLE.
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
            .map(str::to_string)
            .collect(),
    }
}

fn report(article: &Path, dir: &Path) -> PathBuf {
    let out = dir.join("review.html");
    assert_cmd::Command::cargo_bin("quotecheck")
        .unwrap()
        .arg("review")
        .arg(article)
        .arg("--html")
        .arg(&out)
        .assert()
        .success();
    out
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory")
        .to_path_buf()
}

#[test]
fn console_errors_are_caught() {
    let bin = require_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><p>x</p><script>console.error('seen'); missing();</script>",
    )
    .unwrap();
    let run = run_chromium(&bin, &page, &["--dump-dom".to_string()]);
    assert!(
        run.console.iter().any(|l| l.contains("seen")),
        "{:?}",
        run.console
    );
    assert!(
        run.console.iter().any(|l| l.contains("Uncaught")),
        "{:?}",
        run.console
    );
}

#[test]
fn fixture_report_in_a_real_browser() {
    let bin = require_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let page = report(Path::new(FIXTURE), dir.path());
    let records = extract(&Document::new(
        FIXTURE,
        std::fs::read_to_string(FIXTURE).unwrap(),
    ))
    .quotes;

    let run = run_chromium(&bin, &page, &["--dump-dom".to_string()]);
    assert!(run.console.is_empty(), "console: {:?}", run.console);
    let marks = common::marks(&run.stdout);
    assert_eq!(marks.len(), 19, "every quote is in the DOM");
    assert_eq!(marks.iter().filter(|m| m.kind == "term").count(), 3);
    for (mark, record) in marks.iter().zip(&records) {
        assert_eq!(mark.quote, record.index);
        assert_eq!(mark.speaker, record.speaker.clone().unwrap_or_default());
    }
    // Keyboard: each quote's first mark is focusable and described by its tooltip.
    let focusable = common::tags(&run.stdout, "mark")
        .into_iter()
        .filter(|a| a.get("tabindex").is_some_and(|t| t == "0"))
        .filter(|a| a.get("aria-describedby").is_some())
        .count();
    assert_eq!(focusable, 19);
    // Every quote that is not a term shows a speaker; the table has the fixture's four.
    assert!(
        marks
            .iter()
            .filter(|m| m.kind != "term")
            .all(|m| !m.speaker.is_empty()),
        "{marks:?}"
    );
    let mut names = common::speaker_names(&run.stdout);
    names.sort();
    assert_eq!(
        names,
        [
            "Bashar Assad",
            "Recep Tayyip Erdogan",
            "Vladimir Putin",
            "al-Jazeera"
        ]
    );

    let shot = target_dir().join("review-screenshot.png");
    std::fs::remove_file(&shot).ok();
    let run = run_chromium(
        &bin,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2400".to_string(),
            "--hide-scrollbars".to_string(),
        ],
    );
    assert!(run.console.is_empty(), "console: {:?}", run.console);
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn hostile_article_runs_nothing_in_a_browser() {
    let bin = require_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("hostile.txt");
    std::fs::write(&article, common::HOSTILE).unwrap();
    let page = report(&article, dir.path());
    let run = run_chromium(&bin, &page, &["--dump-dom".to_string()]);
    // A CSP violation (something tried to run or load) would show on the console.
    assert!(run.console.is_empty(), "console: {:?}", run.console);
    let dom = &run.stdout;
    assert!(dom.contains("<mark "), "the report rendered");
    assert!(common::tags(dom, "script").is_empty());
    assert!(common::tags(dom, "img").is_empty());
    assert_eq!(common::tags(dom, "style").len(), 1);
    let body = &common::tags(dom, "body")[0];
    assert!(!body.contains_key("data-pwned"), "{body:?}");
    let title = &common::tags(dom, "title");
    assert_eq!(title.len(), 1);
    assert!(dom.contains("<title>Quote review: "));
    assert!(!dom.contains("<title>pwned"));
}
