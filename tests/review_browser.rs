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

use quotecheck::Document;
use quotecheck::extract::{Options, extract_with};

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
    // The report holds what extract finds by default: quotes and reported speech.
    let records = extract_with(
        &Document::new(FIXTURE, std::fs::read_to_string(FIXTURE).unwrap()),
        &Options {
            indirect: true,
            ..Options::default()
        },
    )
    .quotes;
    let paraphrases = records
        .iter()
        .filter(|r| r.kind.as_str() == "indirect")
        .count();
    assert!(paraphrases > 0, "the fixture reports speech without marks");

    let run = run_chromium(&bin, &page, &["--dump-dom".to_string()]);
    assert!(run.console.is_empty(), "console: {:?}", run.console);
    let marks = common::marks(&run.stdout);
    assert_eq!(marks.len(), 19 + paraphrases, "every record is in the DOM");
    assert_eq!(marks.iter().filter(|m| m.kind == "term").count(), 3);
    assert_eq!(
        marks.iter().filter(|m| m.kind == "indirect").count(),
        paraphrases
    );
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
    assert_eq!(focusable, 19 + paraphrases);
    // Every quote that is not a term shows a speaker; the table has the fixture's four.
    assert!(
        marks
            .iter()
            .filter(|m| m.kind != "term")
            .all(|m| !m.speaker.is_empty()),
        "{marks:?}"
    );
    // The table has the fixture's four quoted speakers, and whoever else reported speech
    // is credited to.
    let mut names = common::speaker_names(&run.stdout);
    names.sort();
    let mut expected: Vec<String> = records.iter().filter_map(|r| r.speaker.clone()).collect();
    expected.sort();
    expected.dedup();
    assert_eq!(names, expected);
    for quoted in [
        "Bashar Assad",
        "Recep Tayyip Erdogan",
        "Vladimir Putin",
        "al-Jazeera",
    ] {
        assert!(names.iter().any(|n| n == quoted), "{quoted}: {names:?}");
    }

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

/// A chromedriver on a free local port, driving headless Chromium through WebDriver.
struct Driver {
    child: std::process::Child,
    addr: String,
    session: String,
}

impl Driver {
    /// Starts chromedriver and a session whose viewport is `width` × `height` CSS pixels.
    /// `None` (with a message) when no chromedriver is installed.
    fn start(chromium: &Path, width: u32, height: u32) -> Option<Driver> {
        let driver = std::env::var_os("QUOTECHECK_CHROMEDRIVER")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::split_paths(&std::env::var_os("PATH")?)
                    .map(|dir| dir.join("chromedriver"))
                    .find(|p| p.is_file())
            });
        let Some(driver) = driver else {
            eprintln!("skipping: no chromedriver on PATH (apt-get install chromium-driver)");
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut driver = Driver {
            child,
            addr: format!("127.0.0.1:{port}"),
            session: String::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(&driver.addr).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        // Headless windows are at least 500 px wide: a narrower page is a phone's,
        // emulated (its viewport, the page's <meta name=viewport> honoured).
        let mut options = serde_json::json!({
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     format!("--window-size={},{height}", width.max(500))],
        });
        if width < 500 {
            options["mobileEmulation"] = serde_json::json!({
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0},
            });
        }
        let caps = serde_json::json!({"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": options,
        }}});
        let reply = driver.call("POST", "/session", &caps);
        driver.session = reply["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {reply}"))
            .to_string();
        Some(driver)
    }

    /// One WebDriver command; its JSON reply.
    fn call(&self, method: &str, path: &str, body: &serde_json::Value) -> serde_json::Value {
        use std::io::Write;
        let body = body.to_string();
        let mut stream = std::net::TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.addr,
            body.len()
        )
        .unwrap();
        // Headers, then exactly Content-Length bytes: chromedriver may keep the
        // connection open after its reply.
        let mut reader = std::io::BufReader::new(stream);
        let mut head = String::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap();
            }
            head.push_str(&line);
            if line == "\r\n" || line.is_empty() {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body)
            .unwrap_or_else(|e| panic!("{e}: {head}\n{}", String::from_utf8_lossy(&body)))
    }

    fn open(&self, page: &Path) {
        let url = format!("file://{}", page.display());
        let path = format!("/session/{}/url", self.session);
        self.call("POST", &path, &serde_json::json!({ "url": url }));
    }

    /// Runs `script` (a function body) in the page; its return value.
    fn eval(&self, script: &str) -> serde_json::Value {
        let path = format!("/session/{}/execute/sync", self.session);
        let reply = self.call(
            "POST",
            &path,
            &serde_json::json!({"script": script, "args": []}),
        );
        reply["value"].clone()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            self.call("DELETE", &path, &serde_json::json!({}));
        }
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// A report with many flags of every kind (changed, new, removed, not in the source) and a
/// long file name, the page most likely to overflow.
fn busy_report(dir: &Path) -> PathBuf {
    let article = dir.join("putin-assad-after-the-desk-edit-of-the-second-of-december.txt");
    std::fs::copy("fixtures/versions/case06.02.after_desk_edit.txt", &article).unwrap();
    let out = dir.join("review.html");
    assert_cmd::Command::cargo_bin("quotecheck")
        .unwrap()
        .arg("review")
        .arg(&article)
        .args([
            "--previous",
            "fixtures/versions/case06.01.before_desk_edit.txt",
        ])
        .args(["--source", "fixtures/sources/putin-assad-remarks.txt"])
        .arg("--html")
        .arg(&out)
        .assert()
        .success();
    out
}

/// What the layout checks measure, as one JSON object.
const MEASURE: &str = r#"
const root = document.documentElement;
const flags = document.getElementById('flags');
// Any element inside the flags panel that clips its content behind a scrollbar.
const clipped = [flags, ...flags.querySelectorAll('*')].filter(el => {
  const o = getComputedStyle(el).overflowY;
  return (o === 'auto' || o === 'scroll' || o === 'hidden') && el.scrollHeight > el.clientHeight + 1
    && !el.classList.contains('sr');
}).length;
const items = [...flags.querySelectorAll('li')];
const panel = flags.getBoundingClientRect();
const inside = items.filter(li => {
  const r = li.getBoundingClientRect();
  return r.height > 0 && r.top >= panel.top - 1 && r.bottom <= panel.bottom + 1;
}).length;
// Elements whose right edge passes the viewport (what makes a page scroll sideways).
const wide = [...document.body.querySelectorAll('*')]
  .filter(el => !el.classList.contains('sr') && !el.classList.contains('skip')
    && el.getBoundingClientRect().right > root.clientWidth + 1)
  .slice(0, 5).map(el => el.tagName + '.' + el.className);
return {
  viewport: root.clientWidth, scrollWidth: root.scrollWidth,
  items: items.length, inside: inside, clipped: clipped, wide: wide,
  removed: !!flags.querySelector('[data-flag=removed]'),
  heading: flags.querySelector('h2').textContent,
};
"#;

#[test]
fn flags_grow_and_the_page_fits_a_phone() {
    let bin = require_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let page = busy_report(dir.path());
    for (width, height) in [(1280, 900), (400, 800)] {
        let Some(driver) = Driver::start(&bin, width, height) else {
            return;
        };
        driver.open(&page);
        let m = driver.eval(MEASURE);
        eprintln!("{width}px: {m}");
        assert!(m["viewport"].as_u64().unwrap() <= u64::from(width), "{m}");
        // The flags panel shows every flag: no scroll box inside it, every item within it.
        assert_eq!(m["clipped"], 0, "{m}");
        let items = m["items"].as_u64().unwrap();
        assert!(items >= 8, "the busy report has many flags: {m}");
        assert_eq!(m["inside"], items, "{m}");
        assert_eq!(m["removed"], true, "{m}");
        // The heading counts what the panel lists.
        let heading = m["heading"].as_str().unwrap();
        assert_eq!(heading, format!("Flags ({items})"), "{m}");
        // Nothing makes the page scroll sideways.
        assert!(
            m["scrollWidth"].as_u64() <= m["viewport"].as_u64(),
            "the page scrolls sideways at {width}px: {m}"
        );
        assert_eq!(m["wide"], serde_json::json!([]), "{m}");
    }
}

/// A flagged quote shows what the source says, who it credits and the diff, in the page a
/// browser renders.
#[test]
fn the_source_wording_of_a_flagged_quote_is_on_the_page() {
    let bin = require_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    assert_cmd::Command::cargo_bin("quotecheck")
        .unwrap()
        .args([
            "review",
            "fixtures/sources/transit/article.txt",
            "--source",
            "fixtures/sources/transit/meeting.vtt",
            "--html",
        ])
        .arg(&page)
        .assert()
        .success();
    let run = run_chromium(&bin, &page, &["--dump-dom".to_string()]);
    assert!(run.console.is_empty(), "console: {:?}", run.console);
    let dom = &run.stdout;
    let passages: Vec<&str> = dom
        .split("<blockquote class=\"source-passage\">")
        .skip(1)
        .map(|p| &p[..p.find("</blockquote>").unwrap_or(p.len())])
        .collect();
    // The misattributed quote: the source's words, and whom the source credits.
    assert!(
        passages
            .iter()
            .any(|p| p.contains("Ken Nakamura") && p.contains("Ridership is at 91 percent")),
        "{passages:?}"
    );
    assert!(dom.contains("misattributed"), "the verdict is named");
    // The dropped "only": the source's wording and the diff that shows it.
    assert!(
        passages
            .iter()
            .any(|p| p.contains("The only honest answer") && p.contains("[-only-]")),
        "{passages:?}"
    );
}
