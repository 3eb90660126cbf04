//! Backups and restores.
//!
//! A backup is an encrypted, consistent copy made with SQLite's online backup API from a
//! separate read connection (so other connections and processes keep writing), into a new file
//! keyed with the same key and salt: it opens with the same passphrase, and its key check
//! sidecar is written beside it. SQLCipher refuses to back up into an unkeyed file, so the copy
//! is never in the clear.
//!
//! A restore checks the copy it is about to install (passphrase, every page's HMAC,
//! `integrity_check`, the audit chain) before anything at the destination changes, then
//! renames it into place; the file it replaces is kept as `<dest>.before-restore`.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::audit;
use crate::db;
use crate::error::StoreError;
use crate::fsutil::{self, parent_dir, with_suffix};
use crate::keycheck::{self, Keycheck};
use crate::model::{AuditHead, RestoreOutcome};
use crate::passphrase::Passphrase;
use crate::store::{COMPANIONS, Store, check_connection, open_for_check};

impl Store {
    /// Writes an encrypted, consistent copy of the store to `dest` (which must not exist),
    /// with its key check sidecar, while other connections or processes may be writing. The
    /// copy is checked before it is put in place. Returns where the copy's audit log ends.
    pub fn backup_to(&self, dest: &Path) -> Result<AuditHead, StoreError> {
        if fsutil::exists(dest)
            || COMPANIONS
                .iter()
                .any(|s| fsutil::exists(&with_suffix(dest, s)))
        {
            return Err(StoreError::AlreadyExists);
        }
        let tmp = fsutil::temp_sibling(dest, "backup")?;
        let result = (|| {
            let head = {
                let src = db::open_reader(self.path(), self.key())?;
                let mut dst = Connection::open_with_flags(
                    &tmp,
                    OpenFlags::SQLITE_OPEN_READ_WRITE
                        | OpenFlags::SQLITE_OPEN_CREATE
                        | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                db::quiet(&dst)?;
                dst.execute_batch(&self.key().pragma("key", Some(self.salt())))?;
                {
                    let backup = Backup::new(&src, &mut dst)?;
                    // All pages in one step: the source is read in one read transaction, a
                    // consistent snapshot, while writers go on appending to the WAL.
                    loop {
                        match backup.step(-1)? {
                            StepResult::Done => break,
                            StepResult::More => continue,
                            StepResult::Busy | StepResult::Locked => {
                                std::thread::sleep(std::time::Duration::from_millis(20));
                            }
                            _ => return Err(StoreError::Busy),
                        }
                    }
                }
                drop(src);
                check_connection(&dst)?;
                let head = audit::head(&dst)?;
                dst.close().map_err(|(_, e)| StoreError::from(e))?;
                head
            };
            fsutil::sync_file(&tmp)?;
            Keycheck::new(self.salt(), &[self.key()]).write(dest)?;
            fsutil::persist_noclobber(&tmp, dest)?;
            Ok(head)
        })();
        if result.is_err() {
            for f in [
                tmp.clone(),
                with_suffix(&tmp, "-wal"),
                with_suffix(&tmp, "-shm"),
            ] {
                let _ = fs::remove_file(f);
            }
        }
        result
    }

    /// Replaces the case file at `dest` with the backup at `src`, after checking the backup:
    /// the passphrase opens it, every page's HMAC and `integrity_check` pass, the audit chain
    /// verifies and the schema is not newer than this code. The backup is copied next to
    /// `dest`, checked there (so the bytes checked are the bytes installed), fsynced, and
    /// renamed over `dest`. A file already at `dest` is kept as `<dest>.before-restore` (with
    /// a number added when that name is taken), with its `-wal` and key check; nothing is
    /// deleted. The store at `dest` must be locked (closed) while this runs.
    pub fn restore(
        src: &Path,
        dest: &Path,
        passphrase: &Passphrase,
    ) -> Result<RestoreOutcome, StoreError> {
        if !fsutil::exists(src) {
            return Err(StoreError::NoDatabase);
        }
        let dir = parent_dir(dest);
        if !dir.is_dir() {
            return Err(StoreError::NoDatabase);
        }
        let tmp = fsutil::temp_sibling(dest, "restoring")?;
        let result = (|| {
            fs::copy(src, &tmp).map_err(StoreError::io("copy-backup"))?;
            let src_wal = with_suffix(src, "-wal");
            if fs::metadata(&src_wal).is_ok_and(|m| m.len() > 0) {
                fs::copy(&src_wal, with_suffix(&tmp, "-wal"))
                    .map_err(StoreError::io("copy-backup"))?;
            }
            // The key check of the copy is the backup's own sidecar, if it came with one.
            if let Some(k) = Keycheck::read(src) {
                k.write(&tmp)?;
            }
            let unlocked = db::unlock(&tmp, passphrase)?;
            let head = {
                let conn = open_for_check(&tmp, &unlocked.key)?;
                check_connection(&conn)?;
                let head = audit::head(&conn)?;
                // Fold any WAL into the file, so that the file alone is the whole backup.
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    r.get::<_, i64>(0)
                })?;
                conn.close().map_err(|(_, e)| StoreError::from(e))?;
                head
            };
            fsutil::sync_file(&tmp)?;
            let previous = set_aside(dest)?;
            Keycheck::new(&unlocked.salt, &[&unlocked.key]).write(dest)?;
            fs::rename(&tmp, dest).map_err(StoreError::io("rename"))?;
            fsutil::sync_dir(dir)?;
            Ok(RestoreOutcome {
                previous,
                audit_head: head,
            })
        })();
        for f in [
            tmp.clone(),
            with_suffix(&tmp, "-wal"),
            with_suffix(&tmp, "-shm"),
            keycheck::sidecar_path(&tmp),
        ] {
            let _ = fs::remove_file(f);
        }
        result
    }
}

/// Keeps the file at `dest` (and its `-wal`, `-shm` and key check) under a free
/// `.before-restore` name, by hard links so that `dest` itself never disappears, then removes
/// `dest`'s `-wal` and `-shm` so that they cannot be replayed into the restored file.
fn set_aside(dest: &Path) -> Result<Option<PathBuf>, StoreError> {
    if !fsutil::exists(dest) {
        return Ok(None);
    }
    let mut n = 1;
    let keep = loop {
        let candidate = if n == 1 {
            with_suffix(dest, ".before-restore")
        } else {
            with_suffix(dest, &format!(".before-restore-{n}"))
        };
        let taken = fsutil::exists(&candidate)
            || COMPANIONS
                .iter()
                .any(|s| fsutil::exists(&with_suffix(&candidate, s)));
        if !taken {
            break candidate;
        }
        n += 1;
    };
    for suffix in ["", "-wal", "-shm", ".keycheck"] {
        let from = with_suffix(dest, suffix);
        if !fsutil::exists(&from) {
            continue;
        }
        let to = with_suffix(&keep, suffix);
        if fs::hard_link(&from, &to).is_err() {
            // No hard links here (FAT): copy instead, so that `dest` stays in place.
            fs::copy(&from, &to).map_err(StoreError::io("keep-previous"))?;
            fsutil::sync_file(&to)?;
        }
    }
    fsutil::sync_dir(parent_dir(dest))?;
    for suffix in ["-wal", "-shm"] {
        let f = with_suffix(dest, suffix);
        if fsutil::exists(&f) {
            fs::remove_file(&f).map_err(StoreError::io("remove-old-wal"))?;
        }
    }
    Ok(Some(keep))
}
