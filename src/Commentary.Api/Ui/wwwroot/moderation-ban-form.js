// @ts-check
// The Bans tab's form: ban an email address or an IP hash with a reason, for good or until a day. Filled in from a
// comment's "Ban author…" (or b), it offers that comment's email and, one choice away, its IP hash.
import { attempt, problemsFrom, trouble } from './moderation-api.js';
import { added, banned } from './moderation-bans.js';
import { $, dayOf, h, say, when } from './moderation-dom.js';

/** @typedef {'email' | 'ip'} Kind */

/**
 * What the form asks for, by the kind chosen; `field` is the request's member the value goes in.
 * @type {Record<Kind, { field: string, label: string, type: string, note: string, missing: string }>}
 */
const KINDS = {
  email: {
    field: 'email', label: 'Email address', type: 'email',
    note: 'Comments from this address are rejected from now on.',
    missing: 'Enter the email address to ban.',
  },
  ip: {
    field: 'ipHash', label: 'IP hash', type: 'text',
    note: 'The 64-character ipHash of a comment (the address itself is never stored). Comments from that address are rejected from now on.',
    missing: 'Enter the IP hash to ban, as a comment shows it.',
  },
};

/** @typedef {'value' | 'reason' | 'expires'} FieldName */

/**
 * The form's fields, each with the error shown next to it.
 * @type {Record<FieldName, { input: HTMLInputElement, error: HTMLElement }>}
 */
const FIELDS = {
  value: { input: /** @type {HTMLInputElement} */ ($('ban-value')), error: $('ban-value-error') },
  reason: { input: /** @type {HTMLInputElement} */ ($('ban-reason')), error: $('ban-reason-error') },
  expires: { input: /** @type {HTMLInputElement} */ ($('ban-expires')), error: $('ban-expires-error') },
};
/**
 * The API's `errors` name the request's members; these are the fields they belong to.
 * @type {Record<string, FieldName>}
 */
const ERROR_FIELDS = { email: 'value', ipHash: 'value', reason: 'reason', expiresAt: 'expires' };

const form = /** @type {HTMLFormElement} */ ($('ban-form'));
const parts = {
  source: $('ban-source'),
  kinds: /** @type {HTMLInputElement[]} */ ([...form.querySelectorAll('input[name="ban-kind"]')]),
  valueLabel: $('ban-value-label'),
  valueNote: $('ban-value-note'),
  feedback: $('ban-feedback'),
  message: $('ban-message'),
  problems: $('ban-problems'),
};

/**
 * `source` is the comment the form was filled in from, if any.
 * @type {{ busy: boolean, source: { email: string, ipHash: string | null } | null }}
 */
const state = { busy: false, source: null };

export function init() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    add();
  });
  for (const radio of parts.kinds) radio.addEventListener('change', () => setKind(/** @type {Kind} */ (radio.value)));
  // Typing in the value makes it the moderator's own: switching the kind no longer swaps in the comment's identity.
  FIELDS.value.input.addEventListener('input', () => {
    state.source = null;
    showSource('');
  });
}

/** Before the tab shows: no day before today can be chosen. */
export function prepare() {
  FIELDS.expires.input.min = dayOf(new Date());
}

/** Empties the form and forgets the comment it came from. */
export function reset() {
  form.reset();
  state.source = null;
  showSource('');
  setKind('email');
  clearErrors();
}

/**
 * Fills in the form from a comment: the author's email, ready for a reason (the caller shows the tab).
 * @param {{ email: string, ipHash?: string, author: string, slug: string }} item
 */
export function fillFrom(item) {
  state.source = { email: item.email, ipHash: item.ipHash || null };
  for (const radio of parts.kinds) radio.checked = radio.value === 'email';
  clearErrors();
  setKind('email');
  showSource(item.ipHash
    ? `Filled in from the comment by ${item.author} on ${item.slug}. Choose “An IP hash” to ban the address it came from instead.`
    : `Filled in from the comment by ${item.author} on ${item.slug}.`);
}

/** Where the moderator goes next once the form is filled in from a comment. */
export function focusReason() {
  FIELDS.reason.input.focus();
}

function clearErrors() {
  for (const field of Object.values(FIELDS)) {
    field.input.removeAttribute('aria-invalid');
    field.error.textContent = '';
  }
  parts.feedback.hidden = true;
  parts.message.textContent = '';
  parts.problems.replaceChildren();
  parts.problems.hidden = true;
}

/**
 * @param {FieldName} name
 * @param {string} message
 */
function fieldError(name, message) {
  const field = FIELDS[name];
  field.input.setAttribute('aria-invalid', 'true');
  field.error.textContent = field.error.textContent ? `${field.error.textContent} ${message}` : message;
}

/**
 * A problem that belongs to no field, under the form.
 * @param {string} message
 * @param {string[]} [problems]
 */
function feedback(message, problems) {
  parts.message.textContent = message;
  if (problems && problems.length) {
    parts.problems.replaceChildren(...problems.map((problem) => h('li', {}, problem)));
    parts.problems.hidden = false;
  }
  parts.feedback.hidden = false;
}

// After a refusal: the first field with an error gets focus, and one sentence says where the problems are.
function reportErrors() {
  const invalid = Object.values(FIELDS).filter((field) => field.input.getAttribute('aria-invalid') === 'true');
  if (invalid.length === 0) {
    say('Nothing was banned: the problems are listed below the form.');
    return;
  }
  invalid[0].input.focus();
  const count = `${invalid.length} ${invalid.length === 1 ? 'problem' : 'problems'}`;
  say(`Nothing was banned: ${count}, shown next to the ${invalid.length === 1 ? 'field' : 'fields'}.`);
}

/** @param {string} text */
function showSource(text) {
  // Emptied when hidden, so that nothing stale is read out.
  parts.source.textContent = text || '';
  parts.source.hidden = !text;
}

/**
 * Labels the value field for the kind chosen. A form filled in from a comment swaps in that comment's other identity.
 * @param {Kind} kind
 */
function setKind(kind) {
  const words = KINDS[kind];
  const value = FIELDS.value.input;
  parts.valueLabel.textContent = words.label;
  parts.valueNote.textContent = words.note;
  value.type = words.type;
  if (state.source) value.value = (kind === 'email' ? state.source.email : state.source.ipHash) || '';
  value.removeAttribute('aria-invalid');
  FIELDS.value.error.textContent = '';
}

/** @returns {Kind} */
function chosenKind() {
  const chosen = parts.kinds.find((radio) => radio.checked);
  return chosen ? /** @type {Kind} */ (chosen.value) : 'email';
}

/**
 * The end of the chosen day in the moderator's time zone, as the API's timestamp; null for none; or a field error.
 * @param {HTMLInputElement} input
 * @returns {{ value?: string | null, error?: string }}
 */
function expiryFrom(input) {
  if (input.validity.badInput) return { error: 'Enter a whole date (day, month and year), or leave it empty for a ban that never lapses.' };
  if (!input.value) return { value: null };
  const [year, month, day] = input.value.split('-').map(Number);
  const end = new Date(year, month - 1, day, 23, 59, 59, 999);
  if (Number.isNaN(end.getTime())) return { error: 'This is not a date.' };
  if (end.getTime() <= Date.now()) return { error: 'Choose today or a later day: a ban that has already lapsed stops nobody.' };
  return { value: end.toISOString() };
}

async function add() {
  if (state.busy) return;
  clearErrors();
  const kind = chosenKind();
  const value = FIELDS.value.input.value.trim();
  const expiry = expiryFrom(FIELDS.expires.input);
  // The form checks only what it shapes itself (which field, the date); the API checks the address, hash and reason.
  if (!value) fieldError('value', KINDS[kind].missing);
  if (expiry.error) fieldError('expires', expiry.error);
  if (!value || expiry.error) {
    reportErrors();
    return;
  }
  /** @type {Record<string, string | null>} */
  const body = { reason: FIELDS.reason.input.value.trim(), expiresAt: expiry.value };
  body[KINDS[kind].field] = kind === 'ip' ? value.toLowerCase() : value;

  state.busy = true;
  form.setAttribute('aria-busy', 'true');
  say('Adding the ban…');
  const answer = await attempt('POST', 'moderation/bans', { body });
  state.busy = false;
  form.removeAttribute('aria-busy');
  if (answer && answer.status === 401) return;
  if (answer && answer.ok) {
    const ban = { ...answer.body, busy: false };
    const replaced = added(ban);
    reset();
    const until = ban.expiresAt ? ` until ${when(ban.expiresAt)}` : ' for good';
    say(`${replaced ? 'Replaced the ban on' : 'Banned'} ${banned(ban)}${until}.`);
    return;
  }
  if (answer && answer.status === 400 && answer.body && answer.body.errors) {
    /** @type {Record<string, string | string[]>} */
    const others = {};
    for (const [member, messages] of Object.entries(answer.body.errors)) {
      const field = ERROR_FIELDS[member];
      if (field) fieldError(field, [messages].flat().join(' '));
      else others[member] = /** @type {string | string[]} */ (messages);
    }
    const problems = problemsFrom(others);
    if (problems.length) feedback('The API also said:', problems);
    reportErrors();
    return;
  }
  const message = trouble(answer, 'Nothing was banned');
  feedback(message);
  say(message);
}
