// @ts-check
// The list: pages in the chosen order, each comment with its Reply and "This helped" buttons.

class SectionList extends SectionFields {
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
}
