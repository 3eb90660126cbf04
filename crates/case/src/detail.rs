//! A whole case: its facts and its checklist, each step joined with what the case recorded.
//! The app's case screen ([`crate::view`]), `dalil case show` and its `--json` are all made
//! from this one reading.

use std::collections::BTreeMap;

use dalil_checklist::{Item, Recorded};
use dalil_content::condition::Facts;
use dalil_content::{Lang, Sop};
use dalil_store::{Case, CaseId, Fact, KIND_FACT, Note, StepRecord, StepState, Store, StoreError};

use crate::facts::{step_title, with_kind};
use crate::{is_current, rfc3339};

/// A case as read for showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDetail {
    /// The case row.
    pub case: Case,
    /// The answers, by fact id, with the case's kind as the `kind` fact when the SOP asks
    /// it (its time is that of the case's last change of kind, else its opening).
    pub facts: Vec<Fact>,
    /// The facts as the checklist reads them: the answers and the kind.
    pub answers: Facts,
    /// The steps that apply, in checklist order.
    pub checklist: Vec<DetailStep>,
    /// Steps of the SOP that the facts do not call for but that carry a state or notes.
    pub hidden: Vec<DetailStep>,
    /// Steps this edition of the SOP no longer has that carry a state or notes.
    pub retired: Vec<DetailStep>,
    /// The notes on the case itself, tied to no step.
    pub case_notes: Vec<Note>,
    /// Whether the case is pinned to the SOP's current edition.
    pub current_edition: bool,
}

/// One step of a case: what the SOP says of it and what the case recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailStep {
    /// The step id.
    pub id: String,
    /// Its title in the asked language, when the SOP has the step.
    pub title: Option<String>,
    /// The step as the checklist sees it (for an applicable step, with why it applies), when
    /// the SOP has the step.
    pub item: Option<Item>,
    /// The recorded state, if one was ever set.
    pub record: Option<StepRecord>,
    /// The live notes tied to the step, oldest first.
    pub notes: Vec<Note>,
}

impl DetailStep {
    /// The step's state: pending when none was recorded.
    pub fn state(&self) -> StepState {
        self.record.as_ref().map_or(StepState::Pending, |r| r.state)
    }
}

impl CaseDetail {
    /// Applicable steps that are settled (done, not applicable or blocked), and all
    /// applicable steps.
    pub fn progress(&self) -> (usize, usize) {
        let done = self
            .checklist
            .iter()
            .filter(|s| s.state() != StepState::Pending)
            .count();
        (done, self.checklist.len())
    }

    /// Mandatory applicable steps still pending.
    pub fn pending_mandatory(&self) -> usize {
        self.checklist
            .iter()
            .filter(|s| {
                s.item.as_ref().is_some_and(|i| i.required) && s.state() == StepState::Pending
            })
            .count()
    }
}

/// Reads a case and derives its checklist, with step titles in `lang`.
pub fn detail(store: &Store, sop: &Sop, lang: Lang, id: CaseId) -> Result<CaseDetail, StoreError> {
    let case = store.case(id)?;
    let mut facts = store.facts(id)?;
    let answers = with_kind(
        facts
            .iter()
            .map(|f| (f.id.clone(), f.value.clone()))
            .collect(),
        case.kind,
    );
    if sop.manifest.fact(KIND_FACT).is_some() {
        let kind_set = store
            .history(id)?
            .into_iter()
            .rev()
            .find(|e| e.action == dalil_store::audit::actions::CASE_SET_KIND)
            .map_or(case.created_at, |e| e.at);
        facts.push(Fact {
            id: KIND_FACT.to_owned(),
            value: case.kind.as_str().to_owned(),
            updated_at: kind_set,
        });
        facts.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let records = store.step_states(id)?;
    let notes = store.notes(id)?;

    let recorded: BTreeMap<String, Recorded> = records
        .iter()
        .map(|r| {
            (
                r.step_id.clone(),
                Recorded {
                    state: r.state.as_str().to_owned(),
                    reason: r.reason.clone(),
                    updated_at: rfc3339(r.updated_at),
                },
            )
        })
        .collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for step in notes.iter().filter_map(|n| n.step.as_ref()) {
        *counts.entry(step.clone()).or_default() += 1;
    }
    let list = dalil_checklist::case_checklist(sop, &answers, &recorded, &counts);

    let step = |id: &str, item: Option<Item>| DetailStep {
        id: id.to_owned(),
        title: step_title(sop, lang, id),
        item,
        record: records.iter().find(|r| r.step_id == id).cloned(),
        notes: notes
            .iter()
            .filter(|n| n.step.as_deref() == Some(id))
            .cloned()
            .collect(),
    };
    let checklist = list
        .applicable
        .into_iter()
        .map(|r| step(&r.item.step.clone(), Some(r.item)))
        .collect();
    let hidden = list
        .hidden
        .into_iter()
        .map(|r| step(&r.item.step.clone(), Some(r.item)))
        .collect();
    let retired = list
        .retired
        .iter()
        .map(|(id, _, _)| step(id, None))
        .collect();
    let current_edition = is_current(&case.edition, &sop.manifest);
    Ok(CaseDetail {
        case,
        facts,
        answers,
        checklist,
        hidden,
        retired,
        case_notes: notes.into_iter().filter(|n| n.step.is_none()).collect(),
        current_edition,
    })
}
