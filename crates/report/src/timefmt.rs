//! Times and numbers as people read them: month names from the locale files, numbers in the
//! digits the localizer was given (Arabic-Indic in Arabic unless Latin was chosen, Latin in
//! English), and the exact text the store writes (which the audit chain hashes).
//!
//! Fluent's `DATETIME` and `NUMBER` functions are not available to `fluent-bundle` here, so
//! this small formatter stands in for them. Times are shown in UTC, as the store keeps them,
//! and say so: the report does not guess the reader's time zone.

use dalil_l10n::{Arg, Digits, Localizer};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// The store's text form of a time: UTC, six fractional digits, `Z`.
const STORE_FORMAT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// The ISO 8601 form shown beside a localized date.
const ISO_FORMAT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// A time as the store writes it, e.g. `2026-11-03T09:30:00.000000Z`. The audit chain hashes
/// this exact text, so the bundle keeps it.
pub fn store_text(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(STORE_FORMAT)
        .unwrap_or_else(|_| String::from("0000-00-00T00:00:00.000000Z"))
}

/// Parses a time written by [`store_text`].
pub fn parse_store_text(s: &str) -> Option<OffsetDateTime> {
    PrimitiveDateTime::parse(s, STORE_FORMAT)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

/// The ISO 8601 form of a time, to the second, in UTC: `2026-11-03T09:30:00Z`.
pub fn iso(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(ISO_FORMAT)
        .unwrap_or_default()
}

/// Writes the ASCII digits of `s` in `digits` (a localizer's [`Localizer::digits`], which is
/// Latin in English).
pub fn digits(s: &str, digits: Digits) -> String {
    digits.apply(s)
}

/// A count in `digits`.
pub fn number(n: u64, digits: Digits) -> String {
    digits.apply(&n.to_string())
}

/// The name of a month, from the locale files.
fn month_name(l10n: &Localizer, month: Month) -> String {
    // One literal id per month: ids are never built at run time.
    l10n.get(match month {
        Month::January => "report-month-january",
        Month::February => "report-month-february",
        Month::March => "report-month-march",
        Month::April => "report-month-april",
        Month::May => "report-month-may",
        Month::June => "report-month-june",
        Month::July => "report-month-july",
        Month::August => "report-month-august",
        Month::September => "report-month-september",
        Month::October => "report-month-october",
        Month::November => "report-month-november",
        Month::December => "report-month-december",
    })
}

/// A date in words: `3 November 2026`, `٣ تشرين الثاني ٢٠٢٦`.
pub fn date(l10n: &Localizer, t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    let shown = l10n.digits();
    let day = number(u64::from(t.day()), shown);
    let year = digits(&t.year().to_string(), shown);
    // Without its isolation marks: a part made of digits alone has no strong direction, so an
    // isolate around it would be laid out left to right and put an Arabic date backwards.
    // The parts are our own digits and month names, never user text.
    plain(l10n.format(
        "report-date",
        &[
            ("day", Arg::Str(&day)),
            ("month", Arg::Str(&month_name(l10n, t.month()))),
            ("year", Arg::Str(&year)),
        ],
    ))
}

fn plain(s: String) -> String {
    dalil_l10n::strip_isolation(&s)
}

/// A date and time in words, in UTC: `3 November 2026, 09:30 UTC`.
pub fn date_time(l10n: &Localizer, t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    let clock = digits(&format!("{:02}:{:02}", t.hour(), t.minute()), l10n.digits());
    plain(l10n.format(
        "report-date-time",
        &[
            ("date", Arg::Str(&date(l10n, t))),
            ("time", Arg::Str(&clock)),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dalil_l10n::Lang;
    use time::macros::datetime;

    #[test]
    fn store_text_round_trips() {
        let t = datetime!(2026-11-03 09:30:05.123456 UTC);
        let s = store_text(t);
        assert_eq!(s, "2026-11-03T09:30:05.123456Z");
        assert_eq!(parse_store_text(&s), Some(t));
        assert_eq!(iso(t), "2026-11-03T09:30:05Z");
    }

    #[test]
    fn arabic_dates_have_arabic_month_names_and_digits() {
        let ar = Localizer::new(Lang::Ar);
        let t = datetime!(2026-11-03 09:30:00 UTC);
        let text = date_time(&ar, t);
        assert!(text.contains("٣"), "{text}");
        assert!(text.contains("٢٠٢٦"), "{text}");
        assert!(text.contains("تشرين الثاني"), "{text}");
        assert!(text.contains("٠٩:٣٠"), "{text}");
        assert!(!text.bytes().any(|b| b.is_ascii_digit()), "{text}");
        assert!(!text.contains('\u{2068}'), "{text:?}");
        // Day, month, year in reading order.
        let day = text.find('٣').unwrap_or(usize::MAX);
        let year = text.find("٢٠٢٦").unwrap_or(0);
        assert!(day < year, "{text}");
        let en = Localizer::new(Lang::En);
        let text = date_time(&en, t);
        assert!(text.contains("3 November 2026"), "{text}");
        assert!(text.contains("09:30"), "{text}");
    }

    #[test]
    fn digits_convert_only_in_arabic() {
        let ar = Localizer::new(Lang::Ar).digits();
        let en = Localizer::new(Lang::En).digits();
        assert_eq!(digits("TIP-2026", ar), "TIP-٢٠٢٦");
        assert_eq!(digits("TIP-2026", en), "TIP-2026");
        assert_eq!(number(1234567890, ar), "١٢٣٤٥٦٧٨٩٠");
    }

    #[test]
    fn arabic_dates_follow_the_latin_choice() {
        let ar = Localizer::with_digits(Lang::Ar, Digits::Latin);
        let text = date_time(&ar, datetime!(2026-11-03 09:30:00 UTC));
        assert!(text.contains("تشرين الثاني"), "{text}");
        assert!(text.contains("2026") && text.contains("09:30"), "{text}");
        assert!(!text.chars().any(|c| ('٠'..='٩').contains(&c)), "{text}");
        // English ignores the Arabic choice.
        let en = Localizer::with_digits(Lang::En, Digits::Arabic);
        assert_eq!(number(42, en.digits()), "42");
    }
}
