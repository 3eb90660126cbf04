// The lock screen: the first-run passphrase, unlocking, and locking again (by hand or when
// idle). Nothing that was on screen stays in the page while locked.

import * as ipc from './ipc.js';
import { $, state, t } from './context.js';
import { route } from './router.js';

export const idle = { last: Date.now() };

export async function showLock() {
  document.body.classList.add('locked');
  // Nothing that was on screen stays in the page while locked.
  $('chapter').replaceChildren();
  $('toc').replaceChildren();
  $('search-results').replaceChildren();
  $('search').value = '';
  for (const id of ['passphrase-status', 'backup-status']) $(id).textContent = '';
  $('settings').oldPassphrase.value = '';
  $('settings').newPassphrase.value = '';
  const status = await ipc.vaultStatus();
  $('data-dir').textContent = status.dataDir;
  const form = status.exists ? $('unlock-form') : $('create-form');
  $('create-form').hidden = status.exists;
  $('unlock-form').hidden = !status.exists;
  form.reset();
  for (const el of document.querySelectorAll('#lock .error')) el.hidden = true;
  $('strength').textContent = '';
  form.passphrase.focus();
}

export async function lock() {
  // What is being typed is saved before the key goes.
  await state.cases?.flushDraft().catch(() => {});
  await ipc.vaultLock();
  await showLock();
}

async function unlocked() {
  // The library, which loads behind the lock screen, is there before anything is shown.
  await state.ready;
  document.body.classList.remove('locked');
  idle.last = Date.now();
  await route();
}

function showLockError(id, err) {
  const p = $(id);
  p.textContent = t(err?.message_id ?? err ?? 'error-generic');
  p.dataset.code = err?.code ?? '';
  p.hidden = false;
}

export function strength(passphrase) {
  let score = 0;
  const n = [...passphrase].length;
  if (n >= 10) score += 1;
  if (n >= 14) score += 1;
  if (n >= 20) score += 1;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9\u0660-\u0669]/, /[\u0600-\u06ff]/, /[^a-zA-Z0-9\u0600-\u06ff\s]/]
    .filter((r) => r.test(passphrase)).length;
  if (classes >= 2) score += 1;
  if (classes >= 3) score += 1;
  if (n < 10) return 'strength-too-short';
  return score >= 4 ? 'strength-strong' : score >= 2 ? 'strength-fair' : 'strength-weak';
}

export async function onCreate(e) {
  e.preventDefault();
  const form = $('create-form');
  if (form.passphrase.value !== form.confirm.value) {
    showLockError('create-error', 'create-mismatch');
    return;
  }
  try {
    await ipc.vaultCreate({ passphrase: form.passphrase.value });
    form.reset();
    await unlocked();
  } catch (err) {
    showLockError('create-error', err);
  }
}

export async function onUnlock(e) {
  e.preventDefault();
  const form = $('unlock-form');
  const passphrase = form.passphrase.value;
  form.passphrase.value = '';
  try {
    await ipc.vaultUnlock({ passphrase });
    await unlocked();
  } catch (err) {
    showLockError('unlock-error', err);
    form.passphrase.focus();
  }
}
