// "Afwijking accepteren": the form that records a waiver for one finding through POST api/waivers. The server checks
// the entry; its problem message (with the fields that are wrong) is shown in the dialog, nothing is retried silently.

import { api, clearProblem, el, fill, showProblem } from './common.js';

let current = null;

function today() {
  const now = new Date();
  const pad = n => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function bind() {
  const dialog = document.getElementById('waiver-dialog');
  const form = document.getElementById('waiver-form');
  document.getElementById('waiver-cancel').addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!current || !form.reportValidity()) {
      return;
    }
    const data = new FormData(form);
    const body = {
      ruleId: current.finding.ruleId,
      subject: current.finding.subject,
      justification: String(data.get('justification')).trim(),
      approvedBy: String(data.get('approvedBy')).trim(),
      expires: String(data.get('expires')),
      decided: today(),
    };
    const reference = String(data.get('reference') ?? '').trim();
    if (reference) {
      body.reference = reference;
    }
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      const result = await api('api/waivers', { method: 'POST', body });
      dialog.close();
      await current.onSaved(result.file);
    } catch (error) {
      showProblem(document.getElementById('waiver-problem'), error, 'De afwijking is niet vastgelegd');
    } finally {
      submit.disabled = false;
    }
  });
  return { dialog, form };
}

let parts;

/** Opens the waiver form for a finding; onSaved(file) runs after the server recorded it. */
export function openWaiverDialog(finding, designPath, onSaved) {
  parts ??= bind();
  current = { finding, designPath, onSaved };
  parts.form.reset();
  clearProblem(document.getElementById('waiver-problem'));
  fill(document.getElementById('waiver-finding'),
    el('strong', {}, finding.ruleId), ` ${finding.title}`, el('br'), `Onderwerp: ${finding.subject}`);
  const expires = document.getElementById('waiver-expires');
  expires.min = today();
  parts.dialog.showModal();
  document.getElementById('waiver-justification').focus();
}
