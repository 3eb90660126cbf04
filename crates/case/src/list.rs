//! The case list, a page at a time, with each case's progress.

use dalil_content::Sop;
use dalil_store::{CaseFilter, Store, StoreError};
use serde::Serialize;

use crate::facts::with_kind;
use crate::rfc3339;

/// A row of the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseRow {
    /// The internal id.
    pub id: i64,
    /// The officer's case number.
    pub reference: String,
    /// The title.
    pub title: String,
    /// `trafficking`, `smuggling`, `both` or `undetermined`.
    pub kind: String,
    /// `open` or `closed`.
    pub status: String,
    /// Applicable steps that are settled (done, not applicable or blocked).
    pub done: usize,
    /// All applicable steps.
    pub applicable: usize,
    /// When anything in the case last changed, RFC 3339.
    pub last_change: String,
}

/// One page of the case list, and how many cases match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CasePage {
    /// How many cases the filter keeps.
    pub total: usize,
    /// The page's rows, most recently changed first.
    pub rows: Vec<CaseRow>,
}

/// The most rows one call returns: a list is read a page at a time as it is scrolled.
pub const MAX_PAGE: usize = 500;

/// `limit` cases (at most [`MAX_PAGE`]) from `offset` on, most recently changed first, each
/// with its progress.
///
/// Progress is remembered in the store under `rules`, the SOP's
/// [`dalil_checklist::rules_key`] (computed once per loaded SOP by the caller, not per page):
/// a case is counted only when it changed since it was last counted, or the rules did; the
/// others are read from the store with their row. What is counted here is remembered for the
/// next list.
pub fn page(
    store: &mut Store,
    sop: &Sop,
    rules: &str,
    filter: &CaseFilter,
    offset: usize,
    limit: usize,
) -> Result<CasePage, StoreError> {
    // One read for the page's cases, their remembered progress, and the facts and settled
    // steps of the others; progress is counted from those with conditions evaluated once per
    // distinct set of facts.
    let mut counter = dalil_checklist::ProgressCounter::new(sop);
    let (overviews, total) =
        store.case_overviews_page_with(filter, offset, limit.min(MAX_PAGE), rules)?;
    let mut counted = Vec::new();
    let rows = overviews
        .into_iter()
        .map(|o| {
            let c = o.summary;
            let (done, applicable) = match o.progress {
                Some(p) => p,
                None => {
                    let facts = with_kind(o.facts, c.kind);
                    let p = counter.progress(&facts, &o.settled);
                    counted.push((c.id, c.last_change, p.0, p.1));
                    p
                }
            };
            CaseRow {
                id: c.id.0,
                reference: c.reference,
                title: c.title,
                kind: c.kind.as_str().to_owned(),
                status: c.status.as_str().to_owned(),
                done,
                applicable,
                last_change: rfc3339(c.last_change),
            }
        })
        .collect();
    // Remembering is a cache: a file that cannot take it (full, read-only) still lists, and
    // the next list counts again.
    let _ = store.remember_progress(rules, &counted);
    Ok(CasePage { total, rows })
}
