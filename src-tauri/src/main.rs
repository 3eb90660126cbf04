//! The Dalil desktop shell.
//!
//! Architecture invariant: this is the only crate that knows Tauri. Commands are thin: parse
//! the input, call a crate, map the error to `{code, message_id}`. All logic lives in the
//! Tauri-free crates under `crates/`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod transport;

use std::collections::BTreeMap;

use dalil_content::{Lang, Sop};
use dalil_l10n::Localizer;
use transport::{ChapterEntry, ChapterView, IpcError, PhaseEntry};

/// What the commands share. The SOP is loaded once at start and never changes while the app
/// runs, so it needs no lock.
struct AppState {
    sop: Sop,
    /// The number of content problems found at start; the UI warns when it is not zero.
    problems: usize,
}

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
    let sop = &state.sop;
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
    let rendered =
        dalil_content::render::render_chapter(&state.sop, id, lang, &labels).ok_or(IpcError {
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

/// How many content problems were found at start.
#[tauri::command]
fn sop_problems(state: tauri::State<'_, AppState>) -> usize {
    state.problems
}

/// The SOP: the folder named by `DALIL_CONTENT`, for staff checking their edits and for
/// tests, or else the copy built into the app.
fn load_sop() -> (Sop, usize) {
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
    (sop, diagnostics.len())
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

fn main() {
    let (sop, problems) = load_sop();
    let result = tauri::Builder::default()
        .plugin(navigation_guard())
        .manage(AppState { sop, problems })
        .invoke_handler(tauri::generate_handler![
            sop_library,
            sop_chapter,
            ui_messages,
            sop_problems
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("dalil: the window could not start: {e}");
        std::process::exit(1);
    }
}
