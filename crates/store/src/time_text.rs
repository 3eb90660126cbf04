//! Timestamps as stored: UTC RFC 3339 with exactly six fractional digits and a `Z`, e.g.
//! `2024-05-01T09:30:00.123456Z`, so that the text sorts in time order.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::error::StoreError;

const FORMAT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// The current time, as stored.
pub(crate) fn now() -> String {
    format(OffsetDateTime::now_utc())
}

/// Formats a time as stored.
pub(crate) fn format(t: OffsetDateTime) -> String {
    let utc = t.to_offset(time::UtcOffset::UTC);
    // Formatting a valid date with this fixed description cannot fail for years 0..=9999.
    utc.format(FORMAT)
        .unwrap_or_else(|_| String::from("0000-00-00T00:00:00.000000Z"))
}

/// Parses a stored time. A stored time that does not parse was not written by this code.
pub(crate) fn parse(s: &str) -> Result<OffsetDateTime, StoreError> {
    PrimitiveDateTime::parse(s, FORMAT)
        .map(PrimitiveDateTime::assume_utc)
        .map_err(|_| StoreError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_rfc3339() -> Result<(), StoreError> {
        let s = now();
        let t = parse(&s)?;
        assert_eq!(format(t), s);
        assert!(OffsetDateTime::parse(&s, &time::format_description::well_known::Rfc3339).is_ok());
        assert_eq!(s.len(), "2024-05-01T09:30:00.123456Z".len());
        Ok(())
    }
}
