//! Migrations: every migration upgrades a fixture database of the version before it (built
//! here by applying the migrations up to that version to a new keyed file) to the same schema
//! as a new store; a database newer than the code is refused and left untouched.

use std::path::Path;

use dalil_store::audit::actions;
use dalil_store::schema::{MIGRATIONS, SCHEMA_VERSION};
use dalil_store::{CaseFilter, CaseId, Store, StoreError};

use super::common::*;

/// (type, name, SQL) of every schema object, and the version.
type Schema = (Vec<(String, String, String)>, i64);

/// The schema as SQLite records it, and the version.
fn schema_of(path: &Path) -> Result<Schema, Box<dyn std::error::Error>> {
    let conn = raw_conn(path, PASS)?;
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((rows, version))
}

/// A keyed database at schema `version`: migrations 1..=version applied, by stock SQLCipher.
fn fixture(path: &Path, version: u32) -> TestResult {
    let conn = raw_conn(path, PASS)?;
    // Writes the first page, so that even version 0 (no schema at all) is a real file.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    for m in &MIGRATIONS[..version as usize] {
        conn.execute_batch(m.sql)?;
    }
    conn.pragma_update(None, "user_version", version)?;
    // Fixture data for later versions goes here: rows written at `version`, checked below
    // after the upgrade.
    if version == 1 {
        conn.execute_batch(V1_NOTES)?;
    }
    if version == 2 {
        v2_cases(&conn)?;
    }
    Ok(())
}

/// Cases and a valid audit chain as version 2 wrote them. Case 1 has three entries, the last
/// one earlier in time than the one before (a clock set back): its last change is the last
/// entry by sequence, as version 2 read it. Case 2 has one entry, case 3 none (its last change
/// is its creation time). A store-wide entry in the middle belongs to no case.
fn v2_cases(conn: &rusqlite::Connection) -> TestResult {
    conn.execute_batch(
        "INSERT INTO cases (id, reference, title, kind, status, sop_edition, created_at)
         VALUES (1, 'R-1', 't', 'undetermined', 'open', '1', '2024-01-01T00:00:00.000000Z'),
                (2, 'R-2', 't', 'smuggling', 'closed', '1', '2024-01-02T00:00:00.000000Z'),
                (3, 'R-3', 't', 'undetermined', 'open', '1', '2024-01-03T00:00:00.000000Z');",
    )?;
    let entries: [(&str, &str, &str, &str, Option<i64>); 5] = [
        (
            "2024-01-01T00:00:00.000000Z",
            "case.create",
            "case",
            "1",
            Some(1),
        ),
        (
            "2024-01-02T00:00:00.000000Z",
            "case.create",
            "case",
            "2",
            Some(2),
        ),
        (
            "2024-01-05T00:00:00.000000Z",
            "fact.set",
            "fact",
            "child",
            Some(1),
        ),
        (
            "2024-01-06T00:00:00.000000Z",
            "store.passphrase-change",
            "store",
            "",
            None,
        ),
        (
            "2024-01-04T00:00:00.000000Z",
            "note.add",
            "note",
            "1",
            Some(1),
        ),
    ];
    let mut prev = [0u8; 32];
    for (i, (at, action, kind, id, case)) in entries.into_iter().enumerate() {
        let seq = i as u64 + 1;
        let digest = dalil_store::audit::digest_text("");
        let record = dalil_store::audit::encode(seq, at, action, kind, id, case, &digest);
        prev = dalil_store::audit::chain(&prev, &record);
        conn.execute(
            "INSERT INTO audit_log (seq, at, action, entity_kind, entity_id, case_id, digest, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![
                seq as i64,
                at,
                action,
                kind,
                id,
                case,
                &digest[..],
                &prev[..]
            ],
        )?;
    }
    conn.execute(
        "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1",
        rusqlite::params![entries.len() as i64, &prev[..]],
    )?;
    Ok(())
}

#[test]
fn version_3_fills_last_change_from_the_audit_log_of_a_version_2_file() -> TestResult {
    let dir = tempdir()?;
    let path = dir.path().join("v2.db");
    fixture(&path, 2)?;
    let mut store = Store::open(&path, &pass())?;
    assert!(matches!(
        store.verify_audit()?,
        dalil_store::Verification::Intact { len: 6, .. }
    ));
    let text = |id: i64| -> Result<String, Box<dyn std::error::Error>> {
        let t = store.case(CaseId(id))?.last_change;
        Ok(t.format(&time::format_description::well_known::Rfc3339)?)
    };
    assert_eq!(
        text(1)?,
        "2024-01-04T00:00:00Z",
        "the last entry by sequence"
    );
    assert_eq!(text(2)?, "2024-01-02T00:00:00Z", "the only entry");
    assert_eq!(
        text(3)?,
        "2024-01-03T00:00:00Z",
        "no entry: the creation time"
    );
    let order: Vec<i64> = store
        .list_cases(&CaseFilter::default())?
        .iter()
        .map(|s| s.id.0)
        .collect();
    assert_eq!(order, [1, 3, 2]);
    // From here on the column moves with each change.
    store.reopen_case(CaseId(2))?;
    let history = store.history(CaseId(2))?;
    assert_eq!(
        Some(store.case(CaseId(2))?.last_change),
        history.last().map(|e| e.at)
    );
    store.lock()?;
    Ok(())
}

/// Notes as version 1 wrote them: note 1 live and edited once, note 2 deleted, note 3 live
/// in another case. Version 2 must index the current text of the live ones only.
const V1_NOTES: &str = "
    INSERT INTO cases (id, reference, title, kind, status, sop_edition, created_at)
    VALUES (1, 'R-1', 't', 'undetermined', 'open', '1', '2024-01-01T00:00:00.000000Z'),
           (2, 'R-2', 't', 'undetermined', 'closed', '1', '2024-01-01T00:00:00.000000Z');
    INSERT INTO notes (id, case_id, subject_kind, subject_id, created_at, revision, deleted_at)
    VALUES (1, 1, 'step', 'intake-foreign', '2024-01-01T00:00:00.000000Z', 2, NULL),
           (2, 1, 'case', '', '2024-01-01T00:00:00.000000Z', 2,
            '2024-01-02T00:00:00.000000Z'),
           (3, 2, 'case', '', '2024-01-01T00:00:00.000000Z', 1, NULL);
    INSERT INTO note_revisions (note_id, revision, body, created_at)
    VALUES (1, 1, 'first draft about the harbour', '2024-01-01T00:00:00.000000Z'),
           (1, 2, 'وصلت الضحية إلى الميناء', '2024-01-02T00:00:00.000000Z'),
           (2, 1, 'deleted words about the harbour', '2024-01-01T00:00:00.000000Z'),
           (2, 2, NULL, '2024-01-02T00:00:00.000000Z'),
           (3, 1, 'Passport held at the harbour office', '2024-01-01T00:00:00.000000Z');
";

/// The ids of the notes a search finds, in ascending order.
fn found(store: &Store, query: &str) -> Result<Vec<i64>, StoreError> {
    let mut ids: Vec<i64> = store
        .search_notes(query, None, 50)?
        .iter()
        .map(|m| m.note.id.0)
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

#[test]
fn version_2_indexes_the_notes_of_a_version_1_file() -> TestResult {
    let dir = tempdir()?;
    let path = dir.path().join("v1.db");
    fixture(&path, 1)?;
    let store = Store::open(&path, &pass())?;
    // The current revision of a live note, with its words normalized (tashkeel, ta marbuta).
    assert_eq!(found(&store, "الضَّحيه")?, [1]);
    assert_eq!(found(&store, "ميناء")?, [1]);
    // Not an earlier revision, not a deleted note; a closed case's note is found.
    assert_eq!(found(&store, "draft")?, Vec::<i64>::new());
    assert_eq!(found(&store, "deleted")?, Vec::<i64>::new());
    assert_eq!(found(&store, "harbour")?, [3]);
    let hit = store.search_notes("passport", None, 5)?;
    assert_eq!(hit.len(), 1);
    assert_eq!(hit[0].case_reference, "R-2");
    assert!(matches!(
        store.verify_audit()?,
        dalil_store::Verification::Intact { len: 1, .. }
    ));
    store.lock()?;
    Ok(())
}

#[test]
fn each_migration_upgrades_the_previous_version_to_the_fresh_schema() -> TestResult {
    let dir = tempdir()?;
    let (fresh, store) = new_store(&dir.path().join("fresh"))?;
    store.lock()?;
    let want = schema_of(&fresh)?;
    assert_eq!(want.1, i64::from(SCHEMA_VERSION));

    for from in 0..SCHEMA_VERSION {
        let path = dir.path().join(format!("v{from}.db"));
        fixture(&path, from)?;
        let store = Store::open(&path, &pass())?;
        // The entry the upgrade appended: the last one (a fixture may hold entries of its own).
        let head = store.audit_head()?.seq;
        let appended = store
            .audit_entries(head.saturating_sub(1), 1)?
            .into_iter()
            .next()
            .map(|e| e.action);
        store.lock()?;
        assert_eq!(schema_of(&path)?, want, "upgrade from version {from}");
        let expected = if from == 0 {
            actions::STORE_CREATE
        } else {
            actions::STORE_MIGRATE
        };
        assert_eq!(
            appended.as_deref(),
            Some(expected),
            "upgrade from version {from}"
        );
        println!("version {from} -> {SCHEMA_VERSION}: schema identical to a new store");
    }
    Ok(())
}

#[test]
fn a_database_newer_than_the_code_is_refused_untouched() -> TestResult {
    let dir = tempdir()?;
    let (path, store) = new_store(dir.path())?;
    store.lock()?;
    {
        let conn = raw_conn(&path, PASS)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;
    }
    let before = snapshot(dir.path())?;
    match Store::open(&path, &pass()) {
        Err(StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!(
            "expected too-new, got {:?}",
            other.map(|_| ()).map_err(|e| e.code())
        ),
    }
    assert_eq!(snapshot(dir.path())?, before);
    assert_eq!(
        StoreError::TooNew {
            found: 9,
            supported: 1
        }
        .code(),
        "too-new"
    );
    Ok(())
}

#[test]
fn an_empty_file_is_damaged_and_kept() -> TestResult {
    let dir = tempdir()?;
    let path = dir.path().join("cases.db");
    std::fs::write(&path, b"")?;
    assert_eq!(code(&Store::open(&path, &pass())), "damaged");
    assert_eq!(code(&Store::create(&path, &pass())), "already-exists");
    assert_eq!(std::fs::metadata(&path)?.len(), 0);
    Ok(())
}
