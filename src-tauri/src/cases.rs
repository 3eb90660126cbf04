//! Case commands: thin wrappers that read and write the store and derive the checklist.

use std::collections::BTreeMap;

use dalil_checklist::{CaseChecklist, Recorded, Row};
use dalil_content::manifest::FactType;
use dalil_content::{Lang, Sop};
use dalil_l10n::Localizer;
use dalil_store::{
    CaseFilter, CaseId, CaseKind, CaseStatus, NewCase, NoteId, StepState, Store, StoreError,
};
use serde::Serialize;
use time::format_description::well_known::Rfc3339;

use crate::AppState;
use crate::transport::IpcError;

const INVALID: IpcError = IpcError {
    code: "invalid",
    message_id: "case-invalid",
};

fn lang(code: &str) -> Result<Lang, IpcError> {
    code.parse().map_err(|_| INVALID)
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// The facts of a case as the checklist reads them: the answers, and the case kind.
fn facts_of(store: &Store, case: CaseId) -> Result<BTreeMap<String, String>, StoreError> {
    let mut facts = store.fact_map(case)?;
    facts.insert("kind".into(), store.case(case)?.kind.as_str().to_owned());
    Ok(facts)
}

fn checklist_of(store: &Store, sop: &Sop, case: CaseId) -> Result<CaseChecklist, StoreError> {
    let facts = facts_of(store, case)?;
    let recorded: BTreeMap<String, Recorded> = store
        .step_states(case)?
        .into_iter()
        .map(|r| {
            (
                r.step_id,
                Recorded {
                    state: r.state.as_str().to_owned(),
                    reason: r.reason,
                    updated_at: rfc3339(r.updated_at),
                },
            )
        })
        .collect();
    let mut notes: BTreeMap<String, usize> = BTreeMap::new();
    for note in store.notes(case)? {
        if let Some(step) = note.step {
            *notes.entry(step).or_default() += 1;
        }
    }
    Ok(dalil_checklist::case_checklist(
        sop, &facts, &recorded, &notes,
    ))
}

/// A row of the case list.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseRow {
    id: i64,
    reference: String,
    title: String,
    kind: String,
    status: String,
    done: usize,
    applicable: usize,
    last_change: String,
}

/// One page of the case list, and how many cases match in all.
#[derive(Debug, Serialize)]
pub struct CasePage {
    total: usize,
    rows: Vec<CaseRow>,
}

/// The most rows one call returns: the list asks for the next page as it is scrolled.
const MAX_PAGE: usize = 500;

/// A page of the case list, with progress: `limit` cases (at most [`MAX_PAGE`]) from
/// `offset` on, most recently changed first.
#[tauri::command]
pub fn cases_list(
    state: tauri::State<'_, AppState>,
    status: &str,
    text: &str,
    offset: usize,
    limit: usize,
) -> Result<CasePage, IpcError> {
    let sop = state.content.sop();
    state.vault.with(|store| {
        let filter = CaseFilter {
            status: CaseStatus::parse(status),
            text: Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
        };
        // One read for every case's facts and settled steps, and progress counted from them
        // with conditions evaluated once per distinct set of facts: a list of thousands of
        // cases does not build thousands of checklists.
        let mut counter = dalil_checklist::ProgressCounter::new(sop);
        let mut rows = Vec::new();
        let (page, total) = store.case_overviews_page(&filter, offset, limit.min(MAX_PAGE))?;
        for o in page {
            let c = o.summary;
            let mut facts = o.facts;
            facts.insert("kind".into(), c.kind.as_str().to_owned());
            let (done, applicable) = counter.progress(&facts, &o.settled);
            rows.push(CaseRow {
                id: c.id.0,
                reference: c.reference,
                title: c.title,
                kind: c.kind.as_str().to_owned(),
                status: c.status.as_str().to_owned(),
                done,
                applicable,
                last_change: rfc3339(c.last_change),
            });
        }
        Ok(CasePage { total, rows })
    })
}

/// A fact question for the wizard and the facts editor.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    id: String,
    choice: bool,
    question: String,
    label: String,
    choices: Vec<(String, String)>,
    default: String,
}

/// The manifest's fact questions in one language.
#[tauri::command]
pub fn case_questions(
    state: tauri::State<'_, AppState>,
    lang_code: &str,
) -> Result<Vec<Question>, IpcError> {
    let lang = lang(lang_code)?;
    Ok(state
        .content
        .sop()
        .manifest
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
        .collect())
}

/// Checks answers against the manifest; `kind` is returned apart, as the case kind.
fn checked_facts(
    sop: &Sop,
    facts: &BTreeMap<String, String>,
) -> Result<(CaseKind, Vec<(String, String)>), IpcError> {
    let mut kind = CaseKind::Undetermined;
    let mut out = Vec::new();
    for (id, value) in facts {
        let (id, value) =
            dalil_checklist::check_fact(&sop.manifest, id, value).map_err(|_| INVALID)?;
        if id == "kind" {
            kind = CaseKind::parse(&value).ok_or(INVALID)?;
        } else {
            out.push((id, value));
        }
    }
    Ok((kind, out))
}

/// Opens a new case with its facts.
#[tauri::command]
pub fn case_create(
    state: tauri::State<'_, AppState>,
    reference: &str,
    title: &str,
    facts: BTreeMap<String, String>,
) -> Result<i64, IpcError> {
    let sop = state.content.sop();
    let reference = dalil_normalize::ascii_digits(reference);
    if reference.is_empty() {
        return Err(IpcError {
            code: "invalid",
            message_id: "case-reference-required",
        });
    }
    let (kind, facts) = checked_facts(sop, &facts)?;
    state.vault.with(|store| {
        store.batch(|b| {
            let id = b.create_case(&NewCase {
                reference,
                title: title.trim().to_owned(),
                kind,
                sop_edition: sop.manifest.edition(),
            })?;
            let pairs: Vec<(&str, &str)> = facts
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            b.set_facts(id, &pairs)?;
            Ok(id.0)
        })
    })
}

/// A checklist row as the UI shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowView {
    step: String,
    chapter: String,
    phase: String,
    title: String,
    required: bool,
    conditional: bool,
    why: String,
    state: String,
    reason: Option<String>,
    updated_at: Option<String>,
    notes: usize,
    /// "2 notes", formatted by Fluent in the UI language; empty without notes.
    notes_label: String,
}

/// A phase of the checklist with its progress.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseView {
    id: String,
    name: String,
    done: usize,
    rows: Vec<RowView>,
}

/// A fact as answered.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactView {
    id: String,
    question: String,
    value: String,
}

/// A whole case.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseView {
    id: i64,
    reference: String,
    title: String,
    kind: String,
    status: String,
    created_at: String,
    last_change: String,
    sop_edition: String,
    facts: Vec<FactView>,
    phases: Vec<PhaseView>,
    hidden: Vec<RowView>,
    retired: Vec<RowView>,
    done: usize,
    applicable: usize,
    pending_mandatory: usize,
    /// The pending mandatory steps in words, with the right plural form.
    pending_label: String,
}

fn count(l10n: &Localizer, id: &str, name: &str, n: usize) -> String {
    l10n.format(id, &[(name, dalil_l10n::Arg::Num(n as f64))])
}

fn row_view(sop: &Sop, lang: Lang, l10n: &Localizer, row: &Row) -> RowView {
    let not = l10n.get("condition-not");
    let title = sop
        .chapter(&row.item.chapter)
        .and_then(|c| c.text(lang).steps.iter().find(|s| s.id == row.item.step))
        .map(|s| s.title.clone())
        .unwrap_or_else(|| row.item.step.clone());
    let sep = if lang == Lang::Ar { "، " } else { "; " };
    RowView {
        step: row.item.step.clone(),
        chapter: row.item.chapter.clone(),
        phase: row.item.phase.clone(),
        title,
        required: row.item.required,
        conditional: row.item.conditional,
        why: row
            .item
            .reasons
            .iter()
            .map(|r| dalil_checklist::explain(&sop.manifest, r, lang, &not))
            .collect::<Vec<_>>()
            .join(sep),
        state: row
            .recorded
            .as_ref()
            .map_or("pending".into(), |r| r.state.clone()),
        reason: row.recorded.as_ref().and_then(|r| r.reason.clone()),
        updated_at: row.recorded.as_ref().map(|r| r.updated_at.clone()),
        notes: row.notes,
        notes_label: if row.notes > 0 {
            count(l10n, "step-notes-count", "count", row.notes)
        } else {
            String::new()
        },
    }
}

/// A case with its facts and its checklist by phase.
#[tauri::command]
pub fn case_view(
    state: tauri::State<'_, AppState>,
    id: i64,
    lang_code: &str,
) -> Result<CaseView, IpcError> {
    let lang = lang(lang_code)?;
    let sop = state.content.sop();
    let l10n = Localizer::new(lang);
    state.vault.with(|store| {
        let case = CaseId(id);
        let c = store.case(case)?;
        let answers = facts_of(store, case)?;
        let list = checklist_of(store, sop, case)?;
        let facts = dalil_checklist::all_facts(&sop.manifest, &answers)
            .into_iter()
            .filter_map(|(fid, value)| {
                let f = sop.manifest.fact(&fid)?;
                Some(FactView {
                    question: f.question.get(lang).to_owned(),
                    id: fid,
                    value,
                })
            })
            .collect();
        let phases = sop
            .manifest
            .phases
            .iter()
            .map(|p| {
                let rows: Vec<RowView> = list
                    .applicable
                    .iter()
                    .filter(|r| r.item.phase == p.id)
                    .map(|r| row_view(sop, lang, &l10n, r))
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
        let (done, applicable) = list.progress();
        Ok(CaseView {
            id,
            reference: c.reference,
            title: c.title,
            kind: c.kind.as_str().to_owned(),
            status: c.status.as_str().to_owned(),
            created_at: rfc3339(c.created_at),
            last_change: rfc3339(c.last_change),
            sop_edition: c.sop_edition,
            facts,
            phases,
            hidden: list
                .hidden
                .iter()
                .map(|r| row_view(sop, lang, &l10n, r))
                .collect(),
            retired: list
                .retired
                .iter()
                .map(|(step, recorded, notes)| RowView {
                    step: step.clone(),
                    chapter: String::new(),
                    phase: String::new(),
                    title: step.clone(),
                    required: false,
                    conditional: false,
                    why: String::new(),
                    state: recorded
                        .as_ref()
                        .map_or("pending".into(), |r| r.state.clone()),
                    reason: recorded.as_ref().and_then(|r| r.reason.clone()),
                    updated_at: recorded.as_ref().map(|r| r.updated_at.clone()),
                    notes: *notes,
                    notes_label: count(&l10n, "step-notes-count", "count", *notes),
                })
                .collect(),
            done,
            applicable,
            pending_mandatory: list.pending_mandatory(),
            pending_label: count(
                &l10n,
                "case-pending-mandatory",
                "count",
                list.pending_mandatory(),
            ),
        })
    })
}

/// Which steps a change of facts brings in and takes out, by title.
#[derive(Debug, Serialize)]
pub struct FactChange {
    appeared: Vec<String>,
    hidden: Vec<String>,
}

/// Changes facts and says which steps appear and which are hidden.
#[tauri::command]
pub fn case_set_facts(
    state: tauri::State<'_, AppState>,
    id: i64,
    facts: BTreeMap<String, String>,
    lang_code: &str,
) -> Result<FactChange, IpcError> {
    let lang = lang(lang_code)?;
    let sop = state.content.sop();
    let (kind, pairs) = checked_facts(sop, &facts)?;
    state.vault.with(|store| {
        let case = CaseId(id);
        let before = dalil_checklist::applicable(sop, &facts_of(store, case)?);
        store.batch(|b| {
            let refs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            b.set_facts(case, &refs)?;
            if facts.contains_key("kind") {
                b.set_kind(case, kind)?;
            }
            Ok(())
        })?;
        let after = dalil_checklist::applicable(sop, &facts_of(store, case)?);
        let title = |step: &str| {
            sop.steps(lang)
                .find(|(_, s)| s.id == step)
                .map_or_else(|| step.to_owned(), |(_, s)| s.title.clone())
        };
        let ids = |v: &[dalil_checklist::Item]| {
            v.iter()
                .map(|i| i.step.clone())
                .collect::<std::collections::BTreeSet<_>>()
        };
        let (b, a) = (ids(&before), ids(&after));
        Ok(FactChange {
            appeared: after
                .iter()
                .filter(|i| !b.contains(&i.step))
                .map(|i| title(&i.step))
                .collect(),
            hidden: before
                .iter()
                .filter(|i| !a.contains(&i.step))
                .map(|i| title(&i.step))
                .collect(),
        })
    })
}

/// Sets a step's state; not-applicable and blocked need a reason.
#[tauri::command]
pub fn case_step_state(
    state: tauri::State<'_, AppState>,
    id: i64,
    step: &str,
    value: &str,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let value = StepState::parse(value).ok_or(INVALID)?;
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if value.needs_reason() && reason.is_none() {
        return Err(IpcError {
            code: "reason-required",
            message_id: "step-reason-required",
        });
    }
    let reason = if value.needs_reason() { reason } else { None };
    state
        .vault
        .with(|store| store.set_step_state(CaseId(id), step, value, reason.as_deref()))
}

/// A note as the editor shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    id: i64,
    text: String,
    revision: u32,
    updated_at: String,
}

/// The notes of a step, and the draft not yet committed, if any.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepNotes {
    notes: Vec<NoteView>,
    draft: Option<String>,
}

/// The notes tied to one step of a case, with any uncommitted draft.
#[tauri::command]
pub fn step_notes(
    state: tauri::State<'_, AppState>,
    id: i64,
    step: &str,
) -> Result<StepNotes, IpcError> {
    state.vault.with(|store| {
        let case = CaseId(id);
        let notes = store
            .notes(case)?
            .into_iter()
            .filter(|n| n.step.as_deref() == Some(step))
            .map(|n| NoteView {
                id: n.id.0,
                text: n.text,
                revision: n.revision,
                updated_at: rfc3339(n.updated_at),
            })
            .collect();
        let draft = store
            .drafts_for_case(case)?
            .into_iter()
            .find(|d| d.step.as_deref() == Some(step))
            .map(|d| d.text);
        Ok(StepNotes { notes, draft })
    })
}

/// Keeps what is being typed, durably, until it is committed as a note.
#[tauri::command]
pub fn draft_save(
    state: tauri::State<'_, AppState>,
    id: i64,
    step: &str,
    text: &str,
) -> Result<(), IpcError> {
    state
        .vault
        .with(|store| store.save_draft(CaseId(id), Some(step), text))
}

/// Commits the text as a note (a new one, or a new revision of `note`); the draft goes in
/// the same transaction.
#[tauri::command]
pub fn note_commit(
    state: tauri::State<'_, AppState>,
    id: i64,
    step: &str,
    note: Option<i64>,
    text: &str,
) -> Result<i64, IpcError> {
    state.vault.with(|store| match note {
        Some(n) => {
            store.edit_note(NoteId(n), text)?;
            Ok(n)
        }
        None => store.add_note(CaseId(id), Some(step), text).map(|n| n.0),
    })
}

/// A revision of a note.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionView {
    revision: u32,
    text: Option<String>,
    created_at: String,
}

/// Every revision of a note, oldest first.
#[tauri::command]
pub fn note_revisions(
    state: tauri::State<'_, AppState>,
    note: i64,
) -> Result<Vec<RevisionView>, IpcError> {
    state.vault.with(|store| {
        Ok(store
            .note_revisions(NoteId(note))?
            .into_iter()
            .map(|r| RevisionView {
                revision: r.revision,
                text: r.text,
                created_at: rfc3339(r.created_at),
            })
            .collect())
    })
}

/// The case history from the audit log, with the log's verification.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryView {
    /// The verification in words, formatted by Fluent.
    status_label: String,
    intact: bool,
    length: u64,
    head: String,
    first_bad: Option<u64>,
    entries: Vec<HistoryEntry>,
}

/// One entry of the history.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    seq: u64,
    at: String,
    /// What was done, in words.
    action: String,
    /// What it was done to, in words: a step's title, a fact's label, "note 3".
    entity: String,
    /// The same as the log writes it (`step:intake-log-report`), for staff who check it.
    entity_ref: String,
}

/// What an audit entry was about, in words of `lang`.
fn entity_words(sop: &Sop, l10n: &Localizer, kind: &str, id: &str) -> String {
    let lang = l10n.lang();
    match kind {
        "step" | "draft" if !id.is_empty() => sop
            .steps(lang)
            .find(|(_, s)| s.id == id)
            .map_or_else(|| id.to_owned(), |(_, s)| s.title.clone()),
        "draft" | "case" => l10n.get("history-entity-case"),
        "export" if id == "bundle" => l10n.get("history-entity-bundle"),
        "export" => l10n.get("history-entity-report"),
        "fact" => sop
            .manifest
            .facts
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| id.to_owned(), |f| f.label.get(lang).to_owned()),
        "note" => match id.parse::<f64>() {
            Ok(n) => l10n.format("history-entity-note", &[("id", dalil_l10n::Arg::Num(n))]),
            Err(_) => id.to_owned(),
        },
        _ => format!("{kind}:{id}"),
    }
}

/// The history of a case and whether the whole log verifies.
#[tauri::command]
pub fn case_history(
    state: tauri::State<'_, AppState>,
    id: i64,
    lang_code: &str,
) -> Result<HistoryView, IpcError> {
    let l10n = Localizer::new(lang(lang_code)?);
    let sop = state.content.sop();
    state.vault.with(|store| {
        let (intact, length, head, first_bad) = match store.verify_audit()? {
            dalil_store::Verification::Intact { len, head_hex } => (true, len, head_hex, None),
            dalil_store::Verification::Broken { first_bad_seq, .. } => {
                (false, 0, String::new(), Some(first_bad_seq))
            }
        };
        let entries = store
            .history(CaseId(id))?
            .into_iter()
            .map(|e| HistoryEntry {
                seq: e.seq,
                at: rfc3339(e.at),
                action: l10n.audit_action(&e.action),
                entity: entity_words(sop, &l10n, &e.entity_kind, &e.entity_id),
                entity_ref: format!("{}:{}", e.entity_kind, e.entity_id),
            })
            .collect();
        let status_label = match first_bad {
            None => count(&l10n, "history-verified", "count", length as usize),
            Some(n) => count(&l10n, "history-broken", "entry", n as usize),
        };
        Ok(HistoryView {
            status_label,
            intact,
            length,
            head,
            first_bad,
            entries,
        })
    })
}

/// Closes a case: it becomes read-only.
#[tauri::command]
pub fn case_close(state: tauri::State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.vault.with(|store| store.close_case(CaseId(id)))
}

/// Reopens a closed case; the history records it.
#[tauri::command]
pub fn case_reopen(state: tauri::State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.vault.with(|store| store.reopen_case(CaseId(id)))
}
