// My accounts: the signed-in user's linked provider accounts; connect runs the provider's OAuth flow
// (the API hands the authorize URL to the page, then the provider sends the browser back to the console),
// disconnect revokes and unlinks.
import { api } from '../api.js';
import { badge, h, notice, show, table, when } from '../dom.js';

export const title = 'My accounts';
export const adminOnly = false;

const PROVIDERS = [['github', 'GitHub'], ['gitlab', 'GitLab'], ['bitbucket', 'Bitbucket'], ['slack', 'Slack'], ['jira', 'Jira (Atlassian)']];

export async function render(main, context) {
  const message = h('div', { id: 'accounts-message' }, context.flash ? notice(context.flash) : null);
  const linked = new Map((await api('/api/me/accounts')).map(a => [a.provider, a]));
  const rows = PROVIDERS.map(([id, name]) => {
    const account = linked.get(id);
    return h('tr', { 'data-provider': id },
      h('th', { scope: 'row' }, name),
      h('td', {}, account ? [badge(account.status), ' ', account.login || account.providerUserId] : h('span', { class: 'muted' }, 'not connected')),
      h('td', {}, account ? when(account.linkedAt) : '–'),
      h('td', {}, account ? when(account.accessTokenExpiresAt) : '–'),
      h('td', {}, account
        ? h('button', { type: 'button', class: 'danger', id: `disconnect-${id}`, onclick: () => disconnect(id, name, message, main, context) }, `Disconnect ${name}`)
        : h('button', { type: 'button', id: `connect-${id}`, onclick: () => connect(id, message) }, `Connect ${name}`)));
  });
  show(main, h('h1', {}, title), message,
    table(['Provider', 'Account', 'Linked', 'Token expires', ''], rows),
    h('p', { class: 'muted' }, 'Signed in as ', context.me.name || context.me.subject, ' (', context.me.issuer, ').'));
}

async function connect(provider, message) {
  try {
    const { authorizeUrl } = await api(`/api/oauth/${provider}/authorize?redirect=${encodeURIComponent('/console/')}`);
    location.assign(authorizeUrl);
  } catch (e) {
    message.replaceChildren(notice(e.message, true));
  }
}

async function disconnect(provider, name, message, main, context) {
  try {
    const answer = await api(`/api/me/accounts/${provider}`, { method: 'DELETE' });
    context.flash = `Disconnected ${name}${answer.revokedAtProvider ? '; the token was revoked there too' : ''}.`;
    await render(main, context);
  } catch (e) {
    message.replaceChildren(notice(e.message, true));
  }
}
