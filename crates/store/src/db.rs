//! Opening SQLCipher connections: the key probe that writes nothing, the main connection and
//! its pragmas.
//!
//! Unlocking goes in this order, so that a wrong passphrase never writes a byte:
//!
//! 1. Read the 16-byte KDF salt at the start of the file (plain `std::fs`, read-only).
//! 2. Derive the key once (see [`crate::passphrase`]).
//! 3. Probe with a read-only connection keyed with the raw key, opened so that SQLite writes
//!    nothing: with `immutable=1` when there is neither a `-shm` nor WAL content (the file was
//!    closed cleanly, and the main file is the whole database); with `readonly_shm=1` when a
//!    `-shm` exists (a crash, or another process has the file open), so that SQLite can
//!    neither run WAL recovery into the `-shm` nor checkpoint or delete the `-wal` on close
//!    (checkpoint-on-close is off too). A `-wal` without its `-shm` cannot be read without
//!    writing a new `-shm`, so that rare case is probed on a private copy.
//! 4. Only when the probe reads the schema is the read-write connection opened.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{StoreError, from_io};
use crate::fsutil::{self, with_suffix};
use crate::keycheck;
use crate::passphrase::{DbKey, KDF_ITERATIONS, Passphrase, SALT_LEN};
use crate::schema::{self, SCHEMA_VERSION};

/// How long a statement waits for another process's lock before giving up with `Busy`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A file whose key is known to be right.
pub(crate) struct Unlocked {
    pub(crate) key: DbKey,
    pub(crate) salt: [u8; SALT_LEN],
}

/// What the probe saw.
struct ProbeInfo {
    user_version: u32,
    page_count: u64,
    page_size: u64,
}

pub(crate) enum ProbeError {
    /// SQLCipher could not decrypt the first page: wrong key or damage.
    NotADatabase,
    Other(StoreError),
}

impl From<rusqlite::Error> for ProbeError {
    fn from(e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) {
            ProbeError::NotADatabase
        } else {
            ProbeError::Other(e.into())
        }
    }
}

/// Silences SQLCipher's own log on stderr (it names page numbers only, but it is noise
/// around every wrong passphrase). The setting is process-wide.
pub(crate) fn quiet(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    Ok(())
}

/// Reads the KDF salt from the first bytes of the file; `None` when the file is shorter.
fn read_salt(path: &Path) -> Result<Option<[u8; SALT_LEN]>, StoreError> {
    let mut f = File::open(path).map_err(|e| open_error(&e))?;
    let mut salt = [0u8; SALT_LEN];
    let mut got = 0;
    while got < SALT_LEN {
        let n = f
            .read(&mut salt[got..])
            .map_err(StoreError::io("read-header"))?;
        if n == 0 {
            return Ok(None);
        }
        got += n;
    }
    Ok(Some(salt))
}

fn open_error(e: &std::io::Error) -> StoreError {
    if e.kind() == std::io::ErrorKind::NotFound {
        StoreError::NoDatabase
    } else {
        from_io("open", e)
    }
}

/// Checks the passphrase against the file without writing anything, and checks that the file
/// is one this code can open (not too new, not visibly truncated).
pub(crate) fn unlock(path: &Path, passphrase: &Passphrase) -> Result<Unlocked, StoreError> {
    if passphrase.is_empty() {
        return Err(StoreError::EmptyPassphrase);
    }
    let meta = fs::metadata(path).map_err(|e| open_error(&e))?;
    if !meta.is_file() {
        return Err(StoreError::NoDatabase);
    }
    // A file too short to hold the salt is damaged whatever the passphrase.
    let Some(salt) = read_salt(path)? else {
        return Err(StoreError::Damaged);
    };
    let key = DbKey::derive(passphrase, &salt, KDF_ITERATIONS)?;
    let info = match probe(path, &key) {
        Ok(info) => info,
        Err(ProbeError::NotADatabase) => {
            return Err(keycheck::judge_failure(path, passphrase, &salt, &key));
        }
        Err(ProbeError::Other(e)) => return Err(e),
    };
    if info.user_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: info.user_version,
            supported: SCHEMA_VERSION,
        });
    }
    check_length(path, &info)?;
    Ok(Unlocked { key, salt })
}

/// A file of whole pages, and (when no WAL holds newer pages) as long as its header says.
/// Truncation that removes only free pages is invisible to SQLite's own checks; this is not.
fn check_length(path: &Path, info: &ProbeInfo) -> Result<(), StoreError> {
    let len = fs::metadata(path).map_err(|e| open_error(&e))?.len();
    if info.page_size == 0 || len % info.page_size != 0 {
        return Err(StoreError::Damaged);
    }
    let wal_len = fs::metadata(with_suffix(path, "-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    if wal_len == 0 && len < info.page_count * info.page_size {
        return Err(StoreError::Damaged);
    }
    Ok(())
}

/// Encodes a path for an SQLite URI (`file:` + percent-encoding of all but unreserved bytes).
fn uri_path(path: &Path) -> Result<String, StoreError> {
    use std::os::unix::ffi::OsStrExt;
    let abs = std::path::absolute(path).map_err(StoreError::io("absolute-path"))?;
    let mut out = String::from("file:");
    for &b in abs.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Ok(out)
}

/// How the probe opens the file, by what lies beside it.
#[derive(Clone, Copy)]
enum ProbeMode {
    /// No `-shm` and no WAL content: nobody has the file open and the main file is the whole
    /// database, so it is read as immutable (no locks, no `-wal`, no `-shm`).
    Immutable,
    /// A `-shm` exists (another process has the file open, or one crashed): read through the
    /// WAL with the `-shm` opened read-only.
    ReadonlyShm,
    /// A plain read-only open, used on a private copy only.
    Plain,
}

fn probe(path: &Path, key: &DbKey) -> Result<ProbeInfo, ProbeError> {
    let wal_len = fs::metadata(with_suffix(path, "-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    if fsutil::exists(&with_suffix(path, "-shm")) {
        match probe_at(path, key, ProbeMode::ReadonlyShm) {
            // SQLite cannot always read through a `-shm` it may not write: a WAL that holds
            // only its header after a crash gives SQLITE_PROTOCOL, for one. The private copy
            // runs the recovery the original cannot.
            Err(ProbeError::Other(_)) => probe_copy(path, key),
            result => result,
        }
    } else if wal_len > 0 {
        probe_copy(path, key)
    } else {
        probe_at(path, key, ProbeMode::Immutable)
    }
}

fn probe_at(path: &Path, key: &DbKey, mode: ProbeMode) -> Result<ProbeInfo, ProbeError> {
    let mut uri = uri_path(path).map_err(ProbeError::Other)?;
    uri.push_str(match mode {
        ProbeMode::Immutable => "?mode=ro&immutable=1",
        ProbeMode::ReadonlyShm => "?mode=ro&readonly_shm=1",
        ProbeMode::Plain => "?mode=ro",
    });
    let conn = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| ProbeError::Other(e.into()))?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    quiet(&conn).map_err(ProbeError::Other)?;
    conn.execute_batch(&key.pragma("key", None))?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    let user_version = schema::user_version(&conn).map_err(ProbeError::Other)?;
    let page_count: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    // SQLCipher answers `PRAGMA page_size` itself, as text.
    let page_size: rusqlite::types::Value = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let page_size = match page_size {
        rusqlite::types::Value::Integer(n) => n,
        rusqlite::types::Value::Text(t) => t.parse().unwrap_or(0),
        _ => 0,
    };
    Ok(ProbeInfo {
        user_version,
        page_count: u64::try_from(page_count).unwrap_or(0),
        page_size: u64::try_from(page_size).unwrap_or(0),
    })
}

/// Probes a private copy of the file and its WAL (not its `-shm`), for the cases where reading
/// the original would write beside it.
fn probe_copy(path: &Path, key: &DbKey) -> Result<ProbeInfo, ProbeError> {
    let dir = fsutil::temp_sibling(path, "probe").map_err(ProbeError::Other)?;
    fs::create_dir(&dir).map_err(|e| ProbeError::Other(from_io("probe-copy", &e)))?;
    let result = (|| {
        let copy = dir.join("probe.db");
        fs::copy(path, &copy).map_err(|e| ProbeError::Other(from_io("probe-copy", &e)))?;
        let wal = with_suffix(path, "-wal");
        if fsutil::exists(&wal) {
            fs::copy(&wal, with_suffix(&copy, "-wal"))
                .map_err(|e| ProbeError::Other(from_io("probe-copy", &e)))?;
        }
        probe_at(&copy, key, ProbeMode::Plain)
    })();
    let _ = fs::remove_dir_all(&dir);
    result
}

/// Opens the read-write connection of an unlocked file and sets its pragmas. `NotADatabase`
/// here means the file changed key since the probe (a passphrase change in another process)
/// or is damaged: the caller asks the key check.
pub(crate) fn open_rw(path: &Path, key: &DbKey) -> Result<Connection, ProbeError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| ProbeError::Other(e.into()))?;
    apply_key(&conn, key, None)?;
    set_pragmas(&conn).map_err(ProbeError::Other)?;
    Ok(conn)
}

/// Opens a read-only connection of an unlocked file (for backups), reading a consistent
/// snapshot while other connections write.
pub(crate) fn open_reader(path: &Path, key: &DbKey) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    quiet(&conn)?;
    conn.execute_batch(&key.pragma("key", None))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(conn)
}

/// Keys a connection and sets the pragmas every read-write connection has (see
/// [`set_pragmas`]). `salt` is given only for a new file.
pub(crate) fn configure(
    conn: &Connection,
    key: &DbKey,
    salt: Option<&[u8; SALT_LEN]>,
) -> Result<(), StoreError> {
    apply_key(conn, key, salt).map_err(|e| match e {
        ProbeError::NotADatabase => StoreError::Damaged,
        ProbeError::Other(e) => e,
    })?;
    set_pragmas(conn)
}

/// Hands the raw key to SQLCipher and reads the schema, which fails with "not a database"
/// when the key is wrong.
fn apply_key(
    conn: &Connection,
    key: &DbKey,
    salt: Option<&[u8; SALT_LEN]>,
) -> Result<(), ProbeError> {
    quiet(conn).map_err(ProbeError::Other)?;
    conn.execute_batch(&key.pragma("key", salt))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(())
}

/// WAL with synchronous=FULL (a commit is on disk when it returns), secure_delete (freed
/// content is zeroed before it is encrypted), foreign keys, temporary tables in memory, and a
/// 32 MiB page cache: every page read from disk costs an AES decryption and an HMAC check, so
/// the cache saves more here than in plain SQLite.
fn set_pragmas(conn: &Connection) -> Result<(), StoreError> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::ReadOnly);
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -32768;",
    )?;
    Ok(())
}
