// @ts-check
// The form's fields, their notes and errors, and the comment a reply answers.

class SectionFields extends SectionOwnComments {
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
      else if (name === 'body') mapped.body = value.replace(INVISIBLE_FORMATTING, '').trim().length < 2 ? t('bodyShort', { min: 2 }) : long ? t('bodyLong', { max }) : t('bodyInvalid');
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
}
