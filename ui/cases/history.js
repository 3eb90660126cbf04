// The history of a case, from the audit log.

import * as ipc from '../ipc.js';
import { bdi, ctx, date, el, num, uiDir } from '../cases/common.js';

export async function showHistory(id) {
  ctx.showView('history');
  const h = await ipc.caseHistory({ id, langCode: ctx.state.settings.uiLang });
  const badge = h.intact
    ? el('p', { class: 'badge verified', 'data-verified': 'true' }, `${h.statusLabel} `, bdi(h.head.slice(0, 16)))
    : el('p', { class: 'badge broken', 'data-verified': 'false', text: h.statusLabel });
  // Runs of the same action on the same thing (a draft saved at every pause in typing) are
  // one row: the range of entries, the last time, and how many.
  const rows = [];
  for (const e of h.entries) {
    const last = rows.at(-1);
    if (last && last.action === e.action && last.entityRef === e.entityRef) {
      last.to = e.seq;
      last.at = e.at;
      last.count += 1;
    } else {
      rows.push({ ...e, from: e.seq, to: e.seq, count: 1 });
    }
  }
  const table = el('table', { class: 'history' },
    el('thead', {}, el('tr', {}, el('th', { text: '#' }), el('th', { text: ctx.t('history-when') }), el('th', { text: ctx.t('history-action') }), el('th', { text: ctx.t('history-entity') }))),
    el('tbody', {}, ...rows.map((r) => el('tr', { 'data-count': String(r.count) },
      el('td', {}, el('bdi', { dir: uiDir(), text: r.count > 1 ? `${num(r.from)}–${num(r.to)}` : num(r.from) })),
      el('td', { text: date(r.at) }),
      el('td', {}, r.action, r.count > 1 ? el('span', { class: 'repeat' }, ' ', bdi(`×${num(r.count)}`)) : ''),
      el('td', {}, el('span', { text: r.entity, dir: 'auto' }), ' ', el('code', { class: 'entity-ref', dir: 'ltr' }, bdi(r.entityRef)))))));
  ctx.$('history').replaceChildren(
    el('h2', { text: ctx.t('case-history') }), badge,
    el('a', { class: 'button', href: `#/case/${id}`, text: ctx.t('back-to-case') }), table);
}
