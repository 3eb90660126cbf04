//! The tokenizer: splits text into words, each with its byte range in the original text and
//! its folded and normalized forms.
//!
//! A word is a run of letters, digits and combining marks. Three rules refine that:
//! - a word ends where Arabic letters meet letters of another script, and where letters meet
//!   digits (`2012م` is `2012` and `م`; `16th` is `16` and `th`);
//! - combining marks (tashkeel), the tatweel and the zero-width joiners belong to the word
//!   they stand in, so `الضَّحِيَّة` is one word;
//! - an apostrophe between two non-Arabic letters belongs to the word (`victim's`).
//!
//! Words whose normalized form is empty (a lone tatweel or mark) are skipped.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::arabic::is_arabic_letter;
use crate::fold::{TATWEEL, ZWJ, ZWNJ, fold_keeping_apostrophes, is_apostrophe};

/// A word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written, a slice of the original text.
    pub text: &'a str,
    /// Where the word stands in the original text, in bytes.
    pub range: Range<usize>,
    /// The word folded but not stemmed: what a word still being typed is matched against.
    pub folded: String,
    /// The word folded and stemmed: what whole words are matched on.
    pub norm: String,
}

/// The words of `text`, in order.
///
/// ```
/// let words: Vec<_> = dalil_normalize::tokens("«الضَّحِيَّة» victims").collect();
/// assert_eq!(words[0].text, "الضَّحِيَّة");
/// assert_eq!(words[0].norm, "ضحي");
/// assert_eq!(words[1].range, 27..34);
/// assert_eq!(words[1].norm, "victim");
/// ```
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// The iterator returned by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter of the Arabic script.
    Arabic,
    /// A letter of any other script.
    Letter,
    /// A digit or other number.
    Digit,
    /// A mark or joiner: part of whatever word it stands in.
    Joiner,
    /// Anything else: ends a word.
    Separator,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else {
            Class::Separator
        };
    }
    if is_combining_mark(c) || matches!(c, TATWEEL | ZWNJ | ZWJ) {
        Class::Joiner
    } else if is_arabic_letter(c) {
        Class::Arabic
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Separator
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let range = self.next_word()?;
            let text = &self.text[range.clone()];
            let apostrophed = fold_keeping_apostrophes(text);
            let norm = crate::stem_folded(&apostrophed);
            if norm.is_empty() {
                continue;
            }
            let folded = apostrophed.replace('\'', "");
            return Some(Token {
                text,
                range,
                folded,
                norm,
            });
        }
    }
}

impl Tokens<'_> {
    /// The byte range of the next word, however it normalizes.
    fn next_word(&mut self) -> Option<Range<usize>> {
        let rest = self.text.get(self.pos..)?;
        let mut start = None;
        // The class of the word's letters or digits, once one is seen.
        let mut kind: Option<Class> = None;
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = self.pos + i;
            let this = class(c);
            let joins_apostrophe = is_apostrophe(c)
                && kind == Some(Class::Letter)
                && chars
                    .peek()
                    .is_some_and(|&(_, n)| class(n) == Class::Letter);
            match (start, this) {
                (None, Class::Separator) => {}
                (None, class) => {
                    start = Some(at);
                    kind = (class != Class::Joiner).then_some(class);
                }
                (Some(_), _) if joins_apostrophe => {}
                (Some(s), Class::Separator) => {
                    self.pos = at + c.len_utf8();
                    return Some(s..at);
                }
                (Some(_), Class::Joiner) => {}
                (Some(s), class) => match kind {
                    None => kind = Some(class),
                    Some(k) if k == class => {}
                    Some(_) => {
                        self.pos = at;
                        return Some(s..at);
                    }
                },
            }
        }
        self.pos = self.text.len();
        start.map(|s| s..self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, String)> {
        tokens(text).map(|t| (t.text, t.norm)).collect()
    }

    #[test]
    fn keeps_byte_offsets_of_the_original_text() {
        let text = "قال: الضَّحِيَّة، Victims' interpreter.";
        for t in tokens(text) {
            assert_eq!(&text[t.range.clone()], t.text);
        }
        let texts: Vec<&str> = tokens(text).map(|t| t.text).collect();
        assert_eq!(texts, ["قال", "الضَّحِيَّة", "Victims", "interpreter"]);
    }

    #[test]
    fn returns_folded_and_normalized_forms() {
        let t: Vec<_> = tokens("والمترجمين Interpreting").collect();
        assert_eq!(t[0].folded, "والمترجمين");
        assert_eq!(t[0].norm, "مترجم");
        assert_eq!(t[1].folded, "interpreting");
        assert_eq!(t[1].norm, "interpret");
    }

    #[test]
    fn splits_on_punctuation_and_spaces() {
        assert_eq!(
            words("debt-bondage/intake_log (art. 6)"),
            [
                ("debt", "debt".into()),
                ("bondage", "bondag".into()),
                ("intake", "intak".into()),
                ("log", "log".into()),
                ("art", "art".into()),
                ("6", "6".into())
            ]
        );
    }

    #[test]
    fn splits_between_scripts_and_between_letters_and_digits() {
        let t: Vec<&str> = tokens("2012م TIPالاتجار 16th ٢٨مادة")
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["2012", "م", "TIP", "الاتجار", "16", "th", "٢٨", "مادة"]);
    }

    #[test]
    fn marks_and_tatweel_stay_inside_words() {
        let t: Vec<&str> = tokens("الضـــحية الضَّحِيَّة").map(|t| t.text).collect();
        assert_eq!(t, ["الضـــحية", "الضَّحِيَّة"]);
    }

    #[test]
    fn apostrophes_join_only_between_latin_letters() {
        let t: Vec<&str> = tokens("victim's 'quoted' l'été x'")
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["victim's", "quoted", "l'été", "x"]);
    }

    #[test]
    fn words_that_normalize_to_nothing_are_skipped() {
        assert!(tokens("ـــ \u{064E} ... «»").next().is_none());
        assert!(tokens("").next().is_none());
    }

    #[test]
    fn digits_of_every_kind_are_words() {
        let t: Vec<String> = tokens("٢٨ ۲۸ 28").map(|t| t.norm).collect();
        assert_eq!(t, ["28", "28", "28"]);
    }
}
