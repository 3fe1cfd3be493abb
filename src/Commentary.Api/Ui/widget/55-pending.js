// @ts-check
// Polling a posted or edited comment's status, and the crisis panel.

class SectionPending extends SectionBase {
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
