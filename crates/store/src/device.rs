//! The computer's own signing key, kept inside the encrypted file (`0007_device_key.sql`).
//!
//! It is made at the first unlock of a file that has none, from 32 bytes of OpenSSL's
//! CSPRNG, and never changes. Its public half names this computer to the directorate; its
//! secret half signs transfer bundles and is handed out only as an [`ed25519_dalek::SigningKey`],
//! which wipes itself when dropped.

use ed25519_dalek::{SigningKey, VerifyingKey};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::passphrase::random_bytes;
use crate::time_text;

/// Makes the key if the file has none, in one IMMEDIATE transaction (two programs unlocking
/// the same new file at once make one key, not two).
pub(crate) fn ensure(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let present: Option<i64> = tx
        .query_row("SELECT id FROM device_key WHERE id = 1", [], |r| r.get(0))
        .optional()?;
    if present.is_none() {
        let secret = Zeroizing::new(random_bytes::<32>()?);
        let key = SigningKey::from_bytes(&secret);
        tx.execute(
            "INSERT INTO device_key (id, secret, public, created_at) VALUES (1, ?1, ?2, ?3)",
            params![
                secret.as_slice(),
                key.verifying_key().as_bytes().as_slice(),
                time_text::now()
            ],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Reads the key pair. A row whose public half does not follow from its secret half is damage.
pub(crate) fn signing_key(conn: &Connection) -> Result<SigningKey, StoreError> {
    let (secret, public): (Zeroizing<Vec<u8>>, Vec<u8>) = conn
        .query_row(
            "SELECT secret, public FROM device_key WHERE id = 1",
            [],
            |r| Ok((Zeroizing::new(r.get::<_, Vec<u8>>(0)?), r.get(1)?)),
        )
        .optional()?
        .ok_or(StoreError::Damaged)?;
    let secret: Zeroizing<[u8; 32]> = Zeroizing::new(
        secret
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::Damaged)?,
    );
    let key = SigningKey::from_bytes(&secret);
    if key.verifying_key().as_bytes().as_slice() != public.as_slice() {
        return Err(StoreError::Damaged);
    }
    Ok(key)
}

/// The public half, which names this computer.
pub(crate) fn public_key(conn: &Connection) -> Result<VerifyingKey, StoreError> {
    Ok(signing_key(conn)?.verifying_key())
}
