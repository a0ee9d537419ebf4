// Sign-in. The token lives in this tab's sessionStorage only; it never appears in a URL.
// Two ways in: the OpenID Connect provider (authorization code + PKCE, public client) and, on the embedded
// default only, the dev issuer (POST /api/console/dev-token, which answers 404 anywhere else).
const TOKEN = 'switchboard.token';
const PENDING = 'switchboard.oidc';
// after a provider sign-in: the ID token and the end-session endpoint, so that Sign out ends the provider's session
const SESSION = 'switchboard.oidc.session';
// the message to show once the provider has sent the browser back from its end-session endpoint
const SIGNED_OUT = 'switchboard.signedOut';
let listener = () => {};

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function onSignOut(callback) {
  listener = callback;
}

/**
 * Forgets the tokens and shows the sign-in page with {@code message}. With {@code everywhere} (the Sign out
 * button) a provider sign-in's session at the provider ends too (OpenID Connect RP-initiated logout): the
 * browser leaves for the end-session endpoint and comes back to the sign-in page, so signing in again asks
 * for the password instead of reusing the provider's session. An expired token (a 401) signs out here only.
 */
export function signOut(message, { everywhere = false } = {}) {
  const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(SESSION);
  if (everywhere && session && session.endSessionEndpoint) {
    sessionStorage.setItem(SIGNED_OUT, message);
    const url = new URL(session.endSessionEndpoint);
    const params = { client_id: session.clientId, post_logout_redirect_uri: redirectUri() };
    if (session.idToken) params.id_token_hint = session.idToken;
    url.search = new URLSearchParams(params).toString();
    location.assign(url.toString());
    return;
  }
  listener(message);
}

/** The message of a sign-out that went through the provider, once, on the page load that follows it. */
export function signedOutMessage() {
  const message = sessionStorage.getItem(SIGNED_OUT);
  sessionStorage.removeItem(SIGNED_OUT);
  return message || undefined;
}

export async function options() {
  const response = await fetch('/api/console/sign-in', { headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : { dev: false, oidc: null };
}

export async function devSignIn(user, admin) {
  const response = await fetch('/api/console/dev-token', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, admin }),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || `HTTP ${response.status}`);
  sessionStorage.setItem(TOKEN, json.token);
}

function redirectUri() {
  return `${location.origin}/console/`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Leaves for the provider's login page; {@link finishOidc} completes the flow when the browser comes back. */
export async function startOidc(oidc) {
  const verifier = random();
  const state = random();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, issuer: oidc.issuer, tokenEndpoint: oidc.tokenEndpoint,
    endSessionEndpoint: oidc.endSessionEndpoint, clientId: oidc.clientId }));
  const url = new URL(oidc.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On return from the provider (?code=&state= on /console/): checks the state (and the issuer, RFC 9207, when
 * the provider names it), exchanges the code with the PKCE verifier, stores the access token and removes code
 * and state from the address bar, landing on the default page for the user (the overview for operators). False
 * when this page load is no such return.
 */
export async function finishOidc() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || (!params.has('code') && !params.has('error'))) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/console/');
  if (!pending || pending.state !== params.get('state')) throw new Error('sign-in answer does not match this browser');
  if (params.has('iss') && params.get('iss') !== pending.issuer) throw new Error('sign-in answer comes from another issuer');
  if (params.has('error')) throw new Error(`sign-in refused: ${params.get('error')}`);
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: pending.clientId, code_verifier: pending.verifier,
    }),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok || !json.access_token) throw new Error(json.error_description || json.error || 'the provider gave no token');
  sessionStorage.setItem(TOKEN, json.access_token);
  sessionStorage.setItem(SESSION, JSON.stringify({ idToken: json.id_token || null,
    endSessionEndpoint: pending.endSessionEndpoint || null, clientId: pending.clientId }));
  return true;
}
