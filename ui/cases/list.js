// The case list.

import * as ipc from '../ipc.js';
import { bdi, ctx, date, el, kindName, num, progress } from '../cases/common.js';

// The list comes a page at a time: the first page at once, the next when the end of the
// list scrolls into view or its button is pressed. A newer listing stops an older one.
const PAGE = 100;

let listGeneration = 0;

// The cases chosen for the directorate, by id; kept while the list is filtered or paged.
const selected = new Set();

function showSelection() {
  const send = ctx.$('directorate-send');
  send.disabled = selected.size === 0;
  ctx.$('directorate-count').textContent = selected.size === 0
    ? ctx.t('directorate-none-selected')
    : `${ctx.t('directorate-selected')} ${num(selected.size)}`;
}

function caseRow(row) {
  const link = el('a', { href: `#/case/${row.id}`, class: 'case-link' }, bdi(row.reference));
  const pick = el('input', {
    type: 'checkbox', class: 'case-select', checked: selected.has(row.id), ariaLabel: `${ctx.t('directorate-select')} ${row.reference}`,
  });
  pick.addEventListener('change', () => {
    if (pick.checked) selected.add(row.id);
    else selected.delete(row.id);
    showSelection();
  });
  const tr = el('tr', { 'data-case': String(row.id) },
    el('td', { class: 'select' }, pick),
    el('td', {}, link),
    ctx.state.settings.maskTitles
      ? el('td', { class: 'masked', text: ctx.t('case-title-masked') })
      : el('td', { text: row.title, dir: 'auto' }),
    el('td', { text: kindName(row.kind) }),
    el('td', {}, progress(row.done, row.applicable)),
    el('td', { text: date(row.lastChange) }));
  if (row.status === 'closed') tr.classList.add('closed');
  return tr;
}

export async function showList() {
  ctx.showView('cases');
  const generation = ++listGeneration;
  const body = document.querySelector('#cases-table tbody');
  const more = ctx.$('cases-more');
  const query = { status: ctx.$('cases-status').value, text: ctx.$('cases-filter').value };
  let shown = 0;
  let loading = null;
  const next = () => {
    loading ??= ipc.casesList({ ...query, offset: shown, limit: PAGE }).then((page) => {
      loading = null;
      if (generation !== listGeneration) return;
      if (shown === 0) body.replaceChildren();
      body.append(...page.rows.map(caseRow));
      shown += page.rows.length;
      ctx.$('cases-empty').hidden = page.total > 0;
      ctx.$('cases-table').hidden = page.total === 0;
      ctx.$('cases-table').setAttribute('aria-rowcount', String(page.total + 1));
      more.hidden = shown >= page.total;
      more.textContent = `${ctx.t('cases-more')} (${shown} / ${page.total})`;
    });
    return loading;
  };
  more.onclick = next;
  ctx.$('directorate-send').onclick = () => sendToDirectorate([...selected]);
  ctx.$('directorate-result').replaceChildren();
  showSelection();
  listObserver?.disconnect();
  listObserver = new IntersectionObserver((entries) => {
    // The observer may report a layout from before the last page was drawn: look again.
    const near = () => !more.hidden && more.getBoundingClientRect().top < window.innerHeight + 400;
    if (entries.some((e) => e.isIntersecting) && near()) next();
  }, { rootMargin: '400px' });
  listObserver.observe(more);
  await next();
}

let listObserver = null;

// Writes the chosen cases into one file for the directorate, where the officer chooses in
// the save dialog the shell opens. Used by the list and by a case's Export panel.
export async function sendToDirectorate(ids, result = ctx.$('directorate-result'), button = ctx.$('directorate-send')) {
  button.disabled = true;
  result.className = 'status';
  result.replaceChildren();
  try {
    const done = await ipc.transferExport({ ids, langCode: ctx.state.settings.uiLang });
    if (!done) {
      result.textContent = ctx.t('directorate-cancelled');
    } else {
      result.className = 'status export-saved';
      result.append(`${ctx.t('directorate-saved')} ${num(done.cases)}. ${ctx.t('directorate-saved-where')} `,
        el('code', { class: 'export-path', dir: 'ltr' }, bdi(done.path)));
      if (done.chainBroken) result.append(el('strong', { class: 'export-warning', text: ` ${ctx.t('export-chain-broken')}` }));
      if (!done.recorded) result.append(el('strong', { class: 'export-warning', text: ` ${ctx.t('export-not-recorded')}` }));
    }
  } catch (err) {
    result.className = 'error';
    result.textContent = ctx.t(err?.message_id ?? 'error-generic');
  } finally {
    button.disabled = false;
  }
}
