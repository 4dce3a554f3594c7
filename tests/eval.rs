//! `quotecheck eval` on a hand-made gold file gives the figures computed by hand
//! (fixtures/eval/README.md), and on the shared corpora when they are present.

use std::path::Path;

use quotecheck::eval::{evaluate, load_gold};

#[test]
fn hand_made_gold_scores_as_computed_by_hand() {
    let gold = load_gold(Path::new("fixtures/eval/small.gold.jsonl"), None).unwrap();
    let (scores, errors) = evaluate(&gold);
    let c = &scores.counts;
    assert_eq!((c.documents, c.units), (2, 3));
    assert_eq!((c.matched, c.false_positives), (2, 1));
    assert!((scores.precision - 2.0 / 3.0).abs() < 1e-9);
    assert!((scores.recall - 2.0 / 3.0).abs() < 1e-9);
    assert!((scores.f1 - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(c.with_source, 2);
    assert!(errors.iter().any(|e| e.what == "missed" && e.doc == "d2"));
    assert!(
        errors
            .iter()
            .any(|e| e.what == "false_positive" && e.doc == "d2")
    );
    // Speakers: whatever attribution predicts, the ratio is over the two matched units.
    assert_eq!(scores.speaker_accuracy, c.speaker_correct as f64 / 2.0);
    assert_eq!(scores.end_to_end_recall, c.end_to_end as f64 / 3.0);
}

#[test]
fn polnear_dev_acceptance_when_present() {
    let path = Path::new("../shared/corpora/polnear/dev.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let canonical = quotecheck::eval::sibling_canonical(path);
    let gold = load_gold(path, canonical.as_deref()).unwrap();
    let (scores, _) = evaluate(&gold);
    // Guards on the figures as they stand (protocol of ../shared/corpora/README.md, as
    // ../shared/scoring/score.py computes it), so a regression fails here rather than in a
    // closing note.
    assert!(scores.f1 >= 0.98, "F1 {:.4}", scores.f1);
    assert!(
        scores.speaker_accuracy >= 0.96,
        "speaker accuracy {:.4}",
        scores.speaker_accuracy
    );
    assert!(
        scores.end_to_end_recall >= 0.93,
        "end-to-end recall {:.4}",
        scores.end_to_end_recall
    );
    assert!(scores.canonical_accuracy.unwrap_or(0.0) >= 0.78);
}

/// `quotecheck eval` reports what `../shared/scoring/score.py` reports on the records
/// `quotecheck extract` writes, to the third decimal, on PolNeAR dev (with its canonical
/// speakers) and train.
#[test]
fn eval_agrees_with_the_shared_scorer_when_present() {
    let scorer = Path::new("../shared/scoring/score.py");
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output();
    if !scorer.exists() || python.is_err() {
        eprintln!("skipped: {} or python3 is absent", scorer.display());
        return;
    }
    for split in ["dev", "train"] {
        let path = format!("../shared/corpora/polnear/{split}.jsonl");
        let path = Path::new(&path);
        if !path.exists() {
            eprintln!("skipped: {} is absent", path.display());
            continue;
        }
        let canonical = quotecheck::eval::sibling_canonical(path);
        let gold = load_gold(path, canonical.as_deref()).unwrap();
        let (ours, _) = evaluate(&gold);
        let dir = std::env::temp_dir().join(format!("qc-eval-agree-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let records = dir.join(format!("{split}.jsonl"));
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .args(["extract", "--corpus"])
            .arg(path)
            .args(["--format", "jsonl", "--output"])
            .arg(&records)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(scorer).arg(path).arg(&records).arg("--json");
        if let Some(c) = &canonical {
            cmd.arg("--canonical").arg(c);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let theirs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let same = |name: &str, mine: f64| {
            let t = theirs[name].as_f64().unwrap();
            assert!(
                (mine - t).abs() < 0.0005,
                "{split} {name}: eval {mine:.4}, score.py {t:.4}"
            );
        };
        same("precision", ours.precision);
        same("recall", ours.recall);
        same("f1", ours.f1);
        same("speaker_accuracy", ours.speaker_accuracy);
        same("end_to_end_recall", ours.end_to_end_recall);
        if let Some(c) = ours.canonical_accuracy {
            same("canonical_accuracy", c);
            same(
                "canonical_pronoun_accuracy",
                ours.canonical_pronoun_accuracy.unwrap(),
            );
        }
        assert_eq!(
            theirs["gold_units"].as_u64().unwrap() as usize,
            ours.counts.units
        );
        // Reported speech: the same records through score_indirect.py.
        let out = std::process::Command::new("python3")
            .arg(scorer.with_file_name("score_indirect.py"))
            .arg(path)
            .arg(&records)
            .arg("--json")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let theirs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let r = &ours.indirect;
        for (name, mine) in [
            ("precision", r.precision),
            ("recall", r.recall),
            ("f1", r.f1),
            ("speaker_accuracy", r.speaker_accuracy),
            ("end_to_end_recall", r.end_to_end_recall),
        ] {
            let t = theirs[name].as_f64().unwrap();
            assert!(
                (mine - t).abs() < 0.0005,
                "{split} indirect {name}: eval {mine:.4}, score_indirect.py {t:.4}"
            );
        }
        assert_eq!(theirs["units"].as_u64().unwrap() as usize, r.counts.units);
        assert_eq!(
            theirs["fp"].as_u64().unwrap() as usize,
            r.counts.false_positives
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[test]
fn a_file_of_another_schema_is_an_error_not_zero_units() {
    // A plain corpus ({"id","text"}, no "quotes"): nothing to score against.
    let err = load_gold(Path::new("fixtures/corpora/articles.jsonl"), None).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("fixtures/corpora/articles.jsonl:1: not an annotated document"),
        "{msg}"
    );
    assert!(msg.contains("quotes"), "{msg}");
    // quotecheck's own records are not gold either.
    let err = load_gold(Path::new("fixtures/articles/putin-assad.gold.jsonl"), None).unwrap_err();
    assert!(
        err.to_string().contains(":1: not an annotated document"),
        "{err}"
    );
    // An empty file scores nothing: an error, not 0.000.
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    let err = load_gold(&empty, None).unwrap_err();
    assert!(err.to_string().contains("no annotated documents"), "{err}");
    assert_cmd::cargo::cargo_bin_cmd!("quotecheck")
        .args(["eval", "fixtures/corpora/articles.jsonl"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not an annotated document"));
}

#[test]
fn the_help_examples_run_in_a_fresh_clone() {
    // `eval --help` and the README point at a gold file the repository ships.
    assert_cmd::cargo::cargo_bin_cmd!("quotecheck")
        .args(["eval", "fixtures/eval/small.gold.jsonl"])
        .assert()
        .success()
        .stdout(predicates::str::contains("(2 documents, 3 gold units)"));
}
