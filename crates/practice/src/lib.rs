//! Practice cases: a trainee works through a training scenario stage by stage, declaring facts
//! and marking steps, and is told after each stage what was missed, with a score.
//!
//! A practice case lives in a **practice file** of its own (JSON, [`Practice::to_json`]), never
//! in the case store: it holds the trainee's name, the scenario, and their answers (facts and
//! step states, no notes), nothing of a real case. So a practice case cannot appear in the real
//! case list or search, or be exported as a real report or bundle, and a trainer can collect a
//! class's files and score them in a script ([`summary`]).
//!
//! The scoring is `dalil-training`'s: this crate keeps the answers and moves through the
//! stages. Architecture invariant: no IO and no clock; the front ends read and write the file.

use std::collections::BTreeMap;

use dalil_content::Sop;
use dalil_content::training::Scenario;
use dalil_training::{Answers, Feedback, Score};
use serde::{Deserialize, Serialize};

mod view;
pub use view::{
    FactLine, FeedbackGroup, FeedbackView, PracticeRow, PracticeView, StageLine, feedback_view,
    view,
};

/// The `format` of every practice file.
pub const FORMAT: &str = "dalil-practice";
/// The version of the practice file this crate writes and reads.
pub const VERSION: u32 = 1;

/// Why a practice operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PracticeError {
    /// The SOP has no scenario with this id.
    #[error("no training scenario `{0}`")]
    UnknownScenario(String),
    /// The bytes are not a practice file this program can read.
    #[error("not a practice file")]
    NotAPracticeFile,
    /// A fact or its value is not one the SOP's manifest declares.
    #[error("unknown fact or value: {0}")]
    BadFact(String),
    /// The SOP has no step with this id.
    #[error("unknown step `{0}`")]
    UnknownStep(String),
    /// The step is not on the checklist for the facts declared so far.
    #[error("step `{0}` is not on the checklist for the facts declared")]
    NotOnChecklist(String),
    /// The state is not one of `done`, `not-applicable`, `blocked`, `pending`.
    #[error("unknown state `{0}`")]
    BadState(String),
    /// Every stage is already finished.
    #[error("the practice case is finished")]
    Finished,
}

/// The answers a trainee gave by the end of one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageAnswers {
    /// The stage id.
    pub stage: String,
    /// The facts declared by then, in the checklist's form.
    pub facts: BTreeMap<String, String>,
    /// The state of each step set by then.
    pub states: BTreeMap<String, String>,
}

/// The SOP edition a practice case was started under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionRef {
    /// The SOP's id.
    pub id: String,
    /// Its version.
    pub version: String,
}

/// A practice case: one trainee, one scenario, their answers so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The scenario id.
    pub scenario: String,
    /// The SOP edition it was started under.
    pub sop: EditionRef,
    /// The trainee's name or number, as the trainer asked for it (may be empty).
    pub trainee: String,
    /// The answers at the end of each finished stage, in order.
    pub finished: Vec<StageAnswers>,
    /// The facts declared so far in the stage being worked on.
    pub facts: BTreeMap<String, String>,
    /// The step states set so far.
    pub states: BTreeMap<String, String>,
}

/// The score of one finished stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageScore {
    /// The stage id.
    pub stage: String,
    /// Its marks.
    pub score: Score,
    /// Its feedback.
    pub feedback: Feedback,
}

const STATES: [&str; 4] = ["done", "not-applicable", "blocked", "pending"];

impl Practice {
    /// Starts scenario `id`: no facts declared, no step settled, at its first stage.
    pub fn start(sop: &Sop, id: &str, trainee: &str) -> Result<Practice, PracticeError> {
        sop.training
            .scenario(id)
            .ok_or_else(|| PracticeError::UnknownScenario(id.to_owned()))?;
        Ok(Practice {
            format: FORMAT.to_owned(),
            version: VERSION,
            scenario: id.to_owned(),
            sop: EditionRef {
                id: sop.manifest.id.clone(),
                version: sop.manifest.version.clone(),
            },
            trainee: trainee.trim().to_owned(),
            finished: Vec::new(),
            facts: BTreeMap::new(),
            states: BTreeMap::new(),
        })
    }

    /// Reads a practice file; its scenario must be one of `sop`'s.
    pub fn from_json(bytes: &[u8], sop: &Sop) -> Result<Practice, PracticeError> {
        let p: Practice =
            serde_json::from_slice(bytes).map_err(|_| PracticeError::NotAPracticeFile)?;
        if p.format != FORMAT || p.version != VERSION {
            return Err(PracticeError::NotAPracticeFile);
        }
        let scenario = sop
            .training
            .scenario(&p.scenario)
            .ok_or_else(|| PracticeError::UnknownScenario(p.scenario.clone()))?;
        if p.finished.len() > scenario.stages.len() {
            return Err(PracticeError::NotAPracticeFile);
        }
        Ok(p)
    }

    /// The practice file's bytes.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// Its scenario in `sop`.
    pub fn scenario<'a>(&self, sop: &'a Sop) -> Result<&'a Scenario, PracticeError> {
        sop.training
            .scenario(&self.scenario)
            .ok_or_else(|| PracticeError::UnknownScenario(self.scenario.clone()))
    }

    /// The position of the stage being worked on; `None` once every stage is finished.
    pub fn stage(&self, sop: &Sop) -> Option<usize> {
        let count = self.scenario(sop).map_or(0, |s| s.stages.len());
        (self.finished.len() < count).then_some(self.finished.len())
    }

    /// Declares facts (`child=yes`, `kind=trafficking`), each checked against the manifest;
    /// nothing changes if one is refused.
    pub fn declare(&mut self, sop: &Sop, facts: &[(&str, &str)]) -> Result<(), PracticeError> {
        self.stage(sop).ok_or(PracticeError::Finished)?;
        let mut checked = Vec::new();
        for (fact, value) in facts {
            let (f, v) = dalil_checklist::check_fact(&sop.manifest, fact, value)
                .map_err(|_| PracticeError::BadFact(format!("{fact}={value}")))?;
            checked.push((f, v));
        }
        self.facts.extend(checked);
        Ok(())
    }

    /// Sets a step's state. The step must be on the checklist for the facts declared so far,
    /// as in a real case.
    pub fn mark(&mut self, sop: &Sop, step: &str, state: &str) -> Result<(), PracticeError> {
        self.stage(sop).ok_or(PracticeError::Finished)?;
        if !STATES.contains(&state) {
            return Err(PracticeError::BadState(state.to_owned()));
        }
        if sop.step(step, dalil_content::Lang::Ar).is_none() {
            return Err(PracticeError::UnknownStep(step.to_owned()));
        }
        let on = dalil_checklist::applicable(sop, &self.facts)
            .iter()
            .any(|i| i.step == step);
        if !on {
            return Err(PracticeError::NotOnChecklist(step.to_owned()));
        }
        self.states.insert(step.to_owned(), state.to_owned());
        Ok(())
    }

    /// The answers so far.
    pub fn answers(&self) -> Answers {
        Answers {
            facts: self.facts.clone(),
            states: self.states.clone(),
        }
    }

    /// Feedback on the stage being worked on, with the answers so far; `None` once finished.
    pub fn check(&self, sop: &Sop) -> Option<Feedback> {
        let scenario = self.scenario(sop).ok()?;
        dalil_training::check(sop, scenario, self.stage(sop)?, &self.answers())
    }

    /// Finishes the stage being worked on: its answers are kept as they are now, and the next
    /// stage starts from them. Returns its feedback.
    pub fn finish_stage(&mut self, sop: &Sop) -> Result<Feedback, PracticeError> {
        let stage = self.stage(sop).ok_or(PracticeError::Finished)?;
        let scenario = self.scenario(sop)?;
        let feedback = dalil_training::check(sop, scenario, stage, &self.answers())
            .ok_or(PracticeError::Finished)?;
        self.finished.push(StageAnswers {
            stage: scenario.stages[stage].id.clone(),
            facts: self.facts.clone(),
            states: self.states.clone(),
        });
        Ok(feedback)
    }

    /// The score of each finished stage, from the answers kept at its end.
    pub fn scores(&self, sop: &Sop) -> Vec<StageScore> {
        let Ok(scenario) = self.scenario(sop) else {
            return Vec::new();
        };
        self.finished
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let answers = Answers {
                    facts: a.facts.clone(),
                    states: a.states.clone(),
                };
                let feedback = dalil_training::check(sop, scenario, i, &answers)?;
                Some(StageScore {
                    stage: a.stage.clone(),
                    score: feedback.score,
                    feedback,
                })
            })
            .collect()
    }

    /// The marks of every finished stage added up.
    pub fn total(&self, sop: &Sop) -> Score {
        self.scores(sop)
            .iter()
            .fold(Score::default(), |sum, s| sum + s.score)
    }
}

/// How often one step or fact went wrong across a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missed {
    /// The step or fact id.
    pub id: String,
    /// In how many finished stages, over every file, it went wrong.
    pub times: usize,
    /// How many trainees got it wrong at least once.
    pub trainees: usize,
}

/// A trainer's summary of a group's practice files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// How many files.
    pub files: usize,
    /// Steps missed or wrongly marked, most often first (then by id).
    pub steps: Vec<Missed>,
    /// Facts missed or wrongly declared, most often first (then by id).
    pub facts: Vec<Missed>,
}

/// Which steps and facts a group got wrong most often, over their finished stages.
pub fn summary(sop: &Sop, practices: &[Practice]) -> Summary {
    let mut steps: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut facts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for p in practices {
        let mut step_seen = BTreeMap::new();
        let mut fact_seen = BTreeMap::new();
        for s in p.scores(sop) {
            let f = &s.feedback;
            for item in f
                .missed
                .iter()
                .chain(&f.wrongly_not_applicable)
                .chain(&f.wrongly_done)
            {
                *step_seen.entry(item.step.clone()).or_insert(0) += 1;
            }
            for fact in &f.facts_missed {
                *fact_seen.entry(fact.fact.clone()).or_insert(0) += 1;
            }
        }
        for (id, n) in step_seen {
            let e = steps.entry(id).or_default();
            e.0 += n;
            e.1 += 1;
        }
        for (id, n) in fact_seen {
            let e = facts.entry(id).or_default();
            e.0 += n;
            e.1 += 1;
        }
    }
    let ranked = |m: BTreeMap<String, (usize, usize)>| {
        let mut v: Vec<Missed> = m
            .into_iter()
            .map(|(id, (times, trainees))| Missed {
                id,
                times,
                trainees,
            })
            .collect();
        v.sort_by(|a, b| b.times.cmp(&a.times).then_with(|| a.id.cmp(&b.id)));
        v
    };
    Summary {
        files: practices.len(),
        steps: ranked(steps),
        facts: ranked(facts),
    }
}

#[cfg(test)]
mod tests;
