// @ts-check
/*
 * Commentary's comment widget. A page adds
 *   <div id="commentary" data-api="https://example.org/api" data-article="my-article"></div>
 *   <script src="https://example.org/api/ui/embed.js" defer></script>
 * Plain JavaScript, no dependencies, no build step. It talks to nothing but the API named in data-api, and loads
 * its stylesheet from wherever this script came from. Reader text reaches the page only as text nodes; the one
 * exception is the API's `html` field, which the server builds with every character of the comment escaped.
 * Its source is the parts in src/Commentary.Api/Ui/widget, joined into one script by the host (docs/widget.md).
 */

const STYLESHEET = 'embed.css?v={{version:embed.css}}';
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
// Moderation usually takes minutes or hours: ask often at first (the policy's own decision, and with it any crisis
// resources, comes within seconds), then rarely, then stop.
const POLL_DELAYS_SECONDS = [1, 1, 1, 2, 3, 5, 8, 13, 20, 30, 60];
const POLL_FOR_MS = 30 * 60 * 1000;
const READER_KEY = 'commentary:reader';
// The random id that, with the reader's address, makes one "This helped" per reader; and the comments they marked.
const READER_ID_KEY = 'commentary:reader-id';
const HELPED_KEY = 'commentary:helped';
const FIELDS = ['author', 'email', 'website', 'body'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// The invisible marks the API takes out of a comment before it checks its length (SubmissionValidator), so that a
// comment of nothing else is told it is too short.
const INVISIBLE_FORMATTING = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u180E]/g;
// Editing and deleting one's own comment: its strings in one place, ready for the message table.
const OWN_KEY = 'commentary-edit:';
const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
