// Pure room logic: no DOM, no network. Everything here is unit-tested under Node.
import { normalizeLang, parseInstant, isValidTimeZone } from '../lib/i18n.js';
import { safeUrl, idFromPath } from '../lib/urls.js';

export const PAGE_STATES = Object.freeze(['open', 'early', 'cancelled', 'closed', 'invalid']);
export const PARTIES = Object.freeze(['customer', 'agent']);

/**
 * The server's answer as written on <html>: lang + data-* attributes.
 * Anything unexpected (including an unreplaced "{{state}}") degrades to the calm "invalid" page.
 */
export function readPage({ lang, state, party, opensAt, scheduledTime, queueZone, icsUrl, manageUrl } = {}) {
  let pageState = PAGE_STATES.includes(state) ? state : 'invalid';
  const pageParty = PARTIES.includes(party) ? party : '';
  // A room cannot be entered without knowing who is entering.
  if (pageState === 'open' && !pageParty) pageState = 'invalid';
  return {
    state: pageState,
    party: pageState === 'invalid' ? '' : pageParty,
    lang: normalizeLang(lang),
    opensAt: parseInstant(opensAt),
    scheduledTime: parseInstant(scheduledTime),
    queueZone: isValidTimeZone(queueZone) ? queueZone : '',
    // The server leaves these empty for the agent; never shown on the invalid page.
    icsUrl: pageState === 'invalid' || pageParty === 'agent' ? '' : safeUrl(icsUrl),
    manageUrl: pageState === 'invalid' || pageParty === 'agent' ? '' : safeUrl(manageUrl),
  };
}

/** bookingId from /rooms/{bookingId}, token from ?token=, and the transport=relay diagnostic switch. */
export function readRoomLocation({ pathname = '', search = '' } = {}) {
  const params = new URLSearchParams(search);
  return {
    bookingId: idFromPath(pathname, /^\/rooms\/([^/]+)\/?$/),
    token: params.get('token') ?? '',
    forceRelay: params.get('transport') === 'relay',
  };
}

/** The other party, seen from `party`. */
export function otherParty(party) {
  return party === 'agent' ? 'customer' : 'agent';
}

/**
 * Which status text the room shows. Input:
 * - party: 'customer' | 'agent' (whose page this is)
 * - socket: 'idle' | 'connecting' | 'open' | 'reconnecting' (our signalling connection)
 * - peer: 'absent' | 'present' | 'left' | 'disconnected'
 * - media: 'idle' | 'connecting' | 'connected' | 'disconnected' | 'failed' (peer connection)
 * - peerMuted, peerCameraOff, peerSharing: from the peer's last `state` message
 * Returns an i18n key.
 */
export function statusKey({ party, socket = 'idle', peer = 'absent', media = 'idle',
  peerMuted = false, peerCameraOff = false, peerSharing = false } = {}) {
  const other = otherParty(party);
  if (socket === 'reconnecting') return 'status.reconnecting';
  if (peer === 'left') return 'status.peerLeft';
  if (peer === 'disconnected') return 'status.reconnecting';
  if (peer !== 'present') return other === 'agent' ? 'status.waitingAgent' : 'status.waitingCustomer';
  if (media === 'disconnected' || media === 'failed') return 'status.reconnecting';
  if (media !== 'connected') return 'status.connecting';
  // Muted matters most (they cannot be heard); a camera that is off while a screen is shared is not news.
  if (peerMuted) return other === 'agent' ? 'status.agentMuted' : 'status.customerMuted';
  if (peerCameraOff && !peerSharing) return other === 'agent' ? 'status.agentCameraOff' : 'status.customerCameraOff';
  return 'status.connected';
}

/** Remaining time split for display; rounds up so "00:00:00" only shows when the time has come. */
export function countdownParts(ms) {
  const total = Math.max(0, Math.ceil((Number(ms) || 0) / 1000));
  return {
    days: Math.floor(total / 86400),
    hours: Math.floor((total % 86400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

const pad2 = (n) => String(n).padStart(2, '0');

/**
 * '01:05:09', or '2 days, 01:05:09' (days pluralised per language via Intl.PluralRules —
 * Arabic has six plural forms). Digits are always Latin, like every other time on the page.
 * t: the translator (key, vars) => string; locale: an Intl locale tag.
 */
export function formatCountdown(ms, { t, locale = 'en' }) {
  const { days, hours, minutes, seconds } = countdownParts(ms);
  const clock = `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  if (days === 0) return clock;
  const category = new Intl.PluralRules(locale).select(days);
  const dayText = t(`countdown.days.${category}`, { count: String(days) });
  return t('countdown.withDays', { days: dayText, clock });
}

/** If the server said "early" but our clock is already past opensAt, wait this long before asking again. */
export const EARLY_GRACE_MS = 15000;

/**
 * When the early page should reload so the server can decide again.
 * null: no opensAt known (nothing to wait for). Reloads a moment after opensAt, or after a grace
 * period if our clock is ahead of the server's (so clock skew cannot cause a tight reload loop).
 */
export function earlyReloadAt(opensAt, now) {
  if (!(opensAt instanceof Date)) return null;
  const target = opensAt.getTime() + 1000;
  return target > now ? target : now + EARLY_GRACE_MS;
}

export const CHAT_MAX_LENGTH = 1000;

/** Chat text as sent: trimmed, 1..1000 characters (UTF-16 units, as the server counts). */
export function validateChatText(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed.length === 0) return { ok: false, reason: 'empty' };
  if (trimmed.length > CHAT_MAX_LENGTH) return { ok: false, reason: 'too-long' };
  return { ok: true, text: trimmed };
}

/**
 * Which notice the pre-join shows for the outcome of asking for each device.
 * Each outcome: 'ok' | 'denied' | 'missing' | 'busy' | 'unavailable'. Returns null or an i18n key.
 */
export function mediaProblemKey({ audio, video }) {
  if (audio === 'ok' && video === 'ok') return null;
  if (audio === 'ok') return 'prejoin.problem.noCamera';
  if (video === 'ok') return 'prejoin.problem.noMicrophone';
  const both = [audio, video];
  if (both.includes('unavailable')) return 'prejoin.problem.unavailable';
  if (both.includes('denied')) return 'prejoin.problem.denied';
  if (both.includes('busy')) return 'prejoin.problem.inUse';
  return 'prejoin.problem.none';
}

/** getUserMedia error -> outcome used by mediaProblemKey. */
export function mediaErrorOutcome(err) {
  switch (err?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'missing';
  }
}

/**
 * Microphone level 0..1 from time-domain samples (-1..1): RMS in dBFS mapped from -60 dB..0 dB,
 * which is how people perceive loudness (a linear scale barely moves for normal speech).
 */
export function levelFromSamples(samples) {
  if (!samples || samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) sum += samples[i] * samples[i];
  const rms = Math.sqrt(sum / samples.length);
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}
