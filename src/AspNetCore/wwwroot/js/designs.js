// The designs page (inkoopkaders): the list of designs with their counts, the editor with live validation (debounced),
// markers, the findings panel with filters and explanations, saving with conflict detection, reports and waivers.

import {
  api, clearProblem, countBadges, debounce, describeDiagnostic, download, el, fill, ProblemError, queryParameter,
  showProblem, status,
} from './common.js';
import { attachSchema, createEditor, revealLine, setMarkers } from './editor.js';
import { applyFilters, renderExplanation, renderFindings, updateFilters } from './findings.js';
import { openWaiverDialog } from './waiver.js';

const $ = id => document.getElementById(id);
const state = { ignoreChange: false, path: null, version: null, savedText: '', saved: null, findings: [], sequence: 0, controller: null };
let monaco;
let editor;
let designSchema;
const explanation = document.getElementById('explanation');

/** A design path as url segments (each encoded; the separators stay). */
export function encodePath(path) {
  return path.split('/').map(encodeURIComponent).join('/');
}

async function loadList() {
  try {
    const designs = await api('api/designs');
    fill($('design-list'), designs.length === 0
      ? el('li', { className: 'empty' }, 'Geen inkoopkaders gevonden in deze map.')
      : designs.map(design => el('li', {},
        el('button', {
          type: 'button', className: 'file', dataset: { path: design.path },
          'aria-current': design.path === state.path ? 'true' : null,
          onclick: () => openDesign(design.path),
        },
        el('span', { className: 'file-name' }, design.name || design.id || design.path),
        el('span', { className: 'file-path' }, design.path),
        design.loadErrors > 0
          ? el('span', { className: 'badge badge-error' }, `${design.loadErrors} laadfout${design.loadErrors === 1 ? '' : 'en'}`)
          : countBadges(design.counts)))));
    clearProblem($('list-problem'));
  } catch (error) {
    showProblem($('list-problem'), error, 'De lijst kon niet worden geladen');
  }
}

function setDirty(dirty) {
  $('dirty').hidden = !dirty;
  document.title = `${dirty ? '* ' : ''}${state.path ?? 'Inkoopkaders'} – Werkbank inkoopregels`;
}

/** Replaces the editor text without the change counting as typing (the caller validates). */
function setText(text) {
  state.ignoreChange = true;
  try {
    editor.setValue(text);
  } finally {
    state.ignoreChange = false;
  }
}

async function openDesign(path) {
  if (state.path && editor.getValue() !== state.savedText
    && !window.confirm('Er zijn niet opgeslagen wijzigingen. Toch een ander inkoopkader openen? De wijzigingen vervallen.')) {
    return;
  }
  try {
    const file = await api(`api/designs/${encodePath(path)}`);
    state.path = file.path ?? path;
    state.version = file.version;
    state.savedText = file.text;
    state.saved = null;
    $('editor-heading').textContent = state.path;
    setText(file.text);
    editor.setScrollTop(0);
    for (const id of ['save', 'compare', 'report', 'report-format']) {
      $(id).disabled = false;
    }
    setDirty(false);
    clearProblem($('problem'));
    state.selected = null;
    explanation.hidden = true;
    for (const button of document.querySelectorAll('#design-list .file')) {
      button.setAttribute('aria-current', button.dataset.path === state.path ? 'true' : 'false');
    }
    const url = new URL(window.location.href);
    url.searchParams.set('ontwerp', state.path);
    window.history.replaceState(null, '', url);
    await validate();
  } catch (error) {
    showProblem($('problem'), error, `${path} kon niet worden geopend`);
  }
}

async function validate() {
  if (!state.path) {
    return;
  }
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const sequence = ++state.sequence;
  const text = editor.getValue();
  status($('status'), 'Bezig met controleren…');
  try {
    const result = await api('api/validate', { method: 'POST', body: { text, path: state.path }, signal: controller.signal });
    if (sequence !== state.sequence) {
      return;
    }
    showResult(result);
    clearProblem($('problem'));
  } catch (error) {
    if (error.name === 'AbortError' || sequence !== state.sequence) {
      return;
    }
    status($('status'), 'Controle mislukt.');
    showProblem($('problem'), error, 'Controle mislukt');
  } finally {
    if (sequence === state.sequence) {
      document.body.dataset.validated = String(sequence);
    }
  }
}

/** Whether a finding or load error is in the edited file rather than in a data file next to it. */
function inThisFile(item) {
  return !item.file || item.file === (state.path ?? 'ontwerp.yaml');
}

function showResult(result) {
  const loadErrors = result.loadErrors ?? [];
  state.findings = result.findings ?? [];
  // Only what is in this file gets a marker: findings and errors in its data files are listed, not marked.
  setMarkers(monaco, editor.getModel(), { findings: state.findings.filter(inThisFile), diagnostics: loadErrors.filter(inThisFile) });
  fill($('counts'), countBadges(result.counts));
  const section = $('load-errors');
  if (loadErrors.length > 0) {
    fill(section, el('h3', {}, `${loadErrors.length} laadfout${loadErrors.length === 1 ? '' : 'en'}: het inkoopkader kan zo niet worden gecontroleerd`),
      el('ul', {}, loadErrors.map(e => el('li', {},
        inThisFile(e)
          ? el('button', { type: 'button', className: 'link', onclick: () => revealLine(editor, e.line || 1, e.column || 1) }, describeDiagnostic(e))
          : describeDiagnostic(e)))));
    section.hidden = false;
  } else {
    section.hidden = true;
    section.replaceChildren();
  }
  updateFilters($('filters'), state.findings);
  renderPanel();
  const c = result.counts ?? {};
  const checked = loadErrors.length > 0
    ? `${loadErrors.length} laadfout(en).`
    : `Gecontroleerd: ${c.error ?? 0} fout(en), ${c.warning ?? 0} waarschuwing(en), ${c.info ?? 0} info`
      + `${c.waived ? `, ${c.waived} afwijking(en)` : ''} (${Math.round(result.elapsedMs ?? 0)} ms).`;
  // A check that ends after a save keeps the save in the status line, as long as the text is still what was saved.
  const saved = state.saved && editor.getValue() === state.savedText ? ` ${state.saved}` : '';
  status($('status'), checked + saved);
}

function renderPanel() {
  renderFindings($('findings'), applyFilters($('filters'), state.findings), { onSelect: selectFinding, onWaive: waive });
  placeExplanation();
}

/** Keeps the explanation right below the selected finding's card; hides it when that finding is gone. */
function placeExplanation() {
  const selected = state.selected;
  const card = selected && [...document.querySelectorAll('#findings article.finding')]
    .find(c => c.dataset.ruleId === selected.ruleId && c.dataset.subject === selected.subject);
  if (card) {
    card.classList.add('selected');
    card.after(explanation);
  } else {
    explanation.hidden = true;
    $('findings').before(explanation);
  }
}

async function selectFinding(finding, card) {
  for (const other of document.querySelectorAll('.finding.selected')) {
    other.classList.remove('selected');
  }
  card.classList.add('selected');
  state.selected = { ruleId: finding.ruleId, subject: finding.subject };
  card.after(explanation);
  if (finding.line && inThisFile(finding)) {
    revealLine(editor, finding.line, finding.column || 1);
  }
  const panel = explanation;
  fill(panel, el('p', {}, 'Uitleg wordt opgehaald…'));
  panel.hidden = false;
  try {
    const result = await api('api/explain', {
      method: 'POST', body: { text: editor.getValue(), path: state.path, ruleId: finding.ruleId, subject: finding.subject },
    });
    renderExplanation(panel, result);
    panel.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showProblem(panel, error, 'De uitleg kon niet worden opgehaald');
  }
}

async function save(overwriteVersion) {
  const text = editor.getValue();
  try {
    const result = await api(`api/designs/${encodePath(state.path)}`, {
      method: 'PUT', body: { text, version: overwriteVersion ?? state.version },
    });
    state.version = result.version;
    state.savedText = text;
    state.saved = `Opgeslagen: ${state.path}.`;
    setDirty(editor.getValue() !== state.savedText);
    status($('status'), state.saved);
    clearProblem($('problem'));
    await loadList();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) {
      showConflict(error.problem);
    } else {
      showProblem($('problem'), error, 'Opslaan mislukt');
    }
  }
}

function showConflict(problem) {
  const dialog = $('conflict-dialog');
  $('conflict-text').textContent = problem.currentText ?? '';
  dialog.dataset.currentVersion = problem.currentVersion ?? '';
  status($('status'), 'Niet opgeslagen: het bestand is op schijf gewijzigd.');
  dialog.showModal();
}

function bindConflictDialog() {
  const dialog = $('conflict-dialog');
  $('conflict-reload').addEventListener('click', () => {
    state.version = dialog.dataset.currentVersion;
    state.savedText = $('conflict-text').textContent;
    state.saved = null;
    setText(state.savedText);
    setDirty(false);
    dialog.close();
    validate();
    status($('status'), 'De versie van schijf is geladen.');
  });
  $('conflict-keep').addEventListener('click', () => {
    dialog.close();
    status($('status'), 'Niet opgeslagen. Uw wijzigingen staan nog in de editor; bij opslaan krijgt u opnieuw de keuze.');
    editor.focus();
  });
  $('conflict-overwrite').addEventListener('click', async () => {
    dialog.close();
    await save(dialog.dataset.currentVersion);
  });
}

function waive(finding) {
  openWaiverDialog(finding, state.path, async file => {
    await validate();
    await loadList();
    status($('status'), `Afwijking vastgelegd in ${file}; de bevinding telt nu als afwijking.`);
  });
}

async function start() {
  bindConflictDialog();
  $('filters').addEventListener('change', renderPanel);
  $('save').addEventListener('click', () => save());
  $('report').addEventListener('click', async () => {
    try {
      const name = await download('api/report', { text: editor.getValue(), path: state.path, format: $('report-format').value });
      status($('status'), `Rapport gedownload: ${name}.`);
    } catch (error) {
      showProblem($('problem'), error, 'Het rapport kon niet worden gemaakt');
    }
  });
  $('compare').addEventListener('click', () => {
    sessionStorage.setItem('procurement.compare', JSON.stringify({ path: state.path, text: editor.getValue() }));
    window.location.href = `vergelijken?pad=${encodeURIComponent(state.path)}`;
  });
  window.addEventListener('beforeunload', event => {
    if (state.path && editor && editor.getValue() !== state.savedText) {
      event.preventDefault();
    }
  });
  const listLoaded = loadList();
  try {
    ({ monaco, editor } = await createEditor($('editor'), { ariaLabel: 'Inkoopkader (YAML)' }));
    designSchema = await api('api/schemas/design').catch(() => null);
    if (designSchema) {
      attachSchema(editor.getModel(), designSchema);
    }
  } catch (error) {
    showProblem($('problem'), error);
    return;
  }
  const revalidate = debounce(validate, 300);
  editor.onDidChangeModelContent(() => {
    if (state.ignoreChange) {
      return;
    }
    setDirty(editor.getValue() !== state.savedText);
    revalidate();
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => state.path && save());
  await listLoaded;
  document.body.dataset.ready = 'true';
  const requested = queryParameter('ontwerp');
  if (requested) {
    await openDesign(requested);
  }
}

start();
