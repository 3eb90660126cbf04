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
    /// Splits editions stored as display text into SOP id and version, and removes `kind`
    /// rows from the facts, each repair recorded in the audit log.
    RepairCases,
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
    Migration {
        version: 4,
        name: "0004_case_edition",
        sql: include_str!("../sql/0004_case_edition.sql"),
        followup: Some(Followup::RepairCases),
    },
    Migration {
        version: 5,
        name: "0005_case_progress",
        sql: include_str!("../sql/0005_case_progress.sql"),
        followup: None,
    },
    Migration {
        version: 6,
        name: "0006_evidence",
        sql: include_str!("../sql/0006_evidence.sql"),
        followup: None,
    },
    Migration {
        version: 7,
        name: "0007_device_key",
        sql: include_str!("../sql/0007_device_key.sql"),
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
            Some(Followup::RepairCases) => repair_cases(&tx)?,
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

/// The SOP id, version and date of an edition stored as the manifest's display text,
/// `ID VERSION (YYYY-MM-DD)`; `None` for anything else (a version alone).
fn display_edition(text: &str) -> Option<(&str, &str)> {
    let (head, date) = text.strip_suffix(')')?.rsplit_once(" (")?;
    let (sop, version) = head.split_once(' ')?;
    let date_like = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let word = |w: &str| !w.is_empty() && !w.contains(char::is_whitespace);
    (date_like && word(sop) && word(version)).then_some((sop, version))
}

/// Migration 4's repair of what the two front ends stored differently, each change audited.
///
/// - A case whose edition is display text gets its SOP id and version apart, and a
///   `case.set-edition` entry whose digest is the case's opening record with the new edition
///   ([`audit::case_digest`]), so a bundle's verifier still checks its reference and title.
/// - A `kind` row among a case's facts is removed, with a `fact.remove` entry. The case's
///   `kind` column wins where the two disagree: both front ends always wrote the column when
///   the kind changed, and only `dalil` wrote the fact too.
fn repair_cases(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let now = time_text::now();
    let cases: Vec<(i64, String, String, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT id, reference, title, kind, sop_edition FROM cases WHERE sop_id IS NULL
             ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, reference, title, kind, stored) in cases {
        let Some((sop, version)) = display_edition(&stored) else {
            continue;
        };
        tx.execute(
            "UPDATE cases SET sop_id = ?2, sop_edition = ?3 WHERE id = ?1",
            rusqlite::params![id, sop, version],
        )?;
        let edition = crate::model::Edition::new(sop, version);
        audit::append(
            tx,
            &now,
            &Change {
                action: actions::CASE_SET_EDITION,
                entity_kind: "case",
                entity_id: &id.to_string(),
                case: Some(crate::model::CaseId(id)),
                digest: audit::case_digest(&reference, &title, &kind, &edition),
            },
        )?;
    }
    let kind_facts: Vec<i64> = {
        let mut stmt =
            tx.prepare("SELECT case_id FROM case_facts WHERE fact_id = ?1 ORDER BY case_id")?;
        let rows = stmt.query_map([crate::batch::KIND_FACT], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for case in kind_facts {
        tx.execute(
            "DELETE FROM case_facts WHERE case_id = ?1 AND fact_id = ?2",
            rusqlite::params![case, crate::batch::KIND_FACT],
        )?;
        audit::append(
            tx,
            &now,
            &Change {
                action: actions::FACT_REMOVE,
                entity_kind: "fact",
                entity_id: crate::batch::KIND_FACT,
                case: Some(crate::model::CaseId(case)),
                digest: audit::digest_text(""),
            },
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_display_edition_is_split_and_a_version_is_left_alone() {
        assert_eq!(
            display_edition("dalil-reference-sop 0.1.0 (2026-11-29)"),
            Some(("dalil-reference-sop", "0.1.0"))
        );
        for text in [
            "0.1.0",
            "2024.1",
            "a b c (2026-11-29)",
            "sop 1 (29-11-2026)",
            "sop 1 (2026-11-29",
            " 1 (2026-11-29)",
        ] {
            assert_eq!(display_edition(text), None, "{text}");
        }
    }

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
