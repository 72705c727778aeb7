import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot, modulePath } from './paths.mjs';

const s = await import(modulePath('rooms/states.js'));
const i18n = await import(modulePath('lib/i18n.js'));
const en = JSON.parse(await readFile(path.join(wwwroot, 'i18n/en.json'), 'utf8'));
const ar = JSON.parse(await readFile(path.join(wwwroot, 'i18n/ar.json'), 'utf8'));

const statusText = (facts) => {
  i18n.setStrings(en);
  return i18n.t(s.statusKey(facts));
};

test('readPage takes what the server wrote and degrades anything odd to "invalid"', () => {
  const page = s.readPage({
    lang: 'ar', state: 'early', party: 'customer', opensAt: '2026-05-12T10:20:00Z',
    scheduledTime: '2026-05-12T10:30:00Z', queueZone: 'Asia/Dubai',
    icsUrl: 'https://example.test/bookings/1/ics?token=x', manageUrl: 'https://example.test/manage?token=y',
  });
  assert.equal(page.state, 'early');
  assert.equal(page.party, 'customer');
  assert.equal(page.lang, 'ar');
  assert.equal(page.opensAt.toISOString(), '2026-05-12T10:20:00.000Z');
  assert.equal(page.queueZone, 'Asia/Dubai');
  assert.equal(page.icsUrl, 'https://example.test/bookings/1/ics?token=x');

  // The raw template (placeholders not replaced) is never mistaken for a room.
  const raw = s.readPage({ lang: '{{lang}}', state: '{{state}}', party: '{{party}}', opensAt: '{{opensAt}}', queueZone: '{{queueZone}}' });
  assert.equal(raw.state, 'invalid');
  assert.equal(raw.party, '');
  assert.equal(raw.lang, 'en');
  assert.equal(raw.opensAt, null);
  assert.equal(raw.queueZone, '');

  // An open room without a party cannot be entered.
  assert.equal(s.readPage({ state: 'open', party: '' }).state, 'invalid');
  // Links are never the agent's, and only http(s).
  assert.equal(s.readPage({ state: 'cancelled', party: 'agent', manageUrl: 'https://x.test/' }).manageUrl, '');
  assert.equal(s.readPage({ state: 'cancelled', party: '', manageUrl: 'https://x.test/' }).manageUrl, 'https://x.test/');
  assert.equal(s.readPage({ state: 'invalid', party: '', manageUrl: 'https://x.test/' }).manageUrl, '');
  assert.equal(s.readPage({ state: 'cancelled', party: 'customer', manageUrl: 'javascript:alert(1)' }).manageUrl, '');
});

test('readRoomLocation reads bookingId, token and the relay switch', () => {
  assert.deepEqual(s.readRoomLocation({ pathname: '/rooms/b-123', search: '?token=abc%2Bdef&transport=relay' }),
    { bookingId: 'b-123', token: 'abc+def', forceRelay: true });
  assert.deepEqual(s.readRoomLocation({ pathname: '/rooms/b%20x/', search: '' }),
    { bookingId: 'b x', token: '', forceRelay: false });
  assert.equal(s.readRoomLocation({ pathname: '/other/b-1', search: '?token=t' }).bookingId, '');
  assert.equal(s.readRoomLocation({ pathname: '/rooms/%E0%A4%A', search: '' }).bookingId, '');
});

test('status: waiting for the other party, per page', () => {
  assert.equal(statusText({ party: 'customer', socket: 'connecting' }), 'Waiting for the agent');
  assert.equal(statusText({ party: 'agent', socket: 'open', peer: 'absent' }), 'Waiting for the customer');
});

test('status: Connected only when media flows', () => {
  const base = { party: 'customer', socket: 'open', peer: 'present' };
  assert.equal(statusText({ ...base, media: 'connecting' }), 'Connecting…');
  assert.equal(statusText({ ...base, media: 'connected' }), 'Connected');
  assert.equal(statusText({ ...base, media: 'disconnected' }), 'Reconnecting…');
  assert.equal(statusText({ ...base, media: 'failed' }), 'Reconnecting…');
});

test('status: peer muted / camera off replace Connected while true', () => {
  const customer = { party: 'customer', socket: 'open', peer: 'present', media: 'connected' };
  const agent = { ...customer, party: 'agent' };
  assert.equal(statusText({ ...customer, peerMuted: true }), 'The agent is muted');
  assert.equal(statusText({ ...agent, peerMuted: true }), 'The customer is muted');
  assert.equal(statusText({ ...customer, peerCameraOff: true }), 'The agent turned the camera off');
  assert.equal(statusText({ ...agent, peerCameraOff: true }), 'The customer turned the camera off');
  // Muted is the more important fact when both apply.
  assert.equal(statusText({ ...agent, peerMuted: true, peerCameraOff: true }), 'The customer is muted');
  // A shared screen is what they see; the camera being off is not news then.
  assert.equal(statusText({ ...agent, peerCameraOff: true, peerSharing: true }), 'Connected');
  // Unmuting returns to Connected.
  assert.equal(statusText({ ...agent, peerMuted: false }), 'Connected');
});

test('status: peer left vs. dropped, and our own reconnect', () => {
  assert.equal(statusText({ party: 'agent', socket: 'open', peer: 'left' }), 'The other party left');
  assert.equal(statusText({ party: 'agent', socket: 'open', peer: 'disconnected' }), 'Reconnecting…');
  assert.equal(statusText({ party: 'customer', socket: 'reconnecting', peer: 'present', media: 'connected' }), 'Reconnecting…');
});

test('status keys exist in Arabic too', () => {
  i18n.setStrings(ar);
  const key = s.statusKey({ party: 'customer', socket: 'open', peer: 'present', media: 'connected' });
  assert.equal(i18n.t(key), 'متصل');
});

test('countdownParts rounds up and never goes negative', () => {
  assert.deepEqual(s.countdownParts(0), { days: 0, hours: 0, minutes: 0, seconds: 0 });
  assert.deepEqual(s.countdownParts(-5000), { days: 0, hours: 0, minutes: 0, seconds: 0 });
  assert.deepEqual(s.countdownParts(1), { days: 0, hours: 0, minutes: 0, seconds: 1 });
  assert.deepEqual(s.countdownParts(((26 * 60 + 5) * 60 + 9) * 1000), { days: 1, hours: 2, minutes: 5, seconds: 9 });
});

test('formatCountdown: clock, then days pluralised per language (Latin digits)', () => {
  i18n.setStrings(en);
  const opts = { t: i18n.t, locale: i18n.localeFor('en') };
  assert.equal(s.formatCountdown(((1 * 60 + 5) * 60 + 9) * 1000, opts), '01:05:09');
  assert.equal(s.formatCountdown(86400000 + 1000, opts), '1 day, 00:00:01');
  assert.equal(s.formatCountdown(3 * 86400000, opts), '3 days, 00:00:00');

  i18n.setStrings(ar);
  const arOpts = { t: i18n.t, locale: i18n.localeFor('ar') };
  assert.equal(s.formatCountdown(59000, arOpts), '00:00:59');
  assert.equal(s.formatCountdown(86400000, arOpts), 'يوم واحد و00:00:00');
  assert.equal(s.formatCountdown(2 * 86400000, arOpts), 'يومان و00:00:00');
  assert.equal(s.formatCountdown(3 * 86400000, arOpts), '3 أيام و00:00:00');
  assert.equal(s.formatCountdown(11 * 86400000, arOpts), '11 يومًا و00:00:00');
  assert.doesNotMatch(s.formatCountdown(5 * 86400000 + 7000, arOpts), /[\u0660-\u0669]/);
});

test('earlyReloadAt: just after opensAt, or after a grace period when our clock is ahead', () => {
  const opensAt = new Date('2026-05-12T10:20:00Z');
  const before = opensAt.getTime() - 60000;
  assert.equal(s.earlyReloadAt(opensAt, before), opensAt.getTime() + 1000);
  const after = opensAt.getTime() + 5000;
  assert.equal(s.earlyReloadAt(opensAt, after), after + s.EARLY_GRACE_MS);
  assert.equal(s.earlyReloadAt(null, before), null);
});

test('validateChatText trims and enforces 1..1000 characters', () => {
  assert.deepEqual(s.validateChatText('  hello  '), { ok: true, text: 'hello' });
  assert.deepEqual(s.validateChatText('   '), { ok: false, reason: 'empty' });
  assert.deepEqual(s.validateChatText(undefined), { ok: false, reason: 'empty' });
  assert.equal(s.validateChatText('x'.repeat(1000)).ok, true);
  assert.deepEqual(s.validateChatText('x'.repeat(1001)), { ok: false, reason: 'too-long' });
  assert.equal(s.validateChatText(` ${'x'.repeat(1000)} `).ok, true); // surrounding spaces do not count
  assert.equal(s.validateChatText('مرحبا').text, 'مرحبا');
});

test('mediaProblemKey: denied, none, partial, busy', () => {
  assert.equal(s.mediaProblemKey({ audio: 'ok', video: 'ok' }), null);
  assert.equal(s.mediaProblemKey({ audio: 'denied', video: 'denied' }), 'prejoin.problem.denied');
  assert.equal(s.mediaProblemKey({ audio: 'missing', video: 'missing' }), 'prejoin.problem.none');
  assert.equal(s.mediaProblemKey({ audio: 'ok', video: 'missing' }), 'prejoin.problem.noCamera');
  assert.equal(s.mediaProblemKey({ audio: 'missing', video: 'ok' }), 'prejoin.problem.noMicrophone');
  assert.equal(s.mediaProblemKey({ audio: 'busy', video: 'missing' }), 'prejoin.problem.inUse');
  assert.equal(s.mediaProblemKey({ audio: 'unavailable', video: 'unavailable' }), 'prejoin.problem.unavailable');
});

test('mediaErrorOutcome maps getUserMedia errors', () => {
  assert.equal(s.mediaErrorOutcome({ name: 'NotAllowedError' }), 'denied');
  assert.equal(s.mediaErrorOutcome({ name: 'SecurityError' }), 'denied');
  assert.equal(s.mediaErrorOutcome({ name: 'NotFoundError' }), 'missing');
  assert.equal(s.mediaErrorOutcome({ name: 'OverconstrainedError' }), 'missing');
  assert.equal(s.mediaErrorOutcome({ name: 'NotReadableError' }), 'busy');
  assert.equal(s.mediaErrorOutcome(undefined), 'missing');
});

test('levelFromSamples maps RMS in dBFS to 0..1', () => {
  assert.equal(s.levelFromSamples(new Float32Array(128)), 0);
  assert.equal(s.levelFromSamples([]), 0);
  assert.equal(s.levelFromSamples(new Float32Array(128).fill(1)), 1);
  const quiet = s.levelFromSamples(new Float32Array(128).fill(0.001)); // -60 dB
  assert.ok(quiet < 0.01, `quiet was ${quiet}`);
  const speech = s.levelFromSamples(new Float32Array(128).fill(0.1)); // -20 dB
  assert.ok(Math.abs(speech - 2 / 3) < 0.001, `speech was ${speech}`);
});
