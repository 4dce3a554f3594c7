//! The JSON API under `/api/` (docs/SERVE.md), one file per resource: [`documents`] (stories
//! and their versions), [`quotes`] (decisions), [`sources`], [`export`].

pub mod documents;
pub mod export;
pub mod quotes;
pub mod sources;

use serde_json::{Map, Value};

use super::http::Response;

/// An error the API answers with: a status and a message for the editor.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status (4xx for the client's mistakes, 500 for ours).
    pub status: u16,
    /// What went wrong, in words.
    pub message: String,
}

impl ApiError {
    /// An error with `status` and `message`.
    pub fn new(status: u16, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        ApiError::new(500, format!("database error: {e}"))
    }
}

impl From<ApiError> for Response {
    fn from(e: ApiError) -> Response {
        Response::error(e.status, e.message)
    }
}

/// The request body as a JSON object whose keys are all in `allowed`; the error names
/// what is wrong (not JSON, not an object, an unknown key).
pub fn object_body(body: &[u8], allowed: &[&str]) -> Result<Map<String, Value>, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::new(400, format!("the body is not valid JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(ApiError::new(400, "the body must be a JSON object"));
    };
    if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(ApiError::new(
            400,
            format!(
                "unknown field {k:?} (expected one of {})",
                allowed.join(", ")
            ),
        ));
    }
    Ok(map)
}

/// The string field `key` of `map`: `Ok(None)` when absent or null; an error when it is
/// another type or longer than `max` characters.
pub fn string_field(
    map: &Map<String, Value>,
    key: &str,
    max: usize,
) -> Result<Option<String>, ApiError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.chars().count() <= max => Ok(Some(s.clone())),
        Some(Value::String(_)) => Err(ApiError::new(
            400,
            format!("{key:?} is longer than {max} characters"),
        )),
        Some(_) => Err(ApiError::new(400, format!("{key:?} must be a string"))),
    }
}

/// A short single-line name (speaker, editor, document): no control characters.
pub fn check_name(key: &str, s: &str) -> Result<(), ApiError> {
    if s.chars().any(char::is_control) {
        return Err(ApiError::new(
            400,
            format!("{key:?} must not contain line breaks or control characters"),
        ));
    }
    Ok(())
}
