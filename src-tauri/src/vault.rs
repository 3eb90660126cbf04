//! Lock and unlock: the encrypted case store behind a passphrase.
//!
//! The passphrase crosses IPC once per unlock and is handed to the store, which zeroizes it.
//! Locking drops the store, and with it the key. Errors carry codes only, never case data.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use dalil_case::CaseError;
use dalil_store::{Passphrase, Store, StoreError};
use serde::Serialize;

use crate::transport::IpcError;

/// The unlocked store, or nothing while locked.
pub struct Vault {
    path: PathBuf,
    store: Mutex<Option<Store>>,
}

/// What the lock screen needs to know.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultStatus {
    /// Whether a case file exists yet (otherwise the first-run screen is shown).
    pub exists: bool,
    /// Whether it is unlocked now.
    pub unlocked: bool,
    /// Where the data lives, for the settings page.
    pub data_dir: String,
}

/// The shortest passphrase accepted. The UI also shows a strength hint.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

impl Vault {
    /// A vault over the case file in `data_dir`.
    pub fn new(data_dir: &Path) -> Self {
        Vault {
            path: data_dir.join(dalil_store::DB_FILE_NAME),
            store: Mutex::new(None),
        }
    }

    /// Whether the case file exists and whether it is unlocked.
    pub fn status(&self) -> VaultStatus {
        VaultStatus {
            exists: self.path.exists(),
            unlocked: self.store.lock().map(|s| s.is_some()).unwrap_or(false),
            data_dir: self
                .path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        }
    }

    /// Creates the case file with a new passphrase; it is then unlocked.
    pub fn create(&self, passphrase: String) -> Result<(), IpcError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(IpcError {
                code: "passphrase-too-short",
                message_id: "create-too-short",
            });
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|_| IpcError {
                code: "no-data-dir",
                message_id: "error-data-dir",
            })?;
        }
        let store = Store::create(&self.path, &Passphrase::new(passphrase)).map_err(map_error)?;
        self.put(store)
    }

    /// Opens the case file.
    pub fn unlock(&self, passphrase: String) -> Result<(), IpcError> {
        let store = Store::open(&self.path, &Passphrase::new(passphrase)).map_err(map_error)?;
        self.put(store)
    }

    /// Drops the store and its key.
    pub fn lock(&self) {
        if let Ok(mut guard) = self.store.lock() {
            if let Some(store) = guard.take() {
                // A failure to close cleanly leaves the WAL for the next open to replay.
                let _ = store.lock();
            }
        }
    }

    /// Writes an encrypted, consistent copy into `backups/` beside the case file.
    pub fn backup(&self) -> Result<String, IpcError> {
        let guard = self.store.lock().map_err(|_| GENERIC)?;
        let store = guard.as_ref().ok_or(LOCKED)?;
        let dir = self.path.with_file_name("backups");
        std::fs::create_dir_all(&dir).map_err(|_| IpcError {
            code: "no-data-dir",
            message_id: "error-data-dir",
        })?;
        let stamp = time::OffsetDateTime::now_utc()
            .format(time::macros::format_description!(
                "[year][month][day]-[hour][minute][second]"
            ))
            .unwrap_or_default();
        let dest = dir.join(format!("dalil-backup-{stamp}.db"));
        store.backup_to(&dest).map_err(map_error)?;
        Ok(dest.display().to_string())
    }

    /// Changes the passphrase; the store survives a crash at any point of it.
    pub fn change_passphrase(&self, old: String, new: String) -> Result<(), IpcError> {
        if new.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(IpcError {
                code: "passphrase-too-short",
                message_id: "create-too-short",
            });
        }
        let mut guard = self.store.lock().map_err(|_| GENERIC)?;
        let store = guard.as_mut().ok_or(LOCKED)?;
        store
            .change_passphrase(&Passphrase::new(old), &Passphrase::new(new))
            .map_err(map_error)
    }

    /// Runs `f` on the unlocked store; an error when locked.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, IpcError> {
        let mut guard = self.store.lock().map_err(|_| GENERIC)?;
        let store = guard.as_mut().ok_or(LOCKED)?;
        f(store).map_err(map_error)
    }

    /// Runs a case-layer operation on the unlocked store; an error when locked.
    pub fn with_case<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, CaseError>,
    ) -> Result<T, IpcError> {
        let mut guard = self.store.lock().map_err(|_| GENERIC)?;
        let store = guard.as_mut().ok_or(LOCKED)?;
        f(store).map_err(case_error)
    }

    fn put(&self, store: Store) -> Result<(), IpcError> {
        let mut guard = self.store.lock().map_err(|_| GENERIC)?;
        *guard = Some(store);
        Ok(())
    }
}

const LOCKED: IpcError = IpcError {
    code: "locked",
    message_id: "error-locked",
};

const GENERIC: IpcError = IpcError {
    code: "internal",
    message_id: "error-generic",
};

/// Maps a store error to what the UI shows. A damaged file is never deleted, so the message
/// says the file was kept.
pub fn map_error(e: StoreError) -> IpcError {
    let message_id = match e.code() {
        "wrong-passphrase" => "unlock-wrong-passphrase",
        "damaged" => "unlock-damaged",
        "wrong-passphrase-or-damaged" => "unlock-wrong-or-damaged",
        "passphrase-change-interrupted" => "unlock-change-interrupted",
        "too-new" => "unlock-too-new",
        "empty-passphrase" => "create-too-short",
        "already-exists" => "create-exists",
        "disk-full" => "error-disk-full",
        "read-only" | "permission-denied" => "error-read-only",
        "no-database" => "unlock-no-database",
        "case-closed" => "case-closed",
        "reason-required" => "step-reason-required",
        "duplicate-reference" => "case-duplicate-reference",
        "not-found" => "case-not-found",
        "note-deleted" => "note-deleted-error",
        "invalid" => "case-invalid",
        _ => "error-generic",
    };
    IpcError {
        code: e.code(),
        message_id,
    }
}

/// Maps a case-layer error to what the UI shows. Facts and steps come from the UI's own
/// lists, so a bad one is a plain "invalid".
pub fn case_error(e: CaseError) -> IpcError {
    match e {
        CaseError::Store(e) => map_error(e),
        CaseError::ReferenceRequired => IpcError {
            code: "invalid",
            message_id: "case-reference-required",
        },
        CaseError::ReasonRequired => IpcError {
            code: "reason-required",
            message_id: "step-reason-required",
        },
        _ => INVALID,
    }
}

/// Input the UI should never send (an unknown state, format or language, a bad fact): its
/// lists come from the shell, so the officer is told only that the request was invalid.
pub const INVALID: IpcError = IpcError {
    code: "invalid",
    message_id: "case-invalid",
};
