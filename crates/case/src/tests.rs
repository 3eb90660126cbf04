//! The case layer on the real SOP and a real (encrypted, temporary) case file.

use dalil_content::{Lang, Sop};
use dalil_store::{CaseKind, Passphrase, StepState, Store};

use crate::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn sop() -> Sop {
    let (sop, problems) = dalil_content::load(&dalil_sop_files::bundled());
    assert_eq!(dalil_content::error_count(&problems), 0, "{problems:?}");
    sop
}

fn store(dir: &tempfile::TempDir) -> Result<Store, dalil_store::StoreError> {
    Store::create(
        &dir.path().join(dalil_store::DB_FILE_NAME),
        &Passphrase::from("a passphrase for tests"),
    )
}

/// A case "R" with no facts.
fn blank_case(store: &mut Store, sop: &Sop) -> Result<dalil_store::Case, CaseError> {
    let input = NewCaseInput {
        reference: "R".into(),
        title: "t".into(),
        facts: FactInput::default(),
    };
    create(store, sop, &input)
}

#[test]
fn the_kind_is_checked_kept_on_the_case_and_read_back_among_the_facts() -> TestResult {
    let sop = sop();
    let dir = tempfile::tempdir()?;
    let mut store = store(&dir)?;
    assert!(matches!(
        check_facts(&sop, [("kind", "piracy")]),
        Err(CaseError::Fact(_) | CaseError::UnknownKind(_))
    ));
    assert!(matches!(
        check_facts(&sop, [("no-such-fact", "yes")]),
        Err(CaseError::Fact(_))
    ));
    let input = NewCaseInput {
        reference: "  ١٢-TIP ".into(),
        title: "t".into(),
        facts: check_facts(&sop, [("kind", "smuggling"), ("child", "نعم")])?,
    };
    let case = create(&mut store, &sop, &input)?;
    assert_eq!(case.reference, "12-TIP");
    assert_eq!(case.kind, CaseKind::Smuggling);
    assert!(is_current(&case.edition, &sop.manifest));
    assert!(!store.fact_map(case.id)?.contains_key("kind"));
    let facts = facts_of(&store, case.id)?;
    assert_eq!(facts.get("kind").map(String::as_str), Some("smuggling"));
    assert_eq!(facts.get("child").map(String::as_str), Some("yes"));
    assert_eq!(resolve(&store, "١٢-TIP")?, case.id);
    assert_eq!(resolve(&store, &case.id.to_string())?, case.id);
    assert!(matches!(
        resolve(&store, "nothing"),
        Err(CaseError::CaseNotFound)
    ));
    assert!(matches!(
        create(
            &mut store,
            &sop,
            &NewCaseInput {
                reference: " ".into(),
                ..input
            }
        ),
        Err(CaseError::ReferenceRequired)
    ));
    Ok(())
}

#[test]
fn a_change_of_kind_shows_and_hides_steps_and_is_audited_once() -> TestResult {
    let sop = sop();
    let dir = tempfile::tempdir()?;
    let mut store = store(&dir)?;
    let case = blank_case(&mut store, &sop)?;
    let same = check_facts(&sop, [("kind", "undetermined")])?;
    let change = set_facts(&mut store, &sop, Lang::En, case.id, &same)?;
    assert!(change.shown.is_empty() && change.hidden.is_empty());
    let entries = store.history(case.id)?.len();
    assert_eq!(entries, 1, "the same kind again writes nothing");

    // From undetermined (both kinds' steps) to smuggling: the trafficking-only steps go.
    let som = check_facts(&sop, [("kind", "smuggling")])?;
    let change = set_facts(&mut store, &sop, Lang::En, case.id, &som)?;
    let now = dalil_checklist::applicable(&sop, &change.facts);
    assert!(!change.hidden.is_empty(), "{change:?}");
    assert!(
        change
            .hidden
            .iter()
            .all(|s| !now.iter().any(|i| i.step == s.id))
    );
    assert!(
        change
            .shown
            .iter()
            .all(|s| now.iter().any(|i| i.step == s.id))
    );
    assert!(
        change.hidden.iter().all(|s| s.title != s.id),
        "titles, not ids"
    );
    assert_eq!(
        store.history(case.id)?.len(),
        2,
        "one entry for the new kind"
    );
    assert_eq!(store.case(case.id)?.kind, CaseKind::Smuggling);
    Ok(())
}

#[test]
fn a_step_needs_its_reason_and_must_be_known() -> TestResult {
    let sop = sop();
    let dir = tempfile::tempdir()?;
    let mut store = store(&dir)?;
    let case = blank_case(&mut store, &sop)?;
    let detail0 = detail(&store, &sop, Lang::Ar, case.id)?;
    let first = detail0
        .checklist
        .first()
        .ok_or("an empty checklist")?
        .id
        .clone();
    assert!(matches!(
        set_step(
            &mut store,
            &sop,
            case.id,
            &first,
            StepState::Blocked,
            Some("  ")
        ),
        Err(CaseError::ReasonRequired)
    ));
    assert!(matches!(
        set_step(
            &mut store,
            &sop,
            case.id,
            &first,
            StepState::Done,
            Some("why")
        ),
        Err(CaseError::ReasonNotAllowed)
    ));
    assert!(matches!(
        set_step(
            &mut store,
            &sop,
            case.id,
            "no-such-step",
            StepState::Done,
            None
        ),
        Err(CaseError::UnknownStep(_))
    ));
    let set = set_step(&mut store, &sop, case.id, &first, StepState::Done, None)?;
    assert!(set.applies);
    assert_eq!(set.record.map(|r| r.state), Some(StepState::Done));
    let after = detail(&store, &sop, Lang::Ar, case.id)?;
    assert_eq!(after.progress().0, 1);
    let shown = view(&after, &sop, &dalil_l10n::Localizer::new(Lang::Ar));
    assert_eq!(shown.done, 1);
    // Issue 20: the counts in words follow the localizer's digits, Arabic-Indic by default.
    let is_arabic = |c: char| ('٠'..='٩').contains(&c);
    let label = &shown.pending_label;
    assert!(label.chars().any(is_arabic), "{label}");
    assert!(!label.chars().any(|c| c.is_ascii_digit()), "{label}");
    let latin = dalil_l10n::Localizer::with_digits(Lang::Ar, dalil_l10n::Digits::Latin);
    let label = view(&after, &sop, &latin).pending_label;
    assert!(label.chars().any(|c| c.is_ascii_digit()), "{label}");
    assert!(!label.chars().any(is_arabic), "{label}");
    assert_eq!(shown.sop_edition, sop.manifest.edition());
    assert!(shown.current_edition);
    Ok(())
}

#[test]
fn the_list_remembers_progress_and_counts_again_what_changed() -> TestResult {
    let sop = sop();
    let dir = tempfile::tempdir()?;
    let mut store = store(&dir)?;
    let mut ids = Vec::new();
    for (reference, kind) in [
        ("A", "trafficking"),
        ("B", "smuggling"),
        ("C", "undetermined"),
    ] {
        let input = NewCaseInput {
            reference: reference.into(),
            title: "t".into(),
            facts: check_facts(&sop, [("kind", kind)])?,
        };
        ids.push(create(&mut store, &sop, &input)?.id);
    }
    let filter = dalil_store::CaseFilter::default();
    // What the list says, and what each case's own checklist says, agree: counted first,
    // then remembered.
    let expected = |store: &Store| -> Result<Vec<(i64, usize, usize)>, CaseError> {
        let mut v = Vec::new();
        for id in &ids {
            let d = detail(store, &sop, Lang::Ar, *id)?;
            let (done, all) = d.progress();
            v.push((id.0, done, all));
        }
        v.sort_unstable();
        Ok(v)
    };
    let listed = |page: &CasePage| {
        let mut v: Vec<_> = page
            .rows
            .iter()
            .map(|r| (r.id, r.done, r.applicable))
            .collect();
        v.sort_unstable();
        v
    };
    let rules = dalil_checklist::rules_key(&sop);
    let first = page(&mut store, &sop, &rules, &filter, 0, 10)?;
    assert_eq!(listed(&first), expected(&store)?);
    let (overviews, _) = store.case_overviews_page_with(&filter, 0, 10, &rules)?;
    assert!(overviews.iter().all(|o| o.progress.is_some()), "remembered");
    let again = page(&mut store, &sop, &rules, &filter, 0, 10)?;
    assert_eq!(listed(&again), listed(&first));

    // A step set on case A: the list counts it again and agrees with the case.
    let a = detail(&store, &sop, Lang::Ar, ids[0])?;
    let step = a.checklist.first().ok_or("no step")?.id.clone();
    set_step(&mut store, &sop, ids[0], &step, StepState::Done, None)?;
    let after = page(&mut store, &sop, &rules, &filter, 0, 10)?;
    assert_eq!(listed(&after), expected(&store)?);
    assert_ne!(listed(&after), listed(&first));
    Ok(())
}
