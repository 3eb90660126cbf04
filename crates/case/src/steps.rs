//! Setting the state of a step of a case.

use dalil_content::{Lang, Sop};
use dalil_store::{Case, CaseId, StepRecord, StepState, Store};

use crate::{CaseError, facts_of};

/// What setting a step's state did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepSet {
    /// The case, after the change.
    pub case: Case,
    /// The step's record as stored now.
    pub record: Option<StepRecord>,
    /// Whether the step is in the case's checklist with its current facts: a state can be set
    /// on a step the facts hide, and the officer is told it is not shown.
    pub applies: bool,
}

/// Sets a step's state. "Not applicable" and "blocked" need a reason, the others take none.
/// The step must be one the SOP has, or one the case already carries (a step a newer edition
/// retired keeps its record and can still be changed).
pub fn set_step(
    store: &mut Store,
    sop: &Sop,
    case: CaseId,
    step: &str,
    state: StepState,
    reason: Option<&str>,
) -> Result<StepSet, CaseError> {
    let reason = checked_reason(state, reason)?;
    let in_sop = sop.steps(Lang::Ar).any(|(_, s)| s.id == step);
    if !in_sop && !store.step_states(case)?.iter().any(|r| r.step_id == step) {
        return Err(CaseError::UnknownStep(step.to_owned()));
    }
    store.set_step_state(case, step, state, reason)?;
    let record = store
        .step_states(case)?
        .into_iter()
        .find(|r| r.step_id == step);
    let applies = dalil_checklist::applicable(sop, &facts_of(store, case)?)
        .iter()
        .any(|i| i.step == step);
    Ok(StepSet {
        case: store.case(case)?,
        record,
        applies,
    })
}

/// The reason as it will be stored, trimmed, or the refusal: "not applicable" and "blocked"
/// need one, "done" and "pending" take none. A front end can call this before it asks for
/// the passphrase.
pub fn checked_reason(state: StepState, reason: Option<&str>) -> Result<Option<&str>, CaseError> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match (state.needs_reason(), reason) {
        (true, None) => Err(CaseError::ReasonRequired),
        (false, Some(_)) => Err(CaseError::ReasonNotAllowed),
        _ => Ok(reason),
    }
}
