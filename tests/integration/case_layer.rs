//! Issue 22: a case is stored the same way whichever front end made it, and migration 4
//! repairs the files in which they did not.
//!
//! The app's case commands are one call each into `dalil-case` (`src-tauri/src/cases.rs`):
//! `case_create` is `check_facts` then `create`. These tests make one case that way and one
//! with `dalil`, from the same input, and compare them through `dalil` itself.

use dalil_store::audit::{digest_fields, digest_text};
use dalil_store::schema::MIGRATIONS;
use dalil_store::{Passphrase, Store};
use serde_json::Value;

use crate::case_cli::Folder;

const PASS: &str = "correct horse battery staple";

/// The JSON with every time and internal id taken out, to compare two stores.
fn timeless(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| {
                    !(k.ends_with("_at")
                        || *k == "last_change"
                        || *k == "id" && map.contains_key("reference"))
                })
                .map(|(k, v)| (k.clone(), timeless(v)))
                .collect(),
        ),
        Value::Array(list) => Value::Array(list.iter().map(timeless).collect()),
        other => other.clone(),
    }
}

/// Opens the case file of a folder in-process, as the app's vault does.
fn open(f: &Folder) -> Store {
    Store::open(
        &f.data().join(dalil_store::DB_FILE_NAME),
        &Passphrase::from(PASS),
    )
    .unwrap_or_else(|e| panic!("open: {}", e.code()))
}

fn bundle(f: &Folder, case: &str) -> Value {
    let out = f.path("bundle.json");
    let out_text = out.to_string_lossy().into_owned();
    f.ok(&["export", case, "--format", "bundle", "-o", &out_text]);
    let (code, text, err) = crate::support::dalil(&["verify", &out_text]);
    assert_eq!(code, 0, "the bundle of {case} does not verify: {text}{err}");
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn issue_22_a_case_made_as_the_app_does_and_one_made_by_dalil_are_the_same() {
    let sop = dalil_content::load(&dalil_sop_files::bundled()).0;

    // With `dalil`.
    let cli = Folder::new();
    cli.ok(&[
        "case",
        "new",
        "--reference",
        "R-7",
        "--title",
        "T",
        "--kind",
        "smuggling",
    ]);
    cli.ok(&["case", "facts", "R-7", "child=yes", "foreign-national=yes"]);

    // As the app's `case_create` does, on a case file `dalil` created.
    let app = Folder::new();
    app.ok(&["case", "list"]);
    let mut store = open(&app);
    let answers = [
        ("kind", "smuggling"),
        ("child", "yes"),
        ("foreign-national", "yes"),
    ];
    let input = dalil_case::NewCaseInput {
        reference: "R-7".into(),
        title: " T ".into(),
        facts: dalil_case::check_facts(&sop, answers).unwrap_or_else(|e| panic!("{e}")),
    };
    let made = dalil_case::create(&mut store, &sop, &input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        made.edition,
        dalil_store::Edition::new("dalil-reference-sop", &sop.manifest.version)
    );
    // The kind is on the case and nowhere among the stored facts.
    let stored = store.fact_map(made.id).unwrap_or_else(|e| panic!("{e}"));
    assert!(!stored.contains_key("kind"), "{stored:?}");
    store.lock().unwrap_or_else(|e| panic!("{e}"));

    let (a, b) = (
        cli.json(&["case", "show", "R-7"]),
        app.json(&["case", "show", "R-7"]),
    );
    assert_eq!(timeless(&a), timeless(&b));
    for show in [&a, &b] {
        assert_eq!(show["current_edition"], true, "{show}");
        assert_eq!(show["case"]["sop_id"], "dalil-reference-sop");
        assert_eq!(show["case"]["sop_edition"], sop.manifest.version.as_str());
        let kinds: Vec<&Value> = show["facts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["id"] == "kind")
            .collect();
        assert_eq!(kinds.len(), 1, "the kind once among the facts: {show}");
        assert_eq!(kinds[0]["value"], "smuggling");
    }
    // The checklist is the one the smuggling facts call for, in both.
    let steps = |v: &Value| -> Vec<String> {
        v["checklist"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["id"].as_str().map(str::to_owned))
            .collect()
    };
    let from_facts = dalil_checklist::applicable(
        &sop,
        &[
            ("kind", "smuggling"),
            ("child", "yes"),
            ("foreign-national", "yes"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    );
    let want: Vec<String> = from_facts.iter().map(|i| i.step.clone()).collect();
    assert_eq!(steps(&a), want);

    // The same bundle, but for ids and times; the same report header, with no warning.
    let (ba, bb) = (bundle(&cli, "R-7"), bundle(&app, "R-7"));
    for part in ["case", "facts", "steps"] {
        assert_eq!(
            timeless(&ba["parts"][part]),
            timeless(&bb["parts"][part]),
            "part {part}"
        );
    }
    assert_eq!(ba["parts"]["case"]["sop_id"], "dalil-reference-sop");
    let differs = dalil_l10n::strip_isolation(
        &dalil_l10n::Localizer::new(dalil_l10n::Lang::En).get("report-edition-differs"),
    );
    for f in [&cli, &app] {
        let out = f.path("report.html");
        let out_text = out.to_string_lossy().into_owned();
        f.ok(&[
            "export", "R-7", "--format", "html", "--lang", "en", "-o", &out_text,
        ]);
        let html = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !html.contains(&differs),
            "the report says the edition differs"
        );
        assert!(html.contains("dalil-reference-sop 0.1.0"));
    }
}

/// One audit entry to write into a fixture: time, action, entity kind and id, case, digest.
type Entry<'a> = (&'a str, &'a str, &'a str, &'a str, i64, [u8; 32]);

/// A case file at schema 3, as the two front ends wrote it before this fix, with a valid
/// audit chain whose digests match the rows:
/// 1. made by the app: the edition as display text, the kind on the case only;
/// 2. made by `dalil`: the version alone, and the kind also as a fact;
/// 3. made by `dalil`, then its kind changed in the app: a `kind` fact that disagrees;
/// 4. made by the app and closed.
fn v3_fixture(path: &std::path::Path) {
    let run =
        || -> Result<(), Box<dyn std::error::Error>> {
            std::fs::create_dir_all(path.parent().ok_or("no parent")?)?;
            let conn = rusqlite::Connection::open(path)?;
            conn.pragma_update(None, "key", PASS)?;
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))?;
            for m in &MIGRATIONS[..3] {
                conn.execute_batch(m.sql)?;
            }
            conn.pragma_update(None, "user_version", 3)?;
            let display = "dalil-reference-sop 0.1.0 (2026-11-29)";
            let t = |d: u32| format!("2026-11-{d:02}T10:00:00.000000Z");
            let cases = [
                (1, "A-1", "app", "trafficking", "open", display, t(1)),
                (2, "C-2", "cli", "smuggling", "open", "0.1.0", t(2)),
                (3, "C-3", "cli then app", "both", "open", "0.1.0", t(3)),
                (4, "A-4", "closed", "undetermined", "closed", display, t(4)),
            ];
            for (id, reference, title, kind, status, edition, at) in &cases {
                conn.execute(
                "INSERT INTO cases (id, reference, title, kind, status, sop_edition, created_at,
                                    closed_at, last_change)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)",
                rusqlite::params![
                    id,
                    reference,
                    title,
                    kind,
                    status,
                    edition,
                    at,
                    (*status == "closed").then(|| t(5))
                ],
            )?;
            }
            conn.execute_batch(&format!(
                "INSERT INTO case_facts (case_id, fact_id, value, updated_at) VALUES
                (1, 'child', 'yes', '{a}'),
                (2, 'kind', 'smuggling', '{b}'),
                (3, 'kind', 'trafficking', '{c}');",
                a = t(1),
                b = t(2),
                c = t(3)
            ))?;
            let create = |reference: &str, title: &str, kind: &str, edition: &str| {
                digest_fields(&[reference, title, kind, edition])
            };
            let (t1, t2, t3, t4, t5, t6) = (t(1), t(2), t(3), t(4), t(5), t(6));
            let entries: Vec<Entry<'_>> = vec![
                (
                    &t1,
                    "case.create",
                    "case",
                    "1",
                    1,
                    create("A-1", "app", "trafficking", display),
                ),
                (&t1, "fact.set", "fact", "child", 1, digest_text("yes")),
                (
                    &t2,
                    "case.create",
                    "case",
                    "2",
                    2,
                    create("C-2", "cli", "smuggling", "0.1.0"),
                ),
                (&t2, "fact.set", "fact", "kind", 2, digest_text("smuggling")),
                (
                    &t3,
                    "case.create",
                    "case",
                    "3",
                    3,
                    create("C-3", "cli then app", "trafficking", "0.1.0"),
                ),
                (
                    &t3,
                    "fact.set",
                    "fact",
                    "kind",
                    3,
                    digest_text("trafficking"),
                ),
                (
                    &t4,
                    "case.create",
                    "case",
                    "4",
                    4,
                    create("A-4", "closed", "undetermined", display),
                ),
                (&t5, "case.close", "case", "4", 4, digest_text("closed")),
                (&t6, "case.set-kind", "case", "3", 3, digest_text("both")),
            ];
            let mut prev = [0u8; 32];
            for (i, (at, action, kind, id, case, digest)) in entries.iter().enumerate() {
                let seq = i as u64 + 1;
                let record =
                    dalil_store::audit::encode(seq, at, action, kind, id, Some(*case), digest);
                prev = dalil_store::audit::chain(&prev, &record);
                conn.execute(
                "INSERT INTO audit_log (seq, at, action, entity_kind, entity_id, case_id, digest,
                                        hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![seq as i64, at, action, kind, id, case, &digest[..], &prev[..]],
            )?;
            }
            conn.execute(
                "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1",
                rusqlite::params![entries.len() as i64, &prev[..]],
            )?;
            conn.execute_batch(
                "UPDATE cases SET last_change = (SELECT max(at) FROM audit_log a
                                             WHERE a.case_id = cases.id)",
            )?;
            Ok(())
        };
    run().unwrap_or_else(|e| panic!("fixture: {e}"));
}

#[test]
fn issue_22_migration_4_repairs_editions_and_kind_facts_and_every_bundle_verifies() {
    let f = Folder::new();
    v3_fixture(&f.data().join(dalil_store::DB_FILE_NAME));
    // The first command opens the file and runs migration 4; the log must still be whole.
    let audit = f.json(&["audit", "verify"]);
    assert_eq!(audit["intact"], true, "{audit}");

    let expect = [
        ("A-1", Some("dalil-reference-sop"), "trafficking"),
        ("C-2", None, "smuggling"),
        ("C-3", None, "both"),
        ("A-4", Some("dalil-reference-sop"), "undetermined"),
    ];
    for (reference, sop_id, kind) in expect {
        let show = f.json(&["case", "show", reference]);
        let case = &show["case"];
        assert_eq!(case["sop_edition"], "0.1.0", "{reference}: {case}");
        assert_eq!(case["sop_id"].as_str(), sop_id, "{reference}");
        assert_eq!(show["current_edition"], true, "{reference}");
        assert_eq!(case["kind"], kind, "{reference}");
        let kinds: Vec<&Value> = show["facts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|x| x["id"] == "kind")
            .collect();
        assert_eq!(kinds.len(), 1, "{reference}: {show}");
        assert_eq!(kinds[0]["value"], kind, "{reference}: the case's kind wins");
        let history = f.json(&["history", reference]);
        let actions: Vec<&str> = history
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["action"].as_str())
            .collect();
        let repaired_edition = sop_id.is_some();
        assert_eq!(
            actions.contains(&"case.set-edition"),
            repaired_edition,
            "{reference}: {actions:?}"
        );
        assert_eq!(
            actions.contains(&"fact.remove"),
            reference.starts_with('C'),
            "{reference}: {actions:?}"
        );
        // The bundle of every repaired case verifies: its reference and title are still
        // checked against the log, through the `case.set-edition` entry.
        let b = bundle(&f, reference);
        assert_eq!(b["parts"]["case"]["sop_id"].as_str(), sop_id, "{reference}");
    }
    // The repaired file is at the current schema, and a second open changes nothing more.
    let before = f.json(&["audit", "verify"]);
    let again = f.json(&["audit", "verify"]);
    assert_eq!(before, again);
}
