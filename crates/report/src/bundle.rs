//! The case bundle: one file that hands a case to the directorate, with checksums that make
//! any change to it visible. The format is documented in `docs/bundle-format.md`.
//!
//! The file is a JSON envelope:
//!
//! ```text
//! {
//!   "format": "dalil-bundle",
//!   "version": 1,
//!   "encryption": "none",
//!   "manifest_sha256": "<SHA-256 of the manifest's bytes>",
//!   "manifest": { …, "parts": [ { "name": "case", "sha256": "…", "bytes": 123 }, … ] },
//!   "parts": { "case": {…}, "facts": […], "steps": […], "notes": […], "exhibits": […],
//!              "elements": {…}, "audit": {…} }
//! }
//! ```
//!
//! Every byte is covered: each part's SHA-256 is taken over its bytes exactly as they stand in
//! the file, the manifest's over its own bytes, and the rest of the envelope is fixed text
//! that the verifier rebuilds and compares.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::data::{CaseRecord, NoteSubject};
use crate::timefmt::store_text;

/// The `format` of a bundle.
pub const FORMAT: &str = "dalil-bundle";
/// The `version` of the format this crate writes. It reads this one and version 1, which
/// had no `exhibits` or `elements` part.
pub const VERSION: u64 = 2;
/// The `encryption` of a bundle this crate writes: none yet. A later version may encrypt the
/// parts to the directorate's public key and name the scheme here.
pub const ENCRYPTION_NONE: &str = "none";
/// The parts of a version 2 bundle, in the order they are written.
pub const PART_NAMES: [&str; 7] = [
    "case", "facts", "steps", "notes", "exhibits", "elements", "audit",
];
/// The parts of a version 1 bundle, in the order they were written.
pub const PART_NAMES_V1: [&str; 5] = ["case", "facts", "steps", "notes", "audit"];

/// The parts a bundle of `version` holds, in order; `None` for a version this crate does not
/// read.
pub fn part_names(version: u64) -> Option<&'static [&'static str]> {
    match version {
        1 => Some(&PART_NAMES_V1),
        VERSION => Some(&PART_NAMES),
        _ => None,
    }
}

/// The manifest: what the bundle holds and the checksum of each part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The program that wrote the bundle, e.g. `dalil 0.1.0`.
    pub generator: String,
    /// When the bundle was written (UTC, the store's time format).
    pub created_at: String,
    /// The case the bundle holds.
    pub case: ManifestCase,
    /// Where the store's whole audit chain ended when the bundle was written.
    pub audit_head: ChainHead,
    /// Whether the store's whole audit chain verified when the bundle was written:
    /// `intact` or `broken`.
    pub audit_status: String,
    /// The parts, in the order they are written, with their checksums.
    pub parts: Vec<PartEntry>,
}

/// The case a bundle holds, named in its manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestCase {
    /// The store's internal id of the case.
    pub id: i64,
    /// The officer's case number.
    pub reference: String,
}

/// The end of an audit chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainHead {
    /// The sequence number of the last entry: the chain's length.
    pub seq: u64,
    /// The chain hash of the last entry, in lowercase hex.
    pub hash: String,
}

/// One part's entry in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartEntry {
    /// The part's name, a key of `parts`.
    pub name: String,
    /// SHA-256 of the part's bytes as they stand in the file, in lowercase hex.
    pub sha256: String,
    /// The number of those bytes.
    pub bytes: u64,
}

/// The `case` part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasePart {
    /// The store's internal id.
    pub id: i64,
    /// The officer's case number.
    pub reference: String,
    /// The title.
    pub title: String,
    /// `trafficking`, `smuggling`, `both` or `undetermined`.
    pub kind: String,
    /// `open` or `closed`.
    pub status: String,
    /// The id of the SOP the case is pinned to; absent for a case opened by an older `dalil`,
    /// which recorded the version alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sop_id: Option<String>,
    /// The version of the SOP edition the case is pinned to.
    pub sop_edition: String,
    /// When the case was opened.
    pub created_at: String,
    /// When the case was closed, if it is closed.
    pub closed_at: Option<String>,
    /// When anything in the case last changed: the time of its last audit entry.
    pub last_change: String,
}

/// One answered fact, in the `facts` part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactRow {
    /// The SOP manifest's fact id.
    pub id: String,
    /// `yes`/`no`, or a choice id.
    pub value: String,
    /// When it was last set.
    pub updated_at: String,
}

/// One recorded step state, in the `steps` part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRow {
    /// The SOP's step id.
    pub step: String,
    /// `pending`, `done`, `not-applicable` or `blocked`.
    pub state: String,
    /// The reason, for `not-applicable` and `blocked`.
    pub reason: Option<String>,
    /// When the state was set.
    pub updated_at: String,
}

/// One note and its whole history, in the `notes` part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRow {
    /// The note's id in the store.
    pub id: i64,
    /// `case`, `step`, or `unknown` (the store does not say what a deleted note was about).
    pub subject: String,
    /// The step id, when the subject is a step.
    pub step: Option<String>,
    /// Whether the note was deleted (its last revision is a tombstone).
    pub deleted: bool,
    /// Every revision, first to last.
    pub revisions: Vec<RevisionRow>,
}

/// One revision of a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevisionRow {
    /// 1 for the first text, then one more per edit, and one for the deletion.
    pub revision: u32,
    /// The text; `null` for the tombstone a deletion leaves.
    pub text: Option<String>,
    /// When this revision was written.
    pub created_at: String,
}

/// One exhibit of the evidence register, with its chain of custody and files, in the
/// `exhibits` part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExhibitRow {
    /// Its row id in the store, which its audit entries name.
    pub id: i64,
    /// Its number in the case.
    pub number: u32,
    /// `document`, `phone`, `ledger`, `transfer-receipt`, `photograph`, `digital-image` or
    /// `other`.
    pub kind: String,
    /// What it is.
    pub description: String,
    /// When it was seized, as the officer gave it.
    pub seized_at: String,
    /// Where.
    pub seized_where: String,
    /// By whom.
    pub seized_by: String,
    /// The judicial authorisation's reference.
    pub authorisation: Option<String>,
    /// The seal's number.
    pub seal: Option<String>,
    /// When it was registered.
    pub registered_at: String,
    /// The chain of custody, first entry first.
    pub custody: Vec<CustodyRow>,
    /// The files attached to it (their digests; never their bytes).
    pub files: Vec<FileRow>,
}

/// One custody entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustodyRow {
    /// Its number in the exhibit's record.
    pub seq: u32,
    /// `handover`, `seal-check`, `to-lab`, `from-lab` or `correction`.
    pub event: String,
    /// When it happened, as given.
    pub at: String,
    /// From whom.
    pub from: String,
    /// To whom.
    pub to: String,
    /// Why.
    pub purpose: String,
    /// Whether the seal was intact.
    pub seal_intact: bool,
    /// The entry a correction corrects.
    pub corrects: Option<u32>,
    /// When it was written.
    pub recorded_at: String,
}

/// One attached file: its name, size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRow {
    /// The attachment's id, which its audit entry names.
    pub id: i64,
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, lowercase hex.
    pub sha256: String,
    /// Whether its bytes are kept in the officer's case file.
    pub stored: bool,
    /// When it was attached.
    pub attached_at: String,
}

/// The `elements` part: the officer's assessment of each offence element, and what is linked
/// to each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementsPart {
    /// The recorded states; an element not listed is open.
    pub states: Vec<ElementStateRow>,
    /// The links.
    pub links: Vec<ElementLinkRow>,
}

/// An element's recorded state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementStateRow {
    /// The element id, as the SOP declares it.
    pub element: String,
    /// `open`, `supported` or `contested`.
    pub state: String,
    /// The reason given.
    pub reason: Option<String>,
    /// When it was set.
    pub updated_at: String,
}

/// A note, step or exhibit linked to an element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementLinkRow {
    /// The element id.
    pub element: String,
    /// `note`, `step` or `exhibit`.
    pub kind: String,
    /// The note id, step id or exhibit number.
    pub target: String,
    /// When it was linked.
    pub linked_at: String,
}

/// The `audit` part: the case's audit entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditPart {
    /// The entries, oldest first.
    pub entries: Vec<EntryRow>,
}

/// One audit entry, with the hash of the entry before it in the store's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRow {
    /// The sequence number in the store's chain.
    pub seq: u64,
    /// When the change was made, exactly as the store wrote it.
    pub at: String,
    /// The action, e.g. `note.add`.
    pub action: String,
    /// The kind of entity changed.
    pub entity_kind: String,
    /// The entity's id within its kind.
    pub entity_id: String,
    /// The case's internal id.
    pub case: Option<i64>,
    /// SHA-256 of the changed content, in hex.
    pub digest: String,
    /// The chain hash of entry `seq - 1`, in hex (64 zeros for entry 1).
    pub prev_hash: String,
    /// This entry's chain hash: `SHA-256(prev_hash || record)`, in hex.
    pub hash: String,
}

/// The parts of a bundle as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The case.
    pub case: CasePart,
    /// The answered facts.
    pub facts: Vec<FactRow>,
    /// The recorded step states.
    pub steps: Vec<StepRow>,
    /// Every note with its revisions.
    pub notes: Vec<NoteRow>,
    /// The evidence register (empty in a version 1 bundle).
    pub exhibits: Vec<ExhibitRow>,
    /// The offence elements (empty in a version 1 bundle).
    pub elements: ElementsPart,
    /// The case's audit entries.
    pub audit: AuditPart,
}

impl Parts {
    /// The parts of a case record.
    pub fn from_record(record: &CaseRecord) -> Self {
        let c = &record.case;
        Parts {
            case: CasePart {
                id: c.id.0,
                reference: c.reference.clone(),
                title: c.title.clone(),
                kind: c.kind.as_str().to_owned(),
                status: c.status.as_str().to_owned(),
                sop_id: c.edition.sop.clone(),
                sop_edition: c.edition.version.clone(),
                created_at: store_text(c.created_at),
                closed_at: c.closed_at.map(store_text),
                last_change: store_text(c.last_change),
            },
            facts: record
                .facts
                .iter()
                .map(|f| FactRow {
                    id: f.id.clone(),
                    value: f.value.clone(),
                    updated_at: store_text(f.updated_at),
                })
                .collect(),
            steps: record
                .steps
                .iter()
                .map(|s| StepRow {
                    step: s.step_id.clone(),
                    state: s.state.as_str().to_owned(),
                    reason: s.reason.clone(),
                    updated_at: store_text(s.updated_at),
                })
                .collect(),
            notes: record
                .notes
                .iter()
                .map(|n| {
                    let (subject, step) = match &n.subject {
                        NoteSubject::Case => ("case", None),
                        NoteSubject::Step(s) => ("step", Some(s.clone())),
                        NoteSubject::Unknown => ("unknown", None),
                    };
                    NoteRow {
                        id: n.id.0,
                        subject: subject.to_owned(),
                        step,
                        deleted: n.deleted(),
                        revisions: n
                            .revisions
                            .iter()
                            .map(|r| RevisionRow {
                                revision: r.revision,
                                text: r.text.clone(),
                                created_at: store_text(r.created_at),
                            })
                            .collect(),
                    }
                })
                .collect(),
            exhibits: record
                .exhibits
                .iter()
                .map(|x| {
                    let d = &x.exhibit.details;
                    ExhibitRow {
                        id: x.exhibit.id,
                        number: x.exhibit.number,
                        kind: d.kind.as_str().to_owned(),
                        description: d.description.clone(),
                        seized_at: d.seized_at.clone(),
                        seized_where: d.seized_where.clone(),
                        seized_by: d.seized_by.clone(),
                        authorisation: d.authorisation.clone(),
                        seal: d.seal.clone(),
                        registered_at: store_text(x.exhibit.created_at),
                        custody: x
                            .custody
                            .iter()
                            .map(|c| CustodyRow {
                                seq: c.seq,
                                event: c.entry.event.as_str().to_owned(),
                                at: c.entry.at.clone().unwrap_or_default(),
                                from: c.entry.from.clone(),
                                to: c.entry.to.clone(),
                                purpose: c.entry.purpose.clone(),
                                seal_intact: c.entry.seal_intact,
                                corrects: c.entry.corrects,
                                recorded_at: store_text(c.recorded_at),
                            })
                            .collect(),
                        files: x
                            .files
                            .iter()
                            .map(|f| FileRow {
                                id: f.id,
                                name: f.name.clone(),
                                size: f.size,
                                sha256: dalil_store::hex(&f.sha256),
                                stored: f.stored,
                                attached_at: store_text(f.created_at),
                            })
                            .collect(),
                    }
                })
                .collect(),
            elements: ElementsPart {
                states: record
                    .element_marks
                    .iter()
                    .map(|m| ElementStateRow {
                        element: m.element.clone(),
                        state: m.state.as_str().to_owned(),
                        reason: m.reason.clone(),
                        updated_at: store_text(m.updated_at),
                    })
                    .collect(),
                links: record
                    .element_links
                    .iter()
                    .map(|l| ElementLinkRow {
                        element: l.element.clone(),
                        kind: l.target.kind().to_owned(),
                        target: l.target.id_text(),
                        linked_at: store_text(l.linked_at),
                    })
                    .collect(),
            },
            audit: AuditPart {
                entries: record
                    .audit
                    .iter()
                    .map(|l| EntryRow {
                        seq: l.entry.seq,
                        at: store_text(l.entry.at),
                        action: l.entry.action.clone(),
                        entity_kind: l.entry.entity_kind.clone(),
                        entity_id: l.entry.entity_id.clone(),
                        case: l.entry.case.map(|c| c.0),
                        digest: l.entry.digest_hex.clone(),
                        prev_hash: l.prev_hash_hex.clone(),
                        hash: l.entry.hash_hex.clone(),
                    })
                    .collect(),
            },
        }
    }
}

/// Writes the bundle of a case. `generator` names the program (e.g. `dalil 0.1.0`);
/// `created_at` is the time of writing. The result is UTF-8 JSON.
pub fn write_bundle(record: &CaseRecord, generator: &str, created_at: OffsetDateTime) -> Vec<u8> {
    let parts = Parts::from_record(record);
    let texts: Vec<(&str, String)> = vec![
        ("case", part_text(&parts.case)),
        ("facts", part_text(&parts.facts)),
        ("steps", part_text(&parts.steps)),
        ("notes", part_text(&parts.notes)),
        ("exhibits", part_text(&parts.exhibits)),
        ("elements", part_text(&parts.elements)),
        ("audit", part_text(&parts.audit)),
    ];
    let manifest = Manifest {
        generator: generator.to_owned(),
        created_at: store_text(created_at),
        case: ManifestCase {
            id: record.case.id.0,
            reference: record.case.reference.clone(),
        },
        audit_head: ChainHead {
            seq: record.chain.head.seq,
            hash: record.chain.head.hash_hex.clone(),
        },
        audit_status: match record.chain.verification {
            dalil_store::Verification::Intact { .. } => "intact",
            dalil_store::Verification::Broken { .. } => "broken",
        }
        .to_owned(),
        parts: texts
            .iter()
            .map(|(name, text)| PartEntry {
                name: (*name).to_owned(),
                sha256: sha256_hex(text.as_bytes()),
                bytes: text.len() as u64,
            })
            .collect(),
    };
    let manifest_text = indent(&pretty(&manifest), "  ");
    let borrowed: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    envelope(
        VERSION,
        ENCRYPTION_NONE,
        &sha256_hex(manifest_text.as_bytes()),
        &manifest_text,
        &borrowed,
    )
    .into_bytes()
}

/// A part as it is written in the file: pretty JSON, indented to sit under `parts`.
fn part_text<T: Serialize>(value: &T) -> String {
    indent(&pretty(value), "    ")
}

fn pretty<T: Serialize>(value: &T) -> String {
    // Serializing these plain structs cannot fail: every key is a string and there are no
    // floats.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Indents every line but the first. JSON strings hold their line breaks as `\n`, so only
/// the layout changes.
fn indent(text: &str, by: &str) -> String {
    text.replace('\n', &format!("\n{by}"))
}

/// The envelope around the manifest and the parts: the fixed text the verifier rebuilds.
pub(crate) fn envelope(
    version: u64,
    encryption: &str,
    manifest_sha256: &str,
    manifest: &str,
    parts: &[(&str, &str)],
) -> String {
    let mut s = String::with_capacity(
        manifest.len() + parts.iter().map(|(_, t)| t.len() + 32).sum::<usize>() + 256,
    );
    s.push_str("{\n  \"format\": ");
    s.push_str(&json_string(FORMAT));
    s.push_str(",\n  \"version\": ");
    s.push_str(&version.to_string());
    s.push_str(",\n  \"encryption\": ");
    s.push_str(&json_string(encryption));
    s.push_str(",\n  \"manifest_sha256\": ");
    s.push_str(&json_string(manifest_sha256));
    s.push_str(",\n  \"manifest\": ");
    s.push_str(manifest);
    s.push_str(",\n  \"parts\": {");
    for (i, (name, text)) in parts.iter().enumerate() {
        s.push_str(if i == 0 { "\n    " } else { ",\n    " });
        s.push_str(&json_string(name));
        s.push_str(": ");
        s.push_str(text);
    }
    s.push_str("\n  }\n}\n");
    s
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// SHA-256 in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}
