//! Text that reaches a terminal cannot act on it (issue 14): escape sequences and bidi
//! overrides from articles and file names come out escaped in every human output and in
//! messages on standard error.

use std::fs;

use assert_cmd::Command;

const HOSTILE: &str = "“Clear \u{1b}]0;pwned\u{7} the \u{1b}[2Jscreen,” the Right\u{202e}gnp.exe \
                       spokesman said.\n";

fn qc() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!text.contains('\u{1b}'), "{what}: raw ESC in {text:?}");
    assert!(!text.contains('\u{7}'), "{what}: raw BEL in {text:?}");
    assert!(!text.contains('\u{202e}'), "{what}: raw U+202E in {text:?}");
}

fn article() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, HOSTILE).unwrap();
    (dir, path.to_str().unwrap().to_string())
}

#[test]
fn table_explain_diff_verify_and_review_text_escape_article_text() {
    let (dir, a) = article();
    let b = dir.path().join("b.txt");
    fs::write(&b, HOSTILE.replace("spokesman", "minister")).unwrap();
    let b = b.to_str().unwrap();
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("table", vec!["extract", &a, "--format", "table"]),
        ("explain", vec!["extract", &a, "--explain"]),
        ("diff", vec!["diff", &a, b, "--format", "text", "--all"]),
        (
            "verify",
            vec!["verify", &a, "--source", b, "--format", "text"],
        ),
        ("review", vec!["review", &a, "--color", "never", "--all"]),
    ];
    for (what, args) in runs {
        let out = qc().args(&args).output().unwrap();
        assert!(out.status.code().unwrap_or(9) <= 1, "{what}: {out:?}");
        assert_inert(&out.stdout, what);
        assert_inert(&out.stderr, what);
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(shown.contains("\\x1b") || what == "diff", "{what}: {shown}");
    }
}

#[test]
fn messages_quoting_a_hostile_file_name_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("\u{1b}[2Jevil\u{202e}txt.exe.txt");
    fs::write(&name, b"He said \xc3\x28 nothing.").unwrap();
    let out = qc().arg("extract").arg(&name).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out.stderr, "error message");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\x1b[2Jevil\\u{202e}txt"));
}
