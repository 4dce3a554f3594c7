//! `POST /api/documents/{id}/sources` with `{"name", "text"}`: attaches a transcript or
//! statement to the document's story. The name's extension says how to read it (`.srt`,
//! `.vtt`, anything else plain text); a subtitle file that does not parse is refused with
//! the line that is wrong.

use quotecheck::verify::source::{Source, SourceKind};
use rusqlite::Connection;
use serde_json::json;

use super::{ApiError, check_name, object_body, string_field};
use crate::serve::http::{MAX_BODY, Response};
use crate::serve::store;

/// Handles the POST; answers with the new source's id.
pub fn post(conn: &mut Connection, id: i64, body: &[u8]) -> Result<Response, ApiError> {
    let map = object_body(body, &["name", "text"])?;
    let name = string_field(&map, "name", 500)?
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| ApiError::new(400, "\"name\" is required"))?;
    check_name("name", &name)?;
    let text = string_field(&map, "text", MAX_BODY)?
        .ok_or_else(|| ApiError::new(400, "\"text\" is required"))?;
    let kind = SourceKind::from_path(std::path::Path::new(&name));
    Source::parse(name.clone(), kind, text.clone())
        .map_err(|e| ApiError::new(400, format!("{e}")))?;
    let v =
        store::version(conn, id)?.ok_or_else(|| ApiError::new(404, format!("no document {id}")))?;
    let source_id = store::add_source(conn, v.story_id, &name, &text)?;
    Ok(Response::json(
        201,
        &json!({ "id": source_id, "name": name }),
    ))
}
