// Cases: the list, the new-case wizard, the checklist, the walk-through with its note editor,
// the facts editor and the history, one module each under `cases/`. This module routes to
// them and is what the rest of the page imports.

import { showCase } from './cases/case.js';
import { showMove } from './cases/edition.js';
import { showElements } from './cases/elements.js';
import { showEvidence } from './cases/evidence.js';
import { ctx, setContext, walk } from './cases/common.js';
import { onCreate, onSaveFacts, showFacts, showWizard } from './cases/facts.js';
import { showHistory } from './cases/history.js';
import { showList } from './cases/list.js';
import { commitNote, go, goNextMandatory, onWalkKey, saveDraft, setNoteStatus, setState, showStep } from './cases/walk.js';

export async function route(hash) {
  if (hash === '#/cases') return showList(), true;
  if (hash === '#/new-case') return showWizard(), true;
  let m = hash.match(/^#\/case\/(\d+)$/);
  if (m) return showCase(Number(m[1])), true;
  m = hash.match(/^#\/case\/(\d+)\/facts$/);
  if (m) return showFacts(Number(m[1])), true;
  m = hash.match(/^#\/case\/(\d+)\/elements$/);
  if (m) return showElements(Number(m[1])), true;
  m = hash.match(/^#\/case\/(\d+)\/evidence$/);
  if (m) return showEvidence(Number(m[1])), true;
  m = hash.match(/^#\/case\/(\d+)\/edition$/);
  if (m) return showMove(Number(m[1])), true;
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

export function initCases(context) {
  setContext(context);
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

export { commitNote, flushDraft } from './cases/walk.js';
