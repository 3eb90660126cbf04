//! Chapter text is data, not code: hostile markdown renders with none of its active parts.

use dalil_content::{Lang, render::render_chapter};
use dalil_l10n::Localizer;

use crate::support::{fixtures, overlay};

/// Strings that must never reach the rendered HTML.
const FORBIDDEN: &[&str] = &[
    "<script",
    "</script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "data:",
    "<iframe",
    "<object",
    "<embed",
    "<img",
    "<svg",
    "<style",
    "<form",
    "<meta",
    "<link",
    "<base",
    "vbscript:",
    "srcdoc",
    "http://",
    "https://",
];

#[test]
fn hostile_markdown_renders_without_active_content() {
    let files = overlay(&fixtures().join("hostile"));
    let (sop, _) = dalil_content::load(&files);
    for lang in Lang::ALL {
        let labels = Localizer::new(lang).render_labels();
        let Some(rendered) = render_chapter(&sop, "second", lang, &labels) else {
            panic!("the hostile chapter did not load");
        };
        let lower = rendered.html.to_lowercase();
        for bad in FORBIDDEN {
            assert!(
                !lower.contains(bad),
                "`{bad}` survived in the {lang} rendering:\n{}",
                rendered.html
            );
        }
        // The harmless text around the attacks is still there, as text.
        assert!(
            rendered.html.contains("Reviewing the case"),
            "{}",
            rendered.html
        );
        // Markup in the title is shown as text.
        assert!(
            rendered
                .html
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{}",
            rendered.html
        );
    }
}

#[test]
fn the_validator_flags_hostile_links() {
    let (_, diagnostics) = dalil_content::load(&overlay(&fixtures().join("hostile")));
    let external: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code == dalil_content::Code::ExternalLink)
        .collect();
    assert!(external.len() >= 2, "{diagnostics:#?}");
}

#[test]
fn the_render_command_emits_none_of_it() {
    let tmp = crate::support::materialize(&fixtures().join("hostile"));
    let content = tmp.path().to_string_lossy().into_owned();
    for lang in ["ar", "en"] {
        let (code, out, err) =
            crate::support::dalil(&["--content", &content, "render", "second", "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        // The problems are reported, and the chapter is still rendered, safely.
        assert!(err.contains("Run `dalil validate`"), "{err}");
        let lower = out.to_lowercase();
        for bad in FORBIDDEN {
            assert!(
                !lower.contains(bad),
                "`{bad}` survived in `dalil render`:\n{out}"
            );
        }
        assert!(out.contains("Close the case"), "{out}");
    }
}

/// Issue 18, found by the `render` fuzz target: a link written `//host/…` (or `/\host`, or
/// a path) is not an absolute URL to ammonia, which let it through, yet a browser follows
/// it to another host. Every link a chapter renders must stay in the app.
#[test]
fn network_path_links_render_without_their_address() {
    let mut files = crate::support::read(&fixtures().join("good"));
    let body = "+++\nid = \"first\"\ntitle = \"t\"\nphase = \"intake\"\n+++\n\n\
        See [a](//example.org/x), [b](/\\example.org), [c](other.md), \
        <a href=\"//example.org\">d</a> and [the second chapter](#second).\n";
    files.insert("chapters/first/en.md".into(), body.as_bytes().to_vec());
    let (sop, _) = dalil_content::load(&files);
    let labels = Localizer::new(Lang::En).render_labels();
    let Some(rendered) = render_chapter(&sop, "first", Lang::En, &labels) else {
        panic!("the chapter did not load");
    };
    let hrefs: Vec<&str> = rendered
        .html
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(hrefs, ["#/chapter/second"], "{}", rendered.html);
    assert!(!rendered.html.contains("example.org"), "{}", rendered.html);
}
