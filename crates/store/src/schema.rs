//! The schema's migrations: append-only, numbered SQL files embedded at build time.
//!
//! `PRAGMA user_version` holds the number of the last migration applied. Opening a file
//! applies the missing ones in one IMMEDIATE transaction (all or nothing), and refuses a file
//! whose version is newer than this code knows, before anything is written.

use rusqlite::{Connection, TransactionBehavior};

use crate::audit::{self, Change, actions};
use crate::error::StoreError;
use crate::time_text;

/// One migration: the SQL that takes the schema from `version - 1` to `version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// The version the schema has after this migration (1 for the first).
    pub version: u32,
    /// The file's name without extension, e.g. "0001_init".
    pub name: &'static str,
    /// The SQL text.
    pub sql: &'static str,
}

/// Every migration, in order. Append only: never change or remove a released entry.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "0001_init",
    sql: include_str!("../sql/0001_init.sql"),
}];

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
}
