//! The SOP reader: Arabic first, English on request, links that work, and chapter text that
//! never runs as code.

use std::path::Path;

use dalil_content::Lang;
use serde_json::Value;

use crate::driver::Session;

fn shipped() -> dalil_content::Sop {
    dalil_content::load(&dalil_sop_files::bundled()).0
}

#[test]
fn the_first_chapter_opens_in_arabic_right_to_left() {
    let app = Session::start(&[]);
    app.wait_for("article.chapter");
    let sop = shipped();
    let first = &sop.chapters[0];
    assert_eq!(app.js("return document.documentElement.dir"), "rtl");
    assert_eq!(
        app.js("return document.querySelector('article.chapter').dir"),
        "rtl"
    );
    assert_eq!(
        app.js("return document.querySelector('article.chapter').lang"),
        "ar"
    );
    assert_eq!(app.text("article.chapter h1"), first.ar.title);
    let label = app.text("article.chapter .sop-label");
    assert_eq!(label, sop.manifest.label(Lang::Ar));
    // The sidebar stands on the right in Arabic.
    let sidebar_right = app.js(
        "const s = document.querySelector('.sidebar').getBoundingClientRect();\
         const m = document.querySelector('main').getBoundingClientRect();\
         return s.left > m.left;",
    );
    assert_eq!(sidebar_right, Value::Bool(true));
}

#[test]
fn switching_the_content_to_english_shows_it_left_to_right() {
    let app = Session::start(&[]);
    app.wait_for("article.chapter");
    app.click(".view-switch button[data-content-view='en']");
    app.wait_until(
        "the English chapter",
        "return document.querySelector('article.chapter')?.lang === 'en'",
    );
    let sop = shipped();
    assert_eq!(app.text("article.chapter h1"), sop.chapters[0].en.title);
    assert_eq!(
        app.js("return document.querySelector('article.chapter').dir"),
        "ltr"
    );
    assert_eq!(
        app.js("return getComputedStyle(document.querySelector('article.chapter p')).direction"),
        "ltr"
    );
    // The chapter list follows the content language; the app's own text stays Arabic.
    assert_eq!(
        app.text("#library a[data-chapter='about']"),
        sop.chapters[0].en.title
    );
    assert_eq!(app.js("return document.documentElement.dir"), "rtl");
}

#[test]
fn a_cross_reference_opens_the_chapter_it_names() {
    let app = Session::start(&[]);
    app.wait_for("article.chapter a.xref");
    let href =
        app.js("return document.querySelector('article.chapter a.xref').getAttribute('href')");
    let target = href
        .as_str()
        .unwrap_or_default()
        .split('/')
        .nth(2)
        .unwrap_or_default()
        .to_owned();
    assert!(!target.is_empty(), "{href}");
    app.click("article.chapter a.xref");
    app.wait_until(
        "the linked chapter",
        &format!(
            "return document.querySelector('article.chapter')?.dataset.chapter === '{target}'"
        ),
    );
}

/// A content folder holding these fixture packs, each laid over the one before.
fn fixture_content(packs: &[&str]) -> tempfile::TempDir {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let content = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for base in packs.iter().map(|p| fixtures.join(p)) {
        for (path, bytes) in dalil_sop_files::read_dir(&base).unwrap_or_else(|e| panic!("{e}")) {
            if path == "README" {
                continue;
            }
            let target = content.path().join(&path);
            std::fs::create_dir_all(target.parent().unwrap_or(content.path()))
                .unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    content
}

#[test]
fn a_glossary_term_shows_its_definition_on_focus_and_on_hover() {
    let content = fixture_content(&["good"]);
    let dir = content.path().to_string_lossy().into_owned();
    let app = Session::start(&[("DALIL_CONTENT", &dir)]);
    let term = "article.chapter a.term[href='#/glossary/investigative-judge']";
    app.wait_for(term);
    let tip_shown = "return !document.getElementById('term-tip').hidden";
    let tip_hidden = "return document.getElementById('term-tip').hidden";

    // Keyboard: Tab until the term has the focus; the definition shows and the link names it.
    for _ in 0..40 {
        if app.js(&format!(
            "return document.activeElement === document.querySelector(\"{term}\")"
        )) == Value::Bool(true)
        {
            break;
        }
        app.press("\u{E004}");
    }
    app.wait_until("the definition on focus", tip_shown);
    assert_eq!(app.text("#term-tip"), "القاضي الذي يتولى التحقيق الابتدائي.");
    assert_eq!(
        app.js(&format!(
            "return document.querySelector(\"{term}\").getAttribute('aria-describedby')"
        )),
        "term-tip"
    );
    assert_eq!(
        app.js("return document.getElementById('term-tip').getAttribute('role')"),
        "tooltip"
    );
    app.press("\u{E00C}");
    app.wait_until("Escape to hide it", tip_hidden);

    // Mouse: pointing at the term shows it; pointing elsewhere hides it.
    app.js("document.activeElement.blur(); return true;");
    app.hover(term);
    app.wait_until("the definition on hover", tip_shown);
    app.hover("article.chapter h1");
    app.wait_until("the definition to go", tip_hidden);
}

#[test]
fn injected_script_in_a_chapter_does_not_run() {
    // The good fixture pack with the hostile chapter laid over it, as a content folder.
    let content = fixture_content(&["good", "hostile"]);
    let dir = content.path().to_string_lossy().into_owned();
    let app = Session::start(&[("DALIL_CONTENT", &dir)]);
    app.click(".view-switch button[data-content-view='en']");
    app.click("#library a[data-chapter='second']");
    app.wait_until(
        "the hostile chapter",
        "return document.querySelector('article.chapter')?.dataset.chapter === 'second'",
    );
    // Give any handler a chance to fire before looking.
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        app.js("return window.__pwned === undefined"),
        Value::Bool(true)
    );
    assert_eq!(
        app.js("return document.querySelectorAll('#chapter script, #chapter img, #chapter svg, #chapter iframe, #chapter [onerror], #chapter [ontoggle]').length"),
        Value::from(0)
    );
    // The text around the attacks is shown, and the problems banner warns the reader.
    assert!(app.text("#chapter").contains("Reviewing the case"));
    assert_eq!(
        app.js("return document.getElementById('problems').hidden"),
        Value::Bool(false)
    );
}

#[test]
fn side_by_side_pairs_each_step_with_its_translation() {
    let app = Session::start(&[]);
    app.wait_for("article.chapter");
    app.click("#library a[data-chapter='intake']");
    app.wait_until(
        "the intake chapter",
        "return document.querySelector('article.chapter')?.dataset.chapter === 'intake'",
    );
    app.click(".view-switch button[data-content-view='both']");
    app.wait_for(".bilingual");
    // Cells alternate Arabic, English, row by row, and each row holds the same step.
    let pairs = app.js(
        "const cells = [...document.querySelectorAll('.bilingual > .cell')];\
         const rows = [];\
         for (let i = 0; i + 1 < cells.length; i += 2) {\
           const a = cells[i].querySelector('section.step')?.dataset.step ?? null;\
           const e = cells[i + 1].querySelector('section.step')?.dataset.step ?? null;\
           rows.push([cells[i].lang, cells[i + 1].lang, a, e]);\
         }\
         return rows;",
    );
    let rows = pairs.as_array().cloned().unwrap_or_default();
    let steps = shipped().chapter("intake").map_or(0, |c| c.ar.steps.len());
    assert!(rows.len() > steps, "{pairs}");
    for row in &rows {
        assert_eq!(row[0], "ar", "{row}");
        assert_eq!(row[1], "en", "{row}");
        assert_eq!(row[2], row[3], "a row pairs different steps: {row}");
    }
    // Ids stay unique: only the column of the app's language keeps them.
    assert_eq!(
        app.js("return document.querySelectorAll('#chapter [id=\"intake-separate\"]').length"),
        Value::from(1)
    );
}

#[test]
fn the_app_language_is_chosen_apart_from_the_content_language() {
    let app = Session::start(&[]);
    app.wait_for("article.chapter");
    app.use_english();
    assert_eq!(app.text(".nav a[data-view='library']"), "Library");
    // The content stays Arabic until the reader changes it.
    app.click(".nav a[data-view='library']");
    app.wait_until(
        "the Arabic chapter",
        "return document.querySelector('article.chapter')?.lang === 'ar'",
    );
    // The choice is saved in the data folder.
    let saved =
        std::fs::read_to_string(app.data_dir.path().join("settings.json")).unwrap_or_default();
    assert!(saved.contains("\"uiLang\": \"en\""), "{saved}");
}
