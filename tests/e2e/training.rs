//! Issue 16 on the real app, in Arabic and English: a trainee starts a scenario, gets
//! feedback on a wrong answer, and finishes every stage with a score. Every practice screen
//! carries the practice banner and the word in the window's title; the case list and the
//! case file never see the practice case.

use dalil_content::Lang;
use serde_json::Value;

use crate::driver::{Session, message};

fn practise_in(lang: Lang) {
    let app = Session::start(&[]);
    if lang == Lang::En {
        app.use_english();
        app.click(".view-switch button[data-content-view='en']");
    }
    let scenario = "domestic-worker-debt";
    app.click(".nav a[data-view='training']");
    app.wait_for(&format!(".scenarios li[data-scenario='{scenario}'] button"));
    assert_eq!(
        app.text("#practice-banner"),
        message(lang, "practice-banner")
    );
    app.wait_for_x_window(&message(lang, "practice-window-title"));
    app.type_into("#training-trainee", "T-07");
    app.click(&format!(".scenarios li[data-scenario='{scenario}'] button"));
    app.wait_for("#practice-facts input, #practice-facts select");
    let file = app
        .js("return location.hash.split('/').pop()")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(file.ends_with(".json"), "{file}");
    assert!(
        app.find("#practice-banner[hidden]").is_none(),
        "the banner is hidden"
    );
    // The story of the first stage, from the scenario.
    app.wait_for("article.scenario .training-label");

    // A wrong answer: one step done, no facts declared.
    app.js("const s = document.querySelector('.practice-checklist select[data-step=\"intake-log-report\"]'); s.value = 'done'; s.dispatchEvent(new Event('change')); return true;");
    std::thread::sleep(std::time::Duration::from_millis(300));
    app.click("#practice-check");
    app.wait_for(".practice-feedback ul[data-kind='missed'] li");
    assert!(
        app.find(".practice-feedback ul[data-kind='missed'] li[data-step='intake-log-report']")
            .is_none()
    );
    assert!(
        app.find(".practice-feedback ul[data-kind='facts'] li")
            .is_some()
    );
    assert!(app.find(".practice-feedback .ok-line").is_none());
    // Each missed step links to its guidance in the SOP.
    let href = app.js("return document.querySelector(\".practice-feedback ul[data-kind='missed'] li a\").getAttribute('href')");
    assert!(
        href.as_str().unwrap_or_default().starts_with("#/chapter/"),
        "{href}"
    );

    // Then the model answer, stage by stage, through the app's own commands, each stage
    // finished with the button: every stage perfect, 100% in all.
    let sop = dalil_content::load(&dalil_sop_files::bundled()).0;
    let sc = sop
        .training
        .scenario(scenario)
        .unwrap_or_else(|| panic!("{scenario}"));
    for stage in 0..sc.stages.len() {
        let model = dalil_training::model_answers(sc, stage);
        let facts = serde_json::to_string(&model.facts).unwrap_or_default();
        app.js(&format!(
            "return window.__TAURI_INTERNALS__.invoke('practice_answer', {{file: '{file}', facts: {facts}, states: {{}}}}).then(() => true);"
        ));
        let states = serde_json::to_string(&model.states).unwrap_or_default();
        app.js(&format!(
            "return window.__TAURI_INTERNALS__.invoke('practice_answer', {{file: '{file}', facts: {{}}, states: {states}}}).then(() => true);"
        ));
        app.click("#practice-finish");
        app.wait_until(
            "the stage's feedback",
            &format!(
                "return !!document.querySelector(\".practice-feedback[data-stage='{}'] .ok-line\")",
                sc.stages[stage].id
            ),
        );
    }
    app.wait_for(".practice-total");
    let total = app.text(".practice-total");
    let hundred = if lang == Lang::Ar { "١٠٠" } else { "100" };
    assert!(total.contains(hundred), "{total}");

    // The case list knows nothing of it, and the banner and the title go with the practice.
    app.click(".nav a[data-view='cases']");
    app.wait_for("#view-cases:not([hidden])");
    assert!(app.find("#practice-banner[hidden]").is_some());
    app.wait_for_x_window(&message(lang, "app-name"));
    let page = app.js(
        "return window.__TAURI_INTERNALS__.invoke('cases_list', {status: 'all', text: '', offset: 0, limit: 50}).then((p) => p.total);",
    );
    assert_eq!(
        page,
        Value::from(0),
        "a practice case reached the case list"
    );
    let found = app.js(
        "return window.__TAURI_INTERNALS__.invoke('cases_list', {status: 'all', text: 'Lina', offset: 0, limit: 50}).then((p) => p.total);",
    );
    assert_eq!(found, Value::from(0));
}

#[test]
fn a_trainee_practises_a_scenario_gets_feedback_and_a_score_in_arabic() {
    practise_in(Lang::Ar);
}

#[test]
fn a_trainee_practises_a_scenario_gets_feedback_and_a_score_in_english() {
    practise_in(Lang::En);
}
