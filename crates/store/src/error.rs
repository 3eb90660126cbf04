//! The store's one error type, and the mapping from SQLite and IO failures to it.
//!
//! Errors carry ids and codes only: never note text, titles, references, names or paths. The UI
//! matches on [`StoreError::code`], never on the message.

use std::io;

use crate::model::{BreakKind, CaseId, NoteId};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The passphrase does not unlock this file (and the key check says the file is sound).
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The file is damaged: the passphrase is right but the file cannot be read, or a check of
    /// its pages, its structure or its length failed.
    #[error("the case file is damaged")]
    Damaged,
    /// The file does not open and there is no key check beside it to tell a wrong passphrase
    /// from a damaged file.
    #[error("wrong passphrase or damaged file: there is no key check to tell which")]
    WrongPassphraseOrDamaged,
    /// A passphrase change was interrupted, and this passphrase is one of the two (old or new)
    /// but not the one the file is now encrypted with: the other one opens it. If both fail, the
    /// file is damaged.
    #[error("a passphrase change was interrupted: try the other passphrase")]
    PassphraseChangeInterrupted,
    /// The passphrase is empty.
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    /// The file was written by a newer version of Dalil and is left untouched.
    #[error(
        "the case file has schema version {found}; this version of Dalil knows up to {supported}"
    )]
    TooNew {
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this code knows.
        supported: u32,
    },
    /// There is no case file at the given path.
    #[error("there is no case file at this place")]
    NoDatabase,
    /// A file is already there, and the store never overwrites one.
    #[error("a file is already there; it was not overwritten")]
    AlreadyExists,
    /// The disk (or the quota) is full.
    #[error("the disk is full")]
    DiskFull,
    /// The file or the file system is read-only.
    #[error("the case file or its folder is read-only")]
    ReadOnly,
    /// The operating system refused access to the file or its folder.
    #[error("permission denied")]
    PermissionDenied,
    /// Another process holds a lock on the file for too long.
    #[error("the case file is busy (locked by another process)")]
    Busy,
    /// No entity of this kind has this id.
    #[error("{entity} {id} not found")]
    NotFound {
        /// The kind of entity: "case", "note", "draft".
        entity: &'static str,
        /// The id that was looked for.
        id: String,
    },
    /// A step can be set to "not applicable" or "blocked" only with a (non-blank) reason.
    #[error("a reason is required for this step state")]
    ReasonRequired,
    /// A reason was given for a step state that takes none ("pending", "done").
    #[error("this step state takes no reason")]
    ReasonNotAllowed,
    /// The case is closed and refuses changes until it is reopened.
    #[error("case {case} is closed")]
    CaseClosed {
        /// The closed case.
        case: CaseId,
    },
    /// The case is open, so it cannot be reopened.
    #[error("case {case} is not closed")]
    CaseNotClosed {
        /// The open case.
        case: CaseId,
    },
    /// The note was deleted; it can no longer be edited or deleted.
    #[error("note {note} is deleted")]
    NoteDeleted {
        /// The deleted note.
        note: NoteId,
    },
    /// Another case already has this reference.
    #[error("another case already has this reference")]
    DuplicateReference,
    /// A required field is empty or malformed.
    #[error("invalid value for {field}")]
    Invalid {
        /// The field's name, e.g. "reference", "title", "step", "fact".
        field: &'static str,
    },
    /// The audit log does not verify (found when a backup is checked before a restore).
    #[error("the audit log is broken at entry {first_bad_seq} ({kind:?})")]
    AuditBroken {
        /// The first entry that does not verify.
        first_bad_seq: u64,
        /// What is wrong there.
        kind: BreakKind,
    },
    /// A search query cannot be used: too long, too many words, or a control character. The
    /// query itself is never part of the error.
    #[error("the search query cannot be used ({reason})")]
    BadQuery {
        /// dalil-search's code for the problem: "query-too-long", "query-too-many-words" or
        /// "query-control-character".
        reason: &'static str,
    },
    /// No data folder could be found: neither DALIL_DATA_DIR, XDG_DATA_HOME nor HOME is set.
    #[error("no data folder: set DALIL_DATA_DIR")]
    NoDataDir,
    /// Another input/output error.
    #[error("input/output error during {op} ({kind:?})")]
    Io {
        /// What the store was doing, e.g. "write-keycheck".
        op: &'static str,
        /// The kind of the operating system's error.
        kind: io::ErrorKind,
    },
    /// Another SQLite error, by its extended result code (0 when it was not an SQLite code).
    #[error("database error (SQLite code {code})")]
    Sqlite {
        /// SQLite's extended result code.
        code: i32,
    },
}

impl StoreError {
    /// A stable, kebab-case code for the UI and the CLI to match on.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::WrongPassphrase => "wrong-passphrase",
            StoreError::Damaged => "damaged",
            StoreError::WrongPassphraseOrDamaged => "wrong-passphrase-or-damaged",
            StoreError::PassphraseChangeInterrupted => "passphrase-change-interrupted",
            StoreError::EmptyPassphrase => "empty-passphrase",
            StoreError::TooNew { .. } => "too-new",
            StoreError::NoDatabase => "no-database",
            StoreError::AlreadyExists => "already-exists",
            StoreError::DiskFull => "disk-full",
            StoreError::ReadOnly => "read-only",
            StoreError::PermissionDenied => "permission-denied",
            StoreError::Busy => "busy",
            StoreError::NotFound { .. } => "not-found",
            StoreError::ReasonRequired => "reason-required",
            StoreError::ReasonNotAllowed => "reason-not-allowed",
            StoreError::CaseClosed { .. } => "case-closed",
            StoreError::CaseNotClosed { .. } => "case-not-closed",
            StoreError::NoteDeleted { .. } => "note-deleted",
            StoreError::DuplicateReference => "duplicate-reference",
            StoreError::Invalid { .. } => "invalid",
            StoreError::AuditBroken { .. } => "audit-broken",
            StoreError::BadQuery { .. } => "bad-query",
            StoreError::NoDataDir => "no-data-dir",
            StoreError::Io { .. } => "io",
            StoreError::Sqlite { .. } => "sqlite",
        }
    }

    /// Maps an IO error met while doing `op`.
    pub(crate) fn io(op: &'static str) -> impl FnOnce(io::Error) -> StoreError {
        move |e| from_io(op, &e)
    }
}

/// Maps an IO error to the variant the UI can explain.
pub(crate) fn from_io(op: &'static str, e: &io::Error) -> StoreError {
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => StoreError::DiskFull,
        io::ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly,
        io::ErrorKind::PermissionDenied => StoreError::PermissionDenied,
        io::ErrorKind::AlreadyExists => StoreError::AlreadyExists,
        kind => StoreError::Io { op, kind },
    }
}

/// Maps an SQLite error met on a database whose key is known to be right, so that "not a
/// database" and "corrupt" both mean damage.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                C::DatabaseCorrupt | C::NotADatabase => StoreError::Damaged,
                C::DiskFull => StoreError::DiskFull,
                C::ReadOnly => StoreError::ReadOnly,
                C::PermissionDenied | C::AuthorizationForStatementDenied => {
                    StoreError::PermissionDenied
                }
                C::DatabaseBusy | C::DatabaseLocked => StoreError::Busy,
                C::CannotOpen => StoreError::PermissionDenied,
                C::SystemIoFailure => io_failure(f.extended_code),
                _ => StoreError::Sqlite {
                    code: f.extended_code,
                },
            },
            // A stored value of the wrong type or shape was not written by this code: the file
            // was damaged or changed behind the store's back.
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::Utf8Error(..) => StoreError::Damaged,
            _ => StoreError::Sqlite { code: 0 },
        }
    }
}

/// Maps a failure of the notes index: an SQLite error like any other, or a query that cannot
/// be used.
impl From<dalil_search::SearchError> for StoreError {
    fn from(e: dalil_search::SearchError) -> Self {
        match e {
            dalil_search::SearchError::Sqlite(e) => e.into(),
            other => StoreError::BadQuery {
                reason: other.code(),
            },
        }
    }
}

/// Splits SQLITE_IOERR by its extended code. (A write that fails for lack of space is already
/// SQLITE_FULL, mapped to `DiskFull` above.) A short read means a page past the end of a
/// truncated file. SQLITE_IOERR_SHMSIZE is a full disk too: SQLite grows the `-shm` file of a
/// WAL database by writing its last byte, and that write fails only for lack of space (issue
/// #18: opening a case file, or checking a new backup, on a full disk). The other IO errors
/// stay IO errors.
fn io_failure(extended: i32) -> StoreError {
    const SQLITE_IOERR_SHORT_READ: i32 = 522;
    const SQLITE_IOERR_SHMSIZE: i32 = 4874;
    match extended {
        SQLITE_IOERR_SHORT_READ => StoreError::Damaged,
        SQLITE_IOERR_SHMSIZE => StoreError::DiskFull,
        _ => StoreError::Io {
            op: "sqlite",
            kind: io::ErrorKind::Other,
        },
    }
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
