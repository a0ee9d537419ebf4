// Deliveries: filter (platform, status, event, time), list newest first with paging, detail with the payload
// and headers pretty-printed, replay one, replay every DEAD delivery of the filter. Lists refresh every few
// seconds so that new deliveries and status changes show without reloading.
import { api } from '../api.js';
import { badge, fields, h, notice, say, show, when } from '../dom.js';

export const title = 'Deliveries';
export const adminOnly = true;

const PLATFORMS = ['github', 'gitlab', 'jira', 'slack', 'stripe'];
const STATUSES = ['QUEUED', 'PROCESSING', 'PROCESSED', 'IGNORED', 'FAILED', 'DEAD'];
const REFRESH_MS = 3000;
const SETTLED = ['PROCESSED', 'IGNORED', 'DEAD'];

export async function render(main, context) {
  return context.arg ? detail(main, context.arg) : list(main, context.query);
}

function filterQuery(query) {
  const params = new URLSearchParams();
  for (const name of ['platform', 'status', 'event', 'from', 'to']) {
    if (query.get(name)) params.set(name, query.get(name));
  }
  return params;
}

async function list(main, query) {
  const filter = filterQuery(query);
  const select = (name, values) => h('select', { name, id: `filter-${name}` }, h('option', { value: '' }, 'any'),
    values.map(v => h('option', { value: v, selected: query.get(name) === v }, v)));
  const localTime = name => h('input', { type: 'datetime-local', name, id: `filter-${name}`,
    value: query.get(name) ? toLocalInput(query.get(name)) : '' });
  const form = h('form', { class: 'filters', id: 'filters', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const [name, value] of data) {
      if (!value) continue;
      next.set(name, name === 'from' || name === 'to' ? new Date(value).toISOString() : value);
    }
    location.hash = `#/deliveries?${next}`;
  } },
  h('label', {}, 'Platform', select('platform', PLATFORMS)),
  h('label', {}, 'Status', select('status', STATUSES)),
  h('label', {}, 'Event', h('input', { name: 'event', id: 'filter-event', value: query.get('event') || '', placeholder: 'issue_comment' })),
  h('label', {}, 'Received from', localTime('from')),
  h('label', {}, 'until', localTime('to')),
  h('button', { type: 'submit' }, 'Filter'),
  h('a', { href: '#/deliveries' }, 'Clear'));

  const body = h('tbody', { id: 'delivery-rows' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'more', hidden: true }, 'Older deliveries');
  const result = h('div', { id: 'bulk-result' });
  const bulk = query.get('status') === 'DEAD'
    ? h('div', { class: 'row' }, h('button', { type: 'button', class: 'danger', id: 'replay-dead', onclick: async event => {
      event.target.disabled = true;
      try {
        const answer = await api(`/api/admin/deliveries/replay?${filter}`, { method: 'POST' });
        result.replaceChildren(notice(`Replayed ${answer.replayed} DEAD deliver${answer.replayed === 1 ? 'y' : 'ies'}`
          + (answer.more ? '; more match: press again for the next batch.' : '.')));
        await refresh();
      } catch (e) {
        result.replaceChildren(notice(e.message, true));
      } finally {
        event.target.disabled = false;
      }
    } }, 'Replay all DEAD deliveries of this filter'), result)
    : null;
  show(main, h('h1', {}, title), form, bulk,
    h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {},
      ['Received', 'Platform', 'Event', 'Status', 'Attempts', 'Outcome / last error'].map(t => h('th', { scope: 'col' }, t)))), body)),
    h('p', {}, more));

  let next = null;
  let extra = 0;
  async function refresh() {
    // the first page, plus as many rows as the operator loaded with "older deliveries"
    const params = new URLSearchParams(filter);
    params.set('limit', String(50 + extra));
    const page = await api(`/api/admin/deliveries?${params}`);
    body.replaceChildren(...(page.items.length ? page.items.map(row)
      : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No deliveries match.'))]));
    next = page.next;
    more.hidden = !next;
  }
  more.addEventListener('click', async () => {
    extra = Math.min(extra + 50, 450);
    await refresh();
  });
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
  return () => clearInterval(timer);
}

function row(d) {
  return h('tr', { 'data-id': d.id, 'data-status': d.status },
    h('td', {}, h('a', { href: `#/deliveries/${encodeURIComponent(d.id)}` }, when(d.receivedAt))),
    h('td', {}, d.platform), h('td', {}, d.action ? `${d.event}.${d.action}` : d.event),
    h('td', {}, badge(d.status)), h('td', {}, String(d.attempts)),
    h('td', { class: 'wrap' }, d.lastError || d.outcome || ''));
}

async function detail(main, id) {
  const status = h('span', { id: 'delivery-status' });
  const facts = h('div');
  const message = h('div');
  const payload = h('pre', { id: 'payload', tabindex: 0 });
  const headers = h('pre', { id: 'headers', tabindex: 0 });
  const replay = h('button', { type: 'button', id: 'replay', onclick: async () => {
    replay.disabled = true;
    try {
      await api(`/api/admin/deliveries/${encodeURIComponent(id)}/replay`, { method: 'POST' });
      say('Replay requested: the delivery is queued again.');
      await load();
    } catch (e) {
      message.replaceChildren(notice(e.message, true));
    } finally {
      replay.disabled = false;
    }
  } }, 'Replay');
  async function load() {
    const d = await api(`/api/admin/deliveries/${encodeURIComponent(id)}`);
    status.replaceChildren(badge(d.status));
    status.dataset.status = d.status;
    facts.replaceChildren(fields([
      ['Platform', d.platform], ['Event', d.action ? `${d.event}.${d.action}` : d.event], ['Status', badge(d.status)],
      ['Attempts', String(d.attempts)], ['Received', when(d.receivedAt)], ['Updated', when(d.updatedAt)],
      ['Next attempt', when(d.nextAttemptAt)], ['Platform delivery id', d.deliveryId], ['Switchboard id', d.id],
      ['Outcome', d.outcome], ['Last error', d.lastError]]));
    payload.textContent = JSON.stringify(d.payload, null, 2);
    headers.textContent = JSON.stringify(d.headers, null, 2);
    return d;
  }
  await load();
  show(main, h('p', {}, h('a', { href: '#/deliveries' }, '← All deliveries')),
    h('h1', {}, 'Delivery ', status), h('div', { class: 'row' }, replay), message, facts,
    h('h2', {}, 'Payload'), payload, h('h2', {}, 'Headers (secrets removed at intake)'), headers);
  // follows the delivery while it is still on its way (after a replay, say)
  const timer = setInterval(async () => {
    if (!SETTLED.includes(status.dataset.status)) await load().catch(() => {});
  }, 1000);
  return () => clearInterval(timer);
}

function toLocalInput(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
