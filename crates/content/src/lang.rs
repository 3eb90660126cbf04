//! The two content languages, and what differs between them: the text direction.

use std::fmt;
use std::str::FromStr;

/// A content language. Arabic comes first: it is the SOP's first language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Arabic, written right to left.
    Ar,
    /// English, written left to right.
    En,
}

impl Lang {
    /// Both languages, Arabic first.
    pub const ALL: [Lang; 2] = [Lang::Ar, Lang::En];

    /// The BCP 47 code, as used in file names and in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// The value of the HTML `dir` attribute. This is the one place that maps a language to
    /// its direction.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code that is neither `ar` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language code; expected `ar` or `en`")]
pub struct UnknownLang;

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ar" => Ok(Lang::Ar),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang),
        }
    }
}

/// A pair of texts, one per language, as written in the manifest and the glossary.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// The Arabic text.
    pub ar: String,
    /// The English text.
    pub en: String,
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}
