//! The markdown renderer with its sanitizer (`dalil_content::render`).
//!
//! The first byte chooses what the rest is: raw HTML for `sanitize`, or the body of a
//! chapter (both languages) in the small fixture pack, loaded and rendered in Arabic and
//! English. Whatever it is, the HTML that comes out must pass `dalil_fuzz::check_html`: only
//! allowed tags and attributes, no event handler, no link out of the app.
#![no_main]

use std::sync::Once;

use dalil_content::render::{Labels, render_chapter, sanitize};
use dalil_content::{Lang, load};
use libfuzzer_sys::fuzz_target;

const FRONT_AR: &str = "+++\nid = \"first\"\ntitle = \"الفصل الأول\"\nphase = \"intake\"\n+++\n";
const FRONT_EN: &str =
    "+++\nid = \"first\"\ntitle = \"The first chapter\"\nphase = \"intake\"\n+++\n";

fn labels() -> Labels {
    Labels {
        applies_when: "Applies when".into(),
        every_case: "Every case".into(),
        mandatory: "Mandatory".into(),
        advisory: "Advisory".into(),
        basis: "Basis".into(),
        and: "and".into(),
        or: "or".into(),
        not: "not".into(),
    }
}

fuzz_target!(|data: &[u8]| {
    static SELF_TEST: Once = Once::new();
    SELF_TEST.call_once(dalil_fuzz::self_test);
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if mode % 2 == 0 {
        let clean = sanitize(text);
        if let Err(e) = dalil_fuzz::check_html(&clean) {
            panic!("sanitize let through {e}\ninput: {text:?}");
        }
        return;
    }
    let mut files = dalil_fuzz::fixture_pack();
    files.insert(
        "chapters/first/ar.md".into(),
        format!("{FRONT_AR}{text}").into_bytes(),
    );
    files.insert(
        "chapters/first/en.md".into(),
        format!("{FRONT_EN}{text}").into_bytes(),
    );
    let (sop, _diagnostics) = load(&files);
    for lang in [Lang::Ar, Lang::En] {
        let Some(rendered) = render_chapter(&sop, "first", lang, &labels()) else {
            // A body the loader could not use at all leaves no chapter to render.
            continue;
        };
        if let Err(e) = dalil_fuzz::check_html(&rendered.html) {
            panic!("render_chapter ({lang}) let through {e}\nbody: {text:?}");
        }
    }
});
