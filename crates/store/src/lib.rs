//! The Dalil case store: cases, facts, step states, notes, drafts and an audit log in one
//! encrypted SQLCipher file.
//!
//! The store never loses a note it has acknowledged (WAL, `synchronous=FULL`: a change is on
//! disk when its method returns), never leaks one at rest (the whole file, its WAL and its
//! temporary tables are encrypted or in memory), and makes tampering visible (a hash-chained
//! audit log, see [`audit`]). It knows nothing of the SOP's content, of Tauri or of the UI.
//!
//! ```no_run
//! use dalil_store::{CaseKind, Edition, NewCase, Passphrase, Store};
//! # fn main() -> Result<(), dalil_store::StoreError> {
//! let path = dalil_store::default_data_dir()?.join(dalil_store::DB_FILE_NAME);
//! let pass = Passphrase::from("correct horse battery staple");
//! let mut store = Store::create(&path, &pass)?;
//! let case = store.create_case(&NewCase {
//!     reference: "BGD-2024-017".into(),
//!     title: "Recruitment agency, Karrada".into(),
//!     kind: CaseKind::Undetermined,
//!     edition: Edition::new("dalil-reference-sop", "2024.1"),
//! })?;
//! store.add_note(case, None, "First interview done.")?;
//! store.lock()?;
//! # Ok(()) }
//! ```

pub mod audit;
mod backup;
mod batch;
mod db;
mod decode;
mod device;
mod error;
mod evidence;
mod fsutil;
mod keycheck;
mod model;
mod passphrase;
mod paths;
pub mod schema;
mod store;
mod time_text;

pub use batch::{Batch, KIND_FACT};
/// The computer's signing key and its public half, as [`Store::device_key`] hands them out.
pub use ed25519_dalek::{SigningKey, VerifyingKey};
pub use error::{Result, StoreError};
pub use evidence::{
    Attachment, CHUNK, CustodyEntry, CustodyEvent, ElementLink, ElementMark, ElementState, Exhibit,
    ExhibitKind, FileCheck, LinkTarget, NewCustody, NewExhibit, attachment_digest, custody_digest,
    exhibit_digest, hash_stream, hex,
};
pub use fsutil::{create_private_dir, write_atomic as write_file_atomic};
pub use model::{
    AuditEntry, AuditHead, BreakKind, Case, CaseFilter, CaseId, CaseKind, CaseOverview, CaseStatus,
    CaseSummary, Draft, Edition, Fact, NewCase, Note, NoteId, NoteMatch, NoteRevision,
    RestoreOutcome, StepRecord, StepState, Verification,
};
pub use passphrase::Passphrase;
pub use paths::{DATA_DIR_ENV, DB_FILE_NAME, data_dir_from, default_data_dir};
pub use store::Store;
