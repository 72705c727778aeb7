// Static checks of the booking and manage page templates (the same strict-CSP rules as room.html, table-
// driven), the booking stylesheet, and the booking strings' contract names in English and Arabic.
// The script/CSS rules for every file under wwwroot (no HTML sinks, logical CSS, imports under Node)
// already run in static.test.mjs and cover the new modules too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot, modulePath } from './paths.mjs';

const read = (relative) => readFile(path.join(wwwroot, relative), 'utf8');
const en = JSON.parse(await read('i18n/en.json'));
const ar = JSON.parse(await read('i18n/ar.json'));

function flatten(node, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(node)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, name, out);
    else out[name] = value;
  }
  return out;
}
const flatEn = flatten(en);
const flatAr = flatten(ar);

const PAGES = [
  {
    file: 'book/book.html',
    tag: '<html lang="{{lang}}" dir="{{dir}}">',
    placeholders: ['lang', 'dir'],
    styles: ['/lib/tokens.css', '/lib/booking.css'],
    script: '/book/book.js',
    ids: ['page-heading', 'page-intro', 'book-view'],
  },
  {
    file: 'manage/manage.html',
    tag: '<html lang="{{lang}}" dir="{{dir}}">',
    placeholders: ['lang', 'dir'],
    styles: ['/lib/tokens.css', '/lib/booking.css'],
    script: '/manage/manage.js',
    ids: ['page-heading', 'manage-live', 'manage-view'],
  },
];

for (const page of PAGES) {
  const html = await read(page.file);

  test(`${page.file} has the exact <html> tag the server fills in`, () => {
    assert.ok(html.includes(page.tag), page.tag);
    assert.equal(html.match(/<html\b/g).length, 1);
    for (const name of page.placeholders) assert.equal(html.split(`{{${name}}}`).length - 1, 1, name);
    assert.equal((html.match(/\{\{/g) ?? []).length, page.placeholders.length);
  });

  test(`${page.file} has the required head, landmarks and mount points`, () => {
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /<meta charset="utf-8">/i);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1[^"]*">/);
    assert.match(html, /<meta name="referrer" content="no-referrer">/);
    assert.match(html, /<title>[^<]+<\/title>/);
    assert.equal((html.match(/<main\b/g) ?? []).length, 1);
    assert.equal((html.match(/<h1\b/g) ?? []).length, 1);
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(links, page.styles);
    assert.deepEqual(html.match(/<script\b[^>]*>/g), [`<script type="module" src="${page.script}">`]);
    for (const id of page.ids) assert.match(html, new RegExp(`\\sid="${id}"`), id);
  });

  test(`${page.file} has no inline script, style or handlers (strict CSP)`, () => {
    assert.doesNotMatch(html, /<style\b/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /javascript:/i);
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/i);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) assert.match(m[1], /^\/[a-z]/, m[1]);
  });
}

test('booking.css only adds tokens in :root and leaves tokens.css alone', async () => {
  const css = (await read('lib/booking.css')).replace(/\/\*[\s\S]*?\*\//g, '');
  const rootBlock = /:root\s*\{([^}]*)\}/.exec(css);
  assert.ok(rootBlock, 'booking.css declares its state colours in :root');
  const outside = css.replace(rootBlock[0], '');
  assert.doesNotMatch(outside, /^\s*--[\w-]+:/m, 'custom properties only in :root');
  const tokens = await read('lib/tokens.css');
  for (const name of [...rootBlock[1].matchAll(/(--[\w-]+):/g)].map((m) => m[1])) {
    assert.doesNotMatch(tokens, new RegExp(`${name}:`), `${name} would shadow tokens.css`);
  }
  assert.match(css, /\.slot:focus-visible/);
  assert.match(css, /\.slot:hover \.slot__tip,\s*\.slot:focus \.slot__tip/);
});

test('page entry points do nothing when imported without their page (tests, a widget)', async () => {
  const book = await import(modulePath('book/book.js'));
  const manage = await import(modulePath('manage/manage.js'));
  assert.equal(typeof book.startBookingPage, 'function');
  assert.equal(typeof manage.startManagePage, 'function');
});

test('contract names are exactly as specified (English)', () => {
  const expected = {
    'visitorForm.name': 'Name',
    'visitorForm.email': 'E-mail',
    'visitorForm.phone': 'Phone',
    'visitorForm.countryCode': 'Country code',
    'visitorForm.productLine': 'Product line',
    'visitorForm.preferredLang': 'Preferred language',
    'visitorForm.submit': 'Show available times',
    'visitorForm.products.postPaid': 'Post-paid',
    'visitorForm.products.prePaid': 'Pre-paid',
    'visitorForm.products.homeInternet': 'Home internet',
    'visitorForm.products.business': 'Business',
    'calendar.gridLabel': 'Available times',
    'calendar.visitorZone': 'Times are shown in {zone}',
    'calendar.queueZone': 'The team works in {zone}',
    'calendar.status.open': 'open',
    'calendar.status.full': 'full',
    'calendar.status.closed': 'closed',
    'calendar.withCurrent': '{text}, Your current time',
    'booking.holdTitle': 'Your booking',
    'booking.confirm': 'Confirm booking',
    'booking.chooseAnother': 'Choose another time',
    'booking.confirmedTitle': 'Booking confirmed',
    'booking.addToCalendar': 'Add to calendar',
    'booking.join': 'Join the video call',
    'booking.manage': 'Manage booking',
    'booking.slotTaken': 'That time was just taken. Please choose another.',
    'manage.join': 'Join the video call',
    'manage.addToCalendar': 'Add to calendar',
    'manage.reschedule': 'Reschedule',
    'manage.cancel': 'Cancel booking',
    'manage.confirmCancel': 'Yes, cancel booking',
    'manage.keep': 'Keep booking',
    'manage.cancelledTitle': 'This booking is cancelled',
    'invalid.title': 'This link is not valid',
  };
  for (const [key, value] of Object.entries(expected)) assert.equal(flatEn[key], value, key);
});

test('Arabic status words are as specified', () => {
  assert.equal(flatAr['calendar.status.open'], 'متاح');
  assert.equal(flatAr['calendar.status.full'], 'ممتلئ');
  assert.equal(flatAr['calendar.status.closed'], 'مغلق');
});

test('keys the code builds at run time exist in both languages', async () => {
  const { PRODUCT_LINES, COUNTRY_CODES } = await import(modulePath('lib/validation.js'));
  const keys = [
    ...['open', 'full', 'closed'].flatMap((s) => [`calendar.status.${s}`, `calendar.label.${s}`, `calendar.legend.${s}`]),
    'calendar.label.selected', 'calendar.label.current', 'calendar.legend.current',
    ...PRODUCT_LINES.map((p) => p.key),
    ...COUNTRY_CODES.map((c) => `countries.${c.region}`),
  ];
  for (const lang of ['en', 'ar']) {
    for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
      keys.push(`units.minutes.${category}`, `units.seconds.${category}`);
    }
  }
  for (const key of keys) {
    assert.ok(key in flatEn, `en: ${key}`);
    assert.ok(key in flatAr, `ar: ${key}`);
  }
});
