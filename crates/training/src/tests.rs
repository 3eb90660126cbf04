//! Scoring over a small SOP with one scenario, built in memory.

use dalil_content::{Files, Sop};

use super::*;

const MANIFEST: &str = r#"id = "t"
version = "1"
date = "2026-01-01"
chapters = ["c"]
[label]
ar = "نص مرجعي"
en = "Reference text"
[[phase]]
id = "p"
ar = "مرحلة"
en = "Phase"
[[fact]]
id = "child"
type = "yes-no"
question.ar = "طفل؟"
question.en = "A child?"
label.ar = "طفل"
label.en = "a child"
[[fact]]
id = "foreign"
type = "yes-no"
question.ar = "أجنبي؟"
question.en = "Foreign?"
label.ar = "أجنبي"
label.en = "foreign"
"#;

const CHAPTER: &str = "+++\nid = \"c\"\ntitle = \"t\"\nphase = \"p\"\n+++\n\n\
### Log {#log .step}\n\nLog it.\n\n\
### Notify {#notify .step}\n\nNotify.\n\n\
### Child {#child-step .step when=\"child\"}\n\nCall the juvenile authorities.\n\n\
### Foreign {#foreign-step .step when=\"foreign\"}\n\nRecord the nationality.\n\n\
### Debrief the team {#team .step .advisory}\n\nTalk it over.\n";

const SCENARIO: &str = r#"
[[stage]]
id = "report"
done = ["log"]
pending = ["notify"]

[[stage]]
id = "interview"
facts = { child = true }
done = ["notify", "child-step"]

[[stage.not-applicable]]
step = "team"
reason.ar = "لا فريق."
reason.en = "No team."
"#;

fn text(lang: &str) -> String {
    format!(
        "+++\nid = \"s\"\ntitle = \"{lang}\"\n+++\n\n## One {{#report}}\n\nA report.\n\n## Two {{#interview}}\n\nAn interview.\n"
    )
}

fn sop() -> Sop {
    let mut files = Files::new();
    files.insert("manifest.toml".into(), MANIFEST.into());
    files.insert("glossary.toml".into(), Vec::new());
    for lang in ["ar", "en"] {
        files.insert(format!("chapters/c/{lang}.md"), CHAPTER.into());
        files.insert(format!("training/s/{lang}.md"), text(lang).into_bytes());
    }
    files.insert("training/s/scenario.toml".into(), SCENARIO.into());
    files.insert(
        "training/training.toml".into(),
        "scenarios = [\"s\"]\n[label]\nar = \"تمرين\"\nen = \"Practice\"\n".into(),
    );
    let (sop, diagnostics) = dalil_content::load(&files);
    assert_eq!(diagnostics, vec![]);
    assert_eq!(sop.training.scenarios.len(), 1);
    sop
}

fn scenario(sop: &Sop) -> &Scenario {
    &sop.training.scenarios[0]
}

fn score(sop: &Sop, stage: usize, answers: &Answers) -> Feedback {
    check(sop, scenario(sop), stage, answers).unwrap_or_else(|| panic!("no stage {stage}"))
}

#[test]
fn the_model_answer_scores_every_mark_at_every_stage() {
    let sop = sop();
    let s = scenario(&sop);
    let all: Vec<Feedback> = (0..s.stages.len())
        .map(|i| score(&sop, i, &model_answers(s, i)))
        .collect();
    for f in &all {
        assert!(f.is_perfect(), "{f:#?}");
        assert_eq!(f.score.percent(), 100);
    }
    // Stage one: the step `log`. Stage two: the fact `child`, `notify` and `child-step`;
    // the advisory `team` carries no mark.
    assert_eq!(
        all[0].score,
        Score {
            earned: 1,
            available: 1
        }
    );
    assert_eq!(
        all[1].score,
        Score {
            earned: 3,
            available: 3
        }
    );
    assert_eq!(
        total(&all),
        Score {
            earned: 4,
            available: 4
        }
    );
}

#[test]
fn skipping_a_mandatory_step_loses_exactly_its_mark() {
    let sop = sop();
    let mut answers = model_answers(scenario(&sop), 1);
    answers.states.remove("notify");
    let f = score(&sop, 1, &answers);
    assert_eq!(
        f.score,
        Score {
            earned: 2,
            available: 3
        }
    );
    assert_eq!(f.missed.len(), 1);
    assert_eq!(f.missed[0].step, "notify");
    assert_eq!(f.missed[0].chapter, "c");
    assert!(f.missed[0].mandatory && f.missed[0].on_checklist);
    assert!(f.wrongly_not_applicable.is_empty() && f.facts_missed.is_empty());

    // Blocked is not done either.
    answers.states.insert("notify".into(), "blocked".into());
    let f = score(&sop, 1, &answers);
    assert_eq!(f.missed[0].given.as_deref(), Some("blocked"));
    assert_eq!(f.score.earned, 2);
}

#[test]
fn a_step_marked_not_applicable_that_applies_is_reported_and_costs_its_mark() {
    let sop = sop();
    let mut answers = model_answers(scenario(&sop), 1);
    answers
        .states
        .insert("child-step".into(), "not-applicable".into());
    let f = score(&sop, 1, &answers);
    assert_eq!(f.wrongly_not_applicable.len(), 1);
    assert_eq!(f.wrongly_not_applicable[0].step, "child-step");
    assert_eq!(
        f.score,
        Score {
            earned: 2,
            available: 3
        }
    );
}

#[test]
fn a_missed_fact_costs_its_mark_and_says_which_steps_it_hid() {
    let sop = sop();
    let mut answers = model_answers(scenario(&sop), 1);
    answers.facts.remove("child");
    answers.states.remove("child-step");
    let f = score(&sop, 1, &answers);
    assert_eq!(f.facts_missed.len(), 1);
    let fact = &f.facts_missed[0];
    assert_eq!(
        (
            fact.fact.as_str(),
            fact.expected.as_str(),
            fact.given.as_str()
        ),
        ("child", "yes", "no")
    );
    assert_eq!(fact.hides, vec!["child-step".to_string()]);
    assert!(fact.shows.is_empty());
    // The step it hid was never on the trainee's checklist: missed, and said so.
    assert_eq!(f.missed.len(), 1);
    assert!(!f.missed[0].on_checklist);
    assert_eq!(
        f.score,
        Score {
            earned: 1,
            available: 3
        }
    );
}

#[test]
fn a_fact_declared_that_the_scenario_does_not_declare_costs_one_mark() {
    let sop = sop();
    let mut answers = model_answers(scenario(&sop), 1);
    answers.facts.insert("foreign".into(), "yes".into());
    let f = score(&sop, 1, &answers);
    assert_eq!(f.facts_missed.len(), 1);
    assert_eq!(f.facts_missed[0].shows, vec!["foreign-step".to_string()]);
    assert_eq!(
        f.score,
        Score {
            earned: 3,
            available: 4
        }
    );
    // Saying "no" to a fact that is "no" by default is no mistake.
    answers.facts.insert("foreign".into(), "no".into());
    assert!(score(&sop, 1, &answers).is_perfect());
}

#[test]
fn an_advisory_step_is_reported_without_a_mark_and_an_early_step_costs_nothing() {
    let sop = sop();
    let mut answers = model_answers(scenario(&sop), 1);
    answers.states.insert("team".into(), "done".into());
    let f = score(&sop, 1, &answers);
    assert_eq!(f.wrongly_done.len(), 1);
    assert!(!f.wrongly_done[0].mandatory);
    assert!(f.is_perfect());

    let mut answers = model_answers(scenario(&sop), 0);
    answers.states.insert("notify".into(), "done".into());
    let f = score(&sop, 0, &answers);
    assert_eq!(f.early.len(), 1);
    assert_eq!(f.early[0].expected, "pending");
    assert!(f.is_perfect());
}

#[test]
fn a_stage_past_the_last_is_none_and_empty_answers_score_low() {
    let sop = sop();
    assert!(check(&sop, scenario(&sop), 2, &Answers::default()).is_none());
    let f = score(&sop, 1, &Answers::default());
    assert_eq!(
        f.score,
        Score {
            earned: 0,
            available: 3
        }
    );
    assert_eq!(f.score.percent(), 0);
    assert_eq!(
        Score {
            earned: 2,
            available: 3
        }
        .percent(),
        66
    );
}
