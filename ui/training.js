// Training: the scenarios, and practice cases. A practice case is kept by the shell in a
// practice file of its own, never in the case file; every practice screen carries the
// practice banner, and the window's title says "practice" (see `router.js`). Story text comes
// from the shell, sanitized; everything else is set as text.

import * as ipc from './ipc.js';
import { $, bdi, el, listLang, num, showView, state, t } from './context.js';
import { factFields, readFacts } from './cases/facts.js';

const STATES = ['pending', 'done', 'not-applicable', 'blocked'];

function errorLine(err) {
  return el('p', { class: 'error', role: 'alert', text: t(err?.message_id ?? 'error-generic') });
}

const arabic = () => state.settings.uiLang === 'ar';
const percentSign = () => (arabic() ? '٪' : '%');

// "earned / available (percent)", in the UI's digits and reading order.
function score(s, percent) {
  return el('bdi', { class: 'practice-score', dir: arabic() ? 'rtl' : 'ltr', text: `${num(s.earned)} / ${num(s.available)} (${num(percent)}${percentSign()})` });
}

export async function showTraining() {
  showView('training');
  const root = $('training');
  let view;
  try {
    view = await ipc.trainingList({ langCode: state.settings.uiLang });
  } catch (err) {
    root.replaceChildren(errorLine(err));
    return;
  }
  const trainee = el('input', { id: 'training-trainee', type: 'text', dir: 'auto', autocomplete: 'off' });
  const scenarios = el('ol', { class: 'scenarios' }, ...view.scenarios.map((s) => {
    const start = el('button', { type: 'button', class: 'button', 'data-scenario': s.id, text: t('training-start') });
    start.addEventListener('click', async () => {
      start.disabled = true;
      try {
        const file = await ipc.practiceStart({ scenario: s.id, trainee: trainee.value });
        location.hash = `#/practice/${file}`;
      } catch (err) {
        start.after(errorLine(err));
      } finally {
        start.disabled = false;
      }
    });
    return el('li', { 'data-scenario': s.id }, el('strong', { text: s.title }), ' ',
      el('span', { class: 'status', text: `${t('training-stages')} ${num(s.stages)}` }), ' ', start);
  }));
  const yours = view.practices.length
    ? el('ol', { class: 'practices' }, ...view.practices.map((p) => el('li', {},
      el('a', { href: `#/practice/${p.file}`, text: p.title }), ' ',
      el('span', { class: 'status', text: p.stage == null
        ? `${t('training-finished-label')}: ${num(p.percent)}${percentSign()}`
        : `${t('practice-stage')} ${num(p.stage + 1)} ${t('practice-of')} ${num(p.stages)}` }))))
    : el('p', { class: 'status', text: t('training-none') });
  root.replaceChildren(
    el('h2', { text: t('training-title') }),
    el('p', { class: 'status', text: t('training-hint') }),
    el('label', { class: 'field' }, el('span', { text: t('training-trainee') }), trainee),
    scenarios,
    el('h3', { text: t('training-yours') }),
    yours);
}

function feedbackPanel(f) {
  const box = el('section', { class: 'practice-feedback', role: 'status', 'data-stage': f.stage });
  box.append(el('h3', {}, `${t('practice-score')}: `, score(f.score, f.percent)));
  if (f.perfect) box.append(el('p', { class: 'ok-line', text: t('practice-perfect') }));
  for (const g of f.groups) {
    box.append(el('h4', { text: t(`practice-${g.kind}`) }), el('ul', { 'data-kind': g.kind }, ...g.items.map((r) => el('li', { 'data-step': r.step },
      el('a', { href: `#/chapter/${r.chapter}/${r.step}`, text: r.title }), ' ',
      el('span', { class: 'status', text: `${t('practice-expected')} ${t(`practice-state-${r.state}`)}` })))));
  }
  if (f.facts.length) {
    const word = (v) => (v === 'yes' ? t('practice-yes') : v === 'no' ? t('practice-no') : v);
    box.append(el('h4', { text: t('practice-facts-missed') }), el('ul', { 'data-kind': 'facts' }, ...f.facts.map((x) => el('li', { 'data-fact': x.fact },
      el('span', { text: x.question }), ' ',
      el('span', { class: 'status', text: `${t('practice-expected')} ${word(x.expected)}${arabic() ? '،' : ';'} ${t('practice-declared')} ${word(x.given)}` })))));
  }
  return box;
}

export async function showPractice(file) {
  showView('practice');
  const root = $('practice');
  let screen;
  try {
    screen = await ipc.practiceView({ file, langCode: state.settings.uiLang, storyLang: listLang() });
  } catch (err) {
    root.replaceChildren(errorLine(err), el('a', { class: 'button', href: '#/training', text: t('practice-back') }));
    return;
  }
  const v = screen.view;
  const story = el('div', { class: 'chapter-pane practice-story', lang: screen.lang, dir: screen.dir });
  // The scenario's text was rendered and sanitized by the shell, as chapters are.
  story.innerHTML = screen.head + screen.story;
  const parts = [story];
  const finished = el('ol', { class: 'practice-stages' }, ...v.finished.map((s) => el('li', { 'data-stage': s.stage }, bdi(s.stage), ' ', score(s.score, s.percent))));
  if (v.stage == null) {
    parts.push(el('div', { id: 'practice-result' }), el('h3', { text: t('practice-finished-all') }), finished,
      el('p', { class: 'practice-total' }, `${t('practice-total')}: `, score(v.total, v.percent)));
  } else {
    const head = el('h3', { text: `${t('practice-stage')} ${num(v.stage + 1)} ${t('practice-of')} ${num(v.stages)}` });
    const facts = el('div', { class: 'facts', id: 'practice-facts' });
    await factFields(facts, v.facts);
    const saveFacts = el('button', { type: 'button', class: 'button', id: 'practice-save-facts', text: t('practice-save-facts') });
    const result = el('div', { id: 'practice-result' });
    saveFacts.addEventListener('click', async () => {
      try {
        await ipc.practiceAnswer({ file, facts: readFacts(facts), states: {} });
        await showPractice(file);
      } catch (err) {
        result.replaceChildren(errorLine(err));
      }
    });
    const rows = el('ol', { class: 'practice-checklist' }, ...v.rows.map((r) => {
      const select = el('select', { 'data-step': r.step, ariaLabel: r.title },
        ...STATES.map((s) => el('option', { value: s, text: t(`practice-state-${s}`), selected: s === r.state })));
      select.addEventListener('change', async () => {
        try {
          await ipc.practiceAnswer({ file, facts: {}, states: { [r.step]: select.value } });
        } catch (err) {
          result.replaceChildren(errorLine(err));
        }
      });
      return el('li', { 'data-step': r.step, class: r.required ? 'required' : 'advisory' },
        el('a', { href: `#/chapter/${r.chapter}/${r.step}`, text: r.title }), ' ', select);
    }));
    const check = el('button', { type: 'button', class: 'button', id: 'practice-check', text: t('practice-check') });
    const finish = el('button', { type: 'button', class: 'button primary', id: 'practice-finish', text: t('practice-finish') });
    check.addEventListener('click', async () => {
      try {
        result.replaceChildren(feedbackPanel(await ipc.practiceCheck({ file, langCode: state.settings.uiLang, finish: false })));
      } catch (err) {
        result.replaceChildren(errorLine(err));
      }
    });
    finish.addEventListener('click', async () => {
      try {
        const f = await ipc.practiceCheck({ file, langCode: state.settings.uiLang, finish: true });
        await showPractice(file);
        $('practice-result').replaceChildren(feedbackPanel(f));
      } catch (err) {
        result.replaceChildren(errorLine(err));
      }
    });
    parts.push(head, el('h4', { text: t('practice-facts') }), facts, saveFacts,
      el('h4', { text: t('practice-checklist') }), rows,
      el('div', { class: 'toolbar' }, check, finish), result);
    if (v.finished.length) parts.push(finished);
  }
  parts.push(el('p', {}, el('a', { class: 'button', href: '#/training', text: t('practice-back') })));
  // The scenario's own head carries its title, under the SOP's and the training labels.
  root.replaceChildren(...parts);
}
