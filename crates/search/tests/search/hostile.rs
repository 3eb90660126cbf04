//! Hostile queries: FTS5 syntax, quotes, control characters and very long input give
//! results or a typed error, never an SQL error or a panic.

use dalil_search::{SearchError, SearchOptions};
use proptest::prelude::*;

use crate::support::index;

/// FTS5's syntax characters and keywords.
const SYNTAX: &[&str] = &[
    "\"", "*", "^", ":", "(", ")", "-", "+", "{", "}", "NEAR", "AND", "OR", "NOT", "'", "\\", ",",
    ".", "[", "]", "$", "@", "#", "%", "&", "|", ";", "=", "<", ">", "?", "!", "/", "`", "~",
    "NEAR/3",
];

/// Searches and checks that the outcome is results or one of the query errors.
fn survives(query: &str) -> Result<usize, String> {
    match index().search(query, &SearchOptions::default()) {
        Ok(results) => Ok(results.hits.len()),
        Err(
            SearchError::QueryTooLong { .. }
            | SearchError::TooManyWords { .. }
            | SearchError::ControlCharacter,
        ) => Ok(0),
        Err(e) => Err(format!("{query:?}: {e}")),
    }
}

fn assert_survives(query: &str) {
    if let Err(e) = survives(query) {
        panic!("{e}");
    }
}

#[test]
fn every_syntax_character_alone() {
    for s in SYNTAX {
        assert_survives(s);
        if !s.chars().any(char::is_alphanumeric) {
            // Punctuation alone is an empty query, which finds nothing.
            assert_eq!(survives(s), Ok(0), "{s}");
        }
    }
}

#[test]
fn syntax_characters_in_combinations() {
    for a in SYNTAX {
        for b in SYNTAX {
            assert_survives(&format!("{a}{b}"));
            assert_survives(&format!("victim {a}{b}"));
            assert_survives(&format!("{a}الضحية{b} {a}"));
            assert_survives(&format!("{a} interpreter {b} مترجم"));
        }
    }
    for q in [
        "victim AND interpreter",
        "victim OR",
        "NOT victim",
        "victim NEAR(interpreter)",
        "NEAR(\"a\" \"b\", 2)",
        "title:victim",
        "{title body}: victim",
        "- victim",
        "^victim",
        "victim*",
        "*victim",
        "\"victim",
        "victim\"",
        "\"\"\"",
        "'victim",
        "(((victim",
        "victim)))",
        "{",
        "body:",
        "sop MATCH 'x'; DROP TABLE sop; --",
        "\u{202E}victim\u{202C}",
        "\u{FEFF}\u{200F}",
    ] {
        assert_survives(q);
    }
}

#[test]
fn fts5_operators_are_searched_as_words() {
    // "OR" is not an operator: a query with it finds only texts that have the word "or".
    let with = survives("victim OR interpreter").unwrap_or(0);
    let without = survives("victim interpreter").unwrap_or(0);
    assert!(with <= without);
}

#[test]
fn unbalanced_quotes_are_separators() {
    assert_eq!(survives("\"interpreter"), survives("interpreter"));
    assert_eq!(survives("interpreter\""), survives("interpreter"));
    assert_eq!(survives("\"\"interpreter\"\"\""), survives("interpreter"));
}

#[test]
fn very_long_input_is_refused_with_a_typed_error() {
    let search = |q: &str| index().search(q, &SearchOptions::default());
    for long in [
        "a".repeat(10_000),
        "الضحية ".repeat(2_000),
        "\"".repeat(10_000),
        "*".repeat(257),
    ] {
        assert!(matches!(
            search(&long),
            Err(SearchError::QueryTooLong { max: 256 })
        ));
    }
    assert!(matches!(
        search(&"w ".repeat(33)),
        Err(SearchError::TooManyWords { max: 32 })
    ));
}

#[test]
fn nul_and_control_characters_are_refused_with_a_typed_error() {
    let search = |q: &str| index().search(q, &SearchOptions::default());
    for q in [
        "\0",
        "victim\0",
        "\0victim",
        "a\u{1}b",
        "\u{1b}[2J",
        "\u{7f}",
        "\u{9b}",
    ] {
        assert!(
            matches!(search(q), Err(SearchError::ControlCharacter)),
            "{q:?}"
        );
    }
    // Tabs and line breaks are whitespace.
    assert!(search("victim\tinterpreter\r\n").is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_gives_results_or_a_typed_error(query in any::<String>()) {
        prop_assert_eq!(survives(&query).err(), None);
    }

    #[test]
    fn any_mix_of_syntax_and_words_gives_results_or_a_typed_error(
        parts in prop::collection::vec(
            prop_oneof![
                prop::sample::select(SYNTAX.to_vec()).prop_map(str::to_owned),
                prop::sample::select(vec!["victim", "الضحية", "interp", "مترج", "٢٠١٢", " ", "ـ", "\u{064E}"])
                    .prop_map(str::to_owned),
            ],
            0..40,
        )
    ) {
        prop_assert_eq!(survives(&parts.concat()).err(), None);
    }
}
