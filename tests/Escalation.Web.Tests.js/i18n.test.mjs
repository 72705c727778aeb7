import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot, modulePath } from './paths.mjs';

const i18n = await import(modulePath('lib/i18n.js'));
const en = JSON.parse(await readFile(path.join(wwwroot, 'i18n/en.json'), 'utf8'));

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;
const ARABIC_LETTERS = /[\u0621-\u064A]/;
// 10:30 UTC on Tuesday 12 May 2026 = 14:30 in Dubai (UTC+4, no daylight saving).
const INSTANT = '2026-05-12T10:30:00Z';

test('normalizeLang keeps en/ar and falls back to en', () => {
  assert.equal(i18n.normalizeLang('ar'), 'ar');
  assert.equal(i18n.normalizeLang('AR-ae'), 'ar');
  assert.equal(i18n.normalizeLang('en-GB'), 'en');
  assert.equal(i18n.normalizeLang('fr'), 'en');
  assert.equal(i18n.normalizeLang('{{lang}}'), 'en');
  assert.equal(i18n.normalizeLang(undefined), 'en');
});

test('localeFor forces the Gregorian calendar and Latin digits', () => {
  assert.equal(i18n.localeFor('ar'), 'ar-u-ca-gregory-nu-latn');
  assert.equal(i18n.localeFor('en'), 'en-u-ca-gregory-nu-latn');
  const resolved = new Intl.DateTimeFormat(i18n.localeFor('ar')).resolvedOptions();
  assert.equal(resolved.calendar, 'gregory');
  assert.equal(resolved.numberingSystem, 'latn');
});

test('interpolate replaces {name} placeholders and leaves unknown ones visible', () => {
  assert.equal(i18n.interpolate('Hello {name}, {name}!', { name: 'Fatima' }), 'Hello Fatima, Fatima!');
  assert.equal(i18n.interpolate('At {time}', {}), 'At {time}');
  assert.equal(i18n.interpolate('{n} of {m}', { n: 1, m: 2 }), '1 of 2');
});

test('t looks up dotted keys in the loaded strings and returns the key when missing', (t) => {
  i18n.setStrings(en);
  assert.equal(i18n.t('status.connected'), 'Connected');
  assert.equal(i18n.t('prejoin.cameraN', { n: '2' }), 'Camera 2');
  t.mock.method(console, 'warn', () => {});
  assert.equal(i18n.t('no.such.key'), 'no.such.key');
  assert.equal(i18n.t('status'), 'status'); // a group is not a string
});

test('formatTime names the zone: "14:30 (Asia/Dubai)"', () => {
  assert.equal(i18n.formatTime(INSTANT, { lang: 'en', timeZone: 'Asia/Dubai' }), '14:30 (Asia/Dubai)');
  assert.equal(i18n.formatTime(INSTANT, { lang: 'en', timeZone: 'Europe/London' }), '11:30 (Europe/London)');
  assert.equal(i18n.formatTime(new Date(INSTANT), { lang: 'en', timeZone: 'UTC' }), '10:30 (UTC)');
});

test('Arabic times use Latin digits and still name the zone', () => {
  const text = i18n.formatTime(INSTANT, { lang: 'ar', timeZone: 'Asia/Dubai' });
  assert.doesNotMatch(text, ARABIC_INDIC_DIGITS);
  assert.match(text, /14:30/);
  assert.match(text, /\(Asia\/Dubai\)$/);
});

test('Arabic dates use Arabic month and weekday names with Latin digits', () => {
  const text = i18n.formatDate(INSTANT, { lang: 'ar', timeZone: 'Asia/Dubai' });
  assert.match(text, ARABIC_LETTERS);
  assert.match(text, /مايو/); // May
  assert.match(text, /الثلاثاء/); // Tuesday
  assert.match(text, /12/);
  assert.match(text, /2026/);
  assert.doesNotMatch(text, ARABIC_INDIC_DIGITS);
});

test('English dates are spelled out in the requested zone', () => {
  assert.equal(i18n.formatDate(INSTANT, { lang: 'en', timeZone: 'Asia/Dubai' }), 'Tuesday, May 12, 2026');
  // 22:30 UTC is already the next day in Dubai.
  assert.equal(i18n.formatDate('2026-05-12T22:30:00Z', { lang: 'en', timeZone: 'Asia/Dubai' }), 'Wednesday, May 13, 2026');
});

test('formatClock is the bare 24-hour time (chat lines)', () => {
  assert.equal(i18n.formatClock(INSTANT, { lang: 'en', timeZone: 'Asia/Dubai' }), '14:30');
  assert.equal(i18n.formatClock('2026-05-12T20:05:00Z', { lang: 'ar', timeZone: 'UTC' }), '20:05');
  assert.equal(i18n.formatClock('2026-05-12T00:05:00Z', { lang: 'en', timeZone: 'UTC' }), '00:05');
});

test('an unknown zone falls back to UTC and says so; garbage instants give empty text', () => {
  assert.equal(i18n.formatTime(INSTANT, { lang: 'en', timeZone: 'Mars/Olympus' }), '10:30 (UTC)');
  assert.equal(i18n.formatTime('', { lang: 'en' }), '');
  assert.equal(i18n.formatTime('not a date', { lang: 'en' }), '');
  assert.equal(i18n.formatDate(null, { lang: 'ar' }), '');
});

test('localTimeZone is the runtime default zone', () => {
  assert.equal(i18n.localTimeZone(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  assert.equal(i18n.formatTime(INSTANT, { lang: 'en' }).endsWith(`(${i18n.localTimeZone()})`), true);
});

test('parseInstant and isValidTimeZone', () => {
  assert.equal(i18n.parseInstant('2026-05-12T10:30:00Z').toISOString(), '2026-05-12T10:30:00.000Z');
  assert.equal(i18n.parseInstant('{{opensAt}}'), null);
  assert.equal(i18n.parseInstant(''), null);
  assert.equal(i18n.isValidTimeZone('Asia/Dubai'), true);
  assert.equal(i18n.isValidTimeZone('{{queueZone}}'), false);
  assert.equal(i18n.isValidTimeZone(''), false);
});

test('loadStrings fetches /i18n/{lang}.json and falls back to English', async () => {
  const asked = [];
  const fakeFetch = async (url) => {
    asked.push(url);
    if (url === '/i18n/en.json') return { ok: true, status: 200, json: async () => en };
    return { ok: false, status: 404, json: async () => ({}) };
  };
  const strings = await i18n.loadStrings('ar', fakeFetch);
  assert.deepEqual(asked, ['/i18n/ar.json', '/i18n/en.json']);
  assert.equal(strings.status.connected, 'Connected');
  assert.equal(i18n.t('controls.leave'), 'Leave call');

  asked.length = 0;
  await i18n.loadStrings('xx', fakeFetch);
  assert.deepEqual(asked, ['/i18n/en.json']);

  await assert.rejects(i18n.loadStrings('en', async () => { throw new Error('offline'); }));
});
