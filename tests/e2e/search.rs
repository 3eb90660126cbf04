//! Search as you type, from the keyboard.

use crate::driver::Session;

#[test]
fn an_arabic_word_typed_with_tashkeel_finds_the_step_and_opens_it() {
    let app = Session::start(&[]);
    // Ctrl+K focuses the search box.
    app.js("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'k', ctrlKey: true, bubbles: true})); return true;");
    app.wait_until(
        "the search box focused",
        "return document.activeElement?.id === 'search'",
    );
    app.type_into("#search", "المُتَرْجِم");
    app.wait_for("#search-results [role='option'][aria-selected='true']");
    // Matched words are highlighted in the snippets.
    app.wait_for("#search-results mark");
    let href = app
        .js("return document.querySelector('#search-results [aria-selected=true]').dataset.href");
    let href = href.as_str().unwrap_or_default().to_owned();
    assert!(href.starts_with("#/chapter/"), "{href}");
    let step = href.rsplit('/').next().unwrap_or_default().to_owned();
    assert!(
        step.contains("interpreter"),
        "the best hit for the interpreter should be an interpreter step: {href}"
    );
    // The same query without tashkeel gives the same first result.
    app.js("const s = document.getElementById('search'); s.value = ''; return true;");
    app.type_into("#search", "المترجم");
    app.wait_until(
        "the same first result",
        &format!("return document.querySelector('#search-results [aria-selected=true]')?.dataset.href === '{href}'"),
    );
    // Enter opens it, scrolled to the step.
    app.type_into("#search", "\u{E007}");
    app.wait_until(
        "the step",
        &format!("return location.hash === '{href}' && !!document.querySelector('section.step.target[data-step=\"{step}\"]')"),
    );
}
