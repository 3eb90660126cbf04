//! Case commands: each parses its input, calls `dalil-case`, and maps the error to
//! `{code, message_id}`.

use std::collections::BTreeMap;

use dalil_case::{
    CasePage, CaseView, HistoryView, NewCaseInput, Question, RevisionView, StepNotes,
};
use dalil_content::Lang;
use dalil_l10n::Localizer;
use dalil_store::{CaseFilter, CaseId, CaseStatus, NoteId, StepState};
use serde::Serialize;

use crate::AppState;
use crate::transport::IpcError;
use crate::vault::case_error;

const INVALID: IpcError = IpcError {
    code: "invalid",
    message_id: "case-invalid",
};

fn lang(code: &str) -> Result<Lang, IpcError> {
    code.parse().map_err(|_| INVALID)
}

/// A page of the case list, with progress: `limit` cases (at most `dalil_case::MAX_PAGE`)
/// from `offset` on, most recently changed first.
#[tauri::command]
pub fn cases_list(
    state: tauri::State<'_, AppState>,
    status: &str,
    text: &str,
    offset: usize,
    limit: usize,
) -> Result<CasePage, IpcError> {
    let sop = state.content.sop();
    let filter = CaseFilter {
        status: CaseStatus::parse(status),
        text: Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
    };
    state
        .vault
        .with(|store| dalil_case::page(store, sop, &filter, offset, limit))
}

/// The manifest's fact questions in one language.
#[tauri::command]
pub fn case_questions(
    state: tauri::State<'_, AppState>,
    lang_code: &str,
) -> Result<Vec<Question>, IpcError> {
    Ok(dalil_case::questions(state.content.sop(), lang(lang_code)?))
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
    let answers = facts.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let input = NewCaseInput {
        reference: reference.to_owned(),
        title: title.to_owned(),
        facts: dalil_case::check_facts(sop, answers).map_err(case_error)?,
    };
    state
        .vault
        .with_case(|store| Ok(dalil_case::create(store, sop, &input)?.id.0))
}

/// A case with its facts and its checklist by phase.
#[tauri::command]
pub fn case_view(
    state: tauri::State<'_, AppState>,
    id: i64,
    lang_code: &str,
) -> Result<CaseView, IpcError> {
    let l10n = Localizer::new(lang(lang_code)?);
    let sop = state.content.sop();
    state.vault.with(|store| {
        let detail = dalil_case::detail(store, sop, l10n.lang(), CaseId(id))?;
        Ok(dalil_case::view(&detail, sop, &l10n))
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
    let answers = facts.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let input = dalil_case::check_facts(sop, answers).map_err(case_error)?;
    let change = state
        .vault
        .with_case(|store| dalil_case::set_facts(store, sop, lang, CaseId(id), &input))?;
    let titles = |v: Vec<dalil_case::StepRef>| v.into_iter().map(|s| s.title).collect();
    Ok(FactChange {
        appeared: titles(change.shown),
        hidden: titles(change.hidden),
    })
}

/// Sets a step's state; not-applicable and blocked need a reason, and the others drop the
/// one the form may still hold.
#[tauri::command]
pub fn case_step_state(
    state: tauri::State<'_, AppState>,
    id: i64,
    step: &str,
    value: &str,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let value = StepState::parse(value).ok_or(INVALID)?;
    let reason = reason.filter(|_| value.needs_reason());
    let sop = state.content.sop();
    state
        .vault
        .with_case(|store| {
            dalil_case::set_step(store, sop, CaseId(id), step, value, reason.as_deref())
        })
        .map(|_| ())
}

/// The notes tied to one step of a case, with any uncommitted draft.
#[tauri::command]
pub fn step_notes(
    state: tauri::State<'_, AppState>,
    id: i64,
    step: &str,
) -> Result<StepNotes, IpcError> {
    state
        .vault
        .with(|store| dalil_case::step_notes(store, CaseId(id), step))
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
        .with(|store| dalil_case::save_draft(store, CaseId(id), step, text))
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
    state.vault.with(|store| {
        dalil_case::commit_note(store, CaseId(id), step, note.map(NoteId), text).map(|n| n.0)
    })
}

/// Every revision of a note, oldest first.
#[tauri::command]
pub fn note_revisions(
    state: tauri::State<'_, AppState>,
    note: i64,
) -> Result<Vec<RevisionView>, IpcError> {
    state
        .vault
        .with(|store| dalil_case::revisions(store, NoteId(note)))
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
    state
        .vault
        .with(|store| dalil_case::history(store, sop, &l10n, CaseId(id)))
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
