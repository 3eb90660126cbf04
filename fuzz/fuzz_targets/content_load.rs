//! The content loader (`dalil_content::load`).
//!
//! The input is one file, `path\0bytes`, laid over the small SOP pack of the tests
//! (replacing the file of that path, or adding one); the pack is small so that each run is
//! fast, and the seeds bring the real SOP's files and every test pack. Beyond not panicking: the diagnostics come sorted, each with a
//! Fluent id and an English sentence, its line and column inside the file it names; and
//! when the content has no errors, every chapter and every training scenario renders in both
//! languages to HTML that passes `dalil_fuzz::check_html`.
#![no_main]

use std::sync::OnceLock;

use dalil_content::render::{Labels, render_chapter, render_scenario};
use dalil_content::{Files, Lang, Severity, load};
use libfuzzer_sys::fuzz_target;

fn base() -> &'static Files {
    static BASE: OnceLock<Files> = OnceLock::new();
    BASE.get_or_init(|| {
        dalil_fuzz::self_test();
        dalil_fuzz::fixture_pack()
    })
}

fuzz_target!(|data: &[u8]| {
    let mut files = base().clone();
    let Some(nul) = data.iter().position(|&b| b == 0) else {
        return;
    };
    let Ok(path) = std::str::from_utf8(&data[..nul]) else {
        return;
    };
    files.insert(path.to_owned(), data[nul + 1..].to_vec());

    let (sop, diagnostics) = load(&files);
    assert!(diagnostics.is_sorted(), "the diagnostics are not sorted");
    for d in &diagnostics {
        assert!(
            !d.message.is_empty() && d.message_id.starts_with("validate-"),
            "{d:?}"
        );
        let Some(bytes) = files.get(&d.file) else {
            // A missing file or folder is named as a whole.
            assert_eq!((d.line, d.column), (0, 0), "{d:?}");
            continue;
        };
        if d.line == 0 {
            assert_eq!(d.column, 0, "a column without a line: {d:?}");
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        let line = usize::try_from(d.line).unwrap_or(usize::MAX);
        assert!(
            line <= lines.len(),
            "line {line} of a file of {} lines: {d:?}",
            lines.len()
        );
        let chars = lines[line - 1].chars().count();
        let column = usize::try_from(d.column).unwrap_or(usize::MAX);
        assert!(
            column <= chars + 1,
            "column {column} of a line of {chars} characters: {d:?}"
        );
    }
    if diagnostics.iter().any(|d| d.severity() == Severity::Error) {
        return;
    }
    let labels = Labels::default();
    for chapter in &sop.chapters {
        for lang in [Lang::Ar, Lang::En] {
            let rendered = render_chapter(&sop, &chapter.id, lang, &labels)
                .expect("a chapter of valid content renders");
            if let Err(e) = dalil_fuzz::check_html(&rendered.html) {
                panic!("chapter {} ({lang}) let through {e}", chapter.id);
            }
        }
    }
    for scenario in &sop.training.scenarios {
        for lang in [Lang::Ar, Lang::En] {
            let rendered = render_scenario(&sop, &scenario.id, lang)
                .expect("a scenario of valid content renders");
            let parts = std::iter::once(&rendered.head)
                .chain(rendered.stages.iter().map(|(_, html)| html))
                .chain(rendered.debrief.iter());
            for html in parts {
                if let Err(e) = dalil_fuzz::check_html(html) {
                    panic!("scenario {} ({lang}) let through {e}", scenario.id);
                }
            }
        }
    }
});
