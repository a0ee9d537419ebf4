// Jobs: the conversations started on the agent server, newest first, with where they were asked (platform,
// repository, requester), where they stand (status, the agent's last reported state) and how their posts on
// the platform went; detail with every post and a replay for a post that died. Post bodies and targets are
// not shown: the API leaves them out.
import { api } from '../api.js';
import { badge, fields, h, notice, say, show, table, when } from '../dom.js';

export const title = 'Jobs';
export const adminOnly = true;

const REFRESH_MS = 5000;

export async function render(main, context) {
  return context.arg ? detail(main, context.arg) : list(main);
}

async function list(main) {
  const body = h('tbody', { id: 'job-rows' });
  show(main, h('h1', {}, title),
    h('p', { class: 'muted' }, 'The newest 100 jobs. "Posts" counts what Switchboard posted (or tried to) on the platform about each job.'),
    h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {},
      ['Started', 'Platform', 'Repository', 'Requester', 'Status', 'Agent state', 'Posts', 'Conversation']
        .map(t => h('th', { scope: 'col' }, t)))), body)));
  async function refresh() {
    const { items } = await api('/api/admin/jobs?limit=100');
    body.replaceChildren(...(items.length ? items.map(row)
      : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No job yet.'))]));
  }
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
  return () => clearInterval(timer);
}

function row(job) {
  return h('tr', { 'data-id': job.id, 'data-status': job.status },
    h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(job.id)}` }, when(job.createdAt))),
    h('td', {}, job.platform), h('td', { class: 'wrap' }, job.repository || '–'),
    h('td', { class: 'wrap' }, job.requester), h('td', {}, badge(job.status, jobKind(job.status))),
    h('td', {}, job.agentState || '–'), h('td', { class: 'posts' }, postCounts(job.noticeCounts || {})),
    h('td', {}, conversation(job)));
}

function postCounts(counts) {
  const entries = Object.entries(counts);
  return entries.length ? entries.map(([status, n]) => [badge(`${status} ${n}`, status), ' ']) : 'none';
}

function conversation(job) {
  return job.conversationUrl
    ? h('a', { href: job.conversationUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Open')
    : '–';
}

function jobKind(status) {
  if (status === 'FINISHED') return 'ok';
  if (status === 'ERROR' || status === 'STOPPED') return 'bad';
  return 'warn';
}

async function detail(main, id) {
  const facts = h('div');
  const posts = h('div', { id: 'job-notices' });
  const message = h('div', { id: 'job-message' });
  async function load() {
    const job = await api(`/api/admin/jobs/${encodeURIComponent(id)}`);
    facts.replaceChildren(fields([
      ['Status', h('span', { id: 'job-status', 'data-status': job.status }, badge(job.status, jobKind(job.status)))],
      ['Platform', job.platform], ['Repository', job.repository], ['Requester', job.requester],
      ['Agent state', job.agentState], ['Last error', job.lastError], ['Conversation', conversation(job)],
      ['Conversation id', job.conversationId], ['Started', when(job.createdAt)], ['Updated', when(job.updatedAt)],
      ['Delivery', h('a', { href: `#/deliveries/${encodeURIComponent(job.deliveryId)}` }, job.deliveryId)],
      ['Job id', job.id]]));
    posts.replaceChildren(job.notices.length
      ? table(['Kind', 'Status', 'Attempts', 'Updated', 'Posted id / last error', ''], job.notices.map(noticeRow))
      : h('p', { class: 'muted' }, 'Nothing posted about this job yet.'));
  }
  function noticeRow(n) {
    const replay = n.status === 'DEAD'
      ? h('button', { type: 'button', class: 'danger', id: `replay-notice-${n.id}`, onclick: async event => {
        event.target.disabled = true;
        try {
          const after = await api(`/api/admin/jobs/notices/${encodeURIComponent(n.id)}/replay`, { method: 'POST' });
          message.replaceChildren(notice(`Replayed the ${n.kind} post: now ${after.status}.`));
          say(`Post ${after.status}`);
          await load();
        } catch (e) {
          message.replaceChildren(notice(e.message, true));
          event.target.disabled = false;
        }
      } }, 'Replay')
      : '';
    return h('tr', { 'data-notice': n.id, 'data-status': n.status },
      h('td', {}, n.kind), h('td', {}, badge(n.status)), h('td', {}, String(n.attempts)), h('td', {}, when(n.updatedAt)),
      h('td', { class: 'wrap' }, n.lastError || n.postedId || ''), h('td', {}, replay));
  }
  await load();
  show(main, h('p', {}, h('a', { href: '#/jobs' }, '← All jobs')), h('h1', {}, 'Job'), facts, message,
    h('h2', {}, 'Posts on the platform'), posts);
}
