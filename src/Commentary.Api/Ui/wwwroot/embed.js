// @ts-check
/*
 * Commentary's comment widget. A page adds
 *   <div id="commentary" data-api="https://example.org/api" data-article="my-article"></div>
 *   <script src="https://example.org/api/ui/embed.js" defer></script>
 * Plain JavaScript, no dependencies, no build step. It talks to nothing but the API named in data-api, and loads
 * its stylesheet from wherever this script came from. Reader text reaches the page only as text nodes; the one
 * exception is the API's `html` field, which the server builds with every character of the comment escaped.
 */
(() => {
  'use strict';

  const STYLESHEET = 'embed.css?v={{version:embed.css}}';
  const DEFAULT_PAGE_SIZE = 50;
  const MAX_PAGE_SIZE = 200;
  // Moderation usually takes minutes or hours: ask often at first (the policy's own decision, and with it any crisis
  // resources, comes within seconds), then rarely, then stop.
  const POLL_DELAYS_SECONDS = [1, 1, 1, 2, 3, 5, 8, 13, 20, 30, 60];
  const POLL_FOR_MS = 30 * 60 * 1000;
  const READER_KEY = 'commentary:reader';
  // The random id that, with the reader's address, makes one "This helped" per reader; and the comments they marked.
  const READER_ID_KEY = 'commentary:reader-id';
  const HELPED_KEY = 'commentary:helped';
  const FIELDS = ['author', 'email', 'website', 'body'];
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // Editing and deleting one's own comment: its strings in one place, ready for the message table.
  const OWN_KEY = 'commentary-edit:';
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  // English is built in; each other language is a small file fetched only by pages that ask for it (docs/widget.md).
  // The versions make each file's URL change with its text, so browsers may cache it for good.
  const LANGUAGES = {
    de: '{{version:embed.de.json}}',
    fr: '{{version:embed.fr.json}}',
    es: '{{version:embed.es.json}}',
    nl: '{{version:embed.nl.json}}',
    pt: '{{version:embed.pt.json}}',
    ar: '{{version:embed.ar.json}}',
  };
  // Strict JSON between the braces, so a test can read the keys and compare every language file with them. A value
  // that is an object is chosen by Intl.PluralRules ("one", "other", …); {name} is filled in by t().
  const EN = {
    "dir": "ltr",
    "title": "Comments",
    "noComments": "No comments yet",
    "count": { "one": "{count} comment", "other": "{count} comments" },
    "more": "Show more comments",
    "notSetUp": "Comments are not set up on this page: data-api and data-article are needed.",
    "loading": "Loading comments…",
    "loadOffline": "Comments could not be loaded. Check your connection and try again.",
    "unavailable": "Comments are not available for this page.",
    "loadFailed": "Comments could not be loaded right now.",
    "closed": "Comments are closed.",
    "retry": "Try again",
    "loadingMore": "Loading more comments…",
    "loadedMore": { "one": "{count} more comment loaded.", "other": "{count} more comments loaded." },
    "moreFailed": "More comments could not be loaded. Please try again.",
    "commentBy": "Comment by {name}",
    "awaiting": "Awaiting moderation",
    "reply": "Reply",
    "replyTo": "Reply to {name}",
    "optional": "(optional)",
    "leaveComment": "Leave a comment",
    "cancelReply": "Cancel reply",
    "replyingTo": "Replying to {name}.",
    "notifyPublished": "Email me when my comment is published",
    "notifyReplies": "Email me when someone replies to my comment",
    "notifyNote": "The first time, we email you a link to confirm your address. Every email has a link to stop them.",
    "post": "Post comment",
    "trap": "Leave this field empty",
    "name": "Name",
    "email": "Email",
    "emailNote": "Never shown to anyone; used only to recognise you.",
    "website": "Website",
    "comment": "Comment",
    "remember": "Remember my name, email and website on this device",
    "fixFields": "Some fields need a change; each one says what.",
    "authorRequired": "Please give a name.",
    "authorLong": "A name can be at most {max} characters.",
    "authorInvalid": "A name cannot contain control or invisible formatting characters.",
    "emailRequired": "Please give an email address; it is never shown.",
    "emailInvalid": "This does not look like an email address.",
    "websiteLong": "A website address can be at most {max} characters.",
    "websiteInvalid": "A website must be an http:// or https:// address.",
    "bodyShort": "A comment needs at least {min} characters.",
    "bodyLong": "A comment can be at most {max} characters.",
    "bodyInvalid": "A comment cannot contain control characters or invisible text-direction and zero-width marks.",
    "formInvalid": "Something in the form is not right.",
    "pleaseWait": { "one": "Please wait {count} second before trying again; your comment is still here.", "other": "Please wait {count} seconds before trying again; your comment is still here." },
    "posting": "Posting your comment…",
    "unreachable": "We could not reach the comment server. Your comment is still here; please try again.",
    "tooLarge": "This comment is too long to send.",
    "busy": "Lots of comments are arriving right now. Please try again {when}; your comment is still here.",
    "paused": "Comments are taking a short break. Please try again {when}; your comment is still here.",
    "inMoment": "in a moment",
    "inSeconds": { "one": "in {count} second", "other": "in {count} seconds" },
    "inMinutes": { "one": "in about {count} minute", "other": "in about {count} minutes" },
    "gone": "This article can no longer be found, so the comment was not posted.",
    "serverError": "Something went wrong on our side. Your comment is still here; please try again shortly.",
    "thanks": "Thank you. Your comment is awaiting moderation and will appear once a moderator approves it.",
    "closedOnPost": "Comments are closed on this article, so your comment was not posted.",
    "call": "Call {number}",
    "text": "Text {number}",
    "visit": "Visit {site}",
    "supportNote": "A person on our team will read your comment. Until then, only you can see it.",
    "personWillRead": "A person will read this",
    "publishedStatus": "Your comment has been published.",
    "declined": "This comment was not published. Thank you for taking the time to write; moderators keep the conversation close to the article.",
    "notPublished": "Not published",
    "declinedStatus": "Your comment was not published.",
    "badgeAuthor": "Author",
    "badgeModerator": "Moderator",
    "pinned": "Pinned",
    "helped": "This helped",
    "helpedLabel": "This helped {count}, comment by {name}",
    "helpedDone": "Thank you: marked as helpful.",
    "helpedFailed": "Your mark could not be saved. Please try again.",
    "sortLabel": "Sort comments",
    "sortOldest": "Oldest first",
    "sortNewest": "Newest first",
    "sortHelpful": "Most helpful",
    "editButton": "Edit",
    "editDelete": "Delete",
    "editLabel": "Edit your comment",
    "editSave": "Save",
    "editCancel": "Cancel",
    "editConfirm": "Delete your comment? This cannot be undone.",
    "editAwaiting": "Edit awaiting moderation",
    "editEdited": "Your edit is awaiting moderation and will appear once a moderator approves it.",
    "editedMark": "(edited)",
    "editDeleted": "Your comment was deleted.",
    "editPlaceholder": "Deleted by its author",
    "editLate": "The time to change this comment is over, so it was not changed.",
    "editNotYours": "This comment can no longer be changed from this browser.",
    "editGone": "This comment no longer exists.",
    "editFailed": "Your change could not be saved. Please try again."
  };
  let messages = EN;
  let locale = 'en';

  // The reader's language: data-lang on the widget's element, else the page's <html lang>; "de-AT" uses the German
  // table and Austrian dates. A language we do not ship, or one whose file cannot be fetched, is English: never an error.
  async function chooseLanguage(root, base) {
    const tag = (root.getAttribute('data-lang') || document.documentElement.lang || '').trim().replace('_', '-');
    const language = tag.split('-')[0].toLowerCase();
    const own = language === 'en' || Object.prototype.hasOwnProperty.call(LANGUAGES, language);
    if (!own) return;
    try {
      if (language !== 'en') {
        const response = await fetch(new URL(`ui/embed.${language}.json?v=${LANGUAGES[language]}`, base), { credentials: 'omit' });
        if (!response.ok) return;
        messages = await response.json();
      }
      // Intl refuses a malformed tag with an exception; the bare language is then good enough for dates.
      locale = Intl.DateTimeFormat.supportedLocalesOf([tag]).length ? tag : language;
    } catch {
      locale = messages === EN ? 'en' : language;
    }
  }

  /**
   * A message in the reader's language, English where the language lacks it; {name} placeholders take values, and
   * numbers are written the reader's way. A table value that is an object is chosen by the plural rule of {count}.
   * @param {string} key a key of EN
   * @param {Record<string, string | number>} [values]
   * @returns {string}
   */
  function t(key, values) {
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

  // Builds an element. Children that are strings become text nodes, so no reader text is ever parsed as markup.
  function h(tag, props, ...children) {
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

  // Only http(s) addresses become links; anything else (javascript:, data:) stays plain text.
  function safeUrl(value) {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  // A comment as the reader typed it: blank lines make paragraphs, line breaks stay.
  function paragraphs(text) {
    return text.trim().split(/\n\s*\n/).map((block) => {
      const p = h('p');
      block.split('\n').forEach((line, i) => {
        if (i > 0) p.append(h('br'));
        p.append(line);
      });
      return p;
    });
  }

  /** @type {[Intl.RelativeTimeFormatUnit, number][]} */
  const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

  function relativeTime(date, locale) {
    const seconds = Math.round((date.getTime() - Date.now()) / 1000);
    if (typeof Intl.RelativeTimeFormat !== 'function') return date.toLocaleDateString(locale);
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(0, 'second');
  }

  function exactTime(date, locale) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }

  function countText(total, locale) {
    if (total === 0) return t('noComments');
    return t('count', { count: total });
  }

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

  function waitText(seconds) {
    if (seconds <= 0) return t('inMoment');
    if (seconds < 90) return t('inSeconds', { count: seconds });
    return t('inMinutes', { count: Math.round(seconds / 60) });
  }

  // The name, email and website are remembered only when the reader ticks the box, and forgotten when they untick it.
  const rememberedReader = {
    load() {
      try {
        return JSON.parse(localStorage.getItem(READER_KEY) || 'null');
      } catch {
        return null;
      }
    },
    save(reader) {
      try {
        if (reader) localStorage.setItem(READER_KEY, JSON.stringify(reader));
        else localStorage.removeItem(READER_KEY);
      } catch {
        // Storage can be blocked by the browser; remembering is only a convenience.
      }
    },
  };

  let fallbackReaderId = '';

  function readerId() {
    try {
      let id = localStorage.getItem(READER_ID_KEY);
      if (!id || !/^[A-Za-z0-9-]{16,64}$/.test(id)) {
        id = newKey();
        localStorage.setItem(READER_ID_KEY, id);
      }
      return id;
    } catch {
      // Without storage the reader is known by this page's visit only; the server still counts each address once with it.
      fallbackReaderId = fallbackReaderId || newKey();
      return fallbackReaderId;
    }
  }

  // The comments this reader marked and the count they saw then, so the button shows as pressed on their next visit,
  // with at least that count even while the browser shows its cached copy of the list (public, for up to a minute).
  const helped = {
    all() {
      try {
        return JSON.parse(localStorage.getItem(HELPED_KEY) || '{}');
      } catch {
        return {};
      }
    },
    seen(id) {
      return this.all()[id];
    },
    add(id, count) {
      try {
        const all = this.all();
        delete all[id];
        all[id] = count;
        localStorage.setItem(HELPED_KEY, JSON.stringify(Object.fromEntries(Object.entries(all).slice(-500))));
      } catch {
        // Remembering is only a convenience; the server knows the reader.
      }
    },
  };

  // The reader's own comments on one article, [{id, token, expires}], as long as each may still be changed.
  const ownComments = {
    load(slug) {
      try {
        const now = Date.now();
        return JSON.parse(localStorage.getItem(OWN_KEY + slug) || '[]').filter((own) => Date.parse(own.expires) > now);
      } catch {
        return [];
      }
    },
    save(slug, list) {
      try {
        if (list.length) localStorage.setItem(OWN_KEY + slug, JSON.stringify(list));
        else localStorage.removeItem(OWN_KEY + slug);
      } catch {
        // Blocked storage: the reader can still change the comment until they leave the page.
      }
    },
  };

  class CommentSection {
    constructor(root) {
      this.root = root;
      this.slug = root.getAttribute('data-article') || '';
      this.base = CommentSection.apiBase(root.getAttribute('data-api'));
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

    async mount() {
      if (this.base) await chooseLanguage(this.root, this.base);
      this.locale = locale;
      this.title = h('h2', { class: 'cm-title', id: 'cm-title' }, t('title'));
      this.list = h('ol', { class: 'cm-list' });
      this.sorter = h('select', { id: 'cm-sort', onchange: () => this.resort() },
        [['oldest', t('sortOldest')], ['newest', t('sortNewest')], ['helpful', t('sortHelpful')]].map(([value, label]) => h('option', { value }, label)));
      this.sortBar = h('div', { class: 'cm-sort', hidden: true }, h('label', { for: 'cm-sort' }, t('sortLabel')), ' ', this.sorter);
      this.more = h('button', { type: 'button', class: 'cm-button cm-more', hidden: true, onclick: () => this.loadMore() }, t('more'));
      this.status = h('p', { class: 'cm-status', role: 'status' });
      this.formHome = h('div', { class: 'cm-form-home' });
      this.section = h('section', { class: 'cm', lang: locale, dir: t('dir'), 'aria-labelledby': 'cm-title' }, this.title, this.sortBar, this.list, this.more, this.status, this.formHome);
      this.root.replaceChildren(this.section);
      setInterval(() => this.refreshTimes(), 60 * 1000);
      if (!this.base || !SLUG.test(this.slug)) {
        this.say(t('notSetUp'));
        return;
      }
      this.load();
    }

    async load() {
      this.say(t('loading'));
      this.formHome.replaceChildren();
      let article;
      let page;
      try {
        [article, page] = await Promise.all([
          this.call(`articles/${this.slug}`),
          this.call(this.pagePath()),
        ]);
      } catch {
        this.offerRetry(t('loadOffline'));
        return;
      }

      if (article.status === 404) {
        this.say(t('unavailable'));
        return;
      }

      if (!article.ok || !page.ok) {
        this.offerRetry(t('loadFailed'));
        return;
      }

      this.say('');
      this.open = article.body.commentsOpen === true;
      // The site emails commenters who ask: only then does the form offer it.
      this.mail = article.body.emailNotifications === true;
      this.helpful = article.body.helpfulMarks === true;
      this.sortBar.hidden = false;
      this.addPage(page.body);
      if (this.open) {
        this.buildForm();
      } else {
        this.formHome.append(h('p', { class: 'cm-closed' }, t('closed')));
      }
    }

    pagePath(after) {
      const query = new URLSearchParams({ limit: String(this.pageSize) });
      if (this.sort !== 'oldest') query.set('sort', this.sort);
      if (after) query.set('continuationToken', after);
      return `articles/${this.slug}/comments?${query}`;
    }

    // Another order: the list is read again from the start; the reader's own pending comments are kept on top.
    async resort() {
      this.sort = this.sorter.value;
      let page;
      try {
        page = await this.call(this.pagePath());
      } catch {
        page = null;
      }
      if (!page || !page.ok) {
        this.say(t('loadFailed'));
        return;
      }
      for (const [id, item] of this.items) {
        if (!item.classList.contains('cm-pending')) {
          item.remove();
          this.items.delete(id);
        }
      }
      this.addPage(page.body);
    }

    offerRetry(message) {
      this.say(message);
      const retry = h('button', { type: 'button', class: 'cm-button', onclick: () => this.load() }, t('retry'));
      this.formHome.replaceChildren(retry);
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

    addPage(page) {
      ownComments.save(this.slug, this.own);
      const added = page.items.map((comment) => this.addComment(comment, false));
      this.total = page.total;
      this.next = page.continuationToken || null;
      this.more.hidden = !this.next;
      this.title.textContent = countText(this.total, this.locale);
      return added;
    }

    async loadMore() {
      if (!this.next || this.more.getAttribute('aria-disabled')) return;
      this.more.setAttribute('aria-disabled', 'true');
      this.say(t('loadingMore'));
      try {
        const page = await this.call(this.pagePath(this.next));
        if (!page.ok) throw new Error(String(page.status));
        const added = this.addPage(page.body);
        this.say(t('loadedMore', { count: added.length }));
        // The button vanishes after the last page; keep keyboard users where the new comments begin.
        if (this.more.hidden && added.length > 0) added[0].querySelector('article').focus();
      } catch {
        this.say(t('moreFailed'));
      } finally {
        this.more.removeAttribute('aria-disabled');
      }
    }

    // Replies go under their parent; a reply whose parent is gone is shown at the top level rather than lost.
    addComment(comment, pending) {
      const item = this.commentElement(comment, pending);
      const parent = comment.parentId && this.items.get(comment.parentId);
      if (parent) {
        let replies = parent.querySelector(':scope > .cm-replies');
        if (!replies) {
          replies = h('ol', { class: 'cm-replies' });
          parent.append(replies);
        }
        replies.append(item);
      } else {
        this.list.append(item);
      }
      this.items.set(comment.id, item);
      return item;
    }

    commentElement(comment, pending) {
      if (comment.deleted) {
        return h('li', { class: 'cm-item cm-deleted', id: `comment-${comment.id}`, 'data-id': comment.id },
          h('article', { class: 'cm-comment', tabindex: '-1' }, h('p', { class: 'cm-body' }, t('editPlaceholder'))));
      }
      this.bodies.set(comment.id, comment.body);
      const created = new Date(comment.created);
      const website = comment.website && safeUrl(comment.website);
      const author = website
        ? h('a', { class: 'cm-author', href: website, rel: 'nofollow ugc noopener' }, comment.author)
        : h('span', { class: 'cm-author' }, comment.author);
      const time = h('time', { datetime: created.toISOString(), title: exactTime(created, this.locale) }, relativeTime(created, this.locale));
      // Each comment keeps its own direction: an English comment under an Arabic widget still reads left to right.
      const body = h('div', { class: 'cm-body', dir: 'auto' });
      if (pending) {
        body.append(...paragraphs(comment.body));
      } else {
        // Safe by contract: the API escapes every character of the comment and adds only <p>, <br> and nofollow links.
        body.innerHTML = comment.html;
      }

      const badge = comment.badge === 'author' || comment.badge === 'moderator'
        ? h('span', { class: `cm-tag cm-tag-${comment.badge}` }, comment.badge === 'author' ? t('badgeAuthor') : t('badgeModerator')) : null;
      const pin = comment.pinned ? h('span', { class: 'cm-tag cm-tag-pinned' }, t('pinned')) : null;
      const article = h('article', { class: 'cm-comment', tabindex: '-1', 'aria-label': t('commentBy', { name: comment.author }) },
        h('header', { class: 'cm-meta' }, author, ' ', badge, badge && ' ', time, comment.edited ? ` ${t('editedMark')}` : null, pin && ' ', pin), body);
      if (pending) {
        article.append(h('p', { class: 'cm-badge' }, t('awaiting')));
      } else {
        const actions = h('div', { class: 'cm-comment-actions' }, this.helpful ? this.helpedButton(comment) : null, this.open ? this.replyButton(comment) : null);
        if (actions.childElementCount) article.append(actions);
      }
      const item = h('li', { class: pending ? 'cm-item cm-pending' : 'cm-item', id: `comment-${comment.id}`, 'data-id': comment.id, 'data-counted': !pending, 'data-edited': comment.edited }, article);
      const own = this.mine(comment.id);
      if (own) {
        article.append(h('div', { class: 'cm-own', 'data-expires': own.expires },
          h('button', { type: 'button', class: 'cm-link-button', onclick: (event) => this.startEdit(item, comment.id, event.currentTarget) }, t('editButton')),
          h('button', { type: 'button', class: 'cm-link-button', onclick: () => this.remove(item, comment.id) }, t('editDelete'))));
      }
      return item;
    }

    mine(id) {
      return this.own.find((own) => own.id === id && Date.parse(own.expires) > Date.now());
    }

    forget(item, id) {
      this.own = this.own.filter((own) => own.id !== id);
      ownComments.save(this.slug, this.own);
      const controls = item.querySelector('.cm-own');
      if (controls) controls.remove();
    }

    // Edit in place: the text in a field of its own, under the same rules as a new comment (the API's).
    startEdit(item, id, button) {
      const body = item.querySelector(':scope > article > .cm-body');
      if (body.hidden) return;
      const input = h('textarea', { id: `cm-edit-${id}`, rows: '5', maxlength: '5000', required: true });
      input.value = this.bodies.get(id) || '';
      const error = h('p', { class: 'cm-error', id: `cm-edit-${id}-error`, hidden: true });
      const close = () => {
        form.remove();
        body.hidden = false;
      };
      const form = h('form', { class: 'cm-edit', novalidate: true, onsubmit: (event) => this.saveEdit(event, item, id, input, error, close) },
        h('label', { for: input.id }, t('editLabel')), input, error,
        h('div', { class: 'cm-actions' }, h('button', { type: 'submit', class: 'cm-button' }, t('editSave')),
          h('button', { type: 'button', class: 'cm-link-button', onclick: () => { close(); button.focus(); } }, t('editCancel'))));
      body.hidden = true;
      body.after(form);
      input.focus();
    }

    async saveEdit(event, item, id, input, error, close) {
      event.preventDefault();
      const own = this.mine(id);
      const text = input.value.trim();
      let answer = null;
      try {
        answer = own && await this.call(`articles/${this.slug}/comments/${encodeURIComponent(id)}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${own.token}` },
          body: JSON.stringify({ body: text }),
        });
      } catch {
        answer = { status: 0 };
      }
      const status = answer ? answer.status : 403;
      if (status === 202) {
        close();
        this.bodies.set(id, text);
        item.querySelector(':scope > article > .cm-body').replaceChildren(...paragraphs(text));
        item.classList.add('cm-pending');
        const article = item.querySelector(':scope > article');
        const reply = article.querySelector('.cm-reply');
        if (reply) reply.remove();
        const badge = article.querySelector('.cm-badge') || h('p', { class: 'cm-badge' });
        badge.textContent = t('editAwaiting');
        article.querySelector('.cm-body').after(badge);
        this.say(t('editEdited'));
        this.poll(item, id, 0, Date.now(), item.getAttribute('data-edited') || '');
      } else if (status === 400) {
        const errors = (answer && answer.body && answer.body.errors) || {};
        const max = Number(input.getAttribute('maxlength')) || Infinity;
        error.textContent = !errors.body ? t('editFailed') : text.length < 2 ? t('bodyShort', { min: 2 }) : text.length > max ? t('bodyLong', { max }) : t('bodyInvalid');
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.focus();
      } else if (status === 403 || status === 404) {
        close();
        this.refused(item, id, answer);
      } else {
        error.textContent = t('editFailed');
        error.hidden = false;
      }
    }

    async remove(item, id) {
      if (!window.confirm(t('editConfirm'))) return;
      const own = this.mine(id);
      let answer = null;
      try {
        answer = own && await this.call(`articles/${this.slug}/comments/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${own.token}` } });
      } catch {
        answer = { status: 0 };
      }
      const status = answer ? answer.status : 403;
      if (status === 204) {
        this.forget(item, id);
        // Replies keep their place under a placeholder; a comment without them goes.
        if (item.querySelector(':scope > .cm-replies > li')) {
          item.classList.add('cm-deleted');
          item.querySelector(':scope > article').replaceChildren(h('p', { class: 'cm-body' }, t('editPlaceholder')));
        } else {
          if (item.hasAttribute('data-counted')) this.count(-1);
          this.items.delete(id);
          item.remove();
        }
        this.say(t('editDeleted'));
      } else if (status === 403 || status === 404) {
        this.refused(item, id, answer);
      } else {
        this.say(t('editFailed'));
      }
    }

    refused(item, id, answer) {
      this.forget(item, id);
      const type = (answer && answer.body && answer.body.type) || '';
      // No answer at all means the window had passed on this device already.
      this.say(answer && answer.status === 404 ? t('editGone') : !answer || type.endsWith('/edit-window-closed') ? t('editLate') : t('editNotYours'));
    }

    count(change) {
      this.total += change;
      this.title.textContent = countText(this.total, this.locale);
    }

    helpedButton(comment) {
      const seen = helped.seen(comment.id);
      const marked = seen !== undefined;
      comment.helpful = Math.max(comment.helpful || 0, seen || 0);
      const count = h('span', { class: 'cm-count' }, String(comment.helpful));
      const button = h('button', {
        type: 'button',
        class: 'cm-link-button cm-helped',
        'aria-pressed': marked ? 'true' : 'false',
        'aria-label': t('helpedLabel', { count: comment.helpful, name: comment.author }),
        onclick: () => this.markHelped(comment, button, count),
      }, t('helped'), ' ', count);
      return button;
    }

    async markHelped(comment, button, count) {
      if (button.getAttribute('aria-pressed') === 'true' || button.getAttribute('aria-disabled')) return;
      button.setAttribute('aria-disabled', 'true');
      let answer = null;
      try {
        answer = await this.call(`articles/${this.slug}/comments/${encodeURIComponent(comment.id)}/helpful`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ readerId: readerId() }),
        });
      } catch {
        answer = null;
      }
      button.removeAttribute('aria-disabled');
      if (answer && answer.ok) {
        helped.add(comment.id, answer.body.helpful);
        count.textContent = String(answer.body.helpful);
        button.setAttribute('aria-pressed', 'true');
        button.setAttribute('aria-label', t('helpedLabel', { count: answer.body.helpful, name: comment.author }));
        this.say(t('helpedDone'));
      } else if (answer && answer.status === 403) {
        // Switched off since the page was loaded: the buttons go.
        this.helpful = false;
        for (const other of this.section.querySelectorAll('.cm-helped')) other.remove();
      } else {
        this.say(t('helpedFailed'));
      }
    }

    replyButton(comment) {
      return h('button', {
        type: 'button',
        class: 'cm-link-button cm-reply',
        'aria-label': t('replyTo', { name: comment.author }),
        onclick: (event) => this.startReply(comment, event.currentTarget),
      }, t('reply'));
    }

    refreshTimes() {
      for (const own of this.section.querySelectorAll('.cm-own')) {
        if (Date.parse(own.getAttribute('data-expires') || '') <= Date.now()) own.remove();
      }
      for (const time of this.section.querySelectorAll('time[datetime]')) {
        time.textContent = relativeTime(new Date(time.getAttribute('datetime')), this.locale);
      }
    }

    field(name, label, input, options) {
      const id = `cm-${name}`;
      input.id = id;
      input.name = name;
      const note = options.note ? h('p', { class: 'cm-note', id: `${id}-note` }, options.note) : null;
      const error = h('p', { class: 'cm-error', id: `${id}-error`, hidden: true });
      this.inputs[name] = input;
      this.errors[name] = error;
      this.notes[name] = Boolean(note);
      this.describe(name);
      return h('div', { class: 'cm-field' },
        h('label', { for: id }, label, options.optional ? h('span', { class: 'cm-optional' }, ` ${t('optional')}`) : null),
        input, note, error);
    }

    // The note, and the error while there is one, are read out with the field.
    describe(name) {
      const ids = [];
      if (this.notes[name]) ids.push(`cm-${name}-note`);
      if (!this.errors[name].hidden) ids.push(`cm-${name}-error`);
      if (ids.length) this.inputs[name].setAttribute('aria-describedby', ids.join(' '));
      else this.inputs[name].removeAttribute('aria-describedby');
    }

    buildForm() {
      this.inputs = {};
      this.errors = {};
      this.notes = {};
      this.formTitle = h('h3', { class: 'cm-form-title', id: 'cm-form-title' }, t('leaveComment'));
      this.replyName = h('strong');
      this.cancel = h('button', { type: 'button', class: 'cm-link-button', onclick: () => this.cancelReply(true) }, t('cancelReply'));
      // The name's place in the sentence differs between languages, so the sentence is split where {name} stands.
      this.replyNote = h('p', { class: 'cm-replying', hidden: true },
        t('replyingTo').split('{name}').flatMap((part, i) => (i ? [this.replyName, part] : [part])), ' ', this.cancel);
      this.remember = h('input', { type: 'checkbox', id: 'cm-remember' });
      // Off by default, and asked again for every comment; the first time, the address must confirm by email.
      this.notify = this.mail ? {
        notifyPublished: h('input', { type: 'checkbox', id: 'cm-notify-published', 'aria-describedby': 'cm-notify-note' }),
        notifyReplies: h('input', { type: 'checkbox', id: 'cm-notify-replies', 'aria-describedby': 'cm-notify-note' }),
      } : null;
      const notify = this.notify ? h('div', { class: 'cm-notify' },
        h('div', { class: 'cm-check' }, this.notify.notifyPublished,
          h('label', { for: 'cm-notify-published' }, t('notifyPublished'))),
        h('div', { class: 'cm-check' }, this.notify.notifyReplies,
          h('label', { for: 'cm-notify-replies' }, t('notifyReplies'))),
        h('p', { class: 'cm-note', id: 'cm-notify-note' }, t('notifyNote'))) : null;
      this.submitButton = h('button', { type: 'submit', class: 'cm-button cm-submit' }, t('post'));
      this.formStatus = h('p', { class: 'cm-form-status', role: 'status' });

      // Hidden from people (off screen, out of the tab order, hidden from screen readers) but not from robots that
      // fill every field. The API does not know about it: a filled trap means we quietly post nothing.
      this.trap = h('input', { type: 'text', id: 'cm-phone', name: 'phone', tabindex: '-1', autocomplete: 'off' });
      const trap = h('div', { class: 'cm-trap', 'aria-hidden': 'true' },
        h('label', { for: 'cm-phone' }, t('trap')), this.trap);

      this.form = h('form', { class: 'cm-form', novalidate: true, 'aria-labelledby': 'cm-form-title', onsubmit: (event) => this.submit(event) },
        this.formTitle,
        this.replyNote,
        h('div', { class: 'cm-fields' },
          this.field('author', t('name'), h('input', { type: 'text', autocomplete: 'name', maxlength: '80', required: true }), {}),
          this.field('email', t('email'), h('input', { type: 'email', autocomplete: 'email', maxlength: '254', required: true }),
            { note: t('emailNote') }),
          this.field('website', t('website'), h('input', { type: 'url', autocomplete: 'url', maxlength: '200', placeholder: 'https://' }), { optional: true })),
        trap,
        this.field('body', t('comment'), h('textarea', { rows: '5', maxlength: '5000', required: true }), {}),
        h('div', { class: 'cm-check' }, this.remember, h('label', { for: 'cm-remember' }, t('remember'))),
        notify,
        h('div', { class: 'cm-actions' }, this.submitButton),
        this.formStatus);

      const reader = rememberedReader.load();
      if (reader) {
        this.inputs.author.value = reader.author || '';
        this.inputs.email.value = reader.email || '';
        this.inputs.website.value = reader.website || '';
        this.remember.checked = true;
      }
      this.remember.addEventListener('change', () => {
        if (!this.remember.checked) rememberedReader.save(null);
      });
      this.formHome.replaceChildren(this.form);
    }

    startReply(comment, button) {
      this.parentId = comment.id;
      this.replyButtonUsed = button;
      this.replyName.textContent = comment.author;
      this.replyNote.hidden = false;
      this.formTitle.textContent = t('replyTo', { name: comment.author });
      this.items.get(comment.id).querySelector(':scope > article').after(this.form);
      const firstEmpty = ['author', 'email', 'body'].map((name) => this.inputs[name]).find((input) => !input.value);
      (firstEmpty || this.inputs.body).focus();
    }

    cancelReply(returnFocus) {
      const button = this.replyButtonUsed;
      this.parentId = null;
      this.replyButtonUsed = null;
      this.replyNote.hidden = true;
      this.formTitle.textContent = t('leaveComment');
      this.formHome.append(this.form);
      if (returnFocus && button) button.focus();
    }

    values() {
      const values = {};
      for (const name of FIELDS) values[name] = this.inputs[name].value.trim();
      return values;
    }

    // The reader's mail choices for this comment, sent only where the site offers mail.
    choices() {
      const choices = {};
      for (const [name, box] of Object.entries(this.notify || {})) choices[name] = box.checked;
      return choices;
    }

    clearErrors() {
      for (const name of FIELDS) {
        this.errors[name].hidden = true;
        this.errors[name].textContent = '';
        this.inputs[name].removeAttribute('aria-invalid');
        this.describe(name);
      }
    }

    // The API names each field that is wrong in English; the reader is told in their language, by field and by what is
    // wrong with the value that was sent (empty, too long, or else not acceptable). Other fields get the general message.
    fieldErrors(errors, values) {
      const mapped = {};
      for (const name of Object.keys(errors)) {
        const value = values[name] || '';
        const max = Number(this.inputs[name] ? this.inputs[name].getAttribute('maxlength') : 0);
        const long = value.length > max;
        if (name === 'author') mapped.author = !value ? t('authorRequired') : long ? t('authorLong', { max }) : t('authorInvalid');
        else if (name === 'email') mapped.email = !value ? t('emailRequired') : t('emailInvalid');
        else if (name === 'website') mapped.website = long ? t('websiteLong', { max }) : t('websiteInvalid');
        else if (name === 'body') mapped.body = value.length < 2 ? t('bodyShort', { min: 2 }) : long ? t('bodyLong', { max }) : t('bodyInvalid');
        else mapped.general = t('formInvalid');
      }
      return mapped;
    }

    showErrors(errors) {
      const general = [];
      let first = null;
      for (const [name, messages] of Object.entries(errors || {})) {
        const text = [].concat(messages).join(' ');
        if (this.inputs[name]) {
          this.errors[name].textContent = text;
          this.errors[name].hidden = false;
          this.inputs[name].setAttribute('aria-invalid', 'true');
          this.describe(name);
          first = first || this.inputs[name];
        } else {
          general.push(text);
        }
      }
      this.formStatus.textContent = [first ? t('fixFields') : '', ...general].filter(Boolean).join(' ');
      if (first) first.focus();
    }

    async submit(event) {
      event.preventDefault();
      if (this.busy) return;
      const wait = Math.ceil((this.waitUntil - Date.now()) / 1000);
      if (wait > 0) {
        this.formStatus.textContent = t('pleaseWait', { count: wait });
        return;
      }

      this.clearErrors();
      const values = this.values();
      if (this.trap.value) {
        // A robot filled the trap: pretend all went well and send nothing.
        this.accepted(values, `trap-${Date.now()}`, false);
        return;
      }

      this.busy = true;
      this.submitButton.setAttribute('aria-disabled', 'true');
      this.formStatus.textContent = t('posting');
      const parentId = this.parentId;
      // One key per draft, kept for every retry of the same text: a POST whose answer was lost, or that was answered
      // "try again" after the server had taken it, is then recognised and answered with the first one's id instead
      // of being stored twice (which the duplicate rule would reject). Changing the text makes a new draft.
      const choices = this.choices();
      const draft = JSON.stringify([this.slug, parentId, values, choices]);
      if (!this.draft || this.draft.text !== draft) this.draft = { text: draft, key: newKey() };
      let answer;
      try {
        answer = await this.call(`articles/${this.slug}/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': this.draft.key },
          body: JSON.stringify({ ...values, website: values.website || null, parentId, ...choices }),
        });
      } catch {
        answer = null;
      } finally {
        this.busy = false;
        this.submitButton.removeAttribute('aria-disabled');
      }
      this.answered(answer, values);
    }

    answered(answer, values) {
      if (!answer) {
        this.formStatus.textContent = t('unreachable');
        return;
      }

      const problem = answer.body || {};
      switch (answer.status) {
        case 201:
        case 202:
          if (problem.editToken) this.own.push({ id: problem.id, token: problem.editToken, expires: problem.editableUntil });
          ownComments.save(this.slug, this.own);
          this.accepted(values, problem.id, true);
          return;
        case 400:
          this.showErrors(problem.errors ? this.fieldErrors(problem.errors, values) : { general: t('formInvalid') });
          return;
        case 409:
          this.closeComments();
          return;
        case 413:
          this.showErrors({ body: t('tooLarge') });
          return;
        case 429:
        case 503: {
          const seconds = retryAfterSeconds(answer.response.headers.get('Retry-After'), Date.now());
          this.waitUntil = Date.now() + seconds * 1000;
          this.holdSubmit(seconds);
          this.formStatus.textContent = answer.status === 429
            ? t('busy', { when: waitText(seconds) })
            : t('paused', { when: waitText(seconds) });
          return;
        }
        case 404:
          this.formStatus.textContent = t('gone');
          return;
        default:
          this.formStatus.textContent = t('serverError');
      }
    }

    holdSubmit(seconds) {
      if (seconds <= 0) return;
      this.submitButton.setAttribute('aria-disabled', 'true');
      setTimeout(() => {
        if (!this.busy) this.submitButton.removeAttribute('aria-disabled');
      }, seconds * 1000);
    }

    accepted(values, id, poll) {
      this.draft = null;
      rememberedReader.save(this.remember.checked ? { author: values.author, email: values.email, website: values.website } : null);
      const item = this.addComment({ id, parentId: this.parentId, author: values.author, website: values.website, body: values.body, created: new Date().toISOString() }, true);
      this.inputs.body.value = '';
      for (const box of Object.values(this.notify || {})) box.checked = false;
      if (this.parentId) this.cancelReply(false);
      this.formStatus.textContent = t('thanks');
      if (poll) this.poll(item, id, 0, Date.now());
    }

    closeComments() {
      this.open = false;
      if (this.parentId) this.cancelReply(false);
      for (const button of this.section.querySelectorAll('.cm-reply')) button.remove();
      const closed = h('p', { class: 'cm-closed', tabindex: '-1' }, t('closedOnPost'));
      this.formHome.replaceChildren(closed);
      this.form = null;
      closed.focus();
    }

    // For an edit, editedBefore is the edit time the comment had: until the status names a newer one, the edit waits.
    poll(item, id, attempt, since, editedBefore) {
      if (Date.now() - since > POLL_FOR_MS) return;
      const delay = POLL_DELAYS_SECONDS[Math.min(attempt, POLL_DELAYS_SECONDS.length - 1)];
      setTimeout(async () => {
        let answer = null;
        try {
          const hints = new URLSearchParams({ lang: this.hintLang || '' });
          if (this.country) hints.set('country', this.country);
          answer = await this.call(`articles/${this.slug}/comments/${encodeURIComponent(id)}?${hints}`);
        } catch {
          // Offline for a moment; ask again later.
        }
        const waiting = editedBefore !== undefined && answer && answer.ok && (answer.body.edited || '') === editedBefore;
        const status = answer && !waiting && (answer.status === 404 ? 'gone' : answer.ok && answer.body.status);
        if (answer && answer.ok && answer.body.edited) item.setAttribute('data-edited', answer.body.edited);
        if (answer && answer.ok && answer.body.crisisResources) this.showSupport(item, answer.body.crisisResources);
        if (status === 'approved') this.published(item);
        else if (status === 'rejected' || status === 'gone') this.notPublished(item);
        else this.poll(item, id, attempt + 1, since, editedBefore);
      }, delay * 1000);
    }

    // The writer's comment is in the crisis lane: instead of "awaiting moderation", a calm panel with the resources
    // the site configured, as links a phone can tap. Shown once; focus moves to it so it is read out.
    showSupport(item, set) {
      if (this.support) return;
      const ways = (resource) => [
        resource.phone && /^[\d +()-]+$/.test(resource.phone)
          ? h('a', { class: 'cm-support-way', href: `tel:${resource.phone.replace(/[^\d+]/g, '')}` }, t('call', { number: resource.phone })) : null,
        resource.sms && /^[\d +()-]+$/.test(resource.sms)
          ? h('a', { class: 'cm-support-way', href: `sms:${resource.sms.replace(/[^\d+]/g, '')}` }, t('text', { number: resource.sms })) : null,
        resource.url && /^https:/i.test(resource.url) && safeUrl(resource.url)
          ? h('a', { class: 'cm-support-way', href: safeUrl(resource.url), rel: 'noopener', target: '_blank' }, t('visit', { site: new URL(resource.url).host })) : null,
      ];
      const resources = (set.resources || []).map((resource) => h('li', { class: 'cm-support-item' },
        h('strong', {}, resource.name),
        resource.description ? h('span', { class: 'cm-support-text' }, resource.description) : null,
        h('span', { class: 'cm-support-ways' }, ways(resource))));
      this.support = h('section', { class: 'cm-support', role: 'alert', tabindex: '-1', 'aria-labelledby': 'cm-support-title' },
        h('h3', { class: 'cm-support-title', id: 'cm-support-title' }, set.heading),
        h('p', {}, set.message),
        resources.length ? h('ul', { class: 'cm-support-list' }, resources) : null,
        h('p', { class: 'cm-support-note' }, t('supportNote')));
      const badge = item.querySelector('.cm-badge');
      if (badge) badge.textContent = t('personWillRead');
      if (this.formStatus) this.formStatus.textContent = '';
      (this.form || this.formHome).after(this.support);
      this.support.focus();
    }

    published(item) {
      item.classList.remove('cm-pending');
      const badge = item.querySelector('.cm-badge');
      if (badge) badge.remove();
      if (!item.hasAttribute('data-counted')) this.count(1);
      item.setAttribute('data-counted', '');
      this.say(t('publishedStatus'));
    }

    notPublished(item) {
      item.classList.remove('cm-pending');
      item.classList.add('cm-declined');
      item.querySelector('.cm-body').replaceChildren(
        h('p', {}, t('declined')));
      const badge = item.querySelector('.cm-badge');
      if (badge) badge.textContent = t('notPublished');
      if (item.hasAttribute('data-counted')) this.count(-1);
      item.removeAttribute('data-counted');
      const own = item.querySelector('.cm-own');
      if (own) own.remove();
      this.say(t('declinedStatus'));
    }
  }

  function loadStylesheet() {
    if (!script || !script.src || document.querySelector('link[data-commentary]')) return;
    document.head.append(h('link', { rel: 'stylesheet', href: new URL(STYLESHEET, script.src).href, 'data-commentary': '' }));
  }

  function start() {
    const root = document.getElementById('commentary');
    if (!root || root.hasAttribute('data-started')) return;
    root.setAttribute('data-started', '');
    loadStylesheet();
    new CommentSection(root).mount();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
