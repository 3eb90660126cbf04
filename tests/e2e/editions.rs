//! Issue 15 on the real app: an SOP edition installed in the data folder (`dalil sop
//! install`) is the one the app reads, and one changed on disk after it was installed is not:
//! the app falls back to the edition built into it.

use std::path::Path;

use crate::driver::Session;

/// The shipped SOP as its next edition, with the first chapter's Arabic title changed, packed
/// with the tests' signing key and installed into `data` with `dalil`. Returns the new title.
fn install_next_edition(data: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sop-content");
    let mut files = dalil_sop_files::read_dir(&src).unwrap_or_else(|e| panic!("{e}"));
    let sop = dalil_content::load(&files).0;
    let version = &sop.manifest.version;
    let first = &sop.chapters[0];
    let title = format!("{} (الإصدار التالي)", first.ar.title);
    let manifest = String::from_utf8(files["manifest.toml"].clone()).unwrap_or_default();
    files.insert(
        "manifest.toml".into(),
        manifest
            .replacen(
                &format!("version = \"{version}\""),
                &format!("version = \"{version}.1\""),
                1,
            )
            .into_bytes(),
    );
    let path = format!("chapters/{}/ar.md", first.id);
    let text = String::from_utf8(files[&path].clone()).unwrap_or_default();
    files.insert(
        path,
        text.replacen(
            &format!("title = \"{}\"", first.ar.title),
            &format!("title = \"{title}\""),
            1,
        )
        .into_bytes(),
    );
    let tree = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (p, bytes) in &files {
        let target = tree.path().join(p);
        std::fs::create_dir_all(target.parent().unwrap_or(tree.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sop-signing/test-signer.key");
    let package = tree.path().join("next.dalil-sop");
    let dalil = |args: &[&str]| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = dalil_cli::run_with_lang(
            dalil_content::Lang::En,
            std::iter::once("dalil").chain(args.iter().copied()),
            &mut out,
            &mut err,
        );
        assert_eq!(code, 0, "{args:?}: {}", String::from_utf8_lossy(&err));
    };
    let s = |p: &Path| p.to_string_lossy().into_owned();
    dalil(&[
        "sop",
        "pack",
        &s(tree.path()),
        "--key",
        &s(&key),
        "--out",
        &s(&package),
    ]);
    dalil(&["--data-dir", &s(data), "sop", "install", &s(&package)]);
    title
}

#[test]
fn the_app_reads_the_installed_edition_and_passes_over_one_changed_on_disk() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let title = install_next_edition(data.path());
    let dir = data.path().to_string_lossy().into_owned();
    {
        let app = Session::start(&[("DALIL_DATA_DIR", &dir)]);
        app.wait_for("article.chapter h1");
        assert_eq!(app.text("article.chapter h1"), title);
    }
    // A byte of the installed package changed: the app reads the built-in edition again.
    let installed = std::fs::read_dir(data.path().join("sop"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .next()
        .unwrap_or_else(|| panic!("no installed package"));
    let mut bytes = std::fs::read(&installed).unwrap_or_else(|e| panic!("{e}"));
    let at = bytes.len() - 40;
    bytes[at] ^= 1;
    std::fs::write(&installed, bytes).unwrap_or_else(|e| panic!("{e}"));
    let app = Session::start_locked(&[("DALIL_DATA_DIR", &dir)]);
    app.unlock();
    app.wait_for("article.chapter h1");
    let built_in = dalil_content::load(&dalil_sop_files::bundled()).0;
    assert_eq!(
        app.text("article.chapter h1"),
        built_in.chapters[0].ar.title
    );
}
