// The Dalil window: the library, the glossary and the settings.
// All text comes from the shell: Fluent messages, and chapter HTML sanitized by the shell.

// `cases.js` is loaded after the first screen is painted (see `start`): the lock screen does
// not need it.
let cases = null;

const invoke = (cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args);

const state = {
  // Settled when the library and the case screens are loaded (see `start`).
  ready: null,
  settings: null,
  messages: {},
  chapter: null,
  glossary: null,
};

const $ = (id) => document.getElementById(id);

function t(id) {
  return state.messages[id] ?? id;
}

// The language used for chapter titles in lists: the content language, or the UI language
// when both are shown.
function listLang() {
  const v = state.settings.contentView;
  return v === 'both' ? state.settings.uiLang : v;
}

async function loadMessages() {
  state.messages = await invoke('ui_messages', { langCode: state.settings.uiLang });
  for (const el of document.querySelectorAll('[data-l10n]')) {
    el.textContent = t(el.dataset.l10n);
  }
  for (const el of document.querySelectorAll('[data-l10n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.l10nLabel));
  }
  for (const el of document.querySelectorAll('[data-l10n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.l10nPlaceholder));
  }
  document.title = t('app-name');
}

function applySettings() {
  const s = state.settings;
  const root = document.documentElement;
  root.lang = s.uiLang;
  root.dir = s.uiLang === 'ar' ? 'rtl' : 'ltr';
  root.dataset.theme = s.theme;
  root.style.setProperty('--font-size', `${s.fontSize}px`);
  for (const b of document.querySelectorAll('.view-switch button')) {
    b.setAttribute('aria-pressed', String(b.dataset.contentView === s.contentView));
  }
  const form = $('settings');
  form.uiLang.value = s.uiLang;
  form.fontSize.value = String(s.fontSize);
  form.theme.value = s.theme;
  form.autoLock.value = String(s.autoLockMinutes);
  form.maskTitles.checked = s.maskTitles;
}

// Numbers may be typed with Arabic-Indic or Eastern Arabic-Indic digits.
function parseNumber(text) {
  const ascii = text.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  return /^[0-9]+$/.test(ascii) ? Number(ascii) : NaN;
}

async function saveSettings(changes) {
  try {
    state.settings = await invoke('settings_set', { settings: { ...state.settings, ...changes } });
    $('settings-status').textContent = t('settings-saved');
  } catch (err) {
    $('settings-status').textContent = t(err?.message_id ?? 'error-generic');
  }
  applySettings();
}

async function renderLibrary() {
  const phases = await invoke('sop_library', { langCode: listLang() });
  const root = $('library');
  root.replaceChildren();
  root.lang = listLang();
  for (const phase of phases) {
    const group = document.createElement('section');
    group.className = 'phase';
    const h = document.createElement('h3');
    h.textContent = phase.name;
    group.append(h);
    const list = document.createElement('ul');
    for (const ch of phase.chapters) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#/chapter/${ch.id}`;
      a.textContent = ch.title;
      a.dataset.chapter = ch.id;
      if (ch.id === state.chapter) a.setAttribute('aria-current', 'page');
      li.append(a);
      list.append(li);
    }
    group.append(list);
    root.append(group);
  }
}

function showError(err) {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = t(err?.message_id ?? 'error-generic');
  $('chapter').replaceChildren(p);
}

function showView(name) {
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== `view-${name}`;
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function openChapter(id, anchor) {
  showView('library');
  try {
    const view = state.settings.contentView;
    const langs = view === 'both' ? ['ar', 'en'] : [view];
    const rendered = await Promise.all(langs.map((l) => invoke('sop_chapter', { id, langCode: l })));
    state.chapter = id;
    const pane = $('chapter');
    pane.classList.toggle('side-by-side', langs.length === 2);
    // The HTML was sanitized by the shell (ammonia allow-list), and the CSP forbids inline
    // script, so inserting it runs nothing.
    pane.innerHTML = rendered.map((r) => r.html).join('');
    if (langs.length === 2) alignSideBySide(pane);
    const toc = $('toc');
    toc.replaceChildren();
    const tocSource = rendered.find((r) => r.lang === listLang()) ?? rendered[0];
    toc.lang = tocSource.lang;
    for (const entry of tocSource.toc.filter((e) => e.level <= 3)) {
      const li = document.createElement('li');
      li.className = entry.step ? 'toc-step' : `toc-level-${entry.level}`;
      const a = document.createElement('a');
      a.href = `#/chapter/${id}/${entry.anchor}`;
      a.textContent = entry.title;
      li.append(a);
      toc.append(li);
    }
    for (const a of document.querySelectorAll('#library a')) {
      if (a.dataset.chapter === id) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    const target = anchor ? pane.querySelector(`[id="${CSS.escape(anchor)}"]`) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.classList.add('target');
    } else {
      $('main').scrollTo(0, 0);
    }
  } catch (err) {
    showError(err);
  }
}

// Splits an article into blocks that each end with a step card, so that the two languages,
// which hold the same steps in the same order, can be laid out row by row.
function blocks(article) {
  const out = [];
  let current = document.createElement('div');
  for (const node of [...article.childNodes]) {
    current.append(node);
    if (node.nodeType === Node.ELEMENT_NODE && node.matches('section.step')) {
      out.push(current);
      current = document.createElement('div');
    }
  }
  out.push(current);
  return out;
}

function alignSideBySide(pane) {
  const articles = [...pane.querySelectorAll(':scope > article')];
  if (articles.length !== 2) return;
  const parts = articles.map(blocks);
  const rows = Math.max(parts[0].length, parts[1].length);
  const grid = document.createElement('div');
  grid.className = 'bilingual';
  for (let i = 0; i < rows; i++) {
    for (const [k, article] of articles.entries()) {
      const cell = parts[k][i] ?? document.createElement('div');
      cell.lang = article.lang;
      cell.dir = article.dir;
      cell.className = 'chapter cell';
      // Anchors stay in the column of the app's language only: ids must be unique.
      if (article.lang !== state.settings.uiLang) {
        for (const el of cell.querySelectorAll('[id]')) el.removeAttribute('id');
      }
      grid.append(cell);
    }
  }
  pane.replaceChildren(grid);
}

async function showGlossary() {
  showView('glossary');
  if (!state.glossary) state.glossary = await invoke('sop_glossary');
  renderGlossary();
}

function renderGlossary() {
  const filter = $('glossary-filter').value.trim().toLowerCase();
  const root = $('glossary');
  root.replaceChildren();
  for (const term of state.glossary) {
    const names = [term.ar, term.en, ...term.arVariants, ...term.enVariants].join(' ').toLowerCase();
    if (filter && !names.includes(filter)) continue;
    const dt = document.createElement('dt');
    dt.id = `term-${term.id}`;
    const ar = document.createElement('span');
    ar.lang = 'ar';
    ar.dir = 'rtl';
    ar.textContent = [term.ar, ...term.arVariants].join(' / ');
    const en = document.createElement('span');
    en.lang = 'en';
    en.dir = 'ltr';
    en.textContent = [term.en, ...term.enVariants].join(' / ');
    dt.append(ar, en);
    const dd = document.createElement('dd');
    for (const [lang, text, note] of [['ar', term.definitionAr, term.noteAr], ['en', term.definitionEn, term.noteEn]]) {
      const p = document.createElement('p');
      p.lang = lang;
      p.dir = lang === 'ar' ? 'rtl' : 'ltr';
      p.textContent = note ? `${text} ${note}` : text;
      dd.append(p);
    }
    root.append(dt, dd);
  }
}

// ---- Search ----

const search = { timer: 0, active: -1, previous: '' };

function searchOptions() {
  return [...document.querySelectorAll('#search-results [role="option"]')];
}

function setActive(i) {
  const options = searchOptions();
  if (!options.length) return;
  search.active = (i + options.length) % options.length;
  options.forEach((o, k) => o.setAttribute('aria-selected', String(k === search.active)));
  const active = options[search.active];
  $('search').setAttribute('aria-activedescendant', active.id);
  active.scrollIntoView({ block: 'nearest' });
}

async function runSearch() {
  const query = $('search').value;
  if (!query.trim()) {
    $('search-results').replaceChildren();
    $('search-status').textContent = '';
    if (!$('view-search').hidden) await route();
    return;
  }
  showView('search');
  let groups;
  try {
    groups = await invoke('sop_search', { query, langCode: null });
  } catch (err) {
    $('search-results').replaceChildren();
    $('search-status').textContent = t(err?.message_id ?? 'error-generic');
    return;
  }
  if ($('search').value !== query) return; // a newer keystroke is on its way
  const list = $('search-results');
  list.replaceChildren();
  let count = 0;
  for (const group of groups) {
    const header = document.createElement('li');
    header.className = 'result-chapter';
    header.setAttribute('role', 'presentation');
    header.textContent = group.chapterTitle;
    list.append(header);
    for (const entry of group.entries) {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = `result-${count}`;
      li.dataset.href = entry.step ? `#/chapter/${group.chapter}/${entry.step}` : `#/chapter/${group.chapter}`;
      for (const hit of entry.hits) {
        const block = document.createElement('div');
        block.className = 'hit';
        block.lang = hit.lang;
        block.dir = hit.dir;
        // Escaped by the shell, with <mark> around the matched words.
        block.innerHTML = `<span class="hit-lang">${hit.lang.toUpperCase()}</span><strong>${hit.titleHtml}</strong><p>${hit.snippetHtml}</p>`;
        li.append(block);
      }
      li.addEventListener('click', () => { location.hash = li.dataset.href; });
      list.append(li);
      count += 1;
    }
  }
  $('search-status').textContent = t(count ? 'search-results-found' : 'search-no-results');
  search.active = -1;
  if (count) setActive(0);
}

function onSearchKey(e) {
  if (e.key === 'ArrowDown') { e.preventDefault(); setActive(search.active + 1); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(search.active - 1); }
  else if (e.key === 'Enter') {
    const option = searchOptions()[search.active];
    if (option) { e.preventDefault(); location.hash = option.dataset.href; }
  } else if (e.key === 'Escape') {
    $('search').value = '';
    runSearch();
  }
}

// ---- Lock ----

const idle = { last: Date.now() };

async function showLock() {
  document.body.classList.add('locked');
  // Nothing that was on screen stays in the page while locked.
  $('chapter').replaceChildren();
  $('toc').replaceChildren();
  $('search-results').replaceChildren();
  $('search').value = '';
  for (const id of ['passphrase-status', 'backup-status']) $(id).textContent = '';
  $('settings').oldPassphrase.value = '';
  $('settings').newPassphrase.value = '';
  const status = await invoke('vault_status');
  $('data-dir').textContent = status.dataDir;
  const form = status.exists ? $('unlock-form') : $('create-form');
  $('create-form').hidden = status.exists;
  $('unlock-form').hidden = !status.exists;
  form.reset();
  for (const el of document.querySelectorAll('#lock .error')) el.hidden = true;
  $('strength').textContent = '';
  form.passphrase.focus();
}

async function lock() {
  // What is being typed is saved before the key goes.
  await cases?.flushDraft().catch(() => {});
  await invoke('vault_lock');
  await showLock();
}

async function unlocked() {
  // The library, which loads behind the lock screen, is there before anything is shown.
  await state.ready;
  document.body.classList.remove('locked');
  idle.last = Date.now();
  await route();
}

function showLockError(id, err) {
  const p = $(id);
  p.textContent = t(err?.message_id ?? err ?? 'error-generic');
  p.dataset.code = err?.code ?? '';
  p.hidden = false;
}

function strength(passphrase) {
  let score = 0;
  const n = [...passphrase].length;
  if (n >= 10) score += 1;
  if (n >= 14) score += 1;
  if (n >= 20) score += 1;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9\u0660-\u0669]/, /[\u0600-\u06ff]/, /[^a-zA-Z0-9\u0600-\u06ff\s]/]
    .filter((r) => r.test(passphrase)).length;
  if (classes >= 2) score += 1;
  if (classes >= 3) score += 1;
  if (n < 10) return 'strength-too-short';
  return score >= 4 ? 'strength-strong' : score >= 2 ? 'strength-fair' : 'strength-weak';
}

async function onCreate(e) {
  e.preventDefault();
  const form = $('create-form');
  if (form.passphrase.value !== form.confirm.value) {
    showLockError('create-error', 'create-mismatch');
    return;
  }
  try {
    await invoke('vault_create', { passphrase: form.passphrase.value });
    form.reset();
    await unlocked();
  } catch (err) {
    showLockError('create-error', err);
  }
}

async function onUnlock(e) {
  e.preventDefault();
  const form = $('unlock-form');
  const passphrase = form.passphrase.value;
  form.passphrase.value = '';
  try {
    await invoke('vault_unlock', { passphrase });
    await unlocked();
  } catch (err) {
    showLockError('unlock-error', err);
    form.passphrase.focus();
  }
}

async function route() {
  if (document.body.classList.contains('locked')) return;
  const hash = location.hash;
  await state.ready;
  if (!hash.startsWith('#/case/') || !hash.includes('/step/')) await cases.leave().catch(() => {});
  if (await cases.route(hash)) return;
  const chapter = hash.match(/^#\/chapter\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/);
  const term = hash.match(/^#\/glossary(?:\/([a-z0-9-]+))?$/);
  if (chapter) {
    await openChapter(chapter[1], chapter[2]);
  } else if (term) {
    await showGlossary();
    if (term[1]) $(`term-${term[1]}`)?.scrollIntoView({ block: 'start' });
  } else if (hash === '#/settings') {
    showView('settings');
    $('data-dir').textContent = (await invoke('vault_status')).dataDir;
  } else if (hash === '#/library' && state.chapter) {
    await openChapter(state.chapter);
  } else if (hash === '' || hash === '#/' || hash === '#/library') {
    const first = document.querySelector('#library a');
    if (first) await openChapter(first.dataset.chapter);
  }
}

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

// Listens to an event the shell emits.
async function listen(event, callback) {
  const handler = window.__TAURI_INTERNALS__.transformCallback((e) => callback(e.payload));
  await invoke('plugin:event|listen', { event, target: { kind: 'Any' }, handler });
}

// Before the window closes, what is being typed is saved as a draft (restored on the next
// unlock); then the page closes the window.
async function onClosing() {
  try {
    await cases?.flushDraft();
  } finally {
    await invoke('window_close');
  }
}

async function start() {
  state.settings = await invoke('settings_get');
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
      const path = await invoke('vault_backup');
      const bdi = document.createElement('bdi');
      bdi.textContent = path;
      $('backup-status').replaceChildren(`${t('backup-done')} `, bdi);
    } catch (err) {
      $('backup-status').textContent = t(err?.message_id ?? 'error-generic');
    }
  });
  $('change-passphrase-button').addEventListener('click', async () => {
    try {
      await invoke('vault_change_passphrase', { old: form.oldPassphrase.value, new: form.newPassphrase.value });
      $('passphrase-status').textContent = t('passphrase-changed');
    } catch (err) {
      $('passphrase-status').textContent = t(err?.message_id ?? 'error-generic');
    }
    form.oldPassphrase.value = '';
    form.newPassphrase.value = '';
  });
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
  listen('dalil-menu', onMenu).catch(() => {});
  listen('dalil-closing', onClosing).catch(() => {});
  window.addEventListener('hashchange', route);
  window.addEventListener('beforeunload', () => { cases?.commitNote(); });
  await showLock();
  // Two frames later the first screen is painted; the startup benchmark waits for this.
  requestAnimationFrame(() => requestAnimationFrame(() => invoke('ui_painted')));
  state.ready = Promise.all([
    renderLibrary(),
    invoke('sop_problems'),
    import('./cases.js'),
  ]).then(([, problems, module]) => {
    $('problems').hidden = problems === 0;
    cases = module;
    cases.initCases({ invoke, t, $, showView, state });
  });
  await state.ready;
}

// ---- Glossary terms in the text ----
// A term linked in a chapter shows its definition on hover and on keyboard focus, in one
// tooltip the link names with aria-describedby. Escape closes it; following the link opens
// the term in the glossary.
function initTermTips() {
  const tip = document.createElement('div');
  tip.id = 'term-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  let current = null;
  const termOf = (node) => (node instanceof Element ? node.closest('a.term[data-definition]') : null);
  const hide = () => {
    if (!current) return;
    current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
  };
  const show = (link) => {
    if (current === link) return;
    hide();
    current = link;
    const scope = link.closest('[lang]');
    tip.lang = scope?.lang ?? '';
    tip.dir = scope?.dir || 'auto';
    tip.textContent = link.dataset.definition;
    tip.hidden = false;
    link.setAttribute('aria-describedby', 'term-tip');
    // Below the term, or above it when there is no room; kept inside the window.
    const r = link.getBoundingClientRect();
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const start = tip.dir === 'rtl' ? r.right - w : r.left;
    tip.style.left = `${Math.max(8, Math.min(start, window.innerWidth - w - 8))}px`;
    tip.style.top = `${r.bottom + 6 + h > window.innerHeight ? Math.max(8, r.top - h - 6) : r.bottom + 6}px`;
  };
  document.addEventListener('mouseover', (e) => {
    const link = termOf(e.target);
    if (link) show(link);
    else if (current && document.activeElement !== current) hide();
  });
  document.addEventListener('focusin', (e) => {
    const link = termOf(e.target);
    if (link) show(link);
    else hide();
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  document.addEventListener('scroll', hide, true);
}

start().catch(showError);
