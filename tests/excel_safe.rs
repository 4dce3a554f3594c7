//! `--excel-safe` on every CSV writer (issue 14): `diff` and `verify` CSV defuse cells a
//! spreadsheet would run as formulas, as `extract` does; without the flag cells are as read.

use std::fs;

use assert_cmd::Command;

fn qc() -> Command {
    Command::cargo_bin("quotecheck").unwrap()
}

/// The CSV cells of a command's output.
fn cells(args: &[&str]) -> Vec<String> {
    let out = qc().args(args).output().unwrap();
    assert!(out.status.code().unwrap_or(9) <= 1, "{out:?}");
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

#[test]
fn diff_and_verify_csv_defuse_formula_cells_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    fs::write(
        path("old.txt"),
        "“=HYPERLINK(\"http://x.example\",\"click\") is what we want,” the spokesman said.\n",
    )
    .unwrap();
    fs::write(
        path("new.txt"),
        "“=HYPERLINK(\"http://x.example\",\"click\") is all we want,” the spokesman said.\n",
    )
    .unwrap();
    let diff = [
        "diff",
        &path("old.txt"),
        &path("new.txt"),
        "--format",
        "csv",
    ];
    let verify = [
        "verify",
        &path("new.txt"),
        "--source",
        &path("old.txt"),
        "--format",
        "csv",
    ];
    for args in [&diff[..], &verify[..]] {
        let raw = cells(args);
        assert!(raw.iter().any(|c| c.starts_with("=HYPERLINK")), "{raw:?}");
        let safe = cells(&[args, &["--excel-safe"]].concat());
        assert!(!safe.iter().any(|c| c.starts_with('=')), "{safe:?}");
        assert!(
            safe.iter().any(|c| c.starts_with("'=HYPERLINK")),
            "{safe:?}"
        );
    }
}
