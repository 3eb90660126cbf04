//! What the tests share: a case file holding the fictional case, read into a [`CaseRecord`].

pub mod sample;

use dalil_store::{CaseId, Passphrase, Store, StoreError};

/// A fresh case file in a temporary folder, with the fictional case in it.
pub fn sample_store() -> Result<(tempfile::TempDir, Store, CaseId), StoreError> {
    let dir = tempfile::tempdir().map_err(|_| StoreError::Damaged)?;
    let mut store = Store::create(
        &dir.path().join(dalil_store::DB_FILE_NAME),
        &Passphrase::from("test passphrase"),
    )?;
    let case = sample::fill(&mut store)?;
    Ok((dir, store, case))
}
