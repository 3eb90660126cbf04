//! The store's benchmark (not a test): prints a table of absolute figures and ratios.
//!
//! Run with `CARGO_TARGET_DIR=/work/target-store cargo bench -p dalil-store`.
//!
//! - A durable note save (one `add_note`, committed with synchronous=FULL), p50 and p99,
//!   interleaved with a raw SQLCipher single-row insert into another file under the same
//!   pragmas, and the ratio between them.
//! - Unlock time (one key derivation, the probe, the read-write connection).
//! - At scale: a synthetic store of 10,000 cases, each with 130 step states, 5 notes and 20
//!   facts, built in one transaction per 100 cases; then listing the cases, and opening one
//!   case (case + facts + step states + notes). `DALIL_BENCH_CASES` changes the number of
//!   cases.

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use dalil_store::{
    CaseFilter, CaseId, CaseKind, CaseStatus, NewCase, Passphrase, StepState, Store, Verification,
};

const PASS: &str = "benchmark passphrase";
const SAVES: usize = 2000;
const STEPS: usize = 130;
const NOTES_PER_CASE: usize = 5;
const FACTS_PER_CASE: usize = 20;
const CASES_PER_BATCH: usize = 100;

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn row(what: &str, value: String, note: &str) {
    println!("| {what:<44} | {value:>14} | {note} |");
}

/// A raw SQLCipher database with the store's pragmas and one table.
fn raw_db(path: &Path) -> Result<rusqlite::Connection, Box<dyn Error>> {
    let conn = rusqlite::Connection::open(path)?;
    conn.pragma_update(None, "key", PASS)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);",
    )?;
    Ok(conn)
}

fn note_text(rng: &mut fastrand::Rng) -> String {
    let len = rng.usize(100..400);
    (0..len)
        .map(|i| if i % 7 == 6 { ' ' } else { rng.alphanumeric() })
        .collect()
}

fn saves(dir: &Path) -> Result<(), Box<dyn Error>> {
    let mut store = Store::create(&dir.join("saves.db"), &Passphrase::from(PASS))?;
    let case = store.create_case(&NewCase {
        reference: "BENCH-1".into(),
        title: "bench".into(),
        kind: CaseKind::Undetermined,
        sop_edition: "1".into(),
    })?;
    let raw = raw_db(&dir.join("raw.db"))?;
    let mut insert = raw.prepare("INSERT INTO t (body) VALUES (?1)")?;
    let mut rng = fastrand::Rng::with_seed(1);
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    // Warm up both files, then interleave so that both see the same disk.
    for i in 0..SAVES + 100 {
        let text = note_text(&mut rng);
        let t = Instant::now();
        store.add_note(case, (i % 2 == 0).then_some("s-1"), &text)?;
        let a = t.elapsed();
        let t = Instant::now();
        raw.execute_batch("BEGIN IMMEDIATE")?;
        insert.execute([&text])?;
        raw.execute_batch("COMMIT")?;
        let b = t.elapsed();
        if i >= 100 {
            ours.push(a);
            theirs.push(b);
        }
    }
    let (o50, o99) = (percentile(&mut ours, 0.5), percentile(&mut ours, 0.99));
    let (r50, r99) = (percentile(&mut theirs, 0.5), percentile(&mut theirs, 0.99));
    row("durable note save, p50", ms(o50), &format!("{SAVES} saves"));
    row("durable note save, p99", ms(o99), "");
    row(
        "raw SQLCipher one-row insert, p50",
        ms(r50),
        "same pragmas, same run",
    );
    row("raw SQLCipher one-row insert, p99", ms(r99), "");
    row(
        "ratio note save / raw insert, p50",
        format!("{:.2}", o50.as_secs_f64() / r50.as_secs_f64()),
        "goal <= 1.3",
    );
    row(
        "ratio note save / raw insert, p99",
        format!("{:.2}", o99.as_secs_f64() / r99.as_secs_f64()),
        "",
    );
    store.lock()?;
    Ok(())
}

fn unlock(path: &Path, what: &str) -> Result<(), Box<dyn Error>> {
    let mut samples = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let store = Store::open(path, &Passphrase::from(PASS))?;
        samples.push(t.elapsed());
        store.lock()?;
    }
    row(what, ms(percentile(&mut samples, 0.5)), "p50 of 10");
    Ok(())
}

fn build_at_scale(path: &Path, cases: usize) -> Result<Vec<CaseId>, Box<dyn Error>> {
    let mut store = Store::create(path, &Passphrase::from(PASS))?;
    let mut rng = fastrand::Rng::with_seed(2);
    let steps: Vec<String> = (0..STEPS).map(|s| format!("step-{s:03}")).collect();
    let facts: Vec<String> = (0..FACTS_PER_CASE)
        .map(|f| format!("fact-{f:02}"))
        .collect();
    let mut ids = Vec::with_capacity(cases);
    let t = Instant::now();
    for first in (0..cases).step_by(CASES_PER_BATCH) {
        let last = (first + CASES_PER_BATCH).min(cases);
        let batch_ids = store.batch(|b| {
            let mut out = Vec::new();
            for c in first..last {
                let case = b.create_case(&NewCase {
                    reference: format!("BGD-{c:06}"),
                    title: format!("Synthetic case {c}"),
                    kind: CaseKind::Undetermined,
                    sop_edition: "2024.1".into(),
                })?;
                let pairs: Vec<(&str, &str)> = facts
                    .iter()
                    .map(|f| (f.as_str(), if rng.bool() { "yes" } else { "no" }))
                    .collect();
                b.set_facts(case, &pairs)?;
                for step in &steps {
                    match rng.u8(0..10) {
                        0 => b.set_step_state(case, step, StepState::Blocked, Some("waiting"))?,
                        1 => b.set_step_state(
                            case,
                            step,
                            StepState::NotApplicable,
                            Some("does not apply"),
                        )?,
                        2..=5 => b.set_step_state(case, step, StepState::Done, None)?,
                        _ => b.set_step_state(case, step, StepState::Pending, None)?,
                    }
                }
                for n in 0..NOTES_PER_CASE {
                    let step = (n % 2 == 0).then(|| steps[rng.usize(0..STEPS)].as_str());
                    b.add_note(case, step, &note_text(&mut rng))?;
                }
                if c % 3 == 0 {
                    b.close_case(case)?;
                }
                out.push(case);
            }
            Ok(out)
        })?;
        ids.extend(batch_ids);
    }
    let built = t.elapsed();
    store.lock()?;
    let size = std::fs::metadata(path)?.len();
    row(
        "build synthetic store",
        format!("{:.1} s", built.as_secs_f64()),
        &format!(
            "{cases} cases x {STEPS} steps, {NOTES_PER_CASE} notes, {FACTS_PER_CASE} facts each; \
             {} per batch; {:.0} MiB",
            CASES_PER_BATCH,
            size as f64 / (1024.0 * 1024.0)
        ),
    );
    Ok(ids)
}

fn at_scale(dir: &Path) -> Result<(), Box<dyn Error>> {
    let cases: usize = std::env::var("DALIL_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let path = dir.join("scale.db");
    let ids = build_at_scale(&path, cases)?;
    unlock(&path, "unlock at scale")?;
    let store = Store::open(&path, &Passphrase::from(PASS))?;

    let mut samples = Vec::new();
    let mut listed = 0;
    for _ in 0..20 {
        let t = Instant::now();
        listed = store.list_cases(&CaseFilter::default())?.len();
        samples.push(t.elapsed());
    }
    row(
        "list all cases",
        ms(percentile(&mut samples, 0.5)),
        &format!("p50 of 20; {listed} summaries with last change"),
    );
    let mut samples = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        listed = store
            .list_cases(&CaseFilter {
                status: Some(CaseStatus::Open),
                text: Some("12".into()),
            })?
            .len();
        samples.push(t.elapsed());
    }
    row(
        "list open cases matching text",
        ms(percentile(&mut samples, 0.5)),
        &format!("p50 of 20; {listed} matches"),
    );

    let mut rng = fastrand::Rng::with_seed(3);
    let mut samples = Vec::new();
    let mut sizes = (0, 0, 0);
    for _ in 0..200 {
        let case = ids[rng.usize(0..ids.len())];
        let t = Instant::now();
        let c = store.case(case)?;
        let facts = store.facts(case)?;
        let steps = store.step_states(case)?;
        let notes = store.notes(case)?;
        samples.push(t.elapsed());
        assert_eq!(c.id, case);
        sizes = (facts.len(), steps.len(), notes.len());
    }
    let (p50, p99) = (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.99),
    );
    row(
        "open one case, p50",
        ms(p50),
        &format!(
            "case + {} facts + {} step states + {} notes; 200 random cases",
            sizes.0, sizes.1, sizes.2
        ),
    );
    row("open one case, p99", ms(p99), "");

    let t = Instant::now();
    let verification = store.verify_audit()?;
    let len = match verification {
        Verification::Intact { len, .. } => len,
        Verification::Broken { .. } => return Err("audit log broken".into()),
    };
    row(
        "verify the whole audit chain",
        ms(t.elapsed()),
        &format!("{len} entries"),
    );
    store.lock()?;
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    // `cargo bench` passes `--bench`; nothing else is taken.
    let dir = tempfile::Builder::new()
        .prefix("dalil-store-bench-")
        .tempdir()?;
    println!("| measure | value | notes |");
    println!("|---|---:|---|");
    saves(dir.path())?;
    unlock(&dir.path().join("saves.db"), "unlock (small store)")?;
    at_scale(dir.path())?;
    Ok(())
}
