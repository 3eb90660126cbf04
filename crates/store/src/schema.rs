//! The schema's migrations: append-only, numbered SQL files embedded at build time.
//!
//! `PRAGMA user_version` holds the number of the last migration applied. Opening a file
//! applies the missing ones in one IMMEDIATE transaction (all or nothing), and refuses a file
//! whose version is newer than this code knows, before anything is written.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::audit::{self, Change, actions};
use crate::error::StoreError;
use crate::time_text;

/// One migration: the SQL that takes the schema from `version - 1` to `version`, and the work
/// in Rust, if any, that completes it in the same transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// The version the schema has after this migration (1 for the first).
    pub version: u32,
    /// The file's name without extension, e.g. "0001_init".
    pub name: &'static str,
    /// The SQL text.
    pub sql: &'static str,
    /// What runs after the SQL, inside the same transaction.
    pub followup: Option<Followup>,
}

/// Work a migration needs done in Rust after its SQL, because SQL cannot do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Followup {
    /// Indexes every live note in `notes_fts`: the words are normalized by `dalil-normalize`,
    /// in Rust, before FTS5 sees them.
    IndexNotes,
}

/// Every migration, in order. Append only: never change or remove a released entry.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init",
        sql: include_str!("../sql/0001_init.sql"),
        followup: None,
    },
    Migration {
        version: 2,
        name: "0002_notes_fts",
        sql: include_str!("../sql/0002_notes_fts.sql"),
        followup: Some(Followup::IndexNotes),
    },
    Migration {
        version: 3,
        name: "0003_case_last_change",
        sql: include_str!("../sql/0003_case_last_change.sql"),
        followup: None,
    },
];

/// The schema version this code writes: the number of the last migration.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Reads a connection's schema version.
pub(crate) fn user_version(conn: &Connection) -> Result<u32, StoreError> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    u32::try_from(v).map_err(|_| StoreError::Damaged)
}

/// Brings the schema up to [`SCHEMA_VERSION`] in one IMMEDIATE transaction, and records it in
/// the audit log ("store.create" from an empty file, "store.migrate" otherwise). Returns the
/// version found.
pub(crate) fn migrate(conn: &mut Connection) -> Result<u32, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = user_version(&tx)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(found);
    }
    for m in &MIGRATIONS[found as usize..] {
        tx.execute_batch(m.sql)?;
        match m.followup {
            None => {}
            Some(Followup::IndexNotes) => index_existing_notes(&tx)?,
        }
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    let version = SCHEMA_VERSION.to_string();
    let (action, digest) = if found == 0 {
        (actions::STORE_CREATE, audit::digest_text(""))
    } else {
        (
            actions::STORE_MIGRATE,
            audit::digest_text(&found.to_string()),
        )
    };
    audit::append(
        &tx,
        &time_text::now(),
        &Change {
            action,
            entity_kind: "schema",
            entity_id: &version,
            case: None,
            digest,
        },
    )?;
    tx.commit()?;
    Ok(found)
}

/// Indexes the current text of every live note (a deleted note stays out of the index).
fn index_existing_notes(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let notes: Vec<(i64, i64, Option<String>)> = {
        let mut stmt = tx.prepare(
            "SELECT n.id, n.case_id, r.body
             FROM notes n JOIN note_revisions r ON r.note_id = n.id AND r.revision = n.revision
             WHERE n.deleted_at IS NULL
             ORDER BY n.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (note, case, body) in notes {
        // A live note's current revision always has a body; a NULL one was not written by
        // this code.
        let body = body.ok_or(StoreError::Damaged)?;
        dalil_search::notes::index_note(tx, note, case, &body)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_in_order() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
            assert!(m.name.starts_with(&format!("{:04}_", i + 1)));
        }
    }

    /// The notes table is the one dalil-search's notes API expects. A change to
    /// `NOTES_FTS_SQL` needs a new migration; 0002 never changes.
    #[test]
    fn the_notes_migration_creates_the_table_the_search_crate_expects() {
        let normalize = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let sql: String = MIGRATIONS[1]
            .sql
            .lines()
            .filter(|l| !l.starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(
            normalize(&sql),
            normalize(dalil_search::notes::NOTES_FTS_SQL)
        );
    }
}
