// Shared code of the workbench pages: the API client (with the session token every non-GET request needs),
// problem display, DOM building without innerHTML (design text is never trusted), debouncing and Dutch labels.

const placeholder = '{{' + 'token}}';
let tokenPromise;

/** The session token: from the page's meta element, or from api/session when the page was not templated. */
function sessionToken() {
  tokenPromise ??= (async () => {
    const meta = document.querySelector('meta[name="procurement-token"]');
    const content = meta ? meta.getAttribute('content') : '';
    if (content && content !== placeholder) {
      return content;
    }
    const response = await fetch('api/session', { headers: { Accept: 'application/json' } });
    return response.ok ? (await response.json()).token : '';
  })();
  return tokenPromise;
}

/** An API error: the server's problem document (RFC 9457) with its HTTP status. */
export class ProblemError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `Verzoek mislukt (HTTP ${status}).`);
    this.problem = problem;
    this.status = status;
  }
}

async function send(path, method, body, signal) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    headers['X-Procurement-Token'] = await sessionToken();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ProblemError({ title: 'De werkbank is niet bereikbaar.', detail: 'Draait procurement-rules serve nog?' }, 0);
  }
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = { title: `Verzoek mislukt (HTTP ${response.status}).` };
    }
    throw new ProblemError(problem, response.status);
  }
  return response;
}

/** Calls the JSON API under the page's own prefix (relative url) and returns the parsed body. */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const response = await send(path, method, body, signal);
  return response.status === 204 ? null : response.json();
}

/** Posts to an API that returns a file and gives its text (to show it in the page rather than download it). */
export async function postText(path, body) {
  const response = await send(path, 'POST', body);
  return response.text();
}

/** Posts to an API that returns a file and hands it to the browser as a download. */
export async function download(path, body) {
  const response = await send(path, 'POST', body);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const fileName = match ? decodeURIComponent(match[1] || match[2]) : 'rapport';
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return fileName;
}

/** Builds an element: attributes (on* functions become listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'className') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (strings become text; null, undefined and false are skipped). */
export function append(element, children) {
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces the children of an element. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Calls fn after the calls stopped for ms milliseconds. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Shows an error (a ProblemError with positioned errors, or any other error) in a container with role=alert. */
export function showProblem(container, error, prefix) {
  const problem = error instanceof ProblemError ? error.problem : { title: error.message || String(error) };
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  fill(container,
    el('p', { className: 'problem-title' }, prefix ? `${prefix}: ` : '', problem.title || 'Er ging iets mis.'),
    problem.detail && problem.detail !== problem.title ? el('p', {}, problem.detail) : null,
    errors.length > 0 ? el('ul', {}, errors.map(e => el('li', {}, describeDiagnostic(e)))) : null);
  container.hidden = false;
}

/** Clears an error container. */
export function clearProblem(container) {
  container.replaceChildren();
  container.hidden = true;
}

/** "regel 4, kolom 7: message" for a diagnostic or load error. */
export function describeDiagnostic(diagnostic) {
  const where = diagnostic.line ? `regel ${diagnostic.line}, kolom ${diagnostic.column || 1}` : '';
  const file = diagnostic.file ? `${diagnostic.file} ` : '';
  const code = diagnostic.code ? ` [${diagnostic.code}]` : '';
  return `${file}${where}${where ? ': ' : ''}${diagnostic.message}${code}`;
}

export const severityLabels = { error: 'fout', warning: 'waarschuwing', info: 'info' };
export const outcomeLabels = { held: 'voldaan', failed: 'niet voldaan', threw: 'fout bij evalueren' };
export const changeLabels = { new: 'nieuw', resolved: 'opgelost', changed: 'gewijzigd' };

/** A small coloured count badge, e.g. "3 fouten". */
export function countBadge(severity, count) {
  const words = { error: ['fout', 'fouten'], warning: ['waarschuwing', 'waarschuwingen'], info: ['info', 'info'],
    waived: ['afwijking', 'afwijkingen'] };
  const [one, many] = words[severity];
  return el('span', { className: `badge badge-${severity}${count === 0 ? ' badge-zero' : ''}` },
    `${count} ${count === 1 ? one : many}`);
}

/** Badges for a Counts object { error, warning, info, waived }. */
export function countBadges(counts) {
  const badges = ['error', 'warning', 'info'].map(s => countBadge(s, counts?.[s] ?? 0));
  if (counts?.waived) {
    badges.push(countBadge('waived', counts.waived));
  }
  return el('span', { className: 'badges' }, badges);
}

/** Writes a status text into an aria-live element. */
export function status(element, text) {
  element.textContent = text;
}

/** Reads a query parameter of the page url. */
export function queryParameter(name) {
  return new URLSearchParams(window.location.search).get(name);
}
