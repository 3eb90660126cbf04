// What every screen shares: the state, the messages, and switching between views.

export const state = {
  // Settled when the library and the case screens are loaded (see `start`).
  ready: null,
  settings: null,
  messages: {},
  chapter: null,
  glossary: null,
  // The case screens' module, once loaded (see `start`).
  cases: null,
};

export const $ = (id) => document.getElementById(id);

// Whether numbers are written in Arabic-Indic digits: in Arabic unless the settings ask for
// Latin; English is always Latin. The shell formats its own messages with the same choice.
export function arabicDigits() {
  return state.settings.uiLang === 'ar' && state.settings.digits !== 'latin';
}

// A number as the UI writes it. Ids, references and editions are not numbers: they keep
// their Latin digits, isolated in <bdi>.
export function num(n) {
  const text = String(n);
  return arabicDigits() ? text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))) : text;
}

// The direction of the UI's own text, for numbers laid out in reading order (see `progress`).
export function uiDir() {
  return state.settings.uiLang === 'ar' ? 'rtl' : 'ltr';
}

export function t(id) {
  return state.messages[id] ?? id;
}

// The language used for chapter titles in lists: the content language, or the UI language
// when both are shown.
export function listLang() {
  const v = state.settings.contentView;
  return v === 'both' ? state.settings.uiLang : v;
}

export function showView(name) {
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== `view-${name}`;
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

export function showError(err) {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = t(err?.message_id ?? 'error-generic');
  $('chapter').replaceChildren(p);
}

// An element with its properties and children. Text is set as text, never as HTML; only
// data-, lang, dir, role and href are set as attributes.
export const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('data-') || k === 'lang' || k === 'dir' || k === 'role' || k === 'href') node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children);
  return node;
};

// Latin references and ids inside Arabic are isolated.
export const bdi = (text) => el('bdi', { text });
