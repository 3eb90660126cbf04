//! The transfer bundle: the cases an officer's computer sends to the directorate on a USB
//! stick, in one file that whoever finds the stick cannot read, and that the directorate can
//! trust came, unchanged, from a computer it knows. The format is documented in
//! `docs/transfer.md`.
//!
//! A transfer bundle holds one case bundle per case (`dalil-bundle` version 2, made by
//! `dalil-report`, each with its own checksums and audit entries) and a manifest naming them.
//! The manifest is **signed** with the computer's Ed25519 key (kept in its encrypted case
//! file), and everything is **encrypted** with age to the directorate's X25519 public key:
//!
//! ```text
//! file      = "DALIL-TRANSFER 1\n" <length> " " <sha256> "\n" <age ciphertext of plaintext>
//! plaintext = "dalil-transfer\0" 0x01 <u32 BE length of manifest> <manifest JSON>
//!             <64-byte Ed25519 signature of "dalil-transfer-v1 manifest\0" ‖ manifest>
//!             <case bundle 1> <case bundle 2> …     (each exactly as long as the manifest says)
//! ```
//!
//! The first line and the length and checksum of the ciphertext are there to tell a cut-short
//! file from a changed one; they are not what makes the file trustworthy. Age's authenticated
//! encryption makes any change to the ciphertext fail to decrypt, and the signature makes a
//! bundle made by anyone else (anyone can encrypt to a public key) fail to verify.
//!
//! *Invariant:* no IO and no clock: bytes and keys in, bytes or a [`Refusal`] out.

mod keys;

use std::io::{Read, Write};

use dalil_report::bundle::ChainHead;
use dalil_report::{Finding, Parts, Summary, Unreadable, Verdict};
use ed25519_dalek::{Signature, Signer, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use ed25519_dalek::SigningKey;
pub use keys::{DirectorateIdentity, DirectorateKey, KeyFileError, key_file_text};

/// The first line of every transfer bundle.
pub const OPENING: &[u8] = b"DALIL-TRANSFER 1\n";
/// The `format` of a manifest.
pub const FORMAT: &str = "dalil-transfer";
/// The version of the format this crate writes and reads.
pub const VERSION: u64 = 1;
/// The start of the plaintext.
const MAGIC: &[u8] = b"dalil-transfer\0\x01";
/// What the signature covers, before the manifest's bytes.
const SIGNED_DOMAIN: &[u8] = b"dalil-transfer-v1 manifest\0";
/// The largest plaintext this crate makes or opens: 1 GiB. Files are carried by digest,
/// never by their bytes, so a bundle of many cases stays far below it.
pub const MAX_PLAINTEXT: u64 = 1 << 30;
/// The most cases in one bundle.
pub const MAX_CASES: usize = 100_000;

/// The manifest: who made the bundle, when, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u64,
    /// The program that made it, e.g. `dalil 0.1.0`.
    pub generator: String,
    /// When it was made, by the computer's clock (UTC, the store's time format).
    pub created_at: String,
    /// The computer's public key, in lowercase hex: the key the signature is checked with.
    pub device: String,
    /// Where the computer's whole audit chain ended when the bundle was made.
    pub audit_head: ChainHead,
    /// The case bundles, in the order they follow the signature.
    pub cases: Vec<ManifestCase>,
}

/// One case bundle named in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestCase {
    /// The case's reference.
    pub reference: String,
    /// SHA-256 of the case bundle's bytes, in lowercase hex.
    pub sha256: String,
    /// The number of those bytes.
    pub bytes: u64,
}

/// A case to seal: its reference and its case bundle's bytes.
#[derive(Debug, Clone, Copy)]
pub struct CaseBundle<'a> {
    /// The case's reference.
    pub reference: &'a str,
    /// The case bundle (`dalil-report`'s `write_bundle`).
    pub bytes: &'a [u8],
}

/// A sealed transfer bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// SHA-256 of those bytes: what the case's history records, and what the directorate
    /// knows the bundle by.
    pub sha256: [u8; 32],
}

/// Why a bundle could not be sealed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The bundle would be larger than [`MAX_PLAINTEXT`] or hold more than [`MAX_CASES`].
    #[error("the bundle would be too large")]
    TooLarge,
    /// No case was given.
    #[error("no case to seal")]
    Empty,
    /// The encryption failed.
    #[error("the encryption failed")]
    Encrypt,
}

/// Seals cases into a transfer bundle: signs their manifest with `device`, the computer's
/// key, and encrypts everything to `to`, the directorate's key.
pub fn seal(
    generator: &str,
    created_at: &str,
    audit_head: ChainHead,
    cases: &[CaseBundle<'_>],
    device: &SigningKey,
    to: &DirectorateKey,
) -> Result<Sealed, SealError> {
    if cases.is_empty() {
        return Err(SealError::Empty);
    }
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        version: VERSION,
        generator: generator.to_owned(),
        created_at: created_at.to_owned(),
        device: hex::encode(device.verifying_key().as_bytes()),
        audit_head,
        cases: cases
            .iter()
            .map(|c| ManifestCase {
                reference: c.reference.to_owned(),
                sha256: hex::encode(Sha256::digest(c.bytes)),
                bytes: c.bytes.len() as u64,
            })
            .collect(),
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).map_err(|_| SealError::Encrypt)?;
    let bodies: Vec<&[u8]> = cases.iter().map(|c| c.bytes).collect();
    seal_manifest(&manifest_bytes, &bodies, device, to)
}

/// Seals a manifest given as bytes and the bodies that follow it, as they are: nothing checks
/// that the manifest describes them. [`seal`] is the way to make a bundle; this is for tests
/// and tools that must make a bundle whose manifest lies, to see it refused.
#[doc(hidden)]
pub fn seal_manifest(
    manifest: &[u8],
    bodies: &[&[u8]],
    device: &SigningKey,
    to: &DirectorateKey,
) -> Result<Sealed, SealError> {
    let total = MAGIC.len() as u64
        + 4
        + manifest.len() as u64
        + 64
        + bodies.iter().map(|b| b.len() as u64).sum::<u64>();
    if total > MAX_PLAINTEXT || bodies.len() > MAX_CASES {
        return Err(SealError::TooLarge);
    }
    let plaintext = plaintext(manifest, bodies, device)?;
    let recipient: &dyn age::Recipient = &to.0;
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient))
        .map_err(|_| SealError::Encrypt)?;
    let mut ciphertext = Vec::with_capacity(plaintext.len() + 1024);
    let mut w = encryptor
        .wrap_output(&mut ciphertext)
        .map_err(|_| SealError::Encrypt)?;
    w.write_all(&plaintext).map_err(|_| SealError::Encrypt)?;
    w.finish().map_err(|_| SealError::Encrypt)?;

    let mut bytes = Vec::with_capacity(ciphertext.len() + 100);
    bytes.extend_from_slice(OPENING);
    bytes.extend_from_slice(
        format!(
            "{} {}\n",
            ciphertext.len(),
            hex::encode(Sha256::digest(&ciphertext))
        )
        .as_bytes(),
    );
    bytes.extend_from_slice(&ciphertext);
    let sha256 = Sha256::digest(&bytes).into();
    Ok(Sealed { bytes, sha256 })
}

/// The plaintext of a bundle: the manifest as given, its signature, and the bodies. Public
/// for the fuzz target, which checks [`open_plaintext`] without paying for encryption.
#[doc(hidden)]
pub fn plaintext(
    manifest: &[u8],
    bodies: &[&[u8]],
    device: &SigningKey,
) -> Result<Vec<u8>, SealError> {
    let manifest_len = u32::try_from(manifest.len()).map_err(|_| SealError::TooLarge)?;
    let signature = device.sign(&signed_bytes(manifest));
    let total =
        MAGIC.len() + 4 + manifest.len() + 64 + bodies.iter().map(|b| b.len()).sum::<usize>();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&manifest_len.to_be_bytes());
    out.extend_from_slice(manifest);
    out.extend_from_slice(&signature.to_bytes());
    for body in bodies {
        out.extend_from_slice(body);
    }
    Ok(out)
}

fn signed_bytes(manifest: &[u8]) -> Vec<u8> {
    let mut signed = Vec::with_capacity(SIGNED_DOMAIN.len() + manifest.len());
    signed.extend_from_slice(SIGNED_DOMAIN);
    signed.extend_from_slice(manifest);
    signed
}

/// A transfer bundle that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// SHA-256 of the file's bytes.
    pub file_sha256: [u8; 32],
    /// Its manifest.
    pub manifest: Manifest,
    /// The key that signed it (the manifest's `device`): whoever receives the bundle must
    /// still check that it is a computer they know.
    pub device: VerifyingKey,
    /// The cases, in the manifest's order.
    pub cases: Vec<OpenedCase>,
}

/// One case of an opened bundle: its case bundle, verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedCase {
    /// What the case bundle's verification found it holds.
    pub summary: Summary,
    /// Its parts, as data.
    pub parts: Box<Parts>,
}

/// Why a transfer bundle was refused. Each has its own message for the directorate's staff.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// The file is not a transfer bundle.
    #[error("the file is not a Dalil transfer bundle")]
    NotATransfer,
    /// The file is shorter than it says: it was cut short, for example by a stick pulled out
    /// while it was written.
    #[error("the file is cut short: {have} of its {want} encrypted bytes are there")]
    Truncated {
        /// The encrypted bytes present.
        have: u64,
        /// The encrypted bytes the file says it has.
        want: u64,
    },
    /// The file's bytes no longer match the checksum written with them: it was changed or
    /// damaged after it was made.
    #[error("the file was changed or damaged after it was made")]
    Changed,
    /// The file is encrypted to another key than this directorate's.
    #[error("the file is encrypted to another key, not this directorate's")]
    OtherKey,
    /// The file could not be decrypted although its checksum matches: it was rewritten.
    #[error("the file cannot be decrypted: it was rewritten after it was made")]
    Undecryptable,
    /// The decrypted content does not follow the format.
    #[error("the decrypted content does not follow the format ({what})")]
    Malformed {
        /// What is wrong, in English, for the log of a developer.
        what: &'static str,
    },
    /// The signature does not verify with the key the manifest names.
    #[error("the signature does not verify: the bundle was not made by the computer it names")]
    BadSignature,
    /// The manifest, although signed, does not describe what follows it.
    #[error("the manifest does not match the cases it lists ({what})")]
    ManifestLies {
        /// What does not match, in English.
        what: String,
    },
    /// A case bundle inside failed its own checks.
    #[error("the case bundle of {reference} inside it fails its checks")]
    CaseAltered {
        /// The case's reference, as the manifest names it.
        reference: String,
        /// What its verification found.
        findings: Vec<Finding>,
    },
    /// A case bundle inside cannot be read.
    #[error("the case bundle of {reference} inside it cannot be read: {why}")]
    CaseUnreadable {
        /// The case's reference, as the manifest names it.
        reference: String,
        /// Why.
        why: Unreadable,
    },
}

impl Refusal {
    /// A stable code for the refusal, for scripts and `--json`.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotATransfer => "not-a-transfer",
            Refusal::Truncated { .. } => "truncated",
            Refusal::Changed => "changed",
            Refusal::OtherKey => "other-key",
            Refusal::Undecryptable => "undecryptable",
            Refusal::Malformed { .. } => "malformed",
            Refusal::BadSignature => "bad-signature",
            Refusal::ManifestLies { .. } => "manifest-lies",
            Refusal::CaseAltered { .. } => "case-altered",
            Refusal::CaseUnreadable { .. } => "case-unreadable",
        }
    }
}

/// Opens a transfer bundle with the directorate's secret key and checks everything in it:
/// the file's checksum, the decryption, the signature, the manifest against what follows it,
/// and each case bundle's own checksums and audit entries. Checking that the signer is a
/// registered computer, and what the bundle adds, is the receiver's part.
pub fn open(file: &[u8], identity: &DirectorateIdentity) -> Result<Opened, Refusal> {
    let ciphertext = outer(file)?;
    let plaintext = decrypt(ciphertext, identity)?;
    open_plaintext(&plaintext, Sha256::digest(file).into())
}

/// Checks a decrypted bundle: every check of [`open`] after the decryption. Public for the
/// fuzz target; `file_sha256` is what [`Opened::file_sha256`] will say.
#[doc(hidden)]
pub fn open_plaintext(plaintext: &[u8], file_sha256: [u8; 32]) -> Result<Opened, Refusal> {
    let (manifest_bytes, signature, rest) = split_plaintext(plaintext)?;

    let manifest: Manifest =
        serde_json::from_slice(manifest_bytes).map_err(|_| Refusal::Malformed {
            what: "the manifest is not a manifest",
        })?;
    if manifest.format != FORMAT || manifest.version != VERSION {
        return Err(Refusal::Malformed {
            what: "the manifest names another format or version",
        });
    }
    let device = device_key(&manifest.device)?;
    device
        .verify(&signed_bytes(manifest_bytes), &signature)
        .map_err(|_| Refusal::BadSignature)?;

    let cases = split_cases(&manifest, rest)?;
    let mut opened = Vec::with_capacity(cases.len());
    for (listed, bytes) in manifest.cases.iter().zip(cases) {
        match dalil_report::verify_bundle(bytes) {
            Ok(Verdict::Intact { summary, parts }) => {
                if summary.reference != listed.reference {
                    return Err(Refusal::ManifestLies {
                        what: format!("case {} holds the bundle of another case", listed.reference),
                    });
                }
                opened.push(OpenedCase { summary, parts });
            }
            Ok(Verdict::Altered(findings)) => {
                return Err(Refusal::CaseAltered {
                    reference: listed.reference.clone(),
                    findings,
                });
            }
            Err(why) => {
                return Err(Refusal::CaseUnreadable {
                    reference: listed.reference.clone(),
                    why,
                });
            }
        }
    }
    Ok(Opened {
        file_sha256,
        manifest,
        device,
        cases: opened,
    })
}

/// The ciphertext, once the first lines say it is all there and unchanged.
fn outer(file: &[u8]) -> Result<&[u8], Refusal> {
    let rest = file.strip_prefix(OPENING).ok_or(Refusal::NotATransfer)?;
    let end = rest
        .iter()
        .take(100)
        .position(|b| *b == b'\n')
        .ok_or(Refusal::Changed)?;
    let line = std::str::from_utf8(&rest[..end]).map_err(|_| Refusal::Changed)?;
    let (len, sha) = line.split_once(' ').ok_or(Refusal::Changed)?;
    let want: u64 = len.parse().map_err(|_| Refusal::Changed)?;
    let ciphertext = &rest[end + 1..];
    let have = ciphertext.len() as u64;
    if have < want {
        return Err(Refusal::Truncated { have, want });
    }
    if have > want || hex::encode(Sha256::digest(ciphertext)) != sha {
        return Err(Refusal::Changed);
    }
    Ok(ciphertext)
}

fn decrypt(ciphertext: &[u8], identity: &DirectorateIdentity) -> Result<Vec<u8>, Refusal> {
    let decryptor = age::Decryptor::new_buffered(ciphertext).map_err(|_| Refusal::Undecryptable)?;
    let id: &dyn age::Identity = &identity.0;
    let reader = decryptor
        .decrypt(std::iter::once(id))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => Refusal::OtherKey,
            _ => Refusal::Undecryptable,
        })?;
    let mut plaintext = Vec::new();
    reader
        .take(MAX_PLAINTEXT + 1)
        .read_to_end(&mut plaintext)
        .map_err(|_| Refusal::Undecryptable)?;
    if plaintext.len() as u64 > MAX_PLAINTEXT {
        return Err(Refusal::Malformed {
            what: "the content is larger than any bundle can be",
        });
    }
    Ok(plaintext)
}

fn split_plaintext(plaintext: &[u8]) -> Result<(&[u8], Signature, &[u8]), Refusal> {
    let malformed = |what| Refusal::Malformed { what };
    let rest = plaintext
        .strip_prefix(MAGIC)
        .ok_or(malformed("it does not start as a transfer bundle"))?;
    let (len, rest) = rest
        .split_first_chunk::<4>()
        .ok_or(malformed("it ends before the manifest"))?;
    let len = u32::from_be_bytes(*len) as usize;
    if rest.len() < len + 64 {
        return Err(malformed("it ends before the signature"));
    }
    let (manifest, rest) = rest.split_at(len);
    let (signature, rest) = rest.split_at(64);
    let signature = Signature::from_bytes(
        signature
            .try_into()
            .map_err(|_| malformed("the signature is not 64 bytes"))?,
    );
    Ok((manifest, signature, rest))
}

fn device_key(hex_key: &str) -> Result<VerifyingKey, Refusal> {
    let bytes: [u8; 32] = hex::decode(hex_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(Refusal::Malformed {
            what: "the manifest's device is not a public key",
        })?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| Refusal::Malformed {
        what: "the manifest's device is not a public key",
    })
}

/// The case bundles, cut as the manifest says, each matching its digest.
fn split_cases<'a>(manifest: &Manifest, mut rest: &'a [u8]) -> Result<Vec<&'a [u8]>, Refusal> {
    let lies = |what: String| Refusal::ManifestLies { what };
    if manifest.cases.is_empty() {
        return Err(lies("it lists no case".to_owned()));
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(manifest.cases.len());
    for case in &manifest.cases {
        if !seen.insert(case.reference.as_str()) {
            return Err(lies(format!("it lists case {} twice", case.reference)));
        }
        let n = usize::try_from(case.bytes)
            .ok()
            .filter(|n| *n <= rest.len())
            .ok_or_else(|| {
                lies(format!(
                    "case {} is longer than what follows",
                    case.reference
                ))
            })?;
        let (bytes, after) = rest.split_at(n);
        if hex::encode(Sha256::digest(bytes)) != case.sha256 {
            return Err(lies(format!(
                "case {} does not have the checksum listed",
                case.reference
            )));
        }
        out.push(bytes);
        rest = after;
    }
    if !rest.is_empty() {
        return Err(lies(format!(
            "{} bytes follow the last case listed",
            rest.len()
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
