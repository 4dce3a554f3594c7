//! `--lexicon DIR` and `QUOTECHECK_LEXICON`: extra words read at run time into the
//! compiled-in lists, and bad lists refused with the file and line.

use assert_cmd::Command;
use quotecheck::Quote;

// "harrumphs": a present form, which the shape of a short past-tense clause after a quote
// (“…,” Moyo harrumphed.) does not attribute without the lexicon.
const ARTICLE: &str = "“We will not close the harbour this winter,” Moyo harrumphs every Tuesday.\n\n\
“The ferries run as usual,” Garcia said.\n";

fn qc() -> Command {
    let mut cmd = Command::cargo_bin("quotecheck").unwrap();
    cmd.env_remove("QUOTECHECK_LEXICON");
    cmd
}

fn quotes(cmd: &mut Command) -> Vec<Quote> {
    let out = cmd
        .args(["extract", "-", "--format", "jsonl"])
        .write_stdin(ARTICLE)
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

fn lexicon(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn an_extra_cue_attributes_what_the_compiled_in_lists_miss() {
    let plain = quotes(&mut qc());
    assert_eq!(plain[0].cue, None, "harrumph is not a compiled-in cue");
    assert_eq!(plain[1].speaker.as_deref(), Some("Garcia"));

    let dir = lexicon(&[("cues.txt", "# our desk's verbs\nharrumph\n")]);
    let extended = quotes(qc().arg("--lexicon").arg(dir.path()));
    assert_eq!(extended[0].cue.as_deref(), Some("harrumphs"));
    assert_eq!(extended[0].speaker.as_deref(), Some("Moyo"));
    // The compiled-in words still work beside the extra ones.
    assert_eq!(extended[1].speaker.as_deref(), Some("Garcia"));

    let by_env = quotes(qc().env("QUOTECHECK_LEXICON", dir.path()));
    assert_eq!(by_env, extended);
}

/// The error of an extract run with the lexicon in `dir`, which must fail with exit 2 and
/// write no records.
fn refused(dir: &tempfile::TempDir) -> String {
    let out = qc()
        .arg("--lexicon")
        .arg(dir.path())
        .args(["extract", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_bad_list_is_refused_with_its_file_and_line() {
    let dir = lexicon(&[("roles.txt", "harbourmaster\ndeputy harbourmaster\n")]);
    let err = refused(&dir);
    assert!(
        err.contains("roles.txt:2: expected one word per line"),
        "{err}"
    );
}

#[test]
fn a_misnamed_list_or_a_missing_directory_is_refused() {
    let dir = lexicon(&[("cue.txt", "harrumph\n")]);
    let err = refused(&dir);
    assert!(err.contains("cue.txt") && err.contains("cues.txt"), "{err}");
    qc().env("QUOTECHECK_LEXICON", "/nonexistent/lexicon")
        .args(["extract", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("/nonexistent/lexicon"));
}
