//! The notes index: an FTS5 table that the case store keeps in its own encrypted database.
//!
//! This crate does not know the store. The store creates the table with [`NOTES_FTS_SQL`] in
//! one of its migrations, calls [`index_note`] and [`unindex_note`] inside the transaction
//! that writes or deletes the note, so that the index never disagrees with the notes, and
//! calls [`search_notes`] to find note ids. The table holds an index of normalized words
//! and no text; the note itself stays in the store's tables, and [`note_snippet`] marks the
//! matches in it.
//!
//! Notes are not expanded with glossary terms: this module does not know the SOP.

use rusqlite::{Connection, Transaction};

use crate::error::SearchError;
use crate::highlight::{self, Highlighted};
use crate::query::{Columns, Query};

/// The statements that create the notes table, for one of the store's migrations.
///
/// The row id is the note id; `stems` and `surface` hold the note's normalized and folded
/// words; `case_id` filters by case. The table is contentless (`content=''`): it keeps the
/// index and the case id, but no copy of the words, which stay in the store's own tables
/// only. `contentless_delete` lets a note be unindexed by id, and FTS5's `secure-delete`
/// option removes its words from the index pages themselves rather than marking them.
/// Needs SQLite 3.47 or later (the bundled SQLCipher has it).
pub const NOTES_FTS_SQL: &str = "CREATE VIRTUAL TABLE notes_fts USING fts5(
    stems, surface, case_id UNINDEXED,
    content = '', contentless_delete = 1, contentless_unindexed = 1,
    tokenize = 'ascii', prefix = '2 3'
);
INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);";

/// The columns of the MATCH expression.
const COLUMNS: Columns = Columns {
    stems: "{stems}",
    surface: "{surface}",
};

/// How [`search_notes`] orders the notes it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteOrder {
    /// Newest first: by note id, descending, as the store's ids grow with time. No match is
    /// scored, so this stays under a millisecond for most queries even over 100,000 notes:
    /// the order for search as you type.
    #[default]
    Newest,
    /// Best match first, by bm25. Every matching note is scored, so a word found in most
    /// notes costs milliseconds.
    Relevance,
}

/// What [`search_notes`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotesOptions {
    /// Only the notes of this case; `None` for every case.
    pub case_id: Option<i64>,
    /// The order of the hits.
    pub order: NoteOrder,
    /// The most hits.
    pub limit: usize,
}

impl Default for NotesOptions {
    fn default() -> Self {
        NotesOptions {
            case_id: None,
            order: NoteOrder::Newest,
            limit: crate::sop::DEFAULT_LIMIT,
        }
    }
}

/// A note that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteHit {
    /// The note id, as given to [`index_note`].
    pub note_id: i64,
    /// The case id, as given to [`index_note`].
    pub case_id: i64,
    /// With [`NoteOrder::Relevance`], the relevance: the negated bm25 rank, so higher is
    /// better. `None` with [`NoteOrder::Newest`].
    pub score: Option<f64>,
}

/// Indexes a note, replacing what was indexed for it before. Call it in the transaction
/// that writes the note.
///
/// # Errors
///
/// [`SearchError::Sqlite`] if the table is missing or SQLite fails.
pub fn index_note(
    tx: &Transaction<'_>,
    note_id: i64,
    case_id: i64,
    text: &str,
) -> Result<(), SearchError> {
    let mut stems = String::with_capacity(text.len());
    let mut surface = String::with_capacity(text.len());
    for t in dalil_normalize::tokens(text) {
        if !stems.is_empty() {
            stems.push(' ');
            surface.push(' ');
        }
        stems.push_str(&t.norm);
        surface.push_str(&t.folded);
    }
    tx.prepare_cached("DELETE FROM notes_fts WHERE rowid = ?1")?
        .execute([note_id])?;
    tx.prepare_cached(
        "INSERT INTO notes_fts (rowid, stems, surface, case_id) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(rusqlite::params![note_id, stems, surface, case_id])?;
    Ok(())
}

/// Removes a note from the index. Call it in the transaction that deletes the note. A note
/// that was never indexed is no error.
///
/// # Errors
///
/// [`SearchError::Sqlite`] if the table is missing or SQLite fails.
pub fn unindex_note(tx: &Transaction<'_>, note_id: i64) -> Result<(), SearchError> {
    tx.prepare_cached("DELETE FROM notes_fts WHERE rowid = ?1")?
        .execute([note_id])?;
    Ok(())
}

/// Merges the notes index into one b-tree, which makes queries faster after many writes.
/// FTS5 merges a little on every write anyway; the store may call this now and then, such as
/// when a case is closed or after an import, outside any transaction a user waits on.
///
/// # Errors
///
/// [`SearchError::Sqlite`] if the table is missing or SQLite fails.
pub fn optimize_notes(conn: &Connection) -> Result<(), SearchError> {
    conn.execute("INSERT INTO notes_fts (notes_fts) VALUES ('optimize')", [])?;
    Ok(())
}

/// The notes that match the query, in one case or in all, in the order and up to the limit
/// that `options` give.
///
/// # Errors
///
/// [`SearchError::Sqlite`] if the table is missing or SQLite fails; never because of what
/// the query holds.
pub fn search_notes(
    conn: &Connection,
    query: &Query,
    options: &NotesOptions,
) -> Result<Vec<NoteHit>, SearchError> {
    let Some(expr) = query.fts_expr(COLUMNS, &[]) else {
        return Ok(Vec::new());
    };
    let limit = i64::try_from(options.limit).unwrap_or(i64::MAX);
    let sql = match options.order {
        NoteOrder::Newest => {
            "SELECT rowid, case_id, NULL FROM notes_fts
             WHERE notes_fts MATCH ?1 AND (?2 IS NULL OR case_id = ?2)
             ORDER BY rowid DESC LIMIT ?3"
        }
        NoteOrder::Relevance => {
            "SELECT rowid, case_id, bm25(notes_fts, 1.0, 0.2) AS rank FROM notes_fts
             WHERE notes_fts MATCH ?1 AND (?2 IS NULL OR case_id = ?2)
             ORDER BY rank LIMIT ?3"
        }
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(rusqlite::params![expr, options.case_id, limit], |row| {
        Ok(NoteHit {
            note_id: row.get(0)?,
            case_id: row.get(1)?,
            score: row.get::<_, Option<f64>>(2)?.map(|rank| -rank),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A snippet of a note's text (which the caller holds) with the query's matches marked.
pub fn note_snippet(text: &str, query: &Query) -> Highlighted {
    let matcher = query.matcher(&[]);
    let (words, matched): (Vec<_>, Vec<_>) = dalil_normalize::tokens(text)
        .map(|t| {
            let m = matcher.matches(&t.norm, &t.folded);
            (t.range, m)
        })
        .unzip();
    highlight::snippet(text, &words, &matched)
}
