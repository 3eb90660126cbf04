//! The loaded SOP: plain data, shared by the validator, the renderer, the checklist and search.

use std::ops::Range;

use crate::condition::Condition;
use crate::elements::{Element, Offence};
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::manifest::Manifest;
use crate::training::Training;

/// The whole SOP as loaded.
#[derive(Debug, Clone, Default)]
pub struct Sop {
    /// The manifest.
    pub manifest: Manifest,
    /// The glossary.
    pub glossary: Glossary,
    /// The offences and their elements, from `elements.toml`; empty when it is absent.
    pub offences: Vec<Offence>,
    /// The chapters in reading order. A chapter whose files are missing is left out.
    pub chapters: Vec<Chapter>,
    /// The training scenarios, from `training/`; empty when there are none.
    pub training: Training,
}

/// One chapter, in both languages.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// The chapter id, which is also its folder's name.
    pub id: String,
    /// The phase id from the front matter.
    pub phase: String,
    /// The Arabic text.
    pub ar: ChapterText,
    /// The English text.
    pub en: ChapterText,
}

/// One language file of a chapter.
#[derive(Debug, Clone, Default)]
pub struct ChapterText {
    /// The file, relative to the content folder.
    pub file: String,
    /// The title from the front matter.
    pub title: String,
    /// The whole file's text.
    pub source: String,
    /// Where the markdown body starts in `source`, after the front matter.
    pub body_start: usize,
    /// Every heading of the body, in order.
    pub headings: Vec<Heading>,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// A heading of a chapter body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The `#id`, if it has one.
    pub id: Option<String>,
    /// 1 for `#`, 2 for `##` and so on.
    pub level: u8,
    /// The title as plain text.
    pub title: String,
    /// Where the heading stands in the file's `source`.
    pub range: Range<usize>,
    /// The line of the heading in the file.
    pub line: u32,
    /// The index into [`ChapterText::steps`], when the heading is a step.
    pub step: Option<usize>,
}

/// A step: a heading with the class `.step`, and the guidance under it.
#[derive(Debug, Clone)]
pub struct Step {
    /// The step id, shared by both languages.
    pub id: String,
    /// The title in this file's language.
    pub title: String,
    /// The heading level.
    pub level: u8,
    /// The condition under which the step applies; `None` applies to every case.
    pub when: Option<Condition>,
    /// Good practice rather than mandatory.
    pub advisory: bool,
    /// The legal basis, in this file's language.
    pub basis: Option<String>,
    /// The guidance: the markdown under the heading, as a range of the file's `source`.
    pub guidance: Range<usize>,
    /// The line of the heading in the file.
    pub line: u32,
}

impl Sop {
    /// The chapter with this id.
    pub fn chapter(&self, id: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.id == id)
    }

    /// The chapter that holds the step or section `id`, if any.
    pub fn chapter_of(&self, id: &str) -> Option<&Chapter> {
        self.chapters
            .iter()
            .find(|c| c.ar.headings.iter().any(|h| h.id.as_deref() == Some(id)))
    }

    /// Every step of the SOP in reading order, with its chapter, in `lang`.
    pub fn steps(&self, lang: Lang) -> impl Iterator<Item = (&Chapter, &Step)> {
        self.chapters
            .iter()
            .flat_map(move |c| c.text(lang).steps.iter().map(move |s| (c, s)))
    }
}

impl Sop {
    /// The element with this id, and its offence.
    pub fn element(&self, id: &str) -> Option<(&Offence, &Element)> {
        self.offences
            .iter()
            .find_map(|o| o.elements.iter().find(|e| e.id == id).map(|e| (o, e)))
    }

    /// The step with this id and its chapter, in `lang`.
    pub fn step(&self, id: &str, lang: Lang) -> Option<(&Chapter, &Step)> {
        self.steps(lang).find(|(_, s)| s.id == id)
    }
}

impl Chapter {
    /// The chapter's text in `lang`.
    pub fn text(&self, lang: Lang) -> &ChapterText {
        match lang {
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}

impl ChapterText {
    /// The markdown body, after the front matter.
    pub fn body(&self) -> &str {
        self.source.get(self.body_start..).unwrap_or_default()
    }

    /// A step's guidance as markdown.
    pub fn guidance(&self, step: &Step) -> &str {
        self.source.get(step.guidance.clone()).unwrap_or_default()
    }

    /// The introduction: the markdown before the first heading.
    pub fn introduction(&self) -> &str {
        let end = self
            .headings
            .first()
            .map_or(self.source.len(), |h| h.range.start);
        self.source.get(self.body_start..end).unwrap_or_default()
    }
}

impl Step {
    /// Whether the step is mandatory when it applies.
    pub fn required(&self) -> bool {
        !self.advisory
    }
}
