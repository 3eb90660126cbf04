//! The limits on a query: input over them is refused, never cut. Apart from the query and
//! its error so that each of those can name them without importing the other.

/// The longest query accepted, in characters. Longer input is refused, not cut.
pub const MAX_QUERY_CHARS: usize = 256;

/// The most words a query may have.
pub const MAX_QUERY_WORDS: usize = 32;
