//! `GET /api/documents/{id}/export?format=csv|jsonl`: the version's quotes with the
//! editor's decisions applied.
//!
//! Columns: the record's fields ([`quotecheck::record::FIELDS`], as `extract` writes them,
//! with `speaker` and `kind` as corrected; `kind` is `dismissed` for a quote an editor said
//! is none), then `quote_id`, `version`, `status`, `note`, `editor_set` (the fields an
//! editor set, `;`-separated), `edited_by` and `edited_at` (the latest decision).

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::ApiError;
use crate::serve::http::Response;
use crate::serve::store;
use crate::serve::story;

/// The columns after the record's own.
pub const EXTRA: [&str; 7] = [
    "quote_id",
    "version",
    "status",
    "note",
    "editor_set",
    "edited_by",
    "edited_at",
];

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| cell(Some(i)))
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

/// The applied quote with the export's extra fields.
fn row(mut q: Map<String, Value>, version: i64) -> Map<String, Value> {
    let latest = q.get("decisions").and_then(Value::as_object).and_then(|d| {
        d.values()
            .max_by(|a, b| cell(a.get("at")).cmp(&cell(b.get("at"))))
            .cloned()
    });
    q.insert("version".into(), version.into());
    q.insert(
        "edited_by".into(),
        latest
            .as_ref()
            .and_then(|d| d.get("editor"))
            .cloned()
            .unwrap_or(Value::Null),
    );
    q.insert(
        "edited_at".into(),
        latest
            .as_ref()
            .and_then(|d| d.get("at"))
            .cloned()
            .unwrap_or(Value::Null),
    );
    q.remove("decisions");
    q.remove("extracted");
    q.remove("low_confidence");
    q
}

/// Handles the GET.
///
/// With `excel_safe`, CSV cells a spreadsheet would run as a formula get an apostrophe
/// first (`quotecheck::export::defuse`, as `--excel-safe` does).
pub fn get(
    conn: &Connection,
    id: i64,
    format: Option<&str>,
    excel_safe: bool,
) -> Result<Response, ApiError> {
    let v =
        store::version(conn, id)?.ok_or_else(|| ApiError::new(404, format!("no document {id}")))?;
    let decisions = store::decisions(conn, v.story_id)?;
    let rows: Vec<Map<String, Value>> = store::quotes(conn, id)?
        .iter()
        .map(|s| row(story::applied(s, decisions.get(&s.quote_id)), v.number))
        .collect();
    let stem: String = v
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    let (body, content_type, ext) = match format.unwrap_or("csv") {
        "csv" => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header: Vec<&str> = quotecheck::record::FIELDS
                .iter()
                .chain(EXTRA.iter())
                .copied()
                .collect();
            let write = |w: &mut csv::Writer<Vec<u8>>| -> csv::Result<()> {
                w.write_record(&header)?;
                for r in &rows {
                    w.write_record(header.iter().map(|h| {
                        let c = cell(r.get(*h));
                        if excel_safe {
                            quotecheck::export::defuse(&c).into_owned()
                        } else {
                            c
                        }
                    }))?;
                }
                w.flush()?;
                Ok(())
            };
            write(&mut w).map_err(|e| ApiError::new(500, format!("cannot write CSV: {e}")))?;
            let body = w
                .into_inner()
                .map_err(|e| ApiError::new(500, format!("cannot write CSV: {e}")))?;
            (body, "text/csv; charset=utf-8", "csv")
        }
        "jsonl" => {
            let mut body = Vec::new();
            for r in &rows {
                serde_json::to_writer(&mut body, r)
                    .map_err(|e| ApiError::new(500, format!("cannot write JSON: {e}")))?;
                body.push(b'\n');
            }
            (body, "application/x-ndjson; charset=utf-8", "jsonl")
        }
        other => {
            return Err(ApiError::new(
                400,
                format!("unknown format {other:?} (csv or jsonl)"),
            ));
        }
    };
    Ok(Response {
        status: 200,
        content_type,
        body,
        headers: vec![(
            "Content-Disposition",
            format!("attachment; filename=\"{stem}-v{}.{ext}\"", v.number),
        )],
    })
}
