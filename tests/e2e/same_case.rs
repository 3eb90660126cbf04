//! Issue 22: a case opened in the app reads the same through `dalil` on the same data
//! folder: the same checklist, the edition it was opened under recognized as the current
//! one, and a bundle that verifies.

use serde_json::Value;

use crate::driver::{PASSPHRASE, Session};

/// Runs `dalil` in-process on the app's data folder and returns its exit code and output.
fn dalil(app: &Session, args: &[&str]) -> (u8, String, String) {
    let pass = app.data_dir.path().join("pass.txt");
    std::fs::write(&pass, format!("{PASSPHRASE}\n")).unwrap_or_else(|e| panic!("{e}"));
    let data = app.data_dir.path().to_string_lossy().into_owned();
    let pass = pass.to_string_lossy().into_owned();
    let argv = ["dalil", "--data-dir", &data, "--passphrase-file", &pass]
        .into_iter()
        .chain(args.iter().copied());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = dalil_cli::run(argv, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

#[test]
fn a_case_made_in_the_app_reads_the_same_with_dalil() {
    let app = Session::start(&[]);
    app.click(".nav a[data-view='cases']");
    app.click("#view-cases a[href='#/new-case']");
    app.wait_for("#new-case-facts select[name='kind']");
    app.type_into("#new-case input[name='reference']", "SOM-٢٢");
    app.type_into("#new-case input[name='title']", "قضية تدريبية");
    app.js("document.querySelector(\"#new-case-facts select[name='kind']\").value = 'smuggling'; return true;");
    app.click("#new-case-facts input[name='child']");
    app.click("#new-case button[type='submit']");
    app.wait_until(
        "the case",
        "return /^#\\/case\\/\\d+$/.test(location.hash) && !!document.querySelector('.checklist')",
    );
    let shown: Vec<String> = serde_json::from_value(app.js(
        "return [...document.querySelectorAll('.phase-block[data-phase] li[data-step]')].map((li) => li.dataset.step)",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!shown.is_empty());
    let header = app.text(".case-meta");
    assert!(header.contains("dalil-reference-sop 0.1.0"), "{header}");
    // Locked, as an officer leaves it, so that `dalil` is the only one at the file.
    app.click("#lock-button");
    app.wait_until(
        "locked",
        "return document.body.classList.contains('locked')",
    );

    let (code, out, err) = dalil(&app, &["case", "show", "SOM-22", "--json"]);
    assert_eq!(code, 0, "{err}");
    let show: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let ids: Vec<&str> = show["checklist"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids, shown, "dalil and the app derive the same checklist");
    assert_eq!(show["current_edition"], true, "{show}");
    assert_eq!(show["case"]["sop_id"], "dalil-reference-sop");
    assert_eq!(show["case"]["kind"], "smuggling");
    assert!(
        show["facts"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["id"] == "kind" && f["value"] == "smuggling"),
        "{show}"
    );

    // The text names the edition with its date, as the current one; the report does not
    // warn that the edition differs; the bundle verifies.
    let (code, text, err) = dalil(&app, &["case", "show", "SOM-22"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("dalil-reference-sop 0.1.0 (2026-11-29)"),
        "{text}"
    );

    let report = app.data_dir.path().join("report.html");
    let report_text = report.to_string_lossy().into_owned();
    let (code, _, err) = dalil(
        &app,
        &[
            "export",
            "SOM-22",
            "--format",
            "html",
            "--lang",
            "en",
            "-o",
            &report_text,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}"));
    let differs = dalil_l10n::strip_isolation(
        &dalil_l10n::Localizer::new(dalil_l10n::Lang::En).get("report-edition-differs"),
    );
    assert!(
        !html.contains(&differs),
        "the report says the edition differs"
    );

    let bundle = app.data_dir.path().join("case.dalil.json");
    let bundle_text = bundle.to_string_lossy().into_owned();
    let (code, _, err) = dalil(
        &app,
        &["export", "SOM-22", "--format", "bundle", "-o", &bundle_text],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = dalil(&app, &["verify", &bundle_text]);
    assert_eq!(code, 0, "the bundle does not verify: {out}{err}");
}
