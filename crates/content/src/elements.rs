//! `elements.toml`: the offences a case may be about and the elements that prove each.
//!
//! A trafficking case is proven element by element (the act, the means, the purpose), a
//! smuggling case by the illegal entry procured and the benefit sought. The SOP declares them
//! here, not the code: which elements an offence has, which are required, and the conditions
//! over case facts that change that (a child victim makes the means not required under the
//! Protocol). The file is optional; an SOP without it declares no offences.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use crate::condition::{Condition, Facts};
use crate::diagnostic::{Code, Diagnostic, LineIndex, Message};
use crate::lang::{Bilingual, Lang};
use crate::manifest::{Manifest, Reporter};

/// The file name of the element declarations within the content folder.
pub const FILE: &str = "elements.toml";

/// An offence: trafficking in persons, the smuggling of migrants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offence {
    /// The offence id.
    pub id: String,
    /// The offence's name in each language.
    pub name: Bilingual,
    /// The legal basis of its definition.
    pub basis: Bilingual,
    /// When the offence concerns a case; `None` for every case.
    pub when: Option<Condition>,
    /// A note shown with the offence's elements, if any.
    pub note: Option<Bilingual>,
    /// Its elements, in order.
    pub elements: Vec<Element>,
    /// The line of the offence's `id` in the file.
    pub line: u32,
}

/// One element of an offence, which the case file must support with evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The element id, unique across every offence.
    pub id: String,
    /// The element's name in each language.
    pub name: Bilingual,
    /// What has to be shown, in a sentence or two.
    pub description: Bilingual,
    /// The legal basis of the element.
    pub basis: Bilingual,
    /// Whether the element must be supported for a case.
    pub required: Required,
    /// Said when the element is not required for a case although it could be (for example
    /// why the means still matter for a child under Iraqi law).
    pub optional_note: Option<Bilingual>,
    /// The SOP steps that gather evidence of this element, in order.
    pub steps: Vec<String>,
    /// The line of the element's `id` in the file.
    pub line: u32,
}

/// Whether an element is required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Required {
    /// Always required.
    Always,
    /// Never required: the element is recorded when there is evidence of it.
    Never,
    /// Required when the condition holds for the case's facts.
    When(Condition),
}

impl Offence {
    /// Whether the offence concerns a case with these facts.
    pub fn applies(&self, manifest: &Manifest, facts: &Facts) -> bool {
        self.when.as_ref().is_none_or(|c| c.eval(manifest, facts))
    }
}

impl Element {
    /// Whether the element must be supported in a case with these facts.
    pub fn is_required(&self, manifest: &Manifest, facts: &Facts) -> bool {
        match &self.required {
            Required::Always => true,
            Required::Never => false,
            Required::When(c) => c.eval(manifest, facts),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "offence", default)]
    offences: Vec<RawOffence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffence {
    id: Spanned<String>,
    ar: Option<String>,
    en: Option<String>,
    #[serde(default)]
    basis: RawText,
    when: Option<Spanned<String>>,
    note: Option<RawText>,
    #[serde(rename = "element", default)]
    elements: Vec<RawElement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElement {
    id: Spanned<String>,
    ar: Option<String>,
    en: Option<String>,
    #[serde(default)]
    description: RawText,
    #[serde(default)]
    basis: RawText,
    required: Option<Spanned<RawRequired>>,
    #[serde(rename = "optional-note")]
    optional_note: Option<RawText>,
    #[serde(default)]
    steps: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawText {
    ar: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawRequired {
    Flag(bool),
    When(String),
}

impl Reporter<'_> {
    /// A text in both languages; each missing or blank one is reported at `offset`.
    fn text(
        &mut self,
        offset: usize,
        owner: &str,
        what: &'static str,
        ar: Option<&String>,
        en: Option<&String>,
    ) -> Bilingual {
        for (lang, value) in [(Lang::Ar, ar), (Lang::En, en)] {
            if value.is_none_or(|v| v.trim().is_empty()) {
                self.at(
                    offset,
                    Code::ElementsInvalid,
                    Message::new(
                        "validate-elements-missing-text",
                        format!("`{owner}` has no `{lang}` {what}"),
                    )
                    .arg("id", owner)
                    .arg("kind", what)
                    .arg("lang", lang),
                );
            }
        }
        Bilingual {
            ar: ar.cloned().unwrap_or_default(),
            en: en.cloned().unwrap_or_default(),
        }
    }

    /// A condition written as a TOML string; `None` (with diagnostics) when it is wrong.
    fn condition(&mut self, src: &Spanned<String>, manifest: &Manifest) -> Option<Condition> {
        // The string's span starts at its opening quote.
        let at = src.span().start + 1;
        let (condition, problems) = crate::condition::read(src.get_ref(), manifest);
        let ok = problems.is_empty();
        for (offset, code, message) in problems {
            self.at(at + offset, code, message);
        }
        condition.filter(|_| ok)
    }
}

/// Where each listed step stands in the file: (element id, step id, byte offset).
pub(crate) type StepRefs = Vec<(String, String, usize)>;

/// Parses the element declarations against the manifest's facts. Step ids are checked later,
/// by [`check_steps`], once the chapters are loaded.
pub(crate) fn parse(
    text: &str,
    manifest: &Manifest,
    out: &mut Vec<Diagnostic>,
) -> (Vec<Offence>, StepRefs) {
    let mut r = Reporter::new(FILE, text, out);
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let detail = crate::manifest::toml_message(&e);
            r.at(
                offset,
                Code::ElementsSyntax,
                Message::new("validate-elements-syntax", &detail).arg("detail", detail),
            );
            return (Vec::new(), Vec::new());
        }
    };
    let mut offence_ids = BTreeSet::new();
    let mut element_ids = BTreeSet::new();
    let mut offences = Vec::new();
    let mut refs = StepRefs::new();
    for o in raw.offences {
        let offset = o.id.span().start;
        r.id(&o.id, "offence", &mut offence_ids);
        let id = o.id.get_ref().clone();
        let name = r.text(offset, &id, "name", o.ar.as_ref(), o.en.as_ref());
        let basis = r.text(
            offset,
            &id,
            "basis",
            o.basis.ar.as_ref(),
            o.basis.en.as_ref(),
        );
        let note = o
            .note
            .map(|n| r.text(offset, &id, "note", n.ar.as_ref(), n.en.as_ref()));
        let when = o.when.as_ref().and_then(|w| r.condition(w, manifest));
        if o.elements.is_empty() {
            r.at(
                offset,
                Code::ElementsInvalid,
                Message::new(
                    "validate-elements-none",
                    format!("offence `{id}` declares no elements"),
                )
                .arg("offence", &id),
            );
        }
        let mut elements = Vec::new();
        for e in o.elements {
            let offset = e.id.span().start;
            r.id(&e.id, "element", &mut element_ids);
            let eid = e.id.get_ref().clone();
            let name = r.text(offset, &eid, "name", e.ar.as_ref(), e.en.as_ref());
            let description = r.text(
                offset,
                &eid,
                "description",
                e.description.ar.as_ref(),
                e.description.en.as_ref(),
            );
            let basis = r.text(
                offset,
                &eid,
                "basis",
                e.basis.ar.as_ref(),
                e.basis.en.as_ref(),
            );
            let optional_note = e
                .optional_note
                .map(|n| r.text(offset, &eid, "note", n.ar.as_ref(), n.en.as_ref()));
            let required = match &e.required {
                None => Required::Always,
                Some(req) => match req.get_ref() {
                    RawRequired::Flag(true) => Required::Always,
                    RawRequired::Flag(false) => Required::Never,
                    RawRequired::When(src) => {
                        let spanned = Spanned::new(req.span(), src.clone());
                        match r.condition(&spanned, manifest) {
                            Some(c) => Required::When(c),
                            None => Required::Always,
                        }
                    }
                },
            };
            let mut seen_steps = BTreeSet::new();
            for s in &e.steps {
                if !seen_steps.insert(s.get_ref().clone()) {
                    r.at(
                        s.span().start,
                        Code::DuplicateId,
                        Message::new(
                            "validate-elements-step-twice",
                            format!("element `{eid}` lists the step `{}` twice", s.get_ref()),
                        )
                        .arg("element", &eid)
                        .arg("step", s.get_ref()),
                    );
                }
                refs.push((eid.clone(), s.get_ref().clone(), s.span().start));
            }
            elements.push(Element {
                id: eid,
                name,
                description,
                basis,
                required,
                optional_note,
                steps: e.steps.into_iter().map(Spanned::into_inner).collect(),
                line: r.line(offset),
            });
        }
        offences.push(Offence {
            id,
            name,
            basis,
            when,
            note,
            elements,
            line: r.line(offset),
        });
    }
    (offences, refs)
}

/// Reports every step an element lists that no chapter declares.
pub(crate) fn check_steps(
    text: &str,
    refs: &StepRefs,
    known: &BTreeSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let index = LineIndex::new(text);
    for (element, step, offset) in refs {
        if known.contains(step.as_str()) {
            continue;
        }
        let (line, column) = index.position(text, *offset);
        out.push(Diagnostic::new(
            FILE,
            line,
            column,
            Code::BrokenReference,
            Message::new(
                "validate-elements-unknown-step",
                format!("element `{element}` lists the step `{step}`, which no chapter declares"),
            )
            .arg("element", element)
            .arg("step", step),
        ));
    }
}
