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
  const FIELDS = ['author', 'email', 'website', 'body'];
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // Editing and deleting one's own comment: its strings in one place, ready for the message table.
  const EDIT_TEXT = {
    edit: 'Edit',
    delete: 'Delete',
    label: 'Edit your comment',
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'Delete your comment? This cannot be undone.',
    awaiting: 'Edit awaiting moderation',
    edited: 'Your edit is awaiting moderation and will appear once a moderator approves it.',
    mark: '(edited)',
    deleted: 'Your comment was deleted.',
    placeholder: 'Deleted by its author',
    late: 'The time to change this comment is over, so it was not changed.',
    notYours: 'This comment can no longer be changed from this browser.',
    gone: 'This comment no longer exists.',
    failed: 'Your change could not be saved. Please try again.',
  };
  const OWN_KEY = 'commentary-edit:';
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);

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
    if (total === 0) return 'No comments yet';
    return `${new Intl.NumberFormat(locale).format(total)} ${total === 1 ? 'comment' : 'comments'}`;
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
    if (seconds <= 0) return 'in a moment';
    if (seconds < 90) return `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
    return `in about ${Math.round(seconds / 60)} minutes`;
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
      this.locale = (lang && lang.getAttribute('lang')) || navigator.language;
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

    mount() {
      this.title = h('h2', { class: 'cm-title', id: 'cm-title' }, 'Comments');
      this.list = h('ol', { class: 'cm-list' });
      this.more = h('button', { type: 'button', class: 'cm-button cm-more', hidden: true, onclick: () => this.loadMore() }, 'Show more comments');
      this.status = h('p', { class: 'cm-status', role: 'status' });
      this.formHome = h('div', { class: 'cm-form-home' });
      this.section = h('section', { class: 'cm', 'aria-labelledby': 'cm-title' }, this.title, this.list, this.more, this.status, this.formHome);
      this.root.replaceChildren(this.section);
      setInterval(() => this.refreshTimes(), 60 * 1000);
      if (!this.base || !SLUG.test(this.slug)) {
        this.say('Comments are not set up on this page: data-api and data-article are needed.');
        return;
      }
      this.load();
    }

    async load() {
      this.say('Loading comments…');
      this.formHome.replaceChildren();
      let article;
      let page;
      try {
        [article, page] = await Promise.all([
          this.call(`articles/${this.slug}`),
          this.call(`articles/${this.slug}/comments?limit=${this.pageSize}`),
        ]);
      } catch {
        this.offerRetry('Comments could not be loaded. Check your connection and try again.');
        return;
      }

      if (article.status === 404) {
        this.say('Comments are not available for this page.');
        return;
      }

      if (!article.ok || !page.ok) {
        this.offerRetry('Comments could not be loaded right now.');
        return;
      }

      this.say('');
      this.open = article.body.commentsOpen === true;
      // The site emails commenters who ask: only then does the form offer it.
      this.mail = article.body.emailNotifications === true;
      this.addPage(page.body);
      if (this.open) {
        this.buildForm();
      } else {
        this.formHome.append(h('p', { class: 'cm-closed' }, 'Comments are closed.'));
      }
    }

    offerRetry(message) {
      this.say(message);
      const retry = h('button', { type: 'button', class: 'cm-button', onclick: () => this.load() }, 'Try again');
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
      this.say('Loading more comments…');
      try {
        const page = await this.call(`articles/${this.slug}/comments?limit=${this.pageSize}&continuationToken=${encodeURIComponent(this.next)}`);
        if (!page.ok) throw new Error(String(page.status));
        const added = this.addPage(page.body);
        this.say(`${added.length} more ${added.length === 1 ? 'comment' : 'comments'} loaded.`);
        // The button vanishes after the last page; keep keyboard users where the new comments begin.
        if (this.more.hidden && added.length > 0) added[0].querySelector('article').focus();
      } catch {
        this.say('More comments could not be loaded. Please try again.');
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
          h('article', { class: 'cm-comment', tabindex: '-1' }, h('p', { class: 'cm-body' }, EDIT_TEXT.placeholder)));
      }
      this.bodies.set(comment.id, comment.body);
      const created = new Date(comment.created);
      const website = comment.website && safeUrl(comment.website);
      const author = website
        ? h('a', { class: 'cm-author', href: website, rel: 'nofollow ugc noopener' }, comment.author)
        : h('span', { class: 'cm-author' }, comment.author);
      const time = h('time', { datetime: created.toISOString(), title: exactTime(created, this.locale) }, relativeTime(created, this.locale));
      const body = h('div', { class: 'cm-body' });
      if (pending) {
        body.append(...paragraphs(comment.body));
      } else {
        // Safe by contract: the API escapes every character of the comment and adds only <p>, <br> and nofollow links.
        body.innerHTML = comment.html;
      }

      const article = h('article', { class: 'cm-comment', tabindex: '-1', 'aria-label': `Comment by ${comment.author}` },
        h('header', { class: 'cm-meta' }, author, ' ', time, comment.edited ? ` ${EDIT_TEXT.mark}` : null), body);
      if (pending) {
        article.append(h('p', { class: 'cm-badge' }, 'Awaiting moderation'));
      } else if (this.open) {
        article.append(this.replyButton(comment));
      }
      const item = h('li', { class: pending ? 'cm-item cm-pending' : 'cm-item', id: `comment-${comment.id}`, 'data-id': comment.id, 'data-counted': !pending, 'data-edited': comment.edited }, article);
      const own = this.mine(comment.id);
      if (own) {
        article.append(h('div', { class: 'cm-own', 'data-expires': own.expires },
          h('button', { type: 'button', class: 'cm-link-button', onclick: (event) => this.startEdit(item, comment.id, event.currentTarget) }, EDIT_TEXT.edit),
          h('button', { type: 'button', class: 'cm-link-button', onclick: () => this.remove(item, comment.id) }, EDIT_TEXT.delete)));
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
        h('label', { for: input.id }, EDIT_TEXT.label), input, error,
        h('div', { class: 'cm-actions' }, h('button', { type: 'submit', class: 'cm-button' }, EDIT_TEXT.save),
          h('button', { type: 'button', class: 'cm-link-button', onclick: () => { close(); button.focus(); } }, EDIT_TEXT.cancel)));
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
        badge.textContent = EDIT_TEXT.awaiting;
        article.querySelector('.cm-body').after(badge);
        this.say(EDIT_TEXT.edited);
        this.poll(item, id, 0, Date.now(), item.getAttribute('data-edited') || '');
      } else if (status === 400) {
        const errors = (answer && answer.body && answer.body.errors) || {};
        error.textContent = [].concat(errors.body || EDIT_TEXT.failed).join(' ');
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.focus();
      } else if (status === 403 || status === 404) {
        close();
        this.refused(item, id, answer);
      } else {
        error.textContent = EDIT_TEXT.failed;
        error.hidden = false;
      }
    }

    async remove(item, id) {
      if (!window.confirm(EDIT_TEXT.confirm)) return;
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
          item.querySelector(':scope > article').replaceChildren(h('p', { class: 'cm-body' }, EDIT_TEXT.placeholder));
        } else {
          if (item.hasAttribute('data-counted')) this.count(-1);
          this.items.delete(id);
          item.remove();
        }
        this.say(EDIT_TEXT.deleted);
      } else if (status === 403 || status === 404) {
        this.refused(item, id, answer);
      } else {
        this.say(EDIT_TEXT.failed);
      }
    }

    refused(item, id, answer) {
      this.forget(item, id);
      const type = (answer && answer.body && answer.body.type) || '';
      // No answer at all means the window had passed on this device already.
      this.say(answer && answer.status === 404 ? EDIT_TEXT.gone : !answer || type.endsWith('/edit-window-closed') ? EDIT_TEXT.late : EDIT_TEXT.notYours);
    }

    count(change) {
      this.total += change;
      this.title.textContent = countText(this.total, this.locale);
    }

    replyButton(comment) {
      return h('button', {
        type: 'button',
        class: 'cm-link-button cm-reply',
        'aria-label': `Reply to ${comment.author}`,
        onclick: (event) => this.startReply(comment, event.currentTarget),
      }, 'Reply');
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
        h('label', { for: id }, label, options.optional ? h('span', { class: 'cm-optional' }, ' (optional)') : null),
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
      this.formTitle = h('h3', { class: 'cm-form-title', id: 'cm-form-title' }, 'Leave a comment');
      this.replyName = h('strong');
      this.cancel = h('button', { type: 'button', class: 'cm-link-button', onclick: () => this.cancelReply(true) }, 'Cancel reply');
      this.replyNote = h('p', { class: 'cm-replying', hidden: true }, 'Replying to ', this.replyName, '. ', this.cancel);
      this.remember = h('input', { type: 'checkbox', id: 'cm-remember' });
      // Off by default, and asked again for every comment; the first time, the address must confirm by email.
      this.notify = this.mail ? {
        notifyPublished: h('input', { type: 'checkbox', id: 'cm-notify-published', 'aria-describedby': 'cm-notify-note' }),
        notifyReplies: h('input', { type: 'checkbox', id: 'cm-notify-replies', 'aria-describedby': 'cm-notify-note' }),
      } : null;
      const notify = this.notify ? h('div', { class: 'cm-notify' },
        h('div', { class: 'cm-check' }, this.notify.notifyPublished,
          h('label', { for: 'cm-notify-published' }, 'Email me when my comment is published')),
        h('div', { class: 'cm-check' }, this.notify.notifyReplies,
          h('label', { for: 'cm-notify-replies' }, 'Email me when someone replies to my comment')),
        h('p', { class: 'cm-note', id: 'cm-notify-note' }, 'The first time, we email you a link to confirm your address. Every email has a link to stop them.')) : null;
      this.submitButton = h('button', { type: 'submit', class: 'cm-button cm-submit' }, 'Post comment');
      this.formStatus = h('p', { class: 'cm-form-status', role: 'status' });

      // Hidden from people (off screen, out of the tab order, hidden from screen readers) but not from robots that
      // fill every field. The API does not know about it: a filled trap means we quietly post nothing.
      this.trap = h('input', { type: 'text', id: 'cm-phone', name: 'phone', tabindex: '-1', autocomplete: 'off' });
      const trap = h('div', { class: 'cm-trap', 'aria-hidden': 'true' },
        h('label', { for: 'cm-phone' }, 'Leave this field empty'), this.trap);

      this.form = h('form', { class: 'cm-form', novalidate: true, 'aria-labelledby': 'cm-form-title', onsubmit: (event) => this.submit(event) },
        this.formTitle,
        this.replyNote,
        h('div', { class: 'cm-fields' },
          this.field('author', 'Name', h('input', { type: 'text', autocomplete: 'name', maxlength: '80', required: true }), {}),
          this.field('email', 'Email', h('input', { type: 'email', autocomplete: 'email', maxlength: '254', required: true }),
            { note: 'Never shown to anyone; used only to recognise you.' }),
          this.field('website', 'Website', h('input', { type: 'url', autocomplete: 'url', maxlength: '200', placeholder: 'https://' }), { optional: true })),
        trap,
        this.field('body', 'Comment', h('textarea', { rows: '5', maxlength: '5000', required: true }), {}),
        h('div', { class: 'cm-check' }, this.remember, h('label', { for: 'cm-remember' }, 'Remember my name, email and website on this device')),
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
      this.formTitle.textContent = `Reply to ${comment.author}`;
      this.items.get(comment.id).querySelector(':scope > article').after(this.form);
      const firstEmpty = ['author', 'email', 'body'].map((name) => this.inputs[name]).find((input) => !input.value);
      (firstEmpty || this.inputs.body).focus();
    }

    cancelReply(returnFocus) {
      const button = this.replyButtonUsed;
      this.parentId = null;
      this.replyButtonUsed = null;
      this.replyNote.hidden = true;
      this.formTitle.textContent = 'Leave a comment';
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
      this.formStatus.textContent = [first ? 'Some fields need a change; each one says what.' : '', ...general].filter(Boolean).join(' ');
      if (first) first.focus();
    }

    async submit(event) {
      event.preventDefault();
      if (this.busy) return;
      const wait = Math.ceil((this.waitUntil - Date.now()) / 1000);
      if (wait > 0) {
        this.formStatus.textContent = `Please wait ${wait} ${wait === 1 ? 'second' : 'seconds'} before trying again; your comment is still here.`;
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
      this.formStatus.textContent = 'Posting your comment…';
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
        this.formStatus.textContent = 'We could not reach the comment server. Your comment is still here; please try again.';
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
          this.showErrors(problem.errors || { general: problem.detail || 'Something in the form is not right.' });
          return;
        case 409:
          this.closeComments();
          return;
        case 413:
          this.showErrors({ body: 'This comment is too long to send.' });
          return;
        case 429:
        case 503: {
          const seconds = retryAfterSeconds(answer.response.headers.get('Retry-After'), Date.now());
          this.waitUntil = Date.now() + seconds * 1000;
          this.holdSubmit(seconds);
          this.formStatus.textContent = answer.status === 429
            ? `Lots of comments are arriving right now. Please try again ${waitText(seconds)}; your comment is still here.`
            : `Comments are taking a short break. Please try again ${waitText(seconds)}; your comment is still here.`;
          return;
        }
        case 404:
          this.formStatus.textContent = 'This article can no longer be found, so the comment was not posted.';
          return;
        default:
          this.formStatus.textContent = 'Something went wrong on our side. Your comment is still here; please try again shortly.';
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
      this.formStatus.textContent = 'Thank you. Your comment is awaiting moderation and will appear once a moderator approves it.';
      if (poll) this.poll(item, id, 0, Date.now());
    }

    closeComments() {
      this.open = false;
      if (this.parentId) this.cancelReply(false);
      for (const button of this.section.querySelectorAll('.cm-reply')) button.remove();
      const closed = h('p', { class: 'cm-closed', tabindex: '-1' }, 'Comments are closed on this article, so your comment was not posted.');
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
          const hints = new URLSearchParams({ lang: this.locale || '' });
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
          ? h('a', { class: 'cm-support-way', href: `tel:${resource.phone.replace(/[^\d+]/g, '')}` }, `Call ${resource.phone}`) : null,
        resource.sms && /^[\d +()-]+$/.test(resource.sms)
          ? h('a', { class: 'cm-support-way', href: `sms:${resource.sms.replace(/[^\d+]/g, '')}` }, `Text ${resource.sms}`) : null,
        resource.url && /^https:/i.test(resource.url) && safeUrl(resource.url)
          ? h('a', { class: 'cm-support-way', href: safeUrl(resource.url), rel: 'noopener', target: '_blank' }, `Visit ${new URL(resource.url).host}`) : null,
      ];
      const resources = (set.resources || []).map((resource) => h('li', { class: 'cm-support-item' },
        h('strong', {}, resource.name),
        resource.description ? h('span', { class: 'cm-support-text' }, resource.description) : null,
        h('span', { class: 'cm-support-ways' }, ways(resource))));
      this.support = h('section', { class: 'cm-support', role: 'alert', tabindex: '-1', 'aria-labelledby': 'cm-support-title' },
        h('h3', { class: 'cm-support-title', id: 'cm-support-title' }, set.heading),
        h('p', {}, set.message),
        resources.length ? h('ul', { class: 'cm-support-list' }, resources) : null,
        h('p', { class: 'cm-support-note' }, 'A person on our team will read your comment. Until then, only you can see it.'));
      const badge = item.querySelector('.cm-badge');
      if (badge) badge.textContent = 'A person will read this';
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
      this.say('Your comment has been published.');
    }

    notPublished(item) {
      item.classList.remove('cm-pending');
      item.classList.add('cm-declined');
      item.querySelector('.cm-body').replaceChildren(
        h('p', {}, 'This comment was not published. Thank you for taking the time to write; moderators keep the conversation close to the article.'));
      const badge = item.querySelector('.cm-badge');
      if (badge) badge.textContent = 'Not published';
      if (item.hasAttribute('data-counted')) this.count(-1);
      item.removeAttribute('data-counted');
      const own = item.querySelector('.cm-own');
      if (own) own.remove();
      this.say('Your comment was not published.');
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
