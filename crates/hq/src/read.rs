//! Reading the directorate's copy back: the cases and what needs review, one case in full,
//! the computers, and the bundles received.

use postgres::Row;
use serde::Serialize;
use time::OffsetDateTime;

use crate::{Hq, HqError};

/// Why a case needs review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewReason {
    /// More than one case under this reference: two computers, or two cases of one.
    SeveralSources,
    /// One computer sent two histories of the case, neither extending the other.
    Diverged,
    /// A version was sent while the computer's own audit chain did not verify.
    ChainBroken,
}

/// One reference in the list of cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseRow {
    /// The officers' case reference.
    pub reference: String,
    /// How many computers sent it.
    pub devices: i64,
    /// How many cases (streams) are held under it.
    pub streams: i64,
    /// How many versions are held in all.
    pub versions: i64,
    /// The latest change of any version, in the store's time form.
    pub last_change: Option<String>,
    /// Why it needs review; empty when it does not.
    pub review: Vec<ReviewReason>,
}

/// A case in full: every stream under its reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseShow {
    /// The reference.
    pub reference: String,
    /// Why it needs review; empty when it does not.
    pub review: Vec<ReviewReason>,
    /// Each computer's case under this reference.
    pub streams: Vec<StreamView>,
}

/// A case as one computer keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StreamView {
    /// The computer's label.
    pub device: String,
    /// The computer's key, in hex.
    pub device_key: String,
    /// The case's id in that computer's file.
    pub store_case: i64,
    /// Whether the computer sent two histories of it.
    pub diverged: bool,
    /// Every version received, oldest first by the length of its history.
    pub versions: Vec<VersionView>,
    /// Every note revision received, by note then revision.
    pub notes: Vec<NoteView>,
    /// How many of its audit entries are held.
    pub audit_entries: i64,
}

/// One version of a case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionView {
    /// The sequence number of the case's last audit entry in the computer's chain.
    pub head_seq: i64,
    /// The hash of that entry, in hex.
    pub head_hash: String,
    /// How many audit entries of the case it holds.
    pub entries: usize,
    /// The case's title.
    pub title: String,
    /// Its kind.
    pub kind: String,
    /// `open` or `closed`.
    pub status: String,
    /// The SOP edition it is pinned to.
    pub sop_edition: String,
    /// Its last change, in the store's time form.
    pub last_change: String,
    /// Its answered facts, as the bundle carried them.
    pub facts: serde_json::Value,
    /// Its step states, as the bundle carried them.
    pub steps: serde_json::Value,
    /// Its evidence register.
    pub exhibits: serde_json::Value,
    /// Its offence elements.
    pub elements: serde_json::Value,
    /// Whether the computer's own chain verified when it was sent.
    pub store_chain_intact: bool,
    /// When the bundle that brought it was imported, RFC 3339.
    pub imported_at: String,
}

/// A note and the revisions received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    /// Its id in the computer's file.
    pub note: i64,
    /// `case`, `step` or `unknown`.
    pub subject: String,
    /// The step, for a step's note.
    pub step: Option<String>,
    /// Its revisions.
    pub revisions: Vec<RevisionView>,
}

/// One revision of a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisionView {
    /// Its number, from 1.
    pub revision: i32,
    /// Its text; `None` for a deletion.
    pub body: Option<String>,
    /// When it was written, in the store's time form.
    pub created_at: String,
}

/// A computer the directorate accepts bundles from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceRow {
    /// Its label.
    pub label: String,
    /// Its key, in hex.
    pub key: String,
    /// When it was registered, RFC 3339.
    pub registered_at: String,
    /// How many bundles it sent.
    pub bundles: i64,
    /// How many cases it sent.
    pub cases: i64,
    /// When its last bundle was imported, RFC 3339.
    pub last_import: Option<String>,
    /// When its key was revoked, RFC 3339: its bundles are refused since.
    pub revoked_at: Option<String>,
}

/// A bundle received: who sent what, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BundleRow {
    /// When it was imported, RFC 3339.
    pub imported_at: String,
    /// Who imported it (the database role).
    pub imported_by: String,
    /// The computer's label.
    pub device: String,
    /// When the computer made it, by its own clock.
    pub made_at: String,
    /// The references of the cases it held.
    pub cases: Vec<String>,
    /// The SHA-256 of its file, in hex.
    pub sha256: String,
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn reasons(row: &Row) -> Vec<ReviewReason> {
    let mut out = Vec::new();
    if row.get::<_, i64>("streams") > 1 {
        out.push(ReviewReason::SeveralSources);
    }
    if row.get::<_, bool>("diverged") {
        out.push(ReviewReason::Diverged);
    }
    if row.get::<_, bool>("chain_broken") {
        out.push(ReviewReason::ChainBroken);
    }
    out
}

impl Hq {
    /// The cases, those needing review first, then by reference; only those needing review
    /// if asked.
    pub fn cases(&mut self, needs_review_only: bool) -> Result<Vec<CaseRow>, HqError> {
        let rows = self.client.query(
            "SELECT reference, streams, devices, versions, diverged, chain_broken, last_change,
                    needs_review
             FROM case_review
             WHERE needs_review OR NOT $1
             ORDER BY needs_review DESC, reference",
            &[&needs_review_only],
        )?;
        Ok(rows
            .iter()
            .map(|r| CaseRow {
                reference: r.get("reference"),
                devices: r.get("devices"),
                streams: r.get("streams"),
                versions: r.get("versions"),
                last_change: r.get("last_change"),
                review: reasons(r),
            })
            .collect())
    }

    /// One case in full, or `None` if no computer sent this reference.
    pub fn show(&mut self, reference: &str) -> Result<Option<CaseShow>, HqError> {
        let Some(summary) = self.client.query_opt(
            "SELECT streams, diverged, chain_broken FROM case_review WHERE reference = $1",
            &[&reference],
        )?
        else {
            return Ok(None);
        };
        let streams = self.client.query(
            "SELECT s.id, s.device, s.store_case, s.diverged, d.label
             FROM case_streams s JOIN devices d ON d.device = s.device
             WHERE s.reference = $1 ORDER BY d.label, s.store_case",
            &[&reference],
        )?;
        let mut views = Vec::with_capacity(streams.len());
        for s in &streams {
            let stream: i64 = s.get("id");
            let device: Vec<u8> = s.get("device");
            let store_case: i64 = s.get("store_case");
            let versions = self
                .client
                .query(
                    "SELECT v.head_seq, v.head_hash, length(v.chain) / 32 AS entries, v.title,
                            v.kind, v.status, v.sop_edition, v.last_change, v.facts, v.steps,
                            v.exhibits, v.elements, v.store_chain_intact, b.imported_at
                     FROM case_versions v JOIN bundles b ON b.id = v.bundle
                     WHERE v.stream = $1 ORDER BY v.head_seq, v.id",
                    &[&stream],
                )?
                .iter()
                .map(|v| VersionView {
                    head_seq: v.get("head_seq"),
                    head_hash: hex::encode(v.get::<_, Vec<u8>>("head_hash")),
                    entries: usize::try_from(v.get::<_, i32>("entries")).unwrap_or(0),
                    title: v.get("title"),
                    kind: v.get("kind"),
                    status: v.get("status"),
                    sop_edition: v.get("sop_edition"),
                    last_change: v.get("last_change"),
                    facts: v.get("facts"),
                    steps: v.get("steps"),
                    exhibits: v.get("exhibits"),
                    elements: v.get("elements"),
                    store_chain_intact: v.get("store_chain_intact"),
                    imported_at: rfc3339(v.get("imported_at")),
                })
                .collect();
            let mut notes: Vec<NoteView> = Vec::new();
            for r in self.client.query(
                "SELECT note, subject, step, revision, body, created_at FROM note_revisions
                 WHERE device = $1 AND store_case = $2 ORDER BY note, revision, created_at",
                &[&device, &store_case],
            )? {
                let note: i64 = r.get("note");
                if notes.last().is_none_or(|n| n.note != note) {
                    notes.push(NoteView {
                        note,
                        subject: r.get("subject"),
                        step: r.get("step"),
                        revisions: Vec::new(),
                    });
                }
                if let Some(n) = notes.last_mut() {
                    n.revisions.push(RevisionView {
                        revision: r.get("revision"),
                        body: r.get("body"),
                        created_at: r.get("created_at"),
                    });
                }
            }
            let audit_entries: i64 = self
                .client
                .query_one(
                    "SELECT count(*) FROM audit_entries WHERE device = $1 AND store_case = $2",
                    &[&device, &store_case],
                )?
                .get(0);
            views.push(StreamView {
                device: s.get("label"),
                device_key: hex::encode(&device),
                store_case,
                diverged: s.get("diverged"),
                versions,
                notes,
                audit_entries,
            });
        }
        Ok(Some(CaseShow {
            reference: reference.to_owned(),
            review: reasons(&summary),
            streams: views,
        }))
    }

    /// The registered computers, by label, with what each sent.
    pub fn devices(&mut self) -> Result<Vec<DeviceRow>, HqError> {
        let rows = self.client.query(
            "SELECT d.label, d.device, d.registered_at, d.revoked_at,
                    (SELECT count(*) FROM bundles b WHERE b.device = d.device) AS bundles,
                    (SELECT count(*) FROM case_streams s WHERE s.device = d.device) AS cases,
                    (SELECT max(imported_at) FROM bundles b WHERE b.device = d.device) AS last
             FROM devices d ORDER BY d.label, d.device",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| DeviceRow {
                label: r.get("label"),
                key: hex::encode(r.get::<_, Vec<u8>>("device")),
                registered_at: rfc3339(r.get("registered_at")),
                bundles: r.get("bundles"),
                cases: r.get("cases"),
                last_import: r.get::<_, Option<OffsetDateTime>>("last").map(rfc3339),
                revoked_at: r
                    .get::<_, Option<OffsetDateTime>>("revoked_at")
                    .map(rfc3339),
            })
            .collect())
    }

    /// The bundles received, newest first: which computer sent what, and when.
    pub fn bundles(&mut self) -> Result<Vec<BundleRow>, HqError> {
        let rows = self.client.query(
            "SELECT b.imported_at, b.imported_by, d.label, b.made_at, b.file_sha256,
                    coalesce((SELECT array_agg(DISTINCT s.reference ORDER BY s.reference)
                              FROM case_versions v JOIN case_streams s ON s.id = v.stream
                              WHERE v.bundle = b.id), '{}') AS cases
             FROM bundles b JOIN devices d ON d.device = b.device
             ORDER BY b.imported_at DESC, b.id DESC",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| BundleRow {
                imported_at: rfc3339(r.get("imported_at")),
                imported_by: r.get("imported_by"),
                device: r.get("label"),
                made_at: r.get("made_at"),
                cases: r.get("cases"),
                sha256: hex::encode(r.get::<_, Vec<u8>>("file_sha256")),
            })
            .collect())
    }
}
