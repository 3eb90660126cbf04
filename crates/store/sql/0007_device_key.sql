-- 0007_device_key: the key this computer signs its transfer bundles with.
--
-- Migrations are append-only: once released, this file never changes.
--
-- One Ed25519 key pair per case file, made at the first unlock after this migration (or at
-- the creation of the file) from 32 random bytes. The secret half never leaves the encrypted
-- file; the public half is what the directorate registers for this computer, and what a
-- transfer bundle names as its signer. A key is never changed or removed: a bundle signed
-- with it must stay attributable to this computer.
CREATE TABLE device_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    secret     BLOB NOT NULL CHECK (length(secret) = 32),
    public     BLOB NOT NULL CHECK (length(public) = 32),
    created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER device_key_no_update BEFORE UPDATE ON device_key
BEGIN
    SELECT RAISE(ABORT, 'the device key is never changed');
END;

CREATE TRIGGER device_key_no_delete BEFORE DELETE ON device_key
BEGIN
    SELECT RAISE(ABORT, 'the device key is never removed');
END;
