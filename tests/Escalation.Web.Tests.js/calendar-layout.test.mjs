// The booking calendar's pure layout: slots placed by their start in the VISITOR's zone across DST days
// and 30/45-minute offset zones, the accessible names (English/Arabic, Latin digits), keyboard moves
// (mirrored in right-to-left pages) and phone paging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot, modulePath } from './paths.mjs';

const i18n = await import(modulePath('lib/i18n.js'));
const L = await import(modulePath('lib/calendar-layout.js'));
const en = JSON.parse(await readFile(path.join(wwwroot, 'i18n/en.json'), 'utf8'));
const ar = JSON.parse(await readFile(path.join(wwwroot, 'i18n/ar.json'), 'utf8'));
const tFor = (strings) => (key, vars) => i18n.interpolate(i18n.lookup(strings, key) ?? key, vars);
const tEn = tFor(en);
const tAr = tFor(ar);
i18n.setStrings(en);

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;

/** count slots every stepMin minutes from fromIso (UTC), like GET /availability answers. */
function slots(fromIso, count, stepMin, extra = {}) {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.parse(fromIso) + i * stepMin * 60000);
    const end = new Date(start.getTime() + stepMin * 60000);
    return {
      start: start.toISOString().replace('.000Z', 'Z'),
      end: end.toISOString().replace('.000Z', 'Z'),
      capacity: 2, remaining: 2, status: 'open', estimatedWaitMinutes: 15, ...extra,
    };
  });
}

/** The queue's opening hours for some days, as UTC instants (the queue zone has no DST here). */
function queueDays(firstDayIso, days, { openUtc, closeUtc, stepMin = 30 }) {
  const out = [];
  for (let d = 0; d < days; d += 1) {
    const day = new Date(Date.parse(`${firstDayIso}T00:00:00Z`) + d * 86400000).toISOString().slice(0, 10);
    const from = Date.parse(`${day}T${openUtc}:00Z`);
    const to = Date.parse(`${day}T${closeUtc}:00Z`);
    out.push(...slots(new Date(from).toISOString(), Math.round((to - from) / (stepMin * 60000)), stepMin));
  }
  return out;
}

/** Every slot placed exactly once, and each day column reads in time order from top to bottom. */
function assertConsistent(layout, input) {
  assert.equal(layout.slots.length, input.length, 'every slot has a cell');
  const seen = new Set();
  for (const [r, row] of layout.cells.entries()) {
    for (const [c, cell] of row.entries()) {
      if (!cell) continue;
      assert.equal(cell.row, r);
      assert.equal(cell.col, c);
      assert.equal(cell.dateKey, layout.days[c].key);
      assert.ok(!seen.has(cell.startIso), `placed twice: ${cell.startIso}`);
      seen.add(cell.startIso);
    }
  }
  for (let c = 0; c < layout.days.length; c += 1) {
    const column = layout.cells.map((row) => row[c]).filter(Boolean).map((cell) => cell.start.getTime());
    assert.deepEqual(column, [...column].sort((a, b) => a - b), `day ${layout.days[c].key} is in time order`);
  }
}

const columnOf = (layout, key) => layout.days.findIndex((d) => d.key === key);
const timesOf = (layout, key) => {
  const col = columnOf(layout, key);
  return layout.cells.map((row) => row[col]).filter(Boolean).map((cell) => L.cellTime(cell, { t: tEn }));
};

test('zonedParts reads the wall clock and the UTC offset', () => {
  const at = new Date('2026-06-02T10:30:00Z');
  assert.deepEqual(
    (({ dateKey, minutes, offsetMinutes }) => ({ dateKey, minutes, offsetMinutes }))(L.zonedParts(at, 'Asia/Kathmandu')),
    { dateKey: '2026-06-02', minutes: 16 * 60 + 15, offsetMinutes: 345 });
  assert.equal(L.zonedParts(at, 'America/New_York').offsetMinutes, -240);
  assert.equal(L.zonedParts(new Date('2026-06-02T23:30:00Z'), 'Asia/Dubai').dateKey, '2026-06-03');
});

test('Europe/London spring forward (29 March 2026): 01:00–01:59 does not exist that day', () => {
  // A queue in Asia/Dubai (UTC+4, no DST) open around the clock in UTC terms: 00:00–04:00 UTC each day.
  const input = queueDays('2026-03-28', 3, { openUtc: '00:00', closeUtc: '04:00' });
  const layout = L.buildLayout(input, { timeZone: 'Europe/London' });
  assertConsistent(layout, input);
  assert.deepEqual(layout.days.map((d) => d.key), ['2026-03-28', '2026-03-29', '2026-03-30']);
  // 28 March: GMT, 00:00..03:30. 29 March: 00:00, 00:30 GMT, then 01:00 UTC is 02:00 BST.
  assert.deepEqual(timesOf(layout, '2026-03-28'), ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '03:30']);
  assert.deepEqual(timesOf(layout, '2026-03-29'), ['00:00', '00:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30']);
  assert.deepEqual(timesOf(layout, '2026-03-30'), ['01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30']);
  // Rows are the union of wall times, in order; the missing hour leaves empty (null) cells on the 29th.
  assert.deepEqual(layout.rows.map((r) => r.time),
    ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30']);
  const col = columnOf(layout, '2026-03-29');
  assert.equal(layout.cells[2][col], null);
  assert.equal(layout.cells[3][col], null);
  assert.ok(layout.slots.every((cell) => !cell.ambiguous));
});

test('America/New_York fall back (1 November 2026): the repeated hour gets its own rows, named with the offset', () => {
  const input = queueDays('2026-10-31', 3, { openUtc: '03:00', closeUtc: '09:00' });
  const layout = L.buildLayout(input, { timeZone: 'America/New_York' });
  assertConsistent(layout, input);
  // 04:00–09:00 UTC that day, and 03:00–04:00 UTC of the next queue day (22:00–23:30 EST).
  assert.deepEqual(timesOf(layout, '2026-11-01'), [
    '00:00', '00:30', '01:00 GMT-4', '01:30 GMT-4', '01:00 GMT-5', '01:30 GMT-5', '02:00', '02:30', '03:00', '03:30',
    '22:00', '22:30', '23:00', '23:30',
  ]);
  // Ordinary days keep plain times and share the first 01:00/01:30 rows.
  assert.deepEqual(timesOf(layout, '2026-10-31').slice(0, 4), ['00:00', '00:30', '01:00', '01:30']);
  const labels = layout.rows.map((row) => L.rowLabel(row, { t: tEn }));
  assert.deepEqual(labels.slice(labels.indexOf('00:00'), labels.indexOf('00:00') + 7),
    ['00:00', '00:30', '01:00', '01:30', '01:00 GMT-5', '01:30 GMT-5', '02:00']);
  const second = layout.slots.find((cell) => cell.startIso === '2026-11-01T06:00:00.000Z');
  assert.equal(second.time, '01:00');
  assert.equal(second.ambiguous, true);
  assert.equal(L.cellName(second, { lang: 'en', t: tEn }),
    'Sunday 1 November, 01:00 GMT-5, open, estimated wait 15 minutes');
  const first = layout.slots.find((cell) => cell.startIso === '2026-11-01T05:00:00.000Z');
  assert.equal(L.cellName(first, { lang: 'en', t: tEn }),
    'Sunday 1 November, 01:00 GMT-4, open, estimated wait 15 minutes');
  assert.equal(L.rowLabel(layout.rows[second.row], { t: tAr }), '01:00 غرينتش-5');
});

test('Asia/Kolkata visitor, Asia/Kathmandu queue: 45-minute offsets give rows at :15 and :45', () => {
  // Kathmandu (UTC+5:45) opens 09:00–12:00 local = 03:15–06:15 UTC; in Kolkata (UTC+5:30) that is 08:45–11:45.
  const input = queueDays('2026-06-02', 2, { openUtc: '03:15', closeUtc: '06:15' });
  const layout = L.buildLayout(input, { timeZone: 'Asia/Kolkata' });
  assertConsistent(layout, input);
  assert.deepEqual(layout.rows.map((r) => r.time),
    ['08:45', '09:15', '09:45', '10:15', '10:45', '11:15', '11:45', '12:15'].slice(0, 6));
  assert.deepEqual(layout.days.map((d) => d.key), ['2026-06-02', '2026-06-03']);
});

test('Asia/Kathmandu visitor, Asia/Dubai queue: every slot lands at :15/:45', () => {
  // Dubai 08:00–11:00 = 04:00–07:00 UTC = 09:45–12:45 in Kathmandu.
  const input = queueDays('2026-06-02', 1, { openUtc: '04:00', closeUtc: '07:00' });
  const layout = L.buildLayout(input, { timeZone: 'Asia/Kathmandu' });
  assertConsistent(layout, input);
  assert.deepEqual(layout.rows.map((r) => r.time), ['09:45', '10:15', '10:45', '11:15', '11:45', '12:15']);
});

test('cells at odd minutes get their own rows between the whole and half hours', () => {
  const input = [
    ...slots('2026-06-02T04:00:00Z', 2, 30),   // 08:00, 08:30 Dubai
    ...slots('2026-06-03T04:15:00Z', 2, 30),   // 08:15, 08:45 Dubai
  ];
  const layout = L.buildLayout(input, { timeZone: 'Asia/Dubai' });
  assertConsistent(layout, input);
  assert.deepEqual(layout.rows.map((r) => r.time), ['08:00', '08:15', '08:30', '08:45']);
  assert.equal(layout.cells[1][0], null);
  assert.equal(layout.cells[0][1], null);
});

test('a far-away visitor sees one queue day across two of their days; days without slots keep a column', () => {
  // Dubai 08:00–20:00 (04:00–16:00 UTC) seen from Los Angeles (UTC-7 in June): 21:00 the day before to 09:00.
  const input = queueDays('2026-06-02', 1, { openUtc: '04:00', closeUtc: '16:00' });
  const layout = L.buildLayout(input, { timeZone: 'America/Los_Angeles' });
  assertConsistent(layout, input);
  assert.deepEqual(layout.days.map((d) => d.key), ['2026-06-01', '2026-06-02']);
  assert.deepEqual(timesOf(layout, '2026-06-01'), ['21:00', '21:30', '22:00', '22:30', '23:00', '23:30']);
  assert.equal(timesOf(layout, '2026-06-02')[0], '00:00');
  assert.equal(layout.rows[0].time, '00:00');

  const gap = L.buildLayout([...slots('2026-06-01T06:00:00Z', 1, 30), ...slots('2026-06-03T06:00:00Z', 1, 30)], { timeZone: 'UTC' });
  assert.deepEqual(gap.days.map((d) => d.key), ['2026-06-01', '2026-06-02', '2026-06-03']);
  assert.equal(gap.cells[0][1], null);
});

test('bad input degrades calmly: unknown zone -> UTC, garbage and duplicate slots dropped, unknown status -> closed', () => {
  const layout = L.buildLayout([
    { start: 'nonsense', status: 'open' },
    { start: '2026-06-02T10:00:00Z', status: 'weird' },
    { start: '2026-06-02T10:00:00Z', status: 'open' },
    null,
  ], { timeZone: 'Mars/Olympus' });
  assert.equal(layout.timeZone, 'UTC');
  assert.equal(layout.slots.length, 1);
  assert.equal(layout.slots[0].status, 'closed');
  assert.deepEqual(L.buildLayout(undefined, { timeZone: 'UTC' }).days, []);
  assert.equal(L.findCell(layout, '2026-06-02T10:00:00.000Z'), layout.slots[0]);
  assert.equal(L.findCell(layout, '2026-06-02T11:00:00Z'), null);
});

test('accessible names in English: day, local time, status and wait', () => {
  const [open] = L.buildLayout(slots('2026-06-02T10:30:00Z', 1, 30), { timeZone: 'Asia/Dubai' }).slots;
  assert.equal(L.cellName(open, { lang: 'en', t: tEn }), 'Tuesday 2 June, 14:30, open, estimated wait 15 minutes');
  assert.equal(L.cellName(open, { lang: 'en', t: tEn, current: true }),
    'Tuesday 2 June, 14:30, open, estimated wait 15 minutes, Your current time');
  assert.equal(L.cellName(open, { lang: 'en', t: tEn, selected: true }),
    'Tuesday 2 June, 14:30, open, estimated wait 15 minutes, chosen');
  const [full] = L.buildLayout(slots('2026-06-02T10:30:00Z', 1, 30, { status: 'full', estimatedWaitMinutes: 1 }), { timeZone: 'Asia/Dubai' }).slots;
  assert.equal(L.cellName(full, { lang: 'en', t: tEn }), 'Tuesday 2 June, 14:30, full, estimated wait 1 minute');
  const [closed] = L.buildLayout(slots('2026-06-02T10:30:00Z', 1, 30, { status: 'closed', estimatedWaitMinutes: undefined }), { timeZone: 'Asia/Dubai' }).slots;
  assert.equal(L.cellName(closed, { lang: 'en', t: tEn }), 'Tuesday 2 June, 14:30, closed');
  // The same instant named in the visitor's zone, not the queue's.
  const [fromLondon] = L.buildLayout(slots('2026-06-02T10:30:00Z', 1, 30), { timeZone: 'Europe/London' }).slots;
  assert.match(L.cellName(fromLondon, { lang: 'en', t: tEn }), /^Tuesday 2 June, 11:30, open/);
});

test('accessible names in Arabic: Arabic words, Gregorian month, Latin digits', () => {
  const [open] = L.buildLayout(slots('2026-06-02T10:30:00Z', 1, 30), { timeZone: 'Asia/Dubai' }).slots;
  const name = L.cellName(open, { lang: 'ar', t: tAr });
  assert.equal(name, 'الثلاثاء 2 يونيو، 14:30، متاح، مدة الانتظار المتوقعة 15 دقيقة');
  assert.doesNotMatch(name, ARABIC_INDIC_DIGITS);
  const statuses = ['open', 'full', 'closed'].map((status) => {
    const [cell] = L.buildLayout(slots('2026-06-02T10:30:00Z', 1, 30, { status }), { timeZone: 'Asia/Dubai' }).slots;
    return L.cellName(cell, { lang: 'ar', t: tAr }).split('، ')[2];
  });
  assert.deepEqual(statuses, ['متاح', 'ممتلئ', 'مغلق']);
  assert.match(L.cellName(open, { lang: 'ar', t: tAr, current: true }), /، موعدك الحالي$/);
  assert.equal(L.dayNameWithYear({ year: 2026, month: 12, day: 3 }, { lang: 'ar', t: tAr }), 'الخميس 3 ديسمبر 2026');
  assert.equal(L.dayNameWithYear({ year: 2026, month: 12, day: 3 }, { lang: 'en', t: tEn }), 'Thursday 3 December 2026');
});

test('minutes follow each language plural rules (Arabic has six forms)', () => {
  const arMinutes = (n) => L.minutesText(n, { lang: 'ar', t: tAr });
  assert.equal(arMinutes(0), '0 دقيقة');
  assert.equal(arMinutes(1), 'دقيقة واحدة');
  assert.equal(arMinutes(2), 'دقيقتان');
  assert.equal(arMinutes(5), '5 دقائق');
  assert.equal(arMinutes(15), '15 دقيقة');
  assert.equal(arMinutes(100), '100 دقيقة');
  assert.equal(L.minutesText(1, { lang: 'en', t: tEn }), '1 minute');
  assert.equal(L.minutesText(0, { lang: 'en', t: tEn }), '0 minutes');
  assert.equal(L.waitShort(15, { t: tEn }), '≈ 15 min');
  assert.equal(L.waitShort(15, { t: tAr }), '≈ 15 دقيقة');
});

test('column headings: short weekday and date, Latin digits in Arabic', () => {
  assert.deepEqual(L.dayHeading('2026-06-02', { lang: 'en', t: tEn }), { weekday: 'Tue', date: '2 Jun' });
  const arHeading = L.dayHeading('2026-06-02', { lang: 'ar', t: tAr });
  assert.match(arHeading.date, /^2 /);
  assert.doesNotMatch(`${arHeading.weekday} ${arHeading.date}`, ARABIC_INDIC_DIGITS);
  assert.equal(L.offsetLabel(345, { t: tEn }), 'GMT+5:45');
  assert.equal(L.offsetLabel(-210, { t: tEn }), 'GMT-3:30');
  assert.equal(L.offsetLabel(0, { t: tEn }), 'GMT');
});

test('horizontal arrows are mirrored in right-to-left pages', () => {
  assert.equal(L.horizontalStep('ArrowRight', false), 1);
  assert.equal(L.horizontalStep('ArrowLeft', false), -1);
  assert.equal(L.horizontalStep('ArrowRight', true), -1);
  assert.equal(L.horizontalStep('ArrowLeft', true), 1);
  assert.equal(L.horizontalStep('ArrowUp', true), 0);

  const all = { rows: 4, cols: 4, present: () => true };
  assert.deepEqual(L.moveTarget({ row: 1, col: 1 }, 'ArrowRight', all), { row: 1, col: 2 });
  assert.deepEqual(L.moveTarget({ row: 1, col: 1 }, 'ArrowRight', { ...all, rtl: true }), { row: 1, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 1, col: 1 }, 'ArrowLeft', { ...all, rtl: true }), { row: 1, col: 2 });
  // Up/Down are never mirrored.
  assert.deepEqual(L.moveTarget({ row: 1, col: 1 }, 'ArrowDown', { ...all, rtl: true }), { row: 2, col: 1 });
  assert.deepEqual(L.moveTarget({ row: 1, col: 1 }, 'ArrowUp', { ...all, rtl: true }), { row: 0, col: 1 });
  // Home/End mean the first/last day in both directions.
  assert.deepEqual(L.moveTarget({ row: 1, col: 2 }, 'Home', { ...all, rtl: true }), { row: 1, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 1, col: 2 }, 'End', { ...all, rtl: true }), { row: 1, col: 3 });
});

test('keyboard moves skip empty cells and stop at the edges', () => {
  // . = empty, x = slot
  const map = [
    'xx.x',
    '.x..',
    'x...',
    'xxx.',
  ];
  const present = (r, c) => map[r]?.[c] === 'x';
  const opts = { rows: 4, cols: 4, present };
  assert.deepEqual(L.moveTarget({ row: 0, col: 0 }, 'ArrowDown', opts), { row: 2, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 3, col: 0 }, 'ArrowDown', opts), null);
  assert.deepEqual(L.moveTarget({ row: 0, col: 0 }, 'ArrowUp', opts), null);
  // No slot at the same time the next day: nearest time that day (earlier wins a tie).
  assert.deepEqual(L.moveTarget({ row: 2, col: 0 }, 'ArrowRight', opts), { row: 1, col: 1 });
  // Column 2 only has row 3; from row 0 the nearest in column 2 is row 3.
  assert.deepEqual(L.moveTarget({ row: 0, col: 1 }, 'ArrowRight', opts), { row: 3, col: 2 });
  assert.deepEqual(L.moveTarget({ row: 0, col: 3 }, 'ArrowRight', opts), null);
  // The adjacent day comes first, even when its only slot is far from the current time.
  assert.deepEqual(L.moveTarget({ row: 0, col: 3 }, 'ArrowLeft', opts), { row: 3, col: 2 });
  assert.deepEqual(L.moveTarget({ row: 3, col: 2 }, 'ArrowRight', opts), { row: 0, col: 3 });
  assert.deepEqual(L.moveTarget({ row: 0, col: 1 }, 'End', opts), { row: 0, col: 3 });
  assert.deepEqual(L.moveTarget({ row: 3, col: 2 }, 'Home', opts), { row: 3, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 1, col: 1 }, 'Home', { ...opts, ctrlKey: true }), { row: 0, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 1, col: 1 }, 'End', { ...opts, ctrlKey: true }), { row: 0, col: 3 });
  assert.deepEqual(L.moveTarget({ row: 0, col: 0 }, 'PageDown', { ...opts, pageRows: 2 }), { row: 2, col: 0 });
  // Page keys go as far as the page allows, and past it when nothing is in between.
  assert.deepEqual(L.moveTarget({ row: 3, col: 0 }, 'PageUp', { ...opts, pageRows: 2 }), { row: 2, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 2, col: 0 }, 'PageUp', { ...opts, pageRows: 1 }), { row: 0, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 0, col: 0 }, 'PageDown', { ...opts, pageRows: 1 }), { row: 2, col: 0 });
  assert.deepEqual(L.moveTarget({ row: 0, col: 0 }, 'Tab', opts), null);
});

test('a week at a time, five days on tablets, three on phones; the window follows focus', () => {
  assert.equal(L.daysPerPage(360, 14), 3);
  assert.equal(L.daysPerPage(600, 14), 3);
  assert.equal(L.daysPerPage(800, 14), 5);
  assert.equal(L.daysPerPage(Infinity, 14), 7);
  assert.equal(L.daysPerPage(Infinity, 4), 4);
  assert.equal(L.daysPerPage(360, 2), 2);
  assert.equal(L.windowStartFor(5, 0, 3, 14), 3);
  assert.equal(L.windowStartFor(1, 3, 3, 14), 1);
  assert.equal(L.windowStartFor(4, 3, 3, 14), 3);
  assert.equal(L.windowStartFor(13, 0, 3, 14), 11);
});
