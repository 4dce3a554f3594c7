//! Snapshot tests over every case in fixtures/versions: each `caseNN.01.before_<what>.txt`
//! is diffed against its `caseNN.02.after_<what>.txt`, and the full text report (unchanged
//! quotes included, no colour) is the snapshot. fixtures/versions/README.md says what each
//! case is for.

use std::path::Path;

use quotecheck::diff::report::{TextOptions, text};
use quotecheck::diff::{Options, diff};
use quotecheck::{Document, extract};

fn quotes(path: &Path) -> Vec<quotecheck::Quote> {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    extract(&Document::new(name, text)).quotes
}

#[test]
fn every_case_gives_its_expected_pairs() {
    insta::glob!("../fixtures", "versions/*.01.before_*.txt", |before| {
        let name = before.file_name().unwrap().to_string_lossy();
        let (case, what) = name.split_once(".01.before_").unwrap();
        let after = before.with_file_name(format!("{case}.02.after_{what}"));
        assert!(after.exists(), "{} has no after file", before.display());
        let d = diff(
            &name,
            &quotes(before),
            &after.file_name().unwrap().to_string_lossy(),
            &quotes(&after),
            &Options::default(),
        );
        let report = text(
            &d,
            TextOptions {
                color: false,
                all: true,
            },
        );
        insta::assert_snapshot!(report);
    });
}

#[test]
fn every_before_file_has_an_after_file_and_a_readme_entry() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/versions");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some((case, what)) = name.split_once(".01.before_") {
            cases += 1;
            assert!(
                dir.join(format!("{case}.02.after_{what}")).exists(),
                "{name}"
            );
            assert!(readme.contains(case), "README.md does not list {case}");
        }
    }
    assert!(cases >= 6, "only {cases} cases");
}
