//! The case report and the case bundle: what leaves the officer's computer about a case.
//!
//! - [`render_html`] turns a case into one self-contained HTML file, in Arabic, English or
//!   both side by side, that prints on A4 and loads nothing from anywhere.
//! - [`write_bundle`] turns a case into a checksummed JSON file for handing to the
//!   directorate, and [`verify_bundle`] says whether such a file is intact and, if not, what
//!   in it was changed.
//!
//! - [`read_case`] reads a case out of an unlocked store into a [`CaseRecord`].
//!
//! *Invariant:* no IO of its own. The case is read only through the [`dalil_store::Store`]
//! the caller hands to [`read_case`]; the caller writes the bytes this crate returns. This
//! crate opens no file and reads no clock.
//! Everything shown in the report is escaped text: notes are never interpreted as HTML.

pub mod bundle;
pub mod chain;
pub mod data;
mod fonts;
mod html;
pub mod read;
pub mod timefmt;
pub mod verify;

pub use bundle::{Manifest, Parts, write_bundle};
pub use data::{AuditLink, CaseRecord, ChainState, ExhibitRecord, NoteHistory, NoteSubject};
pub use html::render_html;
pub use read::read_case;
pub use verify::{Finding, Summary, Unreadable, Verdict, verify_bundle};

/// What a case's history calls an export: `report-ar`, `report-ar-en` for a report in those
/// languages, `bundle` for a bundle (no languages).
pub fn export_name(report_langs: Option<&[dalil_content::Lang]>) -> String {
    match report_langs {
        Some(langs) => {
            let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
            format!("report-{}", codes.join("-"))
        }
        None => "bundle".to_owned(),
    }
}
