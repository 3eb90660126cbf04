//! Scoring a trainee's practice answers against a training scenario.
//!
//! A scenario (`dalil_content::training`) says, for each stage, which facts should be
//! declared and what state some steps should be in. [`check`] compares a trainee's answers
//! at one stage with that, and says what was missed and what was wrong, with the step ids
//! the feedback links to, and a score in marks.
//!
//! The marks of a stage:
//! - one for each fact the scenario has declared up to this stage, earned when the trainee's
//!   value is the expected one;
//! - one for each step the stage expects done or not applicable that is mandatory in the SOP
//!   (not `.advisory`), earned when the trainee gave it that state;
//! - one, never earned, for each fact the scenario does not declare that the trainee moved
//!   away from its default: a wrong "yes" costs as much as a missed one.
//!
//! So a trainee who gives exactly the expected answer scores every mark, and each mistake
//! costs exactly one. A step the stage expects to be still pending carries no mark; settling
//! it is reported as early. An advisory step is reported like any other but carries no mark.
//!
//! Architecture invariant: pure functions over the loaded SOP. No IO, no clock, no store:
//! the practice store and the front ends hand the answers in.

use std::collections::{BTreeMap, BTreeSet};

use dalil_content::Sop;
use dalil_content::condition::{Facts, fact_value};
use dalil_content::training::{ExpectedState, Scenario};

/// The state words of the case store that count here. Any other word, or none, is pending.
const DONE: &str = "done";
const NOT_APPLICABLE: &str = "not-applicable";

/// What a trainee has answered by the end of a stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// The facts declared, as the checklist reads them: `yes` or `no`, or a choice id. A fact
    /// left out has its default.
    pub facts: Facts,
    /// The state of each step the trainee has set, in the case store's words: `done`,
    /// `not-applicable`, `blocked` or `pending`.
    pub states: BTreeMap<String, String>,
}

/// Marks earned out of marks available.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Score {
    /// The marks earned.
    pub earned: u32,
    /// The marks that could be earned.
    pub available: u32,
}

impl Score {
    /// The score in whole percent, rounded down, so that 100 means every mark was earned.
    /// A stage with no marks scores 100.
    pub fn percent(self) -> u32 {
        if self.available == 0 {
            return 100;
        }
        let p = u64::from(self.earned) * 100 / u64::from(self.available);
        u32::try_from(p).unwrap_or(100)
    }

    fn mark(&mut self, earned: bool) {
        self.available += 1;
        if earned {
            self.earned += 1;
        }
    }
}

impl std::ops::Add for Score {
    type Output = Score;

    fn add(self, other: Score) -> Score {
        Score {
            earned: self.earned + other.earned,
            available: self.available + other.available,
        }
    }
}

/// One step the feedback is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StepFeedback {
    /// The step id, to link the SOP's guidance.
    pub step: String,
    /// The chapter that holds the step, for the link.
    pub chapter: String,
    /// What the stage expects: `done`, `not-applicable` or `pending`.
    pub expected: &'static str,
    /// The state the trainee gave it, if any.
    pub given: Option<String>,
    /// Whether the step is mandatory in the SOP, and so carries a mark.
    pub mandatory: bool,
    /// Whether the step is on the trainee's checklist for the facts they declared. A step
    /// missed because a fact was missed is not.
    pub on_checklist: bool,
}

/// A fact whose value differs from the expected one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FactFeedback {
    /// The fact id.
    pub fact: String,
    /// The value the scenario expects by this stage (the default when it declares none).
    pub expected: String,
    /// The value the trainee's answers give it.
    pub given: String,
    /// The steps the expected value shows and the trainee's value hides, with the other facts
    /// as expected: what the mistake takes off the checklist.
    pub hides: Vec<String>,
    /// The steps the trainee's value shows and the expected value does not.
    pub shows: Vec<String>,
}

/// The feedback on one stage.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Feedback {
    /// The stage id.
    pub stage: String,
    /// Steps expected done or not applicable that the trainee left pending or blocked.
    pub missed: Vec<StepFeedback>,
    /// Steps expected done that the trainee marked not applicable.
    pub wrongly_not_applicable: Vec<StepFeedback>,
    /// Steps expected not applicable that the trainee marked done.
    pub wrongly_done: Vec<StepFeedback>,
    /// Steps expected still pending that the trainee already settled; they cost nothing.
    pub early: Vec<StepFeedback>,
    /// Facts whose value is not the expected one.
    pub facts_missed: Vec<FactFeedback>,
    /// The marks of the stage.
    pub score: Score,
}

impl Feedback {
    /// Whether the answers are exactly what the stage expects.
    pub fn is_perfect(&self) -> bool {
        self.score.earned == self.score.available
    }
}

/// Compares a trainee's answers at the end of stage `stage` (its position in the scenario)
/// with what the scenario expects. `None` when the scenario has no such stage.
pub fn check(sop: &Sop, scenario: &Scenario, stage: usize, answers: &Answers) -> Option<Feedback> {
    let expected_stage = scenario.stages.get(stage)?;
    let manifest = &sop.manifest;
    let expected_facts = scenario.facts_at(stage);
    let mut score = Score::default();

    let mut facts_missed = Vec::new();
    for fact in &manifest.facts {
        let want = fact_value(manifest, &expected_facts, &fact.id).unwrap_or_default();
        let got = fact_value(manifest, &answers.facts, &fact.id).unwrap_or_default();
        let declared = expected_facts.contains_key(&fact.id);
        if declared {
            score.mark(want == got);
        } else if want != got {
            score.mark(false);
        }
        if want != got {
            let mut theirs = expected_facts.clone();
            theirs.insert(fact.id.clone(), got.to_owned());
            let right = step_ids(sop, &expected_facts);
            let wrong = step_ids(sop, &theirs);
            facts_missed.push(FactFeedback {
                fact: fact.id.clone(),
                expected: want.to_owned(),
                given: got.to_owned(),
                hides: right.difference(&wrong).cloned().collect(),
                shows: wrong.difference(&right).cloned().collect(),
            });
        }
    }

    let on_checklist = step_ids(sop, &answers.facts);
    let mut feedback = Feedback {
        stage: expected_stage.id.clone(),
        missed: Vec::new(),
        wrongly_not_applicable: Vec::new(),
        wrongly_done: Vec::new(),
        early: Vec::new(),
        facts_missed,
        score,
    };
    for e in &expected_stage.expected {
        let given = answers.states.get(&e.step);
        let settled = given
            .map(String::as_str)
            .filter(|s| [DONE, NOT_APPLICABLE].contains(s));
        let (chapter, mandatory) = sop
            .step(&e.step, dalil_content::Lang::Ar)
            .map_or((String::new(), true), |(c, s)| (c.id.clone(), s.required()));
        let item = StepFeedback {
            step: e.step.clone(),
            chapter,
            expected: e.state.as_str(),
            given: given.cloned(),
            mandatory,
            on_checklist: on_checklist.contains(&e.step),
        };
        let want = match e.state {
            ExpectedState::Done => DONE,
            ExpectedState::NotApplicable { .. } => NOT_APPLICABLE,
            ExpectedState::Pending => {
                if settled.is_some() {
                    feedback.early.push(item);
                }
                continue;
            }
        };
        let right = settled == Some(want);
        if mandatory {
            feedback.score.mark(right);
        }
        match settled {
            _ if right => {}
            Some(NOT_APPLICABLE) => feedback.wrongly_not_applicable.push(item),
            Some(DONE) => feedback.wrongly_done.push(item),
            _ => feedback.missed.push(item),
        }
    }
    Some(feedback)
}

/// The score of a whole scenario: the marks of its stages added up.
pub fn total(stages: &[Feedback]) -> Score {
    stages.iter().fold(Score::default(), |sum, f| sum + f.score)
}

/// The answers of a trainee who does exactly what the scenario expects, up to the end of
/// stage `stage`: its facts, and every step done or marked not applicable as expected so far
/// (where two stages differ, the later one's). The model answer a trainer can show.
pub fn model_answers(scenario: &Scenario, stage: usize) -> Answers {
    let mut states = BTreeMap::new();
    for s in scenario.stages.iter().take(stage.saturating_add(1)) {
        for e in &s.expected {
            match e.state {
                ExpectedState::Done => {
                    states.insert(e.step.clone(), DONE.to_owned());
                }
                ExpectedState::NotApplicable { .. } => {
                    states.insert(e.step.clone(), NOT_APPLICABLE.to_owned());
                }
                ExpectedState::Pending => {}
            }
        }
    }
    Answers {
        facts: scenario.facts_at(stage),
        states,
    }
}

fn step_ids(sop: &Sop, facts: &Facts) -> BTreeSet<String> {
    dalil_checklist::applicable(sop, facts)
        .into_iter()
        .map(|i| i.step)
        .collect()
}

#[cfg(test)]
mod tests;
