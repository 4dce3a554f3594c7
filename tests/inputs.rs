//! Inputs as newsrooms have them: HTML pages, encoded files, directories, globs and corpora
//! give the same quotes as the plain UTF-8 text of the same article.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use quotecheck::input::{InputFormat, ReadOptions, inputs, read_page};
use quotecheck::{Document, Quote, extract};
use serde_json::Value;

fn qc() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

/// The documents `arg` names when read with `options`.
fn read(arg: &str, options: ReadOptions) -> Vec<Document> {
    inputs(&[arg.to_string()], options)
        .unwrap()
        .iter()
        .flat_map(|i| i.documents().unwrap())
        .map(|d| d.unwrap())
        .collect()
}

fn quotes(docs: &[Document]) -> Vec<Quote> {
    docs.iter().flat_map(|d| extract(d).quotes).collect()
}

/// A record without what depends on where the text sits: the document name and every offset
/// (paragraph numbers included, since a page has a headline the text file lacks).
fn comparable(q: &Quote) -> Value {
    let mut v = serde_json::to_value(q).unwrap();
    let o = v.as_object_mut().unwrap();
    for key in [
        "doc",
        "start",
        "end",
        "byte_start",
        "byte_end",
        "paragraph",
        "mention_start",
        "mention_end",
        "cue_start",
        "cue_end",
        "source_start",
        "source_end",
    ] {
        o.remove(key);
    }
    v
}

fn comparables(quotes: &[Quote]) -> Vec<Value> {
    quotes.iter().map(comparable).collect()
}

fn selector_for(html: &Path) -> Option<scraper::Selector> {
    let css = std::fs::read_to_string(html.with_extension("selector")).ok()?;
    Some(ReadOptions::parse_selector(css.trim()).unwrap())
}

/// Every quote's `source_start..source_end` slice of the page reads back as the quote.
fn assert_sources_read_back(page: &str, doc: &Document, quotes: &[Quote]) {
    for q in quotes {
        let (start, end) = (q.source_start.unwrap(), q.source_end.unwrap());
        let slice = &page[start..end];
        assert_eq!(
            read_page(slice, None).unwrap().text,
            doc.text[q.byte_start..q.byte_end],
            "{} quote {}: source slice {slice:?}",
            doc.id,
            q.index
        );
    }
}

fn html_fixtures() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir("fixtures/html")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn html_fixtures_give_the_quotes_of_their_text() {
    let mut compared = 0;
    for page in html_fixtures() {
        let text_path = page.with_extension("txt");
        if !text_path.exists() {
            continue;
        }
        let options = ReadOptions {
            selector: selector_for(&page),
            ..ReadOptions::default()
        };
        let html_docs = read(page.to_str().unwrap(), options);
        let text_docs = read(text_path.to_str().unwrap(), ReadOptions::default());
        let (from_html, from_text) = (quotes(&html_docs), quotes(&text_docs));
        assert!(!from_text.is_empty(), "{}", text_path.display());
        assert_eq!(
            html_docs[0].text,
            text_docs[0].text.trim_end(),
            "{}",
            page.display()
        );
        assert_eq!(
            comparables(&from_html),
            comparables(&from_text),
            "{}",
            page.display()
        );
        let html = std::fs::read_to_string(&page).unwrap();
        assert_sources_read_back(&html, &html_docs[0], &from_html);
        compared += 1;
    }
    assert!(
        compared >= 5,
        "only {compared} HTML fixtures have a text companion"
    );
}

/// The acceptance page: the article fixture inside a full site.
#[test]
fn the_article_saved_as_a_web_page_gives_the_same_records() {
    let page = "fixtures/html/putin-assad.html";
    let html_docs = read(page, ReadOptions::default());
    let text_docs = read("fixtures/articles/putin-assad.txt", ReadOptions::default());
    let (from_html, from_text) = (quotes(&html_docs), quotes(&text_docs));
    assert!(!from_text.is_empty());
    assert_eq!(comparables(&from_html), comparables(&from_text));
    let html = std::fs::read_to_string(page).unwrap();
    assert_sources_read_back(&html, &html_docs[0], &from_html);
    // Offsets are into the extracted text: each record's text is where it says.
    for q in &from_html {
        let inner = &html_docs[0].text[q.byte_start..q.byte_end];
        assert!(inner.contains(q.text.lines().next().unwrap()), "{q:?}");
    }
}

#[test]
fn without_the_selector_a_page_with_promos_yields_them_too() {
    let page = Path::new("fixtures/html/needs-selector.html");
    let all = quotes(&read(page.to_str().unwrap(), ReadOptions::default()));
    let options = ReadOptions {
        selector: selector_for(page),
        ..ReadOptions::default()
    };
    let article = quotes(&read(page.to_str().unwrap(), options));
    assert!(all.len() > article.len(), "{all:?}");
    let texts: Vec<&str> = all.iter().map(|q| q.text.as_str()).collect();
    for q in &article {
        assert!(texts.contains(&q.text.as_str()));
    }
}

#[test]
fn encoded_files_give_the_quotes_of_their_utf8_version() {
    let reference = quotes(&read(
        "fixtures/encodings/erdogan.utf8.txt",
        ReadOptions::default(),
    ));
    assert!(!reference.is_empty());
    let windows_1252 = ReadOptions {
        encoding: Some(ReadOptions::parse_encoding("windows-1252").unwrap()),
        ..ReadOptions::default()
    };
    for (file, options) in [
        ("erdogan.utf8-bom.txt", ReadOptions::default()),
        ("erdogan.utf16le-bom.txt", ReadOptions::default()),
        ("erdogan.utf16be-bom.txt", ReadOptions::default()),
        ("erdogan.windows-1252.txt", windows_1252),
    ] {
        let got = quotes(&read(&format!("fixtures/encodings/{file}"), options));
        assert_eq!(comparables(&got), comparables(&reference), "{file}");
        // Offsets are into the decoded text, so they match the UTF-8 file's too.
        let offsets =
            |qs: &[Quote]| -> Vec<(usize, usize)> { qs.iter().map(|q| (q.start, q.end)).collect() };
        assert_eq!(offsets(&got), offsets(&reference), "{file}");
    }
    let latin1 = ReadOptions {
        encoding: Some(ReadOptions::parse_encoding("latin1").unwrap()),
        ..ReadOptions::default()
    };
    let montreal = read("fixtures/encodings/montreal.latin1.txt", latin1);
    let montreal_utf8 = read(
        "fixtures/encodings/montreal.utf8.txt",
        ReadOptions::default(),
    );
    assert_eq!(montreal[0].text, montreal_utf8[0].text);
    assert!(!quotes(&montreal).is_empty());
}

#[test]
fn a_windows_1252_page_declares_its_encoding_and_maps_to_file_bytes() {
    let path = "fixtures/encodings/erdogan.windows-1252.html";
    let docs = read(path, ReadOptions::default());
    let got = quotes(&docs);
    let reference = quotes(&read(
        "fixtures/encodings/erdogan.utf8.txt",
        ReadOptions::default(),
    ));
    assert_eq!(comparables(&got), comparables(&reference));
    let bytes = std::fs::read(path).unwrap();
    for q in &got {
        let slice = &bytes[q.source_start.unwrap()..q.source_end.unwrap()];
        let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(slice);
        assert_eq!(
            read_page(&decoded, None).unwrap().text,
            docs[0].text[q.byte_start..q.byte_end]
        );
    }
}

#[test]
fn undecodable_input_names_the_byte_unless_lossy() {
    let path = "fixtures/encodings/erdogan.broken-utf8.txt";
    let bytes = std::fs::read(path).unwrap();
    let bad = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    qc().args(["extract", path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{path}: not valid UTF-8 (first bad byte at offset {bad}"
        )));
    let out = qc()
        .args(["extract", path, "--lossy", "--format", "jsonl"])
        // Quoted stretches only: they are compared with the library's quotes below.
        .args(["--kinds", "direct,partial,term"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains(format!("{path}: warning"))
                .and(predicate::str::contains(format!("offset {bad}"))),
        )
        .get_output()
        .stdout
        .clone();
    let lossy: Vec<Quote> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The bad byte was an opening mark, so that quote is lost; the others are intact.
    let reference = quotes(&read(
        "fixtures/encodings/erdogan.utf8.txt",
        ReadOptions::default(),
    ));
    assert!(!lossy.is_empty());
    for q in &lossy {
        assert!(q.flags.contains(&quotecheck::Flag::LossyDecoding), "{q:?}");
        assert!(reference.iter().any(|r| r.text == q.text), "{q:?}");
    }
}

fn jsonl_of(args: &[&str]) -> Vec<Quote> {
    let out = qc()
        .arg("extract")
        .args(args)
        .args(["--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_directory_is_its_files_in_path_order() {
    let files = [
        "fixtures/dir/2024-07-24/storm.txt",
        "fixtures/dir/2024-07-24/strike.html",
        "fixtures/dir/2024-07-25/erdogan.txt",
        "fixtures/dir/court.txt",
    ];
    let one_by_one: Vec<Quote> = files.iter().flat_map(|f| jsonl_of(&[f])).collect();
    let mut whole = jsonl_of(&["fixtures/dir"]);
    let mut docs: Vec<String> = whole.iter().map(|q| q.doc.clone()).collect();
    docs.dedup();
    assert_eq!(docs, files);
    // The directory's path is joined as given ("fixtures/dir" + "/…").
    assert_eq!(whole, one_by_one);
    // A glob reads the same files in the same order.
    let glob = jsonl_of(&["fixtures/dir/**/*.txt"]);
    whole.retain(|q| q.doc.ends_with(".txt"));
    assert_eq!(glob, whole);
}

#[test]
fn csv_and_jsonl_corpora_of_the_same_articles_agree() {
    let csv = jsonl_of(&["fixtures/corpora/articles.csv"]);
    let jsonl = jsonl_of(&["fixtures/corpora/articles.jsonl"]);
    assert!(!csv.is_empty());
    assert_eq!(csv, jsonl);
    let docs = read("fixtures/corpora/articles.csv", ReadOptions::default());
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<String> = std::fs::read_to_string("fixtures/corpora/articles.jsonl")
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, expected);
    // Another text column, ids from another column.
    let headlines = read(
        "fixtures/corpora/articles.csv",
        ReadOptions {
            id_column: Some("headline".into()),
            text_column: Some("headline".into()),
            ..ReadOptions::default()
        },
    );
    assert!(headlines.iter().all(|d| d.id == d.text));
}

#[test]
fn html_in_a_jsonl_corpus_reads_like_the_page_file() {
    let corpus = jsonl_of(&["fixtures/corpora/pages.jsonl"]);
    let mut ids: Vec<&str> = corpus.iter().map(|q| q.doc.as_str()).collect();
    ids.dedup();
    assert!(!ids.is_empty());
    for id in ids {
        let from_corpus: Vec<Quote> = corpus.iter().filter(|q| q.doc == id).cloned().collect();
        let from_file = jsonl_of(&[&format!("fixtures/html/{id}.html")]);
        assert_eq!(comparables(&from_corpus), comparables(&from_file), "{id}");
        let offsets = |qs: &[Quote]| -> Vec<_> {
            qs.iter()
                .map(|q| (q.start, q.end, q.source_start, q.source_end))
                .collect()
        };
        assert_eq!(offsets(&from_corpus), offsets(&from_file), "{id}");
    }
}

#[test]
fn input_format_overrides_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::copy("fixtures/html/entities.html", &page).unwrap();
    let as_text = read(page.to_str().unwrap(), ReadOptions::default());
    let as_html = read(
        page.to_str().unwrap(),
        ReadOptions {
            format: Some(InputFormat::Html),
            ..ReadOptions::default()
        },
    );
    assert!(as_text[0].text.contains("&ldquo;"));
    assert!(!as_html[0].text.contains("&ldquo;") && as_html[0].source.is_some());
}

#[test]
fn reading_errors_name_the_file_and_exit_2() {
    qc().args([
        "extract",
        "fixtures/html/needs-selector.html",
        "--selector",
        ".nope",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "fixtures/html/needs-selector.html: --selector matches nothing",
    ));
    qc().args(["extract", "fixtures/html/entities.html", "--selector", "p["])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--selector"));
    qc().args([
        "extract",
        "fixtures/encodings/erdogan.utf8.txt",
        "--encoding",
        "klingon",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("unknown encoding"));
    qc().args(["extract", "fixtures/nothing-here/*.html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no files match"));
    qc().args([
        "extract",
        "fixtures/corpora/articles.csv",
        "--text-column",
        "body",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "fixtures/corpora/articles.csv:1: no column \"body\"",
    ));
}

#[test]
fn csv_output_always_has_the_source_columns() {
    for input in [
        "fixtures/encodings/erdogan.utf8.txt",
        "fixtures/html/entities.html",
    ] {
        let out = qc()
            .args(["extract", input, "--format", "csv"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(headers, quotecheck::record::FIELDS, "{input}");
        let filled = reader
            .records()
            .map(|r| r.unwrap())
            .filter(|r| !r[r.len() - 1].is_empty())
            .count();
        assert_eq!(filled > 0, input.ends_with(".html"), "{input}");
    }
}

#[test]
fn source_offsets_count_the_byte_order_mark_and_utf16_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string("fixtures/html/entities.html").unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(html.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(html.encode_utf16().flat_map(|u| u.to_le_bytes()));
    for (name, bytes) in [("bom.html", with_bom), ("utf16.html", utf16)] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let docs = read(path.to_str().unwrap(), ReadOptions::default());
        let got = quotes(&docs);
        assert!(!got.is_empty());
        for q in &got {
            let slice = &bytes[q.source_start.unwrap()..q.source_end.unwrap()];
            let (decoded, _) = if name == "utf16.html" {
                encoding_rs::UTF_16LE.decode_without_bom_handling(slice)
            } else {
                encoding_rs::UTF_8.decode_without_bom_handling(slice)
            };
            assert_eq!(
                read_page(&decoded, None).unwrap().text,
                docs[0].text[q.byte_start..q.byte_end],
                "{name}"
            );
        }
    }
}

#[test]
fn a_stray_mark_in_a_page_is_reported_on_the_page_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stray.html");
    let html = "<html>\n<body>\n<p>The senator left.</p>\n<p>He said nothing more.” Then he went home.</p>\n</body>\n</html>\n";
    std::fs::write(&path, html).unwrap();
    let docs = read(path.to_str().unwrap(), ReadOptions::default());
    let extraction = extract(&docs[0]);
    let mark_line = 1 + html[..html.find('”').unwrap()].matches('\n').count();
    assert_eq!(extraction.stray_marks.len(), 1);
    assert_eq!(extraction.stray_marks[0].line, mark_line);
}

#[test]
fn only_csv_rows_with_undecodable_bytes_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let mut bytes = b"id,text\nok,\"\xe2\x80\x9cWe will win,\xe2\x80\x9d he said.\"\n".to_vec();
    bytes.extend(
        b"bad,\"\x93We will lose,\xe2\x80\x9d she said. \xe2\x80\x9cNot today.\xe2\x80\x9d\"\n",
    );
    std::fs::write(&path, &bytes).unwrap();
    let options = ReadOptions {
        lossy: true,
        ..ReadOptions::default()
    };
    let docs = read(path.to_str().unwrap(), options);
    let flagged: Vec<(&str, bool)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.lossy_at.is_some()))
        .collect();
    assert_eq!(flagged, [("ok", false), ("bad", true)]);
    let bad = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    assert_eq!(docs[1].lossy_at, Some(bad));
}

#[test]
fn keep_going_skips_files_that_do_not_decode_and_reads_the_rest() {
    let out = qc()
        .args([
            "extract",
            "fixtures/encodings",
            "--keep-going",
            "--format",
            "jsonl",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "fixtures/encodings/erdogan.broken-utf8.txt: not valid UTF-8",
        ))
        .get_output()
        .stdout
        .clone();
    let docs: std::collections::BTreeSet<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Quote>(l).unwrap().doc)
        .collect();
    assert!(
        docs.contains("fixtures/encodings/erdogan.utf8.txt"),
        "{docs:?}"
    );
    assert!(!docs.contains("fixtures/encodings/erdogan.broken-utf8.txt"));
}

#[test]
fn utf16_without_a_bom_gives_the_same_quotes_as_utf8_not_none() {
    // Issue 14: UTF-16 without a BOM read as UTF-8 is valid (NULs are), so it gave 0
    // quotes and exit 0.
    let utf8 = std::fs::read_to_string("fixtures/encodings/erdogan.utf8.txt").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("erdogan.utf16le-nobom.txt");
    let bytes: Vec<u8> = utf8.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    std::fs::write(&path, bytes).unwrap();
    let from16 = quotes(&read(path.to_str().unwrap(), ReadOptions::default()));
    let from8 = quotes(&read(
        "fixtures/encodings/erdogan.utf8.txt",
        ReadOptions::default(),
    ));
    assert!(!from8.is_empty());
    assert_eq!(from16.len(), from8.len());
    assert_eq!(
        from16.iter().map(|q| &q.text).collect::<Vec<_>>(),
        from8.iter().map(|q| &q.text).collect::<Vec<_>>()
    );
}
