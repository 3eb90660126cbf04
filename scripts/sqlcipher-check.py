"""Opens a case file that `dalil` made with a SQLCipher that is not ours.

Run by scripts/external-checks.sh, with the Python of tools/.venv, where install-deps.sh put
`sqlcipher3-binary` (Python bindings with their own copy of SQLCipher 4, built by others).
The store derives its key as SQLCipher 4 does by default, so this client is given the
passphrase itself and SQLCipher's default settings, nothing of ours.

Usage: sqlcipher-check.py DB PASSPHRASE_FILE REFERENCE TITLE NOTE

Checks, each of which fails the run:
- with the passphrase: `PRAGMA cipher_integrity_check` reports nothing (SQLCipher's "ok": it
  lists only the pages whose HMAC fails), `PRAGMA integrity_check` says `ok`, and the case and
  its note read back as `dalil` wrote them;
- without a key, and with a wrong passphrase: not one table, row or page can be read;
- the bytes of the file and of its WAL hold neither the reference, the title nor the note.
"""

import sys

try:
    import sqlcipher3
except ImportError as e:  # Fail loudly: a missing client must never pass as a success.
    sys.exit(f"sqlcipher-check: the sqlcipher3 module is missing ({e}); run scripts/install-deps.sh")


def fail(message):
    sys.exit(f"sqlcipher-check: FAIL: {message}")


def quote(text):
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def open_with(db, passphrase):
    conn = sqlcipher3.connect(db)
    # SQLCipher logs every page that fails its HMAC to stderr; the checks below say it all.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if passphrase is not None:
        conn.execute(f"PRAGMA key = {quote(passphrase)}")
    return conn


def unreadable(db, passphrase, what):
    """Asserts that nothing of the file can be read with this key (or with none)."""
    conn = open_with(db, passphrase)
    try:
        for sql in ("SELECT count(*) FROM sqlite_schema", "SELECT * FROM cases"):
            try:
                rows = conn.execute(sql).fetchall()
            except sqlcipher3.DatabaseError as e:
                if "not a database" not in str(e):
                    fail(f"{what}: unexpected error {e!r}")
                continue
            except MemoryError:
                # SQLCipher 4.12 reports a first page that fails its HMAC under a wrong key
                # as SQLITE_NOMEM, which Python raises as MemoryError: nothing was read.
                continue
            fail(f"{what}: `{sql}` read {len(rows)} row(s)")
    finally:
        conn.close()
    print(f"sqlcipher-check: {what}: nothing can be read, as it should be")


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    db, pass_file, reference, title, note = sys.argv[1:]
    with open(pass_file, encoding="utf-8") as f:
        passphrase = f.readline().rstrip("\r\n")

    conn = open_with(db, passphrase)
    (version,) = conn.execute("PRAGMA cipher_version").fetchone()
    if not version.startswith("4."):
        fail(f"this client's SQLCipher is {version}, not 4.x")
    print(f"sqlcipher-check: SQLCipher {version} (sqlcipher3 {sqlcipher3.version}), default settings")

    cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    if cipher:
        fail(f"cipher_integrity_check reported {len(cipher)} problem(s): {cipher[:5]}")
    print("sqlcipher-check: cipher_integrity_check: ok (no page fails its HMAC)")
    integrity = conn.execute("PRAGMA integrity_check").fetchall()
    if integrity != [("ok",)]:
        fail(f"integrity_check: {integrity[:5]}")
    print("sqlcipher-check: integrity_check: ok")

    cases = conn.execute("SELECT id, reference, title, status FROM cases").fetchall()
    if [(r, t, s) for (_, r, t, s) in cases] != [(reference, title, "open")]:
        fail(f"the cases table holds {len(cases)} row(s), not the one case dalil wrote")
    bodies = conn.execute(
        "SELECT r.body FROM notes n JOIN note_revisions r ON r.note_id = n.id "
        "WHERE n.case_id = ? ORDER BY r.revision",
        (cases[0][0],),
    ).fetchall()
    if bodies != [(note,)]:
        fail(f"the case's note does not read back ({len(bodies)} revision(s))")
    print("sqlcipher-check: the case and its note read back as dalil wrote them")
    conn.close()

    unreadable(db, None, "without a key")
    unreadable(db, passphrase + "x", "with a wrong passphrase")

    for path in (db, db + "-wal"):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            continue
        for secret in (reference, title, note):
            if secret.encode("utf-8") in data:
                fail(f"{path} holds plain text of the case")
    print("sqlcipher-check: the file holds no plain text of the case")
    print("sqlcipher-check: ok")


if __name__ == "__main__":
    main()
