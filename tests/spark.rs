//! The Spark example (examples/spark/extract.py) yields the same records as running
//! `quotecheck extract` directly. Runs when Java and pyspark are installed; otherwise it says
//! why it is skipped and passes. (`pip install pyspark` brings pyspark; Java 17 must be on PATH.)
//! With `QUOTECHECK_REQUIRE_SPARK=1` (as `.ci/run` sets after installing both) a missing
//! prerequisite is a failure instead, so CI cannot skip the test unnoticed.

use std::process::Command;

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Why the test cannot run here, if it cannot.
fn missing_prerequisite() -> Option<String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Some("no `java` on PATH".into());
    }
    let pyspark = Command::new(python())
        .args(["-c", "import pyspark"])
        .output();
    if !pyspark.is_ok_and(|o| o.status.success()) {
        return Some(format!(
            "{} cannot import pyspark (pip install pyspark)",
            python()
        ));
    }
    None
}

#[test]
fn spark_pipe_gives_the_records_of_a_direct_run() {
    if let Some(why) = missing_prerequisite() {
        let required = std::env::var("QUOTECHECK_REQUIRE_SPARK").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "QUOTECHECK_REQUIRE_SPARK=1 but the Spark example cannot run: {why}"
        );
        println!("skipping the Spark example test: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let mut data = String::new();
    for file in [
        "fixtures/corpora/articles.jsonl",
        "fixtures/corpora/pages.jsonl",
    ] {
        data.push_str(&std::fs::read_to_string(file).unwrap());
    }
    std::fs::write(&corpus, &data).unwrap();
    // A copy, so both runs use the same binary even if a build replaces the original.
    let binary = dir.path().join("quotecheck");
    std::fs::copy(env!("CARGO_BIN_EXE_quotecheck"), &binary).unwrap();
    let quotecheck = binary.to_str().unwrap();

    let direct = Command::new(quotecheck)
        .args(["extract", corpus.to_str().unwrap(), "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(
        direct.status.success(),
        "{}",
        String::from_utf8_lossy(&direct.stderr)
    );
    assert!(!direct.stdout.is_empty());

    let spark = Command::new(python())
        .args([
            "examples/spark/extract.py",
            corpus.to_str().unwrap(),
            "--quotecheck",
            quotecheck,
            // More partitions than documents' worth of lines per partition, so order matters.
            "--partitions",
            "3",
        ])
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "spark example failed:\n{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    let lines = |b: &[u8]| -> Vec<String> {
        String::from_utf8_lossy(b)
            .lines()
            .map(String::from)
            .collect()
    };
    assert_eq!(lines(&spark.stdout), lines(&direct.stdout));
    // Reported speech is on by default and travels the Spark path like quotes.
    let kinds: Vec<String> = lines(&spark.stdout)
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"].to_string())
        .collect();
    assert!(kinds.iter().any(|k| k == "\"indirect\""), "{kinds:?}");
    assert!(kinds.iter().any(|k| k == "\"direct\""), "{kinds:?}");
}
