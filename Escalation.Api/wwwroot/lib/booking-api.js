// The public API calls the booking and manage pages make (same origin only). Every call resolves to
// { ok, status, data, retryAfter, serverDate } and never throws: a network failure is status 0.
// fetch is injected so the pages (and a later embeddable widget) can be tested without a network.
import { retryAfterSeconds } from './booking-model.js';

const enc = encodeURIComponent;

export function createBookingApi({ fetch: fetchImpl = globalThis.fetch, widgetKey = '' } = {}) {
  const send = async (method, url, { body, widget = false, headers = {} } = {}) => {
    const all = { Accept: 'application/json', ...headers };
    if (widget) all['X-Tenant-Key'] = widgetKey;
    if (body !== undefined) all['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: all,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return { ok: false, status: 0, data: null, retryAfter: null, serverDate: null };
    }
    let data = null;
    try {
      const type = response.headers?.get?.('Content-Type') ?? 'application/json';
      if (response.status !== 204 && /json/i.test(type)) data = await response.json();
    } catch {
      data = null;
    }
    return {
      ok: response.ok,
      status: response.status,
      data,
      retryAfter: retryAfterSeconds(response.headers?.get?.('Retry-After')),
      serverDate: response.headers?.get?.('Date') ?? null,
    };
  };

  return {
    /** GET /availability?queueId=…&days=14 */
    availability(queueId, { days = 14 } = {}) {
      return send('GET', `/availability?queueId=${enc(queueId)}&days=${enc(days)}`, { widget: true });
    },
    /** POST /holds { queueId, start } -> 201 { holdId, expiresAt } */
    hold(queueId, start) {
      return send('POST', '/holds', { widget: true, body: { queueId, start } });
    },
    /** DELETE /holds/{holdId} -> 204 */
    releaseHold(holdId) {
      return send('DELETE', `/holds/${enc(holdId)}`, { widget: true });
    },
    /** POST /create with Idempotency-Key -> 201 { bookingId, status, scheduledTime, … } */
    createBooking(body, idempotencyKey) {
      return send('POST', '/create', { widget: true, body, headers: { 'Idempotency-Key': idempotencyKey } });
    },
    /** GET /bookings/{id}/availability?token=…&days=14 — the booking's queue, by its manage token. */
    bookingAvailability(bookingId, token, { days = 14 } = {}) {
      return send('GET', `/bookings/${enc(bookingId)}/availability?token=${enc(token)}&days=${enc(days)}`);
    },
    /** GET /bookings/{id}?token=… (JSON) */
    booking(bookingId, token) {
      return send('GET', `/bookings/${enc(bookingId)}?token=${enc(token)}`);
    },
    /** POST /bookings/{id}/cancel?token=… */
    cancel(bookingId, token) {
      return send('POST', `/bookings/${enc(bookingId)}/cancel?token=${enc(token)}`);
    },
    /** POST /bookings/{id}/reschedule?token=… { scheduledTime } */
    reschedule(bookingId, token, scheduledTime) {
      return send('POST', `/bookings/${enc(bookingId)}/reschedule?token=${enc(token)}`, { body: { scheduledTime } });
    },
  };
}
