//! Tampering: someone holding the passphrase opens the file with stock SQLCipher and changes,
//! deletes, reorders or truncates audit entries (dropping the append-only triggers first and
//! putting them back after). Verification names the first bad entry.

use std::fs;
use std::path::Path;

use dalil_store::{BreakKind, StepState, Store, Verification};

use super::common::*;

/// A store with a known number of audit entries.
fn build(dir: &Path) -> Result<u64, Box<dyn std::error::Error>> {
    let (_path, mut store) = new_store(dir)?;
    let case = sample_case(&mut store)?;
    for i in 0..8 {
        store.add_note(case, None, &format!("note {i}"))?;
    }
    for s in 0..8 {
        store.set_step_state(case, &format!("s-{s}"), StepState::Done, None)?;
    }
    store.set_facts(case, &[("victim-minor", "no")])?;
    let len = match store.verify_audit()? {
        Verification::Intact { len, .. } => len,
        other => return Err(format!("fresh log broken: {other:?}").into()),
    };
    store.lock()?;
    Ok(len)
}

const TRIGGERS: &str = "
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
    END;";

fn tampered(
    base: &Path,
    work: &Path,
    sql: &str,
) -> Result<Verification, Box<dyn std::error::Error>> {
    let _ = fs::remove_dir_all(work);
    fs::create_dir_all(work)?;
    let path = copy_store(base, work)?;
    {
        let conn = raw_conn(&path, PASS)?;
        // The triggers stop an accidental change, not someone who holds the key.
        let blocked = conn.execute_batch("DELETE FROM audit_log WHERE seq = 1;");
        assert!(
            blocked.is_err(),
            "the append-only trigger should refuse a delete"
        );
        conn.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")?;
        conn.execute_batch(sql)?;
        conn.execute_batch(TRIGGERS)?;
    }
    let store = Store::open(&path, &pass())?;
    let v = store.verify_audit()?;
    // The full check reports the same break.
    match (&v, store.check()) {
        (
            Verification::Broken {
                first_bad_seq,
                kind,
            },
            Err(dalil_store::StoreError::AuditBroken {
                first_bad_seq: s,
                kind: k,
            }),
        ) => {
            assert_eq!((*first_bad_seq, *kind), (s, k));
        }
        (v, r) => panic!("check disagrees with verify: {v:?} / {r:?}"),
    }
    Ok(v)
}

#[test]
fn audit_tampering_is_found_at_the_first_bad_entry() -> TestResult {
    let dir = tempdir()?;
    let base_dir = dir.path().join("base");
    fs::create_dir(&base_dir)?;
    let n = build(&base_dir)?;
    assert!(n >= 18, "{n} entries");
    let base = base_dir.join("cases.db");
    let work = dir.path().join("work");
    let broken = |seq: u64, kind: BreakKind| Verification::Broken {
        first_bad_seq: seq,
        kind,
    };

    let cases: Vec<(String, Verification)> = vec![
        // Modified fields of one entry.
        (
            "UPDATE audit_log SET action = 'note.edit' WHERE seq = 7".into(),
            broken(7, BreakKind::Modified),
        ),
        (
            "UPDATE audit_log SET digest = zeroblob(32) WHERE seq = 10".into(),
            broken(10, BreakKind::Modified),
        ),
        (
            "UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 5".into(),
            broken(5, BreakKind::Modified),
        ),
        (
            "UPDATE audit_log SET entity_id = '999' WHERE seq = 3".into(),
            broken(3, BreakKind::Modified),
        ),
        (
            "UPDATE audit_log SET case_id = NULL WHERE seq = 4".into(),
            broken(4, BreakKind::Modified),
        ),
        (
            "UPDATE audit_log SET hash = zeroblob(32) WHERE seq = 12".into(),
            broken(12, BreakKind::Modified),
        ),
        // Deleted entries.
        (
            "DELETE FROM audit_log WHERE seq = 8".into(),
            broken(8, BreakKind::Missing),
        ),
        (
            "DELETE FROM audit_log WHERE seq = 1".into(),
            broken(1, BreakKind::Missing),
        ),
        (
            "DELETE FROM audit_log WHERE seq = 9; UPDATE audit_log SET seq = seq - 1 WHERE seq > 9"
                .into(),
            broken(9, BreakKind::Modified),
        ),
        // Reordered entries: swap 11 and 12.
        (
            "UPDATE audit_log SET seq = -1 WHERE seq = 11;
             UPDATE audit_log SET seq = 11 WHERE seq = 12;
             UPDATE audit_log SET seq = 12 WHERE seq = -1;"
                .into(),
            broken(11, BreakKind::Modified),
        ),
        // Truncated tail, and everything gone.
        (
            "DELETE FROM audit_log WHERE seq > 15".into(),
            broken(16, BreakKind::Truncated),
        ),
        (
            format!("DELETE FROM audit_log WHERE seq = {n}"),
            broken(n, BreakKind::Truncated),
        ),
        (
            "DELETE FROM audit_log".into(),
            broken(1, BreakKind::Truncated),
        ),
        // A forged entry appended after the head.
        (
            format!(
                "INSERT INTO audit_log VALUES ({}, '2030-01-01T00:00:00.000000Z', 'note.add', 'note', '1', 1, zeroblob(32), zeroblob(32))",
                n + 1
            ),
            broken(n + 1, BreakKind::Extra),
        ),
        // A head that no longer matches the last entry.
        (
            "UPDATE audit_head SET hash = zeroblob(32)".into(),
            broken(n, BreakKind::HeadMismatch),
        ),
    ];
    for (sql, want) in &cases {
        let got = tampered(&base, &work, sql)?;
        assert_eq!(&got, want, "after: {sql}");
        println!(
            "{want:?} <- {}",
            sql.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    // The untouched base still verifies.
    let store = Store::open(&base, &pass())?;
    assert!(matches!(store.verify_audit()?, Verification::Intact { len, .. } if len == n));
    Ok(())
}
