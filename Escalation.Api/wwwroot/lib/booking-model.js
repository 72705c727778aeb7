// Pure helpers of the booking and manage pages: reading the address and the server-filled <html>
// attributes, classifying API answers, Retry-After, the hold countdown, idempotency keys.
// No DOM, no network: unit-tested under Node.
import { normalizeLang, parseInstant } from './i18n.js';
import { safeUrl, idFromPath } from './urls.js';

// The link check is the room's too (urls.js); the booking pages take it from here with the rest.
export { safeUrl };

/** An attribute the server did not fill in ('{{lang}}') or left empty counts as missing. */
export function filled(value) {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' || text.includes('{{') ? '' : text;
}

/** /book?queueId=…&lang=…&key=… -> { queueId, key, lang }. lang: the server's <html lang> wins, then ?lang=. */
export function readBookPage({ htmlLang = '', search = '' } = {}) {
  const params = new URLSearchParams(search);
  const fromHtml = filled(htmlLang);
  return {
    queueId: (params.get('queueId') ?? '').trim(),
    key: (params.get('key') ?? '').trim(),
    lang: normalizeLang(fromHtml || params.get('lang') || 'en'),
  };
}

/** /bookings/{id} or /bookings/{id}/manage, and ?token=. */
export function readManageLocation({ pathname = '', search = '' } = {}) {
  return {
    bookingId: idFromPath(pathname, /^\/bookings\/([^/]+)(?:\/manage)?\/?$/),
    token: new URLSearchParams(search).get('token') ?? '',
  };
}

/** The manage page's <html> attributes: its language. */
export function readManagePage({ lang = '' } = {}) {
  return { lang: normalizeLang(filled(lang) || 'en') };
}

/**
 * What an HTTP answer means to the pages:
 * 'ok' | 'invalid' (400) | 'unavailable' (401/403/404: unknown queue, booking or key) | 'conflict' (409)
 * | 'rejected' (422) | 'busy' (429) | 'failed' (network, 5xx, anything else).
 */
export function outcome(status) {
  if (status >= 200 && status < 300) return 'ok';
  switch (status) {
    case 400:
      return 'invalid';
    case 401:
    case 403:
    case 404:
    case 410:
      return 'unavailable';
    case 409:
      return 'conflict';
    case 422:
      return 'rejected';
    case 429:
      return 'busy';
    default:
      return 'failed';
  }
}

/** Retry-After (seconds or an HTTP date) -> whole seconds to wait (at least 1), or null when absent/garbage. */
export function retryAfterSeconds(value, now = Date.now()) {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Math.max(1, Number(text));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

/**
 * When the hold ends on OUR clock. The server's expiresAt is on its clock; its Date header tells how far
 * apart the two clocks are, so a visitor whose clock is off still gets the full hold.
 */
export function holdDeadline(expiresAt, { serverDate = null, receivedAt = Date.now() } = {}) {
  const expires = expiresAt instanceof Date ? expiresAt : parseInstant(expiresAt);
  if (!expires) return null;
  const server = serverDate ? Date.parse(serverDate) : NaN;
  const skew = Number.isNaN(server) ? 0 : server - receivedAt;
  // The Date header has whole seconds; ignore differences it cannot measure.
  return expires.getTime() - (Math.abs(skew) < 2000 ? 0 : skew);
}

const pad2 = (n) => String(n).padStart(2, '0');

/** '04:59' (or '1:04:59' past an hour); rounds up so '00:00' only shows when time is up. */
export function countdownText(ms) {
  const total = Math.max(0, Math.ceil((Number(ms) || 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(seconds)}` : `${pad2(minutes)}:${pad2(seconds)}`;
}

/** A fresh Idempotency-Key (crypto.randomUUID where available). */
export function newIdempotencyKey(cryptoImpl = globalThis.crypto) {
  if (cryptoImpl && typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoImpl && typeof cryptoImpl.getRandomValues === 'function') cryptoImpl.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Remembers the Idempotency-Key of the last confirm: pressing Confirm again with the same request
 * (after a network error, a 5xx or a 429) reuses it, so the booking is made at most once; a different
 * request (new hold, corrected details) gets a new key.
 */
export function createIdempotency(makeKey = newIdempotencyKey) {
  let last = null;
  return {
    keyFor(body) {
      const text = JSON.stringify(body);
      if (!last || last.text !== text) last = { text, key: makeKey() };
      return last.key;
    },
    forget() {
      last = null;
    },
  };
}

/** The body of POST /create. */
export function bookingRequest({ visitor, productLine, queueId, start, holdId }) {
  return {
    visitor: { ...visitor },
    queueId,
    scheduledTime: start,
    holdId,
    attributes: { productLine },
  };
}
