//! Full-text search over the SOP and the case notes.
//!
//! Text is normalized in Rust by `dalil-normalize` before SQLite sees it: each FTS5 row holds
//! normalized words joined by spaces, read by FTS5's `ascii` tokenizer, which splits on those
//! spaces and nothing else. SQLite's `unicode61` tokenizer is not used, because it splits
//! vocalized Arabic into single letters.
//!
//! Each text is indexed twice: its *stems* (folded and stemmed words), which whole query
//! words match, and its *surface* (folded words, unstemmed), which the last query word also
//! matches as a prefix. Without the surface, a word typed half way through its suffix
//! ("interpreti", on the way from "interpret" to "interpreting") would match nothing for a
//! keystroke or two, since its stem is not a prefix of any indexed stem.
//!
//! *Architecture invariant:* no user input reaches FTS5's query syntax. [`Query::parse`]
//! keeps only normalized words (letters and digits) and the MATCH expression is built here,
//! each word quoted. Over-long input and control characters are refused with a typed error.
//!
//! - [`SopIndex`]: an in-memory index of the SOP, both languages, steps and chapters.
//! - [`notes`]: the functions the case store calls to keep a notes index in its own
//!   encrypted database, in the same transaction as the note.
//! - [`Highlighted`]: a snippet of the original text with the matched words marked.

mod error;
mod highlight;
mod limits;
pub mod notes;
mod prebuilt;
mod query;
mod sop;
mod text;

pub use error::SearchError;
pub use highlight::Highlighted;
pub use limits::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};
pub use query::{Query, QueryWord};
pub use sop::{
    ChapterGroup, DEFAULT_LIMIT, EntryGroup, Hit, MAX_LIMIT, SearchOptions, SearchResults, SopIndex,
};
