// @ts-check
// Start-up: the section mounts, loads the article and its comments, and offers a retry.

class CommentSection extends SectionForm {
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

  offerRetry(message) {
    this.say(message);
    const retry = h('button', { type: 'button', class: 'cm-button', onclick: () => this.load() }, t('retry'));
    this.formHome.replaceChildren(retry);
  }
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
