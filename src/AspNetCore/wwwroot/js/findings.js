// The findings panel: filters (severity, family, lot, municipality), findings grouped by lot and municipality, and
// the explanation of one finding per clause. Used by the designs page; the compare page reuses findingCard.

import { append, el, fill, outcomeLabels, severityLabels } from './common.js';

const filterNames = ['severity', 'family', 'lot', 'municipality'];
const allLabels = { severity: 'Alle ernst', family: 'Alle families', lot: 'Alle percelen', municipality: 'Alle gemeenten' };

/** Fills the filter selects with the values present in the findings, keeping a choice that is still present. */
export function updateFilters(form, findings) {
  for (const name of filterNames) {
    const select = form.elements[name];
    const current = select.value;
    const values = [...new Set(findings.map(f => f[name]).filter(v => v))].sort();
    if (name === 'severity') {
      values.sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b));
    }
    fill(select, el('option', { value: '' }, allLabels[name]),
      values.map(v => el('option', { value: v }, name === 'severity' ? severityLabels[v] ?? v : v)));
    select.value = values.includes(current) ? current : '';
  }
}

/** The findings the filter form lets through. */
export function applyFilters(form, findings) {
  const chosen = Object.fromEntries(filterNames.map(n => [n, form.elements[n].value]));
  return findings.filter(f => filterNames.every(n => !chosen[n] || f[n] === chosen[n]));
}

function groupKey(finding) {
  return `${finding.lot ?? ''}\u0000${finding.municipality ?? ''}`;
}

/**
 * Renders findings grouped by lot, then municipality. handlers: { onSelect(finding, card), onWaive(finding) }.
 */
export function renderFindings(container, findings, handlers) {
  if (findings.length === 0) {
    fill(container, el('p', { className: 'empty' }, 'Geen bevindingen.'));
    return;
  }
  const byLot = new Map();
  for (const finding of findings) {
    const lot = finding.lot ?? '';
    if (!byLot.has(lot)) {
      byLot.set(lot, new Map());
    }
    const byMunicipality = byLot.get(lot);
    const key = groupKey(finding);
    if (!byMunicipality.has(key)) {
      byMunicipality.set(key, []);
    }
    byMunicipality.get(key).push(finding);
  }
  const sections = [];
  for (const lot of [...byLot.keys()].sort(compareEmptyLast)) {
    const groups = [];
    const byMunicipality = byLot.get(lot);
    for (const key of [...byMunicipality.keys()].sort(compareEmptyLast)) {
      const list = byMunicipality.get(key);
      const municipality = list[0].municipality;
      groups.push(el('section', { className: 'finding-group' },
        el('h4', {}, municipality ? `Gemeente ${municipality}` : 'Alle gemeenten'),
        el('ul', { className: 'finding-list' }, list.map(f => el('li', {}, findingCard(f, handlers))))));
    }
    sections.push(el('section', { className: 'lot-group' },
      el('h3', {}, lot ? `Perceel ${lot}` : 'Niet aan een perceel gebonden'), groups));
  }
  fill(container, sections);
}

function compareEmptyLast(a, b) {
  if (a === b) {
    return 0;
  }
  if (a === '' || a.endsWith('\u0000')) {
    return 1;
  }
  if (b === '' || b.endsWith('\u0000')) {
    return -1;
  }
  return a.localeCompare(b, 'nl');
}

/** One finding as a card: rule, title, message, clause explanation, values read, reference, waiver, actions. */
export function findingCard(finding, handlers = {}) {
  const waived = finding.waiver && finding.waiver.state === 'active';
  const card = el('article', {
    className: `finding severity-${finding.severity}${waived ? ' waived' : ''}`,
    dataset: { ruleId: finding.ruleId, subject: finding.subject, line: finding.line ?? '' },
  });
  const heading = el('h5', {},
    el('span', { className: `badge badge-${finding.severity}` }, severityLabels[finding.severity] ?? finding.severity),
    ' ', el('span', { className: 'rule-id' }, finding.ruleId), ' ', finding.title);
  const select = handlers.onSelect
    ? el('button', {
      type: 'button', className: 'finding-open',
      'aria-label': `${finding.ruleId} op ${finding.subject} tonen in de editor met uitleg`,
      onclick: () => handlers.onSelect(finding, card),
    }, heading)
    : heading;
  append(card, [select,
    el('p', { className: 'finding-message' }, finding.message),
    el('p', { className: 'finding-subject' }, `Onderwerp: ${finding.subject}`, finding.line ? ` (${finding.file && !/\.ya?ml$/i.test(finding.file) ? `${finding.file}, ` : ''}regel ${finding.line})` : ''),
    finding.clauseText
      ? el('p', { className: 'finding-clause' }, finding.clauseText)
      : finding.clause ? el('p', { className: 'finding-clause' }, el('strong', {}, 'Niet voldaan: '), finding.clause) : null,
    valuesList(finding.values),
    finding.reference ? el('p', { className: 'finding-reference' }, `Bron: ${finding.reference}`) : null,
    finding.waiver ? waiverText(finding.waiver) : null,
    handlers.onWaive && !waived
      ? el('p', { className: 'finding-actions' },
        el('button', { type: 'button', className: 'secondary', onclick: () => handlers.onWaive(finding) }, 'Afwijking accepteren'))
      : null]);
  return card;
}

function waiverText(waiver) {
  const state = waiver.state === 'active' ? 'Afwijking geaccepteerd' : 'Afwijking verlopen';
  return el('p', { className: `finding-waiver waiver-${waiver.state}` },
    `${state} door ${waiver.approvedBy} tot ${waiver.expires}: ${waiver.justification}`);
}

/** The values a clause read, as a definition list. */
export function valuesList(values) {
  if (!values || values.length === 0) {
    return null;
  }
  return el('dl', { className: 'values' },
    values.flatMap(v => [el('dt', {}, v.name), el('dd', {}, v.value === null || v.value === undefined ? '(leeg)' : String(v.value))]));
}

/** Renders a RuleExplanation: per subject whether `when` held, the waiver that applies, and per clause its outcome with the values read. */
export function renderExplanation(container, explanation) {
  const subjects = explanation.subjects ?? [];
  fill(container,
    el('h3', { id: 'explanation-heading' }, `Uitleg ${explanation.ruleId}: ${explanation.title}`),
    subjects.length === 0 ? el('p', {}, 'Deze regel had geen onderwerpen in dit ontwerp.') : null,
    subjects.map(subject => el('section', { className: 'explanation-subject' },
      el('h4', {}, subject.subject),
      el('p', {}, subject.when === 'held'
        ? 'De regel is van toepassing op dit onderwerp.'
        : subject.when === 'failed'
          ? 'De regel is niet van toepassing op dit onderwerp (de voorwaarde "when" geldt niet).'
          : 'De voorwaarde "when" kon niet worden geëvalueerd.'),
      subject.waiver ? waiverText(subject.waiver) : null,
      el('ol', { className: 'clauses' }, (subject.clauses ?? []).map(clause => el('li', { className: `clause outcome-${clause.outcome}` },
        el('p', {}, el('strong', {}, clause.name), ': ',
          el('span', { className: 'outcome' }, outcomeLabels[clause.outcome] ?? clause.outcome)),
        clause.text ? el('p', { className: 'clause-text' }, clause.text) : null,
        valuesList(clause.values),
        clause.error ? el('p', { className: 'clause-error' }, clause.error) : null))))));
  container.hidden = false;
}
