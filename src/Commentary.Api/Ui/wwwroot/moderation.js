// The moderation dashboard. Served at {api}/ui/moderation.html; it calls the moderation API one folder up with the
// moderator's key, which lives in sessionStorage only (this tab, until it closes).
(() => {
  'use strict';

  const KEY_STORAGE = 'commentary:moderator-key';
  const PAGE_SIZE = 50;
  const api = new URL('../', location.href);

  // The views the dashboard shows, one tab each (the tabs are in the page, named by data-view). The comment lists
  // share one panel and say what a moderator can do from each; bans, poison and settings have panels of their own.
  //   bans:     GET/POST/DELETE /moderation/bans — ban an email or IP hash with a reason, lift a ban.
  //   poison:   GET /moderation/poison — submissions that could never be processed; requeue or discard each.
  //   settings: GET/PUT /moderation/settings — the word lists and thresholds as JSON, saved with If-Match.
  const VIEWS = {
    pending: { kind: 'comments', actions: ['approve', 'reject', 'delete'], empty: 'Nothing is waiting. Well done.' },
    approved: { kind: 'comments', actions: ['reject', 'delete'], empty: 'No approved comments yet.' },
    rejected: { kind: 'comments', actions: ['approve', 'delete'], empty: 'No rejected comments.' },
    bans: { kind: 'bans' },
    poison: { kind: 'poison' },
    settings: { kind: 'settings' },
  };

  // What the ban form asks for, by the kind chosen; `field` is the request's member the value goes in.
  const BAN_KINDS = {
    email: {
      field: 'email', label: 'Email address', type: 'email',
      note: 'Comments from this address are rejected from now on.',
      missing: 'Enter the email address to ban.',
    },
    ip: {
      field: 'ipHash', label: 'IP hash', type: 'text',
      note: 'The 64-character ipHash of a comment (the address itself is never stored). Comments from that address are rejected from now on.',
      missing: 'Enter the IP hash to ban, as a comment shows it.',
    },
  };

  const ACTION_WORDS = {
    approve: { button: 'Approve', done: 'Approved', failed: 'approved' },
    reject: { button: 'Reject', done: 'Rejected', failed: 'rejected' },
    delete: { button: 'Delete', done: 'Deleted', failed: 'deleted' },
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    signIn: $('sign-in'), keyForm: $('key-form'), key: $('key'), keyError: $('key-error'), signOut: $('sign-out'),
    queue: $('queue'), panel: $('panel'), tabs: [...document.querySelectorAll('[role="tab"]')],
    selectAll: $('select-all'), bulkButtons: [...document.querySelectorAll('[data-bulk]')], bulkReject: $('bulk-reject'),
    bulkReason: $('bulk-reason'), refresh: $('refresh'), summary: $('summary'), items: $('items'), empty: $('empty'),
    more: $('more'), status: $('status'), help: $('help'), helpOpen: $('help-open'),
    poisonPanel: $('poison-panel'), poisonRefresh: $('poison-refresh'), poisonSummary: $('poison-summary'),
    poisonItems: $('poison-items'), poisonEmpty: $('poison-empty'),
    settingsPanel: $('settings-panel'), settingsForm: $('settings-form'), settingsJson: $('settings-json'),
    settingsFeedback: $('settings-feedback'), settingsMessage: $('settings-message'), settingsErrors: $('settings-errors'),
    settingsReload: $('settings-reload'), settingsVersion: $('settings-version'), modelInfo: $('model-info'),
    bansPanel: $('bans-panel'), banForm: $('ban-form'), banSource: $('ban-source'),
    banKinds: [...document.querySelectorAll('input[name="ban-kind"]')], banValueLabel: $('ban-value-label'),
    banValueNote: $('ban-value-note'), banFeedback: $('ban-feedback'), banMessage: $('ban-message'),
    banProblems: $('ban-problems'), bansRefresh: $('bans-refresh'), bansSummary: $('bans-summary'),
    bansTable: $('bans-table'), bansItems: $('bans-items'), bansEmpty: $('bans-empty'),
  };
  const PANELS = { comments: ui.panel, bans: ui.bansPanel, poison: ui.poisonPanel, settings: ui.settingsPanel };
  // The ban form's fields, each with the error shown next to it; the API's `errors` names them by request member.
  const BAN_FIELDS = {
    value: { input: $('ban-value'), error: $('ban-value-error') },
    reason: { input: $('ban-reason'), error: $('ban-reason-error') },
    expires: { input: $('ban-expires'), error: $('ban-expires-error') },
  };
  const BAN_ERROR_FIELDS = { email: 'value', ipHash: 'value', reason: 'reason', expiresAt: 'expires' };

  const state = { key: null, view: 'pending', items: [], next: null, loading: false };
  const poison = { items: [], loading: false };
  // The bans as listed; `source` is the comment the form was filled in from, if any.
  const bans = { items: [], loading: false, adding: false, source: null };
  // The settings as loaded (to tell unsaved edits) and their ETag, sent as If-Match when saving.
  const settings = { text: null, etag: null, busy: false };

  // Builds an element; string children become text nodes, never markup.
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

  function say(message) {
    ui.status.textContent = message;
  }

  function safeUrl(value) {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  function when(value) {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }

  async function call(method, path, options = {}) {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${state.key}` };
    if (options.etag) headers['If-Match'] = options.etag;
    // options.text is sent as it is (JSON the moderator wrote); options.body is serialized here.
    const payload = options.text !== undefined ? options.text : options.body ? JSON.stringify(options.body) : undefined;
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(new URL(path, api), {
      method,
      headers,
      body: payload,
      cache: 'no-store',
    });
    let body = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      try {
        body = await response.json();
      } catch {
        body = null;
      }
    }
    if (response.status === 401 && state.key) signOut('The API no longer accepts this key. Please sign in again.');
    return {
      status: response.status,
      ok: response.ok,
      body,
      etag: response.headers.get('ETag'),
      retryAfter: response.headers.get('Retry-After'),
    };
  }

  // ---- Signing in and out ----

  async function signIn(key) {
    state.key = key;
    ui.keyError.textContent = '';
    let answer;
    try {
      answer = await call('GET', 'moderation/comments?status=pending&limit=1');
    } catch {
      ui.keyError.textContent = 'The API could not be reached. Check that it is running and try again.';
      state.key = null;
      return;
    }
    if (answer.status === 401) {
      state.key = null;
      ui.keyError.textContent = 'That key was not accepted.';
      ui.key.focus();
      return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    ui.key.value = '';
    ui.signIn.hidden = true;
    ui.queue.hidden = false;
    ui.signOut.hidden = false;
    await showView('pending', false);
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    state.key = null;
    state.items = [];
    ui.items.replaceChildren();
    poison.items = [];
    ui.poisonItems.replaceChildren();
    settings.text = null;
    settings.etag = null;
    ui.settingsJson.value = '';
    clearSettingsFeedback();
    bans.items = [];
    ui.bansItems.replaceChildren();
    resetBanForm();
    ui.queue.hidden = true;
    ui.signOut.hidden = true;
    ui.signIn.hidden = false;
    ui.keyError.textContent = message || '';
    say(message ? '' : 'Signed out.');
    ui.key.focus();
  }

  // ---- Loading a list ----

  async function showView(view, moveFocus) {
    state.view = view;
    const kind = VIEWS[view].kind;
    for (const tab of ui.tabs) {
      const selected = tab.dataset.view === view;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) {
        if (kind === 'comments') ui.panel.setAttribute('aria-labelledby', tab.id);
        if (moveFocus) tab.focus();
      }
    }
    for (const [name, panel] of Object.entries(PANELS)) panel.hidden = name !== kind;
    if (kind === 'poison') {
      await loadPoison();
      return;
    }
    if (kind === 'bans') {
      BAN_FIELDS.expires.input.min = dayOf(new Date());
      await loadBans();
      return;
    }
    if (kind === 'settings') {
      // Loaded once; coming back to the tab keeps unsaved edits. Reload asks for a fresh copy.
      if (settings.etag === null) await loadSettings();
      return;
    }
    for (const button of ui.bulkButtons) button.hidden = !VIEWS[view].actions.includes(button.dataset.bulk);
    closeBulkReject();
    await load(false);
  }

  async function load(append) {
    if (state.loading) return;
    state.loading = true;
    ui.panel.setAttribute('aria-busy', 'true');
    say(append ? 'Loading more…' : 'Loading…');
    const token = append && state.next ? `&continuationToken=${encodeURIComponent(state.next)}` : '';
    let answer;
    try {
      answer = await call('GET', `moderation/comments?status=${state.view}&limit=${PAGE_SIZE}${token}`);
    } catch {
      answer = null;
    } finally {
      state.loading = false;
      ui.panel.removeAttribute('aria-busy');
    }
    if (!answer || !answer.ok) {
      if (!answer || answer.status !== 401) say('The list could not be loaded. Try Refresh in a moment.');
      return;
    }
    const fresh = answer.body.items.map((record) => ({ ...record, selected: false, notice: null, element: null }));
    state.items = urgentFirst(append ? state.items.concat(fresh) : fresh);
    state.next = answer.body.continuationToken || null;
    renderList();
    say(append ? `${fresh.length} more loaded.` : '');
  }

  // Urgent comments (crisis language) come first; otherwise the API's order, newest first, is kept.
  function urgentFirst(items) {
    return items.map((item, index) => ({ item, index }))
      .sort((a, b) => (rank(a.item) - rank(b.item)) || (a.index - b.index))
      .map((entry) => entry.item);
  }

  function rank(item) {
    return item.priority === 'urgent' ? 0 : 1;
  }

  // ---- Rendering ----

  function renderList() {
    const focused = currentItem();
    ui.items.replaceChildren(...state.items.map(elementFor));
    if (focused && focused.element && focused.element.isConnected) focusItem(focused);
    renderChrome();
  }

  function renderChrome() {
    const count = state.items.length;
    const urgent = state.items.filter((item) => item.priority === 'urgent').length;
    ui.empty.hidden = count > 0;
    ui.empty.textContent = VIEWS[state.view].empty;
    ui.more.hidden = !state.next;
    const shown = `${count}${state.next ? '+' : ''} ${state.view}`;
    ui.summary.textContent = count === 0 ? '' : urgent > 0 ? `${shown}, ${urgent} urgent` : shown;
    const selected = state.items.filter((item) => item.selected).length;
    ui.selectAll.checked = count > 0 && selected === count;
    ui.selectAll.indeterminate = selected > 0 && selected < count;
    for (const button of ui.bulkButtons) {
      button.disabled = selected === 0;
      button.textContent = `${ACTION_WORDS[button.dataset.bulk].button} selected${selected > 0 ? ` (${selected})` : ''}`;
    }
  }

  function elementFor(item) {
    if (item.element) {
      renderNotice(item);
      return item.element;
    }
    const website = item.website && safeUrl(item.website);
    const select = h('input', { type: 'checkbox', class: 'select', 'aria-label': `Select the comment by ${item.author}` });
    select.checked = item.selected;
    select.addEventListener('change', () => setSelected(item, select.checked));
    item.checkbox = select;

    const reasons = item.reasons && item.reasons.length
      ? h('ul', { class: 'reasons', 'aria-label': 'Why it was held' },
        item.reasons.map((reason) => h('li', {}, h('span', { class: 'rule' }, reason.rule), ' ', reason.detail)))
      : null;
    const history = item.history
      ? h('p', { class: 'history' }, `This email: ${item.history.approved} approved · ${item.history.pending} pending · ${item.history.rejected} rejected`)
      : null;
    const decided = item.moderatedBy
      ? h('p', { class: 'decided' }, `${item.status === 'rejected' ? 'Rejected' : 'Approved'} by ${item.moderatedBy}, ${when(item.moderatedAt)}`,
        item.statusNote ? `: ${item.statusNote}` : '')
      : null;
    const body = h('div', { class: 'body' });
    // Safe by contract: the API escapes every character of the comment before adding paragraphs and links.
    body.innerHTML = item.html;

    const rejectForm = rejectFormFor(item);
    const crisis = item.crisis ? crisisFor(item) : null;
    const actions = h('div', { class: 'actions' }, VIEWS[state.view].actions.map((action) =>
      h('button', {
        type: 'button',
        class: action === 'approve' ? 'primary' : action === 'delete' ? 'danger-text' : '',
        'data-action': action,
        onclick: () => {
          if (action === 'reject') openReject(item);
          else if (action !== 'delete' || confirm(`Delete the comment by ${item.author} for good?`)) decide(item, action);
        },
      }, ACTION_WORDS[action].button)),
    h('button', { type: 'button', class: 'quiet', 'data-action': 'ban', onclick: () => banFrom(item) }, 'Ban author…'));

    item.noticeElement = h('p', { class: 'notice', role: 'note', hidden: true });
    const article = h('article', { class: 'card', tabindex: '-1', 'aria-label': `Comment by ${item.author} on ${item.slug}` },
      h('div', { class: 'head' },
        select,
        item.priority === 'urgent' ? h('span', { class: 'badge urgent' }, 'Urgent') : null,
        h('strong', { class: 'who' }, item.author),
        h('span', { class: 'email' }, item.email),
        website ? h('a', { href: website, rel: 'nofollow ugc noopener noreferrer' }, new URL(website).host) : null),
      h('p', { class: 'where' }, 'On ', h('span', { class: 'slug' }, item.slug), item.parentId ? ' · a reply' : '', ' · ',
        h('time', { datetime: item.created }, when(item.created))),
      item.noticeElement,
      body,
      reasons,
      crisis,
      h('p', { class: 'meta' }, `Score ${item.score}`),
      history,
      decided,
      actions,
      rejectForm);
    item.element = h('li', { class: item.priority === 'urgent' ? 'item urgent' : 'item', 'data-id': item.id, 'data-slug': item.slug }, article);
    item.article = article;
    renderNotice(item);
    return item.element;
  }

  // ---- The crisis lane: what the writer was shown, and a private reply by email (never sent automatically) ----

  function crisisFor(item) {
    const set = item.crisis.resources;
    const ways = (resource) => [resource.phone && `call ${resource.phone}`, resource.sms && `text ${resource.sms}`, resource.url]
      .filter(Boolean).join(' · ');
    item.replyForm = replyFormFor(item);
    return h('section', { class: 'crisis', 'aria-label': `Crisis resources for ${item.author}` },
      h('p', { class: 'crisis-shown' }, item.crisis.shown
        ? `The writer was shown “${set.heading}” (${item.crisis.match}):`
        : `Not shown to the writer yet (their page has not asked since). They would see “${set.heading}”:`),
      h('p', { class: 'crisis-message' }, set.message),
      set.resources.length
        ? h('ul', { class: 'crisis-resources' }, set.resources.map((resource) =>
          h('li', {}, h('strong', {}, resource.name), resource.description ? ` — ${resource.description}` : '', ways(resource) ? ` (${ways(resource)})` : '')))
        : null,
      h('button', { type: 'button', 'data-action': 'private-reply', onclick: () => openReply(item) }, 'Reply privately with resources…'),
      item.crisis.canSendMail ? null : h('p', { class: 'crisis-mail' },
        'Mail is not configured on this site, so a private reply cannot be sent: set Mail__Host and Mail__From.'),
      item.replyForm);
  }

  function replyFormFor(item) {
    const subjectId = `reply-subject-${item.id}`;
    const textId = `reply-text-${item.id}`;
    item.replySubject = h('input', { id: subjectId, maxlength: '200', required: true });
    item.replyText = h('textarea', { id: textId, rows: '10', maxlength: '5000', required: true });
    const form = h('form', { class: 'reply-form', novalidate: true, hidden: true },
      h('p', { class: 'reply-to' }, `To ${item.email}, from this site's address. Nothing is sent until you press Send.`),
      h('label', { for: subjectId }, 'Subject'), item.replySubject,
      h('label', { for: textId }, 'Message'), item.replyText,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, 'Send private reply'),
        h('button', { type: 'button', class: 'quiet', onclick: () => closeReply(item) }, 'Cancel')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sendReply(item);
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        closeReply(item);
      }
    });
    return form;
  }

  function openReply(item) {
    item.replySubject.value = item.crisis.reply.subject;
    item.replyText.value = item.crisis.reply.text;
    item.replyForm.hidden = false;
    item.replySubject.focus();
  }

  function closeReply(item) {
    item.replyForm.hidden = true;
    item.article.focus();
  }

  async function sendReply(item) {
    if (item.replying) return;
    item.replying = true;
    let answer = null;
    try {
      answer = await call('POST', `${path(item)}/private-reply`, { body: { subject: item.replySubject.value.trim(), text: item.replyText.value } });
    } catch {
      answer = null;
    } finally {
      item.replying = false;
    }
    if (answer && answer.status === 401) return;
    item.notice = answer && answer.ok
      ? `Private reply sent to ${item.email}; it is recorded in the comment's history.`
      : `The private reply was not sent${answer && answer.body && answer.body.detail ? `: ${answer.body.detail}` : '; the API did not answer'}`;
    if (answer && answer.ok) item.replyForm.hidden = true;
    renderNotice(item);
    say(item.notice);
    item.article.focus();
  }

  function renderNotice(item) {
    item.noticeElement.hidden = !item.notice;
    item.noticeElement.textContent = item.notice || '';
  }

  function rejectFormFor(item) {
    const id = `reason-${item.id}`;
    item.reason = h('input', { id, list: 'reasons', maxlength: '500', required: true });
    const form = h('form', { class: 'reject-form', novalidate: true, hidden: true },
      h('label', { for: id }, 'Why is it rejected?'),
      item.reason,
      h('button', { type: 'submit', class: 'danger' }, 'Reject comment'),
      h('button', { type: 'button', class: 'quiet', onclick: () => closeReject(item) }, 'Cancel'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const reason = item.reason.value.trim();
      if (!reason) {
        say('Say why the comment is rejected; the reason is kept with it.');
        item.reason.focus();
        return;
      }
      decide(item, 'reject', reason);
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        closeReject(item);
      }
    });
    item.rejectForm = form;
    return form;
  }

  function openReject(item) {
    item.rejectForm.hidden = false;
    item.reason.focus();
  }

  function closeReject(item) {
    item.rejectForm.hidden = true;
    item.reason.value = '';
    item.article.focus();
  }

  // ---- Selection and movement ----

  function setSelected(item, selected) {
    item.selected = selected;
    if (item.checkbox) item.checkbox.checked = selected;
    renderChrome();
  }

  function currentItem() {
    const active = document.activeElement;
    const element = active && active.closest && active.closest('.item');
    return element ? state.items.find((item) => item.element === element) : null;
  }

  function focusItem(item) {
    item.article.focus();
    item.article.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    if (state.items.length === 0) return;
    const current = currentItem();
    const index = current ? state.items.indexOf(current) + step : 0;
    focusItem(state.items[Math.max(0, Math.min(state.items.length - 1, index))]);
  }

  // ---- Decisions: optimistic, rolled back when the API says no ----

  function path(item) {
    return `moderation/comments/${encodeURIComponent(item.slug)}/${encodeURIComponent(item.id)}`;
  }

  // Takes the comment out of the list at once, then asks the API. The record's etag goes as If-Match, so a comment
  // that someone else changed meanwhile is refused (409) and comes back into the list instead of being overruled.
  async function act(item, action, reason) {
    const index = state.items.indexOf(item);
    if (index < 0) return 'gone';
    const hadFocus = item.element.contains(document.activeElement);
    state.items.splice(index, 1);
    item.element.remove();
    if (hadFocus) {
      const neighbour = state.items[index] || state.items[index - 1];
      if (neighbour) focusItem(neighbour);
      else ui.panel.focus();
    }
    renderChrome();

    let answer = null;
    try {
      answer = action === 'delete'
        ? await call('DELETE', path(item), { etag: item.etag })
        : await call('POST', `${path(item)}/${action}`, { etag: item.etag, body: action === 'reject' ? { reason } : undefined });
    } catch {
      answer = null;
    }
    if (answer && answer.ok) return 'done';
    if (answer && answer.status === 404) return 'gone';
    if (answer && answer.status === 401) return 'signed-out';

    item.notice = answer && answer.status === 409
      ? 'Someone else changed this comment since the list was loaded, so nothing was done. Refresh to see it as it is now.'
      : `This comment could not be ${ACTION_WORDS[action].failed}${answer && answer.body && answer.body.detail ? `: ${answer.body.detail}` : '; the API did not answer'}.`;
    state.items.splice(Math.min(index, state.items.length), 0, item);
    ui.items.insertBefore(elementFor(item), (state.items[index + 1] && state.items[index + 1].element) || null);
    renderChrome();
    return answer && answer.status === 409 ? 'conflict' : 'failed';
  }

  async function decide(item, action, reason) {
    const outcome = await act(item, action, reason);
    const who = `the comment by ${item.author}`;
    if (outcome === 'done') say(`${ACTION_WORDS[action].done} ${who}.`);
    else if (outcome === 'gone') say(`${who[0].toUpperCase()}${who.slice(1)} no longer exists; it has been removed from the list.`);
    else if (outcome === 'conflict' || outcome === 'failed') say(item.notice);
  }

  // Bulk actions loop over the single-comment endpoints, one at a time, and report once at the end.
  async function bulk(action, reason) {
    const chosen = state.items.filter((item) => item.selected);
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
    ui.bulkReject.hidden = false;
    ui.bulkReason.focus();
  }

  function closeBulkReject() {
    ui.bulkReject.hidden = true;
    ui.bulkReason.value = '';
  }

  // ---- Poison messages ----

  // The API's reason for a failure, to end a sentence with.
  function problemDetail(answer) {
    const detail = answer && answer.body && typeof answer.body.detail === 'string' ? answer.body.detail.replace(/\.$/, '') : '';
    return detail ? `: ${detail}` : '; the API did not answer';
  }

  async function loadPoison() {
    if (poison.loading) return;
    poison.loading = true;
    ui.poisonPanel.setAttribute('aria-busy', 'true');
    say('Loading…');
    let answer;
    try {
      answer = await call('GET', 'moderation/poison');
    } catch {
      answer = null;
    } finally {
      poison.loading = false;
      ui.poisonPanel.removeAttribute('aria-busy');
    }
    if (!answer || !answer.ok) {
      if (!answer || answer.status !== 401) say('The poison queue could not be loaded. Try Refresh in a moment.');
      return;
    }
    poison.items = answer.body.items.map((message) => ({ ...message, busy: false }));
    ui.poisonItems.replaceChildren(...poison.items.map(poisonElementFor));
    renderPoisonChrome();
    say('');
  }

  function renderPoisonChrome() {
    const count = poison.items.length;
    ui.poisonEmpty.hidden = count > 0;
    ui.poisonSummary.textContent = count === 0 ? '' : `${count} ${count === 1 ? 'message' : 'messages'}${count >= 32 ? ' (the oldest 32; handle some to see more)' : ''}`;
  }

  // JSON (what a submission is) is shown indented to be readable; anything else exactly as it is. Text only, always.
  function readable(text) {
    try {
      const parsed = JSON.parse(text);
      return parsed !== null && typeof parsed === 'object' ? JSON.stringify(parsed, null, 2) : text;
    } catch {
      return text;
    }
  }

  function fact(term, value, code) {
    return h('div', {}, h('dt', {}, term), h('dd', {}, code ? h('code', {}, value) : value));
  }

  function poisonElementFor(message) {
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
        h('button', { type: 'button', class: 'primary', onclick: () => handlePoison(message, 'requeue') }, 'Requeue'),
        h('button', {
          type: 'button',
          class: 'danger-text',
          onclick: () => {
            if (confirm(`Discard poison message ${message.messageId} for good? What it carries will never be stored.`)) handlePoison(message, 'discard');
          },
        }, 'Discard')));
    message.element = h('li', { class: 'item', 'data-message-id': message.messageId }, message.article);
    return message.element;
  }

  function removePoison(message) {
    const index = poison.items.indexOf(message);
    if (index < 0) return;
    const hadFocus = message.element.contains(document.activeElement);
    poison.items.splice(index, 1);
    message.element.remove();
    if (hadFocus) {
      const neighbour = poison.items[index] || poison.items[index - 1];
      if (neighbour) neighbour.article.focus();
      else ui.poisonPanel.focus();
    }
    renderPoisonChrome();
  }

  async function handlePoison(message, action) {
    if (message.busy) return;
    message.busy = true;
    const route = `moderation/poison/${encodeURIComponent(message.messageId)}`;
    say(action === 'requeue' ? 'Requeuing…' : 'Discarding…');
    let answer = null;
    try {
      answer = action === 'requeue' ? await call('POST', `${route}/requeue`) : await call('DELETE', route);
    } catch {
      answer = null;
    }
    message.busy = false;
    if (answer && answer.status === 401) return;
    if (answer && answer.ok) {
      removePoison(message);
      say(action === 'requeue'
        ? `Requeued message ${message.messageId}; the worker will try it again.`
        : `Discarded message ${message.messageId}.`);
      return;
    }
    if (answer && answer.status === 404) {
      removePoison(message);
      say(`Message ${message.messageId} was already handled (requeued or discarded, perhaps by someone else); it has been removed from the list.`);
      return;
    }
    const detail = problemDetail(answer);
    message.notice.textContent = `This message could not be ${action === 'requeue' ? 'requeued' : 'discarded'}${detail}. Try again in a moment.`;
    message.notice.hidden = false;
    say(message.notice.textContent);
  }

  // ---- Bans ----

  // The way a retry hint reads: "in 5 seconds" from Retry-After, or "in a moment" without one.
  function retryIn(answer) {
    const seconds = Number.parseInt((answer && answer.retryAfter) || '', 10);
    return seconds > 0 ? `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}` : 'in a moment';
  }

  // What went wrong, for a moderator: `what` failed, and why. A 401 never gets here: call() has signed out with its message.
  function trouble(answer, what) {
    if (!answer) return `${what}: the API could not be reached. Check that it is running and try again.`;
    if (answer.status === 429) return `${what}: the API has had too many requests from this address. Try again ${retryIn(answer)}.`;
    if (answer.status === 503) return `${what}: the API is briefly unavailable. Try again ${retryIn(answer)}.`;
    return `${what}${problemDetail(answer)}. Try again in a moment.`;
  }

  // A date input's value for a day, in the moderator's time zone.
  function dayOf(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  // Who a ban is on, in a sentence: the email address, or the start of the IP hash (all of it is in the list).
  function banned(ban) {
    if (ban.kind === 'email') return ban.email || `the email with hash ${ban.hash.slice(0, 12)}…`;
    return `IP hash ${ban.hash.slice(0, 12)}…`;
  }

  function banKind() {
    const chosen = ui.banKinds.find((radio) => radio.checked);
    return chosen ? chosen.value : 'email';
  }

  async function loadBans() {
    if (bans.loading) return;
    bans.loading = true;
    ui.bansPanel.setAttribute('aria-busy', 'true');
    say('Loading…');
    let answer;
    try {
      answer = await call('GET', 'moderation/bans');
    } catch {
      answer = null;
    } finally {
      bans.loading = false;
      ui.bansPanel.removeAttribute('aria-busy');
    }
    if (!answer || !answer.ok) {
      if (!answer || answer.status !== 401) say(trouble(answer, 'The bans could not be loaded'));
      return;
    }
    bans.items = answer.body.items.map((ban) => ({ ...ban, busy: false }));
    ui.bansItems.replaceChildren(...bans.items.map(banElementFor));
    renderBansChrome();
    say('');
  }

  function renderBansChrome() {
    const count = bans.items.length;
    const lapsed = bans.items.filter((ban) => !ban.active).length;
    ui.bansEmpty.hidden = count > 0;
    ui.bansTable.hidden = count === 0;
    ui.bansSummary.textContent = count === 0 ? '' : `${count} ${count === 1 ? 'ban' : 'bans'}${lapsed > 0 ? `, ${lapsed} lapsed` : ''}`;
  }

  // One row: what is banned, why, when and by whom, until when, and Lift. Text only, always.
  function banElementFor(ban) {
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
        if (confirm(`Lift the ban on ${banned(ban)}? Their next comments are moderated as usual.`)) liftBan(ban);
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

  function removeBan(ban) {
    const index = bans.items.indexOf(ban);
    if (index < 0) return;
    const hadFocus = ban.element.contains(document.activeElement);
    bans.items.splice(index, 1);
    ban.element.remove();
    renderBansChrome();
    if (hadFocus) {
      const neighbour = bans.items[index] || bans.items[index - 1];
      if (neighbour) neighbour.lift.focus();
      else ui.bansPanel.focus();
    }
  }

  async function liftBan(ban) {
    if (ban.busy) return;
    ban.busy = true;
    say('Lifting…');
    let answer = null;
    try {
      answer = await call('DELETE', `moderation/bans/${encodeURIComponent(ban.id)}`);
    } catch {
      answer = null;
    }
    ban.busy = false;
    if (answer && answer.status === 401) return;
    if (answer && (answer.ok || answer.status === 404)) {
      removeBan(ban);
      say(answer.ok
        ? `Lifted the ban on ${banned(ban)}.`
        : `The ban on ${banned(ban)} was already lifted (perhaps by someone else); it has been removed from the list.`);
      return;
    }
    say(trouble(answer, `The ban on ${banned(ban)} could not be lifted`));
  }

  // ---- The ban form ----

  function clearBanErrors() {
    for (const field of Object.values(BAN_FIELDS)) {
      field.input.removeAttribute('aria-invalid');
      field.error.textContent = '';
    }
    ui.banFeedback.hidden = true;
    ui.banMessage.textContent = '';
    ui.banProblems.replaceChildren();
    ui.banProblems.hidden = true;
  }

  function banFieldError(name, message) {
    const field = BAN_FIELDS[name];
    field.input.setAttribute('aria-invalid', 'true');
    field.error.textContent = field.error.textContent ? `${field.error.textContent} ${message}` : message;
  }

  // A problem that belongs to no field, under the form.
  function banFeedback(message, problems) {
    ui.banMessage.textContent = message;
    if (problems && problems.length) {
      ui.banProblems.replaceChildren(...problems.map((problem) => h('li', {}, problem)));
      ui.banProblems.hidden = false;
    }
    ui.banFeedback.hidden = false;
  }

  // After a refusal: the first field with an error gets focus, and one sentence says where the problems are.
  function reportBanErrors() {
    const invalid = Object.values(BAN_FIELDS).filter((field) => field.input.getAttribute('aria-invalid') === 'true');
    if (invalid.length === 0) {
      say('Nothing was banned: the problems are listed below the form.');
      return;
    }
    invalid[0].input.focus();
    const count = `${invalid.length} ${invalid.length === 1 ? 'problem' : 'problems'}`;
    say(`Nothing was banned: ${count}, shown next to the ${invalid.length === 1 ? 'field' : 'fields'}.`);
  }

  function showBanSource(text) {
    // Emptied when hidden, so that nothing stale is read out.
    ui.banSource.textContent = text || '';
    ui.banSource.hidden = !text;
  }

  // Labels the value field for the kind chosen. A form filled in from a comment swaps in that comment's other identity.
  function setBanKind(kind) {
    const words = BAN_KINDS[kind];
    const value = BAN_FIELDS.value.input;
    ui.banValueLabel.textContent = words.label;
    ui.banValueNote.textContent = words.note;
    value.type = words.type;
    if (bans.source) value.value = (kind === 'email' ? bans.source.email : bans.source.ipHash) || '';
    value.removeAttribute('aria-invalid');
    BAN_FIELDS.value.error.textContent = '';
  }

  function resetBanForm() {
    ui.banForm.reset();
    bans.source = null;
    showBanSource('');
    setBanKind('email');
    clearBanErrors();
  }

  // From a comment's "Ban author…" (or b): the Bans tab with the author's email filled in, ready for a reason.
  function banFrom(item) {
    bans.source = { email: item.email, ipHash: item.ipHash || null };
    for (const radio of ui.banKinds) radio.checked = radio.value === 'email';
    clearBanErrors();
    setBanKind('email');
    showBanSource(item.ipHash
      ? `Filled in from the comment by ${item.author} on ${item.slug}. Choose “An IP hash” to ban the address it came from instead.`
      : `Filled in from the comment by ${item.author} on ${item.slug}.`);
    showView('bans', false);
    BAN_FIELDS.reason.input.focus();
  }

  // The end of the chosen day in the moderator's time zone, as the API's timestamp; null for none; or a field error.
  function expiryFrom(input) {
    if (input.validity.badInput) return { error: 'Enter a whole date (day, month and year), or leave it empty for a ban that never lapses.' };
    if (!input.value) return { value: null };
    const [year, month, day] = input.value.split('-').map(Number);
    const end = new Date(year, month - 1, day, 23, 59, 59, 999);
    if (Number.isNaN(end.getTime())) return { error: 'This is not a date.' };
    if (end.getTime() <= Date.now()) return { error: 'Choose today or a later day: a ban that has already lapsed stops nobody.' };
    return { value: end.toISOString() };
  }

  async function addBan() {
    if (bans.adding) return;
    clearBanErrors();
    const kind = banKind();
    const value = BAN_FIELDS.value.input.value.trim();
    const expiry = expiryFrom(BAN_FIELDS.expires.input);
    // The form checks only what it shapes itself (which field, the date); the API checks the address, hash and reason.
    if (!value) banFieldError('value', BAN_KINDS[kind].missing);
    if (expiry.error) banFieldError('expires', expiry.error);
    if (!value || expiry.error) {
      reportBanErrors();
      return;
    }
    const body = { reason: BAN_FIELDS.reason.input.value.trim(), expiresAt: expiry.value };
    body[BAN_KINDS[kind].field] = kind === 'ip' ? value.toLowerCase() : value;

    bans.adding = true;
    ui.banForm.setAttribute('aria-busy', 'true');
    say('Adding the ban…');
    let answer = null;
    try {
      answer = await call('POST', 'moderation/bans', { body });
    } catch {
      answer = null;
    } finally {
      bans.adding = false;
      ui.banForm.removeAttribute('aria-busy');
    }
    if (answer && answer.status === 401) return;
    if (answer && answer.ok) {
      const ban = { ...answer.body, busy: false };
      // A ban on the same email or IP hash replaces the old one.
      const old = bans.items.find((item) => item.id === ban.id);
      if (old) {
        bans.items.splice(bans.items.indexOf(old), 1);
        old.element.remove();
      }
      bans.items.unshift(ban);
      ui.bansItems.prepend(banElementFor(ban));
      renderBansChrome();
      resetBanForm();
      const until = ban.expiresAt ? ` until ${when(ban.expiresAt)}` : ' for good';
      say(`${old ? 'Replaced the ban on' : 'Banned'} ${banned(ban)}${until}.`);
      return;
    }
    if (answer && answer.status === 400 && answer.body && answer.body.errors) {
      const others = {};
      for (const [member, messages] of Object.entries(answer.body.errors)) {
        const field = BAN_ERROR_FIELDS[member];
        if (field) banFieldError(field, [].concat(messages).join(' '));
        else others[member] = messages;
      }
      const problems = problemsFrom(others);
      if (problems.length) banFeedback('The API also said:', problems);
      reportBanErrors();
      return;
    }
    const message = trouble(answer, 'Nothing was banned');
    banFeedback(message);
    say(message);
  }

  // ---- Settings ----

  function clearSettingsFeedback() {
    ui.settingsFeedback.hidden = true;
    ui.settingsFeedback.className = 'feedback';
    ui.settingsMessage.textContent = '';
    ui.settingsErrors.replaceChildren();
    ui.settingsErrors.hidden = true;
    ui.settingsJson.removeAttribute('aria-invalid');
  }

  // Shows what happened under the text box and announces it; problems (strings) become a list.
  function settingsFeedback(kind, message, problems, announce) {
    clearSettingsFeedback();
    ui.settingsFeedback.className = `feedback ${kind}`;
    ui.settingsMessage.textContent = message;
    if (problems && problems.length) {
      ui.settingsErrors.replaceChildren(...problems.map((problem) => h('li', {}, problem)));
      ui.settingsErrors.hidden = false;
    }
    if (kind === 'error') ui.settingsJson.setAttribute('aria-invalid', 'true');
    ui.settingsFeedback.hidden = false;
    say(announce || message);
  }

  function showSettingsVersion(etag) {
    ui.settingsVersion.textContent = etag === '"defaults"'
      ? 'The shipped defaults are in force; nobody has saved settings yet.'
      : `Version ${etag}`;
  }

  function setSettingsBusy(busy) {
    settings.busy = busy;
    if (busy) ui.settingsPanel.setAttribute('aria-busy', 'true');
    else ui.settingsPanel.removeAttribute('aria-busy');
  }

  // The classifier in force (GET /moderation/model): version, when and on what it was trained, how it scored.
  async function loadModel() {
    let answer;
    try {
      answer = await call('GET', 'moderation/model');
    } catch {
      answer = null;
    }
    if (!answer || !answer.ok) {
      ui.modelInfo.replaceChildren(h('p', {}, 'The classifier could not be asked about its model.'));
      return;
    }
    const m = answer.body;
    const percent = (share) => `${Math.round(share * 1000) / 10}%`;
    const lines = [
      h('p', {}, `Classifier model ${m.version} (${m.origin}), trained ${when(m.trainedAt)} on ` +
        m.trainedOn.map((s) => `${s.name} (${Object.entries(s.items).map(([k, n]) => `${n} ${k}`).join(', ')})`).join('; ') + '.'),
      h('ul', {}, ...m.evaluation.map((e) =>
        h('li', {}, `${e.score} on ${e.set}: precision ${percent(e.precision)}, recall ${percent(e.recall)} at ${e.threshold}`))),
    ];
    if (m.state === 'degraded') lines.push(h('p', { class: 'warning' }, `Degraded: ${m.problem}`));
    if (m.lastRetrain) {
      lines.push(h('p', {}, `Last retrain ${when(m.lastRetrain.at)}: ${m.lastRetrain.published ? 'published' : 'not published'}. ${m.lastRetrain.notes.join(' ')}`));
    }
    ui.modelInfo.replaceChildren(...lines);
  }

  async function loadSettings() {
    if (settings.busy) return;
    setSettingsBusy(true);
    say('Loading the settings…');
    let answer;
    try {
      answer = await call('GET', 'moderation/settings');
    } catch {
      answer = null;
    } finally {
      setSettingsBusy(false);
    }
    if (!answer || !answer.ok) {
      if (!answer || answer.status !== 401) settingsFeedback('error', 'The settings could not be loaded. Try Reload in a moment.');
      return;
    }
    const text = JSON.stringify(answer.body, null, 2);
    ui.settingsJson.value = text;
    settings.text = text;
    settings.etag = answer.etag;
    showSettingsVersion(answer.etag);
    clearSettingsFeedback();
    say('Settings loaded.');
    await loadModel();
  }

  function problemsFrom(errors) {
    const problems = [];
    for (const [where, messages] of Object.entries(errors || {})) {
      for (const message of [].concat(messages)) {
        problems.push(String(message).startsWith(where) ? String(message) : `${where}: ${message}`);
      }
    }
    return problems;
  }

  async function saveSettings() {
    if (settings.busy) return;
    const text = ui.settingsJson.value;
    try {
      JSON.parse(text);
    } catch (error) {
      settingsFeedback('error', `This is not valid JSON, so nothing was sent: ${error.message}`);
      ui.settingsJson.focus();
      return;
    }
    if (settings.etag === null) {
      settingsFeedback('error', 'The settings in force have not been loaded yet, so nothing was sent. Press Reload first.');
      return;
    }
    setSettingsBusy(true);
    say('Saving…');
    let answer = null;
    try {
      answer = await call('PUT', 'moderation/settings', { etag: settings.etag, text });
    } catch {
      answer = null;
    } finally {
      setSettingsBusy(false);
    }
    if (answer && answer.status === 401) return;
    if (answer && answer.ok) {
      const saved = JSON.stringify(answer.body, null, 2);
      ui.settingsJson.value = saved;
      settings.text = saved;
      settings.etag = answer.etag;
      showSettingsVersion(answer.etag);
      settingsFeedback('success', 'Saved; workers use it within a minute.');
      return;
    }
    if (answer && answer.status === 400) {
      const problems = problemsFrom(answer.body && answer.body.errors);
      const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
      settingsFeedback('error', 'Nothing was saved. Fix these and save again:', problems,
        `Nothing was saved: ${count}, listed below the settings.`);
      return;
    }
    if (answer && answer.status === 409) {
      settingsFeedback('error', 'Someone else changed the settings since you loaded them, so yours were not saved. '
        + 'Reload to see theirs, then make your change again (copy your edits first if you need them).');
      ui.settingsReload.focus();
      return;
    }
    const detail = problemDetail(answer);
    settingsFeedback('error', `The settings could not be saved${detail}. Try again in a moment.`);
  }

  function reloadSettings() {
    const edited = settings.text !== null && ui.settingsJson.value !== settings.text;
    if (edited && !confirm('Throw away your unsaved changes and load the settings in force?')) return;
    loadSettings();
  }

  // ---- Keyboard ----

  function typingIn(target) {
    if (!target || !target.closest) return false;
    if (target.isContentEditable || target.closest('textarea, select')) return true;
    return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  }

  function onShortcut(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (ui.queue.hidden || ui.help.open || typingIn(event.target)) return;
    const comments = VIEWS[state.view].kind === 'comments';
    if (!comments && event.key !== '?') return;
    const item = currentItem();
    const can = (action) => item && VIEWS[state.view].actions.includes(action);
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'a': if (can('approve')) decide(item, 'approve'); break;
      case 'r': if (can('reject')) openReject(item); break;
      case 'x': if (item) setSelected(item, !item.selected); break;
      case 'b': if (item) banFrom(item); break;
      case '?': ui.help.showModal(); break;
      default: return;
    }
    event.preventDefault();
  }

  function onTabKey(event) {
    const index = ui.tabs.indexOf(event.target);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (index < 0 || !step) return;
    event.preventDefault();
    const next = ui.tabs[(index + step + ui.tabs.length) % ui.tabs.length];
    showView(next.dataset.view, true);
  }

  // ---- Wiring ----

  ui.panel.tabIndex = -1;
  ui.poisonPanel.tabIndex = -1;
  ui.keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = ui.key.value.trim();
    if (!key) {
      ui.keyError.textContent = 'Enter your moderator key.';
      ui.key.focus();
      return;
    }
    signIn(key);
  });
  ui.signOut.addEventListener('click', () => signOut());
  ui.helpOpen.addEventListener('click', () => ui.help.showModal());
  for (const tab of ui.tabs) {
    tab.addEventListener('click', () => showView(tab.dataset.view, false));
    tab.addEventListener('keydown', onTabKey);
  }
  ui.selectAll.addEventListener('change', () => {
    for (const item of state.items) setSelected(item, ui.selectAll.checked);
  });
  for (const button of ui.bulkButtons) {
    button.addEventListener('click', () => (button.dataset.bulk === 'reject' ? openBulkReject() : bulk(button.dataset.bulk)));
  }
  ui.bulkReject.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = ui.bulkReason.value.trim();
    if (!reason) {
      say('Say why the selected comments are rejected; the reason is kept with each.');
      ui.bulkReason.focus();
      return;
    }
    closeBulkReject();
    bulk('reject', reason);
  });
  ui.bulkReject.querySelector('[data-cancel]').addEventListener('click', closeBulkReject);
  ui.refresh.addEventListener('click', () => load(false));
  ui.more.addEventListener('click', () => load(true));
  ui.poisonRefresh.addEventListener('click', () => loadPoison());
  ui.settingsForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveSettings();
  });
  ui.settingsReload.addEventListener('click', reloadSettings);
  ui.bansPanel.tabIndex = -1;
  ui.banForm.addEventListener('submit', (event) => {
    event.preventDefault();
    addBan();
  });
  for (const radio of ui.banKinds) radio.addEventListener('change', () => setBanKind(radio.value));
  // Typing in the value makes it the moderator's own: switching the kind no longer swaps in the comment's identity.
  BAN_FIELDS.value.input.addEventListener('input', () => {
    bans.source = null;
    showBanSource('');
  });
  ui.bansRefresh.addEventListener('click', () => loadBans());
  document.addEventListener('keydown', onShortcut);

  const saved = sessionStorage.getItem(KEY_STORAGE);
  if (saved) signIn(saved);
})();
