// What the case screens share: the context the page hands them, the walk-through's state,
// and small builders. Notes and titles are always set as text, never as HTML.

import { bdi, el, num, uiDir } from '../context.js';

// What the page hands the case screens: `t`, `$`, `showView` and `state`.
export let ctx = null;

export function setContext(context) {
  ctx = context;
}

export const walk = {
  caseId: null,
  step: null,
  rows: [],
  noteId: null, // the note being edited, or null for a new one
  committed: '', // the text as last committed
  timer: 0,
  pending: null, // a draft save on its way
};

// One formatter per language and digits: building one costs more than formatting a date
// with it.
const dateFormats = new Map();

export function date(iso) {
  if (!iso) return '';
  const s = ctx.state.settings;
  const locale = s.uiLang !== 'ar' ? 'en-GB' : s.digits === 'latin' ? 'ar-IQ-u-nu-latn' : 'ar-IQ-u-nu-arab';
  if (!dateFormats.has(locale)) {
    dateFormats.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  }
  return dateFormats.get(locale).format(new Date(iso));
}

export { bdi, el, num, uiDir };

export function kindName(kind) {
  return ctx.t(`case-kind-${kind}`);
}

export function stateName(state) {
  return ctx.t(`step-state-${state === 'not-applicable' ? 'na' : state}`);
}

// "done / total". The numbers are laid out in the UI's reading order, isolated so that
// whatever is beside them cannot reorder them: in Arabic the count done is on the right.
export function progress(done, total) {
  const wrap = el('span', { class: 'progress' });
  const bar = el('span', { class: 'progress-bar', role: 'progressbar' });
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', String(total));
  bar.setAttribute('aria-valuenow', String(done));
  bar.append(el('span', { class: 'progress-fill', style: `inline-size: ${total ? (100 * done) / total : 0}%` }));
  wrap.append(bar, el('bdi', { class: 'progress-text', dir: uiDir(), text: `${num(done)} / ${num(total)}` }));
  return wrap;
}

export function showError(id, err) {
  const p = ctx.$(id);
  p.textContent = ctx.t(err?.message_id ?? err ?? 'error-generic');
  p.dataset.code = err?.code ?? '';
  p.hidden = false;
}
