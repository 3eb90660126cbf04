// The Dalil window: starts the page, and holds the global keys, the menu bar and closing.
// All text comes from the shell: Fluent messages, and chapter HTML sanitized by the shell.
// Each screen is a module of its own; every call to the shell is in `ipc.js`.
//
// `cases.js` is loaded after the first screen is painted (see `start`): the lock screen does
// not need it.

import * as ipc from './ipc.js';
import { $, showError, showView, state, t } from './context.js';
import { onInstall } from './editions.js';
import { renderGlossary } from './glossary.js';
import { initTermTips, openChapter, renderLibrary } from './library.js';
import { idle, lock, onCreate, onUnlock, showLock, strength } from './lock.js';
import { route } from './router.js';
import { onSearchKey, runSearch, search } from './search.js';
import { applySettings, loadMessages, parseNumber, saveSettings } from './settings.js';

async function setContentView(view) {
  if (view === state.settings.contentView) return;
  await saveSettings({ contentView: view });
  await renderLibrary();
  if (state.chapter && !$('view-library').hidden) await openChapter(state.chapter);
}

function onGlobalKey(e) {
  if (document.body.classList.contains('locked')) return;
  const typing = e.target instanceof Element && e.target.matches('input, textarea, select');
  if ((e.ctrlKey && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing)) {
    e.preventDefault();
    $('search').focus();
    $('search').select();
  } else if (e.ctrlKey && e.key.toLowerCase() === 'l') {
    e.preventDefault();
    lock();
  }
}

// ---- The menu bar ----
// The shell's menu sends the id of the chosen item; each does what the side bar does. While
// locked, the menu does nothing: nothing may show behind the lock screen.
function onMenu(id) {
  if (document.body.classList.contains('locked')) return;
  const routes = { cases: '#/cases', library: '#/library', glossary: '#/glossary', settings: '#/settings', about: '#/chapter/about' };
  if (routes[id]) {
    location.hash = routes[id];
  } else if (id === 'lock') {
    lock();
  } else if (id === 'search') {
    $('search').focus();
    $('search').select();
  } else if (id === 'backup') {
    location.hash = '#/settings';
    $('backup-button').click();
  } else if (id.startsWith('content-')) {
    setContentView(id.slice('content-'.length));
  }
}

// Before the window closes, what is being typed is saved as a draft (restored on the next
// unlock); then the page closes the window.
async function onClosing() {
  try {
    await state.cases?.flushDraft();
  } finally {
    await ipc.windowClose();
  }
}

async function start() {
  state.settings = await ipc.settingsGet();
  applySettings();
  // The first screen is the lock screen, which needs only the messages. The library, its
  // problems count and the case screens load behind it; unlocking waits for them.
  await loadMessages();
  for (const b of document.querySelectorAll('.view-switch button')) {
    b.addEventListener('click', () => setContentView(b.dataset.contentView));
  }
  const form = $('settings');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.uiLang.addEventListener('change', async () => {
    await saveSettings({ uiLang: form.uiLang.value });
    await loadMessages();
    await renderLibrary();
  });
  form.fontSize.addEventListener('change', () => saveSettings({ fontSize: Number(form.fontSize.value) }));
  form.theme.addEventListener('change', () => saveSettings({ theme: form.theme.value }));
  form.digits.addEventListener('change', () => saveSettings({ digits: form.digits.value }));
  form.maskTitles.addEventListener('change', () => saveSettings({ maskTitles: form.maskTitles.checked }));
  form.autoLock.addEventListener('change', () => {
    const minutes = parseNumber(form.autoLock.value);
    if (Number.isNaN(minutes)) {
      $('settings-status').textContent = t('settings-bad-number');
      return;
    }
    saveSettings({ autoLockMinutes: minutes });
  });
  $('backup-button').addEventListener('click', async () => {
    try {
      const path = await ipc.vaultBackup();
      const bdi = document.createElement('bdi');
      bdi.textContent = path;
      $('backup-status').replaceChildren(`${t('backup-done')} `, bdi);
    } catch (err) {
      $('backup-status').textContent = t(err?.message_id ?? 'error-generic');
    }
  });
  $('change-passphrase-button').addEventListener('click', async () => {
    try {
      await ipc.vaultChangePassphrase({ old: form.oldPassphrase.value, new: form.newPassphrase.value });
      $('passphrase-status').textContent = t('passphrase-changed');
    } catch (err) {
      $('passphrase-status').textContent = t(err?.message_id ?? 'error-generic');
    }
    form.oldPassphrase.value = '';
    form.newPassphrase.value = '';
  });
  $('sop-install').addEventListener('click', onInstall);
  $('glossary-filter').addEventListener('input', renderGlossary);
  $('search').addEventListener('input', () => {
    clearTimeout(search.timer);
    search.timer = setTimeout(runSearch, 60);
  });
  $('search').addEventListener('keydown', onSearchKey);
  $('create-form').addEventListener('submit', onCreate);
  $('create-form').passphrase.addEventListener('input', (e) => { $('strength').textContent = t(strength(e.target.value)); });
  $('unlock-form').addEventListener('submit', onUnlock);
  $('lock-button').addEventListener('click', lock);
  document.addEventListener('keydown', onGlobalKey);
  for (const ev of ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart']) {
    document.addEventListener(ev, () => { idle.last = Date.now(); }, { passive: true });
  }
  setInterval(() => {
    const limit = state.settings.autoLockMinutes * 60000;
    if (!document.body.classList.contains('locked') && Date.now() - idle.last > limit) lock();
  }, 5000);
  initTermTips();
  ipc.listen('dalil-menu', onMenu).catch(() => {});
  ipc.listen('dalil-closing', onClosing).catch(() => {});
  window.addEventListener('hashchange', route);
  window.addEventListener('beforeunload', () => { state.cases?.commitNote(); });
  await showLock();
  // Two frames later the first screen is painted; the startup benchmark waits for this.
  requestAnimationFrame(() => requestAnimationFrame(() => ipc.uiPainted()));
  state.ready = Promise.all([
    renderLibrary(),
    ipc.sopProblems(),
    import('./cases.js'),
  ]).then(([, problems, module]) => {
    $('problems').hidden = problems === 0;
    state.cases = module;
    state.cases.initCases({ t, $, showView, state });
  });
  await state.ready;
}

start().catch(showError);
