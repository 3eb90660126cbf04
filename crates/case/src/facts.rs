//! The facts of a case: read as the checklist reads them, checked when typed, and set with
//! the steps they bring in and take out.

use std::collections::{BTreeMap, BTreeSet};

use dalil_content::condition::Facts;
use dalil_content::{Lang, Sop};
use dalil_store::{CaseId, CaseKind, KIND_FACT, Store, StoreError};
use serde::Serialize;

use crate::CaseError;

/// The facts of a case as the checklist reads them: the stored answers, and the `kind` fact
/// from the case itself, where the store keeps it. Every reader of a case's checklist goes
/// through here (or [`with_kind`]), so none can leave the kind out.
pub fn facts_of(store: &Store, case: CaseId) -> Result<Facts, StoreError> {
    let kind = store.case(case)?.kind;
    Ok(with_kind(store.fact_map(case)?, kind))
}

/// Stored answers with the case's kind added as the `kind` fact.
pub(crate) fn with_kind(mut facts: Facts, kind: CaseKind) -> Facts {
    facts.insert(KIND_FACT.to_owned(), kind.as_str().to_owned());
    facts
}

/// Answers checked against the manifest, in their stored form, with the kind apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactInput {
    /// The case kind, when the answers name one.
    pub kind: Option<CaseKind>,
    /// The other answers, fact id to stored value, each fact once (the last answer wins).
    pub facts: BTreeMap<String, String>,
}

/// Checks answers against the manifest before anything is written: each must be a declared
/// fact with an allowed value. `kind` must also be one of the store's four kinds; it is kept
/// apart, since the case holds its kind itself.
pub fn check_facts<'a>(
    sop: &Sop,
    answers: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<FactInput, CaseError> {
    let mut input = FactInput::default();
    for (id, value) in answers {
        if id == KIND_FACT && sop.manifest.fact(KIND_FACT).is_none() {
            // An SOP that asks no kind question still has cases of a kind.
            let value = value.trim();
            input.kind =
                Some(CaseKind::parse(value).ok_or_else(|| CaseError::UnknownKind(value.into()))?);
            continue;
        }
        let (id, value) = dalil_checklist::check_fact(&sop.manifest, id, value)?;
        if id == KIND_FACT {
            input.kind = Some(CaseKind::parse(&value).ok_or(CaseError::UnknownKind(value))?);
        } else {
            input.facts.insert(id, value);
        }
    }
    Ok(input)
}

/// A step named for people: its id and its title in the asked language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepRef {
    /// The step id.
    pub id: String,
    /// Its title, or the id when the SOP does not have the step.
    pub title: String,
}

/// What a change of facts did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactChange {
    /// The facts after the change, as the checklist reads them (with the kind).
    pub facts: Facts,
    /// The steps the change brought into the checklist, in checklist order.
    pub shown: Vec<StepRef>,
    /// The steps the change took out, in their old order.
    pub hidden: Vec<StepRef>,
}

/// Sets facts of an open case (and its kind, when the answers name a new one) in one
/// transaction, and says which steps appeared and which were hidden.
pub fn set_facts(
    store: &mut Store,
    sop: &Sop,
    lang: Lang,
    case: CaseId,
    input: &FactInput,
) -> Result<FactChange, CaseError> {
    let before = dalil_checklist::applicable(sop, &facts_of(store, case)?);
    let current = store.case(case)?.kind;
    let pairs: Vec<(&str, &str)> = input
        .facts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    store.batch(|b| {
        b.set_facts(case, &pairs)?;
        match input.kind {
            Some(kind) if kind != current => b.set_kind(case, kind),
            _ => Ok(()),
        }
    })?;
    let facts = facts_of(store, case)?;
    let after = dalil_checklist::applicable(sop, &facts);
    let ids = |items: &[dalil_checklist::Item]| -> BTreeSet<String> {
        items.iter().map(|i| i.step.clone()).collect()
    };
    let (old, new) = (ids(&before), ids(&after));
    let named = |id: &str| StepRef {
        id: id.to_owned(),
        title: step_title(sop, lang, id).unwrap_or_else(|| id.to_owned()),
    };
    Ok(FactChange {
        shown: after
            .iter()
            .filter(|i| !old.contains(&i.step))
            .map(|i| named(&i.step))
            .collect(),
        hidden: before
            .iter()
            .filter(|i| !new.contains(&i.step))
            .map(|i| named(&i.step))
            .collect(),
        facts,
    })
}

/// The title of a step in `lang`, if the SOP has the step.
pub(crate) fn step_title(sop: &Sop, lang: Lang, id: &str) -> Option<String> {
    sop.steps(lang)
        .find(|(_, s)| s.id == id)
        .map(|(_, s)| s.title.clone())
}
