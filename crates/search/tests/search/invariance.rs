//! Spelling variants of one query find the same results (issue #6).

use dalil_search::MAX_LIMIT;

use crate::support::{ids, search};

/// Checks that every query of `variants` finds the same, non-empty, results in the same
/// order.
fn same_results(variants: &[&str]) {
    let first = ids(&search(variants[0], None, MAX_LIMIT));
    assert!(!first.is_empty(), "{} finds nothing", variants[0]);
    for v in &variants[1..] {
        assert_eq!(
            ids(&search(v, None, MAX_LIMIT)),
            first,
            "{v} / {}",
            variants[0]
        );
    }
}

/// Checks that the bare query finds everything that each of the others finds.
fn finds_all_of(bare: &str, others: &[&str]) {
    let found = ids(&search(bare, None, MAX_LIMIT));
    assert!(found.len() < MAX_LIMIT, "{bare}: too broad to compare");
    for other in others {
        let theirs = ids(&search(other, None, MAX_LIMIT));
        assert!(!theirs.is_empty(), "{other} finds nothing");
        for id in &theirs {
            assert!(
                found.contains(id),
                "{bare} misses {id}, which {other} finds"
            );
        }
    }
}

#[test]
fn tashkeel_ta_marbuta_and_heh_are_the_same() {
    same_results(&["الضحية", "الضحيه", "الضَّحِيَّة", "الضَّحِيَّةُ"]);
    same_results(&["ضحية", "ضحيه", "ضَحِيَّة"]);
}

#[test]
fn every_hamza_and_alef_form_is_the_same() {
    same_results(&["الأشخاص", "الاشخاص", "الإشخاص", "الآشخاص", "ٱلأشخاص"]);
    same_results(&["إيواء", "ايواء", "أيواء", "آيواء"]);
    same_results(&["مسؤول", "مسوول"]);
    same_results(&["الجرائم", "الجرايم", "الجرائِم"]);
}

#[test]
fn alef_maksura_and_yeh_are_the_same() {
    same_results(&["المستشفى", "المستشفي"]);
}

#[test]
fn tatweel_is_ignored() {
    same_results(&["الضحية", "الضـــحية", "الـضـحـيـة"]);
}

#[test]
fn arabic_indic_and_ascii_digits_are_the_same() {
    same_results(&["2012", "٢٠١٢", "۲۰۱۲"]);
    same_results(&["28 لسنة 2012", "٢٨ لسنة ٢٠١٢", "۲۸ لسنة ۲۰۱۲"]);
}

#[test]
fn the_bare_word_finds_what_the_word_with_the_article_and_clitics_finds() {
    finds_all_of("اتجار", &["الاتجار", "والاتجار", "بالاتجار", "للاتجار"]);
    finds_all_of("مترجم", &["المترجم", "والمترجم", "للمترجم", "بمترجم"]);
    finds_all_of("جواز", &["الجواز", "بالجواز", "وجواز"]);
}

#[test]
fn whole_words_with_and_without_the_article_find_the_same_texts() {
    // Only the last word is a prefix; the words before it match whole stems, where the
    // article makes no difference at all.
    same_results(&["الاتجار بالأشخاص", "اتجار بالأشخاص", "والاتجار بالأشخاص"]);
}

#[test]
fn all_variants_at_once_match() {
    same_results(&[
        "الأشخاص الضحية ٢٠١٢",
        "الاشخاص الضـحيه 2012",
        "الآشخاص الضَّحِيَّة ۲۰۱۲",
    ]);
}

#[test]
fn english_case_and_diacritics_are_ignored() {
    same_results(&["interpreter", "INTERPRETER", "Interpreter", "ìnterpréter"]);
    same_results(&["non-refoulement", "Non-Refoulement", "non refoulement"]);
}

#[test]
fn english_inflections_meet() {
    same_results(&[
        "victims interview",
        "victim interview",
        "victim's interview",
    ]);
    finds_all_of("interview", &["interviews", "interviewed", "interviewing"]);
}
