-- 0002_notes_fts: the search index of notes, inside the encrypted database.
--
-- Migrations are append-only: once released, this file never changes.
--
-- An FTS5 table of normalized words, kept by dalil-search's notes API (index_note and
-- unindex_note) in the same transaction as every note that is written, edited or deleted,
-- so that the index never disagrees with the notes. The row id is the note id. The table is
-- contentless (content=''): it holds the index and the case id, and no copy of the text,
-- which stays in note_revisions only; contentless_delete lets a note be unindexed by id, and
-- FTS5's secure-delete option removes a deleted note's words from the index pages
-- themselves. This is dalil_search::notes::NOTES_FTS_SQL as it was when this migration was
-- written (a test checks that they still agree; a change there needs a new migration).
--
-- The notes that exist when this migration runs are indexed right after this SQL, in the
-- same transaction, by src/schema.rs (Followup::IndexNotes): their words are normalized in
-- Rust (dalil-normalize), which SQL cannot do.
CREATE VIRTUAL TABLE notes_fts USING fts5(
    stems, surface, case_id UNINDEXED,
    content = '', contentless_delete = 1, contentless_unindexed = 1,
    tokenize = 'ascii', prefix = '2 3'
);
INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);
