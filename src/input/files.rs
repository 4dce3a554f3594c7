//! Many files: directories (walked recursively) and glob patterns, each file a document.
//!
//! Order is the input order: arguments as given, and within a directory or a glob, paths in
//! byte order of their names (`a/b.html` before `a/c/`), so the same tree always gives the same
//! output. A directory contributes the files whose extension names a format quotecheck reads
//! (txt, text, html, htm, xhtml, jsonl, ndjson, csv), skipping hidden files and directories; a
//! glob contributes whatever it matches.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Extensions a directory walk picks up.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "csv",
];

/// The files one command-line argument names: itself, a directory's document files, or a
/// glob's matches. A plain path that does not exist is returned as is (reading it reports
/// the error with its name). The first entry that cannot be read (an unreadable directory,
/// a dangling symlink or a loop under a directory) is the error.
pub fn expand(arg: &str) -> Result<Vec<PathBuf>> {
    let mut problems = Vec::new();
    let paths = expand_each(arg, &mut problems)?;
    match problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(paths),
    }
}

/// Like [`expand`], but each entry that cannot be read is pushed onto `problems` and the walk
/// goes on (`--keep-going`); only a bad glob or a glob matching nothing is an error.
pub fn expand_each(arg: &str, problems: &mut Vec<Error>) -> Result<Vec<PathBuf>> {
    let path = Path::new(arg);
    if path.is_dir() {
        let before = problems.len();
        let found = walk(path, problems);
        // An empty directory is a mistake to say so about, not a run with no output; when
        // entries could not be read, those problems already say why nothing was found.
        if found.is_empty() && problems.len() == before {
            return Err(Error::Usage(format!(
                "{arg}: no documents in this directory (looked for files ending in .{})",
                DOCUMENT_EXTENSIONS.join(", .")
            )));
        }
        return Ok(found);
    }
    if path.exists() || !is_glob(arg) {
        return Ok(vec![path.to_path_buf()]);
    }
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    let paths = glob::glob_with(arg, options)
        .map_err(|e| Error::Usage(format!("{arg}: bad glob pattern: {e}")))?;
    let mut out = Vec::new();
    let mut any = false;
    for entry in paths {
        any = true;
        let path = match entry {
            Ok(path) => path,
            Err(e) => {
                problems.push(Error::io(e.path().to_path_buf(), e.into()));
                continue;
            }
        };
        if path.is_dir() {
            out.extend(walk(&path, problems));
        } else {
            out.push(path);
        }
    }
    if out.is_empty() && !any {
        return Err(Error::Usage(format!("{arg}: no files match")));
    }
    Ok(out)
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

/// The document files under `dir`, recursively, in name order; entries that cannot be read
/// (a dangling symlink, a loop, an unreadable directory) go to `problems`.
fn walk(dir: &Path, problems: &mut Vec<Error>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                problems.push(Error::io(path, e.into()));
                continue;
            }
        };
        if entry.file_type().is_file() && is_document(entry.path()) {
            out.push(entry.into_path());
        }
    }
    out
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.txt",
            "a.html",
            "sub/c.txt",
            "sub/z/d.htm",
            "notes.docx",
            ".hidden.txt",
            ".git/x.txt",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        dir
    }

    fn names(root: &Path, paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn directories_are_walked_in_name_order_skipping_hidden_and_foreign_files() {
        let dir = tree();
        let found = expand(dir.path().to_str().unwrap()).unwrap();
        assert_eq!(
            names(dir.path(), &found),
            ["a.html", "b.txt", "sub/c.txt", "sub/z/d.htm"]
        );
    }

    #[test]
    fn globs_match_recursively_and_report_no_match() {
        let dir = tree();
        let pattern = format!("{}/**/*.txt", dir.path().display());
        let found = expand(&pattern).unwrap();
        assert_eq!(names(dir.path(), &found), ["b.txt", "sub/c.txt"]);
        let none = format!("{}/*.pdf", dir.path().display());
        assert!(
            expand(&none)
                .unwrap_err()
                .to_string()
                .ends_with("no files match")
        );
    }

    #[test]
    fn a_directory_without_documents_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("photo.jpg"), "").unwrap();
        let arg = dir.path().display().to_string();
        let err = expand(&arg).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{arg}: no documents")), "{err}");
        assert!(err.contains(".txt"), "{err}");
    }

    #[test]
    fn a_missing_plain_path_is_kept_for_the_reader_to_report() {
        assert_eq!(
            expand("no/such/file.txt").unwrap(),
            [PathBuf::from("no/such/file.txt")]
        );
    }
}
