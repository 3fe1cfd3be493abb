// @ts-check
// Talking to the moderation API: the moderator's key, requests with problem+json answers read, the Retry-After rule,
// and the one routine every tab loads its list with.
import { say } from './moderation-dom.js';

/**
 * What a request answered. `body` is the parsed JSON (a problem for a 4xx or 5xx), or null when there was none.
 * @typedef {{ status: number, ok: boolean, body: any, etag: string | null, retryAfter: string | null }} Answer
 */

/**
 * @typedef {object} CallOptions
 * @property {string | null} [etag] sent as If-Match
 * @property {unknown} [body] serialized as JSON here
 * @property {string} [text] sent as it is (JSON the moderator wrote)
 */

// The API is one folder up from the page (/api/ui/moderation.html calls /api/moderation/...).
const api = new URL('../', location.href);

/** The key in use, or null when signed out, and the role it has. */
export const session = {
  /** @type {string | null} */
  key: null,
  /** @type {'moderator' | 'admin'} */
  role: 'moderator',
};

/**
 * Whether the signed-in role may do what an element marked `data-needs="admin"` does. The page hides such elements
 * from a moderator (by the body's data-role); the keyboard asks here.
 * @param {HTMLElement | null | undefined} element
 */
export function mayUse(element) {
  return !element || element.dataset.needs !== 'admin' || session.role === 'admin';
}

/** @type {(message: string) => void} */
let signedOut = () => {};

/**
 * What to do when the API stops accepting the key. The dashboard's main module signs out; a hook rather than an import
 * keeps the module graph free of cycles, which the server needs to version each module by the ones it imports.
 * @param {(message: string) => void} handler
 */
export function onKeyRefused(handler) {
  signedOut = handler;
}

/**
 * @param {string} method
 * @param {string} path relative to the API's root
 * @param {CallOptions} [options]
 * @returns {Promise<Answer>} rejects only when the API could not be reached
 */
export async function call(method, path, options = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', Authorization: `Bearer ${session.key}` };
  if (options.etag) headers['If-Match'] = options.etag;
  const payload = options.text !== undefined ? options.text : options.body ? JSON.stringify(options.body) : undefined;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(new URL(path, api), {
    method,
    headers,
    body: payload,
    cache: 'no-store',
  });
  let body = null;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (response.status === 401 && session.key) signedOut('The API no longer accepts this key. Please sign in again.');
  return {
    status: response.status,
    ok: response.ok,
    body,
    etag: response.headers.get('ETag'),
    retryAfter: response.headers.get('Retry-After'),
  };
}

/**
 * Like call(), but a network failure is an answer of null, for callers that report both the same way.
 * @param {string} method
 * @param {string} path
 * @param {CallOptions} [options]
 * @returns {Promise<Answer | null>}
 */
export async function attempt(method, path, options) {
  try {
    return await call(method, path, options);
  } catch {
    return null;
  }
}

/**
 * @typedef {object} LoadPlan
 * @property {{ busy: boolean }} guard a load (or save) already under way makes this one do nothing
 * @property {HTMLElement} panel marked aria-busy while the request is out
 * @property {string} path the GET to send
 * @property {string} [loading] what the status line says meanwhile
 * @property {(answer: Answer | null) => void} failed reports an answer that is not a success (never a 401: the
 *   dashboard has signed out with its own message)
 */

/**
 * The one way a tab loads what it shows: mark the panel busy, GET, and report a failure in the tab's words.
 * @param {LoadPlan} plan
 * @returns {Promise<Answer | null>} the answer when it is a success; null when busy, refused or failed (reported)
 */
export async function loadList(plan) {
  if (plan.guard.busy) return null;
  plan.guard.busy = true;
  plan.panel.setAttribute('aria-busy', 'true');
  say(plan.loading || 'Loading…');
  let answer;
  try {
    answer = await attempt('GET', plan.path);
  } finally {
    plan.guard.busy = false;
    plan.panel.removeAttribute('aria-busy');
  }
  if (answer && answer.ok) return answer;
  if (!answer || answer.status !== 401) plan.failed(answer);
  return null;
}

// ---- Retry-After ----

// The widget (embed.js, one classic script that other sites embed) holds this same function, character for character
// once indented alike; a unit test compares the two texts and a browser test runs both on one table of header values.
/**
 * Retry-After is either seconds or an HTTP date; anything else, or a date already past, means no wait.
 * @param {string | null | undefined} value the header as it came
 * @param {number} now milliseconds since the epoch
 * @returns {number} whole seconds to wait, 0 for none
 */
export function retryAfterSeconds(value, now) {
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The way a retry hint reads: "in 5 seconds" from Retry-After, or "in a moment" without one.
 * @param {Answer | null} answer
 */
export function retryIn(answer) {
  const seconds = retryAfterSeconds(answer && answer.retryAfter, Date.now());
  return seconds > 0 ? `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}` : 'in a moment';
}

// ---- Problems ----

/**
 * The API's reason for a failure, to end a sentence with.
 * @param {Answer | null} answer
 */
export function problemDetail(answer) {
  const detail = answer && answer.body && typeof answer.body.detail === 'string' ? answer.body.detail.replace(/\.$/, '') : '';
  return detail ? `: ${detail}` : '; the API did not answer';
}

/**
 * What went wrong, for a moderator: `what` failed, and why. A 401 never gets here: call() has signed out.
 * @param {Answer | null} answer
 * @param {string} what
 */
export function trouble(answer, what) {
  if (!answer) return `${what}: the API could not be reached. Check that it is running and try again.`;
  if (answer.status === 429) return `${what}: the API has had too many requests from this address. Try again ${retryIn(answer)}.`;
  if (answer.status === 503) return `${what}: the API is briefly unavailable. Try again ${retryIn(answer)}.`;
  return `${what}${problemDetail(answer)}. Try again in a moment.`;
}

/**
 * A validation problem's `errors`, one sentence each, prefixed with where unless the message already names it.
 * @param {Record<string, string | string[]> | null | undefined} errors
 * @returns {string[]}
 */
export function problemsFrom(errors) {
  /** @type {string[]} */
  const problems = [];
  for (const [where, messages] of Object.entries(errors || {})) {
    for (const message of [messages].flat()) {
      problems.push(String(message).startsWith(where) ? String(message) : `${where}: ${message}`);
    }
  }
  return problems;
}
