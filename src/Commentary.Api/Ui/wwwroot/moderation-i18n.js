// @ts-check
// The dashboard's words. English is built in; another language is a file moderation.{language}.json, fetched only when
// the moderator's choice (the Language menu, kept in localStorage) or else the browser's languages ask for it. The page's
// own text carries a data-i18n attribute naming its key (data-i18n-aria-label for a label), filled once the table is in.
// docs/widget.md says how to add a language.

/** Each shipped language's file version, so its URL changes with its text and may be cached for good. */
const LANGUAGES = {
  de: '{{version:moderation.de.json}}',
  ar: '{{version:moderation.ar.json}}',
};
/** Each language in its own words, for the Language menu. */
const NAMES = { en: 'English', de: 'Deutsch', ar: 'العربية' };
const SETTING = 'commentary:dashboard-language';

// Strict JSON between the braces, so a test can compare every language file with it (see embed.js for the format).
/** @type {Record<string, string | Record<string, string>>} */
export const EN = {
  "dir": "ltr",
  "pageTitle": "Moderation · Commentary",
  "appTitle": "Commentary moderation",
  "language": "Language",
  "shortcuts": "Shortcuts",
  "signOut": "Sign out",
  "signIn": "Sign in",
  "keyLabel": "Moderator key",
  "keyNote": "Kept only in this browser tab and sent to the API with each request; closing the tab forgets it.",
  "queueTitle": "Moderation",
  "tabsLabel": "Moderation views",
  "tabPending": "Pending",
  "tabApproved": "Approved",
  "tabRejected": "Rejected",
  "tabBans": "Bans",
  "tabPoison": "Poison",
  "tabSettings": "Settings",
  "selectAll": "Select all",
  "approveSelected": "Approve selected",
  "rejectSelected": "Reject selected",
  "deleteSelected": "Delete selected",
  "refresh": "Refresh",
  "bulkReason": "Why are the selected comments rejected?",
  "cancel": "Cancel",
  "nothingHere": "Nothing here.",
  "loadMore": "Load more",
  "addBanTitle": "Add a ban",
  "whatToBan": "What to ban",
  "banEmail": "An email address",
  "banIp": "An IP hash",
  "emailAddress": "Email address",
  "banValueNote": "Comments from this address are rejected from now on.",
  "reason": "Reason",
  "banReasonNote": "Shown to moderators and recorded with each comment the ban rejects.",
  "until": "Until (optional)",
  "banExpiresNote": "The ban lapses at the end of this day, your time. Leave it empty for a ban that never lapses.",
  "addBan": "Add ban",
  "bansCaption": "Bans, newest first",
  "colBanned": "Banned",
  "colAdded": "Added",
  "colUntil": "Until",
  "colAction": "Action",
  "nobodyBanned": "Nobody is banned.",
  "poisonNote": "Submissions the worker could not process after several tries, oldest first (up to 32). Requeue one once its cause is fixed, or discard it.",
  "poisonEmpty": "The poison queue is empty.",
  "settingsLabel": "Moderation settings (JSON)",
  "settingsNote": "Word lists, thresholds and which rules are on. The API checks a save before it takes effect; workers use saved settings within a minute.",
  "save": "Save",
  "reload": "Reload",
  "classifier": "Classifier",
  "retrainNow": "Retrain now",
  "helpTitle": "Keyboard shortcuts",
  "keyTabs": "Previous and next tab, on a tab",
  "keyMove": "Next and previous comment",
  "keyApprove": "Approve the current comment",
  "keyReject": "Reject the current comment (asks for a reason)",
  "keySelect": "Select or unselect the current comment",
  "keyBan": "Ban the current comment's author (fills in the Bans form)",
  "keyHelp": "Show this help",
  "keyEscape": "Close this help or a reason form",
  "close": "Close",
  "apiUnreachable": "The API could not be reached. Check that it is running and try again.",
  "keyRefused": "That key was not accepted.",
  "keyUnchecked": "The API could not check the key just now. Try again in a moment.",
  "signedInAs": "{name} ({role})",
  "roleAdmin": "admin",
  "roleModerator": "moderator",
  "signedOut": "Signed out.",
  "enterKey": "Enter your moderator key.",
  "selectComment": "Select the comment by {name}",
  "whyHeld": "Why it was held",
  "history": "This email: {approved} approved · {pending} pending · {rejected} rejected",
  "approvedBy": "Approved by {name}, {when}",
  "rejectedBy": "Rejected by {name}, {when}",
  "approve": "Approve",
  "reject": "Reject",
  "delete": "Delete",
  "confirmDelete": "Delete the comment by {name} for good?",
  "banAuthor": "Ban author…",
  "commentOn": "Comment by {name} on {slug}",
  "urgent": "Urgent",
  "onArticle": "On {slug}",
  "isReply": "a reply",
  "score": "Score {score}",
  "whyRejected": "Why is it rejected?",
  "rejectComment": "Reject comment",
  "sayWhy": "Say why the comment is rejected; the reason is kept with it.",
  "emptyPending": "Nothing is waiting. Well done.",
  "emptyApproved": "No approved comments yet.",
  "emptyRejected": "No rejected comments."
};

/** @type {Record<string, string | Record<string, string>>} */
let messages = EN;
let locale = 'en';

/** The language the dashboard speaks, for dates and numbers; undefined (the browser's own) while that is English. */
export function dateLocale() {
  return locale === 'en' ? undefined : locale;
}

// The widget (embed.js, one classic script that other sites embed) holds this same function; a unit test compares the texts.
/**
 * A message in the reader's language, English where the language lacks it; {name} placeholders take values, and
 * numbers are written the reader's way. A table value that is an object is chosen by the plural rule of {count}.
 * @param {string} key a key of EN
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
export function t(key, values) {
  let text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : EN[key];
  if (typeof text === 'object') {
    const forms = text;
    text = forms[new Intl.PluralRules(locale).select(Number(values && values.count))] || forms.other;
  }
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => {
    const value = values && values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** The moderator's choice, else the first of the browser's languages that ships, else English. */
function wanted() {
  let chosen = null;
  try {
    chosen = localStorage.getItem(SETTING);
  } catch {
    // Storage can be blocked; the browser's languages still count.
  }
  const tags = chosen ? [chosen] : [...(navigator.languages || [navigator.language])];
  for (const tag of tags) {
    const language = String(tag).split('-')[0].toLowerCase();
    if (language === 'en' || Object.prototype.hasOwnProperty.call(LANGUAGES, language)) return language;
  }
  return 'en';
}

/**
 * Loads the language to use and puts the page's own text in it. A file that cannot be fetched leaves English.
 * @returns {Promise<void>}
 */
export async function useLanguage() {
  const language = wanted();
  if (language !== 'en') {
    try {
      const response = await fetch(`./moderation.${language}.json?v=${LANGUAGES[/** @type {'de' | 'ar'} */ (language)]}`);
      if (response.ok) {
        messages = await response.json();
        locale = language;
      }
    } catch {
      // Offline for a moment: English is better than no dashboard.
    }
  }
  document.documentElement.lang = locale;
  document.documentElement.dir = t('dir');
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.getAttribute('data-i18n'));
  for (const element of document.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.getAttribute('data-i18n-aria-label')));
  }
  offerLanguages();
}

/** Fills the Language menu; choosing one keeps it for this browser and reloads (the moderator's key stays for the tab). */
function offerLanguages() {
  const menu = /** @type {HTMLSelectElement | null} */ (document.getElementById('language'));
  if (!menu) return;
  menu.replaceChildren(...Object.entries(NAMES).map(([code, name]) => {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = name;
    option.selected = code === locale;
    return option;
  }));
  menu.addEventListener('change', () => {
    try {
      localStorage.setItem(SETTING, menu.value);
    } catch {
      return;
    }
    location.reload();
  });
}
