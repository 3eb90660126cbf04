//! The library side of the shell: the SOP and its search index, loaded on a thread of their
//! own while the window starts, and the commands that read them.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use dalil_content::{Lang, Sop};
use dalil_editions::Editions;
use dalil_l10n::Localizer;
use dalil_store::Edition;

use crate::AppState;
use crate::transport::{self, ChapterEntry, ChapterView, IpcError, PhaseEntry};

/// The SOP and its search index, loaded on a thread of their own while the window starts,
/// and loaded again when an update package is installed; and the older editions that cases
/// are still pinned to, loaded when a case first needs one.
pub(crate) struct Content {
    data_dir: PathBuf,
    loading: Mutex<Option<std::thread::JoinHandle<Loaded>>>,
    loaded: RwLock<Option<Arc<Loaded>>>,
    /// Editions other than the one read, by `Edition`, once a case asked for one. `None`:
    /// this computer does not have it.
    others: Mutex<HashMap<Edition, Option<Arc<Sop>>>>,
}

/// What the loading thread produces.
pub(crate) struct Loaded {
    pub(crate) sop: Arc<Sop>,
    pub(crate) problems: usize,
    /// The search index; `None` if it could not be built (search then reports an error).
    pub(crate) index: Option<Mutex<dalil_search::SopIndex>>,
    /// The key of its checklist rules, under which the case list remembers progress.
    pub(crate) rules: String,
}

impl Content {
    /// Starts loading the SOP and its search index; `data_dir` holds the installed editions
    /// and the index cache.
    pub(crate) fn start(data_dir: &Path) -> Self {
        let dir = data_dir.to_owned();
        Content {
            data_dir: data_dir.to_owned(),
            loading: Mutex::new(Some(std::thread::spawn(move || load_sop(&dir)))),
            loaded: RwLock::new(None),
            others: Mutex::new(HashMap::new()),
        }
    }

    /// The SOP read now, waiting for the load to finish the first time.
    pub(crate) fn sop(&self) -> Arc<Sop> {
        self.current().sop.clone()
    }

    /// The SOP read now, with its index, its rules key and its problems.
    pub(crate) fn current(&self) -> Arc<Loaded> {
        if let Some(loaded) = self.loaded.read().ok().and_then(|l| l.clone()) {
            return loaded;
        }
        let mut slot = match self.loaded.write() {
            Ok(slot) => slot,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(loaded) = slot.clone() {
            return loaded;
        }
        let handle = self.loading.lock().ok().and_then(|mut h| h.take());
        // A load that panicked leaves an empty SOP, which the UI shows as "no chapters".
        let loaded = Arc::new(handle.and_then(|h| h.join().ok()).unwrap_or_else(|| {
            let sop = Sop::default();
            Loaded {
                rules: dalil_checklist::rules_key(&sop),
                sop: Arc::new(sop),
                problems: 1,
                index: None,
            }
        }));
        *slot = Some(loaded.clone());
        loaded
    }

    /// Reads the SOP again, after an update package was installed.
    pub(crate) fn reload(&self) {
        let loaded = Arc::new(load_sop(&self.data_dir));
        match self.loaded.write() {
            Ok(mut slot) => *slot = Some(loaded),
            Err(poisoned) => *poisoned.into_inner() = Some(loaded),
        }
    }

    /// The number of content problems found; the UI warns when it is not zero.
    pub(crate) fn problems(&self) -> usize {
        self.current().problems
    }

    /// The editions of the data folder.
    pub(crate) fn editions(&self) -> Editions {
        Editions::new(&self.data_dir)
    }

    /// The SOP of `edition`: the one read now if it is that edition, else an older one this
    /// computer has (built in, or installed and still verifying); `None` if it has not.
    pub(crate) fn edition(&self, edition: &Edition) -> Option<Arc<Sop>> {
        let current = self.sop();
        if dalil_case::is_current(edition, &current.manifest) {
            return Some(current);
        }
        let mut others = self.others.lock().ok()?;
        others
            .entry(edition.clone())
            .or_insert_with(|| {
                let files = self.editions().find(edition)?;
                let (sop, diagnostics) = dalil_content::load(&files);
                (dalil_content::error_count(&diagnostics) == 0).then(|| Arc::new(sop))
            })
            .clone()
    }

    /// The SOP a case is read and changed under: the edition it is pinned to, or, if this
    /// computer no longer has that edition, the one read now.
    pub(crate) fn for_case(
        &self,
        store: &dalil_store::Store,
        case: dalil_store::CaseId,
    ) -> Result<Arc<Sop>, dalil_store::StoreError> {
        let pinned = store.case(case)?.edition;
        Ok(self.edition(&pinned).unwrap_or_else(|| self.sop()))
    }
}

pub(crate) fn lang(code: &str) -> Result<Lang, IpcError> {
    code.parse().map_err(|_| IpcError {
        code: "unknown-language",
        message_id: "error-unknown-language",
    })
}

/// The library: phases with their chapters.
#[tauri::command]
pub(crate) fn sop_library(
    state: tauri::State<'_, AppState>,
    lang_code: &str,
) -> Result<Vec<PhaseEntry>, IpcError> {
    let lang = lang(lang_code)?;
    let sop = state.content.sop();
    Ok(sop
        .manifest
        .phases
        .iter()
        .map(|p| PhaseEntry {
            id: p.id.clone(),
            name: p.name.get(lang).to_owned(),
            chapters: sop
                .chapters
                .iter()
                .filter(|c| c.phase == p.id)
                .map(|c| ChapterEntry {
                    id: c.id.clone(),
                    title: c.text(lang).title.clone(),
                    steps: c.text(lang).steps.len(),
                })
                .collect(),
        })
        .filter(|p| !p.chapters.is_empty())
        .collect())
}

/// One chapter, rendered and sanitized: of the edition read now, or, for the walk-through of
/// case `case`, of the edition that case follows.
#[tauri::command]
pub(crate) fn sop_chapter(
    state: tauri::State<'_, AppState>,
    id: &str,
    lang_code: &str,
    case: Option<i64>,
) -> Result<ChapterView, IpcError> {
    let lang = lang(lang_code)?;
    let sop = match case {
        Some(case) => state
            .vault
            .with(|store| state.content.for_case(store, dalil_store::CaseId(case)))?,
        None => state.content.sop(),
    };
    let labels = Localizer::new(lang).render_labels();
    let rendered =
        dalil_content::render::render_chapter(&sop, id, lang, &labels).ok_or(IpcError {
            code: "unknown-chapter",
            message_id: "error-unknown-chapter",
        })?;
    Ok(ChapterView {
        id: id.to_owned(),
        lang: lang.code(),
        dir: lang.dir(),
        html: rendered.html,
        toc: rendered.toc,
    })
}

/// The UI's messages in one language, resolved, keyed by id.
#[tauri::command]
pub(crate) fn ui_messages(lang_code: &str) -> Result<BTreeMap<String, String>, IpcError> {
    let l10n = Localizer::new(lang(lang_code)?);
    Ok(dalil_l10n::ui_message_ids()
        .into_iter()
        .map(|id| (id.to_owned(), l10n.get(id)))
        .collect())
}

/// The glossary: term pairs with their definitions, in file order.
#[tauri::command]
pub(crate) fn sop_glossary(state: tauri::State<'_, AppState>) -> Vec<transport::TermEntry> {
    state
        .content
        .sop()
        .glossary
        .terms
        .iter()
        .map(|t| transport::TermEntry {
            id: t.id.clone(),
            ar: t.name.ar.clone(),
            en: t.name.en.clone(),
            ar_variants: t.ar_variants.clone(),
            en_variants: t.en_variants.clone(),
            definition_ar: t.definition.ar.clone(),
            definition_en: t.definition.en.clone(),
            note_ar: t.note.as_ref().map(|n| n.ar.clone()),
            note_en: t.note.as_ref().map(|n| n.en.clone()),
        })
        .collect()
}

/// Searches the SOP as the reader types.
#[tauri::command]
pub(crate) fn sop_search(
    state: tauri::State<'_, AppState>,
    query: &str,
    lang_code: Option<&str>,
) -> Result<Vec<transport::SearchGroup>, IpcError> {
    let lang = lang_code.map(lang).transpose()?;
    let content = state.content.current();
    let index = content.index.as_ref().ok_or(SEARCH_FAILED)?;
    let index = index.lock().map_err(|_| SEARCH_FAILED)?;
    let options = dalil_search::SearchOptions { lang, limit: 30 };
    let results = index.search(query, &options).map_err(|e| IpcError {
        code: e.code(),
        message_id: match e.code() {
            "query-too-long" | "query-too-many-words" => "search-too-long",
            "query-control-character" => "search-bad-character",
            _ => "search-failed",
        },
    })?;
    Ok(transport::search_groups(&results))
}

const SEARCH_FAILED: IpcError = IpcError {
    code: "search-failed",
    message_id: "search-failed",
};

/// How many content problems were found at start.
#[tauri::command]
pub(crate) fn sop_problems(state: tauri::State<'_, AppState>) -> usize {
    state.content.problems()
}

/// The SOP: the folder named by `DALIL_CONTENT`, for staff checking their edits and for
/// tests, or else the newest of the edition built into the app and the update packages
/// installed in the data folder (`dalil sop install`) that still verify against the keys
/// the app trusts.
fn load_sop(data_dir: &Path) -> Loaded {
    let cache = &data_dir.join("cache");
    let files = match std::env::var_os("DALIL_CONTENT") {
        Some(dir) => match dalil_sop_files::read_dir(std::path::Path::new(&dir)) {
            Ok(files) => files,
            Err(e) => {
                eprintln!("dalil: {e}; using the built-in SOP");
                dalil_sop_files::bundled()
            }
        },
        None => Editions::new(data_dir).current(),
    };
    let (sop, diagnostics) = dalil_content::load(&files);
    let index = search_index(&sop, &files, cache).map(Mutex::new);
    Loaded {
        problems: dalil_content::error_count(&diagnostics),
        rules: dalil_checklist::rules_key(&sop),
        sop: Arc::new(sop),
        index,
    }
}

/// The SOP's search index: loaded from the cache when this program already indexed the same
/// SOP, else built, and then kept in the cache for the next start.
///
/// The cache file's name is a SHA-256 over this program (its version, the size and time of
/// its executable) and every content file, so that another SOP, or an upgraded Dalil whose
/// normalization may differ, never reads an index it did not write. Loading also checks every
/// text of the index against the SOP (`SopIndex::from_bytes`). The cache holds only the
/// public SOP's words, nothing of any case; it is safe to delete.
fn search_index(
    sop: &Sop,
    files: &dalil_content::Files,
    cache: &std::path::Path,
) -> Option<dalil_search::SopIndex> {
    let key = cache_key(files);
    let path = cache.join(format!("sop-index-{key}.bin"));
    if let Ok(bytes) = std::fs::read(&path) {
        if let Ok(index) = dalil_search::SopIndex::from_bytes(&bytes, sop) {
            return Some(index);
        }
    }
    let mut index = dalil_search::SopIndex::build(sop).ok()?;
    if let Ok(bytes) = index.to_bytes() {
        // A cache that cannot be written (a read-only or full disk) only costs the next
        // start the build again.
        let _ = crate::settings::private_dir(cache)
            .map_err(|_| ())
            .and_then(|()| dalil_store::write_file_atomic(&path, &bytes).map_err(|_| ()));
    }
    Some(index)
}

fn cache_key(files: &dalil_content::Files) -> String {
    let mut all = Vec::new();
    let mut put = |bytes: &[u8]| {
        all.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
        all.extend_from_slice(bytes);
    };
    put(env!("CARGO_PKG_VERSION").as_bytes());
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {mtime}", m.len())
        })
        .unwrap_or_default();
    put(exe.as_bytes());
    for (name, bytes) in files {
        put(name.as_bytes());
        put(bytes);
    }
    dalil_store::hex(&dalil_store::audit::digest_bytes(&all))
}
