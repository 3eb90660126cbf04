//! Export from the app: the report and the bundle go through the native save dialog, the
//! officer is told where each file went, and the bundle verifies with `dalil verify`.

use std::path::Path;

use dalil_content::Lang;
use dalil_l10n::Localizer;
use serde_json::Value;

use crate::cases::{open_case, open_step, type_note};
use crate::driver::Session;

/// The title the save dialog has in the Arabic interface.
fn dialog_title(id: &str) -> String {
    dalil_l10n::strip_isolation(&Localizer::new(Lang::Ar).get(id))
}

/// Clicks an export button, answers the dialog with `path`, and waits for the page to say
/// where the file went.
fn export_to(app: &Session, button: &str, title_id: &str, path: &Path) {
    app.js(
        "document.querySelector('.export-saved')?.classList.remove('export-saved'); return true;",
    );
    app.click(button);
    app.answer_save_dialog(&dialog_title(title_id), path);
    app.wait_until(
        "the page to say where the file went",
        "return !!document.querySelector('details.export .export-saved')",
    );
    let shown = app.text("details.export .export-path");
    assert_eq!(shown, path.to_string_lossy(), "the page must show the path");
    assert!(path.is_file(), "{} was not written", path.display());
}

#[test]
fn the_report_and_the_bundle_are_saved_where_the_officer_chooses_and_the_bundle_verifies() {
    let app = Session::start(&[]);
    let case = open_case(&app, "TIP-2026-0107", &["child"]);
    open_step(&app, case, "child-guardian");
    type_note(&app, "أُبلغت دائرة رعاية الأحداث <b>فورًا</b>");
    // A pause and more typing: a second draft save of the same note.
    type_note(&app, " وحضر الوصي.");
    // The same step set twice in a row.
    app.click(".state-buttons button[data-state='done']");
    app.wait_until("done", "return document.querySelector('.state-buttons button[data-state=done]').getAttribute('aria-pressed') === 'true'");
    app.click(".state-buttons button[data-state='pending']");
    app.wait_until("pending", "return document.querySelector('.state-buttons button[data-state=pending]').getAttribute('aria-pressed') === 'true'");
    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_for(".checklist");
    app.click("details.export summary");
    app.wait_for("details.export[open] #export-report");

    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));

    // The report, in both languages.
    app.js("const s = document.getElementById('export-lang'); s.value = 'both'; return true;");
    let report = out.path().join("report.html");
    export_to(&app, "#export-report", "export-report-title", &report);
    let html = std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    assert!(html.contains("TIP-2026-0107"));
    assert!(html.contains("lang=\"ar\"") && html.contains("lang=\"en\""));
    // The note is in the report as text, never as markup.
    assert!(
        html.contains("&lt;b&gt;فورًا&lt;/b&gt;"),
        "the note must be escaped"
    );

    // The bundle, checked as the directorate would check it.
    let bundle = out.path().join("bundle.json");
    export_to(&app, "#export-bundle", "export-bundle-title", &bundle);
    let path = bundle.to_string_lossy().into_owned();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = dalil_cli::run(["dalil", "verify", &path], &mut stdout, &mut stderr);
    assert_eq!(
        code,
        0,
        "dalil verify: {}{}",
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr)
    );

    // Both exports are in the case's history, in words and by reference.
    app.js(&format!(
        "location.hash = '#/case/{case}/history'; return true;"
    ));
    app.wait_for("#history table");
    let history = app.text("#history table");
    assert!(history.contains("صُدّرت القضية"), "{history}");
    assert!(history.contains("حزمة القضية"), "{history}");
    assert!(history.contains("export:report-ar-en"), "{history}");
    assert!(history.contains("export:bundle"), "{history}");
    // Drafts are kept durable without growing the log (issue 17): the history has the note
    // the officer committed, not each pause in the typing.
    let drafts = dalil_l10n::strip_isolation(&Localizer::new(Lang::Ar).audit_action("draft.save"));
    assert!(!history.contains(&drafts), "{history}");
    assert!(history.contains("note:"), "{history}");
    // Two changes of the same step are one row that says how many.
    let state_set = dalil_l10n::strip_isolation(&Localizer::new(Lang::Ar).audit_action("step.set"));
    let row = app.js(&format!(
        "return [...document.querySelectorAll('#history tbody tr')].find(r => r.textContent.includes({})).dataset.count",
        serde_json::to_string(&state_set).unwrap_or_default()
    ));
    assert_eq!(row, "2", "{history}");
    // In the default digits of Arabic text.
    assert!(history.contains("×٢"), "{history}");
    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_for(".checklist");
    app.click("details.export summary");
    app.wait_for("details.export[open] #export-bundle");

    // A cancelled dialog writes nothing and says so.
    let before = std::fs::read_dir(out.path())
        .map(|d| d.count())
        .unwrap_or(0);
    app.click("#export-bundle");
    app.cancel_dialog(&dialog_title("export-bundle-title"));
    app.wait_until(
        "the page to say nothing was exported",
        "return document.querySelector('details.export [role=status]:last-child').textContent.length > 0 && !document.querySelector('details.export .export-saved')",
    );
    assert_eq!(
        app.js(
            "return document.querySelector('details.export [role=status]:last-child').textContent"
        ),
        Value::from(dalil_l10n::strip_isolation(
            &Localizer::new(Lang::Ar).get("export-cancelled")
        ))
    );
    assert_eq!(
        std::fs::read_dir(out.path())
            .map(|d| d.count())
            .unwrap_or(0),
        before
    );
}
