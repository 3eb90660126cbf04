//! Diagnostics: content problems reported with a place, a stable code and a message.
//!
//! Content problems are never panics and never stop the loader: every problem found is
//! reported, and the model is built from whatever could be read.
//!
//! A diagnostic carries its English sentence and, for the other language, a Fluent message
//! id with named arguments (`locales/*/validate.ftl`). This crate knows no Fluent: the
//! front ends format the id through `dalil-l10n`, and a test keeps the English of
//! `validate.ftl` equal to the sentences written here.

use std::fmt;

/// Stable codes for content problems. `docs/content-format.md` lists them for the staff who
/// edit chapters; the strings never change once published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Code {
    /// A file or folder could not be read.
    Io,
    /// `manifest.toml` is not valid TOML, or has a wrong or unknown key.
    ManifestSyntax,
    /// The manifest's content is wrong: a duplicate phase, an empty label, a bad default.
    ManifestInvalid,
    /// `glossary.toml` is not valid TOML, or has a wrong or unknown key.
    GlossarySyntax,
    /// A glossary term is empty, duplicated or lacks a definition.
    GlossaryInvalid,
    /// `elements.toml` is not valid TOML, or has a wrong or unknown key.
    ElementsSyntax,
    /// An offence or element lacks a name, a description or a basis in one language, or an
    /// offence declares no elements.
    ElementsInvalid,
    /// A chapter listed in the manifest has no folder.
    MissingChapter,
    /// A chapter folder lacks `ar.md` or `en.md`.
    MissingLanguage,
    /// A folder under `chapters/` is not listed in the manifest.
    UnlistedChapter,
    /// A chapter file does not start with `+++` front matter.
    FrontMatterMissing,
    /// The front matter is not valid TOML, or has an unknown or missing key.
    FrontMatterSyntax,
    /// The front matter's id differs from the folder, or the two languages disagree.
    FrontMatterMismatch,
    /// A phase that the manifest does not declare.
    UnknownPhase,
    /// An id that is not ASCII kebab-case.
    BadId,
    /// An id used twice.
    DuplicateId,
    /// A `.step` heading without an `#id`.
    StepMissingId,
    /// A step heading with no title.
    EmptyTitle,
    /// A step with no guidance under it.
    EmptyStep,
    /// The braces after a heading cannot be read, or hold an unknown attribute.
    BadAttribute,
    /// A step present in one language file and not the other.
    StepOnlyInOneLanguage,
    /// The two language files list the same steps in a different order.
    StepOrder,
    /// The two language files disagree on a step's condition or classes.
    StepMismatch,
    /// A condition that cannot be parsed.
    ConditionSyntax,
    /// A condition names a fact the manifest does not declare.
    UnknownFact,
    /// A fact used the wrong way: a yes-no fact compared, a choice fact alone, an unknown choice.
    BadFactUse,
    /// A cross-reference or glossary link that names nothing.
    BrokenReference,
    /// A link that points outside the SOP.
    ExternalLink,
    /// A chapter or a scenario writes a name that the glossary lists as a variant to avoid.
    /// A warning.
    AvoidedVariant,
    /// `training/training.toml` or a `scenario.toml` is not valid TOML, or has a wrong or
    /// unknown key.
    TrainingSyntax,
    /// The training files are valid TOML but their content is wrong: an empty label, a
    /// stage that expects nothing, a value that does not fit its fact, a missing reason.
    TrainingInvalid,
    /// A scenario listed in `training.toml` has no folder, or its folder no `scenario.toml`.
    MissingScenario,
    /// A folder under `training/` is not listed in `training.toml`.
    UnlistedScenario,
    /// A scenario's language file and its `scenario.toml` disagree on the stages.
    StageMismatch,
    /// A stage's section has no text under its heading.
    EmptyStage,
    /// A stage expects a state for a step that the checklist does not show for its facts.
    StepNotShown,
    /// A stage's facts bring a step into the checklist that no stage so far gives a state.
    StepUnaccounted,
}

impl Code {
    /// The stable, kebab-case name of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::ManifestSyntax => "manifest-syntax",
            Code::ManifestInvalid => "manifest-invalid",
            Code::GlossarySyntax => "glossary-syntax",
            Code::GlossaryInvalid => "glossary-invalid",
            Code::ElementsSyntax => "elements-syntax",
            Code::ElementsInvalid => "elements-invalid",
            Code::MissingChapter => "missing-chapter",
            Code::MissingLanguage => "missing-language",
            Code::UnlistedChapter => "unlisted-chapter",
            Code::FrontMatterMissing => "front-matter-missing",
            Code::FrontMatterSyntax => "front-matter-syntax",
            Code::FrontMatterMismatch => "front-matter-mismatch",
            Code::UnknownPhase => "unknown-phase",
            Code::BadId => "bad-id",
            Code::DuplicateId => "duplicate-id",
            Code::StepMissingId => "step-missing-id",
            Code::EmptyTitle => "empty-title",
            Code::EmptyStep => "empty-step",
            Code::BadAttribute => "bad-attribute",
            Code::StepOnlyInOneLanguage => "step-only-in-one-language",
            Code::StepOrder => "step-order",
            Code::StepMismatch => "step-mismatch",
            Code::ConditionSyntax => "condition-syntax",
            Code::UnknownFact => "unknown-fact",
            Code::BadFactUse => "bad-fact-use",
            Code::BrokenReference => "broken-reference",
            Code::ExternalLink => "external-link",
            Code::AvoidedVariant => "avoided-variant",
            Code::TrainingSyntax => "training-syntax",
            Code::TrainingInvalid => "training-invalid",
            Code::MissingScenario => "missing-scenario",
            Code::UnlistedScenario => "unlisted-scenario",
            Code::StageMismatch => "stage-mismatch",
            Code::EmptyStage => "empty-stage",
            Code::StepNotShown => "step-not-shown",
            Code::StepUnaccounted => "step-unaccounted",
        }
    }

    /// How much a problem of this code matters. Each code has one severity, so that a script
    /// reading the code knows it too.
    pub fn severity(self) -> Severity {
        match self {
            Code::AvoidedVariant => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// The content is wrong: validation fails, and the content must not be used for a
    /// checklist.
    Error,
    /// The content is valid but departs from the house style, for example a name the
    /// glossary says to avoid. It is reported, and validation still passes.
    Warning,
}

impl Severity {
    /// The stable name of the severity: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One content problem, at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file, relative to the content folder, with `/` separators.
    pub file: String,
    /// The line, counted from 1. Zero when the problem is about the file as a whole.
    pub line: u32,
    /// The column in characters, counted from 1. Zero when there is no column.
    pub column: u32,
    /// The stable code.
    pub code: Code,
    /// What is wrong, in one English sentence.
    pub message: String,
    /// The Fluent id of the message, one per kind of problem (several per code).
    pub message_id: &'static str,
    /// The message's named arguments: ids, file names, quoted values, parser details.
    pub args: Args,
}

/// Named arguments of a message, in the order they are given: name, value.
pub type Args = Vec<(&'static str, String)>;

/// What a problem says: the English sentence, and its Fluent id with named arguments.
///
/// The English is written where the problem is found, next to the arguments it is made of,
/// so that a sentence and its arguments cannot drift apart unnoticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The Fluent message id.
    pub id: &'static str,
    /// The named arguments.
    pub args: Args,
    /// The sentence in English.
    pub english: String,
}

impl Message {
    pub(crate) fn new(id: &'static str, english: impl Into<String>) -> Self {
        Message {
            id,
            args: Vec::new(),
            english: english.into(),
        }
    }

    pub(crate) fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

impl Diagnostic {
    pub(crate) fn new(file: &str, line: u32, column: u32, code: Code, message: Message) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            code,
            message: message.english,
            message_id: message.id,
            args: message.args,
        }
    }
}

impl Diagnostic {
    /// How much the problem matters; it follows from the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether the problem fails validation. Warnings do not.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// The number of diagnostics that fail validation, leaving warnings out.
pub fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// `file:line:column: code: message`, with `warning: ` before the code of a warning.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if self.severity() == Severity::Warning {
            write!(f, "{}: ", Severity::Warning)?;
        }
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// Maps byte offsets in one file's text to lines and columns.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    /// The byte offset at which each line starts.
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and 1-based character column of `offset` in `text`.
    pub(crate) fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            .saturating_add(1);
        (to_u32(line), to_u32(column))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "ab\nضحية x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 3), (2, 1));
        let x = text.find('x').unwrap_or_default();
        assert_eq!(index.position(text, x), (2, 6));
        assert_eq!(index.position(text, text.len()), (3, 1));
    }
}
