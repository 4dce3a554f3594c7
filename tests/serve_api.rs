//! `quotecheck serve` driven through its API on a free port: load the fixture, correct a
//! speaker, kill the server hard and find the correction after a restart; load a second
//! version with one quote reworded and one removed and see the correction follow the quote;
//! export; and refuse what a hostile or broken client sends.

mod serve_support;

use serde_json::{Value, json};
use serve_support::{Server, request};

const FIXTURE: &str = "fixtures/articles/putin-assad.txt";
/// The fixture's second quote, which the second version rewords.
const QUOTE_2: &str = "We have an opportunity to discuss the entire range of our relations,";
const QUOTE_2_REWORDED: &str = "We have a real chance to discuss the whole range of our relations,";
/// The sentence of the fixture's fifteenth quote, which the second version cuts.
const CUT: &str = "“Why would Erdogan and I meet? To have soft drinks together?” he joked.";

fn fixture() -> String {
    std::fs::read_to_string(FIXTURE).unwrap()
}

fn load(server: &Server, name: &str, text: &str, previous: Option<i64>) -> i64 {
    let r = server.send(
        "POST",
        "/api/documents",
        &json!({ "name": name, "text": text, "previous": previous }),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["id"].as_i64().unwrap()
}

fn quotes(server: &Server, id: i64) -> Vec<Value> {
    let r = server.get(&format!("/api/documents/{id}"));
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["quotes"].as_array().unwrap().clone()
}

fn by_text<'a>(quotes: &'a [Value], text: &str) -> &'a Value {
    quotes
        .iter()
        .find(|q| q["text"] == text)
        .unwrap_or_else(|| panic!("no quote {text:?}"))
}

/// How many records are quotes (reported speech, kind `indirect`, aside).
fn quoted(qs: &[Value]) -> usize {
    qs.iter().filter(|q| q["kind"] != "indirect").count()
}

#[test]
fn a_correction_survives_kill_9_and_follows_the_quote_into_the_next_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let server = Server::start(&db, &[]);
    let v1 = load(&server, "putin-assad", &fixture(), None);
    let qs = quotes(&server, v1);
    // Its quotes, and the reported speech extract finds beside them by default.
    let records = qs.len();
    assert_eq!(quoted(&qs), 19, "the fixture has 19 quotes");
    assert!(records > 19, "and reported speech");
    let q2 = by_text(&qs, QUOTE_2);
    assert_eq!(q2["speaker"], "Vladimir Putin");
    let id2 = q2["quote_id"].as_str().unwrap().to_string();
    let removed_id = by_text(
        &qs,
        "Why would Erdogan and I meet? To have soft drinks together?",
    )["quote_id"]
        .as_str()
        .unwrap()
        .to_string();

    let r = server.send(
        "PUT",
        &format!("/api/documents/{v1}/quotes/{id2}"),
        &json!({ "speaker": "Dmitry Peskov", "status": "wrong", "note": "Peskov said it, not Putin",
                 "editor": "Ana" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["speaker"], "Dmitry Peskov");

    // Acknowledged, then killed without any chance to flush.
    server.kill();
    let server = Server::start(&db, &[]);
    let q2 = by_text(&quotes(&server, v1), QUOTE_2).clone();
    assert_eq!(q2["speaker"], "Dmitry Peskov");
    assert_eq!(q2["status"], "wrong");
    assert_eq!(q2["decisions"]["speaker"]["editor"], "Ana");
    assert_eq!(q2["extracted"]["speaker"], "Vladimir Putin");

    // Version 2: quote 2 reworded, quote 15 cut.
    let text = fixture();
    assert!(text.contains(QUOTE_2) && text.contains(CUT));
    let text2 = text.replace(QUOTE_2, QUOTE_2_REWORDED).replace(CUT, "");
    let v2 = load(&server, "putin-assad v2", &text2, Some(v1));
    let doc = server.get(&format!("/api/documents/{v2}")).json();
    assert_eq!(doc["number"], 2);
    assert_eq!(doc["story_id"], json!(1));
    let qs2 = doc["quotes"].as_array().unwrap();
    assert_eq!(quoted(qs2), 18);
    let moved = by_text(qs2, QUOTE_2_REWORDED);
    assert_eq!(
        moved["quote_id"],
        id2.as_str(),
        "the reworded quote keeps its id"
    );
    assert_eq!(
        moved["speaker"], "Dmitry Peskov",
        "the correction follows it"
    );
    assert_eq!(moved["status"], "wrong");
    assert_eq!(moved["change"]["what"], json!(["reworded"]));
    let changes = doc["changes"].as_array().unwrap();
    let removed: Vec<&Value> = changes
        .iter()
        .filter(|c| c["what"] == json!(["removed"]))
        .collect();
    assert_eq!(removed.len(), 1, "{changes:#?}");
    assert_eq!(removed[0]["quote_id"], removed_id.as_str());
    assert_eq!(doc["summary"]["reworded"], 1);
    assert_eq!(doc["summary"]["removed"], 1);
    assert_eq!(doc["summary"]["added"], 0);

    // The story list shows both versions.
    let list = server.get("/api/documents").json();
    let story = &list["stories"][0];
    assert_eq!(story["versions"].as_array().unwrap().len(), 2);
    assert_eq!(story["versions"][0]["quotes"], records);

    // CSV export of version 2: the correction applied and marked as the editor's.
    let r = server.get(&format!("/api/documents/{v2}/export?format=csv"));
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    let mut rdr = csv::Reader::from_reader(r.body.as_slice());
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    // Every record of version 2, reported speech included (kind indirect).
    assert_eq!(rows.len(), qs2.len());
    let paraphrases = rows
        .iter()
        .filter(|r| &r[col("kind")] == "indirect")
        .count();
    assert_eq!(rows.len() - paraphrases, 18);
    let row = rows
        .iter()
        .find(|r| &r[col("text")] == QUOTE_2_REWORDED)
        .unwrap();
    assert_eq!(&row[col("speaker")], "Dmitry Peskov");
    assert_eq!(&row[col("editor_set")], "speaker;status;note");
    assert_eq!(&row[col("edited_by")], "Ana");
    assert_eq!(&row[col("quote_id")], id2);
    let untouched = rows
        .iter()
        .filter(|r| r[col("editor_set")].is_empty())
        .count();
    assert_eq!(untouched, rows.len() - 1);

    // JSONL export: one object per quote.
    let r = server.get(&format!("/api/documents/{v2}/export?format=jsonl"));
    let lines: Vec<Value> = r
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), qs2.len());
    assert_eq!(quoted(&lines), 18);
    assert!(
        lines
            .iter()
            .any(|l| l["speaker"] == "Dmitry Peskov" && l["quote_id"] == id2.as_str())
    );
}

#[test]
fn two_editors_setting_different_fields_at_once_both_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[FIXTURE]);
    let list = server.get("/api/documents").json();
    let id = list["stories"][0]["versions"][0]["id"].as_i64().unwrap();
    let qs = quotes(&server, id);
    let targets: Vec<String> = qs
        .iter()
        .map(|q| q["quote_id"].as_str().unwrap().to_string())
        .collect();
    std::thread::scope(|s| {
        for (field, value) in [("status", "checked"), ("note", "on tape at 12:03")] {
            let (server, targets) = (&server, &targets);
            s.spawn(move || {
                for q in targets {
                    let r = server.send(
                        "PUT",
                        &format!("/api/documents/{id}/quotes/{q}"),
                        &json!({ field: value, "editor": format!("tab {field}") }),
                    );
                    assert_eq!(r.status, 200, "{}", r.text());
                }
            });
        }
    });
    for q in quotes(&server, id) {
        assert_eq!(q["status"], "checked");
        assert_eq!(q["note"], "on tape at 12:03");
    }
}

#[test]
fn files_given_on_start_are_loaded_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let server = Server::start(&db, &[FIXTURE]);
    server.kill();
    let server = Server::start(&db, &[FIXTURE]);
    let list = server.get("/api/documents").json();
    assert_eq!(list["stories"].as_array().unwrap().len(), 1);
    assert_eq!(list["stories"][0]["versions"].as_array().unwrap().len(), 1);
}

#[test]
fn sources_give_each_quote_a_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[]);
    let id = load(&server, "putin-assad", &fixture(), None);
    let srt = std::fs::read_to_string("fixtures/sources/putin-assad-remarks.srt").unwrap();
    let r = server.send(
        "POST",
        &format!("/api/documents/{id}/sources"),
        &json!({ "name": "remarks.srt", "text": srt }),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let qs = quotes(&server, id);
    let verdicts: Vec<&str> = qs
        .iter()
        .filter_map(|q| q["verdict"]["verdict"].as_str())
        .collect();
    assert!(verdicts.contains(&"exact"), "{verdicts:?}");
    // Reported speech is listed as paraphrase, not checked word for word.
    let paraphrases: Vec<&Value> = qs.iter().filter(|q| q["kind"] == "indirect").collect();
    assert!(!paraphrases.is_empty());
    assert!(
        paraphrases
            .iter()
            .all(|q| q["verdict"]["verdict"] == "paraphrase"),
        "{paraphrases:?}"
    );
    assert!(
        qs.iter()
            .filter(|q| q["kind"] == "term")
            .all(|q| q["verdict"].is_null())
    );
    // A subtitle file that does not parse is refused with its line.
    let r = server.send(
        "POST",
        &format!("/api/documents/{id}/sources"),
        &json!({ "name": "bad.srt", "text": "1\nnot a timing\nhello\n" }),
    );
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.json()["error"].as_str().unwrap().contains("bad.srt"));
}

#[test]
fn broken_and_hostile_requests_get_a_clear_4xx() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[]);
    let origin = server.origin();
    let json_headers = [
        ("Origin", origin.as_str()),
        ("Content-Type", "application/json"),
    ];
    let post = |body: &[u8]| {
        request(
            &server.addr,
            "POST",
            "/api/documents",
            &json_headers,
            Some(body),
        )
    };

    let r = post(b"{\"name\": \"x\", \"text\": ");
    assert_eq!(r.status, 400);
    assert!(
        r.json()["error"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );
    let r = post(b"[1, 2]");
    assert_eq!(r.status, 400);
    let r = post(br#"{"name": "x", "text": "a", "sql": "DROP TABLE stories"}"#);
    assert_eq!(r.status, 400);
    assert!(r.text().contains("unknown field"));
    let r = post(br#"{"name": "x"}"#);
    assert_eq!(r.status, 400);

    // Over the 16 MiB limit: refused from the Content-Length, before the body is read.
    let big = vec![b' '; 16 * 1024 * 1024 + 1];
    let r = post(&big);
    assert_eq!(r.status, 413);
    assert!(r.text().contains("16 MiB"));

    // No Origin: a cross-site form or script cannot change anything.
    let r = request(
        &server.addr,
        "POST",
        "/api/documents",
        &[("Content-Type", "application/json")],
        Some(br#"{"name": "x", "text": "a"}"#),
    );
    assert_eq!(r.status, 403);
    let r = request(
        &server.addr,
        "POST",
        "/api/documents",
        &[
            ("Origin", "http://evil.example"),
            ("Content-Type", "application/json"),
        ],
        Some(br#"{"name": "x", "text": "a"}"#),
    );
    assert_eq!(r.status, 403);
    // A form post (text/plain) from our own origin is still refused.
    let r = request(
        &server.addr,
        "POST",
        "/api/documents",
        &[("Origin", origin.as_str()), ("Content-Type", "text/plain")],
        Some(br#"{"name": "x", "text": "a"}"#),
    );
    assert_eq!(r.status, 415);
    // Another Host name (DNS rebinding) is refused.
    let mut s = std::net::TcpStream::connect(&server.addr).unwrap();
    use std::io::Write;
    s.write_all(b"GET /api/documents HTTP/1.1\r\nHost: evil.example\r\n\r\n")
        .unwrap();
    assert_eq!(serve_support::read_reply(&mut s).status, 421);

    // Unknown document and quote; a bad kind; no editor name.
    assert_eq!(server.get("/api/documents/99").status, 404);
    let id = load(&server, "a", "“We will win,” the mayor said.", None);
    let q = quotes(&server, id)[0]["quote_id"]
        .as_str()
        .unwrap()
        .to_string();
    let put = |body: Value| server.send("PUT", &format!("/api/documents/{id}/quotes/{q}"), &body);
    assert_eq!(
        put(json!({ "kind": "rumour", "editor": "Ana" })).status,
        400
    );
    assert_eq!(put(json!({ "status": "checked" })).status, 400);
    assert_eq!(
        put(json!({ "speaker": "A\nB", "editor": "Ana" })).status,
        400
    );
    assert_eq!(
        server
            .send(
                "PUT",
                &format!("/api/documents/{id}/quotes/nope"),
                &json!({ "status": "checked", "editor": "Ana" })
            )
            .status,
        404
    );
    assert_eq!(
        server
            .get(&format!("/api/documents/{id}/export?format=xml"))
            .status,
        400
    );
    // Every response carries the strict policy.
    let r = server.get("/");
    assert!(
        r.header("content-security-policy")
            .unwrap()
            .contains("script-src 'self'")
    );
}

#[test]
fn a_stalled_client_does_not_hold_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[]);
    // More stalled connections than workers: each sends half a request and waits.
    let stalled: Vec<std::net::TcpStream> = (0..8)
        .map(|_| {
            use std::io::Write;
            let mut s = std::net::TcpStream::connect(&server.addr).unwrap();
            s.write_all(b"POST /api/documents HTTP/1.1\r\nContent-Length: 100\r\n")
                .unwrap();
            s
        })
        .collect();
    // The read timeout frees the workers: a normal request is answered.
    let r = server.get("/api/documents");
    assert_eq!(r.status, 200);
    drop(stalled);
}

#[test]
fn off_loopback_needs_a_token_and_every_request_carries_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["serve", "--host", "0.0.0.0", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--token"));

    let server = Server::start(&db, &["--token", "correct-horse-battery"]);
    assert_eq!(server.get("/api/documents").status, 401);
    assert_eq!(server.get("/").status, 401);
    let r = request(
        &server.addr,
        "GET",
        "/api/documents",
        &[("Authorization", "Bearer correct-horse-battery")],
        None,
    );
    assert_eq!(r.status, 200);
    let r = server.get("/?token=correct-horse-battery");
    assert_eq!(r.status, 200);
    let cookie = r
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert!(r.header("set-cookie").unwrap().contains("HttpOnly"));
    let r = request(
        &server.addr,
        "GET",
        "/api/documents",
        &[("Cookie", &cookie)],
        None,
    );
    assert_eq!(r.status, 200);
}

#[test]
fn an_html_page_loads_and_a_dismissed_quote_is_exported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[]);
    let html = "<html><head><title>x</title><script>var a = \"“not text”\";</script></head>\
                <body><nav>“Menu”</nav><article><p>“We will not back down,” the mayor said.</p>\
                <p>Critics called the plan a “land grab”.</p></article></body></html>";
    let r = server.send(
        "POST",
        "/api/documents",
        &json!({ "name": "page.html", "html": html }),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().unwrap();
    let qs = quotes(&server, id);
    let texts: Vec<&str> = qs.iter().map(|q| q["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["We will not back down,", "land grab"]);
    assert!(
        qs[0]["source_start"].as_u64().is_some(),
        "offsets into the page"
    );
    let r = server.send(
        "POST",
        "/api/documents",
        &json!({ "name": "both", "html": html, "text": "x" }),
    );
    assert_eq!(r.status, 400);

    let term = qs[1]["quote_id"].as_str().unwrap();
    let r = server.send(
        "PUT",
        &format!("/api/documents/{id}/quotes/{term}"),
        &json!({ "kind": "dismissed", "editor": "Ana" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["extracted"]["kind"], qs[1]["kind"]);
    let csv = server.get(&format!("/api/documents/{id}/export?format=csv"));
    let mut rdr = csv::Reader::from_reader(csv.body.as_slice());
    let header = rdr.headers().unwrap().clone();
    let kind = header.iter().position(|h| h == "kind").unwrap();
    let set = header.iter().position(|h| h == "editor_set").unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!((&rows[1][kind], &rows[1][set]), ("dismissed", "kind"));
    assert_eq!((&rows[0][kind], &rows[0][set]), ("direct", ""));
    let list = server.get("/api/documents").json();
    assert!(list["stories"][0]["versions"][0]["flagged"].is_u64());
}

/// A small deterministic generator (xorshift), so the hostile-bytes test needs no seed file.
struct Bytes(u64);

impl Bytes {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn take(&mut self, n: usize, alphabet: &[u8]) -> Vec<u8> {
        (0..n)
            .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize])
            .collect()
    }
}

#[test]
fn garbage_requests_get_answers_or_a_closed_socket_and_the_server_stays_up() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("q.db"), &[]);
    let id = load(&server, "a", "“We will win,” the mayor said.", None);
    let q = quotes(&server, id)[0]["quote_id"]
        .as_str()
        .unwrap()
        .to_string();
    let all: Vec<u8> = (0..=255).collect();
    let json_ish = b"{}[]\":,0123456789.eE+-truefalsnul \\u00\x7f\xc3\xa9\xff";
    let mut g = Bytes(0x9e37_79b9_7f4a_7c15);
    for round in 0..120 {
        let len = (g.next() % 600) as usize;
        let raw: Vec<u8> = match round % 4 {
            // Any bytes at all.
            0 => g.take(len, &all),
            // A request line and headers made of anything.
            1 => [
                b"GET /api/documents HTTP/1.1\r\nHost: ".to_vec(),
                server.addr.as_bytes().to_vec(),
                b"\r\n".to_vec(),
                g.take(len, &all),
                b"\r\n\r\n".to_vec(),
            ]
            .concat(),
            // A well-formed PUT whose body is JSON-like noise.
            _ => {
                let body = g.take(len, json_ish);
                let path = if round % 4 == 2 {
                    format!("/api/documents/{id}/quotes/{q}")
                } else {
                    "/api/documents".to_string()
                };
                let method = if round % 4 == 2 { "PUT" } else { "POST" };
                [
                    format!(
                        "{method} {path} HTTP/1.1\r\nHost: {0}\r\nOrigin: http://{0}\r\n\
                         Content-Type: application/json\r\nContent-Length: {1}\r\n\r\n",
                        server.addr,
                        body.len()
                    )
                    .into_bytes(),
                    body,
                ]
                .concat()
            }
        };
        let mut s = std::net::TcpStream::connect(&server.addr).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        let _ = s.write_all(&raw);
        let _ = s.shutdown(std::net::Shutdown::Write);
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        if let Some(status) = answer.get(9..12) {
            let status = std::str::from_utf8(status).unwrap_or("?");
            assert!(
                !status.starts_with('5'),
                "round {round}: {}",
                String::from_utf8_lossy(&answer)
            );
        }
    }
    assert_eq!(server.get("/api/documents").status, 200);
    assert_eq!(quotes(&server, id).len(), 1);
}
