// @ts-check
// The widget's words: English built in, other languages fetched when asked for, looked up by t().

// English is built in; each other language is a small file fetched only by pages that ask for it (docs/widget.md).
// The versions make each file's URL change with its text, so browsers may cache it for good.
const LANGUAGES = {
  de: '{{version:embed.de.json}}',
  fr: '{{version:embed.fr.json}}',
  es: '{{version:embed.es.json}}',
  nl: '{{version:embed.nl.json}}',
  pt: '{{version:embed.pt.json}}',
  ar: '{{version:embed.ar.json}}',
};
// Strict JSON between the braces, so a test can read the keys and compare every language file with them. A value
// that is an object is chosen by Intl.PluralRules ("one", "other", …); {name} is filled in by t().
const EN = {
  "dir": "ltr",
  "title": "Comments",
  "noComments": "No comments yet",
  "count": { "one": "{count} comment", "other": "{count} comments" },
  "more": "Show more comments",
  "notSetUp": "Comments are not set up on this page: data-api and data-article are needed.",
  "loading": "Loading comments…",
  "loadOffline": "Comments could not be loaded. Check your connection and try again.",
  "unavailable": "Comments are not available for this page.",
  "loadFailed": "Comments could not be loaded right now.",
  "closed": "Comments are closed.",
  "retry": "Try again",
  "loadingMore": "Loading more comments…",
  "loadedMore": { "one": "{count} more comment loaded.", "other": "{count} more comments loaded." },
  "moreFailed": "More comments could not be loaded. Please try again.",
  "commentBy": "Comment by {name}",
  "awaiting": "Awaiting moderation",
  "reply": "Reply",
  "replyTo": "Reply to {name}",
  "optional": "(optional)",
  "leaveComment": "Leave a comment",
  "cancelReply": "Cancel reply",
  "replyingTo": "Replying to {name}.",
  "notifyPublished": "Email me when my comment is published",
  "notifyReplies": "Email me when someone replies to my comment",
  "notifyNote": "The first time, we email you a link to confirm your address. Every email has a link to stop them.",
  "post": "Post comment",
  "trap": "Leave this field empty",
  "name": "Name",
  "email": "Email",
  "emailNote": "Never shown to anyone; used only to recognise you.",
  "website": "Website",
  "comment": "Comment",
  "remember": "Remember my name, email and website on this device",
  "fixFields": "Some fields need a change; each one says what.",
  "authorRequired": "Please give a name.",
  "authorLong": "A name can be at most {max} characters.",
  "authorInvalid": "A name cannot contain control or invisible formatting characters.",
  "emailRequired": "Please give an email address; it is never shown.",
  "emailInvalid": "This does not look like an email address.",
  "websiteLong": "A website address can be at most {max} characters.",
  "websiteInvalid": "A website must be an http:// or https:// address.",
  "bodyShort": "A comment needs at least {min} characters.",
  "bodyLong": "A comment can be at most {max} characters.",
  "bodyInvalid": "A comment cannot contain control characters.",
  "formInvalid": "Something in the form is not right.",
  "pleaseWait": { "one": "Please wait {count} second before trying again; your comment is still here.", "other": "Please wait {count} seconds before trying again; your comment is still here." },
  "posting": "Posting your comment…",
  "unreachable": "We could not reach the comment server. Your comment is still here; please try again.",
  "tooLarge": "This comment is too long to send.",
  "busy": "Lots of comments are arriving right now. Please try again {when}; your comment is still here.",
  "paused": "Comments are taking a short break. Please try again {when}; your comment is still here.",
  "inMoment": "in a moment",
  "inSeconds": { "one": "in {count} second", "other": "in {count} seconds" },
  "inMinutes": { "one": "in about {count} minute", "other": "in about {count} minutes" },
  "gone": "This article can no longer be found, so the comment was not posted.",
  "serverError": "Something went wrong on our side. Your comment is still here; please try again shortly.",
  "thanks": "Thank you. Your comment is awaiting moderation and will appear once a moderator approves it.",
  "closedOnPost": "Comments are closed on this article, so your comment was not posted.",
  "call": "Call {number}",
  "text": "Text {number}",
  "visit": "Visit {site}",
  "supportNote": "A person on our team will read your comment. Until then, only you can see it.",
  "personWillRead": "A person will read this",
  "publishedStatus": "Your comment has been published.",
  "declined": "This comment was not published. Thank you for taking the time to write; moderators keep the conversation close to the article.",
  "notPublished": "Not published",
  "declinedStatus": "Your comment was not published.",
  "badgeAuthor": "Author",
  "badgeModerator": "Moderator",
  "pinned": "Pinned",
  "helped": "This helped",
  "helpedLabel": "This helped {count}, comment by {name}",
  "helpedDone": "Thank you: marked as helpful.",
  "helpedFailed": "Your mark could not be saved. Please try again.",
  "sortLabel": "Sort comments",
  "sortOldest": "Oldest first",
  "sortNewest": "Newest first",
  "sortHelpful": "Most helpful",
  "editButton": "Edit",
  "editDelete": "Delete",
  "editLabel": "Edit your comment",
  "editSave": "Save",
  "editCancel": "Cancel",
  "editConfirm": "Delete your comment? This cannot be undone.",
  "editAwaiting": "Edit awaiting moderation",
  "editEdited": "Your edit is awaiting moderation and will appear once a moderator approves it.",
  "editedMark": "(edited)",
  "editDeleted": "Your comment was deleted.",
  "editPlaceholder": "Deleted by its author",
  "editLate": "The time to change this comment is over, so it was not changed.",
  "editNotYours": "This comment can no longer be changed from this browser.",
  "editGone": "This comment no longer exists.",
  "editFailed": "Your change could not be saved. Please try again."
};
let messages = EN;
let locale = 'en';

// The reader's language: data-lang on the widget's element, else the page's <html lang>; "de-AT" uses the German
// table and Austrian dates. A language we do not ship, or one whose file cannot be fetched, is English: never an error.
async function chooseLanguage(root, base) {
  const tag = (root.getAttribute('data-lang') || document.documentElement.lang || '').trim().replace('_', '-');
  const language = tag.split('-')[0].toLowerCase();
  const own = language === 'en' || Object.prototype.hasOwnProperty.call(LANGUAGES, language);
  if (!own) return;
  try {
    if (language !== 'en') {
      const response = await fetch(new URL(`ui/embed.${language}.json?v=${LANGUAGES[language]}`, base), { credentials: 'omit' });
      if (!response.ok) return;
      messages = await response.json();
    }
    // Intl refuses a malformed tag with an exception; the bare language is then good enough for dates.
    locale = Intl.DateTimeFormat.supportedLocalesOf([tag]).length ? tag : language;
  } catch {
    locale = messages === EN ? 'en' : language;
  }
}

// The dashboard's moderation-i18n.js holds this same function (a test compares the texts): this script is embedded
// by other sites as one classic script, so it cannot import it.
/**
 * A message in the reader's language, English where the language lacks it; {name} placeholders take values, and
 * numbers are written the reader's way. A table value that is an object is chosen by the plural rule of {count}.
 * @param {string} key a key of EN
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
function t(key, values) {
  let text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : EN[key];
  if (typeof text === 'object') {
    const forms = text;
    text = forms[new Intl.PluralRules(locale).select(Number(values && values.count))] || forms.other;
  }
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => {
    const value = values && values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

function countText(total, locale) {
  if (total === 0) return t('noComments');
  return t('count', { count: total });
}

function waitText(seconds) {
  if (seconds <= 0) return t('inMoment');
  if (seconds < 90) return t('inSeconds', { count: seconds });
  return t('inMinutes', { count: Math.round(seconds / 60) });
}
