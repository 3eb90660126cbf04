//! The SOP editions of a data folder, for both front ends: which edition to read, installing a
//! signed update package beside the others, listing them, and finding the edition a case is
//! pinned to.
//!
//! An edition is the one built into the program or an update package installed in the data
//! folder's `sop/` (`dalil_sop_files::EDITIONS_DIR`). Every package is checked again
//! (`dalil_update::verify`) each time it is read, so one changed on disk after it was
//! installed is passed over, and the built-in edition is always the fallback.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use dalil_content::Files;
use dalil_update::{Refusal, SignerPublicKey};
use serde::Serialize;

/// The editions of one data folder, checked against the keys this program trusts.
#[derive(Debug, Clone)]
pub struct Editions {
    data_dir: PathBuf,
    trusted: Vec<SignerPublicKey>,
}

/// Where an edition comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Built into the program.
    BuiltIn,
    /// An installed package that verifies.
    Installed,
    /// An installed package that no longer verifies (changed on disk, or signed by a key this
    /// program no longer trusts); never read.
    Unverified,
}

/// One edition of [`Editions::list`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// Its version (empty for an unverified package, whose manifest is not believed).
    pub version: String,
    /// Its date (likewise).
    pub date: String,
    /// Where it comes from.
    pub source: Source,
    /// Whether it is the edition read.
    pub read: bool,
}

/// What [`Editions::install`] installed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Installed {
    /// The new edition's version.
    pub version: String,
    /// Its date.
    pub date: String,
    /// The version read before.
    pub old: String,
}

/// Why a package was not installed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InstallError {
    /// The package was refused: see [`Refusal`].
    #[error("{0}")]
    Refused(Refusal),
    /// It could not be written into the data folder (a full disk, a read-only folder).
    #[error("{0}")]
    Write(dalil_store::StoreError),
}

impl Editions {
    /// The editions of `data_dir`, trusting the keys this program was built with
    /// (`dalil_update::trusted_keys`).
    pub fn new(data_dir: &Path) -> Self {
        Self::with_keys(data_dir, dalil_update::trusted_keys())
    }

    /// The same, trusting `trusted` instead.
    pub fn with_keys(data_dir: &Path, trusted: Vec<SignerPublicKey>) -> Self {
        Editions {
            data_dir: data_dir.to_owned(),
            trusted,
        }
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn installed(&self) -> Vec<dalil_update::Opened> {
        dalil_sop_files::installed_packages(&self.data_dir)
            .iter()
            .filter_map(|bytes| dalil_update::verify(bytes, &self.trusted).ok())
            .collect()
    }

    /// The files of the edition to read: the newest of the built-in one and the installed
    /// packages that verify.
    pub fn current(&self) -> Files {
        dalil_update::newest(
            dalil_sop_files::bundled(),
            &dalil_sop_files::installed_packages(&self.data_dir),
            &self.trusted,
        )
        .0
    }

    /// The files of a case's edition, if this computer has it: built in, or an installed
    /// package that verifies.
    pub fn find(&self, edition: &dalil_store::Edition) -> Option<Files> {
        let built_in = dalil_sop_files::bundled();
        let manifest = dalil_content::load(&built_in).0.manifest;
        if edition.is(&manifest.id, &manifest.version) {
            return Some(built_in);
        }
        self.installed()
            .into_iter()
            .find(|o| edition.is(&o.manifest.sop, &o.manifest.version))
            .map(|o| o.files)
    }

    /// The files of the newest edition this computer has that is older than `version`, for
    /// "what changed in this edition"; `None` when `version` is the oldest.
    pub fn previous(&self, sop: &str, version: &str) -> Option<Files> {
        let built_in = dalil_sop_files::bundled();
        let manifest = dalil_content::load(&built_in).0.manifest;
        let mut candidates: Vec<(String, Files)> = self
            .installed()
            .into_iter()
            .filter(|o| o.manifest.sop == sop)
            .map(|o| (o.manifest.version, o.files))
            .collect();
        if manifest.id == sop {
            candidates.push((manifest.version, built_in));
        }
        candidates
            .into_iter()
            .filter(|(v, _)| dalil_update::compare_versions(v, version) == Some(Ordering::Less))
            .max_by(|(a, _), (b, _)| {
                dalil_update::compare_versions(a, b).unwrap_or(Ordering::Equal)
            })
            .map(|(_, files)| files)
    }

    /// The built-in edition and every installed package, oldest first, with the one read
    /// marked.
    pub fn list(&self) -> Vec<Listed> {
        let built_in = dalil_sop_files::bundled();
        let installed = dalil_sop_files::installed_packages(&self.data_dir);
        // The one read is the one `current` reads: its index among `installed`, or built in.
        let (_, read) = dalil_update::newest(built_in.clone(), &installed, &self.trusted);
        let built_in = dalil_content::load(&built_in).0.manifest;
        let mut rows = vec![Listed {
            read: read.is_none(),
            version: built_in.version,
            date: built_in.date,
            source: Source::BuiltIn,
        }];
        for (i, bytes) in installed.iter().enumerate() {
            rows.push(match dalil_update::verify(bytes, &self.trusted) {
                Ok(o) => Listed {
                    read: read == Some(i),
                    version: o.manifest.version,
                    date: o.manifest.date,
                    source: Source::Installed,
                },
                Err(_) => Listed {
                    version: String::new(),
                    date: String::new(),
                    source: Source::Unverified,
                    read: false,
                },
            });
        }
        rows
    }

    /// Checks a package (a trusted signature, every byte, content that validates, a newer
    /// edition of the same SOP than the one read: never a rollback) and keeps it in the data
    /// folder's `sop/`, beside the others, written atomically. The data folder and `sop/` are
    /// created private to the user if this is the first to make them.
    pub fn install(&self, bytes: &[u8]) -> Result<Installed, InstallError> {
        let current = dalil_content::load(&self.current()).0.manifest;
        let read = dalil_update::EditionId {
            sop: current.id.clone(),
            version: current.version.clone(),
        };
        let opened =
            dalil_update::open(bytes, &self.trusted, &read).map_err(InstallError::Refused)?;
        let dir = self.data_dir.join(dalil_sop_files::EDITIONS_DIR);
        dalil_store::create_private_dir(&dir).map_err(InstallError::Write)?;
        let name = format!(
            "{}-{}.{}",
            opened.manifest.sop,
            opened.manifest.version,
            dalil_update::EXTENSION
        );
        dalil_store::write_file_atomic(&dir.join(name), bytes).map_err(InstallError::Write)?;
        Ok(Installed {
            version: opened.manifest.version,
            date: opened.manifest.date,
            old: current.version,
        })
    }
}

#[cfg(test)]
mod tests;
