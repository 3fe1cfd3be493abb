// @ts-check
// The section's state, its API calls and status line. Each later part's class extends the one before.

// An Idempotency-Key: random, and made in pages served over plain http too (where randomUUID is missing).
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// The dashboard's moderation-api.js holds this same function (a test compares the texts and runs both on one table):
// this script is embedded by other sites as one classic script, so it cannot import it.
/**
 * Retry-After is either seconds or an HTTP date; anything else, or a date already past, means no wait.
 * @param {string | null | undefined} value the header as it came
 * @param {number} now milliseconds since the epoch
 * @returns {number} whole seconds to wait, 0 for none
 */
function retryAfterSeconds(value, now) {
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

class SectionBase {
  constructor(root) {
    this.root = root;
    this.slug = root.getAttribute('data-article') || '';
    this.base = SectionBase.apiBase(root.getAttribute('data-api'));
    const size = Number(root.getAttribute('data-page-size'));
    this.pageSize = Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE;
    const lang = root.closest('[lang]');
    // A hint for choosing crisis resources; the widget's own words and dates follow chooseLanguage.
    this.hintLang = (lang && lang.getAttribute('lang')) || navigator.language;
    this.locale = 'en';
    // The site owner may name the page's country, so crisis resources can be the right national ones.
    const country = root.getAttribute('data-country') || '';
    this.country = /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : '';
    this.items = new Map();
    this.bodies = new Map();
    this.own = SLUG.test(this.slug) ? ownComments.load(this.slug) : [];
    this.total = 0;
    this.next = null;
    this.open = false;
    this.parentId = null;
    this.waitUntil = 0;
    this.sort = 'oldest';
    this.helpful = false;
    // Set by mount(), load() and buildForm(), and declared here for the parts before theirs: null until then.
    /** @type {HTMLElement} */ this.section = null;
    /** @type {HTMLElement} */ this.title = null;
    /** @type {HTMLElement} */ this.list = null;
    /** @type {HTMLSelectElement} */ this.sorter = null;
    /** @type {HTMLElement} */ this.more = null;
    /** @type {HTMLElement} */ this.status = null;
    /** @type {HTMLElement} */ this.formHome = null;
    /** @type {HTMLElement | null} */ this.form = null;
    /** @type {HTMLElement} */ this.formTitle = null;
    /** @type {HTMLElement} */ this.formStatus = null;
    /** @type {HTMLElement} */ this.replyNote = null;
    /** @type {HTMLElement} */ this.replyName = null;
    /** @type {Record<string, HTMLInputElement | HTMLTextAreaElement>} */ this.inputs = null;
    /** @type {Record<string, HTMLElement>} */ this.errors = null;
    /** @type {Record<string, boolean>} */ this.notes = null;
    /** @type {Record<string, HTMLInputElement> | null} */ this.notify = null;
    this.mail = false;
  }

  static apiBase(value) {
    if (!value) return null;
    try {
      const url = new URL(value, document.baseURI);
      if (!url.pathname.endsWith('/')) url.pathname += '/';
      return url;
    } catch {
      return null;
    }
  }

  say(message) {
    this.status.textContent = message;
  }

  async call(path, options) {
    const response = await fetch(new URL(path, this.base), {
      credentials: 'omit',
      ...options,
      headers: { Accept: 'application/json', ...(options && options.headers) },
    });
    let body = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      try {
        body = await response.json();
      } catch {
        body = null;
      }
    }
    return { status: response.status, ok: response.ok, body, response };
  }

  count(change) {
    this.total += change;
    this.title.textContent = countText(this.total, this.locale);
  }
}
