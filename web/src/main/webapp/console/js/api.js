// The JSON API with the signed-in user's bearer token. Every answer that is not 2xx becomes an ApiError
// carrying the server's {"error": ...} message; a 401 signs the browser out (the token expired).
import { token, signOut } from './auth.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const request = { method, headers: { Accept: 'application/json', ...headers }, cache: 'no-store' };
  const bearer = token();
  if (bearer) request.headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  const response = await fetch(path, request);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (response.status === 401 && bearer) {
    signOut('Your session has ended: sign in again.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, (json && json.error) || `HTTP ${response.status}`);
  }
  return json;
}

/** The readiness checks: answered 503 when something is down, which is still an answer worth showing. */
export async function readiness() {
  const response = await fetch('/health/ready', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  try { return await response.json(); } catch { return { status: 'DOWN', checks: [] }; }
}
