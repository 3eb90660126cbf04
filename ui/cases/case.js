// A case and its checklist, with the export.

import * as ipc from '../ipc.js';
import { bdi, ctx, date, el, kindName, progress, stateName, walk } from '../cases/common.js';
import { caseTabs } from './tabs.js';
import { sendToDirectorate } from './list.js';
import { editionNotice } from './edition.js';

function rowItem(id, row) {
  const li = el('li', { class: `row state-${row.state}`, 'data-step': row.step });
  const link = el('a', { href: `#/case/${id}/step/${row.step}` }, el('span', { class: 'row-title', text: row.title }));
  const badges = el('span', { class: 'badges' },
    el('span', { class: `badge state`, text: stateName(row.state) }));
  if (row.required && row.state === 'pending') badges.append(el('span', { class: 'badge mandatory', text: ctx.t('step-mandatory-pending') }));
  if (row.notes) badges.append(el('span', { class: 'badge notes-count', text: row.notesLabel }));
  li.append(link, badges);
  if (row.why) li.append(el('p', { class: 'why', text: `${ctx.t('step-shown-because')} ${row.why}` }));
  if (row.reason) li.append(el('p', { class: 'reason', text: `${ctx.t('step-reason')}: ${row.reason}` }));
  return li;
}

export async function showCase(id) {
  ctx.showView('case');
  const root = ctx.$('case');
  let view;
  // The notice of an older edition is asked for at the same time as the case.
  const notice = editionNotice(id);
  try {
    view = await ipc.caseView({ id, langCode: ctx.state.settings.uiLang });
  } catch (err) {
    root.replaceChildren(el('p', { class: 'error', role: 'alert', text: ctx.t(err?.message_id ?? 'error-generic') }));
    return;
  }
  walk.rows = view.phases.flatMap((p) => p.rows);
  const closed = view.status === 'closed';
  const header = el('header', { class: 'case-header' },
    el('h2', {}, bdi(view.reference), ' ', el('span', { text: view.title, dir: 'auto' })),
    el('p', { class: 'case-meta' },
      el('span', { text: kindName(view.kind) }), ' | ',
      el('span', { text: closed ? ctx.t('case-closed-label') : ctx.t('case-open-label') }), ' | ',
      el('span', { class: 'case-opened', text: `${ctx.t('case-opened')} ${date(view.createdAt)}` }), ' | ',
      el('span', {}, `${ctx.t('case-edition')} `, bdi(view.sopEdition))),
    el('p', { class: 'case-summary' }, progress(view.done, view.applicable), ' ',
      el('strong', { class: 'pending-mandatory', text: view.pendingLabel })));
  const actions = el('div', { class: 'toolbar' });
  const next = walk.rows.find((r) => r.required && r.state === 'pending') ?? walk.rows[0];
  if (next && !closed) actions.append(el('a', { class: 'button primary', href: `#/case/${id}/step/${next.step}`, text: ctx.t('case-walk') }));
  if (!closed) actions.append(el('a', { class: 'button', href: `#/case/${id}/facts`, text: ctx.t('case-edit-facts') }));
  actions.append(el('a', { class: 'button', href: `#/case/${id}/history`, text: ctx.t('case-history') }));
  const closeBox = el('div', { class: 'confirm', hidden: true });
  const toggle = el('button', { type: 'button', class: 'button', text: closed ? ctx.t('case-reopen') : ctx.t('case-close') });
  toggle.addEventListener('click', async () => {
    if (closed) {
      await ipc.caseReopen({ id });
      await showCase(id);
    } else {
      closeBox.hidden = false;
    }
  });
  const yes = el('button', { type: 'button', class: 'button primary', text: ctx.t('case-close-confirm') });
  const no = el('button', { type: 'button', class: 'button', text: ctx.t('cancel') });
  yes.addEventListener('click', async () => { await ipc.caseClose({ id }); await showCase(id); });
  no.addEventListener('click', () => { closeBox.hidden = true; });
  closeBox.append(el('p', { text: ctx.t('case-close-question') }), yes, no);
  actions.append(toggle);
  const exportBox = exportPanel(id);

  const phases = el('div', { class: 'checklist' });
  for (const phase of view.phases) {
    phases.append(el('section', { class: 'phase-block', 'data-phase': phase.id },
      el('h3', {}, el('span', { text: phase.name }), ' ', progress(phase.done, phase.rows.length)),
      el('ol', {}, ...phase.rows.map((r) => rowItem(id, r)))));
  }
  for (const [key, rows] of [['case-hidden-steps', view.hidden], ['case-retired-steps', view.retired]]) {
    if (!rows.length) continue;
    phases.append(el('section', { class: `phase-block ${key}` },
      el('h3', { text: ctx.t(key) }),
      el('p', { class: 'status', text: ctx.t(`${key}-hint`) }),
      el('ol', {}, ...rows.map((r) => rowItem(id, r)))));
  }
  const shown = closed ? null : await notice;
  root.replaceChildren(caseTabs(id, 'case-tab-checklist'), header, ...(shown ? [shown] : []), actions, closeBox, exportBox, phases);
}

// The export: the report in a chosen language, or the bundle. The shell opens the save
// dialog itself and writes the file; the page only learns where it went.
function exportPanel(id) {
  const box = el('details', { class: 'export' });
  const result = el('p', { class: 'status', role: 'status' });
  const langs = el('select', { id: 'export-lang' },
    ...['ar', 'en', 'both'].map((l) => el('option', { value: l, text: ctx.t(`export-lang-${l}`) })));
  langs.value = ctx.state.settings.uiLang === 'en' ? 'en' : 'ar';
  const label = el('label', { htmlFor: 'export-lang', text: ctx.t('export-report-lang') });
  const run = async (format, button) => {
    button.disabled = true;
    result.className = 'status';
    result.replaceChildren();
    try {
      const done = await ipc.caseExport({
        id, format, reportLang: langs.value, langCode: ctx.state.settings.uiLang,
      });
      if (!done) {
        result.textContent = ctx.t('export-cancelled');
      } else {
        result.className = 'status export-saved';
        result.append(ctx.t('export-saved'), ' ', el('code', { class: 'export-path', dir: 'ltr' }, bdi(done.path)));
        if (done.chainBroken) result.append(el('strong', { class: 'export-warning', text: ` ${ctx.t('export-chain-broken')}` }));
        if (!done.recorded) result.append(el('strong', { class: 'export-warning', text: ` ${ctx.t('export-not-recorded')}` }));
      }
    } catch (err) {
      result.className = 'error';
      result.textContent = ctx.t(err?.message_id ?? 'error-generic');
    } finally {
      button.disabled = false;
    }
  };
  const report = el('button', { type: 'button', class: 'button', id: 'export-report', text: ctx.t('export-report') });
  const bundle = el('button', { type: 'button', class: 'button', id: 'export-bundle', text: ctx.t('export-bundle') });
  const directorate = el('button', { type: 'button', class: 'button', id: 'export-directorate', text: ctx.t('export-directorate') });
  report.addEventListener('click', () => run('report', report));
  bundle.addEventListener('click', () => run('bundle', bundle));
  directorate.addEventListener('click', () => sendToDirectorate([id], result, directorate));
  box.append(
    el('summary', { text: ctx.t('export-heading') }),
    el('p', { class: 'status', text: ctx.t('export-hint') }),
    el('div', { class: 'export-actions' }, el('span', { class: 'field' }, label, langs), report, bundle, directorate),
    result);
  return box;
}
