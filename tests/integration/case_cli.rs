//! The `dalil` commands on the encrypted case file, run in-process on a fresh data folder with
//! the passphrase in a file: cases, facts, steps, notes, history, the audit log, backups,
//! restores, passphrase changes and the notes search, and their errors.
//!
//! Messages follow the caller's locale, so the tests compare them with the message in either
//! language (bidi isolation stripped), and check data through `--json`.

use std::path::{Path, PathBuf};

use dalil_l10n::{Arg, Lang, Localizer, strip_isolation};
use serde_json::Value;

use crate::support::{dalil, fixtures};

const PASS: &str = "correct horse battery staple";

/// A temporary data folder and passphrase files.
pub(crate) struct Folder {
    dir: tempfile::TempDir,
    pass: PathBuf,
}

impl Folder {
    pub(crate) fn new() -> Folder {
        let dir = tempfile::Builder::new()
            .prefix("dalil-case-cli-")
            .tempdir()
            .unwrap_or_else(|e| panic!("tempdir: {e}"));
        let pass = dir.path().join("pass.txt");
        write(&pass, &format!("{PASS}\n"));
        Folder { dir, pass }
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub(crate) fn data(&self) -> PathBuf {
        self.path("data")
    }

    /// Runs `dalil` on this folder with the passphrase file `pass`.
    fn run_with(&self, pass: &Path, args: &[&str]) -> (u8, String, String) {
        let data = self.data().to_string_lossy().into_owned();
        let pass = pass.to_string_lossy().into_owned();
        let mut all = vec!["--data-dir", &data, "--passphrase-file", &pass];
        all.extend_from_slice(args);
        dalil(&all)
    }

    /// Runs `dalil` on this folder with the right passphrase.
    pub(crate) fn run(&self, args: &[&str]) -> (u8, String, String) {
        self.run_with(&self.pass, args)
    }

    /// Runs a command that must succeed, and returns its standard output.
    pub(crate) fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "dalil {args:?} failed: {err}");
        out
    }

    /// Runs a command with `--json` that must succeed, and parses its output.
    pub(crate) fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("dalil {args:?}: {e}: {out}"))
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// A message in both languages, without isolation marks.
fn message(id: &str, args: &[(&str, Arg<'_>)]) -> [String; 2] {
    [Lang::En, Lang::Ar].map(|lang| {
        let l = Localizer::new(lang);
        assert!(l.has(id), "{id} is not a message");
        strip_isolation(&l.format(id, args))
    })
}

/// Asserts that `text` holds the message `id` in one of the languages.
pub(crate) fn assert_says(text: &str, id: &str, args: &[(&str, Arg<'_>)]) {
    let [en, ar] = message(id, args);
    assert!(
        text.contains(&en) || text.contains(&ar),
        "expected {id} ({en:?}) in {text:?}"
    );
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v["id"].as_str().map(str::to_owned))
        .collect()
}

fn find<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .into_iter()
        .flatten()
        .find(|v| v["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {list}"))
}

#[test]
fn the_full_flow_from_a_fresh_data_folder() {
    let f = Folder::new();
    let reference = "BGD-2024-017";

    // A new case, its reference typed with Arabic-Indic digits; the store is created.
    let (code, out, err) = f.run(&[
        "case",
        "new",
        "--reference",
        "BGD-٢٠٢٤-٠١٧",
        "--title",
        "Recruitment agency, Karrada",
        "--kind",
        "trafficking",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let path = f.data().join("cases.db").to_string_lossy().into_owned();
    assert_says(&err, "cli-store-created", &[("path", Arg::Str(&path))]);
    let case: Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(case["reference"], reference);
    assert_eq!(case["kind"], "trafficking");
    assert_eq!(case["status"], "open");
    let case_id = case["id"].as_i64().unwrap_or_default().to_string();

    let list = f.json(&["case", "list"]);
    assert_eq!(ids_of_cases(&list), [reference]);
    let list = f.json(&["case", "list", "--status", "closed"]);
    assert_eq!(list, Value::Array(Vec::new()));
    let list = f.json(&["case", "list", "--search", "٢٠٢٤-٠١"]);
    assert_eq!(ids_of_cases(&list), [reference]);

    // A step recorded while the case is about trafficking, before the kind changes.
    f.ok(&["step", reference, "file-elements-tip", "done"]);

    // Facts: a child, a foreign national. New steps appear, none is hidden.
    let facts = f.json(&["case", "facts", reference, "child=yes", "foreign-national"]);
    let shown = ids(&facts["shown"]);
    for step in ["intake-child", "intake-foreign", "ident-foreign-workers"] {
        assert!(shown.contains(&step.to_owned()), "{step}: {facts}");
    }
    assert_eq!(ids(&facts["hidden"]), Vec::<String>::new());
    assert_eq!(facts["facts"]["child"], "yes");
    assert_eq!(facts["facts"]["foreign-national"], "yes");
    assert_eq!(facts["facts"]["kind"], "trafficking");

    // The kind fact sets the case kind too, and hides the trafficking-only steps.
    let out = f.ok(&["case", "facts", &case_id, "kind=smuggling"]);
    assert!(out.contains("  + ident-smuggled-migrants  "), "{out}");
    assert!(out.contains("  - file-elements-tip  "), "{out}");
    let show = f.json(&["case", "show", reference]);
    assert_eq!(show["case"]["kind"], "smuggling");
    assert_eq!(find(&show["facts"], "kind")["value"], "smuggling");

    // Steps: done, not applicable with a reason, blocked with a reason.
    f.ok(&["step", reference, "intake-foreign", "done"]);
    f.ok(&[
        "step",
        reference,
        "child-guardian",
        "blocked",
        "--reason",
        "waiting for the juvenile court",
    ]);
    let step = f.json(&[
        "step",
        reference,
        "ident-foreign-workers",
        "na",
        "--reason",
        "the workers are Iraqi",
    ]);
    assert_eq!(step["state"], "not-applicable");
    assert_eq!(step["reason"], "the workers are Iraqi");
    assert_eq!(step["applies"], true);

    // Notes: on a step, on the case (Arabic, with tashkeel), from a file; edit, delete.
    let n1 = f.json(&[
        "note",
        "add",
        reference,
        "--step",
        "intake-foreign",
        "--text",
        "Passport held by the employer.",
    ]);
    assert_eq!(n1["step"], "intake-foreign");
    assert_eq!(n1["revision"], 1);
    let n1 = n1["id"].as_i64().unwrap_or_default().to_string();
    let arabic = "وصلتِ الضَّحِيَّةُ إلى الميناءِ مع مُتَرْجِمٍ.";
    let n2 = f.json(&["note", "add", reference, "--text", arabic]);
    assert_eq!(n2["step"], Value::Null);
    assert_eq!(n2["text"], arabic);
    let n2 = n2["id"].as_i64().unwrap_or_default().to_string();
    let file = f.path("note.txt");
    write(&file, "A note from a file, to be deleted.\n");
    let n3 = f.json(&["note", "add", reference, "--file", &file.to_string_lossy()]);
    assert_eq!(n3["text"], "A note from a file, to be deleted.");
    let n3 = n3["id"].as_i64().unwrap_or_default().to_string();

    let edited = f.json(&[
        "note",
        "edit",
        &n1,
        "--text",
        "Passport held by the employer; copy taken.",
    ]);
    assert_eq!(edited["revision"], 2);
    let out = f.ok(&["note", "delete", &n3]);
    assert_says(&out, "cli-note-deleted-done", &[("id", Arg::Str(&n3))]);

    let revisions = f.json(&["note", "revisions", &n1]);
    let texts: Vec<&str> = revisions
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["text"].as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Passport held by the employer.",
            "Passport held by the employer; copy taken."
        ]
    );
    let revisions = f.json(&["note", "revisions", &n3]);
    assert_eq!(revisions[1]["deleted"], true);
    assert_eq!(revisions[1]["text"], Value::Null);
    let notes = f.json(&["note", "list", reference]);
    let live: Vec<String> = notes
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["id"].to_string())
        .collect();
    assert_eq!(live, [n1.clone(), n2.clone()]);
    let (code, _, err) = f.run(&["note", "edit", &n3, "--text", "again"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-note-deleted", &[("id", Arg::Str(&n3))]);

    // The case as a whole: the checklist by phase, hidden steps with what they hold.
    let show = f.json(&["case", "show", reference]);
    let checklist = &show["checklist"];
    let foreign = find(checklist, "intake-foreign");
    assert_eq!(foreign["state"], "done");
    assert_eq!(foreign["notes"][0]["id"].to_string(), n1);
    assert_eq!(find(checklist, "child-guardian")["state"], "blocked");
    assert_eq!(
        find(checklist, "child-guardian")["reason"],
        "waiting for the juvenile court"
    );
    assert_eq!(find(checklist, "intake-child")["state"], "pending");
    assert_eq!(ids(&show["hidden"]), ["file-elements-tip"]);
    assert_eq!(find(&show["hidden"], "file-elements-tip")["state"], "done");
    assert_eq!(show["retired"], Value::Array(Vec::new()));
    assert_eq!(show["case_notes"][0]["text"], arabic);

    let text = f.ok(&["case", "show", reference]);
    assert!(
        text.starts_with("BGD-2024-017  Recruitment agency, Karrada\n"),
        "{text}"
    );
    assert!(text.contains("intake-foreign"), "{text}");
    assert!(
        text.contains("    Passport held by the employer; copy taken."),
        "{text}"
    );
    assert_says(&text, "cli-case-hidden-heading", &[]);
    assert_says(&text, "cli-case-notes-heading", &[]);
    assert_says(
        &text,
        "cli-step-reason-line",
        &[("reason", Arg::Str("waiting for the juvenile court"))],
    );

    // Another SOP edition: the steps it does not have are retired, notes and states kept.
    let good = fixtures().join("good").to_string_lossy().into_owned();
    let show = f.json(&["--content", &good, "case", "show", reference]);
    let retired = ids(&show["retired"]);
    for step in ["intake-foreign", "child-guardian", "file-elements-tip"] {
        assert!(retired.contains(&step.to_owned()), "{step}: {show}");
    }
    assert_eq!(
        find(&show["retired"], "intake-foreign")["notes"][0]["id"].to_string(),
        n1
    );
    let text = f.ok(&["--content", &good, "case", "show", reference]);
    assert_says(&text, "cli-case-retired-heading", &[]);

    // The notes search finds the Arabic note whatever the tashkeel, with the case reference.
    for query in ["الضحية", "الضَّحِيَّة", "ميناء", "مترجم"] {
        let found = f.json(&["search", "--notes", query]);
        assert_eq!(found.as_array().map(Vec::len), Some(1), "{query}: {found}");
        assert_eq!(found[0]["note"].to_string(), n2);
        assert_eq!(found[0]["case_reference"], reference);
        assert_eq!(found[0]["step"], Value::Null);
    }
    let found = f.json(&["search", "--notes", "passport"]);
    assert_eq!(found[0]["step"], "intake-foreign");
    assert_eq!(
        f.json(&["search", "--notes", "deleted"]),
        Value::Array(Vec::new())
    );
    let (code, out, err) = f.run(&["search", "--notes", "الضحيه"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(&format!("{reference}  ")), "{out}");
    assert!(out.contains("«الضَّحِيَّةُ»"), "{out}");
    assert_says(
        &err,
        "cli-search-notes-summary",
        &[("count", Arg::Num(1.0))],
    );

    // The history names what was done, never the content.
    let history = f.json(&["history", reference]);
    let actions: Vec<&str> = history
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for action in [
        "case.create",
        "fact.set",
        "case.set-kind",
        "step.set",
        "note.add",
        "note.edit",
        "note.delete",
    ] {
        assert!(actions.contains(&action), "{action}: {actions:?}");
    }
    let text = f.ok(&["history", reference]);
    assert!(
        !text.contains("Passport") && !text.contains("الضَّحِيَّةُ"),
        "{text}"
    );

    // The audit log verifies.
    let verified = f.json(&["audit", "verify"]);
    assert_eq!(verified["intact"], true);
    let entries = verified["entries"].as_u64().unwrap_or_default();
    assert!(entries > 10, "{verified}");
    let out = f.ok(&["audit", "verify"]);
    assert_says(
        &out,
        "cli-audit-verified",
        &[
            ("count", Arg::Num(entries as f64)),
            (
                "head",
                Arg::Str(verified["head"].as_str().unwrap_or_default()),
            ),
        ],
    );

    // A closed case refuses changes until it is reopened.
    f.ok(&["case", "close", reference]);
    for args in [
        vec!["note", "add", reference, "--text", "late"],
        vec!["step", reference, "intake-child", "done"],
        vec!["case", "facts", reference, "violence"],
        vec!["note", "edit", &n1, "--text", "late"],
    ] {
        let (code, _, err) = f.run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert_says(&err, "cli-case-closed", &[]);
    }
    let (code, _, err) = f.run(&["case", "close", reference]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-case-closed", &[]);
    assert_eq!(
        f.json(&["case", "list", "--status", "open"]),
        Value::Array(Vec::new())
    );
    let reopened = f.json(&["case", "reopen", reference]);
    assert_eq!(reopened["status"], "open");
    let (code, _, err) = f.run(&["case", "reopen", reference]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-case-not-closed", &[]);

    // A backup, a change after it, and a restore that brings the backup back.
    let backup = f.path("backup.db").to_string_lossy().into_owned();
    let written = f.json(&["backup", &backup]);
    assert!(written["entries"].as_u64().unwrap_or_default() > entries);
    let (code, _, err) = f.run(&["backup", &backup]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-store-already-exists", &[]);
    f.ok(&[
        "note",
        "add",
        reference,
        "--text",
        "written after the backup",
    ]);
    assert_eq!(
        f.json(&["note", "list", reference])
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    let restored = f.json(&["restore", &backup]);
    assert_eq!(restored["entries"], written["entries"]);
    let previous = restored["previous"].as_str().unwrap_or_default().to_owned();
    assert!(previous.ends_with("cases.db.before-restore"), "{restored}");
    assert!(Path::new(&previous).is_file());
    assert_eq!(
        f.json(&["note", "list", reference])
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(f.json(&["audit", "verify"])["intact"], true);

    // A new passphrase: the old one is refused with its own message, the new one works.
    let new_pass = f.path("new-pass.txt");
    write(&new_pass, "a new and longer passphrase\n");
    let out = f.ok(&[
        "passphrase",
        "change",
        "--new-passphrase-file",
        &new_pass.to_string_lossy(),
    ]);
    assert_says(&out, "cli-passphrase-changed", &[]);
    let (code, out, err) = f.run(&["case", "list"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_says(&err, "cli-store-wrong-passphrase", &[]);
    let (code, out, err) = f.run_with(&new_pass, &["case", "list", "--json"]);
    assert_eq!(code, 0, "{err}");
    let list: Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(ids_of_cases(&list), [reference]);
    // The backup keeps the passphrase it was made with.
    let (code, _, err) = f.run_with(&new_pass, &["restore", &backup]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-store-wrong-passphrase", &[]);
}

fn ids_of_cases(list: &Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["reference"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn step_errors_are_clear_and_change_nothing() {
    let f = Folder::new();
    f.ok(&["case", "new", "--reference", "R-1", "--title", "t"]);

    let (code, out, err) = f.run(&["step", "R-1", "no-such-step", "done"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_says(
        &err,
        "cli-step-unknown",
        &[("id", Arg::Str("no-such-step"))],
    );

    for state in ["na", "blocked"] {
        let (code, _, err) = f.run(&["step", "R-1", "intake-foreign", state]);
        assert_eq!(code, 2, "{state}");
        assert_says(&err, "cli-step-reason-required", &[]);
        let (code, _, err) = f.run(&["step", "R-1", "intake-foreign", state, "--reason", "  "]);
        assert_eq!(code, 2, "{state}");
        assert_says(&err, "cli-step-reason-required", &[]);
    }
    let (code, _, err) = f.run(&["step", "R-1", "intake-foreign", "done", "--reason", "x"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-step-reason-not-allowed", &[]);
    let (code, _, err) = f.run(&["step", "R-1", "intake-foreign", "finished"]);
    assert_eq!(code, 2, "{err}");

    let (code, _, err) = f.run(&[
        "note",
        "add",
        "R-1",
        "--step",
        "no-such-step",
        "--text",
        "x",
    ]);
    assert_eq!(code, 2);
    assert_says(
        &err,
        "cli-step-unknown",
        &[("id", Arg::Str("no-such-step"))],
    );
    let (code, _, err) = f.run(&["step", "R-404", "intake-foreign", "done"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-case-not-found", &[]);
    let (code, _, err) = f.run(&["case", "facts", "R-1", "adult"]);
    assert_eq!(code, 2);
    assert!(err.contains("`adult`"), "{err}");
    let (code, _, err) = f.run(&["note", "edit", "twelve", "--text", "x"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-note-bad-id", &[]);
    let (code, _, err) = f.run(&["note", "revisions", "٩٩"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-note-not-found", &[("id", Arg::Str("99"))]);
    let (code, _, err) = f.run(&["case", "new", "--reference", "R-1", "--title", "again"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-case-duplicate-reference", &[]);

    // None of that reached the store.
    let show = f.json(&["case", "show", "R-1"]);
    assert!(
        show["checklist"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|s| s["state"] == "pending")
    );
    // Only the opening: the kind is kept on the case, not written again as a fact (issue 22).
    let history = f.json(&["history", "R-1"]);
    assert_eq!(history.as_array().map(Vec::len), Some(1), "{history}");
}

#[test]
fn a_wrong_passphrase_and_a_damaged_file_have_different_messages() {
    let f = Folder::new();
    f.ok(&[
        "case",
        "new",
        "--reference",
        "R-1",
        "--title",
        "Mariam Khudair",
    ]);
    let wrong = f.path("wrong.txt");
    write(&wrong, "not the passphrase\n");

    let (code, out, err) = f.run_with(&wrong, &["case", "list"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_says(&err, "cli-store-wrong-passphrase", &[]);

    // Damage the first page after the salt: the passphrase is still right.
    let db = f.data().join("cases.db");
    let mut bytes = std::fs::read(&db).unwrap_or_default();
    for b in &mut bytes[200..232] {
        *b ^= 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap_or_else(|e| panic!("{e}"));

    let (code, out, err) = f.run(&["case", "list"]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert_says(&err, "cli-store-damaged", &[]);
    let (code, _, wrong_err) = f.run_with(&wrong, &["case", "list"]);
    assert_eq!(code, 2);
    assert_says(&wrong_err, "cli-store-wrong-passphrase", &[]);
    assert_ne!(err, wrong_err);
    // The damaged file is kept byte for byte, and no message names the case.
    assert_eq!(std::fs::read(&db).unwrap_or_default(), bytes);
    assert!(!err.contains("Mariam") && !wrong_err.contains("Mariam"));

    // A damaged copy is refused by restore before anything is replaced.
    let g = Folder::new();
    g.ok(&["case", "new", "--reference", "R-2", "--title", "t"]);
    let (code, _, err) = g.run(&["restore", &db.to_string_lossy()]);
    assert_eq!(code, 1, "{err}");
    assert_says(&err, "cli-store-damaged", &[]);
    assert_eq!(ids_of_cases(&g.json(&["case", "list"])), ["R-2"]);
    assert!(!g.data().join("cases.db.before-restore").exists());
}

#[test]
fn the_passphrase_is_never_an_argument_and_stdin_carries_one_thing() {
    let f = Folder::new();
    for args in [
        vec!["--passphrase", PASS, "case", "list"],
        vec!["case", "list", "--passphrase", PASS],
        vec!["passphrase", "change", "--new-passphrase", PASS],
    ] {
        let (code, out, _) = f.run(&args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
    }
    assert!(!f.data().exists(), "a refused command created the store");

    // A missing or empty passphrase file is an input error, and creates nothing.
    let missing = f.path("missing.txt");
    let (code, _, err) = f.run_with(&missing, &["case", "list"]);
    assert_eq!(code, 2);
    let [en, ar] = message(
        "cli-passphrase-file-unreadable",
        &[("reason", Arg::Str("x"))],
    );
    let stem = |m: &str| m.trim_end_matches('x').to_owned();
    assert!(
        err.contains(&stem(&en)) || err.contains(&stem(&ar)),
        "{err}"
    );
    let empty = f.path("empty.txt");
    write(&empty, "\n");
    let (code, _, err) = f.run_with(&empty, &["case", "list"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-passphrase-empty", &[]);
    assert!(!f.data().join("cases.db").exists());

    // The passphrase and the note cannot both come from standard input.
    f.ok(&["case", "new", "--reference", "R-1", "--title", "t"]);
    let data = f.data().to_string_lossy().into_owned();
    let (code, _, err) = dalil(&[
        "--data-dir",
        &data,
        "--passphrase-file",
        "-",
        "note",
        "add",
        "R-1",
    ]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-note-stdin-taken", &[]);

    // `passphrase change` on a folder with no case file creates nothing.
    let g = Folder::new();
    let (code, _, err) = g.run(&[
        "passphrase",
        "change",
        "--new-passphrase-file",
        &g.pass.to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-store-no-database", &[]);
    assert!(!g.data().join("cases.db").exists());
}

#[test]
fn text_output_lists_cases_and_notes_readably() {
    let f = Folder::new();
    f.ok(&["case", "new", "--reference", "R-1", "--title", "First"]);
    f.ok(&[
        "case",
        "new",
        "--reference",
        "R-2",
        "--title",
        "Second",
        "--kind",
        "both",
    ]);
    let (code, out, err) = f.run(&["case", "list"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains("R-2") && lines[0].ends_with("Second"),
        "{out}"
    );
    assert!(
        lines[1].contains("R-1") && lines[1].ends_with("First"),
        "{out}"
    );
    assert_says(&err, "cli-case-list-summary", &[("count", Arg::Num(2.0))]);

    let out = f.ok(&["note", "add", "R-2", "--text", "line one\nline two"]);
    assert_says(
        &out,
        "cli-note-added",
        &[("id", Arg::Str("1")), ("reference", Arg::Str("R-2"))],
    );
    let (code, out, err) = f.run(&["note", "list", "R-2"]);
    assert_eq!(code, 0);
    assert!(out.contains("\n    line one\n    line two\n"), "{out}");
    assert_says(&err, "cli-note-list-summary", &[("count", Arg::Num(1.0))]);

    let out = f.ok(&["case", "facts", "R-2", "child"]);
    assert_says(
        &out,
        "cli-facts-saved",
        &[("reference", Arg::Str("R-2")), ("count", Arg::Num(1.0))],
    );
    let out = f.ok(&["case", "facts", "R-2", "child=yes"]);
    assert_says(&out, "cli-facts-checklist-unchanged", &[]);

    let (code, out, _) = f.run(&["search", "--notes", "nothing-like-this"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, _, err) = f.run(&["search", "--notes", "x\u{1}"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-search-control-character", &[]);
}
