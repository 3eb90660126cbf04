//! A case's history in words, from the audit log, with the log's verification.

use dalil_content::Sop;
use dalil_l10n::{Arg, Localizer};
use dalil_store::{CaseId, Store, StoreError, Verification};
use serde::Serialize;

use crate::rfc3339;

/// The case history from the audit log, with the log's verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryView {
    /// The verification in words, formatted by Fluent.
    pub status_label: String,
    /// Whether the whole log verifies.
    pub intact: bool,
    /// The number of entries in the whole log, when it verifies.
    pub length: u64,
    /// The hash of the log's last entry, in hex, when it verifies.
    pub head: String,
    /// The first entry that does not verify, when one does not.
    pub first_bad: Option<u64>,
    /// The case's entries, oldest first.
    pub entries: Vec<HistoryEntry>,
}

/// One entry of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    /// The entry's sequence number in the whole log.
    pub seq: u64,
    /// When, RFC 3339.
    pub at: String,
    /// What was done, in words.
    pub action: String,
    /// What it was done to, in words: a step's title, a fact's label, "note 3".
    pub entity: String,
    /// The same as the log writes it (`step:intake-log-report`), for staff who check it.
    pub entity_ref: String,
}

/// What an audit entry was about, in the words of the localizer's language.
pub fn entity_words(sop: &Sop, l10n: &Localizer, kind: &str, id: &str) -> String {
    let lang = l10n.lang();
    match kind {
        "step" | "draft" if !id.is_empty() => sop
            .steps(lang)
            .find(|(_, s)| s.id == id)
            .map_or_else(|| id.to_owned(), |(_, s)| s.title.clone()),
        "draft" | "case" => l10n.get("history-entity-case"),
        "export" if id == "bundle" => l10n.get("history-entity-bundle"),
        "export" => l10n.get("history-entity-report"),
        "fact" => sop
            .manifest
            .facts
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| id.to_owned(), |f| f.label.get(lang).to_owned()),
        "note" => match id.parse::<f64>() {
            Ok(n) => l10n.format("history-entity-note", &[("id", Arg::Num(n))]),
            Err(_) => id.to_owned(),
        },
        _ => format!("{kind}:{id}"),
    }
}

/// The history of a case in words, and whether the whole log verifies.
pub fn history(
    store: &Store,
    sop: &Sop,
    l10n: &Localizer,
    case: CaseId,
) -> Result<HistoryView, StoreError> {
    let (intact, length, head, first_bad) = match store.verify_audit()? {
        Verification::Intact { len, head_hex } => (true, len, head_hex, None),
        Verification::Broken { first_bad_seq, .. } => {
            (false, 0, String::new(), Some(first_bad_seq))
        }
    };
    let entries = store
        .history(case)?
        .into_iter()
        .map(|e| HistoryEntry {
            seq: e.seq,
            at: rfc3339(e.at),
            action: l10n.audit_action(&e.action),
            entity: entity_words(sop, l10n, &e.entity_kind, &e.entity_id),
            entity_ref: format!("{}:{}", e.entity_kind, e.entity_id),
        })
        .collect();
    let status_label = match first_bad {
        None => l10n.format("history-verified", &[("count", Arg::Num(length as f64))]),
        Some(n) => l10n.format("history-broken", &[("entry", Arg::Num(n as f64))]),
    };
    Ok(HistoryView {
        status_label,
        intact,
        length,
        head,
        first_bad,
        entries,
    })
}
