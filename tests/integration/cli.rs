//! The `dalil` command: exit codes and output formats.

use crate::support::{dalil, fixtures};

fn good() -> String {
    fixtures().join("good").to_string_lossy().into_owned()
}

#[test]
fn validate_on_a_clean_pack_exits_0_and_says_so() {
    let (code, out, err) = dalil(&["validate", &good()]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("2 chapters, 5 steps"), "{err}");
}

#[test]
fn validate_json_lists_the_diagnostics() {
    let (code, out, _) = dalil(&["validate", &good(), "--json"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "[]");
}

#[test]
fn validate_without_a_folder_checks_the_built_in_sop() {
    let (code, _, err) = dalil(&["validate"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn validate_on_a_missing_folder_is_a_clear_error() {
    let (code, _, err) = dalil(&["validate", "/nonexistent/dalil-content"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a folder"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn chapters_are_listed_by_phase() {
    let (code, out, _) = dalil(&["--content", &good(), "chapters", "--lang", "en"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Intake\n  first                    The first chapter (3 steps)\nReview\n  second                   The second chapter (2 steps)\n"
    );
}

#[test]
fn steps_follow_the_facts_and_say_why() {
    let (code, out, _) = dalil(&["--content", &good(), "steps", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        !out.contains("first-child") && !out.contains("first-route"),
        "{out}"
    );

    let (_, out, _) = dalil(&[
        "--content",
        &good(),
        "steps",
        "--lang",
        "en",
        "--facts",
        "child",
    ]);
    assert!(
        out.contains(
            "first-child  Call the juvenile authorities  (shown because: a victim is a child)"
        ),
        "{out}"
    );

    let (_, out, _) = dalil(&[
        "--content",
        &good(),
        "steps",
        "--lang",
        "en",
        "--facts",
        "kind=smuggling",
    ]);
    assert!(out.contains("first-route  Map the smuggling route  (shown because: Case kind: Smuggling; not a victim is a child)"), "{out}");
}

#[test]
fn steps_json_has_ids_phases_and_reasons() {
    let (code, out, _) = dalil(&[
        "--content",
        &good(),
        "steps",
        "--facts",
        "child",
        "--json",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let first = &v[1];
    assert_eq!(first["id"], "first-child");
    assert_eq!(first["phase"], "intake");
    assert_eq!(first["why"][0], "a victim is a child");
    assert_eq!(v[3]["required"], false);
}

#[test]
fn an_unknown_fact_or_value_is_a_clear_error() {
    let (code, _, err) = dalil(&["--content", &good(), "steps", "--facts", "adult"]);
    assert_eq!(code, 2);
    assert!(err.contains("`adult` is not a fact of this SOP"), "{err}");
    let (code, _, err) = dalil(&["--content", &good(), "steps", "--facts", "kind=tourism"]);
    assert_eq!(code, 2);
    assert!(err.contains("`tourism` is not a value of `kind`"), "{err}");
}

#[test]
fn render_an_unknown_chapter_is_a_clear_error() {
    let (code, out, err) = dalil(&["--content", &good(), "render", "third", "--lang", "en"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("There is no chapter `third`"), "{err}");
}

#[test]
fn render_sets_lang_and_dir_and_links_within_the_app() {
    let (code, out, _) = dalil(&["--content", &good(), "render", "first", "--lang", "ar"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("<article class=\"chapter\" lang=\"ar\" dir=\"rtl\""),
        "{out}"
    );
    assert!(
        out.contains(r##"<a class="xref" href="#/chapter/second">"##),
        "{out}"
    );
    assert!(
        out.contains(r##"<a class="xref" href="#/chapter/second/second-close">"##),
        "{out}"
    );
    assert!(
        out.contains(r##"<section class="step" id="first-child""##),
        "{out}"
    );
    assert!(out.contains("يُطبَّق عندما: ضحية طفل"), "{out}");
    let (_, out, _) = dalil(&["--content", &good(), "render", "first", "--lang", "en"]);
    assert!(out.contains("lang=\"en\" dir=\"ltr\""), "{out}");
    assert!(
        out.contains("Applies when: Case kind: Smuggling and not a victim is a child"),
        "{out}"
    );
    assert!(
        out.contains(
            r##"<a class="term" href="#/glossary/investigative-judge" data-definition="The judge who directs the preliminary investigation.">"##
        ),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = dalil(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(!err.is_empty());
    let (code, _, err) = dalil(&["render", "intake", "--lang", "fr"]);
    assert_eq!(code, 2, "{err}");
}
