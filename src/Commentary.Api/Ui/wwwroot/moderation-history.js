// @ts-check
// A comment's history on its card: every event, who caused it and when, and the text a writer's edit replaced.
import { attempt } from './moderation-api.js';
import { h, when } from './moderation-dom.js';

/**
 * A comment's history, read from the API when the moderator opens it; a writer's edit shows the text it replaced.
 * @param {string} path the comment's moderation path
 */
export function historyFor(path) {
  const list = h('ol', { class: 'events' });
  const details = /** @type {HTMLDetailsElement} */ (h('details', { class: 'events-box' }, h('summary', {}, 'History'), list));
  details.addEventListener('toggle', async () => {
    if (!details.open || details.hasAttribute('data-read')) return;
    details.setAttribute('data-read', '');
    const answer = await attempt('GET', path);
    /** @type {{ at: string, kind: string, by: string, detail?: string }[] | null} */
    const events = answer && answer.ok && answer.body ? answer.body.events || [] : null;
    // A failed read is tried again the next time the history is opened.
    if (!events) details.removeAttribute('data-read');
    list.replaceChildren(...(events ? events.map((event) => h('li', { 'data-kind': event.kind },
      h('time', { datetime: event.at }, when(event.at)), ` · ${event.kind} · ${event.by}`,
      event.kind === 'edited' && event.detail ? h('blockquote', { class: 'before', 'aria-label': 'The text before this edit' }, event.detail)
        : event.detail ? ` · ${event.detail}` : '')) : [h('li', {}, 'The history could not be loaded.')]));
  });
  return details;
}
