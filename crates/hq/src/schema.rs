//! The server's schema, built by numbered migrations (`sql/`), as the case store's is.
//!
//! Each migration runs in its own transaction with its row in `hq_migrations`; a
//! transaction-scoped advisory lock makes two programs starting at once on a new database
//! take turns instead of both applying it.

use postgres::Client;

/// One migration.
pub struct Migration {
    /// Its number, from 1.
    pub version: i32,
    /// Its file's name, without `.sql`.
    pub name: &'static str,
    /// Its SQL.
    pub sql: &'static str,
}

/// Every migration, in order. Append only: never change or remove a released entry.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "0001_init",
    sql: include_str!("../sql/0001_init.sql"),
}];

/// A key for `pg_advisory_xact_lock`, the same in every copy of this program.
const LOCK_KEY: i64 = 0x6461_6c69_6c68_7131; // "dalilhq1"

/// Applies the migrations the database does not have yet; returns how many it applied.
pub fn migrate(client: &mut Client) -> Result<usize, postgres::Error> {
    let mut applied = 0;
    for m in MIGRATIONS {
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS hq_migrations (
                 version    integer PRIMARY KEY,
                 name       text NOT NULL,
                 applied_at timestamptz NOT NULL DEFAULT now()
             )",
        )?;
        let done = tx
            .query_opt(
                "SELECT 1 FROM hq_migrations WHERE version = $1",
                &[&m.version],
            )?
            .is_some();
        if !done {
            tx.batch_execute(m.sql)?;
            tx.execute(
                "INSERT INTO hq_migrations (version, name) VALUES ($1, $2)",
                &[&m.version, &m.name],
            )?;
            applied += 1;
        }
        tx.commit()?;
    }
    Ok(applied)
}
