//! Export of a case: the printable report or the case bundle, written where the officer
//! chooses in a save dialog.
//!
//! The dialog is opened here, in Rust, not from the page: the webview holds no dialog
//! permission at all, and no command takes a path from it. So a page that went wrong can
//! neither open a dialog nor write a file anywhere; only the officer, in the dialog, chooses
//! where the case goes. The bytes come from `dalil-report`, the same code as `dalil export`,
//! and are written with the case file's crash-safe write.

use std::path::PathBuf;

use dalil_content::Lang;
use dalil_l10n::Localizer;
use dalil_store::{CaseId, StoreError, Verification};
use serde::Serialize;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use time::OffsetDateTime;

use crate::AppState;
use crate::transport::IpcError;

const INVALID: IpcError = IpcError {
    code: "invalid",
    message_id: "case-invalid",
};

const WRITE_FAILED: IpcError = IpcError {
    code: "export-write-failed",
    message_id: "export-write-failed",
};

const INTERNAL: IpcError = IpcError {
    code: "internal",
    message_id: "error-generic",
};

/// What the officer exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// The printable report in one or two languages.
    Report(&'static [Lang]),
    /// The checksummed bundle for the directorate.
    Bundle,
}

impl Format {
    fn parse(format: &str, report_lang: &str) -> Result<Format, IpcError> {
        match (format, report_lang) {
            ("report", "ar") => Ok(Format::Report(&[Lang::Ar])),
            ("report", "en") => Ok(Format::Report(&[Lang::En])),
            ("report", "both") => Ok(Format::Report(&[Lang::Ar, Lang::En])),
            ("bundle", _) => Ok(Format::Bundle),
            _ => Err(INVALID),
        }
    }

    /// What the history calls this export: `report-ar`, `report-ar-en`, `bundle`.
    fn what(self) -> String {
        match self {
            Format::Report(langs) => dalil_report::export_name(Some(langs)),
            Format::Bundle => dalil_report::export_name(None),
        }
    }

    /// The file name offered in the dialog: the case reference and what the file is.
    fn file_name(self, reference: &str) -> String {
        let reference = safe_file_stem(reference);
        match self {
            Format::Report(_) => format!("{reference}-{}.html", self.what()),
            Format::Bundle => format!("{reference}.dalil.json"),
        }
    }
}

/// A case reference made safe as a file name: letters, digits, `-`, `_` and `.` are kept,
/// anything else (a `/` above all) becomes `-`.
fn safe_file_stem(reference: &str) -> String {
    let stem: String = reference
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches(['-', '.']);
    if stem.is_empty() {
        "case".to_owned()
    } else {
        stem.to_owned()
    }
}

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
    let format = Format::parse(&format, &report_lang)?;
    let ui = Localizer::new(lang_code.parse::<Lang>().map_err(|_| INVALID)?);
    let reference = state
        .vault
        .with(|store| Ok(store.case(CaseId(id))?.reference))?;

    let Some(path) = ask_where(&app, &ui, format, &reference).await? else {
        return Ok(None);
    };

    // Read the case after the dialog, so that the file holds the case as it is when saved.
    let sop = state.content.sop();
    let (bytes, chain_broken) = state.vault.with(|store| {
        let record = dalil_report::read_case(store, CaseId(id))?;
        let broken = matches!(record.chain.verification, Verification::Broken { .. });
        let now = OffsetDateTime::now_utc();
        let bytes = match format {
            Format::Report(langs) => {
                let localizers: Vec<Localizer> = langs.iter().map(|l| Localizer::new(*l)).collect();
                let refs: Vec<&Localizer> = localizers.iter().collect();
                dalil_report::render_html(&record, sop, &refs, now).into_bytes()
            }
            Format::Bundle => {
                let generator = format!("dalil {}", env!("CARGO_PKG_VERSION"));
                dalil_report::write_bundle(&record, &generator, now)
            }
        };
        Ok((bytes, broken))
    })?;

    dalil_store::write_file_atomic(&path, &bytes).map_err(|e| match e {
        StoreError::DiskFull => crate::vault::map_error(e),
        _ => WRITE_FAILED,
    })?;
    // The case's history says what left the computer and when, with the file's SHA-256, so a
    // file found later can be matched to its export. The file is already written: if the
    // log cannot take the entry, the officer is told, and the file stays.
    let digest = dalil_store::audit::digest_bytes(&bytes);
    let recorded = state
        .vault
        .with(|store| store.record_export(CaseId(id), &format.what(), digest))
        .is_ok();
    Ok(Some(Exported {
        path: path.to_string_lossy().into_owned(),
        bytes: bytes.len(),
        chain_broken,
        recorded,
    }))
}

/// Opens the save dialog over the main window and waits for the officer's choice, off the
/// main thread (the dialog itself runs on it).
async fn ask_where(
    app: &AppHandle,
    ui: &Localizer,
    format: Format,
    reference: &str,
) -> Result<Option<PathBuf>, IpcError> {
    let (title, filter, extension) = match format {
        Format::Report(_) => ("export-report-title", "export-report-filter", "html"),
        Format::Bundle => ("export-bundle-title", "export-bundle-filter", "json"),
    };
    let mut dialog = app
        .dialog()
        .file()
        .set_title(dalil_l10n::strip_isolation(&ui.get(title)))
        .set_file_name(format.file_name(reference))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offered_name_comes_from_the_reference_and_cannot_leave_the_folder() {
        let report = Format::parse("report", "both").expect("valid");
        assert_eq!(
            report.file_name("TIP-2026-0042"),
            "TIP-2026-0042-report-ar-en.html"
        );
        assert_eq!(
            Format::Bundle.file_name("../../etc/passwd"),
            "etc-passwd.dalil.json"
        );
        assert_eq!(Format::Bundle.file_name("///"), "case.dalil.json");
        assert_eq!(
            Format::parse("report", "ar")
                .expect("valid")
                .file_name("ب/١٢"),
            "ب-١٢-report-ar.html"
        );
    }

    #[test]
    fn unknown_formats_and_languages_are_refused() {
        assert!(Format::parse("report", "fr").is_err());
        assert!(Format::parse("pdf", "ar").is_err());
        assert!(matches!(Format::parse("bundle", ""), Ok(Format::Bundle)));
    }
}
