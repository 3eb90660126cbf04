//! `dalil export` and `dalil verify`, run in-process on a case made with the `dalil` commands
//! in a fresh data folder: the report in each language, the bundle, and what `verify` says
//! about an intact bundle, an altered one and a file that is not a bundle.
//!
//! Messages follow the caller's locale, so the tests compare them with the message in either
//! language (bidi isolation stripped).

use std::path::PathBuf;

use dalil_l10n::{Arg, Lang, Localizer, strip_isolation};

use crate::support::dalil;

const REFERENCE: &str = "TIP-2026-0042";
const HOSTILE: &str = "<img src=x onerror=alert(1)> <script>alert(2)</script>";

/// A data folder with one case in it, made through the CLI.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::Builder::new()
            .prefix("dalil-report-")
            .tempdir()
            .unwrap_or_else(|e| panic!("tempdir: {e}"));
        std::fs::write(dir.path().join("pass"), "report test passphrase\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let case = Case { dir };
        case.ok(&[
            "case",
            "new",
            "--reference",
            REFERENCE,
            "--title",
            "بلاغ عن استغلال في العمل — الشاهد (أ)",
            "--kind",
            "trafficking",
        ]);
        case.ok(&[
            "case",
            "facts",
            REFERENCE,
            "foreign-national=yes",
            "child=yes",
        ]);
        case.ok(&["step", REFERENCE, "intake-log-report", "done"]);
        case.ok(&[
            "step",
            REFERENCE,
            "intake-foreign",
            "blocked",
            "--reason",
            "لا يتوفر مترجم بعد.",
        ]);
        case.ok(&["step", REFERENCE, "intake-child", "done"]);
        case.ok(&[
            "note",
            "add",
            REFERENCE,
            "--step",
            "intake-log-report",
            "--text",
            "سُجّل البلاغ الوارد من الشاهد (أ).",
        ]);
        case.ok(&[
            "note",
            "add",
            REFERENCE,
            "--step",
            "intake-protect-scene",
            "--text",
            HOSTILE,
        ]);
        // The child fact changes: `intake-child` no longer applies but keeps its state.
        case.ok(&["case", "facts", REFERENCE, "child=no"]);
        case
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> (u8, String, String) {
        let data = self.path("data").to_string_lossy().into_owned();
        let pass = self.path("pass").to_string_lossy().into_owned();
        let mut all = vec!["--data-dir", &data, "--passphrase-file", &pass];
        all.extend_from_slice(args);
        dalil(&all)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "dalil {args:?} failed: {err}");
        out
    }

    /// Exports to a file and returns its bytes.
    fn export(&self, format: &str, lang: &str) -> Vec<u8> {
        let file = self.path(&format!("out-{format}-{lang}"));
        let file_text = file.to_string_lossy().into_owned();
        let (code, _, err) = self.run(&[
            "export", REFERENCE, "--format", format, "--lang", lang, "-o", &file_text,
        ]);
        assert_eq!(code, 0, "{err}");
        assert_says(
            &err,
            "report-cli-written",
            &[("path", Arg::Str(&file_text))],
        );
        std::fs::read(&file).unwrap_or_else(|e| panic!("{e}"))
    }
}

/// Asserts that `text` holds the message `id` in one of the two languages.
fn assert_says(text: &str, id: &str, args: &[(&str, Arg<'_>)]) {
    let said = [Lang::En, Lang::Ar].iter().any(|lang| {
        let l = Localizer::new(*lang);
        assert!(l.has(id), "{id} is not a message");
        text.contains(&strip_isolation(&l.format(id, args)))
    });
    assert!(said, "expected {id} in: {text}");
}

#[test]
fn export_writes_self_contained_reports_in_each_language() {
    let case = Case::new();
    for lang in ["ar", "en", "both"] {
        let html = String::from_utf8(case.export("html", lang)).unwrap_or_default();
        let lower = html.to_ascii_lowercase();
        assert!(lower.starts_with("<!doctype html>"), "{lang}");
        for bad in ["http:", "https:", "<script", "<img", "src=", "href="] {
            // `src=` is in the hostile note, escaped, so it is never inside a tag.
            let in_tag = lower
                .split('<')
                .skip(1)
                .any(|t| t.split('>').next().unwrap_or_default().contains(bad));
            assert!(!in_tag, "{lang}: {bad}");
        }
        assert!(!lower.contains("<script"), "{lang}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{lang}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
            "{lang}"
        );
        assert!(
            html.contains("intake-child"),
            "{lang}: the hidden step is listed"
        );
        assert!(html.contains("@font-face"), "{lang}");
        let root = match lang {
            "en" => "<html lang=\"en\" dir=\"ltr\">",
            _ => "<html lang=\"ar\" dir=\"rtl\">",
        };
        assert!(html.contains(root), "{lang}");
    }
    // To standard output when no file is named.
    let out = case.ok(&["export", REFERENCE, "--format", "html", "--lang", "en"]);
    assert!(out.contains("<html lang=\"en\" dir=\"ltr\">"));

    // Each export is in the case's history, with the SHA-256 of what was written.
    let bundle = case.export("bundle", "ar");
    let history: serde_json::Value =
        serde_json::from_str(&case.ok(&["history", REFERENCE, "--json"])).unwrap_or_default();
    let exports: Vec<(String, String)> = history
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|e| e["action"] == "case.export")
        .map(|e| {
            (
                e["entity_id"].as_str().unwrap_or_default().to_owned(),
                e["digest"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let names: Vec<&str> = exports.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "report-ar",
            "report-en",
            "report-ar-en",
            "report-en",
            "bundle"
        ],
        "{history}"
    );
    assert_eq!(
        exports.last().map(|(_, d)| d.clone()),
        Some(hex_sha256(&bundle))
    );
}

fn hex_sha256(bytes: &[u8]) -> String {
    dalil_store::audit::digest_bytes(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_bundle_verifies_and_any_change_is_named() {
    let case = Case::new();
    let bundle = case.export("bundle", "ar");
    let file = case.path("bundle.json");
    let file_text = file.to_string_lossy().into_owned();
    std::fs::write(&file, &bundle).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = dalil(&["verify", &file_text]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(REFERENCE), "{out}");

    // A note's text changed: the notes part is named, and nothing else is blamed.
    let text = String::from_utf8_lossy(&bundle).into_owned();
    let altered = text.replacen("onerror=alert(1)", "onerror=alert(9)", 1);
    assert_ne!(altered, text);
    std::fs::write(&file, altered).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = dalil(&["verify", &file_text]);
    assert_eq!(code, 1, "{out}");
    assert_says(&out, "bundle-verify-altered", &[]);
    assert_says(
        &out,
        "bundle-finding-part-altered",
        &[("part", Arg::Str("notes"))],
    );
    for part in ["case", "facts", "steps", "audit"] {
        let other = [Lang::En, Lang::Ar].map(|l| {
            strip_isolation(
                &Localizer::new(l)
                    .format("bundle-finding-part-altered", &[("part", Arg::Str(part))]),
            )
        });
        assert!(
            !other.iter().any(|o| out.contains(o.as_str())),
            "{part}: {out}"
        );
    }

    // A reason changed in the steps part.
    let altered = text.replacen("لا يتوفر مترجم بعد.", "توفر مترجم.", 1);
    std::fs::write(&file, altered).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = dalil(&["verify", &file_text]);
    assert_eq!(code, 1, "{out}");
    assert_says(
        &out,
        "bundle-finding-part-altered",
        &[("part", Arg::Str("steps"))],
    );

    // Every single-byte change in a sample of positions is caught (exit 1, or 2 when the
    // change makes the file something other than a bundle).
    let mut rng = xorshift(0xda11);
    for _ in 0..60 {
        let pos = (rng() as usize) % bundle.len();
        let mut altered = bundle.clone();
        altered[pos] ^= 0x20 | (rng() as u8 & 0x0f) | 1;
        std::fs::write(&file, &altered).unwrap_or_else(|e| panic!("{e}"));
        let (code, out, err) = dalil(&["verify", &file_text]);
        assert!(code == 1 || code == 2, "byte {pos}: {code} {out}{err}");
    }
}

/// A small fixed-seed generator (xorshift), so the test needs no extra dependency.
fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed.max(1);
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}

#[test]
fn verify_says_when_a_file_is_not_a_bundle() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "just some notes").unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = dalil(&["verify", &file.to_string_lossy()]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_says(&err, "bundle-unreadable-not-a-bundle", &[]);

    let missing = dir.path().join("missing.json");
    let (code, _, err) = dalil(&["verify", &missing.to_string_lossy()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("dalil: "), "{err}");
}

#[test]
fn export_refuses_an_unknown_case_and_a_bad_format() {
    let case = Case::new();
    let (code, out, err) = case.run(&["export", "TIP-0000-0000", "--format", "bundle"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert_says(&err, "cli-case-not-found", &[]);
    let (code, _, _) = case.run(&["export", REFERENCE, "--format", "pdf"]);
    assert_eq!(code, 2);
    let (code, _, _) = case.run(&["export", REFERENCE, "--format", "html", "--lang", "fr"]);
    assert_eq!(code, 2);
}
