// @ts-check
// The Pending, Approved and Rejected tabs: one panel that lists comments of a status, newest first with urgent ones on
// top, and acts on them one by one or in bulk. Decisions are optimistic and rolled back when the API says no.
import { attempt, loadList, session } from './moderation-api.js';
import { ACTION_WORDS, commentPath, elementFor, openReject } from './moderation-card.js';
import { $, removeFrom, say, t } from './moderation-dom.js';

/** @typedef {import('./moderation-card.js').Item} Item */
/** @typedef {import('./moderation-card.js').Action} Action */
/** @typedef {'pending' | 'approved' | 'rejected'} Status */

const PAGE_SIZE = 50;

/**
 * What a moderator can do from each list, and what an empty one says.
 * @type {Record<Status, { actions: Action[], empty: () => string }>}
 */
export const LISTS = {
  pending: { actions: ['approve', 'reject', 'delete'], empty: () => t('emptyPending') },
  approved: { actions: ['reject', 'delete'], empty: () => t('emptyApproved') },
  rejected: { actions: ['approve', 'delete'], empty: () => t('emptyRejected') },
};

export const panel = $('panel');
const parts = {
  selectAll: /** @type {HTMLInputElement} */ ($('select-all')),
  bulkButtons: /** @type {HTMLButtonElement[]} */ ([...panel.querySelectorAll('[data-bulk]')]),
  bulkReject: $('bulk-reject'),
  bulkReason: /** @type {HTMLInputElement} */ ($('bulk-reason')),
  refresh: $('refresh'),
  summary: $('summary'),
  items: $('items'),
  empty: $('empty'),
  more: $('more'),
};

/** @type {{ status: Status, items: Item[], next: string | null, busy: boolean }} */
const list = { status: 'pending', items: [], next: null, busy: false };

/** Opens the Bans tab filled in from a comment; set by the main module, which owns the tabs. */
let banAuthor = /** @type {(item: Item) => void} */ (() => {});

/** @type {import('./moderation-card.js').CardHandlers} */
const handlers = {
  get actions() { return LISTS[list.status].actions; },
  decide: (item, action, reason) => { decide(item, action, reason); },
  ban: (item) => banAuthor(item),
  select: (item, selected) => setSelected(item, selected),
};

/**
 * Wires the panel's toolbar.
 * @param {(item: Item) => void} ban
 */
export function init(ban) {
  banAuthor = ban;
  panel.tabIndex = -1;
  parts.selectAll.addEventListener('change', () => {
    for (const item of list.items) setSelected(item, parts.selectAll.checked);
  });
  for (const button of parts.bulkButtons) {
    button.addEventListener('click', () => (button.dataset.bulk === 'reject' ? openBulkReject() : bulk(/** @type {Action} */ (button.dataset.bulk))));
  }
  parts.bulkReject.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = parts.bulkReason.value.trim();
    if (!reason) {
      say('Say why the selected comments are rejected; the reason is kept with each.');
      parts.bulkReason.focus();
      return;
    }
    closeBulkReject();
    bulk('reject', reason);
  });
  parts.bulkReject.querySelector('[data-cancel]').addEventListener('click', closeBulkReject);
  parts.refresh.addEventListener('click', () => load(false));
  parts.more.addEventListener('click', () => load(true));
}

/**
 * Shows the comments of a status, from the first page.
 * @param {Status} status
 */
export async function show(status) {
  list.status = status;
  for (const button of parts.bulkButtons) button.hidden = !LISTS[status].actions.includes(/** @type {Action} */ (button.dataset.bulk));
  closeBulkReject();
  await load(false);
}

/**
 * One comment's record, as a notification's link names it; null (and a word to the moderator) when it cannot be read.
 * @param {string} slug
 * @param {string} id
 * @returns {Promise<Item | null>}
 */
export async function find(slug, id) {
  const answer = await attempt('GET', commentPath(/** @type {Item} */ ({ slug, id })));
  if (!answer || !answer.ok || !(answer.body.status in LISTS)) {
    say(answer && answer.status === 404 ? 'The comment that link names was deleted.' : 'The comment that link names could not be loaded.');
    return null;
  }
  return { ...answer.body, selected: false, notice: null, element: null };
}

/**
 * Brings a comment found with find() into the list now shown (its own status's) and gives it focus: first, when the
 * list's first page does not hold it.
 * @param {Item} found
 */
export function focusOn(found) {
  let item = list.items.find((shown) => shown.slug === found.slug && shown.id === found.id);
  if (!item) {
    item = found;
    list.items = [found, ...list.items];
    renderList();
  }
  focusItem(item);
}

/** Forgets every comment shown (on signing out). */
export function reset() {
  list.items = [];
  parts.items.replaceChildren();
}

/** @param {boolean} append the next page after those shown, rather than the first */
async function load(append) {
  const token = append && list.next ? `&continuationToken=${encodeURIComponent(list.next)}` : '';
  const loaded = await loadList({
    guard: list,
    panel,
    path: `moderation/comments?status=${list.status}&limit=${PAGE_SIZE}${token}`,
    loading: append ? 'Loading more…' : 'Loading…',
    failed: () => say('The list could not be loaded. Try Refresh in a moment.'),
  });
  if (!loaded) return;
  /** @type {Item[]} */
  const fresh = loaded.body.items.map((/** @type {any} */ record) => ({ ...record, selected: false, notice: null, element: null }));
  list.items = urgentFirst(append ? list.items.concat(fresh) : fresh);
  list.next = loaded.body.continuationToken || null;
  renderList();
  say(append ? `${fresh.length} more loaded.` : '');
}

/**
 * Urgent comments (crisis language) come first; otherwise the API's order, newest first, is kept.
 * @param {Item[]} items
 */
function urgentFirst(items) {
  /** @param {Item} item */
  const rank = (item) => (item.priority === 'urgent' ? 0 : 1);
  return items.map((item, index) => ({ item, index }))
    .sort((a, b) => (rank(a.item) - rank(b.item)) || (a.index - b.index))
    .map((entry) => entry.item);
}

function renderList() {
  const focused = currentItem();
  parts.items.replaceChildren(...list.items.map((item) => elementFor(item, handlers)));
  if (focused && focused.element && focused.element.isConnected) focusItem(focused);
  renderChrome();
}

function renderChrome() {
  const count = list.items.length;
  const urgent = list.items.filter((item) => item.priority === 'urgent').length;
  parts.empty.hidden = count > 0;
  parts.empty.textContent = LISTS[list.status].empty();
  parts.more.hidden = !list.next;
  const shown = `${count}${list.next ? '+' : ''} ${list.status}`;
  parts.summary.textContent = count === 0 ? '' : urgent > 0 ? `${shown}, ${urgent} urgent` : shown;
  const selected = list.items.filter((item) => item.selected).length;
  parts.selectAll.checked = count > 0 && selected === count;
  parts.selectAll.indeterminate = selected > 0 && selected < count;
  for (const button of parts.bulkButtons) {
    button.disabled = selected === 0;
    button.textContent = `${{ approve: t('approveSelected'), reject: t('rejectSelected') }[button.dataset.bulk] || t('deleteSelected')}${selected > 0 ? ` (${selected})` : ''}`;
  }
}

// ---- Selection and movement ----

/**
 * @param {Item} item
 * @param {boolean} selected
 */
export function setSelected(item, selected) {
  item.selected = selected;
  if (item.checkbox) item.checkbox.checked = selected;
  renderChrome();
}

/** The comment that has focus (or holds it), or null. */
export function currentItem() {
  const active = document.activeElement;
  const element = active && active.closest('.item');
  return element ? list.items.find((item) => item.element === element) || null : null;
}

/** @param {Item} item */
function focusItem(item) {
  item.article.focus();
  item.article.scrollIntoView({ block: 'nearest' });
}

/** @param {number} step 1 for the next comment, -1 for the previous */
export function move(step) {
  if (list.items.length === 0) return;
  const current = currentItem();
  const index = current ? list.items.indexOf(current) + step : 0;
  focusItem(list.items[Math.max(0, Math.min(list.items.length - 1, index))]);
}

/**
 * Whether the current list allows an action.
 * @param {Action} action
 */
export function allows(action) {
  return LISTS[list.status].actions.includes(action) && (action !== 'delete' || session.role === 'admin');
}

export { openReject };

// ---- Decisions ----

/**
 * Takes the comment out of the list at once, then asks the API. The record's etag goes as If-Match, so a comment that
 * someone else changed meanwhile is refused (409) and comes back into the list instead of being overruled.
 * @param {Item} item
 * @param {Action} action
 * @param {string} [reason]
 * @returns {Promise<'done' | 'gone' | 'signed-out' | 'conflict' | 'failed'>}
 */
async function act(item, action, reason) {
  const index = removeFrom(list.items, item, focusItem, panel);
  if (index < 0) return 'gone';
  renderChrome();

  const answer = action === 'delete'
    ? await attempt('DELETE', commentPath(item), { etag: item.etag })
    : await attempt('POST', `${commentPath(item)}/${action}`, { etag: item.etag, body: action === 'reject' ? { reason } : undefined });
  if (answer && answer.ok) return 'done';
  if (answer && answer.status === 404) return 'gone';
  if (answer && answer.status === 401) return 'signed-out';

  item.notice = answer && answer.status === 409
    ? 'Someone else changed this comment since the list was loaded, so nothing was done. Refresh to see it as it is now.'
    : `This comment could not be ${ACTION_WORDS[action].failed}${answer && answer.body && answer.body.detail ? `: ${answer.body.detail}` : '; the API did not answer'}.`;
  list.items.splice(Math.min(index, list.items.length), 0, item);
  parts.items.insertBefore(elementFor(item, handlers), (list.items[index + 1] && list.items[index + 1].element) || null);
  renderChrome();
  return answer && answer.status === 409 ? 'conflict' : 'failed';
}

/**
 * Acts on one comment and says how it went.
 * @param {Item} item
 * @param {Action} action
 * @param {string} [reason]
 */
export async function decide(item, action, reason) {
  const outcome = await act(item, action, reason);
  const who = `the comment by ${item.author}`;
  if (outcome === 'done') say(`${ACTION_WORDS[action].done} ${who}.`);
  else if (outcome === 'gone') say(`${who[0].toUpperCase()}${who.slice(1)} no longer exists; it has been removed from the list.`);
  else if (outcome === 'conflict' || outcome === 'failed') say(item.notice);
}

/**
 * Bulk actions loop over the single-comment endpoints, one at a time, and report once at the end.
 * @param {Action} action
 * @param {string} [reason]
 */
async function bulk(action, reason) {
  const chosen = list.items.filter((item) => item.selected);
  if (chosen.length === 0) return;
  if (action === 'delete' && !confirm(`Delete ${chosen.length} ${chosen.length === 1 ? 'comment' : 'comments'} for good?`)) return;
  say(`Working on ${chosen.length} comments…`);
  const outcomes = [];
  for (const item of chosen) {
    const outcome = await act(item, action, reason);
    if (outcome === 'signed-out') return;
    outcomes.push(outcome);
  }
  const done = outcomes.filter((o) => o === 'done').length;
  const refused = outcomes.length - done - outcomes.filter((o) => o === 'gone').length;
  say(`${ACTION_WORDS[action].done} ${done} of ${chosen.length}.${refused > 0 ? ` ${refused} changed meanwhile or failed and are still in the list.` : ''}`);
}

function openBulkReject() {
  parts.bulkReject.hidden = false;
  parts.bulkReason.focus();
}

function closeBulkReject() {
  parts.bulkReject.hidden = true;
  parts.bulkReason.value = '';
}
