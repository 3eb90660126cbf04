//! The notes API, on a plain in-memory connection, as the case store would use it.

use dalil_search::notes::{
    NOTES_FTS_SQL, NoteOrder, NotesOptions, index_note, note_snippet, search_notes, unindex_note,
};
use dalil_search::{Query, SearchError};
use proptest::prelude::*;
use rusqlite::Connection;

/// A connection with the notes table and a few notes in two cases.
fn store() -> Result<Connection, SearchError> {
    let mut conn = Connection::open_in_memory()?;
    conn.execute_batch(NOTES_FTS_SQL)?;
    let tx = conn.transaction()?;
    index_note(
        &tx,
        1,
        10,
        "وصلت الضَّحِيَّة مع مترجمٍ من السفارة، وجواز سفرها محتجز لدى صاحب العمل.",
    )?;
    index_note(
        &tx,
        2,
        10,
        "The victim's passport is held by the employer; an interpreter was requested.",
    )?;
    index_note(&tx, 3, 20, "الاتجار بالأشخاص: دفعت ٢٠٠٠ دولار دينًا للمهرّب.")?;
    index_note(
        &tx,
        4,
        20,
        "Debt of 2000 dollars to the smuggler; <script>alert(1)</script>",
    )?;
    tx.commit()?;
    Ok(conn)
}

/// The ids of the notes found, in ascending order; both orders must find the same notes.
fn find(conn: &Connection, query: &str, case_id: Option<i64>) -> Vec<i64> {
    let query = Query::parse(query).unwrap_or_default();
    let mut found = Vec::new();
    for order in [NoteOrder::Newest, NoteOrder::Relevance] {
        let options = NotesOptions {
            case_id,
            order,
            limit: 10,
        };
        match search_notes(conn, &query, &options) {
            Ok(hits) => {
                let mut ids: Vec<i64> = hits.iter().map(|h| h.note_id).collect();
                ids.sort_unstable();
                found.push(ids);
            }
            Err(e) => panic!("search failed: {e}"),
        }
    }
    assert_eq!(found[0], found[1]);
    found.swap_remove(0)
}

#[test]
fn notes_are_found_by_normalized_words() -> Result<(), SearchError> {
    let conn = store()?;
    for q in ["الضحية", "الضحيه", "ضحيه", "الضـحية"] {
        assert_eq!(find(&conn, q, None), [1], "{q}");
    }
    for q in ["اتجار", "الاتجار", "والاتجار"] {
        assert_eq!(find(&conn, q, None), [3], "{q}");
    }
    assert_eq!(find(&conn, "2000", None), [3, 4]);
    assert_eq!(find(&conn, "٢٠٠٠", None), [3, 4]);
    assert_eq!(find(&conn, "Interpreters", None), [2]);
    assert_eq!(find(&conn, "passp", None), [2]);
    assert_eq!(find(&conn, "مترج", None), [1]);
    Ok(())
}

#[test]
fn the_table_keeps_no_copy_of_the_text() -> Result<(), SearchError> {
    let conn = store()?;
    let (stems, surface, case_id): (Option<String>, Option<String>, i64) = conn.query_row(
        "SELECT stems, surface, case_id FROM notes_fts WHERE rowid = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    assert_eq!((stems, surface, case_id), (None, None, 10));
    Ok(())
}

#[test]
fn a_case_filter_keeps_one_case() -> Result<(), SearchError> {
    let conn = store()?;
    assert_eq!(find(&conn, "2000", Some(20)), [3, 4]);
    assert_eq!(find(&conn, "2000", Some(10)), Vec::<i64>::new());
    let hits = search_notes(&conn, &Query::parse("passport")?, &NotesOptions::default())?;
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].note_id, hits[0].case_id), (2, 10));
    Ok(())
}

#[test]
fn newest_first_or_best_first() -> Result<(), SearchError> {
    let conn = store()?;
    let query = Query::parse("2000")?;
    let newest = search_notes(&conn, &query, &NotesOptions::default())?;
    let ids: Vec<i64> = newest.iter().map(|h| h.note_id).collect();
    assert_eq!(ids, [4, 3]);
    assert!(newest.iter().all(|h| h.score.is_none()));
    let options = NotesOptions {
        order: NoteOrder::Relevance,
        limit: 1,
        ..NotesOptions::default()
    };
    let best = search_notes(&conn, &query, &options)?;
    assert_eq!(best.len(), 1);
    assert!(best[0].score.is_some_and(f64::is_finite));
    Ok(())
}

#[test]
fn indexing_again_replaces_and_unindexing_removes() -> Result<(), SearchError> {
    let mut conn = store()?;
    let tx = conn.transaction()?;
    index_note(&tx, 2, 10, "Edited: nothing about documents any more.")?;
    unindex_note(&tx, 3)?;
    unindex_note(&tx, 99)?;
    tx.commit()?;
    assert_eq!(find(&conn, "passport", None), Vec::<i64>::new());
    assert_eq!(find(&conn, "edited", None), [2]);
    assert_eq!(find(&conn, "الاتجار", None), Vec::<i64>::new());
    assert_eq!(find(&conn, "2000", None), [4]);
    Ok(())
}

#[test]
fn unindexed_words_leave_the_index_for_good() -> Result<(), SearchError> {
    let mut conn = store()?;
    let count = |conn: &Connection| -> Result<i64, SearchError> {
        // The index's own term list, read through an fts5vocab table.
        Ok(conn.query_row(
            "SELECT count(*) FROM notes_vocab WHERE term = 'hussein'",
            [],
            |r| r.get(0),
        )?)
    };
    conn.execute_batch("CREATE VIRTUAL TABLE notes_vocab USING fts5vocab(notes_fts, 'row');")?;
    let tx = conn.transaction()?;
    index_note(&tx, 8, 10, "Hussein")?;
    tx.commit()?;
    assert_eq!(count(&conn)?, 1);
    let tx = conn.transaction()?;
    unindex_note(&tx, 8)?;
    tx.commit()?;
    assert_eq!(count(&conn)?, 0);
    // Secure delete is on: the words are removed from the index's pages, not only marked.
    let secure: i64 = conn.query_row(
        "SELECT v FROM notes_fts_config WHERE k = 'secure-delete'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(secure, 1);
    Ok(())
}

#[test]
fn a_rolled_back_transaction_leaves_the_index_as_it_was() -> Result<(), SearchError> {
    let mut conn = store()?;
    {
        let tx = conn.transaction()?;
        index_note(&tx, 5, 10, "a note that is never committed")?;
        unindex_note(&tx, 1)?;
        tx.rollback()?;
    }
    assert_eq!(find(&conn, "committed", None), Vec::<i64>::new());
    assert_eq!(find(&conn, "الضحية", None), [1]);
    Ok(())
}

#[test]
fn snippets_mark_the_original_text_and_escape_html() -> Result<(), SearchError> {
    let text = "Debt of 2000 dollars to the smuggler; <script>alert(1)</script>";
    let snippet = note_snippet(text, &Query::parse("debt smuggl")?);
    assert_eq!(
        snippet.to_html(),
        "<mark>Debt</mark> of 2000 dollars to the <mark>smuggler</mark>; &lt;script&gt;alert(1)&lt;/script&gt;"
    );
    let ar = "وصلت الضَّحِيَّة مع مترجمٍ";
    let snippet = note_snippet(ar, &Query::parse("الضحيه مترجم")?);
    assert_eq!(snippet.marked("[", "]"), "وصلت [الضَّحِيَّة] مع [مترجمٍ]");
    Ok(())
}

#[test]
fn an_empty_query_finds_nothing() -> Result<(), SearchError> {
    let conn = store()?;
    assert!(search_notes(&conn, &Query::parse("\"*^")?, &NotesOptions::default())?.is_empty());
    Ok(())
}

#[test]
fn a_missing_table_is_an_sqlite_error_not_a_panic() -> Result<(), SearchError> {
    let conn = Connection::open_in_memory()?;
    assert!(matches!(
        search_notes(&conn, &Query::parse("x")?, &NotesOptions::default()),
        Err(SearchError::Sqlite(_))
    ));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_query_on_notes_gives_results_or_a_typed_error(query in any::<String>()) {
        let conn = store().map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Ok(query) = Query::parse(&query) {
            for order in [NoteOrder::Newest, NoteOrder::Relevance] {
                let options = NotesOptions { order, ..NotesOptions::default() };
                let result = search_notes(&conn, &query, &options);
                prop_assert!(result.is_ok(), "{:?}", result.err());
            }
        }
    }

    #[test]
    fn any_note_text_can_be_indexed_and_found(text in "\\PC{0,200}") {
        let mut conn = store().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let tx = conn.transaction().map_err(|e| TestCaseError::fail(e.to_string()))?;
        index_note(&tx, 7, 30, &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        tx.commit().map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Every word of the note finds it.
        for word in dalil_normalize::tokens(&text).take(5) {
            let found = find(&conn, word.text, Some(30));
            prop_assert!(found.contains(&7), "{}", word.text);
        }
    }
}
