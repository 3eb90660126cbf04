//! Export of a case: the printable report or the case bundle, written where the officer
//! chooses in a save dialog.
//!
//! The dialog is opened here, in Rust, not from the page: the webview holds no dialog
//! permission at all, and no command takes a path from it. So a page that went wrong can
//! neither open a dialog nor write a file anywhere; only the officer, in the dialog, chooses
//! where the case goes. The bytes come from `dalil-case`, the same code as `dalil export`,
//! and are written with the case file's crash-safe write.

use std::path::PathBuf;

use dalil_case::Format;
use dalil_content::Lang;
use dalil_l10n::Localizer;
use dalil_store::{CaseId, StoreError};
use serde::Serialize;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use time::OffsetDateTime;

use crate::AppState;
use crate::transport::IpcError;
use crate::vault::INVALID;

pub(crate) const WRITE_FAILED: IpcError = IpcError {
    code: "export-write-failed",
    message_id: "export-write-failed",
};

const INTERNAL: IpcError = IpcError {
    code: "internal",
    message_id: "error-generic",
};

/// What the page is told after an export.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    /// Where the file went, as the officer chose it.
    path: String,
    /// Its size in bytes.
    bytes: usize,
    /// Whether the case file's audit chain was broken when the case was read. The report
    /// says so on its first page and the bundle's verification will fail; the page warns.
    chain_broken: bool,
    /// Whether the export is in the case's history.
    recorded: bool,
}

/// Asks where to save, then writes the report or the bundle of one case there. `None` when
/// the officer cancels the dialog.
#[tauri::command]
pub async fn case_export(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    id: i64,
    format: String,
    report_lang: String,
    lang_code: String,
) -> Result<Option<Exported>, IpcError> {
    let format = Format::parse(&format, &report_lang).ok_or(INVALID)?;
    let ui = Localizer::new(lang_code.parse::<Lang>().map_err(|_| INVALID)?);
    let reference = state
        .vault
        .with(|store| Ok(store.case(CaseId(id))?.reference))?;

    let (title, filter, extension) = match format {
        Format::Report(_) => ("export-report-title", "export-report-filter", "html"),
        Format::Bundle => ("export-bundle-title", "export-bundle-filter", "json"),
    };
    let name = format.file_name(&reference);
    let Some(path) = ask_save(&app, &ui, title, filter, extension, &name).await? else {
        return Ok(None);
    };

    // Read the case after the dialog, so that the file holds the case as it is when saved.
    let digits = state.localizer(Lang::Ar).arabic_digits();
    let generator = format!("dalil {}", env!("CARGO_PKG_VERSION"));
    let export = state.vault.with(|store| {
        let sop = state.content.for_case(store, CaseId(id))?;
        dalil_case::export(
            store,
            &sop,
            CaseId(id),
            format,
            &generator,
            OffsetDateTime::now_utc(),
            digits,
        )
    })?;

    dalil_store::write_file_atomic(&path, &export.bytes).map_err(|e| match e {
        StoreError::DiskFull => crate::vault::map_error(e),
        _ => WRITE_FAILED,
    })?;
    // The case's history says what left the computer and when, with the file's SHA-256, so a
    // file found later can be matched to its export. The file is already written: if the
    // log cannot take the entry, the officer is told, and the file stays.
    let recorded = state
        .vault
        .with(|store| dalil_case::record_export(store, CaseId(id), &export))
        .is_ok();
    Ok(Some(Exported {
        path: path.to_string_lossy().into_owned(),
        bytes: export.bytes.len(),
        chain_broken: export.chain_broken,
        recorded,
    }))
}

/// Opens the save dialog over the main window, titled and filtered with these UI messages and
/// offering `file_name`, and waits for the officer's choice off the main thread (the dialog
/// itself runs on it).
pub(crate) async fn ask_save(
    app: &AppHandle,
    ui: &Localizer,
    title: &str,
    filter: &str,
    extension: &str,
    file_name: &str,
) -> Result<Option<PathBuf>, IpcError> {
    let mut dialog = app
        .dialog()
        .file()
        .set_title(dalil_l10n::strip_isolation(&ui.get(title)))
        .set_file_name(file_name)
        .add_filter(dalil_l10n::strip_isolation(&ui.get(filter)), &[extension])
        .set_can_create_directories(true);
    if let Some(dir) = start_folder(app) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    dialog.save_file(move |chosen| {
        let _ = tx.send(chosen);
    });
    let chosen = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(|_| INTERNAL)?;
    match chosen {
        None => Ok(None),
        Some(file) => file.into_path().map(Some).map_err(|_| WRITE_FAILED),
    }
}

/// Where the dialog opens: the Documents folder, else the home folder.
fn start_folder(app: &AppHandle) -> Option<PathBuf> {
    let paths = app.path();
    paths
        .document_dir()
        .ok()
        .filter(|d| d.is_dir())
        .or_else(|| paths.home_dir().ok())
}
