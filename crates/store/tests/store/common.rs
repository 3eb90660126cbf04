//! Helpers shared by the tests.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use dalil_store::{CaseId, CaseKind, NewCase, Passphrase, Store};

/// What every test returns.
pub type TestResult = Result<(), Box<dyn Error>>;

/// The passphrase of the test stores.
pub const PASS: &str = "correct horse battery staple";

pub fn pass() -> Passphrase {
    Passphrase::from(PASS)
}

pub fn tempdir() -> Result<tempfile::TempDir, Box<dyn Error>> {
    Ok(tempfile::Builder::new().prefix("dalil-store-").tempdir()?)
}

/// A new store at `<dir>/cases.db`.
pub fn new_store(dir: &Path) -> Result<(PathBuf, Store), Box<dyn Error>> {
    let path = dir.join("cases.db");
    let store = Store::create(&path, &pass())?;
    Ok((path, store))
}

pub fn new_case(reference: &str) -> NewCase {
    NewCase {
        reference: reference.into(),
        title: format!("title of {reference}"),
        kind: CaseKind::Undetermined,
        edition: dalil_store::Edition::new("dalil-reference-sop", "2024.1"),
    }
}

pub fn sample_case(store: &mut Store) -> Result<CaseId, Box<dyn Error>> {
    Ok(store.create_case(&new_case("BGD-2024-001"))?)
}

/// Every file in a folder (not recursive): its length and SHA-256.
pub fn snapshot(dir: &Path) -> Result<BTreeMap<String, (u64, String)>, Box<dyn Error>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            let bytes = fs::read(entry.path())?;
            out.insert(
                entry.file_name().to_string_lossy().into_owned(),
                (bytes.len() as u64, sha256_bytes(&bytes)),
            );
        }
    }
    Ok(out)
}

/// Every file in a folder (not recursive) and its bytes.
pub fn contents(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, Box<dyn Error>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            out.insert(
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path())?,
            );
        }
    }
    Ok(out)
}

/// A plain rusqlite connection keyed the stock SQLCipher way (`PRAGMA key = '<passphrase>'`),
/// as an attacker or a recovery tool holding the passphrase would open the file.
pub fn raw_conn(path: &Path, passphrase: &str) -> Result<rusqlite::Connection, Box<dyn Error>> {
    let conn = rusqlite::Connection::open(path)?;
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.pragma_update(None, "key", passphrase)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(conn)
}

/// The torture helper binary, with piped stdin and stdout.
pub fn torture(args: &[&str]) -> Result<Child, Box<dyn Error>> {
    Ok(Command::new(env!("CARGO_BIN_EXE_dalil-store-torture"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?)
}

/// The error code of a result, or "ok".
pub fn code<T>(r: &Result<T, dalil_store::StoreError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

/// Copies a store's file and key check into another folder.
pub fn copy_store(path: &Path, to_dir: &Path) -> Result<PathBuf, Box<dyn Error>> {
    let dest = to_dir.join("cases.db");
    fs::copy(path, &dest)?;
    let kc = with_suffix(path, ".keycheck");
    if kc.exists() {
        fs::copy(kc, with_suffix(&dest, ".keycheck"))?;
    }
    Ok(dest)
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

pub fn sha256_hex(text: &str) -> String {
    sha256_bytes(text.as_bytes())
}

pub fn sha256_bytes(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// A small file system made for the test: a tmpfs of `size` (`"6m"`) mounted on a new
/// folder, unmounted when dropped.
///
/// These machines run the tests as root. Where mounting is impossible (no root, no tmpfs) the
/// test fails and names what is missing: it never passes without having filled a disk.
pub struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    pub fn new(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status();
        match status {
            Ok(s) if s.success() => SmallDisk { dir },
            other => panic!(
                "the full-disk test mounts a {size} tmpfs and cannot ({other:?}): it needs root \
                 and tmpfs; it does not pass without having filled a disk"
            ),
        }
    }

    /// The mounted folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk with a file `filler` until the file system refuses more, then gives
    /// back `leave` bytes of it. Returns the filler's path.
    pub fn fill(&self, leave: u64) -> PathBuf {
        let path = self.path().join("filler");
        let mut f = fs::File::create(&path).unwrap_or_else(|e| panic!("filler: {e}"));
        let chunk = vec![0x5au8; 64 << 10];
        loop {
            use std::io::Write;
            match f.write(&chunk) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
                Err(e) => panic!("filler: {e}"),
            }
        }
        let len = f.metadata().map(|m| m.len()).unwrap_or(0);
        f.set_len(len.saturating_sub(leave))
            .unwrap_or_else(|e| panic!("filler: {e}"));
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
