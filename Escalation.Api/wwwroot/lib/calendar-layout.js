// Where each slot goes in the calendar grid, computed in the VISITOR's time zone, and the words that
// name a cell. Pure (Intl only, no DOM): unit-tested under Node across DST days and 30/45-minute zones.
//
// Columns are the visitor's calendar days, rows the visitor's wall-clock times. A slot is placed by its
// start instant converted to the visitor's zone, so:
// - a queue day can spread over two visitor days (far-apart zones);
// - a time that does not exist in the visitor's zone (spring forward) simply has no cell that day;
// - a time that happens twice (fall back) gets a second row, labelled with its UTC offset;
// - zones with 30/45-minute offsets (Asia/Kolkata, Asia/Kathmandu) get rows at those minutes.
import { localeFor, isValidTimeZone, parseInstant, t as translate } from './i18n.js';

export const SLOT_STATUSES = Object.freeze(['open', 'full', 'closed']);

/**
 * The value kept in `map` for `key`, computed once: everything cached here never changes for its key (a formatter, a
 * zone's wall clock at an instant, a day's name). A map that reaches `limit` starts over, so a long-lived page
 * cannot grow it without bound.
 */
function remembered(map, key, compute, limit = Infinity) {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= limit) map.clear();
    value = compute();
    map.set(key, value);
  }
  return value;
}

const partsFormatters = new Map();

function partsFormatter(zone) {
  return remembered(partsFormatters, zone, () => new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }));
}

const pad2 = (n) => String(n).padStart(2, '0');

/**
 * The wall clock in `timeZone` at `date`: { year, month, day, hour, minute, dateKey 'YYYY-MM-DD',
 * minutes (since midnight), offsetMinutes (local minus UTC) }.
 */
export function zonedParts(date, timeZone) {
  // A calendar asks for the same instants many times (each slot, and its neighbours' DST probes), and formatToParts
  // is the costliest step of a layout.
  return remembered(zonedValues, `${timeZone}|${date.getTime()}`,
    () => Object.freeze(computeZonedParts(date, timeZone)), 20000);
}

const zonedValues = new Map();

function computeZonedParts(date, timeZone) {
  const values = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) values[part.type] = part.value;
  const year = Number(values.year);
  const month = Number(values.month);
  const day = Number(values.day);
  const hour = Number(values.hour) % 24; // some engines still say 24 for midnight
  const minute = Number(values.minute);
  const second = Number(values.second);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  return {
    year, month, day, hour, minute,
    dateKey: `${year}-${pad2(month)}-${pad2(day)}`,
    minutes: hour * 60 + minute,
    offsetMinutes: Math.round((wallAsUtc - instant) / 60000),
  };
}

/** 'HH:MM' for minutes since midnight. */
export function clockLabel(minutes) {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

// Offsets only change at transitions; looking 3 hours either side finds every real one (the largest
// change in use is 1 hour, Lord Howe's is 30 minutes) without checking every slot in detail.
const PROBE_MS = 3 * 60 * 60 * 1000;

/**
 * Whether the wall time of `date` happens twice in the zone that day (clocks going back), and if so
 * whether this is its second occurrence.
 */
export function repeatedWallTime(date, timeZone, parts = zonedParts(date, timeZone)) {
  const time = date.getTime();
  let occurrence = 0;
  let ambiguous = false;
  const before = zonedParts(new Date(time - PROBE_MS), timeZone).offsetMinutes;
  if (before > parts.offsetMinutes) {
    const earlier = zonedParts(new Date(time - (before - parts.offsetMinutes) * 60000), timeZone);
    if (earlier.dateKey === parts.dateKey && earlier.minutes === parts.minutes) {
      occurrence = 1;
      ambiguous = true;
    }
  }
  const after = zonedParts(new Date(time + PROBE_MS), timeZone).offsetMinutes;
  if (after < parts.offsetMinutes) {
    const later = zonedParts(new Date(time + (parts.offsetMinutes - after) * 60000), timeZone);
    if (later.dateKey === parts.dateKey && later.minutes === parts.minutes) ambiguous = true;
  }
  return { occurrence, ambiguous };
}

/** Civil dates from first to last (inclusive) as 'YYYY-MM-DD', so a day without any slot still has a column. */
function dateRange(firstKey, lastKey) {
  const keys = [];
  const [y, m, d] = firstKey.split('-').map(Number);
  const cursor = new Date(Date.UTC(y, m - 1, d, 12));
  for (let guard = 0; guard < 400; guard += 1) {
    const key = `${cursor.getUTCFullYear()}-${pad2(cursor.getUTCMonth() + 1)}-${pad2(cursor.getUTCDate())}`;
    keys.push(key);
    if (key >= lastKey) break;
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return keys;
}

const rowOrder = (a, b) => a.minutes - b.minutes || a.occurrence - b.occurrence;

/**
 * Orders rows so that every day reads top to bottom in time order. Usually that is simply by wall time;
 * on a fall-back day the repeated hour's second rows must come after the first ones (01:00, 01:30,
 * 01:00 again, 01:30 again, 02:00), which a topological sort of "comes after" within each day gives.
 */
function orderRows(rowsByKey, cellsByDay) {
  const next = new Map([...rowsByKey.keys()].map((key) => [key, new Set()]));
  const incoming = new Map([...rowsByKey.keys()].map((key) => [key, 0]));
  for (const cells of cellsByDay.values()) {
    for (let i = 1; i < cells.length; i += 1) {
      const from = cells[i - 1].rowKey;
      const to = cells[i].rowKey;
      if (from !== to && !next.get(from).has(to)) {
        next.get(from).add(to);
        incoming.set(to, incoming.get(to) + 1);
      }
    }
  }
  const byOrder = (a, b) => rowOrder(rowsByKey.get(a), rowsByKey.get(b));
  const ready = [...incoming.keys()].filter((key) => incoming.get(key) === 0).sort(byOrder);
  const ordered = [];
  while (ready.length > 0) {
    const key = ready.shift();
    ordered.push(key);
    for (const to of next.get(key)) {
      incoming.set(to, incoming.get(to) - 1);
      if (incoming.get(to) === 0) {
        ready.push(to);
        ready.sort(byOrder);
      }
    }
  }
  // Contradictory days cannot happen with real zones; fall back to plain wall-time order if they do.
  return ordered.length === rowsByKey.size ? ordered : [...rowsByKey.keys()].sort(byOrder);
}

/**
 * The grid for an availability answer's slots, seen from `timeZone` (the visitor's).
 * Returns {
 *   timeZone,
 *   days: [{ key: 'YYYY-MM-DD', year, month, day }],              // columns, in date order
 *   rows: [{ key, minutes, occurrence, time: 'HH:MM', offsetMinutes }],  // rows, in time order
 *   cells: rows × days matrix of cell | null,
 *   slots: every cell in time order,
 * }
 * cell: { slot, start: Date, startIso, status, row, col, dateKey, time: 'HH:MM', ambiguous, offsetMinutes }.
 */
export function buildLayout(slots, { timeZone } = {}) {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const placed = [];
  const seen = new Set();
  for (const slot of Array.isArray(slots) ? slots : []) {
    const start = parseInstant(slot?.start);
    if (!start || seen.has(start.getTime())) continue;
    seen.add(start.getTime());
    const parts = zonedParts(start, zone);
    const { occurrence, ambiguous } = repeatedWallTime(start, zone, parts);
    placed.push({
      slot,
      start,
      startIso: start.toISOString(),
      status: SLOT_STATUSES.includes(slot.status) ? slot.status : 'closed',
      dateKey: parts.dateKey,
      minutes: parts.minutes,
      occurrence,
      ambiguous,
      offsetMinutes: parts.offsetMinutes,
      time: clockLabel(parts.minutes),
      rowKey: `${parts.minutes}#${occurrence}`,
    });
  }
  placed.sort((a, b) => a.start - b.start);
  if (placed.length === 0) return { timeZone: zone, days: [], rows: [], cells: [], slots: [] };

  const dayKeys = dateRange(placed[0].dateKey, placed.reduce((max, c) => (c.dateKey > max ? c.dateKey : max), ''));
  const days = dayKeys.map((key) => {
    const [year, month, day] = key.split('-').map(Number);
    return { key, year, month, day };
  });

  const rowsByKey = new Map();
  const cellsByDay = new Map();
  for (const cell of placed) {
    if (!rowsByKey.has(cell.rowKey)) {
      rowsByKey.set(cell.rowKey, {
        key: cell.rowKey, minutes: cell.minutes, occurrence: cell.occurrence, time: cell.time,
        offsetMinutes: cell.occurrence > 0 ? cell.offsetMinutes : null,
      });
    }
    if (!cellsByDay.has(cell.dateKey)) cellsByDay.set(cell.dateKey, []);
    cellsByDay.get(cell.dateKey).push(cell);
  }
  const rowKeys = orderRows(rowsByKey, cellsByDay);
  const rows = rowKeys.map((key) => rowsByKey.get(key));
  const rowIndex = new Map(rowKeys.map((key, i) => [key, i]));
  const colIndex = new Map(dayKeys.map((key, i) => [key, i]));

  const cells = rows.map(() => days.map(() => null));
  const ordered = [];
  for (const cell of placed) {
    const row = rowIndex.get(cell.rowKey);
    const col = colIndex.get(cell.dateKey);
    if (cells[row][col]) continue; // two instants with one wall time and occurrence: keep the first
    const { rowKey, ...rest } = cell;
    const finished = { ...rest, row, col };
    cells[row][col] = finished;
    ordered.push(finished);
  }
  return { timeZone: zone, days, rows, cells, slots: ordered };
}

/** The cell whose slot starts at `instant` (ISO string or Date), or null. */
export function findCell(layout, instant) {
  const date = instant instanceof Date ? instant : parseInstant(instant);
  if (!date) return null;
  return layout.slots.find((cell) => cell.start.getTime() === date.getTime()) ?? null;
}

// ---------- words ----------

const noonUtc = ({ year, month, day }) => new Date(Date.UTC(year, month - 1, day, 12));
const dayFormatters = new Map();

const dayValues = new Map();

// Every cell of a column names its day: formatted once per day, language and form.
function dayParts(day, lang, options) {
  const formatKey = `${lang}|${JSON.stringify(options)}`;
  return remembered(dayValues, `${formatKey}|${day.year}-${day.month}-${day.day}`, () => {
    const format = remembered(dayFormatters, formatKey,
      () => new Intl.DateTimeFormat(localeFor(lang), { ...options, timeZone: 'UTC' }));
    const values = {};
    for (const part of format.formatToParts(noonUtc(day))) values[part.type] = part.value;
    return Object.freeze(values);
  }, 2000);
}

/** The calendar day of a column: { year, month, day } (or 'YYYY-MM-DD'). */
function asDay(day) {
  if (typeof day === 'string') {
    const [year, month, d] = day.split('-').map(Number);
    return { year, month, day: d };
  }
  return day;
}

/** 'Tuesday 3 June' / 'الثلاثاء 3 يونيو' (Gregorian, Latin digits). */
export function dayName(day, { lang = 'en', t = translate } = {}) {
  const parts = dayParts(asDay(day), lang, { weekday: 'long', day: 'numeric', month: 'long' });
  return t('calendar.dayName', { weekday: parts.weekday, day: parts.day, month: parts.month });
}

/** 'Tuesday 3 June 2026'. */
export function dayNameWithYear(day, { lang = 'en', t = translate } = {}) {
  const parts = dayParts(asDay(day), lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return t('calendar.dayNameYear', { weekday: parts.weekday, day: parts.day, month: parts.month, year: parts.year });
}

/** Short column heading: { weekday: 'Tue', date: '3 Jun' }. */
export function dayHeading(day, { lang = 'en', t = translate } = {}) {
  const parts = dayParts(asDay(day), lang, { weekday: 'short', day: 'numeric', month: 'short' });
  return { weekday: parts.weekday, date: t('calendar.dayShort', { day: parts.day, month: parts.month }) };
}

/** The calendar day of an instant in a zone, for dayName(). */
export function dayOf(instant, timeZone) {
  const date = instant instanceof Date ? instant : parseInstant(instant);
  if (!date) return null;
  const { year, month, day } = zonedParts(date, isValidTimeZone(timeZone) ? timeZone : 'UTC');
  return { year, month, day };
}

/** 'GMT-5' / 'GMT+5:45' / 'غرينتش-5' (digits stay Latin). */
export function offsetLabel(offsetMinutes, { t = translate } = {}) {
  const abs = Math.abs(offsetMinutes);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  const offset = offsetMinutes === 0 ? '' : `${offsetMinutes < 0 ? '-' : '+'}${hours}${minutes ? `:${pad2(minutes)}` : ''}`;
  return t('calendar.offset', { offset });
}

/** The time as shown for a cell: 'HH:MM', or 'HH:MM GMT-5' when that wall time happens twice that day. */
export function cellTime(cell, { t = translate } = {}) {
  return cell.ambiguous ? `${cell.time} ${offsetLabel(cell.offsetMinutes, { t })}` : cell.time;
}

/** A row heading: 'HH:MM', plus the offset for the second run of a repeated hour. */
export function rowLabel(row, { t = translate } = {}) {
  return row.occurrence > 0 && row.offsetMinutes !== null
    ? `${row.time} ${offsetLabel(row.offsetMinutes, { t })}` : row.time;
}

const pluralRules = new Map();

/** '15 minutes' / '15 دقيقة' with the language's plural rules (Arabic has six forms). */
export function minutesText(count, { lang = 'en', t = translate } = {}) {
  const n = Math.max(0, Math.round(Number(count) || 0));
  const locale = localeFor(lang);
  const category = remembered(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n);
  return t(`units.minutes.${category}`, { count: String(n) });
}

/** '≈ 15 min' for the visible tooltip. */
export function waitShort(count, { t = translate } = {}) {
  const n = Math.max(0, Math.round(Number(count) || 0));
  return t('calendar.waitShort', { minutes: String(n) });
}

const hasWait = (slot) => typeof slot?.estimatedWaitMinutes === 'number' && Number.isFinite(slot.estimatedWaitMinutes)
  && slot.estimatedWaitMinutes >= 0;

/**
 * The cell's accessible name: 'Tuesday 3 June, 14:30, open, estimated wait 15 minutes'
 * (Arabic: 'الثلاثاء 3 يونيو، 14:30، متاح، …'), plus ', Your current time' for the booking's own slot
 * and ', chosen' for the held one (the words the cell shows, so visible text and name agree).
 */
export function cellName(cell, { lang = 'en', t = translate, current = false, selected = false } = {}) {
  const status = SLOT_STATUSES.includes(cell.status) ? cell.status : 'closed';
  let text = t('calendar.cellName', {
    day: dayName(cell.dateKey, { lang, t }),
    time: cellTime(cell, { t }),
    status: t(`calendar.status.${status}`),
  });
  if (hasWait(cell.slot)) text = t('calendar.withWait', { text, wait: minutesText(cell.slot.estimatedWaitMinutes, { lang, t }) });
  if (current) text = t('calendar.withCurrent', { text });
  else if (selected) text = t('calendar.withSelected', { text });
  return text;
}

/** Whether a cell's slot shows a wait at all. */
export function cellHasWait(cell) {
  return hasWait(cell.slot);
}

// ---------- keyboard ----------

/** +1 (next day) or -1 (previous day) for a horizontal arrow; mirrored in right-to-left pages. */
export function horizontalStep(key, rtl = false) {
  if (key === 'ArrowRight') return rtl ? -1 : 1;
  if (key === 'ArrowLeft') return rtl ? 1 : -1;
  return 0;
}

export const PAGE_ROWS = 6;

/**
 * Where a key moves focus in the grid. present(row, col) says whether a focusable slot is there
 * (empty cells are skipped). Returns { row, col } or null when the key does not move.
 * - Up/Down: previous/next time in the same day.
 * - Left/Right: previous/next day (mirrored in RTL), same time or the nearest one that day has;
 *   days without any slot are skipped.
 * - Home/End: first/last slot of the time row; with Ctrl, first/last slot of the whole grid.
 * - PageUp/PageDown: up to PAGE_ROWS times earlier/later in the same day.
 */
export function moveTarget({ row, col }, key, { rows, cols, present, rtl = false, ctrlKey = false, pageRows = PAGE_ROWS }) {
  const inColumn = (c, from, step) => {
    for (let r = from; r >= 0 && r < rows; r += step) if (present(r, c)) return { row: r, col: c };
    return null;
  };
  const nearestInColumn = (c) => {
    for (let distance = 0; distance < rows; distance += 1) {
      if (row - distance >= 0 && present(row - distance, c)) return { row: row - distance, col: c };
      if (row + distance < rows && present(row + distance, c)) return { row: row + distance, col: c };
    }
    return null;
  };
  const inRow = (r, from, step) => {
    for (let c = from; c >= 0 && c < cols; c += step) if (present(r, c)) return { row: r, col: c };
    return null;
  };
  const firstOverall = () => {
    for (let c = 0; c < cols; c += 1) {
      const found = inColumn(c, 0, 1);
      if (found) return found;
    }
    return null;
  };
  const lastOverall = () => {
    for (let c = cols - 1; c >= 0; c -= 1) {
      const found = inColumn(c, rows - 1, -1);
      if (found) return found;
    }
    return null;
  };

  switch (key) {
    case 'ArrowDown':
      return inColumn(col, row + 1, 1);
    case 'ArrowUp':
      return inColumn(col, row - 1, -1);
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = horizontalStep(key, rtl);
      for (let c = col + step; c >= 0 && c < cols; c += step) {
        const found = nearestInColumn(c);
        if (found) return found;
      }
      return null;
    }
    case 'Home':
      return ctrlKey ? firstOverall() : inRow(row, 0, 1);
    case 'End':
      return ctrlKey ? lastOverall() : inRow(row, cols - 1, -1);
    case 'PageDown': {
      const target = Math.min(rows - 1, row + pageRows);
      return inColumn(col, target, -1)?.row > row ? inColumn(col, target, -1) : inColumn(col, target + 1, 1);
    }
    case 'PageUp': {
      const target = Math.max(0, row - pageRows);
      return inColumn(col, target, 1)?.row < row ? inColumn(col, target, 1) : inColumn(col, target - 1, -1);
    }
    default:
      return null;
  }
}

/**
 * How many day columns fit with their words readable: a week on wide screens, five days on tablets,
 * three on phones (≤ 600 px). Fewer than the 14 days -> previous/next days buttons.
 */
export function daysPerPage(viewportWidth, totalDays) {
  const fit = viewportWidth <= 600 ? 3 : viewportWidth <= 900 ? 5 : 7;
  return Math.max(1, Math.min(totalDays, fit));
}

/** The first visible column so that `col` is visible, keeping the current window when it already is. */
export function windowStartFor(col, start, perPage, totalDays) {
  let next = start;
  if (col < start) next = col;
  else if (col >= start + perPage) next = col - perPage + 1;
  return Math.max(0, Math.min(next, Math.max(0, totalDays - perPage)));
}
