//! Replays saved fuzz inputs (fuzz/corpus/*/ and tests/fuzz-regressions/) through the
//! whole pipeline under plain `cargo test`, checking the same invariants as the property
//! tests. A crash found by `cargo fuzz` is fixed by adding its input to tests/fuzz-regressions.

mod invariants;

use std::path::Path;

fn inputs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            inputs(&path, out);
        } else if path.file_name().is_some_and(|n| n != "README.md") {
            out.push(path);
        }
    }
}

#[test]
fn saved_fuzz_inputs_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    inputs(&root.join("fuzz/corpus"), &mut paths);
    inputs(&root.join("tests/fuzz-regressions"), &mut paths);
    assert!(!paths.is_empty(), "tests/fuzz-regressions has saved inputs");
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        // The fuzz targets read their bytes the same way.
        let text = String::from_utf8_lossy(&bytes);
        let result = std::panic::catch_unwind(|| invariants::check_pipeline(&text));
        assert!(result.is_ok(), "{} fails", path.display());
    }
}
