//! The search query parser (`dalil_search::Query`) and the search it drives.
//!
//! Beyond not panicking: a query that parses has at most `MAX_QUERY_WORDS` words, each
//! non-empty and free of anything FTS5 would read as syntax (quotes, operators' punctuation,
//! spaces, control characters), so that no user input reaches FTS5's query syntax; searching
//! the bundled SOP with it never fails; and every snippet, as HTML, holds only `<mark>`.
#![no_main]

use dalil_search::{MAX_QUERY_WORDS, Query, SearchOptions, SopIndex};
use libfuzzer_sys::fuzz_target;

thread_local! {
    // Built once: the index holds an SQLite connection, which is not `Sync`.
    static INDEX: SopIndex = {
        let (sop, _) = dalil_content::load(&dalil_sop_files::bundled());
        SopIndex::build(&sop).expect("the bundled SOP indexes")
    };
}

fn only_marks(html: &str) -> bool {
    html.replace("<mark>", "")
        .replace("</mark>", "")
        .find(['<', '>', '"'])
        .is_none()
}

fuzz_target!(|data: &[u8]| INDEX.with(|index| search(index, data)));

fn search(index: &SopIndex, data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(query) = Query::parse(input) else {
        return;
    };
    assert!(query.words().len() <= MAX_QUERY_WORDS);
    for w in query.words() {
        for s in [&w.norm, &w.folded] {
            assert!(!s.is_empty(), "an empty word in {input:?}");
            assert!(
                !s.chars().any(|c| c.is_whitespace()
                    || c.is_control()
                    || (c.is_ascii() && !c.is_ascii_alphanumeric())),
                "the word {s:?} of {input:?} holds a separator"
            );
        }
    }
    assert_eq!(query.is_empty(), query.words().is_empty());
    if query.is_empty() {
        assert!(!query.last_is_prefix());
    }
    let options = SearchOptions {
        lang: None,
        limit: 5,
    };
    let results = match index.search_query(&query, &options) {
        Ok(r) => r,
        Err(e) => panic!("searching for {input:?} failed: {e}"),
    };
    assert!(results.hits.len() <= options.limit);
    for hit in &results.hits {
        for h in [&hit.title, &hit.snippet] {
            let html = h.to_html();
            assert!(
                only_marks(&html),
                "a snippet of {input:?} holds markup: {html:?}"
            );
        }
    }
}
