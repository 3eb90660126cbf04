// The walk-through: one step at a time, with its guidance, its state and its note editor.

import * as ipc from '../ipc.js';
import { ctx, date, el, num, showError, stateName, walk } from '../cases/common.js';

// The step's guidance, in the edition the case follows.
async function guidance(caseId, chapter, step) {
  const view = await ipc.sopChapter({ id: chapter, langCode: ctx.state.settings.contentView === 'en' ? 'en' : 'ar', case: caseId });
  const doc = new DOMParser().parseFromString(view.html, 'text/html');
  const section = doc.querySelector(`section.step[data-step="${CSS.escape(step)}"]`);
  const article = el('article', { class: 'chapter', lang: view.lang, dir: view.dir });
  // The section comes from the shell's sanitized chapter HTML.
  if (section) article.append(document.importNode(section, true));
  return article;
}

export function setNoteStatus(key) {
  ctx.$('note-status').textContent = key ? ctx.t(key) : '';
  ctx.$('note-status').dataset.state = key ?? '';
}

// Saves what is typed as the step's draft. Saves go one at a time, each sent once the one
// before it has returned: the shell runs commands off its main thread, so two saves in
// flight could reach the store in either order, and an older draft would overwrite a newer
// one. `walk.pending` is always the last save, so whoever awaits it (a commit, the lock, the
// window closing) waits for every save before it.
export async function saveDraft() {
  clearTimeout(walk.timer);
  walk.timer = 0;
  if (walk.caseId === null) return;
  const { caseId, step } = walk;
  const text = ctx.$('note-editor').value;
  const save = (walk.pending ?? Promise.resolve())
    .catch(() => {})
    .then(() => ipc.draftSave({ id: caseId, step, text }));
  walk.pending = save;
  try {
    await save;
    if (walk.pending === save) setNoteStatus('note-saved');
  } catch (err) {
    setNoteStatus(err?.message_id ?? 'error-generic');
  } finally {
    if (walk.pending === save) walk.pending = null;
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
  walk.noteId = await ipc.noteCommit({ id: walk.caseId, step: walk.step, note: walk.noteId, text });
  walk.committed = text;
}

// Flushes a draft save that is waiting for its debounce, before the app locks.
export async function flushDraft() {
  if (walk.timer) await saveDraft();
  if (walk.pending) await walk.pending;
}

async function renderNotes() {
  const { notes, draft } = await ipc.stepNotes({ id: walk.caseId, step: walk.step });
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
      const all = await ipc.noteRevisions({ note: note.id });
      revisionList.replaceChildren(...all.map((r) => el('li', {},
        el('span', { class: 'revision-meta', text: `${num(r.revision)} | ${date(r.createdAt)}` }),
        el('p', { class: 'note-text', dir: 'auto', text: r.text ?? ctx.t('note-deleted') }))));
      revisionList.hidden = !revisionList.hidden;
    });
    list.append(el('li', { 'data-note': String(note.id) },
      el('span', { class: 'revision-meta', text: date(note.updatedAt) }), text, edit, revisions, revisionList));
  }
  return draft;
}

export async function showStep(id, step) {
  if (walk.caseId !== null && (walk.caseId !== id || walk.step !== step)) await commitNote();
  ctx.showView('step');
  if (walk.caseId !== id || !walk.rows.length) {
    const view = await ipc.caseView({ id, langCode: ctx.state.settings.uiLang });
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
    ? `${num(index + 1)} / ${num(walk.rows.length)} | ${stateName(row.state)}${row.why ? ` | ${ctx.t('step-shown-because')} ${row.why}` : ''}`
    : '';
  for (const b of document.querySelectorAll('.state-buttons button')) {
    b.setAttribute('aria-pressed', String(row?.state === b.dataset.state));
    b.disabled = walk.closed;
  }
  ctx.$('reason-field').hidden = !(row && (row.state === 'not-applicable' || row.state === 'blocked'));
  ctx.$('step-reason').value = row?.reason ?? '';
  ctx.$('step-error').hidden = true;
  ctx.$('walk-back').href = `#/case/${id}`;
  const chapter = row?.chapter || (await ipc.caseView({ id, langCode: 'ar' })).hidden.find((r) => r.step === step)?.chapter;
  ctx.$('walk-guidance').replaceChildren(chapter ? await guidance(id, chapter, step) : el('p', { text: step }));
  const draft = await renderNotes();
  const editor = ctx.$('note-editor');
  editor.value = draft ?? '';
  editor.readOnly = walk.closed;
  setNoteStatus(draft ? 'note-draft-restored' : null);
}

export async function setState(state) {
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
    await ipc.caseStepState({ id: walk.caseId, step: walk.step, value: state, reason: needsReason ? reason : null });
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

export function go(offset) {
  const i = walk.rows.findIndex((r) => r.step === walk.step);
  const next = walk.rows[i + offset];
  if (next) location.hash = `#/case/${walk.caseId}/step/${next.step}`;
}

export function goNextMandatory() {
  const i = walk.rows.findIndex((r) => r.step === walk.step);
  const after = [...walk.rows.slice(i + 1), ...walk.rows.slice(0, i + 1)];
  const next = after.find((r) => r.required && r.state === 'pending' && r.step !== walk.step);
  if (next) location.hash = `#/case/${walk.caseId}/step/${next.step}`;
}

export function onWalkKey(e) {
  if (ctx.$('view-step').hidden || !e.altKey) return;
  const keys = { ArrowDown: () => go(1), ArrowUp: () => go(-1), n: goNextMandatory, 1: () => setState('done'), 2: () => setState('not-applicable'), 3: () => setState('blocked'), 0: () => setState('pending') };
  const action = keys[e.key];
  if (action) {
    e.preventDefault();
    action();
  }
}
