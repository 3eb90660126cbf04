//! The case layer's error type.

use dalil_store::StoreError;

/// Why a case operation was refused or failed. Like the store's errors, none carries case
/// data: no reference, title, note text or fact value.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The store refused the change or could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A fact the SOP's manifest does not declare, or a value it does not allow.
    #[error("bad fact: {0}")]
    Fact(#[from] dalil_checklist::FactError),
    /// The `kind` fact names no case kind the store knows; the word given (a kind, never
    /// case data).
    #[error("`{0}` is not one of trafficking, smuggling, both, undetermined")]
    UnknownKind(String),
    /// A new case needs its reference.
    #[error("a case needs a reference")]
    ReferenceRequired,
    /// No case has this reference or id.
    #[error("no such case")]
    CaseNotFound,
    /// A step neither the SOP nor the case has.
    #[error("the step {0} is neither in the SOP nor in the case")]
    UnknownStep(String),
    /// "Not applicable" and "blocked" need a reason.
    #[error("this state needs a reason")]
    ReasonRequired,
    /// "Done" and "pending" take no reason.
    #[error("this state takes no reason")]
    ReasonNotAllowed,
    /// An offence element the SOP does not declare.
    #[error("the SOP declares no element {0}")]
    UnknownElement(String),
    /// No directorate key is installed: neither built in nor in the data folder.
    #[error("no directorate key is installed")]
    NoDirectorateKey,
    /// The data folder's directorate key file cannot be read as a key.
    #[error("the directorate key file is not usable: {0}")]
    DirectorateKey(dalil_transfer::KeyFileError),
    /// A transfer with no case.
    #[error("no case was chosen")]
    NothingToTransfer,
    /// The transfer bundle could not be sealed.
    #[error("the transfer bundle could not be made: {0}")]
    Seal(dalil_transfer::SealError),
}

impl CaseError {
    /// A stable code for the front ends to match on: the store's own code for a store error.
    pub fn code(&self) -> &'static str {
        match self {
            CaseError::Store(e) => e.code(),
            CaseError::Fact(_) => "bad-fact",
            CaseError::UnknownKind(_) => "unknown-kind",
            CaseError::ReferenceRequired => "reference-required",
            CaseError::CaseNotFound => "not-found",
            CaseError::UnknownStep(_) => "unknown-step",
            CaseError::ReasonRequired => "reason-required",
            CaseError::ReasonNotAllowed => "reason-not-allowed",
            CaseError::UnknownElement(_) => "unknown-element",
            CaseError::NoDirectorateKey => "no-directorate-key",
            CaseError::DirectorateKey(_) => "directorate-key-invalid",
            CaseError::NothingToTransfer => "nothing-to-transfer",
            CaseError::Seal(dalil_transfer::SealError::TooLarge) => "transfer-too-large",
            CaseError::Seal(_) => "transfer-failed",
        }
    }
}
