// The "Available times" calendar: an ARIA grid (one column per day, one row per time of day, both in
// the VISITOR's zone), with roving tabindex and arrow keys (mirrored in right-to-left pages).
// Open cells can be chosen (click, Enter, Space); full and closed ones are aria-disabled. Every slot says
// its state in words and with an icon, never colour alone; the estimated wait shows in a visible tooltip
// on hover and on keyboard focus (Escape hides it). A week shows at a time (five days on tablets, three on
// phones) with previous/next days buttons, still one grid (aria-colcount/aria-colindex tell assistive
// technology where they are).
// No globals: give it a container and an onPick callback.
import { h } from './dom.js';
import { icon } from './icons.js';
import { t, localTimeZone, isValidTimeZone } from './i18n.js';
import {
  buildLayout, findCell, cellName, cellHasWait, waitShort, rowLabel, dayName, dayHeading, moveTarget,
  daysPerPage, windowStartFor, PAGE_ROWS,
} from './calendar-layout.js';
import { templated, notice } from './booking-ui.js';

const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
const STATUS_ICON = { open: 'checkCircle', full: 'full', closed: 'closed' };

/**
 * createCalendarGrid(container, options)
 * options: { lang, rtl, visitorZone, idPrefix, title, currentStart (ISO; the booking being rescheduled),
 *            onPick({ start, slot }), matchMedia }
 * Returns { element, heading, setData(availability), setBusy(busy), setSelected(start|null),
 *           notify(text, options), clearMessages(), focusHeading(), focusActive(), destroy() }.
 */
export function createCalendarGrid(container, {
  lang = 'en',
  rtl = lang === 'ar',
  visitorZone = localTimeZone(),
  idPrefix = 'calendar',
  title = t('calendar.title'),
  currentStart = null,
  onPick = () => {},
  matchMedia = typeof globalThis.matchMedia === 'function' ? globalThis.matchMedia.bind(globalThis) : null,
} = {}) {
  const id = (name) => `${idPrefix}-${name}`;
  let layout = buildLayout([], { timeZone: visitorZone });
  let queueZone = '';
  let selectedStart = null;
  let active = null; // { row, col }
  let windowStart = 0;
  let perPage = 1;
  let elements = []; // rows × cols: <td> or null
  let columnParts = []; // per column: header + body cells, to show/hide a day
  const positions = new Map(); // <td> -> { row, col }

  const heading = h('h2', { id: id('title'), class: 'calendar__title', tabindex: '-1', text: title });
  const zoneVisitor = h('p', { class: 'calendar__zone' });
  const zoneQueue = h('p', { class: 'calendar__zone' });
  const hint = h('p', { id: id('hint'), class: 'calendar__hint', text: t('calendar.hint') });
  const legend = h('ul', { class: 'legend', 'aria-label': t('calendar.legendLabel') },
    ['open', 'full', 'closed'].map((status) => h('li', { class: 'legend__item' },
      h('span', { class: `legend__swatch slot--${status}`, 'aria-hidden': 'true' }, icon(STATUS_ICON[status])),
      h('span', { text: t(`calendar.legend.${status}`) }))),
    currentStart ? h('li', { class: 'legend__item' },
      h('span', { class: 'legend__swatch slot--current', 'aria-hidden': 'true' }, icon('star')),
      h('span', { text: t('calendar.legend.current') })) : null);
  const messages = h('div', { class: 'calendar__messages' });
  const status = h('p', { class: 'calendar__status', role: 'status' });
  const empty = h('div', { class: 'calendar__empty', hidden: true });

  const previous = h('button', { type: 'button', class: 'btn btn--secondary calendar__page' },
    icon('chevronBack', { mirror: true }), h('span', { text: t('calendar.previousDays') }));
  const next = h('button', { type: 'button', class: 'btn btn--secondary calendar__page' },
    h('span', { text: t('calendar.nextDays') }), icon('chevronForward', { mirror: true }));
  const range = h('p', { class: 'calendar__range', 'aria-live': 'polite' });
  const pager = h('div', { class: 'calendar__pager', hidden: true }, previous, range, next);

  const table = h('table', {
    class: 'calendar__grid', role: 'grid', 'aria-label': t('calendar.gridLabel'), 'aria-describedby': hint.id,
  });
  const frame = h('div', { class: 'calendar__frame' }, table);

  const element = h('section', { class: 'calendar', 'aria-labelledby': heading.id },
    h('div', { class: 'calendar__header' }, heading,
      h('div', { class: 'calendar__zones' }, zoneVisitor, zoneQueue)),
    legend, hint, messages, status, empty, pager, frame);
  container.append(element);

  // ---------- rendering ----------

  const present = (row, col) => Boolean(elements[row]?.[col]);
  const cellAt = (pos) => (pos ? layout.cells[pos.row]?.[pos.col] ?? null : null);
  const isCurrent = (cell) => Boolean(currentStart) && cell.start.getTime() === new Date(currentStart).getTime();
  const choosable = (cell) => cell && cell.status === 'open' && !isCurrent(cell);

  function fillZones() {
    zoneVisitor.replaceChildren(...templated('span', 'calendar.visitorZone', { zone: visitorZone }).childNodes);
    if (queueZone) {
      zoneQueue.replaceChildren(...templated('span', 'calendar.queueZone', { zone: queueZone }).childNodes);
      zoneQueue.hidden = false;
    } else {
      zoneQueue.hidden = true;
    }
  }

  function decorate(td, cell) {
    const current = isCurrent(cell);
    const selected = selectedStart !== null && cell.startIso === selectedStart;
    td.className = `slot slot--${cell.status}${current ? ' slot--current' : ''}${selected ? ' slot--selected' : ''}`;
    td.setAttribute('aria-label', cellName(cell, { lang, current, selected }));
    if (choosable(cell)) {
      td.removeAttribute('aria-disabled');
      td.setAttribute('aria-selected', selected ? 'true' : 'false');
    } else {
      td.setAttribute('aria-disabled', 'true');
      td.removeAttribute('aria-selected');
    }
    const iconName = current ? 'star' : selected ? 'check' : STATUS_ICON[cell.status];
    const labelKey = current ? 'calendar.label.current' : selected ? 'calendar.label.selected' : `calendar.label.${cell.status}`;
    td.replaceChildren(
      h('span', { class: 'slot__body', 'aria-hidden': 'true' }, icon(iconName), h('span', { class: 'slot__label', text: t(labelKey) })),
      cellHasWait(cell) ? h('span', { class: 'slot__tip', 'aria-hidden': 'true', text: waitShort(cell.slot.estimatedWaitMinutes) }) : null);
  }

  function render() {
    positions.clear();
    const cols = layout.days.length;
    table.setAttribute('aria-colcount', String(cols + 1));
    table.setAttribute('aria-rowcount', String(layout.rows.length + 1));
    columnParts = layout.days.map(() => []);

    const headRow = h('tr', { role: 'row', 'aria-rowindex': '1' },
      h('th', { role: 'columnheader', scope: 'col', class: 'calendar__corner', 'aria-colindex': '1' },
        h('span', { class: 'visually-hidden', text: t('calendar.timeHeader') })),
      layout.days.map((day, col) => {
        const short = dayHeading(day, { lang });
        const th = h('th', { role: 'columnheader', scope: 'col', class: 'calendar__day', 'aria-colindex': String(col + 2) },
          h('span', { class: 'visually-hidden', text: dayName(day, { lang }) }),
          h('span', { class: 'calendar__weekday', 'aria-hidden': 'true', text: short.weekday }),
          h('span', { class: 'calendar__date', 'aria-hidden': 'true', text: short.date }));
        columnParts[col].push(th);
        return th;
      }));

    elements = layout.rows.map((row, r) => layout.days.map((_day, c) => {
      const cell = layout.cells[r][c];
      if (!cell) {
        const td = h('td', { role: 'gridcell', class: 'slot slot--empty', 'aria-colindex': String(c + 2) });
        columnParts[c].push(td);
        return null;
      }
      const td = h('td', { role: 'gridcell', tabindex: '-1', 'aria-colindex': String(c + 2) });
      decorate(td, cell);
      positions.set(td, { row: r, col: c });
      columnParts[c].push(td);
      return td;
    }));

    const bodyRows = layout.rows.map((row, r) => h('tr', { role: 'row', 'aria-rowindex': String(r + 2) },
      h('th', { role: 'rowheader', scope: 'row', class: 'calendar__time', 'aria-colindex': '1', text: rowLabel(row) }),
      layout.days.map((_day, c) => columnParts[c][r + 1])));

    table.replaceChildren(h('thead', {}, headRow), h('tbody', {}, bodyRows));
  }

  // ---------- paging (phones see fewer days) ----------

  function measure() {
    if (!matchMedia) return Infinity;
    if (matchMedia('(max-width: 600px)').matches) return 600;
    if (matchMedia('(max-width: 900px)').matches) return 900;
    return Infinity;
  }

  function applyWindow({ announce = false } = {}) {
    const cols = layout.days.length;
    perPage = daysPerPage(measure(), cols);
    windowStart = Math.max(0, Math.min(windowStart, Math.max(0, cols - perPage)));
    columnParts.forEach((parts, col) => {
      const visible = col >= windowStart && col < windowStart + perPage;
      for (const part of parts) part.hidden = !visible;
    });
    const paged = cols > perPage;
    pager.hidden = !paged;
    previous.disabled = windowStart === 0;
    next.disabled = windowStart + perPage >= cols;
    if (paged && cols > 0) {
      const from = dayHeading(layout.days[windowStart], { lang });
      const to = dayHeading(layout.days[Math.min(cols - 1, windowStart + perPage - 1)], { lang });
      const text = t('calendar.range', { from: `${from.weekday} ${from.date}`, to: `${to.weekday} ${to.date}` });
      if (announce || range.textContent !== text) range.textContent = text;
    }
  }

  function visibleColumn(col) {
    return col >= windowStart && col < windowStart + perPage;
  }

  /** Keeps the one tabbable cell inside the visible days (nearest time in the first visible day with slots). */
  function keepActiveVisible() {
    if (active && visibleColumn(active.col) && present(active.row, active.col)) return;
    const row = active?.row ?? 0;
    const last = Math.min(layout.days.length, windowStart + perPage);
    for (let col = windowStart; col < last; col += 1) {
      let best = null;
      for (let r = 0; r < layout.rows.length; r += 1) {
        if (present(r, col) && (best === null || Math.abs(r - row) < Math.abs(best - row))) best = r;
      }
      if (best !== null) {
        setActive({ row: best, col });
        return;
      }
    }
  }

  function page(step) {
    windowStart += step * perPage;
    applyWindow({ announce: true });
    keepActiveVisible();
  }
  previous.addEventListener('click', () => page(-1));
  next.addEventListener('click', () => page(1));

  const queries = matchMedia ? [matchMedia('(max-width: 600px)'), matchMedia('(max-width: 900px)')] : [];
  const onResize = () => {
    applyWindow();
    if (active) windowStart = windowStartFor(active.col, windowStart, perPage, layout.days.length);
    applyWindow();
    keepActiveVisible();
  };
  for (const query of queries) query.addEventListener?.('change', onResize);

  // ---------- focus ----------

  function setActive(pos) {
    if (active) elements[active.row]?.[active.col]?.setAttribute('tabindex', '-1');
    active = pos;
    if (active) elements[active.row][active.col].setAttribute('tabindex', '0');
  }

  function focusCell(pos) {
    setActive(pos);
    if (!visibleColumn(pos.col)) {
      windowStart = windowStartFor(pos.col, windowStart, perPage, layout.days.length);
      applyWindow({ announce: true });
    }
    table.classList.remove('calendar__grid--quiet');
    elements[pos.row][pos.col].focus();
  }

  function initialActive(preferStart) {
    const preferred = preferStart ? findCell(layout, preferStart) : null;
    if (preferred) return { row: preferred.row, col: preferred.col };
    const inWindow = (cell) => visibleColumn(cell.col);
    const pick = layout.slots.find((c) => choosable(c) && inWindow(c))
      ?? layout.slots.find((c) => choosable(c))
      ?? layout.slots.find(inWindow)
      ?? layout.slots[0];
    return pick ? { row: pick.row, col: pick.col } : null;
  }

  const positionOf = (node) => {
    for (let n = node; n && n !== table; n = n.parentNode) {
      if (positions.has(n)) return positions.get(n);
    }
    return null;
  };

  function activate(pos) {
    const cell = cellAt(pos);
    if (!choosable(cell)) return;
    // The server's own instant string goes back to it unchanged (holds and reschedules match on it).
    onPick({ start: typeof cell.slot.start === 'string' ? cell.slot.start : cell.startIso, slot: cell.slot });
  }

  table.addEventListener('keydown', (event) => {
    const pos = positionOf(event.target);
    if (!pos) return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      activate(pos);
      return;
    }
    if (event.key === 'Escape') {
      // Dismisses the wait tooltip (WCAG 1.4.13) without moving focus.
      table.classList.add('calendar__grid--quiet');
      return;
    }
    if (!NAV_KEYS.has(event.key)) return;
    event.preventDefault(); // arrows and Page keys move in the grid, not the page
    const target = moveTarget(pos, event.key, {
      rows: layout.rows.length,
      cols: layout.days.length,
      present,
      rtl,
      ctrlKey: Boolean(event.ctrlKey || event.metaKey),
      pageRows: PAGE_ROWS,
    });
    if (target) focusCell(target);
  });

  table.addEventListener('click', (event) => {
    const pos = positionOf(event.target);
    if (!pos) return;
    setActive(pos);
    table.classList.remove('calendar__grid--quiet');
    activate(pos);
  });

  table.addEventListener('focusin', (event) => {
    const pos = positionOf(event.target);
    if (pos && (!active || pos.row !== active.row || pos.col !== active.col)) setActive(pos);
  });

  // ---------- public ----------

  function setData(availability) {
    const focused = typeof document !== 'undefined' && table.contains(document.activeElement);
    const keep = cellAt(active)?.startIso ?? null;
    queueZone = isValidTimeZone(availability?.timeZone) ? availability.timeZone : '';
    layout = buildLayout(availability?.slots ?? [], { timeZone: visitorZone });
    fillZones();
    render();
    active = null;

    const hasSlots = layout.slots.length > 0;
    const hasOpen = layout.slots.some(choosable);
    frame.hidden = !hasSlots;
    empty.hidden = hasSlots && hasOpen;
    empty.replaceChildren(...(empty.hidden ? [] : [h('p', { class: 'notice', text: t(hasSlots ? 'calendar.noOpen' : 'calendar.noTimes') })]));

    applyWindow();
    const start = initialActive(keep ?? selectedStart ?? currentStart);
    if (start) {
      windowStart = windowStartFor(start.col, windowStart, perPage, layout.days.length);
      applyWindow();
      setActive(start);
      if (focused) elements[start.row][start.col].focus();
    }
    keepActiveVisible();
    if (!focused) revealActive();
  }

  /** Scrolls the frame (not the page) so the tabbable cell shows, e.g. 09:00 rather than 00:00. */
  function revealActive() {
    const td = active ? elements[active.row]?.[active.col] : null;
    if (!td || typeof td.offsetTop !== 'number' || typeof frame.scrollTop !== 'number') return;
    const head = table.querySelector('thead');
    const headHeight = typeof head?.offsetHeight === 'number' ? head.offsetHeight : 0;
    frame.scrollTop = Math.max(0, td.offsetTop - headHeight - 8);
  }

  function setSelected(start) {
    selectedStart = start ? new Date(start).toISOString() : null;
    for (const [td, pos] of positions) decorate(td, layout.cells[pos.row][pos.col]);
  }

  function setBusy(busy) {
    if (busy) {
      table.setAttribute('aria-busy', 'true');
      element.classList.add('calendar--busy');
      status.textContent = t(layout.slots.length ? 'calendar.updating' : 'calendar.loading');
    } else {
      table.removeAttribute('aria-busy');
      element.classList.remove('calendar--busy');
      status.textContent = '';
    }
  }

  fillZones();
  render();

  return {
    element,
    heading,
    setData,
    setBusy,
    setSelected,
    /** Shows a message above the grid; role 'alert' by default (announced at once). */
    notify(text, { kind = 'warning', role = 'alert', action = null } = {}) {
      messages.replaceChildren();
      if (text) messages.append(notice(text, { kind, role, action }));
    },
    clearMessages: () => messages.replaceChildren(),
    focusHeading: () => heading.focus(),
    focusActive() {
      if (active) focusCell(active);
      else heading.focus();
    },
    destroy() {
      for (const query of queries) query.removeEventListener?.('change', onResize);
      element.remove();
    },
  };
}
