//! `glossary.toml`: term pairs in Arabic and English, each with a one-line definition.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic, LineIndex, Message};
use crate::ids::is_kebab_case;
use crate::lang::{Bilingual, Lang};

/// The file name of the glossary within the content folder.
pub const FILE: &str = "glossary.toml";

/// The glossary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Glossary {
    /// The terms, in file order.
    pub terms: Vec<Term>,
}

/// A term pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term id, linked as `term:id`.
    pub id: String,
    /// The term in each language.
    pub name: Bilingual,
    /// Other Arabic names in use, such as Iraqi legal usage.
    pub ar_variants: Vec<String>,
    /// Other English names in use.
    pub en_variants: Vec<String>,
    /// Arabic names the chapters must not use for this term; the validator warns where one
    /// is written.
    pub ar_avoid: Vec<String>,
    /// English names the chapters must not use for this term.
    pub en_avoid: Vec<String>,
    /// The one-line definition in each language.
    pub definition: Bilingual,
    /// An optional note on usage.
    pub note: Option<Bilingual>,
    /// The line of the term's `id` in the glossary file.
    pub line: u32,
}

impl Glossary {
    /// The term with this id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }
}

impl Term {
    /// Every name of the term in `lang`: the main one first, then the variants, then the
    /// names to avoid, so that search finds the term by whichever name a reader types.
    pub fn names(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.accepted(lang)
            .chain(self.avoided(lang).iter().map(String::as_str))
    }

    /// The names the chapters may use in `lang`: the main one first, then the variants.
    pub fn accepted(&self, lang: Lang) -> impl Iterator<Item = &str> {
        let variants = match lang {
            Lang::Ar => &self.ar_variants,
            Lang::En => &self.en_variants,
        };
        std::iter::once(self.name.get(lang)).chain(variants.iter().map(String::as_str))
    }

    /// The names the chapters must not use in `lang`.
    pub fn avoided(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Ar => &self.ar_avoid,
            Lang::En => &self.en_avoid,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(rename = "term", default)]
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Spanned<String>,
    ar: String,
    en: String,
    #[serde(rename = "ar-variants", default)]
    ar_variants: Vec<String>,
    #[serde(rename = "en-variants", default)]
    en_variants: Vec<String>,
    #[serde(rename = "ar-avoid", default)]
    ar_avoid: Vec<String>,
    #[serde(rename = "en-avoid", default)]
    en_avoid: Vec<String>,
    definition: Bilingual,
    note: Option<Bilingual>,
}

/// Parses the glossary, reporting problems into `out`.
pub(crate) fn parse(text: &str, out: &mut Vec<Diagnostic>) -> Glossary {
    let index = LineIndex::new(text);
    let mut at = |offset: usize, code: Code, message: Message| {
        let (line, column) = index.position(text, offset);
        out.push(Diagnostic::new(FILE, line, column, code, message));
    };
    let raw: RawGlossary = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let detail = crate::manifest::toml_message(&e);
            at(
                offset,
                Code::GlossarySyntax,
                Message::new("validate-glossary-syntax", &detail).arg("detail", detail),
            );
            return Glossary::default();
        }
    };
    let mut seen = BTreeSet::new();
    let mut terms = Vec::new();
    for t in raw.terms {
        let offset = t.id.span().start;
        let id = t.id.get_ref();
        if !is_kebab_case(id) {
            at(
                offset,
                Code::BadId,
                Message::new(
                    "validate-bad-declared-id",
                    format!("term id `{id}` is not ASCII kebab-case"),
                )
                .arg("kind", "term")
                .arg("id", id),
            );
        }
        if !seen.insert(id.clone()) {
            at(
                offset,
                Code::DuplicateId,
                Message::new(
                    "validate-declared-twice",
                    format!("term id `{id}` is declared twice"),
                )
                .arg("kind", "term")
                .arg("id", id),
            );
        }
        for lang in Lang::ALL {
            let name = if lang == Lang::Ar { &t.ar } else { &t.en };
            if name.trim().is_empty() {
                at(
                    offset,
                    Code::GlossaryInvalid,
                    Message::new(
                        "validate-glossary-empty-name",
                        format!("term `{id}` has an empty `{lang}` name"),
                    )
                    .arg("term", id)
                    .arg("lang", lang),
                );
            }
            if t.definition.get(lang).trim().is_empty() {
                at(
                    offset,
                    Code::GlossaryInvalid,
                    Message::new(
                        "validate-glossary-empty-definition",
                        format!("term `{id}` has an empty `{lang}` definition"),
                    )
                    .arg("term", id)
                    .arg("lang", lang),
                );
            }
            let (variants, avoid) = match lang {
                Lang::Ar => (&t.ar_variants, &t.ar_avoid),
                Lang::En => (&t.en_variants, &t.en_avoid),
            };
            let folded = |n: &str| crate::variants::fold(n).0;
            for avoided in avoid {
                if avoided.trim().is_empty() {
                    at(
                        offset,
                        Code::GlossaryInvalid,
                        Message::new(
                            "validate-glossary-empty-avoided",
                            format!("term `{id}` has an empty name in `{lang}-avoid`"),
                        )
                        .arg("term", id)
                        .arg("lang", lang),
                    );
                } else if std::iter::once(name)
                    .chain(variants)
                    .any(|n| folded(n) == folded(avoided))
                {
                    at(
                        offset,
                        Code::GlossaryInvalid,
                        Message::new(
                            "validate-glossary-avoided-is-a-name",
                            format!(
                                "term `{id}` lists «{avoided}» both as one of its names and as a name to avoid"
                            ),
                        )
                        .arg("term", id)
                        .arg("name", avoided),
                    );
                }
            }
        }
        let (line, _) = index.position(text, offset);
        terms.push(Term {
            id: t.id.into_inner(),
            name: Bilingual { ar: t.ar, en: t.en },
            ar_variants: t.ar_variants,
            en_variants: t.en_variants,
            ar_avoid: t.ar_avoid,
            en_avoid: t.en_avoid,
            definition: t.definition,
            note: t.note,
            line,
        });
    }
    Glossary { terms }
}
