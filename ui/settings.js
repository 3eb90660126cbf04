// The settings: the UI's messages in its language, applying the settings to the page, and
// saving them through the shell.

import * as ipc from './ipc.js';
import { $, num, state, t } from './context.js';

export async function loadMessages() {
  state.messages = await ipc.uiMessages({ langCode: state.settings.uiLang });
  for (const el of document.querySelectorAll('[data-l10n]')) {
    el.textContent = t(el.dataset.l10n);
  }
  for (const el of document.querySelectorAll('[data-l10n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.l10nLabel));
  }
  for (const el of document.querySelectorAll('[data-l10n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.l10nPlaceholder));
  }
  document.title = t('app-name');
}

export function applySettings() {
  const s = state.settings;
  const root = document.documentElement;
  root.lang = s.uiLang;
  root.dir = s.uiLang === 'ar' ? 'rtl' : 'ltr';
  root.dataset.theme = s.theme;
  root.style.setProperty('--font-size', `${s.fontSize}px`);
  for (const b of document.querySelectorAll('.view-switch button')) {
    b.setAttribute('aria-pressed', String(b.dataset.contentView === s.contentView));
  }
  const form = $('settings');
  form.uiLang.value = s.uiLang;
  form.fontSize.value = String(s.fontSize);
  form.theme.value = s.theme;
  form.digits.value = s.digits;
  form.autoLock.value = num(s.autoLockMinutes);
  form.maskTitles.checked = s.maskTitles;
}

// Numbers may be typed with Arabic-Indic or Eastern Arabic-Indic digits.
export function parseNumber(text) {
  const ascii = text.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  return /^[0-9]+$/.test(ascii) ? Number(ascii) : NaN;
}

export async function saveSettings(changes) {
  try {
    state.settings = await ipc.settingsSet({ settings: { ...state.settings, ...changes } });
    $('settings-status').textContent = t('settings-saved');
  } catch (err) {
    $('settings-status').textContent = t(err?.message_id ?? 'error-generic');
  }
  applySettings();
}
