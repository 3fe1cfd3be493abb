// @ts-check
// What the widget keeps in localStorage: conveniences, so blocked storage breaks nothing.

// The name, email and website are remembered only when the reader ticks the box, and forgotten when they untick it.
const rememberedReader = {
  load() {
    try {
      return JSON.parse(localStorage.getItem(READER_KEY) || 'null');
    } catch {
      return null;
    }
  },
  save(reader) {
    try {
      if (reader) localStorage.setItem(READER_KEY, JSON.stringify(reader));
      else localStorage.removeItem(READER_KEY);
    } catch {
      // Storage can be blocked by the browser; remembering is only a convenience.
    }
  },
};

let fallbackReaderId = '';

function readerId() {
  try {
    let id = localStorage.getItem(READER_ID_KEY);
    if (!id || !/^[A-Za-z0-9-]{16,64}$/.test(id)) {
      id = newKey();
      localStorage.setItem(READER_ID_KEY, id);
    }
    return id;
  } catch {
    // Without storage the reader is known by this page's visit only; the server still counts each address once with it.
    fallbackReaderId = fallbackReaderId || newKey();
    return fallbackReaderId;
  }
}

// The comments this reader marked and the count they saw then, so the button shows as pressed on their next visit,
// with at least that count even while the browser shows its cached copy of the list (public, for up to a minute).
const helped = {
  all() {
    try {
      return JSON.parse(localStorage.getItem(HELPED_KEY) || '{}');
    } catch {
      return {};
    }
  },
  seen(id) {
    return this.all()[id];
  },
  add(id, count) {
    try {
      const all = this.all();
      delete all[id];
      all[id] = count;
      localStorage.setItem(HELPED_KEY, JSON.stringify(Object.fromEntries(Object.entries(all).slice(-500))));
    } catch {
      // Remembering is only a convenience; the server knows the reader.
    }
  },
};

// The reader's own comments on one article, [{id, token, expires}], as long as each may still be changed.
const ownComments = {
  load(slug) {
    try {
      const now = Date.now();
      return JSON.parse(localStorage.getItem(OWN_KEY + slug) || '[]').filter((own) => Date.parse(own.expires) > now);
    } catch {
      return [];
    }
  },
  save(slug, list) {
    try {
      if (list.length) localStorage.setItem(OWN_KEY + slug, JSON.stringify(list));
      else localStorage.removeItem(OWN_KEY + slug);
    } catch {
      // Blocked storage: the reader can still change the comment until they leave the page.
    }
  },
};
