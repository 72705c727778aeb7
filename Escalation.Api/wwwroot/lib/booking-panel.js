// The two booking panels: "Your booking" (the held time, a countdown to the hold's end, Confirm booking /
// Choose another time) and "Booking confirmed" (the time and the calendar, call and manage links).
// No globals: each takes a container and callbacks; timers are injectable for tests.
import { h, fillTemplate } from './dom.js';
import { icon } from './icons.js';
import { t, template, formatTime, localTimeZone } from './i18n.js';
import { countdownText, safeUrl } from './booking-model.js';
import { bookingTimeText, notice, templated } from './booking-ui.js';

/**
 * createHoldPanel(container, { lang, visitorZone, idPrefix, onConfirm, onChooseAnother, onExpired, clock })
 * clock: { now, setInterval, clearInterval } (defaults: the real ones).
 * Returns { element, show({ start, deadline, queueZone }), hide(), setBusy(busy), notify(text, options),
 *           clearMessages(), focusConfirm(), pauseConfirm(seconds), shown }.
 */
export function createHoldPanel(container, {
  lang = 'en',
  visitorZone = localTimeZone(),
  idPrefix = 'hold',
  onConfirm = () => {},
  onChooseAnother = () => {},
  onExpired = () => {},
  clock = globalThis,
} = {}) {
  const id = (name) => `${idPrefix}-${name}`;
  const now = () => (typeof clock.now === 'function' ? clock.now() : Date.now());
  let timer = null;
  let pauseTimer = null;
  let deadline = 0;
  let warned = false;
  let expired = false;
  let busy = false;

  const heading = h('h2', { id: id('title'), class: 'hold__title', tabindex: '-1', text: t('booking.holdTitle') });
  const time = h('p', { id: id('time'), class: 'hold__time' });
  const teamTime = h('p', { class: 'hold__team', hidden: true });
  let countdownValue = null;
  const countdown = h('p', { id: id('countdown'), class: 'hold__countdown', role: 'timer', 'aria-atomic': 'true' });
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const messages = h('div', { class: 'hold__messages' });
  const confirm = h('button', {
    type: 'button', class: 'btn btn--primary hold__confirm', 'aria-describedby': time.id,
  }, icon('check'), h('span', { text: t('booking.confirm') }));
  const another = h('button', { type: 'button', class: 'btn btn--secondary' }, h('span', { text: t('booking.chooseAnother') }));

  const element = h('section', { class: 'card hold', role: 'region', 'aria-labelledby': heading.id, hidden: true },
    h('div', { class: 'hold__header' }, h('span', { class: 'hold__icon', 'aria-hidden': 'true' }, icon('clock')), heading),
    time, teamTime, countdown, live, messages,
    h('div', { class: 'hold__actions' }, confirm, another));
  container.append(element);

  confirm.addEventListener('click', () => {
    if (busy || expired || confirm.getAttribute('aria-disabled') === 'true') return;
    onConfirm();
  });
  another.addEventListener('click', () => onChooseAnother({ expired }));

  const stop = () => {
    if (timer !== null) clock.clearInterval(timer);
    timer = null;
  };

  const expire = () => {
    stop();
    expired = true;
    confirm.hidden = true;
    countdown.hidden = true;
    messages.replaceChildren(notice(t('booking.expired'), { kind: 'warning', role: 'alert' }));
    const hadFocus = typeof document !== 'undefined' && element.contains(document.activeElement);
    if (hadFocus) another.focus();
    onExpired();
  };

  const tick = () => {
    const left = deadline - now();
    if (left <= 0) {
      countdownValue.textContent = countdownText(0);
      expire();
      return;
    }
    countdownValue.textContent = countdownText(left);
    if (!warned && left <= 60000) {
      warned = true;
      live.textContent = t('booking.oneMinuteLeft');
    }
  };

  return {
    element,
    heading,
    get shown() {
      return !element.hidden;
    },
    /** start: ISO instant; deadline: ms on our clock when the hold ends; queueZone: named when it differs. */
    show({ start, deadline: endsAt, queueZone = '' }) {
      stop();
      deadline = endsAt;
      warned = false;
      expired = false;
      busy = false;
      confirm.hidden = false;
      countdown.hidden = false;
      confirm.removeAttribute('aria-busy');
      messages.replaceChildren();
      live.textContent = '';
      time.replaceChildren(icon('calendar'), h('span', { text: bookingTimeText(start, { lang, timeZone: visitorZone }) }));
      if (queueZone && queueZone !== visitorZone) {
        fillTemplate(teamTime, template('booking.teamTime'), { time: formatTime(start, { lang, timeZone: queueZone }) });
        teamTime.hidden = false;
      } else {
        teamTime.hidden = true;
      }
      fillTemplate(countdown, template('booking.heldFor'), { time: '' });
      countdownValue = countdown.querySelector('bdi');
      countdownValue.className = 'hold__clock';
      element.hidden = false;
      tick();
      if (!expired) timer = clock.setInterval(tick, 1000);
    },
    hide() {
      stop();
      if (pauseTimer !== null) clock.clearTimeout?.(pauseTimer);
      pauseTimer = null;
      confirm.removeAttribute('aria-disabled');
      element.hidden = true;
      messages.replaceChildren();
    },
    setBusy(next) {
      busy = Boolean(next);
      if (busy) confirm.setAttribute('aria-busy', 'true');
      else confirm.removeAttribute('aria-busy');
      another.disabled = busy;
    },
    notify(text, { kind = 'warning', role = 'alert', extra = null } = {}) {
      messages.replaceChildren();
      if (text) messages.append(notice(text, { kind, role, extra }));
    },
    clearMessages: () => messages.replaceChildren(),
    focusConfirm() {
      if (!confirm.hidden) confirm.focus();
      else heading.focus();
    },
    /** After a 429: Confirm waits for Retry-After before it can be pressed again. */
    pauseConfirm(seconds) {
      if (!seconds) return;
      confirm.setAttribute('aria-disabled', 'true');
      if (pauseTimer !== null) clock.clearTimeout?.(pauseTimer);
      pauseTimer = clock.setTimeout(() => {
        pauseTimer = null;
        confirm.removeAttribute('aria-disabled');
      }, seconds * 1000);
    },
  };
}

/**
 * "Booking confirmed": the time (visitor zone, named) and the links. Returns { element, heading }.
 * booking: the 201 answer of POST /create { bookingId, status, scheduledTime, customerUrl, icsUrl, manageUrl }.
 */
export function createConfirmation(container, { booking, lang = 'en', visitorZone = localTimeZone(), idPrefix = 'confirmed', base } = {}) {
  const id = (name) => `${idPrefix}-${name}`;
  const heading = h('h2', { id: id('title'), class: 'confirmed__title', tabindex: '-1', text: t('booking.confirmedTitle') });
  const link = (href, key, iconName, kind) => (href
    ? h('a', { class: `btn ${kind}`, href }, icon(iconName), h('span', { text: t(key) }))
    : null);
  const customerUrl = safeUrl(booking?.customerUrl, base);
  const icsUrl = safeUrl(booking?.icsUrl, base);
  const manageUrl = safeUrl(booking?.manageUrl, base);
  const element = h('section', { class: 'card confirmed', role: 'region', 'aria-labelledby': heading.id },
    h('div', { class: 'confirmed__icon', 'aria-hidden': 'true' }, icon('checkCircle')),
    heading,
    h('p', { class: 'confirmed__time' }, icon('calendar'),
      h('span', { text: bookingTimeText(booking?.scheduledTime, { lang, timeZone: visitorZone }) })),
    templated('p', 'booking.reference', { reference: booking?.bookingId ?? '' }, { class: 'confirmed__reference' }),
    h('p', { class: 'confirmed__text', text: t('booking.confirmedBody') }),
    h('div', { class: 'confirmed__actions' },
      link(customerUrl, 'booking.join', 'camera', 'btn--primary'),
      link(icsUrl, 'booking.addToCalendar', 'calendar', 'btn--secondary'),
      link(manageUrl, 'booking.manage', 'link', 'btn--secondary')));
  container.append(element);
  return { element, heading };
}
