// Facts: the new-case wizard and the facts editor share one form builder.

import * as ipc from '../ipc.js';
import { ctx, el, showError } from '../cases/common.js';


export async function factFields(container, values) {
  const questions = await ipc.caseQuestions({ langCode: ctx.state.settings.uiLang });
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

export function readFacts(container) {
  const facts = {};
  for (const input of container.querySelectorAll('select, input[type=checkbox]')) {
    facts[input.name] = input.type === 'checkbox' ? (input.checked ? 'yes' : 'no') : input.value;
  }
  return facts;
}

export async function showWizard() {
  ctx.showView('new-case');
  const form = ctx.$('new-case');
  form.reset();
  ctx.$('new-case-error').hidden = true;
  await factFields(ctx.$('new-case-facts'), {});
  form.reference.focus();
}

export async function onCreate(e) {
  e.preventDefault();
  const form = ctx.$('new-case');
  try {
    const id = await ipc.caseCreate({
      reference: form.reference.value,
      title: form.title.value,
      facts: readFacts(ctx.$('new-case-facts')),
    });
    location.hash = `#/case/${id}`;
  } catch (err) {
    showError('new-case-error', err);
  }
}

export async function showFacts(id) {
  ctx.showView('facts');
  const view = await ipc.caseView({ id, langCode: ctx.state.settings.uiLang });
  const values = Object.fromEntries(view.facts.map((f) => [f.id, f.value]));
  values.kind = view.kind;
  ctx.$('facts-form').dataset.case = String(id);
  ctx.$('facts-back').href = `#/case/${id}`;
  ctx.$('facts-result').replaceChildren();
  await factFields(ctx.$('facts-fields'), values);
}

export async function onSaveFacts(e) {
  e.preventDefault();
  const form = ctx.$('facts-form');
  const result = ctx.$('facts-result');
  try {
    const change = await ipc.caseSetFacts({
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
