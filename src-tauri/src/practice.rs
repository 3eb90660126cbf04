//! Training in the app: the scenarios, and practice cases in practice files of their own, in
//! the data folder's `practice/`, never in the case file. The case commands cannot reach a
//! practice case, so it never shows in the case list or search, and cannot be exported.
//! While a practice screen is open the window's title says so.
//!
//! The page names a practice file by its name only; a name that is not one this module made
//! (letters, digits and dashes, then `.json`) is refused, so no path reaches the disk.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dalil_content::Lang;
use dalil_practice::{FeedbackView, Practice, PracticeError, PracticeView};
use serde::Serialize;
use tauri::AppHandle;

use crate::AppState;
use crate::cases::off_main;
use crate::transport::IpcError;
use crate::vault::{INVALID, map_error};

const PRACTICE_DIR: &str = "practice";

/// Held while a practice file is read, changed and written again, so that two answers sent
/// one after the other (two steps marked quickly) cannot overwrite each other.
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn writing() -> std::sync::MutexGuard<'static, ()> {
    WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

const NOT_FOUND: IpcError = IpcError {
    code: "practice-not-found",
    message_id: "practice-not-found",
};

fn refused(e: &PracticeError) -> IpcError {
    match e {
        PracticeError::NotOnChecklist(_) => IpcError {
            code: "not-on-checklist",
            message_id: "practice-not-on-checklist",
        },
        PracticeError::Finished => IpcError {
            code: "finished",
            message_id: "practice-finished",
        },
        PracticeError::UnknownScenario(_) | PracticeError::NotAPracticeFile => NOT_FOUND,
        _ => INVALID,
    }
}

fn lang(code: &str) -> Result<Lang, IpcError> {
    code.parse().map_err(|_| INVALID)
}

fn path_of(state: &AppState, name: &str) -> Result<PathBuf, IpcError> {
    let ok = name.strip_suffix(".json").is_some_and(|stem| {
        !stem.is_empty()
            && stem
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    });
    if !ok {
        return Err(INVALID);
    }
    Ok(state.data_dir.join(PRACTICE_DIR).join(name))
}

fn load(state: &AppState, name: &str) -> Result<Practice, IpcError> {
    let bytes = std::fs::read(path_of(state, name)?).map_err(|_| NOT_FOUND)?;
    Practice::from_json(&bytes, &state.content.sop()).map_err(|e| refused(&e))
}

fn save(state: &AppState, name: &str, practice: &Practice) -> Result<(), IpcError> {
    dalil_store::write_file_atomic(&path_of(state, name)?, &practice.to_json()).map_err(map_error)
}

/// A scenario in the training list.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioEntry {
    id: String,
    title: String,
    stages: usize,
}

/// A practice file in the training list.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticeEntry {
    file: String,
    title: String,
    stage: Option<usize>,
    stages: usize,
    percent: u32,
}

/// The training screen: the scenarios, and the practice cases started on this computer.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingView {
    scenarios: Vec<ScenarioEntry>,
    practices: Vec<PracticeEntry>,
}

/// The scenarios and the practice cases, in `lang_code`.
#[tauri::command]
pub async fn training_list(app: AppHandle, lang_code: String) -> Result<TrainingView, IpcError> {
    let lang = lang(&lang_code)?;
    off_main(app, move |state| {
        let sop = state.content.sop();
        let mut names: Vec<String> = std::fs::read_dir(state.data_dir.join(PRACTICE_DIR))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names.reverse();
        let practices = names
            .into_iter()
            .filter_map(|name| {
                let p = load(state, &name).ok()?;
                let scenario = p.scenario(&sop).ok()?;
                Some(PracticeEntry {
                    file: name,
                    title: scenario.text(lang).title.clone(),
                    stage: p.stage(&sop),
                    stages: scenario.stages.len(),
                    percent: p.total(&sop).percent(),
                })
            })
            .collect();
        Ok(TrainingView {
            scenarios: sop
                .training
                .scenarios
                .iter()
                .map(|s| ScenarioEntry {
                    id: s.id.clone(),
                    title: s.text(lang).title.clone(),
                    stages: s.stages.len(),
                })
                .collect(),
            practices,
        })
    })
    .await
}

/// Starts scenario `scenario` as a practice case; returns its file's name.
#[tauri::command]
pub async fn practice_start(
    app: AppHandle,
    scenario: String,
    trainee: String,
) -> Result<String, IpcError> {
    off_main(app, move |state| {
        let practice =
            Practice::start(&state.content.sop(), &scenario, &trainee).map_err(|e| refused(&e))?;
        let dir = state.data_dir.join(PRACTICE_DIR);
        dalil_store::create_private_dir(&dir).map_err(map_error)?;
        let _writing = writing();
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let mut n = 0;
        let name = loop {
            let name = format!("{scenario}-{stamp}-{n}.json");
            if !dir.join(&name).exists() {
                break name;
            }
            n += 1;
        };
        save(state, &name, &practice)?;
        Ok(name)
    })
    .await
}

/// A practice case's screen: the view model, and its scenario's text as sanitized HTML (the
/// head with the SOP's and the training labels, and the stage being worked on).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticeScreen {
    view: PracticeView,
    head: String,
    story: String,
    lang: &'static str,
    dir: &'static str,
}

/// A practice case, in `lang_code` (its story in the content language `story_lang`).
#[tauri::command]
pub async fn practice_view(
    app: AppHandle,
    file: String,
    lang_code: String,
    story_lang: String,
) -> Result<PracticeScreen, IpcError> {
    let (lang, story_lang) = (lang(&lang_code)?, lang(&story_lang)?);
    off_main(app, move |state| {
        let sop = state.content.sop();
        let practice = load(state, &file)?;
        let view = dalil_practice::view(&sop, &practice, lang);
        let rendered = dalil_content::render::render_scenario(&sop, &practice.scenario, story_lang)
            .ok_or(NOT_FOUND)?;
        let story = rendered
            .stages
            .iter()
            .find(|(id, _)| *id == view.stage_id)
            .map(|(_, html)| html.clone())
            .or_else(|| rendered.debrief.clone().filter(|_| view.stage.is_none()))
            .unwrap_or_default();
        Ok(PracticeScreen {
            view,
            head: rendered.head,
            story,
            lang: story_lang.code(),
            dir: story_lang.dir(),
        })
    })
    .await
}

/// Declares facts and sets step states in a practice case. Nothing is kept if one is refused.
#[tauri::command]
pub async fn practice_answer(
    app: AppHandle,
    file: String,
    facts: BTreeMap<String, String>,
    states: BTreeMap<String, String>,
) -> Result<(), IpcError> {
    off_main(app, move |state| {
        let sop = state.content.sop();
        let _writing = writing();
        let mut practice = load(state, &file)?;
        let pairs: Vec<(&str, &str)> = facts
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        practice.declare(&sop, &pairs).map_err(|e| refused(&e))?;
        for (step, value) in &states {
            practice.mark(&sop, step, value).map_err(|e| refused(&e))?;
        }
        save(state, &file, &practice)
    })
    .await
}

/// The feedback on the stage being worked on; with `finish`, the stage is finished too and
/// the next begins.
#[tauri::command]
pub async fn practice_check(
    app: AppHandle,
    file: String,
    lang_code: String,
    finish: bool,
) -> Result<FeedbackView, IpcError> {
    let lang = lang(&lang_code)?;
    off_main(app, move |state| {
        let sop = state.content.sop();
        let _writing = writing();
        let mut practice = load(state, &file)?;
        let feedback = if finish {
            let f = practice.finish_stage(&sop).map_err(|e| refused(&e))?;
            save(state, &file, &practice)?;
            f
        } else {
            practice
                .check(&sop)
                .ok_or_else(|| refused(&PracticeError::Finished))?
        };
        Ok(dalil_practice::feedback_view(&sop, &feedback, lang))
    })
    .await
}

/// Puts "practice" in the window's title while a practice screen is open (`on`), or gives
/// the window its plain title back.
#[tauri::command]
pub fn window_practice(
    window: tauri::WebviewWindow,
    on: bool,
    lang_code: &str,
) -> Result<(), IpcError> {
    let l10n = dalil_l10n::Localizer::new(lang(lang_code)?);
    let title = if on {
        l10n.get("practice-window-title")
    } else {
        l10n.get("app-name")
    };
    let _ = window.set_title(&dalil_l10n::strip_isolation(&title));
    Ok(())
}
