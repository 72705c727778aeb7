// End-to-end smoke tests of /book and the manage page on the tiny fake DOM (fake-dom.mjs) with a fake
// API and a fake clock: the accessible contract (names, roles, aria-invalid/-describedby, alerts), the
// two-click booking, error answers (409/400/404/429/5xx), hold expiry, cancel and reschedule.
// Not a browser: layout, contrast and axe belong in the browser tests.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot, modulePath } from './paths.mjs';
import { createDocument, FakeElement, FakeNode, getByRole, getAllByRole, nameOf, fakeEvent } from './fake-dom.mjs';

const { startBookingPage } = await import(modulePath('book/book.js'));
const { startManagePage } = await import(modulePath('manage/manage.js'));

const saved = {};
for (const name of ['document', 'Node', 'matchMedia']) saved[name] = Object.getOwnPropertyDescriptor(globalThis, name);
const setGlobal = (name, value) => Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
afterEach(() => {
  for (const [name, descriptor] of Object.entries(saved)) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete globalThis[name];
  }
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(check, what, timeout = 2000) {
  const until = Date.now() + timeout;
  for (;;) {
    let result;
    try {
      result = check();
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    if (result) return result;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

// ---------- fixtures ----------

const QUEUE_ZONE = 'Asia/Dubai';
const VISITOR_ZONE = 'Europe/London';
/** Two days, 08:00–10:00 Dubai (04:00–06:00 UTC), 30-minute slots; 05:00 UTC on the 2nd is full. */
function availabilityAnswer() {
  const slots = [];
  for (const day of ['2026-06-02', '2026-06-03']) {
    for (const time of ['04:00', '04:30', '05:00', '05:30']) {
      const start = `${day}T${time}:00Z`;
      const full = start === '2026-06-02T05:00:00Z';
      slots.push({
        start, end: new Date(Date.parse(start) + 1800000).toISOString().replace('.000', ''),
        capacity: 2, remaining: full ? 0 : 2, status: full ? 'full' : 'open', estimatedWaitMinutes: 15,
      });
    }
  }
  return { queueId: 'VIP-Video-Q', timeZone: QUEUE_ZONE, intervalMinutes: 30, slots };
}

const BOOKING = {
  bookingId: 'bk_1', status: 'confirmed', scheduledTime: '2026-06-02T04:30:00Z', callbackId: 'cb_1',
  customerUrl: 'https://video.bank.test/rooms/bk_1?token=r1', icsUrl: 'https://video.bank.test/bookings/bk_1/ics?token=m1',
  manageUrl: 'https://video.bank.test/bookings/bk_1/manage?token=m1',
};

function json(status, body, headers = {}) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Headers({ 'Content-Type': 'application/json', ...headers }),
    json: async () => body,
  };
}

/** A fake API: routes is { 'GET /availability': [answers…] | answer | fn }; answers are used in order. */
function fakeApi(routes) {
  const calls = [];
  const fetchImpl = async (url, init = {}) => {
    if (url.startsWith('/i18n/')) {
      const text = await readFile(path.join(wwwroot, url), 'utf8');
      return json(200, JSON.parse(text));
    }
    const method = init.method ?? 'GET';
    const route = `${method} ${url.split('?')[0].replace(/\/holds\/[^/]+$/, '/holds/{id}')}`;
    const call = { method, url, headers: init.headers ?? {}, body: init.body ? JSON.parse(init.body) : undefined };
    calls.push(call);
    let answer = routes[route];
    if (Array.isArray(answer)) answer = answer.length > 1 ? answer.shift() : answer[0];
    if (typeof answer === 'function') answer = answer(call);
    return answer ?? json(404, { status: 404 });
  };
  return { fetchImpl, calls, count: (route) => calls.filter((c) => `${c.method} ${c.url.split('?')[0]}` === route).length };
}

function fakeClock(start) {
  let now = start;
  const intervals = new Map();
  let next = 1;
  return {
    now: () => now,
    setInterval(fn) { intervals.set(next, fn); return next++; },
    clearInterval(id) { intervals.delete(id); },
    setTimeout(fn) { intervals.set(next, fn); return next++; },
    clearTimeout(id) { intervals.delete(id); },
    advance(ms) {
      now += ms;
      for (const fn of [...intervals.values()]) fn();
    },
  };
}

function mount({ lang = 'en', ids, attributes = {} }) {
  const doc = createDocument({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
  const html = doc.documentElement;
  html.setAttribute('lang', lang);
  for (const [name, value] of Object.entries(attributes)) html.setAttribute(name, value);
  const main = doc.body.children[0];
  for (const [tag, id] of ids) {
    const el = new FakeElement(tag, doc);
    el.id = id;
    main.append(el);
  }
  setGlobal('document', doc);
  setGlobal('Node', FakeNode);
  return doc;
}

async function openBook({ lang = 'en', search = `?queueId=VIP-Video-Q&lang=${lang}&key=pk_test`, routes = {}, clock } = {}) {
  const doc = mount({ lang, ids: [['p', 'page-intro'], ['div', 'book-view']] });
  const api = fakeApi({ 'GET /availability': json(200, availabilityAnswer()), ...routes });
  const win = new EventTarget();
  const events = [];
  for (const name of ['booked', 'held']) win.addEventListener(`videoengager:${name}`, (e) => events.push([name, e.detail]));
  const loc = { pathname: '/book', search, href: `https://video.bank.test/book${search}` };
  await startBookingPage({ doc, win, loc, fetchImpl: api.fetchImpl, visitorZone: VISITOR_ZONE, clock: clock ?? fakeClock(Date.now()) });
  return { doc, api, events };
}

const byLabel = (doc, text) => {
  const label = doc.documentElement.querySelectorAll('label').find((l) => l.textContent === text);
  assert.ok(label, `a label "${text}"`);
  return doc.getElementById(label.getAttribute('for'));
};

function fillForm(doc, values = {}) {
  const v = { name: 'Fatima Al Mansoori', email: 'fatima@example.ae', countryCode: '+971', phone: '050 123 4567',
    productLine: 'Business', preferredLang: 'en', ...values };
  byLabel(doc, 'Name').value = v.name;
  byLabel(doc, 'E-mail').value = v.email;
  byLabel(doc, 'Country code').value = v.countryCode;
  byLabel(doc, 'Phone').value = v.phone;
  byLabel(doc, 'Product line').value = v.productLine;
  byLabel(doc, 'Preferred language').value = v.preferredLang;
}

const grid = (doc, name) => getByRole(doc, 'grid', name);
const cellNamed = (doc, name) => getAllByRole(doc, 'gridcell').find((c) => nameOf(c, doc) === name);
const press = (doc, key, extra = {}) => grid(doc).dispatchEvent(fakeEvent('keydown', { key, target: doc.activeElement, ...extra }));
const clickCell = (doc, cell) => grid(doc).dispatchEvent(fakeEvent('click', { target: cell }));

async function toCalendar(doc) {
  fillForm(doc);
  getByRole(doc, 'button', 'Show available times').click();
  return waitFor(() => grid(doc), 'the calendar');
}

// ---------- /book ----------

test('book: a link without its key shows the calm "not available" state and calls nothing', async () => {
  const { doc, api } = await openBook({ search: '?queueId=VIP-Video-Q&lang=en' });
  assert.ok(getByRole(doc, 'heading', 'This booking page is not available'));
  assert.equal(api.calls.length, 0);
  assert.equal(doc.title, 'This booking page is not available');
});

test('book: an unknown queue (404) shows the calm state before anyone types', async () => {
  const { doc } = await openBook({ routes: { 'GET /availability': json(404, { status: 404 }) } });
  await waitFor(() => getByRole(doc, 'heading', 'This booking page is not available'), 'the unavailable state');
  assert.equal(getAllByRole(doc, 'button', 'Show available times').length, 0);
});

test('book: the form\'s names, defaults and client-side errors (announced, tied to their fields)', async () => {
  const { doc, api } = await openBook();
  assert.equal(doc.title, 'Book a video appointment');
  const availability = api.calls.find((c) => c.url.startsWith('/availability'));
  assert.equal(availability.url, '/availability?queueId=VIP-Video-Q&days=14');
  assert.equal(availability.headers['X-Tenant-Key'], 'pk_test');

  const name = byLabel(doc, 'Name');
  const phone = byLabel(doc, 'Phone');
  const country = byLabel(doc, 'Country code');
  assert.equal(nameOf(name, doc), 'Name');
  assert.equal(byLabel(doc, 'E-mail').getAttribute('type'), 'email');
  assert.equal(phone.getAttribute('type'), 'tel');
  assert.equal(country.localName, 'select');
  assert.equal(country.children.find((o) => o.hasAttribute('selected')).getAttribute('value'), '+971');
  const lang = byLabel(doc, 'Preferred language');
  assert.equal(lang.children.find((o) => o.hasAttribute('selected')).getAttribute('value'), 'en');
  assert.deepEqual(byLabel(doc, 'Product line').children.map((o) => o.getAttribute('value')),
    ['Post-paid', 'Pre-paid', 'Home internet', 'Business']);
  assert.equal(phone.getAttribute('aria-describedby'), 'visitor-phone-hint');

  fillForm(doc, { name: '', email: 'nope', phone: '12' });
  getByRole(doc, 'button', 'Show available times').click();
  assert.equal(name.getAttribute('aria-invalid'), 'true');
  assert.equal(name.getAttribute('aria-describedby'), 'visitor-name-error');
  assert.equal(doc.getElementById('visitor-name-error').textContent, 'Enter your name.');
  assert.equal(phone.getAttribute('aria-describedby'), 'visitor-phone-hint visitor-phone-error');
  assert.equal(doc.activeElement, name, 'focus on the first invalid field');
  const summary = doc.getElementById('visitor-summary');
  assert.equal(summary.getAttribute('aria-live'), 'assertive');
  assert.match(summary.textContent, /Please check the following:.*Enter your name\..*Enter an e-mail address.*Enter a phone number/);
  assert.equal(getAllByRole(doc, 'grid').length, 0, 'no calendar yet');

  // Fixing a field clears its error as the visitor types.
  name.value = 'Fatima';
  name.dispatchEvent(fakeEvent('input'));
  assert.equal(name.hasAttribute('aria-invalid'), false);
  assert.doesNotMatch(summary.textContent, /Enter your name/);
});

test('book: two clicks from the calendar — pick an open time, confirm', async () => {
  const start = Date.parse('2026-06-02T03:00:00Z');
  const clock = fakeClock(start);
  const expiresAt = new Date(start + 5 * 60000).toISOString();
  const { doc, api, events } = await openBook({
    clock,
    routes: {
      'POST /holds': json(201, { holdId: 'h_1', expiresAt }),
      'POST /create': json(201, BOOKING),
    },
  });
  await toCalendar(doc);
  assert.equal(doc.activeElement, getByRole(doc, 'heading', 'Choose a time'));
  assert.match(doc.documentElement.textContent, /Times are shown in Europe\/London/);
  assert.match(doc.documentElement.textContent, /The team works in Asia\/Dubai/);
  // 04:30 UTC is 05:30 in London (BST).
  const open = cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes');
  assert.ok(open, 'open cell named with day, visitor time, status and wait');
  assert.equal(open.hasAttribute('aria-disabled'), false);
  assert.match(open.textContent, /Open/, 'the state is written, not only coloured');
  assert.match(open.textContent, /≈ 15 min/, 'the wait tooltip');
  const full = cellNamed(doc, 'Tuesday 2 June, 06:00, full, estimated wait 15 minutes');
  assert.equal(full.getAttribute('aria-disabled'), 'true');
  assert.equal(getAllByRole(doc, 'gridcell').filter((c) => c.getAttribute('tabindex') === '0').length, 1, 'roving tabindex');
  assert.ok(getAllByRole(doc, 'columnheader').some((h) => nameOf(h, doc) === '' && h.textContent.includes('Tuesday 2 June')));
  assert.deepEqual(getAllByRole(doc, 'rowheader').map((h) => h.textContent), ['05:00', '05:30', '06:00', '06:30']);

  clickCell(doc, full);
  assert.equal(api.count('POST /holds'), 0, 'full cells cannot be chosen');

  clickCell(doc, open);
  const region = await waitFor(() => getByRole(doc, 'region', 'Your booking'), 'the hold panel');
  assert.deepEqual(api.calls.find((c) => c.url === '/holds').body, { queueId: 'VIP-Video-Q', start: '2026-06-02T04:30:00Z' });
  assert.equal(api.calls.find((c) => c.url === '/holds').headers['X-Tenant-Key'], 'pk_test');
  assert.match(region.textContent, /Tuesday 2 June 2026, 05:30 \(Europe\/London\)/);
  assert.match(region.textContent, /For our team: 08:30 \(Asia\/Dubai\)/);
  assert.match(region.textContent, /05:00/);
  const confirm = getByRole(doc, 'button', 'Confirm booking');
  assert.equal(doc.activeElement, confirm);
  assert.ok(getByRole(doc, 'button', 'Choose another time'));
  assert.equal(open.getAttribute('aria-selected'), 'true');
  assert.equal(nameOf(open, doc), 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes, chosen');
  assert.match(open.textContent, /Chosen/, 'the visible word is part of the name');
  assert.deepEqual(events[0], ['held', { holdId: 'h_1', start: '2026-06-02T04:30:00Z', expiresAt }]);

  clock.advance(61000);
  assert.match(region.textContent, /03:59/);

  confirm.click();
  const done = await waitFor(() => getByRole(doc, 'region', 'Booking confirmed'), 'the confirmation');
  const create = api.calls.find((c) => c.url === '/create');
  assert.match(create.headers['Idempotency-Key'], /^[0-9a-f-]{36}$/);
  assert.equal(create.headers['X-Tenant-Key'], 'pk_test');
  assert.deepEqual(create.body, {
    visitor: { name: 'Fatima Al Mansoori', email: 'fatima@example.ae', phone: '+971501234567', preferredLang: 'en' },
    queueId: 'VIP-Video-Q',
    scheduledTime: '2026-06-02T04:30:00Z',
    holdId: 'h_1',
    attributes: { productLine: 'Business' },
  });
  assert.match(done.textContent, /Tuesday 2 June 2026, 05:30 \(Europe\/London\)/);
  assert.equal(getByRole(doc, 'link', 'Add to calendar').getAttribute('href'), BOOKING.icsUrl);
  assert.equal(getByRole(doc, 'link', 'Join the video call').getAttribute('href'), BOOKING.customerUrl);
  assert.equal(getByRole(doc, 'link', 'Manage booking').getAttribute('href'), BOOKING.manageUrl);
  assert.equal(doc.activeElement, getByRole(doc, 'heading', 'Booking confirmed'));
  assert.equal(getAllByRole(doc, 'grid').length, 0);
  assert.deepEqual(events[1], ['booked', BOOKING]);
});

test('book: arrow keys move through the grid (skipping empty cells); Enter picks', async () => {
  const { doc, api } = await openBook({ routes: { 'POST /holds': json(201, { holdId: 'h_1', expiresAt: new Date(Date.now() + 300000).toISOString() }) } });
  await toCalendar(doc);
  const first = cellNamed(doc, 'Tuesday 2 June, 05:00, open, estimated wait 15 minutes');
  assert.equal(first.getAttribute('tabindex'), '0');
  first.focus();
  press(doc, 'ArrowRight');
  assert.equal(nameOf(doc.activeElement, doc), 'Wednesday 3 June, 05:00, open, estimated wait 15 minutes');
  press(doc, 'ArrowDown');
  assert.equal(nameOf(doc.activeElement, doc), 'Wednesday 3 June, 05:30, open, estimated wait 15 minutes');
  assert.equal(doc.activeElement.getAttribute('tabindex'), '0');
  assert.equal(first.getAttribute('tabindex'), '-1');
  press(doc, 'Home');
  assert.equal(nameOf(doc.activeElement, doc), 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes');
  press(doc, 'End', { ctrlKey: true });
  assert.equal(nameOf(doc.activeElement, doc), 'Wednesday 3 June, 06:30, open, estimated wait 15 minutes');
  press(doc, 'ArrowUp');
  press(doc, 'ArrowLeft');
  // A full cell can be focused (and heard) but not chosen.
  assert.equal(nameOf(doc.activeElement, doc), 'Tuesday 2 June, 06:00, full, estimated wait 15 minutes');
  press(doc, 'Enter');
  assert.equal(api.count('POST /holds'), 0);
  press(doc, 'ArrowDown');
  press(doc, ' ');
  await waitFor(() => getByRole(doc, 'region', 'Your booking'), 'the hold panel');
  assert.equal(api.calls.find((c) => c.url === '/holds').body.start, '2026-06-02T05:30:00Z');
});

test('book: Arabic page — right-to-left arrows, Arabic names with Latin digits', async () => {
  const { doc } = await openBook({ lang: 'ar' });
  assert.equal(doc.documentElement.dir, 'rtl');
  assert.equal(nameOf(doc.getElementById('visitor-name'), doc), 'الاسم');
  assert.equal(nameOf(doc.getElementById('visitor-phone'), doc), 'رقم الهاتف');
  const fill = { name: 'فاطمة', email: 'fatima@example.ae', 'country-code': '+971', phone: '0501234567', 'product-line': 'Post-paid', 'preferred-lang': 'ar' };
  for (const [id, value] of Object.entries(fill)) doc.getElementById(`visitor-${id}`).value = value;
  assert.equal(doc.getElementById('visitor-preferred-lang').children.find((o) => o.hasAttribute('selected')).getAttribute('value'), 'ar');
  getByRole(doc, 'button', 'عرض المواعيد المتاحة').click();
  const g = await waitFor(() => getByRole(doc, 'grid', 'المواعيد المتاحة'), 'the Arabic calendar');
  assert.ok(g);
  const first = getAllByRole(doc, 'gridcell').find((c) => c.getAttribute('tabindex') === '0');
  assert.equal(nameOf(first, doc), 'الثلاثاء 2 يونيو، 05:00، متاح، مدة الانتظار المتوقعة 15 دقيقة');
  first.focus();
  press(doc, 'ArrowLeft');
  assert.equal(nameOf(doc.activeElement, doc), 'الأربعاء 3 يونيو، 05:00، متاح، مدة الانتظار المتوقعة 15 دقيقة');
  press(doc, 'ArrowRight');
  assert.equal(doc.activeElement, first);
  assert.doesNotMatch(doc.documentElement.textContent, /[\u0660-\u0669]/);
});

test('book: 409 when holding -> alert, the grid refreshes', async () => {
  const { doc, api } = await openBook({ routes: { 'POST /holds': json(409, { status: 409, reason: 'SLOT_FULL' }) } });
  await toCalendar(doc);
  clickCell(doc, cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes'));
  const alert = await waitFor(() => getByRole(doc, 'alert'), 'the alert');
  assert.match(alert.textContent, /That time was just taken\. Please choose another\./);
  await waitFor(() => api.count('GET /availability') === 2, 'the refresh');
  assert.equal(getAllByRole(doc, 'region', 'Your booking').length, 0);
});

test('book: 429 when holding -> "please wait a moment" with Retry-After', async () => {
  const { doc } = await openBook({ routes: { 'POST /holds': json(429, { status: 429 }, { 'Retry-After': '12' }) } });
  await toCalendar(doc);
  clickCell(doc, cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes'));
  const alert = await waitFor(() => getByRole(doc, 'alert'), 'the alert');
  assert.match(alert.textContent, /Please wait a moment and try again\. You can try again in 12 seconds\./);
});

test('book: a failed confirm is retried with the same Idempotency-Key', async () => {
  const { doc, api } = await openBook({
    routes: {
      'POST /holds': json(201, { holdId: 'h_1', expiresAt: new Date(Date.now() + 300000).toISOString() }),
      'POST /create': [json(503, { status: 503 }), json(201, BOOKING)],
    },
  });
  await toCalendar(doc);
  clickCell(doc, cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes'));
  await waitFor(() => getByRole(doc, 'region', 'Your booking'), 'the hold panel');
  getByRole(doc, 'button', 'Confirm booking').click();
  const alert = await waitFor(() => getByRole(doc, 'alert'), 'the error');
  assert.match(alert.textContent, /Something went wrong on our side/);
  getByRole(doc, 'button', 'Confirm booking').click();
  await waitFor(() => getByRole(doc, 'region', 'Booking confirmed'), 'the confirmation');
  const keys = api.calls.filter((c) => c.url === '/create').map((c) => c.headers['Idempotency-Key']);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1]);
});

test('book: 400 at confirm maps the API\'s fields back onto the form', async () => {
  const { doc, api } = await openBook({
    routes: {
      'POST /holds': json(201, { holdId: 'h_1', expiresAt: new Date(Date.now() + 300000).toISOString() }),
      'POST /create': [json(400, { status: 400, errors: { 'visitor.phone': ['Phone must be a valid phone number…'] } }), json(201, BOOKING)],
    },
  });
  await toCalendar(doc);
  clickCell(doc, cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes'));
  await waitFor(() => getByRole(doc, 'region', 'Your booking'), 'the hold panel');
  getByRole(doc, 'button', 'Confirm booking').click();
  const phone = await waitFor(() => {
    const input = byLabel(doc, 'Phone');
    return input.getAttribute('aria-invalid') === 'true' ? input : null;
  }, 'the phone error');
  assert.equal(doc.activeElement, phone);
  assert.match(doc.getElementById('visitor-phone-error').textContent, /Enter a phone number of 6 to 15 digits/);
  assert.equal(getAllByRole(doc, 'grid').length, 0, 'the form shows again');
  // Fix and continue: the hold is still there; a changed request gets a new key.
  phone.value = '050 765 4321';
  getByRole(doc, 'button', 'Show available times').click();
  assert.equal(doc.activeElement, getByRole(doc, 'button', 'Confirm booking'));
  getByRole(doc, 'button', 'Confirm booking').click();
  await waitFor(() => getByRole(doc, 'region', 'Booking confirmed'), 'the confirmation');
  const creates = api.calls.filter((c) => c.url === '/create');
  assert.equal(creates[1].body.visitor.phone, '+971507654321');
  assert.notEqual(creates[0].headers['Idempotency-Key'], creates[1].headers['Idempotency-Key']);
});

test('book: 409 at confirm -> alert, hold gone, grid refreshed', async () => {
  const { doc, api } = await openBook({
    routes: {
      'POST /holds': json(201, { holdId: 'h_1', expiresAt: new Date(Date.now() + 300000).toISOString() }),
      'POST /create': json(409, { status: 409, reason: 'SLOT_FULL' }),
    },
  });
  await toCalendar(doc);
  clickCell(doc, cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes'));
  await waitFor(() => getByRole(doc, 'region', 'Your booking'), 'the hold panel');
  getByRole(doc, 'button', 'Confirm booking').click();
  const alert = await waitFor(() => getByRole(doc, 'alert'), 'the alert');
  assert.match(alert.textContent, /That time was just taken/);
  assert.equal(getAllByRole(doc, 'region', 'Your booking').length, 0);
  await waitFor(() => api.count('GET /availability') === 2, 'the refresh');
});

test('book: the hold runs out -> the panel says so, the grid refreshes', async () => {
  const clock = fakeClock(Date.parse('2026-06-02T03:00:00Z'));
  const { doc, api } = await openBook({
    clock,
    routes: { 'POST /holds': json(201, { holdId: 'h_1', expiresAt: '2026-06-02T03:05:00Z' }) },
  });
  await toCalendar(doc);
  clickCell(doc, cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes'));
  const region = await waitFor(() => getByRole(doc, 'region', 'Your booking'), 'the hold panel');
  clock.advance(4 * 60000 + 1000);
  assert.match(region.textContent, /One minute left to confirm this time\./);
  clock.advance(60000);
  const alert = getByRole(doc, 'alert');
  assert.match(alert.textContent, /We could not hold this time any longer/);
  assert.equal(getAllByRole(doc, 'button', 'Confirm booking').length, 0);
  await waitFor(() => api.count('GET /availability') === 2, 'the refresh');
  assert.equal(getAllByRole(doc, 'gridcell').filter((c) => c.getAttribute('aria-selected') === 'true').length, 0);
});

test('book: "Choose another time" releases the hold', async () => {
  const { doc, api } = await openBook({
    routes: {
      'POST /holds': json(201, { holdId: 'h_1', expiresAt: new Date(Date.now() + 300000).toISOString() }),
      'DELETE /holds/{id}': json(204, null),
    },
  });
  await toCalendar(doc);
  clickCell(doc, cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes'));
  await waitFor(() => getByRole(doc, 'region', 'Your booking'), 'the hold panel');
  getByRole(doc, 'button', 'Choose another time').click();
  assert.equal(api.calls.at(-1).method, 'DELETE');
  assert.equal(api.calls.at(-1).url, '/holds/h_1');
  assert.equal(getAllByRole(doc, 'region', 'Your booking').length, 0);
  assert.equal(nameOf(doc.activeElement, doc), 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes');
});

test('book: phones see three days at a time with previous/next days (still one grid)', async () => {
  setGlobal('matchMedia', (query) => ({ matches: /600px|900px/.test(query), addEventListener() {}, removeEventListener() {} }));
  const answer = availabilityAnswer();
  const days = ['2026-06-04', '2026-06-05', '2026-06-06'].map((day) => ({ ...answer.slots[0], start: `${day}T04:00:00Z` }));
  const { doc } = await openBook({ routes: { 'GET /availability': json(200, { ...answer, slots: [...answer.slots, ...days] }) } });
  await toCalendar(doc);
  const headers = getAllByRole(doc, 'columnheader').filter((h) => h.textContent.includes('June'));
  assert.equal(headers.length, 3, 'three visible days');
  assert.equal(grid(doc).getAttribute('aria-colcount'), '6');
  const next = getByRole(doc, 'button', 'Next days');
  assert.equal(getByRole(doc, 'button', 'Previous days').disabled, true);
  next.click();
  assert.match(getAllByRole(doc, 'columnheader').filter((h) => h.textContent.includes('June')).map((h) => h.textContent).join(), /Thursday 4 June.*Saturday 6 June/);
  assert.equal(next.disabled, true);
  // The tabbable cell follows into the visible days.
  const tabbable = getAllByRole(doc, 'gridcell').find((c) => c.getAttribute('tabindex') === '0');
  assert.match(nameOf(tabbable, doc), /^Thursday 4 June/);
});

// ---------- manage ----------

const MANAGE_BOOKING = {
  ...BOOKING, callbackStatus: 'created', queueId: 'VIP-Video-Q', queueName: 'VIP video advice', sequence: 0, callbackError: null,
  presence: { customer: { joinedAt: null, leftAt: null }, agent: { joinedAt: null, leftAt: null } },
};

async function openManage({ lang = 'en', routes = {}, pathname = '/bookings/bk_1/manage', search = '?token=m1' } = {}) {
  const doc = mount({ lang, ids: [['div', 'manage-live'], ['div', 'manage-view']] });
  const api = fakeApi({
    'GET /bookings/bk_1': json(200, MANAGE_BOOKING),
    'GET /bookings/bk_1/availability': json(200, availabilityAnswer()),
    ...routes,
  });
  const win = new EventTarget();
  const events = [];
  for (const name of ['cancelled', 'rescheduled']) win.addEventListener(`videoengager:${name}`, (e) => events.push([name, e.detail]));
  await startManagePage({ doc, win, loc: { pathname, search, href: `https://video.bank.test${pathname}${search}` }, fetchImpl: api.fetchImpl, visitorZone: VISITOR_ZONE });
  return { doc, api, events };
}

test('manage: a wrong token shows "This link is not valid"', async () => {
  const { doc } = await openManage({ routes: { 'GET /bookings/bk_1': json(404, { status: 404 }) } });
  assert.ok(getByRole(doc, 'heading', 'This link is not valid'));
  const { doc: noToken, api } = await openManage({ search: '' });
  assert.ok(getByRole(noToken, 'heading', 'This link is not valid'));
  assert.equal(api.calls.length, 0);
});

test('manage: the booking, its links and actions', async () => {
  const { doc, api } = await openManage({ pathname: '/bookings/bk_1' });
  const get = api.calls[0];
  assert.equal(get.url, '/bookings/bk_1?token=m1');
  assert.equal(get.headers.Accept, 'application/json');
  assert.ok(getByRole(doc, 'heading', 'Your video appointment'));
  assert.match(doc.documentElement.textContent, /Tuesday 2 June 2026, 05:30 \(Europe\/London\)/);
  // The queue by its name, as the visitor knows it (its id only when a reply carries no name).
  assert.match(doc.documentElement.textContent, /VIP video advice/);
  assert.doesNotMatch(doc.documentElement.textContent, /VIP-Video-Q/);
  assert.equal(getByRole(doc, 'link', 'Join the video call').getAttribute('href'), BOOKING.customerUrl);
  assert.equal(getByRole(doc, 'link', 'Add to calendar').getAttribute('href'), BOOKING.icsUrl);
  assert.ok(getByRole(doc, 'button', 'Reschedule'));
  assert.ok(getByRole(doc, 'button', 'Cancel booking'));
});

test('manage: cancel asks in a dialog, then shows the cancelled state', async () => {
  const { doc, api, events } = await openManage({
    routes: { 'POST /bookings/bk_1/cancel': json(200, { ...MANAGE_BOOKING, status: 'cancelled' }) },
  });
  getByRole(doc, 'button', 'Cancel booking').click();
  const dialog = getByRole(doc, 'dialog', 'Cancel this booking?');
  assert.equal(dialog.localName, 'dialog');
  assert.ok(dialog.hasAttribute('open'));
  assert.match(dialog.textContent, /Tuesday 2 June 2026, 05:30 \(Europe\/London\)/);
  assert.equal(doc.activeElement, getByRole(doc, 'button', 'Keep booking'));

  getByRole(doc, 'button', 'Keep booking').click();
  assert.equal(dialog.hasAttribute('open'), false);
  assert.equal(doc.activeElement, getByRole(doc, 'button', 'Cancel booking'));

  getByRole(doc, 'button', 'Cancel booking').click();
  getByRole(doc, 'button', 'Yes, cancel booking').click();
  await waitFor(() => getByRole(doc, 'heading', 'This booking is cancelled'), 'the cancelled state');
  assert.equal(api.calls.at(-1).url, '/bookings/bk_1/cancel?token=m1');
  assert.equal(api.calls.at(-1).method, 'POST');
  assert.equal(getAllByRole(doc, 'button', 'Reschedule').length, 0);
  assert.equal(getAllByRole(doc, 'button', 'Cancel booking').length, 0);
  assert.equal(getAllByRole(doc, 'link', 'Join the video call').length, 0);
  assert.equal(doc.activeElement, doc.getElementById('page-heading'));
  assert.equal(events[0][0], 'cancelled');
});

test('manage: reschedule reuses the grid, marks the current time, moves the booking', async () => {
  const moved = { ...MANAGE_BOOKING, scheduledTime: '2026-06-03T05:00:00Z', sequence: 1 };
  const { doc, api, events } = await openManage({
    routes: { 'POST /bookings/bk_1/reschedule': [json(409, { status: 409, reason: 'SLOT_FULL' }), json(200, moved)] },
  });
  const reschedule = getByRole(doc, 'button', 'Reschedule');
  assert.equal(reschedule.getAttribute('aria-expanded'), 'false');
  reschedule.click();
  assert.equal(reschedule.getAttribute('aria-expanded'), 'true');
  const g = await waitFor(() => getByRole(doc, 'grid', 'Available times'), 'the calendar');
  assert.ok(g);
  assert.equal(doc.activeElement, getByRole(doc, 'heading', 'Choose a new time'));
  // The calendar comes by the manage link's own token: the page has no widget key.
  const availability = api.calls.find((c) => c.url.startsWith('/bookings/bk_1/availability'));
  assert.equal(availability.url, '/bookings/bk_1/availability?token=m1&days=14');
  assert.equal(availability.headers['X-Tenant-Key'], undefined);
  const current = await waitFor(() => cellNamed(doc, 'Tuesday 2 June, 05:30, open, estimated wait 15 minutes, Your current time'),
    'the current slot to say so');
  assert.equal(current.getAttribute('aria-disabled'), 'true');
  assert.match(current.textContent, /Current/);

  clickCell(doc, cellNamed(doc, 'Wednesday 3 June, 06:00, open, estimated wait 15 minutes'));
  const alert = await waitFor(() => getByRole(doc, 'alert'), 'the conflict alert');
  assert.match(alert.textContent, /That time was just taken/);
  await waitFor(() => api.count('GET /bookings/bk_1/availability') === 2, 'the refresh');

  clickCell(doc, cellNamed(doc, 'Wednesday 3 June, 06:00, open, estimated wait 15 minutes'));
  await waitFor(() => getAllByRole(doc, 'grid').length === 0, 'the calendar to close');
  const post = api.calls.filter((c) => c.url.startsWith('/bookings/bk_1/reschedule')).at(-1);
  assert.equal(post.url, '/bookings/bk_1/reschedule?token=m1');
  assert.deepEqual(post.body, { scheduledTime: '2026-06-03T05:00:00Z' });
  const live = doc.getElementById('manage-live');
  assert.equal(live.getAttribute('aria-live'), 'polite');
  assert.match(live.textContent, /Your booking has been moved to Wednesday 3 June 2026, 06:00 \(Europe\/London\)\./);
  assert.match(doc.getElementById('manage-view').textContent, /Wednesday 3 June 2026, 06:00/);
  assert.equal(doc.activeElement, getByRole(doc, 'button', 'Reschedule'));
  assert.equal(events[0][0], 'rescheduled');
});

test('manage: a cancelled booking offers neither Reschedule nor Cancel', async () => {
  const { doc } = await openManage({ routes: { 'GET /bookings/bk_1': json(200, { ...MANAGE_BOOKING, status: 'cancelled' }) } });
  assert.equal(getAllByRole(doc, 'button', 'Reschedule').length, 0);
  assert.equal(getAllByRole(doc, 'button', 'Cancel booking').length, 0);
});
