//! The localization lint: every `.ftl` file parses, both locales have the same messages and
//! attributes, and every message id used by the Rust code and the UI exists. Also Arabic's
//! six plural forms.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dalil_l10n::{Arg, Digits, Lang, Localizer, strip_isolation};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, Resource};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn parse(path: &Path) -> Resource<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()))
}

/// Every message and term in a locale folder, with its attributes: `id` and `id.attr`.
fn keys(lang: &str) -> BTreeSet<String> {
    let dir = root().join("locales").join(lang);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().is_some_and(|e| e == "ftl") {
            for entry in parse(&path).body {
                let (id, attrs) = match entry {
                    Entry::Message(m) => (m.id.name, m.attributes),
                    Entry::Term(t) => (format!("-{}", t.id.name), t.attributes),
                    _ => continue,
                };
                assert!(keys.insert(id.clone()), "{id} is defined twice in {lang}");
                for a in attrs {
                    keys.insert(format!("{id}.{}", a.id.name));
                }
            }
        }
    }
    keys
}

#[test]
fn every_ftl_file_parses_and_both_locales_have_the_same_messages() {
    let ar = keys("ar");
    let en = keys("en");
    let only_ar: Vec<_> = ar.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&ar).collect();
    assert!(
        only_ar.is_empty() && only_en.is_empty(),
        "only in ar: {only_ar:?}; only in en: {only_en:?}"
    );
}

#[test]
fn every_embedded_file_is_a_file_in_locales() {
    let mut on_disk = BTreeSet::new();
    for lang in ["ar", "en"] {
        for entry in
            std::fs::read_dir(root().join("locales").join(lang)).unwrap_or_else(|e| panic!("{e}"))
        {
            let name = entry
                .unwrap_or_else(|e| panic!("{e}"))
                .file_name()
                .to_string_lossy()
                .into_owned();
            on_disk.insert(format!("{lang}/{name}"));
        }
    }
    let embedded: BTreeSet<String> = dalil_l10n::FILES
        .iter()
        .map(|(l, f, _)| format!("{l}/{f}"))
        .collect();
    assert_eq!(
        embedded, on_disk,
        "crates/l10n/src/lib.rs must embed every .ftl file"
    );
}

/// The quoted strings that follow `marker` in `text`: `t('x')`, `get("x")` and the like.
fn quoted_after(text: &str, marker: &str, out: &mut BTreeSet<String>) {
    for (i, _) in text.match_indices(marker) {
        let rest = &text[i + marker.len()..];
        let Some(q) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        if let Some(end) = rest[1..].find(q) {
            let id = &rest[1..1 + end];
            if !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                out.insert(id.to_owned());
            }
        }
    }
}

fn files_under(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.ends_with("target") && !path.ends_with("gen") {
                files_under(&path, ext, out);
            }
        } else if path
            .extension()
            .is_some_and(|e| ext.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_message_id_used_in_rust_and_the_ui_exists() {
    let mut used = BTreeSet::new();
    // The crates that show text, and the calls through which they reach a `Localizer`.
    let mut files = Vec::new();
    for dir in ["crates/cli", "crates/l10n", "src-tauri/src"] {
        files_under(&root().join(dir), &["rs"], &mut files);
    }
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for marker in [
            "l10n.get(",
            "l10n.format(",
            "self.get(",
            ").get(",
            "message_id: ",
        ] {
            quoted_after(&text, marker, &mut used);
        }
    }
    let mut ui = Vec::new();
    files_under(&root().join("ui"), &["js", "html"], &mut ui);
    for file in &ui {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for marker in [
            "data-l10n=",
            "data-l10n-label=",
            " t(",
            "(t(",
            "message_id ?? ",
        ] {
            quoted_after(&text, marker, &mut used);
        }
    }
    // The validator's message ids, written in `crates/content` beside their English.
    let mut content = Vec::new();
    files_under(&root().join("crates/content"), &["rs"], &mut content);
    let before = used.len();
    for file in &content {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (i, _) in text.match_indices("\"validate-") {
            let rest = &text[i + 1..];
            if let Some(end) = rest.find('"') {
                used.insert(rest[..end].to_owned());
            }
        }
    }
    assert!(
        used.len() - before > 60,
        "the scan of crates/content found too few validator ids"
    );
    assert!(
        used.len() > 30,
        "the scan found too few ids to be working: {used:?}"
    );
    for lang in ["ar", "en"] {
        let defined = keys(lang);
        let missing: Vec<_> = used.iter().filter(|id| !defined.contains(*id)).collect();
        assert!(
            missing.is_empty(),
            "used but not defined in {lang}: {missing:?}"
        );
    }
}

fn steps(l: &Localizer, n: f64) -> String {
    strip_isolation(&l.format("cli-chapter-steps", &[("count", Arg::Num(n))]))
}

#[test]
fn arabic_has_all_six_plural_forms_for_step_counts() {
    // In Latin digits, to read the numbers; the digits do not change the plural forms.
    let ar = Localizer::with_digits(Lang::Ar, Digits::Latin);
    let expected = [
        (0.0, "لا خطوات"),
        (1.0, "خطوة واحدة"),
        (2.0, "خطوتان"),
        (3.0, "3 خطوات"),
        (11.0, "11 خطوةً"),
        (100.0, "100 خطوة"),
        // Above 100 the category comes from n mod 100 (CLDR), which intl_pluralrules 7.0.2
        // gets wrong; the Arabic files select on PLURAL() to get it right.
        (102.0, "102 خطوة"),
        (103.0, "103 خطوات"),
        (110.0, "110 خطوات"),
        (111.0, "111 خطوةً"),
        (199.0, "199 خطوةً"),
        (200.0, "200 خطوة"),
        (1005.0, "1005 خطوات"),
        (1000.0, "1000 خطوة"),
    ];
    for (n, text) in expected {
        assert_eq!(steps(&ar, n), text, "{n}");
    }
    let en = Localizer::new(Lang::En);
    assert_eq!(steps(&en, 1.0), "one step");
    assert_eq!(steps(&en, 11.0), "11 steps");
}

/// Issue 20: an Arabic count is written in Arabic-Indic digits by default, as Iraqi official
/// documents write them, and in Latin digits when the settings say so; English is Latin
/// whatever they say. The plural form is the same in both.
#[test]
fn arabic_counts_are_in_arabic_indic_digits_unless_latin_is_chosen() {
    let ar = Localizer::new(Lang::Ar);
    assert_eq!(ar.digits(), Digits::Arabic);
    assert_eq!(steps(&ar, 3.0), "٣ خطوات");
    assert_eq!(steps(&ar, 103.0), "١٠٣ خطوات");
    assert_eq!(steps(&ar, 1005.0), "١٠٠٥ خطوات");
    assert_eq!(steps(&ar, 11.0), "١١ خطوةً");
    assert_eq!(ar.number(2026), "٢٠٢٦");
    // Strings are not numbers: an id keeps its digits.
    let text =
        strip_isolation(&ar.format("cli-unknown-chapter", &[("id", Arg::Str("case-2024-17"))]));
    assert!(text.contains("case-2024-17"), "{text}");

    let latin = Localizer::with_digits(Lang::Ar, Digits::Latin);
    assert_eq!(latin.digits(), Digits::Latin);
    assert_eq!(steps(&latin, 103.0), "103 خطوات");
    assert_eq!(latin.number(2026), "2026");

    let en = Localizer::with_digits(Lang::En, Digits::Arabic);
    assert_eq!(en.digits(), Digits::Latin);
    assert_eq!(en.arabic_digits(), Digits::Arabic);
    assert_eq!(steps(&en, 103.0), "103 steps");

    assert_eq!(Digits::parse("latin"), Some(Digits::Latin));
    assert_eq!(Digits::parse("arabic"), Some(Digits::Arabic));
    assert_eq!(Digits::parse("hindi"), None);
}

/// Every numeric selector in the Arabic files goes through PLURAL(), so that no message is
/// left with the upstream rule that is wrong above 100.
#[test]
fn arabic_selects_plurals_through_plural() {
    let dir = root().join("locales/ar");
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        for (n, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices("{ $") {
                let rest = &line[at + 3..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let selects = rest[name.len()..].trim_start().starts_with("->");
                // String selectors (a kind, a state) have no plural category.
                assert!(
                    !selects || name == "kind",
                    "{}:{}: select on PLURAL(${name}), not on ${name}",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn every_audit_action_has_words_in_both_languages() {
    for lang in [Lang::Ar, Lang::En] {
        let l = Localizer::new(lang);
        for action in dalil_store::audit::actions::ALL {
            let words = l.audit_action(action);
            assert_ne!(&words, action, "{action} has no label in {}", lang.code());
        }
    }
}

#[test]
fn plural_categories_follow_cldr() {
    use dalil_l10n::plural_category;
    let ar: Vec<&str> = [
        0.0, 1.0, 2.0, 3.0, 10.0, 11.0, 99.0, 100.0, 101.0, 102.0, 103.0, 111.0, 1.5,
    ]
    .iter()
    .map(|n| plural_category(Lang::Ar, *n))
    .collect();
    assert_eq!(
        ar,
        [
            "zero", "one", "two", "few", "few", "many", "many", "other", "other", "other", "few",
            "many", "other"
        ]
    );
    assert_eq!(plural_category(Lang::En, 1.0), "one");
    assert_eq!(plural_category(Lang::En, 0.0), "other");
}

#[test]
fn isolation_stays_on_around_latin_inside_arabic() {
    let ar = Localizer::new(Lang::Ar);
    let text = ar.format("cli-unknown-chapter", &[("id", Arg::Str("case-2024-17"))]);
    assert!(text.contains("\u{2068}case-2024-17\u{2069}"), "{text:?}");
}

/// The variables a pattern uses, in every variant of every selector.
fn variables(pattern: &Pattern<String>, out: &mut BTreeSet<String>) {
    fn inline(e: &InlineExpression<String>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.clone());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    fn expression_vars(e: &Expression<String>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(e) => inline(e, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

/// Each message of `validate.ftl` in a language, with the variables it uses.
fn validate_messages(lang: &str) -> Vec<(String, BTreeSet<String>)> {
    parse(&root().join("locales").join(lang).join("validate.ftl"))
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                Some((m.id.name, vars))
            }
            _ => None,
        })
        .collect()
}

/// Every validator message has its Arabic, and the Arabic uses every argument the English
/// uses: an id, a file name or a quoted value never goes missing in translation.
#[test]
fn arabic_validator_messages_use_every_argument() {
    let en = validate_messages("en");
    let ar: std::collections::BTreeMap<_, _> = validate_messages("ar").into_iter().collect();
    assert!(en.len() > 60, "only {} validator messages", en.len());
    for (id, vars) in &en {
        assert!(
            id.starts_with("validate-"),
            "{id} does not belong in validate.ftl"
        );
        let Some(ar_vars) = ar.get(id) else {
            panic!("{id} has no Arabic");
        };
        assert_eq!(
            ar_vars, vars,
            "{id}: the Arabic and English use different variables"
        );
    }
}
