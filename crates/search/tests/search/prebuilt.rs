//! Issue 17: the search index the app loads at start from its cache (written by an earlier
//! start, `src-tauri/src/library.rs`) is the index a build at run time makes, byte for byte
//! and answer for answer.

use dalil_content::{Lang, Sop};
use dalil_search::{SearchOptions, SopIndex};

fn shipped() -> Sop {
    dalil_content::load(&dalil_sop_files::bundled()).0
}

const QUERIES: &[&str] = &[
    "interpreter",
    "interp",
    "child",
    "الضحيه",
    "مترجم",
    "طفل",
    "hawala",
    "حوالة",
    "consulate",
    "non-refoulement",
    "الاتجار بالبشر",
    "smuggling of migrants",
    "seal",
    "ختم",
];

#[test]
fn a_loaded_index_is_the_one_built_at_run_time() {
    let sop = shipped();
    let embedded = SopIndex::build(&sop)
        .and_then(|mut i| i.to_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let embedded = embedded.as_slice();
    let mut built = SopIndex::build(&sop).unwrap_or_else(|e| panic!("{e}"));
    // Two builds of the same SOP write the same bytes.
    let bytes = built.to_bytes().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes, embedded, "two builds differ");
    let built = SopIndex::build(&sop).unwrap_or_else(|e| panic!("{e}"));
    let mut loaded = SopIndex::from_bytes(embedded, &sop).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.len(), built.len());
    for q in QUERIES {
        for lang in [None, Some(Lang::Ar), Some(Lang::En)] {
            let options = SearchOptions {
                lang,
                ..SearchOptions::default()
            };
            let a = built.search(q, &options).unwrap_or_else(|e| panic!("{e}"));
            let b = loaded.search(q, &options).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(a, b, "{q} {lang:?}");
        }
    }
    // Written again, the loaded index is the same bytes.
    assert_eq!(
        loaded.to_bytes().unwrap_or_else(|e| panic!("{e}")),
        embedded
    );
}

#[test]
fn an_index_is_never_paired_with_another_sop_or_read_from_damaged_bytes() {
    let sop = shipped();
    let embedded = SopIndex::build(&sop)
        .and_then(|mut i| i.to_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let embedded = embedded.as_slice();
    // Another SOP: one chapter fewer.
    let mut other = sop.clone();
    other.chapters.pop();
    assert!(SopIndex::from_bytes(embedded, &other).is_err());
    // The same SOP with one text changed.
    let mut edited = sop.clone();
    if let Some(step) = edited.chapters[3].en.steps.first_mut() {
        step.title.push_str(" (edited)");
    }
    assert!(SopIndex::from_bytes(embedded, &edited).is_err());
    // Truncated, or with a byte changed in the header: refused, never a panic.
    for cut in [0, 10, embedded.len() / 2, embedded.len() - 1] {
        assert!(
            SopIndex::from_bytes(&embedded[..cut], &sop).is_err(),
            "{cut}"
        );
    }
    let mut bad = embedded.to_vec();
    bad[3] ^= 0xff;
    assert!(SopIndex::from_bytes(&bad, &sop).is_err());
}
