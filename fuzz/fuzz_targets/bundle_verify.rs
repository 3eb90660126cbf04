//! The case bundle verifier (`dalil_report::verify_bundle`).
//!
//! Two kinds of input, chosen by the first byte:
//! - even: the rest is a file, checked as it is. The verifier may say intact only of a
//!   bundle byte for byte the same as one `dalil export` wrote (the two below): nobody can
//!   write a new intact bundle without computing SHA-256 checksums, and no fuzzer does that
//!   by chance.
//! - odd: the rest is a list of edits (4 bytes each: where, what, a byte) applied to one of
//!   those bundles. If the edits changed any byte, the verifier must not say intact, and
//!   when it says altered it names at least one finding.
#![no_main]

use std::sync::Once;

use dalil_report::verify::{Verdict, verify_bundle};
use libfuzzer_sys::fuzz_target;

/// Bundles written by `dalil export --format bundle`: the sample case of docs/sample-report
/// (docs/sample-report/make.sh) and a small case with a blocked step and an edited note.
const BUNDLES: [&[u8]; 2] = [
    include_bytes!("../../docs/sample-report/bundle.json"),
    include_bytes!("../bundles/small.dalil.json"),
];

fn is_intact(bytes: &[u8]) -> bool {
    match verify_bundle(bytes) {
        Ok(Verdict::Intact { .. }) => true,
        Ok(Verdict::Altered(findings)) => {
            assert!(!findings.is_empty(), "altered, with no finding");
            false
        }
        Err(_) => false,
    }
}

fuzz_target!(|data: &[u8]| {
    static KNOWN_INTACT: Once = Once::new();
    KNOWN_INTACT.call_once(|| {
        for b in BUNDLES {
            assert!(
                is_intact(b),
                "a bundle dalil wrote does not verify: refresh fuzz/bundles"
            );
        }
    });
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        if is_intact(rest) {
            assert!(
                BUNDLES.contains(&rest),
                "a file that no dalil wrote verifies as intact"
            );
        }
        return;
    }
    let original = BUNDLES[usize::from(mode / 2) % BUNDLES.len()];
    let mut bytes = original.to_vec();
    for edit in rest.chunks_exact(4) {
        let at = usize::from(u16::from_le_bytes([edit[0], edit[1]]));
        let at = at % (bytes.len() + 1);
        match edit[2] % 3 {
            0 if at < bytes.len() => bytes[at] = edit[3],
            1 => bytes.insert(at, edit[3]),
            _ if at < bytes.len() => {
                bytes.remove(at);
            }
            _ => bytes.push(edit[3]),
        }
    }
    if bytes != original {
        assert!(!is_intact(&bytes), "a changed bundle verifies as intact");
    }
});
