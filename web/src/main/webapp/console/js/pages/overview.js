// Overview: each platform switched on, configured and healthy (its circuit and rate limits from /health/ready),
// deliveries of the last hour by status, and the age of the oldest delivery still waiting in the queue.
import { api, readiness } from '../api.js';
import { ago, badge, duration, h, show, table } from '../dom.js';

export const title = 'Overview';
export const adminOnly = true;

export async function render(main) {
  const [integrations, summary, ready] = await Promise.all([
    api('/api/admin/integrations'), api('/api/admin/summary'), readiness()]);
  const checks = new Map((ready.checks || []).map(check => [check.name, check]));
  const oldest = summary.oldestQueued;
  const lastHour = Object.entries(summary.lastHour);
  show(main,
    h('h1', {}, title),
    h('div', { class: 'cards' },
      h('div', { class: 'card', id: 'ready' }, h('div', { class: 'muted' }, 'Readiness'),
        h('div', { class: 'value' }, badge(ready.status || 'DOWN', ready.status === 'UP' ? 'ok' : 'bad'))),
      h('div', { class: 'card', id: 'last-hour' }, h('div', { class: 'muted' }, 'Deliveries in the last hour'),
        h('div', { class: 'value' }, String(lastHour.reduce((sum, [, n]) => sum + n, 0))),
        h('div', {}, lastHour.filter(([, n]) => n > 0).map(([status, n]) => [badge(status), ` ${n} `]))),
      h('div', { class: 'card', id: 'oldest-queued' }, h('div', { class: 'muted' }, 'Oldest queued delivery'),
        h('div', { class: 'value' }, oldest ? duration(oldest.ageSeconds) : 'none waiting'),
        oldest ? h('a', { href: `#/deliveries/${encodeURIComponent(oldest.id)}` }, `${oldest.platform} delivery`) : null)),
    h('h2', {}, 'Platforms'),
    table(['Platform', 'Enabled', 'Configured', 'Healthy', 'Last delivery', 'Deliveries by status'],
      integrations.map(p => h('tr', { 'data-platform': p.platform },
        h('th', { scope: 'row' }, p.platform),
        h('td', {}, badge(p.enabled ? 'on' : 'off', p.enabled ? 'ok' : 'warn')),
        h('td', {}, badge(p.configured ? 'yes' : 'no secret', p.configured ? 'ok' : 'bad')),
        h('td', {}, health(checks.get(`${p.platform}-circuit`))),
        h('td', {}, ago(p.lastDeliveryAt)),
        h('td', {}, Object.entries(p.counts).filter(([, n]) => n > 0)
          .map(([status, n]) => h('a', { href: `#/deliveries?platform=${p.platform}&status=${status}` }, badge(`${status} ${n}`, status), ' ')))))),
    h('h2', {}, 'Readiness checks'),
    table(['Check', 'Status', 'Details'], (ready.checks || []).map(check => h('tr', {},
      h('td', {}, check.name), h('td', {}, badge(check.status, check.status === 'UP' ? 'ok' : 'bad')),
      h('td', { class: 'wrap' }, Object.entries(check.data || {}).map(([k, v]) => `${k}: ${v}`).join(', '))))),
    h('p', { class: 'muted' }, 'Metrics for dashboards: ', h('a', { href: '/metrics' }, '/metrics'), '.'));
}

/** A platform with no circuit check is not governed yet: shown as unknown rather than as healthy. */
function health(check) {
  if (!check) return badge('unknown', 'warn');
  const data = check.data || {};
  const limits = Number(data.rateLimitsInForce || 0);
  if (data.circuit === 'open') return [badge('circuit open', 'bad'), ` since ${new Date(data.openSince).toLocaleTimeString()}`];
  if (limits > 0) return badge(`${limits} rate limit${limits > 1 ? 's' : ''} in force`, 'warn');
  return badge('healthy', 'ok');
}
