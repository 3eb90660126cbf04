//! Importing a transfer bundle: what it adds, recognised by the audit chain, in one
//! transaction.

use std::cmp::Ordering;
use std::collections::HashMap;

use dalil_report::Parts;
use dalil_transfer::{DirectorateIdentity, Opened, Refusal};
use postgres::error::SqlState;
use postgres::{Client, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::Hq;

/// What an import did with one case of the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseOutcome {
    /// A case this computer had not sent before.
    New,
    /// A newer state of a case already held: it extends what was held.
    Updated,
    /// A state that does not extend what was held from this computer, nor is it older: both
    /// are kept and the case needs review.
    Diverged,
    /// Exactly what was held already.
    Unchanged,
    /// An older state than one already held: nothing to add.
    Older,
}

/// A bundle imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// Its row in `bundles`.
    pub bundle: i64,
    /// The label of the computer that sent it.
    pub device: String,
    /// Each case, by reference, and what the import did with it, in the bundle's order.
    pub cases: Vec<(String, CaseOutcome)>,
}

/// Why a bundle was not imported. The database is unchanged after each.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The bundle itself failed a check (`dalil-transfer`).
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// This very file was imported before.
    #[error("this bundle was imported before")]
    AlreadyImported {
        /// When.
        at: OffsetDateTime,
    },
    /// The bundle is signed by a computer the directorate has not registered.
    #[error("the bundle is signed by a device that is not registered")]
    UnknownDevice {
        /// The device's key, in hex: safe to show, and what staff would register.
        key: String,
    },
    /// The bundle is signed by a computer whose key was revoked (lost or retired).
    #[error("the bundle is signed by a device whose key was revoked")]
    RevokedDevice {
        /// When the key was revoked.
        at: OffsetDateTime,
    },
    /// Every case in the bundle is older than what is held from that computer: an old
    /// bundle played again.
    #[error("every case in the bundle is older than what is held")]
    Replayed,
    /// Every case in the bundle is exactly what is held: a second copy of an export.
    #[error("the bundle adds nothing")]
    NothingNew,
    /// The database refused or failed.
    #[error("the database: {0}")]
    Db(#[from] postgres::Error),
    /// Something that cannot happen did; the import was rolled back.
    #[error("internal error: {0}")]
    Internal(&'static str),
}

impl ImportError {
    /// A stable code, for scripts and `--json`.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Refused(r) => r.code(),
            ImportError::AlreadyImported { .. } => "already-imported",
            ImportError::UnknownDevice { .. } => "unknown-device",
            ImportError::RevokedDevice { .. } => "revoked-device",
            ImportError::Replayed => "replayed",
            ImportError::NothingNew => "nothing-new",
            ImportError::Db(_) => "database",
            ImportError::Internal(_) => "internal",
        }
    }
}

/// How many times a transaction that PostgreSQL aborted to break a deadlock, or for a
/// serialization failure, is tried again.
const RETRIES: usize = 5;

impl Hq {
    /// Imports one transfer bundle (the file's bytes), opened with the directorate's key.
    pub fn import(
        &mut self,
        file: &[u8],
        identity: &DirectorateIdentity,
    ) -> Result<Imported, ImportError> {
        let sha: [u8; 32] = Sha256::digest(file).into();
        if let Some(at) = imported_at(&mut self.client, &sha)? {
            return Err(ImportError::AlreadyImported { at });
        }
        let opened = dalil_transfer::open(file, identity)?;
        let mut tries = 0;
        loop {
            match import_opened(&mut self.client, &opened) {
                Err(ImportError::Db(e))
                    if tries < RETRIES
                        && matches!(
                            e.code(),
                            Some(&SqlState::T_R_DEADLOCK_DETECTED)
                                | Some(&SqlState::T_R_SERIALIZATION_FAILURE)
                        ) =>
                {
                    tries += 1;
                }
                other => return other,
            }
        }
    }
}

fn imported_at(
    client: &mut Client,
    sha: &[u8; 32],
) -> Result<Option<OffsetDateTime>, postgres::Error> {
    Ok(client
        .query_opt(
            "SELECT imported_at FROM bundles WHERE file_sha256 = $1",
            &[&sha.as_slice()],
        )?
        .map(|r| r.get(0)))
}

/// How a case's chain (its entries' hashes) stands to one already held.
fn compare(new: &[u8], held: &[u8]) -> Option<Ordering> {
    if new == held {
        Some(Ordering::Equal)
    } else if new.len() > held.len() && new.starts_with(held) {
        Some(Ordering::Greater)
    } else if held.len() > new.len() && held.starts_with(new) {
        Some(Ordering::Less)
    } else {
        None
    }
}

fn import_opened(client: &mut Client, opened: &Opened) -> Result<Imported, ImportError> {
    let device = opened.device.as_bytes().as_slice();
    let mut tx = client.transaction()?;
    let label: String = match tx.query_opt(
        "SELECT label, revoked_at FROM devices WHERE device = $1",
        &[&device],
    )? {
        Some(row) => match row.get::<_, Option<OffsetDateTime>>(1) {
            Some(at) => return Err(ImportError::RevokedDevice { at }),
            None => row.get(0),
        },
        None => {
            return Err(ImportError::UnknownDevice {
                key: hex::encode(device),
            });
        }
    };
    let m = &opened.manifest;
    let head_hash = hex::decode(&m.audit_head.hash).unwrap_or_default();
    let bundle: i64 = match tx.query_opt(
        "INSERT INTO bundles (file_sha256, device, generator, made_at, head_seq, head_hash, case_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (file_sha256) DO NOTHING RETURNING id",
        &[
            &opened.file_sha256.as_slice(),
            &device,
            &m.generator,
            &m.created_at,
            &(m.audit_head.seq as i64),
            &head_hash,
            &(opened.cases.len() as i32),
        ],
    )? {
        Some(row) => row.get(0),
        // Another import of the same file committed first.
        None => {
            drop(tx);
            let at = imported_at(client, &opened.file_sha256)?
                .unwrap_or_else(OffsetDateTime::now_utc);
            return Err(ImportError::AlreadyImported { at });
        }
    };

    // The cases' streams, made if new and locked, in the order of their ids so that two
    // imports from one computer cannot deadlock on them.
    let cases: Vec<&Parts> = opened.cases.iter().map(|c| c.parts.as_ref()).collect();
    let store_ids: Vec<i64> = cases.iter().map(|p| p.case.id).collect();
    let references: Vec<&str> = cases.iter().map(|p| p.case.reference.as_str()).collect();
    tx.execute(
        "INSERT INTO case_streams (device, store_case, reference)
         SELECT $1::bytea, u.* FROM UNNEST($2::bigint[], $3::text[]) AS u ORDER BY 2
         ON CONFLICT (device, store_case) DO NOTHING",
        &[&device, &store_ids, &references],
    )?;
    let mut streams: HashMap<i64, (i64, bool)> = HashMap::new();
    for row in tx.query(
        "SELECT store_case, id, diverged FROM case_streams
         WHERE device = $1 AND store_case = ANY($2) ORDER BY store_case FOR UPDATE",
        &[&device, &store_ids],
    )? {
        streams.insert(row.get(0), (row.get(1), row.get(2)));
    }
    let stream_ids: Vec<i64> = streams.values().map(|(id, _)| *id).collect();
    let mut held: HashMap<i64, Vec<Vec<u8>>> = HashMap::new();
    for row in tx.query(
        "SELECT stream, chain FROM case_versions WHERE stream = ANY($1)",
        &[&stream_ids],
    )? {
        held.entry(row.get(0)).or_default().push(row.get(1));
    }

    let mut outcomes = Vec::with_capacity(cases.len());
    let mut rows = Rows::default();
    let mut diverged_now: Vec<i64> = Vec::new();
    for (c, parts) in opened.cases.iter().zip(&cases) {
        let (stream, was_diverged) = *streams.get(&parts.case.id).ok_or(ImportError::Internal(
            "a case's stream was not found after it was made",
        ))?;
        let chain = chain_of(parts);
        let relations: Vec<Option<Ordering>> = held
            .get(&stream)
            .map(|h| h.iter().map(|h| compare(&chain, h)).collect())
            .unwrap_or_default();
        let outcome = if relations.contains(&Some(Ordering::Equal)) {
            CaseOutcome::Unchanged
        } else if relations.contains(&Some(Ordering::Less)) {
            CaseOutcome::Older
        } else if relations.is_empty() {
            CaseOutcome::New
        } else if relations.contains(&None) {
            CaseOutcome::Diverged
        } else {
            CaseOutcome::Updated
        };
        if matches!(
            outcome,
            CaseOutcome::New | CaseOutcome::Updated | CaseOutcome::Diverged
        ) {
            if outcome == CaseOutcome::Diverged && !was_diverged {
                diverged_now.push(stream);
            }
            rows.add(stream, chain, c.summary.store_chain_intact, parts);
        }
        outcomes.push(outcome);
    }
    if outcomes
        .iter()
        .all(|o| matches!(o, CaseOutcome::Unchanged | CaseOutcome::Older))
    {
        // Dropping the transaction rolls it back: the bundle's row goes too.
        return Err(if outcomes.contains(&CaseOutcome::Older) {
            ImportError::Replayed
        } else {
            ImportError::NothingNew
        });
    }
    rows.write(&mut tx, device, bundle)?;
    if !diverged_now.is_empty() {
        tx.execute(
            "UPDATE case_streams SET diverged = true WHERE id = ANY($1)",
            &[&diverged_now],
        )?;
    }
    tx.commit()?;
    Ok(Imported {
        bundle,
        device: label,
        cases: opened
            .cases
            .iter()
            .map(|c| c.summary.reference.clone())
            .zip(outcomes)
            .collect(),
    })
}

/// A case's chain: its entries' hashes, oldest first, 32 bytes each.
fn chain_of(parts: &Parts) -> Vec<u8> {
    let mut chain = Vec::with_capacity(parts.audit.entries.len() * 32);
    for e in &parts.audit.entries {
        chain.extend(hex::decode(&e.hash).unwrap_or_default());
    }
    chain
}

/// The rows a bundle adds, gathered so that each table is written in one statement.
#[derive(Default)]
struct Rows<'a> {
    // case_versions
    v_stream: Vec<i64>,
    v_head_seq: Vec<i64>,
    v_head_hash: Vec<Vec<u8>>,
    v_chain: Vec<Vec<u8>>,
    v_intact: Vec<bool>,
    v_title: Vec<&'a str>,
    v_kind: Vec<&'a str>,
    v_status: Vec<&'a str>,
    v_sop_id: Vec<Option<&'a str>>,
    v_sop_edition: Vec<&'a str>,
    v_created_at: Vec<&'a str>,
    v_last_change: Vec<&'a str>,
    v_facts: Vec<serde_json::Value>,
    v_steps: Vec<serde_json::Value>,
    v_exhibits: Vec<serde_json::Value>,
    v_elements: Vec<serde_json::Value>,
    // audit_entries
    a_seq: Vec<i64>,
    a_hash: Vec<Vec<u8>>,
    a_prev: Vec<Vec<u8>>,
    a_at: Vec<&'a str>,
    a_action: Vec<&'a str>,
    a_kind: Vec<&'a str>,
    a_id: Vec<&'a str>,
    a_case: Vec<Option<i64>>,
    a_digest: Vec<Vec<u8>>,
    // note_revisions
    n_case: Vec<i64>,
    n_note: Vec<i64>,
    n_revision: Vec<i32>,
    n_subject: Vec<&'a str>,
    n_step: Vec<Option<&'a str>>,
    n_body: Vec<Option<&'a str>>,
    n_sha: Vec<Vec<u8>>,
    n_created: Vec<&'a str>,
}

impl<'a> Rows<'a> {
    fn add(&mut self, stream: i64, chain: Vec<u8>, intact: bool, parts: &'a Parts) {
        let case = &parts.case;
        let json = |v: serde_json::Result<serde_json::Value>| v.unwrap_or(serde_json::Value::Null);
        self.v_stream.push(stream);
        self.v_head_seq
            .push(parts.audit.entries.last().map_or(0, |e| e.seq as i64));
        self.v_head_hash
            .push(chain[chain.len().saturating_sub(32)..].to_vec());
        self.v_chain.push(chain);
        self.v_intact.push(intact);
        self.v_title.push(&case.title);
        self.v_kind.push(&case.kind);
        self.v_status.push(&case.status);
        self.v_sop_id.push(case.sop_id.as_deref());
        self.v_sop_edition.push(&case.sop_edition);
        self.v_created_at.push(&case.created_at);
        self.v_last_change.push(&case.last_change);
        self.v_facts.push(json(serde_json::to_value(&parts.facts)));
        self.v_steps.push(json(serde_json::to_value(&parts.steps)));
        self.v_exhibits
            .push(json(serde_json::to_value(&parts.exhibits)));
        self.v_elements
            .push(json(serde_json::to_value(&parts.elements)));
        for e in &parts.audit.entries {
            self.a_seq.push(e.seq as i64);
            self.a_hash.push(hex::decode(&e.hash).unwrap_or_default());
            self.a_prev
                .push(hex::decode(&e.prev_hash).unwrap_or_default());
            self.a_at.push(&e.at);
            self.a_action.push(&e.action);
            self.a_kind.push(&e.entity_kind);
            self.a_id.push(&e.entity_id);
            self.a_case.push(e.case);
            self.a_digest
                .push(hex::decode(&e.digest).unwrap_or_default());
        }
        for n in &parts.notes {
            for r in &n.revisions {
                self.n_case.push(case.id);
                self.n_note.push(n.id);
                self.n_revision.push(r.revision as i32);
                self.n_subject.push(&n.subject);
                self.n_step.push(n.step.as_deref());
                self.n_body.push(r.text.as_deref());
                self.n_sha.push(body_sha256(r.text.as_deref()).to_vec());
                self.n_created.push(&r.created_at);
            }
        }
    }

    fn write(
        &self,
        tx: &mut Transaction<'_>,
        device: &[u8],
        bundle: i64,
    ) -> Result<(), postgres::Error> {
        tx.execute(
            "INSERT INTO case_versions (bundle, stream, head_seq, head_hash, chain,
                 store_chain_intact, title, kind, status, sop_id, sop_edition, created_at,
                 last_change, facts, steps, exhibits, elements)
             SELECT $1::bigint, u.* FROM UNNEST($2::bigint[], $3::bigint[], $4::bytea[], $5::bytea[],
                 $6::boolean[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                 $12::text[], $13::text[], $14::jsonb[], $15::jsonb[], $16::jsonb[],
                 $17::jsonb[]) AS u",
            &[
                &bundle,
                &self.v_stream,
                &self.v_head_seq,
                &self.v_head_hash,
                &self.v_chain,
                &self.v_intact,
                &self.v_title,
                &self.v_kind,
                &self.v_status,
                &self.v_sop_id,
                &self.v_sop_edition,
                &self.v_created_at,
                &self.v_last_change,
                &self.v_facts,
                &self.v_steps,
                &self.v_exhibits,
                &self.v_elements,
            ],
        )?;
        // Each entry and revision is kept once, however many bundles carry it.
        tx.execute(
            "INSERT INTO audit_entries (device, bundle, seq, hash, prev_hash, at, action,
                 entity_kind, entity_id, store_case, digest)
             SELECT $1::bytea, $2::bigint, u.* FROM UNNEST($3::bigint[], $4::bytea[], $5::bytea[], $6::text[],
                 $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bytea[]) AS u
             ON CONFLICT DO NOTHING",
            &[
                &device,
                &bundle,
                &self.a_seq,
                &self.a_hash,
                &self.a_prev,
                &self.a_at,
                &self.a_action,
                &self.a_kind,
                &self.a_id,
                &self.a_case,
                &self.a_digest,
            ],
        )?;
        tx.execute(
            "INSERT INTO note_revisions (device, bundle, store_case, note, revision, subject,
                 step, body, body_sha256, created_at)
             SELECT $1::bytea, $2::bigint, u.* FROM UNNEST($3::bigint[], $4::bigint[], $5::integer[],
                 $6::text[], $7::text[], $8::text[], $9::bytea[], $10::text[]) AS u
             ON CONFLICT DO NOTHING",
            &[
                &device,
                &bundle,
                &self.n_case,
                &self.n_note,
                &self.n_revision,
                &self.n_subject,
                &self.n_step,
                &self.n_body,
                &self.n_sha,
                &self.n_created,
            ],
        )?;
        Ok(())
    }
}

/// What a revision's text is known by: its SHA-256, or 32 zero bytes for a deletion.
pub(crate) fn body_sha256(body: Option<&str>) -> [u8; 32] {
    body.map_or([0; 32], |b| Sha256::digest(b.as_bytes()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_stands_to_another_as_equal_newer_older_or_apart() {
        let h = |s: &[u8]| s.to_vec();
        assert_eq!(compare(&h(b"abc"), &h(b"abc")), Some(Ordering::Equal));
        assert_eq!(compare(&h(b"abcd"), &h(b"abc")), Some(Ordering::Greater));
        assert_eq!(compare(&h(b"ab"), &h(b"abc")), Some(Ordering::Less));
        assert_eq!(compare(&h(b"abx"), &h(b"abc")), None);
        assert_eq!(compare(&h(b"abxy"), &h(b"abc")), None);
    }
}
