// The console's shell: sign-in, navigation and a hash router (#/page/arg?query) over the page modules.
import { api } from './api.js';
import { devSignIn, finishOidc, onSignOut, options, signedOutMessage, signOut, startOidc, token } from './auth.js';
import { h, notice, show } from './dom.js';
import * as overview from './pages/overview.js';
import * as deliveries from './pages/deliveries.js';
import * as jobs from './pages/jobs.js';
import * as integrations from './pages/integrations.js';
import * as accounts from './pages/accounts.js';

const PAGES = { overview, deliveries, jobs, integrations, accounts };
const main = document.getElementById('main');
let me = null;
let cleanup = null;
let flash = null;
let routing = 0;

onSignOut(message => {
  me = null;
  renderSignIn(message);
});

document.getElementById('sign-out').addEventListener('click', () => signOut('Signed out.', { everywhere: true }));
window.addEventListener('hashchange', route);
start();

async function start() {
  const params = new URLSearchParams(location.search);
  if (params.has('linked')) {
    // back from an account-linking flow (OAuthResource redirects to /console/?linked=<provider>)
    flash = `Connected your ${params.get('linked')} account.`;
    history.replaceState(null, '', '/console/#/accounts');
  }
  try {
    await finishOidc();
  } catch (e) {
    return renderSignIn(e.message);
  }
  if (!token()) return renderSignIn(signedOutMessage());
  try {
    me = await api('/api/me');
  } catch (e) {
    return renderSignIn(e.message);
  }
  route();
}

function isAdmin() {
  return Boolean(me && (me.groups || []).includes('admin'));
}

async function route() {
  if (!me) return;
  if (cleanup) { cleanup(); cleanup = null; }
  const ticket = ++routing;
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name = '', ...rest] = path.split('/');
  const page = PAGES[name] ? name : (isAdmin() ? 'overview' : 'accounts');
  chrome(page);
  // each visit renders into its own element: a slower earlier visit still loading writes into a detached one
  const view = h('div');
  main.replaceChildren(view);
  const context = { me, admin: isAdmin(), arg: rest.map(decodeURIComponent).join('/'), query: new URLSearchParams(query) };
  if (flash) { context.flash = flash; flash = null; }
  if (PAGES[page].adminOnly && !context.admin) {
    return show(view, h('h1', {}, PAGES[page].title),
      notice('This page is for operators: your account is not in the admin group, so no admin data is shown.', true));
  }
  try {
    const stop = await PAGES[page].render(view, context) || null;
    if (ticket === routing) cleanup = stop;
    else if (stop) stop();
  } catch (e) {
    if (me && ticket === routing) show(view, h('h1', {}, PAGES[page].title), notice(e.message, true));
  }
}

function chrome(page) {
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  document.getElementById('who-name').textContent = `${me.name || me.subject}${isAdmin() ? ' (admin)' : ''}`;
  for (const link of document.querySelectorAll('#nav a')) {
    link.parentElement.hidden = link.hasAttribute('data-admin') && !isAdmin();
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${PAGES[page].title} · Switchboard`;
}

async function renderSignIn(message) {
  if (cleanup) { cleanup(); cleanup = null; }
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  document.title = 'Sign in · Switchboard';
  const ways = await options();
  const sections = [];
  if (ways.oidc) {
    sections.push(h('section', {}, h('h2', {}, 'Single sign-on'),
      h('button', { type: 'button', id: 'oidc-sign-in', onclick: () => startOidc(ways.oidc) }, 'Sign in with your identity provider')));
  }
  if (ways.dev) {
    const user = h('input', { id: 'dev-user', name: 'user', required: true, autocomplete: 'username', value: 'admin',
      pattern: '[A-Za-z0-9][A-Za-z0-9._@\\-]{0,63}' });
    const admin = h('input', { id: 'dev-admin', type: 'checkbox', checked: true });
    const error = h('div');
    sections.push(h('section', {}, h('h2', {}, 'Dev sign-in (embedded default)'),
      h('p', { class: 'muted' }, 'Signs a 30-minute token with this server\'s dev key. Only on the embedded default.'),
      h('form', { id: 'dev-sign-in', onsubmit: async event => {
        event.preventDefault();
        try {
          await devSignIn(user.value.trim(), admin.checked);
          start();
        } catch (e) {
          error.replaceChildren(notice(e.message, true));
        }
      } },
      h('div', { class: 'row' }, h('label', {}, 'User name', user),
        h('label', { class: 'inline' }, admin, 'Operator (admin group)'),
        h('button', { type: 'submit' }, 'Sign in')), error)));
  }
  if (!sections.length) {
    sections.push(notice('No sign-in is configured: set KEYCLOAK_SERVER_URL and KEYCLOAK_REALM_NAME, or start the embedded default with ./run.sh.', true));
  }
  show(main, h('div', { class: 'signin' }, h('h1', {}, 'Sign in to Switchboard'), message ? notice(message) : null, sections));
}
