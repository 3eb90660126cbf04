//! Every diagnostic has a fixture pack that plants it, and `dalil validate` reports it with
//! file, line and column exactly as recorded in the pack's `expected.txt`.

use dalil_content::Code;

use crate::support::{expect_file, fixtures, overlay, read};

/// Every code, so that a new one without a fixture fails this test.
const ALL_CODES: &[Code] = &[
    Code::Io,
    Code::ManifestSyntax,
    Code::ManifestInvalid,
    Code::GlossarySyntax,
    Code::GlossaryInvalid,
    Code::MissingChapter,
    Code::MissingLanguage,
    Code::UnlistedChapter,
    Code::FrontMatterMissing,
    Code::FrontMatterSyntax,
    Code::FrontMatterMismatch,
    Code::UnknownPhase,
    Code::BadId,
    Code::DuplicateId,
    Code::StepMissingId,
    Code::EmptyTitle,
    Code::EmptyStep,
    Code::BadAttribute,
    Code::StepOnlyInOneLanguage,
    Code::StepOrder,
    Code::StepMismatch,
    Code::ConditionSyntax,
    Code::UnknownFact,
    Code::BadFactUse,
    Code::BrokenReference,
    Code::ExternalLink,
];

#[test]
fn the_good_pack_has_no_diagnostics() {
    let (sop, diagnostics) = dalil_content::load(&read(&fixtures().join("good")));
    assert_eq!(diagnostics, vec![]);
    assert_eq!(sop.chapters.len(), 2);
    assert_eq!(sop.glossary.terms.len(), 2);
}

#[test]
fn each_bad_pack_reports_its_diagnostic_where_it_was_planted() {
    let bad = fixtures().join("bad");
    for code in ALL_CODES {
        let dir = bad.join(code.as_str());
        assert!(
            dir.is_dir(),
            "no fixture pack for `{code}` at {}",
            dir.display()
        );
        let (_, diagnostics) = dalil_content::load(&overlay(&dir));
        assert!(
            diagnostics.iter().any(|d| d.code == *code),
            "the pack for `{code}` does not report it: {diagnostics:#?}"
        );
        let text: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
        expect_file(&dir.join("expected.txt"), &text);
    }
}

#[test]
fn the_validate_command_prints_the_same_lines_and_exits_1() {
    let dir = fixtures().join("bad").join("step-order");
    let (_, diagnostics) = dalil_content::load(&overlay(&dir));
    // The command reads a real folder, so give it one: the good pack with the overlay.
    let tmp = crate::support::materialize(&dir);
    let (code, out, err) = crate::support::dalil(&["validate", &tmp.path().to_string_lossy()]);
    assert_eq!(code, 1, "{err}");
    let expected: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    assert_eq!(out, expected);
    assert!(out.starts_with("chapters/second/en.md:"), "{out}");
    assert!(err.contains("Found one problem"), "{err}");
}
