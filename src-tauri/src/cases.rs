//! Case commands: each parses its input, calls `dalil-case`, and maps the error to
//! `{code, message_id}`.
//!
//! They run off the main thread, on the async runtime's blocking pool ([`off_main`]), so that
//! a slow disk never stalls the window. The store is behind one lock, so the commands still
//! run one at a time; their order is the order in which they take it. The page keeps the order
//! that matters: it sends a step's draft saves one after another, each after the last has
//! returned, and commits a note only once the last draft save has (`ui/cases/walk.js`), so an
//! older draft never overwrites a newer one or a committed note.

use std::collections::BTreeMap;

use dalil_case::{
    CasePage, CaseView, HistoryView, NewCaseInput, Question, RevisionView, StepNotes,
};
use dalil_content::Lang;
use dalil_store::{CaseFilter, CaseId, CaseStatus, NoteId, StepState};
use serde::Serialize;
use tauri::{AppHandle, Manager};

use crate::AppState;
use crate::transport::IpcError;
use crate::vault::{INVALID, case_error};

const INTERNAL: IpcError = IpcError {
    code: "internal",
    message_id: "error-generic",
};

fn lang(code: &str) -> Result<Lang, IpcError> {
    code.parse().map_err(|_| INVALID)
}

/// Runs `f` with the app's state on a thread of the async runtime's blocking pool, not on
/// the main thread, which draws the window.
pub async fn off_main<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&AppState) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppState>()))
        .await
        .map_err(|_| INTERNAL)?
}

/// A page of the case list, with progress: `limit` cases (at most `dalil_case::MAX_PAGE`)
/// from `offset` on, most recently changed first.
#[tauri::command]
pub async fn cases_list(
    app: AppHandle,
    status: String,
    text: String,
    offset: usize,
    limit: usize,
) -> Result<CasePage, IpcError> {
    let filter = CaseFilter {
        status: CaseStatus::parse(&status),
        text: Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
    };
    off_main(app, move |state| {
        let content = state.content.current();
        state.vault.with(|store| {
            dalil_case::page(store, &content.sop, &content.rules, &filter, offset, limit)
        })
    })
    .await
}

/// The manifest's fact questions in one language.
#[tauri::command]
pub fn case_questions(
    state: tauri::State<'_, AppState>,
    lang_code: &str,
) -> Result<Vec<Question>, IpcError> {
    Ok(dalil_case::questions(
        &state.content.sop(),
        lang(lang_code)?,
    ))
}

/// Opens a new case with its facts.
#[tauri::command]
pub async fn case_create(
    app: AppHandle,
    reference: String,
    title: String,
    facts: BTreeMap<String, String>,
) -> Result<i64, IpcError> {
    off_main(app, move |state| {
        let sop = state.content.sop();
        let answers = facts.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        let input = NewCaseInput {
            reference,
            title,
            facts: dalil_case::check_facts(&sop, answers).map_err(case_error)?,
        };
        state
            .vault
            .with_case(|store| Ok(dalil_case::create(store, &sop, &input)?.id.0))
    })
    .await
}

/// A case with its facts and its checklist by phase.
#[tauri::command]
pub async fn case_view(app: AppHandle, id: i64, lang_code: String) -> Result<CaseView, IpcError> {
    let lang = lang(&lang_code)?;
    off_main(app, move |state| {
        let l10n = state.localizer(lang);
        state.vault.with(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            let detail = dalil_case::detail(store, &sop, l10n.lang(), CaseId(id))?;
            Ok(dalil_case::view(&detail, &sop, &l10n))
        })
    })
    .await
}

/// Which steps a change of facts brings in and takes out, by title.
#[derive(Debug, Serialize)]
pub struct FactChange {
    appeared: Vec<String>,
    hidden: Vec<String>,
}

/// Changes facts and says which steps appear and which are hidden.
#[tauri::command]
pub async fn case_set_facts(
    app: AppHandle,
    id: i64,
    facts: BTreeMap<String, String>,
    lang_code: String,
) -> Result<FactChange, IpcError> {
    let lang = lang(&lang_code)?;
    let change = off_main(app, move |state| {
        state.vault.with_case(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            let answers = facts.iter().map(|(k, v)| (k.as_str(), v.as_str()));
            let input = dalil_case::check_facts(&sop, answers)?;
            dalil_case::set_facts(store, &sop, lang, CaseId(id), &input)
        })
    })
    .await?;
    let titles = |v: Vec<dalil_case::StepRef>| v.into_iter().map(|s| s.title).collect();
    Ok(FactChange {
        appeared: titles(change.shown),
        hidden: titles(change.hidden),
    })
}

/// Sets a step's state; not-applicable and blocked need a reason, and the others drop the
/// one the form may still hold.
#[tauri::command]
pub async fn case_step_state(
    app: AppHandle,
    id: i64,
    step: String,
    value: String,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let value = StepState::parse(&value).ok_or(INVALID)?;
    let reason = reason.filter(|_| value.needs_reason());
    off_main(app, move |state| {
        state
            .vault
            .with_case(|store| {
                let sop = state.content.for_case(store, CaseId(id))?;
                dalil_case::set_step(store, &sop, CaseId(id), &step, value, reason.as_deref())
            })
            .map(|_| ())
    })
    .await
}

/// The notes tied to one step of a case, with any uncommitted draft.
#[tauri::command]
pub async fn step_notes(app: AppHandle, id: i64, step: String) -> Result<StepNotes, IpcError> {
    off_main(app, move |state| {
        state
            .vault
            .with(|store| dalil_case::step_notes(store, CaseId(id), &step))
    })
    .await
}

/// Keeps what is being typed, durably, until it is committed as a note.
#[tauri::command]
pub async fn draft_save(
    app: AppHandle,
    id: i64,
    step: String,
    text: String,
) -> Result<(), IpcError> {
    off_main(app, move |state| {
        state
            .vault
            .with(|store| dalil_case::save_draft(store, CaseId(id), &step, &text))
    })
    .await
}

/// Commits the text as a note (a new one, or a new revision of `note`); the draft goes in
/// the same transaction.
#[tauri::command]
pub async fn note_commit(
    app: AppHandle,
    id: i64,
    step: String,
    note: Option<i64>,
    text: String,
) -> Result<i64, IpcError> {
    off_main(app, move |state| {
        state.vault.with(|store| {
            dalil_case::commit_note(store, CaseId(id), &step, note.map(NoteId), &text).map(|n| n.0)
        })
    })
    .await
}

/// Every revision of a note, oldest first.
#[tauri::command]
pub async fn note_revisions(app: AppHandle, note: i64) -> Result<Vec<RevisionView>, IpcError> {
    off_main(app, move |state| {
        state
            .vault
            .with(|store| dalil_case::revisions(store, NoteId(note)))
    })
    .await
}

/// The history of a case and whether the whole log verifies.
#[tauri::command]
pub async fn case_history(
    app: AppHandle,
    id: i64,
    lang_code: String,
) -> Result<HistoryView, IpcError> {
    let lang = lang(&lang_code)?;
    off_main(app, move |state| {
        let l10n = state.localizer(lang);
        state.vault.with(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            dalil_case::history(store, &sop, &l10n, CaseId(id))
        })
    })
    .await
}

/// Closes a case: it becomes read-only.
#[tauri::command]
pub async fn case_close(app: AppHandle, id: i64) -> Result<(), IpcError> {
    off_main(app, move |state| {
        state.vault.with(|store| store.close_case(CaseId(id)))
    })
    .await
}

/// Reopens a closed case; the history records it.
#[tauri::command]
pub async fn case_reopen(app: AppHandle, id: i64) -> Result<(), IpcError> {
    off_main(app, move |state| {
        state.vault.with(|store| store.reopen_case(CaseId(id)))
    })
    .await
}

/// The element matrix of a case.
#[tauri::command]
pub async fn case_elements(
    app: AppHandle,
    id: i64,
    lang_code: String,
) -> Result<dalil_case::Matrix, IpcError> {
    let lang = lang(&lang_code)?;
    off_main(app, move |state| {
        state.vault.with_case(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            dalil_case::matrix(store, &sop, lang, CaseId(id))
        })
    })
    .await
}

/// Marks an element open, supported or contested.
#[tauri::command]
pub async fn element_set(
    app: AppHandle,
    id: i64,
    element: String,
    value: String,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let value = dalil_store::ElementState::parse(&value).ok_or(INVALID)?;
    off_main(app, move |state| {
        state.vault.with_case(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            dalil_case::set_element(store, &sop, CaseId(id), &element, value, reason.as_deref())
        })
    })
    .await
}

/// Links a note, step or exhibit to an element (`link` true), or removes the link.
#[tauri::command]
pub async fn element_link(
    app: AppHandle,
    id: i64,
    element: String,
    kind: String,
    target: String,
    link: bool,
) -> Result<bool, IpcError> {
    let target = match kind.as_str() {
        "note" => dalil_store::LinkTarget::Note(target.parse().map_err(|_| INVALID)?),
        "exhibit" => dalil_store::LinkTarget::Exhibit(target.parse().map_err(|_| INVALID)?),
        "step" => dalil_store::LinkTarget::Step(target),
        _ => return Err(INVALID),
    };
    off_main(app, move |state| {
        state.vault.with_case(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            dalil_case::link(store, &sop, CaseId(id), &element, &target, link)
        })
    })
    .await
}

/// The evidence register of a case.
#[tauri::command]
pub async fn case_register(
    app: AppHandle,
    id: i64,
    lang_code: String,
) -> Result<dalil_case::Register, IpcError> {
    let lang = lang(&lang_code)?;
    off_main(app, move |state| {
        state.vault.with_case(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            dalil_case::register(store, &sop, lang, CaseId(id))
        })
    })
    .await
}

/// An exhibit as the page sends it.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExhibitInput {
    description: String,
    kind: String,
    seized_at: String,
    seized_where: String,
    seized_by: String,
    authorisation: Option<String>,
    seal: Option<String>,
    elements: Vec<String>,
}

/// Registers an exhibit; returns its number.
#[tauri::command]
pub async fn exhibit_add(app: AppHandle, id: i64, input: ExhibitInput) -> Result<u32, IpcError> {
    let new = dalil_store::NewExhibit {
        description: input.description,
        kind: dalil_store::ExhibitKind::parse(&input.kind).ok_or(INVALID)?,
        seized_at: input.seized_at,
        seized_where: input.seized_where,
        seized_by: input.seized_by,
        authorisation: input.authorisation,
        seal: input.seal,
    };
    off_main(app, move |state| {
        state.vault.with_case(|store| {
            let sop = state.content.for_case(store, CaseId(id))?;
            dalil_case::add_exhibit(store, &sop, CaseId(id), &new, &input.elements)
        })
    })
    .await
}

/// A custody entry as the page sends it.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustodyInput {
    event: String,
    at: Option<String>,
    from: String,
    to: String,
    purpose: String,
    seal_intact: bool,
    corrects: Option<u32>,
}

/// Appends a custody entry to an exhibit; returns its number.
#[tauri::command]
pub async fn custody_add(
    app: AppHandle,
    id: i64,
    number: u32,
    input: CustodyInput,
) -> Result<u32, IpcError> {
    let entry = dalil_store::NewCustody {
        event: dalil_store::CustodyEvent::parse(&input.event).ok_or(INVALID)?,
        at: input.at,
        from: input.from,
        to: input.to,
        purpose: input.purpose,
        seal_intact: input.seal_intact,
        corrects: input.corrects,
    };
    off_main(app, move |state| {
        state
            .vault
            .with_case(|store| dalil_case::add_custody(store, CaseId(id), number, &entry))
    })
    .await
}
