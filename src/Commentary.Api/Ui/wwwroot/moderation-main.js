// @ts-check
// The moderation dashboard. Served at {api}/ui/moderation.html; it calls the moderation API one folder up with the
// moderator's key or the access token from their organisation's sign-in (moderation-signin.js), either of which lives
// in sessionStorage only (this tab, until it closes). This module signs in and out (asking GET moderation/me whose
// credential it is and what role it has; a moderator does not see what only an admin may do),
// switches tabs and handles the keyboard; each tab is a module of its own:
//   pending, approved, rejected: moderation-comments.js (with moderation-card.js for one comment); a notification's
//   link, #comment/{slug}/{id}, opens that comment in its list
//   bans:     moderation-bans.js (the list, Lift) and moderation-ban-form.js (Add a ban)
//   poison:   moderation-poison.js
//   settings: moderation-settings.js (the settings as JSON, and the classifier in force)
import { attempt, mayUse, onKeyRefused, session } from './moderation-api.js';
import * as banForm from './moderation-ban-form.js';
import * as bans from './moderation-bans.js';
import * as comments from './moderation-comments.js';
import { $, say, t, typingIn, ui } from './moderation-dom.js';
import { useLanguage } from './moderation-i18n.js';
import * as poison from './moderation-poison.js';
import * as settings from './moderation-settings.js';
import * as signin from './moderation-signin.js';

/** @typedef {import('./moderation-card.js').Item} Item */
/** @typedef {'pending' | 'approved' | 'rejected' | 'bans' | 'poison' | 'settings'} View */

const KEY_STORAGE = 'commentary:moderator-key';
/** The longest delay setTimeout keeps (2^31 - 1 ms). */
const MAX_TIMER = 2147483647;

/**
 * The views, one tab each (named by data-view in the page), by the panel they show.
 * @type {Record<View, HTMLElement>}
 */
const PANELS = {
  pending: comments.panel,
  approved: comments.panel,
  rejected: comments.panel,
  bans: bans.panel,
  poison: poison.panel,
  settings: settings.panel,
};

/** @typedef {'key' | 'organisation'} Via */

/**
 * The view shown, how the moderator signed in (null while signed out), and the timer that ends an organisation
 * sign-in when its token expires.
 * @type {{ view: View, via: Via | null, expiry: number | undefined }}
 */
const state = { view: 'pending', via: null, expiry: undefined };

/** "Sign in with your organisation", shown only when the API names a provider. */
const org = {
  panel: $('organisation'),
  button: /** @type {HTMLButtonElement} */ ($('organisation-sign-in')),
  error: $('organisation-error'),
};

// ---- Signing in and out ----

/**
 * Signs in with a key the moderator typed, or with the access token of an organisation sign-in.
 * @param {string} credential
 * @param {Via} via
 * @param {signin.Tokens} [tokens] the organisation sign-in's tokens, whose expiry ends the session
 */
async function signIn(credential, via, tokens) {
  session.key = credential;
  ui.keyError.textContent = '';
  org.error.textContent = '';
  const error = via === 'key' ? ui.keyError : org.error;
  /** @param {string} message */
  const fail = (message) => {
    session.key = null;
    if (via === 'organisation') signin.forget();
    error.textContent = message;
  };
  const answer = await attempt('GET', 'moderation/me');
  if (!answer) {
    fail(via === 'key' ? t('apiUnreachable') : signin.TEXT.apiUnreachable);
    return;
  }
  if (answer.status === 401) {
    fail(via === 'key' ? t('keyRefused') : signin.TEXT.notAccepted);
    (via === 'key' ? ui.key : org.button).focus();
    return;
  }
  if (answer.status === 403 && via === 'organisation') {
    fail(signin.TEXT.noRole);
    org.button.focus();
    return;
  }
  if (!answer.ok) {
    fail(via === 'key' ? t('keyUnchecked') : signin.TEXT.apiTrouble);
    return;
  }
  state.via = via;
  session.role = answer.body.role === 'admin' ? 'admin' : 'moderator';
  document.body.dataset.role = session.role;
  ui.signedInAs.textContent = t('signedInAs', { name: answer.body.name, role: session.role === 'admin' ? t('roleAdmin') : t('roleModerator') });
  ui.signedInAs.hidden = false;
  if (via === 'key') sessionStorage.setItem(KEY_STORAGE, credential);
  // The provider said how long the token lives; the API would refuse it afterwards anyway. A timer longer than
  // setTimeout can hold (about 24 days) would fire at once, so such a token is left to the API's 401.
  const lifetime = tokens ? Math.max(0, tokens.expiresAt - Date.now()) : Infinity;
  if (lifetime <= MAX_TIMER) state.expiry = window.setTimeout(() => signOut(signin.TEXT.expired), lifetime);
  ui.key.value = '';
  ui.signIn.hidden = true;
  ui.queue.hidden = false;
  ui.signOut.hidden = false;
  if (!(await showLinked())) await showView('pending', false);
}

/**
 * Opens the comment a notification links to, `moderation.html#comment/{slug}/{id}`: its list, with it in focus.
 * @returns {Promise<boolean>} whether the address named one that was found
 */
async function showLinked() {
  const match = /^#comment\/([^/]+)\/([^/]+)$/.exec(location.hash);
  if (!match || !session.key) return false;
  const found = await comments.find(decodeURIComponent(match[1]), decodeURIComponent(match[2]));
  if (!found) return false;
  await showView(/** @type {View} */ (found.status), false);
  comments.focusOn(found);
  return true;
}

/** @param {string} [message] why, when the API refused the key or the sign-in expired; none when the moderator signed out */
function signOut(message) {
  // Signing out on purpose from an organisation sign-in ends the provider's session too, where it has an end-session endpoint.
  const tokens = !message && state.via === 'organisation' ? signin.restore() : null;
  const endSession = tokens && signin.endSessionAddress(tokens);
  window.clearTimeout(state.expiry);
  state.expiry = undefined;
  const via = state.via;
  state.via = null;
  sessionStorage.removeItem(KEY_STORAGE);
  signin.forget();
  session.key = null;
  session.role = 'moderator';
  delete document.body.dataset.role;
  ui.signedInAs.hidden = true;
  ui.signedInAs.textContent = '';
  comments.reset();
  poison.reset();
  settings.reset();
  bans.reset();
  banForm.reset();
  ui.queue.hidden = true;
  ui.signOut.hidden = true;
  ui.signIn.hidden = false;
  ui.keyError.textContent = via === 'organisation' ? '' : message || '';
  org.error.textContent = via === 'organisation' ? message || '' : '';
  say(message ? '' : t('signedOut'));
  if (endSession) {
    location.assign(endSession);
    return;
  }
  (via === 'organisation' && !org.panel.hidden ? org.button : ui.key).focus();
}

// ---- Tabs ----

/**
 * @param {View} view
 * @param {boolean} moveFocus
 */
async function showView(view, moveFocus) {
  state.view = view;
  for (const tab of ui.tabs) {
    const selected = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) {
      if (PANELS[view] === comments.panel) comments.panel.setAttribute('aria-labelledby', tab.id);
      if (moveFocus) tab.focus();
    }
  }
  for (const panel of new Set(Object.values(PANELS))) panel.hidden = panel !== PANELS[view];
  switch (view) {
    case 'poison': await poison.load(); return;
    case 'bans':
      banForm.prepare();
      await bans.load();
      return;
    case 'settings': await settings.show(); return;
    default: await comments.show(view);
  }
}

/**
 * From a comment's "Ban author…" (or b): the Bans tab with the author's email filled in, ready for a reason.
 * @param {Item} item
 */
function banFrom(item) {
  banForm.fillFrom(item);
  showView('bans', false);
  banForm.focusReason();
}

/** @param {KeyboardEvent} event */
function onTabKey(event) {
  const tabs = ui.tabs.filter(mayUse);
  const index = tabs.indexOf(/** @type {HTMLElement} */ (event.target));
  const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
  if (index < 0 || !step) return;
  event.preventDefault();
  const next = tabs[(index + step + tabs.length) % tabs.length];
  showView(/** @type {View} */ (next.dataset.view), true);
}

// ---- Keyboard ----

/** @param {KeyboardEvent} event */
function onShortcut(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (ui.queue.hidden || ui.help.open || typingIn(event.target)) return;
  if (PANELS[state.view] !== comments.panel && event.key !== '?') return;
  const item = comments.currentItem();
  /** @param {import('./moderation-card.js').Action} action */
  const can = (action) => item && comments.allows(action);
  switch (event.key) {
    case 'j': comments.move(1); break;
    case 'k': comments.move(-1); break;
    case 'a': if (can('approve')) comments.decide(item, 'approve'); break;
    case 'r': if (can('reject')) comments.openReject(item); break;
    case 'x': if (item) comments.setSelected(item, !item.selected); break;
    case 'b': if (item && session.role === 'admin') banFrom(item); break;
    case '?': ui.help.showModal(); break;
    default: return;
  }
  event.preventDefault();
}

// ---- Wiring ----

// While signing in (no via yet), signIn() reports a refusal itself, in the words of the way being tried.
onKeyRefused((message) => {
  if (state.via) signOut(state.via === 'organisation' ? signin.TEXT.refused : message);
});
comments.init(banFrom);
poison.init();
bans.init();
banForm.init();
settings.init();
ui.keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = ui.key.value.trim();
  if (!key) {
    ui.keyError.textContent = t('enterKey');
    ui.key.focus();
    return;
  }
  signIn(key, 'key');
});
ui.signOut.addEventListener('click', () => signOut());
ui.helpOpen.addEventListener('click', () => ui.help.showModal());
for (const tab of ui.tabs) {
  tab.addEventListener('click', () => showView(/** @type {View} */ (tab.dataset.view), false));
  tab.addEventListener('keydown', onTabKey);
}
document.addEventListener('keydown', onShortcut);
// Another notification's link opened in this tab while signed in.
window.addEventListener('hashchange', () => { showLinked(); });

// ---- Organisation sign-in ----

/**
 * Offers "Sign in with your organisation" when the API names a provider, and picks up where this tab left off: back
 * from the provider with a code, or signed in before a reload (with a key or a token that has not expired).
 */
async function start() {
  // The page's words before anything is listed.
  await useLanguage();
  await signin.offer(new URL('../', location.href), org);

  if (signin.isReturn()) {
    say(signin.TEXT.signingIn);
    try {
      const tokens = await signin.complete();
      await signIn(tokens.accessToken, 'organisation', tokens);
    } catch (error) {
      org.error.textContent = error instanceof signin.SignInError ? error.message : signin.TEXT.mismatch;
      say('');
    }
    return;
  }

  const saved = sessionStorage.getItem(KEY_STORAGE);
  const tokens = saved ? null : signin.restore();
  if (saved) await signIn(saved, 'key');
  else if (tokens) await signIn(tokens.accessToken, 'organisation', tokens);
}

start();
