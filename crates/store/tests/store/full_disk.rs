//! A full disk (issue #18): the case file and a backup's destination on a small tmpfs that
//! fills up. A save that does not fit is refused with `DiskFull`; every save acknowledged
//! before is there, word for word, and the file checks; once space is freed, work goes on.
//! (The attach on a full disk is in `evidence.rs`; the CLI's wording is checked in
//! `tests/integration/full_disk.rs`.)

use std::fs;

use dalil_store::{NoteId, Store};

use super::common::*;

/// A note's text, different for each `i`, about 1.5 KB, mostly Arabic.
fn note_text(i: usize) -> String {
    format!(
        "ملاحظة {i}: {}",
        "وصلت الضحية إلى الميناء مع مترجم، وجواز سفرها لدى صاحب العمل. ".repeat(20)
    )
}

#[test]
fn saves_on_a_full_disk_are_refused_and_nothing_acknowledged_is_lost() -> TestResult {
    let disk = SmallDisk::new("4m");
    let (path, mut store) = new_store(disk.path())?;
    let case = sample_case(&mut store)?;
    let filler = disk.fill(256 << 10);

    let mut saved: Vec<(NoteId, String)> = Vec::new();
    let refused = loop {
        let text = note_text(saved.len());
        match store.add_note(case, None, &text) {
            Ok(note) => saved.push((note, text)),
            Err(e) => break e,
        }
        assert!(saved.len() < 10_000, "the disk never filled");
    };
    assert_eq!(refused.code(), "disk-full", "{refused:?}");
    assert!(!saved.is_empty(), "no note fitted in the space left");
    // A second try on the full disk is refused the same way and changes nothing.
    let again = store.add_note(case, None, "one more");
    assert_eq!(code(&again), "disk-full");
    assert_eq!(store.notes(case)?.len(), saved.len());
    drop(store);

    // Opened again with the disk still full: every acknowledged note, word for word.
    let store = Store::open(&path, &pass())?;
    let notes = store.notes(case)?;
    assert_eq!(notes.len(), saved.len());
    for (id, text) in &saved {
        assert_eq!(&store.note(*id)?.text, text, "note {id:?}");
    }
    drop(store);

    // Space freed: the file checks, and work goes on.
    fs::remove_file(&filler)?;
    let mut store = Store::open(&path, &pass())?;
    store.check()?;
    let after = store.add_note(case, None, "written after space was freed")?;
    assert_eq!(store.note(after)?.text, "written after space was freed");
    assert_eq!(store.notes(case)?.len(), saved.len() + 1);
    store.check()?;
    store.lock()?;
    Ok(())
}

/// A backup to a disk with too little room, for each of several amounts of room left: it is
/// refused with `DiskFull` and leaves nothing at the destination (no backup, no key check, no
/// temporary file), or, where it fits, it is whole and opens. The case file is untouched.
#[test]
fn a_backup_to_a_full_disk_is_refused_and_leaves_nothing() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    for i in 0..200 {
        store.add_note(case, None, &note_text(i))?;
    }
    store.checkpoint()?;
    let db_len = fs::metadata(&path)?.len();
    let before = fs::read(&path)?;

    let mut refusals = 0;
    // Room from none to a little more than the file in steps of a tenth of it, then page by
    // page around the file's size: the copy does not fit, the copy fits but its `-shm` (made
    // when the copy is checked) does not (issue #18), the key check does not, all fit.
    let page = 4096;
    let tenths = (0..=12).map(|k| db_len * k / 10);
    let around = (0..8).map(|j| db_len - 2 * page + j * page);
    for leave in tenths.chain(around) {
        let disk = SmallDisk::new("4m");
        let filler = disk.fill(leave);
        let dest = disk.path().join("backup.db");
        let result = store.backup_to(&dest);
        println!("backup with {leave} of {db_len} bytes free: {result:?}");
        let mut left: Vec<String> = fs::read_dir(disk.path())?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()?;
        left.sort();
        if let Err(e) = result {
            refusals += 1;
            assert_eq!(e.code(), "disk-full", "leave {leave}: {e:?}");
            assert_eq!(left, ["filler"], "leave {leave}: left behind");
            // After space is freed the same backup goes through.
            fs::remove_file(&filler)?;
            store.backup_to(&dest)?;
        }
        let backup = Store::open(&dest, &pass())?;
        backup.check()?;
        assert_eq!(backup.notes(case)?.len(), 200);
        drop(backup);
    }
    assert!(refusals > 0, "no step filled the disk");
    assert!(fs::read(&path)? == before, "the case file changed");
    store.check()?;
    Ok(())
}

/// Issue #18: SQLite makes the `-shm` file when a case file in WAL mode is opened, and on a
/// full disk growing it fails as `SQLITE_IOERR_SHMSIZE`, not `SQLITE_FULL`. That was reported
/// as an unexplained IO error; it is a full disk.
#[test]
fn issue_18_opening_a_case_file_on_a_full_disk_says_the_disk_is_full() -> TestResult {
    let disk = SmallDisk::new("4m");
    let (path, mut store) = new_store(disk.path())?;
    let case = sample_case(&mut store)?;
    store.add_note(case, None, "written before the disk filled")?;
    store.lock()?;
    let filler = disk.fill(0);
    let opened = Store::open(&path, &pass());
    assert_eq!(code(&opened), "disk-full", "{:?}", opened.err());
    fs::remove_file(&filler)?;
    let store = Store::open(&path, &pass())?;
    assert_eq!(store.notes(case)?[0].text, "written before the disk filled");
    store.check()?;
    store.lock()?;
    Ok(())
}
