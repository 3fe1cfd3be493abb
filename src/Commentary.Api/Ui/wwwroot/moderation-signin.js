// @ts-check
// "Sign in with your organisation": the OpenID Connect authorization-code flow with PKCE, run in the browser by the
// dashboard as a public client (no secret), so both hosts need only the JWT bearer check they already do. The API names
// the provider (GET moderation/sign-in), its discovery document the endpoints; the redirect URI is the dashboard page.
// State, nonce, code verifier and tokens live in sessionStorage only: this tab, until it closes.

/** The words this module shows, in one place (the dashboard's strings move to a message table). */
export const TEXT = {
  unreachable: 'The sign-in service could not be reached. Check your connection and try again.',
  refusedByProvider: 'Your organisation did not sign you in',
  lost: 'The sign-in could not be completed in this tab. Please sign in again.',
  mismatch: 'The answer from your organisation did not match this sign-in. Please sign in again.',
  noToken: 'Your organisation sent no access token for Commentary. Ask an administrator to check the app registration.',
  signingIn: 'Signing in…',
  notAccepted: 'Commentary did not accept the sign-in from your organisation. Ask an administrator to check the settings.',
  noRole: 'You are signed in, but your account has neither Commentary role (moderator or admin). Ask an administrator.',
  expired: 'Your sign-in has expired. Please sign in again.',
  refused: 'Commentary no longer accepts your sign-in. Please sign in again.',
  apiUnreachable: 'The API could not be reached. Check that it is running and try again.',
  apiTrouble: 'The API could not check your sign-in just now. Try again in a moment.',
};

const PENDING = 'commentary:sign-in-pending';
const TOKENS = 'commentary:sign-in-tokens';

/**
 * What the API says about organisation sign-in (GET moderation/sign-in).
 * @typedef {{ authority: string, clientId: string, scope: string }} Organisation
 */

/**
 * The provider's endpoints, from its discovery document.
 * @typedef {{ issuer: string, authorization_endpoint: string, token_endpoint: string, end_session_endpoint?: string }} Discovery
 */

/**
 * What the flow remembers while the browser is at the provider.
 * @typedef {{ state: string, nonce: string, verifier: string, clientId: string, issuer: string, tokenEndpoint: string,
 *   endSession: string | null, redirectUri: string, hash: string }} Pending
 */

/**
 * A signed-in session: the access token for the API, when it expires, and what signing out at the provider needs.
 * @typedef {{ accessToken: string, expiresAt: number, idToken: string | null, endSession: string | null, clientId: string }} Tokens
 */

/** A sign-in that could not be completed; `message` is for the moderator. */
export class SignInError extends Error {}

/**
 * The organisation's provider, or null when the API offers keys only (or cannot say).
 * @param {URL} api the API's root
 * @returns {Promise<Organisation | null>}
 */
export async function organisation(api) {
  try {
    const response = await fetch(new URL('moderation/sign-in', api), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) return null;
    const body = await response.json();
    const found = body && body.organisation;
    return found && typeof found.authority === 'string' && typeof found.clientId === 'string' ? found : null;
  } catch {
    return null;
  }
}

/**
 * Shows "Sign in with your organisation" when the API names a provider; pressing it leaves for the provider.
 * @param {URL} api the API's root
 * @param {{ panel: HTMLElement, button: HTMLButtonElement, error: HTMLElement }} parts
 */
export async function offer(api, parts) {
  const org = await organisation(api);
  if (!org) return;
  parts.panel.hidden = false;
  parts.button.addEventListener('click', async () => {
    parts.button.disabled = true;
    parts.error.textContent = '';
    try {
      await begin(org);
    } catch (error) {
      parts.error.textContent = error instanceof SignInError ? error.message : TEXT.unreachable;
      parts.button.disabled = false;
    }
  });
}

/** The dashboard page, without query or fragment: the redirect URI registered with the provider. */
export function redirectUri() {
  return location.origin + location.pathname;
}

/**
 * Leaves for the provider's sign-in page. Rejects with a SignInError when the provider cannot be reached.
 * @param {Organisation} org
 * @returns {Promise<void>}
 */
export async function begin(org) {
  const discovery = await discover(org.authority);
  /** @type {Pending} */
  const pending = {
    state: randomText(),
    nonce: randomText(),
    verifier: randomText(),
    clientId: org.clientId,
    issuer: discovery.issuer,
    tokenEndpoint: discovery.token_endpoint,
    endSession: discovery.end_session_endpoint || null,
    redirectUri: redirectUri(),
    // A notification's link (#comment/...) survives the trip.
    hash: location.hash,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const target = new URL(discovery.authorization_endpoint);
  target.searchParams.set('response_type', 'code');
  target.searchParams.set('client_id', org.clientId);
  target.searchParams.set('redirect_uri', pending.redirectUri);
  target.searchParams.set('scope', org.scope);
  target.searchParams.set('state', pending.state);
  target.searchParams.set('nonce', pending.nonce);
  target.searchParams.set('code_challenge', await challengeOf(pending.verifier));
  target.searchParams.set('code_challenge_method', 'S256');
  location.assign(target.toString());
}

/** Whether this page load is the provider sending the browser back (with a code, or an error). */
export function isReturn() {
  const query = new URLSearchParams(location.search);
  return query.has('state') && (query.has('code') || query.has('error'));
}

/**
 * Finishes a sign-in the provider has sent the browser back from: checks `state`, redeems the code with the verifier,
 * checks the ID token's issuer, audience, expiry and `nonce`, and keeps the tokens for this tab. The address loses the
 * code either way. Rejects with a SignInError the moderator can read.
 * @returns {Promise<Tokens>}
 */
export async function complete() {
  const query = new URLSearchParams(location.search);
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  /** @type {Pending | null} */
  const pending = raw ? JSON.parse(raw) : null;
  history.replaceState(null, '', location.pathname + (pending ? pending.hash : ''));
  if (!pending) throw new SignInError(TEXT.lost);
  if (query.get('state') !== pending.state) throw new SignInError(TEXT.mismatch);
  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    throw new SignInError(`${TEXT.refusedByProvider}${description ? `: ${description.replace(/\.$/, '')}` : ` (${error})`}.`);
  }

  /** @type {Response} */
  let response;
  try {
    response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: query.get('code') || '',
        redirect_uri: pending.redirectUri,
        client_id: pending.clientId,
        code_verifier: pending.verifier,
      }),
      cache: 'no-store',
    });
  } catch {
    throw new SignInError(TEXT.unreachable);
  }
  /** @type {any} */
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: reported below as no answer.
  }
  if (!response.ok || !body) {
    const reason = body && (body.error_description || body.error);
    throw new SignInError(`${TEXT.refusedByProvider}${reason ? `: ${String(reason).replace(/\.$/, '')}` : ''}.`);
  }
  if (typeof body.access_token !== 'string') throw new SignInError(TEXT.noToken);
  checkIdToken(body.id_token, pending);

  // Without expires_in the API's 401 is what ends the session.
  const lifetime = Number(body.expires_in);
  /** @type {Tokens} */
  const tokens = {
    accessToken: body.access_token,
    expiresAt: Number.isFinite(lifetime) && lifetime > 0 ? Date.now() + lifetime * 1000 : Number.MAX_SAFE_INTEGER,
    idToken: body.id_token,
    endSession: pending.endSession,
    clientId: pending.clientId,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  return tokens;
}

/**
 * The tokens this tab signed in with, while they have not expired.
 * @returns {Tokens | null}
 */
export function restore() {
  const raw = sessionStorage.getItem(TOKENS);
  /** @type {Tokens | null} */
  const tokens = raw ? JSON.parse(raw) : null;
  if (tokens && tokens.expiresAt > Date.now()) return tokens;
  forget();
  return null;
}

/** Forgets everything the flow kept: tokens and any sign-in under way. */
export function forget() {
  sessionStorage.removeItem(TOKENS);
  sessionStorage.removeItem(PENDING);
}

/**
 * Where to send the browser to end the session at the provider too (back to the dashboard afterwards), or null when
 * the provider has no end-session endpoint.
 * @param {Tokens} tokens
 * @returns {string | null}
 */
export function endSessionAddress(tokens) {
  if (!tokens.endSession) return null;
  const target = new URL(tokens.endSession);
  target.searchParams.set('client_id', tokens.clientId);
  target.searchParams.set('post_logout_redirect_uri', redirectUri());
  if (tokens.idToken) target.searchParams.set('id_token_hint', tokens.idToken);
  return target.toString();
}

// ---- The protocol's parts ----

/**
 * @param {string} authority
 * @returns {Promise<Discovery>}
 */
async function discover(authority) {
  const address = authority.replace(/\/+$/, '') + '/.well-known/openid-configuration';
  try {
    const response = await fetch(address, { headers: { Accept: 'application/json' } });
    if (response.ok) {
      const body = await response.json();
      if (body && typeof body.authorization_endpoint === 'string' && typeof body.token_endpoint === 'string') return body;
    }
  } catch {
    // Reported below, the same as an unusable answer.
  }
  throw new SignInError(TEXT.unreachable);
}

/**
 * The ID token came straight from the token endpoint over the connection the browser checked, so its claims are read
 * without checking its signature (OpenID Connect Core 1.0, section 3.1.3.7); the API checks the access token fully.
 * @param {unknown} idToken
 * @param {Pending} pending
 */
function checkIdToken(idToken, pending) {
  if (typeof idToken !== 'string') throw new SignInError(TEXT.mismatch);
  /** @type {{ iss?: string, aud?: string | string[], exp?: number, nonce?: string } | null} */
  let claims = null;
  try {
    claims = JSON.parse(decodeBase64Url(idToken.split('.')[1] || ''));
  } catch {
    claims = null;
  }
  const audiences = claims ? [claims.aud].flat() : [];
  const fresh = claims && typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
  if (!claims || claims.nonce !== pending.nonce || claims.iss !== pending.issuer || !audiences.includes(pending.clientId) || !fresh) {
    throw new SignInError(TEXT.mismatch);
  }
}

/** 32 random bytes as base64url: a state, a nonce or a code verifier (43 characters, as RFC 7636 asks). */
function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * The S256 code challenge of a verifier (RFC 7636).
 * @param {string} verifier
 */
async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** @param {Uint8Array} bytes */
function base64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @param {string} text */
function decodeBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
