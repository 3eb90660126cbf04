// Search as you type, over both languages of the SOP, with the results as a listbox.

import * as ipc from './ipc.js';
import { $, showView, t } from './context.js';
import { route } from './router.js';

export const search = { timer: 0, active: -1, previous: '' };

function searchOptions() {
  return [...document.querySelectorAll('#search-results [role="option"]')];
}

function setActive(i) {
  const options = searchOptions();
  if (!options.length) return;
  search.active = (i + options.length) % options.length;
  options.forEach((o, k) => o.setAttribute('aria-selected', String(k === search.active)));
  const active = options[search.active];
  $('search').setAttribute('aria-activedescendant', active.id);
  active.scrollIntoView({ block: 'nearest' });
}

export async function runSearch() {
  const query = $('search').value;
  if (!query.trim()) {
    $('search-results').replaceChildren();
    $('search-status').textContent = '';
    if (!$('view-search').hidden) await route();
    return;
  }
  showView('search');
  let groups;
  try {
    groups = await ipc.sopSearch({ query, langCode: null });
  } catch (err) {
    $('search-results').replaceChildren();
    $('search-status').textContent = t(err?.message_id ?? 'error-generic');
    return;
  }
  if ($('search').value !== query) return; // a newer keystroke is on its way
  const list = $('search-results');
  list.replaceChildren();
  let count = 0;
  for (const group of groups) {
    const header = document.createElement('li');
    header.className = 'result-chapter';
    header.setAttribute('role', 'presentation');
    header.textContent = group.chapterTitle;
    list.append(header);
    for (const entry of group.entries) {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = `result-${count}`;
      li.dataset.href = entry.step ? `#/chapter/${group.chapter}/${entry.step}` : `#/chapter/${group.chapter}`;
      for (const hit of entry.hits) {
        const block = document.createElement('div');
        block.className = 'hit';
        block.lang = hit.lang;
        block.dir = hit.dir;
        // Escaped by the shell, with <mark> around the matched words.
        block.innerHTML = `<span class="hit-lang">${hit.lang.toUpperCase()}</span><strong>${hit.titleHtml}</strong><p>${hit.snippetHtml}</p>`;
        li.append(block);
      }
      li.addEventListener('click', () => { location.hash = li.dataset.href; });
      list.append(li);
      count += 1;
    }
  }
  $('search-status').textContent = t(count ? 'search-results-found' : 'search-no-results');
  search.active = -1;
  if (count) setActive(0);
}

export function onSearchKey(e) {
  if (e.key === 'ArrowDown') { e.preventDefault(); setActive(search.active + 1); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(search.active - 1); }
  else if (e.key === 'Enter') {
    const option = searchOptions()[search.active];
    if (option) { e.preventDefault(); location.hash = option.dataset.href; }
  } else if (e.key === 'Escape') {
    $('search').value = '';
    runSearch();
  }
}
