//! `manifest.toml`: the edition, the status label, the chapter order, the phases and the facts.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic, LineIndex, Message};
use crate::ids::is_kebab_case;
use crate::lang::{Bilingual, Lang};

/// The file name of the manifest within the content folder.
pub const FILE: &str = "manifest.toml";

/// The SOP's manifest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    /// The SOP's id.
    pub id: String,
    /// The edition's version; a case remembers the edition it was opened under.
    pub version: String,
    /// The edition's date, `YYYY-MM-DD`.
    pub date: String,
    /// The status label shown on every chapter.
    pub label: Bilingual,
    /// The chapter ids in reading order.
    pub chapters: Vec<String>,
    /// The phases in order.
    pub phases: Vec<Phase>,
    /// The case facts, in the order they are asked.
    pub facts: Vec<Fact>,
}

/// A phase of the investigation, grouping chapters and steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    /// The phase id.
    pub id: String,
    /// The phase's name in each language.
    pub name: Bilingual,
}

/// A case fact, asked of the officer when a case is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The fact id, used in conditions.
    pub id: String,
    /// Yes-no, or one of a list.
    pub kind: FactType,
    /// The question put to the officer.
    pub question: Bilingual,
    /// The short phrase that says why a step is shown.
    pub label: Bilingual,
}

/// The type of a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactType {
    /// Answered yes or no; "no" until answered.
    YesNo,
    /// One of a list of choices.
    Choice {
        /// The choices, in order.
        choices: Vec<Choice>,
        /// The choice a new case starts with.
        default: String,
    },
}

/// One choice of a choice fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The choice id, used in conditions.
    pub id: String,
    /// The choice's name in each language.
    pub name: Bilingual,
}

impl Manifest {
    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// The phase with this id.
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// The position of a phase in the manifest's order, for sorting.
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }

    /// The edition as shown to people: `id version (date)`.
    pub fn edition(&self) -> String {
        format!("{} {} ({})", self.id, self.version, self.date)
    }

    /// The label in one language.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    id: Spanned<String>,
    version: Spanned<String>,
    date: Spanned<String>,
    label: Spanned<Bilingual>,
    chapters: Vec<Spanned<String>>,
    #[serde(rename = "phase")]
    phases: Vec<RawPhase>,
    #[serde(rename = "fact", default)]
    facts: Vec<RawFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    id: Spanned<String>,
    ar: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    question: Bilingual,
    label: Bilingual,
    #[serde(default)]
    choices: Vec<RawChoice>,
    default: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: Spanned<String>,
    ar: String,
    en: String,
}

/// Reports problems in one TOML file of the content (the manifest, `elements.toml`) at the
/// line and column of a byte offset.
pub(crate) struct Reporter<'a> {
    pub(crate) file: &'a str,
    pub(crate) text: &'a str,
    pub(crate) index: LineIndex,
    pub(crate) out: &'a mut Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub(crate) fn new(file: &'a str, text: &'a str, out: &'a mut Vec<Diagnostic>) -> Self {
        Reporter {
            file,
            text,
            index: LineIndex::new(text),
            out,
        }
    }

    pub(crate) fn at(&mut self, offset: usize, code: Code, message: Message) {
        let (line, column) = self.index.position(self.text, offset);
        self.out
            .push(Diagnostic::new(self.file, line, column, code, message));
    }

    /// The line of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> u32 {
        self.index.position(self.text, offset).0
    }

    /// Checks a declared id. `what` is the kind of thing it names, also the `kind` argument
    /// of the message.
    pub(crate) fn id(&mut self, id: &Spanned<String>, what: &str, seen: &mut BTreeSet<String>) {
        let offset = id.span().start;
        if !is_kebab_case(id.get_ref()) {
            self.at(
                offset,
                Code::BadId,
                Message::new(
                    "validate-bad-declared-id",
                    format!("{what} id `{}` is not ASCII kebab-case", id.get_ref()),
                )
                .arg("kind", what)
                .arg("id", id.get_ref()),
            );
        }
        if !seen.insert(id.get_ref().clone()) {
            self.at(
                offset,
                Code::DuplicateId,
                Message::new(
                    "validate-declared-twice",
                    format!("{what} id `{}` is declared twice", id.get_ref()),
                )
                .arg("kind", what)
                .arg("id", id.get_ref()),
            );
        }
    }
}

/// Parses the manifest. On a syntax error it returns `None` and one diagnostic; otherwise the
/// manifest, with diagnostics for anything wrong in its content.
pub(crate) fn parse(text: &str, out: &mut Vec<Diagnostic>) -> Option<Manifest> {
    let mut r = Reporter::new(FILE, text, out);
    let raw: RawManifest = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let detail = toml_message(&e);
            r.at(
                offset,
                Code::ManifestSyntax,
                Message::new("validate-manifest-syntax", &detail).arg("detail", detail),
            );
            return None;
        }
    };

    for (value, id, english) in [
        (&raw.id, "validate-manifest-empty-id", "the SOP id is empty"),
        (
            &raw.version,
            "validate-manifest-empty-version",
            "the version is empty",
        ),
    ] {
        if value.get_ref().trim().is_empty() {
            r.at(
                value.span().start,
                Code::ManifestInvalid,
                Message::new(id, english),
            );
        }
    }
    if !is_iso_date(raw.date.get_ref()) {
        r.at(
            raw.date.span().start,
            Code::ManifestInvalid,
            Message::new(
                "validate-manifest-bad-date",
                "the date must be written YYYY-MM-DD",
            ),
        );
    }
    for lang in Lang::ALL {
        if raw.label.get_ref().get(lang).trim().is_empty() {
            r.at(
                raw.label.span().start,
                Code::ManifestInvalid,
                Message::new(
                    "validate-manifest-empty-label",
                    format!(
                        "the `{lang}` label is empty; every chapter must carry the status label"
                    ),
                )
                .arg("lang", lang),
            );
        }
    }

    let mut chapter_ids = BTreeSet::new();
    for id in &raw.chapters {
        r.id(id, "chapter", &mut chapter_ids);
    }
    if raw.chapters.is_empty() {
        r.at(
            0,
            Code::ManifestInvalid,
            Message::new("validate-manifest-no-chapters", "no chapters are listed"),
        );
    }
    let mut phase_ids = BTreeSet::new();
    for p in &raw.phases {
        r.id(&p.id, "phase", &mut phase_ids);
    }
    if raw.phases.is_empty() {
        r.at(
            0,
            Code::ManifestInvalid,
            Message::new("validate-manifest-no-phases", "no phases are declared"),
        );
    }

    let mut fact_ids = BTreeSet::new();
    let mut facts = Vec::new();
    for f in &raw.facts {
        r.id(&f.id, "fact", &mut fact_ids);
        let kind = match f.kind.get_ref().as_str() {
            "yes-no" => {
                if !f.choices.is_empty() || f.default.is_some() {
                    r.at(
                        f.kind.span().start,
                        Code::ManifestInvalid,
                        Message::new(
                            "validate-manifest-yes-no-with-choices",
                            format!(
                                "fact `{}` is yes-no, so it takes no `choices` or `default`",
                                f.id.get_ref()
                            ),
                        )
                        .arg("fact", f.id.get_ref()),
                    );
                }
                FactType::YesNo
            }
            "choice" => {
                let mut seen = BTreeSet::new();
                for c in &f.choices {
                    r.id(&c.id, "choice", &mut seen);
                }
                if f.choices.len() < 2 {
                    r.at(
                        f.kind.span().start,
                        Code::ManifestInvalid,
                        Message::new(
                            "validate-manifest-too-few-choices",
                            format!(
                                "choice fact `{}` needs at least two choices",
                                f.id.get_ref()
                            ),
                        )
                        .arg("fact", f.id.get_ref()),
                    );
                }
                let default = match &f.default {
                    Some(d) if seen.contains(d.get_ref()) => d.get_ref().clone(),
                    Some(d) => {
                        r.at(
                            d.span().start,
                            Code::ManifestInvalid,
                            Message::new(
                                "validate-manifest-unknown-default",
                                format!("the default `{}` is not one of the choices", d.get_ref()),
                            )
                            .arg("default", d.get_ref()),
                        );
                        d.get_ref().clone()
                    }
                    None => {
                        r.at(
                            f.kind.span().start,
                            Code::ManifestInvalid,
                            Message::new(
                                "validate-manifest-no-default",
                                format!("choice fact `{}` needs a `default`", f.id.get_ref()),
                            )
                            .arg("fact", f.id.get_ref()),
                        );
                        f.choices
                            .first()
                            .map(|c| c.id.get_ref().clone())
                            .unwrap_or_default()
                    }
                };
                FactType::Choice {
                    choices: f
                        .choices
                        .iter()
                        .map(|c| Choice {
                            id: c.id.get_ref().clone(),
                            name: Bilingual {
                                ar: c.ar.clone(),
                                en: c.en.clone(),
                            },
                        })
                        .collect(),
                    default,
                }
            }
            other => {
                r.at(
                    f.kind.span().start,
                    Code::ManifestInvalid,
                    Message::new(
                        "validate-manifest-unknown-fact-type",
                        format!("fact type `{other}` is unknown; use `yes-no` or `choice`"),
                    )
                    .arg("type", other),
                );
                FactType::YesNo
            }
        };
        for (text, what) in [(&f.question, "question"), (&f.label, "label")] {
            for lang in Lang::ALL {
                if text.get(lang).trim().is_empty() {
                    r.at(
                        f.id.span().start,
                        Code::ManifestInvalid,
                        Message::new(
                            "validate-manifest-empty-fact-text",
                            format!("fact `{}` has an empty `{lang}` {what}", f.id.get_ref()),
                        )
                        .arg("kind", what)
                        .arg("fact", f.id.get_ref())
                        .arg("lang", lang),
                    );
                }
            }
        }
        facts.push(Fact {
            id: f.id.get_ref().clone(),
            kind,
            question: f.question.clone(),
            label: f.label.clone(),
        });
    }

    Some(Manifest {
        id: raw.id.into_inner(),
        version: raw.version.into_inner(),
        date: raw.date.into_inner(),
        label: raw.label.into_inner(),
        chapters: raw.chapters.into_iter().map(Spanned::into_inner).collect(),
        phases: raw
            .phases
            .into_iter()
            .map(|p| Phase {
                id: p.id.into_inner(),
                name: Bilingual { ar: p.ar, en: p.en },
            })
            .collect(),
        facts,
    })
}

/// The first line of a TOML error, without the source excerpt that the `toml` crate adds.
pub(crate) fn toml_message(e: &toml::de::Error) -> String {
    e.message().trim().replace('\n', " ")
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
