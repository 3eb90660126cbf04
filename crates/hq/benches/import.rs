//! The import benchmark: 1,000 transfer bundles of 20 cases each (synthetic: real case files
//! made by `dalil-store`, exported by `dalil-case` as the app exports them), imported one by
//! one into a real PostgreSQL started here, against a plain `COPY` of the same rows into the
//! same schema of the same server, in the same run. The goal is an import at least 1/5 as
//! fast as `COPY`.
//!
//! `cargo bench -p dalil-hq --bench import`; `DALIL_BENCH_BUNDLES=100` for a shorter run.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use dalil_hq::Hq;
use dalil_hq::throwaway::Cluster;
use dalil_store::{CaseId, CaseKind, Edition, NewCase, Passphrase, StepState, Store};
use dalil_transfer::DirectorateIdentity;
use time::OffsetDateTime;

const CASES_PER_BUNDLE: usize = 20;
const BUNDLES_PER_DEVICE: usize = 20;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let bundles: usize = std::env::var("DALIL_BENCH_BUNDLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let identity = DirectorateIdentity::generate();
    let key = identity.public();

    // The bundles: one case file per computer, each bundle 20 cases of its own, each case with
    // facts, a step, two notes (one edited) and the export's own history.
    let started = Instant::now();
    let devices = bundles.div_ceil(BUNDLES_PER_DEVICE);
    let mut files: Vec<Vec<u8>> = Vec::with_capacity(bundles);
    let mut keys = Vec::with_capacity(devices);
    let dirs: Vec<tempfile::TempDir> = (0..devices)
        .map(|_| tempfile::tempdir().expect("tmp"))
        .collect();
    for (d, dir) in dirs.iter().enumerate() {
        let mut store =
            Store::create(&dir.path().join("cases.db"), &Passphrase::from("bench")).expect("store");
        keys.push(dalil_case::transfer::device_id(&store).expect("key"));
        for b in 0..BUNDLES_PER_DEVICE {
            if files.len() == bundles {
                break;
            }
            let ids: Vec<CaseId> = store
                .batch(|tx| {
                    let mut ids = Vec::with_capacity(CASES_PER_BUNDLE);
                    for c in 0..CASES_PER_BUNDLE {
                        let id = tx.create_case(&NewCase {
                            reference: format!("TIP-{d:03}-{b:02}-{c:02}"),
                            title: format!("Synthetic case {c} of bundle {b}"),
                            kind: CaseKind::Trafficking,
                            edition: Edition::new("dalil-reference-sop", "2026.1"),
                        })?;
                        tx.set_facts(id, &[("child", "no"), ("foreign-national", "yes")])?;
                        tx.set_step_state(id, "intake-log-report", StepState::Done, None)?;
                        let n = tx.add_note(id, None, "The first account, as the person told it, in their own words.")?;
                        tx.edit_note(n, "The first account, as the person told it, in their own words; corrected.")?;
                        tx.add_note(id, Some("intake-log-report"), "Logged at the station.")?;
                        ids.push(id);
                    }
                    Ok(ids)
                })
                .expect("cases");
            let export = dalil_case::transfer::transfer(
                &store,
                &ids,
                &key,
                "dalil bench",
                OffsetDateTime::now_utc(),
            )
            .expect("export");
            dalil_case::transfer::record_transfer(&mut store, &export).expect("record");
            files.push(export.bytes);
        }
    }
    let bytes: usize = files.iter().map(Vec::len).sum();
    println!(
        "generated {} bundles of {CASES_PER_BUNDLE} cases from {devices} computers ({:.1} MiB) in {:.1} s",
        files.len(),
        bytes as f64 / (1 << 20) as f64,
        started.elapsed().as_secs_f64()
    );

    // Opening alone (decryption, signature, every case bundle's verification), no database.
    let t = Instant::now();
    for f in &files {
        dalil_transfer::open(f, &identity).expect("open");
    }
    let open = t.elapsed();

    let cluster = Cluster::start().expect("PostgreSQL");
    let import_db = cluster.create_database("import").expect("db");
    let mut hq = Hq::connect(&import_db).expect("connect");
    for (i, k) in keys.iter().enumerate() {
        hq.register_device(k, &format!("Computer {i}"))
            .expect("register");
    }
    let t = Instant::now();
    for f in &files {
        hq.import(f, &identity).expect("import");
    }
    let import = t.elapsed();

    // The same rows, copied out of the imported database and into a new one with the same
    // schema: what the import wrote, with none of its checking.
    let tables = [
        "devices",
        "bundles",
        "case_streams",
        "case_versions",
        "audit_entries",
        "note_revisions",
    ];
    let mut data: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut rows = 0i64;
    for table in tables {
        let mut buf = Vec::new();
        hq.client()
            .copy_out(&format!("COPY {table} TO STDOUT (FORMAT binary)"))
            .expect("copy out")
            .read_to_end(&mut buf)
            .expect("read");
        rows += hq
            .client()
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .expect("count")
            .get::<_, i64>(0);
        data.push((table, buf));
    }
    let copy_db = cluster.create_database("copy").expect("db");
    let mut plain = Hq::connect(&copy_db).expect("connect");
    let t = Instant::now();
    let mut tx = plain.client().transaction().expect("tx");
    for (table, buf) in &data {
        let mut w = tx
            .copy_in(&format!("COPY {table} FROM STDIN (FORMAT binary)"))
            .expect("copy in");
        w.write_all(buf).expect("write");
        w.finish().expect("finish");
    }
    tx.commit().expect("commit");
    let copy = t.elapsed();

    let per_s = |d: Duration| files.len() as f64 / d.as_secs_f64();
    let size: i64 = hq
        .client()
        .query_one("SELECT pg_database_size(current_database())", &[])
        .expect("size")
        .get(0);
    println!(
        "rows written: {rows}; database size after the import: {:.1} MiB ({:.1} KiB per case)",
        size as f64 / (1 << 20) as f64,
        size as f64 / 1024.0 / (files.len() * CASES_PER_BUNDLE) as f64
    );
    println!(
        "import: {:.2} s, {:.0} bundles/s ({:.0} cases/s)",
        import.as_secs_f64(),
        per_s(import),
        per_s(import) * CASES_PER_BUNDLE as f64
    );
    println!(
        "  of which opening the bundles (no database): {:.2} s, {:.0} bundles/s",
        open.as_secs_f64(),
        per_s(open)
    );
    println!(
        "COPY of the same rows: {:.2} s, {:.0} bundles/s",
        copy.as_secs_f64(),
        per_s(copy)
    );
    println!(
        "import throughput / COPY throughput = {:.3} (goal >= 0.2)",
        copy.as_secs_f64() / import.as_secs_f64()
    );
}
