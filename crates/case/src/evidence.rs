//! The evidence register of a case: exhibits, their chain of custody and attached files, and
//! the elements each exhibit supports.

use std::io::{Read, Write};

use dalil_content::{Lang, Sop};
use dalil_store::{
    Attachment, CaseId, CustodyEntry, Exhibit, FileCheck, LinkTarget, NewCustody, NewExhibit,
    Store, hex,
};
use serde::Serialize;

use crate::{CaseError, rfc3339};

/// The register as the Evidence tab and `dalil evidence list` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Register {
    /// The case's reference, for the tab's heading.
    pub reference: String,
    /// The case's title.
    pub title: String,
    /// The exhibits, by number.
    pub exhibits: Vec<ExhibitView>,
}

/// One exhibit with its custody record and files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExhibitView {
    /// Its number in the case.
    pub number: u32,
    /// What it is.
    pub description: String,
    /// Its kind's stable word (`document`, `phone` …).
    pub kind: String,
    /// When it was seized, as given.
    pub seized_at: String,
    /// Where.
    pub seized_where: String,
    /// By whom.
    pub seized_by: String,
    /// The judicial authorisation's reference.
    pub authorisation: Option<String>,
    /// The seal's number.
    pub seal: Option<String>,
    /// When it was registered, RFC 3339.
    pub registered_at: String,
    /// The chain of custody, first entry first.
    pub custody: Vec<CustodyView>,
    /// The attached files.
    pub files: Vec<FileView>,
    /// The elements it is linked to: id and name.
    pub elements: Vec<(String, String)>,
}

/// One custody entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustodyView {
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
    /// When it was written, RFC 3339.
    pub recorded_at: String,
}

/// One attached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileView {
    /// The attachment's id.
    pub id: i64,
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256 in hex.
    pub sha256: String,
    /// Whether its bytes are kept in the case file.
    pub stored: bool,
    /// When it was attached, RFC 3339.
    pub attached_at: String,
}

impl From<&CustodyEntry> for CustodyView {
    fn from(c: &CustodyEntry) -> Self {
        CustodyView {
            seq: c.seq,
            event: c.entry.event.as_str().to_owned(),
            at: c.entry.at.clone().unwrap_or_default(),
            from: c.entry.from.clone(),
            to: c.entry.to.clone(),
            purpose: c.entry.purpose.clone(),
            seal_intact: c.entry.seal_intact,
            corrects: c.entry.corrects,
            recorded_at: rfc3339(c.recorded_at),
        }
    }
}

impl From<&Attachment> for FileView {
    fn from(a: &Attachment) -> Self {
        FileView {
            id: a.id,
            name: a.name.clone(),
            size: a.size,
            sha256: hex(&a.sha256),
            stored: a.stored,
            attached_at: rfc3339(a.created_at),
        }
    }
}

/// The register of a case, in `lang` (for the elements' names).
pub fn register(store: &Store, sop: &Sop, lang: Lang, case: CaseId) -> Result<Register, CaseError> {
    let links = store.element_links(case)?;
    let mut exhibits = Vec::new();
    for Exhibit {
        number,
        details,
        created_at,
        ..
    } in store.exhibits(case)?
    {
        let custody = store.custody(case, number)?;
        let files = store.attachments(case, number)?;
        let elements = links
            .iter()
            .filter(|l| l.target == LinkTarget::Exhibit(number))
            .map(|l| {
                let name = sop
                    .element(&l.element)
                    .map_or_else(|| l.element.clone(), |(_, e)| e.name.get(lang).to_owned());
                (l.element.clone(), name)
            })
            .collect();
        exhibits.push(ExhibitView {
            number,
            description: details.description,
            kind: details.kind.as_str().to_owned(),
            seized_at: details.seized_at,
            seized_where: details.seized_where,
            seized_by: details.seized_by,
            authorisation: details.authorisation,
            seal: details.seal,
            registered_at: rfc3339(created_at),
            custody: custody.iter().map(CustodyView::from).collect(),
            files: files.iter().map(FileView::from).collect(),
            elements,
        });
    }
    let case = store.case(case)?;
    Ok(Register {
        reference: case.reference,
        title: case.title,
        exhibits,
    })
}

/// One exhibit of the register.
pub fn exhibit(
    store: &Store,
    sop: &Sop,
    lang: Lang,
    case: CaseId,
    number: u32,
) -> Result<ExhibitView, CaseError> {
    register(store, sop, lang, case)?
        .exhibits
        .into_iter()
        .find(|e| e.number == number)
        .ok_or(CaseError::Store(dalil_store::StoreError::NotFound {
            entity: "exhibit",
            id: number.to_string(),
        }))
}

/// Registers an exhibit and links it to the elements given, in one transaction. Returns its
/// number.
pub fn add_exhibit(
    store: &mut Store,
    sop: &Sop,
    case: CaseId,
    new: &NewExhibit,
    elements: &[String],
) -> Result<u32, CaseError> {
    for e in elements {
        if sop.element(e).is_none() {
            return Err(CaseError::UnknownElement(e.clone()));
        }
    }
    let trimmed = NewExhibit {
        description: new.description.trim().to_owned(),
        kind: new.kind,
        seized_at: new.seized_at.trim().to_owned(),
        seized_where: new.seized_where.trim().to_owned(),
        seized_by: new.seized_by.trim().to_owned(),
        authorisation: optional(&new.authorisation),
        seal: optional(&new.seal),
    };
    Ok(store.batch(|b| {
        let number = b.add_exhibit(case, &trimmed)?;
        for e in elements {
            b.link_element(case, e, &LinkTarget::Exhibit(number))?;
        }
        Ok(number)
    })?)
}

fn optional(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Appends a custody entry to an exhibit and returns its number.
pub fn add_custody(
    store: &mut Store,
    case: CaseId,
    number: u32,
    entry: &NewCustody,
) -> Result<u32, CaseError> {
    let trimmed = NewCustody {
        event: entry.event,
        at: optional(&entry.at),
        from: entry.from.trim().to_owned(),
        to: entry.to.trim().to_owned(),
        purpose: entry.purpose.trim().to_owned(),
        seal_intact: entry.seal_intact,
        corrects: entry.corrects,
    };
    Ok(store.batch(|b| b.add_custody(case, number, &trimmed))?)
}

/// Attaches a file, read from `reader`, to an exhibit. `keep` stores its bytes in the case
/// file too; otherwise only its name, size and SHA-256 are kept.
pub fn attach(
    store: &mut Store,
    case: CaseId,
    number: u32,
    name: &str,
    reader: &mut dyn Read,
    keep: bool,
) -> Result<FileView, CaseError> {
    let a = store.attach(case, number, name, reader, keep)?;
    Ok(FileView::from(&a))
}

/// What re-checking an attached file found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileCheckView {
    /// The attachment checked.
    pub file: FileView,
    /// Whether the bytes read match.
    pub matches: bool,
    /// The size read.
    pub size: u64,
    /// The SHA-256 read, in hex.
    pub sha256: String,
}

/// Re-checks an attachment: against `reader` (the file on disk) when one is given, else
/// against its bytes kept in the case file.
pub fn check_file(
    store: &Store,
    case: CaseId,
    number: u32,
    attachment: i64,
    reader: Option<&mut dyn Read>,
) -> Result<FileCheckView, CaseError> {
    let a = store.attachment(case, number, attachment)?;
    let found = match reader {
        Some(r) => store.check_file(&a, r)?,
        None => store.check_stored(&a)?,
    };
    let (matches, size, sha) = match found {
        FileCheck::Matches => (true, a.size, a.sha256),
        FileCheck::Differs { size, sha256 } => (false, size, sha256),
    };
    Ok(FileCheckView {
        file: FileView::from(&a),
        matches,
        size,
        sha256: hex(&sha),
    })
}

/// Writes the bytes kept in the case file for an attachment to `out`, and returns its view.
/// `NotFound` when only its digest was kept.
pub fn write_file(
    store: &Store,
    case: CaseId,
    number: u32,
    attachment: i64,
    out: &mut dyn Write,
) -> Result<FileView, CaseError> {
    let a = store.attachment(case, number, attachment)?;
    store.write_stored(&a, out)?;
    Ok(FileView::from(&a))
}
