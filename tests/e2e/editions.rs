//! Issue 15 on the real app: an SOP edition installed in the data folder (`dalil sop
//! install`) is the one the app reads, and one changed on disk after it was installed is not:
//! the app falls back to the edition built into it. And, in Arabic and in English, an update
//! installed from a file chosen in the native open dialog, the "What changed" view, and an
//! open case that keeps its edition until the officer moves it.

use std::path::Path;

use dalil_content::Lang;
use serde_json::Value;

use crate::cases::{open_case, open_step, type_note};
use crate::driver::{Session, message};
use crate::next_edition::{ADDED_WORDS, CHANGED_STEP, CONDITION_STEP, NEW_STEP, next_edition};

/// The next edition, packed and installed into `data` with `dalil`. Returns its first
/// chapter's new title.
fn install_next_edition(data: &Path) -> String {
    let stick = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let next = next_edition(stick.path());
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "dalil",
        "--data-dir",
        &s(data),
        "sop",
        "install",
        &s(&next.package),
    ];
    let code = dalil_cli::run_with_lang(dalil_content::Lang::En, args, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    next.title
}

#[test]
fn the_app_reads_the_installed_edition_and_passes_over_one_changed_on_disk() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let title = install_next_edition(data.path());
    let dir = data.path().to_string_lossy().into_owned();
    {
        let app = Session::start(&[("DALIL_DATA_DIR", &dir)]);
        app.wait_for("article.chapter h1");
        assert_eq!(app.text("article.chapter h1"), title);
    }
    // A byte of the installed package changed: the app reads the built-in edition again.
    let installed = std::fs::read_dir(data.path().join("sop"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .next()
        .unwrap_or_else(|| panic!("no installed package"));
    let mut bytes = std::fs::read(&installed).unwrap_or_else(|e| panic!("{e}"));
    let at = bytes.len() - 40;
    bytes[at] ^= 1;
    std::fs::write(&installed, bytes).unwrap_or_else(|e| panic!("{e}"));
    let app = Session::start_locked(&[("DALIL_DATA_DIR", &dir)]);
    app.unlock();
    app.wait_for("article.chapter h1");
    let built_in = dalil_content::load(&dalil_sop_files::bundled()).0;
    assert_eq!(
        app.text("article.chapter h1"),
        built_in.chapters[0].ar.title
    );
}

fn exists(app: &Session, css: &str) -> bool {
    app.js(&format!(
        "return !!document.querySelector({})",
        Value::String(css.to_owned())
    )) == Value::Bool(true)
}

fn install_in_the_app_and_move_a_case(lang: Lang) {
    let stick = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let next = next_edition(stick.path());
    let app = Session::start(&[]);
    if lang == Lang::En {
        app.use_english();
        app.click(".view-switch button[data-content-view='en']");
    }
    // A case with a child among the victims and no violence, opened under the built-in
    // edition, with a note on the step whose guidance the update changes.
    let case = open_case(&app, &format!("TIP-ED-{}", lang.code()), &["child"]);
    open_step(&app, case, CHANGED_STEP);
    type_note(&app, "ملاحظة قبل التحديث");
    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_for(&format!(
        ".checklist li[data-step='{CHANGED_STEP}'] .notes-count"
    ));
    assert!(!exists(
        &app,
        &format!(".checklist li[data-step='{NEW_STEP}']")
    ));

    // Install from the native open dialog.
    app.click(".nav a[data-view='settings']");
    app.wait_for("#sop-editions li[data-source='built-in']");
    let title = message(lang, "sop-install-title");
    app.click("#sop-install");
    app.answer_open_dialog(&title, &next.package);
    app.wait_for("#sop-install-status.install-done");
    assert!(
        app.text("#sop-read").contains(&next.version),
        "{}",
        app.text("#sop-read")
    );
    app.wait_for("#sop-editions li[data-source='installed'] .read-now");
    // The same package again: refused, in words.
    app.click("#sop-install");
    app.answer_open_dialog(&title, &next.package);
    app.wait_until(
        "the refusal",
        "return document.getElementById('sop-install-status').className === 'error'",
    );
    assert_eq!(
        app.text("#sop-install-status"),
        message(lang, "sop-install-already")
    );
    // The library reads the new edition at once.
    app.js("location.hash = '#/chapter/intake'; return true;");
    app.wait_for(&format!(
        "article.chapter section.step[data-step='{NEW_STEP}']"
    ));

    // What changed.
    app.js("location.hash = '#/changes'; return true;");
    app.wait_for(".change-group[data-kind='guidance']");
    let words = ADDED_WORDS[usize::from(lang == Lang::En)];
    let added = app.text(&format!(
        ".change-group[data-kind='guidance'] li[data-step='{CHANGED_STEP}'] ins"
    ));
    assert!(added.contains(words), "{added:?} lacks {words:?}");
    assert!(exists(
        &app,
        &format!(".change-group[data-kind='added'] li[data-step='{NEW_STEP}']")
    ));
    assert!(exists(
        &app,
        &format!(".change-group[data-kind='condition'] li[data-step='{CONDITION_STEP}']")
    ));

    // The case stays on its edition, and says so.
    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_for("#case-edition-review");
    assert!(!exists(
        &app,
        &format!(".checklist li[data-step='{NEW_STEP}']")
    ));
    // Its walk-through still shows the old guidance.
    open_step(&app, case, CHANGED_STEP);
    let guidance = app.text("#walk-guidance");
    assert!(
        !guidance.contains(ADDED_WORDS[0]) && !guidance.contains(ADDED_WORDS[1]),
        "{guidance}"
    );

    // What moving it would change, for this case: the new step, and the step its child
    // brings in under the new condition; the changed step keeps its note.
    app.js(&format!(
        "location.hash = '#/case/{case}/edition'; return true;"
    ));
    app.wait_for(&format!(
        ".move-group[data-kind='appear'] li[data-step='{NEW_STEP}']"
    ));
    assert!(exists(
        &app,
        &format!(".move-group[data-kind='appear'] li[data-step='{CONDITION_STEP}'] .why")
    ));
    assert!(exists(
        &app,
        &format!(".move-group[data-kind='changed'] li[data-step='{CHANGED_STEP}'] .notes-count")
    ));
    app.click("#case-move");
    app.click("#case-move-confirm");
    app.wait_for(".move-done");

    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_for(&format!(".checklist li[data-step='{NEW_STEP}']"));
    assert!(!exists(&app, "#case-edition-review"));
    assert!(exists(
        &app,
        &format!(".checklist li[data-step='{CHANGED_STEP}'] .notes-count")
    ));
    assert!(
        app.text(".case-meta").contains(&next.version),
        "{}",
        app.text(".case-meta")
    );
    open_step(&app, case, CHANGED_STEP);
    assert!(
        app.text("#walk-guidance")
            .contains(ADDED_WORDS[usize::from(lang == Lang::En)])
    );
}

#[test]
fn an_update_installed_from_the_dialog_shows_what_changed_and_a_case_moves_in_arabic() {
    install_in_the_app_and_move_a_case(Lang::Ar);
}

#[test]
fn an_update_installed_from_the_dialog_shows_what_changed_and_a_case_moves_in_english() {
    install_in_the_app_and_move_a_case(Lang::En);
}
