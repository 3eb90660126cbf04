-- 0005_case_progress: each case's progress, kept so that the case list need not read every
-- case's facts and settled steps to count it.
--
-- Migrations are append-only: once released, this file never changes.
--
-- Progress is derived: the store does not know the SOP, so the case layer counts it (with
-- the checklist) and stores it here with `rules`, a key of the SOP's checklist rules it was
-- counted under, and `as_of`, the case's `last_change` when it was counted. A row is used
-- only while both still hold: any audited change of the case (a step, a fact, the kind)
-- moves `last_change`, so a row can never outlive the data it was counted from, and another
-- SOP (or another edition's conditions) gives another key. Nothing here is audited: it is a
-- cache of what the audited rows already say, and deleting it loses nothing.
CREATE TABLE case_progress (
    case_id    INTEGER PRIMARY KEY REFERENCES cases (id),
    rules      TEXT NOT NULL,
    as_of      TEXT NOT NULL,
    done       INTEGER NOT NULL,
    applicable INTEGER NOT NULL
) STRICT;
