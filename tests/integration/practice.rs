//! Issue 16, practice from the command line: `dalil training start|check|score` on a practice
//! file, as a trainer's script would run them. The model answer scores 100%; a skipped
//! mandatory step costs exactly its mark; a group's summary names the step most often
//! missed; a practice file is not a case file, and the case file never sees a practice case.

use std::path::Path;

use dalil_content::Lang;
use serde_json::Value;

use crate::support::{dalil, dalil_in};

fn shipped() -> dalil_content::Sop {
    dalil_content::load(&dalil_sop_files::bundled()).0
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Plays `scenario` into a new practice file with `dalil`, stage by stage, with the model
/// answer less `skip`, and returns the file.
fn play(dir: &Path, scenario: &str, trainee: &str, skip: Option<&str>) -> std::path::PathBuf {
    let sop = shipped();
    let file = dir.join(format!("{trainee}.json"));
    let (code, _, err) = dalil(&[
        "training",
        "start",
        scenario,
        "--out",
        &s(&file),
        "--trainee",
        trainee,
    ]);
    assert_eq!(code, 0, "{err}");
    let sc = sop
        .training
        .scenario(scenario)
        .unwrap_or_else(|| panic!("{scenario}"));
    for stage in 0..sc.stages.len() {
        let model = dalil_training::model_answers(sc, stage);
        let facts: Vec<String> = model
            .facts
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let mut args = vec![
            "training".to_owned(),
            "check".to_owned(),
            s(&file),
            "--next".to_owned(),
            "--json".to_owned(),
        ];
        if !facts.is_empty() {
            args.push("--facts".into());
            args.push(facts.join(","));
        }
        for (step, state) in &model.states {
            if Some(step.as_str()) != skip {
                args.push("--step".into());
                args.push(format!("{step}={state}"));
            }
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = dalil(&args);
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(v["practice"], Value::Bool(true));
        assert_eq!(v["stage"], Value::from(stage));
    }
    file
}

fn total(file: &Path) -> (u64, u64, u64) {
    let (code, out, err) = dalil(&["training", "score", &s(file), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    let f = &v["files"][0];
    assert_eq!(f["finished"], Value::Bool(true));
    (
        f["total"]["earned"].as_u64().unwrap_or(0),
        f["total"]["available"].as_u64().unwrap_or(0),
        f["percent"].as_u64().unwrap_or(0),
    )
}

#[test]
fn the_model_answer_scores_100_percent_through_the_cli_in_every_scenario() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for scenario in &shipped().training.scenarios {
        let file = play(dir.path(), &scenario.id, &scenario.id, None);
        let (earned, available, percent) = total(&file);
        assert!(available > 0);
        assert_eq!((earned, percent), (available, 100), "{}", scenario.id);
    }
}

#[test]
fn a_skipped_mandatory_step_costs_exactly_its_mark_and_the_summary_names_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let sop = shipped();
    let scenario = "child-begging-ring";
    let sc = sop
        .training
        .scenario(scenario)
        .unwrap_or_else(|| panic!("{scenario}"));
    // A mandatory step the last stage expects done, and no earlier stage names: skipping it
    // costs one mark, once.
    let last = sc.stages.len() - 1;
    let skip = sc.stages[last]
        .expected
        .iter()
        .filter(|e| e.state == dalil_content::training::ExpectedState::Done)
        .map(|e| e.step.clone())
        .find(|id| {
            sop.step(id, Lang::Ar).is_some_and(|(_, st)| st.required())
                && sc.stages[..last]
                    .iter()
                    .all(|st| st.expected.iter().all(|e| &e.step != id))
        })
        .unwrap_or_else(|| panic!("no such step in {scenario}"));
    let right = play(dir.path(), scenario, "right", None);
    let wrong = play(dir.path(), scenario, "wrong", Some(&skip));
    let also = play(dir.path(), scenario, "also-wrong", Some(&skip));
    let (earned, available, _) = total(&right);
    assert_eq!(earned, available);
    assert_eq!(
        total(&wrong),
        (available - 1, available, (available - 1) * 100 / available)
    );

    // The trainer's summary, in both languages, names the skipped step first, for two
    // trainees.
    let (code, out, err) = dalil(&[
        "training",
        "score",
        &s(&right),
        &s(&wrong),
        &s(&also),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["summary"]["files"], Value::from(3));
    assert_eq!(v["summary"]["steps"][0]["id"], Value::from(skip.as_str()));
    assert_eq!(v["summary"]["steps"][0]["trainees"], Value::from(2));
    for lang in [Lang::Ar, Lang::En] {
        let (code, out, err) = dalil_in(
            lang,
            &["training", "score", &s(&right), &s(&wrong), &s(&also)],
        );
        assert_eq!(code, 0, "{err}");
        let l10n = dalil_l10n::Localizer::new(lang);
        assert!(
            out.starts_with(&dalil_l10n::strip_isolation(
                &l10n.get("training-practice-label")
            )),
            "{out}"
        );
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(&skip))
            .unwrap_or_else(|| panic!("{out}"));
        assert!(
            line.contains(
                &sop.step(&skip, lang)
                    .map(|(_, st)| st.title.clone())
                    .unwrap_or_default()
            ),
            "{line}"
        );
    }
}

#[test]
fn practice_answers_are_checked_and_a_practice_file_is_not_a_case_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("p.json");
    let (code, _, err) = dalil(&["training", "start", "no-such-scenario", "--out", &s(&file)]);
    assert_eq!(code, 2, "{err}");
    assert!(!file.exists());
    let (code, _, err) = dalil(&[
        "training",
        "start",
        "organ-removal-broker",
        "--out",
        &s(&file),
    ]);
    assert_eq!(code, 0, "{err}");
    // It never writes over a file.
    let (code, _, _) = dalil(&[
        "training",
        "start",
        "organ-removal-broker",
        "--out",
        &s(&file),
    ]);
    assert_eq!(code, 2);
    let before = std::fs::read(&file).unwrap_or_default();
    for (args, message, name, value) in [
        (
            ["--facts", "no-such-fact"],
            "training-bad-fact",
            "fact",
            "no-such-fact",
        ),
        (
            ["--step", "no-such-step=done"],
            "training-unknown-step",
            "step",
            "no-such-step",
        ),
        (
            ["--step", "intake-log-report=finished"],
            "training-bad-state",
            "state",
            "finished",
        ),
        // A step the facts declared do not bring in, as in a real case.
        (
            ["--step", "intake-kri=done"],
            "training-not-on-checklist",
            "step",
            "intake-kri",
        ),
    ] {
        for lang in [Lang::Ar, Lang::En] {
            let path = s(&file);
            let mut all = vec!["training", "check", path.as_str()];
            all.extend(args);
            let (code, _, err) = dalil_in(lang, &all);
            assert_eq!(code, 2, "{args:?}");
            let l10n = dalil_l10n::Localizer::new(lang);
            let text = l10n.format(message, &[(name, dalil_l10n::Arg::Str(value))]);
            assert_eq!(
                err.trim_end(),
                format!("dalil: {}", dalil_l10n::strip_isolation(&text))
            );
        }
        // A refused answer changes nothing in the file.
        assert_eq!(std::fs::read(&file).unwrap_or_default(), before, "{args:?}");
    }
    // A practice file is not a case bundle, nor a case file.
    let (code, _, _) = dalil(&["verify", &s(&file)]);
    assert_ne!(code, 0);
    let (code, _, err) = dalil(&["training", "check", &s(&dir.path().join("missing.json"))]);
    assert_eq!(code, 2, "{err}");
    std::fs::write(
        dir.path().join("bad.json"),
        b"{\"format\":\"dalil-bundle\"}",
    )
    .unwrap_or_default();
    let (code, _, err) = dalil_in(
        Lang::En,
        &["training", "check", &s(&dir.path().join("bad.json"))],
    );
    assert_eq!(code, 2);
    assert!(err.contains("not a Dalil practice file"), "{err}");
}
