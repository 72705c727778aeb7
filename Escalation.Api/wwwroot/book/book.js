// /book?queueId=…&lang=…&key=…: the visitor's details, then the next 14 days of times (in the visitor's
// zone), a hold on the chosen time and Confirm booking. Two clicks from the calendar: pick + confirm.
// The page only wires the shared modules together (form, grid, panels, API), so an embeddable widget can
// reuse them; it tells the embedding page what happened with window events:
//   videoengager:held   { holdId, start, expiresAt }
//   videoengager:booked { bookingId, status, scheduledTime, callbackId, customerUrl, icsUrl, manageUrl }
import { h } from '../lib/dom.js';
import { loadStrings, setPageLanguage, t, localTimeZone } from '../lib/i18n.js';
import { readBookPage, outcome, holdDeadline, createIdempotency, bookingRequest } from '../lib/booking-model.js';
import { createBookingApi } from '../lib/booking-api.js';
import { createVisitorForm } from '../lib/visitor-form.js';
import { createCalendarGrid } from '../lib/calendar-grid.js';
import { createHoldPanel, createConfirmation } from '../lib/booking-panel.js';
import { mapServerErrors, PRODUCT_LINES, PREFERRED_LANGUAGES } from '../lib/validation.js';
import { messageCard, rateLimitedText, failedText, notifyPickRefused, emit, embedFor } from '../lib/booking-ui.js';
import { embedderOf, fromEmbedder, tellEmbedder } from '../lib/embedding.js';

const AVAILABILITY_DAYS = 14;
const FRESH_MS = 60 * 1000;

/**
 * Starts the page. Everything it touches is passed in (defaults: the browser's), so tests can run it on a
 * fake document. Returns a promise that settles once the first view is shown.
 */
export async function startBookingPage({
  doc = globalThis.document,
  win = globalThis.window,
  loc = globalThis.location,
  fetchImpl = (...args) => globalThis.fetch(...args),
  visitorZone = localTimeZone(),
  clock = globalThis,
} = {}) {
  const root = doc.documentElement;
  const page = readBookPage({ htmlLang: root.getAttribute('lang') ?? '', search: loc.search });
  const { lang, queueId } = page;
  setPageLanguage(root, lang);
  await loadStrings(lang, fetchImpl);

  const heading = doc.getElementById('page-heading');
  const intro = doc.getElementById('page-intro');
  const view = doc.getElementById('book-view');
  doc.title = t('book.pageTitle');
  heading.textContent = t('book.title');
  intro.textContent = t('book.intro');

  const api = createBookingApi({ fetch: fetchImpl, widgetKey: page.key });
  const idempotency = createIdempotency();

  // ---------- views ----------
  const detailsSection = h('div', { class: 'booking-page__details card' });
  const summarySection = h('div', { class: 'booking-page__summary', hidden: true });
  const timesSection = h('div', { class: 'booking-page__times', hidden: true });
  const holdSlot = h('div', { class: 'booking-page__hold' });
  const calendarSlot = h('div', { class: 'booking-page__calendar card' });
  const doneSection = h('div', { class: 'booking-page__done', hidden: true });
  timesSection.append(holdSlot, calendarSlot);
  view.replaceChildren(detailsSection, summarySection, timesSection, doneSection);

  let mode = 'details';
  let details = null; // { visitor, productLine }
  let availability = null;
  let loadedAt = 0;
  let loading = null;
  let loadNoticeShown = false;
  let hold = null; // { holdId, start, expiresAt }
  let holding = false;
  let grid = null;
  let panel = null;

  const setMode = (next) => {
    mode = next;
    detailsSection.hidden = next !== 'details';
    summarySection.hidden = next !== 'times';
    timesSection.hidden = next !== 'times';
    doneSection.hidden = next !== 'done' && next !== 'unavailable';
    intro.hidden = next === 'done' || next === 'unavailable';
  };

  function showUnavailable({ focus = true } = {}) {
    if (mode === 'unavailable') return;
    stopHold();
    setMode('unavailable');
    doc.title = t('book.unavailableTitle');
    const card = messageCard({
      idPrefix: 'unavailable', title: t('book.unavailableTitle'), lines: [t('book.unavailableBody')], iconName: 'warning',
    });
    doneSection.replaceChildren(card.element);
    if (focus) card.heading.focus();
  }

  if (!queueId || !page.key) {
    showUnavailable({ focus: false });
    view.removeAttribute('aria-busy');
    doc.body.dataset.ready = 'true';
    return;
  }

  // ---------- the form ----------
  const form = createVisitorForm(detailsSection, {
    lang,
    idPrefix: 'visitor',
    onSubmit(request) {
      details = request;
      showTimes();
    },
  });

  // In a tenant's site (widget.js): its collect() fills the form, and it hears every event.
  const embedder = embedderOf(loc.search, win);
  embedFor(embedder);
  fromEmbedder(win, embedder, (message) => {
    if (message.type === 'collect') form.fill(message.detail?.visitor ?? {});
  });
  tellEmbedder(win, embedder, 'ready');

  // ---------- summary of the details, with "Change details" ----------
  function renderSummary() {
    const { visitor, productLine } = details;
    const product = PRODUCT_LINES.find((p) => p.value === productLine);
    const language = PREFERRED_LANGUAGES.find((l) => l.value === visitor.preferredLang);
    // Addresses and numbers read left to right inside Arabic text too (<bdi dir="ltr">).
    const row = (key, value, { ltr = false, lang: valueLang } = {}) => [h('dt', { text: t(key) }),
      h('dd', { lang: valueLang }, ltr ? h('bdi', { dir: 'ltr', text: value }) : value)];
    const change = h('button', { type: 'button', class: 'btn btn--secondary summary__change', text: t('book.changeDetails') });
    change.addEventListener('click', () => {
      setMode('details');
      form.focusField('name');
    });
    summarySection.replaceChildren(h('section', { class: 'card summary', 'aria-labelledby': 'summary-title' },
      h('div', { class: 'summary__header' },
        h('h2', { id: 'summary-title', class: 'summary__title', text: t('visitorForm.title') }), change),
      h('dl', { class: 'summary__list' },
        row('visitorForm.name', visitor.name),
        row('visitorForm.email', visitor.email, { ltr: true }),
        row('visitorForm.phone', visitor.phone, { ltr: true }),
        row('visitorForm.productLine', product ? t(product.key) : productLine),
        row('visitorForm.preferredLang', language?.label ?? visitor.preferredLang, { lang: visitor.preferredLang }))));
  }

  // ---------- the calendar ----------
  grid = createCalendarGrid(calendarSlot, {
    lang,
    visitorZone,
    idPrefix: 'calendar',
    title: t('calendar.title'),
    onPick: (choice) => pick(choice.start),
  });

  panel = createHoldPanel(holdSlot, {
    lang,
    visitorZone,
    idPrefix: 'hold',
    clock,
    onConfirm: () => confirmBooking(),
    onChooseAnother: () => chooseAnother(),
    onExpired: () => {
      hold = null;
      idempotency.forget();
      grid.setSelected(null);
      refresh();
    },
  });

  function stopHold() {
    hold = null;
    panel?.hide();
    grid?.setSelected(null);
  }

  /** GET /availability; keeps the answer for the grid. Resolves to the outcome. */
  function loadAvailability() {
    if (loading) return loading;
    grid.setBusy(true);
    loading = api.availability(queueId, { days: AVAILABILITY_DAYS }).then((res) => {
      loading = null;
      grid.setBusy(false);
      const result = outcome(res.status);
      if (result === 'ok' && res.data && Array.isArray(res.data.slots)) {
        availability = res.data;
        loadedAt = Date.now();
        grid.setData(availability);
        // Only a failed load's own notice goes; an alert that caused this refresh stays readable.
        if (loadNoticeShown) grid.clearMessages();
        loadNoticeShown = false;
        return 'ok';
      }
      if (result === 'unavailable' || result === 'invalid') {
        showUnavailable({ focus: mode !== 'details' });
        return result;
      }
      if (mode === 'times') {
        const text = result === 'busy' ? rateLimitedText(res.retryAfter, { lang }) : t('book.loadFailed');
        grid.notify(text, {
          kind: 'warning', role: 'alert', action: { label: t('book.tryAgain'), onClick: () => refresh() },
        });
        loadNoticeShown = true;
      }
      return result;
    });
    return loading;
  }

  const refresh = () => loadAvailability();

  function showTimes() {
    renderSummary();
    setMode('times');
    if (!availability || Date.now() - loadedAt > FRESH_MS) loadAvailability();
    if (hold && panel.shown) panel.focusConfirm();
    else grid.focusHeading();
  }

  // ---------- hold ----------
  async function pick(start) {
    if (holding) return;
    if (hold && hold.start === start && panel.shown) {
      panel.focusConfirm();
      return;
    }
    holding = true;
    grid.clearMessages();
    if (hold) {
      api.releaseHold(hold.holdId); // best effort; an unreleased hold simply expires
      stopHold();
    }
    const res = await api.hold(queueId, start);
    holding = false;
    const result = outcome(res.status);
    if (result === 'ok' && res.data?.holdId) {
      hold = { holdId: res.data.holdId, start, expiresAt: res.data.expiresAt };
      const deadline = holdDeadline(res.data.expiresAt, { serverDate: res.serverDate, receivedAt: Date.now() })
        ?? Date.now() + 5 * 60 * 1000;
      grid.setSelected(start);
      panel.show({ start, deadline, queueZone: availability?.timeZone ?? '' });
      panel.focusConfirm();
      emit(win, 'held', { ...hold });
      return;
    }
    if (result === 'unavailable') showUnavailable();
    else notifyPickRefused(grid, result, res, { lang, reload: refresh });
  }

  function chooseAnother() {
    if (hold) api.releaseHold(hold.holdId);
    stopHold();
    grid.focusActive();
  }

  // ---------- confirm ----------
  /** The held time is gone (taken, or no longer offered): drop the hold, say why on the grid, reload the times. */
  function holdGone(messageKey) {
    stopHold();
    grid.notify(t(messageKey));
    grid.focusHeading();
    refresh();
  }

  async function confirmBooking() {
    if (!hold || !details) return;
    const body = bookingRequest({ ...details, queueId, start: hold.start, holdId: hold.holdId });
    const key = idempotency.keyFor(body);
    panel.setBusy(true);
    panel.clearMessages();
    const res = await api.createBooking(body, key);
    panel.setBusy(false);
    const result = outcome(res.status);
    if (result === 'ok' && res.data) {
      idempotency.forget();
      showConfirmed(res.data);
      return;
    }
    switch (result) {
      case 'conflict':
        idempotency.forget();
        holdGone('booking.slotTaken');
        break;
      case 'invalid': {
        idempotency.forget();
        const { fields } = mapServerErrors(res.data);
        if (Object.keys(fields).length > 0) {
          // Details the API refused: back to the form, each message under its field. The hold stays.
          setMode('details');
          form.showErrors(fields, { focus: true });
        } else {
          holdGone('booking.slotUnavailable');
        }
        break;
      }
      case 'unavailable':
        showUnavailable();
        break;
      case 'busy':
        panel.notify(rateLimitedText(res.retryAfter, { lang }));
        panel.pauseConfirm(res.retryAfter);
        break;
      case 'rejected':
        idempotency.forget();
        panel.notify(t('booking.serverError'));
        break;
      default:
        // Network or server trouble: pressing Confirm again reuses the same Idempotency-Key.
        panel.notify(failedText(res.status));
    }
  }

  function showConfirmed(booking) {
    panel.hide();
    hold = null;
    setMode('done');
    doc.title = t('booking.confirmedTitle');
    const done = createConfirmation(doneSection, {
      booking, lang, visitorZone, idPrefix: 'confirmed', base: loc.href,
    });
    doneSection.replaceChildren(done.element);
    done.heading.focus();
    emit(win, 'booked', { ...booking });
  }

  setMode('details');
  view.removeAttribute('aria-busy');
  // Asked early: an unknown queue or key shows its calm message before anyone fills in the form.
  const first = loadAvailability();
  doc.body.dataset.ready = 'true';
  await first;
}

// Runs in the browser on /book only; importing the module (tests, a widget) starts nothing.
if (typeof document !== 'undefined' && typeof document.getElementById === 'function' && document.getElementById('book-view')) {
  startBookingPage().catch((err) => {
    console.error('book: could not start', err);
    if (document.body) document.body.dataset.ready = 'true';
  });
}
