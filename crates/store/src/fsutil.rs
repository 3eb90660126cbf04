//! Small file-system helpers for crash-safe replacement: write to a temporary file next to the
//! target, fsync it, rename it into place, fsync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::error::{StoreError, from_io};
use crate::passphrase::random_bytes;

/// `path` with `suffix` appended to its file name: ("cases.db", "-wal") -> "cases.db-wal".
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The folder a file lives in ("." for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A fresh, unused temporary name next to `path`: `.<name>.<tag>-<random>`.
pub(crate) fn temp_sibling(path: &Path, tag: &str) -> Result<PathBuf, StoreError> {
    let name = path
        .file_name()
        .ok_or(StoreError::Invalid { field: "path" })?
        .to_string_lossy()
        .into_owned();
    let rand: [u8; 8] = random_bytes()?;
    Ok(parent_dir(path).join(format!(".{name}.{tag}-{}", hex::encode(rand))))
}

/// Makes a rename or a new file in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(StoreError::io("sync-dir"))
}

/// Flushes a file's content to disk.
pub(crate) fn sync_file(path: &Path) -> Result<(), StoreError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(StoreError::io("sync-file"))
}

/// Creates `dir` and its missing parents private to the user (mode 0700), as the store makes
/// its own folder; a folder that exists is left as it is.
///
/// Public as `dalil_store::create_private_dir` for every file Dalil keeps in the data folder
/// (settings, caches, installed SOP editions), so that whichever is written first makes the
/// folder private.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(StoreError::io("create-dir"))
}

/// Replaces `path` with `bytes` atomically: a reader (or a crash) sees the old content or the
/// new, never a mix. The file is private to its owner (mode 0600).
///
/// Public as `dalil_store::write_file_atomic` so that exports of a case get the same crash
/// safety, and the same error kinds (a full disk, a read-only folder), as the case file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = temp_sibling(path, "tmp")?;
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(StoreError::io("write-temp"))?;
        f.write_all(bytes).map_err(StoreError::io("write-temp"))?;
        f.sync_all().map_err(StoreError::io("write-temp"))?;
        drop(f);
        fs::rename(&tmp, path).map_err(StoreError::io("rename"))?;
        sync_dir(parent_dir(path))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Puts the finished file `tmp` at `dest` without ever overwriting a file there. A hard link
/// fails atomically if `dest` exists; where links are not supported (FAT), it falls back to a
/// check and a rename.
pub(crate) fn persist_noclobber(tmp: &Path, dest: &Path) -> Result<(), StoreError> {
    match fs::hard_link(tmp, dest) {
        Ok(()) => {
            sync_dir(parent_dir(dest))?;
            fs::remove_file(tmp).map_err(StoreError::io("remove-temp"))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(StoreError::AlreadyExists);
        }
        Err(e)
            if matches!(e.kind(), std::io::ErrorKind::Unsupported)
                || e.raw_os_error() == Some(1) =>
        {
            // EPERM: the file system has no hard links.
            if fs::symlink_metadata(dest).is_ok() {
                return Err(StoreError::AlreadyExists);
            }
            fs::rename(tmp, dest).map_err(StoreError::io("rename"))?;
        }
        Err(e) => return Err(from_io("link", &e)),
    }
    sync_dir(parent_dir(dest))
}

/// Whether anything (file, folder or dangling link) is at `path`.
pub(crate) fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}
