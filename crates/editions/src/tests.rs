use std::os::unix::fs::PermissionsExt;

use dalil_update::SignerKey;

use super::*;

fn key(n: u8) -> SignerKey {
    dalil_update::signing_key(&[n; 32])
}

fn built_in_version() -> String {
    dalil_content::load(&dalil_sop_files::bundled())
        .0
        .manifest
        .version
}

/// The built-in SOP as edition `version`, signed by `signer`.
fn package(version: &str, signer: &SignerKey) -> Vec<u8> {
    let mut files = dalil_sop_files::bundled();
    let old = built_in_version();
    let manifest = String::from_utf8(files["manifest.toml"].clone()).unwrap_or_default();
    files.insert(
        "manifest.toml".into(),
        manifest
            .replacen(
                &format!("version = \"{old}\""),
                &format!("version = \"{version}\""),
                1,
            )
            .into_bytes(),
    );
    dalil_update::pack(&files, signer).unwrap_or_else(|e| panic!("{e}"))
}

fn editions(dir: &Path) -> Editions {
    Editions::with_keys(dir, vec![key(1).verifying_key()])
}

fn version_of(files: &Files) -> String {
    dalil_content::load(files).0.manifest.version
}

#[test]
fn an_installed_edition_is_read_and_the_built_in_one_is_still_found() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = data.path().join("new-data-folder");
    let e = editions(&dir);
    let old = built_in_version();
    let next = format!("{old}.1");
    let installed = e
        .install(&package(&next, &key(1)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (installed.version.as_str(), installed.old.as_str()),
        (next.as_str(), old.as_str())
    );
    assert_eq!(version_of(&e.current()), next);
    let sop = dalil_content::load(&e.current()).0.manifest.id;
    let find = |version: &str| {
        e.find(&dalil_store::Edition::new(&sop, version))
            .map(|f| version_of(&f))
    };
    assert_eq!(find(&old), Some(old.clone()));
    assert_eq!(find(&next), Some(next.clone()));
    assert_eq!(find("999"), None);
    assert_eq!(
        e.previous(&sop, &next).map(|f| version_of(&f)),
        Some(old.clone())
    );
    assert_eq!(e.previous(&sop, &old), None);
    let list = e.list();
    assert_eq!(list.len(), 2);
    assert_eq!((list[0].source, list[0].read), (Source::BuiltIn, false));
    assert_eq!((list[1].source, list[1].read), (Source::Installed, true));
    // The data folder this was the first to make is private to the user.
    for d in [dir.clone(), dir.join("sop")] {
        let mode = std::fs::metadata(&d).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o700), "{}", d.display());
    }
}

#[test]
fn a_refused_package_writes_nothing() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let e = editions(data.path());
    let old = built_in_version();
    let refused = |bytes: &[u8]| match e.install(bytes) {
        Err(InstallError::Refused(r)) => r.code(),
        other => panic!("not refused: {other:?}"),
    };
    assert_eq!(refused(&package(&old, &key(1))), "already-installed");
    assert_eq!(
        refused(&package(&format!("{old}.1"), &key(2))),
        "untrusted-signature"
    );
    let mut tampered = package(&format!("{old}.1"), &key(1));
    let at = tampered.len() - 10;
    tampered[at] ^= 1;
    assert_eq!(refused(&tampered), "tampered");
    assert!(!data.path().join("sop").exists());
    // A rollback: once a newer edition is installed, an older one is refused.
    e.install(&package(&format!("{old}.2"), &key(1)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        refused(&package(&format!("{old}.1"), &key(1))),
        "older-edition"
    );
    let files = std::fs::read_dir(data.path().join("sop"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(files, 1);
}

#[test]
fn a_package_changed_on_disk_is_passed_over_and_listed_as_unverified() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let e = editions(data.path());
    let old = built_in_version();
    e.install(&package(&format!("{old}.1"), &key(1)))
        .unwrap_or_else(|e| panic!("{e}"));
    let path = std::fs::read_dir(data.path().join("sop"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|d| d.ok())
        .map(|d| d.path())
        .next()
        .unwrap_or_else(|| panic!("nothing installed"));
    let mut bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let at = bytes.len() - 10;
    bytes[at] ^= 1;
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(version_of(&e.current()), old);
    let list = e.list();
    assert_eq!((list[0].source, list[0].read), (Source::BuiltIn, true));
    assert_eq!(list[1].source, Source::Unverified);
}
