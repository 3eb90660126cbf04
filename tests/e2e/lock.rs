//! The lock: first run, unlock with a wrong and a right passphrase, the lock button, and
//! auto-lock after idle minutes.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::driver::{PASSPHRASE, Session};

fn messages(lang: dalil_l10n::Lang) -> dalil_l10n::Localizer {
    dalil_l10n::Localizer::new(lang)
}

#[test]
fn the_first_run_creates_a_passphrase_with_a_warning_and_a_strength_hint() {
    let app = Session::start_locked(&[]);
    app.wait_for("#create-form:not([hidden])");
    let ar = messages(dalil_l10n::Lang::Ar);
    assert_eq!(app.text("#create-form .warning"), ar.get("create-warning"));
    // Nothing behind the lock screen is laid out.
    assert_eq!(
        app.js("return getComputedStyle(document.querySelector('main')).display"),
        "none"
    );
    app.type_into("#create-form input[name='passphrase']", "short");
    assert_eq!(app.text("#strength"), ar.get("strength-too-short"));
    app.js(
        "document.querySelector('#create-form input[name=passphrase]').value = ''; return true;",
    );
    app.type_into("#create-form input[name='passphrase']", PASSPHRASE);
    assert_eq!(app.text("#strength"), ar.get("strength-strong"));
    app.type_into(
        "#create-form input[name='confirm']",
        "something else entirely",
    );
    app.click("#create-form button[type='submit']");
    app.wait_until(
        "the mismatch message",
        "return !document.getElementById('create-error').hidden",
    );
    assert_eq!(app.text("#create-error"), ar.get("create-mismatch"));
    app.js("document.querySelector('#create-form input[name=confirm]').value = ''; return true;");
    app.type_into("#create-form input[name='confirm']", PASSPHRASE);
    app.click("#create-form button[type='submit']");
    app.wait_until(
        "the library",
        "return !!document.querySelector('article.chapter')",
    );
    assert!(app.data_dir.path().join("cases.db").is_file());
}

#[test]
fn locking_clears_the_screen_and_a_wrong_passphrase_says_so() {
    let app = Session::start(&[]);
    app.click("#lock-button");
    app.wait_for("#unlock-form:not([hidden])");
    assert_eq!(
        app.js("return document.getElementById('chapter').childElementCount"),
        Value::from(0)
    );
    assert_eq!(
        app.js("return getComputedStyle(document.querySelector('.sidebar')).display"),
        "none"
    );

    app.type_into(
        "#unlock-form input[name='passphrase']",
        "not the passphrase",
    );
    app.click("#unlock-form button[type='submit']");
    app.wait_until(
        "the error",
        "return !document.getElementById('unlock-error').hidden",
    );
    assert_eq!(
        app.js("return document.getElementById('unlock-error').dataset.code"),
        "wrong-passphrase"
    );
    assert_eq!(
        app.text("#unlock-error"),
        messages(dalil_l10n::Lang::Ar).get("unlock-wrong-passphrase")
    );

    app.type_into("#unlock-form input[name='passphrase']", PASSPHRASE);
    app.click("#unlock-form button[type='submit']");
    app.wait_until("the library again", "return !document.body.classList.contains('locked') && !!document.querySelector('article.chapter')");
}

#[test]
fn the_lock_shortcut_locks() {
    let app = Session::start(&[]);
    app.js("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'l', ctrlKey: true, bubbles: true})); return true;");
    app.wait_for("#unlock-form:not([hidden])");
}

#[test]
fn the_menu_bar_locks_from_its_item_and_from_its_shortcut() {
    let app = Session::start(&[]);
    let title = dalil_l10n::strip_isolation(
        &dalil_l10n::Localizer::new(dalil_content::Lang::Ar).get("app-name"),
    );
    // The first menu's first item, from the keyboard: F10 opens the menu bar.
    app.x_keys(&title, &["F10", "Down", "Return"]);
    app.unlock();
    // A real Ctrl+L reaches the menu's shortcut before the page.
    app.x_keys(&title, &["ctrl+l"]);
    app.wait_for("#unlock-form:not([hidden])");
}

#[test]
fn the_app_locks_itself_after_the_idle_minutes_set_in_settings() {
    let app = Session::start(&[]);
    app.click(".nav a[data-view='settings']");
    // One minute, typed with an Arabic-Indic digit.
    app.js("const i = document.querySelector('input[name=autoLock]'); i.value = '١'; i.dispatchEvent(new Event('change')); return true;");
    // The field shows the minutes again in the digits of the UI: Arabic-Indic by default.
    app.wait_until(
        "the setting to be saved",
        "return document.getElementById('settings-status').textContent !== '' \
         && document.querySelector('input[name=autoLock]').value === '١'",
    );
    let set = Instant::now();
    let deadline = set + Duration::from_secs(120);
    while app.js("return document.body.classList.contains('locked')") != Value::Bool(true) {
        assert!(
            Instant::now() < deadline,
            "the app did not lock itself after a minute idle"
        );
        std::thread::sleep(Duration::from_secs(1));
    }
    assert!(
        set.elapsed() >= Duration::from_secs(55),
        "locked too early: {:?}",
        set.elapsed()
    );
    assert_eq!(
        app.js("return document.getElementById('chapter').childElementCount"),
        Value::from(0)
    );
}
