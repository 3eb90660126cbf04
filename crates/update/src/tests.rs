use std::path::Path;

use super::*;

fn good() -> Files {
    dalil_sop_files::read_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/good"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// The good pack as edition `version`.
fn edition(version: &str) -> Files {
    let mut files = good();
    let manifest = String::from_utf8(files["manifest.toml"].clone()).unwrap_or_default();
    files.insert(
        "manifest.toml".into(),
        manifest
            .replace("version = \"1.0.0\"", &format!("version = \"{version}\""))
            .into_bytes(),
    );
    files
}

fn key(n: u8) -> SigningKey {
    SigningKey::from_bytes(&[n; 32])
}

fn installed(version: &str) -> EditionId {
    EditionId {
        sop: "fixture-sop".into(),
        version: version.into(),
    }
}

#[test]
fn versions_compare_as_numbers() {
    assert_eq!(compare_versions("2026.2", "2026.10"), Some(Ordering::Less));
    assert_eq!(compare_versions("1.0", "1.0.0"), Some(Ordering::Equal));
    assert_eq!(compare_versions("1.0.1", "1.0"), Some(Ordering::Greater));
    assert_eq!(compare_versions("1.0-beta", "1.0"), None);
}

#[test]
fn a_signed_newer_edition_opens_with_its_files() {
    let signer = key(1);
    let package = pack(&edition("1.1.0"), &signer).unwrap_or_else(|e| panic!("{e}"));
    let opened = open(&package, &[signer.verifying_key()], &installed("1.0.0"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened.manifest.version, "1.1.0");
    assert_eq!(opened.files, edition("1.1.0"));
    assert_eq!(opened.signer, signer.verifying_key());
}

#[test]
fn every_refusal_has_its_own_reason() {
    let signer = key(1);
    let trusted = [signer.verifying_key()];
    let package = pack(&edition("1.1.0"), &signer).unwrap_or_else(|e| panic!("{e}"));
    let refused = |bytes: &[u8], at: &str| open(bytes, &trusted, &installed(at)).err();

    // A tree that does not validate is never packed.
    let mut broken = edition("1.1.0");
    broken.remove("chapters/first/en.md");
    assert!(matches!(pack(&broken, &signer), Err(PackError::Invalid(_))));

    assert_eq!(
        refused(b"not a package", "1.0.0"),
        Some(Refusal::NotAPackage)
    );
    // Unsigned: the same manifest and files with no signature.
    let (manifest, bodies) = parts(&package);
    let bodies: Vec<&[u8]> = bodies.iter().map(Vec::as_slice).collect();
    assert_eq!(
        refused(&assemble(&manifest, &[], &bodies), "1.0.0"),
        Some(Refusal::Unsigned)
    );
    // Signed by a key this program does not trust.
    let stranger = pack(&edition("1.1.0"), &key(2)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        refused(&stranger, "1.0.0"),
        Some(Refusal::UntrustedSignature)
    );
    // One byte of a chapter changed after signing.
    let mut tampered = package.clone();
    let at = tampered.len() - 10;
    tampered[at] ^= 0x20;
    assert_eq!(refused(&tampered, "1.0.0"), Some(Refusal::Tampered));
    // The manifest changed after signing: the signature no longer verifies.
    let mut forged = package.clone();
    let at = OPENING.len() + 4 + 20;
    forged[at] ^= 0x01;
    assert_eq!(refused(&forged, "1.0.0"), Some(Refusal::UntrustedSignature));
    // Cut short, or with bytes after the last file.
    assert_eq!(
        refused(&package[..package.len() - 1], "1.0.0"),
        Some(Refusal::Tampered)
    );
    assert_eq!(
        refused(&[package.as_slice(), b"x"].concat(), "1.0.0"),
        Some(Refusal::Tampered)
    );
    // A rollback, and the same edition again.
    assert!(matches!(
        refused(&package, "1.2.0"),
        Some(Refusal::Older { .. })
    ));
    assert!(matches!(
        refused(&package, "1.1.0"),
        Some(Refusal::AlreadyInstalled(_))
    ));
    // Another SOP.
    let other = EditionId {
        sop: "another-sop".into(),
        version: "0.1".into(),
    };
    assert!(matches!(
        open(&package, &trusted, &other),
        Err(Refusal::OtherSop(_))
    ));
    // Signed content that does not validate (a signer's mistake) is refused too.
    let files = edition("1.1.0");
    let mut entries: Vec<FileEntry> = Vec::new();
    let mut bodies: Vec<&[u8]> = Vec::new();
    for (path, bytes) in &files {
        if path == "chapters/first/en.md" {
            continue;
        }
        entries.push(FileEntry {
            path: path.clone(),
            sha256: hex::encode(Sha256::digest(bytes)),
            bytes: bytes.len() as u64,
        });
        bodies.push(bytes);
    }
    let manifest = Manifest {
        format: "dalil-sop".into(),
        sop: "fixture-sop".into(),
        version: "1.1.0".into(),
        date: "2026-01-01".into(),
        files: entries,
    };
    let invalid = assemble(
        &serde_json::to_vec(&manifest).unwrap_or_default(),
        &[&signer],
        &bodies,
    );
    assert!(matches!(
        refused(&invalid, "1.0.0"),
        Some(Refusal::Invalid(_))
    ));

    let codes: std::collections::BTreeSet<&str> = [
        Refusal::NotAPackage,
        Refusal::Unsigned,
        Refusal::UntrustedSignature,
        Refusal::Tampered,
        Refusal::OtherSop(String::new()),
        Refusal::Older {
            package: String::new(),
            installed: String::new(),
        },
        Refusal::AlreadyInstalled(String::new()),
        Refusal::Invalid(0),
    ]
    .iter()
    .map(Refusal::code)
    .collect();
    assert_eq!(codes.len(), 8);
}

/// A package's manifest bytes and file bodies.
fn parts(package: &[u8]) -> (Vec<u8>, Vec<Vec<u8>>) {
    let rest = &package[OPENING.len()..];
    let len = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
    let manifest = rest[4..4 + len].to_vec();
    let parsed: Manifest = serde_json::from_slice(&manifest).unwrap_or_else(|e| panic!("{e}"));
    let count = rest[4 + len] as usize;
    let mut at = 4 + len + 1 + count * 96;
    let mut bodies = Vec::new();
    for f in &parsed.files {
        bodies.push(rest[at..at + f.bytes as usize].to_vec());
        at += f.bytes as usize;
    }
    (manifest, bodies)
}

#[test]
fn the_newest_verified_edition_is_read_and_a_broken_one_passed_over() {
    let signer = key(1);
    let trusted = [signer.verifying_key()];
    let newer = pack(&edition("1.2.0"), &signer).unwrap_or_else(|e| panic!("{e}"));
    let older = pack(&edition("1.1.0"), &signer).unwrap_or_else(|e| panic!("{e}"));
    let mut broken = pack(&edition("1.3.0"), &signer).unwrap_or_else(|e| panic!("{e}"));
    let at = broken.len() - 5;
    broken[at] ^= 1;
    let (files, which) = newest(edition("1.0.0"), &[older, broken, newer], &trusted);
    assert_eq!(which, Some(2));
    assert_eq!(files, edition("1.2.0"));
    let (files, which) = newest(edition("1.0.0"), &[], &trusted);
    assert_eq!((files, which), (edition("1.0.0"), None));
}
