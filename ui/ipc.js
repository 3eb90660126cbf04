// Every call from the page to the shell, in one place: one function per command of
// `src-tauri` (their arguments are the commands' own, in camelCase), and the events the
// shell emits. No other module names a command.

const invoke = (cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args);

export const caseClose = (args) => invoke('case_close', args);
export const caseEditionChange = (args) => invoke('case_edition_change', args);
export const caseElements = (args) => invoke('case_elements', args);
export const caseCreate = (args) => invoke('case_create', args);
export const caseExport = (args) => invoke('case_export', args);
export const caseHistory = (args) => invoke('case_history', args);
export const caseMoveEdition = (args) => invoke('case_move_edition', args);
export const caseQuestions = (args) => invoke('case_questions', args);
export const caseRegister = (args) => invoke('case_register', args);
export const caseReopen = (args) => invoke('case_reopen', args);
export const caseSetFacts = (args) => invoke('case_set_facts', args);
export const caseStepState = (args) => invoke('case_step_state', args);
export const caseView = (args) => invoke('case_view', args);
export const casesList = (args) => invoke('cases_list', args);
export const custodyAdd = (args) => invoke('custody_add', args);
export const deviceKey = (args) => invoke('device_key', args);
export const draftSave = (args) => invoke('draft_save', args);
export const elementLink = (args) => invoke('element_link', args);
export const elementSet = (args) => invoke('element_set', args);
export const exhibitAdd = (args) => invoke('exhibit_add', args);
export const exhibitAttach = (args) => invoke('exhibit_attach', args);
export const noteCommit = (args) => invoke('note_commit', args);
export const noteRevisions = (args) => invoke('note_revisions', args);
export const practiceAnswer = (args) => invoke('practice_answer', args);
export const practiceCheck = (args) => invoke('practice_check', args);
export const practiceStart = (args) => invoke('practice_start', args);
export const practiceView = (args) => invoke('practice_view', args);
export const settingsGet = (args) => invoke('settings_get', args);
export const settingsSet = (args) => invoke('settings_set', args);
export const sopChanges = (args) => invoke('sop_changes', args);
export const sopChapter = (args) => invoke('sop_chapter', args);
export const sopEditions = (args) => invoke('sop_editions', args);
export const sopGlossary = (args) => invoke('sop_glossary', args);
export const sopLibrary = (args) => invoke('sop_library', args);
export const sopInstall = (args) => invoke('sop_install', args);
export const sopProblems = (args) => invoke('sop_problems', args);
export const sopSearch = (args) => invoke('sop_search', args);
export const stepNotes = (args) => invoke('step_notes', args);
export const trainingList = (args) => invoke('training_list', args);
export const transferExport = (args) => invoke('transfer_export', args);
export const uiMessages = (args) => invoke('ui_messages', args);
export const uiPainted = (args) => invoke('ui_painted', args);
export const vaultBackup = (args) => invoke('vault_backup', args);
export const vaultChangePassphrase = (args) => invoke('vault_change_passphrase', args);
export const vaultCreate = (args) => invoke('vault_create', args);
export const vaultLock = (args) => invoke('vault_lock', args);
export const vaultStatus = (args) => invoke('vault_status', args);
export const vaultUnlock = (args) => invoke('vault_unlock', args);
export const windowPractice = (args) => invoke('window_practice', args);
export const windowClose = (args) => invoke('window_close', args);

// Listens to an event the shell emits.
export async function listen(event, callback) {
  const handler = window.__TAURI_INTERNALS__.transformCallback((e) => callback(e.payload));
  await invoke('plugin:event|listen', { event, target: { kind: 'Any' }, handler });
}
