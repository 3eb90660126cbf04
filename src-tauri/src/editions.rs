//! SOP editions in the app: which are on this computer, installing an update package chosen
//! in the native open dialog (opened here, in Rust: the page names no path), what changed in
//! the edition read, and carrying an open case over to it.
//!
//! Installing checks the package in `dalil-editions` exactly as `dalil sop install` does, then
//! reads the SOP again, so the new edition is the one shown from the next screen on. A case
//! stays on the edition it is pinned to until the officer moves it.

use dalil_case::{ChangesView, EditionChange};
use dalil_content::Lang;
use dalil_editions::{InstallError, Installed, Listed};
use dalil_store::CaseId;
use serde::Serialize;
use tauri::AppHandle;

use crate::attach::ask_which;
use crate::cases::off_main;
use crate::transport::IpcError;
use crate::vault::{INVALID, map_error};

const UNREADABLE: IpcError = IpcError {
    code: "sop-package-unreadable",
    message_id: "sop-install-unreadable",
};

const EDITION_MISSING: IpcError = IpcError {
    code: "edition-missing",
    message_id: "case-edition-missing",
};

/// The editions on this computer, and which one is read.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EditionsView {
    /// The edition read, for people: `dalil-reference-sop 0.1.0 (2026-11-29)`.
    read: String,
    /// The built-in edition and the installed packages, oldest first.
    list: Vec<Listed>,
    /// Whether this computer has an older edition to compare the one read with.
    has_previous: bool,
}

/// The editions on this computer.
#[tauri::command]
pub async fn sop_editions(app: AppHandle) -> Result<EditionsView, IpcError> {
    off_main(app, |state| {
        let sop = state.content.sop();
        let list = state.content.editions().list();
        // An older edition that verifies is one "what changed" can compare with.
        let has_previous = list.iter().any(|e| {
            e.source != dalil_editions::Source::Unverified
                && dalil_update::compare_versions(&e.version, &sop.manifest.version)
                    == Some(std::cmp::Ordering::Less)
        });
        Ok(EditionsView {
            read: sop.manifest.edition(),
            list,
            has_previous,
        })
    })
    .await
}

/// Asks which package, installs it and reads the SOP again. `None` when the officer cancels.
#[tauri::command]
pub async fn sop_install(app: AppHandle, lang_code: String) -> Result<Option<Installed>, IpcError> {
    let ui = dalil_l10n::Localizer::new(lang_code.parse::<Lang>().map_err(|_| INVALID)?);
    let filter: &[&str] = &[dalil_update::EXTENSION];
    let Some(path) = ask_which(
        &app,
        &ui,
        "sop-install-title",
        Some(("sop-install-filter", filter)),
    )
    .await?
    else {
        return Ok(None);
    };
    off_main(app, move |state| {
        // A file larger than any package is refused before it is read into memory.
        let size = std::fs::metadata(&path).map_err(|_| UNREADABLE)?.len();
        if size > dalil_update::MAX_PACKAGE as u64 {
            return Err(install_error(InstallError::Refused(
                dalil_update::Refusal::NotAPackage,
            )));
        }
        let bytes = std::fs::read(&path).map_err(|_| UNREADABLE)?;
        let installed = state
            .content
            .editions()
            .install(&bytes)
            .map_err(install_error)?;
        state.content.reload();
        Ok(Some(installed))
    })
    .await
}

fn install_error(e: InstallError) -> IpcError {
    use dalil_update::Refusal as R;
    match e {
        InstallError::Refused(r) => IpcError {
            code: r.code(),
            message_id: match r {
                R::Unsigned => "sop-install-unsigned",
                R::UntrustedSignature => "sop-install-untrusted",
                R::Tampered => "sop-install-tampered",
                R::OtherSop(_) => "sop-install-other-sop",
                R::Older { .. } => "sop-install-older",
                R::AlreadyInstalled(_) => "sop-install-already",
                R::Invalid(_) => "sop-install-invalid",
                _ => "sop-install-not-a-package",
            },
        },
        InstallError::Write(e) => map_error(e),
        _ => IpcError {
            code: "internal",
            message_id: "error-generic",
        },
    }
}

/// What changed from the edition before the one read (the newest older one on this computer)
/// to the one read, in `lang_code`; `None` when there is no older one.
#[tauri::command]
pub async fn sop_changes(
    app: AppHandle,
    lang_code: String,
) -> Result<Option<ChangesView>, IpcError> {
    let lang: Lang = lang_code.parse().map_err(|_| INVALID)?;
    off_main(app, move |state| {
        let new = state.content.sop();
        let Some(files) = state
            .content
            .editions()
            .previous(&new.manifest.id, &new.manifest.version)
        else {
            return Ok(None);
        };
        let old = dalil_content::load(&files).0;
        let diff = dalil_content::diff::diff(&old, &new);
        Ok(Some(dalil_case::changes(
            &diff,
            &old,
            &new,
            &state.localizer(lang),
        )))
    })
    .await
}

/// What moving case `id` to the edition read would change for it; `None` when it is on it.
#[tauri::command]
pub async fn case_edition_change(
    app: AppHandle,
    id: i64,
    lang_code: String,
) -> Result<Option<EditionChange>, IpcError> {
    let lang: Lang = lang_code.parse().map_err(|_| INVALID)?;
    off_main(app, move |state| {
        let new = state.content.sop();
        let l10n = state.localizer(lang);
        state
            .vault
            .with_case(|store| {
                let pinned = store.case(CaseId(id))?.edition;
                if dalil_case::is_current(&pinned, &new.manifest) {
                    return Ok(None);
                }
                let Some(old) = state.content.edition(&pinned) else {
                    return Ok(Some(Err(EDITION_MISSING)));
                };
                let diff = dalil_content::diff::diff(&old, &new);
                dalil_case::edition_change(store, CaseId(id), &old, &new, &diff, &l10n)
                    .map(|c| Some(Ok(c)))
            })?
            .transpose()
    })
    .await
}

/// Moves case `id` to the edition read: one audited action.
#[tauri::command]
pub async fn case_move_edition(app: AppHandle, id: i64) -> Result<(), IpcError> {
    off_main(app, move |state| {
        let new = state.content.sop();
        state
            .vault
            .with_case(|store| dalil_case::move_to_edition(store, CaseId(id), &new))
    })
    .await
}
