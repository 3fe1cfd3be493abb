// @ts-check
// On a published comment's card: a public reply, in the moderator's own name or the article author's, published at
// once with its badge; and the pin that lists the comment first on the article's page.
import { attempt } from './moderation-api.js';
import { h, say } from './moderation-dom.js';

// The strings of this module, together so that they can move into a message table.
const TEXT = {
  reply: 'Reply publicly…',
  replyLabel: 'Your public reply',
  asAuthor: 'Reply as the article’s author',
  send: 'Publish reply',
  cancel: 'Cancel',
  published: (/** @type {string} */ name, /** @type {string} */ badge) => `Reply published as ${name} (${badge}).`,
  failed: (/** @type {string} */ why) => `The reply was not published: ${why}`,
  pin: 'Pin',
  unpin: 'Unpin',
  pinned: 'Pinned: it is listed first on the article’s page.',
  unpinned: 'Unpinned.',
  pinFailed: (/** @type {string} */ why) => `The pin did not change: ${why}`,
  noAnswer: 'the API did not answer',
};

/**
 * @typedef {object} PublicItem
 * @property {string} id
 * @property {string} slug
 * @property {string} author
 * @property {string} status
 * @property {boolean} [pinned]
 * @property {string | null} notice
 */

/**
 * The reply form and the pin button of an approved comment; nothing for a comment readers cannot see.
 * @param {PublicItem} item
 * @param {string} path the comment's route under the API
 * @param {(item: any) => void} show puts the item's notice on its card
 * @returns {HTMLElement | null}
 */
export function publicActionsFor(item, path, show) {
  if (item.status !== 'approved') return null;
  const textId = `public-reply-${item.id}`;
  const authorId = `public-reply-author-${item.id}`;
  const text = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: textId, rows: '5', maxlength: '5000', required: true }));
  const asAuthor = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: authorId }));
  const open = h('button', { type: 'button', 'data-action': 'public-reply' }, TEXT.reply);
  const pin = h('button', { type: 'button', 'data-action': 'pin', 'aria-pressed': item.pinned ? 'true' : 'false' }, item.pinned ? TEXT.unpin : TEXT.pin);
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'public-reply-form', novalidate: true, hidden: true },
    h('label', { for: textId }, TEXT.replyLabel), text,
    h('div', { class: 'check' }, asAuthor, h('label', { for: authorId }, TEXT.asAuthor)),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, TEXT.send),
      h('button', { type: 'button', class: 'quiet', onclick: close }, TEXT.cancel))));
  let busy = false;

  function close() {
    form.hidden = true;
    open.focus();
  }

  /** @param {string} message */
  function tell(message) {
    item.notice = message;
    show(item);
    say(message);
  }

  open.addEventListener('click', () => {
    form.hidden = false;
    text.focus();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy || !text.value.trim()) {
      text.focus();
      return;
    }
    busy = true;
    const answer = await attempt('POST', `${path}/replies`, { body: { body: text.value, asAuthor: asAuthor.checked } });
    busy = false;
    if (answer && answer.status === 401) return;
    if (answer && answer.ok) {
      text.value = '';
      asAuthor.checked = false;
      form.hidden = true;
      tell(TEXT.published(answer.body.author, answer.body.badge));
      open.focus();
    } else {
      tell(TEXT.failed(answer && answer.body && answer.body.detail ? answer.body.detail : TEXT.noAnswer));
    }
  });
  pin.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    const pinning = pin.getAttribute('aria-pressed') !== 'true';
    const answer = await attempt(pinning ? 'PUT' : 'DELETE', `${path}/pin`, {});
    busy = false;
    if (answer && answer.status === 401) return;
    if (answer && answer.ok) {
      item.pinned = answer.body.pinned === true;
      pin.setAttribute('aria-pressed', item.pinned ? 'true' : 'false');
      pin.textContent = item.pinned ? TEXT.unpin : TEXT.pin;
      tell(item.pinned ? TEXT.pinned : TEXT.unpinned);
    } else {
      tell(TEXT.pinFailed(answer && answer.body && answer.body.detail ? answer.body.detail : TEXT.noAnswer));
    }
  });
  return h('div', { class: 'public-actions' }, h('div', { class: 'actions' }, open, pin), form);
}
