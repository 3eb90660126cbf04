//! The case layer: every operation on a case that both front ends offer, written once.
//!
//! The desktop shell and the `dalil` command parse their input, call a function here, and put
//! its result or its [`CaseError`] into their own form (IPC JSON, or text and `--json`). A
//! function here is the only place that reads the store and calls the checklist together, so
//! the app and the command cannot derive different checklists from the same case.
//!
//! *Architecture invariant:* no Tauri, no terminal, no file paths and no clock of its own:
//! callers hand it the store, the SOP, a localizer and the time.

mod changes;
mod detail;
mod edition;
mod elements;
mod error;
mod evidence;
mod export;
mod facts;
mod history;
mod list;
mod notes;
mod open;
mod steps;
pub mod transfer;
mod view;

pub use changes::{ChangeGroup, ChangeItem, ChangesView, changes};
pub use detail::{CaseDetail, DetailStep, detail};
pub use edition::{ChangedStep, EditionChange, edition_change, move_to_edition};
pub use elements::{
    ElementRow, GatherStep, Matrix, OffenceRows, Support, link, matrix, offences_for, set_element,
};
pub use error::CaseError;
pub use evidence::{
    CustodyView, ExhibitView, FileCheckView, FileView, Register, add_custody, add_exhibit, attach,
    check_file, exhibit, register, write_file,
};
pub use export::{Export, Format, export, record_export};
pub use facts::{FactChange, FactInput, StepRef, check_facts, facts_of, set_facts};
pub use history::{HistoryEntry, HistoryView, entity_words, history};
pub use list::{CasePage, CaseRow, MAX_PAGE, page};
pub use notes::{
    NoteView, RevisionView, StepNotes, commit_note, revisions, save_draft, step_notes,
};
pub use open::{NewCaseInput, create, edition_label, edition_of, is_current, resolve};
pub use steps::{StepSet, checked_reason, set_step};
pub use view::{CaseView, FactView, PhaseView, Question, RowView, questions, view};

/// A time as RFC 3339, the form every view model carries.
pub fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
