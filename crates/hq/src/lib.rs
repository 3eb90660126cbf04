//! The directorate's server: the cases officers' computers send by USB, imported into
//! PostgreSQL and kept there, every version of every case, with whatever needs review
//! flagged and nothing ever overwritten.
//!
//! - [`Hq::connect`] opens the database and brings its schema up to date ([`schema`]).
//! - [`Hq::register_device`] accepts a computer by its public key (`dalil device` prints it).
//! - [`Hq::import`] takes a transfer bundle: `dalil-transfer` decrypts it with the
//!   directorate's secret key and checks its signature and every checksum; then, in one
//!   transaction, this crate checks the signer is registered and records what the bundle adds,
//!   recognised by the audit chain. A bundle refused for any reason changes nothing.
//! - [`Hq::cases`], [`Hq::show`], [`Hq::devices`] and [`Hq::bundles`] read it back.
//!
//! *Concurrency:* several staff may import at once. Everything that must not race is held by
//! PostgreSQL: a bundle's file digest is unique, a case's stream row is locked while a
//! version of it is added, rows are inserted with `ON CONFLICT DO NOTHING`, and whether a case
//! needs review is computed when read (the view `case_review`), never stored by two imports
//! that could each miss the other.

mod import;
mod read;
pub mod schema;
pub mod throwaway;

use postgres::{Client, NoTls};

pub use import::{CaseOutcome, ImportError, Imported};
pub use read::{
    BundleRow, CaseRow, CaseShow, DeviceRow, NoteView, ReviewReason, RevisionView, StreamView,
    VersionView,
};

/// A connection to the directorate's database.
pub struct Hq {
    client: Client,
}

/// Why the server could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum HqError {
    /// The database refused or failed. The message is PostgreSQL's, which holds no case data.
    #[error("the database: {0}")]
    Db(#[from] postgres::Error),
    /// A device key that is not 64 hexadecimal digits of an Ed25519 public key.
    #[error("not a device key")]
    BadDeviceKey,
    /// A device is already registered under this key.
    #[error("this device is already registered")]
    DeviceExists,
    /// A device needs a label.
    #[error("a device needs a label")]
    EmptyLabel,
}

impl Hq {
    /// Connects with a libpq-style connection string (`host=/run/postgresql dbname=dalil_hq`)
    /// and applies the migrations the database lacks.
    pub fn connect(conninfo: &str) -> Result<Hq, HqError> {
        let mut client = Client::connect(conninfo, NoTls)?;
        schema::migrate(&mut client)?;
        Ok(Hq { client })
    }

    /// Accepts bundles signed by this device key from now on, under a label the staff choose
    /// (the officer and the unit, for example). A revoked key is accepted again.
    pub fn register_device(&mut self, key_hex: &str, label: &str) -> Result<(), HqError> {
        let key = parse_device_key(key_hex)?;
        let label = label.trim();
        if label.is_empty() {
            return Err(HqError::EmptyLabel);
        }
        // A revoked computer registered again is trusted again, under the new label.
        let n = self.client.execute(
            "INSERT INTO devices (device, label) VALUES ($1, $2)
             ON CONFLICT (device) DO UPDATE
                 SET label = EXCLUDED.label, revoked_at = NULL, revoked_by = NULL,
                     registered_at = now(), registered_by = current_user
                 WHERE devices.revoked_at IS NOT NULL",
            &[&key.as_slice(), &label],
        )?;
        if n == 0 {
            return Err(HqError::DeviceExists);
        }
        Ok(())
    }

    /// Stops accepting bundles signed by this device key (a lost or retired computer). What
    /// it sent before stays. Returns false if it was not registered or already revoked.
    pub fn revoke_device(&mut self, key_hex: &str) -> Result<bool, HqError> {
        let key = parse_device_key(key_hex)?;
        let n = self.client.execute(
            "UPDATE devices SET revoked_at = now(), revoked_by = current_user
             WHERE device = $1 AND revoked_at IS NULL",
            &[&key.as_slice()],
        )?;
        Ok(n == 1)
    }

    /// The connection, for the tests' and the benchmark's own queries.
    #[doc(hidden)]
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

/// A device key given as hex: 32 bytes that are an Ed25519 public key.
fn parse_device_key(key_hex: &str) -> Result<[u8; 32], HqError> {
    let bytes: [u8; 32] = hex::decode(key_hex.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(HqError::BadDeviceKey)?;
    ed25519_dalek::VerifyingKey::from_bytes(&bytes).map_err(|_| HqError::BadDeviceKey)?;
    Ok(bytes)
}
