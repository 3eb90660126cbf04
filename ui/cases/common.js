// What the case screens share: the context the page hands them, the walk-through's state,
// and small builders. Notes and titles are always set as text, never as HTML.

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

export const el = (tag, props = {}, ...children) => {
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

export function date(iso) {
  if (!iso) return '';
  const locale = ctx.state.settings.uiLang === 'ar' ? 'ar-IQ' : 'en-GB';
  if (!dateFormats.has(locale)) {
    dateFormats.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  }
  return dateFormats.get(locale).format(new Date(iso));
}

// Latin references and ids inside Arabic are isolated.
export const bdi = (text) => el('bdi', { text });

export function kindName(kind) {
  return ctx.t(`case-kind-${kind}`);
}

export function stateName(state) {
  return ctx.t(`step-state-${state === 'not-applicable' ? 'na' : state}`);
}

export function progress(done, total) {
  const wrap = el('span', { class: 'progress' });
  const bar = el('span', { class: 'progress-bar', role: 'progressbar' });
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', String(total));
  bar.setAttribute('aria-valuenow', String(done));
  bar.append(el('span', { class: 'progress-fill', style: `inline-size: ${total ? (100 * done) / total : 0}%` }));
  wrap.append(bar, el('span', { class: 'progress-text', text: `${done} / ${total}` }));
  return wrap;
}

export function showError(id, err) {
  const p = ctx.$(id);
  p.textContent = ctx.t(err?.message_id ?? err ?? 'error-generic');
  p.dataset.code = err?.code ?? '';
  p.hidden = false;
}
