//! Checking a case bundle: is it exactly as written, and if not, what was changed?
//!
//! The checks, in order: the envelope parses and names a format and version this code reads;
//! the manifest's bytes match `manifest_sha256`; each part's bytes match the manifest; the
//! rest of the envelope is the fixed text the writer produces; each audit entry's hash is
//! recomputed from its fields and the hash before it, and entries that follow each other in
//! the store's chain are linked; the manifest's chain head agrees with the last entry; and
//! the case, its facts, steps, notes, exhibits (with their custody entries and files) and
//! element assessments agree with the digests their audit entries recorded. Version 1
//! bundles, which had no exhibits or elements, are read too.
//!
//! The checksums are not a signature: someone who rewrites a part and recomputes every
//! checksum and the audit chain is not caught here. Comparing the chain head with a copy kept
//! elsewhere (the printed report, the officer's store) catches that.

use std::collections::BTreeMap;

use dalil_l10n::{Arg, Localizer};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::bundle::{
    AuditPart, CasePart, ENCRYPTION_NONE, ElementsPart, EntryRow, ExhibitRow, FORMAT, FactRow,
    Manifest, NoteRow, PART_NAMES, Parts, StepRow, envelope, part_names, sha256_hex,
};
use crate::chain::{self, Record};

/// Why a file cannot be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Unreadable {
    /// The file is not a Dalil case bundle.
    #[error("the file is not a Dalil case bundle")]
    NotABundle,
    /// The bundle is of a version this program does not read.
    #[error("the bundle is of version {version}, which this program does not read")]
    UnsupportedVersion {
        /// The version the file names.
        version: u64,
    },
    /// The bundle is encrypted with a scheme this program does not read.
    #[error("the bundle is encrypted ({scheme}), which this program does not read")]
    Encrypted {
        /// The scheme the file names.
        scheme: String,
    },
}

/// The result of checking a bundle that could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every check passed.
    Intact {
        /// What the bundle holds.
        summary: Summary,
        /// The parts, as data.
        parts: Box<Parts>,
    },
    /// Something was changed: everything found, most basic first.
    Altered(Vec<Finding>),
}

/// What an intact bundle holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The case's reference.
    pub reference: String,
    /// The number of parts.
    pub parts: usize,
    /// The number of the case's audit entries.
    pub audit_entries: usize,
    /// The length of the store's chain when the bundle was written.
    pub head_seq: u64,
    /// The head hash of the store's chain when the bundle was written.
    pub head_hash: String,
    /// Whether the store's whole chain verified when the bundle was written (the manifest's
    /// `audit_status`): the case's own entries can verify while another case's were changed.
    pub store_chain_intact: bool,
}

/// One thing found changed in a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// The file no longer parses as a bundle (broken JSON, or a field that does not belong).
    Syntax {
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
        /// The part (or `manifest`) the problem is in, when it is inside one.
        within: Option<String>,
    },
    /// The manifest does not match its checksum, or cannot be read.
    Manifest,
    /// The envelope (the text around the manifest and the parts) was changed.
    Envelope,
    /// A part's bytes do not match the manifest's checksum.
    PartAltered {
        /// The part's name.
        part: String,
    },
    /// A part listed in the manifest is missing.
    PartMissing {
        /// The part's name.
        part: String,
    },
    /// A part that the manifest does not list.
    PartUnexpected {
        /// The part's name.
        part: String,
    },
    /// A part matches its checksum but does not follow the format.
    PartInvalid {
        /// The part's name.
        part: String,
    },
    /// An audit entry's hash does not follow from its fields and the hash before it.
    AuditEntry {
        /// The entry's sequence number.
        seq: u64,
    },
    /// Two entries that follow each other in the chain are not linked, or are out of order.
    AuditLink {
        /// The sequence number of the later entry.
        seq: u64,
    },
    /// The manifest's chain head does not agree with the audit entries.
    AuditHead,
    /// A part's content disagrees with what its audit entries recorded.
    Disagrees {
        /// The part's name.
        part: String,
        /// What disagrees: `case`, a fact id, a step id, or a note id.
        item: String,
    },
}

/// The first fields of the envelope: enough to know whether this code can read the rest.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
    encryption: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    #[allow(dead_code)]
    format: String,
    version: u64,
    encryption: String,
    manifest_sha256: String,
    #[serde(borrow)]
    manifest: &'a RawValue,
    #[serde(borrow)]
    parts: BTreeMap<String, &'a RawValue>,
}

/// The opening bytes of every bundle this crate writes; a file that starts with them but no
/// longer parses was a bundle and has been damaged.
const OPENING: &[u8] = b"{\n  \"format\": \"dalil-bundle\",";

/// Checks a bundle.
pub fn verify_bundle(bytes: &[u8]) -> Result<Verdict, Unreadable> {
    let header: Header = match serde_json::from_slice(bytes) {
        Ok(h) => h,
        Err(e) if bytes.starts_with(OPENING) => {
            return Ok(Verdict::Altered(vec![syntax(bytes, &e)]));
        }
        Err(_) => return Err(Unreadable::NotABundle),
    };
    if header.format.as_deref() != Some(FORMAT) {
        return Err(Unreadable::NotABundle);
    }
    let names: &[&str] = match header.version {
        Some(version) => part_names(version).ok_or(Unreadable::UnsupportedVersion { version })?,
        None => return Err(Unreadable::NotABundle),
    };
    match header.encryption.as_deref() {
        Some(ENCRYPTION_NONE) => {}
        Some(scheme) => {
            return Err(Unreadable::Encrypted {
                scheme: scheme.to_owned(),
            });
        }
        None => return Err(Unreadable::NotABundle),
    }
    let env: Envelope<'_> = match serde_json::from_slice(bytes) {
        Ok(env) => env,
        Err(e) => return Ok(Verdict::Altered(vec![syntax(bytes, &e)])),
    };

    let mut findings = Findings::default();
    let manifest_text = env.manifest.get();
    if sha256_hex(manifest_text.as_bytes()) != env.manifest_sha256 {
        findings.push(Finding::Manifest);
    }
    let manifest: Option<Manifest> = serde_json::from_str(manifest_text).ok();
    let listed: Vec<String> = match &manifest {
        Some(m) => m.parts.iter().map(|p| p.name.clone()).collect(),
        None => {
            findings.push(Finding::Manifest);
            names.iter().map(|s| (*s).to_owned()).collect()
        }
    };
    if listed.iter().map(String::as_str).ne(names.iter().copied()) {
        findings.push(Finding::Manifest);
    }

    // Each part against the manifest.
    let mut intact_parts: Vec<&str> = Vec::new();
    if let Some(m) = &manifest {
        for entry in &m.parts {
            match env.parts.get(&entry.name) {
                None => findings.push(Finding::PartMissing {
                    part: entry.name.clone(),
                }),
                Some(raw) => {
                    let text = raw.get();
                    if sha256_hex(text.as_bytes()) == entry.sha256
                        && text.len() as u64 == entry.bytes
                    {
                        intact_parts.push(&entry.name);
                    } else {
                        findings.push(Finding::PartAltered {
                            part: entry.name.clone(),
                        });
                    }
                }
            }
        }
    }
    let unexpected: Vec<&String> = env.parts.keys().filter(|k| !listed.contains(k)).collect();
    for name in &unexpected {
        findings.push(Finding::PartUnexpected {
            part: (*name).clone(),
        });
    }

    // The envelope: rebuilt from what was read, it must be the file byte for byte.
    let order: Vec<(&str, &str)> = listed
        .iter()
        .map(String::as_str)
        .chain(unexpected.iter().map(|s| s.as_str()))
        .filter_map(|name| env.parts.get(name).map(|raw| (name, raw.get())))
        .collect();
    let rebuilt = envelope(
        env.version,
        &env.encryption,
        &env.manifest_sha256,
        manifest_text,
        &order,
    );
    if rebuilt.as_bytes() != bytes {
        findings.push(Finding::Envelope);
    }

    // The parts as data. A part that matches its checksum but does not parse was written
    // wrongly; one that was altered has been reported already.
    let parsed = parse_parts(&env.parts, &intact_parts, names, &mut findings);

    if let (Some(m), Some(audit)) = (&manifest, &parsed.audit) {
        check_chain(m, audit, &mut findings);
    }
    if let Some(audit) = &parsed.audit {
        check_content(&parsed, audit, &mut findings);
    }

    if findings.0.is_empty() {
        if let (Some(m), Some(parts)) = (manifest, parsed.complete()) {
            return Ok(Verdict::Intact {
                summary: Summary {
                    reference: m.case.reference,
                    parts: m.parts.len(),
                    audit_entries: parts.audit.entries.len(),
                    head_seq: m.audit_head.seq,
                    head_hash: m.audit_head.hash,
                    store_chain_intact: m.audit_status == "intact",
                },
                parts: Box::new(parts),
            });
        }
        findings.push(Finding::Manifest);
    }
    Ok(Verdict::Altered(findings.0))
}

/// Findings without repeats, in the order found.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, f: Finding) {
        if !self.0.contains(&f) {
            self.0.push(f);
        }
    }
}

/// A parse error, placed: the line, the column and the part it falls in.
fn syntax(bytes: &[u8], e: &serde_json::Error) -> Finding {
    let (line, column) = (e.line(), e.column());
    let mut offset = 0;
    for (n, l) in bytes.split(|b| *b == b'\n').enumerate() {
        if n + 1 == line {
            offset += column.min(l.len());
            break;
        }
        offset += l.len() + 1;
    }
    let before = &bytes[..offset.min(bytes.len())];
    let mut within = None;
    let mut best = 0;
    for name in std::iter::once("manifest").chain(PART_NAMES) {
        let indent = if name == "manifest" { "\n  " } else { "\n    " };
        let marker = format!("{indent}\"{name}\": ");
        if let Some(pos) = find_last(before, marker.as_bytes()) {
            if pos >= best {
                best = pos;
                within = Some(name.to_owned());
            }
        }
    }
    // Past the manifest but before the first part is the envelope itself.
    if within.as_deref() == Some("manifest") {
        if let Some(pos) = find_last(before, b"\n  \"parts\": {") {
            if pos > best {
                within = None;
            }
        }
    }
    Finding::Syntax {
        line,
        column,
        within,
    }
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The parts that could be read.
#[derive(Default)]
struct Parsed {
    case: Option<CasePart>,
    facts: Option<Vec<FactRow>>,
    steps: Option<Vec<StepRow>>,
    notes: Option<Vec<NoteRow>>,
    exhibits: Option<Vec<ExhibitRow>>,
    elements: Option<ElementsPart>,
    audit: Option<AuditPart>,
}

impl Parsed {
    fn complete(self) -> Option<Parts> {
        Some(Parts {
            case: self.case?,
            facts: self.facts?,
            steps: self.steps?,
            notes: self.notes?,
            exhibits: self.exhibits?,
            elements: self.elements?,
            audit: self.audit?,
        })
    }
}

fn parse_parts(
    raw: &BTreeMap<String, &RawValue>,
    intact: &[&str],
    names: &[&str],
    findings: &mut Findings,
) -> Parsed {
    fn one<T: for<'de> Deserialize<'de>>(
        raw: &BTreeMap<String, &RawValue>,
        name: &str,
        intact: &[&str],
        findings: &mut Findings,
    ) -> Option<T> {
        let value = raw.get(name)?;
        match serde_json::from_str(value.get()) {
            Ok(v) => Some(v),
            Err(_) => {
                if intact.contains(&name) {
                    findings.push(Finding::PartInvalid {
                        part: name.to_owned(),
                    });
                }
                None
            }
        }
    }
    Parsed {
        case: one(raw, "case", intact, findings),
        facts: one(raw, "facts", intact, findings),
        steps: one(raw, "steps", intact, findings),
        notes: one(raw, "notes", intact, findings),
        // A version 1 bundle has neither part: the case had no register to carry.
        exhibits: if names.contains(&"exhibits") {
            one(raw, "exhibits", intact, findings)
        } else {
            Some(Vec::new())
        },
        elements: if names.contains(&"elements") {
            one(raw, "elements", intact, findings)
        } else {
            Some(ElementsPart::default())
        },
        audit: one(raw, "audit", intact, findings),
    }
}

fn hash32(hex_text: &str) -> Option<[u8; 32]> {
    let bytes = hex::decode(hex_text).ok()?;
    bytes.try_into().ok()
}

/// Recomputes every entry's hash, checks the links between neighbours and the head.
fn check_chain(manifest: &Manifest, audit: &AuditPart, findings: &mut Findings) {
    let mut prev: Option<&EntryRow> = None;
    for e in &audit.entries {
        let ok = match (hash32(&e.digest), hash32(&e.prev_hash)) {
            (Some(digest), Some(prev_hash)) => {
                let computed = chain::hash(
                    &prev_hash,
                    &Record {
                        seq: e.seq,
                        at: &e.at,
                        action: &e.action,
                        entity_kind: &e.entity_kind,
                        entity_id: &e.entity_id,
                        case: e.case,
                        digest: &digest,
                    },
                );
                hex::encode(computed) == e.hash && (e.seq != 1 || prev_hash == [0; 32])
            }
            _ => false,
        };
        if !ok || e.case != Some(manifest.case.id) {
            findings.push(Finding::AuditEntry { seq: e.seq });
        }
        if let Some(p) = prev {
            if e.seq <= p.seq || (e.seq == p.seq + 1 && e.prev_hash != p.hash) {
                findings.push(Finding::AuditLink { seq: e.seq });
            }
        }
        prev = Some(e);
    }
    if let Some(last) = audit.entries.last() {
        let head = &manifest.audit_head;
        if last.seq > head.seq || (last.seq == head.seq && last.hash != head.hash) {
            findings.push(Finding::AuditHead);
        }
    }
}

/// Checks the case, its facts, steps and notes against the digests and times of their audit
/// entries, so that a part rewritten with fresh checksums still shows.
fn check_content(parsed: &Parsed, audit: &AuditPart, findings: &mut Findings) {
    let entries = &audit.entries;
    let digest_is = |e: &EntryRow, d: [u8; 32]| e.digest == hex::encode(d);
    let last_for = |kind: &str, id: &str| {
        entries
            .iter()
            .rev()
            .find(|e| e.entity_kind == kind && e.entity_id == id)
    };

    if let Some(case) = &parsed.case {
        let id = case.id.to_string();
        let of_case: Vec<&EntryRow> = entries
            .iter()
            .filter(|e| e.entity_kind == "case" && e.entity_id == id)
            .collect();
        let created = of_case.iter().find(|e| e.action == "case.create");
        // The opening record (reference, title, kind, edition) is digested by the last
        // `case.set-edition` when the case was re-pinned, else by `case.create`; the kind in
        // it is the kind at that time, which a later `case.set-kind` may have changed.
        let edition = dalil_store::Edition {
            sop: case.sop_id.clone(),
            version: case.sop_edition.clone(),
        };
        let opening = |e: &EntryRow, kind: &str| {
            digest_is(
                e,
                dalil_store::audit::case_digest(&case.reference, &case.title, kind, &edition),
            )
        };
        let repinned = of_case
            .iter()
            .rev()
            .find(|e| e.action == "case.set-edition");
        let opening_entry = repinned.or(created);
        let created_ok = created.is_some_and(|e| e.at == case.created_at)
            && opening_entry.is_some_and(|e| {
                ["trafficking", "smuggling", "both", "undetermined"]
                    .iter()
                    .any(|k| opening(e, k))
            });
        let kind_ok = match of_case.iter().rev().find(|e| e.action == "case.set-kind") {
            Some(e) => digest_is(e, chain::digest_text(&case.kind)),
            None => {
                created.is_some_and(|e| opening(e, &case.kind))
                    || repinned.is_some_and(|e| opening(e, &case.kind))
            }
        };
        let status_ok = match of_case
            .iter()
            .rev()
            .find(|e| e.action == "case.close" || e.action == "case.reopen")
        {
            Some(e) if e.action == "case.close" => {
                case.status == "closed" && case.closed_at.as_deref() == Some(e.at.as_str())
            }
            _ => case.status == "open" && case.closed_at.is_none(),
        };
        let last_ok = entries.last().is_none_or(|e| e.at == case.last_change);
        if !(created_ok && kind_ok && status_ok && last_ok) {
            findings.push(Finding::Disagrees {
                part: "case".into(),
                item: "case".into(),
            });
        }
    }

    if let Some(facts) = &parsed.facts {
        for f in facts {
            let ok = last_for("fact", &f.id).is_some_and(|e| {
                e.action == "fact.set"
                    && e.at == f.updated_at
                    && digest_is(e, chain::digest_text(&f.value))
            });
            if !ok {
                findings.push(Finding::Disagrees {
                    part: "facts".into(),
                    item: f.id.clone(),
                });
            }
        }
    }

    if let Some(steps) = &parsed.steps {
        for s in steps {
            let ok = last_for("step", &s.step).is_some_and(|e| {
                e.action == "step.set"
                    && e.at == s.updated_at
                    && digest_is(
                        e,
                        chain::digest_fields(&[&s.state, s.reason.as_deref().unwrap_or("")]),
                    )
            });
            if !ok {
                findings.push(Finding::Disagrees {
                    part: "steps".into(),
                    item: s.step.clone(),
                });
            }
        }
    }

    if let Some(notes) = &parsed.notes {
        for n in notes {
            let id = n.id.to_string();
            let of_note: Vec<&EntryRow> = entries
                .iter()
                .filter(|e| e.entity_kind == "note" && e.entity_id == id)
                .collect();
            let revisions_ok = of_note.len() == n.revisions.len()
                && of_note
                    .iter()
                    .zip(&n.revisions)
                    .enumerate()
                    .all(|(i, (e, r))| {
                        let action = match (i, &r.text) {
                            (_, None) => "note.delete",
                            (0, Some(_)) => "note.add",
                            (_, Some(_)) => "note.edit",
                        };
                        r.revision as usize == i + 1
                            && e.action == action
                            && e.at == r.created_at
                            && digest_is(e, chain::digest_text(r.text.as_deref().unwrap_or("")))
                    });
            let deleted_ok = n.deleted == n.revisions.last().is_some_and(|r| r.text.is_none());
            let subject_ok = match n.subject.as_str() {
                "step" => n.step.is_some(),
                "case" | "unknown" => n.step.is_none(),
                _ => false,
            };
            if !(revisions_ok && deleted_ok && subject_ok) {
                findings.push(Finding::Disagrees {
                    part: "notes".into(),
                    item: id,
                });
            }
        }
        // A note the audit log knows of must be in the bundle.
        for e in entries.iter().filter(|e| e.entity_kind == "note") {
            if !notes.iter().any(|n| n.id.to_string() == e.entity_id) {
                findings.push(Finding::Disagrees {
                    part: "notes".into(),
                    item: e.entity_id.clone(),
                });
            }
        }
    }

    if let Some(exhibits) = &parsed.exhibits {
        check_exhibits(exhibits, entries, findings);
    }
    if let Some(elements) = &parsed.elements {
        check_elements(elements, entries, findings);
    }
}

/// Each exhibit, custody entry and file against the entry that recorded it, and every such
/// entry against a row of the part: none may be changed, dropped or slipped in.
fn check_exhibits(exhibits: &[ExhibitRow], entries: &[EntryRow], findings: &mut Findings) {
    let entry = |action: &str, kind: &str, id: &str| {
        entries
            .iter()
            .find(|e| e.action == action && e.entity_kind == kind && e.entity_id == id)
    };
    let disagrees = |item: String| Finding::Disagrees {
        part: "exhibits".into(),
        item,
    };
    let mut known: Vec<(&str, String)> = Vec::new();
    for x in exhibits {
        let item = x.number.to_string();
        let details =
            dalil_store::ExhibitKind::parse(&x.kind).map(|kind| dalil_store::NewExhibit {
                description: x.description.clone(),
                kind,
                seized_at: x.seized_at.clone(),
                seized_where: x.seized_where.clone(),
                seized_by: x.seized_by.clone(),
                authorisation: x.authorisation.clone(),
                seal: x.seal.clone(),
            });
        let id = x.id.to_string();
        let ok = details.is_some_and(|d| {
            entry("exhibit.add", "exhibit", &id).is_some_and(|e| {
                e.at == x.registered_at
                    && e.digest == hex::encode(dalil_store::exhibit_digest(x.number, &d))
            })
        });
        if !ok {
            findings.push(disagrees(item.clone()));
        }
        known.push(("exhibit.add", id));
        for c in &x.custody {
            let entity = format!("{}/{}", x.id, c.seq);
            let ok = dalil_store::CustodyEvent::parse(&c.event).is_some_and(|event| {
                let row = dalil_store::NewCustody {
                    event,
                    at: None,
                    from: c.from.clone(),
                    to: c.to.clone(),
                    purpose: c.purpose.clone(),
                    seal_intact: c.seal_intact,
                    corrects: c.corrects,
                };
                entry("custody.add", "custody", &entity).is_some_and(|e| {
                    e.at == c.recorded_at
                        && e.digest == hex::encode(dalil_store::custody_digest(c.seq, &c.at, &row))
                })
            });
            if !ok {
                findings.push(disagrees(format!("{item}/{}", c.seq)));
            }
            known.push(("custody.add", entity));
        }
        for f in &x.files {
            let id = f.id.to_string();
            let ok = hash32(&f.sha256).is_some_and(|sha| {
                entry("attachment.add", "attachment", &id).is_some_and(|e| {
                    e.at == f.attached_at
                        && e.digest
                            == hex::encode(dalil_store::attachment_digest(
                                x.number, &f.name, f.size, &sha, f.stored,
                            ))
                })
            });
            if !ok {
                findings.push(disagrees(format!("{item}:{}", f.id)));
            }
            known.push(("attachment.add", id));
        }
    }
    for e in entries
        .iter()
        .filter(|e| ["exhibit.add", "custody.add", "attachment.add"].contains(&e.action.as_str()))
    {
        if !known
            .iter()
            .any(|(a, id)| *a == e.action && *id == e.entity_id)
        {
            findings.push(disagrees(e.entity_id.clone()));
        }
    }
}

/// Each element state against its last `element.set`, and each element's links against its
/// `element.link` and `element.unlink` entries.
fn check_elements(elements: &ElementsPart, entries: &[EntryRow], findings: &mut Findings) {
    let disagrees = |item: &str| Finding::Disagrees {
        part: "elements".into(),
        item: item.to_owned(),
    };
    for s in &elements.states {
        let ok = entries
            .iter()
            .rev()
            .find(|e| {
                e.entity_kind == "element" && e.entity_id == s.element && e.action == "element.set"
            })
            .is_some_and(|e| {
                e.at == s.updated_at
                    && e.digest
                        == hex::encode(chain::digest_fields(&[
                            &s.state,
                            s.reason.as_deref().unwrap_or(""),
                        ]))
            });
        if !ok {
            findings.push(disagrees(&s.element));
        }
    }
    for e in entries
        .iter()
        .filter(|e| e.action == "element.set")
        .filter(|e| !elements.states.iter().any(|s| s.element == e.entity_id))
    {
        findings.push(disagrees(&e.entity_id));
    }
    // A link stands when its last link or unlink entry is a link, at the time it says.
    let mut elements_named: Vec<&str> = entries
        .iter()
        .filter(|e| e.action == "element.link" || e.action == "element.unlink")
        .map(|e| e.entity_id.as_str())
        .chain(elements.links.iter().map(|l| l.element.as_str()))
        .collect();
    elements_named.sort_unstable();
    elements_named.dedup();
    for element in elements_named {
        let of: Vec<&EntryRow> = entries
            .iter()
            .filter(|e| {
                e.entity_id == element
                    && (e.action == "element.link" || e.action == "element.unlink")
            })
            .collect();
        let rows: Vec<_> = elements
            .links
            .iter()
            .filter(|l| l.element == element)
            .collect();
        let standing = |digest: &str| {
            of.iter()
                .rev()
                .find(|e| e.digest == digest)
                .is_some_and(|e| e.action == "element.link")
        };
        let mut standing_count = 0;
        let mut seen: Vec<&str> = Vec::new();
        for e in &of {
            if !seen.contains(&e.digest.as_str()) {
                seen.push(&e.digest);
                standing_count += usize::from(standing(&e.digest));
            }
        }
        let rows_ok = rows.iter().all(|l| {
            let digest = hex::encode(chain::digest_fields(&[&l.kind, &l.target]));
            of.iter()
                .rev()
                .find(|e| e.digest == digest)
                .is_some_and(|e| e.action == "element.link" && e.at == l.linked_at)
        });
        if !rows_ok || rows.len() != standing_count {
            findings.push(disagrees(element));
        }
    }
}

/// A finding in the reader's words.
pub fn describe(finding: &Finding, l10n: &Localizer) -> String {
    match finding {
        Finding::Syntax {
            line,
            column,
            within: Some(part),
        } => l10n.format(
            "bundle-finding-syntax-in",
            &[
                ("line", Arg::Num(*line as f64)),
                ("column", Arg::Num(*column as f64)),
                ("part", Arg::Str(part)),
            ],
        ),
        Finding::Syntax {
            line,
            column,
            within: None,
        } => l10n.format(
            "bundle-finding-syntax",
            &[
                ("line", Arg::Num(*line as f64)),
                ("column", Arg::Num(*column as f64)),
            ],
        ),
        Finding::Manifest => l10n.get("bundle-finding-manifest"),
        Finding::Envelope => l10n.get("bundle-finding-envelope"),
        Finding::PartAltered { part } => {
            l10n.format("bundle-finding-part-altered", &[("part", Arg::Str(part))])
        }
        Finding::PartMissing { part } => {
            l10n.format("bundle-finding-part-missing", &[("part", Arg::Str(part))])
        }
        Finding::PartUnexpected { part } => l10n.format(
            "bundle-finding-part-unexpected",
            &[("part", Arg::Str(part))],
        ),
        Finding::PartInvalid { part } => {
            l10n.format("bundle-finding-part-invalid", &[("part", Arg::Str(part))])
        }
        Finding::AuditEntry { seq } => l10n.format(
            "bundle-finding-audit-entry",
            &[("seq", Arg::Num(*seq as f64))],
        ),
        Finding::AuditLink { seq } => l10n.format(
            "bundle-finding-audit-link",
            &[("seq", Arg::Num(*seq as f64))],
        ),
        Finding::AuditHead => l10n.get("bundle-finding-audit-head"),
        Finding::Disagrees { part, item } => l10n.format(
            "bundle-finding-disagrees",
            &[("part", Arg::Str(part)), ("item", Arg::Str(item))],
        ),
    }
}

/// Why a file could not be checked, in the reader's words.
pub fn describe_unreadable(e: &Unreadable, l10n: &Localizer) -> String {
    match e {
        Unreadable::NotABundle => l10n.get("bundle-unreadable-not-a-bundle"),
        Unreadable::UnsupportedVersion { version } => l10n.format(
            "bundle-unreadable-version",
            &[("version", Arg::Num(*version as f64))],
        ),
        Unreadable::Encrypted { scheme } => l10n.format(
            "bundle-unreadable-encrypted",
            &[("scheme", Arg::Str(scheme))],
        ),
    }
}

/// An intact bundle in the reader's words.
pub fn describe_intact(summary: &Summary, l10n: &Localizer) -> String {
    l10n.format(
        "bundle-verify-intact",
        &[
            ("reference", Arg::Str(&summary.reference)),
            ("entries", Arg::Num(summary.audit_entries as f64)),
            ("length", Arg::Num(summary.head_seq as f64)),
            ("head", Arg::Str(&summary.head_hash)),
        ],
    )
}
