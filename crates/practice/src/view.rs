//! What the app's practice screens show, in one language: the stage being worked on, the
//! checklist for the facts declared, and the feedback on a stage with the steps' titles.

use std::collections::BTreeMap;

use dalil_content::{Lang, Sop};
use dalil_training::{Feedback, Score, StepFeedback};
use serde::Serialize;

use crate::Practice;

/// A practice case for its screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticeView {
    /// The scenario id.
    pub scenario: String,
    /// Its title.
    pub title: String,
    /// The trainee.
    pub trainee: String,
    /// The stage being worked on (from 0), `None` once every stage is finished.
    pub stage: Option<usize>,
    /// Its id, empty once finished.
    pub stage_id: String,
    /// How many stages.
    pub stages: usize,
    /// The facts declared so far.
    pub facts: BTreeMap<String, String>,
    /// The checklist for the facts declared, in reading order.
    pub rows: Vec<PracticeRow>,
    /// The score of each finished stage.
    pub finished: Vec<StageLine>,
    /// The marks of the finished stages added up.
    pub total: Score,
    /// That in whole percent.
    pub percent: u32,
}

/// A step on a practice case's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticeRow {
    /// The step id.
    pub step: String,
    /// Its title.
    pub title: String,
    /// Its chapter, for the link to its guidance.
    pub chapter: String,
    /// Whether the SOP makes it mandatory.
    pub required: bool,
    /// The state the trainee gave it (`pending` if none).
    pub state: String,
}

/// A finished stage's marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StageLine {
    /// The stage id.
    pub stage: String,
    /// Its marks.
    pub score: Score,
    /// In whole percent.
    pub percent: u32,
}

/// The feedback on a stage, for its screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackView {
    /// The stage id.
    pub stage: String,
    /// Its marks.
    pub score: Score,
    /// In whole percent.
    pub percent: u32,
    /// Whether every mark was earned.
    pub perfect: bool,
    /// The steps, by kind: `missed`, `wrongly-not-applicable`, `wrongly-done`, `early`; empty
    /// kinds left out.
    pub groups: Vec<FeedbackGroup>,
    /// The facts not as the story tells them.
    pub facts: Vec<FactLine>,
}

/// Steps of one kind of mistake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackGroup {
    /// The kind.
    pub kind: &'static str,
    /// The steps.
    pub items: Vec<PracticeRow>,
}

/// A fact whose value is not the expected one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactLine {
    /// The fact id.
    pub fact: String,
    /// Its question.
    pub question: String,
    /// The value expected, for people (a choice's name, or yes/no as the store writes it).
    pub expected: String,
    /// The value declared.
    pub given: String,
}

fn row(sop: &Sop, lang: Lang, step: &str, state: Option<&String>) -> PracticeRow {
    let (chapter, title, required) = sop.step(step, lang).map_or_else(
        || (String::new(), step.to_owned(), true),
        |(c, s)| (c.id.clone(), s.title.clone(), s.required()),
    );
    PracticeRow {
        step: step.to_owned(),
        title,
        chapter,
        required,
        state: state.cloned().unwrap_or_else(|| "pending".to_owned()),
    }
}

/// A practice case for its screen, in `lang`.
pub fn view(sop: &Sop, practice: &Practice, lang: Lang) -> PracticeView {
    let scenario = practice.scenario(sop).ok();
    let stage = practice.stage(sop);
    let scores = practice.scores(sop);
    let total = practice.total(sop);
    PracticeView {
        scenario: practice.scenario.clone(),
        title: scenario
            .map(|s| s.text(lang).title.clone())
            .unwrap_or_default(),
        trainee: practice.trainee.clone(),
        stage,
        stage_id: stage
            .and_then(|i| scenario.map(|s| s.stages[i].id.clone()))
            .unwrap_or_default(),
        stages: scenario.map_or(0, |s| s.stages.len()),
        facts: practice.facts.clone(),
        rows: dalil_checklist::applicable(sop, &practice.facts)
            .iter()
            .map(|i| row(sop, lang, &i.step, practice.states.get(&i.step)))
            .collect(),
        finished: scores
            .iter()
            .map(|s| StageLine {
                stage: s.stage.clone(),
                score: s.score,
                percent: s.score.percent(),
            })
            .collect(),
        total,
        percent: total.percent(),
    }
}

/// The feedback on a stage for its screen, in `lang`.
pub fn feedback_view(sop: &Sop, feedback: &Feedback, lang: Lang) -> FeedbackView {
    let items = |list: &[StepFeedback]| {
        list.iter()
            .map(|f| PracticeRow {
                state: f.expected.to_owned(),
                ..row(sop, lang, &f.step, None)
            })
            .collect::<Vec<_>>()
    };
    let value = |fact: &str, v: &str| {
        sop.manifest
            .fact(fact)
            .and_then(|f| match &f.kind {
                dalil_content::manifest::FactType::Choice { choices, .. } => choices
                    .iter()
                    .find(|c| c.id == v)
                    .map(|c| c.name.get(lang).to_owned()),
                dalil_content::manifest::FactType::YesNo => None,
            })
            .unwrap_or_else(|| v.to_owned())
    };
    FeedbackView {
        stage: feedback.stage.clone(),
        score: feedback.score,
        percent: feedback.score.percent(),
        perfect: feedback.is_perfect(),
        groups: [
            ("missed", &feedback.missed),
            ("wrongly-not-applicable", &feedback.wrongly_not_applicable),
            ("wrongly-done", &feedback.wrongly_done),
            ("early", &feedback.early),
        ]
        .into_iter()
        .filter(|(_, l)| !l.is_empty())
        .map(|(kind, l)| FeedbackGroup {
            kind,
            items: items(l),
        })
        .collect(),
        facts: feedback
            .facts_missed
            .iter()
            .map(|f| FactLine {
                fact: f.fact.clone(),
                question: sop
                    .manifest
                    .fact(&f.fact)
                    .map_or_else(|| f.fact.clone(), |m| m.question.get(lang).to_owned()),
                expected: value(&f.fact, &f.expected),
                given: value(&f.fact, &f.given),
            })
            .collect(),
    }
}
