// The Evidence tab: the register of exhibits, each with its chain of custody, a form to
// register an exhibit, and one to record a hand-over, a seal check or a laboratory transfer.
// Entries are never edited: a correction is a new entry that names the one it corrects.

import * as ipc from '../ipc.js';
import { ctx, date, el, num } from './common.js';
import { caseHeading, caseTabs, errorLine } from './tabs.js';

const KINDS = ['document', 'phone', 'ledger', 'transfer-receipt', 'photograph', 'digital-image', 'other'];
const EVENTS = ['handover', 'seal-check', 'to-lab', 'from-lab', 'correction'];

function field(id, labelKey, input) {
  input.id = id;
  return el('p', { class: 'field' }, el('label', { htmlFor: id, text: ctx.t(labelKey) }), input);
}

const text = (required = false) => el('input', { type: 'text', dir: 'auto', required });

export async function showEvidence(id) {
  ctx.showView('case');
  const root = ctx.$('case');
  let register;
  let matrix;
  try {
    [register, matrix] = await Promise.all([
      ipc.caseRegister({ id, langCode: ctx.state.settings.uiLang }),
      ipc.caseElements({ id, langCode: ctx.state.settings.uiLang }),
    ]);
  } catch (err) {
    root.replaceChildren(caseTabs(id, 'case-tab-evidence'), errorLine(err));
    return;
  }
  const list = el('div', { class: 'register' });
  if (!register.exhibits.length) list.append(el('p', { class: 'status', text: ctx.t('evidence-none') }));
  for (const x of register.exhibits) list.append(exhibitBlock(id, x));
  root.replaceChildren(caseTabs(id, 'case-tab-evidence'), caseHeading(register),
    el('h2', { text: ctx.t('evidence-heading') }),
    el('p', { class: 'status', text: ctx.t('evidence-intro') }),
    list, addForm(id, matrix));
}

function exhibitBlock(id, x) {
  const none = ctx.t('evidence-none-given');
  const rows = el('tbody');
  for (const c of x.custody) {
    rows.append(el('tr', { 'data-seq': String(c.seq) },
      el('td', { text: num(c.seq) }),
      el('td', { text: ctx.t(`custody-event-${c.event}`) + (c.corrects ? ` (${ctx.t('custody-corrects')} ${num(c.corrects)})` : '') }),
      el('td', {}, el('bdi', { text: c.at })),
      el('td', {}, el('bdi', { text: c.from })),
      el('td', {}, el('bdi', { text: c.to })),
      el('td', {}, el('bdi', { text: c.purpose })),
      el('td', { class: c.sealIntact ? '' : 'seal-broken', text: ctx.t(c.sealIntact ? 'custody-seal-intact' : 'custody-seal-broken') })));
  }
  const custody = x.custody.length
    ? el('table', { class: 'custody' },
      el('thead', {}, el('tr', {}, ...['#', 'custody-event', 'custody-at', 'custody-from', 'custody-to', 'custody-purpose', 'custody-seal']
        .map((k) => el('th', { scope: 'col', text: k === '#' ? '#' : ctx.t(k) })))),
      rows)
    : el('p', { class: 'gap-label', text: ctx.t('custody-none') });
  const block = el('section', { class: 'exhibit', 'data-exhibit': String(x.number) },
    el('h3', {}, `${ctx.t('exhibit-number')} ${num(x.number)} | ${ctx.t(`exhibit-kind-${x.kind}`)}`),
    el('p', { class: 'exhibit-description', text: x.description, dir: 'auto' }),
    el('dl', { class: 'seizure' },
      el('dt', { text: ctx.t('exhibit-seized-at') }), el('dd', {}, el('bdi', { text: x.seizedAt })),
      el('dt', { text: ctx.t('exhibit-seized-where') }), el('dd', {}, el('bdi', { text: x.seizedWhere })),
      el('dt', { text: ctx.t('exhibit-seized-by') }), el('dd', {}, el('bdi', { text: x.seizedBy })),
      el('dt', { text: ctx.t('exhibit-authorisation') }), el('dd', {}, el('bdi', { text: x.authorisation ?? none })),
      el('dt', { text: ctx.t('exhibit-seal') }), el('dd', {}, el('bdi', { text: x.seal ?? none })),
      el('dt', { text: ctx.t('exhibit-registered') }), el('dd', { text: date(x.registeredAt) })),
    el('h4', { text: ctx.t('custody-heading') }), custody);
  if (x.elements.length) {
    block.append(el('p', { class: 'why' }, `${ctx.t('exhibit-supports')} `,
      x.elements.map(([, name]) => name).join(' | ')));
  }
  for (const f of x.files) {
    block.append(el('p', { class: 'file' }, `${ctx.t('exhibit-file')} `, el('bdi', { dir: 'ltr', text: f.name }),
      ' | ', el('bdi', { dir: 'ltr', class: 'iso', text: `SHA-256 ${f.sha256}` })));
  }
  block.append(attachPanel(id, x), custodyForm(id, x));
  return block;
}

// Attaching a file: the shell opens the native open dialog; the page names no path.
function attachPanel(id, x) {
  const n = x.number;
  const digestOnly = el('input', { type: 'checkbox', id: `attach-digest-only-${n}` });
  const said = el('p', { class: 'status', role: 'status' });
  const button = el('button', { type: 'button', class: 'button', id: `attach-${n}`, text: ctx.t('exhibit-attach') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    said.className = 'status';
    said.textContent = '';
    try {
      const done = await ipc.exhibitAttach({ id, number: n, keep: !digestOnly.checked, langCode: ctx.state.settings.uiLang });
      if (done) await showEvidence(id);
      else said.textContent = ctx.t('attach-cancelled');
    } catch (err) {
      said.className = 'error';
      said.textContent = ctx.t(err?.message_id ?? 'error-generic');
    } finally {
      button.disabled = false;
    }
  });
  return el('div', { class: 'attach' }, button,
    el('p', { class: 'field check' }, digestOnly, el('label', { htmlFor: digestOnly.id, text: ctx.t('exhibit-attach-digest-only') })),
    said);
}

function custodyForm(id, x) {
  const n = x.number;
  const event = el('select', {}, ...EVENTS.map((e) => el('option', { value: e, text: ctx.t(`custody-event-${e}`) })));
  const from = text(true);
  const to = text(true);
  const purpose = text(true);
  const at = text();
  const intact = el('input', { type: 'checkbox', checked: true });
  const corrects = el('select', {}, ...x.custody.map((c) => el('option', { value: String(c.seq), text: num(c.seq) })));
  const correctsField = field(`custody-corrects-${n}`, 'custody-corrects', corrects);
  correctsField.hidden = true;
  event.addEventListener('change', () => { correctsField.hidden = event.value !== 'correction'; });
  const said = el('p', { class: 'status', role: 'status' });
  const form = el('form', { class: 'custody-form' },
    field(`custody-event-${n}`, 'custody-event', event),
    correctsField,
    field(`custody-from-${n}`, 'custody-from', from),
    field(`custody-to-${n}`, 'custody-to', to),
    field(`custody-purpose-${n}`, 'custody-purpose', purpose),
    field(`custody-at-${n}`, 'custody-at-optional', at),
    el('p', { class: 'field check' }, intact, el('label', { htmlFor: `custody-intact-${n}`, text: ctx.t('custody-seal-intact-question') })),
    el('button', { type: 'submit', class: 'button primary', text: ctx.t('custody-add') }),
    said);
  intact.id = `custody-intact-${n}`;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await ipc.custodyAdd({ id, number: n, input: {
        event: event.value, at: at.value.trim() || null, from: from.value, to: to.value,
        purpose: purpose.value, sealIntact: intact.checked,
        corrects: event.value === 'correction' ? Number(corrects.value) : null,
      } });
      await showEvidence(id);
    } catch (err) {
      said.className = 'error';
      said.textContent = ctx.t(err?.message_id ?? 'error-generic');
    }
  });
  return el('details', { class: 'custody-add' }, el('summary', { text: ctx.t('custody-add') }), form);
}

function addForm(id, matrix) {
  const description = text(true);
  const kind = el('select', {}, ...KINDS.map((k) => el('option', { value: k, text: ctx.t(`exhibit-kind-${k}`) })));
  const seizedAt = text(true);
  const seizedWhere = text(true);
  const seizedBy = text(true);
  const authorisation = text();
  const seal = text();
  const boxes = [];
  const elements = el('fieldset', { class: 'exhibit-elements' }, el('legend', { text: ctx.t('exhibit-elements') }));
  for (const o of matrix.offences) {
    for (const e of o.elements) {
      const box = el('input', { type: 'checkbox', value: e.id, id: `exhibit-element-${e.id}` });
      boxes.push(box);
      elements.append(el('p', { class: 'field check' }, box,
        el('label', { htmlFor: box.id, text: `${e.name} (${o.name})` })));
    }
  }
  const said = el('p', { class: 'status', role: 'status' });
  const form = el('form', { class: 'exhibit-form', id: 'exhibit-form' },
    field('exhibit-description', 'exhibit-description', description),
    field('exhibit-kind', 'exhibit-kind', kind),
    field('exhibit-seized-at', 'exhibit-seized-at', seizedAt),
    field('exhibit-seized-where', 'exhibit-seized-where', seizedWhere),
    field('exhibit-seized-by', 'exhibit-seized-by', seizedBy),
    field('exhibit-authorisation', 'exhibit-authorisation', authorisation),
    field('exhibit-seal', 'exhibit-seal', seal),
    elements,
    el('button', { type: 'submit', class: 'button primary', id: 'exhibit-submit', text: ctx.t('exhibit-add') }),
    said);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await ipc.exhibitAdd({ id, input: {
        description: description.value, kind: kind.value, seizedAt: seizedAt.value,
        seizedWhere: seizedWhere.value, seizedBy: seizedBy.value,
        authorisation: authorisation.value.trim() || null, seal: seal.value.trim() || null,
        elements: boxes.filter((b) => b.checked).map((b) => b.value),
      } });
      await showEvidence(id);
    } catch (err) {
      said.className = 'error';
      said.textContent = ctx.t(err?.message_id ?? 'error-generic');
    }
  });
  return el('details', { class: 'exhibit-add', open: false },
    el('summary', { text: ctx.t('exhibit-add') }), form);
}
