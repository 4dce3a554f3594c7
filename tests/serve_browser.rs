//! The workbench page in real headless Chromium, driven by chromedriver over WebDriver:
//! open a story, change a speaker through the page's own controls, reload and find it kept,
//! filter the list, paste the next version and see the correction carried to it,
//! move between quotes with the keyboard, see hostile article and note text do nothing, and
//! open a story from an HTML file chosen in the page.
//! No script error and no console error along the way.
//!
//! Skipped, with a message, when chromium or chromedriver is missing (set
//! QUOTECHECK_CHROMIUM to choose a browser binary); CI installs Debian's `chromium` and
//! `chromium-driver`.

mod serve_support;

use std::path::PathBuf;

use serde_json::{Value, json};
use serve_support::Server;
use serve_support::webdriver::{Driver, which};

const FIXTURE: &str = "fixtures/articles/putin-assad.txt";

fn tools() -> Option<(PathBuf, PathBuf)> {
    let chromium = std::env::var_os("QUOTECHECK_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| which(&["chromium", "chromium-browser", "google-chrome"]));
    let driver = which(&["chromedriver"]);
    match (driver, chromium) {
        (Some(d), Some(c)) => Some((d, c)),
        _ => {
            eprintln!(
                "skipping: needs chromium and chromedriver on PATH \
                 (apt-get install chromium chromium-driver)"
            );
            None
        }
    }
}

/// Console entries at level SEVERE (script errors, CSP violations, failed loads).
fn severe(console: &[Value]) -> Vec<String> {
    console
        .iter()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| e["message"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_speaker_changed_in_the_page_is_kept_after_a_reload() {
    let Some((chromedriver, chromium)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[FIXTURE]);
    let driver = Driver::start(&chromedriver, &chromium);
    driver.go(&format!("{}/documents/1", server.origin()));
    driver.wait_for(".quotes li[data-quote-id]");
    // Every record: the fixture's 19 quotes and the reported speech found beside them,
    // which the article sets apart.
    let records = server.get("/api/documents/1").json()["quotes"]
        .as_array()
        .unwrap()
        .clone();
    let paraphrases = records.iter().filter(|q| q["kind"] == "indirect").count();
    assert_eq!(records.len() - paraphrases, 19);
    assert!(paraphrases > 0);
    assert_eq!(
        driver.find_all(".quotes li[data-quote-id]").len(),
        records.len()
    );
    assert_eq!(
        driver.find_all("#article mark[data-quote-id]").len(),
        records.len()
    );
    assert_eq!(driver.find_all("#article mark.indirect").len(), paraphrases);

    // The editor's name, typed once (Enter commits it).
    let editor = driver.wait_for("#editor");
    driver.type_into(&editor, "Ana\u{e007}");
    driver.wait_until("return localStorage.getItem('quotecheck-editor') === 'Ana'");

    // Keyboard: from the first quote, `j` moves to the second.
    let first = driver.wait_for(".quotes li[data-index='1']");
    driver.click(&first);
    driver.type_into(&first, "j");
    assert_eq!(
        driver.run("return document.activeElement.getAttribute('data-index')"),
        json!("2")
    );

    // Correct quote 2's speaker in its own field: select all, type, Enter.
    let speaker = driver.wait_for(".quotes li[data-index='2'] input[data-field='speaker']");
    assert_eq!(driver.property(&speaker, "value"), json!("Vladimir Putin"));
    driver.type_into(&speaker, "\u{e009}a\u{e000}Dmitry Peskov\u{e007}");
    driver.wait_until(
        "return document.getElementById('status').textContent.startsWith('Saved speaker')",
    );

    driver.refresh();
    let speaker = driver.wait_for(".quotes li[data-index='2'] input[data-field='speaker']");
    assert_eq!(driver.property(&speaker, "value"), json!("Dmitry Peskov"));
    let set =
        driver.run("return document.querySelector(\".quotes li[data-index='2']\").textContent");
    assert!(set.as_str().unwrap().contains("speaker by Ana"), "{set}");
    // The server has it too.
    let doc = server.get("/api/documents/1").json();
    assert_eq!(doc["quotes"][1]["speaker"], "Dmitry Peskov");
    assert_eq!(doc["quotes"][1]["decisions"]["speaker"]["editor"], "Ana");

    // The unattributed filter leaves the quotes without a speaker.
    let unattributed = doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["speaker"].is_null())
        .count();
    assert!(unattributed > 0);
    let filter = driver.wait_for("#f-unattributed");
    driver.click(&filter);
    let shown = driver.run("return document.querySelectorAll('.quotes li:not(.hidden)').length");
    assert_eq!(shown, json!(unattributed));
    driver.click(&filter);

    // The next version, pasted into the page: the correction follows the reworded quote
    // and the changes are listed.
    let text = std::fs::read_to_string(FIXTURE).unwrap().replace(
        "We have an opportunity to discuss",
        "We have a real chance to discuss",
    );
    let area = driver.wait_for("#next-version textarea");
    driver.call(
        "POST",
        &format!("/session/{}/execute/sync", driver.session()),
        Some(
            json!({ "script": "arguments[0].value = arguments[1]; return null",
                     "args": [{ "element-6066-11e4-a52e-4f735466cecf": area }, text] }),
        ),
    );
    let button = driver.wait_for("#next-version button");
    driver.click(&button);
    driver.wait_until("return location.pathname === '/documents/2'");
    driver.wait_for("#changes");
    let speaker = driver.wait_for(".quotes li[data-index='2'] input[data-field='speaker']");
    assert_eq!(driver.property(&speaker, "value"), json!("Dmitry Peskov"));
    let changes = driver.run("return document.getElementById('changes').textContent");
    assert!(
        changes.as_str().unwrap().contains("1 reworded"),
        "{changes}"
    );

    assert_eq!(driver.run("return window.quotecheckErrors"), json!([]));
    let errors = severe(&driver.console());
    assert!(errors.is_empty(), "console errors: {errors:?}");

    // The console check can see errors: a probe logged now is reported.
    driver.run("console.error('probe-17'); return null");
    let errors = severe(&driver.console());
    assert!(errors.iter().any(|e| e.contains("probe-17")), "{errors:?}");
}

#[test]
fn hostile_article_speaker_and_note_text_does_nothing() {
    let Some((chromedriver, chromium)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[]);
    let article = "“<script>window.pwned = 1</script> We will <img src=x onerror=\"window.pwned = 2\"> win,” \
                   said <b onmouseover=\"window.pwned = 3\">Mayor</b> Jane Doe.\n\
                   “<svg onload=\"window.pwned = 4\">” was all the council said.";
    let r = server.send(
        "POST",
        "/api/documents",
        &json!({ "name": "<img src=x onerror=\"window.pwned = 5\">", "text": article }),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().unwrap();
    let doc = server.get(&format!("/api/documents/{id}")).json();
    let q = doc["quotes"][0]["quote_id"].as_str().unwrap().to_string();
    let r = server.send(
        "PUT",
        &format!("/api/documents/{id}/quotes/{q}"),
        &json!({ "note": "<img src=x onerror=\"window.pwned = 6\"><script>window.pwned = 7</script>",
                 "speaker": "<iframe src=javascript:window.pwned=8>", "editor": "<b onclick=x>Ed</b>" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());

    let driver = Driver::start(&chromedriver, &chromium);
    driver.go(&format!("{}/documents/{id}", server.origin()));
    driver.wait_for(".quotes li[data-quote-id]");
    assert_eq!(driver.run("return typeof window.pwned"), json!("undefined"));
    let injected = driver.run(
        "return document.querySelectorAll('main script, main img, main svg, main iframe, main b').length",
    );
    assert_eq!(injected, json!(0));
    let text = driver.run("return document.getElementById('article').textContent");
    assert!(
        text.as_str()
            .unwrap()
            .contains("<script>window.pwned = 1</script>")
    );
    let note = driver.wait_for("textarea[data-field='note']");
    assert!(
        driver
            .property(&note, "value")
            .as_str()
            .unwrap()
            .starts_with("<img src=x")
    );
    // The story list shows the hostile name as text too.
    driver.go(&format!("{}/", server.origin()));
    driver.wait_for("main table a");
    assert_eq!(driver.run("return typeof window.pwned"), json!("undefined"));
    assert_eq!(
        driver.run("return document.querySelectorAll('main img').length"),
        json!(0)
    );

    // A new story from an HTML file chosen in the page's file field.
    let page = std::fs::canonicalize("fixtures/html/entities.html").unwrap();
    let file = driver.wait_for("#new-story input[type='file']");
    driver.type_into(&file, &page.display().to_string());
    let button = driver.wait_for("#new-story button");
    driver.click(&button);
    driver.wait_until("return location.pathname === '/documents/2'");
    driver.wait_for(".quotes li[data-quote-id]");
    let doc = server.get("/api/documents/2").json();
    assert_eq!(doc["name"], "entities.html");
    let expected = quotecheck::extract(&quotecheck::Document::new(
        "entities",
        std::fs::read_to_string("fixtures/html/entities.txt").unwrap(),
    ))
    .quotes
    .len();
    assert!(expected > 0);
    assert_eq!(doc["quotes"].as_array().unwrap().len(), expected);
    assert!(doc["quotes"][0]["source_start"].is_u64(), "read as HTML");

    assert_eq!(driver.run("return window.quotecheckErrors"), json!([]));
    let errors = severe(&driver.console());
    assert!(errors.is_empty(), "console errors: {errors:?}");
}
