//! Backups and restores: a consistent encrypted copy while another process writes; a restore
//! checks the copy before it replaces anything and keeps the file it replaces.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::mpsc;

use dalil_store::{NoteId, Passphrase, Store};

use super::common::*;

#[test]
fn a_backup_is_consistent_and_encrypted_while_another_process_writes() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.lock()?;

    let path_arg = path.to_string_lossy().into_owned();
    let mut child = torture(&["write", &path_arg, "11", "100000"])?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{PASS}")?;
    }
    // A thread drains the writer's output all the time, so that it never waits on a full pipe
    // and keeps committing while the backup runs.
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel::<(NoteId, String)>();
    let reader = std::thread::spawn(move || -> Result<(), String> {
        let mut lines = BufReader::new(stdout).lines();
        match lines.next() {
            Some(Ok(l)) if l.starts_with("ready ") => {}
            other => return Err(format!("no ready line: {other:?}")),
        }
        for line in lines {
            let line = line.map_err(|e| e.to_string())?;
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["ack", id, sha] => {
                    let id = id.parse().map_err(|_| line.clone())?;
                    // The receiver may be gone once the test has what it needs.
                    let _ = tx.send((NoteId(id), (*sha).to_owned()));
                }
                _ => return Err(format!("unexpected line: {line}")),
            }
        }
        Ok(())
    });
    let mut acked: BTreeMap<NoteId, String> = BTreeMap::new();
    while acked.len() < 100 {
        let (id, sha) = rx.recv()?;
        acked.insert(id, sha);
    }

    // This process backs up while the child keeps committing.
    let store = Store::open(&path, &pass())?;
    let backups = dir.path().join("backups");
    fs::create_dir(&backups)?;
    let dest = backups.join("cases-backup.db");
    acked.extend(rx.try_iter());
    let acked_before = acked.clone();
    let head = store.backup_to(&dest)?;
    acked.extend(rx.try_iter());
    let acked_right_after = acked.len();
    // Let the writer go on a little longer, then kill it.
    while acked.len() < acked_right_after + 50 {
        let (id, sha) = rx.recv()?;
        acked.insert(id, sha);
    }
    child.kill()?;
    child.wait()?;
    reader.join().map_err(|_| "reader panicked")??;
    acked.extend(rx.try_iter());
    assert_eq!(code(&store.backup_to(&dest)), "already-exists");
    store.lock()?;
    let names: Vec<_> = snapshot(&backups)?.into_keys().collect();
    assert_eq!(names, ["cases-backup.db", "cases-backup.db.keycheck"]);

    let bytes = fs::read(&dest)?;
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "the backup is encrypted"
    );
    assert_eq!(
        code(&Store::open(&dest, &Passphrase::from("wrong"))),
        "wrong-passphrase",
        "the backup has its key check"
    );
    let backup = Store::open(&dest, &pass())?;
    backup.check()?;
    assert_eq!(
        backup.audit_entries(head.seq - 1, 1)?[0].hash_hex,
        head.hash_hex
    );
    let notes = backup.notes(case)?;
    let in_backup: BTreeMap<NoteId, String> =
        notes.iter().map(|n| (n.id, sha256_hex(&n.text))).collect();
    for (id, sha) in &acked_before {
        assert_eq!(
            in_backup.get(id),
            Some(sha),
            "note {id} acknowledged before the backup"
        );
    }
    for (id, sha) in &in_backup {
        if let Some(acked_sha) = acked.get(id) {
            assert_eq!(acked_sha, sha);
        }
    }
    println!(
        "backup taken during writes: {} notes in the backup; {} acknowledged when it began, {} \
         when it returned, {} in all",
        in_backup.len(),
        acked_before.len(),
        acked_right_after,
        acked.len()
    );

    Ok(())
}

fn note_texts(
    path: &Path,
    passphrase: &Passphrase,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let store = Store::open(path, passphrase)?;
    let case = store.list_cases(&Default::default())?[0].id;
    let texts = store.notes(case)?.into_iter().map(|n| n.text).collect();
    store.lock()?;
    Ok(texts)
}

#[test]
fn restore_checks_first_replaces_atomically_and_keeps_the_old_file() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.add_note(case, None, "in the backup")?;
    let backup = dir.path().join("backup.db");
    store.backup_to(&backup)?;
    store.add_note(case, None, "after the backup")?;
    store.lock()?;

    let outcome = Store::restore(&backup, &path, &pass())?;
    let kept = dir.path().join("cases.db.before-restore");
    assert_eq!(outcome.previous.as_deref(), Some(kept.as_path()));
    assert_eq!(note_texts(&path, &pass())?, ["in the backup"]);
    assert_eq!(
        note_texts(&kept, &pass())?,
        ["in the backup", "after the backup"]
    );

    // A second restore keeps the first kept file too.
    let outcome = Store::restore(&backup, &path, &pass())?;
    assert_eq!(
        outcome.previous.as_deref(),
        Some(dir.path().join("cases.db.before-restore-2").as_path())
    );
    assert!(kept.exists());
    // No temporary file is left behind.
    let names: Vec<_> = snapshot(dir.path())?.into_keys().collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");

    // Restoring where there is no file yet.
    let fresh = dir.path().join("elsewhere").join("cases.db");
    fs::create_dir(dir.path().join("elsewhere"))?;
    let outcome = Store::restore(&backup, &fresh, &pass())?;
    assert_eq!(outcome.previous, None);
    assert_eq!(note_texts(&fresh, &pass())?, ["in the backup"]);
    Ok(())
}

#[test]
fn restore_refuses_a_bad_backup_and_changes_nothing() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    for i in 0..30 {
        store.add_note(case, None, &format!("note {i} {}", "x".repeat(500)))?;
    }
    let backups = dir.path().join("backups");
    fs::create_dir(&backups)?;
    let good = backups.join("good.db");
    store.backup_to(&good)?;
    store.lock()?;
    let before = snapshot(dir.path())?;

    // Wrong passphrase.
    let r = Store::restore(&good, &path, &Passphrase::from("wrong"));
    assert_eq!(code(&r), "wrong-passphrase");
    assert_eq!(snapshot(dir.path())?, before);

    // A flipped byte in a page.
    let flipped = backups.join("flipped.db");
    let mut bytes = fs::read(&good)?;
    let at = bytes.len() - 3000;
    bytes[at] ^= 0x10;
    fs::write(&flipped, &bytes)?;
    fs::copy(
        with_suffix(&good, ".keycheck"),
        with_suffix(&flipped, ".keycheck"),
    )?;
    let r = Store::restore(&flipped, &path, &pass());
    assert_eq!(code(&r), "damaged");
    assert_eq!(snapshot(dir.path())?, before);

    // A truncated copy.
    let cut = backups.join("cut.db");
    fs::write(&cut, &fs::read(&good)?[..8192])?;
    let r = Store::restore(&cut, &path, &pass());
    assert_eq!(code(&r), "damaged");
    assert_eq!(snapshot(dir.path())?, before);

    // A copy whose audit log was tampered with.
    let tampered = backups.join("tampered.db");
    fs::copy(&good, &tampered)?;
    {
        let conn = raw_conn(&tampered, PASS)?;
        conn.execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET action = 'case.close' WHERE seq = 5;",
        )?;
    }
    let r = Store::restore(&tampered, &path, &pass());
    assert_eq!(code(&r), "audit-broken");
    assert_eq!(snapshot(dir.path())?, before);
    Ok(())
}
