//! The append-only, hash-chained audit log.
//!
//! Every change to the store appends one entry in the same transaction as the change itself:
//! a sequence number (1, 2, 3, … without gaps), the time, the action, the entity as
//! (kind, id), the case it belongs to, and a digest: SHA-256 of the changed content, never the
//! content itself.
//!
//! # Canonical encoding (version 1)
//!
//! An entry's record is the concatenation of:
//!
//! | part | encoding |
//! |---|---|
//! | domain | the 15 bytes `dalil-audit-v1\0` |
//! | seq | 8 bytes, unsigned big-endian |
//! | at, action, entity kind, entity id | each: 4-byte big-endian byte length, then UTF-8 |
//! | case | `0x00` for none, or `0x01` then 8 bytes signed big-endian |
//! | digest | 32 bytes |
//!
//! and its hash is `SHA-256(previous hash || record)`, the previous hash of entry 1 being 32
//! zero bytes. The table `audit_head` holds the (seq, hash) of the last entry and is updated in
//! the same transaction as each append, so that dropping the log's tail is detected too.
//!
//! # Digests
//!
//! A text (a note, a draft, a fact's value, a kind) is digested as `SHA-256(text)`. A change of
//! several fields is digested as `SHA-256` of the fields each encoded as a 4-byte big-endian
//! length then the UTF-8 bytes.
//!
//! # What the chain does not do
//!
//! Anyone holding the passphrase can rewrite the whole chain consistently. The chain makes
//! changes made by other means (or clumsily) visible; comparing the head with a copy kept
//! elsewhere (a backup's [`crate::AuditHead`], a printed report) makes a rewrite visible too.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::error::StoreError;
use crate::model::{AuditEntry, AuditHead, BreakKind, CaseId, Edition, Verification};
use crate::time_text;

/// The stable action identifiers written in the log.
pub mod actions {
    /// The store was created (schema applied to a new file).
    pub const STORE_CREATE: &str = "store.create";
    /// The schema was migrated to a newer version; the entity id is the new version.
    pub const STORE_MIGRATE: &str = "store.migrate";
    /// The passphrase was changed.
    pub const STORE_PASSPHRASE_CHANGE: &str = "store.passphrase-change";
    /// A case was opened.
    pub const CASE_CREATE: &str = "case.create";
    /// A case was closed.
    pub const CASE_CLOSE: &str = "case.close";
    /// A closed case was reopened.
    pub const CASE_REOPEN: &str = "case.reopen";
    /// A case's kind was changed.
    pub const CASE_SET_KIND: &str = "case.set-kind";
    /// A case was exported (a report or a bundle); the entity id says which, the digest is
    /// the SHA-256 of the file written.
    pub const CASE_EXPORT: &str = "case.export";
    /// A case pinned to another SOP edition (the repair of an edition recorded as display
    /// text; later, a case carried over to a new edition).
    pub const CASE_SET_EDITION: &str = "case.set-edition";
    /// A fact removed from a case: the `kind` fact, which the case itself holds.
    pub const FACT_REMOVE: &str = "fact.remove";
    /// A fact was set; the entity id is the fact id.
    pub const FACT_SET: &str = "fact.set";
    /// A step's state was set; the entity id is the step id.
    pub const STEP_SET: &str = "step.set";
    /// A note was written.
    pub const NOTE_ADD: &str = "note.add";
    /// A note was edited (a new revision).
    pub const NOTE_EDIT: &str = "note.edit";
    /// A note was deleted (a tombstone revision).
    pub const NOTE_DELETE: &str = "note.delete";
    /// A draft was saved; the entity id is the step id, or empty for the case itself. Written
    /// by schema versions before drafts stopped being audited; still read in older logs.
    pub const DRAFT_SAVE: &str = "draft.save";
    /// A draft was discarded without being committed. Like `draft.save`, only in older logs.
    pub const DRAFT_DISCARD: &str = "draft.discard";
    /// An exhibit was registered; the entity id is its row id in the store.
    pub const EXHIBIT_ADD: &str = "exhibit.add";
    /// A custody entry was appended; the entity id is `<exhibit row id>/<entry number>`.
    pub const CUSTODY_ADD: &str = "custody.add";
    /// A file was attached to an exhibit; the entity id is the attachment's id.
    pub const ATTACHMENT_ADD: &str = "attachment.add";
    /// An element's state was set; the entity id is the element id.
    pub const ELEMENT_SET: &str = "element.set";
    /// A note, step or exhibit was linked to an element; the entity id is the element id.
    pub const ELEMENT_LINK: &str = "element.link";
    /// A link to an element was removed.
    pub const ELEMENT_UNLINK: &str = "element.unlink";

    /// Every action above, for whoever must name each one (the localized labels' test).
    pub const ALL: &[&str] = &[
        STORE_CREATE,
        STORE_MIGRATE,
        STORE_PASSPHRASE_CHANGE,
        CASE_CREATE,
        CASE_CLOSE,
        CASE_REOPEN,
        CASE_SET_KIND,
        CASE_EXPORT,
        CASE_SET_EDITION,
        FACT_SET,
        FACT_REMOVE,
        STEP_SET,
        NOTE_ADD,
        NOTE_EDIT,
        NOTE_DELETE,
        DRAFT_SAVE,
        DRAFT_DISCARD,
        EXHIBIT_ADD,
        CUSTODY_ADD,
        ATTACHMENT_ADD,
        ELEMENT_SET,
        ELEMENT_LINK,
        ELEMENT_UNLINK,
    ];
}

const DOMAIN: &[u8] = b"dalil-audit-v1\0";

/// One change to record.
pub(crate) struct Change<'a> {
    pub(crate) action: &'static str,
    pub(crate) entity_kind: &'static str,
    pub(crate) entity_id: &'a str,
    pub(crate) case: Option<CaseId>,
    pub(crate) digest: [u8; 32],
}

/// The digest of a case's opening record: its reference, title and kind, and the SOP
/// edition it is pinned to. `case.create` records it, and `case.set-edition` records it again
/// with the new edition, so that the reference and title stay checked after a re-pin.
///
/// An edition with no SOP id (a case opened by an older `dalil`) is digested as those were:
/// the four fields, the version last.
pub fn case_digest(reference: &str, title: &str, kind: &str, edition: &Edition) -> [u8; 32] {
    match &edition.sop {
        Some(sop) => digest_fields(&[reference, title, kind, &edition.version, sop]),
        None => digest_fields(&[reference, title, kind, &edition.version]),
    }
}

/// SHA-256 of bytes: the digest recorded for an exported file.
pub fn digest_bytes(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// SHA-256 of a text: the digest recorded for a note's text, a fact's value, a kind.
pub fn digest_text(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// SHA-256 of several fields, each length-prefixed: the digest recorded for a step state.
pub fn digest_fields(fields: &[&str]) -> [u8; 32] {
    let mut h = Sha256::new();
    for f in fields {
        h.update((f.len() as u32).to_be_bytes());
        h.update(f.as_bytes());
    }
    h.finalize().into()
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_be_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// The canonical record of an entry (see the module documentation). Public so that an
/// exported log can be checked away from the store, with this one encoding.
pub fn encode(
    seq: u64,
    at: &str,
    action: &str,
    entity_kind: &str,
    entity_id: &str,
    case: Option<i64>,
    digest: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        DOMAIN.len()
            + 8
            + 16
            + at.len()
            + action.len()
            + entity_kind.len()
            + entity_id.len()
            + 9
            + 32,
    );
    out.extend_from_slice(DOMAIN);
    out.extend_from_slice(&seq.to_be_bytes());
    put_str(&mut out, at);
    put_str(&mut out, action);
    put_str(&mut out, entity_kind);
    put_str(&mut out, entity_id);
    match case {
        None => out.push(0),
        Some(c) => {
            out.push(1);
            out.extend_from_slice(&c.to_be_bytes());
        }
    }
    out.extend_from_slice(digest);
    out
}

/// `SHA-256(prev || record)`: the hash of an entry, given the previous entry's hash.
pub fn chain(prev: &[u8], record: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(record);
    h.finalize().into()
}

/// Appends one entry and moves the head. Must run inside the transaction of the change.
pub(crate) fn append(conn: &Connection, at: &str, change: &Change<'_>) -> Result<u64, StoreError> {
    let (head_seq, head_hash): (i64, Vec<u8>) = conn
        .prepare_cached("SELECT seq, hash FROM audit_head WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let seq = u64::try_from(head_seq).map_err(|_| StoreError::Damaged)? + 1;
    let record = encode(
        seq,
        at,
        change.action,
        change.entity_kind,
        change.entity_id,
        change.case.map(|c| c.0),
        &change.digest,
    );
    let hash = chain(&head_hash, &record);
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, action, entity_kind, entity_id, case_id, digest, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        seq as i64,
        at,
        change.action,
        change.entity_kind,
        change.entity_id,
        change.case.map(|c| c.0),
        &change.digest[..],
        &hash[..],
    ])?;
    conn.prepare_cached("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1")?
        .execute(params![seq as i64, &hash[..]])?;
    Ok(seq)
}

/// The recorded head.
pub(crate) fn head(conn: &Connection) -> Result<AuditHead, StoreError> {
    let (seq, hash): (i64, Vec<u8>) =
        conn.query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    Ok(AuditHead {
        seq: u64::try_from(seq).map_err(|_| StoreError::Damaged)?,
        hash_hex: hex::encode(hash),
    })
}

/// Walks the whole log and reports the first entry that does not verify.
pub(crate) fn verify(conn: &Connection) -> Result<Verification, StoreError> {
    let head: Option<(i64, Vec<u8>)> = conn
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let mut stmt = conn.prepare(
        "SELECT seq, at, action, entity_kind, entity_id, case_id, digest, hash
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let head_seq = head.as_ref().map(|(s, _)| *s);
    let broken = |seq: i64, kind| Verification::Broken {
        first_bad_seq: u64::try_from(seq).unwrap_or(0),
        kind,
    };
    let mut prev = [0u8; 32];
    let mut expected: i64 = 1;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        if head_seq.is_some_and(|h| expected > h) {
            return Ok(broken(expected, BreakKind::Extra));
        }
        if seq > expected {
            return Ok(broken(expected, BreakKind::Missing));
        }
        if seq < expected {
            return Ok(broken(expected, BreakKind::Modified));
        }
        let at: String = row.get(1)?;
        let action: String = row.get(2)?;
        let entity_kind: String = row.get(3)?;
        let entity_id: String = row.get(4)?;
        let case: Option<i64> = row.get(5)?;
        let digest: Vec<u8> = row.get(6)?;
        let hash: Vec<u8> = row.get(7)?;
        if digest.len() != 32 {
            return Ok(broken(seq, BreakKind::Modified));
        }
        let record = encode(
            seq as u64,
            &at,
            &action,
            &entity_kind,
            &entity_id,
            case,
            &digest,
        );
        let computed = chain(&prev, &record);
        if hash != computed {
            return Ok(broken(seq, BreakKind::Modified));
        }
        prev = computed;
        expected += 1;
    }
    let len = expected - 1;
    match head {
        None => Ok(broken(len + 1, BreakKind::HeadMismatch)),
        Some((head_seq, _)) if len < head_seq => Ok(broken(len + 1, BreakKind::Truncated)),
        Some((_, head_hash)) if head_hash != prev => {
            Ok(broken(len.max(1), BreakKind::HeadMismatch))
        }
        Some(_) => {
            if let Some((seq, kind)) = crate::evidence::verify_records(conn, len as u64)? {
                return Ok(Verification::Broken {
                    first_bad_seq: seq,
                    kind,
                });
            }
            Ok(Verification::Intact {
                len: len as u64,
                head_hex: hex::encode(prev),
            })
        }
    }
}

/// The entries of one case, oldest first.
pub(crate) fn for_case(conn: &Connection, case: CaseId) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, action, entity_kind, entity_id, case_id, digest, hash
         FROM audit_log WHERE case_id = ?1 ORDER BY seq",
    )?;
    collect(stmt.query([case.0])?)
}

/// Up to `limit` entries after sequence number `after`, oldest first.
pub(crate) fn range(
    conn: &Connection,
    after: u64,
    limit: usize,
) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, action, entity_kind, entity_id, case_id, digest, hash
         FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2",
    )?;
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    collect(stmt.query(params![after, limit])?)
}

fn collect(mut rows: rusqlite::Rows<'_>) -> Result<Vec<AuditEntry>, StoreError> {
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let at: String = r.get(1)?;
        let digest: Vec<u8> = r.get(6)?;
        let hash: Vec<u8> = r.get(7)?;
        out.push(AuditEntry {
            seq: u64::try_from(seq).map_err(|_| StoreError::Damaged)?,
            at: time_text::parse(&at)?,
            action: r.get(2)?,
            entity_kind: r.get(3)?,
            entity_id: r.get(4)?,
            case: r.get::<_, Option<i64>>(5)?.map(CaseId),
            digest_hex: hex::encode(digest),
            hash_hex: hex::encode(hash),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical encoding is part of the file format: pin it.
    #[test]
    fn canonical_encoding_is_stable() {
        let rec = encode(
            1,
            "2024-01-02T03:04:05.000006Z",
            "note.add",
            "note",
            "7",
            Some(3),
            &[0xaa; 32],
        );
        let mut expected = b"dalil-audit-v1\0".to_vec();
        expected.extend_from_slice(&1u64.to_be_bytes());
        for s in ["2024-01-02T03:04:05.000006Z", "note.add", "note", "7"] {
            expected.extend_from_slice(&(s.len() as u32).to_be_bytes());
            expected.extend_from_slice(s.as_bytes());
        }
        expected.push(1);
        expected.extend_from_slice(&3i64.to_be_bytes());
        expected.extend_from_slice(&[0xaa; 32]);
        assert_eq!(rec, expected);
        assert_eq!(
            hex::encode(chain(&[0u8; 32], &rec)),
            hex::encode(Sha256::digest([&[0u8; 32][..], &expected].concat()))
        );
    }
}
