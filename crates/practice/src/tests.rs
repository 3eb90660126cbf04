use super::*;

fn sop() -> Sop {
    dalil_content::load(&dalil_sop_files::bundled()).0
}

/// Plays a scenario as its model answer, stage by stage, leaving out `skip` (a step id) in
/// every stage.
fn play(sop: &Sop, id: &str, trainee: &str, skip: Option<&str>) -> Practice {
    let mut p = Practice::start(sop, id, trainee).unwrap_or_else(|e| panic!("{e}"));
    let stages = p.scenario(sop).map(|s| s.stages.len()).unwrap_or(0);
    for stage in 0..stages {
        let scenario = p.scenario(sop).unwrap_or_else(|e| panic!("{e}"));
        let model = dalil_training::model_answers(scenario, stage);
        let facts: Vec<(&str, &str)> = model
            .facts
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        p.declare(sop, &facts).unwrap_or_else(|e| panic!("{e}"));
        for (step, state) in &model.states {
            if Some(step.as_str()) != skip {
                p.mark(sop, step, state)
                    .unwrap_or_else(|e| panic!("{id} {step}: {e}"));
            }
        }
        p.finish_stage(sop).unwrap_or_else(|e| panic!("{e}"));
    }
    p
}

#[test]
fn the_model_answer_scores_every_mark_in_every_scenario() {
    let sop = sop();
    assert!(sop.training.scenarios.len() >= 6);
    for s in &sop.training.scenarios {
        let p = play(&sop, &s.id, "model", None);
        assert_eq!(p.stage(&sop), None, "{}", s.id);
        for stage in p.scores(&sop) {
            assert!(
                stage.feedback.is_perfect(),
                "{} {}: {:?}",
                s.id,
                stage.stage,
                stage.feedback
            );
        }
        let total = p.total(&sop);
        assert!(total.available > 0);
        assert_eq!(total.percent(), 100, "{}", s.id);
    }
}

/// The first mandatory step the scenario's first stage expects done.
fn first_mandatory(sop: &Sop, id: &str) -> String {
    let scenario = sop.training.scenario(id).unwrap_or_else(|| panic!("{id}"));
    scenario.stages[0]
        .expected
        .iter()
        .find(|e| {
            e.state == dalil_content::training::ExpectedState::Done
                && sop
                    .step(&e.step, dalil_content::Lang::Ar)
                    .is_some_and(|(_, s)| s.required())
        })
        .map(|e| e.step.clone())
        .unwrap_or_else(|| panic!("no mandatory step in {id}"))
}

#[test]
fn skipping_a_mandatory_step_costs_exactly_its_mark_in_each_stage_it_is_expected() {
    let sop = sop();
    let id = "domestic-worker-debt";
    let skip = first_mandatory(&sop, id);
    let right = play(&sop, id, "a", None).total(&sop);
    let p = play(&sop, id, "b", Some(&skip));
    // The step is expected done at the first stage, and stays expected done at every later
    // stage that names it.
    let scenario = p.scenario(&sop).unwrap_or_else(|e| panic!("{e}"));
    let stages_naming = (0..scenario.stages.len())
        .filter(|&i| {
            dalil_training::model_answers(scenario, i)
                .states
                .contains_key(&skip)
        })
        .filter(|&i| scenario.stages[i].expected.iter().any(|e| e.step == skip))
        .count();
    let wrong = p.total(&sop);
    assert_eq!(wrong.available, right.available);
    assert_eq!(wrong.earned as usize, right.earned as usize - stages_naming);
    let first = &p.scores(&sop)[0].feedback;
    assert_eq!(first.missed.len(), 1);
    assert_eq!(first.missed[0].step, skip);
}

#[test]
fn a_practice_file_reads_back_and_a_damaged_one_is_refused() {
    let sop = sop();
    let mut p =
        Practice::start(&sop, "child-begging-ring", "trainee 7").unwrap_or_else(|e| panic!("{e}"));
    p.declare(&sop, &[("child", "yes")])
        .unwrap_or_else(|e| panic!("{e}"));
    let bytes = p.to_json();
    assert_eq!(Practice::from_json(&bytes, &sop), Ok(p.clone()));
    assert_eq!(
        Practice::from_json(b"{}", &sop),
        Err(PracticeError::NotAPracticeFile)
    );
    assert_eq!(
        Practice::from_json(&bytes[..bytes.len() / 2], &sop),
        Err(PracticeError::NotAPracticeFile)
    );
    assert_eq!(
        Practice::start(&sop, "no-such-scenario", ""),
        Err(PracticeError::UnknownScenario("no-such-scenario".into()))
    );
    assert!(matches!(
        p.declare(&sop, &[("no-such-fact", "yes")]),
        Err(PracticeError::BadFact(_))
    ));
    assert!(matches!(
        p.mark(&sop, "no-such-step", "done"),
        Err(PracticeError::UnknownStep(_))
    ));
    assert!(matches!(
        p.mark(&sop, "intake-log-report", "finished"),
        Err(PracticeError::BadState(_))
    ));
    // A step the declared facts do not bring in cannot be marked, as in a real case.
    assert!(matches!(
        p.mark(&sop, "intake-kri", "done"),
        Err(PracticeError::NotOnChecklist(_))
    ));
}

#[test]
fn the_summary_ranks_the_steps_most_often_missed() {
    let sop = sop();
    let id = "domestic-worker-debt";
    let skip = first_mandatory(&sop, id);
    let group = [
        play(&sop, id, "a", Some(&skip)),
        play(&sop, id, "b", Some(&skip)),
        play(&sop, id, "c", None),
    ];
    let s = summary(&sop, &group);
    assert_eq!(s.files, 3);
    assert_eq!(
        s.steps.first().map(|m| (m.id.as_str(), m.trainees)),
        Some((skip.as_str(), 2))
    );
    assert!(s.facts.is_empty());
    assert_eq!(summary(&sop, &group[2..]).steps, Vec::new());
}
