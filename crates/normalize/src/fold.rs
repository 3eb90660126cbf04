//! Character folding: step 1 of normalization, described in the crate documentation.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The Arabic tatweel (kashida), a stretching stroke with no meaning.
pub(crate) const TATWEEL: char = '\u{0640}';
/// Zero-width non-joiner and joiner, used inside Persian and Kurdish words.
pub(crate) const ZWNJ: char = '\u{200C}';
/// See [`ZWNJ`].
pub(crate) const ZWJ: char = '\u{200D}';

/// Folds one word without stemming: compatibility decomposition, lower case, no combining
/// marks (tashkeel, hamza and madda marks, Latin accents), no tatweel, the Arabic letter
/// variants and digits folded, and only alphanumeric characters kept.
///
/// ```
/// assert_eq!(dalil_normalize::fold_word("الضَّحِيَّة"), "الضحيه");
/// assert_eq!(dalil_normalize::fold_word("Éléphant"), "elephant");
/// assert_eq!(dalil_normalize::fold_word("٢٨"), "28");
/// ```
pub fn fold_word(word: &str) -> String {
    let mut out = fold_keeping_apostrophes(word);
    out.retain(|c| c != '\'');
    out
}

/// [`fold_word`], except that apostrophes stay, for the English stemmer (`victim's`).
pub(crate) fn fold_keeping_apostrophes(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        if let Some(f) = fold_common(c) {
            out.extend(f);
            continue;
        }
        decompose_compatible(c, |d| {
            for l in d.to_lowercase() {
                if let Some(f) = fold_char(l) {
                    out.push(f);
                }
            }
        });
    }
    out
}

/// The fold of ASCII and of the basic Arabic letters, which make up nearly all of the SOP
/// and of the notes, without the cost of a decomposition: `Some(None)` drops the character,
/// `None` leaves it to the general path. It gives what the general path gives (a test checks
/// every character it handles).
fn fold_common(c: char) -> Option<Option<char>> {
    match c {
        'A'..='Z' => Some(Some(c.to_ascii_lowercase())),
        'a'..='z' | '0'..='9' => Some(Some(c)),
        '\0'..='\x7F' => Some(None),
        // The hamza forms decompose into a letter and a hamza or madda mark.
        'آ' | 'أ' | 'إ' => Some(Some('ا')),
        'ؤ' => Some(Some('و')),
        'ئ' => Some(Some('ي')),
        '\u{0621}'..='\u{064A}' | '\u{064B}'..='\u{0652}' | '\u{0660}'..='\u{0669}' => {
            Some(fold_char(c))
        }
        _ => None,
    }
}

/// Whether `c` is an apostrophe that may stand inside an English word.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Folds one decomposed, lower-cased character; `None` drops it.
fn fold_char(c: char) -> Option<char> {
    if is_combining_mark(c) || matches!(c, TATWEEL | ZWNJ | ZWJ) {
        return None;
    }
    let folded = match c {
        // Alef wasla does not decompose; the other hamza and madda forms already have.
        'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        // Persian yeh and keheh, as typed on Kurdish and Persian keyboards.
        '\u{06CC}' => 'ي',
        '\u{06A9}' => 'ك',
        '\u{0660}'..='\u{0669}' => ascii_digit(c, 0x0660),
        '\u{06F0}'..='\u{06F9}' => ascii_digit(c, 0x06F0),
        c => c,
    };
    folded.is_alphanumeric().then_some(folded)
}

/// The ASCII digit for a digit of a block of ten that starts at `zero`.
fn ascii_digit(c: char, zero: u32) -> char {
    char::from_digit(u32::from(c) - zero, 10).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_folds_as_the_general_path_does() {
        for c in (0..=0x0700u32).filter_map(char::from_u32) {
            let Some(fast) = fold_common(c) else {
                continue;
            };
            let mut general = String::new();
            decompose_compatible(c, |d| {
                for l in d.to_lowercase() {
                    general.extend(fold_char(l));
                }
            });
            assert_eq!(
                fast.map(String::from).unwrap_or_default(),
                general,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn strips_every_tashkeel_mark() {
        // Fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun.
        for mark in '\u{064B}'..='\u{0652}' {
            assert_eq!(
                fold_word(&format!("ب{mark}ر")),
                "بر",
                "U+{:04X}",
                mark as u32
            );
        }
        assert_eq!(fold_word("الضَّحِيَّةُ"), "الضحيه");
    }

    #[test]
    fn strips_the_superscript_alef() {
        assert_eq!(fold_word("هٰذا"), "هذا");
    }

    #[test]
    fn strips_the_tatweel() {
        assert_eq!(fold_word("الضـــحية"), "الضحيه");
        assert_eq!(fold_word("ـــ"), "");
    }

    #[test]
    fn folds_alef_with_hamza_above() {
        assert_eq!(fold_word("أشخاص"), "اشخاص");
    }

    #[test]
    fn folds_alef_with_hamza_below() {
        assert_eq!(fold_word("إيواء"), "ايواء");
    }

    #[test]
    fn folds_alef_with_madda() {
        assert_eq!(fold_word("آلية"), "اليه");
    }

    #[test]
    fn folds_alef_wasla() {
        assert_eq!(fold_word("ٱلضحية"), "الضحيه");
    }

    #[test]
    fn folds_hamza_forms_written_as_a_letter_and_a_combining_mark() {
        // An alef followed by U+0654 (hamza above) is the same as أ.
        assert_eq!(fold_word("\u{0627}\u{0654}شخاص"), "اشخاص");
    }

    #[test]
    fn folds_alef_maksura_to_yeh() {
        assert_eq!(fold_word("مستشفى"), "مستشفي");
    }

    #[test]
    fn folds_ta_marbuta_to_heh() {
        assert_eq!(fold_word("ضحية"), "ضحيه");
    }

    #[test]
    fn folds_waw_with_hamza() {
        assert_eq!(fold_word("مسؤول"), "مسوول");
    }

    #[test]
    fn folds_yeh_with_hamza() {
        assert_eq!(fold_word("جرائم"), "جرايم");
    }

    #[test]
    fn folds_persian_yeh_and_keheh() {
        assert_eq!(fold_word("ضحیه"), "ضحيه");
        assert_eq!(fold_word("کتاب"), "كتاب");
    }

    #[test]
    fn folds_arabic_indic_digits() {
        assert_eq!(fold_word("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    }

    #[test]
    fn folds_eastern_arabic_indic_digits() {
        assert_eq!(fold_word("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    }

    #[test]
    fn folds_arabic_presentation_forms() {
        assert_eq!(fold_word("ﻻ"), "لا");
        assert_eq!(fold_word("ﺍﻟﻀﺤﻴﺔ"), "الضحيه");
    }

    #[test]
    fn folds_case() {
        assert_eq!(fold_word("VICTIM"), "victim");
        assert_eq!(fold_word("ÉTÉ"), "ete");
    }

    #[test]
    fn folds_latin_diacritics() {
        assert_eq!(fold_word("é"), "e");
        assert_eq!(fold_word("naïve"), "naive");
        assert_eq!(fold_word("refoulement"), fold_word("réfoulement"));
        // A decomposed accent folds the same as a precomposed one.
        assert_eq!(fold_word("e\u{0301}"), "e");
    }

    #[test]
    fn drops_joiners_and_anything_not_alphanumeric() {
        assert_eq!(fold_word("می\u{200C}خواهم"), "ميخواهم");
        assert_eq!(fold_word("a-b"), "ab");
        assert_eq!(fold_word("\u{0}\u{7}"), "");
    }
}
