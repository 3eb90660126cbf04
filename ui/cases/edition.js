// Carrying an open case over to the SOP edition read now: the notice on a case that follows an
// older edition, and the screen that shows, for this case and its facts, what moving it would
// change, with the move itself (one audited action).

import * as ipc from '../ipc.js';
import { bdi, ctx, el, num, stateName } from './common.js';
import { caseHeading, errorLine } from './tabs.js';

// The notice above a case's checklist when it follows an older edition; null when it follows
// the edition read now. (A closed case shows none: it is not moved.)
export async function editionNotice(id) {
  let change;
  try {
    change = await ipc.caseEditionChange({ id, langCode: ctx.state.settings.uiLang });
  } catch (err) {
    return el('div', { class: 'warning edition-notice' }, errorLine(err));
  }
  if (!change) return null;
  return el('div', { class: 'warning edition-notice', role: 'status' },
    el('p', { text: ctx.t('case-edition-notice') }),
    el('p', {}, `${ctx.t('case-move-from')} `, bdi(change.from), ' | ', `${ctx.t('case-move-to')} `, bdi(change.to)),
    el('a', { class: 'button', id: 'case-edition-review', href: `#/case/${id}/edition`, text: ctx.t('case-edition-review') }));
}

function stepList(steps, retired) {
  if (!steps.length) return el('p', { class: 'status', text: ctx.t('case-move-nothing') });
  return el('ol', {}, ...steps.map((s) => {
    const li = el('li', { 'data-step': s.id });
    li.append(el('strong', { text: s.title }), ' ', el('code', { dir: 'ltr' }, bdi(s.id)));
    if (s.because.length) li.append(el('p', { class: 'why', text: `${ctx.t('step-shown-because')} ${s.because.join('، ')}` }));
    const badges = el('span', { class: 'badges' });
    if (s.state) badges.append(el('span', { class: 'badge state', text: stateName(s.state) }));
    if (s.notes) badges.append(el('span', { class: 'badge notes-count', text: `${ctx.t('case-move-notes')} ${num(s.notes)}` }));
    if (retired && s.removed) badges.append(el('span', { class: 'badge', text: ctx.t('case-move-removed') }));
    if (badges.childNodes.length) li.append(' ', badges);
    return li;
  }));
}

// What moving case `id` to the edition read now would change, and the move.
export async function showMove(id) {
  ctx.showView('case');
  const root = ctx.$('case');
  let change;
  try {
    change = await ipc.caseEditionChange({ id, langCode: ctx.state.settings.uiLang });
  } catch (err) {
    root.replaceChildren(errorLine(err));
    return;
  }
  const back = el('a', { class: 'button', href: `#/case/${id}`, text: ctx.t('back-to-case') });
  if (!change) {
    root.replaceChildren(el('h2', { text: ctx.t('case-move-title') }), el('p', { class: 'status', text: ctx.t('case-move-current') }), back);
    return;
  }
  const result = el('p', { class: 'status', role: 'status' });
  const confirm = el('div', { class: 'confirm', hidden: true });
  const move = el('button', { type: 'button', class: 'button primary', id: 'case-move', text: ctx.t('case-move-button') });
  const yes = el('button', { type: 'button', class: 'button primary', id: 'case-move-confirm', text: ctx.t('case-move-confirm') });
  const no = el('button', { type: 'button', class: 'button', text: ctx.t('cancel') });
  move.addEventListener('click', () => { confirm.hidden = false; yes.focus(); });
  no.addEventListener('click', () => { confirm.hidden = true; });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await ipc.caseMoveEdition({ id });
      confirm.hidden = true;
      move.hidden = true;
      result.className = 'status move-done';
      result.replaceChildren(`${ctx.t('case-move-done')} `, bdi(change.to), ' ', back.cloneNode(true));
    } catch (err) {
      result.replaceChildren(errorLine(err));
    } finally {
      yes.disabled = false;
    }
  });
  confirm.append(el('p', { text: ctx.t('case-move-question') }), yes, no);
  root.replaceChildren(
    caseHeading(change),
    el('h2', { text: ctx.t('case-move-title') }),
    el('p', { class: 'case-meta' }, `${ctx.t('case-move-from')} `, bdi(change.from), ' | ', `${ctx.t('case-move-to')} `, bdi(change.to)),
    el('section', { class: 'move-group', 'data-kind': 'appear' }, el('h3', { text: ctx.t('case-move-appear') }), stepList(change.appear, false)),
    el('section', { class: 'move-group', 'data-kind': 'retire' }, el('h3', { text: ctx.t('case-move-retire') }), stepList(change.retire, true)),
    el('section', { class: 'move-group', 'data-kind': 'changed' }, el('h3', { text: ctx.t('case-move-changed') }), stepList(change.changed, false),
      el('p', {}, el('a', { href: '#/changes', text: ctx.t('sop-changes-link') }))),
    el('div', { class: 'toolbar' }, move, back),
    confirm,
    result);
}
