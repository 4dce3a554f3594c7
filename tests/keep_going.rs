//! `extract --keep-going` (issue 14): every per-input problem is reported with its path and
//! skipped, the readable inputs are extracted, and the run exits 3 so a pipeline can tell.
//! Without the flag the same problems stop the run with exit 2.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use assert_cmd::Command;

const ARTICLE: &str = "“We have an opportunity to discuss the entire range of our relations,” \
                       Putin said.\n";

fn qc() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// Runs `extract --keep-going` and `extract` on `args`; checks exit 3 with the good article
/// extracted and every `problems` path named on stderr, and exit 2 without the flag.
fn check(args: &[&Path], good: &Path, problems: &[&str]) {
    let out = qc()
        .args(["extract", "--keep-going", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(good.to_str().unwrap()), "{stdout}");
    for p in problems {
        assert!(
            stderr.contains(p) && stderr.contains("(skipped)"),
            "{p}: {stderr}"
        );
    }
    let strict = qc()
        .args(["extract", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(2), "{strict:?}");
}

fn tree() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a-good.txt");
    fs::write(&good, ARTICLE).unwrap();
    (dir, good)
}

#[test]
fn a_dangling_symlink_in_a_directory_or_named_is_skipped() {
    let (dir, good) = tree();
    let link = dir.path().join("b-dangling.txt");
    symlink(dir.path().join("gone.txt"), &link).unwrap();
    check(&[dir.path()], &good, &["b-dangling.txt"]);
    check(&[&good, &link], &good, &["b-dangling.txt"]);
}

#[test]
fn a_symlink_loop_in_a_directory_is_skipped() {
    let (dir, good) = tree();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    symlink(dir.path(), sub.join("loop")).unwrap();
    check(&[dir.path()], &good, &["loop"]);
}

#[test]
fn a_file_that_fails_to_read_is_skipped() {
    // /proc/self/mem exists and fails to read at offset 0 (EIO), even for root.
    let (_dir, good) = tree();
    check(
        &[&good, Path::new("/proc/self/mem")],
        &good,
        &["/proc/self/mem"],
    );
}

#[test]
fn unreadable_files_and_directories_are_skipped() {
    if is_root() {
        eprintln!("skipped: permissions do not stop root from reading");
        return;
    }
    let (dir, good) = tree();
    let secret = dir.path().join("b-secret.txt");
    fs::write(&secret, ARTICLE).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let closed = dir.path().join("c-closed");
    fs::create_dir(&closed).unwrap();
    fs::write(closed.join("x.txt"), ARTICLE).unwrap();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    check(&[dir.path()], &good, &["b-secret.txt", "c-closed"]);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_clean_run_with_keep_going_exits_0() {
    let (dir, _good) = tree();
    qc().args(["extract", "--keep-going"])
        .arg(dir.path())
        .assert()
        .code(0);
}
