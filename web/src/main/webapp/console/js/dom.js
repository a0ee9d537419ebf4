// Builds elements from data without ever parsing data as HTML: every value goes through textContent or an attribute.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function badge(text, kind = text) {
  return h('span', { class: `badge ${kind}` }, text);
}

export function table(headers, rows) {
  return h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, headers.map(title => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows)));
}

export function fields(pairs) {
  return h('dl', { class: 'fields' }, pairs.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value ?? '–')]));
}

export function notice(text, error = false) {
  return h('p', { class: error ? 'notice error' : 'notice', role: error ? 'alert' : null }, text);
}

/** Replaces the page's content and moves focus to its heading, so keyboard and screen-reader users follow. */
export function show(main, ...content) {
  main.replaceChildren(...content.flat(Infinity).filter(Boolean));
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

export function say(text) {
  const status = document.getElementById('status');
  status.textContent = text;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}

export function ago(iso) {
  if (!iso) return 'never';
  return duration((Date.now() - Date.parse(iso)) / 1000) + ' ago';
}

export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}
