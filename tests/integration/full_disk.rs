//! A full disk (issue #18), through the real `dalil` run in-process, in Arabic and in English.
//!
//! Each test mounts a tmpfs of a few MB (see `SmallDisk`), fills it with a filler file, and
//! runs the command with either the data folder (note saves) or the destination (backup,
//! export, transfer export) on it. Every command must say, in the caller's language, that the
//! disk is full; nothing saved before may be lost and nothing half-written may be left; once
//! the filler is deleted the same command must work.

use std::fs;
use std::path::PathBuf;

use dalil_l10n::{Lang, Localizer, strip_isolation};
use dalil_store::{Passphrase, Store};
use serde_json::Value;

use crate::support::{SmallDisk, dalil_in};

const PASS: &str = "correct horse battery staple";
const LANGS: [Lang; 2] = [Lang::Ar, Lang::En];
const REFERENCE: &str = "BGD-2026-018";

/// A data folder at `data` (on the small disk or not) and a passphrase file on the ordinary
/// disk, driven in one language.
struct Officer {
    lang: Lang,
    home: tempfile::TempDir,
    data: PathBuf,
}

impl Officer {
    fn new(lang: Lang, data: PathBuf) -> Officer {
        let home = tempfile::Builder::new()
            .prefix("dalil-full-disk-")
            .tempdir()
            .unwrap_or_else(|e| panic!("{e}"));
        fs::write(home.path().join("pass.txt"), format!("{PASS}\n"))
            .unwrap_or_else(|e| panic!("{e}"));
        Officer { lang, home, data }
    }

    /// An officer whose data folder is on the ordinary disk.
    fn at_home(lang: Lang) -> Officer {
        let mut officer = Officer::new(lang, PathBuf::new());
        officer.data = officer.home.path().join("data");
        officer
    }

    fn run(&self, args: &[&str]) -> (u8, String, String) {
        let data = self.data.to_string_lossy().into_owned();
        let pass = self.home.path().join("pass.txt");
        let pass = pass.to_string_lossy().into_owned();
        let mut all = vec!["--data-dir", &data, "--passphrase-file", &pass];
        all.extend_from_slice(args);
        dalil_in(self.lang, &all)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "dalil {args:?} failed: {err}");
        out
    }

    /// Runs a command that must fail with the full-disk message.
    fn fails_disk_full(&self, args: &[&str]) {
        let (code, _, err) = self.run(args);
        self.said_disk_full(args, code, &err);
    }

    /// Asserts that a command's exit code and standard error are those of a full disk, in
    /// this officer's language (and not the other's).
    fn said_disk_full(&self, args: &[&str], code: u8, err: &str) {
        let err = strip_isolation(err);
        let [mine, other] = match self.lang {
            Lang::Ar => [Lang::Ar, Lang::En],
            Lang::En => [Lang::En, Lang::Ar],
        }
        .map(|l| strip_isolation(&Localizer::new(l).get("cli-store-disk-full")));
        assert_ne!(code, 0, "dalil {args:?} succeeded on a full disk");
        assert!(
            err.contains(&mine) && !err.contains(&other),
            "dalil {args:?} in {:?}: expected {mine:?}, got {err:?}",
            self.lang
        );
    }

    fn db(&self) -> PathBuf {
        self.data.join("cases.db")
    }

    fn store(&self) -> Store {
        Store::open(&self.db(), &Passphrase::from(PASS)).unwrap_or_else(|e| panic!("open: {e}"))
    }

    /// Makes the case and gives it `notes` notes (through the store, which is quicker than a
    /// passphrase derivation per note).
    fn with_case(self, notes: usize) -> Officer {
        self.ok(&[
            "case",
            "new",
            "--reference",
            REFERENCE,
            "--title",
            "Recruitment agency, Karrada",
            "--kind",
            "trafficking",
        ]);
        let mut store = self.store();
        let case = dalil_case::resolve(&store, REFERENCE).unwrap_or_else(|e| panic!("{e:?}"));
        for i in 0..notes {
            store
                .add_note(case, None, &note_text(i))
                .unwrap_or_else(|e| panic!("note {i}: {e}"));
        }
        store.lock().unwrap_or_else(|e| panic!("{e}"));
        self
    }
}

/// A note's text, different for each `i`, about 2 KB, mostly Arabic.
fn note_text(i: usize) -> String {
    format!(
        "ملاحظة {i}: {}",
        "وصلت الضحية إلى الميناء مع مترجم، وجواز سفرها لدى صاحب العمل. ".repeat(16)
    )
}

/// Every note of the case: id and text.
fn notes(store: &Store) -> Vec<(i64, String)> {
    let case = dalil_case::resolve(store, REFERENCE).unwrap_or_else(|e| panic!("{e:?}"));
    store
        .notes(case)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|n| (n.id.0, n.text))
        .collect()
}

fn check(store: &Store) {
    store.check().unwrap_or_else(|e| panic!("check: {e}"));
}

#[test]
fn notes_saved_on_a_full_disk_are_refused_in_both_languages_and_nothing_is_lost() {
    for lang in LANGS {
        let disk = SmallDisk::new("8m");
        let officer = Officer::new(lang, disk.path().join("data")).with_case(0);
        disk.fill(256 << 10);

        // Notes through `dalil note add` until one does not fit.
        let mut saved: Vec<(i64, String)> = Vec::new();
        loop {
            let text = note_text(saved.len());
            let args = ["note", "add", REFERENCE, "--text", &text, "--json"];
            let (code, out, err) = officer.run(&args);
            if code != 0 {
                println!("{lang:?}: note {} refused: {}", saved.len() + 1, err.trim());
                officer.said_disk_full(&args, code, &err);
                // Tried again on the full disk, it is refused the same way.
                officer.fails_disk_full(&args);
                break;
            }
            let note: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
            saved.push((note["id"].as_i64().unwrap_or_default(), text));
            assert!(saved.len() < 200, "{lang:?}: the disk never filled");
        }
        assert!(
            !saved.is_empty(),
            "{lang:?}: no note fitted in the space left"
        );
        // The store's own answer is `DiskFull`.
        let mut store = officer.store();
        let case = dalil_case::resolve(&store, REFERENCE).unwrap_or_else(|e| panic!("{e:?}"));
        let refused = store.add_note(case, None, &note_text(saved.len()));
        assert_eq!(
            refused.as_ref().map_err(|e| e.code()).err(),
            Some("disk-full"),
            "{lang:?}: {refused:?}"
        );
        // Every acknowledged note is there, word for word, with the disk still full.
        assert_eq!(notes(&store), saved, "{lang:?}");
        drop(store);
        // With no byte left at all (not even for SQLite's `-shm`), it says the same.
        let filler = disk.fill(0);
        officer.fails_disk_full(&["note", "add", REFERENCE, "--text", "no room at all"]);

        // Space freed: the file checks, and work goes on through `dalil`.
        fs::remove_file(&filler).unwrap_or_else(|e| panic!("{e}"));
        check(&officer.store());
        officer.ok(&[
            "note",
            "add",
            REFERENCE,
            "--text",
            "after the space was freed",
        ]);
        let store = officer.store();
        check(&store);
        let all = notes(&store);
        assert_eq!(all.len(), saved.len() + 1, "{lang:?}");
        assert_eq!(all[..saved.len()], saved[..], "{lang:?}");
        store.lock().unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The arguments of a command that writes the file it is given.
type WritesTo = dyn Fn(&str) -> Vec<String>;

/// The commands that write a case out to the file they are given: the report (in
/// `report_lang`), the bundle, and the transfer to the directorate.
fn exports(report_lang: &'static str) -> [(&'static str, Box<WritesTo>); 3] {
    [
        (
            "report",
            Box::new(move |dest| {
                [
                    "export",
                    REFERENCE,
                    "--format",
                    "html",
                    "--lang",
                    report_lang,
                    "-o",
                    dest,
                ]
                .map(String::from)
                .to_vec()
            }),
        ),
        (
            "bundle",
            Box::new(|dest| {
                ["export", REFERENCE, "--format", "bundle", "-o", dest]
                    .map(String::from)
                    .to_vec()
            }),
        ),
        (
            "transfer",
            Box::new(|dest| {
                ["transfer", "export", REFERENCE, "--to", dest]
                    .map(String::from)
                    .to_vec()
            }),
        ),
    ]
}

/// The bytes of the case file and its key check, to show that a failed command left them as they
/// were.
fn case_file(officer: &Officer) -> Vec<(PathBuf, Vec<u8>)> {
    let db = officer.db();
    let kc = PathBuf::from(format!("{}.keycheck", db.display()));
    [db, kc]
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, bytes)
        })
        .collect()
}

/// Runs `args(dest)` with `dest` on a full disk, with `leave` bytes of room: the full-disk
/// message, nothing left on the disk but the filler, the case file unchanged; then, with the
/// filler gone, the same command works. Returns the file written.
fn refused_then_works(officer: &Officer, leave: u64, args: &WritesTo) -> (SmallDisk, PathBuf) {
    let disk = SmallDisk::new("4m");
    let filler = disk.fill(leave);
    let dest = disk.path().join("out.file");
    let dest_text = dest.to_string_lossy().into_owned();
    let argv = args(&dest_text);
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let before = case_file(officer);
    officer.fails_disk_full(&argv);
    assert_eq!(disk.names(), ["filler"], "{argv:?} left files behind");
    assert!(
        case_file(officer) == before,
        "{argv:?} changed the case file"
    );

    fs::remove_file(&filler).unwrap_or_else(|e| panic!("{e}"));
    officer.ok(&argv);
    assert!(dest.is_file(), "{argv:?} wrote nothing");
    (disk, dest)
}

#[test]
fn a_backup_to_a_full_disk_is_refused_in_both_languages_and_leaves_nothing() {
    for lang in LANGS {
        let officer = Officer::at_home(lang).with_case(150);
        let size = fs::metadata(officer.db()).map(|m| m.len()).unwrap_or(0);
        // No room; room for half the copy; room for the copy but not the `-shm` SQLite makes
        // when the copy is checked (issue #18).
        for leave in [0, size / 2, size + 4096] {
            let (_disk, dest) =
                refused_then_works(&officer, leave, &|dest| vec!["backup".into(), dest.into()]);
            let backup = Store::open(&dest, &Passphrase::from(PASS))
                .unwrap_or_else(|e| panic!("backup: {e}"));
            check(&backup);
            assert_eq!(notes(&backup).len(), 150);
        }
        check(&officer.store());
    }
}

#[test]
fn exports_to_a_full_disk_are_refused_in_both_languages_and_leave_nothing() {
    let directorate = dalil_transfer::DirectorateIdentity::generate();
    for lang in LANGS {
        let officer = Officer::at_home(lang).with_case(60);
        fs::write(
            officer.data.join("directorate.pub"),
            dalil_transfer::key_file_text(&directorate.public()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let commands = exports("both");
        for (what, args) in commands {
            // The size of the file when there is room, to leave half of it.
            let free = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let sample = free.path().join("sample");
            let argv = args(&sample.to_string_lossy());
            officer.ok(&argv.iter().map(String::as_str).collect::<Vec<_>>());
            let size = fs::metadata(&sample).map(|m| m.len()).unwrap_or(0);
            assert!(size > 16 << 10, "{what}: only {size} bytes");
            for leave in [0, size / 2] {
                let (_disk, dest) = refused_then_works(&officer, leave, &*args);
                let len = fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
                assert!(len > 0, "{what}: empty after the space was freed");
            }
        }
        check(&officer.store());
    }
}

#[test]
fn an_attach_on_a_full_disk_is_refused_in_both_languages_and_nothing_is_lost() {
    for lang in LANGS {
        let disk = SmallDisk::new("8m");
        let officer = Officer::new(lang, disk.path().join("data")).with_case(5);
        officer.ok(&[
            "evidence",
            "add",
            REFERENCE,
            "--description",
            "Phone",
            "--kind",
            "phone",
            "--seized-at",
            "2026-11-30",
            "--seized-where",
            "Office",
            "--seized-by",
            "Investigator",
        ]);
        let before = notes(&officer.store());
        // A file bigger than the whole disk.
        let big = officer.home.path().join("image.bin");
        fs::write(&big, vec![7u8; 12 << 20]).unwrap_or_else(|e| panic!("{e}"));
        let big = big.to_string_lossy().into_owned();
        officer.fails_disk_full(&["evidence", "attach", REFERENCE, "1", &big]);

        let mut store = officer.store();
        let case = dalil_case::resolve(&store, REFERENCE).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(store.attachments(case, 1).map(|a| a.len()).ok(), Some(0));
        assert_eq!(notes(&store), before, "{lang:?}");
        check(&store);
        drop(store);
        // Work goes on with the space there is.
        let small = officer.home.path().join("scan.jpg");
        fs::write(&small, b"a small scan").unwrap_or_else(|e| panic!("{e}"));
        officer.ok(&[
            "evidence",
            "attach",
            REFERENCE,
            "1",
            &small.to_string_lossy(),
        ]);
        store = officer.store();
        assert_eq!(store.attachments(case, 1).map(|a| a.len()).ok(), Some(1));
        check(&store);
        store.lock().unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The number of entries in the case's history.
fn history_len(officer: &Officer) -> usize {
    let store = officer.store();
    let case = dalil_case::resolve(&store, REFERENCE).unwrap_or_else(|e| panic!("{e:?}"));
    store
        .history(case)
        .map(|h| h.len())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Issue #18: with the *data folder* on a full disk, an export can write its file and then
/// fail to record it in the case's history. It said only "the disk is full, nothing was
/// saved", with the file there. As in the app, the file stays and the command now says that it
/// was written but not recorded, then why. Room is given in steps of 8 KB until the command
/// goes through: too little to open the case file (no file), enough to write the file but not
/// the history entry (the file and that message), enough for both (success).
#[test]
fn issue_18_an_export_the_history_cannot_record_says_so() {
    let directorate = dalil_transfer::DirectorateIdentity::generate();
    for lang in LANGS {
        let commands = exports("en");
        for (what, args) in commands {
            let disk = SmallDisk::new("8m");
            let officer = Officer::new(lang, disk.path().join("data")).with_case(20);
            fs::write(
                officer.data.join("directorate.pub"),
                dalil_transfer::key_file_text(&directorate.public()),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            let mut refusals = 0;
            let mut unrecorded = 0;
            let not_recorded =
                strip_isolation(&Localizer::new(lang).get("report-cli-not-recorded"));
            for step in 0..32u64 {
                let before = history_len(&officer);
                let dest = officer.home.path().join(format!("out-{step}"));
                let argv = args(&dest.to_string_lossy());
                let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
                let filler = disk.fill(step * 8192);
                let (code, _, err) = officer.run(&argv);
                fs::remove_file(&filler).unwrap_or_else(|e| panic!("{e}"));
                if code == 0 {
                    assert!(dest.is_file(), "{what}: written but no file");
                    assert_eq!(history_len(&officer), before + 1, "{what}: not recorded");
                    break;
                }
                refusals += 1;
                officer.said_disk_full(&argv, code, &err);
                let said = strip_isolation(&err).contains(&not_recorded);
                assert_eq!(
                    dest.exists(),
                    said,
                    "{what} with {step} × 8 KB free: file there {}, said so {said}: {err}",
                    dest.exists()
                );
                unrecorded += usize::from(said);
                assert_eq!(history_len(&officer), before, "{what}: history changed");
            }
            println!("{lang:?} {what}: {refusals} refusals, {unrecorded} written but not recorded");
            assert!(refusals > 0, "{what}: never refused");
            assert!(
                unrecorded > 0,
                "{what}: no step wrote the file without recording it"
            );
            check(&officer.store());
        }
    }
}
