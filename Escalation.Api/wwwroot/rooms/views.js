// The calm full-page messages: invalid, cancelled, closed, early (with countdown),
// "You left the call" and "opened in another window".
import { h, fillTemplate } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { t, template, formatDate, formatTime, localTimeZone, localeFor } from '../lib/i18n.js';
import { earlyReloadAt, formatCountdown } from './states.js';

/**
 * Shows one centred card. shell: { heading, view } from the page; the page's single <h1> moves
 * into the card. focus: move keyboard/screen-reader focus to the heading (after a change the
 * visitor did not navigate to).
 */
export function showCard(shell, { title, iconName = 'info', lines = [], actions = [], focus = false }) {
  const { heading, view } = shell;
  if (typeof title === 'string') heading.textContent = title;
  const card = h('section', { class: 'message card' },
    h('div', { class: 'message__icon' }, icon(iconName)),
    heading,
    lines,
    actions.length ? h('div', { class: 'message__actions' }, actions) : null);
  view.replaceChildren(card);
  view.dataset.view = 'message';
  if (focus) heading.focus();
  return card;
}

const line = (text) => h('p', { class: 'message__text', text });

export function showInvalid(shell, { focus = false } = {}) {
  document.title = t('invalid.title');
  showCard(shell, { title: t('invalid.title'), lines: [line(t('invalid.body'))], focus });
}

export function showCancelled(shell, page, { focus = false } = {}) {
  document.title = t('cancelled.title');
  // The server only hands the manage link to the customer.
  const actions = page.manageUrl
    ? [h('a', { class: 'btn btn--secondary', href: page.manageUrl, text: t('cancelled.manage') })]
    : [];
  const body = page.party === 'agent' ? t('cancelled.bodyAgent') : t('cancelled.bodyCustomer');
  showCard(shell, { title: t('cancelled.title'), lines: [line(body)], actions, focus });
}

export function showClosed(shell, { focus = false } = {}) {
  document.title = t('closed.title');
  showCard(shell, { title: t('closed.title'), lines: [line(t('closed.body'))], focus });
}

export function showLeft(shell, { onRejoin }) {
  document.title = t('left.title');
  const rejoin = h('button', { type: 'button', class: 'btn btn--primary', text: t('left.rejoin') });
  rejoin.addEventListener('click', async () => {
    rejoin.disabled = true;
    rejoin.setAttribute('aria-busy', 'true');
    try {
      await onRejoin();
    } finally {
      rejoin.disabled = false;
      rejoin.removeAttribute('aria-busy');
    }
  });
  showCard(shell, { title: t('left.title'), lines: [line(t('left.body'))], actions: [rejoin], focus: true });
}

export function showTakenOver(shell) {
  document.title = t('takenOver.title');
  const useHere = h('button', { type: 'button', class: 'btn btn--secondary', text: t('takenOver.useHere') });
  // Deliberately no automatic reconnect: the visitor chooses which window keeps the call.
  useHere.addEventListener('click', () => location.reload());
  showCard(shell, { title: t('takenOver.title'), lines: [line(t('takenOver.body'))], actions: [useHere], focus: true });
}

/**
 * "Your video call starts at …" in the visitor's zone (named), the same moment in the queue's zone
 * when that differs, a calendar link, and a countdown that reloads the page at opensAt so the server
 * decides what to show next (a timer, not a reload loop).
 */
export function showEarly(shell, page) {
  const { lang } = page;
  const localZone = localTimeZone();
  const { heading } = shell;
  const lines = [];

  if (page.scheduledTime) {
    fillTemplate(heading, template('early.title'), {
      time: formatTime(page.scheduledTime, { lang, timeZone: localZone }),
      date: formatDate(page.scheduledTime, { lang, timeZone: localZone }),
    });
    if (page.queueZone && page.queueZone !== localZone) {
      lines.push(fillTemplate(h('p', { class: 'message__text' }), template('early.queueTime'), {
        time: formatTime(page.scheduledTime, { lang, timeZone: page.queueZone }),
        date: formatDate(page.scheduledTime, { lang, timeZone: page.queueZone }),
      }));
    }
  } else {
    heading.textContent = t('early.titleUnknown');
  }
  document.title = t('early.pageTitle');

  let timer = null;
  let countdownValue = null;
  if (page.opensAt) {
    lines.push(fillTemplate(h('p', { class: 'message__text' }), template('early.opensAt'), {
      time: formatTime(page.opensAt, { lang, timeZone: localZone }),
    }));
    // role="timer" is not announced on every tick (implicit aria-live="off"); it can be read on demand.
    timer = fillTemplate(h('p', { class: 'message__countdown', role: 'timer', 'aria-atomic': 'true' }),
      template('early.countdown'), { time: '' });
    countdownValue = timer.querySelector('bdi');
    lines.push(timer);
  }

  const actions = page.icsUrl
    ? [h('a', { class: 'btn btn--secondary', href: page.icsUrl },
      icon('calendar'), h('span', { text: t('early.addToCalendar') }))]
    : [];

  showCard(shell, { iconName: 'clock', lines, actions });
  if (!page.opensAt) return;

  const reloadAt = earlyReloadAt(page.opensAt, Date.now());
  const locale = localeFor(lang);
  const tick = () => {
    const now = Date.now();
    if (now >= reloadAt) {
      clearInterval(interval);
      timer.textContent = t('early.opening');
      location.reload();
      return;
    }
    const remaining = page.opensAt.getTime() - now;
    if (remaining <= 0) timer.textContent = t('early.opening');
    else countdownValue.textContent = formatCountdown(remaining, { t, locale });
  };
  // A 1-second check (not one long timeout): survives sleep/wake and timers longer than 24 days.
  const interval = setInterval(tick, 1000);
  tick();
}
