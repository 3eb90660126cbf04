//! Search as you type: the last word matches as a prefix at every keystroke.

use dalil_search::MAX_LIMIT;

use crate::support::{ids, search};

/// Every prefix of `word` from `from` characters on finds `step` (in any language), unless
/// the prefix is so short that it fills the most results a search returns.
fn every_prefix_finds(word: &str, from: usize, step: &str) {
    let chars: Vec<char> = word.chars().collect();
    for n in from..=chars.len() {
        let prefix: String = chars[..n].iter().collect();
        let found = ids(&search(&prefix, None, MAX_LIMIT));
        assert!(
            found.len() == MAX_LIMIT || found.iter().any(|id| id.starts_with(&format!("{step}@"))),
            "{prefix:?} does not find {step}"
        );
    }
    assert!(!ids(&search(word, None, MAX_LIMIT)).is_empty());
}

#[test]
fn every_prefix_of_an_english_word_finds_its_step() {
    // "trafficki" and "identifica" are not prefixes of the stems "traffick" and "identif":
    // they are found through the surface forms.
    every_prefix_finds("trafficking", 6, "som-rescreen-trafficking");
    every_prefix_finds("identification", 5, "chapter:identification");
    every_prefix_finds("interpreters", 5, "intake-interpreter");
    every_prefix_finds("bondage", 3, "ident-labour");
}

#[test]
fn every_prefix_of_an_arabic_word_finds_its_step() {
    every_prefix_finds("المترجمين", 5, "intake-interpreter");
    every_prefix_finds("والمترجم", 6, "intake-interpreter");
    every_prefix_finds("مترجم", 2, "intake-interpreter");
}

#[test]
fn only_the_last_word_is_a_prefix() {
    assert!(!search("interp", None, 5).hits.is_empty());
    assert!(search("interp passport", None, 5).hits.is_empty());
    assert!(!search("passport interp", None, 5).hits.is_empty());
}

#[test]
fn words_are_anded() {
    let both = ids(&search("passport interpreter", None, 200));
    let passport = ids(&search("passport", None, 200));
    let interpreter = ids(&search("interpreter", None, 200));
    assert!(!both.is_empty());
    for id in &both {
        assert!(passport.contains(id) && interpreter.contains(id), "{id}");
    }
    assert!(both.len() < passport.len() && both.len() < interpreter.len());
}

#[test]
fn a_space_after_the_last_word_finishes_it() {
    assert!(!search("interp", None, 5).hits.is_empty());
    assert!(search("interp ", None, 5).hits.is_empty());
    // A finished word still matches its other forms through its stem.
    let hits = ids(&search("interpreters ", None, 200));
    assert!(hits.contains(&"intake-interpreter@en".to_owned()));
}
