//! Reading a case out of an unlocked store into a [`CaseRecord`].
//!
//! This is the one place in the crate that touches the store, and it only calls the store's
//! read methods; the store owns the file. The CLI's `dalil export` and the desktop app's
//! export both read a case through here, so the report and the bundle are the same
//! whichever made them.
//!
//! The reads are separate queries, not one snapshot. Both callers hold the only connection
//! to the file while they read (the CLI is one process; the app serializes every store call
//! behind one lock), so nothing can change the case between them.

use std::collections::BTreeSet;

use dalil_store::{CaseId, NoteId, Store, StoreError};

use crate::{AuditLink, CaseRecord, ChainState, ExhibitRecord, NoteHistory, NoteSubject};

/// Reads everything the report and the bundle need about one case.
pub fn read_case(store: &Store, id: CaseId) -> Result<CaseRecord, StoreError> {
    let case = store.case(id)?;
    let facts = store.facts(id)?;
    let steps = store.step_states(id)?;
    let live = store.notes(id)?;
    let history = store.history(id)?;

    // Every note the case ever had: the live ones, and the deleted ones the log knows of.
    let mut note_ids: BTreeSet<i64> = live.iter().map(|n| n.id.0).collect();
    for e in history.iter().filter(|e| e.entity_kind == "note") {
        if let Ok(n) = e.entity_id.parse::<i64>() {
            note_ids.insert(n);
        }
    }
    let mut notes = Vec::with_capacity(note_ids.len());
    for n in note_ids {
        let subject = match live.iter().find(|l| l.id.0 == n) {
            Some(l) => match &l.step {
                Some(step) => NoteSubject::Step(step.clone()),
                None => NoteSubject::Case,
            },
            None => NoteSubject::Unknown,
        };
        notes.push(NoteHistory {
            id: NoteId(n),
            subject,
            revisions: store.note_revisions(NoteId(n))?,
        });
    }

    // Each entry with the hash before it: from the entry before it in this case when they
    // follow each other, else from the whole log.
    let mut audit = Vec::with_capacity(history.len());
    let mut previous: Option<(u64, String)> = None;
    for entry in history {
        let prev_hash_hex = match &previous {
            _ if entry.seq <= 1 => "0".repeat(64),
            Some((seq, hash)) if *seq + 1 == entry.seq => hash.clone(),
            _ => store
                .audit_entries(entry.seq - 2, 1)?
                .into_iter()
                .next()
                .map(|e| e.hash_hex)
                .ok_or(StoreError::Damaged)?,
        };
        previous = Some((entry.seq, entry.hash_hex.clone()));
        audit.push(AuditLink {
            entry,
            prev_hash_hex,
        });
    }

    let mut exhibits = Vec::new();
    for exhibit in store.exhibits(id)? {
        let number = exhibit.number;
        exhibits.push(ExhibitRecord {
            exhibit,
            custody: store.custody(id, number)?,
            files: store.attachments(id, number)?,
        });
    }

    Ok(CaseRecord {
        case,
        facts,
        steps,
        notes,
        exhibits,
        element_marks: store.element_marks(id)?,
        element_links: store.element_links(id)?,
        audit,
        chain: ChainState {
            head: store.audit_head()?,
            verification: store.verify_audit()?,
        },
    })
}
