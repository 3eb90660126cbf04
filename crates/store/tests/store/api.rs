//! The public API, change by change: what is kept, what is refused, and what the audit log
//! says about it.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use dalil_store::audit::actions;
use dalil_store::{
    CaseFilter, CaseId, CaseKind, CaseStatus, NewCase, NoteId, StepState, Store, StoreError,
    Verification,
};

use super::common::*;

#[test]
fn everything_written_reads_back_after_reopening() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.set_facts(case, &[("victim-minor", "yes"), ("transport", "by-land")])?;
    store.set_facts(case, &[("victim-minor", "no")])?;
    store.set_step_state(case, "s-01", StepState::Done, None)?;
    store.set_step_state(
        case,
        "s-02",
        StepState::NotApplicable,
        Some("no minor involved"),
    )?;
    store.set_step_state(
        case,
        "s-03",
        StepState::Blocked,
        Some("waiting for the court"),
    )?;
    let n1 = store.add_note(case, None, "first note")?;
    let n2 = store.add_note(case, Some("s-01"), "on step one")?;
    let n3 = store.add_note(case, None, "to be deleted")?;
    store.edit_note(n1, "first note, edited")?;
    store.edit_note(n1, "first note, edited twice")?;
    store.delete_note(n3)?;
    store.set_kind(case, CaseKind::Trafficking)?;
    store.save_draft(case, Some("s-02"), "half a sentence")?;
    store.lock()?;

    let store = Store::open(&path, &pass())?;
    let c = store.case(case)?;
    assert_eq!(c.reference, "BGD-2024-001");
    assert_eq!(c.kind, CaseKind::Trafficking);
    assert_eq!(c.status, CaseStatus::Open);
    assert_eq!(
        c.edition,
        dalil_store::Edition::new("dalil-reference-sop", "2024.1")
    );
    let facts = store.fact_map(case)?;
    assert_eq!(facts.get("victim-minor").map(String::as_str), Some("no"));
    assert_eq!(facts.get("transport").map(String::as_str), Some("by-land"));
    let steps = store.step_states(case)?;
    let summary: Vec<_> = steps
        .iter()
        .map(|s| (s.step_id.as_str(), s.state, s.reason.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            ("s-01", StepState::Done, None),
            ("s-02", StepState::NotApplicable, Some("no minor involved")),
            ("s-03", StepState::Blocked, Some("waiting for the court")),
        ]
    );
    let notes = store.notes(case)?;
    let live: Vec<_> = notes
        .iter()
        .map(|n| (n.id, n.step.as_deref(), n.text.as_str(), n.revision))
        .collect();
    assert_eq!(
        live,
        [
            (n1, None, "first note, edited twice", 3),
            (n2, Some("s-01"), "on step one", 1),
        ]
    );
    let revs: Vec<_> = store
        .note_revisions(n1)?
        .into_iter()
        .map(|r| r.text)
        .collect();
    assert_eq!(
        revs,
        [
            Some("first note".to_owned()),
            Some("first note, edited".to_owned()),
            Some("first note, edited twice".to_owned()),
        ]
    );
    let tomb: Vec<_> = store
        .note_revisions(n3)?
        .into_iter()
        .map(|r| r.text)
        .collect();
    assert_eq!(tomb, [Some("to be deleted".to_owned()), None]);
    assert_eq!(code(&store.note(n3)), "note-deleted");
    let drafts = store.drafts_for_case(case)?;
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].step.as_deref(), Some("s-02"));
    assert_eq!(drafts[0].text, "half a sentence");
    assert!(matches!(store.verify_audit()?, Verification::Intact { .. }));
    store.check()?;
    Ok(())
}

#[test]
fn the_audit_history_records_each_change_by_digest() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.set_facts(case, &[("victim-minor", "yes")])?;
    // Setting the same value again is not a change.
    store.set_facts(case, &[("victim-minor", "yes")])?;
    store.set_step_state(case, "s-01", StepState::Done, None)?;
    store.set_step_state(case, "s-01", StepState::Done, None)?;
    let note = store.add_note(case, None, "the secret text")?;
    store.edit_note(note, "the new secret text")?;
    store.delete_note(note)?;
    store.save_draft(case, None, "draft text")?;
    assert!(store.discard_draft(case, None)?);
    assert!(!store.discard_draft(case, None)?);
    store.close_case(case)?;
    store.reopen_case(case)?;
    let history = store.history(case)?;
    let acts: Vec<_> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        acts,
        [
            actions::CASE_CREATE,
            actions::FACT_SET,
            actions::STEP_SET,
            actions::NOTE_ADD,
            actions::NOTE_EDIT,
            actions::NOTE_DELETE,
            // Drafts are durable but not audited (issue 17).
            actions::CASE_CLOSE,
            actions::CASE_REOPEN,
        ]
    );
    let add = &history[3];
    assert_eq!(add.entity_kind, "note");
    assert_eq!(add.entity_id, note.to_string());
    assert_eq!(add.digest_hex, sha256_hex("the secret text"));
    assert!(history.windows(2).all(|w| w[0].seq < w[1].seq));
    // The log as a whole also holds the store's creation, and verifies.
    match store.verify_audit()? {
        Verification::Intact { len, head_hex } => {
            assert_eq!(len, history.len() as u64 + 1);
            assert_eq!(head_hex, history[history.len() - 1].hash_hex);
            assert_eq!(store.audit_head()?.hash_hex, head_hex);
        }
        other => panic!("audit log should verify: {other:?}"),
    }
    Ok(())
}

#[test]
fn a_closed_case_refuses_changes_until_reopened() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    let note = store.add_note(case, None, "kept")?;
    store.close_case(case)?;
    assert_eq!(store.case(case)?.status, CaseStatus::Closed);
    assert!(store.case(case)?.closed_at.is_some());
    assert_eq!(code(&store.add_note(case, None, "x")), "case-closed");
    assert_eq!(code(&store.edit_note(note, "x")), "case-closed");
    assert_eq!(code(&store.delete_note(note)), "case-closed");
    assert_eq!(code(&store.set_facts(case, &[("f", "yes")])), "case-closed");
    assert_eq!(
        code(&store.set_step_state(case, "s", StepState::Done, None)),
        "case-closed"
    );
    assert_eq!(code(&store.set_kind(case, CaseKind::Both)), "case-closed");
    assert_eq!(code(&store.save_draft(case, None, "x")), "case-closed");
    assert_eq!(code(&store.close_case(case)), "case-closed");
    assert!(matches!(
        store.close_case(case),
        Err(StoreError::CaseClosed { case: c }) if c == case
    ));
    store.reopen_case(case)?;
    assert_eq!(code(&store.reopen_case(case)), "case-not-closed");
    store.edit_note(note, "changed after reopening")?;
    assert_eq!(store.note(note)?.text, "changed after reopening");
    Ok(())
}

#[test]
fn an_export_is_recorded_with_the_digest_of_the_file_even_for_a_closed_case() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.close_case(case)?;
    let digest = dalil_store::audit::digest_text("the bytes of the bundle");
    store.record_export(case, "bundle", digest)?;
    let last = store.history(case)?.pop().ok_or("no history")?;
    assert_eq!(last.action, actions::CASE_EXPORT);
    assert_eq!(
        (last.entity_kind.as_str(), last.entity_id.as_str()),
        ("export", "bundle")
    );
    assert_eq!(last.digest_hex, hex::encode(digest));
    assert!(matches!(store.verify_audit()?, Verification::Intact { .. }));
    // Recording changes nothing but the log: the case stays closed.
    assert_eq!(store.case(case)?.status, CaseStatus::Closed);
    assert_eq!(code(&store.record_export(case, " ", digest)), "invalid");
    assert_eq!(
        code(&store.record_export(CaseId(999), "bundle", digest)),
        "not-found"
    );
    Ok(())
}

#[test]
fn reasons_are_required_exactly_where_the_state_needs_one() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    for state in [StepState::NotApplicable, StepState::Blocked] {
        assert_eq!(
            code(&store.set_step_state(case, "s", state, None)),
            "reason-required"
        );
        assert_eq!(
            code(&store.set_step_state(case, "s", state, Some("   "))),
            "reason-required"
        );
    }
    for state in [StepState::Pending, StepState::Done] {
        assert_eq!(
            code(&store.set_step_state(case, "s", state, Some("why"))),
            "reason-not-allowed"
        );
    }
    assert!(store.step_states(case)?.is_empty());
    store.set_step_state(case, "s", StepState::Blocked, Some("no interpreter"))?;
    store.set_step_state(case, "s", StepState::Done, None)?;
    let steps = store.step_states(case)?;
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].state, StepState::Done);
    assert_eq!(steps[0].reason, None);
    Ok(())
}

#[test]
fn committing_a_note_discards_the_matching_draft_only() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.save_draft(case, None, "case draft v1")?;
    store.save_draft(case, None, "case draft v2")?;
    store.save_draft(case, Some("s-1"), "step draft")?;
    store.save_draft(case, Some("s-2"), "other step draft")?;
    let drafts = store.drafts_for_case(case)?;
    assert_eq!(drafts.len(), 3, "one draft per (case, step-or-none)");
    assert_eq!(drafts[0].text, "case draft v2");
    let note = store.add_note(case, Some("s-1"), "committed")?;
    let left: Vec<_> = store
        .drafts_for_case(case)?
        .into_iter()
        .map(|d| d.step)
        .collect();
    assert_eq!(left, [None, Some("s-2".to_owned())]);
    store.save_draft(case, Some("s-1"), "editing it again")?;
    store.edit_note(note, "committed, edited")?;
    assert_eq!(store.drafts_for_case(case)?.len(), 2);
    // A failed commit keeps the draft: it is one transaction.
    assert_eq!(code(&store.add_note(case, None, "  ")), "invalid");
    assert_eq!(store.drafts_for_case(case)?.len(), 2);
    Ok(())
}

#[test]
fn cases_are_listed_filtered_and_ordered_by_last_change() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let a = store.create_case(&NewCase {
        reference: "KRB-7".into(),
        title: "Forged visas".into(),
        kind: CaseKind::Smuggling,
        edition: dalil_store::Edition::new("t", "1"),
    })?;
    let b = store.create_case(&NewCase {
        reference: "BSR-100%".into(),
        title: "Domestic work agency".into(),
        kind: CaseKind::Trafficking,
        edition: dalil_store::Edition::new("t", "1"),
    })?;
    let c = store.create_case(&new_case("NJF_3"))?;
    store.close_case(c)?;
    store.add_note(a, None, "touch a last")?;
    let all = store.list_cases(&CaseFilter::default())?;
    let ids: Vec<_> = all.iter().map(|s| s.id).collect();
    assert_eq!(ids, [a, c, b], "most recently changed first");
    assert!(all[0].last_change >= all[1].last_change);
    let open = store.list_cases(&CaseFilter {
        status: Some(CaseStatus::Open),
        text: None,
    })?;
    assert_eq!(open.iter().map(|s| s.id).collect::<Vec<_>>(), [a, b]);
    let closed = store.list_cases(&CaseFilter {
        status: Some(CaseStatus::Closed),
        text: None,
    })?;
    assert_eq!(closed.iter().map(|s| s.id).collect::<Vec<_>>(), [c]);
    let by_title = store.list_cases(&CaseFilter {
        status: None,
        text: Some("visas".into()),
    })?;
    assert_eq!(by_title.iter().map(|s| s.id).collect::<Vec<_>>(), [a]);
    let by_ref_any_case = store.list_cases(&CaseFilter {
        status: None,
        text: Some("krb".into()),
    })?;
    assert_eq!(
        by_ref_any_case.iter().map(|s| s.id).collect::<Vec<_>>(),
        [a]
    );
    // LIKE wildcards in the search text are literal.
    let percent = store.list_cases(&CaseFilter {
        status: None,
        text: Some("0%".into()),
    })?;
    assert_eq!(percent.iter().map(|s| s.id).collect::<Vec<_>>(), [b]);
    let underscore = store.list_cases(&CaseFilter {
        status: None,
        text: Some("F_".into()),
    })?;
    assert_eq!(underscore.iter().map(|s| s.id).collect::<Vec<_>>(), [c]);
    Ok(())
}

#[test]
fn bad_input_and_missing_ids_have_their_codes() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    assert_eq!(
        code(&store.create_case(&new_case("BGD-2024-001"))),
        "duplicate-reference"
    );
    let mut blank = new_case("X-1");
    blank.title = " ".into();
    assert!(matches!(
        store.create_case(&blank),
        Err(StoreError::Invalid { field: "title" })
    ));
    let missing = dalil_store::CaseId(999);
    assert_eq!(code(&store.case(missing)), "not-found");
    assert_eq!(code(&store.notes(missing)), "not-found");
    assert_eq!(code(&store.add_note(missing, None, "x")), "not-found");
    assert_eq!(code(&store.edit_note(NoteId(999), "x")), "not-found");
    assert_eq!(code(&store.note_revisions(NoteId(999))), "not-found");
    assert_eq!(code(&store.add_note(case, Some(""), "x")), "invalid");
    assert_eq!(code(&store.set_facts(case, &[("", "yes")])), "invalid");
    Ok(())
}

#[test]
fn a_failed_batch_commits_nothing() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    let head = store.audit_head()?;
    let r = store.batch(|b| {
        b.add_note(case, None, "one")?;
        b.set_facts(case, &[("f", "yes")])?;
        b.set_step_state(case, "s", StepState::Blocked, None)
    });
    assert_eq!(code(&r), "reason-required");
    assert!(store.notes(case)?.is_empty());
    assert!(store.facts(case)?.is_empty());
    assert_eq!(store.audit_head()?, head);
    let ids = store.batch(|b| {
        let n1 = b.add_note(case, None, "one")?;
        let n2 = b.add_note(case, None, "two")?;
        Ok((n1, n2))
    })?;
    assert_eq!(store.notes(case)?.len(), 2);
    assert!(ids.0 < ids.1);
    Ok(())
}

#[test]
fn errors_and_debug_output_carry_no_case_data() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let marker = "Zaynab-al-Marker";
    let case = store.create_case(&new_case(marker))?;
    let note = store.add_note(case, None, marker)?;
    store.close_case(case)?;
    let errors = [
        store.create_case(&new_case(marker)).err(),
        store.edit_note(note, marker).err(),
        store.add_note(case, Some(marker), marker).err(),
        Store::open(
            &dir.path().join("cases.db"),
            &dalil_store::Passphrase::from(marker),
        )
        .err(),
    ];
    for e in errors.iter().flatten() {
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains(marker), "{shown}");
    }
    assert!(!format!("{store:?}").contains(marker));
    assert!(!format!("{:?}", dalil_store::Passphrase::from(marker)).contains(marker));
    Ok(())
}

#[test]
fn create_never_overwrites_and_files_are_private() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    sample_case(&mut store)?;
    store.lock()?;
    let before = snapshot(dir.path())?;
    assert_eq!(code(&Store::create(&path, &pass())), "already-exists");
    assert_eq!(snapshot(dir.path())?, before);
    // A stray WAL or key check next to a missing file blocks creation too: a stale WAL
    // would otherwise be replayed into the new file.
    let other = dir.path().join("other.db");
    fs::write(with_suffix(&other, "-wal"), b"stale")?;
    assert_eq!(code(&Store::create(&other, &pass())), "already-exists");
    assert!(!other.exists());
    assert_eq!(
        code(&Store::create(&dir.path().join("x.db"), &"".into())),
        "empty-passphrase"
    );
    for name in ["cases.db", "cases.db.keycheck"] {
        let mode = fs::metadata(dir.path().join(name))?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
    // Only the file and its key check are left: no temporary files.
    let names: Vec<_> = snapshot(dir.path())?.into_keys().collect();
    assert_eq!(names, ["cases.db", "cases.db.keycheck", "other.db-wal"]);
    Ok(())
}

#[test]
fn the_file_is_a_stock_sqlcipher_4_database() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.add_note(case, None, "readable with the passphrase")?;
    store.lock()?;
    let conn = raw_conn(&path, PASS)?;
    let body: String = conn.query_row("SELECT body FROM note_revisions", [], |r| r.get(0))?;
    assert_eq!(body, "readable with the passphrase");
    let journal: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(journal, "wal");
    Ok(())
}

#[test]
fn a_missing_file_is_no_database() -> TestResult {
    let dir = tempdir()?;
    let path = dir.path().join("cases.db");
    assert_eq!(code(&Store::open(&path, &pass())), "no-database");
    assert!(snapshot(dir.path())?.is_empty());
    Ok(())
}

/// The ids of the notes a search finds, in ascending order.
fn found(store: &Store, query: &str, case: Option<dalil_store::CaseId>) -> Vec<i64> {
    let mut ids: Vec<i64> = store
        .search_notes(query, case, 100)
        .unwrap_or_else(|e| panic!("search failed: {}", e.code()))
        .iter()
        .map(|m| m.note.id.0)
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn the_notes_index_follows_every_note_change_in_its_transaction() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let a = sample_case(&mut store)?;
    let b = store.create_case(&new_case("BGD-2024-002"))?;
    let n1 = store.add_note(a, Some("intake-foreign"), "جواز سفر الضحيّة محتجز")?;
    let n2 = store.add_note(b, None, "The passport was returned")?;
    assert_eq!(found(&store, "جواز", None), [n1.0]);
    assert_eq!(found(&store, "passport", None), [n2.0]);
    assert_eq!(found(&store, "passp", Some(a)), Vec::<i64>::new());
    let hits = store.search_notes("الضَّحِيَّة", None, 10)?;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].case_reference, "BGD-2024-001");
    assert_eq!(hits[0].note.step.as_deref(), Some("intake-foreign"));
    assert_eq!(hits[0].snippet.marks.len(), 1);

    // An edit replaces the indexed words; a deletion removes them.
    store.edit_note(n2, "Returned to the embassy")?;
    assert_eq!(found(&store, "passport", None), Vec::<i64>::new());
    assert_eq!(found(&store, "embassy", None), [n2.0]);
    store.delete_note(n2)?;
    assert_eq!(found(&store, "embassy", None), Vec::<i64>::new());

    // A batch that fails leaves nothing in the index either.
    let failed: Result<(), StoreError> = store.batch(|tx| {
        tx.add_note(a, None, "rolled back harbour")?;
        Err(StoreError::Invalid { field: "test" })
    });
    assert_eq!(code(&failed), "invalid");
    assert_eq!(found(&store, "harbour", None), Vec::<i64>::new());

    // The index survives reopening; bad queries and unknown cases have their codes.
    store.lock()?;
    let store = Store::open(&path, &pass())?;
    assert_eq!(found(&store, "محتجز", None), [n1.0]);
    assert_eq!(
        code(&store.search_notes(&"a".repeat(300), None, 5)),
        "bad-query"
    );
    assert_eq!(code(&store.search_notes("x\u{1}", None, 5)), "bad-query");
    assert_eq!(
        code(&store.search_notes("x", Some(dalil_store::CaseId(99)), 5)),
        "not-found"
    );
    assert!(store.search_notes("", None, 5)?.is_empty());
    Ok(())
}

#[test]
fn a_case_is_found_by_its_exact_reference() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    assert_eq!(store.case_by_reference("BGD-2024-001")?, Some(case));
    assert_eq!(store.case_by_reference("BGD-2024")?, None);
    assert_eq!(store.case_by_reference("%")?, None);
    Ok(())
}
