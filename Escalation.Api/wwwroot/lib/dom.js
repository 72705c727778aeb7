// Tiny DOM helpers. Text always goes in through textContent / text nodes, never innerHTML,
// so names, chat text and booking attributes can never become markup.

/**
 * h('button', { class: 'btn', type: 'button', onclick: fn, text: 'Send' }, child, ...)
 * - `text` sets textContent; `on…` with a function adds a listener;
 * - true -> empty attribute, false/null/undefined -> attribute left out.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name === 'class') el.className = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and nested arrays; skips null/false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Fills el with a translated template whose {placeholders} become <bdi> elements.
 * <bdi> isolates each value's direction, so a Latin zone name or customer name inside
 * Arabic text (or the reverse) keeps its own order and punctuation.
 */
export function fillTemplate(el, template, vars = {}) {
  const parts = [];
  let last = 0;
  for (const match of String(template).matchAll(/\{(\w+)\}/g)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    const name = match[1];
    parts.push(Object.prototype.hasOwnProperty.call(vars, name)
      ? h('bdi', { text: vars[name] })
      : match[0]);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  el.replaceChildren();
  return append(el, parts);
}

/** Toggles a boolean attribute/class pair without touching inline styles (strict CSP). */
export function setHidden(el, hidden) {
  el.hidden = Boolean(hidden);
}
