// The library: the list of chapters, a chapter in one language or side by side, and the
// glossary terms' definitions shown over the text.
// Chapter HTML was sanitized by the shell; nothing else is set as HTML.

import * as ipc from './ipc.js';
import { $, listLang, showError, showView, state } from './context.js';

export async function renderLibrary() {
  const phases = await ipc.sopLibrary({ langCode: listLang() });
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

export async function openChapter(id, anchor) {
  showView('library');
  try {
    const view = state.settings.contentView;
    const langs = view === 'both' ? ['ar', 'en'] : [view];
    const rendered = await Promise.all(langs.map((l) => ipc.sopChapter({ id, langCode: l })));
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

// ---- Glossary terms in the text ----
// A term linked in a chapter shows its definition on hover and on keyboard focus, in one
// tooltip the link names with aria-describedby. Escape closes it; following the link opens
// the term in the glossary.
export function initTermTips() {
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
