//! The Dalil desktop shell.
//!
//! Architecture invariant: this is the only crate that knows Tauri. Commands are thin: parse
//! the input, call a crate, map the error to `{code, message_id}`. All logic lives in the
//! Tauri-free crates under `crates/`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod attach;
mod cases;
mod editions;
mod export;
mod library;
mod menu;
mod practice;
mod settings;
mod transfer;
mod transport;
mod vault;

use std::path::PathBuf;
use std::sync::Mutex;

use settings::Settings;
use tauri::{Emitter, Manager};

use dalil_content::Lang;
use dalil_l10n::Localizer;
use library::Content;
use transport::IpcError;

/// What the commands share.
struct AppState {
    content: Content,
    /// The case store, locked or unlocked.
    vault: vault::Vault,
    /// The data folder.
    data_dir: PathBuf,
    /// The settings, written through to the data folder on every change.
    settings: Mutex<Settings>,
    /// Set once the window has been asked to close (see `on_window_event`).
    closing: std::sync::atomic::AtomicBool,
}

impl AppState {
    /// A localizer for `lang` that writes Arabic numbers in the digits the settings ask for.
    fn localizer(&self, lang: Lang) -> Localizer {
        let digits = self.settings.lock().map(|s| s.digits()).unwrap_or_default();
        Localizer::with_digits(lang, digits)
    }
}

const SETTINGS_UNSAVED: IpcError = IpcError {
    code: "settings-unsaved",
    message_id: "error-settings-unsaved",
};

/// The current settings.
#[tauri::command]
fn settings_get(state: tauri::State<'_, AppState>) -> Settings {
    state.settings.lock().map(|s| s.clone()).unwrap_or_default()
}

/// Changes the settings, saves them, and retitles the window in the UI language.
#[tauri::command]
fn settings_set(
    window: tauri::WebviewWindow,
    state: tauri::State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    let mut current = state.settings.lock().map_err(|_| SETTINGS_UNSAVED)?;
    let window_rect = current.window;
    let old_lang = std::mem::take(&mut current.ui_lang);
    *current = Settings {
        window: window_rect,
        ..settings
    }
    .sanitized();
    settings::save(&state.data_dir, &current).map_err(|_| SETTINGS_UNSAVED)?;
    // The title and the menu are in the UI language: rebuilt only when it changes, not on
    // every change of font size or theme.
    if current.ui_lang != old_lang {
        set_title(&window, &current.ui_lang);
        // A menu that cannot be rebuilt keeps its old language; the settings are saved anyway.
        let _ = menu::install(window.app_handle(), &current.ui_lang);
    }
    Ok(current.clone())
}

/// The window title is the app's name and nothing else, so that nothing about a case shows
/// in a task bar.
fn set_title(window: &tauri::WebviewWindow, ui_lang: &str) {
    let lang = ui_lang.parse().unwrap_or(Lang::Ar);
    let _ = window.set_title(&Localizer::new(lang).get("app-name"));
}

/// Closes the window, once the page has saved what was being typed.
#[tauri::command]
fn window_close(window: tauri::WebviewWindow) {
    let _ = window.destroy();
}

/// Called by the UI once the first chapter is painted. With `DALIL_BENCH_READY` set, it says
/// so on stdout for the startup benchmark (`tests/examples/bench_startup.rs`); otherwise it
/// does nothing.
#[tauri::command]
fn ui_painted() {
    if std::env::var_os("DALIL_BENCH_READY").is_some() {
        use std::io::Write as _;
        let mut out = std::io::stdout();
        let _ = writeln!(out, "dalil-ready");
        let _ = out.flush();
    }
}

/// Whether the case file exists and is unlocked.
#[tauri::command]
fn vault_status(state: tauri::State<'_, AppState>) -> vault::VaultStatus {
    state.vault.status()
}

/// Creates the case file on first run. Off the main thread: the key derivation takes a
/// noticeable fraction of a second.
#[tauri::command]
async fn vault_create(app: tauri::AppHandle, passphrase: String) -> Result<(), IpcError> {
    cases::off_main(app, move |state| state.vault.create(passphrase)).await
}

/// Unlocks the case file, off the main thread.
#[tauri::command]
async fn vault_unlock(app: tauri::AppHandle, passphrase: String) -> Result<(), IpcError> {
    cases::off_main(app, move |state| state.vault.unlock(passphrase)).await
}

/// Locks: the store and its key are dropped. Off the main thread, since it waits for the
/// command that holds the store, if any, to finish.
#[tauri::command]
async fn vault_lock(app: tauri::AppHandle) -> Result<(), IpcError> {
    cases::off_main(app, |state| {
        state.vault.lock();
        Ok(())
    })
    .await
}

/// Writes an encrypted backup of the case file into the data folder's `backups` folder, and
/// returns where it went. Off the main thread, like every command that writes the store.
#[tauri::command]
async fn vault_backup(app: tauri::AppHandle) -> Result<String, IpcError> {
    cases::off_main(app, |state| state.vault.backup()).await
}

/// Changes the passphrase, off the main thread (two key derivations).
#[tauri::command]
async fn vault_change_passphrase(
    app: tauri::AppHandle,
    old: String,
    new: String,
) -> Result<(), IpcError> {
    cases::off_main(app, move |state| state.vault.change_passphrase(old, new)).await
}

/// Only the app's own pages may load in the webview: any other address, typed, linked or
/// redirected to, is refused.
fn navigation_guard<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_, url| {
            matches!(url.scheme(), "tauri")
                || (url.scheme() == "http" && url.host_str() == Some("tauri.localhost"))
        })
        .build()
}

/// Puts the window where it was last time, if that place is known.
fn restore_window(window: &tauri::WebviewWindow, settings: &Settings) {
    if let Some(r) = settings.window {
        let _ = window.set_size(tauri::PhysicalSize::new(
            r.width.max(800),
            r.height.max(560),
        ));
        let _ = window.set_position(tauri::PhysicalPosition::new(r.x, r.y));
    }
}

/// Remembers the window's place when it closes.
fn remember_window(window: &tauri::Window, state: &AppState) {
    let (Ok(pos), Ok(size)) = (window.outer_position(), window.inner_size()) else {
        return;
    };
    if let Ok(mut s) = state.settings.lock() {
        s.window = Some(settings::WindowRect {
            x: pos.x,
            y: pos.y,
            width: size.width,
            height: size.height,
        });
        let _ = settings::save(&state.data_dir, &s);
    }
}

fn main() {
    let data_dir = dalil_store::default_data_dir().unwrap_or_else(|_| PathBuf::from("."));
    let settings = settings::load(&data_dir);
    let result = tauri::Builder::default()
        .plugin(navigation_guard())
        // Used from Rust only (`export.rs`); the window's capability grants the page none of it.
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            content: Content::start(&data_dir),
            vault: vault::Vault::new(&data_dir),
            data_dir,
            settings: Mutex::new(settings),
            closing: std::sync::atomic::AtomicBool::new(false),
        })
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                let state = app.state::<AppState>();
                let settings = state.settings.lock().map(|s| s.clone()).unwrap_or_default();
                restore_window(&window, &settings);
                set_title(&window, &settings.ui_lang);
                // Without a menu bar every action is still in the side bar: not a reason to
                // refuse to start.
                let _ = menu::install(app.handle(), &settings.ui_lang);
            }
            Ok(())
        })
        .on_menu_event(|app, event| menu::on_event(app, &event))
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                remember_window(window, &state);
                // The first request to close lets the page save what is being typed (its
                // draft is otherwise up to one debounce behind); the page then closes the
                // window itself with `window_close`. If it does not answer, the window
                // closes anyway.
                if !state
                    .closing
                    .swap(true, std::sync::atomic::Ordering::SeqCst)
                {
                    api.prevent_close();
                    let _ = window.emit("dalil-closing", ());
                    let window = window.clone();
                    std::thread::spawn(move || {
                        std::thread::sleep(std::time::Duration::from_secs(3));
                        let _ = window.destroy();
                    });
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            library::sop_library,
            library::sop_chapter,
            library::sop_glossary,
            library::ui_messages,
            library::sop_problems,
            settings_get,
            settings_set,
            ui_painted,
            window_close,
            vault_status,
            vault_create,
            vault_unlock,
            vault_lock,
            vault_backup,
            vault_change_passphrase,
            library::sop_search,
            cases::cases_list,
            cases::case_questions,
            cases::case_create,
            cases::case_view,
            cases::case_set_facts,
            cases::case_step_state,
            cases::step_notes,
            cases::draft_save,
            cases::note_commit,
            cases::note_revisions,
            cases::case_history,
            cases::case_close,
            cases::case_reopen,
            cases::case_elements,
            cases::element_set,
            cases::element_link,
            cases::case_register,
            cases::exhibit_add,
            cases::custody_add,
            attach::exhibit_attach,
            export::case_export,
            transfer::transfer_export,
            transfer::device_key,
            editions::sop_editions,
            editions::sop_install,
            editions::sop_changes,
            editions::case_edition_change,
            editions::case_move_edition,
            practice::training_list,
            practice::practice_start,
            practice::practice_view,
            practice::practice_answer,
            practice::practice_check,
            practice::window_practice
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("dalil: the window could not start: {e}");
        std::process::exit(1);
    }
}
