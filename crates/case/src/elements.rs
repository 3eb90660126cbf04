//! The element matrix of a case: for each offence that concerns it, each element, whether it
//! is required for this case's facts, its state, what supports it, and the gaps.

use std::collections::BTreeMap;

use dalil_content::elements::{Element, Offence, Required};
use dalil_content::{Lang, Sop};
use dalil_store::{CaseId, ElementState, LinkTarget, Store};
use serde::Serialize;

use crate::{CaseError, facts_of};

/// The matrix of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// The case's reference, for the tab's heading.
    pub reference: String,
    /// The case's title.
    pub title: String,
    /// The offences that concern the case, in the SOP's order.
    pub offences: Vec<OffenceRows>,
    /// How many required elements have nothing linked to them.
    pub gaps: usize,
}

/// One offence of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OffenceRows {
    /// The offence id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The legal basis of its definition.
    pub basis: String,
    /// The SOP's note on it, if any.
    pub note: Option<String>,
    /// Its elements.
    pub elements: Vec<ElementRow>,
}

/// One row of the matrix: an element in this case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementRow {
    /// The element id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What has to be shown.
    pub description: String,
    /// Its legal basis.
    pub basis: String,
    /// Whether this case must support it.
    pub required: bool,
    /// Why it is not required here although it can be, when the SOP says.
    pub optional_note: Option<String>,
    /// `open`, `supported` or `contested`.
    pub state: String,
    /// The officer's reason for the state.
    pub reason: Option<String>,
    /// What is linked to it.
    pub support: Vec<Support>,
    /// Required, and nothing is linked to it yet.
    pub gap: bool,
    /// The SOP steps that gather this kind of evidence and apply to the case.
    pub gather: Vec<GatherStep>,
}

/// A note, step or exhibit linked to an element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Support {
    /// `note`, `step` or `exhibit`.
    pub kind: String,
    /// The note id, step id or exhibit number.
    pub id: String,
    /// What it is, in a few words: the note's first line, the step's title, the exhibit's
    /// description.
    pub label: String,
}

/// A step that gathers evidence of an element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GatherStep {
    /// The step id.
    pub step: String,
    /// Its chapter.
    pub chapter: String,
    /// Its title.
    pub title: String,
    /// Its state in the case.
    pub state: String,
}

/// The offences that concern a case with these facts, with whether each of their elements
/// is required: the rule the matrix and its property tests share.
pub fn offences_for<'a>(
    sop: &'a Sop,
    facts: &dalil_content::condition::Facts,
) -> Vec<(&'a Offence, Vec<(&'a Element, bool)>)> {
    sop.offences
        .iter()
        .filter(|o| o.applies(&sop.manifest, facts))
        .map(|o| {
            let elements = o
                .elements
                .iter()
                .map(|e| (e, e.is_required(&sop.manifest, facts)))
                .collect();
            (o, elements)
        })
        .collect()
}

const LABEL_CHARS: usize = 80;

fn short(text: &str) -> String {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut out: String = first.chars().take(LABEL_CHARS).collect();
    if first.chars().count() > LABEL_CHARS || text.trim().lines().count() > 1 {
        out.push('…');
    }
    out
}

/// The element matrix of a case, in `lang`.
pub fn matrix(store: &Store, sop: &Sop, lang: Lang, case: CaseId) -> Result<Matrix, CaseError> {
    let facts = facts_of(store, case)?;
    let marks: BTreeMap<String, _> = store
        .element_marks(case)?
        .into_iter()
        .map(|m| (m.element.clone(), m))
        .collect();
    let mut links: BTreeMap<String, Vec<LinkTarget>> = BTreeMap::new();
    for l in store.element_links(case)? {
        links.entry(l.element).or_default().push(l.target);
    }
    let notes: BTreeMap<i64, String> = store
        .notes(case)?
        .into_iter()
        .map(|n| (n.id.0, n.text))
        .collect();
    let exhibits: BTreeMap<u32, String> = store
        .exhibits(case)?
        .into_iter()
        .map(|e| (e.number, e.details.description))
        .collect();
    let states: BTreeMap<String, String> = store
        .step_states(case)?
        .into_iter()
        .map(|r| (r.step_id, r.state.as_str().to_owned()))
        .collect();
    let applicable: Vec<String> = dalil_checklist::applicable(sop, &facts)
        .into_iter()
        .map(|i| i.step.to_owned())
        .collect();

    let mut gaps = 0;
    let mut offences = Vec::new();
    for (offence, elements) in offences_for(sop, &facts) {
        let mut rows = Vec::new();
        for (element, required) in elements {
            let support: Vec<Support> = links
                .get(&element.id)
                .map(|ts| {
                    ts.iter()
                        .filter_map(|t| support(sop, lang, t, &notes, &exhibits))
                        .collect()
                })
                .unwrap_or_default();
            let gap = required && support.is_empty();
            gaps += usize::from(gap);
            let mark = marks.get(&element.id);
            let optional_note = match (&element.required, required) {
                (Required::When(_), false) => element.optional_note.as_ref(),
                _ => None,
            }
            .map(|n| n.get(lang).to_owned());
            let gather = element
                .steps
                .iter()
                .filter(|s| applicable.contains(s))
                .filter_map(|s| sop.step(s, lang))
                .map(|(chapter, step)| GatherStep {
                    step: step.id.clone(),
                    chapter: chapter.id.clone(),
                    title: step.title.clone(),
                    state: states
                        .get(&step.id)
                        .cloned()
                        .unwrap_or_else(|| "pending".to_owned()),
                })
                .collect();
            rows.push(ElementRow {
                id: element.id.clone(),
                name: element.name.get(lang).to_owned(),
                description: element.description.get(lang).to_owned(),
                basis: element.basis.get(lang).to_owned(),
                required,
                optional_note,
                state: mark
                    .map_or(ElementState::Open, |m| m.state)
                    .as_str()
                    .to_owned(),
                reason: mark.and_then(|m| m.reason.clone()),
                support,
                gap,
                gather,
            });
        }
        offences.push(OffenceRows {
            id: offence.id.clone(),
            name: offence.name.get(lang).to_owned(),
            basis: offence.basis.get(lang).to_owned(),
            note: offence.note.as_ref().map(|n| n.get(lang).to_owned()),
            elements: rows,
        });
    }
    let case = store.case(case)?;
    Ok(Matrix {
        reference: case.reference,
        title: case.title,
        offences,
        gaps,
    })
}

/// What a link points to, in words; `None` for a note that has since been deleted.
fn support(
    sop: &Sop,
    lang: Lang,
    target: &LinkTarget,
    notes: &BTreeMap<i64, String>,
    exhibits: &BTreeMap<u32, String>,
) -> Option<Support> {
    let label = match target {
        LinkTarget::Note(id) => short(notes.get(id)?),
        LinkTarget::Step(id) => sop
            .step(id, lang)
            .map_or_else(|| id.clone(), |(_, s)| s.title.clone()),
        LinkTarget::Exhibit(n) => short(exhibits.get(n)?),
    };
    Some(Support {
        kind: target.kind().to_owned(),
        id: target.id_text(),
        label,
    })
}

/// The element, or `UnknownElement`: an element the SOP does not declare.
fn known<'a>(sop: &'a Sop, element: &str) -> Result<&'a Element, CaseError> {
    sop.element(element)
        .map(|(_, e)| e)
        .ok_or_else(|| CaseError::UnknownElement(element.to_owned()))
}

/// Sets an element's state. Supported and contested need a reason.
pub fn set_element(
    store: &mut Store,
    sop: &Sop,
    case: CaseId,
    element: &str,
    state: ElementState,
    reason: Option<&str>,
) -> Result<(), CaseError> {
    known(sop, element)?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if state.needs_reason() && reason.is_none() {
        return Err(CaseError::ReasonRequired);
    }
    store.batch(|b| b.set_element(case, element, state, reason))?;
    Ok(())
}

/// Links a note, a step or an exhibit to an element, or removes the link (`link` false).
/// A step must be one of the SOP's, or one the case already carries.
pub fn link(
    store: &mut Store,
    sop: &Sop,
    case: CaseId,
    element: &str,
    target: &LinkTarget,
    link: bool,
) -> Result<bool, CaseError> {
    known(sop, element)?;
    if let (true, LinkTarget::Step(step)) = (link, target) {
        let in_sop = sop.step(step, Lang::Ar).is_some();
        if !in_sop && !store.step_states(case)?.iter().any(|r| r.step_id == *step) {
            return Err(CaseError::UnknownStep(step.clone()));
        }
    }
    Ok(store.batch(|b| {
        if link {
            b.link_element(case, element, target)
        } else {
            b.unlink_element(case, element, target)
        }
    })?)
}
