// @ts-check
// The page's elements by role, and small helpers for building and describing them.
import { dateLocale } from './moderation-i18n.js';
// The dashboard's words, for the modules that already import their helpers from here.
export { t } from './moderation-i18n.js';

/**
 * An element of moderation.html that the dashboard cannot work without.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function $(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`moderation.html has no #${id}`);
  return element;
}

/**
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} selector
 * @returns {T[]}
 */
function all(selector) {
  return /** @type {T[]} */ ([...document.querySelectorAll(selector)]);
}

/** @typedef {string | Node | null | undefined | false} Child */

// The widget (embed.js, one classic script that other sites embed) holds this same function; a unit test compares the texts.
/**
 * Builds an element; string children become text nodes, never markup. Props starting with "on" are listeners.
 * @param {string} tag
 * @param {Record<string, any> | null} [props]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** The parts of the page shared by several modules; each tab's module finds its own panel's parts. */
export const ui = {
  signIn: $('sign-in'),
  keyForm: $('key-form'),
  key: /** @type {HTMLInputElement} */ ($('key')),
  keyError: $('key-error'),
  signOut: $('sign-out'),
  signedInAs: $('signed-in-as'),
  queue: $('queue'),
  tabs: all('[role="tab"]'),
  status: $('status'),
  help: /** @type {HTMLDialogElement} */ ($('help')),
  helpOpen: $('help-open'),
};

/**
 * Announces a message in the status line (a live region).
 * @param {string} message
 */
export function say(message) {
  ui.status.textContent = message;
}

/**
 * The address as a link may carry it, or null for anything but http and https.
 * @param {string} value
 */
export function safeUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A timestamp as the moderator reads dates and times.
 * @param {string | number | Date} value
 */
export function when(value) {
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/**
 * A date input's value for a day, in the moderator's time zone.
 * @param {Date} date
 */
export function dayOf(date) {
  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Takes an entry out of a list shown on the page and, if focus was in it, moves focus to its neighbour or the panel.
 * @template {{ element: HTMLElement }} T
 * @param {T[]} items
 * @param {T} item
 * @param {(neighbour: T) => void} focus
 * @param {HTMLElement} panel
 * @returns {number} where the entry was, or -1 if it was not in the list
 */
export function removeFrom(items, item, focus, panel) {
  const index = items.indexOf(item);
  if (index < 0) return -1;
  const hadFocus = item.element.contains(document.activeElement);
  items.splice(index, 1);
  item.element.remove();
  if (hadFocus) {
    const neighbour = items[index] || items[index - 1];
    if (neighbour) focus(neighbour);
    else panel.focus();
  }
  return index;
}

/**
 * Whether a key press goes to a text field rather than to the dashboard's shortcuts.
 * @param {EventTarget | null} target
 */
export function typingIn(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('textarea, select')) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
