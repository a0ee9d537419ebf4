// Integrations: GitLab hook installations (status counts, the hooks needing attention, re-sync of the
// signed-in user's hooks), GitHub App installations and Slack workspaces (listed, checks by id), Jira workspaces
// (list, create, replace the service account, verify, delete). Secrets are typed into password fields,
// sent once and never shown: the API answers without them.
import { api } from '../api.js';
import { badge, fields, h, notice, show, table, when } from '../dom.js';

export const title = 'Integrations';
export const adminOnly = false;

export async function render(main, context) {
  const sections = [h('h1', {}, title), await gitlab(context.admin)];
  if (context.admin) {
    const [github, slack] = await Promise.all([api('/api/admin/github/installations'), api('/api/admin/slack/teams')]);
    sections.push(h('section', {}, h('h2', {}, 'GitHub App installations'),
      h('p', { class: 'muted' }, 'Recorded when GitHub sends the App\'s installation webhook. Tokens are cached encrypted and never shown.'),
      listing('github-installations', github.items, 'No GitHub App installation yet.',
        ['Installation', 'Account', 'Type', 'Repositories', 'Token', 'Updated'],
        i => h('tr', { 'data-id': i.installationId }, h('td', {}, String(i.installationId)),
          h('td', { class: 'wrap' }, i.accountLogin || '–'), h('td', {}, i.accountType || '–'),
          h('td', {}, i.repositorySelection || '–'),
          h('td', {}, i.tokenCached ? badge(`cached until ${when(i.tokenExpiresAt)}`, 'ok') : badge('none yet', 'warn')),
          h('td', {}, when(i.updatedAt)))),
      verifier('github-installation', 'Installation id', '12345678',
        id => api(`/api/admin/github/installations/${encodeURIComponent(id)}/verify`, { method: 'POST' }),
        'Check that the App can still act for an installation:')));
    sections.push(h('section', {}, h('h2', {}, 'Slack workspaces'),
      h('p', { class: 'muted' }, 'Workspaces that installed the Slack app. Bot tokens are stored encrypted and never shown.'),
      listing('slack-teams', slack.items, 'No Slack workspace yet.',
        ['Team', 'Name', 'Bot user', 'Scopes', 'Bot token', 'Installed'],
        t => h('tr', { 'data-id': t.teamId }, h('td', {}, t.teamId), h('td', { class: 'wrap' }, t.teamName || '–'),
          h('td', {}, t.botUserId || '–'), h('td', { class: 'wrap' }, t.botScopes || '–'),
          h('td', {}, t.hasBotToken ? badge('stored', 'ok') : badge('missing', 'bad')), h('td', {}, when(t.installedAt)))),
      verifier('slack-team', 'Team id', 'T0123ABCD',
        id => api(`/api/admin/slack/teams/${encodeURIComponent(id)}/verify`, { method: 'POST' }),
        'Check the bot token stored for a workspace (Slack auth.test):')));
    sections.push(await jira());
  }
  show(main, sections);
}

async function gitlab(admin) {
  const result = h('div', { id: 'gitlab-sync-result' });
  const sync = h('button', { type: 'button', id: 'gitlab-sync', onclick: async () => {
    sync.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Checking your GitLab groups and projects…'));
    try {
      const answer = await api('/api/gitlab/webhooks/sync', { method: 'POST' });
      result.replaceChildren(answer.incomplete ? notice(`Incomplete: ${answer.incomplete}`, true) : '',
        hookTable(answer.hooks, ['Resource', 'Path', 'Status', 'Reason', 'Hook id'],
          hook => [hook.path, badge(hook.status), hook.reason || '', hook.hookId ?? '–']));
    } catch (e) {
      result.replaceChildren(notice(e.message, true));
    } finally {
      sync.disabled = false;
    }
  } }, 'Re-sync my GitLab hooks');
  const section = [h('h2', {}, 'GitLab hook installations'),
    h('p', { class: 'muted' }, 'Re-sync installs or repairs Switchboard\'s webhook on the GitLab groups and projects your linked GitLab account owns.'),
    h('div', { class: 'row' }, sync), result];
  if (admin) {
    const gitlabEntry = (await api('/api/admin/integrations')).find(p => p.platform === 'gitlab') || {};
    section.push(h('p', { id: 'gitlab-hook-counts' }, 'All installed hooks: ',
      Object.entries(gitlabEntry.hooks || {}).map(([status, n]) => [badge(`${status} ${n}`, status), ' '])));
    const attention = gitlabEntry.hooksNeedingAttention || [];
    section.push(attention.length
      ? hookTable(attention, ['Resource', 'Path', 'Status', 'Reason', 'Last checked'],
        hook => [hook.path, badge(hook.status), hook.reason || '', when(hook.lastCheckedAt)])
      : h('p', { class: 'muted' }, 'No hook needs attention.'));
  }
  return h('section', {}, section);
}

function hookTable(hooks, headers, cells) {
  return table(headers, hooks.map(hook => h('tr', {},
    h('td', {}, `${hook.resourceType} ${hook.resourceId}`), cells(hook).map(cell => h('td', { class: 'wrap' }, cell)))));
}

function listing(id, items, empty, headers, row) {
  return h('div', { id }, items.length ? table(headers, items.map(row)) : h('p', { class: 'muted' }, empty));
}

function verifier(id, label, placeholder, call, explanation) {
  const input = h('input', { id: `${id}-id`, required: true, placeholder });
  const result = h('div', { id: `${id}-result` });
  const form = h('form', { class: 'row', onsubmit: async event => {
    event.preventDefault();
    try {
      const answer = await call(input.value.trim());
      result.replaceChildren(fields(Object.entries(answer).map(([k, v]) => [k, String(v)])));
    } catch (e) {
      result.replaceChildren(notice(e.message, true));
    }
  } }, h('label', {}, label, input), h('button', { type: 'submit' }, 'Check'));
  return [h('p', { class: 'muted' }, explanation), form, result];
}

async function jira() {
  const list = h('div', { id: 'jira-workspaces' });
  const message = h('div');
  async function reload() {
    const { items } = await api('/api/admin/jira/workspaces');
    list.replaceChildren(items.length ? table(['Site', 'Kind', 'Service account', 'Created', ''], items.map(w => h('tr', { 'data-id': w.id },
      h('td', { class: 'wrap' }, w.siteUrl), h('td', {}, w.kind),
      h('td', {}, w.serviceAccountEmail || (w.hasServiceAccountToken ? 'token set' : 'none'), ' ',
        w.hasServiceAccountToken ? badge('token set', 'ok') : badge('no token', 'warn')),
      h('td', {}, when(w.createdAt)),
      h('td', {}, actions(w))))) : h('p', { class: 'muted' }, 'No Jira workspace yet.'));
  }
  function actions(w) {
    const edit = h('div');
    return [
      h('button', { type: 'button', class: 'secondary', onclick: () => attempt(async () => {
        const v = await api(`/api/admin/jira/workspaces/${w.id}/verify`, { method: 'POST' });
        message.replaceChildren(notice(`${w.siteUrl}: service account ${v.displayName || v.name || v.accountId} works.`));
      }) }, 'Verify'), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => edit.replaceChildren(serviceAccountForm(w, edit)) }, 'Service account'), ' ',
      h('button', { type: 'button', class: 'danger', onclick: () => attempt(async () => {
        await api(`/api/admin/jira/workspaces/${w.id}`, { method: 'DELETE' });
        await reload();
      }) }, 'Delete'), edit];
  }
  function serviceAccountForm(w, container) {
    const email = h('input', { type: 'email', value: w.serviceAccountEmail || '', autocomplete: 'off' });
    const secret = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
    return h('form', { class: 'row', onsubmit: event => {
      event.preventDefault();
      attempt(async () => {
        await api(`/api/admin/jira/workspaces/${w.id}/service-account`, { method: 'PUT',
          body: { serviceAccountEmail: email.value || null, serviceAccountToken: secret.value } });
        secret.value = '';
        container.replaceChildren();
        await reload();
      });
    } }, h('label', {}, 'Email (Cloud)', email), h('label', {}, 'API token / PAT', secret), h('button', { type: 'submit' }, 'Save'));
  }
  async function attempt(work) {
    message.replaceChildren();
    try { await work(); } catch (e) { message.replaceChildren(notice(e.message, true)); }
  }
  const site = h('input', { type: 'url', id: 'jira-site', required: true, placeholder: 'https://acme.atlassian.net' });
  const cloudId = h('input', { id: 'jira-cloud-id', placeholder: 'Cloud only' });
  const email = h('input', { type: 'email', id: 'jira-email', autocomplete: 'off' });
  const secret = h('input', { type: 'password', id: 'jira-token', autocomplete: 'new-password' });
  const create = h('form', { class: 'row', id: 'jira-create', onsubmit: event => {
    event.preventDefault();
    attempt(async () => {
      const w = await api('/api/admin/jira/workspaces', { method: 'POST', body: { siteUrl: site.value.trim(),
        cloudId: cloudId.value.trim() || null, serviceAccountEmail: email.value.trim() || null,
        serviceAccountToken: secret.value || null } });
      create.reset();
      message.replaceChildren(notice(`Added ${w.siteUrl}. The token is stored encrypted and will not be shown again.`));
      await reload();
    });
  } }, h('label', {}, 'Site URL', site), h('label', {}, 'Cloud id', cloudId), h('label', {}, 'Service account email', email),
  h('label', {}, 'API token / PAT', secret), h('button', { type: 'submit' }, 'Add workspace'));
  await reload();
  return h('section', {}, h('h2', {}, 'Jira workspaces'), message, list, h('h2', {}, 'Add a Jira workspace'), create);
}
