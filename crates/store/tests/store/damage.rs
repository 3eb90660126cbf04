//! Damage: random truncations and random bit flips of a closed store. A truncation must give
//! `damaged`; a flip must be detected (on open, on reading the page, or by the full check),
//! and no read may ever return a note that differs from what was written.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use dalil_store::{CaseFilter, NoteId, StepState, Store, StoreError};

use super::common::*;

const SEED: u64 = 0xDA_3A6E;
const TRUNCATIONS: usize = 100;
const FLIPS: usize = 100;

/// Every note's revisions, as written.
type Expected = BTreeMap<NoteId, Vec<Option<String>>>;

/// A small store with several cases, notes of varied sizes (some over a page), revisions,
/// facts and steps. Returns every note's revisions.
fn build(dir: &Path) -> Result<Expected, Box<dyn std::error::Error>> {
    let (_path, mut store) = new_store(dir)?;
    let mut rng = fastrand::Rng::with_seed(SEED ^ 1);
    for c in 0..5 {
        let case = store.create_case(&new_case(&format!("REF-{c}")))?;
        store.set_facts(case, &[("victim-minor", "yes"), ("route", "north")])?;
        for s in 0..10 {
            store.set_step_state(case, &format!("s-{s}"), StepState::Done, None)?;
        }
        for n in 0..12 {
            let len = rng.usize(10..6000);
            let text: String = (0..len).map(|_| rng.alphanumeric()).collect();
            let note = store.add_note(case, (n % 2 == 0).then_some("s-1"), &text)?;
            if n % 4 == 0 {
                store.edit_note(note, &format!("{text} (edited {n})"))?;
            }
        }
    }
    let mut expected = BTreeMap::new();
    for case in store.list_cases(&CaseFilter::default())? {
        for note in store.notes(case.id)? {
            let revs = store.note_revisions(note.id)?;
            expected.insert(note.id, revs.into_iter().map(|r| r.text).collect());
        }
    }
    store.lock()?;
    Ok(expected)
}

/// Reads every note and revision; an error (which must be `damaged`) or exactly what was
/// written.
fn read_all(store: &Store, expected: &Expected) -> Result<(), StoreError> {
    let mut seen = 0;
    for case in store.list_cases(&CaseFilter::default())? {
        store.facts(case.id)?;
        store.step_states(case.id)?;
        store.history(case.id)?;
        for note in store.notes(case.id)? {
            let revs: Vec<Option<String>> = store
                .note_revisions(note.id)?
                .into_iter()
                .map(|r| r.text)
                .collect();
            let want = expected.get(&note.id);
            assert_eq!(Some(&revs), want, "note {} silently changed", note.id);
            assert_eq!(
                want.and_then(|w| w.last().cloned().flatten()),
                Some(note.text),
                "note {} silently changed",
                note.id
            );
            seen += 1;
        }
    }
    assert_eq!(seen, expected.len(), "notes silently missing");
    Ok(())
}

fn damaged_copy(
    base: &Path,
    work: &Path,
    damage: impl FnOnce(&mut Vec<u8>),
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let _ = fs::remove_dir_all(work);
    fs::create_dir_all(work)?;
    let path = copy_store(base, work)?;
    let mut bytes = fs::read(&path)?;
    damage(&mut bytes);
    fs::write(&path, &bytes)?;
    Ok(path)
}

#[test]
fn random_truncations_are_reported_as_damaged() -> TestResult {
    println!("truncation test seed: {SEED:#x}");
    let dir = tempdir()?;
    let base_dir = dir.path().join("base");
    fs::create_dir(&base_dir)?;
    build(&base_dir)?;
    let base = base_dir.join("cases.db");
    let len = fs::metadata(&base)?.len() as usize;
    let mut rng = fastrand::Rng::with_seed(SEED);
    let work = dir.path().join("work");
    for i in 0..TRUNCATIONS {
        // Some cuts on page boundaries, which leave a file of whole pages.
        let cut = if i % 4 == 0 {
            rng.usize(0..len / 4096) * 4096
        } else {
            rng.usize(0..len)
        };
        let path = damaged_copy(&base, &work, |b| b.truncate(cut))?;
        let before = snapshot(&work)?;
        let opened = Store::open(&path, &pass());
        assert_eq!(
            code(&opened),
            "damaged",
            "truncation to {cut} of {len} bytes"
        );
        assert_eq!(snapshot(&work)?, before, "a failed open changed the files");
    }
    println!("{TRUNCATIONS} truncations of a {len}-byte file: all reported as damaged");
    Ok(())
}

#[test]
fn random_bit_flips_are_detected_and_never_change_a_note_silently() -> TestResult {
    println!("bit flip test seed: {SEED:#x}");
    let dir = tempdir()?;
    let base_dir = dir.path().join("base");
    fs::create_dir(&base_dir)?;
    let expected = build(&base_dir)?;
    let base = base_dir.join("cases.db");
    let len = fs::metadata(&base)?.len() as usize;
    let mut rng = fastrand::Rng::with_seed(SEED);
    let work = dir.path().join("work");
    let (mut on_open, mut on_read, mut by_check) = (0, 0, 0);
    for _ in 0..FLIPS {
        let at = rng.usize(0..len);
        let bit = 1u8 << rng.u8(0..8);
        let path = damaged_copy(&base, &work, |b| b[at] ^= bit)?;
        let store = match Store::open(&path, &pass()) {
            Err(e) => {
                assert_eq!(e.code(), "damaged", "flip at byte {at}: {e:?}");
                on_open += 1;
                continue;
            }
            Ok(store) => store,
        };
        match read_all(&store, &expected) {
            Err(e) => {
                assert_eq!(e.code(), "damaged", "flip at byte {at}: {e:?}");
                on_read += 1;
            }
            Ok(()) => {
                // Nothing read was changed; the flip sits in a page no read touched (a free
                // page, an index page not used), and the full check must still find it.
                let checked = store.check();
                assert_eq!(
                    code(&checked),
                    "damaged",
                    "flip at byte {at} went unnoticed"
                );
                by_check += 1;
            }
        }
        store.lock()?;
    }
    println!(
        "{FLIPS} bit flips in a {len}-byte file: {on_open} refused on open, {on_read} on \
         reading the page, {by_check} by the full check; no note silently changed"
    );
    Ok(())
}
