// @ts-check
// The Poison tab: submissions the worker could never process, oldest first (up to 32); requeue or discard each.
import { attempt, loadList, problemDetail } from './moderation-api.js';
import { $, h, removeFrom, say, when } from './moderation-dom.js';

/**
 * A poison message as the list holds it.
 * @typedef {object} Message
 * @property {string} messageId
 * @property {string} text what the queue held, exactly
 * @property {string} [insertedOn]
 * @property {string} [commentId]
 * @property {string} [slug]
 * @property {boolean} busy
 * @property {HTMLElement} [notice]
 * @property {HTMLElement} [article]
 * @property {HTMLElement} element
 */

export const panel = $('poison-panel');
const parts = { refresh: $('poison-refresh'), summary: $('poison-summary'), items: $('poison-items'), empty: $('poison-empty') };

/** @type {{ items: Message[], busy: boolean }} */
const poison = { items: [], busy: false };

export function init() {
  panel.tabIndex = -1;
  parts.refresh.addEventListener('click', () => load());
}

/** Forgets the messages shown (on signing out). */
export function reset() {
  poison.items = [];
  parts.items.replaceChildren();
}

export async function load() {
  const loaded = await loadList({
    guard: poison,
    panel,
    path: 'moderation/poison',
    failed: () => say('The poison queue could not be loaded. Try Refresh in a moment.'),
  });
  if (!loaded) return;
  poison.items = loaded.body.items.map((/** @type {any} */ message) => ({ ...message, busy: false }));
  parts.items.replaceChildren(...poison.items.map(elementFor));
  renderChrome();
  say('');
}

function renderChrome() {
  const count = poison.items.length;
  parts.empty.hidden = count > 0;
  parts.summary.textContent = count === 0 ? '' : `${count} ${count === 1 ? 'message' : 'messages'}${count >= 32 ? ' (the oldest 32; handle some to see more)' : ''}`;
}

/**
 * JSON (what a submission is) is shown indented to be readable; anything else exactly as it is. Text only, always.
 * @param {string} text
 */
function readable(text) {
  try {
    const parsed = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? JSON.stringify(parsed, null, 2) : text;
  } catch {
    return text;
  }
}

/**
 * @param {string} term
 * @param {string | Node} value
 * @param {boolean} [code]
 */
function fact(term, value, code) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, code ? h('code', {}, value) : value));
}

/** @param {Message} message */
function elementFor(message) {
  const queued = message.insertedOn ? h('time', { datetime: message.insertedOn }, when(message.insertedOn)) : 'unknown';
  const title = message.slug ? `A comment on ${message.slug}` : 'A message that cannot be read';
  message.notice = h('p', { class: 'notice', role: 'note', hidden: true });
  message.article = h('article', { class: 'card', tabindex: '-1', 'aria-label': `Poison message ${message.messageId}` },
    h('div', { class: 'head' }, h('strong', { class: 'who' }, title)),
    h('dl', { class: 'facts' },
      fact('Message', message.messageId, true),
      fact('Queued', queued),
      fact('Comment', message.commentId || 'unknown', Boolean(message.commentId)),
      fact('Article', message.slug || 'unknown', Boolean(message.slug))),
    h('details', { class: 'text' }, h('summary', {}, 'Message text'), h('pre', {}, readable(message.text))),
    message.notice,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => handle(message, 'requeue') }, 'Requeue'),
      h('button', {
        type: 'button',
        class: 'danger-text',
        onclick: () => {
          if (confirm(`Discard poison message ${message.messageId} for good? What it carries will never be stored.`)) handle(message, 'discard');
        },
      }, 'Discard')));
  message.element = h('li', { class: 'item', 'data-message-id': message.messageId }, message.article);
  return message.element;
}

/** @param {Message} message */
function remove(message) {
  if (removeFrom(poison.items, message, (neighbour) => neighbour.article.focus(), panel) < 0) return;
  renderChrome();
}

/**
 * @param {Message} message
 * @param {'requeue' | 'discard'} action
 */
async function handle(message, action) {
  if (message.busy) return;
  message.busy = true;
  const route = `moderation/poison/${encodeURIComponent(message.messageId)}`;
  say(action === 'requeue' ? 'Requeuing…' : 'Discarding…');
  const answer = action === 'requeue' ? await attempt('POST', `${route}/requeue`) : await attempt('DELETE', route);
  message.busy = false;
  if (answer && answer.status === 401) return;
  if (answer && answer.ok) {
    remove(message);
    say(action === 'requeue'
      ? `Requeued message ${message.messageId}; the worker will try it again.`
      : `Discarded message ${message.messageId}.`);
    return;
  }
  if (answer && answer.status === 404) {
    remove(message);
    say(`Message ${message.messageId} was already handled (requeued or discarded, perhaps by someone else); it has been removed from the list.`);
    return;
  }
  const detail = problemDetail(answer);
  message.notice.textContent = `This message could not be ${action === 'requeue' ? 'requeued' : 'discarded'}${detail}. Try again in a moment.`;
  message.notice.hidden = false;
  say(message.notice.textContent);
}
