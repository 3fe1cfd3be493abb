// @ts-check
// Fills each [data-commentary-count="slug"] with "12 comments" from one GET {api}/counts (docs/widget.md).
// Without an answer a link keeps its own text. Under 1 KB gzipped: every listing page downloads it.
(() => {
  'use strict';

  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const api = new URL(script?.dataset.api || '../', script?.src || location.href);
  const WORDS = { one: '{n} comment', other: '{n} comments' };
  /** @type {Intl.PluralRules} */
  let plural;
  // A malformed lang (en_US) must not stop the counts: English then.
  try { plural = new Intl.PluralRules(document.documentElement.lang || 'en'); } catch { plural = new Intl.PluralRules('en'); }
  const lang = plural.resolvedOptions().locale;

  /** @param {HTMLElement} node @param {number} n */
  function words(node, n) {
    const pick = (/** @type {string} */ k) => node.dataset[k] || script?.dataset[k] || WORDS[k];
    return (pick(n ? plural.select(n) : 'zero') || pick('other')).replace('{n}', n.toLocaleString(lang));
  }

  function fill() {
    const nodes = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('[data-commentary-count]')]);
    const slugs = [...new Set(nodes.map((n) => n.dataset.commentaryCount || ''))].filter((s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s));
    for (let i = 0; i < slugs.length; i += 100) {
      const url = new URL('counts', api);
      for (const slug of slugs.slice(i, i + 100)) url.searchParams.append('article', slug);
      fetch(url)
        .then((r) => (r.ok ? r.json() : null))
        .then((answer) => {
          for (const node of nodes) {
            const n = answer?.counts[node.dataset.commentaryCount || ''];
            if (typeof n === 'number') node.textContent = words(node, n);
          }
        })
        .catch(() => {});
    }
  }

  document.addEventListener('commentary:count', fill);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill);
  else fill();
})();
