//! Power loss: the store's files as a power cut would leave them, at hundreds of points during
//! note saves, drafts, step changes, a lock and reopen, and a passphrase change.
//!
//! SIGKILL (`store::kill`) leaves the kernel's page cache intact; a power cut does not. Here
//! the store runs a scripted session once, through the recording VFS of
//! `dalil-store-powerloss` (registered as this binary's default VFS, so the store needs no
//! hook), which logs every write, truncation, sync and deletion of the store's files, and
//! every change of the key check, which the store writes without SQLite. Then, for each cut
//! point, the files are rebuilt as the disk would hold them had the power failed there: each
//! file as of its last sync, plus each later write either lost, kept or torn at a 512-byte
//! sector boundary, each later truncation lost or kept, files never synced possibly gone,
//! unsynced deletions possibly undone, the `-shm` gone or zeroed, and the key check as of its
//! last completed replacement (or the one in flight). The real store opens the rebuilt copy,
//! and must find: the file opens (with the old or the new passphrase while a change is in
//! flight, the new one once it was acknowledged), `Store::check` passes
//! (`cipher_integrity_check`, `integrity_check`, the audit chain), and every acknowledged
//! note, draft and step state holds its acknowledged value (or the value of the one change in
//! flight at the cut).
//!
//! The seed is printed; `DALIL_POWERLOSS_CUTS` and `DALIL_POWERLOSS_SEED` (read by this test
//! only) run more cut points or other random choices (docs/testing.md).

#[path = "store/common.rs"]
#[allow(dead_code)]
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use dalil_store::{CaseId, Passphrase, StepState, Store, StoreError};
use dalil_store_powerloss::{Event, Recording};

use common::*;

const SEED: u64 = 0x5EED_0018;
/// Cut points of the default run.
const CUTS: usize = 240;
/// The sector size a torn write keeps a whole number of.
const SECTOR: usize = 512;
const NEW_PASS: &str = "a new passphrase after the change";
const DB: &str = "cases.db";
const KEYCHECK: &str = "cases.db.keycheck";
const STEPS: [&str; 5] = ["intake", "interview", "medical", "referral", "closure"];

/// What the store holds about one thing the session changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Note(i64),
    Step(String),
    Draft(Option<String>),
}

/// Every key's value (a note's or draft's text digest, a step's state and reason); a key
/// that is absent has no value.
type Model = BTreeMap<Key, String>;

/// One store call of the session: the log positions before it started and when it
/// returned, and what it changed.
struct Call {
    what: &'static str,
    start: usize,
    end: usize,
    effects: Vec<(Key, Option<String>)>,
    /// Whether the call was the passphrase change.
    rekey: bool,
}

/// The session as recorded.
struct Session {
    before: Model,
    calls: Vec<Call>,
    events: Vec<Event>,
    /// The store's files when the recording started (all durable then).
    initial: BTreeMap<String, Vec<u8>>,
    case: CaseId,
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn step_value(state: StepState, reason: Option<&str>) -> String {
    format!("{state:?}|{}", reason.unwrap_or(""))
}

/// Synthetic note text of about `len` bytes; no real case data.
fn text(rng: &mut fastrand::Rng, len: usize) -> String {
    let words = [
        "seen", "form", "signed", "called", "visit", "office", "رقم", "ملف", "حالة",
    ];
    let mut out = String::new();
    while out.len() < len {
        out.push_str(words[rng.usize(..words.len())]);
        out.push(' ');
    }
    out.push_str(&rng.u64(..).to_string());
    out
}

/// Runs the session's store calls, recording the file system underneath.
fn record_session(
    dir: &Path,
    rng: &mut fastrand::Rng,
) -> Result<Session, Box<dyn std::error::Error>> {
    // Before the first connection: a file opened earlier would bypass the recording VFS.
    dalil_store_powerloss::install();
    let (path, mut store) = new_store(dir)?;
    let case = sample_case(&mut store)?;
    let mut before = Model::new();
    let first = text(rng, 200);
    let id = store.add_note(case, None, &first)?;
    before.insert(Key::Note(id.0), sha256_hex(&first));
    store.lock()?;
    let mut store = Store::open(&path, &pass())?;

    let initial = contents(dir)?
        .into_iter()
        .filter(|(name, _)| name.starts_with(DB) && !name.ends_with("-shm"))
        .collect();
    let recording = Recording::start(dir, &[KEYCHECK])?;
    let mut calls = Vec::new();
    let mut notes: Vec<i64> = vec![id.0];
    let mut current = pass();

    // A call: `$what`, the expression, and how its result maps to effects.
    macro_rules! call {
        ($what:expr, $rekey:expr, $body:expr) => {{
            let start = recording.position();
            let effects = $body;
            let end = recording.position();
            calls.push(Call {
                what: $what,
                start,
                end,
                effects,
                rekey: $rekey,
            });
        }};
    }

    for round in 0..2 {
        for i in 0..22 {
            let step = (i % 3 != 0).then(|| STEPS[rng.usize(..STEPS.len())].to_owned());
            match i % 6 {
                0 | 3 => {
                    // Mostly short notes, some longer than a page.
                    let len = if rng.u8(..4) == 0 {
                        6000
                    } else {
                        40 + rng.usize(..400)
                    };
                    let t = text(rng, len);
                    call!("add_note", false, {
                        let id = store.add_note(case, step.as_deref(), &t)?;
                        notes.push(id.0);
                        vec![
                            (Key::Note(id.0), Some(sha256_hex(&t))),
                            (Key::Draft(step.clone()), None),
                        ]
                    });
                }
                1 => {
                    let len = 30 + rng.usize(..300);
                    let t = text(rng, len);
                    call!("save_draft", false, {
                        store.save_draft(case, step.as_deref(), &t)?;
                        vec![(Key::Draft(step.clone()), Some(sha256_hex(&t)))]
                    });
                }
                2 | 5 => {
                    let step = STEPS[rng.usize(..STEPS.len())];
                    let (state, reason) = match rng.u8(..4) {
                        0 => (StepState::Done, None),
                        1 => (StepState::Pending, None),
                        2 => (StepState::Blocked, Some("waiting for a document")),
                        _ => (StepState::NotApplicable, Some("does not apply")),
                    };
                    call!("set_step_state", false, {
                        store.set_step_state(case, step, state, reason)?;
                        vec![(Key::Step(step.to_owned()), Some(step_value(state, reason)))]
                    });
                }
                _ => {
                    let note = notes[rng.usize(..notes.len())];
                    let len = 50 + rng.usize(..900);
                    let t = text(rng, len);
                    call!("edit_note", false, {
                        store.edit_note(dalil_store::NoteId(note), &t)?;
                        vec![(Key::Note(note), Some(sha256_hex(&t)))]
                    });
                }
            }
        }
        if round == 0 {
            // The app locks and unlocks: the WAL is checkpointed and deleted, then made anew.
            call!("lock and reopen", false, {
                store.lock()?;
                store = Store::open(&path, &current)?;
                Vec::new()
            });
            call!("change_passphrase", true, {
                let new = Passphrase::from(NEW_PASS);
                store.change_passphrase(&current, &new)?;
                current = new;
                Vec::new()
            });
        }
    }
    call!("lock", false, {
        store.lock()?;
        Vec::new()
    });
    let events = recording.finish();
    Ok(Session {
        before,
        calls,
        events,
        initial,
        case,
    })
}

/// One file as the replay goes through the log.
#[derive(Default)]
struct FileState {
    /// Its durable content, or `None` when it does not durably exist.
    durable: Option<Vec<u8>>,
    /// Whether the program sees it (created and not deleted).
    live: bool,
    /// Writes and truncations since the last sync.
    pending: Vec<Pending>,
    /// What a deletion without a folder sync may leave behind after all.
    undeleted: Option<Vec<u8>>,
}

enum Pending {
    Write(u64, Vec<u8>),
    Truncate(u64),
}

fn apply(file: &mut Vec<u8>, op: &Pending, keep: usize) {
    match op {
        Pending::Write(offset, data) => {
            // A torn write keeps its first `keep` bytes; the rest of its range keeps the old
            // bytes, or zeros past the old end: the file's length (metadata) covers the whole
            // write, as a block that was allocated but not fully written reads back.
            let offset = usize::try_from(*offset).unwrap_or(usize::MAX);
            if file.len() < offset + data.len() {
                file.resize(offset + data.len(), 0);
            }
            file[offset..offset + keep].copy_from_slice(&data[..keep]);
        }
        Pending::Truncate(size) => file.resize(usize::try_from(*size).unwrap_or(0), 0),
    }
}

/// What becomes of each unsynced change: chosen at random for a power cut, or, without a
/// random source, everything kept (the files as the program left them).
struct Fate(Option<fastrand::Rng>);

impl Fate {
    /// A one-in-`n` chance of the unlucky outcome; never without a random source.
    fn chance(&mut self, n: u8) -> bool {
        self.0.as_mut().is_some_and(|rng| rng.u8(..n) == 0)
    }

    /// How many bytes of an unsynced write of `len` bytes reach the disk: none, all, or (torn)
    /// a whole number of sectors, fewer than all of them.
    fn kept(&mut self, len: usize) -> usize {
        match self.0.as_mut().map(|rng| rng.u8(..3)) {
            None | Some(1) => len,
            Some(0) => 0,
            Some(_) => self.0.as_mut().map_or(len, |rng| {
                rng.usize(..=len.saturating_sub(1) / SECTOR) * SECTOR
            }),
        }
    }
}

/// The files on disk after a power cut before event `cut`, with the lost and torn writes
/// chosen by `rng`. Also counts the writes lost or torn.
fn rebuild(session: &Session, cut: usize, fate: &mut Fate) -> (BTreeMap<String, Vec<u8>>, usize) {
    let mut files: BTreeMap<String, FileState> = session
        .initial
        .iter()
        .map(|(name, bytes)| {
            let state = FileState {
                durable: Some(bytes.clone()),
                live: true,
                ..FileState::default()
            };
            (name.clone(), state)
        })
        .collect();
    let mut keycheck = session.initial.get(KEYCHECK).cloned();
    for event in &session.events[..cut] {
        let f = files.entry(event.file().to_owned()).or_default();
        match event {
            Event::Create { .. } => {
                f.live = true;
                f.pending.clear();
                f.undeleted = None;
            }
            Event::Write { offset, data, .. } => {
                f.pending.push(Pending::Write(*offset, data.clone()))
            }
            Event::Truncate { size, .. } => f.pending.push(Pending::Truncate(*size)),
            Event::Sync { .. } => {
                let mut bytes = f.durable.take().unwrap_or_default();
                for op in f.pending.drain(..) {
                    let keep = match &op {
                        Pending::Write(_, d) => d.len(),
                        Pending::Truncate(_) => 0,
                    };
                    apply(&mut bytes, &op, keep);
                }
                f.durable = Some(bytes);
                f.undeleted = None;
            }
            Event::Delete { dir_sync, .. } => {
                f.undeleted = if *dir_sync { None } else { f.durable.take() };
                f.durable = None;
                f.pending.clear();
                f.live = false;
            }
            Event::Side { content, .. } => keycheck = content.clone(),
        }
    }
    // A key check replacement that had not returned when the power failed: its rename may
    // or may not have reached the disk.
    if let Some(Event::Side { content, .. }) = session.events.get(cut) {
        if fate.chance(2) {
            keycheck = content.clone();
        }
    }
    let mut out = BTreeMap::new();
    let mut lost = 0;
    for (name, f) in files {
        if name == KEYCHECK {
            continue;
        }
        let bytes = if !f.live {
            f.undeleted.filter(|_| fate.chance(2))
        } else {
            match f.durable {
                Some(b) => Some(b),
                // Made but never synced: its folder entry may be lost too.
                None if fate.chance(3) => None,
                None => Some(Vec::new()),
            }
        };
        let Some(mut bytes) = bytes else {
            lost += f.pending.len();
            continue;
        };
        if f.live {
            for op in &f.pending {
                let keep = match op {
                    Pending::Write(_, d) => fate.kept(d.len()),
                    Pending::Truncate(_) => usize::from(!fate.chance(2)),
                };
                match op {
                    Pending::Write(_, d) if keep < d.len() => lost += 1,
                    Pending::Truncate(_) if keep == 0 => lost += 1,
                    _ => {}
                }
                if keep > 0 {
                    apply(&mut bytes, op, keep);
                }
            }
        }
        out.insert(name, bytes);
    }
    if let Some(k) = keycheck {
        out.insert(KEYCHECK.to_owned(), k);
    }
    // The `-shm` is shared memory SQLite rebuilds from the WAL: gone, or stale (zeroed).
    if fate.chance(2) {
        out.insert(format!("{DB}-shm"), vec![0; 32 * 1024]);
    }
    (out, lost)
}

/// What one cut found.
struct Found {
    acked: usize,
    lost: Vec<String>,
    torn: usize,
}

/// Rebuilds the files at `cut`, opens them with the real store and checks them.
fn check_cut(session: &Session, cut: usize, seed: u64) -> Result<Found, String> {
    let (files, torn) = rebuild(
        session,
        cut,
        &mut Fate(Some(fastrand::Rng::with_seed(seed))),
    );
    let dir = tempdir().map_err(|e| e.to_string())?;
    for (name, bytes) in &files {
        fs::write(dir.path().join(name), bytes).map_err(|e| e.to_string())?;
    }
    let path = dir.path().join(DB);

    let mut acked_model = session.before.clone();
    let mut in_flight: Option<&Call> = None;
    let mut acked = 0;
    let mut rekey_acked = false;
    let mut rekey_started = false;
    for call in &session.calls {
        if call.end <= cut {
            for (k, v) in &call.effects {
                match v {
                    Some(v) => acked_model.insert(k.clone(), v.clone()),
                    None => acked_model.remove(k),
                };
            }
            acked += usize::from(!call.effects.is_empty() || call.rekey);
            rekey_acked |= call.rekey;
        } else if call.start < cut {
            in_flight = Some(call);
        }
        rekey_started |= call.rekey && call.start < cut;
    }
    let passphrases: &[&str] = if rekey_acked {
        &[NEW_PASS]
    } else if rekey_started {
        &[PASS, NEW_PASS]
    } else {
        &[PASS]
    };
    let doing = in_flight.map_or("between calls", |c| c.what);
    let mut opened = None;
    for p in passphrases {
        match Store::open(&path, &Passphrase::from(*p)) {
            Ok(store) => {
                opened = Some(store);
                break;
            }
            // What a person would do: try the other passphrase.
            Err(StoreError::WrongPassphrase | StoreError::PassphraseChangeInterrupted) => continue,
            Err(e) => return Err(format!("cut {cut} ({doing}): open failed: {}", e.code())),
        }
    }
    let store = opened.ok_or_else(|| format!("cut {cut} ({doing}): no passphrase opens it"))?;
    store
        .check()
        .map_err(|e| format!("cut {cut} ({doing}): check failed: {}", e.code()))?;

    let mut actual = Model::new();
    let read = |e: StoreError| format!("cut {cut} ({doing}): read failed: {}", e.code());
    for n in store.notes(session.case).map_err(read)? {
        actual.insert(Key::Note(n.id.0), sha256_hex(&n.text));
    }
    for s in store.step_states(session.case).map_err(read)? {
        actual.insert(
            Key::Step(s.step_id),
            step_value(s.state, s.reason.as_deref()),
        );
    }
    for d in store.drafts_for_case(session.case).map_err(read)? {
        actual.insert(Key::Draft(d.step), sha256_hex(&d.text));
    }
    store.lock().map_err(read)?;

    // Each key holds its acknowledged value, or the value the call in flight gives it.
    let mut lost = Vec::new();
    let mut keys: Vec<&Key> = acked_model.keys().chain(actual.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let have = actual.get(key);
        if have == acked_model.get(key) {
            continue;
        }
        let in_flight_value = in_flight.and_then(|c| c.effects.iter().find(|(k, _)| k == key));
        if let Some((_, v)) = in_flight_value {
            if have == v.as_ref() {
                continue;
            }
        }
        lost.push(format!("cut {cut} ({doing}): {key:?} lost or changed"));
    }
    Ok(Found { acked, lost, torn })
}

/// The cut points: just before and just after every sync, every side-file change and every
/// call's return, then evenly spread between writes, `count` in all (repeating points, with
/// other random choices, when `count` is more than the log has).
fn cut_points(events: &[Event], calls: &[Call], count: usize) -> Vec<usize> {
    let mut key: Vec<usize> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if matches!(
            e,
            Event::Sync { .. } | Event::Side { .. } | Event::Delete { .. }
        ) {
            key.extend([i, i + 1]);
        }
    }
    key.extend(calls.iter().map(|c| c.end));
    key.sort_unstable();
    key.dedup();
    let mut out: Vec<usize> = if key.len() > count {
        (0..count).map(|i| key[i * key.len() / count]).collect()
    } else {
        key
    };
    let all = events.len() + 1;
    let mut i = 0;
    while out.len() < count {
        out.push((i * 7919 + 3) % all);
        i += 1;
    }
    out
}

#[test]
fn power_cut_at_any_point_loses_no_acknowledged_write() -> TestResult {
    let seed = env_or("DALIL_POWERLOSS_SEED", SEED);
    let count = env_or("DALIL_POWERLOSS_CUTS", CUTS);
    println!("power loss seed: {seed:#x}");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempdir()?;
    let session = record_session(dir.path(), &mut rng)?;
    let syncs = session
        .events
        .iter()
        .filter(|e| matches!(e, Event::Sync { .. }))
        .count();
    println!(
        "power loss: {} calls recorded as {} events ({syncs} syncs)",
        session.calls.len(),
        session.events.len()
    );
    if std::env::var_os("DALIL_POWERLOSS_LOG").is_some() {
        for (i, e) in session.events.iter().enumerate() {
            let d = match e {
                Event::Write { offset, data, .. } => format!("write {offset} {}", data.len()),
                Event::Truncate { size, .. } => format!("truncate {size}"),
                Event::Sync { .. } => "sync".into(),
                Event::Create { .. } => "create".into(),
                Event::Delete { dir_sync, .. } => format!("delete {dir_sync}"),
                Event::Side { .. } => "side".into(),
            };
            println!("{i} {} {d}", e.file());
        }
        for c in &session.calls {
            println!("call {} {} {}", c.what, c.start, c.end);
        }
    }
    // The log misses nothing: replayed to its end with every write kept, it gives the files
    // the session left on disk.
    let (replayed, _) = rebuild(&session, session.events.len(), &mut Fate(None));
    let on_disk: BTreeMap<String, Vec<u8>> = contents(dir.path())?
        .into_iter()
        .filter(|(name, _)| name.starts_with(DB))
        .collect();
    assert!(
        replayed == on_disk,
        "the replayed log differs from the files on disk: {:?} against {:?}",
        replayed.keys().collect::<Vec<_>>(),
        on_disk.keys().collect::<Vec<_>>()
    );

    let cuts = cut_points(&session.events, &session.calls, count);
    // Where the cuts fall: inside which call, or between calls.
    let mut during: BTreeMap<&str, usize> = BTreeMap::new();
    for &cut in &cuts {
        let call = session.calls.iter().find(|c| c.start < cut && cut < c.end);
        *during
            .entry(call.map_or("between calls", |c| c.what))
            .or_default() += 1;
    }
    println!("power loss: cut points {during:?}");
    let seeds: Vec<(usize, u64)> = cuts.iter().map(|&c| (c, rng.u64(..))).collect();

    // Two workers: each cut costs a key derivation.
    let results: Vec<Result<Found, String>> = std::thread::scope(|s| {
        let (a, b) = seeds.split_at(seeds.len() / 2);
        let session = &session;
        let run = move |part: &[(usize, u64)]| {
            part.iter()
                .map(|&(cut, seed)| check_cut(session, cut, seed))
                .collect::<Vec<_>>()
        };
        let first = s.spawn(move || run(a));
        let mut second = run(b);
        let mut out = first
            .join()
            .unwrap_or_else(|_| vec![Err("a worker panicked".into())]);
        out.append(&mut second);
        out
    });

    let mut failures = Vec::new();
    let (mut acked, mut lost, mut torn) = (0, 0, 0);
    for r in results {
        match r {
            Ok(found) => {
                acked += found.acked;
                lost += found.lost.len();
                torn += found.torn;
                failures.extend(found.lost);
            }
            Err(e) => failures.push(e),
        }
    }
    println!(
        "power loss: {} cut points, {acked} acknowledged writes checked, {lost} lost; \
         {torn} unsynced writes dropped or torn",
        cuts.len()
    );
    for f in failures.iter().take(20) {
        println!("  {f}");
    }
    assert!(
        failures.is_empty(),
        "{} failures (first: {:?})",
        failures.len(),
        failures.first()
    );
    assert!(cuts.len() >= 200.min(count), "too few cut points");
    for what in [
        "add_note",
        "edit_note",
        "save_draft",
        "set_step_state",
        "change_passphrase",
    ] {
        assert!(
            during.get(what).copied().unwrap_or(0) >= 5.min(count),
            "fewer than 5 cut points inside {what}"
        );
    }
    assert!(acked > 0 && torn > 0, "the test exercised nothing");
    Ok(())
}
