// The monitoring page (Monitoring): the monitoring report of a design with period data, as the library writes it for
// colleges and councils. The HTML report is shown in a shadow root, so that its own style stays inside it; it is
// parsed as an inert document and its nodes are imported (no innerHTML on the page, no script runs). Downloads in
// HTML, Markdown and JSON come from the same endpoint.

import { api, clearProblem, download, el, fill, postText, queryParameter, showProblem, status } from './common.js';

const $ = id => document.getElementById(id);
const form = () => $('monitoring-form');

/** The request for the chosen design and months (left out when empty) in a format. */
function request(format) {
  const { path, from, until } = form().elements;
  const body = { path: path.value, format };
  if (from.value) {
    body.from = from.value;
  }
  if (until.value) {
    body.until = until.value;
  }
  return body;
}

/** "over 2021-03 tot en met 2021-09", or the whole period of the period data. */
function describeRange(body) {
  if (!body.from && !body.until) {
    return 'over de hele periode van de periodegegevens';
  }
  return `over ${body.from ?? 'het begin van de periodegegevens'} tot en met ${body.until ?? 'het eind van de periodegegevens'}`;
}

/** Puts the report's style and body into the container's shadow root. */
function render(html) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  parsed.querySelectorAll('script').forEach(script => script.remove());
  const container = $('report');
  const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
  root.replaceChildren(
    ...[...parsed.head.querySelectorAll('style')].map(style => document.importNode(style, true)),
    ...[...parsed.body.childNodes].map(node => document.importNode(node, true)));
  $('result').hidden = false;
}

async function show() {
  const body = request('html');
  delete document.body.dataset.monitored;
  status($('status'), `Bezig met de rapportage van ${body.path}…`);
  try {
    render(await postText('api/monitoring', body));
    clearProblem($('problem'));
    status($('status'), `Rapportage van ${body.path} ${describeRange(body)}.`);
    document.body.dataset.monitored = 'true';
  } catch (error) {
    $('result').hidden = true;
    status($('status'), '');
    showProblem($('problem'), error, 'Rapportage mislukt');
    document.body.dataset.monitored = 'error';
  }
}

async function save(format) {
  try {
    const name = await download('api/monitoring', request(format));
    clearProblem($('problem'));
    status($('status'), `Rapportage gedownload: ${name}.`);
  } catch (error) {
    showProblem($('problem'), error, 'Downloaden mislukt');
  }
}

async function fillChoices() {
  const designs = await api('api/designs');
  const select = form().elements.path;
  fill(select, designs.map(d => el('option', { value: d.path }, d.name ? `${d.name} (${d.path})` : d.path)));
  const requested = queryParameter('pad');
  if (requested && designs.some(d => d.path === requested)) {
    select.value = requested;
  }
  const none = designs.length === 0;
  for (const button of document.querySelectorAll('#show, .downloads button')) {
    button.disabled = none;
  }
  if (none) {
    status($('status'), 'Er staan geen inkoopkaders in de map.');
  }
}

async function start() {
  form().addEventListener('submit', async event => {
    event.preventDefault();
    await show();
  });
  for (const button of document.querySelectorAll('.downloads button')) {
    button.addEventListener('click', () => save(button.dataset.format));
  }
  try {
    await fillChoices();
  } catch (error) {
    showProblem($('problem'), error, 'De lijst met inkoopkaders kon niet worden geladen');
  }
  document.body.dataset.ready = 'true';
}

start();
