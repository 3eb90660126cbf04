// The glossary: every term in both languages, with a filter.

import * as ipc from './ipc.js';
import { $, showView, state } from './context.js';

export async function showGlossary() {
  showView('glossary');
  if (!state.glossary) state.glossary = await ipc.sopGlossary();
  renderGlossary();
}

export function renderGlossary() {
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
