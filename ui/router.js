// Routing: the address after `#` says which screen is shown.

import * as ipc from './ipc.js';
import { $, showView, state } from './context.js';
import { showChanges, showEditions } from './editions.js';
import { showGlossary } from './glossary.js';
import { openChapter } from './library.js';

export async function route() {
  if (document.body.classList.contains('locked')) return;
  const hash = location.hash;
  await state.ready;
  if (!hash.startsWith('#/case/') || !hash.includes('/step/')) await state.cases.leave().catch(() => {});
  // Practice screens say so, in a banner and in the window's title; no other screen does.
  const practice = hash.startsWith('#/training') || hash.startsWith('#/practice/');
  $('practice-banner').hidden = !practice;
  ipc.windowPractice({ on: practice, langCode: state.settings.uiLang }).catch(() => {});
  if (practice) {
    const training = await import('./training.js');
    const m = hash.match(/^#\/practice\/([a-z0-9-]+\.json)$/);
    if (m) await training.showPractice(m[1]);
    else await training.showTraining();
    return;
  }
  if (await state.cases.route(hash)) return;
  const chapter = hash.match(/^#\/chapter\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/);
  const term = hash.match(/^#\/glossary(?:\/([a-z0-9-]+))?$/);
  if (chapter) {
    await openChapter(chapter[1], chapter[2]);
  } else if (term) {
    await showGlossary();
    if (term[1]) $(`term-${term[1]}`)?.scrollIntoView({ block: 'start' });
  } else if (hash === '#/settings') {
    showView('settings');
    $('data-dir').textContent = (await ipc.vaultStatus()).dataDir;
    // What the directorate's staff register to accept this computer's bundles.
    $('device-key').textContent = await ipc.deviceKey().catch(() => '');
    await showEditions();
  } else if (hash === '#/changes') {
    await showChanges();
  } else if (hash === '#/library' && state.chapter) {
    await openChapter(state.chapter);
  } else if (hash === '' || hash === '#/' || hash === '#/library') {
    const first = document.querySelector('#library a');
    if (first) await openChapter(first.dataset.chapter);
  }
}
