// Cases: the list, the new-case wizard, the checklist, the walk-through with its note editor,
// the facts editor and the history. Notes and titles are always set as text, never as HTML.

let ctx = null;

const walk = {
  caseId: null,
  step: null,
  rows: [],
  noteId: null, // the note being edited, or null for a new one
  committed: '', // the text as last committed
  timer: 0,
  pending: null, // a draft save on its way
};

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('data-') || k === 'lang' || k === 'dir' || k === 'role' || k === 'href') node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children);
  return node;
};

// One formatter per language: building one costs more than formatting a date with it.
const dateFormats = new Map();

function date(iso) {
  if (!iso) return '';
  const locale = ctx.state.settings.uiLang === 'ar' ? 'ar-IQ' : 'en-GB';
  if (!dateFormats.has(locale)) {
    dateFormats.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  }
  return dateFormats.get(locale).format(new Date(iso));
}

// Latin references and ids inside Arabic are isolated.
const bdi = (text) => el('bdi', { text });

function kindName(kind) {
  return ctx.t(`case-kind-${kind}`);
}

function stateName(state) {
  return ctx.t(`step-state-${state === 'not-applicable' ? 'na' : state}`);
}

function progress(done, total) {
  const wrap = el('span', { class: 'progress' });
  const bar = el('span', { class: 'progress-bar', role: 'progressbar' });
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', String(total));
  bar.setAttribute('aria-valuenow', String(done));
  bar.append(el('span', { class: 'progress-fill', style: `inline-size: ${total ? (100 * done) / total : 0}%` }));
  wrap.append(bar, el('span', { class: 'progress-text', text: `${done} / ${total}` }));
  return wrap;
}

function showError(id, err) {
  const p = ctx.$(id);
  p.textContent = ctx.t(err?.message_id ?? err ?? 'error-generic');
  p.dataset.code = err?.code ?? '';
  p.hidden = false;
}

// ---- The list ----

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

async function showList() {
  ctx.showView('cases');
  const generation = ++listGeneration;
  const body = document.querySelector('#cases-table tbody');
  const more = ctx.$('cases-more');
  const query = { status: ctx.$('cases-status').value, text: ctx.$('cases-filter').value };
  let shown = 0;
  let loading = null;
  const next = () => {
    loading ??= ctx.invoke('cases_list', { ...query, offset: shown, limit: PAGE }).then((page) => {
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

// ---- Facts: the wizard and the editor share one form builder ----

async function factFields(container, values) {
  const questions = await ctx.invoke('case_questions', { langCode: ctx.state.settings.uiLang });
  container.replaceChildren();
  for (const q of questions) {
    const value = values[q.id] ?? q.default;
    if (q.choice) {
      const select = el('select', { name: q.id });
      for (const [id, name] of q.choices) {
        const option = el('option', { value: id, text: name });
        if (id === value) option.selected = true;
        select.append(option);
      }
      container.append(el('label', { class: 'field' }, el('span', { text: q.question }), select));
    } else {
      const box = el('input', { type: 'checkbox', name: q.id, checked: value === 'yes' });
      container.append(el('label', { class: 'check' }, box, el('span', { text: q.question })));
    }
  }
}

function readFacts(container) {
  const facts = {};
  for (const input of container.querySelectorAll('select, input[type=checkbox]')) {
    facts[input.name] = input.type === 'checkbox' ? (input.checked ? 'yes' : 'no') : input.value;
  }
  return facts;
}

async function showWizard() {
  ctx.showView('new-case');
  const form = ctx.$('new-case');
  form.reset();
  ctx.$('new-case-error').hidden = true;
  await factFields(ctx.$('new-case-facts'), {});
  form.reference.focus();
}

async function onCreate(e) {
  e.preventDefault();
  const form = ctx.$('new-case');
  try {
    const id = await ctx.invoke('case_create', {
      reference: form.reference.value,
      title: form.title.value,
      facts: readFacts(ctx.$('new-case-facts')),
    });
    location.hash = `#/case/${id}`;
  } catch (err) {
    showError('new-case-error', err);
  }
}

async function showFacts(id) {
  ctx.showView('facts');
  const view = await ctx.invoke('case_view', { id, langCode: ctx.state.settings.uiLang });
  const values = Object.fromEntries(view.facts.map((f) => [f.id, f.value]));
  values.kind = view.kind;
  ctx.$('facts-form').dataset.case = String(id);
  ctx.$('facts-back').href = `#/case/${id}`;
  ctx.$('facts-result').replaceChildren();
  await factFields(ctx.$('facts-fields'), values);
}

async function onSaveFacts(e) {
  e.preventDefault();
  const form = ctx.$('facts-form');
  const result = ctx.$('facts-result');
  try {
    const change = await ctx.invoke('case_set_facts', {
      id: Number(form.dataset.case),
      facts: readFacts(ctx.$('facts-fields')),
      langCode: ctx.state.settings.uiLang,
    });
    const parts = [el('p', { text: ctx.t('facts-saved') })];
    for (const [key, list] of [['facts-appeared', change.appeared], ['facts-hidden', change.hidden]]) {
      if (!list.length) continue;
      parts.push(el('p', { class: key, text: ctx.t(key) }), el('ul', {}, ...list.map((title) => el('li', { text: title }))));
    }
    result.replaceChildren(...parts);
  } catch (err) {
    result.textContent = ctx.t(err?.message_id ?? 'error-generic');
  }
}

// ---- A case and its checklist ----

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

async function showCase(id) {
  ctx.showView('case');
  const root = ctx.$('case');
  let view;
  try {
    view = await ctx.invoke('case_view', { id, langCode: ctx.state.settings.uiLang });
  } catch (err) {
    root.replaceChildren(el('p', { class: 'error', role: 'alert', text: ctx.t(err?.message_id ?? 'error-generic') }));
    return;
  }
  walk.rows = view.phases.flatMap((p) => p.rows);
  const closed = view.status === 'closed';
  const header = el('header', { class: 'case-header' },
    el('h2', {}, bdi(view.reference), ' ', el('span', { text: view.title, dir: 'auto' })),
    el('p', { class: 'case-meta' },
      el('span', { text: kindName(view.kind) }), ' · ',
      el('span', { text: closed ? ctx.t('case-closed-label') : ctx.t('case-open-label') }), ' · ',
      el('span', { text: `${ctx.t('case-opened')} ${date(view.createdAt)}` }), ' · ',
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
      await ctx.invoke('case_reopen', { id });
      await showCase(id);
    } else {
      closeBox.hidden = false;
    }
  });
  const yes = el('button', { type: 'button', class: 'button primary', text: ctx.t('case-close-confirm') });
  const no = el('button', { type: 'button', class: 'button', text: ctx.t('cancel') });
  yes.addEventListener('click', async () => { await ctx.invoke('case_close', { id }); await showCase(id); });
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
  root.replaceChildren(header, actions, closeBox, exportBox, phases);
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
      const done = await ctx.invoke('case_export', {
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
  report.addEventListener('click', () => run('report', report));
  bundle.addEventListener('click', () => run('bundle', bundle));
  box.append(
    el('summary', { text: ctx.t('export-heading') }),
    el('p', { class: 'status', text: ctx.t('export-hint') }),
    el('div', { class: 'export-actions' }, el('span', { class: 'field' }, label, langs), report, bundle),
    result);
  return box;
}

// ---- The walk-through ----

async function guidance(chapter, step) {
  const view = await ctx.invoke('sop_chapter', { id: chapter, langCode: ctx.state.settings.contentView === 'en' ? 'en' : 'ar' });
  const doc = new DOMParser().parseFromString(view.html, 'text/html');
  const section = doc.querySelector(`section.step[data-step="${CSS.escape(step)}"]`);
  const article = el('article', { class: 'chapter', lang: view.lang, dir: view.dir });
  // The section comes from the shell's sanitized chapter HTML.
  if (section) article.append(document.importNode(section, true));
  return article;
}

function setNoteStatus(key) {
  ctx.$('note-status').textContent = key ? ctx.t(key) : '';
  ctx.$('note-status').dataset.state = key ?? '';
}

async function saveDraft() {
  clearTimeout(walk.timer);
  walk.timer = 0;
  if (walk.caseId === null) return;
  const text = ctx.$('note-editor').value;
  walk.pending = ctx.invoke('draft_save', { id: walk.caseId, step: walk.step, text });
  try {
    await walk.pending;
    setNoteStatus('note-saved');
  } catch (err) {
    setNoteStatus(err?.message_id ?? 'error-generic');
  } finally {
    walk.pending = null;
  }
}

// Turns what was typed into a note (a new revision when editing one). Called when leaving the
// step; the draft already made it durable.
export async function commitNote() {
  if (walk.caseId === null) return;
  if (walk.timer) await saveDraft();
  if (walk.pending) await walk.pending;
  const text = ctx.$('note-editor').value;
  if (!text.trim() || text === walk.committed) return;
  walk.noteId = await ctx.invoke('note_commit', { id: walk.caseId, step: walk.step, note: walk.noteId, text });
  walk.committed = text;
}

// Flushes a draft save that is waiting for its debounce, before the app locks.
export async function flushDraft() {
  if (walk.timer) await saveDraft();
  if (walk.pending) await walk.pending;
}

async function renderNotes() {
  const { notes, draft } = await ctx.invoke('step_notes', { id: walk.caseId, step: walk.step });
  const list = ctx.$('step-notes');
  list.replaceChildren();
  for (const note of notes) {
    const text = el('p', { class: 'note-text', text: note.text, dir: 'auto' });
    const edit = el('button', { type: 'button', class: 'link', text: ctx.t('note-edit') });
    edit.addEventListener('click', async () => {
      await commitNote();
      walk.noteId = note.id;
      walk.committed = note.text;
      ctx.$('note-editor').value = note.text;
      ctx.$('note-editor').focus();
    });
    const revisions = el('button', { type: 'button', class: 'link', text: ctx.t('note-revisions') });
    const revisionList = el('ol', { class: 'revisions', hidden: true });
    revisions.addEventListener('click', async () => {
      const all = await ctx.invoke('note_revisions', { note: note.id });
      revisionList.replaceChildren(...all.map((r) => el('li', {},
        el('span', { class: 'revision-meta', text: `${r.revision} · ${date(r.createdAt)}` }),
        el('p', { class: 'note-text', dir: 'auto', text: r.text ?? ctx.t('note-deleted') }))));
      revisionList.hidden = !revisionList.hidden;
    });
    list.append(el('li', { 'data-note': String(note.id) },
      el('span', { class: 'revision-meta', text: date(note.updatedAt) }), text, edit, revisions, revisionList));
  }
  return draft;
}

async function showStep(id, step) {
  if (walk.caseId !== null && (walk.caseId !== id || walk.step !== step)) await commitNote();
  ctx.showView('step');
  if (walk.caseId !== id || !walk.rows.length) {
    const view = await ctx.invoke('case_view', { id, langCode: ctx.state.settings.uiLang });
    walk.rows = view.phases.flatMap((p) => p.rows);
    walk.closed = view.status === 'closed';
  }
  walk.caseId = id;
  walk.step = step;
  walk.noteId = null;
  walk.committed = '';
  const index = walk.rows.findIndex((r) => r.step === step);
  const row = walk.rows[index] ?? null;
  ctx.$('walk-position').textContent = row
    ? `${index + 1} / ${walk.rows.length} · ${stateName(row.state)}${row.why ? ` · ${ctx.t('step-shown-because')} ${row.why}` : ''}`
    : '';
  for (const b of document.querySelectorAll('.state-buttons button')) {
    b.setAttribute('aria-pressed', String(row?.state === b.dataset.state));
    b.disabled = walk.closed;
  }
  ctx.$('reason-field').hidden = !(row && (row.state === 'not-applicable' || row.state === 'blocked'));
  ctx.$('step-reason').value = row?.reason ?? '';
  ctx.$('step-error').hidden = true;
  ctx.$('walk-back').href = `#/case/${id}`;
  const chapter = row?.chapter || (await ctx.invoke('case_view', { id, langCode: 'ar' })).hidden.find((r) => r.step === step)?.chapter;
  ctx.$('walk-guidance').replaceChildren(chapter ? await guidance(chapter, step) : el('p', { text: step }));
  const draft = await renderNotes();
  const editor = ctx.$('note-editor');
  editor.value = draft ?? '';
  editor.readOnly = walk.closed;
  setNoteStatus(draft ? 'note-draft-restored' : null);
}

async function setState(state) {
  const row = walk.rows.find((r) => r.step === walk.step);
  const needsReason = state === 'not-applicable' || state === 'blocked';
  const reason = ctx.$('step-reason').value;
  if (needsReason && !reason.trim()) {
    ctx.$('reason-field').hidden = false;
    ctx.$('step-reason').focus();
    showError('step-error', 'step-reason-required');
    return;
  }
  try {
    await ctx.invoke('case_step_state', { id: walk.caseId, step: walk.step, value: state, reason: needsReason ? reason : null });
  } catch (err) {
    showError('step-error', err);
    return;
  }
  if (row) {
    row.state = state;
    row.reason = needsReason ? reason : null;
  }
  await showStep(walk.caseId, walk.step);
}

function go(offset) {
  const i = walk.rows.findIndex((r) => r.step === walk.step);
  const next = walk.rows[i + offset];
  if (next) location.hash = `#/case/${walk.caseId}/step/${next.step}`;
}

function goNextMandatory() {
  const i = walk.rows.findIndex((r) => r.step === walk.step);
  const after = [...walk.rows.slice(i + 1), ...walk.rows.slice(0, i + 1)];
  const next = after.find((r) => r.required && r.state === 'pending' && r.step !== walk.step);
  if (next) location.hash = `#/case/${walk.caseId}/step/${next.step}`;
}

// ---- History ----

async function showHistory(id) {
  ctx.showView('history');
  const h = await ctx.invoke('case_history', { id, langCode: ctx.state.settings.uiLang });
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
      el('td', {}, bdi(r.count > 1 ? `${r.from}–${r.to}` : String(r.from))),
      el('td', { text: date(r.at) }),
      el('td', {}, r.action, r.count > 1 ? el('span', { class: 'repeat' }, ' ', bdi(`×${r.count}`)) : ''),
      el('td', {}, el('span', { text: r.entity, dir: 'auto' }), ' ', el('code', { class: 'entity-ref', dir: 'ltr' }, bdi(r.entityRef)))))));
  ctx.$('history').replaceChildren(
    el('h2', { text: ctx.t('case-history') }), badge,
    el('a', { class: 'button', href: `#/case/${id}`, text: ctx.t('back-to-case') }), table);
}

// ---- Routing and keys ----

export async function route(hash) {
  if (hash === '#/cases') return showList(), true;
  if (hash === '#/new-case') return showWizard(), true;
  let m = hash.match(/^#\/case\/(\d+)$/);
  if (m) return showCase(Number(m[1])), true;
  m = hash.match(/^#\/case\/(\d+)\/facts$/);
  if (m) return showFacts(Number(m[1])), true;
  m = hash.match(/^#\/case\/(\d+)\/history$/);
  if (m) return showHistory(Number(m[1])), true;
  m = hash.match(/^#\/case\/(\d+)\/step\/([a-z0-9-]+)$/);
  if (m) return showStep(Number(m[1]), m[2]), true;
  return false;
}

// Leaves the walk-through: whatever was typed is committed first.
export async function leave() {
  await commitNote();
  walk.caseId = null;
  walk.rows = [];
}

function onWalkKey(e) {
  if (ctx.$('view-step').hidden || !e.altKey) return;
  const keys = { ArrowDown: () => go(1), ArrowUp: () => go(-1), n: goNextMandatory, 1: () => setState('done'), 2: () => setState('not-applicable'), 3: () => setState('blocked'), 0: () => setState('pending') };
  const action = keys[e.key];
  if (action) {
    e.preventDefault();
    action();
  }
}

export function initCases(context) {
  ctx = context;
  ctx.$('new-case').addEventListener('submit', onCreate);
  ctx.$('facts-form').addEventListener('submit', onSaveFacts);
  ctx.$('cases-filter').addEventListener('input', showList);
  ctx.$('cases-status').addEventListener('change', showList);
  for (const b of document.querySelectorAll('.state-buttons button')) b.addEventListener('click', () => setState(b.dataset.state));
  ctx.$('walk-prev').addEventListener('click', () => go(-1));
  ctx.$('walk-next').addEventListener('click', () => go(1));
  ctx.$('walk-next-mandatory').addEventListener('click', goNextMandatory);
  ctx.$('note-editor').addEventListener('input', () => {
    setNoteStatus('note-saving');
    clearTimeout(walk.timer);
    walk.timer = setTimeout(saveDraft, 300);
  });
  ctx.$('note-editor').addEventListener('blur', () => { commitNote().catch(() => setNoteStatus('error-generic')); });
  document.addEventListener('keydown', onWalkKey);
}
