//! The case list: each case's `last_change` column follows every change to the case, in the
//! change's transaction, and `case_overviews` gives the list with each case's facts and
//! settled steps, in agreement with the one-case reads.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::thread::sleep;
use std::time::Duration;

use dalil_store::{
    CaseFilter, CaseId, CaseKind, CaseStatus, NewCase, StepState, Store, StoreError,
};

use super::common::*;

/// The time of the case's last audit entry, as `history` reads it from the log.
fn last_audited(store: &Store, case: CaseId) -> Result<time::OffsetDateTime, StoreError> {
    store
        .history(case)?
        .last()
        .map(|e| e.at)
        .ok_or(StoreError::Damaged)
}

/// The case's `last_change` as the list gives it.
fn listed(store: &Store, case: CaseId) -> Result<time::OffsetDateTime, Box<dyn std::error::Error>> {
    Ok(store
        .list_cases(&CaseFilter::default())?
        .into_iter()
        .find(|s| s.id == case)
        .ok_or("case not listed")?
        .last_change)
}

/// Each kind of change moves the case's time to its audit entry's time, in `case` and in
/// the list alike; a change to another case, a change that changes nothing and a change that
/// is refused leave it where it was.
#[test]
fn every_kind_of_change_moves_last_change() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    let other = store.create_case(&new_case("OTHER-1"))?;
    let created = store.case(case)?;
    assert_eq!(created.last_change, created.created_at);

    let mut note = None;
    type Change =
        Box<dyn Fn(&mut Store, &mut Option<dalil_store::NoteId>) -> Result<(), StoreError>>;
    let changes: Vec<(&str, Change)> = vec![
        (
            "set kind",
            Box::new(move |s, _| s.set_kind(case, CaseKind::Both)),
        ),
        (
            "set facts",
            Box::new(move |s, _| s.set_facts(case, &[("child", "yes")])),
        ),
        (
            "set a step",
            Box::new(move |s, _| s.set_step_state(case, "intake-1", StepState::Done, None)),
        ),
        (
            "add a note",
            Box::new(move |s, n| {
                *n = Some(s.add_note(case, Some("intake-1"), "first")?);
                Ok(())
            }),
        ),
        (
            "edit a note",
            Box::new(move |s, n| s.edit_note(n.ok_or(StoreError::Damaged)?, "second")),
        ),
        (
            "delete a note",
            Box::new(move |s, n| s.delete_note(n.ok_or(StoreError::Damaged)?)),
        ),
        ("close", Box::new(move |s, _| s.close_case(case))),
        ("reopen", Box::new(move |s, _| s.reopen_case(case))),
    ];
    let mut before = store.case(case)?.last_change;
    for (what, change) in &changes {
        // The stored time has microseconds; this keeps two changes from sharing one.
        sleep(Duration::from_millis(2));
        change(&mut store, &mut note)?;
        let now = store.case(case)?.last_change;
        assert!(now > before, "{what} moves last_change");
        assert_eq!(
            now,
            last_audited(&store, case)?,
            "{what}: the audit entry's time"
        );
        assert_eq!(listed(&store, case)?, now, "{what}: the list agrees");
        before = now;
    }

    let other_before = store.case(other)?.last_change;
    sleep(Duration::from_millis(2));
    store.set_facts(case, &[("child", "yes")])?;
    assert_eq!(store.case(case)?.last_change, before, "a change to nothing");
    // A draft is not a change of the case until it is committed: it is not audited, and the
    // case keeps its time.
    store.save_draft(case, None, "typing")?;
    store.discard_draft(case, None)?;
    assert_eq!(store.case(case)?.last_change, before, "a draft");
    store.add_note(other, None, "elsewhere")?;
    assert_eq!(
        store.case(case)?.last_change,
        before,
        "a change to another case"
    );
    assert!(store.case(other)?.last_change > other_before);
    store.close_case(case)?;
    let closed = store.case(case)?.last_change;
    assert_eq!(code(&store.add_note(case, None, "refused")), "case-closed");
    assert_eq!(store.case(case)?.last_change, closed, "a refused change");
    // A batch that fails as a whole takes its moves back with it.
    let failed = store.batch(|b| {
        b.reopen_case(case)?;
        b.set_facts(case, &[("child", "no")])?;
        Err::<(), _>(StoreError::Invalid { field: "test" })
    });
    assert_eq!(code(&failed), "invalid");
    assert_eq!(store.case(case)?.last_change, closed, "a failed batch");
    Ok(())
}

/// Cases for the overview tests: three cases with facts and step states of every kind, one
/// closed, and notes (which the overview does not read).
fn three_cases(store: &mut Store) -> Result<[CaseId; 3], StoreError> {
    let a = store.create_case(&NewCase {
        reference: "KRB-7".into(),
        title: "Forged visas".into(),
        kind: CaseKind::Smuggling,
        edition: dalil_store::Edition::new("t", "1"),
    })?;
    let b = store.create_case(&new_case("BSR-100"))?;
    let c = store.create_case(&new_case("NJF_3"))?;
    store.batch(|t| {
        t.set_facts(a, &[("child", "yes"), ("foreign-national", "no")])?;
        t.set_facts(c, &[("kri", "yes")])?;
        t.set_step_state(a, "s-done", StepState::Done, None)?;
        t.set_step_state(a, "s-na", StepState::NotApplicable, Some("no"))?;
        t.set_step_state(a, "s-blocked", StepState::Blocked, Some("wait"))?;
        t.set_step_state(a, "s-pending", StepState::Pending, None)?;
        t.set_step_state(b, "s-was-done", StepState::Done, None)?;
        t.add_note(a, Some("s-done"), "a note")?;
        t.add_note(c, None, "another")?;
        Ok(())
    })?;
    // Set back to pending: recorded, but not settled.
    store.set_step_state(b, "s-was-done", StepState::Pending, None)?;
    store.set_step_state(c, "s-1", StepState::Done, None)?;
    store.close_case(c)?;
    Ok([a, b, c])
}

/// For every filter, the overviews are the list's summaries in the list's order, each with
/// the case's facts as `fact_map` gives them and the ids of its steps that are not pending.
#[test]
fn overviews_agree_with_the_list_and_the_case_reads() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let [a, b, c] = three_cases(&mut store)?;
    let filters = [
        CaseFilter::default(),
        CaseFilter {
            status: Some(CaseStatus::Open),
            text: None,
        },
        CaseFilter {
            status: Some(CaseStatus::Closed),
            text: None,
        },
        CaseFilter {
            status: None,
            text: Some("visas".into()),
        },
        CaseFilter {
            status: Some(CaseStatus::Open),
            text: Some("_".into()),
        },
        CaseFilter {
            status: None,
            text: Some("nothing matches this".into()),
        },
    ];
    for filter in &filters {
        let overviews = store.case_overviews(filter)?;
        let summaries = store.list_cases(filter)?;
        assert_eq!(
            overviews.iter().map(|o| &o.summary).collect::<Vec<_>>(),
            summaries.iter().collect::<Vec<_>>(),
            "{filter:?}"
        );
        for o in &overviews {
            let case = o.summary.id;
            assert_eq!(o.facts, store.fact_map(case)?, "{filter:?}");
            let settled: BTreeSet<Arc<str>> = store
                .step_states(case)?
                .into_iter()
                .filter(|r| r.state != StepState::Pending)
                .map(|r| Arc::from(r.step_id))
                .collect();
            assert_eq!(o.settled, settled, "{filter:?}");
        }
    }
    // Pages of every length and offset put back together are the whole list, and each says
    // how many cases match in all.
    for filter in &filters {
        let whole = store.case_overviews(filter)?;
        for limit in 1..=4 {
            let mut joined = Vec::new();
            for offset in (0..=whole.len()).step_by(limit) {
                let (page, total) = store.case_overviews_page(filter, offset, limit)?;
                assert_eq!(total, whole.len(), "{filter:?}");
                assert!(page.len() <= limit);
                joined.extend(page);
            }
            assert_eq!(joined, whole, "{filter:?}, pages of {limit}");
        }
        let (past_the_end, total) = store.case_overviews_page(filter, whole.len() + 5, 2)?;
        assert!(past_the_end.is_empty());
        assert_eq!(total, whole.len());
    }
    // The figures themselves, so that the comparison above is not between two empty sets.
    let all: BTreeMap<CaseId, _> = store
        .case_overviews(&CaseFilter::default())?
        .into_iter()
        .map(|o| (o.summary.id, (o.facts, o.settled)))
        .collect();
    let set = |ids: &[&str]| {
        ids.iter()
            .map(|s| Arc::from(*s))
            .collect::<BTreeSet<Arc<str>>>()
    };
    assert_eq!(all.len(), 3);
    assert_eq!(all[&a].0.len(), 2);
    assert_eq!(all[&a].1, set(&["s-blocked", "s-done", "s-na"]));
    assert!(all[&b].0.is_empty());
    assert_eq!(all[&b].1, set(&[]));
    assert_eq!(all[&c].1, set(&["s-1"]));
    Ok(())
}

/// Remembered progress comes back under the same rules while the case is unchanged, and is
/// not used after any audited change of the case, under other rules, or when it was counted
/// from a read that a change has since overtaken.
#[test]
fn remembered_progress_holds_only_while_the_case_and_the_rules_are_the_same() -> TestResult {
    let dir = tempdir()?;
    let (_, mut store) = new_store(dir.path())?;
    let [a, b, c] = three_cases(&mut store)?;
    let all = CaseFilter::default();
    let progress = |store: &Store,
                    rules: &str|
     -> Result<BTreeMap<CaseId, Option<(usize, usize)>>, StoreError> {
        let (page, _) = store.case_overviews_page_with(&all, 0, 10, rules)?;
        Ok(page
            .into_iter()
            .map(|o| (o.summary.id, o.progress))
            .collect())
    };
    // Nothing remembered yet: every case comes with its rows to count.
    assert!(progress(&store, "r1")?.values().all(Option::is_none));
    let (page, _) = store.case_overviews_page_with(&all, 0, 10, "r1")?;
    let facts_a = page
        .iter()
        .find(|o| o.summary.id == a)
        .map(|o| o.facts.clone())
        .ok_or("a")?;
    assert!(!facts_a.is_empty());
    let rows: Vec<_> = page
        .iter()
        .map(|o| {
            (
                o.summary.id,
                o.summary.last_change,
                o.summary.id.0 as usize,
                9,
            )
        })
        .collect();
    store.remember_progress("r1", &rows)?;

    let now = progress(&store, "r1")?;
    assert_eq!(now[&a], Some((a.0 as usize, 9)));
    assert_eq!(now[&b], Some((b.0 as usize, 9)));
    // Under other rules, nothing holds.
    assert!(progress(&store, "r2")?.values().all(Option::is_none));
    // A remembered case is not read again: its facts and settled steps are left empty.
    let (page, _) = store.case_overviews_page_with(&all, 0, 10, "r1")?;
    assert!(
        page.iter()
            .all(|o| o.facts.is_empty() && o.settled.is_empty())
    );

    // A change of a step, of a fact, or of the kind: that case is counted again.
    sleep(Duration::from_millis(2));
    store.set_step_state(a, "s-new", StepState::Done, None)?;
    sleep(Duration::from_millis(2));
    store.set_kind(b, CaseKind::Both)?;
    let now = progress(&store, "r1")?;
    assert_eq!(now[&a], None);
    assert_eq!(now[&b], None);
    assert_eq!(
        now[&c],
        Some((c.0 as usize, 9)),
        "an unchanged case still holds"
    );
    let (page, _) = store.case_overviews_page_with(&all, 0, 10, "r1")?;
    let read_a = page.iter().find(|o| o.summary.id == a).ok_or("a")?;
    assert!(read_a.settled.iter().any(|s| &**s == "s-new"));

    // Counted from a read, then overtaken by a change before it was remembered: not used.
    let stale = read_a.summary.last_change;
    sleep(Duration::from_millis(2));
    store.set_facts(a, &[("child", "no")])?;
    store.remember_progress("r1", &[(a, stale, 1, 1)])?;
    assert_eq!(progress(&store, "r1")?[&a], None);
    store.lock()?;
    Ok(())
}
