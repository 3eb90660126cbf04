//! Text normalization for search: the same functions run when text is indexed and when a
//! query is typed, so that spelling variants meet on one form.
//!
//! *Architecture invariant:* pure functions, no IO, no state. SQLite never sees raw text:
//! its FTS5 tokenizer (`unicode61`) splits vocalized Arabic into single letters, so search
//! hands it the normalized words of this crate, joined by spaces.
//!
//! A word goes through two steps:
//!
//! 1. **Folding** ([`fold_word`]), character by character, in this order:
//!    - compatibility decomposition (Unicode NFKD), which turns Arabic presentation forms
//!      (`ﻻ`, `ﺍ`) into plain letters, `ﬁ` into `fi` and `é` into `e` + a combining accent;
//!    - lower case ([`char::to_lowercase`]);
//!    - every combining mark (General Category M) is dropped. This strips the Arabic tashkeel
//!      (U+064B–U+0652: tanween, fatha, damma, kasra, shadda, sukun), the superscript alef
//!      (U+0670), the madda and hamza marks (U+0653–U+0655), and Latin diacritics (é→e).
//!      Because the hamza forms decompose into a letter and a hamza mark, this also folds
//!      أ (U+0623), إ (U+0625) and آ (U+0622) to ا, ؤ (U+0624) to و and ئ (U+0626) to ي;
//!    - the tatweel (U+0640) and the zero-width (non-)joiners (U+200C, U+200D) are dropped;
//!    - ٱ (alef wasla, U+0671) becomes ا, ى (alef maksura, U+0649) becomes ي, ة (ta marbuta,
//!      U+0629) becomes ه; the Persian yeh ی (U+06CC) and keheh ک (U+06A9), which Kurdish and
//!      Persian keyboards in Iraq type for ي and ك, become ي and ك;
//!    - Arabic-Indic digits (٠–٩, U+0660–U+0669) and Eastern Arabic-Indic digits (۰–۹,
//!      U+06F0–U+06F9) become ASCII digits;
//!    - anything that is then not alphanumeric is dropped (an apostrophe inside an English
//!      word is kept only until the English stemmer has seen it).
//! 2. **Stemming** ([`normalize_word`]): a word with an Arabic letter goes through the light
//!    Arabic stemmer ([`arabic::stem`]); a word of ASCII letters goes through the Snowball
//!    English stemmer ([`english::stem`]); any other word (digits, other scripts) is left
//!    folded.
//!
//! [`tokens`] splits a text into words and keeps each word's byte range in the original
//! text, with both forms: `folded` (step 1, used to match a word still being typed) and
//! `norm` (steps 1 and 2, used to match whole words).

pub mod arabic;
pub mod english;
mod fold;
mod tokenize;

pub use fold::fold_word;
pub use tokenize::{Token, Tokens, tokens};

/// Folds and stems one word: the form under which it is indexed and searched.
///
/// The result holds only alphanumeric characters, and is empty when the word has none.
pub fn normalize_word(word: &str) -> String {
    let folded = fold::fold_keeping_apostrophes(word);
    stem_folded(&folded)
}

/// Stems a word already folded by [`fold::fold_keeping_apostrophes`].
fn stem_folded(folded: &str) -> String {
    if folded.chars().any(arabic::is_arabic_letter) {
        arabic::stem(&folded.replace('\'', ""))
    } else if !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        english::stem(folded).replace('\'', "")
    } else {
        folded.replace('\'', "")
    }
}

/// The normalized words of `text`, joined by single spaces: what the index stores.
pub fn normalize_text(text: &str) -> String {
    join(tokens(text).map(|t| t.norm))
}

/// The folded (unstemmed) words of `text`, joined by single spaces.
pub fn fold_text(text: &str) -> String {
    join(tokens(text).map(|t| t.folded))
}

fn join(words: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as ASCII, everything else kept,
/// the whole trimmed: for identifiers an officer types, such as case references, where the
/// text must stay as typed but the digits must compare equal whatever keyboard typed them.
pub fn ascii_digits(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10).unwrap_or(c),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10).unwrap_or(c),
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_digits_keeps_the_text_and_folds_only_digits() {
        assert_eq!(super::ascii_digits(" BGD-٢٠٢٤-٠١٧ "), "BGD-2024-017");
        assert_eq!(super::ascii_digits("۱۲۳"), "123");
        assert_eq!(super::ascii_digits("ك-12"), "ك-12");
    }

    use super::*;

    #[test]
    fn arabic_words_are_folded_then_stemmed() {
        assert_eq!(normalize_word("الضَّحِيَّة"), normalize_word("ضحيه"));
        assert_eq!(normalize_word("الاتجار"), "اتجار");
    }

    #[test]
    fn english_words_are_case_folded_diacritic_folded_then_stemmed() {
        assert_eq!(normalize_word("Interpreters"), "interpret");
        assert_eq!(normalize_word("Café"), normalize_word("cafe"));
        assert_eq!(normalize_word("victim's"), "victim");
    }

    #[test]
    fn digits_and_other_scripts_are_only_folded() {
        assert_eq!(normalize_word("٢٠١٢"), "2012");
        assert_eq!(normalize_word("ПРИВЕТ"), "привет");
    }

    #[test]
    fn apostrophes_never_reach_the_index() {
        assert_eq!(normalize_word("O'Brien"), "obrien");
        assert_eq!(fold_word("O’Brien"), "obrien");
    }

    #[test]
    fn normalize_text_joins_words_with_single_spaces() {
        assert_eq!(
            normalize_text("  Debt-bondage,\tand الضحايا!  "),
            "debt bondag and ضحا"
        );
        assert_eq!(fold_text("Debt-bondage"), "debt bondage");
        assert_eq!(normalize_text(" ,.; "), "");
    }

    #[test]
    fn normalized_words_hold_only_alphanumerics() {
        for w in ["⑴", "½", "a\u{301}", "ﷲ", "ﻻ", "«x»"] {
            let n = normalize_word(w);
            assert!(n.chars().all(char::is_alphanumeric), "{w} -> {n}");
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Arabic words of the SOP, with their article and clitics.
        const WORDS: &[&str] = &[
            "الضحية",
            "والمترجمين",
            "الأشخاص",
            "بالاتجار",
            "مسؤول",
            "إيواء",
            "آلية",
            "المستشفى",
            "جرائم",
            "للطفل",
            "شفويًا",
        ];

        proptest! {
            #[test]
            fn tokens_are_slices_of_the_text_in_order(text in any::<String>()) {
                let mut end = 0;
                for t in tokens(&text) {
                    prop_assert!(t.range.start >= end && t.range.end > t.range.start);
                    prop_assert_eq!(text.get(t.range.clone()), Some(t.text));
                    prop_assert!(!t.norm.is_empty());
                    prop_assert!(t.norm.chars().all(char::is_alphanumeric), "{}", t.norm);
                    prop_assert!(t.folded.chars().all(char::is_alphanumeric), "{}", t.folded);
                    end = t.range.end;
                }
            }

            #[test]
            fn folding_is_idempotent(word in any::<String>()) {
                let once = fold_word(&word);
                prop_assert_eq!(fold_word(&once), once);
            }

            #[test]
            fn tashkeel_and_tatweel_anywhere_change_nothing(
                word in prop::sample::select(WORDS.to_vec()),
                marks in prop::collection::vec(
                    prop::sample::select(vec![
                        '\u{064B}', '\u{064C}', '\u{064D}', '\u{064E}', '\u{064F}', '\u{0650}',
                        '\u{0651}', '\u{0652}', '\u{0670}', '\u{0640}',
                    ]),
                    20,
                ),
                every in 1usize..4,
            ) {
                // A mark after every `every`-th letter (a tatweel joins letters, so it is
                // only put between them).
                let mut vocalized = String::new();
                let letters: Vec<char> = word.chars().collect();
                for (i, c) in letters.iter().enumerate() {
                    vocalized.push(*c);
                    let mark = marks[i % marks.len()];
                    if i % every == 0 && (mark != '\u{0640}' || i + 1 < letters.len()) {
                        vocalized.push(mark);
                    }
                }
                prop_assert_eq!(normalize_word(&vocalized), normalize_word(word));
                let words: Vec<String> = tokens(&vocalized).map(|t| t.norm).collect();
                prop_assert_eq!(words, vec![normalize_word(word)]);
            }
        }
    }
}
