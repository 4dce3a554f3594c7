//! CSV corpora: one document per row, its id and text in named columns.
//!
//! The columns are `id` and `text` unless `--id-column` / `--text-column` name others. Without
//! an id column (and without `--id-column`), a row's id is `FILE#N`, N its 1-based data row.
//! The file is decoded whole (BOM, `--encoding`) before parsing, so a UTF-16 export from a
//! spreadsheet reads like a UTF-8 one; corpora too big for memory belong in JSONL.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::{Error, Result};

/// Streams the rows of a CSV corpus as documents.
pub struct CsvCorpus {
    path: PathBuf,
    records: csv::StringRecordsIntoIter<Cursor<Vec<u8>>>,
    id: Option<usize>,
    text: usize,
    row: usize,
}

/// Opens a decoded CSV corpus, finding its id and text columns by header name.
pub fn open(
    path: &Path,
    text: String,
    id_column: Option<&str>,
    text_column: Option<&str>,
) -> Result<CsvCorpus> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(Cursor::new(text.into_bytes()));
    let headers = reader
        .headers()
        .map_err(|e| Error::corpus(path, 1, format!("cannot read the header row: {e}")))?
        .clone();
    let find = |name: &str| headers.iter().position(|h| h.trim() == name);
    let missing = |name: &str, flag: &str| {
        let columns: Vec<&str> = headers.iter().collect();
        Error::corpus(
            path,
            1,
            format!(
                "no column {name:?} (columns: {}); name it with {flag}",
                columns.join(", ")
            ),
        )
    };
    let text_name = text_column.unwrap_or("text");
    let text = find(text_name).ok_or_else(|| missing(text_name, "--text-column"))?;
    let id = match id_column {
        Some(name) => Some(find(name).ok_or_else(|| missing(name, "--id-column"))?),
        None => find("id"),
    };
    Ok(CsvCorpus {
        path: path.to_path_buf(),
        records: reader.into_records(),
        id,
        text,
        row: 0,
    })
}

impl Iterator for CsvCorpus {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        let record = self.records.next()?;
        self.row += 1;
        Some(match record {
            Err(e) => {
                let line = e.position().map_or(self.row + 1, |p| p.line() as usize);
                Err(Error::corpus(&self.path, line, format!("bad CSV row: {e}")))
            }
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(self.row + 1, |p| p.line() as usize);
                let id = match self.id {
                    Some(col) => record.get(col).unwrap_or("").to_string(),
                    None => format!("{}#{}", self.path.display(), self.row),
                };
                match record.get(self.text) {
                    Some(text) => Ok(Document::new(id, text)),
                    None => Err(Error::corpus(
                        &self.path,
                        line,
                        format!("row has no column {} (the text column)", self.text + 1),
                    )),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(data: &str, id: Option<&str>, text: Option<&str>) -> Result<Vec<Document>> {
        open(Path::new("c.csv"), data.to_string(), id, text)?.collect()
    }

    #[test]
    fn rows_become_documents_with_quoted_newlines_kept() {
        let data = "id,text,section\n7,\"\"\"We have an opportunity,\"\" Putin said.\nSecond paragraph.\",world\nx2,Assad said nothing.,world\n";
        let got = docs(data, None, None).unwrap();
        assert_eq!(
            got,
            [
                Document::new(
                    "7",
                    "\"We have an opportunity,\" Putin said.\nSecond paragraph."
                ),
                Document::new("x2", "Assad said nothing.")
            ]
        );
    }

    #[test]
    fn named_columns_and_row_ids() {
        let data = "headline,body\nTalks,\"“It has been a long time,” Putin said.\"\n";
        let got = docs(data, None, Some("body")).unwrap();
        assert_eq!(
            got,
            [Document::new(
                "c.csv#1",
                "“It has been a long time,” Putin said."
            )]
        );
        let got = docs(data, Some("headline"), Some("body")).unwrap();
        assert_eq!(got[0].id, "Talks");
    }

    #[test]
    fn missing_columns_name_what_is_there() {
        let err = docs("headline,body\nx,y\n", None, None)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "c.csv:1: no column \"text\" (columns: headline, body); name it with --text-column"
        );
        let err = docs("text\nx\n", Some("slug"), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no column \"slug\""), "{err}");
    }

    #[test]
    fn ragged_rows_name_their_line() {
        let err = docs("id,text\n1,ok\n2,ok,extra\n", None, None)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.csv:3: bad CSV row"), "{err}");
    }
}
