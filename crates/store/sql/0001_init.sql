-- 0001_init: the first schema of the Dalil case store.
--
-- Migrations are append-only: once released, this file never changes. A later change is a new
-- file, sql/0002_<name>.sql, listed in src/schema.rs. PRAGMA user_version holds the number of
-- the last migration applied.

-- One row per case. `id` is internal; `reference` is the officer's own case number. Cases are
-- never deleted, so a plain INTEGER PRIMARY KEY never reuses an id (AUTOINCREMENT would cost a
-- write to sqlite_sequence on every insert for nothing).
CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL
                CHECK (kind IN ('trafficking', 'smuggling', 'both', 'undetermined')),
    status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    sop_edition TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    closed_at   TEXT
) STRICT;

-- Answers to the SOP manifest's questions: fact id -> value ("yes"/"no", or a choice id).
-- The content layer validates them; the store does not know the SOP.
CREATE TABLE case_facts (
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    fact_id    TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, fact_id)
) STRICT, WITHOUT ROWID;

-- The state of each checklist step of a case. Rows are never deleted, even when a step stops
-- applying or a newer SOP edition retires it: the checklist is derived by the caller.
CREATE TABLE step_states (
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    step_id    TEXT NOT NULL,
    state      TEXT NOT NULL
               CHECK (state IN ('pending', 'done', 'not-applicable', 'blocked')),
    reason     TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, step_id),
    CHECK ((state IN ('not-applicable', 'blocked')) = (reason IS NOT NULL))
) STRICT, WITHOUT ROWID;

-- A note is about a subject inside a case, named generically by (subject_kind, subject_id):
-- ('case', '') for the case itself and ('step', <step id>) for a step. Evidence items, offence
-- elements or attachments become new subject kinds without a change to this table. Notes are
-- never deleted (a deletion is a tombstone revision), so ids are never reused.
CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    deleted_at   TEXT
) STRICT;

CREATE INDEX notes_by_case ON notes (case_id, id);

-- Every revision of every note. An edit adds a revision; a delete adds a tombstone (body NULL).
CREATE TABLE note_revisions (
    note_id    INTEGER NOT NULL REFERENCES notes (id),
    revision   INTEGER NOT NULL,
    body       TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (note_id, revision)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER note_revisions_no_update BEFORE UPDATE ON note_revisions
BEGIN
    SELECT RAISE(ABORT, 'note revisions are append-only');
END;

CREATE TRIGGER note_revisions_no_delete BEFORE DELETE ON note_revisions
BEGIN
    SELECT RAISE(ABORT, 'note revisions are append-only');
END;

-- At most one uncommitted draft per (case, subject), kept so that text being typed survives a
-- crash. Committing a note deletes the matching draft in the same transaction.
CREATE TABLE drafts (
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    body         TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (case_id, subject_kind, subject_id)
) STRICT, WITHOUT ROWID;

-- The append-only, hash-chained audit log. `digest` is SHA-256 of the changed content, never
-- the content. `hash` = SHA-256(previous hash || canonical record); see src/audit.rs.
-- An entity is named generically by (entity_kind, entity_id); case_id is NULL for store-wide
-- events.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_kind TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    case_id     INTEGER,
    digest      BLOB NOT NULL,
    hash        BLOB NOT NULL
) STRICT;

CREATE INDEX audit_by_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The chain head, updated in the same transaction as each append, so that dropping the tail of
-- the log is visible: the head would name an entry that is no longer there.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash BLOB NOT NULL
) STRICT;

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, zeroblob(32));
