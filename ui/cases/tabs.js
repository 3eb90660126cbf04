// The tabs of a case: its checklist, its offence elements, its evidence register. Each tab is
// an address of its own, so the back key and the menu work as on every other screen.

import { bdi, ctx, el } from './common.js';

export function caseTabs(id, active) {
  const nav = el('nav', { class: 'case-tabs', ariaLabel: ctx.t('case-tabs') });
  for (const [key, href] of [
    ['case-tab-checklist', `#/case/${id}`],
    ['case-tab-elements', `#/case/${id}/elements`],
    ['case-tab-evidence', `#/case/${id}/evidence`],
  ]) {
    const a = el('a', { class: 'case-tab', href, text: ctx.t(key), id: key });
    if (key === active) a.setAttribute('aria-current', 'page');
    nav.append(a);
  }
  return nav;
}

// The error of a failed call, as a line the screen can show.
export function errorLine(err) {
  return el('p', { class: 'error', role: 'alert', text: ctx.t(err?.message_id ?? 'error-generic') });
}

// The case's reference and title above a tab, so the officer always knows which case this
// is. Both tabs' view models carry them.
export function caseHeading(view) {
  return el('p', { class: 'case-heading' }, bdi(view.reference), ' ', el('span', { text: view.title, dir: 'auto' }));
}
