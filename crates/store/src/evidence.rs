//! The evidence register (exhibits, their chain of custody, attached files) and a case's
//! offence elements (their state and what supports them).
//!
//! Exhibits, custody entries and attachments are append-only: no method changes or removes
//! one, and triggers refuse it in SQL. Each is written with its audit entry, whose digest
//! covers every field, so that [`crate::Store::verify_audit`] finds a row changed in the file
//! behind the store's back ([`BreakKind::RecordChanged`]).

use std::fmt;
use std::io::{Read, Write};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::audit::{self, Change, actions};
use crate::batch::{Batch, case_status, not_blank};
use crate::error::{StoreError, from_io};
use crate::model::{BreakKind, CaseId, CaseStatus};
use crate::time_text;

/// What an exhibit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExhibitKind {
    /// A paper document: a passport, a contract, a letter.
    Document,
    /// A phone or SIM card.
    Phone,
    /// A ledger or record of debts, wages or payments.
    Ledger,
    /// A money-transfer receipt (bank, exchange office, hawala).
    TransferReceipt,
    /// A photograph.
    Photograph,
    /// A digital image: a forensic copy of a device or medium.
    DigitalImage,
    /// Anything else.
    Other,
}

impl ExhibitKind {
    /// Every kind, in the order a form lists them.
    pub const ALL: [ExhibitKind; 7] = [
        ExhibitKind::Document,
        ExhibitKind::Phone,
        ExhibitKind::Ledger,
        ExhibitKind::TransferReceipt,
        ExhibitKind::Photograph,
        ExhibitKind::DigitalImage,
        ExhibitKind::Other,
    ];

    /// The stable word stored and shown in `--json`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExhibitKind::Document => "document",
            ExhibitKind::Phone => "phone",
            ExhibitKind::Ledger => "ledger",
            ExhibitKind::TransferReceipt => "transfer-receipt",
            ExhibitKind::Photograph => "photograph",
            ExhibitKind::DigitalImage => "digital-image",
            ExhibitKind::Other => "other",
        }
    }

    /// The kind named by its stable word.
    pub fn parse(s: &str) -> Option<ExhibitKind> {
        ExhibitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// An event in an exhibit's chain of custody.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CustodyEvent {
    /// Handed from one person or office to another.
    Handover,
    /// The seal was checked.
    SealCheck,
    /// Sent to a forensic laboratory.
    ToLab,
    /// Returned from a forensic laboratory.
    FromLab,
    /// Corrects an earlier entry, which stays as it was.
    Correction,
}

impl CustodyEvent {
    /// Every event, in the order a form lists them.
    pub const ALL: [CustodyEvent; 5] = [
        CustodyEvent::Handover,
        CustodyEvent::SealCheck,
        CustodyEvent::ToLab,
        CustodyEvent::FromLab,
        CustodyEvent::Correction,
    ];

    /// The stable word stored and shown in `--json`.
    pub fn as_str(self) -> &'static str {
        match self {
            CustodyEvent::Handover => "handover",
            CustodyEvent::SealCheck => "seal-check",
            CustodyEvent::ToLab => "to-lab",
            CustodyEvent::FromLab => "from-lab",
            CustodyEvent::Correction => "correction",
        }
    }

    /// The event named by its stable word.
    pub fn parse(s: &str) -> Option<CustodyEvent> {
        CustodyEvent::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The officer's assessment of an offence element in a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ElementState {
    /// Not yet assessed, or reopened: the default.
    Open,
    /// The evidence supports it.
    Supported,
    /// The evidence is disputed or contradicts it.
    Contested,
}

impl ElementState {
    /// The stable word stored and shown in `--json`.
    pub fn as_str(self) -> &'static str {
        match self {
            ElementState::Open => "open",
            ElementState::Supported => "supported",
            ElementState::Contested => "contested",
        }
    }

    /// The state named by its stable word.
    pub fn parse(s: &str) -> Option<ElementState> {
        match s {
            "open" => Some(ElementState::Open),
            "supported" => Some(ElementState::Supported),
            "contested" => Some(ElementState::Contested),
            _ => None,
        }
    }

    /// Whether the state needs a reason: supported and contested do.
    pub fn needs_reason(self) -> bool {
        self != ElementState::Open
    }
}

/// What is linked to an element as its support.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkTarget {
    /// A note of the case, by its id.
    Note(i64),
    /// A checklist step, by its id.
    Step(String),
    /// An exhibit of the case, by its number.
    Exhibit(u32),
}

impl LinkTarget {
    /// The stable kind word: `note`, `step` or `exhibit`.
    pub fn kind(&self) -> &'static str {
        match self {
            LinkTarget::Note(_) => "note",
            LinkTarget::Step(_) => "step",
            LinkTarget::Exhibit(_) => "exhibit",
        }
    }

    /// The target's id as stored.
    pub fn id_text(&self) -> String {
        match self {
            LinkTarget::Note(n) => n.to_string(),
            LinkTarget::Step(s) => s.clone(),
            LinkTarget::Exhibit(n) => n.to_string(),
        }
    }

    fn parse(kind: &str, id: &str) -> Result<LinkTarget, StoreError> {
        match kind {
            "note" => id.parse().map(LinkTarget::Note).ok(),
            "step" => Some(LinkTarget::Step(id.to_owned())),
            "exhibit" => id.parse().map(LinkTarget::Exhibit).ok(),
            _ => None,
        }
        .ok_or(StoreError::Damaged)
    }
}

impl fmt::Display for LinkTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind(), self.id_text())
    }
}

/// A new exhibit, as the officer registers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExhibit {
    /// What it is, in the officer's words.
    pub description: String,
    /// Its kind.
    pub kind: ExhibitKind,
    /// When it was seized, as the officer gives it (a date, or a date and time).
    pub seized_at: String,
    /// Where it was seized.
    pub seized_where: String,
    /// By whom: a role or a name, as the officer types it.
    pub seized_by: String,
    /// The judicial authorisation's reference, if there is one.
    pub authorisation: Option<String>,
    /// The seal's number, if it is sealed.
    pub seal: Option<String>,
}

/// A registered exhibit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exhibit {
    /// Its row id in the store: the id its audit entry names.
    pub id: i64,
    /// The case it belongs to.
    pub case: CaseId,
    /// Its number within the case: 1, 2, 3 …
    pub number: u32,
    /// What was registered.
    pub details: NewExhibit,
    /// When it was registered.
    pub created_at: OffsetDateTime,
}

/// A custody entry to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustody {
    /// What happened.
    pub event: CustodyEvent,
    /// When, as the officer gives it; the time of writing when `None`.
    pub at: Option<String>,
    /// From whom (a role or a name).
    pub from: String,
    /// To whom (for a seal check, who checked it).
    pub to: String,
    /// Why.
    pub purpose: String,
    /// Whether the seal was intact.
    pub seal_intact: bool,
    /// For a correction, the number of the entry it corrects.
    pub corrects: Option<u32>,
}

/// One entry of an exhibit's chain of custody.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustodyEntry {
    /// Its number in the exhibit's record: 1, 2, 3 …
    pub seq: u32,
    /// What was recorded. `at` is always set.
    pub entry: NewCustody,
    /// When it was written.
    pub recorded_at: OffsetDateTime,
}

/// A file attached to an exhibit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The attachment's id in the store.
    pub id: i64,
    /// The exhibit's number in its case.
    pub exhibit: u32,
    /// The file's name, without its folder.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256.
    pub sha256: [u8; 32],
    /// Whether its bytes are kept in the store.
    pub stored: bool,
    /// When it was attached.
    pub created_at: OffsetDateTime,
}

/// Whether bytes read again match an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCheck {
    /// Same size, same SHA-256.
    Matches,
    /// Different: the size and digest found.
    Differs {
        /// The size read.
        size: u64,
        /// The SHA-256 read.
        sha256: [u8; 32],
    },
}

/// An element's recorded state in a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementMark {
    /// The element id, as the SOP declares it.
    pub element: String,
    /// The state.
    pub state: ElementState,
    /// Why, for supported and contested.
    pub reason: Option<String>,
    /// When it was set.
    pub updated_at: OffsetDateTime,
}

/// A link between an element and what supports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementLink {
    /// The element id.
    pub element: String,
    /// What supports it.
    pub target: LinkTarget,
    /// When it was linked.
    pub linked_at: OffsetDateTime,
}

/// The size of one stored chunk of an attached file: big enough that a 2 GB file is 2,048
/// rows, small enough that only one chunk is ever in memory.
pub const CHUNK: usize = 1 << 20;

fn opt_blank(s: &Option<String>, field: &'static str) -> Result<(), StoreError> {
    match s {
        Some(v) => not_blank(v, field),
        None => Ok(()),
    }
}

/// The digest an `exhibit.add` entry records: every field of the exhibit, with its number.
pub fn exhibit_digest(number: u32, e: &NewExhibit) -> [u8; 32] {
    audit::digest_fields(&[
        &number.to_string(),
        e.kind.as_str(),
        &e.description,
        &e.seized_at,
        &e.seized_where,
        &e.seized_by,
        e.authorisation.as_deref().unwrap_or(""),
        e.seal.as_deref().unwrap_or(""),
    ])
}

/// The digest a `custody.add` entry records: the entry's number, its time as stored (`at`;
/// `c.at` is not read) and every other field.
pub fn custody_digest(seq: u32, at: &str, c: &NewCustody) -> [u8; 32] {
    audit::digest_fields(&[
        &seq.to_string(),
        c.event.as_str(),
        at,
        &c.from,
        &c.to,
        &c.purpose,
        if c.seal_intact { "intact" } else { "broken" },
        &c.corrects.map(|n| n.to_string()).unwrap_or_default(),
    ])
}

/// The digest an `attachment.add` entry records: the exhibit's number, the file's name,
/// size and SHA-256, and whether its bytes are kept.
pub fn attachment_digest(
    exhibit: u32,
    name: &str,
    size: u64,
    sha: &[u8; 32],
    stored: bool,
) -> [u8; 32] {
    audit::digest_fields(&[
        &exhibit.to_string(),
        name,
        &size.to_string(),
        &hex(sha),
        if stored { "stored" } else { "digest-only" },
    ])
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    ::hex::encode(bytes)
}

/// The id of an exhibit given by its number, or `NotFound`.
fn exhibit_id(conn: &Connection, case: CaseId, number: u32) -> Result<i64, StoreError> {
    conn.prepare_cached("SELECT id FROM exhibits WHERE case_id = ?1 AND number = ?2")?
        .query_row(params![case.0, number], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            entity: "exhibit",
            id: number.to_string(),
        })
}

fn to_u32(v: i64) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| StoreError::Damaged)
}

/// The columns [`exhibit_row`] reads, in its order.
const EXHIBIT_COLUMNS: &str =
    "number, description, kind, seized_at, seized_where, seized_by, authorisation, seal";

/// An exhibit's number and registration, read from `EXHIBIT_COLUMNS` at the start of a row.
/// `Damaged` for a row no method of the store writes (an unknown kind, a bad number).
fn exhibit_row(r: &rusqlite::Row<'_>) -> Result<(u32, NewExhibit), StoreError> {
    let kind: String = r.get(2)?;
    Ok((
        to_u32(r.get(0)?)?,
        NewExhibit {
            description: r.get(1)?,
            kind: ExhibitKind::parse(&kind).ok_or(StoreError::Damaged)?,
            seized_at: r.get(3)?,
            seized_where: r.get(4)?,
            seized_by: r.get(5)?,
            authorisation: r.get(6)?,
            seal: r.get(7)?,
        },
    ))
}

/// The columns [`custody_row`] reads, in its order.
const CUSTODY_COLUMNS: &str =
    "seq, event, at, from_party, to_party, purpose, seal_intact, corrects";

/// A custody entry's number and what was recorded (`at` set), read from `CUSTODY_COLUMNS`
/// at the start of a row.
fn custody_row(r: &rusqlite::Row<'_>) -> Result<(u32, NewCustody), StoreError> {
    let event: String = r.get(1)?;
    let corrects: Option<i64> = r.get(7)?;
    Ok((
        to_u32(r.get(0)?)?,
        NewCustody {
            event: CustodyEvent::parse(&event).ok_or(StoreError::Damaged)?,
            at: Some(r.get(2)?),
            from: r.get(3)?,
            to: r.get(4)?,
            purpose: r.get(5)?,
            seal_intact: r.get(6)?,
            corrects: corrects.map(to_u32).transpose()?,
        },
    ))
}

impl Batch<'_> {
    /// Registers an exhibit in an open case and returns its number, the next in the case.
    /// Description, time, place and seizer must not be blank; the authorisation and the seal
    /// may be left out, but not given blank.
    pub fn add_exhibit(&mut self, case: CaseId, new: &NewExhibit) -> Result<u32, StoreError> {
        not_blank(&new.description, "description")?;
        not_blank(&new.seized_at, "seized-at")?;
        not_blank(&new.seized_where, "seized-where")?;
        not_blank(&new.seized_by, "seized-by")?;
        opt_blank(&new.authorisation, "authorisation")?;
        opt_blank(&new.seal, "seal")?;
        self.require_open(case)?;
        let next: i64 = self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(number), 0) + 1 FROM exhibits WHERE case_id = ?1")?
            .query_row([case.0], |r| r.get(0))?;
        let number = to_u32(next)?;
        self.conn
            .prepare_cached(
                "INSERT INTO exhibits (case_id, number, description, kind, seized_at,
                     seized_where, seized_by, authorisation, seal, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                case.0,
                number,
                new.description,
                new.kind.as_str(),
                new.seized_at,
                new.seized_where,
                new.seized_by,
                new.authorisation,
                new.seal,
                self.now
            ])?;
        let id = self.conn.last_insert_rowid().to_string();
        audit::append(
            self.conn,
            &self.now,
            &Change {
                action: actions::EXHIBIT_ADD,
                entity_kind: "exhibit",
                entity_id: &id,
                case: Some(case),
                digest: exhibit_digest(number, new),
            },
        )?;
        Ok(number)
    }

    /// Appends an entry to an exhibit's chain of custody and returns its number. A correction
    /// names an earlier entry of the same exhibit; any other event names none.
    pub fn add_custody(
        &mut self,
        case: CaseId,
        exhibit: u32,
        entry: &NewCustody,
    ) -> Result<u32, StoreError> {
        not_blank(&entry.from, "from")?;
        not_blank(&entry.to, "to")?;
        not_blank(&entry.purpose, "purpose")?;
        opt_blank(&entry.at, "at")?;
        self.require_open(case)?;
        let id = exhibit_id(self.conn, case, exhibit)?;
        let next: i64 = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM custody_entries WHERE exhibit_id = ?1",
            )?
            .query_row([id], |r| r.get(0))?;
        let seq = to_u32(next)?;
        match (entry.event, entry.corrects) {
            (CustodyEvent::Correction, Some(n)) if n >= 1 && n < seq => {}
            (CustodyEvent::Correction, _) => return Err(StoreError::Invalid { field: "corrects" }),
            (_, Some(_)) => return Err(StoreError::Invalid { field: "corrects" }),
            (_, None) => {}
        }
        let at = entry.at.clone().unwrap_or_else(|| self.now.clone());
        self.conn
            .prepare_cached(
                "INSERT INTO custody_entries (exhibit_id, seq, event, at, from_party, to_party,
                     purpose, seal_intact, corrects, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                id,
                seq,
                entry.event.as_str(),
                at,
                entry.from,
                entry.to,
                entry.purpose,
                entry.seal_intact,
                entry.corrects,
                self.now
            ])?;
        let entity = format!("{id}/{seq}");
        audit::append(
            self.conn,
            &self.now,
            &Change {
                action: actions::CUSTODY_ADD,
                entity_kind: "custody",
                entity_id: &entity,
                case: Some(case),
                digest: custody_digest(seq, &at, entry),
            },
        )?;
        Ok(seq)
    }

    /// Sets the state of an element of an open case. Supported and contested need a
    /// non-blank reason; open may have one. Setting what it already is changes nothing.
    pub fn set_element(
        &mut self,
        case: CaseId,
        element: &str,
        state: ElementState,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        not_blank(element, "element")?;
        let reason = reason.filter(|r| !r.trim().is_empty());
        if state.needs_reason() && reason.is_none() {
            return Err(StoreError::ReasonRequired);
        }
        self.require_open(case)?;
        let old: Option<(String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT state, reason FROM element_states WHERE case_id = ?1 AND element_id = ?2",
            )?
            .query_row(params![case.0, element], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let unchanged = match &old {
            Some((s, r)) => s == state.as_str() && r.as_deref() == reason,
            None => state == ElementState::Open && reason.is_none(),
        };
        if unchanged {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT INTO element_states (case_id, element_id, state, reason, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (case_id, element_id)
                 DO UPDATE SET state = excluded.state, reason = excluded.reason,
                               updated_at = excluded.updated_at",
            )?
            .execute(params![case.0, element, state.as_str(), reason, self.now])?;
        audit::append(
            self.conn,
            &self.now,
            &Change {
                action: actions::ELEMENT_SET,
                entity_kind: "element",
                entity_id: element,
                case: Some(case),
                digest: audit::digest_fields(&[state.as_str(), reason.unwrap_or("")]),
            },
        )?;
        Ok(())
    }

    /// Links a note, a step or an exhibit of an open case to an element. The note must be a
    /// live note of the case and the exhibit one of its exhibits. Returns false when the link
    /// was already there.
    pub fn link_element(
        &mut self,
        case: CaseId,
        element: &str,
        target: &LinkTarget,
    ) -> Result<bool, StoreError> {
        not_blank(element, "element")?;
        self.require_open(case)?;
        match target {
            LinkTarget::Note(n) => {
                let found: Option<i64> = self
                    .conn
                    .prepare_cached(
                        "SELECT id FROM notes WHERE id = ?1 AND case_id = ?2
                         AND deleted_at IS NULL",
                    )?
                    .query_row(params![n, case.0], |r| r.get(0))
                    .optional()?;
                if found.is_none() {
                    return Err(StoreError::NotFound {
                        entity: "note",
                        id: n.to_string(),
                    });
                }
            }
            LinkTarget::Step(s) => not_blank(s, "step")?,
            LinkTarget::Exhibit(n) => {
                exhibit_id(self.conn, case, *n)?;
            }
        }
        let added = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO element_links
                     (case_id, element_id, target_kind, target_id, linked_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                case.0,
                element,
                target.kind(),
                target.id_text(),
                self.now
            ])?;
        if added == 0 {
            return Ok(false);
        }
        audit::append(
            self.conn,
            &self.now,
            &Change {
                action: actions::ELEMENT_LINK,
                entity_kind: "element",
                entity_id: element,
                case: Some(case),
                digest: audit::digest_fields(&[target.kind(), &target.id_text()]),
            },
        )?;
        Ok(true)
    }

    /// Removes a link. Returns false when there was none.
    pub fn unlink_element(
        &mut self,
        case: CaseId,
        element: &str,
        target: &LinkTarget,
    ) -> Result<bool, StoreError> {
        self.require_open(case)?;
        let removed = self
            .conn
            .prepare_cached(
                "DELETE FROM element_links WHERE case_id = ?1 AND element_id = ?2
                 AND target_kind = ?3 AND target_id = ?4",
            )?
            .execute(params![case.0, element, target.kind(), target.id_text()])?;
        if removed == 0 {
            return Ok(false);
        }
        audit::append(
            self.conn,
            &self.now,
            &Change {
                action: actions::ELEMENT_UNLINK,
                entity_kind: "element",
                entity_id: element,
                case: Some(case),
                digest: audit::digest_fields(&[target.kind(), &target.id_text()]),
            },
        )?;
        Ok(true)
    }
}

/// Reads a file's bytes to the end in chunks of [`CHUNK`], giving each to `each`, and returns
/// the size and SHA-256. Only one chunk is in memory at a time.
pub fn hash_stream(
    reader: &mut dyn Read,
    mut each: impl FnMut(usize, &[u8]) -> Result<(), StoreError>,
) -> Result<(u64, [u8; 32]), StoreError> {
    let mut buf = vec![0u8; CHUNK];
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut index = 0usize;
    loop {
        // Fill the chunk, so that stored chunks are CHUNK bytes but for the last.
        let mut filled = 0;
        while filled < CHUNK {
            match reader.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(from_io("read-attachment", &e)),
            }
        }
        if filled == 0 {
            break;
        }
        let chunk = &buf[..filled];
        hasher.update(chunk);
        each(index, chunk)?;
        size += filled as u64;
        index += 1;
        if filled < CHUNK {
            break;
        }
    }
    Ok((size, hasher.finalize().into()))
}

impl crate::Store {
    /// Attaches a file to an exhibit of an open case: reads it to the end, in chunks, and
    /// records its name, size and SHA-256, and, when `keep` is true, its bytes, inside this
    /// encrypted file. All in one transaction with its audit entry: a failure (a read error,
    /// a full disk) leaves nothing behind. An empty file is refused (`Invalid { field:
    /// "file-empty" }`). `name` is the file's name without its folder.
    pub fn attach(
        &mut self,
        case: CaseId,
        exhibit: u32,
        name: &str,
        reader: &mut dyn Read,
        keep: bool,
    ) -> Result<Attachment, StoreError> {
        not_blank(name, "name")?;
        let now = time_text::now();
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        match case_status(&tx, case)? {
            CaseStatus::Open => {}
            CaseStatus::Closed => return Err(StoreError::CaseClosed { case }),
        }
        let exhibit_row = exhibit_id(&tx, case, exhibit)?;
        let id: i64 = tx.query_row(
            "SELECT COALESCE(MAX(id), 0) + 1 FROM attachments",
            [],
            |r| r.get(0),
        )?;
        let (size, sha256) = {
            let mut insert = tx.prepare_cached(
                "INSERT INTO attachment_chunks (attachment_id, idx, data) VALUES (?1, ?2, ?3)",
            )?;
            hash_stream(reader, |index, chunk| {
                if keep {
                    insert.execute(params![id, index as i64, chunk])?;
                }
                Ok(())
            })?
        };
        if size == 0 {
            return Err(StoreError::Invalid {
                field: "file-empty",
            });
        }
        let size_i = i64::try_from(size).map_err(|_| StoreError::Invalid { field: "file-size" })?;
        tx.prepare_cached(
            "INSERT INTO attachments (id, exhibit_id, name, size, sha256, stored, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            id,
            exhibit_row,
            name,
            size_i,
            sha256.as_slice(),
            keep,
            now
        ])?;
        let entity = id.to_string();
        audit::append(
            &tx,
            &now,
            &Change {
                action: actions::ATTACHMENT_ADD,
                entity_kind: "attachment",
                entity_id: &entity,
                case: Some(case),
                digest: attachment_digest(exhibit, name, size, &sha256, keep),
            },
        )?;
        tx.commit()?;
        Ok(Attachment {
            id,
            exhibit,
            name: name.to_owned(),
            size,
            sha256,
            stored: keep,
            created_at: time_text::parse(&now)?,
        })
    }

    /// The exhibits of a case, by number.
    pub fn exhibits(&self, case: CaseId) -> Result<Vec<Exhibit>, StoreError> {
        case_status(self.conn(), case)?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {EXHIBIT_COLUMNS}, created_at, id
             FROM exhibits WHERE case_id = ?1 ORDER BY number"
        ))?;
        let mut rows = stmt.query([case.0])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let (number, details) = exhibit_row(r)?;
            let at: String = r.get(8)?;
            out.push(Exhibit {
                id: r.get(9)?,
                case,
                number,
                details,
                created_at: time_text::parse(&at)?,
            });
        }
        Ok(out)
    }

    /// An exhibit's chain of custody, first entry first.
    pub fn custody(&self, case: CaseId, exhibit: u32) -> Result<Vec<CustodyEntry>, StoreError> {
        let id = exhibit_id(self.conn(), case, exhibit)?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {CUSTODY_COLUMNS}, recorded_at
             FROM custody_entries WHERE exhibit_id = ?1 ORDER BY seq"
        ))?;
        let mut rows = stmt.query([id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let (seq, entry) = custody_row(r)?;
            let recorded: String = r.get(8)?;
            out.push(CustodyEntry {
                seq,
                entry,
                recorded_at: time_text::parse(&recorded)?,
            });
        }
        Ok(out)
    }

    /// The files attached to an exhibit, first attached first.
    pub fn attachments(&self, case: CaseId, exhibit: u32) -> Result<Vec<Attachment>, StoreError> {
        let id = exhibit_id(self.conn(), case, exhibit)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, name, size, sha256, stored, created_at FROM attachments
             WHERE exhibit_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, bool>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, size, sha, stored, at) = row?;
            out.push(Attachment {
                id,
                exhibit,
                name,
                size: u64::try_from(size).map_err(|_| StoreError::Damaged)?,
                sha256: sha.try_into().map_err(|_| StoreError::Damaged)?,
                stored,
                created_at: time_text::parse(&at)?,
            });
        }
        Ok(out)
    }

    /// One attachment of an exhibit, by its id.
    pub fn attachment(
        &self,
        case: CaseId,
        exhibit: u32,
        id: i64,
    ) -> Result<Attachment, StoreError> {
        self.attachments(case, exhibit)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| StoreError::NotFound {
                entity: "attachment",
                id: id.to_string(),
            })
    }

    /// Reads a file again (from `reader`) and says whether it still matches the attachment.
    pub fn check_file(
        &self,
        attachment: &Attachment,
        reader: &mut dyn Read,
    ) -> Result<FileCheck, StoreError> {
        let (size, sha256) = hash_stream(reader, |_, _| Ok(()))?;
        Ok(compare(attachment, size, sha256))
    }

    /// Reads a stored attachment's bytes from the store and says whether they still match
    /// its recorded size and SHA-256. `NotFound` when its bytes were not kept.
    pub fn check_stored(&self, attachment: &Attachment) -> Result<FileCheck, StoreError> {
        let mut hasher = Sha256::new();
        let size = self.stored_chunks(attachment, |chunk| {
            hasher.update(chunk);
            Ok(())
        })?;
        Ok(compare(attachment, size, hasher.finalize().into()))
    }

    /// Writes a stored attachment's bytes to `out`, chunk by chunk, and returns the size
    /// written. `NotFound` when its bytes were not kept.
    pub fn write_stored(
        &self,
        attachment: &Attachment,
        out: &mut dyn Write,
    ) -> Result<u64, StoreError> {
        self.stored_chunks(attachment, |chunk| {
            out.write_all(chunk)
                .map_err(|e| from_io("write-attachment", &e))
        })
    }

    fn stored_chunks(
        &self,
        attachment: &Attachment,
        mut each: impl FnMut(&[u8]) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        if !attachment.stored {
            return Err(StoreError::NotFound {
                entity: "attachment-bytes",
                id: attachment.id.to_string(),
            });
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT data FROM attachment_chunks WHERE attachment_id = ?1 ORDER BY idx",
        )?;
        let mut rows = stmt.query([attachment.id])?;
        let mut size = 0u64;
        while let Some(row) = rows.next()? {
            let data = row.get_ref(0)?.as_blob().map_err(|_| StoreError::Damaged)?;
            size += data.len() as u64;
            each(data)?;
        }
        Ok(size)
    }

    /// The recorded states of a case's elements; an element with no row is open.
    pub fn element_marks(&self, case: CaseId) -> Result<Vec<ElementMark>, StoreError> {
        case_status(self.conn(), case)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT element_id, state, reason, updated_at FROM element_states
             WHERE case_id = ?1 ORDER BY element_id",
        )?;
        let rows = stmt.query_map([case.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (element, state, reason, at) = row?;
            out.push(ElementMark {
                element,
                state: ElementState::parse(&state).ok_or(StoreError::Damaged)?,
                reason,
                updated_at: time_text::parse(&at)?,
            });
        }
        Ok(out)
    }

    /// Every link of a case's elements, by element then by when they were linked.
    pub fn element_links(&self, case: CaseId) -> Result<Vec<ElementLink>, StoreError> {
        case_status(self.conn(), case)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT element_id, target_kind, target_id, linked_at FROM element_links
             WHERE case_id = ?1 ORDER BY element_id, linked_at, target_kind, target_id",
        )?;
        let rows = stmt.query_map([case.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (element, kind, id, at) = row?;
            out.push(ElementLink {
                element,
                target: LinkTarget::parse(&kind, &id)?,
                linked_at: time_text::parse(&at)?,
            });
        }
        Ok(out)
    }
}

fn compare(a: &Attachment, size: u64, sha256: [u8; 32]) -> FileCheck {
    if size == a.size && sha256 == a.sha256 {
        FileCheck::Matches
    } else {
        FileCheck::Differs { size, sha256 }
    }
}

/// Checks every exhibit, custody entry and attachment against the digest its audit entry
/// recorded. Returns the first audit entry whose record was changed or removed, or, for a
/// record no entry accounts for, the entry after the last (`len + 1`).
pub(crate) fn verify_records(
    conn: &Connection,
    len: u64,
) -> Result<Option<(u64, BreakKind)>, StoreError> {
    // A file from before the register (a backup being checked) has nothing to compare.
    let has_register: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exhibits')",
        [],
        |r| r.get(0),
    )?;
    if !has_register {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT seq, action, entity_id, digest FROM audit_log
         WHERE action IN (?1, ?2, ?3) ORDER BY seq",
    )?;
    let rows = stmt.query_map(
        params![
            actions::EXHIBIT_ADD,
            actions::CUSTODY_ADD,
            actions::ATTACHMENT_ADD
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Vec<u8>>(3)?,
            ))
        },
    )?;
    let mut counted = [0u64; 3];
    for row in rows {
        let (seq, action, entity, digest) = row?;
        let seq = u64::try_from(seq).map_err(|_| StoreError::Damaged)?;
        let found = match action.as_str() {
            actions::EXHIBIT_ADD => {
                counted[0] += 1;
                exhibit_record(conn, &entity)?
            }
            actions::CUSTODY_ADD => {
                counted[1] += 1;
                custody_record(conn, &entity)?
            }
            _ => {
                counted[2] += 1;
                attachment_record(conn, &entity)?
            }
        };
        if found.is_none_or(|d| d.as_slice() != digest.as_slice()) {
            return Ok(Some((seq, BreakKind::RecordChanged)));
        }
    }
    let rows: [i64; 3] = [
        conn.query_row("SELECT COUNT(*) FROM exhibits", [], |r| r.get(0))?,
        conn.query_row("SELECT COUNT(*) FROM custody_entries", [], |r| r.get(0))?,
        conn.query_row("SELECT COUNT(*) FROM attachments", [], |r| r.get(0))?,
    ];
    if rows
        .iter()
        .zip(counted)
        .any(|(&n, c)| u64::try_from(n).unwrap_or(u64::MAX) != c)
    {
        return Ok(Some((len + 1, BreakKind::RecordChanged)));
    }
    Ok(None)
}

/// The digest of an exhibit's row as it stands, or `None` when it is gone or holds what no
/// method of the store writes.
fn exhibit_record(conn: &Connection, entity: &str) -> Result<Option<[u8; 32]>, StoreError> {
    let Ok(id) = entity.parse::<i64>() else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EXHIBIT_COLUMNS} FROM exhibits WHERE id = ?1"
    ))?;
    let mut rows = stmt.query([id])?;
    Ok(match rows.next()? {
        Some(r) => exhibit_row(r)
            .ok()
            .map(|(number, details)| exhibit_digest(number, &details)),
        None => None,
    })
}

/// The digest of a custody entry's row as it stands, or `None` when it is gone or holds
/// what no method of the store writes.
fn custody_record(conn: &Connection, entity: &str) -> Result<Option<[u8; 32]>, StoreError> {
    let Some((exhibit, seq)) = entity
        .split_once('/')
        .and_then(|(e, s)| Some((e.parse::<i64>().ok()?, s.parse::<i64>().ok()?)))
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CUSTODY_COLUMNS} FROM custody_entries WHERE exhibit_id = ?1 AND seq = ?2"
    ))?;
    let mut rows = stmt.query(params![exhibit, seq])?;
    Ok(match rows.next()? {
        Some(r) => custody_row(r).ok().map(|(seq, entry)| {
            let at = entry.at.clone().unwrap_or_default();
            custody_digest(seq, &at, &entry)
        }),
        None => None,
    })
}

fn attachment_record(conn: &Connection, entity: &str) -> Result<Option<[u8; 32]>, StoreError> {
    let Ok(id) = entity.parse::<i64>() else {
        return Ok(None);
    };
    let row = conn
        .prepare_cached(
            "SELECT e.number, a.name, a.size, a.sha256, a.stored
             FROM attachments a JOIN exhibits e ON e.id = a.exhibit_id WHERE a.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })
        .optional()?;
    let Some((number, name, size, sha, stored)) = row else {
        return Ok(None);
    };
    let Ok(sha) = <[u8; 32]>::try_from(sha) else {
        return Ok(None);
    };
    Ok(Some(attachment_digest(
        to_u32(number)?,
        &name,
        u64::try_from(size).map_err(|_| StoreError::Damaged)?,
        &sha,
        stored,
    )))
}
