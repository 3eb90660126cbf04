//! The checklist rules: which steps of the SOP a case needs, and why.
//!
//! The checklist is always derived, never stored: the same SOP and the same facts give the
//! same list. What the officer records against a step (its state, its notes) lives in the
//! case store, keyed by step id, so a step that stops applying keeps what was recorded.

mod progress;

pub use progress::ProgressCounter;

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

/// A key of everything that decides which steps apply to a case and whether they are
/// mandatory: the manifest's facts (with their defaults) and phases, and every step's
/// chapter, phase, condition and whether it is advisory, in order. Two SOPs with the same key
/// give every case the same checklist, so progress counted under one holds under the other;
/// any change to a rule changes the key (SHA-256, in hex). Text that decides nothing (titles,
/// guidance) is left out, but for the facts' and phases' names, which changing only costs a
/// recount.
pub fn rules_key(sop: &Sop) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write as _;
    let mut text = String::new();
    let m = &sop.manifest;
    let _ = write!(text, "{:?}\n{:?}\n", m.facts, m.phases);
    for (chapter, step) in sop.steps(Lang::Ar) {
        let _ = writeln!(
            text,
            "{}\t{}\t{}\t{}\t{:?}",
            chapter.id, chapter.phase, step.id, step.advisory, step.when
        );
    }
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// What the case store holds for one step of a case, in plain strings so that this crate
/// does not depend on the store.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recorded {
    /// `pending`, `done`, `not-applicable` or `blocked`.
    pub state: String,
    /// The reason given, for not-applicable and blocked.
    pub reason: Option<String>,
    /// When the state was set, RFC 3339.
    pub updated_at: String,
}

/// A step of a case's checklist with what was recorded against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The step and why it applies.
    pub item: Item,
    /// The recorded state, if any (none means pending).
    pub recorded: Option<Recorded>,
    /// How many live notes are tied to the step.
    pub notes: usize,
}

/// A case's checklist: the steps that apply, and the steps that no longer apply or no longer
/// exist but carry something the officer recorded, which is never hidden from them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseChecklist {
    /// The applicable steps, in phase order.
    pub applicable: Vec<Row>,
    /// Steps of the SOP that the facts no longer call for, but that carry a state or notes.
    pub hidden: Vec<Row>,
    /// Step ids that this edition of the SOP no longer has (retired by a newer edition), with
    /// their recorded state and note count.
    pub retired: Vec<(String, Option<Recorded>, usize)>,
}

impl CaseChecklist {
    /// Applicable steps that are done, not applicable or blocked, and all applicable steps.
    pub fn progress(&self) -> (usize, usize) {
        let done = self
            .applicable
            .iter()
            .filter(|r| r.recorded.as_ref().is_some_and(|s| s.state != "pending"))
            .count();
        (done, self.applicable.len())
    }

    /// Mandatory applicable steps still pending.
    pub fn pending_mandatory(&self) -> usize {
        self.applicable
            .iter()
            .filter(|r| r.item.required && r.recorded.as_ref().is_none_or(|s| s.state == "pending"))
            .count()
    }
}

/// Joins the derived checklist with what the store recorded: `recorded` maps step ids to
/// their state, `notes` maps step ids to their number of live notes.
pub fn case_checklist(
    sop: &Sop,
    facts: &Facts,
    recorded: &std::collections::BTreeMap<String, Recorded>,
    notes: &std::collections::BTreeMap<String, usize>,
) -> CaseChecklist {
    let applicable: Vec<Row> = applicable(sop, facts)
        .into_iter()
        .map(|item| Row {
            recorded: recorded.get(&item.step).cloned(),
            notes: notes.get(&item.step).copied().unwrap_or(0),
            item,
        })
        .collect();
    let shown: std::collections::BTreeSet<&str> =
        applicable.iter().map(|r| r.item.step.as_str()).collect();
    let carries = |id: &str| {
        recorded.get(id).is_some_and(|r| r.state != "pending")
            || notes.get(id).is_some_and(|n| *n > 0)
    };
    let mut hidden = Vec::new();
    for (chapter, step) in sop.steps(Lang::Ar) {
        if !shown.contains(step.id.as_str()) && carries(&step.id) {
            hidden.push(Row {
                item: Item {
                    step: step.id.clone(),
                    chapter: chapter.id.clone(),
                    phase: chapter.phase.clone(),
                    required: step.required(),
                    conditional: step.when.is_some(),
                    reasons: Vec::new(),
                },
                recorded: recorded.get(&step.id).cloned(),
                notes: notes.get(&step.id).copied().unwrap_or(0),
            });
        }
    }
    let known: std::collections::BTreeSet<&str> =
        sop.steps(Lang::Ar).map(|(_, s)| s.id.as_str()).collect();
    let mut ids: std::collections::BTreeSet<&String> = recorded.keys().collect();
    ids.extend(notes.keys());
    let retired = ids
        .into_iter()
        .filter(|id| !known.contains(id.as_str()) && carries(id))
        .map(|id| {
            (
                id.clone(),
                recorded.get(id).cloned(),
                notes.get(id).copied().unwrap_or(0),
            )
        })
        .collect();
    CaseChecklist {
        applicable,
        hidden,
        retired,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn sop() -> Sop {
        let mut files = dalil_content::Files::new();
        files.insert(
            "manifest.toml".into(),
            br#"id = "t"
version = "1"
date = "2026-01-01"
chapters = ["c"]
[label]
ar = "a"
en = "e"
[[phase]]
id = "p"
ar = "a"
en = "e"
[[fact]]
id = "child"
type = "yes-no"
question.ar = "a"
question.en = "e"
label.ar = "a"
label.en = "e"
"#
            .to_vec(),
        );
        files.insert("glossary.toml".into(), Vec::new());
        for lang in ["ar", "en"] {
            files.insert(
                format!("chapters/c/{lang}.md"),
                b"+++\nid = \"c\"\ntitle = \"t\"\nphase = \"p\"\n+++\n\n### A {#a .step}\n\nDo a. Then b.\n\n### B {#b .step when=\"child\"}\n\nDo b. Then c.\n"
                    .to_vec(),
            );
        }
        let (sop, diagnostics) = dalil_content::load(&files);
        assert_eq!(diagnostics, vec![]);
        sop
    }

    fn done() -> Recorded {
        Recorded {
            state: "done".into(),
            reason: None,
            updated_at: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn a_step_that_stops_applying_keeps_its_state_and_notes_in_the_hidden_group() {
        let sop = sop();
        let recorded = BTreeMap::from([("b".to_string(), done())]);
        let notes = BTreeMap::from([("b".to_string(), 2)]);
        let child = parse_facts(&sop.manifest, "child").unwrap_or_default();
        let with = case_checklist(&sop, &child, &recorded, &notes);
        assert_eq!(with.applicable.len(), 2);
        assert!(with.hidden.is_empty());
        assert_eq!(with.progress(), (1, 2));
        assert_eq!(with.pending_mandatory(), 1);

        let without = case_checklist(&sop, &Facts::new(), &recorded, &notes);
        assert_eq!(without.applicable.len(), 1);
        assert_eq!(without.hidden.len(), 1);
        assert_eq!(without.hidden[0].item.step, "b");
        assert_eq!(without.hidden[0].notes, 2);
        assert_eq!(without.hidden[0].recorded, Some(done()));
    }

    #[test]
    fn a_step_the_sop_no_longer_has_is_retired_with_its_notes() {
        let sop = sop();
        let notes = BTreeMap::from([("gone".to_string(), 1), ("a".to_string(), 0)]);
        let list = case_checklist(&sop, &Facts::new(), &BTreeMap::new(), &notes);
        assert_eq!(list.retired, vec![("gone".to_string(), None, 1)]);
    }
}
