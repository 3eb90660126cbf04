//! The tests: round trips, hostile bundles, divergence, concurrency, and the command.

use std::collections::BTreeMap;

use dalil_hq::{CaseOutcome, Hq, ImportError, ReviewReason};
use dalil_transfer::{DirectorateIdentity, Refusal};

use crate::officer::Officer;
use crate::{Ctx, Test};

pub const ALL: &[Test] = &[
    (
        "round_trip_of_three_officers_keeps_every_revision_and_entry_and_flags_the_shared_reference",
        round_trip,
    ),
    (
        "a_second_export_brings_only_what_is_new_and_the_same_file_twice_changes_nothing",
        incremental,
    ),
    (
        "every_hostile_bundle_is_refused_with_its_own_reason_and_changes_nothing",
        hostile,
    ),
    (
        "a_computer_restored_from_a_backup_sends_a_diverging_history_and_both_are_kept",
        diverged,
    ),
    (
        "eight_imports_at_once_end_exactly_as_one_by_one",
        concurrency,
    ),
    ("imported_rows_cannot_be_changed_or_removed", immutable),
    (
        "the_command_imports_refuses_and_lists_in_both_languages",
        command,
    ),
];

fn hq(ctx: &Ctx<'_>) -> Hq {
    Hq::connect(&ctx.conninfo).expect("connect")
}

fn register(hq: &mut Hq, officer: &Officer) {
    hq.register_device(&officer.key(), &officer.label)
        .expect("register");
}

fn count(hq: &mut Hq, table: &str) -> i64 {
    hq.client()
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .expect("count")
        .get(0)
}

/// Note revisions and the audit entries of its cases in an officer's own file.
fn held_by(officer: &Officer, cases: &[dalil_store::CaseId]) -> (usize, usize) {
    let mut revisions = 0;
    let mut entries = 0;
    for c in cases {
        let record = dalil_report::read_case(&officer.store, *c).expect("read");
        revisions += record
            .notes
            .iter()
            .map(|n| n.revisions.len())
            .sum::<usize>();
        entries += record.audit.len();
    }
    (revisions, entries)
}

fn round_trip(ctx: &Ctx<'_>) {
    let key = ctx.identity.public();
    let mut hq = hq(ctx);
    let mut a = Officer::new("Officer A, Basra");
    let mut b = Officer::new("Officer B, Erbil");
    let mut c = Officer::new("Officer C, Mosul");
    for o in [&a, &b, &c] {
        register(&mut hq, o);
    }
    let a1 = a.case("TIP-2026-0001");
    let a2 = a.case("TIP-2026-0002");
    a.note(a1, "MARKER-Qamar was moved at night");
    let n = a.note(a2, "first account");
    a.store
        .edit_note(n, "first account, corrected")
        .expect("edit");
    // B opened a case under the same reference as one of A's: a conflict to review.
    let b1 = b.case("TIP-2026-0002");
    b.note(b1, "the employer's address");
    let b2 = b.case("SOM-2026-0003");
    let c1 = c.case("SOM-2026-0004");
    let gone = c.note(c1, "to be removed");
    c.store.delete_note(gone).expect("delete");

    let files = [
        a.export(&[a1, a2], &key),
        b.export(&[b1, b2], &key),
        c.export(&[c1], &key),
    ];
    for f in &files {
        assert!(
            !f.windows(b"MARKER-Qamar".len())
                .any(|w| w == b"MARKER-Qamar"),
            "a note's words are readable in the bundle"
        );
        hq.import(f, &ctx.identity).expect("import");
    }

    // Every revision and every entry the three files hold arrived. (The export itself
    // is recorded after the file is written, so it is not in the file.)
    let before_export = |o: &Officer, cases: &[dalil_store::CaseId]| {
        let (r, e) = held_by(o, cases);
        (r, e - cases.len())
    };
    let (ra, ea) = before_export(&a, &[a1, a2]);
    let (rb, eb) = before_export(&b, &[b1, b2]);
    let (rc, ec) = before_export(&c, &[c1]);
    assert_eq!(count(&mut hq, "note_revisions") as usize, ra + rb + rc);
    assert_eq!(count(&mut hq, "audit_entries") as usize, ea + eb + ec);
    assert_eq!(count(&mut hq, "case_versions"), 5);
    assert_eq!(count(&mut hq, "bundles"), 3);

    let review = hq.cases(true).expect("cases");
    assert_eq!(review.len(), 1, "{review:?}");
    assert_eq!(review[0].reference, "TIP-2026-0002");
    assert_eq!(review[0].review, [ReviewReason::SeveralSources]);
    assert_eq!(review[0].devices, 2);
    assert_eq!(hq.cases(false).expect("cases").len(), 4);

    let shown = hq.show("TIP-2026-0002").expect("show").expect("found");
    assert_eq!(shown.streams.len(), 2);
    let from_a = shown
        .streams
        .iter()
        .find(|s| s.device == "Officer A, Basra")
        .expect("A's stream");
    let texts: Vec<Option<&str>> = from_a.notes[0]
        .revisions
        .iter()
        .map(|r| r.body.as_deref())
        .collect();
    assert_eq!(
        texts,
        [Some("first account"), Some("first account, corrected")]
    );
    let deleted = hq.show("SOM-2026-0004").expect("show").expect("found");
    assert_eq!(
        deleted.streams[0].notes[0]
            .revisions
            .last()
            .map(|r| r.body.clone()),
        Some(None)
    );

    let devices = hq.devices().expect("devices");
    assert_eq!(devices.iter().map(|d| d.bundles).sum::<i64>(), 3);
    let report = hq.bundles().expect("bundles");
    assert_eq!(report.len(), 3);
    assert!(
        report
            .iter()
            .any(|r| r.device == "Officer C, Mosul" && r.cases == ["SOM-2026-0004"])
    );
}

fn incremental(ctx: &Ctx<'_>) {
    let key = ctx.identity.public();
    let mut hq = hq(ctx);
    let mut a = Officer::new("Officer A");
    register(&mut hq, &a);
    let c1 = a.case("TIP-1");
    let c2 = a.case("TIP-2");
    a.note(c1, "one");
    let first = a.export(&[c1, c2], &key);
    let imported = hq.import(&first, &ctx.identity).expect("first");
    assert_eq!(
        imported.cases,
        [
            ("TIP-1".into(), CaseOutcome::New),
            ("TIP-2".into(), CaseOutcome::New)
        ]
    );
    let entries = count(&mut hq, "audit_entries");

    a.note(c1, "two");
    let second = a.export(&[c1, c2], &key);
    let imported = hq.import(&second, &ctx.identity).expect("second");
    // Both cases moved on: c1 has a note, and both have the first export in their history.
    assert_eq!(
        imported.cases,
        [
            ("TIP-1".into(), CaseOutcome::Updated),
            ("TIP-2".into(), CaseOutcome::Updated)
        ]
    );
    // Only the new entries were added: the first export's record and the note for c1,
    // the first export's record for c2.
    assert_eq!(count(&mut hq, "audit_entries"), entries + 3);
    assert_eq!(count(&mut hq, "note_revisions"), 2);

    let dump = ctx.cluster.dump(&ctx.db).expect("dump");
    match hq.import(&second, &ctx.identity) {
        Err(ImportError::AlreadyImported { .. }) => {}
        other => panic!("the same file twice: {other:?}"),
    }
    same_dump(
        &dump,
        &ctx.cluster.dump(&ctx.db).expect("dump"),
        "the same file twice",
    );
}

/// Imports a bundle that must be refused, and checks the database did not change.
fn refused(ctx: &Ctx<'_>, hq: &mut Hq, file: &[u8], identity: &DirectorateIdentity) -> ImportError {
    let before = ctx.cluster.dump(&ctx.db).expect("dump");
    let e = hq.import(file, identity).expect_err("must be refused");
    let after = ctx.cluster.dump(&ctx.db).expect("dump");
    same_dump(&before, &after, e.code());
    e
}

fn same_dump(before: &str, after: &str, what: &str) {
    if let Some((b, a)) = before.lines().zip(after.lines()).find(|(b, a)| b != a) {
        panic!("{what} changed the database:\n  before: {b}\n  after:  {a}");
    }
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "{what} changed the database"
    );
}

fn hostile(ctx: &Ctx<'_>) {
    let key = ctx.identity.public();
    let mut hq = hq(ctx);
    let mut a = Officer::new("Officer A");
    register(&mut hq, &a);
    let c1 = a.case("TIP-1");
    a.note(c1, "one");
    let old = a.export(&[c1], &key);
    a.note(c1, "two");
    let current = a.export(&[c1], &key);
    hq.import(&current, &ctx.identity)
        .expect("the current bundle");

    let mut codes = BTreeMap::new();
    let mut flipped = current.clone();
    let at = flipped.len() * 2 / 3;
    flipped[at] ^= 0x20;
    codes.insert(
        "flipped",
        refused(ctx, &mut hq, &flipped, &ctx.identity).code(),
    );
    codes.insert(
        "truncated",
        refused(ctx, &mut hq, &current[..current.len() - 512], &ctx.identity).code(),
    );
    let mut stranger = Officer::new("Not registered");
    let s1 = stranger.case("TIP-9");
    let unknown = stranger.export(&[s1], &key);
    codes.insert(
        "unknown device",
        refused(ctx, &mut hq, &unknown, &ctx.identity).code(),
    );
    let elsewhere = DirectorateIdentity::generate();
    let to_other = a.export(&[c1], &elsewhere.public());
    codes.insert(
        "other key",
        refused(ctx, &mut hq, &to_other, &ctx.identity).code(),
    );
    codes.insert(
        "replayed",
        refused(ctx, &mut hq, &old, &ctx.identity).code(),
    );
    codes.insert(
        "same file again",
        refused(ctx, &mut hq, &current, &ctx.identity).code(),
    );

    // A manifest that lies, signed with the real computer's key.
    let opened = dalil_transfer::open(&current, &ctx.identity).expect("opens");
    let mut manifest = opened.manifest.clone();
    manifest.cases[0].reference = "TIP-2".into();
    let record = dalil_report::read_case(&a.store, c1).expect("read");
    let body = dalil_report::write_bundle(&record, "dalil test", time::OffsetDateTime::now_utc());
    let mut listed = manifest.clone();
    listed.cases[0].sha256 = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&body));
    listed.cases[0].bytes = body.len() as u64;
    let lying = dalil_transfer::seal_manifest(
        &serde_json::to_vec_pretty(&listed).expect("json"),
        &[&body],
        &a.store.device_key().expect("key"),
        &key,
    )
    .expect("seal");
    codes.insert(
        "manifest lies",
        refused(ctx, &mut hq, &lying.bytes, &ctx.identity).code(),
    );
    // Someone else signs in the computer's name.
    let forged = dalil_transfer::seal_manifest(
        &serde_json::to_vec_pretty(&opened.manifest).expect("json"),
        &[&body],
        &dalil_store::SigningKey::from_bytes(&[9; 32]),
        &key,
    )
    .expect("seal");
    codes.insert(
        "forged signature",
        refused(ctx, &mut hq, &forged.bytes, &ctx.identity).code(),
    );

    // A computer reported lost: its key is revoked, and a bundle it makes is refused.
    assert!(hq.revoke_device(&a.key()).expect("revoke"));
    let c2 = a.case("TIP-3");
    let after_loss = a.export(&[c2], &key);
    codes.insert(
        "revoked device",
        refused(ctx, &mut hq, &after_loss, &ctx.identity).code(),
    );
    // Found and trusted again: registered anew, the same bundle goes in.
    register(&mut hq, &a);
    hq.import(&after_loss, &ctx.identity)
        .expect("registered again");

    let want: BTreeMap<&str, &str> = [
        ("revoked device", "revoked-device"),
        ("flipped", "changed"),
        ("truncated", "truncated"),
        ("unknown device", "unknown-device"),
        ("other key", "other-key"),
        ("replayed", "replayed"),
        ("same file again", "already-imported"),
        ("manifest lies", "manifest-lies"),
        ("forged signature", "bad-signature"),
    ]
    .into();
    assert_eq!(codes, want);
    // Every refusal's message is its own, in both languages.
    for lang in [dalil_l10n::Lang::Ar, dalil_l10n::Lang::En] {
        let l10n = dalil_l10n::Localizer::new(lang);
        let ids: std::collections::BTreeSet<String> = want
            .values()
            .map(|code| l10n.get(&format!("hq-refused-{code}")))
            .collect();
        assert_eq!(
            ids.len(),
            want.len(),
            "two refusals share a message in {lang:?}"
        );
        assert!(
            ids.iter().all(|m| !m.is_empty() && !m.starts_with("hq-")),
            "{ids:?}"
        );
    }
    assert!(matches!(
        dalil_transfer::open(&flipped, &ctx.identity),
        Err(Refusal::Changed)
    ));
}

fn diverged(ctx: &Ctx<'_>) {
    let key = ctx.identity.public();
    let mut hq = hq(ctx);
    let mut a = Officer::new("Officer A");
    register(&mut hq, &a);
    let c1 = a.case("TIP-1");
    let backup = a.dir.path().join("backup.db");
    a.store.backup_to(&backup).expect("backup");
    a.note(c1, "written before the laptop failed");
    hq.import(&a.export(&[c1], &key), &ctx.identity)
        .expect("first");

    // The laptop's file is restored from the backup: the note and the export are gone from
    // it, and the officer goes on from there.
    let path = a.path();
    let store = std::mem::replace(&mut a.store, Officer::new("scratch").store);
    store.lock().expect("lock");
    dalil_store::Store::restore(&backup, &path, &crate::officer::pass()).expect("restore");
    a.store = dalil_store::Store::open(&path, &crate::officer::pass()).expect("open");
    a.note(c1, "written after the restore");
    let imported = hq
        .import(&a.export(&[c1], &key), &ctx.identity)
        .expect("second");
    assert_eq!(imported.cases, [("TIP-1".into(), CaseOutcome::Diverged)]);

    let review = hq.cases(true).expect("cases");
    assert_eq!(review.len(), 1);
    assert_eq!(review[0].review, [ReviewReason::Diverged]);
    let shown = hq.show("TIP-1").expect("show").expect("found");
    assert_eq!(shown.streams[0].versions.len(), 2);
    let bodies: Vec<String> = shown.streams[0]
        .notes
        .iter()
        .flat_map(|n| n.revisions.iter().filter_map(|r| r.body.clone()))
        .collect();
    assert!(
        bodies.contains(&"written before the laptop failed".to_owned()),
        "{bodies:?}"
    );
    assert!(
        bodies.contains(&"written after the restore".to_owned()),
        "{bodies:?}"
    );
}

/// Everything a database holds, without what depends on the order of imports (row ids and
/// times), for comparing two databases that imported the same bundles.
fn contents(hq: &mut Hq) -> Vec<String> {
    let queries = [
        "SELECT encode(file_sha256, 'hex') || made_at || case_count FROM bundles ORDER BY 1",
        "SELECT encode(device, 'hex') || store_case || reference || diverged FROM case_streams ORDER BY 1",
        "SELECT encode(s.device, 'hex') || s.store_case || encode(v.head_hash, 'hex') || v.title || v.facts::text
         FROM case_versions v JOIN case_streams s ON s.id = v.stream ORDER BY 1",
        "SELECT encode(device, 'hex') || seq || encode(hash, 'hex') || action FROM audit_entries ORDER BY 1",
        "SELECT encode(device, 'hex') || note || '.' || revision || coalesce(body, '-') FROM note_revisions ORDER BY 1",
        "SELECT reference || streams || devices || versions || needs_review FROM case_review ORDER BY 1",
    ];
    let mut out = Vec::new();
    for q in queries {
        for row in hq.client().query(q, &[]).expect("query") {
            out.push(row.get::<_, String>(0));
        }
        out.push("--".into());
    }
    out
}

fn concurrency(ctx: &Ctx<'_>) {
    let key = ctx.identity.public();
    // Ten computers, five bundles each of two cases of their own; every computer also has a
    // case under a reference another computer uses, so conflicts are found under load too.
    let mut officers: Vec<Officer> = (0..10)
        .map(|i| Officer::new(&format!("Officer {i}")))
        .collect();
    let mut files: Vec<Vec<u8>> = Vec::new();
    for (i, o) in officers.iter_mut().enumerate() {
        for j in 0..5 {
            let x = o.case(&format!("TIP-{i}-{j}"));
            let shared = o.case(&format!("SHARED-{}-{j}", i / 2));
            o.note(x, &format!("note {i} {j}"));
            o.note(shared, "shared");
            files.push(o.export(&[x, shared], &key));
        }
    }
    assert_eq!(files.len(), 50);

    let one_by_one = ctx.cluster.create_database("one_by_one").expect("db");
    let mut serial = Hq::connect(&one_by_one).expect("connect");
    for o in &officers {
        register(&mut serial, o);
    }
    for f in &files {
        serial.import(f, &ctx.identity).expect("import");
    }

    let mut parallel = hq(ctx);
    for o in &officers {
        register(&mut parallel, o);
    }
    let identity_text = ctx.identity.to_file_text();
    std::thread::scope(|s| {
        for t in 0..8u64 {
            let files = &files;
            let conninfo = &ctx.conninfo;
            let identity_text = &identity_text;
            s.spawn(move || {
                let identity = DirectorateIdentity::parse(identity_text).expect("identity");
                let mut hq = Hq::connect(conninfo).expect("connect");
                // Every thread imports every bundle, each in its own order.
                let mut order: Vec<usize> = (0..files.len()).collect();
                fastrand::Rng::with_seed(t).shuffle(&mut order);
                for i in order {
                    match hq.import(&files[i], &identity) {
                        Ok(_) | Err(ImportError::AlreadyImported { .. }) => {}
                        Err(e) => panic!("bundle {i} in thread {t}: {e}"),
                    }
                }
            });
        }
    });
    assert_eq!(contents(&mut parallel), contents(&mut serial));
    assert_eq!(count(&mut parallel, "bundles"), 50);
    assert_eq!(hq(ctx).cases(true).expect("cases").len(), 25);
}

fn immutable(ctx: &Ctx<'_>) {
    let key = ctx.identity.public();
    let mut hq = hq(ctx);
    let mut a = Officer::new("Officer A");
    register(&mut hq, &a);
    let c1 = a.case("TIP-1");
    a.note(c1, "kept for ever");
    hq.import(&a.export(&[c1], &key), &ctx.identity)
        .expect("import");
    for sql in [
        "UPDATE note_revisions SET body = 'changed'",
        "DELETE FROM audit_entries",
        "UPDATE case_versions SET title = 'changed'",
        "DELETE FROM bundles",
        "TRUNCATE note_revisions",
        "UPDATE case_streams SET reference = 'OTHER'",
    ] {
        let e = hq.client().batch_execute(sql).expect_err(sql);
        let message = e
            .as_db_error()
            .map(|d| d.message().to_owned())
            .unwrap_or_default();
        assert!(message.contains("never"), "{sql}: {message}");
    }
}

fn command(ctx: &Ctx<'_>) {
    let key_dir = tempfile::tempdir().expect("tempdir");
    let exe = env!("CARGO_BIN_EXE_dalil-hq");
    let run = |lang: &str, args: &[&str]| {
        let out = std::process::Command::new(exe)
            .env("DALIL_LANG", lang)
            .env("DALIL_HQ_DB", &ctx.conninfo)
            .args(args)
            .output()
            .expect("run dalil-hq");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let secret = key_dir.path().join("directorate.key");
    let public = key_dir.path().join("directorate.pub");
    let (code, _, err) = run(
        "en",
        &[
            "keygen",
            "--out",
            secret.to_str().unwrap_or_default(),
            "--public",
            public.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&secret)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    // Never over an existing key.
    let (code, _, _) = run(
        "en",
        &["keygen", "--out", secret.to_str().unwrap_or_default()],
    );
    assert_eq!(code, Some(2));

    // The officer's side through `dalil` itself: the key goes into the data folder.
    let data = tempfile::tempdir().expect("data");
    std::fs::copy(&public, data.path().join("directorate.pub")).expect("install the key");
    let pass = data.path().join("pass");
    std::fs::write(&pass, "a passphrase for the tests\n").expect("pass");
    let dalil = |args: &[&str]| {
        let mut all = vec![
            "dalil",
            "--data-dir",
            data.path().to_str().unwrap_or_default(),
            "--passphrase-file",
            pass.to_str().unwrap_or_default(),
        ];
        all.extend_from_slice(args);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = dalil_cli::run_with_lang(dalil_l10n::Lang::En, all, &mut out, &mut err);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
        String::from_utf8_lossy(&out).into_owned()
    };
    dalil(&[
        "case",
        "new",
        "--reference",
        "TIP-2026-0042",
        "--title",
        "Agency in Karrada",
    ]);
    let device = dalil(&["device", "--json"]);
    let device: serde_json::Value = serde_json::from_str(&device).expect("json");
    let stick = data.path().join("stick.dalil-transfer");
    dalil(&[
        "transfer",
        "export",
        "TIP-2026-0042",
        "--to",
        stick.to_str().unwrap_or_default(),
    ]);

    let stick_arg = stick.to_str().unwrap_or_default();
    let secret_arg = secret.to_str().unwrap_or_default();
    let (code, out, _) = run("en", &["import", "--identity", secret_arg, stick_arg]);
    assert_eq!(
        code,
        Some(1),
        "an unregistered computer's bundle is refused: {out}"
    );
    assert!(out.contains("not registered"), "{out}");
    let (code, out, _) = run("ar", &["import", "--identity", secret_arg, stick_arg]);
    assert_eq!(code, Some(1));
    assert!(out.contains("غير مسجَّل"), "{out}");

    let key = device["device"].as_str().expect("key");
    let (code, _, err) = run(
        "en",
        &["device", "add", key, "--label", "Officer Rana, Basra"],
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, out, _) = run("en", &["import", "--identity", secret_arg, stick_arg]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("imported, from Officer Rana, Basra") && out.contains("TIP-2026-0042: new."),
        "{out}"
    );
    let (code, out, _) = run("ar", &["import", "--identity", secret_arg, stick_arg]);
    assert_eq!(code, Some(0), "the same file again is no error: {out}");
    assert!(out.contains("استُوردت هذه الحزمة من قبل"), "{out}");

    let (_, out, _) = run("en", &["cases", "--json"]);
    let cases: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(cases[0]["reference"], "TIP-2026-0042");
    let (_, out, _) = run("ar", &["show", "TIP-2026-0042"]);
    assert!(
        out.contains("القضية TIP-2026-0042") && out.contains("Officer Rana, Basra"),
        "{out}"
    );
    let (_, out, _) = run("en", &["report"]);
    assert!(
        out.contains("Officer Rana, Basra") && out.contains("TIP-2026-0042"),
        "{out}"
    );
    let (_, out, _) = run("en", &["devices"]);
    assert!(out.contains("bundles: 1, cases: 1"), "{out}");
    let (code, _, err) = run("en", &["show", "NOPE"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("No computer has sent"), "{err}");
}
