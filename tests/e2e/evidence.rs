//! Issue 13 on the real app: register an exhibit, hand it over twice, link it to an element,
//! see the gap close, and find the matrix and the custody record in the exported report, in
//! Arabic and in English.

use dalil_content::Lang;
use dalil_l10n::Localizer;

use crate::cases::open_case;
use crate::driver::Session;

fn fill(app: &Session, css: &str, text: &str) {
    app.type_into(css, text);
}

fn run_in(lang: &str) {
    let app = Session::start(&[]);
    if lang == "en" {
        app.use_english();
    }
    let case = open_case(&app, &format!("TIP-E2E-{lang}"), &[]);

    // The gap on the means, before anything is linked.
    app.js(&format!(
        "location.hash = '#/case/{case}/elements'; return true;"
    ));
    app.wait_for("tr[data-element='tip-means']");
    assert!(
        app.find("tr.gap[data-element='tip-means']").is_some(),
        "the means should be a gap before any evidence"
    );

    // Register an exhibit.
    app.click("#case-tab-evidence");
    app.wait_for("details.exhibit-add summary");
    app.click("details.exhibit-add summary");
    app.wait_for("#exhibit-description");
    fill(&app, "#exhibit-description", "Debt ledger, blue cover");
    app.js("document.getElementById('exhibit-kind').value = 'ledger'; return true;");
    fill(&app, "#exhibit-seized-at", "2026-11-30 14:10");
    fill(&app, "#exhibit-seized-where", "Restaurant office");
    fill(&app, "#exhibit-seized-by", "Investigator, unit 4");
    fill(&app, "#exhibit-seal", "S-00417");
    app.click("#exhibit-submit");
    app.wait_for("section.exhibit[data-exhibit='1']");

    // Two hand-overs.
    for (from, to) in [
        ("Investigator, unit 4", "Evidence officer"),
        ("Evidence officer", "Forensic laboratory"),
    ] {
        app.click("section.exhibit[data-exhibit='1'] details.custody-add summary");
        app.wait_for("#custody-from-1");
        fill(&app, "#custody-from-1", from);
        fill(&app, "#custody-to-1", to);
        fill(&app, "#custody-purpose-1", "storage and examination");
        app.click("section.exhibit[data-exhibit='1'] .custody-form button[type='submit']");
        app.wait_until(
            "the new custody entry",
            &format!("return [...document.querySelectorAll(\"section.exhibit[data-exhibit='1'] table.custody tbody tr\")].some((r) => r.textContent.includes('{to}'))"),
        );
    }
    let rows = app.js("return document.querySelectorAll(\"section.exhibit[data-exhibit='1'] table.custody tbody tr\").length");
    assert_eq!(rows, 2);

    // Attach a scan, chosen in the native open dialog.
    let files = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let scan = files.path().join("ledger-scan.pdf");
    std::fs::write(&scan, b"%PDF-1.4 a scan of the ledger").unwrap_or_else(|e| panic!("{e}"));
    let l10n = Localizer::new(if lang == "en" { Lang::En } else { Lang::Ar });
    app.click("#attach-1");
    app.answer_open_dialog(
        &dalil_l10n::strip_isolation(&l10n.get("attach-title")),
        &scan,
    );
    app.wait_until(
        "the attached file",
        "return [...document.querySelectorAll(\"section.exhibit[data-exhibit='1'] p.file\")].some((p) => p.textContent.includes('ledger-scan.pdf'))",
    );

    // Link it to the means: the gap goes.
    app.click("#case-tab-elements");
    app.wait_for("tr[data-element='tip-means'] select.link-exhibit");
    app.js("const s = document.querySelector(\"tr[data-element='tip-means'] select.link-exhibit\"); s.value = '1'; s.dispatchEvent(new Event('change')); return true;");
    app.wait_until(
        "the gap to close",
        "return !!document.querySelector(\"tr[data-element='tip-means']:not(.gap) ul.support\")",
    );
    let gaps = app.text("#elements-gaps");
    assert!(
        gaps.contains(&dalil_l10n::strip_isolation(&l10n.get("elements-gaps"))),
        "{gaps}"
    );

    // The report holds the matrix and the custody record.
    app.click("#case-tab-checklist");
    app.wait_for(".checklist");
    app.click("details.export summary");
    app.wait_for("details.export[open] #export-report");
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let report = out.path().join("report.html");
    app.click("#export-report");
    let title = dalil_l10n::strip_isolation(&l10n.get("export-report-title"));
    app.answer_save_dialog(&title, &report);
    app.wait_until(
        "the report to be saved",
        "return !!document.querySelector('details.export .export-saved')",
    );
    let html = std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}"));
    for expected in [
        "Forensic laboratory",
        "Debt ledger, blue cover",
        "S-00417",
        "ledger-scan.pdf",
    ] {
        assert!(html.contains(expected), "{expected} is not in the report");
    }
    let matrix = dalil_l10n::strip_isolation(&l10n.get("report-elements"));
    let custody = dalil_l10n::strip_isolation(&l10n.get("report-custody"));
    assert!(html.contains(&matrix), "no element matrix in the report");
    assert!(html.contains(&custody), "no custody record in the report");
}

#[test]
fn an_exhibit_handed_over_twice_closes_a_gap_and_reaches_the_report_in_arabic() {
    run_in("ar");
}

#[test]
fn an_exhibit_handed_over_twice_closes_a_gap_and_reaches_the_report_in_english() {
    run_in("en");
}
