//! Reading and writing the workbench's state: stories, versions with their quotes, sources
//! and decisions. Every write is one transaction (`BEGIN IMMEDIATE`, so two workers never
//! interleave a read-then-write), committed before the server answers.
//!
//! Decisions are kept as a history, one row per field set: the current value of a field is
//! its latest row. Two tabs that set different fields of a quote both keep theirs; the same
//! field set twice keeps the later, and the earlier is still in the history.

use std::collections::{HashMap, HashSet};

use quotecheck::{Document, Quote};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use super::api::ApiError;
use super::story::{self, Stored};

/// A version of a story, as stored.
#[derive(Clone, Debug, Serialize)]
pub struct Version {
    /// The version's id: the document id of the API.
    pub id: i64,
    /// The story it belongs to.
    pub story_id: i64,
    /// 1 for the first version of a story, then 2, 3…
    pub number: i64,
    /// The name it was loaded with (a file name, or what the editor typed).
    pub name: String,
    /// The version it was aligned with, if any.
    pub previous: Option<i64>,
    /// When it was loaded (UTC, ISO 8601).
    pub created: String,
}

/// The current value of one field an editor set, and who set it when.
#[derive(Clone, Debug, Serialize)]
pub struct Decision {
    /// The value (`null` for a speaker set to none).
    pub value: Option<String>,
    /// The editor's name.
    pub editor: String,
    /// When (UTC, ISO 8601).
    pub at: String,
    /// The version number the editor was looking at.
    pub version: i64,
}

/// Each quote's decisions in a story: quote id → field → decision.
pub type Decisions = HashMap<String, HashMap<String, Decision>>;

/// The fields an editor can set.
pub const FIELDS: [&str; 4] = ["speaker", "kind", "status", "note"];

/// Opens an immediate transaction (the write lock is taken at once).
fn write_tx(conn: &mut Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
}

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// Adds `doc` as a new story, or as the next version of `previous`'s story; its quotes are
/// aligned with `previous`'s. Returns the new version's id.
pub fn add_version(
    conn: &mut Connection,
    name: &str,
    doc: &Document,
    previous: Option<i64>,
) -> Result<i64, ApiError> {
    // As `extract` reads by default: quotes and reported speech (kind `indirect`).
    let options = quotecheck::extract::Options::with_indirect(true);
    let mut extraction = quotecheck::extract::extract_with(doc, &options);
    doc.annotate(&mut extraction);
    let quotes = extraction.quotes;
    let tx = write_tx(conn)?;
    let (story_id, number, prev_quotes) = match previous {
        Some(prev) => {
            let v = version_in(&tx, prev)?.ok_or_else(|| {
                ApiError::new(400, format!("previous document {prev} does not exist"))
            })?;
            let number: i64 = tx.query_row(
                "SELECT max(number) + 1 FROM versions WHERE story_id = ?1",
                [v.story_id],
                |r| r.get(0),
            )?;
            (v.story_id, number, quotes_in(&tx, prev)?)
        }
        None => {
            tx.execute(
                &format!("INSERT INTO stories (name, created) VALUES (?1, {NOW})"),
                [name],
            )?;
            (tx.last_insert_rowid(), 1, Vec::new())
        }
    };
    let taken: HashSet<String> = {
        let mut st = tx.prepare(
            "SELECT DISTINCT q.quote_id FROM quotes q JOIN versions v ON v.id = q.version_id
             WHERE v.story_id = ?1",
        )?;
        st.query_map([story_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let ids = story::identify(&prev_quotes, &quotes, &taken);
    tx.execute(
        &format!(
            "INSERT INTO versions (story_id, number, name, previous, text, created)
             VALUES (?1, ?2, ?3, ?4, ?5, {NOW})"
        ),
        params![story_id, number, name, previous, doc.text],
    )?;
    let version_id = tx.last_insert_rowid();
    {
        let mut st = tx.prepare(
            "INSERT INTO quotes (version_id, position, quote_id, record) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (k, (id, q)) in ids.iter().zip(&quotes).enumerate() {
            let record = serde_json::to_string(q)
                .map_err(|e| ApiError::new(500, format!("cannot encode a quote: {e}")))?;
            st.execute(params![version_id, k as i64, id, record])?;
        }
    }
    tx.commit()?;
    Ok(version_id)
}

fn version_in(conn: &Connection, id: i64) -> rusqlite::Result<Option<Version>> {
    conn.query_row(
        "SELECT id, story_id, number, name, previous, created FROM versions WHERE id = ?1",
        [id],
        |r| {
            Ok(Version {
                id: r.get(0)?,
                story_id: r.get(1)?,
                number: r.get(2)?,
                name: r.get(3)?,
                previous: r.get(4)?,
                created: r.get(5)?,
            })
        },
    )
    .optional()
}

/// The version `id`, if it exists.
pub fn version(conn: &Connection, id: i64) -> Result<Option<Version>, ApiError> {
    Ok(version_in(conn, id)?)
}

/// The text of version `id`.
pub fn text(conn: &Connection, id: i64) -> Result<String, ApiError> {
    Ok(
        conn.query_row("SELECT text FROM versions WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}

/// The story's name.
pub fn story_name(conn: &Connection, story_id: i64) -> Result<String, ApiError> {
    Ok(
        conn.query_row("SELECT name FROM stories WHERE id = ?1", [story_id], |r| {
            r.get(0)
        })?,
    )
}

/// Every version of a story, oldest first.
pub fn versions_of(conn: &Connection, story_id: i64) -> Result<Vec<Version>, ApiError> {
    let mut st = conn.prepare("SELECT id FROM versions WHERE story_id = ?1 ORDER BY number")?;
    let ids: Vec<i64> = st
        .query_map([story_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.extend(version_in(conn, id)?);
    }
    Ok(out)
}

/// Every story id, oldest first.
pub fn story_ids(conn: &Connection) -> Result<Vec<i64>, ApiError> {
    let mut st = conn.prepare("SELECT id FROM stories ORDER BY id")?;
    let ids = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

fn quotes_in(conn: &Connection, version_id: i64) -> Result<Vec<Stored>, ApiError> {
    let mut st = conn
        .prepare("SELECT quote_id, record FROM quotes WHERE version_id = ?1 ORDER BY position")?;
    let rows: Vec<(String, String)> = st
        .query_map([version_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(quote_id, record)| {
            // Records written by older builds lack newer fields: Quote's serde defaults
            // fill them; fields this build does not know are ignored.
            let quote: Quote = serde_json::from_str(&record).map_err(|e| {
                ApiError::new(500, format!("stored quote {quote_id} does not read: {e}"))
            })?;
            Ok(Stored { quote_id, quote })
        })
        .collect()
}

/// The quotes of version `id`, in text order.
pub fn quotes(conn: &Connection, version_id: i64) -> Result<Vec<Stored>, ApiError> {
    quotes_in(conn, version_id)
}

/// The current decisions of a story.
pub fn decisions(conn: &Connection, story_id: i64) -> Result<Decisions, ApiError> {
    let mut st = conn.prepare(
        "SELECT d.quote_id, d.field, d.value, d.editor, d.at, v.number
         FROM decisions d JOIN versions v ON v.id = d.version_id
         WHERE d.story_id = ?1 ORDER BY d.id",
    )?;
    let mut out: Decisions = HashMap::new();
    let rows = st.query_map([story_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            Decision {
                value: r.get(2)?,
                editor: r.get(3)?,
                at: r.get(4)?,
                version: r.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (quote_id, field, decision) = row?;
        out.entry(quote_id).or_default().insert(field, decision);
    }
    Ok(out)
}

/// Records `changes` (field, value) for quote `quote_id` of version `version_id`, by
/// `editor`, in one transaction. The quote must be in that version.
pub fn decide(
    conn: &mut Connection,
    version_id: i64,
    quote_id: &str,
    changes: &[(&str, Option<String>)],
    editor: &str,
) -> Result<(), ApiError> {
    let tx = write_tx(conn)?;
    let v = version_in(&tx, version_id)?
        .ok_or_else(|| ApiError::new(404, format!("no document {version_id}")))?;
    let found: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM quotes WHERE version_id = ?1 AND quote_id = ?2",
            params![version_id, quote_id],
            |r| r.get(0),
        )
        .optional()?;
    if found.is_none() {
        return Err(ApiError::new(
            404,
            format!("document {version_id} has no quote {quote_id:?}"),
        ));
    }
    {
        let mut st = tx.prepare(&format!(
            "INSERT INTO decisions (story_id, quote_id, field, value, editor, version_id, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, {NOW})"
        ))?;
        for (field, value) in changes {
            st.execute(params![
                v.story_id, quote_id, field, value, editor, version_id
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// A source attached to a story.
#[derive(Clone, Debug, Serialize)]
pub struct SourceRow {
    /// Its id.
    pub id: i64,
    /// Its name (the extension says text, SRT or WebVTT).
    pub name: String,
    /// Its text.
    #[serde(skip)]
    pub text: String,
}

/// Attaches a source to a story.
pub fn add_source(
    conn: &mut Connection,
    story_id: i64,
    name: &str,
    text: &str,
) -> Result<i64, ApiError> {
    let tx = write_tx(conn)?;
    tx.execute(
        &format!("INSERT INTO sources (story_id, name, text, created) VALUES (?1, ?2, ?3, {NOW})"),
        params![story_id, name, text],
    )?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    Ok(id)
}

/// The sources of a story, in the order attached.
pub fn sources(conn: &Connection, story_id: i64) -> Result<Vec<SourceRow>, ApiError> {
    let mut st =
        conn.prepare("SELECT id, name, text FROM sources WHERE story_id = ?1 ORDER BY id")?;
    let rows = st
        .query_map([story_id], |r| {
            Ok(SourceRow {
                id: r.get(0)?,
                name: r.get(1)?,
                text: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The latest version of the story called `name` and its text, if there is one.
pub fn latest_named(conn: &Connection, name: &str) -> Result<Option<(i64, String)>, ApiError> {
    Ok(conn
        .query_row(
            "SELECT v.id, v.text FROM versions v JOIN stories s ON s.id = v.story_id
             WHERE s.name = ?1 ORDER BY s.id DESC, v.number DESC LIMIT 1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_stored_without_newer_fields_or_with_unknown_ones_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = crate::serve::db::open(&dir.path().join("q.db")).unwrap();
        let doc = Document::new("a", "“We will not back down,” the mayor, Jane Doe, said.");
        let id = add_version(&mut conn, "a", &doc, None).unwrap();
        // As an older build wrote it (no speaker_type, role, via), and as a newer one might
        // (a field this build does not know).
        conn.execute(
            "UPDATE quotes SET record = json_set(json_remove(record, '$.speaker_type', \
             '$.role', '$.via'), '$.added_later', 1)",
            [],
        )
        .unwrap();
        let quotes = quotes(&conn, id).unwrap();
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].quote.speaker.as_deref(), Some("Jane Doe"));
        assert_eq!(quotes[0].quote.role, None);
    }
}
