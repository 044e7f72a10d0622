// The compare page (vergelijken): the saved design against the text edited on the designs page (handed over in
// sessionStorage, never sent anywhere else), or two design files from the folder; new, resolved and changed findings.

import { api, changeLabels, clearProblem, el, fill, queryParameter, showProblem, status } from './common.js';
import { findingCard } from './findings.js';

const $ = id => document.getElementById(id);
const storageKey = 'procurement.compare';

function editedText() {
  const path = queryParameter('pad');
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
    return stored && stored.path === path && typeof stored.text === 'string' ? stored : null;
  } catch {
    return null;
  }
}

async function fillChoices() {
  const designs = await api('api/designs');
  const form = $('compare-form');
  for (const name of ['base', 'head']) {
    fill(form.elements[name], designs.map(d => el('option', { value: d.path }, d.name ? `${d.name} (${d.path})` : d.path)));
  }
  if (designs.length > 1) {
    form.elements.head.selectedIndex = 1;
  }
}

async function compare(body, description) {
  status($('status'), 'Bezig met vergelijken…');
  try {
    const diff = await api('api/diff', { method: 'POST', body });
    render(diff);
    status($('status'), description);
    clearProblem($('problem'));
  } catch (error) {
    $('result').hidden = true;
    status($('status'), '');
    showProblem($('problem'), error, 'Vergelijken mislukt');
  } finally {
    document.body.dataset.compared = 'true';
  }
}

function render(diff) {
  const counts = diff.counts ?? {};
  fill($('diff-counts'), el('span', { className: 'badges' },
    ['new', 'resolved', 'changed'].map(kind => el('span', { className: `badge badge-${kind}` }, `${counts[kind] ?? 0} ${changeLabels[kind]}`))));
  const findings = diff.findings ?? [];
  const sections = ['new', 'resolved', 'changed'].map(kind => {
    const list = findings.filter(f => f.change === kind);
    const headings = { new: 'Nieuwe bevindingen', resolved: 'Opgeloste bevindingen', changed: 'Veranderde bevindingen' };
    return el('section', { className: `changes-${kind}`, dataset: { change: kind } },
      el('h3', {}, `${headings[kind]} (${list.length})`),
      list.length === 0 ? el('p', { className: 'empty' }, 'Geen.') : el('ul', { className: 'change-list' }, list.map(item => el('li', {},
        kind === 'changed'
          ? [el('p', {}, el('strong', {}, 'Was:')), findingCard(item.base), el('p', {}, el('strong', {}, 'Wordt:')), findingCard(item.head)]
          : findingCard(kind === 'resolved' ? item.base : item.head)))));
  });
  fill($('changes'), sections);
  $('result').hidden = false;
}

async function start() {
  const form = $('compare-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const base = form.elements.base.value;
    const head = form.elements.head.value;
    await compare({ basePath: base, headPath: head }, `Vergeleken: ${base} (basis) met ${head}.`);
  });
  $('edited-back').addEventListener('click', () => {
    window.location.href = `./?ontwerp=${encodeURIComponent(queryParameter('pad'))}`;
  });
  $('edited-clear').addEventListener('click', () => {
    sessionStorage.removeItem(storageKey);
    $('edited').hidden = true;
    form.hidden = false;
    $('result').hidden = true;
  });
  try {
    await fillChoices();
  } catch (error) {
    showProblem($('problem'), error, 'De lijst met inkoopkaders kon niet worden geladen');
  }
  const edited = editedText();
  document.body.dataset.ready = 'true';
  if (edited) {
    form.hidden = true;
    $('edited').hidden = false;
    $('edited-description').textContent = `${edited.path}: de versie op schijf (basis) tegen de tekst in de editor.`;
    await compare({ basePath: edited.path, headText: edited.text }, `Vergeleken: ${edited.path} op schijf met uw bewerking.`);
  }
}

start();
