//! The checklist rules: which steps of the SOP a case needs, and why.
//!
//! The checklist is always derived, never stored: the same SOP and the same facts give the
//! same list. What the officer records against a step (its state, its notes) lives in the
//! case store, keyed by step id, so a step that stops applying keeps what was recorded.

use dalil_content::condition::{Facts, Reason, fact_value};
use dalil_content::manifest::{FactType, Manifest};
use dalil_content::{Lang, Sop};

/// A step in a case's checklist.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Item {
    /// The step id.
    pub step: String,
    /// The chapter that holds the step.
    pub chapter: String,
    /// The phase of that chapter.
    pub phase: String,
    /// Whether the step is mandatory.
    pub required: bool,
    /// Whether the step has a condition.
    pub conditional: bool,
    /// The atoms of the condition that make it apply; empty for a step of every case.
    #[serde(skip)]
    pub reasons: Vec<Reason>,
}

/// The steps that apply to a case with these facts, in phase order and, within a phase, in
/// reading order.
pub fn applicable(sop: &Sop, facts: &Facts) -> Vec<Item> {
    let mut items: Vec<(usize, usize, Item)> = Vec::new();
    for (n, (chapter, step)) in sop.steps(Lang::Ar).enumerate() {
        let reasons = match &step.when {
            None => Vec::new(),
            Some(c) => {
                if !c.eval(&sop.manifest, facts) {
                    continue;
                }
                c.reasons(&sop.manifest, facts)
            }
        };
        let phase_index = sop
            .manifest
            .phase_index(&chapter.phase)
            .unwrap_or(usize::MAX);
        items.push((
            phase_index,
            n,
            Item {
                step: step.id.clone(),
                chapter: chapter.id.clone(),
                phase: chapter.phase.clone(),
                required: step.required(),
                conditional: step.when.is_some(),
                reasons,
            },
        ));
    }
    items.sort_by_key(|(phase, n, _)| (*phase, *n));
    items.into_iter().map(|(_, _, item)| item).collect()
}

/// A fact given on the command line or in a form that does not fit the manifest.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FactError {
    /// The manifest declares no such fact.
    #[error("`{0}` is not a fact of this SOP")]
    Unknown(String),
    /// The value does not fit the fact's type.
    #[error("`{value}` is not a value of `{fact}`")]
    BadValue {
        /// The fact id.
        fact: String,
        /// The value given.
        value: String,
    },
}

/// Checks one answer against the manifest and returns it in its stored form: `yes` or `no`
/// for a yes-no fact (also accepting `true`, `false`, `1`, `0`, `نعم` and `لا`), or the choice id.
pub fn check_fact(
    manifest: &Manifest,
    fact: &str,
    value: &str,
) -> Result<(String, String), FactError> {
    let Some(f) = manifest.fact(fact) else {
        return Err(FactError::Unknown(fact.to_owned()));
    };
    let bad = || FactError::BadValue {
        fact: fact.to_owned(),
        value: value.to_owned(),
    };
    let stored = match &f.kind {
        FactType::YesNo => match value.trim() {
            "yes" | "true" | "1" | "نعم" => "yes",
            "no" | "false" | "0" | "لا" => "no",
            _ => return Err(bad()),
        }
        .to_owned(),
        FactType::Choice { choices, .. } => {
            let value = value.trim();
            choices
                .iter()
                .find(|c| c.id == value)
                .map(|c| c.id.clone())
                .ok_or_else(bad)?
        }
    };
    Ok((fact.to_owned(), stored))
}

/// Parses a list such as `child,foreign-national,kind=smuggling`: a bare name sets a yes-no
/// fact to yes; `name=value` sets any fact.
pub fn parse_facts(manifest: &Manifest, spec: &str) -> Result<Facts, FactError> {
    let mut facts = Facts::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (fact, value) = part.split_once('=').unwrap_or((part, "yes"));
        let (fact, value) = check_fact(manifest, fact.trim(), value)?;
        facts.insert(fact, value);
    }
    Ok(facts)
}

/// A reason in words, from the facts' labels: "a possible victim is a child", or
/// "Case kind: Smuggling of migrants". `not` is the localized word for negation.
pub fn explain(manifest: &Manifest, reason: &Reason, lang: Lang, not: &str) -> String {
    match reason {
        Reason::Fact { fact, negated } => {
            let label = manifest
                .fact(fact)
                .map_or(fact.as_str(), |f| f.label.get(lang));
            if *negated {
                format!("{not} {label}")
            } else {
                label.to_owned()
            }
        }
        Reason::Choice { fact, value } => {
            let Some(f) = manifest.fact(fact) else {
                return format!("{fact}: {value}");
            };
            let name = match &f.kind {
                FactType::Choice { choices, .. } => choices
                    .iter()
                    .find(|c| &c.id == value)
                    .map_or(value.as_str(), |c| c.name.get(lang)),
                FactType::YesNo => value.as_str(),
            };
            format!("{}: {name}", f.label.get(lang))
        }
    }
}

/// The value of every fact for a case, with defaults filled in, in manifest order.
pub fn all_facts(manifest: &Manifest, facts: &Facts) -> Vec<(String, String)> {
    manifest
        .facts
        .iter()
        .map(|f| {
            let v = fact_value(manifest, facts, &f.id).unwrap_or_default();
            (f.id.clone(), v.to_owned())
        })
        .collect()
}
