//! The light Arabic stemmer: strips clitic prefixes and common suffixes, with guards on
//! length so that short roots survive.
//!
//! It runs on a word already folded (see the crate documentation: no tashkeel, ا for every
//! alef form, ي for ى, ه for ة). Lengths count letters (characters). The rules, in order:
//!
//! 1. **Article.** If the word starts with one of `وبال وكال فبال فكال ولل فلل وال فال بال
//!    كال لل ال` (the longest that matches) and at least 2 letters remain, that prefix is
//!    removed. This is done at most twice, so that `الالتزام` and `التزام` meet.
//! 2. **Conjunction.** If the word then starts with و and at least 3 letters remain, or with
//!    ف and at least 4 letters remain, that letter is removed.
//! 3. **Preposition.** If the word then starts with ب, ك or ل and at least 4 letters remain,
//!    that letter is removed.
//! 4. **Suffixes**, two passes. Each pass removes the longest of `ها هم هن كم كن نا ات ون ين
//!    ان يه ه ي ا` that ends the word and leaves at least 3 letters (`يه` is `ية` after
//!    folding; `ا` is the accusative `ًا` once its tanween is gone). A pass that finds none
//!    ends the stage.
//!
//! The guards are what keep roots: `بلاغ`, `كتاب` and `فحص` keep their first letter (stage 2
//! and 3 need 4 letters after ف, ب, ك, ل), `الم` keeps its `ال` (one letter would remain),
//! and `متهم` keeps its `هم`. The stemmer is deliberately light: it does not find roots, it
//! only makes the usual written forms of one word meet, on the index side and the query side
//! alike. Broken plurals (`ضحايا` and `ضحية`) stay apart.

/// The article prefixes, longest first.
const ARTICLES: [&str; 12] = [
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
];

/// The suffixes, longest first.
const SUFFIXES: [&str; 14] = [
    "ها", "هم", "هن", "كم", "كن", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي", "ا",
];

/// How many letters must remain after the article.
const MIN_AFTER_ARTICLE: usize = 2;
/// How many letters must remain after a leading و.
const MIN_AFTER_WAW: usize = 3;
/// How many letters must remain after a leading ف, ب, ك or ل.
const MIN_AFTER_LETTER: usize = 4;
/// How many letters must remain after a suffix.
const MIN_AFTER_SUFFIX: usize = 3;

/// Whether `c` is a letter of the Arabic script (the Arabic blocks, their supplements,
/// presentation forms and mathematical letters). Arabic-Indic digits are not letters.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{1EE00}'..='\u{1EEFF}')
        && c.is_alphabetic()
        && !unicode_normalization::char::is_combining_mark(c)
        && c != crate::fold::TATWEEL
}

/// Stems a folded Arabic word by the rules in the module documentation.
///
/// ```
/// use dalil_normalize::arabic::stem;
/// assert_eq!(stem("الاتجار"), "اتجار");
/// assert_eq!(stem("والمترجمين"), "مترجم");
/// assert_eq!(stem("بلاغ"), "بلاغ");
/// ```
pub fn stem(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    for _ in 0..2 {
        if !strip_prefix(&mut w, &ARTICLES, MIN_AFTER_ARTICLE) {
            break;
        }
    }
    if !strip_prefix(&mut w, &["و"], MIN_AFTER_WAW) {
        strip_prefix(&mut w, &["ف"], MIN_AFTER_LETTER);
    }
    strip_prefix(&mut w, &["ب", "ك", "ل"], MIN_AFTER_LETTER);
    for _ in 0..2 {
        if !strip_suffix(&mut w) {
            break;
        }
    }
    w.into_iter().collect()
}

/// Removes the first of `prefixes` that starts `w` and leaves at least `min` letters.
fn strip_prefix(w: &mut Vec<char>, prefixes: &[&str], min: usize) -> bool {
    for p in prefixes {
        let n = p.chars().count();
        if w.len() >= n + min && w.iter().copied().take(n).eq(p.chars()) {
            w.drain(..n);
            return true;
        }
    }
    false
}

/// Removes the longest suffix that ends `w` and leaves at least [`MIN_AFTER_SUFFIX`] letters.
fn strip_suffix(w: &mut Vec<char>) -> bool {
    for s in SUFFIXES {
        let n = s.chars().count();
        if w.len() >= n + MIN_AFTER_SUFFIX && w[w.len() - n..].iter().copied().eq(s.chars()) {
            w.truncate(w.len() - n);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_article() {
        assert_eq!(stem("الاتجار"), "اتجار");
        assert_eq!(stem("الطفل"), "طفل");
    }

    #[test]
    fn strips_the_article_with_its_clitics() {
        for (word, want) in [
            ("والطفل", "طفل"),
            ("فالطفل", "طفل"),
            ("بالطفل", "طفل"),
            ("كالطفل", "طفل"),
            ("للطفل", "طفل"),
            ("وللطفل", "طفل"),
            ("فللطفل", "طفل"),
            ("وبالطفل", "طفل"),
            ("وكالطفل", "طفل"),
            ("فبالطفل", "طفل"),
            ("فكالطفل", "طفل"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    #[test]
    fn strips_the_article_twice_at_most() {
        assert_eq!(stem("الالزام"), stem("الزام"));
        assert_eq!(stem("الزام"), "زام");
    }

    #[test]
    fn the_article_leaves_two_letters() {
        // ألم (pain) folds to الم: one letter would remain, so it stays.
        assert_eq!(stem("الم"), "الم");
        assert_eq!(stem("الالم"), "الم");
        assert_eq!(stem("الدم"), "دم");
    }

    #[test]
    fn strips_a_leading_waw() {
        assert_eq!(stem("وطفل"), "طفل");
        assert_eq!(stem("وقت"), "وقت");
    }

    #[test]
    fn strips_a_leading_fa_only_before_four_letters() {
        assert_eq!(stem("فمترجم"), "مترجم");
        assert_eq!(stem("فحص"), "فحص");
        assert_eq!(stem("فحصه"), "فحص");
    }

    #[test]
    fn strips_a_leading_preposition_only_before_four_letters() {
        assert_eq!(stem("بسلامه"), "سلام");
        assert_eq!(stem("لمترجم"), "مترجم");
        assert_eq!(stem("كمترجم"), "مترجم");
        assert_eq!(stem("بلاغ"), "بلاغ");
        assert_eq!(stem("كتاب"), "كتاب");
    }

    #[test]
    fn strips_a_conjunction_then_a_preposition() {
        assert_eq!(stem("وبمترجم"), "مترجم");
        assert_eq!(stem("وبلاغ"), stem("بلاغ"));
    }

    #[test]
    fn strips_each_suffix() {
        for (suffix, word) in [
            ("ها", "حقوقها"),
            ("هم", "حقوقهم"),
            ("هن", "حقوقهن"),
            ("كم", "حقوقكم"),
            ("كن", "حقوقكن"),
            ("نا", "حقوقنا"),
            ("ه", "حقوقه"),
            ("ي", "حقوقي"),
        ] {
            assert_eq!(stem(word), "حقوق", "{suffix}");
        }
        for (suffix, word) in [
            ("ات", "مترجمات"),
            ("ون", "مترجمون"),
            ("ين", "مترجمين"),
            ("ان", "مترجمان"),
            ("ا", "مترجما"),
        ] {
            assert_eq!(stem(word), "مترجم", "{suffix}");
        }
        assert_eq!(stem("قانونيه"), stem("القانون"));
    }

    #[test]
    fn strips_two_suffixes_at_most() {
        assert_eq!(stem("شفويا"), "شفو");
        assert_eq!(stem("الشفوي"), "شفو");
        assert_eq!(stem("شفويين"), "شفو");
    }

    #[test]
    fn suffixes_leave_three_letters() {
        assert_eq!(stem("متهم"), "متهم");
        assert_eq!(stem("ضحيه"), "ضحي");
        assert_eq!(stem("فهم"), "فهم");
        assert_eq!(stem("بها"), "بها");
    }

    #[test]
    fn a_word_and_its_prefixed_forms_meet() {
        for (a, b) in [
            ("اتجار", "الاتجار"),
            ("اتجار", "بالاتجار"),
            ("ضحيه", "للضحيه"),
            ("مترجم", "والمترجمين"),
            ("وثيقه", "الوثيقه"),
            ("بلاغ", "البلاغ"),
            ("فحص", "والفحص"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn short_words_are_left_alone() {
        for w in ["و", "في", "من", "على", "ال", "لل", "ها"] {
            assert_eq!(stem(w), w);
        }
    }

    #[test]
    fn arabic_letters_are_recognized() {
        assert!(is_arabic_letter('ب'));
        assert!(is_arabic_letter('ﻻ'));
        assert!(!is_arabic_letter('٣'));
        assert!(!is_arabic_letter('\u{064E}'));
        assert!(!is_arabic_letter('ـ'));
        assert!(!is_arabic_letter('b'));
    }
}
