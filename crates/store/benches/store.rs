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
//!   cases. The step ids and facts are the real SOP's (the first 130 steps, the first 20
//!   facts with random answers, a random kind), so that progress counts are realistic.
//! - The case list with progress, as the desktop shows it: `case_overviews` and a
//!   `ProgressCounter` over every case, against a baseline in the same run: a plain
//!   `SELECT id, reference, title, kind, status, created_at FROM cases` over the same rows,
//!   through a second connection to the same file. The old way (per case: facts, step
//!   states, notes, the full checklist) is timed once for comparison.

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use std::collections::{BTreeMap, BTreeSet};

use dalil_checklist::{ProgressCounter, Recorded};
use dalil_content::manifest::FactType;
use dalil_content::{Lang, Sop};
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
        edition: dalil_store::Edition::new("t", "1"),
    })?;
    let raw = raw_db(&dir.join("raw.db"))?;
    let mut insert = raw.prepare("INSERT INTO t (body) VALUES (?1)")?;
    let mut rng = fastrand::Rng::with_seed(1);
    let (mut ours, mut theirs, mut drafts) = (Vec::new(), Vec::new(), Vec::new());
    // Warm up both files, then interleave so that both see the same disk.
    for i in 0..SAVES + 100 {
        let text = note_text(&mut rng);
        let t = Instant::now();
        store.add_note(case, (i % 2 == 0).then_some("s-1"), &text)?;
        let a = t.elapsed();
        let t = Instant::now();
        store.save_draft(case, Some("s-2"), &text)?;
        let d = t.elapsed();
        let t = Instant::now();
        raw.execute_batch("BEGIN IMMEDIATE")?;
        insert.execute([&text])?;
        raw.execute_batch("COMMIT")?;
        let b = t.elapsed();
        if i >= 100 {
            ours.push(a);
            theirs.push(b);
            drafts.push(d);
        }
    }
    let (d50, d99) = (percentile(&mut drafts, 0.5), percentile(&mut drafts, 0.99));
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
    row(
        "durable draft save, p50",
        ms(d50),
        "the same text, one draft",
    );
    row("durable draft save, p99", ms(d99), "");
    row(
        "ratio draft save / raw insert, p50",
        format!("{:.2}", d50.as_secs_f64() / r50.as_secs_f64()),
        "",
    );
    row(
        "ratio draft save / raw insert, p99",
        format!("{:.2}", d99.as_secs_f64() / r99.as_secs_f64()),
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

fn build_at_scale(path: &Path, sop: &Sop, cases: usize) -> Result<Vec<CaseId>, Box<dyn Error>> {
    let mut store = Store::create(path, &Passphrase::from(PASS))?;
    let mut rng = fastrand::Rng::with_seed(2);
    let steps: Vec<String> = sop
        .steps(Lang::Ar)
        .take(STEPS)
        .map(|(_, s)| s.id.clone())
        .collect();
    assert_eq!(
        steps.len(),
        STEPS,
        "the SOP has fewer steps than the benchmark sets"
    );
    // The manifest's facts but `kind`, which is the case's kind, with their possible answers.
    let facts: Vec<(String, Vec<String>)> = sop
        .manifest
        .facts
        .iter()
        .filter(|f| f.id != "kind")
        .take(FACTS_PER_CASE)
        .map(|f| {
            let values = match &f.kind {
                FactType::YesNo => vec!["yes".to_owned(), "no".to_owned()],
                FactType::Choice { choices, .. } => choices.iter().map(|c| c.id.clone()).collect(),
            };
            (f.id.clone(), values)
        })
        .collect();
    assert_eq!(
        facts.len(),
        FACTS_PER_CASE,
        "the SOP has fewer facts than the benchmark sets"
    );
    let kinds = [
        CaseKind::Trafficking,
        CaseKind::Smuggling,
        CaseKind::Both,
        CaseKind::Undetermined,
    ];
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
                    kind: kinds[rng.usize(0..kinds.len())],
                    edition: dalil_store::Edition::new("dalil-reference-sop", "2024.1"),
                })?;
                let pairs: Vec<(&str, &str)> = facts
                    .iter()
                    .map(|(f, values)| (f.as_str(), values[rng.usize(0..values.len())].as_str()))
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
    let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
    let errors = dalil_content::error_count(&diagnostics);
    if errors != 0 {
        return Err(format!("the SOP has {errors} problems").into());
    }
    let ids = build_at_scale(&path, &sop, cases)?;
    unlock(&path, "unlock at scale")?;
    let mut store = Store::open(&path, &Passphrase::from(PASS))?;

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

    case_list(&path, &mut store, &sop)?;

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

/// The facts the checklist is given for a case: its stored facts and its kind.
fn with_kind(mut facts: BTreeMap<String, String>, kind: CaseKind) -> BTreeMap<String, String> {
    facts.insert("kind".into(), kind.as_str().to_owned());
    facts
}

/// The case list with progress: the new bulk read and counter against a plain read of the
/// same rows, and the old way, case by case, once.
fn case_list(path: &Path, store: &mut Store, sop: &Sop) -> Result<(), Box<dyn Error>> {
    // The baseline: the list's columns and nothing else, through a second connection keyed
    // the stock SQLCipher way (one key derivation, outside the timing).
    let raw = rusqlite::Connection::open(path)?;
    raw.pragma_update(None, "key", PASS)?;
    let mut plain =
        raw.prepare("SELECT id, reference, title, kind, status, created_at FROM cases")?;
    let mut base = Vec::new();
    let mut rows_read = 0;
    for _ in 0..20 {
        let t = Instant::now();
        let rows: Vec<(i64, String, String, String, String, String)> = plain
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        base.push(t.elapsed());
        rows_read = rows.len();
    }
    let base = percentile(&mut base, 0.5);
    row(
        "baseline: plain SELECT of the list's columns",
        ms(base),
        &format!("p50 of 20; {rows_read} rows, second connection"),
    );

    let (mut reads, mut counts, mut totals) = (Vec::new(), Vec::new(), Vec::new());
    let mut progress = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let overviews = store.case_overviews(&CaseFilter::default())?;
        let read = t.elapsed();
        let t2 = Instant::now();
        let mut counter = ProgressCounter::new(sop);
        progress = overviews
            .into_iter()
            .map(|o| {
                let facts = with_kind(o.facts, o.summary.kind);
                (o.summary.id, counter.progress(&facts, &o.settled))
            })
            .collect::<Vec<_>>();
        counts.push(t2.elapsed());
        reads.push(read);
        totals.push(t.elapsed());
    }
    let total = percentile(&mut totals, 0.5);
    // The counter alone, over overviews read beforehand and kept: once with a new counter per
    // pass (every fact combination evaluated once), once with a counter whose cache holds
    // every combination (what a list of cases that share their facts sees).
    let kept: Vec<_> = store
        .case_overviews(&CaseFilter::default())?
        .into_iter()
        .map(|o| (with_kind(o.facts, o.summary.kind), o.settled))
        .collect();
    let combinations: BTreeSet<Vec<(String, String)>> = kept
        .iter()
        .map(|(f, _)| f.clone().into_iter().collect())
        .collect();
    let (mut fresh, mut warm) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        let t = Instant::now();
        let mut counter = ProgressCounter::new(sop);
        for (facts, settled) in &kept {
            std::hint::black_box(counter.progress(facts, settled));
        }
        fresh.push(t.elapsed());
        let first = kept.iter().take(1000).collect::<Vec<_>>();
        for (facts, settled) in &first {
            counter.progress(facts, settled);
        }
        let t = Instant::now();
        for _ in 0..10 {
            for (facts, settled) in &first {
                std::hint::black_box(counter.progress(facts, settled));
            }
        }
        warm.push(t.elapsed());
    }
    let warm = percentile(&mut warm, 0.5);

    let settled: usize = progress.iter().map(|(_, (done, _))| done).sum();
    row(
        "case list with progress: overviews + counter",
        ms(total),
        &format!(
            "p50 of 20; {} cases, {settled} settled applicable steps",
            progress.len()
        ),
    );
    row(
        "  of which case_overviews",
        ms(percentile(&mut reads, 0.5)),
        "p50 of 20",
    );
    row(
        "  of which counting",
        ms(percentile(&mut counts, 0.5)),
        "p50 of 20; ProgressCounter, and each overview freed as used",
    );
    row(
        "counter alone, new counter",
        ms(percentile(&mut fresh, 0.5)),
        &format!(
            "p50 of 20; {} cases, {} fact combinations",
            kept.len(),
            combinations.len()
        ),
    );
    row(
        "counter alone, every combination cached",
        ms(warm * (kept.len() as u32) / 10_000),
        "p50 of 20; 10 x 1,000 cached cases, scaled to the list",
    );
    row(
        "ratio case list with progress / baseline",
        format!("{:.2}", total.as_secs_f64() / base.as_secs_f64()),
        "same run",
    );

    // With progress remembered (what dalil-case's list does after its first pass): the list
    // reads each case's row and its remembered counts, and no facts or steps.
    let rules = dalil_checklist::rules_key(sop);
    let summaries: BTreeMap<CaseId, time::OffsetDateTime> = store
        .list_cases(&CaseFilter::default())?
        .into_iter()
        .map(|c| (c.id, c.last_change))
        .collect();
    let remembered: Vec<_> = progress
        .iter()
        .filter_map(|(id, (d, a))| Some((*id, *summaries.get(id)?, *d, *a)))
        .collect();
    let t = Instant::now();
    store.remember_progress(&rules, &remembered)?;
    let remember = t.elapsed();
    let mut cached = Vec::new();
    let mut all_cached = true;
    for _ in 0..20 {
        let t = Instant::now();
        let (page, _) =
            store.case_overviews_page_with(&CaseFilter::default(), 0, 1_000_000, &rules)?;
        let rows: Vec<(CaseId, (usize, usize))> = page
            .into_iter()
            .filter_map(|o| Some((o.summary.id, o.progress?)))
            .collect();
        cached.push(t.elapsed());
        all_cached &= rows.len() == progress.len();
    }
    if !all_cached {
        return Err("remembered progress was not used for every case".into());
    }
    let cached = percentile(&mut cached, 0.5);
    row(
        "remember the progress of every case, once",
        ms(remember),
        "one transaction, not audited",
    );
    row(
        "case list with remembered progress",
        ms(cached),
        "p50 of 20; every case's counts from case_progress",
    );
    row(
        "ratio case list with remembered progress / baseline",
        format!("{:.2}", cached.as_secs_f64() / base.as_secs_f64()),
        "goal <= 10",
    );

    // The old way, as the desktop did it before: per case, every read and the whole
    // checklist. Timed once (it takes seconds), and checked against the new figures.
    let t = Instant::now();
    let mut old = Vec::new();
    for c in store.list_cases(&CaseFilter::default())? {
        let facts = with_kind(store.fact_map(c.id)?, c.kind);
        let recorded: BTreeMap<String, Recorded> = store
            .step_states(c.id)?
            .into_iter()
            .map(|r| {
                let state = Recorded {
                    state: r.state.as_str().to_owned(),
                    reason: r.reason,
                    updated_at: String::new(),
                };
                (r.step_id, state)
            })
            .collect();
        let mut notes: BTreeMap<String, usize> = BTreeMap::new();
        for note in store.notes(c.id)? {
            if let Some(step) = note.step {
                *notes.entry(step).or_default() += 1;
            }
        }
        let list = dalil_checklist::case_checklist(sop, &facts, &recorded, &notes);
        old.push((c.id, list.progress()));
    }
    let old_time = t.elapsed();
    row(
        "old case list: per-case reads + full checklist",
        ms(old_time),
        &format!(
            "one run; {:.0}x the new list",
            old_time.as_secs_f64() / total.as_secs_f64()
        ),
    );
    if old != progress {
        return Err("the old and the new case list disagree".into());
    }
    let distinct: BTreeSet<_> = progress.iter().map(|(_, p)| *p).collect();
    row(
        "distinct (done, applicable) pairs",
        distinct.len().to_string(),
        "old and new agree on every case",
    );
    Ok(())
}

/// The peak resident memory of this process so far, in KiB (Linux's VmHWM).
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// The same bytes in 1 MiB blobs, in one transaction, into a bare database with the store's
/// pragmas: with the store's encryption (`key`), or plain SQLite (`None`). The baselines
/// that say what keeping a file's bytes costs before any of the store's own work.
fn raw_chunks(path: &Path, key: Option<&str>, file: &Path) -> Result<Duration, Box<dyn Error>> {
    use std::io::Read as _;
    let t = Instant::now();
    let mut conn = rusqlite::Connection::open(path)?;
    if let Some(key) = key {
        conn.pragma_update(None, "key", key)?;
    }
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA cache_size = -32768;
         CREATE TABLE c (idx INTEGER PRIMARY KEY, data BLOB NOT NULL);",
    )?;
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare("INSERT INTO c (idx, data) VALUES (?1, ?2)")?;
        let mut f = std::fs::File::open(file)?;
        let mut buf = vec![0u8; dalil_store::CHUNK];
        let mut i = 0i64;
        loop {
            let mut filled = 0;
            while filled < buf.len() {
                let n = f.read(&mut buf[filled..])?;
                if n == 0 {
                    break;
                }
                filled += n;
            }
            if filled == 0 {
                break;
            }
            insert.execute(rusqlite::params![i, &buf[..filled]])?;
            i += 1;
        }
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)?;
    Ok(t.elapsed())
}

/// Attaching a big file (1 GiB unless `DALIL_BENCH_ATTACH_MB` says otherwise), against
/// `sha256sum` of the same file in the same run: digest only, then with its bytes stored in
/// the encrypted file. Run first, in a fresh process, so that the peak memory is its own.
fn attach(dir: &Path) -> Result<(), Box<dyn Error>> {
    use std::io::Write as _;
    let mb: u64 = std::env::var("DALIL_BENCH_ATTACH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let file = dir.join("big.bin");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file)?);
        let mut block = vec![0u8; 1 << 20];
        for i in 0..mb {
            for (j, b) in block.iter_mut().enumerate() {
                *b = (i as usize).wrapping_mul(31).wrapping_add(j) as u8;
            }
            f.write_all(&block)?;
        }
        f.flush()?;
    }
    // Warm the page cache for both, so that neither pays for the first read.
    let _ = std::process::Command::new("sha256sum")
        .arg(&file)
        .output()?;
    let rss_before = peak_rss_kib();
    let path = dir.join("attach.db");
    let mut store = Store::create(&path, &Passphrase::from(PASS))?;
    let case = store.create_case(&NewCase {
        reference: "BENCH-ATTACH".into(),
        title: "t".into(),
        kind: CaseKind::Undetermined,
        edition: dalil_store::Edition::new("bench", "1"),
    })?;
    store.batch(|b| {
        b.add_exhibit(
            case,
            &dalil_store::NewExhibit {
                description: "image".into(),
                kind: dalil_store::ExhibitKind::DigitalImage,
                seized_at: "now".into(),
                seized_where: "here".into(),
                seized_by: "bench".into(),
                authorisation: None,
                seal: None,
            },
        )
    })?;
    let mut rows = Vec::new();
    for round in 0..2 {
        let t = Instant::now();
        let out = std::process::Command::new("sha256sum")
            .arg(&file)
            .output()?;
        let baseline = t.elapsed();
        let expected = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        let t = Instant::now();
        let a = store.attach(case, 1, "big.bin", &mut std::fs::File::open(&file)?, false)?;
        let digest_only = t.elapsed();
        assert_eq!(dalil_store::hex(&a.sha256), expected, "the digests differ");
        rows.push((round, baseline, digest_only));
    }
    let t = Instant::now();
    store.attach(case, 1, "big.bin", &mut std::fs::File::open(&file)?, true)?;
    let stored = t.elapsed();
    let t = Instant::now();
    let out = std::process::Command::new("sha256sum")
        .arg(&file)
        .output()?;
    assert!(out.status.success());
    let baseline = t.elapsed();
    // The floor of keeping the bytes: writing them once to the same disk and syncing them,
    // with nothing encrypted or hashed.
    let copy = dir.join("copy.bin");
    let t = Instant::now();
    {
        let mut from = std::fs::File::open(&file)?;
        let mut to = std::fs::File::create(&copy)?;
        std::io::copy(&mut from, &mut to)?;
        to.sync_all()?;
    }
    let floor = t.elapsed();
    std::fs::remove_file(&copy)?;
    // Read before the baselines below, which have page caches of their own.
    let peak = peak_rss_kib();
    let raw_keyed = raw_chunks(&dir.join("raw-keyed.db"), Some(PASS), &file)?;
    let raw_plain = raw_chunks(&dir.join("raw-plain.db"), None, &file)?;
    store.lock()?;
    for (round, baseline, digest_only) in rows {
        println!(
            "| attach {mb} MiB, digest only, round {round} | {:.2} s ({:.2}×) | sha256sum of the same file: {:.2} s |",
            digest_only.as_secs_f64(),
            digest_only.as_secs_f64() / baseline.as_secs_f64(),
            baseline.as_secs_f64()
        );
    }
    println!(
        "| attach {mb} MiB, bytes stored encrypted | {:.2} s ({:.2}×) | sha256sum of the same file: {:.2} s |",
        stored.as_secs_f64(),
        stored.as_secs_f64() / baseline.as_secs_f64(),
        baseline.as_secs_f64()
    );
    println!(
        "| attach {mb} MiB, bytes stored, against a plain copy with fsync | {:.2}× | the copy: {:.2} s |",
        stored.as_secs_f64() / floor.as_secs_f64(),
        floor.as_secs_f64()
    );
    println!(
        "| the same bytes as 1 MiB blobs, raw SQLCipher, same pragmas | {:.2} s | the stored attach is {:.2}× this |",
        raw_keyed.as_secs_f64(),
        stored.as_secs_f64() / raw_keyed.as_secs_f64()
    );
    println!(
        "| the same bytes as 1 MiB blobs, plain SQLite, same pragmas | {:.2} s | SQLCipher is {:.2}× this |",
        raw_plain.as_secs_f64(),
        raw_keyed.as_secs_f64() / raw_plain.as_secs_f64()
    );
    println!(
        "| peak memory while attaching | {:.1} MiB | VmHWM {:.1} MiB before the store opened, {:.1} MiB after |",
        peak.saturating_sub(rss_before) as f64 / 1024.0,
        rss_before as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    std::fs::remove_file(&file)?;
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    // `cargo bench` passes `--bench`; nothing else is taken.
    let dir = tempfile::Builder::new()
        .prefix("dalil-store-bench-")
        .tempdir()?;
    println!("| measure | value | notes |");
    println!("|---|---:|---|");
    attach(dir.path())?;
    if std::env::var("DALIL_BENCH_ONLY").as_deref() == Ok("attach") {
        return Ok(());
    }
    saves(dir.path())?;
    unlock(&dir.path().join("saves.db"), "unlock (small store)")?;
    // `DALIL_BENCH_ONLY=saves` stops here, for a quick look at the save figures.
    if std::env::var("DALIL_BENCH_ONLY").as_deref() != Ok("saves") {
        at_scale(dir.path())?;
    }
    Ok(())
}
