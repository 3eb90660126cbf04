//! Helpers shared by the tests.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use dalil_content::{Lang, Sop};
use dalil_search::{SearchOptions, SearchResults, SopIndex};

/// The real SOP, loaded once.
pub fn sop() -> &'static Sop {
    static SOP: OnceLock<Sop> = OnceLock::new();
    SOP.get_or_init(|| {
        let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
        assert_eq!(
            dalil_content::error_count(&diagnostics),
            0,
            "the bundled SOP has problems"
        );
        sop
    })
}

/// The index of the real SOP, built once. It holds a SQLite connection, which one thread at
/// a time may use.
pub fn index() -> MutexGuard<'static, SopIndex> {
    static INDEX: OnceLock<Mutex<SopIndex>> = OnceLock::new();
    let index = INDEX.get_or_init(|| match SopIndex::build(sop()) {
        Ok(index) => Mutex::new(index),
        Err(e) => panic!("cannot index the SOP: {e}"),
    });
    index
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Searches the real SOP, failing the test on an error.
pub fn search(query: &str, lang: Option<Lang>, limit: usize) -> SearchResults {
    match index().search(query, &SearchOptions { lang, limit }) {
        Ok(results) => results,
        Err(e) => panic!("search failed: {e}"),
    }
}

/// The hits as `step@lang` (`chapter:id@lang` for a chapter's own text), best first.
pub fn ids(results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| match &h.step {
            Some(step) => format!("{step}@{}", h.lang),
            None => format!("chapter:{}@{}", h.chapter, h.lang),
        })
        .collect()
}

/// The folder of expected outputs.
pub fn expected(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/search/expected")
        .join(name)
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
