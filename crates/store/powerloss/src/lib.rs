//! A pass-through SQLite VFS that records what reaches the disk, for the store's power-loss
//! test.
//!
//! SIGKILL leaves the kernel's page cache intact; a power cut loses every write that was not
//! synced. To test the store against that, [`install`] registers a VFS named `powerloss` as
//! the process's default. It wraps the stock unix VFS: every call goes through to the real
//! file, unchanged. While a [`Recording`] of a folder is running, each write (offset and
//! bytes), truncation, `xSync` and deletion of a file directly in that folder is also logged,
//! in order, as an [`Event`]. So are changes to named "side" files that the store writes
//! without SQLite (its key check): their content is read again at each event, so the log
//! shows where, between SQLite's own calls, each of them changed.
//!
//! From the log, a test can rebuild every file as it would be after a power cut at any point
//! (see the store's `tests/store/powerloss.rs`). This crate only records; it decides nothing.
//!
//! The `-shm` file is written through `mmap`, not `xWrite`, so it is not in the log: it holds
//! no durable data (SQLite rebuilds it from the WAL), and the test models it separately.
//!
//! The workspace forbids unsafe code; this crate is the one exception, because a VFS is called
//! from C with raw pointers. It is a dev-dependency of the store and nothing else.

use std::ffi::{CStr, OsStr, c_char, c_int, c_void};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, OnceLock};

use rusqlite::ffi;

/// The name the VFS is registered under.
pub const VFS_NAME: &CStr = c"powerloss";

/// One thing that happened to a file of a recorded folder, named by its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// SQLite opened a file that did not exist, and so created it (empty).
    Create {
        /// The file's name in the folder.
        file: String,
    },
    /// `len(data)` bytes were written at `offset` (into the page cache, not yet durable).
    Write {
        /// The file's name in the folder.
        file: String,
        /// Where the write starts.
        offset: u64,
        /// What was written.
        data: Vec<u8>,
    },
    /// The file was truncated (or extended) to `size` bytes.
    Truncate {
        /// The file's name in the folder.
        file: String,
        /// The new length.
        size: u64,
    },
    /// `xSync` returned: everything written to the file before it is durable.
    Sync {
        /// The file's name in the folder.
        file: String,
    },
    /// The file was deleted; `dir_sync` when SQLite also synced the folder, which makes the
    /// deletion itself durable.
    Delete {
        /// The file's name in the folder.
        file: String,
        /// Whether the folder was synced after the unlink.
        dir_sync: bool,
    },
    /// A side file (written outside SQLite) has this content now, or is gone (`None`).
    Side {
        /// The file's name in the folder.
        file: String,
        /// Its whole content.
        content: Option<Vec<u8>>,
    },
}

impl Event {
    /// The name of the file the event is about.
    pub fn file(&self) -> &str {
        match self {
            Event::Create { file }
            | Event::Write { file, .. }
            | Event::Truncate { file, .. }
            | Event::Sync { file }
            | Event::Delete { file, .. }
            | Event::Side { file, .. } => file,
        }
    }
}

/// The log of one recorded folder.
struct Recorder {
    dir: PathBuf,
    /// Side files and the content last logged for each.
    side: Vec<(String, Option<Vec<u8>>)>,
    events: Vec<Event>,
}

impl Recorder {
    /// Logs side files whose content changed since they were last logged.
    fn refresh_side(&mut self) {
        for (name, last) in &mut self.side {
            let now = std::fs::read(self.dir.join(&*name)).ok();
            if *last != now {
                self.events.push(Event::Side {
                    file: name.clone(),
                    content: now.clone(),
                });
                *last = now;
            }
        }
    }
}

/// Every folder being recorded. A plain list: there are one or two at a time.
static RECORDERS: Mutex<Vec<Recorder>> = Mutex::new(Vec::new());

fn recorders() -> MutexGuard<'static, Vec<Recorder>> {
    // A panic elsewhere while the lock was held leaves a log that is still well formed.
    RECORDERS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Logs an event about `path` if its folder is being recorded.
fn record(path: &Path, event: impl FnOnce(String) -> Event) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let mut all = recorders();
    if let Some(rec) = all.iter_mut().find(|r| r.dir == dir) {
        rec.refresh_side();
        rec.events.push(event(name.to_string_lossy().into_owned()));
    }
}

/// A running recording of one folder. Dropping it ends the recording.
#[derive(Debug)]
pub struct Recording {
    dir: PathBuf,
}

impl Recording {
    /// Starts logging the files directly in `dir` (the VFS must be [`install`]ed, and the
    /// files opened through it, which the default VFS is). `side_files` are names of files in
    /// `dir` that the program writes without SQLite; their content now is the starting point,
    /// and each change is logged as an [`Event::Side`].
    pub fn start(dir: &Path, side_files: &[&str]) -> std::io::Result<Recording> {
        install();
        let dir = dir.canonicalize()?;
        let side = side_files
            .iter()
            .map(|name| ((*name).to_owned(), std::fs::read(dir.join(name)).ok()))
            .collect();
        let mut all = recorders();
        if all.iter().any(|r| r.dir == dir) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "this folder is already being recorded",
            ));
        }
        all.push(Recorder {
            dir: dir.clone(),
            side,
            events: Vec::new(),
        });
        Ok(Recording { dir })
    }

    /// How many events are logged so far, after logging any change of a side file: the
    /// position, in the log, of "now".
    pub fn position(&self) -> usize {
        let mut all = recorders();
        match all.iter_mut().find(|r| r.dir == self.dir) {
            Some(rec) => {
                rec.refresh_side();
                rec.events.len()
            }
            None => 0,
        }
    }

    /// Ends the recording and returns its log.
    pub fn finish(self) -> Vec<Event> {
        let mut all = recorders();
        match all.iter().position(|r| r.dir == self.dir) {
            Some(i) => {
                let mut rec = all.remove(i);
                rec.refresh_side();
                rec.events
            }
            None => Vec::new(),
        }
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        recorders().retain(|r| r.dir != self.dir);
    }
}

// ----- the VFS -----

/// The VFS this one wraps (the default one before [`install`]). SQLite never frees a
/// registered VFS, so the pointer stays valid for the life of the process.
struct RealVfs(*mut ffi::sqlite3_vfs);

// SAFETY: the pointer is to SQLite's own static VFS, which SQLite uses from any thread.
unsafe impl Send for RealVfs {}
// SAFETY: as above; the struct is never written after registration.
unsafe impl Sync for RealVfs {}

static REAL: OnceLock<RealVfs> = OnceLock::new();
static INSTALL: Once = Once::new();

fn real_vfs() -> *mut ffi::sqlite3_vfs {
    REAL.get().map_or(std::ptr::null_mut(), |r| r.0)
}

/// Registers the `powerloss` VFS as the process's default, wrapping the default VFS found
/// then. Idempotent. Panics if SQLite has no default VFS or refuses the registration, which
/// would be a broken build of SQLite.
pub fn install() {
    INSTALL.call_once(|| {
        // SAFETY: a null name asks SQLite for the default VFS; it initializes itself first.
        let real = unsafe { ffi::sqlite3_vfs_find(std::ptr::null()) };
        assert!(!real.is_null(), "SQLite has no default VFS");
        let _ = REAL.set(RealVfs(real));
        // SAFETY: `real` is a valid, registered VFS; copying it takes every method we do not
        // replace (xAccess, xFullPathname, xRandomness, ...), which the unix VFS implements
        // without looking at the VFS pointer it is given beyond the fields copied here.
        let mut vfs: ffi::sqlite3_vfs = unsafe { *real };
        vfs.szOsFile += HEADER as c_int;
        vfs.pNext = std::ptr::null_mut();
        vfs.zName = VFS_NAME.as_ptr();
        vfs.xOpen = Some(x_open);
        vfs.xDelete = Some(x_delete);
        let vfs = Box::leak(Box::new(vfs));
        // SAFETY: `vfs` is leaked, so it outlives every connection, as SQLite requires.
        let rc = unsafe { ffi::sqlite3_vfs_register(vfs, 1) };
        assert_eq!(rc, ffi::SQLITE_OK, "SQLite refused the powerloss VFS");
    });
}

/// Our file handle: SQLite's base, the path, then the real VFS's handle at `HEADER` bytes.
#[repr(C)]
struct ShimFile {
    base: ffi::sqlite3_file,
    /// From `Box::into_raw`, or null for a file without a name (a temporary file).
    path: *mut PathBuf,
}

/// Where the real handle starts: our header, rounded up to SQLite's 8-byte alignment.
const HEADER: usize = std::mem::size_of::<ShimFile>().div_ceil(8) * 8;

/// The real VFS's handle inside ours.
///
/// # Safety
/// `f` must be a handle that SQLite allocated with our `szOsFile`.
unsafe fn real_file(f: *mut ffi::sqlite3_file) -> *mut ffi::sqlite3_file {
    // SAFETY: the allocation is `HEADER` bytes longer than the real VFS's handle.
    unsafe { f.cast::<u8>().add(HEADER).cast() }
}

/// The real file's methods.
///
/// # Safety
/// `f` must be an open handle of ours (its real file opened, with methods).
unsafe fn methods(f: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
    // SAFETY: an open real file has a pointer to its VFS's static methods.
    unsafe { &*(*real_file(f)).pMethods }
}

/// The real file's methods when they are of at least `version` (2 adds the shared-memory
/// methods, 3 the memory-mapped ones): fields past a shorter version must not be read.
///
/// # Safety
/// As for [`methods`].
unsafe fn methods_v(
    f: *mut ffi::sqlite3_file,
    version: c_int,
) -> Option<&'static ffi::sqlite3_io_methods> {
    // SAFETY: as for `methods`.
    let m = unsafe { methods(f) };
    (m.iVersion >= version).then_some(m)
}

/// The path of one of our handles, if it has one.
///
/// # Safety
/// `f` must be an open handle of ours.
unsafe fn path_of<'a>(f: *mut ffi::sqlite3_file) -> Option<&'a Path> {
    // SAFETY: `path` is null or a live box owned by the handle until `x_close`.
    unsafe { (*f.cast::<ShimFile>()).path.as_ref().map(PathBuf::as_path) }
}

/// # Safety
/// `name` must be null or a nul-terminated string.
unsafe fn path_from(name: *const c_char) -> Option<PathBuf> {
    if name.is_null() {
        return None;
    }
    // SAFETY: SQLite passes nul-terminated names.
    let bytes = unsafe { CStr::from_ptr(name) }.to_bytes();
    Some(PathBuf::from(OsStr::from_bytes(bytes)))
}

static METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
    iVersion: 3,
    xClose: Some(x_close),
    xRead: Some(x_read),
    xWrite: Some(x_write),
    xTruncate: Some(x_truncate),
    xSync: Some(x_sync),
    xFileSize: Some(x_file_size),
    xLock: Some(x_lock),
    xUnlock: Some(x_unlock),
    xCheckReservedLock: Some(x_check_reserved_lock),
    xFileControl: Some(x_file_control),
    xSectorSize: Some(x_sector_size),
    xDeviceCharacteristics: Some(x_device_characteristics),
    xShmMap: Some(x_shm_map),
    xShmLock: Some(x_shm_lock),
    xShmBarrier: Some(x_shm_barrier),
    xShmUnmap: Some(x_shm_unmap),
    xFetch: Some(x_fetch),
    xUnfetch: Some(x_unfetch),
};

unsafe extern "C" fn x_open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let real = real_vfs();
    let shim = file.cast::<ShimFile>();
    // SAFETY: SQLite hands us `szOsFile` zeroed bytes for `file`; `name` is null or a
    // nul-terminated name (with URI parameters after it, which we pass on untouched).
    unsafe {
        (*shim).base.pMethods = std::ptr::null();
        (*shim).path = std::ptr::null_mut();
        let path = path_from(name);
        let existed = path
            .as_deref()
            .is_some_and(|p| p.symlink_metadata().is_ok());
        let Some(open) = (*real).xOpen else {
            return ffi::SQLITE_CANTOPEN;
        };
        let rc = open(real, name, real_file(file), flags, out_flags);
        // SQLite calls xClose whenever pMethods is set, even after a failed open, so ours is
        // set exactly when the real one is.
        if !(*real_file(file)).pMethods.is_null() {
            (*shim).base.pMethods = &METHODS;
            if let Some(path) = path {
                if rc == ffi::SQLITE_OK && !existed && flags & ffi::SQLITE_OPEN_CREATE != 0 {
                    record(&path, |file| Event::Create { file });
                }
                (*shim).path = Box::into_raw(Box::new(path));
            }
        }
        rc
    }
}

unsafe extern "C" fn x_delete(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    sync_dir: c_int,
) -> c_int {
    let real = real_vfs();
    // SAFETY: `real` is the registered real VFS; `name` is SQLite's nul-terminated name.
    unsafe {
        let Some(delete) = (*real).xDelete else {
            return ffi::SQLITE_IOERR_DELETE;
        };
        let rc = delete(real, name, sync_dir);
        if rc == ffi::SQLITE_OK {
            if let Some(path) = path_from(name) {
                record(&path, |file| Event::Delete {
                    file,
                    dir_sync: sync_dir != 0,
                });
            }
        }
        rc
    }
}

unsafe extern "C" fn x_close(f: *mut ffi::sqlite3_file) -> c_int {
    // SAFETY: SQLite closes each handle it opened once; the box is freed here only.
    unsafe {
        let rc = match methods(f).xClose {
            Some(close) => close(real_file(f)),
            None => ffi::SQLITE_OK,
        };
        let shim = f.cast::<ShimFile>();
        if !(*shim).path.is_null() {
            drop(Box::from_raw((*shim).path));
            (*shim).path = std::ptr::null_mut();
        }
        rc
    }
}

unsafe extern "C" fn x_read(
    f: *mut ffi::sqlite3_file,
    buf: *mut c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    // SAFETY: forwarded as given to the real file.
    unsafe {
        match methods(f).xRead {
            Some(read) => read(real_file(f), buf, amount, offset),
            None => ffi::SQLITE_IOERR_READ,
        }
    }
}

unsafe extern "C" fn x_write(
    f: *mut ffi::sqlite3_file,
    buf: *const c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    // SAFETY: forwarded as given; `buf` holds `amount` bytes, as SQLite promises.
    unsafe {
        let Some(write) = methods(f).xWrite else {
            return ffi::SQLITE_IOERR_WRITE;
        };
        let rc = write(real_file(f), buf, amount, offset);
        if rc == ffi::SQLITE_OK {
            if let Some(path) = path_of(f) {
                let len = usize::try_from(amount).unwrap_or(0);
                let data = std::slice::from_raw_parts(buf.cast::<u8>(), len);
                // Copied only when the file's folder is being recorded.
                record(path, |file| Event::Write {
                    file,
                    offset: u64::try_from(offset).unwrap_or(0),
                    data: data.to_vec(),
                });
            }
        }
        rc
    }
}

unsafe extern "C" fn x_truncate(f: *mut ffi::sqlite3_file, size: ffi::sqlite3_int64) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        let Some(truncate) = methods(f).xTruncate else {
            return ffi::SQLITE_IOERR_TRUNCATE;
        };
        let rc = truncate(real_file(f), size);
        if rc == ffi::SQLITE_OK {
            if let Some(path) = path_of(f) {
                record(path, |file| Event::Truncate {
                    file,
                    size: u64::try_from(size).unwrap_or(0),
                });
            }
        }
        rc
    }
}

unsafe extern "C" fn x_sync(f: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        let Some(sync) = methods(f).xSync else {
            return ffi::SQLITE_IOERR_FSYNC;
        };
        let rc = sync(real_file(f), flags);
        if rc == ffi::SQLITE_OK {
            if let Some(path) = path_of(f) {
                record(path, |file| Event::Sync { file });
            }
        }
        rc
    }
}

unsafe extern "C" fn x_file_size(
    f: *mut ffi::sqlite3_file,
    size: *mut ffi::sqlite3_int64,
) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods(f).xFileSize {
            Some(m) => m(real_file(f), size),
            None => ffi::SQLITE_IOERR_FSTAT,
        }
    }
}

unsafe extern "C" fn x_lock(f: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods(f).xLock {
            Some(m) => m(real_file(f), level),
            None => ffi::SQLITE_IOERR_LOCK,
        }
    }
}

unsafe extern "C" fn x_unlock(f: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods(f).xUnlock {
            Some(m) => m(real_file(f), level),
            None => ffi::SQLITE_IOERR_UNLOCK,
        }
    }
}

unsafe extern "C" fn x_check_reserved_lock(f: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods(f).xCheckReservedLock {
            Some(m) => m(real_file(f), out),
            None => ffi::SQLITE_IOERR_CHECKRESERVEDLOCK,
        }
    }
}

unsafe extern "C" fn x_file_control(
    f: *mut ffi::sqlite3_file,
    op: c_int,
    arg: *mut c_void,
) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods(f).xFileControl {
            Some(m) => m(real_file(f), op, arg),
            None => ffi::SQLITE_NOTFOUND,
        }
    }
}

unsafe extern "C" fn x_sector_size(f: *mut ffi::sqlite3_file) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods(f).xSectorSize {
            Some(m) => m(real_file(f)),
            None => 4096,
        }
    }
}

unsafe extern "C" fn x_device_characteristics(f: *mut ffi::sqlite3_file) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods(f).xDeviceCharacteristics {
            Some(m) => m(real_file(f)),
            None => 0,
        }
    }
}

unsafe extern "C" fn x_shm_map(
    f: *mut ffi::sqlite3_file,
    page: c_int,
    page_size: c_int,
    extend: c_int,
    out: *mut *mut c_void,
) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods_v(f, 2).and_then(|m| m.xShmMap) {
            Some(m) => m(real_file(f), page, page_size, extend, out),
            None => ffi::SQLITE_IOERR_SHMMAP,
        }
    }
}

unsafe extern "C" fn x_shm_lock(
    f: *mut ffi::sqlite3_file,
    offset: c_int,
    n: c_int,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods_v(f, 2).and_then(|m| m.xShmLock) {
            Some(m) => m(real_file(f), offset, n, flags),
            None => ffi::SQLITE_IOERR_SHMLOCK,
        }
    }
}

unsafe extern "C" fn x_shm_barrier(f: *mut ffi::sqlite3_file) {
    // SAFETY: forwarded as given.
    unsafe {
        if let Some(m) = methods_v(f, 2).and_then(|m| m.xShmBarrier) {
            m(real_file(f));
        }
    }
}

unsafe extern "C" fn x_shm_unmap(f: *mut ffi::sqlite3_file, delete: c_int) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods_v(f, 2).and_then(|m| m.xShmUnmap) {
            Some(m) => m(real_file(f), delete),
            None => ffi::SQLITE_OK,
        }
    }
}

unsafe extern "C" fn x_fetch(
    f: *mut ffi::sqlite3_file,
    offset: ffi::sqlite3_int64,
    amount: c_int,
    out: *mut *mut c_void,
) -> c_int {
    // SAFETY: forwarded as given. Pages read through a mapping are still written with
    // xWrite, so nothing escapes the log.
    unsafe {
        match methods_v(f, 3).and_then(|m| m.xFetch) {
            Some(m) => m(real_file(f), offset, amount, out),
            None => {
                *out = std::ptr::null_mut();
                ffi::SQLITE_OK
            }
        }
    }
}

unsafe extern "C" fn x_unfetch(
    f: *mut ffi::sqlite3_file,
    offset: ffi::sqlite3_int64,
    p: *mut c_void,
) -> c_int {
    // SAFETY: forwarded as given.
    unsafe {
        match methods_v(f, 3).and_then(|m| m.xUnfetch) {
            Some(m) => m(real_file(f), offset, p),
            None => ffi::SQLITE_OK,
        }
    }
}
