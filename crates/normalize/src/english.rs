//! English stemming: the Snowball English stemmer (Porter2), from the `rust-stemmers` crate.
//!
//! Snowball is the reference algorithm that search engines use for English; `rust-stemmers`
//! is its pure-Rust port (no C to build), generated from the Snowball sources and used by
//! several Rust search engines, so its output matches what readers of other search tools
//! expect. It runs on a word already folded to lower case without diacritics.

use rust_stemmers::{Algorithm, Stemmer};

/// Stems a folded English word with Snowball English.
///
/// ```
/// use dalil_normalize::english::stem;
/// assert_eq!(stem("interpreters"), "interpret");
/// assert_eq!(stem("bondage"), "bondag");
/// ```
pub fn stem(word: &str) -> String {
    // Creating a stemmer only picks a function; it allocates nothing.
    Stemmer::create(Algorithm::English).stem(word).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_inflections_to_one_form() {
        for w in ["interpreter", "interpreters", "interpreting", "interpreted"] {
            assert_eq!(stem(w), "interpret", "{w}");
        }
        assert_eq!(stem("trafficking"), stem("trafficked"));
        assert_eq!(stem("victims"), "victim");
    }

    #[test]
    fn removes_the_possessive() {
        assert_eq!(stem("victim's"), "victim");
    }

    #[test]
    fn leaves_short_words() {
        assert_eq!(stem("a"), "a");
        assert_eq!(stem("id"), "id");
    }
}
