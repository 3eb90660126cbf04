//! Issue 15: SOP editions. What changed between two editions, by step id, for each kind of
//! change, in Arabic and English (checked against `tests/fixtures/diff/`, refreshed with
//! `DALIL_BLESS=1`); signed packages installed or refused through `dalil sop`, each refusal
//! with its own message; and `dalil chapters` reading the edition installed.

use std::path::Path;

use dalil_content::Lang;

use crate::support::{dalil_in, expect_file, fixtures};

/// The good pack, written to a folder, with `edit` applied to its files first.
fn pack_with(edit: impl Fn(&mut dalil_content::Files)) -> tempfile::TempDir {
    let mut files =
        dalil_sop_files::read_dir(&fixtures().join("good")).unwrap_or_else(|e| panic!("{e}"));
    edit(&mut files);
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, bytes) in &files {
        let target = tmp.path().join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    tmp
}

fn replace(files: &mut dalil_content::Files, path: &str, from: &str, to: &str) {
    let text = String::from_utf8(files[path].clone()).unwrap_or_default();
    assert!(text.contains(from), "{path} has no {from:?}");
    files.insert(path.to_owned(), text.replacen(from, to, 1).into_bytes());
}

/// The next edition. The pack's practice scenario is left out: it names steps and
/// conditions that the edits below change, and the diff does not compare scenarios.
fn newer(files: &mut dalil_content::Files) {
    files.retain(|path, _| !path.starts_with("training/"));
    replace(
        files,
        "manifest.toml",
        "version = \"1.0.0\"\ndate = \"2026-01-01\"",
        "version = \"1.1.0\"\ndate = \"2026-03-01\"",
    );
}

const STEP_EN: &str = "\n### Interview the neighbour {#first-neighbour .step}\n\nAsk what they saw and when. Write it down in their own words.\n";
const STEP_AR: &str =
    "\n### قابل الجار {#first-neighbour .step}\n\nاسأله عمّا رأى ومتى. ودوّن أقواله بألفاظه.\n";

/// Each kind of change the issue names, as an edit of the good pack.
/// An edit of a content tree.
type Edit = Box<dyn Fn(&mut dalil_content::Files)>;

fn kinds() -> Vec<(&'static str, Edit)> {
    vec![
        ("none", Box::new(newer)),
        (
            "added",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                let en = String::from_utf8(f["chapters/first/en.md"].clone()).unwrap_or_default()
                    + STEP_EN;
                let ar = String::from_utf8(f["chapters/first/ar.md"].clone()).unwrap_or_default()
                    + STEP_AR;
                f.insert("chapters/first/en.md".into(), en.into_bytes());
                f.insert("chapters/first/ar.md".into(), ar.into_bytes());
            }),
        ),
        (
            "removed",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                replace(
                    f,
                    "chapters/second/en.md",
                    "\n### Close the case {#second-close .step .advisory}\n\nClose the case after the handover. Keep the file somewhere safe.\n",
                    "",
                );
                replace(f, "chapters/second/ar.md", "### أغلق القضية", "### REMOVED");
                let ar = String::from_utf8(f["chapters/second/ar.md"].clone()).unwrap_or_default();
                let cut = ar.find("\n### REMOVED").unwrap_or(ar.len());
                f.insert(
                    "chapters/second/ar.md".into(),
                    (ar[..cut].to_owned() + "\n").into_bytes(),
                );
                replace(
                    f,
                    "chapters/first/en.md",
                    " See [the closing step](#second-close).",
                    "",
                );
                replace(
                    f,
                    "chapters/first/ar.md",
                    " انظر [خطوة الإغلاق](#second-close).",
                    "",
                );
            }),
        ),
        (
            "moved",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                // The child step goes after the route step: a move within the chapter.
                for (lang, child_head, route_head) in [
                    (
                        "en",
                        "### Call the juvenile authorities",
                        "### Map the smuggling route",
                    ),
                    ("ar", "### اتصل بسلطات الأحداث", "### ارسم مسار التهريب"),
                ] {
                    let path = format!("chapters/first/{lang}.md");
                    let text = String::from_utf8(f[&path].clone()).unwrap_or_default();
                    let (a, b) = (
                        text.find(child_head).unwrap_or(0),
                        text.find(route_head).unwrap_or(0),
                    );
                    let moved = format!(
                        "{}{}\n{}",
                        &text[..a],
                        &text[b..].trim_end(),
                        &text[a..b].trim_end()
                    );
                    f.insert(path, (moved + "\n").into_bytes());
                }
            }),
        ),
        (
            "condition",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                for lang in ["en", "ar"] {
                    replace(
                        f,
                        &format!("chapters/first/{lang}.md"),
                        "when=\"child\"",
                        "when=\"child or kind == 'smuggling'\"",
                    );
                }
            }),
        ),
        (
            "guidance",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                replace(
                    f,
                    "chapters/first/en.md",
                    "Record the source and the time of the report.",
                    "Record the source, the channel and the exact time of the report.",
                );
                replace(
                    f,
                    "chapters/first/ar.md",
                    "دوّن مصدر البلاغ ووقته.",
                    "دوّن مصدر البلاغ وطريقة وروده ووقته بدقة.",
                );
            }),
        ),
        (
            "advisory-and-title",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                replace(
                    f,
                    "chapters/second/en.md",
                    "### Review the file {#second-review .step}",
                    "### Review the whole file {#second-review .step .advisory}",
                );
                replace(
                    f,
                    "chapters/second/ar.md",
                    "{#second-review .step}",
                    "{#second-review .step .advisory}",
                );
            }),
        ),
        (
            "facts",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                let manifest = String::from_utf8(f["manifest.toml"].clone()).unwrap_or_default()
                    + "\n[[fact]]\nid = \"organ-removal\"\ntype = \"yes-no\"\nquestion.ar = \"هل يُشتبه في نزع أعضاء؟\"\nquestion.en = \"Is organ removal suspected?\"\nlabel.ar = \"اشتباه نزع أعضاء\"\nlabel.en = \"organ removal is suspected\"\n";
                f.insert("manifest.toml".into(), manifest.into_bytes());
            }),
        ),
        (
            "glossary",
            Box::new(|f: &mut dalil_content::Files| {
                newer(f);
                replace(
                    f,
                    "glossary.toml",
                    "definition.en = \"Holding a person to work off a debt that never ends.\"",
                    "definition.en = \"Holding a person to work off a debt that grows faster than it can be paid.\"",
                );
                replace(
                    f,
                    "glossary.toml",
                    "en = \"investigative judge\"",
                    "en = \"investigating judge\"",
                );
            }),
        ),
    ]
}

#[test]
fn each_kind_of_change_is_said_by_step_id_in_both_languages() {
    let old = pack_with(|_| {});
    let expected = fixtures().join("diff");
    for (kind, edit) in kinds() {
        let new = pack_with(edit);
        for lang in [Lang::Ar, Lang::En] {
            let (code, out, err) = dalil_in(
                lang,
                &[
                    "sop",
                    "diff",
                    old.path().to_str().unwrap_or_default(),
                    new.path().to_str().unwrap_or_default(),
                    "--lang",
                    lang.code(),
                ],
            );
            assert_eq!(code, 0, "{kind}: {err}");
            expect_file(&expected.join(format!("{kind}.{}.txt", lang.code())), &out);
        }
        // The JSON says the same, by id: a moved step is a move, not a removal and an addition.
        let (_, json, _) = dalil_in(
            Lang::En,
            &[
                "sop",
                "diff",
                old.path().to_str().unwrap_or_default(),
                new.path().to_str().unwrap_or_default(),
                "--json",
            ],
        );
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{kind}: {e}"));
        let steps = value["steps"].as_array().cloned().unwrap_or_default();
        let presence = |p: &str| steps.iter().filter(|s| s["presence"] == p).count();
        match kind {
            "none" => assert!(steps.is_empty(), "{json}"),
            "added" => assert_eq!((presence("added"), presence("removed")), (1, 0), "{json}"),
            "removed" => assert_eq!((presence("added"), presence("removed")), (0, 1), "{json}"),
            "moved" => {
                assert_eq!((presence("added"), presence("removed")), (0, 0), "{json}");
                assert!(steps.iter().any(|s| s["moved"] == true), "{json}");
            }
            _ => {}
        }
    }
}

fn key() -> String {
    fixtures()
        .join("sop-signing/test-signer.key")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_signed_edition_installs_and_every_bad_package_is_refused_with_its_own_message() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = data.path().to_str().unwrap_or_default().to_owned();
    let out_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let package = out_dir.path().join("sop.dalil-sop");
    let p = package.to_str().unwrap_or_default().to_owned();

    // The shipped SOP, as the next edition, with one changed step.
    let next = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sop-content");
    let mut files = dalil_sop_files::read_dir(&src).unwrap_or_else(|e| panic!("{e}"));
    let manifest = String::from_utf8(files["manifest.toml"].clone()).unwrap_or_default();
    let built_in = dalil_content::load(&files).0.manifest.version;
    let next_version = format!("{built_in}.1");
    files.insert(
        "manifest.toml".into(),
        manifest
            .replacen(
                &format!("version = \"{built_in}\""),
                &format!("version = \"{next_version}\""),
                1,
            )
            .into_bytes(),
    );
    for (path, bytes) in &files {
        let target = next.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap_or(next.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let n = next.path().to_str().unwrap_or_default().to_owned();

    // A tree that does not validate is never packed.
    let broken = pack_with(|f| {
        f.remove("chapters/first/en.md");
    });
    let (code, _, err) = dalil_in(
        Lang::En,
        &[
            "sop",
            "pack",
            broken.path().to_str().unwrap_or_default(),
            "--key",
            &key(),
            "--out",
            &p,
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(!package.exists());

    let (code, _, err) = dalil_in(Lang::En, &["sop", "pack", &n, "--key", &key(), "--out", &p]);
    assert_eq!(code, 0, "{err}");

    // Every refusal, in both languages, each with its own message.
    let bytes = std::fs::read(&package).unwrap_or_else(|e| panic!("{e}"));
    let variant = |name: &str, data: Vec<u8>| {
        let path = out_dir.path().join(name);
        std::fs::write(&path, data).unwrap_or_else(|e| panic!("{e}"));
        path.to_string_lossy().into_owned()
    };
    let mut tampered = bytes.clone();
    let at = tampered.len() - 100;
    tampered[at] ^= 0x20;
    let stranger_key = out_dir.path().join("stranger.key");
    let (code, _, err) = dalil_in(
        Lang::En,
        &[
            "sop",
            "keygen",
            "--out",
            stranger_key.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let stranger = out_dir.path().join("stranger.dalil-sop");
    let (code, _, err) = dalil_in(
        Lang::En,
        &[
            "sop",
            "pack",
            &n,
            "--key",
            stranger_key.to_str().unwrap_or_default(),
            "--out",
            stranger.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    // Unsigned: the signature count set to 0 and the signature taken out.
    let len = u32::from_be_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    let sig_at = 12 + 4 + len;
    let unsigned = [&bytes[..sig_at], &[0u8][..], &bytes[sig_at + 1 + 96..]].concat();
    let cases = [
        (
            "not a package",
            variant("x.dalil-sop", b"hello".to_vec()),
            "sop-refused-not-a-package",
        ),
        (
            "unsigned",
            variant("unsigned.dalil-sop", unsigned),
            "sop-refused-unsigned",
        ),
        (
            "untrusted",
            stranger.to_string_lossy().into_owned(),
            "sop-refused-untrusted",
        ),
        (
            "tampered",
            variant("tampered.dalil-sop", tampered),
            "sop-refused-tampered",
        ),
    ];
    for lang in [Lang::Ar, Lang::En] {
        let l10n = dalil_l10n::Localizer::new(lang);
        for (what, path, id) in &cases {
            let (code, _, err) = dalil_in(lang, &["--data-dir", &d, "sop", "install", path]);
            assert_eq!(code, 2, "{what}");
            assert!(
                err.contains(&dalil_l10n::strip_isolation(&l10n.get(id))),
                "{what}: {err}"
            );
        }
    }
    assert!(
        !data.path().join("sop").exists()
            || std::fs::read_dir(data.path().join("sop"))
                .map(|d| d.count())
                .unwrap_or(0)
                == 0
    );

    // The good package installs, and `dalil chapters` reads it.
    let fresh = data.path().join("new-data-folder");
    let f = fresh.to_str().unwrap_or_default().to_owned();
    let (code, _, err) = dalil_in(Lang::En, &["--data-dir", &f, "sop", "install", &p]);
    assert_eq!(code, 0, "{err}");
    // A data folder the install is the first to make is private to the user, as the store
    // makes it.
    use std::os::unix::fs::PermissionsExt;
    for dir in [fresh.clone(), fresh.join("sop")] {
        let mode = std::fs::metadata(&dir)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0);
        assert_eq!(mode, 0o700, "{}", dir.display());
    }
    let (code, out, err) = dalil_in(Lang::En, &["--data-dir", &d, "sop", "install", &p]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("Edition {next_version}")), "{out}");
    let (_, out, _) = dalil_in(Lang::En, &["--data-dir", &d, "sop", "editions"]);
    assert!(out.contains(&format!("* {next_version}")), "{out}");
    let (code, _, _) = dalil_in(Lang::En, &["--data-dir", &d, "chapters", "--json"]);
    assert_eq!(code, 0);

    // The same edition again, and a rollback, are refused.
    let (code, _, err) = dalil_in(Lang::En, &["--data-dir", &d, "sop", "install", &p]);
    assert_eq!(code, 2);
    assert!(err.contains("already installed"), "{err}");
    let older = out_dir.path().join("older.dalil-sop");
    let (code, _, err) = dalil_in(
        Lang::En,
        &[
            "sop",
            "pack",
            src.to_str().unwrap_or_default(),
            "--key",
            &key(),
            "--out",
            older.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    for lang in [Lang::Ar, Lang::En] {
        let (code, _, err) = dalil_in(
            lang,
            &[
                "--data-dir",
                &d,
                "sop",
                "install",
                older.to_str().unwrap_or_default(),
            ],
        );
        assert_eq!(code, 2);
        let l10n = dalil_l10n::Localizer::new(lang);
        let want = dalil_l10n::strip_isolation(&l10n.format(
            "sop-refused-older",
            &[
                ("version", dalil_l10n::Arg::Str(&built_in)),
                ("installed", dalil_l10n::Arg::Str(&next_version)),
            ],
        ));
        assert!(err.contains(&want), "{err}");
    }
    // An installed package changed on disk afterwards is no longer read.
    let installed = data
        .path()
        .join("sop")
        .join(format!("dalil-reference-sop-{next_version}.dalil-sop"));
    let mut on_disk = std::fs::read(&installed).unwrap_or_else(|e| panic!("{e}"));
    let at = on_disk.len() - 50;
    on_disk[at] ^= 1;
    std::fs::write(&installed, on_disk).unwrap_or_else(|e| panic!("{e}"));
    let (_, out, _) = dalil_in(Lang::En, &["--data-dir", &d, "sop", "editions"]);
    assert!(
        out.contains(&format!("* {built_in}")) && out.contains("no longer verifies"),
        "{out}"
    );
}

/// The shipped SOP as its next edition: `file-pending` retired, the guidance of
/// `file-handover` changed. Returns the folder and the new version.
fn next_edition_of_the_shipped_sop() -> (tempfile::TempDir, String) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sop-content");
    let mut files = dalil_sop_files::read_dir(&src).unwrap_or_else(|e| panic!("{e}"));
    let version = dalil_content::load(&files).0.manifest.version;
    let next = format!("{version}.1");
    replace(
        &mut files,
        "manifest.toml",
        &format!("version = \"{version}\""),
        &format!("version = \"{next}\""),
    );
    for lang in ["ar", "en"] {
        let path = format!("chapters/case-file/{lang}.md");
        let text = String::from_utf8(files[&path].clone()).unwrap_or_default();
        let start = text
            .find("{#file-pending .step}")
            .and_then(|i| text[..i].rfind("\n### "))
            .unwrap_or(0);
        let end = start + 1 + text[start + 1..].find("\n### ").unwrap_or(0);
        files.insert(
            path,
            format!("{}{}", &text[..start], &text[end..]).into_bytes(),
        );
    }
    replace(
        &mut files,
        "chapters/case-file/en.md",
        "Deliver the file with a covering letter",
        "Hand over the file with a signed covering letter",
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, bytes) in &files {
        let target = dir.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap_or(dir.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    (dir, next)
}

#[test]
fn a_case_moved_to_a_new_edition_keeps_every_note_and_one_not_moved_keeps_its_text() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pass = data.path().join("pass");
    std::fs::write(&pass, "a passphrase for the tests\n").unwrap_or_else(|e| panic!("{e}"));
    let (d, p) = (
        data.path().to_str().unwrap_or_default().to_owned(),
        pass.to_str().unwrap_or_default().to_owned(),
    );
    let run = |lang: Lang, args: &[&str]| {
        let mut all = vec!["--data-dir", d.as_str(), "--passphrase-file", p.as_str()];
        all.extend_from_slice(args);
        let (code, out, err) = dalil_in(lang, &all);
        assert_eq!(code, 0, "{args:?}: {err}");
        out
    };
    for reference in ["TIP-MOVE", "TIP-STAY"] {
        run(
            Lang::En,
            &[
                "case",
                "new",
                "--reference",
                reference,
                "--title",
                "Edition test",
            ],
        );
        run(
            Lang::En,
            &[
                "note",
                "add",
                reference,
                "--step",
                "file-pending",
                "--text",
                "Forensic results requested on 3 March.",
            ],
        );
        run(Lang::En, &["step", reference, "file-pending", "done"]);
    }

    let (next, version) = next_edition_of_the_shipped_sop();
    let package = data.path().join("next.dalil-sop");
    run(
        Lang::En,
        &[
            "sop",
            "pack",
            next.path().to_str().unwrap_or_default(),
            "--key",
            &key(),
            "--out",
            package.to_str().unwrap_or_default(),
        ],
    );
    run(
        Lang::En,
        &["sop", "install", package.to_str().unwrap_or_default()],
    );

    // What would change, for this case, in both languages.
    let out = run(Lang::En, &["case", "edition", "TIP-MOVE"]);
    assert!(
        out.contains("Steps retired")
            && out.contains("file-pending")
            && out.contains("one note kept"),
        "{out}"
    );
    assert!(
        out.contains("Steps whose text changed") && out.contains("file-handover"),
        "{out}"
    );
    assert!(out.contains("Nothing was changed"), "{out}");
    let out = run(Lang::Ar, &["case", "edition", "TIP-MOVE"]);
    assert!(
        out.contains("خطوات أُلغيت") && out.contains("ملاحظة واحدة محفوظة"),
        "{out}"
    );

    // Not moved: the case still reads its own edition, the step and its note as they were.
    let shown: serde_json::Value =
        serde_json::from_str(&run(Lang::En, &["case", "show", "TIP-STAY", "--json"]))
            .unwrap_or_default();
    let text = shown.to_string();
    assert!(
        !text.contains(&format!("\"{version}\"")),
        "the case moved by itself: {text}"
    );
    assert!(text.contains("Forensic results requested"), "{text}");

    // Moved: one audited change; the retired step's note and state are kept.
    let moved: serde_json::Value = serde_json::from_str(&run(
        Lang::En,
        &["case", "edition", "TIP-MOVE", "--move", "--json"],
    ))
    .unwrap_or_default();
    assert_eq!(moved["moved"], true, "{moved}");
    let shown = run(Lang::En, &["case", "show", "TIP-MOVE", "--json"]);
    assert!(shown.contains(&version), "{shown}");
    assert!(
        shown.contains("Forensic results requested"),
        "the note on the retired step: {shown}"
    );
    let history = run(Lang::En, &["history", "TIP-MOVE"]);
    assert!(history.contains("edition"), "{history}");
    run(Lang::En, &["audit", "verify"]);
    // Its bundle still verifies with the new edition recorded.
    let bundle = data.path().join("moved.dalil.json");
    run(
        Lang::En,
        &[
            "export",
            "TIP-MOVE",
            "--format",
            "bundle",
            "-o",
            bundle.to_str().unwrap_or_default(),
        ],
    );
    let (code, out, _) = dalil_in(Lang::En, &["verify", bundle.to_str().unwrap_or_default()]);
    assert_eq!(code, 0, "{out}");
    let again = run(Lang::En, &["case", "edition", "TIP-MOVE"]);
    assert!(again.contains("already on edition"), "{again}");
}
