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
pub fn page(
    store: &Store,
    sop: &Sop,
    filter: &CaseFilter,
    offset: usize,
    limit: usize,
) -> Result<CasePage, StoreError> {
    // One read for every case's facts and settled steps, and progress counted from them with
    // conditions evaluated once per distinct set of facts: a list of thousands of cases does
    // not build thousands of checklists.
    let mut counter = dalil_checklist::ProgressCounter::new(sop);
    let (overviews, total) = store.case_overviews_page(filter, offset, limit.min(MAX_PAGE))?;
    let rows = overviews
        .into_iter()
        .map(|o| {
            let c = o.summary;
            let facts = with_kind(o.facts, c.kind);
            let (done, applicable) = counter.progress(&facts, &o.settled);
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
    Ok(CasePage { total, rows })
}
