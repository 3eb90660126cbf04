//! Changes: every mutation of the store, each with its audit entry, inside one transaction.
//!
//! [`crate::Store`]'s single-change methods each run one [`Batch`]; [`crate::Store::batch`]
//! runs many changes in one transaction (all or nothing), for imports and for re-deriving a
//! checklist.
//!
//! Each change's audit entry also moves its case's `last_change`: a trigger on the audit log
//! (migration 0003) does it in the same transaction, so no method here writes that column
//! except `create_case`, which starts it at the creation time.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::audit::{self, Change, actions};
use crate::decode::parse_status;
use crate::error::StoreError;
use crate::model::{CaseId, CaseKind, CaseStatus, Edition, NewCase, NoteId, StepState};

/// The fact id that would say what a case is about: never stored as a fact, since the case
/// itself holds its kind.
pub const KIND_FACT: &str = "kind";

/// A write transaction in progress. Obtained from [`crate::Store::batch`]; everything done
/// through it commits together, or not at all when the closure returns an error.
pub struct Batch<'a> {
    /// The transaction itself, not only its connection: the notes index is written through
    /// dalil-search's API, which takes the transaction to make that requirement visible.
    pub(crate) conn: &'a Transaction<'a>,
    pub(crate) now: String,
}

/// A note's subject as stored: ('case', '') or ('step', step id).
pub(crate) fn subject(step: Option<&str>) -> Result<(&'static str, &str), StoreError> {
    match step {
        None => Ok(("case", "")),
        Some(s) if s.trim().is_empty() => Err(StoreError::Invalid { field: "step" }),
        Some(s) => Ok(("step", s)),
    }
}

/// The status of a case, or `NotFound`.
pub(crate) fn case_status(conn: &Connection, case: CaseId) -> Result<CaseStatus, StoreError> {
    let status: Option<String> = conn
        .prepare_cached("SELECT status FROM cases WHERE id = ?1")?
        .query_row([case.0], |r| r.get(0))
        .optional()?;
    match status {
        None => Err(StoreError::NotFound {
            entity: "case",
            id: case.to_string(),
        }),
        Some(s) => parse_status(&s),
    }
}

pub(crate) fn not_blank(s: &str, field: &'static str) -> Result<(), StoreError> {
    if s.trim().is_empty() {
        Err(StoreError::Invalid { field })
    } else {
        Ok(())
    }
}

impl Batch<'_> {
    fn audit(&self, change: Change<'_>) -> Result<(), StoreError> {
        audit::append(self.conn, &self.now, &change).map(|_| ())
    }

    /// Refuses changes to a missing or closed case.
    pub(crate) fn require_open(&self, case: CaseId) -> Result<(), StoreError> {
        match case_status(self.conn, case)? {
            CaseStatus::Open => Ok(()),
            CaseStatus::Closed => Err(StoreError::CaseClosed { case }),
        }
    }

    /// Opens a new case. The reference must be unique; reference, title and the edition's
    /// SOP id and version must not be blank.
    pub fn create_case(&mut self, new: &NewCase) -> Result<CaseId, StoreError> {
        not_blank(&new.reference, "reference")?;
        not_blank(&new.title, "title")?;
        not_blank(&new.edition.version, "sop-edition")?;
        if let Some(sop) = &new.edition.sop {
            not_blank(sop, "sop-id")?;
        }
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO cases
                     (reference, title, kind, status, sop_id, sop_edition, created_at, last_change)
                 VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6, ?6)",
            )?
            .execute(params![
                new.reference,
                new.title,
                new.kind.as_str(),
                new.edition.sop,
                new.edition.version,
                self.now
            ]);
        if let Err(e) = inserted {
            return Err(match e.sqlite_error() {
                Some(f) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
                    StoreError::DuplicateReference
                }
                _ => e.into(),
            });
        }
        let id = CaseId(self.conn.last_insert_rowid());
        let id_text = id.to_string();
        self.audit(Change {
            action: actions::CASE_CREATE,
            entity_kind: "case",
            entity_id: &id_text,
            case: Some(id),
            digest: audit::case_digest(&new.reference, &new.title, new.kind.as_str(), &new.edition),
        })?;
        Ok(id)
    }

    /// Records that a case was exported: `what` says which file (`report-ar`, `bundle`...),
    /// `sha256` is the digest of the bytes written. Closed cases can be exported, so this
    /// does not require the case to be open; it changes nothing but the log.
    pub fn record_export(
        &mut self,
        case: CaseId,
        what: &str,
        sha256: [u8; 32],
    ) -> Result<(), StoreError> {
        not_blank(what, "export")?;
        case_status(self.conn, case)?;
        self.audit(Change {
            action: actions::CASE_EXPORT,
            entity_kind: "export",
            entity_id: what,
            case: Some(case),
            digest: sha256,
        })
    }

    /// Closes an open case. A closed case refuses every change until it is reopened.
    pub fn close_case(&mut self, case: CaseId) -> Result<(), StoreError> {
        self.require_open(case)?;
        self.conn
            .prepare_cached("UPDATE cases SET status = 'closed', closed_at = ?2 WHERE id = ?1")?
            .execute(params![case.0, self.now])?;
        let id = case.to_string();
        self.audit(Change {
            action: actions::CASE_CLOSE,
            entity_kind: "case",
            entity_id: &id,
            case: Some(case),
            digest: audit::digest_text("closed"),
        })
    }

    /// Reopens a closed case.
    pub fn reopen_case(&mut self, case: CaseId) -> Result<(), StoreError> {
        if case_status(self.conn, case)? == CaseStatus::Open {
            return Err(StoreError::CaseNotClosed { case });
        }
        self.conn
            .prepare_cached("UPDATE cases SET status = 'open', closed_at = NULL WHERE id = ?1")?
            .execute([case.0])?;
        let id = case.to_string();
        self.audit(Change {
            action: actions::CASE_REOPEN,
            entity_kind: "case",
            entity_id: &id,
            case: Some(case),
            digest: audit::digest_text("open"),
        })
    }

    /// Changes what an open case is about.
    pub fn set_kind(&mut self, case: CaseId, kind: CaseKind) -> Result<(), StoreError> {
        self.require_open(case)?;
        self.conn
            .prepare_cached("UPDATE cases SET kind = ?2 WHERE id = ?1")?
            .execute(params![case.0, kind.as_str()])?;
        let id = case.to_string();
        self.audit(Change {
            action: actions::CASE_SET_KIND,
            entity_kind: "case",
            entity_id: &id,
            case: Some(case),
            digest: audit::digest_text(kind.as_str()),
        })
    }

    /// Pins an open case to another SOP edition (a case carried over to a new edition), with a
    /// `case.set-edition` entry whose digest is the case's opening record with the new edition
    /// ([`audit::case_digest`]), so a bundle's verifier still checks its reference and title.
    /// Its notes and step states stay as they are, including those of steps the new edition
    /// no longer has.
    pub fn set_edition(&mut self, case: CaseId, edition: &Edition) -> Result<(), StoreError> {
        self.require_open(case)?;
        not_blank(&edition.version, "sop-edition")?;
        if let Some(sop) = &edition.sop {
            not_blank(sop, "sop-id")?;
        }
        let (reference, title, kind): (String, String, String) = self
            .conn
            .prepare_cached("SELECT reference, title, kind FROM cases WHERE id = ?1")?
            .query_row([case.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        self.conn
            .prepare_cached("UPDATE cases SET sop_id = ?2, sop_edition = ?3 WHERE id = ?1")?
            .execute(params![case.0, edition.sop, edition.version])?;
        let id = case.to_string();
        self.audit(Change {
            action: actions::CASE_SET_EDITION,
            entity_kind: "case",
            entity_id: &id,
            case: Some(case),
            digest: audit::case_digest(&reference, &title, &kind, edition),
        })
    }

    /// Sets facts (fact id -> value) of an open case. A fact set to the value it already has
    /// is left alone and not audited again.
    ///
    /// The fact `kind` is refused: a case's kind is kept in one place, on the case
    /// ([`Batch::set_kind`]), and readers that want it among the facts add it from there.
    pub fn set_facts(&mut self, case: CaseId, facts: &[(&str, &str)]) -> Result<(), StoreError> {
        self.require_open(case)?;
        for (fact, value) in facts {
            not_blank(fact, "fact")?;
            if *fact == KIND_FACT {
                return Err(StoreError::Invalid { field: "fact" });
            }
            let old: Option<String> = self
                .conn
                .prepare_cached("SELECT value FROM case_facts WHERE case_id = ?1 AND fact_id = ?2")?
                .query_row(params![case.0, fact], |r| r.get(0))
                .optional()?;
            if old.as_deref() == Some(*value) {
                continue;
            }
            self.conn
                .prepare_cached(
                    "INSERT INTO case_facts (case_id, fact_id, value, updated_at)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (case_id, fact_id)
                     DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                )?
                .execute(params![case.0, fact, value, self.now])?;
            self.audit(Change {
                action: actions::FACT_SET,
                entity_kind: "fact",
                entity_id: fact,
                case: Some(case),
                digest: audit::digest_text(value),
            })?;
        }
        Ok(())
    }

    /// Sets the state of one step of an open case. "Not applicable" and "blocked" need a
    /// non-blank reason; "pending" and "done" take none. Setting the state it already has is
    /// left alone and not audited again.
    pub fn set_step_state(
        &mut self,
        case: CaseId,
        step: &str,
        state: StepState,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        not_blank(step, "step")?;
        let reason = match (state.needs_reason(), reason) {
            (true, Some(r)) if !r.trim().is_empty() => Some(r),
            (true, _) => return Err(StoreError::ReasonRequired),
            (false, Some(r)) if !r.trim().is_empty() => return Err(StoreError::ReasonNotAllowed),
            (false, _) => None,
        };
        self.require_open(case)?;
        let old: Option<(String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT state, reason FROM step_states WHERE case_id = ?1 AND step_id = ?2",
            )?
            .query_row(params![case.0, step], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((old_state, old_reason)) = &old {
            if old_state == state.as_str() && old_reason.as_deref() == reason {
                return Ok(());
            }
        }
        self.conn
            .prepare_cached(
                "INSERT INTO step_states (case_id, step_id, state, reason, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (case_id, step_id)
                 DO UPDATE SET state = excluded.state, reason = excluded.reason,
                               updated_at = excluded.updated_at",
            )?
            .execute(params![case.0, step, state.as_str(), reason, self.now])?;
        self.audit(Change {
            action: actions::STEP_SET,
            entity_kind: "step",
            entity_id: step,
            case: Some(case),
            digest: audit::digest_fields(&[state.as_str(), reason.unwrap_or("")]),
        })
    }

    /// Writes a new note on an open case, on the case itself (`step` = `None`) or on a step,
    /// indexes it for search, and discards the matching draft.
    pub fn add_note(
        &mut self,
        case: CaseId,
        step: Option<&str>,
        text: &str,
    ) -> Result<NoteId, StoreError> {
        not_blank(text, "text")?;
        let (kind, subject_id) = subject(step)?;
        self.require_open(case)?;
        self.conn
            .prepare_cached(
                "INSERT INTO notes (case_id, subject_kind, subject_id, created_at, revision)
                 VALUES (?1, ?2, ?3, ?4, 1)",
            )?
            .execute(params![case.0, kind, subject_id, self.now])?;
        let note = NoteId(self.conn.last_insert_rowid());
        self.insert_revision(note, 1, Some(text))?;
        dalil_search::notes::index_note(self.conn, note.0, case.0, text)?;
        self.drop_draft(case, kind, subject_id)?;
        let id = note.to_string();
        self.audit(Change {
            action: actions::NOTE_ADD,
            entity_kind: "note",
            entity_id: &id,
            case: Some(case),
            digest: audit::digest_text(text),
        })?;
        Ok(note)
    }

    fn insert_revision(
        &self,
        note: NoteId,
        revision: i64,
        text: Option<&str>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO note_revisions (note_id, revision, body, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![note.0, revision, text, self.now])?;
        Ok(())
    }

    fn drop_draft(&self, case: CaseId, kind: &str, subject_id: &str) -> Result<bool, StoreError> {
        let n = self
            .conn
            .prepare_cached(
                "DELETE FROM drafts WHERE case_id = ?1 AND subject_kind = ?2 AND subject_id = ?3",
            )?
            .execute(params![case.0, kind, subject_id])?;
        Ok(n > 0)
    }

    /// A live note's case, subject and current revision, or the reason it cannot change.
    fn live_note(&self, note: NoteId) -> Result<(CaseId, String, String, i64), StoreError> {
        let row: Option<(i64, String, String, i64, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT case_id, subject_kind, subject_id, revision, deleted_at
                 FROM notes WHERE id = ?1",
            )?
            .query_row([note.0], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?;
        let Some((case, kind, subject_id, revision, deleted_at)) = row else {
            return Err(StoreError::NotFound {
                entity: "note",
                id: note.to_string(),
            });
        };
        if deleted_at.is_some() {
            return Err(StoreError::NoteDeleted { note });
        }
        let case = CaseId(case);
        self.require_open(case)?;
        Ok((case, kind, subject_id, revision))
    }

    /// Replaces a live note's text with a new revision; every earlier revision is kept. The
    /// search index is given the new text and the matching draft is discarded.
    pub fn edit_note(&mut self, note: NoteId, text: &str) -> Result<(), StoreError> {
        not_blank(text, "text")?;
        let (case, kind, subject_id, revision) = self.live_note(note)?;
        self.insert_revision(note, revision + 1, Some(text))?;
        self.conn
            .prepare_cached("UPDATE notes SET revision = ?2 WHERE id = ?1")?
            .execute(params![note.0, revision + 1])?;
        dalil_search::notes::index_note(self.conn, note.0, case.0, text)?;
        self.drop_draft(case, &kind, &subject_id)?;
        let id = note.to_string();
        self.audit(Change {
            action: actions::NOTE_EDIT,
            entity_kind: "note",
            entity_id: &id,
            case: Some(case),
            digest: audit::digest_text(text),
        })
    }

    /// Deletes a live note: it leaves the list of notes and the search index, and its history
    /// keeps every revision plus a tombstone.
    pub fn delete_note(&mut self, note: NoteId) -> Result<(), StoreError> {
        let (case, _, _, revision) = self.live_note(note)?;
        self.insert_revision(note, revision + 1, None)?;
        self.conn
            .prepare_cached("UPDATE notes SET revision = ?2, deleted_at = ?3 WHERE id = ?1")?
            .execute(params![note.0, revision + 1, self.now])?;
        dalil_search::notes::unindex_note(self.conn, note.0)?;
        let id = note.to_string();
        self.audit(Change {
            action: actions::NOTE_DELETE,
            entity_kind: "note",
            entity_id: &id,
            case: Some(case),
            digest: audit::digest_text(""),
        })
    }

    /// Saves the text being typed for a note on an open case (`step` = `None` for the case
    /// itself), replacing the previous draft for the same place.
    ///
    /// A draft is durable (it is on disk when this returns, like every change) but not
    /// audited: the log records what the officer commits (`note.add`, `note.edit`), not each
    /// pause in the typing, which would grow it by an entry every few seconds of writing. A
    /// draft is text on its way to becoming a note; the note that becomes of it is audited,
    /// with its digest, and its revisions keep every committed text.
    pub fn save_draft(
        &mut self,
        case: CaseId,
        step: Option<&str>,
        text: &str,
    ) -> Result<(), StoreError> {
        let (kind, subject_id) = subject(step)?;
        self.require_open(case)?;
        self.conn
            .prepare_cached(
                "INSERT INTO drafts (case_id, subject_kind, subject_id, body, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (case_id, subject_kind, subject_id)
                 DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            )?
            .execute(params![case.0, kind, subject_id, text, self.now])?;
        Ok(())
    }

    /// Discards a draft without committing it. Returns whether there was one. Not audited,
    /// like the draft itself.
    pub fn discard_draft(&mut self, case: CaseId, step: Option<&str>) -> Result<bool, StoreError> {
        let (kind, subject_id) = subject(step)?;
        self.require_open(case)?;
        self.drop_draft(case, kind, subject_id)
    }
}
