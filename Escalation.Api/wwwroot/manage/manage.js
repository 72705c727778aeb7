// /bookings/{bookingId}/manage?token=… (and /bookings/{bookingId}?token=… opened in a browser):
// the booking's time in the visitor's zone, Join the video call, Add to calendar, Reschedule (the same
// calendar grid as /book, the current time marked) and Cancel booking (asked in a native <dialog>).
// The calendar to move to comes from /bookings/{id}/availability with the same token (no widget key needed).
// Window events for an embedding page: videoengager:rescheduled, videoengager:cancelled (detail: the booking).
import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { loadStrings, setPageLanguage, t, localTimeZone } from '../lib/i18n.js';
import { readManagePage, readManageLocation, outcome, safeUrl } from '../lib/booking-model.js';
import { createBookingApi } from '../lib/booking-api.js';
import { createCalendarGrid } from '../lib/calendar-grid.js';
import {
  bookingTimeText, messageCard, notice, rateLimitedText, failedText, notifyPickRefused, templated, emit,
} from '../lib/booking-ui.js';

const AVAILABILITY_DAYS = 14;

export async function startManagePage({
  doc = globalThis.document,
  win = globalThis.window,
  loc = globalThis.location,
  fetchImpl = (...args) => globalThis.fetch(...args),
  visitorZone = localTimeZone(),
} = {}) {
  const root = doc.documentElement;
  const page = readManagePage({ lang: root.getAttribute('lang') ?? '' });
  const where = readManageLocation(loc);
  const { lang } = page;
  setPageLanguage(root, lang);
  await loadStrings(lang, fetchImpl);

  const heading = doc.getElementById('page-heading');
  const view = doc.getElementById('manage-view');
  const live = doc.getElementById('manage-live');
  // Polite and whole: set before anything is said, so the first message is announced too.
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const api = createBookingApi({ fetch: fetchImpl });
  doc.title = t('manage.pageTitle');
  heading.textContent = t('manage.title');

  let booking = null;
  let grid = null;
  let rescheduling = false;

  const say = (text) => {
    live.replaceChildren();
    if (text) live.append(notice(text, { kind: 'info' }));
  };
  const done = () => {
    view.removeAttribute('aria-busy');
    doc.body.dataset.ready = 'true';
  };

  // ---------- calm full-page states ----------
  function showInvalid({ focus = false } = {}) {
    closeCalendar();
    doc.title = t('invalid.title');
    heading.textContent = t('invalid.title');
    say('');
    view.replaceChildren(h('section', { class: 'card message-card' },
      h('div', { class: 'message-card__icon', 'aria-hidden': 'true' }, icon('info')),
      h('p', { class: 'message-card__text', text: t('invalid.body') })));
    if (focus) heading.focus();
  }

  function showLoadFailed() {
    const retry = h('button', { type: 'button', class: 'btn btn--secondary', text: t('book.tryAgain') });
    retry.addEventListener('click', () => load({ focus: true }));
    const card = messageCard({
      idPrefix: 'load-failed', title: t('manage.loadFailedTitle'), lines: [t('manage.loadFailedBody')], actions: [retry], iconName: 'warning',
    });
    view.replaceChildren(card.element);
  }

  // ---------- the booking ----------
  const detailsSection = h('div', { class: 'manage__details' });
  const calendarSection = h('div', { class: 'manage__calendar card', id: 'reschedule-calendar', hidden: true });
  let rescheduleButton = null;
  let cancelButton = null;

  function renderBooking() {
    const cancelled = booking.status === 'cancelled';
    const when = bookingTimeText(booking.scheduledTime, { lang, timeZone: visitorZone });
    heading.textContent = cancelled ? t('manage.cancelledTitle') : t('manage.title');
    doc.title = cancelled ? t('manage.cancelledTitle') : t('manage.pageTitle');

    const customerUrl = safeUrl(booking.customerUrl, loc.href);
    const icsUrl = safeUrl(booking.icsUrl, loc.href);
    const canReschedule = !cancelled;

    rescheduleButton = canReschedule
      ? h('button', {
        type: 'button', class: 'btn btn--secondary', 'aria-expanded': 'false', 'aria-controls': calendarSection.id,
      }, icon('calendar'), h('span', { text: t('manage.reschedule') }))
      : null;
    rescheduleButton?.addEventListener('click', () => (calendarSection.hidden ? openCalendar() : closeCalendar({ focus: true })));
    cancelButton = cancelled ? null
      : h('button', { type: 'button', class: 'btn btn--danger-outline' }, h('span', { text: t('manage.cancel') }));
    cancelButton?.addEventListener('click', openDialog);

    const row = (key, value, { ltr = false } = {}) => [h('dt', { text: t(key) }),
      h('dd', {}, ltr ? h('bdi', { dir: 'ltr', text: value }) : value)];
    detailsSection.replaceChildren(h('section', { class: `card manage ${cancelled ? 'manage--cancelled' : ''}`.trim(), 'aria-labelledby': 'manage-details-title' },
      h('div', { class: 'manage__header' },
        h('h2', { id: 'manage-details-title', class: 'manage__title', text: t('manage.detailsTitle') }),
        h('p', { class: `badge ${cancelled ? 'badge--cancelled' : 'badge--confirmed'}` },
          icon(cancelled ? 'closed' : 'checkCircle'),
          h('span', { text: t(cancelled ? 'manage.statusCancelled' : 'manage.statusConfirmed') }))),
      h('dl', { class: 'summary__list' },
        row('manage.when', when),
        booking.queueName ? row('manage.queue', booking.queueName) : row('manage.queue', booking.queueId, { ltr: true }),
        row('manage.reference', booking.bookingId, { ltr: true })),
      cancelled ? h('p', { class: 'manage__text', text: t('manage.cancelledBody') }) : null,
      h('div', { class: 'manage__actions' },
        !cancelled && customerUrl ? h('a', { class: 'btn btn--primary', href: customerUrl }, icon('camera'), h('span', { text: t('manage.join') })) : null,
        icsUrl ? h('a', { class: 'btn btn--secondary', href: icsUrl },
          icon('calendar'), h('span', { text: t(cancelled ? 'manage.updateCalendar' : 'manage.addToCalendar') })) : null,
        rescheduleButton,
        cancelButton)));
  }

  // ---------- reschedule ----------
  const keepTime = h('button', { type: 'button', class: 'btn btn--secondary manage__keep', text: t('manage.keepTime') });
  keepTime.addEventListener('click', () => closeCalendar({ focus: true }));

  function loadAvailability() {
    grid.setBusy(true);
    return api.bookingAvailability(where.bookingId, where.token, { days: AVAILABILITY_DAYS }).then((res) => {
      grid?.setBusy(false);
      if (!grid) return;
      const result = outcome(res.status);
      if (result === 'ok' && Array.isArray(res.data?.slots)) {
        grid.setData(res.data);
        return;
      }
      const text = result === 'busy'
        ? rateLimitedText(res.retryAfter, { lang })
        : t(result === 'unavailable' || result === 'invalid' ? 'manage.rescheduleUnavailable' : 'book.loadFailed');
      grid.notify(text, { action: { label: t('book.tryAgain'), onClick: () => loadAvailability() } });
    });
  }

  function openCalendar() {
    say('');
    grid?.destroy();
    grid = createCalendarGrid(calendarSection, {
      lang,
      visitorZone,
      idPrefix: 'reschedule',
      title: t('manage.newTimeTitle'),
      currentStart: booking.scheduledTime,
      onPick: ({ start }) => reschedule(start),
    });
    calendarSection.append(h('div', { class: 'manage__calendar-actions' }, keepTime));
    calendarSection.hidden = false;
    rescheduleButton?.setAttribute('aria-expanded', 'true');
    grid.focusHeading();
    loadAvailability();
  }

  function closeCalendar({ focus = false } = {}) {
    grid?.destroy();
    grid = null;
    calendarSection.replaceChildren();
    calendarSection.hidden = true;
    rescheduleButton?.setAttribute('aria-expanded', 'false');
    if (focus) rescheduleButton?.focus();
  }

  async function reschedule(start) {
    if (rescheduling || !grid) return;
    rescheduling = true;
    grid.clearMessages();
    grid.setBusy(true);
    const res = await api.reschedule(where.bookingId, where.token, start);
    rescheduling = false;
    grid?.setBusy(false);
    const result = outcome(res.status);
    if (result === 'ok' && res.data) {
      booking = res.data;
      closeCalendar();
      renderBooking();
      say(t('manage.rescheduled', { time: bookingTimeText(booking.scheduledTime, { lang, timeZone: visitorZone }) }));
      rescheduleButton?.focus();
      emit(win, 'rescheduled', { ...booking });
      return;
    }
    const reason = result === 'conflict' ? res.data?.reason : undefined;
    if (result === 'unavailable') showInvalid({ focus: true });
    else if (reason === 'BOOKING_CANCELLED') await load({ focus: true });
    else if (reason === 'NOT_RESCHEDULABLE') grid.notify(t('manage.notReschedulable'));
    else notifyPickRefused(grid, result, res, { lang, reload: loadAvailability });
  }

  // ---------- cancel ----------
  const dialogMessages = h('div', { class: 'dialog__messages' });
  const dialogBody = h('p', { id: 'cancel-body', class: 'dialog__text' });
  const keepBooking = h('button', { type: 'button', class: 'btn btn--secondary', text: t('manage.keep') });
  const confirmCancel = h('button', { type: 'button', class: 'btn btn--danger', text: t('manage.confirmCancel') });
  const dialog = h('dialog', { class: 'dialog', role: 'dialog', 'aria-labelledby': 'cancel-title', 'aria-describedby': dialogBody.id },
    h('h2', { id: 'cancel-title', class: 'dialog__title', text: t('manage.dialogTitle') }),
    dialogBody,
    dialogMessages,
    h('div', { class: 'dialog__actions' }, keepBooking, confirmCancel));
  let cancelling = false;

  function openDialog() {
    dialogMessages.replaceChildren();
    const when = bookingTimeText(booking.scheduledTime, { lang, timeZone: visitorZone });
    dialogBody.replaceChildren(...templated('span', 'manage.dialogBody', { time: when }).childNodes);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    keepBooking.focus(); // the safe choice has focus
  }

  function closeDialog() {
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }

  keepBooking.addEventListener('click', () => {
    closeDialog();
    cancelButton?.focus();
  });
  dialog.addEventListener('close', () => {
    if (booking?.status !== 'cancelled') cancelButton?.focus();
  });
  // Escape closes the dialog, except while the cancellation is on its way.
  dialog.addEventListener('cancel', (event) => {
    if (cancelling) event.preventDefault();
  });

  confirmCancel.addEventListener('click', async () => {
    if (cancelling) return;
    cancelling = true;
    confirmCancel.setAttribute('aria-busy', 'true');
    keepBooking.disabled = true;
    const res = await api.cancel(where.bookingId, where.token);
    cancelling = false;
    confirmCancel.removeAttribute('aria-busy');
    keepBooking.disabled = false;
    const result = outcome(res.status);
    if (result === 'ok' && res.data) {
      booking = res.data;
      closeDialog();
      closeCalendar();
      renderBooking();
      say(t('manage.cancelledAnnouncement'));
      heading.focus();
      emit(win, 'cancelled', { ...booking });
      return;
    }
    if (result === 'unavailable') {
      closeDialog();
      showInvalid({ focus: true });
      return;
    }
    if (result === 'conflict') {
      closeDialog();
      await load({ focus: true });
      return;
    }
    const text = result === 'busy' ? rateLimitedText(res.retryAfter, { lang }) : failedText(res.status);
    dialogMessages.replaceChildren(notice(text, { kind: 'warning', role: 'alert' }));
  });

  // ---------- load ----------
  async function load({ focus = false } = {}) {
    const res = await api.booking(where.bookingId, where.token);
    const result = outcome(res.status);
    if (result === 'ok' && res.data?.bookingId) {
      booking = res.data;
      renderBooking();
      view.replaceChildren(detailsSection, calendarSection, dialog);
      if (focus) heading.focus();
      return;
    }
    if (result === 'unavailable' || result === 'invalid') showInvalid({ focus });
    else showLoadFailed();
  }

  if (!where.bookingId || !where.token) {
    showInvalid();
    done();
    return;
  }
  await load();
  done();
}

// Runs in the browser on the manage page only; importing the module starts nothing.
if (typeof document !== 'undefined' && typeof document.getElementById === 'function' && document.getElementById('manage-view')) {
  startManagePage().catch((err) => {
    console.error('manage: could not start', err);
    if (document.body) document.body.dataset.ready = 'true';
  });
}
