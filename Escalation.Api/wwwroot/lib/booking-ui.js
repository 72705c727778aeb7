// Small building blocks shared by the booking and manage pages (and a later embeddable widget):
// notices that announce themselves, calm full-card messages, the booking time in words, what to say
// when a request is refused, page events.
import { tellEmbedder } from './embedding.js';
import { h, fillTemplate } from './dom.js';
import { icon } from './icons.js';
import { t, template, formatTime, localTimeZone } from './i18n.js';
import { dayNameWithYear, dayOf, minutesText } from './calendar-layout.js';

/**
 * A notice box. role 'alert' is announced at once (inserted fresh, so screen readers notice it),
 * 'status' politely; null for a plain note. action: { label, onClick } adds a button.
 */
export function notice(text, { kind = 'info', role = null, action = null, extra = null } = {}) {
  const button = action
    ? h('button', { type: 'button', class: 'btn btn--secondary notice__action', text: action.label })
    : null;
  if (button) button.addEventListener('click', action.onClick);
  return h('div', { class: kind === 'warning' ? 'notice notice--warning' : 'notice', role },
    icon(kind === 'warning' ? 'warning' : 'info'),
    h('div', { class: 'notice__body' }, h('p', { text }), extra, button));
}

/** Replaces what a message slot shows (an empty call clears it). */
export function showNotice(slot, text, options) {
  slot.replaceChildren();
  if (text) slot.append(notice(text, options));
}

/** 'Tuesday 3 June 2026, 14:30 (Europe/London)': the time in the zone, with the zone named. */
export function bookingTimeText(instant, { lang = 'en', timeZone = localTimeZone() } = {}) {
  const day = dayOf(instant, timeZone);
  if (!day) return '';
  return t('time.dateAndTime', { date: dayNameWithYear(day, { lang }), time: formatTime(instant, { lang, timeZone }) });
}

/** 'You can try again in 30 seconds.' / '' when the server did not say. */
export function retryText(seconds, { lang = 'en' } = {}) {
  if (!seconds) return '';
  if (seconds < 90) {
    const category = new Intl.PluralRules(lang === 'ar' ? 'ar' : 'en').select(seconds);
    return t('booking.retryIn', { time: t(`units.seconds.${category}`, { count: String(seconds) }) });
  }
  return t('booking.retryIn', { time: minutesText(Math.ceil(seconds / 60), { lang }) });
}

/** The 429 message, then 'You can try again in 30 seconds.' when the server sent Retry-After. */
export function rateLimitedText(retryAfter, { lang = 'en' } = {}) {
  return `${t('booking.rateLimited')} ${retryText(retryAfter, { lang })}`.trim();
}

/** A request that got no useful answer: the network (status 0) or the server. */
export function failedText(status) {
  return t(status === 0 ? 'booking.networkError' : 'booking.serverError');
}

/**
 * Says on the calendar why the time just picked was not given (a hold on /book, a move on the manage
 * page): taken (409) or no longer offered (400), after which reload() fetches the times again; too
 * many tries (429); or trouble. A page deals with 'unavailable' and reasons of its own before this.
 */
export function notifyPickRefused(grid, result, res, { lang = 'en', reload }) {
  switch (result) {
    case 'conflict':
      grid.notify(t('booking.slotTaken'));
      reload();
      break;
    case 'invalid':
      grid.notify(t('booking.slotUnavailable'));
      reload();
      break;
    case 'busy':
      grid.notify(rateLimitedText(res.retryAfter, { lang }));
      break;
    default:
      grid.notify(failedText(res.status));
  }
}

/**
 * A calm full card (link not valid, page not available, …): icon, heading, lines, actions.
 * Returns { element, heading }.
 */
export function messageCard({ idPrefix, title, lines = [], actions = [], iconName = 'info' }) {
  const heading = h('h2', { id: `${idPrefix}-title`, class: 'message-card__title', tabindex: '-1', text: title });
  const element = h('section', { class: 'card message-card', 'aria-labelledby': `${idPrefix}-title` },
    h('div', { class: 'message-card__icon' }, icon(iconName)),
    heading,
    lines.map((text) => h('p', { class: 'message-card__text', text })),
    actions.length ? h('div', { class: 'message-card__actions' }, actions) : null);
  return { element, heading };
}

/** A paragraph whose {placeholders} are filled with direction-isolated values. */
export function templated(tag, key, vars, props = {}) {
  return fillTemplate(h(tag, props), template(key), vars);
}

let embedder = null;

/** The tenant's page that shows this one in a frame (widget.js), told of every event too; null for none. */
export function embedFor(origin) {
  embedder = origin;
}

/**
 * Tells the embedding page what happened: window 'videoengager:booked' etc. with a detail object, and the widget's
 * page by postMessage when this page is in its frame.
 */
export function emit(target, name, detail) {
  tellEmbedder(target, embedder, name, detail);
  if (!target || typeof target.dispatchEvent !== 'function' || typeof CustomEvent !== 'function') return;
  target.dispatchEvent(new CustomEvent(`videoengager:${name}`, { detail }));
}
