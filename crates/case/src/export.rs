//! The export of a case: the printable report or the case bundle, made by `dalil-report` from
//! the case as it stands, and recorded in the case's history once the file is written.
//!
//! Writing the file is the front end's part: the app writes where the officer chose in a
//! dialog, `dalil export` to a file or to standard output.

use dalil_content::{Lang, Sop};
use dalil_l10n::{Digits, Localizer};
use dalil_store::{CaseId, Store, StoreError, Verification};
use time::OffsetDateTime;

/// What the officer exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The printable report in one language, or two side by side.
    Report(&'static [Lang]),
    /// The checksummed bundle for the directorate.
    Bundle,
}

impl Format {
    /// `report` with `ar`, `en` or `both`, or `bundle` (whose language is ignored).
    pub fn parse(format: &str, report_lang: &str) -> Option<Format> {
        match (format, report_lang) {
            ("report", "ar") => Some(Format::Report(&[Lang::Ar])),
            ("report", "en") => Some(Format::Report(&[Lang::En])),
            ("report", "both") => Some(Format::Report(&[Lang::Ar, Lang::En])),
            ("bundle", _) => Some(Format::Bundle),
            _ => None,
        }
    }

    /// What the history calls this export: `report-ar`, `report-ar-en`, `bundle`.
    pub fn what(self) -> String {
        match self {
            Format::Report(langs) => dalil_report::export_name(Some(langs)),
            Format::Bundle => dalil_report::export_name(None),
        }
    }

    /// The file name to offer: the case reference and what the file is, made safe as a name.
    pub fn file_name(self, reference: &str) -> String {
        let reference = safe_file_stem(reference);
        match self {
            Format::Report(_) => format!("{reference}-{}.html", self.what()),
            Format::Bundle => format!("{reference}.dalil.json"),
        }
    }
}

/// A case reference made safe as a file name: letters, digits, `-`, `_` and `.` are kept,
/// anything else (a `/` above all) becomes `-`.
fn safe_file_stem(reference: &str) -> String {
    let stem: String = reference
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches(['-', '.']);
    if stem.is_empty() {
        "case".to_owned()
    } else {
        stem.to_owned()
    }
}

/// An export made and not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What it is, as the history names it.
    pub what: String,
    /// Whether the case file's audit chain was broken when the case was read: the report says
    /// so on its first page, and the bundle will not verify.
    pub chain_broken: bool,
}

/// Makes the report or the bundle of a case as it stands at `now`. `generator` names the
/// program in the bundle (`dalil 0.1.0`); `digits` the digits of the report's Arabic numbers
/// (its English ones are always Latin; the bundle, machine data, is not affected).
pub fn export(
    store: &Store,
    sop: &Sop,
    case: CaseId,
    format: Format,
    generator: &str,
    now: OffsetDateTime,
    digits: Digits,
) -> Result<Export, StoreError> {
    let record = dalil_report::read_case(store, case)?;
    let chain_broken = matches!(record.chain.verification, Verification::Broken { .. });
    let bytes = match format {
        Format::Report(langs) => {
            let localizers: Vec<Localizer> = langs
                .iter()
                .map(|l| Localizer::with_digits(*l, digits))
                .collect();
            let refs: Vec<&Localizer> = localizers.iter().collect();
            dalil_report::render_html(&record, sop, &refs, now).into_bytes()
        }
        Format::Bundle => dalil_report::write_bundle(&record, generator, now),
    };
    Ok(Export {
        bytes,
        what: format.what(),
        chain_broken,
    })
}

/// Records in the case's history that the export left, with the SHA-256 of its bytes, so that
/// a file found later can be matched to it. Called once the file is written.
pub fn record_export(store: &mut Store, case: CaseId, export: &Export) -> Result<(), StoreError> {
    store.record_export(
        case,
        &export.what,
        dalil_store::audit::digest_bytes(&export.bytes),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offered_name_comes_from_the_reference_and_cannot_leave_the_folder() {
        let report = Format::parse("report", "both").expect("valid");
        assert_eq!(
            report.file_name("TIP-2026-0042"),
            "TIP-2026-0042-report-ar-en.html"
        );
        assert_eq!(
            Format::Bundle.file_name("../../etc/passwd"),
            "etc-passwd.dalil.json"
        );
        assert_eq!(Format::Bundle.file_name("///"), "case.dalil.json");
        assert_eq!(
            Format::parse("report", "ar")
                .expect("valid")
                .file_name("ب/١٢"),
            "ب-١٢-report-ar.html"
        );
    }

    #[test]
    fn unknown_formats_and_languages_are_refused() {
        assert!(Format::parse("report", "fr").is_none());
        assert!(Format::parse("pdf", "ar").is_none());
        assert_eq!(Format::parse("bundle", ""), Some(Format::Bundle));
    }
}
