// @ts-check
// Editing and deleting one's own comment with its token.

class SectionOwnComments extends SectionPending {
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
      error.textContent = !errors.body ? t('editFailed') : text.replace(INVISIBLE_FORMATTING, '').trim().length < 2 ? t('bodyShort', { min: 2 }) : text.length > max ? t('bodyLong', { max }) : t('bodyInvalid');
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
}
