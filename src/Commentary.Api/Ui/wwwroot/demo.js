// The demo article page: shows the article named by ?article= and points the widget at it. It runs before embed.js.
(() => {
  'use strict';

  const DEFAULT_ARTICLE = 'when-anxiety-wakes-you-at-4am';
  const query = new URLSearchParams(location.search);
  const requested = query.get('article') || '';
  const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(requested) ? requested : DEFAULT_ARTICLE;
  // This page is served at {api}/ui/demo.html, so the API is one folder up, whatever the host's prefix.
  const api = new URL('../', location.href);

  const widget = document.getElementById('commentary');
  widget.setAttribute('data-api', api.href);
  widget.setAttribute('data-article', slug);
  if (query.has('pageSize')) widget.setAttribute('data-page-size', query.get('pageSize'));
  if (query.has('country')) widget.setAttribute('data-country', query.get('country'));
  // ?lang=de shows the widget in another language, as a site would with data-lang (docs/widget.md).
  if (query.has('lang')) widget.setAttribute('data-lang', query.get('lang'));

  const title = document.getElementById('article-title');
  const meta = document.getElementById('article-meta');
  const body = document.getElementById('article-body');

  async function showArticle() {
    let response;
    try {
      response = await fetch(new URL(`articles/${slug}`, api), { headers: { Accept: 'application/json' } });
    } catch {
      title.textContent = 'The article could not be loaded.';
      return;
    }
    if (!response.ok) {
      title.textContent = response.status === 404 ? `There is no article “${slug}”.` : 'The article could not be loaded.';
      return;
    }
    const article = await response.json();
    document.title = `${article.title} · Quiet Hours`;
    title.textContent = article.title;
    const published = new Date(article.published);
    const date = document.createElement('time');
    date.dateTime = published.toISOString();
    date.textContent = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long' }).format(published);
    meta.replaceChildren(`By ${article.author} · `, date);
    // The API renders the article's Markdown with raw HTML disabled, so this html is ours, not a reader's.
    body.innerHTML = article.html;
  }

  async function listArticles() {
    const nav = document.getElementById('articles');
    try {
      const response = await fetch(new URL('articles?limit=10', api), { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const page = await response.json();
      nav.replaceChildren(...page.items.map((item) => {
        const link = document.createElement('a');
        link.href = `demo.html?article=${encodeURIComponent(item.slug)}`;
        link.textContent = item.title;
        if (item.slug === slug) link.setAttribute('aria-current', 'page');
        const li = document.createElement('li');
        li.append(link);
        return li;
      }));
    } catch {
      // The article list is decoration; the article and its comments matter.
    }
  }

  showArticle();
  listArticles();
})();
