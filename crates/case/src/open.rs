//! Opening a case, the edition it is pinned to, and finding a case by what an officer types.

use dalil_content::Sop;
use dalil_content::manifest::Manifest;
use dalil_store::{Case, CaseId, Edition, NewCase, Store, StoreError};

use crate::{CaseError, FactInput};

/// The edition a case opened now is pinned to: the SOP's id and version.
pub fn edition_of(sop: &Sop) -> Edition {
    Edition::new(&sop.manifest.id, &sop.manifest.version)
}

/// Whether a case's edition is the SOP's current one.
pub fn is_current(edition: &Edition, manifest: &Manifest) -> bool {
    edition.is(&manifest.id, &manifest.version)
}

/// An edition for people: with the SOP's date when it is the current edition
/// (`dalil-reference-sop 0.1.0 (2026-11-29)`), else its id and version as recorded.
pub fn edition_label(edition: &Edition, manifest: &Manifest) -> String {
    if is_current(edition, manifest) {
        manifest.edition()
    } else {
        edition.to_string()
    }
}

/// What an officer gives to open a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCaseInput {
    /// The officer's own case number, as typed (Arabic-Indic digits are stored as 0-9).
    pub reference: String,
    /// A short title.
    pub title: String,
    /// The answers so far, checked ([`crate::check_facts`]); the kind among them, if any.
    pub facts: FactInput,
}

/// Opens a case pinned to the SOP's current edition, with its kind on the case and its other
/// answers as facts, in one transaction. Both front ends open cases here, so a case made in
/// the app and one made with `dalil` are stored the same way.
pub fn create(store: &mut Store, sop: &Sop, input: &NewCaseInput) -> Result<Case, CaseError> {
    let reference = dalil_normalize::ascii_digits(input.reference.trim());
    if reference.is_empty() {
        return Err(CaseError::ReferenceRequired);
    }
    let new = NewCase {
        reference,
        title: input.title.trim().to_owned(),
        kind: input
            .facts
            .kind
            .unwrap_or(dalil_store::CaseKind::Undetermined),
        edition: edition_of(sop),
    };
    let pairs: Vec<(&str, &str)> = input
        .facts
        .facts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let id = store.batch(|b| {
        let id = b.create_case(&new)?;
        b.set_facts(id, &pairs)?;
        Ok(id)
    })?;
    Ok(store.case(id)?)
}

/// Finds a case by its reference (digits in any script), else by its internal id.
pub fn resolve(store: &Store, given: &str) -> Result<CaseId, CaseError> {
    let text = dalil_normalize::ascii_digits(given.trim());
    if let Some(id) = store.case_by_reference(&text)? {
        return Ok(id);
    }
    if let Ok(n) = text.parse::<i64>() {
        match store.case(CaseId(n)) {
            Ok(_) => return Ok(CaseId(n)),
            Err(StoreError::NotFound { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(CaseError::CaseNotFound)
}
