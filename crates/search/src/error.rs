//! The search error type.

use crate::limits::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};

/// Why a search or an index update failed.
///
/// The messages never hold the query or any note text: a query may name a victim.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// The query is longer than [`MAX_QUERY_CHARS`] characters.
    #[error("the query is longer than {max} characters")]
    QueryTooLong {
        /// The limit, [`MAX_QUERY_CHARS`].
        max: usize,
    },
    /// The query has more than [`MAX_QUERY_WORDS`] words.
    #[error("the query has more than {max} words")]
    TooManyWords {
        /// The limit, [`MAX_QUERY_WORDS`].
        max: usize,
    },
    /// The query holds a control character other than a tab or a line break.
    #[error("the query holds a control character")]
    ControlCharacter,
    /// SQLite failed while building or updating an index. A query never causes this: it
    /// reaches FTS5 only as quoted words.
    #[error("the search index failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Bytes given as a prebuilt SOP index are not one, or are of another version.
    #[error("the prebuilt search index cannot be read")]
    BadPrebuilt,
}

impl SearchError {
    /// A stable code for the error, for the UI to match on.
    pub fn code(&self) -> &'static str {
        match self {
            SearchError::QueryTooLong { .. } => "query-too-long",
            SearchError::TooManyWords { .. } => "query-too-many-words",
            SearchError::ControlCharacter => "query-control-character",
            SearchError::Sqlite(_) => "search-index-failed",
            SearchError::BadPrebuilt => "search-index-bad-prebuilt",
        }
    }

    /// The error for a query over [`MAX_QUERY_CHARS`].
    pub(crate) fn too_long() -> Self {
        SearchError::QueryTooLong {
            max: MAX_QUERY_CHARS,
        }
    }

    /// The error for a query over [`MAX_QUERY_WORDS`].
    pub(crate) fn too_many_words() -> Self {
        SearchError::TooManyWords {
            max: MAX_QUERY_WORDS,
        }
    }
}
