// @ts-check
// Elements from reader text, never parsed as markup; times in the reader's language.

// Builds an element. Children that are strings become text nodes, so no reader text is ever parsed as markup.
// The dashboard's moderation-dom.js holds this same function (a test compares the texts): this script is embedded by
// other sites as one classic script, so it cannot import it.
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

// Only http(s) addresses become links; anything else (javascript:, data:) stays plain text.
function safeUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// A comment as the reader typed it: blank lines make paragraphs, line breaks stay.
function paragraphs(text) {
  return text.trim().split(/\n\s*\n/).map((block) => {
    const p = h('p');
    block.split('\n').forEach((line, i) => {
      if (i > 0) p.append(h('br'));
      p.append(line);
    });
    return p;
  });
}

/** @type {[Intl.RelativeTimeFormatUnit, number][]} */
const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

function relativeTime(date, locale) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  if (typeof Intl.RelativeTimeFormat !== 'function') return date.toLocaleDateString(locale);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

function exactTime(date, locale) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function loadStylesheet() {
  if (!script || !script.src || document.querySelector('link[data-commentary]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: new URL(STYLESHEET, script.src).href, 'data-commentary': '' }));
}
