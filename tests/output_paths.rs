//! Output paths (issue 14): an output can never destroy an input, a link, a device or a
//! file's mode, `-` is standard output for every output flag, and no temporary file is left
//! behind by an error or a signal.

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

const ARTICLE: &str = "“We have an opportunity to discuss the entire range of our relations,” \
                       Putin said.\nThe minister said the talks would go on.\n";

fn qc() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

/// A directory with `a.txt` holding the article.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, ARTICLE).unwrap();
    (dir, a)
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".quotecheck-"))
        .collect()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let (dir, a) = setup();
    let link = dir.path().join("link.txt");
    symlink(&a, &link).unwrap();
    let hard = dir.path().join("hard.txt");
    fs::hard_link(&a, &hard).unwrap();
    for out in [&a, &link, &hard] {
        qc().args(["extract", s(&a), "-o", s(out)])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is also an input"));
        assert_eq!(fs::read_to_string(&a).unwrap(), ARTICLE);
    }
    qc().args(["review", s(&a), "--html", s(&a)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is also an input"));
    let b = dir.path().join("b.txt");
    fs::write(&b, ARTICLE.replace("Putin", "Lavrov")).unwrap();
    qc().args(["diff", s(&a), s(&b), "-o", s(&b)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is also an input"));
    // A directory input: the files under it are inputs too.
    qc().args(["extract", s(dir.path()), "-o", s(&b)])
        .assert()
        .code(2);
    assert_eq!(fs::read_to_string(&a).unwrap(), ARTICLE);
    assert!(fs::read_to_string(&b).unwrap().contains("Lavrov"));
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_dash_is_standard_output_for_every_output_flag() {
    let (dir, a) = setup();
    let stdout = |args: &[&str]| {
        let out = qc().current_dir(dir.path()).args(args).output().unwrap();
        assert!(out.status.code().unwrap_or(9) <= 1, "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(stdout(&["extract", "a.txt", "-o", "-"]).contains("entire range"));
    assert!(stdout(&["review", "a.txt", "--html", "-"]).starts_with("<!DOCTYPE html>"));
    assert!(stdout(&["diff", "a.txt", "a.txt", "-o", "-"]).contains("unchanged"));
    let source = dir.path().join("source.txt");
    fs::write(&source, ARTICLE).unwrap();
    let verified = stdout(&["verify", "a.txt", "--source", "source.txt", "-o", "-"]);
    assert!(verified.contains("exact"), "{verified}");
    assert!(!dir.path().join("-").exists(), "a file named - was written");
    assert!(a.exists());
}

#[test]
fn a_symlinked_output_writes_its_target_and_stays_a_link() {
    let (dir, a) = setup();
    let target = dir.path().join("target.jsonl");
    fs::write(&target, "old\n").unwrap();
    let link = dir.path().join("out.jsonl");
    symlink(&target, &link).unwrap();
    qc().args(["extract", s(&a), "-o", s(&link)])
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("entire range")
    );
    // A link to nothing is refused, and stays as it was.
    let dangling = dir.path().join("dangling.jsonl");
    symlink(dir.path().join("nowhere/x.jsonl"), &dangling).unwrap();
    qc().args(["extract", s(&a), "-o", s(&dangling)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link to nothing"));
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask() {
    let (dir, a) = setup();
    let existing = dir.path().join("existing.jsonl");
    fs::write(&existing, "").unwrap();
    fs::set_permissions(&existing, fs::Permissions::from_mode(0o644)).unwrap();
    qc().args(["extract", s(&a), "-o", s(&existing)])
        .assert()
        .success();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&existing), 0o644);
    assert!(!fs::read_to_string(&existing).unwrap().is_empty());

    let bin = assert_cmd::cargo::cargo_bin("quotecheck");
    for (umask, want) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let fresh = dir.path().join(format!("fresh-{umask}.jsonl"));
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" extract \"$1\" -o \"$2\""
            ))
            .arg(&bin)
            .arg(&a)
            .arg(&fresh)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(mode(&fresh), want, "umask {umask}");
    }
}

#[test]
fn directories_and_missing_dev_paths_are_refused() {
    let (dir, a) = setup();
    qc().args(["extract", s(&a), "-o", s(dir.path())])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
    qc().args(["extract", s(&a), "-o", "/dev/quotecheck-no-such-device"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("never created"));
    assert!(!Path::new("/dev/quotecheck-no-such-device").exists());
}

#[test]
fn devices_are_written_in_place_never_replaced() {
    let (_dir, a) = setup();
    qc().args(["extract", s(&a), "-o", "/dev/null"])
        .assert()
        .success();
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let before = fs::symlink_metadata("/dev/stdout").map(|m| m.file_type().is_symlink());
    let out = qc()
        .args(["extract", s(&a), "-o", "/dev/stdout"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("entire range"));
    let after = fs::symlink_metadata("/dev/stdout").map(|m| m.file_type().is_symlink());
    assert_eq!(before.ok(), after.ok(), "/dev/stdout changed kind");
}

#[test]
fn a_failed_run_leaves_no_output_and_no_temporary_file() {
    let (dir, a) = setup();
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, b"He said \xc3\x28 nothing.").unwrap();
    let out = dir.path().join("out.jsonl");
    qc().args(["extract", s(&a), s(&bad), "-o", s(&out)])
        .assert()
        .code(2);
    assert!(!out.exists());
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_terminated_run_removes_its_temporary_file() {
    let (dir, _a) = setup();
    let out = dir.path().join("out.jsonl");
    // Reading standard input that never ends keeps the run waiting with its output open.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("quotecheck"))
        .args(["extract", "-", "-o", s(&out)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while temp_files(dir.path()).is_empty() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !temp_files(dir.path()).is_empty(),
        "no temporary file appeared"
    );
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert!(
        temp_files(dir.path()).is_empty(),
        "temporary file left behind"
    );
    assert!(!out.exists());
}
