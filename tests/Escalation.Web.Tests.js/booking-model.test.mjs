// Pure helpers of /book and the manage page: addresses, server-filled attributes, answer outcomes,
// Retry-After, the hold's deadline on our clock, the countdown, idempotency keys, the request body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modulePath } from './paths.mjs';

const M = await import(modulePath('lib/booking-model.js'));
const { createBookingApi } = await import(modulePath('lib/booking-api.js'));

test('readBookPage: queue, key and language (server <html lang> first, then ?lang=)', () => {
  assert.deepEqual(M.readBookPage({ htmlLang: 'ar', search: '?queueId=VIP-Video-Q&key=pk_1&lang=en' }),
    { queueId: 'VIP-Video-Q', key: 'pk_1', lang: 'ar' });
  assert.deepEqual(M.readBookPage({ htmlLang: '{{lang}}', search: '?queueId=Q&key=k&lang=ar' }),
    { queueId: 'Q', key: 'k', lang: 'ar' });
  assert.deepEqual(M.readBookPage({ htmlLang: '', search: '' }), { queueId: '', key: '', lang: 'en' });
  assert.equal(M.readBookPage({ htmlLang: 'fr', search: '' }).lang, 'en');
});

test('readManageLocation: /bookings/{id} and /bookings/{id}/manage, token from the query', () => {
  assert.deepEqual(M.readManageLocation({ pathname: '/bookings/bk_123/manage', search: '?token=abc' }), { bookingId: 'bk_123', token: 'abc' });
  assert.deepEqual(M.readManageLocation({ pathname: '/bookings/bk%20x', search: '?token=a%2Bb' }), { bookingId: 'bk x', token: 'a+b' });
  assert.deepEqual(M.readManageLocation({ pathname: '/bookings/bk_1/', search: '' }), { bookingId: 'bk_1', token: '' });
  assert.equal(M.readManageLocation({ pathname: '/bookings/bk_1/ics', search: '' }).bookingId, '');
  assert.equal(M.readManageLocation({ pathname: '/rooms/bk_1', search: '' }).bookingId, '');
  assert.equal(M.readManageLocation({ pathname: '/bookings/%E0%A4%A', search: '' }).bookingId, '');
});

test('readManagePage: unreplaced placeholders count as missing', () => {
  assert.deepEqual(M.readManagePage({ lang: 'ar' }), { lang: 'ar' });
  assert.deepEqual(M.readManagePage({ lang: '{{lang}}' }), { lang: 'en' });
});

test('outcome: what each status means to the pages', () => {
  assert.equal(M.outcome(200), 'ok');
  assert.equal(M.outcome(201), 'ok');
  assert.equal(M.outcome(204), 'ok');
  assert.equal(M.outcome(400), 'invalid');
  for (const s of [401, 403, 404]) assert.equal(M.outcome(s), 'unavailable', String(s));
  assert.equal(M.outcome(409), 'conflict');
  assert.equal(M.outcome(422), 'rejected');
  assert.equal(M.outcome(429), 'busy');
  for (const s of [0, 500, 502, 503]) assert.equal(M.outcome(s), 'failed', String(s));
});

test('Retry-After: seconds or an HTTP date', () => {
  const now = Date.parse('2026-06-02T10:00:00Z');
  assert.equal(M.retryAfterSeconds('30', now), 30);
  assert.equal(M.retryAfterSeconds('0', now), 1);
  assert.equal(M.retryAfterSeconds('Tue, 02 Jun 2026 10:01:30 GMT', now), 90);
  assert.equal(M.retryAfterSeconds('Tue, 02 Jun 2026 09:00:00 GMT', now), 1);
  assert.equal(M.retryAfterSeconds(null, now), null);
  assert.equal(M.retryAfterSeconds('', now), null);
  assert.equal(M.retryAfterSeconds('soon', now), null);
});

test('holdDeadline: the hold ends on our clock, even when our clock is off', () => {
  const expiresAt = '2026-06-02T10:05:00Z';
  // Clocks agree.
  assert.equal(M.holdDeadline(expiresAt, { serverDate: 'Tue, 02 Jun 2026 10:00:00 GMT', receivedAt: Date.parse('2026-06-02T10:00:00Z') }),
    Date.parse(expiresAt));
  // Our clock is 10 minutes fast: the hold still lasts 5 minutes from now on our clock.
  const fast = Date.parse('2026-06-02T10:10:00Z');
  assert.equal(M.holdDeadline(expiresAt, { serverDate: 'Tue, 02 Jun 2026 10:00:00 GMT', receivedAt: fast }), fast + 5 * 60000);
  // No Date header: trust expiresAt.
  assert.equal(M.holdDeadline(expiresAt, { serverDate: null, receivedAt: fast }), Date.parse(expiresAt));
  assert.equal(M.holdDeadline('garbage'), null);
});

test('countdownText: mm:ss, rounding up', () => {
  assert.equal(M.countdownText(5 * 60000), '05:00');
  assert.equal(M.countdownText(299001), '05:00');
  assert.equal(M.countdownText(59000), '00:59');
  assert.equal(M.countdownText(1), '00:01');
  assert.equal(M.countdownText(0), '00:00');
  assert.equal(M.countdownText(-5), '00:00');
  assert.equal(M.countdownText(3723000), '1:02:03');
});

test('idempotency: the same confirm reuses its key, a different request gets a new one', () => {
  let n = 0;
  const keys = M.createIdempotency(() => `key-${(n += 1)}`);
  const body = { holdId: 'h1', visitor: { name: 'A' } };
  assert.equal(keys.keyFor(body), 'key-1');
  assert.equal(keys.keyFor({ ...body }), 'key-1');
  assert.equal(keys.keyFor({ ...body, holdId: 'h2' }), 'key-2');
  keys.forget();
  assert.equal(keys.keyFor({ ...body, holdId: 'h2' }), 'key-3');
  assert.match(M.newIdempotencyKey(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(M.newIdempotencyKey({}), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('bookingRequest: the POST /create body', () => {
  assert.deepEqual(M.bookingRequest({
    visitor: { name: 'A', email: 'a@b.co', phone: '+971501234567', preferredLang: 'en' },
    productLine: 'Business', queueId: 'Q', start: '2026-06-02T10:30:00Z', holdId: 'h1',
  }), {
    visitor: { name: 'A', email: 'a@b.co', phone: '+971501234567', preferredLang: 'en' },
    queueId: 'Q',
    scheduledTime: '2026-06-02T10:30:00Z',
    holdId: 'h1',
    attributes: { productLine: 'Business' },
  });
});

test('safeUrl keeps http(s) only, relative links resolved against the page', () => {
  assert.equal(M.safeUrl('https://x.test/rooms/b?token=1'), 'https://x.test/rooms/b?token=1');
  assert.equal(M.safeUrl('/bookings/b/ics?token=1', 'https://x.test/book'), 'https://x.test/bookings/b/ics?token=1');
  assert.equal(M.safeUrl('javascript:alert(1)', 'https://x.test/'), '');
  assert.equal(M.safeUrl('', 'https://x.test/'), '');
  assert.equal(M.safeUrl(undefined), '');
});

test('the API client sends the widget key, JSON and the Idempotency-Key; never throws', async () => {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return {
      ok: true,
      status: 201,
      headers: new Map([['Content-Type', 'application/json'], ['Retry-After', null], ['Date', 'Tue, 02 Jun 2026 10:00:00 GMT']]),
      json: async () => ({ holdId: 'h1' }),
    };
  };
  const api = createBookingApi({ fetch: fetchImpl, widgetKey: 'pk_1' });
  const res = await api.hold('VIP Q', '2026-06-02T10:30:00Z');
  assert.deepEqual(res, { ok: true, status: 201, data: { holdId: 'h1' }, retryAfter: null, serverDate: 'Tue, 02 Jun 2026 10:00:00 GMT' });
  assert.equal(calls[0].url, '/holds');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers['X-Tenant-Key'], 'pk_1');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(calls[0].init.body), { queueId: 'VIP Q', start: '2026-06-02T10:30:00Z' });

  await api.availability('VIP Q');
  assert.equal(calls[1].url, '/availability?queueId=VIP%20Q&days=14');
  assert.equal(calls[1].init.method, 'GET');
  assert.equal(calls[1].init.body, undefined);

  await api.createBooking({ a: 1 }, 'idem-1');
  assert.equal(calls[2].url, '/create');
  assert.equal(calls[2].init.headers['Idempotency-Key'], 'idem-1');

  await api.releaseHold('h/1');
  assert.equal(calls[3].url, '/holds/h%2F1');
  assert.equal(calls[3].init.method, 'DELETE');

  await api.booking('b1', 't+1');
  assert.equal(calls[4].url, '/bookings/b1?token=t%2B1');
  assert.equal(calls[4].init.headers['X-Tenant-Key'], undefined, 'the manage token is the credential');
  assert.equal(calls[4].init.headers.Accept, 'application/json');
  await api.cancel('b1', 't');
  assert.equal(calls[5].url, '/bookings/b1/cancel?token=t');
  await api.reschedule('b1', 't', '2026-06-03T10:00:00Z');
  assert.deepEqual(JSON.parse(calls[6].init.body), { scheduledTime: '2026-06-03T10:00:00Z' });

  const offline = createBookingApi({ fetch: async () => { throw new TypeError('Failed to fetch'); } });
  assert.deepEqual(await offline.availability('Q'), { ok: false, status: 0, data: null, retryAfter: null, serverDate: null });

  const limited = createBookingApi({
    fetch: async () => ({ ok: false, status: 429, headers: new Map([['Retry-After', '12']]), json: async () => ({}) }),
  });
  const busy = await limited.hold('Q', 'x');
  assert.equal(busy.status, 429);
  assert.equal(busy.retryAfter, 12);
});
