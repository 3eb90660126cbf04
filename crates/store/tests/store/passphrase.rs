//! Passphrases: a wrong one is told apart from damage and writes nothing; a change survives a
//! SIGKILL at any point.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use dalil_store::{Passphrase, Store, Verification};

use super::common::*;

const SEED: u64 = 0x9A55_0002;
/// Notes of 512 KiB in the store whose passphrase change is interrupted.
const NOTES: usize = 12;

/// Leaves a store as a crashed writer leaves it: a `-wal` and a `-shm` beside the file.
fn crash_writer(path: &Path, acks: usize) -> TestResult {
    let path_arg = path.to_string_lossy().into_owned();
    let mut child = torture(&["write", &path_arg, "7", "100000"])?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{PASS}")?;
    }
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut seen = 0;
    for line in BufReader::new(stdout).lines() {
        if line?.starts_with("ack ") {
            seen += 1;
            if seen == acks {
                child.kill()?;
            }
        }
    }
    child.wait()?;
    Ok(())
}

#[test]
fn a_wrong_passphrase_is_its_own_error_and_changes_no_byte() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    sample_case(&mut store)?;
    store.lock()?;
    let before = snapshot(dir.path())?;
    assert_eq!(
        before.keys().cloned().collect::<Vec<_>>(),
        ["cases.db", "cases.db.keycheck"]
    );
    for wrong in ["correct horse battery stapler", "x", "كلمة السر"] {
        let r = Store::open(&path, &Passphrase::from(wrong));
        assert_eq!(code(&r), "wrong-passphrase");
        assert_eq!(
            snapshot(dir.path())?,
            before,
            "no -wal/-shm created, nothing changed"
        );
    }
    assert_eq!(
        code(&Store::open(&path, &Passphrase::from(""))),
        "empty-passphrase"
    );
    Store::open(&path, &pass())?.lock()?;
    Ok(())
}

#[test]
fn a_wrong_passphrase_after_a_crash_leaves_wal_and_shm_untouched() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    sample_case(&mut store)?;
    store.lock()?;
    crash_writer(&path, 40)?;
    let before = snapshot(dir.path())?;
    assert!(before.contains_key("cases.db-wal") && before.contains_key("cases.db-shm"));
    let r = Store::open(&path, &Passphrase::from("not it"));
    assert_eq!(code(&r), "wrong-passphrase");
    assert_eq!(
        snapshot(dir.path())?,
        before,
        "WAL recovery or checkpoint touched the files"
    );

    // A -wal without its -shm is probed on a private copy, so no -shm appears.
    fs::remove_file(dir.path().join("cases.db-shm"))?;
    let before = snapshot(dir.path())?;
    let r = Store::open(&path, &Passphrase::from("not it"));
    assert_eq!(code(&r), "wrong-passphrase");
    assert_eq!(snapshot(dir.path())?, before);

    let store = Store::open(&path, &pass())?;
    let case = store.list_cases(&Default::default())?[0].id;
    assert!(
        store.notes(case)?.len() >= 40,
        "the WAL's commits are there"
    );
    store.check()?;
    Ok(())
}

#[test]
fn without_the_key_check_the_error_says_it_cannot_tell() -> TestResult {
    let dir = tempdir()?;
    let (path, store) = new_store(dir.path())?;
    store.lock()?;
    fs::remove_file(with_suffix(&path, ".keycheck"))?;
    let before = snapshot(dir.path())?;
    let r = Store::open(&path, &Passphrase::from("wrong"));
    assert_eq!(code(&r), "wrong-passphrase-or-damaged");
    assert_eq!(snapshot(dir.path())?, before);
    // A successful unlock writes the key check again.
    Store::open(&path, &pass())?.lock()?;
    assert_eq!(
        code(&Store::open(&path, &Passphrase::from("wrong"))),
        "wrong-passphrase"
    );
    Ok(())
}

#[test]
fn a_damaged_first_page_is_damage_not_a_wrong_passphrase() -> TestResult {
    let dir = tempdir()?;
    let (path, store) = new_store(dir.path())?;
    store.lock()?;
    let mut bytes = fs::read(&path)?;
    for b in &mut bytes[100..140] {
        *b ^= 0x5a;
    }
    fs::write(&path, &bytes)?;
    let before = snapshot(dir.path())?;
    assert_eq!(code(&Store::open(&path, &pass())), "damaged");
    assert_eq!(
        code(&Store::open(&path, &Passphrase::from("wrong"))),
        "wrong-passphrase"
    );
    // The salt itself damaged: the key check's own copy of the salt still tells.
    bytes[3] ^= 1;
    fs::write(&path, &bytes)?;
    assert_eq!(code(&Store::open(&path, &pass())), "damaged");
    fs::write(&path, &bytes[..10])?;
    assert_eq!(code(&Store::open(&path, &pass())), "damaged");
    assert_eq!(snapshot(dir.path())?.len(), before.len());
    Ok(())
}

#[test]
fn changing_the_passphrase() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.add_note(case, None, "before the change")?;
    let new = Passphrase::from("a new passphrase");
    assert_eq!(
        code(&store.change_passphrase(&Passphrase::from("not the old one"), &new)),
        "wrong-passphrase"
    );
    assert_eq!(
        code(&store.change_passphrase(&pass(), &Passphrase::from(""))),
        "empty-passphrase"
    );
    store.change_passphrase(&pass(), &new)?;
    store.add_note(case, None, "after the change")?;
    store.lock()?;
    assert_eq!(code(&Store::open(&path, &pass())), "wrong-passphrase");
    let store = Store::open(&path, &new)?;
    assert_eq!(store.notes(case)?.len(), 2);
    assert!(matches!(store.verify_audit()?, Verification::Intact { .. }));
    // Stock SQLCipher agrees.
    raw_conn(&path, "a new passphrase")?;
    Ok(())
}

/// A store of a few megabytes, so that re-encrypting it takes a while.
fn build_big(dir: &Path) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let (path, mut store) = new_store(dir)?;
    let case = sample_case(&mut store)?;
    let mut rng = fastrand::Rng::with_seed(SEED);
    store.batch(|b| {
        for _ in 0..NOTES {
            let text: String = (0..512 * 1024).map(|_| rng.alphanumeric()).collect();
            b.add_note(case, None, &text)?;
        }
        Ok(())
    })?;
    store.lock()?;
    Ok(path)
}

fn run_rekey(
    path: &Path,
    kill_after: Option<Duration>,
) -> Result<Duration, Box<dyn std::error::Error>> {
    let path_arg = path.to_string_lossy().into_owned();
    let mut child = torture(&["rekey", &path_arg])?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{PASS}\nthe new passphrase")?;
    }
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    assert_eq!(lines.next().transpose()?.as_deref(), Some("ready"));
    let start = Instant::now();
    if let Some(delay) = kill_after {
        std::thread::sleep(delay);
        child.kill()?;
    }
    let rest: Vec<String> = lines.collect::<Result<_, _>>()?;
    let elapsed = start.elapsed();
    child.wait()?;
    if kill_after.is_none() {
        assert_eq!(rest, ["changed", "done"]);
    }
    Ok(elapsed)
}

#[test]
fn a_passphrase_change_killed_at_any_point_leaves_old_or_new() -> TestResult {
    println!("interrupted passphrase change seed: {SEED:#x}");
    let dir = tempdir()?;
    let base_dir = dir.path().join("base");
    fs::create_dir(&base_dir)?;
    let base = build_big(&base_dir)?;
    let new = Passphrase::from("the new passphrase");

    // One uninterrupted change, to spread the kills over its duration.
    let probe_dir = dir.path().join("probe");
    fs::create_dir(&probe_dir)?;
    let full = run_rekey(&copy_store(&base, &probe_dir)?, None)?;
    Store::open(&probe_dir.join("cases.db"), &new)?.lock()?;
    println!("an uninterrupted change took {full:?} after unlocking");

    let mut rng = fastrand::Rng::with_seed(SEED);
    // Where each kill landed: which passphrase opens the file, and how many checks the key
    // check held (two while a change is in flight).
    let mut phases: std::collections::BTreeMap<(&str, usize), usize> = Default::default();
    for round in 0..20 {
        let work = dir.path().join(format!("round-{round}"));
        fs::create_dir(&work)?;
        let path = copy_store(&base, &work)?;
        // Even rounds anywhere in the change; odd rounds later, after the two key derivations,
        // where the file and the key check are being rewritten (up to 1.6 times the measured
        // duration, since the child runs slower while other tests load the machine).
        let at = if round % 2 == 0 {
            rng.f64() * 1.1
        } else {
            0.6 + rng.f64()
        };
        let delay = full.mul_f64(at);
        run_rekey(&path, Some(delay))?;
        let sidecar = fs::read_to_string(with_suffix(&path, ".keycheck"))?;
        let checks = serde_json::from_str::<serde_json::Value>(&sidecar)?["checks"]
            .as_array()
            .map_or(0, Vec::len);
        let (store, which) = match Store::open(&path, &new) {
            Ok(store) => (store, "new"),
            Err(e) => {
                assert!(
                    matches!(
                        e.code(),
                        "wrong-passphrase" | "passphrase-change-interrupted"
                    ),
                    "round {round}: the new passphrase gave {} ({e:?})",
                    e.code()
                );
                let store = Store::open(&path, &pass()).map_err(|e| {
                    format!(
                        "round {round}: neither passphrase opens the file: {}",
                        e.code()
                    )
                })?;
                (store, "old")
            }
        };
        if let Err(e) = store.check() {
            panic!("round {round} ({which}, {checks} checks, killed {delay:?} in): {e:?}");
        }
        let case = store.list_cases(&Default::default())?[0].id;
        assert_eq!(store.notes(case)?.len(), NOTES, "round {round}");
        store.lock()?;
        *phases.entry((which, checks)).or_default() += 1;
        println!(
            "round {round}: killed {delay:?} in; key check held {checks}; opens with the {which} passphrase"
        );
        fs::remove_dir_all(&work)?;
    }
    println!("20 interrupted changes, (opens with, key checks held) -> rounds: {phases:?}");
    Ok(())
}
