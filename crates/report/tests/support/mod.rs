//! What the tests share: a case file holding the fictional case, read into a [`CaseRecord`].

pub mod sample;

use std::collections::BTreeSet;

use dalil_report::{AuditLink, CaseRecord, ChainState, NoteHistory, NoteSubject};
use dalil_store::{CaseId, NoteId, Passphrase, Store, StoreError};

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

/// Reads a case the way `dalil export` does (`crates/cli/src/export.rs`, `read_case`).
pub fn read_case(store: &Store, id: CaseId) -> Result<CaseRecord, StoreError> {
    let live = store.notes(id)?;
    let history = store.history(id)?;
    let mut note_ids: BTreeSet<i64> = live.iter().map(|n| n.id.0).collect();
    for e in history.iter().filter(|e| e.entity_kind == "note") {
        if let Ok(n) = e.entity_id.parse::<i64>() {
            note_ids.insert(n);
        }
    }
    let mut notes = Vec::new();
    for n in note_ids {
        let subject = match live.iter().find(|l| l.id.0 == n) {
            Some(l) => l.step.clone().map_or(NoteSubject::Case, NoteSubject::Step),
            None => NoteSubject::Unknown,
        };
        notes.push(NoteHistory {
            id: NoteId(n),
            subject,
            revisions: store.note_revisions(NoteId(n))?,
        });
    }
    let mut audit = Vec::new();
    for entry in history {
        let prev_hash_hex = if entry.seq <= 1 {
            "0".repeat(64)
        } else {
            store
                .audit_entries(entry.seq - 2, 1)?
                .into_iter()
                .next()
                .map(|e| e.hash_hex)
                .ok_or(StoreError::Damaged)?
        };
        audit.push(AuditLink {
            entry,
            prev_hash_hex,
        });
    }
    Ok(CaseRecord {
        case: store.case(id)?,
        facts: store.facts(id)?,
        steps: store.step_states(id)?,
        notes,
        audit,
        chain: ChainState {
            head: store.audit_head()?,
            verification: store.verify_audit()?,
        },
    })
}
