// Strings and date/time formatting for English and Arabic pages.
// No DOM access at import time so Node's test runner can import this module.

export const SUPPORTED_LANGS = Object.freeze(['en', 'ar']);
const FALLBACK_LANG = 'en';

let strings = {};

/** 'ar', 'ar-AE' -> 'ar'; anything unknown -> 'en'. */
export function normalizeLang(lang) {
  const base = String(lang ?? '').trim().toLowerCase().split('-')[0];
  return SUPPORTED_LANGS.includes(base) ? base : FALLBACK_LANG;
}

/** Puts the page's language on <html>: lang, and dir (Arabic reads right to left). */
export function setPageLanguage(root, lang) {
  root.lang = lang;
  root.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Fetches /i18n/{lang}.json (same origin), falling back to English when the file is missing.
 * Keeps the result as the current strings for t().
 */
export async function loadStrings(lang, fetchImpl = globalThis.fetch) {
  const wanted = normalizeLang(lang);
  const candidates = wanted === FALLBACK_LANG ? [wanted] : [wanted, FALLBACK_LANG];
  let lastError;
  for (const candidate of candidates) {
    try {
      const response = await fetchImpl(`/i18n/${candidate}.json`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${candidate}.json`);
      setStrings(await response.json());
      return strings;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** Replaces the current strings (tests and loadStrings use it). */
export function setStrings(next) {
  strings = next && typeof next === 'object' ? next : {};
}

/** Looks a dotted key up in nested objects: 'status.connected'. */
export function lookup(source, key) {
  let node = source;
  for (const part of String(key).split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** '{name}' placeholders; unknown placeholders stay visible so a missing value is noticed in review. */
export function interpolate(template, vars = {}) {
  return String(template).replace(/\{(\w+)\}/g, (match, name) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : match);
}

/** Translated text for key. A missing key shows the key itself (never crashes, easy to spot). */
export function t(key, vars) {
  const template = lookup(strings, key);
  if (template === undefined) {
    console.warn(`i18n: missing string "${key}"`);
    return key;
  }
  return interpolate(template, vars);
}

/** The template without substitution, for callers that build DOM around placeholders. */
export function template(key) {
  return lookup(strings, key) ?? key;
}

/**
 * Locale tag for Intl. Always the Gregorian calendar and Latin digits, also for Arabic:
 * times and dates then read the same in e-mails, calendar invites and this page.
 * Month and weekday names stay Arabic.
 */
export function localeFor(lang) {
  return normalizeLang(lang) === 'ar' ? 'ar-u-ca-gregory-nu-latn' : 'en-u-ca-gregory-nu-latn';
}

/** The visitor's own IANA zone (Intl default zone). */
export function localTimeZone() {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** True when the runtime knows this IANA zone. */
export function isValidTimeZone(zone) {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** ISO-8601 instant -> Date, or null for empty/garbage. */
export function parseInstant(iso) {
  if (typeof iso !== 'string' || iso.trim() === '') return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatter(lang, timeZone, options) {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return { zone, format: new Intl.DateTimeFormat(localeFor(lang), { ...options, timeZone: zone }) };
}

const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };

/** '14:30' in the zone (24-hour clock, Latin digits). Empty string for a missing instant. */
export function formatClock(instant, { lang = 'en', timeZone = localTimeZone() } = {}) {
  const date = instant instanceof Date ? instant : parseInstant(instant);
  if (!date) return '';
  return formatter(lang, timeZone, CLOCK).format.format(date);
}

/** '14:30 (Asia/Dubai)': the time with its zone named, so nobody has to guess which clock is meant. */
export function formatTime(instant, { lang = 'en', timeZone = localTimeZone() } = {}) {
  const date = instant instanceof Date ? instant : parseInstant(instant);
  if (!date) return '';
  const { zone, format } = formatter(lang, timeZone, CLOCK);
  return `${format.format(date)} (${zone})`;
}

/** 'Tuesday, May 12, 2026' / 'الثلاثاء، 12 مايو 2026' as seen in the zone. */
export function formatDate(instant, { lang = 'en', timeZone = localTimeZone() } = {}) {
  const date = instant instanceof Date ? instant : parseInstant(instant);
  if (!date) return '';
  return formatter(lang, timeZone, DATE).format.format(date);
}
