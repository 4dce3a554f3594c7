//! `PUT /api/documents/{id}/quotes/{quote_id}` with `{"speaker"?, "kind"?, "status"?,
//! "note"?, "editor"}`: an editor's decision on one quote, saved at once. Fields left out
//! keep their value; `"speaker": null` says the quote has no speaker.

use rusqlite::Connection;
use serde_json::Value;

use super::{ApiError, check_name, object_body, string_field};
use crate::serve::http::Response;
use crate::serve::store;
use crate::serve::story;

/// The kinds an editor may give a quote: the record's four, or `dismissed` (not a quote).
pub const KINDS: [&str; 5] = ["direct", "partial", "term", "indirect", "dismissed"];
/// The check statuses.
pub const STATUSES: [&str; 3] = ["unchecked", "checked", "wrong"];

/// Handles the PUT; answers with the quote as it now stands.
pub fn put(
    conn: &mut Connection,
    id: i64,
    quote_id: &str,
    body: &[u8],
) -> Result<Response, ApiError> {
    let map = object_body(body, &["speaker", "kind", "status", "note", "editor"])?;
    let editor = string_field(&map, "editor", 100)?
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .ok_or_else(|| {
            ApiError::new(400, "\"editor\" is required: set your name before editing")
        })?;
    check_name("editor", &editor)?;
    let mut changes: Vec<(&str, Option<String>)> = Vec::new();
    if map.contains_key("speaker") {
        let speaker = string_field(&map, "speaker", 200)?
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        if let Some(s) = &speaker {
            check_name("speaker", s)?;
        }
        changes.push(("speaker", speaker));
    }
    for (key, allowed) in [("kind", &KINDS[..]), ("status", &STATUSES[..])] {
        if map.contains_key(key) {
            let v = string_field(&map, key, 20)?
                .filter(|v| allowed.contains(&v.as_str()))
                .ok_or_else(|| {
                    ApiError::new(
                        400,
                        format!("{key:?} must be one of {}", allowed.join(", ")),
                    )
                })?;
            changes.push((key, Some(v)));
        }
    }
    if map.contains_key("note") {
        changes.push(("note", string_field(&map, "note", 10_000)?));
    }
    if changes.is_empty() {
        return Err(ApiError::new(
            400,
            "nothing to change: give speaker, kind, status or note",
        ));
    }
    store::decide(conn, id, quote_id, &changes, &editor)?;
    let v = store::version(conn, id)?.ok_or_else(|| ApiError::new(404, "no such document"))?;
    let decisions = store::decisions(conn, v.story_id)?;
    let stored = store::quotes(conn, id)?
        .into_iter()
        .find(|s| s.quote_id == quote_id)
        .ok_or_else(|| ApiError::new(404, "no such quote"))?;
    Ok(Response::json(
        200,
        &Value::Object(story::applied(&stored, decisions.get(quote_id))),
    ))
}
