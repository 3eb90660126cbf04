//! The plain data the store takes and gives back: ids, cases, facts, step states, notes,
//! drafts and audit entries. No IO here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;

use time::OffsetDateTime;

/// The internal id of a case: sequential, never reused. The officer's own number is the
/// case's `reference`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseId(pub i64);

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The id of a note: sequential, never reused, stable across edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoteId(pub i64);

impl fmt::Display for NoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a case is about, as far as the officer can tell yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseKind {
    /// Human trafficking.
    Trafficking,
    /// Migrant smuggling.
    Smuggling,
    /// Both trafficking and smuggling.
    Both,
    /// Not determined yet.
    Undetermined,
}

impl CaseKind {
    /// The stable string stored in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Trafficking => "trafficking",
            CaseKind::Smuggling => "smuggling",
            CaseKind::Both => "both",
            CaseKind::Undetermined => "undetermined",
        }
    }

    /// Parses the stored string.
    pub fn parse(s: &str) -> Option<CaseKind> {
        Some(match s {
            "trafficking" => CaseKind::Trafficking,
            "smuggling" => CaseKind::Smuggling,
            "both" => CaseKind::Both,
            "undetermined" => CaseKind::Undetermined,
            _ => return None,
        })
    }
}

/// Whether a case is open or closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseStatus {
    /// Open: accepts changes.
    Open,
    /// Closed: refuses changes until reopened.
    Closed,
}

impl CaseStatus {
    /// The stable string stored in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Closed => "closed",
        }
    }

    /// Parses the stored string.
    pub fn parse(s: &str) -> Option<CaseStatus> {
        match s {
            "open" => Some(CaseStatus::Open),
            "closed" => Some(CaseStatus::Closed),
            _ => None,
        }
    }
}

/// Which cases [`crate::Store::list_cases`] and [`crate::Store::case_overviews`] return.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Only open cases, only closed cases, or all (`None`).
    pub status: Option<CaseStatus>,
    /// When set, only cases whose reference or title contains this text (case-insensitive for
    /// ASCII letters).
    pub text: Option<String>,
}

/// The SOP edition a case is pinned to: which SOP, and which version of it.
///
/// The edition's date is not part of it: it is for display only, and comes from the SOP
/// itself. Cases opened by `dalil` before the store kept the SOP's id recorded the version
/// alone; their `sop` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edition {
    /// The SOP's id (the manifest's `id`), when the case knows it.
    pub sop: Option<String>,
    /// The edition's version (the manifest's `version`).
    pub version: String,
}

impl Edition {
    /// The edition `version` of the SOP `sop`.
    pub fn new(sop: impl Into<String>, version: impl Into<String>) -> Edition {
        Edition {
            sop: Some(sop.into()),
            version: version.into(),
        }
    }

    /// Whether this is the edition `version` of the SOP `sop`: the versions are equal, and
    /// the ids too when this edition has one.
    pub fn is(&self, sop: &str, version: &str) -> bool {
        self.version == version && self.sop.as_deref().is_none_or(|s| s == sop)
    }
}

impl fmt::Display for Edition {
    /// `dalil-reference-sop 0.1.0`, or the version alone when the SOP's id is not known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sop {
            Some(sop) => write!(f, "{sop} {}", self.version),
            None => f.write_str(&self.version),
        }
    }
}

/// What is needed to open a new case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    /// The officer's own case number; unique in the store.
    pub reference: String,
    /// A short title.
    pub title: String,
    /// What the case is about.
    pub kind: CaseKind,
    /// The SOP edition the case is opened under.
    pub edition: Edition,
}

/// One line of the case list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    /// The internal id.
    pub id: CaseId,
    /// The officer's case number.
    pub reference: String,
    /// The title.
    pub title: String,
    /// What the case is about.
    pub kind: CaseKind,
    /// Open or closed.
    pub status: CaseStatus,
    /// When the case was opened (UTC).
    pub created_at: OffsetDateTime,
    /// When anything in the case last changed (UTC): the time of its last audit entry.
    pub last_change: OffsetDateTime,
}

/// One line of the case list with what it takes to count the case's progress:
/// what [`crate::Store::case_overviews`] returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseOverview {
    /// The case's line of the list.
    pub summary: CaseSummary,
    /// The case's facts, fact id to value, as [`crate::Store::fact_map`] gives them. The case's
    /// kind is not among them: it is `summary.kind`.
    pub facts: BTreeMap<String, String>,
    /// The ids of the steps whose recorded state is not pending (done, not applicable or
    /// blocked), including steps that no longer apply or that the SOP no longer has. The
    /// cases of one list share each id's text.
    pub settled: BTreeSet<Arc<str>>,
    /// The progress remembered for this case under the rules asked for
    /// ([`crate::Store::case_overviews_page_with`]), `(done, applicable)`, when it still holds.
    /// `facts` and `settled` are then left empty: they were not read.
    pub progress: Option<(usize, usize)>,
}

/// A case with everything but its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The internal id.
    pub id: CaseId,
    /// The officer's case number.
    pub reference: String,
    /// The title.
    pub title: String,
    /// What the case is about.
    pub kind: CaseKind,
    /// Open or closed.
    pub status: CaseStatus,
    /// The SOP edition the case is pinned to.
    pub edition: Edition,
    /// When the case was opened (UTC).
    pub created_at: OffsetDateTime,
    /// When the case was closed, if it is closed (UTC).
    pub closed_at: Option<OffsetDateTime>,
    /// When anything in the case last changed (UTC).
    pub last_change: OffsetDateTime,
}

/// One answer to one of the SOP manifest's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The manifest's fact id.
    pub id: String,
    /// "yes"/"no" for yes-no facts, a choice id for choice facts. The store does not check it.
    pub value: String,
    /// When it was last set (UTC).
    pub updated_at: OffsetDateTime,
}

/// The state of one checklist step of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepState {
    /// Not done yet.
    Pending,
    /// Done.
    Done,
    /// Does not apply to this case; needs a reason.
    NotApplicable,
    /// Cannot be done now; needs a reason.
    Blocked,
}

impl StepState {
    /// The stable string stored in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Pending => "pending",
            StepState::Done => "done",
            StepState::NotApplicable => "not-applicable",
            StepState::Blocked => "blocked",
        }
    }

    /// Parses the stored string.
    pub fn parse(s: &str) -> Option<StepState> {
        Some(match s {
            "pending" => StepState::Pending,
            "done" => StepState::Done,
            "not-applicable" => StepState::NotApplicable,
            "blocked" => StepState::Blocked,
            _ => return None,
        })
    }

    /// Whether this state must come with a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, StepState::NotApplicable | StepState::Blocked)
    }
}

/// The recorded state of one step of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    /// The SOP's step id.
    pub step_id: String,
    /// The state.
    pub state: StepState,
    /// The reason, for "not applicable" and "blocked".
    pub reason: Option<String>,
    /// When the state was set (UTC).
    pub updated_at: OffsetDateTime,
}

/// A live note (its current revision).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The note's id.
    pub id: NoteId,
    /// The case it belongs to.
    pub case: CaseId,
    /// The step it is tied to, if any.
    pub step: Option<String>,
    /// The current text.
    pub text: String,
    /// The current revision number (1 for a note never edited).
    pub revision: u32,
    /// When the note was first written (UTC).
    pub created_at: OffsetDateTime,
    /// When the current revision was written (UTC).
    pub updated_at: OffsetDateTime,
}

/// A note found by [`crate::Store::search_notes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMatch {
    /// The note, as it is now.
    pub note: Note,
    /// The reference of the note's case, so that a list of hits across cases can name them.
    pub case_reference: String,
    /// A window of the note's text with the query's matches marked.
    pub snippet: dalil_search::Highlighted,
}

/// One revision in a note's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRevision {
    /// The note.
    pub note: NoteId,
    /// 1 for the first text, then one more per edit, and one for the deletion.
    pub revision: u32,
    /// The text of this revision; `None` for the tombstone a deletion leaves.
    pub text: Option<String>,
    /// When this revision was written (UTC).
    pub created_at: OffsetDateTime,
}

/// Text being typed and not committed yet, kept so that it survives a crash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The case.
    pub case: CaseId,
    /// The step the text is for, or `None` for a note on the case itself.
    pub step: Option<String>,
    /// The text so far.
    pub text: String,
    /// When it was last saved (UTC).
    pub updated_at: OffsetDateTime,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// The sequence number: 1, 2, 3, … without gaps.
    pub seq: u64,
    /// When the change was made (UTC).
    pub at: OffsetDateTime,
    /// What was done, a stable identifier such as "note.add" (see [`crate::audit::actions`]).
    pub action: String,
    /// The kind of entity changed: "store", "case", "fact", "step", "note", "draft".
    pub entity_kind: String,
    /// The entity's id within its kind (a case id, a fact id, a step id, a note id).
    pub entity_id: String,
    /// The case the change belongs to, if any.
    pub case: Option<CaseId>,
    /// SHA-256 of the changed content, in hex. Never the content itself.
    pub digest_hex: String,
    /// The chain hash of this entry, in hex.
    pub hash_hex: String,
}

/// The result of verifying the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Every entry verifies and the chain ends at the recorded head.
    Intact {
        /// The number of entries.
        len: u64,
        /// The hash of the last entry, in hex (64 zeros for an empty log).
        head_hex: String,
    },
    /// The log was changed: this is the first entry that does not verify.
    Broken {
        /// The sequence number of the first bad (or missing) entry.
        first_bad_seq: u64,
        /// What is wrong with it.
        kind: BreakKind,
    },
}

/// How an audit log is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BreakKind {
    /// The entry's content or hash does not match the chain (a modified or reordered entry).
    Modified,
    /// The entry is missing: the sequence jumps over it (a deleted entry).
    Missing,
    /// The log ends before the recorded head: its tail was dropped.
    Truncated,
    /// There are entries after the recorded head, which no transaction of the store writes.
    Extra,
    /// The last entry does not match the recorded head hash.
    HeadMismatch,
    /// The chain is intact, but an exhibit, a custody entry or an attachment differs from
    /// what this entry recorded, or is gone (or, at the entry after the last, a record that
    /// no entry accounts for).
    RecordChanged,
}

/// The chain head of an audit log: where a copy's log ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditHead {
    /// The sequence number of the last entry (0 for an empty log).
    pub seq: u64,
    /// The hash of the last entry, in hex.
    pub hash_hex: String,
}

/// What [`crate::Store::restore`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreOutcome {
    /// Where the file that was replaced is kept (`<dest>.before-restore`, or with a number
    /// when that name is taken), or `None` when there was no file at the destination.
    pub previous: Option<std::path::PathBuf>,
    /// Where the restored copy's audit log ends.
    pub audit_head: AuditHead,
}
