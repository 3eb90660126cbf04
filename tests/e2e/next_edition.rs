//! The shipped SOP's next edition, as the directorate would release it: a signed update
//! package, made in the test with the tests' signing key (which debug builds trust). Shared by
//! the end-to-end tests and the screenshots.
//!
//! It changes one thing of each kind an officer should see: the first chapter's Arabic title,
//! a few words of one step's guidance in both languages, the condition of one step (so a case
//! with a child but no violence gains it, and the practice scenario it touches is updated),
//! and one new step for every case.

use std::path::{Path, PathBuf};

/// A step whose guidance changes, and the words added in each language.
pub const CHANGED_STEP: &str = "intake-log-report";
pub const ADDED_WORDS: [&str; 2] = ["في الحال", "at once"];
/// A step whose condition changes from `violence` to `violence or child`.
pub const CONDITION_STEP: &str = "intake-violence";
/// The new step.
pub const NEW_STEP: &str = "intake-handover-receipt";

/// The next edition's package, written in `dir`.
pub struct NextEdition {
    /// The package file.
    pub package: PathBuf,
    /// Its version.
    pub version: String,
    /// The first chapter's new Arabic title.
    pub title: String,
}

fn edit(files: &mut dalil_content::Files, path: &str, from: &str, to: &str) {
    let text = String::from_utf8(files[path].clone()).unwrap_or_default();
    assert!(text.contains(from), "{path} has no {from:?}");
    files.insert(path.to_owned(), text.replacen(from, to, 1).into_bytes());
}

fn append(files: &mut dalil_content::Files, path: &str, more: &str) {
    let text = String::from_utf8(files[path].clone()).unwrap_or_default();
    files.insert(path.to_owned(), (text + more).into_bytes());
}

/// Packs the next edition into `dir` with `dalil sop pack`, as the directorate's staff would.
pub fn next_edition(dir: &Path) -> NextEdition {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sop-content");
    let mut files = dalil_sop_files::read_dir(&src).unwrap_or_else(|e| panic!("{e}"));
    let sop = dalil_content::load(&files).0;
    let version = format!("{}.1", sop.manifest.version);
    let first = &sop.chapters[0];
    let title = format!("{} (الإصدار التالي)", first.ar.title);
    edit(
        &mut files,
        "manifest.toml",
        &format!("version = \"{}\"", sop.manifest.version),
        &format!("version = \"{version}\""),
    );
    edit(
        &mut files,
        &format!("chapters/{}/ar.md", first.id),
        &format!("title = \"{}\"", first.ar.title),
        &format!("title = \"{title}\""),
    );
    edit(
        &mut files,
        "chapters/intake/en.md",
        "Open a record as soon as the report arrives or the encounter begins, before the details fade.",
        "Open a record at once, as soon as the report arrives or the encounter begins, and before the details fade.",
    );
    edit(
        &mut files,
        "chapters/intake/ar.md",
        "يُفتح سجلّ فور وصول البلاغ أو بدء الواقعة، قبل أن تغيب التفاصيل",
        "يُفتح سجلّ في الحال فور وصول البلاغ أو بدء الواقعة، وقبل أن تغيب التفاصيل",
    );
    for lang in ["en", "ar"] {
        edit(
            &mut files,
            &format!("chapters/intake/{lang}.md"),
            "{#intake-violence .step when=\"violence\"}",
            "{#intake-violence .step when=\"violence or child\"}",
        );
    }
    // The directorate updates the practice scenario that the new condition touches: at its
    // first stage a child is present, so the step is on the checklist from then on.
    edit(
        &mut files,
        "training/child-begging-ring/scenario.toml",
        "pending = [\n",
        "pending = [\n  \"intake-violence\",\n",
    );
    append(
        &mut files,
        "chapters/intake/en.md",
        &format!(
            "\n### Keep the receipt of the handover {{#{NEW_STEP} .step}}\n\nAsk the officer who received the case to sign the handover record, and keep a copy with the case.\n"
        ),
    );
    append(
        &mut files,
        "chapters/intake/ar.md",
        &format!(
            "\n### الاحتفاظ بإيصال التسليم {{#{NEW_STEP} .step}}\n\nيوقّع الضابط الذي تسلّم القضية محضر التسليم، وتُحفظ نسخة منه مع القضية.\n"
        ),
    );
    let tree = dir.join("next-edition");
    for (p, bytes) in &files {
        let target = tree.join(p);
        std::fs::create_dir_all(target.parent().unwrap_or(&tree)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sop-signing/test-signer.key");
    let package = dir.join(format!("dalil-sop-{version}.dalil-sop"));
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "dalil",
        "sop",
        "pack",
        &s(&tree),
        "--key",
        &s(&key),
        "--out",
        &s(&package),
    ];
    let code = dalil_cli::run_with_lang(dalil_content::Lang::En, args, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    NextEdition {
        package,
        version,
        title,
    }
}
