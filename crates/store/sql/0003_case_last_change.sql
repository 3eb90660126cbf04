-- 0003_case_last_change: each case row carries the time of its last change, and the settled
-- steps have an index of their own, so that the case list is read without touching the audit
-- log or the step rows' reasons and times.
--
-- Migrations are append-only: once released, this file never changes.
--
-- `last_change` is the `at` of the case's last audit entry (by seq), or its created_at when
-- it has none. ALTER TABLE needs a default for a NOT NULL column; every row is filled right
-- below, and the store always writes the column, so '' is never read (it would not parse and
-- the read would report a damaged file).
ALTER TABLE cases ADD COLUMN last_change TEXT NOT NULL DEFAULT '';

UPDATE cases SET last_change = coalesce(
    (SELECT a.at FROM audit_log a WHERE a.case_id = cases.id ORDER BY a.seq DESC LIMIT 1),
    created_at
);

-- No index on it: sorting 10,000 rows for the list costs a few milliseconds, while an index
-- would add a page write to every save, the store's hot path.

-- Kept current by the database itself, in the transaction of the audit entry: every change
-- to a case appends one, so no change can forget to move the case's time, and the column
-- always equals what the old query on the audit log returned.
CREATE TRIGGER audit_log_moves_case_last_change AFTER INSERT ON audit_log
WHEN NEW.case_id IS NOT NULL
BEGIN
    UPDATE cases SET last_change = NEW.at WHERE id = NEW.case_id;
END;

-- The steps whose state is not pending, per case: what the list needs to count progress. A
-- partial index that covers the list's query (state is in it so that SQLite need not visit
-- the table to check the WHERE term), so the list reads a fraction of step_states' pages.
-- Queries must say `state <> 'pending'` for SQLite to use it.
CREATE INDEX step_states_settled ON step_states (case_id, step_id, state)
WHERE state <> 'pending';
