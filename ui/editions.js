// SOP editions: the settings' edition section (which editions this computer has, installing
// an update chosen in the native open dialog, which the shell opens), and "What changed in
// this edition". Titles, guidance and names are set as text; changed words are marked with
// <del> and <ins>, each with its words as text.

import * as ipc from './ipc.js';
import { $, bdi, el, listLang, showView, state, t } from './context.js';
import { renderLibrary } from './library.js';

// An edition, `0.1.0 (2026-11-29)`, kept in its own left-to-right order inside Arabic.
const ltr = (text) => el('bdi', { dir: 'ltr', text });

// The edition section of the settings.
export async function showEditions() {
  let view;
  try {
    view = await ipc.sopEditions();
  } catch (err) {
    $('sop-install-status').textContent = t(err?.message_id ?? 'error-generic');
    return;
  }
  $('sop-read').textContent = view.read;
  $('sop-editions').replaceChildren(...view.list.map((e) => {
    const li = el('li', { 'data-source': e.source });
    if (e.version) li.append(ltr(`${e.version} (${e.date})`), ' ');
    li.append(el('span', { class: 'status', text: t(`sop-source-${e.source}`) }));
    if (e.read) li.append(' ', el('strong', { class: 'badge read-now', text: t('sop-read-now') }));
    return li;
  }));
  $('sop-changes-link').hidden = !view.hasPrevious;
}

export async function onInstall() {
  const button = $('sop-install');
  const status = $('sop-install-status');
  button.disabled = true;
  status.className = 'status';
  status.replaceChildren();
  try {
    const done = await ipc.sopInstall({ langCode: state.settings.uiLang });
    if (!done) {
      status.textContent = t('sop-install-cancelled');
    } else {
      // The library and its chapters are those of the new edition from here on.
      await renderLibrary();
      await showEditions();
      status.className = 'status install-done';
      status.append(`${t('sop-install-done')} `, ltr(`${done.version} (${done.date})`), ' ',
        el('a', { href: '#/changes', text: t('sop-changes-link') }));
    }
  } catch (err) {
    status.className = 'error';
    status.dataset.code = err?.code ?? '';
    status.textContent = t(err?.message_id ?? 'error-generic');
  } finally {
    button.disabled = false;
  }
}

// Guidance with the changed words marked. Long runs of unchanged words are cut down to a
// few words on each side of a change.
function marked(spans) {
  const CONTEXT = 12;
  const p = el('p', { class: 'diff-text', dir: 'auto' });
  spans.forEach((s, i) => {
    if (s.change === 'removed') {
      p.append(el('del', { title: t('changes-removed-words'), text: s.text }));
    } else if (s.change === 'added') {
      p.append(el('ins', { title: t('changes-added-words'), text: s.text }));
    } else {
      const words = s.text.split(/\s+/).filter(Boolean);
      const head = i > 0;
      const tail = i < spans.length - 1;
      let text = s.text;
      if (head && tail && words.length > 2 * CONTEXT) {
        text = ` ${words.slice(0, CONTEXT).join(' ')} … ${words.slice(-CONTEXT).join(' ')} `;
      } else if (!head && words.length > CONTEXT) {
        text = `… ${words.slice(-CONTEXT).join(' ')} `;
      } else if (head && !tail && words.length > CONTEXT) {
        text = ` ${words.slice(0, CONTEXT).join(' ')} …`;
      }
      p.append(text);
    }
  });
  return p;
}

function item(kind, it, lang) {
  const li = el('li', { class: 'change', 'data-step': it.id });
  const title = el('p', { class: 'change-title' }, el('strong', { text: it.title, lang }), ' ', el('code', { dir: 'ltr' }, bdi(it.id)));
  if (it.chapter) title.append(' ', el('span', { class: 'status', text: it.chapter, lang }));
  li.append(title);
  if (it.before != null || it.after != null) {
    const dl = el('dl', { class: 'before-after' });
    if (it.before != null) dl.append(el('dt', { text: t('changes-before') }), el('dd', { text: it.before, lang, dir: 'auto' }));
    if (it.after != null) dl.append(el('dt', { text: t('changes-after') }), el('dd', { text: it.after, lang, dir: 'auto' }));
    li.append(dl);
  }
  if (kind === 'guidance') li.append(marked(it.spans));
  return li;
}

// "What changed in this edition": from the newest older edition on this computer to the one
// read, in the language chapters are read in.
export async function showChanges() {
  showView('changes');
  const root = $('changes');
  const lang = listLang();
  let view;
  try {
    view = await ipc.sopChanges({ langCode: lang });
  } catch (err) {
    root.replaceChildren(el('p', { class: 'error', role: 'alert', text: t(err?.message_id ?? 'error-generic') }));
    return;
  }
  const head = el('h2', { text: t('changes-title') });
  if (!view) {
    root.replaceChildren(head, el('p', { class: 'status', text: t('changes-none') }));
    return;
  }
  const editions = el('p', { class: 'case-meta' }, `${t('changes-from')} `, ltr(view.old), ` ${t('changes-to')} `, ltr(view.new));
  if (!view.groups.length) {
    root.replaceChildren(head, editions, el('p', { class: 'status', text: t('changes-empty') }));
    return;
  }
  const groups = view.groups.map((g) => el('section', { class: 'change-group', 'data-kind': g.kind },
    el('h3', { text: g.heading }),
    el('ol', {}, ...g.items.map((it) => item(g.kind, it, lang)))));
  const legend = view.groups.some((g) => g.kind === 'guidance') ? [el('p', { class: 'status', text: t('changes-legend') })] : [];
  root.replaceChildren(head, editions, ...legend, ...groups);
}
