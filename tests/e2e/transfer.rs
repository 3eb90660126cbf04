//! Issue 14 on the real app: choose cases in the list and send them to the directorate
//! through the native save dialog, in Arabic and in English. The file opens with the
//! directorate's key, is signed by the key the settings show, holds both cases, and shows
//! no word of a note. Without a directorate key installed, the app says so and writes nothing.

use dalil_content::Lang;

use crate::cases::{open_case, open_step, type_note};
use crate::driver::{Session, message};

fn run_in(lang: Lang) {
    let app = Session::start(&[]);
    if lang == Lang::En {
        app.use_english();
    }
    let code = lang.code();
    let first = open_case(&app, &format!("TIP-DIR-{code}-1"), &[]);
    open_step(&app, first, "intake-log-report");
    type_note(&app, "MARKER-Layla أفادت بأن الوكيل احتجز جوازها");
    // Leaving the step commits the note.
    open_case(&app, &format!("SOM-DIR-{code}-2"), &[]);

    // The list: tick both cases.
    app.click(".nav a[data-view='cases']");
    app.wait_for("#cases-table tbody tr input.case-select");
    assert_eq!(
        app.js("return document.getElementById('directorate-send').disabled"),
        serde_json::Value::Bool(true)
    );
    app.js("document.querySelectorAll('#cases-table input.case-select').forEach((c) => c.click()); return true;");
    app.wait_until(
        "two cases chosen",
        "return !document.getElementById('directorate-send').disabled",
    );

    // No key installed: refused, in words, and nothing written.
    app.click("#directorate-send");
    app.wait_until(
        "the refusal",
        "return document.getElementById('directorate-result').className === 'error'",
    );
    assert_eq!(
        app.text("#directorate-result"),
        message(lang, "directorate-no-key")
    );

    // The directorate's IT staff install its key in the data folder.
    let hq = dalil_transfer::DirectorateIdentity::generate();
    std::fs::write(
        app.data_dir.path().join("directorate.pub"),
        dalil_transfer::key_file_text(&hq.public()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = out.path().join("to-the-directorate.dalil-transfer");
    app.click("#directorate-send");
    app.answer_save_dialog(&message(lang, "directorate-save-title"), &file);
    app.wait_until(
        "the page to say where it went",
        "return !!document.querySelector('#directorate-result.export-saved')",
    );
    assert_eq!(
        app.text("#directorate-result .export-path"),
        file.to_string_lossy()
    );

    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !bytes.windows(12).any(|w| w == b"MARKER-Layla"),
        "a note is readable in the file"
    );
    let opened = dalil_transfer::open(&bytes, &hq).unwrap_or_else(|e| panic!("{e}"));
    let mut refs: Vec<&str> = opened
        .cases
        .iter()
        .map(|c| c.summary.reference.as_str())
        .collect();
    refs.sort_unstable();
    assert_eq!(
        refs,
        [format!("SOM-DIR-{code}-2"), format!("TIP-DIR-{code}-1")]
    );
    let with_note = opened
        .cases
        .iter()
        .find(|c| c.summary.reference.starts_with("TIP"))
        .unwrap_or_else(|| panic!("the TIP case"));
    assert!(
        with_note
            .parts
            .notes
            .iter()
            .any(|n| n.revisions.iter().any(|r| r
                .text
                .as_deref()
                .is_some_and(|t| t.contains("MARKER-Layla"))))
    );

    // The settings show the key it was signed with, for the directorate to register.
    app.click(".nav a[data-view='settings']");
    app.wait_until(
        "the device key",
        "return document.getElementById('device-key').textContent.length === 64",
    );
    assert_eq!(app.text("#device-key"), hex_of(opened.device.as_bytes()));

    // One case from its own screen, and the export is in its history.
    app.js(&format!("location.hash = '#/case/{first}'; return true;"));
    app.wait_for(".checklist");
    app.click("details.export summary");
    app.wait_for("details.export[open] #export-directorate");
    let single = out.path().join("one.dalil-transfer");
    app.click("#export-directorate");
    app.answer_save_dialog(&message(lang, "directorate-save-title"), &single);
    app.wait_until(
        "saved",
        "return !!document.querySelector('details.export .export-saved')",
    );
    let one = dalil_transfer::open(
        &std::fs::read(&single).unwrap_or_else(|e| panic!("{e}")),
        &hq,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(one.cases.len(), 1);
    app.js(&format!(
        "location.hash = '#/case/{first}/history'; return true;"
    ));
    app.wait_for("#history table");
    assert!(app.text("#history table").contains("export:transfer"));
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn cases_go_to_the_directorate_encrypted_and_signed_in_arabic() {
    run_in(Lang::Ar);
}

#[test]
fn cases_go_to_the_directorate_encrypted_and_signed_in_english() {
    run_in(Lang::En);
}
