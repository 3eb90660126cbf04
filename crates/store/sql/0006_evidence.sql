-- 0006_evidence: the evidence register with its chain of custody, file attachments, and the
-- offence elements of a case.
--
-- Migrations are append-only: once released, this file never changes.
--
-- The store does not know the SOP: an element is an id to it, declared by the SOP's
-- elements.toml and checked by the case layer.

-- One row per exhibit. `number` is the exhibit's number within its case, 1, 2, 3 … given by
-- the store. An exhibit, once registered, is never edited or deleted: what happens to it
-- later is its custody record, and a mistake is corrected there.
CREATE TABLE exhibits (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases (id),
    number        INTEGER NOT NULL CHECK (number > 0),
    description   TEXT NOT NULL CHECK (description <> ''),
    kind          TEXT NOT NULL
                  CHECK (kind IN ('document', 'phone', 'ledger', 'transfer-receipt',
                                  'photograph', 'digital-image', 'other')),
    seized_at     TEXT NOT NULL CHECK (seized_at <> ''),
    seized_where  TEXT NOT NULL CHECK (seized_where <> ''),
    seized_by     TEXT NOT NULL CHECK (seized_by <> ''),
    authorisation TEXT,
    seal          TEXT,
    created_at    TEXT NOT NULL,
    UNIQUE (case_id, number)
) STRICT;

CREATE TRIGGER exhibits_no_update BEFORE UPDATE ON exhibits
BEGIN
    SELECT RAISE(ABORT, 'exhibits are append-only');
END;

CREATE TRIGGER exhibits_no_delete BEFORE DELETE ON exhibits
BEGIN
    SELECT RAISE(ABORT, 'exhibits are append-only');
END;

-- The chain of custody: every hand-over, seal check, transfer to a laboratory and return, in
-- order (`seq` 1, 2, 3 … per exhibit). `at` is when it happened, as the officer gives it;
-- `recorded_at` when it was written. An entry is never edited: a correction is a new entry
-- whose `corrects` names the one it corrects.
CREATE TABLE custody_entries (
    exhibit_id  INTEGER NOT NULL REFERENCES exhibits (id),
    seq         INTEGER NOT NULL CHECK (seq > 0),
    event       TEXT NOT NULL
                CHECK (event IN ('handover', 'seal-check', 'to-lab', 'from-lab', 'correction')),
    at          TEXT NOT NULL CHECK (at <> ''),
    from_party  TEXT NOT NULL CHECK (from_party <> ''),
    to_party    TEXT NOT NULL CHECK (to_party <> ''),
    purpose     TEXT NOT NULL CHECK (purpose <> ''),
    seal_intact INTEGER NOT NULL CHECK (seal_intact IN (0, 1)),
    corrects    INTEGER CHECK (corrects IS NULL OR (corrects > 0 AND corrects < seq)),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (exhibit_id, seq),
    CHECK ((event = 'correction') = (corrects IS NOT NULL))
) STRICT, WITHOUT ROWID;

CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody_entries
BEGIN
    SELECT RAISE(ABORT, 'the custody record is append-only');
END;

CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody_entries
BEGIN
    SELECT RAISE(ABORT, 'the custody record is append-only');
END;

-- A file attached to an exhibit: its name (without the folder), size and SHA-256, and,
-- when `stored` is 1, its bytes in `attachment_chunks`, inside this encrypted file.
CREATE TABLE attachments (
    id         INTEGER PRIMARY KEY,
    exhibit_id INTEGER NOT NULL REFERENCES exhibits (id),
    name       TEXT NOT NULL CHECK (name <> ''),
    size       INTEGER NOT NULL CHECK (size > 0),
    sha256     BLOB NOT NULL CHECK (length(sha256) = 32),
    stored     INTEGER NOT NULL CHECK (stored IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX attachments_by_exhibit ON attachments (exhibit_id, id);

-- A rowid table, not WITHOUT ROWID: its rows are 1 MiB blobs, and SQLite keeps a WITHOUT
-- ROWID row in its B-tree's own pages, which made a stored attach 1.6 times slower than the
-- same blobs in a rowid table (the store bench, 256 MiB).
CREATE TABLE attachment_chunks (
    -- The chunks are written before their attachment row, whose digest is known only after
    -- the last chunk: hence a deferred reference.
    attachment_id INTEGER NOT NULL REFERENCES attachments (id) DEFERRABLE INITIALLY DEFERRED,
    idx           INTEGER NOT NULL CHECK (idx >= 0),
    data          BLOB NOT NULL,
    PRIMARY KEY (attachment_id, idx)
) STRICT;

CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN
    SELECT RAISE(ABORT, 'attachments are append-only');
END;

CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN
    SELECT RAISE(ABORT, 'attachments are append-only');
END;

CREATE TRIGGER attachment_chunks_no_update BEFORE UPDATE ON attachment_chunks
BEGIN
    SELECT RAISE(ABORT, 'attachments are append-only');
END;

CREATE TRIGGER attachment_chunks_no_delete BEFORE DELETE ON attachment_chunks
BEGIN
    SELECT RAISE(ABORT, 'attachments are append-only');
END;

-- The officer's assessment of each offence element of a case: open (the default, when there
-- is no row), supported or contested, with a short reason for the last two.
CREATE TABLE element_states (
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    element_id TEXT NOT NULL CHECK (element_id <> ''),
    state      TEXT NOT NULL CHECK (state IN ('open', 'supported', 'contested')),
    reason     TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, element_id),
    CHECK (state = 'open' OR reason IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- What supports an element: a note, a checklist step or an exhibit of the same case.
CREATE TABLE element_links (
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    element_id  TEXT NOT NULL CHECK (element_id <> ''),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('note', 'step', 'exhibit')),
    target_id   TEXT NOT NULL CHECK (target_id <> ''),
    linked_at   TEXT NOT NULL,
    PRIMARY KEY (case_id, element_id, target_kind, target_id)
) STRICT, WITHOUT ROWID;
