//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use dalil_content::Files;

/// The `tests/fixtures` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Reads a folder of content files, failing the test with the reason if it cannot.
pub fn read(dir: &Path) -> Files {
    match dalil_sop_files::read_dir(dir) {
        Ok(files) => files,
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    }
}

/// The good pack with a bad pack's files laid over it: files in `overlay` replace or add to
/// the good ones, and the paths listed in its `REMOVE` file are deleted.
pub fn overlay(overlay: &Path) -> Files {
    let mut files = read(&fixtures().join("good"));
    for (path, bytes) in read(overlay) {
        match path.as_str() {
            "REMOVE" => {
                for line in String::from_utf8_lossy(&bytes).lines() {
                    files.remove(line.trim());
                }
            }
            "expected.txt" | "README" => {}
            _ => {
                files.insert(path, bytes);
            }
        }
    }
    files
}

/// Writes the good pack with `overlay_dir` laid over it into a new temporary folder, for the
/// commands that read a real folder. The folder goes when the value is dropped.
pub fn materialize(overlay_dir: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, bytes) in overlay(overlay_dir) {
        let target = tmp.path().join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    tmp
}

/// Runs `dalil` in-process and returns its exit code, stdout and stderr.
pub fn dalil(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("dalil").chain(args.iter().copied());
    let code = dalil_cli::run(argv, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// Runs `dalil` in-process with its messages in `lang`, as `DALIL_LANG` would ask, without
/// changing the environment the other tests run in.
pub fn dalil_in(lang: dalil_content::Lang, args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("dalil").chain(args.iter().copied());
    let code = dalil_cli::run_with_lang(lang, argv, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// Compares `actual` with the file `expected`, or rewrites the file when `DALIL_BLESS` is set.
pub fn expect_file(expected: &Path, actual: &str) {
    if std::env::var_os("DALIL_BLESS").is_some() {
        if let Err(e) = std::fs::write(expected, actual) {
            panic!("cannot write {}: {e}", expected.display());
        }
        return;
    }
    let want = std::fs::read_to_string(expected).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run with DALIL_BLESS=1 to create it",
            expected.display()
        )
    });
    assert_eq!(
        want,
        actual,
        "{} differs; if the change is deliberate, run with DALIL_BLESS=1",
        expected.display()
    );
}

/// A small file system made for the test: a tmpfs of `size` (`"6m"`) mounted on a new
/// folder, unmounted when dropped. The same helper as the store's tests
/// (`crates/store/tests/store/common.rs`); this package cannot use that one.
///
/// These machines run the tests as root. Where mounting is impossible (no root, no tmpfs) the
/// test fails and names what is missing: it never passes without having filled a disk.
pub struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    pub fn new(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let status = std::process::Command::new("mount")
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
        use std::io::Write;
        let path = self.path().join("filler");
        let mut f = std::fs::File::create(&path).unwrap_or_else(|e| panic!("filler: {e}"));
        let chunk = vec![0x5au8; 64 << 10];
        loop {
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

    /// The names in the mounted folder, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|e| {
                e.unwrap_or_else(|e| panic!("{e}"))
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}
