// @ts-check
// The Bans tab's list: every ban, newest first, each with Lift. The form that adds one is moderation-ban-form.js.
import { attempt, loadList, trouble } from './moderation-api.js';
import { $, h, removeFrom, say, when } from './moderation-dom.js';

/**
 * A ban as the API lists it, with the row that shows it.
 * @typedef {object} Ban
 * @property {string} id
 * @property {'email' | 'ip'} kind
 * @property {string} hash
 * @property {string} [email]
 * @property {string} reason
 * @property {string} created
 * @property {string} [bannedBy]
 * @property {string | null} [expiresAt]
 * @property {boolean} active
 * @property {boolean} busy
 * @property {HTMLElement} [lift]
 * @property {HTMLElement} element
 */

export const panel = $('bans-panel');
const parts = {
  refresh: $('bans-refresh'), summary: $('bans-summary'), table: $('bans-table'), items: $('bans-items'), empty: $('bans-empty'),
};

/** @type {{ items: Ban[], busy: boolean }} */
const bans = { items: [], busy: false };

export function init() {
  panel.tabIndex = -1;
  parts.refresh.addEventListener('click', () => load());
}

/** Forgets the bans shown (on signing out). */
export function reset() {
  bans.items = [];
  parts.items.replaceChildren();
}

export async function load() {
  const loaded = await loadList({
    guard: bans,
    panel,
    path: 'moderation/bans',
    failed: (answer) => say(trouble(answer, 'The bans could not be loaded')),
  });
  if (!loaded) return;
  bans.items = loaded.body.items.map((/** @type {any} */ ban) => ({ ...ban, busy: false }));
  parts.items.replaceChildren(...bans.items.map(elementFor));
  renderChrome();
  say('');
}

/**
 * Puts a ban the form added at the top; a ban on the same email or IP hash replaces the old one.
 * @param {Ban} ban
 * @returns {boolean} whether it replaced one
 */
export function added(ban) {
  const old = bans.items.find((item) => item.id === ban.id);
  if (old) {
    bans.items.splice(bans.items.indexOf(old), 1);
    old.element.remove();
  }
  bans.items.unshift(ban);
  parts.items.prepend(elementFor(ban));
  renderChrome();
  return Boolean(old);
}

function renderChrome() {
  const count = bans.items.length;
  const lapsed = bans.items.filter((ban) => !ban.active).length;
  parts.empty.hidden = count > 0;
  parts.table.hidden = count === 0;
  parts.summary.textContent = count === 0 ? '' : `${count} ${count === 1 ? 'ban' : 'bans'}${lapsed > 0 ? `, ${lapsed} lapsed` : ''}`;
}

/**
 * Who a ban is on, in a sentence: the email address, or the start of the IP hash (all of it is in the list).
 * @param {Ban} ban
 */
export function banned(ban) {
  if (ban.kind === 'email') return ban.email || `the email with hash ${ban.hash.slice(0, 12)}…`;
  return `IP hash ${ban.hash.slice(0, 12)}…`;
}

/**
 * One row: what is banned, why, when and by whom, until when, and Lift. Text only, always.
 * @param {Ban} ban
 */
function elementFor(ban) {
  const what = ban.kind === 'email'
    ? [h('span', { class: 'ban-kind' }, 'Email'), ' ', h('span', { class: 'ban-value' }, ban.email || `hash ${ban.hash}`)]
    : [h('span', { class: 'ban-kind' }, 'IP hash'), ' ', h('code', { class: 'ban-value' }, ban.hash)];
  const added = [h('time', { datetime: ban.created }, when(ban.created)), ban.bannedBy ? ` by ${ban.bannedBy}` : ''];
  const until = ban.expiresAt ? h('time', { datetime: ban.expiresAt }, when(ban.expiresAt)) : 'Never';
  ban.lift = h('button', {
    type: 'button',
    class: 'danger-text',
    'aria-label': `Lift the ban on ${banned(ban)}`,
    onclick: () => {
      if (confirm(`Lift the ban on ${banned(ban)}? Their next comments are moderated as usual.`)) lift(ban);
    },
  }, 'Lift');
  ban.element = h('tr', { class: ban.active ? null : 'lapsed', 'data-ban-id': ban.id },
    h('th', { scope: 'row', 'data-label': 'Banned' }, what),
    h('td', { 'data-label': 'Reason' }, ban.reason),
    h('td', { 'data-label': 'Added' }, added),
    h('td', { 'data-label': 'Until' }, ban.active ? until : ['Lapsed ', until]),
    h('td', { class: 'row-actions' }, ban.lift));
  return ban.element;
}

/** @param {Ban} ban */
async function lift(ban) {
  if (ban.busy) return;
  ban.busy = true;
  say('Lifting…');
  const answer = await attempt('DELETE', `moderation/bans/${encodeURIComponent(ban.id)}`);
  ban.busy = false;
  if (answer && answer.status === 401) return;
  if (answer && (answer.ok || answer.status === 404)) {
    removeFrom(bans.items, ban, (neighbour) => neighbour.lift.focus(), panel);
    renderChrome();
    say(answer.ok
      ? `Lifted the ban on ${banned(ban)}.`
      : `The ban on ${banned(ban)} was already lifted (perhaps by someone else); it has been removed from the list.`);
    return;
  }
  say(trouble(answer, `The ban on ${banned(ban)} could not be lifted`));
}
