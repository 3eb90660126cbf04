//! The audit chain's canonical encoding (version 1), so that a bundle can be checked far from
//! the store that wrote it. The encoding is the store's own (`dalil_store::audit`); this
//! module only adapts the bundle's fields to it.
//!
//! An entry's record is `dalil-audit-v1\0`, the sequence number (8 bytes, big-endian), the
//! time, action, entity kind and entity id (each a 4-byte big-endian length then UTF-8), the
//! case (`0x00`, or `0x01` then 8 bytes signed big-endian) and the 32-byte digest. Its hash is
//! `SHA-256(previous hash || record)`.

#[cfg(test)]
use sha2::{Digest, Sha256};

/// The fields of one audit entry, as the chain hashes them.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// The sequence number.
    pub seq: u64,
    /// The time, exactly as the store wrote it.
    pub at: &'a str,
    /// The action, e.g. `note.add`.
    pub action: &'a str,
    /// The entity kind, e.g. `note`.
    pub entity_kind: &'a str,
    /// The entity id within its kind.
    pub entity_id: &'a str,
    /// The case's internal id, if the entry belongs to one.
    pub case: Option<i64>,
    /// The digest of the changed content.
    pub digest: &'a [u8],
}

/// The canonical bytes of an entry.
pub fn encode(r: &Record<'_>) -> Vec<u8> {
    dalil_store::audit::encode(
        r.seq,
        r.at,
        r.action,
        r.entity_kind,
        r.entity_id,
        r.case,
        r.digest,
    )
}

/// The chain hash of an entry: `SHA-256(prev || record)`.
pub fn hash(prev: &[u8], r: &Record<'_>) -> [u8; 32] {
    dalil_store::audit::chain(prev, &encode(r))
}

/// The digest the store records for a text: `SHA-256(text)`.
pub fn digest_text(text: &str) -> [u8; 32] {
    dalil_store::audit::digest_text(text)
}

/// The digest the store records for several fields: `SHA-256` of each field as a 4-byte
/// big-endian length then its UTF-8 bytes.
pub fn digest_fields(fields: &[&str]) -> [u8; 32] {
    dalil_store::audit::digest_fields(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same vector as the store's own `canonical_encoding_is_stable` test.
    #[test]
    fn encoding_matches_the_store_documentation() {
        let r = Record {
            seq: 1,
            at: "2024-01-02T03:04:05.000006Z",
            action: "note.add",
            entity_kind: "note",
            entity_id: "7",
            case: Some(3),
            digest: &[0xaa; 32],
        };
        let mut expected = b"dalil-audit-v1\0".to_vec();
        expected.extend_from_slice(&1u64.to_be_bytes());
        for s in ["2024-01-02T03:04:05.000006Z", "note.add", "note", "7"] {
            expected.extend_from_slice(&(s.len() as u32).to_be_bytes());
            expected.extend_from_slice(s.as_bytes());
        }
        expected.push(1);
        expected.extend_from_slice(&3i64.to_be_bytes());
        expected.extend_from_slice(&[0xaa; 32]);
        assert_eq!(encode(&r), expected);
        let direct: [u8; 32] = Sha256::digest([&[0u8; 32][..], &expected].concat()).into();
        assert_eq!(hash(&[0u8; 32], &r), direct);
    }
}
