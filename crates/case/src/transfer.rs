//! The export to the directorate: the selected cases, each as its case bundle, sealed in one
//! transfer bundle (`dalil-transfer`) encrypted to the directorate's key and signed with the
//! computer's own, then recorded in each case's history once the file is written.
//!
//! Every export carries each case whole: the directorate recognises what it already has by
//! the audit chain, so a stick lost on the way costs nothing but the trip.

use dalil_report::bundle::ChainHead;
use dalil_store::{CaseId, Store, Verification};
use dalil_transfer::{CaseBundle, DirectorateKey, KeyFileError};
use time::OffsetDateTime;

use crate::error::CaseError;

/// The directorate's key built into the program (`config/directorate.pub`); the repository
/// ships it with comments only.
pub const BUILT_IN_KEY: &str = include_str!("../../../config/directorate.pub");

/// The name of the file, in the data folder, that gives one computer a key of its own.
pub const KEY_FILE_NAME: &str = "directorate.pub";

/// What the history calls a transfer export.
pub const WHAT: &str = "transfer";

/// The directorate's key: the data folder's `directorate.pub` if the front end found one
/// (`installed`), else the built-in one.
pub fn directorate_key(installed: Option<&str>) -> Result<DirectorateKey, CaseError> {
    let (text, built_in) = match installed {
        Some(text) => (text, false),
        None => (BUILT_IN_KEY, true),
    };
    DirectorateKey::parse(text).map_err(|e| match e {
        KeyFileError::Empty if built_in => CaseError::NoDirectorateKey,
        e => CaseError::DirectorateKey(e),
    })
}

/// A transfer bundle made and not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferExport {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Their SHA-256.
    pub sha256: [u8; 32],
    /// The cases it holds, in order, with their references.
    pub cases: Vec<(CaseId, String)>,
    /// Whether the case file's audit chain was broken when the cases were read: the bundle
    /// says so, and the directorate will see it.
    pub chain_broken: bool,
}

/// The name to offer for the file: the date, and how many cases.
pub fn file_name(now: OffsetDateTime, cases: usize) -> String {
    format!(
        "dalil-transfer-{:04}-{:02}-{:02}-{cases}.dalil-transfer",
        now.year(),
        u8::from(now.month()),
        now.day()
    )
}

/// Makes the transfer bundle of `cases` (each once, in the order given) at `now`.
pub fn transfer(
    store: &Store,
    cases: &[CaseId],
    to: &DirectorateKey,
    generator: &str,
    now: OffsetDateTime,
) -> Result<TransferExport, CaseError> {
    let mut ids: Vec<CaseId> = Vec::with_capacity(cases.len());
    for id in cases {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    if ids.is_empty() {
        return Err(CaseError::NothingToTransfer);
    }
    let mut bundles = Vec::with_capacity(ids.len());
    let mut chain_broken = false;
    for id in &ids {
        let record = dalil_report::read_case(store, *id)?;
        chain_broken |= matches!(record.chain.verification, Verification::Broken { .. });
        bundles.push((
            record.case.reference.clone(),
            dalil_report::write_bundle(&record, generator, now),
        ));
    }
    let head = store.audit_head()?;
    let sealed = dalil_transfer::seal(
        generator,
        &dalil_report::timefmt::store_text(now),
        ChainHead {
            seq: head.seq,
            hash: head.hash_hex,
        },
        &bundles
            .iter()
            .map(|(reference, bytes)| CaseBundle { reference, bytes })
            .collect::<Vec<_>>(),
        &store.device_key()?,
        to,
    )
    .map_err(CaseError::Seal)?;
    Ok(TransferExport {
        bytes: sealed.bytes,
        sha256: sealed.sha256,
        cases: ids
            .into_iter()
            .zip(bundles.into_iter().map(|(r, _)| r))
            .collect(),
        chain_broken,
    })
}

/// Records in each case's history, in one transaction, that the bundle left, with the
/// SHA-256 of the file. Called once the file is written.
pub fn record_transfer(store: &mut Store, export: &TransferExport) -> Result<(), CaseError> {
    store.batch(|b| {
        for (case, _) in &export.cases {
            b.record_export(*case, WHAT, export.sha256)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// This computer's public key, in lowercase hex, as the directorate registers it.
pub fn device_id(store: &Store) -> Result<String, CaseError> {
    Ok(hex::encode(store.device_public_key()?.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_ships_no_key_and_says_so() {
        assert!(matches!(
            directorate_key(None),
            Err(CaseError::NoDirectorateKey)
        ));
        assert!(matches!(
            directorate_key(Some("# nothing\n")),
            Err(CaseError::DirectorateKey(KeyFileError::Empty))
        ));
        let id = dalil_transfer::DirectorateIdentity::generate();
        let text = dalil_transfer::key_file_text(&id.public());
        assert_eq!(
            directorate_key(Some(&text)).expect("key").to_string(),
            id.public().to_string()
        );
    }

    #[test]
    fn the_offered_name_says_the_date_and_the_count() {
        let now = time::macros::datetime!(2026-12-04 09:30 UTC);
        assert_eq!(
            file_name(now, 3),
            "dalil-transfer-2026-12-04-3.dalil-transfer"
        );
    }
}
