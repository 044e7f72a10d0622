// The rules page (regels): every rule as it applies now, the rule files of the folder, an editor with live lint,
// the rule tests with clause coverage, and the impact of an edit on every design before it is saved.

import {
  api, clearProblem, debounce, describeDiagnostic, el, fill, ProblemError, queryParameter, severityLabels, showProblem,
  status,
} from './common.js';
import { attachSchema, createEditor, revealLine, setMarkers } from './editor.js';

const $ = id => document.getElementById(id);
const kindLabels = { pack: 'regelpakket', override: 'aanpassing (override)', ruletests: 'regeltests', waivers: 'afwijkingen' };
const schemaKinds = { pack: 'rules', override: 'override', ruletests: 'ruletests', waivers: 'waivers' };
const state = { path: null, kind: null, version: null, savedText: '', ignoreChange: false, sequence: 0 };
let monaco;
let editor;
let lintOk = false;

function encodePath(path) {
  return path.split('/').map(encodeURIComponent).join('/');
}

async function loadRules() {
  try {
    const set = await api('api/rules');
    $('rule-set-hash').textContent = set.ruleSetHash ? `Regelset ${String(set.ruleSetHash).slice(0, 12)}` : '';
    fill($('rules'), (set.rules ?? []).map(ruleDetails));
  } catch (error) {
    showProblem($('list-problem'), error, 'De regels konden niet worden geladen');
  }
}

function ruleDetails(rule) {
  const parameters = rule.parameters ?? [];
  return el('details', { className: 'rule', dataset: { ruleId: rule.id } },
    el('summary', {}, el('span', { className: `badge badge-${rule.severity}` }, severityLabels[rule.severity] ?? rule.severity),
      ' ', el('span', { className: 'rule-id' }, rule.id), ' ', rule.title),
    el('dl', {},
      el('dt', {}, 'Familie'), el('dd', {}, rule.family ?? '–'),
      el('dt', {}, 'Ernst'), el('dd', {}, severityLabels[rule.severity] ?? rule.severity,
        el('span', { className: 'set-by' }, rule.severitySetBy ? ` (vastgelegd in ${rule.severitySetBy})` : ' (standaard van het pakket)')),
      el('dt', {}, 'Geldig'), el('dd', {}, period(rule.effectiveFrom, rule.effectiveUntil)),
      el('dt', {}, 'Bron'), el('dd', {}, rule.reference ?? '–'),
      el('dt', {}, 'Gedefinieerd in'), el('dd', {}, rule.source ?? '–'),
      parameters.length > 0 ? [el('dt', {}, 'Parameters'), el('dd', {}, el('ul', {}, parameters.map(p => el('li', {},
        el('code', {}, p.name), ` = ${p.value}`, el('span', { className: 'set-by' }, p.setBy ? ` (vastgelegd in ${p.setBy})` : '')))))] : null,
      el('dt', {}, 'Voorwaarden'), el('dd', {}, el('ul', {}, (rule.clauses ?? []).map(c => el('li', {},
        el('code', {}, c.name), c.text ? `: ${c.text}` : ''))))));
}

function period(from, until) {
  if (!from && !until) {
    return 'altijd';
  }
  return `${from ? `vanaf ${from}` : ''}${from && until ? ' ' : ''}${until ? `tot en met ${until}` : ''}`;
}

async function loadFiles() {
  try {
    const files = await api('api/rules/files');
    fill($('file-list'), files.length === 0
      ? el('li', { className: 'empty' }, 'Geen regelbestanden in deze map; de ingebouwde regels gelden.')
      : files.map(file => el('li', {}, el('button', {
        type: 'button', className: 'file', dataset: { path: file.path, kind: file.kind },
        'aria-current': file.path === state.path ? 'true' : 'false',
        onclick: () => openFile(file.path, file.kind),
      }, el('span', { className: 'file-name' }, file.path), el('span', { className: 'file-kind' }, kindLabels[file.kind] ?? file.kind)))));
  } catch (error) {
    showProblem($('list-problem'), error, 'De regelbestanden konden niet worden geladen');
  }
}

function setDirty() {
  const dirty = state.path !== null && editor.getValue() !== state.savedText;
  $('dirty').hidden = !dirty;
  $('impact').disabled = !dirty || state.kind === 'waivers';
}

async function openFile(path, kind) {
  if (state.path && editor.getValue() !== state.savedText
    && !window.confirm('Er zijn niet opgeslagen wijzigingen. Toch een ander bestand openen? De wijzigingen vervallen.')) {
    return;
  }
  try {
    const file = await api(`api/rules/files/${encodePath(path)}`);
    Object.assign(state, { path, kind, version: file.version, savedText: file.text });
    $('editor-heading').textContent = `${path} (${kindLabels[kind] ?? kind})`;
    const model = monaco.editor.createModel(file.text, 'yaml');
    const old = editor.getModel();
    state.ignoreChange = true;
    editor.setModel(model);
    state.ignoreChange = false;
    old?.dispose();
    const schema = await api(`api/schemas/${schemaKinds[kind] ?? 'rules'}`).catch(() => null);
    if (schema) {
      attachSchema(model, schema);
    }
    for (const button of document.querySelectorAll('#file-list .file')) {
      button.setAttribute('aria-current', button.dataset.path === path ? 'true' : 'false');
    }
    $('save').disabled = false;
    $('impact-panel').hidden = true;
    clearProblem($('problem'));
    setDirty();
    await lint();
  } catch (error) {
    showProblem($('problem'), error, `${path} kon niet worden geopend`);
  }
}

async function lint() {
  if (!state.path) {
    return;
  }
  const sequence = ++state.sequence;
  try {
    const result = await api('api/rules/lint', { method: 'POST', body: { path: state.path, text: editor.getValue() } });
    if (sequence !== state.sequence) {
      return;
    }
    const loadErrors = result.loadErrors ?? [];
    const issues = result.issues ?? [];
    lintOk = loadErrors.length === 0;
    setMarkers(monaco, editor.getModel(), { diagnostics: [...loadErrors.map(e => ({ ...e, severity: 'error' })), ...issues] });
    const items = [...loadErrors.map(e => ({ ...e, severity: 'error' })), ...issues];
    fill($('lint-result'), items.length === 0
      ? el('p', { className: 'test-pass' }, 'Geen laadfouten en geen opmerkingen.')
      : [el('p', {}, `${loadErrors.length} laadfout(en), ${issues.length} opmerking(en).`),
        el('ul', { className: 'lint-list' }, items.map(d => el('li', {},
          el('span', { className: `badge badge-${d.severity ?? 'error'}` }, severityLabels[d.severity] ?? d.severity ?? 'fout'), ' ',
          el('button', { type: 'button', className: 'link', onclick: () => revealLine(editor, d.line || 1, d.column || 1) },
            describeDiagnostic(d)))))]);
    clearProblem($('problem'));
  } catch (error) {
    if (sequence === state.sequence) {
      showProblem($('problem'), error, 'Controle mislukt');
    }
  } finally {
    if (sequence === state.sequence) {
      document.body.dataset.linted = String(sequence);
    }
  }
}

async function runTests() {
  const panel = $('tests-panel');
  panel.hidden = false;
  fill($('tests-result'), el('p', {}, 'Regeltests worden uitgevoerd…'));
  const body = state.path ? { path: state.path, text: editor.getValue() } : {};
  try {
    const result = await api('api/rules/test', { method: 'POST', body });
    const failing = (result.results ?? []).filter(r => r.outcome !== 'pass');
    const uncovered = result.uncovered ?? [];
    fill($('tests-result'),
      el('p', { className: result.failed > 0 ? 'test-fail' : 'test-pass' },
        `${result.passed} geslaagd, ${result.failed} mislukt; dekking van de voorwaarden ${Number(result.coverage ?? 0).toFixed(1)}%.`),
      failing.length > 0 ? el('ul', {}, failing.map(r => el('li', { className: 'test-fail' },
        `${r.outcome === 'error' ? 'Fout' : 'Mislukt'}: ${r.name} (${r.file}:${r.line})`, r.message ? ` – ${r.message}` : ''))) : null,
      uncovered.length > 0 ? [el('h3', {}, 'Niet volledig geteste voorwaarden'),
        el('ul', {}, uncovered.map(u => el('li', {}, `${u.ruleId}: ${u.clause}`)))] : null);
  } catch (error) {
    showProblem($('tests-result'), error, 'De regeltests konden niet worden uitgevoerd');
  }
}

async function showImpact(forSave) {
  const panel = $('impact-panel');
  panel.hidden = false;
  $('save-confirm').hidden = true;
  fill($('impact-result'), el('p', {}, 'Alle inkoopkaders worden opnieuw gecontroleerd…'));
  try {
    const result = await api('api/rules/impact', { method: 'POST', body: { path: state.path, text: editor.getValue() } });
    const loadErrors = result.loadErrors ?? [];
    const rules = result.rules ?? [];
    const designs = result.designs ?? [];
    const newlyFailing = designs.reduce((sum, d) => sum + (d.newlyFailing ?? 0), 0);
    const newlyPassing = designs.reduce((sum, d) => sum + (d.newlyPassing ?? 0), 0);
    const kinds = { added: 'toegevoegd', removed: 'verwijderd', changed: 'gewijzigd' };
    fill($('impact-result'),
      loadErrors.length > 0 ? el('ul', { className: 'problem' }, loadErrors.map(e => el('li', {}, describeDiagnostic(e)))) : null,
      el('p', { id: 'impact-summary' }, `${newlyFailing} onderwerp(en) gaan nieuw niet voldoen, ${newlyPassing} gaan nieuw voldoen.`),
      rules.length > 0 ? table(['Regel', 'Wijziging', 'Nieuw niet voldaan', 'Nieuw voldaan'],
        rules.map(r => [r.ruleId, kinds[r.kind] ?? r.kind ?? '', r.newlyFailing ?? 0, r.newlyPassing ?? 0]))
        : el('p', {}, 'Geen regel verandert van uitkomst.'),
      designs.length > 0 ? table(['Inkoopkader', 'Nieuw niet voldaan', 'Nieuw voldaan'],
        designs.map(d => [d.path, d.newlyFailing ?? 0, d.newlyPassing ?? 0])) : null);
    $('save-confirm').hidden = !forSave || loadErrors.length > 0;
    if (forSave && loadErrors.length === 0) {
      $('save-confirmed').focus();
    }
  } catch (error) {
    showProblem($('impact-result'), error, 'De gevolgen konden niet worden berekend');
  }
}

function table(headings, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', className: i > 0 && typeof rows[0]?.[i] === 'number' ? 'number' : null }, h)))),
    el('tbody', {}, rows.map(row => el('tr', {}, row.map(cell => el('td', { className: typeof cell === 'number' ? 'number' : null }, cell))))));
}

async function save() {
  const text = editor.getValue();
  try {
    const result = await api(`api/rules/files/${encodePath(state.path)}`, { method: 'PUT', body: { text, version: state.version } });
    state.version = result.version;
    state.savedText = text;
    setDirty();
    $('impact-panel').hidden = true;
    status($('status'), `Opgeslagen: ${state.path}.`);
    await Promise.all([loadRules(), loadFiles()]);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) {
      $('conflict-text').textContent = error.problem.currentText ?? '';
      $('conflict-dialog').dataset.currentVersion = error.problem.currentVersion ?? '';
      $('conflict-dialog').showModal();
    } else {
      showProblem($('problem'), error, 'Opslaan mislukt');
    }
  }
}

function bind() {
  $('run-tests').addEventListener('click', runTests);
  $('impact').addEventListener('click', () => showImpact(false));
  $('save').addEventListener('click', async () => {
    if (!lintOk) {
      status($('status'), 'Niet opgeslagen: het bestand heeft laadfouten.');
      return;
    }
    if (state.kind === 'waivers' || editor.getValue() === state.savedText) {
      await save();
    } else {
      await showImpact(true);
    }
  });
  $('save-confirmed').addEventListener('click', save);
  $('save-cancel').addEventListener('click', () => {
    $('save-confirm').hidden = true;
    status($('status'), 'Niet opgeslagen.');
  });
  $('conflict-reload').addEventListener('click', () => {
    const dialog = $('conflict-dialog');
    state.version = dialog.dataset.currentVersion;
    state.savedText = $('conflict-text').textContent;
    state.ignoreChange = true;
    editor.setValue(state.savedText);
    state.ignoreChange = false;
    setDirty();
    dialog.close();
    lint();
  });
  $('conflict-keep').addEventListener('click', () => $('conflict-dialog').close());
  window.addEventListener('beforeunload', event => {
    if (state.path && editor && editor.getValue() !== state.savedText) {
      event.preventDefault();
    }
  });
}

async function start() {
  bind();
  const loaded = Promise.all([loadRules(), loadFiles()]);
  try {
    ({ monaco, editor } = await createEditor($('editor'), { ariaLabel: 'Regelbestand (YAML)' }));
  } catch (error) {
    showProblem($('problem'), error);
    return;
  }
  const relint = debounce(lint, 300);
  editor.onDidChangeModelContent(() => {
    if (!state.ignoreChange) {
      setDirty();
      relint();
    }
  });
  await loaded;
  document.body.dataset.ready = 'true';
  const requested = queryParameter('bestand');
  const button = requested && [...document.querySelectorAll('#file-list .file')].find(b => b.dataset.path === requested);
  if (button) {
    await openFile(button.dataset.path, button.dataset.kind);
  }
}

start();
