// The demo listing page: a link and a comment count for each article, the articles named by ?articles=a,b (or the
// samples). It runs before count.js, so the marked links are on the page when count.js looks for them.
(() => {
  'use strict';

  const SAMPLES = ['when-anxiety-wakes-you-at-4am', 'setting-boundaries-with-family', 'what-to-expect-from-your-first-therapy-session'];
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const asked = (new URLSearchParams(location.search).get('articles') || '').split(',').filter((s) => SLUG.test(s));
  const slugs = asked.length ? [...new Set(asked)] : SAMPLES;
  // This page is served at {api}/ui/listing.html, so the API is one folder up.
  const api = new URL('../', location.href);

  const list = document.getElementById('listing');
  const titles = new Map();
  for (const slug of slugs) {
    const title = document.createElement('a');
    title.href = `demo.html?article=${encodeURIComponent(slug)}`;
    title.textContent = slug.replace(/-/g, ' ');
    titles.set(slug, title);
    const count = document.createElement('a');
    count.href = `demo.html?article=${encodeURIComponent(slug)}#commentary`;
    count.className = 'listing-count';
    count.setAttribute('data-commentary-count', slug);
    count.textContent = 'Comments';
    const item = document.createElement('li');
    item.append(title, ' · ', count);
    list.append(item);
  }

  // Titles are decoration: the slugs stand in until each article answers (a real listing page has its titles).
  for (const [slug, link] of titles) {
    fetch(new URL(`articles/${encodeURIComponent(slug)}`, api), { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((article) => {
        if (article) link.textContent = article.title;
      })
      .catch(() => {});
  }
})();
