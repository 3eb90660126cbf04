//! The SOP content model: loading, validating and rendering Dalil's bilingual SOP.
//!
//! The pipeline has three separate steps with plain data between them, as in mdBook:
//! 1. [`Files`] holds the raw bytes of a content folder. Where they come from (a folder on disk,
//!    or the copy embedded in the binary) is the caller's business: this crate does no IO.
//! 2. [`load`] turns the files into a [`Sop`] and a list of [`Diagnostic`]s. It never panics
//!    and never stops at the first problem. Most diagnostics are errors; a few, such as a
//!    name the glossary says to avoid, are warnings ([`Severity`]) that do not fail validation.
//! 3. [`render::render_chapter`] turns one chapter into sanitized HTML.
//!
//! The training scenarios (`training/`) are content too: [`load`] reads and checks them with
//! the chapters, into [`Sop::training`] (see [`training`]).

pub mod condition;
pub mod diagnostic;
pub mod diff;
pub mod elements;
pub mod glossary;
pub mod ids;
pub mod lang;
mod load;
pub mod manifest;
pub mod markdown;
pub mod model;
pub mod render;
pub mod training;
mod variants;

pub use diagnostic::{Args, Code, Diagnostic, Message, Severity, error_count};
pub use lang::Lang;
pub use load::{Files, load};
pub use model::{Chapter, ChapterText, Heading, Sop, Step};
