//! The notes of a step, the draft being typed, and a note's revisions, as the case screen
//! shows them.

use dalil_store::{CaseId, NoteId, Store, StoreError};
use serde::Serialize;

use crate::rfc3339;

/// A note as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    /// The note's id.
    pub id: i64,
    /// Its current text.
    pub text: String,
    /// Its current revision.
    pub revision: u32,
    /// When that revision was written, RFC 3339.
    pub updated_at: String,
}

/// The notes of a step, and the draft not yet committed, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepNotes {
    /// The live notes tied to the step, oldest first.
    pub notes: Vec<NoteView>,
    /// The text being typed for the step, kept since the last pause.
    pub draft: Option<String>,
}

/// The notes tied to one step of a case, with any uncommitted draft.
pub fn step_notes(store: &Store, case: CaseId, step: &str) -> Result<StepNotes, StoreError> {
    let notes = store
        .notes(case)?
        .into_iter()
        .filter(|n| n.step.as_deref() == Some(step))
        .map(|n| NoteView {
            id: n.id.0,
            text: n.text,
            revision: n.revision,
            updated_at: rfc3339(n.updated_at),
        })
        .collect();
    let draft = store
        .drafts_for_case(case)?
        .into_iter()
        .find(|d| d.step.as_deref() == Some(step))
        .map(|d| d.text);
    Ok(StepNotes { notes, draft })
}

/// Keeps what is being typed for a step, durably, until it is committed as a note.
pub fn save_draft(
    store: &mut Store,
    case: CaseId,
    step: &str,
    text: &str,
) -> Result<(), StoreError> {
    store.save_draft(case, Some(step), text)
}

/// Commits the text as a note of the step: a new note, or a new revision of `note`. The
/// step's draft goes in the same transaction. Returns the note's id.
pub fn commit_note(
    store: &mut Store,
    case: CaseId,
    step: &str,
    note: Option<NoteId>,
    text: &str,
) -> Result<NoteId, StoreError> {
    match note {
        Some(n) => {
            store.edit_note(n, text)?;
            Ok(n)
        }
        None => store.add_note(case, Some(step), text),
    }
}

/// A revision of a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionView {
    /// 1 for the first text, then one more per edit, and one for a deletion.
    pub revision: u32,
    /// The text; `None` for the tombstone a deletion leaves.
    pub text: Option<String>,
    /// When it was written, RFC 3339.
    pub created_at: String,
}

/// Every revision of a note, oldest first.
pub fn revisions(store: &Store, note: NoteId) -> Result<Vec<RevisionView>, StoreError> {
    Ok(store
        .note_revisions(note)?
        .into_iter()
        .map(|r| RevisionView {
            revision: r.revision,
            text: r.text,
            created_at: rfc3339(r.created_at),
        })
        .collect())
}
