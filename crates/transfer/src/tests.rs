use dalil_store::{CaseKind, Edition, NewCase, Passphrase, Store};
use time::macros::datetime;

use super::*;

/// A store with two cases, each with a note, and the bundles of both.
fn two_cases() -> (tempfile::TempDir, Store, Vec<(String, Vec<u8>)>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store =
        Store::create(&dir.path().join("cases.db"), &Passphrase::from("pass")).expect("store");
    let mut bundles = Vec::new();
    for reference in ["TIP-1", "SOM-2"] {
        let case = store
            .create_case(&NewCase {
                reference: reference.into(),
                title: "Title".into(),
                kind: CaseKind::Undetermined,
                edition: Edition::new("dalil-reference-sop", "2026.1"),
            })
            .expect("case");
        store
            .add_note(
                case,
                None,
                "MARKER-Zubaida said the agent kept her passport",
            )
            .expect("note");
        let record = dalil_report::read_case(&store, case).expect("read");
        let bytes =
            dalil_report::write_bundle(&record, "dalil test", datetime!(2026-12-04 09:00 UTC));
        bundles.push((reference.to_owned(), bytes));
    }
    (dir, store, bundles)
}

fn head(store: &Store) -> ChainHead {
    let h = store.audit_head().expect("head");
    ChainHead {
        seq: h.seq,
        hash: h.hash_hex,
    }
}

fn sealed(store: &Store, bundles: &[(String, Vec<u8>)], to: &DirectorateKey) -> Sealed {
    let cases: Vec<CaseBundle<'_>> = bundles
        .iter()
        .map(|(r, b)| CaseBundle {
            reference: r,
            bytes: b,
        })
        .collect();
    seal(
        "dalil test",
        "2026-12-04T09:00:00.000000Z",
        head(store),
        &cases,
        &store.device_key().expect("key"),
        to,
    )
    .expect("seal")
}

#[test]
fn a_sealed_bundle_opens_with_its_cases_and_its_signer() {
    let (_dir, store, bundles) = two_cases();
    let hq = DirectorateIdentity::generate();
    let s = sealed(&store, &bundles, &hq.public());
    let opened = open(&s.bytes, &hq).expect("opens");
    assert_eq!(opened.file_sha256, s.sha256);
    assert_eq!(opened.device, store.device_public_key().expect("public"));
    let refs: Vec<&str> = opened
        .cases
        .iter()
        .map(|c| c.summary.reference.as_str())
        .collect();
    assert_eq!(refs, ["TIP-1", "SOM-2"]);
    assert_eq!(opened.cases[0].parts.notes.len(), 1);
    assert_eq!(opened.manifest.audit_head, head(&store));
}

#[test]
fn nothing_of_a_case_is_readable_in_the_file() {
    let (_dir, store, bundles) = two_cases();
    let hq = DirectorateIdentity::generate();
    let s = sealed(&store, &bundles, &hq.public());
    for needle in [
        &b"MARKER-Zubaida"[..],
        b"TIP-1",
        b"passport",
        hex::encode(store.device_public_key().expect("key").as_bytes()).as_bytes(),
    ] {
        assert!(
            !s.bytes.windows(needle.len()).any(|w| w == needle),
            "{} is readable in the file",
            String::from_utf8_lossy(needle)
        );
    }
}

#[test]
fn every_kind_of_damage_is_refused_with_its_own_reason() {
    let (_dir, store, bundles) = two_cases();
    let hq = DirectorateIdentity::generate();
    let s = sealed(&store, &bundles, &hq.public());

    let mut flipped = s.bytes.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x01;
    assert_eq!(open(&flipped, &hq), Err(Refusal::Changed));

    let cut = &s.bytes[..s.bytes.len() - 100];
    assert!(matches!(open(cut, &hq), Err(Refusal::Truncated { .. })));

    let other = DirectorateIdentity::generate();
    assert_eq!(open(&s.bytes, &other), Err(Refusal::OtherKey));

    assert_eq!(
        open(b"{\"format\": \"dalil-bundle\"}", &hq),
        Err(Refusal::NotATransfer)
    );
    assert_eq!(open(&bundles[0].1, &hq), Err(Refusal::NotATransfer));
}

#[test]
fn a_bundle_made_by_another_key_in_a_known_computers_name_fails_its_signature() {
    let (_dir, store, bundles) = two_cases();
    let hq = DirectorateIdentity::generate();
    let genuine = sealed(&store, &bundles, &hq.public());
    let opened = open(&genuine.bytes, &hq).expect("opens");
    // Anyone can encrypt to the directorate's public key: a forger names the real computer
    // in the manifest and signs with a key of their own.
    let manifest = serde_json::to_vec_pretty(&opened.manifest).expect("json");
    let forger = SigningKey::from_bytes(&[7u8; 32]);
    let bodies: Vec<&[u8]> = bundles.iter().map(|(_, b)| b.as_slice()).collect();
    let forged = seal_manifest(&manifest, &bodies, &forger, &hq.public()).expect("seal");
    assert_eq!(open(&forged.bytes, &hq), Err(Refusal::BadSignature));
}

#[test]
fn a_signed_manifest_that_lies_is_refused() {
    let (_dir, store, bundles) = two_cases();
    let hq = DirectorateIdentity::generate();
    let key = store.device_key().expect("key");
    let opened = open(&sealed(&store, &bundles, &hq.public()).bytes, &hq).expect("opens");
    let bodies: Vec<&[u8]> = bundles.iter().map(|(_, b)| b.as_slice()).collect();
    let lie = |edit: &dyn Fn(&mut Manifest), bodies: &[&[u8]]| {
        let mut m = opened.manifest.clone();
        edit(&mut m);
        let bytes = serde_json::to_vec_pretty(&m).expect("json");
        open(
            &seal_manifest(&bytes, bodies, &key, &hq.public())
                .expect("seal")
                .bytes,
            &hq,
        )
    };
    // A checksum that is not the case's.
    let r = lie(&|m| m.cases[0].sha256 = "00".repeat(32), &bodies);
    assert!(matches!(r, Err(Refusal::ManifestLies { .. })), "{r:?}");
    // A case listed under another case's reference.
    let r = lie(
        &|m| {
            let first = m.cases[0].reference.clone();
            m.cases[0].reference = std::mem::replace(&mut m.cases[1].reference, first);
        },
        &bodies,
    );
    assert!(matches!(r, Err(Refusal::ManifestLies { .. })), "{r:?}");
    let r = lie(&|m| m.cases[0].reference = "SOM-2-other".into(), &bodies);
    assert!(matches!(r, Err(Refusal::ManifestLies { .. })), "{r:?}");
    // A case left out of the manifest, its bytes still there.
    let r = lie(
        &|m| {
            m.cases.pop();
        },
        &bodies,
    );
    assert!(matches!(r, Err(Refusal::ManifestLies { .. })), "{r:?}");
    // The same case twice.
    let r = lie(
        &|m| m.cases[1] = m.cases[0].clone(),
        &[bodies[0], bodies[0]],
    );
    assert!(matches!(r, Err(Refusal::ManifestLies { .. })), "{r:?}");
}

#[test]
fn a_changed_case_bundle_inside_a_signed_bundle_is_refused() {
    let (_dir, store, mut bundles) = two_cases();
    let hq = DirectorateIdentity::generate();
    // The computer itself signs a case bundle whose note was changed after it was written.
    let text = String::from_utf8(bundles[0].1.clone()).expect("utf-8");
    bundles[0].1 = text
        .replace("kept her passport", "kept her pass-port")
        .into_bytes();
    let r = open(&sealed(&store, &bundles, &hq.public()).bytes, &hq);
    assert!(
        matches!(r, Err(Refusal::CaseAltered { ref reference, .. }) if reference == "TIP-1"),
        "{r:?}"
    );
}
