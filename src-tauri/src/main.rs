//! The Dalil desktop shell.
//!
//! Architecture invariant: this is the only crate that knows Tauri. Commands are thin: parse
//! the input, call a crate, map the error to `{code, message_id}`. All logic lives in the
//! Tauri-free crates under `crates/`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod cases;
mod export;
mod menu;
mod settings;
mod transport;
mod vault;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use settings::Settings;
use tauri::{Emitter, Manager};

use dalil_content::{Lang, Sop};
use dalil_l10n::Localizer;
use transport::{ChapterEntry, ChapterView, IpcError, PhaseEntry};

/// The SOP and its search index, loaded on a thread of their own while the window starts,
/// and never changed after.
struct Content {
    loading: Mutex<Option<std::thread::JoinHandle<Loaded>>>,
    loaded: OnceLock<Loaded>,
}

/// What the loading thread produces.
struct Loaded {
    sop: Sop,
    problems: usize,
    /// The search index; `None` if it could not be built (search then reports an error).
    index: Option<Mutex<dalil_search::SopIndex>>,
}

impl Content {
    fn start() -> Self {
        Content {
            loading: Mutex::new(Some(std::thread::spawn(load_sop))),
            loaded: OnceLock::new(),
        }
    }

    /// The SOP, waiting for the load to finish the first time.
    fn sop(&self) -> &Sop {
        &self.get().sop
    }

    /// The number of content problems found; the UI warns when it is not zero.
    fn problems(&self) -> usize {
        self.get().problems
    }

    fn index(&self) -> Option<&Mutex<dalil_search::SopIndex>> {
        self.get().index.as_ref()
    }

    fn get(&self) -> &Loaded {
        self.loaded.get_or_init(|| {
            let handle = self.loading.lock().ok().and_then(|mut h| h.take());
            // A load that panicked leaves an empty SOP, which the UI shows as "no chapters".
            handle
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| Loaded {
                    sop: Sop::default(),
                    problems: 1,
                    index: None,
                })
        })
    }
}

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

const SETTINGS_UNSAVED: IpcError = IpcError {
    code: "settings-unsaved",
    message_id: "error-settings-unsaved",
};

fn lang(code: &str) -> Result<Lang, IpcError> {
    code.parse().map_err(|_| IpcError {
        code: "unknown-language",
        message_id: "error-unknown-language",
    })
}

/// The library: phases with their chapters.
#[tauri::command]
fn sop_library(
    state: tauri::State<'_, AppState>,
    lang_code: &str,
) -> Result<Vec<PhaseEntry>, IpcError> {
    let lang = lang(lang_code)?;
    let sop = state.content.sop();
    Ok(sop
        .manifest
        .phases
        .iter()
        .map(|p| PhaseEntry {
            id: p.id.clone(),
            name: p.name.get(lang).to_owned(),
            chapters: sop
                .chapters
                .iter()
                .filter(|c| c.phase == p.id)
                .map(|c| ChapterEntry {
                    id: c.id.clone(),
                    title: c.text(lang).title.clone(),
                    steps: c.text(lang).steps.len(),
                })
                .collect(),
        })
        .filter(|p| !p.chapters.is_empty())
        .collect())
}

/// One chapter, rendered and sanitized.
#[tauri::command]
fn sop_chapter(
    state: tauri::State<'_, AppState>,
    id: &str,
    lang_code: &str,
) -> Result<ChapterView, IpcError> {
    let lang = lang(lang_code)?;
    let labels = Localizer::new(lang).render_labels();
    let rendered = dalil_content::render::render_chapter(state.content.sop(), id, lang, &labels)
        .ok_or(IpcError {
            code: "unknown-chapter",
            message_id: "error-unknown-chapter",
        })?;
    Ok(ChapterView {
        id: id.to_owned(),
        lang: lang.code(),
        dir: lang.dir(),
        html: rendered.html,
        toc: rendered.toc,
    })
}

/// The UI's messages in one language, resolved, keyed by id.
#[tauri::command]
fn ui_messages(lang_code: &str) -> Result<BTreeMap<String, String>, IpcError> {
    let l10n = Localizer::new(lang(lang_code)?);
    Ok(dalil_l10n::ui_message_ids()
        .into_iter()
        .map(|id| (id.to_owned(), l10n.get(id)))
        .collect())
}

/// The glossary: term pairs with their definitions, in file order.
#[tauri::command]
fn sop_glossary(state: tauri::State<'_, AppState>) -> Vec<transport::TermEntry> {
    state
        .content
        .sop()
        .glossary
        .terms
        .iter()
        .map(|t| transport::TermEntry {
            id: t.id.clone(),
            ar: t.name.ar.clone(),
            en: t.name.en.clone(),
            ar_variants: t.ar_variants.clone(),
            en_variants: t.en_variants.clone(),
            definition_ar: t.definition.ar.clone(),
            definition_en: t.definition.en.clone(),
            note_ar: t.note.as_ref().map(|n| n.ar.clone()),
            note_en: t.note.as_ref().map(|n| n.en.clone()),
        })
        .collect()
}

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

/// Creates the case file on first run.
#[tauri::command]
fn vault_create(state: tauri::State<'_, AppState>, passphrase: String) -> Result<(), IpcError> {
    state.vault.create(passphrase)
}

/// Unlocks the case file.
#[tauri::command]
fn vault_unlock(state: tauri::State<'_, AppState>, passphrase: String) -> Result<(), IpcError> {
    state.vault.unlock(passphrase)
}

/// Locks: the store and its key are dropped.
#[tauri::command]
fn vault_lock(state: tauri::State<'_, AppState>) {
    state.vault.lock();
}

/// Writes an encrypted backup of the case file into the data folder's `backups` folder, and
/// returns where it went.
#[tauri::command]
fn vault_backup(state: tauri::State<'_, AppState>) -> Result<String, IpcError> {
    state.vault.backup()
}

/// Changes the passphrase.
#[tauri::command]
fn vault_change_passphrase(
    state: tauri::State<'_, AppState>,
    old: String,
    new: String,
) -> Result<(), IpcError> {
    state.vault.change_passphrase(old, new)
}

/// Searches the SOP as the reader types.
#[tauri::command]
fn sop_search(
    state: tauri::State<'_, AppState>,
    query: &str,
    lang_code: Option<&str>,
) -> Result<Vec<transport::SearchGroup>, IpcError> {
    let lang = lang_code.map(lang).transpose()?;
    let index = state.content.index().ok_or(SEARCH_FAILED)?;
    let index = index.lock().map_err(|_| SEARCH_FAILED)?;
    let options = dalil_search::SearchOptions { lang, limit: 30 };
    let results = index.search(query, &options).map_err(|e| IpcError {
        code: e.code(),
        message_id: match e.code() {
            "query-too-long" | "query-too-many-words" => "search-too-long",
            "query-control-character" => "search-bad-character",
            _ => "search-failed",
        },
    })?;
    Ok(transport::search_groups(&results))
}

const SEARCH_FAILED: IpcError = IpcError {
    code: "search-failed",
    message_id: "search-failed",
};

/// How many content problems were found at start.
#[tauri::command]
fn sop_problems(state: tauri::State<'_, AppState>) -> usize {
    state.content.problems()
}

/// The SOP: the folder named by `DALIL_CONTENT`, for staff checking their edits and for
/// tests, or else the copy built into the app.
fn load_sop() -> Loaded {
    let files = match std::env::var_os("DALIL_CONTENT") {
        Some(dir) => match dalil_sop_files::read_dir(std::path::Path::new(&dir)) {
            Ok(files) => files,
            Err(e) => {
                eprintln!("dalil: {e}; using the built-in SOP");
                dalil_sop_files::bundled()
            }
        },
        None => dalil_sop_files::bundled(),
    };
    let (sop, diagnostics) = dalil_content::load(&files);
    let index = dalil_search::SopIndex::build(&sop).ok().map(Mutex::new);
    Loaded {
        problems: diagnostics.len(),
        sop,
        index,
    }
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
            content: Content::start(),
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
            sop_library,
            sop_chapter,
            sop_glossary,
            ui_messages,
            sop_problems,
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
            sop_search,
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
            export::case_export
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("dalil: the window could not start: {e}");
        std::process::exit(1);
    }
}
