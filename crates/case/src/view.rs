//! What the app's case screens show, in words of the UI language: the fact questions, and a
//! case with its checklist by phase.

use dalil_content::manifest::FactType;
use dalil_content::{Lang, Sop};
use dalil_l10n::{Arg, Localizer};
use serde::Serialize;

use crate::{CaseDetail, DetailStep, edition_label, rfc3339};

/// A fact question for the new-case wizard and the facts editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// The fact id.
    pub id: String,
    /// Whether it is a choice (else yes-no).
    pub choice: bool,
    /// The question put to the officer.
    pub question: String,
    /// The fact's short label.
    pub label: String,
    /// The choices, id and name, for a choice.
    pub choices: Vec<(String, String)>,
    /// The answer until one is given.
    pub default: String,
}

/// The manifest's fact questions in one language.
pub fn questions(sop: &Sop, lang: Lang) -> Vec<Question> {
    sop.manifest
        .facts
        .iter()
        .map(|f| {
            let (choice, choices, default) = match &f.kind {
                FactType::YesNo => (false, vec![], "no".to_owned()),
                FactType::Choice { choices, default } => (
                    true,
                    choices
                        .iter()
                        .map(|c| (c.id.clone(), c.name.get(lang).to_owned()))
                        .collect(),
                    default.clone(),
                ),
            };
            Question {
                id: f.id.clone(),
                choice,
                question: f.question.get(lang).to_owned(),
                label: f.label.get(lang).to_owned(),
                choices,
                default,
            }
        })
        .collect()
}

/// A checklist row as the case screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowView {
    /// The step id.
    pub step: String,
    /// Its chapter id; empty for a retired step.
    pub chapter: String,
    /// Its phase id; empty for a retired step.
    pub phase: String,
    /// Its title; the id for a retired step.
    pub title: String,
    /// Whether the SOP makes it mandatory.
    pub required: bool,
    /// Whether a condition brings it in.
    pub conditional: bool,
    /// Why it applies, in words.
    pub why: String,
    /// `pending`, `done`, `not-applicable` or `blocked`.
    pub state: String,
    /// The reason given, for not-applicable and blocked.
    pub reason: Option<String>,
    /// When the state was set, RFC 3339.
    pub updated_at: Option<String>,
    /// How many live notes are tied to it.
    pub notes: usize,
    /// "2 notes", formatted by Fluent in the UI language; empty without notes (except for a
    /// retired step, which always says how many it carries).
    pub notes_label: String,
}

/// A phase of the checklist with its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseView {
    /// The phase id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its settled steps.
    pub done: usize,
    /// Its steps.
    pub rows: Vec<RowView>,
}

/// A fact as answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactView {
    /// The fact id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The answer, or the fact's default when it was never answered.
    pub value: String,
}

/// A whole case as the case screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseView {
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
    /// When it was opened, RFC 3339.
    pub created_at: String,
    /// When it last changed, RFC 3339.
    pub last_change: String,
    /// The edition the case is pinned to, for display ([`edition_label`]).
    pub sop_edition: String,
    /// Whether that is the SOP's current edition.
    pub current_edition: bool,
    /// Every fact of the manifest, answered or at its default.
    pub facts: Vec<FactView>,
    /// The checklist by phase; phases with no step are left out.
    pub phases: Vec<PhaseView>,
    /// Steps the facts do not call for that carry something.
    pub hidden: Vec<RowView>,
    /// Steps the SOP no longer has that carry something.
    pub retired: Vec<RowView>,
    /// Settled applicable steps.
    pub done: usize,
    /// All applicable steps.
    pub applicable: usize,
    /// Mandatory applicable steps still pending.
    pub pending_mandatory: usize,
    /// The pending mandatory steps in words, with the right plural form.
    pub pending_label: String,
}

fn count(l10n: &Localizer, id: &str, name: &str, n: usize) -> String {
    l10n.format(id, &[(name, Arg::Num(n as f64))])
}

fn row_view(sop: &Sop, l10n: &Localizer, s: &DetailStep) -> RowView {
    let lang = l10n.lang();
    let not = l10n.get("condition-not");
    let sep = if lang == Lang::Ar { "، " } else { "; " };
    let notes = s.notes.len();
    let (chapter, phase, required, conditional, why) = match &s.item {
        Some(item) => (
            item.chapter.clone(),
            item.phase.clone(),
            item.required,
            item.conditional,
            item.reasons
                .iter()
                .map(|r| dalil_checklist::explain(&sop.manifest, r, lang, &not))
                .collect::<Vec<_>>()
                .join(sep),
        ),
        None => Default::default(),
    };
    RowView {
        step: s.id.clone(),
        title: s.title.clone().unwrap_or_else(|| s.id.clone()),
        chapter,
        phase,
        required,
        conditional,
        why,
        state: s.state().as_str().to_owned(),
        reason: s.record.as_ref().and_then(|r| r.reason.clone()),
        updated_at: s.record.as_ref().map(|r| rfc3339(r.updated_at)),
        notes,
        notes_label: if notes > 0 || s.item.is_none() {
            count(l10n, "step-notes-count", "count", notes)
        } else {
            String::new()
        },
    }
}

/// The case screen's view of a case, in the localizer's language.
pub fn view(detail: &CaseDetail, sop: &Sop, l10n: &Localizer) -> CaseView {
    let lang = l10n.lang();
    let c = &detail.case;
    let facts = dalil_checklist::all_facts(&sop.manifest, &detail.answers)
        .into_iter()
        .filter_map(|(id, value)| {
            let f = sop.manifest.fact(&id)?;
            Some(FactView {
                question: f.question.get(lang).to_owned(),
                id,
                value,
            })
        })
        .collect();
    let phases = sop
        .manifest
        .phases
        .iter()
        .map(|p| {
            let rows: Vec<RowView> = detail
                .checklist
                .iter()
                .filter(|s| s.item.as_ref().is_some_and(|i| i.phase == p.id))
                .map(|s| row_view(sop, l10n, s))
                .collect();
            PhaseView {
                id: p.id.clone(),
                name: p.name.get(lang).to_owned(),
                done: rows.iter().filter(|r| r.state != "pending").count(),
                rows,
            }
        })
        .filter(|p| !p.rows.is_empty())
        .collect();
    let (done, applicable) = detail.progress();
    let pending = detail.pending_mandatory();
    CaseView {
        id: c.id.0,
        reference: c.reference.clone(),
        title: c.title.clone(),
        kind: c.kind.as_str().to_owned(),
        status: c.status.as_str().to_owned(),
        created_at: rfc3339(c.created_at),
        last_change: rfc3339(c.last_change),
        sop_edition: edition_label(&c.edition, &sop.manifest),
        current_edition: detail.current_edition,
        facts,
        phases,
        hidden: detail
            .hidden
            .iter()
            .map(|s| row_view(sop, l10n, s))
            .collect(),
        retired: detail
            .retired
            .iter()
            .map(|s| row_view(sop, l10n, s))
            .collect(),
        done,
        applicable,
        pending_mandatory: pending,
        pending_label: count(l10n, "case-pending-mandatory", "count", pending),
    }
}
