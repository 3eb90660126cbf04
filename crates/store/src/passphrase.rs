//! The passphrase newtype and the key derived from it.
//!
//! The key is derived exactly as SQLCipher 4 derives it from a passphrase (PBKDF2-HMAC-SHA512,
//! 256,000 iterations, the 16-byte salt in the file's first bytes, 32-byte key), with the same
//! OpenSSL that SQLCipher links. The store derives it once per unlock and hands SQLCipher the
//! raw key, so that every connection it opens afterwards (the key probe, the main connection,
//! a backup's reader) costs no second derivation. A file made this way is an ordinary SQLCipher
//! 4 database: `PRAGMA key = '<passphrase>'` opens it with the stock tools.
//!
//! Both types wipe their memory when dropped and never print their content.

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::StoreError;

/// The length of SQLCipher's KDF salt, stored in the first bytes of the file.
pub(crate) const SALT_LEN: usize = 16;
/// The KDF's name, as written in the key check file.
pub(crate) const KDF_NAME: &str = "pbkdf2-hmac-sha512";
/// SQLCipher 4's default number of PBKDF2 iterations.
pub(crate) const KDF_ITERATIONS: u32 = 256_000;

/// A passphrase typed by the officer. Wiped from memory when dropped; `Debug` never shows it.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Passphrase(String);

impl Passphrase {
    /// Wraps a passphrase. The string is moved in, so no copy is left behind.
    pub fn new(passphrase: String) -> Passphrase {
        Passphrase(passphrase)
    }

    /// Whether the passphrase is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether two passphrases are the same, compared in constant time: for a front end that
    /// asks for a new passphrase twice.
    pub fn same_as(&self, other: &Passphrase) -> bool {
        let (a, b) = (self.as_bytes(), other.as_bytes());
        a.len() == b.len() && openssl::memcmp::eq(a, b)
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl From<String> for Passphrase {
    fn from(s: String) -> Passphrase {
        Passphrase(s)
    }
}

impl From<&str> for Passphrase {
    fn from(s: &str) -> Passphrase {
        Passphrase(s.to_owned())
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

/// A 32-byte SQLCipher key. Wiped from memory when dropped; `Debug` never shows it.
#[derive(Clone)]
pub(crate) struct DbKey(Zeroizing<[u8; 32]>);

impl fmt::Debug for DbKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DbKey(<redacted>)")
    }
}

impl DbKey {
    /// Derives the key as SQLCipher 4 does: PBKDF2-HMAC-SHA512 over the passphrase and salt.
    pub(crate) fn derive(
        passphrase: &Passphrase,
        salt: &[u8],
        iterations: u32,
    ) -> Result<DbKey, StoreError> {
        let mut key = Zeroizing::new([0u8; 32]);
        openssl::pkcs5::pbkdf2_hmac(
            passphrase.as_bytes(),
            salt,
            iterations as usize,
            openssl::hash::MessageDigest::sha512(),
            key.as_mut(),
        )
        .map_err(|_| StoreError::Io {
            op: "derive-key",
            kind: std::io::ErrorKind::Other,
        })?;
        Ok(DbKey(key))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Compares two keys in constant time.
    pub(crate) fn same_as(&self, other: &DbKey) -> bool {
        openssl::memcmp::eq(self.0.as_ref(), other.0.as_ref())
    }

    /// The statement that hands this raw key to SQLCipher: `PRAGMA <verb> = "x'<key>[<salt>]'";`.
    /// With a salt, SQLCipher uses it for a new file; without, it reads the file's own salt.
    /// The text is built in wiped memory with its capacity reserved up front, so that no
    /// reallocation leaves a copy of the key behind.
    pub(crate) fn pragma(&self, verb: &str, salt: Option<&[u8; SALT_LEN]>) -> Zeroizing<String> {
        let mut hex = Zeroizing::new([0u8; 64 + 2 * SALT_LEN]);
        let mut len = 64;
        // Both buffers have exactly the sizes hex encoding needs, so these cannot fail.
        let _ = hex::encode_to_slice(self.0.as_ref(), &mut hex[..64]);
        if let Some(salt) = salt {
            let _ = hex::encode_to_slice(salt, &mut hex[64..]);
            len += 2 * SALT_LEN;
        }
        let mut sql = Zeroizing::new(String::with_capacity(64 + hex.len()));
        sql.push_str("PRAGMA ");
        sql.push_str(verb);
        sql.push_str(" = \"x'");
        for &b in &hex[..len] {
            sql.push(char::from(b));
        }
        sql.push_str("'\";");
        sql
    }
}

/// Fresh random bytes from OpenSSL's CSPRNG (the one SQLCipher uses for its own salts).
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut buf = [0u8; N];
    openssl::rand::rand_bytes(&mut buf).map_err(|_| StoreError::Io {
        op: "random",
        kind: std::io::ErrorKind::Other,
    })?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_passphrase() {
        let p = Passphrase::from("hunter2-secret");
        assert_eq!(format!("{p:?}"), "Passphrase(<redacted>)");
    }

    #[test]
    fn pragma_text_has_the_raw_key_form() -> Result<(), StoreError> {
        let key = DbKey::derive(&Passphrase::from("x"), &[1u8; 16], 1)?;
        let with_salt = key.pragma("key", Some(&[0xab; 16]));
        assert!(with_salt.starts_with("PRAGMA key = \"x'"));
        assert_eq!(with_salt.len(), "PRAGMA key = \"x''\";".len() + 96);
        assert!(with_salt.contains(&"ab".repeat(16)));
        assert_eq!(
            key.pragma("rekey", None).len(),
            "PRAGMA rekey = \"x''\";".len() + 64
        );
        Ok(())
    }
}
