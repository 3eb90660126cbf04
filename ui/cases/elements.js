// The Elements tab: one row per offence element, what supports it, and the gaps, each gap
// with the SOP steps that gather that kind of evidence.

import * as ipc from '../ipc.js';
import { ctx, el, num } from './common.js';
import { caseHeading, caseTabs, errorLine } from './tabs.js';

export async function showElements(id) {
  ctx.showView('case');
  const root = ctx.$('case');
  let matrix;
  let register;
  try {
    [matrix, register] = await Promise.all([
      ipc.caseElements({ id, langCode: ctx.state.settings.uiLang }),
      ipc.caseRegister({ id, langCode: ctx.state.settings.uiLang }),
    ]);
  } catch (err) {
    root.replaceChildren(caseTabs(id, 'case-tab-elements'), errorLine(err));
    return;
  }
  const gaps = el('p', { class: 'elements-gaps', id: 'elements-gaps', role: 'status',
    text: `${ctx.t('elements-gaps')} ${num(matrix.gaps)}` });
  const parts = [caseTabs(id, 'case-tab-elements'), caseHeading(matrix), el('h2', { text: ctx.t('elements-heading') }),
    el('p', { class: 'status', text: ctx.t('elements-intro') }), gaps];
  for (const offence of matrix.offences) {
    const table = el('table', { class: 'matrix' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: ctx.t('elements-col-element') }),
        el('th', { scope: 'col', text: ctx.t('elements-col-state') }),
        el('th', { scope: 'col', text: ctx.t('elements-col-support') }))));
    const body = el('tbody');
    for (const e of offence.elements) body.append(elementRow(id, e, register));
    table.append(body);
    parts.push(el('section', { class: 'offence', 'data-offence': offence.id },
      el('h3', {}, el('span', { text: offence.name }), ' ', el('span', { class: 'basis', text: offence.basis })),
      offence.note ? el('p', { class: 'status', text: offence.note }) : '',
      table));
  }
  if (!matrix.offences.length) parts.push(el('p', { class: 'status', text: ctx.t('elements-none') }));
  root.replaceChildren(...parts);
}

function elementRow(id, e, register) {
  const tr = el('tr', { class: e.gap ? 'gap' : '', 'data-element': e.id });
  const name = el('td', {},
    el('strong', { text: e.name }), ' ',
    el('span', { class: `badge ${e.required ? 'mandatory' : ''}`, text: ctx.t(e.required ? 'elements-required' : 'elements-optional') }),
    el('p', { class: 'why', text: e.description }),
    el('p', { class: 'basis', text: e.basis }));
  if (e.optionalNote) name.append(el('p', { class: 'reason', text: e.optionalNote }));

  // The state, with its reason.
  const select = el('select', { ariaLabel: `${ctx.t('elements-col-state')}: ${e.name}`, class: 'element-state' },
    ...['open', 'supported', 'contested'].map((s) => el('option', { value: s, text: ctx.t(`element-state-${s}`) })));
  select.value = e.state;
  const reason = el('input', { type: 'text', class: 'element-reason', value: e.reason ?? '',
    placeholder: ctx.t('elements-reason'), ariaLabel: `${ctx.t('elements-reason')}: ${e.name}`, dir: 'auto' });
  const save = el('button', { type: 'button', class: 'button', text: ctx.t('elements-save') });
  const said = el('p', { class: 'status', role: 'status' });
  save.addEventListener('click', async () => {
    try {
      await ipc.elementSet({ id, element: e.id, value: select.value, reason: reason.value.trim() || null });
      await showElements(id);
    } catch (err) {
      said.className = 'error';
      said.textContent = ctx.t(err?.message_id ?? 'error-generic');
    }
  });
  const state = el('td', {}, select, reason, save, said);

  // What supports it, and the gap with the steps that would fill it.
  const support = el('td', {});
  if (e.support.length) {
    const ul = el('ul', { class: 'support' });
    for (const s of e.support) {
      const unlink = el('button', { type: 'button', class: 'link-button', text: ctx.t('elements-unlink'),
        ariaLabel: `${ctx.t('elements-unlink')}: ${s.label}` });
      unlink.addEventListener('click', async () => {
        await ipc.elementLink({ id, element: e.id, kind: s.kind, target: s.id, link: false });
        await showElements(id);
      });
      ul.append(el('li', {}, el('span', { class: 'badge', text: ctx.t(`support-${s.kind}`) }), ' ',
        el('span', { text: s.label, dir: 'auto' }), ' ', unlink));
    }
    support.append(ul);
  }
  if (e.gap) {
    support.append(el('p', { class: 'gap-label', text: ctx.t('elements-gap') }));
    if (e.gather.length) {
      support.append(el('ul', { class: 'gather' }, ...e.gather.map((g) =>
        el('li', {}, el('a', { href: `#/case/${id}/step/${g.step}`, text: g.title })))));
    }
  }
  // Link an exhibit of the register.
  const linked = new Set(e.support.filter((s) => s.kind === 'exhibit').map((s) => s.id));
  const choices = register.exhibits.filter((x) => !linked.has(String(x.number)));
  if (choices.length) {
    const pick = el('select', { class: 'link-exhibit', ariaLabel: `${ctx.t('elements-link-exhibit')}: ${e.name}` },
      el('option', { value: '', text: ctx.t('elements-link-exhibit') }),
      ...choices.map((x) => el('option', { value: String(x.number), text: `${ctx.t('exhibit-number')} ${num(x.number)}: ${x.description}` })));
    pick.addEventListener('change', async () => {
      if (!pick.value) return;
      await ipc.elementLink({ id, element: e.id, kind: 'exhibit', target: pick.value, link: true });
      await showElements(id);
    });
    support.append(pick);
  }
  tr.append(name, state, support);
  return tr;
}

