//! Signed SOP update packages: how a new edition of the SOP reaches officers with no network,
//! on a USB stick, without anyone being able to slip them a forged one.
//!
//! A package is one file:
//!
//! ```text
//! "DALIL-SOP 1\n"
//! <u32 big-endian length of the manifest> <manifest: JSON>
//! <u8 number of signatures> then, for each: <32-byte Ed25519 public key> <64-byte signature
//!     of "dalil-sop-v1 manifest\0" ‖ manifest>
//! <file 1> <file 2> …   (exactly as many bytes as the manifest says, in its order)
//! ```
//!
//! The manifest names the SOP and the edition and lists every file of the content tree with
//! its SHA-256 and length. [`pack`] refuses a tree that does not validate; [`open`] accepts a
//! package only if a key it trusts signed it, every file matches the manifest, the tree
//! validates, and the edition is newer than the one installed.
//!
//! *Invariant:* no IO: bytes, keys and the installed edition in, a checked tree or a
//! [`Refusal`] out. Which keys are trusted is the caller's (the program's build) to say.

use std::cmp::Ordering;

use dalil_content::Files;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use ed25519_dalek::{SigningKey as SignerKey, VerifyingKey as SignerPublicKey};

/// The first line of every package.
pub const OPENING: &[u8] = b"DALIL-SOP 1\n";
const SIGNED_DOMAIN: &[u8] = b"dalil-sop-v1 manifest\0";
/// The largest package this crate opens: 64 MiB (the whole SOP is under 1 MiB).
pub const MAX_PACKAGE: usize = 64 << 20;
/// The file name extension of a package.
pub const EXTENSION: &str = "dalil-sop";

/// The package's manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always `dalil-sop`.
    pub format: String,
    /// The SOP's id (`manifest.toml`'s `id`).
    pub sop: String,
    /// The edition's version.
    pub version: String,
    /// The edition's date.
    pub date: String,
    /// Every file of the tree, in order.
    pub files: Vec<FileEntry>,
}

/// One file of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// Its path in the tree, with `/`.
    pub path: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// Its length.
    pub bytes: u64,
}

/// An edition, as a package or the installed SOP names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditionId {
    /// The SOP's id.
    pub sop: String,
    /// The edition's version.
    pub version: String,
}

/// Why a tree could not be packed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    /// The tree has validation errors; how many.
    #[error("the content has {0} errors")]
    Invalid(usize),
    /// The version cannot be compared with others (it must be numbers and dots, like 2026.2).
    #[error("the version `{0}` is not numbers separated by dots")]
    BadVersion(String),
}

/// Compares two versions made of numbers and dots (`2026.1` < `2026.1.1` < `2026.2`); `None`
/// when either is not of that form.
pub fn compare_versions(a: &str, b: &str) -> Option<Ordering> {
    let parse = |v: &str| -> Option<Vec<u64>> { v.split('.').map(|p| p.parse().ok()).collect() };
    let (mut a, mut b) = (parse(a)?, parse(b)?);
    let len = a.len().max(b.len());
    a.resize(len, 0);
    b.resize(len, 0);
    Some(a.cmp(&b))
}

/// Packs a content tree, signed with `key`. The tree must validate with no errors.
pub fn pack(files: &Files, key: &SigningKey) -> Result<Vec<u8>, PackError> {
    let (sop, diagnostics) = dalil_content::load(files);
    let errors = dalil_content::error_count(&diagnostics);
    if errors > 0 {
        return Err(PackError::Invalid(errors));
    }
    let version = &sop.manifest.version;
    if compare_versions(version, version).is_none() {
        return Err(PackError::BadVersion(version.clone()));
    }
    let manifest = Manifest {
        format: "dalil-sop".to_owned(),
        sop: sop.manifest.id.clone(),
        version: version.clone(),
        date: sop.manifest.date.clone(),
        files: files
            .iter()
            .map(|(path, bytes)| FileEntry {
                path: path.clone(),
                sha256: hex::encode(Sha256::digest(bytes)),
                bytes: bytes.len() as u64,
            })
            .collect(),
    };
    let manifest = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    let bodies: Vec<&[u8]> = files.values().map(Vec::as_slice).collect();
    Ok(assemble(&manifest, &[key], &bodies))
}

/// Puts a package together from its parts, as they are: nothing checks that the manifest
/// describes the bodies. [`pack`] is the way to make a package; this is for tests that must
/// make a tampered or unsigned one, to see it refused.
#[doc(hidden)]
pub fn assemble(manifest: &[u8], keys: &[&SigningKey], bodies: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(OPENING);
    out.extend_from_slice(&(manifest.len() as u32).to_be_bytes());
    out.extend_from_slice(manifest);
    out.push(keys.len() as u8);
    for key in keys {
        out.extend_from_slice(key.verifying_key().as_bytes());
        out.extend_from_slice(&key.sign(&signed(manifest)).to_bytes());
    }
    for body in bodies {
        out.extend_from_slice(body);
    }
    out
}

fn signed(manifest: &[u8]) -> Vec<u8> {
    [SIGNED_DOMAIN, manifest].concat()
}

/// A package that passed every check.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Its manifest.
    pub manifest: Manifest,
    /// The trusted key that signed it.
    pub signer: VerifyingKey,
    /// The content tree, ready for `dalil_content::load`.
    pub files: Files,
}

/// Why a package was refused. Each has its own message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// The file is not an SOP package.
    #[error("the file is not an SOP update package")]
    NotAPackage,
    /// The package carries no signature.
    #[error("the package is not signed")]
    Unsigned,
    /// No signature is by a key this program trusts, or none verifies.
    #[error("the package is not signed by a key this program trusts")]
    UntrustedSignature,
    /// A byte of the package was changed: a file does not match the manifest, or the
    /// package is cut short or has bytes left over.
    #[error("the package was changed or damaged after it was signed")]
    Tampered,
    /// The package is of another SOP than the one installed.
    #[error("the package is of another SOP ({0})")]
    OtherSop(String),
    /// The edition is older than the installed one: a rollback.
    #[error("the edition {package} is older than the installed {installed}")]
    Older {
        /// The package's edition.
        package: String,
        /// The installed edition.
        installed: String,
    },
    /// The edition is the one installed.
    #[error("the edition {0} is already installed")]
    AlreadyInstalled(String),
    /// The content, although signed, does not validate (a signer's mistake).
    #[error("the content has {0} errors")]
    Invalid(usize),
}

impl Refusal {
    /// A stable code, for scripts and the app.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotAPackage => "not-a-package",
            Refusal::Unsigned => "unsigned",
            Refusal::UntrustedSignature => "untrusted-signature",
            Refusal::Tampered => "tampered",
            Refusal::OtherSop(_) => "other-sop",
            Refusal::Older { .. } => "older-edition",
            Refusal::AlreadyInstalled(_) => "already-installed",
            Refusal::Invalid(_) => "invalid-content",
        }
    }
}

/// Checks a package to install: [`verify`], then its edition against `installed` (the same
/// SOP, a newer version: never a rollback).
pub fn open(
    bytes: &[u8],
    trusted: &[VerifyingKey],
    installed: &EditionId,
) -> Result<Opened, Refusal> {
    let opened = verify(bytes, trusted)?;
    let manifest = &opened.manifest;
    if manifest.sop != installed.sop {
        return Err(Refusal::OtherSop(manifest.sop.clone()));
    }
    match compare_versions(&manifest.version, &installed.version) {
        Some(Ordering::Greater) => Ok(opened),
        Some(Ordering::Equal) => Err(Refusal::AlreadyInstalled(manifest.version.clone())),
        // An installed version that cannot be compared is treated as newer: refuse.
        _ => Err(Refusal::Older {
            package: manifest.version.clone(),
            installed: installed.version.clone(),
        }),
    }
}

/// Checks a package whatever its edition: its signature by one of `trusted`, every file
/// against the manifest, and the content's validation. Used for packages already installed,
/// which are checked again each time they are read.
pub fn verify(bytes: &[u8], trusted: &[VerifyingKey]) -> Result<Opened, Refusal> {
    if bytes.len() > MAX_PACKAGE {
        return Err(Refusal::NotAPackage);
    }
    let rest = bytes.strip_prefix(OPENING).ok_or(Refusal::NotAPackage)?;
    let (len, rest) = rest.split_first_chunk::<4>().ok_or(Refusal::Tampered)?;
    let len = u32::from_be_bytes(*len) as usize;
    if rest.len() < len + 1 {
        return Err(Refusal::Tampered);
    }
    let (manifest_bytes, rest) = rest.split_at(len);
    let (&count, mut rest) = rest.split_first().ok_or(Refusal::Tampered)?;
    if count == 0 {
        return Err(Refusal::Unsigned);
    }
    let mut signer = None;
    for _ in 0..count {
        if rest.len() < 96 {
            return Err(Refusal::Tampered);
        }
        let (key, after) = rest.split_at(32);
        let (sig, after) = after.split_at(64);
        rest = after;
        let Ok(key) = VerifyingKey::from_bytes(key.try_into().map_err(|_| Refusal::Tampered)?)
        else {
            continue;
        };
        let sig = Signature::from_bytes(sig.try_into().map_err(|_| Refusal::Tampered)?);
        if signer.is_none()
            && trusted.contains(&key)
            && key.verify(&signed(manifest_bytes), &sig).is_ok()
        {
            signer = Some(key);
        }
    }
    let Some(signer) = signer else {
        return Err(Refusal::UntrustedSignature);
    };
    // Signed by a trusted key: from here on, any mismatch is a change after signing.
    let manifest: Manifest =
        serde_json::from_slice(manifest_bytes).map_err(|_| Refusal::Tampered)?;
    if manifest.format != "dalil-sop" {
        return Err(Refusal::NotAPackage);
    }
    let mut files = Files::new();
    for f in &manifest.files {
        let n = usize::try_from(f.bytes)
            .ok()
            .filter(|n| *n <= rest.len())
            .ok_or(Refusal::Tampered)?;
        let (body, after) = rest.split_at(n);
        if hex::encode(Sha256::digest(body)) != f.sha256 || files.contains_key(&f.path) {
            return Err(Refusal::Tampered);
        }
        files.insert(f.path.clone(), body.to_vec());
        rest = after;
    }
    if !rest.is_empty() {
        return Err(Refusal::Tampered);
    }
    let (sop, diagnostics) = dalil_content::load(&files);
    let errors = dalil_content::error_count(&diagnostics);
    if errors > 0 {
        return Err(Refusal::Invalid(errors));
    }
    if sop.manifest.id != manifest.sop || sop.manifest.version != manifest.version {
        return Err(Refusal::Tampered);
    }
    Ok(Opened {
        manifest,
        signer,
        files,
    })
}

/// Reads a signer's public-key file: one key per line as 64 hex digits, `#` comments and
/// blank lines allowed. Lines that are not keys are reported by number.
pub fn parse_keys(text: &str) -> Result<Vec<VerifyingKey>, usize> {
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = hex::decode(line)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .and_then(|b| VerifyingKey::from_bytes(&b).ok())
            .ok_or(n + 1)?;
        keys.push(key);
    }
    Ok(keys)
}

/// The keys this program trusts to sign SOP editions: those in `config/sop-signers.pub` when
/// it was built (the repository ships that file with comments only: the directorate adds its
/// own), and, in a debug build only, the test key of `tests/fixtures/sop-signing/`, whose
/// secret half is in the repository for the tests. A release build never trusts it.
pub fn trusted_keys() -> Vec<VerifyingKey> {
    let mut keys = parse_keys(include_str!("../../../config/sop-signers.pub")).unwrap_or_default();
    if cfg!(debug_assertions) {
        keys.extend(
            parse_keys(include_str!(
                "../../../tests/fixtures/sop-signing/test-signer.pub"
            ))
            .unwrap_or_default(),
        );
    }
    keys
}

/// Which edition to read: the newest of the built-in one and the installed packages that still
/// verify. Returns its files, and the package's index among `installed` (`None`: built in).
/// A package that no longer verifies, or is of another SOP, is passed over.
pub fn newest(
    built_in: Files,
    installed: &[Vec<u8>],
    trusted: &[VerifyingKey],
) -> (Files, Option<usize>) {
    let built_in_id = dalil_content::load(&built_in).0.manifest;
    let mut best: (Files, Option<usize>, String) = (built_in, None, built_in_id.version.clone());
    for (i, bytes) in installed.iter().enumerate() {
        let Ok(opened) = verify(bytes, trusted) else {
            continue;
        };
        if opened.manifest.sop != built_in_id.id {
            continue;
        }
        if compare_versions(&opened.manifest.version, &best.2) == Some(Ordering::Greater) {
            best = (opened.files, Some(i), opened.manifest.version);
        }
    }
    (best.0, best.1)
}

/// A new signing key, from 32 bytes of the caller's randomness.
pub fn signing_key(secret: &[u8; 32]) -> SigningKey {
    SigningKey::from_bytes(secret)
}

#[cfg(test)]
mod tests;
