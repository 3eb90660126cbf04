//! Carrying an open case over to a new SOP edition: what would change for that case, and the
//! move itself, one audited action (`case.set-edition`).
//!
//! A case keeps the edition it was opened under until the officer moves it. Before moving, the
//! officer sees, for this case and its facts: the steps that would appear (and the facts that
//! bring each in), the steps the new edition retires (their notes and states are kept and
//! shown as retired), and the steps whose guidance changed.

use dalil_content::diff::{Presence, SopDiff};
use dalil_content::{Lang, Sop};
use dalil_l10n::Localizer;
use dalil_store::{CaseId, Store};
use serde::Serialize;

use crate::error::CaseError;
use crate::facts::facts_of;
use crate::open::{edition_label, edition_of, is_current};

/// What moving a case to a new edition would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EditionChange {
    /// The case's id.
    pub case: i64,
    /// Its reference.
    pub reference: String,
    /// Its title.
    pub title: String,
    /// The edition it is pinned to, for people.
    pub from: String,
    /// The edition it would move to, for people.
    pub to: String,
    /// Whether it is already on that edition.
    pub current: bool,
    /// Steps that would appear in its checklist, with the facts that bring each in.
    pub appear: Vec<ChangedStep>,
    /// Steps of its checklist that the new edition no longer shows it, with how many notes
    /// each has (kept, and shown as retired) and its recorded state.
    pub retire: Vec<ChangedStep>,
    /// Steps in its checklist in both editions whose guidance or title changed.
    pub changed: Vec<ChangedStep>,
}

/// A step in an edition change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangedStep {
    /// The step id.
    pub id: String,
    /// Its title in the language asked for (from the new edition, or the old for a retired
    /// step).
    pub title: String,
    /// Why it appears: the facts, in words; empty for a step of every case.
    pub because: Vec<String>,
    /// Whether the new edition removed it entirely (not only hid it from this case).
    pub removed: bool,
    /// How many notes the case has on it.
    pub notes: usize,
    /// Its recorded state, if any (`done`, `not-applicable`, …).
    pub state: Option<String>,
}

/// What moving `case` from `old` (the edition it is pinned to) to `new` would change.
pub fn edition_change(
    store: &Store,
    case: CaseId,
    old: &Sop,
    new: &Sop,
    diff: &SopDiff,
    l10n: &Localizer,
) -> Result<EditionChange, CaseError> {
    let c = store.case(case)?;
    let facts = facts_of(store, case)?;
    let lang = l10n.lang();
    let not = l10n.get("condition-not");
    let before = dalil_checklist::applicable(old, &facts);
    let after = dalil_checklist::applicable(new, &facts);
    let states = store.step_states(case)?;
    let notes = store.notes(case)?;
    let notes_on = |id: &str| {
        notes
            .iter()
            .filter(|n| n.step.as_deref() == Some(id))
            .count()
    };
    let state_of = |id: &str| {
        states
            .iter()
            .find(|s| s.step_id == id)
            .map(|s| s.state.as_str().to_owned())
    };
    let title = |sop: &Sop, id: &str| {
        sop.step(id, lang)
            .map_or_else(|| id.to_owned(), |(_, s)| s.title.clone())
    };
    let appear = after
        .iter()
        .filter(|i| !before.iter().any(|b| b.step == i.step))
        .map(|i| ChangedStep {
            id: i.step.clone(),
            title: title(new, &i.step),
            because: i
                .reasons
                .iter()
                .map(|r| dalil_checklist::explain(&new.manifest, r, lang, &not))
                .collect(),
            removed: false,
            notes: notes_on(&i.step),
            state: state_of(&i.step),
        })
        .collect();
    let retire = before
        .iter()
        .filter(|b| !after.iter().any(|i| i.step == b.step))
        .map(|b| ChangedStep {
            id: b.step.clone(),
            title: title(old, &b.step),
            because: Vec::new(),
            removed: new.step(&b.step, Lang::Ar).is_none(),
            notes: notes_on(&b.step),
            state: state_of(&b.step),
        })
        .collect();
    let changed = diff
        .steps
        .iter()
        .filter(|s| s.presence == Presence::Kept && (s.guidance.is_some() || s.title.is_some()))
        .filter(|s| after.iter().any(|i| i.step == s.id) && before.iter().any(|b| b.step == s.id))
        .map(|s| ChangedStep {
            id: s.id.clone(),
            title: title(new, &s.id),
            because: Vec::new(),
            removed: false,
            notes: notes_on(&s.id),
            state: state_of(&s.id),
        })
        .collect();
    Ok(EditionChange {
        case: case.0,
        reference: c.reference,
        title: c.title,
        from: edition_label(&c.edition, &old.manifest),
        to: new.manifest.edition(),
        current: is_current(&c.edition, &new.manifest),
        appear,
        retire,
        changed,
    })
}

/// Moves an open case to `new`'s edition: one audited action. Its notes and step states stay,
/// those of retired steps too.
pub fn move_to_edition(store: &mut Store, case: CaseId, new: &Sop) -> Result<(), CaseError> {
    store.set_edition(case, &edition_of(new))?;
    Ok(())
}
