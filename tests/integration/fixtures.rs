//! Every diagnostic has a fixture pack that plants it, and `dalil validate` reports it with
//! file, line and column exactly as recorded in the pack's `expected.txt`. Every kind of
//! message is planted too, and reads the same from `en/validate.ftl` as from the loader, and
//! in Arabic with all its arguments.

use std::collections::BTreeSet;

use dalil_content::{Code, Diagnostic, Files, Lang, Severity};
use dalil_l10n::{Localizer, strip_isolation};

use crate::support::{dalil, dalil_in, expect_file, fixtures, materialize, overlay, read};

/// Every code, so that a new one without a fixture fails this test.
const ALL_CODES: &[Code] = &[
    Code::Io,
    Code::ManifestSyntax,
    Code::ManifestInvalid,
    Code::GlossarySyntax,
    Code::GlossaryInvalid,
    Code::ElementsSyntax,
    Code::ElementsInvalid,
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
    Code::AvoidedVariant,
    Code::TrainingSyntax,
    Code::TrainingInvalid,
    Code::MissingScenario,
    Code::UnlistedScenario,
    Code::StageMismatch,
    Code::EmptyStage,
    Code::StepNotShown,
    Code::StepUnaccounted,
];

#[test]
fn the_good_pack_has_no_diagnostics() {
    let (sop, diagnostics) = dalil_content::load(&read(&fixtures().join("good")));
    assert_eq!(diagnostics, vec![]);
    assert_eq!(sop.chapters.len(), 2);
    assert_eq!(sop.glossary.terms.len(), 2);
    assert_eq!(sop.offences.len(), 1);
    assert_eq!(sop.offences[0].elements.len(), 3);
    assert_eq!(sop.training.scenarios.len(), 1);
    let scenario = &sop.training.scenarios[0];
    assert_eq!(scenario.stages.len(), 2);
    assert!(scenario.en.debrief.is_some() && scenario.ar.debrief.is_some());
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

/// One change to the good pack: replace the first `from` in `file` with `to`, or remove the
/// file when `to` is `None`.
type Edit = (&'static str, &'static str, Option<String>);

/// Changes to the good pack that plant each kind of message the bad packs do not: the message
/// id, and the edits.
fn planted_messages() -> Vec<(&'static str, Vec<Edit>)> {
    const M: &str = "manifest.toml";
    const G: &str = "glossary.toml";
    const EN: &str = "chapters/first/en.md";
    const T: &str = "training/training.toml";
    const S: &str = "training/practice/scenario.toml";
    const SEN: &str = "training/practice/en.md";
    const GOOD_SCENARIO: &str = include_str!("../fixtures/good/training/practice/scenario.toml");
    let to = |s: &str| Some(s.to_owned());
    let when = |c: &str| vec![(EN, "when=\"child\"", Some(format!("when=\"{c}\"")))];
    let deep = format!("{}child{}", "(".repeat(70), ")".repeat(70));
    vec![
        ("validate-io-missing", vec![(G, "", None)]),
        (
            "validate-manifest-empty-id",
            vec![(M, "id = \"fixture-sop\"", to("id = \" \""))],
        ),
        (
            "validate-manifest-empty-version",
            vec![(M, "version = \"1.0.0\"", to("version = \"\""))],
        ),
        (
            "validate-manifest-empty-label",
            vec![(
                M,
                "en = \"Reference text for tests, not the official SOP.\"",
                to("en = \"\""),
            )],
        ),
        (
            "validate-manifest-no-chapters",
            vec![(M, "chapters = [\"first\", \"second\"]", to("chapters = []"))],
        ),
        (
            "validate-manifest-no-phases",
            vec![
                (
                    M,
                    "chapters = [\"first\", \"second\"]",
                    to("chapters = [\"first\", \"second\"]\nphase = []"),
                ),
                (
                    M,
                    "[[phase]]\nid = \"intake\"\nar = \"الاستقبال\"\nen = \"Intake\"\n",
                    to(""),
                ),
                (
                    M,
                    "[[phase]]\nid = \"review\"\nar = \"المراجعة\"\nen = \"Review\"\n",
                    to(""),
                ),
            ],
        ),
        (
            "validate-manifest-yes-no-with-choices",
            vec![(
                M,
                "type = \"yes-no\"",
                to("type = \"yes-no\"\ndefault = \"x\""),
            )],
        ),
        (
            "validate-manifest-too-few-choices",
            vec![(
                M,
                "  { id = \"smuggling\", ar = \"تهريب\", en = \"Smuggling\" },\n",
                to(""),
            )],
        ),
        (
            "validate-manifest-no-default",
            vec![(M, "default = \"trafficking\"", to(""))],
        ),
        (
            "validate-manifest-unknown-fact-type",
            vec![(M, "type = \"yes-no\"", to("type = \"number\""))],
        ),
        (
            "validate-manifest-empty-fact-text",
            vec![
                (
                    M,
                    "question.en = \"Is any victim a child?\"",
                    to("question.en = \"\""),
                ),
                (M, "label.en = \"Case kind\"", to("label.en = \" \"")),
            ],
        ),
        (
            "validate-bad-declared-id",
            vec![(M, "id = \"review\"", to("id = \"Review_\""))],
        ),
        (
            "validate-declared-twice",
            vec![(M, "id = \"review\"", to("id = \"intake\""))],
        ),
        (
            "validate-glossary-empty-avoided",
            vec![(
                G,
                "en = \"debt bondage\"",
                to("en = \"debt bondage\"\nen-avoid = [\" \"]"),
            )],
        ),
        (
            "validate-glossary-avoided-is-a-name",
            vec![(
                G,
                "en = \"debt bondage\"",
                to("en = \"debt bondage\"\nar-avoid = [\"عُبودية الدين\"]"),
            )],
        ),
        (
            "validate-elements-step-twice",
            vec![(
                "elements.toml",
                "steps = [\"first-log\"]",
                to("steps = [\"first-log\", \"first-log\"]"),
            )],
        ),
        (
            "validate-id-used-by-chapter",
            vec![(G, "id = \"debt-bondage\"", to("id = \"first\""))],
        ),
        (
            "validate-id-used-by-term",
            vec![(EN, "{#first-log .step}", to("{#debt-bondage .step}"))],
        ),
        (
            "validate-front-matter-unclosed",
            vec![(EN, "phase = \"intake\"\n+++\n", to("phase = \"intake\"\n"))],
        ),
        (
            "validate-phase-differs",
            vec![(EN, "phase = \"intake\"", to("phase = \"review\""))],
        ),
        (
            "validate-empty-chapter-title",
            vec![(EN, "title = \"The first chapter\"", to("title = \" \""))],
        ),
        (
            "validate-attribute-second-id",
            vec![(EN, "{#first-log .step}", to("{#first-log #x .step}"))],
        ),
        (
            "validate-attribute-unknown-class",
            vec![(EN, "{#first-log .step}", to("{#first-log .stpe}"))],
        ),
        (
            "validate-attribute-not-an-attribute",
            vec![(EN, "{#first-log .step}", to("{#first-log step}"))],
        ),
        (
            "validate-attribute-unclosed-quote",
            vec![(EN, "basis=\"art. 6\"}", to("basis=\"art. 6}"))],
        ),
        (
            "validate-attribute-twice",
            vec![(EN, "basis=\"art. 6\"", to("basis=\"art. 6\" basis=\"x\""))],
        ),
        (
            "validate-attribute-not-on-step",
            vec![(EN, "## Intake", to("## Intake {.advisory}"))],
        ),
        ("validate-condition-trailing", when("child foo")),
        ("validate-condition-single-equals", when("kind = 'x'")),
        (
            "validate-condition-unclosed-quote",
            when("kind == 'smuggling"),
        ),
        ("validate-condition-bad-char", when("child & kind")),
        ("validate-condition-too-deep", when(&deep)),
        (
            "validate-condition-expected-close-paren",
            when("(child kind"),
        ),
        (
            "validate-condition-expected-open-bracket",
            when("kind in 'x'"),
        ),
        (
            "validate-condition-expected-comma",
            when("kind in ['smuggling' 'trafficking']"),
        ),
        ("validate-condition-expected-value", when("kind == child")),
        ("validate-choice-fact-alone", when("kind")),
        (
            "validate-training-empty-label",
            vec![(
                T,
                "en = \"A training scenario for tests; its events and names are fictional.\"",
                to("en = \" \""),
            )],
        ),
        (
            "validate-training-no-scenarios",
            vec![(T, "scenarios = [\"practice\"]", to("scenarios = []"))],
        ),
        (
            "validate-scenario-no-stages",
            vec![(S, GOOD_SCENARIO, to("# No stages yet.\n"))],
        ),
        ("validate-scenario-missing-file", vec![(S, "", None)]),
        (
            "validate-scenario-missing-language",
            vec![("training/practice/ar.md", "", None)],
        ),
        (
            "validate-stage-reserved-id",
            vec![(S, "id = \"interview\"", to("id = \"debrief\""))],
        ),
        (
            "validate-stage-empty",
            vec![(
                S,
                "[[stage]]\nid = \"interview\"",
                to("[[stage]]\nid = \"quiet\"\n\n[[stage]]\nid = \"interview\""),
            )],
        ),
        (
            "validate-stage-heading-missing",
            vec![(
                S,
                "[[stage]]\nid = \"interview\"",
                to(
                    "[[stage]]\nid = \"quiet\"\ndone = [\"first-log\"]\n\n[[stage]]\nid = \"interview\"",
                ),
            )],
        ),
        (
            "validate-stage-choice-value",
            vec![(S, "kind = \"smuggling\"", to("kind = true"))],
        ),
        (
            "validate-stage-unknown-choice",
            vec![(S, "kind = \"smuggling\"", to("kind = \"piracy\""))],
        ),
        (
            "validate-stage-unknown-fact",
            vec![(S, "child = true", to("child = true, adult = true"))],
        ),
        (
            "validate-stage-unknown-step",
            vec![(
                S,
                "done = [\"first-log\"]",
                to("done = [\"first-log\", \"no-such-step\"]"),
            )],
        ),
        (
            "validate-scenario-front-matter-missing",
            vec![(SEN, "+++\nid = \"practice\"", to("id = \"practice\""))],
        ),
        (
            "validate-empty-scenario-title",
            vec![(SEN, "title = \"A practice case\"", to("title = \" \""))],
        ),
        (
            "validate-scenario-heading-attribute",
            vec![(SEN, "{#report}", to("{#report .step}"))],
        ),
        (
            "validate-stage-heading-no-id",
            vec![(SEN, "## The report {#report}", to("## The report"))],
        ),
        (
            "validate-stage-heading-twice",
            vec![(
                SEN,
                "## The interview {#interview}",
                to("## The report again {#report}\n\nAgain.\n\n## The interview {#interview}"),
            )],
        ),
        (
            "validate-debrief-not-last",
            vec![(
                SEN,
                "## The interview {#interview}",
                to("## Early debrief {#debrief}\n\nToo early.\n\n## The interview {#interview}"),
            )],
        ),
    ]
}

fn apply(files: &mut Files, edits: &[Edit]) {
    for (file, from, to) in edits {
        let Some(to) = to else {
            assert!(
                files.remove(*file).is_some(),
                "{file} is not in the good pack"
            );
            continue;
        };
        let text = String::from_utf8_lossy(&files[*file]).into_owned();
        assert!(text.contains(from), "{file} no longer holds {from:?}");
        files.insert((*file).to_owned(), text.replacen(from, to, 1).into_bytes());
    }
}

/// Every diagnostic the bad packs and the planted messages produce.
fn every_planted_diagnostic() -> Vec<Diagnostic> {
    let mut all = Vec::new();
    for code in ALL_CODES {
        all.extend(dalil_content::load(&overlay(&fixtures().join("bad").join(code.as_str()))).1);
    }
    for (id, edits) in planted_messages() {
        let mut files = read(&fixtures().join("good"));
        apply(&mut files, &edits);
        let (_, diagnostics) = dalil_content::load(&files);
        assert!(
            diagnostics.iter().any(|d| d.message_id == id),
            "the edits for {id} do not plant it: {diagnostics:#?}"
        );
        all.extend(diagnostics);
    }
    all
}

fn has_arabic_letters(s: &str) -> bool {
    s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// The English of `en/validate.ftl` is the loader's sentence, word for word, so the two cannot
/// drift apart; and the Arabic message is Arabic and shows every argument but the selector.
#[test]
fn every_message_is_planted_and_reads_the_same_from_fluent() {
    let en = Localizer::new(Lang::En);
    let ar = Localizer::new(Lang::Ar);
    let mut seen = BTreeSet::new();
    for d in every_planted_diagnostic() {
        assert!(
            en.has(d.message_id) && ar.has(d.message_id),
            "{} is not in validate.ftl",
            d.message_id
        );
        let english = strip_isolation(&en.diagnostic(&d));
        assert_eq!(
            english, d.message,
            "{} in en/validate.ftl differs from the loader",
            d.message_id
        );
        let arabic = strip_isolation(&ar.diagnostic(&d));
        assert!(has_arabic_letters(&arabic), "{}: {arabic}", d.message_id);
        assert_ne!(arabic, english, "{}", d.message_id);
        for (name, value) in &d.args {
            // `kind` chooses the wording and is not printed.
            if *name != "kind" {
                assert!(
                    arabic.contains(value.as_str()),
                    "{}: ${name} ({value}) is not in {arabic}",
                    d.message_id
                );
            }
        }
        seen.insert(d.message_id);
    }
    let defined: BTreeSet<&str> = dalil_l10n::FILES
        .iter()
        .filter(|(l, f, _)| *l == Lang::En && *f == "validate.ftl")
        .flat_map(|(_, _, text)| text.lines())
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
        .filter(|id| id.starts_with("validate-"))
        .collect();
    let unplanted: Vec<_> = defined.difference(&seen).collect();
    assert!(
        unplanted.is_empty(),
        "no fixture or edit plants {unplanted:?}"
    );
    assert!(seen.len() > 60, "only {} message kinds seen", seen.len());
}

/// `DALIL_LANG=ar dalil validate` on every bad pack: the same lines, with the same place and
/// code in Latin, and the message in Arabic.
#[test]
fn validate_in_arabic_keeps_place_and_code() {
    for code in ALL_CODES {
        let tmp = materialize(&fixtures().join("bad").join(code.as_str()));
        let dir = tmp.path().to_string_lossy().into_owned();
        let (en_code, english, _) = dalil(&["validate", &dir]);
        let (ar_code, arabic, ar_err) = dalil_in(Lang::Ar, &["validate", &dir]);
        // A pack that plants only warnings still validates.
        let exit = if code.severity() == Severity::Error {
            1
        } else {
            0
        };
        assert_eq!((en_code, ar_code), (exit, exit), "{code}: {ar_err}");
        assert_eq!(english.lines().count(), arabic.lines().count(), "{code}");
        for (e, a) in english.lines().zip(arabic.lines()) {
            // A warning says so between the place and the code, in Latin in both languages.
            let (e_line, a_line) = (
                e.replacen(": warning: ", ": ", 1),
                a.replacen(": warning: ", ": ", 1),
            );
            assert_eq!(
                e.contains(": warning: "),
                a.contains(": warning: "),
                "{code}: {a}"
            );
            let e: Vec<&str> = e_line.splitn(3, ": ").collect();
            let a: Vec<&str> = a_line.splitn(3, ": ").collect();
            assert_eq!(e.len(), 3, "{code}: {e:?}");
            assert_eq!(a.len(), 3, "{code}: {a:?}");
            assert_eq!(a[..2], e[..2], "{code}: the place or code changed");
            assert!(has_arabic_letters(a[2]), "{code}: {}", a[2]);
            assert!(
                !a[2].contains(['\u{2068}', '\u{2069}']),
                "{code}: isolation marks in {}",
                a[2]
            );
        }
        assert!(has_arabic_letters(&ar_err), "{code}: {ar_err}");
    }
}

/// `validate --json` keeps the English `message` scripts read, whatever the language, and
/// adds the message in the tool's language.
#[test]
fn validate_json_keeps_english_and_adds_the_localized_message() {
    let dir = fixtures().join("bad").join("step-order");
    let (_, diagnostics) = dalil_content::load(&overlay(&dir));
    let tmp = materialize(&dir);
    let path = tmp.path().to_string_lossy().into_owned();
    let (code, out, err) = dalil_in(Lang::Ar, &["validate", "--json", &path]);
    assert_eq!(code, 1, "{err}");
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(list.len(), diagnostics.len(), "{out}");
    for (v, d) in list.iter().zip(&diagnostics) {
        assert_eq!(v["code"], d.code.as_str());
        assert_eq!(v["severity"], "error");
        assert_eq!(v["message"], d.message.as_str());
        let localized = v["message_localized"].as_str().unwrap_or_default();
        assert!(has_arabic_letters(localized), "{localized}");
    }
}

/// Issue 20: a name the glossary lists to avoid is a warning. `dalil validate` prints it with
/// its place, says so in its summary, and still exits 0; `--json` gives its severity; and the
/// commands that refuse broken content accept content with warnings only.
#[test]
fn issue_20_avoided_names_warn_without_failing() {
    let dir = fixtures().join("bad").join("avoided-variant");
    let (_, diagnostics) = dalil_content::load(&overlay(&dir));
    assert!(!diagnostics.is_empty());
    assert!(
        diagnostics
            .iter()
            .all(|d| d.code == Code::AvoidedVariant && d.severity() == Severity::Warning),
        "{diagnostics:#?}"
    );
    assert_eq!(dalil_content::error_count(&diagnostics), 0);

    let tmp = materialize(&dir);
    let path = tmp.path().to_string_lossy().into_owned();
    let (code, out, err) = dalil(&["validate", &path]);
    assert_eq!(code, 0, "{err}");
    let expected: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    assert_eq!(out, expected);
    assert!(
        out.lines()
            .all(|l| l.contains(": warning: avoided-variant: ")),
        "{out}"
    );
    assert!(err.contains("The SOP is valid"), "{err}");
    assert!(
        err.contains(&format!("{} warnings", diagnostics.len())),
        "{err}"
    );

    let (code, out, err) = dalil(&["validate", "--json", &path]);
    assert_eq!(code, 0, "{err}");
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(list.len(), diagnostics.len(), "{out}");
    assert!(list.iter().all(|v| v["severity"] == "warning"), "{out}");

    let (code, _, err) = dalil(&["--content", &path, "chapters", "--lang", "en"]);
    assert_eq!(code, 0, "content with only warnings is refused: {err}");
}
