//! `GET /api/documents` (the stories, each with its versions and counts),
//! `POST /api/documents` (a new story or the next version of one) and
//! `GET /api/documents/{id}` (a version: text, quotes with decisions applied, verdicts,
//! changes since the previous version).

use std::collections::BTreeSet;
use std::sync::Arc;

use quotecheck::Document;
use quotecheck::kind::Kind;
use quotecheck::verify::Verifier;
use quotecheck::verify::source::{Source, SourceKind};
use rusqlite::Connection;
use serde_json::{Value, json};

use super::{ApiError, check_name, object_body, string_field};
use crate::serve::http::{MAX_BODY, Response};
use crate::serve::store;
use crate::serve::story::{self, Stored};

/// Whether an applied quote needs a look: a record flag or a low-confidence attribution.
fn flagged(q: &serde_json::Map<String, Value>) -> bool {
    q.get("flags")
        .and_then(Value::as_array)
        .is_some_and(|f| !f.is_empty())
        || q.get("low_confidence") == Some(&Value::Bool(true))
}

/// `GET /api/documents`.
pub fn list(conn: &Connection) -> Result<Response, ApiError> {
    let mut stories = Vec::new();
    for story_id in store::story_ids(conn)? {
        let decisions = store::decisions(conn, story_id)?;
        let mut versions = Vec::new();
        for v in store::versions_of(conn, story_id)? {
            let quotes = store::quotes(conn, v.id)?;
            let flags = quotes
                .iter()
                .filter(|s| flagged(&story::applied(s, decisions.get(&s.quote_id))))
                .count();
            versions.push(json!({
                "id": v.id, "number": v.number, "name": v.name, "created": v.created,
                "quotes": quotes.len(), "flagged": flags,
            }));
        }
        stories.push(json!({
            "story_id": story_id,
            "name": store::story_name(conn, story_id)?,
            "versions": versions,
        }));
    }
    Ok(Response::json(200, &json!({ "stories": stories })))
}

/// Builds the document a POST describes: `text` as is, or `html` read as a page.
pub fn document_from(
    name: &str,
    text: Option<String>,
    html: Option<String>,
) -> Result<Document, ApiError> {
    match (text, html) {
        (Some(text), None) => Ok(Document::new(name, text)),
        (None, Some(html)) => {
            let page = quotecheck::input::html::read_page(&html, None)
                .map_err(|e| ApiError::new(400, format!("{name}: {e}")))?;
            let mut doc = Document::new(name, page.text);
            doc.source = Some(Arc::new(page.map));
            Ok(doc)
        }
        _ => Err(ApiError::new(
            400,
            "give exactly one of \"text\" and \"html\"",
        )),
    }
}

/// `POST /api/documents` with `{"name", "text"|"html", "previous"?}`.
pub fn create(conn: &mut Connection, body: &[u8]) -> Result<Response, ApiError> {
    let map = object_body(body, &["name", "text", "html", "previous"])?;
    let name = string_field(&map, "name", 500)?
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| ApiError::new(400, "\"name\" is required"))?;
    check_name("name", &name)?;
    let text = string_field(&map, "text", MAX_BODY)?;
    let html = string_field(&map, "html", MAX_BODY)?;
    let previous = match map.get("previous") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_i64()
                .ok_or_else(|| ApiError::new(400, "\"previous\" must be a document id"))?,
        ),
    };
    let doc = document_from(&name, text, html)?;
    let id = store::add_version(conn, &name, &doc, previous)?;
    let v = store::version(conn, id)?.ok_or_else(|| ApiError::new(500, "lost the new version"))?;
    Ok(Response::json(
        201,
        &json!({ "id": id, "story_id": v.story_id, "number": v.number,
                 "quotes": store::quotes(conn, id)?.len() }),
    ))
}

/// Builds the verifier over a story's sources (`None` when it has none).
pub fn verifier(sources: &[store::SourceRow]) -> Result<Option<Verifier>, ApiError> {
    if sources.is_empty() {
        return Ok(None);
    }
    let parsed = sources
        .iter()
        .map(|s| {
            let kind = SourceKind::from_path(std::path::Path::new(&s.name));
            Source::parse(s.name.clone(), kind, s.text.clone())
                .map_err(|e| ApiError::new(400, format!("{e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(Verifier::new(parsed)))
}

/// `GET /api/documents/{id}`.
pub fn get(conn: &Connection, id: i64) -> Result<Response, ApiError> {
    let v =
        store::version(conn, id)?.ok_or_else(|| ApiError::new(404, format!("no document {id}")))?;
    let text = store::text(conn, id)?;
    let quotes = store::quotes(conn, id)?;
    let decisions = store::decisions(conn, v.story_id)?;
    let sources = store::sources(conn, v.story_id)?;
    let verifier = verifier(&sources)?;
    let (changes, previous_number) = match v.previous {
        Some(p) => {
            let before: Vec<Stored> = store::quotes(conn, p)?;
            (
                Some(story::changes(&before, &quotes)),
                store::version(conn, p)?.map(|pv| pv.number),
            )
        }
        None => (None, None),
    };
    let mut people: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(quotes.len());
    for s in &quotes {
        let mut q = story::applied(s, decisions.get(&s.quote_id));
        if let Some(sp) = &s.quote.speaker {
            people.insert(sp.clone());
        }
        if let Some(Value::String(sp)) = q.get("speaker") {
            people.insert(sp.clone());
        }
        let kind = q.get("kind").and_then(Value::as_str).unwrap_or("");
        let checkable = kind != Kind::Term.as_str() && kind != "dismissed";
        let verdict = match (&verifier, checkable) {
            (Some(verifier), true) => {
                let checked = verifier.verify(&s.quote);
                json!({
                    "verdict": checked.verdict, "similarity": checked.similarity,
                    "source": checked.source, "line": checked.line,
                    "timestamp": checked.timestamp, "flags": checked.flags,
                })
            }
            _ => Value::Null,
        };
        q.insert("verdict".into(), verdict);
        if let Some(changes) = &changes {
            let change = changes
                .iter()
                .find(|c| c.quote_id == s.quote_id && c.text.is_some())
                .map_or_else(|| json!({ "what": [] }), |c| json!(c));
            q.insert("change".into(), change);
        }
        out.push(Value::Object(q));
    }
    let versions: Vec<Value> = store::versions_of(conn, v.story_id)?
        .into_iter()
        .map(|x| json!({ "id": x.id, "number": x.number, "name": x.name }))
        .collect();
    let summary = changes.as_ref().map(|cs| {
        let count = |w: &str| cs.iter().filter(|c| c.what.contains(&w)).count();
        json!({
            "reworded": count("reworded"), "reattributed": count("reattributed"),
            "removed": count("removed"), "added": count("added"), "edited": count("edited"),
        })
    });
    Ok(Response::json(
        200,
        &json!({
            "id": v.id, "story_id": v.story_id, "story": store::story_name(conn, v.story_id)?,
            "number": v.number, "name": v.name, "created": v.created,
            "previous": v.previous, "previous_number": previous_number,
            "versions": versions, "text": text, "quotes": out,
            "changes": changes, "summary": summary,
            "sources": sources, "people": people,
        }),
    ))
}
