// @ts-check
// The form: building it, posting a draft (one Idempotency-Key for all its retries), the answer.

class SectionForm extends SectionList {
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
}
