//! Names to avoid: where a chapter writes a name that the glossary lists under `ar-avoid` or
//! `en-avoid` instead of the term's own name.
//!
//! These are warnings, not errors: the text can still be read and used, but it no longer
//! keeps to one term per concept. A name is found as whole words, whatever its diacritics
//! and hamza forms; in Arabic it may carry the proclitics و ف ب ك ل in front of it. A match
//! that lies inside one of the term's own names (an avoided short form inside the full
//! term, say) is not reported.

use crate::diagnostic::{Code, Diagnostic, LineIndex, Message};
use crate::glossary::Term;
use crate::lang::Lang;
use crate::model::Sop;

/// Reports every use of an avoided name in every chapter, in both languages.
pub(crate) fn check(sop: &Sop, out: &mut Vec<Diagnostic>) {
    for lang in Lang::ALL {
        for chapter in &sop.chapters {
            let text = chapter.text(lang);
            check_source(sop, &text.file, &text.source, lang, out);
        }
    }
}

/// Reports every use in `source`, the text of `file`, of a name the glossary says to avoid
/// in `lang`.
pub(crate) fn check_source(
    sop: &Sop,
    file: &str,
    source: &str,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) {
    let terms: Vec<&Term> = sop
        .glossary
        .terms
        .iter()
        .filter(|t| !t.avoided(lang).is_empty())
        .collect();
    if !terms.is_empty() {
        check_text(file, source, lang, &terms, out);
    }
}

fn check_text(file: &str, source: &str, lang: Lang, terms: &[&Term], out: &mut Vec<Diagnostic>) {
    let (folded, origin) = fold(source);
    let index = LineIndex::new(source);
    for term in terms {
        // Where the term's own names stand, so that an avoided name inside one is let be.
        let allowed: Vec<(usize, usize)> = term
            .accepted(lang)
            .flat_map(|name| {
                let name = fold(name).0;
                let len = name.len();
                find_all(&folded, &name)
                    .map(|at| (at, at + len))
                    .collect::<Vec<_>>()
            })
            .collect();
        for variant in term.avoided(lang) {
            let pattern = fold(variant.trim()).0;
            if pattern.is_empty() {
                continue;
            }
            for at in find_all(&folded, &pattern) {
                let end = at + pattern.len();
                if !starts_a_word(&folded, at, lang)
                    || !ends_a_word(&folded, end, lang)
                    || allowed.iter().any(|&(s, e)| s <= at && end <= e)
                {
                    continue;
                }
                let (line, column) = index.position(source, origin[at]);
                out.push(Diagnostic::new(
                    file,
                    line,
                    column,
                    Code::AvoidedVariant,
                    Message::new(
                        "validate-avoided-variant",
                        format!(
                            "«{variant}» is a name to avoid; write «{}» (glossary term `{}`)",
                            term.name.get(lang),
                            term.id
                        ),
                    )
                    .arg("variant", variant)
                    .arg("preferred", term.name.get(lang))
                    .arg("term", &term.id),
                ));
            }
        }
    }
}

/// `text` as compared with names: Arabic diacritics and the tatweel dropped, the hamza forms
/// of alef written as a bare alef, letters in lower case, and every run of white space one
/// space. With it, the byte offset in `text` of each folded character, and of its end.
pub(crate) fn fold(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (offset, c) in text.char_indices() {
        if is_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            if chars.last() != Some(&' ') {
                chars.push(' ');
                origin.push(offset);
            }
            continue;
        }
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            c => c,
        };
        for lower in c.to_lowercase() {
            chars.push(lower);
            origin.push(offset);
        }
    }
    origin.push(text.len());
    (chars, origin)
}

/// Arabic short vowels, shadda, sukun, the other combining marks of the Arabic block, the
/// superscript alef and the tatweel: none changes which word is written.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Every position at which `pattern` starts in `text`.
fn find_all<'a>(text: &'a [char], pattern: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let last = text.len().saturating_sub(pattern.len());
    (0..=last).filter(move |&i| !pattern.is_empty() && text[i..].starts_with(pattern))
}

fn is_letter(c: char) -> bool {
    c.is_alphanumeric()
}

/// The Arabic proclitics that may stand before a name in the same word: and, so, with, like,
/// for.
const PROCLITICS: [char; 5] = ['و', 'ف', 'ب', 'ك', 'ل'];

/// Whether a name found at `at` starts a word: nothing but up to two proclitics before it
/// in Arabic, nothing at all in English.
fn starts_a_word(text: &[char], at: usize, lang: Lang) -> bool {
    let word_start = text[..at]
        .iter()
        .rposition(|&c| !is_letter(c))
        .map_or(0, |i| i + 1);
    let prefix = &text[word_start..at];
    prefix.is_empty()
        || (lang == Lang::Ar && prefix.len() <= 2 && prefix.iter().all(|c| PROCLITICS.contains(c)))
}

/// Whether a name that ends at `end` ends a word; in English a plural `s` may follow it.
fn ends_a_word(text: &[char], end: usize, lang: Lang) -> bool {
    let rest = &text[end..];
    let rest = match rest {
        ['s', tail @ ..] if lang == Lang::En => tail,
        _ => rest,
    };
    rest.first().is_none_or(|&c| !is_letter(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, name: &str, lang: Lang) -> Vec<usize> {
        let (folded, origin) = fold(text);
        let pattern = fold(name).0;
        find_all(&folded, &pattern)
            .filter(|&at| {
                starts_a_word(&folded, at, lang) && ends_a_word(&folded, at + pattern.len(), lang)
            })
            .map(|at| origin[at])
            .collect()
    }

    #[test]
    fn folding_drops_diacritics_and_keeps_offsets() {
        let text = "يُنظرُ  أيضًا";
        let (folded, origin) = fold(text);
        assert_eq!(folded.iter().collect::<String>(), "ينظر ايضا");
        assert_eq!(origin.len(), folded.len() + 1);
        assert_eq!(&text[origin[5]..], "أيضًا");
    }

    #[test]
    fn names_are_found_as_whole_words_with_proclitics() {
        let text = "ويُجرى تقدير المخاطر، وبتقدير المخاطر، ثم التقدير المخاطري.";
        let hits = found(text, "تقدير المخاطر", Lang::Ar);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(&text[hits[0]..hits[0] + "تقدير".len()], "تقدير");
        // «سينظر» is a verb of its own, not «ينظر» with a proclitic.
        assert_eq!(found("سينظر القاضي", "ينظر", Lang::Ar), Vec::<usize>::new());
        assert_eq!(found("(يُنظر الفصل)", "ينظر", Lang::Ar).len(), 1);
    }

    #[test]
    fn english_names_are_whole_words_in_any_case() {
        assert_eq!(
            found(
                "Run a Risk check, then risk checks.",
                "risk check",
                Lang::En
            )
            .len(),
            2
        );
        assert_eq!(found("brisk checking", "risk check", Lang::En).len(), 0);
    }
}
