//! Issue 16, the content half: the shipped training scenarios validate, carry the labels,
//! agree with the checklist the SOP's conditions give for their facts, and score as the
//! scoring rules say.
//!
//! The loader checks the scenarios against the conditions itself (`step-not-shown`,
//! `step-unaccounted`); the test below checks them again through `dalil-checklist`, the code
//! that builds a real case's checklist, so that the two cannot drift apart.

use std::collections::BTreeSet;

use dalil_checklist::{applicable, check_fact};
use dalil_content::training::{ExpectedState, Scenario};
use dalil_content::{Lang, Sop};
use dalil_training::{Answers, check, model_answers, total};

/// The shipped SOP, which must load without errors.
fn shipped() -> Sop {
    let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
    let listed: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    assert_eq!(
        dalil_content::error_count(&diagnostics),
        0,
        "the shipped SOP has problems:\n{listed}"
    );
    sop
}

fn feedback(
    sop: &Sop,
    scenario: &Scenario,
    stage: usize,
    answers: &Answers,
) -> dalil_training::Feedback {
    check(sop, scenario, stage, answers)
        .unwrap_or_else(|| panic!("{}: no stage {stage}", scenario.id))
}

/// The six scenarios the issue asks for are there, in both languages, each with its stages.
#[test]
fn the_six_scenarios_are_shipped_in_both_languages() {
    let sop = shipped();
    let ids: Vec<&str> = sop
        .training
        .scenarios
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "domestic-worker-debt",
            "child-begging-ring",
            "sexual-exploitation-apartment",
            "smuggling-turns-trafficking",
            "organ-removal-broker",
            "construction-workers-fear-return",
        ]
    );
    for s in &sop.training.scenarios {
        assert!(s.stages.len() >= 3, "{}", s.id);
        for lang in Lang::ALL {
            let text = s.text(lang);
            assert!(!text.title.is_empty(), "{} {lang}", s.id);
            assert!(!text.introduction().trim().is_empty(), "{} {lang}", s.id);
            let stages: Vec<&str> = text.stages.iter().map(|t| t.id.as_str()).collect();
            let want: Vec<&str> = s.stages.iter().map(|t| t.id.as_str()).collect();
            assert_eq!(stages, want, "{} {lang}", s.id);
            assert!(text.debrief.is_some(), "{} {lang} has no debrief", s.id);
        }
    }
}

/// Every scenario, rendered in either language, carries the SOP's status label and the
/// training label, with its language and direction.
#[test]
fn every_scenario_carries_both_labels_when_rendered() {
    let sop = shipped();
    for lang in Lang::ALL {
        let sop_label = dalil_content::render::escape(sop.manifest.label(lang));
        let training_label = dalil_content::render::escape(sop.training.label.get(lang));
        assert!(!sop.training.label.get(lang).trim().is_empty());
        for s in &sop.training.scenarios {
            let Some(r) = dalil_content::render::render_scenario(&sop, &s.id, lang) else {
                panic!("{} did not render", s.id);
            };
            assert!(r.head.contains(&sop_label), "{} {lang}", s.id);
            assert!(r.head.contains(&training_label), "{} {lang}", s.id);
            let attrs = format!("lang=\"{lang}\" dir=\"{}\"", lang.dir());
            assert!(r.head.contains(&attrs), "{} {lang}", s.id);
            assert_eq!(r.stages.len(), s.stages.len());
            for (_, html) in &r.stages {
                assert!(html.contains(&attrs), "{} {lang}", s.id);
                assert!(!html.contains("xref broken"), "{} {lang}: {html}", s.id);
            }
        }
    }
}

/// The consistency rule of `docs/content-format.md`, through the checklist itself: at every
/// stage, with the facts declared so far,
/// - every step the stage expects a state for is on the checklist;
/// - the conditional steps on the checklist are exactly the conditional steps that this stage
///   or an earlier one gives an expected state and that are still on the checklist.
///
/// The steps of every case (no condition) are on every checklist; a stage names those its
/// story makes due.
#[test]
fn each_stage_expects_exactly_the_steps_the_checklist_shows() {
    let sop = shipped();
    for s in &sop.training.scenarios {
        let mut named: BTreeSet<&str> = BTreeSet::new();
        for (i, stage) in s.stages.iter().enumerate() {
            let facts = s.facts_at(i);
            for (fact, value) in &facts {
                assert!(
                    check_fact(&sop.manifest, fact, value).is_ok(),
                    "{} {}: {fact} = {value}",
                    s.id,
                    stage.id
                );
            }
            let items = applicable(&sop, &facts);
            let shown: BTreeSet<&str> = items.iter().map(|i| i.step.as_str()).collect();
            let conditional: BTreeSet<&str> = items
                .iter()
                .filter(|i| i.conditional)
                .map(|i| i.step.as_str())
                .collect();
            for e in &stage.expected {
                assert!(
                    shown.contains(e.step.as_str()),
                    "{} {}: `{}` is expected but not on the checklist",
                    s.id,
                    stage.id,
                    e.step
                );
                named.insert(&e.step);
            }
            let accounted: BTreeSet<&str> = named
                .iter()
                .copied()
                .filter(|id| conditional.contains(id))
                .collect();
            assert_eq!(
                conditional, accounted,
                "{} {}: the conditional steps on the checklist differ from those the scenario accounts for",
                s.id, stage.id
            );
        }
    }
}

/// Every not-applicable expectation gives its reason in both languages, and each stage's
/// expectations name a step once.
#[test]
fn every_not_applicable_step_has_a_reason_in_both_languages() {
    let sop = shipped();
    let mut reasons = 0;
    for s in &sop.training.scenarios {
        for stage in &s.stages {
            let mut seen = BTreeSet::new();
            for e in &stage.expected {
                assert!(seen.insert(&e.step), "{} {}: {}", s.id, stage.id, e.step);
                if let ExpectedState::NotApplicable { reason } = &e.state {
                    for lang in Lang::ALL {
                        assert!(!reason.get(lang).trim().is_empty(), "{} {}", s.id, e.step);
                    }
                    reasons += 1;
                }
            }
        }
    }
    assert!(reasons >= 3, "only {reasons} not-applicable expectations");
}

/// Issue 16: a trainee who follows the expected answer scores 100% at every stage and in
/// total.
#[test]
fn issue_16_the_expected_answer_scores_100_percent() {
    let sop = shipped();
    for s in &sop.training.scenarios {
        let stages: Vec<_> = (0..s.stages.len())
            .map(|i| feedback(&sop, s, i, &model_answers(s, i)))
            .collect();
        for f in &stages {
            assert!(f.is_perfect(), "{} {}: {f:#?}", s.id, f.stage);
            assert_eq!(f.score.percent(), 100);
            assert!(f.score.available > 0, "{} {} has no marks", s.id, f.stage);
        }
        let sum = total(&stages);
        assert_eq!(sum.earned, sum.available);
        assert_eq!(sum.percent(), 100);
    }
}

/// Issue 16: a trainee who skips a mandatory step loses exactly that step's mark, and the
/// feedback names the step, with its chapter for the link to its guidance.
#[test]
fn issue_16_skipping_a_mandatory_step_loses_exactly_its_mark() {
    let sop = shipped();
    let mut tried = 0;
    for s in &sop.training.scenarios {
        for (i, stage) in s.stages.iter().enumerate() {
            let model = model_answers(s, i);
            let full = feedback(&sop, s, i, &model).score;
            for e in &stage.expected {
                let Some((chapter, step)) = sop.step(&e.step, Lang::Ar) else {
                    panic!("{}: no step {}", s.id, e.step);
                };
                if !step.required() || e.state != ExpectedState::Done {
                    continue;
                }
                let mut answers = model.clone();
                answers.states.remove(&e.step);
                let f = feedback(&sop, s, i, &answers);
                assert_eq!(
                    (f.score.earned, f.score.available),
                    (full.earned - 1, full.available),
                    "{} {}: skipping {}",
                    s.id,
                    stage.id,
                    e.step
                );
                let missed: Vec<&str> = f.missed.iter().map(|m| m.step.as_str()).collect();
                assert_eq!(missed, [e.step.as_str()]);
                assert_eq!(f.missed[0].chapter, chapter.id);
                assert!(f.missed[0].on_checklist);
                assert!(f.wrongly_not_applicable.is_empty() && f.facts_missed.is_empty());
                tried += 1;
            }
        }
    }
    assert!(tried > 100, "only {tried} mandatory steps tried");
}

/// A fact the trainee misses costs its mark, and the feedback says which steps it took off
/// the checklist; marking an expected step not applicable is reported as such.
#[test]
fn a_missed_fact_and_a_wrong_not_applicable_are_reported_with_their_steps() {
    let sop = shipped();
    let Some(s) = sop.training.scenario("construction-workers-fear-return") else {
        panic!("no scenario");
    };
    let Some(i) = s.stage_index("interviews") else {
        panic!("no stage");
    };
    // The steps a fear of return brings in, which a trainee who missed it never saw.
    let hidden = [
        "prin-non-refoulement",
        "prot-asylum",
        "intv-fear-of-return",
        "coop-non-refoulement",
        "rev-fear-of-return",
    ];
    let mut answers = model_answers(s, i);
    answers.facts.remove("asylum-or-fear-of-return");
    for step in hidden {
        answers.states.remove(step);
    }
    answers
        .states
        .insert("ident-labour".into(), "not-applicable".into());
    let f = feedback(&sop, s, i, &answers);
    assert_eq!(f.facts_missed.len(), 1);
    let fact = &f.facts_missed[0];
    assert_eq!(fact.fact, "asylum-or-fear-of-return");
    assert!(fact.hides.iter().any(|s| s == "prot-asylum"), "{fact:?}");
    assert!(
        fact.shows.iter().any(|s| s == "coop-consular-contact"),
        "{fact:?}"
    );
    assert_eq!(f.wrongly_not_applicable.len(), 1);
    assert_eq!(f.wrongly_not_applicable[0].step, "ident-labour");
    // The steps the missed fact hid were expected done: they are missed too, and the
    // feedback says they were not on the trainee's checklist.
    let missed: BTreeSet<&str> = f.missed.iter().map(|m| m.step.as_str()).collect();
    assert_eq!(missed, hidden.into_iter().collect());
    assert!(f.missed.iter().all(|m| !m.on_checklist), "{:#?}", f.missed);
    assert!(hidden.iter().all(|h| fact.hides.iter().any(|s| s == h)));
    // One mark for the fact, one for the step marked not applicable, one for each hidden step.
    assert_eq!(f.score.available - f.score.earned, 2 + 5);
}
