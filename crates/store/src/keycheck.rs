//! The key check: a small sidecar file, `<db>.keycheck`, that tells a wrong passphrase from a
//! damaged file.
//!
//! SQLCipher answers "file is not a database" both for a wrong key and for a damaged first page.
//! Only then does the store read the sidecar. It is JSON:
//!
//! ```json
//! {"format":1,"kdf":"pbkdf2-hmac-sha512","iterations":256000,
//!  "salt":"<32 hex digits>","checks":["<64 hex digits>"]}
//! ```
//!
//! `salt` is the file's own random KDF salt, copied when the file is made, and each check is
//! `SHA-256("dalil-keycheck-v1\0" || PBKDF2-HMAC-SHA512(passphrase, salt, iterations, 32))`.
//! The inner value is the database key itself, so the check costs an attacker exactly as much
//! per guess as the database does (one full PBKDF2), and when the file's header salt still
//! matches, judging a failed unlock costs no second derivation: the key already derived is
//! hashed and compared. If the header salt was damaged, the key is derived again with the
//! sidecar's salt.
//!
//! `checks` holds one value, or two (old, new) while a passphrase change is in flight, so that
//! after a crash either passphrase is recognised. The file is replaced atomically (write temp,
//! fsync, rename, fsync folder), and only after a successful unlock.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::StoreError;
use crate::fsutil;
use crate::passphrase::{DbKey, KDF_ITERATIONS, KDF_NAME, Passphrase, SALT_LEN};

/// The sidecar's format version.
const FORMAT: u32 = 1;
/// Separates this hash from any other use of the key.
const CHECK_DOMAIN: &[u8] = b"dalil-keycheck-v1\0";
/// Bounds for a sidecar's iteration count, so that a damaged sidecar cannot make a failed
/// unlock take forever or be judged with a trivially cheap check.
const MIN_ITERATIONS: u32 = 100_000;
const MAX_ITERATIONS: u32 = 10_000_000;

/// The sidecar's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Keycheck {
    format: u32,
    kdf: String,
    iterations: u32,
    salt: String,
    checks: Vec<String>,
}

/// The sidecar's path for a database path.
pub(crate) fn sidecar_path(db: &Path) -> PathBuf {
    fsutil::with_suffix(db, ".keycheck")
}

/// The check value of a key.
pub(crate) fn check_value(key: &DbKey) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(CHECK_DOMAIN);
    h.update(key.bytes());
    h.finalize().into()
}

impl Keycheck {
    /// A sidecar for a file with this salt, recognising these keys.
    pub(crate) fn new(salt: &[u8; SALT_LEN], keys: &[&DbKey]) -> Keycheck {
        Keycheck {
            format: FORMAT,
            kdf: KDF_NAME.to_owned(),
            iterations: KDF_ITERATIONS,
            salt: hex::encode(salt),
            checks: keys.iter().map(|k| hex::encode(check_value(k))).collect(),
        }
    }

    /// Reads the sidecar of `db`. `None` when it is missing, unreadable or of a form this code
    /// does not know: all of those mean "cannot tell".
    pub(crate) fn read(db: &Path) -> Option<Keycheck> {
        let bytes = std::fs::read(sidecar_path(db)).ok()?;
        let k: Keycheck = serde_json::from_slice(&bytes).ok()?;
        let usable = k.format == FORMAT
            && k.kdf == KDF_NAME
            && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&k.iterations)
            && k.salt_bytes().is_some()
            && !k.checks.is_empty()
            && k.checks.len() <= 2;
        usable.then_some(k)
    }

    /// Writes the sidecar of `db` atomically.
    pub(crate) fn write(&self, db: &Path) -> Result<(), StoreError> {
        let json = serde_json::to_vec(self).map_err(|_| StoreError::Io {
            op: "encode-keycheck",
            kind: std::io::ErrorKind::InvalidData,
        })?;
        fsutil::write_atomic(&sidecar_path(db), &json)
    }

    fn salt_bytes(&self) -> Option<[u8; SALT_LEN]> {
        let v = hex::decode(&self.salt).ok()?;
        v.try_into().ok()
    }

    /// Whether this sidecar already says exactly "this salt, this one key".
    pub(crate) fn is_settled_for(&self, salt: &[u8; SALT_LEN], key: &DbKey) -> bool {
        *self == Keycheck::new(salt, &[key])
    }
}

/// Decides what a failed unlock means. `header_salt` is the salt read from the file and
/// `derived` the key derived with it.
pub(crate) fn judge_failure(
    db: &Path,
    passphrase: &Passphrase,
    header_salt: &[u8; SALT_LEN],
    derived: &DbKey,
) -> StoreError {
    let Some(sidecar) = Keycheck::read(db) else {
        return StoreError::WrongPassphraseOrDamaged;
    };
    let Some(salt) = sidecar.salt_bytes() else {
        return StoreError::WrongPassphraseOrDamaged;
    };
    let rederived;
    let key = if *header_salt == salt && sidecar.iterations == KDF_ITERATIONS {
        derived
    } else {
        match DbKey::derive(passphrase, &salt, sidecar.iterations) {
            Ok(k) => {
                rederived = k;
                &rederived
            }
            Err(e) => return e,
        }
    };
    let mine = hex::encode(check_value(key));
    let matches = sidecar
        .checks
        .iter()
        .any(|c| c.len() == mine.len() && openssl::memcmp::eq(c.as_bytes(), mine.as_bytes()));
    match (matches, sidecar.checks.len()) {
        (false, _) => StoreError::WrongPassphrase,
        (true, 1) => StoreError::Damaged,
        (true, _) => StoreError::PassphraseChangeInterrupted,
    }
}
