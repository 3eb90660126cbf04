//! The input of the report and the bundle: a case as the store's read models give it.
//!
//! [`crate::read_case`] fills them from an unlocked store; the rest of the crate only turns
//! them into bytes. Nothing here reads a file, a database or the clock.

use dalil_store::{
    Attachment, AuditEntry, AuditHead, Case, CustodyEntry, ElementLink, ElementMark, Exhibit, Fact,
    NoteId, NoteRevision, StepRecord, Verification,
};

/// Everything known about one case, as read from the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord {
    /// The case itself.
    pub case: Case,
    /// Its answered facts, by fact id.
    pub facts: Vec<Fact>,
    /// Every recorded step state, including steps that no longer apply or were retired.
    pub steps: Vec<StepRecord>,
    /// Every note the case ever had, deleted ones included, oldest first.
    pub notes: Vec<NoteHistory>,
    /// The evidence register: each exhibit with its custody record and files.
    pub exhibits: Vec<ExhibitRecord>,
    /// The recorded states of the case's offence elements.
    pub element_marks: Vec<ElementMark>,
    /// What is linked to each element.
    pub element_links: Vec<ElementLink>,
    /// The case's audit entries, oldest first, each with the hash of the entry before it.
    pub audit: Vec<AuditLink>,
    /// The state of the store's whole audit chain when the case was read.
    pub chain: ChainState,
}

/// An exhibit with its chain of custody and attached files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExhibitRecord {
    /// The exhibit.
    pub exhibit: Exhibit,
    /// Its custody record, first entry first.
    pub custody: Vec<CustodyEntry>,
    /// The files attached to it.
    pub files: Vec<Attachment>,
}

/// A note with its whole history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteHistory {
    /// The note's id.
    pub id: NoteId,
    /// What the note is about.
    pub subject: NoteSubject,
    /// Every revision, first to last; a deleted note ends with a tombstone (`text: None`).
    pub revisions: Vec<NoteRevision>,
}

impl NoteHistory {
    /// Whether the note was deleted: its last revision is a tombstone.
    pub fn deleted(&self) -> bool {
        self.revisions.last().is_some_and(|r| r.text.is_none())
    }

    /// The current text of a live note.
    pub fn text(&self) -> Option<&str> {
        self.revisions.last().and_then(|r| r.text.as_deref())
    }

    /// The step the note is about, if it is known to be a step.
    pub fn step(&self) -> Option<&str> {
        match &self.subject {
            NoteSubject::Step(s) => Some(s),
            NoteSubject::Case | NoteSubject::Unknown => None,
        }
    }
}

/// What a note is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteSubject {
    /// The case as a whole.
    Case,
    /// One step, by id.
    Step(String),
    /// Not known: the store does not say what a deleted note was about.
    Unknown,
}

/// An audit entry and the chain hash of the entry before it, so that the entry can be checked
/// on its own even when its neighbour in the chain belongs to another case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLink {
    /// The entry.
    pub entry: AuditEntry,
    /// The chain hash of entry `seq - 1` in hex (64 zeros for entry 1).
    pub prev_hash_hex: String,
}

/// The whole audit chain's state at the time of reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainState {
    /// Where the chain ends.
    pub head: AuditHead,
    /// The result of verifying the whole chain.
    pub verification: Verification,
}
