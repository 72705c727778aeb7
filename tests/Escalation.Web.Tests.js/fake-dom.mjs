// A deliberately small DOM stand-in: just enough of Node/Element/document for the room's views
// to run under `node --test` (no browser, no extra packages). It is not a browser; it catches
// wiring mistakes (wrong names, missing elements, broken flows) and checks the accessible contract.

export class FakeNode {
  constructor() {
    this.childNodes = [];
    this.parentNode = null;
  }
  get children() { return this.childNodes.filter((n) => n instanceof FakeElement); }
  get textContent() { return this.childNodes.map((n) => n.textContent).join(''); }
  set textContent(value) { this.replaceChildren(new FakeText(String(value))); }
  adopt(node) {
    const child = node instanceof FakeNode ? node : new FakeText(String(node));
    if (child.parentNode) child.parentNode.removeChild(child);
    child.parentNode = this;
    return child;
  }
  append(...nodes) { for (const n of nodes) this.childNodes.push(this.adopt(n)); }
  appendChild(node) { this.append(node); return node; }
  prepend(...nodes) { this.childNodes.unshift(...nodes.map((n) => this.adopt(n))); }
  removeChild(node) { this.childNodes = this.childNodes.filter((n) => n !== node); node.parentNode = null; return node; }
  remove() { this.parentNode?.removeChild(this); }
  replaceChildren(...nodes) {
    for (const n of this.childNodes) n.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }
  contains(node) {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
}

export class FakeText extends FakeNode {
  constructor(data) { super(); this.data = data; }
  get textContent() { return this.data; }
  set textContent(value) { this.data = String(value); }
}

const REFLECTED_BOOLEANS = ['hidden', 'disabled'];

export class FakeElement extends FakeNode {
  constructor(tagName, doc) {
    super();
    this.tagName = tagName.toUpperCase();
    this.localName = tagName.toLowerCase();
    this.ownerDocument = doc;
    this.attributes = new Map();
    this.dataset = {};
    this.listeners = new Map();
    this.value = '';
    this.scrollTop = 0;
    this.scrollHeight = 0;
    this.srcObject = null;
    this.muted = false;
    this.playCalls = 0;
    for (const name of REFLECTED_BOOLEANS) {
      Object.defineProperty(this, name, {
        get: () => this.attributes.has(name),
        set: (on) => (on ? this.attributes.set(name, '') : this.attributes.delete(name)),
      });
    }
  }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  cloneNode(deep = false) {
    const copy = new FakeElement(this.localName, this.ownerDocument);
    for (const [name, value] of this.attributes) copy.attributes.set(name, value);
    if (deep) copy.append(...this.childNodes.map((n) => (n instanceof FakeElement ? n.cloneNode(true) : new FakeText(n.textContent))));
    return copy;
  }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  hasAttribute(name) { return this.attributes.has(name); }
  removeAttribute(name) { this.attributes.delete(name); }
  get id() { return this.getAttribute('id') ?? ''; }
  set id(v) { this.setAttribute('id', v); }
  get className() { return this.getAttribute('class') ?? ''; }
  set className(v) { this.setAttribute('class', v); }
  get classList() {
    const el = this;
    const list = () => el.className.split(/\s+/).filter(Boolean);
    return {
      contains: (c) => list().includes(c),
      add: (c) => { if (!list().includes(c)) el.className = [...list(), c].join(' '); },
      remove: (c) => { el.className = list().filter((x) => x !== c).join(' '); },
      toggle: (c, force) => {
        const on = force ?? !list().includes(c);
        el.className = on ? [...new Set([...list(), c])].join(' ') : list().filter((x) => x !== c).join(' ');
        return on;
      },
    };
  }
  addEventListener(type, fn, options) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push({ fn, once: Boolean(options?.once) });
  }
  removeEventListener(type, fn) {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l.fn !== fn));
  }
  dispatchEvent(event) {
    event.target ??= this;
    const list = [...(this.listeners.get(event.type) ?? [])];
    for (const l of list) {
      if (l.once) this.removeEventListener(event.type, l.fn);
      l.fn.call(this, event);
    }
    return !event.defaultPrevented;
  }
  click() {
    if (this.disabled) return;
    this.dispatchEvent(fakeEvent('click'));
    if (this.localName === 'button' && this.getAttribute('type') === 'submit') {
      let form = this.parentNode;
      while (form && form.localName !== 'form') form = form.parentNode;
      form?.dispatchEvent(fakeEvent('submit'));
    }
  }
  focus() { this.ownerDocument.activeElement = this; }
  play() { this.playCalls += 1; return Promise.resolve(); }
  /** Descendants in document order. */
  *walk() {
    for (const child of this.children) {
      yield child;
      yield* child.walk();
    }
  }
  querySelectorAll(selector) { return [...this.walk()].filter((el) => matches(el, selector)); }
  querySelector(selector) { return this.querySelectorAll(selector)[0] ?? null; }
}

function matches(el, selector) {
  if (selector.startsWith('#')) return el.id === selector.slice(1);
  const attr = /^(\w*)\[([\w-]+)(?:="([^"]*)")?\]$/.exec(selector);
  if (attr) {
    const [, tag, name, value] = attr;
    if (tag && el.localName !== tag) return false;
    return value === undefined ? el.hasAttribute(name) : el.getAttribute(name) === value;
  }
  return el.localName === selector;
}

export function fakeEvent(type, extra = {}) {
  return {
    type, defaultPrevented: false, ...extra,
    preventDefault() { this.defaultPrevented = true; },
  };
}

export function createDocument({ lang = 'en', dir = 'ltr', dataset = {} } = {}) {
  const doc = {
    title: '',
    activeElement: null,
    listeners: new Map(),
    createElement: (tag) => new FakeElement(tag, doc),
    createElementNS: (_ns, tag) => new FakeElement(tag, doc),
    createTextNode: (text) => new FakeText(text),
    getElementById: (id) => (doc.documentElement.id === id ? doc.documentElement : doc.documentElement.querySelector(`#${id}`)),
    addEventListener: FakeElement.prototype.addEventListener,
    removeEventListener: FakeElement.prototype.removeEventListener,
  };
  const html = new FakeElement('html', doc);
  html.lang = lang;
  html.dir = dir;
  html.dataset = { ...dataset };
  const body = new FakeElement('body', doc);
  const main = new FakeElement('main', doc);
  const h1 = new FakeElement('h1', doc);
  h1.id = 'page-heading';
  h1.setAttribute('tabindex', '-1');
  const view = new FakeElement('div', doc);
  view.id = 'view';
  main.append(h1, view);
  body.append(main);
  html.append(body);
  doc.documentElement = html;
  doc.body = body;
  return doc;
}

// ---------- accessibility helpers (a simplified accessible-name computation) ----------

const IMPLICIT_ROLES = { button: 'button', select: 'combobox', meter: 'meter', video: 'video', h1: 'heading', h2: 'heading', a: 'link', main: 'main' };

export function roleOf(el) {
  if (el.hasAttribute('role')) return el.getAttribute('role');
  if (el.localName === 'input' && (el.getAttribute('type') ?? 'text') === 'text') return 'textbox';
  return IMPLICIT_ROLES[el.localName] ?? null;
}

function isHidden(el) {
  for (let n = el; n && n.hasAttribute; n = n.parentNode) {
    if (n.hidden || n.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

function ownText(el) {
  return el.childNodes.map((n) => (n instanceof FakeElement ? (n.getAttribute('aria-hidden') === 'true' ? '' : ownText(n)) : n.textContent)).join('');
}

export function nameOf(el, doc) {
  if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label');
  if (el.hasAttribute('aria-labelledby')) return ownText(doc.getElementById(el.getAttribute('aria-labelledby'))).trim();
  if (el.id) {
    const label = doc.documentElement.querySelectorAll('label').find((l) => l.getAttribute('for') === el.id);
    if (label) return ownText(label).trim();
  }
  if (['button', 'a', 'h1', 'h2', 'h3'].includes(el.localName)) return ownText(el).replace(/\s+/g, ' ').trim();
  return '';
}

/** Visible elements with this role (and exact name, when given). */
export function getAllByRole(doc, role, name) {
  return doc.documentElement.querySelectorAll('*').filter((el) => roleOf(el) === role && !isHidden(el)
    && (name === undefined || nameOf(el, doc) === name));
}

export function getByRole(doc, role, name) {
  const found = getAllByRole(doc, role, name);
  if (found.length !== 1) {
    const seen = getAllByRole(doc, role).map((el) => nameOf(el, doc));
    throw new Error(`expected one ${role} named ${JSON.stringify(name)}, found ${found.length} (visible ${role}s: ${JSON.stringify(seen)})`);
  }
  return found[0];
}

FakeElement.prototype.querySelectorAll = function querySelectorAll(selector) {
  return [...this.walk()].filter((el) => selector === '*' || matches(el, selector));
};
