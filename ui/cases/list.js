// The case list.

import * as ipc from '../ipc.js';
import { bdi, ctx, date, el, kindName, progress } from '../cases/common.js';

// The list comes a page at a time: the first page at once, the next when the end of the
// list scrolls into view or its button is pressed. A newer listing stops an older one.
const PAGE = 100;

let listGeneration = 0;

function caseRow(row) {
  const link = el('a', { href: `#/case/${row.id}`, class: 'case-link' }, bdi(row.reference));
  const tr = el('tr', { 'data-case': String(row.id) },
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
