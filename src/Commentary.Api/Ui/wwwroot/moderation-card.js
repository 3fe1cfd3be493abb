// @ts-check
// One comment in a list: its card, its reject form and, for comments in the crisis lane, the resources the writer was
// shown and a private reply by email (never sent automatically).
import { attempt } from './moderation-api.js';
import { h, safeUrl, say, t, when } from './moderation-dom.js';
import { historyFor } from './moderation-history.js';
import { publicActionsFor } from './moderation-public-reply.js';

/** @typedef {'approve' | 'reject' | 'delete'} Action */

/**
 * A comment as a list holds it: the API's record, whether it is selected, and the elements that show it.
 * @typedef {object} Item
 * @property {string} id
 * @property {string} slug
 * @property {string} author
 * @property {string} email
 * @property {string} [website]
 * @property {string} [ipHash]
 * @property {string} html escaped by the API, paragraphs and links added
 * @property {string} etag
 * @property {string} status
 * @property {string} created
 * @property {string} [parentId]
 * @property {'urgent' | 'normal'} [priority]
 * @property {number} score
 * @property {{ rule: string, detail: string }[]} [reasons]
 * @property {{ approved: number, pending: number, rejected: number }} [history]
 * @property {string} [moderatedBy]
 * @property {string} [moderatedAt]
 * @property {string} [statusNote]
 * @property {any} [crisis] what the crisis lane showed the writer, and a reply to send
 * @property {boolean} selected
 * @property {string | null} notice shown on the card after a refused action or a private reply
 * @property {HTMLElement | null} element
 * @property {HTMLElement} [article]
 * @property {HTMLInputElement} [checkbox]
 * @property {HTMLElement} [noticeElement]
 * @property {HTMLFormElement} [rejectForm]
 * @property {HTMLInputElement} [reason]
 * @property {HTMLFormElement} [replyForm]
 * @property {HTMLInputElement} [replySubject]
 * @property {HTMLTextAreaElement} [replyText]
 * @property {boolean} [replying]
 * @property {boolean} [pinned]
 * @property {string} [badge] 'author' or 'moderator' on a reply from the dashboard
 */

/**
 * What a card's buttons do; the list module decides, the main module knows how to open the Bans tab.
 * @typedef {object} CardHandlers
 * @property {Action[]} actions what the current list allows
 * @property {(item: Item, action: Action, reason?: string) => void} decide
 * @property {(item: Item) => void} ban
 * @property {(item: Item, selected: boolean) => void} select
 */

/** @type {Record<Action, { button: string, done: string, failed: string }>} */
export const ACTION_WORDS = {
  approve: { button: 'Approve', done: 'Approved', failed: 'approved' },
  reject: { button: 'Reject', done: 'Rejected', failed: 'rejected' },
  delete: { button: 'Delete', done: 'Deleted', failed: 'deleted' },
};

/**
 * The comment's route under the API.
 * @param {Item} item
 */
export function commentPath(item) {
  return `moderation/comments/${encodeURIComponent(item.slug)}/${encodeURIComponent(item.id)}`;
}

/**
 * The list entry for a comment, built once and kept with it.
 * @param {Item} item
 * @param {CardHandlers} handlers
 * @returns {HTMLElement}
 */
export function elementFor(item, handlers) {
  if (item.element) {
    renderNotice(item);
    return item.element;
  }
  const website = item.website && safeUrl(item.website);
  const select = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', class: 'select', 'aria-label': t('selectComment', { name: item.author }) }));
  select.checked = item.selected;
  select.addEventListener('change', () => handlers.select(item, select.checked));
  item.checkbox = select;

  const reasons = item.reasons && item.reasons.length
    ? h('ul', { class: 'reasons', 'aria-label': t('whyHeld') },
      item.reasons.map((reason) => h('li', {}, h('span', { class: 'rule' }, reason.rule), ' ', reason.detail)))
    : null;
  const history = item.history
    ? h('p', { class: 'history' }, t('history', { approved: item.history.approved, pending: item.history.pending, rejected: item.history.rejected }))
    : null;
  const decider = { name: item.moderatedBy, when: item.moderatedAt && when(item.moderatedAt) };
  const decided = item.moderatedBy
    ? h('p', { class: 'decided' }, item.status === 'rejected' ? t('rejectedBy', decider) : t('approvedBy', decider),
      item.statusNote ? `: ${item.statusNote}` : '')
    : null;
  const body = h('div', { class: 'body', dir: 'auto' });
  // Safe by contract: the API escapes all of the comment's text and adds only its fixed Markdown subset of elements.
  body.innerHTML = item.html;

  const rejectForm = rejectFormFor(item, handlers);
  const crisis = item.crisis ? crisisFor(item) : null;
  const actions = h('div', { class: 'actions' }, handlers.actions.map((action) =>
    h('button', {
      type: 'button',
      class: action === 'approve' ? 'primary' : action === 'delete' ? 'danger-text' : '',
      'data-action': action,
      'data-needs': action === 'delete' ? 'admin' : null,
      onclick: () => {
        if (action === 'reject') openReject(item);
        else if (action !== 'delete' || confirm(t('confirmDelete', { name: item.author }))) handlers.decide(item, action);
      },
    }, action === 'approve' ? t('approve') : action === 'reject' ? t('reject') : t('delete'))),
  h('button', { type: 'button', class: 'quiet', 'data-action': 'ban', 'data-needs': 'admin', onclick: () => handlers.ban(item) }, t('banAuthor')));

  item.noticeElement = h('p', { class: 'notice', role: 'note', hidden: true });
  const article = h('article', { class: 'card', tabindex: '-1', 'aria-label': t('commentOn', { name: item.author, slug: item.slug }) },
    h('div', { class: 'head' },
      select,
      item.priority === 'urgent' ? h('span', { class: 'badge urgent' }, t('urgent')) : null,
      h('strong', { class: 'who' }, item.author),
      item.badge ? h('span', { class: 'badge' }, item.badge === 'author' ? 'Author' : 'Moderator') : null,
      item.pinned ? h('span', { class: 'badge' }, 'Pinned') : null,
      h('span', { class: 'email' }, item.email),
      website ? h('a', { href: website, rel: 'nofollow ugc noopener noreferrer' }, new URL(website).host) : null),
    h('p', { class: 'where' }, t('onArticle').split('{slug}').flatMap((part, i) => (i ? [h('span', { class: 'slug', dir: 'auto' }, item.slug), part] : [part])),
      item.parentId ? ` · ${t('isReply')}` : '', ' · ',
      h('time', { datetime: item.created }, when(item.created))),
    item.noticeElement,
    body,
    reasons,
    crisis,
    h('p', { class: 'meta' }, t('score', { score: item.score })),
    history,
    decided,
    historyFor(commentPath(item)),
    actions,
    publicActionsFor(item, commentPath(item), renderNotice),
    rejectForm);
  item.element = h('li', { class: item.priority === 'urgent' ? 'item urgent' : 'item', 'data-id': item.id, 'data-slug': item.slug }, article);
  item.article = article;
  renderNotice(item);
  return item.element;
}

/** @param {Item} item */
export function renderNotice(item) {
  item.noticeElement.hidden = !item.notice;
  item.noticeElement.textContent = item.notice || '';
}

// ---- The crisis lane ----

/** @param {Item} item */
function crisisFor(item) {
  const set = item.crisis.resources;
  /** @param {{ phone?: string, sms?: string, url?: string }} resource */
  const ways = (resource) => [resource.phone && `call ${resource.phone}`, resource.sms && `text ${resource.sms}`, resource.url]
    .filter(Boolean).join(' · ');
  item.replyForm = replyFormFor(item);
  return h('section', { class: 'crisis', 'aria-label': `Crisis resources for ${item.author}` },
    h('p', { class: 'crisis-shown' }, item.crisis.shown
      ? `The writer was shown “${set.heading}” (${item.crisis.match}):`
      : `Not shown to the writer yet (their page has not asked since). They would see “${set.heading}”:`),
    h('p', { class: 'crisis-message' }, set.message),
    set.resources.length
      ? h('ul', { class: 'crisis-resources' }, set.resources.map((/** @type {any} */ resource) =>
        h('li', {}, h('strong', {}, resource.name), resource.description ? ` — ${resource.description}` : '', ways(resource) ? ` (${ways(resource)})` : '')))
      : null,
    h('button', { type: 'button', 'data-action': 'private-reply', onclick: () => openReply(item) }, 'Reply privately with resources…'),
    item.crisis.canSendMail ? null : h('p', { class: 'crisis-mail' },
      'Mail is not configured on this site, so a private reply cannot be sent: set Mail__Host and Mail__From.'),
    item.replyForm);
}

/**
 * @param {Item} item
 * @returns {HTMLFormElement}
 */
function replyFormFor(item) {
  const subjectId = `reply-subject-${item.id}`;
  const textId = `reply-text-${item.id}`;
  item.replySubject = /** @type {HTMLInputElement} */ (h('input', { id: subjectId, maxlength: '200', required: true }));
  item.replyText = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: textId, rows: '10', maxlength: '5000', required: true }));
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'reply-form', novalidate: true, hidden: true },
    h('p', { class: 'reply-to' }, `To ${item.email}, from this site's address. Nothing is sent until you press Send.`),
    h('label', { for: subjectId }, 'Subject'), item.replySubject,
    h('label', { for: textId }, 'Message'), item.replyText,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Send private reply'),
      h('button', { type: 'button', class: 'quiet', onclick: () => closeReply(item) }, 'Cancel'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendReply(item);
  });
  closeOnEscape(form, () => closeReply(item));
  return form;
}

/** @param {Item} item */
function openReply(item) {
  item.replySubject.value = item.crisis.reply.subject;
  item.replyText.value = item.crisis.reply.text;
  item.replyForm.hidden = false;
  item.replySubject.focus();
}

/** @param {Item} item */
function closeReply(item) {
  item.replyForm.hidden = true;
  item.article.focus();
}

/** @param {Item} item */
async function sendReply(item) {
  if (item.replying) return;
  item.replying = true;
  const answer = await attempt('POST', `${commentPath(item)}/private-reply`, { body: { subject: item.replySubject.value.trim(), text: item.replyText.value } });
  item.replying = false;
  if (answer && answer.status === 401) return;
  item.notice = answer && answer.ok
    ? `Private reply sent to ${item.email}; it is recorded in the comment's history.`
    : `The private reply was not sent${answer && answer.body && answer.body.detail ? `: ${answer.body.detail}` : '; the API did not answer'}`;
  if (answer && answer.ok) item.replyForm.hidden = true;
  renderNotice(item);
  say(item.notice);
  item.article.focus();
}

// ---- Rejecting with a reason ----

/**
 * @param {Item} item
 * @param {CardHandlers} handlers
 */
function rejectFormFor(item, handlers) {
  const id = `reason-${item.id}`;
  item.reason = /** @type {HTMLInputElement} */ (h('input', { id, list: 'reasons', maxlength: '500', required: true }));
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'reject-form', novalidate: true, hidden: true },
    h('label', { for: id }, t('whyRejected')),
    item.reason,
    h('button', { type: 'submit', class: 'danger' }, t('rejectComment')),
    h('button', { type: 'button', class: 'quiet', onclick: () => closeReject(item) }, t('cancel'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = item.reason.value.trim();
    if (!reason) {
      say(t('sayWhy'));
      item.reason.focus();
      return;
    }
    handlers.decide(item, 'reject', reason);
  });
  closeOnEscape(form, () => closeReject(item));
  item.rejectForm = form;
  return form;
}

/** @param {Item} item */
export function openReject(item) {
  item.rejectForm.hidden = false;
  item.reason.focus();
}

/** @param {Item} item */
function closeReject(item) {
  item.rejectForm.hidden = true;
  item.reason.value = '';
  item.article.focus();
}

/**
 * @param {HTMLElement} form
 * @param {() => void} close
 */
function closeOnEscape(form, close) {
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
}
