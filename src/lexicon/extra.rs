//! Extra words read at run time: a directory (`--lexicon DIR`, or `QUOTECHECK_LEXICON`)
//! holding files named like the compiled-in lists (`cues.txt`, `roles.txt`, …), each in the
//! same format. Their lines are added to the compiled-in ones, so a newsroom can teach
//! quotecheck its own reporting verbs, roles and names without rebuilding.
//!
//! A file is checked whole before anything is used: a line of the wrong shape is an error
//! naming the file and line, and so is a `.txt` file whose name is not a list (a typo would
//! otherwise be ignored). Other files (a README) are left alone. Files are capped at
//! [`MAX_FILE`] bytes.

use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::error::{Error, Result};

/// The largest lexicon file read (a list of a million words is not a lexicon).
pub const MAX_FILE: u64 = 16 << 20;

/// What a line of a list must look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// One word.
    Word,
    /// A verb's base form, then optionally its irregular forms.
    Verb,
    /// Two words or more.
    Phrase,
    /// `f NAME` or `m NAME`.
    Name,
}

/// Every list that can be extended, with the shape of its lines.
const LISTS: [(&str, Shape); 9] = [
    ("cues.txt", Shape::Verb),
    ("multiword.txt", Shape::Phrase),
    ("first_names.txt", Shape::Name),
    ("roles.txt", Shape::Word),
    ("speech_nouns.txt", Shape::Word),
    ("documents.txt", Shape::Word),
    ("organisations.txt", Shape::Word),
    ("reported_speech.txt", Shape::Verb),
    ("reported_speech_nouns.txt", Shape::Word),
];

/// The extra lines of each list, by file name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extra {
    lists: FxHashMap<&'static str, String>,
}

impl Extra {
    /// Reads and checks every list file in `dir`.
    pub fn read_dir(dir: &Path) -> Result<Extra> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut extra = Extra::default();
        let mut paths: Vec<_> = entries
            .map(|e| e.map(|e| e.path()).map_err(|e| Error::io(dir, e)))
            .collect::<Result<_>>()?;
        paths.sort();
        for path in paths {
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let Some(&(list, shape)) = LISTS.iter().find(|(l, _)| *l == name) else {
                let known: Vec<&str> = LISTS.iter().map(|(l, _)| *l).collect();
                return Err(Error::Read {
                    path,
                    message: format!(
                        "not a lexicon list; the lists are {} (see docs/FORMATS.md)",
                        known.join(", ")
                    ),
                });
            };
            let text = read_capped(&path)?;
            check(&path, &text, shape)?;
            extra.lists.insert(list, text);
        }
        Ok(extra)
    }

    /// The extra lines of `list` (a file name such as `cues.txt`), empty when none.
    pub fn lines_of(&self, list: &str) -> &str {
        self.lists.get(list).map_or("", String::as_str)
    }

    /// The lists this holds lines for, in name order.
    pub fn lists(&self) -> Vec<&'static str> {
        let mut l: Vec<&'static str> = self.lists.keys().copied().collect();
        l.sort_unstable();
        l
    }
}

static INSTALLED: OnceLock<Extra> = OnceLock::new();

/// Makes `extra` part of every list, for the rest of the process. Call it before anything
/// is extracted: the lists are built once, at their first use. A second call is an error.
pub fn install(extra: Extra) -> Result<()> {
    INSTALLED
        .set(extra)
        .map_err(|_| Error::Usage("the extra lexicon is already installed".into()))
}

/// A compiled-in list with the installed extra lines after it.
pub(crate) fn with_extra(builtin: &'static str, list: &str) -> std::borrow::Cow<'static, str> {
    match INSTALLED.get().map(|e| e.lines_of(list)) {
        Some(more) if !more.is_empty() => format!("{builtin}\n{more}").into(),
        _ => builtin.into(),
    }
}

fn read_capped(path: &Path) -> Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(Error::Read {
            path: path.to_path_buf(),
            message: format!("larger than {} MiB: not a word list", MAX_FILE >> 20),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::Utf8 {
            path: path.to_path_buf(),
            offset,
            line,
        }
    })
}

/// Whether `w` can be a word of a list: letters, with inner hyphens, apostrophes or dots
/// (al-Jazeera, o'clock, Mr.).
fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

fn check(path: &Path, text: &str, shape: Shape) -> Result<()> {
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let problem = if let Some(bad) = words.iter().find(|w| !is_word(w)) {
            Some(format!(
                "{bad:?} is not a word (letters, with - ' . inside)"
            ))
        } else {
            match shape {
                Shape::Word if words.len() != 1 => Some("expected one word per line".into()),
                Shape::Phrase if words.len() < 2 => Some(
                    "expected a phrase of two words or more (one-word cues go in cues.txt)".into(),
                ),
                Shape::Name if words.len() != 2 || !matches!(words[0], "f" | "m") => {
                    Some("expected \"f NAME\" or \"m NAME\"".into())
                }
                _ => None,
            }
        };
        if let Some(message) = problem {
            return Err(Error::corpus(path, i + 1, message));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn lists_are_read_by_name_and_other_files_left_alone() {
        let dir = dir_with(&[
            ("cues.txt", "# ours\nharrumph\nsay said\n"),
            ("roles.txt", "harbourmaster\n"),
            ("README.md", "not a list"),
        ]);
        let extra = Extra::read_dir(dir.path()).unwrap();
        assert_eq!(extra.lists(), ["cues.txt", "roles.txt"]);
        assert!(extra.lines_of("cues.txt").contains("harrumph"));
        assert_eq!(extra.lines_of("documents.txt"), "");
    }

    #[test]
    fn a_bad_line_is_an_error_naming_file_and_line() {
        let cases = [
            (
                "roles.txt",
                "harbourmaster\ndeputy harbourmaster\n",
                2,
                "one word",
            ),
            ("first_names.txt", "f Ngozi\nNgozi\n", 2, "f NAME"),
            ("multiword.txt", "\n# c\nwent\n", 3, "two words"),
            ("cues.txt", "harrumph\nsay; said\n", 2, "not a word"),
        ];
        for (file, text, line, what) in cases {
            let dir = dir_with(&[(file, text)]);
            let err = Extra::read_dir(dir.path()).unwrap_err().to_string();
            let at = format!("{file}:{line}: ");
            assert!(err.contains(&at) && err.contains(what), "{file}: {err}");
        }
    }

    #[test]
    fn a_misnamed_list_bad_utf8_and_a_missing_dir_are_errors() {
        let dir = dir_with(&[("cue.txt", "harrumph\n")]);
        let err = Extra::read_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("cue.txt") && err.contains("cues.txt"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("roles.txt"), b"mayor\n\xff\n").unwrap();
        let err = Extra::read_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("roles.txt") && err.contains("line 2"), "{err}");
        let err = Extra::read_dir(Path::new("/nonexistent/lexicon")).unwrap_err();
        assert!(format!("{err:#}").contains("/nonexistent/lexicon"), "{err}");
    }
}
