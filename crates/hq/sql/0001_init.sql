-- 0001_init: the directorate's copy of what officers' computers sent.
--
-- Migrations are append-only: once released, this file never changes.
--
-- Nothing imported is ever changed or removed: triggers refuse it. A case as one computer
-- keeps it is a *stream* (the computer's key and the case's id in its file); every distinct
-- state of it that a bundle carried is a *version*, known by the hash of the case's last
-- audit entry. Audit entries and note revisions are kept once however many bundles carry
-- them. Whether a case needs review is derived, never stored, so that two imports running at
-- once cannot both miss it: see the view case_review.

-- The officers' computers the directorate accepts bundles from.
CREATE TABLE devices (
    device        bytea PRIMARY KEY CHECK (length(device) = 32),
    label         text NOT NULL CHECK (label <> ''),
    registered_at timestamptz NOT NULL DEFAULT now(),
    registered_by text NOT NULL DEFAULT current_user,
    -- Set when the computer was lost or retired: its bundles are refused from then on.
    revoked_at    timestamptz,
    revoked_by    text
);

-- Every bundle imported, by the SHA-256 of its file.
CREATE TABLE bundles (
    id          bigserial PRIMARY KEY,
    file_sha256 bytea NOT NULL UNIQUE CHECK (length(file_sha256) = 32),
    device      bytea NOT NULL REFERENCES devices,
    generator   text NOT NULL,
    made_at     text NOT NULL,
    head_seq    bigint NOT NULL,
    head_hash   bytea NOT NULL,
    case_count  integer NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    imported_by text NOT NULL DEFAULT current_user
);
CREATE INDEX bundles_device ON bundles (device, imported_at);

-- A case as one computer keeps it.
CREATE TABLE case_streams (
    id         bigserial PRIMARY KEY,
    device     bytea NOT NULL REFERENCES devices,
    store_case bigint NOT NULL,
    reference  text NOT NULL,
    -- Two versions of this stream neither of which extends the other: the computer's file
    -- was rolled back (a restored backup) or rewritten. Only ever set, never cleared.
    diverged   boolean NOT NULL DEFAULT false,
    UNIQUE (device, store_case)
);
CREATE INDEX case_streams_reference ON case_streams (reference);

-- Each state of a case that a bundle carried.
CREATE TABLE case_versions (
    id                 bigserial PRIMARY KEY,
    stream             bigint NOT NULL REFERENCES case_streams,
    bundle             bigint NOT NULL REFERENCES bundles,
    head_seq           bigint NOT NULL,
    head_hash          bytea NOT NULL,
    -- The hashes of the case's audit entries, oldest first, 32 bytes each: a version
    -- extends another when the other's chain is a prefix of its own.
    chain              bytea NOT NULL CHECK (length(chain) % 32 = 0),
    store_chain_intact boolean NOT NULL,
    title              text NOT NULL,
    kind               text NOT NULL,
    status             text NOT NULL,
    sop_id             text,
    sop_edition        text NOT NULL,
    created_at         text NOT NULL,
    last_change        text NOT NULL,
    facts              jsonb NOT NULL,
    steps              jsonb NOT NULL,
    exhibits           jsonb NOT NULL,
    elements           jsonb NOT NULL,
    UNIQUE (stream, head_hash)
);

-- The computers' audit entries, each once. Two entries at one place (device, seq) with
-- different hashes are two histories of one computer.
CREATE TABLE audit_entries (
    device      bytea NOT NULL REFERENCES devices,
    seq         bigint NOT NULL,
    hash        bytea NOT NULL,
    prev_hash   bytea NOT NULL,
    at          text NOT NULL,
    action      text NOT NULL,
    entity_kind text NOT NULL,
    entity_id   text NOT NULL,
    store_case  bigint,
    digest      bytea NOT NULL,
    bundle      bigint NOT NULL REFERENCES bundles,
    PRIMARY KEY (device, seq, hash)
);

-- Every revision of every note, each once. `body` is null for a deletion.
CREATE TABLE note_revisions (
    device      bytea NOT NULL REFERENCES devices,
    store_case  bigint NOT NULL,
    note        bigint NOT NULL,
    revision    integer NOT NULL,
    subject     text NOT NULL,
    step        text,
    body        text,
    body_sha256 bytea NOT NULL,
    created_at  text NOT NULL,
    bundle      bigint NOT NULL REFERENCES bundles,
    PRIMARY KEY (device, note, revision, body_sha256, created_at)
);
CREATE INDEX note_revisions_case ON note_revisions (device, store_case);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'imported data is never changed or removed (%)', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER bundles_immutable BEFORE UPDATE OR DELETE ON bundles
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_versions_immutable BEFORE UPDATE OR DELETE ON case_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_entries_immutable BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER note_revisions_immutable BEFORE UPDATE OR DELETE ON note_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER bundles_no_truncate BEFORE TRUNCATE ON bundles
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER case_versions_no_truncate BEFORE TRUNCATE ON case_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER note_revisions_no_truncate BEFORE TRUNCATE ON note_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A stream's only change: `diverged` from false to true.
CREATE FUNCTION stream_only_diverges() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.device <> OLD.device
       OR NEW.store_case <> OLD.store_case OR NEW.reference <> OLD.reference
       OR (OLD.diverged AND NOT NEW.diverged) THEN
        RAISE EXCEPTION 'a case stream is never changed, only marked diverged';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER case_streams_only_diverge BEFORE UPDATE OR DELETE ON case_streams
    FOR EACH ROW EXECUTE FUNCTION stream_only_diverges();

-- Which cases need review, and why: a reference sent by more than one computer (or for two
-- cases of one computer), a computer whose history of a case diverged, or a version sent
-- while the computer's own audit chain was broken.
CREATE VIEW case_review AS
SELECT s.reference,
       count(DISTINCT s.id)                          AS streams,
       count(DISTINCT s.device)                      AS devices,
       count(v.id)                                   AS versions,
       bool_or(s.diverged)                           AS diverged,
       coalesce(bool_or(NOT v.store_chain_intact), false) AS chain_broken,
       max(v.last_change)                            AS last_change,
       (count(DISTINCT s.id) > 1 OR bool_or(s.diverged)
        OR coalesce(bool_or(NOT v.store_chain_intact), false)) AS needs_review
FROM case_streams s
LEFT JOIN case_versions v ON v.stream = s.id
GROUP BY s.reference;
