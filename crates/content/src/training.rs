//! Training scenarios: practice cases told in stages, with the facts a trainee should declare
//! at each stage and the state expected of the steps, checked against the SOP's own rules.
//!
//! A scenario is content, like a chapter: a folder `training/<id>/` holding `scenario.toml`
//! (the stages, the facts each declares and the expected state of steps) and the story in
//! `ar.md` and `en.md`, one `##` section per stage. `training/training.toml` lists the
//! scenarios in order and holds the training label shown above every one of them.
//!
//! The loader checks a scenario against the SOP, not only for its form: every fact it sets
//! is the manifest's, every step it names is a chapter's, and at every stage the conditional
//! steps that the checklist shows for the facts declared so far are exactly those that the
//! scenario has given an expected state by then (`docs/content-format.md` says why).
//! Scoring a trainee's answers is not done here but in `dalil-training`.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};
use serde::Deserialize;
use toml::Spanned;

use crate::condition::Facts;
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::ids::is_kebab_case;
use crate::lang::{Bilingual, Lang};
use crate::load::{
    FileReporter, Files, check_links, front_matter, link_targets, text_of, whole_file, wrong_id,
};
use crate::manifest::{FactType, Reporter};
use crate::markdown::{self, heading_attrs};
use crate::model::Sop;

/// The folder of the scenarios within the content folder.
pub const FOLDER: &str = "training";

/// The file that lists the scenarios and holds the training label.
pub const INDEX: &str = "training/training.toml";

/// The file of a scenario's stages, in its folder.
pub const SCENARIO_FILE: &str = "scenario.toml";

/// The id of the optional last section of a scenario's text, for the trainer: what the
/// scenario teaches, read after the last stage. No stage may take it.
pub const DEBRIEF: &str = "debrief";

/// The training scenarios, from `training/`; empty when the content has no such folder.
#[derive(Debug, Clone, Default)]
pub struct Training {
    /// The training label, shown above every scenario beside the SOP's status label.
    pub label: Bilingual,
    /// The scenarios in the order `training.toml` lists them. A scenario with a missing or
    /// unreadable file is left out.
    pub scenarios: Vec<Scenario>,
}

/// A practice case told in stages.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The scenario id, which is also its folder's name.
    pub id: String,
    /// The stages, in order.
    pub stages: Vec<Stage>,
    /// The Arabic text.
    pub ar: ScenarioText,
    /// The English text.
    pub en: ScenarioText,
}

/// One stage of a scenario: what the trainee should have declared and done by its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// The stage id, unique within the scenario.
    pub id: String,
    /// The facts this stage declares or changes, in the form the checklist reads (`yes` or
    /// `no`, or a choice id). The facts at a stage are these over those of the stages before
    /// it ([`Scenario::facts_at`]).
    pub facts: Facts,
    /// The steps this stage expects a state for, in the order the file gives them.
    pub expected: Vec<Expected>,
    /// The line of the stage's `id` in `scenario.toml`.
    pub line: u32,
}

/// The state a stage expects of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The step id.
    pub step: String,
    /// The state expected by the end of the stage.
    pub state: ExpectedState,
    /// The line in `scenario.toml`.
    pub line: u32,
}

/// What a stage expects of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectedState {
    /// The step should be done.
    Done,
    /// The step is shown but does not fit the case; the trainee marks it not applicable.
    NotApplicable {
        /// Why, in both languages: what the feedback says.
        reason: Bilingual,
    },
    /// The step is shown, but its time has not come: it should still be pending.
    Pending,
}

impl ExpectedState {
    /// The state's name as the case store writes it: `done`, `not-applicable` or `pending`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpectedState::Done => "done",
            ExpectedState::NotApplicable { .. } => "not-applicable",
            ExpectedState::Pending => "pending",
        }
    }
}

/// One language file of a scenario.
#[derive(Debug, Clone, Default)]
pub struct ScenarioText {
    /// The file, relative to the content folder.
    pub file: String,
    /// The title from the front matter.
    pub title: String,
    /// The whole file's text.
    pub source: String,
    /// Where the markdown body starts in `source`, after the front matter.
    pub body_start: usize,
    /// The story of each stage, in the file's order (the stages' order when it is valid).
    pub stages: Vec<StageText>,
    /// The debrief for the trainer, if the file has one.
    pub debrief: Option<StageText>,
}

/// The section of a scenario's text for one stage, or for the debrief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageText {
    /// The stage id (or [`DEBRIEF`]).
    pub id: String,
    /// The heading's title.
    pub title: String,
    /// Where the heading stands in the file's `source`.
    pub heading: Range<usize>,
    /// The markdown under the heading, as a range of the file's `source`.
    pub story: Range<usize>,
    /// The line of the heading.
    pub line: u32,
}

impl Training {
    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }
}

impl Scenario {
    /// The scenario's text in `lang`.
    pub fn text(&self, lang: Lang) -> &ScenarioText {
        match lang {
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }

    /// The position of the stage with this id.
    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The facts declared by the end of stage `index`: those of every stage up to it, a later
    /// stage overriding an earlier one. A fact no stage declares keeps its default, as in a
    /// case. Past the last stage, the facts of the last.
    pub fn facts_at(&self, index: usize) -> Facts {
        let mut facts = Facts::new();
        for stage in self.stages.iter().take(index.saturating_add(1)) {
            facts.extend(stage.facts.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        facts
    }
}

impl ScenarioText {
    /// The introduction: the markdown before the first section.
    pub fn introduction(&self) -> &str {
        let end = self
            .stages
            .iter()
            .chain(self.debrief.iter())
            .map(|s| s.heading.start)
            .min()
            .unwrap_or(self.source.len());
        self.source.get(self.body_start..end).unwrap_or_default()
    }

    /// The text of one stage (or of the debrief) as markdown.
    pub fn story(&self, stage: &StageText) -> &str {
        self.source.get(stage.story.clone()).unwrap_or_default()
    }

    /// The section for the stage with this id.
    pub fn stage(&self, id: &str) -> Option<&StageText> {
        self.stages.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "id = \"t\"\nversion = \"1\"\ndate = \"2026-01-01\"\nchapters = [\"c\"]\n\
        [label]\nar = \"أ\"\nen = \"e\"\n[[phase]]\nid = \"p\"\nar = \"أ\"\nen = \"e\"\n\
        [[fact]]\nid = \"child\"\ntype = \"yes-no\"\nquestion.ar = \"أ\"\nquestion.en = \"e\"\n\
        label.ar = \"أ\"\nlabel.en = \"e\"\n";

    fn files(scenario: &str) -> Files {
        let mut files = Files::new();
        files.insert("manifest.toml".into(), MANIFEST.into());
        files.insert("glossary.toml".into(), Vec::new());
        for lang in ["ar", "en"] {
            files.insert(
                format!("chapters/c/{lang}.md"),
                "+++\nid = \"c\"\ntitle = \"t\"\nphase = \"p\"\n+++\n\n### A {#a .step}\n\nDo a.\n\n\
                 ### B {#b .step when=\"child\"}\n\nDo b.\n"
                    .into(),
            );
            files.insert(
                format!("training/s/{lang}.md"),
                "+++\nid = \"s\"\ntitle = \"S\"\n+++\n\nThe introduction.\n\n### Not a stage\n\nStill the introduction.\n\n\
                 ## One {#one}\n\nFirst.\n\n## Two {#two}\n\nSecond.\n\n## Debrief {#debrief}\n\nWhat it teaches.\n"
                    .into(),
            );
        }
        files.insert("training/s/scenario.toml".into(), scenario.into());
        files.insert(
            INDEX.into(),
            "scenarios = [\"s\"]\n[label]\nar = \"أ\"\nen = \"e\"\n".into(),
        );
        files
    }

    #[test]
    fn the_facts_at_a_stage_are_those_of_every_stage_up_to_it() {
        let (sop, diagnostics) = crate::load(&files(
            "[[stage]]\nid = \"one\"\nfacts = { child = true }\ndone = [\"a\", \"b\"]\n\
             [[stage]]\nid = \"two\"\nfacts = { child = false }\ndone = [\"a\"]\n",
        ));
        assert_eq!(diagnostics, vec![]);
        let s = &sop.training.scenarios[0];
        assert_eq!(s.facts_at(0).get("child").map(String::as_str), Some("yes"));
        assert_eq!(s.facts_at(1).get("child").map(String::as_str), Some("no"));
        assert_eq!(s.facts_at(9), s.facts_at(1));
        assert_eq!(s.stage_index("two"), Some(1));
        assert_eq!(s.stages[0].expected[1].step, "b");
        assert_eq!(s.stages[0].expected[1].line, 4);
    }

    #[test]
    fn the_text_splits_into_introduction_stages_and_debrief() {
        let (sop, _) = crate::load(&files(
            "[[stage]]\nid = \"one\"\ndone = [\"a\"]\n[[stage]]\nid = \"two\"\npending = [\"a\"]\n",
        ));
        let text = sop.training.scenarios[0].text(Lang::En);
        assert_eq!(
            text.introduction().trim(),
            "The introduction.\n\n### Not a stage\n\nStill the introduction."
        );
        let one = text.stage("one").map(|s| text.story(s).trim());
        assert_eq!(one, Some("First."));
        assert_eq!(text.stages.len(), 2);
        let debrief = text.debrief.as_ref().map(|d| text.story(d).trim());
        assert_eq!(debrief, Some("What it teaches."));
    }

    #[test]
    fn a_step_shown_later_is_reported_once_at_the_first_stage_that_shows_it() {
        let (_, diagnostics) = crate::load(&files(
            "[[stage]]\nid = \"one\"\nfacts = { child = true }\ndone = [\"a\"]\n\
             [[stage]]\nid = \"two\"\ndone = [\"a\"]\n",
        ));
        let codes: Vec<(u32, Code)> = diagnostics.iter().map(|d| (d.line, d.code)).collect();
        assert_eq!(codes, vec![(2, Code::StepUnaccounted)]);
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndex {
    scenarios: Vec<Spanned<String>>,
    label: Spanned<Bilingual>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    #[serde(rename = "stage", default)]
    stages: Vec<RawStage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    id: Spanned<String>,
    #[serde(default)]
    facts: BTreeMap<Spanned<String>, Spanned<RawValue>>,
    #[serde(default)]
    done: Vec<Spanned<String>>,
    #[serde(default)]
    pending: Vec<Spanned<String>>,
    #[serde(rename = "not-applicable", default)]
    not_applicable: Vec<RawNotApplicable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNotApplicable {
    step: Spanned<String>,
    #[serde(default)]
    reason: RawReason,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawReason {
    ar: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Flag(bool),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
}

/// Loads and checks every scenario under `training/` against the loaded SOP.
pub(crate) fn load(files: &Files, sop: &Sop, out: &mut Vec<Diagnostic>) -> Training {
    let prefix = format!("{FOLDER}/");
    if !files.keys().any(|p| p.starts_with(&prefix)) {
        return Training::default();
    }
    let Some(text) = text_of(files, INDEX, out) else {
        return Training::default();
    };
    let Some((label, listed)) = parse_index(text, out) else {
        return Training::default();
    };

    let names: BTreeSet<&str> = listed.iter().map(|(id, _)| id.as_str()).collect();
    let mut unlisted = BTreeSet::new();
    for path in files.keys() {
        let Some(rest) = path.strip_prefix(&prefix) else {
            continue;
        };
        if path == INDEX {
            continue;
        }
        let folder = rest.split('/').next().unwrap_or_default();
        if !names.contains(folder) && unlisted.insert(folder) {
            out.push(whole_file(
                path,
                Code::UnlistedScenario,
                Message::new(
                    "validate-unlisted-scenario",
                    format!(
                        "the folder `{FOLDER}/{folder}` is not listed in the `scenarios` of {INDEX}"
                    ),
                )
                .arg("folder", folder),
            ));
        }
    }

    let index = crate::diagnostic::LineIndex::new(text);
    let mut scenarios = Vec::new();
    for (id, offset) in &listed {
        let folder = format!("{FOLDER}/{id}");
        if !files.keys().any(|p| p.starts_with(&format!("{folder}/"))) {
            let (line, column) = index.position(text, *offset);
            out.push(Diagnostic::new(
                INDEX,
                line,
                column,
                Code::MissingScenario,
                Message::new(
                    "validate-missing-scenario",
                    format!("the scenario `{id}` is listed, but there is no folder `{folder}`"),
                )
                .arg("scenario", id),
            ));
            continue;
        }
        let toml_path = format!("{folder}/{SCENARIO_FILE}");
        let stages = if files.contains_key(&toml_path) {
            text_of(files, &toml_path, out).and_then(|text| {
                for lang in Lang::ALL {
                    crate::variants::check_source(sop, &toml_path, text, lang, out);
                }
                parse_stages(&toml_path, text, sop, out)
            })
        } else {
            out.push(whole_file(
                &folder,
                Code::MissingScenario,
                Message::new(
                    "validate-scenario-missing-file",
                    format!("the scenario `{id}` has no `{SCENARIO_FILE}`"),
                )
                .arg("scenario", id)
                .arg("file", SCENARIO_FILE),
            ));
            None
        };
        let stage_ids: Option<Vec<&str>> = stages
            .as_ref()
            .map(|s: &Vec<Stage>| s.iter().map(|s| s.id.as_str()).collect());
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            let path = format!("{folder}/{lang}.md");
            if !files.contains_key(&path) {
                out.push(whole_file(
                    &folder,
                    Code::MissingLanguage,
                    Message::new(
                        "validate-scenario-missing-language",
                        format!("the scenario `{id}` has no `{lang}.md`"),
                    )
                    .arg("scenario", id)
                    .arg("lang", lang),
                ));
                continue;
            }
            if let Some(source) = text_of(files, &path, out) {
                let text = parse_text(&path, source, id, lang, stage_ids.as_deref(), out);
                check_links(
                    sop,
                    &link_targets(sop, lang),
                    &text.file,
                    &text.source,
                    text.body_start,
                    out,
                );
                crate::variants::check_source(sop, &text.file, &text.source, lang, out);
                texts.push(text);
            }
        }
        if let (Some(stages), [ar, en]) = (stages, texts.as_slice()) {
            scenarios.push(Scenario {
                id: id.clone(),
                stages,
                ar: ar.clone(),
                en: en.clone(),
            });
        }
    }
    Training { label, scenarios }
}

/// Reads `training.toml`: the label and the listed scenario ids with their byte offsets.
fn parse_index(text: &str, out: &mut Vec<Diagnostic>) -> Option<(Bilingual, Vec<(String, usize)>)> {
    let mut r = Reporter::new(INDEX, text, out);
    let raw: RawIndex = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            syntax_error(&mut r, &e);
            return None;
        }
    };
    for lang in Lang::ALL {
        if raw.label.get_ref().get(lang).trim().is_empty() {
            r.at(
                raw.label.span().start,
                Code::TrainingInvalid,
                Message::new(
                    "validate-training-empty-label",
                    format!(
                        "the `{lang}` label is empty; every scenario must carry the training label"
                    ),
                )
                .arg("lang", lang),
            );
        }
    }
    if raw.scenarios.is_empty() {
        r.at(
            0,
            Code::TrainingInvalid,
            Message::new("validate-training-no-scenarios", "no scenarios are listed"),
        );
    }
    let mut seen = BTreeSet::new();
    let mut listed = Vec::new();
    for id in &raw.scenarios {
        r.id(id, "scenario", &mut seen);
        if !listed.iter().any(|(l, _)| l == id.get_ref()) {
            listed.push((id.get_ref().clone(), id.span().start));
        }
    }
    Some((raw.label.into_inner(), listed))
}

fn syntax_error(r: &mut Reporter<'_>, e: &toml::de::Error) {
    let offset = e.span().map_or(0, |s| s.start);
    let detail = crate::manifest::toml_message(e);
    r.at(
        offset,
        Code::TrainingSyntax,
        Message::new("validate-training-syntax", &detail).arg("detail", detail),
    );
}

/// Reads a scenario's stages and checks them against the SOP: the facts against the
/// manifest, the steps against the chapters, and each stage's expected steps against the
/// steps the checklist shows for its facts. `None` when the file cannot be read as TOML.
fn parse_stages(
    path: &str,
    text: &str,
    sop: &Sop,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<Stage>> {
    let manifest = &sop.manifest;
    let mut r = Reporter::new(path, text, out);
    let raw: RawScenario = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            syntax_error(&mut r, &e);
            return None;
        }
    };
    if raw.stages.is_empty() {
        r.at(
            0,
            Code::TrainingInvalid,
            Message::new(
                "validate-scenario-no-stages",
                "the scenario declares no stages; add a `[[stage]]`",
            ),
        );
    }
    let steps: BTreeMap<&str, &crate::model::Step> = sop
        .steps(Lang::Ar)
        .map(|(_, s)| (s.id.as_str(), s))
        .collect();

    let mut stage_ids = BTreeSet::new();
    let mut facts_so_far = Facts::new();
    // Every step named by a stage so far, and the steps already reported as unaccounted for,
    // so that each is reported once, at the first stage that should have named it.
    let mut named: BTreeSet<String> = BTreeSet::new();
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    let mut stages = Vec::new();
    for raw_stage in raw.stages {
        let stage_id = raw_stage.id.get_ref().clone();
        let stage_at = raw_stage.id.span().start;
        r.id(&raw_stage.id, "stage", &mut stage_ids);
        if stage_id == DEBRIEF {
            r.at(
                stage_at,
                Code::TrainingInvalid,
                Message::new(
                    "validate-stage-reserved-id",
                    format!(
                        "the stage id `{DEBRIEF}` is kept for the trainer's debrief; choose another"
                    ),
                ),
            );
        }

        let mut facts = Facts::new();
        for (key, value) in &raw_stage.facts {
            let fact_id = key.get_ref();
            let Some(fact) = manifest.fact(fact_id) else {
                r.at(
                    key.span().start,
                    Code::UnknownFact,
                    Message::new(
                        "validate-stage-unknown-fact",
                        format!(
                            "stage `{stage_id}` sets `{fact_id}`, which the manifest does not declare as a fact"
                        ),
                    )
                    .arg("stage", &stage_id)
                    .arg("fact", fact_id),
                );
                continue;
            };
            let stored = match (&fact.kind, value.get_ref()) {
                (FactType::YesNo, RawValue::Flag(b)) => {
                    Some(if *b { "yes" } else { "no" }.to_owned())
                }
                (FactType::YesNo, RawValue::Text(_)) => {
                    r.at(
                        value.span().start,
                        Code::TrainingInvalid,
                        Message::new(
                            "validate-stage-yes-no-value",
                            format!("`{fact_id}` is a yes-no fact: write `true` or `false`, without quotes"),
                        )
                        .arg("fact", fact_id),
                    );
                    None
                }
                (FactType::Choice { choices, .. }, RawValue::Text(v)) => {
                    if choices.iter().any(|c| &c.id == v) {
                        Some(v.clone())
                    } else {
                        r.at(
                            value.span().start,
                            Code::TrainingInvalid,
                            Message::new(
                                "validate-stage-unknown-choice",
                                format!("`{v}` is not one of the choices of `{fact_id}`"),
                            )
                            .arg("fact", fact_id)
                            .arg("value", v),
                        );
                        None
                    }
                }
                (FactType::Choice { .. }, RawValue::Flag(_)) => {
                    r.at(
                        value.span().start,
                        Code::TrainingInvalid,
                        Message::new(
                            "validate-stage-choice-value",
                            format!(
                                "`{fact_id}` is a choice fact: write one of its choices, in quotes"
                            ),
                        )
                        .arg("fact", fact_id),
                    );
                    None
                }
            };
            if let Some(stored) = stored {
                facts.insert(fact_id.clone(), stored);
            }
        }
        facts_so_far.extend(facts.iter().map(|(k, v)| (k.clone(), v.clone())));

        // The expected steps in the order the file gives them.
        let mut raw_expected: Vec<(&Spanned<String>, ExpectedState)> = Vec::new();
        raw_expected.extend(raw_stage.done.iter().map(|s| (s, ExpectedState::Done)));
        raw_expected.extend(
            raw_stage
                .pending
                .iter()
                .map(|s| (s, ExpectedState::Pending)),
        );
        for na in &raw_stage.not_applicable {
            let offset = na.step.span().start;
            let mut reason = Bilingual::default();
            for (lang, value) in [(Lang::Ar, &na.reason.ar), (Lang::En, &na.reason.en)] {
                match value.as_deref().map(str::trim) {
                    Some(v) if !v.is_empty() => match lang {
                        Lang::Ar => reason.ar = v.to_owned(),
                        Lang::En => reason.en = v.to_owned(),
                    },
                    _ => r.at(
                        offset,
                        Code::TrainingInvalid,
                        Message::new(
                            "validate-stage-no-reason",
                            format!(
                                "the step `{}` is expected not applicable, so it needs a reason in `{lang}`",
                                na.step.get_ref()
                            ),
                        )
                        .arg("step", na.step.get_ref())
                        .arg("lang", lang),
                    ),
                }
            }
            raw_expected.push((&na.step, ExpectedState::NotApplicable { reason }));
        }
        raw_expected.sort_by_key(|(s, _)| s.span().start);

        let mut seen = BTreeSet::new();
        let mut expected = Vec::new();
        for (step_id, state) in raw_expected {
            let offset = step_id.span().start;
            let id = step_id.get_ref();
            if !seen.insert(id.as_str()) {
                r.at(
                    offset,
                    Code::TrainingInvalid,
                    Message::new(
                        "validate-stage-step-twice",
                        format!("stage `{stage_id}` names the step `{id}` twice"),
                    )
                    .arg("stage", &stage_id)
                    .arg("step", id),
                );
                continue;
            }
            match steps.get(id.as_str()) {
                None => {
                    r.at(
                    offset,
                    Code::BrokenReference,
                    Message::new(
                        "validate-stage-unknown-step",
                        format!("stage `{stage_id}` names the step `{id}`, which no chapter declares"),
                    )
                    .arg("stage", &stage_id)
                    .arg("step", id),
                    );
                    continue;
                }
                Some(step) => {
                    // A condition that does not fit the manifest is reported in its chapter.
                    if let Some(when) = step.when.as_ref().filter(|c| c.check(manifest).is_empty())
                    {
                        if !when.eval(manifest, &facts_so_far) {
                            r.at(
                                offset,
                                Code::StepNotShown,
                                Message::new(
                                    "validate-step-not-shown",
                                    format!(
                                        "stage `{stage_id}` expects a state for `{id}`, which the checklist does not show for the facts declared so far (it applies when `{}`)",
                                        when.source()
                                    ),
                                )
                                .arg("stage", &stage_id)
                                .arg("step", id)
                                .arg("when", when.source()),
                            );
                        }
                    }
                }
            }
            named.insert(id.clone());
            expected.push(Expected {
                step: id.clone(),
                state,
                line: r.line(offset),
            });
        }
        if raw_stage.facts.is_empty()
            && raw_stage.done.is_empty()
            && raw_stage.pending.is_empty()
            && raw_stage.not_applicable.is_empty()
        {
            r.at(
                stage_at,
                Code::TrainingInvalid,
                Message::new(
                    "validate-stage-empty",
                    format!(
                        "stage `{stage_id}` expects nothing; give it facts to declare or steps to mark"
                    ),
                )
                .arg("stage", &stage_id),
            );
        }

        // Every conditional step the facts so far bring into the checklist must have been
        // given an expected state by this stage.
        for (id, step) in &steps {
            let shown = step
                .when
                .as_ref()
                .is_some_and(|c| c.eval(manifest, &facts_so_far));
            if shown && !named.contains(*id) && reported.insert(id) {
                r.at(
                    stage_at,
                    Code::StepUnaccounted,
                    Message::new(
                        "validate-step-unaccounted",
                        format!(
                            "the facts of stage `{stage_id}` bring `{id}` into the checklist, but no stage up to this one gives it an expected state"
                        ),
                    )
                    .arg("stage", &stage_id)
                    .arg("step", id),
                );
            }
        }

        stages.push(Stage {
            id: stage_id,
            facts,
            expected,
            line: r.line(stage_at),
        });
    }
    Some(stages)
}

/// Reads one language file of a scenario. `stage_ids` are the stages of `scenario.toml`, when
/// it could be read: the file's `##` sections must be these, in this order, with an optional
/// debrief last.
fn parse_text(
    path: &str,
    text: &str,
    folder: &str,
    lang: Lang,
    stage_ids: Option<&[&str]>,
    out: &mut Vec<Diagnostic>,
) -> ScenarioText {
    let r = FileReporter::new(path, text);
    let mut scenario = ScenarioText {
        file: path.to_owned(),
        source: text.to_owned(),
        ..ScenarioText::default()
    };
    let missing = Message::new(
        "validate-scenario-front-matter-missing",
        "the file must start with `+++` front matter holding `id` and `title`",
    );
    let (body_start, fm) = front_matter::<FrontMatter>(&r, missing, out);
    scenario.body_start = body_start;
    if let Some((fm, first_line_end)) = fm {
        if fm.id != folder {
            out.push(r.diag(
                first_line_end,
                Code::FrontMatterMismatch,
                wrong_id(&fm.id, folder),
            ));
        }
        if fm.title.trim().is_empty() {
            out.push(r.diag(
                first_line_end,
                Code::EmptyTitle,
                Message::new(
                    "validate-empty-scenario-title",
                    "the scenario title is empty",
                ),
            ));
        }
        scenario.title = fm.title.trim().to_owned();
    }

    // Every heading: its level, where it stands and its text.
    let body = &text[body_start..];
    let mut headings: Vec<(u8, Range<usize>, String)> = Vec::new();
    let mut current: Option<(u8, Range<usize>, String)> = None;
    for (event, range) in markdown::parser(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((
                    level as u8,
                    range.start + body_start..range.end + body_start,
                    String::new(),
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title)) = current.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, title)) = current.as_mut() {
                    title.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = current.take() {
                    headings.push(h);
                }
            }
            _ => {}
        }
    }

    // The `#` and `##` headings open the sections: one per stage, and the debrief.
    let mut sections: Vec<StageText> = Vec::new();
    for (i, (level, range, title)) in headings.iter().enumerate() {
        let source = &text[range.clone()];
        let attrs = match heading_attrs(source) {
            Ok(attrs) => attrs,
            Err(e) => {
                out.push(r.diag(range.start + e.offset, Code::BadAttribute, e.message));
                Default::default()
            }
        };
        if !attrs.classes.is_empty() || attrs.when.is_some() || attrs.basis.is_some() {
            out.push(r.diag(
                range.start,
                Code::BadAttribute,
                Message::new(
                    "validate-scenario-heading-attribute",
                    "a scenario's heading takes only an `#id`; `.step`, `when` and `basis` belong in chapters",
                ),
            ));
        }
        if let Some((id, offset)) = &attrs.id {
            if !is_kebab_case(id) {
                out.push(
                    r.diag(
                        range.start + offset,
                        Code::BadId,
                        Message::new(
                            "validate-bad-id",
                            format!("the id `{id}` is not ASCII kebab-case"),
                        )
                        .arg("id", id),
                    ),
                );
            }
        }
        if *level > 2 {
            continue;
        }
        let title = match attrs.block_start {
            Some(start) => markdown::plain_text(&source[..start]),
            None => title.trim().to_owned(),
        };
        let Some((id, _)) = attrs.id else {
            out.push(r.diag(
                range.start,
                Code::StageMismatch,
                Message::new(
                    "validate-stage-heading-no-id",
                    "a `##` heading of a scenario opens a stage and needs the stage's id, such as `{#first-report}`",
                ),
            ));
            continue;
        };
        let end = headings[i + 1..]
            .iter()
            .find(|(l, _, _)| *l <= 2)
            .map_or(text.len(), |(_, next, _)| next.start);
        let story = range.end..end;
        if text[story.clone()].trim().is_empty() {
            out.push(
                r.diag(
                    range.start,
                    Code::EmptyStage,
                    Message::new(
                        "validate-empty-stage",
                        format!("the section `{id}` has no text under its heading"),
                    )
                    .arg("stage", &id),
                ),
            );
        }
        sections.push(StageText {
            id,
            title,
            heading: range.clone(),
            story,
            line: r.line(range.start),
        });
    }

    if let Some(expected) = stage_ids {
        check_sections(&r, &sections, expected, lang, out);
    }
    let (debrief, stages): (Vec<StageText>, Vec<StageText>) =
        sections.into_iter().partition(|s| s.id == DEBRIEF);
    scenario.stages = stages;
    scenario.debrief = debrief.into_iter().next();
    scenario
}

/// Checks a scenario file's sections against the stages of `scenario.toml`: each stage once,
/// in order, nothing else, and the debrief, if any, last.
fn check_sections(
    r: &FileReporter<'_>,
    sections: &[StageText],
    expected: &[&str],
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) {
    let at_line =
        |line: u32, code: Code, message: Message| Diagnostic::new(r.file, line, 1, code, message);
    let mut seen = BTreeSet::new();
    let mut present = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        if s.id == DEBRIEF {
            if i + 1 != sections.len() {
                out.push(at_line(
                    s.line,
                    Code::StageMismatch,
                    Message::new(
                        "validate-debrief-not-last",
                        format!("the `{DEBRIEF}` section must come after the last stage"),
                    ),
                ));
            }
        } else if !expected.contains(&s.id.as_str()) {
            out.push(at_line(
                s.line,
                Code::StageMismatch,
                Message::new(
                    "validate-stage-heading-unknown",
                    format!("the section `{}` names no stage of {SCENARIO_FILE}", s.id),
                )
                .arg("stage", &s.id),
            ));
        } else if !seen.insert(s.id.as_str()) {
            out.push(at_line(
                s.line,
                Code::StageMismatch,
                Message::new(
                    "validate-stage-heading-twice",
                    format!("the stage `{}` has a second section", s.id),
                )
                .arg("stage", &s.id),
            ));
        } else {
            present.push(s);
        }
    }
    for id in expected {
        if !seen.contains(id) {
            out.push(whole_file(
                r.file,
                Code::StageMismatch,
                Message::new(
                    "validate-stage-heading-missing",
                    format!("the stage `{id}` of {SCENARIO_FILE} has no section in {lang}.md"),
                )
                .arg("stage", id)
                .arg("lang", lang),
            ));
        }
    }
    let in_order = expected.iter().filter(|id| seen.contains(*id));
    if let Some((s, want)) = present
        .iter()
        .zip(in_order)
        .find(|(s, want)| s.id != **want)
    {
        out.push(at_line(
            s.line,
            Code::StageMismatch,
            Message::new(
                "validate-stage-heading-order",
                format!(
                    "the stage `{}` stands where {SCENARIO_FILE} has `{want}`; the sections must follow the stages' order",
                    s.id
                ),
            )
            .arg("stage", &s.id)
            .arg("expected", want),
        ));
    }
}
