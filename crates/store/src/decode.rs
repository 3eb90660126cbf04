//! The stored words read back into the model's types. A word the schema's CHECK constraints
//! would never let in means the file was changed behind the store's back: it is damaged.
//!
//! Apart from `model` so that the model does not depend on the error type, which depends on
//! the model.

use crate::error::StoreError;
use crate::model::{CaseKind, CaseStatus, StepState};

pub(crate) fn parse_kind(s: &str) -> Result<CaseKind, StoreError> {
    CaseKind::parse(s).ok_or(StoreError::Damaged)
}

pub(crate) fn parse_status(s: &str) -> Result<CaseStatus, StoreError> {
    CaseStatus::parse(s).ok_or(StoreError::Damaged)
}

pub(crate) fn parse_state(s: &str) -> Result<StepState, StoreError> {
    StepState::parse(s).ok_or(StoreError::Damaged)
}
