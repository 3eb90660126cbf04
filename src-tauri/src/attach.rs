//! Attaching a file to an exhibit: the officer picks it in the native open dialog, which is
//! opened here, in Rust, as the export's save dialog is. The page names no path, and the
//! webview holds no dialog or file-system permission; it only says which exhibit, and
//! whether to keep the file's bytes in the case file or only its SHA-256.

use std::path::PathBuf;

use dalil_case::FileView;
use dalil_content::Lang;
use dalil_l10n::Localizer;
use dalil_store::CaseId;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::cases::off_main;
use crate::transport::IpcError;
use crate::vault::INVALID;

const INTERNAL: IpcError = IpcError {
    code: "internal",
    message_id: "error-generic",
};

const UNREADABLE: IpcError = IpcError {
    code: "attach-unreadable",
    message_id: "attach-unreadable",
};

const EMPTY: IpcError = IpcError {
    code: "attach-empty",
    message_id: "attach-empty",
};

/// Asks which file, then attaches it to exhibit `number` of case `id`: its name, size and
/// SHA-256, and its bytes too when `keep`. `None` when the officer cancels the dialog.
#[tauri::command]
pub async fn exhibit_attach(
    app: AppHandle,
    id: i64,
    number: u32,
    keep: bool,
    lang_code: String,
) -> Result<Option<FileView>, IpcError> {
    let ui = Localizer::new(lang_code.parse::<Lang>().map_err(|_| INVALID)?);
    let Some(path) = ask_which(&app, &ui, "attach-title", None).await? else {
        return Ok(None);
    };
    off_main(app, move |state| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut file = std::fs::File::open(&path).map_err(|_| UNREADABLE)?;
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Err(UNREADABLE);
        }
        state
            .vault
            .with_case(|store| {
                dalil_case::attach(store, CaseId(id), number, &name, &mut file, keep)
            })
            .map_err(|e| match e.code {
                "invalid" => EMPTY,
                _ => e,
            })
    })
    .await
    .map(Some)
}

/// The native open dialog, titled with message `title`, showing only files whose name ends
/// with `filter`'s extensions when given (with the filter's name, a message id); the chosen
/// file, or `None` when the officer cancels.
pub(crate) async fn ask_which(
    app: &AppHandle,
    ui: &Localizer,
    title: &str,
    filter: Option<(&str, &[&str])>,
) -> Result<Option<PathBuf>, IpcError> {
    let mut dialog = app
        .dialog()
        .file()
        .set_title(dalil_l10n::strip_isolation(&ui.get(title)));
    if let Some((name, extensions)) = filter {
        dialog = dialog.add_filter(dalil_l10n::strip_isolation(&ui.get(name)), extensions);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    if let Ok(dir) = app.path().document_dir() {
        if dir.is_dir() {
            dialog = dialog.set_directory(dir);
        }
    }
    let (tx, rx) = std::sync::mpsc::channel();
    dialog.pick_file(move |chosen| {
        let _ = tx.send(chosen);
    });
    let chosen = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(|_| INTERNAL)?;
    match chosen {
        None => Ok(None),
        Some(file) => file.into_path().map(Some).map_err(|_| UNREADABLE),
    }
}
