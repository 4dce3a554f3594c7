//! The workbench's SQLite database: opening it (WAL, foreign keys, a busy timeout) and the
//! versioned schema.
//!
//! The schema version lives in `PRAGMA user_version`. [`open`] applies the migrations a
//! database lacks, each in its own transaction, and refuses a database written by a newer
//! quotecheck: nothing is ever reset or dropped to make a file fit.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::Connection;

/// The migrations, in order: migration `k` (0-based) takes the schema from version `k` to
/// `k + 1`. Append only; never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: stories, their versions and each version's quotes; sources; decisions.
    "CREATE TABLE stories (
         id INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         created TEXT NOT NULL
     );
     CREATE TABLE versions (
         id INTEGER PRIMARY KEY,
         story_id INTEGER NOT NULL REFERENCES stories(id),
         number INTEGER NOT NULL,
         name TEXT NOT NULL,
         previous INTEGER REFERENCES versions(id),
         text TEXT NOT NULL,
         created TEXT NOT NULL,
         UNIQUE (story_id, number)
     );
     CREATE TABLE quotes (
         version_id INTEGER NOT NULL REFERENCES versions(id),
         position INTEGER NOT NULL,
         quote_id TEXT NOT NULL,
         record TEXT NOT NULL,
         PRIMARY KEY (version_id, position),
         UNIQUE (version_id, quote_id)
     );
     CREATE TABLE sources (
         id INTEGER PRIMARY KEY,
         story_id INTEGER NOT NULL REFERENCES stories(id),
         name TEXT NOT NULL,
         text TEXT NOT NULL,
         created TEXT NOT NULL
     );
     CREATE TABLE decisions (
         id INTEGER PRIMARY KEY,
         story_id INTEGER NOT NULL REFERENCES stories(id),
         quote_id TEXT NOT NULL,
         field TEXT NOT NULL,
         value TEXT,
         editor TEXT NOT NULL,
         version_id INTEGER NOT NULL REFERENCES versions(id),
         at TEXT NOT NULL
     );
     CREATE INDEX decisions_by_quote ON decisions (story_id, quote_id, field, id);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Opens (creating if needed) the database at `path` and brings its schema up to date.
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)
        .with_context(|| format!("cannot open the database {}", path.display()))?;
    configure(&conn).with_context(|| format!("{}: cannot configure", path.display()))?;
    migrate(&mut conn).with_context(|| format!("{}", path.display()))?;
    Ok(conn)
}

/// WAL (readers never block the writer, a committed write survives a crash), foreign keys,
/// and a wait instead of an error when another worker holds the write lock.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    // FULL: a commit is on disk before the server acknowledges it.
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        bail!(
            "the database has schema version {found}, newer than this quotecheck's \
             ({SCHEMA_VERSION}); use a newer quotecheck or another --db"
        );
    }
    if found == 0 {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            bail!("not a quotecheck database (it has tables but no schema version)");
        }
    }
    for (k, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .with_context(|| format!("migration to schema version {}", k + 1))?;
        tx.pragma_update(None, "user_version", (k + 1) as u32)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_gets_the_current_schema_and_reopens_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let conn = open(&path).unwrap();
        conn.execute(
            "INSERT INTO stories (name, created) VALUES ('a', 'now')",
            [],
        )
        .unwrap();
        drop(conn);
        let conn = open(&path).unwrap();
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let n: i64 = conn
            .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "reopening keeps the data");
    }

    #[test]
    fn a_newer_schema_is_refused_not_reset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        drop(open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        let err = open(&path).unwrap_err();
        assert!(format!("{err:#}").contains("newer"), "{err:#}");
        let conn = Connection::open(&path).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "the tables are still there");
    }

    #[test]
    fn a_foreign_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
        drop(conn);
        assert!(open(&path).is_err());
    }
}
