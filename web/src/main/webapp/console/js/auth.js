// Sign-in. The token lives in this tab's sessionStorage only; it never appears in a URL.
// Two ways in: the OpenID Connect provider (authorization code + PKCE, public client) and, on the embedded
// default only, the dev issuer (POST /api/console/dev-token, which answers 404 anywhere else).
const TOKEN = 'switchboard.token';
const PENDING = 'switchboard.oidc';
let listener = () => {};

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function onSignOut(callback) {
  listener = callback;
}

export function signOut(message) {
  sessionStorage.removeItem(TOKEN);
  listener(message);
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
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, tokenEndpoint: oidc.tokenEndpoint, clientId: oidc.clientId }));
  const url = new URL(oidc.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On return from the provider (?code=&state= on /console/): checks the state, exchanges the code with the
 * PKCE verifier, stores the access token and removes code and state from the address bar. False when this
 * page load is no such return.
 */
export async function finishOidc() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || (!params.has('code') && !params.has('error'))) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/console/#/overview');
  if (params.has('error')) throw new Error(`sign-in refused: ${params.get('error')}`);
  if (!pending || pending.state !== params.get('state')) throw new Error('sign-in answer does not match this browser');
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
  return true;
}
