//! Export to the directorate: the chosen cases in one transfer bundle, encrypted to the
//! directorate's key and signed with this computer's, written where the officer chooses in a
//! save dialog (opened here, as the export's is: the page names no path).
//!
//! The directorate's key is the data folder's `directorate.pub` if there is one, else the one
//! built in; `dalil-case` makes and records the bundle, as `dalil transfer export` does.

use dalil_content::Lang;
use dalil_l10n::Localizer;
use dalil_store::{CaseId, StoreError};
use serde::Serialize;
use tauri::AppHandle;
use time::OffsetDateTime;

use crate::AppState;
use crate::export::{WRITE_FAILED, ask_save};
use crate::transport::IpcError;
use crate::vault::INVALID;

const NO_KEY: IpcError = IpcError {
    code: "no-directorate-key",
    message_id: "directorate-no-key",
};

const BAD_KEY: IpcError = IpcError {
    code: "directorate-key-invalid",
    message_id: "directorate-key-invalid",
};

/// What the page is told after an export to the directorate.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Transferred {
    /// Where the file went, as the officer chose it.
    path: String,
    /// How many cases it holds.
    cases: usize,
    /// Whether the case file's audit chain was broken when the cases were read.
    chain_broken: bool,
    /// Whether the export is in each case's history.
    recorded: bool,
}

/// Asks where to save, then writes the transfer bundle of the cases `ids` there. `None` when
/// the officer cancels the dialog.
#[tauri::command]
pub async fn transfer_export(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    ids: Vec<i64>,
    lang_code: String,
) -> Result<Option<Transferred>, IpcError> {
    let ui = Localizer::new(lang_code.parse::<Lang>().map_err(|_| INVALID)?);
    if ids.is_empty() {
        return Err(INVALID);
    }
    let ids: Vec<CaseId> = ids.into_iter().map(CaseId).collect();
    // Every case must exist before the dialog opens.
    state.vault.with(|store| {
        for id in &ids {
            store.case(*id)?;
        }
        Ok(())
    })?;
    let key = directorate_key(&state)?;
    let now = OffsetDateTime::now_utc();
    let name = dalil_case::transfer::file_name(now, ids.len());
    let Some(path) = ask_save(
        &app,
        &ui,
        "directorate-save-title",
        "directorate-save-filter",
        "dalil-transfer",
        &name,
    )
    .await?
    else {
        return Ok(None);
    };
    let generator = format!("dalil {}", env!("CARGO_PKG_VERSION"));
    let export = state.vault.with_case(|store| {
        dalil_case::transfer::transfer(store, &ids, &key, &generator, OffsetDateTime::now_utc())
    })?;
    dalil_store::write_file_atomic(&path, &export.bytes).map_err(|e| match e {
        StoreError::DiskFull => crate::vault::map_error(e),
        _ => WRITE_FAILED,
    })?;
    let recorded = state
        .vault
        .with_case(|store| dalil_case::transfer::record_transfer(store, &export))
        .is_ok();
    Ok(Some(Transferred {
        path: path.to_string_lossy().into_owned(),
        cases: export.cases.len(),
        chain_broken: export.chain_broken,
        recorded,
    }))
}

/// This computer's key, for the directorate's staff to register (shown in the settings).
#[tauri::command]
pub async fn device_key(state: tauri::State<'_, AppState>) -> Result<String, IpcError> {
    state
        .vault
        .with_case(|store| dalil_case::transfer::device_id(store))
}

fn directorate_key(state: &AppState) -> Result<dalil_transfer::DirectorateKey, IpcError> {
    let file = state.data_dir.join(dalil_case::transfer::KEY_FILE_NAME);
    let installed = match std::fs::read_to_string(&file) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(_) => return Err(BAD_KEY),
    };
    dalil_case::transfer::directorate_key(installed.as_deref()).map_err(|e| match e {
        dalil_case::CaseError::NoDirectorateKey => NO_KEY,
        _ => BAD_KEY,
    })
}
