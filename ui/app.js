// The Dalil window: the library list and the chapter reader.
// All text comes from the shell (Fluent messages and sanitized chapter HTML).

const invoke = (cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args);

const state = {
  lang: 'ar',
  messages: {},
  chapter: null,
};

const $ = (id) => document.getElementById(id);

function t(id) {
  return state.messages[id] ?? id;
}

async function loadMessages() {
  state.messages = await invoke('ui_messages', { langCode: state.lang });
  for (const el of document.querySelectorAll('[data-l10n]')) {
    el.textContent = t(el.dataset.l10n);
  }
  for (const el of document.querySelectorAll('[data-l10n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.l10nLabel));
  }
  document.title = t('app-name');
}

function setLanguage(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const b of document.querySelectorAll('.lang-switch button')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
}

async function renderLibrary() {
  const phases = await invoke('sop_library', { langCode: state.lang });
  const root = $('library');
  root.replaceChildren();
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
  const pane = $('chapter');
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = t(err?.message_id ?? 'error-generic');
  pane.replaceChildren(p);
}

async function openChapter(id, anchor) {
  try {
    const view = await invoke('sop_chapter', { id, langCode: state.lang });
    state.chapter = id;
    const pane = $('chapter');
    // The HTML was sanitized by the shell (ammonia allow-list); the CSP forbids inline script.
    pane.innerHTML = view.html;
    const toc = $('toc');
    toc.replaceChildren();
    for (const entry of view.toc.filter((e) => e.level <= 3)) {
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
    const target = anchor ? document.getElementById(anchor) : null;
    if (target) target.scrollIntoView({ block: 'start' });
    else $('main').scrollTo(0, 0);
  } catch (err) {
    showError(err);
  }
}

async function route() {
  const m = location.hash.match(/^#\/chapter\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/);
  if (m) {
    await openChapter(m[1], m[2]);
  } else if (!state.chapter) {
    const first = document.querySelector('#library a');
    if (first) await openChapter(first.dataset.chapter);
  }
}

async function switchLanguage(lang) {
  if (lang === state.lang) return;
  setLanguage(lang);
  await loadMessages();
  await renderLibrary();
  if (state.chapter) await openChapter(state.chapter);
}

async function start() {
  setLanguage(state.lang);
  await loadMessages();
  await renderLibrary();
  $('problems').hidden = (await invoke('sop_problems')) === 0;
  for (const b of document.querySelectorAll('.lang-switch button')) {
    b.addEventListener('click', () => switchLanguage(b.dataset.lang));
  }
  window.addEventListener('hashchange', route);
  await route();
}

start().catch(showError);
