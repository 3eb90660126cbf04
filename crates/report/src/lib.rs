//! The case report and the case bundle: what leaves the officer's computer about a case.
//!
//! - [`render_html`] turns a case into one self-contained HTML file, in Arabic, English or
//!   both side by side, that prints on A4 and loads nothing from anywhere.
//! - [`write_bundle`] turns a case into a checksummed JSON file for handing to the
//!   directorate, and [`verify_bundle`] says whether such a file is intact and, if not, what
//!   in it was changed.
//!
//! *Invariant:* no IO. The caller reads the case from the store into a [`CaseRecord`] and
//! writes the bytes this crate returns; this crate reads no file, no database and no clock.
//! Everything shown in the report is escaped text: notes are never interpreted as HTML.

pub mod bundle;
pub mod chain;
pub mod data;
mod fonts;
mod html;
pub mod timefmt;
pub mod verify;

pub use bundle::{Manifest, Parts, write_bundle};
pub use data::{AuditLink, CaseRecord, ChainState, NoteHistory, NoteSubject};
pub use html::render_html;
pub use verify::{Finding, Summary, Unreadable, Verdict, verify_bundle};
