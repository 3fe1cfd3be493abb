// @ts-check
// The Settings tab: the word lists, thresholds and rules as JSON, saved with If-Match so that nobody overwrites a
// change they have not seen; and, below, what the classifier in force was trained on and how it scored, with a button
// that asks for a retrain and shows its report when it is in.
import { attempt, loadList, problemDetail, problemsFrom, trouble } from './moderation-api.js';
import { $, h, say, when } from './moderation-dom.js';

export const panel = $('settings-panel');
const parts = {
  form: $('settings-form'),
  json: /** @type {HTMLTextAreaElement} */ ($('settings-json')),
  feedback: $('settings-feedback'),
  message: $('settings-message'),
  errors: $('settings-errors'),
  reload: $('settings-reload'),
  version: $('settings-version'),
  model: $('model-info'),
  retrain: /** @type {HTMLButtonElement} */ ($('model-retrain')),
  retrainStatus: $('model-retrain-status'),
};

/** How often, and for how long, the tab looks for the report of a retrain it asked for. */
const RETRAIN_POLL_MS = 5000;
const RETRAIN_WAIT_MS = 15 * 60 * 1000;

/**
 * The settings as loaded (to tell unsaved edits) and their ETag, sent as If-Match when saving.
 * @type {{ text: string | null, etag: string | null, busy: boolean }}
 */
const settings = { text: null, etag: null, busy: false };

export function init() {
  parts.form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  parts.reload.addEventListener('click', reload);
  parts.retrain.addEventListener('click', retrain);
}

/** Loaded once; coming back to the tab keeps unsaved edits. Reload asks for a fresh copy. */
export async function show() {
  if (settings.etag === null) await load();
}

/** Forgets the settings shown (on signing out). */
export function reset() {
  settings.text = null;
  settings.etag = null;
  parts.json.value = '';
  clearFeedback();
}

function clearFeedback() {
  parts.feedback.hidden = true;
  parts.feedback.className = 'feedback';
  parts.message.textContent = '';
  parts.errors.replaceChildren();
  parts.errors.hidden = true;
  parts.json.removeAttribute('aria-invalid');
}

/**
 * Shows what happened under the text box and announces it; problems become a list.
 * @param {'error' | 'success'} kind
 * @param {string} message
 * @param {string[]} [problems]
 * @param {string} [announce] what the status line says instead of the message
 */
function feedback(kind, message, problems, announce) {
  clearFeedback();
  parts.feedback.className = `feedback ${kind}`;
  parts.message.textContent = message;
  if (problems && problems.length) {
    parts.errors.replaceChildren(...problems.map((problem) => h('li', {}, problem)));
    parts.errors.hidden = false;
  }
  if (kind === 'error') parts.json.setAttribute('aria-invalid', 'true');
  parts.feedback.hidden = false;
  say(announce || message);
}

/** @param {string} etag */
function showVersion(etag) {
  parts.version.textContent = etag === '"defaults"'
    ? 'The shipped defaults are in force; nobody has saved settings yet.'
    : `Version ${etag}`;
}

/**
 * @param {string} text as the API answered it, indented
 * @param {string} etag
 */
function showSettings(text, etag) {
  parts.json.value = text;
  settings.text = text;
  settings.etag = etag;
  showVersion(etag);
}

async function load() {
  const loaded = await loadList({
    guard: settings,
    panel,
    path: 'moderation/settings',
    loading: 'Loading the settings…',
    failed: () => feedback('error', 'The settings could not be loaded. Try Reload in a moment.'),
  });
  if (!loaded) return;
  showSettings(JSON.stringify(loaded.body, null, 2), loaded.etag);
  clearFeedback();
  say('Settings loaded.');
  await loadModel();
}

// The classifier in force (GET /moderation/model): version, when and on what it was trained, how it scored.
// Answers the time of the last retrain's report, or null when there is none or the model could not be asked.
async function loadModel() {
  const answer = await attempt('GET', 'moderation/model');
  if (!answer || !answer.ok) {
    parts.model.replaceChildren(h('p', {}, 'The classifier could not be asked about its model.'));
    return null;
  }
  showModel(answer.body);
  return answer.body.lastRetrain ? answer.body.lastRetrain.at : null;
}

/** @param {any} m the answer of GET /moderation/model */
function showModel(m) {
  /** @param {number} share */
  const percent = (share) => `${Math.round(share * 1000) / 10}%`;
  /** @param {{ name: string, items: Record<string, number> }} s */
  const trainedOn = (s) => `${s.name} (${Object.entries(s.items).map(([k, n]) => `${n} ${k}`).join(', ')})`;
  const lines = [
    h('p', {}, `Classifier model ${m.version} (${m.origin}), trained ${when(m.trainedAt)} on ${m.trainedOn.map(trainedOn).join('; ')}.`),
    h('ul', {}, ...m.evaluation.map((/** @type {any} */ e) =>
      h('li', {}, `${e.score} on ${e.set}: precision ${percent(e.precision)}, recall ${percent(e.recall)} at ${e.threshold}`))),
  ];
  if (m.state === 'degraded') lines.push(h('p', { class: 'warning' }, `Degraded: ${m.problem}`));
  if (m.lastRetrain) {
    lines.push(h('p', {}, `Last retrain ${when(m.lastRetrain.at)}: ${m.lastRetrain.published ? 'published' : 'not published'}. ${m.lastRetrain.notes.join(' ')}`));
  }
  parts.model.replaceChildren(...lines);
}

/**
 * Asks for a retrain (POST /moderation/model/retrain answers 202 at once; training takes a minute or two on a
 * worker), then looks for a report newer than the one shown until it comes, and shows it.
 */
async function retrain() {
  if (parts.retrain.disabled) return;
  parts.retrain.disabled = true;
  try {
    const before = await loadModel();
    const answer = await attempt('POST', 'moderation/model/retrain');
    if (answer && answer.status === 401) return;
    if (!answer || answer.status !== 202) {
      retrainStatus(trouble(answer, 'The retrain could not be started'));
      return;
    }
    retrainStatus('Retraining. This takes a minute or two; the report will show above.');
    const deadline = Date.now() + RETRAIN_WAIT_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, RETRAIN_POLL_MS));
      const latest = await loadModel();
      if (latest !== null && latest !== before) {
        retrainStatus('The retrain has finished; its report is above.');
        return;
      }
    }
    retrainStatus('No report yet. The retrain may still be running: reload the settings later to see it.');
  } finally {
    parts.retrain.disabled = false;
  }
}

/** @param {string} message shown beside the button and announced */
function retrainStatus(message) {
  parts.retrainStatus.textContent = message;
  say(message);
}

/** @param {boolean} busy */
function setBusy(busy) {
  settings.busy = busy;
  if (busy) panel.setAttribute('aria-busy', 'true');
  else panel.removeAttribute('aria-busy');
}

async function save() {
  if (settings.busy) return;
  const text = parts.json.value;
  try {
    JSON.parse(text);
  } catch (error) {
    feedback('error', `This is not valid JSON, so nothing was sent: ${error.message}`);
    parts.json.focus();
    return;
  }
  if (settings.etag === null) {
    feedback('error', 'The settings in force have not been loaded yet, so nothing was sent. Press Reload first.');
    return;
  }
  setBusy(true);
  say('Saving…');
  const answer = await attempt('PUT', 'moderation/settings', { etag: settings.etag, text });
  setBusy(false);
  if (answer && answer.status === 401) return;
  if (answer && answer.ok) {
    showSettings(JSON.stringify(answer.body, null, 2), answer.etag);
    feedback('success', 'Saved; workers use it within a minute.');
    return;
  }
  if (answer && answer.status === 400) {
    const problems = problemsFrom(answer.body && answer.body.errors);
    const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
    feedback('error', 'Nothing was saved. Fix these and save again:', problems,
      `Nothing was saved: ${count}, listed below the settings.`);
    return;
  }
  if (answer && answer.status === 409) {
    feedback('error', 'Someone else changed the settings since you loaded them, so yours were not saved. '
      + 'Reload to see theirs, then make your change again (copy your edits first if you need them).');
    parts.reload.focus();
    return;
  }
  feedback('error', `The settings could not be saved${problemDetail(answer)}. Try again in a moment.`);
}

function reload() {
  const edited = settings.text !== null && parts.json.value !== settings.text;
  if (edited && !confirm('Throw away your unsaved changes and load the settings in force?')) return;
  load();
}
