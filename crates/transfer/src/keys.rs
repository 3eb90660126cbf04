//! The directorate's key pair (age X25519) and the files that hold it.
//!
//! The public half, a *recipient* (`age1…`), is in every officer's configuration; the secret
//! half, an *identity* (`AGE-SECRET-KEY-1…`), stays at the directorate. Both files are text:
//! one key per file, with `#` comment lines and blank lines allowed around it, as age's own
//! tools write them.

use age::secrecy::ExposeSecret;
use zeroize::Zeroizing;

/// The directorate's public key: what a transfer bundle is encrypted to.
#[derive(Clone)]
pub struct DirectorateKey(pub(crate) age::x25519::Recipient);

/// The directorate's secret key: what opens a transfer bundle. Never leaves the directorate.
pub struct DirectorateIdentity(pub(crate) age::x25519::Identity);

impl std::fmt::Debug for DirectorateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DirectorateKey({})", self.0)
    }
}

impl std::fmt::Debug for DirectorateIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DirectorateIdentity(…)")
    }
}

/// Why a key file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyFileError {
    /// The file holds no key: only comments and blank lines.
    #[error("the file holds no key")]
    Empty,
    /// The file holds more than one key.
    #[error("the file holds more than one key")]
    Several,
    /// The line is not a key of the expected kind.
    #[error("line {line} is not a key of the expected kind")]
    NotAKey {
        /// The line, from 1.
        line: usize,
    },
}

/// The one key line of a key file, with its line number.
fn key_line(text: &str) -> Result<(usize, &str), KeyFileError> {
    let mut found = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if found.is_some() {
            return Err(KeyFileError::Several);
        }
        found = Some((n + 1, line));
    }
    found.ok_or(KeyFileError::Empty)
}

impl DirectorateKey {
    /// Reads a recipient file (`age1…`).
    pub fn parse(text: &str) -> Result<DirectorateKey, KeyFileError> {
        let (line, key) = key_line(text)?;
        key.parse::<age::x25519::Recipient>()
            .map(DirectorateKey)
            .map_err(|_| KeyFileError::NotAKey { line })
    }
}

impl std::fmt::Display for DirectorateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl DirectorateIdentity {
    /// Makes a new key pair from the system's randomness.
    pub fn generate() -> DirectorateIdentity {
        DirectorateIdentity(age::x25519::Identity::generate())
    }

    /// Reads an identity file (`AGE-SECRET-KEY-1…`), as [`DirectorateIdentity::to_file_text`]
    /// or `age-keygen` writes it.
    pub fn parse(text: &str) -> Result<DirectorateIdentity, KeyFileError> {
        let (line, key) = key_line(text)?;
        key.parse::<age::x25519::Identity>()
            .map(DirectorateIdentity)
            .map_err(|_| KeyFileError::NotAKey { line })
    }

    /// The public half, for the officers' configuration.
    pub fn public(&self) -> DirectorateKey {
        DirectorateKey(self.0.to_public())
    }

    /// The identity file's text: a comment naming the public key, then the secret key.
    pub fn to_file_text(&self) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "# The directorate's secret key for Dalil transfer bundles. Keep it at the directorate.\n\
             # public key: {}\n{}\n",
            self.0.to_public(),
            self.0.to_string().expose_secret()
        ))
    }
}

/// The public-key file's text for a key: a comment, then the key.
pub fn key_file_text(key: &DirectorateKey) -> String {
    format!("# The directorate's public key for Dalil transfer bundles.\n{key}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_pair_reads_back_from_its_files() {
        let id = DirectorateIdentity::generate();
        let again = DirectorateIdentity::parse(&id.to_file_text()).expect("identity");
        assert_eq!(again.public().to_string(), id.public().to_string());
        let key = DirectorateKey::parse(&key_file_text(&id.public())).expect("key");
        assert_eq!(key.to_string(), id.public().to_string());
    }

    #[test]
    fn a_key_file_names_its_problem() {
        assert_eq!(
            DirectorateKey::parse("# nothing\n\n").err(),
            Some(KeyFileError::Empty)
        );
        assert_eq!(
            DirectorateKey::parse("# a comment\nnot-a-key\n").err(),
            Some(KeyFileError::NotAKey { line: 2 })
        );
        let id = DirectorateIdentity::generate();
        let two = format!("{}\n{}\n", id.public(), id.public());
        assert_eq!(
            DirectorateKey::parse(&two).err(),
            Some(KeyFileError::Several)
        );
        // A secret key where a public one is expected is refused, and the other way round.
        assert!(DirectorateKey::parse(&id.to_file_text()).is_err());
        assert!(DirectorateIdentity::parse(&key_file_text(&id.public())).is_err());
    }
}
