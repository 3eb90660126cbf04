//! The transfer bundle reader (`dalil_transfer::open`, and `open_plaintext`, what it does
//! after decrypting).
//!
//! At start, one real bundle is sealed: the small case bundle of `fuzz/bundles/`, signed with
//! a fixed device key and encrypted to a directorate key made for this run. Then each input,
//! by its first byte modulo 4:
//! - 0: the rest is a file, opened as it is;
//! - 1: the rest is a list of edits (4 bytes each: where, what, a byte) applied to the
//!   sealed file;
//! - 2: the rest is a decrypted bundle, checked as it is;
//! - 3: edits applied to the sealed bundle's plaintext.
//!
//! Whatever the input, the reader must not panic, and it may accept only the bundle sealed at
//! start, byte for byte: any other input, and any edit that changed a byte, is refused. Nobody
//! can make a new bundle the reader accepts without the device's key.
#![no_main]

use std::sync::OnceLock;

use dalil_report::bundle::ChainHead;
use dalil_transfer::{CaseBundle, DirectorateIdentity, SigningKey};
use libfuzzer_sys::fuzz_target;

const CASE: &[u8] = include_bytes!("../bundles/small.dalil.json");

struct Fixture {
    identity: DirectorateIdentity,
    file: Vec<u8>,
    plaintext: Vec<u8>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let identity = DirectorateIdentity::generate();
        let device = SigningKey::from_bytes(&[7; 32]);
        let reference = match dalil_report::verify_bundle(CASE) {
            Ok(dalil_report::Verdict::Intact { summary, .. }) => summary.reference,
            other => panic!("the fixture case bundle must verify: {other:?}"),
        };
        let head = ChainHead {
            seq: 1,
            hash: "00".repeat(32),
        };
        let case = [CaseBundle {
            reference: &reference,
            bytes: CASE,
        }];
        let sealed = dalil_transfer::seal(
            "dalil fuzz",
            "2026-12-04T00:00:00.000000Z",
            head,
            &case,
            &device,
            &identity.public(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let opened =
            dalil_transfer::open(&sealed.bytes, &identity).unwrap_or_else(|e| panic!("{e}"));
        let manifest =
            serde_json::to_vec_pretty(&opened.manifest).unwrap_or_else(|e| panic!("{e}"));
        let plaintext = dalil_transfer::plaintext(&manifest, &[CASE], &device)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            dalil_transfer::open_plaintext(&plaintext, [0; 32]).is_ok(),
            "the fixture's plaintext must open"
        );
        Fixture {
            identity,
            file: sealed.bytes,
            plaintext,
        }
    })
}

fn edited(base: &[u8], edits: &[u8]) -> Vec<u8> {
    let mut out = base.to_vec();
    for e in edits.chunks_exact(4) {
        if out.is_empty() {
            break;
        }
        let at = usize::from(u16::from_le_bytes([e[0], e[1]])) * 61 % out.len();
        match e[2] % 3 {
            0 => out[at] ^= e[3].max(1),
            1 => out.truncate(at),
            _ => out.insert(at, e[3]),
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let f = fixture();
    match mode % 4 {
        0 | 1 => {
            let file = if mode % 4 == 0 {
                rest.to_vec()
            } else {
                edited(&f.file, rest)
            };
            let accepted = dalil_transfer::open(&file, &f.identity).is_ok();
            assert_eq!(
                accepted,
                file == f.file,
                "accepted a file that is not the one sealed, or refused it"
            );
        }
        _ => {
            let plain = if mode % 4 == 2 {
                rest.to_vec()
            } else {
                edited(&f.plaintext, rest)
            };
            let accepted = dalil_transfer::open_plaintext(&plain, [0; 32]).is_ok();
            assert_eq!(
                accepted,
                plain == f.plaintext,
                "accepted a plaintext that is not the one sealed, or refused it"
            );
        }
    }
});
